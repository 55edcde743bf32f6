//! A draft sent out as Word comes back edited by the co-rapporteur (with
//! tracked changes, without them, and through LibreOffice) while the
//! rapporteur kept editing: the merge proposes their changes, keeps ours,
//! flags the question both changed, puts the comment on its question, and
//! after accepting reads as expected (footnote numbers and "Ibid." included).

use std::path::{Path, PathBuf};

use loi_core::draft::merge::MergeOp;
use loi_core::draft::review::{self, Accept, MergeReport};
use loi_core::draft::send;
use loi_core::draft::{self, DraftOp, NewDraft};
use loi_core::export::ExportFormat;
use loi_core::fixtures::word_edits::{edit_as_word, WordEdit};
use loi_core::library::Library;
use loi_core::model::CitationStyle;

const AUTHOR: &str = "Co-rapporteur";
const NEW_QUESTION: &str = "Please provide information on the measures taken to protect migrant domestic workers from abuse by recruitment agencies.";

struct Setup {
    lib: Library,
    id: i64,
    sent: Vec<u8>,
    /// Question texts (with footnote tokens) as sent, by number.
    sent_texts: Vec<String>,
    dir: tempfile::TempDir,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(&dir.path().join("library.sqlite3")).unwrap();
    lib.ensure_seeded().unwrap();
    let d = draft::new_draft(
        &mut lib,
        &NewDraft {
            state: "TJK".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(
        d.content.questions.len() >= 10,
        "the Tajikistan draft has enough questions"
    );
    let sent = send::export_named(
        &mut lib,
        &format!("draft:{}", d.id),
        ExportFormat::Docx,
        CitationStyle::Footnote,
        &Default::default(),
        false,
    )
    .unwrap();
    let sent_texts = draft::load(lib.connection(), d.id)
        .unwrap()
        .content
        .questions
        .iter()
        .map(|q| q.text.clone())
        .collect();
    Setup {
        lib,
        id: d.id,
        sent,
        sent_texts,
        dir,
    }
}

/// A phrase of question `n` that sits in one run (no footnote inside).
fn phrase_of(s: &Setup, n: usize) -> String {
    let text = &s.sent_texts[n - 1];
    let after_note = text.rsplit(draft::NOTE_TOKEN).next().unwrap_or(text);
    after_note
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ")
}

fn co_rapporteurs_edits(s: &Setup) -> Vec<WordEdit> {
    vec![
        WordEdit::Reword {
            question: 3,
            from: phrase_of(s, 3),
            to: "please explain in detail".into(),
        },
        WordEdit::Delete { question: 5 },
        WordEdit::InsertAfter {
            question: 7,
            text: NEW_QUESTION.into(),
        },
        WordEdit::Comment {
            question: 2,
            text: "Is this still relevant after the 2024 law?".into(),
        },
    ]
}

/// Meanwhile, in the app: question 3 and question 9 edited.
fn our_edits(s: &mut Setup) {
    let c = draft::load(s.lib.connection(), s.id).unwrap().content;
    for (n, addition) in [
        (3usize, " Please also give figures."),
        (9, " Please include data for 2025."),
    ] {
        let q = &c.questions[n - 1];
        draft::apply(
            &mut s.lib,
            s.id,
            DraftOp::EditText {
                question: q.id,
                text: format!("{}{addition}", q.text),
            },
        )
        .unwrap();
    }
}

fn write(s: &Setup, name: &str, bytes: &[u8]) -> PathBuf {
    let p = s.dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn check_proposals(report: &MergeReport) {
    let items = &report.items;
    assert_eq!(items.len(), 3, "three proposals: {items:#?}");
    let removed = items
        .iter()
        .find(|i| i.op == MergeOp::Removed)
        .expect("question 5 removed");
    assert_eq!(removed.question, Some(5));
    assert_eq!(removed.author, AUTHOR);
    assert!(!removed.conflict);
    let added = items
        .iter()
        .find(|i| i.op == MergeOp::Added)
        .unwrap_or_else(|| panic!("a new question: {items:#?}"));
    assert_eq!(added.question, Some(8), "it goes after question 7");
    assert_eq!(added.author, AUTHOR);
    assert!(!added.conflict);
    assert_eq!(added.theirs.as_deref(), Some(NEW_QUESTION));
    let changed = items
        .iter()
        .find(|i| i.op == MergeOp::Changed)
        .expect("question 3");
    assert_eq!(changed.question, Some(3));
    assert!(changed.conflict, "both changed question 3");
    assert_eq!(changed.author, AUTHOR);
    let ours = changed.ours.as_deref().unwrap();
    let theirs = changed.theirs.as_deref().unwrap();
    assert!(ours.contains("Please also give figures."), "{ours}");
    assert!(theirs.contains("please explain in detail"), "{theirs}");
    assert!(!theirs.contains("Please also give figures."), "{theirs}");
    // Conflicts first when shown; question 9 (ours only) is not proposed.
    assert!(items
        .iter()
        .all(|i| i.question != Some(9) || i.op == MergeOp::Added));
    assert_eq!(report.comments.len(), 1);
    assert_eq!(report.comments[0].question, Some(2));
    assert_eq!(report.comments[0].author, AUTHOR);
}

/// The draft as it should read after accepting everything, made by hand.
fn expected_after_all(
    s: &Setup,
    before: &draft::DraftContent,
    theirs3: &str,
) -> draft::DraftContent {
    let mut c = before.clone();
    let q3 = c.questions[2].id;
    let q5 = c.questions[4].id;
    let q7 = c.questions[6].id;
    let sent3 = &s.sent_texts[2];
    let _ = theirs3;
    let reworded = sent3.replacen(&phrase_of(s, 3), "please explain in detail", 1);
    let notes = c.questions[2].notes.clone();
    let subitems = c.questions[2].subitems.clone();
    c.replace_words(q3, &reworded, notes, subitems).unwrap();
    c.delete_question(q5).unwrap();
    c.insert_after(Some(q7), vec![], NEW_QUESTION, vec![], vec![])
        .unwrap();
    c
}

fn run(tracked: bool, through_libreoffice: bool) {
    let mut s = setup();
    let edits = co_rapporteurs_edits(&s);
    let mut returned = edit_as_word(&s.sent, &edits, AUTHOR, tracked);
    if through_libreoffice {
        match libreoffice(&s, &returned) {
            Some(b) => returned = b,
            None => return,
        }
    }
    our_edits(&mut s);
    let path = write(&s, "returned.docx", &returned);
    let before = draft::load(s.lib.connection(), s.id).unwrap();
    let r = review::bring_in(&mut s.lib, s.id, &path, None).unwrap();
    assert!(r.recognised, "the file names its draft and version");
    let report = review::report(&r, &before.content);
    check_proposals(&report);
    // Nothing applied yet.
    assert_eq!(
        draft::load(s.lib.connection(), s.id).unwrap().content,
        before.content
    );

    // All but the conflict: question 5 goes, the new question comes in,
    // questions 3 and 9 keep our words.
    let d = review::decide(&mut s.lib, r.id, &Accept::AllButConflicts, &[]).unwrap();
    assert_eq!(d.conflicts_left.len(), 1);
    assert!(d.version_before.is_some());
    let now = &d.draft.content;
    assert_eq!(now.questions.len(), before.content.questions.len());
    assert_eq!(now.questions[2].text, before.content.questions[2].text);
    assert_eq!(
        now.questions[8].text, before.content.questions[8].text,
        "9 keeps our words"
    );
    assert!(now.questions[8]
        .text
        .ends_with("Please include data for 2025."));
    assert_eq!(
        now.questions[6].plain_text(),
        NEW_QUESTION,
        "after old question 7 (now 6)"
    );
    assert_eq!(
        now.questions[1].comments.len(),
        1,
        "the comment kept on question 2"
    );
    // One undo step takes the whole merge back.
    let undone = draft::undo(s.lib.connection(), s.id).unwrap();
    assert_eq!(undone.content, before.content);
    let redone = draft::redo(s.lib.connection(), s.id).unwrap();
    assert_eq!(&redone.content, now);

    // Then the conflict, taking their words: the draft reads as expected.
    let d = review::decide(&mut s.lib, r.id, &Accept::All, &[]).unwrap();
    assert!(d.pending.is_empty());
    let theirs3 = report
        .items
        .iter()
        .find(|i| i.op == MergeOp::Changed)
        .unwrap()
        .theirs
        .clone()
        .unwrap();
    let mut expected = expected_after_all(&s, &before.content, &theirs3);
    expected.questions[1].comments = d.draft.content.questions[1].comments.clone();
    let got = d.draft.to_issue_list();
    let want = expected.to_issue_list(&d.draft.committee, &d.draft.state);
    let texts = |l: &loi_core::model::IssueList| {
        l.questions
            .iter()
            .map(|q| (q.number, q.text.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(texts(&got), texts(&want));
    assert_eq!(
        got.footnotes(),
        want.footnotes(),
        "footnote numbers and Ibid. as expected"
    );
    assert!(got.footnotes().iter().any(|(_, t)| t.starts_with("Ibid.")));
    if tracked && !through_libreoffice {
        // The comment kept with question 2 is printed only when asked.
        let export = |lib: &mut Library, format, with| {
            send::export_named(
                lib,
                &format!("draft:{}", s.id),
                format,
                CitationStyle::Footnote,
                &Default::default(),
                with,
            )
            .unwrap()
        };
        let with =
            loi_core::draft::returned::read(&export(&mut s.lib, ExportFormat::Docx, true)).unwrap();
        assert_eq!(with.comments.len(), 1);
        assert_eq!(with.comments[0].question, Some(1));
        assert_eq!(with.comments[0].author, AUTHOR);
        let without =
            loi_core::draft::returned::read(&export(&mut s.lib, ExportFormat::Docx, false))
                .unwrap();
        assert!(without.comments.is_empty());
        let txt = String::from_utf8(export(&mut s.lib, ExportFormat::Txt, true)).unwrap();
        assert!(
            txt.contains("[Comment by Co-rapporteur: Is this still relevant"),
            "{txt}"
        );
        let plain = String::from_utf8(export(&mut s.lib, ExportFormat::Txt, false)).unwrap();
        assert!(!plain.contains("[Comment by"));
    }
}

fn libreoffice(s: &Setup, docx: &[u8]) -> Option<Vec<u8>> {
    let soffice = ["soffice", "libreoffice"].into_iter().find(|p| {
        std::env::var_os("PATH")
            .is_some_and(|path| std::env::split_paths(&path).any(|d| d.join(p).is_file()))
    });
    let Some(soffice) = soffice else {
        assert!(
            std::env::var_os("CI").is_none(),
            "LibreOffice is required in CI (./test.sh installs it)"
        );
        eprintln!("skipped: LibreOffice is not installed");
        return None;
    };
    let input_dir = s.dir.path().join("in");
    let out_dir = s.dir.path().join("out");
    std::fs::create_dir_all(&input_dir).unwrap();
    let input = input_dir.join("returned.docx");
    std::fs::write(&input, docx).unwrap();
    let profile = format!(
        "-env:UserInstallation=file://{}",
        s.dir.path().join("profile").display()
    );
    let status = std::process::Command::new(soffice)
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            "docx",
            "--outdir",
        ])
        .arg(&out_dir)
        .arg(&input)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let out = std::fs::read(Path::new(&out_dir).join("returned.docx"))
        .expect("LibreOffice wrote the file");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(out.clone())).unwrap();
    let mut app = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("docProps/app.xml").unwrap(), &mut app).unwrap();
    assert!(app.contains("LibreOffice"), "written by LibreOffice: {app}");
    Some(out)
}

#[test]
fn tracked_changes_come_back_as_proposals() {
    run(true, false);
}

#[test]
fn the_same_edits_without_tracked_changes_give_the_same_proposals() {
    run(false, false);
}

#[test]
fn a_file_saved_again_by_libreoffice_gives_the_same_proposals() {
    run(true, true);
}

/// In Word without tracked changes, the co-rapporteur moves question 10 to
/// the top, splits a question in two, joins questions 6 and 7 and numbers
/// the list again: the questions are found by their words, and accepting
/// everything gives the list the same edits made in the app give.
#[test]
fn moved_split_joined_and_renumbered_questions_are_found_in_a_word_file() {
    let mut s = setup();
    let c = drafts_content(&mut s);
    let two = (0..5)
        .find(|i| c.questions[*i].text.contains(". Please"))
        .expect("a question of two sentences");
    let second = c.questions[two].text[c.questions[two].text.find(". Please").unwrap() + 2..]
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    let no_subitems = |i: usize| c.questions[i].subitems.is_empty();
    let join = (5..c.questions.len() - 1)
        .find(|i| no_subitems(*i) && no_subitems(i + 1) && *i != 9 && i + 1 != 9)
        .expect("two questions without sub-items");
    let edits = vec![
        WordEdit::Split {
            question: (two + 1) as u32,
            before: second.clone(),
        },
        WordEdit::Join {
            question: (join + 1) as u32,
        },
        WordEdit::Move {
            question: 10,
            before: 1,
        },
        WordEdit::Renumber,
    ];
    let returned = edit_as_word(&s.sent, &edits, AUTHOR, false);
    let path = write(&s, "reorganised.docx", &returned);
    let r = review::bring_in(&mut s.lib, s.id, &path, None).unwrap();
    let ops: Vec<MergeOp> = r.items.iter().map(|i| i.item.op).collect();
    assert!(ops.contains(&MergeOp::Moved), "{ops:?}");
    assert!(
        ops.contains(&MergeOp::Split),
        "{ops:?} {:#?}",
        r.items
            .iter()
            .map(|i| (
                i.item.op,
                i.item.target,
                i.item.base.clone(),
                i.item.theirs.clone()
            ))
            .collect::<Vec<_>>()
    );
    assert!(ops.contains(&MergeOp::Merged), "{ops:?}");
    assert!(
        !ops.contains(&MergeOp::Added) && !ops.contains(&MergeOp::Removed),
        "{ops:?}"
    );
    assert!(r
        .items
        .iter()
        .all(|i| i.item.author == AUTHOR && !i.item.conflict));
    let d = review::decide(&mut s.lib, r.id, &Accept::All, &[]).unwrap();
    // The same edits made in the app.
    let mut want = c.clone();
    let at = want.questions[two].text.find(&second).unwrap();
    let (q_two, q_join, q_ten) = (
        want.questions[two].id,
        want.questions[join].id,
        want.questions[9].id,
    );
    want.split(q_two, at).unwrap();
    want.merge_with_next(q_join).unwrap();
    want.reorder(q_ten, 0).unwrap();
    let words = |c: &draft::DraftContent| {
        c.questions
            .iter()
            .map(|q| {
                q.plain_text()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(words(&d.draft.content), words(&want));
}

fn drafts_content(s: &mut Setup) -> draft::DraftContent {
    draft::load(s.lib.connection(), s.id).unwrap().content
}
