//! The real window with the Arabic version of a concluding observations (a
//! document written for the test in the layout the Arabic PDFs give once read
//! right to left): its recommendations are listed, and their text reads from
//! the right, as Arabic does, beside English text that reads from the left.

mod support;

use serde_json::json;
use support::window::{start_on_samples, step};

const ARABIC_CO: &str = "CEDAW/C/JOR/CO/7\n\nالملاحظات الختامية بشأن التقرير الدوري السابع للأردن\n\nأولاً-  مقدمة\n\n1-  نظرت اللجنة في التقرير الدوري السابع للأردن.\n\nثالثاً-  دواعي القلق الرئيسية والتوصيات\n\n2-  تلاحظ اللجنة بقلق عدم وجود تعريف شامل للتمييز ضد المرأة في التشريعات الوطنية.\n\n3-  توصي اللجنة الدولة الطرف بما يلي:\n\n (أ)  اعتماد تعريف شامل للتمييز ضد المرأة يتفق مع المادة 1 من الاتفاقية؛\n\n (ب)  سحب تحفظاتها على المادتين 9 و16 من الاتفاقية.\n";

#[test]
fn arabic_text_reads_from_the_right() {
    let Some((_one, dir, _db, app)) = start_on_samples("arabic_text_reads_from_the_right") else {
        return;
    };
    step("the Arabic version imported, with a note", || {
        let file = dir.path().join("CEDAW_C_JOR_CO_7 Arabic.txt");
        std::fs::write(&file, ARABIC_CO).unwrap();
        app.exec(
            "window.loiImportPaths([arguments[0]])",
            json!([file.to_str().unwrap()]),
        );
        let sheet = app.wait_for_text(
            "const s = document.getElementById('sheet'); return !s.hidden && !document.getElementById('sheet-close').disabled && s.innerText",
            "the import's result",
        );
        assert!(sheet.contains("imported"), "{sheet}");
        assert!(sheet.contains("Arabic"), "{sheet}");
        app.click("#sheet-close");
    });
    step("its recommendation reads from the right", || {
        app.click("#states .state[data-code=JOR]");
        app.click("#tab-recommendations");
        app.wait_for(
            "return document.querySelectorAll('.rec-card').length === 1",
            "Jordan's one recommendation",
        );
        // Where the first line of each text starts: an Arabic one at the
        // right of its box, an English one at the left.
        let sides = app.exec(
            "const side = (e) => { const r = document.createRange(); r.selectNodeContents(e); const line = r.getClientRects()[0]; const box = e.getBoundingClientRect(); return { left: line.left - box.left, right: box.right - line.right, text: e.textContent.slice(0, 40) }; };
             return [...document.querySelectorAll('.rec-card p.document-text')].map(side);",
            json!([]),
        );
        println!("{sides}");
        let sides = sides.as_array().cloned().unwrap_or_default();
        assert!(!sides.is_empty(), "no recommendation text");
        for s in &sides {
            let (left, right) = (
                s["left"].as_f64().unwrap_or(0.0),
                s["right"].as_f64().unwrap_or(0.0),
            );
            assert!(
                right < 2.0 && left > right,
                "Arabic text starts at the right: {s}"
            );
        }
        // The sub-paragraphs' labels ("(a)", as the English version cites
        // them) stand at the right, where an Arabic item starts (after its
        // checkbox), and the items stay inside their card.
        let labels = app.exec(
            "const card = document.querySelector('.rec-card').getBoundingClientRect();
             return [...document.querySelectorAll('.rec-card .subparagraphs li')].map(li => { const b = li.getBoundingClientRect(); const l = li.querySelector('.label').getBoundingClientRect(); const box = li.querySelector('input').getBoundingClientRect(); return { label_from_right: b.right - l.right, box_from_right: b.right - box.right, inside: box.right <= card.right && b.left >= card.left }; });",
            json!([]),
        );
        println!("{labels}");
        let labels = labels.as_array().cloned().unwrap_or_default();
        assert_eq!(labels.len(), 2, "{labels:?}");
        for l in &labels {
            let label = l["label_from_right"].as_f64().unwrap_or(99.0);
            let box_ = l["box_from_right"].as_f64().unwrap_or(99.0);
            assert!(box_ <= 4.0 && label < 30.0, "label not at the right: {l}");
            assert_eq!(l["inside"], true, "item outside its card: {l}");
        }
        // A document with no clusters offers no cluster filter.
        let filter = app.exec(
            "return document.getElementById('filter-cluster') === null",
            json!([]),
        );
        assert_eq!(
            filter,
            json!(true),
            "a cluster filter with nothing to choose"
        );
        app.screenshot("arabic-recommendation");
    });
    step("English text beside it still reads from the left", || {
        app.click("#states .state[data-code=KGZ]");
        app.click("#tab-recommendations");
        app.wait_for(
            "return document.querySelectorAll('.rec-card').length > 10",
            "Kyrgyzstan's recommendations",
        );
        let left = app.exec(
            "const e = document.querySelector('.rec-card .document-text'); const r = document.createRange(); r.selectNodeContents(e); return r.getClientRects()[0].left - e.getBoundingClientRect().left;",
            json!([]),
        );
        assert!(
            left.as_f64().unwrap_or(99.0) < 2.0,
            "English starts at the left: {left}"
        );
    });
}
