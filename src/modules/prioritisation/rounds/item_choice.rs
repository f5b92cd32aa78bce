use leptos::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use vagval_core::Id;

use crate::i18n::use_i18n;
use crate::modules::prioritisation::texts::ModuleI18n;

#[component]
pub(super) fn ItemChoice(
    id: Id,
    title: String,
    municipality: &'static str,
    chosen: RwSignal<Option<BTreeSet<Id>>>,
    costs: RwSignal<BTreeMap<Id, u32>>,
    show_cost: Signal<bool>,
    all: Memo<Vec<(Id, String, &'static str)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let checked = {
        let id = id.clone();
        move || chosen.with(|c| c.as_ref().is_none_or(|c| c.contains(&id)))
    };
    let toggle = {
        let id = id.clone();
        move |ev| {
            let on = event_target_checked(&ev);
            chosen.update(|c| {
                let set = c.get_or_insert_with(|| {
                    all.with_untracked(|a| a.iter().map(|(i, ..)| i.clone()).collect())
                });
                if on {
                    set.insert(id.clone());
                } else {
                    set.remove(&id);
                }
            });
        }
    };
    let cost_id = format!("cost-{id}");
    let cost = {
        let id = id.clone();
        move || costs.with(|c| c.get(&id).copied().unwrap_or(0)).to_string()
    };
    let set_cost = move |ev| {
        if let Ok(n) = event_target_value(&ev).trim().parse::<u32>() {
            costs.update(|c| {
                c.insert(id.clone(), n);
            });
        }
    };
    let label = format!("{} – {title}", i18n.v().cost);
    view! {
        <li>
            <label class="choice">
                <input type="checkbox" prop:checked=checked on:change=toggle/>
                <span>{title}<span class="hint">" · "{municipality}</span></span>
            </label>
            <Show when=move || show_cost.get()>
                <input id=cost_id.clone() class="cost" type="number" min="0" inputmode="numeric" aria-label=label.clone()
                    prop:value=cost.clone() on:input=set_cost.clone()/>
            </Show>
        </li>
    }
}
