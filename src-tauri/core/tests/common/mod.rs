//! What the tests on real documents share: where the CRPD corpus is, and its
//! concluding observations, parsed.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use loi_core::model::{Document, DocumentKind};

/// Where the CRPD corpus is: `LOI_CRPD_CORPUS`, else `../shared/corpus/crpd`
/// beside the repository (whether or not it is there).
pub fn corpus_dir() -> PathBuf {
    std::env::var("LOI_CRPD_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/crpd")
        })
}

/// The CRPD corpus folder, when it is there (it has its manifest).
pub fn corpus() -> Option<PathBuf> {
    let dir = corpus_dir();
    dir.join("manifest.json").is_file().then_some(dir)
}

/// The English concluding observations of the corpus, parsed, with the symbol
/// the manifest gives them (empty without the corpus). Other languages'
/// versions are left out: questions are drafted from the English one.
pub fn crpd_concluding_observations() -> Vec<(String, Document)> {
    let Some(dir) = corpus() else {
        return Vec::new();
    };
    let Ok(manifest) = std::fs::read_to_string(dir.join("manifest.json")) else {
        return Vec::new();
    };
    let Ok(v) = serde_json::from_str::<serde_json::Value>(&manifest) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for d in v["documents"].as_array().into_iter().flatten() {
        if d["kind"] != "concluding_observations" {
            continue;
        }
        let (Some(file), Some(symbol)) = (d["file"].as_str(), d["symbol"].as_str()) else {
            continue;
        };
        let Ok(text) = loi_core::import::extract_file(&dir.join(file)) else {
            continue;
        };
        // The manifest's symbol and kind are the truth (read from the UN file
        // names): these tests are about generating, not about detecting.
        let mut doc =
            loi_core::parse::parse_text_as(&text.text, DocumentKind::ConcludingObservations);
        doc.symbol = Some(symbol.to_string());
        if doc.language.as_deref().is_some_and(|l| l != "en") {
            continue;
        }
        out.push((symbol.to_string(), doc));
    }
    out
}
