//! Search benchmarks on libraries of 2,000 and 20,000 documents (the samples
//! copied under ten State parties), at small and large limits: the targets are
//! ≤ 20 ms at 2,000 documents and ≤ 50 ms at 20,000, with thousands of hits.
//! Run with `cargo bench -p loi-core --bench search`. The libraries are built
//! once into `target/bench-libraries/` (the 20,000 one takes a minute or two).

use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use loi_core::library::{Library, MetadataOverrides};
use loi_core::seeds::SEEDS;

const STATES: [&str; 10] = [
    "KGZ", "TJK", "MEX", "SEN", "PHL", "MAR", "EGY", "GTM", "BOL", "ECU",
];

/// A library of `documents` copies of the samples, built once and kept.
fn library(documents: usize) -> Library {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-libraries");
    std::fs::create_dir_all(&dir).expect("bench folder");
    let path = dir.join(format!("search-{documents}.sqlite3"));
    let ready = dir.join(format!("search-{documents}.ready"));
    if !ready.exists() {
        let _ = std::fs::remove_file(&path);
        let mut lib = Library::open(&path).expect("library");
        // Building the bench library only: no flush to disk per import.
        lib.connection()
            .execute_batch("PRAGMA synchronous = OFF")
            .expect("pragma");
        for i in 0..documents {
            let (name, bytes) = SEEDS[i % SEEDS.len()];
            let mut text = String::from_utf8_lossy(bytes).into_owned();
            text.push_str(&format!("\n\nCopy {i} for the benchmark.\n"));
            let o = MetadataOverrides {
                state: Some(STATES[i % STATES.len()].to_string()),
                ..Default::default()
            };
            lib.import_bytes(name, text.as_bytes(), &o).expect("import");
        }
        std::fs::write(&ready, b"").expect("mark");
    }
    Library::open(&path).expect("library")
}

fn search(c: &mut Criterion) {
    for documents in [2_000usize, 20_000] {
        let lib = library(documents);
        let hits = lib
            .search("migrant workers", None, 100_000)
            .expect("search")
            .len();
        eprintln!("{documents} documents: \"migrant workers\" has {hits} hits");
        let mut g = c.benchmark_group(format!("search_{documents}_documents"));
        g.sample_size(10).measurement_time(Duration::from_secs(3));
        for q in [
            "trafficking",
            "migrant workers",
            "birth registration children",
        ] {
            for limit in [5usize, 20, 50] {
                g.bench_with_input(
                    BenchmarkId::new(format!("all_limit_{limit}"), q),
                    q,
                    |b, q| b.iter(|| lib.search(q, None, limit).expect("search")),
                );
            }
            g.bench_with_input(BenchmarkId::new("one_state_limit_20", q), q, |b, q| {
                b.iter(|| lib.search(q, Some("KGZ"), 20).expect("search"))
            });
        }
        g.finish();
    }
}

criterion_group!(benches, search);
criterion_main!(benches);
