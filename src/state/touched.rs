//! The journal of records that commands touched, for views that derive one record at a time.
use leptos::prelude::*;
use vagval_core::{Id, Kind};

use super::AppState;

/// The records that commands touched (and merges and restores changed), in order, for views
/// that update what they derived one record at a time (the inspel list).
#[derive(Debug, Default)]
pub(super) struct Journal {
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
    pub(super) fn end(&self) -> Mark {
        Mark {
            generation: self.generation,
            position: self.start + self.touched.len(),
        }
    }

    pub(super) fn note(&mut self, records: Vec<(Kind, Id)>) {
        if self.touched.len() + records.len() > JOURNAL_MAX {
            self.start += self.touched.len();
            self.touched.clear();
        }
        self.touched.extend(records);
    }

    pub(super) fn replaced(&mut self) {
        self.generation += 1;
        self.start += self.touched.len();
        self.touched.clear();
    }
}

impl AppState {
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
}
