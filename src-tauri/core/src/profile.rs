//! Committee profiles as data: how a committee's lists of issues are titled and
//! numbered, the opening paragraph of a list prior to reporting, the section tree,
//! and how a recommendation maps to a section (by the articles it concerns). A
//! second committee is added by writing a profile file — no code changes.

use std::collections::HashMap;
use std::path::Path;

use once_cell::sync::Lazy;
use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::DocumentKind;

/// The built-in CMW profile.
pub const CMW_PROFILE: &str = include_str!("../profiles/cmw.json");

/// A node of the list's section tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionNode {
    /// The heading without its number or letter ("Part III of the Convention").
    pub heading: String,
    /// The articles a leaf covers.
    #[serde(default)]
    pub articles: Vec<u32>,
    #[serde(default)]
    pub children: Vec<SectionNode>,
    /// The section for general questions (general measures, recommendations with no article).
    #[serde(default)]
    pub general: bool,
    /// Only lists prior to reporting have this section.
    #[serde(default)]
    pub loipr_only: bool,
}

/// Words that tell which articles a recommendation concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    pub words: Vec<String>,
    pub articles: Vec<u32>,
}

/// The lead-in clauses of questions that follow up a recommendation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadIns {
    /// "In the light of the recommendation made by the Committee in its previous concluding observations"
    pub default: String,
    /// For a recommendation under follow-up: "Considering the recommendation …"
    pub follow_up: String,
    /// For "please indicate whether" questions: "Please indicate, in the light of …,"
    pub indicate: String,
}

/// A committee profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub committee: String,
    pub name: String,
    #[serde(default)]
    pub treaty: String,
    #[serde(default = "english")]
    pub language: String,
    /// The agreed maximum number of questions.
    pub question_limit: Option<usize>,
    /// Symbol patterns by kind ("CMW/C/{code}/QPR/{cycle}").
    pub symbols: HashMap<String, String>,
    /// Title patterns by kind ("List of issues prior to submission of the {report} of {state}").
    pub titles: HashMap<String, String>,
    /// "initial" → "initial report", "periodic" → "{ordinal} periodic report".
    pub report_names: HashMap<String, String>,
    pub ordinals: Vec<String>,
    /// Word limits of the replies: "initial", "periodic".
    #[serde(default)]
    pub word_limits: HashMap<String, u32>,
    /// The standard opening paragraph of a list prior to reporting.
    #[serde(default)]
    pub loipr_opening: Option<String>,
    pub lead_ins: LeadIns,
    pub sections: Vec<SectionNode>,
    #[serde(default)]
    pub topics: Vec<Topic>,
}

fn english() -> String {
    "en".into()
}

static ARTICLE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:articles?|arts?\.)\s+(\d{1,3}(?:\s*(?:,|and|–|-|to)\s*\d{1,3})*)")
        .expect("article pattern")
});
static NUMBER_RE: Lazy<Regex> = Lazy::new(|| Regex::new(r"\d{1,3}").expect("number pattern"));

impl Profile {
    /// Reads a profile from JSON.
    pub fn from_json(json: &str) -> Result<Profile> {
        serde_json::from_str(json)
            .map_err(|e| Error::InvalidInput(format!("the committee profile is not valid: {e}")))
    }

    /// Reads a profile file.
    pub fn load_file(path: &Path) -> Result<Profile> {
        let json =
            std::fs::read_to_string(path).map_err(|e| Error::io(path.display().to_string(), e))?;
        Profile::from_json(&json)
    }

    /// The built-in profile of a committee, if there is one.
    pub fn builtin(committee: &str) -> Option<Profile> {
        match committee {
            "CMW" => Profile::from_json(CMW_PROFILE).ok(),
            _ => None,
        }
    }

    fn kind_key(kind: DocumentKind) -> &'static str {
        if kind == DocumentKind::ListOfIssuesPriorToReporting {
            "list_of_issues_prior_to_reporting"
        } else {
            "list_of_issues"
        }
    }

    /// "third periodic report" / "initial report".
    pub fn report_name(&self, cycle: u32) -> String {
        if cycle <= 1 {
            return self
                .report_names
                .get("initial")
                .cloned()
                .unwrap_or_else(|| "initial report".into());
        }
        let ordinal = self
            .ordinals
            .get(cycle as usize - 1)
            .cloned()
            .unwrap_or_else(|| format!("{cycle}th"));
        self.report_names
            .get("periodic")
            .cloned()
            .unwrap_or_else(|| "{ordinal} periodic report".into())
            .replace("{ordinal}", &ordinal)
    }

    /// The list's title.
    pub fn title(&self, kind: DocumentKind, state_name: &str, cycle: u32) -> String {
        self.titles
            .get(Self::kind_key(kind))
            .cloned()
            .unwrap_or_else(|| "List of issues in relation to the {report} of {state}".into())
            .replace("{report}", &self.report_name(cycle))
            .replace("{state}", state_name)
    }

    /// The list's symbol.
    pub fn symbol(&self, kind: DocumentKind, code: &str, cycle: u32) -> String {
        self.symbols
            .get(Self::kind_key(kind))
            .cloned()
            .unwrap_or_default()
            .replace("{code}", code)
            .replace("{cycle}", &cycle.to_string())
    }

    /// The opening paragraph(s) of the list (a LOIPR's standard paragraph).
    pub fn opening(&self, kind: DocumentKind, cycle: u32) -> Vec<String> {
        if kind != DocumentKind::ListOfIssuesPriorToReporting {
            return Vec::new();
        }
        let limit = self
            .word_limits
            .get(if cycle <= 1 { "initial" } else { "periodic" })
            .map(|n| format_thousands(*n))
            .unwrap_or_default();
        self.loipr_opening
            .iter()
            .map(|t| {
                t.replace("{report}", &self.report_name(cycle))
                    .replace("{word_limit}", &limit)
            })
            .collect()
    }

    /// Every leaf section path in print order (for a list of this kind).
    pub fn section_paths(&self, kind: DocumentKind) -> Vec<Vec<String>> {
        fn walk(
            nodes: &[SectionNode],
            kind: DocumentKind,
            prefix: &mut Vec<String>,
            out: &mut Vec<Vec<String>>,
        ) {
            for n in nodes {
                if n.loipr_only && kind != DocumentKind::ListOfIssuesPriorToReporting {
                    continue;
                }
                prefix.push(n.heading.clone());
                if n.children.is_empty() {
                    out.push(prefix.clone());
                } else {
                    walk(&n.children, kind, prefix, out);
                }
                prefix.pop();
            }
        }
        let mut out = Vec::new();
        walk(&self.sections, kind, &mut Vec::new(), &mut out);
        out
    }

    fn leaf_for_article(&self, article: u32) -> Option<Vec<String>> {
        fn walk(
            nodes: &[SectionNode],
            article: u32,
            prefix: &mut Vec<String>,
        ) -> Option<Vec<String>> {
            for n in nodes {
                prefix.push(n.heading.clone());
                if n.children.is_empty() {
                    if n.articles.contains(&article) {
                        return Some(prefix.clone());
                    }
                } else if let Some(p) = walk(&n.children, article, prefix) {
                    return Some(p);
                }
                prefix.pop();
            }
            None
        }
        walk(&self.sections, article, &mut Vec::new())
    }

    fn general_section(&self) -> Vec<String> {
        self.sections
            .iter()
            .find(|n| n.general)
            .or_else(|| self.sections.first())
            .map(|n| vec![n.heading.clone()])
            .unwrap_or_default()
    }

    /// The section a recommendation belongs in: by the articles its text cites,
    /// else by the articles its theme and text concern (within its cluster's
    /// range), else by its cluster's range; general questions go to the general section.
    pub fn section_for(
        &self,
        text: &str,
        theme: Option<&str>,
        cluster_articles: &[u32],
    ) -> Vec<String> {
        for c in ARTICLE_RE.captures_iter(text) {
            for n in NUMBER_RE.find_iter(&c[1]) {
                if let Some(path) = n
                    .as_str()
                    .parse()
                    .ok()
                    .and_then(|a| self.leaf_for_article(a))
                {
                    return path;
                }
            }
        }
        let in_cluster = |a: &u32| cluster_articles.is_empty() || cluster_articles.contains(a);
        let general_cluster = !cluster_articles.is_empty()
            && cluster_articles.iter().all(|a| {
                self.leaf_for_article(*a)
                    .is_none_or(|p| p == self.general_section())
            });
        if !general_cluster {
            for haystack in [theme.unwrap_or(""), text] {
                let lower = haystack.to_lowercase();
                let mut best: Option<(usize, u32)> = None;
                for t in &self.topics {
                    for w in &t.words {
                        if let Some(pos) = lower.find(&w.to_lowercase()) {
                            if let Some(a) = t.articles.iter().find(|a| in_cluster(a)) {
                                if best.is_none_or(|(p, _)| pos < p) {
                                    best = Some((pos, *a));
                                }
                            }
                        }
                    }
                }
                if let Some(path) = best.and_then(|(_, a)| self.leaf_for_article(a)) {
                    return path;
                }
            }
        }
        let mut sorted = cluster_articles.to_vec();
        sorted.sort_unstable();
        for a in sorted {
            if let Some(path) = self.leaf_for_article(a) {
                return path;
            }
        }
        self.general_section()
    }
}

fn format_thousands(n: u32) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn roman(n: usize) -> String {
    const R: &[&str] = &[
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ];
    R.get(n)
        .map(|s| s.to_string())
        .unwrap_or_else(|| (n + 1).to_string())
}

static SECTION_LABEL_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(?:[IVXLCDM]+|[A-Z])\.\s+").expect("section label pattern"));

/// A section path without the labels [`label_sections`] gives ("II. ", "A. ").
pub fn unlabelled(path: &[String]) -> Vec<String> {
    path.iter()
        .map(|h| SECTION_LABEL_RE.replace(h, "").into_owned())
        .collect()
}

/// Numbers the headings of the sections a list uses, as the UN does: roman
/// numerals for the first level, capital letters for the second (counting only
/// the sections present), the third level as it is ("Articles 8–15").
pub fn label_sections(paths: &[Vec<String>]) -> HashMap<Vec<String>, Vec<String>> {
    let mut top: Vec<&String> = Vec::new();
    let mut second: HashMap<&String, Vec<&String>> = HashMap::new();
    for p in paths {
        if let Some(t) = p.first() {
            if !top.contains(&t) {
                top.push(t);
            }
            if let Some(s) = p.get(1) {
                let list = second.entry(t).or_default();
                if !list.contains(&s) {
                    list.push(s);
                }
            }
        }
    }
    let mut out = HashMap::new();
    for p in paths {
        let mut labelled = Vec::new();
        for (level, h) in p.iter().enumerate() {
            let label = match level {
                0 => top
                    .iter()
                    .position(|t| *t == h)
                    .map(|i| format!("{}.", roman(i))),
                1 => p
                    .first()
                    .and_then(|t| second.get(t))
                    .and_then(|l| l.iter().position(|s| *s == h))
                    .map(|i| format!("{}.", (b'A' + i as u8) as char)),
                _ => None,
            };
            labelled.push(match label {
                Some(l) => format!("{l} {h}"),
                None => h.clone(),
            });
        }
        out.insert(p.clone(), labelled);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmw() -> Profile {
        Profile::builtin("CMW").unwrap()
    }

    #[test]
    fn titles_symbols_and_opening() {
        let p = cmw();
        assert_eq!(
            p.title(DocumentKind::ListOfIssuesPriorToReporting, "Tajikistan", 3),
            "List of issues prior to submission of the third periodic report of Tajikistan"
        );
        assert_eq!(
            p.title(DocumentKind::ListOfIssues, "Tajikistan", 3),
            "List of issues in relation to the third periodic report of Tajikistan"
        );
        assert_eq!(
            p.title(DocumentKind::ListOfIssues, "Senegal", 1),
            "List of issues in relation to the initial report of Senegal"
        );
        assert_eq!(
            p.symbol(DocumentKind::ListOfIssuesPriorToReporting, "TJK", 3),
            "CMW/C/TJK/QPR/3"
        );
        assert_eq!(
            p.symbol(DocumentKind::ListOfIssues, "TJK", 3),
            "CMW/C/TJK/Q/3"
        );
        let o = p.opening(DocumentKind::ListOfIssuesPriorToReporting, 3);
        assert!(o[0].contains("21,200 words") && o[0].contains("68/268"));
        assert!(p.opening(DocumentKind::ListOfIssuesPriorToReporting, 1)[0].contains("31,800"));
        assert!(p.opening(DocumentKind::ListOfIssues, 3).is_empty());
        assert_eq!(p.question_limit, Some(30));
    }

    #[test]
    fn maps_recommendations_to_sections_by_articles() {
        let p = cmw();
        let general: Vec<u32> = vec![73, 84];
        let part3: Vec<u32> = (8..=35).collect();
        let s = |text: &str, theme: &str, cluster: &[u32]| {
            p.section_for(text, Some(theme), cluster)
                .last()
                .cloned()
                .unwrap()
        };
        assert_eq!(
            s(
                "ensure that the bill on labour migration is adopted",
                "Legislation and application",
                &general
            ),
            "General information"
        );
        assert_eq!(
            s(
                "consider making the declarations provided in articles 76 and 77",
                "Articles 76–77",
                &general
            ),
            "General information"
        );
        assert_eq!(
            s(
                "ensure that the grounds for expulsion are clearly stipulated",
                "Expulsion",
                &part3
            ),
            "Articles 16–22"
        );
        assert_eq!(
            s(
                "take all measures, in accordance with article 26 of the Convention",
                "Trade unions",
                &part3
            ),
            "Articles 25–27"
        );
        assert_eq!(
            s(
                "strengthen the ability of its consulates",
                "Consular assistance",
                &part3
            ),
            "Article 23"
        );
        assert_eq!(
            s(
                "ensure equal access to courts",
                "Right to an effective remedy",
                &[7, 83]
            ),
            "General principles"
        );
        assert_eq!(
            s(
                "adopt comprehensive legislation",
                "Non-discrimination",
                &[7, 83]
            ),
            "Article 7"
        );
        assert_eq!(
            s(
                "adopt a regulatory regime for private recruitment agencies",
                "Recruitment agencies",
                &(64..=71).collect::<Vec<_>>()
            ),
            "Articles 64–71"
        );
        assert_eq!(
            s("a recommendation about anything", "", &[]),
            "General information"
        );
        let path = p.section_for("x", Some("Expulsion"), &part3);
        assert_eq!(
            path,
            vec![
                "Information relating to the articles of the Convention",
                "Part III of the Convention",
                "Articles 16–22"
            ]
        );
    }

    #[test]
    fn labels_only_the_sections_present() {
        let p = cmw();
        let all = p.section_paths(DocumentKind::ListOfIssues);
        assert!(!all.iter().any(|x| x[0].starts_with("Data, statistics")));
        assert!(p
            .section_paths(DocumentKind::ListOfIssuesPriorToReporting)
            .iter()
            .any(|x| x[0].starts_with("Data, statistics")));
        let used = vec![all[0].clone(), all[1].clone(), all[all.len() - 1].clone()];
        let labels = label_sections(&used);
        assert_eq!(labels[&used[0]], vec!["I. General information"]);
        assert_eq!(
            labels[&used[1]],
            vec![
                "II. Information relating to the articles of the Convention",
                "A. General principles"
            ]
        );
        assert_eq!(
            labels[&used[2]],
            vec![
                "II. Information relating to the articles of the Convention",
                "B. Part VI of the Convention",
                "Articles 64–71"
            ]
        );
    }

    #[test]
    fn another_committee_from_a_file() {
        let json = r#"{
            "committee": "CRC", "name": "Committee on the Rights of the Child", "question_limit": 25,
            "symbols": {"list_of_issues_prior_to_reporting": "CRC/C/{code}/QPR/{cycle}", "list_of_issues": "CRC/C/{code}/Q/{cycle}"},
            "titles": {"list_of_issues_prior_to_reporting": "List of issues prior to submission of the {report} of {state}"},
            "report_names": {"initial": "initial report", "periodic": "{ordinal} periodic report"},
            "ordinals": ["initial", "second", "third", "fourth", "fifth", "sixth", "seventh"],
            "lead_ins": {"default": "With reference to the Committee's previous recommendations", "follow_up": "With reference to the Committee's previous recommendations", "indicate": "Please indicate, with reference to the Committee's previous recommendations,"},
            "sections": [
                {"heading": "General measures of implementation", "articles": [4, 42, 44], "general": true},
                {"heading": "Violence against children", "articles": [19, 24, 28, 34, 37, 39]},
                {"heading": "Education, leisure and cultural activities", "articles": [28, 29, 30, 31]}
            ],
            "topics": [{"words": ["corporal punishment"], "articles": [19]}]
        }"#;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("crc.json");
        std::fs::write(&path, json).unwrap();
        let p = Profile::load_file(&path).unwrap();
        assert_eq!(
            p.symbol(DocumentKind::ListOfIssuesPriorToReporting, "BIH", 7),
            "CRC/C/BIH/QPR/7"
        );
        assert_eq!(
            p.section_for("prohibit corporal punishment in all settings", None, &[]),
            vec!["Violence against children"]
        );
        assert_eq!(
            p.section_for("ensure access to school (art. 30)", None, &[]),
            vec!["Education, leisure and cultural activities"]
        );
        assert!(Profile::from_json("{}").is_err());
    }
}
