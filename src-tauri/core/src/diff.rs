//! Diff: two lists of issues compared as a rapporteur compares them — questions
//! matched one to one by their text (so renumbered and moved questions are the
//! same question), then a word-level diff inside each matched pair.
//!
//! Counting: `kept` = same text, same relative place; `changed` = matched, text
//! differs, same relative place; `moved` = matched but out of order with the other
//! matched questions (its text may also have changed: see `inline`); `added` /
//! `removed` = no match. An added question mostly made of an old one's words is
//! marked `split_from` that old number; a removed question whose words mostly
//! went into a new one is marked `merged_into` that new number.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use similar::{ChangeTag, TextDiff};

use crate::model::{Citation, IssueList, ListQuestion};

/// Below this word overlap two questions are different questions.
const MATCH_THRESHOLD: f64 = 0.5;
/// Share of a question's words found in another for a split or merge.
const CONTAINMENT_THRESHOLD: f64 = 0.7;

/// The counts on top of a comparison.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub kept: usize,
    pub changed: usize,
    pub added: usize,
    pub removed: usize,
    pub moved: usize,
}

/// One side of a compared question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Side {
    pub number: u32,
    pub text: String,
}

/// A run of the word-level diff: "equal", "insert" or "delete".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub op: String,
    pub text: String,
}

/// One aligned row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DiffItem {
    /// "equal", "changed", "added", "removed" or "moved".
    pub op: String,
    pub old: Option<Side>,
    pub new: Option<Side>,
    pub inline: Vec<Segment>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub cites_added: Vec<Citation>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub cites_removed: Vec<Citation>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub split_from: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub merged_into: Option<u32>,
    /// Word-overlap similarity of the pair (matched rows).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub similarity: Option<f64>,
}

/// A comparison of two lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListDiff {
    pub summary: Summary,
    pub items: Vec<DiffItem>,
}

/// A question's text with its sub-items, as compared.
pub fn compared_text(q: &ListQuestion) -> String {
    let mut s = q.text.clone();
    for sub in &q.subitems {
        s.push_str(&format!("\n({}) {}", sub.label, sub.text));
    }
    s
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// Dice coefficient over word multisets: fast enough to score every pair.
fn overlap(a: &HashMap<String, usize>, b: &HashMap<String, usize>, na: usize, nb: usize) -> f64 {
    if na + nb == 0 {
        return 1.0;
    }
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let common: usize = small
        .iter()
        .map(|(w, c)| (*c).min(*large.get(w).unwrap_or(&0)))
        .sum();
    2.0 * common as f64 / (na + nb) as f64
}

/// Share of `a`'s words that `b` contains.
fn containment(a: &HashMap<String, usize>, b: &HashMap<String, usize>, na: usize) -> f64 {
    if na == 0 {
        return 0.0;
    }
    let common: usize = a
        .iter()
        .map(|(w, c)| (*c).min(*b.get(w).unwrap_or(&0)))
        .sum();
    common as f64 / na as f64
}

fn bag(ws: &[String]) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for w in ws {
        *m.entry(w.clone()).or_insert(0) += 1;
    }
    m
}

/// The word-level diff of two texts, runs of the same kind merged. Deterministic:
/// no time limit.
pub fn inline_diff(old: &str, new: &str) -> Vec<Segment> {
    let diff = TextDiff::configure()
        .algorithm(similar::Algorithm::Patience)
        .timeout(std::time::Duration::from_secs(365 * 24 * 3600))
        .diff_words(old, new);
    let mut out: Vec<Segment> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => "equal",
            ChangeTag::Insert => "insert",
            ChangeTag::Delete => "delete",
        };
        let value = change.value();
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(value),
            _ => out.push(Segment {
                op: op.to_string(),
                text: value.to_string(),
            }),
        }
    }
    out
}

/// Longest increasing subsequence (indices into `seq`).
fn lis(seq: &[usize]) -> HashSet<usize> {
    let n = seq.len();
    let mut tails: Vec<usize> = Vec::new();
    let mut prev = vec![usize::MAX; n];
    for i in 0..n {
        let pos = tails.partition_point(|&t| seq[t] < seq[i]);
        if pos > 0 {
            prev[i] = tails[pos - 1];
        }
        if pos == tails.len() {
            tails.push(i);
        } else {
            tails[pos] = i;
        }
    }
    let mut out = HashSet::new();
    let mut k = tails.last().copied();
    while let Some(i) = k {
        out.insert(i);
        k = (prev[i] != usize::MAX).then_some(prev[i]);
    }
    out
}

/// Compares two lists of issues.
pub fn diff_lists(old: &IssueList, new: &IssueList) -> ListDiff {
    let old_text: Vec<String> = old.questions.iter().map(compared_text).collect();
    let new_text: Vec<String> = new.questions.iter().map(compared_text).collect();
    let old_words: Vec<Vec<String>> = old_text.iter().map(|t| words(t)).collect();
    let new_words: Vec<Vec<String>> = new_text.iter().map(|t| words(t)).collect();
    let old_bags: Vec<_> = old_words.iter().map(|w| bag(w)).collect();
    let new_bags: Vec<_> = new_words.iter().map(|w| bag(w)).collect();

    // Every pair's score; best first; ties broken by position so the result is stable.
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (i, ob) in old_bags.iter().enumerate() {
        for (j, nb) in new_bags.iter().enumerate() {
            let s = if old_text[i] == new_text[j] {
                1.0 + f64::EPSILON
            } else {
                overlap(ob, nb, old_words[i].len(), new_words[j].len())
            };
            if s >= MATCH_THRESHOLD {
                pairs.push((s, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(a.1.abs_diff(a.2).cmp(&b.1.abs_diff(b.2)))
            .then(a.1.cmp(&b.1))
            .then(a.2.cmp(&b.2))
    });
    let mut old_match: Vec<Option<(usize, f64)>> = vec![None; old_text.len()];
    let mut new_match: Vec<Option<(usize, f64)>> = vec![None; new_text.len()];
    for (s, i, j) in pairs {
        if old_match[i].is_none() && new_match[j].is_none() {
            old_match[i] = Some((j, s.min(1.0)));
            new_match[j] = Some((i, s.min(1.0)));
        }
    }

    // Second pass: questions about the same recommendation (same citations) that
    // were reworded beyond recognition are still the same question.
    for i in 0..old.questions.len() {
        if old_match[i].is_some() || old.questions[i].cites.is_empty() {
            continue;
        }
        let best = (0..new.questions.len())
            .filter(|j| {
                new_match[*j].is_none() && new.questions[*j].cites == old.questions[i].cites
            })
            .map(|j| {
                (
                    overlap(
                        &old_bags[i],
                        &new_bags[j],
                        old_words[i].len(),
                        new_words[j].len(),
                    ),
                    j,
                )
            })
            .filter(|(s, _)| *s > 0.05)
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
        if let Some((s, j)) = best {
            old_match[i] = Some((j, s));
            new_match[j] = Some((i, s));
        }
    }

    // Out of order among the matched pairs: moved.
    let matched_new: Vec<usize> = (0..new_text.len())
        .filter(|j| new_match[*j].is_some())
        .collect();
    let old_seq: Vec<usize> = matched_new
        .iter()
        .filter_map(|j| new_match[*j].map(|(i, _)| i))
        .collect();
    let in_order = lis(&old_seq);
    let moved: HashSet<usize> = matched_new
        .iter()
        .enumerate()
        .filter(|(k, _)| !in_order.contains(k))
        .map(|(_, j)| *j)
        .collect();

    let side = |q: &ListQuestion, t: &str| Side {
        number: q.number,
        text: t.to_string(),
    };
    let mut summary = Summary::default();
    let mut rows: Vec<(f64, DiffItem)> = Vec::new();
    for (j, q) in new.questions.iter().enumerate() {
        match new_match[j] {
            Some((i, s)) => {
                let o = &old.questions[i];
                let same = old_text[i] == new_text[j];
                let op = if moved.contains(&j) {
                    summary.moved += 1;
                    "moved"
                } else if same {
                    summary.kept += 1;
                    "equal"
                } else {
                    summary.changed += 1;
                    "changed"
                };
                let cites_added = q
                    .cites
                    .iter()
                    .filter(|c| !o.cites.contains(c))
                    .cloned()
                    .collect();
                let cites_removed = o
                    .cites
                    .iter()
                    .filter(|c| !q.cites.contains(c))
                    .cloned()
                    .collect();
                rows.push((
                    j as f64,
                    DiffItem {
                        op: op.into(),
                        old: Some(side(o, &old_text[i])),
                        new: Some(side(q, &new_text[j])),
                        inline: if same {
                            vec![Segment {
                                op: "equal".into(),
                                text: new_text[j].clone(),
                            }]
                        } else {
                            inline_diff(&old_text[i], &new_text[j])
                        },
                        cites_added,
                        cites_removed,
                        split_from: None,
                        merged_into: None,
                        similarity: Some(s),
                    },
                ));
            }
            None => {
                summary.added += 1;
                let split_from = (0..old.questions.len())
                    .filter(|i| {
                        containment(&new_bags[j], &old_bags[*i], new_words[j].len())
                            >= CONTAINMENT_THRESHOLD
                    })
                    .max_by(|a, b| {
                        containment(&new_bags[j], &old_bags[*a], new_words[j].len()).total_cmp(
                            &containment(&new_bags[j], &old_bags[*b], new_words[j].len()),
                        )
                    })
                    .map(|i| old.questions[i].number);
                rows.push((
                    j as f64,
                    DiffItem {
                        op: "added".into(),
                        old: None,
                        new: Some(side(q, &new_text[j])),
                        inline: vec![Segment {
                            op: "insert".into(),
                            text: new_text[j].clone(),
                        }],
                        cites_added: q.cites.clone(),
                        cites_removed: Vec::new(),
                        split_from,
                        merged_into: None,
                        similarity: None,
                    },
                ));
            }
        }
    }
    for (i, o) in old.questions.iter().enumerate() {
        if old_match[i].is_some() {
            continue;
        }
        summary.removed += 1;
        // Placed after the new row of the nearest earlier matched old question.
        let anchor = (0..i)
            .rev()
            .find_map(|k| old_match[k].map(|(j, _)| j as f64 + 0.5))
            .unwrap_or(-0.5)
            + i as f64 * 1e-6;
        let merged_into = (0..new.questions.len())
            .filter(|j| {
                containment(&old_bags[i], &new_bags[*j], old_words[i].len())
                    >= CONTAINMENT_THRESHOLD
            })
            .max_by(|a, b| {
                containment(&old_bags[i], &new_bags[*a], old_words[i].len()).total_cmp(
                    &containment(&old_bags[i], &new_bags[*b], old_words[i].len()),
                )
            })
            .map(|j| new.questions[j].number);
        rows.push((
            anchor,
            DiffItem {
                op: "removed".into(),
                old: Some(side(o, &old_text[i])),
                new: None,
                inline: vec![Segment {
                    op: "delete".into(),
                    text: old_text[i].clone(),
                }],
                cites_added: Vec::new(),
                cites_removed: o.cites.clone(),
                split_from: None,
                merged_into,
                similarity: None,
            },
        ));
    }
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    ListDiff {
        summary,
        items: rows.into_iter().map(|(_, item)| item).collect(),
    }
}

/// The comparison as terminal text: insertions {+…+}, deletions [-…-].
pub fn render_text(d: &ListDiff) -> String {
    let s = d.summary;
    let mut out = format!(
        "kept {}, changed {}, added {}, removed {}, moved {}\n",
        s.kept, s.changed, s.added, s.removed, s.moved
    );
    for item in &d.items {
        let renumbered =
            matches!((&item.old, &item.new), (Some(o), Some(n)) if o.number != n.number);
        if item.op == "equal" && !renumbered {
            continue;
        }
        let label = match (item.op.as_str(), &item.old, &item.new) {
            ("moved", Some(o), Some(n)) => format!("[moved {}→{}]", o.number, n.number),
            ("removed", Some(o), _) => format!("[removed {}]", o.number),
            ("added", _, Some(n)) => format!("[added {}]", n.number),
            (op, Some(o), Some(n)) if o.number != n.number => {
                format!("[{op} {}→{}]", o.number, n.number)
            }
            (op, _, Some(n)) => format!("[{op} {}]", n.number),
            (op, Some(o), None) => format!("[{op} {}]", o.number),
            (op, None, None) => format!("[{op}]"),
        };
        out.push('\n');
        out.push_str(&label);
        if let Some(f) = item.split_from {
            out.push_str(&format!(" (split from {f})"));
        }
        if let Some(m) = item.merged_into {
            out.push_str(&format!(" (merged into {m})"));
        }
        out.push('\n');
        if item.op == "equal" {
            continue;
        }
        for seg in &item.inline {
            match seg.op.as_str() {
                "insert" => out.push_str(&format!("{{+{}+}}", seg.text)),
                "delete" => out.push_str(&format!("[-{}-]", seg.text)),
                _ => out.push_str(&seg.text),
            }
        }
        out.push('\n');
        for c in &item.cites_added {
            out.push_str(&format!(
                "  + cites {} {}\n",
                c.symbol,
                c.paragraph.as_deref().unwrap_or("")
            ));
        }
        for c in &item.cites_removed {
            out.push_str(&format!(
                "  - cites {} {}\n",
                c.symbol,
                c.paragraph.as_deref().unwrap_or("")
            ));
        }
    }
    out
}

/// Escapes text for HTML.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The comparison as a self-contained HTML page (aligned rows, inserted words
/// underlined in green, deleted words struck through in red).
pub fn render_html(d: &ListDiff, old_name: &str, new_name: &str) -> String {
    let s = d.summary;
    let mut rows = String::new();
    for item in &d.items {
        let old_cell = item.old.as_ref().map(|o| {
            let text: String = item
                .inline
                .iter()
                .filter(|seg| seg.op != "insert")
                .map(|seg| {
                    if seg.op == "delete" {
                        format!("<del>{}</del>", html_escape(&seg.text))
                    } else {
                        html_escape(&seg.text)
                    }
                })
                .collect();
            format!(
                "<span class=\"num\">{}.</span> {}",
                o.number,
                text.replace('\n', "<br>")
            )
        });
        let new_cell = item.new.as_ref().map(|n| {
            let text: String = item
                .inline
                .iter()
                .filter(|seg| seg.op != "delete")
                .map(|seg| {
                    if seg.op == "insert" {
                        format!("<ins>{}</ins>", html_escape(&seg.text))
                    } else {
                        html_escape(&seg.text)
                    }
                })
                .collect();
            format!(
                "<span class=\"num\">{}.</span> {}",
                n.number,
                text.replace('\n', "<br>")
            )
        });
        let note = match (item.op.as_str(), &item.old) {
            ("moved", Some(o)) => format!("moved (was {})", o.number),
            (op, _) => op.to_string(),
        };
        rows.push_str(&format!(
            "<tr class=\"{}\"><td>{}</td><td class=\"op\">{}</td><td>{}</td></tr>\n",
            html_escape(&item.op),
            old_cell.unwrap_or_default(),
            html_escape(&note),
            new_cell.unwrap_or_default()
        ));
    }
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Comparison</title><style>\nbody{{font-family:\"Times New Roman\",Times,serif;margin:2em;color:#1d1d1f}}table{{border-collapse:collapse;width:100%}}td,th{{vertical-align:top;padding:.5em;border-bottom:1px solid #ddd;width:45%}}td.op{{width:10%;font:12px system-ui,sans-serif;color:#666;text-align:center}}ins{{color:#11632f;text-decoration:underline;background:#e3f5e8}}del{{color:#a4161a;text-decoration:line-through;background:#fbe4e4}}.num{{font-weight:bold}}.summary{{font:14px system-ui,sans-serif}}\n</style></head><body>\n<p class=\"summary\">kept {}, changed {}, added {}, removed {}, moved {}</p>\n<table><thead><tr><th>{}</th><th></th><th>{}</th></tr></thead><tbody>\n{}</tbody></table></body></html>\n",
        s.kept, s.changed, s.added, s.removed, s.moved,
        html_escape(old_name),
        html_escape(new_name),
        rows
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::issue_list::issue_list_from_document;
    use crate::parse::parse_text;

    fn seed_list() -> IssueList {
        issue_list_from_document(&parse_text(&crate::fixtures::seed_text("003")))
    }

    fn renumber(l: &mut IssueList) {
        for (i, q) in l.questions.iter_mut().enumerate() {
            q.number = i as u32 + 1;
        }
    }

    #[test]
    fn the_same_list_is_all_kept() {
        let l = seed_list();
        let d = diff_lists(&l, &l);
        assert_eq!(
            d.summary,
            Summary {
                kept: 25,
                ..Default::default()
            }
        );
    }

    #[test]
    fn a_modified_list_of_issues() {
        let old = seed_list();
        let mut new = old.clone();
        // Drop questions 5 and 17.
        new.questions.retain(|q| q.number != 5 && q.number != 17);
        // Reword 3: questions 2, 10 and 22.
        for q in new.questions.iter_mut() {
            match q.number {
                2 => {
                    q.text = q.text.replacen(
                        "Please provide additional information",
                        "Please provide updated information",
                        1,
                    )
                }
                10 => {
                    q.text = q
                        .text
                        .replacen("the past five years", "the past three years", 1)
                }
                22 => q.text.push_str(" Please also indicate the turnout abroad."),
                _ => {}
            }
        }
        // Move question 9 to the front and question 25 after question 12.
        let nine = new.questions.iter().position(|q| q.number == 9).unwrap();
        let q9 = new.questions.remove(nine);
        new.questions.insert(0, q9);
        let last = new.questions.pop().unwrap();
        let twelve = new.questions.iter().position(|q| q.number == 12).unwrap();
        new.questions.insert(twelve + 1, last);
        // Add one.
        new.questions.push(ListQuestion {
            number: 0,
            section: vec!["I. General information".into()],
            text: "Please describe the measures taken to protect migrant workers from heat stress in agriculture and construction.".into(),
            subitems: vec![],
            notes: vec![],
            cites: vec![],
        });
        renumber(&mut new);
        let d = diff_lists(&old, &new);
        assert_eq!(
            d.summary,
            Summary {
                kept: 18,
                changed: 3,
                added: 1,
                removed: 2,
                moved: 2
            },
            "{}",
            render_text(&d)
        );
        let moved: Vec<(u32, u32)> = d
            .items
            .iter()
            .filter(|i| i.op == "moved")
            .map(|i| {
                (
                    i.old.as_ref().unwrap().number,
                    i.new.as_ref().unwrap().number,
                )
            })
            .collect();
        assert_eq!(moved, vec![(9, 1), (25, 12)]);
        let changed = d
            .items
            .iter()
            .find(|i| i.op == "changed" && i.old.as_ref().unwrap().number == 10)
            .unwrap();
        assert!(changed
            .inline
            .iter()
            .any(|s| s.op == "delete" && s.text.contains("five")));
        assert!(changed
            .inline
            .iter()
            .any(|s| s.op == "insert" && s.text.contains("three")));
        assert_eq!(d.items.len(), 26);
        let json = serde_json::to_value(&d).unwrap();
        for key in ["kept", "changed", "added", "removed", "moved"] {
            assert!(json["summary"].get(key).is_some());
        }
        assert!(json["items"][0]["inline"][0].get("op").is_some());
        let text = render_text(&d);
        assert!(text.contains("[moved 9→1]") && text.contains("[removed 5]"));
        let html = render_html(&d, "old <list>", "new");
        assert!(
            html.contains("<ins>") && html.contains("<del>") && html.contains("old &lt;list&gt;")
        );
    }

    #[test]
    fn splits_and_merges_are_reported() {
        let old = seed_list();
        let mut new = old.clone();
        // Split question 3 in two; merge 6 into 5.
        let q3 = new.questions.iter().position(|q| q.number == 3).unwrap();
        let text = new.questions[q3].text.clone();
        let cut = text.find(" Please also provide an update").unwrap();
        new.questions[q3].text = text[..cut].to_string();
        let mut second = new.questions[q3].clone();
        second.text = text[cut + 1..].to_string();
        new.questions.insert(q3 + 1, second);
        let q5 = new.questions.iter().position(|q| q.number == 5).unwrap();
        let six = new.questions.remove(q5 + 1);
        new.questions[q5].text = format!("{} {}", new.questions[q5].text, six.text);
        renumber(&mut new);
        let d = diff_lists(&old, &new);
        let added = d.items.iter().find(|i| i.op == "added").unwrap();
        assert_eq!(added.split_from, Some(3));
        let removed = d.items.iter().find(|i| i.op == "removed").unwrap();
        assert_eq!(removed.old.as_ref().unwrap().number, 6);
        assert!(removed.merged_into.is_some());
    }

    #[test]
    fn a_rewritten_question_about_the_same_recommendation_is_changed_not_replaced() {
        let old = seed_list();
        let mut new = old.clone();
        new.questions[10].text = "Please describe the amnesty law.".into();
        let d = diff_lists(&old, &new);
        assert_eq!(
            d.summary,
            Summary {
                kept: 24,
                changed: 1,
                ..Default::default()
            }
        );
        // Without a shared citation, it is a different question.
        new.questions[10].cites.clear();
        let d = diff_lists(&old, &new);
        assert_eq!((d.summary.added, d.summary.removed), (1, 1));
    }

    #[test]
    fn inline_diffs_are_word_level_and_stable() {
        let a = "please provide information on the steps taken";
        let b = "please provide detailed information on the efforts made";
        let d1 = inline_diff(a, b);
        let d2 = inline_diff(a, b);
        assert_eq!(d1, d2);
        let ins: String = d1
            .iter()
            .filter(|s| s.op == "insert")
            .map(|s| s.text.clone())
            .collect();
        assert!(ins.contains("detailed") && ins.contains("efforts"));
    }
}
