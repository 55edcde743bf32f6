//! `loi draft …`: drafting, editing and versions, and drafts that travel
//! (merge, review, share, open) — each a call of the core's draft functions.

use std::path::PathBuf;

use clap::Subcommand;
use loi_core::draft::{self, Change, DraftOp, NewDraft};
use loi_core::error::{Error, Result};
use loi_core::library::Library;
use loi_core::model::{DocumentKind, ParagraphKind};
use loi_core::{export, overlaps};

use super::{open_library, parse_style, print_json};

#[derive(Subcommand)]
pub(crate) enum DraftCommand {
    /// Draft a list of issues from a State party's prior recommendations.
    New {
        #[arg(long)]
        state: String,
        /// The committee (CRPD, CESCR or E/C.12, …; default: that of the
        /// concluding observations drafted from).
        #[arg(long)]
        committee: Option<String>,
        /// The concluding observations to draft from (default: the committee's latest).
        #[arg(long)]
        from: Option<String>,
        /// loipr (default) or loi.
        #[arg(long, default_value = "loipr")]
        kind: String,
        /// footnote (default), inline or bare.
        #[arg(long, default_value = "footnote")]
        style: String,
        /// One question per sub-paragraph.
        #[arg(long)]
        split: bool,
        /// Only these recommendations ("12", "35 (a)"), repeatable.
        #[arg(long = "include")]
        include: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// What other committees asked or recommended the same State party on the
    /// topics of a draft's questions (their latest lists and concluding observations).
    Overlaps {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Show a draft as it reads.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// List the drafts.
    List {
        #[arg(long)]
        state: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Take a named version of a draft.
    Version {
        id: i64,
        #[arg(long)]
        name: String,
    },
    /// List a draft's named versions.
    Versions {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Restore a named version (the current state stays one undo away).
    Restore { id: i64, version: i64 },
    /// Replace the text of question N.
    Edit {
        id: i64,
        #[arg(long)]
        question: usize,
        #[arg(long)]
        text: String,
    },
    /// Add to question N a sentence further to what the State party said:
    /// in its report (--report SYMBOL --para P), its replies to the list of
    /// issues (--replies SYMBOL --para Q, the question answered) or its
    /// follow-up information (--follow-up SYMBOL), cited in the draft's style.
    Cite {
        id: i64,
        #[arg(long)]
        question: usize,
        #[arg(long, conflicts_with_all = ["replies", "follow_up"])]
        report: Option<String>,
        #[arg(long, conflicts_with = "follow_up")]
        replies: Option<String>,
        #[arg(long)]
        follow_up: Option<String>,
        #[arg(long)]
        para: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Add a question written by hand after question N, or at the end of a
    /// section (--section "Specific rights > Equality", placed among the
    /// committee's sections as the app places it), or at the end of the last
    /// section that has questions.
    Add {
        id: i64,
        #[arg(long, conflicts_with = "section")]
        after: Option<usize>,
        #[arg(long)]
        section: Option<String>,
        #[arg(long)]
        text: String,
    },
    /// Delete question N.
    Remove { id: i64, question: usize },
    /// Move question N to position M.
    Move {
        id: i64,
        question: usize,
        #[arg(long)]
        to: usize,
    },
    /// Join question N with the next one.
    Join { id: i64, question: usize },
    /// Bring in the changes of a file that came back (a Word file the draft
    /// was sent as, or a shared draft file): lists every proposal and
    /// conflict against the version sent, as review RID; nothing is applied
    /// unless --accept-all-but-conflicts.
    Merge {
        id: i64,
        file: PathBuf,
        /// The version the file was made on, when the file does not say
        /// (default: the one it names, else the best match by content).
        #[arg(long)]
        version: Option<i64>,
        /// Apply every proposal that is not a conflict at once, and list the conflicts left.
        #[arg(long)]
        accept_all_but_conflicts: bool,
        #[arg(long)]
        json: bool,
    },
    /// Decide on the proposals of review RID: --accept all, --accept 1,3,4,
    /// --accept-from AUTHOR; --reject 2,5. Applied as one undo step, with a
    /// version saved just before.
    Review {
        review: i64,
        #[arg(long)]
        accept: Option<String>,
        #[arg(long)]
        accept_from: Option<String>,
        #[arg(long)]
        reject: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Write a draft as a shared draft file another LOI Drafter opens.
    Share {
        id: i64,
        #[arg(long)]
        out: PathBuf,
        /// Your name, shown beside your changes when they are merged.
        #[arg(long)]
        by: Option<String>,
    },
    /// Open a shared draft file: as a new draft, or merged into draft ID
    /// (--into), as a review of proposals.
    Open {
        file: PathBuf,
        #[arg(long)]
        into: Option<i64>,
        #[arg(long)]
        json: bool,
    },
    /// Split question N before the given words.
    Split {
        id: i64,
        question: usize,
        #[arg(long)]
        before: String,
    },
    /// Undo the last change.
    Undo { id: i64 },
    /// Redo the last undone change.
    Redo { id: i64 },
    /// Delete a draft with its versions.
    Delete { id: i64 },
}

fn print_draft(lib: &mut Library, id: i64, json: bool) -> Result<()> {
    let v = draft::view(lib, id)?;
    if json {
        return print_json(&v);
    }
    out!("{}\n{}\n", v.symbol, v.title);
    for p in &v.intro {
        out!("{p}\n");
    }
    let mut section: Vec<String> = Vec::new();
    for q in &v.questions {
        for (i, h) in q.section.iter().enumerate() {
            if section.get(i) != Some(h) {
                out!("{}{h}", "  ".repeat(i));
            }
        }
        section = q.section.clone();
        let mut text = q.text.clone();
        for n in q.notes.iter().rev() {
            if text.is_char_boundary(n.offset) {
                text.insert_str(n.offset, &format!("[{}]", n.number));
            }
        }
        out!(
            "\n{}.\t{}{}",
            q.number,
            text,
            if q.edited { "  (edited)" } else { "" }
        );
        for s in &q.subitems {
            out!("\t({})\t{}", s.label, s.text);
        }
        out!();
    }
    for f in &v.footnotes {
        out!("[{}] {}", f.number, f.text);
    }
    out!(
        "\n{} questions, {} words{}",
        v.counts.questions,
        v.counts.words,
        v.counts
            .warning
            .as_deref()
            .map(|w| format!(" — {w}"))
            .unwrap_or_default()
    );
    if !v.coverage.not_covered.is_empty() {
        let left: Vec<String> = v
            .coverage
            .not_covered
            .iter()
            .map(|c| {
                format!(
                    "{}{}",
                    c.paragraph,
                    if c.follow_up { " (follow-up)" } else { "" }
                )
            })
            .collect();
        out!("not asked about: {}", left.join(", "));
    }
    Ok(())
}

fn print_items(items: &[draft::review::ItemView]) {
    for i in items {
        out!(
            "{}. {:?}{} question {} by {}",
            i.n,
            i.op,
            if i.conflict { " CONFLICT" } else { "" },
            i.question
                .map(|n| n.to_string())
                .unwrap_or_else(|| "-".into()),
            i.author
        );
        for (label, text) in [("sent", &i.base), ("yours", &i.ours), ("theirs", &i.theirs)] {
            if let Some(t) = text {
                out!("   {label}: {}", t.replace('\n', " / "));
            }
        }
    }
}

pub(crate) fn run_draft(cmd: DraftCommand, db: &Option<PathBuf>) -> Result<()> {
    let mut lib = open_library(db)?;
    match cmd {
        DraftCommand::New {
            state,
            committee,
            from,
            kind,
            style,
            split,
            include,
            json,
        } => {
            let kind = match DocumentKind::parse(&kind) {
                Some(k) if k.is_list_of_issues() => k,
                _ => {
                    return Err(Error::InvalidInput(format!(
                        "unknown kind \"{kind}\" (use loipr or loi)"
                    )))
                }
            };
            let request = NewDraft {
                state,
                committee,
                from,
                kind,
                style: parse_style(&style)?,
                split_subparagraphs: split,
                include: (!include.is_empty()).then_some(include),
            };
            let d = draft::new_draft(&mut lib, &request)?;
            if json {
                print_json(&serde_json::json!({"id": d.id}))?;
            } else {
                out!("{}", d.id);
            }
        }
        DraftCommand::Show { id, json } => print_draft(&mut lib, id, json)?,
        DraftCommand::Overlaps { id, json } => {
            let found = overlaps::of_draft(&mut lib, id)?;
            if json {
                print_json(&found)?;
            } else {
                for o in &found {
                    let what = match o.kind {
                        ParagraphKind::Question => "question",
                        _ => "para.",
                    };
                    out!(
                        "Q{}: {} asked about this in {}, {} {}{} (similarity {:.2})",
                        o.question,
                        o.committee,
                        o.symbol.as_deref().unwrap_or("?"),
                        what,
                        o.paragraph.as_deref().unwrap_or("?"),
                        o.year.map(|y| format!(", {y}")).unwrap_or_default(),
                        o.score
                    );
                }
                out!("{} overlaps", found.len());
            }
        }
        DraftCommand::List { state, json } => {
            let list = draft::list(lib.connection(), state.as_deref())?;
            if json {
                print_json(&list)?;
            } else {
                for d in list {
                    out!(
                        "{:>4}  {:<18} {:>3} questions  {}  {}",
                        d.id,
                        d.symbol,
                        d.questions,
                        d.updated_at,
                        d.title
                    );
                }
            }
        }
        DraftCommand::Version { id, name } => {
            let v = draft::save_version(lib.connection(), id, &name)?;
            out!("version {} \"{}\" of draft {id}", v.id, v.name);
        }
        DraftCommand::Versions { id, json } => {
            let vs = draft::versions(lib.connection(), id)?;
            if json {
                print_json(&vs)?;
            } else {
                for v in vs {
                    out!(
                        "{:>4}  {}  {:>3} questions  {}",
                        v.id,
                        v.created_at,
                        v.questions,
                        v.name
                    );
                }
            }
        }
        DraftCommand::Restore { id, version } => {
            draft::restore(lib.connection(), id, version)?;
            out!("restored version {version} of draft {id}");
        }
        DraftCommand::Edit { id, question, text } => {
            draft::apply_worked_out(&mut lib, id, |c| {
                Ok(DraftOp::EditText {
                    question: c.id_of_number(question)?,
                    text,
                })
            })?;
        }
        DraftCommand::Cite {
            id,
            question,
            report,
            replies,
            follow_up,
            para,
            json,
        } => {
            let (kind, symbol) =
                match (report, replies, follow_up) {
                    (Some(s), _, _) => (draft::SourceKind::Report, s),
                    (_, Some(s), _) => (draft::SourceKind::Replies, s),
                    (_, _, Some(s)) => (draft::SourceKind::FollowUp, s),
                    _ => return Err(Error::InvalidInput(
                        "name the source: --report SYMBOL, --replies SYMBOL or --follow-up SYMBOL"
                            .into(),
                    )),
                };
            if kind != draft::SourceKind::FollowUp && para.is_none() {
                return Err(Error::InvalidInput(
                    "--para: the report's paragraph or the question the reply answers".into(),
                ));
            }
            let source = draft::SourceRef {
                kind,
                symbol,
                paragraph: para,
            };
            let view = draft::apply_worked_out(&mut lib, id, |c| {
                Ok(DraftOp::CiteSource {
                    question: c.id_of_number(question)?,
                    source,
                })
            })?;
            if json {
                print_json(&view)?;
            } else if let Some(q) = view.questions.get(question.saturating_sub(1)) {
                out!("{}. {}", q.number, q.text);
            }
        }
        DraftCommand::Add {
            id,
            after,
            section,
            text,
        } => {
            // The app's operation: after a question, in its section; in a
            // section; else at the end of the last section with questions.
            let section = section.map(|s| {
                s.split('>')
                    .map(|p| p.trim().to_string())
                    .filter(|p| !p.is_empty())
                    .collect::<Vec<_>>()
            });
            draft::apply_worked_out(&mut lib, id, |c| {
                Ok(DraftOp::AddQuestion {
                    section,
                    after: after.map(|n| c.id_of_number(n)).transpose()?,
                    text,
                })
            })?;
        }
        DraftCommand::Remove { id, question } => {
            draft::apply_worked_out(&mut lib, id, |c| {
                Ok(DraftOp::Delete {
                    question: c.id_of_number(question)?,
                })
            })?;
        }
        DraftCommand::Move { id, question, to } => {
            draft::apply_worked_out(&mut lib, id, |c| {
                Ok(DraftOp::Reorder {
                    question: c.id_of_number(question)?,
                    to: to.saturating_sub(1),
                })
            })?;
        }
        DraftCommand::Merge {
            id,
            file,
            version,
            accept_all_but_conflicts,
            json,
        } => {
            let review = draft::review::bring_in(&mut lib, id, &file, version)?;
            if accept_all_but_conflicts {
                let decided = draft::review::decide(
                    &mut lib,
                    review.id,
                    &draft::review::Accept::AllButConflicts,
                    &[],
                )?;
                let review = draft::review::load(lib.connection(), review.id)?;
                let report = draft::review::report(&review, &decided.draft.content);
                let conflicts: Vec<_> = report
                    .items
                    .iter()
                    .filter(|i| decided.conflicts_left.contains(&i.n))
                    .cloned()
                    .collect();
                if json {
                    print_json(&serde_json::json!({
                        "review": review.id,
                        "base_version": review.base_version,
                        "applied": decided.accepted,
                        "version_before": decided.version_before,
                        "conflicts": conflicts,
                        "comments": report.comments,
                    }))?;
                } else {
                    out!(
                        "review {}: {} applied, {} conflicts left (loi draft review {} --accept N or --reject N)",
                        review.id,
                        decided.accepted.len(),
                        conflicts.len(),
                        review.id
                    );
                    print_items(&conflicts);
                }
            } else {
                let draft_now = draft::load(lib.connection(), id)?;
                let report = draft::review::report(&review, &draft_now.content);
                if json {
                    print_json(&report)?;
                } else {
                    out!(
                        "review {} of draft {id} against version {}{}: {} proposals ({} conflicts), {} comments",
                        review.id,
                        review.base_version,
                        if review.recognised { "" } else { " (chosen by content: the file does not name its version)" },
                        report.items.len(),
                        report.items.iter().filter(|i| i.conflict).count(),
                        report.comments.len()
                    );
                    print_items(&report.items);
                    for c in &report.comments {
                        out!(
                            "  comment on {} by {}: {}",
                            c.question
                                .map(|n| format!("question {n}"))
                                .unwrap_or_else(|| "the list".into()),
                            c.author,
                            c.text
                        );
                    }
                }
            }
        }
        DraftCommand::Review {
            review,
            accept,
            accept_from,
            reject,
            json,
        } => {
            let numbers = |s: &str| -> Result<Vec<usize>> {
                s.split(',')
                    .filter(|p| !p.trim().is_empty())
                    .map(|p| {
                        p.trim().parse().map_err(|_| {
                            Error::InvalidInput(format!("\"{p}\" is not a proposal number"))
                        })
                    })
                    .collect()
            };
            let accept = match (accept.as_deref(), accept_from) {
                (Some(_), Some(_)) => {
                    return Err(Error::InvalidInput(
                        "give --accept or --accept-from, not both".into(),
                    ))
                }
                (Some("all"), None) => draft::review::Accept::All,
                (Some(list), None) => draft::review::Accept::Items(numbers(list)?),
                (None, Some(a)) => draft::review::Accept::Author(a),
                (None, None) => draft::review::Accept::None,
            };
            let reject = reject
                .as_deref()
                .map(numbers)
                .transpose()?
                .unwrap_or_default();
            let decided = draft::review::decide(&mut lib, review, &accept, &reject)?;
            if json {
                print_json(&serde_json::json!({
                    "review": decided.review,
                    "accepted": decided.accepted,
                    "rejected": decided.rejected,
                    "pending": decided.pending,
                    "conflicts_left": decided.conflicts_left,
                    "version_before": decided.version_before,
                    "draft": decided.draft.id,
                    "questions": decided.draft.content.questions.len(),
                }))?;
            } else {
                out!(
                    "review {}: {} accepted, {} rejected, {} still to decide{}",
                    decided.review,
                    decided.accepted.len(),
                    decided.rejected.len(),
                    decided.pending.len(),
                    decided
                        .version_before
                        .map(|v| format!(
                            " (version {v} saved before; loi draft undo {} takes it back)",
                            decided.draft.id
                        ))
                        .unwrap_or_default()
                );
            }
        }
        DraftCommand::Share { id, out, by } => {
            let bytes = draft::share::share(&mut lib, id, by.as_deref())?;
            export::write_file(&out, &bytes)?;
            out!("wrote {}", out.display());
        }
        DraftCommand::Open { file, into, json } => match into {
            Some(id) => {
                let review = draft::review::bring_in(&mut lib, id, &file, None)?;
                let d = draft::load(lib.connection(), id)?;
                let report = draft::review::report(&review, &d.content);
                if json {
                    print_json(&report)?;
                } else {
                    out!(
                        "review {} of draft {id}: {} proposals ({} conflicts)",
                        review.id,
                        report.items.len(),
                        report.items.iter().filter(|i| i.conflict).count()
                    );
                    print_items(&report.items);
                }
            }
            None => {
                let d = draft::share::open_new(&mut lib, &file)?;
                if json {
                    print_json(
                        &serde_json::json!({"draft": d.id, "uid": d.uid, "questions": d.content.questions.len()}),
                    )?;
                } else {
                    out!(
                        "opened as draft {} ({} questions)",
                        d.id,
                        d.content.questions.len()
                    );
                }
            }
        },
        DraftCommand::Join { id, question } => {
            draft::apply_worked_out(&mut lib, id, |c| {
                Ok(DraftOp::MergeWithNext {
                    question: c.id_of_number(question)?,
                })
            })?;
        }
        DraftCommand::Split {
            id,
            question,
            before,
        } => {
            draft::apply_worked_out(&mut lib, id, |c| {
                let qid = c.id_of_number(question)?;
                let at = c.question(qid)?.text.find(&before).ok_or_else(|| {
                    Error::InvalidInput(format!(
                        "question {question} does not contain \"{before}\""
                    ))
                })?;
                Ok(DraftOp::Split { question: qid, at })
            })?;
        }
        DraftCommand::Undo { id } => {
            draft::change(&mut lib, id, Change::Undo)?;
        }
        DraftCommand::Redo { id } => {
            draft::change(&mut lib, id, Change::Redo)?;
        }
        DraftCommand::Delete { id } => {
            draft::delete(lib.connection(), id)?;
            out!("deleted draft {id}");
        }
    }
    Ok(())
}
