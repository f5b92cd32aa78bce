//! The autosave's writer: a document's compact JSON as pieces, one per record, each kept from
//! the last write and written again only when its record changed.
//!
//! A county workspace is ≈ 2.6 M characters; serialising it whole (and handing it to the
//! browser as one string) is one long task. With [`Pieces`] a save compares each record with
//! the copy its piece was written from, rewrites the changed ones — in slices, between which
//! the caller may yield — and joins the rest as they are. The joined text is byte for byte
//! what `serde_json::to_string(&doc)` gives (tested), so the checksum and every reader agree.
//!
//! Each piece carries a `P` made once from its JSON (the browser's own string, say), so what
//! did not change is not converted again either. [`document!`](crate::document!) writes
//! `Pieces` (one slot per collection) and `Doc::refresh_pieces` / `Doc::pieces`.
use std::any::Any;
use std::collections::BTreeMap;
use std::rc::Rc;

use serde::Serialize;

use crate::kernel::collection::Collection;
use crate::kernel::id::Id;

/// One record's JSON and what the caller made of it.
#[derive(Debug)]
pub struct Out<P> {
    /// The record's compact JSON.
    pub json: String,
    /// What `make` gave for `json`.
    pub piece: P,
}

/// A piece of the document's JSON: text between records, or a record's kept piece.
#[derive(Debug)]
pub enum Part<P> {
    /// Punctuation, names and the small records written on every save.
    Text(String),
    /// A record's piece (shared with the cache: a later edit leaves this one as it is).
    Record(Rc<Out<P>>),
}

impl<P> Part<P> {
    /// The part's JSON.
    #[must_use]
    pub fn json(&self) -> &str {
        match self {
            Part::Text(t) => t,
            Part::Record(o) => &o.json,
        }
    }
}

/// Where a sliced refresh stopped: the collection's position in the declaration and the last
/// record done in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cursor {
    /// Index of the collection being refreshed.
    pub collection: usize,
    /// The last id refreshed in it (`None`: from its start).
    pub after: Option<Id>,
}

/// A kept piece and the record it was written from (type-erased: one map type serves every
/// kind, so the map's code is in the bundle once, not once per kind).
struct Entry<P> {
    record: Box<dyn Any>,
    out: Rc<Out<P>>,
}

impl<P> std::fmt::Debug for Entry<P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.out.json)
    }
}

/// The kept pieces of one collection.
#[derive(Debug)]
pub struct Slot<P>(BTreeMap<Id, Entry<P>>);

impl<P> Default for Slot<P> {
    fn default() -> Self {
        Self(BTreeMap::new())
    }
}

/// Makes a piece from a record's JSON.
pub type Make<'a, P> = dyn FnMut(&str) -> P + 'a;

/// Says whether to stop for now (asked after each record, compared or written).
pub type Stop<'a> = dyn FnMut() -> bool + 'a;

impl<P> Slot<P> {
    /// Brings the pieces of `col` up to date, from after `after` on. Returns the last id done if
    /// `stop` asked to stop before the end, `None` when the collection is done (pieces of
    /// records no longer in it are dropped then).
    pub fn refresh<R: Serialize + Clone + PartialEq + 'static>(
        &mut self,
        col: &Collection<R>,
        after: Option<&Id>,
        make: &mut Make<'_, P>,
        stop: &mut Stop<'_>,
    ) -> Option<Id> {
        use std::ops::Bound::{Excluded, Unbounded};
        let from = after.map_or(Unbounded, Excluded);
        for (id, record) in col.0.range((from, Unbounded)) {
            let same = self
                .0
                .get(id)
                .and_then(|e| e.record.downcast_ref::<R>())
                .is_some_and(|kept| kept == record);
            if !same {
                let json = serde_json::to_string(record).unwrap_or_default();
                let piece = make(&json);
                self.0.insert(
                    id.clone(),
                    Entry {
                        record: Box::new(record.clone()),
                        out: Rc::new(Out { json, piece }),
                    },
                );
            }
            if stop() {
                return Some(id.clone());
            }
        }
        if self.0.len() != col.0.len() {
            self.0.retain(|id, _| col.0.contains_key(id));
        }
        None
    }

    /// Adds the collection's array to `parts` (`"name":[…]` after a comma); `None` if a record
    /// has no piece. The pieces are not compared with the records again (that is the refresh's
    /// work, and the longest part of it): call this right after a complete refresh against the
    /// same document, with no change in between.
    pub fn push_parts<R: PartialEq + 'static>(
        &self,
        name: &str,
        col: &Collection<R>,
        parts: &mut Vec<Part<P>>,
    ) -> Option<()> {
        let mut text = format!(",\"{name}\":[");
        for (i, (id, record)) in col.0.iter().enumerate() {
            let entry = self.0.get(id)?;
            debug_assert!(
                entry.record.downcast_ref::<R>() == Some(record),
                "stale piece: refresh first"
            );
            if i > 0 {
                text.push(',');
            }
            parts.push(Part::Text(std::mem::take(&mut text)));
            parts.push(Part::Record(Rc::clone(&entry.out)));
        }
        text.push(']');
        parts.push(Part::Text(text));
        Some(())
    }
}

/// Appends a small value's JSON to `text` (written on every save, never kept).
pub fn push_json(text: &mut String, value: &impl Serialize) {
    if let Ok(json) = serde_json::to_string(value) {
        text.push_str(&json);
    }
}
