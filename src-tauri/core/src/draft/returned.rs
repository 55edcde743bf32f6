//! A draft that comes back as a Word file: its questions as the other person
//! left them (insertions kept, deletions dropped), who changed what (the tracked
//! changes' authors and dates), their comments and the question each is on, its
//! footnotes read back into citations, and the draft and version it was sent
//! from (the custom properties the export wrote).
//!
//! The reader knows the layout the app exports (the `LOIQuestion`,
//! `LOISubitem` and `LOIHeading…` styles, numbers written as text "3.\t") and
//! falls back on the text when the styles are gone (a file pasted into a new
//! document): a paragraph opening with "12." is a question, "(a)" a sub-item.

use std::collections::HashMap;

use quick_xml::events::Event;
use quick_xml::Reader;
use serde::{Deserialize, Serialize};

use super::content::normalize_spaces as clean;
use super::merge::QuestionContent;
use crate::draft::{DraftNote, NOTE_TOKEN};
use crate::import::docx::{attr, local_name, parse_notes, xml_error, Archive};
use crate::model::SubParagraph;

/// The custom property naming the draft a file was exported from.
pub const DRAFT_PROPERTY: &str = "LOIDrafter.DraftId";
/// The custom property naming the version sent.
pub const VERSION_PROPERTY: &str = "LOIDrafter.VersionId";
/// The custom property saying how the citations were written.
pub const CITATIONS_PROPERTY: &str = "LOIDrafter.Citations";

/// Who made a tracked change, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revision {
    pub author: String,
    #[serde(default)]
    pub date: Option<String>,
}

/// A question of the returned file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnedQuestion {
    /// The number it had when it was sent (printed before any tracked change),
    /// when it has one: a new question has none.
    pub sent_number: Option<u32>,
    /// Its section heading path, without labels.
    pub section: Vec<String>,
    /// The text as accepted, with a [`NOTE_TOKEN`] at each footnote marker.
    pub text: String,
    pub notes: Vec<DraftNote>,
    pub subitems: Vec<SubParagraph>,
    /// The tracked changes inside it.
    pub revisions: Vec<Revision>,
}

impl ReturnedQuestion {
    /// Its words as a proposal puts them in the draft.
    pub fn content(&self) -> QuestionContent {
        QuestionContent {
            section: self.section.clone(),
            text: self.text.clone(),
            notes: self.notes.clone(),
            subitems: self.subitems.clone(),
        }
    }
}

/// A question deleted whole with tracked changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeletedQuestion {
    pub sent_number: Option<u32>,
    /// Its text as it was sent (without its number).
    pub text: String,
    pub revisions: Vec<Revision>,
}

/// A comment of the returned file and the question it is on (an index into
/// [`ReturnedFile::questions`]; `None` when it is on the title or opening).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnedComment {
    pub question: Option<usize>,
    pub author: String,
    #[serde(default)]
    pub date: Option<String>,
    pub text: String,
}

/// Everything read from a returned Word file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ReturnedFile {
    pub draft_uid: Option<String>,
    pub version_uid: Option<String>,
    /// How the citations were written when it was sent ("footnote", "inline", "bare").
    pub citations: Option<String>,
    /// Who saved it last (the document's properties), for changes made
    /// without tracked changes.
    pub last_modified_by: Option<String>,
    pub questions: Vec<ReturnedQuestion>,
    pub deleted: Vec<DeletedQuestion>,
    pub comments: Vec<ReturnedComment>,
}

/// One paragraph of the body: the text accepted and as sent, the tracked
/// changes and comments inside it, its footnotes.
#[derive(Default)]
struct Paragraph {
    style: Option<String>,
    accepted: String,
    original: String,
    /// Footnote texts referenced in the accepted text, in order.
    notes: Vec<String>,
    revisions: Vec<Revision>,
    comments: Vec<String>,
}

impl Paragraph {
    fn add_revision(&mut self, r: &Revision) {
        if !self.revisions.contains(r) {
            self.revisions.push(r.clone());
        }
    }
}

/// Reads a returned Word file (the caller names the file in errors).
pub fn read(bytes: &[u8]) -> Result<ReturnedFile, String> {
    let mut archive = Archive::open(bytes)?;
    if !archive.has("word/document.xml") {
        return Err("this zip archive is not a Word document (it has no word/document.xml)".into());
    }
    let document = archive.part("word/document.xml")?.unwrap_or_default();
    let footnotes = match archive.part("word/footnotes.xml")? {
        Some(x) => parse_notes(&x)?,
        None => HashMap::new(),
    };
    let comments = match archive.part("word/comments.xml")? {
        Some(x) => parse_comments(&x)?,
        None => Vec::new(),
    };
    let properties = match archive.part("docProps/custom.xml")? {
        Some(x) => parse_custom_properties(&x)?,
        None => HashMap::new(),
    };
    let last_modified_by = match archive.part("docProps/core.xml")? {
        Some(x) => element_text(&x, b"lastModifiedBy")?,
        None => None,
    };
    let paragraphs = paragraphs(&document, &footnotes)?;
    let mut file = structure(paragraphs, &comments);
    file.draft_uid = properties.get(DRAFT_PROPERTY).cloned();
    file.version_uid = properties.get(VERSION_PROPERTY).cloned();
    file.citations = properties.get(CITATIONS_PROPERTY).cloned();
    file.last_modified_by = last_modified_by.filter(|s| !s.trim().is_empty());
    Ok(file)
}

fn paragraphs(xml: &[u8], footnotes: &HashMap<String, String>) -> Result<Vec<Paragraph>, String> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    let mut para: Option<Paragraph> = None;
    // The open w:ins / w:del (and w:moveTo / w:moveFrom) elements.
    let mut inserted: Vec<Revision> = Vec::new();
    let mut deleted: Vec<Revision> = Vec::new();
    let mut in_text = false;
    let mut in_ppr = false;
    let mut in_instr = false;
    let mut depth = 0usize;
    loop {
        let event = reader.read_event_into(&mut buf).map_err(xml_error)?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                if !empty {
                    depth += 1;
                    if depth > 256 {
                        return Err("the Word file is nested deeper than a document can be".into());
                    }
                }
                let revision = || Revision {
                    author: attr(e, b"author").unwrap_or_default(),
                    date: attr(e, b"date"),
                };
                match local_name(e.name().as_ref()) {
                    b"p" if !empty => para = Some(Paragraph::default()),
                    b"pPr" if !empty => in_ppr = true,
                    b"pStyle" if in_ppr => {
                        if let Some(p) = para.as_mut() {
                            p.style = attr(e, b"val");
                        }
                    }
                    // A paragraph mark inserted or deleted (in the paragraph's
                    // properties): a tracked change of the paragraph.
                    b"ins" | b"del" if in_ppr => {
                        if let Some(p) = para.as_mut() {
                            p.add_revision(&revision());
                        }
                    }
                    b"ins" | b"moveTo" if !empty => {
                        let r = revision();
                        if let Some(p) = para.as_mut() {
                            p.add_revision(&r);
                        }
                        inserted.push(r);
                    }
                    b"del" | b"moveFrom" if !empty => {
                        let r = revision();
                        if let Some(p) = para.as_mut() {
                            p.add_revision(&r);
                        }
                        deleted.push(r);
                    }
                    b"t" | b"delText" if !empty => in_text = true,
                    b"instrText" if !empty => in_instr = true,
                    b"tab" if !in_ppr => push(&mut para, "\t", &inserted, &deleted),
                    b"br" | b"cr" => push(&mut para, " ", &inserted, &deleted),
                    b"footnoteReference" => {
                        if let Some(p) = para.as_mut() {
                            let text = attr(e, b"id")
                                .and_then(|id| footnotes.get(&id).cloned())
                                .unwrap_or_default();
                            if deleted.is_empty() {
                                p.accepted.push_str(NOTE_TOKEN);
                                p.notes.push(text);
                            }
                            if inserted.is_empty() {
                                p.original.push_str(NOTE_TOKEN);
                            }
                        }
                    }
                    b"commentRangeStart" | b"commentReference" => {
                        if let (Some(p), Some(id)) = (para.as_mut(), attr(e, b"id")) {
                            if !p.comments.contains(&id) {
                                p.comments.push(id);
                            }
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(ref t) if in_text && !in_instr => {
                let s = t.unescape().map_err(xml_error)?;
                push(&mut para, &s, &inserted, &deleted);
            }
            Event::End(ref e) => {
                depth = depth.saturating_sub(1);
                match local_name(e.name().as_ref()) {
                    b"t" | b"delText" => in_text = false,
                    b"instrText" => in_instr = false,
                    b"pPr" => in_ppr = false,
                    b"ins" | b"moveTo" if !in_ppr => {
                        inserted.pop();
                    }
                    b"del" | b"moveFrom" if !in_ppr => {
                        deleted.pop();
                    }
                    b"p" => {
                        if let Some(p) = para.take() {
                            out.push(p);
                        }
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

fn push(para: &mut Option<Paragraph>, s: &str, inserted: &[Revision], deleted: &[Revision]) {
    if let Some(p) = para.as_mut() {
        if deleted.is_empty() {
            p.accepted.push_str(s);
        }
        if inserted.is_empty() {
            p.original.push_str(s);
        }
    }
}

/// A comment of `comments.xml`: id, author, date, text.
struct Comment {
    id: String,
    author: String,
    date: Option<String>,
    text: String,
}

fn parse_comments(xml: &[u8]) -> Result<Vec<Comment>, String> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    let mut current: Option<Comment> = None;
    let mut in_text = false;
    loop {
        match reader.read_event_into(&mut buf).map_err(xml_error)? {
            Event::Start(e) => match local_name(e.name().as_ref()) {
                b"comment" => {
                    current = Some(Comment {
                        id: attr(&e, b"id").unwrap_or_default(),
                        author: attr(&e, b"author").unwrap_or_default(),
                        date: attr(&e, b"date"),
                        text: String::new(),
                    })
                }
                b"t" => in_text = true,
                b"p" => {
                    if let Some(c) = current.as_mut() {
                        if !c.text.is_empty() {
                            c.text.push(' ');
                        }
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_text => {
                if let Some(c) = current.as_mut() {
                    c.text.push_str(&t.unescape().map_err(xml_error)?);
                }
            }
            Event::End(e) => match local_name(e.name().as_ref()) {
                b"t" => in_text = false,
                b"comment" => {
                    if let Some(mut c) = current.take() {
                        c.text = clean(&c.text);
                        out.push(c);
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

/// The custom properties (name → text value) of `docProps/custom.xml`.
fn parse_custom_properties(xml: &[u8]) -> Result<HashMap<String, String>, String> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = HashMap::new();
    let mut name: Option<String> = None;
    let mut value = String::new();
    loop {
        match reader.read_event_into(&mut buf).map_err(xml_error)? {
            Event::Start(e) if local_name(e.name().as_ref()) == b"property" => {
                name = attr(&e, b"name");
                value.clear();
            }
            Event::Text(t) if name.is_some() => value.push_str(&t.unescape().map_err(xml_error)?),
            Event::End(e) if local_name(e.name().as_ref()) == b"property" => {
                if let Some(n) = name.take() {
                    out.insert(n, value.trim().to_string());
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

/// The text of the first element with this local name.
fn element_text(xml: &[u8], element: &[u8]) -> Result<Option<String>, String> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut inside = false;
    let mut value = String::new();
    loop {
        match reader.read_event_into(&mut buf).map_err(xml_error)? {
            Event::Start(e) if local_name(e.name().as_ref()) == element => inside = true,
            Event::Text(t) if inside => value.push_str(&t.unescape().map_err(xml_error)?),
            Event::End(e) if local_name(e.name().as_ref()) == element => {
                return Ok(Some(value.trim().to_string()))
            }
            Event::Eof => return Ok(None),
            _ => {}
        }
        buf.clear();
    }
}

#[derive(PartialEq)]
enum Role {
    Title,
    Heading(usize),
    Question,
    Subitem,
    Other,
}

fn role(p: &Paragraph, text: &str, questions_begun: bool) -> Role {
    match p.style.as_deref() {
        Some("LOIQuestion") => return Role::Question,
        Some("LOISubitem") => return Role::Subitem,
        Some("LOIHeading1") => return Role::Heading(0),
        Some("LOIHeading2") => return Role::Heading(1),
        Some("LOIHeading3") => return Role::Heading(2),
        Some("LOISymbol" | "LOIMeta" | "LOICommittee" | "LOITitle" | "LOIBody") => {
            return Role::Title
        }
        _ => {}
    }
    if leading_number(text).is_some() {
        Role::Question
    } else if questions_begun && leading_label(text).is_some() {
        Role::Subitem
    } else if !questions_begun {
        Role::Title
    } else if text.split_whitespace().count() <= 12 && !text.trim_end().ends_with(['.', '?']) {
        Role::Heading(heading_level(text))
    } else {
        Role::Other
    }
}

/// "12.\tText" → (12, byte offset of "Text").
fn leading_number(text: &str) -> Option<(u32, usize)> {
    let t = text.trim_start();
    let skipped = text.len() - t.len();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 || !t[digits..].starts_with('.') {
        return None;
    }
    let rest = &t[digits + 1..];
    if !rest.starts_with([' ', '\t', '\u{a0}']) {
        return None;
    }
    let n = t[..digits].parse().ok()?;
    let body = rest.trim_start_matches([' ', '\t', '\u{a0}']);
    Some((n, skipped + digits + 1 + (rest.len() - body.len())))
}

/// "(a)\tText" → ("a", byte offset of "Text").
fn leading_label(text: &str) -> Option<(String, usize)> {
    let t = text.trim_start();
    let skipped = text.len() - t.len();
    let rest = t.strip_prefix('(')?;
    let close = rest.find(')')?;
    let label = &rest[..close];
    if label.is_empty() || label.len() > 6 || !label.chars().all(|c| c.is_alphanumeric()) {
        return None;
    }
    let after = &rest[close + 1..];
    let body = after.trim_start_matches([' ', '\t', '\u{a0}']);
    Some((
        label.to_string(),
        skipped + 1 + close + 1 + (after.len() - body.len()),
    ))
}

/// A heading's level when its style is gone: "I. …" is a part, "A. …" a section.
fn heading_level(text: &str) -> usize {
    let label = text.split(['.', '\t']).next().unwrap_or("");
    if !label.is_empty() && label.chars().all(|c| "IVXLC".contains(c)) {
        0
    } else {
        1
    }
}

/// "I.\tGeneral information" → "General information".
fn heading_words(text: &str) -> String {
    let t = text.trim();
    match t.split_once(['\t', ' ']) {
        Some((label, rest))
            if label.ends_with('.')
                && label.len() <= 5
                && label[..label.len() - 1]
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) =>
        {
            rest.trim().to_string()
        }
        _ => t.to_string(),
    }
}

fn structure(paragraphs: Vec<Paragraph>, comments: &[Comment]) -> ReturnedFile {
    let mut file = ReturnedFile::default();
    let mut section: Vec<String> = Vec::new();
    let mut previous_cited: Option<String> = None;
    let mut comment_question: HashMap<String, Option<usize>> = HashMap::new();
    for p in paragraphs {
        let accepted = p.accepted.trim().to_string();
        let original = p.original.trim().to_string();
        let shown = if accepted.is_empty() {
            &original
        } else {
            &accepted
        };
        if shown.is_empty() {
            continue;
        }
        let begun = !file.questions.is_empty() || !file.deleted.is_empty();
        let mut role = role(&p, shown, begun);
        if role == Role::Other {
            // A paragraph after a question that is neither a heading nor a
            // sub-item: a question of its own (a new one typed without a number).
            role = Role::Question;
        }
        let current = file.questions.len().checked_sub(1);
        match role {
            Role::Title | Role::Other => {
                for c in &p.comments {
                    comment_question.insert(c.clone(), None);
                }
            }
            Role::Heading(level) => {
                if !accepted.is_empty() {
                    section.truncate(level);
                    section.push(heading_words(&accepted));
                }
                for c in &p.comments {
                    comment_question.insert(c.clone(), None);
                }
            }
            Role::Question => {
                let sent_number = leading_number(&original).map(|(n, _)| n);
                if accepted.is_empty() {
                    let text = leading_number(&original)
                        .map(|(_, at)| original[at..].to_string())
                        .unwrap_or(original.clone());
                    file.deleted.push(DeletedQuestion {
                        sent_number,
                        text: clean(&text.replace(NOTE_TOKEN, "")),
                        revisions: p.revisions.clone(),
                    });
                    for c in &p.comments {
                        comment_question.insert(c.clone(), current);
                    }
                    continue;
                }
                let text = match leading_number(&accepted) {
                    Some((_, at)) => accepted[at..].to_string(),
                    None => accepted.clone(),
                };
                let notes = p
                    .notes
                    .iter()
                    .map(|n| DraftNote::from_written(n, &mut previous_cited))
                    .collect();
                file.questions.push(ReturnedQuestion {
                    sent_number,
                    section: section.clone(),
                    text: clean(&text),
                    notes,
                    subitems: Vec::new(),
                    revisions: p.revisions.clone(),
                });
                for c in &p.comments {
                    comment_question.insert(c.clone(), Some(file.questions.len() - 1));
                }
            }
            Role::Subitem => {
                let Some(q) = file.questions.last_mut() else {
                    continue;
                };
                for r in &p.revisions {
                    if !q.revisions.contains(r) {
                        q.revisions.push(r.clone());
                    }
                }
                for c in &p.comments {
                    comment_question.insert(c.clone(), current);
                }
                if accepted.is_empty() {
                    continue;
                }
                let (label, body) = match leading_label(&accepted) {
                    Some((l, at)) => (l, accepted[at..].to_string()),
                    None => (String::new(), accepted.clone()),
                };
                q.subitems.push(SubParagraph {
                    label,
                    text: clean(&body.replace(NOTE_TOKEN, "")),
                });
            }
        }
    }
    for c in comments {
        if c.text.is_empty() {
            continue;
        }
        file.comments.push(ReturnedComment {
            question: comment_question.get(&c.id).copied().flatten(),
            author: c.author.clone(),
            date: c.date.clone(),
            text: c.text.clone(),
        });
    }
    file
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_labels_are_read_off_the_text() {
        assert_eq!(leading_number("12.\tPlease"), Some((12, 4)));
        assert_eq!(leading_number("12. Please").map(|x| x.0), Some(12));
        assert_eq!(leading_number("2019. Please"), None);
        assert_eq!(leading_number("Please"), None);
        assert_eq!(leading_label("(a)\tThe").map(|x| x.0), Some("a".into()));
        assert_eq!(heading_words("II.\tSpecific rights"), "Specific rights");
        assert_eq!(heading_words("A.\tEquality"), "Equality");
        assert_eq!(heading_words("General information"), "General information");
    }
}
