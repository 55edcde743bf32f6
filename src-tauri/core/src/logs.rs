//! Logs a user can send: a file in the OS log folder, rolled daily and kept
//! for a week, written by the app and the `loi` command alike.
//!
//! Architecture invariant: drafts and document text are never logged. Errors
//! are logged once, with their code, where they leave the core (the app's
//! command helper, the CLI's `main`); quoted text in a message is left out
//! ([`redacted`]). A panic is logged by the hook [`init`] installs, with its
//! place in the code and without the text it quotes.

use std::path::PathBuf;

use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer};

use crate::library::APP_IDENTIFIER;

/// The log folder: `LOI_LOG_DIR` if set; else where the OS keeps an app's logs
/// (`~/Library/Logs/org.loidrafter.desktop` on macOS,
/// `%LOCALAPPDATA%\org.loidrafter.desktop\logs` on Windows,
/// `~/.local/share/org.loidrafter.desktop/logs` on Linux: the folders Tauri's
/// `app_log_dir` names).
pub fn log_dir() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("LOI_LOG_DIR").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    if cfg!(target_os = "macos") {
        dirs::home_dir().map(|h| h.join("Library/Logs").join(APP_IDENTIFIER))
    } else if cfg!(windows) {
        dirs::data_local_dir().map(|d| d.join(APP_IDENTIFIER).join("logs"))
    } else {
        dirs::data_dir().map(|d| d.join(APP_IDENTIFIER).join("logs"))
    }
}

/// Who is logging: names the file (`app.2026-12-02.log`, `loi.2026-12-02.log`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Program {
    App,
    Cli,
}

/// Starts logging to the log folder (and, when `stderr` is set, to standard
/// error: `loi -v`). The level is `info` in release builds and `debug` in
/// debug builds; `RUST_LOG` overrides it. Never fails: without a log folder
/// the program runs without a log file. Installs the panic hook.
pub fn init(program: Program, stderr: bool) {
    let default = if cfg!(debug_assertions) {
        "debug"
    } else {
        "info"
    };
    let filter = || {
        EnvFilter::try_from_default_env().unwrap_or_else(|_| {
            EnvFilter::new(format!(
                "{default},html5ever=warn,selectors=warn,tao=warn,wry=warn,lopdf=warn,pdf_extract=warn"
            ))
        })
    };
    let name = match program {
        Program::App => "app",
        Program::Cli => "loi",
    };
    let file = log_dir().and_then(|dir| {
        std::fs::create_dir_all(&dir).ok()?;
        tracing_appender::rolling::Builder::new()
            .rotation(tracing_appender::rolling::Rotation::DAILY)
            .filename_prefix(name)
            .filename_suffix("log")
            .max_log_files(7)
            .build(dir)
            .ok()
    });
    let file_layer = file.map(|w| {
        tracing_subscriber::fmt::layer()
            .with_writer(w)
            .with_ansi(false)
            .with_filter(filter())
    });
    let stderr_layer = stderr.then(|| {
        tracing_subscriber::fmt::layer()
            .with_writer(std::io::stderr)
            .with_filter(filter())
    });
    let _ = tracing_subscriber::registry()
        .with(file_layer)
        .with(stderr_layer)
        .try_init();
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        tracing::error!(code = "internal", at = %place, "panic: {}", redacted(&message));
    }));
}

/// Logs an error that is leaving the core for the user, once, with its code.
pub fn error(code: &str, message: &str) {
    tracing::error!(code, "{}", redacted(message));
}

/// A message without the text it quotes ("…", “…”, `…`, '…' spans become
/// "…"), on one line, at most 300 characters: what it says of a document's
/// or a draft's text stays out of the log.
pub fn redacted(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(300));
    let mut closing: Option<char> = None;
    for c in message.chars() {
        match closing {
            Some(end) if c == end => {
                out.push('…');
                out.push(end);
                closing = None;
            }
            Some(_) => {}
            None => {
                out.push(if c.is_control() { ' ' } else { c });
                closing = match c {
                    '"' => Some('"'),
                    '“' => Some('”'),
                    '`' => Some('`'),
                    '«' => Some('»'),
                    _ => None,
                };
            }
        }
        if out.chars().count() >= 300 {
            out.push('…');
            break;
        }
    }
    if closing.is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_text_stays_out_of_the_log() {
        assert_eq!(
            redacted("question 3 does not contain \"secret draft words\""),
            "question 3 does not contain \"…\""
        );
        assert_eq!(
            redacted("byte index 3 is not a char boundary; it is inside 'İ' of `İstanbul is far`"),
            "byte index 3 is not a char boundary; it is inside 'İ' of `…`"
        );
        assert_eq!(redacted("an \"unfinished quote"), "an \"…");
        assert_eq!(redacted("two\nlines\u{1b}[31m"), "two lines [31m");
        assert!(redacted(&"x".repeat(1000)).chars().count() <= 301);
    }
}
