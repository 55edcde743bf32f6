//! Store: drafts in the library (SQLite) — the current content, its undo
//! history, named versions and global ids. Every write is one transaction.

use chrono::Utc;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::DraftContent;
use crate::error::{Error, Result};
use crate::model::{DocumentKind, IssueList, StateParty};

/// How many undo steps are kept per draft.
pub const HISTORY_LIMIT: i64 = 300;

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
    /// When it was last sent out (exported or shared), if ever.
    #[serde(default)]
    pub sent_at: Option<String>,
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
        sent_at: None,
    })
}

/// Notes that a version was sent out now (inside the caller's transaction).
pub fn mark_sent(conn: &Connection, version: i64) -> Result<()> {
    conn.execute(
        "UPDATE draft_versions SET sent_at = ?2 WHERE id = ?1",
        params![version, now()],
    )?;
    Ok(())
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

/// A row of `draft_versions`, as the queries below select it.
type VersionRow = (i64, String, String, String, Option<String>, Option<String>);

const VERSION_COLUMNS: &str = "id, name, created_at, content, uid, sent_at";

fn version_row(r: &rusqlite::Row) -> rusqlite::Result<VersionRow> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
    ))
}

fn version_of(draft_id: i64, row: VersionRow) -> Result<DraftVersion> {
    let (id, name, created_at, content, uid, sent_at) = row;
    Ok(DraftVersion {
        id,
        uid: uid.unwrap_or_default(),
        draft_id,
        name,
        created_at,
        questions: from_json(&content)?.questions.len(),
        sent_at,
    })
}

/// The named versions of a draft, oldest first.
pub fn versions(conn: &Connection, id: i64) -> Result<Vec<DraftVersion>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {VERSION_COLUMNS} FROM draft_versions WHERE draft_id = ?1 ORDER BY id"
    ))?;
    let rows = stmt.query_map(params![id], version_row)?;
    let mut out = Vec::new();
    for row in rows {
        out.push(version_of(id, row?)?);
    }
    Ok(out)
}

/// One named version of a draft.
pub fn version(conn: &Connection, id: i64, version: i64) -> Result<DraftVersion> {
    let row = conn
        .query_row(
            &format!(
                "SELECT {VERSION_COLUMNS} FROM draft_versions WHERE draft_id = ?1 AND id = ?2"
            ),
            params![id, version],
            version_row,
        )
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("version {version} of draft {id}")))?;
    version_of(id, row)
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
