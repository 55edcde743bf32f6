//! The real window shows what came after a recommendation: on the samples,
//! the questions experts asked in the dialogue on its topic, each a dot of the
//! recommendation's timeline that opens on its text; with a report of the
//! State party (written here in the layout of a State report), the paragraph
//! that says it answers a recommendation, which one click adds to the draft
//! question as a sentence in the committee's words, cited in a footnote.

mod support;

use serde_json::json;
use support::window::{assert_accessible, start_on_samples, step};

#[test]
fn a_recommendations_timeline_shows_its_sources() {
    let Some((_one, _dir, _db, app)) =
        start_on_samples("a_recommendations_timeline_shows_its_sources")
    else {
        return;
    };
    step(
        "Kyrgyzstan's consular assistance with the dialogue's question",
        || {
            app.exec(
            "[...document.querySelectorAll('#states .state')].find(e => e.dataset.code === 'KGZ').click()",
            json!([]),
        );
            app.click("#tab-recommendations");
            app.wait_for(
                "return document.querySelectorAll('.rec-card').length > 20",
                "Kyrgyzstan's recommendations",
            );
            app.exec(
                "document.querySelector('.rec-card[aria-label=\"Paragraph 32\"]').click()",
                json!([]),
            );
            let panel = app.wait_for_text(
            "const a = document.querySelector('#view-recommendations .side-panel'); return a && a.textContent.includes('Asked in the dialogue') && a.innerText",
            "the dialogue's question in the timeline",
        );
            assert!(panel.contains("CMW/C/KGZ/CO/2, para. 32"), "{panel}");
            // The question's text opens from its dot.
            assert_eq!(
            app.exec(
                "const d = [...document.querySelectorAll('.timeline li.dialogue details')].find(d => d.textContent.includes('consular offices')); if (!d) return 'none'; const was = d.open; d.querySelector('summary').click(); return [was, d.open]",
                json!([])
            ),
            json!([false, true])
        );
            // The picture of its cycles: the dialogue's question is a dot of
            // the current cycle that opens the question below.
            assert_eq!(
                app.exec(
                    "const aside = document.querySelector('#view-recommendations .side-panel'); const list = aside.querySelector('.timeline'); const d = [...list.querySelectorAll('li.dialogue details')].find(d => d.textContent.includes('consular offices')); d.open = false; const dot = [...aside.querySelectorAll('.cycle-stage.now .cycle-dot.dialogue')].find(b => list.children[Number(b.dataset.step)].contains(d)); if (!dot) return 'no dot'; dot.click(); return [aside.querySelectorAll('.cycle-stage').length >= 2, d.open]",
                    json!([])
                ),
                json!([true, true])
            );
            assert_accessible(&app, "Recommendations (timeline)");
            app.exec(
                "const a = document.querySelector('#view-recommendations .side-panel'); a.scrollTop = 0; a.scrollIntoView({block: 'start'})",
                json!([]),
            );
            app.screenshot("recommendation-sources");
        },
    );
    step(
        "a paragraph of Tajikistan's report added to a draft question",
        || {
            let report = _dir.path().join("Tajikistan third report.txt");
            std::fs::write(&report, TJK_REPORT).unwrap();
            app.exec(
                "window.loiImportPaths([arguments[0]])",
                json!([report.to_str().unwrap()]),
            );
            app.wait_for(
            "const s = document.getElementById('sheet'); return !s.hidden && !document.getElementById('sheet-close').disabled",
            "the report imported",
        );
            app.click("#sheet-close");
            app.exec(
            "[...document.querySelectorAll('#states .state')].find(e => e.dataset.code === 'TJK').click()",
            json!([]),
        );
            app.click("#tab-recommendations");
            app.wait_for(
            "const t = document.querySelector('#view-recommendations .view-title'); const b = document.getElementById('draft-button'); return t && t.textContent.includes('CMW/C/TJK/CO/2') && b && b.textContent.includes('(')",
            "Tajikistan's recommendations",
        );
            app.exec("document.getElementById('draft-button').click()", json!([]));
            app.wait_for(
            "return !document.getElementById('view-draft').hidden && document.querySelectorAll('.question').length > 20",
            "the draft",
        );
            app.exec(
            "[...document.querySelectorAll('.question')].find(q => /deprived of liberty or are subjected to an expulsion order|consular assistance and international cooperation/i.test(q.textContent)).querySelector('.q-body').click()",
            json!([]),
        );
            app.wait_for(
                "return document.querySelector('#question-detail .cite-source')",
                "the report's paragraph beside the question",
            );
            app.screenshot("draft-report-source");
            app.exec(
                "document.querySelector('#question-detail .cite-source').click()",
                json!([]),
            );
            let text = app.wait_for_text(
            "const q = [...document.querySelectorAll('.question')].find(q => /deprived of liberty or are subjected to an expulsion order|consular assistance and international cooperation/i.test(q.textContent)); const t = q && q.querySelector('.q-body').textContent; return t && t.includes('Further to') && t",
            "the sentence added",
        );
            assert!(
            text.contains("Further to the information provided in paragraph 2 of the State party's report,"),
            "{text}"
        );
            let notes = app.exec(
            "return [...document.querySelectorAll('.footnotes li, #footnotes li')].map(e => e.textContent).filter(t => t.includes('CMW/C/TJK/3'))",
            json!([]),
        );
            println!("footnotes citing the report: {notes}");
        },
    );
}

/// A State party report in the layout of the CMW's: symbol, title, numbered
/// paragraphs, one of which says which recommendation it answers.
const TJK_REPORT: &str = "United Nations\tCMW/C/TJK/3
International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families
Distr.: General
2 May 2024
Original: Russian
Committee on the Protection of the Rights of All Migrant Workers and Members of Their Families
Third periodic report submitted by Tajikistan under article 73 of the Convention, due in 2024
1. The present report was prepared by the Ministry of Labour, Migration and Employment with the participation of the ministries concerned.
2. In line with paragraph 37 of the concluding observations, the State party opened two consulates general in the Russian Federation, increased the staff of its embassies and consulates and trained consular officials on the Convention.
3. The State party continued to cooperate with civil society organizations on the reintegration of returning migrant workers.
";
