//! Form fields bound to one part of a form held in a signal (a project's, an application's, a
//! template's): a text input, a text area, a check box. One copy of each for every module; a
//! module passes its label as a signal of its own catalogue.
use leptos::prelude::*;

/// A labelled input for one string of `form`: `kind` "date" is a date field, "number" a number
/// field, "numeric" and "decimal" a text field with that keyboard, anything else plain text.
pub fn text_field<F: Send + Sync + 'static>(
    form: RwSignal<F>,
    id: &'static str,
    label: Signal<&'static str>,
    kind: &'static str,
    get: fn(&F) -> String,
    put: fn(&mut F, String),
) -> impl IntoView {
    let (input, mode) = match kind {
        "date" => ("date", None),
        "number" => ("number", None),
        "numeric" | "decimal" => ("text", Some(kind)),
        _ => ("text", None),
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id type=input inputmode=mode maxlength="2000" prop:value=move || form.with(get)
                on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| put(f, v)); }/>
        </div>
    }
}

/// A labelled text area for one string of `form`, with a hint under the label if given.
pub fn text_area<F: Send + Sync + 'static>(
    form: RwSignal<F>,
    id: &'static str,
    label: Signal<&'static str>,
    hint: Option<Signal<&'static str>>,
    get: fn(&F) -> String,
    put: fn(&mut F, String),
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let described = hint.map(|_| hint_id.clone());
    view! {
        <div class="field grow">
            <label for=id>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <textarea id=id rows="3" maxlength="100000" aria-describedby=described prop:value=move || form.with(get)
                on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| put(f, v)); }></textarea>
        </div>
    }
}

/// A labelled check box for one flag of `form`.
pub fn check_field<F: Send + Sync + 'static>(
    form: RwSignal<F>,
    id: &'static str,
    label: Signal<&'static str>,
    get: fn(&F) -> bool,
    put: fn(&mut F, bool),
) -> impl IntoView {
    view! {
        <div class="field check">
            <input id=id type="checkbox" prop:checked=move || form.with(get)
                on:change=move |ev| { let v = event_target_checked(&ev); form.update(|f| put(f, v)); }/>
            <label for=id>{label}</label>
        </div>
    }
}
