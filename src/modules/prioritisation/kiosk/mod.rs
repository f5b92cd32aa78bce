//! Röstläge (participant mode): the facilitator hands a tablet to participants for one round.
//! Only that round's ballot and the hand-over are reachable — no navigation, no undo, no rules,
//! no results. Leaving needs the code the facilitator set. The mode is device-local (never
//! exported) and survives a reload.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use vagval_core::Id;

use crate::storage::{self, StorageKey};

mod start;
mod view;
pub use start::StartKiosk;
pub use view::KioskView;

/// Shortest code that ends participant mode.
pub const CODE_MIN: usize = 4;

/// A tablet in participant mode: the round, and a hash of the facilitator's code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kiosk {
    /// The round the tablet votes in.
    pub round: Id,
    /// SHA-256 of the code (the code itself is not stored).
    pub code_hash: String,
}

fn hash(code: &str) -> String {
    vagval_core::round::canonical_hash(&format!("vagval-rostlage|{}", code.trim()))
}

/// Participant mode in context: `None` on a facilitator's device.
#[derive(Clone, Copy)]
pub struct KioskMode(pub RwSignal<Option<Kiosk>>);

/// Reads the stored mode and provides it.
pub fn provide() -> KioskMode {
    let stored = storage::read(StorageKey::Kiosk)
        .ok()
        .flatten()
        .and_then(|t| serde_json::from_str::<Kiosk>(&t).ok());
    let mode = KioskMode(RwSignal::new(stored));
    provide_context(mode);
    mode
}

/// The mode from context.
#[must_use]
pub fn use_kiosk() -> KioskMode {
    use_context::<KioskMode>().unwrap_or_else(|| KioskMode(RwSignal::new(None)))
}
