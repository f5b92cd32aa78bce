use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::modules::prioritisation::texts::ModuleI18n;

/// A radio group with a "skip" choice: large targets, arrow keys move within the group.
#[component]
pub(super) fn Choices(
    title: String,
    options: Vec<(u8, String)>,
    get: Signal<Option<u8>>,
    set: Callback<Option<u8>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = format!("c{}", js_sys::Math::random().to_bits());
    let skip_name = name.clone();
    view! {
        <fieldset class="choices">
            <legend>{title}</legend>
            {options.into_iter().map(|(v, label)| {
                let name = name.clone();
                view! {
                    <label class="pill">
                        <input type="radio" name=name prop:checked=move || get.get() == Some(v) on:change=move |_| set.run(Some(v))/>
                        <span>{label}</span>
                    </label>
                }
            }).collect_view()}
            <label class="pill skip">
                <input type="radio" name=skip_name prop:checked=move || get.get().is_none() on:change=move |_| set.run(None)/>
                <span>{i18n.trv(|t| t.skip)}</span>
            </label>
        </fieldset>
    }
}
