use super::*;
use crate::model::{Citation, DocumentKind};
use crate::parse::parse_text;

fn seed(prefix: &str) -> String {
    crate::fixtures::seed_text(prefix)
}

fn numbers(doc: &Document, kind: ParagraphKind) -> Vec<u32> {
    doc.paragraphs
        .iter()
        .filter(|p| p.kind == kind)
        .filter_map(|p| p.number.as_deref()?.parse().ok())
        .collect()
}

fn cites(doc: &Document, n: &str) -> Vec<Citation> {
    doc.paragraph(n).unwrap().cites.clone()
}

fn cite(s: &str, p: &str) -> Citation {
    Citation {
        symbol: s.into(),
        paragraph: Some(p.into()),
    }
}

#[test]
fn kyrgyzstan_second_concluding_observations() {
    let d = parse_text(&seed("000"));
    assert_eq!(d.symbol.as_deref(), Some("CMW/C/KGZ/CO/2"));
    assert!(d.inferred.contains(&"symbol".to_string()));
    assert_eq!(d.kind, DocumentKind::ConcludingObservations);
    assert_eq!(d.state.as_ref().unwrap().name, "Kyrgyzstan");
    assert_eq!(d.cycle, Some(2));
    assert_eq!(d.date.unwrap().to_string(), "2023-12-26");
    let all: Vec<u32> = d
        .paragraphs
        .iter()
        .filter_map(|p| p.number.as_deref()?.parse().ok())
        .collect();
    assert_eq!(all, (1..=58).collect::<Vec<_>>());
    assert_eq!(
        numbers(&d, ParagraphKind::Recommendation),
        (10..=54).step_by(2).collect::<Vec<_>>()
    );
    assert_eq!(
        numbers(&d, ParagraphKind::Concern),
        (9..=53).step_by(2).collect::<Vec<_>>()
    );
    assert_eq!(d.follow_up_paragraphs, vec!["12", "18", "20", "30", "52"]);
    assert_eq!(d.follow_up_due.unwrap().to_string(), "2026-01-02");
    assert_eq!(d.next_report_due.unwrap().to_string(), "2029-01-02");
    assert!(d
        .paragraph("10")
        .unwrap()
        .text
        .contains("repatriation of Kyrgyz migrant workers"));
    let p28 = d.paragraph("28").unwrap();
    let labels: Vec<&str> = p28.subparagraphs.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["a", "b", "c", "d", "e"]);
    let p52 = d.paragraph("52").unwrap();
    assert_eq!(p52.subparagraphs.len(), 9);
    assert!(cites(&d, "52").contains(&cite("CMW/C/KGZ/CO/1", "43")));
    assert!(cites(&d, "12").contains(&cite("CMW/C/KGZ/CO/1", "9")));
    assert!(cites(&d, "30").contains(&cite("CMW/C/KGZ/CO/1", "27")));
    assert!(d.paragraph("30").unwrap().follow_up);
    assert_eq!(
        d.paragraph("30").unwrap().theme.as_deref(),
        Some("Right to an effective remedy")
    );
    assert!(d
        .paragraph("30")
        .unwrap()
        .cluster
        .as_deref()
        .unwrap()
        .starts_with("2. General principles"));
    assert_eq!(d.clusters.len(), 7);
    assert_eq!(d.clusters[2].articles, (8..=35).collect::<Vec<_>>());
    assert_eq!(d.clusters[0].articles, vec![73, 84]);
    assert_eq!(d.paragraph("56").unwrap().kind, ParagraphKind::Procedural);
    assert_eq!(d.paragraph("3").unwrap().kind, ParagraphKind::Introduction);
    assert_eq!(
        d.paragraph("7").unwrap().kind,
        ParagraphKind::PositiveAspect
    );
    for p in &d.paragraphs {
        assert!(!p.full_text().contains("**"), "{}", p.text);
        assert!(!p.full_text().contains('¹') && !p.full_text().contains('⁵'));
        assert!(!p.full_text().contains("Ibid."), "{}", p.text);
    }
}

#[test]
fn tajikistan_second_concluding_observations() {
    let d = parse_text(&seed("004"));
    assert_eq!(d.symbol.as_deref(), Some("CMW/C/TJK/CO/2"));
    assert_eq!(d.state.as_ref().unwrap().code, "TJK");
    assert_eq!(d.cycle, Some(2));
    assert_eq!(d.date.unwrap().to_string(), "2019-05-09");
    let all: Vec<u32> = d
        .paragraphs
        .iter()
        .filter_map(|p| p.number.as_deref()?.parse().ok())
        .collect();
    assert_eq!(all, (1..=59).collect::<Vec<_>>());
    assert_eq!(d.follow_up_paragraphs, vec!["12", "35 (a)", "47"]);
    assert_eq!(d.follow_up_due.unwrap().to_string(), "2021-05-01");
    assert_eq!(d.next_report_due.unwrap().to_string(), "2024-05-01");
    assert!(cites(&d, "49").contains(&cite("CMW/C/TJK/CO/1", "44")));
    assert_eq!(d.paragraph("53").unwrap().subparagraphs.len(), 6);
    let recs = numbers(&d, ParagraphKind::Recommendation);
    for n in [12, 13, 15, 17, 43, 45, 49, 55] {
        assert!(recs.contains(&n), "{n} in {recs:?}");
    }
    assert!(!recs.contains(&56) && !recs.contains(&57));
    assert!(d.paragraph("35").unwrap().follow_up);
    for p in &d.paragraphs {
        assert!(!p.full_text().contains('*'), "{}", p.text);
    }
}

#[test]
fn pdf_style_text_with_running_headers() {
    let text = "\
CMW/C/MEX/CO/3

International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families

Distr.: General
4 March 2024

Original: English

Committee on the Protection of the Rights of All Migrant Workers and Members of Their Families

Concluding observations on the third periodic report of Mexico*

1. The Committee considered the third periodic report of Mexico1 at its 560th and 561st meetings.

A. Introduction

2. The Committee welcomes the submission of the report.

C. Principal subjects of concern and recommendations

1. General measures of implementation (arts. 73 and 84)

Data collection

3. The Committee is concerned about the lack of data on migrant workers in transit through the
territory of the State party.

4. Recalling its previous recommendations,2 the Committee recommends that the State party
strengthen its system for the collection of data on migration flows, disaggregated by sex, age,
nationality and migration status, and that it use those data for the design of

* Adopted by the Committee at its thirty-eighth session.
1 CMW/C/MEX/3.
2 CMW/C/MEX/CO/2, para. 14.

GE.24-03456
\u{c}
2/9

policies that protect the rights of migrant workers.

3. Human rights of all migrant workers and members of their families (arts. 8–35)

Detention

5. The Committee notes with concern that migrant children are held in detention centres.

6. The Committee urges the State party to:

(a) End the detention of migrant children;

(b) Ensure alternatives to detention.3

3 Ibid., para. 30 (b).

4. Dissemination and follow-up

7. The Committee requests the State party to provide, within two years (that is, by 1 April 2026), written information on the implementation of the recommendations contained in paragraphs 4 (data collection) and 6 (b) (detention) above.

8. The Committee requests the State party to submit its fourth periodic report by 1 April 2029.
";
    let d = parse_text(text);
    assert_eq!(d.symbol.as_deref(), Some("CMW/C/MEX/CO/3"));
    assert_eq!(d.state.as_ref().unwrap().code, "MEX");
    assert_eq!(d.cycle, Some(3));
    let all: Vec<u32> = d
        .paragraphs
        .iter()
        .filter_map(|p| p.number.as_deref()?.parse().ok())
        .collect();
    assert_eq!(all, (1..=8).collect::<Vec<_>>());
    let p4 = d.paragraph("4").unwrap();
    assert_eq!(p4.kind, ParagraphKind::Recommendation);
    assert!(
        p4.text
            .ends_with("the design of policies that protect the rights of migrant workers."),
        "{}",
        p4.text
    );
    assert!(p4.cites.contains(&cite("CMW/C/MEX/CO/2", "14")));
    let p6 = d.paragraph("6").unwrap();
    assert_eq!(p6.kind, ParagraphKind::Recommendation);
    assert_eq!(p6.subparagraphs.len(), 2);
    assert_eq!(
        p6.subparagraphs[1].text,
        "Ensure alternatives to detention."
    );
    assert!(p6.cites.contains(&cite("CMW/C/MEX/CO/2", "30 (b)")));
    assert_eq!(d.paragraph("3").unwrap().kind, ParagraphKind::Concern);
    assert_eq!(d.follow_up_paragraphs, vec!["4", "6 (b)"]);
    assert!(d.paragraph("6").unwrap().follow_up);
    assert_eq!(d.next_report_due.unwrap().to_string(), "2029-04-01");
    assert_eq!(d.paragraph("7").unwrap().kind, ParagraphKind::Procedural);
    assert!(!d.paragraphs.iter().any(|p| p.text.contains("GE.24")));
}

#[test]
fn word_rendering_with_footnote_references() {
    let text = "Concluding observations on the initial report of Senegal\n\nC.\tPrincipal subjects of concern and recommendations\n\n1.\tGeneral measures of implementation (arts. 73 and 84)\n\nLegislation\n\n12.\tThe Committee notes with concern the absence of a law on migration.\n\n13.\tReiterating its previous recommendations,[footnoteRef:4] the Committee recommends that the State party:[footnoteRef:5] [4: CMW/C/SEN/CO/1, para. 12.] [5: Ibid., para. 20.]\n\n(a)\tAdopt a law on migration;\n\n(b)\tProvide resources for its implementation.\n";
    let d = parse_text(text);
    assert_eq!(d.kind, DocumentKind::ConcludingObservations);
    let p = d.paragraph("13").unwrap();
    assert_eq!(p.kind, ParagraphKind::Recommendation);
    assert_eq!(
        p.text,
        "Reiterating its previous recommendations, the Committee recommends that the State party:"
    );
    assert_eq!(
        p.cites,
        vec![cite("CMW/C/SEN/CO/1", "12"), cite("CMW/C/SEN/CO/1", "20")]
    );
    assert_eq!(p.subparagraphs.len(), 2);
    assert_eq!(
        &p.text[..p.footnote_refs[0].offset],
        "Reiterating its previous recommendations,"
    );
}

#[test]
fn another_committees_layout() {
    let text = "\
Convention on the Rights of the Child

Concluding observations on the combined fifth and sixth periodic reports of Bosnia and Herzegovina*

I. Introduction

1. The Committee considered the combined fifth and sixth periodic reports of Bosnia and Herzegovina.

II. Follow-up measures taken and progress achieved by the State party

2. The Committee welcomes the adoption of legislative measures.

III. Main areas of concern and recommendations

A. General measures of implementation (arts. 4, 42 and 44 (6))

Comprehensive policy and strategy

3. The Committee regrets that the national plan of action expired in 2015.

4. Recalling its previous recommendations (CRC/C/BIH/CO/2-4, para. 12), the Committee recommends that the State party:

(a) Adopt a new plan of action;

(b) Allocate sufficient resources to it.

B. Violence against children (arts. 19, 24 (3), 28 (2), 34, 37 (a) and 39)

5. The Committee urges the State party to prohibit corporal punishment in all settings.

IV. Implementation and reporting

6. The Committee recommends that the State party ensure that the present recommendations are fully implemented.
";
    let d = parse_text(text);
    assert_eq!(d.state.as_ref().unwrap().code, "BIH");
    assert_eq!(d.cycle, Some(6));
    assert_eq!(d.committee.as_deref(), Some("CRC"));
    assert_eq!(numbers(&d, ParagraphKind::Recommendation), vec![4, 5]);
    let p4 = d.paragraph("4").unwrap();
    assert_eq!(p4.subparagraphs.len(), 2);
    assert!(p4.cites.contains(&cite("CRC/C/BIH/CO/2-4", "12")));
    assert!(p4
        .cluster
        .as_deref()
        .unwrap()
        .starts_with("A. General measures"));
    assert_eq!(d.clusters[0].articles, vec![4, 42, 44]);
    assert_eq!(d.paragraph("1").unwrap().kind, ParagraphKind::Introduction);
    assert_eq!(
        d.paragraph("2").unwrap().kind,
        ParagraphKind::PositiveAspect
    );
    assert_eq!(d.paragraph("6").unwrap().kind, ParagraphKind::Procedural);
}

/// CRPD's French and Spanish concluding observations (Norway, El Salvador):
/// "Le Comité note avec préoccupation …" / "Le Comité recommande à l'État
/// partie …", "Preocupa al Comité …" / "El Comité recomienda al Estado parte …".
#[test]
fn french_and_spanish_concerns_and_recommendations() {
    let fr = "CRPD/C/NOR/CO/1\n\nObservations finales concernant le rapport initial de la Norvège\n\nI. Introduction\n\n1. Le Comité a examiné le rapport initial de la Norvège.\n\nII. Aspects positifs\n\n2. Le Comité salue l’adoption de la loi.\n\nIII. Principaux sujets de préoccupation et recommandations\n\n3. Le Comité note avec préoccupation le manque de données.\n\n4. Le Comité recommande à l’État partie de recueillir des données ventilées.\n\n5. Le Comité est préoccupé par la persistance de stéréotypes.\n\n6. L’État partie devrait mener des campagnes de sensibilisation.\n";
    let d = parse_text(fr);
    assert_eq!(d.kind, DocumentKind::ConcludingObservations);
    assert_eq!(numbers(&d, ParagraphKind::Concern), vec![3, 5]);
    assert_eq!(numbers(&d, ParagraphKind::Recommendation), vec![4, 6]);
    assert_eq!(
        d.paragraph("2").unwrap().kind,
        ParagraphKind::PositiveAspect
    );
    let es = "CRPD/C/SLV/CO/2-3\n\nObservaciones finales sobre los informes periódicos segundo y tercero combinados de El Salvador\n\nI. Introducción\n\n1. El Comité examinó los informes.\n\nII. Aspectos positivos\n\n2. El Comité celebra la aprobación de la ley.\n\nIII. Principales motivos de preocupación y recomendaciones\n\n3. Preocupa al Comité que la recepción de las denuncias de discriminación sea insuficiente.\n\n4. El Comité recomienda al Estado parte que designe un mecanismo independiente.\n\n5. El Comité está preocupado por la falta de accesibilidad.\n\n6. Recordando su observación general núm. 2 (2014), el Comité recomienda al Estado parte que adopte un plan.\n";
    let d = parse_text(es);
    assert_eq!(d.kind, DocumentKind::ConcludingObservations);
    assert_eq!(d.symbol.as_deref(), Some("CRPD/C/SLV/CO/2-3"));
    assert_eq!(numbers(&d, ParagraphKind::Concern), vec![3, 5]);
    assert_eq!(numbers(&d, ParagraphKind::Recommendation), vec![4, 6]);
    assert_eq!(d.paragraph("1").unwrap().kind, ParagraphKind::Introduction);
}

/// The Arabic version of a CEDAW concluding observations as a PDF gives it in
/// reading order: "1-" numbering, ordinal sections ("أولاً-", "ثالثاً-"),
/// lettered clusters ("ألف-"), sub-paragraphs "(أ)", "(ب)" and one whose
/// letter the PDF lost, "تلاحظ اللجنة …" / "توصي اللجنة الدولة الطرف …" and a
/// recommendation that opens by recalling a general recommendation.
#[test]
fn arabic_numbering_concerns_and_recommendations() {
    let ar = "CEDAW/C/JOR/CO/7\n\nالملاحظات الختامية بشأن التقرير الدوري السابع للأردن\n\nأولاً-  مقدمة\n\n1-  نظرت اللجنة في التقرير الدوري السابع للأردن.\n\nثانياً-  الجوانب الإيجابية\n\n2-  ترحب اللجنة باعتماد القانون.\n\nثالثاً-  دواعي القلق الرئيسية والتوصيات\n\nألف-  الإطار التشريعي\n\n3-  تلاحظ اللجنة بقلق ما يلي:\n\n (أ)  عدم وجود تعريف للتمييز؛\n\n (ب)  التحفظات على الاتفاقية؛\n\n (    غياب آلية للشكاوى.\n\n4-  توصي اللجنة الدولة الطرف بما يلي:\n\n (أ)  اعتماد تعريف شامل للتمييز؛\n\n (ب)  سحب تحفظاتها.\n\n5-  تشير اللجنة إلى توصيتها العامة رقم 28 (2010)، وتوصي بأن تعتمد الدولة الطرف خطة عمل.\n";
    let d = parse_text(ar);
    assert_eq!(d.kind, DocumentKind::ConcludingObservations);
    assert_eq!(d.symbol.as_deref(), Some("CEDAW/C/JOR/CO/7"));
    assert_eq!(numbers(&d, ParagraphKind::Concern), vec![3]);
    assert_eq!(numbers(&d, ParagraphKind::Recommendation), vec![4, 5]);
    assert_eq!(d.paragraph("1").unwrap().kind, ParagraphKind::Introduction);
    assert_eq!(
        d.paragraph("2").unwrap().kind,
        ParagraphKind::PositiveAspect
    );
    let labels = |n: &str| -> Vec<String> {
        d.paragraph(n)
            .unwrap()
            .subparagraphs
            .iter()
            .map(|s| s.label.clone())
            .collect()
    };
    assert_eq!(labels("3"), vec!["a", "b", "c"]);
    assert_eq!(labels("4"), vec!["a", "b"]);
    assert_eq!(
        d.paragraph("4").unwrap().subparagraphs[1].text,
        "سحب تحفظاتها."
    );
}

/// The same in a Word file: paragraphs numbered "%1-" and sub-paragraphs
/// lettered with Word's Arabic letters, in the order Word writes them.
#[test]
fn an_arabic_word_file_is_numbered_as_the_english_version() {
    use crate::fixtures::{docx_with_numbering, paragraph, run};
    let numbering = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1-"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="arabicAbjad"/><w:lvlText w:val="(%2)"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"#;
    let body = [
        paragraph(&run("CEDAW/C/JOR/CO/7", false), None),
        paragraph(&run("ثالثاً-  دواعي القلق الرئيسية والتوصيات", true), None),
        paragraph(
            &run("تلاحظ اللجنة بقلق عدم وجود تعريف شامل للتمييز.", false),
            Some(0),
        ),
        paragraph(&run("توصي اللجنة الدولة الطرف بما يلي:", false), Some(0)),
        paragraph(&run("اعتماد تعريف شامل للتمييز؛", false), Some(1)),
        paragraph(&run("سحب تحفظاتها.", false), Some(1)),
    ]
    .concat();
    let file = docx_with_numbering(&body, &[], numbering);
    let text = crate::import::extract_text("CO.docx", &file)
        .expect("readable")
        .text;
    let d = parse_text(&text);
    assert_eq!(numbers(&d, ParagraphKind::Concern), vec![1], "{text}");
    assert_eq!(
        numbers(&d, ParagraphKind::Recommendation),
        vec![2],
        "{text}"
    );
    let labels: Vec<&str> = d
        .paragraph("2")
        .unwrap()
        .subparagraphs
        .iter()
        .map(|s| s.label.as_str())
        .collect();
    assert_eq!(labels, ["a", "b"]);
}

#[test]
fn never_panics() {
    for t in ["", "Concluding observations on", "1.", "(a) x", "Concluding observations on the report of France\n\n1. x\n\n(a)", "Observations finales concernant le deuxième rapport périodique du Tadjikistan\n\n1. Le Comité recommande que l’État partie prenne des mesures."] {
        let mut d = Document::default();
        parse(t, &mut d);
        let _ = parse_text(t);
    }
}
