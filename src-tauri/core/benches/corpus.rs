//! The real CRPD PDFs of `../shared/corpus/crpd/` (when the folder is there):
//! reading and parsing each State party report (the longest documents of a
//! cycle, 20 to 60 pages), working out the sources of every recommendation of
//! Lithuania's concluding observations, and importing the whole folder into a
//! new library, in this process. The targets: a 40-page PDF parsed in 150 ms,
//! the sources of a concluding observations' recommendations against a
//! 150-page report in 300 ms, the folder imported in 20 s. Run with `cargo bench -p loi-core --bench corpus`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use loi_core::library::{documents_in, Library, MetadataOverrides};

fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/crpd");
    dir.join("manifest.json").is_file().then_some(dir)
}

/// The State party reports the manifest lists.
fn reports(dir: &Path) -> Vec<PathBuf> {
    let text = std::fs::read_to_string(dir.join("manifest.json")).expect("manifest");
    let v: serde_json::Value = serde_json::from_str(&text).expect("manifest is JSON");
    v["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .filter(|d| d["kind"] == "state_report")
        .filter_map(|d| d["file"].as_str().map(|f| dir.join(f)))
        .collect()
}

fn corpus_benches(c: &mut Criterion) {
    let Some(dir) = corpus() else {
        eprintln!(
            "no CRPD corpus beside the repository (../shared/corpus/crpd): nothing to measure"
        );
        return;
    };
    let mut g = c.benchmark_group("pdf_read_and_parse");
    g.sample_size(10).measurement_time(Duration::from_secs(3));
    for path in reports(&dir) {
        let bytes = std::fs::read(&path).expect("PDF");
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        g.bench_with_input(BenchmarkId::from_parameter(&name), &bytes, |b, bytes| {
            b.iter(|| {
                let text = loi_core::import::extract_text(&name, bytes).expect("readable");
                loi_core::parse::parse_text(&text.text)
            })
        });
    }
    g.finish();

    // Every source of every recommendation of Lithuania's concluding
    // observations (its 37-page report, replies and list in the library), as
    // the Recommendations view and `loi recs` work them out.
    let ltu = tempfile::tempdir().expect("temp dir");
    let mut lib = Library::open(&ltu.path().join("library.sqlite3")).expect("library");
    for f in documents_in(std::slice::from_ref(&dir), 10_000) {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        if name.contains("_LTU_") {
            lib.import_file(&f, &MetadataOverrides::default())
                .expect("import");
        }
    }
    // Without the cache the editor reads through (what the first reading costs).
    let recs = loi_core::link::recommendations_for(&lib, "LTU", Some("CRPD")).expect("recs");
    let docs = lib.documents_of_state("LTU").expect("documents");
    let co = docs
        .iter()
        .map(|(_, d)| d)
        .filter(|d| d.kind == loi_core::model::DocumentKind::ConcludingObservations)
        .find(|d| {
            recs.first()
                .is_some_and(|r| d.symbol.as_deref() == Some(r.symbol.as_str()))
        })
        .cloned();
    if let Some(co) = co {
        c.bench_function("sources_of_lithuanias_recommendations", |b| {
            b.iter(|| {
                let mut r = recs.clone();
                loi_core::sources::work_out(&mut r, &co, &docs);
                r
            })
        });
    }

    // The whole folder, once: a rapporteur's first import.
    let files = documents_in(std::slice::from_ref(&dir), 10_000);
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut lib = Library::open(&tmp.path().join("library.sqlite3")).expect("library");
    let started = Instant::now();
    let results = lib.import_files(&files, &MetadataOverrides::default());
    let took = started.elapsed();
    let imported = results.iter().filter(|r| r.outcome.is_some()).count();
    eprintln!(
        "import of the corpus folder: {imported} of {} files in {:.1} s (target 20 s)",
        files.len(),
        took.as_secs_f64()
    );
}

criterion_group!(benches, corpus_benches);
criterion_main!(benches);
