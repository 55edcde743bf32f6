//! Text cleanup (to be written).

use crate::model::Paragraph;

pub fn plain_paragraphs(text: &str) -> Vec<Paragraph> {
    text.split("\n\n")
        .filter(|s| !s.trim().is_empty())
        .map(|s| Paragraph {
            text: s.trim().to_string(),
            ..Default::default()
        })
        .collect()
}
