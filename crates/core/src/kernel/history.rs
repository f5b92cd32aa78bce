//! Undo and redo: stacks of the inverse commands [`apply`] returns.
use crate::kernel::command::{Command, DomainError, Stamper, apply};
use crate::kernel::doc::Document;
use crate::kernel::id::Id;

/// Undo and redo stacks of inverse commands.
#[derive(Debug, Clone)]
pub struct History<K> {
    undo: Vec<Command<K>>,
    redo: Vec<Command<K>>,
}

/// How many steps of undo are kept.
pub const HISTORY_LIMIT: usize = 200;

impl<K> Default for History<K> {
    fn default() -> Self {
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }
}

impl<K: Copy> History<K> {
    /// Applies `cmd`, recording its inverse; clears the redo stack.
    ///
    /// # Errors
    /// As [`apply`].
    pub fn apply<D: Document<Kind = K>>(
        &mut self,
        doc: &mut D,
        cmd: &Command<K>,
        st: &mut Stamper<'_>,
    ) -> Result<(), DomainError> {
        match apply(doc, cmd, st)? {
            Some(inverse) => {
                self.undo.push(inverse);
                if self.undo.len() > HISTORY_LIMIT {
                    self.undo.remove(0);
                }
            }
            // An erase cannot be undone, and earlier steps may no longer apply.
            None => self.undo.clear(),
        }
        self.redo.clear();
        Ok(())
    }

    /// Undoes the last command; returns `false` when there was nothing to undo.
    pub fn undo<D: Document<Kind = K>>(&mut self, doc: &mut D, st: &mut Stamper<'_>) -> bool {
        Self::step(&mut self.undo, &mut self.redo, doc, st, &mut |_, _| {})
    }

    /// Redoes the last undone command; returns `false` when there was nothing to redo.
    pub fn redo<D: Document<Kind = K>>(&mut self, doc: &mut D, st: &mut Stamper<'_>) -> bool {
        Self::step(&mut self.redo, &mut self.undo, doc, st, &mut |_, _| {})
    }

    /// [`History::undo`] (`undo`) or [`History::redo`], calling `touched` with the records
    /// the applied step addressed (see [`Command::for_each_record`]).
    pub fn step_touching<D: Document<Kind = K>>(
        &mut self,
        undo: bool,
        doc: &mut D,
        st: &mut Stamper<'_>,
        touched: &mut impl FnMut(K, &Id),
    ) -> bool {
        if undo {
            Self::step(&mut self.undo, &mut self.redo, doc, st, touched)
        } else {
            Self::step(&mut self.redo, &mut self.undo, doc, st, touched)
        }
    }

    fn step<D: Document<Kind = K>>(
        from: &mut Vec<Command<K>>,
        to: &mut Vec<Command<K>>,
        doc: &mut D,
        st: &mut Stamper<'_>,
        touched: &mut impl FnMut(K, &Id),
    ) -> bool {
        // A step that no longer applies (its record was erased by a merge) is dropped.
        while let Some(cmd) = from.pop() {
            if let Ok(inverse) = apply(doc, &cmd, st) {
                cmd.for_each_record(touched);
                // `None`: applied but cannot be stepped back (undoing a ballot erases it).
                to.extend(inverse);
                return true;
            }
        }
        false
    }

    /// Whether there is something to undo.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is something to redo.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}
