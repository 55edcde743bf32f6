//! Tauri commands: each one calls a `loi_core` function, off the UI thread, and
//! maps errors to `{code, message}`.

use loi_core::library::{DocumentSummary, Library, SearchHit, StateSummary};
use loi_core::link::RecommendationView;
use loi_core::model::CitationStyle;
use loi_core::ErrorPayload;
use serde::Serialize;
use tauri::State;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::PoisonError;

use crate::AppState;

type CommandResult<T> = Result<T, ErrorPayload>;

fn payload(code: &str, message: impl Into<String>) -> ErrorPayload {
    ErrorPayload {
        code: code.into(),
        message: message.into(),
    }
}

/// Runs `f` with the library on a blocking thread.
async fn with_library<T, F>(state: &State<'_, AppState>, f: F) -> CommandResult<T>
where
    T: Send + 'static,
    F: FnOnce(&mut Library) -> loi_core::Result<T> + Send + 'static,
{
    let state = AppState::clone(state);
    tauri::async_runtime::spawn_blocking(move || {
        locked(&state, |lib| f(lib).map_err(ErrorPayload::from))
    })
    .await
    .map_err(|e| payload("internal", e.to_string()))?
}

/// Runs `f` with the library locked (or says why there is none yet). A panic
/// inside `f` is one failed action: it is caught before the lock is released,
/// so the lock is never poisoned (and one poisoned anyway is recovered). Every
/// error is logged here, once, with its code.
fn locked<T>(
    state: &AppState,
    f: impl FnOnce(&mut Library) -> CommandResult<T>,
) -> CommandResult<T> {
    let mut guard = state.library.lock().unwrap_or_else(PoisonError::into_inner);
    let result = match guard.as_mut() {
        Some(lib) => match catch_unwind(AssertUnwindSafe(|| f(lib))) {
            Ok(result) => result,
            Err(_) => Err(payload(
                "internal",
                "LOI Drafter met an internal error; nothing was changed (Help → Open log folder has the details)",
            )),
        },
        None => Err(state
            .opening_error
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
            .unwrap_or_else(|| payload("not_ready", "the library is still opening"))),
    };
    if let Err(e) = &result {
        if e.code != "not_ready" {
            loi_core::logs::error(&e.code, &e.message);
        }
    }
    result
}

/// Makes a change to a draft (`draft::change_showing`): the draft comes back
/// as soon as the change is written, and its commit (the flush to disk) goes on
/// on the same thread with the library still locked, so whatever comes next
/// reads it saved. A commit that fails after the draft came back is kept for
/// [`draft_saved`].
async fn change_draft(
    state: &State<'_, AppState>,
    id: i64,
    change: Change,
) -> CommandResult<DraftView> {
    let state = AppState::clone(state);
    let (sender, receiver) = tokio::sync::oneshot::channel::<CommandResult<DraftView>>();
    tauri::async_runtime::spawn_blocking(move || {
        let mut sender = Some(sender);
        let result = locked(&state, |lib| {
            let result = draft::change_showing(lib, id, change, |view| {
                if let Some(s) = sender.take() {
                    let _ = s.send(Ok(view));
                }
            })
            .map_err(ErrorPayload::from);
            if let (Err(e), None) = (&result, &sender) {
                if let Ok(mut slot) = state.save_error.lock() {
                    *slot = Some(e.clone());
                }
            }
            result
        });
        if let (Some(s), Err(e)) = (sender, result) {
            let _ = s.send(Err(e));
        }
    });
    receiver
        .await
        .map_err(|_| payload("internal", "the change was lost before it was shown"))?
}

#[derive(Serialize)]
pub struct AppInfo {
    version: &'static str,
    library_path: Option<String>,
    ready: bool,
}

/// Called once by the UI when the first screen is drawn: the milliseconds since
/// launch (printed on stderr when `LOI_STARTUP_TIMING` is set).
#[tauri::command]
pub fn interactive() -> f64 {
    let ms = crate::since_launch();
    if std::env::var_os("LOI_STARTUP_TIMING").is_some() {
        eprintln!("LOI Drafter: interactive {ms:.0} ms after launch");
    }
    ms
}

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> CommandResult<AppInfo> {
    let guard = state.library.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(e) = state
        .opening_error
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone()
    {
        return Err(e);
    }
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION"),
        library_path: guard.as_ref().map(|l| l.path().display().to_string()),
        ready: guard.is_some(),
    })
}

#[tauri::command]
pub async fn list_states(state: State<'_, AppState>) -> CommandResult<Vec<StateSummary>> {
    with_library(&state, |lib| lib.states()).await
}

#[tauri::command]
pub async fn list_documents(
    state: State<'_, AppState>,
    code: Option<String>,
) -> CommandResult<Vec<DocumentSummary>> {
    with_library(&state, move |lib| lib.documents(code.as_deref())).await
}

#[tauri::command]
pub async fn recommendations(
    state: State<'_, AppState>,
    code: String,
    committee: Option<String>,
) -> CommandResult<Vec<RecommendationView>> {
    with_library(&state, move |lib| {
        loi_core::link::recommendations_for(lib, &code, committee.as_deref())
    })
    .await
}

/// The kinds of list, limits and citation style of a committee's new draft.
#[tauri::command]
pub async fn draft_choices(
    state: State<'_, AppState>,
    code: String,
    committee: Option<String>,
) -> CommandResult<loi_core::committees::DraftChoices> {
    with_library(&state, move |lib| {
        loi_core::committees::draft_choices(lib, &code, committee.as_deref())
    })
    .await
}

#[tauri::command]
pub async fn search(
    state: State<'_, AppState>,
    query: String,
    code: Option<String>,
) -> CommandResult<Vec<SearchHit>> {
    with_library(&state, move |lib| lib.search(&query, code.as_deref(), 100)).await
}

// ---------------------------------------------------------------------------
// Library changes

#[tauri::command]
pub async fn import_files(
    state: State<'_, AppState>,
    paths: Vec<String>,
) -> CommandResult<Vec<loi_core::library::FileResult>> {
    let paths: Vec<std::path::PathBuf> = paths.into_iter().map(Into::into).collect();
    with_library(&state, move |lib| {
        Ok(lib.import_files(&paths, &Default::default()))
    })
    .await
}

/// The readable files of what was chosen or dropped, folders opened (see
/// `library::documents_in`): the UI imports them one by one.
#[tauri::command]
pub async fn files_to_import(paths: Vec<String>) -> CommandResult<Vec<String>> {
    let paths: Vec<std::path::PathBuf> = paths.into_iter().map(Into::into).collect();
    tauri::async_runtime::spawn_blocking(move || {
        loi_core::library::documents_in(&paths, 100_000)
            .into_iter()
            .map(|p| p.display().to_string())
            .collect()
    })
    .await
    .map_err(|e| payload("internal", e.to_string()))
}

/// The documents an older version of the reader read (the UI reads them again
/// one by one, in the background).
#[tauri::command]
pub async fn documents_to_reread(state: State<'_, AppState>) -> CommandResult<Vec<i64>> {
    with_library(&state, |lib| lib.documents_to_reread()).await
}

/// Reads a stored document again, keeping the corrections made to it.
#[tauri::command]
pub async fn reread_document(
    state: State<'_, AppState>,
    id: i64,
) -> CommandResult<DocumentSummary> {
    with_library(&state, move |lib| lib.reread(id)).await
}

#[tauri::command]
pub async fn update_metadata(
    state: State<'_, AppState>,
    id: i64,
    overrides: loi_core::library::MetadataOverrides,
) -> CommandResult<DocumentSummary> {
    with_library(&state, move |lib| lib.update_metadata(id, &overrides)).await
}

#[tauri::command]
pub async fn delete_document(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    with_library(&state, move |lib| lib.delete_document(id)).await
}

/// A stored document as read (its paragraphs), to show a search hit in context.
#[tauri::command]
pub async fn get_document(
    state: State<'_, AppState>,
    id: i64,
) -> CommandResult<loi_core::model::Document> {
    with_library(&state, move |lib| lib.document(id)).await
}

// ---------------------------------------------------------------------------
// Drafts

use loi_core::compare::ListChoice;
use loi_core::draft::{self, Change, DraftOp, DraftSummary, DraftVersion, DraftView, NewDraft};

#[tauri::command]
pub async fn new_draft(state: State<'_, AppState>, request: NewDraft) -> CommandResult<DraftView> {
    with_library(&state, move |lib| {
        let d = draft::new_draft(lib, &request)?;
        draft::view(lib, d.id)
    })
    .await
}

#[tauri::command]
pub async fn list_drafts(
    state: State<'_, AppState>,
    code: Option<String>,
) -> CommandResult<Vec<DraftSummary>> {
    with_library(&state, move |lib| {
        draft::list(lib.connection(), code.as_deref())
    })
    .await
}

#[tauri::command]
pub async fn get_draft(state: State<'_, AppState>, id: i64) -> CommandResult<DraftView> {
    with_library(&state, move |lib| draft::view(lib, id)).await
}

/// What other committees asked the State party on the topics of a draft's questions.
#[tauri::command]
pub async fn draft_overlaps(
    state: State<'_, AppState>,
    id: i64,
) -> CommandResult<Vec<loi_core::overlaps::Overlap>> {
    with_library(&state, move |lib| loi_core::overlaps::of_draft(lib, id)).await
}

#[tauri::command]
pub async fn edit_draft(
    state: State<'_, AppState>,
    id: i64,
    op: DraftOp,
) -> CommandResult<DraftView> {
    change_draft(&state, id, Change::Edit(op)).await
}

#[tauri::command]
pub async fn undo_draft(state: State<'_, AppState>, id: i64) -> CommandResult<DraftView> {
    change_draft(&state, id, Change::Undo).await
}

#[tauri::command]
pub async fn redo_draft(state: State<'_, AppState>, id: i64) -> CommandResult<DraftView> {
    change_draft(&state, id, Change::Redo).await
}

/// Returns once every change the editor was shown is on disk, with the error of
/// a commit that failed since the last call, if one did.
#[tauri::command]
pub async fn draft_saved(state: State<'_, AppState>) -> CommandResult<()> {
    let save_error = state.save_error.clone();
    with_library(&state, |_| Ok(())).await?;
    match save_error.lock().ok().and_then(|mut e| e.take()) {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

#[tauri::command]
pub async fn save_version(
    state: State<'_, AppState>,
    id: i64,
    name: String,
) -> CommandResult<DraftVersion> {
    with_library(&state, move |lib| {
        draft::save_version(lib.connection(), id, &name)
    })
    .await
}

#[tauri::command]
pub async fn list_versions(
    state: State<'_, AppState>,
    id: i64,
) -> CommandResult<Vec<DraftVersion>> {
    with_library(&state, move |lib| draft::versions(lib.connection(), id)).await
}

#[tauri::command]
pub async fn restore_version(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
) -> CommandResult<DraftView> {
    with_library(&state, move |lib| {
        draft::restore(lib.connection(), id, version)?;
        draft::view(lib, id)
    })
    .await
}

// ---------------------------------------------------------------------------
// Compare and export

#[tauri::command]
pub async fn comparable_lists(
    state: State<'_, AppState>,
    code: String,
) -> CommandResult<Vec<ListChoice>> {
    with_library(&state, move |lib| {
        loi_core::compare::comparable_lists(lib, &code)
    })
    .await
}

#[tauri::command]
pub async fn compare(
    state: State<'_, AppState>,
    old: String,
    new: String,
) -> CommandResult<loi_core::diff::ListDiff> {
    with_library(&state, move |lib| {
        loi_core::compare::compare(lib, &old, &new)
    })
    .await
}

#[tauri::command]
pub async fn export_list(
    state: State<'_, AppState>,
    name: String,
    path: String,
    citations: Option<CitationStyle>,
    comments: Option<bool>,
) -> CommandResult<String> {
    with_library(&state, move |lib| {
        let format = loi_core::export::ExportFormat::parse(&path).ok_or_else(|| {
            loi_core::Error::InvalidInput(
                "choose a file ending in .docx, .txt, .md or .html".into(),
            )
        })?;
        // A draft is sent with its provenance (and saved as a version when it
        // changed since the last one), so that the file is recognised back.
        let bytes = loi_core::draft::send::export_named(
            lib,
            &name,
            format,
            citations.unwrap_or_default(),
            &Default::default(),
            comments.unwrap_or(false),
        )?;
        loi_core::export::write_file(std::path::Path::new(&path), &bytes)?;
        Ok(path)
    })
    .await
}

#[tauri::command]
pub async fn export_comparison(
    state: State<'_, AppState>,
    old: String,
    new: String,
    path: String,
    author: Option<String>,
) -> CommandResult<String> {
    with_library(&state, move |lib| {
        let a = loi_core::compare::resolve_list(lib, &old)?;
        let b = loi_core::compare::resolve_list(lib, &new)?;
        let d = loi_core::diff::diff_lists(&a, &b);
        let bytes = if path.to_lowercase().ends_with(".html") {
            loi_core::export::diff_to_html(&d, &old, &new)
        } else {
            let opts = loi_core::export::ExportOptions {
                author: author.unwrap_or_else(|| "LOI Drafter".into()),
                ..Default::default()
            };
            loi_core::export::diff_to_docx(&d, &b, &opts)?
        };
        loi_core::export::write_file(std::path::Path::new(&path), &bytes)?;
        Ok(path)
    })
    .await
}

/// The list as HTML and as plain text, for the clipboard.
#[derive(Serialize)]
pub struct ClipboardContent {
    html: String,
    text: String,
}

#[tauri::command]
pub async fn copy_list(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    name: String,
    citations: Option<CitationStyle>,
) -> CommandResult<()> {
    let content = with_library(&state, move |lib| {
        let list = loi_core::compare::resolve_list(lib, &name)?
            .with_citation_style(citations.unwrap_or_default());
        let opts = Default::default();
        Ok(ClipboardContent {
            html: loi_core::export::to_html(&list, &opts),
            text: loi_core::export::to_txt(&list, &opts)
                .trim_start_matches('\u{feff}')
                .to_string(),
        })
    })
    .await?;
    use tauri_plugin_clipboard_manager::ClipboardExt;
    app.clipboard()
        .write_html(content.html, Some(content.text))
        .map_err(|e| payload("clipboard", format!("could not copy: {e}")))
}

// ---------------------------------------------------------------------------
// Drafts travel: changes brought back in, shared drafts

use loi_core::draft::review::{self, Accept, ReviewView};

/// The draft of the library a returned Word file or a shared draft names.
#[tauri::command]
pub async fn draft_for_file(
    state: State<'_, AppState>,
    path: String,
) -> CommandResult<Option<i64>> {
    with_library(&state, move |lib| {
        review::draft_named_by(lib, std::path::Path::new(&path))
    })
    .await
}

/// Brings in the changes of a returned file for draft `id` (or the draft the
/// file names): a review of proposals; nothing in the draft changes.
#[tauri::command]
pub async fn bring_in_changes(
    state: State<'_, AppState>,
    id: Option<i64>,
    path: String,
    version: Option<i64>,
) -> CommandResult<ReviewView> {
    with_library(&state, move |lib| {
        let path = std::path::Path::new(&path);
        let id = match id {
            Some(id) => id,
            None => review::draft_named_by(lib, path)?.ok_or_else(|| {
                loi_core::Error::InvalidInput(
                    "this file does not name a draft of this library: open the draft it was sent from, then bring the changes in".into(),
                )
            })?,
        };
        let r = review::bring_in(lib, id, path, version)?;
        review::view(lib.connection(), r.id)
    })
    .await
}

#[tauri::command]
pub async fn get_review(state: State<'_, AppState>, id: i64) -> CommandResult<ReviewView> {
    with_library(&state, move |lib| review::view(lib.connection(), id)).await
}

/// A draft's reviews, newest first.
#[tauri::command]
pub async fn list_reviews(
    state: State<'_, AppState>,
    id: i64,
) -> CommandResult<Vec<review::ReviewSummary>> {
    with_library(&state, move |lib| review::summaries(lib.connection(), id)).await
}

/// Accepts and rejects proposals (one undo step, a version saved before).
#[tauri::command]
pub async fn decide_review(
    state: State<'_, AppState>,
    id: i64,
    accept: Accept,
    reject: Vec<usize>,
) -> CommandResult<ReviewView> {
    with_library(&state, move |lib| {
        review::decide(lib, id, &accept, &reject)?;
        review::view(lib.connection(), id)
    })
    .await
}

/// Sets aside a review nothing was decided on.
#[tauri::command]
pub async fn discard_review(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    with_library(&state, move |lib| review::discard(lib, id)).await
}

#[tauri::command]
pub async fn share_draft(
    state: State<'_, AppState>,
    id: i64,
    path: String,
) -> CommandResult<String> {
    with_library(&state, move |lib| {
        let bytes = loi_core::draft::share::share(lib, id, None)?;
        loi_core::export::write_file(std::path::Path::new(&path), &bytes)?;
        Ok(path)
    })
    .await
}

/// A shared draft opened: merged into the draft it is (when the library has
/// it) as a review, or as a new draft.
#[derive(Serialize)]
pub struct OpenedShared {
    draft_id: i64,
    review: Option<ReviewView>,
}

#[tauri::command]
pub async fn open_shared_draft(
    state: State<'_, AppState>,
    path: String,
) -> CommandResult<OpenedShared> {
    with_library(&state, move |lib| {
        let path = std::path::Path::new(&path);
        match review::draft_named_by(lib, path)? {
            Some(id) => {
                let r = review::bring_in(lib, id, path, None)?;
                Ok(OpenedShared {
                    draft_id: id,
                    review: Some(review::view(lib.connection(), r.id)?),
                })
            }
            None => Ok(OpenedShared {
                draft_id: loi_core::draft::share::open_new(lib, path)?.id,
                review: None,
            }),
        }
    })
    .await
}

/// Where the log files are, for Help → "Open log folder" and bug reports.
#[tauri::command]
pub fn log_folder() -> CommandResult<String> {
    loi_core::logs::log_dir()
        .map(|d| d.display().to_string())
        .ok_or_else(|| payload("not_found", "this system has no log folder"))
}

/// Opens the log folder in the system's file manager.
#[tauri::command]
pub fn open_log_folder() -> CommandResult<String> {
    let dir = loi_core::logs::log_dir()
        .ok_or_else(|| payload("not_found", "this system has no log folder"))?;
    std::fs::create_dir_all(&dir).map_err(|e| payload("io", format!("{}: {e}", dir.display())))?;
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    std::process::Command::new(opener)
        .arg(&dir)
        .spawn()
        .map_err(|e| {
            payload(
                "io",
                format!("could not open {} ({e}); the logs are there", dir.display()),
            )
        })?;
    Ok(dir.display().to_string())
}
