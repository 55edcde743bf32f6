//! Recommendations that do not name the State party as the one to act: "The
//! Committee recommends that sufficient resources be allocated to …" and "The
//! Committee recommends the establishment of …". Each becomes a request the
//! State party is asked about, worded as the others are: the profile's
//! `templates.impersonal` ("ensure that {what}": "ensure that sufficient
//! resources are allocated to …"), or the verb of the noun ("establish …").

use super::*;

/// "recommends that X be done": the words after "that".
static PASSIVE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?:the\s+committee|(?-u:\b)it)\s+(?:(?:also|further|furthermore|strongly|again|therefore|thus|once\s+again|firmly)\s+)*(?:recommends|urges|requests|calls\s+for|encourages)\s+that\s+(.+)$")
        .expect("passive request pattern")
});

/// The passive verb of such a request: "be allocated", "be effectively consulted".
static BE_DONE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\s+be\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|ne|lt|pt|de|ught|ung|id|ld|ut|et)(?-u:\b)")
        .expect("passive verb pattern")
});

/// "…, and that Y be done": the next request of the same sentence.
static AND_THAT_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i),?\s+and\s+that\s+").expect("and that pattern"));

/// Where a noun phrase's head ends: at its first preposition, relative or comma.
static HEAD_END_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\s(?:of|on|for|in|with|to|across|including|that|which|who|from|at|by|under|within|between|among|against|regarding|concerning|such)\s|,|\(")
        .expect("head end pattern")
});

/// "recommends (the) establishment of X": the noun and what follows "of".
static NOMINAL_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?:the\s+committee|(?-u:\b)it)\s+(?:(?:also|further|furthermore|strongly|again|therefore)\s+)*recommends\s+(?:the\s+|that\s+consideration\s+be\s+given\s+to\s+the\s+)?([a-z]+(?:\s+up)?)\s+of\s+(.+)$")
        .expect("nominal request pattern")
});

/// A request that begins with the State party.
static STATE_PARTY_FIRST_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^the\s+State\s+party\b").expect("State party pattern"));

/// Nouns of action and their verbs.
const ACTIONS: [(&str, &str); 32] = [
    ("introduction", "introduce"),
    ("establishment", "establish"),
    ("adoption", "adopt"),
    ("creation", "create"),
    ("development", "develop"),
    ("implementation", "implement"),
    ("allocation", "allocate"),
    ("revision", "revise"),
    ("amendment", "amend"),
    ("elimination", "eliminate"),
    ("strengthening", "strengthen"),
    ("provision", "provide"),
    ("review", "review"),
    ("repeal", "repeal"),
    ("ratification", "ratify"),
    ("withdrawal", "withdraw"),
    ("enactment", "enact"),
    ("inclusion", "include"),
    ("removal", "remove"),
    ("harmonization", "harmonize"),
    ("abolition", "abolish"),
    ("prohibition", "prohibit"),
    ("collection", "collect"),
    ("setting up", "set up"),
    ("promotion", "promote"),
    ("expansion", "expand"),
    ("reform", "reform"),
    ("extension", "extend"),
    ("incorporation", "incorporate"),
    ("elaboration", "elaborate"),
    ("designation", "designate"),
    ("improvement", "improve"),
];

/// Whether a noun phrase is plural, from its head ("sufficient resources",
/// "the declaration of unfitness", "legislation and policy").
fn is_plural(noun_phrase: &str) -> bool {
    let head = match HEAD_END_RE.find(noun_phrase) {
        Some(m) => &noun_phrase[..m.start()],
        None => noun_phrase,
    };
    if head.contains(" and ") {
        return true;
    }
    let last = head.split_whitespace().last().unwrap_or("").to_lowercase();
    matches!(
        last.as_str(),
        "children" | "people" | "women" | "men" | "data" | "media"
    ) || (last.ends_with('s')
        && !last.ends_with("ss")
        && !last.ends_with("us")
        && !last.ends_with("is")
        && last != "news")
}

/// "X be done" → "X is done" (or "are"), for each "and that Y be done" too.
fn indicative(requests: &str) -> Option<String> {
    let mut parts = Vec::new();
    for (i, part) in AND_THAT_RE.split(requests).enumerate() {
        match BE_DONE_RE.find(part) {
            // "… and that all processes are undertaken …": already indicative.
            None if i > 0 => parts.push(part.trim().to_string()),
            None => return None,
            Some(m) => {
                let subject = part[..m.start()].trim();
                if subject.is_empty() {
                    return None;
                }
                let verb = if is_plural(subject) { "are" } else { "is" };
                let rest = &part[m.start()..];
                let rest = rest.trim_start().strip_prefix("be").unwrap_or(rest);
                parts.push(format!("{subject} {verb}{rest}"));
            }
        }
    }
    Some(parts.join(" and that "))
}

/// The request of a sentence that does not name the State party as the one
/// to act, in the base form the other requests have ("ensure that …",
/// "establish …"); none when the sentence is not such a request.
pub(super) fn impersonal_request(sentence: &str, profile: &Profile) -> Option<String> {
    if let Some(c) = PASSIVE_RE.captures(sentence) {
        let rest = c[1].trim();
        if !STATE_PARTY_FIRST_RE.is_match(rest) {
            if let Some(done) = indicative(rest) {
                return Some(fill(&profile.templates.impersonal, &[("what", &done)]));
            }
        }
    }
    let c = NOMINAL_RE.captures(sentence)?;
    let noun = c[1].to_lowercase();
    let (_, verb) = ACTIONS.iter().find(|(n, _)| *n == noun)?;
    Some(format!("{verb} {}", c[2].trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn impersonal_request(sentence: &str) -> Option<String> {
        super::impersonal_request(sentence, &Profile::builtin("CRPD").expect("CRPD profile"))
    }

    #[test]
    fn passive_recommendations_ask_what_the_state_party_ensures() {
        assert_eq!(
            impersonal_request("The Committee recommends that sufficient resources be allocated to ensure the monitoring of the standards."),
            Some("ensure that sufficient resources are allocated to ensure the monitoring of the standards.".into())
        );
        assert_eq!(
            impersonal_request("It also recommends that the declaration of unfitness to stand trial be removed from the criminal justice system."),
            Some("ensure that the declaration of unfitness to stand trial is removed from the criminal justice system.".into())
        );
        assert_eq!(
            impersonal_request("The Committee recommends that investment programmes be harmonized with the Convention and that organizations of persons with disabilities be effectively consulted at all stages."),
            Some("ensure that investment programmes are harmonized with the Convention and that organizations of persons with disabilities are effectively consulted at all stages.".into())
        );
        assert_eq!(
            impersonal_request("The Committee recommends that the rights be mainstreamed in the plans, and that all related processes are undertaken with them."),
            Some("ensure that the rights are mainstreamed in the plans and that all related processes are undertaken with them.".into())
        );
        assert_eq!(
            impersonal_request("The Committee recommends that legislation and policy be amended."),
            Some("ensure that legislation and policy are amended.".into())
        );
        // The State party named: not this rule's.
        assert_eq!(
            impersonal_request("The Committee recommends that the State party adopt a law."),
            None
        );
        // A "that" clause without a passive verb is no request of this kind.
        assert_eq!(
            impersonal_request(
                "The Committee recommends that persons with disabilities have access to justice."
            ),
            None
        );
    }

    #[test]
    fn nouns_of_action_become_their_verbs() {
        assert_eq!(
            impersonal_request("The Committee recommends the introduction of policies targeted at eliminating discrimination."),
            Some("introduce policies targeted at eliminating discrimination.".into())
        );
        assert_eq!(
            impersonal_request(
                "The Committee recommends the establishment of procedural accommodations."
            ),
            Some("establish procedural accommodations.".into())
        );
        assert_eq!(
            impersonal_request("The Committee recommends the use of resources."),
            None
        );
    }
}
