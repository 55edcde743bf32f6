//! The full-text search index (SQLite FTS5): what is written into it, what is
//! taken out, and searching it.
//!
//! Architecture invariant: the index keeps its own copy of what it indexes (a
//! paragraph's full text, sub-paragraphs included, and its State party's code),
//! written by [`add`] and removed by rowid by [`remove_document`], so a delete
//! always removes exactly what was written and FTS5's integrity check (content
//! included) passes after every change. Nothing else writes to
//! `paragraph_search`.

use rusqlite::{params, Connection, ErrorCode};

use super::{SearchHit, StateParty};
use crate::error::{Error, Result};
use crate::model::{Document, DocumentKind};

/// Indexes one stored paragraph.
pub(super) fn add(
    conn: &Connection,
    paragraph_id: i64,
    text: &str,
    state: Option<&str>,
) -> Result<()> {
    conn.prepare_cached("INSERT INTO paragraph_search (rowid, text, state) VALUES (?1, ?2, ?3)")?
        .execute(params![paragraph_id, text, state.unwrap_or_default()])?;
    Ok(())
}

/// Takes a document's paragraphs out of the index (call before deleting them).
pub(super) fn remove_document(conn: &Connection, document_id: i64) -> Result<()> {
    conn.prepare_cached(
        "DELETE FROM paragraph_search WHERE rowid IN (SELECT id FROM paragraphs WHERE document_id = ?1)",
    )?
    .execute(params![document_id])?;
    Ok(())
}

/// The index's definition (also migration 5).
const CREATE: &str = include_str!("migrations/005_search_index.sql");

/// Builds the index anew from the stored documents: the repair of a damaged
/// index (a damaged one cannot be trusted to delete its rows: it is dropped).
/// Runs inside the caller's transaction.
pub(super) fn rebuild(conn: &Connection) -> Result<()> {
    conn.execute_batch(CREATE)?;
    fill(conn)
}

/// Indexes every stored document (after migration 5 created the index).
pub(super) fn fill(conn: &Connection) -> Result<()> {
    let mut docs = conn.prepare("SELECT id, state_code, document FROM documents ORDER BY id")?;
    let mut rows = docs.query([])?;
    let mut ids =
        conn.prepare_cached("SELECT id FROM paragraphs WHERE document_id = ?1 ORDER BY seq")?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let state: Option<String> = row.get(1)?;
        let json: String = row.get(2)?;
        let doc: Document = serde_json::from_str(&json)?;
        let paragraph_ids = ids
            .query_map(params![id], |r| r.get::<_, i64>(0))?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        for (pid, p) in paragraph_ids.into_iter().zip(&doc.paragraphs) {
            add(conn, pid, &p.full_text(), state.as_deref())?;
        }
    }
    Ok(())
}

/// FTS5's integrity check, content included: `Ok` when the index holds exactly
/// what its rows say.
pub fn check(conn: &Connection) -> Result<()> {
    conn.execute(
        "INSERT INTO paragraph_search (paragraph_search, rank) VALUES ('integrity-check', 1)",
        [],
    )?;
    Ok(())
}

/// Whether an error says the index (or the database) is damaged.
pub(super) fn is_damage(e: &Error) -> bool {
    matches!(e, Error::Database(rusqlite::Error::SqliteFailure(f, _)) if f.code == ErrorCode::DatabaseCorrupt)
}

/// How many of the newest matching paragraphs a search ranks. FTS5's own
/// ranking (bm25) reads every match and counts every query word in the whole
/// index first: 0.2 s for a common word at 2,000 documents, seconds at 20,000.
/// Matching and taking the newest matches is cheap at any size; these are
/// ranked here, by the same measure.
pub const CANDIDATES: usize = 1000;

/// A search as FTS5 runs it, and the stems of its words (for ranking and
/// highlighting).
pub(super) struct Query {
    fts: String,
    stems: Vec<String>,
}

fn stemmer() -> rust_stemmers::Stemmer {
    rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English)
}

/// The words of a text with their byte ranges.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start = None;
    text.char_indices()
        .chain(std::iter::once((text.len(), ' ')))
        .filter_map(move |(i, c)| {
            if c.is_alphanumeric() {
                start.get_or_insert(i);
                None
            } else {
                start.take().map(|s| (s, i))
            }
        })
}

/// The words of a text, lower-cased, with their byte ranges.
fn words(text: &str) -> impl Iterator<Item = (usize, usize, String)> + '_ {
    word_spans(text).map(|(s, e)| (s, e, text[s..e].to_lowercase()))
}

/// Which query stem a word is, if any. Most words of a paragraph share no
/// first letters with any stem and are not stemmed at all.
fn stem_index(word: &str, stems: &[String], stemmer: &rust_stemmers::Stemmer) -> Option<usize> {
    let head = |s: &str| {
        s.bytes()
            .take(2)
            .map(|b| b.to_ascii_lowercase())
            .collect::<Vec<u8>>()
    };
    let w = head(word);
    if !stems.iter().any(|s| head(s) == w) {
        return None;
    }
    let lower = word.to_lowercase();
    let stem = stemmer.stem(&lower);
    stems.iter().position(|s| *s == stem)
}

/// Turns what a user typed into a safe FTS5 query: every word quoted (FTS5's
/// stemming matches its other endings: "traffick" finds "trafficking"), all
/// required, in the text column; a State party's code, when given, is required
/// in the State column.
pub(super) fn query(typed: &str, state: Option<&str>) -> Option<Query> {
    let terms: Vec<String> = words(typed).map(|(_, _, w)| w).take(32).collect();
    if terms.is_empty() {
        return None;
    }
    let quoted: Vec<String> = terms.iter().map(|t| format!("\"{t}\"")).collect();
    let text = format!("text : ({})", quoted.join(" AND "));
    let fts = match state {
        Some(code) => {
            let code: String = code.chars().filter(|c| c.is_alphanumeric()).collect();
            format!("state : \"{}\" AND {text}", code.to_lowercase())
        }
        None => text,
    };
    let stemmer = stemmer();
    let stems = terms.iter().map(|t| stemmer.stem(t).into_owned()).collect();
    Some(Query { fts, stems })
}

/// A matching paragraph's score (higher is better): BM25's saturation of each
/// query word's count and its length normalisation (k1 = 1.2, b = 0.75),
/// every word weighted alike (all are required).
fn score(
    stems: &[String],
    text: &str,
    stemmer: &rust_stemmers::Stemmer,
    average: f64,
) -> (f64, usize) {
    let mut counts = vec![0usize; stems.len()];
    let mut length = 0;
    for (s, e) in word_spans(text) {
        length += 1;
        if let Some(i) = stem_index(&text[s..e], stems, stemmer) {
            counts[i] += 1;
        }
    }
    let norm = 1.2 * (0.25 + 0.75 * length as f64 / average.max(1.0));
    let score = counts
        .iter()
        .map(|&tf| {
            let tf = tf.max(1) as f64;
            tf * 2.2 / (tf + norm)
        })
        .sum();
    (score, length)
}

/// The passage of about 40 words with the most query words, those words
/// between [`super::HIGHLIGHT_START`] and [`super::HIGHLIGHT_END`].
fn snippet(stems: &[String], text: &str, stemmer: &rust_stemmers::Stemmer) -> String {
    const WORDS: usize = 40;
    let all: Vec<(usize, usize, bool)> = word_spans(text)
        .map(|(s, e)| (s, e, stem_index(&text[s..e], stems, stemmer).is_some()))
        .collect();
    if all.is_empty() {
        return text.chars().take(200).collect();
    }
    // The window with the most hits (the first one on a tie).
    let (mut best, mut best_hits, mut hits) = (0, 0, 0);
    for i in 0..all.len() {
        hits += usize::from(all[i].2);
        if i >= WORDS {
            hits -= usize::from(all[i - WORDS].2);
        }
        if hits > best_hits {
            best_hits = hits;
            best = (i + 1).saturating_sub(WORDS);
        }
    }
    let window = &all[best..(best + WORDS).min(all.len())];
    let (from, to) = (window[0].0, window[window.len() - 1].1);
    let mut out = String::new();
    if best > 0 {
        out.push('…');
    }
    let mut at = from;
    for &(s, e, hit) in window {
        out.push_str(&text[at..s]);
        if hit {
            out.push(super::HIGHLIGHT_START);
            out.push_str(&text[s..e]);
            out.push(super::HIGHLIGHT_END);
        } else {
            out.push_str(&text[s..e]);
        }
        at = e;
    }
    debug_assert_eq!(at, to);
    if best + WORDS < all.len() {
        out.push('…');
    }
    out
}

/// The best `limit` paragraphs for a query, best first, with snippets: the
/// newest [`CANDIDATES`] matches (FTS5 finds them without ranking) ranked by
/// [`score`]. When a query matches more paragraphs than that, the older ones
/// are not ranked: a rapporteur's newest documents come first.
pub(super) fn search(conn: &Connection, q: &Query, limit: usize) -> Result<Vec<SearchHit>> {
    let mut newest = conn.prepare_cached(
        "SELECT rowid, text FROM paragraph_search WHERE paragraph_search MATCH ?1 ORDER BY rowid DESC LIMIT ?2",
    )?;
    let candidates = newest
        .query_map(params![q.fts, CANDIDATES as i64], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<std::result::Result<Vec<_>, _>>()?;
    let stemmer = stemmer();
    let average = candidates
        .iter()
        .map(|(_, t)| t.len() as f64 / 6.0)
        .sum::<f64>()
        / candidates.len().max(1) as f64;
    let mut ranked: Vec<(f64, usize)> = candidates
        .iter()
        .enumerate()
        .map(|(i, (_, text))| (score(&q.stems, text, &stemmer, average).0, i))
        .collect();
    // Best first; newest first among equals (the candidates are newest first).
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    ranked.truncate(limit);
    let mut about = conn.prepare_cached(
        "SELECT p.document_id, d.symbol, d.kind, d.state_code, d.state_name, p.number, p.seq
         FROM paragraphs p JOIN documents d ON d.id = p.document_id WHERE p.id = ?1",
    )?;
    let mut hits = Vec::with_capacity(ranked.len());
    for (score, i) in ranked {
        let (rowid, text) = &candidates[i];
        let mut rows = about.query(params![rowid])?;
        if let Some(r) = rows.next()? {
            let kind: String = r.get(2)?;
            let code: Option<String> = r.get(3)?;
            let name: Option<String> = r.get(4)?;
            hits.push(SearchHit {
                document_id: r.get(0)?,
                symbol: r.get(1)?,
                kind: DocumentKind::parse(&kind).unwrap_or_default(),
                state: code.zip(name).map(|(code, name)| StateParty { code, name }),
                paragraph: r.get(5)?,
                seq: r.get::<_, i64>(6)? as usize,
                snippet: snippet(&q.stems, text, &stemmer),
                rank: -score,
            });
        }
    }
    Ok(hits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_mark_the_words_searched_in_any_form() {
        let q = query("Trafficking victims", None).unwrap();
        let s = snippet(
            &q.stems,
            "The State party should combat trafficking and assist trafficked persons and victims.",
            &stemmer(),
        );
        assert_eq!(
            s,
            "The State party should combat \u{2}trafficking\u{3} and assist \u{2}trafficked\u{3} persons and \u{2}victims\u{3}"
        );
        let long = format!(
            "{} trafficking {}",
            "word ".repeat(100),
            "word ".repeat(100)
        );
        let s = snippet(&q.stems, &long, &stemmer());
        assert!(s.starts_with('…') && s.ends_with('…') && s.contains("\u{2}trafficking\u{3}"));
    }

    #[test]
    fn more_of_the_words_in_a_shorter_paragraph_ranks_higher() {
        let q = query("trafficking", None).unwrap();
        let st = stemmer();
        let short = score(
            &q.stems,
            "Trafficking and trafficking of persons.",
            &st,
            20.0,
        )
        .0;
        let long = score(
            &q.stems,
            &format!("Trafficking {}", "word ".repeat(60)),
            &st,
            20.0,
        )
        .0;
        assert!(short > long);
    }
}
