use leptos::prelude::*;
use std::sync::Arc;
use vagval_core::Doc;
use vagval_core::doc::Overwrite;

use super::errors::Errors;
use super::{Flow, Incoming, summary, totals};
use crate::i18n::use_i18n;
use crate::state::use_app;

#[component]
pub(super) fn Preview(
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
