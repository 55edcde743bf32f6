//! Hostile and damaged files against the real `loi` binary and the isolated
//! import worker: PDFs that crash or exhaust `pdf-extract`, Word files that
//! multiply their text, text in stray encodings, named pipes. Every run must
//! survive as `running_loi` says (the seeded fuzz over every importer is in
//! fuzz_importers.rs).

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use loi_core::error::Error;
use loi_core::fixtures;
use loi_core::import::{self, SourceFormat};

mod running_loi;
use running_loi::{assert_survived, loi, Run};

fn write_temp(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path
}

/// `loi parse FILE --json` and `loi import FILE --db TMP` on a hostile file:
/// both survive, and a refused import leaves the library as it was.
/// Returns the parse run.
fn parse_and_import(name: &str, bytes: &[u8]) -> Run {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = write_temp(dir.path(), name, bytes);
    let parse = loi([OsStr::new("parse"), file.as_os_str(), OsStr::new("--json")]);
    assert_survived(&parse, &format!("loi parse {name} --json"), true);

    let db = dir.path().join("library.sqlite");
    let seed = write_temp(
        dir.path(),
        "seed.txt",
        fixtures::seed_text("001").as_bytes(),
    );
    let first = loi([
        OsStr::new("import"),
        seed.as_os_str(),
        OsStr::new("--db"),
        db.as_os_str(),
    ]);
    assert_eq!(first.code, Some(0), "{first:?}");
    let docs = || loi([OsStr::new("docs"), OsStr::new("--db"), db.as_os_str()]);
    let before = docs();
    let import = loi([
        OsStr::new("import"),
        file.as_os_str(),
        OsStr::new("--db"),
        db.as_os_str(),
    ]);
    assert_survived(&import, &format!("loi import {name}"), false);
    if import.code == Some(1) {
        assert_eq!(
            docs().stdout,
            before.stdout,
            "a refused import changed the library"
        );
    }
    parse
}

fn assert_refused(run: &Run, what: &str, expected: &[&str]) {
    assert_eq!(run.code, Some(1), "{what}: {run:?}");
    assert!(
        expected.iter().any(|e| run.stderr.contains(e)),
        "{what}: {:?} says none of {expected:?}",
        run.stderr
    );
    eprintln!(
        "{what}: refused in {} ms, peak {} MB: {}",
        run.elapsed.as_millis(),
        run.max_rss_kb / 1024,
        run.stderr.trim()
    );
}

const READER_FAILED: &[&str] = &[
    "could not be read (it made the reader crash)",
    "could not be read (it needs too much memory)",
    "could not be read (it took too long",
    "this PDF could not be read",
];

#[test]
fn a_pdf_page_that_is_its_own_parent_does_not_kill_the_program() {
    let pdf = fixtures::self_parent_pdf();
    assert!(pdf.len() < 1024);
    let run = parse_and_import("self-parent.pdf", &pdf);
    assert_refused(&run, "self-parent page", READER_FAILED);
}

#[test]
fn five_thousand_nested_pdf_dictionaries_do_not_kill_the_program() {
    let run = parse_and_import("nested.pdf", &fixtures::nested_dictionaries_pdf(5_000));
    assert_refused(&run, "5,000 nested dictionaries", READER_FAILED);
}

#[test]
fn a_huge_pdf_character_map_does_not_exhaust_memory() {
    let pdf = fixtures::huge_cmap_pdf();
    assert!(pdf.len() < 2048);
    let run = parse_and_import("cmap.pdf", &pdf);
    assert_refused(&run, "huge ToUnicode map", READER_FAILED);
}

#[test]
fn a_compressed_stream_bomb_does_not_exhaust_memory() {
    let pdf = fixtures::stream_bomb_pdf(300);
    assert!(pdf.len() < 400 * 1024);
    let run = parse_and_import("bomb.pdf", &pdf);
    assert_refused(&run, "compressed-stream bomb", READER_FAILED);
}

#[test]
fn a_valid_pdf_still_reads_through_the_worker_and_stdout_is_json_only() {
    let pdf = fixtures::simple_pdf("The Committee recommends that the State party adopt a law.");
    let run = parse_and_import("simple.pdf", &pdf);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stderr.is_empty(), "{run:?}");
}

/// Runs a Word or text file through `loi parse` and `loi import`; returns
/// (parse run, in-process result).
fn word_or_text(name: &str, bytes: &[u8]) -> (Run, loi_core::error::Result<import::ExtractedText>) {
    let run = parse_and_import(name, bytes);
    let started = Instant::now();
    let in_process = import::extract_text(name, bytes);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{name}: slow in-process"
    );
    if let Ok(t) = &in_process {
        assert!(
            t.text.len() <= 64 * 1024 * 1024 && t.text.len() <= bytes.len().max(1 << 20) * 50,
            "{name}: {} bytes of text from {} bytes",
            t.text.len(),
            bytes.len()
        );
    }
    (run, in_process)
}

#[test]
fn twenty_nested_tables_are_read_in_linear_time() {
    let docx = fixtures::nested_tables_docx(20);
    assert!(docx.len() < 8 * 1024);
    let (run, t) = word_or_text("tables.docx", &docx);
    assert_eq!(run.code, Some(0), "{run:?}");
    let text = t.expect("read").text;
    assert!(text.contains("The Committee recommends."), "{text}");
    assert!(text.contains("cell 0") && text.contains("row 19"), "{text}");
    assert!(text.len() < 10_000, "{} bytes", text.len());
    // Deeper than the limit: refused, not read.
    let deep = fixtures::nested_tables_docx(40);
    match import::extract_text("deep.docx", &deep) {
        Err(Error::Import { reason, .. }) => assert!(reason.contains("nested"), "{reason}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_list_starting_at_4294967295_is_clamped() {
    let docx = fixtures::numbering_start_docx("4294967295", "4294967295");
    let (run, t) = word_or_text("numbering.docx", &docx);
    assert_eq!(run.code, Some(0), "{run:?}");
    let text = t.expect("read").text;
    assert!(text.len() < 100_000, "{} bytes", text.len());
    assert!(text.contains("The Committee recommends."), "{text}");
    let negative = fixtures::numbering_start_docx("-7", "99999999999999999999");
    assert!(import::extract_text("n.docx", &negative).is_ok());
}

#[test]
fn a_footnote_referenced_20000_times_is_refused_not_multiplied() {
    let docx = fixtures::repeated_footnote_docx(20_000, 100_000);
    let (run, t) = word_or_text("footnotes.docx", &docx);
    assert_refused(
        &run,
        "footnote referenced 20,000 times",
        &["more text than a document can have"],
    );
    assert!(t.is_err());
    // A footnote cited a few times is fine.
    let few = fixtures::repeated_footnote_docx(3, 100);
    let text = import::extract_text("few.docx", &few).expect("read").text;
    assert!(text.contains("[3: CMW/C/SEN/CO/1"), "{text}");
}

#[test]
fn one_stray_windows_1252_byte_in_every_sample_is_replaced_not_refused() {
    for prefix in ["000", "001", "002", "003", "004"] {
        let bytes = fixtures::seed_with_stray_byte(prefix, 1500);
        let (run, t) = word_or_text(&format!("{prefix}.txt"), &bytes);
        assert_eq!(run.code, Some(0), "{prefix}: {run:?}");
        let t = t.expect("read");
        let seed = fixtures::seed_text(prefix);
        // Either read as UTF-8 with one replacement, or (an all-ASCII sample) as
        // Windows-1252 with the quote it means; never mojibake.
        let expected_len = seed.chars().count() + 1;
        assert_eq!(
            t.text.chars().count(),
            expected_len - count_cr(&seed),
            "{prefix}"
        );
        assert_eq!(t.warnings.len(), 1, "{prefix}: {:?}", t.warnings);
        assert!(!t.text.contains("â€"), "{prefix}: mojibake");
    }
}

fn count_cr(s: &str) -> usize {
    s.matches("\r\n").count()
}

#[test]
fn windows_1251_cyrillic_is_read_as_cyrillic() {
    let (run, t) = word_or_text("ru.txt", &fixtures::windows_1251_text());
    assert_eq!(run.code, Some(0), "{run:?}");
    let t = t.expect("read");
    assert!(
        t.text.contains("Комитет рекомендует государству-участнику"),
        "{}",
        t.text
    );
    assert_eq!(t.format, SourceFormat::Text);
    assert!(t.warnings[0].contains("windows-1251"), "{:?}", t.warnings);
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("pipe.txt");
    let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).expect("path");
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let run = loi([OsStr::new("parse"), fifo.as_os_str(), OsStr::new("--json")]);
    assert_survived(&run, "loi parse FIFO", true);
    assert_refused(&run, "named pipe", &["named pipe"]);
    assert!(run.elapsed < Duration::from_secs(2));
    match import::extract_file(&fifo) {
        Err(Error::Import { reason, .. }) => assert!(reason.contains("named pipe"), "{reason}"),
        other => panic!("{other:?}"),
    }
    match import::extract_file(Path::new("/dev/null")) {
        Err(Error::Import { reason, .. }) => assert!(reason.contains("device"), "{reason}"),
        other => panic!("{other:?}"),
    }
}
