//! A draft as a rapporteur reads it: numbered questions, footnotes ("Ibid."
//! where it belongs), section labels, counts and coverage — all derived when
//! the draft is read.

use serde::{Deserialize, Serialize};

use super::*;
use crate::draft;
use crate::error::Result;
use crate::library::Library;
use crate::link;
use crate::model::{Citation, CitationStyle, DocumentKind, SubParagraph};
use crate::profile::Profile;

/// A question of a draft as it reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionView {
    pub id: u64,
    pub number: u32,
    /// The headings as they print ("II. …", "A. …").
    pub section: Vec<String>,
    /// The section as edits name it (without the printed labels).
    pub section_path: Vec<String>,
    /// The text without footnote markers (inline and bare citations are part of it).
    pub text: String,
    pub subitems: Vec<SubParagraph>,
    /// The footnotes of this question: (number, byte offset in `text`).
    pub notes: Vec<NoteView>,
    pub cites: Vec<Citation>,
    /// The recommendations it asks about.
    pub sources: Vec<Citation>,
    pub edited: bool,
    /// The generated wording, for comparison and "reset to generated".
    pub generated: Option<String>,
    /// Comments kept with the question (never exported).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<draft::QuestionComment>,
}

/// Where a footnote marker stands in a question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteView {
    pub number: u32,
    pub offset: usize,
    /// What the note cites.
    pub cites: Vec<Citation>,
    /// The note as the rapporteur edits it ("CMW/C/TJK/CO/2, para. 12." in full,
    /// even where the list prints "Ibid.").
    pub written: String,
}

/// A section a question can be moved to or added in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionChoice {
    /// The path as [`DraftOp::Move`] and [`DraftOp::AddQuestion`] take it.
    pub path: Vec<String>,
    /// Whether the draft has questions in it.
    pub used: bool,
}

/// A numbered footnote of a draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FootnoteView {
    pub number: u32,
    pub text: String,
}

/// A draft as a rapporteur reads it. Serialized as `loi draft show --json` prints it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftView {
    pub id: i64,
    pub state: crate::model::StateParty,
    /// The committee whose list it is ("CMW").
    #[serde(default)]
    pub committee: String,
    pub symbol: String,
    pub title: String,
    pub kind: DocumentKind,
    pub style: CitationStyle,
    pub source_symbol: Option<String>,
    pub intro: Vec<String>,
    /// The draft's sections in print order (paths without labels).
    pub sections: Vec<Vec<String>>,
    /// Every section of the committee's list (and any of the draft's own), in print order.
    pub section_choices: Vec<SectionChoice>,
    pub questions: Vec<QuestionView>,
    pub footnotes: Vec<FootnoteView>,
    pub counts: Counts,
    pub coverage: Coverage,
    pub updated_at: String,
    pub can_undo: bool,
    pub can_redo: bool,
}

/// The recommendations a draft's coverage is measured against.
fn coverage_targets(lib: &Library, draft: &Draft) -> Result<Vec<CoverageTarget>> {
    let Some(symbol) = draft.source_symbol.as_deref() else {
        return Ok(Vec::new());
    };
    let Some((id, _)) = lib.document_by_symbol(symbol)? else {
        return Ok(Vec::new());
    };
    Ok(link::recommendations_of(lib, id)?
        .into_iter()
        .map(|r| CoverageTarget {
            report_silent: r.sources.addressed_in_report == Some(false),
            symbol: r.symbol,
            paragraph: r.number,
            follow_up: r.follow_up,
        })
        .collect())
}

/// A stored draft as it reads, with counts and coverage.
pub fn view(lib: &mut Library, id: i64) -> Result<DraftView> {
    let draft = draft::load(lib.connection(), id)?;
    view_of(lib, &draft)
}

/// The view of a loaded draft.
pub fn view_of(lib: &Library, draft: &Draft) -> Result<DraftView> {
    let list = draft.to_issue_list();
    let profile = Profile::builtin(&draft.committee);
    let limit = profile.as_ref().and_then(|p| p.question_limit);
    let footnotes: Vec<FootnoteView> = list
        .footnotes()
        .into_iter()
        .map(|(number, text)| FootnoteView { number, text })
        .collect();
    let mut next_note = 1u32;
    let questions = list
        .questions
        .iter()
        .zip(&draft.content.questions)
        .map(|(q, d)| {
            let notes = q
                .notes
                .iter()
                .zip(&d.notes)
                .map(|(n, dn)| {
                    let v = NoteView {
                        number: next_note,
                        offset: n.offset,
                        cites: n.cites.clone(),
                        written: dn.written(),
                    };
                    next_note += 1;
                    v
                })
                .collect();
            QuestionView {
                id: d.id,
                number: q.number,
                section: q.section.clone(),
                section_path: d.section.clone(),
                text: q.text.clone(),
                subitems: q.subitems.clone(),
                notes,
                cites: q.cites.clone(),
                sources: d.sources.clone(),
                edited: d.edited,
                generated: d
                    .generated
                    .as_ref()
                    .map(|g| g.text.replace(draft::NOTE_TOKEN, "")),
                comments: d.comments.clone(),
            }
        })
        .collect();
    let targets = coverage_targets(lib, draft)?;
    Ok(DraftView {
        id: draft.id,
        state: draft.state.clone(),
        committee: draft.committee.clone(),
        symbol: draft.content.symbol.clone(),
        title: draft.content.title.clone(),
        kind: draft.content.kind,
        style: draft.content.style,
        source_symbol: draft.source_symbol.clone(),
        intro: draft.content.intro.clone(),
        sections: draft.content.sections.clone(),
        section_choices: section_choices(draft, profile.as_ref()),
        questions,
        footnotes,
        counts: draft.content.counts(limit),
        coverage: draft::coverage(&draft.content, &targets),
        updated_at: draft.updated_at.clone(),
        can_undo: draft.can_undo,
        can_redo: draft.can_redo,
    })
}

/// The committee's sections for the draft's kind with the draft's own placed among them.
fn section_choices(draft: &Draft, profile: Option<&Profile>) -> Vec<SectionChoice> {
    let order = profile
        .map(|p| p.section_paths(draft.content.kind))
        .unwrap_or_default();
    let mut all = Vec::new();
    for s in order.iter().chain(&draft.content.sections) {
        draft::place_section(&mut all, s, &order);
    }
    all.into_iter()
        .map(|path| SectionChoice {
            used: draft.content.questions.iter().any(|q| q.section == path),
            path,
        })
        .collect()
}
