//! Tauri commands: each one calls a `loi_core` function, off the UI thread, and
//! maps errors to `{code, message}`.

use loi_core::library::{DocumentSummary, Library, SearchHit, StateSummary};
use loi_core::link::RecommendationView;
use loi_core::ErrorPayload;
use serde::Serialize;
use tauri::State;

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
    let library = state.library.clone();
    let opening_error = state.opening_error.clone();
    tauri::async_runtime::spawn_blocking(move || {
        let mut guard = library
            .lock()
            .map_err(|_| payload("internal", "the library is unavailable"))?;
        match guard.as_mut() {
            Some(lib) => f(lib).map_err(ErrorPayload::from),
            None => Err(opening_error
                .lock()
                .ok()
                .and_then(|e| e.clone())
                .unwrap_or_else(|| payload("not_ready", "the library is still opening"))),
        }
    })
    .await
    .map_err(|e| payload("internal", e.to_string()))?
}

#[derive(Serialize)]
pub struct AppInfo {
    version: &'static str,
    library_path: Option<String>,
    ready: bool,
}

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> CommandResult<AppInfo> {
    let guard = state
        .library
        .lock()
        .map_err(|_| payload("internal", "the library is unavailable"))?;
    if let Some(e) = state.opening_error.lock().ok().and_then(|e| e.clone()) {
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
) -> CommandResult<Vec<RecommendationView>> {
    with_library(&state, move |lib| {
        loi_core::link::recommendations(lib, &code)
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
