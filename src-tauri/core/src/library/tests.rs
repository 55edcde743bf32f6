//! The library's tests: import, delete, correct, search, seed, migrate.

use super::*;

fn lib() -> Library {
    Library::open_in_memory().unwrap()
}

const CO: &str = "Concluding observations on the second periodic report of Mexico\n\nC. Principal subjects of concern and recommendations\n\n1. General measures of implementation (arts. 73 and 84)\n\nTrafficking in persons\n\n10. The Committee is concerned about trafficking in persons and the lack of data on victims.\n\n11. Recalling its previous recommendations (CMW/C/MEX/CO/1, para. 20), the Committee recommends that the State party combat trafficking in persons and assist Ünver victims.\n";

#[test]
fn a_library_with_the_old_search_index_is_reindexed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.sqlite3");
    {
        let mut l = Library::open(&path).unwrap();
        l.import_bytes("co.txt", CO.as_bytes(), &MetadataOverrides::default())
            .unwrap();
        // As libraries were before the index read from `paragraphs`.
        l.conn
            .execute_batch(
                "DROP TABLE paragraph_search;
                 CREATE VIRTUAL TABLE paragraph_search USING fts5(text, tokenize = 'porter unicode61 remove_diacritics 2');
                 INSERT INTO paragraph_search (rowid, text) SELECT id, text FROM paragraphs;
                 ALTER TABLE documents DROP COLUMN parser_version;
                 ALTER TABLE documents DROP COLUMN corrections;
                 ALTER TABLE draft_versions DROP COLUMN sent_at;
                 DROP INDEX drafts_by_uid; DROP INDEX draft_versions_by_uid;
                 ALTER TABLE drafts DROP COLUMN uid; ALTER TABLE draft_versions DROP COLUMN uid;
                 DROP TABLE draft_reviews;
                 PRAGMA user_version = 3;",
            )
            .unwrap();
    }
    let l = Library::open(&path).unwrap();
    assert_eq!(l.schema_version().unwrap(), schema::latest());
    let hits = l.search("trafficking", None, 10).unwrap();
    assert_eq!(hits.len(), 2);
    assert!(hits[0].snippet.contains('\u{2}'));
}

#[test]
fn migrates_once_and_reopens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub").join("lib.sqlite3");
    {
        let mut l = Library::open(&path).unwrap();
        assert_eq!(l.schema_version().unwrap(), schema::latest());
        l.import_bytes("co.txt", CO.as_bytes(), &MetadataOverrides::default())
            .unwrap();
    }
    let l = Library::open(&path).unwrap();
    assert_eq!(l.schema_version().unwrap(), schema::latest());
    assert_eq!(l.document_count().unwrap(), 1);
}

#[test]
fn importing_the_same_content_twice_gives_one_document() {
    let mut l = lib();
    let a = l
        .import_bytes("co.txt", CO.as_bytes(), &MetadataOverrides::default())
        .unwrap();
    assert!(matches!(a, ImportOutcome::Imported { .. }));
    let crlf = CO.replace('\n', "\r\n");
    let b = l
        .import_bytes("copy.md", crlf.as_bytes(), &MetadataOverrides::default())
        .unwrap();
    assert!(matches!(b, ImportOutcome::AlreadyInLibrary { .. }));
    assert_eq!(a.document().id, b.document().id);
    assert_eq!(l.document_count().unwrap(), 1);
    let s = a.document();
    assert_eq!(s.symbol.as_deref(), Some("CMW/C/MEX/CO/2"));
    assert_eq!(s.kind, DocumentKind::ConcludingObservations);
}

#[test]
fn bad_input_leaves_the_library_unchanged() {
    let mut l = lib();
    l.import_bytes("co.txt", CO.as_bytes(), &MetadataOverrides::default())
        .unwrap();
    for (name, bytes) in [
        ("e.txt", b"".to_vec()),
        ("g.bin", vec![0u8, 1, 2, 3, 0, 255, 0, 7]),
        ("x.docx", b"PK\x03\x04broken".to_vec()),
    ] {
        assert!(matches!(
            l.import_bytes(name, &bytes, &MetadataOverrides::default()),
            Err(Error::Import { .. })
        ));
    }
    let bad = MetadataOverrides {
        state: Some("Atlantis".into()),
        ..Default::default()
    };
    assert!(l
        .import_bytes("other.txt", b"Some other text about migration.", &bad)
        .is_err());
    assert_eq!(l.document_count().unwrap(), 1);
    let n: i64 = l
        .conn
        .query_row("SELECT COUNT(*) FROM paragraphs", [], |r| r.get(0))
        .unwrap();
    let f: i64 = l
        .conn
        .query_row("SELECT COUNT(*) FROM paragraph_search_docsize", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(n, f);
    l.conn
        .execute(
            "INSERT INTO paragraph_search (paragraph_search, rank) VALUES ('integrity-check', 1)",
            [],
        )
        .expect("the search index matches the paragraphs");
}

#[test]
fn a_failed_write_rolls_the_whole_import_back() {
    let mut l = lib();
    // Make the last step of an import fail: a trigger refuses assessments.
    l.conn
        .execute_batch("CREATE TRIGGER no_assessments BEFORE INSERT ON assessments BEGIN SELECT RAISE(ABORT, 'refused'); END;")
        .unwrap();
    let letter = "Excellency,\n\nThe Committee examined the follow-up report (CMW/C/MEX/CO/1).\n\nRegarding the recommendation made in paragraph 20 of the concluding observations, the Committee encourages the State party to continue to implement the recommendation fully.\n";
    assert!(l
        .import_bytes(
            "letter.txt",
            letter.as_bytes(),
            &MetadataOverrides::default()
        )
        .is_err());
    assert_eq!(l.document_count().unwrap(), 0);
    let n: i64 = l
        .conn
        .query_row("SELECT COUNT(*) FROM paragraphs", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
}

#[test]
fn overrides_and_corrections() {
    let mut l = lib();
    let o = MetadataOverrides {
        kind: Some(DocumentKind::ConcludingObservations),
        state: Some("Senegal".into()),
        cycle: Some(1),
        ..Default::default()
    };
    let text = "The Committee recommends that the State party adopt a migration law.\n\nThe Committee urges the State party to ratify the ILO conventions.";
    let out = l.import_bytes("notes.txt", text.as_bytes(), &o).unwrap();
    let s = out.document();
    assert_eq!(s.kind, DocumentKind::ConcludingObservations);
    assert_eq!(s.state.as_ref().unwrap().code, "SEN");
    assert_eq!(
        s.symbol.as_deref(),
        Some("CMW/C/SEN/CO/1")
            .filter(|_| s.committee.is_some())
            .or(s.symbol.as_deref())
    );
    assert!(
        !s.inferred.contains(&"kind".to_string()) && !s.inferred.contains(&"state".to_string())
    );
    let s = l
        .update_metadata(
            s.id,
            &MetadataOverrides {
                symbol: Some("CMW/C/SEN/CO/2".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(s.symbol.as_deref(), Some("CMW/C/SEN/CO/2"));
    assert_eq!(s.cycle, Some(2));
    assert_eq!(s.committee.as_deref(), Some("CMW"));
    assert!(l
        .update_metadata(999, &MetadataOverrides::default())
        .is_err());
}

#[test]
fn delete_removes_paragraphs_and_search_rows() {
    let mut l = lib();
    let id = l
        .import_bytes("co.txt", CO.as_bytes(), &MetadataOverrides::default())
        .unwrap()
        .document()
        .id;
    assert!(!l.search("trafficking", None, 10).unwrap().is_empty());
    l.delete_document(id).unwrap();
    assert!(l.search("trafficking", None, 10).unwrap().is_empty());
    let indexed: i64 = l
        .conn
        .query_row("SELECT COUNT(*) FROM paragraph_search_docsize", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(indexed, 0, "the index forgot the deleted paragraphs");
    l.conn
        .execute(
            "INSERT INTO paragraph_search (paragraph_search, rank) VALUES ('integrity-check', 1)",
            [],
        )
        .expect("the search index matches the paragraphs");
    let n: i64 = l
        .conn
        .query_row("SELECT COUNT(*) FROM paragraphs", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
    assert!(matches!(l.delete_document(id), Err(Error::NotFound(_))));
}

#[test]
fn search_stems_ignores_accents_and_never_errors() {
    let mut l = lib();
    l.import_bytes("co.txt", CO.as_bytes(), &MetadataOverrides::default())
        .unwrap();
    let hits = l.search("traffick", None, 10).unwrap();
    assert_eq!(hits.len(), 2);
    assert!(hits[0].snippet.contains(HIGHLIGHT_START));
    assert!(!l.search("trafficked", Some("MEX"), 10).unwrap().is_empty());
    assert!(!l.search("unver", None, 10).unwrap().is_empty());
    assert!(l.search("trafficking", Some("KGZ"), 10).unwrap().is_empty());
    for q in [
        "\"",
        "(",
        "a AND",
        "NEAR(",
        "*",
        "traffick* OR",
        "'; DROP TABLE documents; --",
        "",
        "  ",
        "^x",
        "col:x",
    ] {
        assert!(l.search(q, None, 10).is_ok(), "{q}");
    }
    assert_eq!(l.document_count().unwrap(), 1);
}

#[test]
fn seeds_the_library_once() {
    let mut l = lib();
    assert_eq!(l.ensure_seeded().unwrap(), 5);
    assert_eq!(l.ensure_seeded().unwrap(), 0);
    let states: Vec<String> = l.states().unwrap().into_iter().map(|s| s.code).collect();
    assert_eq!(states, vec!["KGZ", "TJK"]);
    let first = l.documents(Some("KGZ")).unwrap()[0].id;
    l.delete_document(first).unwrap();
    assert_eq!(
        l.ensure_seeded().unwrap(),
        0,
        "deleting documents does not bring the samples back"
    );
}

/// Issue 9: a deleted or corrected document with sub-paragraphs (the seeds have
/// many) left its full text in the index while the index was told to forget
/// the lead text only, and every later search failed with "database disk image
/// is malformed". Any sequence of import, delete, set and re-import keeps
/// search working and FTS5's content check passing.
#[test]
fn any_sequence_of_changes_keeps_the_search_index_whole() {
    let mut l = lib();
    l.ensure_seeded().unwrap();
    l.check_search_index().unwrap();
    let docs = l.documents(None).unwrap();
    assert_eq!(docs.len(), 5);
    for d in &docs {
        // Correct the kind (re-parses and re-indexes), then the State party.
        l.update_metadata(
            d.id,
            &MetadataOverrides {
                kind: Some(DocumentKind::Other),
                ..Default::default()
            },
        )
        .unwrap();
        l.check_search_index().unwrap();
        l.update_metadata(
            d.id,
            &MetadataOverrides {
                state: Some("MEX".into()),
                ..Default::default()
            },
        )
        .unwrap();
        l.check_search_index().unwrap();
        assert!(l.search("migrant", Some("MEX"), 5).is_ok());
    }
    for d in &docs[..3] {
        l.delete_document(d.id).unwrap();
        l.check_search_index().unwrap();
        assert!(l.search("trafficking", None, 5).is_ok());
    }
    // Re-import the deleted samples.
    for (name, bytes) in crate::seeds::SEEDS {
        l.import_bytes(name, bytes, &MetadataOverrides::default())
            .unwrap();
        l.check_search_index().unwrap();
    }
    assert_eq!(l.document_count().unwrap(), 5);
    let hits = l.search("remittances", None, 5).unwrap();
    assert!(!hits.is_empty());
    l.check_search_index().unwrap();
}

/// A library whose index an earlier version damaged is repaired when opened.
#[test]
fn a_library_damaged_by_the_old_index_is_repaired_when_opened() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.sqlite3");
    {
        let mut l = Library::open(&path).unwrap();
        l.ensure_seeded().unwrap();
        // As the index was before migration 5, and as its delete broke it.
        l.conn
            .execute_batch(
                "DROP TABLE paragraph_search;
                 CREATE VIRTUAL TABLE paragraph_search USING fts5(text, content = 'paragraphs', content_rowid = 'id', tokenize = 'porter unicode61 remove_diacritics 2');
                 ALTER TABLE documents DROP COLUMN parser_version;
                 ALTER TABLE documents DROP COLUMN corrections;
                 ALTER TABLE draft_versions DROP COLUMN sent_at;
                 DROP INDEX drafts_by_uid; DROP INDEX draft_versions_by_uid;
                 ALTER TABLE drafts DROP COLUMN uid; ALTER TABLE draft_versions DROP COLUMN uid;
                 DROP TABLE draft_reviews;
                 PRAGMA user_version = 4;",
            )
            .unwrap();
        let docs: Vec<(i64, String)> = {
            let mut st = l
                .conn
                .prepare("SELECT id, document FROM documents")
                .unwrap();
            let rows = st
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .map(|r| r.unwrap())
                .collect();
            rows
        };
        for (id, json) in docs {
            let doc: Document = serde_json::from_str(&json).unwrap();
            let ids: Vec<i64> = {
                let mut st = l
                    .conn
                    .prepare("SELECT id FROM paragraphs WHERE document_id = ?1 ORDER BY seq")
                    .unwrap();
                let rows = st
                    .query_map([id], |r| r.get(0))
                    .unwrap()
                    .map(|r| r.unwrap())
                    .collect();
                rows
            };
            for (pid, p) in ids.into_iter().zip(&doc.paragraphs) {
                l.conn
                    .execute(
                        "INSERT INTO paragraph_search (rowid, text) VALUES (?1, ?2)",
                        params![pid, p.full_text()],
                    )
                    .unwrap();
            }
        }
        let first: i64 = l
            .conn
            .query_row("SELECT MIN(id) FROM documents", [], |r| r.get(0))
            .unwrap();
        l.conn
            .execute(
                "INSERT INTO paragraph_search (paragraph_search, rowid, text) SELECT 'delete', id, text FROM paragraphs WHERE document_id = ?1",
                [first],
            )
            .unwrap();
        l.conn
            .execute("DELETE FROM documents WHERE id = ?1", [first])
            .unwrap();
        assert!(
            l.check_search_index().is_err(),
            "the old delete damages the index"
        );
    }
    let l = Library::open(&path).unwrap();
    assert_eq!(l.schema_version().unwrap(), schema::latest());
    l.check_search_index().unwrap();
    assert!(!l.search("consular", None, 5).unwrap().is_empty());
}

/// A damaged index found by a search is rebuilt and the search answered.
#[test]
fn a_search_that_meets_a_damaged_index_rebuilds_it() {
    let mut l = lib();
    l.ensure_seeded().unwrap();
    // Damage the index behind the library's back: its rows no longer match.
    l.conn
        .execute(
            "UPDATE paragraph_search_content SET c0 = 'nothing like it' WHERE id IN (SELECT id FROM paragraph_search_content LIMIT 20)",
            [],
        )
        .unwrap();
    assert!(l.check_search_index().is_err());
    l.rebuild_search_index().unwrap();
    l.check_search_index().unwrap();
    assert!(!l.search("consular", None, 5).unwrap().is_empty());
}

#[test]
fn a_one_state_search_finds_that_state_only() {
    let mut l = lib();
    l.ensure_seeded().unwrap();
    let kgz = l.search("migrant workers", Some("KGZ"), 50).unwrap();
    assert!(!kgz.is_empty());
    assert!(kgz
        .iter()
        .all(|h| h.state.as_ref().map(|s| s.code.as_str()) == Some("KGZ")));
    let tjk = l.search("migrant workers", Some("Tajikistan"), 50).unwrap();
    assert!(!tjk.is_empty());
    // The State's code is not a word of the text.
    let o = MetadataOverrides {
        state: Some("SEN".into()),
        ..Default::default()
    };
    let mut m = lib();
    m.import_bytes("co.txt", CO.as_bytes(), &o).unwrap();
    assert_eq!(m.search("trafficking", Some("SEN"), 5).unwrap().len(), 2);
    assert!(m.search("sen", None, 5).unwrap().is_empty());
    // Best first, at any limit.
    let all = l.search("migrant", None, 1000).unwrap();
    let few = l.search("migrant", None, 3).unwrap();
    assert_eq!(few.len(), 3);
    assert_eq!(
        few.iter().map(|h| h.rank).collect::<Vec<_>>(),
        all[..3].iter().map(|h| h.rank).collect::<Vec<_>>()
    );
}

/// Several processes (here: connections on threads) opening a new library at
/// once: one creates the schema and imports the samples, the others find them.
#[test]
fn a_new_library_opened_by_several_processes_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.sqlite3");
    let start = std::sync::Arc::new(std::sync::Barrier::new(4));
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let path = path.clone();
            let start = start.clone();
            std::thread::spawn(move || {
                start.wait();
                let mut l = Library::open(&path)?;
                l.ensure_seeded()
            })
        })
        .collect();
    let imported: Vec<usize> = handles
        .into_iter()
        .map(|h| h.join().unwrap().unwrap())
        .collect();
    assert_eq!(imported.iter().sum::<usize>(), 5, "{imported:?}");
    let l = Library::open(&path).unwrap();
    assert_eq!(l.document_count().unwrap(), 5);
    l.check_search_index().unwrap();
}

/// Two processes importing the same file at once store it once, and the
/// second is told it is already in the library.
#[test]
fn the_same_file_imported_twice_at_once_is_stored_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.sqlite3");
    Library::open(&path).unwrap();
    let start = std::sync::Arc::new(std::sync::Barrier::new(3));
    let handles: Vec<_> = (0..3)
        .map(|_| {
            let path = path.clone();
            let start = start.clone();
            std::thread::spawn(move || {
                let mut l = Library::open(&path)?;
                start.wait();
                l.import_bytes("co.txt", CO.as_bytes(), &MetadataOverrides::default())
            })
        })
        .collect();
    let outcomes: Vec<ImportOutcome> = handles
        .into_iter()
        .map(|h| h.join().unwrap().unwrap())
        .collect();
    let imported = outcomes
        .iter()
        .filter(|o| matches!(o, ImportOutcome::Imported { .. }))
        .count();
    assert_eq!(imported, 1);
    assert_eq!(Library::open(&path).unwrap().document_count().unwrap(), 1);
}

/// Documents read by an older parser are listed, and reading one again keeps
/// the rapporteur's corrections and the search index whole.
#[test]
fn documents_read_by_an_older_parser_are_read_again_keeping_corrections() {
    let mut l = lib();
    l.ensure_seeded().unwrap();
    assert!(l.documents_to_reread().unwrap().is_empty());
    let id = l.documents(Some("KGZ")).unwrap()[0].id;
    l.update_metadata(
        id,
        &MetadataOverrides {
            cycle: Some(7),
            ..Default::default()
        },
    )
    .unwrap();
    l.conn
        .execute("UPDATE documents SET parser_version = 0", [])
        .unwrap();
    let stale = l.documents_to_reread().unwrap();
    assert_eq!(stale.len(), 5);
    for id in stale {
        l.reread(id).unwrap();
    }
    assert!(l.documents_to_reread().unwrap().is_empty());
    assert_eq!(
        l.summary(id).unwrap().cycle,
        Some(7),
        "the correction stays"
    );
    l.check_search_index().unwrap();
}

#[test]
fn a_folder_gives_its_readable_files_in_name_order() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("b");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::create_dir_all(dir.path().join(".hidden")).unwrap();
    for f in [
        "z.pdf",
        "a.docx",
        "notes.xlsx",
        ".x.txt",
        "b/c.md",
        ".hidden/d.txt",
    ] {
        std::fs::write(dir.path().join(f), b"x").unwrap();
    }
    let found: Vec<String> = documents_in(&[dir.path().to_path_buf()], 100)
        .iter()
        .map(|p| p.strip_prefix(dir.path()).unwrap().display().to_string())
        .collect();
    assert_eq!(found, vec!["a.docx", "b/c.md", "z.pdf"]);
    assert_eq!(documents_in(&[dir.path().to_path_buf()], 2).len(), 2);
}

#[test]
fn drafts_made_before_global_ids_get_one_each() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.sqlite3");
    {
        let mut l = Library::open(&path).unwrap();
        l.ensure_seeded().unwrap();
        let request = crate::draft::NewDraft {
            state: "TJK".into(),
            ..Default::default()
        };
        for _ in 0..2 {
            let d = crate::draft::new_draft(&mut l, &request).unwrap();
            crate::draft::save_version(l.connection(), d.id, "First").unwrap();
        }
        // As libraries were before migration 7.
        l.conn
            .execute_batch(
                "ALTER TABLE draft_versions DROP COLUMN sent_at;
                 DROP INDEX drafts_by_uid; DROP INDEX draft_versions_by_uid;
                 ALTER TABLE drafts DROP COLUMN uid; ALTER TABLE draft_versions DROP COLUMN uid;
                 DROP TABLE draft_reviews;
                 PRAGMA user_version = 6;",
            )
            .unwrap();
    }
    let mut l = Library::open(&path).unwrap();
    assert_eq!(l.schema_version().unwrap(), schema::latest());
    let drafts = crate::draft::list(l.connection(), None).unwrap();
    let mut uids = std::collections::HashSet::new();
    for d in &drafts {
        let full = crate::draft::load(l.connection(), d.id).unwrap();
        assert_eq!(full.uid.len(), 36, "a UUID: {}", full.uid);
        assert!(uids.insert(full.uid));
        for v in crate::draft::versions(l.connection(), d.id).unwrap() {
            assert!(uids.insert(v.uid));
        }
    }
    assert_eq!(uids.len(), 4);
}
