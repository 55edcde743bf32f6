//! Markdown footnotes written as references ("[^5]: …") and markdown escapes.

use super::*;

/// Notes written apart from the text, as markdown and our own text export write
/// them: definitions on their own lines (`[^3]: …`, `[3] …`) are taken out into
/// `notes`, and their references (`[^3]`, `[3]` — a bracketed number only when a
/// note of that number was defined, and neither after a backslash) become Word
/// markers "[footnoteRef:3]", which the rest of the cleanup reads.
pub(super) fn reference_style_notes(text: &str, notes: &mut Vec<(String, String)>) -> String {
    if !text.contains('[') {
        return text.to_string();
    }
    let mut defined = std::collections::HashSet::new();
    let mut take = |re: &Regex, text: &str, caret: bool| -> String {
        re.replace_all(text, |c: &regex::Captures| {
            notes.push((c[1].to_string(), c[2].to_string()));
            defined.insert((caret, c[1].to_string()));
            String::new()
        })
        .into_owned()
    };
    let text = take(&MD_NOTE_RE, text, true);
    let text = take(&BRACKET_NOTE_RE, &text, false);
    if defined.is_empty() {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for c in NOTE_REF_RE.captures_iter(&text) {
        let Some(whole) = c.get(0) else { continue };
        let escaped = text[..whole.start()].ends_with('\\');
        let caret = !c[1].is_empty();
        if escaped || !defined.contains(&(caret, c[2].to_string())) {
            continue;
        }
        out.push_str(&text[last..whole.start()]);
        out.push_str("[footnoteRef:");
        out.push_str(&c[2]);
        out.push(']');
        last = whole.end();
    }
    out.push_str(&text[last..]);
    out
}

/// Drops markdown's backslash before an ASCII punctuation character (`1\.` is
/// "1.", `\[` is "["); `\*` was set apart before bold was read.
pub(super) fn unescape_markdown(s: &str) -> String {
    if !s.contains('\\') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(&next) = chars.peek() {
                if next.is_ascii_punctuation() {
                    out.push(next);
                    chars.next();
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}
