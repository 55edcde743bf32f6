//! The app is single-instance: a second launch hands over to the window
//! already open.

mod support;

use support::webdriver::strict;
use support::window::{app_binary, tools_present, ONE_WINDOW};

/// A second launch hands over to the window already open and exits (the
/// single-instance plugin talks over the session D-Bus, as on any Linux desktop;
/// the test starts a private bus). Both launches run without WebDriver, which
/// does not run under a session bus here.
#[test]
fn a_second_launch_hands_over_to_the_first() {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    if !tools_present("a_second_launch_hands_over_to_the_first") {
        return;
    }
    if !support::webdriver::on_path("dbus-daemon") {
        assert!(
            !strict(),
            "dbus-daemon is needed to check the single instance"
        );
        eprintln!("skipped: no dbus-daemon");
        return;
    }
    let _one = ONE_WINDOW.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let bus_log = dir.path().join("dbus-daemon.log");
    let mut bus = Command::new("dbus-daemon")
        .args(["--session", "--nofork", "--print-address=1"])
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(&bus_log).expect("the bus's log"))
        .spawn()
        .expect("start a session bus");
    // The bus's output stays open while it runs (closing it would end the bus).
    let mut bus_out = std::io::BufReader::new(bus.stdout.take().expect("bus address"));
    let mut address = String::new();
    std::io::BufRead::read_line(&mut bus_out, &mut address).expect("read the bus address");
    let address = address.trim().to_string();
    assert!(
        !address.is_empty(),
        "the session bus printed no address: {}",
        std::fs::read_to_string(&bus_log).unwrap_or_default()
    );
    let bus = support::webdriver::Guard(bus);
    let (display, _xvfb) = support::webdriver::x_display();
    let db = dir.path().join("library.sqlite3");
    let launch = || {
        Command::new(app_binary())
            .args(["--db", db.to_str().unwrap()])
            .env("DISPLAY", &display)
            .env("DBUS_SESSION_BUS_ADDRESS", &address)
            // The private bus would start an accessibility bus and a settings
            // service for each launch (GTK asks for them at start-up); this test
            // is about the app's own name on the bus, so GTK keeps to itself.
            .env("NO_AT_BRIDGE", "1")
            .env("GSETTINGS_BACKEND", "memory")
            .envs(support::webdriver::profile_env(dir.path()))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("launch the app")
    };
    let exited_within = |child: &mut std::process::Child, limit: Duration| {
        let started = Instant::now();
        loop {
            if let Some(s) = child.try_wait().expect("the app") {
                return Some(s);
            }
            if started.elapsed() > limit {
                return None;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    // Whether someone owns the app's name on the bus (the first launch, once its
    // single-instance plugin has started).
    let name_owned = || {
        Command::new("dbus-send")
            .args([
                "--session",
                "--print-reply",
                "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus.NameHasOwner",
                "string:org.loidrafter.desktop.SingleInstance",
            ])
            .env("DBUS_SESSION_BUS_ADDRESS", &address)
            .output()
            .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("boolean true"))
    };
    let mut first = support::webdriver::Guard(launch());
    // The first one takes the app's name on the bus, opens its library and stays.
    let deadline = Instant::now() + Duration::from_secs(30);
    while !(name_owned() && db.exists()) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(
        name_owned(),
        "the first launch did not take the app's name on the session bus"
    );
    assert!(
        exited_within(&mut first.0, Duration::from_secs(2)).is_none(),
        "the first launch should keep running"
    );
    let mut second = support::webdriver::Guard(launch());
    let status = exited_within(&mut second.0, Duration::from_secs(20));
    assert!(
        status.is_some_and(|s| s.success()),
        "the second launch should exit at once, handing over to the first ({status:?})"
    );
    assert!(
        exited_within(&mut first.0, Duration::from_millis(500)).is_none(),
        "the first launch should still run"
    );
    drop(bus);
    drop(bus_out);
}
