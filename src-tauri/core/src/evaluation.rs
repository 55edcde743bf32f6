//! How close generated questions come to a committee's real ones: each
//! question of a real list of issues that cites a paragraph of the previous
//! concluding observations is set against the question generated for exactly
//! that paragraph (`generate::evaluate`), for any committee with a profile.

use serde::Serialize;

use crate::compare;
use crate::draft::profile_for;
use crate::error::{Error, Result};
use crate::generate::{self, EvalReport};
use crate::library::Library;
use crate::model::{Citation, Document, DocumentKind, ParagraphKind};
use crate::parse::list_of_issues::previous_observations_refs_in_list;
use crate::symbols;

/// An evaluation of one real list, as `loi eval --json` prints it.
#[derive(Debug, Clone, Serialize)]
pub struct ListEvaluation {
    /// The real list (its symbol, or the file's name when it has none).
    pub list: String,
    /// The concluding observations its questions cite.
    pub from: String,
    pub committee: String,
    #[serde(flatten)]
    pub report: EvalReport,
}

/// The concluding observations of the library that the list's questions cite
/// most.
fn cited_observations(lib: &Library, list: &Document) -> Result<Option<(i64, Document)>> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for c in list
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Question)
        .flat_map(|p| p.cites.iter())
    {
        let is_co = symbols::parse_symbol(&c.symbol)
            .is_some_and(|i| i.kind == Some(DocumentKind::ConcludingObservations));
        if !is_co {
            continue;
        }
        match counts.iter_mut().find(|(s, _)| *s == c.symbol) {
            Some((_, n)) => *n += 1,
            None => counts.push((&c.symbol, 1)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    for (symbol, _) in counts {
        if let Some(found) = lib.document_by_symbol(symbol)? {
            if found.1.kind == DocumentKind::ConcludingObservations {
                return Ok(Some(found));
            }
        }
    }
    Ok(None)
}

/// Scores the questions of the real list `list` against the questions
/// generated from the concluding observations `from` (default: those the
/// list cites most, when they are in the library).
pub fn evaluate_list(lib: &Library, list: &str, from: Option<&str>) -> Result<ListEvaluation> {
    let mut real = compare::list_document(lib, list)?;
    let (_, co) = match from {
        Some(symbol) => lib
            .document_by_symbol(symbol)?
            .filter(|(_, d)| d.kind == DocumentKind::ConcludingObservations)
            .ok_or_else(|| {
                Error::NotFound(format!("concluding observations {symbol} in the library"))
            })?,
        None => cited_observations(lib, &real)?.ok_or_else(|| {
            Error::NotFound(format!(
                "the concluding observations {list} cites are not in the library (name them with --from)"
            ))
        })?,
    };
    let co_symbol = co
        .symbol
        .clone()
        .ok_or_else(|| Error::InvalidInput("the concluding observations have no symbol".into()))?;
    // A list that never names its previous concluding observations still
    // cites them: "(para. 24)" after "the Committee's previous concluding
    // observations" points at the ones named with --from.
    let texts: Vec<String> = real.paragraphs.iter().map(|p| p.full_text()).collect();
    let refs_of = previous_observations_refs_in_list(&texts);
    for (q, refs) in real.paragraphs.iter_mut().zip(refs_of) {
        if q.kind != ParagraphKind::Question || q.cites.iter().any(|c| c.symbol == co_symbol) {
            continue;
        }
        q.cites.extend(refs.into_iter().map(|r| Citation {
            symbol: co_symbol.clone(),
            paragraph: Some(r),
        }));
    }
    let committee = co
        .committee
        .clone()
        .or_else(|| real.committee.clone())
        .ok_or_else(|| Error::InvalidInput(format!("the committee of {co_symbol} is not known")))?;
    let profile = profile_for(&committee)?;
    let report = generate::evaluate(&co, &real, &profile);
    let name = real.symbol.clone().unwrap_or_else(|| {
        std::path::Path::new(list)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| list.to_string())
    });
    Ok(ListEvaluation {
        list: name,
        from: co_symbol,
        committee: profile.committee.clone(),
        report,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::list_of_issues::previous_observations_refs;

    fn seeded() -> Library {
        let mut lib = Library::open_in_memory().unwrap();
        lib.ensure_seeded().unwrap();
        lib
    }

    #[test]
    fn the_seed_list_is_scored_against_the_observations_it_cites() {
        let lib = seeded();
        let e = evaluate_list(&lib, "CMW/C/TJK/Q/3", None).unwrap();
        assert_eq!(e.from, "CMW/C/TJK/CO/2");
        assert_eq!(e.committee, "CMW");
        let named = evaluate_list(&lib, "CMW/C/TJK/Q/3", Some("CMW/C/TJK/CO/2")).unwrap();
        assert_eq!(e.report.pairs.len(), named.report.pairs.len());
        // The seven questions of the seed list that cite CMW/C/TJK/CO/2.
        assert_eq!(e.report.pairs.len(), 7);
        assert!(e.report.mean >= 0.95, "{}", e.report.mean);
    }

    #[test]
    fn what_is_not_a_list_or_not_stored_is_an_error() {
        let lib = seeded();
        assert!(matches!(
            evaluate_list(&lib, "CMW/C/TJK/CO/2", None),
            Err(Error::InvalidInput(_))
        ));
        assert!(matches!(
            evaluate_list(&lib, "CMW/C/XYZ/Q/1", None),
            Err(Error::NotFound(_))
        ));
        assert!(matches!(
            evaluate_list(&lib, "CMW/C/TJK/Q/3", Some("CMW/C/KGZ/CO/9")),
            Err(Error::NotFound(_))
        ));
    }

    #[test]
    fn bare_references_to_the_previous_observations_are_read() {
        assert_eq!(
            previous_observations_refs(
                "With regard to the Committee's previous concluding observations (para. 14 (b)), please provide information on data."
            ),
            vec!["14 (b)"]
        );
        assert_eq!(
            previous_observations_refs(
                "In the light of the Committee's previous recommendations (paras. 4 and 5), please explain."
            ),
            vec!["4", "5"]
        );
        // In a list that cites them so, a bare reference in a sub-item whose
        // clause names no other document cites them too; one to the report
        // does not.
        let texts = [
            "With regard to the Committee's previous concluding observations (para. 24), please explain.".to_string(),
            "Please provide information on:\n(a) Measures taken to harmonize the Civil Code (para. 46 (a));\n(b) Support measures.".to_string(),
            "Further to the information provided in the State party's report that the law was amended (para. 84), please explain.".to_string(),
        ];
        assert_eq!(
            previous_observations_refs_in_list(&texts),
            vec![vec!["24".to_string()], vec!["46 (a)".to_string()], vec![]]
        );
        // A list that never cites them so: its bare references are not theirs.
        assert_eq!(
            previous_observations_refs_in_list(&texts[1..]),
            vec![Vec::<String>::new(), vec![]]
        );
        // A bare reference to the State party's report is not one.
        assert!(previous_observations_refs(
            "Further to the information in the State party's report (para. 38), please explain."
        )
        .is_empty());
    }
}
