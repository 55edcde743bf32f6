//! `loi`: LOI Drafter on the command line. Links the core crate only (no Tauri).
//!
//! Errors are one line on stderr naming the file (when there is one) and what is
//! wrong, with exit code 1; the library is left unchanged.

use std::path::PathBuf;

/// Prints a line; a closed pipe (`loi … | head`) ends the program quietly.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write;
        if writeln!(std::io::stdout(), $($arg)*).is_err() {
            std::process::exit(0);
        }
    }};
}

mod drafts;

use std::process::ExitCode;

use drafts::{run_draft, DraftCommand};

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use serde::Serialize;

use loi_core::draft;
use loi_core::error::{Error, Result};
use loi_core::library::{
    ImportOutcome, Library, MetadataOverrides, HIGHLIGHT_END, HIGHLIGHT_START,
};
use loi_core::model::{CitationStyle, DocumentKind, ParagraphKind};
use loi_core::{compare, diff, evaluation, export, import, link, parse};

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
    /// Also write the log to standard error (RUST_LOG sets the level).
    #[arg(short, long, global = true)]
    verbose: bool,
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
    /// Import files (or every readable file of a folder) into the library,
    /// each in its own transaction.
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
    /// Read again the documents an older version of LOI Drafter read (all of
    /// them with --all), keeping the metadata you corrected.
    Reread {
        #[arg(long)]
        all: bool,
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
        /// The committee (default: the one whose concluding observations are the latest).
        #[arg(long)]
        committee: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Drafts of lists of issues.
    #[command(subcommand)]
    Draft(DraftCommand),
    /// The question generated for one paragraph (or some sub-paragraphs) of concluding observations.
    Question {
        /// The concluding observations, e.g. CMW/C/TJK/CO/2.
        #[arg(long)]
        from: String,
        /// The paragraph, e.g. "12" or "49 (a) and (d)".
        #[arg(long)]
        para: String,
        #[arg(long, default_value = "footnote")]
        style: String,
        #[arg(long)]
        json: bool,
    },
    /// Measure generated questions against a real list of issues.
    Eval {
        /// The real list of issues: its symbol, doc:ID or a file (default: the
        /// sample list CMW/C/TJK/Q/3).
        #[arg(long, alias = "loi", default_value = "CMW/C/TJK/Q/3")]
        list: String,
        /// The concluding observations its questions cite (default: those it
        /// cites most, from the library).
        #[arg(long, alias = "co")]
        from: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Export a draft (or any list of issues) to .docx, .txt, .md or .html.
    Export {
        /// A draft id, or draft:ID@VERSION, doc:ID, a symbol, a file.
        list: String,
        /// docx, txt, md or html (default: from the output file's extension).
        #[arg(long)]
        format: Option<String>,
        #[arg(long)]
        out: PathBuf,
        /// The date under "Distr.: General" (YYYY-MM-DD, default today).
        #[arg(long)]
        date: Option<String>,
        /// Write the footnotes as drafted (footnote), in the text (inline:
        /// "(see CMW/C/TJK/CO/2, para. 12)") or as bare paragraph numbers (bare).
        #[arg(long, default_value = "footnote")]
        citations: String,
        /// Print the comments kept with a draft's questions (Word comments in
        /// a .docx, bracketed lines elsewhere); they are never printed otherwise.
        #[arg(long)]
        comments: bool,
    },
    /// Compare two lists of issues (drafts, versions, stored lists or files).
    Diff {
        old: String,
        new: String,
        #[arg(long)]
        json: bool,
        /// Write an HTML report.
        #[arg(long)]
        html: Option<PathBuf>,
        /// Write the new list with the differences as Word tracked changes.
        #[arg(long)]
        docx: Option<PathBuf>,
        /// The author of the tracked changes.
        #[arg(long, default_value = "LOI Drafter")]
        author: String,
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

fn parse_style(s: &str) -> Result<CitationStyle> {
    match s {
        "footnote" => Ok(CitationStyle::Footnote),
        "inline" => Ok(CitationStyle::Inline),
        "bare" => Ok(CitationStyle::Bare),
        _ => Err(Error::InvalidInput(format!(
            "unknown citation style \"{s}\" (use footnote, inline or bare)"
        ))),
    }
}

#[derive(Args, Default)]
struct MetaArgs {
    /// The document's symbol, e.g. CMW/C/KGZ/CO/2.
    #[arg(long)]
    symbol: Option<String>,
    /// The State party: ISO code (KGZ) or name.
    #[arg(long)]
    state: Option<String>,
    /// concluding_observations, loi, loipr, follow_up_letter, dialogue_summary, state_report, replies, follow_up_report, submission, other.
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
                    "unknown kind \"{k}\" (use concluding_observations, loi, loipr, follow_up_letter, dialogue_summary, state_report, replies, follow_up_report, submission or other)"
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

/// The most files one `loi import` reads (a folder may hold more).
const MAX_FILES_PER_IMPORT: usize = 100_000;

fn print_json<T: Serialize>(value: &T) -> Result<()> {
    out!("{}", serde_json::to_string_pretty(value)?);
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
        DocumentKind::Replies => "replies",
        DocumentKind::FollowUpReport => "follow-up report",
        DocumentKind::Submission => "submission",
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
                out!(
                    "{}  {}  {}",
                    doc.symbol.as_deref().unwrap_or("(no symbol)"),
                    kind_label(doc.kind),
                    doc.state
                        .as_ref()
                        .map(|s| s.name.as_str())
                        .unwrap_or("(State unknown)")
                );
                if !doc.inferred.is_empty() {
                    out!("inferred: {}", doc.inferred.join(", "));
                }
                for p in &doc.paragraphs {
                    if p.kind == ParagraphKind::Other && p.number.is_none() {
                        continue;
                    }
                    out!(
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
            let files = loi_core::library::documents_in(&files, MAX_FILES_PER_IMPORT);
            let total = files.len();
            for (i, f) in files.into_iter().enumerate() {
                let name = f.display().to_string();
                let step = if total > 1 {
                    format!("[{}/{total}] ", i + 1)
                } else {
                    String::new()
                };
                match lib.import_file(&f, &overrides) {
                    Ok(outcome) => {
                        if !json {
                            let d = outcome.document();
                            let status = match &outcome {
                                ImportOutcome::Imported { .. } => "imported",
                                ImportOutcome::AlreadyInLibrary { .. } => "already in library",
                            };
                            out!(
                                "{step}{name}: {status} as {} ({}), id {}",
                                d.symbol.as_deref().unwrap_or("(no symbol)"),
                                kind_label(d.kind),
                                d.id
                            );
                            if let ImportOutcome::Imported { warnings, .. } = &outcome {
                                for w in warnings {
                                    out!("  note: {w}");
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
        Command::Reread { all, json } => {
            let mut lib = open_library(&cli.db)?;
            let ids = if all {
                lib.documents(None)?.into_iter().map(|d| d.id).collect()
            } else {
                lib.documents_to_reread()?
            };
            let mut read = Vec::new();
            for id in ids {
                read.push(lib.reread(id)?);
            }
            if json {
                print_json(&read)?;
            } else {
                out!("{} documents read again", read.len());
            }
            Ok(true)
        }
        Command::Docs { state, json } => {
            let lib = open_library(&cli.db)?;
            let docs = lib.documents(state.as_deref())?;
            if json {
                print_json(&docs)?;
            } else {
                out!(
                    "{:>4}  {:<9} {:<22} {:<5} {:<10} {:>5}  source",
                    "id",
                    "kind",
                    "symbol",
                    "cycle",
                    "date",
                    "paras"
                );
                for d in docs {
                    let mark = if d.inferred.iter().any(|f| f == "symbol") {
                        "*"
                    } else {
                        ""
                    };
                    out!(
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
                out!("(* inferred symbol)");
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
                    out!(
                        "{}  {:<30} {} documents, {} drafts",
                        s.code,
                        s.name,
                        s.documents,
                        s.drafts
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
                    out!(
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
                out!(
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
            out!("deleted document {id}");
            Ok(true)
        }
        Command::Recs {
            state,
            committee,
            json,
        } => {
            let lib = open_library(&cli.db)?;
            let recs = link::recommendations_for(&lib, &state, committee.as_deref())?;
            if json {
                print_json(&recs)?;
            } else {
                if recs.is_empty() {
                    out!("no concluding observations for {state} in the library");
                }
                let mut cluster = None;
                for r in &recs {
                    if r.cluster != cluster {
                        out!("\n{}", r.cluster.as_deref().unwrap_or(""));
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
                    out!(
                        "{:>4}  {}{badges}",
                        r.number,
                        r.theme.as_deref().unwrap_or("")
                    );
                    out!("      {}", first_line(&r.text, 100));
                    for a in &r.ancestors {
                        out!("      ← {} para. {}", a.symbol, a.paragraph);
                    }
                }
            }
            Ok(true)
        }
        Command::Export {
            list,
            format,
            out,
            date,
            citations,
            comments,
        } => {
            let mut lib = open_library(&cli.db)?;
            let name = if list.chars().all(|c| c.is_ascii_digit()) {
                format!("draft:{list}")
            } else {
                list
            };
            let fmt = format
                .as_deref()
                .or_else(|| out.to_str())
                .and_then(export::ExportFormat::parse)
                .ok_or_else(|| Error::InvalidInput("give --format docx, txt, md or html (or an output file with that extension)".into()))?;
            let date = match date {
                Some(d) => Some(NaiveDate::parse_from_str(&d, "%Y-%m-%d").map_err(|_| {
                    Error::InvalidInput(format!("\"{d}\" is not a date (use YYYY-MM-DD)"))
                })?),
                None => None,
            };
            let bytes = draft::send::export_named(
                &mut lib,
                &name,
                fmt,
                parse_style(&citations)?,
                &export::ExportOptions {
                    date,
                    ..Default::default()
                },
                comments,
            )?;
            export::write_file(&out, &bytes)?;
            out!("wrote {}", out.display());
            Ok(true)
        }
        Command::Diff {
            old,
            new,
            json,
            html,
            docx,
            author,
        } => {
            let mut lib = open_library(&cli.db)?;
            let resolve = |lib: &mut Library, n: &str| {
                let n = if n.chars().all(|c| c.is_ascii_digit()) {
                    format!("draft:{n}")
                } else {
                    n.to_string()
                };
                compare::resolve_list(lib, &n)
            };
            let old_list = resolve(&mut lib, &old)?;
            let new_list = resolve(&mut lib, &new)?;
            let d = diff::diff_lists(&old_list, &new_list);
            if let Some(path) = &html {
                export::write_file(path, &export::diff_to_html(&d, &old, &new))?;
            }
            if let Some(path) = &docx {
                let bytes = export::diff_to_docx(
                    &d,
                    &new_list,
                    &export::ExportOptions {
                        author,
                        ..Default::default()
                    },
                )?;
                export::write_file(path, &bytes)?;
            }
            if json {
                print_json(&d)?;
            } else if html.is_none() && docx.is_none() {
                print!("{}", diff::render_text(&d));
            } else {
                let s = d.summary;
                out!(
                    "kept {}, changed {}, added {}, removed {}, moved {}",
                    s.kept,
                    s.changed,
                    s.added,
                    s.removed,
                    s.moved
                );
            }
            Ok(true)
        }
        Command::Draft(cmd) => {
            run_draft(cmd, &cli.db)?;
            Ok(true)
        }
        Command::Question {
            from,
            para,
            style,
            json,
        } => {
            let lib = open_library(&cli.db)?;
            let q = draft::question(&lib, &from, &para, parse_style(&style)?)?;
            if json {
                print_json(&q)?;
            } else {
                out!("{}", q.text);
                for s in &q.subitems {
                    out!("\t({})\t{}", s.label, s.text);
                }
                for f in &q.footnotes {
                    out!("[{}] {}", f.number, f.text);
                }
            }
            Ok(true)
        }
        Command::Eval { list, from, json } => {
            let lib = open_library(&cli.db)?;
            let evaluation = evaluation::evaluate_list(&lib, &list, from.as_deref())?;
            let report = &evaluation.report;
            if json {
                print_json(&evaluation)?;
            } else {
                out!(
                    "{} against {} ({})",
                    evaluation.list,
                    evaluation.from,
                    evaluation.committee
                );
                for p in &report.pairs {
                    out!(
                        "Q{:<3} para. {:<16} {:.2}  (raw recommendation {:.2})",
                        p.question,
                        p.cited.join(", "),
                        p.similarity,
                        p.raw_similarity
                    );
                }
                out!(
                    "mean {:.3}, min {:.3} over {} pairs (raw recommendation text: mean {:.3})",
                    report.mean,
                    report.min,
                    report.pairs.len(),
                    report.raw_mean
                );
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
                    out!(
                        "{} para. {}: {}",
                        h.symbol.as_deref().unwrap_or("?"),
                        h.paragraph.as_deref().unwrap_or("–"),
                        snippet
                    );
                }
                out!("{} hits", hits.len());
            }
            Ok(true)
        }
    }
}

/// One line for stderr, naming the file when there is one.
fn one_line(e: &Error, file: Option<&str>) -> String {
    let msg = loi_core::text_cleanup::printable(&e.to_string());
    match (e, file) {
        (Error::Import { .. }, _) | (_, None) => format!("loi: {msg}"),
        (_, Some(f)) => format!("loi: {}: {msg}", loi_core::text_cleanup::printable(f)),
    }
}

fn main() -> ExitCode {
    loi_core::import::exit_if_worker();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help, --version
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            // One line, exit code 1, as every other error.
            let text = e.to_string();
            let first = text.lines().next().unwrap_or("invalid arguments");
            let first = first.strip_prefix("error: ").unwrap_or(first);
            eprintln!(
                "loi: {} (see loi --help)",
                loi_core::text_cleanup::printable(first)
            );
            return ExitCode::FAILURE;
        }
    };
    loi_core::logs::init(loi_core::logs::Program::Cli, cli.verbose);
    let file = match &cli.command {
        Command::Parse { file, .. } => Some(file.display().to_string()),
        _ => None,
    };
    // A panic is one failed command with one line on stderr (the hook logs it).
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(cli))) {
        Ok(Ok(true)) => ExitCode::SUCCESS,
        Ok(Ok(false)) => ExitCode::FAILURE,
        Ok(Err(e)) => {
            loi_core::logs::error(e.code(), &e.to_string());
            eprintln!("{}", one_line(&e, file.as_deref()));
            ExitCode::FAILURE
        }
        Err(_) => {
            let where_ = loi_core::logs::log_dir()
                .map(|d| format!("; details are in the log folder {}", d.display()))
                .unwrap_or_default();
            eprintln!("loi: internal error{where_}");
            ExitCode::FAILURE
        }
    }
}
