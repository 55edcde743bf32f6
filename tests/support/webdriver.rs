//! A small WebDriver client for the real app window: starts Xvfb (when there is
//! no display) and `tauri-driver`, opens a session on the app binary, and
//! cleans everything up when dropped.

#![allow(dead_code)]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine;
use serde_json::{json, Value};

const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

pub fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).any(|d| d.join(program).is_file()))
        .unwrap_or(false)
}

/// Whether a missing tool fails the window tests instead of skipping them: in CI
/// and under `./test.sh` (which sets `LOI_TEST_STRICT=1`).
pub fn strict() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false")
        || std::env::var_os("LOI_TEST_STRICT").is_some_and(|v| !v.is_empty() && v != "0")
}

/// Why the window tests cannot run here, if they cannot.
pub fn missing_tools() -> Option<String> {
    let mut missing = Vec::new();
    for tool in ["tauri-driver", "WebKitWebDriver"] {
        if !on_path(tool) {
            missing.push(tool);
        }
    }
    if std::env::var_os("DISPLAY").is_none() && !on_path("Xvfb") {
        missing.push("Xvfb");
    }
    (!missing.is_empty())
        .then(|| format!("missing {} (./test.sh installs them)", missing.join(", ")))
}

/// Kills a child process when dropped (with the processes it started, when it
/// leads its own process group).
pub struct Guard(pub Child);

impl Drop for Guard {
    fn drop(&mut self) {
        // Asked to stop first, so Xvfb removes its lock file and socket (a killed
        // one leaves them, and the displays run out after a hundred runs); then
        // killed. tauri-driver runs in a group of its own: WebKitWebDriver, which
        // it starts, would otherwise outlive it (and keep the test's output open).
        let pid = self.0.id().to_string();
        let group = format!("-{pid}");
        #[cfg(unix)]
        for target in [&group, &pid] {
            let _ = Command::new("kill")
                .args(["-TERM", "--", target])
                .stderr(Stdio::null())
                .status();
        }
        let deadline = Instant::now() + Duration::from_secs(2);
        while matches!(self.0.try_wait(), Ok(None)) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        #[cfg(unix)]
        let _ = Command::new("kill")
            .args(["-KILL", "--", &group])
            .stderr(Stdio::null())
            .status();
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The X display to use: `$DISPLAY`, else a new Xvfb (stopped when the guard drops).
/// Xvfb chooses a free display itself and says which (`-displayfd`) once it
/// accepts connections.
pub fn x_display() -> (String, Option<Guard>) {
    match std::env::var("DISPLAY") {
        Ok(d) if !d.is_empty() => (d, None),
        _ => {
            let mut child = Command::new("Xvfb")
                .args([
                    "-displayfd",
                    "1",
                    "-screen",
                    "0",
                    "1440x900x24",
                    "-nolisten",
                    "tcp",
                ])
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .expect("start Xvfb");
            let out = child.stdout.take().expect("Xvfb's output");
            let guard = Guard(child);
            let mut line = String::new();
            std::io::BufRead::read_line(&mut std::io::BufReader::new(out), &mut line)
                .expect("read Xvfb's display number");
            let n: u32 = line
                .trim()
                .parse()
                .unwrap_or_else(|_| panic!("Xvfb gave no display number ({line:?})"));
            (format!(":{n}"), Some(guard))
        }
    }
}

/// The environment that keeps the app's window size and web storage in `profile`
/// (not in the user's folders).
pub fn profile_env(profile: &Path) -> [(&'static str, PathBuf); 3] {
    [
        ("XDG_CONFIG_HOME", profile.join("config")),
        ("XDG_DATA_HOME", profile.join("data")),
        ("XDG_CACHE_HOME", profile.join("cache")),
    ]
}

/// Where what the driver and the app print goes: nowhere, or the test's own
/// output with LOI_WEBDRIVER_LOG=1.
fn driver_output() -> Stdio {
    if std::env::var_os("LOI_WEBDRIVER_LOG").is_some() {
        Stdio::inherit()
    } else {
        Stdio::null()
    }
}

/// A running app under WebDriver.
pub struct App {
    base: String,
    session: String,
    agent: ureq::Agent,
    pub screenshots: PathBuf,
    /// The X display the window is on.
    pub display: String,
    /// The process group of tauri-driver, WebKitWebDriver and the app.
    group: u32,
    _driver: Guard,
    _xvfb: Option<Guard>,
}

impl App {
    /// Starts the app binary with the library at `db`.
    pub fn start(app: &Path, db: &Path) -> App {
        App::start_with_env(app, db, &[])
    }

    /// Starts the app binary with the library at `db` and more environment variables.
    pub fn start_with_env(app: &Path, db: &Path, env: &[(&str, &str)]) -> App {
        let (display, xvfb) = x_display();
        let profile = App::profile_dir(db);
        let port = free_port();
        let native = free_port();
        let mut driver = Command::new("tauri-driver");
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut driver, 0);
        let driver = driver
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native.to_string(),
            ])
            .env("DISPLAY", &display)
            .env("LOI_DB", db)
            // The window's size and the web storage live beside the test's library,
            // not in the user's folders; they outlive a restart of the app.
            .envs(profile_env(&profile))
            .envs(env.iter().copied())
            .stdout(driver_output())
            .stderr(driver_output())
            .spawn()
            .expect("start tauri-driver");
        let group = driver.id();
        let driver = Guard(driver);
        let base = format!("http://127.0.0.1:{port}");
        let agent = ureq::AgentBuilder::new()
            .timeout(Duration::from_secs(60))
            .build();
        let deadline = Instant::now() + Duration::from_secs(20);
        while agent.get(&format!("{base}/status")).call().is_err() {
            assert!(Instant::now() < deadline, "tauri-driver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        let caps = json!({"capabilities": {"alwaysMatch": {"tauri:options": {
            "application": app,
            "args": ["--db", db],
        }}}});
        let resp: Value = agent
            .post(&format!("{base}/session"))
            .send_json(caps)
            .expect("create a WebDriver session")
            .into_json()
            .expect("session JSON");
        let session = resp["value"]["sessionId"]
            .as_str()
            .expect("session id")
            .to_string();
        let screenshots = std::env::var_os("LOI_SCREENSHOTS")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("target")
                    .join("screenshots")
            });
        std::fs::create_dir_all(&screenshots).expect("screenshot folder");
        App {
            base,
            session,
            agent,
            screenshots,
            display,
            group,
            _driver: driver,
            _xvfb: xvfb,
        }
    }

    /// Kills the app (`binary`) started for this session at once, as a crash
    /// would, without closing its window. Only the process of this session's
    /// driver group is killed, never another run's. Linux only (`/proc`).
    pub fn kill_app(&self, binary: &Path) {
        let binary = binary
            .canonicalize()
            .unwrap_or_else(|_| binary.to_path_buf());
        let mut killed = Vec::new();
        for entry in std::fs::read_dir("/proc").expect("/proc").flatten() {
            let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
                continue;
            };
            let exe = std::fs::read_link(entry.path().join("exe")).ok();
            if exe.as_deref() != Some(binary.as_path()) {
                continue;
            }
            // Field 5 of /proc/PID/stat, after the ")" that ends the command name.
            let stat = std::fs::read_to_string(entry.path().join("stat")).unwrap_or_default();
            let group = stat
                .rsplit_once(')')
                .and_then(|(_, rest)| rest.split_whitespace().nth(2))
                .and_then(|g| g.parse::<u32>().ok());
            if group == Some(self.group) {
                let _ = Command::new("kill")
                    .args(["-KILL", &pid.to_string()])
                    .status();
                killed.push(pid);
            }
        }
        assert!(!killed.is_empty(), "no app process to kill");
        let deadline = Instant::now() + Duration::from_secs(10);
        while killed
            .iter()
            .any(|p| Path::new(&format!("/proc/{p}/exe")).exists())
        {
            assert!(Instant::now() < deadline, "the app did not die");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Where the app keeps its window size and web storage in the tests.
    pub fn profile_dir(db: &Path) -> PathBuf {
        db.parent().unwrap_or(Path::new(".")).join("app-profile")
    }

    fn url(&self, path: &str) -> String {
        format!("{}/session/{}{}", self.base, self.session, path)
    }

    fn post(&self, path: &str, body: Value) -> Value {
        match self.agent.post(&self.url(path)).send_json(body) {
            Ok(r) => r
                .into_json::<Value>()
                .map(|v| v["value"].clone())
                .unwrap_or(Value::Null),
            Err(ureq::Error::Status(code, r)) => panic!(
                "WebDriver {path}: {code} {}",
                r.into_string().unwrap_or_default()
            ),
            Err(e) => panic!("WebDriver {path}: {e}"),
        }
    }

    /// Runs a script in the page and returns its value.
    pub fn exec(&self, script: &str, args: Value) -> Value {
        self.post("/execute/sync", json!({"script": script, "args": args}))
    }

    /// Runs an async script (the last argument is the callback).
    pub fn exec_async(&self, script: &str, args: Value) -> Value {
        self.post("/execute/async", json!({"script": script, "args": args}))
    }

    /// Waits until `condition` (a script returning a truthy value) holds.
    pub fn wait_for(&self, condition: &str, what: &str) -> Value {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let v = self.exec(condition, json!([]));
            if !v.is_null() && v != json!(false) && v != json!("") && v != json!(0) {
                return v;
            }
            if Instant::now() >= deadline {
                let status = self.exec(
                    "return (document.getElementById('status') || {}).textContent || ''",
                    json!([]),
                );
                let _ = self.screenshot("failure");
                panic!("timed out waiting for {what} (status line: {status})");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits until `condition` holds and returns the text it gave.
    pub fn wait_for_text(&self, condition: &str, what: &str) -> String {
        self.wait_for(condition, what)
            .as_str()
            .unwrap_or("")
            .to_string()
    }

    /// Finds an element by CSS selector.
    pub fn find(&self, css: &str) -> String {
        let v = self.post("/element", json!({"using": "css selector", "value": css}));
        v[ELEMENT_KEY]
            .as_str()
            .unwrap_or_else(|| panic!("no element {css}"))
            .to_string()
    }

    /// Clicks an element, finding it again if the page re-rendered it meanwhile.
    pub fn click(&self, css: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let found =
                self.post_lenient("/element", json!({"using": "css selector", "value": css}));
            if let Some(id) = found.as_ref().and_then(|v| v[ELEMENT_KEY].as_str()) {
                if self
                    .post_lenient(&format!("/element/{id}/click"), json!({}))
                    .is_some()
                {
                    return;
                }
            }
            assert!(Instant::now() < deadline, "could not click {css}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Like `post`, but `None` instead of a panic when WebDriver reports an error.
    fn post_lenient(&self, path: &str, body: Value) -> Option<Value> {
        match self.agent.post(&self.url(path)).send_json(body) {
            Ok(r) => r.into_json::<Value>().ok().map(|v| v["value"].clone()),
            Err(_) => None,
        }
    }

    /// The window's outer size and place: (x, y, width, height).
    pub fn window_rect(&self) -> (i64, i64, i64, i64) {
        let v: Value = self
            .agent
            .get(&self.url("/window/rect"))
            .call()
            .expect("window rect")
            .into_json()
            .expect("window rect JSON");
        let n = |k: &str| v["value"][k].as_f64().unwrap_or(-1.0).round() as i64;
        (n("x"), n("y"), n("width"), n("height"))
    }

    /// Resizes the window.
    pub fn set_window_size(&self, width: i64, height: i64) {
        self.post("/window/rect", json!({"width": width, "height": height}));
    }

    pub fn type_into(&self, css: &str, text: &str) {
        let id = self.find(css);
        self.post(&format!("/element/{id}/value"), json!({"text": text}));
    }

    pub fn text(&self) -> String {
        self.exec("return document.body.innerText", json!([]))
            .as_str()
            .unwrap_or("")
            .to_string()
    }

    /// Saves a screenshot as `name`.png in the screenshot folder, once what the
    /// page holds now has been painted (two animation frames later).
    pub fn screenshot(&self, name: &str) -> PathBuf {
        self.exec_async(
            "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => done(true), 50)));",
            json!([]),
        );
        let v: Value = self
            .agent
            .get(&self.url("/screenshot"))
            .call()
            .expect("screenshot")
            .into_json()
            .expect("screenshot JSON");
        let png = base64::engine::general_purpose::STANDARD
            .decode(v["value"].as_str().unwrap_or(""))
            .expect("screenshot base64");
        let path = self.screenshots.join(format!("{name}.png"));
        std::fs::write(&path, png).expect("write screenshot");
        path
    }
}

impl Drop for App {
    fn drop(&mut self) {
        let _ = self
            .agent
            .delete(&format!("{}/session/{}", self.base, self.session))
            .timeout(Duration::from_secs(5))
            .call();
    }
}
