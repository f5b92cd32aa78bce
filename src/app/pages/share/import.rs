use leptos::prelude::*;
use std::sync::Arc;
use vagval_core::snapshot::{FileError, MAX_FILE_BYTES, decode};
use vagval_core::{Doc, Localized, merge};

use super::confirm::ConfirmReplace;
use super::preview::Preview;
use super::report::Report;
use super::{Flow, Incoming, mark, pause, read_error};
use crate::file_io::{self};
use crate::i18n::use_i18n;
use crate::state::use_app;

#[component]
pub(super) fn ImportCard() -> impl IntoView {
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
