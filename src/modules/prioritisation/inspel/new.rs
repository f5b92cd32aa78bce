use leptos::prelude::*;
use vagval_core::crdt::to_json;
use vagval_core::model::Municipality;
use vagval_core::{Command, Kind, Localized};

use crate::i18n::use_i18n;
use crate::modules::prioritisation::texts::ModuleI18n;
use crate::state::{new_id, use_app};
use crate::ui::SelectField;
use crate::ui::view::text;

#[component]
pub(super) fn NewInspel() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let title = RwSignal::new(String::new());
    let municipality = RwSignal::new(Municipality::Ostersund);
    let error = RwSignal::new(None::<vagval_core::DomainError>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let fields = [
            (
                "title".to_owned(),
                serde_json::Value::String(title.get_untracked().trim().to_owned()),
            ),
            (
                "municipality".to_owned(),
                to_json(&municipality.get_untracked()),
            ),
        ]
        .into();
        match app.dispatch(&Command::Create {
            kind: Kind::Inspel,
            id: new_id(),
            fields,
        }) {
            Ok(()) => {
                title.set(String::new());
                error.set(None);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <form class="card new-inspel" on:submit=add aria-labelledby="new-inspel-heading">
            <h2 id="new-inspel-heading">{i18n.trv(|t| t.inspel_new)}</h2>
            <div class="row">
                <div class="field grow">
                    <label for="new-inspel-title">{i18n.trv(|t| t.inspel_title)}</label>
                    <input id="new-inspel-title" type="text" autocomplete="off" prop:value=title
                        on:input=move |ev| title.set(event_target_value(&ev))
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby="new-inspel-error"/>
                </div>
                <SelectField id="new-inspel-municipality" label=i18n.trv(|t| t.inspel_municipality)
                    count=Municipality::ALL.len() name=|i, lang| Municipality::ALL.get(i).map_or("", |m| m.label(lang))
                    selected=Signal::derive(move || { let m = municipality.get(); Municipality::ALL.iter().position(|x| *x == m) })
                    on_change={move |i: Option<usize>| { if let Some(m) = i.and_then(|i| Municipality::ALL.get(i)) { municipality.set(*m) } }}/>
                <button type="submit" data-testid="add-inspel">{i18n.trv(|t| t.inspel_add)}</button>
            </div>
            <p id="new-inspel-error" class="field-error" role="alert">
                {text(move || error.get().map(|e| e.message(i18n.lang())).unwrap_or_default())}
            </p>
        </form>
    }
}
