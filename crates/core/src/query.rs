//! Searching, filtering and sorting the inspel list (the list view's model).
//!
//! The search key is built once per document change; typing only runs [`run`] over the
//! prepared rows. Case folding covers ASCII and the Latin-1 letters used in Swedish names
//! (no Unicode case tables in the bundle); sorting follows the Swedish alphabet (å ä ö last).
use std::cmp::Ordering;

use crate::command::{Command, Kind};
use crate::crdt::Record;
use crate::doc::Doc;
use crate::id::Id;
use crate::model::{Dimension, Inspel, Municipality, Status};

/// One inspel prepared for searching.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The inspel.
    pub id: Id,
    /// Title as written.
    pub title: String,
    /// Folded title, description, organisation and theme, joined by newlines.
    pub key: String,
    /// Sort key of the title (Swedish order).
    pub order: String,
    /// Municipality.
    pub municipality: Option<Municipality>,
    /// Stage.
    pub status: Status,
    /// Dimensions.
    pub dimensions: Vec<Dimension>,
    /// Theme as written.
    pub theme: String,
    /// Number of originals (a merged inspel).
    pub originals: usize,
    /// A 64-bit fingerprint of the stamps of all the inspel's fields (see [`update_rows`]).
    pub version: u64,
    /// The same for the fields `key` and `order` come from.
    pub texts: u64,
}

/// How the list is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// By title, Swedish order.
    #[default]
    Title,
    /// By municipality, then title.
    Municipality,
    /// By stage, then title.
    Status,
    /// By theme, then title.
    Theme,
}

/// What the list shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// Words that must all occur (case-insensitive).
    pub text: String,
    /// Only this municipality.
    pub municipality: Option<Municipality>,
    /// Only this stage.
    pub status: Option<Status>,
    /// Only inspel touching this dimension.
    pub dimension: Option<Dimension>,
    /// Order.
    pub sort: Sort,
}

/// Lower case for ASCII and the Latin-1 letters (Å Ä Ö É Ü …); other characters unchanged.
#[must_use]
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'A'..='Z' | '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{de}' => char::from_u32(c as u32 + 32).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// A sort key in Swedish alphabetical order: folded, with å ä ö after z.
#[must_use]
pub fn swedish_order(text: &str) -> String {
    fold(text)
        .chars()
        .map(|c| match c {
            'å' => '\u{7b}',
            'ä' | 'æ' => '\u{7c}',
            'ö' | 'ø' => '\u{7d}',
            'é' | 'è' => 'e',
            'ü' => 'y',
            other => other,
        })
        .collect()
}

/// The live, not removed inspel of `doc`, prepared.
#[must_use]
pub fn rows(doc: &Doc) -> Vec<Row> {
    listed(doc).map(|r| row_of(r, fingerprint(r), None)).collect()
}

/// [`rows`] again after commands on `doc`, reusing the rows of `prev` (the rows before) whose
/// inspel has the same fingerprint of field stamps, so an edit of 100 inspel folds 100 texts,
/// not all of them.
///
/// For changes made by commands: a command gives each field it sets a stamp from this
/// device's clock, which never issues a stamp twice, so the field's stamp changes and with it
/// the 64-bit fingerprint (barring a hash collision). A merge can change a value without
/// changing its stamp (a tie between two devices' values is broken by the value), so after a
/// merge use [`rows`]. Also returns whether anything changed.
#[must_use]
pub fn update_rows(doc: &Doc, prev: Vec<Row>) -> (Vec<Row>, bool) {
    let mut old = prev.into_iter().peekable();
    let mut out = Vec::with_capacity(old.len());
    let mut changed = false;
    for r in listed(doc) {
        // Rows of inspel that are gone (same order: by id).
        while old.next_if(|o| o.id < r.id).is_some() {
            changed = true;
        }
        let version = fingerprint(r);
        match old.next_if(|o| o.id == r.id) {
            Some(o) if o.version == version => out.push(o),
            o => {
                out.push(row_of(r, version, o));
                changed = true;
            }
        }
    }
    changed |= old.next().is_some();
    (out, changed)
}

/// The inspel in the list: live and not removed, by id.
fn listed(doc: &Doc) -> impl Iterator<Item = &Inspel> {
    doc.inspel.live().filter(|r| r.removed() != Some(&true))
}

/// The field stamps of `r`, in field order, hashed.
fn fingerprint(r: &Inspel) -> u64 {
    hash_of(&r.stamps())
}

fn hash_of(value: &impl std::hash::Hash) -> u64 {
    use std::hash::Hasher;
    let mut h = Mix(0);
    value.hash(&mut h);
    h.finish()
}

/// A small multiply–rotate hash (the rustc/Firefox "Fx" mix) over 8-byte words: ≈ 3× faster
/// than SipHash here, and the input is this device's own stamps, not an attacker's keys.
struct Mix(u64);

impl std::hash::Hasher for Mix {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A row for `r`; the search and sort keys are taken over from `old` when its text fields
/// (title, description, organisation, theme) carry the same stamps — a new stage or
/// municipality then folds nothing.
fn row_of(r: &Inspel, version: u64, old: Option<Row>) -> Row {
    let texts = hash_of(&[&r.title, &r.description, &r.organisation, &r.theme].map(|f| f.as_ref().map(|g| &g.stamp)));
    let title = r.title().cloned().unwrap_or_default();
    let theme = r.theme().cloned().unwrap_or_default();
    let (key, order) = match old {
        Some(o) if o.texts == texts => (o.key, o.order),
        _ => {
            let parts = [title.as_str(), r.description().map_or("", String::as_str), r.organisation().map_or("", String::as_str), theme.as_str()];
            (fold(&parts.join("\n")), swedish_order(&title))
        }
    };
    Row {
        id: r.id.clone(),
        key,
        order,
        title,
        municipality: r.municipality().copied(),
        status: r.status().copied().unwrap_or_default(),
        dimensions: r.dimensions().cloned().unwrap_or_default(),
        theme,
        originals: r.originals().map_or(0, Vec::len),
        version,
        texts,
    }
}

/// Indices into `rows` of the inspel matching `q`, in `q.sort` order (ties by title, then id).
#[must_use]
pub fn run(rows: &[Row], q: &Query) -> Vec<usize> {
    let needle = fold(&q.text);
    let words: Vec<&str> = needle.split_whitespace().collect();
    let mut hits: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            q.municipality.is_none_or(|m| r.municipality == Some(m))
                && q.status.is_none_or(|s| r.status == s)
                && q.dimension.is_none_or(|d| r.dimensions.contains(&d))
                && words.iter().all(|w| r.key.contains(w))
        })
        .map(|(i, _)| i)
        .collect();
    let by_title = |a: &Row, b: &Row| a.order.cmp(&b.order).then_with(|| a.id.cmp(&b.id));
    let first = |a: &Row, b: &Row| -> Ordering {
        match q.sort {
            Sort::Title => Ordering::Equal,
            Sort::Municipality => a.municipality.cmp(&b.municipality),
            Sort::Status => a.status.cmp(&b.status),
            Sort::Theme => swedish_order(&a.theme).cmp(&swedish_order(&b.theme)),
        }
    };
    hits.sort_by(|&i, &j| first(&rows[i], &rows[j]).then_with(|| by_title(&rows[i], &rows[j])));
    hits
}

/// The entries of `hits` (indices into `rows`, which are in id order as [`rows`] makes them)
/// whose inspel is in `marked`, in the order of `hits`. One pass over both id-ordered sets, so
/// a change to the list costs a comparison per row, not a set lookup per row.
#[must_use]
pub fn marked_hits(rows: &[Row], hits: &[usize], marked: &std::collections::BTreeSet<Id>) -> Vec<usize> {
    if marked.is_empty() {
        return Vec::new();
    }
    let mut is_marked = vec![false; rows.len()];
    let mut m = marked.iter().peekable();
    for (i, r) in rows.iter().enumerate() {
        while m.next_if(|id| **id < r.id).is_some() {}
        if m.peek().is_some_and(|id| **id == r.id) {
            is_marked[i] = true;
        }
    }
    hits.iter().copied().filter(|&i| is_marked.get(i).copied().unwrap_or(false)).collect()
}

/// One undoable command that moves the inspel of `rows` to `status`: a batch of `status`
/// edits, leaving out those already there. `None` when nothing would change.
#[must_use]
pub fn set_status<'a>(rows: impl IntoIterator<Item = &'a Row>, status: Status) -> Option<Command> {
    let value = crate::crdt::to_json(&status);
    let commands: Vec<Command> = rows
        .into_iter()
        .filter(|r| r.status != status)
        .map(|r| Command::edit(Kind::Inspel, &r.id, "status", value.clone()))
        .collect();
    (!commands.is_empty()).then_some(Command::Batch { commands })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_and_swedish_order() {
        assert_eq!(fold("ÅRE Östersund ÄNGE Émile"), "åre östersund änge émile");
        let mut names = vec!["Östersund", "Åre", "Ängersjö", "Berg", "Zinkgruvan", "ärla"];
        names.sort_by_key(|n| swedish_order(n));
        assert_eq!(names, vec!["Berg", "Zinkgruvan", "Åre", "Ängersjö", "ärla", "Östersund"]);
    }

    #[test]
    fn search_filters_and_sorts_the_demo() {
        let doc = crate::demo::demo_doc();
        let rows = rows(&doc);
        assert_eq!(rows.len(), 12);
        // Every word must occur, in any field, in any case.
        let q = Query { text: "MITTBANAN pendla".into(), ..Query::default() };
        let hits = run(&rows, &q);
        assert_eq!(hits.len(), 1);
        assert!(rows[hits[0]].title.contains("Mittbanan"));
        // Theme search finds both infrastructure inspel of Östersund.
        let q = Query { text: "infrastruktur".into(), municipality: Some(Municipality::Ostersund), ..Query::default() };
        assert_eq!(run(&rows, &q).len(), 2);
        // Dimension filter.
        let q = Query { dimension: Some(Dimension::Ecological), ..Query::default() };
        assert!(run(&rows, &q).iter().all(|&i| rows[i].dimensions.contains(&Dimension::Ecological)));
        // Title order: Swedish alphabet; status order groups "i agendan" after the rest.
        let all = run(&rows, &Query::default());
        let titles: Vec<&str> = all.iter().map(|&i| rows[i].title.as_str()).collect();
        let mut sorted = titles.clone();
        sorted.sort_by_key(|t| swedish_order(t));
        assert_eq!(titles, sorted);
        let by_status = run(&rows, &Query { sort: Sort::Status, ..Query::default() });
        assert_eq!(rows[*by_status.last().unwrap()].status, Status::InAgenda);
        // No match.
        assert!(run(&rows, &Query { text: "finns inte".into(), ..Query::default() }).is_empty());
    }

    #[test]
    fn marked_hits_keep_the_shown_order() {
        let doc = crate::demo::demo_doc();
        let rows = rows(&doc);
        assert!(rows.windows(2).all(|w| w[0].id < w[1].id), "rows are in id order");
        let hits = run(&rows, &Query::default());
        // Marked: the 2nd, 5th and last shown, and one not shown (filtered out) — by id.
        let shown = [hits[1], hits[4], hits[hits.len() - 1]];
        let mut marked: std::collections::BTreeSet<Id> = shown.iter().map(|&i| rows[i].id.clone()).collect();
        marked.insert(Id::default());
        assert_eq!(marked_hits(&rows, &hits, &marked), shown);
        let few = &hits[..3];
        assert_eq!(marked_hits(&rows, few, &marked), vec![hits[1]]);
        assert!(marked_hits(&rows, &hits, &std::collections::BTreeSet::new()).is_empty());
    }

    #[test]
    fn set_status_is_one_undoable_batch_of_those_that_change() {
        use crate::{History, Hlc, Stamper};
        let mut doc = crate::demo::demo_doc();
        let rows = rows(&doc);
        // Three marked, one of them already "sammanställt".
        let compiled = rows.iter().find(|r| r.status == Status::Compiled).unwrap();
        let others: Vec<&Row> = rows
            .iter()
            .filter(|r| r.status != Status::Compiled)
            .take(2)
            .collect();
        let marked = [compiled, others[0], others[1]];
        let Some(Command::Batch { commands }) = set_status(marked, Status::Compiled) else {
            panic!("a batch")
        };
        assert_eq!(commands.len(), 2, "only the two that change");
        let before = doc.clone();
        let mut clock = Hlc::new("dev.a");
        let mut h = History::default();
        h.apply(
            &mut doc,
            &Command::Batch { commands },
            &mut Stamper {
                clock: &mut clock,
                now_ms: 1000,
            },
        )
        .unwrap();
        let after = super::rows(&doc);
        assert!(others.iter().all(|o| {
            after
                .iter()
                .any(|r| r.id == o.id && r.status == Status::Compiled)
        }));
        // One undo takes the whole change back.
        assert!(h.undo(
            &mut doc,
            &mut Stamper {
                clock: &mut clock,
                now_ms: 1001
            }
        ));
        assert_eq!(
            super::rows(&doc)
                .iter()
                .map(|r| r.status)
                .collect::<Vec<_>>(),
            super::rows(&before)
                .iter()
                .map(|r| r.status)
                .collect::<Vec<_>>()
        );
        // Nothing to change: no command.
        assert!(set_status([compiled], Status::Compiled).is_none());
    }
}
