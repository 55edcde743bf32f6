//! The State party's follow-up information on concluding observations
//! (`…/FCO/n`, older `…/CO/n/Add.1`): numbered paragraphs, each keyed to the
//! paragraph of the concluding observations it answers where the document says so
//! ("Follow-up information relating to paragraph 17 (a) of the concluding
//! observations", "Information regarding the recommendation contained in paragraph
//! 11", "Paragraph 11 (a)", "As for Recommendation No. 32").

use once_cell::sync::Lazy;
use regex::Regex;

use crate::model::{Citation, Document, DocumentKind};
use crate::parse::{replies, state_report};
use crate::symbols;
use crate::text_cleanup;

/// A heading naming the recommendation answered; group 1 is where its number starts.
static FOLLOW_UP_HEADING_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^(?:[A-Z]\.\s+|[IVX]+\.\s+)?(?:(?:(?:follow-up|additional|further)\s+)?(?:information|measures taken|reply|replies|response)\s+(?:relating to|regarding|concerning|on|to|in relation to|with regard to)\s+(?:the\s+)?(?:(?:recommendations?|issues?)\s+(?:contained|set out|made)\s+in\s+)?(?:paragraphs?|recommendations?)|as for recommendation|(?:recommendations?|paragraphs?))\s+(?:No\.\s*)?(\d)",
    )
    .expect("follow-up heading pattern")
});

/// Parses follow-up information into `doc`.
pub fn parse(text: &str, doc: &mut Document) {
    let cleaned = text_cleanup::clean(text);
    let mut paragraphs =
        state_report::numbered_paragraphs(&cleaned.blocks, &cleaned.footnotes, false);
    doc.footnotes = cleaned.footnotes;
    let observations = doc
        .symbol
        .as_deref()
        .and_then(symbols::answered_symbol)
        .or_else(|| observations_cited(text))
        .unwrap_or_default();
    let mut current: Vec<String> = Vec::new();
    for p in &mut paragraphs {
        if p.number.is_none() {
            let refs = replies::heading_refs(&p.text, &FOLLOW_UP_HEADING_RE);
            if !refs.is_empty() {
                current = refs;
            }
            continue;
        }
        p.answers = current
            .iter()
            .map(|r| Citation {
                symbol: observations.clone(),
                paragraph: Some(r.clone()),
            })
            .collect();
    }
    doc.paragraphs = paragraphs;
}

/// The concluding observations the text cites first.
fn observations_cited(text: &str) -> Option<String> {
    symbols::find_symbols(text).into_iter().find_map(|(_, s)| {
        symbols::parse_symbol(&s)
            .filter(|i| i.kind == Some(DocumentKind::ConcludingObservations))
            .map(|i| i.symbol)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_information_to_paragraphs() {
        let text = "Information received from Azerbaijan on follow-up to the concluding observations\n\n1. The present report responds to the request.\n\nFollow-up information relating to paragraph 11 (a) of the concluding observations\n\n2. A new law was adopted.\n\n3. It entered into force.\n\nB. Follow-up information relating to paragraph 21 of the concluding observations\n\n4. The plan was approved.";
        let mut d = Document {
            kind: DocumentKind::FollowUpReport,
            symbol: Some("CRPD/C/AZE/FCO/2-3".into()),
            ..Default::default()
        };
        parse(text, &mut d);
        assert!(d.paragraph("1").is_some_and(|p| p.answers.is_empty()));
        let at = |n: &str| {
            d.paragraph(n)
                .map(|p| {
                    p.answers
                        .iter()
                        .map(|c| format!("{} {}", c.symbol, c.paragraph.as_deref().unwrap_or("")))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        };
        assert_eq!(at("2"), ["CRPD/C/AZE/CO/2-3 11 (a)"]);
        assert_eq!(at("3"), ["CRPD/C/AZE/CO/2-3 11 (a)"]);
        assert_eq!(at("4"), ["CRPD/C/AZE/CO/2-3 21"]);
    }

    #[test]
    fn never_panics() {
        for t in [
            "",
            "Paragraph",
            "Paragraph 1",
            "1. x",
            "Recommendation No. ",
        ] {
            let mut d = Document::default();
            parse(t, &mut d);
        }
    }
}
