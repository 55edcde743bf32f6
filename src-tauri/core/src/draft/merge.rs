//! Three-way merge of a draft, question by question: base = the version sent,
//! ours = the draft now, theirs = what came back (a Word file or a shared
//! draft file). Changed only by them → a proposal; changed only by us → kept;
//! changed by both → a conflict. Added, removed, moved, split and merged
//! questions and changed citations are handled the same way; nothing is
//! applied here (see [`super::review`]).

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::content::normalize_spaces as clean;
use crate::diff::diff_lists;
use crate::draft::{DraftContent, DraftNote, DraftQuestion, NOTE_TOKEN};
use crate::model::{IssueList, ListQuestion, SubParagraph};

/// What a proposal does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MergeOp {
    Changed,
    Added,
    Removed,
    Moved,
    Split,
    Merged,
}

/// A question's words as they came back: what a proposal puts in the draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionContent {
    pub section: Vec<String>,
    /// With a [`NOTE_TOKEN`] at each footnote marker.
    pub text: String,
    #[serde(default)]
    pub notes: Vec<DraftNote>,
    #[serde(default)]
    pub subitems: Vec<SubParagraph>,
}

impl QuestionContent {
    pub fn of(q: &DraftQuestion) -> Self {
        QuestionContent {
            section: q.section.clone(),
            text: q.text.clone(),
            notes: q.notes.clone(),
            subitems: q.subitems.clone(),
        }
    }

    /// The same words, sub-items and footnotes (sections aside).
    pub fn same_words(&self, other: &QuestionContent) -> bool {
        let written = |n: &[DraftNote]| {
            n.iter()
                .map(|n| n.written().trim().trim_end_matches('.').to_string())
                .collect::<Vec<_>>()
        };
        clean(&self.text) == clean(&other.text)
            && written(&self.notes) == written(&other.notes)
            && self.subitems.len() == other.subitems.len()
            && self
                .subitems
                .iter()
                .zip(&other.subitems)
                .all(|(a, b)| a.label == b.label && clean(&a.text) == clean(&b.text))
    }

    /// The question as a reader reads it: its text, its sub-items on lines of
    /// their own, its footnotes written out after it.
    pub fn readable(&self) -> String {
        let mut out = clean(&self.text.replace(NOTE_TOKEN, ""));
        for s in &self.subitems {
            out.push_str(&format!("\n({}) {}", s.label, s.text));
        }
        for n in &self.notes {
            out.push_str(&format!("\n[footnote: {}]", n.written()));
        }
        out
    }
}

/// A question of the returned side, with the question of the version sent it
/// is (when it is one) and who changed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TheirQuestion {
    /// The id, in the version sent, of the question this one is.
    pub base_id: Option<u64>,
    pub content: QuestionContent,
    /// Who changed it (the tracked changes' authors), when known.
    pub authors: Vec<String>,
}

/// The returned side: its questions in order, and who removed the questions
/// of the version sent that it no longer has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theirs {
    pub questions: Vec<TheirQuestion>,
    /// base id → who removed it.
    pub removed_by: HashMap<u64, String>,
    /// Whose changes they are when nothing says (the file's last author, the
    /// name of the person it was sent to).
    pub default_author: String,
    /// The version sent as the returned side shows it, when it reads it
    /// differently from the draft's own form (e.g. a Word file's footnotes read
    /// back): a question is unchanged by them when it equals this.
    pub base_as_sent: HashMap<u64, QuestionContent>,
}

/// Where an added or moved question goes: after the first of these (nearest
/// first) that the draft has when the proposal is accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Anchor {
    /// A question of the version sent (by its id, which the draft keeps).
    Question(u64),
    /// A question the same review adds (its index among theirs).
    Added(usize),
}

/// One proposal or conflict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergeItem {
    pub n: usize,
    pub op: MergeOp,
    pub author: String,
    pub conflict: bool,
    /// The question as sent, as it is in the draft now, as it came back (readable).
    pub base: Option<String>,
    pub ours: Option<String>,
    pub theirs: Option<String>,
    /// The draft's question it changes (an id of the version sent).
    pub target: Option<u64>,
    /// For a merge: the other question of the version sent that went into it.
    pub also: Option<u64>,
    /// What accepting puts in the draft (two questions for a split).
    pub content: Vec<QuestionContent>,
    /// For an added or moved question: where it goes.
    pub after: Vec<Anchor>,
    /// For an added question: its index among theirs (what later anchors name).
    pub added_index: Option<usize>,
}

/// Works out the proposals and conflicts.
pub fn merge(base: &DraftContent, ours: &DraftContent, theirs: &Theirs) -> Vec<MergeItem> {
    let base_of: HashMap<u64, &DraftQuestion> = base.questions.iter().map(|q| (q.id, q)).collect();
    let ours_of: HashMap<u64, &DraftQuestion> = ours.questions.iter().map(|q| (q.id, q)).collect();
    let sent = |id: u64| -> Option<QuestionContent> {
        theirs
            .base_as_sent
            .get(&id)
            .cloned()
            .or_else(|| base_of.get(&id).map(|q| QuestionContent::of(q)))
    };
    let ours_changed = |id: u64| -> Option<bool> {
        let o = ours_of.get(&id)?;
        Some(
            base_of
                .get(&id)
                .is_none_or(|b| !QuestionContent::of(b).same_words(&QuestionContent::of(o))),
        )
    };
    let readable_ours = |id: u64| ours_of.get(&id).map(|q| QuestionContent::of(q).readable());
    let readable_base = |id: u64| base_of.get(&id).map(|q| QuestionContent::of(q).readable());
    let author_of = |t: &TheirQuestion| {
        t.authors
            .first()
            .cloned()
            .unwrap_or_else(|| theirs.default_author.clone())
    };

    // A new question right after a changed one, made of that question's
    // words as sent, is its second part (a split); the returned side's own
    // reading may have said so already.
    let mut theirs = theirs.clone();
    let n_theirs = theirs.questions.len();
    for i in 0..n_theirs {
        if theirs.questions[i].base_id.is_some() {
            continue;
        }
        let part = theirs.questions[i].content.text.replace(NOTE_TOKEN, "");
        // The part after the one that kept the question, or the part before it.
        let neighbours = [i.checked_sub(1), (i + 1 < n_theirs).then_some(i + 1)];
        for (k, j) in neighbours.into_iter().enumerate() {
            let Some(j) = j else { continue };
            let Some(b) = theirs.questions[j].base_id else {
                continue;
            };
            let Some(bq) = base_of.get(&b) else { continue };
            let sent_text = bq.plain_text();
            let other = theirs.questions[j].content.text.replace(NOTE_TOKEN, "");
            let whole = if k == 0 {
                format!("{other} {part}")
            } else {
                format!("{part} {other}")
            };
            if word_share(&part, &sent_text) >= 0.7
                && word_share(&sent_text, &whole) >= 0.8
                && clean(&other) != clean(&sent_text)
            {
                theirs.questions[i].base_id = Some(b);
                break;
            }
        }
    }
    let theirs = &theirs;
    // Which base questions the returned side has, and how many times.
    let mut seen: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, t) in theirs.questions.iter().enumerate() {
        if let Some(b) = t.base_id.filter(|b| base_of.contains_key(b)) {
            seen.entry(b).or_default().push(i);
        }
    }
    // Split: a base question that came back as two or more (the first keeps it).
    // Merged: a base question that is gone, whose words went into another one.
    let moved = moved_questions(base, theirs);
    let mut items: Vec<MergeItem> = Vec::new();
    let mut done_added: HashSet<usize> = HashSet::new();
    let anchors_before = |i: usize| -> Vec<Anchor> {
        theirs.questions[..i]
            .iter()
            .enumerate()
            .rev()
            .map(
                |(j, t)| match t.base_id.filter(|b| base_of.contains_key(b)) {
                    Some(b) if seen.get(&b).and_then(|v| v.first()) == Some(&j) => {
                        Anchor::Question(b)
                    }
                    _ => Anchor::Added(j),
                },
            )
            .collect()
    };
    let merged_into = merged_questions(base, theirs, &seen);

    for (i, t) in theirs.questions.iter().enumerate() {
        let base_id = t.base_id.filter(|b| base_of.contains_key(b));
        let Some(b) = base_id else {
            // Added by them (unless the draft already has the same words).
            if ours
                .questions
                .iter()
                .any(|o| QuestionContent::of(o).same_words(&t.content))
            {
                continue;
            }
            items.push(MergeItem {
                n: 0,
                op: MergeOp::Added,
                author: author_of(t),
                conflict: false,
                base: None,
                ours: None,
                theirs: Some(t.content.readable()),
                target: None,
                also: None,
                content: vec![t.content.clone()],
                after: anchors_before(i),
                added_index: Some(i),
            });
            done_added.insert(i);
            continue;
        };
        let copies = &seen[&b];
        if copies.first() != Some(&i) {
            continue; // the second part of a split, handled with the first
        }
        let base_sent = sent(b);
        let changed_by_them = base_sent.as_ref().is_none_or(|s| !s.same_words(&t.content));
        let ours_state = ours_changed(b);
        let also = merged_into.get(&i).copied();
        let split_parts: Vec<usize> = copies.iter().skip(1).copied().collect();
        let is_moved = moved.contains(&b);
        let op = if !split_parts.is_empty() {
            MergeOp::Split
        } else if also.is_some() {
            MergeOp::Merged
        } else if changed_by_them {
            if is_moved {
                MergeOp::Moved
            } else {
                MergeOp::Changed
            }
        } else if is_moved {
            MergeOp::Moved
        } else {
            continue;
        };
        if ours_state.is_none() && op == MergeOp::Moved && !changed_by_them {
            continue; // only moved by them, removed by us
        }
        // A question only moved by them keeps our words: accepting moves it.
        let mut content = if op == MergeOp::Moved && !changed_by_them {
            Vec::new()
        } else {
            vec![t.content.clone()]
        };
        let mut theirs_text = t.content.readable();
        for p in &split_parts {
            content.push(theirs.questions[*p].content.clone());
            theirs_text.push_str("\n\n");
            theirs_text.push_str(&theirs.questions[*p].content.readable());
        }
        let ours_now = ours_of.get(&b).map(|q| QuestionContent::of(q));
        let converged = ours_now.as_ref().is_some_and(|o| o.same_words(&t.content))
            && split_parts.is_empty()
            && also.is_none()
            && !is_moved;
        if converged {
            continue;
        }
        let also_changed_by_us = also.and_then(ours_changed).unwrap_or(false);
        let words_changed_by_them = changed_by_them || !split_parts.is_empty() || also.is_some();
        let conflict = match ours_state {
            None => true,
            Some(changed) => (changed && words_changed_by_them) || also_changed_by_us,
        };
        let mut authors = vec![author_of(t)];
        if let Some(r) = also.and_then(|a| theirs.removed_by.get(&a)) {
            authors.push(r.clone());
        }
        items.push(MergeItem {
            n: 0,
            op,
            author: authors[0].clone(),
            conflict,
            base: readable_base(b),
            ours: readable_ours(b),
            theirs: Some(theirs_text),
            target: Some(b),
            also,
            content,
            after: if is_moved {
                anchors_before(i)
            } else {
                Vec::new()
            },
            added_index: None,
        });
    }
    // Removed by them (and not merged into another question).
    let merged_away: HashSet<u64> = merged_into.values().copied().collect();
    for q in &base.questions {
        if seen.contains_key(&q.id) || merged_away.contains(&q.id) {
            continue;
        }
        let Some(changed) = ours_changed(q.id) else {
            continue; // removed on both sides
        };
        // Where it stood: after the question before it in the version sent.
        items.push(MergeItem {
            n: 0,
            op: MergeOp::Removed,
            author: theirs
                .removed_by
                .get(&q.id)
                .cloned()
                .unwrap_or_else(|| theirs.default_author.clone()),
            conflict: changed,
            base: readable_base(q.id),
            ours: readable_ours(q.id),
            theirs: None,
            target: Some(q.id),
            also: None,
            content: Vec::new(),
            after: Vec::new(),
            added_index: None,
        });
    }
    // As the list reads: by the position of the question in the draft now
    // (added ones after their anchor), then numbered.
    let position = |item: &MergeItem| -> (usize, usize) {
        let ours_pos = |id: u64| ours.questions.iter().position(|q| q.id == id);
        if let Some(p) = item.target.and_then(ours_pos) {
            return (p * 2 + 1, 0);
        }
        if let Some(p) = item
            .target
            .and_then(|id| base.questions.iter().position(|q| q.id == id))
        {
            return (p * 2 + 1, 1);
        }
        for a in &item.after {
            if let Anchor::Question(id) = a {
                if let Some(p) = ours_pos(*id) {
                    return (p * 2 + 2, item.added_index.unwrap_or(0));
                }
            }
        }
        (0, item.added_index.unwrap_or(0))
    };
    items.sort_by_key(position);
    for (k, item) in items.iter_mut().enumerate() {
        item.n = k + 1;
    }
    items
}

/// Base questions the returned side has out of their order (the fewest moves
/// that put the others back in order: outside the longest increasing run).
fn moved_questions(base: &DraftContent, theirs: &Theirs) -> HashSet<u64> {
    let rank: HashMap<u64, usize> = base
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id, i))
        .collect();
    let mut firsts = Vec::new();
    let mut seen = HashSet::new();
    for t in &theirs.questions {
        if let Some(b) = t.base_id {
            if rank.contains_key(&b) && seen.insert(b) {
                firsts.push(b);
            }
        }
    }
    let ranks: Vec<usize> = firsts.iter().map(|b| rank[b]).collect();
    let keep = longest_increasing(&ranks);
    firsts
        .iter()
        .enumerate()
        .filter(|(i, _)| !keep.contains(i))
        .map(|(_, b)| *b)
        .collect()
}

fn longest_increasing(seq: &[usize]) -> HashSet<usize> {
    let n = seq.len();
    let mut len = vec![1usize; n];
    let mut prev = vec![usize::MAX; n];
    for i in 0..n {
        for j in 0..i {
            if seq[j] < seq[i] && len[j] + 1 > len[i] {
                len[i] = len[j] + 1;
                prev[i] = j;
            }
        }
    }
    let mut out = HashSet::new();
    let Some(mut i) = (0..n).max_by_key(|i| (len[*i], std::cmp::Reverse(*i))) else {
        return out;
    };
    loop {
        out.insert(i);
        if prev[i] == usize::MAX {
            break;
        }
        i = prev[i];
    }
    out
}

/// theirs index → the base question whose words went into it (besides its
/// own): a base question gone from the returned side, most of whose words are
/// in a question that is another base question.
fn merged_questions(
    base: &DraftContent,
    theirs: &Theirs,
    seen: &HashMap<u64, Vec<usize>>,
) -> HashMap<usize, u64> {
    let mut out = HashMap::new();
    for q in &base.questions {
        if seen.contains_key(&q.id) || theirs.removed_by.contains_key(&q.id) {
            continue;
        }
        let words = word_set(&q.plain_text());
        if words.len() < 4 {
            continue;
        }
        let best = theirs
            .questions
            .iter()
            .enumerate()
            .filter(|(i, t)| t.base_id.is_some() && !out.contains_key(i))
            .map(|(i, t)| {
                let tw = word_set(&t.content.text.replace(NOTE_TOKEN, ""));
                (
                    i,
                    words.iter().filter(|w| tw.contains(*w)).count() as f64 / words.len() as f64,
                )
            })
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((i, share)) = best {
            if share >= 0.7 {
                out.insert(i, q.id);
            }
        }
    }
    out
}

fn word_set(s: &str) -> HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 2)
        .map(str::to_lowercase)
        .collect()
}

/// Pairs the questions of the version sent with those that came back: by their
/// words (the comparison the project has, so renumbered and moved questions
/// are found), then, for those left, by the number they were sent with.
/// Returns, for each returned question, the index of the sent question it is.
pub fn align(
    sent: &[QuestionContent],
    returned: &[(QuestionContent, Option<u32>)],
) -> Vec<Option<usize>> {
    let as_list = |qs: Vec<&QuestionContent>| IssueList {
        questions: qs
            .iter()
            .enumerate()
            .map(|(i, q)| ListQuestion {
                number: (i + 1) as u32,
                section: Vec::new(),
                text: clean(&q.text.replace(NOTE_TOKEN, "")),
                subitems: q.subitems.clone(),
                notes: Vec::new(),
                cites: Vec::new(),
            })
            .collect(),
        ..Default::default()
    };
    let a = as_list(sent.iter().collect());
    let b = as_list(returned.iter().map(|(q, _)| q).collect());
    let d = diff_lists(&a, &b);
    let mut out: Vec<Option<usize>> = vec![None; returned.len()];
    let mut used: HashSet<usize> = HashSet::new();
    for item in &d.items {
        if let (Some(o), Some(n)) = (&item.old, &item.new) {
            let (o, n) = (o.number as usize - 1, n.number as usize - 1);
            if n < out.len() && o < sent.len() && used.insert(o) {
                out[n] = Some(o);
            }
        }
    }
    // A split: the new part of a question keeps the question it came from.
    for item in &d.items {
        if let (Some(from), Some(n)) = (item.split_from, &item.new) {
            let n = n.number as usize - 1;
            let from = from as usize - 1;
            // Only right after the part that kept the question: a question
            // on the same subject elsewhere in the list is a new one.
            let after_first = n.checked_sub(1).is_some_and(|p| out[p] == Some(from));
            if n < out.len() && out[n].is_none() && from < sent.len() && after_first {
                out[n] = Some(from);
            }
        }
    }
    // Reworded past recognition but still carrying its number as sent — when
    // the file's numbers are still those it was sent with (not renumbered).
    let paired: Vec<(usize, usize)> = out
        .iter()
        .enumerate()
        .filter_map(|(n, o)| o.map(|o| (n, o)))
        .collect();
    let as_sent = paired
        .iter()
        .filter(|(n, o)| returned[*n].1 == Some(*o as u32 + 1))
        .count();
    if paired.is_empty() || as_sent * 5 < paired.len() * 4 {
        return out;
    }
    for (n, (_, number)) in returned.iter().enumerate() {
        if out[n].is_some() {
            continue;
        }
        if let Some(o) = number.map(|k| k as usize).and_then(|k| k.checked_sub(1)) {
            if o < sent.len() && used.insert(o) {
                out[n] = Some(o);
            }
        }
    }
    out
}

/// The share of `a`'s words (of three letters or more) that are in `b`.
pub fn word_share(a: &str, b: &str) -> f64 {
    let a = word_set(a);
    let b = word_set(b);
    if a.is_empty() {
        return 0.0;
    }
    a.iter().filter(|w| b.contains(*w)).count() as f64 / a.len() as f64
}
