//! The lines of the text as read: each with its layout (indent, bold, a
//! heading level from markdown), before they are assembled into blocks.

use super::*;

/// A line as read, before blocks are assembled.
#[derive(Debug)]
pub(super) struct Line {
    pub(super) text: String,
    pub(super) bold: bool,
    pub(super) heading_level: Option<u8>,
    pub(super) indent: usize,
    /// A blank line, page break or removed block stood before it.
    pub(super) gap_before: bool,
    /// Footnotes or a page break stood between this line and the previous one.
    pub(super) page_gap_before: bool,
    /// The page wrapped this line: the next one continues it.
    pub(super) wide: bool,
}

/// A line of the file, trimmed and marked up as read, before footnotes and
/// blocks are told apart.
pub(super) struct RawLine {
    pub(super) text: String,
    pub(super) bold: bool,
    pub(super) heading_level: Option<u8>,
    pub(super) indent: usize,
    /// The line held a form feed: a page boundary stands before it.
    pub(super) form_feed: bool,
    /// Page furniture: a running header or footer, a masthead line.
    pub(super) furniture: bool,
}

/// A line wrapped off a heading: only its article range, "(arts. 8–35)".
pub(super) static ARTICLE_RANGE_LINE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^\((?:arts?\.|articles?)\s*[^()]*(?:\([^()]*\)[^()]*)*\)$")
        .expect("article range line pattern")
});

/// The file's lines, trimmed, markdown read, page furniture marked.
pub(super) fn read_lines(text: &str) -> Vec<RawLine> {
    let mut out = Vec::new();
    // Masthead lines left to drop after an anchor ("Distr.: General").
    let mut masthead_left = 0u8;
    for raw in text.split('\n') {
        let raw = raw.trim_end();
        let form_feed = raw.contains('\u{c}');
        let raw = if form_feed {
            std::borrow::Cow::Owned(raw.replace('\u{c}', ""))
        } else {
            std::borrow::Cow::Borrowed(raw)
        };
        let mut line = RawLine {
            text: String::new(),
            bold: false,
            heading_level: None,
            indent: 0,
            form_feed,
            furniture: false,
        };
        if raw.trim().is_empty() {
            out.push(line);
            continue;
        }
        line.indent = raw.chars().take_while(|c| *c == '\t').count();
        let (stripped, bold, heading_level) = strip_markdown(&raw);
        let t = normalise_number_start(stripped.trim()).into_owned();
        line.bold = bold;
        line.heading_level = heading_level;
        if heading_level.is_none() && !t.is_empty() {
            if MASTHEAD_ANCHOR_RE.is_match(&t) {
                line.furniture = true;
                masthead_left = 8;
            } else if masthead_left > 0
                && (MASTHEAD_LINE_RE.is_match(&t) || is_treaty_title_piece(&t))
            {
                line.furniture = true;
                masthead_left -= 1;
            } else {
                masthead_left = 0;
                line.furniture = RUNNING_HEADER_RE.is_match(&t) && !t.ends_with('.');
            }
        }
        line.text = t;
        out.push(line);
    }
    out
}
