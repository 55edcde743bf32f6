//! Dialogue summaries (the press release on the public meeting with the
//! delegation): the questions the experts put, each with the expert's name where
//! the summary names one — raw material for new questions.

use once_cell::sync::Lazy;
use regex::Regex;

use crate::model::{Document, Paragraph, ParagraphKind, RaisedQuestion};
use crate::text_cleanup;

/// "JASMINKA DZUMHUR, Committee Expert and Country Rapporteur, said".
static NAMED_SPEAKER_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?:^|[.?!]\s+|,\s+|\s)((?:\p{Lu}[\p{L}'’]*(?:-\p{Lu}[\p{L}'’]*)*\.?\s+){1,3}\p{Lu}[\p{L}'’]*(?:-\p{Lu}[\p{L}'’]*)*),\s+([^,.;]{3,120}?),\s+(?:said|asked|noted|wondered|stressed|welcomed|inquired|observed|added|pointed|underlined|recalled|requested|remarked|thanked|commended|concluded|expressed|explained|stated|presenting|replied|responded)")
        .expect("named speaker pattern")
});
/// "Ms. Dzumhur", "Mr. Ünver".
static SHORT_NAME_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?-u:\b)(?:Ms|Mr|Mrs|Dr)\.?\s+(\p{Lu}[\p{L}'’-]+)").expect("short name pattern")
});
static ANONYMOUS_EXPERT_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:a|another|one|an|the)\s+(?:other\s+)?(?:committee\s+)?expert(?-u:\b)|(?-u:\b)questions by committee experts(?-u:\b)|(?-u:\b)experts\s+(?:asked|said|wondered)")
        .expect("anonymous expert pattern")
});
static DELEGATION_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:the|a|one)\s+(?:delegation|head of (?:the )?delegation|representative|delegate)(?-u:\b)|(?-u:\b)responses by the delegation(?-u:\b)|(?-u:\b)replies by the delegation(?-u:\b)")
        .expect("delegation pattern")
});
static EXPERT_ROLE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:expert|rapporteur|chair|chairperson|vice-chair|member|committee)(?-u:\b)",
    )
    .expect("expert role pattern")
});

#[derive(Debug, Clone, PartialEq)]
enum Speaker {
    Expert(Option<String>),
    Delegation,
    Unknown,
}

/// "JASMINKA DZUMHUR" → "Jasminka Dzumhur", "TAGHI-ZADA" → "Taghi-Zada".
pub fn title_case(name: &str) -> String {
    name.split(' ')
        .map(|w| {
            w.split('-')
                .map(|part| {
                    let mut cs = part.chars();
                    match cs.next() {
                        Some(f) => {
                            let rest: String = cs.collect();
                            if part.chars().all(|c| !c.is_lowercase()) {
                                format!("{}{}", f, rest.to_lowercase())
                            } else {
                                format!("{f}{rest}")
                            }
                        }
                        None => String::new(),
                    }
                })
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The name in a capitalised run: the upper-case words when the summary sets the
/// name in capitals ("Questions by Committee Experts JASMINKA DZUMHUR"), else the
/// run without leading heading words.
fn person_name(run: &str) -> String {
    let words: Vec<&str> = run.split_whitespace().collect();
    let caps: Vec<&str> = words
        .iter()
        .rev()
        .take_while(|w| {
            w.chars()
                .filter(|c| c.is_alphabetic())
                .all(|c| c.is_uppercase())
                && w.chars().any(|c| c.is_alphabetic())
        })
        .copied()
        .collect();
    if caps.len() >= 2 {
        return caps.into_iter().rev().collect::<Vec<_>>().join(" ");
    }
    const NOT_NAMES: &[&str] = &[
        "Questions",
        "Question",
        "By",
        "Committee",
        "Experts",
        "Expert",
        "Responses",
        "Replies",
        "Delegation",
        "The",
        "In",
        "Concluding",
        "Remarks",
    ];
    words
        .into_iter()
        .skip_while(|w| NOT_NAMES.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Splits text into sentences (keeping the closing punctuation).
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, (i, c)) in chars.iter().enumerate() {
        if matches!(c, '.' | '?' | '!') {
            let next = chars.get(k + 1).map(|x| x.1);
            let after = chars.get(k + 2).map(|x| x.1);
            let boundary = next.is_none_or(|n| n.is_whitespace())
                && after
                    .is_none_or(|a| a.is_uppercase() || a == '“' || a == '"' || a.is_ascii_digit());
            if boundary {
                let before = &text[start..*i];
                let last_word = before.rsplit(' ').next().unwrap_or("");
                if *c == '.'
                    && matches!(
                        last_word,
                        "Mr" | "Ms"
                            | "Mrs"
                            | "Dr"
                            | "No"
                            | "para"
                            | "paras"
                            | "art"
                            | "arts"
                            | "p.m"
                            | "a.m"
                    )
                {
                    continue;
                }
                let s = text[start..i + c.len_utf8()].trim();
                if !s.is_empty() {
                    out.push(s.to_string());
                }
                start = i + c.len_utf8();
            }
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest.to_string());
    }
    out
}

/// Parses a dialogue summary into `doc`.
pub fn parse(text: &str, doc: &mut Document) {
    let cleaned = text_cleanup::clean(text);
    // Experts named so far, and the first of them with each surname.
    let mut known: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut by_surname: std::collections::HashMap<String, String> =
        std::collections::HashMap::new();
    let mut speaker = Speaker::Unknown;
    let mut questions: Vec<RaisedQuestion> = Vec::new();
    // Where each question's text stands in `questions`.
    let mut question_at: std::collections::HashMap<String, usize> =
        std::collections::HashMap::new();

    for block in &cleaned.blocks {
        let mut paragraph = String::new();
        for s in sentences(&block.text) {
            // Who speaks now.
            if let Some(c) = NAMED_SPEAKER_RE.captures(&s) {
                let name = title_case(&person_name(c[1].trim()));
                if EXPERT_ROLE_RE.is_match(&c[2]) && !c[2].to_lowercase().contains("minister") {
                    if known.insert(name.clone()) {
                        if let Some(surname) = name.split(' ').next_back() {
                            by_surname
                                .entry(surname.to_string())
                                .or_insert_with(|| name.clone());
                        }
                    }
                    speaker = Speaker::Expert(Some(name));
                } else {
                    speaker = Speaker::Delegation;
                }
            } else if DELEGATION_RE.is_match(&s) && !ANONYMOUS_EXPERT_RE.is_match(&s) {
                speaker = Speaker::Delegation;
            } else if ANONYMOUS_EXPERT_RE.is_match(&s) {
                speaker = Speaker::Expert(None);
            } else if let Some(c) = SHORT_NAME_RE.captures(&s) {
                let surname = title_case(&c[1]);
                if let Some(full) = by_surname.get(&surname) {
                    speaker = Speaker::Expert(Some(full.clone()));
                } else if !s.to_lowercase().contains("expert") {
                    speaker = Speaker::Unknown;
                }
            }
            if s.ends_with('?') {
                if let Speaker::Expert(name) = &speaker {
                    let q = RaisedQuestion {
                        speaker: name.clone(),
                        text: s.clone(),
                    };
                    match question_at.get(&q.text).and_then(|&i| questions.get_mut(i)) {
                        Some(existing) if existing.speaker.is_none() => {
                            existing.speaker = q.speaker
                        }
                        Some(_) => {}
                        None => {
                            question_at.insert(q.text.clone(), questions.len());
                            questions.push(q);
                        }
                    }
                }
            }
            // Paragraphs of a readable size for search.
            if !paragraph.is_empty() {
                paragraph.push(' ');
            }
            paragraph.push_str(&s);
            if paragraph.len() > 600 {
                doc.paragraphs.push(Paragraph {
                    kind: ParagraphKind::Other,
                    text: std::mem::take(&mut paragraph),
                    ..Default::default()
                });
            }
        }
        if !paragraph.is_empty() {
            doc.paragraphs.push(Paragraph {
                kind: ParagraphKind::Other,
                text: paragraph,
                ..Default::default()
            });
        }
    }
    doc.questions_raised = questions;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DocumentKind;
    use crate::parse::parse_text;

    fn seed002() -> String {
        crate::fixtures::seed_text("002")
    }

    fn by(d: &Document, q: &str) -> Option<String> {
        d.questions_raised
            .iter()
            .find(|x| x.text == q)
            .unwrap_or_else(|| panic!("no question {q}"))
            .speaker
            .clone()
    }

    #[test]
    fn kyrgyzstan_dialogue() {
        let d = parse_text(&seed002());
        assert_eq!(d.kind, DocumentKind::DialogueSummary);
        assert_eq!(d.state.as_ref().unwrap().code, "KGZ");
        assert!(
            d.questions_raised.len() >= 50,
            "{}",
            d.questions_raised.len()
        );
        assert_eq!(
            by(&d, "What were the impacts of those legislative changes?").as_deref(),
            Some("Jasminka Dzumhur")
        );
        assert_eq!(
            by(&d, "Was there any up-to-date information on this?").as_deref(),
            Some("Azad Taghi-Zada")
        );
        assert_eq!(
            by(&d, "Were there new measures which enabled Kyrgyz workers in other countries to be assisted?").as_deref(),
            Some("Can Ünver")
        );
        assert_eq!(
            by(
                &d,
                "Were there new measures which enabled workers in other countries to be assisted?"
            )
            .as_deref(),
            Some("Can Ünver")
        );
        assert_eq!(by(&d, "Was this done in practice?"), None);
        let speakers: std::collections::BTreeSet<_> = d
            .questions_raised
            .iter()
            .filter_map(|q| q.speaker.clone())
            .collect();
        assert!(speakers.iter().all(|s| ["Jasminka Dzumhur", "Azad Taghi-Zada", "Can Ünver"].contains(&s.as_str())), "{speakers:?}");
        assert!(!d.paragraphs.is_empty());
    }

    #[test]
    fn summary_in_paragraphs() {
        let text = "The Committee today considered the initial report of Ghana.\n\nCARLOS YCAZA, Committee Expert, asked about the number of Ghanaian workers abroad. How many of them were women?\n\nThe delegation said that the figures were being compiled. Were they available by region?\n\nAnother Expert asked what the labour inspectorate did. Had it visited farms?\n\nMr. Ycaza returned to the question of consular fees. Why were they so high?";
        let mut d = Document::default();
        parse(text, &mut d);
        let qs: Vec<(Option<&str>, &str)> = d
            .questions_raised
            .iter()
            .map(|q| (q.speaker.as_deref(), q.text.as_str()))
            .collect();
        assert_eq!(
            qs,
            vec![
                (Some("Carlos Ycaza"), "How many of them were women?"),
                (None, "Had it visited farms?"),
                (Some("Carlos Ycaza"), "Why were they so high?"),
            ]
        );
    }

    #[test]
    fn never_panics() {
        for t in ["", "?", "A, B, said?", "Ms. X?", "...???"] {
            let mut d = Document::default();
            parse(t, &mut d);
        }
    }
}
