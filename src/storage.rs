//! The only code that touches `localStorage`, the workspace store in IndexedDB
//! (`public/store.js`) and `navigator.storage`.
//!
//! Every call returns a [`StorageError`] instead of panicking: storage may be missing
//! (private mode, blocked by policy), full, or hold something this version cannot read.
//! A failed write leaves the stored value as it was; nothing here ever deletes the
//! workspace or writes over a copy it could not read.
//!
//! **Where things live** ([`init`], awaited before the app mounts): the workspace keys — the
//! workspace, its last-known-good copy, the pre-migration backups, the unreadable copy and the
//! workspaces put aside (`vagval.workspace*`, `vagval.shelf*`) — live in IndexedDB, read once
//! into memory at start so reads stay synchronous; a write is "done" when its transaction
//! commits ([`Commit`]). The small keys (preferences, device id, last export, participant
//! mode, a ballot half-way, the home-screen hint) stay in localStorage: a few hundred bytes,
//! read synchronously before or while the app mounts, and cheap to lose (a ballot half-way is
//! also covered by the ballot journal once submitted). Without IndexedDB (some private modes)
//! or when moving the old localStorage data fails, everything stays in localStorage as before.
use std::borrow::Cow;
use std::cell::Cell;

use serde::{Deserialize, Serialize};
use thiserror::Error;
use vagval_core::snapshot::{Decoded, ImportError, decode};
use vagval_core::{Doc, Lang, Localized, Snapshot};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Every key Vägval writes, prefixed so it never collides with other apps on the origin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageKey {
    /// The workspace snapshot (same envelope as an exported file).
    Workspace,
    /// Last-known-good copy, written once per session after a successful load.
    LastKnownGood,
    /// The stored copy as it was before a migration from schema `N`.
    Backup(u32),
    /// A stored copy that could not be read, kept before anything is written.
    Unreadable,
    /// Per-device preferences; never exported.
    Prefs,
    /// Device-local facts about the workspace (last export); never exported.
    Local,
    /// Random id of this device, written into snapshots.
    Device,
    /// A ballot half-way through (`tablet` or `paper`), so that a reload keeps it.
    BallotDraft(&'static str),
    /// Participant mode on this tablet (round and code hash); never exported.
    Kiosk,
    /// The home-screen guide was dismissed on this device (iPad/iPhone Safari).
    HomeScreenHint,
}

impl StorageKey {
    /// The localStorage key.
    #[must_use]
    pub fn as_str(self) -> Cow<'static, str> {
        match self {
            Self::Workspace => "vagval.workspace".into(),
            Self::LastKnownGood => "vagval.workspace.lkg".into(),
            Self::Backup(v) => format!("vagval.workspace.backup.v{v}").into(),
            Self::Unreadable => "vagval.workspace.unreadable".into(),
            Self::Prefs => "vagval.prefs".into(),
            Self::Local => "vagval.local".into(),
            Self::Device => "vagval.device".into(),
            Self::BallotDraft(which) => format!("vagval.ballot.{which}").into(),
            Self::Kiosk => "vagval.rostlage".into(),
            Self::HomeScreenHint => "vagval.hint.homescreen".into(),
        }
    }
}

/// Why storage could not be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StorageError {
    /// The browser gives no localStorage (private mode, disabled, sandboxed).
    #[error("local storage is unavailable")]
    Unavailable,
    /// The write did not fit; the previous value is intact.
    #[error("local storage is full")]
    QuotaExceeded,
    /// Any other browser error.
    #[error("storage error: {0}")]
    Browser(String),
    /// The stored workspace could not be read by this version.
    #[error("stored workspace unreadable: {0}")]
    Unreadable(#[from] ImportError),
    /// A newer version of Vägval wrote the stored copy; this tab must not write.
    #[error("stored by a newer version")]
    Newer,
}

impl Localized for StorageError {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::Unavailable, Lang::Sv) => {
                "Lagringen är inte tillgänglig i den här webbläsaren.".into()
            }
            (Self::Unavailable, Lang::En) => "Storage is not available in this browser.".into(),
            (Self::QuotaExceeded, Lang::Sv) => {
                "Inte sparat — lagringen är full. Exportera nu".into()
            }
            (Self::QuotaExceeded, Lang::En) => "Not saved — storage is full. Export now".into(),
            (Self::Browser(detail), Lang::Sv) => {
                format!("Inte sparat — lagringen svarade med ett fel: {detail}")
            }
            (Self::Browser(detail), Lang::En) => {
                format!("Not saved — storage reported an error: {detail}")
            }
            (Self::Unreadable(e), lang) => e.message(lang),
            (Self::Newer, Lang::Sv) => {
                "En nyare version av Vägval har sparat här. Ladda om sidan för att uppdatera; \
                 tills dess sparas inga ändringar."
                    .into()
            }
            (Self::Newer, Lang::En) => {
                "A newer version of Vägval has saved here. Reload the page to update; until \
                 then no changes are saved."
                    .into()
            }
        }
    }
}

fn local() -> Result<web_sys::Storage, StorageError> {
    // `window.localStorage` itself throws (SecurityError) when storage is blocked.
    web_sys::window()
        .ok_or(StorageError::Unavailable)?
        .local_storage()
        .map_err(|_| StorageError::Unavailable)?
        .ok_or(StorageError::Unavailable)
}

fn browser_error(e: &wasm_bindgen::JsValue) -> StorageError {
    match e.dyn_ref::<web_sys::DomException>() {
        Some(ex) if ex.name() == "QuotaExceededError" || matches!(ex.code(), 22 | 1014) => {
            StorageError::QuotaExceeded
        }
        Some(ex) => StorageError::Browser(format!("{}: {}", ex.name(), ex.message())),
        None => StorageError::Browser(format!("{e:?}")),
    }
}

/// Where the workspace is kept on this device.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// IndexedDB (the workspace keys; the small keys stay in localStorage).
    IndexedDb,
    /// localStorage (no IndexedDB, or moving the old data into it failed).
    LocalStorage,
    /// Nowhere: memory only.
    None,
}

thread_local! {
    /// Set by [`init`]; before it (and in tests that do not call it) localStorage is used.
    static IDB: Cell<bool> = const { Cell::new(false) };
}

#[wasm_bindgen::prelude::wasm_bindgen(module = "/public/store.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = init)]
    fn idb_init() -> Result<js_sys::Promise, wasm_bindgen::JsValue>;
    #[wasm_bindgen(js_name = getText)]
    fn idb_get(key: &str) -> Option<js_sys::JsString>;
    #[wasm_bindgen(js_name = allKeys)]
    fn idb_keys() -> js_sys::Array;
    #[wasm_bindgen(js_name = putText)]
    fn idb_put(key: &str, value: &js_sys::JsString) -> js_sys::Promise;
    #[wasm_bindgen(js_name = putParts)]
    fn idb_put_parts(key: &str, text: &js_sys::JsString, chunks: &js_sys::Array)
    -> js_sys::Promise;
    #[wasm_bindgen(js_name = delText)]
    fn idb_del(key: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = onOther)]
    fn idb_on_other(f: &js_sys::Function);
    #[wasm_bindgen(js_name = stored)]
    fn idb_stored(key: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = reset)]
    fn idb_reset();
}

/// Where the workspace is kept.
#[must_use]
pub fn backend() -> Backend {
    if IDB.get() {
        Backend::IndexedDb
    } else if local_available() {
        Backend::LocalStorage
    } else {
        Backend::None
    }
}

/// Opens the workspace store: IndexedDB, read into memory, with the workspace keys an older
/// version kept in localStorage moved into it (copied, read back and compared, only then removed
/// from localStorage). On any failure localStorage stays the store, untouched. Await it before
/// the app reads storage.
pub async fn init() -> Backend {
    let opened = match idb_init() {
        Ok(p) => JsFuture::from(p).await,
        Err(e) => Err(e),
    };
    match opened {
        Ok(report) => {
            IDB.set(true);
            take_rescue().await;
            let kept = js_sys::Reflect::get(&report, &"kept".into())
                .ok()
                .map(|k| js_sys::Array::from(&k).length())
                .unwrap_or(0);
            if kept > 0 {
                leptos::logging::warn!(
                    "vagval: {kept} workspace key(s) left in localStorage (IndexedDB holds others)"
                );
            }
        }
        Err(e) => {
            IDB.set(false);
            leptos::logging::warn!("vagval: IndexedDB not used, localStorage instead: {e:?}");
        }
    }
    backend()
}

/// localStorage key of the rescue copy (not a workspace key: the move leaves it alone).
const RESCUE: &str = "vagval.rescue";

/// The page is going while IndexedDB writes are not committed (a transaction still running
/// when the page unloads is aborted): `text` is also written synchronously to localStorage,
/// best effort, and taken in at the next start ([`init`]).
pub fn rescue(text: &js_sys::JsString) {
    if IDB.get()
        && let Ok(s) = local()
    {
        let _ = s.unchecked_ref::<RawStorage>().set_item_js(RESCUE, text);
    }
}

/// localStorage key naming the workspace that was open when it was deleted, while the write of
/// the one opened in its place may still be on its way: a rescue copy taken in at the next start
/// must not put the deleted one aside again (an erased workspace stays erased).
const ERASED: &str = "vagval.rescue-erased";

/// The open workspace `id` is being deleted (see [`ERASED`]); forgotten with the rescue copy.
pub fn erasing(id: &vagval_core::Id) {
    if IDB.get()
        && let Ok(s) = local()
    {
        let _ = s.set_item(ERASED, id.as_str());
    }
}

/// Every write committed: the rescue copy is not needed.
pub fn rescued() {
    if IDB.get()
        && let Ok(s) = local()
    {
        let _ = s.remove_item(RESCUE);
        let _ = s.remove_item(ERASED);
    }
}

/// Takes a rescue copy left by the last page in: merged into the stored workspace (the same
/// workspace), or opened with the stored one put aside (another one). Removed once committed.
async fn take_rescue() {
    let Ok(Some(text)) = local().and_then(|s| s.get_item(RESCUE).map_err(|e| browser_error(&e)))
    else {
        return;
    };
    let Ok(copy) = decode(&text) else {
        // Unreadable: kept aside like any unreadable copy, then dropped here.
        let _ = write(StorageKey::Unreadable, &text);
        rescued();
        return;
    };
    let rescued_doc = copy.snapshot.workspace;
    let stored = get_str(&StorageKey::Workspace.as_str())
        .ok()
        .flatten()
        .and_then(|t| decode(&t).ok())
        .map(|d| d.snapshot.workspace);
    let (at, device) = (copy.snapshot.exported_at, copy.snapshot.device);
    let erased = local().ok().and_then(|s| s.get_item(ERASED).ok().flatten());
    let next = match stored {
        Some(doc) if doc.id == rescued_doc.id => {
            let (merged, _) = vagval_core::merge(&doc, &rescued_doc);
            if merged == doc {
                rescued();
                return;
            }
            merged
        }
        // The stored one was being deleted when the page went: it is not put aside again.
        Some(doc) if erased.as_deref() == Some(doc.id.as_str()) => rescued_doc,
        Some(doc) => {
            if shelve(&doc, &at, &device).is_err() {
                return;
            }
            rescued_doc
        }
        None => rescued_doc,
    };
    if let Ok(saving) = save_workspace(&next, &at, &device)
        && saving.commit.done().await.is_ok()
    {
        rescued();
    }
}

/// Forgets the IndexedDB store in memory and goes back to localStorage (tests).
pub fn close() {
    IDB.set(false);
    idb_reset();
}

/// What IndexedDB holds under `key` now, read from the database (not memory): tests, checks.
pub async fn stored_in_idb(key: &str) -> Option<String> {
    JsFuture::from(idb_stored(key)).await.ok()?.as_string()
}

/// Calls `f` with the workspace text another tab committed (IndexedDB fires no `storage`
/// event; the store's BroadcastChannel carries it).
pub fn on_other_tab(f: impl Fn(String) + 'static) {
    let workspace = StorageKey::Workspace.as_str().into_owned();
    let f = wasm_bindgen::closure::Closure::<dyn Fn(String, String)>::new(
        move |key: String, text: String| {
            if key == workspace {
                f(text);
            }
        },
    );
    idb_on_other(f.as_ref().unchecked_ref());
    f.forget();
}

/// A write on its way: done at once for localStorage, when its transaction commits for
/// IndexedDB.
#[must_use]
pub struct Commit(Option<js_sys::Promise>);

impl Commit {
    /// Whether the write is already done (localStorage).
    #[must_use]
    pub fn is_done(&self) -> bool {
        self.0.is_none()
    }

    /// Waits until the write is on disk.
    ///
    /// # Errors
    /// [`StorageError::QuotaExceeded`] or another browser error; the stored copy is then as
    /// it was before, and the next write carries this one's data along.
    pub async fn done(self) -> Result<(), StorageError> {
        match self.0 {
            None => Ok(()),
            Some(p) => JsFuture::from(p)
                .await
                .map(|_| ())
                .map_err(|e| browser_error(&e)),
        }
    }
}

/// Workspace keys live in IndexedDB once [`init`] opened it.
fn in_idb(key: &str) -> bool {
    IDB.get() && (key.starts_with("vagval.workspace") || key.starts_with("vagval.shelf"))
}

fn get_js(key: &str) -> Result<Option<js_sys::JsString>, StorageError> {
    if in_idb(key) {
        return Ok(idb_get(key));
    }
    local()?
        .unchecked_ref::<RawStorage>()
        .get_item_js(key)
        .map_err(|e| browser_error(&e))
}

fn get_str(key: &str) -> Result<Option<String>, StorageError> {
    if in_idb(key) {
        return Ok(idb_get(key).map(String::from));
    }
    local()?.get_item(key).map_err(|e| browser_error(&e))
}

fn set_js(key: &str, value: &js_sys::JsString) -> Result<Commit, StorageError> {
    if in_idb(key) {
        return Ok(Commit(Some(idb_put(key, value))));
    }
    local()?
        .unchecked_ref::<RawStorage>()
        .set_item_js(key, value)
        .map_err(|e| browser_error(&e))?;
    Ok(Commit(None))
}

fn set_str(key: &str, value: &str) -> Result<Commit, StorageError> {
    if in_idb(key) {
        return Ok(Commit(Some(idb_put(key, &value.into()))));
    }
    local()?
        .set_item(key, value)
        .map_err(|e| browser_error(&e))?;
    Ok(Commit(None))
}

fn del(key: &str) -> Result<Commit, StorageError> {
    if in_idb(key) {
        return Ok(Commit(Some(idb_del(key))));
    }
    local()?.remove_item(key).map_err(|e| browser_error(&e))?;
    Ok(Commit(None))
}

/// Every stored workspace key (IndexedDB or localStorage), for checks.
#[must_use]
pub fn workspace_keys() -> Vec<String> {
    if IDB.get() {
        return idb_keys().iter().filter_map(|k| k.as_string()).collect();
    }
    let Ok(s) = local() else { return Vec::new() };
    (0..s.length().unwrap_or(0))
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with("vagval.workspace") || k.starts_with("vagval.shelf"))
        .collect()
}

/// Removes `key` (nothing happens when storage is unavailable).
pub fn remove(key: StorageKey) {
    let _ = del(&key.as_str());
}

fn local_available() -> bool {
    const PROBE: &str = "vagval.probe";
    local().is_ok_and(|s| s.set_item(PROBE, "1").is_ok() && s.remove_item(PROBE).is_ok())
}

/// Whether the workspace can be stored at all (IndexedDB opened, or localStorage works).
#[must_use]
pub fn is_available() -> bool {
    IDB.get() || local_available()
}

/// The raw stored string under `key`.
///
/// # Errors
/// [`StorageError::Unavailable`] or a browser error.
pub fn read(key: StorageKey) -> Result<Option<String>, StorageError> {
    get_str(&key.as_str())
}

/// Stores `value` under `key`; on error the old value is untouched. For a workspace key in
/// IndexedDB the write is on its way when this returns (best effort: the last-known-good,
/// backup and unreadable copies); [`save_workspace`] is the one to wait for.
///
/// # Errors
/// [`StorageError::QuotaExceeded`] when it does not fit, or another [`StorageError`].
pub fn write(key: StorageKey, value: &str) -> Result<(), StorageError> {
    set_str(&key.as_str(), value).map(|_| ())
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `window.localStorage`, seen through the two methods below.
    #[wasm_bindgen(js_name = Storage)]
    type RawStorage;
    /// `Storage.getItem`, keeping the JS string (no copy into wasm memory).
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item_js(
        this: &RawStorage,
        key: &str,
    ) -> Result<Option<js_sys::JsString>, wasm_bindgen::JsValue>;
    /// `Storage.setItem` with a JS string.
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_item_js(
        this: &RawStorage,
        key: &str,
        value: &js_sys::JsString,
    ) -> Result<(), wasm_bindgen::JsValue>;
}

/// [`read`] as a JS string: the autosave compares the stored workspace (≈ 1 MB per 1 000
/// inspel) with what it last wrote without copying it across.
///
/// # Errors
/// As [`read`].
pub fn read_js(key: StorageKey) -> Result<Option<js_sys::JsString>, StorageError> {
    get_js(&key.as_str())
}

/// [`write`] with a JS string; the [`Commit`] says when it is on disk.
///
/// # Errors
/// As [`write`].
pub fn write_js(key: StorageKey, value: &js_sys::JsString) -> Result<Commit, StorageError> {
    set_js(&key.as_str(), value)
}

/// Per-device preferences. Kept apart from the workspace and never exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// UI language.
    pub lang: Lang,
    /// Large text for projectors.
    pub large_text: bool,
}

/// Stored preferences, or the defaults when there are none or they are unreadable
/// (preferences are cheap to lose; the workspace is not).
#[must_use]
pub fn load_prefs() -> Prefs {
    read(StorageKey::Prefs)
        .ok()
        .flatten()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default()
}

/// Stores preferences.
///
/// # Errors
/// As [`write`].
pub fn save_prefs(prefs: &Prefs) -> Result<(), StorageError> {
    let json = serde_json::to_string(prefs).map_err(|e| StorageError::Browser(e.to_string()))?;
    write(StorageKey::Prefs, &json)
}

/// Device-local facts about the workspace; never exported.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct LocalMeta {
    /// When the workspace was last exported from this device (ms since 1970).
    pub last_export_ms: Option<f64>,
    /// Whether persistent storage has been asked for.
    pub persist_requested: bool,
}

/// The stored [`LocalMeta`], or defaults.
#[must_use]
pub fn load_local() -> LocalMeta {
    read(StorageKey::Local)
        .ok()
        .flatten()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default()
}

/// Stores [`LocalMeta`].
///
/// # Errors
/// As [`write`].
pub fn save_local(meta: &LocalMeta) -> Result<(), StorageError> {
    let json = serde_json::to_string(meta).map_err(|e| StorageError::Browser(e.to_string()))?;
    write(StorageKey::Local, &json)
}

/// What loading the stored workspace found.
#[derive(Debug, Clone)]
pub enum Loaded {
    /// Nothing stored yet (first start).
    Empty,
    /// The stored copy, decoded (and migrated if it was older).
    Ready {
        /// The decoded snapshot.
        decoded: Box<Decoded>,
        /// Whether it came from the last-known-good copy because the main copy failed.
        from_backup: bool,
        /// The main copy's text as read (not when it came from the backup), so the caller
        /// need not read it again.
        text: Option<String>,
    },
    /// Neither the stored copy nor the last-known-good copy could be read.
    Failed {
        /// The raw stored text, for "download raw data".
        raw: String,
        /// Why the main copy failed.
        error: StorageError,
    },
}

/// Loads the stored workspace with a last-known-good fallback. Side effects, all before
/// any save can happen: an unreadable main copy is kept under [`StorageKey::Unreadable`];
/// a copy from an older schema is kept under [`StorageKey::Backup`] before migration;
/// after a good load the last-known-good copy is refreshed (if it fits comfortably).
///
/// # Errors
/// [`StorageError::Unavailable`] when there is no storage.
pub fn load_workspace() -> Result<Loaded, StorageError> {
    let Some(raw) = read(StorageKey::Workspace)? else {
        return Ok(Loaded::Empty);
    };
    match decode(&raw) {
        Ok(decoded) => {
            if decoded.migrated() {
                // Best effort: a full quota must not stop the app from opening the data.
                let _ = write(StorageKey::Backup(decoded.file_version), &raw);
            } else if !decoded.newer() && (IDB.get() || raw.len() < LKG_MAX_CHARS) {
                let _ = write(StorageKey::LastKnownGood, &raw);
            }
            Ok(Loaded::Ready {
                decoded: Box::new(decoded),
                from_backup: false,
                text: Some(raw),
            })
        }
        Err(ImportError::TooNew { .. }) => Err(StorageError::Newer),
        Err(error) => {
            let _ = write(StorageKey::Unreadable, &raw);
            let lkg = read(StorageKey::LastKnownGood)
                .ok()
                .flatten()
                .and_then(|t| decode(&t).ok());
            Ok(match lkg {
                Some(decoded) => Loaded::Ready {
                    decoded: Box::new(decoded),
                    from_backup: true,
                    text: None,
                },
                None => Loaded::Failed {
                    raw,
                    error: StorageError::Unreadable(error),
                },
            })
        }
    }
}

/// In localStorage the last-known-good copy is only kept while two copies fit well inside a
/// 5 MB quota (IndexedDB has room for it at any size).
const LKG_MAX_CHARS: usize = 1_200_000;

/// A workspace write: the text as this tab now reads it, and when it is on disk.
pub struct Saving {
    /// The stored text, for [`read_js`] comparisons.
    pub text: js_sys::JsString,
    /// Done at once (localStorage) or when the transaction commits (IndexedDB), together
    /// with everything else written in the same task (a workspace put aside, say).
    pub commit: Commit,
}

/// Stores `workspace` in its envelope (`Snapshot::compact_of`: one pass, no copy of the
/// document).
///
/// # Errors
/// As [`write`]; the previous stored copy survives any failure (also one reported later by
/// [`Commit::done`]).
pub fn save_workspace(
    workspace: &Doc,
    exported_at: &str,
    device: &str,
) -> Result<Saving, StorageError> {
    let text =
        js_sys::JsString::from(Snapshot::compact_of(workspace, exported_at, device).as_str());
    let commit = write_js(StorageKey::Workspace, &text)?;
    Ok(Saving { text, commit })
}

/// A snapshot text joined by the browser, and the same text in parts of about [`CHUNK_BYTES`]
/// as it is stored (IndexedDB puts each part in a task of its own, see `public/store.js`).
pub struct Joined {
    /// The whole text (a rope of the parts: never flattened at once on the way to the disk).
    pub text: js_sys::JsString,
    /// The parts, in order.
    pub chunks: js_sys::Array,
}

/// About how long a stored part is (UTF-8 bytes of the pieces joined into one).
pub const CHUNK_BYTES: usize = 1 << 18;

impl Joined {
    /// A text in one part.
    #[must_use]
    pub fn whole(text: js_sys::JsString) -> Self {
        let chunks = js_sys::Array::of1(&text);
        Self { text, chunks }
    }
}

/// The snapshot text from its head (the envelope up to the workspace) and the parts of the
/// workspace's JSON: joined by the browser, so the records' strings made at earlier saves are
/// not converted again.
#[must_use]
pub fn join_snapshot(
    head: &str,
    parts: &[vagval_core::kernel::pieces::Part<js_sys::JsString>],
) -> Joined {
    use js_sys::JsString;
    use vagval_core::kernel::pieces::Part;
    let chunks = js_sys::Array::new();
    let mut chunk = JsString::from(head);
    let mut bytes = head.len();
    for part in parts {
        if bytes >= CHUNK_BYTES {
            chunks.push(&chunk);
            chunk = JsString::from("");
            bytes = 0;
        }
        bytes += part.json().len();
        chunk = match part {
            Part::Text(t) => chunk.concat(&JsString::from(t.as_str())),
            Part::Record(out) => chunk.concat(&out.piece),
        };
    }
    chunks.push(&chunk.concat(&JsString::from("}")));
    let mut text = JsString::from("");
    for c in chunks.iter() {
        text = text.concat(&c);
    }
    Joined { text, chunks }
}

/// Stores a workspace snapshot the caller has written already (the autosave joins it from
/// kept pieces, see `state::save`).
///
/// # Errors
/// As [`write`]; the previous stored copy survives any failure.
pub fn save_text(joined: Joined) -> Result<Saving, StorageError> {
    let Joined { text, chunks } = joined;
    let key = StorageKey::Workspace.as_str();
    let commit = if in_idb(&key) {
        Commit(Some(idb_put_parts(&key, &text, &chunks)))
    } else {
        write_js(StorageKey::Workspace, &text)?
    };
    Ok(Saving { text, commit })
}

/// A workspace kept on this device while another one is open: its id, its name and when it
/// was put aside. The list is stored under `vagval.shelf`, each workspace's snapshot under
/// `vagval.shelf.<id>` (the open one lives under the workspace key alone).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shelved {
    /// The workspace's id.
    pub id: vagval_core::Id,
    /// Its name when it was put aside.
    pub name: String,
    /// When (RFC 3339).
    pub at: String,
}

const SHELF: &str = "vagval.shelf";

fn shelf_key(id: &vagval_core::Id) -> String {
    format!("{SHELF}.{id}")
}

/// The workspaces put aside on this device, most recent first.
#[must_use]
pub fn shelf() -> Vec<Shelved> {
    let list = get_str(SHELF).ok().flatten();
    let mut list: Vec<Shelved> = list
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default();
    list.sort_by(|a, b| b.at.cmp(&a.at));
    list
}

fn save_shelf(list: &[Shelved]) -> Result<(), StorageError> {
    let json = serde_json::to_string(list).map_err(|e| StorageError::Browser(e.to_string()))?;
    set_str(SHELF, &json).map(|_| ())
}

/// Puts `doc` aside (merged with a copy already there, so nothing another tab put aside is
/// lost). In IndexedDB it is committed in one transaction with whatever else is written in
/// the same task (the workspace opened in its place): both or neither.
///
/// # Errors
/// As [`write`]; nothing is changed then.
pub fn shelve(doc: &Doc, at: &str, device: &str) -> Result<(), StorageError> {
    let key = shelf_key(&doc.id);
    let earlier = get_str(&key)?
        .and_then(|t| decode(&t).ok())
        .map(|d| d.snapshot.workspace);
    let merged = earlier.map(|e| vagval_core::merge(&e, doc).0);
    let text = Snapshot::compact_of(merged.as_ref().unwrap_or(doc), at, device);
    let _ = set_str(&key, &text)?;
    let mut list = shelf();
    list.retain(|s| s.id != doc.id);
    list.push(Shelved {
        id: doc.id.clone(),
        name: doc.name().to_owned(),
        at: at.to_owned(),
    });
    save_shelf(&list)
}

/// A workspace put aside, read back (`None` when it is not there or unreadable).
#[must_use]
pub fn shelved(id: &vagval_core::Id) -> Option<Doc> {
    let text = get_str(&shelf_key(id)).ok().flatten()?;
    decode(&text).ok().map(|d| d.snapshot.workspace)
}

/// Forgets a workspace put aside: its snapshot and its entry.
///
/// # Errors
/// As [`write`].
pub fn drop_shelved(id: &vagval_core::Id) -> Result<(), StorageError> {
    let _ = del(&shelf_key(id))?;
    let mut list = shelf();
    list.retain(|s| s.id != *id);
    save_shelf(&list)
}

/// Removes the last-known-good copy (it belongs to the workspace that was open).
pub fn forget_last_known_good() {
    remove(StorageKey::LastKnownGood);
}

/// This device's random id, created on first use. Falls back to a per-load id when
/// storage is unavailable.
#[must_use]
pub fn device_id() -> String {
    if let Ok(Some(id)) = read(StorageKey::Device)
        && vagval_core::id::valid_actor(&id)
        && id.len() <= 40
    {
        return id;
    }
    let id = format!("dev-{}", random_hex(16));
    // Best effort: without storage the id simply lasts for this page load.
    let _ = write(StorageKey::Device, &id);
    id
}

/// `n` random hex digits from the browser's CSPRNG (Math.random as a last resort).
#[must_use]
pub fn random_hex(n: usize) -> String {
    let mut bytes = vec![0u8; n.div_ceil(2)];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    let mut s: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    s.truncate(n);
    s
}

/// Storage used and available for this origin, in bytes, if the browser tells.
pub async fn estimate() -> Option<(f64, f64)> {
    let manager = web_sys::window()?.navigator().storage();
    let value = JsFuture::from(manager.estimate().ok()?).await.ok()?;
    let usage = js_sys::Reflect::get(&value, &"usage".into())
        .ok()?
        .as_f64()?;
    let quota = js_sys::Reflect::get(&value, &"quota".into())
        .ok()?
        .as_f64()?;
    Some((usage, quota))
}

/// Asks the browser to keep this origin's storage under pressure; `Some(granted)`.
pub async fn request_persist() -> Option<bool> {
    let manager = web_sys::window()?.navigator().storage();
    JsFuture::from(manager.persist().ok()?)
        .await
        .ok()?
        .as_bool()
}

/// Whether storage is already persistent.
pub async fn is_persisted() -> Option<bool> {
    let manager = web_sys::window()?.navigator().storage();
    JsFuture::from(manager.persisted().ok()?)
        .await
        .ok()?
        .as_bool()
}
