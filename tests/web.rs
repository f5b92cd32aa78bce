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
    storage::save_workspace(&s.workspace, &s.exported_at, &s.device).map(|t| String::from(&t.text))
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
    // One version past what this build writes.
    let newer = vagval_core::migrate::CURRENT + 1;
    v["schema_version"] = newer.into();
    v["min_reader_version"] = newer.into();
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

// ---- The workspace store in IndexedDB (issue 12) ------------------------------------------

#[wasm_bindgen::prelude::wasm_bindgen(inline_js = "
export function delete_db() {
  return new Promise((ok) => {
    const r = indexedDB.deleteDatabase('vagval-store');
    r.onsuccess = r.onerror = r.onblocked = () => ok();
  });
}
let put = null;
export function break_puts() {
  put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function () { throw new DOMException('full', 'QuotaExceededError'); };
}
export function mend_puts() { if (put) IDBObjectStore.prototype.put = put; put = null; }
export function listen() {
  const c = new BroadcastChannel('vagval-store');
  const got = [];
  c.onmessage = (e) => { for (const k of e.data.puts) got.push(k); };
  return got;
}
export function announce(key, text) {
  // As another tab does: commit, then name the key on the channel.
  return new Promise((ok, no) => {
    const r = indexedDB.open('vagval-store', 1);
    r.onerror = () => no(r.error);
    r.onsuccess = () => {
      const db = r.result;
      const tx = db.transaction('kv', 'readwrite');
      tx.objectStore('kv').put(text, key);
      tx.objectStore('kv').delete('vagval~parts:' + key);
      tx.onabort = () => no(tx.error);
      tx.oncomplete = () => {
        db.close();
        const c = new BroadcastChannel('vagval-store');
        c.postMessage({ puts: [key], dels: [] });
        c.close();
        ok();
      };
    };
  });
}
export function tick(ms) { return new Promise((ok) => setTimeout(ok, ms)); }
")]
extern "C" {
    fn delete_db() -> js_sys::Promise;
    fn break_puts();
    fn mend_puts();
    fn listen() -> js_sys::Array;
    fn announce(key: &str, text: &str) -> js_sys::Promise;
    fn tick(ms: u32) -> js_sys::Promise;
}

async fn wait(p: js_sys::Promise) {
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// Waits until `done()` holds, up to 5 s (a message between tabs takes its time on a busy
/// machine); the caller's assertion says what was missing when it never does.
async fn until(done: impl Fn() -> bool) {
    for _ in 0..250 {
        if done() {
            return;
        }
        wait(tick(20)).await;
    }
}

/// No IndexedDB store, an empty localStorage.
async fn fresh() {
    storage::close();
    wait(delete_db()).await;
    local().clear().unwrap();
}

/// Opens the store in IndexedDB (as the app does before it mounts).
async fn open_idb() {
    assert_eq!(storage::init().await, storage::Backend::IndexedDb);
}

/// Saves `s` and waits for the transaction; returns the stored text.
async fn commit(s: &Snapshot) -> Result<String, StorageError> {
    let saving = storage::save_workspace(&s.workspace, &s.exported_at, &s.device)?;
    assert!(!saving.commit.is_done(), "IndexedDB commits later");
    let text = String::from(&saving.text);
    saving.commit.done().await.map(|()| text)
}

async fn in_idb(key: StorageKey) -> Option<String> {
    storage::stored_in_idb(&key.as_str()).await
}

fn bigger(by: &str) -> Snapshot {
    let mut s = snap();
    vagval_core::crdt::Record::set(
        &mut s.workspace.meta,
        "description",
        serde_json::json!(by),
        vagval_core::Stamp(9, 0, "t".into()),
    )
    .unwrap();
    Snapshot::new(s.workspace, "t", "d")
}

#[wasm_bindgen_test]
async fn idb_a_write_is_on_disk_when_it_commits_and_loads_back() {
    fresh().await;
    open_idb().await;
    assert!(matches!(storage::load_workspace(), Ok(Loaded::Empty)));
    let written = commit(&snap()).await.unwrap();
    assert_eq!(in_idb(StorageKey::Workspace).await, Some(written.clone()));
    assert_eq!(raw(StorageKey::Workspace), None, "not in localStorage");
    let (loaded, from_backup) = ready(storage::load_workspace().unwrap());
    assert_eq!(loaded, snap());
    assert!(!from_backup);
    // The last-known-good copy has no size limit in IndexedDB and is committed too.
    wait(tick(50)).await;
    assert_eq!(in_idb(StorageKey::LastKnownGood).await, Some(written));
    storage::close();
}

#[wasm_bindgen_test]
async fn idb_a_failed_write_leaves_the_previous_copy_and_the_retry_writes_it() {
    fresh().await;
    open_idb().await;
    let good = commit(&snap()).await.unwrap();
    break_puts();
    let failed = commit(&bigger("first")).await;
    mend_puts();
    assert_eq!(failed, Err(StorageError::QuotaExceeded));
    assert_eq!(
        in_idb(StorageKey::Workspace).await,
        Some(good),
        "previous copy intact"
    );
    // What this tab reads is its own copy (kept in memory), and the next write stores it.
    let retried = commit(&bigger("second")).await.unwrap();
    assert_eq!(in_idb(StorageKey::Workspace).await, Some(retried));
    storage::close();
}

#[wasm_bindgen_test]
async fn idb_a_failed_switch_puts_nothing_aside_and_keeps_the_open_workspace() {
    fresh().await;
    open_idb().await;
    let open = commit(&snap()).await.unwrap();
    // Putting the open workspace aside and storing another is one transaction.
    break_puts();
    storage::shelve(&snap().workspace, "t", "d").unwrap();
    let other = bigger("other");
    let failed = commit(&other).await;
    mend_puts();
    assert_eq!(failed, Err(StorageError::QuotaExceeded));
    assert_eq!(in_idb(StorageKey::Workspace).await, Some(open));
    assert_eq!(storage::stored_in_idb("vagval.shelf").await, None);
    // The retry carries the failed part along: both are stored.
    commit(&other).await.unwrap();
    assert!(storage::stored_in_idb("vagval.shelf").await.is_some());
    storage::close();
}

#[wasm_bindgen_test]
async fn idb_a_damaged_copy_falls_back_to_the_last_known_good_one_and_is_kept() {
    fresh().await;
    open_idb().await;
    let good = commit(&snap()).await.unwrap();
    storage::load_workspace().unwrap(); // writes the last-known-good copy
    let broken = good[..good.len() / 2].to_owned();
    storage::write_js(StorageKey::Workspace, &broken.as_str().into())
        .unwrap()
        .done()
        .await
        .unwrap();
    let (loaded, from_backup) = ready(storage::load_workspace().unwrap());
    assert!(from_backup);
    assert_eq!(loaded, snap());
    wait(tick(50)).await;
    assert_eq!(in_idb(StorageKey::Workspace).await, Some(broken.clone()));
    assert_eq!(in_idb(StorageKey::Unreadable).await, Some(broken));
    storage::close();
}

#[wasm_bindgen_test]
async fn idb_the_old_localstorage_data_moves_in_verified_then_leaves_localstorage() {
    fresh().await;
    let v1 = include_str!("../crates/core/tests/fixtures/v1.json");
    let text = snap().to_compact();
    set_raw(StorageKey::Workspace, &text);
    set_raw(StorageKey::LastKnownGood, &text);
    set_raw(StorageKey::Backup(1), v1);
    local().set_item("vagval.shelf", "[]").unwrap();
    storage::save_prefs(&Prefs::default()).unwrap();
    open_idb().await;
    for key in [
        StorageKey::Workspace,
        StorageKey::LastKnownGood,
        StorageKey::Backup(1),
    ] {
        assert_eq!(raw(key), None, "{key:?} left localStorage");
    }
    assert_eq!(in_idb(StorageKey::Workspace).await, Some(text.clone()));
    assert_eq!(in_idb(StorageKey::Backup(1)).await.as_deref(), Some(v1));
    assert_eq!(
        storage::stored_in_idb("vagval.shelf").await.as_deref(),
        Some("[]")
    );
    assert!(raw(StorageKey::Prefs).is_some(), "small keys stay");
    let (loaded, _) = ready(storage::load_workspace().unwrap());
    assert_eq!(loaded, snap());
    storage::close();
}

#[wasm_bindgen_test]
async fn idb_a_failed_move_leaves_localstorage_as_it_was_and_the_app_on_it() {
    fresh().await;
    let text = snap().to_compact();
    set_raw(StorageKey::Workspace, &text);
    break_puts();
    let backend = storage::init().await;
    mend_puts();
    assert_eq!(backend, storage::Backend::LocalStorage);
    assert_eq!(raw(StorageKey::Workspace), Some(text));
    let (loaded, _) = ready(storage::load_workspace().unwrap());
    assert_eq!(loaded, snap());
    // Still on localStorage: a save lands there, at once.
    assert!(save(&snap()).is_ok());
    assert!(raw(StorageKey::Workspace).is_some());
    storage::close();
    local().clear().unwrap();
}

#[wasm_bindgen_test]
async fn idb_other_tabs_hear_of_a_commit_and_take_theirs_in() {
    fresh().await;
    open_idb().await;
    let heard = listen();
    let written = commit(&snap()).await.unwrap();
    until(|| heard.length() > 0).await;
    let heard: Vec<String> = heard.iter().filter_map(|v| v.as_string()).collect();
    // The key only: the other tabs read the text from the database.
    assert_eq!(heard, vec!["vagval.workspace".to_owned()]);
    assert!(!written.is_empty());
    // The other way: another tab's commit reaches `on_other_tab` and what this tab reads.
    let got = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let sink = got.clone();
    storage::on_other_tab(move |t| sink.borrow_mut().push(t));
    let theirs = bigger("from the other tab").to_compact();
    wait(announce("vagval.workspace", &theirs)).await;
    until(|| !got.borrow().is_empty()).await;
    assert_eq!(*got.borrow(), vec![theirs.clone()]);
    assert_eq!(storage::read(StorageKey::Workspace).unwrap(), Some(theirs));
    storage::close();
}

#[wasm_bindgen_test]
async fn idb_a_rescue_copy_from_a_page_that_went_too_soon_is_taken_in() {
    fresh().await;
    open_idb().await;
    commit(&snap()).await.unwrap();
    storage::close();
    // The page went before its last transaction committed; its copy is in localStorage.
    let mut later = snap();
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let now = js_sys::Date::now() as u64;
    vagval_core::crdt::Record::set(
        &mut later.workspace.meta,
        "description",
        serde_json::json!("written just before the page went"),
        vagval_core::Stamp(now, 0, "dev-test.1".into()),
    )
    .unwrap();
    let text = Snapshot::new(later.workspace, "t", "d").to_compact();
    local().set_item("vagval.rescue", &text).unwrap();
    open_idb().await;
    let (loaded, _) = ready(storage::load_workspace().unwrap());
    assert_eq!(
        vagval_core::crdt::Record::get(&loaded.workspace.meta, "description")
            .and_then(|v| v.as_str().map(str::to_owned))
            .as_deref(),
        Some("written just before the page went")
    );
    assert_eq!(local().get_item("vagval.rescue").unwrap(), None);
    storage::close();
}

/// The stored workspace (the demo), and a rescue copy of another one (`other`) left by a page
/// that went while the write putting `other` in its place was on its way.
async fn rescue_of_another(erased: bool) -> Snapshot {
    fresh().await;
    open_idb().await;
    commit(&snap()).await.unwrap();
    storage::close();
    let other = vagval_core::Doc::new(
        vagval_core::Id::from_random_bytes([7; 16]),
        "Workshop Krokom",
        vagval_core::Stamp(5, 0, "dev-test.1".into()),
    );
    let text = Snapshot::new(other, "t", "d").to_compact();
    local().set_item("vagval.rescue", &text).unwrap();
    if erased {
        local()
            .set_item("vagval.rescue-erased", snap().workspace.id.as_str())
            .unwrap();
    }
    open_idb().await;
    let (loaded, _) = ready(storage::load_workspace().unwrap());
    loaded
}

#[wasm_bindgen_test]
async fn idb_a_rescue_copy_of_another_workspace_opens_it_and_puts_the_stored_one_aside() {
    let loaded = rescue_of_another(false).await;
    assert_eq!(loaded.workspace.name(), "Workshop Krokom");
    let shelf: Vec<_> = storage::shelf().into_iter().map(|s| s.id).collect();
    assert_eq!(shelf, vec![snap().workspace.id]);
    assert!(storage::shelved(&snap().workspace.id).is_some());
    storage::close();
}

#[wasm_bindgen_test]
async fn idb_a_rescue_copy_after_the_open_workspace_was_deleted_does_not_bring_it_back() {
    let loaded = rescue_of_another(true).await;
    assert_eq!(loaded.workspace.name(), "Workshop Krokom");
    assert!(
        storage::shelf().is_empty(),
        "the deleted workspace is not put aside"
    );
    assert!(storage::shelved(&snap().workspace.id).is_none());
    let key = format!("vagval.shelf.{}", snap().workspace.id);
    assert_eq!(storage::stored_in_idb(&key).await, None);
    assert_eq!(local().get_item("vagval.rescue").unwrap(), None);
    assert_eq!(local().get_item("vagval.rescue-erased").unwrap(), None);
    storage::close();
}

#[wasm_bindgen_test]
async fn idb_the_autosave_joined_from_kept_pieces_is_the_snapshot_and_loads_back() {
    use vagval_core::document::Pieces;
    use vagval_core::kernel::pieces::Cursor;
    fresh().await;
    open_idb().await;
    // Issue 12: the county workspace (every module) from pieces made in the browser's own
    // strings is the compact snapshot, character for character, and loads back.
    let doc = vagval_core::demo::county_doc();
    let mut cache: Pieces<js_sys::JsString> = Pieces::default();
    let mut cursor = Cursor::default();
    let mut slices = 0;
    let mut n = 0;
    while !doc.refresh_pieces(
        &mut cache,
        &mut cursor,
        &mut |json| js_sys::JsString::from(json),
        &mut || {
            n += 1;
            n % 100 == 0
        },
    ) {
        slices += 1;
    }
    assert!(slices > 1);
    let parts = doc.pieces(&cache).unwrap();
    let head = Snapshot::compact_head(
        parts.iter().map(vagval_core::kernel::pieces::Part::json),
        "2026-12-02T10:00:00.000Z",
        "dev-test",
    );
    let joined = storage::join_snapshot(&head, &parts);
    assert!(joined.chunks.length() > 5);
    let text = joined.text.clone();
    assert_eq!(
        String::from(&text),
        Snapshot::compact_of(&doc, "2026-12-02T10:00:00.000Z", "dev-test")
    );
    storage::save_text(joined)
        .unwrap()
        .commit
        .done()
        .await
        .unwrap();
    assert_eq!(
        storage::stored_in_idb("vagval.workspace").await,
        Some(String::from(&text))
    );
    let (loaded, from_backup) = ready(storage::load_workspace().unwrap());
    assert!(!from_backup);
    assert_eq!(loaded.workspace, doc);
    storage::close();
}

#[wasm_bindgen_test]
async fn idb_a_long_text_is_stored_in_parts_read_back_whole_and_replaced_whole() {
    fresh().await;
    open_idb().await;
    // Issue 12: 700 000 characters (three parts of 2^18), with characters beyond Latin-1.
    let long: String = (0..700_000u32)
        .map(|i| ['a', 'å', '–', '→', '"'][(i % 5) as usize])
        .collect();
    let key = StorageKey::Workspace;
    storage::write_js(key, &js_sys::JsString::from(long.as_str()))
        .unwrap()
        .done()
        .await
        .unwrap();
    assert_eq!(
        storage::stored_in_idb("vagval.workspace").await,
        Some(long.clone())
    );
    // A start reads it back whole; the parts are no keys of their own.
    storage::close();
    open_idb().await;
    assert_eq!(storage::read(key).unwrap().as_deref(), Some(long.as_str()));
    assert!(
        storage::workspace_keys()
            .iter()
            .all(|k| !k.starts_with("vagval~"))
    );
    // A failed write of another long text leaves the stored one whole.
    break_puts();
    let other: String = long.chars().rev().collect();
    let failed = storage::write_js(key, &js_sys::JsString::from(other.as_str()));
    if let Ok(commit) = failed {
        assert!(commit.done().await.is_err());
    }
    mend_puts();
    storage::close();
    open_idb().await;
    assert_eq!(storage::read(key).unwrap().as_deref(), Some(long.as_str()));
    // A short text replaces it whole: no part of the long one is joined to it.
    storage::write_js(key, &js_sys::JsString::from("kort"))
        .unwrap()
        .done()
        .await
        .unwrap();
    storage::close();
    open_idb().await;
    assert_eq!(storage::read(key).unwrap().as_deref(), Some("kort"));
    assert_eq!(
        storage::stored_in_idb("vagval.workspace").await.as_deref(),
        Some("kort")
    );
    storage::close();
}

#[wasm_bindgen::prelude::wasm_bindgen(inline_js = "
let put2 = null;
export function break_later_parts() {
  put2 = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (v, k) {
    if (typeof k === 'string' && k.indexOf('vagval~part:2:') === 0) {
      // The third part, put in a later task, fails (it cannot be cloned).
      return put2.call(this, { bad: () => 1 }, k);
    }
    return put2.call(this, v, k);
  };
}
export function mend_later_parts() { if (put2) IDBObjectStore.prototype.put = put2; put2 = null; }
")]
extern "C" {
    fn break_later_parts();
    fn mend_later_parts();
}

#[wasm_bindgen_test]
async fn idb_a_part_that_fails_late_leaves_the_stored_text_whole() {
    fresh().await;
    open_idb().await;
    let key = StorageKey::Workspace;
    let long = "é".repeat(700_000);
    storage::write_js(key, &js_sys::JsString::from(long.as_str()))
        .unwrap()
        .done()
        .await
        .unwrap();
    break_later_parts();
    let other = "ü".repeat(800_000);
    let result = match storage::write_js(key, &js_sys::JsString::from(other.as_str())) {
        Ok(commit) => commit.done().await,
        Err(e) => Err(e),
    };
    mend_later_parts();
    assert!(result.is_err());
    storage::close();
    open_idb().await;
    assert_eq!(storage::read(key).unwrap().as_deref(), Some(long.as_str()));
    storage::close();
}

#[wasm_bindgen::prelude::wasm_bindgen(inline_js = "
function open() {
  return new Promise((ok, no) => {
    const r = indexedDB.open('vagval-store', 1);
    r.onsuccess = () => ok(r.result);
    r.onerror = () => no(r.error);
  });
}
// As another tab of this version writes a text of `n` parts, then names the key.
export async function other_tab_writes_parts(key, n) {
  const db = await open();
  await new Promise((ok, no) => {
    const tx = db.transaction('kv', 'readwrite');
    const s = tx.objectStore('kv');
    s.put('p0', key);
    s.put(n, 'vagval~parts:' + key);
    for (let i = 1; i < n; i++) s.put('p' + i, 'vagval~part:' + i + ':' + key);
    tx.oncomplete = ok;
    tx.onabort = () => no(tx.error);
  });
  db.close();
  const c = new BroadcastChannel('vagval-store');
  c.postMessage({ puts: [key], dels: [] });
  c.close();
}
export async function raw_keys() {
  const db = await open();
  const keys = await new Promise((ok) => {
    const r = db.transaction('kv').objectStore('kv').getAllKeys();
    r.onsuccess = () => ok(r.result);
  });
  db.close();
  return keys;
}
")]
extern "C" {
    fn other_tab_writes_parts(key: &str, n: u32) -> js_sys::Promise;
    fn raw_keys() -> js_sys::Promise;
}

#[wasm_bindgen_test]
async fn idb_parts_another_tab_wrote_are_deleted_by_a_shorter_write_here() {
    fresh().await;
    open_idb().await;
    let key = StorageKey::Workspace;
    let long = "x".repeat(600_000);
    storage::write_js(key, &js_sys::JsString::from(long.as_str()))
        .unwrap()
        .done()
        .await
        .unwrap();
    // Another tab stores six parts (this tab knew of three) and says so.
    wait(other_tab_writes_parts("vagval.workspace", 6)).await;
    until(|| storage::read(key).ok().flatten().as_deref() == Some("p0p1p2p3p4p5")).await;
    assert_eq!(storage::read(key).unwrap().as_deref(), Some("p0p1p2p3p4p5"));
    // A short text here leaves no part of theirs behind.
    storage::write_js(key, &js_sys::JsString::from("kort"))
        .unwrap()
        .done()
        .await
        .unwrap();
    let keys = wasm_bindgen_futures::JsFuture::from(raw_keys())
        .await
        .unwrap();
    let keys: Vec<String> = js_sys::Array::from(&keys)
        .iter()
        .filter_map(|k| k.as_string())
        .collect();
    assert!(keys.iter().all(|k| !k.starts_with("vagval~")), "{keys:?}");
    storage::close();
}
