//! A draft sent with its citations written in the text ("(see CMW/C/TJK/CO/2,
//! para. 12)", "(para. 12)") comes back with them as words: each citation of
//! the question as sent is found again and becomes the footnote it is in the
//! draft, so that accepting a change does not write the citation twice.

use super::merge::QuestionContent;
use crate::draft::{DraftQuestion, NOTE_TOKEN};
use crate::model::{CitationStyle, IssueList, ListQuestion, NoteAnchor};

/// How each of the question's notes reads when written in the text.
fn renderings(q: &DraftQuestion, style: CitationStyle) -> Vec<String> {
    let mut plain = String::new();
    let mut offsets = Vec::new();
    for (i, part) in q.text.split(NOTE_TOKEN).enumerate() {
        if i > 0 {
            offsets.push(plain.len());
        }
        plain.push_str(part);
    }
    q.notes
        .iter()
        .zip(offsets)
        .map(|(n, offset)| {
            let list = IssueList {
                questions: vec![ListQuestion {
                    number: 1,
                    section: Vec::new(),
                    text: plain.clone(),
                    subitems: Vec::new(),
                    notes: vec![NoteAnchor {
                        offset,
                        cites: n.cites.clone(),
                        text: n.text.clone(),
                    }],
                    cites: Vec::new(),
                }],
                ..Default::default()
            }
            .with_citation_style(style);
            let written = &list.questions[0].text;
            let prefix = plain
                .bytes()
                .zip(written.bytes())
                .take_while(|(a, b)| a == b)
                .count();
            let suffix = plain[prefix..]
                .bytes()
                .rev()
                .zip(written[prefix..].bytes().rev())
                .take_while(|(a, b)| a == b)
                .count();
            let end = written.len() - suffix;
            written
                .get(prefix..end)
                .map(|s| s.trim().to_string())
                .unwrap_or_default()
        })
        .collect()
}

/// `content` as it came back, with the citations of `sent` that it still
/// writes in the text turned back into the notes they are.
pub fn restore_notes(
    mut content: QuestionContent,
    sent: &DraftQuestion,
    style: CitationStyle,
) -> QuestionContent {
    if !content.notes.is_empty() {
        return content;
    }
    let mut text = content.text.clone();
    let mut notes = Vec::new();
    for (note, written) in sent.notes.iter().zip(renderings(sent, style)) {
        if written.is_empty() {
            continue;
        }
        let Some(at) = text.find(&written) else {
            continue;
        };
        let before = text[..at].trim_end().to_string();
        let mut after = text[at + written.len()..].to_string();
        // The marker goes after the punctuation the citation stood before.
        let mut marker_at = before.len();
        let mut rebuilt = before;
        if let Some(c) = after
            .chars()
            .next()
            .filter(|c| matches!(c, ',' | '.' | ';' | ':'))
        {
            rebuilt.push(c);
            after = after[c.len_utf8()..].to_string();
            marker_at = rebuilt.len();
        }
        rebuilt.insert_str(marker_at, NOTE_TOKEN);
        rebuilt.push_str(&after);
        text = rebuilt;
        notes.push(note.clone());
    }
    if !notes.is_empty() && text.matches(NOTE_TOKEN).count() == notes.len() {
        content.text = text;
        content.notes = notes;
    }
    content
}
