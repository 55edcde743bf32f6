//! The real app window, driven over WebDriver (tauri-driver + WebKitWebDriver,
//! under Xvfb when there is no display). One app at a time: the scenarios run in
//! sequence inside one test.

mod support;

use std::path::Path;

use loi_core::library::{Library, MetadataOverrides};
use serde_json::json;
use support::webdriver::{missing_tools, App};

fn app_binary() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_loi-drafter"))
}

#[test]
fn the_app_window() {
    if let Some(why) = missing_tools() {
        if std::env::var_os("CI").is_some() {
            panic!("the window tests cannot run: {why}");
        }
        eprintln!("skipped: {why}");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite3");
    {
        // A library with the samples and a hostile document.
        let mut lib = Library::open(&db).unwrap();
        lib.ensure_seeded().unwrap();
        let hostile = "Concluding observations on the initial report of Mexico\n\nC. Principal subjects of concern and recommendations\n\nHostile <b>theme</b>\n\n1. The Committee recommends that the State party <script>window.__pwned = 1</script> adopt <img src=x onerror=\"window.__pwned = 2\"> a law on zzyzx.\n";
        lib.import_bytes(
            "hostile.txt",
            hostile.as_bytes(),
            &MetadataOverrides::default(),
        )
        .unwrap();
    }
    let app = App::start(app_binary(), &db);

    // The library view with the samples.
    app.wait_for(
        "return document.querySelectorAll('#states .state').length >= 3",
        "the State parties",
    );
    assert_eq!(
        app.exec("return document.title", json!([])),
        json!("LOI Drafter")
    );
    let text = app.text();
    assert!(
        text.contains("Kyrgyzstan") && text.contains("Tajikistan"),
        "{text}"
    );
    app.click("#tab-library");
    app.click("#states .state:nth-child(1)");
    app.wait_for("return document.querySelectorAll('table.documents tbody tr').length === 3 && document.body.innerText.includes('CMW/C/KGZ/CO/2')", "Kyrgyzstan's documents");
    app.screenshot("library");

    // Recommendations of Kyrgyzstan: paragraph 30's history.
    app.click("#tab-recommendations");
    app.wait_for(
        "return document.querySelectorAll('.rec-card').length === 23",
        "23 recommendations",
    );
    app.click(".rec-card[aria-label='Paragraph 30']");
    let panel = app
        .wait_for("const p = document.querySelector('.side-panel'); return p && p.innerText.includes('CMW/C/KGZ/CO/1, para. 27') && p.innerText", "the history of paragraph 30")
        .as_str()
        .unwrap_or("")
        .to_string();
    assert!(panel.contains("Follow-up letter 2018-09-13"), "{panel}");
    assert!(panel.contains("Marked for follow-up"), "{panel}");
    app.screenshot("recommendations");

    // Keyboard: Ctrl+1 goes back to the library.
    app.exec(
        "document.dispatchEvent(new KeyboardEvent('keydown', {key: '1', ctrlKey: true}))",
        json!([]),
    );
    app.wait_for(
        "return !document.getElementById('view-library').hidden",
        "the library view",
    );

    // Search with highlighted hits.
    app.type_into("#search", "traffick");
    app.wait_for(
        "return document.querySelectorAll('.hit mark').length > 0",
        "highlighted search hits",
    );
    app.screenshot("search");

    // A document's markup is shown as text, never run.
    app.exec("document.getElementById('search-all').checked = true; const s = document.getElementById('search'); s.value = 'zzyzx'; s.dispatchEvent(new Event('input'));", json!([]));
    app.wait_for(
        "return document.querySelectorAll('.hit').length === 1",
        "the hostile paragraph",
    );
    let hit = app.exec(
        "return document.querySelector('.hit').textContent",
        json!([]),
    );
    assert!(hit.as_str().unwrap_or("").contains("<script>"), "{hit}");
    let mexico = app.exec("const s = [...document.querySelectorAll('#states .state')].find(e => e.textContent.includes('Mexico')); s.click(); return true", json!([]));
    assert_eq!(mexico, json!(true));
    app.click("#tab-recommendations");
    app.wait_for(
        "return document.querySelectorAll('.rec-card').length === 1",
        "Mexico's recommendation",
    );
    let theme = app.exec(
        "return document.querySelector('.theme').textContent",
        json!([]),
    );
    assert_eq!(theme, json!("Hostile <b>theme</b>"));
    assert_eq!(
        app.exec(
            "return document.querySelectorAll('.view script, .view img, .view b').length",
            json!([])
        ),
        json!(0)
    );
    assert_eq!(
        app.exec("return window.__pwned === undefined", json!([])),
        json!(true)
    );
    app.screenshot("hostile-document");

    // Import a document by the path the file dialog would return.
    let extra = dir.path().join("Philippines CO3.docx");
    std::fs::write(&extra, loi_core::fixtures::concluding_observations_docx()).unwrap();
    app.exec(
        "window.loiImportPaths(arguments[0])",
        json!([[extra.to_str().unwrap()]]),
    );
    let sheet = app
        .wait_for(
            "const s = document.getElementById('sheet'); return !s.hidden && s.innerText",
            "the import results",
        )
        .as_str()
        .unwrap_or("")
        .to_string();
    assert!(
        sheet.contains("Philippines CO3.docx") && sheet.contains("imported"),
        "{sheet}"
    );
    app.screenshot("import-sheet");
    app.click("#sheet-close");
    app.wait_for("return [...document.querySelectorAll('#states .state')].some(e => e.textContent.includes('Senegal'))", "Senegal in the rail");

    // Draft a LOIPR for Tajikistan from all its recommendations.
    app.exec("[...document.querySelectorAll('#states .state')].find(e => e.dataset.code === 'TJK').click()", json!([]));
    app.click("#tab-recommendations");
    app.wait_for("const b = document.getElementById('draft-button'); return b && b.textContent.includes('(')", "the draft button");
    app.click("#draft-button");
    app.wait_for("return !document.getElementById('view-draft').hidden && document.querySelectorAll('.question').length > 20", "the draft");
    let title = app.exec(
        "return document.querySelector('.doc-title').textContent",
        json!([]),
    );
    assert_eq!(
        title,
        json!("List of issues prior to submission of the third periodic report of Tajikistan")
    );
    assert!(app.text().contains("CMW/C/TJK/CO/2, para. 12."));
    app.screenshot("draft");

    // Edit question 3 in place.
    app.exec(
        "document.querySelectorAll('.question .q-body')[2].click()",
        json!([]),
    );
    app.wait_for(
        "return document.querySelector('textarea.q-edit')",
        "the editor",
    );
    app.exec(
        "const t = document.querySelector('textarea.q-edit'); t.value = 'Please describe the national migration strategy and its budget.[fn]'; t.dispatchEvent(new Event('input'));",
        json!([]),
    );
    app.wait_for(
        "return document.getElementById('status').textContent.startsWith('Saved')",
        "the edit to be saved",
    );
    app.exec(
        "document.querySelector('textarea.q-edit').blur()",
        json!([]),
    );
    app.wait_for("return document.querySelectorAll('.question .q-body')[2].textContent.startsWith('Please describe the national migration strategy')", "the edited question");

    // Reorder: question 1 down; numbering follows.
    let first = app.exec(
        "return document.querySelectorAll('.question .q-body')[0].textContent.slice(0, 60)",
        json!([]),
    );
    app.exec("document.querySelectorAll('.question')[0].querySelector('.tool[title=\"Move down\"]').click()", json!([]));
    app.wait_for(
        &format!("const b = document.querySelectorAll('.question .q-body'); return b[0] && b[0].textContent.slice(0, 60) !== {first}"),
        "question 1 to move down",
    );
    let second = app.exec(
        "return document.querySelectorAll('.question .q-body')[1].textContent.slice(0, 60)",
        json!([]),
    );
    assert_eq!(second, first);
    let numbers = app.exec(
        "return [...document.querySelectorAll('.q-number')].slice(0, 3).map(e => e.textContent)",
        json!([]),
    );
    assert_eq!(numbers, json!(["1.", "2.", "3."]));
    assert!(app
        .exec(
            "return document.getElementById('counts').textContent",
            json!([])
        )
        .as_str()
        .unwrap_or("")
        .contains("/ 30 questions"));
    // Split a question at the cursor (Ctrl+Enter in the editor).
    let before = app
        .exec(
            "return document.querySelectorAll('.question').length",
            json!([]),
        )
        .as_u64()
        .unwrap_or(0);
    app.exec("[...document.querySelectorAll('.question .q-body')].find(b => b.textContent.startsWith('Please describe the national')).click()", json!([]));
    app.wait_for(
        "return document.querySelector('textarea.q-edit')",
        "the editor",
    );
    app.exec(
        "const t = document.querySelector('textarea.q-edit'); t.selectionStart = t.selectionEnd = t.value.indexOf(' and its budget'); t.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', ctrlKey: true, bubbles: true}));",
        json!([]),
    );
    app.wait_for(
        &format!(
            "return document.querySelectorAll('.question').length === {}",
            before + 1
        ),
        "the split question",
    );
    app.wait_for("return [...document.querySelectorAll('.question .q-body')].some(b => b.textContent.startsWith('and its budget.'))", "the second half");
    app.exec("document.getElementById('tab-draft').click()", json!([]));
    app.screenshot("draft-edited");

    // Export the draft to Word through the command the save dialog leads to.
    let out = dir.path().join("loipr.docx");
    let written = app.exec_async(
        "const done = arguments[arguments.length - 1]; window.__TAURI__.core.invoke('export_list', {name: 'draft:1', path: arguments[0]}).then(done, e => done('error: ' + e.message));",
        json!([out.to_str().unwrap()]),
    );
    assert_eq!(written, json!(out.to_str().unwrap()));
    let bytes = std::fs::read(&out).unwrap();
    let text = loi_core::import::extract_text("loipr.docx", &bytes)
        .unwrap()
        .text;
    assert!(
        text.contains("Please describe the national migration strategy\n")
            && text.contains("and its budget.[footnoteRef:"),
        "{text}"
    );
    assert!(text.contains("[footnoteRef:1]"));

    // Compare with the list of issues in the library (seed 003).
    app.click("#tab-compare");
    app.exec(
        "const s = document.getElementById('compare-old'); if (s) { s.value = [...s.options].find(o => o.textContent.includes('CMW/C/TJK/Q/3')).value; s.dispatchEvent(new Event('change')); }",
        json!([]),
    );
    let summary = app
        .wait_for("const s = document.getElementById('compare-summary'); return s && document.getElementById('compare-old').selectedOptions[0].textContent.includes('CMW/C/TJK/Q/3') && s.textContent", "the comparison")
        .as_str()
        .unwrap_or("")
        .to_string();
    assert!(summary.starts_with("kept "), "{summary}");
    app.screenshot("compare");
    drop(app);

    // Kill the app without closing it, start it again: the edit is there.
    let _ = std::process::Command::new("pkill")
        .args(["-9", "-f", app_binary().to_str().unwrap()])
        .status();
    let app = App::start(app_binary(), &db);
    app.wait_for(
        "return document.querySelectorAll('#states .state').length >= 3",
        "the State parties after a restart",
    );
    app.exec("[...document.querySelectorAll('#states .state')].find(e => e.dataset.code === 'TJK').click()", json!([]));
    app.click("#tab-draft");
    app.wait_for(
        "return [...document.querySelectorAll('.question .q-body')].some(b => b.textContent.startsWith('Please describe the national migration strategy')) && [...document.querySelectorAll('.question .q-body')].some(b => b.textContent.startsWith('and its budget.'))",
        "the edit after a restart",
    );
    app.screenshot("draft-after-restart");
    drop(app);

    // Start-up with 2,000 documents: from launch to the State parties and the
    // first State's documents on screen. The library holds the five samples and
    // 1,995 copies of them (documents and paragraphs rows copied in SQL, each
    // under one of 150 State parties), the same shape as imported documents.
    let big = dir.path().join("big.sqlite3");
    {
        let mut lib = Library::open(&big).unwrap();
        lib.ensure_seeded().unwrap();
        let codes: Vec<&str> = loi_core::state_names::STATES
            .iter()
            .map(|(c, _, _)| *c)
            .take(150)
            .collect();
        let conn = lib.connection();
        let tx = conn.transaction().unwrap();
        for i in 1..=399 {
            let code = codes[i % codes.len()];
            let name = loi_core::symbols::state_by_code(code).unwrap().name;
            tx.execute(
                "INSERT INTO documents (content_hash, symbol, committee, kind, state_code, state_name, cycle, date, language, title, source_name, format, inferred, imported_at, source_text, document)
                 SELECT content_hash || '-' || ?1, symbol, committee, kind, ?2, ?3, cycle, date, language, title, source_name, format, inferred, imported_at, source_text, document FROM documents WHERE id <= 5",
                rusqlite::params![i as i64, code, name],
            )
            .unwrap();
        }
        tx.execute(
            "INSERT INTO paragraphs (document_id, seq, number, kind, theme, text)
             SELECT d.id, p.seq, p.number, p.kind, p.theme, p.text
             FROM documents d JOIN documents o ON o.content_hash = substr(d.content_hash, 1, 64) AND o.id <= 5
             JOIN paragraphs p ON p.document_id = o.id WHERE d.id > 5",
            [],
        )
        .unwrap();
        tx.commit().unwrap();
        assert_eq!(lib.document_count().unwrap(), 2000);
    }
    let started = std::time::Instant::now();
    let app = App::start(app_binary(), &big);
    app.wait_for(
        "return document.querySelectorAll('#states .state').length >= 150 && document.querySelectorAll('table.documents tbody tr, .rec-card, .question, .compare-summary, .empty').length > 0",
        "the window with 2,000 documents",
    );
    let elapsed = started.elapsed();
    println!("window interactive with 2,000 documents after {} ms (debug build, including the WebDriver session start)", elapsed.as_millis());
    assert!(
        elapsed < std::time::Duration::from_secs(10),
        "start-up took {elapsed:?}"
    );
    app.screenshot("two-thousand-documents");
}
