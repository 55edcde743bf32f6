//! Footnote markers in the text: superscripts, Word's `[footnoteRef:N]`, and
//! plain digits glued to a word or standing apart where the next note's number
//! is expected.

use super::*;

/// Removes footnote markers, returning the text and where each marker stood.
///
/// Plain digits count as a marker when glued to a word or punctuation
/// ("recommendations,5 the"), or when they stand apart ("the State party 9 and",
/// "Convention. 5 The") as the next note's number, after a word that does not
/// introduce a number ("article 9", "para. 5").
pub(super) fn remove_markers(
    text: &str,
    known: &std::collections::HashSet<String>,
    defined: &std::collections::HashSet<String>,
    last_marker: &mut u32,
) -> (String, Vec<FootnoteRef>) {
    let mut out = String::with_capacity(text.len());
    let mut refs = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if text[pos..].starts_with("[footnoteRef:") {
            if let Some(end) = text[pos..].find(']') {
                let n = &text[pos + "[footnoteRef:".len()..pos + end];
                // Remove a space left before the marker.
                refs.push(FootnoteRef {
                    number: n.to_string(),
                    offset: out.trim_end().len(),
                });
                let trimmed = out.trim_end().len();
                out.truncate(trimmed);
                let next = pos + end + 1;
                while i < chars.len() && chars[i].0 < next {
                    i += 1;
                }
                if i < chars.len()
                    && !chars[i].1.is_whitespace()
                    && !matches!(chars[i].1, '.' | ',' | ';' | ':' | ')')
                {
                    out.push(' ');
                }
                continue;
            }
        }
        if is_superscript(c) {
            let mut num = String::new();
            while i < chars.len() && is_superscript(chars[i].1) {
                if let Some(d) = superscript_digit(chars[i].1) {
                    num.push(d);
                }
                i += 1;
            }
            refs.push(FootnoteRef {
                number: num,
                offset: out.len(),
            });
            continue;
        }
        if c == '*' && i > 0 && !chars[i - 1].1.is_whitespace() {
            // Starred notes: "Kyrgyzstan*", "Tajikistan**".
            let mut j = i;
            while j < chars.len() && chars[j].1 == '*' {
                j += 1;
            }
            let stars: String = "*".repeat(j - i);
            if known.contains(&stars) {
                refs.push(FootnoteRef {
                    number: stars,
                    offset: out.len(),
                });
                i = j;
                continue;
            }
        }
        if c.is_ascii_digit() && i > 0 {
            // Plain digits glued to a word or punctuation: "recommendations,5 the".
            let prev = chars[i - 1].1;
            let prev2 = if i > 1 { Some(chars[i - 2].1) } else { None };
            let glued = prev.is_alphabetic() && prev.is_lowercase()
                || matches!(prev, ',' | ';' | ':' | ')' | '”' | '’')
                || (prev == '.' && !prev2.is_some_and(|p| p.is_ascii_digit() || p.is_uppercase()));
            if glued {
                let mut j = i;
                let mut num = String::new();
                while j < chars.len() && chars[j].1.is_ascii_digit() {
                    num.push(chars[j].1);
                    j += 1;
                }
                let next = chars.get(j).map(|x| x.1);
                let ends = next
                    .is_none_or(|n| n.is_whitespace() || matches!(n, '.' | ',' | ';' | ':' | ')'));
                if ends && num.len() <= 3 && known.contains(&num) {
                    if let Ok(n) = num.parse::<u32>() {
                        *last_marker = (*last_marker).max(n);
                    }
                    refs.push(FootnoteRef {
                        number: num,
                        offset: out.len(),
                    });
                    i = j;
                    continue;
                }
            }
            if prev.is_whitespace() {
                if let Some((num, j)) = standing_marker(&chars, i, defined, *last_marker) {
                    *last_marker = num.parse().unwrap_or(*last_marker);
                    let trimmed = out.trim_end().len();
                    out.truncate(trimmed);
                    refs.push(FootnoteRef {
                        number: num,
                        offset: out.len(),
                    });
                    i = j;
                    continue;
                }
            }
        }
        out.push(c);
        i += 1;
    }
    (out, refs)
}

/// Words after which a number is a number, not a footnote marker.
const NUMBER_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "act",
    "age",
    "aged",
    "all",
    "almost",
    "among",
    "and",
    "annex",
    "approximately",
    "around",
    "art",
    "article",
    "articles",
    "arts",
    "at",
    "below",
    "between",
    "by",
    "chapter",
    "decree",
    "en",
    "for",
    "from",
    "goal",
    "goals",
    "grade",
    "group",
    "has",
    "have",
    "in",
    "item",
    "law",
    "least",
    "level",
    "nearly",
    "no",
    "nos",
    "number",
    "of",
    "on",
    "only",
    "or",
    "over",
    "page",
    "para",
    "paragraph",
    "paragraphs",
    "paras",
    "part",
    "per",
    "phase",
    "point",
    "protocol",
    "recommendation",
    "resolution",
    "rule",
    "rules",
    "section",
    "some",
    "step",
    "table",
    "target",
    "targets",
    "than",
    "the",
    "to",
    "total",
    "under",
    "were",
    "was",
    "with",
];

/// A footnote marker standing apart at `chars[i]` (after a space): the digits,
/// and where they end.
fn standing_marker(
    chars: &[(usize, char)],
    i: usize,
    defined: &std::collections::HashSet<String>,
    last_marker: u32,
) -> Option<(String, usize)> {
    let mut j = i;
    while j < chars.len() && chars[j].1.is_ascii_digit() {
        j += 1;
    }
    if j - i > 3 || chars.get(j).is_some_and(|(_, c)| !c.is_whitespace()) {
        return None;
    }
    let num: String = chars[i..j].iter().map(|(_, c)| *c).collect();
    let n: u32 = num.parse().ok()?;
    if !defined.contains(&num) || n <= last_marker || n > last_marker + 3 {
        return None;
    }
    // What stands before the space: punctuation, or a word.
    let mut k = i;
    while k > 0 && chars[k - 1].1.is_whitespace() {
        k -= 1;
    }
    let before = chars.get(k.checked_sub(1)?)?.1;
    if matches!(before, ',' | '.' | ';' | ':' | ')' | '”' | '’' | '"') {
        // Not a sentence's own number: "(see para. 5)", "No. 5".
        let word: String = chars[..k]
            .iter()
            .rev()
            .skip(1)
            .take_while(|(_, c)| c.is_alphabetic())
            .map(|(_, c)| c.to_ascii_lowercase())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if before == '.' && NUMBER_WORDS.contains(&word.as_str()) {
            return None;
        }
        return Some((num, j));
    }
    if !before.is_alphabetic() {
        return None;
    }
    let word: String = chars[..k]
        .iter()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .map(|(_, c)| c.to_ascii_lowercase())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if word.chars().count() < 2 || NUMBER_WORDS.contains(&word.as_str()) {
        return None;
    }
    Some((num, j))
}
