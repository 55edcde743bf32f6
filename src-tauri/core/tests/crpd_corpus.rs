//! The parser on real documents: every official CRPD PDF of `../shared/corpus/crpd/`
//! (relative to the repository root) read by the `loi` binary (`loi parse FILE
//! --json`), its symbol, kind, State and paragraph numbering compared with the
//! corpus manifest (which takes them from the UN symbol in each file's name).
//! Prints every miss and the totals; asserts symbol and kind at least 98 %,
//! State at least 99 %, paragraphs numbered 1..N without a gap at least 95 %, no
//! crash and JSON on stdout for every file, recommendations in every concluding
//! observations. When the folder is absent, says so and passes.

use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Mutex};

use serde_json::Value;

mod common;
use common::corpus_dir;

struct Expected {
    file: String,
    symbol: String,
    kind: String,
    state: String,
}

fn manifest(dir: &Path) -> Vec<Expected> {
    let text = std::fs::read_to_string(dir.join("manifest.json")).expect("manifest.json readable");
    let v: Value = serde_json::from_str(&text).expect("manifest.json is JSON");
    let docs = v["documents"].as_array().expect("manifest lists documents");
    docs.iter()
        .map(|d| {
            let s = |k: &str| d[k].as_str().unwrap_or_default().to_string();
            Expected {
                file: s("file"),
                symbol: s("symbol"),
                kind: s("kind"),
                state: s("state"),
            }
        })
        .collect()
}

/// What one run of `loi parse FILE --json` gave.
enum Outcome {
    Parsed(Value),
    /// Exit 1 with one line on stderr: the file was refused, not a crash.
    Refused(String),
    Crashed(String),
}

fn run(path: &Path, logs: &Path) -> Outcome {
    let out = Command::new(env!("CARGO_BIN_EXE_loi"))
        .arg("parse")
        .arg(path)
        .arg("--json")
        .env("LOI_LOG_DIR", logs)
        .output();
    let out = match out {
        Ok(o) => o,
        Err(e) => return Outcome::Crashed(format!("not started: {e}")),
    };
    let stderr = String::from_utf8_lossy(&out.stderr).trim().to_string();
    match out.status.code() {
        Some(0) => match serde_json::from_slice::<Value>(&out.stdout) {
            Ok(v) => Outcome::Parsed(v),
            Err(e) => Outcome::Crashed(format!("stdout is not JSON: {e}")),
        },
        Some(1) if !out.stdout.is_empty() => {
            Outcome::Crashed(format!("exit 1 with output on stdout: {stderr}"))
        }
        Some(1) if stderr.lines().count() == 1 => Outcome::Refused(stderr),
        code => Outcome::Crashed(format!("exit {code:?}: {stderr}")),
    }
}

/// The paragraph numbers, when every numbered paragraph is numbered in digits
/// and they run 1..N without a gap.
fn numbered_without_gap(doc: &Value) -> bool {
    let nums: Vec<u64> = doc["paragraphs"]
        .as_array()
        .map(|ps| {
            ps.iter()
                .filter_map(|p| p["number"].as_str())
                .filter_map(|n| n.parse().ok())
                .collect()
        })
        .unwrap_or_default();
    !nums.is_empty() && nums.iter().zip(1..).all(|(n, i)| *n == i)
}

fn answers(doc: &Value) -> Vec<(String, Vec<(String, String)>)> {
    doc["paragraphs"]
        .as_array()
        .map(|ps| {
            ps.iter()
                .filter_map(|p| {
                    let n = p["number"].as_str()?.to_string();
                    let a = p["answers"]
                        .as_array()
                        .map(|a| {
                            a.iter()
                                .map(|c| {
                                    (
                                        c["symbol"].as_str().unwrap_or_default().to_string(),
                                        c["paragraph"].as_str().unwrap_or_default().to_string(),
                                    )
                                })
                                .collect()
                        })
                        .unwrap_or_default();
                    Some((n, a))
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn crpd_corpus_metadata_and_numbering() {
    let dir = corpus_dir();
    if !dir.join("manifest.json").is_file() {
        println!(
            "CRPD corpus absent ({} not found): nothing to measure",
            dir.display()
        );
        return;
    }
    let expected = Arc::new(manifest(&dir));
    assert!(!expected.is_empty(), "the manifest lists no documents");
    let logs = std::env::temp_dir().join(format!("loi-crpd-corpus-{}", std::process::id()));
    let results: Arc<Mutex<Vec<Option<Outcome>>>> =
        Arc::new(Mutex::new((0..expected.len()).map(|_| None).collect()));
    let next = Arc::new(Mutex::new(0usize));
    // Two files at a time: the machine the tests run on has two cores.
    let workers: Vec<_> = (0..2)
        .map(|_| {
            let (expected, results, next, dir, logs) = (
                expected.clone(),
                results.clone(),
                next.clone(),
                dir.clone(),
                logs.clone(),
            );
            std::thread::spawn(move || loop {
                let i = {
                    let mut n = next.lock().expect("counter");
                    let i = *n;
                    *n += 1;
                    i
                };
                let Some(e) = expected.get(i) else { break };
                let outcome = run(&dir.join(&e.file), &logs);
                results.lock().expect("results")[i] = Some(outcome);
            })
        })
        .collect();
    for w in workers {
        w.join().expect("worker thread");
    }
    let results = std::mem::take(&mut *results.lock().expect("results"));

    let (mut symbol, mut kind, mut state, mut numbered) = (0, 0, 0, 0);
    let mut crashes = Vec::new();
    let mut parsed: Vec<(&Expected, Value)> = Vec::new();
    for (e, r) in expected.iter().zip(results) {
        let doc = match r {
            Some(Outcome::Parsed(v)) => v,
            Some(Outcome::Refused(msg)) => {
                println!("{}: refused: {msg}", e.file);
                continue;
            }
            Some(Outcome::Crashed(msg)) => {
                crashes.push(format!("{}: {msg}", e.file));
                continue;
            }
            None => {
                crashes.push(format!("{}: not run", e.file));
                continue;
            }
        };
        let got_symbol = doc["symbol"].as_str().unwrap_or("(none)");
        let got_kind = doc["kind"].as_str().unwrap_or("(none)");
        let got_state = doc["state"]["code"].as_str().unwrap_or("(none)");
        let gapless = numbered_without_gap(&doc);
        let mut misses = Vec::new();
        if got_symbol == e.symbol {
            symbol += 1;
        } else {
            misses.push(format!("symbol {got_symbol} (want {})", e.symbol));
        }
        if got_kind == e.kind {
            kind += 1;
        } else {
            misses.push(format!("kind {got_kind} (want {})", e.kind));
        }
        if got_state == e.state {
            state += 1;
        } else {
            misses.push(format!("State {got_state} (want {})", e.state));
        }
        if gapless {
            numbered += 1;
        } else {
            misses.push("paragraphs not numbered 1..N".to_string());
        }
        if !misses.is_empty() {
            println!("{}: {}", e.file, misses.join("; "));
        }
        parsed.push((e, doc));
    }
    let n = expected.len();
    let pct = |k: usize| 100.0 * k as f64 / n as f64;
    println!(
        "CRPD corpus, {n} files: symbol {symbol} ({:.1} %), kind {kind} ({:.1} %), State {state} ({:.1} %), numbered 1..N {numbered} ({:.1} %), crashes {}",
        pct(symbol),
        pct(kind),
        pct(state),
        pct(numbered),
        crashes.len()
    );
    let _ = std::fs::remove_dir_all(&logs);
    assert!(crashes.is_empty(), "crashes: {crashes:#?}");
    assert!(pct(symbol) >= 98.0, "symbol {symbol}/{n}");
    assert!(pct(kind) >= 98.0, "kind {kind}/{n}");
    assert!(pct(state) >= 99.0, "State {state}/{n}");
    assert!(pct(numbered) >= 95.0, "numbered {numbered}/{n}");

    // Every concluding observations has its recommendations found, whatever
    // language the version is in (the Arabic ones' PDFs draw their text right
    // to left and number "6-", "(أ)").
    let without: Vec<&str> = parsed
        .iter()
        .filter(|(e, _)| e.kind == "concluding_observations")
        .filter(|(_, d)| {
            let paragraphs = d["paragraphs"].as_array().map(Vec::as_slice).unwrap_or(&[]);
            !paragraphs.iter().any(|p| p["kind"] == "recommendation")
        })
        .map(|(e, _)| e.file.as_str())
        .collect();
    println!(
        "concluding observations without recommendations: {}",
        without.len()
    );
    assert!(
        without.is_empty(),
        "no recommendations found in {without:?}"
    );
    if let Some(doc) = parsed
        .iter()
        .find(|(e, d)| e.kind == "concluding_observations" && d["language"] == "ar")
        .map(|(_, d)| d)
    {
        // Read right to left and numbered as the English version is.
        let paragraphs = doc["paragraphs"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let recommendation = paragraphs
            .iter()
            .find(|p| p["kind"] == "recommendation")
            .and_then(|p| p["text"].as_str())
            .unwrap_or_default();
        assert!(recommendation.contains("اللجنة"), "{recommendation}");
        assert!(paragraphs
            .iter()
            .any(|p| p["subparagraphs"][0]["label"] == "a"));
    }

    // Lithuania's replies answer the questions of CRPD/C/LTU/Q/2-3: the document
    // heads its replies "Reply to paragraph 1 (a)" … "Reply to paragraph 30 (c)".
    let by_symbol = |s: &str| parsed.iter().find(|(e, _)| e.symbol == s).map(|(_, d)| d);
    if let Some(doc) = by_symbol("CRPD/C/LTU/RQ/2-3") {
        let a = answers(doc);
        let keyed: Vec<_> = a.iter().filter(|(_, a)| !a.is_empty()).collect();
        assert!(
            keyed.len() * 10 >= a.len() * 9,
            "only {} of {} replies keyed to a question",
            keyed.len(),
            a.len()
        );
        assert!(keyed
            .iter()
            .flat_map(|(_, a)| a)
            .all(|(s, _)| s == "CRPD/C/LTU/Q/2-3"));
        let first = &keyed.first().expect("keyed replies").1;
        assert_eq!(first[0].1, "1 (a)");
        let questions: std::collections::BTreeSet<&str> = keyed
            .iter()
            .flat_map(|(_, a)| a)
            .filter_map(|(_, p)| p.split(' ').next())
            .collect();
        for q in ["1", "2", "10", "20", "29", "30"] {
            assert!(questions.contains(q), "no reply keyed to question {q}");
        }
    } else {
        println!("CRPD/C/LTU/RQ/2-3 is not in the corpus");
    }

    // Azerbaijan's follow-up information heads its parts "Follow-up information
    // relating to paragraph 11 (a) of the concluding observations" and so on.
    if let Some(doc) = by_symbol("CRPD/C/AZE/FCO/2-3") {
        let refs: Vec<(String, String)> = answers(doc).into_iter().flat_map(|(_, a)| a).collect();
        assert!(
            refs.iter().all(|(s, _)| s == "CRPD/C/AZE/CO/2-3"),
            "{refs:?}"
        );
        for p in [
            "11 (a)", "11 (b)", "19 (d)", "21", "26 (a)", "35 (a)", "45", "69 (b)",
        ] {
            assert!(
                refs.iter().any(|(_, r)| r == p),
                "no information keyed to paragraph {p} of CRPD/C/AZE/CO/2-3"
            );
        }
    } else {
        println!("CRPD/C/AZE/FCO/2-3 is not in the corpus");
    }
}
