//! Coverage: which prior recommendations a draft asks about (a question asks
//! about a recommendation when it cites it), the ones left out listed with
//! those the State party's report is silent on first, then those under follow-up.

use serde::{Deserialize, Serialize};

use super::DraftContent;

/// The coverage of a draft: which prior recommendations it asks about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coverage {
    pub covered: Vec<CoverageItem>,
    pub not_covered: Vec<CoverageItem>,
}

/// A recommendation in the coverage report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoverageItem {
    pub symbol: String,
    pub paragraph: String,
    pub follow_up: bool,
    /// Whether the State party's later report, in the library, says nothing on it.
    #[serde(default)]
    pub report_silent: bool,
    /// Numbers of the questions that ask about it.
    pub questions: Vec<u32>,
}

/// A recommendation the coverage is measured against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverageTarget {
    pub symbol: String,
    pub paragraph: String,
    pub follow_up: bool,
    /// The State party's later report says nothing on it.
    pub report_silent: bool,
}

/// Which of `targets` the draft asks about (a question citing "35 (a)" covers
/// paragraph 35), and which it leaves out. Of those left out, the ones the
/// State party's report says nothing on come first (the questions a rapporteur
/// most needs), then those under follow-up, so they are never silently dropped.
pub fn coverage(content: &DraftContent, targets: &[CoverageTarget]) -> Coverage {
    let mut covered = Vec::new();
    let mut not_covered = Vec::new();
    for t in targets {
        let questions: Vec<u32> = content
            .questions
            .iter()
            .enumerate()
            .filter(|(_, q)| {
                q.sources
                    .iter()
                    .chain(q.notes.iter().flat_map(|n| n.cites.iter()))
                    .any(|c| {
                        c.symbol == t.symbol
                            && c.paragraph.as_deref().is_some_and(|p| {
                                p == t.paragraph
                                    || crate::model::ParaRef::paragraph(p) == t.paragraph
                            })
                    })
            })
            .map(|(i, _)| (i + 1) as u32)
            .collect();
        let item = CoverageItem {
            symbol: t.symbol.clone(),
            paragraph: t.paragraph.clone(),
            follow_up: t.follow_up,
            report_silent: t.report_silent,
            questions,
        };
        if item.questions.is_empty() {
            not_covered.push(item);
        } else {
            covered.push(item);
        }
    }
    not_covered.sort_by_key(|i| (!i.report_silent, !i.follow_up));
    Coverage {
        covered,
        not_covered,
    }
}
