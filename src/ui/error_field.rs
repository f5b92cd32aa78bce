//! A labelled text or code input with its error line.
use leptos::prelude::*;

/// A `<div class="field">` with a label, an input bound to `value` and, below it, the error
/// line (`role="alert"`) the input is described by.
#[component]
pub fn ErrorField(
    /// The input's id (the label's `for`).
    id: &'static str,
    /// The error line's id.
    error_id: &'static str,
    /// The label.
    label: Signal<&'static str>,
    /// `"field"` or `"field grow"`.
    #[prop(default = "field")]
    class: &'static str,
    /// The input's type (`"text"`, `"password"`).
    #[prop(default = "text")]
    kind: &'static str,
    /// `inputmode="numeric"` for codes.
    #[prop(optional)]
    numeric: bool,
    /// The shortest accepted length, if any.
    #[prop(optional)]
    min_length: Option<usize>,
    /// What is typed.
    value: RwSignal<String>,
    /// The error shown, if any.
    error: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    view! {
        <div class=class>
            <label for=id>{label}</label>
            <input id=id type=kind inputmode=numeric.then_some("numeric") autocomplete="off"
                minlength=min_length.map(|n| n.to_string()) aria-describedby=error_id
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
            <p id=error_id class="field-error" role="alert">{move || error.get()}</p>
        </div>
    }
}
