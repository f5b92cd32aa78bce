use leptos::prelude::*;
use std::collections::BTreeMap;
use vagval_core::Id;

use super::Item;
use super::choices::Choices;

/// Score 1–5 (items may be skipped).
#[component]
pub(super) fn ScaleBallot(
    items: Memo<Vec<Item>>,
    values: RwSignal<BTreeMap<Id, u8>>,
    lo: u8,
    hi: u8,
) -> impl IntoView {
    view! {
        <div class="ballot-items">
            <For each=move || items.get() key=|i| i.0.clone() let:item>
                {
                    let (id, title, _) = item;
                    let options: Vec<(u8, String)> = (lo..=hi).map(|v| (v, v.to_string())).collect();
                    let get = { let id = id.clone(); move || values.with(|m| m.get(&id).copied()) };
                    let set = move |v: Option<u8>| values.update(|m| { match v { Some(v) => { m.insert(id.clone(), v); } None => { m.remove(&id); } } });
                    view! { <Choices title=title options=options get=Signal::derive(get) set=Callback::new(set)/> }
                }
            </For>
        </div>
    }
}
