//! The real app window, driven over WebDriver (tauri-driver + WebKitWebDriver,
//! under Xvfb when there is no display). One test per part of the app, each on
//! its own library and its own app (one app at a time: it is a single-instance
//! app); inside a test, each step is named, and a failure says which step.

mod support;

use std::path::Path;

use serde_json::json;
use support::webdriver::{strict, App};
use support::window::{app_binary, assert_accessible, start_on_samples, step};

#[test]
fn library_recommendations_and_search() {
    let Some((_one, _dir, _db, app)) = start_on_samples("library_recommendations_and_search")
    else {
        return;
    };
    step("the library view with the samples", || {
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
        assert_accessible(&app, "library");
    });
    step("paragraph 30's history in the recommendations", || {
        app.click("#tab-recommendations");
        app.wait_for(
            "return document.querySelectorAll('.rec-card').length === 23",
            "23 recommendations",
        );
        app.click(".rec-card[aria-label='Paragraph 30']");
        let panel = app
            .wait_for_text("const p = document.querySelector('.side-panel'); return p && p.innerText.includes('CMW/C/KGZ/CO/1, para. 27') && p.innerText", "the history of paragraph 30");
        assert!(panel.contains("Follow-up letter 2018-09-13"), "{panel}");
        assert!(panel.contains("Marked for follow-up"), "{panel}");
        app.screenshot("recommendations");
        assert_accessible(&app, "recommendations");
    });
    step("Ctrl+1 goes back to the library", || {
        app.exec(
            "document.dispatchEvent(new KeyboardEvent('keydown', {key: '1', ctrlKey: true}))",
            json!([]),
        );
        app.wait_for(
            "return !document.getElementById('view-library').hidden",
            "the library view",
        );
    });
    step(
        "search with highlighted hits, a hit in its document",
        || {
            app.type_into("#search", "traffick");
            app.wait_for(
                "return document.querySelectorAll('.hit mark').length > 0",
                "highlighted search hits",
            );
            app.screenshot("search");
            // A hit opens its paragraph in the document, marked and scrolled to.
            app.click(".hit");
            let context = app
            .wait_for_text("const s = document.getElementById('sheet'); const here = s.querySelector('.context-paragraph.here'); return !s.hidden && here && here.querySelector('mark') && here.textContent", "the hit in its document")
            .to_lowercase();
            assert!(context.contains("traffick"), "{context}");
            app.screenshot("search-context");
            assert_accessible(&app, "search hit in context");
            app.click("#sheet-close");
        },
    );
    step("a document's markup shown as text, never run", || {
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
    });
}

#[test]
fn import_correct_and_delete() {
    let Some((_one, dir, _db, app)) = start_on_samples("import_correct_and_delete") else {
        return;
    };
    step("import by the paths the file dialog returns", || {
        let extra = dir.path().join("Philippines CO3.docx");
        std::fs::write(&extra, loi_core::fixtures::concluding_observations_docx()).unwrap();
        let broken = dir.path().join("broken.docx");
        std::fs::write(&broken, b"PK\x03\x04 not really a Word file").unwrap();
        app.exec(
            "window.loiImportPaths(arguments[0])",
            json!([[extra.to_str().unwrap(), broken.to_str().unwrap()]]),
        );
        let sheet = app
            .wait_for_text(
                "const s = document.getElementById('sheet'); return !s.hidden && !document.getElementById('sheet-close').disabled && s.innerText",
                "the import results",
            );
        assert!(
            sheet.contains("Philippines CO3.docx — imported")
                && sheet.contains("broken.docx — error")
                && sheet.contains("1 of 2 imported"),
            "{sheet}"
        );
        app.screenshot("import-sheet");
        assert_accessible(&app, "import sheet");
        app.click("#sheet-close");
        app.wait_for("return [...document.querySelectorAll('#states .state')].some(e => e.textContent.includes('Senegal'))", "Senegal in the rail");
    });
    step("files dropped on the window", || {
        // Files dropped on the window: the webview sends the drag and the dropped
        // paths as Tauri's drag-and-drop events; the window shows where to drop, then
        // imports the files with the same result sheet.
        let dropped = dir.path().join("Ghana CO1.txt");
        std::fs::write(
            &dropped,
            "Concluding observations on the initial report of Ghana\n\nC. Principal subjects of concern and recommendations\n\nData collection\n\n1. The Committee recommends that the State party collect data on migrant workers.\n",
        )
        .unwrap();
        let webview_event = |event: &str, payload: serde_json::Value| {
            let sent = app.exec_async(
                "const done = arguments[arguments.length - 1]; window.__TAURI__.event.emitTo({kind: 'Webview', label: 'main'}, arguments[0], arguments[1]).then(() => done('sent'), e => done('error: ' + e));",
                json!([event, payload]),
            );
            assert_eq!(sent, json!("sent"), "{event}");
        };
        webview_event(
            "tauri://drag-enter",
            json!({"paths": [dropped.to_str().unwrap()], "position": {"x": 500, "y": 300}}),
        );
        app.wait_for(
            "return document.body.classList.contains('dropping')",
            "the drop target shown",
        );
        app.screenshot("drop-target");
        webview_event(
            "tauri://drag-drop",
            json!({"paths": [dropped.to_str().unwrap()], "position": {"x": 500, "y": 300}}),
        );
        let sheet = app
            .wait_for_text(
                "const s = document.getElementById('sheet'); return !s.hidden && !document.getElementById('sheet-close').disabled && !document.body.classList.contains('dropping') && s.innerText",
                "the dropped file's result",
            );
        assert!(
            sheet.contains("Ghana CO1.txt — imported") && sheet.contains("1 of 1 imported"),
            "{sheet}"
        );
        app.click("#sheet-close");
        app.wait_for("return [...document.querySelectorAll('#states .state')].some(e => e.textContent.includes('Ghana'))", "Ghana in the rail");
    });
    step("correct an inferred value (the cycle)", || {
        app.exec("[...document.querySelectorAll('#states .state')].find(e => e.dataset.code === 'SEN').click()", json!([]));
        app.click("#tab-library");
        app.wait_for(
            "return document.querySelectorAll('table.documents tbody tr').length === 1",
            "Senegal's document",
        );
        app.exec(
            "document.querySelector('table.documents button[title=\"Correct the metadata\"]').click()",
            json!([]),
        );
        app.wait_for(
            "return document.querySelector('form.metadata-form input[name=cycle]')",
            "the metadata form",
        );
        app.exec("const f = document.querySelector('form.metadata-form'); f.querySelector('input[name=cycle]').value = '4'; f.requestSubmit();", json!([]));
        app.wait_for(
            "return !document.querySelector('form.metadata-form') && document.querySelector('table.documents tbody tr td.num').textContent === '4'",
            "the corrected cycle",
        );
    });
    step("delete a document after confirming", || {
        app.exec("[...document.querySelectorAll('#states .state')].find(e => e.dataset.code === 'MEX').click()", json!([]));
        app.wait_for(
            "return document.querySelectorAll('table.documents tbody tr').length === 1 && document.body.innerText.includes('hostile.txt')",
            "Mexico's document",
        );
        app.exec(
            "document.querySelector('table.documents button.danger').click()",
            json!([]),
        );
        app.wait_for(
            "return document.querySelector('[role=alertdialog] #confirm-delete')",
            "the confirmation",
        );
        app.screenshot("delete-confirmation");
        assert_accessible(&app, "library (confirmation)");
        app.click("#confirm-delete");
        app.wait_for(
            "return ![...document.querySelectorAll('#states .state')].some(e => e.dataset.code === 'MEX')",
            "Mexico gone from the rail",
        );
    });
}

#[test]
fn draft_export_compare_and_restart() {
    let Some((_one, dir, db, app)) = start_on_samples("draft_export_compare_and_restart") else {
        return;
    };
    step("draft a LOIPR for Tajikistan", || {
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
    });
    step("edit question 3 in place", || {
        app.exec(
            "document.querySelectorAll('.question .q-body')[2].click()",
            json!([]),
        );
        app.wait_for(
            "return document.querySelector('textarea.q-edit')",
            "the editor",
        );
        app.exec(
            "document.getElementById('status').textContent = ''; const t = document.querySelector('textarea.q-edit'); t.value = 'Please describe the national migration strategy and its budget.[fn]'; t.dispatchEvent(new Event('input'));",
            json!([]),
        );
        // The status says "Saved" once the edit is committed, not when it is drawn.
        app.wait_for(
            "return document.getElementById('status').textContent.startsWith('Saved')",
            "the edit to be saved",
        );
        app.exec(
            "document.querySelector('textarea.q-edit').blur()",
            json!([]),
        );
        app.wait_for("return document.querySelectorAll('.question .q-body')[2].textContent.startsWith('Please describe the national migration strategy')", "the edited question");
        // The side panel shows what the question asks about, its history and the generated wording.
        let detail = app
            .wait_for_text("const d = document.getElementById('question-detail'); return d && !d.hidden && d.textContent.includes('Generated wording') && d.textContent", "the question's sources");
        assert!(
            detail.starts_with("Question 3")
                && detail.contains("Asks about CMW/C/TJK/CO/2, para. "),
            "{detail}"
        );
        app.screenshot("draft-question-detail");
    });
    step("reorder by button and by keyboard", || {
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
        // By keyboard: Enter on the moved question's "Move down" moves it once more,
        // and the focus stays on that button, so Enter again would move it further.
        let moved = app.exec(
            "return document.querySelectorAll('.question')[1].dataset.id",
            json!([]),
        );
        let moved = moved.as_str().unwrap_or_default();
        app.type_into(
            &format!(".question[data-id=\"{moved}\"] .tool[title=\"Move down\"]"),
            "\u{E007}",
        );
        app.wait_for(
            &format!("const q = document.querySelectorAll('.question')[2]; const a = document.activeElement; return q && q.dataset.id === '{moved}' && a && a.getAttribute('title') === 'Move down' && a.closest('.question') === q"),
            "the question moved by keyboard, its button still focused",
        );
        app.type_into(
            &format!(".question[data-id=\"{moved}\"] .tool[title=\"Move up\"]"),
            "\u{E007}",
        );
        app.wait_for(
            &format!("const q = document.querySelectorAll('.question')[1]; return q && q.dataset.id === '{moved}' && document.activeElement.closest('.question') === q"),
            "the question moved back up by keyboard",
        );
        assert!(app
            .exec(
                "return document.getElementById('counts').textContent",
                json!([])
            )
            .as_str()
            .unwrap_or("")
            .contains("/ 30 questions"));
    });
    step("split a question at the cursor", || {
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
        assert_accessible(&app, "draft");
    });
    step("edit the footnotes", || {
        app.exec("document.querySelectorAll('.question')[1].querySelector('.tool[title=\"Footnotes\"]').click()", json!([]));
        app.wait_for(
            "return document.querySelector('.notes-editor .note-input')",
            "the footnote editor",
        );
        let written = app.exec(
            "return document.querySelector('.notes-editor .note-input').value",
            json!([]),
        );
        assert!(
            written
                .as_str()
                .unwrap_or("")
                .starts_with("CMW/C/TJK/CO/2, para"),
            "{written}"
        );
        app.exec("const i = document.querySelector('.notes-editor .note-input'); i.value = 'CMW/C/TJK/CO/2, paras. 14 and 15'; i.dispatchEvent(new Event('change'));", json!([]));
        app.wait_for(
            "return [...document.querySelectorAll('.footnotes li')][1].textContent.endsWith(', paras. 14 and 15.')",
            "the edited footnote",
        );
        app.exec("[...document.querySelectorAll('.notes-editor button')].find(b => b.textContent === 'Add a footnote').click()", json!([]));
        app.wait_for(
            "return document.querySelectorAll('.notes-editor .note-input').length === 2 && document.querySelectorAll('.question')[1].querySelectorAll('.q-body .note-ref').length === 2",
            "a second footnote",
        );
        app.screenshot("draft-footnotes");
        assert_accessible(&app, "draft (footnotes)");
        app.exec("[...document.querySelectorAll('.notes-editor button')].find(b => b.textContent === 'Done').click()", json!([]));
        app.wait_for(
            "return !document.querySelector('.notes-editor')",
            "the footnote editor to close",
        );
    });
    step("the question menu by keyboard", || {
        app.exec(
            "document.querySelectorAll('.question')[0].querySelector('.q-menu-button').click()",
            json!([]),
        );
        let focused = app.wait_for("const m = document.querySelector('.q-menu'); return m && m.contains(document.activeElement) && document.activeElement.textContent", "the question menu");
        assert_eq!(focused, json!("Edit text"));
        let focused = app.exec("document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowDown', bubbles: true})); return document.activeElement.textContent", json!([]));
        assert_eq!(focused, json!("Footnotes and citations…"));
        let back = app.exec("document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true})); return !document.querySelector('.q-menu') && document.activeElement.classList.contains('q-menu-button')", json!([]));
        assert_eq!(back, json!(true));
    });
    step("move a question to an empty section", || {
        let last = app.exec(
            "const b = document.querySelectorAll('.question .q-body'); return b[b.length - 1].textContent.slice(0, 50)",
            json!([]),
        );
        app.exec("const q = document.querySelectorAll('.question'); q[q.length - 1].querySelector('.q-menu-button').click()", json!([]));
        app.exec("[...document.querySelectorAll('.q-menu [role=menuitem]')].find(b => b.textContent === 'Move to section…').click()", json!([]));
        app.wait_for(
            "return document.querySelectorAll('.q-menu .section-choice').length > 10",
            "the sections",
        );
        app.screenshot("draft-move-menu");
        assert_accessible(&app, "draft (section menu)");
        app.exec("[...document.querySelectorAll('.q-menu .section-choice')].find(b => b.textContent === 'Articles 32 and 33').click()", json!([]));
        app.wait_for(
            &format!("const h = [...document.querySelectorAll('.page .section')].find(h => h.textContent === 'Articles 32 and 33'); const q = h && h.nextElementSibling; return q && q.classList.contains('question') && q.querySelector('.q-body').textContent.slice(0, 50) === {last}"),
            "the question under its new heading",
        );
    });
    step("add a question in the closing section", || {
        app.exec("const s = document.getElementById('add-section'); s.value = [...s.options].find(o => o.textContent.includes('Data, statistics')).value;", json!([]));
        app.click("#add-question");
        app.wait_for(
            "const h = [...document.querySelectorAll('.page .section')]; const q = document.querySelectorAll('.question .q-body'); return h[h.length - 1].textContent.startsWith('III. Data, statistics') && q[q.length - 1].textContent.startsWith('Please provide information')",
            "the question added in the closing section",
        );
    });
    step("coverage", || {
        let coverage = app.exec(
            "return [...document.querySelectorAll('.side-panel p')].map(p => p.textContent).find(t => t.includes('recommendations asked about'))",
            json!([]),
        );
        assert!(
            coverage
                .as_str()
                .is_some_and(|t| t.ends_with(" recommendations asked about.")),
            "{coverage}"
        );
    });
    step("a named version restored", || {
        let questions = "return document.querySelectorAll('.question').length";
        let kept = app.exec(questions, json!([])).as_u64().unwrap_or(0);
        app.exec("const f = document.querySelector('form.version-form'); f.querySelector('#version-name').value = 'Sent to co-rapporteur'; f.requestSubmit();", json!([]));
        app.wait_for(
            "return [...document.querySelectorAll('.versions li')].some(li => li.textContent.startsWith('Sent to co-rapporteur') && li.textContent.includes(' q.'))",
            "the saved version in the list",
        );
        app.exec("const q = document.querySelectorAll('.question'); q[q.length - 1].querySelector('.q-menu-button').click(); [...document.querySelectorAll('.q-menu [role=menuitem]')].find(b => b.textContent === 'Delete').click();", json!([]));
        app.wait_for(
            &format!(
                "return document.querySelectorAll('.question').length === {}",
                kept - 1
            ),
            "the question deleted",
        );
        app.screenshot("draft-versions");
        app.exec("[...document.querySelectorAll('.versions li')].find(li => li.textContent.startsWith('Sent to co-rapporteur')).querySelector('button').click()", json!([]));
        app.wait_for(
            &format!("return document.querySelectorAll('.question').length === {kept} && document.getElementById('status').textContent.startsWith('Restored')"),
            "the version restored",
        );
        let timings = app.exec("return window.loiTimings", json!([]));
        println!("editor actions: {timings}");
    });
    step("export to Word", || {
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
    });
    step("copy to the clipboard", || {
        if support::webdriver::on_path("xclip") {
            app.click("#copy-draft");
            app.wait_for(
                "return document.getElementById('status').textContent.startsWith('Copied')",
                "the copy",
            );
            let clip = |target: &str| {
                let out = std::process::Command::new("xclip")
                    .args(["-o", "-selection", "clipboard", "-t", target])
                    .env("DISPLAY", &app.display)
                    .output()
                    .expect("xclip");
                String::from_utf8_lossy(&out.stdout).into_owned()
            };
            let targets = clip("TARGETS");
            assert!(targets.contains("text/html"), "{targets}");
            let plain = clip("UTF8_STRING");
            assert!(
                plain.contains(
                    "List of issues prior to submission of the third periodic report of Tajikistan"
                ) && plain.contains("Please describe the national migration strategy"),
                "{plain}"
            );
            let html = clip("text/html");
            assert!(html.contains("<sup>") || html.contains("<ol"), "{html}");
            // Copied with the citations written in the text instead of footnotes.
            app.exec("const s = document.getElementById('export-citations'); s.value = 'inline'; s.dispatchEvent(new Event('change')); document.getElementById('status').textContent = '';", json!([]));
            app.click("#copy-draft");
            app.wait_for(
                "return document.getElementById('status').textContent.startsWith('Copied')",
                "the copy with citations in the text",
            );
            let plain = clip("UTF8_STRING");
            assert!(
                plain.contains("concluding observations (see CMW/C/TJK/CO/2, para. ")
                    && !plain.contains("[1]"),
                "{plain}"
            );
            app.exec("const s = document.getElementById('export-citations'); s.value = 'footnote'; s.dispatchEvent(new Event('change'));", json!([]));
        } else if strict() {
            panic!("xclip is needed to check the clipboard (scripts/setup.sh test installs it)");
        }
    });
    step("compare with the stored list and with a file", || {
        app.click("#tab-compare");
        app.exec(
            "const s = document.getElementById('compare-old'); if (s) { s.value = [...s.options].find(o => o.textContent.includes('CMW/C/TJK/Q/3')).value; s.dispatchEvent(new Event('change')); }",
            json!([]),
        );
        let summary = app
            .wait_for_text("const s = document.getElementById('compare-summary'); return s && document.getElementById('compare-old').selectedOptions[0].textContent.includes('CMW/C/TJK/Q/3') && s.textContent", "the comparison");
        assert!(summary.starts_with("kept "), "{summary}");
        app.screenshot("compare");
        // The comparison as Word tracked changes, through the command the save dialog leads to.
        let tracked = dir.path().join("comparison.docx");
        let written = app.exec_async(
            "const done = arguments[arguments.length - 1]; window.__TAURI__.core.invoke('export_comparison', {old: document.getElementById('compare-old').value, new: document.getElementById('compare-new').value, path: arguments[0], author: 'Rapporteur'}).then(() => done('ok'), e => done('error: ' + e.message));",
            json!([tracked.to_str().unwrap()]),
        );
        assert_eq!(written, json!("ok"));
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&tracked).unwrap()).unwrap();
        let mut document = String::new();
        std::io::Read::read_to_string(
            &mut zip.by_name("word/document.xml").unwrap(),
            &mut document,
        )
        .unwrap();
        assert!(
            document.contains("<w:ins ")
                && document.contains("<w:del ")
                && document.contains("w:author=\"Rapporteur\""),
            "tracked changes in the comparison"
        );

        // Compare with a file on disk (the seed list itself), read on the fly.
        let seed_list = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("seeds")
            .read_dir()
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("003"))
            })
            .expect("seed 003");
        app.exec(
            "window.loiCompareFile(arguments[0])",
            json!([seed_list.to_str().unwrap()]),
        );
        let from_file = app
            .wait_for_text("const s = document.getElementById('compare-summary'); const o = document.getElementById('compare-old'); return s && o.selectedOptions[0].textContent.startsWith('File: 003') && s.textContent", "the comparison with a file");
        assert_eq!(from_file, summary, "the file reads as the stored list does");
        assert_accessible(&app, "compare");
    });
    let window_state = App::profile_dir(&db)
        .join("config")
        .join("org.loidrafter.desktop")
        .join(".window-state.json");
    step("the window's size saved soon after it changes", || {
        // Saved shortly after it changes, not only on a clean exit: the file says so
        // before the app is killed.
        app.set_window_size(1100, 760);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            let saved = std::fs::read_to_string(&window_state).unwrap_or_default();
            let saved: serde_json::Value = serde_json::from_str(&saved).unwrap_or_default();
            if saved["main"]["width"] == json!(1100) && saved["main"]["height"] == json!(760) {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the window's size was not saved in {}: {saved}",
                window_state.display()
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    });
    step("the app killed without closing", || {
        app.kill_app(app_binary());
    });
    drop(app);
    let app = step("start the app again", || App::start(app_binary(), &db));
    step(
        "after a restart: the window's size, the last view, the edit",
        || {
            app.wait_for(
                "return document.querySelectorAll('#states .state').length >= 3",
                "the State parties after a restart",
            );
            let (_, _, width, height) = app.window_rect();
            assert_eq!(
                (width, height),
                (1100, 760),
                "the window size after a restart"
            );
            // The last view and State party are remembered.
            app.wait_for(
            "return !document.getElementById('view-compare').hidden && document.querySelector('#states .state[aria-selected=true]').dataset.code === 'TJK'",
            "the comparison of Tajikistan's lists after a restart",
        );
            app.exec("[...document.querySelectorAll('#states .state')].find(e => e.dataset.code === 'TJK').click()", json!([]));
            app.click("#tab-draft");
            app.wait_for(
            "return [...document.querySelectorAll('.question .q-body')].some(b => b.textContent.startsWith('Please describe the national migration strategy')) && [...document.querySelectorAll('.question .q-body')].some(b => b.textContent.startsWith('and its budget.'))",
            "the edit after a restart",
        );
            app.screenshot("draft-after-restart");
        },
    );
}
