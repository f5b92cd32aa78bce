//! Dela & importera: export, share, and import with a preview, merge or replace, and the
//! merge report with "restore".
use std::sync::Arc;

use leptos::prelude::*;
use vagval_core::doc::{MergeReport, Overwrite};
use vagval_core::snapshot::{Decoded, FileError, MAX_FILE_BYTES, decode};
use vagval_core::{Command, Doc, Kind, Localized, merge};

use super::page_title;
use crate::file_io::{self, FileReadError, PickedFile};
use crate::i18n::use_i18n;
use crate::state::{AppState, use_app};

/// Days without export after which the user is reminded.
pub const REMIND_AFTER_DAYS: i64 = 5;

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

#[component]
fn ExportCard() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let can_share = file_io::can_share_files();
    let share = move |_| {
        app.flush();
        let text = app.snapshot().to_pretty();
        let name = export_name(app);
        leptos::task::spawn_local(async move {
            if matches!(file_io::share(&name, &text).await, Ok(true)) {
                app.exported();
            }
        });
    };
    view! {
        <section class="card" aria-labelledby="export-heading">
            <h2 id="export-heading">{i18n.tr(|t| t.sh.export_heading)}</h2>
            <p>{i18n.tr(|t| t.sh.export_intro)}</p>
            <div class="actions">
                <button type="button" data-testid="export" on:click=move |_| export_now(app)>
                    {i18n.tr(|t| t.sh.export_button)}
                </button>
                {can_share.then(|| view! {
                    <button type="button" class="secondary" on:click=share>{i18n.tr(|t| t.sh.share_button)}</button>
                })}
            </div>
            <LastExport/>
        </section>
    }
}

/// "Senast exporterad: …" with a reminder after [`REMIND_AFTER_DAYS`].
#[component]
pub fn LastExport() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let line = move || {
        let t = &i18n.t().sh;
        match app.last_export_ms.get() {
            None => (t.never_exported.to_owned(), false),
            Some(ms) => {
                #[allow(clippy::cast_possible_truncation)]
                let days = ((js_sys::Date::now() - ms) / 86_400_000.0).floor() as i64;
                let locale = if i18n.lang() == vagval_core::Lang::Sv {
                    "sv-SE"
                } else {
                    "en-GB"
                };
                let when = js_sys::Date::new(&ms.into())
                    .to_locale_string(locale, &wasm_bindgen::JsValue::UNDEFINED);
                let ago = if days < 1 {
                    t.today.to_owned()
                } else {
                    format!("{days} {}", t.days_ago)
                };
                (
                    format!("{}: {} ({ago}).", t.last_export, String::from(when)),
                    days >= REMIND_AFTER_DAYS,
                )
            }
        }
    };
    view! {
        <p data-testid="last-export">{move || line().0}</p>
        <Show when=move || line().1>
            <p class="reminder" role="status">{i18n.tr(|t| t.sh.reminder)}</p>
        </Show>
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

#[component]
fn ImportCard() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let flow = RwSignal::new(Flow::Idle);
    let dragging = RwSignal::new(false);

    let take = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        let names: Vec<String> = files.iter().map(web_sys::File::name).collect();
        flow.set(Flow::Busy(format!(
            "{} {}",
            i18n.t().sh.reading,
            names.join(", ")
        )));
        mark("vagval-import-start");
        leptos::task::spawn_local(async move {
            let picked = file_io::read_files(files, MAX_FILE_BYTES).await;
            flow.set(Flow::Busy(i18n.t().sh.checking.to_owned()));
            pause().await;
            let lang = i18n.0.get_untracked();
            mark("vagval-import-read");
            let mut errors = Vec::new();
            let mut incoming = Vec::new();
            // The local document is read in place for the first file, not copied.
            let mut merged: Option<Doc> = None;
            for file in &picked {
                if let Some(e) = read_error(file, lang) {
                    errors.push(e);
                    continue;
                }
                let Ok(text) = &file.text else { continue };
                match decode(text) {
                    Ok(decoded) => {
                        let (next, report) = match &merged {
                            Some(m) => merge(m, &decoded.snapshot.workspace),
                            None => app
                                .doc
                                .with_untracked(|d| merge(d, &decoded.snapshot.workspace)),
                        };
                        merged = Some(next);
                        incoming.push(Incoming {
                            name: file.name.clone(),
                            decoded: Arc::new(decoded),
                            report: Arc::new(report),
                        });
                    }
                    Err(error) => errors.push(
                        FileError {
                            file: file.name.clone(),
                            error,
                        }
                        .message(lang),
                    ),
                }
            }
            mark("vagval-import-merged");
            let merged = Arc::new(merged.unwrap_or_else(|| app.doc.get_untracked()));
            flow.set(Flow::Preview {
                files: incoming,
                errors,
                merged,
            });
        });
    };

    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files = file_io::files_of(input.files());
        input.set_value("");
        take(files);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        take(file_io::files_of(
            ev.data_transfer().and_then(|d| d.files()),
        ));
    };

    view! {
        <section class="card" aria-labelledby="import-heading">
            <h2 id="import-heading">{i18n.tr(|t| t.sh.import_heading)}</h2>
            <p>{i18n.tr(|t| t.sh.import_intro)}</p>
            <div class="drop-zone" class:dragging=move || dragging.get()
                on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop>
                <label class="button" for="import-files">{i18n.tr(|t| t.sh.choose_files)}</label>
                <input id="import-files" class="visually-hidden" type="file" accept=".json,application/json" multiple
                    data-testid="import-input" on:change=on_pick/>
                <span>{i18n.tr(|t| t.sh.drop_here)}</span>
            </div>
            {move || match flow.get() {
                Flow::Idle => ().into_any(),
                Flow::Busy(what) => view! {
                    <p class="busy" role="status" data-testid="import-busy">
                        <progress aria-label=what.clone()></progress>{what}
                    </p>
                }.into_any(),
                Flow::Preview { files, errors, merged } => view! {
                    <Preview flow files errors merged/>
                }.into_any(),
                Flow::ConfirmReplace(file) => view! { <ConfirmReplace flow file=*file/> }.into_any(),
                Flow::Done { files, errors, report, kept, lines } => view! {
                    <Report files errors report kept lines/>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Errors(errors: Vec<String>) -> impl IntoView {
    (!errors.is_empty()).then(|| {
        view! {
            <div class="import-errors" role="alert" data-testid="import-errors">
                <ul>{errors.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
            </div>
        }
    })
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

#[component]
fn Preview(
    flow: RwSignal<Flow>,
    files: Vec<Incoming>,
    errors: Vec<String>,
    merged: Arc<Doc>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let (added, changed, deleted, over, kept) = totals(&files);
    let t = move || &i18n.t().sh;
    let warnings: Vec<&'static str> = {
        let t = t();
        let mut w = Vec::new();
        if files.iter().any(|f| f.report.other_workspace) {
            w.push(t.other_workspace);
        }
        if files.iter().any(|f| f.decoded.newer()) {
            w.push(t.newer_file);
        }
        if files.iter().any(|f| f.decoded.migrated()) {
            w.push(t.older_file);
        }
        w
    };
    let names: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
    let single = (files.len() == 1).then(|| files[0].clone());
    let nothing = added + changed + deleted == 0;
    let all_reports: Vec<(Vec<Overwrite>, Vec<Overwrite>)> = files
        .iter()
        .map(|f| (f.report.overwritten.clone(), f.report.kept_local.clone()))
        .collect();
    let errors_after = errors.clone();
    let reports_done: Vec<Arc<vagval_core::MergeReport>> =
        files.iter().map(|f| f.report.clone()).collect();
    let kept_n = kept;
    let do_merge = move |_| {
        let (report, kept): (Vec<_>, Vec<_>) = all_reports.iter().cloned().unzip();
        app.adopt(Doc::clone(&merged));
        flow.set(Flow::Done {
            files: names.clone(),
            errors: errors_after.clone(),
            report: report.concat(),
            kept: kept.concat(),
            lines: summary(&reports_done, over, kept_n, i18n),
        });
    };
    let has_files = !files.is_empty();
    let reports: Vec<Arc<vagval_core::MergeReport>> =
        files.iter().map(|f| f.report.clone()).collect();
    view! {
        <Errors errors/>
        {has_files.then(|| view! {
            <div class="preview" data-testid="import-preview">
                <h3>{i18n.tr(|t| t.sh.preview_heading)}</h3>
                <ul class="files">{files.iter().map(|f| view! { <li>{f.name.clone()}</li> }).collect_view()}</ul>
                {warnings.into_iter().map(|w| view! { <p class="warning">{w}</p> }).collect_view()}
                {if nothing {
                    view! { <p data-testid="no-changes">{i18n.tr(|t| t.sh.no_changes)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="counts" data-testid="preview-counts">
                            {move || summary(&reports, over, kept, i18n).into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                        </ul>
                    }.into_any()
                }}
                <div class="actions">
                    <button type="button" data-testid="merge" on:click=do_merge>{i18n.tr(|t| t.sh.merge_button)}</button>
                    {single.map(|file| view! {
                        <button type="button" class="secondary" data-testid="replace"
                            on:click=move |_| flow.set(Flow::ConfirmReplace(Box::new(file.clone())))>
                            {i18n.tr(|t| t.sh.replace_button)}
                        </button>
                    })}
                    <button type="button" class="secondary" on:click=move |_| flow.set(Flow::Idle)>{i18n.tr(|t| t.sh.cancel)}</button>
                </div>
            </div>
        })}
    }
}

#[component]
fn ConfirmReplace(flow: RwSignal<Flow>, file: Incoming) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let name = file.name.clone();
    let decoded = file.decoded;
    let yes = move |_| {
        export_now(app);
        app.replace(decoded.snapshot.workspace.clone());
        flow.set(Flow::Done {
            files: vec![name.clone()],
            errors: Vec::new(),
            report: Vec::new(),
            kept: Vec::new(),
            lines: Vec::new(),
        });
    };
    view! {
        <div class="confirm" role="alertdialog" aria-labelledby="replace-q" data-testid="replace-confirm">
            <p id="replace-q">{i18n.tr(|t| t.sh.replace_confirm)}</p>
            <div class="actions">
                <button type="button" class="danger" data-testid="replace-yes" on:click=yes>{i18n.tr(|t| t.sh.replace_yes)}</button>
                <button type="button" class="secondary" on:click=move |_| flow.set(Flow::Idle)>{i18n.tr(|t| t.sh.cancel)}</button>
            </div>
        </div>
    }
}

#[component]
fn Report(
    files: Vec<String>,
    errors: Vec<String>,
    report: Vec<Overwrite>,
    kept: Vec<Overwrite>,
    lines: Vec<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let rows = report
        .into_iter()
        .map(|o| (o, true))
        .chain(kept.into_iter().map(|o| (o, false)))
        .collect::<Vec<_>>();
    let has_rows = !rows.is_empty();
    view! {
        <Errors errors/>
        <div class="report" role="status" data-testid="merge-report">
            <h3>{i18n.tr(|t| t.sh.report_heading)}</h3>
            <p>{i18n.tr(|t| t.sh.merged_files)}": "{files.join(", ")}</p>
            <ul class="counts">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
        </div>
        {has_rows.then(|| view! {
            <table class="data" data-testid="overwrites">
                <thead><tr>
                    <th scope="col">{i18n.tr(|t| t.inspel_title)}</th>
                    <th scope="col">{i18n.tr(|t| t.sh.field)}</th>
                    <th scope="col">{i18n.tr(|t| t.sh.yours)}</th>
                    <th scope="col">{i18n.tr(|t| t.sh.theirs)}</th>
                    <th scope="col"><span class="visually-hidden">{i18n.tr(|t| t.sh.restore)}</span></th>
                </tr></thead>
                <tbody>{rows.into_iter().map(|(o, overwritten)| view! { <OverwriteRow o overwritten/> }).collect_view()}</tbody>
            </table>
        })}
    }
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

#[component]
fn OverwriteRow(o: Overwrite, overwritten: bool) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let done = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let (kind, id, field) = (
        Kind::parse(o.record.kind),
        o.record.id.clone(),
        o.conflict.field.clone(),
    );
    // Restoring my value after it was overwritten, or taking theirs after mine was kept.
    let value = if overwritten {
        o.conflict.local.clone()
    } else {
        o.conflict.incoming.clone()
    };
    let apply = move |_| {
        let Some(kind) = kind else { return };
        let cmd = Command::Edit {
            kind,
            id: id.clone(),
            field: field.clone(),
            value: value.clone(),
        };
        match app.dispatch(&cmd) {
            Ok(()) => done.set(true),
            Err(e) => error.set(Some(e.message(i18n.lang()))),
        }
    };
    view! {
        <tr>
            <td>{o.record.label.clone()}</td>
            <td>{let f = o.conflict.field.clone(); move || vagval_core::describe::field_label(&f, i18n.lang())}</td>
            <td>{show(&o.conflict.field, &o.conflict.local, i18n)}</td>
            <td>{show(&o.conflict.field, &o.conflict.incoming, i18n)}</td>
            <td>
                {move || if done.get() {
                    view! { <span>{i18n.tr(|t| t.sh.restored)}</span> }.into_any()
                } else {
                    let label = move || if overwritten { i18n.t().sh.restore } else { i18n.t().sh.use_theirs };
                    view! { <button type="button" class="secondary" on:click=apply.clone()>{label}</button> }.into_any()
                }}
                {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            </td>
        </tr>
    }
}
