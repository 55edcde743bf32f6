//! The real window with documents of two committees on one State party: the
//! rail groups State parties by committee, the Recommendations view offers the
//! committee's own kinds of list, limits and citation style, and a draft
//! question shows what the other committee asked the State party on the same
//! topic, with a way to read it in its document.
//!
//! The other committee's document is a list of issues written in CEDAW's
//! layout (the samples are CMW's, and a Mexican document of no committee).

mod support;

use serde_json::json;
use support::window::{assert_accessible, start_on_samples, step};

const CEDAW_LIST: &str = "United Nations\tCEDAW/C/TJK/Q/7
Convention on the Elimination of All Forms of Discrimination against Women
Distr.: General
10 March 2023
Original: English
Committee on the Elimination of Discrimination against Women
List of issues and questions in relation to the seventh periodic report of Tajikistan
Stereotypes
1. Please describe the measures taken to eliminate discriminatory gender stereotypes in school textbooks and in the media.
Trafficking and exploitation of prostitution
2. Please provide information on the functioning of the national referral mechanism for victims of trafficking in persons, the support and assistance provided to women and girls who are victims of trafficking, and the investigation and prosecution of officials complicit in human trafficking offences.
";

#[test]
fn several_committees_in_one_library() {
    let Some((_one, dir, _db, app)) = start_on_samples("several_committees_in_one_library") else {
        return;
    };
    step(
        "a CEDAW list of issues imported beside CMW's documents",
        || {
            let file = dir.path().join("CEDAW list of issues Tajikistan.txt");
            std::fs::write(&file, CEDAW_LIST).unwrap();
            app.exec(
                "window.loiImportPaths([arguments[0]])",
                json!([file.to_str().unwrap()]),
            );
            let sheet = app.wait_for_text(
            "const s = document.getElementById('sheet'); return !s.hidden && !document.getElementById('sheet-close').disabled && s.innerText",
            "the import's result",
        );
            assert!(sheet.contains("imported"), "{sheet}");
            app.click("#sheet-close");
            app.wait_for(
                "return document.querySelectorAll('#states .rail-group').length === 3",
                "the rail grouped by committee",
            );
            let rail = app.exec(
            "return [...document.querySelectorAll('#states li')].map(e => e.classList.contains('rail-group') ? '# ' + e.textContent : e.dataset.code + '/' + e.dataset.committee)",
            json!([]),
        );
            let rail: Vec<String> = serde_json::from_value(rail).unwrap();
            assert_eq!(rail[0], "# CEDAW");
            assert_eq!(rail[1], "TJK/CEDAW");
            assert_eq!(rail[2], "# CMW");
            assert!(rail[3..].contains(&"KGZ/CMW".to_string()), "{rail:?}");
            assert!(rail[3..].contains(&"TJK/CMW".to_string()), "{rail:?}");
            assert!(!rail.contains(&"KGZ/CEDAW".to_string()), "{rail:?}");
            // The samples' Mexican document says no committee's name.
            assert_eq!(
                rail[rail.len() - 2..],
                ["# Other documents", "MEX/undefined"]
            );
            app.screenshot("rail-by-committee");
        },
    );
    step(
        "CMW's recommendations with CMW's kinds, limits and style",
        || {
            app.click("#states .state[data-code=TJK][data-committee=CMW]");
            app.click("#tab-recommendations");
            app.wait_for(
            "return document.querySelectorAll('.rec-card').length > 10 && document.getElementById('committee-name')",
            "Tajikistan's CMW recommendations",
        );
            let name = app.exec(
                "return document.getElementById('committee-name').textContent",
                json!([]),
            );
            assert!(
                name.as_str().unwrap_or("").contains("Migrant Workers"),
                "{name}"
            );
            let kinds = app.exec(
            "return [...document.querySelectorAll('#draft-kind option')].map(o => o.textContent)",
            json!([]),
        );
            assert_eq!(
                kinds,
                json!([
                    "List of issues prior to reporting (at most 30 questions)",
                    "List of issues (at most 30 questions)"
                ])
            );
            let style = app.exec(
            "const s = document.getElementById('draft-style'); return s.value + ' ' + s.selectedOptions[0].textContent",
            json!([]),
        );
            assert_eq!(style, json!("footnote Citations in footnotes (CMW's)"));
            assert_accessible(&app, "Recommendations (several committees)");
            app.screenshot("recommendations-committee");
        },
    );
    step(
        "the CEDAW entry has no CEDAW concluding observations",
        || {
            app.click("#states .state[data-code=TJK][data-committee=CEDAW]");
            app.wait_for(
            "const e = document.querySelector('#view-recommendations .empty'); return e && e.textContent.includes('of CEDAW')",
            "no CEDAW concluding observations",
        );
            app.click("#states .state[data-code=TJK][data-committee=CMW]");
            app.wait_for(
                "return document.querySelectorAll('.rec-card').length > 10",
                "back to CMW's",
            );
        },
    );
    step("a CMW draft shows what CEDAW asked on trafficking", || {
        app.wait_for(
            "const b = document.getElementById('draft-button'); return b && b.textContent.includes('(')",
            "the draft button",
        );
        app.click("#draft-button");
        app.wait_for(
            "return !document.getElementById('view-draft').hidden && document.querySelectorAll('.question').length > 20",
            "the draft",
        );
        app.exec(
            "[...document.querySelectorAll('.question')].find(q => /national referral mechanism/i.test(q.textContent)).querySelector('.q-body').click()",
            json!([]),
        );
        let detail = app.wait_for_text(
            "const d = document.getElementById('question-detail'); return d && !d.hidden && d.textContent.includes('Asked by other committees') && d.textContent",
            "the other committee's question",
        );
        assert!(
            detail.contains("CEDAW asked about this in CEDAW/C/TJK/Q/7, question 2, 2023"),
            "{detail}"
        );
        assert!(!detail.contains("question 1,"), "{detail}");
        // The draft in progress is CMW's: the dot marks CMW's Tajikistan only.
        assert_eq!(
            app.exec(
                "return [...document.querySelectorAll('#states .state[data-code=TJK]')].map(e => e.dataset.committee + ':' + !!e.querySelector('.dot'))",
                json!([])
            ),
            json!(["CEDAW:false", "CMW:true"])
        );
        assert_accessible(&app, "Draft (several committees)");
        app.screenshot("draft-overlaps");
        app.click(".overlap button");
        let sheet = app.wait_for_text(
            "const s = document.getElementById('sheet'); const h = s && s.querySelector('.here'); return !s.hidden && h && h.textContent",
            "the CEDAW question in its document",
        );
        assert!(sheet.contains("national referral mechanism"), "{sheet}");
        assert_eq!(
            app.exec(
                "return document.getElementById('sheet-title').textContent",
                json!([])
            ),
            json!("CEDAW/C/TJK/Q/7, question 2")
        );
        app.screenshot("overlap-in-its-document");
        app.click("#sheet-close");
    });
}
