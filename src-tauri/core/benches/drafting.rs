//! Benchmarks: generating a full draft from a 60-paragraph concluding
//! observations, and the editor's actions on that draft (each one saved in its own
//! transaction on disk, then read back as the editor shows it).
//! Run with `cargo bench -p loi-core --bench drafting`.

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use loi_core::generate::{generate_list, GenerateOptions, RecommendationInput};
use loi_core::model::ParagraphKind;
use loi_core::parse::parse_text;
use loi_core::profile::Profile;
use loi_core::seeds::SEEDS;

fn drafting(c: &mut Criterion) {
    // Seed 004: 59 paragraphs, 26 recommendations.
    let text = String::from_utf8_lossy(SEEDS[4].1).into_owned();
    let co = parse_text(&text);
    assert!(co.paragraphs.len() >= 59);
    let profile = Profile::builtin("CMW").expect("CMW profile");
    let symbol = co.symbol.clone().unwrap_or_default();
    let state = co.state.clone().expect("state");
    let mut g = c.benchmark_group("generate");
    g.sample_size(30).measurement_time(Duration::from_secs(2));
    g.bench_function("full_draft_from_60_paragraphs", |b| {
        b.iter(|| {
            let inputs: Vec<RecommendationInput> = co
                .paragraphs
                .iter()
                .filter(|p| p.kind == ParagraphKind::Recommendation)
                .map(|p| RecommendationInput::new(&symbol, p))
                .collect();
            generate_list(&state, 3, &inputs, &profile, &GenerateOptions::default())
        })
    });
    g.finish();
}

fn editing(c: &mut Criterion) {
    use loi_core::draft::{apply, new_draft, DraftOp, NewDraft};
    use loi_core::library::Library;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut lib = Library::open(&dir.path().join("library.sqlite3")).expect("library");
    lib.ensure_seeded().expect("samples");
    let draft = new_draft(
        &mut lib,
        &NewDraft {
            state: "TJK".into(),
            ..Default::default()
        },
    )
    .expect("draft");
    let ids: Vec<u64> = draft.content.questions.iter().map(|q| q.id).collect();
    let (first, last) = (ids[0], ids[ids.len() - 1]);
    let mut g = c.benchmark_group("edit");
    g.sample_size(30).measurement_time(Duration::from_secs(3));
    g.bench_function("reorder_23_questions", |b| {
        let mut to = 0;
        b.iter(|| {
            to = (to + 1) % 2;
            apply(
                &mut lib,
                draft.id,
                DraftOp::Reorder {
                    question: first,
                    to,
                },
            )
            .expect("reorder")
        })
    });
    g.bench_function("move_to_another_section", |b| {
        let sections = [vec!["General information".to_string()], vec![]];
        let mut n = 0;
        b.iter(|| {
            n += 1;
            let section = sections[n % 2].clone();
            apply(
                &mut lib,
                draft.id,
                DraftOp::Move {
                    question: last,
                    section: (!section.is_empty()).then_some(section),
                    index: 0,
                },
            )
            .expect("move")
        })
    });
    g.bench_function("keystroke", |b| {
        let mut text = String::from("Please describe the strategy");
        b.iter(|| {
            text.push('.');
            apply(
                &mut lib,
                draft.id,
                DraftOp::EditText {
                    question: first,
                    text: text.clone(),
                },
            )
            .expect("keystroke")
        })
    });
    g.finish();
}

criterion_group!(benches, drafting, editing);
criterion_main!(benches);
