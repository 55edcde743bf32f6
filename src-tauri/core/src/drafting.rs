//! Drafting from the library: a new draft from a State party's prior
//! recommendations, a draft as a rapporteur reads it (numbered questions,
//! footnotes, counts, coverage), and the question for one paragraph.

use serde::{Deserialize, Serialize};

use crate::drafts::{self, Counts, Coverage, CoverageTarget, Draft, DraftContent};
use crate::error::{Error, Result};
use crate::generate::{self, GenerateOptions, RecommendationInput};
use crate::library::Library;
use crate::link::{self, RecommendationView};
use crate::model::{Citation, CitationStyle, Document, DocumentKind, IssueList, SubParagraph};
use crate::profile::Profile;
use crate::symbols;

/// What a new draft is made from.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewDraft {
    /// ISO code or name of the State party.
    pub state: String,
    /// The committee whose list it is ("CRPD", "E/C.12"); default: the
    /// committee of the concluding observations drafted from.
    #[serde(default)]
    pub committee: Option<String>,
    /// The concluding observations to draft from (default: the committee's
    /// latest on the State party in the library).
    pub from: Option<String>,
    pub kind: DocumentKind,
    pub style: CitationStyle,
    #[serde(default)]
    pub split_subparagraphs: bool,
    /// The recommendations to ask about ("12", "35 (a)"); `None`: all of them.
    #[serde(default)]
    pub include: Option<Vec<String>>,
}

impl Default for NewDraft {
    fn default() -> Self {
        NewDraft {
            state: String::new(),
            committee: None,
            from: None,
            kind: DocumentKind::ListOfIssuesPriorToReporting,
            style: CitationStyle::Footnote,
            split_subparagraphs: false,
            include: None,
        }
    }
}

/// The committee profile for a committee (its code or an alias such as
/// "E/C.12"): built in, or an error saying which profile file is wrong or that
/// there is none (a profile is a file in `src-tauri/core/profiles/`).
pub fn profile_for(committee: &str) -> Result<Profile> {
    Profile::builtin_checked(committee)?.ok_or_else(|| {
        let known: Vec<&str> = Profile::builtin_all()
            .iter()
            .filter_map(|(_, p)| p.as_ref().ok().map(|p| p.committee.as_str()))
            .collect();
        Error::InvalidInput(format!(
            "there is no profile for the committee {committee} (profiles: {}); add one as a profile file",
            known.join(", ")
        ))
    })
}

/// Questions are written in the profile's language from observations in the
/// same language: a French recommendation is not reworded into English.
fn same_language(doc: &Document, profile: &Profile) -> Result<()> {
    match doc.language.as_deref() {
        Some(lang) if lang != profile.language => Err(Error::InvalidInput(format!(
            "{} are in another language ({lang}) than the {} profile writes ({}); import the {} version of the concluding observations",
            doc.symbol.as_deref().unwrap_or("these concluding observations"),
            profile.committee,
            profile.language,
            profile.language
        ))),
        _ => Ok(()),
    }
}

/// The stored concluding observations to draft from: the one named, or the
/// latest on the State party (of the committee, when one is given).
fn source_document(
    lib: &Library,
    state: &str,
    committee: Option<&str>,
    from: Option<&str>,
) -> Result<(i64, Document)> {
    let of_committee = |d: &Document| {
        committee.is_none_or(|c| crate::committees::same_committee(d.committee.as_deref(), c))
    };
    let found = match from {
        Some(symbol) => lib
            .document_by_symbol(symbol)?
            .filter(|(_, d)| d.kind == DocumentKind::ConcludingObservations)
            .ok_or_else(|| {
                Error::NotFound(format!("concluding observations {symbol} in the library"))
            })?,
        None => {
            let docs = lib.documents_of_state(state)?;
            link::latest_concluding_observations_of(&docs, committee)
                .cloned()
                .ok_or_else(|| {
                    Error::NotFound(match committee {
                        Some(c) => {
                            format!("concluding observations of {c} on {state} in the library")
                        }
                        None => format!("concluding observations of {state} in the library"),
                    })
                })?
        }
    };
    if !of_committee(&found.1) {
        return Err(Error::InvalidInput(format!(
            "{} are concluding observations of {}, not of {}",
            found.1.symbol.as_deref().unwrap_or("these"),
            found
                .1
                .committee
                .as_deref()
                .unwrap_or("an unknown committee"),
            committee.unwrap_or_default()
        )));
    }
    Ok(found)
}

fn inputs_for<'a>(
    doc: &'a Document,
    symbol: &'a str,
    recs: &[RecommendationView],
    include: Option<&[String]>,
) -> Result<Vec<RecommendationInput<'a>>> {
    let mut inputs = Vec::new();
    let wanted: Option<Vec<(String, Option<String>)>> = include.map(|refs| {
        refs.iter()
            .flat_map(|r| symbols::parse_paragraph_refs(r).0)
            .map(|r| match r.split_once(' ') {
                Some((n, l)) => (n.to_string(), Some(l.trim_matches(['(', ')']).to_string())),
                None => (r, None),
            })
            .collect()
    });
    if let Some(w) = &wanted {
        for (n, _) in w {
            if !recs.iter().any(|r| &r.number == n) {
                return Err(Error::InvalidInput(format!(
                    "paragraph {n} of {symbol} is not a recommendation"
                )));
            }
        }
    }
    for r in recs {
        let labels: Option<Vec<String>> = match &wanted {
            None => None,
            Some(w) => {
                let mine: Vec<&(String, Option<String>)> =
                    w.iter().filter(|(n, _)| *n == r.number).collect();
                if mine.is_empty() {
                    continue;
                }
                if mine.iter().any(|(_, l)| l.is_none()) {
                    None
                } else {
                    Some(mine.iter().filter_map(|(_, l)| l.clone()).collect())
                }
            }
        };
        let Some(paragraph) = doc.paragraph(&r.number) else {
            continue;
        };
        inputs.push(RecommendationInput {
            symbol,
            paragraph,
            follow_up: generate::under_follow_up(
                &doc.follow_up_paragraphs,
                &r.number,
                labels.as_deref(),
            ),
            only_subparagraphs: labels,
            times_recommended: r.times_recommended,
            assessed: r.assessment.as_ref().and_then(|a| a.letter_date),
            cluster_articles: r.articles.clone(),
        });
    }
    Ok(inputs)
}

/// Creates and stores a draft list of issues from the library.
pub fn new_draft(lib: &mut Library, request: &NewDraft) -> Result<Draft> {
    let state = symbols::state_by_code_or_name(&request.state).ok_or_else(|| {
        Error::InvalidInput(format!(
            "\"{}\" is not a State (give its ISO code or name)",
            request.state
        ))
    })?;
    if !request.kind.is_list_of_issues() {
        return Err(Error::InvalidInput(
            "a draft is a list of issues (loi) or a list of issues prior to reporting (loipr)"
                .into(),
        ));
    }
    // The committee as its profile names it ("E/C.12" is CESCR).
    let wanted = match request.committee.as_deref() {
        Some(c) => Some(profile_for(c)?.committee),
        None => None,
    };
    let (doc_id, doc) =
        source_document(lib, &state.code, wanted.as_deref(), request.from.as_deref())?;
    let symbol = doc.symbol.clone().unwrap_or_default();
    let committee = doc.committee.clone().ok_or_else(|| {
        Error::InvalidInput(format!(
            "the committee of {symbol} is not known: correct it in the library (loi set ID --symbol)"
        ))
    })?;
    let profile = profile_for(&committee)?;
    // The draft belongs to the committee as its profile names it ("CESCR").
    let committee = profile.committee.clone();
    same_language(&doc, &profile)?;
    let recs = link::recommendations_of(lib, doc_id)?;
    let inputs = inputs_for(&doc, &symbol, &recs, request.include.as_deref())?;
    let cycle = doc.cycle.unwrap_or(1) + 1;
    let opts = GenerateOptions {
        style: request.style,
        kind: request.kind,
        split_subparagraphs: request.split_subparagraphs,
    };
    let (list, sources) = generate::generate_list(&state, cycle, &inputs, &profile, &opts);
    let content = DraftContent::from_issue_list(&list, request.style, &sources);
    drafts::create(
        lib.connection(),
        &state,
        &committee,
        cycle,
        Some(&symbol),
        &content,
    )
}

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
    pub comments: Vec<drafts::QuestionComment>,
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
    let draft = drafts::load(lib.connection(), id)?;
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
                    .map(|g| g.text.replace(drafts::NOTE_TOKEN, "")),
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
        coverage: drafts::coverage(&draft.content, &targets),
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
        drafts::place_section(&mut all, s, &order);
    }
    all.into_iter()
        .map(|path| SectionChoice {
            used: draft.content.questions.iter().any(|q| q.section == path),
            path,
        })
        .collect()
}

/// The list of issues of a stored draft.
pub fn issue_list(lib: &mut Library, id: i64) -> Result<IssueList> {
    Ok(drafts::load(lib.connection(), id)?.to_issue_list())
}

/// The question generated for exactly one paragraph or some of its sub-paragraphs
/// ("49 (a) and (d)") of stored concluding observations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SingleQuestion {
    /// The text with the citation rendered in the chosen style (footnote markers as "[1]").
    pub text: String,
    pub subitems: Vec<SubParagraph>,
    pub cites: Vec<Citation>,
    pub footnotes: Vec<FootnoteView>,
    pub section: Vec<String>,
}

/// Generates the question for `paragraph` of the concluding observations `from`.
pub fn question(
    lib: &Library,
    from: &str,
    paragraph: &str,
    style: CitationStyle,
) -> Result<SingleQuestion> {
    let (id, doc) = lib
        .document_by_symbol(from)?
        .ok_or_else(|| Error::NotFound(format!("{from} in the library")))?;
    let symbol = doc.symbol.clone().unwrap_or_default();
    let recs = link::recommendations_of(lib, id)?;
    let inputs = inputs_for(&doc, &symbol, &recs, Some(&[paragraph.to_string()]))?;
    let committee = doc.committee.clone().ok_or_else(|| {
        Error::InvalidInput(format!(
            "the committee of {from} is not known: correct it in the library (loi set ID --symbol)"
        ))
    })?;
    let profile = profile_for(&committee)?;
    same_language(&doc, &profile)?;
    let opts = GenerateOptions {
        style,
        kind: DocumentKind::ListOfIssuesPriorToReporting,
        split_subparagraphs: false,
    };
    let state = doc.state.clone().unwrap_or(crate::model::StateParty {
        code: String::new(),
        name: String::new(),
    });
    let (list, _) =
        generate::generate_list(&state, doc.cycle.unwrap_or(1) + 1, &inputs, &profile, &opts);
    let q = list.questions.first().ok_or_else(|| {
        Error::InvalidInput(format!(
            "paragraph {paragraph} of {from} has no recommendation to ask about"
        ))
    })?;
    let footnotes: Vec<FootnoteView> = list
        .footnotes()
        .into_iter()
        .map(|(number, text)| FootnoteView { number, text })
        .collect();
    let offsets: Vec<(usize, u32)> = q
        .notes
        .iter()
        .zip(1..)
        .map(|(n, i)| (n.offset, i))
        .collect();
    let text = crate::export::with_markers(&q.text, &offsets, str::to_string, |n| format!("[{n}]"));
    Ok(SingleQuestion {
        text,
        subitems: q.subitems.clone(),
        cites: q.cites.clone(),
        footnotes,
        section: q.section.clone(),
    })
}

/// One edit of a draft, as the editor sends it. Questions are named by their id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum DraftOp {
    EditText {
        question: u64,
        text: String,
    },
    /// Adds to a question a sentence, in the committee's words, that asks
    /// further to what the State party said in its report, replies or
    /// follow-up information, citing it in the draft's citation style.
    CiteSource {
        question: u64,
        source: SourceRef,
    },
    SetSubitems {
        question: u64,
        subitems: Vec<SubParagraph>,
    },
    SetNotes {
        question: u64,
        notes: Vec<drafts::DraftNote>,
    },
    AddQuestion {
        section: Option<Vec<String>>,
        after: Option<u64>,
        text: String,
    },
    Delete {
        question: u64,
    },
    MergeWithNext {
        question: u64,
    },
    Split {
        question: u64,
        at: usize,
    },
    /// Rewrites a question's footnotes from what the rapporteur wrote, one text
    /// per note (more texts than notes add notes; "Ibid." refers to the note before).
    SetNoteTexts {
        question: u64,
        notes: Vec<String>,
    },
    /// Removes a question's `index`-th footnote (0-based) and its marker.
    RemoveNote {
        question: u64,
        index: usize,
    },
    /// To position `index` (0-based) within `section` (its own when absent).
    Move {
        question: u64,
        section: Option<Vec<String>>,
        index: usize,
    },
    /// To position `to` (0-based) in the whole list.
    Reorder {
        question: u64,
        to: usize,
    },
    /// Dismisses a comment kept with a question (0-based).
    RemoveComment {
        question: u64,
        index: usize,
    },
    ResetToGenerated {
        question: u64,
    },
}

/// A change to a draft: an edit, or a step back or forward in its undo history.
#[derive(Debug, Clone)]
pub enum Change {
    Edit(DraftOp),
    Undo,
    Redo,
}

/// Applies an edit and saves it (one transaction, one undo step); returns the draft as it now reads.
pub fn apply(lib: &mut Library, id: i64, op: DraftOp) -> Result<DraftView> {
    change(lib, id, Change::Edit(op))
}

/// Makes a change and saves it; returns the draft as it now reads, once it is on disk.
pub fn change(lib: &mut Library, id: i64, change: Change) -> Result<DraftView> {
    let mut shown = None;
    change_showing(lib, id, change, |v| shown = Some(v))?;
    shown.ok_or_else(|| Error::NotFound(format!("draft {id}")))
}

/// Makes a change in one transaction and hands the draft as it will read to
/// `shown` as soon as the change is written, before the transaction commits.
/// The commit is the slow part (the flush to disk, which a busy disk can hold up
/// for a second): the editor draws the change meanwhile, and whatever reads the
/// library next waits for the commit. `Ok` once the change is on disk; after an
/// error `shown` was not called, or the change it was shown is not saved.
pub fn change_showing(
    lib: &mut Library,
    id: i64,
    change: Change,
    shown: impl FnOnce(DraftView),
) -> Result<()> {
    let lib: &Library = lib;
    let tx = rusqlite::Transaction::new_unchecked(
        lib.shared_connection(),
        rusqlite::TransactionBehavior::Immediate,
    )?;
    match change {
        Change::Edit(op) => write_edit(&tx, id, op)?,
        Change::Undo => drafts::write_history_step(&tx, id, false)?,
        Change::Redo => drafts::write_history_step(&tx, id, true)?,
    }
    let draft = drafts::load(&tx, id)?;
    shown(view_of(lib, &draft)?);
    tx.commit()?;
    Ok(())
}

/// Applies an edit worked out from the draft as it stands inside the
/// transaction: the command line names questions by their number, which
/// another writer may change until the library is locked.
pub fn apply_worked_out(
    lib: &mut Library,
    id: i64,
    work_out: impl FnOnce(&drafts::DraftContent) -> Result<DraftOp>,
) -> Result<DraftView> {
    let lib: &Library = lib;
    let tx = rusqlite::Transaction::new_unchecked(
        lib.shared_connection(),
        rusqlite::TransactionBehavior::Immediate,
    )?;
    let op = work_out(&drafts::load(&tx, id)?.content)?;
    write_edit(&tx, id, op)?;
    let view = view_of(lib, &drafts::load(&tx, id)?)?;
    tx.commit()?;
    Ok(view)
}

/// Writes an edit as one undo step (typing in a question: one step per burst).
fn write_edit(conn: &rusqlite::Connection, id: i64, op: DraftOp) -> Result<()> {
    let mut draft = drafts::load(conn, id)?;
    let c = &mut draft.content;
    // Typing in a question is saved at every keystroke, undone as one step.
    let typing = match &op {
        DraftOp::EditText { question, .. } => Some(format!("text:{question}")),
        _ => None,
    };
    let committee = draft.committee.clone();
    // A section named by the editor: without labels, and one of the draft's,
    // placed among them in the committee's order.
    let place = |c: &mut DraftContent, s: &[String]| {
        let s = crate::profile::unlabelled(s);
        let order = Profile::builtin(&committee)
            .map(|p| p.section_paths(c.kind))
            .unwrap_or_default();
        drafts::place_section(&mut c.sections, &s, &order);
        s
    };
    match op {
        DraftOp::EditText { question, text } => c.edit_text(question, &text),
        DraftOp::CiteSource { question, source } => {
            let profile = profile_for(&committee)?;
            let (sentence, note) = source_sentence(&profile, c.style, &source);
            c.append_sentence(question, &sentence, note)
        }
        DraftOp::SetSubitems { question, subitems } => c.set_subitems(question, subitems),
        DraftOp::SetNotes { question, notes } => c.set_notes(question, notes),
        DraftOp::SetNoteTexts { question, notes } => {
            let mut previous = c.cited_before(question)?;
            let notes = notes
                .iter()
                .filter(|t| !t.trim().is_empty())
                .map(|t| drafts::DraftNote::from_written(t, &mut previous))
                .collect();
            c.set_notes(question, notes)
        }
        DraftOp::RemoveNote { question, index } => c.remove_note(question, index),
        DraftOp::AddQuestion {
            section,
            after,
            text,
        } => {
            let section = match section {
                Some(s) => place(c, &s),
                None => c.sections.last().cloned().unwrap_or_default(),
            };
            c.add_question(section, after, &text).map(|_| ())
        }
        DraftOp::Delete { question } => c.delete_question(question).map(|_| ()),
        DraftOp::MergeWithNext { question } => c.merge_with_next(question),
        DraftOp::Split { question, at } => c.split(question, at).map(|_| ()),
        DraftOp::Move {
            question,
            section,
            index,
        } => {
            let section = section.map(|s| place(c, &s));
            c.move_question(question, section, index)
        }
        DraftOp::Reorder { question, to } => c.reorder(question, to),
        DraftOp::ResetToGenerated { question } => c.reset_to_generated(question),
        DraftOp::RemoveComment { question, index } => c.remove_comment(question, index),
    }?;
    drafts::write_step(conn, id, c, typing.as_deref())
}

/// Which of the State party's documents a sentence builds on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    Report,
    Replies,
    FollowUp,
}

/// A paragraph of the State party's report ("38"), a reply (the question it
/// answers, "5") or its follow-up information (the paragraph of the
/// observations it answers, or none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    pub kind: SourceKind,
    pub symbol: String,
    #[serde(default)]
    pub paragraph: Option<String>,
}

/// The sentence for a source in the committee's words and the draft's
/// citation style, with its footnote when the draft cites in footnotes.
fn source_sentence(
    profile: &Profile,
    style: CitationStyle,
    source: &SourceRef,
) -> (String, Option<drafts::DraftNote>) {
    let t = &profile.templates;
    let template = match source.kind {
        SourceKind::Report => &t.further_to_report,
        SourceKind::Replies => &t.further_to_replies,
        SourceKind::FollowUp => &t.further_to_follow_up,
    };
    // What is cited: the report's paragraph; the replies and the follow-up
    // information as documents.
    let cited = crate::model::Citation {
        symbol: source.symbol.clone(),
        paragraph: match source.kind {
            SourceKind::Report => source.paragraph.clone(),
            _ => None,
        },
    };
    let (cite, note) = match style {
        CitationStyle::Footnote => (
            String::new(),
            Some(drafts::DraftNote {
                cites: vec![cited],
                text: None,
            }),
        ),
        // The sentence names the paragraph: the document's symbol follows it
        // (a bare citation names no document either, so the symbol stands too).
        CitationStyle::Inline | CitationStyle::Bare => (format!(" ({})", source.symbol), None),
    };
    let token = if note.is_some() {
        drafts::NOTE_TOKEN
    } else {
        ""
    };
    let number = source.paragraph.clone().unwrap_or_default();
    let text = template
        .replace("{number}", &number)
        .replace("{cite}", &cite)
        .replace("{note}", token);
    (text, note)
}

/// A moment stored in UTC ("2026-12-01T21:16:05.123Z") as the laptop's clock
/// reads it: "2026-12-01 22:16" in Geneva.
fn local_time(stored: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(stored)
        .map(|t| {
            t.with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| stored.to_string())
}

/// A list the rapporteur can compare: its name for [`resolve_list`] and a label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListChoice {
    pub name: String,
    pub label: String,
}

/// The lists of a State party that can be compared: stored lists of issues,
/// drafts as they are now, and their named versions.
pub fn comparable_lists(lib: &mut Library, state: &str) -> Result<Vec<ListChoice>> {
    let mut out = Vec::new();
    for d in lib.documents(Some(state))? {
        if d.kind.is_list_of_issues() {
            out.push(ListChoice {
                name: format!("doc:{}", d.id),
                label: format!(
                    "{} (in the library)",
                    d.symbol.as_deref().unwrap_or(&d.source_name)
                ),
            });
        }
    }
    for d in drafts::list(lib.connection(), Some(state))? {
        out.push(ListChoice {
            name: format!("draft:{}", d.id),
            label: format!("Draft {} {} (current)", d.id, d.symbol),
        });
        for v in drafts::versions(lib.connection(), d.id)? {
            out.push(ListChoice {
                name: format!("draft:{}@{}", d.id, v.id),
                label: format!(
                    "Draft {} — version “{}”, {}",
                    d.id,
                    v.name,
                    local_time(&v.created_at)
                ),
            });
        }
    }
    Ok(out)
}

/// Compares two lists named as [`resolve_list`] names them.
pub fn compare(lib: &mut Library, old: &str, new: &str) -> Result<crate::diff::ListDiff> {
    let a = resolve_list(lib, old)?;
    let b = resolve_list(lib, new)?;
    Ok(crate::diff::diff_lists(&a, &b))
}

/// A list as the user names it: `draft:ID` (a draft as it is now),
/// `draft:ID@VERSION` (a named version), `doc:ID` (a stored document), or a
/// file path or the symbol of a stored list of issues (`Named`, told apart
/// when it is read: a path that is a file is the file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListRef {
    Draft { id: i64, version: Option<i64> },
    Document(i64),
    Named(String),
}

impl std::str::FromStr for ListRef {
    type Err = Error;

    fn from_str(name: &str) -> Result<ListRef> {
        let name = name.trim();
        if let Some(rest) = name.strip_prefix("draft:") {
            let (id, version) = match rest.split_once('@') {
                Some((id, v)) => (id, Some(v)),
                None => (rest, None),
            };
            let id: i64 = id.trim().parse().map_err(|_| {
                Error::InvalidInput(format!(
                    "\"{name}\": a draft is named draft:ID or draft:ID@VERSION"
                ))
            })?;
            let version = match version {
                Some(v) => Some(v.trim().parse().map_err(|_| {
                    Error::InvalidInput(format!("\"{name}\": the version is a number"))
                })?),
                None => None,
            };
            return Ok(ListRef::Draft { id, version });
        }
        if let Some(id) = name.strip_prefix("doc:") {
            let id: i64 = id.trim().parse().map_err(|_| {
                Error::InvalidInput(format!("\"{name}\": a stored document is named doc:ID"))
            })?;
            return Ok(ListRef::Document(id));
        }
        if name.is_empty() {
            return Err(Error::InvalidInput(
                "name a list: draft:ID, doc:ID, a symbol or a file".into(),
            ));
        }
        Ok(ListRef::Named(name.to_string()))
    }
}

impl std::fmt::Display for ListRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ListRef::Draft { id, version: None } => write!(f, "draft:{id}"),
            ListRef::Draft {
                id,
                version: Some(v),
            } => write!(f, "draft:{id}@{v}"),
            ListRef::Document(id) => write!(f, "doc:{id}"),
            ListRef::Named(n) => f.write_str(n),
        }
    }
}

/// Reads a list of issues to compare or export, named as the user names it
/// (see [`ListRef`]).
pub fn resolve_list(lib: &mut Library, name: &str) -> Result<IssueList> {
    if let ListRef::Draft { id, version } = name.parse()? {
        let draft = drafts::load(lib.connection(), id)?;
        return Ok(match version {
            None => draft.to_issue_list(),
            Some(v) => drafts::version_content(lib.connection(), id, v)?
                .to_issue_list(&draft.committee, &draft.state),
        });
    }
    Ok(crate::issue_list::issue_list_from_document(&list_document(
        lib, name,
    )?))
}

/// A real list of issues named as the user names it: a file path (read and
/// parsed, nothing stored), `doc:ID` or the symbol of a stored list.
pub fn list_document(lib: &Library, name: &str) -> Result<Document> {
    let doc = match name.parse()? {
        ListRef::Draft { .. } => {
            return Err(Error::InvalidInput(format!(
                "{name} is a draft, not a list of issues in the library"
            )))
        }
        ListRef::Document(id) => lib.document(id)?,
        ListRef::Named(n) if std::path::Path::new(&n).is_file() => {
            let extracted = crate::import::extract_file(std::path::Path::new(&n))?;
            crate::parse::parse_text(&extracted.text)
        }
        ListRef::Named(n) => lib.document_by_symbol(&n)?.map(|(_, d)| d).ok_or_else(|| {
            Error::NotFound(format!(
                "\"{n}\" (a file, draft:ID, doc:ID or the symbol of a stored list of issues)"
            ))
        })?,
    };
    if !doc.kind.is_list_of_issues() {
        return Err(Error::InvalidInput(format!(
            "{name} is not a list of issues"
        )));
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seeded() -> Library {
        let mut lib = Library::open_in_memory().unwrap();
        lib.ensure_seeded().unwrap();
        lib
    }

    #[test]
    fn a_sentence_further_to_the_report_is_added_in_the_drafts_style() {
        let mut lib = seeded();
        let d = new_draft(
            &mut lib,
            &NewDraft {
                state: "TJK".into(),
                ..Default::default()
            },
        )
        .unwrap();
        let q = d.content.questions[1].id;
        let before = view(&mut lib, d.id).unwrap();
        let v = apply(
            &mut lib,
            d.id,
            DraftOp::CiteSource {
                question: q,
                source: SourceRef {
                    kind: SourceKind::Report,
                    symbol: "CMW/C/TJK/3".into(),
                    paragraph: Some("38".into()),
                },
            },
        )
        .unwrap();
        let q2 = &v.questions[1];
        assert!(q2.text.ends_with(
            "Further to the information provided in paragraph 38 of the State party's report, please provide updated information."
        ));
        // One more footnote, after the comma, citing the report's paragraph.
        assert_eq!(v.footnotes.len(), before.footnotes.len() + 1);
        assert!(v
            .footnotes
            .iter()
            .any(|f| f.text == "CMW/C/TJK/3, para. 38."));
        let note = q2.notes.last().unwrap();
        assert_eq!(&q2.text[..note.offset], q2.text[..note.offset].trim_end());
        assert!(q2.text[..note.offset].ends_with("report,"));
        // One undo step takes it away.
        let undone = change(&mut lib, d.id, Change::Undo).unwrap();
        assert_eq!(undone.questions[1].text, before.questions[1].text);
        // Inline, the document's symbol follows the words that name it.
        let d = new_draft(
            &mut lib,
            &NewDraft {
                state: "TJK".into(),
                style: CitationStyle::Inline,
                ..Default::default()
            },
        )
        .unwrap();
        let q = d.content.questions[0].id;
        let v = apply(
            &mut lib,
            d.id,
            DraftOp::CiteSource {
                question: q,
                source: SourceRef {
                    kind: SourceKind::FollowUp,
                    symbol: "CMW/C/TJK/CO/2/Add.1".into(),
                    paragraph: None,
                },
            },
        )
        .unwrap();
        assert!(v.questions[0].text.ends_with(
            "In the light of the information provided by the State party in its follow-up report (CMW/C/TJK/CO/2/Add.1), please provide updated information."
        ));
    }

    #[test]
    fn version_times_read_on_the_laptops_clock() {
        use chrono::TimeZone;
        let shown = local_time("2026-12-01T21:16:05.123Z");
        let read = chrono::NaiveDateTime::parse_from_str(&shown, "%Y-%m-%d %H:%M").unwrap();
        let instant = chrono::Local.from_local_datetime(&read).earliest().unwrap();
        assert_eq!(
            instant.with_timezone(&chrono::Utc),
            chrono::Utc
                .with_ymd_and_hms(2026, 12, 1, 21, 16, 0)
                .unwrap()
        );
        assert_eq!(local_time("not a time"), "not a time");
    }

    #[test]
    fn a_draft_for_tajikistan_from_the_library() {
        let mut lib = seeded();
        let d = new_draft(
            &mut lib,
            &NewDraft {
                state: "TJK".into(),
                ..Default::default()
            },
        )
        .unwrap();
        let v = view(&mut lib, d.id).unwrap();
        assert_eq!(v.symbol, "CMW/C/TJK/QPR/3");
        assert_eq!(
            v.title,
            "List of issues prior to submission of the third periodic report of Tajikistan"
        );
        let recs = link::recommendations(&lib, "TJK").unwrap();
        assert_eq!(v.questions.len(), recs.len());
        assert_eq!(v.counts.questions, recs.len());
        assert!(v.coverage.not_covered.is_empty());
        assert_eq!(v.footnotes[0].text, "CMW/C/TJK/CO/2, para. 12.");
        assert!(v.footnotes[1].text.starts_with("Ibid."));
        assert!(v.questions.iter().all(|q| !q.edited));
        // Follow-up recommendations are asked with "Considering".
        let q12 = v
            .questions
            .iter()
            .find(|q| q.sources[0].paragraph.as_deref() == Some("12"))
            .unwrap();
        assert!(q12.text.starts_with("Considering"));
    }

    #[test]
    fn a_selection_leaves_the_rest_uncovered_and_flags_follow_up() {
        let mut lib = seeded();
        let d = new_draft(
            &mut lib,
            &NewDraft {
                state: "Tajikistan".into(),
                kind: DocumentKind::ListOfIssues,
                include: Some(vec!["43".into(), "49 (a) and (d)".into()]),
                ..Default::default()
            },
        )
        .unwrap();
        let v = view(&mut lib, d.id).unwrap();
        assert_eq!(v.symbol, "CMW/C/TJK/Q/3");
        assert_eq!(v.questions.len(), 2);
        assert!(v.coverage.covered.iter().any(|c| c.paragraph == "49"));
        assert!(
            v.coverage.not_covered[0].follow_up,
            "follow-up recommendations left out come first"
        );
        assert!(new_draft(
            &mut lib,
            &NewDraft {
                state: "TJK".into(),
                include: Some(vec!["11".into()]),
                ..Default::default()
            }
        )
        .is_err());
        assert!(new_draft(
            &mut lib,
            &NewDraft {
                state: "MEX".into(),
                ..Default::default()
            }
        )
        .is_err());
    }

    #[test]
    fn edits_from_the_editor() {
        let mut lib = seeded();
        let d = new_draft(
            &mut lib,
            &NewDraft {
                state: "TJK".into(),
                ..Default::default()
            },
        )
        .unwrap();
        let first = d.content.questions[0].id;
        let second = d.content.questions[1].id;
        let v = apply(
            &mut lib,
            d.id,
            DraftOp::EditText {
                question: second,
                text: "Please indicate,[fn] briefly.".into(),
            },
        )
        .unwrap();
        assert!(v.questions[1].edited);
        let v = apply(
            &mut lib,
            d.id,
            DraftOp::Reorder {
                question: second,
                to: 0,
            },
        )
        .unwrap();
        assert_eq!(v.questions[0].id, second);
        assert_eq!(v.questions[0].number, 1);
        assert_eq!(v.footnotes[0].text, "CMW/C/TJK/CO/2, para. 13.");
        assert_eq!(v.footnotes[1].text, "Ibid., para. 12.");
        let v = apply(&mut lib, d.id, DraftOp::Delete { question: first }).unwrap();
        assert_eq!(v.coverage.not_covered[0].paragraph, "12");
        assert!(v.can_undo);
        let json = serde_json::json!({"op": "add_question", "section": null, "after": null, "text": "A new question?"});
        let op: DraftOp = serde_json::from_value(json).unwrap();
        let v = apply(&mut lib, d.id, op).unwrap();
        assert_eq!(v.questions.last().unwrap().text, "A new question?");
        assert!(apply(&mut lib, d.id, DraftOp::Delete { question: 9999 }).is_err());
    }

    fn tjk_draft(lib: &mut Library) -> DraftView {
        let d = new_draft(
            lib,
            &NewDraft {
                state: "TJK".into(),
                ..Default::default()
            },
        )
        .unwrap();
        view(lib, d.id).unwrap()
    }

    /// The editor is shown a change while its transaction is still open: another
    /// reader of the library file sees it only once it is committed, and the
    /// view shown is the draft as stored.
    #[test]
    fn a_change_is_shown_before_its_commit_and_stored_as_shown() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("library.sqlite3");
        let mut lib = Library::open(&path).unwrap();
        lib.ensure_seeded().unwrap();
        let v = tjk_draft(&mut lib);
        let (first, second) = (v.questions[0].id, v.questions[1].id);
        let other = Library::open(&path).unwrap();
        let first_on_disk = |l: &Library| {
            drafts::load(l.shared_connection(), v.id)
                .unwrap()
                .content
                .questions[0]
                .id
        };
        let mut seen = None;
        change_showing(
            &mut lib,
            v.id,
            Change::Edit(DraftOp::Reorder {
                question: first,
                to: 1,
            }),
            |shown| {
                assert_eq!(first_on_disk(&other), first, "not committed yet");
                seen = Some(shown);
            },
        )
        .unwrap();
        let seen = seen.unwrap();
        assert_eq!(seen.questions[0].id, second);
        assert_eq!(first_on_disk(&other), second, "committed");
        let stored = view(&mut lib, v.id).unwrap();
        assert_eq!(
            serde_json::to_value(&seen).unwrap(),
            serde_json::to_value(&stored).unwrap()
        );
        // Undo and redo go the same way.
        let undone = change(&mut lib, v.id, Change::Undo).unwrap();
        assert_eq!(undone.questions[0].id, first);
        assert!(undone.can_redo);
        let redone = change(&mut lib, v.id, Change::Redo).unwrap();
        assert_eq!(redone.questions[0].id, second);
        // An edit that fails is not shown, and nothing is written.
        let mut called = false;
        let err = change_showing(
            &mut lib,
            v.id,
            Change::Edit(DraftOp::Delete { question: 999_999 }),
            |_| called = true,
        )
        .unwrap_err();
        assert!(!called, "{err}");
        assert!(
            change(&mut lib, v.id, Change::Redo).is_err(),
            "nothing to redo"
        );
        assert_eq!(
            serde_json::to_value(view(&mut lib, v.id).unwrap()).unwrap(),
            serde_json::to_value(&redone).unwrap()
        );
    }

    /// A commit that fails after the change was shown is an error, and the
    /// library keeps the draft as it was.
    #[test]
    fn a_change_whose_commit_fails_is_an_error_and_not_stored() {
        let mut lib = seeded();
        let v = tjk_draft(&mut lib);
        let first = v.questions[0].id;
        // A foreign key checked only at COMMIT: every edit's commit fails.
        lib.connection()
            .execute_batch(
                "CREATE TABLE broken_link (draft_id INTEGER REFERENCES drafts(id) DEFERRABLE INITIALLY DEFERRED);
                 CREATE TRIGGER broken AFTER UPDATE ON drafts BEGIN
                   INSERT INTO broken_link VALUES (-1);
                 END;",
            )
            .unwrap();
        let mut called = false;
        let err = change_showing(
            &mut lib,
            v.id,
            Change::Edit(DraftOp::Reorder {
                question: first,
                to: 1,
            }),
            |shown| called = shown.questions[0].id != first,
        )
        .unwrap_err();
        assert!(called, "the change was shown before its commit");
        assert!(err.to_string().contains("FOREIGN KEY"), "{err}");
        lib.connection()
            .execute_batch("DROP TRIGGER broken; DROP TABLE broken_link;")
            .unwrap();
        assert_eq!(view(&mut lib, v.id).unwrap().questions[0].id, first);
    }

    #[test]
    fn footnotes_are_edited_as_written() {
        let mut lib = seeded();
        let v = tjk_draft(&mut lib);
        let (q1, q2) = (v.questions[0].id, v.questions[1].id);
        assert_eq!(v.questions[1].notes[0].written, "CMW/C/TJK/CO/2, para. 13.");
        // A citation in the standard form keeps only its citations: "Ibid." is decided at reading.
        let v = apply(
            &mut lib,
            v.id,
            DraftOp::SetNoteTexts {
                question: q2,
                notes: vec!["CMW/C/TJK/CO/2, paras. 14 and 15".into()],
            },
        )
        .unwrap();
        assert_eq!(v.footnotes[1].text, "Ibid., paras. 14 and 15.");
        assert_eq!(v.questions[1].notes[0].cites.len(), 2);
        assert_eq!(
            v.questions[1].notes[0].written,
            "CMW/C/TJK/CO/2, paras. 14 and 15."
        );
        // "Ibid." typed by the rapporteur refers to the note before; a second note is added.
        let v = apply(
            &mut lib,
            v.id,
            DraftOp::SetNoteTexts {
                question: q2,
                notes: vec![
                    "Ibid., para. 16.".into(),
                    "See also A/RES/68/268, para. 15.".into(),
                ],
            },
        )
        .unwrap();
        let q = &v.questions[1];
        assert_eq!(q.notes.len(), 2);
        assert_eq!(q.notes[0].cites[0].symbol, "CMW/C/TJK/CO/2");
        assert_eq!(q.notes[0].cites[0].paragraph.as_deref(), Some("16"));
        assert_eq!(q.notes[1].written, "See also A/RES/68/268, para. 15.");
        assert_eq!(v.footnotes[2].text, "See also A/RES/68/268, para. 15.");
        // Removing the first note removes its own marker, not the last one.
        let second_offset = q.notes[1].offset;
        let v = apply(
            &mut lib,
            v.id,
            DraftOp::RemoveNote {
                question: q2,
                index: 0,
            },
        )
        .unwrap();
        assert_eq!(v.questions[1].notes.len(), 1);
        assert_eq!(v.questions[1].notes[0].offset, second_offset);
        assert_eq!(
            v.questions[1].notes[0].written,
            "See also A/RES/68/268, para. 15."
        );
        assert!(apply(
            &mut lib,
            v.id,
            DraftOp::RemoveNote {
                question: q1,
                index: 5
            }
        )
        .is_err());
        assert!(v.can_undo);
    }

    #[test]
    fn a_question_moves_to_a_section_the_draft_did_not_have() {
        let mut lib = seeded();
        let v = tjk_draft(&mut lib);
        let target = v
            .section_choices
            .iter()
            .find(|c| !c.used && c.path.last().is_some_and(|h| h == "Articles 32 and 33"))
            .expect("a committee section the draft has no question in")
            .path
            .clone();
        let last = v.questions.last().unwrap().id;
        let v = apply(
            &mut lib,
            v.id,
            DraftOp::Move {
                question: last,
                section: Some(target.clone()),
                index: 0,
            },
        )
        .unwrap();
        let q = v.questions.iter().find(|q| q.id == last).unwrap();
        assert_eq!(q.section_path, target);
        // Printed among Part III's questions, after articles 23 and before Part IV.
        let before = &v.questions[(q.number - 2) as usize];
        let after = &v.questions[q.number as usize];
        assert_eq!(before.section_path.last().unwrap(), "Article 23");
        assert!(after.section[1].ends_with("Part IV of the Convention"));
        assert!(q.section[1].starts_with("C. "), "{:?}", q.section);
        // Moving every question out of a section re-letters the ones after it.
        let principles: Vec<u64> = v
            .questions
            .iter()
            .filter(|q| {
                q.section_path
                    .get(1)
                    .is_some_and(|h| h == "General principles")
            })
            .map(|q| q.id)
            .collect();
        assert!(!principles.is_empty());
        let mut v = v;
        for id in principles {
            v = apply(
                &mut lib,
                v.id,
                DraftOp::Move {
                    question: id,
                    section: Some(vec!["General information".into()]),
                    index: 0,
                },
            )
            .unwrap();
        }
        let q = v.questions.iter().find(|q| q.id == last).unwrap();
        assert!(q.section[1].starts_with("B. "), "{:?}", q.section);
        // Added by hand in a section of its own.
        let closing = v.section_choices.last().unwrap().path.clone();
        let v = apply(
            &mut lib,
            v.id,
            DraftOp::AddQuestion {
                section: Some(closing.clone()),
                after: None,
                text: "Please provide updated statistical data.".into(),
            },
        )
        .unwrap();
        let added = v.questions.last().unwrap();
        assert_eq!(added.section_path, closing);
        assert!(added.section[0].starts_with("III. "), "{:?}", added.section);
    }

    #[test]
    fn drafts_saved_with_labelled_sections_read_the_same() {
        let mut lib = seeded();
        let v = tjk_draft(&mut lib);
        let mut d = drafts::load(lib.connection(), v.id).unwrap();
        let labelled = d.to_issue_list();
        for (q, l) in d.content.questions.iter_mut().zip(&labelled.questions) {
            q.section = l.section.clone();
        }
        d.content.sections =
            labelled
                .questions
                .iter()
                .map(|q| q.section.clone())
                .fold(Vec::new(), |mut acc, s| {
                    if !acc.contains(&s) {
                        acc.push(s);
                    }
                    acc
                });
        assert!(d.content.sections[0][0].starts_with("I. "));
        drafts::save(lib.connection(), v.id, &d.content).unwrap();
        let again = view(&mut lib, v.id).unwrap();
        assert_eq!(again.sections, v.sections);
        assert_eq!(
            again
                .questions
                .iter()
                .map(|q| &q.section)
                .collect::<Vec<_>>(),
            v.questions.iter().map(|q| &q.section).collect::<Vec<_>>()
        );
    }

    #[test]
    fn the_question_for_one_paragraph() {
        let lib = seeded();
        let q = question(
            &lib,
            "CMW/C/TJK/CO/2",
            "49 (a) and (d)",
            CitationStyle::Footnote,
        )
        .unwrap();
        assert!(q.text.starts_with("In the light of the recommendation made by the Committee in its previous concluding observations,[1] please provide information on the efforts made to adopt a regulatory regime"), "{}", q.text);
        assert_eq!(q.footnotes[0].text, "CMW/C/TJK/CO/2, para. 49 (a) and (d).");
        assert_eq!(q.cites.len(), 2);
        let q = question(&lib, "CMW/C/TJK/CO/2", "12", CitationStyle::Inline).unwrap();
        assert!(q.text.contains("(see CMW/C/TJK/CO/2, para. 12), please clarify whether the bill on labour migration has been adopted."), "{}", q.text);
        assert!(q.footnotes.is_empty());
        assert!(question(&lib, "CMW/C/TJK/CO/2", "11", CitationStyle::Footnote).is_err());
    }
}
