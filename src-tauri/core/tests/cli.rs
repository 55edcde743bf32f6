//! The `loi` binary end to end: a fresh library in a temporary folder.

use std::path::Path;
use std::process::{Command, Output};

fn loi(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_loi"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("LOI_DB")
        .env("LOI_LOG_DIR", db.with_extension("logs"))
        .output()
        .expect("run loi")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn seed(prefix: &str) -> std::path::PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .unwrap()
        .path()
}

#[test]
fn parse_prints_the_document_model_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let o = loi(
        &dir.path().join("lib.sqlite3"),
        &["parse", seed("000").to_str().unwrap(), "--json"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["symbol"], "CMW/C/KGZ/CO/2");
    assert_eq!(v["kind"], "concluding_observations");
    assert_eq!(v["state"]["code"], "KGZ");
    assert_eq!(v["state"]["name"], "Kyrgyzstan");
    assert_eq!(v["cycle"], 2);
    assert_eq!(v["date"], "2023-12-26");
    assert_eq!(v["follow_up_due"], "2026-01-02");
    assert_eq!(v["next_report_due"], "2029-01-02");
    assert!(v["inferred"]
        .as_array()
        .unwrap()
        .contains(&serde_json::json!("symbol")));
    let p30 = v["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["number"] == "30")
        .unwrap();
    assert_eq!(p30["kind"], "recommendation");
    assert_eq!(p30["follow_up"], true);
    assert_eq!(p30["cites"][0]["symbol"], "CMW/C/KGZ/CO/1");
    assert_eq!(p30["cites"][0]["paragraph"], "27");
    for key in ["section", "cluster", "theme", "text", "subparagraphs"] {
        assert!(p30.get(key).is_some(), "{key}");
    }
    assert_eq!(
        v["follow_up_paragraphs"],
        serde_json::json!(["12", "18", "20", "30", "52"])
    );
    for key in [
        "footnotes",
        "assessments",
        "questions_raised",
        "language",
        "committee",
    ] {
        assert!(v.get(key).is_some(), "{key}");
    }
    // A list of issues: questions with their section path.
    let o = loi(
        &dir.path().join("lib.sqlite3"),
        &["parse", seed("003").to_str().unwrap(), "--json"],
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let q20 = v["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["number"] == "20")
        .unwrap();
    assert_eq!(q20["kind"], "question");
    assert_eq!(
        q20["section"].as_array().unwrap().last().unwrap(),
        "Articles 32 and 33"
    );
}

#[test]
fn library_commands_on_a_fresh_library() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    // First use seeds the library.
    let o = loi(&db, &["docs", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let docs: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(docs.as_array().unwrap().len(), 5);
    let o = loi(&db, &["docs", "--state", "KGZ", "--json"]);
    let docs: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(docs.as_array().unwrap().len(), 3);

    let o = loi(&db, &["recs", "--state", "KGZ", "--json"]);
    let recs: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let r30 = recs
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["number"] == "30")
        .unwrap();
    assert_eq!(r30["ancestors"][0]["symbol"], "CMW/C/KGZ/CO/1");
    assert_eq!(r30["ancestors"][0]["paragraph"], "27");
    assert!(r30["assessment"]["text"]
        .as_str()
        .unwrap()
        .contains("fully implement"));
    assert_eq!(r30["times_recommended"], 2);
    for key in ["cluster", "theme", "text", "subparagraphs", "follow_up"] {
        assert!(r30.get(key).is_some(), "{key}");
    }

    let o = loi(&db, &["search", "traffick", "--state", "KGZ", "--json"]);
    let hits: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(hits.as_array().unwrap().len() >= 3);

    // Import a document of our own, twice.
    let file = dir.path().join("mex.txt");
    std::fs::write(&file, "Concluding observations on the initial report of Mexico\n\nC. Principal subjects of concern and recommendations\n\n1. The Committee recommends that the State party adopt a migration law.\n").unwrap();
    let o = loi(&db, &["import", file.to_str().unwrap(), "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v[0]["result"]["status"], "imported");
    let o = loi(&db, &["import", file.to_str().unwrap()]);
    assert!(stdout(&o).contains("already in library"));
    let o = loi(&db, &["states", "--json"]);
    let states: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(states.as_array().unwrap().len(), 3);
}

#[test]
fn errors_are_one_line_naming_the_file_and_leave_the_library_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    let count = |db: &Path| -> usize {
        let o = loi(db, &["docs", "--json"]);
        serde_json::from_str::<serde_json::Value>(&stdout(&o))
            .unwrap()
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!(count(&db), 5);
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let garbage = dir.path().join("garbage.docx");
    std::fs::write(&garbage, [0x50u8, 0x4b, 3, 4, 0, 0, 1, 2, 3]).unwrap();
    let missing = dir.path().join("missing.txt");
    for f in [&empty, &garbage, &missing] {
        let o = loi(&db, &["import", f.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1));
        let err = stderr(&o);
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(
            err.contains(f.file_name().unwrap().to_str().unwrap()),
            "{err}"
        );
    }
    assert!(stderr(&loi(&db, &["import", empty.to_str().unwrap()])).contains("empty"));
    let o = loi(&db, &["parse", missing.to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("missing.txt"));
    let o = loi(
        &db,
        &["import", empty.to_str().unwrap(), "--kind", "nonsense"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(count(&db), 5);
}

#[test]
fn drafting_commands() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    let o = loi(
        &db,
        &[
            "draft", "new", "--state", "TJK", "--kind", "loi", "--style", "footnote", "--json",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let id = serde_json::from_str::<serde_json::Value>(&stdout(&o)).unwrap()["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let show = |db: &Path| -> serde_json::Value {
        let o = loi(db, &["draft", "show", &id, "--json"]);
        assert!(o.status.success(), "{}", stderr(&o));
        serde_json::from_str(&stdout(&o)).unwrap()
    };
    let v = show(&db);
    assert_eq!(v["symbol"], "CMW/C/TJK/Q/3");
    assert_eq!(v["kind"], "list_of_issues");
    let n = v["questions"].as_array().unwrap().len();
    assert_eq!(v["counts"]["questions"].as_u64().unwrap() as usize, n);
    assert!(v["counts"]["words"].as_u64().unwrap() > 1000);
    let q1 = &v["questions"][0];
    for key in ["number", "section", "text", "cites", "sources", "edited"] {
        assert!(q1.get(key).is_some(), "{key}");
    }
    assert_eq!(v["footnotes"][0]["text"], "CMW/C/TJK/CO/2, para. 12.");
    assert!(v["coverage"]["not_covered"].as_array().unwrap().is_empty());

    // Edit, reorder, version, remove, restore.
    assert!(loi(
        &db,
        &[
            "draft",
            "edit",
            &id,
            "--question",
            "3",
            "--text",
            "Please describe the strategy.[fn]"
        ]
    )
    .status
    .success());
    let v = show(&db);
    assert_eq!(v["questions"][2]["text"], "Please describe the strategy.");
    assert_eq!(v["questions"][2]["edited"], true);
    assert!(loi(&db, &["draft", "move", &id, "3", "--to", "1"])
        .status
        .success());
    let v = show(&db);
    assert_eq!(v["questions"][0]["text"], "Please describe the strategy.");
    assert_eq!(v["questions"][0]["number"], 1);
    assert!(
        v["footnotes"][1]["text"]
            .as_str()
            .unwrap()
            .starts_with("Ibid.")
            || v["footnotes"][1]["text"]
                .as_str()
                .unwrap()
                .starts_with("CMW/C/TJK/CO/2")
    );
    assert!(
        loi(&db, &["draft", "version", &id, "--name", "Before cuts"])
            .status
            .success()
    );
    assert!(loi(&db, &["draft", "remove", &id, "1"]).status.success());
    assert_eq!(show(&db)["questions"].as_array().unwrap().len(), n - 1);
    assert!(!show(&db)["coverage"]["not_covered"]
        .as_array()
        .unwrap()
        .is_empty());
    let o = loi(&db, &["draft", "versions", &id, "--json"]);
    let versions: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let vid = versions[0]["id"].as_i64().unwrap().to_string();
    assert!(loi(&db, &["draft", "restore", &id, &vid]).status.success());
    assert_eq!(show(&db)["questions"].as_array().unwrap().len(), n);
    assert!(loi(&db, &["draft", "undo", &id]).status.success());
    assert_eq!(show(&db)["questions"].as_array().unwrap().len(), n - 1);
    let o = loi(&db, &["draft", "list", "--json"]);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&stdout(&o))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // Export with the footnotes as drafted, and with the citations in the text.
    let txt = dir.path().join("list.txt");
    let o = loi(&db, &["export", &id, "--out", txt.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let footnoted = std::fs::read_to_string(&txt).unwrap();
    assert!(
        footnoted.contains("[1] CMW/C/TJK/CO/2, para. "),
        "{footnoted}"
    );
    let export_with = |citations: &str| {
        loi(
            &db,
            &[
                "export",
                &id,
                "--out",
                txt.to_str().unwrap(),
                "--citations",
                citations,
            ],
        )
    };
    let o = export_with("inline");
    assert!(o.status.success(), "{}", stderr(&o));
    let inline = std::fs::read_to_string(&txt).unwrap();
    assert!(
        inline.contains("concluding observations (see CMW/C/TJK/CO/2, para. ")
            && !inline.contains("[1]"),
        "{inline}"
    );
    let o = export_with("endnote");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("unknown citation style"),
        "{}",
        stderr(&o)
    );

    // One question, and the evaluation.
    let o = loi(
        &db,
        &[
            "question",
            "--from",
            "CMW/C/TJK/CO/2",
            "--para",
            "49 (a) and (d)",
            "--style",
            "bare",
            "--json",
        ],
    );
    let q: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(
        q["text"]
            .as_str()
            .unwrap()
            .contains("(paras. 49 (a) and (d))")
            || q["text"]
                .as_str()
                .unwrap()
                .contains("(para. 49 (a) and (d))"),
        "{q}"
    );
    assert_eq!(q["cites"].as_array().unwrap().len(), 2);
    let o = loi(&db, &["eval", "--json"]);
    let e: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(e["pairs"].as_array().unwrap().len(), 7);
    assert!(e["mean"].as_f64().unwrap() >= 0.8);
    let o = loi(&db, &["draft", "show", "999"]);
    assert_eq!(o.status.code(), Some(1));
}

/// Issue 9: an empty path exited 2 with clap's three-line usage text; a
/// message quoting what the user or a file wrote carried its escape codes to
/// the terminal. Every error is one printable line and exit code 1.
#[test]
fn every_error_is_one_printable_line_with_exit_code_1() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    for args in [
        vec!["parse", ""],
        vec!["import", ""],
        vec!["no-such-command"],
        vec!["docs", "--no-such-flag"],
        vec!["set", "1", "--symbol", "\u{1b}[31mRED\u{1b}[0m\rX"],
        vec!["parse", "/no/such/\u{1b}[2Jfile.txt"],
    ] {
        let o = loi(&db, &args);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(
            !err.trim_end().chars().any(char::is_control),
            "{args:?}: {err:?}"
        );
        assert!(stdout(&o).is_empty(), "{args:?}");
    }
    let o = loi(&db, &["--help"]);
    assert!(o.status.success());
    // Each failure is in the log once, with its code, and without what it quoted.
    let log: String = std::fs::read_dir(db.with_extension("logs"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert!(log.contains("import_failed"), "{log}");
    assert!(!log.contains("RED"), "{log}");
    assert!(!log.contains('\u{1b}'), "{log}");
}

/// Issue 11: `loi eval --list SYMBOL|FILE [--from SYMBOL]`, `loi draft new
/// --committee`, `loi draft overlaps ID`.
#[test]
fn eval_any_list_committee_drafts_and_overlaps() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    assert!(loi(&db, &["docs"]).status.success());
    // The seed list by symbol, and the same list read from its file.
    let o = loi(&db, &["eval", "--list", "CMW/C/TJK/Q/3", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let by_symbol: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(by_symbol["from"], "CMW/C/TJK/CO/2");
    assert_eq!(by_symbol["committee"], "CMW");
    assert_eq!(by_symbol["pairs"].as_array().unwrap().len(), 7);
    let file = seed("003");
    let o = loi(
        &db,
        &[
            "eval",
            "--list",
            file.to_str().unwrap(),
            "--from",
            "CMW/C/TJK/CO/2",
            "--json",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let by_file: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(by_file["mean"], by_symbol["mean"]);
    let o = loi(&db, &["eval", "--list", "CMW/C/TJK/Q/3"]);
    let text = stdout(&o);
    assert!(text.starts_with("CMW/C/TJK/Q/3 against CMW/C/TJK/CO/2 (CMW)"));
    assert!(text.contains("mean "), "{text}");
    let o = loi(&db, &["eval", "--list", "CMW/C/TJK/CO/2"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("not a list of issues"),
        "{}",
        stderr(&o)
    );

    // A draft of the committee asked for; a committee without concluding
    // observations on the State party is an error naming it.
    let o = loi(
        &db,
        &[
            "draft",
            "new",
            "--state",
            "TJK",
            "--committee",
            "CMW",
            "--json",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let id = serde_json::from_str::<serde_json::Value>(&stdout(&o)).unwrap()["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let o = loi(
        &db,
        &["draft", "new", "--state", "TJK", "--committee", "CRPD"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("CRPD on TJK"), "{}", stderr(&o));

    // No other committee's documents on Tajikistan: no overlaps, as JSON.
    let o = loi(&db, &["draft", "overlaps", &id, "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&stdout(&o)).unwrap(),
        serde_json::json!([])
    );
    // A CEDAW question on trafficking is one.
    let cedaw = dir.path().join("cedaw.txt");
    std::fs::write(
        &cedaw,
        "CEDAW/C/TJK/Q/7\nCommittee on the Elimination of Discrimination against Women\n\
         List of issues and questions in relation to the seventh periodic report of Tajikistan\n\
         Trafficking and exploitation of prostitution\n\
         1. Please provide information on the functioning of the national referral mechanism for victims of trafficking in persons and the prosecution of officials complicit in human trafficking offences.\n\
         Stereotypes\n\
         2. Please describe the measures taken to eliminate discriminatory gender stereotypes in school textbooks.\n",
    )
    .unwrap();
    assert!(loi(&db, &["import", cedaw.to_str().unwrap()])
        .status
        .success());
    let o = loi(&db, &["draft", "overlaps", &id, "--json"]);
    let found: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let found = found.as_array().unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["committee"], "CEDAW");
    assert_eq!(found[0]["symbol"], "CEDAW/C/TJK/Q/7");
    assert_eq!(found[0]["kind"], "question");
    assert_eq!(found[0]["paragraph"], "1");
    let o = loi(&db, &["draft", "overlaps", &id]);
    assert!(
        stdout(&o).contains("CEDAW asked about this in CEDAW/C/TJK/Q/7, question 1"),
        "{}",
        stdout(&o)
    );
}

/// Issue 13: `loi draft cite` adds a sentence further to the State party's
/// report, replies or follow-up information, in the draft's citation style.
#[test]
fn a_question_cites_the_state_partys_report() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    let o = loi(&db, &["draft", "new", "--state", "TJK"]);
    let id = stdout(&o).trim().to_string();
    let o = loi(
        &db,
        &[
            "draft",
            "cite",
            &id,
            "--question",
            "3",
            "--report",
            "CMW/C/TJK/3",
            "--para",
            "38",
            "--json",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(v["questions"][2]["text"].as_str().unwrap().ends_with(
        "paragraph 38 of the State party's report, please provide updated information."
    ));
    assert!(v["footnotes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["text"] == "CMW/C/TJK/3, para. 38."));
    // A source must be named, and a report's paragraph given.
    for args in [
        vec!["draft", "cite", &id, "--question", "3"],
        vec![
            "draft",
            "cite",
            &id,
            "--question",
            "3",
            "--report",
            "CMW/C/TJK/3",
        ],
    ] {
        let o = loi(&db, &args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert_eq!(stderr(&o).lines().count(), 1);
    }
}

/// `loi draft add` places a question as the editor's "Add a question" does:
/// at the end of the last section with questions, or at the end of the
/// section named (placed among the committee's sections).
#[test]
fn draft_add_places_a_question_as_the_app_does() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    let o = loi(&db, &["draft", "new", "--state", "TJK", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let id = v["id"].as_i64().unwrap().to_string();
    let show = |db: &Path| -> serde_json::Value {
        serde_json::from_str(&stdout(&loi(db, &["draft", "show", &id, "--json"]))).unwrap()
    };
    let before = show(&db);
    let qs = before["questions"].as_array().unwrap();
    let last_section = qs.last().unwrap()["section_path"].clone();
    let first_section = qs[0]["section_path"].clone();
    let o = loi(
        &db,
        &["draft", "add", &id, "--text", "Please describe zqlast."],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let after = show(&db);
    let qs = after["questions"].as_array().unwrap();
    let added = qs.last().unwrap();
    assert!(added["text"].as_str().unwrap().contains("zqlast"));
    assert_eq!(added["section_path"], last_section);
    // Into a named section: at its end, before the next section's questions.
    let name = first_section
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect::<Vec<_>>()
        .join(" > ");
    let o = loi(
        &db,
        &[
            "draft",
            "add",
            &id,
            "--section",
            &name,
            "--text",
            "Please describe zqfirst.",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let qs = show(&db)["questions"].as_array().unwrap().clone();
    let at = qs
        .iter()
        .position(|q| q["text"].as_str().unwrap().contains("zqfirst"))
        .unwrap();
    assert_eq!(qs[at]["section_path"], first_section);
    assert!(at + 1 == qs.len() || qs[at + 1]["section_path"] != first_section);
    assert!(at > 0 && qs[at - 1]["section_path"] == first_section);
}
