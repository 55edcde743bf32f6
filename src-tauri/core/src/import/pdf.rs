//! PDF text extraction, best effort: `pdf-extract` run so that an error or a
//! panic inside it becomes a clear message.
//!
//! A hostile PDF can still overflow `pdf-extract`'s stack or make it allocate
//! gigabytes; that is why, in the app and the CLI, this runs in the isolated
//! child process (see `super::isolated`).

use std::panic::{catch_unwind, AssertUnwindSafe};

/// The most text a PDF may give.
const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;

/// Extracts a PDF's text.
pub fn read(bytes: &[u8]) -> Result<String, String> {
    let result = catch_unwind(AssertUnwindSafe(|| {
        pdf_extract::extract_text_from_mem(bytes)
    }));
    let text = match result {
        Ok(Ok(text)) => text,
        Ok(Err(e)) => return Err(format!("this PDF could not be read ({e}); if you have the Word file, import that instead")),
        Err(_) => {
            return Err("this PDF could not be read (its structure is not supported); if you have the Word file, import that instead".into())
        }
    };
    if text.len() > MAX_TEXT_BYTES {
        return Err(format!(
            "this PDF has more text than a document can have (over {} MB)",
            MAX_TEXT_BYTES / (1024 * 1024)
        ));
    }
    if text.trim().is_empty() {
        return Err("this PDF has no extractable text (is it a scanned image?)".into());
    }
    Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
}
