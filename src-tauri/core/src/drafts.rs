//! Edit: a rapporteur's draft list of issues — its questions, their sources and
//! edits, stored in the library with an undo history and named versions.
//!
//! A question's text carries a [`NOTE_TOKEN`] where each footnote marker goes, so
//! that edits keep the markers where the rapporteur leaves them; the notes
//! themselves (their citations) are kept beside the text, one per token, in order.
//! Numbering, footnote numbers and "Ibid." are never stored: they are derived when
//! the draft is turned into an [`IssueList`].

use chrono::Utc;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::{
    Citation, CitationStyle, DocumentKind, IssueList, ListQuestion, NoteAnchor, StateParty,
    SubParagraph,
};

/// Marks where a footnote marker stands in a draft question's text.
pub const NOTE_TOKEN: &str = "[fn]";

/// How many undo steps are kept per draft.
pub const HISTORY_LIMIT: i64 = 300;

/// A footnote of a draft question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct DraftNote {
    #[serde(default)]
    pub cites: Vec<Citation>,
    /// Free text, for a note that is not (only) a citation.
    #[serde(default)]
    pub text: Option<String>,
}

impl DraftNote {
    /// The note as a rapporteur writes it: its own text, or its citations in full
    /// ("CMW/C/TJK/CO/2, para. 12."; "Ibid." is only decided when the list is read).
    pub fn written(&self) -> String {
        match &self.text {
            Some(t) => t.clone(),
            None => crate::model::citation_note(&self.cites, false),
        }
    }

    /// A note from what a rapporteur wrote. The citations in it are read ("Ibid."
    /// refers to `previous`, the document the note before cites, and `previous` is
    /// updated); when the words are just those citations in the standard form the
    /// note keeps only them (so "Ibid." is decided when the list is read), otherwise
    /// it keeps the words as written.
    pub fn from_written(written: &str, previous: &mut Option<String>) -> DraftNote {
        let written = normalize_spaces(written);
        let cites = crate::symbols::find_citations(&written, previous);
        let plain = |s: &str| s.trim().trim_end_matches('.').to_string();
        let standard = !cites.is_empty()
            && [false, true]
                .iter()
                .any(|ibid| plain(&crate::model::citation_note(&cites, *ibid)) == plain(&written));
        DraftNote {
            cites,
            text: (!standard).then_some(written),
        }
    }
}

/// The question as it was generated, kept for "reset to generated".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GeneratedText {
    pub text: String,
    #[serde(default)]
    pub subitems: Vec<SubParagraph>,
    #[serde(default)]
    pub notes: Vec<DraftNote>,
}

/// One question of a draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftQuestion {
    /// Stable within the draft (numbers change, ids do not).
    pub id: u64,
    pub section: Vec<String>,
    /// The text with a [`NOTE_TOKEN`] where each note's marker goes.
    pub text: String,
    #[serde(default)]
    pub subitems: Vec<SubParagraph>,
    /// One per token in `text`, in order.
    #[serde(default)]
    pub notes: Vec<DraftNote>,
    /// The recommendations this question asks about ("CMW/C/TJK/CO/2", "35 (a)").
    #[serde(default)]
    pub sources: Vec<Citation>,
    #[serde(default)]
    pub generated: Option<GeneratedText>,
    /// True once the rapporteur changed the generated wording.
    #[serde(default)]
    pub edited: bool,
    /// Comments kept with the question (e.g. a co-rapporteur's Word comments,
    /// brought in with their changes): never exported unless asked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<QuestionComment>,
}

/// A comment on a draft question: who wrote it, when, and what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionComment {
    pub author: String,
    #[serde(default)]
    pub date: Option<String>,
    pub text: String,
}

impl DraftQuestion {
    /// The text without note tokens.
    pub fn plain_text(&self) -> String {
        self.text.replace(NOTE_TOKEN, "")
    }

    /// Words of the question and its sub-items.
    pub fn word_count(&self) -> usize {
        count_words(&self.plain_text())
            + self
                .subitems
                .iter()
                .map(|s| count_words(&s.text))
                .sum::<usize>()
    }
}

fn count_words(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_alphanumeric()))
        .count()
}

/// Everything about a draft that edits change and versions keep.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftContent {
    pub title: String,
    pub symbol: String,
    pub kind: DocumentKind,
    pub style: CitationStyle,
    #[serde(default)]
    pub intro: Vec<String>,
    /// The section paths in the order they print; questions are kept grouped in this order.
    pub sections: Vec<Vec<String>>,
    pub questions: Vec<DraftQuestion>,
    pub next_id: u64,
}

/// The figures shown while editing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub questions: usize,
    pub words: usize,
    /// The committee's limit on questions, when it has one.
    pub limit: Option<usize>,
    /// A warning to show, e.g. when the list is over the limit.
    pub warning: Option<String>,
}

impl DraftContent {
    /// A draft holding the questions of a generated list, each with the sources it was generated from.
    pub fn from_issue_list(
        list: &IssueList,
        style: CitationStyle,
        sources: &[Vec<Citation>],
    ) -> Self {
        let mut content = DraftContent {
            title: list.title.clone().unwrap_or_default(),
            symbol: list.symbol.clone().unwrap_or_default(),
            kind: list.kind,
            style,
            intro: list.intro.clone(),
            sections: Vec::new(),
            questions: Vec::new(),
            next_id: 1,
        };
        for (i, q) in list.questions.iter().enumerate() {
            let section = crate::profile::unlabelled(&q.section);
            if !content.sections.contains(&section) {
                content.sections.push(section.clone());
            }
            let text = insert_tokens(&q.text, &q.notes);
            let notes: Vec<DraftNote> = q
                .notes
                .iter()
                .map(|n| DraftNote {
                    cites: n.cites.clone(),
                    text: n.text.clone(),
                })
                .collect();
            let id = content.take_id();
            content.questions.push(DraftQuestion {
                id,
                section,
                text: text.clone(),
                subitems: q.subitems.clone(),
                notes: notes.clone(),
                sources: sources
                    .get(i)
                    .cloned()
                    .unwrap_or_else(|| question_citations(q)),
                generated: Some(GeneratedText {
                    text,
                    subitems: q.subitems.clone(),
                    notes,
                }),
                edited: false,
                comments: Vec::new(),
            });
        }
        content
    }

    fn take_id(&mut self) -> u64 {
        let id = self.next_id.max(1);
        self.next_id = id + 1;
        id
    }

    fn index_of(&self, id: u64) -> Result<usize> {
        self.questions
            .iter()
            .position(|q| q.id == id)
            .ok_or_else(|| Error::NotFound(format!("question {id} of this draft")))
    }

    /// The question with this id.
    pub fn question(&self, id: u64) -> Result<&DraftQuestion> {
        Ok(&self.questions[self.index_of(id)?])
    }

    /// The id of the question printed with this number (1-based).
    pub fn id_of_number(&self, number: usize) -> Result<u64> {
        number
            .checked_sub(1)
            .and_then(|i| self.questions.get(i))
            .map(|q| q.id)
            .ok_or_else(|| Error::NotFound(format!("question {number}")))
    }

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

    /// The document the last footnote before question `id` cites (what an "Ibid."
    /// in its first note refers to).
    pub fn cited_before(&self, id: u64) -> Result<Option<String>> {
        let i = self.index_of(id)?;
        Ok(self.questions[..i]
            .iter()
            .flat_map(|q| q.notes.iter())
            .filter_map(|n| n.cites.last())
            .map(|c| c.symbol.clone())
            .next_back())
    }

    /// Keeps section paths without their labels ("II.", "A."): labels depend on
    /// which sections a list uses and are given when it is read. (Drafts saved
    /// before labels were given at reading have them in their paths.)
    fn unlabel_sections(&mut self) {
        let mut sections: Vec<Vec<String>> = Vec::with_capacity(self.sections.len());
        for s in &self.sections {
            let s = crate::profile::unlabelled(s);
            if !sections.contains(&s) {
                sections.push(s);
            }
        }
        self.sections = sections;
        for q in &mut self.questions {
            q.section = crate::profile::unlabelled(&q.section);
        }
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

    fn start_of_section(&self, section: &[String]) -> usize {
        let order = self.section_rank(section);
        self.questions
            .iter()
            .position(|q| self.section_rank(&q.section) >= order)
            .unwrap_or(self.questions.len())
    }

    fn end_of_section(&self, section: &[String]) -> usize {
        let order = self.section_rank(section);
        self.questions
            .iter()
            .position(|q| self.section_rank(&q.section) > order)
            .unwrap_or(self.questions.len())
    }

    fn section_rank(&self, section: &[String]) -> usize {
        self.sections
            .iter()
            .position(|s| s.as_slice() == section)
            .unwrap_or(self.sections.len())
    }

    /// Keeps questions grouped by section in section order (stable within a section).
    fn regroup(&mut self) {
        let sections = self.sections.clone();
        let rank = |s: &Vec<String>| {
            sections
                .iter()
                .position(|x| x == s)
                .unwrap_or(sections.len())
        };
        self.questions.sort_by_key(|q| rank(&q.section));
    }

    /// Question and word counts, with a warning past `limit`.
    pub fn counts(&self, limit: Option<usize>) -> Counts {
        let questions = self.questions.len();
        let words = self
            .questions
            .iter()
            .map(DraftQuestion::word_count)
            .sum::<usize>()
            + self.intro.iter().map(|p| count_words(p)).sum::<usize>();
        let warning = limit
            .filter(|l| questions > *l)
            .map(|l| format!("{questions} questions: over the committee's limit of {l}"));
        Counts {
            questions,
            words,
            limit,
            warning,
        }
    }

    /// The draft as a list of issues: numbered, notes anchored where the tokens stand.
    pub fn to_issue_list(&self, committee: &str, state: &StateParty) -> IssueList {
        let used: Vec<Vec<String>> = self.questions.iter().map(|q| q.section.clone()).collect();
        let labels = crate::profile::label_sections(&used);
        let questions = self
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let (text, offsets) = strip_tokens(&q.text);
                let notes: Vec<NoteAnchor> = q
                    .notes
                    .iter()
                    .zip(offsets)
                    .map(|(n, offset)| NoteAnchor {
                        offset,
                        cites: n.cites.clone(),
                        text: n.text.clone(),
                    })
                    .collect();
                let mut cites: Vec<Citation> = Vec::new();
                for c in notes
                    .iter()
                    .flat_map(|n| n.cites.iter())
                    .chain(q.sources.iter())
                {
                    if !cites.contains(c) {
                        cites.push(c.clone());
                    }
                }
                ListQuestion {
                    number: (i + 1) as u32,
                    section: labels
                        .get(&q.section)
                        .cloned()
                        .unwrap_or_else(|| q.section.clone()),
                    text,
                    subitems: q.subitems.clone(),
                    notes,
                    cites,
                }
            })
            .collect();
        IssueList {
            committee: Some(committee.to_string()),
            symbol: Some(self.symbol.clone()).filter(|s| !s.is_empty()),
            title: Some(self.title.clone()).filter(|s| !s.is_empty()),
            state: Some(state.clone()),
            kind: self.kind,
            date: None,
            language: Some("en".into()),
            intro: self.intro.clone(),
            questions,
        }
    }
}

/// The coverage of a draft: which prior recommendations it asks about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coverage {
    pub covered: Vec<CoverageItem>,
    pub not_covered: Vec<CoverageItem>,
}

/// A recommendation in the coverage report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoverageItem {
    pub symbol: String,
    pub paragraph: String,
    pub follow_up: bool,
    /// Whether the State party's later report, in the library, says nothing on it.
    #[serde(default)]
    pub report_silent: bool,
    /// Numbers of the questions that ask about it.
    pub questions: Vec<u32>,
}

/// A recommendation the coverage is measured against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverageTarget {
    pub symbol: String,
    pub paragraph: String,
    pub follow_up: bool,
    /// The State party's later report says nothing on it.
    pub report_silent: bool,
}

/// Which of `targets` the draft asks about (a question citing "35 (a)" covers
/// paragraph 35), and which it leaves out. Of those left out, the ones the
/// State party's report says nothing on come first (the questions a rapporteur
/// most needs), then those under follow-up, so they are never silently dropped.
pub fn coverage(content: &DraftContent, targets: &[CoverageTarget]) -> Coverage {
    let mut covered = Vec::new();
    let mut not_covered = Vec::new();
    for t in targets {
        let questions: Vec<u32> = content
            .questions
            .iter()
            .enumerate()
            .filter(|(_, q)| {
                q.sources
                    .iter()
                    .chain(q.notes.iter().flat_map(|n| n.cites.iter()))
                    .any(|c| {
                        c.symbol == t.symbol
                            && c.paragraph.as_deref().is_some_and(|p| {
                                p == t.paragraph
                                    || p.split(' ').next() == Some(t.paragraph.as_str())
                            })
                    })
            })
            .map(|(i, _)| (i + 1) as u32)
            .collect();
        let item = CoverageItem {
            symbol: t.symbol.clone(),
            paragraph: t.paragraph.clone(),
            follow_up: t.follow_up,
            report_silent: t.report_silent,
            questions,
        };
        if item.questions.is_empty() {
            not_covered.push(item);
        } else {
            covered.push(item);
        }
    }
    not_covered.sort_by_key(|i| (!i.report_silent, !i.follow_up));
    Coverage {
        covered,
        not_covered,
    }
}

/// Everything a list question cites: its own citations, else its notes'.
fn question_citations(q: &ListQuestion) -> Vec<Citation> {
    let mut out: Vec<Citation> = Vec::new();
    for c in q
        .cites
        .iter()
        .chain(q.notes.iter().flat_map(|n| n.cites.iter()))
    {
        if !out.contains(c) {
            out.push(c.clone());
        }
    }
    out
}

fn normalize_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Inserts a token at each note's offset (offsets are into `text`).
fn insert_tokens(text: &str, notes: &[NoteAnchor]) -> String {
    let mut offsets: Vec<usize> = notes.iter().map(|n| n.offset.min(text.len())).collect();
    offsets.sort_unstable();
    let mut out = String::with_capacity(text.len() + notes.len() * NOTE_TOKEN.len());
    let mut last = 0;
    for mut o in offsets {
        while !text.is_char_boundary(o) {
            o -= 1;
        }
        out.push_str(&text[last..o]);
        out.push_str(NOTE_TOKEN);
        last = o;
    }
    out.push_str(&text[last..]);
    out
}

/// Makes `path` one of `sections`, placed as it comes in `order` (the committee's
/// sections in print order); a section `order` does not know goes last. Nothing
/// changes when `sections` has it already.
pub fn place_section(sections: &mut Vec<Vec<String>>, path: &[String], order: &[Vec<String>]) {
    if path.is_empty() || sections.iter().any(|s| s == path) {
        return;
    }
    let rank = |s: &[String]| order.iter().position(|o| o == s);
    let at = match rank(path) {
        Some(r) => sections
            .iter()
            .position(|s| rank(s).is_none_or(|x| x > r))
            .unwrap_or(sections.len()),
        None => sections.len(),
    };
    sections.insert(at, path.to_vec());
}

/// Removes the tokens, returning the text and the byte offset of each in the result.
fn strip_tokens(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut offsets = Vec::new();
    let mut rest = text;
    while let Some(p) = rest.find(NOTE_TOKEN) {
        out.push_str(&rest[..p]);
        offsets.push(out.len());
        rest = &rest[p + NOTE_TOKEN.len()..];
    }
    out.push_str(rest);
    (out, offsets)
}

fn keep_first_tokens(text: &str, keep: usize) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut seen = 0;
    while let Some(p) = rest.find(NOTE_TOKEN) {
        out.push_str(&rest[..p]);
        if seen < keep {
            out.push_str(NOTE_TOKEN);
        }
        seen += 1;
        rest = &rest[p + NOTE_TOKEN.len()..];
    }
    out.push_str(rest);
    out
}

/// Adds a token after the first comma, else at the end of the first sentence, else at the end.
fn add_token(text: &str) -> String {
    let after_last_token = text
        .rfind(NOTE_TOKEN)
        .map(|p| p + NOTE_TOKEN.len())
        .unwrap_or(0);
    let tail = &text[after_last_token..];
    let pos = tail
        .find(", ")
        .map(|p| p + 1)
        .or_else(|| tail.find(". ").map(|p| p + 1))
        .map(|p| after_last_token + p)
        .unwrap_or(text.len());
    format!("{}{}{}", &text[..pos], NOTE_TOKEN, &text[pos..])
}

fn relabel(subitems: &mut [SubParagraph]) {
    for (i, s) in subitems.iter_mut().enumerate() {
        if let Some(c) = char::from_u32('a' as u32 + i as u32).filter(|_| i < 26) {
            s.label = c.to_string();
        }
    }
}

// ---------------------------------------------------------------------------
// Storage

/// A stored draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub id: i64,
    /// The draft's global id (a UUID), written into every file exported for it.
    pub uid: String,
    pub state: StateParty,
    pub committee: String,
    pub cycle: u32,
    /// The concluding observations it was drafted from.
    pub source_symbol: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub content: DraftContent,
    /// Whether undo / redo have something to do.
    pub can_undo: bool,
    pub can_redo: bool,
}

impl Draft {
    pub fn to_issue_list(&self) -> IssueList {
        self.content.to_issue_list(&self.committee, &self.state)
    }
}

/// A line of the list of drafts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftSummary {
    pub id: i64,
    pub state: StateParty,
    pub symbol: String,
    pub title: String,
    pub kind: DocumentKind,
    pub questions: usize,
    pub updated_at: String,
}

/// A named version of a draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftVersion {
    pub id: i64,
    /// The version's global id (a UUID), written into the files sent from it.
    pub uid: String,
    pub draft_id: i64,
    pub name: String,
    pub created_at: String,
    pub questions: usize,
}

fn now() -> String {
    Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

fn to_json(content: &DraftContent) -> Result<String> {
    Ok(serde_json::to_string(content)?)
}

fn from_json(s: &str) -> Result<DraftContent> {
    let mut content: DraftContent = serde_json::from_str(s)?;
    content.unlabel_sections();
    Ok(content)
}

/// Stores a new draft and returns it.
pub fn create(
    conn: &mut Connection,
    state: &StateParty,
    committee: &str,
    cycle: u32,
    source_symbol: Option<&str>,
    content: &DraftContent,
) -> Result<Draft> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let id = write_new(&tx, state, committee, cycle, source_symbol, content)?;
    tx.commit()?;
    load(conn, id)
}

/// Stores a new draft inside the caller's transaction; returns its id.
pub fn write_new(
    conn: &Connection,
    state: &StateParty,
    committee: &str,
    cycle: u32,
    source_symbol: Option<&str>,
    content: &DraftContent,
) -> Result<i64> {
    let json = to_json(content)?;
    let t = now();
    conn.execute(
        "INSERT INTO drafts (state_code, state_name, committee, cycle, source_symbol, created_at, updated_at, content, history_pos, uid)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7, 0, ?8)",
        params![state.code, state.name, committee, cycle, source_symbol, t, json, new_uid()],
    )?;
    let id = conn.last_insert_rowid();
    conn.execute(
        "INSERT INTO draft_history (draft_id, seq, content) VALUES (?1, 0, ?2)",
        params![id, json],
    )?;
    Ok(id)
}

/// Loads a draft.
pub fn load(conn: &Connection, id: i64) -> Result<Draft> {
    let row = conn
        .query_row(
            "SELECT id, state_code, state_name, committee, cycle, source_symbol, created_at, updated_at, content, history_pos,
                    (SELECT MAX(seq) FROM draft_history h WHERE h.draft_id = drafts.id), uid
             FROM drafts WHERE id = ?1",
            params![id],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, u32>(4)?,
                    r.get::<_, Option<String>>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, String>(7)?,
                    r.get::<_, String>(8)?,
                    r.get::<_, i64>(9)?,
                    r.get::<_, Option<i64>>(10)?,
                    r.get::<_, Option<String>>(11)?,
                ))
            },
        )
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("draft {id}")))?;
    let (
        id,
        code,
        name,
        committee,
        cycle,
        source_symbol,
        created_at,
        updated_at,
        content,
        pos,
        max_seq,
        uid,
    ) = row;
    let min_seq: Option<i64> = conn.query_row(
        "SELECT MIN(seq) FROM draft_history WHERE draft_id = ?1",
        params![id],
        |r| r.get(0),
    )?;
    Ok(Draft {
        id,
        uid: uid.unwrap_or_default(),
        state: StateParty { code, name },
        committee,
        cycle,
        source_symbol,
        created_at,
        updated_at,
        content: from_json(&content)?,
        can_undo: min_seq.is_some_and(|m| pos > m),
        can_redo: max_seq.is_some_and(|m| pos < m),
    })
}

/// Saves a new state of a draft in one transaction: it becomes the current
/// content and a new undo step (any redo steps are dropped).
pub fn save(conn: &mut Connection, id: i64, content: &DraftContent) -> Result<Draft> {
    save_step(conn, id, content, None)
}

/// How long typing in one question keeps extending the same undo step.
pub const TYPING_PAUSE_MS: i64 = 2000;

/// Saves as [`save`] does, but a save of the same `key` (e.g. the question being
/// typed in) within [`TYPING_PAUSE_MS`] of the previous one replaces that undo step
/// instead of adding one: the editor can save after every keystroke (so a crash
/// loses at most the last one) while undo still goes back a whole burst of typing.
pub fn save_typing(
    conn: &mut Connection,
    id: i64,
    content: &DraftContent,
    key: &str,
) -> Result<Draft> {
    save_step(conn, id, content, Some(key))
}

fn save_step(
    conn: &mut Connection,
    id: i64,
    content: &DraftContent,
    key: Option<&str>,
) -> Result<Draft> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    write_step(&tx, id, content, key)?;
    tx.commit()?;
    load(conn, id)
}

/// Writes a new state of a draft as [`save_typing`] does (`key`) or [`save`] does
/// (no key), inside the caller's transaction.
pub fn write_step(
    conn: &Connection,
    id: i64,
    content: &DraftContent,
    key: Option<&str>,
) -> Result<()> {
    let (pos, current, last_key, last_at): (i64, String, Option<String>, Option<i64>) = conn
        .query_row(
            "SELECT history_pos, content, typing_key, typing_at FROM drafts WHERE id = ?1",
            params![id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("draft {id}")))?;
    let json = to_json(content)?;
    if current == json {
        return Ok(());
    }
    let now_ms = Utc::now().timestamp_millis();
    let same_burst = key.is_some()
        && last_key.as_deref() == key
        && last_at.is_some_and(|t| now_ms - t < TYPING_PAUSE_MS)
        && pos > 0;
    if same_burst {
        conn.execute(
            "UPDATE draft_history SET content = ?3 WHERE draft_id = ?1 AND seq = ?2",
            params![id, pos, json],
        )?;
        conn.execute(
            "UPDATE drafts SET content = ?2, updated_at = ?3, typing_at = ?4 WHERE id = ?1",
            params![id, json, now(), now_ms],
        )?;
    } else {
        conn.execute(
            "DELETE FROM draft_history WHERE draft_id = ?1 AND seq > ?2",
            params![id, pos],
        )?;
        conn.execute(
            "INSERT INTO draft_history (draft_id, seq, content) VALUES (?1, ?2, ?3)",
            params![id, pos + 1, json],
        )?;
        conn.execute(
            "DELETE FROM draft_history WHERE draft_id = ?1 AND seq <= ?2",
            params![id, pos + 1 - HISTORY_LIMIT],
        )?;
        conn.execute(
            "UPDATE drafts SET content = ?2, history_pos = ?3, updated_at = ?4, typing_key = ?5, typing_at = ?6 WHERE id = ?1",
            params![id, json, pos + 1, now(), key, key.map(|_| now_ms)],
        )?;
    }
    Ok(())
}

/// Applies an edit to the stored draft and saves the result as one undo step;
/// the draft is read inside the same `BEGIN IMMEDIATE` transaction, so an edit
/// made meanwhile by another process is never overwritten.
pub fn update<F>(conn: &mut Connection, id: i64, edit: F) -> Result<Draft>
where
    F: FnOnce(&mut DraftContent) -> Result<()>,
{
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let mut draft = load(&tx, id)?;
    edit(&mut draft.content)?;
    write_step(&tx, id, &draft.content, None)?;
    tx.commit()?;
    load(conn, id)
}

fn step(conn: &mut Connection, id: i64, forward: bool) -> Result<Draft> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    write_history_step(&tx, id, forward)?;
    tx.commit()?;
    load(conn, id)
}

/// Moves a draft one step back (or `forward`) in its undo history, inside the
/// caller's transaction.
pub fn write_history_step(conn: &Connection, id: i64, forward: bool) -> Result<()> {
    let pos: i64 = conn
        .query_row(
            "SELECT history_pos FROM drafts WHERE id = ?1",
            params![id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("draft {id}")))?;
    let target: Option<(i64, String)> = if forward {
        conn.query_row(
            "SELECT seq, content FROM draft_history WHERE draft_id = ?1 AND seq > ?2 ORDER BY seq LIMIT 1",
            params![id, pos],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
    } else {
        conn.query_row(
            "SELECT seq, content FROM draft_history WHERE draft_id = ?1 AND seq < ?2 ORDER BY seq DESC LIMIT 1",
            params![id, pos],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
    };
    let Some((seq, content)) = target else {
        return Err(Error::InvalidInput(
            if forward {
                "nothing to redo"
            } else {
                "nothing to undo"
            }
            .into(),
        ));
    };
    conn.execute(
        "UPDATE drafts SET content = ?2, history_pos = ?3, updated_at = ?4, typing_key = NULL WHERE id = ?1",
        params![id, content, seq, now()],
    )?;
    Ok(())
}

/// Goes back one edit.
pub fn undo(conn: &mut Connection, id: i64) -> Result<Draft> {
    step(conn, id, false)
}

/// Goes forward one undone edit.
pub fn redo(conn: &mut Connection, id: i64) -> Result<Draft> {
    step(conn, id, true)
}

/// Lists the drafts, most recently changed first (optionally of one State party).
pub fn list(conn: &Connection, state: Option<&str>) -> Result<Vec<DraftSummary>> {
    let mut stmt = conn.prepare(
        "SELECT id, state_code, state_name, content, updated_at FROM drafts
         WHERE ?1 IS NULL OR state_code = ?1 ORDER BY updated_at DESC, id DESC",
    )?;
    let rows = stmt.query_map(params![state.map(|s| s.to_ascii_uppercase())], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, code, name, content, updated_at) = row?;
        let c = from_json(&content)?;
        out.push(DraftSummary {
            id,
            state: StateParty { code, name },
            symbol: c.symbol,
            title: c.title,
            kind: c.kind,
            questions: c.questions.len(),
            updated_at,
        });
    }
    Ok(out)
}

/// Deletes a draft with its history and versions.
pub fn delete(conn: &mut Connection, id: i64) -> Result<()> {
    let n = conn.execute("DELETE FROM drafts WHERE id = ?1", params![id])?;
    if n == 0 {
        return Err(Error::NotFound(format!("draft {id}")));
    }
    Ok(())
}

/// Takes a named snapshot of the current state.
pub fn save_version(conn: &mut Connection, id: i64, name: &str) -> Result<DraftVersion> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let v = write_version(&tx, id, name)?;
    tx.commit()?;
    Ok(v)
}

/// Takes a named snapshot of the current state inside the caller's transaction.
pub fn write_version(conn: &Connection, id: i64, name: &str) -> Result<DraftVersion> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::InvalidInput("a version needs a name".into()));
    }
    let content: String = conn
        .query_row(
            "SELECT content FROM drafts WHERE id = ?1",
            params![id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("draft {id}")))?;
    let t = now();
    let uid = new_uid();
    conn.execute(
        "INSERT INTO draft_versions (draft_id, name, created_at, content, uid) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, name, t, content, uid],
    )?;
    let vid = conn.last_insert_rowid();
    Ok(DraftVersion {
        id: vid,
        uid,
        draft_id: id,
        name: name.to_string(),
        created_at: t,
        questions: from_json(&content)?.questions.len(),
    })
}

/// A new global id.
pub fn new_uid() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Gives every draft and version stored before global ids existed one
/// (the step after migration 7, in its transaction).
pub fn give_uids(conn: &Connection) -> Result<()> {
    for table in ["drafts", "draft_versions"] {
        let ids: Vec<i64> = conn
            .prepare(&format!("SELECT id FROM {table} WHERE uid IS NULL"))?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for id in ids {
            conn.execute(
                &format!("UPDATE {table} SET uid = ?2 WHERE id = ?1"),
                params![id, new_uid()],
            )?;
        }
    }
    conn.execute_batch(
        "CREATE UNIQUE INDEX drafts_by_uid ON drafts(uid);
         CREATE UNIQUE INDEX draft_versions_by_uid ON draft_versions(uid);",
    )?;
    Ok(())
}

/// The draft with this global id, if the library has it.
pub fn find_by_uid(conn: &Connection, uid: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row("SELECT id FROM drafts WHERE uid = ?1", params![uid], |r| {
            r.get(0)
        })
        .optional()?)
}

/// The version of draft `id` with this global id, if it has it.
pub fn version_by_uid(conn: &Connection, id: i64, uid: &str) -> Result<Option<DraftVersion>> {
    Ok(versions(conn, id)?.into_iter().find(|v| v.uid == uid))
}

/// The named versions of a draft, oldest first.
pub fn versions(conn: &Connection, id: i64) -> Result<Vec<DraftVersion>> {
    let mut stmt = conn.prepare(
        "SELECT id, name, created_at, content, uid FROM draft_versions WHERE draft_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map(params![id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, Option<String>>(4)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (vid, name, created_at, content, uid) = row?;
        out.push(DraftVersion {
            id: vid,
            uid: uid.unwrap_or_default(),
            draft_id: id,
            name,
            created_at,
            questions: from_json(&content)?.questions.len(),
        });
    }
    Ok(out)
}

/// The content of a named version.
pub fn version_content(conn: &Connection, id: i64, version: i64) -> Result<DraftContent> {
    let s: String = conn
        .query_row(
            "SELECT content FROM draft_versions WHERE draft_id = ?1 AND id = ?2",
            params![id, version],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("version {version} of draft {id}")))?;
    from_json(&s)
}

/// Restores a version as the new current state. Nothing is lost: the state
/// before the restore stays one undo step away and every version is kept.
pub fn restore(conn: &mut Connection, id: i64, version: i64) -> Result<Draft> {
    let content = version_content(conn, id, version)?;
    save(conn, id, &content)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample_list() -> IssueList {
        let q = |n: u32, section: &str, text: &str, para: &str| ListQuestion {
            number: n,
            section: vec![section.to_string()],
            text: text.to_string(),
            subitems: vec![],
            notes: vec![NoteAnchor {
                offset: text.find(',').map(|p| p + 1).unwrap_or(text.len()),
                cites: vec![Citation {
                    symbol: "CMW/C/TJK/CO/2".into(),
                    paragraph: Some(para.into()),
                }],
                text: None,
            }],
            cites: vec![],
        };
        IssueList {
            symbol: Some("CMW/C/TJK/QPR/3".into()),
            title: Some("List of issues prior to submission of the third periodic report of Tajikistan".into()),
            kind: DocumentKind::ListOfIssuesPriorToReporting,
            questions: vec![
                q(1, "I. General information", "In the light of the recommendation, please clarify whether the bill has been adopted.", "12"),
                q(2, "I. General information", "In the light of the recommendation, please indicate whether the State party intends to make the declarations.", "13"),
                q(3, "II. Articles", "In the light of the recommendation, please provide information on the steps taken to facilitate transfers.", "43"),
            ],
            ..Default::default()
        }
    }

    fn content() -> DraftContent {
        DraftContent::from_issue_list(&sample_list(), CitationStyle::Footnote, &[])
    }

    fn tj() -> StateParty {
        StateParty {
            code: "TJK".into(),
            name: "Tajikistan".into(),
        }
    }

    #[test]
    fn keeps_notes_where_the_tokens_stand() {
        let c = content();
        assert!(c.questions[0]
            .text
            .starts_with("In the light of the recommendation,[fn] please"));
        let l = c.to_issue_list("CMW", &tj());
        assert_eq!(l.questions[0].text, sample_list().questions[0].text);
        assert_eq!(
            l.questions[0].notes[0].offset,
            sample_list().questions[0].notes[0].offset
        );
        let notes = l.footnotes();
        assert_eq!(notes[0].1, "CMW/C/TJK/CO/2, para. 12.");
        assert_eq!(notes[1].1, "Ibid., para. 13.");
    }

    #[test]
    fn editing_marks_the_question_edited_and_reset_restores_it() {
        let mut c = content();
        let id = c.questions[1].id;
        c.edit_text(
            id,
            "Please indicate,[fn] whether the declarations will be made.",
        )
        .unwrap();
        assert!(c.questions[1].edited);
        assert_eq!(c.questions[1].notes.len(), 1);
        c.edit_text(id, "No marker left.").unwrap();
        assert!(c.questions[1].notes.is_empty());
        c.reset_to_generated(id).unwrap();
        assert!(!c.questions[1].edited);
        assert_eq!(c.questions[1].notes.len(), 1);
    }

    #[test]
    fn numbering_and_ibid_follow_reordering() {
        let mut c = content();
        let third = c.questions[2].id;
        c.reorder(third, 0).unwrap();
        let l = c.to_issue_list("CMW", &tj());
        assert_eq!(l.questions[0].number, 1);
        assert!(l.questions[0].text.contains("transfers"));
        assert_eq!(
            l.questions[0].section,
            vec!["I. General information".to_string()]
        );
        let notes = l.footnotes();
        assert_eq!(notes[0].1, "CMW/C/TJK/CO/2, para. 43.");
        assert_eq!(notes[1].1, "Ibid., para. 12.");
    }

    #[test]
    fn add_delete_merge_split_and_move() {
        let mut c = content();
        let first = c.questions[0].id;
        let added = c
            .add_question(
                vec!["Articles".into()],
                None,
                "Please describe the remittance fees.",
            )
            .unwrap();
        assert_eq!(c.questions.last().unwrap().id, added);
        c.merge_with_next(first).unwrap();
        assert_eq!(c.questions.len(), 3);
        assert_eq!(c.questions[0].notes.len(), 2);
        assert_eq!(c.questions[0].sources.len(), 2);
        let at = c.questions[0].text.find(" In the light").unwrap();
        let new_id = c.split(first, at).unwrap();
        assert_eq!(c.questions.len(), 4);
        assert_eq!(c.questions[1].id, new_id);
        assert_eq!(c.questions[0].notes.len(), 1);
        assert_eq!(c.questions[1].notes.len(), 1);
        c.move_question(new_id, Some(vec!["Articles".into()]), 0)
            .unwrap();
        assert_eq!(c.questions[1].section, vec!["Articles".to_string()]);
        assert_eq!(c.questions[1].id, new_id);
        c.delete_question(added).unwrap();
        assert_eq!(c.questions.len(), 3);
        assert!(c.merge_with_next(c.questions[2].id).is_err());
        assert!(c.split(first, 0).is_err());
    }

    #[test]
    fn counts_warn_past_the_limit() {
        let c = content();
        let counts = c.counts(Some(2));
        assert_eq!(counts.questions, 3);
        assert!(counts.words > 20);
        assert!(counts.warning.is_some());
        assert!(c.counts(Some(30)).warning.is_none());
    }

    #[test]
    fn coverage_lists_follow_up_recommendations_left_out_first() {
        let c = content();
        let t = |p: &str, f: bool| CoverageTarget {
            symbol: "CMW/C/TJK/CO/2".into(),
            paragraph: p.into(),
            follow_up: f,
            report_silent: false,
        };
        let cov = coverage(
            &c,
            &[t("12", true), t("35", false), t("47", true), t("43", false)],
        );
        assert_eq!(cov.covered.len(), 2);
        assert_eq!(cov.not_covered[0].paragraph, "47");
        assert!(cov.not_covered[0].follow_up);
        // One the report says nothing on comes before them.
        let silent = CoverageTarget {
            report_silent: true,
            ..t("57", false)
        };
        let cov = coverage(&c, &[t("12", true), t("47", true), silent]);
        assert_eq!(cov.not_covered[0].paragraph, "57");
        assert!(cov.not_covered[0].report_silent);
        assert_eq!(cov.not_covered[1].paragraph, "47");
    }

    fn db() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("PRAGMA foreign_keys = ON;").unwrap();
        conn.execute_batch(include_str!("library/migrations/002_drafts.sql"))
            .unwrap();
        conn.execute_batch(include_str!("library/migrations/003_typing.sql"))
            .unwrap();
        conn.execute_batch(include_str!("library/migrations/007_draft_exchange.sql"))
            .unwrap();
        give_uids(&conn).unwrap();
        conn
    }

    #[test]
    fn typing_is_saved_at_every_keystroke_and_undone_as_one_step() {
        let mut conn = db();
        let d = create(&mut conn, &tj(), "CMW", 3, None, &content()).unwrap();
        let q = d.content.questions[0].id;
        let mut c = d.content.clone();
        for text in ["P", "Pl", "Please", "Please describe."] {
            c.edit_text(q, text).unwrap();
            let saved = save_typing(&mut conn, d.id, &c, &format!("q{q}")).unwrap();
            assert_eq!(saved.content.questions[0].text, text, "saved at once");
        }
        let back = undo(&mut conn, d.id).unwrap();
        assert_ne!(
            back.content.questions[0].text, "P",
            "one undo step for the whole burst"
        );
        assert_eq!(back.content.questions[0].text, content().questions[0].text);
        let again = redo(&mut conn, d.id).unwrap();
        assert_eq!(again.content.questions[0].text, "Please describe.");
        // Typing in another question is another step.
        let q2 = d.content.questions[1].id;
        let mut c = again.content.clone();
        c.edit_text(q2, "Other.").unwrap();
        save_typing(&mut conn, d.id, &c, &format!("q{q2}")).unwrap();
        let back = undo(&mut conn, d.id).unwrap();
        assert_eq!(back.content.questions[0].text, "Please describe.");
    }

    #[test]
    fn saves_undoes_redoes_and_restores_versions() {
        let mut conn = db();
        let d = create(
            &mut conn,
            &tj(),
            "CMW",
            3,
            Some("CMW/C/TJK/CO/2"),
            &content(),
        )
        .unwrap();
        assert!(!d.can_undo);
        let id = d.id;
        let v1 = save_version(&mut conn, id, "Sent to co-rapporteur").unwrap();
        let q1 = d.content.questions[0].id;
        let d = update(&mut conn, id, |c| c.edit_text(q1, "Edited text.")).unwrap();
        assert!(d.can_undo);
        assert_eq!(d.content.questions[0].text, "Edited text.");
        let d = undo(&mut conn, id).unwrap();
        assert_ne!(d.content.questions[0].text, "Edited text.");
        assert!(d.can_redo);
        let d = redo(&mut conn, id).unwrap();
        assert_eq!(d.content.questions[0].text, "Edited text.");
        let d = update(&mut conn, id, |c| c.delete_question(q1).map(|_| ())).unwrap();
        assert_eq!(d.content.questions.len(), 2);
        let d = restore(&mut conn, id, v1.id).unwrap();
        assert_eq!(d.content.questions.len(), 3);
        // The state before the restore is one undo away; versions are all kept.
        let d = undo(&mut conn, id).unwrap();
        assert_eq!(d.content.questions.len(), 2);
        assert_eq!(versions(&conn, id).unwrap().len(), 1);
        assert!(matches!(undo(&mut conn, 9999), Err(Error::NotFound(_))));
        assert_eq!(list(&conn, Some("tjk")).unwrap().len(), 1);
        delete(&mut conn, id).unwrap();
        assert!(list(&conn, None).unwrap().is_empty());
    }
}
