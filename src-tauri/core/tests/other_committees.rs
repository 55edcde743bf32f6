//! Concluding observations and lists of issues of other committees (CCPR, CAT,
//! CEDAW, CRC, CESCR, CERD), written for these tests in each committee's layout
//! and rendered the ways real files reach us: as the Word importer gives them
//! (`[footnoteRef:N]`, `[N: …]`), as pdf-extract reads a UN PDF (`.pdf.txt`:
//! the masthead after the first page, running headers and GE numbers, justified
//! lines, notes at each page's foot, markers glued to words or standing apart)
//! and as `pdftotext -layout` prints one (`.layout.txt`: margins, form feeds, no
//! blank line between paragraphs). The expected values were written from the
//! documents, not from the parser's output.
//!
//! The documents' kind is given (`parse_text_as`): telling it is the metadata's
//! business, tested elsewhere.

use loi_core::model::{Document, DocumentKind, ParagraphKind};
use loi_core::parse::parse_text_as;

fn doc(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/documents")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

struct Expected<'a> {
    paragraphs: u32,
    recommendations: &'a [u32],
    follow_up: &'a [&'a str],
    follow_up_due: Option<&'a str>,
    next_report: Option<&'a str>,
    /// Paragraphs and the labels of their sub-paragraphs.
    subparagraphs: &'a [(&'a str, &'a [&'a str])],
}

fn numbers(d: &Document) -> Vec<u32> {
    d.paragraphs
        .iter()
        .filter_map(|p| p.number.as_deref()?.parse().ok())
        .collect()
}

fn check_concluding_observations(name: &str, want: &Expected) -> Document {
    let d = parse_text_as(&doc(name), DocumentKind::ConcludingObservations);
    assert_eq!(
        numbers(&d),
        (1..=want.paragraphs).collect::<Vec<_>>(),
        "{name}: paragraph numbers"
    );
    // Nothing of the text is left over as unnumbered blocks: headings, wrapped
    // lines, sub-paragraphs and page furniture all find their place.
    let loose: Vec<&str> = d
        .paragraphs
        .iter()
        .filter(|p| p.number.is_none())
        .map(|p| p.text.as_str())
        .collect();
    assert!(loose.is_empty(), "{name}: unnumbered blocks {loose:#?}");
    let recs: Vec<u32> = d
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Recommendation)
        .filter_map(|p| p.number.as_deref()?.parse().ok())
        .collect();
    assert_eq!(recs, want.recommendations, "{name}: recommendations");
    assert_eq!(d.follow_up_paragraphs, want.follow_up, "{name}: follow-up");
    assert_eq!(
        d.follow_up_due.map(|d| d.to_string()).as_deref(),
        want.follow_up_due,
        "{name}: follow-up due"
    );
    assert_eq!(
        d.next_report_due.map(|d| d.to_string()).as_deref(),
        want.next_report,
        "{name}: next report"
    );
    for (n, labels) in want.subparagraphs {
        let p = d
            .paragraph(n)
            .unwrap_or_else(|| panic!("{name}: no paragraph {n}"));
        let got: Vec<&str> = p.subparagraphs.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(&got, labels, "{name}: sub-paragraphs of {n}");
    }
    for p in &d.paragraphs {
        let text = p.full_text();
        for furniture in ["GE.2", "Distr.", "Original: English", "United Nations"] {
            assert!(!text.contains(furniture), "{name}: {furniture} in {text}");
        }
        assert!(!text.contains("  "), "{name}: double space in {text}");
    }
    for p in d.paragraphs.iter().filter(|p| p.follow_up) {
        let n = p.number.as_deref().unwrap_or("");
        assert!(
            want.follow_up
                .iter()
                .any(|r| r.split(' ').next() == Some(n)),
            "{name}: {n} marked for follow-up"
        );
    }
    d
}

const CCPR: Expected = Expected {
    paragraphs: 16,
    // 6 and 9 hold the concern and "The State party should …" in one paragraph.
    recommendations: &[5, 6, 8, 9, 11, 13],
    follow_up: &["8", "11 (a)", "11 (b)", "11 (c)", "13"],
    follow_up_due: Some("2028-03-28"),
    next_report: Some("2031-03-28"),
    subparagraphs: &[
        ("3", &["a", "b"]),
        ("6", &["a", "b"]),
        ("11", &["a", "b", "c", "d"]),
    ],
};

#[test]
fn ccpr_concluding_observations_read_by_pdf_extract() {
    let d = check_concluding_observations("ccpr_co.pdf.txt", &CCPR);
    let p4 = d.paragraph("4").expect("paragraph 4");
    assert_eq!(p4.kind, ParagraphKind::Concern);
    assert!(p4
        .cites
        .iter()
        .any(|c| c.symbol == "CCPR/C/BLZ/CO/1" && c.paragraph.as_deref() == Some("5")));
    assert_eq!(
        d.paragraph("15").map(|p| p.kind),
        Some(ParagraphKind::Procedural)
    );
    assert_eq!(
        d.paragraph("8").and_then(|p| p.theme.as_deref()),
        Some("Violence against women")
    );
}

#[test]
fn cat_concluding_observations_read_by_pdftotext_layout() {
    let d = check_concluding_observations(
        "cat_co.layout.txt",
        &Expected {
            paragraphs: 15,
            // 5, 8 and 9: the concern, then "The State party should" in the same paragraph.
            recommendations: &[5, 7, 8, 9, 11, 13],
            follow_up: &["7", "8 (a)", "8 (b)", "11"],
            follow_up_due: Some("2026-05-02"),
            next_report: Some("2029-05-02"),
            subparagraphs: &[("5", &["a", "b"]), ("8", &["a", "b", "c", "d"])],
        },
    );
    assert_eq!(
        d.paragraph("6").map(|p| p.kind),
        Some(ParagraphKind::Concern)
    );
    assert_eq!(
        d.paragraph("14").map(|p| p.kind),
        Some(ParagraphKind::Procedural)
    );
    assert!(d.paragraph("6").is_some_and(|p| p
        .cites
        .iter()
        .any(|c| c.symbol == "CAT/C/MNG/CO/2" && c.paragraph.as_deref() == Some("10"))));
}

#[test]
fn cedaw_concluding_observations_from_word() {
    let d = check_concluding_observations(
        "cedaw_co.txt",
        &Expected {
            paragraphs: 18,
            // "In line with its general recommendation No. 33 …", "Recalling its
            // general recommendation No. 25 …", "In the light of its general
            // recommendation No. 35 …", "… therefore encourages the State party to ratify".
            recommendations: &[6, 8, 10, 12, 14, 16],
            follow_up: &["6 (b)", "12 (a)", "12 (c)", "14"],
            // "within two years", no date.
            follow_up_due: None,
            // "which is due in November 2029".
            next_report: Some("2029-11-01"),
            subparagraphs: &[
                ("5", &["a", "b"]),
                ("6", &["a", "b", "c"]),
                ("12", &["a", "b", "c"]),
            ],
        },
    );
    assert_eq!(
        d.paragraph("15").map(|p| p.kind),
        Some(ParagraphKind::Procedural)
    );
    assert_eq!(
        d.paragraph("17").map(|p| p.kind),
        Some(ParagraphKind::Procedural)
    );
}

#[test]
fn crc_concluding_observations_from_word() {
    let d = check_concluding_observations(
        "crc_co.txt",
        &Expected {
            paragraphs: 13,
            recommendations: &[5, 6, 8, 10, 11],
            // The areas "in respect of which urgent measures must be taken".
            follow_up: &["8", "10", "11"],
            follow_up_due: None,
            next_report: Some("2030-06-01"),
            subparagraphs: &[("6", &["a", "b"]), ("11", &["a", "b"])],
        },
    );
    // "IV. Implementation and reporting" / "A. Implementation": procedural.
    assert_eq!(
        d.paragraph("12").map(|p| p.kind),
        Some(ParagraphKind::Procedural)
    );
    let cluster = d.paragraph("11").and_then(|p| p.cluster.clone());
    assert_eq!(
        cluster.as_deref(),
        Some("D. Violence against children (arts. 19, 24 (3), 28 (2), 34, 37 (a) and 39)")
    );
    assert!(d
        .paragraph("5")
        .is_some_and(|p| p.cites.iter().any(|c| c.symbol == "CRC/C/GHA/CO/3-5")));
}

#[test]
fn cescr_concluding_observations_read_by_pdf_extract() {
    let d = check_concluding_observations(
        "cescr_co.pdf.txt",
        &Expected {
            paragraphs: 16,
            recommendations: &[4, 6, 8, 10, 12, 13],
            // Topics in brackets after each reference.
            follow_up: &["6 (a)", "10 (b)", "10 (c)", "12"],
            follow_up_due: None,
            next_report: Some("2030-03-31"),
            subparagraphs: &[("6", &["a", "b"]), ("10", &["a", "b", "c"])],
        },
    );
    for n in ["14", "15", "16"] {
        assert_eq!(
            d.paragraph(n).map(|p| p.kind),
            Some(ParagraphKind::Procedural),
            "{n}"
        );
    }
}

const CERD: Expected = Expected {
    paragraphs: 19,
    // "Bearing in mind its general recommendation No. 34 …, the Committee
    // recommends"; 14 and 15 are the "Other recommendations".
    recommendations: &[5, 7, 9, 11, 13, 14, 15],
    // "9 (a)–(c)": a range of sub-paragraphs. Paragraph 18 ("particular
    // importance") is not a follow-up request.
    follow_up: &["9 (a)", "9 (b)", "9 (c)", "13 (b)"],
    follow_up_due: None,
    next_report: Some("2029-01-04"),
    subparagraphs: &[
        ("3", &["a", "b"]),
        ("9", &["a", "b", "c", "d"]),
        ("11", &["a", "b", "c"]),
        ("13", &["a", "b"]),
    ],
};

/// The CERD document reads the same in the three layouts.
fn check_cerd(name: &str) {
    let d = check_concluding_observations(name, &CERD);
    let p8 = d.paragraph("8").expect("paragraph 8");
    assert!(
        p8.text.contains(
            "the Office of the Ombudsperson for Administrative Justice lacks the resources"
        ),
        "{name}: {}",
        p8.text
    );
    let p12 = d.paragraph("12").expect("paragraph 12");
    assert!(
        p12.text
            .contains("(adopted on 1 June 2018), which guarantees migrants equal rights."),
        "{name}: {}",
        p12.text
    );
    // A marker standing apart ("the State party 4 adopt") is a marker, not text.
    let p7 = d.paragraph("7").expect("paragraph 7");
    assert!(
        p7.text
            .starts_with("The Committee recommends that the State party adopt a definition"),
        "{name}: {}",
        p7.text
    );
    assert!(p7
        .cites
        .iter()
        .any(|c| c.symbol == "CERD/C/URY/CO/21-23" && c.paragraph.as_deref() == Some("10")));
    assert!(d.paragraph("6").is_some_and(|p| p
        .cites
        .iter()
        .any(|c| c.symbol == "CERD/C/URY/CO/21-23" && c.paragraph.as_deref() == Some("9"))));
    assert_eq!(d.footnotes.len(), 5, "{name}: {:#?}", d.footnotes);
    assert_eq!(
        d.paragraph("5").and_then(|p| p.theme.as_deref()),
        Some("Statistics")
    );
    assert_eq!(
        d.paragraph("18").map(|p| p.kind),
        Some(ParagraphKind::Procedural)
    );
    assert!(d.paragraph("9").is_some_and(|p| p.follow_up));
    assert!(d.paragraph("11").is_some_and(|p| !p.follow_up));
}

#[test]
fn cerd_concluding_observations_from_word() {
    check_cerd("cerd_co.txt");
}

#[test]
fn cerd_concluding_observations_read_by_pdf_extract() {
    check_cerd("cerd_co.pdf.txt");
}

#[test]
fn cerd_concluding_observations_read_by_pdftotext_layout() {
    check_cerd("cerd_co.layout.txt");
}

fn questions(d: &Document) -> Vec<u32> {
    d.paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Question)
        .filter_map(|p| p.number.as_deref()?.parse().ok())
        .collect()
}

#[test]
fn cescr_list_of_issues_read_by_pdf_extract() {
    let d = parse_text_as(&doc("cescr_loi.pdf.txt"), DocumentKind::ListOfIssues);
    assert_eq!(questions(&d), (1..=8).collect::<Vec<_>>());
    assert!(
        d.paragraphs.iter().all(|p| p.number.is_some()),
        "{:#?}",
        d.paragraphs
    );
    let path = |n: &str| {
        d.paragraph(n)
            .and_then(|p| p.section.as_ref())
            .map(|s| s.path())
            .unwrap_or_default()
    };
    assert_eq!(path("1"), ["I. General information"]);
    assert_eq!(
        path("3"),
        [
            "II. Issues relating to the general provisions of the Covenant (arts. 1–5)",
            "Maximum available resources (art. 2 (1))"
        ]
    );
    assert_eq!(
        path("6"),
        [
            "III. Issues relating to the specific provisions of the Covenant (arts. 6–15)",
            "Right to work (art. 6)"
        ]
    );
    let q3 = d.paragraph("3").expect("question 3");
    assert_eq!(q3.subparagraphs.len(), 2);
    let q4 = d.paragraph("4").expect("question 4");
    assert!(q4
        .cites
        .iter()
        .any(|c| c.symbol == "E/C.12/MAR/CO/4" && c.paragraph.as_deref() == Some("14")));
    assert!(d
        .paragraph("6")
        .is_some_and(|p| p.text.ends_with("in the past five years.")));
}

#[test]
fn cedaw_list_of_issues_read_by_pdftotext_layout() {
    let d = parse_text_as(&doc("cedaw_loi.layout.txt"), DocumentKind::ListOfIssues);
    assert_eq!(questions(&d), (1..=5).collect::<Vec<_>>());
    assert!(
        d.paragraphs.iter().all(|p| p.number.is_some()),
        "{:#?}",
        d.paragraphs
    );
    let q2 = d.paragraph("2").expect("question 2");
    let labels: Vec<&str> = q2.subparagraphs.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["a", "b"]);
    assert_eq!(
        q2.section.as_ref().map(|s| s.path()).unwrap_or_default(),
        ["Women's access to justice"]
    );
    assert!(q2
        .cites
        .iter()
        .any(|c| c.symbol == "CEDAW/C/URY/CO/8-9" && c.paragraph.as_deref() == Some("14 (a)")));
    assert!(d.paragraph("1").is_some_and(|p| p
        .cites
        .iter()
        .any(|c| c.symbol == "CEDAW/C/URY/CO/8-9" && c.paragraph.as_deref() == Some("10"))));
}
