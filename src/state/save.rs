//! Saving: debounced, merged with what another tab stored, retried when storage is full.
use js_sys::JsString;
use leptos::prelude::*;
use std::time::Duration;
use vagval_core::kernel::pieces::{Cursor, Part};
use vagval_core::snapshot::{Checksum, decode};
use vagval_core::{Doc, History, Snapshot, merge};

use super::{AppState, Mark, SaveState, iso_now};
use crate::storage::{self, StorageError, StorageKey};

/// How long edits are collected before one save (counted from the first unsaved edit: a run
/// of edits does not put the save off).
const SAVE_DEBOUNCE: Duration = Duration::from_millis(400);
/// How often a save that failed (full storage) is tried again.
const SAVE_RETRY: Duration = Duration::from_secs(10);
/// Issue 12: how long one slice of an autosave writes records before it yields (the longest
/// record, one rater's 30 × 30 scores, adds ≈ 6 ms at 4× CPU to the slice it ends).
const SLICE_MS: f64 = 12.0;

/// Issue 12: where an autosave in slices stands.
pub(super) enum Walk {
    /// Bringing the records' pieces up to date, since the journal stood at `from`.
    Pieces { cursor: Cursor, from: Mark },
    /// Summing the parts of one state of the document for the checksum.
    Sum {
        parts: Vec<Part<JsString>>,
        next: usize,
        sum: Checksum,
    },
}

fn perf_now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

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
        if self.walking() {
            // An autosave is going through the records; it goes through again for this edit.
            return;
        }
        let handle = set_timeout_with_handle(move || self.save_in_slices(), SAVE_DEBOUNCE).ok();
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
        // A write already on its way with nothing after it is not written again.
        let waiting = self.pending.with_value(Option::is_some)
            || self.walk.with_value(Option::is_some)
            || self.in_flight.get_value() == 0;
        match self.save.get_untracked() {
            SaveState::Pending if waiting => self.save_now(),
            SaveState::Failed(_) => self.save_now(),
            _ => {}
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

    /// Issue 12: the debounced save, in slices of about [`SLICE_MS`], a task each, so no task
    /// of an autosave is long. First the records' pieces are brought up to date (an edit
    /// meanwhile means one more pass, which writes only what the edit changed); the parts of
    /// that one state of the document are then summed for the checksum, joined and written.
    fn save_in_slices(self) {
        if let Some(h) = self.pending.get_value() {
            h.clear();
        }
        self.pending.set_value(None);
        if !self.writable() {
            return;
        }
        self.walk.set_value(Some(Walk::Pieces {
            cursor: Cursor::default(),
            from: self.mark(),
        }));
        self.slice();
    }

    /// Whether an autosave is going through the records (an edit now is taken along).
    pub(super) fn walking(self) -> bool {
        self.walk
            .with_value(|w| matches!(w, Some(Walk::Pieces { .. })))
    }

    fn slice(self) {
        let mut walk = None;
        self.walk.update_value(|w| walk = w.take());
        let start = perf_now();
        let over = move || perf_now() - start > SLICE_MS;
        loop {
            walk = match walk {
                // A save in one go (flush, export) came first.
                None => return,
                Some(Walk::Pieces { mut cursor, from }) => {
                    let mut done = false;
                    self.doc.with_untracked(|doc| {
                        self.pieces.update_value(|cache| {
                            done = doc.refresh_pieces(
                                cache,
                                &mut cursor,
                                &mut |json| JsString::from(json),
                                &mut || over(),
                            );
                        });
                    });
                    let now = self.mark();
                    if !done {
                        Some(Walk::Pieces { cursor, from })
                    } else if from != now {
                        Some(Walk::Pieces {
                            cursor: Cursor::default(),
                            from: now,
                        })
                    } else {
                        let parts = self
                            .doc
                            .with_untracked(|doc| self.pieces.with_value(|c| doc.pieces(c)));
                        match parts {
                            Some(parts) => Some(Walk::Sum {
                                parts,
                                next: 0,
                                sum: Checksum::default(),
                            }),
                            None => {
                                self.write(true);
                                return;
                            }
                        }
                    }
                }
                Some(Walk::Sum {
                    parts,
                    mut next,
                    mut sum,
                }) => {
                    while next < parts.len() && !over() {
                        sum.update(parts[next].json());
                        next += 1;
                    }
                    if next == parts.len() {
                        self.write_parts(&parts, sum);
                        return;
                    }
                    Some(Walk::Sum { parts, next, sum })
                }
            };
            if over() {
                break;
            }
        }
        self.walk.set_value(walk);
        if set_timeout_with_handle(move || self.slice(), Duration::ZERO).is_err() {
            self.walk.set_value(None);
            self.write(true);
        }
    }

    /// The last step of a save in slices: the parts of one state of the document, summed.
    /// If another tab stored meanwhile, the whole save runs again in one go (it merges).
    fn write_parts(self, parts: &[Part<JsString>], sum: Checksum) {
        if !self.writable() {
            return;
        }
        match self.stored_changes() {
            Ok(None) => {}
            _ => {
                self.write(true);
                return;
            }
        }
        let (at, device) = (iso_now(), self.device.get_value());
        let head = Snapshot::compact_head_summed(sum, &at, &device);
        self.store(None, storage::join_snapshot(&head, parts));
    }

    /// The snapshot text of `doc`, from the kept pieces brought up to date first.
    fn text_of(self, doc: &Doc, at: &str, device: &str) -> storage::Joined {
        self.pieces.update_value(|cache| {
            doc.refresh_pieces(
                cache,
                &mut Cursor::default(),
                &mut |json| JsString::from(json),
                &mut || false,
            );
        });
        let parts = self.pieces.with_value(|cache| doc.pieces(cache));
        match parts {
            Some(parts) => {
                let head = Snapshot::compact_head(parts.iter().map(Part::json), at, device);
                storage::join_snapshot(&head, &parts)
            }
            None => storage::Joined::whole(JsString::from(
                Snapshot::compact_of(doc, at, device).as_str(),
            )),
        }
    }

    /// Writes the workspace in one go (merged first with what another tab stored, if
    /// `merge_first`).
    pub(super) fn write(self, merge_first: bool) {
        self.walk.set_value(None);
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
        let text = match &merged {
            Some(doc) => self.text_of(doc, &at, &device),
            None => self
                .doc
                .with_untracked(|doc| self.text_of(doc, &at, &device)),
        };
        self.store(merged, text);
    }

    /// Stores a snapshot text; `merged` is its document when it differs from the open one.
    fn store(self, merged: Option<Doc>, text: storage::Joined) {
        let written = storage::save_text(text);
        match written {
            // Issue 12: IndexedDB reports the commit later; localStorage is done at once.
            Ok(saving) if saving.commit.is_done() => self.saved(merged, saving.text),
            Ok(saving) => self.committing(merged, saving),
            Err(e) => self.failed(e),
        }
    }

    /// Issue 12: a write to IndexedDB is on its way. What another tab stored is taken over now
    /// (the merge holds this tab's edits too); "Sparat" shows only once the transaction has
    /// committed and no later edit or write is waiting (a later autosave going through the
    /// records in slices counts: an older write committing then is not this edit saved).
    fn committing(self, merged: Option<Doc>, saving: storage::Saving) {
        let storage::Saving { text, commit } = saving;
        self.last_written.set_value(Some(text));
        if let Some(m) = merged
            && self.doc.with_untracked(|memory| *memory != m)
        {
            self.adopt_quietly(m);
        }
        // "Sparat" is not shown while this write is on its way (a workspace opened or deleted
        // in place of another is written with the state still "Sparat" from before).
        if self.save.get_untracked() == SaveState::Saved {
            self.save.set(SaveState::Pending);
        }
        self.in_flight.update_value(|n| *n += 1);
        leptos::task::spawn_local(async move {
            let result = commit.done().await;
            self.in_flight.update_value(|n| *n -= 1);
            match result {
                Ok(())
                    if self.in_flight.get_value() == 0
                        && self.pending.with_value(Option::is_none)
                        && self.walk.with_value(Option::is_none) =>
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
