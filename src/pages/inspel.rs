//! Inspel & prioritering: the list of inspel (add, remove). Voting rounds, results and the
//! agenda build on this page.
use leptos::prelude::*;
use vagval_core::model::Municipality;
use vagval_core::{Command, Kind, Localized};

use super::page_title;
use crate::i18n::use_i18n;
use crate::state::{new_id, use_app};

#[component]
pub fn InspelPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    page_title(move || i18n.t().inspel.title);
    let rows = Memo::new(move |_| {
        app.doc.with(|d| {
            d.inspel
                .live()
                .filter(|r| r.removed() != Some(&true))
                .map(|r| (r.id.clone(), r.title().cloned().unwrap_or_default(), r.municipality().copied()))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <article class="page">
            <super::rounds::SubNav/>
            <h1>{i18n.tr(|t| t.inspel.title)}</h1>
            <p class="lead">{i18n.tr(|t| t.inspel.summary)}</p>
            <NewInspel/>
            <section class="card" aria-labelledby="inspel-list-heading">
                <h2 id="inspel-list-heading">
                    {move || rows.with(Vec::len)}" "{i18n.tr(|t| t.inspel_count)}
                </h2>
                <Show when=move || rows.with(|r| !r.is_empty())
                    fallback=move || view! { <p>{i18n.tr(|t| t.inspel_none)}</p> }>
                    <ul class="inspel-list" data-testid="inspel-list">
                        <For each=move || rows.get() key=|r| r.clone() let:row>
                            <InspelRow id=row.0 title=row.1 municipality=row.2/>
                        </For>
                    </ul>
                </Show>
            </section>
        </article>
    }
}

#[component]
fn InspelRow(id: vagval_core::Id, title: String, municipality: Option<Municipality>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let label = format!("{} {title}", i18n.t().inspel_remove);
    let remove = move |_| {
        let _ = app.dispatch(&Command::edit(Kind::Inspel, &id, "removed", true));
    };
    view! {
        <li>
            <span class="title">{title}</span>
            <span class="municipality">{move || municipality.map(|m| m.label(i18n.lang()))}</span>
            <button type="button" class="secondary small" aria-label=label on:click=remove>
                {i18n.tr(|t| t.inspel_remove)}
            </button>
        </li>
    }
}

#[component]
fn NewInspel() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let title = RwSignal::new(String::new());
    let municipality = RwSignal::new(Municipality::Ostersund);
    let error = RwSignal::new(None::<vagval_core::DomainError>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let fields = [
            ("title".to_owned(), serde_json::json!(title.get_untracked().trim())),
            ("municipality".to_owned(), serde_json::json!(municipality.get_untracked())),
        ]
        .into();
        match app.dispatch(&Command::Create { kind: Kind::Inspel, id: new_id(), fields }) {
            Ok(()) => {
                title.set(String::new());
                error.set(None);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <form class="card new-inspel" on:submit=add aria-labelledby="new-inspel-heading">
            <h2 id="new-inspel-heading">{i18n.tr(|t| t.inspel_new)}</h2>
            <div class="row">
                <div class="field grow">
                    <label for="new-inspel-title">{i18n.tr(|t| t.inspel_title)}</label>
                    <input id="new-inspel-title" type="text" autocomplete="off" prop:value=move || title.get()
                        on:input=move |ev| title.set(event_target_value(&ev))
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby="new-inspel-error"/>
                </div>
                <div class="field">
                    <label for="new-inspel-municipality">{i18n.tr(|t| t.inspel_municipality)}</label>
                    <select id="new-inspel-municipality"
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if let Ok(m) = serde_json::from_value(serde_json::Value::String(v)) {
                                municipality.set(m);
                            }
                        }>
                        {Municipality::ALL.into_iter().map(|m| {
                            let value = serde_json::to_value(m).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
                            view! {
                                <option value=value selected=move || municipality.get() == m>{move || m.label(i18n.lang())}</option>
                            }
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit" data-testid="add-inspel">{i18n.tr(|t| t.inspel_add)}</button>
            </div>
            <p id="new-inspel-error" class="field-error" role="alert">
                {move || error.get().map(|e| e.message(i18n.lang()))}
            </p>
        </form>
    }
}
