//! The words of a recommendation turned into a question's clauses: its
//! requests ("The Committee recommends that the State party …"), their verbs
//! in the base form, pronouns and pointers resolved, long clauses split.

use super::*;

pub(super) static REQUEST_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?:(?-u:\b)the\s+State\s+party\s+should\s+(?:(?:also|further|furthermore|urgently|therefore)\s+)*(?:,[^,]*,\s*)?|^It\s+should\s+(?:(?:also|further|furthermore)\s+)*|(?:the committee|it|and thus|and therefore|(?-u:\b)and)\s+(?:(?:also|further|furthermore|strongly|again|therefore|thus|once again|firmly)\s+)*(?:recommends|urges|calls\s+(?:up)?on|encourages|invites|requests|reiterates\s+its\s+(?:previous\s+)?recommendations?(?:\s*\([^)]*\))?)\s+(?:that\s*)?(?:,[^,]*,\s*)?the\s+State\s+party\s*(?:,\s*(?:in accordance|in line|in compliance|as a matter)[^,:]*,\s*)?(?:to\s+)?)")
        .expect("request pattern")
});
pub(super) static URGENT_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:adopt|enact|approve|finalize|finalise|pass)\s+(.+?)\s+(?:without\s+(?:further\s+|undue\s+)?delay|as\s+soon\s+as\s+possible|as\s+a\s+matter\s+of\s+priority|expeditiously)$")
        .expect("urgent pattern")
});
pub(super) static CONSIDER_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^consider\s+(\w+ing)\s+(.+)$").expect("consider pattern"));
/// Measures to implement or enforce: the steps taken to implement them.
pub(super) static IMPLEMENT_MEASURES_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:implement|enforce|apply)\s+(?:[\w-]+,?\s+){0,6}?(?:measures|steps)\b")
        .expect("implement measures pattern")
});
/// "take (all) (the necessary) measures (, …,) to X", "adopt and implement
/// effective measures at the federal and state levels to X", "adopt measures
/// (aimed at) ensuring X": the measures asked about are the ones taken to X.
/// Groups: 1 qualifiers, 2 measures/steps, 3 "necessary", 4 X after "to",
/// 5 X as a gerund after "aimed at".
pub(super) static MEASURES_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:take|adopt|introduce|undertake|develop|put\s+in\s+place)(?:\s+and\s+(?:implement|enforce|adopt|apply))?\s+((?:(?:all|the|appropriate|effective|further|additional|concrete|necessary|legislative|practical|urgent|immediate|specific|adequate|other|proactive|targeted|and|more|policy|corrective|special|positive|administrative|budgetary|preventive|protective|legal|judicial|financial|educational|social|robust|comprehensive|decisive|prompt|meaningful|sustained|these|such|any|expedited|priority|monitoring|oversight|interim|temporary|structural|institutional|existing|relevant|systematic|strict|swift|firm|holistic|coordinated|long-term|time-bound|clear|inclusive|age-appropriate|gender-sensitive|awareness-raising)[\s,]+)*)(measures|steps|action|initiatives)\s*((?:necessary|needed|required)\s*)?(?:,[^,]*,\s*(?:(?:necessary|needed|required)\s+)?|(?:at|in|on|within|across)\s+[^;]{1,80}?\s+)?(?:to\s+(.+)|(?:aimed\s+at\s+)?(\w+ing\s.+))$")
        .expect("measures pattern")
});
/// How a request is to be done, when it opens with it ("in close consultation
/// with …", "in line with …", "as a matter of priority", "through …").
pub(super) static MANNER_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:in\s+(?:close\s+)?(?:consultation|cooperation|collaboration|partnership|coordination|conjunction)|in\s+(?:line|accordance|keeping)\s+with|in\s+(?:the\s+)?light\s+of|as\s+a\s+matter\s+of|with\s+the\s|through\s|together\s+with|by\s+means\s+of|within\s|without\s+delay,|with\s+a\s+view)")
        .expect("manner pattern")
});
pub(super) static EFFORTS_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:step\s+up|strengthen|intensify|redouble|continue|pursue|increase|enhance)\s+(?:its\s+)?efforts\s+(?:to\s+)?(.+)$")
        .expect("efforts pattern")
});
/// What efforts are made in or on: "in the provision of X" → "the provision of X".
pub(super) static IN_THE_FIELD_OF_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:in|on|for|towards|regarding|concerning|with\s+regard\s+to)\s+(.+)$")
        .expect("field of efforts pattern")
});
pub(super) static CONTINUE_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^continue\s+to\s+(.+)$").expect("continue pattern"));
pub(super) static PROVIDE_RE: Lazy<Regex> = Lazy::new(|| {
    // Information the State party is to give the Committee ("provide information
    // on …", "… data, disaggregated by sex, on …"), not information it is to
    // give people ("provide information in accessible formats about …").
    Regex::new(r"(?i)^(?:provide|include)\s+(?:in\s+its\s+next\s+(?:periodic\s+)?report\s+)?((?:detailed\s+|comprehensive\s+|updated\s+|further\s+|specific\s+|disaggregated\s+|statistical\s+)?(?:information|data)(?:,?\s+in\s+its\s+next\s+(?:periodic\s+)?report,?)?(?:\s+and\s+(?:\w+\s+)?(?:information|data))?(?:,\s*disaggregated\s+by\s+[^,]+,|\s+disaggregated\s+by\s+[^,;]+?,)?\s+(?:on|about|regarding|concerning|relating\s+to|related\s+to|with\s+regard\s+to|with\s+respect\s+to|as\s+to|to\s+the\s+Committee|that|whether|in\s+its\s+next)\s.+?)(?:,?\s+in\s+its\s+next\s+(?:periodic\s+)?report)?$")
        .expect("provide pattern")
});
pub(super) static NEXT_REPORT_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i),?\s+in\s+its\s+next\s+(?:periodic\s+)?report").expect("next report pattern")
});
pub(super) static AND_TAKE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i),?\s+and\s+(?:to\s+)?take\s+(?:\w+\s+){0,3}(?:measures|steps)\s+(?:necessary\s+)?to\s+")
        .expect("and take pattern")
});
pub(super) static GERUND_RUN_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(\s*,\s*(?:and\s+|or\s+)?|\s*(?:and/or|and|or)\s+)(\w+ing)(?-u:\b)")
        .expect("gerund run pattern")
});
pub(super) static POINTER_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?-u:\b)the\s+(?:above-?\s?mentioned|aforementioned|afore-mentioned|above)\s+((?:[\w’'-]+\s+){0,3}?[\w’'-]+?)(?:(?-u:\b)(?:\s+(?:as|in|to|by|for|with|without|within|and|or|at|on|so|that|which|before|through)(?-u:\b))|[,.;:)]|$)")
        .expect("pointer pattern")
});
pub(super) static NOUN_PHRASE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:the|a|an|any|its|their|lack|absence|insufficient|inadequate|limited|low|high|persistent|continued|widespread|reports)\s")
        .expect("noun phrase pattern")
});
pub(super) static PRESENT_OBSERVATIONS_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:these|the\s+present)\s+concluding\s+observations")
        .expect("present observations pattern")
});
pub(super) static JOINED_REQUEST_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i),?\s+and\s+(?:(?:also|further|strongly)\s+)?(?:recommends|urges|invites|requests|encourages|calls\s+(?:up)?on)\s+(?:that\s+)?the\s+State\s+party\s+(?:to\s+)?")
        .expect("joined request pattern")
});
/// A second request of the same sentence in the subjunctive: "ensure X, and
/// that it provide training" (the State party provides), not "ensure that X is
/// done and that it is monitored" (X is).
pub(super) static AND_THAT_IT_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i),?\s+and\s+that\s+(?:it|the\s+State\s+party)\s+(?:(?:also|further)\s+)?((?:adopt|provide|take|establish|ensure|strengthen|develop|consider|allocate|increase|review|amend|guarantee|implement|introduce|raise|repeal|revise|step|intensify|continue|create|set|bring|make|improve|expedite|ratify|accede|withdraw|promote|combat|prevent|protect|collect|conduct|undertake|enhance|extend|include|seek|facilitate|remove|reduce|eliminate)\b)")
        .expect("and that it pattern")
});
/// What a request's "their implementation" is of: the object of the verb
/// before it ("reiterates the recommendations of the Committee on the Rights
/// of the Child and requests …").
pub(super) static ANTECEDENT_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?:reiterates|recalls|endorses|refers\s+to|draws\s+attention\s+to)\s+((?:the|its)\s+[^,.;]+?)(?:\s+and)?\s*$")
        .expect("antecedent pattern")
});
pub(super) static THEIR_IMPLEMENTATION_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?-u:\b)(?:their|its)\s+((?:full\s+|effective\s+)?)implementation(?-u:\b)")
        .expect("their implementation pattern")
});
/// A request that goes on into sub-paragraphs: "…, and that it:", "… and:".
pub(super) static AND_ITEMS_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i),?\s+and(?:\s+that\s+(?:it|the\s+State\s+party))?(?:\s+(?:also|further))?(?:\s+to)?\s*:$")
        .expect("and items pattern")
});
pub(super) static INFORMATION_ON_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:(?:detailed|comprehensive|updated|further|specific|more|additional)\s+)*information\s+(?:on|about|regarding|concerning)\s+")
        .expect("information on pattern")
});
/// What only the Committee has: "its general comment", "its guidelines".
pub(super) static COMMITTEE_ITS_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?-u:\b)its\s+(general\s+comments?|general\s+recommendations?|guidelines|jurisprudence|previous\s+recommendations?|previous\s+concluding\s+observations)(?-u:\b)")
        .expect("the Committee's pattern")
});
pub(super) static ITS_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?-u:\b)its\s").expect("its pattern"));

pub(super) fn trim_request(s: &str) -> String {
    let mut t = s.trim();
    loop {
        let next = t
            .trim_end_matches([';', '.', ':', ','])
            .trim_end_matches(" and")
            .trim_end_matches(" or")
            .trim_end();
        if next.len() == t.len() {
            return t.to_string();
        }
        t = next;
    }
}

pub(super) fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f)
            if c.clone()
                .next()
                .is_some_and(|n| n.is_lowercase() || n == ' ') =>
        {
            f.to_lowercase().collect::<String>() + c.as_str()
        }
        Some(f) => f.to_string() + c.as_str(),
        None => String::new(),
    }
}

pub(super) fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// "making" → "make", "ratifying" → "ratify", "acceding" → "accede",
/// "withdrawing" → "withdraw", "submitting" → "submit": the verb of a gerund,
/// by English spelling rules and the exceptions the treaty bodies' texts use.
pub(super) fn base_form(gerund: &str) -> String {
    let lower = gerund.to_lowercase();
    let Some(stem) = lower.strip_suffix("ing") else {
        return lower;
    };
    // Verbs whose stems the rules below would get wrong.
    const AS_IS: [&str; 9] = [
        "combat", "pilot", "focus", "budget", "target", "market", "visit", "edit", "monitor",
    ];
    const WITH_E: [&str; 14] = [
        "expedit", "invit", "unit", "writ", "excit", "incit", "recit", "ignit", "complet", "delet",
        "compet", "guid", "rais", "creat",
    ];
    if stem == "cit" || WITH_E.iter().any(|v| stem.ends_with(v)) {
        return format!("{stem}e");
    }
    if AS_IS.iter().any(|v| stem.ends_with(v)) || stem.ends_with("ss") {
        return stem.to_string();
    }
    let chars: Vec<char> = stem.chars().collect();
    let n = chars.len();
    if n < 2 {
        return stem.to_string();
    }
    let vowel = |c: char| "aeiou".contains(c);
    let (last, before) = (chars[n - 1], chars[n - 2]);
    // A doubled consonant: "submitting" → "submit" (not "ll", "ff", "zz": "install").
    if last == before && !vowel(last) && !matches!(last, 'l' | 'f' | 'z') {
        return stem[..stem.len() - 1].to_string();
    }
    // Endings that always lost an e: "achieving", "producing", "reinforcing",
    // "organizing", "changing", "requiring", "increasing", "compiling".
    let lost_e = last == 'v'
        || last == 'c'
        || (last == 'z' && before != 'z')
        || stem.ends_with("ang")
        || stem.ends_with("eng")
        || stem.ends_with("uir")
        || (last == 's'
            && vowel(before)
            && n >= 3
            && vowel(chars[n - 3])
            && chars[n - 3] != before)
        || (last == 'l' && before == 'i' && n >= 3 && !vowel(chars[n - 3]))
        || (last == 't' && matches!(before, 'a' | 'o' | 'u') && n >= 3 && !vowel(chars[n - 3]));
    if lost_e {
        return format!("{stem}e");
    }
    // One vowel before one of these consonants: "making", "acceding",
    // "ensuring", "revising", "becoming", "engaging" (not "entering").
    if vowel(before)
        && matches!(last, 'k' | 'd' | 's' | 'r' | 'm' | 'g')
        && !(n >= 3 && vowel(chars[n - 3]))
        && !(last == 'r' && before == 'e')
    {
        return format!("{stem}e");
    }
    stem.to_string()
}

/// Splits text into sentences (not at "para.", "No.", "arts.").
pub(super) fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut depth = 0i32;
    for (i, b) in bytes.iter().enumerate() {
        match b {
            b'(' => depth += 1,
            b')' => depth -= 1,
            b'.' if depth <= 0 => {
                let next = text[i + 1..].chars().next();
                let after = text[i + 1..].trim_start().chars().next();
                if next.is_some_and(|c| c == ' ') && after.is_some_and(|c| c.is_uppercase()) {
                    let word = text[start..i].rsplit(' ').next().unwrap_or("");
                    if matches!(
                        word,
                        "para"
                            | "paras"
                            | "No"
                            | "Nos"
                            | "arts"
                            | "art"
                            | "e.g"
                            | "i.e"
                            | "Mr"
                            | "Ms"
                    ) {
                        continue;
                    }
                    out.push(text[start..=i].trim().to_string());
                    start = i + 1;
                }
            }
            _ => {}
        }
    }
    if start < text.len() && !text[start..].trim().is_empty() {
        out.push(text[start..].trim().to_string());
    }
    out
}

/// The definite noun phrase a short reference stands for: "the bill" → "the bill
/// on labour migration", when the recommendation names it so.
pub(super) fn resolve_reference(np: &str, text: &str) -> String {
    let np = np.trim();
    if np.split_whitespace().count() > 3 || !np.to_lowercase().starts_with("the ") {
        return np.to_string();
    }
    const STOP: &[&str] = &[
        "is", "are", "was", "has", "have", "be", "been", "and", "that", "which", "with", "in",
        "without", "as", "by",
    ];
    // Matched in a lowercased copy, sliced in the original: "İ" lowercases to two
    // characters, "ẞ" to a shorter one, so every offset is mapped back.
    let (lower, origin) = lowercase_with_origin(text);
    let key = np.to_lowercase();
    if key.is_empty() {
        return np.to_string();
    }
    let mut search = 0;
    while let Some(pos) = lower[search..].find(&key) {
        let lower_start = search + pos;
        let lower_end = lower_start + key.len();
        search = lower_end;
        let (Some(start), Some(at)) = (
            origin.get(lower_start).map(|r| r.start),
            origin.get(lower_end - 1).map(|r| r.end),
        ) else {
            break;
        };
        let rest = &text[at..];
        if rest.starts_with(" on ")
            || rest.starts_with(" to ")
            || rest.starts_with(" concerning ")
            || rest.starts_with(" relating to ")
        {
            let words: Vec<&str> = rest.split_whitespace().collect();
            let Some((first, others)) = words.split_first() else {
                continue;
            };
            let mut taken = vec![*first];
            for w in others {
                let clean = w.trim_end_matches([',', '.', ';', ')']);
                if STOP.contains(&clean.to_lowercase().as_str()) || taken.len() > 8 {
                    break;
                }
                taken.push(clean);
                if clean.len() != w.len() {
                    break;
                }
            }
            if taken.len() > 1 {
                return format!("{} {}", &text[start..at], taken.join(" "));
            }
        }
    }
    np.to_string()
}

/// `text` lowercased, and for each byte of it the byte range, in `text`, of the
/// character it comes from (a lowercase may be longer or shorter than its letter).
pub(super) fn lowercase_with_origin(text: &str) -> (String, Vec<std::ops::Range<usize>>) {
    let mut lower = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let range = i..i + c.len_utf8();
        let before = lower.len();
        lower.extend(c.to_lowercase());
        origin.extend(std::iter::repeat_n(range, lower.len() - before));
    }
    (lower, origin)
}

/// A template with its placeholders filled: `fill("the steps taken to {action}", &[("action", "x")])`.
pub(super) fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (k, v) in values {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

/// "its" right after the verb ("strengthen its consular services"), with no State
/// party before it in the question, reads "the State party's"; an "its" further on
/// usually stands for something else the sentence names ("the Office … its mandate").
pub(super) fn resolve_pronouns(clause: &str, profile: &Profile) -> String {
    let t = &profile.templates;
    let named = t
        .state_party
        .split_whitespace()
        .skip_while(|w| w.chars().next().is_some_and(char::is_lowercase))
        .collect::<Vec<_>>()
        .join(" ");
    let verb_at = clause.find(" to ").map(|p| p + 4).unwrap_or(0);
    match ITS_RE.find(clause) {
        Some(m)
            if !clause[..m.start()].contains(named.as_str())
                && m.start() >= verb_at
                && clause[verb_at..m.start()].split_whitespace().count() <= 2 =>
        {
            format!(
                "{}{} {}",
                &clause[..m.start()],
                t.state_party_possessive,
                &clause[m.end()..]
            )
        }
        _ => clause.to_string(),
    }
}

/// "ratifying or acceding to X" (after "consider") → "ratify or accede to X":
/// every gerund of a coordinated run takes its base form, so the verbs read
/// right after "intends to".
pub(super) fn base_forms_of_run(first: &str, rest: &str) -> String {
    let mut out = base_form(first);
    let mut rest = rest;
    while let Some(c) = GERUND_RUN_RE.captures(rest) {
        let (Some(all), Some(joint), Some(verb)) = (c.get(0), c.get(1), c.get(2)) else {
            break;
        };
        let joint = joint.as_str().trim_start();
        if !joint.starts_with(',') {
            out.push(' ');
        }
        out.push_str(joint);
        out.push_str(&base_form(verb.as_str()));
        rest = &rest[all.end()..];
    }
    out.push(' ');
    out.push_str(rest.trim_start());
    out
}

/// "the above-mentioned instruments" points at text the question does not
/// carry: it becomes the profile's "the instruments referred to in those
/// concluding observations".
pub(super) fn resolve_pointers(clause: &str, profile: &Profile) -> String {
    // "these concluding observations" were the new ones when written; in the
    // list they are the previous ones.
    let out = PRESENT_OBSERVATIONS_RE
        .replace_all(clause, profile.templates.present_observations.as_str())
        .into_owned();
    // "its general comment No. 1", "its guidelines on …": the Committee's
    // (not after "made by the Committee in its …", which says whose).
    let mut resolved = String::with_capacity(out.len());
    let mut at = 0;
    for c in COMMITTEE_ITS_RE.captures_iter(&out) {
        let (Some(all), Some(what)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let mut from = all.start().saturating_sub(40);
        while !out.is_char_boundary(from) {
            from += 1;
        }
        if out[from..all.start()].contains("Committee") {
            continue;
        }
        resolved.push_str(&out[at..all.start()]);
        resolved.push_str(&profile.templates.committee_possessive);
        resolved.push(' ');
        resolved.push_str(what.as_str());
        at = all.end();
    }
    resolved.push_str(&out[at..]);
    let mut out = resolved;
    // Each pass rewrites the first pointer; a pointer the template keeps stops it.
    for _ in 0..4 {
        let Some(c) = POINTER_RE.captures(&out) else {
            break;
        };
        let (Some(all), Some(noun)) = (c.get(0), c.get(1)) else {
            break;
        };
        let replaced = fill(&profile.templates.referred_to, &[("what", noun.as_str())]);
        if POINTER_RE.is_match(&replaced) {
            break;
        }
        out = format!("{}{}{}", &out[..all.start()], replaced, &out[noun.end()..]);
    }
    out
}

/// A request written as a gerund, as sub-paragraphs after "… by:" are
/// ("Adopting a strategy …", "Ratifying or acceding to …"), in the base form
/// the question's "taken to" needs; other requests as they are.
fn in_base_form(request: &str) -> String {
    let (first, rest) = request.split_once(' ').unwrap_or((request, ""));
    let word = first.to_lowercase();
    let not_gerunds = [
        "bring",
        "string",
        "spring",
        "thing",
        "during",
        "nothing",
        "something",
        "everything",
        "king",
        "ring",
        "sing",
        "wing",
    ];
    let gerund = word.len() > 5
        && word.ends_with("ing")
        && word.chars().all(char::is_alphabetic)
        && !not_gerunds.contains(&word.as_str());
    if gerund && !rest.is_empty() {
        base_forms_of_run(first, rest)
    } else {
        request.to_string()
    }
}

/// A request that opens with how it is to be done ("in close consultation with
/// organizations of persons with disabilities, conduct an inquiry …") with the
/// verb first and the manner after it ("conduct an inquiry …, in close
/// consultation with …"), so that it reads after "the measures taken to". The
/// manner ends at the first comma followed by what can be the verb: a word in
/// lower case that is not a joining word, a plural, a participle or an adverb.
fn verb_first(request: &str) -> String {
    if !MANNER_RE.is_match(request) {
        return request.to_string();
    }
    const JOINING: [&str; 22] = [
        "and",
        "or",
        "including",
        "in",
        "inter",
        "as",
        "with",
        "through",
        "at",
        "on",
        "the",
        "a",
        "an",
        "its",
        "their",
        "such",
        "especially",
        "particularly",
        "notably",
        "both",
        "of",
        "to",
    ];
    let mut at = 0;
    while let Some(i) = request[at..].find(", ") {
        let start = at + i + 2;
        let word: String = request[start..]
            .chars()
            .take_while(|c| c.is_alphabetic() || *c == '-')
            .collect();
        let verb_like = word.chars().next().is_some_and(char::is_lowercase)
            && !JOINING.contains(&word.as_str())
            && (!word.ends_with('s') || word.ends_with("ss"))
            && !word.ends_with("ing")
            && !word.ends_with("ed")
            && !word.ends_with("ly");
        if verb_like {
            let manner = request[..at + i].trim();
            let rest = request[start..].trim_end_matches(['.', ';', ',']);
            return format!("{rest}, {}", lower_first(manner));
        }
        at = start;
    }
    request.to_string()
}

/// Turns one request ("take measures to facilitate X") into what the question asks.
pub(super) fn clause_for(request: &str, context: &str, profile: &Profile) -> Clause {
    let t = &profile.templates;
    let r = in_base_form(&verb_first(&trim_request(request)));
    let r = AND_TAKE_RE.replace_all(&r, ", and to ").into_owned();
    let r = resolve_pointers(&r, profile);
    if let Some(c) = URGENT_RE.captures(&r) {
        return Clause::Status(fill(
            &t.adopted,
            &[("subject", &resolve_reference(&c[1], context))],
        ));
    }
    if let Some(c) = CONSIDER_RE.captures(&r) {
        return Clause::Intention(fill(
            &t.intention,
            &[("action", &base_forms_of_run(&c[1], &c[2]))],
        ));
    }
    if let Some(c) = PROVIDE_RE.captures(&r) {
        let what = NEXT_REPORT_RE.replace_all(&c[1], "");
        return Clause::Provide(resolve_pronouns(&what, profile));
    }
    let info = if IMPLEMENT_MEASURES_RE.is_match(&r) {
        fill(&t.steps, &[("action", &lower_first(&r))])
    } else if let Some(c) = MEASURES_RE.captures(&r).filter(|c| {
        // "measures including …" are not measures taken to include.
        let not_purpose = [
            "including",
            "concerning",
            "regarding",
            "relating",
            "involving",
            "following",
            "according",
            "being",
        ];
        c.get(5)
            .and_then(|g| g.as_str().split_whitespace().next())
            .is_none_or(|w| !not_purpose.contains(&w.to_lowercase().as_str()))
    }) {
        let qualifiers = c[1].to_lowercase();
        let generous = qualifiers.contains("all") || c.get(3).is_some();
        let action = match (c.get(4), c.get(5)) {
            (Some(to), _) => to.as_str().to_string(),
            (None, Some(aimed_at)) => in_base_form(aimed_at.as_str()),
            (None, None) => String::new(),
        };
        if &c[2].to_lowercase() == "steps" || !generous {
            fill(&t.steps, &[("action", &action)])
        } else {
            fill(&t.efforts, &[("action", &action)])
        }
    } else if let Some(c) = EFFORTS_RE.captures(&r) {
        // "step up its efforts in the provision of X": efforts at something,
        // not efforts to do it.
        match IN_THE_FIELD_OF_RE.captures(&c[1]) {
            Some(f) => fill(&t.address, &[("subject", &f[1])]),
            None => fill(&t.efforts, &[("action", &c[1])]),
        }
    } else if let Some(c) = CONTINUE_RE.captures(&r) {
        return clause_for(&c[1], context, profile);
    } else if NOUN_PHRASE_RE.is_match(&r) {
        fill(&t.address, &[("subject", &lower_first(&r))])
    } else {
        fill(&t.efforts, &[("action", &lower_first(&r))])
    };
    Clause::Information(resolve_pronouns(&info, profile))
}

/// Splits a long "ensure that A, that B, and that C" into the first request and the rest.
pub(super) fn split_long(clause: Clause) -> Vec<Clause> {
    if let Clause::Information(text) = &clause {
        if text.split_whitespace().count() > 40 {
            if let Some(ensure) = text.find("ensure that ") {
                if let Some(p) = text[ensure..].find(", that ") {
                    let cut = ensure + p;
                    let first = text[..cut].to_string();
                    let rest = text[cut + 2..].trim_start_matches("and ").to_string();
                    let prefix = &text[..ensure + "ensure ".len()];
                    return vec![
                        Clause::Information(first),
                        Clause::Information(format!("{prefix}{rest}")),
                    ];
                }
            }
        }
    }
    vec![clause]
}

/// The requests of a recommendation's own text, in order (an urgent adoption
/// first). A sentence that joins two requests ("…, and invites the State party
/// to provide …") gives two.
pub(super) fn requests_of(text: &str, profile: &Profile) -> Vec<String> {
    let mut out = Vec::new();
    for s in sentences(text) {
        if let Some(m) = REQUEST_RE.find(&s) {
            let rest = s[m.end()..].trim();
            let mut parts = Vec::new();
            let mut at = 0;
            for j in JOINED_REQUEST_RE.find_iter(rest) {
                parts.push(&rest[at..j.start()]);
                at = j.end();
            }
            parts.push(&rest[at..]);
            // "reiterates the recommendations of X and requests that the State
            // party expedite their implementation": whose implementation.
            let antecedent = ANTECEDENT_RE
                .captures(&s[..m.start()])
                .map(|c| c[1].to_string());
            for part in parts {
                let resolved;
                let part = match (&antecedent, THEIR_IMPLEMENTATION_RE.captures(part)) {
                    (Some(a), Some(c)) => {
                        let t = c.get(0).map_or(0..0, |m| m.range());
                        resolved = format!(
                            "{}the {}implementation of {a}{}",
                            &part[..t.start],
                            &c[1],
                            &part[t.end..]
                        );
                        resolved.as_str()
                    }
                    _ => part,
                };
                let part = part.trim();
                // ", in close consultation with …, conduct …": the request once
                // its verb is found; without one, no request.
                let part = match part.strip_prefix(',').map(str::trim) {
                    Some(p) => match verb_first(p) {
                        found if found != p => found,
                        _ => continue,
                    },
                    None => part.to_string(),
                };
                // "consider ratifying X, and that it:" asks X, then its items.
                let part = match AND_ITEMS_RE.find(&part) {
                    Some(m) => part[..m.start()].trim_end().to_string(),
                    None => part,
                };
                let part = part.as_str();
                if !part.is_empty() && !part.ends_with(':') {
                    // "…, and that it provide …" reads "…, and to provide …".
                    out.push(AND_THAT_IT_RE.replace_all(part, ", and to $1").into_owned());
                }
            }
        } else if let Some(r) = super::impersonal::impersonal_request(&s, profile) {
            out.push(r);
        }
    }
    out
}
