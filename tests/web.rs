//! Browser glue tests, run by wasm-bindgen-test in headless Chromium:
//! `cargo test --target wasm32-unknown-unknown -p vagval --test web` (see `cargo xtask test`).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use vagval::storage::{self, Prefs, StorageError, StorageKey};
use vagval_core::{Lang, Snapshot, SnapshotError, demo::demo_workspace};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn raw(key: StorageKey) -> Option<String> {
    local().get_item(key.as_str()).unwrap()
}

#[wasm_bindgen_test]
fn workspace_round_trips_through_local_storage() {
    local().clear().unwrap();
    assert!(storage::is_available());
    assert_eq!(storage::load_workspace(), Ok(None));
    let snap = Snapshot::new(demo_workspace(), "2026-11-22T10:00:00.000Z", "dev-test");
    storage::save_workspace(&snap).unwrap();
    assert_eq!(storage::load_workspace().unwrap(), Some(snap));
}

#[wasm_bindgen_test]
fn an_unreadable_stored_copy_is_reported_and_left_untouched() {
    local().clear().unwrap();
    let broken = "{\"format\":\"vagval/workspace\",\"schema_version\":1,";
    local().set_item(StorageKey::Workspace.as_str(), broken).unwrap();
    assert!(matches!(
        storage::load_workspace(),
        Err(StorageError::Snapshot(SnapshotError::Json { .. }))
    ));
    assert_eq!(raw(StorageKey::Workspace).as_deref(), Some(broken));
}

#[wasm_bindgen_test]
fn prefs_round_trip_and_fall_back_to_defaults() {
    local().clear().unwrap();
    assert_eq!(storage::load_prefs(), Prefs::default());
    let prefs = Prefs { lang: Lang::En, large_text: true };
    storage::save_prefs(&prefs).unwrap();
    assert_eq!(storage::load_prefs(), prefs);
    local().set_item(StorageKey::Prefs.as_str(), "not json").unwrap();
    assert_eq!(storage::load_prefs(), Prefs::default());
}

#[wasm_bindgen_test]
fn device_id_is_created_once() {
    local().clear().unwrap();
    let id = storage::device_id();
    assert!(id.starts_with("dev-") && id.len() == 20, "{id}");
    assert_eq!(storage::device_id(), id);
}

#[wasm_bindgen_test]
fn a_full_quota_is_a_typed_error_and_keeps_the_old_value() {
    local().clear().unwrap();
    let snap = Snapshot::new(demo_workspace(), "2026-11-22T10:00:00.000Z", "dev-test");
    storage::save_workspace(&snap).unwrap();
    let before = raw(StorageKey::Workspace);

    // Fill the origin's quota with filler keys.
    let chunk = "x".repeat(512 * 1024);
    let mut n = 0;
    while local().set_item(&format!("filler.{n}"), &chunk).is_ok() {
        n += 1;
        assert!(n < 200, "quota never reached");
    }
    let mut bigger = snap.clone();
    bigger.workspace.description = "y".repeat(600 * 1024);
    assert_eq!(storage::save_workspace(&bigger), Err(StorageError::QuotaExceeded));
    assert_eq!(raw(StorageKey::Workspace), before);
    local().clear().unwrap();
}
