//! Concluding observations: sections (A. Introduction, B. Positive aspects,
//! C. Principal subjects of concern and recommendations …), clusters with their
//! article ranges, themes, numbered paragraphs with their kind and
//! sub-paragraphs, citations, and the follow-up and next-report paragraphs.

use once_cell::sync::Lazy;
use regex::Regex;

use crate::model::{
    Cluster, Document, FootnoteRef, Paragraph, ParagraphKind, Section, SubParagraph,
};
use crate::parse::metadata;
use crate::symbols;
use crate::text_cleanup::{
    self, line_is_heading_like, Block, LETTER_HEADING_RE, NUMBERED_RE, ROMAN_HEADING_RE,
    SUBPARAGRAPH_RE,
};

static ARTICLES_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\((?:arts?\.|articles?)\s*((?:[^()]|\([^()]*\))*)\)").expect("articles pattern")
});
static NESTED_PARENS_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\([^()]*\)").expect("parentheses pattern"));
static RANGE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(\d{1,3})\s*(?:[–—-]|to)\s*(\d{1,3})|(\d{1,3})").expect("range pattern")
});

/// "The Committee recommends / urges / calls upon … the State party".
static RECOMMENDATION_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:the committee|it)\s+(?:(?:also|further|furthermore|strongly|therefore|again|thus|once again|firmly)\s+)*(?:recommends|urges|calls\s+(?:up)?on|encourages|invites|requests|reiterates\s+its\s+(?:previous\s+)?recommendations?|recalls\s+its\s+(?:previous\s+)?recommendations?)(?-u:\b)|(?-u:\b)(?:and|thus)\s+(?:thus\s+)?(?:strongly\s+)?(?:recommends|urges)(?-u:\b)|(?-u:\b)(?:recommends|urges|calls\s+(?:up)?on|encourages|invites)\s+(?:that\s+)?the\s+State\s+party(?-u:\b)|(?-u:\b)the\s+State\s+party\s+should(?-u:\b)|\b(?:le\s+comité|il)\s+(?:(?:également|aussi|en\s+outre|donc|vivement|de\s+nouveau|à\s+nouveau)\s+)*(?:recommande|engage|exhorte|invite|prie|demande\s+instamment|encourage|réitère\s+sa\s+recommandation)\b|\bl[’']état\s+partie\s+devrait\b|\bel\s+comité\s+(?:(?:también|además|asimismo|encarecidamente|nuevamente)\s+)*(?:recomienda|insta|exhorta|alienta|invita|pide|solicita|reitera\s+su\s+recomendación)\b|\bel\s+estado\s+parte\s+debería\b|(?:^|\s)و?(?:كما\s+)?(?:توصي|تحث|تدعو|تشجع|تطلب|تناشد|تكرر)ي*\s+(?:\S+\s+)?(?:اللجني*ة|بأن|الدولة)|(?:^|\s)ينبغي\s+(?:لل)?دولة\s+الطرف")
        .expect("recommendation pattern")
});
static CONCERN_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:concern(?:ed)?|regrets?|deplores|is\s+alarmed|notes|noting|welcomes|welcoming|acknowledges|appreciates|is\s+aware|takes\s+note|observes)(?-u:\b)|\b(?:préoccup\w*|regrette|déplore|note\s+avec|prend\s+note|constate|se\s+félicite|salue|inquiet\w*|preocupa\w*|lamenta|deplora|observa|toma\s+nota|acoge\s+con|celebra|encomia)\b|القلق|قلقها|تلاحظ|ترحب|تأسف|تعرب\s+اللجنة|تشعر\s+اللجنة|[يت]ساور")
        .expect("concern pattern")
});
/// Procedural wording: dissemination, technical assistance, follow-up, next report.
static PROCEDURAL_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)timely dissemination of the present concluding observations|avail itself of (?:international|technical) assistance|within (?:\w+ )?(?:one|two|three|four|\d+) years? \(that is|submit its \w+ (?:periodic |combined )?report|(?:next|following) periodic report (?:is due|by)|common core document|harmonized treaty-specific guidelines|to submit (?:its|a) report|(?:widely\s+)?disseminate\s+(?:widely\s+)?(?:the\s+(?:Covenant|Convention|present concluding observations|report)|its\s+report)|is\s+requested\s+to\s+provide,?\s+by\s+\d{1,2}\s+\w+\s+\d{4}|(?:provide|submit)[^.]{0,160}?information\s+on\s+(?:the\s+|its\s+)?(?:implementation|follow-up|(?:measures|steps)\s+taken\s+to\s+implement)[^.]{0,80}?recommendations\s+(?:contained|made|set\s+(?:out|forth))\s+in\s+paragraphs?")
        .expect("procedural pattern")
});
static PROCEDURAL_HEADING_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:\d+\.\s*|[A-Z]\.\s*)?(?:dissemination(?: and follow-up| of (?:information|(?:the )?(?:present )?concluding observations))?|follow-up(?: to (?:the )?(?:present )?concluding observations| and dissemination| procedure)?|technical assistance|(?:preparation of (?:the )?)?next (?:periodic )?report|date of (?:the )?next report|common core document|implementation and reporting|reporting|documentation|paragraphs of particular importance)$")
        .expect("procedural heading pattern")
});
/// The follow-up request, in each committee's words: "within two years (that is,
/// by 2 January 2026)" (CMW), "within 12 months" (CRPD), "within one year"
/// (CERD), "within 24 months" (CESCR), "to provide, by 28 March 2025, information"
/// (CCPR, CAT), "urgent measures" (CRPD, CRC), "follow-up procedure".
static FOLLOW_UP_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)within\s+(?:a\s+period\s+of\s+)?(?:\w+\s+)?(?:one|two|three|four|six|twelve|eighteen|twenty-four|\d{1,2})\s+(?:years?|months?)|(?:provide|submit),?\s+(?:\w+\s+)?by\s+\d{1,2}\s+\w+\s+\d{4}|urgent\s+measures|follow-up\s+procedure")
        .expect("follow-up pattern")
});
/// The follow-up's due date: "(that is, by 2 January 2026)", "by 28 March 2025".
static FOLLOW_UP_DUE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\(that is,?\s+by\s+([^)]+)\)|(?-u:\b)by\s+(\d{1,2}\s+\w+\s+\d{4})")
        .expect("follow-up due pattern")
});
static FOLLOW_UP_PARAS_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:paragraphs?\s+|paras?\.\s*)").expect("paragraphs pattern")
});
/// "article 35, paragraph 2," "rule 75, paragraph 1,": a paragraph of a treaty or
/// of the rules, not of the concluding observations.
static OTHER_PARAGRAPH_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?:article|art\.|rule)\s+\d{1,3},?\s*$").expect("other paragraph pattern")
});
/// A topic named after a reference: "8, on general obligations, 20, …".
static THEME_NAME_AFTER_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?:,\s*|\s+)on\s").expect("topic after a reference"));
static SERIAL_AND_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r",\s*and\s+").expect("serial and pattern"));
/// Where a topic named after a reference ends: before the next reference
/// (", 20", ", and 56"), at a semicolon or at the sentence's end.
static THEME_NAME_END_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r",\s*(?:and\s+)?\d|;|\.(?:\s|$)").expect("end of a topic"));
/// The next report's due date: "submit its combined fourth and fifth periodic
/// reports by 20 August 2025", "submit its next periodic report, which will be
/// its eighth, by 12 May 2029", "reports are in principle due on 11 April 2032",
/// "The replies …, expected by 3 October 2030, will constitute its … report",
/// "at least one year prior to 14 July 2030, the date by which … reports are due",
/// "its tenth periodic report, which is due in February 2028".
static NEXT_REPORT_RE: Lazy<Regex> = Lazy::new(|| {
    let date = r"(\d{1,2}\s+\p{Lu}\p{Ll}+\s+\d{4}|\p{Lu}\p{Ll}+\s+\d{4})";
    Regex::new(&format!(
        r"(?i)submit\s+(?:its|the|a)\s+(?:[^.]|\.\S){{0,300}}?reports?(?:[^.]|\.\S){{0,300}}?(?-u:\b)(?:by|before|no\s+later\s+than|due\s+(?:on|by|in))\s+(?:no\s+later\s+than\s+)?{date}|reports?,?\s+(?:which\s+)?(?:is|are)\s+(?:in\s+principle\s+)?due\s+(?:on|by|in)\s+{date}|(?:next|following)\s+(?:periodic\s+)?report\s+(?:is\s+due|by|on)\s+(?:on\s+|by\s+)?{date}|replies[^.]{{0,80}}?expected\s+by\s+{date}|prior\s+to\s+{date},\s+the\s+date\s+by\s+which"
    ))
    .expect("next report pattern")
});
static THEME_NAME_IN_PARENS_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\((?:[^()]*\s[^()]*|[^()]{6,})\)").expect("parenthesised names"));

/// What kind of section a heading opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SectionRole {
    Introduction,
    Positive,
    Concerns,
    Procedural,
}

/// The procedural headings of the Arabic versions: follow-up and
/// dissemination, technical assistance, the next report.
static ARABIC_PROCEDURAL_HEADING_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"المتابعة|النشر|المساعدة\s+التقنية|التقرير\s+(?:الدوري\s+)?(?:المقبل|التالي)|التنفيذ\s+وتقديم\s+التقارير")
        .expect("Arabic procedural heading")
});

fn section_role(heading: &str) -> SectionRole {
    let h = heading.to_lowercase();
    if h.contains("introduction") || h.contains("introducción") || h.contains("مقدمة") {
        SectionRole::Introduction
    } else if h.contains("positive")
        || h.contains("positifs")
        || h.contains("positivos")
        || h.contains("progress achieved")
        || h.contains("follow-up measures taken")
        || h.contains("الإيجابية")
    {
        SectionRole::Positive
    } else if h.contains("implementation and reporting")
        || PROCEDURAL_HEADING_RE.is_match(heading)
        || ARABIC_PROCEDURAL_HEADING_RE.is_match(heading)
    {
        SectionRole::Procedural
    } else {
        SectionRole::Concerns
    }
}

/// The articles of a heading's range: "(arts. 8–35)", "(arts. 73 and 84)", "(arts. 4, 42 and 44 (6))".
pub fn articles_of(heading: &str) -> Vec<u32> {
    let mut out = Vec::new();
    for c in ARTICLES_RE.captures_iter(heading) {
        // Drop nested parentheses ("44 (6)": 6 is a paragraph of the article).
        let inner = NESTED_PARENS_RE.replace_all(&c[1], "");
        for r in RANGE_RE.captures_iter(&inner) {
            if let (Some(a), Some(b)) = (r.get(1), r.get(2)) {
                if let (Ok(a), Ok(b)) = (a.as_str().parse::<u32>(), b.as_str().parse::<u32>()) {
                    if a <= b && b - a < 200 {
                        out.extend(a..=b);
                    }
                }
            } else if let Some(n) = r.get(3).and_then(|n| n.as_str().parse::<u32>().ok()) {
                out.push(n);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether a paragraph's wording is a recommendation to the State party.
pub fn is_recommendation_text(text: &str) -> bool {
    RECOMMENDATION_RE.is_match(text)
}

fn first_sentence(text: &str) -> &str {
    let bytes = text.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'.' && i > 3 && bytes.get(i + 1).is_none_or(|n| *n == b' ') {
            let before = &text[..i];
            // Skip abbreviations ("arts.", "para.", "No.").
            let last_word = before.rsplit(' ').next().unwrap_or("");
            if matches!(
                last_word,
                "arts"
                    | "art"
                    | "para"
                    | "paras"
                    | "No"
                    | "Nos"
                    | "e.g"
                    | "i.e"
                    | "Mr"
                    | "Ms"
                    | "Dr"
            ) {
                continue;
            }
            return &text[..=i];
        }
    }
    text
}

/// A sentence that opens with the recommendation: "… detention. The State party
/// should: (a) …", "… abroad. The Committee recommends that …".
static LATER_RECOMMENDATION_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"[.;:]\s+(?:(?:In\s+(?:the\s+)?light\s+of|In\s+line\s+with|Recalling|Bearing\s+in\s+mind)\s(?:[^.]|\.(?:\S|\s+\d))*?,\s+)?(?:The\s+State\s+party\s+should|The\s+Committee\s+(?:(?:also|further|therefore|strongly|again)\s+)*(?:recommends|urges|calls\s+(?:up)?on|encourages|invites))(?-u:\b)")
        .expect("later recommendation pattern")
});

fn classify(text: &str) -> ParagraphKind {
    if PROCEDURAL_RE.is_match(text) {
        return ParagraphKind::Procedural;
    }
    let first = first_sentence(text);
    if RECOMMENDATION_RE.is_match(first) {
        return ParagraphKind::Recommendation;
    }
    if LATER_RECOMMENDATION_RE.is_match(text) {
        // The concern and the recommendation share the paragraph.
        return ParagraphKind::Recommendation;
    }
    if CONCERN_RE.is_match(first) {
        return ParagraphKind::Concern;
    }
    if RECOMMENDATION_RE.is_match(text) {
        return ParagraphKind::Recommendation;
    }
    if CONCERN_RE.is_match(text) {
        return ParagraphKind::Concern;
    }
    ParagraphKind::Other
}

fn shift_refs(refs: &[FootnoteRef], by: usize, max: usize) -> Vec<FootnoteRef> {
    refs.iter()
        .map(|r| FootnoteRef {
            number: r.number.clone(),
            offset: r.offset.saturating_sub(by).min(max),
        })
        .collect()
}

/// The paragraphs a follow-up request names, from the request on: every
/// "paragraph(s) …" that is not a treaty's or the rules' ("article 35, paragraph
/// 2"), with the topics named in brackets ("12 (legislation)") or after a comma
/// ("8, on general obligations, 20, …") set aside, ranges ("36 (a)–(d)", "53–56")
/// expanded.
fn follow_up_refs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for m in FOLLOW_UP_PARAS_RE.find_iter(text) {
        if OTHER_PARAGRAPH_RE.is_match(&text[..m.start()]) {
            continue;
        }
        let after = &text[m.end()..];
        let after = THEME_NAME_IN_PARENS_RE.replace_all(after, "");
        let after = without_topics_after(&after);
        let (refs, _) = symbols::parse_paragraph_refs(&after);
        for r in refs {
            if !out.contains(&r) {
                out.push(r);
            }
        }
    }
    out
}

/// The text without the topics named after references: "8, on general
/// obligations, 20, on the right to life, and 56, on …" → "8, 20, and 56".
fn without_topics_after(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(m) = THEME_NAME_AFTER_RE.find(rest) {
        out.push_str(&rest[..m.start()]);
        let tail = &rest[m.end()..];
        let end = THEME_NAME_END_RE
            .find(tail)
            .map_or(tail.len(), |e| e.start());
        rest = &tail[end..];
    }
    out.push_str(rest);
    // "8, 20, and 56": the serial comma before the last reference.
    SERIAL_AND_RE.replace_all(&out, " and ").into_owned()
}

/// A report's due date: "20 August 2025", or a month ("February 2028", read as
/// its first day).
fn parse_due_date(s: &str) -> Option<chrono::NaiveDate> {
    metadata::parse_date(s)
        .or_else(|| chrono::NaiveDate::parse_from_str(&format!("1 {}", s.trim()), "%d %B %Y").ok())
}

/// Parses concluding observations into `doc` (whose metadata `metadata::detect` filled).
pub fn parse(text: &str, doc: &mut Document) {
    let cleaned = text_cleanup::clean(text);
    doc.footnotes = cleaned.footnotes.clone();

    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let mut current: Option<Paragraph> = None;
    let mut section: Option<String> = None;
    let mut role: Option<SectionRole> = None;
    let mut roman_seen = false;
    let mut cluster: Option<String> = None;
    let mut cluster_procedural = false;
    let mut theme: Option<String> = None;
    let mut started = false;
    let mut expected_next: u32 = 1;

    let flush = |current: &mut Option<Paragraph>, paragraphs: &mut Vec<Paragraph>| {
        if let Some(p) = current.take() {
            paragraphs.push(p);
        }
    };

    for block in &cleaned.blocks {
        let Block {
            text: t,
            bold,
            footnote_refs,
            ..
        } = block;

        // Sub-paragraph of the current paragraph.
        if let Some(c) = SUBPARAGRAPH_RE.captures(t) {
            if let Some(p) = current.as_mut() {
                let prefix = c.get(2).map(|m| m.start()).unwrap_or(0);
                let sub_text = c[2].to_string();
                let label = c[1].to_string();
                for r in footnote_refs {
                    p.footnote_refs.push(FootnoteRef {
                        number: r.number.clone(),
                        offset: p.text.len(),
                    });
                }
                let _ = prefix;
                p.subparagraphs.push(SubParagraph {
                    label,
                    text: sub_text,
                });
                continue;
            }
        }

        // Section headings: "A. Introduction", "III. Main areas of concern …".
        if let Some(c) = ROMAN_HEADING_RE.captures(t) {
            if line_is_heading_like(&c[2], *bold)
                && c[1].len() <= 4
                && (c[1] != *"I" || !started || roman_seen)
            {
                flush(&mut current, &mut paragraphs);
                roman_seen = true;
                section = Some(t.clone());
                role = Some(section_role(&c[2]));
                cluster = None;
                cluster_procedural = false;
                theme = None;
                started = true;
                continue;
            }
        }
        if let Some(c) = LETTER_HEADING_RE.captures(t) {
            if line_is_heading_like(&c[2], *bold) {
                flush(&mut current, &mut paragraphs);
                if roman_seen
                    && matches!(role, Some(SectionRole::Concerns | SectionRole::Procedural))
                {
                    // Lettered clusters under a roman section (CRC, CEDAW layouts);
                    // under "IV. Implementation and reporting" they stay procedural.
                    cluster = Some(t.clone());
                    cluster_procedural =
                        role == Some(SectionRole::Procedural) || PROCEDURAL_HEADING_RE.is_match(t);
                    doc.clusters.push(Cluster {
                        title: t.clone(),
                        articles: articles_of(t),
                    });
                } else {
                    section = Some(t.clone());
                    role = Some(section_role(&c[2]));
                    cluster = None;
                    cluster_procedural = false;
                }
                theme = None;
                started = true;
                continue;
            }
        }

        // Numbered: a paragraph, or a numbered cluster heading.
        if let Some(c) = NUMBERED_RE.captures(t) {
            let number: u32 = c[1].parse().unwrap_or(0);
            let rest = c[2].to_string();
            let names_articles = ARTICLES_RE.is_match(&rest)
                && rest.chars().count() < 260
                && !rest.trim_end().ends_with('.');
            let heading_like = line_is_heading_like(&rest, *bold) && rest.chars().count() < 200;
            let is_cluster =
                started && (names_articles || (heading_like && number != expected_next));
            if is_cluster {
                flush(&mut current, &mut paragraphs);
                cluster = Some(t.clone());
                cluster_procedural = PROCEDURAL_HEADING_RE.is_match(t);
                doc.clusters.push(Cluster {
                    title: t.clone(),
                    articles: articles_of(t),
                });
                theme = None;
                continue;
            }
            flush(&mut current, &mut paragraphs);
            let prefix_len = c.get(2).map(|m| m.start()).unwrap_or(0);
            let kind = if !started || role == Some(SectionRole::Introduction) {
                ParagraphKind::Introduction
            } else if role == Some(SectionRole::Positive) {
                ParagraphKind::PositiveAspect
            } else if role == Some(SectionRole::Procedural)
                || cluster_procedural
                || theme
                    .as_deref()
                    .is_some_and(|th| PROCEDURAL_HEADING_RE.is_match(th))
            {
                ParagraphKind::Procedural
            } else {
                classify(&rest)
            };
            let kind = if PROCEDURAL_RE.is_match(&rest)
                && started
                && role != Some(SectionRole::Introduction)
            {
                ParagraphKind::Procedural
            } else {
                kind
            };
            current = Some(Paragraph {
                number: Some(number.to_string()),
                kind,
                section: section.clone().map(Section::Name),
                cluster: cluster.clone(),
                theme: theme.clone(),
                footnote_refs: shift_refs(footnote_refs, prefix_len, rest.len()),
                text: rest,
                ..Default::default()
            });
            expected_next = number + 1;
            started = true;
            continue;
        }

        if !started {
            // Title block: treaty, distribution, committee, title.
            continue;
        }

        // A short line without closing punctuation: a theme heading.
        if line_is_heading_like(t, *bold) && !t.starts_with('(') {
            flush(&mut current, &mut paragraphs);
            theme = Some(t.clone());
            continue;
        }

        // Unnumbered text: the rest of a paragraph, or a paragraph of its own.
        match current.as_mut() {
            Some(p) if t.starts_with(|c: char| c.is_lowercase()) => {
                let base = p.text.len() + 1;
                p.text.push(' ');
                p.text.push_str(t);
                p.footnote_refs
                    .extend(footnote_refs.iter().map(|r| FootnoteRef {
                        number: r.number.clone(),
                        offset: base + r.offset,
                    }));
            }
            _ => {
                flush(&mut current, &mut paragraphs);
                paragraphs.push(Paragraph {
                    number: None,
                    kind: ParagraphKind::Other,
                    section: section.clone().map(Section::Name),
                    cluster: cluster.clone(),
                    theme: theme.clone(),
                    text: t.clone(),
                    footnote_refs: footnote_refs.clone(),
                    ..Default::default()
                });
            }
        }
    }
    flush(&mut current, &mut paragraphs);

    // Citations: the paragraph's footnotes, then inline references.
    let notes = text_cleanup::footnotes_by_number(&doc.footnotes);
    for p in &mut paragraphs {
        let mut cites = Vec::new();
        for r in &p.footnote_refs {
            if let Some(f) = notes.get(r.number.as_str()) {
                cites.extend(f.cites.iter().cloned());
            }
        }
        let mut previous = None;
        cites.extend(symbols::find_citations(&p.full_text(), &mut previous));
        p.cites = symbols::dedup_citations(cites);
    }
    drop(notes);

    // Follow-up paragraphs and their due date; the next report's due date.
    let mut follow_up_seen: std::collections::HashSet<String> =
        doc.follow_up_paragraphs.iter().cloned().collect();
    for p in &paragraphs {
        let text = p.full_text();
        // `is_match` first: it runs the fast matcher, and a paragraph rarely matches.
        if let Some(trigger) = FOLLOW_UP_RE.find(&text) {
            let refs = follow_up_refs(&text[trigger.start()..]);
            if !refs.is_empty() {
                if doc.follow_up_due.is_none() {
                    doc.follow_up_due = FOLLOW_UP_DUE_RE.captures(&text).and_then(|c| {
                        let date = c.get(1).or_else(|| c.get(2))?;
                        metadata::parse_date(date.as_str())
                    });
                }
                for r in refs {
                    if follow_up_seen.insert(r.clone()) {
                        doc.follow_up_paragraphs.push(r);
                    }
                }
            }
        }
        if doc.next_report_due.is_none() {
            let next = NEXT_REPORT_RE
                .is_match(&text)
                .then(|| NEXT_REPORT_RE.captures(&text))
                .flatten();
            if let Some(c) = next {
                let date = c
                    .iter()
                    .skip(1)
                    .flatten()
                    .next()
                    .map(|m| m.as_str())
                    .unwrap_or("");
                doc.next_report_due = parse_due_date(date);
            }
        }
    }
    // A paragraph is under follow-up when a reference names it or one of its
    // sub-paragraphs ("35 (b)").
    let followed: std::collections::HashSet<&str> = doc
        .follow_up_paragraphs
        .iter()
        .flat_map(|r| [r.as_str(), crate::model::ParaRef::paragraph(r)])
        .collect();
    for p in &mut paragraphs {
        if let Some(n) = &p.number {
            p.follow_up = followed.contains(n.as_str());
        }
    }
    doc.paragraphs = paragraphs;
}

#[cfg(test)]
mod tests;
