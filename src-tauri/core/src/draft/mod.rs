//! Drafts travel: a draft sent out (as Word, text or a shared draft file)
//! comes back and is merged question by question against the version that
//! was sent, as proposals the rapporteur accepts or rejects.
//!
//! - `send`: exports a draft with its provenance (draft and version ids);
//! - `returned`: reads a returned Word file (accepted text, tracked changes,
//!   comments, footnotes, provenance);
//! - `inline`: citations written in the text turned back into footnotes;
//! - `merge`: the three-way merge per question (base, ours, theirs);
//! - `review`: proposals stored, decided and applied (one undo step);
//! - `share`: the app-to-app draft file.

pub mod inline;
pub mod merge;
pub mod returned;
pub mod review;
pub mod send;
pub mod share;
