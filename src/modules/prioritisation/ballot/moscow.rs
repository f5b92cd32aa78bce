use leptos::prelude::*;
use std::collections::BTreeMap;
use vagval_core::Id;
use vagval_core::vote::Moscow;

use super::Item;
use super::choices::Choices;
use crate::i18n::use_i18n;

/// MoSCoW (items may be skipped).
#[component]
pub(super) fn MoscowBallot(
    items: Memo<Vec<Item>>,
    values: RwSignal<BTreeMap<Id, Moscow>>,
) -> impl IntoView {
    let i18n = use_i18n();
    const ALL: [Moscow; 4] = [Moscow::Must, Moscow::Should, Moscow::Could, Moscow::Wont];
    view! {
        <div class="ballot-items">
            <For each=move || items.get() key=|i| i.0.clone() let:item>
                {
                    let (id, title, _) = item;
                    let options: Vec<(u8, String)> = ALL.iter().map(|m| (m.points(), crate::modules::prioritisation::labels::moscow_label(*m, i18n.lang()).to_owned())).collect();
                    let get = { let id = id.clone(); move || values.with(|m| m.get(&id).map(|x| x.points())) };
                    let set = move |v: Option<u8>| values.update(|m| {
                        match v.and_then(|p| ALL.iter().find(|x| x.points() == p)) {
                            Some(x) => { m.insert(id.clone(), *x); }
                            None => { m.remove(&id); }
                        }
                    });
                    view! { <Choices title=title options=options get=Signal::derive(get) set=Callback::new(set)/> }
                }
            </For>
        </div>
    }
}
