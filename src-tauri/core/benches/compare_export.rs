//! Benchmarks: diff of two 30-question lists with inline diffs, and export of a
//! 30-question list to .docx. Run with `cargo bench -p loi-core --bench compare_export`.

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use loi_core::diff::diff_lists;
use loi_core::export::{to_docx, ExportOptions};
use loi_core::generate::{generate_list, GenerateOptions, RecommendationInput};
use loi_core::model::{IssueList, ParagraphKind};
use loi_core::parse::parse_text;
use loi_core::profile::Profile;
use loi_core::seeds::SEEDS;

/// A 30-question list: the Tajikistan recommendations drafted with one question per sub-paragraph.
fn thirty_questions() -> IssueList {
    let co = parse_text(&String::from_utf8_lossy(SEEDS[4].1));
    let symbol = co.symbol.clone().unwrap_or_default();
    let inputs: Vec<RecommendationInput> = co
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Recommendation)
        .map(|p| RecommendationInput::new(&symbol, p))
        .collect();
    let opts = GenerateOptions {
        split_subparagraphs: true,
        ..Default::default()
    };
    let (mut list, _) = generate_list(
        co.state.as_ref().expect("state"),
        3,
        &inputs,
        &Profile::builtin("CMW").expect("profile"),
        &opts,
    );
    list.questions.truncate(30);
    assert_eq!(list.questions.len(), 30);
    list
}

fn benches(c: &mut Criterion) {
    let old = thirty_questions();
    let mut new = old.clone();
    // Reword every third question, move two, drop one, add one.
    for (i, q) in new.questions.iter_mut().enumerate() {
        if i % 3 == 0 {
            q.text = q
                .text
                .replace("please provide information on", "please describe")
                .replace("efforts made", "measures taken");
        }
    }
    let moved = new.questions.remove(20);
    new.questions.insert(2, moved);
    new.questions.remove(10);
    let mut extra = new.questions[0].clone();
    extra.text =
        "Please describe the measures taken to protect migrant workers from extreme heat.".into();
    new.questions.push(extra);
    let mut g = c.benchmark_group("compare_export");
    g.sample_size(30).measurement_time(Duration::from_secs(2));
    g.bench_function("diff_30_questions", |b| b.iter(|| diff_lists(&old, &new)));
    let opts = ExportOptions::default();
    g.bench_function("export_docx_30_questions", |b| {
        b.iter(|| to_docx(&old, &opts).expect("docx"))
    });
    g.finish();
}

criterion_group!(compare, benches);
criterion_main!(compare);
