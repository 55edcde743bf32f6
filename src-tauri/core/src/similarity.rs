//! Word similarity of short texts, offline: stemmed words weighted by how
//! rare each is among the texts compared (tf-idf), compared by cosine. Used
//! to find what other committees asked on a draft question's topic and the
//! paragraphs of a State party's report that answer a recommendation.

use std::collections::{HashMap, HashSet};

/// A text to compare, as its stemmed words.
pub struct Text {
    pub words: Vec<String>,
}

pub fn stemmer() -> rust_stemmers::Stemmer {
    rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English)
}

/// The stemmed words of a text: letters only (document symbols, numbers and
/// paragraph numbers say nothing of the topic), three letters or more.
pub fn words(text: &str, stemmer: &rust_stemmers::Stemmer) -> Vec<String> {
    text.split_whitespace()
        .filter(|t| !t.contains('/'))
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() >= 3 && w.chars().all(char::is_alphabetic))
        .map(|w| stemmer.stem(&w.to_lowercase()).into_owned())
        .collect()
}

/// How many of the texts each word is in.
pub fn document_frequencies(texts: &[Text]) -> HashMap<&str, usize> {
    let mut df: HashMap<&str, usize> = HashMap::new();
    for t in texts {
        let unique: HashSet<&str> = t.words.iter().map(String::as_str).collect();
        for w in unique {
            *df.entry(w).or_default() += 1;
        }
    }
    df
}

/// Weighted word vectors (1 + ln count, times the word's inverse document
/// frequency over all the texts), normalised to length 1.
pub fn vectors(texts: &[Text]) -> Vec<HashMap<&str, f64>> {
    let df = document_frequencies(texts);
    let n = texts.len() as f64;
    texts
        .iter()
        .map(|t| {
            let mut tf: HashMap<&str, f64> = HashMap::new();
            for w in &t.words {
                *tf.entry(w.as_str()).or_default() += 1.0;
            }
            let mut v: HashMap<&str, f64> = tf
                .into_iter()
                .map(|(w, c)| {
                    let idf = (n / df[w] as f64).ln();
                    (w, (1.0 + c.ln()) * idf)
                })
                .filter(|(_, x)| *x > 0.0)
                .collect();
            let norm = v.values().map(|x| x * x).sum::<f64>().sqrt();
            if norm > 0.0 {
                for x in v.values_mut() {
                    *x /= norm;
                }
            }
            v
        })
        .collect()
}

pub fn cosine(a: &HashMap<&str, f64>, b: &HashMap<&str, f64>) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small
        .iter()
        .filter_map(|(w, x)| large.get(w).map(|y| x * y))
        .sum()
}

/// How much of a short text's weight the words of a longer one cover (0 to
/// 1): a one-line question ("Who supervised the consular offices?") against a
/// paragraph-long recommendation, where a cosine would be small whatever they
/// share.
pub fn coverage(short: &HashMap<&str, f64>, long: &HashMap<&str, f64>) -> f64 {
    short
        .iter()
        .filter(|(w, _)| long.contains_key(*w))
        .map(|(_, x)| x * x)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rare_shared_words_weigh_more_than_common_ones() {
        let st = stemmer();
        let texts: Vec<Text> = [
            "Please provide information on the remittances sent home by migrant workers.",
            "Please provide information on the fees for remittances sent home.",
            "Please provide information on accessible buildings.",
            "Please provide information on inclusive education.",
        ]
        .iter()
        .map(|t| Text {
            words: words(t, &st),
        })
        .collect();
        let v = vectors(&texts);
        // Words every text has weigh nothing.
        assert_eq!(cosine(&v[2], &v[3]), 0.0);
        assert!(cosine(&v[0], &v[1]) > 0.3, "{}", cosine(&v[0], &v[1]));
        assert!(cosine(&v[0], &v[2]) < 0.1, "{}", cosine(&v[0], &v[2]));
    }

    #[test]
    fn symbols_and_numbers_are_not_topic_words() {
        let st = stemmer();
        assert_eq!(
            words("CRPD/C/MEX/CO/1, para. 24 (b): the 2019 remittances", &st),
            vec!["para", "the", "remitt"]
        );
    }
}
