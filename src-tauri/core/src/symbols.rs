//! UN document symbols ("CMW/C/KGZ/CO/2"), State party names, and citations of
//! paragraphs ("CMW/C/KGZ/CO/1, para. 9.", "Ibid., para. 49 (a) and (d).").

use once_cell::sync::Lazy;
use regex::Regex;

use crate::model::{Citation, DocumentKind, StateParty};
use crate::state_names::STATES;

/// What a symbol says about its document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SymbolInfo {
    /// The symbol as normalised (no trailing period, en dash as hyphen in cycles).
    pub symbol: String,
    /// Committee prefix ("CMW", "CRC", "E/C.12").
    pub committee: String,
    /// The optional protocol of a CRC symbol ("OPSC", "OPAC").
    pub protocol: Option<String>,
    /// ISO alpha-3 code when the symbol names a State party ("EU" for the European Union).
    pub state: Option<String>,
    pub kind: Option<DocumentKind>,
    /// The (last) report number of the cycle: "CO/2-4" gives 4.
    pub cycle: Option<u32>,
    /// The cycle as written ("2-4"), when it is a range or a number.
    pub cycle_range: Option<String>,
    /// True for addenda ("/Add.1"): replies and follow-up reports.
    pub addendum: bool,
    /// True for corrigenda ("/Corr.1").
    pub corrigendum: bool,
    /// The meeting of a summary record ("SR.536" gives 536).
    pub meeting: Option<u32>,
}

static SYMBOL_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?-u:\b)(?:E/C\.12|[A-Z]{2,6})/[A-Z0-9][A-Za-z0-9.]*(?:/[A-Za-z0-9][A-Za-z0-9.]*(?:[-–][0-9]+)?)*")
        .expect("symbol pattern")
});

/// Committees whose symbols we recognise, with the treaty body name.
pub const COMMITTEES: &[(&str, &str)] = &[
    ("CMW", "Committee on Migrant Workers"),
    ("CRC", "Committee on the Rights of the Child"),
    (
        "CEDAW",
        "Committee on the Elimination of Discrimination against Women",
    ),
    ("CCPR", "Human Rights Committee"),
    (
        "E/C.12",
        "Committee on Economic, Social and Cultural Rights",
    ),
    ("CAT", "Committee against Torture"),
    (
        "CERD",
        "Committee on the Elimination of Racial Discrimination",
    ),
    (
        "CRPD",
        "Committee on the Rights of Persons with Disabilities",
    ),
    ("CED", "Committee on Enforced Disappearances"),
];

/// Finds every document symbol in `text`, with its byte range.
pub fn find_symbols(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    SYMBOL_RE
        .find_iter(text)
        .filter_map(|m| {
            let raw = m.as_str().trim_end_matches('.');
            // Require at least two slashes ("CMW/C/..."), or a committee prefix.
            if raw.matches('/').count() < 2 && !raw.starts_with("HRI/") {
                return None;
            }
            Some((m.start()..m.start() + raw.len(), normalize_symbol(raw)))
        })
        .collect()
}

/// Trims and normalises a symbol as written.
pub fn normalize_symbol(raw: &str) -> String {
    raw.trim()
        .trim_end_matches(['.', ',', ';', ')'])
        .replace('–', "-")
        .to_string()
}

/// Reads a symbol: committee, State party, kind and cycle.
///
/// Endings after the State code: `CO/n` concluding observations (`CO/n/Add.n` is the
/// State party's follow-up information, as is `FCO/n` and `RFIR/n`, the follow-up
/// report on an inquiry); `Q/n` list of issues (`Q/n/Add.n` the replies, as is
/// `RQ/n`); `QPR/n` list of issues prior to reporting; `n` or `n-m` the State
/// party's report; `OAI/n` (CED) observations on additional information; `AI/n`
/// additional information. `SR.n` after the committee is a summary record.
/// `/Corr.n` keeps the kind of what it corrects.
pub fn parse_symbol(raw: &str) -> Option<SymbolInfo> {
    let symbol = normalize_symbol(raw);
    let (committee, rest) = if let Some(r) = symbol.strip_prefix("E/C.12/") {
        ("E/C.12".to_string(), r.to_string())
    } else {
        let (c, r) = symbol.split_once('/')?;
        // "CMR" is a known misprint of "CMW".
        let c = if c == "CMR" { "CMW" } else { c };
        let r = r.strip_prefix("C/").unwrap_or(r);
        (c.to_string(), r.to_string())
    };
    if committee.is_empty()
        || !committee
            .chars()
            .all(|c| c.is_ascii_uppercase() || c == '/' || c == '.' || c.is_ascii_digit())
    {
        return None;
    }
    let mut parts: Vec<&str> = rest.split('/').filter(|p| !p.is_empty()).collect();
    let mut info = SymbolInfo {
        symbol: symbol.clone(),
        committee,
        protocol: None,
        state: None,
        kind: None,
        cycle: None,
        cycle_range: None,
        addendum: false,
        corrigendum: false,
        meeting: None,
    };
    if let Some(p) = parts.first().copied() {
        if matches!(p, "OPSC" | "OPAC" | "OPIC") {
            info.protocol = Some(p.to_string());
            parts.remove(0);
        }
    }
    let Some(first) = parts.first().copied() else {
        return Some(info);
    };
    if let Some(n) = first.strip_prefix("SR.") {
        info.meeting = n.parse().ok();
        info.kind = Some(DocumentKind::Other);
        info.corrigendum = parts.iter().any(|p| p.starts_with("Corr"));
        return Some(info);
    }
    let is_state_code = (first.len() == 3 || first == "EU")
        && first.chars().all(|c| c.is_ascii_uppercase())
        && state_by_code(first).is_some();
    if !is_state_code {
        return Some(info);
    }
    info.state = Some(first.to_string());
    info.addendum = parts.iter().skip(1).any(|p| p.starts_with("Add"));
    info.corrigendum = parts.iter().skip(1).any(|p| p.starts_with("Corr"));
    let number = |s: Option<&&str>| -> Option<(String, u32)> {
        let s = *s?;
        let last = s.rsplit(['-', '–']).next()?;
        let digits_only = s
            .chars()
            .all(|c| c.is_ascii_digit() || c == '-' || c == '–');
        if !digits_only || !s.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        Some((s.replace('–', "-"), last.parse().ok()?))
    };
    let add = info.addendum;
    let (kind, cycle) = match parts.get(1).copied() {
        Some("CO") | Some("OAI") => (
            if add {
                DocumentKind::FollowUpReport
            } else {
                DocumentKind::ConcludingObservations
            },
            number(parts.get(2)),
        ),
        Some("FCO") | Some("RFIR") => (DocumentKind::FollowUpReport, number(parts.get(2))),
        Some("QPR") => (
            if add {
                DocumentKind::Replies
            } else {
                DocumentKind::ListOfIssuesPriorToReporting
            },
            number(parts.get(2)),
        ),
        Some("Q") => (
            if add {
                DocumentKind::Replies
            } else {
                DocumentKind::ListOfIssues
            },
            number(parts.get(2)),
        ),
        Some("RQ") => (DocumentKind::Replies, number(parts.get(2))),
        Some("AI") => (DocumentKind::StateReport, number(parts.get(2))),
        Some(n) => match number(Some(&n)) {
            Some(c) => (DocumentKind::StateReport, Some(c)),
            None => return Some(info),
        },
        None => return Some(info),
    };
    info.kind = Some(kind);
    if let Some((range, last)) = cycle {
        info.cycle = Some(last);
        info.cycle_range = Some(range);
    }
    Some(info)
}

/// The symbol of the document a reply or a follow-up report answers:
/// `…/RQ/2-3` and `…/Q/2-3/Add.1` answer `…/Q/2-3`; `…/FCO/2-3` and
/// `…/CO/2-3/Add.1` answer `…/CO/2-3`.
pub fn answered_symbol(symbol: &str) -> Option<String> {
    let info = parse_symbol(symbol)?;
    let state = info.state.as_deref()?;
    let range = info.cycle_range.as_deref()?;
    let middle = match info.kind? {
        DocumentKind::Replies => {
            if symbol.contains("/QPR/") {
                "QPR"
            } else {
                "Q"
            }
        }
        DocumentKind::FollowUpReport => "CO",
        _ => return None,
    };
    Some(format!(
        "{}/{state}/{middle}/{range}",
        committee_prefix(&info.committee, info.protocol.as_deref())
    ))
}

/// "CRPD/C", "E/C.12", "CRC/C/OPSC".
pub fn committee_prefix(committee: &str, protocol: Option<&str>) -> String {
    let base = if committee == "E/C.12" {
        committee.to_string()
    } else {
        format!("{committee}/C")
    };
    match protocol {
        Some(p) => format!("{base}/{p}"),
        None => base,
    }
}

/// The State party with this ISO alpha-3 code.
pub fn state_by_code(code: &str) -> Option<StateParty> {
    let code = code.trim().to_ascii_uppercase();
    STATES
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(c, n, _)| StateParty {
            code: (*c).to_string(),
            name: (*n).to_string(),
        })
}

/// The State party with this name (UN short name or a common alias), case-insensitive.
pub fn state_by_name(name: &str) -> Option<StateParty> {
    let wanted = name.trim().to_lowercase();
    STATES
        .iter()
        .find(|(_, n, aliases)| {
            n.to_lowercase() == wanted || aliases.iter().any(|a| a.to_lowercase() == wanted)
        })
        .map(|(c, n, _)| StateParty {
            code: (*c).to_string(),
            name: (*n).to_string(),
        })
}

/// Accepts a code ("KGZ") or a name ("Kyrgyzstan").
pub fn state_by_code_or_name(s: &str) -> Option<StateParty> {
    state_by_code(s).or_else(|| state_by_name(s))
}

/// Every State whose name (or alias) occurs in `text` as a whole phrase, with
/// the number of occurrences, most frequent first.
pub fn states_named_in(text: &str) -> Vec<(StateParty, usize)> {
    let mut found: Vec<(StateParty, usize)> = Vec::new();
    for (code, name, aliases) in STATES {
        // The European Union is named in many States' documents; only its symbols tell its own.
        if code.len() != 3 {
            continue;
        }
        let mut count = 0;
        for n in std::iter::once(name).chain(aliases.iter()) {
            if n.len() < 4 || n.contains(',') {
                continue;
            }
            count += count_phrase(text, n);
        }
        if count > 0 {
            found.push((
                StateParty {
                    code: (*code).to_string(),
                    name: (*name).to_string(),
                },
                count,
            ));
        }
    }
    found.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.code.cmp(&b.0.code)));
    found
}

fn count_phrase(text: &str, phrase: &str) -> usize {
    let mut count = 0;
    let mut start = 0;
    while let Some(pos) = text[start..].find(phrase) {
        let abs = start + pos;
        let before = text[..abs].chars().next_back();
        let after = text[abs + phrase.len()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        if boundary(before) && boundary(after) {
            count += 1;
        }
        start = abs + phrase.len();
    }
    count
}

/// Expands a written paragraph reference into one string per paragraph or
/// sub-paragraph: "49 (a) and (d)" gives ["49 (a)", "49 (d)"], "22 and 23" gives
/// ["22", "23"], "53–56" gives the four numbers, "35 (b)" gives ["35 (b)"].
/// Returns the references and the number of bytes of `text` consumed.
pub fn parse_paragraph_refs(text: &str) -> (Vec<String>, usize) {
    #[derive(Debug, Clone, PartialEq)]
    enum Tok {
        Num(u32),
        Label(String),
        Comma,
        And,
        Range,
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut toks: Vec<(Tok, usize)> = Vec::new();
    while i < text.len() {
        let rest = &text[i..];
        let c = rest.chars().next().unwrap_or(' ');
        if c == ' ' || c == '\u{a0}' {
            i += c.len_utf8();
            continue;
        }
        if c.is_ascii_digit() {
            let len = rest.bytes().take_while(|b| b.is_ascii_digit()).count();
            match rest[..len].parse::<u32>() {
                Ok(n) => toks.push((Tok::Num(n), i + len)),
                Err(_) => break,
            }
            i += len;
            continue;
        }
        if c == '(' {
            let inner: String = rest[1..]
                .chars()
                .take_while(|c| c.is_ascii_lowercase())
                .collect();
            if !inner.is_empty() && inner.len() <= 5 && rest[1 + inner.len()..].starts_with(')') {
                i += inner.len() + 2;
                toks.push((Tok::Label(inner), i));
                continue;
            }
            break;
        }
        if c == ',' {
            // A comma followed by something that is not a number or label ends the reference.
            let after = rest[1..].trim_start();
            if after.starts_with(|c: char| c.is_ascii_digit()) || after.starts_with('(') {
                i += 1;
                toks.push((Tok::Comma, i));
                continue;
            }
            break;
        }
        if rest.starts_with("and ") || rest.starts_with("and\u{a0}") {
            i += 3;
            toks.push((Tok::And, i));
            continue;
        }
        if c == '–' || c == '-' || c == '—' {
            i += c.len_utf8();
            toks.push((Tok::Range, i));
            continue;
        }
        if rest.starts_with("to ") {
            i += 2;
            toks.push((Tok::Range, i));
            continue;
        }
        break;
    }
    let _ = bytes;
    // Drop trailing separators.
    while matches!(toks.last(), Some((Tok::Comma | Tok::And | Tok::Range, _))) {
        toks.pop();
    }
    let consumed = toks.last().map(|t| t.1).unwrap_or(0);
    let mut refs: Vec<String> = Vec::new();
    let mut current: Option<u32> = None;
    let mut pending_range = false;
    let mut current_has_labels = false;
    let mut last_label: Option<String> = None;
    for (tok, _) in toks {
        match tok {
            Tok::Num(n) => {
                if pending_range {
                    if let Some(start) = current {
                        if n > start && n - start <= 50 {
                            for k in start + 1..=n {
                                refs.push(k.to_string());
                            }
                        } else {
                            refs.push(n.to_string());
                        }
                    }
                    pending_range = false;
                    current = Some(n);
                    current_has_labels = false;
                    last_label = None;
                    continue;
                }
                current = Some(n);
                current_has_labels = false;
                last_label = None;
                refs.push(n.to_string());
            }
            Tok::Label(l) => {
                let Some(n) = current else { continue };
                if !current_has_labels {
                    // Replace the bare number with the labelled reference.
                    if refs.last() == Some(&n.to_string()) {
                        refs.pop();
                    }
                    current_has_labels = true;
                }
                if pending_range {
                    if let (Some(from), Some(to)) = (
                        last_label.as_deref().and_then(single_letter),
                        single_letter(&l),
                    ) {
                        for c in (from as u8 + 1)..(to as u8) {
                            refs.push(format!("{n} ({})", c as char));
                        }
                    }
                    pending_range = false;
                }
                refs.push(format!("{n} ({l})"));
                last_label = Some(l);
            }
            Tok::Range => pending_range = true,
            Tok::Comma | Tok::And => {}
        }
    }
    (refs, consumed)
}

fn single_letter(s: &str) -> Option<char> {
    let mut it = s.chars();
    let c = it.next()?;
    (it.next().is_none() && c.is_ascii_lowercase()).then_some(c)
}

static PARA_WORD_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^\s*,?\s*(?:paras?\.|paragraphs?)\s*").expect("para pattern"));

static CORRIGENDA_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^\s*(?:and|,)\s+Corr\.\s*\d+(?:\s*(?:and|,)\s*(?:Corr\.\s*)?\d+)*")
        .expect("corrigenda pattern")
});

static CITE_HEAD_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?-u:\b)(?:Ibid\.?|ibid\.?)|(?-u:\b)(?:E/C\.12|[A-Z]{2,6})/[A-Z0-9][A-Za-z0-9.]*(?:/[A-Za-z0-9][A-Za-z0-9.]*(?:[-–][0-9]+)?)*")
        .expect("citation pattern")
});

/// Finds the citations in a passage of text (a footnote or a paragraph):
/// "CMW/C/KGZ/CO/1, para. 9", "Ibid., para. 11", "(CMW/C/TJK/CO/1, para. 10)",
/// "CMW/C/TJK/CO/2, paras. 22 and 23". "Ibid." takes the document of
/// `previous`, which is updated to the last document cited, so that calling this
/// on footnotes in order resolves every "Ibid.".
pub fn find_citations(text: &str, previous: &mut Option<String>) -> Vec<Citation> {
    let mut out = Vec::new();
    for m in CITE_HEAD_RE.find_iter(text) {
        let head = m.as_str();
        let (symbol, end) = if head.to_ascii_lowercase().starts_with("ibid") {
            match previous.clone() {
                Some(s) => (s, m.end()),
                None => continue,
            }
        } else {
            let raw = head.trim_end_matches('.');
            if raw.matches('/').count() < 2 {
                continue;
            }
            (normalize_symbol(raw), m.start() + raw.len())
        };
        let mut after = &text[end..];
        // "CRPD/C/CHN/CO/1 and Corr.1, paras. 11–12": the paragraphs of the
        // document as corrected.
        if let Some(c) = CORRIGENDA_RE.find(after) {
            after = &after[c.end()..];
        }
        let mut refs = Vec::new();
        if let Some(pm) = PARA_WORD_RE.find(after) {
            let (r, _) = parse_paragraph_refs(&after[pm.end()..]);
            refs = r;
        }
        *previous = Some(symbol.clone());
        if refs.is_empty() {
            out.push(Citation {
                symbol,
                paragraph: None,
            });
        } else {
            for r in refs {
                out.push(Citation {
                    symbol: symbol.clone(),
                    paragraph: Some(r),
                });
            }
        }
    }
    out
}

/// The citations without repeats, in their order of first appearance (in time
/// linear in their number: a paragraph may cite thousands of times).
pub fn dedup_citations(cites: Vec<Citation>) -> Vec<Citation> {
    let mut seen = std::collections::HashSet::with_capacity(cites.len());
    cites
        .into_iter()
        .filter(|c| seen.insert(c.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_symbol_with_its_corrigendum_cites_its_paragraphs() {
        let mut previous = None;
        let c = find_citations(
            "the Committee’s previous concluding observations (CRPD/C/CHN/CO/1 and Corr.1, paras. 11– 12) particularly",
            &mut previous,
        );
        let paragraphs: Vec<_> = c.iter().map(|c| c.paragraph.as_deref()).collect();
        assert_eq!(c[0].symbol, "CRPD/C/CHN/CO/1");
        assert_eq!(paragraphs, [Some("11"), Some("12")], "{c:?}");
    }

    #[test]
    fn parses_symbols() {
        let s = parse_symbol("CMW/C/KGZ/CO/2").unwrap();
        assert_eq!(s.committee, "CMW");
        assert_eq!(s.state.as_deref(), Some("KGZ"));
        assert_eq!(s.kind, Some(DocumentKind::ConcludingObservations));
        assert_eq!(s.cycle, Some(2));
        let s = parse_symbol("CRC/C/BIH/CO/2-4").unwrap();
        assert_eq!(s.cycle, Some(4));
        let s = parse_symbol("CMW/C/TJK/QPR/3").unwrap();
        assert_eq!(s.kind, Some(DocumentKind::ListOfIssuesPriorToReporting));
        let s = parse_symbol("CMW/C/TJK/3").unwrap();
        assert_eq!(s.kind, Some(DocumentKind::StateReport));
        assert_eq!(s.cycle, Some(3));
        let s = parse_symbol("CMR/C/BOL/CO/2").unwrap();
        assert_eq!(s.committee, "CMW");
        let s = parse_symbol("E/C.12/DEU/CO/7").unwrap();
        assert_eq!(s.committee, "E/C.12");
        assert_eq!(s.state.as_deref(), Some("DEU"));
        let s = parse_symbol("CMW/C/KGZ/CO/1/Add.1").unwrap();
        assert!(s.addendum);
        assert_ne!(s.kind, Some(DocumentKind::ConcludingObservations));
    }

    fn read(s: &str) -> SymbolInfo {
        parse_symbol(s).unwrap_or_else(|| panic!("{s} not read"))
    }

    #[test]
    fn reads_each_committees_symbols() {
        let s = read("CERD/C/URY/CO/21-23");
        assert_eq!((s.committee.as_str(), s.cycle), ("CERD", Some(23)));
        assert_eq!(s.cycle_range.as_deref(), Some("21-23"));
        assert_eq!(s.symbol, "CERD/C/URY/CO/21-23");
        assert_eq!(s.kind, Some(DocumentKind::ConcludingObservations));
        let s = read("CERD/C/BRA/CO/18-20");
        assert_eq!(s.cycle, Some(20));
        let s = read("E/C.12/MEX/CO/5-6");
        assert_eq!((s.committee.as_str(), s.cycle), ("E/C.12", Some(6)));
        assert_eq!(s.state.as_deref(), Some("MEX"));
        let s = read("CRC/C/OPSC/ESP/CO/1");
        assert_eq!(s.committee, "CRC");
        assert_eq!(s.protocol.as_deref(), Some("OPSC"));
        assert_eq!(s.state.as_deref(), Some("ESP"));
        assert_eq!(s.kind, Some(DocumentKind::ConcludingObservations));
        let s = read("CRC/C/OPAC/USA/CO/2");
        assert_eq!(s.protocol.as_deref(), Some("OPAC"));
        assert_eq!(s.cycle, Some(2));
        let s = read("CCPR/C/BLZ/CO/1/Add.1");
        assert!(s.addendum);
        assert_eq!(s.kind, Some(DocumentKind::FollowUpReport));
        assert_eq!(s.cycle, Some(1));
        let s = read("CEDAW/C/TUR/Q/8");
        assert_eq!(s.kind, Some(DocumentKind::ListOfIssues));
        assert_eq!(s.cycle, Some(8));
        let s = read("CMW/C/SR.536");
        assert_eq!(s.meeting, Some(536));
        assert_eq!(s.state, None);
        let s = read("CRPD/C/SR.560");
        assert_eq!((s.committee.as_str(), s.meeting), ("CRPD", Some(560)));
        let s = read("CAT/C/PRT/QPR/8");
        assert_eq!(s.kind, Some(DocumentKind::ListOfIssuesPriorToReporting));
        assert_eq!(s.cycle, Some(8));
        let s = read("CCPR/C/GBR/QPR/3");
        assert_eq!(s.kind, Some(DocumentKind::ListOfIssuesPriorToReporting));
        let s = read("CED/C/MEX/OAI/1");
        assert_eq!(s.kind, Some(DocumentKind::ConcludingObservations));
        let s = read("CRPD/C/MEX/Q/2-3");
        assert_eq!(
            (s.kind, s.cycle),
            (Some(DocumentKind::ListOfIssues), Some(3))
        );
        let s = read("CRPD/C/LTU/RQ/2-3");
        assert_eq!((s.kind, s.cycle), (Some(DocumentKind::Replies), Some(3)));
        let s = read("CRPD/C/AZE/Q/1/Add.1");
        assert_eq!(s.kind, Some(DocumentKind::Replies));
        let s = read("CRPD/C/AZE/FCO/2-3");
        assert_eq!(
            (s.kind, s.cycle),
            (Some(DocumentKind::FollowUpReport), Some(3))
        );
        let s = read("CRPD/C/GBR/RFIR/1");
        assert_eq!(s.kind, Some(DocumentKind::FollowUpReport));
        let s = read("CRPD/C/MEX/2-3");
        assert_eq!(
            (s.kind, s.cycle),
            (Some(DocumentKind::StateReport), Some(3))
        );
        let s = read("CRPD/C/AZE/1");
        assert_eq!(
            (s.kind, s.cycle),
            (Some(DocumentKind::StateReport), Some(1))
        );
        let s = read("CRPD/C/EU/CO/1");
        assert_eq!(s.state.as_deref(), Some("EU"));
        let s = read("CAT/C/PRT/CO/7/Corr.1");
        assert!(s.corrigendum);
        assert_eq!(s.kind, Some(DocumentKind::ConcludingObservations));
        let s = read("CRC/C/BIH/CO/5–6");
        assert_eq!(s.symbol, "CRC/C/BIH/CO/5-6");
    }

    #[test]
    fn names_what_replies_and_follow_up_answer() {
        assert_eq!(
            answered_symbol("CRPD/C/LTU/RQ/2-3").as_deref(),
            Some("CRPD/C/LTU/Q/2-3")
        );
        assert_eq!(
            answered_symbol("CRPD/C/AZE/Q/1/Add.1").as_deref(),
            Some("CRPD/C/AZE/Q/1")
        );
        assert_eq!(
            answered_symbol("CRPD/C/AZE/FCO/2-3").as_deref(),
            Some("CRPD/C/AZE/CO/2-3")
        );
        assert_eq!(
            answered_symbol("CCPR/C/BLZ/CO/1/Add.1").as_deref(),
            Some("CCPR/C/BLZ/CO/1")
        );
        assert_eq!(answered_symbol("CRPD/C/MEX/CO/2-3"), None);
    }

    #[test]
    fn keeps_ranges_in_citations() {
        let mut prev = None;
        let c = find_citations("CERD/C/URY/CO/16-20, para. 9.", &mut prev);
        assert_eq!(c[0].symbol, "CERD/C/URY/CO/16-20");
        assert_eq!(c[0].paragraph.as_deref(), Some("9"));
    }

    #[test]
    fn finds_symbols_in_text() {
        let found =
            find_symbols("See CMW/C/SR.536 and CMW/C/TJK/CO/2, para. 12. Also HRI/GEN/2/Rev.6.");
        let syms: Vec<_> = found.into_iter().map(|(_, s)| s).collect();
        assert_eq!(
            syms,
            vec!["CMW/C/SR.536", "CMW/C/TJK/CO/2", "HRI/GEN/2/Rev.6"]
        );
    }

    #[test]
    fn expands_paragraph_references() {
        assert_eq!(
            parse_paragraph_refs("49 (a) and (d).").0,
            vec!["49 (a)", "49 (d)"]
        );
        assert_eq!(parse_paragraph_refs("22 and 23)").0, vec!["22", "23"]);
        assert_eq!(
            parse_paragraph_refs("53–56)").0,
            vec!["53", "54", "55", "56"]
        );
        assert_eq!(parse_paragraph_refs("35 (b).").0, vec!["35 (b)"]);
        assert_eq!(
            parse_paragraph_refs("12, 18 and 20 above").0,
            vec!["12", "18", "20"]
        );
        assert_eq!(
            parse_paragraph_refs("28 (a)–(c)").0,
            vec!["28 (a)", "28 (b)", "28 (c)"]
        );
        assert!(parse_paragraph_refs("above").0.is_empty());
    }

    #[test]
    fn resolves_ibid_against_the_previous_note() {
        let mut prev = None;
        let a = find_citations("CMW/C/KGZ/CO/1, para. 9.", &mut prev);
        let b = find_citations("Ibid., para. 49 (a) and (d).", &mut prev);
        assert_eq!(
            a,
            vec![Citation {
                symbol: "CMW/C/KGZ/CO/1".into(),
                paragraph: Some("9".into())
            }]
        );
        assert_eq!(b.len(), 2);
        assert_eq!(b[1].symbol, "CMW/C/KGZ/CO/1");
        assert_eq!(b[1].paragraph.as_deref(), Some("49 (d)"));
        let c = find_citations("recommendations (CMW/C/TJK/CO/1, para. 44), the", &mut prev);
        assert_eq!(c[0].paragraph.as_deref(), Some("44"));
        let d = find_citations("(see CMW/C/SEN/CO/1, paras. 22 and 23)", &mut prev);
        assert_eq!(d.len(), 2);
    }

    #[test]
    fn knows_state_names() {
        assert_eq!(state_by_code("kgz").unwrap().name, "Kyrgyzstan");
        assert_eq!(state_by_name("Republic of Korea").unwrap().code, "KOR");
        let named = states_named_in("Kyrgyzstan and the Russian Federation; Kyrgyzstan again");
        assert_eq!(named[0].0.code, "KGZ");
        assert_eq!(named[0].1, 2);
    }
}
