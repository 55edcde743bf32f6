//! Comparing lists: naming a list as the user names it ([`ListRef`]: a draft,
//! a version of it, a stored list of issues, a file), the lists of a State
//! party that can be compared, and the comparison itself (with [`crate::diff`]).

use serde::{Deserialize, Serialize};

use crate::draft;
use crate::error::{Error, Result};
use crate::library::Library;
use crate::model::{Document, IssueList};

/// A moment stored in UTC ("2026-12-01T21:16:05.123Z") as the laptop's clock
/// reads it: "2026-12-01 22:16" in Geneva.
pub(crate) fn local_time(stored: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(stored)
        .map(|t| {
            t.with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| stored.to_string())
}

/// A list the rapporteur can compare: its name for [`resolve_list`] and a label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListChoice {
    pub name: String,
    pub label: String,
}

/// The lists of a State party that can be compared: stored lists of issues,
/// drafts as they are now, and their named versions.
pub fn comparable_lists(lib: &mut Library, state: &str) -> Result<Vec<ListChoice>> {
    let mut out = Vec::new();
    for d in lib.documents(Some(state))? {
        if d.kind.is_list_of_issues() {
            out.push(ListChoice {
                name: format!("doc:{}", d.id),
                label: format!(
                    "{} (in the library)",
                    d.symbol.as_deref().unwrap_or(&d.source_name)
                ),
            });
        }
    }
    for d in draft::list(lib.connection(), Some(state))? {
        out.push(ListChoice {
            name: format!("draft:{}", d.id),
            label: format!("Draft {} {} (current)", d.id, d.symbol),
        });
        for v in draft::versions(lib.connection(), d.id)? {
            out.push(ListChoice {
                name: format!("draft:{}@{}", d.id, v.id),
                label: format!(
                    "Draft {} — version “{}”, {}",
                    d.id,
                    v.name,
                    local_time(&v.created_at)
                ),
            });
        }
    }
    Ok(out)
}

/// Compares two lists named as [`resolve_list`] names them.
pub fn compare(lib: &mut Library, old: &str, new: &str) -> Result<crate::diff::ListDiff> {
    let a = resolve_list(lib, old)?;
    let b = resolve_list(lib, new)?;
    Ok(crate::diff::diff_lists(&a, &b))
}

/// A list as the user names it: `draft:ID` (a draft as it is now),
/// `draft:ID@VERSION` (a named version), `doc:ID` (a stored document), or a
/// file path or the symbol of a stored list of issues (`Named`, told apart
/// when it is read: a path that is a file is the file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListRef {
    Draft { id: i64, version: Option<i64> },
    Document(i64),
    Named(String),
}

impl std::str::FromStr for ListRef {
    type Err = Error;

    fn from_str(name: &str) -> Result<ListRef> {
        let name = name.trim();
        if let Some(rest) = name.strip_prefix("draft:") {
            let (id, version) = match rest.split_once('@') {
                Some((id, v)) => (id, Some(v)),
                None => (rest, None),
            };
            let id: i64 = id.trim().parse().map_err(|_| {
                Error::InvalidInput(format!(
                    "\"{name}\": a draft is named draft:ID or draft:ID@VERSION"
                ))
            })?;
            let version = match version {
                Some(v) => Some(v.trim().parse().map_err(|_| {
                    Error::InvalidInput(format!("\"{name}\": the version is a number"))
                })?),
                None => None,
            };
            return Ok(ListRef::Draft { id, version });
        }
        if let Some(id) = name.strip_prefix("doc:") {
            let id: i64 = id.trim().parse().map_err(|_| {
                Error::InvalidInput(format!("\"{name}\": a stored document is named doc:ID"))
            })?;
            return Ok(ListRef::Document(id));
        }
        if name.is_empty() {
            return Err(Error::InvalidInput(
                "name a list: draft:ID, doc:ID, a symbol or a file".into(),
            ));
        }
        Ok(ListRef::Named(name.to_string()))
    }
}

impl std::fmt::Display for ListRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ListRef::Draft { id, version: None } => write!(f, "draft:{id}"),
            ListRef::Draft {
                id,
                version: Some(v),
            } => write!(f, "draft:{id}@{v}"),
            ListRef::Document(id) => write!(f, "doc:{id}"),
            ListRef::Named(n) => f.write_str(n),
        }
    }
}

/// Reads a list of issues to compare or export, named as the user names it
/// (see [`ListRef`]).
pub fn resolve_list(lib: &mut Library, name: &str) -> Result<IssueList> {
    if let ListRef::Draft { id, version } = name.parse()? {
        let draft = draft::load(lib.connection(), id)?;
        return Ok(match version {
            None => draft.to_issue_list(),
            Some(v) => draft::version_content(lib.connection(), id, v)?
                .to_issue_list(&draft.committee, &draft.state),
        });
    }
    Ok(crate::issue_list::issue_list_from_document(&list_document(
        lib, name,
    )?))
}

/// A real list of issues named as the user names it: a file path (read and
/// parsed, nothing stored), `doc:ID` or the symbol of a stored list.
pub fn list_document(lib: &Library, name: &str) -> Result<Document> {
    let doc = match name.parse()? {
        ListRef::Draft { .. } => {
            return Err(Error::InvalidInput(format!(
                "{name} is a draft, not a list of issues in the library"
            )))
        }
        ListRef::Document(id) => lib.document(id)?,
        ListRef::Named(n) if std::path::Path::new(&n).is_file() => {
            let extracted = crate::import::extract_file(std::path::Path::new(&n))?;
            crate::parse::parse_text(&extracted.text)
        }
        ListRef::Named(n) => lib.document_by_symbol(&n)?.map(|(_, d)| d).ok_or_else(|| {
            Error::NotFound(format!(
                "\"{n}\" (a file, draft:ID, doc:ID or the symbol of a stored list of issues)"
            ))
        })?,
    };
    if !doc.kind.is_list_of_issues() {
        return Err(Error::InvalidInput(format!(
            "{name} is not a list of issues"
        )));
    }
    Ok(doc)
}
