//! A parsed list of issues (a stored document or a file) as an [`IssueList`],
//! the shape that `diff` and `export` work on.

use crate::model::{Document, IssueList, ListQuestion, NoteAnchor, ParagraphKind, Section};

/// The questions of a parsed list of issues, with their sections, sub-items and
/// footnotes (a citation note keeps its citations; any other note its text).
pub fn issue_list_from_document(doc: &Document) -> IssueList {
    let mut intro = Vec::new();
    let mut questions = Vec::new();
    let by_number = crate::text_cleanup::footnotes_by_number(&doc.footnotes);
    for p in &doc.paragraphs {
        if p.kind != ParagraphKind::Question {
            if questions.is_empty() && p.kind == ParagraphKind::Other {
                intro.push(p.text.clone());
            }
            continue;
        }
        let notes = p
            .footnote_refs
            .iter()
            .filter(|r| r.offset <= p.text.len())
            .map(|r| {
                let note = by_number.get(r.number.as_str()).copied();
                let cites: Vec<_> = note
                    .map(|f| {
                        f.cites
                            .iter()
                            .filter(|c| c.paragraph.is_some())
                            .cloned()
                            .collect()
                    })
                    .unwrap_or_default();
                let is_citation = note.is_some_and(|f| {
                    let t = f.text.trim_start();
                    !cites.is_empty()
                        && (t.starts_with("Ibid")
                            || crate::symbols::find_symbols(t)
                                .first()
                                .is_some_and(|(r, _)| r.start == 0))
                });
                NoteAnchor {
                    offset: r.offset,
                    cites: if is_citation { cites } else { Vec::new() },
                    text: if is_citation {
                        None
                    } else {
                        note.map(|f| f.text.clone())
                    },
                }
            })
            .collect();
        questions.push(ListQuestion {
            number: p
                .number
                .as_deref()
                .and_then(|n| n.parse().ok())
                .unwrap_or(questions.len() as u32 + 1),
            section: p.section.as_ref().map(Section::path).unwrap_or_default(),
            text: p.text.clone(),
            subitems: p.subparagraphs.clone(),
            notes,
            cites: p.cites.clone(),
        });
    }
    IssueList {
        committee: doc.committee.clone(),
        symbol: doc.symbol.clone(),
        title: doc.title.clone(),
        state: doc.state.clone(),
        kind: doc.kind,
        date: doc.date,
        language: doc.language.clone(),
        intro,
        questions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_text;

    #[test]
    fn the_seed_list_as_an_issue_list() {
        let l = issue_list_from_document(&parse_text(&crate::fixtures::seed_text("003")));
        assert_eq!(l.questions.len(), 25);
        let notes = l.footnotes();
        assert_eq!(notes[0].1, "CMW/C/TJK/CO/2, para. 12.");
        assert!(notes[1].1.starts_with("Unless otherwise indicated"));
        assert_eq!(notes[2].1, "CMW/C/TJK/CO/2, para. 13.");
        assert_eq!(notes[3].1, "Ibid., para. 35 (b).");
        assert_eq!(notes[7].1, "Ibid., para. 49 (a) and (d).");
        assert_eq!(
            l.questions[19].section.last().unwrap(),
            "Articles 32 and 33"
        );
    }
}
