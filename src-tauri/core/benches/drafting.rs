//! Benchmark: generating a full draft from a 60-paragraph concluding observations.
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

criterion_group!(benches, drafting);
criterion_main!(benches);
