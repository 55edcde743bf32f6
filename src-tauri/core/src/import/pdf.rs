//! PDF text extraction, best effort: `pdf-extract` run so that an error or a
//! panic inside it becomes a clear message.
//!
//! A hostile PDF can still overflow `pdf-extract`'s stack or make it allocate
//! gigabytes; that is why, in the app and the CLI, this runs in the isolated
//! child process (see `super::isolated`).

use std::panic::{catch_unwind, AssertUnwindSafe};

/// The most text a PDF may give.
const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;

/// At most this many threads read a PDF's pages.
const MAX_THREADS: usize = 4;
/// Each reading thread gets this much stack (a deeply nested content stream
/// recurses; the main thread's default is larger than a spawned one's).
const THREAD_STACK_BYTES: usize = 16 * 1024 * 1024;

/// Extracts a PDF's text.
pub fn read(bytes: &[u8]) -> Result<String, String> {
    let result = catch_unwind(AssertUnwindSafe(|| extract(bytes)));
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

/// The text of every page, in order, as `pdf_extract::extract_text_from_mem`
/// gives it, the pages shared among the machine's cores: each run of pages is
/// written by its own [`pdf_extract::PlainTextOutput`], which starts a page as
/// the whole document's output does (its first line on a new line), so the
/// runs put end to end read the same (checked on the 69 CRPD documents: the
/// same paragraphs, word for word).
fn extract(bytes: &[u8]) -> Result<String, String> {
    let mut doc = pdf_extract::Document::load_mem(bytes).map_err(|e| e.to_string())?;
    if doc.is_encrypted() {
        // As pdf_extract does: documents encrypted with an empty password open.
        doc.decrypt("").map_err(|e| e.to_string())?;
    }
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, MAX_THREADS)
        .min(pages.len().div_ceil(8).max(1));
    let run = |pages: &[u32]| -> Result<String, String> {
        let mut text = String::new();
        {
            let mut out = super::right_to_left::PageText::new(&mut text);
            for p in pages {
                pdf_extract::output_doc_page(&doc, &mut out, *p).map_err(|e| e.to_string())?;
            }
        }
        Ok(text)
    };
    if threads <= 1 {
        return run(&pages);
    }
    let chunk = pages.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles = pages
            .chunks(chunk)
            .map(|c| {
                std::thread::Builder::new()
                    .stack_size(THREAD_STACK_BYTES)
                    .spawn_scoped(scope, move || run(c))
                    .map_err(|e| e.to_string())
            })
            .collect::<Result<Vec<_>, String>>()?;
        let mut text = String::new();
        for h in handles {
            match h.join() {
                Ok(part) => text.push_str(&part?),
                Err(_) => return Err("its structure is not supported".to_string()),
            }
        }
        Ok(text)
    })
}
