//! Review: what came back for a draft (a Word file, a shared draft file),
//! worked out against the version that was sent, kept as proposals and
//! conflicts until the rapporteur decides. Nothing is applied without a
//! decision; the decisions are applied in one transaction, as one undo step,
//! with a version saved just before.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::merge::{self, Anchor, MergeItem, MergeOp, QuestionContent, TheirQuestion, Theirs};
use super::returned::ReturnedFile;
use crate::draft::{self, Draft, DraftContent, DraftVersion, QuestionComment};
use crate::error::{Error, Result};
use crate::library::Library;
use crate::model::CitationStyle;

/// What the rapporteur decided on a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    #[default]
    Pending,
    Accepted,
    Rejected,
}

/// A proposal or conflict of a review, with its decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewItem {
    #[serde(flatten)]
    pub item: MergeItem,
    #[serde(default)]
    pub decision: Decision,
    /// The undo step accepting it wrote: its number and a hash of the draft
    /// it left (an undo past it, or other edits in its place after an undo,
    /// make the proposal one to decide again).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applied: Option<(i64, String)>,
}

/// A comment that came back, on a question of the returned side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewComment {
    /// The question it is on: one of the version sent, or one the review adds.
    pub on: Option<Anchor>,
    pub author: String,
    #[serde(default)]
    pub date: Option<String>,
    pub text: String,
    /// Kept with the draft's question (once the review was first decided on).
    #[serde(default)]
    pub kept: bool,
}

/// A stored review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub id: i64,
    pub draft_id: i64,
    /// The version the changes were made on (the one sent).
    pub base_version: i64,
    /// Where the changes come from (the file's name).
    pub source: String,
    /// Whether the file named its draft and version (otherwise the version
    /// was chosen as the best match by content, or by the rapporteur).
    pub recognised: bool,
    pub created_at: String,
    pub items: Vec<ReviewItem>,
    pub comments: Vec<ReviewComment>,
    /// For each question the review adds and that was accepted: its id in the draft.
    #[serde(default)]
    pub placed: HashMap<usize, u64>,
}

/// What is stored as the review's content.
#[derive(Serialize, Deserialize)]
struct Stored {
    source: String,
    recognised: bool,
    items: Vec<ReviewItem>,
    comments: Vec<ReviewComment>,
    #[serde(default)]
    placed: HashMap<usize, u64>,
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Stores a review (inside the caller's transaction).
pub(super) fn store(
    conn: &Connection,
    draft_id: i64,
    base_version: i64,
    source: &str,
    recognised: bool,
    items: Vec<MergeItem>,
    comments: Vec<ReviewComment>,
) -> Result<i64> {
    let stored = Stored {
        source: source.to_string(),
        recognised,
        items: items
            .into_iter()
            .map(|item| ReviewItem {
                item,
                decision: Decision::Pending,
                applied: None,
            })
            .collect(),
        comments,
        placed: HashMap::new(),
    };
    conn.execute(
        "INSERT INTO draft_reviews (draft_id, base_version, source, created_at, content) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![draft_id, base_version, source, now(), serde_json::to_string(&stored)?],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Loads a review.
pub fn load(conn: &Connection, id: i64) -> Result<Review> {
    let (draft_id, base_version, created_at, content): (i64, i64, String, String) = conn
        .query_row(
            "SELECT draft_id, base_version, created_at, content FROM draft_reviews WHERE id = ?1",
            params![id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("review {id}")))?;
    let s: Stored = serde_json::from_str(&content)?;
    Ok(Review {
        id,
        draft_id,
        base_version,
        source: s.source,
        recognised: s.recognised,
        created_at,
        items: s.items,
        comments: s.comments,
        placed: s.placed,
    })
}

fn save(conn: &Connection, r: &Review) -> Result<()> {
    let stored = Stored {
        source: r.source.clone(),
        recognised: r.recognised,
        items: r.items.clone(),
        comments: r.comments.clone(),
        placed: r.placed.clone(),
    };
    conn.execute(
        "UPDATE draft_reviews SET content = ?2 WHERE id = ?1",
        params![r.id, serde_json::to_string(&stored)?],
    )?;
    Ok(())
}

/// Sets a review aside (e.g. when the file is compared with another version
/// instead): only while nothing of it was decided.
pub fn discard(lib: &mut Library, rid: i64) -> Result<()> {
    let lib: &Library = lib;
    let tx = rusqlite::Transaction::new_unchecked(
        lib.shared_connection(),
        rusqlite::TransactionBehavior::Immediate,
    )?;
    let review = load(&tx, rid)?;
    if review.items.iter().any(|i| i.decision != Decision::Pending)
        || review.comments.iter().any(|c| c.kept)
    {
        return Err(Error::InvalidInput(format!(
            "review {rid} has decisions already: it stays with the draft"
        )));
    }
    tx.execute("DELETE FROM draft_reviews WHERE id = ?1", params![rid])?;
    tx.commit()?;
    Ok(())
}

/// The reviews of a draft, newest first.
pub fn reviews_of(conn: &Connection, draft_id: i64) -> Result<Vec<Review>> {
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM draft_reviews WHERE draft_id = ?1 ORDER BY id DESC")?
        .query_map(params![draft_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.into_iter().map(|id| load(conn, id)).collect()
}

/// A line of the list of a draft's reviews: how many of its changes are
/// still to decide, as the draft's history now stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewSummary {
    pub id: i64,
    pub source: String,
    pub created_at: String,
    pub pending: usize,
}

/// The reviews of a draft, newest first, each with its changes still to decide.
pub fn summaries(conn: &Connection, draft_id: i64) -> Result<Vec<ReviewSummary>> {
    reviews_of(conn, draft_id)?
        .into_iter()
        .map(|r| {
            let h = history(conn, &r)?;
            Ok(ReviewSummary {
                id: r.id,
                pending: r
                    .items
                    .iter()
                    .filter(|i| effective(i, &h) == Decision::Pending)
                    .count(),
                source: r.source,
                created_at: r.created_at,
            })
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Bringing in a returned Word file

fn style_named(s: Option<&str>) -> CitationStyle {
    match s {
        Some("inline") => CitationStyle::Inline,
        Some("bare") => CitationStyle::Bare,
        _ => CitationStyle::Footnote,
    }
}

/// The version as the returned file shows it: exported as it was sent and
/// read back by the same reader, question by question (`None` if the reading
/// does not give one question per question).
fn as_sent(
    draft: &Draft,
    base: &DraftContent,
    style: CitationStyle,
) -> Result<Option<Vec<QuestionContent>>> {
    let list = base
        .to_issue_list(&draft.committee, &draft.state)
        .with_citation_style(style);
    let bytes = crate::export::to_docx(&list, &Default::default())?;
    let read = super::returned::read(&bytes).map_err(Error::Export)?;
    if read.questions.len() != base.questions.len() {
        return Ok(None);
    }
    Ok(Some(read.questions.iter().map(|q| q.content()).collect()))
}

/// The returned file's questions paired with the version sent.
fn theirs_of(
    draft: &Draft,
    base: &DraftContent,
    file: &ReturnedFile,
    default_author: &str,
) -> Result<Theirs> {
    let style = style_named(file.citations.as_deref());
    let sent = as_sent(draft, base, style)?;
    let sent_words: Vec<QuestionContent> = match &sent {
        Some(s) => s.clone(),
        None => base.questions.iter().map(QuestionContent::of).collect(),
    };
    let returned: Vec<(QuestionContent, Option<u32>)> = file
        .questions
        .iter()
        .map(|q| (q.content(), q.sent_number))
        .collect();
    let aligned = merge::align(&sent_words, &returned);
    let questions = returned
        .into_iter()
        .zip(&aligned)
        .zip(&file.questions)
        .map(|(((mut content, _), a), q)| {
            let base_q = a.map(|i| &base.questions[i]);
            if style != CitationStyle::Footnote {
                if let Some(b) = base_q {
                    content = super::inline::restore_notes(content, b, style);
                }
            }
            TheirQuestion {
                base_id: base_q.map(|b| b.id),
                content,
                authors: authors(&q.revisions),
            }
        })
        .collect();
    // Who removed each question of the version sent that did not come back.
    let mut removed_by = HashMap::new();
    for (i, b) in base.questions.iter().enumerate() {
        if aligned.contains(&Some(i)) {
            continue;
        }
        let number = (i + 1) as u32;
        let plain = b.plain_text();
        let found = file
            .deleted
            .iter()
            .find(|d| d.sent_number == Some(number))
            .or_else(|| {
                file.deleted
                    .iter()
                    .find(|d| merge::word_share(&d.text, &plain) >= 0.6)
            });
        if let Some(author) = found.and_then(|d| authors(&d.revisions).into_iter().next()) {
            removed_by.insert(b.id, author);
        }
    }
    let base_as_sent = match sent {
        Some(s) => base
            .questions
            .iter()
            .zip(s)
            .map(|(q, c)| {
                let c = if style == CitationStyle::Footnote {
                    c
                } else {
                    super::inline::restore_notes(c, q, style)
                };
                (q.id, c)
            })
            .collect(),
        None => HashMap::new(),
    };
    Ok(Theirs {
        questions,
        removed_by,
        default_author: default_author.to_string(),
        base_as_sent,
    })
}

fn authors(revisions: &[super::returned::Revision]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in revisions {
        let a = r.author.trim();
        if !a.is_empty() && !out.iter().any(|o| o == a) {
            out.push(a.to_string());
        }
    }
    out
}

/// Which version a returned file was made on: the one it names, the one the
/// rapporteur names, or the one its questions match best.
fn base_version_for(
    conn: &Connection,
    draft: &Draft,
    file: &ReturnedFile,
    chosen: Option<i64>,
) -> Result<(DraftVersion, bool)> {
    if let Some(v) = chosen {
        return Ok((draft::version(conn, draft.id, v)?, false));
    }
    let versions = draft::versions(conn, draft.id)?;
    if let Some(uid) = &file.version_uid {
        if let Some(v) = versions.iter().find(|x| &x.uid == uid) {
            return Ok((v.clone(), true));
        }
    }
    // Best match by content: the version most of whose questions came back
    // word for word (and fewest did not), a version that was sent out first.
    let mut best: Option<(i64, DraftVersion)> = None;
    let mut matched_any = false;
    for v in versions.iter().rev().take(50) {
        let content = draft::version_content(conn, draft.id, v.id)?;
        let sent = match as_sent(draft, &content, style_named(file.citations.as_deref()))? {
            Some(s) => s,
            None => content.questions.iter().map(QuestionContent::of).collect(),
        };
        let matches = file
            .questions
            .iter()
            .filter(|q| {
                let c = q.content();
                sent.iter().any(|s| s.same_words(&c))
            })
            .count() as i64;
        matched_any |= matches > 0;
        let score =
            2 * matches - (file.questions.len() as i64 - matches) - (sent.len() as i64 - matches)
                + if v.sent_at.is_some() { 2 } else { 0 };
        if best.as_ref().is_none_or(|(b, _)| score > *b) {
            best = Some((score, v.clone()));
        }
    }
    if !matched_any && best.is_some() && !file.questions.is_empty() {
        return Err(Error::InvalidInput(
            "no question of this file is one of the draft's as it was sent: it is not a copy of this draft (to add it to the library, use File → Add documents)".into(),
        ));
    }
    best.map(|(_, v)| (v, false)).ok_or_else(|| {
        Error::InvalidInput(format!(
            "draft {} has no saved version to compare the file with: save the version that was sent, or export it again",
            draft.id
        ))
    })
}

/// Brings in a file that came back for draft `id` (a Word file, or a draft
/// file another LOI Drafter shared): works out what changed against the
/// version sent (`version`, or the one the file names, or the best match) and
/// stores it as a review. Nothing in the draft changes.
pub fn bring_in(lib: &mut Library, id: i64, path: &Path, version: Option<i64>) -> Result<Review> {
    if super::share::is_shared_file(path) {
        return super::share::merge_into(lib, id, path);
    }
    let file = crate::import::read_returned(path)?;
    let lib: &Library = lib;
    let tx = rusqlite::Transaction::new_unchecked(
        lib.shared_connection(),
        rusqlite::TransactionBehavior::Immediate,
    )?;
    let draft = draft::load(&tx, id)?;
    if let Some(uid) = &file.draft_uid {
        if *uid != draft.uid {
            if let Some(other) = draft::find_by_uid(&tx, uid)? {
                return Err(Error::InvalidInput(format!(
                    "{} was sent from draft {other}, not from draft {id}: bring it into draft {other}",
                    crate::import::display_name(path)
                )));
            }
        }
    }
    let (base_version, recognised) = base_version_for(&tx, &draft, &file, version)?;
    let base = draft::version_content(&tx, id, base_version.id)?;
    let default_author = file
        .last_modified_by
        .clone()
        .unwrap_or_else(|| crate::import::display_name(path));
    let theirs = theirs_of(&draft, &base, &file, &default_author)?;
    let items = merge::merge(&base, &draft.content, &theirs);
    let comments = file
        .comments
        .iter()
        .map(|c| ReviewComment {
            on: c.question.map(|i| match theirs.questions[i].base_id {
                Some(b) => Anchor::Question(b),
                None => Anchor::Added(i),
            }),
            author: c.author.clone(),
            date: c.date.clone(),
            text: c.text.clone(),
            kept: false,
        })
        .collect();
    let rid = store(
        &tx,
        id,
        base_version.id,
        &crate::import::display_name(path),
        recognised,
        items,
        comments,
    )?;
    let review = load(&tx, rid)?;
    tx.commit()?;
    Ok(review)
}

// ---------------------------------------------------------------------------
// Deciding

/// Which proposals to accept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
pub enum Accept {
    /// Every pending one.
    All,
    /// Every pending one that is not a conflict.
    AllButConflicts,
    /// Every pending one by this author.
    Author(String),
    /// These (by their numbers `n`).
    Items(Vec<usize>),
    /// None (only rejections).
    None,
}

/// The outcome of a decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decided {
    pub review: i64,
    pub accepted: Vec<usize>,
    pub rejected: Vec<usize>,
    /// Still to decide, conflicts among them.
    pub pending: Vec<usize>,
    pub conflicts_left: Vec<usize>,
    /// The version saved just before the changes were applied.
    pub version_before: Option<i64>,
    pub draft: Draft,
}

/// Applies the accepted proposals of a review and records the rejected ones:
/// one transaction, one undo step, a version saved just before. Comments that
/// came back are kept with their questions the first time.
pub fn decide(lib: &mut Library, rid: i64, accept: &Accept, reject: &[usize]) -> Result<Decided> {
    let lib: &Library = lib;
    let tx = rusqlite::Transaction::new_unchecked(
        lib.shared_connection(),
        rusqlite::TransactionBehavior::Immediate,
    )?;
    let mut review = load(&tx, rid)?;
    let numbers: Vec<usize> = review.items.iter().map(|i| i.item.n).collect();
    for n in reject.iter().chain(match accept {
        Accept::Items(v) => v.iter(),
        _ => [].iter(),
    }) {
        if !numbers.contains(n) {
            return Err(Error::InvalidInput(format!(
                "review {rid} has no proposal {n} (it has 1 to {})",
                numbers.len()
            )));
        }
    }
    let draft = draft::load(&tx, review.draft_id)?;
    // What is decided is read against the draft's history: an accepted change
    // that an undo took out is to decide again.
    let before = history(&tx, &review)?;
    let now: Vec<Decision> = review.items.iter().map(|i| effective(i, &before)).collect();
    let pending = |item: &ReviewItem| {
        review
            .items
            .iter()
            .position(|i| i.item.n == item.item.n)
            .is_some_and(|k| now[k] == Decision::Pending)
    };
    let chosen = |item: &ReviewItem| {
        pending(item)
            && !reject.contains(&item.item.n)
            && match accept {
                Accept::All => true,
                Accept::AllButConflicts => !item.item.conflict,
                Accept::Author(a) => item.item.author.eq_ignore_ascii_case(a.trim()),
                Accept::Items(v) => v.contains(&item.item.n),
                Accept::None => false,
            }
    };
    let to_accept: Vec<usize> = review
        .items
        .iter()
        .filter(|i| chosen(i))
        .map(|i| i.item.n)
        .collect();
    let to_reject: Vec<usize> = review
        .items
        .iter()
        .filter(|i| pending(i) && reject.contains(&i.item.n))
        .map(|i| i.item.n)
        .collect();
    let mut content = draft.content.clone();
    for item in review.items.iter_mut() {
        if to_accept.contains(&item.item.n) {
            apply_item(&mut content, &item.item, &mut review.placed)?;
            item.decision = Decision::Accepted;
        } else if to_reject.contains(&item.item.n) {
            item.decision = Decision::Rejected;
        }
    }
    // The comments go with their questions (again, when an undo took them out).
    for c in review.comments.iter_mut() {
        let target = match &c.on {
            Some(Anchor::Question(b)) => Some(*b),
            Some(Anchor::Added(i)) => review.placed.get(i).copied(),
            None => None,
        };
        if let Some(q) = target.filter(|q| content.question(*q).is_ok()) {
            content.add_comment(
                q,
                QuestionComment {
                    author: c.author.clone(),
                    date: c.date.clone(),
                    text: c.text.clone(),
                },
            )?;
            c.kept = true;
        }
    }
    let version_before = if content != draft.content {
        let v = draft::write_version(
            &tx,
            draft.id,
            &format!("Before the changes from {}", review.source),
        )?;
        draft::write_step(&tx, draft.id, &content, None)?;
        let (pos, json): (i64, String) = tx.query_row(
            "SELECT history_pos, content FROM drafts WHERE id = ?1",
            params![draft.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let step = (pos, content_hash(&json));
        for item in review.items.iter_mut() {
            if to_accept.contains(&item.item.n) {
                item.applied = Some(step.clone());
            }
        }
        Some(v.id)
    } else {
        None
    };
    save(&tx, &review)?;
    let draft = draft::load(&tx, draft.id)?;
    let after = history(&tx, &review)?;
    tx.commit()?;
    let pending: Vec<&ReviewItem> = review
        .items
        .iter()
        .filter(|i| effective(i, &after) == Decision::Pending)
        .collect();
    Ok(Decided {
        review: rid,
        accepted: to_accept,
        rejected: to_reject,
        pending: pending.iter().map(|i| i.item.n).collect(),
        conflicts_left: pending
            .iter()
            .filter(|i| i.item.conflict)
            .map(|i| i.item.n)
            .collect(),
        version_before,
        draft,
    })
}

/// Where the draft stands in its undo history, for the steps reviews wrote.
pub struct History {
    pos: i64,
    steps: HashMap<i64, String>,
}

fn content_hash(json: &str) -> String {
    use sha2::{Digest, Sha256};
    format!("{:x}", Sha256::digest(json.as_bytes()))
}

/// The draft's position in its history and the hashes of the steps `review` wrote.
pub fn history(conn: &Connection, review: &Review) -> Result<History> {
    let pos: i64 = conn.query_row(
        "SELECT history_pos FROM drafts WHERE id = ?1",
        params![review.draft_id],
        |r| r.get(0),
    )?;
    let mut steps = HashMap::new();
    for seq in review
        .items
        .iter()
        .filter_map(|i| i.applied.as_ref().map(|a| a.0))
    {
        if steps.contains_key(&seq) {
            continue;
        }
        let json: Option<String> = conn
            .query_row(
                "SELECT content FROM draft_history WHERE draft_id = ?1 AND seq = ?2",
                params![review.draft_id, seq],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(j) = json {
            steps.insert(seq, content_hash(&j));
        }
    }
    Ok(History { pos, steps })
}

/// A proposal's decision as the draft now stands: an accepted one whose undo
/// step was undone (or replaced by other edits after an undo) is pending again.
pub fn effective(item: &ReviewItem, history: &History) -> Decision {
    match (&item.decision, &item.applied) {
        (Decision::Accepted, Some((seq, hash))) => {
            let undone = history.pos < *seq || history.steps.get(seq).is_some_and(|h| h != hash);
            if undone {
                Decision::Pending
            } else {
                Decision::Accepted
            }
        }
        (d, _) => *d,
    }
}

/// The draft question an anchor names now, if it has it.
pub(super) fn resolve(
    content: &DraftContent,
    anchors: &[Anchor],
    placed: &HashMap<usize, u64>,
) -> Option<u64> {
    anchors.iter().find_map(|a| {
        let id = match a {
            Anchor::Question(id) => Some(*id),
            Anchor::Added(i) => placed.get(i).copied(),
        }?;
        content.question(id).is_ok().then_some(id)
    })
}

fn put(content: &mut DraftContent, id: u64, c: &QuestionContent) -> Result<()> {
    content.replace_words(id, &c.text, c.notes.clone(), c.subitems.clone())
}

/// Inserts a question with these words after `after` (or first); its id.
fn insert(content: &mut DraftContent, after: Option<u64>, c: &QuestionContent) -> Result<u64> {
    content.insert_after(
        after,
        c.section.clone(),
        &c.text,
        c.notes.clone(),
        c.subitems.clone(),
    )
}

/// Applies one accepted proposal to the draft.
fn apply_item(
    content: &mut DraftContent,
    item: &MergeItem,
    placed: &mut HashMap<usize, u64>,
) -> Result<()> {
    match item.op {
        MergeOp::Added => {
            let Some(c) = item.content.first() else {
                return Ok(());
            };
            let after = resolve(content, &item.after, placed);
            let id = insert(content, after, c)?;
            if let Some(i) = item.added_index {
                placed.insert(i, id);
            }
        }
        MergeOp::Removed => {
            if let Some(t) = item.target.filter(|t| content.question(*t).is_ok()) {
                content.delete_question(t)?;
            }
        }
        MergeOp::Changed | MergeOp::Moved | MergeOp::Split | MergeOp::Merged => {
            let Some(target) = item.target else {
                return Ok(());
            };
            // A question we removed and they changed: accepting brings it back
            // where it stood among the questions around it.
            let brought_back = content.question(target).is_err();
            let target = if brought_back {
                let Some(c) = item.content.first() else {
                    return Ok(());
                };
                let id = insert(content, None, c)?;
                content.place_after(id, resolve(content, &item.after, placed))?;
                id
            } else {
                if let Some(c) = item.content.first() {
                    put(content, target, c)?;
                }
                if item.op == MergeOp::Moved {
                    let after = resolve(content, &item.after, placed);
                    content.place_after(target, after)?;
                }
                target
            };
            let mut last = target;
            for extra in item.content.iter().skip(1) {
                last = insert(content, Some(last), extra)?;
            }
            if brought_back {
                return Ok(());
            }
            if let Some(also) = item.also.filter(|a| content.question(*a).is_ok()) {
                let gone = content.delete_question(also)?;
                for c in gone.comments {
                    content.add_comment(target, c)?;
                }
            }
        }
    }
    Ok(())
}

/// The draft of this library a returned or shared file names, if any.
pub fn draft_named_by(lib: &mut Library, path: &Path) -> Result<Option<i64>> {
    let uid = if super::share::is_shared_file(path) {
        Some(super::share::read(path)?.draft.uid)
    } else {
        crate::import::read_returned(path)?.draft_uid
    };
    match uid {
        Some(u) => draft::find_by_uid(lib.connection(), &u),
        None => Ok(None),
    }
}

pub use super::review_view::*;
