//! Import: turn a file (.docx, .txt, .md, .pdf) into plain text in the genre's
//! conventions, refusing bad input with a clear error.
//!
//! Footnotes of .docx files come out as `[footnoteRef:N]` markers in the text and
//! ` [N: text]` notes at the end of the paragraph, as Word-to-text conversions
//! write them, so that one parser reads every format.
//!
//! Imported files are untrusted. Our own readers (.docx, text) bound their
//! cost (nesting, list numbers, repeated footnotes, inflated size); PDFs are read
//! by `pdf-extract`, which a hostile file can crash (stack overflow, which no
//! `catch_unwind` catches) or make allocate gigabytes. So when the program has
//! called [`serve_if_worker`] (or [`isolate_with`]), [`extract_file`] runs in a
//! child process with limits (see [`isolated`]); otherwise it runs in-process.

pub(crate) mod docx;
pub mod isolated;
mod pdf;
pub(crate) mod right_to_left;
mod text_encoding;

pub use isolated::{exit_if_worker, isolate_with, serve_if_worker};

use std::io::Read;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use crate::error::{Error, Result};

/// The largest file LOI Drafter reads (a concluding observations is ~100 KB).
pub const MAX_FILE_BYTES: u64 = 30 * 1024 * 1024;

/// The file formats LOI Drafter reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    Docx,
    Text,
    Markdown,
    Pdf,
}

impl SourceFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceFormat::Docx => "docx",
            SourceFormat::Text => "text",
            SourceFormat::Markdown => "markdown",
            SourceFormat::Pdf => "pdf",
        }
    }
}

/// The text of an imported file.
#[derive(Debug, Clone)]
pub struct ExtractedText {
    pub format: SourceFormat,
    pub text: String,
    /// What the user should know about how the file was read (e.g. "3 bytes
    /// were not valid UTF-8 and were replaced"); one plain sentence each.
    pub warnings: Vec<String>,
}

fn too_large(file_name: &str, size: u64) -> Error {
    Error::import(
        file_name,
        format!(
            "too large: {:.1} MB (the limit is {} MB)",
            size as f64 / (1024.0 * 1024.0),
            MAX_FILE_BYTES / (1024 * 1024)
        ),
    )
}

/// The name of `path` as errors show it.
/// A file's name as messages name it (its path when it has no name).
pub fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Refuses what is not a regular file of a readable size, without opening it
/// (opening a named pipe would block).
fn check_regular_file(path: &Path, name: &str) -> Result<u64> {
    let meta = std::fs::metadata(path)
        .map_err(|e| Error::import(name, format!("cannot be read ({e})")))?;
    check_file_type(&meta, name)?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(name, meta.len()));
    }
    Ok(meta.len())
}

fn check_file_type(meta: &std::fs::Metadata, name: &str) -> Result<()> {
    if meta.is_dir() {
        return Err(Error::import(name, "is a folder, not a document"));
    }
    if meta.is_file() {
        return Ok(());
    }
    #[cfg(unix)]
    let what = {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            "a named pipe"
        } else if t.is_socket() {
            "a socket"
        } else if t.is_block_device() || t.is_char_device() {
            "a device"
        } else {
            "not a regular file"
        }
    };
    #[cfg(not(unix))]
    let what = "not a regular file";
    Err(Error::import(
        name,
        format!("is {what}, not a document saved as a file"),
    ))
}

/// Opens a file for reading without blocking on a pipe or device that took its
/// place since it was checked.
fn open_regular(path: &Path, name: &str) -> Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options
        .open(path)
        .map_err(|e| Error::import(name, format!("cannot be read ({e})")))?;
    let meta = file
        .metadata()
        .map_err(|e| Error::import(name, format!("cannot be read ({e})")))?;
    check_file_type(&meta, name)?;
    Ok(file)
}

/// The first bytes of a regular file (to name its format in errors).
fn sniff(path: &Path, name: &str) -> Vec<u8> {
    let mut head = Vec::new();
    if let Ok(f) = open_regular(path, name) {
        let _ = f.take(8).read_to_end(&mut head);
    }
    head
}

/// Reads a file from disk, checking its type and size before reading it.
///
/// When the program has set up isolation ([`serve_if_worker`] or
/// [`isolate_with`]), the file is read by a child process; otherwise in-process.
/// Named pipes, sockets and devices are refused, not opened.
pub fn extract_file(path: &Path) -> Result<ExtractedText> {
    in_worker(path, isolated::extract_in_child, extract_file_in_process)
}

/// Reads the file at `path` with `in_child` in the worker process when
/// isolation is set up (in this process, with `here`, when the worker cannot
/// be started or there is none).
fn in_worker<T>(
    path: &Path,
    in_child: impl FnOnce(&Path, &Path, &str, &[u8]) -> std::result::Result<T, isolated::ChildError>,
    here: impl FnOnce(&Path, &str) -> Result<T>,
) -> Result<T> {
    let name = display_name(path);
    check_regular_file(path, &name)?;
    if let Some(exe) = isolated::worker_exe() {
        let head = sniff(path, &name);
        match in_child(exe, path, &name, &head) {
            Err(isolated::ChildError::Spawn(e)) => {
                tracing::warn!("the import worker could not be started ({e}); reading in-process");
            }
            Err(isolated::ChildError::Import(e)) => return Err(e),
            Ok(t) => return Ok(t),
        }
    }
    here(path, &name)
}

/// A regular file's bytes, at most one more than [`MAX_FILE_BYTES`].
fn read_bounded(path: &Path, name: &str) -> Result<Vec<u8>> {
    check_regular_file(path, name)?;
    let file = open_regular(path, name)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::import(name, format!("cannot be read ({e})")))?;
    Ok(bytes)
}

/// Reads a draft that came back as a Word file (for a merge), in the worker
/// process when isolation is set up, so that a hostile file cannot reach the app.
pub fn read_returned(path: &Path) -> Result<crate::draft::returned::ReturnedFile> {
    in_worker(
        path,
        isolated::read_returned_in_child,
        read_returned_in_process,
    )
}

/// Reads a returned Word file in this process (the worker's side).
pub(crate) fn read_returned_in_process(
    path: &Path,
    name: &str,
) -> Result<crate::draft::returned::ReturnedFile> {
    let bytes = read_bounded(path, name)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(name, bytes.len() as u64));
    }
    if !bytes.starts_with(b"PK") {
        return Err(Error::import(
            name,
            "is not a Word file (.docx): changes come back in the Word file that was sent",
        ));
    }
    crate::draft::returned::read(&bytes).map_err(|reason| Error::import(name, reason))
}

/// Reads and extracts a file in this process (the worker's side of isolation).
pub(crate) fn extract_file_in_process(path: &Path, name: &str) -> Result<ExtractedText> {
    extract_bytes(name, &read_bounded(path, name)?)
}

/// Reads a file's bytes as a document. `file_name` names the file in errors and
/// decides between text and markdown.
///
/// Word and text files are read in-process (our readers bound their cost); a
/// PDF goes through the isolated child process when isolation is set up.
pub fn extract_text(file_name: &str, bytes: &[u8]) -> Result<ExtractedText> {
    if bytes.starts_with(b"%PDF-") && bytes.len() as u64 <= MAX_FILE_BYTES {
        if let Some(exe) = isolated::worker_exe() {
            match isolated::extract_bytes_in_child(exe, file_name, bytes) {
                Err(isolated::ChildError::Spawn(e)) => {
                    tracing::warn!(
                        "the import worker could not be started ({e}); reading in-process"
                    );
                }
                Err(isolated::ChildError::Import(e)) => return Err(e),
                Ok(t) => return Ok(t),
            }
        }
    }
    extract_bytes(file_name, bytes)
}

/// What kind of file the first bytes say, for messages about a reader that failed.
fn described(head: &[u8], file_name: &str) -> &'static str {
    let lower = file_name.to_lowercase();
    if head.starts_with(b"%PDF-") || (head.is_empty() && lower.ends_with(".pdf")) {
        "this PDF"
    } else if head.starts_with(b"PK") || (head.is_empty() && lower.ends_with(".docx")) {
        "this Word file"
    } else {
        "this file"
    }
}

/// The message for a file whose reader failed in a way it could not report itself.
pub(crate) fn reader_failed(head: &[u8], file_name: &str, what: &str) -> Error {
    let this = described(head, file_name);
    let advice = if this == "this PDF" {
        "; if you have the Word file, import that instead"
    } else {
        ""
    };
    Error::import(
        file_name,
        format!("{this} could not be read ({what}){advice}"),
    )
}

/// Extracts in this process; a panic in a reader becomes an import error.
fn extract_bytes(file_name: &str, bytes: &[u8]) -> Result<ExtractedText> {
    match catch_unwind(AssertUnwindSafe(|| extract_unguarded(file_name, bytes))) {
        Ok(r) => r,
        Err(_) => Err(reader_failed(bytes, file_name, "it made the reader fail")),
    }
}

fn extract_unguarded(file_name: &str, bytes: &[u8]) -> Result<ExtractedText> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(file_name, bytes.len() as u64));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::import(file_name, "the file is empty"));
    }
    let lower = file_name.to_lowercase();
    let mut warnings = Vec::new();
    let (format, text) = if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        let text = docx::read(bytes).map_err(|reason| Error::import(file_name, reason))?;
        (SourceFormat::Docx, text)
    } else if bytes.starts_with(b"%PDF-") {
        let text = pdf::read(bytes).map_err(|reason| Error::import(file_name, reason))?;
        (SourceFormat::Pdf, text)
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(Error::import(
            file_name,
            "old Word 97–2003 .doc files cannot be read: open it in Word and save it as .docx",
        ));
    } else if bytes.starts_with(b"{\\rtf") {
        return Err(Error::import(
            file_name,
            "RTF files cannot be read: open it in Word and save it as .docx",
        ));
    } else if lower.ends_with(".docx") {
        return Err(Error::import(
            file_name,
            "the Word file is damaged or truncated (it is not a zip archive)",
        ));
    } else {
        let decoded =
            text_encoding::decode(bytes).map_err(|reason| Error::import(file_name, reason))?;
        warnings = decoded.warnings;
        let format = if lower.ends_with(".md") || lower.ends_with(".markdown") {
            SourceFormat::Markdown
        } else {
            SourceFormat::Text
        };
        (format, decoded.text)
    };
    if text.trim().is_empty() {
        return Err(Error::import(file_name, "the document has no text"));
    }
    Ok(ExtractedText {
        format,
        text,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;

    fn reason(r: Result<ExtractedText>) -> String {
        match r {
            Err(Error::Import { reason, .. }) => reason,
            other => panic!("expected an import error, got {other:?}"),
        }
    }

    #[test]
    fn reads_text_encodings() {
        let t = extract_text("a.txt", "\u{feff}Hello, world.\r\nLine".as_bytes()).unwrap();
        assert_eq!(t.text, "Hello, world.\nLine");
        let mut le = vec![0xFF, 0xFE];
        for u in "Comité ¹".encode_utf16() {
            le.extend(u.to_le_bytes());
        }
        assert_eq!(extract_text("a.txt", &le).unwrap().text, "Comité ¹");
        let mut be = vec![0xFE, 0xFF];
        for u in "Comité".encode_utf16() {
            be.extend(u.to_be_bytes());
        }
        assert_eq!(extract_text("a.txt", &be).unwrap().text, "Comité");
        let cp1252 = b"The State party\x92s report, r\xe9sum\xe9 \x93quoted\x94.";
        assert_eq!(
            extract_text("a.txt", cp1252).unwrap().text,
            "The State party’s report, résumé “quoted”."
        );
        assert_eq!(
            extract_text("notes.md", b"# Title").unwrap().format,
            SourceFormat::Markdown
        );
    }

    #[test]
    fn refuses_bad_text() {
        assert_eq!(reason(extract_text("e.txt", b"")), "the file is empty");
        assert_eq!(
            reason(extract_text("e.txt", b"  \n\t ")),
            "the file is empty"
        );
        let garbage: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
            .collect();
        assert!(reason(extract_text("g.txt", &garbage)).contains("binary"));
        assert!(reason(extract_text(
            "u.txt",
            b"abc \x81\x8d\x8f\x90\x9d def \x00\x01"
        ))
        .contains("not"));
        let big = vec![b'a'; 50 * 1024 * 1024];
        assert!(reason(extract_text("big.txt", &big)).starts_with("too large: 50.0 MB"));
        assert!(reason(extract_text("old.doc", &[0xD0, 0xCF, 0x11, 0xE0, 0, 0])).contains(".docx"));
        assert!(reason(extract_text("x.rtf", b"{\\rtf1 hello}")).contains("RTF"));
    }

    #[test]
    fn reads_a_word_document_with_numbering_footnotes_bold_and_tables() {
        let bytes = fixtures::concluding_observations_docx();
        let t = extract_text("co.docx", &bytes).unwrap();
        assert_eq!(t.format, SourceFormat::Docx);
        let text = t.text;
        assert!(
            text.contains("Concluding observations on the second periodic report of Senegal"),
            "{text}"
        );
        assert!(text.contains("\n\n1. The Committee considered"), "{text}");
        assert!(text.contains("\n\n(a) Adopt"), "{text}");
        assert!(text.contains("\n\n(b) "), "{text}");
        assert!(
            text.contains("recommendations,[footnoteRef:1] the Committee"),
            "{text}"
        );
        assert!(text.contains("[1: CMW/C/SEN/CO/1, para. 12.]"), "{text}");
        assert!(text.contains("[2: Ibid., para. 20.]"), "{text}");
        assert!(text.contains("**Data collection**"), "{text}");
        assert!(!text.contains("deleted words"), "{text}");
        assert!(text.contains("Origin\tDestination"), "{text}");
        // Numbering continues across the document (1, 2, … not restarting at each paragraph).
        assert!(text.contains("\n\n4. "), "{text}");
    }

    #[test]
    fn a_word_document_parses_like_the_text_renderings() {
        use crate::model::{Citation, DocumentKind, ParagraphKind};
        let t = extract_text("co.docx", &fixtures::concluding_observations_docx()).unwrap();
        let d = crate::parse::parse_text(&t.text);
        assert_eq!(d.kind, DocumentKind::ConcludingObservations);
        assert_eq!(d.symbol.as_deref(), Some("CMW/C/SEN/CO/2"));
        assert_eq!(d.date.unwrap().to_string(), "2025-03-14");
        let numbers: Vec<&str> = d
            .paragraphs
            .iter()
            .filter_map(|p| p.number.as_deref())
            .collect();
        assert_eq!(numbers, ["1", "2", "3", "4", "5", "6"]);
        let p4 = d.paragraph("4").unwrap();
        assert_eq!(p4.kind, ParagraphKind::Recommendation);
        assert_eq!(p4.theme.as_deref(), Some("Data collection"));
        assert_eq!(p4.subparagraphs.len(), 2);
        let cite = |p: &str| Citation {
            symbol: "CMW/C/SEN/CO/1".into(),
            paragraph: Some(p.into()),
        };
        assert_eq!(p4.cites, vec![cite("12"), cite("20")]);
        assert_eq!(d.follow_up_paragraphs, vec!["4 (a)"]);
        assert!(p4.follow_up);
        assert_eq!(d.next_report_due.unwrap().to_string(), "2030-04-01");
    }

    #[test]
    fn refuses_bad_word_files() {
        let bytes = fixtures::concluding_observations_docx();
        assert!(reason(extract_text("cut.docx", &bytes[..bytes.len() / 2])).contains("damaged"));
        assert!(reason(extract_text("fake.docx", b"not a zip at all")).contains("damaged"));
        let zip_without_document = fixtures::zip(&[("hello.txt", b"hi".as_slice())]);
        assert!(
            reason(extract_text("x.docx", &zip_without_document)).contains("not a Word document")
        );
        let bad_xml =
            fixtures::zip(&[("word/document.xml", b"<w:document><w:body><w:p>".as_slice())]);
        let _ = extract_text("x.docx", &bad_xml); // no panic; either text or an error
        let bomb = fixtures::zip_bomb_docx(200 * 1024 * 1024);
        assert!(bomb.len() < 2 * 1024 * 1024);
        assert!(reason(extract_text("bomb.docx", &bomb)).contains("100 MB"));
    }

    #[test]
    fn reads_a_simple_pdf_or_says_why_not() {
        let pdf =
            fixtures::simple_pdf("The Committee recommends that the State party adopt a law.");
        match extract_text("a.pdf", &pdf) {
            Ok(t) => assert!(t.text.contains("recommends"), "{}", t.text),
            Err(Error::Import { reason, .. }) => panic!("a valid PDF was refused: {reason}"),
            Err(e) => panic!("{e}"),
        }
        let broken = b"%PDF-1.4\n garbage garbage";
        assert!(reason(extract_text("b.pdf", broken)).contains("PDF"));
    }
}
