//! The list's incremental rows: after any sequence of commands (create, edit, remove, restore,
//! erase, batches, undo, redo) `update_rows` on the rows before equals `rows` computed afresh.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use serde_json::{Value, json};
use vagval_core::query::{rows, update_rows};
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

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn updated_rows_equal_fresh_rows(ops in prop::collection::vec(op(), 1..25)) {
        let mut doc = vagval_core::demo::demo_doc();
        let mut clock = Hlc::new("dev.a");
        // The demo's stamps lie in 2020 and "now" is 1970 here: the clock treats them as
        // coming from the future (clamped), so every command's stamp is older than the demo's —
        // the fingerprint must still change.
        clock.observe(doc.max_stamp().unwrap(), 1);
        let mut history = History::default();
        let mut listed = rows(&doc);
        for (k, op) in ops.iter().enumerate() {
            let now = 2 + k as u64 / 3; // several commands in one millisecond, too
            let mut st = Stamper { clock: &mut clock, now_ms: now };
            match op {
                Op::Undo => { history.undo(&mut doc, &mut st); }
                Op::Redo => { history.redo(&mut doc, &mut st); }
                _ => if let Some(cmd) = command(&doc, op) { let _ = history.apply(&mut doc, &cmd, &mut st); },
            }
            let before = listed.clone();
            let (next, changed) = update_rows(&doc, listed);
            prop_assert_eq!(&next, &rows(&doc), "after {:?}", op);
            if !changed {
                prop_assert_eq!(&next, &before);
            }
            listed = next;
        }
    }
}
