//! The LOI Drafter desktop app: a thin Tauri layer over `loi_core`.

mod commands;

pub fn run() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![commands::app_version])
        .run(tauri::generate_context!())
        .expect("error while running LOI Drafter");
}
