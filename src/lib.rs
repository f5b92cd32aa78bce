//! Vägval's browser shell (Leptos 0.8, client-side rendered).
//!
//! A thin layer over `vagval-core`: components per module in [`pages`], the
//! only localStorage code in [`storage`], app state and commands in [`state`],
//! the UI strings in [`i18n`], the service-worker bridge in [`pwa`].
#![forbid(unsafe_code)]

pub mod file_io;
pub mod i18n;
pub mod journal;
pub mod pages;
pub mod pwa;
pub mod router;
pub mod shell;
pub mod state;
pub mod storage;
pub mod view;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Replaces the static loading shell in `#app` with the running app and marks
/// `vagval-interactive` for the start-up benchmark.
pub fn start() {
    console_error_panic_hook::set_once();
    // Issue 12: the workspace store (IndexedDB, read into memory) opens before anything reads it.
    wasm_bindgen_futures::spawn_local(async {
        storage::init().await;
        mount();
    });
}

fn mount() {
    let doc = document();
    let Some(root) = doc
        .get_element_by_id("app")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    root.set_text_content(None);
    leptos::mount::mount_to(root, shell::App).forget();
    if let Some(html) = doc.document_element() {
        let _ = html.set_attribute("data-ready", "");
    }
    if let Some(perf) = window().performance() {
        let _ = perf.mark("vagval-interactive");
    }
}
