//! `loi`: LOI Drafter on the command line. Links the core crate only (no Tauri).
//!
//! Errors are one line on stderr naming the file (when there is one) and what is
//! wrong, with exit code 1; the library is left unchanged.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use serde::Serialize;

use loi_core::error::{Error, Result};
use loi_core::library::{
    ImportOutcome, Library, MetadataOverrides, HIGHLIGHT_END, HIGHLIGHT_START,
};
use loi_core::model::{DocumentKind, ParagraphKind};
use loi_core::{import, link, parse};

#[derive(Parser)]
#[command(
    name = "loi",
    version,
    about = "LOI Drafter: the rapporteur's library and drafting tools"
)]
struct Cli {
    /// The library database (default: $LOI_DB, else the app's data folder).
    #[arg(long, global = true)]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse a file and print what LOI Drafter reads in it (nothing is stored).
    Parse {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Import files into the library.
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        meta: MetaArgs,
        #[arg(long)]
        json: bool,
    },
    /// List the documents of the library.
    Docs {
        #[arg(long)]
        state: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// List the State parties of the library.
    States {
        #[arg(long)]
        json: bool,
    },
    /// Show a stored document as parsed.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Correct a stored document's metadata.
    Set {
        id: i64,
        #[command(flatten)]
        meta: MetaArgs,
        #[arg(long)]
        json: bool,
    },
    /// Delete a document from the library.
    Delete { id: i64 },
    /// The prior recommendations for a State party, with their history.
    Recs {
        #[arg(long)]
        state: String,
        #[arg(long)]
        json: bool,
    },
    /// Full-text search over every paragraph.
    Search {
        query: String,
        #[arg(long)]
        state: Option<String>,
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args, Default)]
struct MetaArgs {
    /// The document's symbol, e.g. CMW/C/KGZ/CO/2.
    #[arg(long)]
    symbol: Option<String>,
    /// The State party: ISO code (KGZ) or name.
    #[arg(long)]
    state: Option<String>,
    /// concluding_observations, loi, loipr, follow_up_letter, dialogue_summary, state_report, other.
    #[arg(long)]
    kind: Option<String>,
    #[arg(long)]
    cycle: Option<u32>,
    /// YYYY-MM-DD
    #[arg(long)]
    date: Option<String>,
}

impl MetaArgs {
    fn overrides(&self) -> Result<MetadataOverrides> {
        let kind = match &self.kind {
            Some(k) => Some(DocumentKind::parse(k).ok_or_else(|| {
                Error::InvalidInput(format!(
                    "unknown kind \"{k}\" (use concluding_observations, loi, loipr, follow_up_letter, dialogue_summary, state_report or other)"
                ))
            })?),
            None => None,
        };
        let date = match &self.date {
            Some(d) => Some(NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| {
                Error::InvalidInput(format!("\"{d}\" is not a date (use YYYY-MM-DD)"))
            })?),
            None => None,
        };
        Ok(MetadataOverrides {
            symbol: self.symbol.clone(),
            state: self.state.clone(),
            kind,
            cycle: self.cycle,
            date,
        })
    }
}

fn print_json<T: Serialize>(value: &T) -> Result<()> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

fn open_library(db: &Option<PathBuf>) -> Result<Library> {
    let path = match db {
        Some(p) => p.clone(),
        None => Library::default_path()?,
    };
    let mut lib = Library::open(&path)?;
    lib.ensure_seeded()?;
    Ok(lib)
}

fn first_line(s: &str, width: usize) -> String {
    let s = s.lines().next().unwrap_or("");
    if s.chars().count() <= width {
        s.to_string()
    } else {
        format!(
            "{}…",
            s.chars().take(width.saturating_sub(1)).collect::<String>()
        )
    }
}

fn kind_label(k: DocumentKind) -> &'static str {
    match k {
        DocumentKind::ConcludingObservations => "CO",
        DocumentKind::ListOfIssues => "LOI",
        DocumentKind::ListOfIssuesPriorToReporting => "LOIPR",
        DocumentKind::FollowUpLetter => "follow-up",
        DocumentKind::DialogueSummary => "summary",
        DocumentKind::StateReport => "report",
        DocumentKind::Other => "other",
    }
}

fn run(cli: Cli) -> Result<bool> {
    match cli.command {
        Command::Parse { file, json } => {
            let extracted = import::extract_file(&file)?;
            let doc = parse::parse_text(&extracted.text);
            if json {
                print_json(&doc)?;
            } else {
                println!(
                    "{}  {}  {}",
                    doc.symbol.as_deref().unwrap_or("(no symbol)"),
                    kind_label(doc.kind),
                    doc.state
                        .as_ref()
                        .map(|s| s.name.as_str())
                        .unwrap_or("(State unknown)")
                );
                if !doc.inferred.is_empty() {
                    println!("inferred: {}", doc.inferred.join(", "));
                }
                for p in &doc.paragraphs {
                    if p.kind == ParagraphKind::Other && p.number.is_none() {
                        continue;
                    }
                    println!(
                        "{:>4} {:<15} {}",
                        p.number.as_deref().unwrap_or(""),
                        p.kind.as_str(),
                        first_line(&p.text, 90)
                    );
                }
            }
            Ok(true)
        }
        Command::Import { files, meta, json } => {
            let overrides = meta.overrides()?;
            let mut lib = open_library(&cli.db)?;
            let mut results = Vec::new();
            let mut ok = true;
            for f in files {
                let name = f.display().to_string();
                match lib.import_file(&f, &overrides) {
                    Ok(outcome) => {
                        if !json {
                            let d = outcome.document();
                            let status = match &outcome {
                                ImportOutcome::Imported { .. } => "imported",
                                ImportOutcome::AlreadyInLibrary { .. } => "already in library",
                            };
                            println!(
                                "{name}: {status} as {} ({}), id {}",
                                d.symbol.as_deref().unwrap_or("(no symbol)"),
                                kind_label(d.kind),
                                d.id
                            );
                            if let ImportOutcome::Imported { warnings, .. } = &outcome {
                                for w in warnings {
                                    println!("  note: {w}");
                                }
                            }
                        }
                        results.push(serde_json::json!({"file": name, "result": outcome}));
                    }
                    Err(e) => {
                        ok = false;
                        eprintln!("{}", one_line(&e, Some(&name)));
                        results.push(serde_json::json!({"file": name, "error": e.payload()}));
                    }
                }
            }
            if json {
                print_json(&results)?;
            }
            Ok(ok)
        }
        Command::Docs { state, json } => {
            let lib = open_library(&cli.db)?;
            let docs = lib.documents(state.as_deref())?;
            if json {
                print_json(&docs)?;
            } else {
                println!(
                    "{:>4}  {:<9} {:<22} {:<5} {:<10} {:>5}  source",
                    "id", "kind", "symbol", "cycle", "date", "paras"
                );
                for d in docs {
                    let mark = if d.inferred.iter().any(|f| f == "symbol") {
                        "*"
                    } else {
                        ""
                    };
                    println!(
                        "{:>4}  {:<9} {:<22} {:<5} {:<10} {:>5}  {}",
                        d.id,
                        kind_label(d.kind),
                        format!("{}{mark}", d.symbol.as_deref().unwrap_or("—")),
                        d.cycle.map(|c| c.to_string()).unwrap_or_default(),
                        d.date.map(|c| c.to_string()).unwrap_or_default(),
                        d.paragraphs,
                        d.source_name
                    );
                }
                println!("(* inferred symbol)");
            }
            Ok(true)
        }
        Command::States { json } => {
            let lib = open_library(&cli.db)?;
            let states = lib.states()?;
            if json {
                print_json(&states)?;
            } else {
                for s in states {
                    println!(
                        "{}  {:<30} {} documents, {} drafts",
                        s.code, s.name, s.documents, s.drafts
                    );
                }
            }
            Ok(true)
        }
        Command::Show { id, json } => {
            let lib = open_library(&cli.db)?;
            let doc = lib.document(id)?;
            if json {
                print_json(&doc)?;
            } else {
                for p in &doc.paragraphs {
                    println!(
                        "{} {}\n",
                        p.number
                            .as_deref()
                            .map(|n| format!("{n}."))
                            .unwrap_or_default(),
                        p.full_text()
                    );
                }
            }
            Ok(true)
        }
        Command::Set { id, meta, json } => {
            let overrides = meta.overrides()?;
            let mut lib = open_library(&cli.db)?;
            let s = lib.update_metadata(id, &overrides)?;
            if json {
                print_json(&s)?;
            } else {
                println!(
                    "{}: {} ({}), {}",
                    s.id,
                    s.symbol.as_deref().unwrap_or("(no symbol)"),
                    kind_label(s.kind),
                    s.state.map(|s| s.name).unwrap_or_default()
                );
            }
            Ok(true)
        }
        Command::Delete { id } => {
            let mut lib = open_library(&cli.db)?;
            lib.delete_document(id)?;
            println!("deleted document {id}");
            Ok(true)
        }
        Command::Recs { state, json } => {
            let lib = open_library(&cli.db)?;
            let recs = link::recommendations(&lib, &state)?;
            if json {
                print_json(&recs)?;
            } else {
                if recs.is_empty() {
                    println!("no concluding observations for {state} in the library");
                }
                let mut cluster = None;
                for r in &recs {
                    if r.cluster != cluster {
                        println!("\n{}", r.cluster.as_deref().unwrap_or(""));
                        cluster = r.cluster.clone();
                    }
                    let mut badges = String::new();
                    if r.follow_up {
                        badges.push_str(" [follow-up]");
                    }
                    if r.times_recommended > 1 {
                        badges.push_str(&format!(" [{}×]", r.times_recommended));
                    }
                    if let Some(a) = &r.assessment {
                        badges.push_str(&format!(
                            " [assessed {}]",
                            a.letter_date
                                .map(|d| d.format("%Y").to_string())
                                .unwrap_or_default()
                        ));
                    }
                    println!(
                        "{:>4}  {}{badges}",
                        r.number,
                        r.theme.as_deref().unwrap_or("")
                    );
                    println!("      {}", first_line(&r.text, 100));
                    for a in &r.ancestors {
                        println!("      ← {} para. {}", a.symbol, a.paragraph);
                    }
                }
            }
            Ok(true)
        }
        Command::Search {
            query,
            state,
            limit,
            json,
        } => {
            let lib = open_library(&cli.db)?;
            let hits = lib.search(&query, state.as_deref(), limit)?;
            if json {
                print_json(&hits)?;
            } else {
                for h in &hits {
                    let snippet = h
                        .snippet
                        .replace(HIGHLIGHT_START, "[")
                        .replace(HIGHLIGHT_END, "]");
                    println!(
                        "{} para. {}: {}",
                        h.symbol.as_deref().unwrap_or("?"),
                        h.paragraph.as_deref().unwrap_or("–"),
                        snippet
                    );
                }
                println!("{} hits", hits.len());
            }
            Ok(true)
        }
    }
}

/// One line for stderr, naming the file when there is one.
fn one_line(e: &Error, file: Option<&str>) -> String {
    let msg = e.to_string().replace('\n', " ");
    match (e, file) {
        (Error::Import { .. }, _) | (_, None) => format!("loi: {msg}"),
        (_, Some(f)) => format!("loi: {f}: {msg}"),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let file = match &cli.command {
        Command::Parse { file, .. } => Some(file.display().to_string()),
        _ => None,
    };
    match run(cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("{}", one_line(&e, file.as_deref()));
            ExitCode::FAILURE
        }
    }
}
