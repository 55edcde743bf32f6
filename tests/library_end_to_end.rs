//! End to end through the core: real seed files and documents in other layouts
//! imported from disk into a fresh library, then read back as a rapporteur would.

use std::path::{Path, PathBuf};

use loi_core::error::Error;
use loi_core::fixtures;
use loi_core::library::{ImportOutcome, Library, MetadataOverrides};
use loi_core::link;
use loi_core::model::{DocumentKind, ParagraphKind};

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn fresh() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(&dir.path().join("library.sqlite3")).unwrap();
    (dir, lib)
}

#[test]
fn the_seed_files_import_and_link() {
    let (_dir, mut lib) = fresh();
    let mut files: Vec<PathBuf> = std::fs::read_dir(seeds_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 5);
    for f in &files {
        let out = lib.import_file(f, &MetadataOverrides::default()).unwrap();
        assert!(
            matches!(out, ImportOutcome::Imported { .. }),
            "{}",
            f.display()
        );
    }
    let docs = lib.documents(None).unwrap();
    let kinds: Vec<DocumentKind> = docs.iter().map(|d| d.kind).collect();
    for k in [
        DocumentKind::ConcludingObservations,
        DocumentKind::FollowUpLetter,
        DocumentKind::DialogueSummary,
        DocumentKind::ListOfIssues,
    ] {
        assert!(kinds.contains(&k), "{k:?}");
    }
    let (_, loi) = lib.document_by_symbol("CMW/C/TJK/Q/3").unwrap().unwrap();
    assert_eq!(loi.cycle, Some(3));
    assert_eq!(
        loi.paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Question)
            .count(),
        25
    );
    let recs = link::recommendations(&lib, "KGZ").unwrap();
    let r30 = recs.iter().find(|r| r.number == "30").unwrap();
    assert_eq!(
        (
            r30.ancestors[0].symbol.as_str(),
            r30.ancestors[0].paragraph.as_str()
        ),
        ("CMW/C/KGZ/CO/1", "27")
    );
    assert!(r30.assessment.is_some());
    // Importing the same files again changes nothing.
    for f in &files {
        assert!(matches!(
            lib.import_file(f, &MetadataOverrides::default()).unwrap(),
            ImportOutcome::AlreadyInLibrary { .. }
        ));
    }
    assert_eq!(lib.document_count().unwrap(), 5);
    // Stemmed search across the library.
    assert!(
        lib.search("trafficked persons", Some("TJK"), 20)
            .unwrap()
            .len()
            >= 2
    );
}

#[test]
fn documents_in_other_layouts() {
    let (dir, mut lib) = fresh();
    // A Word file with real footnotes and automatic numbering.
    let docx = dir.path().join("Senegal CO2.docx");
    std::fs::write(&docx, fixtures::concluding_observations_docx()).unwrap();
    let out = lib
        .import_file(&docx, &MetadataOverrides::default())
        .unwrap();
    assert_eq!(out.document().symbol.as_deref(), Some("CMW/C/SEN/CO/2"));
    let recs = link::recommendations(&lib, "SEN").unwrap();
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0].subparagraphs.len(), 2);
    assert_eq!(recs[0].times_recommended, 2);
    assert_eq!(recs[0].follow_up_subparagraphs, vec!["a"]);

    // A PDF-style text with running headers and a paragraph split across pages.
    let pdf_text = "CMW/C/PHL/CO/3\n\nConcluding observations on the third periodic report of the Philippines*\n\nC. Principal subjects of concern and recommendations\n\n1. General measures of implementation (arts. 73 and 84)\n\nData collection\n\n20. The Committee is concerned about the lack of data on overseas workers.\n\n21. Recalling its previous recommendations,4 the Committee recommends that the State party improve the collection of data on overseas Filipino workers, including those in\n\n4 CMW/C/PHL/CO/2, para. 14.\n\nGE.23-19999\n\n\u{c}3/12\n\nan irregular situation, and share them with civil society.\n\n22. The Committee requests the State party to submit its fourth periodic report by 1 December 2028.\n";
    let f = dir.path().join("phl.txt");
    std::fs::write(&f, pdf_text).unwrap();
    lib.import_file(&f, &MetadataOverrides::default()).unwrap();
    let recs = link::recommendations(&lib, "PHL").unwrap();
    assert_eq!(recs.len(), 1);
    assert!(recs[0]
        .text
        .ends_with("an irregular situation, and share them with civil society."));
    assert_eq!(recs[0].ancestors[0].paragraph, "14");

    // A list of issues with inline citations.
    let loi = "List of issues in relation to the third periodic report of the Philippines\n\nI. General information\n\n1. Please provide information on the data collected on overseas workers (see CMW/C/PHL/CO/3, para. 21).\n\n2. Please describe the budget of the Commission on Human Rights.\n";
    let f = dir.path().join("phl-loi.md");
    std::fs::write(&f, loi).unwrap();
    let out = lib.import_file(&f, &MetadataOverrides::default()).unwrap();
    assert_eq!(out.document().kind, DocumentKind::ListOfIssues);
    let (_, d) = lib.document_by_symbol("CMW/C/PHL/Q/3").unwrap().unwrap();
    assert_eq!(
        d.paragraph("1").unwrap().cites[0].paragraph.as_deref(),
        Some("21")
    );
}

#[test]
fn bad_input_gets_a_clear_message_and_leaves_the_library_unchanged() {
    let (dir, mut lib) = fresh();
    lib.ensure_seeded().unwrap();
    let before = lib.document_count().unwrap();
    let docx = fixtures::concluding_observations_docx();
    let mut invalid_utf8 = b"Concluding observations ".to_vec();
    invalid_utf8.extend([0xC3, 0x28, 0x00, 0x81, 0xFF, 0x01]);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.txt", vec![], "empty"),
        (
            "garbage.bin",
            (0..10_000u32)
                .map(|i| (i.wrapping_mul(2654435761) >> 7) as u8)
                .collect(),
            "binary",
        ),
        ("truncated.docx", docx[..docx.len() / 3].to_vec(), "damaged"),
        (
            "bomb.docx",
            fixtures::zip_bomb_docx(150 * 1024 * 1024),
            "100 MB",
        ),
        ("huge.txt", vec![b'x'; 50 * 1024 * 1024], "too large"),
        (
            "invalid.txt",
            invalid_utf8,
            "not UTF-8 text and has control characters",
        ),
        ("scan.pdf", b"%PDF-1.7\nnot really".to_vec(), "PDF"),
    ];
    for (name, bytes, expected) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).unwrap();
        match lib.import_file(&path, &MetadataOverrides::default()) {
            Err(Error::Import { file, reason }) => {
                assert_eq!(file, name);
                assert!(reason.contains(expected), "{name}: {reason}");
            }
            other => panic!("{name}: expected an import error, got {other:?}"),
        }
        assert_eq!(lib.document_count().unwrap(), before, "{name}");
    }
    // French concluding observations: their recommendations are read, with a
    // clear note of what is recognised in English documents only.
    let fr = dir.path().join("fr.txt");
    std::fs::write(&fr, "Observations finales concernant le deuxième rapport périodique du Sénégal\n\nIII. Principaux sujets de préoccupation et recommandations\n\n1. Le Comité recommande que l’État partie prenne les mesures nécessaires pour protéger les travailleurs migrants et les membres de leur famille.\n").unwrap();
    match lib.import_file(&fr, &MetadataOverrides::default()).unwrap() {
        ImportOutcome::Imported { warnings, document } => {
            assert!(
                warnings.iter().any(|w| w.contains("French or Spanish")),
                "{warnings:?}"
            );
            let doc = lib.document(document.id).unwrap();
            assert_eq!(doc.kind, DocumentKind::ConcludingObservations);
            assert_eq!(
                doc.paragraph("1").map(|p| p.kind),
                Some(ParagraphKind::Recommendation)
            );
        }
        other => panic!("{other:?}"),
    }
    // Text in a language read as paragraphs only says so.
    let ru = dir.path().join("ru.txt");
    std::fs::write(&ru, "1. Комитет рекомендует государству-участнику принять закон о трудовой миграции и обеспечить его осуществление.\n").unwrap();
    match lib.import_file(&ru, &MetadataOverrides::default()).unwrap() {
        ImportOutcome::Imported { warnings, .. } => assert!(
            warnings.iter().any(|w| w.contains("another language (ru)")),
            "{warnings:?}"
        ),
        other => panic!("{other:?}"),
    }
}
