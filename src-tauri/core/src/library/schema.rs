//! The library's schema: numbered migrations, each a `.sql` file in
//! `migrations/` embedded at build time, applied in order, one transaction
//! each; `PRAGMA user_version` records how many ran.
//!
//! Several processes may open a new library at once (the app and the `loi`
//! command, or three `loi` commands): each migration runs inside
//! `BEGIN IMMEDIATE` and re-reads the version there, so exactly one process
//! applies it and the others find it done.

use rusqlite::{Connection, TransactionBehavior};

use crate::error::Result;

/// A migration: its file name (for the log) and its SQL; some are followed by a
/// step in Rust inside the same transaction.
pub(super) struct Migration {
    pub name: &'static str,
    pub sql: &'static str,
    pub then: Option<fn(&Connection) -> Result<()>>,
}

macro_rules! migration {
    ($file:literal) => {
        migration!($file, None)
    };
    ($file:literal, $then:expr) => {
        Migration {
            name: $file,
            sql: include_str!(concat!("migrations/", $file)),
            then: $then,
        }
    };
}

pub(super) const MIGRATIONS: &[Migration] = &[
    migration!("001_documents.sql"),
    migration!("002_drafts.sql"),
    migration!("003_typing.sql"),
    migration!("004_external_index.sql"),
    migration!("005_search_index.sql", Some(super::search_index::fill)),
    migration!("006_parser_version.sql"),
    migration!("007_draft_exchange.sql", Some(crate::draft::give_uids)),
    migration!("008_sent_versions.sql"),
];

/// How many migrations this build knows.
pub(super) fn latest() -> i64 {
    MIGRATIONS.len() as i64
}

fn version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Applies the migrations the library has not had yet.
pub(super) fn migrate(conn: &mut Connection) -> Result<()> {
    loop {
        // Cheap check first: an up-to-date library takes no write lock.
        if version(conn)? >= latest() {
            return Ok(());
        }
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let done = version(&tx)?;
        let Some(m) = usize::try_from(done).ok().and_then(|i| MIGRATIONS.get(i)) else {
            return Ok(());
        };
        tx.execute_batch(m.sql)?;
        if let Some(then) = m.then {
            then(&tx)?;
        }
        tx.execute_batch(&format!("PRAGMA user_version = {}", done + 1))?;
        tx.commit()?;
        tracing::info!(migration = m.name, "library schema migrated");
    }
}
