//! The bridge to `public/journal.js`: a tablet's ballots in IndexedDB, on disk when the
//! transaction completes (localStorage is committed by the browser seconds later, so a ballot
//! only there could be lost when the browser is killed right after the thanks). The only code
//! that reaches IndexedDB.
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = vagvalJournal, js_name = put)]
    fn put_js(key: &str, text: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = vagvalJournal, js_name = all)]
    fn all_js() -> Result<js_sys::Promise, JsValue>;
}

/// Stores `text` under `key`; `Ok` once it is committed.
///
/// # Errors
/// When IndexedDB is unavailable or the write failed.
pub async fn put(key: &str, text: &str) -> Result<(), JsValue> {
    JsFuture::from(put_js(key, text)?).await.map(|_| ())
}

/// Every journalled text (empty when there is no journal).
pub async fn all() -> Vec<String> {
    let Ok(promise) = all_js() else {
        return Vec::new();
    };
    let Ok(list) = JsFuture::from(promise).await else {
        return Vec::new();
    };
    list.dyn_into::<js_sys::Array>()
        .map(|a| a.iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default()
}
