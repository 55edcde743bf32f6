//! Generated questions measured against a real list of issues: the word
//! similarity of first sentences, for every question that cites a paragraph.

use super::*;

/// The first sentence of a text (to the first full stop that ends a sentence).
pub fn first_sentence(text: &str) -> String {
    sentences(text).into_iter().next().unwrap_or_default()
}

/// Word-level similarity of two texts: `similar`'s ratio over words (split at
/// whitespace; punctuation stays attached to its word; case kept).
pub fn similarity(a: &str, b: &str) -> f64 {
    let d = similar::TextDiff::configure()
        .algorithm(similar::Algorithm::Myers)
        .timeout(std::time::Duration::from_secs(3600))
        .diff_words(a, b);
    d.ratio() as f64
}

static BARE_PARAGRAPHS_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\(paras?\.\s+([^()]*(?:\([a-z]{1,4}\)[^()]*)*)\)")
        .expect("bare paragraphs pattern")
});

/// Whether the text cites paragraph `number` by a bare "(para. 24)" or
/// "(paras. 36 (c) and 38)".
fn cites_bare(text: &str, number: &str) -> bool {
    BARE_PARAGRAPHS_RE.captures_iter(text).any(|c| {
        crate::symbols::parse_paragraph_refs(&c[1])
            .0
            .iter()
            .any(|r| ParaRef::read(r).number == number)
    })
}

/// A question's text with its sub-items, as printed: a question whose first
/// sentence runs into its sub-items ("… taken to: (a) Regulate …; (b) End …")
/// ends where they end.
fn with_items(q: &Paragraph) -> String {
    text_with_items(&q.text, &q.subparagraphs)
}

fn text_with_items(text: &str, items: &[SubParagraph]) -> String {
    let mut s = text.to_string();
    for sp in items {
        s.push_str(" (");
        s.push_str(&sp.label);
        s.push_str(") ");
        s.push_str(&sp.text);
    }
    s
}

/// One generated question compared with the real one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvalPair {
    pub question: String,
    pub cited: Vec<String>,
    pub generated: String,
    pub actual: String,
    pub similarity: f64,
    /// The raw recommendation text's similarity, for comparison.
    pub raw_similarity: f64,
}

/// The evaluation of generation against a real list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvalReport {
    pub pairs: Vec<EvalPair>,
    pub mean: f64,
    pub min: f64,
    pub raw_mean: f64,
}

/// For each question of `loi` that cites a paragraph of `co`, generates the
/// question for exactly the cited paragraph or sub-paragraphs, cited as the
/// real question cites (footnote, inline with the symbol, or a bare paragraph),
/// and compares the first sentences (each running into its sub-items when it
/// does; footnote markers removed) by [`similarity`].
pub fn evaluate(co: &Document, loi: &Document, profile: &Profile) -> EvalReport {
    let Some(symbol) = co.symbol.clone() else {
        return EvalReport {
            pairs: Vec::new(),
            mean: 0.0,
            min: 0.0,
            raw_mean: 0.0,
        };
    };
    let mut pairs = Vec::new();
    for q in loi
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Question)
    {
        let cited: Vec<String> = q
            .cites
            .iter()
            .filter(|c| c.symbol == symbol)
            .filter_map(|c| c.paragraph.clone())
            .collect();
        let Some(first) = cited.first() else { continue };
        let number = ParaRef::paragraph(first).to_string();
        let Some(rec) = co.paragraph(&number) else {
            continue;
        };
        let labels: Vec<String> = cited
            .iter()
            .map(|r| ParaRef::read(r))
            .filter(|r| r.number == number)
            .filter_map(|r| r.label)
            .collect();
        let only = (!labels.is_empty()).then_some(labels);
        let input = RecommendationInput {
            follow_up: under_follow_up(&co.follow_up_paragraphs, &number, only.as_deref()),
            only_subparagraphs: only,
            ..RecommendationInput::new(&symbol, rec)
        };
        // Cited as the real question cites: with the symbol in its text, a bare
        // "(para. 24)", or a footnote (nothing in the text).
        let real_text = with_items(q);
        let style = if real_text.contains(symbol.as_str()) {
            CitationStyle::Inline
        } else if cites_bare(&real_text, &number) {
            CitationStyle::Bare
        } else {
            CitationStyle::Footnote
        };
        let opts = GenerateOptions {
            style,
            kind: loi.kind,
            split_subparagraphs: false,
        };
        let Some(g) = generate_questions(&input, profile, &opts)
            .into_iter()
            .next()
        else {
            continue;
        };
        let generated = first_sentence(&text_with_items(&g.question.text, &g.question.subitems));
        let actual = first_sentence(&real_text);
        let raw = match &input.only_subparagraphs {
            Some(ls) => rec
                .subparagraphs
                .iter()
                .filter(|s| ls.contains(&s.label))
                .map(|s| s.text.clone())
                .collect::<Vec<_>>()
                .join(" "),
            None => rec.text.clone(),
        };
        pairs.push(EvalPair {
            question: q.number.clone().unwrap_or_default(),
            cited,
            similarity: similarity(&generated, &actual),
            raw_similarity: similarity(&first_sentence(&raw), &actual),
            generated,
            actual,
        });
    }
    let n = pairs.len().max(1) as f64;
    EvalReport {
        mean: pairs.iter().map(|p| p.similarity).sum::<f64>() / n,
        min: pairs
            .iter()
            .map(|p| p.similarity)
            .fold(f64::INFINITY, f64::min)
            .min(if pairs.is_empty() { 0.0 } else { f64::INFINITY }),
        raw_mean: pairs.iter().map(|p| p.raw_similarity).sum::<f64>() / n,
        pairs,
    }
}
