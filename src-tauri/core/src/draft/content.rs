//! A draft's content: its questions, their footnotes (a [`NOTE_TOKEN`] in the
//! text where each marker goes, the note beside it), sub-items, sources,
//! comments and sections, and the draft as a list of issues.
//!
//! A question's text carries a [`NOTE_TOKEN`] where each footnote marker goes, so
//! that edits keep the markers where the rapporteur leaves them; the notes
//! themselves (their citations) are kept beside the text, one per token, in order.
//! Numbering, footnote numbers and "Ibid." are never stored: they are derived when
//! the draft is turned into an [`IssueList`].

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::{
    Citation, CitationStyle, DocumentKind, IssueList, ListQuestion, NoteAnchor, StateParty,
    SubParagraph,
};

/// Marks where a footnote marker stands in a draft question's text.
pub const NOTE_TOKEN: &str = "[fn]";

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

pub(crate) fn count_words(s: &str) -> usize {
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

    pub(crate) fn take_id(&mut self) -> u64 {
        let id = self.next_id.max(1);
        self.next_id = id + 1;
        id
    }

    pub(crate) fn index_of(&self, id: u64) -> Result<usize> {
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
    pub(crate) fn unlabel_sections(&mut self) {
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

    pub(crate) fn start_of_section(&self, section: &[String]) -> usize {
        let order = self.section_rank(section);
        self.questions
            .iter()
            .position(|q| self.section_rank(&q.section) >= order)
            .unwrap_or(self.questions.len())
    }

    pub(crate) fn end_of_section(&self, section: &[String]) -> usize {
        let order = self.section_rank(section);
        self.questions
            .iter()
            .position(|q| self.section_rank(&q.section) > order)
            .unwrap_or(self.questions.len())
    }

    pub(crate) fn section_rank(&self, section: &[String]) -> usize {
        self.sections
            .iter()
            .position(|s| s.as_slice() == section)
            .unwrap_or(self.sections.len())
    }

    /// Keeps questions grouped by section in section order (stable within a section).
    pub(crate) fn regroup(&mut self) {
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

/// Everything a list question cites: its own citations, else its notes'.
pub(crate) fn question_citations(q: &ListQuestion) -> Vec<Citation> {
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

pub(crate) fn normalize_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Inserts a token at each note's offset (offsets are into `text`).
pub(crate) fn insert_tokens(text: &str, notes: &[NoteAnchor]) -> String {
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
pub(crate) fn strip_tokens(text: &str) -> (String, Vec<usize>) {
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

pub(crate) fn keep_first_tokens(text: &str, keep: usize) -> String {
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
pub(crate) fn add_token(text: &str) -> String {
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

pub(crate) fn relabel(subitems: &mut [SubParagraph]) {
    for (i, s) in subitems.iter_mut().enumerate() {
        if let Some(c) = char::from_u32('a' as u32 + i as u32).filter(|_| i < 26) {
            s.label = c.to_string();
        }
    }
}
