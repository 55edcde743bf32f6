//! Parser for one kind of document (to be written).

use crate::model::Document;

pub fn parse(_text: &str, _doc: &mut Document) {}
