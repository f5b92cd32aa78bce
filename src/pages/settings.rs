use leptos::prelude::*;
use vagval_core::{Command, Doc, Kind, Lang, Localized};

use super::page_title;
use crate::i18n::use_i18n;
use crate::shell::Display;
use crate::state::use_app;

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
            <super::device_storage::DeviceStorage/>
            <section class="card">
                <h2>{i18n.tr(|t| t.privacy_heading)}</h2>
                <p>{i18n.tr(|t| t.privacy_note)}</p>
            </section>
        </article>
    }
}

/// A text field bound to one workspace field; a change becomes a command on commit.
#[component]
fn WorkspaceField(
    /// Element id (also ties the label and error message to the field).
    id: &'static str,
    /// Label from the catalogue.
    label: fn(&'static crate::i18n::Texts) -> &'static str,
    /// The `meta` field it edits.
    field: &'static str,
    /// A textarea instead of a one-line input.
    #[prop(optional)]
    multiline: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let error = RwSignal::new(None::<vagval_core::DomainError>);
    let current = move || {
        app.doc.with(|d: &Doc| {
            vagval_core::crdt::Record::get(&d.meta, field)
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default()
        })
    };
    let commit = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        if text.trim() == current().trim() {
            error.set(None);
            return;
        }
        let id = app.doc.with_untracked(|d| d.id.clone());
        error.set(
            app.dispatch(&Command::edit(Kind::Meta, &id, field, text.trim()))
                .err(),
        );
    };
    let error_id = format!("{id}-error");
    let described = move || error.with(Option::is_some).then(|| format!("{id}-error"));
    let field = if multiline {
        view! {
            <textarea id=id rows="5" prop:value=current on:change=commit
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id type="text" prop:value=current on:change=commit
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described/>
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{move || label(i18n.t())}</label>
            {field}
            <p id=error_id class="field-error" role="alert">
                {move || error.get().map(|e| e.message(i18n.lang()))}
            </p>
        </div>
    }
}
