use leptos::prelude::*;
use vagval_core::Lang;

use crate::app::Display;
use crate::app::pages::page_title;
use crate::i18n::use_i18n;

pub mod device_storage;
mod workspace_field;
use device_storage::DeviceStorage;
use workspace_field::WorkspaceField;

/// Workspace details, language and display.
#[component]
pub fn Settings() -> impl IntoView {
    let i18n = use_i18n();
    let display = expect_context::<Display>();
    page_title(move || i18n.t().settings.title);
    view! {
        <article class="page">
            <h1>{i18n.tr(|t| t.settings.title)}</h1>
            <p class="lead">{i18n.tr(|t| t.settings.summary)}</p>
            <section class="card">
                <h2>{i18n.tr(|t| t.settings_workspace)}</h2>
                <WorkspaceField id="ws-name" label=|t| t.settings_name field="name"/>
                <WorkspaceField id="ws-org" label=|t| t.settings_organisation field="organisation"/>
                <WorkspaceField id="ws-desc" multiline=true label=|t| t.settings_description field="description"/>
            </section>
            <super::workspaces::Workspaces/>
            <section class="card">
                <h2>{i18n.tr(|t| t.settings_display)}</h2>
                <fieldset>
                    <legend>{i18n.tr(|t| t.language)}</legend>
                    {Lang::ALL.into_iter().map(|lang| view! {
                        <label class="choice" lang=lang.tag()>
                            <input type="radio" name="lang" value=lang.tag()
                                prop:checked=move || i18n.lang() == lang
                                on:change=move |_| i18n.0.set(lang)/>
                            {lang.native_name()}
                        </label>
                    }).collect_view()}
                </fieldset>
                <label class="choice">
                    <input type="checkbox" aria-describedby="large-text-hint"
                        prop:checked=move || display.large_text.get()
                        on:change=move |ev| display.large_text.set(event_target_checked(&ev))/>
                    {i18n.tr(|t| t.settings_large_text)}
                </label>
                <p id="large-text-hint" class="hint">{i18n.tr(|t| t.settings_large_text_hint)}</p>
            </section>
            <DeviceStorage/>
            <section class="card">
                <h2>{i18n.tr(|t| t.privacy_heading)}</h2>
                <p>{i18n.tr(|t| t.privacy_note)}</p>
            </section>
        </article>
    }
}
