//! The document model shared by every step of the pipeline.
//!
//! A parsed document ([`Document`]) is what `parse` produces and `store` keeps;
//! an [`IssueList`] is a list of issues as a rapporteur reads it (a stored list
//! of issues, a draft, or a file), which `generate` builds and `diff` and
//! `export` consume. JSON field names here are part of the CLI contract.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    ConcludingObservations,
    ListOfIssues,
    ListOfIssuesPriorToReporting,
    FollowUpLetter,
    DialogueSummary,
    StateReport,
    /// The State party's replies to a list of issues (`…/RQ/n`, `…/Q/n/Add.1`).
    Replies,
    /// The State party's follow-up information on concluding observations
    /// (`…/FCO/n`, `…/CO/n/Add.1`).
    FollowUpReport,
    /// A civil-society organization's or a national human rights
    /// institution's submission to the committee.
    Submission,
    #[default]
    Other,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 10] = [
        DocumentKind::ConcludingObservations,
        DocumentKind::ListOfIssues,
        DocumentKind::ListOfIssuesPriorToReporting,
        DocumentKind::FollowUpLetter,
        DocumentKind::DialogueSummary,
        DocumentKind::StateReport,
        DocumentKind::Replies,
        DocumentKind::FollowUpReport,
        DocumentKind::Submission,
        DocumentKind::Other,
    ];

    /// The snake_case name used in JSON, the database and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::ConcludingObservations => "concluding_observations",
            DocumentKind::ListOfIssues => "list_of_issues",
            DocumentKind::ListOfIssuesPriorToReporting => "list_of_issues_prior_to_reporting",
            DocumentKind::FollowUpLetter => "follow_up_letter",
            DocumentKind::DialogueSummary => "dialogue_summary",
            DocumentKind::StateReport => "state_report",
            DocumentKind::Replies => "replies",
            DocumentKind::FollowUpReport => "follow_up_report",
            DocumentKind::Submission => "submission",
            DocumentKind::Other => "other",
        }
    }

    /// Parses the snake_case name, and the short forms a user types (`co`, `loi`, `loipr`).
    pub fn parse(s: &str) -> Option<DocumentKind> {
        let s = s.trim().to_ascii_lowercase().replace('-', "_");
        Some(match s.as_str() {
            "concluding_observations" | "co" => DocumentKind::ConcludingObservations,
            "list_of_issues" | "loi" => DocumentKind::ListOfIssues,
            "list_of_issues_prior_to_reporting" | "loipr" => {
                DocumentKind::ListOfIssuesPriorToReporting
            }
            "follow_up_letter" | "follow_up" | "followup" => DocumentKind::FollowUpLetter,
            "dialogue_summary" | "summary" => DocumentKind::DialogueSummary,
            "state_report" | "report" => DocumentKind::StateReport,
            "replies" | "reply" | "replies_to_list_of_issues" => DocumentKind::Replies,
            "follow_up_report" | "follow_up_information" => DocumentKind::FollowUpReport,
            "submission" | "ngo" | "nhri" | "shadow_report" | "alternative_report" => {
                DocumentKind::Submission
            }
            "other" => DocumentKind::Other,
            _ => return None,
        })
    }

    /// True for both kinds of list of issues.
    pub fn is_list_of_issues(self) -> bool {
        matches!(
            self,
            DocumentKind::ListOfIssues | DocumentKind::ListOfIssuesPriorToReporting
        )
    }
}

/// A State party: ISO 3166 alpha-3 code and English short name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateParty {
    pub code: String,
    pub name: String,
}

/// Where a paragraph sits. Concluding observations name their lettered section
/// ("C. Principal subjects of concern and recommendations"); lists of issues give
/// the whole heading path (`["II. Information relating to ...", "C. Part III ...", "Articles 32 and 33"]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Section {
    Name(String),
    Path(Vec<String>),
}

impl Section {
    /// The headings from the outermost in.
    pub fn path(&self) -> Vec<String> {
        match self {
            Section::Name(s) => vec![s.clone()],
            Section::Path(p) => p.clone(),
        }
    }
}

/// What a paragraph does in its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    Introduction,
    PositiveAspect,
    Concern,
    Recommendation,
    /// Dissemination, technical assistance, follow-up and next-report paragraphs.
    Procedural,
    /// A numbered question of a list of issues.
    Question,
    #[default]
    Other,
}

impl ParagraphKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ParagraphKind::Introduction => "introduction",
            ParagraphKind::PositiveAspect => "positive_aspect",
            ParagraphKind::Concern => "concern",
            ParagraphKind::Recommendation => "recommendation",
            ParagraphKind::Procedural => "procedural",
            ParagraphKind::Question => "question",
            ParagraphKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<ParagraphKind> {
        Some(match s {
            "introduction" => ParagraphKind::Introduction,
            "positive_aspect" => ParagraphKind::PositiveAspect,
            "concern" => ParagraphKind::Concern,
            "recommendation" => ParagraphKind::Recommendation,
            "procedural" => ParagraphKind::Procedural,
            "question" => ParagraphKind::Question,
            "other" => ParagraphKind::Other,
            _ => return None,
        })
    }
}

/// A reference to another document, optionally to one of its paragraphs.
/// `paragraph` is a string such as `"12"` or `"35 (a)"`; one citation names one
/// paragraph or sub-paragraph ("49 (a) and (d)" becomes two citations).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Citation {
    pub symbol: String,
    pub paragraph: Option<String>,
}

/// A reference to a paragraph as the UN writes it: "12", "35 (b)". Citations
/// and follow-up lists keep it as that text; code reads it with
/// [`ParaRef::read`] (any text) or `str::parse` (what a user typed).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ParaRef {
    /// The paragraph's number ("35").
    pub number: String,
    /// The sub-paragraph's label, without brackets ("b").
    pub label: Option<String>,
}

impl ParaRef {
    /// Reads "35 (b)", "35(b)", "35 b" or "35"; anything else is all number.
    pub fn read(text: &str) -> ParaRef {
        let t = text.trim();
        let cut = t.find([' ', '(']).unwrap_or(t.len());
        let (number, rest) = t.split_at(cut);
        let label = rest
            .trim()
            .trim_start_matches('(')
            .trim_end_matches(')')
            .trim();
        ParaRef {
            number: number.to_string(),
            label: (!label.is_empty()).then(|| label.to_string()),
        }
    }

    /// The paragraph it names or is part of ("35" for "35 (b)").
    pub fn paragraph(text: &str) -> &str {
        let t = text.trim();
        let cut = t.find([' ', '(']).unwrap_or(t.len());
        &t[..cut]
    }
}

impl std::str::FromStr for ParaRef {
    type Err = crate::error::Error;

    fn from_str(s: &str) -> Result<ParaRef, Self::Err> {
        let r = ParaRef::read(s);
        let ok = !r.number.is_empty()
            && r.number
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.')
            && r.label
                .as_deref()
                .is_none_or(|l| l.chars().all(char::is_alphanumeric));
        if ok {
            Ok(r)
        } else {
            Err(crate::error::Error::InvalidInput(format!(
                "\"{s}\" is not a paragraph (write 12 or 35 (b))"
            )))
        }
    }
}

impl std::fmt::Display for ParaRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.label {
            Some(l) => write!(f, "{} ({l})", self.number),
            None => f.write_str(&self.number),
        }
    }
}

/// A lettered or numbered sub-paragraph: label `"a"` for "(a)", `"i"` for "(i)".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubParagraph {
    pub label: String,
    pub text: String,
}

/// A paragraph of a document, with the marker-free text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Paragraph {
    /// The paragraph number as printed ("12"), `None` for unnumbered paragraphs.
    pub number: Option<String>,
    pub kind: ParagraphKind,
    pub section: Option<Section>,
    /// The cluster heading of concluding observations, e.g.
    /// "1. General measures of implementation (arts. 73 and 84)".
    pub cluster: Option<String>,
    /// The short theme heading inside a cluster ("Data collection").
    pub theme: Option<String>,
    /// The paragraph's own text (the lead-in, when it has sub-paragraphs),
    /// without footnote markers or markup.
    pub text: String,
    pub subparagraphs: Vec<SubParagraph>,
    /// Documents this paragraph cites, from its footnotes and inline references.
    pub cites: Vec<Citation>,
    /// The footnote markers that stood in this paragraph's `text`, where they stood.
    #[serde(default)]
    pub footnote_refs: Vec<FootnoteRef>,
    /// Whether the document marks this paragraph (or one of its sub-paragraphs) for follow-up.
    pub follow_up: bool,
    /// What this paragraph answers, where the document says so: in replies, the
    /// question of the list of issues ("Reply to paragraph 5 of the list of issues"
    /// gives the list's symbol and "5"); in a follow-up report, the paragraph of the
    /// concluding observations ("17 (a)"). The symbol is empty when the document
    /// answered is not known.
    #[serde(default)]
    pub answers: Vec<Citation>,
}

impl Paragraph {
    /// The text with its sub-paragraphs, as a reader sees it.
    pub fn full_text(&self) -> String {
        let mut s = self.text.clone();
        for sp in &self.subparagraphs {
            s.push_str("\n(");
            s.push_str(&sp.label);
            s.push_str(") ");
            s.push_str(&sp.text);
        }
        s
    }
}

/// Where a footnote marker stood in a paragraph's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FootnoteRef {
    /// The footnote's number as printed ("5").
    pub number: String,
    /// Byte offset in the paragraph `text` (after the punctuation the marker followed).
    pub offset: usize,
}

/// A footnote, its text free of markup, and the citations it makes with "Ibid." resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Footnote {
    /// As printed: "5", or "*" for the starred title note.
    pub number: String,
    pub text: String,
    #[serde(default)]
    pub cites: Vec<Citation>,
}

/// A cluster of concluding observations with the Convention articles it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cluster {
    /// The whole heading as printed.
    pub title: String,
    /// The articles of its range, expanded ("arts. 8–35" gives 8 to 35).
    pub articles: Vec<u32>,
}

/// A follow-up letter's assessment of one paragraph of earlier concluding observations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    pub symbol: String,
    pub paragraph: String,
    pub text: String,
}

/// A committee's grade of one paragraph under follow-up, as printed: a letter
/// ("B", from "[B]" or "Assessment: B") or words ("partially implemented").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grade {
    pub symbol: String,
    pub paragraph: String,
    pub grade: String,
}

/// A question an expert put to the delegation, from a dialogue summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RaisedQuestion {
    pub speaker: Option<String>,
    pub text: String,
}

/// A parsed document: metadata and content. Serialized as `loi parse --json` prints it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Document {
    pub symbol: Option<String>,
    pub committee: Option<String>,
    pub kind: DocumentKind,
    pub state: Option<StateParty>,
    pub cycle: Option<u32>,
    pub date: Option<NaiveDate>,
    pub language: Option<String>,
    pub title: Option<String>,
    /// Names of the metadata fields that were inferred rather than stated.
    pub inferred: Vec<String>,
    pub paragraphs: Vec<Paragraph>,
    pub footnotes: Vec<Footnote>,
    #[serde(default)]
    pub clusters: Vec<Cluster>,
    /// Paragraphs marked for follow-up, as written ("12", "35 (a)").
    pub follow_up_paragraphs: Vec<String>,
    pub follow_up_due: Option<NaiveDate>,
    pub next_report_due: Option<NaiveDate>,
    pub assessments: Vec<Assessment>,
    /// The grades a follow-up letter or assessment gives the paragraphs it assesses.
    #[serde(default)]
    pub grades: Vec<Grade>,
    pub questions_raised: Vec<RaisedQuestion>,
}

impl Document {
    /// The paragraph with this number, if any.
    pub fn paragraph(&self, number: &str) -> Option<&Paragraph> {
        self.paragraphs
            .iter()
            .find(|p| p.number.as_deref() == Some(number))
    }

    pub fn recommendations(&self) -> impl Iterator<Item = &Paragraph> {
        self.paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Recommendation)
    }
}

/// A footnote attached to a question of a list: where its marker goes and what it says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteAnchor {
    /// Byte offset in the question text where the marker goes (after the punctuation in English).
    pub offset: usize,
    /// Citations the note makes; rendered "CMW/C/TJK/CO/2, para. 12." or "Ibid., para. 35 (b)."
    /// in order across the list.
    #[serde(default)]
    pub cites: Vec<Citation>,
    /// Free text of a note that is not a citation (or that overrides the rendering).
    #[serde(default)]
    pub text: Option<String>,
}

/// One question of a list of issues as a reader sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListQuestion {
    pub number: u32,
    /// Heading path from the outermost in.
    pub section: Vec<String>,
    pub text: String,
    #[serde(default)]
    pub subitems: Vec<SubParagraph>,
    #[serde(default)]
    pub notes: Vec<NoteAnchor>,
    /// Everything the question cites (in notes or inline), in order.
    #[serde(default)]
    pub cites: Vec<Citation>,
}

/// A list of issues as a reader sees it: a stored list, a draft, or a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct IssueList {
    pub committee: Option<String>,
    pub symbol: Option<String>,
    pub title: Option<String>,
    pub state: Option<StateParty>,
    pub kind: DocumentKind,
    pub date: Option<NaiveDate>,
    pub language: Option<String>,
    /// Unnumbered opening paragraphs (the LOIPR's standard paragraph).
    #[serde(default)]
    pub intro: Vec<String>,
    pub questions: Vec<ListQuestion>,
}

/// How a citation of a previous recommendation is written in a list of issues.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum CitationStyle {
    /// A footnote "CMW/C/TJK/CO/2, para. 12." (then "Ibid., para. 35 (b).").
    #[default]
    Footnote,
    /// Inline "(see CMW/C/TJK/CO/2, para. 12)".
    Inline,
    /// Bare "(para. 12)".
    Bare,
}

/// Writes one or more paragraph references of one document as the UN does:
/// "12", "35 (b)", "49 (a) and (d)", "12 and 18", "12, 18 and 20".
pub fn format_paragraph_refs(refs: &[String]) -> String {
    // Group consecutive sub-paragraphs of the same paragraph: "49 (a)", "49 (d)" → "49 (a) and (d)".
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for r in refs {
        let p = ParaRef::read(r);
        let (num, label) = (p.number, p.label.map(|l| format!("({l})")));
        match (groups.last_mut(), label) {
            (Some((n, labels)), Some(l)) if *n == num && !labels.is_empty() => labels.push(l),
            (_, l) => groups.push((num, l.into_iter().collect())),
        }
    }
    let parts: Vec<String> = groups
        .into_iter()
        .map(|(n, labels)| {
            if labels.is_empty() {
                n
            } else {
                format!("{n} {}", join_and(&labels))
            }
        })
        .collect();
    join_and(&parts)
}

fn join_and(items: &[String]) -> String {
    match items.len() {
        0 => String::new(),
        1 => items[0].clone(),
        _ => format!(
            "{} and {}",
            items[..items.len() - 1].join(", "),
            items[items.len() - 1]
        ),
    }
}

/// "para. 12", "para. 49 (a) and (d)" or, for several paragraphs, "paras. 12 and 18".
pub fn paragraphs_phrase(refs: &[String]) -> String {
    let distinct_paras: std::collections::BTreeSet<&str> =
        refs.iter().map(|r| ParaRef::paragraph(r)).collect();
    let word = if distinct_paras.len() > 1 {
        "paras."
    } else {
        "para."
    };
    format!("{word} {}", format_paragraph_refs(refs))
}

/// The paragraphs `cites` names in the first document it cites.
fn first_document_refs(cites: &[Citation]) -> Vec<String> {
    let Some(first) = cites.first() else {
        return Vec::new();
    };
    cites
        .iter()
        .filter(|c| c.symbol == first.symbol)
        .filter_map(|c| c.paragraph.clone())
        .collect()
}

/// The text of a footnote citing `cites` (those of the first document cited):
/// "CMW/C/TJK/CO/2, para. 12.", "CMW/C/TJK/CO/2, paras. 12 and 18." or, when
/// `ibid` (the previous note cited the same document), "Ibid., para. 35 (b).".
pub fn citation_note(cites: &[Citation], ibid: bool) -> String {
    let Some(first) = cites.first() else {
        return String::new();
    };
    let refs = first_document_refs(cites);
    let head = if ibid { "Ibid." } else { first.symbol.as_str() };
    if refs.is_empty() {
        format!("{}.", head.trim_end_matches('.'))
    } else {
        format!("{head}, {}.", paragraphs_phrase(&refs))
    }
}

impl IssueList {
    /// The list with its footnotes written as `style` asks: `Footnote` leaves it as
    /// it is; `Inline` writes each note in the text, "(see CMW/C/TJK/CO/2, para. 12)",
    /// and `Bare` writes a citation note "(para. 12)" (a note that is not a
    /// citation stays "(see …)"). The citation goes where the marker stood, before
    /// the punctuation the marker followed. The questions still cite what they cited.
    pub fn with_citation_style(mut self, style: CitationStyle) -> IssueList {
        if style == CitationStyle::Footnote {
            return self;
        }
        for q in &mut self.questions {
            let mut notes = std::mem::take(&mut q.notes);
            // From the last marker back, so earlier offsets stay where they are.
            notes.sort_by_key(|n| std::cmp::Reverse(n.offset));
            for note in notes {
                let refs = first_document_refs(&note.cites);
                let written = match (&note.text, style) {
                    (None, CitationStyle::Bare) if !refs.is_empty() => paragraphs_phrase(&refs),
                    (None, _) => format!("see {}", citation_note(&note.cites, false)),
                    (Some(t), _) => format!("see {}", t.trim()),
                };
                let written = written.trim_end_matches('.').trim();
                if written.is_empty() || written == "see" {
                    continue;
                }
                let mut at = note.offset.min(q.text.len());
                while !q.text.is_char_boundary(at) {
                    at -= 1;
                }
                let before = q.text[..at].trim_end();
                let at = match before.chars().last() {
                    Some(c @ (',' | '.' | ';' | ':')) => before.len() - c.len_utf8(),
                    _ => before.len(),
                };
                q.text.insert_str(at, &format!(" ({written})"));
            }
        }
        self
    }

    /// The footnotes of the list in order: (number, text), numbered from 1 across the
    /// whole list. A citation note repeating the previous note's document reads
    /// "Ibid., para. N."; otherwise "SYMBOL, para. N." ("paras." for several).
    pub fn footnotes(&self) -> Vec<(u32, String)> {
        let mut out = Vec::new();
        let mut previous: Option<String> = None;
        let mut n = 0;
        for q in &self.questions {
            for note in &q.notes {
                n += 1;
                let text = match (&note.text, note.cites.first()) {
                    (Some(t), _) => {
                        previous = None;
                        t.clone()
                    }
                    (None, Some(first)) => {
                        let symbol = first.symbol.clone();
                        let ibid = previous.as_deref() == Some(symbol.as_str());
                        previous = Some(symbol);
                        citation_note(&note.cites, ibid)
                    }
                    (None, None) => String::new(),
                };
                out.push((n, text));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn paragraph_references_read_and_print_as_the_un_writes_them() {
        let r = ParaRef::read("35 (b)");
        assert_eq!((r.number.as_str(), r.label.as_deref()), ("35", Some("b")));
        assert_eq!(ParaRef::read("35(b)"), r);
        assert_eq!(r.to_string(), "35 (b)");
        assert_eq!(ParaRef::read("12").label, None);
        assert_eq!(ParaRef::paragraph("49 (a)"), "49");
        assert_eq!(ParaRef::paragraph("7"), "7");
        assert_eq!(
            "49 (a)".parse::<ParaRef>().unwrap().label.as_deref(),
            Some("a")
        );
        assert!("".parse::<ParaRef>().is_err());
        assert!("12 (a-b)".parse::<ParaRef>().is_err());
        assert_eq!(
            format_paragraph_refs(&["49 (a)".into(), "49 (d)".into(), "51".into()]),
            "49 (a) and (d) and 51"
        );
    }

    use super::*;

    fn cite(s: &str, p: &str) -> Citation {
        Citation {
            symbol: s.into(),
            paragraph: Some(p.into()),
        }
    }

    #[test]
    fn writes_footnotes_inline_or_bare() {
        let list = IssueList {
            questions: vec![ListQuestion {
                number: 1,
                section: vec![],
                text: "In the light of the previous concluding observations, please describe the strategy.".into(),
                subitems: vec![],
                notes: vec![
                    NoteAnchor {
                        offset: "In the light of the previous concluding observations,".len(),
                        cites: vec![cite("CMW/C/SEN/CO/1", "12"), cite("CMW/C/SEN/CO/1", "14")],
                        text: None,
                    },
                    NoteAnchor {
                        offset: "In the light of the previous concluding observations, please describe the strategy.".len(),
                        cites: vec![],
                        text: Some("A/HRC/40/3, para. 7.".into()),
                    },
                ],
                cites: vec![cite("CMW/C/SEN/CO/1", "12"), cite("CMW/C/SEN/CO/1", "14")],
            }],
            ..Default::default()
        };
        assert_eq!(
            list.clone().with_citation_style(CitationStyle::Footnote),
            list
        );
        let inline = list.clone().with_citation_style(CitationStyle::Inline);
        assert_eq!(
            inline.questions[0].text,
            "In the light of the previous concluding observations (see CMW/C/SEN/CO/1, paras. 12 and 14), please describe the strategy (see A/HRC/40/3, para. 7)."
        );
        assert!(inline.questions[0].notes.is_empty());
        assert_eq!(inline.questions[0].cites, list.questions[0].cites);
        assert!(inline.footnotes().is_empty());
        let bare = list.with_citation_style(CitationStyle::Bare);
        assert_eq!(
            bare.questions[0].text,
            "In the light of the previous concluding observations (paras. 12 and 14), please describe the strategy (see A/HRC/40/3, para. 7)."
        );
    }

    #[test]
    fn formats_paragraph_references() {
        assert_eq!(format_paragraph_refs(&["12".into()]), "12");
        assert_eq!(
            format_paragraph_refs(&["49 (a)".into(), "49 (d)".into()]),
            "49 (a) and (d)"
        );
        assert_eq!(
            format_paragraph_refs(&["12".into(), "18".into(), "20".into()]),
            "12, 18 and 20"
        );
    }

    #[test]
    fn numbers_footnotes_and_writes_ibid() {
        let q = |n: u32, cites: Vec<Citation>| ListQuestion {
            number: n,
            section: vec![],
            text: "Please provide information.".into(),
            subitems: vec![],
            notes: vec![NoteAnchor {
                offset: 6,
                cites: cites.clone(),
                text: None,
            }],
            cites,
        };
        let list = IssueList {
            questions: vec![
                q(1, vec![cite("CMW/C/TJK/CO/2", "12")]),
                q(2, vec![cite("CMW/C/TJK/CO/2", "35 (b)")]),
                q(
                    3,
                    vec![
                        cite("CMW/C/TJK/CO/2", "49 (a)"),
                        cite("CMW/C/TJK/CO/2", "49 (d)"),
                    ],
                ),
                q(4, vec![cite("CMW/C/TJK/CO/1", "10")]),
            ],
            ..Default::default()
        };
        let notes = list.footnotes();
        assert_eq!(notes[0], (1, "CMW/C/TJK/CO/2, para. 12.".to_string()));
        assert_eq!(notes[1], (2, "Ibid., para. 35 (b).".to_string()));
        assert_eq!(notes[2], (3, "Ibid., para. 49 (a) and (d).".to_string()));
        assert_eq!(notes[3], (4, "CMW/C/TJK/CO/1, para. 10.".to_string()));
    }
}
