//! Generate: recommendations → questions in the committee's own style, by
//! deterministic rules on the recommendation's own words.
//!
//! "recommends that the State party take measures to facilitate X" becomes
//! "In the light of the recommendation made by the Committee in its previous
//! concluding observations,¹ please provide information on the steps taken to
//! facilitate X." The lead-in, the citation style and the section come from the
//! committee profile.

mod evaluate;
mod impersonal;
mod wording;

pub use evaluate::*;
use wording::*;

use chrono::NaiveDate;
use once_cell::sync::Lazy;
use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::model::{
    paragraphs_phrase, Citation, CitationStyle, Document, DocumentKind, IssueList, ListQuestion,
    NoteAnchor, ParaRef, Paragraph, ParagraphKind, StateParty, SubParagraph,
};
use crate::profile::{Profile, SubparagraphForm};

/// How to draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct GenerateOptions {
    pub style: CitationStyle,
    /// `ListOfIssues` or `ListOfIssuesPriorToReporting`.
    pub kind: DocumentKind,
    /// One question per sub-paragraph instead of one question with sub-items.
    pub split_subparagraphs: bool,
}

impl Default for GenerateOptions {
    fn default() -> Self {
        GenerateOptions {
            style: CitationStyle::Footnote,
            kind: DocumentKind::ListOfIssuesPriorToReporting,
            split_subparagraphs: false,
        }
    }
}

/// A recommendation to ask about, with what its history says.
#[derive(Debug, Clone)]
pub struct RecommendationInput<'a> {
    /// The concluding observations it is in ("CMW/C/TJK/CO/2").
    pub symbol: &'a str,
    pub paragraph: &'a Paragraph,
    /// Only these sub-paragraphs ("a", "d"); `None` for the whole recommendation.
    pub only_subparagraphs: Option<Vec<String>>,
    pub times_recommended: u32,
    pub follow_up: bool,
    /// The date of the latest follow-up assessment of it (or of one it repeats).
    pub assessed: Option<NaiveDate>,
    /// The articles of its cluster.
    pub cluster_articles: Vec<u32>,
}

impl<'a> RecommendationInput<'a> {
    /// An input with no history.
    pub fn new(symbol: &'a str, paragraph: &'a Paragraph) -> Self {
        RecommendationInput {
            symbol,
            paragraph,
            only_subparagraphs: None,
            times_recommended: 1,
            follow_up: paragraph.follow_up,
            assessed: None,
            cluster_articles: Vec::new(),
        }
    }
}

/// Whether a recommendation (or the given sub-paragraphs of it) is under
/// follow-up, from the document's follow-up references ("12", "35 (a)").
pub fn under_follow_up(
    follow_up_paragraphs: &[String],
    number: &str,
    labels: Option<&[String]>,
) -> bool {
    follow_up_paragraphs.iter().any(|r| {
        let r = ParaRef::read(r);
        r.number == number
            && match (labels, r.label) {
                (None, _) | (_, None) => true,
                (Some(ls), Some(l)) => ls.contains(&l),
            }
    })
}

/// A generated question and the recommendation references it asks about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GeneratedQuestion {
    pub question: ListQuestion,
    pub sources: Vec<Citation>,
}

/// What the committee asks for, in one request of a recommendation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Clause {
    /// "the steps taken to facilitate …" (after "please provide information on").
    Information(String),
    /// "whether the State party intends to make …".
    Intention(String),
    /// "whether the bill on labour migration has been adopted".
    Status(String),
    /// "detailed information on …" (after "please provide").
    Provide(String),
}

/// A question's sentences from its clauses: the first with the lead-in.
struct Drafted {
    text: String,
    /// Byte offset after the lead-in's comma, where the footnote marker goes.
    note_at: usize,
}

fn lead_in(profile: &Profile, follow_up: bool) -> &str {
    if follow_up {
        &profile.lead_ins.follow_up
    } else {
        &profile.lead_ins.default
    }
}

pub fn citation_text(
    style: CitationStyle,
    symbol: &str,
    refs: &[String],
    profile: &Profile,
) -> String {
    let paragraphs = paragraphs_phrase(refs);
    match style {
        CitationStyle::Footnote => String::new(),
        CitationStyle::Inline => fill(
            &profile.citations.inline,
            &[("symbol", symbol), ("paragraphs", &paragraphs)],
        ),
        CitationStyle::Bare => fill(&profile.citations.bare, &[("paragraphs", &paragraphs)]),
    }
}

/// The lead-in, its citation and the comma after them (where a footnote marker goes).
fn open_with(text: &mut String, lead: &str, cite: &str) -> usize {
    text.push_str(lead.trim_end_matches(','));
    text.push_str(cite);
    text.push(',');
    text.len()
}

fn draft_sentences(
    clauses: &[Clause],
    lead: &str,
    follow_up_lead: bool,
    profile: &Profile,
    cite: &str,
) -> Drafted {
    let t = &profile.templates;
    let mut text = String::new();
    let mut note_at = 0;
    if let Some(theme) = &t.theme {
        return draft_themes(clauses, theme, profile, cite);
    }
    for (i, c) in clauses.iter().enumerate() {
        text.push(' ');
        if i == 0 {
            text.clear();
            match c {
                Clause::Intention(w) => {
                    let opening = if follow_up_lead {
                        // "Please indicate, {lead}" lowers the lead-in; "{lead}" keeps it.
                        let lead = if t.indicate_with_lead.starts_with("{lead}") {
                            lead.to_string()
                        } else {
                            lower_first(lead)
                        };
                        fill(&t.indicate_with_lead, &[("lead", &lead)])
                    } else {
                        profile.lead_ins.indicate.clone()
                    };
                    note_at = open_with(&mut text, &opening, cite);
                    text.push(' ');
                    text.push_str(&fill(&t.intention_tail, &[("what", w)]));
                }
                other => {
                    note_at = open_with(&mut text, lead, cite);
                    text.push(' ');
                    text.push_str(&match other {
                        Clause::Information(w) => fill(&t.ask_information, &[("what", w)]),
                        Clause::Status(w) => fill(&t.ask_status, &[("what", w)]),
                        Clause::Provide(w) => fill(&t.ask_provide, &[("what", w)]),
                        Clause::Intention(_) => String::new(),
                    });
                }
            }
        } else {
            text.push_str(&match c {
                Clause::Information(w) => fill(&t.also_information, &[("what", w)]),
                Clause::Status(w) => fill(&t.also_status, &[("what", w)]),
                Clause::Provide(w) => fill(&t.also_provide, &[("what", w)]),
                Clause::Intention(w) => fill(&t.also_intention, &[("what", w)]),
            });
        }
    }
    Drafted { text, note_at }
}

/// A list of themes' item: each clause a noun phrase, the first with the
/// citation where the profile's theme puts it.
fn draft_themes(clauses: &[Clause], theme: &str, profile: &Profile, cite: &str) -> Drafted {
    let t = &profile.templates;
    let mut text = String::new();
    let mut note_at = 0;
    for (i, c) in clauses.iter().enumerate() {
        let what = match c {
            Clause::Information(w)
            | Clause::Status(w)
            | Clause::Provide(w)
            | Clause::Intention(w) => w,
        };
        if i == 0 {
            let (before, after) = theme.split_once("{cite}").unwrap_or((theme, ""));
            text = upper_first(&fill(before, &[("what", what)]));
            text.push_str(cite);
            note_at = text.len();
            text.push_str(&fill(after, &[("what", what)]));
        } else {
            text.push(' ');
            let template = match c {
                Clause::Information(_) => &t.also_information,
                Clause::Status(_) => &t.also_status,
                Clause::Provide(_) => &t.also_provide,
                Clause::Intention(_) => &t.also_intention,
            };
            text.push_str(&upper_first(&fill(template, &[("what", what)])));
        }
    }
    Drafted { text, note_at }
}

/// The sub-item for one sub-paragraph, a noun phrase that reads after "please
/// provide information on:" — "The efforts made to adopt …", "Whether the bill …
/// has been adopted", "The measures taken …" (for "provide information on the
/// measures taken …").
fn subitem_text(sub: &SubParagraph, context: &str, profile: &Profile) -> String {
    let text = match clause_for(&sub.text, context, profile) {
        Clause::Information(w) | Clause::Status(w) | Clause::Intention(w) => w,
        Clause::Provide(w) => match INFORMATION_ON_RE.find(&w) {
            Some(m) if m.end() < w.len() => w[m.end()..].to_string(),
            _ => w,
        },
    };
    upper_first(&text)
}

fn punctuate_items(items: &mut [SubParagraph]) {
    let n = items.len();
    for (i, it) in items.iter_mut().enumerate() {
        let t = it.text.trim_end_matches([';', '.', ',', ':']).to_string();
        it.text = if i + 1 == n {
            format!("{t}.")
        } else {
            format!("{t};")
        };
    }
}

/// The label after `label` in the same series: "c" → "d", "ix" → "x" is not
/// needed (sub-paragraphs use letters); anything else gets the next letter after
/// the count.
fn next_label(items: &[SubParagraph]) -> String {
    let last = items.last().map(|s| s.label.as_str()).unwrap_or("");
    let mut chars = last.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_lowercase() && c != 'z' => {
            ((c as u8 + 1) as char).to_string()
        }
        _ => {
            let n = items.len() as u8;
            ((b'a' + n.min(25)) as char).to_string()
        }
    }
}

/// The questions for one recommendation (one, or one per sub-paragraph when splitting).
pub fn generate_questions(
    input: &RecommendationInput,
    profile: &Profile,
    opts: &GenerateOptions,
) -> Vec<GeneratedQuestion> {
    let t = &profile.templates;
    let p = input.paragraph;
    let number = p.number.clone().unwrap_or_default();
    let section = profile.section_for(&p.full_text(), p.theme.as_deref(), &input.cluster_articles);
    let context = p.full_text();
    let subs: Vec<&SubParagraph> = match &input.only_subparagraphs {
        Some(labels) => p
            .subparagraphs
            .iter()
            .filter(|s| labels.contains(&s.label))
            .collect(),
        None => p.subparagraphs.iter().collect(),
    };
    if opts.split_subparagraphs && subs.len() > 1 {
        return subs
            .iter()
            .flat_map(|s| {
                let one = RecommendationInput {
                    only_subparagraphs: Some(vec![s.label.clone()]),
                    ..input.clone()
                };
                generate_questions(
                    &one,
                    profile,
                    &GenerateOptions {
                        split_subparagraphs: false,
                        ..*opts
                    },
                )
            })
            .collect();
    }
    // Sub-paragraphs asked for but not found (a paragraph read without its
    // letters): the question is about the whole paragraph, cited as asked.
    let missing = input.only_subparagraphs.is_some() && subs.is_empty();
    let refs: Vec<String> = match &input.only_subparagraphs {
        Some(labels) if missing => labels.iter().map(|l| format!("{number} ({l})")).collect(),
        Some(_) => subs
            .iter()
            .map(|s| format!("{number} ({})", s.label))
            .collect(),
        None => vec![number.clone()],
    };
    let sources: Vec<Citation> = refs
        .iter()
        .map(|r| Citation {
            symbol: input.symbol.to_string(),
            paragraph: Some(r.clone()),
        })
        .collect();
    let cite = citation_text(opts.style, input.symbol, &refs, profile);
    let lead = lead_in(profile, input.follow_up);

    // The recommendation's own requests, and its sub-paragraphs.
    let own: Vec<String> = if input.only_subparagraphs.is_some() && !missing {
        Vec::new()
    } else {
        requests_of(&p.text, profile)
    };
    let mut clauses: Vec<Clause> = own
        .iter()
        .map(|r| clause_for(r, &context, profile))
        .collect();
    // An urgent adoption is asked about first.
    clauses.sort_by_key(|c| !matches!(c, Clause::Status(_)));
    let mut subitems = Vec::new();
    if input.only_subparagraphs.is_some() {
        clauses.extend(subs.iter().map(|s| clause_for(&s.text, &context, profile)));
    } else if !subs.is_empty() {
        let mut rest: &[&SubParagraph] = &subs;
        // The committee asks about the first sub-paragraph in the question's
        // sentence when the recommendation's own text asks nothing.
        if profile.subparagraphs == SubparagraphForm::FirstThenItems && clauses.is_empty() {
            if let Some((first, others)) = subs.split_first() {
                clauses.push(clause_for(&first.text, &context, profile));
                rest = others;
            }
        }
        let relabel = rest.len() != subs.len();
        subitems = rest
            .iter()
            .enumerate()
            .map(|(i, s)| SubParagraph {
                label: if relabel {
                    ((b'a' + (i as u8).min(25)) as char).to_string()
                } else {
                    s.label.clone()
                },
                text: subitem_text(s, &context, profile),
            })
            .collect();
    }
    let clauses: Vec<Clause> = match clauses.len() {
        0 => Vec::new(),
        _ => {
            let mut v = Vec::new();
            for (i, c) in clauses.into_iter().enumerate() {
                if i == 0 {
                    v.extend(split_long(c));
                } else {
                    v.push(c);
                }
            }
            v
        }
    };
    let mut drafted = if let (true, Some(list)) = (clauses.is_empty(), &t.theme_list) {
        let (before, after) = list.split_once("{cite}").unwrap_or((list, ""));
        let mut text = before.to_string();
        text.push_str(&cite);
        let note_at = text.len();
        text.push_str(after);
        Drafted { text, note_at }
    } else if clauses.is_empty() {
        let mut text = String::new();
        let note_at = open_with(&mut text, lead, &cite);
        text.push(' ');
        text.push_str(if subitems.is_empty() {
            &t.ask_implementation
        } else {
            &t.ask_list
        });
        Drafted { text, note_at }
    } else {
        let d = draft_sentences(&clauses, lead, input.follow_up, profile, &cite);
        if subitems.is_empty() {
            d
        } else {
            Drafted {
                text: format!("{} {}", d.text, t.also_list),
                note_at: d.note_at,
            }
        }
    };
    // What the question adds: a sentence, or (when the question ends in sub-items,
    // after which no sentence can stand) one more sub-item.
    if let Some(date) = input.assessed {
        let date = date.format(&t.date_format).to_string();
        if subitems.is_empty() {
            drafted.text.push(' ');
            drafted
                .text
                .push_str(&fill(&t.follow_up_assessment, &[("date", &date)]));
        } else {
            subitems.push(SubParagraph {
                label: next_label(&subitems),
                text: fill(&t.follow_up_assessment_item, &[("date", &date)]),
            });
        }
    }
    let lower = context.to_lowercase();
    if (lower.contains("data") || lower.contains("statistic"))
        && lower.contains("collect")
        && subitems.is_empty()
    {
        drafted.text.push(' ');
        drafted.text.push_str(&t.data);
    }
    punctuate_items(&mut subitems);
    let notes = if opts.style == CitationStyle::Footnote {
        vec![NoteAnchor {
            offset: drafted.note_at,
            cites: sources.clone(),
            text: None,
        }]
    } else {
        Vec::new()
    };
    vec![GeneratedQuestion {
        question: ListQuestion {
            number: 0,
            section,
            text: drafted.text,
            subitems,
            notes,
            cites: sources.clone(),
        },
        sources,
    }]
}

/// A whole list: title, symbol, opening paragraph, questions ordered by the
/// profile's sections then by the source order, numbered through the list, with
/// headings labelled ("I.", "A.") over the sections used.
pub fn generate_list(
    state: &StateParty,
    cycle: u32,
    inputs: &[RecommendationInput],
    profile: &Profile,
    opts: &GenerateOptions,
) -> (IssueList, Vec<Vec<Citation>>) {
    let order = profile.section_paths(opts.kind);
    let mut generated: Vec<(usize, usize, GeneratedQuestion)> = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        for g in generate_questions(input, profile, opts) {
            let rank = order
                .iter()
                .position(|p| *p == g.question.section)
                .unwrap_or(order.len());
            generated.push((rank, i, g));
        }
    }
    generated.sort_by_key(|(rank, i, _)| (*rank, *i));
    let paths: Vec<Vec<String>> = generated
        .iter()
        .map(|(_, _, g)| g.question.section.clone())
        .collect();
    let labels = profile.label_sections(&paths);
    let mut questions = Vec::new();
    let mut sources = Vec::new();
    for (n, (_, _, g)) in generated.into_iter().enumerate() {
        let mut q = g.question;
        q.number = n as u32 + 1;
        if let Some(l) = labels.get(&q.section) {
            q.section = l.clone();
        }
        questions.push(q);
        sources.push(g.sources);
    }
    let list = IssueList {
        committee: Some(profile.committee.clone()),
        symbol: Some(profile.symbol(opts.kind, &state.code, cycle)),
        title: Some(profile.title(opts.kind, &state.name, cycle)),
        state: Some(state.clone()),
        kind: opts.kind,
        date: None,
        language: Some(profile.language.clone()),
        intro: profile.opening(opts.kind, cycle),
        questions,
    };
    (list, sources)
}

#[cfg(test)]
mod tests;
