//! A seeded fuzz over every importer and the parser, each mutated file read
//! through the isolated import worker by the real `loi` binary: every run
//! survives (see `running_loi`).
//!
//! `LOI_FUZZ_CASES` sets the number of cases (default 1,000; `scripts/fuzz.sh`
//! runs 10,000), `LOI_FUZZ_SEED` replays a seed.

use std::ffi::OsStr;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use loi_core::error::Error;
use loi_core::fixtures;
use loi_core::import;

mod common;
mod running_loi;
use running_loi::{assert_survived, loi, LOI, MAX_TIME};

// ---------------------------------------------------------------- fuzz

/// xorshift64*: small, seeded, the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// A real file to mutate.
struct Sample {
    name: String,
    bytes: Vec<u8>,
}

fn samples() -> Vec<Sample> {
    let mut out = Vec::new();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&seeds)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    names.sort();
    for p in names {
        if let Ok(bytes) = std::fs::read(&p) {
            out.push(Sample {
                name: p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                bytes,
            });
        }
    }
    assert_eq!(out.len(), 5, "the five samples in seeds/");
    // The samples as Word files, with footnotes, numbering and a table.
    out.push(Sample {
        name: "co.docx".into(),
        bytes: fixtures::concluding_observations_docx(),
    });
    let seed = fixtures::seed_text("002");
    let body: String = seed
        .split("\n\n")
        .take(60)
        .enumerate()
        .map(|(i, p)| {
            let runs = if i % 7 == 3 {
                format!(
                    "{}{}",
                    fixtures::run(p.trim(), i % 2 == 0),
                    fixtures::note_ref(1)
                )
            } else {
                fixtures::run(p.trim(), false)
            };
            fixtures::paragraph(&runs, (i % 5 == 0).then_some((i % 2) as u32))
        })
        .collect();
    out.push(Sample {
        name: "seed.docx".into(),
        bytes: fixtures::docx(&body, &[(1, "CMW/C/KGZ/CO/1, para. 10.")]),
    });
    out.push(Sample {
        name: "simple.pdf".into(),
        bytes: fixtures::simple_pdf("The Committee recommends that the State party adopt a law."),
    });
    out.push(Sample {
        name: "windows-1251.txt".into(),
        bytes: fixtures::windows_1251_text(),
    });
    let corpus = common::corpus_dir();
    let mut pdfs: Vec<(u64, PathBuf)> = std::fs::read_dir(&corpus)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
                .filter_map(|p| Some((std::fs::metadata(&p).ok()?.len(), p)))
                .collect()
        })
        .unwrap_or_default();
    if pdfs.is_empty() {
        eprintln!(
            "fuzz: no PDFs of the CRPD corpus at {} (absent): fuzzing built-in PDFs only",
            corpus.display()
        );
    }
    // The three smallest keep the run short.
    pdfs.sort();
    for (_, p) in pdfs.into_iter().take(3) {
        if let Ok(bytes) = std::fs::read(&p) {
            out.push(Sample {
                name: p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                bytes,
            });
        }
    }
    out
}

/// One mutation of `bytes`; its description.
fn mutate(rng: &mut Rng, name: &str, bytes: &[u8]) -> (Vec<u8>, &'static str) {
    let mut b = bytes.to_vec();
    let is_zip = b.starts_with(b"PK");
    let mut kind = rng.below(if is_zip { 6 } else { 5 });
    // Half the PDF cases keep every byte offset, so the cross-reference table
    // still holds and pdf-extract reads past it.
    if b.starts_with(b"%PDF-") && rng.below(2) == 0 {
        kind = 6 + rng.below(2);
    }
    let what = match kind {
        6 => {
            for _ in 0..1 + rng.below(8) {
                let i = rng.below(b.len());
                if let Some(x) = b.get_mut(i) {
                    *x ^= 1 << rng.below(8);
                }
            }
            "bit flips in place"
        }
        7 => {
            let len = 1 + rng.below(64);
            let from = rng.below(b.len().saturating_sub(len));
            let to = rng.below(b.len().saturating_sub(len));
            let slice: Vec<u8> = b[from..(from + len).min(b.len())].to_vec();
            let end = (to + slice.len()).min(b.len());
            b[to..end].copy_from_slice(&slice[..end - to]);
            "slice overwritten in place"
        }
        0 => {
            for _ in 0..1 + rng.below(16) {
                let i = rng.below(b.len());
                if let Some(x) = b.get_mut(i) {
                    *x = rng.next() as u8;
                }
            }
            "byte flips"
        }
        1 => {
            b.truncate(rng.below(b.len()));
            "truncation"
        }
        2 => {
            let from = rng.below(b.len());
            let len = rng.below((b.len() - from).min(4096)) + 1;
            let slice: Vec<u8> = b[from..(from + len).min(b.len())].to_vec();
            let at = rng.below(b.len());
            for _ in 0..1 + rng.below(4) {
                b.splice(at..at, slice.iter().copied());
            }
            "slice duplication"
        }
        3 => {
            // Structure-aware: repeat or cut a token that opens nesting.
            let token: &[u8] = if name.ends_with(".pdf") {
                [b"<<".as_slice(), b"[", b" 0 R", b"/Parent 3 0 R"][rng.below(4)]
            } else {
                [
                    b"\xE2\x80\x99".as_slice(),
                    b"\x92",
                    b"\r",
                    b"\0",
                    b"\xD0\x9A",
                ][rng.below(5)]
            };
            let at = rng.below(b.len());
            for _ in 0..1 + rng.below(64) {
                b.splice(at..at, token.iter().copied());
            }
            "token insertion"
        }
        4 => {
            let at = rng.below(b.len());
            let end = (at + rng.below(64)).min(b.len());
            b.drain(at..end);
            "deletion"
        }
        _ => {
            b = corrupt_zip_entry(rng, &b);
            "zip entry corruption"
        }
    };
    (b, what)
}

/// Rewrites a .docx with one XML part damaged (text flipped, tags repeated or
/// cut) or one local header field of the archive changed.
fn corrupt_zip_entry(rng: &mut Rng, bytes: &[u8]) -> Vec<u8> {
    if rng.below(3) == 0 {
        // Damage a header field: sizes, method, name length.
        let mut b = bytes.to_vec();
        let headers: Vec<usize> = b
            .windows(4)
            .enumerate()
            .filter(|(_, w)| *w == b"PK\x03\x04" || *w == b"PK\x01\x02")
            .map(|(i, _)| i)
            .collect();
        if let Some(&h) = headers.get(rng.below(headers.len())) {
            let field = h + 8 + rng.below(24);
            if let Some(x) = b.get_mut(field) {
                *x = rng.next() as u8;
            }
        }
        return b;
    }
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return bytes.to_vec();
    };
    let mut entries: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..zip.len() {
        let Ok(mut f) = zip.by_index(i) else { continue };
        let mut v = Vec::new();
        if f.read_to_end(&mut v).is_err() {
            continue;
        }
        entries.push((f.name().to_string(), v));
    }
    let pick = rng.below(entries.len());
    if let Some((_, part)) = entries.get_mut(pick) {
        let tags: [&[u8]; 6] = [
            b"<w:tbl><w:tr><w:tc>",
            b"<w:p>",
            b"</w:p>",
            b"<w:footnoteReference w:id=\"1\"/>",
            b"<w:start w:val=\"4294967295\"/>",
            b"<w:ilvl w:val=\"4294967295\"/>",
        ];
        let at = rng.below(part.len());
        match rng.below(3) {
            0 => {
                let tag = tags[rng.below(tags.len())];
                for _ in 0..1 + rng.below(200) {
                    part.splice(at..at, tag.iter().copied());
                }
            }
            1 => part.truncate(at),
            _ => {
                if let Some(x) = part.get_mut(at) {
                    *x = rng.next() as u8;
                }
            }
        }
    }
    let refs: Vec<(&str, &[u8])> = entries
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_slice()))
        .collect();
    fixtures::zip(&refs)
}

fn is_reader_failure(reason: &str) -> bool {
    reason.contains("(it made the reader crash)")
        || reason.contains("(it needs too much memory)")
        || reason.contains("(it took too long")
        || reason.contains("(it made the reader fail)")
        || reason.contains("without an answer")
}

#[test]
fn fuzz_every_importer_and_the_parser_through_the_isolated_worker() {
    import::isolate_with(PathBuf::from(LOI));
    import::isolated::set_time_limit(Duration::from_secs(8));
    let cases: usize = std::env::var("LOI_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000);
    let seed: u64 = std::env::var("LOI_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5EED_1090_2025);
    eprintln!(
        "fuzz: {cases} cases, seed {seed} (replay: LOI_FUZZ_SEED={seed} LOI_FUZZ_CASES={cases})"
    );
    let samples = samples();
    let dir = tempfile::tempdir().expect("tempdir");
    let started = Instant::now();
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 4);
    let results: Vec<Stats> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let samples = &samples;
                let dir = dir.path();
                s.spawn(move || fuzz_share(samples, dir, seed, cases, t, threads))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("fuzz thread"))
            .collect()
    });
    let mut total = Stats::default();
    for r in results {
        total.add(r);
    }
    eprintln!(
        "fuzz: {} cases in {:.1} s ({} read, {} refused; PDFs: {} cases, {} read, {} that made pdf-extract fail in the worker; {} CLI runs); slowest {} ms",
        total.cases,
        started.elapsed().as_secs_f64(),
        total.read,
        total.refused,
        total.pdf_cases,
        total.pdf_read,
        total.pdf_reader_failed,
        total.cli_runs,
        total.slowest.as_millis()
    );
    assert!(
        total.failures.is_empty(),
        "fuzz failures (seed {seed}):\n{}",
        total.failures.join("\n")
    );
    assert_eq!(total.cases, cases);
}

#[derive(Default)]
struct Stats {
    cases: usize,
    read: usize,
    refused: usize,
    pdf_reader_failed: usize,
    pdf_cases: usize,
    pdf_read: usize,
    cli_runs: usize,
    slowest: Duration,
    failures: Vec<String>,
}

impl Stats {
    fn add(&mut self, o: Stats) {
        self.cases += o.cases;
        self.read += o.read;
        self.refused += o.refused;
        self.pdf_reader_failed += o.pdf_reader_failed;
        self.pdf_cases += o.pdf_cases;
        self.pdf_read += o.pdf_read;
        self.cli_runs += o.cli_runs;
        self.slowest = self.slowest.max(o.slowest);
        self.failures.extend(o.failures);
    }
}

fn fuzz_share(
    samples: &[Sample],
    dir: &Path,
    seed: u64,
    cases: usize,
    t: usize,
    threads: usize,
) -> Stats {
    let mut stats = Stats::default();
    for case in (t..cases).step_by(threads) {
        // Each case has its own generator, so any case replays alone.
        let mut rng = Rng(seed ^ (case as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let sample = &samples[rng.below(samples.len())];
        let (mut bytes, mut what) = mutate(&mut rng, &sample.name, &sample.bytes);
        if rng.below(4) == 0 {
            let (b, w) = mutate(&mut rng, &sample.name, &bytes);
            bytes = b;
            what = w;
        }
        let label = format!("case {case} ({what} of {})", sample.name);
        let path = dir.join(format!("case-{case}-{}", sample.name));
        if std::fs::write(&path, &bytes).is_err() {
            stats
                .failures
                .push(format!("{label}: cannot write the case"));
            continue;
        }
        stats.cases += 1;
        let is_pdf = bytes.starts_with(b"%PDF-");
        stats.pdf_cases += usize::from(is_pdf);
        let started = Instant::now();
        let result = import::extract_file(&path);
        let elapsed = started.elapsed();
        stats.slowest = stats.slowest.max(elapsed);
        if elapsed > MAX_TIME {
            stats.failures.push(format!("{label}: took {elapsed:?}"));
        }
        match result {
            Ok(t) => {
                stats.read += 1;
                stats.pdf_read += usize::from(is_pdf);
                let parsed = std::panic::catch_unwind(|| loi_core::parse::parse_text(&t.text));
                if parsed.is_err() {
                    stats.failures.push(format!("{label}: the parser panicked"));
                }
            }
            Err(Error::Import { reason, .. }) => {
                stats.refused += 1;
                if reason.contains('\n') || reason.trim().is_empty() {
                    stats
                        .failures
                        .push(format!("{label}: not a one-line reason: {reason:?}"));
                }
                if is_reader_failure(&reason) {
                    if is_pdf {
                        // pdf-extract's failure, contained by the worker.
                        stats.pdf_reader_failed += 1;
                    } else {
                        stats
                            .failures
                            .push(format!("{label}: our reader failed: {reason}"));
                    }
                }
            }
            Err(e) => stats
                .failures
                .push(format!("{label}: not an import error: {e}")),
        }
        // Every 25th case also through the real CLI: stdout JSON only, one line on stderr.
        if case % 25 == 0 {
            stats.cli_runs += 1;
            let run = loi([OsStr::new("parse"), path.as_os_str(), OsStr::new("--json")]);
            if let Err(p) = std::panic::catch_unwind(|| assert_survived(&run, &label, true)) {
                let msg = p
                    .downcast_ref::<String>()
                    .cloned()
                    .unwrap_or_else(|| "failed".into());
                stats.failures.push(msg);
            }
        }
        let _ = std::fs::remove_file(&path);
    }
    stats
}
