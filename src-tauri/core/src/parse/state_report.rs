//! State party documents (reports, replies to a list of issues, follow-up
//! information): paragraphs numbered through the whole document, with headings,
//! tables and lists between them.
//!
//! The numbering is read as a sequence: a block opening with "N." is paragraph N
//! only when N follows the last paragraph, so that list items, table rows and
//! footnote numbers that open a block are not taken for paragraphs. A number the
//! conversion glued to the end of the previous paragraph ("… in 2019. 14. The
//! Ministry …") is split off when it is the one expected.

use once_cell::sync::Lazy;
use regex::Regex;

use crate::model::{Citation, Document, Paragraph, ParagraphKind};
use crate::symbols;
use crate::text_cleanup::{self, Block};

static NUMBERED_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?s)^(\d{1,4})\.\s+(\S.*)$").expect("numbered pattern"));

/// "… end of a sentence. 14. The next paragraph": a number after a sentence's end.
static GLUED_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r#"[.;:!?”")]\s+(\d{1,4})\.\s+[A-Z“"(\p{Lu}]"#).expect("glued number pattern")
});

/// How far a number may jump ahead of the one expected and still be taken for a
/// paragraph, when the following numbers confirm it (a paragraph the conversion lost).
const MAX_SKIP: u32 = 3;

/// Parses a State party's report into `doc`.
pub fn parse(text: &str, doc: &mut Document) {
    let cleaned = text_cleanup::clean(text);
    doc.paragraphs = numbered_paragraphs(&cleaned.blocks, &cleaned.footnotes, false);
    doc.footnotes = cleaned.footnotes;
}

/// Whether a block reads as a question of a list of issues copied into replies.
pub(crate) fn reads_as_question(text: &str) -> bool {
    let t = match NUMBERED_RE.captures(text) {
        Some(c) => c.get(2).map_or("", |m| m.as_str()),
        None => text,
    };
    let t = t.trim_end();
    t.ends_with('?') || t.starts_with("Please ") || t.starts_with("Provide ")
}

/// One block split where a paragraph number was glued into it, each piece with
/// the number it opens with.
fn pieces(text: &str, mut expected: u32) -> Vec<(Option<u32>, String)> {
    let mut out: Vec<(Option<u32>, String)> = Vec::new();
    let (mut number, mut rest) = match NUMBERED_RE.captures(text) {
        Some(c) => (c[1].parse::<u32>().ok(), c[2].to_string()),
        None => (None, text.to_string()),
    };
    if number == Some(expected) {
        expected += 1;
    }
    loop {
        let split = GLUED_RE.captures_iter(&rest).find_map(|c| {
            let m = c.get(1)?;
            let n: u32 = m.as_str().parse().ok()?;
            (n == expected).then_some((m.start(), m.end() + 1))
        });
        match split {
            Some((start, end)) if rest.is_char_boundary(start) && rest.is_char_boundary(end) => {
                let head = rest[..start].trim_end().to_string();
                let tail = rest[end..].trim_start().to_string();
                out.push((number, head));
                number = Some(expected);
                expected += 1;
                rest = tail;
            }
            _ => break,
        }
    }
    out.push((number, rest));
    out
}

/// The numbers that open the blocks, for looking ahead.
fn opening_number(text: &str) -> Option<u32> {
    NUMBERED_RE.captures(text).and_then(|c| c[1].parse().ok())
}

/// Reads numbered paragraphs out of blocks. With `questions`, a block numbered
/// as the next question of a list of issues and reading as a question is kept
/// as an unnumbered paragraph of kind `question` (its text keeps its number), so
/// the replies' own numbering stays one sequence.
pub(crate) fn numbered_paragraphs(
    blocks: &[Block],
    footnotes: &[crate::model::Footnote],
    questions: bool,
) -> Vec<Paragraph> {
    let notes = text_cleanup::footnotes_by_number(footnotes);
    let openings: Vec<Option<u32>> = blocks.iter().map(|b| opening_number(&b.text)).collect();
    let mut out: Vec<Paragraph> = Vec::new();
    let mut last: u32 = 0;
    let mut next_question: u32 = 1;
    // The heading the paragraphs stand under ("Article 9. Accessibility").
    let mut heading: Option<String> = None;
    for (i, block) in blocks.iter().enumerate() {
        if openings[i].is_none()
            && block.text.len() <= 160
            && text_cleanup::line_is_heading_like(&block.text, block.bold)
        {
            heading = Some(block.text.clone());
        }
        let mut cites: Vec<Citation> = Vec::new();
        for r in &block.footnote_refs {
            if let Some(n) = notes.get(r.number.as_str()) {
                cites.extend(n.cites.iter().cloned());
            }
        }
        if questions {
            if let Some(n) = openings[i] {
                if n == next_question && reads_as_question(&block.text) {
                    next_question += 1;
                    out.push(Paragraph {
                        kind: ParagraphKind::Question,
                        text: block.text.clone(),
                        cites: symbols::dedup_citations(cites),
                        ..Default::default()
                    });
                    continue;
                }
            }
        }
        let parts = pieces(&block.text, last + 1);
        let many = parts.len() > 1;
        for (k, (number, text)) in parts.into_iter().enumerate() {
            let accepted = match number {
                Some(n) if n == last + 1 => true,
                Some(n) if n > last + 1 && n <= last + 1 + MAX_SKIP && k == 0 => {
                    // Accept a jump only when the next numbered blocks go on from it.
                    let ahead: Vec<u32> = openings[i + 1..]
                        .iter()
                        .flatten()
                        .take(2)
                        .copied()
                        .collect();
                    ahead == [n + 1, n + 2]
                }
                _ => false,
            };
            let (number, text) = match (accepted, number) {
                (true, Some(n)) => {
                    last = n;
                    (Some(n.to_string()), text)
                }
                (_, Some(n)) if k == 0 && !many => (None, format!("{n}. {text}")),
                (_, Some(n)) => (None, format!("{n}. {text}")),
                (_, None) => (None, text),
            };
            let mut previous = None;
            let mut para_cites = if k == 0 { cites.clone() } else { Vec::new() };
            para_cites.extend(symbols::find_citations(&text, &mut previous));
            let theme = number.as_ref().and(heading.clone());
            out.push(Paragraph {
                number,
                kind: ParagraphKind::Other,
                theme,
                text,
                cites: symbols::dedup_citations(para_cites),
                footnote_refs: if k == 0 && !many {
                    block.footnote_refs.clone()
                } else {
                    Vec::new()
                },
                ..Default::default()
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DocumentKind;

    fn numbers(d: &Document) -> Vec<String> {
        d.paragraphs
            .iter()
            .filter_map(|p| p.number.clone())
            .collect()
    }

    #[test]
    fn numbers_follow_one_sequence() {
        let text = "Combined second and third periodic reports submitted by Mexico under article 35 of the Convention\n\n1. The present report follows the guidelines.\n\nTable 1\n\n2. The State party adopted a law.\n\n1. A list item that is not a paragraph.\n\n3. The Ministry of Health reported in 2019. 4. The Ministry of Education reported too.\n\n5. Last.";
        let mut d = Document {
            kind: DocumentKind::StateReport,
            ..Default::default()
        };
        parse(text, &mut d);
        assert_eq!(numbers(&d), ["1", "2", "3", "4", "5"]);
        assert!(d
            .paragraphs
            .iter()
            .any(|p| p.number.is_none() && p.text.starts_with("1. A list item")));
    }

    #[test]
    fn paragraphs_keep_the_heading_they_stand_under() {
        let text = "Report\n\nAccessibility\n\n1. Buildings were adapted.\n\n2. Transport too.\n\nArticle 13. Access to justice\n\n3. Courts were trained.";
        let mut d = Document {
            kind: DocumentKind::StateReport,
            ..Default::default()
        };
        parse(text, &mut d);
        let theme = |n: &str| {
            d.paragraphs
                .iter()
                .find(|p| p.number.as_deref() == Some(n))
                .and_then(|p| p.theme.clone())
        };
        assert_eq!(theme("1").as_deref(), Some("Accessibility"));
        assert_eq!(theme("2").as_deref(), Some("Accessibility"));
        assert_eq!(theme("3").as_deref(), Some("Article 13. Access to justice"));
    }

    #[test]
    fn never_panics() {
        for t in ["", "1.", "1. ", "2. x", "1. a. 2. B 3. C", "é. 1. É"] {
            let mut d = Document::default();
            parse(t, &mut d);
        }
    }
}
