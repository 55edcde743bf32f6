//! What every window test shares: the app's binary, starting it on a library
//! with the samples, named steps, the accessibility check.

use std::path::{Path, PathBuf};

use loi_core::library::{Library, MetadataOverrides};
use serde_json::json;

use super::webdriver::{missing_tools, strict, App};

pub fn app_binary() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_loi-drafter"))
}

/// Every control on screen has a name a screen reader can say (its label, its
/// text, `aria-label` or a title); returns the ones that do not.
pub const UNNAMED_CONTROLS: &str = "const named = (e) => (e.getAttribute('aria-label') || '').trim() || (e.getAttribute('aria-labelledby') && (document.getElementById(e.getAttribute('aria-labelledby')) || {}).textContent) || (e.labels && [...e.labels].map(l => l.textContent).join('').trim()) || (!['INPUT', 'SELECT', 'TEXTAREA'].includes(e.tagName) && e.textContent.trim()) || e.getAttribute('title'); return [...document.querySelectorAll('button, input, select, textarea, a[href], [role=button], [role=tab], [role=menuitem], [role=option], [tabindex]')].filter(e => e.getClientRects().length > 0).filter(e => !named(e)).map(e => e.outerHTML.slice(0, 160));";

pub fn assert_accessible(app: &App, view: &str) {
    let unnamed = app.exec(UNNAMED_CONTROLS, json!([]));
    assert_eq!(
        unnamed,
        json!([]),
        "controls without a name in the {view} view"
    );
}

/// One app at a time: it is a single-instance app.
pub static ONE_WINDOW: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Whether the window tests can run here. Under `./test.sh` and in CI they must
/// (a missing tool fails the test); a plain `cargo test` elsewhere skips them and
/// says why.
pub fn tools_present(test: &str) -> bool {
    match missing_tools() {
        None => true,
        Some(why) if strict() => panic!("the window tests cannot run: {why}"),
        Some(why) => {
            eprintln!(
                "{test}: skipped, {why}; ./test.sh or LOI_TEST_STRICT=1 makes this a failure"
            );
            false
        }
    }
}

/// Runs one named step of a test; a failure inside it names the step.
pub fn step<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let started = std::time::Instant::now();
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(v) => {
            println!(
                "step \"{name}\": ok in {} ms",
                started.elapsed().as_millis()
            );
            v
        }
        Err(e) => {
            let why = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            panic!("step \"{name}\" failed: {why}")
        }
    }
}

/// A library in `dir` with the samples and a hostile document (markup in its
/// text, under Mexico).
pub fn library_with_samples(dir: &Path) -> PathBuf {
    let db = dir.join("library.sqlite3");
    let mut lib = Library::open(&db).unwrap();
    lib.ensure_seeded().unwrap();
    let hostile = "Concluding observations on the initial report of Mexico\n\nC. Principal subjects of concern and recommendations\n\nHostile <b>theme</b>\n\n1. The Committee recommends that the State party <script>window.__pwned = 1</script> adopt <img src=x onerror=\"window.__pwned = 2\"> a law on zzyzx.\n";
    lib.import_bytes(
        "hostile.txt",
        hostile.as_bytes(),
        &MetadataOverrides::default(),
    )
    .unwrap();
    db
}

/// Starts the app on a new library with the samples; the guard keeps the window
/// to this test.
pub fn start_on_samples(
    test: &str,
) -> Option<(
    std::sync::MutexGuard<'static, ()>,
    tempfile::TempDir,
    PathBuf,
    App,
)> {
    if !tools_present(test) {
        return None;
    }
    let one = ONE_WINDOW.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let db = library_with_samples(dir.path());
    let started = std::time::Instant::now();
    let app = step("start the app", || {
        let app = App::start(app_binary(), &db);
        app.wait_for(
            "return document.querySelectorAll('#states .state').length >= 3 && typeof window.loiImportPaths === 'function'",
            "the State parties",
        );
        app
    });
    println!(
        "{test}: app started and showing the State parties in {} ms",
        started.elapsed().as_millis()
    );
    Some((one, dir, db, app))
}
