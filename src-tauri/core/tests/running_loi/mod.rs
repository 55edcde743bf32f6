//! Running the real `loi` binary as a user would, and what every run on a
//! hostile file must show: an exit code of 0 or 1 (never a signal), one line on
//! stderr when it fails, JSON only on stdout, within 10 seconds and (unix) with
//! no process above 1 GB of memory.

#![allow(dead_code)]

use std::ffi::OsStr;
use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub const LOI: &str = env!("CARGO_BIN_EXE_loi");
pub const MAX_TIME: Duration = Duration::from_secs(10);
pub const MAX_RSS_KB: u64 = 1024 * 1024;
/// The worker's wall-clock limit in these tests (under the 10 s each run may take).
pub const WORKER_TIMEOUT_SECS: &str = "8";

/// How a `loi` run ended.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub signal: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
    /// Peak resident memory of `loi` and its waited-for children (unix), KiB.
    pub max_rss_kb: u64,
}

pub fn drain<R: Read + Send + 'static>(mut r: R) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = r.read_to_end(&mut v);
        v
    })
}

pub fn loi<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let started = Instant::now();
    let mut child = Command::new(LOI)
        .args(args)
        .env_remove("LOI_DB")
        .env("LOI_EXTRACT_TIMEOUT_SECS", WORKER_TIMEOUT_SECS)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start loi");
    let out = drain(child.stdout.take().expect("stdout"));
    let err = drain(child.stderr.take().expect("stderr"));
    let (code, signal, max_rss_kb) = wait(&mut child);
    let elapsed = started.elapsed();
    Run {
        code,
        signal,
        stdout: String::from_utf8_lossy(&out.join().expect("stdout")).into_owned(),
        stderr: String::from_utf8_lossy(&err.join().expect("stderr")).into_owned(),
        elapsed,
        max_rss_kb,
    }
}

#[cfg(unix)]
pub fn wait(child: &mut std::process::Child) -> (Option<i32>, Option<i32>, u64) {
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: zeroed rusage is valid; `pid` is our unreaped child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: as above; status and usage are live locals.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == pid {
            break;
        }
        assert_eq!(
            std::io::Error::last_os_error().kind(),
            std::io::ErrorKind::Interrupted
        );
    }
    let rss = usage.ru_maxrss.max(0) as u64;
    if libc::WIFSIGNALED(status) {
        (None, Some(libc::WTERMSIG(status)), rss)
    } else {
        (Some(libc::WEXITSTATUS(status)), None, rss)
    }
}

#[cfg(not(unix))]
pub fn wait(child: &mut std::process::Child) -> (Option<i32>, Option<i32>, u64) {
    let status = child.wait().expect("wait");
    (status.code(), None, 0)
}

/// Checks a run survived: exit 0 or 1, one line on stderr on failure, stdout
/// JSON (when `json`) or empty on failure, in time and memory.
pub fn assert_survived(run: &Run, what: &str, json: bool) {
    assert!(
        run.signal.is_none(),
        "{what}: killed by signal {:?}: {run:?}",
        run.signal
    );
    assert!(
        matches!(run.code, Some(0 | 1)),
        "{what}: exit code {:?}: {run:?}",
        run.code
    );
    assert!(run.elapsed <= MAX_TIME, "{what}: took {:?}", run.elapsed);
    assert!(
        run.max_rss_kb <= MAX_RSS_KB,
        "{what}: peak memory {} MB",
        run.max_rss_kb / 1024
    );
    if run.code == Some(1) {
        assert_eq!(
            run.stderr.lines().count(),
            1,
            "{what}: stderr is not one line: {:?}",
            run.stderr
        );
        assert!(run.stderr.ends_with('\n') && !run.stderr.trim().is_empty());
        assert!(
            run.stdout.is_empty(),
            "{what}: stdout on error: {:?}",
            run.stdout
        );
    } else if json {
        serde_json::from_str::<serde_json::Value>(&run.stdout).unwrap_or_else(|e| {
            panic!(
                "{what}: stdout is not JSON ({e}): {:?}",
                &run.stdout[..run.stdout.len().min(300)]
            )
        });
    }
}
