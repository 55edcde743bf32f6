//! The native menu bar. Each item emits a "menu" event with its id; the UI runs
//! the same action as for the keyboard shortcut (Cmd on macOS, Ctrl elsewhere).

use tauri::menu::{Menu, MenuBuilder, MenuItemBuilder, SubmenuBuilder};
use tauri::{AppHandle, Runtime};

pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let item = |id: &str, label: &str, accel: &str| {
        MenuItemBuilder::with_id(id, label)
            .accelerator(accel)
            .build(app)
    };
    let file = SubmenuBuilder::new(app, "File")
        .item(&item("new_draft", "New draft…", "CmdOrCtrl+N")?)
        .item(&item("import", "Add documents…", "CmdOrCtrl+O")?)
        .item(&item(
            "import_folder",
            "Add a folder of documents…",
            "CmdOrCtrl+Shift+O",
        )?)
        .item(&MenuItemBuilder::with_id("reread_all", "Read all documents again").build(app)?)
        .item(&item("export", "Export draft…", "CmdOrCtrl+E")?)
        .item(
            &MenuItemBuilder::with_id("bring_in", "Bring in changes from a Word file…")
                .build(app)?,
        )
        .item(&MenuItemBuilder::with_id("share_draft", "Share draft…").build(app)?)
        .item(&MenuItemBuilder::with_id("open_shared", "Open a shared draft…").build(app)?)
        .separator()
        .quit()
        .build()?;
    let edit = SubmenuBuilder::new(app, "Edit")
        .item(&item("undo", "Undo", "CmdOrCtrl+Z")?)
        .item(&item("redo", "Redo", "CmdOrCtrl+Shift+Z")?)
        .separator()
        .cut()
        .copy()
        .paste()
        .select_all()
        .separator()
        .item(&item("find", "Find", "CmdOrCtrl+F")?)
        .build()?;
    let view = SubmenuBuilder::new(app, "View")
        .item(&item("view_library", "Library", "CmdOrCtrl+1")?)
        .item(&item(
            "view_recommendations",
            "Recommendations",
            "CmdOrCtrl+2",
        )?)
        .item(&item("view_draft", "Draft", "CmdOrCtrl+3")?)
        .item(&item("view_compare", "Compare", "CmdOrCtrl+4")?)
        .build()?;
    let help = SubmenuBuilder::new(app, "Help")
        .item(&MenuItemBuilder::with_id("open_log_folder", "Open log folder").build(app)?)
        .build()?;
    if cfg!(target_os = "macos") {
        // macOS shows the first menu under the app's name.
        let app_menu = SubmenuBuilder::new(app, "LOI Drafter")
            .about(None)
            .separator()
            .services()
            .separator()
            .hide()
            .hide_others()
            .show_all()
            .separator()
            .quit()
            .build()?;
        return MenuBuilder::new(app)
            .items(&[&app_menu, &file, &edit, &view, &help])
            .build();
    }
    MenuBuilder::new(app)
        .items(&[&file, &edit, &view, &help])
        .build()
}
