use leptos::prelude::*;
use vagval_core::doc::Overwrite;

use super::errors::Errors;
use super::overwrite_row::OverwriteRow;
use crate::i18n::use_i18n;

#[component]
pub(super) fn Report(
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
