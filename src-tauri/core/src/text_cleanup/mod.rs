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

mod arabic_numbering;
mod lines;
mod markers;
mod paragraphs;
mod reference_notes;

use lines::*;
use markers::remove_markers;
pub use paragraphs::*;
use reference_notes::*;

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
        r"^(?:(?:E/C\.12|[A-Z]{2,6})/[A-Z0-9./\-–]+(?:\s*\(Advance unedited version\))?|(?:\d{1,3}\s+)?GE\.\d{2}-\d{3,6}.*|\d{1,3}\s*/\s*\d{1,3}|Page \d+(?: of \d+)?|\d{1,3}|-\s*\d{1,3}\s*-|Advance unedited version|United Nations|Distr\.?:? General|-{3,}|_{3,}|\*{3,}|\*\d{5,10}\*|Please recycle)$",
    )
    .expect("running header pattern")
});
/// The first lines of a United Nations document's masthead, wherever a PDF reader
/// puts them (pdf-extract prints them after the first page's text): "United
/// Nations  CRPD/C/LTU/Q/2-3", "Distr.: General".
static MASTHEAD_ANCHOR_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:(?:United Nations|Nations Unies|Naciones Unidas)\s+(?:E/C\.12|[A-Z]{2,6})/\S+|Distr\.?:?\s*(?:General|Restricted|Limited)|Economic and Social Council)$")
        .expect("masthead anchor pattern")
});
/// The other masthead lines: a date, "Original: English", "English, French and
/// Spanish only", the symbol.
static MASTHEAD_LINE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}|Original:\s*\w+|(?:(?:Arabic|Chinese|English|French|Russian|Spanish)(?:,\s*|\s+and(?:\s+|$))?)+(?:\s+only)?|(?:E/C\.12|[A-Z]{2,6})/\S+|Distr\.?:?\s*(?:General|Restricted|Limited)|Economic and Social Council|United Nations)$")
        .expect("masthead line pattern")
});
/// The treaties' titles, whose pieces a masthead prints on lines of their own.
const TREATY_TITLES: &[&str] = &[
    "international convention on the protection of the rights of all migrant workers and members of their families",
    "convention on the rights of persons with disabilities",
    "convention on the rights of the child",
    "convention on the elimination of all forms of discrimination against women",
    "international convention on the elimination of all forms of racial discrimination",
    "international covenant on civil and political rights",
    "international covenant on economic, social and cultural rights",
    "convention against torture and other cruel, inhuman or degrading treatment or punishment",
    "international convention for the protection of all persons from enforced disappearance",
];
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

/// Where a line stands, for telling a footnote from a line of text that begins
/// with a number ("1 June 2027), written information …").
#[derive(Debug, Clone, Copy, Default)]
struct NoteContext {
    /// Only notes (and blank lines) stand between this line and the page's
    /// running footer or header: the foot of a page.
    at_page_foot: bool,
    /// The number of the last plain-digit note read.
    last_number: Option<u32>,
}

/// Whether a line is a footnote body: returns (number, text).
fn footnote_line(
    line: &str,
    known_markers: &std::collections::HashSet<String>,
    ctx: NoteContext,
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
            || rest == "See"
            || rest.starts_with("Available")
            || rest.starts_with("Adopted")
            || rest.starts_with("General Assembly")
            || rest.starts_with("A/")
            || rest.starts_with("http")
            || symbols::find_symbols(rest)
                .first()
                .is_some_and(|(r, _)| r.start == 0);
        let number: u32 = c[1].parse().ok()?;
        // Notes are numbered through the document: the next one follows the last.
        let in_sequence = match ctx.last_number {
            Some(last) => number > last && number <= last + 3,
            None => number <= 3,
        };
        let not_backwards = ctx.last_number.is_none_or(|last| number > last);
        if citation_like
            || (known_markers.contains(&c[1])
                && not_backwards
                && rest.len() < 300
                && !rest.ends_with(':'))
            || (ctx.at_page_foot && in_sequence && rest.len() < 1000)
        {
            return Some((c[1].to_string(), rest.to_string()));
        }
    }
    None
}

/// Whether a (trimmed) line begins as a footnote does: a number, stars or a
/// superscript, then a space.
fn looks_like_note_start(t: &str) -> bool {
    t.starts_with(is_superscript) || PLAIN_NOTE_RE.is_match(t) || STAR_NOTE_RE.is_match(t)
}

/// Private-use glyphs: a symbol font's characters (U+F020–U+F07E stand for the
/// ASCII ones, as in barcodes "*1917819*" and starred notes) become ASCII;
/// other private-use characters are dropped.
fn normalise_glyphs(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| ('\u{E000}'..='\u{F8FF}').contains(&c)) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c as u32 {
            0xF020..=0xF07E => out.push(char::from_u32(c as u32 - 0xF000).unwrap_or(' ')),
            0xE000..=0xF8FF => {}
            _ => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A paragraph number as PDF readers sometimes print it: ".13   Please" and
/// "140 . To" are "13. Please" and "140. To".
fn normalise_number_start(t: &str) -> std::borrow::Cow<'_, str> {
    static ODD_NUMBER_RE: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"^(?:\.(\d{1,3})|(\d{1,3})\s+\.)\s+(\p{Lu})").expect("odd number pattern")
    });
    // A stray glyph glued before a sub-paragraph's label: "€(c) A high …".
    static STRAY_BEFORE_LABEL_RE: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"^[^\p{L}\p{N}\s(\[“‘'\x22*]\([a-z]{1,4}\)\s").expect("stray glyph pattern")
    });
    if STRAY_BEFORE_LABEL_RE.is_match(t) {
        let skip = t.chars().next().map_or(0, char::len_utf8);
        return std::borrow::Cow::Borrowed(&t[skip..]);
    }
    match ODD_NUMBER_RE.captures(t) {
        Some(c) => {
            let n = c.get(1).or_else(|| c.get(2)).map_or("", |m| m.as_str());
            let rest_start = c.get(3).map_or(t.len(), |m| m.start());
            std::borrow::Cow::Owned(format!("{n}. {}", &t[rest_start..]))
        }
        None => std::borrow::Cow::Borrowed(t),
    }
}

/// Whether a line is a piece of a treaty's title ("Convention on the Rights",
/// "of Persons with Disabilities"), as a masthead prints them.
fn is_treaty_title_piece(t: &str) -> bool {
    if t.len() < 8 || t.len() > 120 {
        return false;
    }
    let folded = fold_spaces(t).to_lowercase();
    TREATY_TITLES.iter().any(|title| {
        title.find(&folded).is_some_and(|at| {
            // Whole words only.
            let before = title[..at].chars().next_back();
            let after = title[at + folded.len()..].chars().next();
            before.is_none_or(|c| c == ' ') && after.is_none_or(|c| c == ' ' || c == ',')
        })
    })
}

/// How the text is laid out: hard-wrapped (a PDF's lines, each as wide as the
/// page allows) or a paragraph to a line (Word, markdown, plain text).
#[derive(Debug, Clone, Copy)]
struct Layout {
    /// A line at least this long (in characters, spaces folded) was wrapped by the
    /// page: the next line continues it. `usize::MAX` when lines are paragraphs.
    wide: usize,
}

impl Layout {
    fn measure<'a>(lines: impl Iterator<Item = &'a str>) -> Layout {
        let mut lengths: Vec<(usize, bool)> = lines
            .map(str::trim)
            .filter(|t| t.len() > 2)
            .map(|t| {
                let len = t.chars().count();
                let ends = matches!(t.chars().next_back(), Some('.' | ';' | ':' | '?' | '!'));
                (len, ends)
            })
            .collect();
        let none = Layout { wide: usize::MAX };
        if lengths.len() < 20 {
            return none;
        }
        lengths.sort_unstable_by_key(|(len, _)| *len);
        let p90 = lengths[lengths.len() * 9 / 10].0;
        if !(40..=200).contains(&p90) {
            return none;
        }
        let wide = p90 * 3 / 4;
        // A page wraps most long lines in the middle of a sentence; a paragraph to
        // a line ends each with its full stop.
        let long: Vec<bool> = lengths
            .iter()
            .filter(|(len, _)| *len >= wide)
            .map(|(_, ends)| *ends)
            .collect();
        let unterminated = long.iter().filter(|ends| !**ends).count();
        if long.len() < 10 || unterminated * 2 < long.len() {
            return none;
        }
        Layout { wide }
    }

    /// Whether the page wrapped this (trimmed) line. Lengths count the spaces as
    /// printed: a justified line spreads its words over the page's width. The
    /// first line of a numbered paragraph or sub-paragraph gives some of its
    /// width to the number.
    fn is_wide(&self, t: &str) -> bool {
        if self.wide == usize::MAX {
            return false;
        }
        let len = t.chars().count();
        len >= self.wide || (starts_new_unit(t) && len * 100 >= self.wide * 85)
    }
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
    // A starred note as a PDF prints it ("**  Adopted by …"): stars then a space,
    // never closed, are the note's mark, not markdown bold.
    let stars = s.trim_start().chars().take_while(|c| *c == '*').count();
    if (1..=3).contains(&stars)
        && s.trim_start()[stars..].starts_with(char::is_whitespace)
        && !s.trim_start()[stars..].contains("**")
    {
        let s = unescape_markdown(&s).replace('\u{E000}', "*");
        return (s, false, level);
    }
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

/// A block being assembled from lines.
struct Assembling {
    block: Block,
    /// Footnotes or a page break stood before it.
    page_gap_before: bool,
    tail: Tail,
    /// The page wrapped its last line.
    last_wide: bool,
    lines: usize,
}

impl Assembling {
    /// Joins a line (or a block) to this block: with a space, or without one
    /// where a word was hyphenated at the end of a line ("health-" "care"),
    /// or a compound with a number broken after its hyphen ("post-" "2015",
    /// "2016-" "2030").
    fn push(&mut self, text: &str, tail: Tail, wide: bool) {
        let before_hyphen = self.block.text.chars().rev().nth(1);
        let hyphenated = self.block.text.ends_with('-')
            && before_hyphen.is_some_and(char::is_alphanumeric)
            && (text.starts_with(|c: char| c.is_lowercase())
                || text.starts_with(|c: char| c.is_ascii_digit()));
        if !hyphenated {
            self.block.text.push(' ');
        }
        self.block.text.push_str(text);
        self.tail = self.tail.join(tail);
        self.last_wide = wide;
        self.lines += 1;
    }
}

/// Cleans a document's text into blocks and footnotes.
pub fn clean(text: &str) -> Cleaned {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text = normalise_glyphs(&text).into_owned();
    let text = arabic_numbering::conventional_numbering(&text).into_owned();
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

    let raw_lines = read_lines(&text);
    let layout = Layout::measure(
        raw_lines
            .iter()
            .filter(|l| !l.furniture && l.heading_level.is_none())
            .map(|l| l.text.as_str()),
    );
    // The foot of each page: the lines after which only notes come before the
    // running footer (or the next page's header). Read from the end.
    let mut at_page_foot = vec![false; raw_lines.len()];
    let mut zone = true;
    let mut plain_run = 0;
    for (i, l) in raw_lines.iter().enumerate().rev() {
        if l.text.is_empty() {
            continue;
        }
        if l.furniture {
            zone = true;
            plain_run = 0;
            continue;
        }
        at_page_foot[i] = zone;
        if looks_like_note_start(&l.text) {
            plain_run = 0;
        } else {
            plain_run += 1;
            if plain_run > 4 {
                zone = false;
            }
        }
        if l.form_feed {
            zone = true;
            plain_run = 0;
        }
    }

    let mut lines: Vec<Line> = Vec::new();
    let mut gap = true;
    let mut page_gap = false;
    let mut last_note: Option<usize> = None;
    let mut last_note_number: Option<u32> = None;
    for (i, raw) in raw_lines.into_iter().enumerate() {
        if raw.form_feed {
            page_gap = true;
            gap = true;
            last_note = None;
        }
        if raw.text.is_empty() {
            gap = true;
            last_note = None;
            continue;
        }
        if raw.furniture {
            // Running headers and footers mark a page boundary.
            page_gap = true;
            gap = true;
            last_note = None;
            continue;
        }
        let t = raw.text.as_str();
        if raw.heading_level.is_none() {
            let ctx = NoteContext {
                at_page_foot: at_page_foot.get(i).copied().unwrap_or(false),
                last_number: last_note_number,
            };
            if let Some((n, body)) = footnote_line(t, &known_markers, ctx) {
                if let Ok(n) = n.parse::<u32>() {
                    last_note_number = Some(n);
                }
                footnotes_raw.push((n, body));
                last_note = Some(footnotes_raw.len() - 1);
                page_gap = true;
                gap = true;
                continue;
            }
            if let Some(note) = last_note.and_then(|i| footnotes_raw.get_mut(i)) {
                // A note continued on the next line (no blank line between): one
                // that did not end its sentence, or a line that goes on with it.
                let body = &mut note.1;
                let unfinished = !matches!(body.trim_end().chars().next_back(), Some('.'));
                if !starts_new_unit(t) && (unfinished || t.starts_with(char::is_lowercase)) {
                    // A web address or a word broken at the line's end goes on
                    // without a space.
                    let last_word = body.rsplit(' ').next().unwrap_or("");
                    let glued = (last_word.contains("://") || last_word.starts_with("www."))
                        && !t.contains(' ')
                        || (body.ends_with('-') && !body.ends_with(" -"));
                    if !glued {
                        body.push(' ');
                    }
                    body.push_str(t);
                    continue;
                }
            }
        }
        last_note = None;
        let wide = layout.is_wide(t);
        lines.push(Line {
            text: raw.text,
            bold: raw.bold,
            heading_level: raw.heading_level,
            indent: raw.indent,
            gap_before: gap,
            page_gap_before: page_gap,
            wide,
        });
        gap = false;
        page_gap = false;
    }

    for (n, _) in &footnotes_raw {
        known_markers.insert(n.clone());
    }
    let defined_notes: std::collections::HashSet<String> =
        footnotes_raw.iter().map(|(n, _)| n.clone()).collect();

    // Assemble blocks: lines without a gap join unless a new unit starts; a line
    // the page wrapped is continued by the next. Each block carries its `Tail`,
    // so no test reads a growing block from its start.
    let mut blocks: Vec<Assembling> = Vec::new();
    for line in lines {
        let tail = Tail::of(&line.text);
        let lowercase = line.text.starts_with(|c: char| c.is_lowercase());
        let article_range = ARTICLE_RANGE_LINE_RE.is_match(&line.text);
        let join_wrapped = blocks.last().is_some_and(|a| {
            if a.block.heading_level.is_some()
                || line.heading_level.is_some()
                || starts_new_unit(&line.text)
            {
                return false;
            }
            if article_range && !a.tail.ends_sentence() && a.tail.heading_like(a.block.bold) {
                // A heading wrapped before its article range: "… punishment" / "(art. 15)".
                return true;
            }
            if line.gap_before || line.indent != 0 {
                return false;
            }
            if a.tail.ends_sentence() && tail.heading_like(line.bold) && !lowercase && !line.wide {
                return false;
            }
            !a.tail.heading_like(a.block.bold)
                || a.last_wide
                || (lowercase && !a.tail.ends_sentence())
        });
        if join_wrapped {
            if let Some(a) = blocks.last_mut() {
                a.push(&line.text, tail, line.wide);
                a.block.bold &= line.bold;
                continue;
            }
        }
        blocks.push(Assembling {
            block: Block {
                text: line.text,
                bold: line.bold,
                heading_level: line.heading_level,
                indent: line.indent,
                footnote_refs: Vec::new(),
            },
            page_gap_before: line.page_gap_before,
            tail,
            last_wide: line.wide,
            lines: 1,
        });
    }

    // Join paragraphs broken by a page boundary (or by footnotes between them).
    let mut joined: Vec<Assembling> = Vec::new();
    for a in blocks {
        let continues = joined.last().is_some_and(|prev| {
            let lowercase = a.block.text.starts_with(|c: char| c.is_lowercase());
            let prev_is_heading = block_is_heading(&prev.block, &prev.tail);
            // The page wrapped the previous paragraph's last line: whatever the
            // next page begins with ("Administrative Justice lacks …", "1 June
            // 2027), written …") goes on with it.
            let wrapped_over_page = a.page_gap_before
                && prev.last_wide
                && (prev.lines > 1 || starts_new_unit(&prev.block.text));
            prev.block.heading_level.is_none()
                && a.block.heading_level.is_none()
                && !prev.tail.ends_sentence()
                && !starts_new_unit(&a.block.text)
                && ((lowercase && prev.tail.chars > 20)
                    || wrapped_over_page
                    || (!prev_is_heading
                        && (!a.tail.heading_like(a.block.bold)
                            || (a.page_gap_before && a.tail.chars > 40))))
        });
        if continues {
            if let Some(prev) = joined.last_mut() {
                prev.push(&a.block.text, a.tail, a.last_wide);
                prev.lines += a.lines - 1;
                continue;
            }
        }
        joined.push(a);
    }

    // Markers out of the text.
    let mut out_blocks = Vec::with_capacity(joined.len());
    let mut last_marker = 0u32;
    for a in joined {
        let mut b = a.block;
        let (text, refs) =
            remove_markers(&b.text, &known_markers, &defined_notes, &mut last_marker);
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

#[cfg(test)]
mod tests;
