//! Tests of the draft model, its store and drafting from the library.

mod content_and_store;
mod drafting;
