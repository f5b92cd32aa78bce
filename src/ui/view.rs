//! Small view helpers that keep the wasm bundle small.
//!
//! Every `move || …` closure placed in a `view!` instantiates Leptos's whole render
//! machinery for its own type (measured: ≈ 1–5 KB each). These helpers route dynamic parts
//! through one non-generic closure type over a boxed function, so the machinery exists once.
//! Children are built untracked: only what the helper's own input reads re-renders them.
use leptos::prelude::*;
use std::sync::Arc;

type Build = Arc<dyn Fn() -> AnyView + Send + Sync>;

fn erased(build: Build) -> impl IntoView {
    move || build()
}

/// A part of the view rebuilt whenever what `build` reads changes.
pub fn dynamic(build: impl Fn() -> AnyView + Send + Sync + 'static) -> impl IntoView {
    erased(Arc::new(build))
}

/// `then()` while `cond()` holds, `otherwise()` when not; rebuilt only when the condition flips.
pub fn either(
    cond: impl Fn() -> bool + Send + Sync + 'static,
    then: impl Fn() -> AnyView + Send + Sync + 'static,
    otherwise: impl Fn() -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let c = Memo::new(move |_| cond());
    dynamic(move || {
        if c.get() {
            untrack(&then)
        } else {
            untrack(&otherwise)
        }
    })
}

/// `then()` while `cond()` holds.
pub fn when(
    cond: impl Fn() -> bool + Send + Sync + 'static,
    then: impl Fn() -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    either(cond, then, || ().into_any())
}

/// A list rebuilt as a whole when `items()` changes (for short lists; long, often
/// edited lists keep `<For>`).
pub fn list<T: 'static>(
    items: impl Fn() -> Vec<T> + Send + Sync + 'static,
    row: impl Fn(T) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    dynamic(move || {
        let v = items();
        untrack(|| v.into_iter().map(&row).collect::<Vec<_>>().into_any())
    })
}

/// Reactive text.
pub fn text(f: impl Fn() -> String + Send + Sync + 'static) -> Signal<String> {
    Signal::derive(f)
}

/// Puts the keyboard focus on the element with `id`, if there is one.
pub fn focus_id(id: &str) {
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    {
        let _ = el.focus();
    }
}

/// [`focus_id`] once the next frame is drawn: for an element a signal just changed is about to
/// draw (an editor opening) or draw anew (a list after a save).
pub fn focus_next_frame(id: String) {
    request_animation_frame(move || focus_id(&id));
}

/// Whether keyboard focus is nowhere in particular (on the body, or none): where it falls when
/// the focused element is moved in the DOM or hidden, as a keyed list does to its rows.
#[must_use]
pub fn focus_lost(active: Option<&web_sys::Element>) -> bool {
    active.is_none_or(|a| document().body().is_some_and(|b| a == b.as_ref()))
}
