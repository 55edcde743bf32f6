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

criterion_group!(benches, parse, import);
criterion_main!(benches);
