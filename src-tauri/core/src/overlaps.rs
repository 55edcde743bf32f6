//! Across committees: for each question of a draft, what the other treaty
//! bodies recently asked or recommended the same State party on the same
//! topic, so that the committees do not ask the State the same thing twice.
//!
//! The candidates are the questions of each other committee's latest list of
//! issues (or list prior to reporting) on the State party and the
//! recommendations of its latest concluding observations. A draft question
//! and a candidate are compared by the words they share (stemmed, weighted by
//! how rare each word is among all the texts compared: "please", "information"
//! or "State party" weigh almost nothing, "remittances" a lot) and by the
//! topic headings above them. Nothing is sent anywhere and nothing is stored:
//! the overlaps are worked out when asked for.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::draft::{self, DraftView, QuestionView};
use crate::error::Result;
use crate::library::Library;
use crate::model::{Document, DocumentKind, ParagraphKind};
use crate::similarity::{cosine, stemmer, vectors, words, Text};

/// Below this similarity (cosine of the weighted words, 0 to 1) a candidate is
/// not shown.
pub const THRESHOLD: f64 = 0.22;

/// At most this many overlaps are shown for one draft question.
pub const PER_QUESTION: usize = 3;

/// What another committee asked or recommended that a draft question repeats.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Overlap {
    /// The draft question's number as the draft reads now.
    pub question: u32,
    /// The draft question's stable id.
    pub question_id: u64,
    /// The other committee ("CRPD").
    pub committee: String,
    /// The document it is in, as stored.
    pub document_id: i64,
    pub symbol: Option<String>,
    /// `list_of_issues`, `list_of_issues_prior_to_reporting` or `concluding_observations`.
    pub document_kind: DocumentKind,
    /// `question` (of a list of issues) or `recommendation` (of concluding observations).
    pub kind: ParagraphKind,
    /// The question's or paragraph's number in that document.
    pub paragraph: Option<String>,
    /// Its place among the document's paragraphs (0 is the first).
    pub seq: usize,
    /// The year of that document, when known.
    pub year: Option<i32>,
    /// Similarity, 0 to 1 (higher is closer).
    pub score: f64,
    /// The text of the other committee's question or recommendation.
    pub text: String,
}

/// The overlaps of every question of a stored draft, by question, best first.
pub fn of_draft(lib: &mut Library, id: i64) -> Result<Vec<Overlap>> {
    let draft = crate::draft::load(lib.connection(), id)?;
    let view = draft::view_of(lib, &draft)?;
    let committee = draft.committee;
    let docs = lib.documents_of_state(&view.state.code)?;
    let source = match view.source_symbol.as_deref() {
        Some(s) => lib.document_by_symbol(s)?.map(|(_, d)| d),
        None => None,
    };
    Ok(find(&view, &committee, source.as_ref(), &docs))
}

/// A candidate of another committee.
struct Candidate<'a> {
    committee: String,
    document_id: i64,
    doc: &'a Document,
    seq: usize,
    paragraph: &'a crate::model::Paragraph,
}

/// Each other committee's latest document of a kind, by (cycle, date, id).
fn latest_per_committee<'a>(
    docs: &'a [(i64, Document)],
    own: &str,
    wanted: impl Fn(DocumentKind) -> bool,
) -> Vec<(String, i64, &'a Document)> {
    let own = crate::committees::canonical(own);
    let mut best: BTreeMap<String, (i64, &Document)> = BTreeMap::new();
    for (id, d) in docs {
        let Some(c) = d.committee.as_deref().map(crate::committees::canonical) else {
            continue;
        };
        if c == own || !wanted(d.kind) {
            continue;
        }
        let key = |id: i64, d: &Document| (d.cycle.unwrap_or(0), d.date, id);
        match best.get(&c) {
            Some((bid, bd)) if key(*bid, bd) >= key(*id, d) => {}
            _ => {
                best.insert(c, (*id, d));
            }
        }
    }
    best.into_iter().map(|(c, (id, d))| (c, id, d)).collect()
}

fn candidates<'a>(docs: &'a [(i64, Document)], own: &str) -> Vec<Candidate<'a>> {
    let lists = latest_per_committee(docs, own, DocumentKind::is_list_of_issues);
    let observations =
        latest_per_committee(docs, own, |k| k == DocumentKind::ConcludingObservations);
    let mut out = Vec::new();
    for (committee, document_id, doc) in lists.into_iter().chain(observations) {
        let committee = &committee;
        let kind = if doc.kind.is_list_of_issues() {
            ParagraphKind::Question
        } else {
            ParagraphKind::Recommendation
        };
        for (seq, paragraph) in doc.paragraphs.iter().enumerate() {
            if paragraph.kind != kind {
                continue;
            }
            out.push(Candidate {
                committee: committee.clone(),
                document_id,
                doc,
                seq,
                paragraph,
            });
        }
    }
    out
}

fn paragraph_text(p: &crate::model::Paragraph) -> String {
    p.full_text()
}

/// The topic headings of a paragraph: its theme and the headings of its section.
fn headings(p: &crate::model::Paragraph) -> String {
    let mut h: Vec<String> = p.theme.iter().cloned().collect();
    if let Some(s) = &p.section {
        h.extend(s.path());
    }
    h.join(" ")
}

fn question_text(q: &QuestionView, source: Option<&Document>) -> String {
    let mut text = q.text.clone();
    for s in &q.subitems {
        text.push(' ');
        text.push_str(&s.text);
    }
    // The theme of the recommendation it asks about is its topic.
    if let Some(doc) = source {
        for c in &q.sources {
            let number = c.paragraph.as_deref().map(crate::model::ParaRef::paragraph);
            if let Some(p) = number.and_then(|n| doc.paragraph(n)) {
                text.push(' ');
                text.push_str(&headings(p));
            }
        }
    }
    text.push(' ');
    text.push_str(q.section_path.last().map(String::as_str).unwrap_or(""));
    text
}

/// The overlaps of a draft's questions with the other committees' latest
/// questions and recommendations among `docs` (the State party's documents).
pub fn find(
    draft: &DraftView,
    committee: &str,
    source: Option<&Document>,
    docs: &[(i64, Document)],
) -> Vec<Overlap> {
    let others = candidates(docs, committee);
    if others.is_empty() || draft.questions.is_empty() {
        return Vec::new();
    }
    let stemmer = stemmer();
    let mut texts: Vec<Text> = draft
        .questions
        .iter()
        .map(|q| Text {
            words: words(&question_text(q, source), &stemmer),
        })
        .collect();
    texts.extend(others.iter().map(|c| Text {
        words: words(
            &format!("{} {}", paragraph_text(c.paragraph), headings(c.paragraph)),
            &stemmer,
        ),
    }));
    let v = vectors(&texts);
    let (mine, theirs) = v.split_at(draft.questions.len());
    let mut out = Vec::new();
    for (q, qv) in draft.questions.iter().zip(mine) {
        let mut scored: Vec<(f64, usize)> = theirs
            .iter()
            .enumerate()
            .map(|(i, cv)| (cosine(qv, cv), i))
            .filter(|(s, _)| *s >= THRESHOLD)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        for (score, i) in scored.into_iter().take(PER_QUESTION) {
            let c = &others[i];
            out.push(Overlap {
                question: q.number,
                question_id: q.id,
                committee: c.committee.clone(),
                document_id: c.document_id,
                symbol: c.doc.symbol.clone(),
                document_kind: c.doc.kind,
                kind: c.paragraph.kind,
                paragraph: c.paragraph.number.clone(),
                seq: c.seq,
                year: c.doc.date.map(|d| chrono::Datelike::year(&d)),
                score: (score * 1000.0).round() / 1000.0,
                text: paragraph_text(c.paragraph),
            });
        }
    }
    out
}
