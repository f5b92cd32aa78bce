//! App state in context: the workspace document, its clock, history and save state.
//!
//! Components read the document through [`AppState::doc`] and change it only with
//! [`AppState::dispatch`], which applies a core [`Command`] and schedules a save. Saving
//! merges with what is stored first (another tab may have written), so no tab ever writes
//! over another's edits; `storage` events from other tabs are merged in as they come.
use js_sys::JsString;
use leptos::prelude::*;
use vagval_core::document::Pieces;
use vagval_core::snapshot::Decoded;
use vagval_core::{Command, Doc, DomainError, History, Hlc, Id, Snapshot, Stamper, demo::demo_doc};

use crate::storage::{self, Loaded, LocalMeta, StorageError};

mod clock;
mod save;
mod touched;

pub use clock::{date_of, iso_now, new_id, now_ms};
use save::decoded_is_newer;
use touched::Journal;
pub use touched::Mark;

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
    /// Issue 12: each record's JSON as last saved (the autosave writes only what changed).
    pieces: StoredValue<Pieces<JsString>, LocalStorage>,
    /// Issue 12: an autosave going through the records in slices.
    walk: StoredValue<Option<save::Walk>, LocalStorage>,
}

/// The app state from context.
#[must_use]
pub fn use_app() -> AppState {
    expect_context::<AppState>()
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
            pieces: StoredValue::new_local(Pieces::default()),
            walk: StoredValue::new_local(None),
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
        storage::erasing(&gone);
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

    /// Applies a command as a form does: the error, in `lang`, into `error` (cleared on
    /// success). Whether it was applied.
    pub fn run(
        self,
        cmd: &Command,
        error: RwSignal<Option<String>>,
        lang: vagval_core::Lang,
    ) -> bool {
        match self.dispatch(cmd) {
            Ok(()) => {
                error.set(None);
                true
            }
            Err(e) => {
                use vagval_core::Localized;
                error.set(Some(e.message(lang)));
                false
            }
        }
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

    /// The copy for another region (kollegialt utbyte: `peer::copy`, no personal data) as an
    /// export file's text, the pending change saved first.
    #[must_use]
    pub fn peer_copy(self) -> String {
        self.flush();
        let doc = self.doc.with_untracked(vagval_core::peer::copy);
        Snapshot::new(doc, iso_now(), self.device()).to_pretty()
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
