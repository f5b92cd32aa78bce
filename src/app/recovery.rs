use leptos::prelude::*;
use vagval_core::Localized;

use crate::i18n::use_i18n;
use crate::state::{Boot, use_app};

/// Shown when nothing stored could be read: offers the raw data; never resets.
#[component]
pub(super) fn Recovery() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let raw = move || match app.boot.get_untracked() {
        Boot::Recovery { raw, .. } => raw,
        _ => String::new(),
    };
    let error = move || match app.boot.get() {
        Boot::Recovery { error, .. } => error.message(i18n.lang()),
        _ => String::new(),
    };
    let download = move |_| {
        let name = format!("vagval-radata-{}.json", &crate::state::iso_now()[..10]);
        let _ = crate::file_io::download(&name, &raw(), "application/octet-stream");
    };
    view! {
        <section class="card recovery" role="alert" data-testid="recovery">
            <h1>{i18n.tr(|t| t.recovery_title)}</h1>
            <p>{error}</p>
            <p>{i18n.tr(|t| t.recovery_body)}</p>
            <div class="actions">
                <button type="button" on:click=download>{i18n.tr(|t| t.recovery_download)}</button>
                <button type="button" class="secondary" on:click=move |_| app.boot.set(Boot::Ready)>
                    {i18n.tr(|t| t.recovery_continue)}
                </button>
            </div>
        </section>
    }
}
