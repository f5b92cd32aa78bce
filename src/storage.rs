//! The only code that touches `localStorage`.
//!
//! Every call returns a [`StorageError`] instead of panicking: storage may be
//! missing (private mode, blocked by policy), full, or hold something this
//! version cannot read. A failed write leaves the stored value as it was.
use serde::{Deserialize, Serialize};
use thiserror::Error;
use vagval_core::{Lang, Localized, Snapshot, SnapshotError};
use wasm_bindgen::JsCast;

/// Every key Vägval writes, prefixed so it never collides with other apps on the origin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageKey {
    /// The workspace snapshot (same envelope as an exported file).
    Workspace,
    /// Per-device preferences; never exported.
    Prefs,
    /// Random id of this device, written into snapshots.
    Device,
}

impl StorageKey {
    /// The localStorage key.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Workspace => "vagval.workspace",
            Self::Prefs => "vagval.prefs",
            Self::Device => "vagval.device",
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
    Snapshot(#[from] SnapshotError),
}

impl Localized for StorageError {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::Unavailable, Lang::Sv) => "Lagringen är inte tillgänglig i den här webbläsaren.".into(),
            (Self::Unavailable, Lang::En) => "Storage is not available in this browser.".into(),
            (Self::QuotaExceeded, Lang::Sv) => "Inte sparat – lagringen är full. Exportera nu.".into(),
            (Self::QuotaExceeded, Lang::En) => "Not saved – storage is full. Export now.".into(),
            (Self::Browser(detail), Lang::Sv) => format!("Lagringen svarade med ett fel: {detail}"),
            (Self::Browser(detail), Lang::En) => format!("Storage reported an error: {detail}"),
            (Self::Snapshot(e), lang) => e.message(lang),
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
        Some(ex) if ex.name() == "QuotaExceededError" || ex.code() == 22 => StorageError::QuotaExceeded,
        Some(ex) => StorageError::Browser(format!("{}: {}", ex.name(), ex.message())),
        None => StorageError::Browser(format!("{e:?}")),
    }
}

/// Whether localStorage can be read and written at all.
#[must_use]
pub fn is_available() -> bool {
    const PROBE: &str = "vagval.probe";
    local().is_ok_and(|s| s.set_item(PROBE, "1").is_ok() && s.remove_item(PROBE).is_ok())
}

/// The raw stored string under `key`.
///
/// # Errors
/// [`StorageError::Unavailable`] or a browser error.
pub fn read(key: StorageKey) -> Result<Option<String>, StorageError> {
    local()?.get_item(key.as_str()).map_err(|e| browser_error(&e))
}

/// Stores `value` under `key`; on error the old value is untouched.
///
/// # Errors
/// [`StorageError::QuotaExceeded`] when it does not fit, or another [`StorageError`].
pub fn write(key: StorageKey, value: &str) -> Result<(), StorageError> {
    local()?.set_item(key.as_str(), value).map_err(|e| browser_error(&e))
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

/// The stored workspace snapshot, `None` on first start.
///
/// # Errors
/// [`StorageError::Snapshot`] when the stored copy cannot be read by this version; the
/// stored copy is left as it is so that nothing is lost.
pub fn load_workspace() -> Result<Option<Snapshot>, StorageError> {
    match read(StorageKey::Workspace)? {
        None => Ok(None),
        Some(text) => Ok(Some(Snapshot::decode(&text)?)),
    }
}

/// Stores the workspace snapshot.
///
/// # Errors
/// As [`write`]; the previous stored copy survives any failure.
pub fn save_workspace(snapshot: &Snapshot) -> Result<(), StorageError> {
    let json = snapshot.encode()?;
    write(StorageKey::Workspace, &json)
}

/// This device's random id, created on first use. Falls back to a per-load id when
/// storage is unavailable.
#[must_use]
pub fn device_id() -> String {
    if let Ok(Some(id)) = read(StorageKey::Device) {
        return id;
    }
    let id = random_id();
    // Best effort: without storage the id simply lasts for this page load.
    let _ = write(StorageKey::Device, &id);
    id
}

fn random_id() -> String {
    // A label that only has to differ between devices; no security depends on it.
    let a = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    let b = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    format!("dev-{a:08x}{b:08x}")
}
