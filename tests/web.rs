//! Browser glue tests, run by wasm-bindgen-test in headless Chromium:
//! `cargo test --target wasm32-unknown-unknown -p vagval --test web` (see `cargo xtask test`).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use vagval::storage::{self, Loaded, Prefs, StorageError, StorageKey};
use vagval_core::snapshot::ImportError;
use vagval_core::{Lang, Snapshot, demo::demo_doc};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn raw(key: StorageKey) -> Option<String> {
    local().get_item(&key.as_str()).unwrap()
}

fn set_raw(key: StorageKey, value: &str) {
    local().set_item(&key.as_str(), value).unwrap();
}

fn snap() -> Snapshot {
    Snapshot::new(demo_doc(), "2026-11-22T10:00:00.000Z", "dev-test")
}

/// Stores `s` the way the autosave does; returns the stored text.
fn save(s: &Snapshot) -> Result<String, StorageError> {
    storage::save_workspace(&s.workspace, &s.exported_at, &s.device).map(|t| String::from(&t))
}

fn ready(l: Loaded) -> (Snapshot, bool) {
    match l {
        Loaded::Ready {
            decoded,
            from_backup,
            ..
        } => (decoded.snapshot, from_backup),
        other => panic!("{other:?}"),
    }
}

#[wasm_bindgen_test]
fn workspace_round_trips_and_refreshes_the_last_known_good_copy() {
    local().clear().unwrap();
    assert!(storage::is_available());
    assert!(matches!(storage::load_workspace(), Ok(Loaded::Empty)));
    let written = save(&snap()).unwrap();
    assert_eq!(
        raw(StorageKey::Workspace).as_deref(),
        Some(written.as_str())
    );
    let (loaded, from_backup) = ready(storage::load_workspace().unwrap());
    assert_eq!(loaded, snap());
    assert!(!from_backup);
    assert_eq!(raw(StorageKey::LastKnownGood), Some(written));
}

#[wasm_bindgen_test]
fn a_damaged_copy_falls_back_to_the_last_known_good_one_and_is_kept() {
    local().clear().unwrap();
    let good = save(&snap()).unwrap();
    storage::load_workspace().unwrap(); // writes the last-known-good copy
    let broken = &good[..good.len() / 2];
    set_raw(StorageKey::Workspace, broken);
    let (loaded, from_backup) = ready(storage::load_workspace().unwrap());
    assert!(from_backup);
    assert_eq!(loaded, snap());
    assert_eq!(
        raw(StorageKey::Workspace).as_deref(),
        Some(broken),
        "main copy untouched"
    );
    assert_eq!(
        raw(StorageKey::Unreadable).as_deref(),
        Some(broken),
        "damaged copy kept aside"
    );
}

#[wasm_bindgen_test]
fn nothing_readable_is_a_failure_with_the_raw_text_never_a_reset() {
    local().clear().unwrap();
    set_raw(StorageKey::Workspace, "{\"format\":\"vagval/workspace\",");
    match storage::load_workspace().unwrap() {
        Loaded::Failed {
            raw: text,
            error: StorageError::Unreadable(ImportError::Json { .. }),
        } => {
            assert_eq!(text, "{\"format\":\"vagval/workspace\",");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        raw(StorageKey::Workspace).as_deref(),
        Some("{\"format\":\"vagval/workspace\",")
    );
}

#[wasm_bindgen_test]
fn an_older_stored_copy_is_backed_up_before_migration() {
    local().clear().unwrap();
    let v1 = include_str!("../crates/core/tests/fixtures/v1.json");
    set_raw(StorageKey::Workspace, v1);
    let (loaded, _) = ready(storage::load_workspace().unwrap());
    assert_eq!(
        loaded.workspace.name(),
        "Påverkansagenda Jämtland Härjedalen"
    );
    assert_eq!(raw(StorageKey::Backup(1)).as_deref(), Some(v1));
}

#[wasm_bindgen_test]
fn a_copy_from_a_newer_version_is_refused_for_writing() {
    local().clear().unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&snap().to_compact()).unwrap();
    v["schema_version"] = 9.into();
    v["min_reader_version"] = 9.into();
    set_raw(StorageKey::Workspace, &v.to_string());
    assert_eq!(storage::load_workspace().unwrap_err(), StorageError::Newer);
}

#[wasm_bindgen_test]
fn prefs_round_trip_and_fall_back_to_defaults() {
    local().clear().unwrap();
    assert_eq!(storage::load_prefs(), Prefs::default());
    let prefs = Prefs {
        lang: Lang::En,
        large_text: true,
    };
    storage::save_prefs(&prefs).unwrap();
    assert_eq!(storage::load_prefs(), prefs);
    set_raw(StorageKey::Prefs, "not json");
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
    save(&snap()).unwrap();
    let before = raw(StorageKey::Workspace);
    let mut n = 0;
    for size in [512 * 1024, 16 * 1024] {
        let chunk = "x".repeat(size);
        while local().set_item(&format!("filler.{n}"), &chunk).is_ok() {
            n += 1;
            assert!(n < 2_000, "quota never reached");
        }
    }
    let mut bigger = snap();
    let id = bigger.workspace.id.clone();
    vagval_core::crdt::Record::set(
        &mut bigger.workspace.meta,
        "description",
        serde_json::json!("y".repeat(90_000)),
        vagval_core::Stamp(9, 0, "t".into()),
    )
    .unwrap();
    assert_eq!(bigger.workspace.id, id);
    let bigger = Snapshot::new(bigger.workspace, "t", "d");
    assert_eq!(save(&bigger), Err(StorageError::QuotaExceeded));
    assert_eq!(raw(StorageKey::Workspace), before);
    local().clear().unwrap();
}

#[wasm_bindgen_test]
fn file_names_are_slugs() {
    assert_eq!(
        vagval::file_io::slug("Påverkansagenda Jämtland 2020"),
        "paverkansagenda-jamtland-2020"
    );
}

#[wasm_bindgen_test]
fn routes_round_trip() {
    use vagval::router::Route;
    for r in Route::ALL {
        assert_eq!(Route::from_path(r.path()), r);
    }
    assert_eq!(Route::from_path("/inspel/"), Route::Inspel);
    assert_eq!(Route::from_path(""), Route::Overview);
    assert_eq!(Route::from_path("/finns-inte"), Route::NotFound);
}
