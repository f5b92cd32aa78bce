use leptos::prelude::*;
use vagval_core::Lang;

use super::save_indicator::SaveIndicator;
use crate::i18n::use_i18n;
use crate::state::use_app;

#[component]
pub(super) fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let other = move || match i18n.lang() {
        Lang::Sv => Lang::En,
        Lang::En => Lang::Sv,
    };
    view! {
        <header class="app-header">
            <a class="brand" href="/">
                <img src="/icon.svg" alt="" width="32" height="32"/>
                <span>{i18n.tr(|t| t.app_name)}</span>
            </a>
            // Before the first-start choice nothing is open and nothing is being saved.
            <Show when=move || !app.first_start.get()>
                <p class="workspace-name" data-testid="workspace-name">
                    <span class="visually-hidden">{i18n.tr(|t| t.workspace_label)}": "</span>
                    {move || app.doc.with(|d| d.name().to_owned())}
                </p>
                <SaveIndicator/>
            </Show>
            <div class="header-actions">
                <button type="button" class="ghost" on:click=move |_| app.undo()
                    disabled=move || !app.can_undo.get()>{i18n.tr(|t| t.undo)}</button>
                <button type="button" class="ghost" on:click=move |_| app.redo()
                    disabled=move || !app.can_redo.get()>{i18n.tr(|t| t.redo)}</button>
                <button type="button" class="ghost lang-switch" data-testid="lang-switch"
                    lang=move || other().tag()
                    on:click=move |_| i18n.0.set(other())>{move || other().native_name()}</button>
            </div>
        </header>
    }
}
