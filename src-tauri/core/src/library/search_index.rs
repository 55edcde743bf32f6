//! The full-text search index (SQLite FTS5): what is written into it, what is
//! taken out, and searching it.
//!
//! Architecture invariant: the index keeps its own copy of what it indexes (a
//! paragraph's full text, sub-paragraphs included, and its State party's code),
//! written by [`add`] and removed by rowid by [`remove_document`], so a delete
//! always removes exactly what was written and FTS5's integrity check (content
//! included) passes after every change. Nothing else writes to
//! `paragraph_search`.

use rusqlite::{params, Connection, ErrorCode};

use super::{SearchHit, StateParty};
use crate::error::{Error, Result};
use crate::model::{Document, DocumentKind};

/// Indexes one stored paragraph.
pub(super) fn add(
    conn: &Connection,
    paragraph_id: i64,
    text: &str,
    state: Option<&str>,
) -> Result<()> {
    conn.prepare_cached("INSERT INTO paragraph_search (rowid, text, state) VALUES (?1, ?2, ?3)")?
        .execute(params![paragraph_id, text, state.unwrap_or_default()])?;
    Ok(())
}

/// Takes a document's paragraphs out of the index (call before deleting them).
pub(super) fn remove_document(conn: &Connection, document_id: i64) -> Result<()> {
    conn.prepare_cached(
        "DELETE FROM paragraph_search WHERE rowid IN (SELECT id FROM paragraphs WHERE document_id = ?1)",
    )?
    .execute(params![document_id])?;
    Ok(())
}

/// The index's definition (also migration 5).
const CREATE: &str = include_str!("migrations/005_search_index.sql");

/// Builds the index anew from the stored documents: the repair of a damaged
/// index (a damaged one cannot be trusted to delete its rows: it is dropped).
/// Runs inside the caller's transaction.
pub(super) fn rebuild(conn: &Connection) -> Result<()> {
    conn.execute_batch(CREATE)?;
    fill(conn)
}

/// Indexes every stored document (after migration 5 created the index).
pub(super) fn fill(conn: &Connection) -> Result<()> {
    let mut docs = conn.prepare("SELECT id, state_code, document FROM documents ORDER BY id")?;
    let mut rows = docs.query([])?;
    let mut ids =
        conn.prepare_cached("SELECT id FROM paragraphs WHERE document_id = ?1 ORDER BY seq")?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let state: Option<String> = row.get(1)?;
        let json: String = row.get(2)?;
        let doc: Document = serde_json::from_str(&json)?;
        let paragraph_ids = ids
            .query_map(params![id], |r| r.get::<_, i64>(0))?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        for (pid, p) in paragraph_ids.into_iter().zip(&doc.paragraphs) {
            add(conn, pid, &p.full_text(), state.as_deref())?;
        }
    }
    Ok(())
}

/// FTS5's integrity check, content included: `Ok` when the index holds exactly
/// what its rows say.
pub fn check(conn: &Connection) -> Result<()> {
    conn.execute(
        "INSERT INTO paragraph_search (paragraph_search, rank) VALUES ('integrity-check', 1)",
        [],
    )?;
    Ok(())
}

/// Whether an error says the index (or the database) is damaged.
pub(super) fn is_damage(e: &Error) -> bool {
    matches!(e, Error::Database(rusqlite::Error::SqliteFailure(f, _)) if f.code == ErrorCode::DatabaseCorrupt)
}

/// Turns what a user typed into a safe FTS5 query: every word quoted, with a
/// prefix star, all required, in the text column; a State party's code, when
/// given, is required in the State column.
pub(super) fn query(words: &str, state: Option<&str>) -> Option<String> {
    let terms: Vec<String> = words
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .take(32)
        .map(|t| format!("\"{}\"*", t.to_lowercase()))
        .collect();
    if terms.is_empty() {
        return None;
    }
    let text = format!("text : ({})", terms.join(" AND "));
    Some(match state {
        Some(code) => {
            let code: String = code.chars().filter(|c| c.is_alphanumeric()).collect();
            format!("state : \"{}\" AND {text}", code.to_lowercase())
        }
        None => text,
    })
}

/// The best `limit` paragraphs for an FTS5 query, best first, with snippets.
/// Ranking reads the index alone (no join per match, so thousands of matches
/// cost little at any limit); the snippet and the paragraph's document are
/// read for the hits shown only.
pub(super) fn search(conn: &Connection, fts: &str, limit: usize) -> Result<Vec<SearchHit>> {
    let mut top = conn.prepare_cached(
        "SELECT rowid, rank FROM paragraph_search WHERE paragraph_search MATCH ?1 ORDER BY rank LIMIT ?2",
    )?;
    let ranked = top
        .query_map(params![fts, limit as i64], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, f64>(1)?))
        })?
        .collect::<std::result::Result<Vec<_>, _>>()?;
    let mut shown = conn.prepare_cached(
        "SELECT p.document_id, d.symbol, d.kind, d.state_code, d.state_name, p.number, p.seq,
                snippet(paragraph_search, 0, char(2), char(3), '…', 40)
         FROM paragraph_search
         JOIN paragraphs p ON p.id = paragraph_search.rowid
         JOIN documents d ON d.id = p.document_id
         WHERE paragraph_search MATCH ?1 AND paragraph_search.rowid = ?2",
    )?;
    let mut hits = Vec::with_capacity(ranked.len());
    for (rowid, rank) in ranked {
        let mut rows = shown.query(params![fts, rowid])?;
        if let Some(r) = rows.next()? {
            let kind: String = r.get(2)?;
            let code: Option<String> = r.get(3)?;
            let name: Option<String> = r.get(4)?;
            hits.push(SearchHit {
                document_id: r.get(0)?,
                symbol: r.get(1)?,
                kind: DocumentKind::parse(&kind).unwrap_or_default(),
                state: code.zip(name).map(|(code, name)| StateParty { code, name }),
                paragraph: r.get(5)?,
                seq: r.get::<_, i64>(6)? as usize,
                snippet: r.get(7)?,
                rank,
            });
        }
    }
    Ok(hits)
}
