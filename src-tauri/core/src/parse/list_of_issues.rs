//! Lists of issues (and lists of issues prior to reporting): the heading path of
//! each question, numbered questions with their sub-items, and their citations in
//! every style real lists use — a footnote ("CMW/C/TJK/CO/2, para. 12."; "Ibid.,
//! para. 35 (b)."), inline ("(see CMW/C/SEN/CO/1, para. 12)"), and bare
//! ("(para. 38)") resolved through the list's own note on what bare paragraph
//! numbers refer to.

use once_cell::sync::Lazy;
use regex::Regex;

use crate::model::{
    Citation, Document, FootnoteRef, Paragraph, ParagraphKind, Section, SubParagraph,
};
use crate::symbols;
use crate::text_cleanup::{
    self, line_is_heading_like, LETTER_HEADING_RE as LETTER_RE, NUMBERED_RE,
    ROMAN_HEADING_RE as ROMAN_RE, SUBPARAGRAPH_RE as SUBITEM_RE,
};

static ARTICLE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"^(?:Articles?|Arts?\.)\s+\d{1,3}(?:\s*(?:[–—-]|to|and|,)\s*\d{1,3})*(?:\s*\(.*\))?$",
    )
    .expect("article heading pattern")
});
static ARTICLES_IN_HEADING_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\((?:arts?\.|articles?)\s*\d{1,3}[^()]*(?:\([^()]*\)[^()]*)*\)\s*$")
        .expect("articles in heading pattern")
});
/// "paragraph numbers in parentheses refer to the third periodic report … (CMW/C/TJK/3)".
static BARE_NOTE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)paragraph(?:\s+numbers)?\s+in\s+(?:parentheses|brackets)\s+refer")
        .expect("bare note pattern")
});
static BARE_REF_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\((?:see\s+)?(?:paras?\.|paragraphs?)\s+([^()]*(?:\([a-z]{1,4}\)[^()]*)*)\)")
        .expect("bare reference pattern")
});
/// Words before a bare reference that say it points at the committee's
/// previous concluding observations ("With regard to the Committee's previous
/// concluding observations (para. 24)", "… previous recommendations (paras. 4
/// and 5)"), in English, French and Spanish.
static PREVIOUS_OBSERVATIONS_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)(?:previous|preceding|last)\s+(?:concluding\s+observations|recommendations?)|observations\s+finales\s+pr[ée]c[ée]dentes|recommandations?\s+pr[ée]c[ée]dentes|observaciones\s+finales\s+anteriores|recomendaciones\s+anteriores",
    )
    .expect("previous observations pattern")
});
static LOIPR_OPENING_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)simplified reporting procedure|prior to (?:the )?submission of")
        .expect("LOIPR opening pattern")
});

/// Heading level of a block, when it is a heading: 0 for "I.", 1 for "A.", 2 for "Articles 8–15".
fn heading_level(text: &str, bold: bool) -> Option<usize> {
    if let Some(c) = ROMAN_RE.captures(text) {
        if line_is_heading_like(&c[2], bold) {
            return Some(0);
        }
    }
    if let Some(c) = LETTER_RE.captures(text) {
        if line_is_heading_like(&c[2], bold) {
            return Some(1);
        }
    }
    if ARTICLE_RE.is_match(text) {
        return Some(2);
    }
    // A theme headed by the articles it concerns: "Equality and non-discrimination
    // (art. 5)", "Purpose and general obligations (arts. 1–4)".
    if ARTICLES_IN_HEADING_RE.is_match(text)
        && line_is_heading_like(text, bold)
        && text.chars().count() < 160
        && !text.starts_with(|c: char| c == '(' || c.is_ascii_digit())
    {
        return Some(2);
    }
    None
}

/// The paragraph references a question makes to the committee's previous
/// concluding observations without naming them: a bare "(para. 24)" or
/// "(paras. 4 and 5)" right after the words that name them (within the same
/// sentence, at most 80 characters before it).
pub fn previous_observations_refs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for c in BARE_REF_RE.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        let mut from = m.start().saturating_sub(80);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let before = &text[from..m.start()];
        let before = before.rsplit(['.', ';', '?']).next().unwrap_or(before);
        if PREVIOUS_OBSERVATIONS_RE.is_match(before) {
            out.extend(symbols::parse_paragraph_refs(&c[1]).0);
        }
    }
    out
}

/// Words that say a bare reference points at another document than the
/// previous concluding observations (the State party's report, its replies, …).
static OTHER_DOCUMENT_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)report|repl(?:y|ies)|annex|core\s+document|list\s+of\s+issues|submission|general\s+(?:comment|recommendation)|rapport|informe|respuesta|réponse")
        .expect("other document pattern")
});

/// The references of each text to the committee's previous concluding
/// observations: those right after the words that name them
/// ([`previous_observations_refs`]); and, in a list that cites them so, the
/// other bare references whose clause names no other document ("(c) The
/// percentage of persons with disabilities employed in the public sector
/// (para. 51 (d))", not "the State party's report (para. 65)").
pub fn previous_observations_refs_in_list(texts: &[String]) -> Vec<Vec<String>> {
    let named: Vec<Vec<String>> = texts
        .iter()
        .map(|t| previous_observations_refs(t))
        .collect();
    if named.iter().all(|r| r.is_empty()) {
        return named;
    }
    texts
        .iter()
        .zip(named)
        .map(|(text, mut refs)| {
            for c in BARE_REF_RE.captures_iter(text) {
                let Some(m) = c.get(0) else { continue };
                let before = &text[..m.start()];
                let clause = before
                    .rsplit(['.', ';', ':', '?', '\n'])
                    .next()
                    .unwrap_or(before);
                if OTHER_DOCUMENT_RE.is_match(clause) {
                    continue;
                }
                for r in symbols::parse_paragraph_refs(&c[1]).0 {
                    if !refs.contains(&r) {
                        refs.push(r);
                    }
                }
            }
            refs
        })
        .collect()
}

/// The concluding observations a list cites most (its previous ones).
fn most_cited_observations(paragraphs: &[Paragraph]) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for c in paragraphs.iter().flat_map(|p| p.cites.iter()) {
        let is_co = symbols::parse_symbol(&c.symbol)
            .is_some_and(|i| i.kind == Some(crate::model::DocumentKind::ConcludingObservations));
        if !is_co {
            continue;
        }
        match counts.iter_mut().find(|(s, _)| *s == c.symbol) {
            Some((_, n)) => *n += 1,
            None => counts.push((c.symbol.clone(), 1)),
        }
    }
    // The most cited; the first cited among equals.
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts.into_iter().find(|(_, n)| *n == best).map(|(s, _)| s)
}

/// Parses a list of issues into `doc`, refining the metadata the list itself tells.
pub fn parse(text: &str, doc: &mut Document) {
    let cleaned = text_cleanup::clean(text);
    doc.footnotes = cleaned.footnotes.clone();

    // The note that says what bare paragraph numbers refer to.
    let bare_note = doc
        .footnotes
        .iter()
        .find(|f| BARE_NOTE_RE.is_match(&f.text))
        .cloned();
    let bare_symbol = bare_note.as_ref().and_then(|f| {
        symbols::find_symbols(&f.text)
            .into_iter()
            .next()
            .map(|(_, s)| s)
    });

    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let mut path: Vec<(usize, String)> = Vec::new();
    let mut current: Option<Paragraph> = None;
    let mut started = false;
    let mut expected_next = 1u32;
    let mut title_seen = false;

    let current_path = |path: &Vec<(usize, String)>| -> Vec<String> {
        path.iter().map(|(_, h)| h.clone()).collect()
    };

    for block in &cleaned.blocks {
        let t = &block.text;
        // Once the list has begun, a short line without closing punctuation is a
        // theme heading ("Women's access to justice").
        if !title_seen && t.to_lowercase().starts_with("list of issues") {
            title_seen = true;
            continue;
        }
        let theme = (started || title_seen)
            && line_is_heading_like(t, block.bold)
            && t.chars().count() < 120
            && t.starts_with(char::is_uppercase)
            && !SUBITEM_RE.is_match(t)
            && !NUMBERED_RE.is_match(t);
        if let Some(level) = heading_level(t, block.bold).or(theme.then_some(2)) {
            if let Some(p) = current.take() {
                paragraphs.push(p);
            }
            path.retain(|(l, _)| *l < level);
            path.push((level, t.clone()));
            started = true;
            continue;
        }
        if let Some(c) = SUBITEM_RE.captures(t) {
            if let Some(p) = current.as_mut() {
                for r in &block.footnote_refs {
                    p.footnote_refs.push(FootnoteRef {
                        number: r.number.clone(),
                        offset: p.text.len(),
                    });
                }
                p.subparagraphs.push(SubParagraph {
                    label: c[1].to_string(),
                    text: c[2].to_string(),
                });
                continue;
            }
        }
        if let Some(c) = NUMBERED_RE.captures(t) {
            let number: u32 = c[1].parse().unwrap_or(0);
            let rest = &c[2];
            let plausible =
                number == expected_next || (number > expected_next && number <= expected_next + 3);
            if plausible && !(line_is_heading_like(rest, block.bold) && rest.chars().count() < 60) {
                if let Some(p) = current.take() {
                    paragraphs.push(p);
                }
                let prefix = c.get(2).map(|m| m.start()).unwrap_or(0);
                current = Some(Paragraph {
                    number: Some(number.to_string()),
                    kind: ParagraphKind::Question,
                    section: Some(Section::Path(current_path(&path))),
                    text: rest.to_string(),
                    footnote_refs: block
                        .footnote_refs
                        .iter()
                        .map(|r| FootnoteRef {
                            number: r.number.clone(),
                            offset: r.offset.saturating_sub(prefix).min(rest.len()),
                        })
                        .collect(),
                    ..Default::default()
                });
                expected_next = number + 1;
                started = true;
                continue;
            }
        }
        // Unnumbered text: a continuation, the opening paragraph, or the title block.
        match current.as_mut() {
            Some(p) if t.starts_with(|c: char| c.is_lowercase()) => {
                let base = p.text.len() + 1;
                p.text.push(' ');
                p.text.push_str(t);
                p.footnote_refs
                    .extend(block.footnote_refs.iter().map(|r| FootnoteRef {
                        number: r.number.clone(),
                        offset: base + r.offset,
                    }));
            }
            _ => {
                if let Some(p) = current.take() {
                    paragraphs.push(p);
                }
                let is_title = t.to_lowercase().starts_with("list of issues");
                let header_line = !started && (line_is_heading_like(t, block.bold) || is_title);
                if header_line {
                    continue;
                }
                paragraphs.push(Paragraph {
                    number: None,
                    kind: ParagraphKind::Other,
                    section: (!path.is_empty()).then(|| Section::Path(current_path(&path))),
                    text: t.clone(),
                    footnote_refs: block.footnote_refs.clone(),
                    ..Default::default()
                });
            }
        }
    }
    if let Some(p) = current.take() {
        paragraphs.push(p);
    }

    // Citations: notes, inline references, bare references.
    let notes = text_cleanup::footnotes_by_number(&doc.footnotes);
    for p in &mut paragraphs {
        let mut cites: Vec<Citation> = Vec::new();
        for r in &p.footnote_refs {
            let Some(f) = notes.get(r.number.as_str()) else {
                continue;
            };
            if bare_note.as_ref().is_some_and(|b| b.number == f.number) {
                continue;
            }
            cites.extend(f.cites.iter().cloned());
        }
        let full = p.full_text();
        let mut previous = None;
        cites.extend(symbols::find_citations(&full, &mut previous));
        if let Some(bare) = &bare_symbol {
            for c in BARE_REF_RE.captures_iter(&full) {
                let (refs, _) = symbols::parse_paragraph_refs(&c[1]);
                for r in refs {
                    cites.push(Citation {
                        symbol: bare.clone(),
                        paragraph: Some(r),
                    });
                }
            }
        }
        // Keep the order of appearance: markers stand where they stand in the text.
        p.cites = symbols::dedup_citations(cites);
    }
    drop(notes);
    // "(para. 24)" after "the Committee's previous concluding observations"
    // cites them, when the list names them somewhere.
    if let Some(previous) = most_cited_observations(&paragraphs).filter(|_| bare_symbol.is_none()) {
        let texts: Vec<String> = paragraphs.iter().map(|p| p.full_text()).collect();
        let refs_of = previous_observations_refs_in_list(&texts);
        for (p, refs) in paragraphs.iter_mut().zip(refs_of) {
            if refs.is_empty() {
                continue;
            }
            let mut cites = std::mem::take(&mut p.cites);
            cites.extend(refs.into_iter().map(|r| Citation {
                symbol: previous.clone(),
                paragraph: Some(r),
            }));
            p.cites = symbols::dedup_citations(cites);
        }
    }
    doc.paragraphs = paragraphs;

    refine_metadata(doc, bare_symbol.as_deref(), text);
}

fn push_inferred(doc: &mut Document, field: &str) {
    if !doc.inferred.iter().any(|f| f == field) {
        doc.inferred.push(field.to_string());
    }
}

/// What the list tells about itself: the State and cycle from the documents it
/// cites (the previous concluding observations, the report it is about).
fn refine_metadata(doc: &mut Document, bare_symbol: Option<&str>, text: &str) {
    let cited_co = doc
        .paragraphs
        .iter()
        .flat_map(|p| p.cites.iter())
        .filter_map(|c| symbols::parse_symbol(&c.symbol))
        .find(|i| i.kind == Some(crate::model::DocumentKind::ConcludingObservations));
    let report = bare_symbol
        .and_then(symbols::parse_symbol)
        .filter(|i| i.kind == Some(crate::model::DocumentKind::StateReport));
    if doc.state.is_none() {
        let code = report
            .as_ref()
            .and_then(|r| r.state.clone())
            .or_else(|| cited_co.as_ref().and_then(|c| c.state.clone()));
        if let Some(s) = code.as_deref().and_then(symbols::state_by_code) {
            doc.state = Some(s);
            push_inferred(doc, "state");
        }
    }
    if doc.committee.is_none() {
        if let Some(c) = report.as_ref().or(cited_co.as_ref()) {
            doc.committee = Some(c.committee.clone());
            push_inferred(doc, "committee");
        }
    }
    if doc.cycle.is_none() {
        let cycle = report
            .as_ref()
            .and_then(|r| r.cycle)
            .or_else(|| cited_co.as_ref().and_then(|c| c.cycle).map(|c| c + 1));
        if let Some(c) = cycle {
            doc.cycle = Some(c);
            push_inferred(doc, "cycle");
        }
    }
    // A list that opens with the simplified-procedure paragraph is a LOIPR.
    if doc.kind == crate::model::DocumentKind::ListOfIssues
        && doc.inferred.iter().any(|f| f == "kind")
    {
        let opening: String = text.chars().take(3000).collect();
        if LOIPR_OPENING_RE.is_match(&opening) {
            doc.kind = crate::model::DocumentKind::ListOfIssuesPriorToReporting;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DocumentKind;
    use crate::parse::parse_text;

    fn seed003() -> String {
        crate::fixtures::seed_text("003")
    }

    fn cite(s: &str, p: &str) -> Citation {
        Citation {
            symbol: s.into(),
            paragraph: Some(p.into()),
        }
    }

    fn path(d: &Document, n: &str) -> Vec<String> {
        d.paragraph(n).unwrap().section.as_ref().unwrap().path()
    }

    #[test]
    fn tajikistan_list_of_issues() {
        let d = parse_text(&seed003());
        assert_eq!(d.kind, DocumentKind::ListOfIssues);
        assert_eq!(d.state.as_ref().unwrap().code, "TJK");
        assert_eq!(d.cycle, Some(3));
        assert_eq!(d.symbol.as_deref(), Some("CMW/C/TJK/Q/3"));
        let qs: Vec<u32> = d
            .paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Question)
            .filter_map(|p| p.number.as_deref()?.parse().ok())
            .collect();
        assert_eq!(qs, (1..=25).collect::<Vec<_>>());
        let q1 = &d.paragraph("1").unwrap().cites;
        assert!(q1.contains(&cite("CMW/C/TJK/CO/2", "12")), "{q1:?}");
        assert!(q1.contains(&cite("CMW/C/TJK/3", "38")), "{q1:?}");
        assert!(!q1.iter().any(|c| c.paragraph.is_none()), "{q1:?}");
        assert_eq!(
            d.paragraph("11").unwrap().cites,
            vec![cite("CMW/C/TJK/CO/2", "35 (b)")]
        );
        assert_eq!(
            d.paragraph("12").unwrap().cites,
            vec![cite("CMW/C/TJK/CO/2", "35 (a)")]
        );
        assert_eq!(
            d.paragraph("24").unwrap().cites,
            vec![
                cite("CMW/C/TJK/CO/2", "49 (a)"),
                cite("CMW/C/TJK/CO/2", "49 (d)")
            ]
        );
        let p20 = path(&d, "20");
        assert_eq!(p20.last().unwrap(), "Articles 32 and 33");
        assert_eq!(
            p20[0],
            "II. Information relating to the articles of the Convention"
        );
        assert_eq!(path(&d, "7").last().unwrap(), "A. General principles");
        assert_eq!(path(&d, "3"), vec!["I. General information".to_string()]);
        assert_eq!(d.paragraph("4").unwrap().subparagraphs.len(), 7);
        assert_eq!(d.paragraph("25").unwrap().subparagraphs.len(), 9);
        assert_eq!(d.paragraph("7").unwrap().subparagraphs.len(), 4);
        for p in &d.paragraphs {
            let t = p.full_text();
            for bad in [
                "[footnoteRef",
                "[image",
                "[bookmark",
                "**",
                "CMW/C/TJK/CO/2, para. 12.",
            ] {
                assert!(!t.contains(bad), "{bad} in {t}");
            }
        }
        let q1p = d.paragraph("1").unwrap();
        assert_eq!(
            &q1p.text[..q1p.footnote_refs[0].offset],
            "Considering the recommendation made by the Committee in its previous concluding observations,"
        );
    }

    #[test]
    fn plain_text_loipr_with_inline_citations() {
        let text = "\
CMW/C/SEN/QPR/2

Committee on the Protection of the Rights of All Migrant Workers and Members of Their Families

List of issues prior to submission of the second periodic report of Senegal*

The present list of issues was adopted under the simplified reporting procedure. The replies of the State party will constitute its report under article 73 of the Convention; they should not exceed 21,200 words.

I. General information

1. Please provide information on the measures taken to harmonize legislation with the Convention (see CMW/C/SEN/CO/1, para. 12), including the adoption of the draft migration code.

2. As recommended by the Committee in its previous concluding observations (CMW/C/SEN/CO/1), please indicate whether the State party intends to make the declarations provided for in articles 76 and 77 of the Convention.1

1 CMW/C/SEN/CO/1, paras. 14 and 15.

GE.24-11111

II. Information relating to the articles of the Convention

A. Part III of the Convention

Articles 8-15

3. Please provide information on:

(a) The measures taken to combat the exploitation of talibé children (see CMW/C/SEN/CO/1, para. 30 (b));

(b) Assistance to returning migrants.
";
        let d = parse_text(text);
        assert_eq!(d.kind, DocumentKind::ListOfIssuesPriorToReporting);
        assert_eq!(d.symbol.as_deref(), Some("CMW/C/SEN/QPR/2"));
        assert_eq!(d.state.as_ref().unwrap().code, "SEN");
        assert_eq!(
            d.paragraph("1").unwrap().cites,
            vec![cite("CMW/C/SEN/CO/1", "12")]
        );
        let c2 = &d.paragraph("2").unwrap().cites;
        assert!(
            c2.contains(&cite("CMW/C/SEN/CO/1", "14"))
                && c2.contains(&cite("CMW/C/SEN/CO/1", "15")),
            "{c2:?}"
        );
        assert!(c2.contains(&Citation {
            symbol: "CMW/C/SEN/CO/1".into(),
            paragraph: None
        }));
        assert!(d
            .paragraph("3")
            .unwrap()
            .cites
            .contains(&cite("CMW/C/SEN/CO/1", "30 (b)")));
        assert_eq!(
            path(&d, "3"),
            vec![
                "II. Information relating to the articles of the Convention".to_string(),
                "A. Part III of the Convention".to_string(),
                "Articles 8-15".to_string()
            ]
        );
        let opening = d
            .paragraphs
            .iter()
            .find(|p| p.kind == ParagraphKind::Other)
            .unwrap();
        assert!(opening.text.contains("21,200 words"));
        assert!(!d.paragraphs.iter().any(|p| p.text.contains("GE.24")));
    }

    #[test]
    fn markdown_list_with_bare_references_and_no_note() {
        let text = "# List of issues in relation to the initial report of Mexico\n\n## I. General information\n\n**1.** Please provide information on the national migration policy (para. 19).\n\n**2.** Please describe the resources of the National Human Rights Commission.\n";
        let d = parse_text(text);
        assert_eq!(d.kind, DocumentKind::ListOfIssues);
        assert_eq!(d.state.as_ref().unwrap().code, "MEX");
        assert_eq!(d.cycle, Some(1));
        assert_eq!(
            d.paragraph("1").unwrap().text,
            "Please provide information on the national migration policy (para. 19)."
        );
        // Without the list's note, a bare reference is not resolved to any document.
        assert!(d.paragraph("1").unwrap().cites.is_empty());
        assert_eq!(path(&d, "2"), vec!["I. General information".to_string()]);
    }

    #[test]
    fn never_panics() {
        for t in ["", "1. Please", "(a) x", "I. A\n\n1. Please provide.\n\n(a)", "Liste de points concernant le rapport initial du Sénégal\n\n1. Veuillez fournir des informations."] {
            let mut d = Document {
                kind: DocumentKind::ListOfIssues,
                ..Default::default()
            };
            parse(t, &mut d);
        }
    }
}
