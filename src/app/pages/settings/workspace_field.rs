use leptos::prelude::*;
use vagval_core::{Command, Doc, Kind, Localized};

use crate::i18n::use_i18n;
use crate::state::use_app;

/// A text field bound to one workspace field; a change becomes a command on commit.
#[component]
pub(super) fn WorkspaceField(
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
