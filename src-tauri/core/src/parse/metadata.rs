//! Metadata detection: what a document is (kind), whose it is (committee, State
//! party), which cycle, when, in which language — from its title and header, or
//! inferred from what the text supports (and then listed in `inferred`).

use chrono::NaiveDate;
use once_cell::sync::Lazy;
use regex::Regex;

use crate::model::{Document, DocumentKind, StateParty};
use crate::symbols::{self, COMMITTEES};

/// How much of the start of a document is read for its title and header.
const HEADER_CHARS: usize = 4000;

static DATE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?-u:\b)(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})(?-u:\b)")
        .expect("date pattern")
});

/// Reads "2 January 2026".
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let c = DATE_RE.captures(s)?;
    NaiveDate::parse_from_str(&format!("{} {} {}", &c[1], &c[2], &c[3]), "%d %B %Y").ok()
}

/// The first date in `s`, with its position.
pub fn find_date(s: &str) -> Option<(usize, NaiveDate)> {
    DATE_RE
        .find_iter(s)
        .find_map(|m| parse_date(m.as_str()).map(|d| (m.start(), d)))
}

/// Names of the committees and conventions, as they appear in headers, with the committee code.
const COMMITTEE_NAMES: &[(&str, &str)] = &[
    ("Rights of All Migrant Workers", "CMW"),
    ("Committee on Migrant Workers", "CMW"),
    ("Committee on the Rights of the Child", "CRC"),
    ("Convention on the Rights of the Child", "CRC"),
    ("Elimination of Discrimination against Women", "CEDAW"),
    ("Human Rights Committee", "CCPR"),
    (
        "International Covenant on Civil and Political Rights",
        "CCPR",
    ),
    (
        "Committee on Economic, Social and Cultural Rights",
        "E/C.12",
    ),
    ("Committee against Torture", "CAT"),
    ("Convention against Torture", "CAT"),
    ("Elimination of Racial Discrimination", "CERD"),
    ("Rights of Persons with Disabilities", "CRPD"),
    ("Committee on Enforced Disappearances", "CED"),
];

const ORDINALS: &[(&str, u32)] = &[
    ("initial", 1),
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
];

fn ordinal(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    ORDINALS.iter().find(|(o, _)| *o == w).map(|(_, n)| *n)
}

static TITLE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?im)^[#*\s]*(Concluding observations (?:on|concerning)|Observations finales (?:concernant|sur|relatives)|Observaciones finales sobre|List of issues (?:and questions )?prior to (?:the )?submission of|List of issues (?:and questions )?in relation to|Replies of .{3,80}? to the list of issues|(?:Initial|Combined|(?:\w+) periodic) reports? (?:submitted by|of)|.{0,40}periodic reports? (?:submitted by|of) .{3,60} under article)[^\n]*")
        .expect("title pattern")
});

static REPORT_OF_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?-u:\b)((?:initial|combined\s+[a-z]+\s+(?:and|to)\s+[a-z]+|[a-z]+)\s+(?:periodic\s+)?reports?)\s+(?:of|submitted by)\s+(?:the\s+)?")
        .expect("report-of pattern")
});

/// The State named after "report of": tries the longest run of words that is a State name.
fn state_after(text: &str) -> Option<(StateParty, u32)> {
    for c in REPORT_OF_RE.captures_iter(text) {
        let Some(whole) = c.get(0) else { continue };
        let words: Vec<&str> = text[whole.end()..].split_whitespace().take(8).collect();
        for n in (1..=words.len()).rev() {
            let candidate = words[..n].join(" ");
            let candidate =
                candidate.trim_end_matches(|ch: char| !ch.is_alphanumeric() && ch != ')');
            let candidate = candidate.trim_end_matches(['*', '\\']);
            if let Some(s) = symbols::state_by_name(candidate) {
                let cycle = cycle_of(&c[1]).unwrap_or(0);
                return Some((s, cycle));
            }
        }
    }
    None
}

/// The report number of "second periodic report", "combined second and third periodic reports", "initial report".
pub fn cycle_of(phrase: &str) -> Option<u32> {
    phrase.split_whitespace().filter_map(ordinal).max()
}

/// The committee a text belongs to, from its header wording or the symbols it cites.
fn committee_of(header: &str, text: &str) -> Option<String> {
    // Only the title block names the committee; the body may name other treaties.
    let head = title_block(header);
    for (name, code) in COMMITTEE_NAMES {
        if head.contains(name) {
            return Some((*code).to_string());
        }
    }
    let mut counts: Vec<(String, usize)> = Vec::new();
    for (_, s) in symbols::find_symbols(text) {
        if let Some(info) = symbols::parse_symbol(&s) {
            if COMMITTEES.iter().any(|(c, _)| *c == info.committee) {
                match counts.iter_mut().find(|(c, _)| *c == info.committee) {
                    Some(e) => e.1 += 1,
                    None => counts.push((info.committee, 1)),
                }
            }
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts.into_iter().next().map(|(c, _)| c)
}

/// The State whose code appears most in the symbols a text cites.
pub fn state_from_symbols(text: &str) -> Option<StateParty> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for (_, s) in symbols::find_symbols(text) {
        if let Some(code) = symbols::parse_symbol(&s).and_then(|i| i.state) {
            match counts.iter_mut().find(|(c, _)| *c == code) {
                Some(e) => e.1 += 1,
                None => counts.push((code, 1)),
            }
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts
        .into_iter()
        .next()
        .and_then(|(c, _)| symbols::state_by_code(&c))
}

/// A best guess at the language: "en", "fr", "es", "ru", "ar", "zh".
pub fn detect_language(text: &str) -> String {
    let end = text
        .char_indices()
        .nth(20_000)
        .map_or(text.len(), |(i, _)| i);
    let sample = &text[..end];
    let mut cyrillic = 0;
    let mut arabic = 0;
    let mut cjk = 0;
    let mut latin = 0;
    for c in sample.chars() {
        match c {
            '\u{0400}'..='\u{04FF}' => cyrillic += 1,
            '\u{0600}'..='\u{06FF}' => arabic += 1,
            '\u{4E00}'..='\u{9FFF}' => cjk += 1,
            'a'..='z' | 'A'..='Z' => latin += 1,
            _ => {}
        }
    }
    let max = cyrillic.max(arabic).max(cjk).max(latin);
    if max == 0 {
        return "en".into();
    }
    if max == cyrillic {
        return "ru".into();
    }
    if max == arabic {
        return "ar".into();
    }
    if max == cjk {
        return "zh".into();
    }
    // One pass over the words, without copying them.
    const EN: &[&str] = &["the", "and", "of", "to", "that", "with", "is"];
    const FR: &[&str] = &["le", "la", "les", "des", "et", "du", "que", "est", "dans"];
    const ES: &[&str] = &["el", "los", "las", "del", "y", "que", "con", "por", "es"];
    let is = |list: &[&str], w: &str| list.iter().any(|x| x.eq_ignore_ascii_case(w));
    let (mut en, mut fr, mut es) = (0usize, 0usize, 0usize);
    for w in sample.split(|c: char| !c.is_alphabetic()) {
        if w.is_empty() || w.len() > 4 {
            continue;
        }
        en += usize::from(is(EN, w));
        fr += usize::from(is(FR, w));
        es += usize::from(is(ES, w));
    }
    if fr > en && fr >= es {
        "fr".into()
    } else if es > en && es > fr {
        "es".into()
    } else {
        "en".into()
    }
}

fn push_inferred(doc: &mut Document, field: &str) {
    if !doc.inferred.iter().any(|f| f == field) {
        doc.inferred.push(field.to_string());
    }
}

/// Detects a document's metadata. Never fails: what cannot be told stays `None`
/// and the kind falls back to `other`.
pub fn detect(text: &str) -> Document {
    let mut doc = Document::default();
    let header: String = text.chars().take(HEADER_CHARS).collect();
    let title = TITLE_RE.find(&header).map(|m| clean_title(m.as_str()));

    // Kind: from the title, else from what the text looks like.
    let lower_title = title.as_deref().unwrap_or("").to_lowercase();
    let lower_header = title_block(&header).to_lowercase();
    doc.kind = if REPLIES_TITLE_RE.is_match(&lower_header) {
        DocumentKind::Replies
    } else if FOLLOW_UP_TITLE_RE.is_match(&lower_header) {
        DocumentKind::FollowUpReport
    } else if SUBMISSION_TITLE_RE.is_match(&lower_header) {
        DocumentKind::Submission
    } else if lower_title.starts_with("concluding observations")
        || lower_title.starts_with("observations finales")
        || lower_title.starts_with("observaciones finales")
    {
        DocumentKind::ConcludingObservations
    } else if lower_title.starts_with("list of issues prior")
        || lower_title.starts_with("list of issues and questions prior")
    {
        DocumentKind::ListOfIssuesPriorToReporting
    } else if lower_title.starts_with("list of issues") {
        DocumentKind::ListOfIssues
    } else if !lower_title.is_empty() {
        DocumentKind::StateReport
    } else {
        let kind = kind_from_content(text);
        if kind != DocumentKind::Other {
            push_inferred(&mut doc, "kind");
        }
        kind
    };
    doc.title = title.clone();

    // The symbol printed at the head of the document (or in its running head) is
    // the document's own: it says what the document is.
    if let Some(info) = printed_symbol(text) {
        doc.symbol = Some(info.symbol.clone());
        doc.committee = Some(info.committee.clone());
        doc.state = info.state.as_deref().and_then(symbols::state_by_code);
        doc.cycle = info.cycle;
        if let Some(k) = info.kind {
            doc.kind = k;
            doc.inferred.retain(|f| f != "kind");
        }
    }

    if doc.committee.is_none() {
        doc.committee = committee_of(&header, text);
        if doc.committee.is_some()
            && !COMMITTEE_NAMES
                .iter()
                .any(|(n, _)| title_block(&header).contains(n))
        {
            push_inferred(&mut doc, "committee");
        }
    }

    // State party and cycle: the title ("… report of Kyrgyzstan"), else the text.
    if doc.state.is_none() {
        let from_title = title.as_deref().and_then(state_after);
        if let Some((s, cycle)) = from_title {
            doc.state = Some(s);
            if doc.cycle.is_none() && cycle > 0 {
                doc.cycle = Some(cycle);
            }
        } else if let Some((s, cycle)) = state_after(&header) {
            doc.state = Some(s);
            push_inferred(&mut doc, "state");
            if doc.cycle.is_none() && cycle > 0 && doc.kind == DocumentKind::ConcludingObservations
            {
                doc.cycle = Some(cycle);
                push_inferred(&mut doc, "cycle");
            }
        } else if let Some(s) = state_from_symbols(text) {
            doc.state = Some(s);
            push_inferred(&mut doc, "state");
        } else if let Some((s, _)) = symbols::states_named_in(&header).into_iter().next() {
            doc.state = Some(s);
            push_inferred(&mut doc, "state");
        }
    }

    // Date: the one after "Distr.", else the first full date of the header.
    let after_distr = header.find("Distr").map(|p| &header[p..]).unwrap_or("");
    let date = find_date(after_distr)
        .filter(|(pos, _)| *pos < 200)
        .or_else(|| find_date(&header).filter(|(pos, _)| *pos < 1500));
    if let Some((_, d)) = date {
        doc.date = Some(d);
    }
    doc.language = Some(detect_language(text));
    doc
}

/// Fills what can be derived once the kind's parser ran: the symbol from
/// committee, State, kind and cycle (marked inferred).
pub fn finish(doc: &mut Document) {
    if doc.symbol.is_none() {
        if let (Some(committee), Some(state), Some(cycle)) = (&doc.committee, &doc.state, doc.cycle)
        {
            let middle = match doc.kind {
                DocumentKind::ConcludingObservations => Some("CO/"),
                DocumentKind::ListOfIssues => Some("Q/"),
                DocumentKind::ListOfIssuesPriorToReporting => Some("QPR/"),
                DocumentKind::StateReport => Some(""),
                DocumentKind::Replies => Some("RQ/"),
                DocumentKind::FollowUpReport => Some("FCO/"),
                _ => None,
            };
            if let Some(m) = middle {
                let prefix = symbols::committee_prefix(committee, None);
                // A combined report keeps its range: "combined second and third" is "2-3".
                let number = doc
                    .title
                    .as_deref()
                    .and_then(|t| range_of(t, cycle))
                    .unwrap_or_else(|| cycle.to_string());
                doc.symbol = Some(format!("{prefix}/{}/{m}{number}", state.code));
                push_inferred(doc, "symbol");
            }
        }
    }
}

/// "2-3" for a title naming the combined second and third reports, when the
/// last of them is `cycle`.
fn range_of(title: &str, cycle: u32) -> Option<String> {
    let lower = title.to_lowercase();
    if !lower.contains("combined") {
        return None;
    }
    let numbers: Vec<u32> = lower
        .split(|c: char| !c.is_alphabetic())
        .filter_map(ordinal)
        .collect();
    let first = *numbers.iter().min()?;
    let last = *numbers.iter().max()?;
    (last == cycle && first < last).then(|| format!("{first}-{last}"))
}

/// The text before the first numbered paragraph (at most 1,500 characters).
fn title_block(header: &str) -> &str {
    let mut end = header.len().min(1500);
    while !header.is_char_boundary(end) {
        end -= 1;
    }
    let head = &header[..end];
    static FIRST_NUMBERED: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"(?m)^\s*(?:\*\*)?1\.\s").expect("first paragraph pattern"));
    match FIRST_NUMBERED.find(head) {
        Some(m) => &head[..m.start()],
        None => head,
    }
}

/// "Replies of Mexico to the list of issues", "Réponses de …".
static REPLIES_TITLE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?m)^[#*\s]*(?:replies|responses|written replies|reply) (?:of|by|from) .{3,120}?\bto the list of issues")
        .expect("replies title pattern")
});

/// "Information received from Azerbaijan on follow-up to the concluding observations".
static FOLLOW_UP_TITLE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?m)^[#*\s]*(?:(?:additional |follow-up )?information (?:received|provided|submitted) (?:from|by) .{3,120}?\bon (?:the )?follow-up|follow-up (?:information|report) (?:of|by|from|submitted by|on))")
        .expect("follow-up title pattern")
});

/// "Submission by … to the Committee", "Alternative report", "Shadow report",
/// "Parallel report", "Joint submission of …".
static SUBMISSION_TITLE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?m)^[#*\s]*(?:joint\s+)?(?:submission|alternative\s+report|shadow\s+report|parallel\s+report)\s+(?:by|of|from|to|for)\b")
        .expect("submission title pattern")
});

/// The document's own symbol: the one the masthead and the running heads of its
/// pages print on a line of their own ("CRPD/C/AUS/CO/1", "United Nations
/// CRPD/C/AUS/CO/1", "GE.13-47680 2 CRPD/C/AUS/CO/1"), the most often printed
/// so; a symbol cited in a sentence or a note ("(CRPD/C/AUS/1)", "CRPD/C/AUS/1,
/// para. 9.") does not count. The masthead may come out of the PDF after the first
/// page's text, so the whole text is read. Symbols of other bodies do not count.
fn printed_symbol(text: &str) -> Option<symbols::SymbolInfo> {
    let mut counts: Vec<(String, usize, usize)> = Vec::new();
    for (range, s) in symbols::find_symbols(text) {
        if !stands_alone(text, range) {
            continue;
        }
        match counts.iter_mut().find(|(c, _, _)| *c == s) {
            Some(e) => e.1 += 1,
            None => {
                let order = counts.len();
                counts.push((s, 1, order));
            }
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    counts
        .into_iter()
        .filter_map(|(s, _, _)| symbols::parse_symbol(&s))
        .find(|i| {
            COMMITTEES.iter().any(|(c, _)| *c == i.committee)
                && i.kind.is_some()
                // "CRPD/C/SEN/CO" cut off from its "/1" is not a symbol.
                && ((i.state.is_some() && i.cycle.is_some()) || i.meeting.is_some())
        })
}

/// Whether the symbol at `range` stands on its line as a masthead or running
/// head prints it: the rest of the line holds no words but "United Nations"
/// (page numbers and job numbers may stand beside it), and no punctuation of a
/// citation follows it.
fn stands_alone(text: &str, range: std::ops::Range<usize>) -> bool {
    let line_start = text[..range.start].rfind('\n').map_or(0, |p| p + 1);
    let line_end = text[range.end..]
        .find('\n')
        .map_or(text.len(), |p| range.end + p);
    let before = &text[line_start..range.start];
    let after = &text[range.end..line_end];
    if after
        .trim_start()
        .starts_with(['.', ',', ';', ')', '(', ':'])
        || before.trim_end().ends_with(['(', ',', ':'])
    {
        return false;
    }
    let rest = format!("{before} {after}").replace("United Nations", "");
    !rest.chars().any(|c| c.is_alphabetic() && c.is_lowercase()) && !rest.contains(['(', ')'])
        || rest.trim().is_empty()
}

fn clean_title(s: &str) -> String {
    let t = s.trim().trim_start_matches(['#', ' ']);
    let t = t.replace("\\*", "").replace("**", "");
    t.trim_end_matches(['*', ' ', '\\']).trim().to_string()
}

static QUESTION_LINE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?m)^\s*(?:\*\*)?\d{1,3}\.\s*(?:\*\*)?\s*(?:Please|In the light|Considering|Bearing in mind|With reference|Recalling|Given|In view)")
        .expect("question line pattern")
});

/// The kind a document without a title looks like.
fn kind_from_content(text: &str) -> DocumentKind {
    let lower = text.to_lowercase();
    let letter = lower.contains("excellency")
        && (lower.contains("follow-up") || lower.contains("concluding observations"));
    if letter {
        return DocumentKind::FollowUpLetter;
    }
    let experts =
        lower.matches("committee expert").count() + lower.matches("country rapporteur").count();
    if experts >= 2 && lower.contains("delegation") {
        return DocumentKind::DialogueSummary;
    }
    let questions = QUESTION_LINE_RE.find_iter(text).count();
    let please = lower.matches("please provide").count() + lower.matches("please indicate").count();
    if questions >= 3 || please >= 5 {
        if lower.contains("simplified reporting procedure") && lower.contains("prior to") {
            return DocumentKind::ListOfIssuesPriorToReporting;
        }
        return DocumentKind::ListOfIssues;
    }
    let recommends = lower.matches("recommends that the state party").count();
    if recommends >= 3 {
        return DocumentKind::ConcludingObservations;
    }
    DocumentKind::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed(name: &str) -> String {
        crate::fixtures::seed_text(name)
    }

    #[test]
    fn reads_concluding_observations_headers() {
        let d = detect(&seed("000"));
        assert_eq!(d.kind, DocumentKind::ConcludingObservations);
        assert_eq!(d.committee.as_deref(), Some("CMW"));
        assert_eq!(d.state.as_ref().unwrap().code, "KGZ");
        assert_eq!(d.cycle, Some(2));
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2023, 12, 26));
        assert_eq!(d.language.as_deref(), Some("en"));
        let d = detect(&seed("004"));
        assert_eq!(d.state.as_ref().unwrap().code, "TJK");
        assert_eq!(d.cycle, Some(2));
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2019, 5, 9));
    }

    #[test]
    fn infers_the_kind_of_untitled_documents() {
        let d = detect(&seed("003"));
        assert_eq!(d.kind, DocumentKind::ListOfIssues);
        assert!(d.inferred.contains(&"kind".to_string()));
        assert_eq!(d.state.as_ref().unwrap().code, "TJK");
        let d = detect(&seed("001"));
        assert_eq!(d.kind, DocumentKind::FollowUpLetter);
        assert_eq!(d.state.as_ref().unwrap().code, "KGZ");
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2018, 9, 13));
        let d = detect(&seed("002"));
        assert_eq!(d.kind, DocumentKind::DialogueSummary);
        assert_eq!(d.state.as_ref().unwrap().code, "KGZ");
    }

    #[test]
    fn reads_titles_of_other_committees_and_stated_symbols() {
        let t = "CRC/C/BIH/CO/5-6\n\nConvention on the Rights of the Child\n\nDistr.: General\n5 December 2017\n\nConcluding observations on the combined fifth and sixth periodic reports of Bosnia and Herzegovina*\n";
        let d = detect(t);
        assert_eq!(d.symbol.as_deref(), Some("CRC/C/BIH/CO/5-6"));
        assert_eq!(d.committee.as_deref(), Some("CRC"));
        assert_eq!(d.state.as_ref().unwrap().code, "BIH");
        assert_eq!(d.cycle, Some(6));
        let t = "List of issues prior to submission of the second periodic report of Senegal\n\n1. Please provide information on the measures taken.";
        let d = detect(t);
        assert_eq!(d.kind, DocumentKind::ListOfIssuesPriorToReporting);
        assert_eq!(d.state.as_ref().unwrap().code, "SEN");
        assert_eq!(d.cycle, Some(2));
    }

    #[test]
    fn infers_the_symbol_from_its_parts() {
        let mut d = detect(&seed("000"));
        finish(&mut d);
        assert_eq!(d.symbol.as_deref(), Some("CMW/C/KGZ/CO/2"));
        assert!(d.inferred.contains(&"symbol".to_string()));
        let mut d = detect("Committee on the Rights of Persons with Disabilities\n\nConcluding observations on the combined second and third periodic reports of Mexico\n\n1. The Committee recommends that the State party act.");
        finish(&mut d);
        assert_eq!(d.symbol.as_deref(), Some("CRPD/C/MEX/CO/2-3"));
        assert_eq!(d.cycle, Some(3));
        assert_eq!(
            range_of(
                "Combined initial and second periodic reports submitted by Bahrain",
                2
            )
            .as_deref(),
            Some("1-2")
        );
    }

    #[test]
    fn reads_the_printed_symbol_and_kind_of_state_party_documents() {
        let t = "Committee on the Rights of Persons with Disabilities\n\nReplies of Lithuania to the list of issues in relation to its combined second and third periodic reports*\n\n1. The Government thanks the Committee (see CRPD/C/LTU/CO/1).\n\nGE.23-1 2\nCRPD/C/LTU/RQ/2-3\n\n2. The law was adopted.\n\nCRPD/C/LTU/RQ/2-3 GE.23-1 3\n";
        let d = detect(t);
        assert_eq!(d.symbol.as_deref(), Some("CRPD/C/LTU/RQ/2-3"));
        assert_eq!(d.kind, DocumentKind::Replies);
        assert_eq!(d.cycle, Some(3));
        assert!(d.inferred.is_empty(), "{:?}", d.inferred);
        let t = "Committee on the Rights of Persons with Disabilities\n\nInformation received from Azerbaijan on follow-up to the concluding observations on its combined second and third periodic reports\n\n1. The present report.";
        let d = detect(t);
        assert_eq!(d.kind, DocumentKind::FollowUpReport);
        assert_eq!(d.state.as_ref().map(|s| s.code.as_str()), Some("AZE"));
    }

    #[test]
    fn tells_languages_apart() {
        assert_eq!(
            detect_language("Le Comité recommande que l'État partie prenne les mesures et la loi"),
            "fr"
        );
        assert_eq!(
            detect_language("El Comité recomienda que el Estado parte adopte las medidas y los"),
            "es"
        );
        assert_eq!(
            detect_language("Комитет рекомендует государству-участнику"),
            "ru"
        );
        assert_eq!(
            detect_language("The Committee recommends that the State party"),
            "en"
        );
    }
}
