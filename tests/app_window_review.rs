//! The real window brings a returned Word file back in: the co-rapporteur
//! reworded question 3 (which the rapporteur also edited), deleted question 5,
//! added a question after question 7 and commented on question 2, with
//! tracked changes. Dropped on the window, the file opens its draft and the
//! review: the conflict first with both texts, each proposal with its author;
//! accepting applies it (one undo step), the comment stays with question 2.

mod support;

use loi_core::draft::{self, DraftOp, NewDraft};
use loi_core::draft::{send, share};
use loi_core::export::ExportFormat;
use loi_core::fixtures::word_edits::{edit_as_word, WordEdit};
use loi_core::library::Library;
use loi_core::model::CitationStyle;
use serde_json::json;
use support::webdriver::App;
use support::window::{
    app_binary, assert_accessible, library_with_samples, step, tools_present, ONE_WINDOW,
};

const NEW_QUESTION: &str =
    "Please provide information on the protection of migrant domestic workers abroad.";

/// A draft for Tajikistan sent out as Word and edited by the co-rapporteur,
/// and shared with another LOI Drafter, where question 4 is reworded;
/// meanwhile question 3 edited here. Returns the returned file, the shared
/// draft that came back and the number of questions.
fn returned_file(
    db: &std::path::Path,
    dir: &std::path::Path,
) -> (std::path::PathBuf, std::path::PathBuf, usize) {
    let mut lib = Library::open(db).unwrap();
    let d = draft::new_draft(
        &mut lib,
        &NewDraft {
            state: "TJK".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let sent = send::export_named(
        &mut lib,
        &format!("draft:{}", d.id),
        ExportFormat::Docx,
        CitationStyle::Footnote,
        &Default::default(),
        false,
    )
    .unwrap();
    let q3 = d.content.questions[2].clone();
    let tail = q3
        .text
        .rsplit(draft::NOTE_TOKEN)
        .next()
        .unwrap()
        .to_string();
    let phrase = tail
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    let edits = [
        WordEdit::Reword {
            question: 3,
            from: phrase,
            to: "please explain in detail".into(),
        },
        WordEdit::Delete { question: 5 },
        WordEdit::InsertAfter {
            question: 7,
            text: NEW_QUESTION.into(),
        },
        WordEdit::Comment {
            question: 2,
            text: "Still relevant after the 2024 law?".into(),
        },
    ];
    // Shared with another LOI Drafter, which rewords question 4.
    let shared = dir.join("shared.loidraft");
    std::fs::write(
        &shared,
        share::share(&mut lib, d.id, Some("Rapporteur")).unwrap(),
    )
    .unwrap();
    let mut other = Library::open(&dir.join("other.sqlite3")).unwrap();
    let theirs = share::open_new(&mut other, &shared).unwrap();
    draft::apply(
        &mut other,
        theirs.id,
        DraftOp::EditText {
            question: theirs.content.questions[3].id,
            text: "Please describe the training given to consular staff since 2024.".into(),
        },
    )
    .unwrap();
    let shared_back = dir.join("From the second rapporteur.loidraft");
    std::fs::write(
        &shared_back,
        share::share(&mut other, theirs.id, Some("Second rapporteur")).unwrap(),
    )
    .unwrap();
    let path = dir.join("Returned by the co-rapporteur.docx");
    std::fs::write(&path, edit_as_word(&sent, &edits, "Co-rapporteur", true)).unwrap();
    draft::apply(
        &mut lib,
        d.id,
        DraftOp::EditText {
            question: q3.id,
            text: format!("{} Please also give figures.", q3.text),
        },
    )
    .unwrap();
    (path, shared_back, d.content.questions.len())
}

#[test]
fn a_returned_word_file_is_reviewed_and_merged() {
    if !tools_present("a_returned_word_file_is_reviewed_and_merged") {
        return;
    }
    let _one = ONE_WINDOW.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let db = library_with_samples(dir.path());
    let (returned, shared_back, count) = returned_file(&db, dir.path());
    let app = step("start the app", || {
        let app = App::start(app_binary(), &db);
        app.wait_for(
            "return document.querySelectorAll('#states .state').length >= 3 && typeof window.loiDropped === 'function'",
            "the State parties",
        );
        app
    });
    step("the file dropped on the window opens its review", || {
        app.exec(
            "window.loiDropped([arguments[0]])",
            json!([returned.to_str().unwrap()]),
        );
        let title = app.wait_for_text(
            "const t = document.getElementById('review-title'); return t && !document.getElementById('sheet').hidden && t.textContent",
            "the review",
        );
        assert!(
            title.contains("Returned by the co-rapporteur.docx"),
            "{title}"
        );
        let items = app.exec(
            "return [...document.querySelectorAll('.review-item')].map(e => [e.dataset.op, e.classList.contains('conflict'), e.querySelector('.review-head').textContent])",
            json!([]),
        );
        let items = items.as_array().unwrap();
        assert_eq!(items.len(), 3, "{items:?}");
        // The conflict comes first, with both texts.
        assert_eq!(items[0][0], "changed");
        assert_eq!(items[0][1], true);
        assert!(
            items[0][2].as_str().unwrap().contains("Question 3"),
            "{items:?}"
        );
        assert!(items
            .iter()
            .all(|i| i[2].as_str().unwrap().contains("Co-rapporteur")));
        let sides = app.exec(
            "return [...document.querySelectorAll('.review-item.conflict .review-sides .document-text')].map(e => e.textContent)",
            json!([]),
        );
        let sides = sides.to_string();
        assert!(sides.contains("Please also give figures."), "{sides}");
        assert!(sides.contains("please explain in detail"), "{sides}");
        let comments = app.exec(
            "return document.querySelector('.review-comments').textContent",
            json!([]),
        );
        assert!(
            comments.as_str().unwrap().contains("On question 2"),
            "{comments}"
        );
        // The draft behind it is unchanged: nothing applied without a click.
        assert_eq!(
            app.exec(
                "return document.querySelectorAll('.question').length",
                json!([])
            ),
            json!(count)
        );
        assert_accessible(&app, "Review");
        app.screenshot("review-of-returned-file");
    });
    step(
        "accepting the removal, then all from the co-rapporteur",
        || {
            app.exec(
                "document.querySelector('.review-item[data-op=removed] [data-accept]').click()",
                json!([]),
            );
            app.wait_for(
                &format!(
                    "return document.querySelectorAll('.question').length === {}",
                    count - 1
                ),
                "question 5 removed",
            );
            app.exec(
            "[...document.querySelectorAll('.review-toolbar button')].find(b => b.textContent === 'Accept all from Co-rapporteur').click()",
            json!([]),
        );
            app.wait_for(
                "return document.querySelectorAll('.review-item.decided').length === 3",
                "every change decided",
            );
            app.wait_for(
            &format!("return document.querySelectorAll('.question').length === {count} && [...document.querySelectorAll('.question')].some(q => q.textContent.includes('migrant domestic workers abroad'))"),
            "the new question in the draft",
        );
            app.screenshot("review-decided");
            app.click("#review-close");
            let q3 = app.exec(
                "return document.querySelectorAll('.question .q-body')[2].textContent",
                json!([]),
            );
            assert!(
                q3.as_str().unwrap().contains("please explain in detail"),
                "{q3}"
            );
            // The comment is kept with question 2 and shows beside it.
            app.exec(
                "document.querySelectorAll('.question .q-body')[1].click()",
                json!([]),
            );
            let detail = app.wait_for_text(
            "const d = document.getElementById('question-detail'); return d && d.textContent.includes('Comments') && d.textContent",
            "the comment beside question 2",
        );
            assert!(
                detail.contains("Still relevant after the 2024 law?"),
                "{detail}"
            );
            assert_eq!(
                app.exec(
                    "return document.querySelectorAll('.question .badge.comment').length",
                    json!([])
                ),
                json!(1)
            );
            app.exec("document.activeElement.blur()", json!([]));
            assert_accessible(&app, "Draft (after the merge)");
            app.screenshot("draft-after-merge");
        },
    );
    step(
        "an undo takes an accepted change back to decide again",
        || {
            let undo = "[...document.querySelectorAll('.draft-toolbar button')].find(b => b.textContent === 'Undo').click()";
            app.exec(undo, json!([]));
            app.wait_for(
            "return [...document.querySelectorAll('#pending-reviews li')].some(li => li.textContent.includes('Returned by the co-rapporteur.docx') && li.textContent.includes('to decide'))",
            "the change taken back listed to decide again",
        );
            let redo = "[...document.querySelectorAll('.draft-toolbar button')].find(b => b.textContent === 'Redo').click()";
            app.exec(redo, json!([]));
            app.wait_for(
            "return ![...document.querySelectorAll('#pending-reviews li')].some(li => li.textContent.includes('Returned by the co-rapporteur.docx'))",
            "nothing left to decide once redone",
        );
        },
    );
    step(
        "a copy without its properties, dropped on the draft",
        || {
            let stripped = dir.path().join("Pasted into a new document.docx");
            std::fs::write(
                &stripped,
                loi_core::fixtures::word_edits::without_custom_properties(
                    &std::fs::read(&returned).unwrap(),
                ),
            )
            .unwrap();
            app.exec(
                "window.loiDropped([arguments[0]])",
                json!([stripped.to_str().unwrap()]),
            );
            app.wait_for(
            "const s = document.getElementById('review-version'); return s && s.options.length >= 2",
            "the choice of the version it was made on",
        );
            let line = app.exec(
                "return document.querySelector('#sheet .muted').textContent",
                json!([]),
            );
            assert!(line.as_str().unwrap().contains("match best"), "{line}");
            assert_accessible(&app, "Review (version not named)");
            app.screenshot("review-choose-version");
            // Another version: compared again, the first comparison set aside.
            let other = app.exec(
            "const s = document.getElementById('review-version'); const o = [...s.options].find(o => !o.selected); s.value = o.value; document.querySelector('.review-version button').click(); return o.textContent",
            json!([]),
        );
            app.wait_for(
            &format!("const t = document.querySelector('#sheet .muted'); return t && t.textContent.includes({other})"),
            "the file compared with the other version",
        );
            app.click("#review-close");
            let pending = app.exec(
                "return document.querySelectorAll('#pending-reviews li').length",
                json!([]),
            );
            assert!(
                pending.as_u64().unwrap() <= 1,
                "the first comparison was set aside: {pending}"
            );
        },
    );

    step("a draft shared back by another LOI Drafter", || {
        app.exec(
            "window.loiDropped([arguments[0]])",
            json!([shared_back.to_str().unwrap()]),
        );
        let title = app.wait_for_text(
            "const t = document.getElementById('review-title'); return t && t.textContent.includes('loidraft') && !document.getElementById('sheet').hidden && t.textContent",
            "the review of the shared draft",
        );
        assert!(
            title.contains("From the second rapporteur.loidraft"),
            "{title}"
        );
        let heads = app.exec(
            "return [...document.querySelectorAll('.review-item .review-head')].map(e => e.textContent)",
            json!([]),
        );
        let heads = heads.to_string();
        assert!(heads.contains("Second rapporteur"), "{heads}");
        assert!(heads.contains("Question 4"), "{heads}");
        app.screenshot("review-of-shared-draft");
        app.exec(
            "document.querySelector('.review-item [data-accept]').click()",
            json!([]),
        );
        app.wait_for(
            "return [...document.querySelectorAll('.question .q-body')][3].textContent.includes('training given to consular staff')",
            "their question 4 in the draft",
        );
        app.click("#review-close");
    });
}
