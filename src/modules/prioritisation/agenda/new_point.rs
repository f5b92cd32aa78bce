use leptos::prelude::*;
use std::collections::BTreeSet;
use vagval_core::crdt::to_json;
use vagval_core::model::Status;
use vagval_core::{Command, Id, Kind, Localized};

use crate::i18n::use_i18n;
use crate::modules::prioritisation::rounds::inspel_choices;
use crate::modules::prioritisation::texts::ModuleI18n;
use crate::state::{new_id, use_app};

#[component]
pub(super) fn NewPoint() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let choices = inspel_choices(app, i18n);
    let text = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let linked = RwSignal::new(BTreeSet::<Id>::new());
    let error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let ids: Vec<Id> = linked.get_untracked().into_iter().collect();
        let fields = [
            ("text".to_owned(), to_json(&text.get_untracked().trim())),
            ("owner".to_owned(), to_json(&owner.get_untracked().trim())),
            ("inspel".to_owned(), to_json(&ids)),
        ]
        .into();
        let mut commands = vec![Command::Create {
            kind: Kind::Agenda,
            id: new_id(),
            fields,
        }];
        commands.extend(
            ids.iter()
                .map(|i| Command::edit(Kind::Inspel, i, "status", to_json(&Status::InAgenda))),
        );
        match app.dispatch(&Command::Batch { commands }) {
            Ok(()) => {
                text.set(String::new());
                owner.set(String::new());
                linked.set(BTreeSet::new());
                error.set(None);
            }
            Err(e) => error.set(Some(e.message(i18n.lang()))),
        }
    };
    view! {
        <form class="card no-print" on:submit=add aria-labelledby="new-point-heading" data-testid="new-point">
            <h2 id="new-point-heading">{i18n.trv(|t| t.new_point)}</h2>
            <div class="field">
                <label for="point-text">{i18n.trv(|t| t.point)}</label>
                <textarea id="point-text" rows="2" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            </div>
            <div class="field">
                <label for="point-owner">{i18n.trv(|t| t.owner)}</label>
                <input id="point-owner" type="text" prop:value=move || owner.get() on:input=move |ev| owner.set(event_target_value(&ev))/>
            </div>
            <fieldset>
                <legend>{i18n.trv(|t| t.from_inspel)}</legend>
                <ul class="check-list">
                    <For each=move || choices.get() key=|c| c.0.clone() let:c>
                        {
                            let (a, b) = (c.0.clone(), c.0.clone());
                            view! {
                                <li><label class="choice">
                                    <input type="checkbox" prop:checked=move || linked.with(|l| l.contains(&a))
                                        on:change=move |ev| { let on = event_target_checked(&ev); linked.update(|l| { if on { l.insert(b.clone()); } else { l.remove(&b); } }); }/>
                                    <span>{c.1.clone()}<span class="hint">" · "{c.2}</span></span>
                                </label></li>
                            }
                        }
                    </For>
                </ul>
            </fieldset>
            <p class="field-error" role="alert">{move || error.get()}</p>
            <button type="submit" data-testid="add-point">{i18n.trv(|t| t.add_point)}</button>
        </form>
    }
}
