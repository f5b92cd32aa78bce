use leptos::prelude::*;
use vagval_core::crdt::to_json;
use vagval_core::model::{Dimension, Inspel, Municipality};
use vagval_core::{Command, Id, Kind, Localized};

use super::merge::MergePanel;
use super::{DIMENSIONS, Rows, STATUSES};
use crate::i18n::use_i18n;
use crate::modules::prioritisation::labels::{dimension_label, status_label};
use crate::modules::prioritisation::texts::{ModuleI18n, Texts};
use crate::state::use_app;
use crate::ui::SelectField;
use crate::ui::view::text;

/// Every field of one inspel; each change is a command (undoable) when the field is left.
#[component]
pub(super) fn Editor(selected: RwSignal<Option<Id>>, all: Memo<Rows>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let id = selected.get_untracked().unwrap_or_default();
    let record = {
        let id = id.clone();
        Memo::new(move |_| app.doc.with(|d| d.inspel.get(&id).cloned()))
    };
    let error = RwSignal::new(None::<String>);
    let edit = {
        let id = id.clone();
        move |field: &'static str, value: serde_json::Value| {
            let r = app.dispatch(&Command::Edit {
                kind: Kind::Inspel,
                id: id.clone(),
                field: field.into(),
                value,
            });
            error.set(r.err().map(|e| e.message(i18n.lang())));
        }
    };
    let field = {
        let edit = edit.clone();
        move |name: &'static str,
              label: fn(&'static Texts) -> &'static str,
              get: fn(&Inspel) -> Option<&String>,
              multiline: bool| {
            let edit = edit.clone();
            let fid = format!("edit-{name}");
            let value =
                move || record.with(|r| r.as_ref().and_then(get).cloned().unwrap_or_default());
            let commit = move |ev: leptos::ev::Event| {
                edit(name, serde_json::Value::String(event_target_value(&ev)))
            };
            let input = if multiline {
                view! { <textarea id=fid.clone() rows="4" prop:value=value on:change=commit></textarea> }.into_any()
            } else {
                view! { <input id=fid.clone() type="text" prop:value=value on:change=commit/> }
                    .into_any()
            };
            view! { <div class="field"><label for=fid>{i18n.trv(label)}</label>{input}</div> }
        }
    };
    let lang = move || i18n.lang();
    let (e1, e2, e3) = (edit.clone(), edit.clone(), edit);
    let dims = move || {
        record.with(|r| {
            r.as_ref()
                .and_then(Inspel::dimensions)
                .cloned()
                .unwrap_or_default()
        })
    };
    view! {
        <section class="card editor" aria-labelledby="editor-heading" data-testid="inspel-editor">
            <div class="row spread">
                <h3 id="editor-heading">{text(move || record.with(|r| r.as_ref().and_then(Inspel::title).cloned().unwrap_or_default()))}</h3>
                <button type="button" class="secondary small" on:click=move |_| selected.set(None)>{i18n.trv(|t| t.close)}</button>
            </div>
            {field("title", |t| t.inspel_title, Inspel::title, false)}
            {field("description", |t| t.description, Inspel::description, true)}
            <div class="row">
                {field("organisation", |t| t.organisation, Inspel::organisation, false)}
                {field("person", |t| t.person, Inspel::person, false)}
                {field("theme", |t| t.theme, Inspel::theme, false)}
            </div>
            <div class="row">
                <SelectField id="edit-municipality" label=i18n.trv(|t| t.inspel_municipality)
                    count=Municipality::ALL.len() name=|i, lang| Municipality::ALL.get(i).map_or("", |m| m.label(lang))
                    selected=Signal::derive(move || record.with(|r| r.as_ref().and_then(Inspel::municipality).and_then(|m| Municipality::ALL.iter().position(|x| x == m))))
                    on_change={move |i: Option<usize>| { if let Some(m) = i.and_then(|i| Municipality::ALL.get(i)) { e1("municipality", to_json(m)) } }}/>
                <SelectField id="edit-status" label=i18n.trv(|t| t.status)
                    count=STATUSES.len() name=|i, lang| STATUSES.get(i).map_or("", |s| status_label(*s, lang))
                    selected=Signal::derive(move || { let s = record.with(|r| r.as_ref().and_then(Inspel::status).copied().unwrap_or_default()); STATUSES.iter().position(|x| *x == s) })
                    on_change={move |i: Option<usize>| { if let Some(s) = i.and_then(|i| STATUSES.get(i)) { e2("status", to_json(s)) } }}/>
                <fieldset>
                    <legend>{i18n.trv(|t| t.dimensions)}</legend>
                    {DIMENSIONS.into_iter().map(|d| {
                        let e3 = e3.clone();
                        view! {
                            <label class="choice">
                                <input type="checkbox" prop:checked=move || dims().contains(&d) on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let mut v: Vec<Dimension> = dims().into_iter().filter(|x| *x != d).collect();
                                    if on { v.push(d); v.sort(); }
                                    e3("dimensions", to_json(&v));
                                }/>
                                {move || dimension_label(d, lang())}
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
            </div>
            <super::goals::GoalLinks record=record/>
            <p class="field-error" role="alert">{text(move || error.get().unwrap_or_default())}</p>
            <div class="row spread">
                <p class="hint">{i18n.trv(|t| t.editor_saved_hint)}</p>
                <button type="button" data-testid="editor-done" on:click=move |_| selected.set(None)>{i18n.trv(|t| t.editor_done)}</button>
            </div>
            <MergePanel id=id selected=selected all=all/>
        </section>
    }
}
