//! Follow-up letters: which concluding observations the committee assessed, and
//! for each paragraph under follow-up, the committee's assessment in its words.

use once_cell::sync::Lazy;
use regex::Regex;

use crate::model::{Assessment, Document, DocumentKind, Grade, Paragraph, ParagraphKind};
use crate::symbols;
use crate::text_cleanup;

/// "Regarding the recommendation made in paragraph 27 of the concluding observations".
static ASSESSMENT_START_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:(?:regarding|with regard to|with respect to|in regards? to|as regards|concerning|in relation to|on)\s+(?:the\s+)?recommendations?\s+(?:made\s+|contained\s+)?in\s+)?paragraphs?\s+(\d)")
        .expect("assessment start pattern")
});
static CLOSING_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)looks forward|please accept|assurances of|yours sincerely|highest consideration",
    )
    .expect("closing pattern")
});

/// Parses a follow-up letter into `doc`.
pub fn parse(text: &str, doc: &mut Document) {
    let cleaned = text_cleanup::clean(text);
    doc.footnotes = cleaned.footnotes;

    // The concluding observations assessed: the first CO symbol the letter names.
    let assessed = symbols::find_symbols(text).into_iter().find_map(|(_, s)| {
        symbols::parse_symbol(&s)
            .filter(|i| i.kind == Some(DocumentKind::ConcludingObservations))
            .map(|i| i.symbol)
    });
    if let Some(sym) = &assessed {
        if let Some(info) = symbols::parse_symbol(sym) {
            if doc.state.is_none() {
                doc.state = info.state.as_deref().and_then(symbols::state_by_code);
                if !doc.inferred.iter().any(|f| f == "state") {
                    doc.inferred.push("state".into());
                }
            }
            if doc.committee.is_none() {
                doc.committee = Some(info.committee);
            }
            if doc.cycle.is_none() {
                doc.cycle = info.cycle;
            }
        }
    }

    let blocks = &cleaned.blocks;
    let mut i = 0;
    while i < blocks.len() {
        let t = &blocks[i].text;
        doc.paragraphs.push(Paragraph {
            kind: ParagraphKind::Other,
            text: t.clone(),
            ..Default::default()
        });
        let Some(start) = ASSESSMENT_START_RE
            .captures(t)
            .and_then(|c| c.get(1))
            .map(|m| m.start())
        else {
            i += 1;
            continue;
        };
        let (refs, _) = symbols::parse_paragraph_refs(&t[start..]);
        // The passage: this block, and following ones that continue the assessment
        // (a grade line, a second paragraph), up to the next assessment, the closing
        // formula, or an address block.
        let mut passage = t.clone();
        let mut j = i + 1;
        while j < blocks.len() {
            let next = &blocks[j].text;
            let continues = !ASSESSMENT_START_RE.is_match(next)
                && !CLOSING_RE.is_match(next)
                && (next.chars().count() > 80 || grade_line(next))
                && next.ends_with(['.', ']', ')']);
            if !continues {
                break;
            }
            passage.push(' ');
            passage.push_str(next);
            doc.paragraphs.push(Paragraph {
                kind: ParagraphKind::Other,
                text: next.clone(),
                ..Default::default()
            });
            j += 1;
        }
        if let Some(symbol) = &assessed {
            let grade = grade_of(&passage);
            for r in refs {
                if let Some(g) = &grade {
                    doc.grades.push(Grade {
                        symbol: symbol.clone(),
                        paragraph: r.clone(),
                        grade: g.clone(),
                    });
                }
                doc.assessments.push(Assessment {
                    symbol: symbol.clone(),
                    paragraph: r,
                    text: passage.clone(),
                });
            }
        }
        i = j;
    }
}

/// A letter grade: "[B]", "[C1]", "Assessment: C", "Grade: A", "(B)".
static LETTER_GRADE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\[([A-E][12]?)\*?\]|(?i:assessment|grade|rating)\s*[:\-–]?\s*[\[(]?([A-E][12]?)[\])]?(?:\W|$)")
        .expect("letter grade pattern")
});

/// A grade in words: "(has been) partially implemented", "not implemented",
/// "largely satisfactory", "no information received".
static WORD_GRADE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:(not|partially|substantially|largely|fully)\s+(?:been\s+)?)?implemented\b|\b(largely satisfactory|partially satisfactory|not satisfactory|unsatisfactory|no information (?:was )?(?:received|provided))\b")
        .expect("word grade pattern")
});

/// The grade a passage gives, as data: the letter ("B", "C1") when there is one,
/// else the first assessment in words ("partially implemented").
pub fn grade_of(passage: &str) -> Option<String> {
    if let Some(c) = LETTER_GRADE_RE.captures(passage) {
        if let Some(m) = c.get(1).or_else(|| c.get(2)) {
            return Some(m.as_str().to_string());
        }
    }
    let c = WORD_GRADE_RE.captures(passage)?;
    if let Some(m) = c.get(2) {
        return Some(m.as_str().to_lowercase().replace(" was ", " "));
    }
    Some(match c.get(1) {
        Some(q) => format!("{} implemented", q.as_str().to_lowercase()),
        None => "implemented".to_string(),
    })
}

/// A grade as some committees give it: "[B]", "Assessment: C", "Grade: A".
fn grade_line(s: &str) -> bool {
    let t = s.trim();
    (t.starts_with('[') && t.chars().nth(2) == Some(']'))
        || t.to_lowercase().starts_with("assessment")
        || t.to_lowercase().starts_with("grade")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_text;

    fn seed001() -> String {
        crate::fixtures::seed_text("001")
    }

    #[test]
    fn kyrgyzstan_follow_up_letter() {
        let d = parse_text(&seed001());
        assert_eq!(d.kind, DocumentKind::FollowUpLetter);
        assert_eq!(d.date.unwrap().to_string(), "2018-09-13");
        assert_eq!(d.state.as_ref().unwrap().code, "KGZ");
        let paras: Vec<&str> = d.assessments.iter().map(|a| a.paragraph.as_str()).collect();
        assert_eq!(paras, ["27", "29", "31", "33"]);
        assert!(d.assessments.iter().all(|a| a.symbol == "CMW/C/KGZ/CO/1"));
        let words = [
            "to take all necessary measures to fully implement",
            "to continue to implement",
            "to strengthen its efforts",
            "to intensify its efforts",
        ];
        for (a, w) in d.assessments.iter().zip(words) {
            assert!(a.text.contains(w), "{} lacks {w}", a.text);
            assert!(!a.text.contains("Excellency") && !a.text.contains("**"));
        }
        assert!(!d.assessments[1].text.contains("Permanent Representative"));
    }

    #[test]
    fn letter_with_grades_in_another_layout() {
        let text = "Excellency,\n\nThe Committee examined the follow-up report of the State party on its concluding observations (CCPR/C/MEX/CO/6).\n\nParagraph 12: Non-discrimination\n\n[B]: The Committee notes the steps taken but requires further information on the adoption of the bill.\n\nParagraphs 20 and 21: Enforced disappearances\n\n[C]: The Committee regrets that no information was provided on investigations.\n\nThe Committee looks forward to continuing its dialogue.\n";
        let mut d = parse_text(text);
        if d.kind != DocumentKind::FollowUpLetter {
            d = Document::default();
            parse(text, &mut d);
        }
        let paras: Vec<&str> = d.assessments.iter().map(|a| a.paragraph.as_str()).collect();
        assert_eq!(paras, ["12", "20", "21"]);
        assert!(d.assessments[0].text.contains("[B]"));
        assert!(d.assessments[1].text.contains("[C]"));
        assert_eq!(d.assessments[0].symbol, "CCPR/C/MEX/CO/6");
        let grades: Vec<(&str, &str)> = d
            .grades
            .iter()
            .map(|g| (g.paragraph.as_str(), g.grade.as_str()))
            .collect();
        assert_eq!(grades, [("12", "B"), ("20", "C"), ("21", "C")]);
    }

    #[test]
    fn reads_grades_in_letters_and_words() {
        assert_eq!(grade_of("Assessment: C1").as_deref(), Some("C1"));
        assert_eq!(
            grade_of("[A]: The Committee welcomes").as_deref(),
            Some("A")
        );
        assert_eq!(
            grade_of(
                "The Committee considers that the recommendation has been partially implemented."
            )
            .as_deref(),
            Some("partially implemented")
        );
        assert_eq!(
            grade_of("the recommendation has not been implemented").as_deref(),
            Some("not implemented")
        );
        assert_eq!(
            grade_of("The Committee encourages the State party to continue to implement it.")
                .as_deref(),
            None
        );
        assert_eq!(grade_of("Assessment of the Committee").as_deref(), None);
    }

    #[test]
    fn never_panics() {
        for t in [
            "",
            "Excellency",
            "Regarding the recommendation made in paragraph",
            "paragraph 12",
        ] {
            let mut d = Document::default();
            parse(t, &mut d);
        }
    }
}
