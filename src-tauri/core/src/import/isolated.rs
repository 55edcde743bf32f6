//! Extraction in a child process, so that a hostile file cannot take the app
//! down with it.
//!
//! Both binaries (the app and the `loi` CLI) call [`serve_if_worker`] first
//! thing in `main`. Started normally, the call notes the program's own
//! executable as the worker ([`isolate_with`]) and returns `None`; from then on
//! [`super::extract_file`] (and [`super::extract_text`] for PDFs) starts that
//! executable again with the private argument [`WORKER_ARG`], the file's path
//! and the path of a reply file the parent created. The worker reads and
//! extracts the file, writes its answer there as JSON (never to stdout, where
//! `pdf-extract` prints glyph warnings) and exits.
//!
//! Limits:
//! - on unix the worker lowers its own limits first: address space
//!   ([`MEMORY_LIMIT_BYTES`], `RLIMIT_AS`), CPU time (`RLIMIT_CPU`) and core
//!   dumps (`RLIMIT_CORE` = 0);
//! - everywhere, the parent kills the worker after [`time_limit`] of wall-clock
//!   time, reads its stdout and stderr bounded (they go to `tracing::debug!`,
//!   never to the user) and reads the reply bounded.
//!
//! On Windows there are no rlimits: a file that makes the reader allocate too
//! much can use the machine's memory until the wall-clock limit, but the app
//! itself survives, because only the child process dies.
//!
//! A worker that crashes (a stack overflow aborts the process), runs out of
//! memory or is killed for time gives a one-sentence import error that says so.

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::{ExtractedText, SourceFormat};
use crate::error::Error;

/// The private first argument that makes a process an extraction worker.
pub const WORKER_ARG: &str = "--loi-extract-worker";

/// The worker's address-space limit (unix).
pub const MEMORY_LIMIT_BYTES: u64 = 1024 * 1024 * 1024;

/// The default wall-clock limit for one extraction.
pub const DEFAULT_TIME_LIMIT: Duration = Duration::from_secs(20);

/// The most reply JSON read back (64 MB of text, escaped).
const MAX_REPLY_BYTES: u64 = 200 * 1024 * 1024;

/// The most of the worker's stdout/stderr kept for the debug log.
const MAX_LOG_BYTES: u64 = 16 * 1024;

static WORKER_EXE: OnceLock<PathBuf> = OnceLock::new();

/// Makes extraction run in a child process started from `exe` (the program's
/// own executable, which must call [`serve_if_worker`] first thing in `main`).
/// Process-global; the first call wins.
pub fn isolate_with(exe: PathBuf) {
    let _ = WORKER_EXE.set(exe);
}

/// The worker executable, when isolation is set up.
pub fn worker_exe() -> Option<&'static Path> {
    WORKER_EXE.get().map(PathBuf::as_path)
}

static TIME_LIMIT_SECS: AtomicU64 = AtomicU64::new(0);

/// Sets the wall-clock limit for this process's workers (tests use a shorter one).
pub fn set_time_limit(limit: Duration) {
    TIME_LIMIT_SECS.store(limit.as_secs().clamp(1, 600), Ordering::Relaxed);
}

/// The wall-clock limit: the one set by [`set_time_limit`], else
/// `LOI_EXTRACT_TIMEOUT_SECS` (1–600) when set, else [`DEFAULT_TIME_LIMIT`].
pub fn time_limit() -> Duration {
    match TIME_LIMIT_SECS.load(Ordering::Relaxed) {
        0 => {}
        s => return Duration::from_secs(s),
    }
    std::env::var("LOI_EXTRACT_TIMEOUT_SECS")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|s| (1..=600).contains(s))
        .map(Duration::from_secs)
        .unwrap_or(DEFAULT_TIME_LIMIT)
}

/// Call first thing in `main`:
/// `if let Some(code) = loi_core::import::serve_if_worker() { std::process::exit(code) }`.
///
/// Started as a worker (first argument [`WORKER_ARG`]), this extracts the file
/// named by the next argument, writes the reply file named by the one after and
/// returns the exit code. Otherwise it sets up isolation with the current
/// executable and returns `None`.
pub fn serve_if_worker() -> Option<i32> {
    let mut args = std::env::args_os().skip(1);
    if args.next().as_deref() != Some(OsStr::new(WORKER_ARG)) {
        match std::env::current_exe() {
            Ok(exe) => isolate_with(exe),
            Err(e) => tracing::warn!("imports run in-process: no executable path ({e})"),
        }
        return None;
    }
    let (Some(input), Some(reply)) = (args.next(), args.next()) else {
        return Some(2);
    };
    let name = args
        .next()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".into());
    let job = args.next().map(|j| j.to_string_lossy().into_owned());
    limit_resources();
    let answer = if job.as_deref() == Some(RETURNED_JOB) {
        match super::read_returned_in_process(Path::new(&input), &name) {
            Ok(file) => Reply::Returned { file },
            Err(Error::Import { reason, .. }) => Reply::Refused { reason },
            Err(e) => Reply::Refused {
                reason: e.to_string(),
            },
        }
    } else {
        match super::extract_file_in_process(Path::new(&input), &name) {
            Ok(t) => Reply::Text {
                format: t.format,
                text: t.text,
                warnings: t.warnings,
            },
            Err(Error::Import { reason, .. }) => Reply::Refused { reason },
            Err(e) => Reply::Refused {
                reason: e.to_string(),
            },
        }
    };
    let written = std::fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(&reply)
        .and_then(|f| {
            let mut w = std::io::BufWriter::new(f);
            serde_json::to_writer(&mut w, &answer).map_err(std::io::Error::other)?;
            w.flush()
        });
    Some(if written.is_ok() { 0 } else { 3 })
}

/// [`serve_if_worker`], exiting with its code when this process is a worker:
/// the one line both binaries put first in `main`.
pub fn exit_if_worker() {
    if let Some(code) = serve_if_worker() {
        std::process::exit(code)
    }
}

/// The worker's answer.
#[derive(Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
enum Reply {
    Text {
        format: SourceFormat,
        text: String,
        warnings: Vec<String>,
    },
    Returned {
        file: crate::draft::returned::ReturnedFile,
    },
    Refused {
        reason: String,
    },
}

/// The worker's job for a returned draft (a Word file read for a merge).
const RETURNED_JOB: &str = "returned";

#[cfg(unix)]
fn limit_resources() {
    let cpu = time_limit().as_secs() + 5;
    let set = |resource, soft: u64, hard: u64| {
        let lim = libc::rlimit {
            rlim_cur: soft as libc::rlim_t,
            rlim_max: hard as libc::rlim_t,
        };
        // SAFETY: setrlimit reads a valid, initialised struct; it only lowers
        // this process's own limits.
        unsafe { libc::setrlimit(resource, &lim) }
    };
    let results = [
        set(libc::RLIMIT_CORE, 0, 0),
        set(libc::RLIMIT_AS, MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES),
        set(libc::RLIMIT_CPU, cpu, cpu + 1),
    ];
    if results.iter().any(|r| *r != 0) {
        tracing::warn!("the import worker could not lower all its resource limits");
    }
}

#[cfg(not(unix))]
fn limit_resources() {}

/// Why extraction in the child did not give text.
pub(crate) enum ChildError {
    /// The worker could not be started (the caller may read in-process).
    Spawn(std::io::Error),
    /// The file was refused, or made the worker fail: a one-sentence error.
    Import(Error),
}

/// A file in the temporary folder, created new (never an existing file or
/// link) and removed when dropped.
struct TempFile {
    path: PathBuf,
}

impl TempFile {
    fn create(ext: &str) -> std::io::Result<(TempFile, std::fs::File)> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let mut last = None;
        for _ in 0..8 {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let path = std::env::temp_dir().join(format!(
                "loi-extract-{}-{n}-{nanos}.{ext}",
                std::process::id()
            ));
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(0o600);
            }
            match options.open(&path) {
                Ok(f) => return Ok((TempFile { path }, f)),
                Err(e) => last = Some(e),
            }
        }
        Err(last.unwrap_or_else(|| std::io::Error::other("no temporary file")))
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Extracts the file at `path` in a worker. `head` is the file's first bytes.
pub(crate) fn extract_in_child(
    exe: &Path,
    path: &Path,
    name: &str,
    head: &[u8],
) -> Result<ExtractedText, ChildError> {
    run_worker(exe, path, name, head, None).and_then(|r| text_of(r, name, head))
}

/// Reads a returned draft (a Word file) in a worker.
pub(crate) fn read_returned_in_child(
    exe: &Path,
    path: &Path,
    name: &str,
    head: &[u8],
) -> Result<crate::draft::returned::ReturnedFile, ChildError> {
    match run_worker(exe, path, name, head, Some(RETURNED_JOB))? {
        Reply::Returned { file } => Ok(file),
        _ => Err(ChildError::Import(super::reader_failed(
            head,
            name,
            "the reader stopped without an answer",
        ))),
    }
}

fn text_of(reply: Reply, name: &str, head: &[u8]) -> Result<ExtractedText, ChildError> {
    match reply {
        Reply::Text {
            format,
            text,
            warnings,
        } => Ok(ExtractedText {
            format,
            text,
            warnings,
        }),
        _ => Err(ChildError::Import(super::reader_failed(
            head,
            name,
            "the reader stopped without an answer",
        ))),
    }
}

/// Extracts bytes already in memory in a worker, through a temporary file.
pub(crate) fn extract_bytes_in_child(
    exe: &Path,
    name: &str,
    bytes: &[u8],
) -> Result<ExtractedText, ChildError> {
    let (input, mut file) = TempFile::create("in").map_err(ChildError::Spawn)?;
    file.write_all(bytes)
        .and_then(|_| file.flush())
        .map_err(ChildError::Spawn)?;
    drop(file);
    let head = &bytes[..bytes.len().min(8)];
    run_worker(exe, &input.path, name, head, None).and_then(|r| text_of(r, name, head))
}

/// How the worker ended.
enum Ended {
    Exited(i32),
    /// Killed by this signal (unix).
    Signaled(i32),
    TimedOut,
}

fn run_worker(
    exe: &Path,
    input: &Path,
    name: &str,
    head: &[u8],
    job: Option<&str>,
) -> Result<Reply, ChildError> {
    let (reply, reply_file) = TempFile::create("json").map_err(ChildError::Spawn)?;
    drop(reply_file);
    let started = Instant::now();
    let limit = time_limit();
    let mut child = Command::new(exe)
        .arg(WORKER_ARG)
        .arg(input)
        .arg(&reply.path)
        .arg(name)
        .args(job)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env("RUST_BACKTRACE", "0")
        .env("LOI_EXTRACT_TIMEOUT_SECS", limit.as_secs().to_string())
        .spawn()
        .map_err(ChildError::Spawn)?;
    let stdout = child.stdout.take().map(drain);
    let stderr = child.stderr.take().map(drain);
    let (ended, max_rss_kb) = wait(&mut child, started + limit);
    let out = stdout.and_then(|h| h.join().ok()).unwrap_or_default();
    let err = stderr.and_then(|h| h.join().ok()).unwrap_or_default();
    let err = String::from_utf8_lossy(&err);
    tracing::debug!(
        elapsed_ms = started.elapsed().as_millis() as u64,
        max_rss_kb,
        stdout_bytes = out.len(),
        "import worker ended"
    );
    if !err.trim().is_empty() {
        tracing::debug!("import worker stderr: {}", err.trim());
    }
    let failed = |what: &str| ChildError::Import(super::reader_failed(head, name, what));
    let out_of_memory = err.contains("memory allocation of") || err.contains("out of memory");
    match ended {
        Ended::TimedOut => Err(failed(&format!(
            "it took too long: stopped after {} seconds",
            limit.as_secs()
        ))),
        Ended::Signaled(_) if out_of_memory => Err(failed("it needs too much memory")),
        #[cfg(unix)]
        Ended::Signaled(libc::SIGXCPU) => Err(failed("it took too long")),
        #[cfg(unix)]
        Ended::Signaled(libc::SIGKILL) => Err(failed("it needs too much memory")),
        Ended::Signaled(_) => Err(failed("it made the reader crash")),
        Ended::Exited(code) if code != 0 => {
            if out_of_memory {
                Err(failed("it needs too much memory"))
            } else {
                Err(failed("it made the reader crash"))
            }
        }
        Ended::Exited(_) => read_reply(&reply.path, name, head),
    }
}

fn read_reply(path: &Path, name: &str, head: &[u8]) -> Result<Reply, ChildError> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_REPLY_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| {
            ChildError::Import(super::reader_failed(
                head,
                name,
                &format!("its text could not be passed back: {e}"),
            ))
        })?;
    if bytes.len() as u64 > MAX_REPLY_BYTES {
        return Err(ChildError::Import(Error::import(
            name,
            "the document has more text than a document can have",
        )));
    }
    match serde_json::from_slice::<Reply>(&bytes) {
        Ok(Reply::Refused { reason }) => Err(ChildError::Import(Error::import(name, reason))),
        Ok(reply) => Ok(reply),
        Err(_) => Err(ChildError::Import(super::reader_failed(
            head,
            name,
            "the reader stopped without an answer",
        ))),
    }
}

/// Reads a pipe to its end, keeping the first [`MAX_LOG_BYTES`].
fn drain<R: Read + Send + 'static>(mut r: R) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut kept = Vec::new();
        let _ = (&mut r).take(MAX_LOG_BYTES).read_to_end(&mut kept);
        let _ = std::io::copy(&mut r, &mut std::io::sink());
        kept
    })
}

/// Waits for the worker until `deadline`, then kills it. Returns how it ended
/// and, on unix, its peak resident memory in KiB.
#[cfg(unix)]
fn wait(child: &mut std::process::Child, deadline: Instant) -> (Ended, Option<u64>) {
    let pid = child.id() as libc::pid_t;
    let mut pause = Duration::from_micros(200);
    let mut timed_out = false;
    loop {
        let mut status: libc::c_int = 0;
        // SAFETY: an all-zero rusage is a valid value for this plain C struct.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        let flags = if timed_out { 0 } else { libc::WNOHANG };
        // SAFETY: `pid` is our own child, not yet reaped (std never waited for
        // it); status and usage point to live locals.
        let r = unsafe { libc::wait4(pid, &mut status, flags, &mut usage) };
        if r == pid {
            let rss = Some(usage.ru_maxrss.max(0) as u64);
            let ended = if timed_out {
                Ended::TimedOut
            } else if libc::WIFSIGNALED(status) {
                Ended::Signaled(libc::WTERMSIG(status))
            } else {
                Ended::Exited(libc::WEXITSTATUS(status))
            };
            return (ended, rss);
        }
        if r < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            tracing::warn!("waiting for the import worker failed ({e})");
            return (Ended::Signaled(0), None);
        }
        if Instant::now() >= deadline {
            // Not reaped yet, so the pid is still our child's.
            let _ = child.kill();
            timed_out = true;
            continue;
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(10));
    }
}

#[cfg(not(unix))]
fn wait(child: &mut std::process::Child, deadline: Instant) -> (Ended, Option<u64>) {
    let mut pause = Duration::from_micros(200);
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return (Ended::Exited(status.code().unwrap_or(1)), None),
            Ok(None) => {}
            Err(_) => return (Ended::Exited(1), None),
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            return (Ended::TimedOut, None);
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(10));
    }
}
