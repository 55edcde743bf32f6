//! A .docx reader on `zip` + `quick-xml`: the body's paragraphs in order, Word's
//! automatic numbering as text, bold as `**…**`, tables as tab-separated lines,
//! and footnotes/endnotes as `[footnoteRef:N]` markers with ` [N: text]` notes
//! at the end of the paragraph that references them.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// Limits that keep a hostile archive from exhausting memory.
const MAX_ENTRIES: usize = 5_000;
const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
const MAX_TOTAL_BYTES: u64 = 100 * 1024 * 1024;
/// Word has nine list levels (0–8); higher `w:ilvl` values are read as the last one.
const MAX_LEVEL: u32 = 8;
/// List numbers (`w:start`, `w:startOverride`, counters) are clamped to this.
const MAX_NUMBER: u32 = 10_000;
/// Tables nested deeper than this are refused.
pub const MAX_TABLE_DEPTH: usize = 32;
/// The extracted text is at most this many times the file's size …
const MAX_TEXT_RATIO: usize = 50;
/// … and never more than this (with at least `MIN_TEXT_BUDGET` for tiny files).
const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;
const MIN_TEXT_BUDGET: usize = 1024 * 1024;

/// Why a .docx could not be read (the caller names the file).
pub type DocxError = String;

pub(crate) struct Archive {
    zip: zip::ZipArchive<Cursor<Vec<u8>>>,
    read_total: u64,
}

impl Archive {
    pub(crate) fn open(bytes: &[u8]) -> Result<Archive, DocxError> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes.to_vec()))
            .map_err(|e| format!("the Word file is damaged or truncated ({e})"))?;
        if zip.len() > MAX_ENTRIES {
            return Err(format!(
                "the Word file has {} parts, more than a document can have",
                zip.len()
            ));
        }
        Ok(Archive { zip, read_total: 0 })
    }

    pub(crate) fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// Reads one part, refusing parts that declare or inflate to more than the limits.
    pub(crate) fn part(&mut self, name: &str) -> Result<Option<Vec<u8>>, DocxError> {
        let mut file = match self.zip.by_name(name) {
            Ok(f) => f,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(format!("the Word file is damaged ({e})")),
        };
        if file.size() > MAX_PART_BYTES || self.read_total + file.size() > MAX_TOTAL_BYTES {
            return Err("the Word file expands to more than 100 MB: refused (a zip bomb?)".into());
        }
        let mut out = Vec::new();
        let limit = MAX_PART_BYTES.min(MAX_TOTAL_BYTES - self.read_total) + 1;
        (&mut file)
            .take(limit)
            .read_to_end(&mut out)
            .map_err(|e| format!("the Word file is damaged or truncated ({e})"))?;
        if out.len() as u64 >= limit {
            return Err("the Word file expands to more than 100 MB: refused (a zip bomb?)".into());
        }
        self.read_total += out.len() as u64;
        Ok(Some(out))
    }
}

pub(crate) fn local_name(name: &[u8]) -> &[u8] {
    match name.iter().position(|b| *b == b':') {
        Some(p) => &name[p + 1..],
        None => name,
    }
}

pub(crate) fn attr(e: &BytesStart, key: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (local_name(a.key.as_ref()) == key).then(|| String::from_utf8_lossy(&a.value).into_owned())
    })
}

fn is_off(e: &BytesStart) -> bool {
    matches!(
        attr(e, b"val").as_deref(),
        Some("0" | "false" | "off" | "none")
    )
}

/// One level of a numbering definition.
#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
}

#[derive(Debug, Default)]
struct Numbering {
    /// abstractNumId → levels
    abstract_levels: HashMap<String, HashMap<u32, Level>>,
    /// numId → (abstractNumId, start overrides per level)
    nums: HashMap<String, (String, HashMap<u32, u32>)>,
    /// counters per abstract numbering and level
    counters: HashMap<String, HashMap<u32, u32>>,
}

pub(crate) fn xml_error(e: impl std::fmt::Display) -> DocxError {
    format!("the Word file's XML is malformed ({e})")
}

impl Numbering {
    fn parse(xml: &[u8]) -> Result<Numbering, DocxError> {
        let mut n = Numbering::default();
        let mut reader = Reader::from_reader(xml);
        let mut buf = Vec::new();
        let mut abstract_id: Option<String> = None;
        let mut level: Option<(u32, Level)> = None;
        let mut num_id: Option<String> = None;
        let mut override_level: Option<u32> = None;
        loop {
            match reader.read_event_into(&mut buf).map_err(xml_error)? {
                Event::Start(e) | Event::Empty(e) => match local_name(e.name().as_ref()) {
                    b"abstractNum" => abstract_id = attr(&e, b"abstractNumId"),
                    b"lvl" => {
                        let ilvl = level_attr(&e, b"ilvl");
                        level = Some((
                            ilvl,
                            Level {
                                start: 1,
                                ..Default::default()
                            },
                        ));
                    }
                    b"start" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.start = number_attr(&e);
                        }
                    }
                    b"numFmt" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.format = attr(&e, b"val").unwrap_or_default();
                        }
                    }
                    b"lvlText" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.text = attr(&e, b"val").unwrap_or_default();
                        }
                    }
                    b"num" => num_id = attr(&e, b"numId"),
                    b"abstractNumId" => {
                        if let (Some(id), Some(a)) = (num_id.clone(), attr(&e, b"val")) {
                            n.nums.entry(id).or_insert_with(|| (a, HashMap::new())).0 =
                                attr(&e, b"val").unwrap_or_default();
                        }
                    }
                    b"lvlOverride" => {
                        override_level = attr(&e, b"ilvl").map(|_| level_attr(&e, b"ilvl"))
                    }
                    b"startOverride" => {
                        if let (Some(id), Some(l)) = (num_id.clone(), override_level) {
                            let v = number_attr(&e);
                            n.nums
                                .entry(id)
                                .or_insert_with(|| (String::new(), HashMap::new()))
                                .1
                                .insert(l, v);
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match local_name(e.name().as_ref()) {
                    b"lvl" => {
                        if let (Some(a), Some((i, l))) = (abstract_id.clone(), level.take()) {
                            n.abstract_levels.entry(a).or_default().insert(i, l);
                        }
                    }
                    b"abstractNum" => abstract_id = None,
                    b"num" => num_id = None,
                    b"lvlOverride" => override_level = None,
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
            buf.clear();
        }
        Ok(n)
    }

    /// The label for the next paragraph numbered with (numId, ilvl), e.g. "12." or "(a)".
    fn next_label(&mut self, num_id: &str, ilvl: u32) -> Option<String> {
        let (abs, overrides) = self.nums.get(num_id)?.clone();
        let levels = self.abstract_levels.get(&abs)?.clone();
        let level = levels.get(&ilvl)?.clone();
        let counters = self.counters.entry(abs).or_default();
        let start = overrides.get(&ilvl).copied().unwrap_or(level.start);
        let value = counters
            .get(&ilvl)
            .map(|v| v.saturating_add(1))
            .unwrap_or(start);
        counters.insert(ilvl, value);
        counters.retain(|l, _| *l <= ilvl);
        if level.format == "none" {
            return None;
        }
        if level.format == "bullet" {
            return Some("-".into());
        }
        let mut label = level.text.clone();
        for l in 0..=ilvl {
            let placeholder = format!("%{}", l + 1);
            if !label.contains(&placeholder) {
                continue;
            }
            let v = if l == ilvl {
                value
            } else {
                counters.get(&l).copied().unwrap_or(1)
            };
            let fmt = if l == ilvl {
                level.format.clone()
            } else {
                levels.get(&l).map(|x| x.format.clone()).unwrap_or_default()
            };
            label = label.replace(&placeholder, &format_number(v, &fmt));
        }
        Some(label)
    }
}

/// A list level from attribute `key` (0 when absent or unreadable), at most [`MAX_LEVEL`].
fn level_attr(e: &BytesStart, key: &[u8]) -> u32 {
    attr(e, key)
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(|v| v.min(MAX_LEVEL as u64) as u32)
        .unwrap_or(0)
}

/// A list number from `w:val` (1 when absent or unreadable), at most [`MAX_NUMBER`].
fn number_attr(e: &BytesStart) -> u32 {
    attr(e, b"val")
        .and_then(|v| v.trim().parse::<i64>().ok())
        .map(|v| v.clamp(0, MAX_NUMBER as i64) as u32)
        .unwrap_or(1)
}

fn format_number(v: u32, format: &str) -> String {
    // Letters and roman numerals grow with the number: keep them short.
    let v = v.min(MAX_NUMBER);
    match format {
        // The Arabic versions letter sub-paragraphs أ ب ج …: by their place, the
        // (a) (b) (c) the English version cites.
        "lowerLetter" | "arabicAbjad" | "arabicAlpha" => letters(v).to_lowercase(),
        "upperLetter" => letters(v),
        "lowerRoman" => roman(v).to_lowercase(),
        "upperRoman" => roman(v),
        _ => v.to_string(),
    }
}

fn letters(v: u32) -> String {
    // Word repeats letters past z: aa, bb …
    let v = v.max(1) - 1;
    let c = (b'A' + (v % 26) as u8) as char;
    c.to_string().repeat((v / 26 + 1) as usize)
}

fn roman(mut v: u32) -> String {
    const TABLE: &[(u32, &str)] = &[
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (n, r) in TABLE {
        while v >= *n {
            s.push_str(r);
            v -= n;
        }
    }
    s
}

/// Paragraph styles: style id → (numId, ilvl, bold, basedOn).
#[derive(Debug, Default, Clone)]
struct Style {
    num: Option<(String, u32)>,
    bold: Option<bool>,
    based_on: Option<String>,
}

fn parse_styles(xml: &[u8]) -> Result<HashMap<String, Style>, DocxError> {
    let mut styles = HashMap::new();
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut current: Option<(String, Style)> = None;
    let mut in_rpr = false;
    let mut num_id: Option<String> = None;
    let mut ilvl = 0;
    loop {
        match reader.read_event_into(&mut buf).map_err(xml_error)? {
            Event::Start(e) | Event::Empty(e) => match local_name(e.name().as_ref()) {
                b"style" => {
                    current = attr(&e, b"styleId").map(|id| (id, Style::default()));
                    num_id = None;
                    ilvl = 0;
                }
                b"basedOn" => {
                    if let Some((_, s)) = current.as_mut() {
                        s.based_on = attr(&e, b"val");
                    }
                }
                b"rPr" => in_rpr = true,
                b"b" if in_rpr => {
                    if let Some((_, s)) = current.as_mut() {
                        s.bold = Some(!is_off(&e));
                    }
                }
                b"numId" => num_id = attr(&e, b"val"),
                b"ilvl" => ilvl = level_attr(&e, b"val"),
                _ => {}
            },
            Event::End(e) => match local_name(e.name().as_ref()) {
                b"rPr" => in_rpr = false,
                b"style" => {
                    if let Some((id, mut s)) = current.take() {
                        if let Some(n) = num_id.take() {
                            s.num = Some((n, ilvl));
                        }
                        styles.insert(id, s);
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(styles)
}

fn style_chain<'a>(styles: &'a HashMap<String, Style>, id: &str) -> Vec<&'a Style> {
    let mut out = Vec::new();
    let mut next = Some(id.to_string());
    while let Some(i) = next {
        let Some(s) = styles.get(&i) else { break };
        out.push(s);
        if out.len() > 20 {
            break;
        }
        next = s.based_on.clone();
    }
    out
}

/// Footnote or endnote texts by id (separators left out).
pub(crate) fn parse_notes(xml: &[u8]) -> Result<HashMap<String, String>, DocxError> {
    let mut notes = HashMap::new();
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut current: Option<(String, String)> = None;
    let mut in_text = false;
    loop {
        match reader.read_event_into(&mut buf).map_err(xml_error)? {
            Event::Start(e) => match local_name(e.name().as_ref()) {
                b"footnote" | b"endnote" => {
                    let kind = attr(&e, b"type").unwrap_or_default();
                    current = (kind.is_empty() || kind == "normal")
                        .then(|| attr(&e, b"id"))
                        .flatten()
                        .map(|id| (id, String::new()));
                }
                b"t" => in_text = true,
                b"p" => {
                    if let Some((_, t)) = current.as_mut() {
                        if !t.is_empty() {
                            t.push(' ');
                        }
                    }
                }
                _ => {}
            },
            Event::Empty(e) => {
                if let Some((_, t)) = current.as_mut() {
                    match local_name(e.name().as_ref()) {
                        b"tab" => t.push(' '),
                        b"br" => t.push(' '),
                        _ => {}
                    }
                }
            }
            Event::Text(e) if in_text => {
                if let Some((_, t)) = current.as_mut() {
                    t.push_str(&e.unescape().map_err(xml_error)?);
                }
            }
            Event::End(e) => match local_name(e.name().as_ref()) {
                b"t" => in_text = false,
                b"footnote" | b"endnote" => {
                    if let Some((id, t)) = current.take() {
                        notes.insert(id, t.split_whitespace().collect::<Vec<_>>().join(" "));
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(notes)
}

/// Reads a .docx file's text.
pub fn read(bytes: &[u8]) -> Result<String, DocxError> {
    let mut archive = Archive::open(bytes)?;
    if !archive.has("word/document.xml") {
        return Err("this zip archive is not a Word document (it has no word/document.xml)".into());
    }
    let document = archive.part("word/document.xml")?.unwrap_or_default();
    let mut numbering = match archive.part("word/numbering.xml")? {
        Some(x) => Numbering::parse(&x)?,
        None => Numbering::default(),
    };
    let styles = match archive.part("word/styles.xml")? {
        Some(x) => parse_styles(&x)?,
        None => HashMap::new(),
    };
    let footnotes = match archive.part("word/footnotes.xml")? {
        Some(x) => parse_notes(&x)?,
        None => HashMap::new(),
    };
    let endnotes = match archive.part("word/endnotes.xml")? {
        Some(x) => parse_notes(&x)?,
        None => HashMap::new(),
    };
    let mut budget = Budget {
        left: bytes
            .len()
            .saturating_mul(MAX_TEXT_RATIO)
            .clamp(MIN_TEXT_BUDGET, MAX_TEXT_BYTES),
    };
    body_text(
        &document,
        &mut numbering,
        &styles,
        &footnotes,
        &endnotes,
        &mut budget,
    )
}

/// How much more text a document may produce: footnotes referenced many times
/// and list labels make text that the file does not hold.
struct Budget {
    left: usize,
}

impl Budget {
    fn spend(&mut self, n: usize) -> Result<(), DocxError> {
        match self.left.checked_sub(n) {
            Some(left) => {
                self.left = left;
                Ok(())
            }
            None => Err(format!(
                "the Word file expands to more text than a document can have (more than {MAX_TEXT_RATIO} times its size, or {} MB): refused",
                MAX_TEXT_BYTES / (1024 * 1024)
            )),
        }
    }
}

/// One table being read: its finished rows and the row and cell being read.
#[derive(Default)]
struct Table {
    /// finished rows of a nested table (an outermost table's rows go to the output)
    rows: Vec<String>,
    row: Vec<String>,
    cell: Vec<String>,
}

#[derive(Default)]
struct Para {
    text: String,
    bold_open: bool,
    notes: Vec<(String, String)>,
    style: Option<String>,
    num: Option<(String, u32)>,
    /// numbering explicitly removed on the paragraph (numId 0)
    num_off: bool,
}

impl Para {
    fn push_run_text(&mut self, s: &str, bold: bool) {
        if s.is_empty() {
            return;
        }
        if bold && !s.trim().is_empty() && !self.bold_open {
            self.text.push_str("**");
            self.bold_open = true;
        } else if !bold && self.bold_open && !s.trim().is_empty() {
            self.close_bold();
        }
        self.text.push_str(s);
    }

    fn close_bold(&mut self) {
        if self.bold_open {
            // Keep trailing spaces outside the markers.
            let trimmed = self.text.trim_end().len();
            let tail = self.text[trimmed..].to_string();
            self.text.truncate(trimmed);
            self.text.push_str("**");
            self.text.push_str(&tail);
            self.bold_open = false;
        }
    }
}

fn body_text(
    xml: &[u8],
    numbering: &mut Numbering,
    styles: &HashMap<String, Style>,
    footnotes: &HashMap<String, String>,
    endnotes: &HashMap<String, String>,
    budget: &mut Budget,
) -> Result<String, DocxError> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out: Vec<String> = Vec::new();
    let mut para: Option<Para> = None;
    let mut in_text = false;
    let mut in_deleted = 0usize;
    let mut in_instr = false;
    let mut run_bold: Option<bool> = None;
    let mut in_rpr = false;
    let mut in_ppr = false;
    let mut custom_mark_pending: Option<(bool, String)> = None; // (is endnote, id)
    let mut note_counter = 0u32;
    // Tables being read, outermost first: rows of cells of paragraphs' texts.
    let mut tables: Vec<Table> = Vec::new();

    loop {
        let event = reader.read_event_into(&mut buf).map_err(xml_error)?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                match local_name(e.name().as_ref()) {
                    b"p" if !empty => para = Some(Para::default()),
                    b"pPr" if !empty => in_ppr = true,
                    b"pStyle" if in_ppr => {
                        if let Some(p) = para.as_mut() {
                            p.style = attr(e, b"val");
                        }
                    }
                    b"numId" if in_ppr => {
                        if let Some(p) = para.as_mut() {
                            let id = attr(e, b"val").unwrap_or_default();
                            if id == "0" {
                                p.num_off = true;
                            } else {
                                let ilvl = p.num.as_ref().map(|n| n.1).unwrap_or(0);
                                p.num = Some((id, ilvl));
                            }
                        }
                    }
                    b"ilvl" if in_ppr => {
                        if let Some(p) = para.as_mut() {
                            let l = level_attr(e, b"val");
                            match p.num.as_mut() {
                                Some(n) => n.1 = l,
                                None => p.num = Some((String::new(), l)),
                            }
                        }
                    }
                    b"r" if !empty => {
                        run_bold = None;
                    }
                    b"rPr" if !empty && !in_ppr => in_rpr = true,
                    b"b" | b"bCs"
                        if in_rpr
                            && (local_name(e.name().as_ref()) == b"b" || run_bold.is_none()) =>
                    {
                        run_bold = Some(!is_off(e));
                    }
                    b"rStyle" if in_rpr && run_bold.is_none() => {
                        if let Some(b) = attr(e, b"val")
                            .and_then(|id| style_chain(styles, &id).iter().find_map(|s| s.bold))
                        {
                            run_bold = Some(b);
                        }
                    }
                    b"t" if !empty => in_text = true,
                    b"delText" if !empty => in_text = false,
                    b"instrText" if !empty => in_instr = true,
                    b"del" if !empty => in_deleted += 1,
                    b"tab" if in_deleted == 0 && !in_ppr => {
                        if let Some(p) = para.as_mut() {
                            p.text.push('\t');
                        }
                    }
                    b"br" | b"cr" if in_deleted == 0 => {
                        if let Some(p) = para.as_mut() {
                            p.text.push(' ');
                        }
                    }
                    b"noBreakHyphen" | b"softHyphen" if in_deleted == 0 => {
                        if let Some(p) = para.as_mut() {
                            if local_name(e.name().as_ref()) == b"noBreakHyphen" {
                                p.text.push('-');
                            }
                        }
                    }
                    b"footnoteReference" | b"endnoteReference" if in_deleted == 0 => {
                        let is_end = local_name(e.name().as_ref()) == b"endnoteReference";
                        let id = attr(e, b"id").unwrap_or_default();
                        if attr(e, b"customMarkFollows").is_some_and(|v| v == "1" || v == "true") {
                            custom_mark_pending = Some((is_end, id));
                        } else if let Some(p) = para.as_mut() {
                            note_counter += 1;
                            let n = note_counter.to_string();
                            let text = if is_end {
                                endnotes.get(&id)
                            } else {
                                footnotes.get(&id)
                            };
                            budget.spend(n.len() * 2 + 20 + text.map_or(0, |t| t.len()))?;
                            p.close_bold();
                            p.text.push_str(&format!("[footnoteRef:{n}]"));
                            p.notes.push((n, text.cloned().unwrap_or_default()));
                        }
                    }
                    b"tbl" if !empty => {
                        if tables.len() >= MAX_TABLE_DEPTH {
                            return Err(format!(
                                "the Word file has tables nested more than {MAX_TABLE_DEPTH} deep, more than a document can have"
                            ));
                        }
                        tables.push(Table::default());
                    }
                    b"tr" if !empty => {
                        if let Some(t) = tables.last_mut() {
                            t.row.clear();
                        }
                    }
                    b"tc" if !empty => {
                        if let Some(t) = tables.last_mut() {
                            t.cell.clear();
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(ref t) if in_text && in_deleted == 0 && !in_instr => {
                let s = t.unescape().map_err(xml_error)?;
                if let Some((is_end, id)) = custom_mark_pending.take() {
                    if let Some(p) = para.as_mut() {
                        let mark = s.trim().to_string();
                        let text = if is_end {
                            endnotes.get(&id)
                        } else {
                            footnotes.get(&id)
                        };
                        budget.spend(mark.len() * 2 + 4 + text.map_or(0, |t| t.len()))?;
                        p.text.push_str(&mark);
                        p.notes.push((mark, text.cloned().unwrap_or_default()));
                    }
                    continue;
                }
                if let Some(p) = para.as_mut() {
                    let style_bold = p
                        .style
                        .as_deref()
                        .and_then(|id| style_chain(styles, id).iter().find_map(|s| s.bold))
                        .unwrap_or(false);
                    p.push_run_text(&s, run_bold.unwrap_or(style_bold));
                }
            }
            Event::End(ref e) => match local_name(e.name().as_ref()) {
                b"t" => in_text = false,
                b"instrText" => in_instr = false,
                b"del" => in_deleted = in_deleted.saturating_sub(1),
                b"pPr" => in_ppr = false,
                b"rPr" => in_rpr = false,
                b"p" => {
                    if let Some(mut p) = para.take() {
                        p.close_bold();
                        let num = if p.num_off {
                            None
                        } else {
                            match p.num.clone() {
                                Some((id, l)) if !id.is_empty() => Some((id, l)),
                                other => p.style.as_deref().and_then(|sid| {
                                    style_chain(styles, sid)
                                        .iter()
                                        .find_map(|s| s.num.clone())
                                        .map(|(id, l)| (id, other.map(|o| o.1).unwrap_or(l)))
                                }),
                            }
                        };
                        let label = num.and_then(|(id, l)| numbering.next_label(&id, l));
                        budget.spend(label.as_ref().map_or(0, |l| l.len()) + 2)?;
                        let mut line = String::new();
                        if let Some(l) = label {
                            line.push_str(&l);
                            line.push(' ');
                        }
                        line.push_str(&p.text);
                        for (n, text) in &p.notes {
                            line.push_str(&format!(" [{n}: {text}]"));
                        }
                        match tables.last_mut() {
                            Some(t) => t.cell.push(line.trim().to_string()),
                            None => out.push(line),
                        }
                    }
                }
                b"tc" => {
                    if let Some(t) = tables.last_mut() {
                        let cell = std::mem::take(&mut t.cell).join(" ");
                        t.row.push(cell);
                    }
                }
                b"tr" => {
                    let depth = tables.len();
                    if let Some(t) = tables.last_mut() {
                        let row = std::mem::take(&mut t.row);
                        if depth == 1 {
                            out.push(row.join("\t"));
                        } else {
                            // A nested table's rows read as text of the outer cell.
                            t.rows.push(row.join(" "));
                        }
                    }
                }
                b"tbl" => {
                    // The nested table's rows go into the cell that holds it.
                    if let Some(inner) = tables.pop() {
                        match tables.last_mut() {
                            Some(outer) => outer.cell.extend(inner.rows),
                            None => out.extend(inner.rows),
                        }
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out.join("\n\n"))
}
