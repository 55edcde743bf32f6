//! Text cleanup: the first half of parsing. Turns the plain text an import
//! produced — from a PDF, a Word file, a markdown or text rendering — into
//! logical blocks (paragraphs, headings, sub-paragraphs) and footnotes:
//!
//! - markdown is removed (heading `#`s, `**bold**` — remembered as [`Block::bold`] —,
//!   escaped `\*`, `[text](link)`, `- ` bullets);
//! - running page headers and footers ("CMW/C/KGZ/CO/2", "GE.23-12345", "3/14")
//!   and Word conversion debris ("[image: …]", "[bookmark: …]") are dropped;
//! - footnote blocks are taken out of the text wherever they sit (superscript
//!   "⁵ …", plain "5 CMW/…", starred "* …", and Word's "[5: …]") into
//!   [`Cleaned::footnotes`], with their citations resolved ("Ibid." = the previous
//!   note's document);
//! - footnote markers (superscripts, `[footnoteRef:5]`, plain digits glued to a word
//!   or punctuation) are removed from the text and remembered with their offset;
//! - a paragraph broken by a page boundary is joined again.

use once_cell::sync::Lazy;
use regex::Regex;

use crate::model::{Footnote, FootnoteRef, Paragraph, ParagraphKind};
use crate::symbols;

/// A logical block of text: a paragraph, a heading or a sub-paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Block {
    /// The text, free of markup and footnote markers, whitespace folded.
    pub text: String,
    /// The whole block was bold (markdown `**` or Word bold).
    pub bold: bool,
    /// The markdown heading level (`#` count), when it was a markdown heading.
    pub heading_level: Option<u8>,
    /// Leading tabs of the first line (Word-to-text conversions indent headings so).
    pub indent: usize,
    /// Footnote markers that stood in `text`.
    pub footnote_refs: Vec<FootnoteRef>,
}

/// The cleaned document: blocks in reading order, and the footnotes taken out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cleaned {
    pub blocks: Vec<Block>,
    pub footnotes: Vec<Footnote>,
}

impl Cleaned {
    /// The footnote with this number.
    pub fn footnote(&self, number: &str) -> Option<&Footnote> {
        self.footnotes.iter().find(|f| f.number == number)
    }
}

const SUPERSCRIPTS: &[(char, char)] = &[
    ('⁰', '0'),
    ('¹', '1'),
    ('²', '2'),
    ('³', '3'),
    ('⁴', '4'),
    ('⁵', '5'),
    ('⁶', '6'),
    ('⁷', '7'),
    ('⁸', '8'),
    ('⁹', '9'),
];

fn superscript_digit(c: char) -> Option<char> {
    SUPERSCRIPTS.iter().find(|(s, _)| *s == c).map(|(_, d)| *d)
}

fn is_superscript(c: char) -> bool {
    superscript_digit(c).is_some()
}

static WORD_NOTE_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\[(\d{1,4}|\*{1,3}): ([^\]]*)\]").expect("word note pattern"));
static DEBRIS_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\[(?:image|bookmark|comment|annotation)[^\]]*\]").expect("debris pattern")
});
static LINK_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\[([^\[\]]+)\]\((?:[^()\s]*)\)").expect("link pattern"));
static RUNNING_HEADER_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"^(?:(?:E/C\.12|[A-Z]{2,6})/[A-Z0-9./\-–]+(?:\s*\(Advance unedited version\))?|GE\.\d{2}-\d{3,6}.*|\d{1,3}\s*/\s*\d{1,3}|Page \d+(?: of \d+)?|\d{1,3}|-\s*\d{1,3}\s*-|Advance unedited version|United Nations|Distr\.?:? General|-{3,}|_{3,}|\*{3,})$",
    )
    .expect("running header pattern")
});
static PLAIN_NOTE_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(\d{1,3})\s+(\S.*)$").expect("plain note pattern"));
static STAR_NOTE_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(\*{1,3})\s+(\S.*)$").expect("star note pattern"));
static UNIT_START_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:\d{1,3}\.\s|\(?[a-z]{1,4}\)\s|\([a-z]{1,4}\)\t|[A-Z]\.\s|[IVXL]{1,5}\.\s|\d{1,3}\.\t|[A-Z]\.\t|[IVXL]{1,5}\.\t)")
        .expect("unit start pattern")
});
static MARKER_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\[footnoteRef:(\d{1,4})\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+").expect("marker pattern"));

/// Whether a line is a footnote body: returns (number, text).
fn footnote_line(
    line: &str,
    known_markers: &std::collections::HashSet<String>,
) -> Option<(String, String)> {
    let t = line.trim();
    let mut chars = t.chars();
    let first = chars.next()?;
    if is_superscript(first) {
        let num: String = t
            .chars()
            .take_while(|c| is_superscript(*c))
            .filter_map(superscript_digit)
            .collect();
        let rest = t.trim_start_matches(is_superscript).trim();
        if !rest.is_empty() {
            return Some((num, rest.to_string()));
        }
    }
    if let Some(c) = STAR_NOTE_RE.captures(t) {
        return Some((c[1].to_string(), c[2].to_string()));
    }
    if let Some(c) = PLAIN_NOTE_RE.captures(t) {
        let rest = &c[2];
        let citation_like = rest.starts_with("Ibid")
            || rest.starts_with("See ")
            || rest.starts_with("Available")
            || rest.starts_with("Adopted")
            || rest.starts_with("General Assembly")
            || rest.starts_with("A/")
            || rest.starts_with("http")
            || symbols::find_symbols(rest)
                .first()
                .is_some_and(|(r, _)| r.start == 0);
        if citation_like
            || (known_markers.contains(&c[1]) && rest.len() < 300 && !rest.ends_with(':'))
        {
            return Some((c[1].to_string(), rest.to_string()));
        }
    }
    None
}

/// Strips markdown from a line, returning (text, bold, heading level).
fn strip_markdown(line: &str) -> (String, bool, Option<u8>) {
    let mut s = line.trim_end().to_string();
    let mut level = None;
    let trimmed = s.trim_start();
    if trimmed.starts_with('#') {
        let hashes = trimmed.chars().take_while(|c| *c == '#').count();
        if trimmed[hashes..].starts_with(' ') {
            level = Some(hashes.min(6) as u8);
            s = trimmed[hashes..].trim().to_string();
        }
    }
    // "- (a) …" bullets and "- " list items.
    let t = s.trim_start();
    if let Some(rest) = t.strip_prefix("- ").or_else(|| t.strip_prefix("• ")) {
        s = rest.to_string();
    }
    s = s.replace("\\*", "\u{E000}");
    let bold_count = s.matches("**").count();
    let without = s.replace("**", "");
    let plain_len = without
        .trim()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .count();
    let bold = bold_count >= 1 && {
        // Bold when the bold spans cover most of the letters.
        let mut inside = false;
        let mut bold_letters = 0;
        let mut rest = s.as_str();
        while let Some(p) = rest.find("**") {
            if inside {
                bold_letters += rest[..p].chars().filter(|c| c.is_alphanumeric()).count();
            }
            inside = !inside;
            rest = &rest[p + 2..];
        }
        if inside {
            bold_letters += rest.chars().filter(|c| c.is_alphanumeric()).count();
        }
        plain_len > 0 && bold_letters * 10 >= plain_len * 7
    };
    s = without;
    s = LINK_RE.replace_all(&s, "$1").into_owned();
    s = s.replace('\u{E000}', "*");
    (s, bold, level)
}

fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end().trim_end_matches(|c: char| {
        c == '*' || c == '"' || c == '”' || c == '’' || c == ')' || is_superscript(c)
    });
    let t = MARKER_RE.replace_all(t, "");
    matches!(
        t.trim_end().chars().last(),
        Some('.' | ':' | ';' | '?' | '!')
    )
}

fn starts_new_unit(s: &str) -> bool {
    UNIT_START_RE.is_match(s.trim_start_matches('\t')) || s.starts_with('\t')
}

/// A line as read, before blocks are assembled.
#[derive(Debug)]
struct Line {
    text: String,
    bold: bool,
    heading_level: Option<u8>,
    indent: usize,
    /// A blank line, page break or removed block stood before it.
    gap_before: bool,
    /// Footnotes or a page break stood between this line and the previous one.
    page_gap_before: bool,
}

/// Cleans a document's text into blocks and footnotes.
pub fn clean(text: &str) -> Cleaned {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    // Word-style notes "[5: text]" anywhere in a line.
    let mut footnotes_raw: Vec<(String, String)> = Vec::new();
    let text = WORD_NOTE_RE
        .replace_all(&text, |c: &regex::Captures| {
            footnotes_raw.push((c[1].to_string(), c[2].trim().to_string()));
            String::new()
        })
        .into_owned();
    let text = DEBRIS_RE.replace_all(&text, "").into_owned();

    // Markers seen in the text, so that plain-digit note lines can be recognised.
    let mut known_markers = std::collections::HashSet::new();
    for m in MARKER_RE.find_iter(&text) {
        let digits: String = m
            .as_str()
            .chars()
            .filter_map(|c| superscript_digit(c).or(c.is_ascii_digit().then_some(c)))
            .collect();
        known_markers.insert(digits);
    }
    for (n, _) in &footnotes_raw {
        known_markers.insert(n.clone());
    }

    let mut lines: Vec<Line> = Vec::new();
    let mut gap = true;
    let mut page_gap = false;
    let mut last_note: Option<usize> = None;
    for raw in text.split('\n') {
        let raw = raw.trim_end();
        if raw.contains('\u{c}') {
            page_gap = true;
            gap = true;
        }
        let raw = raw.replace('\u{c}', "");
        if raw.trim().is_empty() {
            gap = true;
            last_note = None;
            continue;
        }
        let indent = raw.chars().take_while(|c| *c == '\t').count();
        let (stripped, bold, heading_level) = strip_markdown(&raw);
        let t = stripped.trim();
        if t.is_empty()
            || (heading_level.is_none() && RUNNING_HEADER_RE.is_match(t) && !t.ends_with('.'))
        {
            // Running headers and footers mark a page boundary.
            if !t.is_empty() {
                page_gap = true;
            }
            gap = true;
            continue;
        }
        if heading_level.is_none() {
            if let Some((n, body)) = footnote_line(t, &known_markers) {
                footnotes_raw.push((n, body));
                last_note = Some(footnotes_raw.len() - 1);
                page_gap = true;
                gap = true;
                continue;
            }
            if let Some(i) = last_note {
                // A note continued on the next line (no blank line between).
                if !gap && !starts_new_unit(t) {
                    footnotes_raw[i].1.push(' ');
                    footnotes_raw[i].1.push_str(t);
                    continue;
                }
            }
        }
        last_note = None;
        lines.push(Line {
            text: t.to_string(),
            bold,
            heading_level,
            indent,
            gap_before: gap,
            page_gap_before: page_gap,
        });
        gap = false;
        page_gap = false;
    }

    for (n, _) in &footnotes_raw {
        known_markers.insert(n.clone());
    }

    // Assemble blocks: lines without a gap join unless a new unit starts.
    let mut blocks: Vec<(Block, bool)> = Vec::new(); // (block, page gap before)
    for line in lines {
        let join_wrapped = !line.gap_before
            && line.heading_level.is_none()
            && line.indent == 0
            && !starts_new_unit(&line.text)
            && !blocks.last().is_some_and(|(b, _)| {
                ends_sentence(&b.text) && line_is_heading_like(&line.text, line.bold)
            })
            && blocks.last().is_some_and(|(b, _)| {
                b.heading_level.is_none() && !line_is_heading_like(&b.text, b.bold)
            });
        if join_wrapped {
            if let Some((b, _)) = blocks.last_mut() {
                b.text.push(' ');
                b.text.push_str(&line.text);
                b.bold &= line.bold;
                continue;
            }
        }
        blocks.push((
            Block {
                text: line.text,
                bold: line.bold,
                heading_level: line.heading_level,
                indent: line.indent,
                footnote_refs: Vec::new(),
            },
            line.page_gap_before,
        ));
    }

    // Join paragraphs broken by a page boundary (or by footnotes between them).
    let mut joined: Vec<Block> = Vec::new();
    for (block, page_gap_before) in blocks {
        let continues = joined.last().is_some_and(|prev: &Block| {
            let lowercase = block.text.starts_with(|c: char| c.is_lowercase());
            prev.heading_level.is_none()
                && block.heading_level.is_none()
                && !ends_sentence(&prev.text)
                && !starts_new_unit(&block.text)
                && ((lowercase && prev.text.chars().count() > 20)
                    || (!block_is_heading(prev)
                        && (!line_is_heading_like(&block.text, block.bold)
                            || (page_gap_before && block.text.chars().count() > 40))))
        });
        if continues {
            if let Some(prev) = joined.last_mut() {
                prev.text.push(' ');
                prev.text.push_str(&block.text);
                continue;
            }
        }
        joined.push(block);
    }

    // Markers out of the text.
    let mut out_blocks = Vec::with_capacity(joined.len());
    for mut b in joined {
        let (text, refs) = remove_markers(&b.text, &known_markers);
        b.text = fold_spaces(&text);
        b.footnote_refs = refs;
        if b.text.is_empty() {
            continue;
        }
        out_blocks.push(b);
    }

    // Footnotes in order, with citations ("Ibid." = previous note's document).
    let mut previous = None;
    let mut footnotes = Vec::new();
    for (number, body) in footnotes_raw {
        let (s, bold, _) = strip_markdown(&body);
        let _ = bold;
        let text = fold_spaces(s.trim());
        if footnotes
            .iter()
            .any(|f: &Footnote| f.number == number && f.text == text)
        {
            continue;
        }
        let cites = symbols::find_citations(&text, &mut previous);
        footnotes.push(Footnote {
            number,
            text,
            cites,
        });
    }
    Cleaned {
        blocks: out_blocks,
        footnotes,
    }
}

/// Whether a block reads as a heading: short and unterminated, unless it is a
/// numbered paragraph or sub-paragraph cut short (by a page break).
fn block_is_heading(b: &Block) -> bool {
    let t = b.text.trim_end();
    line_is_heading_like(t, b.bold)
        && !(starts_new_unit(t) && t.chars().count() > 60 && !t.ends_with(')'))
}

/// A short line without closing punctuation reads as a heading.
pub fn line_is_heading_like(text: &str, bold: bool) -> bool {
    let t = text.trim();
    let len = t.chars().count();
    (len < 160 && !ends_sentence(t) && !t.ends_with(','))
        || (bold && len < 160 && !t.ends_with(';'))
}

fn fold_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// Removes footnote markers, returning the text and where each marker stood.
fn remove_markers(
    text: &str,
    known: &std::collections::HashSet<String>,
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
/// number when it starts with one ("12. …"), kind `other`.
pub fn plain_paragraphs(text: &str) -> Vec<Paragraph> {
    let cleaned = clean(text);
    cleaned
        .blocks
        .into_iter()
        .map(|b| {
            let (number, text) = match NUMBERED_RE.captures(&b.text) {
                Some(c) => (Some(c[1].to_string()), c[2].to_string()),
                None => (None, b.text.clone()),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_footnotes_out_and_joins_a_paragraph_split_by_them() {
        let text = "10. The Committee recommends that the State party develop a framework for the safe and rapid repatriation of\n\n⁵ [CMW/C/KGZ/CO/1](#), para. 9.\n\n⁶ Ibid., para. 11.\n\nKyrgyz migrant workers when necessary.\n\nLegislation\n\n11. The Committee notes.";
        let c = clean(text);
        assert_eq!(c.blocks.len(), 3, "{:#?}", c.blocks);
        assert!(c.blocks[0]
            .text
            .contains("repatriation of Kyrgyz migrant workers"));
        assert_eq!(c.footnotes.len(), 2);
        assert_eq!(c.footnotes[1].cites[0].symbol, "CMW/C/KGZ/CO/1");
        assert_eq!(c.footnotes[1].cites[0].paragraph.as_deref(), Some("11"));
    }

    #[test]
    fn removes_markers_and_remembers_where_they_stood() {
        let text = "12. Reiterating its previous recommendations,⁵ the Committee recommends.\n\n⁵ CMW/C/KGZ/CO/1, para. 9.";
        let c = clean(text);
        assert_eq!(
            c.blocks[0].text,
            "12. Reiterating its previous recommendations, the Committee recommends."
        );
        assert_eq!(c.blocks[0].footnote_refs[0].number, "5");
        let off = c.blocks[0].footnote_refs[0].offset;
        assert_eq!(&c.blocks[0].text[off - 1..off], ",");
    }

    #[test]
    fn reads_word_style_notes_and_markers() {
        let text = "1.\tConsidering the recommendation,[footnoteRef:2] please clarify. [2: \t\tCMW/C/TJK/CO/2, para. 12.]\n2.\tNext [footnoteRef:3]question. [3: Ibid., para. 13.]";
        let c = clean(text);
        assert_eq!(c.blocks.len(), 2);
        assert_eq!(
            c.blocks[0].text,
            "1. Considering the recommendation, please clarify."
        );
        assert_eq!(c.footnotes[0].cites[0].paragraph.as_deref(), Some("12"));
        assert_eq!(c.footnotes[1].cites[0].symbol, "CMW/C/TJK/CO/2");
        assert_eq!(c.blocks[1].text, "2. Next question.");
    }

    #[test]
    fn drops_running_headers_and_reads_plain_digit_notes() {
        let text = "CMW/C/MEX/CO/3\n\n14. Recalling its previous recommendations,7 the Committee recommends that the State party strengthen the\n\n7 CMW/C/MEX/CO/2, para. 20.\n\nGE.24-01234\n\n\u{c}2/12\n\nmonitoring of recruitment agencies.\n\n15. Next.";
        let c = clean(text);
        assert_eq!(c.blocks.len(), 2, "{:#?}", c.blocks);
        assert!(c.blocks[0]
            .text
            .ends_with("strengthen the monitoring of recruitment agencies."));
        assert_eq!(c.blocks[0].footnote_refs[0].number, "7");
        assert_eq!(c.footnotes[0].cites[0].symbol, "CMW/C/MEX/CO/2");
    }

    #[test]
    fn strips_markdown() {
        let c = clean("### Concluding observations of Tajikistan\\*\\*\n\n**15. The Committee recommends that the State party adopt a policy.**\n\n\\*\\* Adopted by the Committee at its thirtieth session.");
        assert_eq!(c.blocks[0].heading_level, Some(3));
        assert!(c.blocks[1].bold);
        assert_eq!(
            c.blocks[1].text,
            "15. The Committee recommends that the State party adopt a policy."
        );
        assert_eq!(c.footnotes[0].number, "**");
        assert!(!c.blocks.iter().any(|b| b.text.contains("**")));
    }

    #[test]
    fn keeps_decimals_and_symbols_intact() {
        let c = clean(
            "In line with target 17.18 of the Goals and COVID-19, see CMW/C/KGZ/CO/1 and (No. 29).",
        );
        assert_eq!(
            c.blocks[0].text,
            "In line with target 17.18 of the Goals and COVID-19, see CMW/C/KGZ/CO/1 and (No. 29)."
        );
    }

    #[test]
    fn never_panics_on_odd_input() {
        for t in [
            "",
            "\u{c}",
            "¹",
            "[footnoteRef:",
            "[1: ",
            "**",
            "\\*",
            "1.",
            "(a)",
            "é¹²³ ⁴",
            "\t\t\t",
            "#",
        ] {
            let _ = clean(t);
            let _ = plain_paragraphs(t);
        }
    }
}
