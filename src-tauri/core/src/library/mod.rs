//! Store: the rapporteur's library in SQLite — documents, their paragraphs and
//! citations, follow-up assessments, full-text search, and drafts.
//!
//! Every import is one transaction: a file that fails leaves the library as it
//! was. The database lives in the OS's per-user app-data folder (the one the
//! desktop app uses); `LOI_DB` or an explicit path overrides it.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::import::{self, SourceFormat};
use crate::model::{Document, DocumentKind, StateParty};
use crate::parse;
use crate::symbols;

mod schema;
mod writing;

use writing::{store_in, Parsed};
pub mod search_index;
#[cfg(test)]
mod tests;

/// The app's identifier, as in tauri.conf.json: names its data folder.
pub const APP_IDENTIFIER: &str = "org.loidrafter.desktop";

/// Metadata the user states, overriding what was inferred.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetadataOverrides {
    pub symbol: Option<String>,
    /// ISO alpha-3 code or English name.
    pub state: Option<String>,
    pub kind: Option<DocumentKind>,
    pub cycle: Option<u32>,
    pub date: Option<NaiveDate>,
}

impl MetadataOverrides {
    pub fn is_empty(&self) -> bool {
        self == &MetadataOverrides::default()
    }

    /// These corrections, then `later` ones: a later value wins; a later
    /// symbol also replaces the State, kind and cycle it implies.
    fn then(self, later: &MetadataOverrides) -> MetadataOverrides {
        let kept = later.symbol.is_none();
        MetadataOverrides {
            symbol: later.symbol.clone().or(self.symbol),
            state: later.state.clone().or(self.state.filter(|_| kept)),
            kind: later.kind.or(self.kind.filter(|_| kept)),
            cycle: later.cycle.or(self.cycle.filter(|_| kept)),
            date: later.date.or(self.date),
        }
    }

    /// For a document stored before corrections were recorded: its values that
    /// no parser marked as inferred (found in the text, or set by the user).
    fn kept_from(doc: &Document) -> MetadataOverrides {
        let kept = |field: &str| !doc.inferred.iter().any(|f| f == field);
        MetadataOverrides {
            symbol: doc.symbol.clone().filter(|_| kept("symbol")),
            state: doc
                .state
                .as_ref()
                .map(|s| s.code.clone())
                .filter(|_| kept("state")),
            kind: Some(doc.kind).filter(|k| kept("kind") && *k != DocumentKind::Other),
            cycle: doc.cycle.filter(|_| kept("cycle")),
            date: doc.date.filter(|_| kept("date")),
        }
    }

    /// These corrections less the fields `fresh` (the text read now) finds
    /// printed in the document.
    fn without_printed(self, fresh: &Document) -> MetadataOverrides {
        let printed =
            |field: &str, found: bool| found && !fresh.inferred.iter().any(|f| f == field);
        MetadataOverrides {
            symbol: self
                .symbol
                .filter(|_| !printed("symbol", fresh.symbol.is_some())),
            state: self
                .state
                .filter(|_| !printed("state", fresh.state.is_some())),
            kind: self
                .kind
                .filter(|_| !printed("kind", fresh.kind != DocumentKind::Other)),
            cycle: self
                .cycle
                .filter(|_| !printed("cycle", fresh.cycle.is_some())),
            date: self.date.filter(|_| !printed("date", fresh.date.is_some())),
        }
    }
}

/// A line of the library's table of documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentSummary {
    pub id: i64,
    pub symbol: Option<String>,
    pub committee: Option<String>,
    pub kind: DocumentKind,
    pub state: Option<StateParty>,
    pub cycle: Option<u32>,
    pub date: Option<NaiveDate>,
    pub language: Option<String>,
    pub title: Option<String>,
    pub source_name: String,
    pub format: String,
    pub inferred: Vec<String>,
    pub paragraphs: usize,
    pub imported_at: String,
}

/// What importing one file did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ImportOutcome {
    Imported {
        document: DocumentSummary,
        warnings: Vec<String>,
    },
    AlreadyInLibrary {
        document: DocumentSummary,
    },
}

impl ImportOutcome {
    pub fn document(&self) -> &DocumentSummary {
        match self {
            ImportOutcome::Imported { document, .. }
            | ImportOutcome::AlreadyInLibrary { document } => document,
        }
    }
}

/// What importing one of several files gave.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileResult {
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<ImportOutcome>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<crate::error::ErrorPayload>,
}

/// A State party with documents in the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateSummary {
    pub code: String,
    pub name: String,
    pub documents: usize,
    /// Drafts in progress for this State party.
    pub drafts: usize,
    /// The committees whose documents on this State party the library holds,
    /// in alphabetical order, with how many of their documents.
    pub committees: Vec<CommitteeDocuments>,
}

/// How many documents of one committee the library holds on a State party.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitteeDocuments {
    /// "CMW", "CRPD".
    pub committee: String,
    pub documents: usize,
    /// Drafts of this committee's lists in progress.
    pub drafts: usize,
}

/// The start and end markers of a highlighted word in search snippets. The UI
/// turns them into `<mark>` after escaping the rest.
pub const HIGHLIGHT_START: char = '\u{2}';
pub const HIGHLIGHT_END: char = '\u{3}';

/// A paragraph that matched a search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    pub document_id: i64,
    pub symbol: Option<String>,
    pub kind: DocumentKind,
    pub state: Option<StateParty>,
    /// Paragraph number, when it has one.
    pub paragraph: Option<String>,
    /// Position of the paragraph in its document (0-based).
    pub seq: usize,
    /// The matched passage; matched words between [`HIGHLIGHT_START`] and [`HIGHLIGHT_END`].
    pub snippet: String,
    pub rank: f64,
}

/// The library: one SQLite database.
pub struct Library {
    conn: Connection,
    path: PathBuf,
}

/// The version of the parser: raise it whenever the parser reads documents
/// differently, and the documents read by an older one are read again
/// ([`Library::documents_to_reread`], [`Library::reread`]).
pub const PARSER_VERSION: i64 = 5;

/// The readable files in `paths`, folders opened (sub-folders too, hidden
/// files and folders left out), in name order, at most `limit` of them: what
/// `loi import DIR` and a folder dropped on the app import.
pub fn documents_in(paths: &[PathBuf], limit: usize) -> Vec<PathBuf> {
    fn walk(dir: &Path, depth: usize, out: &mut Vec<PathBuf>, limit: usize) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for p in entries {
            if out.len() >= limit {
                return;
            }
            let hidden = p
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if hidden {
                continue;
            }
            if p.is_dir() {
                if depth < 8 {
                    walk(&p, depth + 1, out, limit);
                }
            } else if readable_name(&p) {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    for p in paths {
        if out.len() >= limit {
            break;
        }
        if p.is_dir() {
            walk(p, 0, &mut out, limit);
        } else {
            out.push(p.clone());
        }
    }
    out
}

/// A file name LOI Drafter reads (.docx, .pdf, .txt, .md).
fn readable_name(path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .is_some_and(|e| matches!(e.as_str(), "docx" | "pdf" | "txt" | "md" | "markdown"))
}

/// How long a write waits for another process's transaction (an import of a
/// large file holds the library for a second or two).
pub const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// How often a waiting writer tries again.
const BUSY_RETRY: std::time::Duration = std::time::Duration::from_millis(2);

/// SQLite's busy handler: try again every [`BUSY_RETRY`] for [`BUSY_TIMEOUT`].
/// (SQLite's own timeout backs off to 100 ms between tries, so a writer that
/// commits often, such as the editor saving every keystroke, can starve a
/// waiting one.)
fn wait_for_the_other_writer(tries: i32) -> bool {
    let limit = (BUSY_TIMEOUT.as_millis() / BUSY_RETRY.as_millis()) as i32;
    if tries >= limit {
        return false;
    }
    std::thread::sleep(BUSY_RETRY);
    true
}

fn now() -> String {
    Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A stable hash of a document's text (line ends and trailing spaces ignored).
pub fn content_hash(text: &str) -> String {
    let normalized: String = text
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n");
    let digest = Sha256::digest(normalized.trim().as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

impl Library {
    /// Where the library lives: `LOI_DB` if set, else the app-data folder.
    pub fn default_path() -> Result<PathBuf> {
        if let Some(p) = std::env::var_os("LOI_DB").filter(|p| !p.is_empty()) {
            return Ok(PathBuf::from(p));
        }
        let base = dirs::data_dir().ok_or_else(|| {
            Error::InvalidInput("this system has no per-user data folder; set LOI_DB".into())
        })?;
        Ok(base.join(APP_IDENTIFIER).join("library.sqlite3"))
    }

    /// Opens (creating if needed) the library at `path`, migrating its schema.
    pub fn open(path: &Path) -> Result<Library> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir.display().to_string(), e))?;
        }
        let conn = Connection::open(path)?;
        let mut lib = Library {
            conn,
            path: path.to_path_buf(),
        };
        lib.configure()?;
        lib.migrate()?;
        Ok(lib)
    }

    /// An in-memory library (tests, benchmarks).
    pub fn open_in_memory() -> Result<Library> {
        let conn = Connection::open_in_memory()?;
        let mut lib = Library {
            conn,
            path: PathBuf::from(":memory:"),
        };
        lib.configure()?;
        lib.migrate()?;
        Ok(lib)
    }

    /// Opens the default library, importing the built-in sample documents the
    /// first time (when it has no documents and never had any).
    pub fn open_default_seeded() -> Result<Library> {
        let mut lib = Library::open(&Library::default_path()?)?;
        lib.ensure_seeded()?;
        Ok(lib)
    }

    /// Architecture invariant: every write is one transaction that starts with
    /// `BEGIN IMMEDIATE` (so a read-modify-write holds the write lock from its
    /// read on), and a writer waits up to [`BUSY_TIMEOUT`] for another process's
    /// transaction instead of failing with "database is locked".
    fn configure(&mut self) -> Result<()> {
        self.conn.busy_handler(Some(wait_for_the_other_writer))?;
        self.conn
            .set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
        // Turning a new library's journal into a WAL takes an exclusive lock.
        // Two processes doing it at once can each hold the shared lock the
        // other waits for; SQLite then answers "database is locked" at once,
        // without its busy handler, to one of them, which tries again.
        let started = std::time::Instant::now();
        loop {
            match self.conn.execute_batch("PRAGMA journal_mode = WAL") {
                Err(rusqlite::Error::SqliteFailure(f, _))
                    if f.code == rusqlite::ErrorCode::DatabaseBusy
                        && started.elapsed() < BUSY_TIMEOUT =>
                {
                    std::thread::sleep(BUSY_RETRY);
                }
                result => break result?,
            }
        }
        self.conn
            .execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")?;
        Ok(())
    }

    fn migrate(&mut self) -> Result<()> {
        schema::migrate(&mut self.conn)
    }

    /// The schema version (number of migrations applied).
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The underlying connection (drafts are stored through it).
    pub fn connection(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// The connection, shared: for reads, and for a transaction that stays open
    /// while the library is read (see [`crate::draft::change_showing`]).
    pub fn shared_connection(&self) -> &Connection {
        &self.conn
    }

    /// Imports the built-in sample documents into a library that never had any,
    /// in one transaction (several processes opening a new library at once
    /// import them once). Returns how many were imported.
    pub fn ensure_seeded(&mut self) -> Result<usize> {
        if seeded_or_not_empty(&self.conn)? {
            return Ok(0);
        }
        let mut texts = Vec::new();
        for (name, bytes) in crate::seeds::SEEDS {
            texts.push((*name, import::extract_text(name, bytes)?));
        }
        let parsed = texts
            .iter()
            .map(|(name, extracted)| Parsed::new(name, extracted, &MetadataOverrides::default()))
            .collect::<Result<Vec<_>>>()?;
        let tx = self.conn.transaction()?;
        if seeded_or_not_empty(&tx)? {
            return Ok(0);
        }
        let mut n = 0;
        for p in parsed {
            if let ImportOutcome::Imported { .. } = store_in(&tx, p)? {
                n += 1;
            }
        }
        tx.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES ('seeded', ?1)",
            params![now()],
        )?;
        tx.commit()?;
        Ok(n)
    }

    pub fn document_count(&self) -> Result<usize> {
        let n: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM documents", [], |r| r.get(0))?;
        Ok(n as usize)
    }

    /// One document's summary.
    pub fn summary(&self, id: i64) -> Result<DocumentSummary> {
        summary_in(&self.conn, id)
    }

    /// The documents, optionally of one State party (code), by State, kind, cycle.
    pub fn documents(&self, state: Option<&str>) -> Result<Vec<DocumentSummary>> {
        let mut stmt = self.conn.prepare(&format!(
            "{SUMMARY_SELECT} WHERE ?1 IS NULL OR d.state_code = ?1 ORDER BY d.state_code, d.cycle DESC, d.date DESC, d.id"
        ))?;
        let rows = stmt.query_map(params![state.map(normalize_code)], summary_row)?;
        Ok(rows.collect::<std::result::Result<Vec<_>, _>>()?)
    }

    /// A stored document, as parsed.
    pub fn document(&self, id: i64) -> Result<Document> {
        let json: String = self
            .conn
            .query_row(
                "SELECT document FROM documents WHERE id = ?1",
                params![id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("document {id}")))?;
        Ok(serde_json::from_str(&json)?)
    }

    /// The stored document with this symbol, if any.
    pub fn document_by_symbol(&self, symbol: &str) -> Result<Option<(i64, Document)>> {
        let id: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM documents WHERE symbol = ?1 ORDER BY id DESC LIMIT 1",
                params![symbols::normalize_symbol(symbol)],
                |r| r.get(0),
            )
            .optional()?;
        id.map(|id| Ok((id, self.document(id)?))).transpose()
    }

    /// Every stored document of a State party, parsed, with its id.
    pub fn documents_of_state(&self, state: &str) -> Result<Vec<(i64, Document)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, document FROM documents WHERE state_code = ?1 ORDER BY id")?;
        let rows = stmt.query_map(params![normalize_code(state)], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, json) = row?;
            out.push((id, serde_json::from_str(&json)?));
        }
        Ok(out)
    }

    /// The State parties with documents or drafts.
    pub fn states(&self) -> Result<Vec<StateSummary>> {
        let mut stmt = self.conn.prepare(
            "SELECT code, name, SUM(docs), SUM(drafts) FROM (
                 SELECT state_code AS code, state_name AS name, 1 AS docs, 0 AS drafts FROM documents WHERE state_code IS NOT NULL
                 UNION ALL
                 SELECT state_code, state_name, 0, 1 FROM drafts
             ) GROUP BY code ORDER BY name",
        )?;
        let mut by_committee = self.conn.prepare(
            "SELECT code, committee, SUM(docs), SUM(drafts) FROM (
                 SELECT state_code AS code, committee, 1 AS docs, 0 AS drafts FROM documents
                 WHERE state_code IS NOT NULL AND committee IS NOT NULL
                 UNION ALL
                 SELECT state_code, committee, 0, 1 FROM drafts
             ) GROUP BY code, committee ORDER BY committee",
        )?;
        let rows = by_committee
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    CommitteeDocuments {
                        committee: crate::committees::canonical(&r.get::<_, String>(1)?),
                        documents: r.get::<_, i64>(2)? as usize,
                        drafts: r.get::<_, i64>(3)? as usize,
                    },
                ))
            })?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        // Committees as their profiles name them ("E/C.12" is CESCR), merged.
        let mut counts: Vec<(String, CommitteeDocuments)> = Vec::new();
        for (code, c) in rows {
            match counts
                .iter_mut()
                .find(|(k, n)| *k == code && n.committee == c.committee)
            {
                Some((_, n)) => {
                    n.documents += c.documents;
                    n.drafts += c.drafts;
                }
                None => counts.push((code, c)),
            }
        }
        counts.sort_by(|a, b| a.1.committee.cmp(&b.1.committee));
        let rows = stmt.query_map([], |r| {
            let code: String = r.get(0)?;
            let committees = counts
                .iter()
                .filter(|(c, _)| *c == code)
                .map(|(_, n)| n.clone())
                .collect();
            Ok(StateSummary {
                code,
                name: r.get(1)?,
                documents: r.get::<_, i64>(2)? as usize,
                drafts: r.get::<_, i64>(3)? as usize,
                committees,
            })
        })?;
        Ok(rows.collect::<std::result::Result<Vec<_>, _>>()?)
    }

    /// Full-text search over every paragraph (optionally of one State party).
    /// Words are matched with their endings ("traffick" finds "trafficking"),
    /// accents ignored; whatever the user types, the query is never an error.
    /// A damaged index is rebuilt from the stored documents and the search run
    /// again.
    pub fn search(&self, query: &str, state: Option<&str>, limit: usize) -> Result<Vec<SearchHit>> {
        let code = state.map(normalize_code);
        let Some(fts) = search_index::query(query, code.as_deref()) else {
            return Ok(Vec::new());
        };
        match search_index::search(&self.conn, &fts, limit) {
            Err(e) if search_index::is_damage(&e) => {
                tracing::error!(
                    code = e.code(),
                    "the search index is damaged; rebuilding it"
                );
                self.rebuild_search_index()?;
                search_index::search(&self.conn, &fts, limit)
            }
            result => result,
        }
    }

    /// Builds the search index again from the stored documents, in one transaction.
    pub fn rebuild_search_index(&self) -> Result<()> {
        let tx = rusqlite::Transaction::new_unchecked(
            &self.conn,
            rusqlite::TransactionBehavior::Immediate,
        )?;
        search_index::rebuild(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// FTS5's integrity check of the search index, content included.
    pub fn check_search_index(&self) -> Result<()> {
        search_index::check(&self.conn)
    }

    /// All follow-up assessments of concluding observations with this symbol,
    /// with the letter they come from (document id and date).
    pub fn assessments_of(
        &self,
        symbol: &str,
    ) -> Result<Vec<(i64, Option<NaiveDate>, crate::model::Assessment)>> {
        let mut stmt = self.conn.prepare(
            "SELECT a.document_id, d.date, a.symbol, a.paragraph, a.text FROM assessments a JOIN documents d ON d.id = a.document_id WHERE a.symbol = ?1 ORDER BY d.date, a.rowid",
        )?;
        let rows = stmt.query_map(params![symbol], |r| {
            let date: Option<String> = r.get(1)?;
            Ok((
                r.get::<_, i64>(0)?,
                date.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
                crate::model::Assessment {
                    symbol: r.get(2)?,
                    paragraph: r.get(3)?,
                    text: r.get(4)?,
                },
            ))
        })?;
        Ok(rows.collect::<std::result::Result<Vec<_>, _>>()?)
    }
}

fn normalize_code(s: &str) -> String {
    symbols::state_by_code_or_name(s)
        .map(|s| s.code)
        .unwrap_or_else(|| s.trim().to_ascii_uppercase())
}

fn seeded_or_not_empty(conn: &Connection) -> Result<bool> {
    let seeded: Option<String> = conn
        .query_row("SELECT value FROM settings WHERE key = 'seeded'", [], |r| {
            r.get(0)
        })
        .optional()?;
    let any: bool = conn.query_row("SELECT EXISTS (SELECT 1 FROM documents)", [], |r| r.get(0))?;
    Ok(seeded.is_some() || any)
}

fn summary_in(conn: &Connection, id: i64) -> Result<DocumentSummary> {
    conn.query_row(
        &format!("{SUMMARY_SELECT} WHERE d.id = ?1"),
        params![id],
        summary_row,
    )
    .optional()?
    .ok_or_else(|| Error::NotFound(format!("document {id}")))
}

const SUMMARY_SELECT: &str = "SELECT d.id, d.symbol, d.committee, d.kind, d.state_code, d.state_name, d.cycle, d.date, d.language, d.title,
        d.source_name, d.format, d.inferred, d.imported_at,
        (SELECT COUNT(*) FROM paragraphs p WHERE p.document_id = d.id)
    FROM documents d";

fn summary_row(r: &rusqlite::Row) -> rusqlite::Result<DocumentSummary> {
    let kind: String = r.get(3)?;
    let code: Option<String> = r.get(4)?;
    let name: Option<String> = r.get(5)?;
    let date: Option<String> = r.get(7)?;
    let inferred: String = r.get(12)?;
    Ok(DocumentSummary {
        id: r.get(0)?,
        symbol: r.get(1)?,
        committee: r.get(2)?,
        kind: DocumentKind::parse(&kind).unwrap_or_default(),
        state: code.zip(name).map(|(code, name)| StateParty { code, name }),
        cycle: r.get(6)?,
        date: date.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
        language: r.get(8)?,
        title: r.get(9)?,
        source_name: r.get(10)?,
        format: r.get(11)?,
        inferred: serde_json::from_str(&inferred).unwrap_or_default(),
        imported_at: r.get(13)?,
        paragraphs: r.get::<_, i64>(14)? as usize,
    })
}
