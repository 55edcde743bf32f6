//! Benchmark: bringing in a returned Word file for a 30-question draft with
//! 10 proposals (rewordings, deletions, new questions, with tracked changes):
//! read the file, recognise draft and version, read the version as sent,
//! align, merge and store the review (target ≤ 100 ms).
//! Run with `cargo bench -p loi-core --bench merge`.

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use loi_core::draft;
use loi_core::draft::{apply, new_draft, DraftOp, NewDraft};
use loi_core::draft::{review, send};
use loi_core::export::ExportFormat;
use loi_core::fixtures::word_edits::{edit_as_word, WordEdit};
use loi_core::library::Library;
use loi_core::model::CitationStyle;

fn merge(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut lib = Library::open(&dir.path().join("library.sqlite3")).expect("library");
    lib.ensure_seeded().expect("samples");
    let draft = new_draft(
        &mut lib,
        &NewDraft {
            state: "TJK".into(),
            split_subparagraphs: true,
            ..Default::default()
        },
    )
    .expect("draft");
    let id = draft.id;
    let mut n = draft.content.questions.len();
    while n < 30 {
        let last = draft::load(lib.connection(), id)
            .expect("draft")
            .content
            .questions[n - 1]
            .id;
        apply(
            &mut lib,
            id,
            DraftOp::AddQuestion {
                section: None,
                after: Some(last),
                text: format!("Please provide information on the measures taken in area {n}."),
            },
        )
        .expect("added");
        n += 1;
    }
    let content = draft::load(lib.connection(), id).expect("draft").content;
    assert!(content.questions.len() >= 30);
    let sent = send::export_named(
        &mut lib,
        &format!("draft:{id}"),
        ExportFormat::Docx,
        CitationStyle::Footnote,
        &Default::default(),
        false,
    )
    .expect("export");
    let phrase = |i: usize| {
        let t = &content.questions[i - 1].text;
        let tail = t.rsplit(draft::NOTE_TOKEN).next().unwrap_or(t);
        tail.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut edits: Vec<WordEdit> = [2, 6, 10, 14, 18]
        .into_iter()
        .map(|q| WordEdit::Reword {
            question: q as u32,
            from: phrase(q),
            to: "please describe in detail".into(),
        })
        .collect();
    edits.extend([4u32, 12, 20].map(|q| WordEdit::Delete { question: q }));
    edits.extend([8u32, 24].map(|q| WordEdit::InsertAfter {
        question: q,
        text: format!("Please explain the new measure number {q} adopted in 2026."),
    }));
    let path = dir.path().join("returned.docx");
    std::fs::write(&path, edit_as_word(&sent, &edits, "Co-rapporteur", true)).expect("written");
    let r = review::bring_in(&mut lib, id, &path, None).expect("merge");
    assert_eq!(r.items.len(), 10, "ten proposals");
    let mut g = c.benchmark_group("merge");
    g.sample_size(20).measurement_time(Duration::from_secs(4));
    g.bench_function("30_questions_10_proposals", |b| {
        b.iter(|| review::bring_in(&mut lib, id, &path, None).expect("merge"))
    });
    g.finish();
}

criterion_group!(benches, merge);
criterion_main!(benches);
