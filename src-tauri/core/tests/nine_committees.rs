//! A draft for a State party of each of the nine committees, made through the
//! library from that committee's concluding observations, exported to Word
//! and read back by our own importer: the same committee, title, symbol,
//! opening and questions. The concluding observations are the CMW samples,
//! the documents of `tests/documents/` (written in the layouts of CAT, CCPR,
//! CEDAW, CERD, CESCR and CRC) and two written here in the layouts of CED and
//! CRPD.

use loi_core::committees::canonical;
use loi_core::draft::{self, NewDraft};
use loi_core::export::{self, ExportFormat, ExportOptions};
use loi_core::issue_list::issue_list_from_document;
use loi_core::library::{Library, MetadataOverrides};
use loi_core::model::DocumentKind;
use loi_core::parse::parse_text;

const CED_CO: &str = "United Nations\tCED/C/PER/CO/1
International Convention for the Protection of All Persons from Enforced Disappearance
Distr.: General
14 November 2019
Original: English
Committee on Enforced Disappearances
Concluding observations on the report submitted by Peru under article 29, paragraph 1, of the Convention
I. Introduction
1. The Committee welcomes the report submitted by Peru under article 29, paragraph 1, of the Convention.
II. Positive aspects
2. The Committee welcomes the ratification by the State party of all the core United Nations human rights instruments.
III. Principal subjects of concern and recommendations
Definition and criminalization of enforced disappearance (arts. 1–7)
3. The Committee notes with concern that the definition of enforced disappearance in the Criminal Code is not in line with article 2 of the Convention.
4. The Committee recommends that the State party amend the Criminal Code to bring the definition of enforced disappearance into line with article 2 of the Convention.
Search for disappeared persons (arts. 12 and 24)
5. The Committee is concerned at the slow pace of the search for persons who disappeared between 1980 and 2000.
6. The Committee recommends that the State party allocate adequate resources to the search for disappeared persons and ensure that their relatives take part in the search.
";

const CRPD_CO: &str = "United Nations\tCRPD/C/NZL/CO/1
Convention on the Rights of Persons with Disabilities
Distr.: General
31 October 2014
Original: English
Committee on the Rights of Persons with Disabilities
Concluding observations on the initial report of New Zealand
I. Introduction
1. The Committee considered the initial report of New Zealand at its 150th and 151st meetings.
II. Positive aspects
2. The Committee welcomes the adoption of the Disability Strategy.
III. Principal areas of concern and recommendations
A. General principles and obligations (arts. 1–4)
3. The Committee is concerned that persons with disabilities are not consulted on laws and policies that concern them.
4. The Committee recommends that the State party ensure the full participation of organizations of persons with disabilities in the design of laws and policies.
B. Specific rights (arts. 5–30)
Accessibility (art. 9)
5. The Committee notes with concern the lack of accessible public transport in rural areas.
6. The Committee recommends that the State party adopt time-bound targets for the accessibility of public transport.
";

fn test_document(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/documents")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn a_draft_of_each_committee_exports_and_reads_back_as_the_same_list() {
    let mut lib = Library::open_in_memory().expect("library");
    lib.ensure_seeded().expect("samples");
    let files = [
        ("cat_co.layout.txt", test_document("cat_co.layout.txt")),
        ("ccpr_co.pdf.txt", test_document("ccpr_co.pdf.txt")),
        ("cedaw_co.txt", test_document("cedaw_co.txt")),
        ("cerd_co.txt", test_document("cerd_co.txt")),
        ("cescr_co.pdf.txt", test_document("cescr_co.pdf.txt")),
        ("crc_co.txt", test_document("crc_co.txt")),
        ("ced_co.txt", CED_CO.to_string()),
        ("crpd_co.txt", CRPD_CO.to_string()),
    ];
    for (name, text) in &files {
        lib.import_bytes(name, text.as_bytes(), &MetadataOverrides::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    // State party, committee as users name it.
    let cases = [
        ("TJK", "CMW"),
        ("MNG", "CAT"),
        ("BLZ", "CCPR"),
        ("URY", "CEDAW"),
        ("URY", "CERD"),
        ("MAR", "E/C.12"),
        ("GHA", "CRC"),
        ("PER", "CED"),
        ("NZL", "CRPD"),
    ];
    for (state, committee) in cases {
        let draft = draft::new_draft(
            &mut lib,
            &NewDraft {
                state: state.into(),
                committee: Some(committee.into()),
                ..Default::default()
            },
        )
        .unwrap_or_else(|e| panic!("{committee} {state}: {e}"));
        assert_eq!(draft.committee, canonical(committee));
        let view = draft::view(&mut lib, draft.id).unwrap();
        assert!(
            view.symbol.starts_with(if committee == "E/C.12" {
                "E/C.12/"
            } else {
                committee
            }) && view.symbol.contains(&format!("/{state}/")),
            "{committee}: {}",
            view.symbol
        );
        assert!(
            view.title.contains("List of issues"),
            "{committee}: {}",
            view.title
        );
        assert!(
            !view.questions.is_empty(),
            "{committee} {state}: no question"
        );
        let list = draft::issue_list(&mut lib, draft.id).unwrap();
        let docx = export::export(&list, ExportFormat::Docx, &ExportOptions::default()).unwrap();
        let text = loi_core::import::extract_text("list.docx", &docx)
            .unwrap()
            .text;
        let doc = parse_text(&text);
        let back = issue_list_from_document(&doc);
        let who = format!("{committee} {state} ({})", view.symbol);
        assert_eq!(
            doc.kind,
            DocumentKind::ListOfIssuesPriorToReporting,
            "{who}"
        );
        assert_eq!(doc.symbol.as_deref(), Some(view.symbol.as_str()), "{who}");
        assert_eq!(
            doc.committee.as_deref().map(canonical),
            Some(canonical(committee)),
            "{who}"
        );
        assert_eq!(
            doc.state.as_ref().map(|s| s.code.as_str()),
            Some(state),
            "{who}"
        );
        assert_eq!(back.title.as_deref(), Some(view.title.as_str()), "{who}");
        assert_eq!(back.intro, list.intro, "{who}: the opening");
        // The committee's opening paragraph, where its lists have one (CAT's,
        // the Human Rights Committee's and CEDAW's lists prior to reporting
        // open with their first heading).
        let opens = loi_core::draft::profile_for(committee)
            .unwrap()
            .loipr_opening
            .is_some();
        assert_eq!(
            !list.intro.is_empty(),
            opens,
            "{who}: the opening paragraph"
        );
        assert_eq!(back.questions.len(), list.questions.len(), "{who}");
        for (a, b) in list.questions.iter().zip(&back.questions) {
            assert_eq!(a.number, b.number, "{who}");
            assert_eq!(a.text, b.text, "{who}: question {}", a.number);
            assert_eq!(a.subitems, b.subitems, "{who}: question {}", a.number);
        }
        assert_eq!(back.footnotes(), list.footnotes(), "{who}");
    }
}
