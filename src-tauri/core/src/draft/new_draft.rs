//! A new draft from the library: the State party's prior recommendations (of
//! the committee's latest concluding observations, or those named) turned
//! into questions in the committee's style, stored as a draft; and the
//! question for one paragraph.

use serde::{Deserialize, Serialize};

use super::*;
use crate::draft;
use crate::error::{Error, Result};
use crate::generate::{self, GenerateOptions, RecommendationInput};
use crate::library::Library;
use crate::link::{self, RecommendationView};
use crate::model::{Citation, CitationStyle, Document, DocumentKind, IssueList, SubParagraph};
use crate::profile::Profile;
use crate::symbols;

/// What a new draft is made from.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewDraft {
    /// ISO code or name of the State party.
    pub state: String,
    /// The committee whose list it is ("CRPD", "E/C.12"); default: the
    /// committee of the concluding observations drafted from.
    #[serde(default)]
    pub committee: Option<String>,
    /// The concluding observations to draft from (default: the committee's
    /// latest on the State party in the library).
    pub from: Option<String>,
    pub kind: DocumentKind,
    pub style: CitationStyle,
    #[serde(default)]
    pub split_subparagraphs: bool,
    /// The recommendations to ask about ("12", "35 (a)"); `None`: all of them.
    #[serde(default)]
    pub include: Option<Vec<String>>,
}

impl Default for NewDraft {
    fn default() -> Self {
        NewDraft {
            state: String::new(),
            committee: None,
            from: None,
            kind: DocumentKind::ListOfIssuesPriorToReporting,
            style: CitationStyle::Footnote,
            split_subparagraphs: false,
            include: None,
        }
    }
}

/// The committee profile for a committee (its code or an alias such as
/// "E/C.12"): built in, or an error saying which profile file is wrong or that
/// there is none (a profile is a file in `src-tauri/core/profiles/`).
pub fn profile_for(committee: &str) -> Result<Profile> {
    Profile::builtin_checked(committee)?.ok_or_else(|| {
        let known: Vec<&str> = Profile::builtin_all()
            .iter()
            .filter_map(|(_, p)| p.as_ref().ok().map(|p| p.committee.as_str()))
            .collect();
        Error::InvalidInput(format!(
            "there is no profile for the committee {committee} (profiles: {}); add one as a profile file",
            known.join(", ")
        ))
    })
}

/// Questions are written in the profile's language from observations in the
/// same language: a French recommendation is not reworded into English.
fn same_language(doc: &Document, profile: &Profile) -> Result<()> {
    match doc.language.as_deref() {
        Some(lang) if lang != profile.language => Err(Error::InvalidInput(format!(
            "{} in another language ({lang}) than the {} profile writes ({}); import the {} version of the concluding observations",
            doc.symbol
                .as_deref()
                .map_or("these concluding observations are".to_string(), |s| format!("{s} is")),
            profile.committee,
            profile.language,
            profile.language
        ))),
        _ => Ok(()),
    }
}

/// The stored concluding observations to draft from: the one named, or the
/// latest on the State party (of the committee, when one is given).
fn source_document(
    lib: &Library,
    state: &str,
    committee: Option<&str>,
    from: Option<&str>,
) -> Result<(i64, Document)> {
    let of_committee = |d: &Document| {
        committee.is_none_or(|c| crate::committees::same_committee(d.committee.as_deref(), c))
    };
    let found = match from {
        Some(symbol) => lib
            .document_by_symbol(symbol)?
            .filter(|(_, d)| d.kind == DocumentKind::ConcludingObservations)
            .ok_or_else(|| {
                Error::NotFound(format!("concluding observations {symbol} in the library"))
            })?,
        None => {
            let docs = lib.documents_of_state(state)?;
            link::latest_concluding_observations_of(&docs, committee)
                .cloned()
                .ok_or_else(|| {
                    Error::NotFound(match committee {
                        Some(c) => {
                            format!("concluding observations of {c} on {state} in the library")
                        }
                        None => format!("concluding observations of {state} in the library"),
                    })
                })?
        }
    };
    if !of_committee(&found.1) {
        return Err(Error::InvalidInput(format!(
            "{} are concluding observations of {}, not of {}",
            found.1.symbol.as_deref().unwrap_or("these"),
            found
                .1
                .committee
                .as_deref()
                .unwrap_or("an unknown committee"),
            committee.unwrap_or_default()
        )));
    }
    Ok(found)
}

fn inputs_for<'a>(
    doc: &'a Document,
    symbol: &'a str,
    recs: &[RecommendationView],
    include: Option<&[String]>,
) -> Result<Vec<RecommendationInput<'a>>> {
    let mut inputs = Vec::new();
    let wanted: Option<Vec<(String, Option<String>)>> = include.map(|refs| {
        refs.iter()
            .flat_map(|r| symbols::parse_paragraph_refs(r).0)
            .map(|r| {
                let r = crate::model::ParaRef::read(&r);
                (r.number, r.label)
            })
            .collect()
    });
    if let Some(w) = &wanted {
        for (n, _) in w {
            if !recs.iter().any(|r| &r.number == n) {
                return Err(Error::InvalidInput(format!(
                    "paragraph {n} of {symbol} is not a recommendation"
                )));
            }
        }
    }
    for r in recs {
        let labels: Option<Vec<String>> = match &wanted {
            None => None,
            Some(w) => {
                let mine: Vec<&(String, Option<String>)> =
                    w.iter().filter(|(n, _)| *n == r.number).collect();
                if mine.is_empty() {
                    continue;
                }
                if mine.iter().any(|(_, l)| l.is_none()) {
                    None
                } else {
                    Some(mine.iter().filter_map(|(_, l)| l.clone()).collect())
                }
            }
        };
        let Some(paragraph) = doc.paragraph(&r.number) else {
            continue;
        };
        inputs.push(RecommendationInput {
            symbol,
            paragraph,
            follow_up: generate::under_follow_up(
                &doc.follow_up_paragraphs,
                &r.number,
                labels.as_deref(),
            ),
            only_subparagraphs: labels,
            times_recommended: r.times_recommended,
            assessed: r.assessment.as_ref().and_then(|a| a.letter_date),
            cluster_articles: r.articles.clone(),
        });
    }
    Ok(inputs)
}

/// Creates and stores a draft list of issues from the library.
pub fn new_draft(lib: &mut Library, request: &NewDraft) -> Result<Draft> {
    let state = symbols::state_by_code_or_name(&request.state).ok_or_else(|| {
        Error::InvalidInput(format!(
            "\"{}\" is not a State (give its ISO code or name)",
            request.state
        ))
    })?;
    if !request.kind.is_list_of_issues() {
        return Err(Error::InvalidInput(
            "a draft is a list of issues (loi) or a list of issues prior to reporting (loipr)"
                .into(),
        ));
    }
    // The committee as its profile names it ("E/C.12" is CESCR).
    let wanted = match request.committee.as_deref() {
        Some(c) => Some(profile_for(c)?.committee),
        None => None,
    };
    let (doc_id, doc) =
        source_document(lib, &state.code, wanted.as_deref(), request.from.as_deref())?;
    let symbol = doc.symbol.clone().unwrap_or_default();
    let committee = doc.committee.clone().ok_or_else(|| {
        Error::InvalidInput(format!(
            "the committee of {symbol} is not known: correct it in the library (loi set ID --symbol)"
        ))
    })?;
    let profile = profile_for(&committee)?;
    // The draft belongs to the committee as its profile names it ("CESCR").
    let committee = profile.committee.clone();
    same_language(&doc, &profile)?;
    let recs = link::recommendations_of(lib, doc_id)?;
    let inputs = inputs_for(&doc, &symbol, &recs, request.include.as_deref())?;
    let cycle = doc.cycle.unwrap_or(1) + 1;
    let opts = GenerateOptions {
        style: request.style,
        kind: request.kind,
        split_subparagraphs: request.split_subparagraphs,
    };
    let (list, sources) = generate::generate_list(&state, cycle, &inputs, &profile, &opts);
    let content = DraftContent::from_issue_list(&list, request.style, &sources);
    draft::create(
        lib.connection(),
        &state,
        &committee,
        cycle,
        Some(&symbol),
        &content,
    )
}

/// The list of issues of a stored draft.
pub fn issue_list(lib: &mut Library, id: i64) -> Result<IssueList> {
    Ok(draft::load(lib.connection(), id)?.to_issue_list())
}

/// The question generated for exactly one paragraph or some of its sub-paragraphs
/// ("49 (a) and (d)") of stored concluding observations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SingleQuestion {
    /// The text with the citation rendered in the chosen style (footnote markers as "[1]").
    pub text: String,
    pub subitems: Vec<SubParagraph>,
    pub cites: Vec<Citation>,
    pub footnotes: Vec<FootnoteView>,
    pub section: Vec<String>,
}

/// Generates the question for `paragraph` of the concluding observations `from`.
pub fn question(
    lib: &Library,
    from: &str,
    paragraph: &str,
    style: CitationStyle,
) -> Result<SingleQuestion> {
    let (id, doc) = lib
        .document_by_symbol(from)?
        .ok_or_else(|| Error::NotFound(format!("{from} in the library")))?;
    let symbol = doc.symbol.clone().unwrap_or_default();
    let recs = link::recommendations_of(lib, id)?;
    let inputs = inputs_for(&doc, &symbol, &recs, Some(&[paragraph.to_string()]))?;
    let committee = doc.committee.clone().ok_or_else(|| {
        Error::InvalidInput(format!(
            "the committee of {from} is not known: correct it in the library (loi set ID --symbol)"
        ))
    })?;
    let profile = profile_for(&committee)?;
    same_language(&doc, &profile)?;
    let opts = GenerateOptions {
        style,
        kind: DocumentKind::ListOfIssuesPriorToReporting,
        split_subparagraphs: false,
    };
    let state = doc.state.clone().unwrap_or(crate::model::StateParty {
        code: String::new(),
        name: String::new(),
    });
    let (list, _) =
        generate::generate_list(&state, doc.cycle.unwrap_or(1) + 1, &inputs, &profile, &opts);
    let q = list.questions.first().ok_or_else(|| {
        Error::InvalidInput(format!(
            "paragraph {paragraph} of {from} has no recommendation to ask about"
        ))
    })?;
    let footnotes: Vec<FootnoteView> = list
        .footnotes()
        .into_iter()
        .map(|(number, text)| FootnoteView { number, text })
        .collect();
    let offsets: Vec<(usize, u32)> = q
        .notes
        .iter()
        .zip(1..)
        .map(|(n, i)| (n.offset, i))
        .collect();
    let text = crate::export::with_markers(&q.text, &offsets, str::to_string, |n| format!("[{n}]"));
    Ok(SingleQuestion {
        text,
        subitems: q.subitems.clone(),
        cites: q.cites.clone(),
        footnotes,
        section: q.section.clone(),
    })
}
