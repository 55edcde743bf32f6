//! Benchmarks of the library steps: parse, import (parse + store). Search:
//! `benches/search.rs`.
//! Run with `cargo bench -p loi-core --bench pipeline`.

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use loi_core::library::{Library, MetadataOverrides};
use loi_core::parse::parse_text;
use loi_core::seeds::SEEDS;

/// A synthetic concluding observations of about `bytes` bytes: numbered
/// concern/recommendation pairs with footnotes and sub-paragraphs.
pub fn synthetic_concluding_observations(bytes: usize) -> String {
    let mut s = String::from("Concluding observations on the third periodic report of Mexico*\n\nA. Introduction\n\n1. The Committee considered the third periodic report of Mexico.\n\nC. Principal subjects of concern and recommendations\n\n1. General measures of implementation (arts. 73 and 84)\n\n");
    let mut n = 2;
    let mut note = 1;
    while s.len() < bytes {
        s.push_str(&format!("Theme number {n}\n\n{n}. The Committee is concerned about the situation of migrant workers in sector {n}, including the lack of data, the insufficient resources of labour inspection and the reported cases of abuse by recruitment agencies in the region.\n\n"));
        n += 1;
        s.push_str(&format!("{n}. Recalling its previous recommendations,{note} the Committee recommends that the State party:\n\n(a) Strengthen the labour inspection of sector {n} and allocate sufficient human, technical and financial resources to it;\n\n(b) Collect data disaggregated by sex, age, nationality and migration status;\n\n(c) Investigate all reported cases of abuse and ensure access to effective remedies.\n\n{note} CMW/C/MEX/CO/2, para. {n}.\n\n"));
        n += 1;
        note += 1;
    }
    s
}

fn parse(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse");
    g.sample_size(20).measurement_time(Duration::from_secs(2));
    for (name, bytes) in SEEDS {
        let text = String::from_utf8_lossy(bytes).into_owned();
        g.bench_with_input(BenchmarkId::from_parameter(&name[..3]), &text, |b, t| {
            b.iter(|| parse_text(t))
        });
    }
    let big = synthetic_concluding_observations(1 << 20);
    g.bench_function("synthetic_1MB", |b| b.iter(|| parse_text(&big)));
    let forty = synthetic_concluding_observations(40 * 1024);
    g.bench_function("synthetic_40KB", |b| b.iter(|| parse_text(&forty)));
    g.finish();
}

fn import(c: &mut Criterion) {
    let mut g = c.benchmark_group("import");
    g.sample_size(20).measurement_time(Duration::from_secs(2));
    for (name, bytes) in SEEDS {
        g.bench_with_input(
            BenchmarkId::from_parameter(&name[..3]),
            bytes,
            |b, bytes| {
                b.iter_batched(
                    || Library::open_in_memory().expect("library"),
                    |mut lib| {
                        lib.import_bytes(name, bytes, &MetadataOverrides::default())
                            .expect("import")
                    },
                    criterion::BatchSize::SmallInput,
                )
            },
        );
    }
    let forty = synthetic_concluding_observations(40 * 1024);
    g.bench_function("synthetic_40KB_to_disk", |b| {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut lib = Library::open(&dir.path().join("bench.sqlite3")).expect("library");
        let mut i = 0u64;
        b.iter(|| {
            i += 1;
            let text = format!("{forty}\n{i}");
            lib.import_bytes("co.txt", text.as_bytes(), &MetadataOverrides::default())
                .expect("import")
        })
    });
    g.finish();
}

/// A State party report of about 150 pages (600 numbered paragraphs of some
/// 100 words) in a State report's layout, on the topics of `co`: its
/// sentences mix the recommendations' own words with a report's phrasing.
fn synthetic_report(co: &loi_core::model::Document, pages: usize) -> String {
    let words: Vec<&str> = co
        .paragraphs
        .iter()
        .flat_map(|p| p.text.split_whitespace())
        .filter(|w| w.chars().all(|c| c.is_alphabetic()))
        .collect();
    let state = co
        .state
        .as_ref()
        .map_or("the State party", |s| s.name.as_str());
    let mut s = format!("United Nations\tCMW/C/{}/9\nInternational Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families\nDistr.: General\n2 May 2030\nOriginal: English\nCommittee on the Protection of the Rights of All Migrant Workers and Members of Their Families\nNinth periodic report submitted by {state} under article 73 of the Convention, due in 2030\n", co.state.as_ref().map_or("XXX", |s| s.code.as_str()));
    let paragraphs = pages * 4;
    for n in 1..=paragraphs {
        let at = (n * 37) % words.len().max(1);
        let window: Vec<&str> = words.iter().cycle().skip(at).take(80).copied().collect();
        s.push_str(&format!(
            "{n}. In the period under review, the Government took further measures: {}. These measures are monitored by the ministries concerned and reported to Parliament every year.\n",
            window.join(" ")
        ));
    }
    s
}

/// The sources of every recommendation of a concluding observations worked
/// out against a 150-page report (target 300 ms), without the cache.
fn sources(c: &mut Criterion) {
    let mut lib = Library::open_in_memory().expect("library");
    lib.ensure_seeded().expect("samples");
    let recs = loi_core::link::recommendations_for(&lib, "KGZ", Some("CMW")).expect("recs");
    let docs = lib.documents_of_state("KGZ").expect("documents");
    let co = docs
        .iter()
        .map(|(_, d)| d)
        .find(|d| {
            d.kind == loi_core::model::DocumentKind::ConcludingObservations && d.cycle == Some(2)
        })
        .expect("the observations")
        .clone();
    let report = synthetic_report(&co, 150);
    lib.import_bytes(
        "report.txt",
        report.as_bytes(),
        &MetadataOverrides::default(),
    )
    .expect("the report");
    let docs = lib.documents_of_state("KGZ").expect("documents");
    let stored = docs
        .iter()
        .find(|(_, d)| d.kind == loi_core::model::DocumentKind::StateReport)
        .expect("the report is a State report");
    assert!(
        stored.1.paragraphs.len() >= 550,
        "{} paragraphs",
        stored.1.paragraphs.len()
    );
    let mut g = c.benchmark_group("sources");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    g.bench_function("all_recommendations_against_a_150_page_report", |b| {
        b.iter(|| {
            let mut r = recs.clone();
            loi_core::sources::work_out(&mut r, &co, &docs);
            r
        })
    });
    g.finish();
}

criterion_group!(benches, parse, import, sources);
criterion_main!(benches);
