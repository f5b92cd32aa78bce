//! Saving: debounced, merged with what another tab stored, retried when storage is full.
use js_sys::JsString;
use leptos::prelude::*;
use std::time::Duration;
use vagval_core::snapshot::decode;
use vagval_core::{Doc, History, Snapshot, merge};

use super::{AppState, SaveState, iso_now};
use crate::storage::{self, StorageError, StorageKey};

/// How long edits are collected before one save (counted from the first unsaved edit: a run
/// of edits does not put the save off).
const SAVE_DEBOUNCE: Duration = Duration::from_millis(400);
/// How often a save that failed (full storage) is tried again.
const SAVE_RETRY: Duration = Duration::from_secs(10);

pub(super) fn decoded_is_newer(snapshot: &Snapshot) -> bool {
    snapshot.schema_version > vagval_core::migrate::CURRENT
}

impl AppState {
    /// Another tab opened another workspace: ours is put aside (merged with what is there)
    /// and the stored one taken over as it is.
    pub(super) fn other_workspace_opened(self, stored: Doc, raw: JsString) {
        let (at, device) = (iso_now(), self.device.get_value());
        let _ = self
            .doc
            .with_untracked(|d| storage::shelve(d, &at, &device));
        self.history.update_value(|h| *h = History::default());
        self.can_undo.set(false);
        self.can_redo.set(false);
        self.adopt_quietly(stored);
        self.last_written.set_value(Some(raw));
        self.save.set(SaveState::Saved);
    }

    pub(super) fn writable(self) -> bool {
        !matches!(
            self.save.get_untracked(),
            SaveState::ReadOnly(_) | SaveState::MemoryOnly
        )
    }

    pub(super) fn schedule_save(self) {
        if !self.writable() {
            return;
        }
        let state = self.save.get_untracked();
        if state == SaveState::Pending && self.pending.with_value(Option::is_some) {
            // A save is already on its way and will take this edit along.
            return;
        }
        if !matches!(state, SaveState::Failed(_)) {
            self.save.set(SaveState::Pending);
        }
        if let Some(h) = self.pending.get_value() {
            h.clear();
        }
        let handle = set_timeout_with_handle(move || self.save_now(), SAVE_DEBOUNCE).ok();
        if handle.is_none() {
            self.save_now();
        }
        self.pending.set_value(handle);
    }

    /// Writes a pending save now (page hidden, before reload, export).
    pub fn flush(self) {
        // Before the first-start choice nothing is written.
        if self.first_start.get_untracked() {
            return;
        }
        if matches!(
            self.save.get_untracked(),
            SaveState::Pending | SaveState::Failed(_)
        ) {
            self.save_now();
        }
        // Issue 12: IndexedDB writes still running when the page goes are aborted.
        if self.in_flight.get_value() > 0 {
            self.last_written
                .with_value(|t| t.as_ref().map(storage::rescue));
        }
    }

    /// Saves now, merging with the stored copy first.
    pub fn save_now(self) {
        self.write(true);
    }

    pub(super) fn write(self, merge_first: bool) {
        if let Some(h) = self.pending.get_value() {
            h.clear();
        }
        self.pending.set_value(None);
        if !self.writable() {
            return;
        }
        // What another tab stored since this tab last wrote, merged with ours; the document
        // is serialised where it lies (no copy) when nobody else wrote.
        let mut merged = None;
        if merge_first {
            match self.stored_changes() {
                Ok(Some((stored, raw))) if self.doc.with_untracked(|d| d.id != stored.id) => {
                    self.other_workspace_opened(stored, raw);
                    return;
                }
                Ok(Some((stored, raw))) => {
                    let (m, _) = self.doc.with_untracked(|doc| merge(&stored, doc));
                    if m == stored {
                        // The stored copy already holds everything we have.
                        self.saved(Some(m), raw);
                        return;
                    }
                    merged = Some(m);
                }
                Ok(None) => {}
                Err(StorageError::Newer) => {
                    self.save.set(SaveState::ReadOnly(StorageError::Newer));
                    return;
                }
                Err(e) => {
                    self.failed(e);
                    return;
                }
            }
        }
        let (at, device) = (iso_now(), self.device.get_value());
        let written = match &merged {
            Some(doc) => storage::save_workspace(doc, &at, &device),
            None => self
                .doc
                .with_untracked(|doc| storage::save_workspace(doc, &at, &device)),
        };
        match written {
            // Issue 12: IndexedDB reports the commit later; localStorage is done at once.
            Ok(saving) if saving.commit.is_done() => self.saved(merged, saving.text),
            Ok(saving) => self.committing(merged, saving),
            Err(e) => self.failed(e),
        }
    }

    /// Issue 12: a write to IndexedDB is on its way. What another tab stored is taken over now
    /// (the merge holds this tab's edits too); "Sparat" shows only once the transaction has
    /// committed and no later edit or write is waiting.
    fn committing(self, merged: Option<Doc>, saving: storage::Saving) {
        let storage::Saving { text, commit } = saving;
        self.last_written.set_value(Some(text));
        if let Some(m) = merged
            && self.doc.with_untracked(|memory| *memory != m)
        {
            self.adopt_quietly(m);
        }
        self.in_flight.update_value(|n| *n += 1);
        leptos::task::spawn_local(async move {
            let result = commit.done().await;
            self.in_flight.update_value(|n| *n -= 1);
            match result {
                Ok(())
                    if self.in_flight.get_value() == 0
                        && self.pending.with_value(Option::is_none) =>
                {
                    if let Some(h) = self.retry.get_value() {
                        h.clear();
                        self.retry.set_value(None);
                    }
                    if self.writable() {
                        self.save.set(SaveState::Saved);
                    }
                    storage::rescued();
                }
                Ok(()) => {}
                Err(e) => self.failed(e),
            }
        });
    }

    /// The stored document and its text if another tab changed it since this tab last wrote.
    pub(super) fn stored_changes(self) -> Result<Option<(Doc, JsString)>, StorageError> {
        let raw = storage::read_js(StorageKey::Workspace)?;
        // Compared in JS: the text only comes into wasm when another tab wrote.
        let unchanged = self.last_written.with_value(|w| *w == raw);
        match raw {
            Some(js) if !unchanged => {
                let text = String::from(&js);
                match decode(&text) {
                    Ok(d) if d.newer() => Err(StorageError::Newer),
                    Ok(d) => Ok(Some((d.snapshot.workspace, js))),
                    // Unreadable: keep it aside once, then write ours over the main key.
                    Err(_) => {
                        let _ = storage::write(StorageKey::Unreadable, &text);
                        Ok(None)
                    }
                }
            }
            _ => Ok(None),
        }
    }

    /// Storage holds `text`; `stored` is its document when it may differ from the one in memory
    /// (another tab's changes merged in), and is then taken over.
    pub(super) fn saved(self, stored: Option<Doc>, text: JsString) {
        self.last_written.set_value(Some(text));
        if let Some(h) = self.retry.get_value() {
            h.clear();
            self.retry.set_value(None);
        }
        if let Some(stored) = stored
            && self.doc.with_untracked(|memory| *memory != stored)
        {
            self.adopt_quietly(stored);
        }
        self.save.set(SaveState::Saved);
    }

    pub(super) fn failed(self, e: StorageError) {
        self.save.set(SaveState::Failed(e));
        if self.retry.get_value().is_none() {
            let handle = set_interval_with_handle(move || self.save_now(), SAVE_RETRY).ok();
            self.retry.set_value(handle);
        }
    }

    /// Merges a copy another tab stored (the `storage` event).
    pub fn merge_from_other_tab(self, text: &str) {
        let Ok(decoded) = decode(text) else { return };
        if decoded.newer() {
            self.save.set(SaveState::ReadOnly(StorageError::Newer));
            return;
        }
        let incoming = decoded.snapshot.workspace;
        let memory = self.doc.get_untracked();
        if incoming.id != memory.id {
            self.other_workspace_opened(incoming, JsString::from(text));
            return;
        }
        let (merged, _) = merge(&memory, &incoming);
        if merged != memory {
            self.adopt_quietly(merged.clone());
        }
        if merged == incoming {
            self.last_written.set_value(Some(JsString::from(text)));
            if self.save.get_untracked() == SaveState::Pending {
                return;
            }
            self.save.set(SaveState::Saved);
        } else {
            // This tab has edits the other has not stored yet.
            self.schedule_save();
        }
    }

    /// Merges a ballot file from the ballot journal (IndexedDB) into this workspace: ballots
    /// whose localStorage copy the browser had not committed when it was killed come back. A
    /// file of another workspace is left alone.
    pub fn merge_journal(self, text: &str) {
        let Ok(decoded) = decode(text) else { return };
        let incoming = decoded.snapshot.workspace;
        let memory = self.doc.get_untracked();
        if incoming.id != memory.id || decoded.file_version > vagval_core::migrate::CURRENT {
            return;
        }
        let (merged, _) = merge(&memory, &incoming);
        if merged != memory {
            self.adopt_quietly(merged);
            self.schedule_save();
        }
    }
}
