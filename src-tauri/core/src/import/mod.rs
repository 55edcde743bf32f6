//! Import: turn a file (.docx, .txt, .md, .pdf) into plain text in the genre's
//! conventions, refusing bad input with a clear error.
//!
//! Footnotes of .docx files come out as `[footnoteRef:N]` markers in the text and
//! ` [N: text]` notes at the end of the paragraph, as Word-to-text conversions
//! write them, so that one parser reads every format.

mod docx;
mod pdf;
mod text_encoding;

use std::io::Read;
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

/// Reads a file from disk, checking its size before reading it.
pub fn extract_file(path: &Path) -> Result<ExtractedText> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let meta = std::fs::metadata(path)
        .map_err(|e| Error::import(&name, format!("cannot be read ({e})")))?;
    if meta.is_dir() {
        return Err(Error::import(&name, "is a folder, not a document"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(&name, meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| Error::import(&name, format!("cannot be read ({e})")))?;
    extract_text(&name, &bytes)
}

/// Reads a file's bytes as a document. `file_name` names the file in errors and
/// decides between text and markdown.
pub fn extract_text(file_name: &str, bytes: &[u8]) -> Result<ExtractedText> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(file_name, bytes.len() as u64));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::import(file_name, "the file is empty"));
    }
    let lower = file_name.to_lowercase();
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
        let text =
            text_encoding::decode(bytes).map_err(|reason| Error::import(file_name, reason))?;
        let format = if lower.ends_with(".md") || lower.ends_with(".markdown") {
            SourceFormat::Markdown
        } else {
            SourceFormat::Text
        };
        (format, text)
    };
    if text.trim().is_empty() {
        return Err(Error::import(file_name, "the document has no text"));
    }
    Ok(ExtractedText { format, text })
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
