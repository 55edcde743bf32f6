//! Every edit of a draft: the operations on its content (edit a question's
//! text, footnotes or sub-items, add, delete, join, split, move, reorder,
//! reset, cite a source, keep or dismiss comments, put in words that came back
//! from someone else), the [`DraftOp`] the app and the `loi` command line send
//! alike, and applying one as one transaction and one undo step.

use serde::{Deserialize, Serialize};

use super::content::{add_token, keep_first_tokens, normalize_spaces, relabel};
use super::*;
use crate::draft;
use crate::error::{Error, Result};
use crate::library::Library;
use crate::model::{CitationStyle, SubParagraph};
use crate::profile::Profile;

impl DraftContent {
    /// Replaces a question's text. Tokens beyond the question's notes are removed;
    /// notes whose token was deleted are dropped from the end.
    pub fn edit_text(&mut self, id: u64, text: &str) -> Result<()> {
        let i = self.index_of(id)?;
        let q = &mut self.questions[i];
        let mut text = normalize_spaces(text);
        let tokens = text.matches(NOTE_TOKEN).count();
        if tokens > q.notes.len() {
            text = keep_first_tokens(&text, q.notes.len());
        }
        let tokens = text.matches(NOTE_TOKEN).count();
        q.notes.truncate(tokens);
        if q.text != text {
            q.text = text;
            q.edited = q.generated.as_ref().is_none_or(|g| g.text != q.text);
        }
        Ok(())
    }

    /// Adds a sentence at the end of a question's text, with the note its
    /// marker ([`NOTE_TOKEN`]) stands for, when it has one.
    pub fn append_sentence(
        &mut self,
        id: u64,
        sentence: &str,
        note: Option<DraftNote>,
    ) -> Result<()> {
        let i = self.index_of(id)?;
        let q = &mut self.questions[i];
        let sentence = normalize_spaces(sentence);
        let mut text = q.text.trim_end().to_string();
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&sentence);
        let tokens = sentence.matches(NOTE_TOKEN).count();
        match note {
            Some(n) if tokens == 1 => q.notes.push(n),
            None if tokens == 0 => {}
            _ => {
                return Err(crate::error::Error::InvalidInput(
                    "the sentence and its footnote do not match".into(),
                ))
            }
        }
        q.text = text;
        q.edited = true;
        Ok(())
    }

    /// Replaces a question's sub-items.
    pub fn set_subitems(&mut self, id: u64, subitems: Vec<SubParagraph>) -> Result<()> {
        let i = self.index_of(id)?;
        let q = &mut self.questions[i];
        q.subitems = subitems
            .into_iter()
            .map(|s| SubParagraph {
                label: s.label.trim().trim_matches(['(', ')']).to_string(),
                text: normalize_spaces(&s.text),
            })
            .filter(|s| !s.text.is_empty())
            .collect();
        q.edited = true;
        Ok(())
    }

    /// Replaces a question's notes (their citations or text). The text gets a token
    /// for each new note (after the first comma, or at the end of the first sentence)
    /// and loses the tokens of removed ones.
    pub fn set_notes(&mut self, id: u64, notes: Vec<DraftNote>) -> Result<()> {
        let i = self.index_of(id)?;
        let q = &mut self.questions[i];
        let mut text = keep_first_tokens(&q.text, notes.len());
        while text.matches(NOTE_TOKEN).count() < notes.len() {
            text = add_token(&text);
        }
        q.text = text;
        q.notes = notes;
        q.edited = true;
        Ok(())
    }

    /// Removes a question's `index`-th note (0-based) and its marker.
    pub fn remove_note(&mut self, id: u64, index: usize) -> Result<()> {
        let i = self.index_of(id)?;
        let q = &mut self.questions[i];
        if index >= q.notes.len() {
            return Err(Error::InvalidInput(format!(
                "question has no footnote {}",
                index + 1
            )));
        }
        q.notes.remove(index);
        let mut out = String::with_capacity(q.text.len());
        for (n, part) in q.text.split(NOTE_TOKEN).enumerate() {
            if n > 0 && n - 1 != index {
                out.push_str(NOTE_TOKEN);
            }
            out.push_str(part);
        }
        q.text = out;
        q.edited = true;
        Ok(())
    }

    /// Puts the generated wording back.
    pub fn reset_to_generated(&mut self, id: u64) -> Result<()> {
        let i = self.index_of(id)?;
        let q = &mut self.questions[i];
        let g = q
            .generated
            .clone()
            .ok_or_else(|| Error::InvalidInput("this question was written by hand".into()))?;
        q.text = g.text;
        q.subitems = g.subitems;
        q.notes = g.notes;
        q.edited = false;
        Ok(())
    }

    /// Adds a question written by hand at the end of `section` (or after `after`), returning its id.
    pub fn add_question(
        &mut self,
        section: Vec<String>,
        after: Option<u64>,
        text: &str,
    ) -> Result<u64> {
        let id = self.take_id();
        let q = DraftQuestion {
            id,
            section: section.clone(),
            text: normalize_spaces(&text.replace(NOTE_TOKEN, "")),
            subitems: Vec::new(),
            notes: Vec::new(),
            sources: Vec::new(),
            generated: None,
            edited: true,
            comments: Vec::new(),
        };
        let at = match after {
            Some(a) => {
                let i = self.index_of(a)?;
                let mut q = q;
                q.section = self.questions[i].section.clone();
                self.questions.insert(i + 1, q);
                return Ok(id);
            }
            None => self.end_of_section(&section),
        };
        if !self.sections.contains(&section) {
            self.sections.push(section);
        }
        self.questions.insert(at, q);
        self.regroup();
        Ok(id)
    }

    /// Puts words that came back from someone else in a question: its text
    /// (with a token per note), notes and sub-items.
    pub fn replace_words(
        &mut self,
        id: u64,
        text: &str,
        notes: Vec<DraftNote>,
        subitems: Vec<SubParagraph>,
    ) -> Result<()> {
        let i = self.index_of(id)?;
        let q = &mut self.questions[i];
        let mut text = normalize_spaces(text);
        text = keep_first_tokens(&text, notes.len());
        let mut notes = notes;
        notes.truncate(text.matches(NOTE_TOKEN).count());
        q.text = text;
        q.notes = notes;
        q.subitems = subitems;
        q.edited = q
            .generated
            .as_ref()
            .is_none_or(|g| g.text != q.text || g.subitems != q.subitems || g.notes != q.notes);
        Ok(())
    }

    /// Inserts a question that came back from someone else after `after` (in
    /// its section), or at the start of the list; returns its id.
    pub fn insert_after(
        &mut self,
        after: Option<u64>,
        section: Vec<String>,
        text: &str,
        notes: Vec<DraftNote>,
        subitems: Vec<SubParagraph>,
    ) -> Result<u64> {
        let at = match after {
            Some(a) => self.index_of(a)? + 1,
            None => 0,
        };
        let section = match after {
            Some(_) => self.questions[at - 1].section.clone(),
            None => self
                .questions
                .first()
                .map(|q| q.section.clone())
                .unwrap_or(section),
        };
        if !self.sections.contains(&section) {
            self.sections.push(section.clone());
        }
        let id = self.take_id();
        self.questions.insert(
            at,
            DraftQuestion {
                id,
                section,
                text: String::new(),
                subitems: Vec::new(),
                notes: Vec::new(),
                sources: Vec::new(),
                generated: None,
                edited: true,
                comments: Vec::new(),
            },
        );
        self.replace_words(id, text, notes, subitems)?;
        Ok(id)
    }

    /// Moves a question to just after `after` (taking its section), or to the
    /// start of the list.
    pub fn place_after(&mut self, id: u64, after: Option<u64>) -> Result<()> {
        if after == Some(id) {
            return Ok(());
        }
        let i = self.index_of(id)?;
        let mut q = self.questions.remove(i);
        let at = match after {
            Some(a) => match self.index_of(a) {
                Ok(j) => j + 1,
                Err(e) => {
                    self.questions.insert(i, q);
                    return Err(e);
                }
            },
            None => 0,
        };
        if let Some(n) = at
            .checked_sub(1)
            .and_then(|p| self.questions.get(p))
            .or_else(|| self.questions.get(at))
        {
            q.section = n.section.clone();
        }
        self.questions.insert(at, q);
        Ok(())
    }

    /// Removes a question's `index`-th comment (0-based).
    pub fn remove_comment(&mut self, id: u64, index: usize) -> Result<()> {
        let i = self.index_of(id)?;
        let q = &mut self.questions[i];
        if index >= q.comments.len() {
            return Err(Error::InvalidInput(format!(
                "question has no comment {}",
                index + 1
            )));
        }
        q.comments.remove(index);
        Ok(())
    }

    /// Keeps a comment with a question (not when it already has the same one).
    pub fn add_comment(&mut self, id: u64, comment: QuestionComment) -> Result<()> {
        let i = self.index_of(id)?;
        let q = &mut self.questions[i];
        if !q.comments.contains(&comment) {
            q.comments.push(comment);
        }
        Ok(())
    }

    /// Deletes a question.
    pub fn delete_question(&mut self, id: u64) -> Result<DraftQuestion> {
        let i = self.index_of(id)?;
        Ok(self.questions.remove(i))
    }

    /// Merges a question with the one printed after it (which disappears).
    pub fn merge_with_next(&mut self, id: u64) -> Result<()> {
        let i = self.index_of(id)?;
        if i + 1 >= self.questions.len() {
            return Err(Error::InvalidInput(
                "the last question has no next question to merge with".into(),
            ));
        }
        let next = self.questions.remove(i + 1);
        let q = &mut self.questions[i];
        q.text = format!("{} {}", q.text.trim_end(), next.text.trim_start());
        q.subitems.extend(next.subitems);
        relabel(&mut q.subitems);
        q.notes.extend(next.notes);
        q.comments.extend(next.comments);
        for s in next.sources {
            if !q.sources.contains(&s) {
                q.sources.push(s);
            }
        }
        q.edited = true;
        q.generated = None;
        Ok(())
    }

    /// Splits a question at a byte offset of its text (moved to the nearest
    /// character boundary); the second part, with the sub-items, becomes a new
    /// question after it. Returns the new question's id.
    pub fn split(&mut self, id: u64, at: usize) -> Result<u64> {
        let i = self.index_of(id)?;
        let text = self.questions[i].text.clone();
        let mut at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let (first, second) = text.split_at(at);
        let (first, second) = (first.trim().to_string(), second.trim().to_string());
        if first.is_empty() || second.is_empty() {
            return Err(Error::InvalidInput(
                "split a question inside its text, not at its start or end".into(),
            ));
        }
        let new_id = self.take_id();
        let q = &mut self.questions[i];
        let first_notes = first.matches(NOTE_TOKEN).count().min(q.notes.len());
        let second_notes = q.notes.split_off(first_notes);
        let subitems = std::mem::take(&mut q.subitems);
        q.text = first;
        q.edited = true;
        q.generated = None;
        let new_q = DraftQuestion {
            id: new_id,
            section: q.section.clone(),
            text: second,
            subitems,
            notes: second_notes,
            sources: q.sources.clone(),
            generated: None,
            edited: true,
            comments: Vec::new(),
        };
        self.questions.insert(i + 1, new_q);
        Ok(new_id)
    }

    /// Moves a question to position `index` (0-based) within `section`
    /// (its own section when `None`), keeping questions grouped by section.
    pub fn move_question(
        &mut self,
        id: u64,
        section: Option<Vec<String>>,
        index: usize,
    ) -> Result<()> {
        let i = self.index_of(id)?;
        let mut q = self.questions.remove(i);
        if let Some(s) = section {
            if !self.sections.contains(&s) {
                self.sections.push(s.clone());
            }
            q.section = s;
        }
        let start = self.start_of_section(&q.section);
        let end = self.end_of_section(&q.section);
        let at = (start + index).min(end);
        self.questions.insert(at, q);
        self.regroup();
        Ok(())
    }

    /// Moves a question to a position in the whole list (0-based); it takes the
    /// section of the question it lands among.
    pub fn reorder(&mut self, id: u64, to: usize) -> Result<()> {
        let i = self.index_of(id)?;
        let mut q = self.questions.remove(i);
        let to = to.min(self.questions.len());
        let neighbour = self
            .questions
            .get(to)
            .or_else(|| to.checked_sub(1).and_then(|p| self.questions.get(p)));
        if let Some(n) = neighbour {
            q.section = n.section.clone();
        }
        self.questions.insert(to, q);
        Ok(())
    }
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
        notes: Vec<draft::DraftNote>,
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
        Change::Undo => draft::write_history_step(&tx, id, false)?,
        Change::Redo => draft::write_history_step(&tx, id, true)?,
    }
    let draft = draft::load(&tx, id)?;
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
    work_out: impl FnOnce(&draft::DraftContent) -> Result<DraftOp>,
) -> Result<DraftView> {
    let lib: &Library = lib;
    let tx = rusqlite::Transaction::new_unchecked(
        lib.shared_connection(),
        rusqlite::TransactionBehavior::Immediate,
    )?;
    let op = work_out(&draft::load(&tx, id)?.content)?;
    write_edit(&tx, id, op)?;
    let view = view_of(lib, &draft::load(&tx, id)?)?;
    tx.commit()?;
    Ok(view)
}

/// Writes an edit as one undo step (typing in a question: one step per burst).
fn write_edit(conn: &rusqlite::Connection, id: i64, op: DraftOp) -> Result<()> {
    let mut draft = draft::load(conn, id)?;
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
        draft::place_section(&mut c.sections, &s, &order);
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
                .map(|t| draft::DraftNote::from_written(t, &mut previous))
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
                // As the editor's "Add a question" does by default: at the
                // end of the last section that has questions.
                None => c
                    .questions
                    .last()
                    .map(|q| q.section.clone())
                    .or_else(|| c.sections.last().cloned())
                    .unwrap_or_default(),
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
    draft::write_step(conn, id, c, typing.as_deref())
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
) -> (String, Option<draft::DraftNote>) {
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
            Some(draft::DraftNote {
                cites: vec![cited],
                text: None,
            }),
        ),
        // The sentence names the paragraph: the document's symbol follows it
        // (a bare citation names no document either, so the symbol stands too).
        CitationStyle::Inline | CitationStyle::Bare => (format!(" ({})", source.symbol), None),
    };
    let token = if note.is_some() {
        draft::NOTE_TOKEN
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
