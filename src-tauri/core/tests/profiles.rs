//! Committee profiles and the questions written with them: every built-in
//! profile loads; a question reads as English a committee would adopt, over every
//! recommendation of every concluding observations at hand (the CMW seeds always,
//! the CRPD corpus when it is present); no English template text is left in the
//! generator's or the export's code. (CRPD questions against the real ones:
//! crpd_pairs.rs.)
//!
//! `LOI_DUMP=DIR cargo test -p loi-core --test profiles` writes one whole
//! generated list per committee to DIR, to read.

use std::path::Path;

use loi_core::generate::{generate_list, generate_questions, GenerateOptions, RecommendationInput};
use loi_core::model::{
    CitationStyle, Document, DocumentKind, ListQuestion, Paragraph, ParagraphKind, StateParty,
    SubParagraph,
};
use loi_core::profile::{Profile, BUILTIN_PROFILES};
use regex::Regex;

mod common;
use common::crpd_concluding_observations as crpd_documents;

// ---------------------------------------------------------------------------
// Every profile loads.

fn load(committee: &str) -> Profile {
    let file = format!("{}.json", committee.to_lowercase());
    let (_, json) = BUILTIN_PROFILES
        .iter()
        .find(|(f, _)| *f == file)
        .unwrap_or_else(|| panic!("no built-in profile file {file}"));
    let p = Profile::from_json_named(&file, json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(p.committee, committee);
    assert_eq!(
        Profile::builtin(committee).as_ref(),
        Some(&p),
        "Profile::builtin({committee})"
    );
    for kind in [
        DocumentKind::ListOfIssues,
        DocumentKind::ListOfIssuesPriorToReporting,
    ] {
        let symbol = p.symbol(kind, "XYZ", 3);
        assert!(
            symbol.contains("/XYZ/") && symbol.ends_with("/3"),
            "{symbol}"
        );
        let title = p.title(kind, "Utopia", 3);
        // "third periodic report" (CERD: "third report").
        assert!(
            title.ends_with(&format!("{} of Utopia", p.report_name(3)))
                && p.report_name(3).starts_with("third ")
                && p.report_name(3).ends_with("report"),
            "{title}"
        );
        assert!(p.question_limit_for(kind).is_some_and(|n| n >= 20));
        assert!(!p.section_paths(kind).is_empty());
    }
    // The word limit of the replies, where the committee's lists prior to
    // reporting open with a paragraph (CAT's, CCPR's and CEDAW's do not).
    let opening = p.opening(DocumentKind::ListOfIssuesPriorToReporting, 2);
    assert_eq!(opening.is_empty(), p.loipr_opening.is_none());
    assert!(
        opening.is_empty() || opening.iter().any(|o| o.contains("21,200")),
        "{committee}: {opening:?}"
    );
    assert!(!p.source.is_empty());
    p
}

macro_rules! profile_tests {
    ($($name:ident => $code:literal),* $(,)?) => {
        $(#[test] fn $name() { load($code); })*
        #[test]
        fn every_profile_file_has_a_test() {
            let tested = [$($code),*];
            assert_eq!(BUILTIN_PROFILES.len(), tested.len());
        }
    };
}

profile_tests! {
    profile_cat => "CAT",
    profile_ccpr => "CCPR",
    profile_ced => "CED",
    profile_cedaw => "CEDAW",
    profile_cerd => "CERD",
    profile_cescr => "CESCR",
    profile_cmw => "CMW",
    profile_crc => "CRC",
    profile_crpd => "CRPD",
}

#[test]
fn committee_specific_limits_and_sections() {
    let cedaw = load("CEDAW");
    assert_eq!(
        cedaw.question_limit_for(DocumentKind::ListOfIssues),
        Some(20)
    );
    assert_eq!(
        cedaw.question_limit_for(DocumentKind::ListOfIssuesPriorToReporting),
        Some(25)
    );
    let crpd = load("CRPD");
    let top: Vec<String> = crpd
        .section_paths(DocumentKind::ListOfIssues)
        .iter()
        .map(|p| p[0].clone())
        .collect();
    for h in [
        "Purpose and general obligations (arts. 1–4)",
        "Specific rights (arts. 5–30)",
        "Specific obligations (arts. 31–33)",
    ] {
        assert!(top.iter().any(|t| t == h), "{h}");
    }
    assert_eq!(
        crpd.section_for(
            "ensure the right to vote",
            None,
            &(5..=30).collect::<Vec<_>>()
        )
        .last()
        .map(String::as_str),
        Some("Participation in political and public life (art. 29)")
    );
    let cescr = load("CESCR");
    assert_eq!(
        cescr
            .section_for("raise the minimum wage", None, &[])
            .last()
            .map(String::as_str),
        Some("Right to just and favourable conditions of work (art. 7)")
    );
    assert_eq!(
        Profile::builtin("E/C.12").map(|p| p.committee),
        Some("CESCR".into())
    );
}

// ---------------------------------------------------------------------------
// Questions read as English a committee would adopt.

/// "…, and that it provide training" after "please provide information on
/// the efforts made to ensure …": a recommendation's second request copied as
/// it was written to the State party.
static AND_THAT_IT: once_cell::sync::Lazy<Regex> = once_cell::sync::Lazy::new(|| {
    Regex::new(r"(?i)\band that (?:it|the State party) (?:[a-z]+ly )?(?:adopt|provide|take|establish|ensure|strengthen|develop|consider|allocate|increase|review|amend|guarantee|implement|introduce)\b").unwrap()
});
/// "the measures taken to in close consultation with …, develop …".
static TAKEN_TO_A_PREPOSITION: once_cell::sync::Lazy<Regex> = once_cell::sync::Lazy::new(|| {
    Regex::new(r"(?i)\b(?:taken|made)\s+to\s+(?:in|with|through|within|as|by|under)\s")
        .expect("preposition after to")
});
/// "the measures taken to implement effective measures to …".
static MEASURES_TO_TAKE_MEASURES: once_cell::sync::Lazy<Regex> = once_cell::sync::Lazy::new(|| {
    Regex::new(r"(?i)\bmeasures\s+taken\s+to\s+(?:take|adopt|enforce|implement|introduce|undertake|put\s+in\s+place)\s+(?:[\w-]+,?\s+){0,4}?measures\s*(?:necessary\s+)?(?:to|aimed|,)\s|\bsteps\s+taken\s+to\s+(?:take|adopt|introduce|undertake|put\s+in\s+place)\s+(?:[\w-]+,?\s+){0,4}?steps\b")
        .expect("doubled measures")
});
static GERUND_AFTER_INTENDS: once_cell::sync::Lazy<Regex> = once_cell::sync::Lazy::new(|| {
    Regex::new(r"(?i)intends to (?:\w+(?:,| or| and| and/or) )*(\w+ing)\b").unwrap()
});

fn lead_ins(p: &Profile) -> Vec<String> {
    let strip = |s: &str| {
        s.trim_start_matches("Please indicate, ")
            .trim_end_matches(',')
            .to_lowercase()
    };
    vec![
        strip(&p.lead_ins.default),
        strip(&p.lead_ins.follow_up),
        strip(&p.lead_ins.indicate),
    ]
}

/// What is wrong with a question's English: the patterns of issue 11.
fn problems(q: &ListQuestion, p: &Profile) -> Vec<String> {
    let mut out = Vec::new();
    let mut all = q.text.clone();
    for s in &q.subitems {
        all.push('\n');
        all.push_str(&s.text);
    }
    for c in GERUND_AFTER_INTENDS.captures_iter(&all) {
        let verb = c[1].to_lowercase();
        if !matches!(
            verb.as_str(),
            "bring" | "string" | "spring" | "sing" | "ring" | "swing" | "cling" | "sting"
        ) {
            out.push(format!("a gerund after \"intends to\": {}", &c[0]));
        }
    }
    if let Some(m) = TAKEN_TO_A_PREPOSITION.find(&all) {
        out.push(format!(
            "a preposition where the verb should be: {}",
            m.as_str()
        ));
    }
    if let Some(m) = MEASURES_TO_TAKE_MEASURES.find(&all) {
        out.push(format!("measures taken to take measures: {}", m.as_str()));
    }
    if let Some(m) = AND_THAT_IT.find(&all) {
        out.push(format!("a request left in the subjunctive: {}", m.as_str()));
    }
    if all.contains(": Please") || all.contains(": please") {
        out.push("a sentence right after a colon".into());
    }
    if q.text.trim_end().ends_with(':') {
        if q.subitems.is_empty() {
            out.push("a colon with no sub-items".into());
        }
        for s in &q.subitems {
            let lower = s.text.to_lowercase();
            if [
                "information on",
                "information in",
                "information about",
                "comprehensive information",
                "detailed information",
            ]
            .iter()
            .any(|w| lower.starts_with(w))
            {
                out.push(format!(
                    "\"information on: ({}) {}…\"",
                    s.label,
                    &s.text[..20.min(s.text.len())]
                ));
            }
        }
    } else if !q.subitems.is_empty() {
        out.push("sub-items after a question that does not end with a colon".into());
    }
    let lower = all.to_lowercase();
    for lead in lead_ins(p) {
        if !lead.is_empty() && lower.matches(&lead).count() > 1 {
            out.push(format!("the lead-in twice: {lead}"));
        }
    }
    for sentence in lower.split(". ") {
        if sentence.matches("please").count() > 1 {
            out.push(format!("two requests in one sentence: {sentence}"));
        }
    }
    for w in [
        "above-mentioned",
        "abovementioned",
        "aforementioned",
        "above mentioned",
    ] {
        if lower.contains(w) {
            out.push(format!(
                "\"{w}\" points at what the question does not contain"
            ));
        }
    }
    if ["  ", " ,", " .", ",,", ";.", ",.", ":."]
        .iter()
        .any(|p| all.contains(p))
    {
        out.push("stray spacing or punctuation".into());
    }
    if !(q.text.ends_with('.') || q.text.ends_with(':')) {
        out.push("the question does not end a sentence".into());
    }
    for s in &q.subitems {
        if s.text.chars().next().is_some_and(char::is_lowercase) {
            out.push(format!("sub-item ({}) begins in lower case", s.label));
        }
    }
    out
}

fn inputs<'a>(co: &'a Document, symbol: &'a str) -> Vec<RecommendationInput<'a>> {
    co.paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Recommendation)
        .map(|p| RecommendationInput {
            cluster_articles: p
                .cluster
                .as_ref()
                .and_then(|c| co.clusters.iter().find(|x| &x.title == c))
                .map(|c| c.articles.clone())
                .unwrap_or_default(),
            ..RecommendationInput::new(symbol, p)
        })
        .collect()
}

/// Generates every question of `co` in every style, whole and split, with and
/// without a follow-up assessment, and returns what reads wrong.
fn check_document(co: &Document, p: &Profile, name: &str) -> Vec<String> {
    let symbol = co.symbol.clone().unwrap_or_default();
    let mut base = inputs(co, &symbol);
    let mut bad = Vec::new();
    for assessed in [None, chrono::NaiveDate::from_ymd_opt(2019, 5, 6)] {
        for i in base.iter_mut() {
            i.assessed = assessed;
        }
        for style in [
            CitationStyle::Footnote,
            CitationStyle::Inline,
            CitationStyle::Bare,
        ] {
            for split in [false, true] {
                let opts = GenerateOptions {
                    style,
                    kind: DocumentKind::ListOfIssuesPriorToReporting,
                    split_subparagraphs: split,
                };
                for input in &base {
                    for g in generate_questions(input, p, &opts) {
                        for problem in problems(&g.question, p) {
                            bad.push(format!(
                                "{name} para {} ({style:?}, split {split}): {problem}\n    {}",
                                input.paragraph.number.as_deref().unwrap_or("?"),
                                g.question.text
                            ));
                        }
                    }
                }
            }
        }
    }
    bad
}

fn dump(name: &str, co: &Document, p: &Profile, style: CitationStyle) {
    let Ok(dir) = std::env::var("LOI_DUMP") else {
        return;
    };
    let symbol = co.symbol.clone().unwrap_or_default();
    let ins = inputs(co, &symbol);
    let state = co.state.clone().unwrap_or(StateParty {
        code: "XYZ".into(),
        name: "Utopia".into(),
    });
    let (list, _) = generate_list(
        &state,
        co.cycle.unwrap_or(1) + 1,
        &ins,
        p,
        &GenerateOptions {
            style,
            kind: DocumentKind::ListOfIssues,
            split_subparagraphs: false,
        },
    );
    let txt = loi_core::export::to_txt(&list, &loi_core::export::ExportOptions::default());
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(Path::new(&dir).join(format!("{name}.txt")), txt);
}

#[test]
fn questions_from_the_cmw_seeds_read_as_english() {
    let p = load("CMW");
    let mut checked = 0;
    let mut bad = Vec::new();
    for (name, bytes) in loi_core::seeds::SEEDS {
        let co = loi_core::parse::parse_text(&String::from_utf8_lossy(bytes));
        if co.kind != DocumentKind::ConcludingObservations {
            continue;
        }
        checked += 1;
        bad.extend(check_document(&co, &p, name));
        dump(&format!("cmw-{name}"), &co, &p, CitationStyle::Footnote);
    }
    assert!(checked >= 2, "the seeds hold concluding observations");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn questions_from_the_crpd_corpus_read_as_english() {
    let docs = crpd_documents();
    if docs.is_empty() {
        eprintln!("no CRPD corpus beside the repository (../shared/corpus/crpd): skipped");
        return;
    }
    let p = load("CRPD");
    let mut bad = Vec::new();
    let mut recommendations = 0;
    for (symbol, co) in &docs {
        recommendations += co
            .paragraphs
            .iter()
            .filter(|x| x.kind == ParagraphKind::Recommendation)
            .count();
        bad.extend(check_document(co, &p, symbol));
        dump(&symbol.replace('/', "_"), co, &p, CitationStyle::Bare);
    }
    println!(
        "{} CRPD concluding observations, {recommendations} recommendations",
        docs.len()
    );
    assert!(recommendations > 100);
    assert!(
        bad.is_empty(),
        "{} problems:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

// ---------------------------------------------------------------------------
// Short concluding observations for the committees with no documents here.

fn rec(number: &str, theme: &str, text: &str, subs: &[&str]) -> Paragraph {
    Paragraph {
        number: Some(number.into()),
        kind: ParagraphKind::Recommendation,
        theme: Some(theme.into()),
        text: text.into(),
        subparagraphs: subs
            .iter()
            .enumerate()
            .map(|(i, t)| SubParagraph {
                label: ((b'a' + i as u8) as char).to_string(),
                text: (*t).into(),
            })
            .collect(),
        ..Default::default()
    }
}

/// A few recommendations in the way each committee writes them.
fn short_observations(committee: &str) -> Vec<Paragraph> {
    let common = |n: u32| -> Vec<Paragraph> {
        vec![
            rec(&(n).to_string(), "Ratification of international instruments",
                "The Committee encourages the State party to consider ratifying or acceding to the above-mentioned instruments.", &[]),
            rec(&(n + 1).to_string(), "Legislation",
                "The Committee urges the State party to adopt the draft law on equality without delay, and invites the State party to provide information in its next periodic report on the measures taken to implement it.", &[]),
            rec(&(n + 2).to_string(), "Data collection",
                "The Committee recommends that the State party:",
                &["Systematically collect data, disaggregated by sex and age, on the matters covered by the treaty;",
                  "Provide comprehensive information on the measures taken in that regard."]),
        ]
    };
    let mut v = common(10);
    match committee {
        "CAT" => v.extend([
            rec("13", "Fundamental legal safeguards",
                "The State party should take effective measures to ensure that all detained persons are afforded all fundamental legal safeguards from the very outset of their deprivation of liberty.", &[]),
            rec("14", "Conditions of detention",
                "The State party should:",
                &["Step up its efforts to reduce overcrowding in prisons;", "Ensure that all deaths in custody are promptly investigated by an independent body."]),
        ]),
        "CCPR" => v.extend([
            rec("13", "Right to life (art. 6)",
                "The State party should take all measures necessary to prevent the excessive use of force by law enforcement officials and ensure that all allegations are investigated.", &[]),
            rec("14", "Freedom of expression (art. 19)",
                "The State party should review its legislation on defamation. It should also ensure that journalists can work freely.", &[]),
        ]),
        "CED" => v.extend([
            rec("13", "Definition and criminalization of enforced disappearance",
                "The Committee recommends that the State party take the necessary legislative measures to make enforced disappearance an autonomous offence, in line with the definition in article 2 of the Convention.", &[]),
            rec("14", "Search for disappeared persons",
                "The Committee recommends that the State party continue to strengthen its efforts to search for disappeared persons.", &[]),
        ]),
        "CEDAW" => v.extend([
            rec("13", "Gender-based violence against women",
                "Recalling its general recommendation No. 35 (2017), the Committee recommends that the State party:",
                &["Criminalize marital rape;", "Ensure that women victims of gender-based violence have access to shelters."]),
            rec("14", "Education",
                "The Committee recommends that the State party take measures to reduce the dropout rate of girls.", &[]),
        ]),
        "CERD" => v.extend([
            rec("13", "Racist hate speech",
                "Bearing in mind its general recommendation No. 35 (2013), the Committee recommends that the State party take all necessary measures to prevent and combat racist hate speech.", &[]),
            rec("14", "Indigenous peoples",
                "The Committee urges the State party to ensure the right of indigenous peoples to free, prior and informed consent.", &[]),
        ]),
        "CESCR" => v.extend([
            rec("13", "Minimum wage",
                "The Committee recommends that the State party raise the minimum wage to a level that ensures a decent living.", &[]),
            rec("14", "Right to housing",
                "The Committee recommends that the State party take the steps necessary to prevent forced evictions.", &[]),
        ]),
        "CRC" => v.extend([
            rec("13", "Corporal punishment",
                "Recalling its general comment No. 8 (2006), the Committee urges the State party to:",
                &["Explicitly prohibit corporal punishment in all settings;", "Promote positive forms of discipline."]),
            rec("14", "Child justice",
                "The Committee recommends that the State party raise the minimum age of criminal responsibility.", &[]),
        ]),
        _ => {}
    }
    v
}

#[test]
fn questions_of_every_committee_read_as_english() {
    let mut bad = Vec::new();
    for committee in ["CAT", "CCPR", "CED", "CEDAW", "CERD", "CESCR", "CRC"] {
        let p = load(committee);
        let co = Document {
            symbol: Some(
                p.symbol(DocumentKind::ListOfIssues, "XYZ", 1)
                    .replace("/Q/", "/CO/"),
            ),
            kind: DocumentKind::ConcludingObservations,
            committee: Some(committee.into()),
            state: Some(StateParty {
                code: "XYZ".into(),
                name: "Utopia".into(),
            }),
            cycle: Some(1),
            paragraphs: short_observations(committee),
            ..Default::default()
        };
        bad.extend(check_document(&co, &p, committee));
        dump(&committee.to_lowercase(), &co, &p, p.citation_style());
        // The whole list: the committee's sections, numbered through.
        let symbol = co.symbol.clone().unwrap_or_default();
        let (list, _) = generate_list(
            co.state.as_ref().unwrap(),
            2,
            &inputs(&co, &symbol),
            &p,
            &GenerateOptions {
                style: p.citation_style(),
                ..Default::default()
            },
        );
        assert_eq!(list.questions.len(), co.paragraphs.len(), "{committee}");
        assert_eq!(list.committee.as_deref(), Some(committee));
        let leaves = p.section_paths(DocumentKind::ListOfIssuesPriorToReporting);
        for q in &list.questions {
            let plain = loi_core::profile::unlabelled(&q.section);
            assert!(leaves.contains(&plain), "{committee}: {:?}", q.section);
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// The concluding observations written in other committees' layouts for the
/// parser's tests (`tests/documents/`), read as the library reads them.
#[test]
fn questions_from_the_other_committees_test_documents_read_as_english() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/documents");
    let mut bad = Vec::new();
    let mut checked = 0;
    for name in [
        "cat_co.layout.txt",
        "ccpr_co.pdf.txt",
        "cedaw_co.txt",
        "cerd_co.txt",
        "cerd_co.pdf.txt",
        "cerd_co.layout.txt",
        "cescr_co.pdf.txt",
        "crc_co.txt",
    ] {
        let text = std::fs::read_to_string(dir.join(name)).expect("test document");
        let co = loi_core::parse::parse_text(&text);
        assert_eq!(co.kind, DocumentKind::ConcludingObservations, "{name}");
        let committee = co.committee.clone().expect("committee");
        let p = load(&loi_core::committees::canonical(&committee));
        bad.extend(check_document(&co, &p, name));
        checked += co.recommendations().count();
    }
    assert!(checked >= 40, "{checked} recommendations");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

// ---------------------------------------------------------------------------
// No English template text in code.

/// String literals of a Rust source outside its tests (rough: enough for our files).
fn literals(source: &str) -> Vec<(usize, String)> {
    let code = source.split("#[cfg(test)]").next().unwrap_or(source);
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    let mut line = 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => line += 1,
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'\'' => {
                // A char literal ('"') or a lifetime.
                if bytes.get(i + 2) == Some(&b'\'') {
                    i += 3;
                    continue;
                }
                if bytes.get(i + 1) == Some(&b'\\') && bytes.get(i + 3) == Some(&b'\'') {
                    i += 4;
                    continue;
                }
            }
            b'r' if bytes.get(i + 1) == Some(&b'"') || bytes.get(i + 1) == Some(&b'#') => {
                let hashes = bytes[i + 1..].iter().take_while(|b| **b == b'#').count();
                if bytes.get(i + 1 + hashes) == Some(&b'"') {
                    let start = i + 2 + hashes;
                    let close = format!("\"{}", "#".repeat(hashes));
                    if let Some(end) = code[start..].find(&close) {
                        out.push((line, code[start..start + end].to_string()));
                        line += code[start..start + end].matches('\n').count();
                        i = start + end + close.len();
                        continue;
                    }
                }
            }
            b'"' => {
                let start = i + 1;
                let mut j = start;
                while j < bytes.len() && bytes[j] != b'"' {
                    if bytes[j] == b'\\' {
                        j += 1;
                    }
                    j += 1;
                }
                let s = &code[start..j.min(code.len())];
                out.push((line, s.to_string()));
                line += s.matches('\n').count();
                i = j + 1;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

#[test]
fn no_english_template_text_in_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let words = Regex::new(r"[A-Za-z][a-z]+(?:[ ][A-Za-z][a-z]+){2,}").unwrap();
    // Not templates: messages, test names, XML and style sheets.
    let allowed = [
        "is not valid",
        "the committee profile",
        "Times New Roman",
        "LOI Drafter",
        "there is no profile for the committee",
        "add one as a profile file",
        "has no recommendation to ask about",
        "writing the Word file",
    ];
    let mut found = Vec::new();
    // Every file of the generator and of the export (their tests aside).
    let mut files: Vec<String> = Vec::new();
    for dir in ["generate", "export"] {
        for e in std::fs::read_dir(root.join(dir)).expect("source folder") {
            let name = e.expect("entry").file_name().to_string_lossy().into_owned();
            if name.ends_with(".rs") && name != "tests.rs" {
                files.push(format!("{dir}/{name}"));
            }
        }
    }
    files.sort();
    assert!(files.len() >= 5, "{files:?}");
    for file in &files {
        let path = root.join(file);
        let source = std::fs::read_to_string(&path).expect("source");
        for (line, lit) in literals(&source) {
            // Regular expressions (\s+ between words) are rules, not text.
            // The messages of `expect` on a pattern ("request pattern").
            if lit.contains("(?") || lit.contains("\\s") || lit.ends_with(" pattern") {
                continue;
            }
            if let Some(m) = words.find(&lit) {
                if !allowed.iter().any(|a| lit.contains(a)) {
                    found.push(format!("{file}:{line}: \"{}\"", m.as_str()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "English text in code:\n{}",
        found.join("\n")
    );
}
