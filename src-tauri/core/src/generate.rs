//! Generate: recommendations → questions in the committee's own style, by
//! deterministic rules on the recommendation's own words.
//!
//! "recommends that the State party take measures to facilitate X" becomes
//! "In the light of the recommendation made by the Committee in its previous
//! concluding observations,¹ please provide information on the steps taken to
//! facilitate X." The lead-in, the citation style and the section come from the
//! committee profile.

use chrono::NaiveDate;
use once_cell::sync::Lazy;
use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::model::{
    paragraphs_phrase, Citation, CitationStyle, Document, DocumentKind, IssueList, ListQuestion,
    NoteAnchor, ParaRef, Paragraph, ParagraphKind, StateParty, SubParagraph,
};
use crate::profile::{Profile, SubparagraphForm};

/// How to draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct GenerateOptions {
    pub style: CitationStyle,
    /// `ListOfIssues` or `ListOfIssuesPriorToReporting`.
    pub kind: DocumentKind,
    /// One question per sub-paragraph instead of one question with sub-items.
    pub split_subparagraphs: bool,
}

impl Default for GenerateOptions {
    fn default() -> Self {
        GenerateOptions {
            style: CitationStyle::Footnote,
            kind: DocumentKind::ListOfIssuesPriorToReporting,
            split_subparagraphs: false,
        }
    }
}

/// A recommendation to ask about, with what its history says.
#[derive(Debug, Clone)]
pub struct RecommendationInput<'a> {
    /// The concluding observations it is in ("CMW/C/TJK/CO/2").
    pub symbol: &'a str,
    pub paragraph: &'a Paragraph,
    /// Only these sub-paragraphs ("a", "d"); `None` for the whole recommendation.
    pub only_subparagraphs: Option<Vec<String>>,
    pub times_recommended: u32,
    pub follow_up: bool,
    /// The date of the latest follow-up assessment of it (or of one it repeats).
    pub assessed: Option<NaiveDate>,
    /// The articles of its cluster.
    pub cluster_articles: Vec<u32>,
}

impl<'a> RecommendationInput<'a> {
    /// An input with no history.
    pub fn new(symbol: &'a str, paragraph: &'a Paragraph) -> Self {
        RecommendationInput {
            symbol,
            paragraph,
            only_subparagraphs: None,
            times_recommended: 1,
            follow_up: paragraph.follow_up,
            assessed: None,
            cluster_articles: Vec::new(),
        }
    }
}

/// Whether a recommendation (or the given sub-paragraphs of it) is under
/// follow-up, from the document's follow-up references ("12", "35 (a)").
pub fn under_follow_up(
    follow_up_paragraphs: &[String],
    number: &str,
    labels: Option<&[String]>,
) -> bool {
    follow_up_paragraphs.iter().any(|r| {
        let r = ParaRef::read(r);
        r.number == number
            && match (labels, r.label) {
                (None, _) | (_, None) => true,
                (Some(ls), Some(l)) => ls.contains(&l),
            }
    })
}

/// A generated question and the recommendation references it asks about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GeneratedQuestion {
    pub question: ListQuestion,
    pub sources: Vec<Citation>,
}

/// What the committee asks for, in one request of a recommendation.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Clause {
    /// "the steps taken to facilitate …" (after "please provide information on").
    Information(String),
    /// "whether the State party intends to make …".
    Intention(String),
    /// "whether the bill on labour migration has been adopted".
    Status(String),
    /// "detailed information on …" (after "please provide").
    Provide(String),
}

static REQUEST_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?:(?-u:\b)the\s+State\s+party\s+should\s+(?:(?:also|further|furthermore|urgently|therefore)\s+)*(?:,[^,]*,\s*)?|^It\s+should\s+(?:(?:also|further|furthermore)\s+)*|(?:the committee|it|and thus|and therefore)\s+(?:(?:also|further|furthermore|strongly|again|therefore|thus|once again|firmly)\s+)*(?:recommends|urges|calls\s+(?:up)?on|encourages|invites|requests|reiterates\s+its\s+(?:previous\s+)?recommendations?(?:\s*\([^)]*\))?)\s+(?:that\s*)?(?:,[^,]*,\s*)?the\s+State\s+party\s*(?:,\s*(?:in accordance|in line|in compliance|as a matter)[^,:]*,\s*)?(?:to\s+)?)")
        .expect("request pattern")
});
static URGENT_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:adopt|enact|approve|finalize|finalise|pass)\s+(.+?)\s+(?:without\s+(?:further\s+|undue\s+)?delay|as\s+soon\s+as\s+possible|as\s+a\s+matter\s+of\s+priority|expeditiously)$")
        .expect("urgent pattern")
});
static CONSIDER_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^consider\s+(\w+ing)\s+(.+)$").expect("consider pattern"));
static MEASURES_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:take|adopt)\s+((?:(?:all|the|appropriate|effective|further|additional|concrete|necessary|legislative|practical|urgent|immediate|specific|adequate|other|proactive|targeted|and|more|policy|corrective|special|positive|administrative|budgetary|preventive|protective|legal|judicial|financial|educational|social|robust|comprehensive|decisive|prompt|meaningful|sustained|these|such|any)[\s,]+)*)(measures|steps|action|initiatives)\s*((?:necessary|needed|required)\s*)?(?:,[^,]*,\s*|(?:at|in|on|within|across)\s+[^,;]{1,60}?\s+)?to\s+(.+)$")
        .expect("measures pattern")
});
static EFFORTS_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:step\s+up|strengthen|intensify|redouble|continue|pursue|increase|enhance)\s+(?:its\s+)?efforts\s+(?:to\s+)?(.+)$")
        .expect("efforts pattern")
});
static CONTINUE_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^continue\s+to\s+(.+)$").expect("continue pattern"));
static PROVIDE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:provide|include)\s+(?:in\s+its\s+next\s+(?:periodic\s+)?report\s+)?((?:detailed\s+|comprehensive\s+|updated\s+|further\s+|specific\s+)?(?:information|data)\s+.+?)(?:,?\s+in\s+its\s+next\s+(?:periodic\s+)?report)?$")
        .expect("provide pattern")
});
static NEXT_REPORT_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i),?\s+in\s+its\s+next\s+(?:periodic\s+)?report").expect("next report pattern")
});
static AND_TAKE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i),?\s+and\s+take\s+(?:\w+\s+){0,3}(?:measures|steps)\s+(?:necessary\s+)?to\s+")
        .expect("and take pattern")
});
static GERUND_RUN_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(\s*,\s*(?:and\s+|or\s+)?|\s*(?:and/or|and|or)\s+)(\w+ing)(?-u:\b)")
        .expect("gerund run pattern")
});
static POINTER_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?-u:\b)the\s+(?:above-?\s?mentioned|aforementioned|afore-mentioned|above)\s+((?:[\w’'-]+\s+){0,3}?[\w’'-]+?)(?:(?-u:\b)(?:\s+(?:as|in|to|by|for|with|without|within|and|or|at|on|so|that|which|before|through)(?-u:\b))|[,.;:)]|$)")
        .expect("pointer pattern")
});
static NOUN_PHRASE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:the|a|an|any|its|their|lack|absence|insufficient|inadequate|limited|low|high|persistent|continued|widespread|reports)\s")
        .expect("noun phrase pattern")
});
static PRESENT_OBSERVATIONS_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:these|the\s+present)\s+concluding\s+observations")
        .expect("present observations pattern")
});
static JOINED_REQUEST_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i),?\s+and\s+(?:(?:also|further|strongly)\s+)?(?:recommends|urges|invites|requests|encourages|calls\s+(?:up)?on)\s+(?:that\s+)?the\s+State\s+party\s+(?:to\s+)?")
        .expect("joined request pattern")
});
/// A second request of the same sentence in the subjunctive: "ensure X, and
/// that it provide training" (the State party provides), not "ensure that X is
/// done and that it is monitored" (X is).
static AND_THAT_IT_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i),?\s+and\s+that\s+(?:it|the\s+State\s+party)\s+(?:(?:also|further)\s+)?((?:adopt|provide|take|establish|ensure|strengthen|develop|consider|allocate|increase|review|amend|guarantee|implement|introduce|raise|repeal|revise|step|intensify|continue|create|set|bring|make|improve|expedite|ratify|accede|withdraw|promote|combat|prevent|protect|collect|conduct|undertake|enhance|extend|include|seek|facilitate|remove|reduce|eliminate)\b)")
        .expect("and that it pattern")
});
static INFORMATION_ON_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:(?:detailed|comprehensive|updated|further|specific|more|additional)\s+)*information\s+(?:on|about|regarding|concerning)\s+")
        .expect("information on pattern")
});
static ITS_RE: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?-u:\b)its\s").expect("its pattern"));

fn trim_request(s: &str) -> String {
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

fn lower_first(s: &str) -> String {
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

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// "making" → "make", "ratifying" → "ratify", "acceding" → "accede", "withdrawing" → "withdraw".
fn base_form(gerund: &str) -> String {
    let lower = gerund.to_lowercase();
    let Some(stem) = lower.strip_suffix("ing") else {
        return lower;
    };
    let chars: Vec<char> = stem.chars().collect();
    let n = chars.len();
    if n >= 2 && chars[n - 1] == chars[n - 2] && !matches!(chars[n - 1], 'l' | 's' | 'f' | 'z') {
        return stem[..stem.len() - 1].to_string();
    }
    let vowel = |c: char| "aeiou".contains(c);
    if n >= 2
        && vowel(chars[n - 2])
        && matches!(
            chars[n - 1],
            'k' | 'd' | 'c' | 'v' | 's' | 'z' | 'r' | 'm' | 'g'
        )
        && !(n >= 3 && vowel(chars[n - 3]))
    {
        return format!("{stem}e");
    }
    stem.to_string()
}

/// Splits text into sentences (not at "para.", "No.", "arts.").
fn sentences(text: &str) -> Vec<String> {
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
fn resolve_reference(np: &str, text: &str) -> String {
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
fn lowercase_with_origin(text: &str) -> (String, Vec<std::ops::Range<usize>>) {
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
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (k, v) in values {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

/// "its" right after the verb ("strengthen its consular services"), with no State
/// party before it in the question, reads "the State party's"; an "its" further on
/// usually stands for something else the sentence names ("the Office … its mandate").
fn resolve_pronouns(clause: &str, profile: &Profile) -> String {
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
fn base_forms_of_run(first: &str, rest: &str) -> String {
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
fn resolve_pointers(clause: &str, profile: &Profile) -> String {
    // "these concluding observations" were the new ones when written; in the
    // list they are the previous ones.
    let mut out = PRESENT_OBSERVATIONS_RE
        .replace_all(clause, profile.templates.present_observations.as_str())
        .into_owned();
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

/// Turns one request ("take measures to facilitate X") into what the question asks.
fn clause_for(request: &str, context: &str, profile: &Profile) -> Clause {
    let t = &profile.templates;
    let r = trim_request(request);
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
    let info = if let Some(c) = MEASURES_RE.captures(&r) {
        let qualifiers = c[1].to_lowercase();
        let generous = qualifiers.contains("all") || c.get(3).is_some();
        if &c[2].to_lowercase() == "steps" || !generous {
            fill(&t.steps, &[("action", &c[4])])
        } else {
            fill(&t.efforts, &[("action", &c[4])])
        }
    } else if let Some(c) = EFFORTS_RE.captures(&r) {
        fill(&t.efforts, &[("action", &c[1])])
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
fn split_long(clause: Clause) -> Vec<Clause> {
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
fn requests_of(text: &str) -> Vec<String> {
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
            for part in parts {
                let part = part.trim();
                if !part.is_empty() && !part.starts_with(',') && !part.ends_with(':') {
                    // "…, and that it provide …" reads "…, and to provide …".
                    out.push(AND_THAT_IT_RE.replace_all(part, ", and to $1").into_owned());
                }
            }
        }
    }
    out
}

/// A question's sentences from its clauses: the first with the lead-in.
struct Drafted {
    text: String,
    /// Byte offset after the lead-in's comma, where the footnote marker goes.
    note_at: usize,
}

fn lead_in(profile: &Profile, follow_up: bool) -> &str {
    if follow_up {
        &profile.lead_ins.follow_up
    } else {
        &profile.lead_ins.default
    }
}

pub fn citation_text(
    style: CitationStyle,
    symbol: &str,
    refs: &[String],
    profile: &Profile,
) -> String {
    let paragraphs = paragraphs_phrase(refs);
    match style {
        CitationStyle::Footnote => String::new(),
        CitationStyle::Inline => fill(
            &profile.citations.inline,
            &[("symbol", symbol), ("paragraphs", &paragraphs)],
        ),
        CitationStyle::Bare => fill(&profile.citations.bare, &[("paragraphs", &paragraphs)]),
    }
}

/// The lead-in, its citation and the comma after them (where a footnote marker goes).
fn open_with(text: &mut String, lead: &str, cite: &str) -> usize {
    text.push_str(lead.trim_end_matches(','));
    text.push_str(cite);
    text.push(',');
    text.len()
}

fn draft_sentences(
    clauses: &[Clause],
    lead: &str,
    follow_up_lead: bool,
    profile: &Profile,
    cite: &str,
) -> Drafted {
    let t = &profile.templates;
    let mut text = String::new();
    let mut note_at = 0;
    for (i, c) in clauses.iter().enumerate() {
        text.push(' ');
        if i == 0 {
            text.clear();
            match c {
                Clause::Intention(w) => {
                    let opening = if follow_up_lead {
                        fill(&t.indicate_with_lead, &[("lead", &lower_first(lead))])
                    } else {
                        profile.lead_ins.indicate.clone()
                    };
                    note_at = open_with(&mut text, &opening, cite);
                    text.push(' ');
                    text.push_str(&fill(&t.intention_tail, &[("what", w)]));
                }
                other => {
                    note_at = open_with(&mut text, lead, cite);
                    text.push(' ');
                    text.push_str(&match other {
                        Clause::Information(w) => fill(&t.ask_information, &[("what", w)]),
                        Clause::Status(w) => fill(&t.ask_status, &[("what", w)]),
                        Clause::Provide(w) => fill(&t.ask_provide, &[("what", w)]),
                        Clause::Intention(_) => String::new(),
                    });
                }
            }
        } else {
            text.push_str(&match c {
                Clause::Information(w) => fill(&t.also_information, &[("what", w)]),
                Clause::Status(w) => fill(&t.also_status, &[("what", w)]),
                Clause::Provide(w) => fill(&t.also_provide, &[("what", w)]),
                Clause::Intention(w) => fill(&t.also_intention, &[("what", w)]),
            });
        }
    }
    Drafted { text, note_at }
}

/// The sub-item for one sub-paragraph, a noun phrase that reads after "please
/// provide information on:" — "The efforts made to adopt …", "Whether the bill …
/// has been adopted", "The measures taken …" (for "provide information on the
/// measures taken …").
fn subitem_text(sub: &SubParagraph, context: &str, profile: &Profile) -> String {
    let text = match clause_for(&sub.text, context, profile) {
        Clause::Information(w) | Clause::Status(w) | Clause::Intention(w) => w,
        Clause::Provide(w) => match INFORMATION_ON_RE.find(&w) {
            Some(m) if m.end() < w.len() => w[m.end()..].to_string(),
            _ => w,
        },
    };
    upper_first(&text)
}

fn punctuate_items(items: &mut [SubParagraph]) {
    let n = items.len();
    for (i, it) in items.iter_mut().enumerate() {
        let t = it.text.trim_end_matches([';', '.', ',', ':']).to_string();
        it.text = if i + 1 == n {
            format!("{t}.")
        } else {
            format!("{t};")
        };
    }
}

/// The label after `label` in the same series: "c" → "d", "ix" → "x" is not
/// needed (sub-paragraphs use letters); anything else gets the next letter after
/// the count.
fn next_label(items: &[SubParagraph]) -> String {
    let last = items.last().map(|s| s.label.as_str()).unwrap_or("");
    let mut chars = last.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_lowercase() && c != 'z' => {
            ((c as u8 + 1) as char).to_string()
        }
        _ => {
            let n = items.len() as u8;
            ((b'a' + n.min(25)) as char).to_string()
        }
    }
}

/// The questions for one recommendation (one, or one per sub-paragraph when splitting).
pub fn generate_questions(
    input: &RecommendationInput,
    profile: &Profile,
    opts: &GenerateOptions,
) -> Vec<GeneratedQuestion> {
    let t = &profile.templates;
    let p = input.paragraph;
    let number = p.number.clone().unwrap_or_default();
    let section = profile.section_for(&p.full_text(), p.theme.as_deref(), &input.cluster_articles);
    let context = p.full_text();
    let subs: Vec<&SubParagraph> = match &input.only_subparagraphs {
        Some(labels) => p
            .subparagraphs
            .iter()
            .filter(|s| labels.contains(&s.label))
            .collect(),
        None => p.subparagraphs.iter().collect(),
    };
    if opts.split_subparagraphs && subs.len() > 1 {
        return subs
            .iter()
            .flat_map(|s| {
                let one = RecommendationInput {
                    only_subparagraphs: Some(vec![s.label.clone()]),
                    ..input.clone()
                };
                generate_questions(
                    &one,
                    profile,
                    &GenerateOptions {
                        split_subparagraphs: false,
                        ..*opts
                    },
                )
            })
            .collect();
    }
    // Sub-paragraphs asked for but not found (a paragraph read without its
    // letters): the question is about the whole paragraph, cited as asked.
    let missing = input.only_subparagraphs.is_some() && subs.is_empty();
    let refs: Vec<String> = match &input.only_subparagraphs {
        Some(labels) if missing => labels.iter().map(|l| format!("{number} ({l})")).collect(),
        Some(_) => subs
            .iter()
            .map(|s| format!("{number} ({})", s.label))
            .collect(),
        None => vec![number.clone()],
    };
    let sources: Vec<Citation> = refs
        .iter()
        .map(|r| Citation {
            symbol: input.symbol.to_string(),
            paragraph: Some(r.clone()),
        })
        .collect();
    let cite = citation_text(opts.style, input.symbol, &refs, profile);
    let lead = lead_in(profile, input.follow_up);

    // The recommendation's own requests, and its sub-paragraphs.
    let own: Vec<String> = if input.only_subparagraphs.is_some() && !missing {
        Vec::new()
    } else {
        requests_of(&p.text)
    };
    let mut clauses: Vec<Clause> = own
        .iter()
        .map(|r| clause_for(r, &context, profile))
        .collect();
    // An urgent adoption is asked about first.
    clauses.sort_by_key(|c| !matches!(c, Clause::Status(_)));
    let mut subitems = Vec::new();
    if input.only_subparagraphs.is_some() {
        clauses.extend(subs.iter().map(|s| clause_for(&s.text, &context, profile)));
    } else if !subs.is_empty() {
        let mut rest: &[&SubParagraph] = &subs;
        // The committee asks about the first sub-paragraph in the question's
        // sentence when the recommendation's own text asks nothing.
        if profile.subparagraphs == SubparagraphForm::FirstThenItems && clauses.is_empty() {
            if let Some((first, others)) = subs.split_first() {
                clauses.push(clause_for(&first.text, &context, profile));
                rest = others;
            }
        }
        let relabel = rest.len() != subs.len();
        subitems = rest
            .iter()
            .enumerate()
            .map(|(i, s)| SubParagraph {
                label: if relabel {
                    ((b'a' + (i as u8).min(25)) as char).to_string()
                } else {
                    s.label.clone()
                },
                text: subitem_text(s, &context, profile),
            })
            .collect();
    }
    let clauses: Vec<Clause> = match clauses.len() {
        0 => Vec::new(),
        _ => {
            let mut v = Vec::new();
            for (i, c) in clauses.into_iter().enumerate() {
                if i == 0 {
                    v.extend(split_long(c));
                } else {
                    v.push(c);
                }
            }
            v
        }
    };
    let mut drafted = if clauses.is_empty() {
        let mut text = String::new();
        let note_at = open_with(&mut text, lead, &cite);
        text.push(' ');
        text.push_str(if subitems.is_empty() {
            &t.ask_implementation
        } else {
            &t.ask_list
        });
        Drafted { text, note_at }
    } else {
        let d = draft_sentences(&clauses, lead, input.follow_up, profile, &cite);
        if subitems.is_empty() {
            d
        } else {
            Drafted {
                text: format!("{} {}", d.text, t.also_list),
                note_at: d.note_at,
            }
        }
    };
    // What the question adds: a sentence, or (when the question ends in sub-items,
    // after which no sentence can stand) one more sub-item.
    if let Some(date) = input.assessed {
        let date = date.format(&t.date_format).to_string();
        if subitems.is_empty() {
            drafted.text.push(' ');
            drafted
                .text
                .push_str(&fill(&t.follow_up_assessment, &[("date", &date)]));
        } else {
            subitems.push(SubParagraph {
                label: next_label(&subitems),
                text: fill(&t.follow_up_assessment_item, &[("date", &date)]),
            });
        }
    }
    let lower = context.to_lowercase();
    if (lower.contains("data") || lower.contains("statistic"))
        && lower.contains("collect")
        && subitems.is_empty()
    {
        drafted.text.push(' ');
        drafted.text.push_str(&t.data);
    }
    punctuate_items(&mut subitems);
    let notes = if opts.style == CitationStyle::Footnote {
        vec![NoteAnchor {
            offset: drafted.note_at,
            cites: sources.clone(),
            text: None,
        }]
    } else {
        Vec::new()
    };
    vec![GeneratedQuestion {
        question: ListQuestion {
            number: 0,
            section,
            text: drafted.text,
            subitems,
            notes,
            cites: sources.clone(),
        },
        sources,
    }]
}

/// A whole list: title, symbol, opening paragraph, questions ordered by the
/// profile's sections then by the source order, numbered through the list, with
/// headings labelled ("I.", "A.") over the sections used.
pub fn generate_list(
    state: &StateParty,
    cycle: u32,
    inputs: &[RecommendationInput],
    profile: &Profile,
    opts: &GenerateOptions,
) -> (IssueList, Vec<Vec<Citation>>) {
    let order = profile.section_paths(opts.kind);
    let mut generated: Vec<(usize, usize, GeneratedQuestion)> = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        for g in generate_questions(input, profile, opts) {
            let rank = order
                .iter()
                .position(|p| *p == g.question.section)
                .unwrap_or(order.len());
            generated.push((rank, i, g));
        }
    }
    generated.sort_by_key(|(rank, i, _)| (*rank, *i));
    let paths: Vec<Vec<String>> = generated
        .iter()
        .map(|(_, _, g)| g.question.section.clone())
        .collect();
    let labels = profile.label_sections(&paths);
    let mut questions = Vec::new();
    let mut sources = Vec::new();
    for (n, (_, _, g)) in generated.into_iter().enumerate() {
        let mut q = g.question;
        q.number = n as u32 + 1;
        if let Some(l) = labels.get(&q.section) {
            q.section = l.clone();
        }
        questions.push(q);
        sources.push(g.sources);
    }
    let list = IssueList {
        committee: Some(profile.committee.clone()),
        symbol: Some(profile.symbol(opts.kind, &state.code, cycle)),
        title: Some(profile.title(opts.kind, &state.name, cycle)),
        state: Some(state.clone()),
        kind: opts.kind,
        date: None,
        language: Some(profile.language.clone()),
        intro: profile.opening(opts.kind, cycle),
        questions,
    };
    (list, sources)
}

/// The first sentence of a text (to the first full stop that ends a sentence).
pub fn first_sentence(text: &str) -> String {
    sentences(text).into_iter().next().unwrap_or_default()
}

/// Word-level similarity of two texts: `similar`'s ratio over words (split at
/// whitespace; punctuation stays attached to its word; case kept).
pub fn similarity(a: &str, b: &str) -> f64 {
    let d = similar::TextDiff::configure()
        .algorithm(similar::Algorithm::Myers)
        .timeout(std::time::Duration::from_secs(3600))
        .diff_words(a, b);
    d.ratio() as f64
}

/// One generated question compared with the real one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvalPair {
    pub question: String,
    pub cited: Vec<String>,
    pub generated: String,
    pub actual: String,
    pub similarity: f64,
    /// The raw recommendation text's similarity, for comparison.
    pub raw_similarity: f64,
}

/// The evaluation of generation against a real list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvalReport {
    pub pairs: Vec<EvalPair>,
    pub mean: f64,
    pub min: f64,
    pub raw_mean: f64,
}

/// For each question of `loi` that cites a paragraph of `co`, generates the
/// question for exactly the cited paragraph or sub-paragraphs and compares the
/// first sentences (the real question's and the generated one's, citation markers
/// removed) by [`similarity`].
pub fn evaluate(co: &Document, loi: &Document, profile: &Profile) -> EvalReport {
    let Some(symbol) = co.symbol.clone() else {
        return EvalReport {
            pairs: Vec::new(),
            mean: 0.0,
            min: 0.0,
            raw_mean: 0.0,
        };
    };
    let mut pairs = Vec::new();
    for q in loi
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Question)
    {
        let cited: Vec<String> = q
            .cites
            .iter()
            .filter(|c| c.symbol == symbol)
            .filter_map(|c| c.paragraph.clone())
            .collect();
        let Some(first) = cited.first() else { continue };
        let number = ParaRef::paragraph(first).to_string();
        let Some(rec) = co.paragraph(&number) else {
            continue;
        };
        let labels: Vec<String> = cited
            .iter()
            .map(|r| ParaRef::read(r))
            .filter(|r| r.number == number)
            .filter_map(|r| r.label)
            .collect();
        let only = (!labels.is_empty()).then_some(labels);
        let input = RecommendationInput {
            follow_up: under_follow_up(&co.follow_up_paragraphs, &number, only.as_deref()),
            only_subparagraphs: only,
            ..RecommendationInput::new(&symbol, rec)
        };
        let opts = GenerateOptions {
            style: CitationStyle::Footnote,
            kind: loi.kind,
            split_subparagraphs: false,
        };
        let Some(g) = generate_questions(&input, profile, &opts)
            .into_iter()
            .next()
        else {
            continue;
        };
        let generated = first_sentence(&g.question.text);
        let actual = first_sentence(&q.text);
        let raw = match &input.only_subparagraphs {
            Some(ls) => rec
                .subparagraphs
                .iter()
                .filter(|s| ls.contains(&s.label))
                .map(|s| s.text.clone())
                .collect::<Vec<_>>()
                .join(" "),
            None => rec.text.clone(),
        };
        pairs.push(EvalPair {
            question: q.number.clone().unwrap_or_default(),
            cited,
            similarity: similarity(&generated, &actual),
            raw_similarity: similarity(&first_sentence(&raw), &actual),
            generated,
            actual,
        });
    }
    let n = pairs.len().max(1) as f64;
    EvalReport {
        mean: pairs.iter().map(|p| p.similarity).sum::<f64>() / n,
        min: pairs
            .iter()
            .map(|p| p.similarity)
            .fold(f64::INFINITY, f64::min)
            .min(if pairs.is_empty() { 0.0 } else { f64::INFINITY }),
        raw_mean: pairs.iter().map(|p| p.raw_similarity).sum::<f64>() / n,
        pairs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_text;

    fn seed(prefix: &str) -> String {
        crate::fixtures::seed_text(prefix)
    }

    fn cmw() -> Profile {
        Profile::builtin("CMW").unwrap()
    }

    fn rec(text: &str, subs: &[(&str, &str)]) -> Paragraph {
        Paragraph {
            number: Some("20".into()),
            kind: ParagraphKind::Recommendation,
            text: text.into(),
            subparagraphs: subs
                .iter()
                .map(|(l, t)| SubParagraph {
                    label: (*l).into(),
                    text: (*t).into(),
                })
                .collect(),
            ..Default::default()
        }
    }

    fn ask(text: &str) -> String {
        let p = rec(text, &[]);
        let g = generate_questions(
            &RecommendationInput::new("CMW/C/MEX/CO/2", &p),
            &cmw(),
            &GenerateOptions::default(),
        );
        first_sentence(&g[0].question.text)
    }

    const LEAD: &str = "In the light of the recommendation made by the Committee in its previous concluding observations,";

    #[test]
    fn the_evaluation_against_the_real_list_of_issues() {
        let co = parse_text(&seed("004"));
        let loi = parse_text(&seed("003"));
        let report = evaluate(&co, &loi, &cmw());
        for p in &report.pairs {
            println!(
                "Q{} ({}) {:.2} (raw {:.2})\n  generated: {}\n  actual:    {}",
                p.question,
                p.cited.join(", "),
                p.similarity,
                p.raw_similarity,
                p.generated,
                p.actual
            );
        }
        println!(
            "mean {:.3}, min {:.3}, raw mean {:.3}",
            report.mean, report.min, report.raw_mean
        );
        assert_eq!(report.pairs.len(), 7);
        assert!(report.mean >= 0.95, "mean {}", report.mean);
        assert!(report.min >= 0.5, "min {}", report.min);
        assert!(report.mean > report.raw_mean + 0.2);
    }

    #[test]
    fn rules_on_other_phrasings() {
        assert_eq!(
            ask("The Committee recommends that the State party take measures to facilitate the recognition of skills."),
            format!("{LEAD} please provide information on the steps taken to facilitate the recognition of skills.")
        );
        assert_eq!(
            ask("The Committee calls upon the State party to take all necessary measures to ensure that migrant domestic workers are protected."),
            format!("{LEAD} please provide information on the efforts made to ensure that migrant domestic workers are protected.")
        );
        assert_eq!(
            ask("The Committee encourages the State party to step up its efforts to combat trafficking in persons."),
            format!("{LEAD} please provide information on the efforts made to combat trafficking in persons.")
        );
        assert_eq!(
            ask("The Committee strongly recommends that the State party establish an independent complaints mechanism."),
            format!("{LEAD} please provide information on the efforts made to establish an independent complaints mechanism.")
        );
        assert_eq!(
            ask("The Committee reiterates its recommendation that the State party consider ratifying the ILO Domestic Workers Convention, 2011 (No. 189)."),
            "Please indicate, in the light of the recommendation made by the Committee in its previous concluding observations, whether the State party intends to ratify the ILO Domestic Workers Convention, 2011 (No. 189), and specify, if applicable, what constraints and difficulties have prevented it from doing so to date."
        );
        assert_eq!(
            ask("The Committee recommends that the State party consider acceding to the 1961 Convention."),
            "Please indicate, in the light of the recommendation made by the Committee in its previous concluding observations, whether the State party intends to accede to the 1961 Convention, and specify, if applicable, what constraints and difficulties have prevented it from doing so to date."
        );
        assert_eq!(
            ask("The Committee notes the draft law on labour migration. It urges the State party to adopt the draft law without delay."),
            format!("{LEAD} please clarify whether the draft law on labour migration has been adopted.")
        );
        assert_eq!(
            ask("The Committee invites the State party to provide detailed information on the application of the Convention by the courts in its next periodic report."),
            format!("{LEAD} please provide detailed information on the application of the Convention by the courts.")
        );
        assert_eq!(
            ask("The Committee recommends that the State party continue to strengthen its consular services."),
            format!("{LEAD} please provide information on the efforts made to strengthen the State party's consular services.")
        );
        assert_eq!(
            ask("The Committee reminds the State party that human rights defenders deserve special protection, and thus strongly recommends that the State party take all measures necessary to ensure that non-governmental organizations can function."),
            format!("{LEAD} please provide information on the efforts made to ensure that non-governmental organizations can function.")
        );
        assert_eq!(
            ask("The Committee recommends that the State party continue to take measures to ensure equal access to courts."),
            format!("{LEAD} please provide information on the steps taken to ensure equal access to courts.")
        );
        assert_eq!(
            ask("The Committee recommends that the State party ensure that the Office is provided with the resources necessary for its effective operation."),
            format!("{LEAD} please provide information on the efforts made to ensure that the Office is provided with the resources necessary for its effective operation.")
        );
        assert_eq!(
            ask("The Committee recommends that, in accordance with article 28 of the Convention, the State party take concrete measures to ensure access to health care."),
            format!("{LEAD} please provide information on the steps taken to ensure access to health care.")
        );
        // A follow-up recommendation: "Considering …".
        let mut p = rec(
            "The Committee recommends that the State party adopt a migration policy.",
            &[],
        );
        p.follow_up = true;
        let g = generate_questions(
            &RecommendationInput::new("CMW/C/MEX/CO/2", &p),
            &cmw(),
            &GenerateOptions::default(),
        );
        assert!(g[0].question.text.starts_with("Considering the recommendation made by the Committee in its previous concluding observations, please provide information on the efforts made to adopt a migration policy."));
    }

    #[test]
    fn sub_paragraphs_become_sub_items_or_questions() {
        let p = rec(
            "Recalling its previous recommendations, the Committee recommends that the State party, in accordance with the Recommended Principles:",
            &[("a", "Adopt comprehensive legislation prohibiting discrimination;"), ("b", "Take all the measures necessary to amend legislation on work permits;"), ("c", "Provide information in its next periodic report on the measures taken.")],
        );
        let input = RecommendationInput::new("CMW/C/MEX/CO/2", &p);
        let g = generate_questions(&input, &cmw(), &GenerateOptions::default());
        assert_eq!(g.len(), 1);
        let q = &g[0].question;
        assert_eq!(q.text, format!("{LEAD} please provide information on:"));
        assert_eq!(
            q.subitems[0].text,
            "The efforts made to adopt comprehensive legislation prohibiting discrimination;"
        );
        assert_eq!(
            q.subitems[1].text,
            "The efforts made to amend legislation on work permits;"
        );
        assert_eq!(q.subitems[2].text, "The measures taken.");
        let split = generate_questions(
            &input,
            &cmw(),
            &GenerateOptions {
                split_subparagraphs: true,
                ..Default::default()
            },
        );
        assert_eq!(split.len(), 3);
        assert_eq!(split[1].sources[0].paragraph.as_deref(), Some("20 (b)"));
        assert!(split[1].question.subitems.is_empty());
    }

    #[test]
    fn citation_styles() {
        let p = rec(
            "The Committee recommends that the State party adopt a law.",
            &[],
        );
        let input = RecommendationInput::new("CMW/C/TJK/CO/2", &p);
        let foot = &generate_questions(&input, &cmw(), &GenerateOptions::default())[0].question;
        assert_eq!(&foot.text[..foot.notes[0].offset], LEAD);
        let inline = &generate_questions(
            &input,
            &cmw(),
            &GenerateOptions {
                style: CitationStyle::Inline,
                ..Default::default()
            },
        )[0]
        .question;
        assert!(
            inline
                .text
                .contains("observations (see CMW/C/TJK/CO/2, para. 20), please"),
            "{}",
            inline.text
        );
        assert!(inline.notes.is_empty());
        let bare = &generate_questions(
            &input,
            &cmw(),
            &GenerateOptions {
                style: CitationStyle::Bare,
                ..Default::default()
            },
        )[0]
        .question;
        assert!(bare.text.contains("observations (para. 20), please"));
    }

    #[test]
    fn a_whole_list_from_the_tajikistan_observations() {
        let co = parse_text(&seed("004"));
        let inputs: Vec<RecommendationInput> = co
            .paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Recommendation)
            .map(|p| RecommendationInput {
                cluster_articles: p
                    .cluster
                    .as_ref()
                    .and_then(|c| co.clusters.iter().find(|x| &x.title == c))
                    .map(|c| c.articles.clone())
                    .unwrap_or_default(),
                ..RecommendationInput::new("CMW/C/TJK/CO/2", p)
            })
            .collect();
        let state = co.state.clone().unwrap();
        let (list, sources) =
            generate_list(&state, 3, &inputs, &cmw(), &GenerateOptions::default());
        assert_eq!(list.symbol.as_deref(), Some("CMW/C/TJK/QPR/3"));
        assert_eq!(
            list.title.as_deref(),
            Some("List of issues prior to submission of the third periodic report of Tajikistan")
        );
        assert!(list.intro[0].contains("21,200"));
        assert_eq!(list.questions.len(), inputs.len());
        assert_eq!(sources.len(), list.questions.len());
        for (i, q) in list.questions.iter().enumerate() {
            assert_eq!(q.number as usize, i + 1);
            assert!(
                q.section[0].starts_with("I. ") || q.section[0].starts_with("II. "),
                "{:?}",
                q.section
            );
        }
        assert_eq!(list.questions[0].section, vec!["I. General information"]);
        let notes = list.footnotes();
        assert_eq!(notes[0].1, "CMW/C/TJK/CO/2, para. 12.");
        assert!(notes[1].1.starts_with("Ibid., para."));
        // Deterministic.
        let (again, _) = generate_list(&state, 3, &inputs, &cmw(), &GenerateOptions::default());
        assert_eq!(again, list);
    }

    #[test]
    fn follow_up_of_sub_paragraphs() {
        let refs = vec!["12".to_string(), "35 (a)".to_string()];
        assert!(under_follow_up(&refs, "12", None));
        assert!(under_follow_up(&refs, "12", Some(&["b".to_string()])));
        assert!(under_follow_up(&refs, "35", None));
        assert!(under_follow_up(&refs, "35", Some(&["a".to_string()])));
        assert!(!under_follow_up(&refs, "35", Some(&["b".to_string()])));
        assert!(!under_follow_up(&refs, "13", None));
    }

    #[test]
    fn references_beside_letters_whose_lowercase_changes_length() {
        // "İ" lowercases to two characters (3 bytes for 2), "ẞ" to "ß" (2 for 3):
        // offsets found in a lowercased copy used to slice the original (a panic,
        // or the wrong words).
        let context = "The Committee notes that İstanbul and the GROẞE bill on labour migration of İzmir is pending. The Committee recommends that the State party adopt the GROẞE bill without delay.";
        assert_eq!(
            resolve_reference("the GROẞE bill", context),
            "the GROẞE bill on labour migration of İzmir"
        );
        assert_eq!(
            resolve_reference(
                "the bill",
                "İn İstanbul, The Bill on İstanbul roads is pending."
            ),
            "The Bill on İstanbul roads"
        );
        for text in [
            "İİİİ the bill on x",
            "ẞẞẞẞ the bill to y",
            "the bill İ",
            "İ",
            "",
        ] {
            let _ = resolve_reference("the bill", text);
        }
        // Through the generator, with the letters in the recommendation.
        let p = rec(
            "The Committee notes that in İstanbul and İzmir the bill on the rights of migrant workers is pending. The Committee recommends that the State party adopt the bill without delay.",
            &[],
        );
        let g = generate_questions(
            &RecommendationInput::new("CMW/C/TUR/CO/1", &p),
            &cmw(),
            &GenerateOptions::default(),
        );
        let text = &g[0].question.text;
        assert!(
            text.contains("whether the bill on the rights of migrant workers has been adopted"),
            "{text}"
        );
    }

    #[test]
    fn gerunds() {
        for (g, b) in [
            ("making", "make"),
            ("ratifying", "ratify"),
            ("acceding", "accede"),
            ("withdrawing", "withdraw"),
            ("adopting", "adopt"),
            ("submitting", "submit"),
            ("establishing", "establish"),
            ("revising", "revise"),
        ] {
            assert_eq!(base_form(g), b);
        }
    }
}
