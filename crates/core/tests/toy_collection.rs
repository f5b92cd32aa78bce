//! The proof that a collection is one line: a toy document with an extra record kind, declared
//! here with the crate's own macros and no other kernel edit, merges, validates, applies
//! commands and undoes them. The toy record has a map field (a person's scores for a whole
//! matrix in one record), whose merge laws are checked on generated cases.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use serde_json::json;
use vagval_core::kernel::check::{self, ProblemKind};
use vagval_core::kernel::clock::{Hlc, Stamp};
use vagval_core::kernel::command::{Command, DomainError, Stamper, apply};
use vagval_core::kernel::doc::merge;
use vagval_core::kernel::history::History;
use vagval_core::kernel::id::Id;
use vagval_core::kernel::record::{Guard, Record, RecordInfo};
use vagval_core::kernel::reg::{Reg, RegMap};
use vagval_core::workspace::Meta;
use vagval_core::{document, record_kind};

/// A score from 0 to 5.
fn score(v: &u8) -> Option<ProblemKind> {
    (*v > 5).then_some(ProblemKind::OutOfRange { min: 0, max: 5 })
}

record_kind! {
    /// One person's scores for a whole matrix: every cell is a register of its own.
    Scoring = "scoring" {
        /// Who scored.
        who: String = check::required_text::<100>; required label names("vem", "who"),
        /// Score per cell ("row:column").
        cells: map<String, u8> = score; names("poäng", "scores"),
        /// Scorings this one follows.
        follows: Vec<Id> = check::list::<Id, 10>; refs(scoring),
        /// In the trash.
        removed: bool = check::any; trash,
    }
}

/// The toy document's rules: a scoring named "locked" takes no edits.
impl Guard<ToyDoc> for Scoring {
    fn guard(doc: &ToyDoc, cmd: &Command<ToyKind>) -> Result<(), DomainError> {
        if let Command::Edit { id, field, .. } = cmd
            && doc
                .scorings
                .get(id)
                .and_then(Scoring::who)
                .map(String::as_str)
                == Some("locked")
        {
            return Err(DomainError::Locked {
                kind: Scoring::KIND,
                field: field.clone(),
            });
        }
        Ok(())
    }
}

impl Guard<ToyDoc> for Meta {}

document! {
    /// A toy workspace.
    ToyDoc, ToyKind {
        /// Its own record.
        meta: Meta;
        /// The scorings.
        scorings: Scoring,
    }
}

fn id(n: u8) -> Id {
    Id::from_random_bytes([n; 16])
}

fn toy() -> ToyDoc {
    let mut meta = Meta::empty(id(0));
    meta.name = Some(Reg {
        value: "Leksak".into(),
        stamp: Stamp(1, 0, "t".into()),
    });
    ToyDoc::from_meta(id(0), meta)
}

fn create(n: u8, who: &str) -> Command<ToyKind> {
    Command::Create {
        kind: ToyKind::Scoring,
        id: id(n),
        fields: [("who".into(), json!(who))].into(),
    }
}

#[test]
fn the_toy_document_takes_commands_undo_and_its_guard() {
    let mut d = toy();
    let mut clock = Hlc::new("dev.a");
    let mut st = Stamper {
        clock: &mut clock,
        now_ms: 10,
    };
    let mut h = History::default();
    h.apply(&mut d, &create(1, "Ada"), &mut st).unwrap();
    let edit = Command::edit(
        ToyKind::Scoring,
        &id(1),
        "cells",
        json!({"1:2": 4, "2:1": 1}),
    );
    h.apply(&mut d, &edit, &mut st).unwrap();
    let cells = d.scorings.get(&id(1)).unwrap().cells().unwrap();
    assert_eq!(cells.0.len(), 2);
    assert_eq!(cells.0["1:2"].value, 4);
    // Out of range, and a wrong type: refused, nothing changed.
    let before = d.clone();
    let bad = Command::edit(ToyKind::Scoring, &id(1), "cells", json!({"1:2": 9}));
    assert!(matches!(
        apply(&mut d, &bad, &mut st),
        Err(DomainError::Rule { field: "cells", .. })
    ));
    let bad = Command::edit(ToyKind::Scoring, &id(1), "cells", json!([1]));
    assert!(matches!(
        apply(&mut d, &bad, &mut st),
        Err(DomainError::BadValue { .. })
    ));
    assert_eq!(d, before);
    // Undo puts the two cells back as they were (never set: the default).
    let edit = Command::edit(ToyKind::Scoring, &id(1), "cells", json!({"1:2": 5}));
    h.apply(&mut d, &edit, &mut st).unwrap();
    assert!(h.undo(&mut d, &mut st));
    assert_eq!(
        d.scorings.get(&id(1)).unwrap().cells().unwrap().0["1:2"].value,
        4
    );
    // Undoing the creation moves it to the trash (the field declared `trash`).
    assert!(h.undo(&mut d, &mut st));
    assert!(h.undo(&mut d, &mut st));
    assert_eq!(d.scorings.get(&id(1)).unwrap().removed(), Some(&true));
    // The kind's guard.
    apply(&mut d, &create(2, "locked"), &mut st).unwrap();
    let e = apply(
        &mut d,
        &Command::edit(ToyKind::Scoring, &id(2), "who", "x"),
        &mut st,
    );
    assert!(matches!(e, Err(DomainError::Locked { .. })));
    // A batch is all or nothing.
    let before = d.clone();
    let batch = Command::Batch {
        commands: vec![
            Command::edit(ToyKind::Scoring, &id(1), "cells", json!({"3:3": 3})),
            Command::edit(ToyKind::Scoring, &id(9), "who", "finns inte"),
        ],
    };
    assert!(apply(&mut d, &batch, &mut st).is_err());
    assert_eq!(d, before);
    assert_eq!(ToyKind::parse("scoring"), Some(ToyKind::Scoring));
    assert_eq!(ToyKind::Meta.as_str(), "meta");
    assert_eq!(d.counts()["scoring"], (2, 0));
    assert_eq!(d.scorings.get(&id(2)).unwrap().label(), "locked");
}

#[test]
fn the_toy_document_validates_references_and_ids_across_collections() {
    let mut d = toy();
    let mut clock = Hlc::new("dev.a");
    let mut st = Stamper {
        clock: &mut clock,
        now_ms: 10,
    };
    apply(&mut d, &create(1, "Ada"), &mut st).unwrap();
    assert_eq!(d.validate(100), vec![]);
    let follows = Command::edit(ToyKind::Scoring, &id(1), "follows", json!([id(7)]));
    apply(&mut d, &follows, &mut st).unwrap();
    let problems = d.validate(100);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "workspace.scorings[0].follows.value");
    assert!(matches!(problems[0].kind, ProblemKind::Dangling { .. }));
    // A scoring with the workspace's id: one id check over every collection.
    let mut e = d.clone();
    e.scorings.0.insert(id(0), Scoring::empty(id(0)));
    let kinds: Vec<_> = e.validate(100).into_iter().map(|p| p.kind).collect();
    assert!(kinds.contains(&ProblemKind::DuplicateId {
        id: id(0).to_string()
    }));
    assert!(kinds.contains(&ProblemKind::Missing));
    // A map value out of range in a file is named at its key.
    let mut f = toy();
    let mut s = Scoring::empty(id(3));
    s.who = Some(Reg {
        value: "B".into(),
        stamp: Stamp(1, 0, "t".into()),
    });
    s.cells = Some(RegMap(
        [(
            "1:1".to_owned(),
            Reg {
                value: 8,
                stamp: Stamp(1, 0, "t".into()),
            },
        )]
        .into(),
    ));
    f.scorings.0.insert(id(3), s);
    let p = f.validate(100);
    assert_eq!(p[0].path, "workspace.scorings[0].cells.1:1.value");
}

#[test]
fn the_toy_document_round_trips_through_json_and_refuses_repeated_keys() {
    let mut d = toy();
    let mut clock = Hlc::new("dev.a");
    let mut st = Stamper {
        clock: &mut clock,
        now_ms: 10,
    };
    apply(&mut d, &create(1, "Ada"), &mut st).unwrap();
    let edit = Command::edit(ToyKind::Scoring, &id(1), "cells", json!({"1:2": 4}));
    apply(&mut d, &edit, &mut st).unwrap();
    let text = serde_json::to_string(&d).unwrap();
    assert!(
        text.contains(r#""cells":{"1:2":{"value":4,"stamp":[10,1,"dev.a"]}}"#),
        "{text}"
    );
    let back: ToyDoc = serde_json::from_str(&text).unwrap();
    assert_eq!(back, d);
    // An empty collection is left out; a member given twice, or a cell, is refused.
    assert!(!serde_json::to_string(&toy()).unwrap().contains("scorings"));
    let twice = text.replacen(r#""scorings":"#, r#""scorings":[],"scorings":"#, 1);
    assert!(serde_json::from_str::<ToyDoc>(&twice).is_err());
    let cell_twice = text.replacen(
        r#""1:2":{"#,
        r#""1:2":{"value":1,"stamp":[1,0,"a"]},"1:2":{"#,
        1,
    );
    assert!(serde_json::from_str::<ToyDoc>(&cell_twice).is_err());
}

#[test]
fn two_devices_scoring_different_cells_both_keep_theirs() {
    let mut a = toy();
    let mut ca = Hlc::new("dev.a");
    let mut st = Stamper {
        clock: &mut ca,
        now_ms: 10,
    };
    apply(&mut a, &create(1, "Ada"), &mut st).unwrap();
    let mut b = a.clone();
    let cell = |k: &str, v: u8| Command::edit(ToyKind::Scoring, &id(1), "cells", json!({k: v}));
    apply(&mut a, &cell("1:2", 3), &mut st).unwrap();
    let mut cb = Hlc::new("dev.b");
    let mut st = Stamper {
        clock: &mut cb,
        now_ms: 10,
    };
    apply(&mut b, &cell("2:1", 5), &mut st).unwrap();
    let (ab, report) = merge(&a, &b);
    let (ba, _) = merge(&b, &a);
    assert_eq!(ab, ba);
    let cells = ab.scorings.get(&id(1)).unwrap().cells().unwrap();
    assert_eq!((cells.0["1:2"].value, cells.0["2:1"].value), (3, 5));
    assert!(report.overwritten.is_empty() && report.kept_local.is_empty());
    assert_eq!(report.changed.len(), 1);
}

fn stamp() -> impl Strategy<Value = Stamp> {
    (0u64..4, 0u32..3, prop::sample::select(vec!["a", "b", "c"]))
        .prop_map(|(w, c, a)| Stamp(w, c, a.into()))
}

fn cells() -> impl Strategy<Value = Option<RegMap<String, u8>>> {
    prop::option::of(
        prop::collection::btree_map(
            prop::sample::select(vec!["1:1", "1:2", "2:1"]).prop_map(String::from),
            (0u8..3, stamp()).prop_map(|(value, stamp)| Reg { value, stamp }),
            0..3,
        )
        .prop_map(RegMap),
    )
}

fn scoring() -> impl Strategy<Value = Scoring> {
    (cells(), prop::option::of(stamp())).prop_map(|(cells, deleted)| {
        let mut s = Scoring::empty(id(1));
        s.cells = cells;
        if let Some(at) = deleted {
            s.erase(at);
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn map_fields_merge_by_the_laws(a in scoring(), b in scoring(), c in scoring()) {
        prop_assert_eq!(a.merge(&b).0, b.merge(&a).0);
        prop_assert_eq!(a.merge(&b).0.merge(&c).0, a.merge(&b.merge(&c).0).0);
        prop_assert_eq!(a.merge(&a).0, a.clone());
        let ab = a.merge(&b).0;
        prop_assert_eq!(ab.merge(&b).0, ab);
    }
}
