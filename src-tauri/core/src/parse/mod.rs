//! Parse: plain text → [`Document`]. Detects the metadata, then hands the text to
//! the parser for that kind of document.

pub mod concluding_observations;
pub mod dialogue_summary;
pub mod follow_up_letter;
pub mod follow_up_report;
pub mod list_of_issues;
pub mod metadata;
pub mod replies;
pub mod state_report;
pub mod submission;

use crate::model::{Document, DocumentKind};

/// Parses a document's text. Never fails: what is not recognised is kept as
/// paragraphs of kind `other`.
pub fn parse_text(text: &str) -> Document {
    let doc = metadata::detect(text);
    let kind = doc.kind;
    parse_detected(text, doc, kind)
}

/// Parses a document's text as a document of `kind` (the user said what it is).
pub fn parse_text_as(text: &str, kind: DocumentKind) -> Document {
    let mut doc = metadata::detect(text);
    doc.inferred.retain(|f| f != "kind");
    doc.kind = kind;
    parse_detected(text, doc, kind)
}

fn parse_detected(text: &str, mut doc: Document, kind: DocumentKind) -> Document {
    match kind {
        DocumentKind::ConcludingObservations => concluding_observations::parse(text, &mut doc),
        DocumentKind::ListOfIssues | DocumentKind::ListOfIssuesPriorToReporting => {
            list_of_issues::parse(text, &mut doc)
        }
        DocumentKind::FollowUpLetter => follow_up_letter::parse(text, &mut doc),
        DocumentKind::DialogueSummary => dialogue_summary::parse(text, &mut doc),
        DocumentKind::Replies => replies::parse(text, &mut doc),
        DocumentKind::FollowUpReport => follow_up_report::parse(text, &mut doc),
        DocumentKind::StateReport => state_report::parse(text, &mut doc),
        DocumentKind::Submission => submission::parse(text, &mut doc),
        DocumentKind::Other => doc.paragraphs = crate::text_cleanup::plain_paragraphs(text),
    }
    metadata::finish(&mut doc);
    doc
}
