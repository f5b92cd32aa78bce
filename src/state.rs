//! App state in context: the workspace document, its clock, history and save state.
//!
//! Components read the document through [`AppState::doc`] and change it only with
//! [`AppState::dispatch`], which applies a core [`Command`] and schedules a save. Saving
//! merges with what is stored first (another tab may have written), so no tab ever writes
//! over another's edits; `storage` events from other tabs are merged in as they come.
use std::time::Duration;

use js_sys::JsString;
use leptos::prelude::*;
use vagval_core::snapshot::{Decoded, decode};
use vagval_core::{
    Command, Doc, DomainError, History, Hlc, Id, Kind, Snapshot, Stamper, demo::demo_doc, merge,
};

use crate::storage::{self, Loaded, LocalMeta, StorageError, StorageKey};

/// How long edits are collected before one save (counted from the first unsaved edit: a run
/// of edits does not put the save off).
const SAVE_DEBOUNCE: Duration = Duration::from_millis(400);
/// How often a save that failed (full storage) is tried again.
const SAVE_RETRY: Duration = Duration::from_secs(10);

/// What the header's save indicator shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Everything is stored.
    Saved,
    /// An edit is waiting for the debounced save.
    Pending,
    /// The last save failed (e.g. full storage); the document is kept in memory.
    Failed(StorageError),
    /// The stored copy belongs to a newer version; nothing is written over it.
    ReadOnly(StorageError),
    /// The browser gives no storage; work lives in memory only.
    MemoryOnly,
}

/// Where the app stands after loading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Boot {
    /// Normal start.
    Ready,
    /// The stored copy was damaged; the last-known-good copy was opened (raw kept).
    RestoredFromBackup,
    /// Nothing could be read: show the recovery screen (raw data kept, never reset).
    Recovery {
        /// The raw stored text, offered for download.
        raw: String,
        /// Why it failed.
        error: StorageError,
    },
}

/// The app's shared state, provided once by the shell.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The document.
    pub doc: RwSignal<Doc>,
    /// Save indicator state.
    pub save: RwSignal<SaveState>,
    /// How the app started.
    pub boot: RwSignal<Boot>,
    /// Whether undo is possible.
    pub can_undo: RwSignal<bool>,
    /// Whether redo is possible.
    pub can_redo: RwSignal<bool>,
    /// When this device last exported the workspace.
    pub last_export_ms: RwSignal<Option<f64>>,
    /// Nothing was stored yet: the first-start choice (new workspace or the demo) is shown.
    pub first_start: RwSignal<bool>,
    history: StoredValue<History>,
    clock: StoredValue<Hlc>,
    device: StoredValue<String>,
    /// The text this tab last wrote (or read), to skip re-merging when nobody else wrote.
    last_written: StoredValue<Option<JsString>, LocalStorage>,
    pending: StoredValue<Option<TimeoutHandle>>,
    /// The records commands touched (see [`AppState::touched_since`]).
    journal: StoredValue<Journal>,
    retry: StoredValue<Option<IntervalHandle>>,
    local: StoredValue<LocalMeta>,
    /// Issue 12: IndexedDB writes not yet committed.
    in_flight: StoredValue<u32>,
}

/// The records that commands touched (and merges and restores changed), in order, for views
/// that update what they derived one record at a time (the inspel list).
#[derive(Debug, Default)]
struct Journal {
    /// Moves on when another workspace replaces this one (the records are then all new).
    generation: u64,
    /// Position of `touched[0]` in the stream of touched records.
    start: usize,
    touched: Vec<(Kind, Id)>,
}

/// Entries kept in the journal before older ones are dropped (a view that has not read them
/// derives everything again). A single command's records are always kept whole.
const JOURNAL_MAX: usize = 4096;

/// How far a view has read the journal ([`AppState::mark`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    generation: u64,
    position: usize,
}

impl Journal {
    fn end(&self) -> Mark {
        Mark {
            generation: self.generation,
            position: self.start + self.touched.len(),
        }
    }

    fn note(&mut self, records: Vec<(Kind, Id)>) {
        if self.touched.len() + records.len() > JOURNAL_MAX {
            self.start += self.touched.len();
            self.touched.clear();
        }
        self.touched.extend(records);
    }

    fn replaced(&mut self) {
        self.generation += 1;
        self.start += self.touched.len();
        self.touched.clear();
    }
}

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

impl AppState {
    /// Loads the stored workspace (or the demo on first start) and provides the state.
    pub fn provide() -> Self {
        let device = storage::device_id();
        let actor = format!("{device}.{}", storage::random_hex(4));
        let mut clock = Hlc::new(actor);
        let mut boot = Boot::Ready;
        let mut first_start = false;
        let mut last_written = None;
        let (doc, save) = if storage::is_available() {
            match storage::load_workspace() {
                Ok(Loaded::Empty) => {
                    first_start = true;
                    (demo_doc(), SaveState::Pending)
                }
                Ok(Loaded::Ready {
                    decoded,
                    from_backup,
                    text,
                }) => {
                    if from_backup {
                        boot = Boot::RestoredFromBackup;
                    }
                    let Decoded { snapshot, .. } = *decoded;
                    let save = if decoded_is_newer(&snapshot) {
                        SaveState::ReadOnly(StorageError::Newer)
                    } else {
                        SaveState::Saved
                    };
                    if !from_backup && save == SaveState::Saved {
                        last_written = text;
                    }
                    (snapshot.workspace, save)
                }
                Ok(Loaded::Failed { raw, error }) => {
                    boot = Boot::Recovery {
                        raw,
                        error: error.clone(),
                    };
                    (demo_doc(), SaveState::ReadOnly(error))
                }
                Err(StorageError::Newer) => (demo_doc(), SaveState::ReadOnly(StorageError::Newer)),
                Err(_) => (demo_doc(), SaveState::MemoryOnly),
            }
        } else {
            (demo_doc(), SaveState::MemoryOnly)
        };
        if let Some(s) = doc.max_stamp() {
            clock.observe(s, now_ms());
        }
        let local = storage::load_local();
        let state = Self {
            doc: RwSignal::new(doc),
            save: RwSignal::new(save),
            boot: RwSignal::new(boot.clone()),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            last_export_ms: RwSignal::new(local.last_export_ms),
            first_start: RwSignal::new(first_start),
            history: StoredValue::new(History::default()),
            clock: StoredValue::new(clock),
            device: StoredValue::new(device),
            last_written: StoredValue::new_local(
                last_written.map(|t: String| JsString::from(t.as_str())),
            ),
            pending: StoredValue::new(None),
            journal: StoredValue::new(Journal::default()),
            retry: StoredValue::new(None),
            local: StoredValue::new(local),
            in_flight: StoredValue::new(0),
        };
        provide_context(state);
        // On first start nothing is written until the user chose (the demo waits in memory).
        if boot == Boot::RestoredFromBackup {
            state.save_now();
        }
        state
    }

    /// Opens `doc` in place of the open workspace, which is put aside on this device first
    /// (nothing is lost: if putting it aside fails, nothing changes). `doc` comes from the
    /// shelf, is new, or is the demo.
    ///
    /// # Errors
    /// The storage error when the open workspace could not be put aside.
    pub fn switch_to(self, doc: Doc) -> Result<(), StorageError> {
        // On first start the demo in memory was never stored: nothing to put aside.
        let first = self.first_start.get_untracked();
        self.first_start.set(false);
        if self.doc.with_untracked(|d| d.id == doc.id) {
            self.save_now();
            return Ok(());
        }
        self.flush();
        if self.writable() && !first {
            let (at, device) = (iso_now(), self.device.get_value());
            self.doc
                .with_untracked(|d| storage::shelve(d, &at, &device))?;
        }
        let id = doc.id.clone();
        storage::forget_last_known_good();
        self.replace(doc);
        // Issue 12: `Pending` = written to IndexedDB in the same transaction as the drop.
        if matches!(
            self.save.get_untracked(),
            SaveState::Saved | SaveState::Pending
        ) {
            let _ = storage::drop_shelved(&id);
        }
        Ok(())
    }

    /// Deletes the open workspace from this device and opens the most recent one put aside (or
    /// a new empty one). The caller has asked and offered an export.
    pub fn delete_open(self, fallback_name: &str) {
        let gone = self.doc.with_untracked(|d| d.id.clone());
        let next = storage::shelf()
            .into_iter()
            .find(|s| s.id != gone)
            .and_then(|s| storage::shelved(&s.id));
        let next = next.unwrap_or_else(|| Doc::new(new_id(), fallback_name, self.stamp()));
        let id = next.id.clone();
        storage::forget_last_known_good();
        self.replace(next);
        let _ = storage::drop_shelved(&id);
        let _ = storage::drop_shelved(&gone);
    }

    /// Deletes a workspace put aside.
    ///
    /// # Errors
    /// As [`storage::drop_shelved`].
    pub fn delete_shelved(self, id: &Id) -> Result<(), StorageError> {
        storage::drop_shelved(id)
    }

    /// A stamp for a record this device creates now.
    #[must_use]
    pub fn stamp(self) -> vagval_core::Stamp {
        let now = now_ms();
        self.clock
            .try_update_value(|c| c.tick(now))
            .unwrap_or_else(|| vagval_core::Stamp(now, 0, self.device.get_value()))
    }

    /// Another tab opened another workspace: ours is put aside (merged with what is there)
    /// and the stored one taken over as it is.
    fn other_workspace_opened(self, stored: Doc, raw: JsString) {
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

    /// Applies a command, records it for undo and schedules a save.
    ///
    /// # Errors
    /// The command's [`DomainError`]; nothing changes then.
    pub fn dispatch(self, cmd: &Command) -> Result<(), DomainError> {
        let mut result = Ok(());
        let now = now_ms();
        self.doc.update(|doc| {
            self.clock.update_value(|clock| {
                self.history.update_value(|h| {
                    result = h.apply(doc, cmd, &mut Stamper { clock, now_ms: now });
                });
            });
            // Noted before the document's readers hear of the change.
            if result.is_ok() {
                let mut records = Vec::new();
                cmd.for_each_record(&mut |k, id| records.push((k, id.clone())));
                self.journal.update_value(|j| j.note(records));
            }
        });
        if result.is_ok() {
            self.after_change();
        }
        result
    }

    /// Undoes the last change.
    pub fn undo(self) {
        self.step(true);
    }

    /// Redoes the last undone change.
    pub fn redo(self) {
        self.step(false);
    }

    fn step(self, undo: bool) {
        let mut done = false;
        let now = now_ms();
        self.doc.update(|doc| {
            self.clock.update_value(|clock| {
                self.history.update_value(|h| {
                    let mut st = Stamper { clock, now_ms: now };
                    let mut records = Vec::new();
                    done = h.step_touching(undo, doc, &mut st, &mut |k, id| {
                        records.push((k, id.clone()))
                    });
                    self.journal.update_value(|j| j.note(records));
                });
            });
        });
        if done {
            self.after_change();
        }
    }

    fn after_change(self) {
        // An edit before the first-start choice keeps what is open.
        self.first_start.set(false);
        self.history.with_value(|h| {
            self.can_undo.set(h.can_undo());
            self.can_redo.set(h.can_redo());
        });
        self.schedule_save();
        self.ask_for_persistence();
    }

    /// Replaces the document with the result of a merge the user confirmed.
    pub fn adopt(self, doc: Doc) {
        if self.doc.with_untracked(|d| *d == doc) {
            return;
        }
        self.adopt_quietly(doc);
        self.schedule_save();
    }

    /// Replaces the whole workspace, without merging with what is stored.
    pub fn replace(self, doc: Doc) {
        self.history.update_value(|h| *h = History::default());
        self.can_undo.set(false);
        self.can_redo.set(false);
        // Forget what was stored so the next save writes `doc` as it is.
        self.last_written.set_value(None);
        self.adopt_quietly(doc);
        self.write(false);
    }

    fn writable(self) -> bool {
        !matches!(
            self.save.get_untracked(),
            SaveState::ReadOnly(_) | SaveState::MemoryOnly
        )
    }

    fn schedule_save(self) {
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

    fn write(self, merge_first: bool) {
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
    fn stored_changes(self) -> Result<Option<(Doc, JsString)>, StorageError> {
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
    fn saved(self, stored: Option<Doc>, text: JsString) {
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

    /// Every whole-document replacement goes through here: the clock sees its stamps (so the
    /// next command's stamps are new) and the journal notes the records that differ.
    fn adopt_quietly(self, doc: Doc) {
        if let Some(s) = doc.max_stamp() {
            let now = now_ms();
            self.clock.update_value(|c| {
                c.observe(s, now);
            });
        }
        // What changed record by record goes into the journal like a command's records (the
        // inspel list patches those rows); another workspace altogether starts it afresh.
        match self.doc.with_untracked(|old| old.changed_records(&doc)) {
            Some(records) => self.journal.update_value(|j| j.note(records)),
            None => self.journal.update_value(Journal::replaced),
        }
        self.doc.set(doc);
    }

    /// Where the journal of touched records ends now: pass it to
    /// [`AppState::touched_since`] later.
    #[must_use]
    pub fn mark(self) -> Mark {
        self.journal.with_value(Journal::end)
    }

    /// The records of `kind` that commands, merges and restores changed since `mark` (some may
    /// come more than once), or `None` when another workspace replaced this one since or the
    /// journal no longer reaches back that far: then derive everything again.
    #[must_use]
    pub fn touched_since(self, mark: Mark, kind: Kind) -> Option<Vec<Id>> {
        self.journal.with_value(|j| {
            if mark.generation != j.generation || mark.position < j.start {
                return None;
            }
            let from = j.touched.get(mark.position - j.start..)?;
            Some(
                from.iter()
                    .filter(|(k, _)| *k == kind)
                    .map(|(_, id)| id.clone())
                    .collect(),
            )
        })
    }

    fn failed(self, e: StorageError) {
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

    /// This device's id (also part of every stamp it writes).
    #[must_use]
    pub fn device(self) -> String {
        self.device.get_value()
    }

    /// The current workspace as an export snapshot.
    #[must_use]
    pub fn snapshot(self) -> Snapshot {
        Snapshot::new(self.doc.get_untracked(), iso_now(), self.device.get_value())
    }

    /// Records that the workspace was exported now.
    pub fn exported(self) {
        let now = js_sys::Date::now();
        self.last_export_ms.set(Some(now));
        self.local.update_value(|l| l.last_export_ms = Some(now));
        let _ = storage::save_local(&self.local.get_value());
    }

    fn ask_for_persistence(self) {
        if !self.writable() || self.local.with_value(|l| l.persist_requested) {
            return;
        }
        self.local.update_value(|l| l.persist_requested = true);
        let _ = storage::save_local(&self.local.get_value());
        leptos::task::spawn_local(async {
            let _ = storage::request_persist().await;
        });
    }
}

fn decoded_is_newer(snapshot: &Snapshot) -> bool {
    snapshot.schema_version > vagval_core::migrate::CURRENT
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

/// The app state from context.
#[must_use]
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
