//! The bridge to `public/pwa.js`, which registers the service worker.
//!
//! The worker never switches versions under an open page: `pwa.js` marks
//! `<html data-update-ready>` and fires `vagval:update-ready` when a new version
//! is waiting; the shell shows "Ny version finns — ladda om", flushes the save and
//! fires `vagval:apply-update`, after which `pwa.js` activates the new worker and
//! reloads.
use leptos::ev;
use leptos::prelude::*;

const READY_EVENT: &str = "vagval:update-ready";
const APPLY_EVENT: &str = "vagval:apply-update";

/// True once a new version is installed and waiting.
#[must_use]
pub fn update_ready() -> RwSignal<bool> {
    let already = document()
        .document_element()
        .is_some_and(|html| html.has_attribute("data-update-ready"));
    let ready = RwSignal::new(already);
    let _ = window_event_listener(ev::Custom::<web_sys::Event>::new(READY_EVENT), move |_| {
        ready.set(true);
    });
    ready
}

/// Asks `pwa.js` to activate the waiting worker and reload.
pub fn apply_update() {
    if let Ok(event) = web_sys::Event::new(APPLY_EVENT) {
        let _ = window().dispatch_event(&event);
    }
}
