//! App to app: a draft shared as a file (`.loidraft`, JSON, documented below)
//! that another LOI Drafter opens as a new draft, or merges into the same draft
//! with the three-way merge of [`super::merge`], the common ancestor found by
//! the versions' global ids.
//!
//! The format (version 1):
//!
//! ```json
//! {
//!   "format": "loi-drafter-draft",
//!   "format_version": 1,
//!   "shared_by": "Name",                     // optional
//!   "shared_at": "2026-12-04T18:00:00.000Z",
//!   "shared_version": "UUID",                // the version "draft.content" is
//!   "draft": {
//!     "uid": "UUID", "state": {"code": "TJK", "name": "Tajikistan"},
//!     "committee": "CMW", "cycle": 3, "source_symbol": "CMW/C/TJK/CO/2",
//!     "content": { … }                        // as the library stores a draft
//!   },
//!   "versions": [ {"uid": "UUID", "name": "…", "created_at": "…", "content": { … }} ]
//! }
//! ```
//!
//! A draft's content: title, symbol, kind, style, intro, sections, questions
//! (id, section, text with `[fn]` at each footnote marker, subitems, notes —
//! one per marker, each with `cites` `[{symbol, paragraph}]` or `text` —
//! sources, generated, edited, comments) and next_id.

use std::collections::HashSet;
use std::io::Read;
use std::path::Path;

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use super::merge::{self, Anchor, QuestionContent, TheirQuestion, Theirs};
use super::review::{self, Review, ReviewComment};
use crate::draft::{self, Draft, DraftContent, NOTE_TOKEN};
use crate::error::{Error, Result};
use crate::library::Library;
use crate::model::StateParty;

pub const FORMAT: &str = "loi-drafter-draft";
pub const FORMAT_VERSION: u32 = 1;
/// The largest shared draft read.
const MAX_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedDraft {
    pub format: String,
    pub format_version: u32,
    #[serde(default)]
    pub shared_by: Option<String>,
    pub shared_at: String,
    pub shared_version: String,
    pub draft: SharedBody,
    #[serde(default)]
    pub versions: Vec<SharedVersion>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedBody {
    pub uid: String,
    pub state: StateParty,
    pub committee: String,
    pub cycle: u32,
    #[serde(default)]
    pub source_symbol: Option<String>,
    pub content: DraftContent,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedVersion {
    pub uid: String,
    pub name: String,
    pub created_at: String,
    pub content: DraftContent,
}

/// The version the current state of a draft is, saved now (named `name`)
/// when it is not one already; inside the caller's transaction.
pub fn sent_version(conn: &Connection, id: i64, name: &str) -> Result<draft::DraftVersion> {
    let draft = draft::load(conn, id)?;
    if let Some(last) = draft::versions(conn, id)?.pop() {
        if draft::version_content(conn, id, last.id)? == draft.content {
            return Ok(last);
        }
    }
    draft::write_version(conn, id, name)
}

/// The draft as a shared file (a version "Shared …" is saved first when the
/// draft has changed since its last version).
pub fn share(lib: &mut Library, id: i64, shared_by: Option<&str>) -> Result<Vec<u8>> {
    let lib: &Library = lib;
    let tx = rusqlite::Transaction::new_unchecked(
        lib.shared_connection(),
        rusqlite::TransactionBehavior::Immediate,
    )?;
    let stamp = chrono::Local::now().format("%-d %B %Y %H:%M").to_string();
    let version = sent_version(&tx, id, &format!("Shared {stamp}"))?;
    draft::mark_sent(&tx, version.id)?;
    let draft = draft::load(&tx, id)?;
    let mut versions = Vec::new();
    for v in draft::versions(&tx, id)? {
        versions.push(SharedVersion {
            content: draft::version_content(&tx, id, v.id)?,
            uid: v.uid,
            name: v.name,
            created_at: v.created_at,
        });
    }
    tx.commit()?;
    let file = SharedDraft {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        shared_by: shared_by
            .map(str::to_string)
            .filter(|s| !s.trim().is_empty()),
        shared_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        shared_version: version.uid,
        draft: SharedBody {
            uid: draft.uid,
            state: draft.state,
            committee: draft.committee,
            cycle: draft.cycle,
            source_symbol: draft.source_symbol,
            content: draft.content,
        },
        versions,
    };
    Ok(serde_json::to_vec_pretty(&file)?)
}

/// Whether a file is a shared draft (rather than a Word file).
pub fn is_shared_file(path: &Path) -> bool {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if ext == "loidraft" {
        return true;
    }
    let mut head = [0u8; 64];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    head[..n]
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| *b == b'{')
}

/// Reads and checks a shared draft.
pub fn read(path: &Path) -> Result<SharedDraft> {
    let name = crate::import::display_name(path);
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| Error::import(&name, format!("cannot be read ({e})")))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(Error::import(&name, "is larger than a shared draft can be"));
    }
    let file: SharedDraft = serde_json::from_slice(&bytes)
        .map_err(|e| Error::import(&name, format!("is not a draft shared by LOI Drafter ({e})")))?;
    if file.format != FORMAT {
        return Err(Error::import(&name, "is not a draft shared by LOI Drafter"));
    }
    if file.format_version > FORMAT_VERSION {
        return Err(Error::import(
            &name,
            format!(
                "was shared by a newer LOI Drafter (draft format {}; this one reads {FORMAT_VERSION})",
                file.format_version
            ),
        ));
    }
    let mut file = file;
    checked(&mut file.draft.content, &name)?;
    for v in &mut file.versions {
        checked(&mut v.content, &name)?;
    }
    Ok(file)
}

/// Refuses a content whose question ids repeat; keeps a note per marker.
fn checked(content: &mut DraftContent, name: &str) -> Result<()> {
    let mut ids = HashSet::new();
    for q in &mut content.questions {
        if !ids.insert(q.id) {
            return Err(Error::import(
                name,
                format!("has question id {} twice", q.id),
            ));
        }
        let tokens = q.text.matches(NOTE_TOKEN).count();
        q.notes.truncate(tokens);
        while q.text.matches(NOTE_TOKEN).count() > q.notes.len() {
            match q.text.rfind(NOTE_TOKEN) {
                Some(at) => q.text.replace_range(at..at + NOTE_TOKEN.len(), ""),
                None => break,
            }
        }
    }
    let max = content.questions.iter().map(|q| q.id).max().unwrap_or(0);
    content.next_id = content.next_id.max(max + 1);
    Ok(())
}

/// Opens a shared draft as a new draft of this library (with its versions).
pub fn open_new(lib: &mut Library, path: &Path) -> Result<Draft> {
    let file = read(path)?;
    let lib: &Library = lib;
    let tx = rusqlite::Transaction::new_unchecked(
        lib.shared_connection(),
        rusqlite::TransactionBehavior::Immediate,
    )?;
    let b = &file.draft;
    let draft = draft::write_new(
        &tx,
        &b.state,
        &b.committee,
        b.cycle,
        b.source_symbol.as_deref(),
        &b.content,
    )?;
    // The same global id, unless this library has that draft already (then
    // this is a copy of it).
    if draft::find_by_uid(&tx, &b.uid)?.is_none() {
        tx.execute(
            "UPDATE drafts SET uid = ?2 WHERE id = ?1",
            params![draft, b.uid],
        )?;
    }
    import_versions(&tx, draft, &file)?;
    let out = draft::load(&tx, draft)?;
    tx.commit()?;
    Ok(out)
}

/// Keeps the shared versions this library does not have, with their ids.
fn import_versions(conn: &Connection, id: i64, file: &SharedDraft) -> Result<()> {
    for v in &file.versions {
        let exists: bool = conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM draft_versions WHERE uid = ?1)",
            params![v.uid],
            |r| r.get(0),
        )?;
        if exists {
            continue;
        }
        conn.execute(
            "INSERT INTO draft_versions (draft_id, name, created_at, content, uid) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, v.name, v.created_at, serde_json::to_string(&v.content)?, v.uid],
        )?;
    }
    Ok(())
}

/// Merges a shared draft into draft `id`: base = the newest version both
/// have, theirs = the shared draft, ours = the draft now. Stored as a review.
pub fn merge_into(lib: &mut Library, id: i64, path: &Path) -> Result<Review> {
    let file = read(path)?;
    let name = crate::import::display_name(path);
    let lib: &Library = lib;
    let tx = rusqlite::Transaction::new_unchecked(
        lib.shared_connection(),
        rusqlite::TransactionBehavior::Immediate,
    )?;
    let draft = draft::load(&tx, id)?;
    let ours_versions = draft::versions(&tx, id)?;
    let common = file
        .versions
        .iter()
        .rev()
        .find_map(|v| ours_versions.iter().find(|o| o.uid == v.uid))
        .cloned()
        .ok_or_else(|| {
            Error::InvalidInput(format!(
                "{name} and draft {id} have no version in common: open it as a new draft instead"
            ))
        })?;
    let base = draft::version_content(&tx, id, common.id)?;
    let base_ids: HashSet<u64> = base.questions.iter().map(|q| q.id).collect();
    let author = file.shared_by.clone().unwrap_or_else(|| name.clone());
    let theirs = Theirs {
        questions: file
            .draft
            .content
            .questions
            .iter()
            .map(|q| TheirQuestion {
                base_id: base_ids.contains(&q.id).then_some(q.id),
                content: QuestionContent::of(q),
                authors: Vec::new(),
            })
            .collect(),
        removed_by: Default::default(),
        default_author: author.clone(),
        base_as_sent: Default::default(),
    };
    let items = merge::merge(&base, &draft.content, &theirs);
    // Their comments the draft does not have.
    let mut comments = Vec::new();
    for (i, q) in file.draft.content.questions.iter().enumerate() {
        let ours = draft.content.question(q.id).ok();
        for c in &q.comments {
            if ours.is_some_and(|o| o.comments.contains(c)) {
                continue;
            }
            comments.push(ReviewComment {
                on: Some(if base_ids.contains(&q.id) {
                    Anchor::Question(q.id)
                } else {
                    Anchor::Added(i)
                }),
                author: c.author.clone(),
                date: c.date.clone(),
                text: c.text.clone(),
                kept: false,
            });
        }
    }
    import_versions(&tx, id, &file)?;
    let rid = review::store(&tx, id, common.id, &name, true, items, comments)?;
    let out = review::load(&tx, rid)?;
    tx.commit()?;
    Ok(out)
}
