//! Vägval's browser shell (Leptos 0.8, client-side rendered).
//!
//! A thin layer over `vagval-core`: the shell (contexts, router, navigation, banners, its own
//! pages, the service-worker bridge) in [`app`], one folder per module in [`modules`] (listed
//! once in [`modules::MODULES`]), shared view components in [`ui`], app state and commands in
//! [`state`], the only browser-storage code in [`storage`] and [`journal`], files in
//! [`file_io`], the translation machinery in [`i18n`].
// No unsafe code of our own; `deny` rather than `forbid` only so the split points
// (`split_point!`, src/modules/mod.rs) can allow what their attribute generates.
#![deny(unsafe_code)]

pub mod app;
pub mod file_io;
pub mod i18n;
pub mod journal;
pub mod modules;
pub mod state;
pub mod storage;
pub mod ui;

pub use app::router;

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
    leptos::mount::mount_to(root, app::App).forget();
    if let Some(html) = doc.document_element() {
        let _ = html.set_attribute("data-ready", "");
    }
    if let Some(perf) = window().performance() {
        let _ = perf.mark("vagval-interactive");
    }
}
