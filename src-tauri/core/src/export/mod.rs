//! Export: a list of issues as a Word document with real footnotes, as
//! Word-friendly text, as markdown or as self-contained HTML; a comparison as a
//! Word document with tracked changes.

mod docx;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::diff::{html_escape, ListDiff};
use crate::error::{Error, Result};
use crate::model::IssueList;
use crate::profile::Profile;

pub use docx::{diff_to_docx, to_docx};

/// The names of the custom properties an exported Word file carries.
pub use crate::draft::returned::{CITATIONS_PROPERTY, DRAFT_PROPERTY, VERSION_PROPERTY};

/// The formats a list can be exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Docx,
    Txt,
    Md,
    Html,
}

impl ExportFormat {
    /// From a name ("docx", "md") or a file name's extension.
    pub fn parse(s: &str) -> Option<ExportFormat> {
        let ext = s.rsplit('.').next().unwrap_or(s).to_ascii_lowercase();
        Some(match ext.as_str() {
            "docx" | "word" => ExportFormat::Docx,
            "txt" | "text" => ExportFormat::Txt,
            "md" | "markdown" => ExportFormat::Md,
            "html" | "htm" => ExportFormat::Html,
            _ => return None,
        })
    }
}

/// Choices for an export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportOptions {
    /// The date printed in the title block (default: today).
    pub date: Option<NaiveDate>,
    /// Author of tracked changes.
    pub author: String,
    /// The draft and version the file is sent from, written into it so that
    /// the file is recognised when it comes back.
    pub provenance: Option<Provenance>,
    /// Comments to print with the questions (by question, in list order):
    /// only when the rapporteur asks for them; as Word comments in a .docx,
    /// as bracketed lines after the question elsewhere.
    pub comments: Vec<Vec<ExportComment>>,
}

/// A comment kept with a draft question, as an export prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportComment {
    pub author: String,
    pub date: Option<String>,
    pub text: String,
}

impl ExportComment {
    fn line(&self) -> String {
        format!("[Comment by {}: {}]", self.author, self.text)
    }
}

/// Which draft, and which saved version of it, an exported file holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    pub draft_uid: String,
    pub version_uid: String,
    /// How its citations were written (a returned file is compared with the
    /// version as it was sent).
    pub citations: crate::model::CitationStyle,
}

impl Provenance {
    /// One line naming the draft and version, for formats without properties.
    pub fn line(&self) -> String {
        format!(
            "LOI Drafter draft {} version {}",
            self.draft_uid, self.version_uid
        )
    }
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            date: None,
            author: "LOI Drafter".into(),
            provenance: None,
            comments: Vec::new(),
        }
    }
}

impl ExportOptions {
    fn date(&self) -> NaiveDate {
        self.date
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }
}

/// Whether XML 1.0 can hold the character: not a C0 control other than tab, line
/// feed and carriage return, nor U+FFFE or U+FFFF (surrogates cannot occur in a
/// Rust string). Every export drops the others, so that a stray character pasted
/// in a question never makes a file Word refuses to open.
pub(crate) fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

/// HTML-escaped text without the characters XML and HTML cannot hold.
fn html(s: &str) -> String {
    if s.chars().all(xml_char) {
        html_escape(s)
    } else {
        html_escape(&s.chars().filter(|c| xml_char(*c)).collect::<String>())
    }
}

/// Exports a list in a format.
pub fn export(list: &IssueList, format: ExportFormat, opts: &ExportOptions) -> Result<Vec<u8>> {
    Ok(match format {
        ExportFormat::Docx => to_docx(list, opts)?,
        ExportFormat::Txt => to_txt(list, opts).into_bytes(),
        ExportFormat::Md => to_markdown(list, opts).into_bytes(),
        ExportFormat::Html => to_html(list, opts).into_bytes(),
    })
}

/// A question's text written piece by piece (`piece` escapes or wraps the text
/// between markers) with `marker(n)` at each note `n`'s offset; every format uses it.
pub(crate) fn with_markers(
    text: &str,
    offsets: &[(usize, u32)],
    piece: impl Fn(&str) -> String,
    marker: impl Fn(u32) -> String,
) -> String {
    let mut out = String::with_capacity(text.len() + offsets.len() * 4);
    let mut last = 0;
    let mut sorted = offsets.to_vec();
    sorted.sort();
    for (offset, n) in sorted {
        let mut o = offset.min(text.len());
        while !text.is_char_boundary(o) {
            o -= 1;
        }
        if o < last {
            continue;
        }
        out.push_str(&piece(&text[last..o]));
        out.push_str(&marker(n));
        last = o;
    }
    out.push_str(&piece(&text[last..]));
    out
}

/// Each question's (offset, footnote number) pairs, numbered through the list.
pub(crate) fn note_numbers(list: &IssueList) -> Vec<Vec<(usize, u32)>> {
    let mut n = 0;
    list.questions
        .iter()
        .map(|q| {
            q.notes
                .iter()
                .map(|note| {
                    n += 1;
                    (note.offset, n)
                })
                .collect()
        })
        .collect()
}

/// The headings to print before each question (those that change).
pub(crate) fn headings_before(list: &IssueList) -> Vec<Vec<(usize, String)>> {
    let mut current: Vec<String> = Vec::new();
    list.questions
        .iter()
        .map(|q| {
            let mut out = Vec::new();
            for (level, h) in q.section.iter().enumerate() {
                if current.get(level) != Some(h)
                    || out.iter().any(|(l, _): &(usize, String)| *l < level)
                {
                    out.push((level, h.clone()));
                }
            }
            current = q.section.clone();
            out
        })
        .collect()
}

/// What a line of the title block is (Word gives each its own style).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TitleLine {
    Symbol,
    Meta,
    Committee,
    Title,
}

/// The title block: symbol, distribution, date, original language, committee,
/// title. Its words come from the committee's profile (any built-in profile's
/// for a list of no known committee, without the committee line).
pub(crate) fn title_block_lines(
    list: &IssueList,
    opts: &ExportOptions,
) -> Vec<(TitleLine, String)> {
    let profile = Profile::for_writing(list.committee.as_deref());
    let own = list
        .committee
        .as_deref()
        .and_then(Profile::builtin)
        .map(|p| p.name);
    let mut out = Vec::new();
    if let Some(s) = &list.symbol {
        out.push((TitleLine::Symbol, s.clone()));
    }
    let date_format = profile
        .as_ref()
        .map(|p| p.templates.date_format.as_str())
        .unwrap_or("%Y-%m-%d");
    let date = opts.date().format(date_format).to_string();
    match &profile {
        Some(p) => {
            out.push((TitleLine::Meta, p.title_block.distribution.clone()));
            out.push((TitleLine::Meta, date));
            out.push((TitleLine::Meta, p.title_block.original.clone()));
        }
        None => out.push((TitleLine::Meta, date)),
    }
    let committee = own.or_else(|| {
        list.committee.as_deref().and_then(|c| {
            crate::symbols::COMMITTEES
                .iter()
                .find(|(code, _)| *code == c)
                .map(|(_, name)| (*name).to_string())
        })
    });
    if let Some(name) = committee {
        out.push((TitleLine::Committee, name));
    }
    if let Some(t) = &list.title {
        out.push((TitleLine::Title, t.clone()));
    }
    out
}

fn title_block(list: &IssueList, opts: &ExportOptions) -> Vec<String> {
    title_block_lines(list, opts)
        .into_iter()
        .map(|(_, l)| l)
        .collect()
}

/// The title of a list that has none, in the words of its committee's profile.
pub(crate) fn untitled(list: &IssueList) -> String {
    Profile::for_writing(list.committee.as_deref())
        .map(|p| p.title_block.untitled)
        .unwrap_or_default()
}

/// Word-friendly text: UTF-8 with BOM, CRLF line ends, one line per paragraph,
/// sub-items tab-indented, footnote markers as [1] with the notes at the end.
pub fn to_txt(list: &IssueList, opts: &ExportOptions) -> String {
    let mut lines: Vec<String> = title_block(list, opts);
    lines.push(String::new());
    for p in &list.intro {
        lines.push(p.clone());
        lines.push(String::new());
    }
    let notes = note_numbers(list);
    let headings = headings_before(list);
    for (i, q) in list.questions.iter().enumerate() {
        for (_, h) in &headings[i] {
            lines.push(h.clone());
            lines.push(String::new());
        }
        lines.push(format!(
            "{}.\t{}",
            q.number,
            with_markers(&q.text, &notes[i], str::to_string, |n| format!("[{n}]"))
        ));
        for s in &q.subitems {
            lines.push(format!("\t({})\t{}", s.label, s.text));
        }
        for c in opts.comments.get(i).into_iter().flatten() {
            lines.push(c.line());
        }
        lines.push(String::new());
    }
    let footnotes = list.footnotes();
    if !footnotes.is_empty() {
        lines.push("Notes".into());
        for (n, t) in footnotes {
            lines.push(format!("[{n}] {t}"));
        }
    }
    if let Some(p) = &opts.provenance {
        lines.push(String::new());
        lines.push(p.line());
    }
    format!("\u{feff}{}\r\n", lines.join("\r\n"))
}

fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '*' | '_' | '[' | ']' | '`' | '#' | '<' | '>' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Markdown: headings, numbered questions, footnotes as `[^1]`.
pub fn to_markdown(list: &IssueList, opts: &ExportOptions) -> String {
    let mut out = String::new();
    let block = title_block(list, opts);
    if let Some((title, rest)) = block.split_last() {
        for l in rest {
            out.push_str(&format!("{}  \n", md_escape(l)));
        }
        out.push_str(&format!("\n# {}\n\n", md_escape(title)));
    }
    for p in &list.intro {
        out.push_str(&format!("{}\n\n", md_escape(p)));
    }
    let notes = note_numbers(list);
    let headings = headings_before(list);
    for (i, q) in list.questions.iter().enumerate() {
        for (level, h) in &headings[i] {
            out.push_str(&format!("{} {}\n\n", "#".repeat(level + 2), md_escape(h)));
        }
        let body = with_markers(&q.text, &notes[i], md_escape, |n| format!("[^{n}]"));
        out.push_str(&format!("{}\\. {}\n\n", q.number, body));
        for s in &q.subitems {
            // Not indented: four spaces would make a code block of it.
            out.push_str(&format!(
                "({}) {}\n\n",
                md_escape(&s.label),
                md_escape(&s.text)
            ));
        }
        for c in opts.comments.get(i).into_iter().flatten() {
            out.push_str(&format!("> {}\n\n", md_escape(&c.line())));
        }
    }
    for (n, t) in list.footnotes() {
        out.push_str(&format!("[^{n}]: {}\n", md_escape(&t)));
    }
    if let Some(p) = &opts.provenance {
        out.push_str(&format!("\n<!-- {} -->\n", p.line()));
    }
    out
}

/// Self-contained HTML (no external assets; every text escaped).
pub fn to_html(list: &IssueList, opts: &ExportOptions) -> String {
    let mut body = String::new();
    let block = title_block(list, opts);
    if let Some((title, rest)) = block.split_last() {
        body.push_str("<header>");
        for l in rest {
            body.push_str(&format!("<p class=\"meta\">{}</p>", html(l)));
        }
        body.push_str(&format!("<h1>{}</h1></header>\n", html(title)));
    }
    for p in &list.intro {
        body.push_str(&format!("<p>{}</p>\n", html(p)));
    }
    let notes = note_numbers(list);
    let headings = headings_before(list);
    for (i, q) in list.questions.iter().enumerate() {
        for (level, h) in &headings[i] {
            let tag = format!("h{}", (level + 2).min(6));
            body.push_str(&format!("<{tag}>{}</{tag}>\n", html(h)));
        }
        let text = with_markers(&q.text, &notes[i], html, |n| {
            format!("<sup><a href=\"#fn{n}\" id=\"ref{n}\">{n}</a></sup>")
        });
        body.push_str(&format!(
            "<p class=\"q\"><span class=\"n\">{}.</span> {}</p>\n",
            q.number, text
        ));
        for s in &q.subitems {
            body.push_str(&format!(
                "<p class=\"sub\"><span class=\"n\">({})</span> {}</p>\n",
                html(&s.label),
                html(&s.text)
            ));
        }
    }
    let footnotes = list.footnotes();
    if !footnotes.is_empty() {
        body.push_str("<hr><ol class=\"notes\">\n");
        for (n, t) in footnotes {
            body.push_str(&format!(
                "<li id=\"fn{n}\">{} <a href=\"#ref{n}\">↩</a></li>\n",
                html(&t)
            ));
        }
        body.push_str("</ol>\n");
    }
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}</title><style>\nbody{{font-family:\"Times New Roman\",Times,serif;font-size:12pt;max-width:44em;margin:2em auto;line-height:1.4}}.meta{{margin:0;font-size:10pt}}h1{{font-size:14pt}}h2,h3,h4{{font-size:12pt}}.q{{padding-left:2.5em;text-indent:-2.5em}}.q .n{{display:inline-block;width:2.5em;text-indent:0}}.sub{{padding-left:5em;text-indent:-2.5em}}.sub .n{{display:inline-block;width:2.5em;text-indent:0}}.notes{{font-size:10pt}}\n</style></head><body>\n{}</body></html>\n",
        html(&list.title.clone().unwrap_or_else(|| untitled(list))),
        body
    )
}

/// The comparison as HTML (see [`crate::diff::render_html`]).
pub fn diff_to_html(d: &ListDiff, old_name: &str, new_name: &str) -> Vec<u8> {
    crate::diff::render_html(d, old_name, new_name).into_bytes()
}

/// Writes bytes to a file, naming it in the error.
pub fn write_file(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    std::fs::write(path, bytes).map_err(|e| Error::io(path.display().to_string(), e))
}

#[cfg(test)]
mod tests;
