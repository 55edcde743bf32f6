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
}
