use std::io::Read;

use quick_xml::events::Event;
use quick_xml::Reader;

use super::*;
use crate::diff::diff_lists;
use crate::generate::{generate_list, GenerateOptions, RecommendationInput};
use crate::issue_list::issue_list_from_document;
use crate::model::{DocumentKind, ParagraphKind};
use crate::parse::parse_text;
use crate::profile::Profile;

fn seed(prefix: &str) -> String {
    crate::fixtures::seed_text(prefix)
}

/// A generated LOIPR for Tajikistan.
fn generated_list() -> IssueList {
    let co = parse_text(&seed("004"));
    let symbol = co.symbol.clone().unwrap();
    let inputs: Vec<RecommendationInput> = co
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Recommendation)
        .map(|p| RecommendationInput::new(&symbol, p))
        .collect();
    generate_list(
        co.state.as_ref().unwrap(),
        3,
        &inputs,
        &Profile::builtin("CMW").unwrap(),
        &GenerateOptions::default(),
    )
    .0
}

fn opts() -> ExportOptions {
    ExportOptions {
        date: NaiveDate::from_ymd_opt(2026, 11, 22),
        author: "Rapporteur <A&B>".into(),
        provenance: None,
        comments: Vec::new(),
    }
}

#[test]
fn a_draft_sent_out_carries_its_draft_and_version() {
    let list = generated_list();
    let p = Provenance {
        draft_uid: "0b7e-draft".into(),
        version_uid: "77aa-version".into(),
        citations: crate::model::CitationStyle::Footnote,
    };
    let with = ExportOptions {
        provenance: Some(p.clone()),
        ..opts()
    };
    let docx = to_docx(&list, &with).unwrap();
    let read = crate::draft::returned::read(&docx).unwrap();
    assert_eq!(read.draft_uid.as_deref(), Some("0b7e-draft"));
    assert_eq!(read.version_uid.as_deref(), Some("77aa-version"));
    assert_eq!(read.citations.as_deref(), Some("footnote"));
    assert_eq!(read.questions.len(), list.questions.len());
    let p2 = parts(&docx);
    assert!(p2["[Content_Types].xml"].contains("/docProps/custom.xml"));
    assert!(p2["_rels/.rels"].contains("custom-properties"));
    // Without provenance, no custom part.
    assert!(!parts(&to_docx(&list, &opts()).unwrap()).contains_key("docProps/custom.xml"));
    assert!(to_txt(&list, &with).contains(&p.line()));
    assert!(to_markdown(&list, &with).contains(&format!("<!-- {} -->", p.line())));
    assert!(!to_txt(&list, &opts()).contains("LOI Drafter draft"));
}

fn parts(docx: &[u8]) -> std::collections::HashMap<String, String> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(docx.to_vec())).unwrap();
    let mut out = std::collections::HashMap::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let mut s = String::new();
        f.read_to_string(&mut s).unwrap();
        out.insert(f.name().to_string(), s);
    }
    out
}

fn well_formed(xml: &str) {
    let mut r = Reader::from_str(xml);
    let mut depth = 0i32;
    loop {
        match r.read_event().expect("well-formed XML") {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth -= 1,
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0);
}

#[test]
fn a_word_document_with_real_footnotes() {
    let list = generated_list();
    let docx = to_docx(&list, &opts()).unwrap();
    let p = parts(&docx);
    for (name, xml) in &p {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            well_formed(xml);
        }
    }
    let document = &p["word/document.xml"];
    let footnotes = &p["word/footnotes.xml"];
    let notes = list.footnotes();
    assert_eq!(
        document.matches("<w:footnoteReference ").count(),
        notes.len()
    );
    assert_eq!(footnotes.matches("<w:footnote w:id=").count(), notes.len());
    assert_eq!(footnotes.matches("<w:footnoteRef/>").count(), notes.len());
    assert!(
        footnotes.contains("w:type=\"separator\"")
            && footnotes.contains("w:type=\"continuationSeparator\"")
    );
    assert!(p["word/settings.xml"].contains("<w:footnotePr>"));
    assert!(footnotes.contains("Ibid., para."));
    // Questions numbered in order, as text.
    let mut last = 0;
    for q in &list.questions {
        let at = document
            .find(&format!(">{}.</w:t></w:r><w:r><w:tab/>", q.number))
            .expect("question number");
        assert!(at > last);
        last = at;
    }
    assert!(
        document.contains("w:val=\"LOIQuestion\"") && p["word/styles.xml"].contains("LOI Question")
    );
    assert!(
        document.contains("CMW/C/TJK/QPR/3")
            && document.contains("Distr.: General")
            && document.contains("22 November 2026")
    );
    // The marker follows the comma of the lead-in.
    assert!(document.contains("previous concluding observations,</w:t></w:r><w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/>"));
}

#[test]
fn the_word_document_imports_back_as_the_same_list() {
    let list = generated_list();
    let docx = to_docx(&list, &opts()).unwrap();
    let text = crate::import::extract_text("loipr.docx", &docx)
        .unwrap()
        .text;
    let doc = parse_text(&text);
    assert_eq!(doc.kind, DocumentKind::ListOfIssuesPriorToReporting);
    assert_eq!(doc.symbol.as_deref(), Some("CMW/C/TJK/QPR/3"));
    let back = issue_list_from_document(&doc);
    assert_eq!(back.questions.len(), list.questions.len());
    for (a, b) in list.questions.iter().zip(&back.questions) {
        assert_eq!(a.number, b.number);
        assert_eq!(a.text, b.text);
        assert_eq!(a.section, b.section);
        assert_eq!(a.subitems, b.subitems);
        assert_eq!(a.notes, b.notes, "question {}", a.number);
        for c in &a.cites {
            assert!(b.cites.contains(c), "question {} lost {c:?}", a.number);
        }
    }
    assert_eq!(back.footnotes(), list.footnotes());
    assert_eq!(back.intro, list.intro);
}

#[test]
fn word_friendly_text_markdown_and_html() {
    let list = generated_list();
    let txt = to_txt(&list, &opts());
    assert!(txt.starts_with('\u{feff}'));
    assert!(txt.contains("\r\n") && !txt.replace("\r\n", "").contains('\n'));
    assert!(txt.contains("observations,[1] please"));
    assert!(txt.contains("\r\n[1] CMW/C/TJK/CO/2, para. 12.\r\n"));
    assert!(txt.contains("\r\n\t(a)\t"));
    let md = to_markdown(&list, &opts());
    assert!(md.contains("[^1]") && md.contains("[^1]: CMW/C/TJK/CO/2, para. 12."));
    let mut hostile = list.clone();
    hostile.questions[0].text = "<script>alert(1)</script> & more".into();
    hostile.questions[0].notes.clear();
    let html = to_html(&hostile, &opts());
    assert!(!html.contains("<script>") && html.contains("&lt;script&gt;"));
    assert!(!html.contains("http") || !html.contains("src="));
    assert_eq!(ExportFormat::parse("out.DOCX"), Some(ExportFormat::Docx));
    assert_eq!(ExportFormat::parse("md"), Some(ExportFormat::Md));
    assert_eq!(ExportFormat::parse("x.pdf"), None);
}

#[test]
fn a_comparison_as_tracked_changes() {
    let old = issue_list_from_document(&parse_text(&seed("003")));
    let mut new = old.clone();
    new.questions.remove(4);
    new.questions[0].text =
        new.questions[0]
            .text
            .replacen("please clarify whether", "please indicate whether", 1);
    new.questions.push(crate::model::ListQuestion {
        number: 0,
        section: vec!["I. General information".into()],
        text: "Please describe the new remittance policy.".into(),
        subitems: vec![],
        notes: vec![],
        cites: vec![],
    });
    for (i, q) in new.questions.iter_mut().enumerate() {
        q.number = i as u32 + 1;
    }
    let d = diff_lists(&old, &new);
    let docx = diff_to_docx(&d, &new, &opts()).unwrap();
    let p = parts(&docx);
    let document = &p["word/document.xml"];
    well_formed(document);
    assert!(document.contains("<w:ins w:id=") && document.contains("<w:del w:id="));
    assert!(document.contains("w:author=\"Rapporteur &lt;A&amp;B&gt;\""));
    assert!(document.contains("w:date=\"2026-11-22T00:00:00Z\""));
    assert!(
        document.contains("<w:delText xml:space=\"preserve\">clarify</w:delText>")
            || document.contains("clarify</w:delText>")
    );
    assert!(document.contains("indicate</w:t>"));
    let ids: Vec<&str> = ["<w:ins w:id=\"", "<w:del w:id=\""]
        .iter()
        .flat_map(|tag| document.match_indices(tag).map(|(i, _)| i + tag.len()))
        .map(|i| &document[i..i + document[i..].find('"').unwrap()])
        .collect();
    let unique: std::collections::HashSet<_> = ids.iter().collect();
    assert_eq!(ids.len(), unique.len(), "change ids are unique");
    // The new list's footnotes are real footnotes, one reference each, at their markers.
    let notes = new.footnotes();
    assert!(!notes.is_empty());
    assert_eq!(
        document.matches("<w:footnoteReference ").count(),
        notes.len()
    );
    let footnotes = &p["word/footnotes.xml"];
    well_formed(footnotes);
    assert!(footnotes.contains("CMW/C/TJK/CO/2, para. 12."));
    // The first question's marker stays right after "observations," (an unchanged word).
    let inserted = document
        .find("indicate</w:t>")
        .expect("the changed first question");
    let paragraph = &document[document[..inserted].rfind("<w:p>").unwrap()..inserted];
    let marker = paragraph
        .find("<w:footnoteReference ")
        .expect("a marker in question 1");
    assert!(paragraph[..marker].contains("observations,"));
    assert!(!paragraph[marker..].contains("observations,"));
}

/// LibreOffice opens the file and shows the footnotes: convert to PDF and read it back.
#[test]
fn libreoffice_renders_the_word_document() {
    let soffice = ["soffice", "libreoffice"].into_iter().find(|p| {
        std::env::var_os("PATH")
            .is_some_and(|path| std::env::split_paths(&path).any(|d| d.join(p).is_file()))
    });
    let Some(soffice) = soffice else {
        assert!(
            std::env::var_os("CI").is_none(),
            "LibreOffice is required in CI (./test.sh installs it)"
        );
        eprintln!("skipped: LibreOffice is not installed");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let list = generated_list();
    let path = dir.path().join("loipr.docx");
    std::fs::write(&path, to_docx(&list, &opts()).unwrap()).unwrap();
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.path().join("profile").display()
    );
    let status = std::process::Command::new(soffice)
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&path)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let pdf = dir.path().join("loipr.pdf");
    assert!(pdf.exists(), "LibreOffice wrote no PDF");
    let out = std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    // Lines wrap where the fonts on the machine put them: read the words in order.
    let text = String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains("List of issues prior to submission of the third periodic"),
        "{text}"
    );
    assert!(text.contains("CMW/C/TJK/CO/2, para. 12."), "{text}");
    assert!(text.contains("Ibid., para."), "{text}");
    assert!(
        text.contains("please clarify whether the bill on labour migration"),
        "{text}"
    );
    if let Ok(keep) = std::env::var("LOI_KEEP_PDF") {
        let _ = std::fs::copy(&pdf, keep);
    }
}

/// Parses an export back through the importer, as a user re-importing the file would.
fn import_back(file_name: &str, bytes: &[u8]) -> IssueList {
    let text = crate::import::extract_text(file_name, bytes).unwrap().text;
    issue_list_from_document(&parse_text(&text))
}

fn assert_same_questions(list: &IssueList, back: &IssueList, format: &str) {
    assert_eq!(
        back.questions.len(),
        list.questions.len(),
        "{format}: {:#?}",
        back.questions.iter().map(|q| &q.text).collect::<Vec<_>>()
    );
    for (a, b) in list.questions.iter().zip(&back.questions) {
        assert_eq!(a.number, b.number, "{format}");
        assert_eq!(a.text, b.text, "{format}");
        assert_eq!(a.section, b.section, "{format} question {}", a.number);
        assert_eq!(a.subitems, b.subitems, "{format} question {}", a.number);
        for c in &a.cites {
            assert!(
                b.cites.contains(c),
                "{format}: question {} lost {c:?}",
                a.number
            );
        }
    }
    assert_eq!(back.footnotes(), list.footnotes(), "{format}");
}

#[test]
fn markdown_and_text_import_back_as_the_same_list() {
    let list = generated_list();
    for format in [ExportFormat::Md, ExportFormat::Txt] {
        let bytes = export(&list, format, &opts()).unwrap();
        let name = match format {
            ExportFormat::Md => "loipr.md",
            _ => "loipr.txt",
        };
        let back = import_back(name, &bytes);
        assert_same_questions(&list, &back, name);
        assert_eq!(back.symbol, list.symbol, "{name}");
        assert_eq!(back.intro, list.intro, "{name}");
    }
}

#[test]
fn characters_xml_cannot_hold_leave_every_export_valid() {
    let mut list = generated_list();
    let bad = "\u{FFFF}\u{FFFE}\u{0}\u{1}\u{8}\u{B}\u{C}\u{1B}\u{1F}";
    list.title = Some(format!("List of issues{bad} prior to submission"));
    list.intro.push(format!("An opening{bad} paragraph."));
    list.questions[0].text = format!("Please{bad} explain the bill.{bad}");
    list.questions[0].notes.clear();
    list.questions[1].section = vec![format!("I. General{bad} information")];
    list.questions[1].subitems.push(crate::model::SubParagraph {
        label: format!("z{bad}"),
        text: format!("A sub-item{bad}."),
    });
    list.questions[2].notes.push(crate::model::NoteAnchor {
        offset: 3,
        cites: vec![],
        text: Some(format!("A note{bad}.")),
    });
    let opts = ExportOptions {
        author: format!("Rapporteur{bad}"),
        ..opts()
    };
    let docx = to_docx(&list, &opts).unwrap();
    for (name, xml) in parts(&docx) {
        well_formed(&xml);
        assert!(
            !xml.contains(['\u{FFFF}', '\u{FFFE}', '\u{0}', '\u{1}', '\u{1B}', '\u{B}']),
            "{name}"
        );
    }
    // It imports back, the characters gone.
    let text = crate::import::extract_text("loipr.docx", &docx)
        .unwrap()
        .text;
    assert!(text.contains("Please explain the bill."), "{text}");
    let back = issue_list_from_document(&parse_text(&text));
    assert_eq!(back.questions.len(), list.questions.len());
    // Tracked changes: the author and the changed words too.
    let mut new = list.clone();
    new.questions[3].text = format!("Please{bad} describe{bad} the policy.");
    let d = diff_lists(&list, &new);
    let docx = diff_to_docx(&d, &new, &opts).unwrap();
    for (name, xml) in parts(&docx) {
        well_formed(&xml);
        assert!(!xml.contains(['\u{FFFF}', '\u{FFFE}', '\u{1B}']), "{name}");
    }
    // HTML: escaped the same way.
    let html = to_html(&list, &opts);
    assert!(!html.contains(['\u{FFFF}', '\u{FFFE}', '\u{0}', '\u{1B}', '\u{B}']));
    assert!(html.contains("Please explain the bill."));
}
