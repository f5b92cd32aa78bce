//! The projector view's switch: it puts `projector` on `<html>` (the stylesheet then hides the
//! navigation and lets the page fill a wide screen) and takes it off when the page goes.
use leptos::prelude::*;

/// A toggle button for the projector view, labelled `label`.
#[component]
pub fn ProjectorButton(label: Signal<&'static str>) -> impl IntoView {
    let on = RwSignal::new(false);
    let set = |v: bool| {
        if let Some(html) = document().document_element() {
            let _ = html.class_list().toggle_with_force("projector", v);
        }
    };
    Effect::new(move |_| set(on.get()));
    on_cleanup(move || set(false));
    view! {
        <button type="button" class="secondary" data-testid="projector" aria-pressed=move || on.get().to_string()
            on:click=move |_| on.update(|p| *p = !*p)>{label}</button>
    }
}
