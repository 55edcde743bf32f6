//! Paragraphs for documents of no particular kind, the patterns of numbered
//! paragraphs and headings, and text made safe to print.

use super::*;

/// Text from a file made safe to quote in a message on a terminal or in a log: one
/// line (line breaks, tabs and other whitespace become one space, the ends
/// trimmed), and every other control character — ESC that starts a terminal
/// escape sequence, C0 and C1 controls, DEL — and the bidirectional overrides
/// that reorder what a terminal shows become `?`.
pub fn printable(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        let bidi = matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        if space {
            out.push(' ');
            space = false;
        }
        out.push(if c.is_control() || bidi { '?' } else { c });
    }
    out
}

/// A numbered paragraph or question: "12. The Committee …" → ("12", rest).
pub static NUMBERED_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(\d{1,3})\.\s+(.+)$").expect("numbered pattern"));
/// A sub-paragraph: "(a) Adopt …", "(ii) …" → (label, rest).
pub static SUBPARAGRAPH_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^\(([a-z]{1,2}|[ivx]{1,5})\)\s+(.+)$").expect("sub-paragraph pattern")
});
/// A lettered heading: "C. Principal subjects of concern …" → (letter, rest).
pub static LETTER_HEADING_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^([A-H])\.\s+(.{2,160})$").expect("letter heading pattern"));
/// A heading numbered in roman numerals: "II. Information relating …" → (numeral, rest).
pub static ROMAN_HEADING_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^([IVX]{1,5})\.\s+(.{2,160})$").expect("roman heading pattern"));

/// Plain paragraphs for documents of no particular kind: every block, with its
/// number when it starts with one that follows the document's numbering ("12. …"
/// after 11), kind `other`. A number out of the sequence — a numbered heading
/// ("1. Awareness-raising"), a list quoted inside a paragraph, a law's article —
/// stays in the text of an unnumbered block.
pub fn plain_paragraphs(text: &str) -> Vec<Paragraph> {
    let cleaned = clean(text);
    let numbers: Vec<Option<(u32, bool)>> = cleaned
        .blocks
        .iter()
        .map(|b| {
            let c = NUMBERED_RE.captures(&b.text)?;
            let n = c[1].parse().ok()?;
            let heading = line_is_heading_like(&c[2], b.bold) && c[2].chars().count() < 120;
            Some((n, heading))
        })
        .collect();
    let accepted = numbers_in_sequence(&numbers);
    cleaned
        .blocks
        .into_iter()
        .zip(accepted)
        .map(|(b, accepted)| {
            let (number, text) = match (accepted, NUMBERED_RE.captures(&b.text)) {
                (true, Some(c)) => (Some(c[1].to_string()), c[2].to_string()),
                _ => (None, b.text.clone()),
            };
            Paragraph {
                number,
                kind: ParagraphKind::Other,
                text,
                ..Default::default()
            }
        })
        .collect()
}

/// Which of the numbered blocks (`Some((number, reads as a heading))`) carry the
/// document's paragraph numbers: the next number; one a little further on (a
/// paragraph lost) unless it reads as a heading; or any further number the two
/// next numbered blocks go on from (the numbering picked up again).
pub fn numbers_in_sequence(numbers: &[Option<(u32, bool)>]) -> Vec<bool> {
    let mut accepted = vec![false; numbers.len()];
    let mut expected = 1u32;
    let following: Vec<(usize, u32)> = numbers
        .iter()
        .enumerate()
        .filter_map(|(i, n)| n.map(|(n, _)| (i, n)))
        .collect();
    for (k, &(i, n)) in following.iter().enumerate() {
        let heading = numbers[i].is_some_and(|(_, h)| h);
        let next_two = following
            .get(k + 1..k + 3)
            .is_some_and(|w| w.len() == 2 && w[0].1 == n + 1 && w[1].1 == n + 2);
        let ok = n == expected
            || (n > expected && n <= expected + 3 && !heading)
            || (n > expected && next_two);
        if ok {
            accepted[i] = true;
            expected = n + 1;
        }
    }
    accepted
}
