//! Every source behind a recommendation, from the State party's documents in
//! the library: the follow-up information the State sent on it, what the
//! State's next report says about it, what the State replied to the list of
//! issues question that asked about it, and what experts asked about its
//! topic in the dialogue.
//!
//! A document that says which recommendation or question it answers ("In
//! reply to paragraph 12 of the concluding observations", "Information
//! relating to paragraph 17 (a)", "paragraph 10 of CRPD/C/LTU/CO/1") is linked
//! by that: explicitly. The questions civil society and national human rights
//! institutions propose in their submissions are offered like the dialogue's. Report paragraphs and dialogue questions that say
//! nothing are ranked by the words they share with the recommendation
//! ([`crate::similarity`]); below a threshold they are not shown, and a
//! recommendation none of the report's paragraphs reaches is "not addressed
//! in the report".

use once_cell::sync::Lazy;
use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::committees::canonical;
use crate::link::{RecommendationView, StoredDocument};
use crate::model::{Document, DocumentKind, Paragraph, ParagraphKind};
use crate::similarity::{cosine, coverage, document_frequencies, stemmer, vectors, words, Text};
use crate::symbols;

/// The similarity (0 to 1) from which a report paragraph is taken to address
/// a recommendation.
pub const REPORT_THRESHOLD: f64 = 0.2;

/// How much of an expert's question the recommendation's words must cover
/// ([`coverage`]) for the question to be taken to be on its topic, when it
/// names no word of the recommendation's theme heading.
pub const DIALOGUE_THRESHOLD: f64 = 0.6;

/// At most this many report paragraphs found by their words, and dialogue
/// questions, per recommendation.
pub const PER_RECOMMENDATION: usize = 3;
/// What a report paragraph under the heading of the recommendation's topic
/// (its article, or its words) adds to its score.
pub const ARTICLE_BONUS: f64 = 0.1;

/// A paragraph of the State party's follow-up information on the recommendation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowUpInformation {
    pub symbol: Option<String>,
    pub paragraph: Option<String>,
    pub text: String,
}

/// A paragraph of the State party's next report on the recommendation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportParagraph {
    pub symbol: Option<String>,
    pub paragraph: Option<String>,
    pub text: String,
    /// Word similarity with the recommendation, 0 to 1.
    pub score: f64,
    /// Whether the report says that this paragraph answers the recommendation.
    pub explicit: bool,
}

/// The State party's reply to a question of a list of issues that asked about
/// the recommendation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    pub symbol: Option<String>,
    /// The question of the list it answers.
    pub question: String,
    pub text: String,
    /// The number the replies give it, when they number their replies off by
    /// one from the list's questions (see [`numbering_shift`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numbered_as: Option<String>,
}

/// Replies numbered off from the list's questions: from question `from` on,
/// the replies' number is the question's plus `by`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumberingShift {
    pub from: u32,
    pub by: i32,
}

/// Whether replies number their answers off from the questions of `list`
/// (real replies have headed their answers one higher than the questions from
/// some question on): the replies to each number are compared by their words
/// with the list's question of that number and of its neighbours; a shift
/// is reported when, from some number on, at least three replies and most of
/// them read as answers to the neighbour.
pub fn numbering_shift(replies: &Document, list: &Document) -> Option<NumberingShift> {
    use std::collections::BTreeMap;
    let list_symbol = list.symbol.as_deref()?;
    let mut answers: BTreeMap<u32, String> = BTreeMap::new();
    for p in &replies.paragraphs {
        for a in &p.answers {
            if !(a.symbol.is_empty() || a.symbol == list_symbol) {
                continue;
            }
            let Some(n) = a
                .paragraph
                .as_deref()
                .and_then(|q| base(q).parse::<u32>().ok())
            else {
                continue;
            };
            let t = answers.entry(n).or_default();
            t.push(' ');
            t.push_str(&p.full_text());
        }
    }
    let questions: BTreeMap<u32, String> = list
        .paragraphs
        .iter()
        .filter(|p| p.kind == crate::model::ParagraphKind::Question)
        .filter_map(|p| Some((p.number.as_deref()?.parse().ok()?, p.full_text())))
        .collect();
    if answers.len() < 3 || questions.len() < 3 {
        return None;
    }
    let st = stemmer();
    let q_keys: Vec<u32> = questions.keys().copied().collect();
    let a_keys: Vec<u32> = answers.keys().copied().collect();
    let mut texts: Vec<Text> = q_keys
        .iter()
        .map(|k| Text {
            words: words(&questions[k], &st),
        })
        .collect();
    texts.extend(a_keys.iter().map(|k| Text {
        words: words(&answers[k], &st),
    }));
    let v = vectors(&texts);
    let (qv, av) = v.split_at(q_keys.len());
    let q_vec = |n: u32| q_keys.iter().position(|k| *k == n).map(|i| &qv[i]);
    // For each reply number: the offset (-1, 0, +1) of the question it reads
    // most like, when clearly so.
    let offsets: Vec<(u32, i32)> = a_keys
        .iter()
        .zip(av)
        .map(|(&n, a)| {
            let score = |m: Option<u32>| m.and_then(q_vec).map(|q| cosine(a, q)).unwrap_or(0.0);
            let here = score(Some(n));
            let before = score(n.checked_sub(1));
            let after = score(Some(n + 1));
            let by = if before > here + 0.05 && before >= after {
                -1
            } else if after > here + 0.05 {
                1
            } else {
                0
            };
            (n, by)
        })
        .collect();
    for by in [-1, 1] {
        for (i, &(from, o)) in offsets.iter().enumerate() {
            if o != by {
                continue;
            }
            let rest = &offsets[i..];
            let shifted = rest.iter().filter(|(_, x)| *x == by).count();
            if shifted >= 3 && shifted * 10 >= rest.len() * 7 {
                // The replies' number `from` answers question `from + by`.
                return Some(NumberingShift {
                    from: (from as i32 + by) as u32,
                    by: -by,
                });
            }
        }
    }
    None
}

/// An expert's question in the dialogue on the recommendation's topic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DialogueQuestion {
    pub speaker: Option<String>,
    pub text: String,
    pub score: f64,
    /// The concluding observations then made this recommendation on it: of
    /// all the recommendations, this is the one closest to the question (and
    /// the dialogue is of the cycle of these observations).
    #[serde(default)]
    pub led_to_recommendation: bool,
}

/// A question a civil-society organization or a national human rights
/// institution proposes on the recommendation's topic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubmittedQuestion {
    pub symbol: Option<String>,
    /// Who submitted it.
    pub source: Option<String>,
    pub text: String,
    pub score: f64,
}

/// Everything the library holds on one recommendation besides its own history.
/// Serialized inside each recommendation of `loi recs --json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Sources {
    pub follow_up_information: Vec<FollowUpInformation>,
    pub report_paragraphs: Vec<ReportParagraph>,
    /// `None` when the library holds no later report of the State party.
    pub addressed_in_report: Option<bool>,
    pub replies: Vec<Reply>,
    pub dialogue_questions: Vec<DialogueQuestion>,
    pub submissions: Vec<SubmittedQuestion>,
}

/// "paragraph 10 of CRPD/C/LTU/CO/1", "paragraphs 13, 21 and 22 of the
/// concluding observations", "paragraph 18(b) of the Committee's concluding
/// observations".
static EXPLICIT_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\bparagraphs?\s+(\d{1,3}\s*(?:\(\s*[a-z]{1,4}\s*\))?(?:\s*(?:,|and|–|-|to)\s*\d{1,3}\s*(?:\(\s*[a-z]{1,4}\s*\))?)*)\s+of\s+(?:the\s+)?(?:(?:Committee['’]s\s+)?(?:previous\s+|last\s+)?concluding\s+observations|([A-Z][A-Z.\d]*/[A-Z\d/.\-]+))")
        .expect("explicit reference pattern")
});

fn base(number: &str) -> &str {
    number.split([' ', '(']).next().unwrap_or(number)
}

/// The recommendations of the concluding observations `co_symbol` that a
/// paragraph of a State document says it answers.
fn explicit_refs(text: &str, co_symbol: &str) -> Vec<String> {
    let mut out = Vec::new();
    for c in EXPLICIT_RE.captures_iter(text) {
        if let Some(named) = c.get(2) {
            if !named
                .as_str()
                .trim_end_matches(['.', ','])
                .eq_ignore_ascii_case(co_symbol)
            {
                continue;
            }
        }
        let (refs, _) = symbols::parse_paragraph_refs(&c[1]);
        out.extend(refs.iter().map(|r| base(r).to_string()));
    }
    out
}

/// The recommendation a paragraph of the concluding observations belongs to:
/// itself, or, for a concern, the recommendation that follows it under the
/// same theme (a State's follow-up information may answer the concern "11
/// (a)" that recommendation 12 is about).
fn recommendation_for<'a>(co: &'a Document, number: &str) -> Option<&'a str> {
    let i = co
        .paragraphs
        .iter()
        .position(|p| p.number.as_deref() == Some(number))?;
    let p = &co.paragraphs[i];
    match p.kind {
        ParagraphKind::Recommendation => p.number.as_deref(),
        ParagraphKind::Concern => co.paragraphs[i + 1..]
            .iter()
            .take_while(|q| q.kind != ParagraphKind::Concern)
            .find(|q| q.kind == ParagraphKind::Recommendation && q.theme == p.theme)
            .and_then(|q| q.number.as_deref()),
        _ => None,
    }
}

fn same_committee(a: &Document, b: &Document) -> bool {
    match (a.committee.as_deref(), b.committee.as_deref()) {
        (Some(x), Some(y)) => canonical(x) == canonical(y),
        _ => true,
    }
}

/// What a recommendation is about: its text, its sub-paragraphs, its theme
/// and the concern before it (which often names what the recommendation only
/// alludes to: "negotiations … on social security, pensions" before "conclude
/// bilateral agreements").
/// The articles of the treaty a heading names: "Accessibility (art. 9)",
/// "Article 9", "Equality and non-discrimination (arts. 5 and 6)".
fn articles(heading: &str) -> std::collections::HashSet<u32> {
    static ARTICLES_RE: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"(?i)\b(?:articles?|arts?\.)\s*(\d{1,2}(?:\s*(?:,|and|–|-|to)\s*\d{1,2})*)")
            .expect("articles pattern")
    });
    let mut out = std::collections::HashSet::new();
    for c in ARTICLES_RE.captures_iter(heading) {
        let list = &c[1];
        let numbers: Vec<u32> = list
            .split(|ch: char| !ch.is_ascii_digit())
            .filter_map(|n| n.parse().ok())
            .collect();
        let ranged = list.contains('–') || list.contains('-') || list.contains("to");
        match (ranged, numbers.as_slice()) {
            (true, [a, b]) if a < b && b - a <= 30 => out.extend(*a..=*b),
            _ => out.extend(numbers),
        }
    }
    out
}

/// The words of a heading that name its topic (four letters or more, their
/// first five letters, the article references and labels aside).
fn heading_words(heading: &str) -> Vec<String> {
    let without_refs = heading.split('(').next().unwrap_or(heading);
    let mut out: Vec<String> = without_refs
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 4)
        .map(|w| w.to_lowercase().chars().take(5).collect())
        .filter(|w: &String| !matches!(w.as_str(), "arti" | "artic" | "with" | "their" | "other"))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Whether two headings name the same topic: most of the shorter one's words
/// are in the other.
fn shares_heading(a: &[String], b: &[String]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.is_empty() {
        return false;
    }
    let common = short.iter().filter(|w| long.contains(w)).count();
    common * 10 >= short.len() * 7
}

fn recommendation_text(r: &RecommendationView) -> String {
    let mut t = r.text.clone();
    if let Some(concern) = &r.concern {
        t.push(' ');
        t.push_str(concern);
    }
    for s in &r.subparagraphs {
        t.push(' ');
        t.push_str(&s.text);
    }
    if let Some(theme) = &r.theme {
        t.push(' ');
        t.push_str(theme);
    }
    t
}

/// Fills in the sources of the recommendations of `co` (the concluding
/// observations they are from) from the State party's documents `docs`.
///
/// The result depends on the documents' text alone and costs tens of
/// milliseconds with a report in the library, while the draft editor asks for
/// it (through the coverage) at every edit: the last few results are kept,
/// keyed by a hash of everything they are worked out from.
pub fn attach(recs: &mut [RecommendationView], co: &Document, docs: &[StoredDocument]) {
    use std::sync::Mutex;
    type Recent = Vec<(u64, Vec<Sources>)>;
    static RECENT: Lazy<Mutex<Recent>> = Lazy::new(|| Mutex::new(Vec::new()));
    const KEPT: usize = 8;
    let key = inputs_hash(recs, co, docs);
    let cached = RECENT
        .lock()
        .ok()
        .and_then(|r| r.iter().find(|(k, _)| *k == key).map(|(_, s)| s.clone()));
    if let Some(sources) = cached.filter(|s| s.len() == recs.len()) {
        for (r, s) in recs.iter_mut().zip(sources) {
            r.sources = s;
        }
        return;
    }
    work_out(recs, co, docs);
    if let Ok(mut recent) = RECENT.lock() {
        recent.retain(|(k, _)| *k != key);
        recent.push((key, recs.iter().map(|r| r.sources.clone()).collect()));
        let excess = recent.len().saturating_sub(KEPT);
        recent.drain(..excess);
    }
}

/// A hash of what [`work_out`] reads: the recommendations and every
/// document's metadata, paragraphs, citations, answers and raised questions.
fn inputs_hash(recs: &[RecommendationView], co: &Document, docs: &[StoredDocument]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    let cites = |h: &mut std::collections::hash_map::DefaultHasher,
                 cs: &[crate::model::Citation]| {
        for c in cs {
            c.symbol.hash(h);
            c.paragraph.hash(h);
        }
    };
    let document = |h: &mut std::collections::hash_map::DefaultHasher, d: &Document| {
        (d.kind.as_str(), &d.symbol, d.cycle, &d.committee).hash(h);
        for p in &d.paragraphs {
            (
                &p.number,
                p.kind == ParagraphKind::Recommendation,
                p.kind == ParagraphKind::Concern,
            )
                .hash(h);
            (&p.theme, &p.text).hash(h);
            for sp in &p.subparagraphs {
                sp.text.hash(h);
            }
            cites(h, &p.cites);
            cites(h, &p.answers);
        }
        for q in &d.questions_raised {
            (&q.speaker, &q.text).hash(h);
        }
    };
    document(&mut h, co);
    for (id, d) in docs {
        id.hash(&mut h);
        document(&mut h, d);
    }
    for r in recs {
        (&r.symbol, &r.number, &r.text, &r.theme, &r.concern).hash(&mut h);
        for sp in &r.subparagraphs {
            sp.text.hash(&mut h);
        }
    }
    h.finish()
}

/// Works out the sources of `recs` without the cache of [`attach`] (what a
/// first reading costs; the benchmarks measure it).
pub fn work_out(recs: &mut [RecommendationView], co: &Document, docs: &[StoredDocument]) {
    let Some(co_symbol) = co.symbol.clone() else {
        return;
    };
    let cycle = co.cycle.unwrap_or(0);
    let mine = |d: &&Document| same_committee(d, co);
    let all: Vec<&Document> = docs.iter().map(|(_, d)| d).filter(mine).collect();

    // Follow-up information: paragraphs that say which paragraph they answer.
    for d in all
        .iter()
        .filter(|d| d.kind == DocumentKind::FollowUpReport)
    {
        for p in &d.paragraphs {
            for a in &p.answers {
                if !(a.symbol.is_empty() || a.symbol == co_symbol) {
                    continue;
                }
                let Some(number) = a.paragraph.as_deref() else {
                    continue;
                };
                let Some(number) = recommendation_for(co, base(number)) else {
                    continue;
                };
                if let Some(r) = recs.iter_mut().find(|r| r.number == number) {
                    r.sources.follow_up_information.push(FollowUpInformation {
                        symbol: d.symbol.clone(),
                        paragraph: p.number.clone(),
                        text: p.full_text(),
                    });
                }
            }
        }
    }

    // Replies: the questions of the later lists that cite the recommendation,
    // then the replies' paragraphs that answer those questions.
    let lists: Vec<&Document> = all
        .iter()
        .copied()
        .filter(|d| d.kind.is_list_of_issues() && d.cycle.is_none_or(|c| c > cycle))
        .collect();
    for d in all.iter().filter(|d| d.kind == DocumentKind::Replies) {
        let shifts: Vec<Option<NumberingShift>> =
            lists.iter().map(|l| numbering_shift(d, l)).collect();
        for p in &d.paragraphs {
            for a in &p.answers {
                let Some(q) = a.paragraph.as_deref() else {
                    continue;
                };
                for (list, shift) in lists.iter().zip(&shifts) {
                    if !(a.symbol.is_empty() || Some(&a.symbol) == list.symbol.as_ref()) {
                        continue;
                    }
                    // Replies numbered off by one answer the question they read as.
                    let numbered: Option<u32> = base(q).parse().ok();
                    let answered = match (shift, numbered) {
                        (Some(s), Some(n)) if (n as i32 - s.by) as u32 >= s.from => {
                            ((n as i32 - s.by) as u32).to_string()
                        }
                        _ => base(q).to_string(),
                    };
                    let Some(question) = list.paragraph(&answered) else {
                        continue;
                    };
                    for c in question.cites.iter().filter(|c| c.symbol == co_symbol) {
                        let Some(n) = c.paragraph.as_deref() else {
                            continue;
                        };
                        if let Some(r) = recs.iter_mut().find(|r| r.number == base(n)) {
                            let reply = Reply {
                                symbol: d.symbol.clone(),
                                numbered_as: (answered != base(q)).then(|| base(q).to_string()),
                                question: answered.clone(),
                                text: p.full_text(),
                            };
                            if !r.sources.replies.contains(&reply) {
                                r.sources.replies.push(reply);
                            }
                        }
                    }
                }
            }
        }
    }

    // The next report: explicit references first, then by words.
    let reports: Vec<&Document> = all
        .iter()
        .copied()
        .filter(|d| d.kind == DocumentKind::StateReport && d.cycle.is_some_and(|c| c > cycle))
        .collect();
    let report_paragraphs: Vec<(&Document, &Paragraph)> = reports
        .iter()
        .flat_map(|d| d.paragraphs.iter().map(move |p| (*d, p)))
        .filter(|(_, p)| p.number.is_some() && p.text.len() > 40)
        .collect();
    let dialogue: Vec<&crate::model::RaisedQuestion> = all
        .iter()
        .filter(|d| d.kind == DocumentKind::DialogueSummary && d.cycle.is_none_or(|c| c == cycle))
        .flat_map(|d| d.questions_raised.iter())
        .collect();
    // Questions proposed in submissions, with the submission they are from.
    let submitted: Vec<(&Document, &crate::model::RaisedQuestion)> = all
        .iter()
        .filter(|d| d.kind == DocumentKind::Submission)
        .flat_map(|d| d.questions_raised.iter().map(move |q| (*d, q)))
        .collect();
    if recs.is_empty() {
        return;
    }
    let st = stemmer();
    let mut texts: Vec<Text> = recs
        .iter()
        .map(|r| Text {
            words: words(&recommendation_text(r), &st),
        })
        .collect();
    texts.extend(report_paragraphs.iter().map(|(_, p)| Text {
        words: words(&p.full_text(), &st),
    }));
    texts.extend(dialogue.iter().map(|q| Text {
        words: words(&q.text, &st),
    }));
    texts.extend(submitted.iter().map(|(_, q)| Text {
        words: words(&q.text, &st),
    }));
    // The questions of the State party's lists of issues weigh the words every
    // question has ("please", "indicate", "whether") as the common words they are.
    texts.extend(
        all.iter()
            .filter(|d| d.kind.is_list_of_issues())
            .flat_map(|d| d.paragraphs.iter())
            .map(|p| Text {
                words: words(&p.full_text(), &st),
            }),
    );
    let v = vectors(&texts);
    // How many texts each word is in: a question and a recommendation on the
    // same topic share a word few others have ("consular", "seasonal").
    let df = document_frequencies(&texts);
    let rare = (texts.len() / 20).max(3);
    // A recommendation's theme heading names its topic ("Consular
    // assistance", "Trade unions"): a word of it that at most two themes have
    // puts a question on that topic.
    let themes: Vec<Vec<String>> = recs
        .iter()
        .map(|r| words(r.theme.as_deref().unwrap_or(""), &st))
        .collect();
    let theme_df = |w: &str| themes.iter().filter(|t| t.iter().any(|x| x == w)).count();
    let distinctive: Vec<Vec<&str>> = themes
        .iter()
        .map(|t| {
            t.iter()
                .map(String::as_str)
                .filter(|w| theme_df(w) <= 2 && df.get(w).is_some_and(|n| *n <= rare * 2))
                .collect()
        })
        .collect();
    let shares_a_rare_word =
        |a: &std::collections::HashMap<&str, f64>, b: &std::collections::HashMap<&str, f64>| {
            a.keys()
                .any(|w| b.contains_key(w) && df.get(w).is_some_and(|n| *n <= rare))
        };
    let (rec_vectors, rest) = v.split_at(recs.len());
    let (report_vectors, rest) = rest.split_at(report_paragraphs.len());
    let (dialogue_vectors, rest) = rest.split_at(dialogue.len());
    let (submitted_vectors, _background) = rest.split_at(submitted.len());
    // Each dialogue question's closest recommendation: (score, recommendation).
    let mut closest: Vec<Option<(f64, usize)>> = vec![None; dialogue.len()];
    let mut dialogue_links: Vec<(usize, usize, usize)> = Vec::new(); // (rec, position, question)
    for (ri, (r, rv)) in recs.iter_mut().zip(rec_vectors).enumerate() {
        // A paragraph under the heading of the recommendation's topic (the
        // same article, or the same words: "Accessibility (art. 9)" and
        // "Article 9" or "Accessibility") counts a little more.
        let theme = r.theme.as_deref().unwrap_or("");
        let theme_articles = articles(theme);
        let theme_words = heading_words(theme);
        let score = |i: usize| {
            let same_topic = report_paragraphs[i].1.theme.as_deref().is_some_and(|h| {
                (!theme_articles.is_empty() && !articles(h).is_disjoint(&theme_articles))
                    || shares_heading(&theme_words, &heading_words(h))
            });
            let s = cosine(rv, &report_vectors[i]) + if same_topic { ARTICLE_BONUS } else { 0.0 };
            (s * 1000.0).round() / 1000.0
        };
        // Whether the paragraph is on it at all is its words' alone.
        let words_score = |i: usize| cosine(rv, &report_vectors[i]);
        let mut found: Vec<ReportParagraph> = Vec::new();
        for (i, (d, p)) in report_paragraphs.iter().enumerate() {
            if explicit_refs(&p.full_text(), &co_symbol).contains(&r.number) {
                found.push(ReportParagraph {
                    symbol: d.symbol.clone(),
                    paragraph: p.number.clone(),
                    text: p.full_text(),
                    score: score(i),
                    explicit: true,
                });
            }
        }
        let mut ranked: Vec<(f64, usize)> = (0..report_paragraphs.len())
            .filter(|i| words_score(*i) >= REPORT_THRESHOLD)
            .map(|i| (score(i), i))
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let addressed = !found.is_empty() || !ranked.is_empty();
        for (s, i) in ranked {
            if found.iter().filter(|f| !f.explicit).count() >= PER_RECOMMENDATION {
                break;
            }
            let (d, p) = report_paragraphs[i];
            if found
                .iter()
                .any(|f| f.paragraph == p.number && f.symbol == d.symbol)
            {
                continue;
            }
            found.push(ReportParagraph {
                symbol: d.symbol.clone(),
                paragraph: p.number.clone(),
                text: p.full_text(),
                score: s,
                explicit: false,
            });
        }
        r.sources.report_paragraphs = found;
        r.sources.addressed_in_report = (!reports.is_empty()).then_some(addressed);

        // A question on the recommendation's topic: it names a word of its
        // theme, or the recommendation's words cover most of it.
        let on_topic = |vs: &[std::collections::HashMap<&str, f64>]| -> Vec<(f64, usize)> {
            let mut found: Vec<(f64, usize)> = vs
                .iter()
                .enumerate()
                .filter_map(|(i, qv)| {
                    let on_theme = distinctive[ri].iter().any(|w| qv.contains_key(w));
                    let covered = coverage(qv, rv);
                    if on_theme {
                        Some(((0.5 + covered).min(1.0), i))
                    } else if covered >= DIALOGUE_THRESHOLD && shares_a_rare_word(qv, rv) {
                        Some((covered, i))
                    } else {
                        None
                    }
                })
                .collect();
            found.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            found.truncate(PER_RECOMMENDATION);
            found
        };
        let round = |s: f64| (s * 1000.0).round() / 1000.0;
        let asked = on_topic(dialogue_vectors);
        for (k, (s, i)) in asked.iter().enumerate() {
            dialogue_links.push((ri, k, *i));
            if closest[*i].is_none_or(|(best, _)| *s > best) {
                closest[*i] = Some((*s, ri));
            }
        }
        r.sources.dialogue_questions = asked
            .into_iter()
            .map(|(s, i)| DialogueQuestion {
                speaker: dialogue[i].speaker.clone(),
                text: dialogue[i].text.clone(),
                score: round(s),
                led_to_recommendation: false,
            })
            .collect();
        r.sources.submissions = on_topic(submitted_vectors)
            .into_iter()
            .map(|(s, i)| SubmittedQuestion {
                symbol: submitted[i].0.symbol.clone(),
                source: submitted[i].1.speaker.clone(),
                text: submitted[i].1.text.clone(),
                score: round(s),
            })
            .collect();
    }
    for (ri, k, i) in dialogue_links {
        if closest[i].is_some_and(|(_, best)| best == ri) {
            recs[ri].sources.dialogue_questions[k].led_to_recommendation = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_name_articles_and_topics() {
        assert_eq!(articles("Accessibility (art. 9)"), [9].into());
        assert_eq!(articles("Article 9. Accessibility"), [9].into());
        assert_eq!(
            articles("Equality and non-discrimination (arts. 5 and 6)"),
            [5, 6].into()
        );
        assert_eq!(
            articles("General principles and obligations (arts. 1-4)"),
            [1, 2, 3, 4].into()
        );
        assert!(articles("Women with disabilities").is_empty());
        let theme = heading_words("Equality and non-discrimination (art. 5)");
        assert!(shares_heading(
            &theme,
            &heading_words("Equality and non-discrimination")
        ));
        assert!(!shares_heading(
            &theme,
            &heading_words("Women with disabilities")
        ));
        assert!(!shares_heading(
            &heading_words("(art. 5)"),
            &heading_words("Anything")
        ));
    }

    #[test]
    fn explicit_references_name_the_observations_or_say_concluding_observations() {
        let s = "CRPD/C/LTU/CO/1";
        assert_eq!(
            explicit_refs("Taking into account paragraph 10 of CRPD/C/LTU/CO/1, financial measures were taken.", s),
            vec!["10"]
        );
        assert_eq!(
            explicit_refs("In line with paragraphs 13, 21 and 22 of CRPD/C/LTU/CO/1, the Government proposed a law.", s),
            vec!["13", "21", "22"]
        );
        assert_eq!(
            explicit_refs("in accordance with paragraph 18(b) of CRPD/C/LTU/CO/1.", s),
            vec!["18"]
        );
        assert_eq!(
            explicit_refs("As recommended in paragraph 12 of the concluding observations, a plan was adopted.", s),
            vec!["12"]
        );
        // Another document's paragraph, or the report's own, is not one.
        assert!(explicit_refs("See paragraph 24 of the Report.", s).is_empty());
        assert!(explicit_refs("paragraph 73 of CRPD/C/AZE/CO/1", s).is_empty());
    }
}
