use leptos::prelude::*;

use super::last_export::LastExport;
use super::{export_name, export_now};
use crate::file_io::{self};
use crate::i18n::use_i18n;
use crate::state::use_app;

#[component]
pub(super) fn ExportCard() -> impl IntoView {
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
