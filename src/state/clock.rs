//! Time and ids from the browser.
//! App state in context: the workspace document, its clock, history and save state.
//!
//! Components read the document through [`AppState::doc`] and change it only with
//! [`AppState::dispatch`], which applies a core [`Command`] and schedules a save. Saving
//! merges with what is stored first (another tab may have written), so no tab ever writes
//! over another's edits; `storage` events from other tabs are merged in as they come.
use vagval_core::Id;

use crate::storage;

/// Milliseconds since 1970 from the browser clock.
#[must_use]
pub fn now_ms() -> u64 {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let ms = js_sys::Date::now().max(0.0) as u64;
    ms
}

/// A fresh record id (`crypto.randomUUID`, or random hex where that is missing).
#[must_use]
pub fn new_id() -> Id {
    let uuid = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid());
    uuid.and_then(|u| Id::parse(&u).ok()).unwrap_or_else(|| {
        let hex = storage::random_hex(32);
        let mut bytes = [0u8; 16];
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = u8::from_str_radix(hex.get(2 * i..2 * i + 2).unwrap_or("00"), 16).unwrap_or(0);
        }
        Id::from_random_bytes(bytes)
    })
}

/// Now as RFC 3339 UTC with milliseconds.
#[must_use]
pub fn iso_now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// A time (ms since 1970) as "YYYY-MM-DD HH:MM" UTC, for logs.
#[must_use]
pub fn date_of(ms: u64) -> String {
    i64::try_from(ms)
        .ok()
        .and_then(chrono::DateTime::from_timestamp_millis)
        .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
}
