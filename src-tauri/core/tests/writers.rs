//! Several writers on one library, and writers killed mid-write: no
//! acknowledged write is ever lost, no writer is told "database is locked",
//! and the database and its search index stay whole.
//!
//! `LOI_WRITERS_SECONDS` (default 8) sets how long the two writers run;
//! `LOI_KILLS` (default 100) how many processes are killed. `scripts/soak.sh`
//! runs the long versions (60 s, 1,000 kills).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use loi_core::draft::{self, DraftOp};
use loi_core::library::Library;

fn loi(db: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_loi"));
    c.arg("--db")
        .arg(db)
        .args(args)
        .env_remove("LOI_DB")
        .env("LOI_LOG_DIR", db.with_extension("logs"));
    c
}

fn run(db: &Path, args: &[&str]) -> Output {
    loi(db, args).output().expect("run loi")
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A library with the samples and a draft for Tajikistan; returns its path and the draft id.
fn library_with_a_draft(dir: &Path) -> (PathBuf, i64) {
    let db = dir.join("lib.sqlite3");
    let o = run(&db, &["draft", "new", "--state", "TJK"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let id: i64 = String::from_utf8_lossy(&o.stdout)
        .split_whitespace()
        .find_map(|w| w.parse().ok())
        .expect("the draft id");
    (db, id)
}

fn question_texts(db: &Path, id: i64) -> Vec<String> {
    let mut lib = Library::open(db).unwrap();
    let v = draft::view(&mut lib, id).unwrap();
    let json = serde_json::to_value(&v).unwrap();
    let mut texts = Vec::new();
    collect_texts(&json, &mut texts);
    texts
}

fn collect_texts(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_texts(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| collect_texts(x, out)),
        _ => {}
    }
}

fn assert_whole(db: &Path) {
    let lib = Library::open(db).unwrap();
    let ok: String = lib
        .shared_connection()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    lib.check_search_index().expect("the search index is whole");
}

/// Two command lines and the app's own path (in this process, saving as the
/// editor does while someone types) add questions to one draft at once: every
/// acknowledged addition is there, none failed ("database is locked" never
/// reaches a writer).
#[test]
fn two_writers_on_one_draft_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (db, id) = library_with_a_draft(dir.path());
    let seconds = env_number("LOI_WRITERS_SECONDS", 8);
    let until = Instant::now() + Duration::from_secs(seconds);

    let cli_writer = |name: &'static str| {
        let db = db.clone();
        std::thread::spawn(move || {
            let (mut acknowledged, mut failures) = (Vec::new(), Vec::new());
            let mut n = 0;
            while Instant::now() < until {
                n += 1;
                let text = format!("Question zq{name}{n} from the command line.");
                let o = run(&db, &["draft", "add", &id.to_string(), "--text", &text]);
                if o.status.success() {
                    acknowledged.push(text);
                } else {
                    failures.push(String::from_utf8_lossy(&o.stderr).into_owned());
                }
            }
            (acknowledged, failures)
        })
    };
    let first = cli_writer("clia");
    let second = cli_writer("clib");
    // The app's path, saving as the editor does while someone types.
    let app = {
        let db = db.clone();
        std::thread::spawn(move || {
            let mut lib = Library::open(&db).unwrap();
            let (mut acknowledged, mut failures) = (Vec::new(), Vec::new());
            let mut n = 0;
            while Instant::now() < until {
                n += 1;
                let text = format!("Question zqapp{n} from the app.");
                let op = DraftOp::AddQuestion {
                    section: None,
                    after: None,
                    text: text.clone(),
                };
                match draft::apply(&mut lib, id, op) {
                    Ok(_) => acknowledged.push(text),
                    Err(e) => failures.push(e.to_string()),
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            (acknowledged, failures)
        })
    };
    let (mut cli_ok, mut cli_failed) = first.join().unwrap();
    let (second_ok, second_failed) = second.join().unwrap();
    eprintln!(
        "writers for {seconds} s: {} and {} additions by two command lines, {} failed",
        cli_ok.len(),
        second_ok.len(),
        cli_failed.len() + second_failed.len()
    );
    assert!(!second_ok.is_empty());
    cli_ok.extend(second_ok);
    cli_failed.extend(second_failed);
    let (app_ok, app_failed) = app.join().unwrap();
    eprintln!(
        "and {} by the app's path, {} failed",
        app_ok.len(),
        app_failed.len()
    );
    assert!(
        cli_failed.is_empty(),
        "{:?}",
        &cli_failed[..cli_failed.len().min(3)]
    );
    assert!(
        app_failed.is_empty(),
        "{:?}",
        &app_failed[..app_failed.len().min(3)]
    );
    assert!(!cli_ok.is_empty() && !app_ok.is_empty());
    let texts = question_texts(&db, id);
    let lost: Vec<&String> = cli_ok
        .iter()
        .chain(&app_ok)
        .filter(|t| !texts.contains(t))
        .collect();
    assert!(
        lost.is_empty(),
        "{} acknowledged additions lost",
        lost.len()
    );
    assert_whole(&db);
}

/// Processes killed (SIGKILL) at random moments during draft edits and
/// imports: what a process acknowledged (exit 0) is there, and the database
/// and the search index are whole after every kill.
#[test]
fn hard_kills_during_edits_and_imports_lose_no_acknowledged_write() {
    let dir = tempfile::tempdir().unwrap();
    let (db, id) = library_with_a_draft(dir.path());
    let kills = env_number("LOI_KILLS", 100);
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut random = move |n: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n
    };
    // How long each kind of command takes here (an import starts a worker
    // process and takes longer than an edit), so that kills land during the
    // writes and about as many commands finish as are killed.
    let timed = |args: &[&str]| {
        let started = Instant::now();
        let o = run(&db, args);
        assert!(o.status.success(), "{args:?}");
        started.elapsed().as_millis() as u64
    };
    let sample = dir.path().join("timing.txt");
    std::fs::write(
        &sample,
        "Concluding observations on the second periodic report of Mexico\n\nC. Principal subjects of concern and recommendations\n\n10. The Committee is concerned about timing.\n\n11. The Committee recommends that the State party address timing.\n",
    )
    .unwrap();
    let typical_of = [
        timed(&[
            "draft",
            "add",
            &id.to_string(),
            "--text",
            "Timing question.",
        ]),
        timed(&["import", sample.to_str().unwrap()]),
        timed(&["draft", "join", &id.to_string(), "1"]),
    ];
    let typical = typical_of[0];
    let (mut acknowledged_texts, mut acknowledged_docs) = (Vec::new(), Vec::new());
    let (mut killed, mut finished) = (0, 0);
    for k in 0..kills {
        let (mut cmd, what) = match k % 3 {
            0 => {
                let text = format!("Question zqkill{k} written before a kill.");
                (
                    loi(&db, &["draft", "add", &id.to_string(), "--text", &text]),
                    Ok(text),
                )
            }
            1 => {
                let path = dir.path().join(format!("co{k}.txt"));
                let word = format!("zqdoc{k}");
                std::fs::write(
                    &path,
                    format!("Concluding observations on the second periodic report of Mexico\n\nC. Principal subjects of concern and recommendations\n\n10. The Committee is concerned about {word} and the rights of migrant workers.\n\n11. The Committee recommends that the State party address {word}.\n"),
                )
                .unwrap();
                (loi(&db, &["import", path.to_str().unwrap()]), Err(word))
            }
            _ => (
                loi(&db, &["draft", "join", &id.to_string(), "1"]),
                Ok(String::new()),
            ),
        };
        let mut child = cmd
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let kind_typical = typical_of[(k % 3) as usize];
        std::thread::sleep(Duration::from_millis(random(kind_typical * 2 + 1)));
        match child.try_wait().unwrap() {
            Some(status) => {
                finished += 1;
                if status.success() {
                    match what {
                        Ok(text) if !text.is_empty() => acknowledged_texts.push(text),
                        Err(word) => acknowledged_docs.push(word),
                        _ => {}
                    }
                }
            }
            None => {
                child.kill().unwrap();
                child.wait().unwrap();
                killed += 1;
            }
        }
        if k % 10 == 9 {
            assert_whole(&db);
        }
    }
    eprintln!(
        "{kills} processes (an edit takes {typical} ms here, an import {} ms, a merge {} ms): {killed} killed mid-way, {finished} finished first; {} acknowledged edits and {} acknowledged imports checked",
        typical_of[1],
        typical_of[2],
        acknowledged_texts.len(),
        acknowledged_docs.len()
    );
    assert!(
        killed > kills / 5,
        "too few processes were killed mid-way ({killed})"
    );
    assert!(
        finished > kills / 5,
        "too few processes finished ({finished})"
    );
    assert_whole(&db);
    let texts = question_texts(&db, id).join("\n");
    for t in &acknowledged_texts {
        // A later merge may have joined it with its neighbour: its words stay.
        let word = t.split_whitespace().nth(1).unwrap();
        assert!(texts.contains(word), "acknowledged {word} lost");
    }
    let lib = Library::open(&db).unwrap();
    for word in &acknowledged_docs {
        assert!(
            !lib.search(word, None, 5).unwrap().is_empty(),
            "acknowledged import {word} lost"
        );
    }
}

fn draft_content(db: &Path, id: i64) -> loi_core::draft::DraftContent {
    let mut lib = Library::open(db).unwrap();
    loi_core::draft::load(lib.connection(), id).unwrap().content
}

/// `loi draft merge … --accept-all-but-conflicts` killed at random moments:
/// the draft is either as it was before the merge or as the whole merge left
/// it, never half-merged, and the library stays whole.
#[test]
fn a_merge_killed_midway_leaves_the_draft_as_it_was() {
    use loi_core::fixtures::word_edits::{edit_as_word, WordEdit};
    let dir = tempfile::tempdir().unwrap();
    let (db, id) = library_with_a_draft(dir.path());
    let sent = dir.path().join("sent.docx");
    let o = run(
        &db,
        &["export", &id.to_string(), "--out", sent.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let edits: Vec<WordEdit> = [2u32, 5, 9]
        .into_iter()
        .map(|q| WordEdit::Delete { question: q })
        .chain([WordEdit::InsertAfter {
            question: 3,
            text: "Please describe the measures taken since 2025.".into(),
        }])
        .collect();
    let back = dir.path().join("back.docx");
    std::fs::write(
        &back,
        edit_as_word(
            &std::fs::read(&sent).unwrap(),
            &edits,
            "Co-rapporteur",
            true,
        ),
    )
    .unwrap();
    let before = draft_content(&db, id);
    let merge = [
        "draft",
        "merge",
        &id.to_string(),
        back.to_str().unwrap(),
        "--accept-all-but-conflicts",
        "--json",
    ];
    let started = Instant::now();
    assert!(run(&db, &merge).status.success());
    let typical = started.elapsed().as_millis() as u64;
    let after = draft_content(&db, id);
    assert_ne!(before, after);
    assert_eq!(after.questions.len(), before.questions.len() - 2);
    let undo = ["draft", "undo", &id.to_string()];
    assert!(run(&db, &undo).status.success());
    assert_eq!(draft_content(&db, id), before);
    let kills = env_number("LOI_MERGE_KILLS", 24);
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let (mut killed, mut merged) = (0, 0);
    for k in 0..kills {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let mut child = loi(&db, &merge)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(state % (typical * 3 / 2 + 1)));
        let succeeded = match child.try_wait().unwrap() {
            Some(status) => status.success(),
            None => {
                child.kill().unwrap();
                child.wait().unwrap();
                killed += 1;
                false
            }
        };
        let now = draft_content(&db, id);
        if succeeded {
            assert_eq!(now, after, "kill {k}: an acknowledged merge is whole");
        } else {
            assert!(now == before || now == after, "kill {k}: half a merge");
        }
        if now == after {
            merged += 1;
            assert!(run(&db, &undo).status.success());
            assert_eq!(draft_content(&db, id), before);
        }
        if k % 8 == 7 {
            assert_whole(&db);
        }
    }
    eprintln!("{kills} merges (one takes {typical} ms here): {killed} killed mid-way, {merged} applied whole");
    assert!(
        killed > kills / 5,
        "too few merges were killed mid-way ({killed})"
    );
    assert_whole(&db);
}
