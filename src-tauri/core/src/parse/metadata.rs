//! Metadata detection (to be written).

use crate::model::Document;

pub fn detect(_text: &str) -> Document {
    Document::default()
}
