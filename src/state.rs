//! App state in context: the workspace document, its history and save state.
//!
//! Components read the document through [`AppState::workspace`] and change it only
//! with [`AppState::dispatch`], which applies a core [`Command`] and schedules a save.
use std::time::Duration;

use leptos::prelude::*;
use vagval_core::{Command, DomainError, History, Snapshot, Workspace, demo::demo_workspace};

use crate::storage::{self, StorageError};

/// How long edits are collected before one save.
const SAVE_DEBOUNCE: Duration = Duration::from_millis(400);

/// What the header's save indicator shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Everything is stored.
    Saved,
    /// An edit is waiting for the debounced save.
    Pending,
    /// The last save failed; the document is kept in memory.
    Failed(StorageError),
    /// The stored copy cannot be read by this version; nothing is written over it.
    ReadOnly(StorageError),
    /// The browser gives no storage; work lives in memory only.
    MemoryOnly,
}

/// The app's shared state, provided once by the shell.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The document.
    pub workspace: RwSignal<Workspace>,
    /// Save indicator state.
    pub save: RwSignal<SaveState>,
    /// Whether undo / redo are possible.
    pub can_undo: RwSignal<bool>,
    /// Whether redo is possible.
    pub can_redo: RwSignal<bool>,
    history: StoredValue<History>,
    pending: StoredValue<Option<TimeoutHandle>>,
    device: StoredValue<String>,
}

impl AppState {
    /// Loads the stored workspace (or the demo on first start) and provides the state.
    pub fn provide() -> Self {
        let device = storage::device_id();
        let (workspace, save, first_start) = if !storage::is_available() {
            (demo_workspace(), SaveState::MemoryOnly, false)
        } else {
            match storage::load_workspace() {
                Ok(Some(snapshot)) => (snapshot.workspace, SaveState::Saved, false),
                Ok(None) => (demo_workspace(), SaveState::Pending, true),
                Err(e) => (demo_workspace(), SaveState::ReadOnly(e), false),
            }
        };
        let state = Self {
            workspace: RwSignal::new(workspace),
            save: RwSignal::new(save),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            history: StoredValue::new(History::default()),
            pending: StoredValue::new(None),
            device: StoredValue::new(device),
        };
        provide_context(state);
        if first_start {
            state.save_now();
        }
        state
    }

    /// Applies a command, records it for undo and schedules a save.
    ///
    /// # Errors
    /// The command's [`DomainError`]; nothing changes then.
    pub fn dispatch(self, cmd: &Command) -> Result<(), DomainError> {
        let mut result = Ok(());
        self.workspace.update(|ws| {
            self.history.update_value(|h| result = h.apply(ws, cmd));
        });
        if result.is_ok() {
            self.after_change();
        }
        result
    }

    /// Undoes the last change.
    pub fn undo(self) {
        let mut done = false;
        self.workspace.update(|ws| self.history.update_value(|h| done = h.undo(ws)));
        if done {
            self.after_change();
        }
    }

    /// Redoes the last undone change.
    pub fn redo(self) {
        let mut done = false;
        self.workspace.update(|ws| self.history.update_value(|h| done = h.redo(ws)));
        if done {
            self.after_change();
        }
    }

    fn after_change(self) {
        self.history.with_value(|h| {
            self.can_undo.set(h.can_undo());
            self.can_redo.set(h.can_redo());
        });
        self.schedule_save();
    }

    fn writable(self) -> bool {
        !matches!(self.save.get_untracked(), SaveState::ReadOnly(_) | SaveState::MemoryOnly)
    }

    fn schedule_save(self) {
        if !self.writable() {
            return;
        }
        self.save.set(SaveState::Pending);
        if let Some(h) = self.pending.get_value() {
            h.clear();
        }
        let handle = set_timeout_with_handle(move || self.save_now(), SAVE_DEBOUNCE).ok();
        if handle.is_none() {
            self.save_now();
        }
        self.pending.set_value(handle);
    }

    /// Writes a pending save now (page hidden, before reload).
    pub fn flush(self) {
        if self.save.get_untracked() == SaveState::Pending {
            self.save_now();
        }
    }

    fn save_now(self) {
        if let Some(h) = self.pending.get_value() {
            h.clear();
        }
        self.pending.set_value(None);
        if !self.writable() {
            return;
        }
        let exported_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        let snapshot = self.workspace.with_untracked(|ws| {
            Snapshot::new(ws.clone(), exported_at, self.device.get_value())
        });
        self.save.set(match storage::save_workspace(&snapshot) {
            Ok(()) => SaveState::Saved,
            Err(e) => SaveState::Failed(e),
        });
    }
}

/// The app state from context.
#[must_use]
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
