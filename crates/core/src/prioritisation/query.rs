//! Searching, filtering and sorting the inspel list (the list view's model).
//!
//! The search key is built once per document change; typing only runs [`run`] over the
//! prepared rows. Case folding covers ASCII and the Latin-1 letters used in Swedish names
//! (no Unicode case tables in the bundle); sorting follows the Swedish alphabet (å ä ö last).
use std::cmp::Ordering;

use crate::command::{Command, Kind};
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
    /// A 64-bit fingerprint of the texts `key` and `order` come from (title, description,
    /// organisation, theme): a new stage reuses the folded keys.
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
            'A'..='Z' | '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{de}' => {
                char::from_u32(c as u32 + 32).unwrap_or(c)
            }
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

/// The live, not removed inspel of `doc`, prepared, in id order.
#[must_use]
pub fn rows(doc: &Doc) -> Vec<Row> {
    listed(doc).map(|r| row_of(r, None)).collect()
}

/// What [`patch_rows`] changed.
#[derive(Debug, Clone, PartialEq)]
pub enum Patch {
    /// The rows are as they were.
    Nothing,
    /// Rows changed in place (the same inspel at the same index): each one's index and what
    /// it was filtered and sorted by before.
    InPlace(Vec<(usize, Facets)>),
    /// Rows came or went: indices moved.
    Shape,
}

/// What a row is filtered and sorted by besides its texts, and a fingerprint of those.
#[derive(Debug, Clone, PartialEq)]
pub struct Facets {
    municipality: Option<Municipality>,
    status: Status,
    dimensions: Vec<Dimension>,
    texts: u64,
}

impl Facets {
    fn of(r: &Row) -> Self {
        Self {
            municipality: r.municipality,
            status: r.status,
            dimensions: r.dimensions.clone(),
            texts: r.texts,
        }
    }
}

/// Brings `rows` (made by [`rows`] from an earlier state of `doc`) up to date after commands
/// that addressed the inspel `touched` (see [`crate::Command::for_each_record`]), or a merge
/// that changed them ([`Doc::changed_records`]): only those rows are prepared again, so an edit
/// of 100 inspel costs 100 rows, not the whole list.
pub fn patch_rows(doc: &Doc, rows: &mut Vec<Row>, touched: &[Id]) -> Patch {
    let mut ids: Vec<&Id> = touched.iter().collect();
    ids.sort_unstable();
    ids.dedup();
    let mut in_place = Vec::new();
    let mut shape = false;
    for id in ids {
        let now = doc.inspel.get(id).filter(|r| is_listed(r));
        match (rows.binary_search_by(|r| r.id.cmp(id)), now) {
            (Ok(i), Some(r)) => {
                let old = &rows[i];
                let next = row_of(r, Some(old));
                if next != *old {
                    in_place.push((i, Facets::of(old)));
                    rows[i] = next;
                }
            }
            (Ok(i), None) => {
                rows.remove(i);
                shape = true;
            }
            (Err(i), Some(r)) => {
                rows.insert(i, row_of(r, None));
                shape = true;
            }
            (Err(_), None) => {}
        }
    }
    if shape {
        Patch::Shape
    } else if in_place.is_empty() {
        Patch::Nothing
    } else {
        Patch::InPlace(in_place)
    }
}

/// Whether `run(rows, q)` still gives what it gave before the in-place changes `changes` (from
/// [`patch_rows`]): every changed row matches `q` as before and, if shown, sorts as before.
#[must_use]
pub fn hits_hold(rows: &[Row], q: &Query, changes: &[(usize, Facets)]) -> bool {
    changes.iter().all(|(i, was)| {
        let Some(now) = rows.get(*i) else {
            return false;
        };
        if now.texts != was.texts {
            // Title, texts or theme changed: the search key and the order may have.
            return false;
        }
        let shown = passes(q, now.municipality, now.status, &now.dimensions);
        shown == passes(q, was.municipality, was.status, &was.dimensions)
            && (!shown
                || match q.sort {
                    Sort::Title | Sort::Theme => true,
                    Sort::Municipality => now.municipality == was.municipality,
                    Sort::Status => now.status == was.status,
                })
    })
}

/// The filters of `q` other than its words.
fn passes(
    q: &Query,
    municipality: Option<Municipality>,
    status: Status,
    dimensions: &[Dimension],
) -> bool {
    q.municipality.is_none_or(|m| municipality == Some(m))
        && q.status.is_none_or(|s| status == s)
        && q.dimension.is_none_or(|d| dimensions.contains(&d))
}

/// The inspel in the list: live and not removed, by id.
fn listed(doc: &Doc) -> impl Iterator<Item = &Inspel> {
    doc.inspel.live().filter(|r| is_listed(r))
}

/// A live inspel is listed unless it is in the trash.
fn is_listed(r: &Inspel) -> bool {
    r.removed() != Some(&true)
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

/// A row for `r`; the search and sort keys are taken over from `old` when its texts (title,
/// description, organisation, theme) are the same — a new stage or municipality then folds
/// nothing.
fn row_of(r: &Inspel, old: Option<&Row>) -> Row {
    let title = r.title().cloned().unwrap_or_default();
    let theme = r.theme().cloned().unwrap_or_default();
    let parts = [
        title.as_str(),
        r.description().map_or("", String::as_str),
        r.organisation().map_or("", String::as_str),
        theme.as_str(),
    ];
    let texts = hash_of(&parts);
    let (key, order) = match old {
        Some(o) if o.texts == texts => (o.key.clone(), o.order.clone()),
        _ => (fold(&parts.join("\n")), swedish_order(&title)),
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
            passes(q, r.municipality, r.status, &r.dimensions)
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
pub fn marked_hits(
    rows: &[Row],
    hits: &[usize],
    marked: &std::collections::BTreeSet<Id>,
) -> Vec<usize> {
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
    hits.iter()
        .copied()
        .filter(|&i| is_marked.get(i).copied().unwrap_or(false))
        .collect()
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
        assert_eq!(
            names,
            vec!["Berg", "Zinkgruvan", "Åre", "Ängersjö", "ärla", "Östersund"]
        );
    }

    #[test]
    fn search_filters_and_sorts_the_demo() {
        let doc = crate::demo::demo_doc();
        let rows = rows(&doc);
        assert_eq!(rows.len(), 12);
        // Every word must occur, in any field, in any case.
        let q = Query {
            text: "MITTBANAN pendla".into(),
            ..Query::default()
        };
        let hits = run(&rows, &q);
        assert_eq!(hits.len(), 1);
        assert!(rows[hits[0]].title.contains("Mittbanan"));
        // Theme search finds both infrastructure inspel of Östersund.
        let q = Query {
            text: "infrastruktur".into(),
            municipality: Some(Municipality::Ostersund),
            ..Query::default()
        };
        assert_eq!(run(&rows, &q).len(), 2);
        // Dimension filter.
        let q = Query {
            dimension: Some(Dimension::Ecological),
            ..Query::default()
        };
        assert!(
            run(&rows, &q)
                .iter()
                .all(|&i| rows[i].dimensions.contains(&Dimension::Ecological))
        );
        // Title order: Swedish alphabet; status order groups "i agendan" after the rest.
        let all = run(&rows, &Query::default());
        let titles: Vec<&str> = all.iter().map(|&i| rows[i].title.as_str()).collect();
        let mut sorted = titles.clone();
        sorted.sort_by_key(|t| swedish_order(t));
        assert_eq!(titles, sorted);
        let by_status = run(
            &rows,
            &Query {
                sort: Sort::Status,
                ..Query::default()
            },
        );
        assert_eq!(rows[*by_status.last().unwrap()].status, Status::InAgenda);
        // No match.
        assert!(
            run(
                &rows,
                &Query {
                    text: "finns inte".into(),
                    ..Query::default()
                }
            )
            .is_empty()
        );
    }

    #[test]
    fn a_new_stage_patches_one_row_and_keeps_the_hits_unless_they_depend_on_it() {
        use crate::{History, Hlc, Stamper};
        let mut doc = crate::demo::demo_doc();
        let mut list = rows(&doc);
        let i = list
            .iter()
            .position(|r| r.status != Status::Adopted)
            .unwrap();
        let id = list[i].id.clone();
        let mut clock = Hlc::new("dev.a");
        clock.observe(doc.max_stamp().unwrap(), 1);
        let mut st = Stamper {
            clock: &mut clock,
            now_ms: 2,
        };
        let mut h = History::default();
        h.apply(
            &mut doc,
            &Command::edit(Kind::Inspel, &id, "status", "adopted"),
            &mut st,
        )
        .unwrap();
        let Patch::InPlace(changes) = patch_rows(&doc, &mut list, std::slice::from_ref(&id)) else {
            panic!("in place")
        };
        assert_eq!(changes.len(), 1);
        assert_eq!(list, rows(&doc));
        // Title order, no filter: the same hits. A stage filter or stage order: run again.
        assert!(hits_hold(&list, &Query::default(), &changes));
        assert!(!hits_hold(
            &list,
            &Query {
                status: Some(Status::Adopted),
                ..Query::default()
            },
            &changes
        ));
        assert!(!hits_hold(
            &list,
            &Query {
                sort: Sort::Status,
                ..Query::default()
            },
            &changes
        ));
        // A new title: run again; the trash: the rows move.
        h.apply(
            &mut doc,
            &Command::edit(Kind::Inspel, &id, "title", "Ny rubrik"),
            &mut st,
        )
        .unwrap();
        let Patch::InPlace(changes) = patch_rows(&doc, &mut list, std::slice::from_ref(&id)) else {
            panic!("in place")
        };
        assert!(!hits_hold(&list, &Query::default(), &changes));
        h.apply(
            &mut doc,
            &Command::edit(Kind::Inspel, &id, "removed", true),
            &mut st,
        )
        .unwrap();
        assert_eq!(
            patch_rows(&doc, &mut list, std::slice::from_ref(&id)),
            Patch::Shape
        );
        assert_eq!(list, rows(&doc));
        assert_eq!(patch_rows(&doc, &mut list, &[id]), Patch::Nothing);
    }

    #[test]
    fn marked_hits_keep_the_shown_order() {
        let doc = crate::demo::demo_doc();
        let rows = rows(&doc);
        assert!(
            rows.windows(2).all(|w| w[0].id < w[1].id),
            "rows are in id order"
        );
        let hits = run(&rows, &Query::default());
        // Marked: the 2nd, 5th and last shown, and one not shown (filtered out) — by id.
        let shown = [hits[1], hits[4], hits[hits.len() - 1]];
        let mut marked: std::collections::BTreeSet<Id> =
            shown.iter().map(|&i| rows[i].id.clone()).collect();
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
