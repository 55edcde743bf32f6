//! Tauri commands: each one calls a `loi_core` function and maps errors to `{code, message}`.

#[tauri::command]
pub fn app_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
