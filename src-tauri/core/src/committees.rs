//! A library of several committees: what a rapporteur may choose when
//! drafting for one committee on one State party, read from the committee's
//! profile and the committee's documents, never assumed.

use serde::{Deserialize, Serialize};

use crate::draft::profile_for;
use crate::error::{Error, Result};
use crate::library::Library;
use crate::link;
use crate::model::{CitationStyle, Document, DocumentKind};
use crate::profile::Profile;
use crate::symbols;

/// A committee's code as its profile names it: documents name CESCR
/// "E/C.12" (their symbols' prefix); a committee without a profile keeps its
/// code, in capitals.
pub fn canonical(committee: &str) -> String {
    Profile::builtin(committee)
        .map(|p| p.committee)
        .unwrap_or_else(|| committee.trim().to_ascii_uppercase())
}

/// Whether a document of committee `of` (as the document names it) belongs to
/// `committee` (as the user or a profile names it).
pub fn same_committee(of: Option<&str>, committee: &str) -> bool {
    of.is_some_and(|c| canonical(c) == canonical(committee))
}

/// A kind of list the committee adopts, with its agreed number of questions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KindChoice {
    pub kind: DocumentKind,
    pub question_limit: Option<usize>,
}

/// What a new draft for a committee and a State party can be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftChoices {
    /// The committee's code ("CRPD"); `None` when the concluding observations
    /// do not say whose they are (a draft needs it corrected first).
    pub committee: Option<String>,
    /// Its name ("Committee on the Rights of Persons with Disabilities").
    pub name: Option<String>,
    /// The concluding observations a draft is made from (the committee's latest).
    pub from: Option<String>,
    /// The kinds of list the committee adopts, the one it adopts most first.
    pub kinds: Vec<KindChoice>,
    /// How the committee's lists cite its previous concluding observations.
    pub style: CitationStyle,
}

/// The committee's latest concluding observations on a State party.
fn latest_observations(
    lib: &Library,
    state: &str,
    committee: Option<&str>,
) -> Result<Option<(i64, Document)>> {
    let docs = lib.documents_of_state(state)?;
    Ok(link::latest_concluding_observations_of(&docs, committee).cloned())
}

/// The choices for a new draft on `state` (ISO code or name) for `committee`
/// (default: the committee of the State party's latest concluding observations).
pub fn draft_choices(lib: &Library, state: &str, committee: Option<&str>) -> Result<DraftChoices> {
    let state = symbols::state_by_code_or_name(state).ok_or_else(|| {
        Error::InvalidInput(format!(
            "\"{state}\" is not a State (give its ISO code or name)"
        ))
    })?;
    let wanted = match committee {
        Some(c) => Some(profile_for(c)?.committee),
        None => None,
    };
    let latest = latest_observations(lib, &state.code, wanted.as_deref())?;
    let code = match (&wanted, latest.as_ref()) {
        (Some(c), _) => c.clone(),
        (None, Some((_, d))) => match &d.committee {
            Some(c) => canonical(c),
            // Observations whose committee is not known: every kind of list,
            // no limits, until the rapporteur says whose they are.
            None => {
                return Ok(DraftChoices {
                    committee: None,
                    name: None,
                    from: d.symbol.clone(),
                    kinds: [
                        DocumentKind::ListOfIssuesPriorToReporting,
                        DocumentKind::ListOfIssues,
                    ]
                    .into_iter()
                    .map(|kind| KindChoice {
                        kind,
                        question_limit: None,
                    })
                    .collect(),
                    style: CitationStyle::Footnote,
                })
            }
        },
        (None, None) => {
            return Err(Error::NotFound(format!(
                "concluding observations of {} in the library",
                state.code
            )))
        }
    };
    let profile = profile_for(&code)?;
    let mut kinds: Vec<KindChoice> = [
        DocumentKind::ListOfIssuesPriorToReporting,
        DocumentKind::ListOfIssues,
    ]
    .into_iter()
    .filter(|k| profile.symbols.contains_key(k.as_str()))
    .map(|kind| KindChoice {
        kind,
        question_limit: profile.question_limit_for(kind),
    })
    .collect();
    if kinds.is_empty() {
        kinds.push(KindChoice {
            kind: DocumentKind::ListOfIssues,
            question_limit: profile.question_limit_for(DocumentKind::ListOfIssues),
        });
    }
    Ok(DraftChoices {
        committee: Some(profile.committee.clone()),
        name: Some(profile.name.clone()),
        from: latest.and_then(|(_, d)| d.symbol),
        kinds,
        style: profile.citation_style(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_follow_the_committees_profile() {
        let mut lib = Library::open_in_memory().unwrap();
        lib.ensure_seeded().unwrap();
        let c = draft_choices(&lib, "TJK", None).unwrap();
        assert_eq!(c.committee.as_deref(), Some("CMW"));
        assert_eq!(c.from.as_deref(), Some("CMW/C/TJK/CO/2"));
        assert_eq!(c.style, CitationStyle::Footnote);
        assert_eq!(
            c.kinds.first().map(|k| k.kind),
            Some(DocumentKind::ListOfIssuesPriorToReporting)
        );
        // CEDAW: at most 20 questions in a list of issues, 25 prior to reporting;
        // the library has none of its concluding observations on Tajikistan.
        let c = draft_choices(&lib, "Tajikistan", Some("CEDAW")).unwrap();
        assert_eq!(c.committee.as_deref(), Some("CEDAW"));
        assert_eq!(c.from, None);
        let limit = |k| {
            c.kinds
                .iter()
                .find(|x| x.kind == k)
                .and_then(|x| x.question_limit)
        };
        assert_eq!(limit(DocumentKind::ListOfIssues), Some(20));
        assert_eq!(limit(DocumentKind::ListOfIssuesPriorToReporting), Some(25));
        // CESCR by its symbol's name.
        assert_eq!(
            draft_choices(&lib, "TJK", Some("E/C.12"))
                .unwrap()
                .committee
                .as_deref(),
            Some("CESCR")
        );
        assert!(draft_choices(&lib, "XXX", None).is_err());
        assert!(draft_choices(&lib, "MEX", None).is_err());
    }
}
