//! The State party's replies to a list of issues (`…/RQ/n`, older `…/Q/n/Add.1`):
//! numbered paragraphs, each keyed to the question it answers where the document
//! says so — a heading "Reply to paragraph 5 (a) of the list of issues",
//! "Replies to the issues raised in paragraph 2", "Question 5", "Paragraph 5 (a)",
//! or the list's question copied in before the replies ("5. What steps …?").

use once_cell::sync::Lazy;
use regex::Regex;

use crate::model::{Citation, Document, ParagraphKind};
use crate::parse::state_report;
use crate::symbols;
use crate::text_cleanup;

/// A heading naming the question answered; group 1 is where its number starts.
static REPLY_HEADING_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^(?:[A-Z]\.\s+|[IVX]+\.\s+)?(?:(?:replies|reply|responses?|answers?|information)\s+(?:to|on|concerning|relating to|regarding|with regard to)\s+(?:the\s+)?(?:(?:issues?|questions?|points?|requests?)\s+(?:raised|contained|set out|listed)\s+in\s+)?(?:paragraphs?|questions?|issues?|items?|para\.|paras\.)|paragraphs?|questions?|issues?|items?)\s+(?:No\.\s*)?(\d)",
    )
    .expect("reply heading pattern")
});

/// The longest heading we take for one (a paragraph that happens to start
/// "Paragraph 5 of the Convention …" is longer).
const MAX_HEADING_CHARS: usize = 240;

/// The question numbers a heading names ("1 (a)", "3", "4"), or none.
pub(crate) fn heading_refs(text: &str, re: &Regex) -> Vec<String> {
    if text.chars().count() > MAX_HEADING_CHARS {
        return Vec::new();
    }
    let Some(start) = re.captures(text).and_then(|c| c.get(1)).map(|m| m.start()) else {
        return Vec::new();
    };
    symbols::parse_paragraph_refs(&text[start..]).0
}

/// Parses replies into `doc`: paragraphs numbered as the State numbered them,
/// `answers` naming the list's question.
pub fn parse(text: &str, doc: &mut Document) {
    let cleaned = text_cleanup::clean(text);
    let mut paragraphs =
        state_report::numbered_paragraphs(&cleaned.blocks, &cleaned.footnotes, true);
    doc.footnotes = cleaned.footnotes;
    let list = doc
        .symbol
        .as_deref()
        .and_then(symbols::answered_symbol)
        .or_else(|| list_cited(&paragraphs))
        .unwrap_or_default();
    // Replies the State did not number are keyed as wholes: the questions copied
    // before them then carry the document's numbering.
    let unnumbered = paragraphs.iter().all(|p| p.number.is_none());
    let mut current: Vec<String> = Vec::new();
    for p in &mut paragraphs {
        if p.kind == ParagraphKind::Question {
            if let Some(n) = question_number(&p.text) {
                if unnumbered {
                    p.text = p.text[n.len() + 1..].trim_start().to_string();
                    p.number = Some(n.clone());
                }
                current = vec![n];
            }
            continue;
        }
        if p.number.is_none() {
            let refs = heading_refs(&p.text, &REPLY_HEADING_RE);
            if !refs.is_empty() {
                current = refs;
                continue;
            }
            if !unnumbered {
                continue;
            }
        }
        p.answers = current
            .iter()
            .map(|r| Citation {
                symbol: list.clone(),
                paragraph: Some(r.clone()),
            })
            .collect();
    }
    doc.paragraphs = paragraphs;
}

/// The number a copied question opens with ("5. What steps …" gives "5").
fn question_number(text: &str) -> Option<String> {
    let digits: String = text.chars().take_while(|c| c.is_ascii_digit()).collect();
    (!digits.is_empty() && text[digits.len()..].starts_with('.')).then_some(digits)
}

/// The list of issues the replies cite (…/Q/n), when their own symbol is unknown.
fn list_cited(paragraphs: &[crate::model::Paragraph]) -> Option<String> {
    paragraphs.iter().take(40).find_map(|p| {
        symbols::find_symbols(&p.text)
            .into_iter()
            .map(|(_, s)| s)
            .find(|s| {
                symbols::parse_symbol(s)
                    .is_some_and(|i| i.kind.is_some_and(|k| k.is_list_of_issues()) && !i.addendum)
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DocumentKind;

    fn parsed(text: &str, symbol: Option<&str>) -> Document {
        let mut d = Document {
            kind: DocumentKind::Replies,
            symbol: symbol.map(String::from),
            ..Default::default()
        };
        parse(text, &mut d);
        d
    }

    fn answers(d: &Document, n: &str) -> Vec<String> {
        d.paragraph(n)
            .map(|p| {
                p.answers
                    .iter()
                    .filter_map(|c| c.paragraph.clone())
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn keys_replies_to_headings() {
        let text = "Replies of Mexico to the list of issues\n\nReplies to the issues raised in paragraph 1 of the list of issues\n\n1. The programme attests to the efforts made.\n\nReply to paragraph 2 (a) and (b) of the list of issues\n\n2. The working group provides input.\n\n3. The register lists persons.\n\nQuestion 3\n\n4. The law was adopted.";
        let d = parsed(text, Some("CRPD/C/MEX/RQ/2-3"));
        assert_eq!(answers(&d, "1"), ["1"]);
        assert_eq!(answers(&d, "2"), ["2 (a)", "2 (b)"]);
        assert_eq!(answers(&d, "3"), ["2 (a)", "2 (b)"]);
        assert_eq!(answers(&d, "4"), ["3"]);
        let p = d.paragraph("1").map(|p| p.answers[0].symbol.clone());
        assert_eq!(p.as_deref(), Some("CRPD/C/MEX/Q/2-3"));
    }

    #[test]
    fn keys_replies_to_copied_questions() {
        let text = "Replies of Azerbaijan to the list of issues\n\n1. What steps is the State party taking to amend the law?\n\n1. By ratification of the Convention, Azerbaijan assumed commitments.\n\n2. A draft was prepared.\n\n2. Please provide information on discrimination.\n\n3. The State guarantees equality.";
        let d = parsed(text, Some("CRPD/C/AZE/Q/1/Add.1"));
        let nums: Vec<_> = d
            .paragraphs
            .iter()
            .filter_map(|p| p.number.clone())
            .collect();
        assert_eq!(nums, ["1", "2", "3"]);
        assert_eq!(answers(&d, "1"), ["1"]);
        assert_eq!(answers(&d, "2"), ["1"]);
        assert_eq!(answers(&d, "3"), ["2"]);
        assert_eq!(
            d.paragraph("3").unwrap().answers[0].symbol,
            "CRPD/C/AZE/Q/1"
        );
    }

    #[test]
    fn keys_unnumbered_replies_to_numbered_questions() {
        let text = "Replies of the United Arab Emirates to the list of issues\n\n1. Please provide statistics on persons with disabilities.\n\nThe number of persons registered is 12,000.\n\n2. Please provide a timetable for bringing all laws in line with the Convention.\n\nSpecific objectives were included in the strategic plan.";
        let d = parsed(text, Some("CRPD/C/ARE/Q/1/Add.1"));
        let nums: Vec<_> = d
            .paragraphs
            .iter()
            .filter_map(|p| p.number.clone())
            .collect();
        assert_eq!(nums, ["1", "2"]);
        let keyed: Vec<_> = d
            .paragraphs
            .iter()
            .filter(|p| p.text.starts_with("Specific objectives"))
            .flat_map(|p| p.answers.iter().filter_map(|c| c.paragraph.clone()))
            .collect();
        assert_eq!(keyed, ["2"]);
    }

    #[test]
    fn never_panics() {
        for t in [
            "",
            "Question",
            "Question 1",
            "1. ?",
            "Reply to paragraph (a)",
        ] {
            let _ = parsed(t, None);
        }
    }
}
