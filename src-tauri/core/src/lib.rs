//! LOI Drafter core: everything the app, the `loi` CLI and the tests share.
//!
//! The pipeline, one module per step (see ARCHITECTURE.md):
//! import → parse → link → store → generate → edit → diff → export.

pub mod error;
pub mod model;
pub mod state_names;
pub mod symbols;

pub mod fixtures;
pub mod import;
pub mod parse;
pub mod text_cleanup;

pub mod library;
pub mod link;
pub mod logs;
pub mod seeds;

pub mod generate;
pub mod profile;

pub mod committees;
pub mod compare;
pub mod diff;
pub mod draft;
pub mod evaluation;
pub mod export;
pub mod issue_list;
pub mod overlaps;
pub mod similarity;
pub mod sources;

pub use error::{Error, ErrorPayload, Result};
