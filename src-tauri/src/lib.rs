//! The LOI Drafter desktop app: a thin Tauri layer over `loi_core`. Every
//! command calls a core function; errors reach the UI as `{code, message}`.

mod commands;
mod menus;

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use loi_core::library::Library;

/// The library, opened in the background after the window shows.
#[derive(Clone, Default)]
pub struct AppState {
    pub library: Arc<Mutex<Option<Library>>>,
    pub opening_error: Arc<Mutex<Option<loi_core::ErrorPayload>>>,
    /// A draft change shown in the editor whose commit then failed (see
    /// `commands::draft_saved`).
    pub save_error: Arc<Mutex<Option<loi_core::ErrorPayload>>>,
}

static LAUNCHED: OnceLock<Instant> = OnceLock::new();

/// Notes the moment the process started (the start-up time is measured from it).
pub fn mark_launch() {
    LAUNCHED.get_or_init(Instant::now);
}

/// Milliseconds since the process started.
pub fn since_launch() -> f64 {
    LAUNCHED.get_or_init(Instant::now).elapsed().as_secs_f64() * 1000.0
}

/// Saves the window's size and place 500 ms after it last moved or resized, so a
/// crash does not lose it (the plugin itself saves only on a clean exit).
fn remember_window(window: &tauri::Window) {
    static GENERATION: AtomicU64 = AtomicU64::new(0);
    let mine = GENERATION.fetch_add(1, Ordering::SeqCst) + 1;
    use tauri::Manager;
    let app = window.app_handle().clone();
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(Duration::from_millis(500)).await;
        if GENERATION.load(Ordering::SeqCst) == mine {
            use tauri_plugin_window_state::{AppHandleExt, StateFlags};
            let _ = app.save_window_state(StateFlags::all());
        }
    });
}

/// `--db PATH` on the command line, else `LOI_DB`, else the app-data folder.
fn library_path() -> Result<PathBuf, loi_core::Error> {
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--db" {
            if let Some(p) = args.next() {
                return Ok(PathBuf::from(p));
            }
        } else if let Some(p) = a.strip_prefix("--db=") {
            return Ok(PathBuf::from(p));
        }
    }
    Library::default_path()
}

pub fn run() {
    let state = AppState::default();
    let opener = state.clone();
    tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            use tauri::Manager;
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.unminimize();
                let _ = w.set_focus();
            }
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .on_window_event(|window, event| {
            if matches!(
                event,
                tauri::WindowEvent::Resized(_) | tauri::WindowEvent::Moved(_)
            ) {
                remember_window(window);
            }
        })
        .manage(state)
        .setup(move |app| {
            app.set_menu(menus::build(app.handle())?)?;
            app.on_menu_event(|app, event| {
                use tauri::Emitter;
                let _ = app.emit("menu", event.id().0.clone());
            });
            // Open (and on first use seed) the library off the main thread.
            std::thread::spawn(move || {
                let opened = library_path().and_then(|p| {
                    let mut lib = Library::open(&p)?;
                    lib.ensure_seeded()?;
                    Ok(lib)
                });
                match opened {
                    Ok(lib) => {
                        if let Ok(mut slot) = opener.library.lock() {
                            *slot = Some(lib);
                        }
                    }
                    Err(e) => {
                        loi_core::logs::error(e.code(), &e.to_string());
                        if let Ok(mut slot) = opener.opening_error.lock() {
                            *slot = Some(e.payload());
                        }
                    }
                }
            });
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::interactive,
            commands::list_states,
            commands::list_documents,
            commands::recommendations,
            commands::draft_choices,
            commands::search,
            commands::import_files,
            commands::files_to_import,
            commands::documents_to_reread,
            commands::reread_document,
            commands::update_metadata,
            commands::delete_document,
            commands::get_document,
            commands::new_draft,
            commands::list_drafts,
            commands::get_draft,
            commands::draft_overlaps,
            commands::edit_draft,
            commands::undo_draft,
            commands::redo_draft,
            commands::draft_saved,
            commands::save_version,
            commands::list_versions,
            commands::restore_version,
            commands::comparable_lists,
            commands::compare,
            commands::export_list,
            commands::export_comparison,
            commands::copy_list,
            commands::draft_for_file,
            commands::bring_in_changes,
            commands::get_review,
            commands::list_reviews,
            commands::decide_review,
            commands::discard_review,
            commands::share_draft,
            commands::open_shared_draft,
            commands::log_folder,
            commands::open_log_folder,
        ])
        .build(tauri::generate_context!())
        .expect("error while building LOI Drafter")
        .run(|app, event| {
            // A draft change still being committed finishes before the app exits.
            if let tauri::RunEvent::Exit = event {
                use tauri::Manager;
                let library = app.state::<AppState>().library.clone();
                drop(library.lock());
            }
        });
}

#[cfg(test)]
mod tests {
    //! The app allows nothing remote and parses no document text as HTML.

    use std::path::Path;

    fn read(path: &str) -> String {
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
            .unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    #[test]
    fn the_content_security_policy_allows_nothing_remote() {
        let conf: serde_json::Value = serde_json::from_str(&read("tauri.conf.json")).unwrap();
        let csp = conf["app"]["security"]["csp"].as_str().unwrap();
        for directive in csp.split(';').map(str::trim).filter(|d| !d.is_empty()) {
            let mut words = directive.split_whitespace();
            let name = words.next().unwrap();
            for source in words {
                let allowed = matches!(
                    source,
                    "'self'" | "'none'" | "data:" | "ipc:" | "http://ipc.localhost"
                );
                assert!(allowed, "{name} allows {source}");
            }
        }
        assert!(csp.contains("default-src 'self'"));
        assert!(csp.contains("object-src 'none'"));
    }

    #[test]
    fn the_window_may_call_only_the_apps_commands_and_file_dialogs() {
        let caps: serde_json::Value =
            serde_json::from_str(&read("capabilities/default.json")).unwrap();
        let allowed = [
            "core:event:default",
            "dialog:allow-open",
            "dialog:allow-save",
            "dialog:allow-message",
            "dialog:allow-ask",
        ];
        for p in caps["permissions"].as_array().unwrap() {
            let p = p.as_str().unwrap_or_default();
            assert!(allowed.contains(&p), "unexpected permission {p}");
        }
    }

    #[test]
    fn the_pages_load_nothing_remote_and_parse_no_html() {
        let mut files = vec!["ui/index.html".to_string(), "ui/css/app.css".to_string()];
        for e in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/js")).unwrap() {
            files.push(format!(
                "ui/js/{}",
                e.unwrap().file_name().to_string_lossy()
            ));
        }
        for f in files {
            let text = read(&f);
            for bad in [
                "http://",
                "https://",
                "innerHTML",
                "outerHTML",
                "insertAdjacentHTML",
                "document.write",
                "eval(",
                "new Function",
            ] {
                assert!(!text.contains(bad), "{f} contains {bad}");
            }
        }
    }
}
