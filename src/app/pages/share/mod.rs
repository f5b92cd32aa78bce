//! Dela & importera: export, share, and import with a preview, merge or replace, and the
//! merge report with "restore".
use leptos::prelude::*;
use std::sync::Arc;
use vagval_core::Doc;
use vagval_core::doc::{MergeReport, Overwrite};
use vagval_core::snapshot::Decoded;

use crate::app::pages::page_title;
use crate::file_io::{self, FileReadError, PickedFile};
use crate::i18n::use_i18n;
use crate::state::AppState;

mod confirm;
mod errors;
mod export;
mod import;
mod last_export;
pub use last_export::LastExport;
mod overwrite_row;
mod preview;
mod report;
use export::ExportCard;
use import::ImportCard;

/// Days without export after which the user is reminded.
pub const REMIND_AFTER_DAYS: i64 = vagval_core::overview::EXPORT_DAYS;

/// Whether the last export is more than [`REMIND_AFTER_DAYS`] days ago.
#[must_use]
pub fn export_overdue(last_export_ms: Option<f64>) -> bool {
    #[allow(clippy::cast_precision_loss)]
    let limit = REMIND_AFTER_DAYS as f64 * 86_400_000.0;
    last_export_ms.is_some_and(|ms| js_sys::Date::now() - ms >= limit)
}

/// One file that decoded, with what it would do. Shared, not copied, by the flow's views (a
/// decoded workspace may be megabytes).
#[derive(Clone)]
struct Incoming {
    name: String,
    decoded: Arc<Decoded>,
    report: Arc<MergeReport>,
}

/// The import flow.
#[derive(Clone, Default)]
enum Flow {
    #[default]
    Idle,
    Busy(String),
    Preview {
        files: Vec<Incoming>,
        errors: Vec<String>,
        merged: Arc<Doc>,
    },
    ConfirmReplace(Box<Incoming>),
    Done {
        files: Vec<String>,
        errors: Vec<String>,
        report: Vec<Overwrite>,
        kept: Vec<Overwrite>,
        /// What the merge did, in people's words.
        lines: Vec<String>,
    },
}

/// The export file's name: workspace name and date.
#[must_use]
pub fn export_name(app: AppState) -> String {
    let name = app.doc.with_untracked(|d| file_io::slug(d.name()));
    format!("{name}-{}.json", &crate::state::iso_now()[..10])
}

/// Downloads the workspace and records the export.
pub fn export_now(app: AppState) {
    app.flush();
    let text = app.snapshot().to_pretty();
    if file_io::download(&export_name(app), &text, "application/json").is_ok() {
        app.exported();
    }
}

#[component]
pub fn SharePage() -> impl IntoView {
    let i18n = use_i18n();
    page_title(move || i18n.t().share.title);
    view! {
        <article class="page">
            <h1>{i18n.tr(|t| t.share.title)}</h1>
            <p class="lead">{i18n.tr(|t| t.share.summary)}</p>
            <ExportCard/>
            <ImportCard/>
        </article>
    }
}

fn read_error(file: &PickedFile, lang: vagval_core::Lang) -> Option<String> {
    let t = &crate::i18n::texts(lang).sh;
    match &file.text {
        Ok(_) => None,
        Err(FileReadError::TooLarge(_)) => Some(format!("{}: {}", file.name, t.file_too_large)),
        Err(FileReadError::NotText) => Some(format!("{}: {}", file.name, t.file_not_text)),
    }
}

/// A performance mark for the import benchmark (`tests/bench/run.mjs`).
fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

async fn pause() {
    // Lets the browser paint the progress line before the synchronous decode.
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// What the files would do, in people's words (one line each), then the values overwritten and
/// kept, counted.
fn summary(
    reports: &[Arc<vagval_core::MergeReport>],
    over: usize,
    kept: usize,
    i18n: crate::i18n::I18n,
) -> Vec<String> {
    let lang = i18n.lang();
    let mut all = vagval_core::MergeReport::default();
    for r in reports {
        all.added.extend(r.added.iter().cloned());
        all.changed.extend(r.changed.iter().cloned());
        all.deleted.extend(r.deleted.iter().cloned());
        all.overwritten.extend(r.overwritten.iter().cloned());
    }
    let t = &i18n.t().sh;
    let mut lines = vagval_core::describe::merge_summary(&all, lang);
    if over > 0 {
        lines.push(format!(
            "{over} {}",
            if over == 1 {
                t.overwritten_one
            } else {
                t.overwritten
            }
        ));
    }
    if kept > 0 {
        lines.push(format!(
            "{kept} {}",
            if kept == 1 {
                t.kept_local_one
            } else {
                t.kept_local
            }
        ));
    }
    lines
}

fn totals(files: &[Incoming]) -> (usize, usize, usize, usize, usize) {
    files.iter().fold((0, 0, 0, 0, 0), |t, f| {
        let r = &f.report;
        (
            t.0 + r.added.len(),
            t.1 + r.changed.len(),
            t.2 + r.deleted.len(),
            t.3 + r.overwritten.len(),
            t.4 + r.kept_local.len(),
        )
    })
}

/// A value by name in the user's language (texts whole: this is where they are compared).
fn show(field: &str, v: &serde_json::Value, i18n: crate::i18n::I18n) -> String {
    v.as_str()
        .filter(|_| !matches!(field, "status" | "municipality"))
        .map_or_else(
            || vagval_core::describe::value_label(field, v, i18n.lang()),
            str::to_owned,
        )
}
