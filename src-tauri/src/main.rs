// Prevents an extra console window on Windows in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    loi_core::import::exit_if_worker();
    loi_core::logs::init(
        loi_core::logs::Program::App,
        std::env::var_os("RUST_LOG").is_some(),
    );
    loi_drafter::mark_launch();
    loi_drafter::run()
}
