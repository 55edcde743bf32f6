//! Link: each recommendation of the latest concluding observations with its
//! history across cycles — the earlier recommendations it repeats (followed
//! through every earlier cycle in the library), the follow-up letters'
//! assessments of it or of its ancestors, and whether it is under follow-up.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::library::Library;
use crate::model::{Document, DocumentKind, Paragraph, ParagraphKind, SubParagraph};
use crate::symbols;

/// An earlier recommendation that a recommendation repeats.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ancestor {
    pub symbol: String,
    pub paragraph: String,
    /// Its text, when that document is in the library.
    pub text: Option<String>,
    pub cycle: Option<u32>,
}

/// A follow-up letter's assessment, as attached to a recommendation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentView {
    /// The concluding observations and paragraph assessed.
    pub symbol: String,
    pub paragraph: String,
    pub text: String,
    pub letter_date: Option<NaiveDate>,
    pub letter_document_id: i64,
}

/// A recommendation with its history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecommendationView {
    pub document_id: i64,
    pub symbol: String,
    pub number: String,
    pub cluster: Option<String>,
    pub theme: Option<String>,
    pub text: String,
    pub subparagraphs: Vec<SubParagraph>,
    pub follow_up: bool,
    /// The sub-paragraphs under follow-up, when only some are ("a").
    pub follow_up_subparagraphs: Vec<String>,
    pub follow_up_due: Option<NaiveDate>,
    /// The latest follow-up assessment of this recommendation or of one it repeats.
    pub assessment: Option<AssessmentView>,
    /// Every such assessment, oldest first.
    pub assessments: Vec<AssessmentView>,
    /// Earlier recommendations it repeats, nearest cycle first.
    pub ancestors: Vec<Ancestor>,
    /// How many cycles have made this recommendation (1 when it is new).
    pub times_recommended: u32,
    /// The concern paragraph that precedes it under the same theme.
    pub concern: Option<String>,
    /// The Convention articles its cluster covers.
    pub articles: Vec<u32>,
    /// What the State party's later documents and the dialogue say about it.
    #[serde(flatten)]
    pub sources: crate::sources::Sources,
}

/// A stored document with its id.
pub type StoredDocument = (i64, Document);

/// A follow-up assessment with the letter's id and date.
pub type StoredAssessment = (i64, Option<NaiveDate>, crate::model::Assessment);

fn base_number(r: &str) -> &str {
    crate::model::ParaRef::paragraph(r)
}

/// The latest concluding observations among `docs` (highest cycle, then date).
pub fn latest_concluding_observations(docs: &[StoredDocument]) -> Option<&StoredDocument> {
    latest_concluding_observations_of(docs, None)
}

/// The latest concluding observations of a committee (as a user or a profile
/// names it: "E/C.12" is CESCR) among `docs`; of any committee for `None`.
pub fn latest_concluding_observations_of<'a>(
    docs: &'a [StoredDocument],
    committee: Option<&str>,
) -> Option<&'a StoredDocument> {
    docs.iter()
        .filter(|(_, d)| d.kind == DocumentKind::ConcludingObservations)
        .filter(|(_, d)| {
            committee.is_none_or(|c| crate::committees::same_committee(d.committee.as_deref(), c))
        })
        .max_by_key(|(id, d)| (d.cycle.unwrap_or(0), d.date, *id))
}

/// Builds the recommendations of `latest` with their history, from the other
/// documents of the same State party and the follow-up assessments known.
pub fn build_recommendations(
    latest: &StoredDocument,
    docs: &[StoredDocument],
    assessments: &[StoredAssessment],
) -> Vec<RecommendationView> {
    let (doc_id, doc) = latest;
    let symbol = doc.symbol.clone().unwrap_or_default();
    let mut out = Vec::new();
    for (i, p) in doc.paragraphs.iter().enumerate() {
        if p.kind != ParagraphKind::Recommendation {
            continue;
        }
        let Some(number) = p.number.clone() else {
            continue;
        };
        let ancestors = ancestors_of(doc, p, docs);
        let cycles: BTreeSet<&str> = ancestors.iter().map(|a| a.symbol.as_str()).collect();
        let mut mine: Vec<AssessmentView> = assessments
            .iter()
            .filter(|(_, _, a)| {
                (a.symbol == symbol && base_number(&a.paragraph) == number)
                    || ancestors.iter().any(|anc| {
                        anc.symbol == a.symbol
                            && base_number(&anc.paragraph) == base_number(&a.paragraph)
                    })
            })
            .map(|(letter, date, a)| AssessmentView {
                symbol: a.symbol.clone(),
                paragraph: a.paragraph.clone(),
                text: a.text.clone(),
                letter_date: *date,
                letter_document_id: *letter,
            })
            .collect();
        mine.sort_by_key(|a| a.letter_date);
        let follow_up_subparagraphs: Vec<String> = doc
            .follow_up_paragraphs
            .iter()
            .map(|r| crate::model::ParaRef::read(r))
            .filter(|r| r.number == number)
            .filter_map(|r| r.label)
            .collect();
        let concern = doc.paragraphs[..i]
            .iter()
            .rev()
            .take_while(|q| q.kind != ParagraphKind::Recommendation)
            .find(|q| q.kind == ParagraphKind::Concern && q.theme == p.theme)
            .map(|q| q.full_text());
        let articles = p
            .cluster
            .as_ref()
            .and_then(|c| doc.clusters.iter().find(|x| &x.title == c))
            .map(|c| c.articles.clone())
            .unwrap_or_default();
        out.push(RecommendationView {
            document_id: *doc_id,
            symbol: symbol.clone(),
            number,
            cluster: p.cluster.clone(),
            theme: p.theme.clone(),
            text: p.text.clone(),
            subparagraphs: p.subparagraphs.clone(),
            follow_up: p.follow_up,
            follow_up_subparagraphs,
            follow_up_due: doc.follow_up_due.filter(|_| p.follow_up),
            assessment: mine.last().cloned(),
            assessments: mine,
            times_recommended: 1 + cycles.len() as u32,
            ancestors,
            concern,
            articles,
            sources: Default::default(),
        });
    }
    out
}

/// The earlier recommendations a paragraph cites, followed through the library.
fn ancestors_of(doc: &Document, p: &Paragraph, docs: &[StoredDocument]) -> Vec<Ancestor> {
    let mut out: Vec<Ancestor> = Vec::new();
    let mut frontier: Vec<(Option<u32>, Vec<crate::model::Citation>)> =
        vec![(doc.cycle, p.cites.clone())];
    let mut seen: BTreeSet<(String, String)> = BTreeSet::new();
    while let Some((cycle, cites)) = frontier.pop() {
        for c in cites {
            let Some(paragraph) = c.paragraph.clone() else {
                continue;
            };
            let Some(info) = symbols::parse_symbol(&c.symbol) else {
                continue;
            };
            let same_state = info.state.as_deref() == doc.state.as_ref().map(|s| s.code.as_str());
            let earlier = match (info.cycle, cycle) {
                (Some(a), Some(b)) => a < b,
                _ => true,
            };
            if info.kind != Some(DocumentKind::ConcludingObservations) || !same_state || !earlier {
                continue;
            }
            if !seen.insert((info.symbol.clone(), paragraph.clone())) {
                continue;
            }
            let stored = docs.iter().find(|(_, d)| {
                d.symbol.as_deref() == Some(info.symbol.as_str())
                    && d.kind == DocumentKind::ConcludingObservations
            });
            let earlier_paragraph = stored.and_then(|(_, d)| d.paragraph(base_number(&paragraph)));
            let text = earlier_paragraph.map(|q| {
                let label = crate::model::ParaRef::read(&paragraph).label;
                match label.and_then(|l| q.subparagraphs.iter().find(|s| s.label == l)) {
                    Some(sub) => format!("{} ({}) {}", q.text, sub.label, sub.text),
                    None => q.full_text(),
                }
            });
            if let Some(q) = earlier_paragraph {
                frontier.push((info.cycle, q.cites.clone()));
            }
            out.push(Ancestor {
                symbol: info.symbol.clone(),
                paragraph,
                text,
                cycle: info.cycle,
            });
        }
    }
    out.sort_by_key(|a| std::cmp::Reverse(a.cycle));
    out
}

/// The recommendations of a State party's latest concluding observations in the library.
pub fn recommendations(lib: &Library, state: &str) -> Result<Vec<RecommendationView>> {
    recommendations_for(lib, state, None)
}

/// The recommendations of a committee's latest concluding observations on a
/// State party (of any committee's latest when `committee` is `None`), with
/// their history.
pub fn recommendations_for(
    lib: &Library,
    state: &str,
    committee: Option<&str>,
) -> Result<Vec<RecommendationView>> {
    let docs = lib.documents_of_state(state)?;
    let Some((id, _)) = latest_concluding_observations_of(&docs, committee) else {
        return Ok(Vec::new());
    };
    recommendations_in(lib, &docs, *id)
}

/// The recommendations of one stored concluding observations, with their history.
pub fn recommendations_of(lib: &Library, document_id: i64) -> Result<Vec<RecommendationView>> {
    let doc = lib.document(document_id)?;
    let docs = match doc.state.as_ref() {
        Some(s) => lib.documents_of_state(&s.code)?,
        None => vec![(document_id, doc)],
    };
    recommendations_in(lib, &docs, document_id)
}

fn recommendations_in(
    lib: &Library,
    docs: &[StoredDocument],
    document_id: i64,
) -> Result<Vec<RecommendationView>> {
    let Some(target) = docs.iter().find(|(id, _)| *id == document_id) else {
        return Ok(Vec::new());
    };
    let mut symbols_wanted: BTreeSet<String> = docs
        .iter()
        .filter(|(_, d)| d.kind == DocumentKind::ConcludingObservations)
        .filter_map(|(_, d)| d.symbol.clone())
        .collect();
    for (_, d) in docs {
        for p in &d.paragraphs {
            for c in &p.cites {
                symbols_wanted.insert(c.symbol.clone());
            }
        }
    }
    let mut assessments = Vec::new();
    for s in symbols_wanted {
        assessments.extend(lib.assessments_of(&s)?);
    }
    let mut recs = build_recommendations(target, docs, &assessments);
    crate::sources::attach(&mut recs, &target.1, docs);
    Ok(recs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Assessment, Citation, StateParty};

    fn co(symbol: &str, cycle: u32, paras: Vec<Paragraph>) -> Document {
        Document {
            symbol: Some(symbol.into()),
            kind: DocumentKind::ConcludingObservations,
            state: Some(StateParty {
                code: "MEX".into(),
                name: "Mexico".into(),
            }),
            cycle: Some(cycle),
            paragraphs: paras,
            ..Default::default()
        }
    }

    fn rec(n: &str, text: &str, cites: &[(&str, &str)]) -> Paragraph {
        Paragraph {
            number: Some(n.into()),
            kind: ParagraphKind::Recommendation,
            text: text.into(),
            cites: cites
                .iter()
                .map(|(s, p)| Citation {
                    symbol: (*s).into(),
                    paragraph: Some((*p).into()),
                })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn follows_the_thread_across_three_cycles() {
        let co1 = co(
            "CMW/C/MEX/CO/1",
            1,
            vec![rec("27", "Ensure access to remedies.", &[])],
        );
        let co2 = co(
            "CMW/C/MEX/CO/2",
            2,
            vec![rec(
                "30",
                "Reiterating, ensure access to remedies.",
                &[("CMW/C/MEX/CO/1", "27")],
            )],
        );
        let mut co3 = co(
            "CMW/C/MEX/CO/3",
            3,
            vec![
                Paragraph {
                    number: Some("11".into()),
                    kind: ParagraphKind::Concern,
                    text: "The Committee is concerned.".into(),
                    ..Default::default()
                },
                rec(
                    "12",
                    "Again, ensure access to remedies.",
                    &[("CMW/C/MEX/CO/2", "30")],
                ),
                rec("14", "Adopt a new law.", &[]),
            ],
        );
        co3.paragraphs[1].follow_up = true;
        co3.follow_up_paragraphs = vec!["12".into()];
        let docs = vec![(1, co1), (2, co2), (3, co3)];
        let letters = vec![(
            4,
            NaiveDate::from_ymd_opt(2018, 9, 13),
            Assessment {
                symbol: "CMW/C/MEX/CO/1".into(),
                paragraph: "27".into(),
                text: "encourages the State party to take all necessary measures".into(),
            },
        )];
        let latest = latest_concluding_observations(&docs).unwrap();
        assert_eq!(latest.0, 3);
        let recs = build_recommendations(latest, &docs, &letters);
        assert_eq!(recs.len(), 2);
        let r = &recs[0];
        assert_eq!(r.number, "12");
        assert_eq!(r.times_recommended, 3);
        assert_eq!(r.ancestors[0].symbol, "CMW/C/MEX/CO/2");
        assert_eq!(r.ancestors[1].paragraph, "27");
        assert_eq!(
            r.ancestors[1].text.as_deref(),
            Some("Ensure access to remedies.")
        );
        assert!(r.follow_up);
        assert_eq!(r.assessment.as_ref().unwrap().paragraph, "27");
        assert_eq!(r.concern.as_deref(), Some("The Committee is concerned."));
        assert_eq!(recs[1].times_recommended, 1);
        assert!(recs[1].ancestors.is_empty() && recs[1].assessment.is_none());
    }

    #[test]
    fn ancestors_missing_from_the_library_keep_their_reference() {
        let mut co2 = co(
            "CMW/C/MEX/CO/2",
            2,
            vec![rec(
                "20",
                "Collect data.",
                &[
                    ("CMW/C/MEX/CO/1", "19"),
                    ("CMW/C/MEX/2", "5"),
                    ("CMW/C/GTM/CO/1", "3"),
                ],
            )],
        );
        co2.follow_up_paragraphs = vec!["20 (b)".into()];
        co2.paragraphs[0].follow_up = true;
        let docs = vec![(1, co2)];
        let recs = build_recommendations(&docs[0], &docs, &[]);
        assert_eq!(
            recs[0].ancestors.len(),
            1,
            "only earlier concluding observations of the same State count"
        );
        assert_eq!(recs[0].ancestors[0].text, None);
        assert_eq!(recs[0].times_recommended, 2);
        assert_eq!(recs[0].follow_up_subparagraphs, vec!["b"]);
    }

    #[test]
    fn kyrgyzstan_paragraph_30_has_its_history() {
        let mut lib = Library::open_in_memory().unwrap();
        lib.ensure_seeded().unwrap();
        let recs = recommendations(&lib, "KGZ").unwrap();
        let numbers: Vec<u32> = recs.iter().filter_map(|r| r.number.parse().ok()).collect();
        assert_eq!(numbers, (10..=54).step_by(2).collect::<Vec<_>>());
        let r30 = recs.iter().find(|r| r.number == "30").unwrap();
        assert_eq!(r30.ancestors[0].symbol, "CMW/C/KGZ/CO/1");
        assert_eq!(r30.ancestors[0].paragraph, "27");
        let a = r30.assessment.as_ref().unwrap();
        assert_eq!(a.letter_date.unwrap().to_string(), "2018-09-13");
        assert!(a
            .text
            .contains("to take all necessary measures to fully implement"));
        assert!(r30.follow_up);
        assert_eq!(r30.times_recommended, 2);
        assert!(r30
            .concern
            .as_deref()
            .unwrap()
            .starts_with("The Committee notes the information"));
        let tj = recommendations(&lib, "TJK").unwrap();
        let r35 = tj.iter().find(|r| r.number == "35").unwrap();
        assert_eq!(r35.follow_up_subparagraphs, vec!["a"]);
    }
}
