//! Submissions of civil society organizations and national human rights
//! institutions to a committee ("Submission by … to the Committee on …",
//! "Alternative report", "Shadow report", "Parallel report"): their paragraphs,
//! who submitted them, and the questions they propose for the list of issues,
//! under a heading ("Suggested questions for the list of issues", "Proposed
//! questions") or in their own words ("The Committee may wish to ask the State
//! party …", a sentence that ends with a question mark).

use once_cell::sync::Lazy;
use regex::Regex;

use crate::model::{Document, ParagraphKind, RaisedQuestion};
use crate::text_cleanup;

/// "Submission by Human Rights Watch to the Committee …", "Joint submission of
/// X and Y", "Alternative report of the X", "Report of the Ombudsman of X to
/// the Committee": who submitted it.
static SOURCE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?im)^[#*\s]*(?:joint\s+)?(?:submission|alternative\s+report|shadow\s+report|parallel\s+report|information\s+submitted|report)\s+(?:by|of|from)\s+(?:the\s+)?(.{3,120}?)(?:\s+(?:to|for|on)\s+the\s+(?:UN\s+|United\s+Nations\s+)?Committee\b|\s*$)")
        .expect("submission source pattern")
});

/// A heading over suggested questions.
static QUESTIONS_HEADING_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:[IVX]+\.\s+|[A-Z]\.\s+|\d+\.\s+)?(?:suggested|proposed|recommended|possible)\s+questions\b|^questions\s+(?:for|to\s+be\s+included\s+in)\s+the\s+list\s+of\s+issues")
        .expect("questions heading pattern")
});

/// "The Committee may wish to ask the State party …", "We suggest that the
/// Committee ask …".
static MAY_ASK_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:the\s+committee\s+(?:may|might|could|should)\s+(?:wish\s+to\s+)?(?:ask|request|enquire|inquire)|(?:we|[a-z]+)\s+(?:suggests?|recommends?|urges?)\s+that\s+the\s+committee\s+(?:ask|request|enquire|inquire))\b")
        .expect("may ask pattern")
});

/// Who submitted the document, from its first lines.
pub fn source(text: &str) -> Option<String> {
    let head: String = text.chars().take(2000).collect();
    SOURCE_RE
        .captures(&head)
        .map(|c| c[1].trim().trim_end_matches(['.', ',', ':']).to_string())
}

/// Parses a submission into `doc`: its paragraphs, and the questions it
/// proposes (as `questions_raised`, with the submitter as the speaker).
pub fn parse(text: &str, doc: &mut Document) {
    let by = source(text);
    let cleaned = text_cleanup::clean(text);
    let mut paragraphs = text_cleanup::plain_paragraphs(text);
    doc.footnotes = cleaned.footnotes;
    let mut under_heading = false;
    let mut questions = Vec::new();
    for p in &mut paragraphs {
        let t = p.text.trim();
        let short = t.chars().count() < 100 && !t.ends_with(['.', '?', ';']);
        if short {
            under_heading = QUESTIONS_HEADING_RE.is_match(t);
            continue;
        }
        let asks = under_heading || MAY_ASK_RE.is_match(t) || (t.ends_with('?') && t.len() > 30);
        if asks {
            p.kind = ParagraphKind::Question;
            questions.push(RaisedQuestion {
                speaker: by.clone(),
                text: p.full_text(),
            });
        }
    }
    doc.paragraphs = paragraphs;
    doc.questions_raised = questions;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DocumentKind;

    const NGO: &str = "Submission by the Tajik Migrants Rights Network to the Committee on the Protection of the Rights of All Migrant Workers and Members of Their Families\n\nFor the adoption of the list of issues prior to reporting on Tajikistan\n\nIntroduction\n\n1. The Network assists migrant workers abroad and their families.\n\nConsular assistance\n\n2. Consulates in the Russian Federation remain understaffed and migrant workers in detention receive no visits.\n\n3. The Committee may wish to ask the State party how many consular officials assist migrant workers deprived of liberty.\n\nSuggested questions for the list of issues\n\n4. Please provide data on the remittances received by families left behind.\n\n5. Please indicate the measures taken to conclude pension agreements with countries of destination.\n";

    #[test]
    fn a_submission_its_source_and_its_suggested_questions() {
        let d = crate::parse::parse_text(NGO);
        assert_eq!(d.kind, DocumentKind::Submission);
        assert_eq!(
            source(NGO).as_deref(),
            Some("Tajik Migrants Rights Network")
        );
        let asked: Vec<&str> = d.questions_raised.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(asked.len(), 3, "{asked:?}");
        assert!(asked[0].contains("consular officials"));
        assert!(asked[1].contains("remittances"));
        assert!(asked[2].contains("pension agreements"));
        assert!(d
            .questions_raised
            .iter()
            .all(|q| q.speaker.as_deref() == Some("Tajik Migrants Rights Network")));
        // The paragraph on understaffed consulates is not a question.
        assert!(!asked.iter().any(|q| q.contains("understaffed")));
    }
}
