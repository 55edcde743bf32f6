//! How a review reads: each proposal where it stands in the draft now (the
//! `loi draft merge --json` contract), and for the app with its decision and
//! the words changed.

use std::collections::HashMap;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::merge::{Anchor, MergeOp};
use super::review::{load, resolve, Decision, Review};
use crate::draft::{self, DraftContent};
use crate::error::Result;

/// A proposal as the `loi` contract prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemView {
    pub n: usize,
    pub op: MergeOp,
    /// Its number in the draft now (for an added question: the number it would take).
    pub question: Option<usize>,
    pub author: String,
    pub conflict: bool,
    pub base: Option<String>,
    pub ours: Option<String>,
    pub theirs: Option<String>,
}

/// A comment as the `loi` contract prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentView {
    pub question: Option<usize>,
    pub author: String,
    pub text: String,
}

/// A review as `loi draft merge --json` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergeReport {
    pub review: i64,
    pub base_version: i64,
    pub items: Vec<ItemView>,
    pub comments: Vec<CommentView>,
}

fn number_of(content: &DraftContent, id: u64) -> Option<usize> {
    content
        .questions
        .iter()
        .position(|q| q.id == id)
        .map(|p| p + 1)
}

fn anchor_number(
    content: &DraftContent,
    on: &Anchor,
    placed: &HashMap<usize, u64>,
) -> Option<usize> {
    match on {
        Anchor::Question(id) => number_of(content, *id),
        Anchor::Added(i) => placed.get(i).and_then(|id| number_of(content, *id)),
    }
}

/// Where each proposal and comment stands in the draft as it is now.
pub fn report(review: &Review, content: &DraftContent) -> MergeReport {
    let items = review
        .items
        .iter()
        .map(|i| {
            let m = &i.item;
            let question = match m.target {
                Some(t) => number_of(content, t),
                None => match m.added_index.and_then(|a| review.placed.get(&a)) {
                    Some(id) => number_of(content, *id),
                    None => Some(
                        resolve(content, &m.after, &review.placed)
                            .and_then(|id| number_of(content, id))
                            .map_or(1, |n| n + 1),
                    ),
                },
            };
            ItemView {
                n: m.n,
                op: m.op,
                question,
                author: m.author.clone(),
                conflict: m.conflict,
                base: m.base.clone(),
                ours: m.ours.clone(),
                theirs: m.theirs.clone(),
            }
        })
        .collect();
    let comments = review
        .comments
        .iter()
        .map(|c| CommentView {
            question: c
                .on
                .as_ref()
                .and_then(|a| anchor_number(content, a, &review.placed)),
            author: c.author.clone(),
            text: c.text.clone(),
        })
        .collect();
    MergeReport {
        review: review.id,
        base_version: review.base_version,
        items,
        comments,
    }
}

/// A proposal as the review view shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewItemView {
    #[serde(flatten)]
    pub item: ItemView,
    pub decision: Decision,
    /// Word by word: for a conflict, ours → theirs; otherwise as sent → theirs.
    pub diff: Vec<crate::diff::Segment>,
}

/// A review as the app shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewView {
    pub id: i64,
    pub draft_id: i64,
    pub source: String,
    pub base_version: i64,
    pub base_version_name: String,
    pub recognised: bool,
    pub created_at: String,
    /// Who made the changes, in the order they first appear.
    pub authors: Vec<String>,
    /// Conflicts first, then the proposals as the list reads.
    pub items: Vec<ReviewItemView>,
    pub comments: Vec<CommentView>,
    pub pending: usize,
}

/// The review as the app shows it, against the draft as it is now.
pub fn view(conn: &Connection, rid: i64) -> Result<ReviewView> {
    let review = load(conn, rid)?;
    let draft = draft::load(conn, review.draft_id)?;
    let report = report(&review, &draft.content);
    let history = super::review::history(conn, &review)?;
    let base_version_name = match draft::version(conn, review.draft_id, review.base_version) {
        Ok(v) => v.name,
        Err(crate::error::Error::NotFound(_)) => String::new(),
        Err(e) => return Err(e),
    };
    let mut authors: Vec<String> = Vec::new();
    let mut items: Vec<ReviewItemView> = report
        .items
        .into_iter()
        .zip(&review.items)
        .map(|(v, stored)| {
            if !authors.contains(&v.author) {
                authors.push(v.author.clone());
            }
            let from = if v.conflict { &v.ours } else { &v.base };
            let diff = crate::diff::inline_diff(
                from.as_deref().unwrap_or(""),
                v.theirs.as_deref().unwrap_or(""),
            );
            ReviewItemView {
                item: v,
                decision: super::review::effective(stored, &history),
                diff,
            }
        })
        .collect();
    items.sort_by_key(|i| (!i.item.conflict, i.item.n));
    let pending = items
        .iter()
        .filter(|i| i.decision == Decision::Pending)
        .count();
    Ok(ReviewView {
        id: review.id,
        draft_id: review.draft_id,
        source: review.source,
        base_version: review.base_version,
        base_version_name,
        recognised: review.recognised,
        created_at: review.created_at,
        authors,
        items,
        comments: report.comments,
        pending,
    })
}
