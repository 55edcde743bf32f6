//! Sending a draft out: every file exported for a draft (.docx, .txt, .md)
//! records the draft's global id and the version sent — a saved version,
//! created at export when the draft has changed since its last one — so that
//! the file is recognised when it comes back.

use crate::compare;
use crate::draft;
use crate::error::Result;
use crate::export::{self, ExportFormat, ExportOptions, Provenance};
use crate::library::Library;
use crate::model::CitationStyle;

/// Exports the list named as the user names it (see
/// [`compare::resolve_list`]), its citations written in `style`. A draft
/// (`draft:ID`, or `draft:ID@VERSION` for a saved version) is exported with
/// its provenance; exporting the current state saves it as a version first
/// when it is not one. `with_comments` prints the comments kept with a draft's
/// questions (never printed otherwise).
pub fn export_named(
    lib: &mut Library,
    name: &str,
    format: ExportFormat,
    style: CitationStyle,
    opts: &ExportOptions,
    with_comments: bool,
) -> Result<Vec<u8>> {
    let reference: compare::ListRef = name.parse()?;
    let compare::ListRef::Draft { id, version } = reference else {
        let list = compare::resolve_list(lib, name)?.with_citation_style(style);
        return export::export(&list, format, opts);
    };
    let lib: &Library = lib;
    let tx = rusqlite::Transaction::new_unchecked(
        lib.shared_connection(),
        rusqlite::TransactionBehavior::Immediate,
    )?;
    let draft = draft::load(&tx, id)?;
    let (content, sent) = match version {
        Some(v) => {
            let content = draft::version_content(&tx, id, v)?;
            (content, draft::version(&tx, id, v)?)
        }
        None => {
            let what = match format {
                ExportFormat::Docx => "Word file",
                ExportFormat::Txt => "text file",
                ExportFormat::Md => "markdown file",
                ExportFormat::Html => "web page",
            };
            let stamp = chrono::Local::now().format("%-d %B %Y %H:%M");
            let sent = super::share::sent_version(&tx, id, &format!("Sent as a {what}, {stamp}"))?;
            (draft.content.clone(), sent)
        }
    };
    draft::mark_sent(&tx, sent.id)?;
    tx.commit()?;
    let list = content.to_issue_list(&draft.committee, &draft.state);
    let comments = if with_comments {
        content
            .questions
            .iter()
            .map(|q| {
                q.comments
                    .iter()
                    .map(|c| export::ExportComment {
                        author: c.author.clone(),
                        date: c.date.clone(),
                        text: c.text.clone(),
                    })
                    .collect()
            })
            .collect()
    } else {
        Vec::new()
    };
    let opts = ExportOptions {
        comments,
        provenance: Some(Provenance {
            draft_uid: draft.uid.clone(),
            version_uid: sent.uid,
            citations: style,
        }),
        ..opts.clone()
    };
    export::export(&list.with_citation_style(style), format, &opts)
}
