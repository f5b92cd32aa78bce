//! The list's incremental rows and hits: after any sequence of commands (create, edit, remove,
//! restore, erase, batches, undo, redo) `patch_rows` with the records the commands addressed
//! equals `rows` computed afresh, and when `hits_hold` says the list's hits still hold, `run`
//! computed afresh gives those hits.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use serde_json::{Value, json};
use vagval_core::model::{Dimension, Municipality, Status};
use vagval_core::query::{Patch, Query, Sort, hits_hold, patch_rows, rows, run};
use vagval_core::{Command, Doc, History, Hlc, Id, Kind, Stamper};

#[derive(Debug, Clone)]
enum Op {
    Title(usize, String),
    Field(usize, &'static str, Value),
    Removed(usize, bool),
    Create(u8, String),
    Erase(usize),
    StatusOfMany(Vec<usize>, &'static str),
    Undo,
    Redo,
}

fn op() -> impl Strategy<Value = Op> {
    let status = prop::sample::select(vec!["received", "compiled", "prioritised", "adopted"]);
    let text = "[a-zåäö ]{0,8}";
    prop_oneof![
        (0usize..20, text).prop_map(|(i, t)| Op::Title(i, t)),
        (0usize..20, text).prop_map(|(i, t)| Op::Field(i, "description", json!(t))),
        (0usize..20, text).prop_map(|(i, t)| Op::Field(i, "organisation", json!(t))),
        (0usize..20, status.clone()).prop_map(|(i, s)| Op::Field(i, "status", json!(s))),
        (
            0usize..20,
            prop::sample::select(vec!["berg", "are", "ostersund"])
        )
            .prop_map(|(i, m)| Op::Field(i, "municipality", json!(m))),
        (0usize..20, any::<bool>()).prop_map(|(i, b)| Op::Removed(i, b)),
        (any::<u8>(), text).prop_map(|(n, t)| Op::Create(n, t)),
        (0usize..20).prop_map(Op::Erase),
        (prop::collection::vec(0usize..20, 0..6), status).prop_map(|(v, s)| Op::StatusOfMany(v, s)),
        Just(Op::Undo),
        Just(Op::Redo),
    ]
}

/// The `i`-th inspel id of the document (live or not), wrapping around.
fn nth(doc: &Doc, i: usize) -> Option<Id> {
    let n = doc.inspel.0.len();
    (n > 0)
        .then(|| doc.inspel.0.keys().nth(i % n).cloned())
        .flatten()
}

fn command(doc: &Doc, op: &Op) -> Option<Command> {
    Some(match op {
        Op::Title(i, t) => Command::edit(Kind::Inspel, &nth(doc, *i)?, "title", json!(t)),
        Op::Field(i, f, v) => Command::edit(Kind::Inspel, &nth(doc, *i)?, f, v.clone()),
        Op::Removed(i, b) => Command::edit(Kind::Inspel, &nth(doc, *i)?, "removed", *b),
        Op::Create(n, t) => Command::Create {
            kind: Kind::Inspel,
            id: Id::from_random_bytes([*n; 16]),
            fields: [("title".to_owned(), json!(t))].into(),
        },
        Op::Erase(i) => Command::Erase {
            kind: Kind::Inspel,
            id: nth(doc, *i)?,
        },
        Op::StatusOfMany(v, s) => Command::Batch {
            commands: v
                .iter()
                .filter_map(|i| {
                    Some(Command::edit(
                        Kind::Inspel,
                        &nth(doc, *i)?,
                        "status",
                        json!(s),
                    ))
                })
                .collect(),
        },
        Op::Undo | Op::Redo => return None,
    })
}

fn query() -> impl Strategy<Value = Query> {
    let sort = prop::sample::select(vec![
        Sort::Title,
        Sort::Municipality,
        Sort::Status,
        Sort::Theme,
    ]);
    let status = prop::option::of(prop::sample::select(vec![
        Status::Received,
        Status::Compiled,
        Status::Prioritised,
    ]));
    let municipality = prop::option::of(prop::sample::select(vec![
        Municipality::Berg,
        Municipality::Are,
        Municipality::Ostersund,
    ]));
    let dimension = prop::option::of(Just(Dimension::Ecological));
    let text = prop::sample::select(vec!["", "a", "ö", "bredband"]);
    (sort, status, municipality, dimension, text).prop_map(
        |(sort, status, municipality, dimension, text)| Query {
            text: text.to_owned(),
            municipality,
            status,
            dimension,
            sort,
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn patched_rows_and_kept_hits_equal_fresh_ones(ops in prop::collection::vec(op(), 1..25), q in query()) {
        let mut doc = vagval_core::demo::demo_doc();
        let mut clock = Hlc::new("dev.a");
        // The demo's stamps lie in 2020 and "now" is 1970 here: the clock treats them as
        // coming from the future (clamped), so every command's stamp is older than the demo's.
        clock.observe(doc.max_stamp().unwrap(), 1);
        let mut history = History::default();
        let mut listed = rows(&doc);
        let mut hits = run(&listed, &q);
        for (k, op) in ops.iter().enumerate() {
            let now = 2 + k as u64 / 3; // several commands in one millisecond, too
            let mut st = Stamper { clock: &mut clock, now_ms: now };
            let mut touched = Vec::new();
            let mut note = |kind: Kind, id: &Id| if kind == Kind::Inspel { touched.push(id.clone()) };
            match op {
                Op::Undo => { history.step_touching(true, &mut doc, &mut st, &mut note); }
                Op::Redo => { history.step_touching(false, &mut doc, &mut st, &mut note); }
                _ => if let Some(cmd) = command(&doc, op)
                    && history.apply(&mut doc, &cmd, &mut st).is_ok()
                {
                    cmd.for_each_record(&mut note);
                },
            }
            let before = listed.clone();
            let patch = patch_rows(&doc, &mut listed, &touched);
            prop_assert_eq!(&listed, &rows(&doc), "after {:?}", op);
            match &patch {
                Patch::Nothing => prop_assert_eq!(&listed, &before),
                Patch::InPlace(changes) => {
                    prop_assert_eq!(listed.iter().map(|r| &r.id).collect::<Vec<_>>(), before.iter().map(|r| &r.id).collect::<Vec<_>>());
                    prop_assert!(changes.iter().all(|(i, _)| listed[*i] != before[*i]));
                    if hits_hold(&listed, &q, changes) {
                        prop_assert_eq!(&hits, &run(&listed, &q), "hits kept after {:?} for {:?}", op, q);
                    }
                }
                Patch::Shape => {}
            }
            hits = run(&listed, &q);
        }
    }
}

/// Applies `ops` to `doc` as device `actor`, from "now" = `start` on.
fn edit(doc: &mut Doc, actor: &str, start: u64, ops: &[Op]) {
    let mut clock = Hlc::new(actor);
    clock.observe(doc.max_stamp().unwrap(), 1);
    let mut history = History::default();
    for (k, op) in ops.iter().enumerate() {
        let mut st = Stamper {
            clock: &mut clock,
            now_ms: start + k as u64,
        };
        match op {
            Op::Undo => {
                history.undo(doc, &mut st);
            }
            Op::Redo => {
                history.redo(doc, &mut st);
            }
            _ => {
                if let Some(cmd) = command(doc, op) {
                    let _ = history.apply(doc, &cmd, &mut st);
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// What a merge changed (`Doc::changed_records`) is all the list needs to patch its rows.
    #[test]
    fn rows_patched_with_what_a_merge_changed_equal_fresh_ones(
        mine in prop::collection::vec(op(), 0..15),
        theirs in prop::collection::vec(op(), 0..15),
        same_ms in any::<bool>(),
    ) {
        let base = vagval_core::demo::demo_doc();
        let (mut a, mut b) = (base.clone(), base);
        edit(&mut a, "dev.a", 2, &mine);
        // Edits in the same milliseconds, too: ties are broken by device and value.
        edit(&mut b, "dev.b", if same_ms { 2 } else { 100 }, &theirs);
        let (merged, _) = vagval_core::merge(&a, &b);
        let changed = a.changed_records(&merged).unwrap();
        let ids: Vec<Id> = changed.into_iter().filter(|(k, _)| *k == Kind::Inspel).map(|(_, id)| id).collect();
        let mut listed = rows(&a);
        patch_rows(&merged, &mut listed, &ids);
        prop_assert_eq!(listed, rows(&merged));
        prop_assert_eq!(a.changed_records(&a), Some(Vec::new()));
    }
}
