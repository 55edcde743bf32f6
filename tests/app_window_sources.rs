//! The real window shows what came after a recommendation: on the samples,
//! the questions experts asked in the dialogue on its topic, each a dot of the
//! recommendation's timeline that opens on its text.

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
            assert_accessible(&app, "Recommendations (timeline)");
            app.exec(
                "document.querySelector('.timeline li.dialogue').scrollIntoView({block: 'center'})",
                json!([]),
            );
            app.screenshot("recommendation-sources");
        },
    );
}
