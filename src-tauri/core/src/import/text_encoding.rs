//! Decoding text files: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM (as
//! Word's "Save as text" writes), and Windows-1252; binary data is refused.

/// Decodes text, normalising line ends to `\n`. Form feeds (page breaks) stay.
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    let text = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8(rest.to_vec())
            .map_err(|_| "the file says it is UTF-8 but is not valid UTF-8".to_string())?
    } else if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let encoding = if bytes[0] == 0xFF {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (text, had_errors) = encoding.decode_with_bom_removal(bytes);
        if had_errors {
            return Err("the file says it is UTF-16 but is not valid UTF-16".into());
        }
        text.into_owned()
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) => decode_windows_1252(bytes)?,
        }
    };
    check_plausible_text(&text)?;
    Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// Bytes undefined in Windows-1252.
const UNDEFINED_1252: [u8; 5] = [0x81, 0x8D, 0x8F, 0x90, 0x9D];

fn decode_windows_1252(bytes: &[u8]) -> Result<String, String> {
    if bytes.iter().any(|b| {
        UNDEFINED_1252.contains(b) || (*b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
    }) {
        return Err(
            "this is not a text or Word document (it is not valid UTF-8 text and does not look like Windows-1252 text either; it may be binary data)".into(),
        );
    }
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
    Ok(text.into_owned())
}

/// Refuses text that is mostly control characters or replacement characters.
fn check_plausible_text(text: &str) -> Result<(), String> {
    let mut total = 0usize;
    let mut odd = 0usize;
    for c in text.chars().take(200_000) {
        total += 1;
        let control = c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}');
        if control || c == '\u{FFFD}' {
            odd += 1;
        }
    }
    if total > 0 && (odd * 100 / total > 2 || text.contains('\0')) {
        return Err("this is not a text or Word document (it looks like binary data)".into());
    }
    Ok(())
}
