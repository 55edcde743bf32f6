// Prevents an extra console window on Windows in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    loi_core::import::exit_if_worker();
    loi_drafter::mark_launch();
    loi_drafter::run()
}
