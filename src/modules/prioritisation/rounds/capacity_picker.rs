use leptos::prelude::*;

use super::num_field::NumField;
use crate::i18n::use_i18n;
use crate::modules::prioritisation::texts::ModuleI18n;

/// Choosing a capacity rule: its kind, then its number.
#[component]
pub fn CapacityPicker(
    id: &'static str,
    kind: RwSignal<&'static str>,
    value: RwSignal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let value_id: &'static str = if id == "round-capacity" {
        "round-capacity-value"
    } else {
        "decision-capacity-value"
    };
    view! {
        <div class="field">
            <label for=id>{i18n.trv(|t| t.capacity)}</label>
            <select id=id on:change=move |ev| {
                let v = event_target_value(&ev);
                if let Some(k) = ["none", "top_n", "greedy", "optimal"].into_iter().find(|k| *k == v) { kind.set(k) }
            }>
                {["none", "top_n", "greedy", "optimal"].into_iter().map(|k| view! {
                    <option value=k selected=move || kind.get() == k>{move || crate::modules::prioritisation::labels::capacity_label(k, i18n.lang())}</option>
                }).collect_view()}
            </select>
        </div>
        <Show when=move || kind.get() != "none">
            <NumField id=value_id label=|t| t.capacity_value value=value/>
        </Show>
    }
}
