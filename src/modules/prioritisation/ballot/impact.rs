use leptos::prelude::*;
use std::collections::BTreeMap;
use vagval_core::Id;

use super::Item;
use super::choices::Choices;
use crate::i18n::use_i18n;
use crate::modules::prioritisation::texts::ModuleI18n;

/// Impact and effort, 1–5 each.
#[component]
pub(super) fn ImpactBallot(
    items: Memo<Vec<Item>>,
    values: RwSignal<BTreeMap<Id, [u8; 2]>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="ballot-items">
            <For each=move || items.get() key=|i| i.0.clone() let:item>
                {
                    let (id, title, _) = item;
                    let part = |k: usize, label: &'static str| {
                        let options: Vec<(u8, String)> = (1..=5).map(|v| (v, v.to_string())).collect();
                        let (gid, sid) = (id.clone(), id.clone());
                        let get = move || values.with(|m| m.get(&gid).map(|p| p[k]).filter(|v| *v > 0));
                        let set = move |v: Option<u8>| values.update(|m| {
                            let e = m.entry(sid.clone()).or_insert([0, 0]);
                            e[k] = v.unwrap_or(0);
                        });
                        view! { <Choices title=format!("{title}: {label}") options=options get=Signal::derive(get) set=Callback::new(set)/> }
                    };
                    let t = i18n.v();
                    view! { <div class="pair">{part(0, t.impact)}{part(1, t.effort)}</div> }
                }
            </For>
        </div>
    }
}
