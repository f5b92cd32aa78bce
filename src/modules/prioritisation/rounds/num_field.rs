use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::modules::prioritisation::texts::{ModuleI18n, Texts};

#[component]
pub fn NumField(
    id: &'static str,
    label: fn(&'static Texts) -> &'static str,
    value: RwSignal<u32>,
    #[prop(default = 0)] min: u32,
    #[prop(default = 100_000)] max: u32,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field num">
            <label for=id>{i18n.trv(label)}</label>
            <input id=id type="number" inputmode="numeric" min=min max=max
                prop:value=move || value.get().to_string()
                on:input=move |ev| {
                    if let Ok(n) = event_target_value(&ev).trim().parse::<u32>() {
                        value.set(n.clamp(min, max));
                    }
                }/>
        </div>
    }
}
