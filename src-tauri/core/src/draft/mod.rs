//! Edit: a rapporteur's draft list of issues, and drafts that travel.
//!
//! One draft model and one edit path:
//! - `content`: what a draft holds (questions, footnotes, sub-items, sources,
//!   comments, sections) and the draft as a list of issues;
//! - `operations`: every edit ([`DraftOp`], sent alike by the app and the
//!   `loi` command line), applied as one transaction and one undo step;
//! - `view`: the draft as it reads (numbers, footnotes, counts, coverage);
//! - `coverage`: which prior recommendations it asks about;
//! - `store`: drafts in the library (history, versions, global ids);
//! - `new_draft`: a new draft from the library's recommendations.
//!
//! Drafts travel: a draft sent out (as Word, text or a shared draft file)
//! comes back and is merged question by question against the version that
//! was sent, as proposals the rapporteur accepts or rejects:
//! - `send`: exports a draft with its provenance (draft and version ids);
//! - `returned`: reads a returned Word file (accepted text, tracked changes,
//!   comments, footnotes, provenance);
//! - `inline`: citations written in the text turned back into footnotes;
//! - `merge`: the three-way merge per question (base, ours, theirs);
//! - `review`: proposals stored, decided and applied (one undo step);
//! - `share`: the app-to-app draft file.

pub mod content;
pub mod coverage;
pub mod new_draft;
pub mod operations;
pub mod store;
pub mod view;

pub mod inline;
pub mod merge;
pub mod returned;
pub mod review;
pub mod review_view;
pub mod send;
pub mod share;

#[cfg(test)]
mod tests;

pub use content::*;
pub use coverage::*;
pub use new_draft::*;
pub use operations::*;
pub use store::*;
pub use view::*;
