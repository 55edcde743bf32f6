//! PDF text extraction, best effort: `pdf-extract` run so that an error or a
//! panic inside it becomes a clear message.

use std::panic::{catch_unwind, AssertUnwindSafe};

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
    if text.trim().is_empty() {
        return Err("this PDF has no extractable text (is it a scanned image?)".into());
    }
    Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
}
