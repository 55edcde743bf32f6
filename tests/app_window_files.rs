//! The real window survives every hostile file of issue 9 imported through it
//! (a PDF whose page is its own parent, 5,000 nested PDF dictionaries, a huge
//! character map, a compressed-stream bomb, 20 nested Word tables, a list
//! numbered from 4294967295, one footnote referenced 20,000 times): each gets
//! its one-line message in the import sheet, the good file beside them is
//! imported, and the app goes on answering.

mod support;

use loi_core::fixtures;
use serde_json::json;
use support::window::{start_on_samples, step};

#[test]
fn hostile_files_imported_through_the_window() {
    let Some((_one, dir, _db, app)) = start_on_samples("hostile_files_imported_through_the_window")
    else {
        return;
    };
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("self-parent.pdf", fixtures::self_parent_pdf()),
        ("nested.pdf", fixtures::nested_dictionaries_pdf(5_000)),
        ("cmap.pdf", fixtures::huge_cmap_pdf()),
        ("stream-bomb.pdf", fixtures::stream_bomb_pdf(300)),
        ("tables.docx", fixtures::nested_tables_docx(20)),
        (
            "numbering.docx",
            fixtures::numbering_start_docx("4294967295", "4294967295"),
        ),
        (
            "footnote.docx",
            fixtures::repeated_footnote_docx(20_000, 100_000),
        ),
        (
            "Ghana CO1.txt",
            b"Concluding observations on the initial report of Ghana\n\nC. Principal subjects of concern and recommendations\n\n1. The Committee recommends that the State party adopt a law on migration.\n".to_vec(),
        ),
    ];
    let paths: Vec<String> = files
        .iter()
        .map(|(name, bytes)| {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            path.to_string_lossy().into_owned()
        })
        .collect();
    step(
        "eight files, seven of them hostile, imported at once",
        || {
            app.exec("window.loiImportPaths(arguments[0])", json!([paths]));
            let sheet = app.wait_for_text(
            "const s = document.getElementById('sheet'); return !s.hidden && !document.getElementById('sheet-close').disabled && s.innerText",
            "every file's result",
        );
            let results = app.exec(
                "return [...document.querySelectorAll('.import-results li')].map(e => e.innerText)",
                json!([]),
            );
            let results: Vec<String> = serde_json::from_value(results).unwrap();
            assert_eq!(results.len(), files.len(), "{sheet}");
            for (name, _) in &files {
                let line = results
                    .iter()
                    .find(|r| r.contains(name))
                    .unwrap_or_else(|| panic!("no result for {name}: {results:?}"));
                if name.ends_with(".txt") {
                    assert!(line.contains("imported"), "{line}");
                }
                assert!(!line.contains("panicked"), "{line}");
            }
            println!("import results:\n{}", results.join("\n"));
            app.screenshot("hostile-files");
            app.click("#sheet-close");
        },
    );
    step("the app goes on answering", || {
        app.wait_for(
            "return [...document.querySelectorAll('#states .state')].some(e => e.textContent.includes('Ghana'))",
            "Ghana in the rail",
        );
        app.exec("document.getElementById('search-all').checked = true; const s = document.getElementById('search'); s.value = 'migration'; s.dispatchEvent(new Event('input'));", json!([]));
        app.wait_for(
            "return document.querySelectorAll('.hit').length > 0",
            "search results",
        );
    });
}
