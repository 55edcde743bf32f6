//! Decoding text files: UTF-8 (with or without BOM; a few invalid bytes are
//! replaced, with a warning), UTF-16 LE/BE with BOM (as Word's "Save as text"
//! writes), and legacy single-byte encodings told apart by `chardetng`
//! (Windows-1252, Windows-1251 Cyrillic, …); binary data is refused.
//!
//! Every step is linear in the input's size.

/// Decoded text and what the reader should know about how it was decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub warnings: Vec<String>,
}

/// Decodes text, normalising line ends to `\n`. Form feeds (page breaks) stay.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    let mut warnings = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        let (text, invalid) = utf8_lossy(rest);
        if invalid > 0 {
            if invalid > max_replaced(rest.len()) {
                return Err("the file says it is UTF-8 but is not valid UTF-8".into());
            }
            warnings.push(replaced_warning(invalid));
        }
        text
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
            Err(_) => {
                let stats = utf8_stats(bytes);
                if stats.multibyte > 0 && stats.invalid <= max_replaced(bytes.len()) {
                    // UTF-8 text with a few stray bytes (typically one Windows-1252
                    // quote pasted into a UTF-8 file): keep the UTF-8 reading.
                    let (text, invalid) = utf8_lossy(bytes);
                    warnings.push(replaced_warning(invalid));
                    text
                } else {
                    let (text, name) = decode_legacy(bytes)?;
                    warnings.push(format!("the file is not UTF-8 text; it was read as {name}"));
                    text
                }
            }
        }
    };
    check_plausible_text(&text)?;
    Ok(Decoded {
        text: text.replace("\r\n", "\n").replace('\r', "\n"),
        warnings,
    })
}

/// How many invalid bytes a UTF-8 file may have and still be read as UTF-8.
fn max_replaced(len: usize) -> usize {
    (len / 200).max(16)
}

fn replaced_warning(invalid: usize) -> String {
    if invalid == 1 {
        "1 byte was not valid UTF-8 and was replaced".to_string()
    } else {
        format!("{invalid} bytes were not valid UTF-8 and were replaced")
    }
}

struct Utf8Stats {
    /// valid characters of two bytes or more
    multibyte: usize,
    /// bytes that are not part of a valid UTF-8 sequence
    invalid: usize,
}

fn utf8_stats(bytes: &[u8]) -> Utf8Stats {
    let mut stats = Utf8Stats {
        multibyte: 0,
        invalid: 0,
    };
    for chunk in bytes.utf8_chunks() {
        stats.multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        stats.invalid += chunk.invalid().len();
    }
    stats
}

/// UTF-8 with each invalid sequence replaced by U+FFFD; the number of invalid bytes.
fn utf8_lossy(bytes: &[u8]) -> (String, usize) {
    let mut out = String::with_capacity(bytes.len());
    let mut invalid = 0;
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            invalid += chunk.invalid().len();
            out.push('\u{FFFD}');
        }
    }
    (out, invalid)
}

/// Decodes a legacy (non-UTF) encoding guessed by `chardetng`; the encoding's name.
fn decode_legacy(bytes: &[u8]) -> Result<(String, &'static str), String> {
    if bytes
        .iter()
        .any(|b| *b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
    {
        return Err(
            "this is not a text or Word document (it is not UTF-8 text and has control characters; it may be binary data)".into(),
        );
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, false);
    let (text, _, had_errors) = encoding.decode(bytes);
    if had_errors && encoding == encoding_rs::WINDOWS_1252 {
        return Err(
            "this is not a text or Word document (it is not valid UTF-8 text and does not look like Windows-1252 text either; it may be binary data)".into(),
        );
    }
    // Windows-1252 bytes that the standard leaves undefined decode to C1 controls.
    if encoding == encoding_rs::WINDOWS_1252
        && bytes
            .iter()
            .any(|b| matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D))
    {
        return Err(
            "this is not a text or Word document (it is not valid UTF-8 text and does not look like Windows-1252 text either; it may be binary data)".into(),
        );
    }
    Ok((text.into_owned(), encoding.name()))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stray_windows_1252_byte_in_utf8_is_replaced_with_a_warning() {
        let mut bytes = "The Committee’s “concerns” — résumé.\n"
            .repeat(50)
            .into_bytes();
        bytes.splice(100..100, [0x92]);
        let d = decode(&bytes).expect("read");
        assert_eq!(d.warnings, ["1 byte was not valid UTF-8 and was replaced"]);
        assert!(d.text.contains("“concerns”"), "{}", d.text);
        assert_eq!(d.text.matches('\u{FFFD}').count(), 1);
    }

    #[test]
    fn windows_1251_cyrillic_is_told_from_windows_1252() {
        let text = "Комитет рекомендует государству-участнику принять закон о защите прав трудящихся-мигрантов и членов их семей.\n".repeat(5);
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&text);
        let d = decode(&bytes).expect("read");
        assert_eq!(d.text, text);
        assert_eq!(
            d.warnings,
            ["the file is not UTF-8 text; it was read as windows-1251"]
        );
    }

    #[test]
    fn decoding_is_linear() {
        let mut bytes = "a é ".repeat(2_000_000).into_bytes();
        bytes.push(0x92);
        let t = std::time::Instant::now();
        let d = decode(&bytes).expect("read");
        assert_eq!(d.warnings.len(), 1);
        assert!(t.elapsed().as_secs() < 5);
    }
}
