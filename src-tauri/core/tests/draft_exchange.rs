//! Drafts travel, the cases around the main round trip: the `loi` contract of
//! merge, review, share and open; two returned files each merged against the
//! version sent to that person; a file whose properties were stripped; a
//! shared draft whose questions were moved, split and joined.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use loi_core::draft::merge::MergeOp;
use loi_core::draft::review::{self, Accept};
use loi_core::draft::{self, DraftOp, NewDraft};
use loi_core::draft::{send, share};
use loi_core::export::ExportFormat;
use loi_core::fixtures::word_edits::{edit_as_word, WordEdit};
use loi_core::library::Library;
use loi_core::model::CitationStyle;

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

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).expect("stdout is JSON only")
}

fn library(dir: &Path) -> (Library, i64) {
    let mut lib = Library::open(&dir.join("library.sqlite3")).unwrap();
    lib.ensure_seeded().unwrap();
    let d = draft::new_draft(
        &mut lib,
        &NewDraft {
            state: "TJK".into(),
            ..Default::default()
        },
    )
    .unwrap();
    (lib, d.id)
}

fn export(lib: &mut Library, id: i64) -> Vec<u8> {
    send::export_named(
        lib,
        &format!("draft:{id}"),
        ExportFormat::Docx,
        CitationStyle::Footnote,
        &Default::default(),
        false,
    )
    .unwrap()
}

fn words_after_note(lib: &mut Library, id: i64, n: usize) -> String {
    let c = draft::load(lib.connection(), id).unwrap().content;
    let t = &c.questions[n - 1].text;
    let tail = t.rsplit(draft::NOTE_TOKEN).next().unwrap_or(t);
    tail.split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

fn edit_question(lib: &mut Library, id: i64, n: usize, addition: &str) {
    let c = draft::load(lib.connection(), id).unwrap().content;
    let q = &c.questions[n - 1];
    draft::apply(
        lib,
        id,
        DraftOp::EditText {
            question: q.id,
            text: format!("{}{addition}", q.text),
        },
    )
    .unwrap();
}

#[test]
fn the_loi_contract_of_merge_and_review() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite3");
    let (mut lib, id) = library(dir.path());
    let phrase = words_after_note(&mut lib, id, 2);
    drop(lib);
    let sent = dir.path().join("sent.docx");
    let o = loi(
        &db,
        &["export", &id.to_string(), "--out", sent.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let returned = edit_as_word(
        &std::fs::read(&sent).unwrap(),
        &[
            WordEdit::Reword {
                question: 2,
                from: phrase,
                to: "please describe".into(),
            },
            WordEdit::Delete { question: 4 },
            WordEdit::Comment {
                question: 1,
                text: "Shorter, please.".into(),
            },
        ],
        "Secretariat",
        true,
    );
    let back = dir.path().join("back.docx");
    std::fs::write(&back, returned).unwrap();
    let v = json(&loi(
        &db,
        &[
            "draft",
            "merge",
            &id.to_string(),
            back.to_str().unwrap(),
            "--json",
        ],
    ));
    let keys = |v: &serde_json::Value| {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(&v), ["base_version", "comments", "items", "review"]);
    let items = v["items"].as_array().unwrap();
    assert_eq!(items.len(), 2, "{v:#}");
    assert_eq!(
        keys(&items[0]),
        ["author", "base", "conflict", "n", "op", "ours", "question", "theirs"]
    );
    assert_eq!(items[0]["op"], "changed");
    assert_eq!(items[0]["question"], 2);
    assert_eq!(items[0]["author"], "Secretariat");
    assert_eq!(items[0]["conflict"], false);
    assert_eq!(items[1]["op"], "removed");
    assert_eq!(items[1]["question"], 4);
    assert_eq!(v["comments"][0]["question"], 1);
    assert_eq!(v["comments"][0]["author"], "Secretariat");
    assert_eq!(v["comments"][0]["text"], "Shorter, please.");
    let rid = v["review"].as_i64().unwrap().to_string();
    // Nothing applied yet.
    let before = json(&loi(&db, &["draft", "show", &id.to_string(), "--json"]));
    let count = before["questions"].as_array().unwrap().len();
    let d = json(&loi(
        &db,
        &[
            "draft", "review", &rid, "--accept", "2", "--reject", "1", "--json",
        ],
    ));
    assert_eq!(d["accepted"], serde_json::json!([2]));
    assert_eq!(d["rejected"], serde_json::json!([1]));
    assert_eq!(d["questions"].as_u64().unwrap() as usize, count - 1);
    // A decided proposal is not decided again; an unknown one is an error.
    let again = json(&loi(
        &db,
        &["draft", "review", &rid, "--accept", "all", "--json"],
    ));
    assert_eq!(again["accepted"], serde_json::json!([]));
    let bad = loi(&db, &["draft", "review", &rid, "--accept", "9"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("no proposal 9"));
    // The same file again, all but conflicts at once.
    let v = json(&loi(
        &db,
        &[
            "draft",
            "merge",
            &id.to_string(),
            back.to_str().unwrap(),
            "--accept-all-but-conflicts",
            "--json",
        ],
    ));
    assert!(v["conflicts"].as_array().unwrap().is_empty(), "{v:#}");
}

#[test]
fn two_returned_files_each_merge_against_the_version_sent_to_that_person() {
    let dir = tempfile::tempdir().unwrap();
    let (mut lib, id) = library(dir.path());
    let to_a = export(&mut lib, id);
    edit_question(&mut lib, id, 6, " Added before sending to B.");
    let to_b = export(&mut lib, id);
    let versions = draft::versions(lib.connection(), id).unwrap();
    assert_eq!(versions.len(), 2, "a version saved at each export");
    // Exporting again unchanged saves no new version.
    export(&mut lib, id);
    assert_eq!(draft::versions(lib.connection(), id).unwrap().len(), 2);
    let from_a = edit_as_word(
        &to_a,
        &[WordEdit::InsertAfter {
            question: 1,
            text: "Please comment on the new migration strategy adopted in 2025.".into(),
        }],
        "A",
        true,
    );
    let from_b = edit_as_word(&to_b, &[WordEdit::Delete { question: 3 }], "B", true);
    let pa = dir.path().join("a.docx");
    let pb = dir.path().join("b.docx");
    std::fs::write(&pa, from_a).unwrap();
    std::fs::write(&pb, from_b).unwrap();
    let ra = review::bring_in(&mut lib, id, &pa, None).unwrap();
    assert_eq!(ra.base_version, versions[0].id);
    // A's file was made before question 6 changed: that change is ours, kept.
    assert_eq!(ra.items.len(), 1, "{:#?}", ra.items);
    assert_eq!(ra.items[0].item.op, MergeOp::Added);
    review::decide(&mut lib, ra.id, &Accept::All, &[]).unwrap();
    let rb = review::bring_in(&mut lib, id, &pb, None).unwrap();
    assert_eq!(rb.base_version, versions[1].id);
    assert_eq!(rb.items.len(), 1, "{:#?}", rb.items);
    assert_eq!(rb.items[0].item.op, MergeOp::Removed);
    assert_eq!(rb.items[0].item.author, "B");
    let d = review::decide(&mut lib, rb.id, &Accept::Author("b".into()), &[]).unwrap();
    assert_eq!(d.accepted, vec![1]);
    let now = d.draft.content;
    assert!(now.questions[1]
        .plain_text()
        .starts_with("Please comment on the new migration strategy"));
    assert!(now.questions[5]
        .text
        .ends_with("Added before sending to B."));
}

#[test]
fn a_file_without_its_properties_is_matched_to_its_version_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let (mut lib, id) = library(dir.path());
    let first = export(&mut lib, id);
    for n in [2, 4, 6] {
        edit_question(&mut lib, id, n, " A change after the first version.");
    }
    export(&mut lib, id);
    let versions = draft::versions(lib.connection(), id).unwrap();
    let edited = edit_as_word(&first, &[WordEdit::Delete { question: 8 }], "C", false);
    // As another editor would save it: no custom properties.
    let p: PathBuf = dir.path().join("stripped.docx");
    std::fs::write(
        &p,
        loi_core::fixtures::word_edits::without_custom_properties(&edited),
    )
    .unwrap();
    let r = review::bring_in(&mut lib, id, &p, None).unwrap();
    assert!(!r.recognised);
    assert_eq!(
        r.base_version, versions[0].id,
        "the version its questions match"
    );
    assert_eq!(r.items.len(), 1, "{:#?}", r.items);
    assert_eq!(r.items[0].item.op, MergeOp::Removed);
    assert_eq!(r.items[0].item.author, "C", "the file's last author");
    // The rapporteur may name the version instead (the first comparison set aside).
    let first = r.id;
    let r = review::bring_in(&mut lib, id, &p, Some(versions[1].id)).unwrap();
    assert_eq!(r.base_version, versions[1].id);
    review::discard(&mut lib, first).unwrap();
    assert_eq!(review::reviews_of(lib.connection(), id).unwrap().len(), 1);
    review::decide(&mut lib, r.id, &Accept::None, &[1]).unwrap();
    assert!(
        review::discard(&mut lib, r.id).is_err(),
        "a review with decisions stays"
    );
}

#[test]
fn a_shared_draft_merges_moves_splits_and_joins() {
    let dir = tempfile::tempdir().unwrap();
    let (mut lib, id) = library(dir.path());
    let shared = dir.path().join("draft.loidraft");
    std::fs::write(
        &shared,
        share::share(&mut lib, id, Some("Rapporteur")).unwrap(),
    )
    .unwrap();
    // The co-rapporteur opens it in another library.
    let other_dir = tempfile::tempdir().unwrap();
    let mut other = Library::open(&other_dir.path().join("library.sqlite3")).unwrap();
    let theirs = share::open_new(&mut other, &shared).unwrap();
    let ours = draft::load(lib.connection(), id).unwrap();
    assert_eq!(theirs.uid, ours.uid, "the same draft");
    assert_eq!(theirs.content, ours.content);
    // They move question 10 to the top, split a question of two sentences
    // (among 1–5), join 6 and 7.
    let c = theirs.content.clone();
    let two = (0..5)
        .find(|i| c.questions[*i].text.contains(" Please"))
        .expect("a question of two sentences");
    let (q2, q6, q10) = (c.questions[two].id, c.questions[5].id, c.questions[9].id);
    let at = c.questions[two].text.find(" Please").unwrap();
    for op in [
        DraftOp::Reorder {
            question: q10,
            to: 0,
        },
        DraftOp::Split { question: q2, at },
        DraftOp::MergeWithNext { question: q6 },
    ] {
        draft::apply(&mut other, theirs.id, op).unwrap();
    }
    let back = other_dir.path().join("back.loidraft");
    std::fs::write(
        &back,
        share::share(&mut other, theirs.id, Some("Co-rapporteur")).unwrap(),
    )
    .unwrap();
    // Meanwhile we edited a question they did not touch.
    let untouched = (0..5).find(|i| *i != two).unwrap() + 1;
    edit_question(&mut lib, id, untouched, " Our addition.");
    let r = review::bring_in(&mut lib, id, &back, None).unwrap();
    let ops: Vec<MergeOp> = r.items.iter().map(|i| i.item.op).collect();
    assert!(ops.contains(&MergeOp::Moved), "{ops:?} {:#?}", r.items);
    assert!(ops.contains(&MergeOp::Split), "{ops:?}");
    assert!(ops.contains(&MergeOp::Merged), "{ops:?}");
    assert!(r
        .items
        .iter()
        .all(|i| i.item.author == "Co-rapporteur" && !i.item.conflict));
    let d = review::decide(&mut lib, r.id, &Accept::All, &[]).unwrap();
    let got: Vec<String> = d
        .draft
        .content
        .questions
        .iter()
        .map(|q| q.plain_text())
        .collect();
    let mut want: Vec<String> = draft::load(other.connection(), theirs.id)
        .unwrap()
        .content
        .questions
        .iter()
        .map(|q| q.plain_text())
        .collect();
    // Theirs, with our change to the untouched question kept.
    let ours_q = draft::version_content(lib.connection(), id, d.version_before.unwrap())
        .unwrap()
        .questions[untouched - 1]
        .plain_text();
    let i = want
        .iter()
        .position(|t| ours_q.starts_with(t.as_str()))
        .expect("the untouched question");
    want[i] = ours_q;
    assert_eq!(got, want);
    // Opening it into a draft it has nothing in common with is refused.
    let (mut third, third_id) = library(tempfile::tempdir().unwrap().path());
    let e = review::bring_in(&mut third, third_id, &back, None).unwrap_err();
    assert!(e.to_string().contains("no version in common"), "{e}");
}

#[test]
fn a_hostile_returned_file_is_refused_in_one_line_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut lib, id) = library(dir.path());
    export(&mut lib, id);
    let before = draft::load(lib.connection(), id).unwrap().content;
    let deep = format!(
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{}{}</w:body></w:document>",
        "<w:sdt>".repeat(5000),
        "</w:sdt>".repeat(5000)
    );
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "bomb.docx",
            loi_core::fixtures::zip_bomb_docx(200 * 1024 * 1024),
        ),
        (
            "deep.docx",
            loi_core::fixtures::zip(&[("word/document.xml", deep.as_bytes())]),
        ),
        ("truncated.docx", export(&mut lib, id)[..400].to_vec()),
        ("notes.docx", b"Just some text, not a Word file.".to_vec()),
        ("empty.docx", Vec::new()),
    ];
    for (name, bytes) in cases {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        let e = review::bring_in(&mut lib, id, &p, None).unwrap_err();
        let msg = e.to_string();
        assert!(!msg.contains('\n') && msg.contains(name), "{name}: {msg}");
        assert_eq!(draft::load(lib.connection(), id).unwrap().content, before);
        assert!(review::reviews_of(lib.connection(), id).unwrap().is_empty());
    }
}

#[test]
fn a_changed_footnote_is_a_proposal_and_its_citation_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let (mut lib, id) = library(dir.path());
    let sent = export(&mut lib, id);
    let c = draft::load(lib.connection(), id).unwrap().content;
    let cited = c.questions[0].notes[0].written();
    let para = cited
        .rsplit("para. ")
        .next()
        .unwrap()
        .trim_end_matches('.')
        .to_string();
    let to = cited.replace(&format!("para. {para}"), "para. 99");
    let back = edit_as_word(
        &sent,
        &[WordEdit::Footnote {
            from: cited.clone(),
            to: to.clone(),
        }],
        "Secretariat",
        false,
    );
    let p = dir.path().join("note.docx");
    std::fs::write(&p, back).unwrap();
    let r = review::bring_in(&mut lib, id, &p, None).unwrap();
    assert_eq!(r.items.len(), 1, "{:#?}", r.items);
    let item = &r.items[0].item;
    assert_eq!(item.op, MergeOp::Changed);
    assert!(
        item.theirs.as_deref().unwrap().contains(&to),
        "{:?}",
        item.theirs
    );
    let d = review::decide(&mut lib, r.id, &Accept::All, &[]).unwrap();
    let note = &d.draft.content.questions[0].notes[0];
    assert_eq!(
        note.cites[0].paragraph.as_deref(),
        Some("99"),
        "read back as a citation: {note:?}"
    );
    assert!(note.text.is_none());
}

#[test]
fn the_loi_contract_of_share_and_open() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite3");
    let (lib, id) = library(dir.path());
    drop(lib);
    let id = id.to_string();
    let shared = dir.path().join("draft.loidraft");
    let o = loi(
        &db,
        &[
            "draft",
            "share",
            &id,
            "--out",
            shared.to_str().unwrap(),
            "--by",
            "Rapporteur",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let file: serde_json::Value = serde_json::from_slice(&std::fs::read(&shared).unwrap()).unwrap();
    assert_eq!(file["format"], "loi-drafter-draft");
    assert_eq!(file["format_version"], 1);
    assert_eq!(file["shared_by"], "Rapporteur");
    // The co-rapporteur's library opens it as a new draft and edits question 2.
    let other = dir.path().join("other.sqlite3");
    let opened = json(&loi(
        &other,
        &["draft", "open", shared.to_str().unwrap(), "--json"],
    ));
    assert_eq!(opened["uid"], file["draft"]["uid"]);
    let theirs = opened["draft"].as_i64().unwrap().to_string();
    let o = loi(
        &other,
        &[
            "draft",
            "edit",
            &theirs,
            "--question",
            "2",
            "--text",
            "Please describe the new law on labour migration.",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let back = dir.path().join("back.loidraft");
    let o = loi(
        &other,
        &[
            "draft",
            "share",
            &theirs,
            "--out",
            back.to_str().unwrap(),
            "--by",
            "Co-rapporteur",
        ],
    );
    assert!(o.status.success());
    let v = json(&loi(
        &db,
        &[
            "draft",
            "open",
            back.to_str().unwrap(),
            "--into",
            &id,
            "--json",
        ],
    ));
    let items = v["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{v:#}");
    assert_eq!(items[0]["op"], "changed");
    assert_eq!(items[0]["question"], 2);
    assert_eq!(items[0]["author"], "Co-rapporteur");
    assert_eq!(
        items[0]["theirs"],
        "Please describe the new law on labour migration."
    );
    // A file that is not a shared draft: one line, exit 1.
    let junk = dir.path().join("junk.loidraft");
    std::fs::write(&junk, "{\"format\": \"something else\"}").unwrap();
    let o = loi(&db, &["draft", "open", junk.to_str().unwrap()]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

#[test]
fn a_decision_undone_is_to_decide_again_and_applies_once() {
    let dir = tempfile::tempdir().unwrap();
    let (mut lib, id) = library(dir.path());
    let sent = export(&mut lib, id);
    let back = edit_as_word(
        &sent,
        &[
            WordEdit::Delete { question: 4 },
            WordEdit::InsertAfter {
                question: 1,
                text: "Please describe the new inspection of recruitment agencies.".into(),
            },
        ],
        "Co-rapporteur",
        true,
    );
    let p = dir.path().join("back.docx");
    std::fs::write(&p, back).unwrap();
    let r = review::bring_in(&mut lib, id, &p, None).unwrap();
    let pending = |lib: &mut Library| review::view(lib.connection(), r.id).unwrap().pending;
    let d = review::decide(&mut lib, r.id, &Accept::All, &[]).unwrap();
    let merged = d.draft.content.clone();
    assert_eq!(pending(&mut lib), 0);
    // Undone: both changes are to decide again, and accepting applies them once.
    draft::undo(lib.connection(), id).unwrap();
    assert_eq!(pending(&mut lib), 2);
    // The side panel's list says the same.
    let listed = review::summaries(lib.connection(), id).unwrap();
    assert_eq!(
        (listed.len(), listed[0].id, listed[0].pending),
        (1, r.id, 2)
    );
    let d = review::decide(&mut lib, r.id, &Accept::All, &[]).unwrap();
    assert_eq!(d.accepted.len(), 2);
    assert_eq!(d.draft.content, merged);
    assert_eq!(pending(&mut lib), 0);
    // An edit after it does not undo it; undoing both and redoing both does.
    edit_question(&mut lib, id, 6, " A later edit.");
    assert_eq!(pending(&mut lib), 0);
    draft::undo(lib.connection(), id).unwrap();
    draft::undo(lib.connection(), id).unwrap();
    assert_eq!(pending(&mut lib), 2);
    draft::redo(lib.connection(), id).unwrap();
    assert_eq!(pending(&mut lib), 0, "redone");
    // Accepting again changes nothing: nothing is pending.
    let d = review::decide(&mut lib, r.id, &Accept::All, &[]).unwrap();
    assert!(d.accepted.is_empty() && d.version_before.is_none());
}

/// A draft sent with its citations written in the text ("(see …, para. 12)")
/// comes back with one question reworded: only that question is proposed, and
/// accepting it keeps its footnote a footnote (not the citation twice).
#[test]
fn citations_written_in_the_text_come_back_as_footnotes() {
    let dir = tempfile::tempdir().unwrap();
    let (mut lib, id) = library(dir.path());
    for style in [CitationStyle::Inline, CitationStyle::Bare] {
        let sent = send::export_named(
            &mut lib,
            &format!("draft:{id}"),
            ExportFormat::Docx,
            style,
            &Default::default(),
            false,
        )
        .unwrap();
        let phrase = words_after_note(&mut lib, id, 3);
        let back = edit_as_word(
            &sent,
            &[WordEdit::Reword {
                question: 3,
                from: phrase.clone(),
                to: "please describe".into(),
            }],
            "Secretariat",
            false,
        );
        let p = dir.path().join("inline.docx");
        std::fs::write(&p, back).unwrap();
        let r = review::bring_in(&mut lib, id, &p, None).unwrap();
        assert_eq!(r.items.len(), 1, "{style:?}: {:#?}", r.items);
        assert_eq!(r.items[0].item.op, MergeOp::Changed);
        let before = draft::load(lib.connection(), id).unwrap().content;
        let d = review::decide(&mut lib, r.id, &Accept::All, &[]).unwrap();
        let q = &d.draft.content.questions[2];
        assert_eq!(
            q.notes, before.questions[2].notes,
            "{style:?}: the footnote kept"
        );
        assert!(q.text.contains("please describe"), "{}", q.text);
        assert!(
            !q.text.contains("(see ") && !q.text.contains("(para. "),
            "{style:?}: {}",
            q.text
        );
        // Put back for the next style.
        draft::undo(lib.connection(), id).unwrap();
    }
}
