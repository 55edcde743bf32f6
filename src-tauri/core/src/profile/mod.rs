//! Committee profiles as data: how a committee's lists of issues are titled,
//! numbered and cited, the opening paragraphs, the section tree, how a
//! recommendation maps to a section (by the articles it concerns), and every
//! sentence the generator and the title block write. The rules in `generate`
//! decide which template applies; the profile says how it reads. A committee is
//! added by writing a profile file — no code changes.
//!
//! Every profile has the same schema (unknown fields are refused) and is
//! checked when it is loaded: an error names the file and the field.

mod validation;

use std::collections::HashMap;
use std::path::Path;

use once_cell::sync::Lazy;
use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::{CitationStyle, DocumentKind};

/// The built-in profiles: (file name, JSON).
pub const BUILTIN_PROFILES: &[(&str, &str)] = &[
    ("cat.json", include_str!("../../profiles/cat.json")),
    ("ccpr.json", include_str!("../../profiles/ccpr.json")),
    ("ced.json", include_str!("../../profiles/ced.json")),
    ("cedaw.json", include_str!("../../profiles/cedaw.json")),
    ("cerd.json", include_str!("../../profiles/cerd.json")),
    ("cescr.json", include_str!("../../profiles/cescr.json")),
    ("cmw.json", include_str!("../../profiles/cmw.json")),
    ("crc.json", include_str!("../../profiles/crc.json")),
    ("crpd.json", include_str!("../../profiles/crpd.json")),
];

/// The built-in CMW profile.
pub const CMW_PROFILE: &str = include_str!("../../profiles/cmw.json");

/// A node of the list's section tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub words: Vec<String>,
    /// The articles the words concern (the first one in the recommendation's cluster decides).
    #[serde(default)]
    pub articles: Vec<u32>,
    /// Or a thematic leaf section, by its heading (committees that group by theme).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
}

/// The lead-in clauses of questions that follow up a recommendation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeadIns {
    /// "In the light of the recommendation made by the Committee in its previous concluding observations"
    pub default: String,
    /// For a recommendation under follow-up: "Considering the recommendation …"
    pub follow_up: String,
    /// For "please indicate whether" questions: "Please indicate, in the light of …,"
    pub indicate: String,
}

/// How the committee cites its previous concluding observations in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citations {
    /// The committee's own convention: "footnote", "inline" or "bare".
    pub style: CitationStyle,
    /// After the lead-in, inline: " (see {symbol}, {paragraphs})".
    pub inline: String,
    /// After the lead-in, bare: " ({paragraphs})".
    pub bare: String,
}

/// Every sentence and phrase the generator writes. Placeholders: `{action}` (a
/// verb phrase: "facilitate the transfer of earnings"), `{subject}` (a noun
/// phrase), `{what}` (what a sentence asks about), `{lead}` (a lead-in clause),
/// `{date}` (formatted with `date_format`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Templates {
    /// "the steps taken to {action}" (a recommendation to take measures or steps).
    pub steps: String,
    /// "the efforts made to {action}" (all necessary measures, step up efforts, any other request).
    pub efforts: String,
    /// A request that names a problem, not an action ("the lack of …", in a
    /// paragraph of concerns): "the measures taken to address {subject}".
    pub address: String,
    /// "whether the State party intends to {action}" (consider ratifying …).
    pub intention: String,
    /// "whether {subject} has been adopted" (adopt the bill without delay).
    pub adopted: String,
    /// "the State party" (how the question names the State).
    pub state_party: String,
    /// "the State party's" (for "its" right after the verb).
    pub state_party_possessive: String,
    /// The first sentence after the lead-in: "please provide information on {what}."
    pub ask_information: String,
    /// "please clarify {what}."
    pub ask_status: String,
    /// "please provide {what}." (provide detailed information on …)
    pub ask_provide: String,
    /// Before sub-items: "please provide information on:"
    pub ask_list: String,
    /// A recommendation with no request the rules can read:
    /// "please provide information on the measures taken to implement it."
    pub ask_implementation: String,
    /// A follow-up lead-in made an "indicate" lead-in: "Please indicate, {lead}".
    pub indicate_with_lead: String,
    /// After an "indicate" lead-in: "{what}, and specify, if applicable, what
    /// constraints and difficulties have prevented it from doing so to date."
    pub intention_tail: String,
    /// A sentence a rapporteur adds from the State party's report: "Further to
    /// the information provided in paragraph {number} of the State party's
    /// report{cite},{note} please provide updated information." ({cite}: the
    /// inline citation, or nothing; {note}: where a footnote's marker goes).
    pub further_to_report: String,
    /// The same from the State party's replies to the list of issues ({number}: the question).
    pub further_to_replies: String,
    /// The same from the State party's follow-up information.
    pub further_to_follow_up: String,
    /// Later sentences: "Please also provide information on {what}."
    pub also_information: String,
    /// "Please also clarify {what}."
    pub also_status: String,
    /// "Please also provide {what}."
    pub also_provide: String,
    /// "Please also indicate {what}."
    pub also_intention: String,
    /// Before sub-items, after a sentence: "Please also provide information on:"
    pub also_list: String,
    /// "Please also indicate the measures taken in response to the Committee's
    /// follow-up assessment of {date}."
    pub follow_up_assessment: String,
    /// The same as the last sub-item: "The measures taken in response to the
    /// Committee's follow-up assessment of {date}".
    pub follow_up_assessment_item: String,
    /// For recommendations about data collection: "Please also provide data,
    /// disaggregated by …, for the past five years."
    pub data: String,
    /// The same as the last sub-item: "Data, disaggregated by …, for the past five years".
    pub data_item: String,
    /// What replaces "the above-mentioned {what}", which the question cannot
    /// point at: "the {what} referred to in those concluding observations".
    pub referred_to: String,
    /// What "these concluding observations" of a recommendation become in a
    /// question: "those concluding observations" (after a lead-in that names them).
    pub present_observations: String,
    /// What "its" becomes before what only the Committee has ("its general
    /// comment No. 1" → "the Committee’s general comment No. 1").
    pub committee_possessive: String,
    /// A recommendation that names no one to act ("that resources be
    /// allocated"), as the request the State party is asked about: "ensure that
    /// {what}" ("ensure that resources are allocated").
    pub impersonal: String,
    /// How dates are written ("%-d %B %Y": 2 January 2026).
    pub date_format: String,
    /// For a committee whose lists are lists of themes (CERD), not questions:
    /// a question's first sentence as one theme, the clause as a noun phrase
    /// and the citation after it ("{what}, as previously recommended{cite}.").
    /// Its later sentences then begin with their noun phrase too.
    #[serde(default)]
    pub theme: Option<String>,
    /// The same for a recommendation asked about only in sub-items
    /// ("Information on the following, as previously recommended{cite}:").
    #[serde(default)]
    pub theme_list: Option<String>,
}

/// The lines above the title of an exported list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TitleBlock {
    /// "Distr.: General"
    pub distribution: String,
    /// "Original: English"
    pub original: String,
    /// The title of a list that has none: "List of issues".
    pub untitled: String,
}

/// How a recommendation with sub-paragraphs (a), (b)… becomes a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubparagraphForm {
    /// "…, please provide information on: (a) …; (b) …" (CMW).
    #[default]
    Items,
    /// The first sub-paragraph is the question's sentence, the others its
    /// sub-items: "…, please provide information on the measures taken to … Please
    /// also provide information on: (a) …" (CRPD).
    FirstThenItems,
}

/// How the levels of the section tree are labelled: "roman" (I., II.), "letter"
/// (A., B.), "none".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LabelScheme {
    Roman,
    Letter,
    None,
}

/// A committee profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// The committee's code ("CMW", "CESCR").
    pub committee: String,
    /// Other codes documents give the committee ("E/C.12" for CESCR).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The committee's name as it heads its documents.
    pub name: String,
    pub treaty: String,
    #[serde(default = "english")]
    pub language: String,
    /// Whether the conventions were checked against the committee's real lists.
    pub verified: bool,
    /// Where the conventions come from, and what is not checked.
    pub source: String,
    /// The agreed maximum number of questions (the larger of the two kinds).
    pub question_limit: Option<usize>,
    /// The maximum by kind ("list_of_issues", "list_of_issues_prior_to_reporting").
    #[serde(default)]
    pub question_limits: HashMap<String, usize>,
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
    /// The opening paragraph of a list of issues, if the committee writes one.
    #[serde(default)]
    pub loi_opening: Option<String>,
    /// How each level of headings is labelled ("roman", "letter", "none").
    pub section_labels: Vec<LabelScheme>,
    /// How a recommendation's sub-paragraphs are asked about ("items", "first_then_items").
    pub subparagraphs: SubparagraphForm,
    pub citations: Citations,
    pub lead_ins: LeadIns,
    pub templates: Templates,
    pub title_block: TitleBlock,
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
static PLACEHOLDER_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\{([a-z_]+)\}").expect("placeholder pattern"));

impl Profile {
    /// Reads a profile from JSON (named "profile" in errors).
    pub fn from_json(json: &str) -> Result<Profile> {
        Profile::from_json_named("profile", json)
    }

    /// Reads and checks a profile; errors name `name` (the file) and the field.
    pub fn from_json_named(name: &str, json: &str) -> Result<Profile> {
        let p: Profile = serde_json::from_str(json).map_err(|e| {
            Error::InvalidInput(format!("the committee profile {name} is not valid: {e}"))
        })?;
        let problems = p.problems();
        if let Some((field, what)) = problems.first() {
            let more = match problems.len() {
                1 => String::new(),
                n => format!(" (and {} more)", n - 1),
            };
            return Err(Error::InvalidInput(format!(
                "the committee profile {name} is not valid: {field} {what}{more}"
            )));
        }
        Ok(p)
    }

    /// Reads a profile file.
    pub fn load_file(path: &Path) -> Result<Profile> {
        let json =
            std::fs::read_to_string(path).map_err(|e| Error::io(path.display().to_string(), e))?;
        Profile::from_json_named(&path.display().to_string(), &json)
    }

    /// Every built-in profile, each checked (an error names its file and field).
    pub fn builtin_all() -> &'static [(String, std::result::Result<Profile, String>)] {
        static ALL: Lazy<Vec<(String, std::result::Result<Profile, String>)>> = Lazy::new(|| {
            BUILTIN_PROFILES
                .iter()
                .map(|(file, json)| {
                    (
                        (*file).to_string(),
                        Profile::from_json_named(file, json).map_err(|e| e.to_string()),
                    )
                })
                .collect()
        });
        &ALL
    }

    /// The built-in profile of a committee (its code or an alias: "CESCR",
    /// "E/C.12"); an error when the committee's profile file is not valid.
    pub fn builtin_checked(committee: &str) -> Result<Option<Profile>> {
        let wanted = committee.trim().to_ascii_uppercase();
        for (file, p) in Profile::builtin_all() {
            let stem = file.trim_end_matches(".json").to_ascii_uppercase();
            match p {
                Ok(p) if p.committee == wanted || p.aliases.contains(&wanted) => {
                    return Ok(Some(p.clone()))
                }
                Err(e) if stem == wanted => return Err(Error::InvalidInput(e.clone())),
                _ => {}
            }
        }
        Ok(None)
    }

    /// The built-in profile of a committee, if there is one (and it is valid).
    pub fn builtin(committee: &str) -> Option<Profile> {
        Profile::builtin_checked(committee).ok().flatten()
    }

    /// The profile whose sentences a list with no (known) committee is written in:
    /// the built-in profile for `committee`, else the first valid built-in one.
    pub fn for_writing(committee: Option<&str>) -> Option<Profile> {
        committee.and_then(Profile::builtin).or_else(|| {
            Profile::builtin_all()
                .iter()
                .find_map(|(_, p)| p.as_ref().ok().cloned())
        })
    }

    fn kind_key(kind: DocumentKind) -> &'static str {
        if kind == DocumentKind::ListOfIssuesPriorToReporting {
            "list_of_issues_prior_to_reporting"
        } else {
            "list_of_issues"
        }
    }

    /// The agreed maximum number of questions of a list of this kind.
    pub fn question_limit_for(&self, kind: DocumentKind) -> Option<usize> {
        self.question_limits
            .get(Self::kind_key(kind))
            .copied()
            .or(self.question_limit)
    }

    /// The committee's own citation style.
    pub fn citation_style(&self) -> CitationStyle {
        self.citations.style
    }

    /// "third periodic report" / "initial report".
    pub fn report_name(&self, cycle: u32) -> String {
        if cycle <= 1 {
            return self
                .report_names
                .get("initial")
                .cloned()
                .unwrap_or_default();
        }
        let ordinal = self
            .ordinals
            .get(cycle as usize - 1)
            .cloned()
            .unwrap_or_else(|| format!("{cycle}th"));
        self.report_names
            .get("periodic")
            .cloned()
            .unwrap_or_default()
            .replace("{ordinal}", &ordinal)
    }

    /// The list's title.
    pub fn title(&self, kind: DocumentKind, state_name: &str, cycle: u32) -> String {
        self.titles
            .get(Self::kind_key(kind))
            .cloned()
            .unwrap_or_else(|| self.title_block.untitled.clone())
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
        let text = if kind == DocumentKind::ListOfIssuesPriorToReporting {
            &self.loipr_opening
        } else {
            &self.loi_opening
        };
        let limit = self
            .word_limits
            .get(if cycle <= 1 { "initial" } else { "periodic" })
            .map(|n| format_thousands(*n))
            .unwrap_or_default();
        text.iter()
            .map(|t| {
                t.replace("{report}", &self.report_name(cycle))
                    .replace("{word_limit}", &limit)
            })
            .collect()
    }

    /// The section headings labelled by this committee's scheme.
    pub fn label_sections(&self, paths: &[Vec<String>]) -> HashMap<Vec<String>, Vec<String>> {
        label_sections_with(paths, &self.section_labels)
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

    fn leaf_by_heading(&self, heading: &str) -> Option<Vec<String>> {
        self.find_leaf(&|n: &SectionNode| n.heading == heading)
    }

    fn find_leaf(&self, pick: &dyn Fn(&SectionNode) -> bool) -> Option<Vec<String>> {
        fn walk(
            nodes: &[SectionNode],
            pick: &dyn Fn(&SectionNode) -> bool,
            prefix: &mut Vec<String>,
        ) -> Option<Vec<String>> {
            for n in nodes {
                prefix.push(n.heading.clone());
                if n.children.is_empty() {
                    if pick(n) {
                        return Some(prefix.clone());
                    }
                } else if let Some(p) = walk(&n.children, pick, prefix) {
                    return Some(p);
                }
                prefix.pop();
            }
            None
        }
        walk(&self.sections, pick, &mut Vec::new())
    }

    /// The section for general questions: the leaf marked `general`, else the first.
    fn general_section(&self) -> Vec<String> {
        self.find_leaf(&|n: &SectionNode| n.general)
            .or_else(|| self.find_leaf(&|_: &SectionNode| true))
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
        // The articles the text cites, then those its theme heading names
        // ("Accessibility (art. 9)").
        for haystack in [text, theme.unwrap_or("")] {
            for c in ARTICLE_RE.captures_iter(haystack) {
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
                let mut best: Option<(usize, Vec<String>)> = None;
                for t in &self.topics {
                    for w in &t.words {
                        let Some(pos) = lower.find(&w.to_lowercase()) else {
                            continue;
                        };
                        if best.as_ref().is_some_and(|(p, _)| *p <= pos) {
                            continue;
                        }
                        let path = match &t.section {
                            Some(h) => self.leaf_by_heading(h),
                            None => t
                                .articles
                                .iter()
                                .find(|a| in_cluster(a))
                                .and_then(|a| self.leaf_for_article(*a)),
                        };
                        if let Some(path) = path {
                            best = Some((pos, path));
                        }
                    }
                }
                if let Some((_, path)) = best {
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
/// the sections present), the third level as it is ("Articles 8–15"). A
/// committee's own scheme: [`Profile::label_sections`].
pub fn label_sections(paths: &[Vec<String>]) -> HashMap<Vec<String>, Vec<String>> {
    label_sections_with(paths, &[LabelScheme::Roman, LabelScheme::Letter])
}

fn letter(n: usize) -> String {
    let mut n = n;
    let mut out = String::new();
    loop {
        out.insert(0, (b'A' + (n % 26) as u8) as char);
        if n < 26 {
            return out;
        }
        n = n / 26 - 1;
    }
}

/// Labels each level by `schemes` (levels past the last are not labelled),
/// counting only the sections present under the same parent.
pub fn label_sections_with(
    paths: &[Vec<String>],
    schemes: &[LabelScheme],
) -> HashMap<Vec<String>, Vec<String>> {
    // The headings present under each parent path, in order of first use.
    let mut children: HashMap<&[String], Vec<&String>> = HashMap::new();
    for p in paths {
        for level in 0..p.len() {
            let list = children.entry(&p[..level]).or_default();
            if !list.contains(&&p[level]) {
                list.push(&p[level]);
            }
        }
    }
    let mut out = HashMap::new();
    for p in paths {
        let mut labelled = Vec::new();
        for (level, h) in p.iter().enumerate() {
            let index = children
                .get(&p[..level])
                .and_then(|l| l.iter().position(|s| *s == h));
            let label = match (schemes.get(level), index) {
                (Some(LabelScheme::Roman), Some(i)) => Some(roman(i)),
                (Some(LabelScheme::Letter), Some(i)) => Some(letter(i)),
                _ => None,
            };
            labelled.push(match label {
                Some(l) => format!("{l}. {h}"),
                None => h.clone(),
            });
        }
        out.insert(p.clone(), labelled);
    }
    out
}

#[cfg(test)]
mod tests;
