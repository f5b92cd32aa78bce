//! A labelled `<select>` over a fixed list of choices (municipalities, stages, dimensions …).
use leptos::prelude::*;
use vagval_core::Lang;

use crate::i18n::use_i18n;

/// A `<div class="field">` with a label and a `<select>` whose options are the choices by
/// index (`value="0"`, `"1"` …). One view type for every such menu in the app.
#[component]
pub fn SelectField(
    /// The `<select>`'s id (the label's `for`).
    id: &'static str,
    /// The label.
    label: Signal<&'static str>,
    /// How many choices there are.
    count: usize,
    /// Choice `i`'s name in `lang`.
    name: fn(usize, Lang) -> &'static str,
    /// The chosen index; without it the browser keeps the choice.
    #[prop(optional)]
    selected: Option<Signal<Option<usize>>>,
    /// A first option with the value "" (e.g. "Alla"), chosen as `None`.
    #[prop(optional)]
    empty: Option<Signal<&'static str>>,
    /// Called with the index chosen (`None` for the empty option).
    #[prop(into)]
    on_change: Callback<Option<usize>>,
) -> impl IntoView {
    let i18n = use_i18n();
    // A property, not the `selected` attribute: once the user has chosen, the browser no
    // longer follows the attribute, and a form reset would go on showing the last choice.
    let is = move |i: usize| selected.is_some_and(move |s| s.get() == Some(i));
    let none = move || selected.is_some_and(|s| s.get().is_none());
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| on_change.run(event_target_value(&ev).parse::<usize>().ok().filter(|i| *i < count))>
                {empty.map(|e| view! { <option value="" prop:selected=none>{e}</option> })}
                {(0..count).map(|i| view! {
                    <option value=i.to_string() prop:selected=move || is(i)>{move || name(i, i18n.lang())}</option>
                }).collect_view()}
            </select>
        </div>
    }
}
