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

/// The footnotes by number (the first of each number), to look up many markers
/// without a scan of every note for each.
pub fn footnotes_by_number(notes: &[Footnote]) -> std::collections::HashMap<&str, &Footnote> {
    let mut map = std::collections::HashMap::with_capacity(notes.len());
    for f in notes {
        map.entry(f.number.as_str()).or_insert(f);
    }
    map
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
/// A markdown footnote definition on its own line: `[^3]: CMW/C/TJK/CO/2, para. 12.`.
static MD_NOTE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?m)^[ \t]*\[\^(\d{1,4})\]:[ \t]*(.*?)[ \t]*$").expect("markdown note pattern")
});
/// A bracketed note on its own line, as our text export writes them: `[3] Ibid., para. 9.`.
static BRACKET_NOTE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?m)^[ \t]*\[(\d{1,4})\][ \t]+(\S.*?)[ \t]*$").expect("bracket note pattern")
});
/// A markdown footnote reference `[^3]`, or a bracketed one `[3]`.
static NOTE_REF_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\[(\^?)(\d{1,4})\]").expect("note reference pattern"));
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
    s = unescape_markdown(&s);
    s = s.replace('\u{E000}', "*");
    (s, bold, level)
}

/// Closing quotes, brackets and markers that may follow a sentence's full stop.
fn is_closing(c: char) -> bool {
    c == '*' || c == '"' || c == '”' || c == '’' || c == ')' || is_superscript(c)
}

/// The last character of `s` once its footnote markers are removed and trailing
/// whitespace trimmed.
fn last_unmarked(s: &str) -> Option<char> {
    MARKER_RE.replace_all(s, "").trim_end().chars().next_back()
}

/// What block assembly asks of a block's end — whether it ends a sentence, whether
/// it reads as a heading — kept up to date as lines are joined to it, so that a
/// block of many thousand joined lines is never read again from its start (which
/// made parsing quadratic).
///
/// A block is trimmed pieces joined by one space. Markers hold no whitespace, so
/// removing them from the whole equals removing them from each piece: the last
/// unmarked character of "A B" is B's, or A's when B has none.
#[derive(Debug, Clone, Copy)]
struct Tail {
    /// [`last_unmarked`] of the text.
    last_unmarked: Option<char>,
    /// [`last_unmarked`] of the text without its closing quotes, brackets and markers.
    closed: Option<char>,
    /// The text's last character.
    last: Option<char>,
    /// Its length in characters.
    chars: usize,
}

impl Tail {
    fn of(s: &str) -> Tail {
        let t = s.trim_end();
        Tail {
            last_unmarked: last_unmarked(t),
            closed: last_unmarked(t.trim_end_matches(is_closing)),
            last: t.chars().next_back(),
            chars: t.chars().count(),
        }
    }

    /// The tail of `self`'s text, a space and `next`'s (a non-empty trimmed text).
    fn join(self, next: Tail) -> Tail {
        Tail {
            last_unmarked: next.last_unmarked.or(self.last_unmarked),
            // When the closing characters are all `next` holds, they are trimmed
            // up to the joining space: what is left is `self`, markers and all.
            closed: next.closed.or(self.last_unmarked),
            last: next.last.or(self.last),
            chars: self.chars + 1 + next.chars,
        }
    }

    fn ends_sentence(&self) -> bool {
        matches!(self.closed, Some('.' | ':' | ';' | '?' | '!'))
    }

    /// [`line_is_heading_like`] of the (trimmed) text.
    fn heading_like(&self, bold: bool) -> bool {
        (self.chars < 160 && !self.ends_sentence() && self.last != Some(','))
            || (bold && self.chars < 160 && self.last != Some(';'))
    }
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
    let mut footnotes_raw: Vec<(String, String)> = Vec::new();
    let text = reference_style_notes(&text, &mut footnotes_raw);
    // Word-style notes "[5: text]" anywhere in a line.
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

    // Assemble blocks: lines without a gap join unless a new unit starts. Each
    // block carries its `Tail`, so no test reads a growing block from its start.
    let mut blocks: Vec<(Block, bool, Tail)> = Vec::new(); // (block, page gap before, tail)
    for line in lines {
        let tail = Tail::of(&line.text);
        let join_wrapped = !line.gap_before
            && line.heading_level.is_none()
            && line.indent == 0
            && !starts_new_unit(&line.text)
            && !blocks
                .last()
                .is_some_and(|(_, _, bt)| bt.ends_sentence() && tail.heading_like(line.bold))
            && blocks
                .last()
                .is_some_and(|(b, _, bt)| b.heading_level.is_none() && !bt.heading_like(b.bold));
        if join_wrapped {
            if let Some((b, _, bt)) = blocks.last_mut() {
                b.text.push(' ');
                b.text.push_str(&line.text);
                b.bold &= line.bold;
                *bt = bt.join(tail);
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
            tail,
        ));
    }

    // Join paragraphs broken by a page boundary (or by footnotes between them).
    let mut joined: Vec<(Block, Tail)> = Vec::new();
    for (block, page_gap_before, tail) in blocks {
        let continues = joined.last().is_some_and(|(prev, pt): &(Block, Tail)| {
            let lowercase = block.text.starts_with(|c: char| c.is_lowercase());
            let prev_is_heading = block_is_heading(prev, pt);
            prev.heading_level.is_none()
                && block.heading_level.is_none()
                && !pt.ends_sentence()
                && !starts_new_unit(&block.text)
                && ((lowercase && pt.chars > 20)
                    || (!prev_is_heading
                        && (!tail.heading_like(block.bold)
                            || (page_gap_before && tail.chars > 40))))
        });
        if continues {
            if let Some((prev, pt)) = joined.last_mut() {
                prev.text.push(' ');
                prev.text.push_str(&block.text);
                *pt = pt.join(tail);
                continue;
            }
        }
        joined.push((block, tail));
    }

    // Markers out of the text.
    let mut out_blocks = Vec::with_capacity(joined.len());
    for (mut b, _) in joined {
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
    let mut seen: std::collections::HashSet<(String, String)> = std::collections::HashSet::new();
    for (number, body) in footnotes_raw {
        let (s, _bold, _) = strip_markdown(&body);
        let text = fold_spaces(s.trim());
        if !seen.insert((number.clone(), text.clone())) {
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

/// Notes written apart from the text, as markdown and our own text export write
/// them: definitions on their own lines (`[^3]: …`, `[3] …`) are taken out into
/// `notes`, and their references (`[^3]`, `[3]` — a bracketed number only when a
/// note of that number was defined, and neither after a backslash) become Word
/// markers "[footnoteRef:3]", which the rest of the cleanup reads.
fn reference_style_notes(text: &str, notes: &mut Vec<(String, String)>) -> String {
    if !text.contains('[') {
        return text.to_string();
    }
    let mut defined = std::collections::HashSet::new();
    let mut take = |re: &Regex, text: &str, caret: bool| -> String {
        re.replace_all(text, |c: &regex::Captures| {
            notes.push((c[1].to_string(), c[2].to_string()));
            defined.insert((caret, c[1].to_string()));
            String::new()
        })
        .into_owned()
    };
    let text = take(&MD_NOTE_RE, text, true);
    let text = take(&BRACKET_NOTE_RE, &text, false);
    if defined.is_empty() {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for c in NOTE_REF_RE.captures_iter(&text) {
        let Some(whole) = c.get(0) else { continue };
        let escaped = text[..whole.start()].ends_with('\\');
        let caret = !c[1].is_empty();
        if escaped || !defined.contains(&(caret, c[2].to_string())) {
            continue;
        }
        out.push_str(&text[last..whole.start()]);
        out.push_str("[footnoteRef:");
        out.push_str(&c[2]);
        out.push(']');
        last = whole.end();
    }
    out.push_str(&text[last..]);
    out
}

/// Drops markdown's backslash before an ASCII punctuation character (`1\.` is
/// "1.", `\[` is "["); `\*` was set apart before bold was read.
fn unescape_markdown(s: &str) -> String {
    if !s.contains('\\') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(&next) = chars.peek() {
                if next.is_ascii_punctuation() {
                    out.push(next);
                    chars.next();
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}

/// Whether a block reads as a heading: short and unterminated, unless it is a
/// numbered paragraph or sub-paragraph cut short (by a page break).
fn block_is_heading(b: &Block, tail: &Tail) -> bool {
    tail.heading_like(b.bold)
        && !(starts_new_unit(&b.text) && tail.chars > 60 && tail.last != Some(')'))
}

/// A short line without closing punctuation reads as a heading.
pub fn line_is_heading_like(text: &str, bold: bool) -> bool {
    Tail::of(text.trim()).heading_like(bold)
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
    fn printable_text_is_one_line_without_control_characters() {
        assert_eq!(
            printable("  Bad\u{1b}[2J\u{1b}]0;title\u{7}\r\n  name\t\u{0}x\u{7f}\u{9b}31m \u{202e}gpj.exe\u{85}end \n"),
            "Bad?[2J?]0;title? name ?x??31m ?gpj.exe end"
        );
        assert_eq!(
            printable("plain — ünïcode 12. ok"),
            "plain — ünïcode 12. ok"
        );
        assert_eq!(printable("\r\n\t"), "");
        for c in printable("a\u{1b}\u{8}\u{c}\u{b}\u{2028}b").chars() {
            assert!(!c.is_control() && c != '\u{2028}', "{c:?}");
        }
    }

    /// Markdown footnotes and escapes, and the text export's bracketed notes, read
    /// as the notes and markers they are.
    #[test]
    fn reads_markdown_and_bracketed_notes() {
        let c = clean("1\\. Considering its recommendation,[^1] please \\[explain\\].[^2]\n\n[^1]: CMW/C/TJK/CO/2, para. 12.\n[^2]: Ibid., para. 13 \\(a\\).\n");
        assert_eq!(c.blocks.len(), 1, "{:#?}", c.blocks);
        assert_eq!(
            c.blocks[0].text,
            "1. Considering its recommendation, please [explain]."
        );
        let refs: Vec<_> = c.blocks[0]
            .footnote_refs
            .iter()
            .map(|r| r.number.as_str())
            .collect();
        assert_eq!(refs, ["1", "2"]);
        assert_eq!(c.footnotes[1].cites[0].symbol, "CMW/C/TJK/CO/2");
        assert_eq!(c.footnotes[1].text, "Ibid., para. 13 (a).");
        let c = clean("1.\tPlease explain,[1] and [2020] data.\r\n\r\nNotes\r\n[1] CMW/C/TJK/CO/2, para. 12.\r\n");
        assert_eq!(c.blocks[0].text, "1. Please explain, and [2020] data.");
        assert_eq!(c.footnotes.len(), 1);
        assert_eq!(c.footnotes[0].cites[0].paragraph.as_deref(), Some("12"));
    }

    /// Block assembly asked whether a block ends a sentence or reads as a heading
    /// by reading the whole block, each time a line joined it: quadratic in the
    /// lines of a long block. The answers now come from each block's tail.
    #[test]
    fn the_tail_of_a_block_answers_as_its_whole_text_would() {
        fn whole(s: &str) -> (bool, bool, bool) {
            let t = s.trim_end().trim_end_matches(is_closing);
            let t = MARKER_RE.replace_all(t, "");
            let ends = matches!(
                t.trim_end().chars().last(),
                Some('.' | ':' | ';' | '?' | '!')
            );
            let len = s.trim().chars().count();
            let heading = |bold: bool| {
                (len < 160 && !ends && !s.trim().ends_with(','))
                    || (bold && len < 160 && !s.trim().ends_with(';'))
            };
            (ends, heading(false), heading(true))
        }
        let pieces = [
            "Text",
            "ends.",
            ")",
            "¹²",
            "[footnoteRef:3]",
            "”",
            "x.)",
            "a,",
            "b;",
            "*",
            "q?¹",
            "(a) item",
            ".[footnoteRef:2])",
            "x ¹",
            "word:",
            "** ¹ ⁵",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let text = format!("{a} {b} {c}");
                    let tail = Tail::of(a).join(Tail::of(b)).join(Tail::of(c));
                    let joined = Tail::of(a).join(Tail::of(b).join(Tail::of(c)));
                    let want = whole(&text);
                    for t in [tail, joined] {
                        assert_eq!(
                            (
                                t.ends_sentence(),
                                t.heading_like(false),
                                t.heading_like(true)
                            ),
                            want,
                            "{text}"
                        );
                    }
                }
            }
        }
    }

    /// Times `parse_text` on `n` and on `4 n` lines: a parse linear in its input
    /// takes about four times as long; the old quadratic ones took sixteen.
    fn growth(line: impl Fn(usize) -> String, n: usize) -> (f64, std::time::Duration) {
        let text = |n: usize| (0..n).map(&line).collect::<String>();
        let (small, large) = (text(n), text(4 * n));
        let time = |t: &str| {
            // The best of two runs, against a loaded machine.
            (0..2)
                .map(|_| {
                    let start = std::time::Instant::now();
                    let _ = crate::parse::parse_text(t);
                    start.elapsed()
                })
                .min()
                .unwrap_or_default()
        };
        let (a, b) = (time(&small), time(&large));
        (b.as_secs_f64() / a.as_secs_f64().max(1e-6), b)
    }

    #[test]
    fn parsing_is_linear_in_the_input() {
        // Before, in a debug build: 200,000 numbered lines took 106 s (×14.5 for 4×
        // the lines); now 3 s (×3.9). Smaller here, to keep the
        // tests quick.
        type Line = fn(usize) -> String;
        let cases: [(&str, Line, usize); 5] = [
            (
                "numbered lines",
                |i| format!("{}. Some text.\n", i + 1),
                25_000,
            ),
            (
                "joined citations",
                |_| "(CMW/C/KGZ/CO/1, para. 9)\n".to_string(),
                10_000,
            ),
            (
                "ibid notes",
                |i| format!("{} Ibid., para. {i}.\n", i % 999 + 1),
                10_000,
            ),
            (
                "word notes",
                |i| format!("[{}: Ibid., para. {i}.]\n", i % 9999 + 1),
                10_000,
            ),
            (
                "superscript markers",
                |i| format!("text¹²³ and more,{} words\n", i % 99),
                5_000,
            ),
        ];
        for (name, line, n) in cases {
            let (ratio, large) = growth(line, n);
            eprintln!("{name}: {n} → {} lines: ×{ratio:.1}, {large:?}", 4 * n);
            assert!(
                ratio < 9.0,
                "{name}: 4× the lines took {ratio:.1}× the time"
            );
            assert!(large.as_secs() < 30, "{name}: {large:?}");
        }
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
