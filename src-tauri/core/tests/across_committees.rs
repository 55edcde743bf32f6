//! A library of several committees: a draft belongs to one committee and is
//! made from that committee's concluding observations; the questions other
//! committees recently put to the same State party are found beside the
//! draft's questions on the same topic (`overlaps`); a real list of any
//! committee is scored against the questions generated for the paragraphs it
//! cites (`evaluation`).
//!
//! The other committee's documents are written here in the layout of CEDAW's
//! lists of issues and concluding observations (a symbol on the first line,
//! the committee's name, "List of issues and questions in relation to …",
//! theme headings, numbered questions): the seeds hold CMW's documents on
//! Tajikistan, these CEDAW's.

use loi_core::draft::{self, NewDraft};
use loi_core::library::{Library, MetadataOverrides};
use loi_core::model::{DocumentKind, ParagraphKind};
use loi_core::{evaluation, overlaps, Error};

const CEDAW_LIST: &str = "United Nations\tCEDAW/C/TJK/Q/7
Convention on the Elimination of All Forms of Discrimination against Women
Distr.: General
10 March 2023
Original: English
Committee on the Elimination of Discrimination against Women
List of issues and questions in relation to the seventh periodic report of Tajikistan
Constitutional, legislative and policy framework
1. Please provide information on the steps taken to adopt comprehensive anti-discrimination legislation that defines discrimination against women, covering both direct and indirect discrimination in the public and private spheres.
Stereotypes
2. Please describe the measures taken to eliminate discriminatory gender stereotypes in school textbooks and in the media, and to raise awareness of the equal sharing of domestic responsibilities between women and men.
Trafficking and exploitation of prostitution
3. Please provide information on the functioning of the national referral mechanism for victims of trafficking in persons, the support and assistance provided to women and girls who are victims of trafficking, and the investigation and prosecution of officials complicit in human trafficking offences.
Women migrant workers
4. Please indicate the measures taken to strengthen consular assistance and protection by the embassies and consulates of the State party for Tajik women migrant workers abroad, in particular those deprived of liberty or subject to expulsion orders.
Participation in political and public life
5. Please indicate the measures taken to increase the representation of women in decision-making positions in the judiciary and the diplomatic service.
";

fn library() -> Library {
    let mut lib = Library::open_in_memory().expect("library");
    lib.ensure_seeded().expect("samples");
    lib
}

fn import_cedaw_list(lib: &mut Library) -> i64 {
    let outcome = lib
        .import_bytes(
            "CEDAW_C_TJK_Q_7.txt",
            CEDAW_LIST.as_bytes(),
            &MetadataOverrides::default(),
        )
        .expect("import");
    let id = outcome.document().id;
    let doc = lib.document(id).expect("stored");
    assert_eq!(doc.symbol.as_deref(), Some("CEDAW/C/TJK/Q/7"));
    assert_eq!(doc.committee.as_deref(), Some("CEDAW"));
    assert_eq!(doc.kind, DocumentKind::ListOfIssues);
    let questions: Vec<&str> = doc
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Question)
        .filter_map(|p| p.number.as_deref())
        .collect();
    assert_eq!(questions, ["1", "2", "3", "4", "5"]);
    id
}

#[test]
fn other_committees_questions_on_the_same_topic_are_found_beside_a_draft() {
    let mut lib = library();
    let cedaw = import_cedaw_list(&mut lib);
    let draft = draft::new_draft(
        &mut lib,
        &NewDraft {
            state: "TJK".into(),
            committee: Some("CMW".into()),
            ..Default::default()
        },
    )
    .expect("draft");
    let view = draft::view(&mut lib, draft.id).expect("view");
    let found = overlaps::of_draft(&mut lib, draft.id).expect("overlaps");
    for o in &found {
        println!(
            "Q{} ↔ {} {} q{:?} {:.3}",
            o.question,
            o.committee,
            o.symbol.as_deref().unwrap_or("?"),
            o.paragraph,
            o.score
        );
    }
    // Every overlap is another committee's and points at a stored question.
    assert!(found.iter().all(|o| o.committee == "CEDAW"
        && o.document_id == cedaw
        && o.kind == ParagraphKind::Question
        && o.year == Some(2023)));
    let asks = |para: &str| -> u32 {
        view.questions
            .iter()
            .find(|q| {
                q.sources
                    .iter()
                    .any(|s| s.paragraph.as_deref() == Some(para))
            })
            .unwrap_or_else(|| panic!("no draft question asks about para. {para}"))
            .number
    };
    let best_for = |question: u32| -> Option<&str> {
        found
            .iter()
            .find(|o| o.question == question)
            .and_then(|o| o.paragraph.as_deref())
    };
    // Trafficking (CMW/C/TJK/CO/2 para. 53) ↔ CEDAW question 3; consular
    // assistance (para. 37) ↔ CEDAW question 4.
    assert_eq!(best_for(asks("53")), Some("3"));
    assert_eq!(best_for(asks("37")), Some("4"));
    // CEDAW's questions on stereotypes and on women in the judiciary match no
    // CMW question, and the declarations under articles 76 and 77 (para. 13)
    // match nothing CEDAW asked.
    assert!(!found
        .iter()
        .any(|o| matches!(o.paragraph.as_deref(), Some("2") | Some("5"))));
    assert_eq!(best_for(asks("13")), None);
}

#[test]
fn a_draft_is_made_from_its_own_committees_observations() {
    let mut lib = library();
    import_cedaw_list(&mut lib);
    // CMW's (the seeds) by default and when asked for, by code or alias.
    let d = draft::new_draft(
        &mut lib,
        &NewDraft {
            state: "TJK".into(),
            committee: Some("cmw".into()),
            ..Default::default()
        },
    )
    .expect("CMW draft");
    assert_eq!(d.committee, "CMW");
    assert_eq!(d.source_symbol.as_deref(), Some("CMW/C/TJK/CO/2"));
    // The library holds no CEDAW concluding observations on Tajikistan.
    match draft::new_draft(
        &mut lib,
        &NewDraft {
            state: "TJK".into(),
            committee: Some("CEDAW".into()),
            ..Default::default()
        },
    ) {
        Err(Error::NotFound(m)) => assert!(m.contains("CEDAW"), "{m}"),
        other => panic!("{other:?}"),
    }
    // Concluding observations named with --from must be the committee's.
    match draft::new_draft(
        &mut lib,
        &NewDraft {
            state: "TJK".into(),
            committee: Some("CEDAW".into()),
            from: Some("CMW/C/TJK/CO/2".into()),
            ..Default::default()
        },
    ) {
        Err(Error::InvalidInput(m)) => assert!(m.contains("CMW"), "{m}"),
        other => panic!("{other:?}"),
    }
    // An unknown committee is refused, naming the profiles there are.
    match draft::new_draft(
        &mut lib,
        &NewDraft {
            state: "TJK".into(),
            committee: Some("XYZ".into()),
            ..Default::default()
        },
    ) {
        Err(Error::InvalidInput(m)) => assert!(m.contains("CRPD"), "{m}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_list_that_cites_no_stored_observations_is_evaluated_with_from() {
    let mut lib = library();
    import_cedaw_list(&mut lib);
    // CEDAW's list cites nothing: without --from there is nothing to score against.
    assert!(matches!(
        evaluation::evaluate_list(&lib, "CEDAW/C/TJK/Q/7", None),
        Err(Error::NotFound(_))
    ));
    // The seed list scores as `loi eval` always did.
    let e = evaluation::evaluate_list(&lib, "CMW/C/TJK/Q/3", None).expect("eval");
    assert!(e.report.mean >= 0.95, "{}", e.report.mean);
}

/// Spanish concluding observations are read (their recommendations found),
/// but the English profile does not reword them into English questions.
#[test]
fn observations_in_another_language_than_the_profile_are_not_drafted_from() {
    let mut lib = library();
    let es = "CRPD/C/SLV/CO/2-3\n\nObservaciones finales sobre los informes periódicos segundo y tercero combinados de El Salvador\n\nIII. Principales motivos de preocupación y recomendaciones\n\n3. Preocupa al Comité que la recepción de las denuncias sea insuficiente.\n\n4. El Comité recomienda al Estado parte que designe un mecanismo independiente.\n";
    lib.import_bytes("es.txt", es.as_bytes(), &MetadataOverrides::default())
        .expect("import");
    let recs = loi_core::link::recommendations(&lib, "SLV").expect("recs");
    assert_eq!(
        recs.iter().map(|r| r.number.as_str()).collect::<Vec<_>>(),
        ["4"]
    );
    match draft::new_draft(
        &mut lib,
        &NewDraft {
            state: "SLV".into(),
            ..Default::default()
        },
    ) {
        Err(Error::InvalidInput(m)) => assert!(m.contains("another language (es)"), "{m}"),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        draft::question(
            &lib,
            "CRPD/C/SLV/CO/2-3",
            "4",
            loi_core::model::CitationStyle::Inline
        ),
        Err(Error::InvalidInput(_))
    ));
}
