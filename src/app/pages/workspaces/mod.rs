//! Workspaces on this device: the first-start choice (a new, named workspace or the demo), and
//! in Inställningar the list with opening, renaming and deleting (deleting asks and offers an
//! export first). The open workspace lives under the workspace key; the others are put aside
//! (`storage::shelve`).
use vagval_core::Doc;
use vagval_core::demo::demo_doc;

use crate::state::{AppState, new_id};
use crate::storage;

mod first_start;
mod shelf;
pub use first_start::FirstStart;
pub use shelf::Workspaces;

/// Opens a new, empty workspace called `name` (trimmed; refused when empty).
fn open_new(app: AppState, name: &str) -> Result<(), &'static str> {
    let name = name.trim();
    if name.is_empty() {
        return Err("empty");
    }
    let doc = Doc::new(new_id(), name, app.stamp());
    app.switch_to(doc).map_err(|_| "storage")
}

/// Opens the demo: the one put aside if there is one (it keeps its edits), else a fresh copy.
fn open_demo(app: AppState) -> Result<(), &'static str> {
    let demo = demo_doc();
    let doc = storage::shelved(&demo.id).unwrap_or(demo);
    app.switch_to(doc).map_err(|_| "storage")
}

/// Downloads a workspace put aside, as an export file.
fn export_shelved(app: AppState, id: &vagval_core::Id) {
    let Some(doc) = storage::shelved(id) else {
        return;
    };
    let name = format!(
        "{}-{}.json",
        crate::file_io::slug(doc.name()),
        &crate::state::iso_now()[..10]
    );
    let text = vagval_core::Snapshot::new(doc, crate::state::iso_now(), app.device()).to_pretty();
    let _ = crate::file_io::download(&name, &text, "application/json");
}
