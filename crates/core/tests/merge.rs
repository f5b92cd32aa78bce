//! Merge laws, convergence of five offline devices, and export → import round trips,
//! each checked on 10 000 generated cases; plus hand-written cases in the style of
//! excalidraw's reconcile tests.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use proptest::prelude::*;
use serde_json::{Value, json};
use vagval_core::command::{Command, Kind, Stamper, apply};
use vagval_core::crdt::{Record, Reg};
use vagval_core::model::{Inspel, Meta, Municipality};
use vagval_core::snapshot::{Snapshot, decode};
use vagval_core::{Doc, Hlc, Id, Stamp, merge};

const CASES: u32 = 10_000;

fn id(n: u8) -> Id {
    Id::from_random_bytes([n; 16])
}

fn stamp() -> impl Strategy<Value = Stamp> {
    (0u64..4, 0u32..3, prop::sample::select(vec!["a", "b", "c"]))
        .prop_map(|(w, c, a)| Stamp(w, c, a.into()))
}

fn reg<T: std::fmt::Debug + Clone + 'static>(
    values: Vec<T>,
) -> impl Strategy<Value = Option<Reg<T>>> {
    prop::option::of(
        (prop::sample::select(values), stamp()).prop_map(|(value, stamp)| Reg { value, stamp }),
    )
}

fn extra() -> impl Strategy<Value = BTreeMap<String, Value>> {
    let value = prop_oneof![
        Just(json!(1)),
        Just(json!("x")),
        stamp().prop_map(|s| json!({"value": 1, "stamp": s})),
        stamp().prop_map(|s| json!({"value": 2, "stamp": s})),
    ];
    prop::collection::btree_map(
        prop::sample::select(vec!["future_a", "future_b"]).prop_map(String::from),
        value,
        0..2,
    )
}

fn inspel(n: u8) -> impl Strategy<Value = Inspel> {
    let titles = vec![
        "Bredband".to_owned(),
        "Väg".to_owned(),
        "Tåg <b>".to_owned(),
    ];
    (
        // The title is required: every live inspel has one.
        (prop::sample::select(titles), stamp())
            .prop_map(|(value, stamp)| Some(Reg { value, stamp })),
        reg(vec![Municipality::Are, Municipality::Berg]),
        reg(vec![false, true]),
        prop::option::of(stamp()),
        extra(),
    )
        .prop_map(move |(title, municipality, removed, deleted, extra)| {
            let mut r = Inspel::empty(id(n));
            if let Some(at) = deleted {
                r.erase(at);
                return r;
            }
            r.title = title;
            r.municipality = municipality;
            r.removed = removed;
            r.extra = extra;
            r
        })
}

prop_compose! {
    fn doc()(
        which in 0u8..2,
        name in reg(vec!["A".to_owned(), "B".to_owned()]),
        organisation in reg(vec!["Region".to_owned(), "Kommun".to_owned()]),
        records in prop::collection::vec((1u8..6).prop_flat_map(inspel), 0..5),
        extra in extra(),
    ) -> Doc {
        let id = id(100 + which);
        let mut meta = Meta::empty(id.clone());
        meta.name = name;
        meta.organisation = organisation;
        let mut d = Doc::new(id, "x", Stamp(0, 0, "x".into()));
        d.meta = meta;
        for r in records {
            d.inspel.0.insert(r.id.clone(), r);
        }
        d.extra = extra;
        d
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn merge_is_commutative(a in doc(), b in doc()) {
        prop_assert_eq!(merge(&a, &b).0, merge(&b, &a).0);
    }

    #[test]
    fn merge_is_associative(a in doc(), b in doc(), c in doc()) {
        let left = merge(&merge(&a, &b).0, &c).0;
        let right = merge(&a, &merge(&b, &c).0).0;
        prop_assert_eq!(left, right);
    }

    #[test]
    fn merge_is_idempotent(a in doc(), b in doc()) {
        prop_assert_eq!(&merge(&a, &a).0, &a);
        let ab = merge(&a, &b).0;
        prop_assert_eq!(&merge(&ab, &b).0, &ab);
        prop_assert!(merge(&ab, &a).1.is_noop());
    }
}

// ------------------------------------------------------------------ five devices

#[derive(Debug, Clone)]
enum Op {
    Create(usize, u8, u8),
    Edit(usize, u8, u8),
    Erase(usize, u8),
    Send(usize, usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0usize..5, 1u8..8, 0u8..4).prop_map(|(d, r, v)| Op::Create(d, r, v)),
        6 => (0usize..5, 1u8..8, 0u8..4).prop_map(|(d, r, v)| Op::Edit(d, r, v)),
        1 => (0usize..5, 1u8..8).prop_map(|(d, r)| Op::Erase(d, r)),
        4 => (0usize..5, 0usize..5).prop_map(|(a, b)| Op::Send(a, b)),
    ]
}

struct Device {
    doc: Doc,
    clock: Hlc,
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    /// Five tablets edit offline and swap files in random order; once every file has
    /// reached every tablet they hold identical documents, and every field holds the
    /// value of its latest write (no edit is lost unless its record was erased).
    #[test]
    fn five_devices_converge_without_losing_edits(ops in prop::collection::vec(op(), 0..40), now in 1u64..1000) {
        let base = Doc::new(id(200), "Workshop", Stamp(1, 0, "base".into()));
        let mut devices: Vec<Device> = (0..5)
            .map(|i| Device { doc: base.clone(), clock: Hlc::new(format!("dev{i}.s")) })
            .collect();
        // Every successful write: (record, field) -> (stamp, value).
        let mut latest: BTreeMap<(Id, &str), (Stamp, Value)> = BTreeMap::new();
        let mut erased = std::collections::BTreeSet::new();
        for (step, op) in ops.iter().enumerate() {
            let now = now + step as u64 / 3;
            match op {
                Op::Send(from, to) => {
                    let incoming = devices[*from].doc.clone();
                    let d = &mut devices[*to];
                    if let Some(s) = incoming.max_stamp() {
                        d.clock.observe(s, now);
                    }
                    d.doc = merge(&d.doc, &incoming).0;
                }
                Op::Create(dev, r, v) | Op::Edit(dev, r, v) => {
                    let d = &mut devices[*dev];
                    let title = format!("t{v}");
                    let cmd = if matches!(op, Op::Create(..)) {
                        Command::Create { kind: Kind::Inspel, id: id(*r), fields: [("title".to_owned(), json!(title))].into() }
                    } else {
                        Command::edit(Kind::Inspel, &id(*r), "title", title.clone())
                    };
                    let mut st = Stamper { clock: &mut d.clock, now_ms: now };
                    if apply(&mut d.doc, &cmd, &mut st).is_ok() {
                        let written = d.doc.inspel.0[&id(*r)].title.clone().unwrap();
                        let entry = latest.entry((id(*r), "title")).or_insert((written.stamp.clone(), json!(title)));
                        if written.stamp >= entry.0 {
                            *entry = (written.stamp, json!(title));
                        }
                    }
                }
                Op::Erase(dev, r) => {
                    let d = &mut devices[*dev];
                    let mut st = Stamper { clock: &mut d.clock, now_ms: now };
                    if apply(&mut d.doc, &Command::Erase { kind: Kind::Inspel, id: id(*r) }, &mut st).is_ok() {
                        erased.insert(id(*r));
                    }
                }
            }
        }
        // Full exchange: everyone sends to device 0, then device 0 to everyone.
        for i in 1..5 {
            let incoming = devices[i].doc.clone();
            devices[0].doc = merge(&devices[0].doc, &incoming).0;
        }
        let all = devices[0].doc.clone();
        for d in &mut devices[1..] {
            d.doc = merge(&d.doc, &all).0;
        }
        for d in &devices[1..] {
            prop_assert_eq!(&d.doc, &all);
        }
        for ((rid, _), (stamp, value)) in &latest {
            let r = &all.inspel.0[rid];
            if erased.contains(rid) {
                prop_assert!(r.deleted.is_some() && r.title.is_none());
            } else {
                let title = r.title.as_ref().unwrap();
                prop_assert_eq!(&title.stamp, stamp);
                prop_assert_eq!(&json!(title.value), value);
            }
        }
    }
}

// ------------------------------------------------------------------ round trip

fn valid_doc() -> impl Strategy<Value = Doc> {
    doc().prop_map(|mut d| {
        d.meta.name = Some(Reg {
            value: "Arbetsyta".into(),
            stamp: Stamp(1, 0, "a".into()),
        });
        d
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn export_then_import_round_trips_exactly(d in valid_doc()) {
        let snap = Snapshot::new(d, "2026-11-22T10:00:00.000Z", "dev-test");
        let pretty = decode(&snap.to_pretty()).unwrap();
        prop_assert_eq!(&pretty.snapshot, &snap);
        let compact = decode(&snap.to_compact()).unwrap();
        prop_assert_eq!(&compact.snapshot, &snap);
        prop_assert_eq!(compact.snapshot.to_compact(), snap.to_compact());
    }
}

// ------------------------------------------------------------------ table cases

/// A one-field inspel: `title` written at wall time `t` by actor `a`.
fn rec(n: u8, title: &str, t: u64, a: &str) -> Inspel {
    let mut r = Inspel::empty(id(n));
    r.title = Some(Reg {
        value: title.into(),
        stamp: Stamp(t, 0, a.into()),
    });
    r
}

fn with(records: &[Inspel]) -> Doc {
    let mut d = Doc::new(id(9), "W", Stamp(1, 0, "a".into()));
    for r in records {
        d.inspel.0.insert(r.id.clone(), r.clone());
    }
    d
}

#[test]
fn later_stamps_win_and_the_report_offers_the_overwritten_value() {
    let local = with(&[rec(1, "Väg", 5, "a"), rec(2, "Tåg", 5, "a")]);
    let incoming = with(&[rec(2, "Järnväg", 7, "b"), rec(3, "Flyg", 1, "b")]);
    let (m, report) = merge(&local, &incoming);
    let titles: Vec<_> = m
        .inspel
        .live()
        .map(|r| r.title().unwrap().as_str())
        .collect();
    assert_eq!(titles, ["Väg", "Järnväg", "Flyg"]);
    assert_eq!(report.added.len(), 1);
    assert_eq!(report.changed.len(), 1);
    assert_eq!(report.overwritten.len(), 1);
    let o = &report.overwritten[0];
    assert_eq!(
        (o.conflict.local.clone(), o.conflict.incoming.clone()),
        (json!("Tåg"), json!("Järnväg"))
    );
    // The other way round the incoming value loses and is listed as such.
    let (_, back) = merge(&incoming, &local);
    assert_eq!(back.kept_local.len(), 1);
    assert!(back.overwritten.is_empty());
}

#[test]
fn equal_stamps_are_broken_by_value_bytes_the_same_way_everywhere() {
    let a = with(&[rec(1, "A", 5, "x")]);
    let b = with(&[rec(1, "B", 5, "x")]);
    assert_eq!(merge(&a, &b).0, merge(&b, &a).0);
    assert_eq!(merge(&a, &b).0.inspel.0[&id(1)].title().unwrap(), "B");
}

#[test]
fn an_erased_record_never_comes_back_from_an_old_file() {
    let old = with(&[rec(1, "Person", 5, "a")]);
    let mut erased = old.clone();
    let mut clock = Hlc::new("b");
    let mut st = Stamper {
        clock: &mut clock,
        now_ms: 10,
    };
    apply(
        &mut erased,
        &Command::Erase {
            kind: Kind::Inspel,
            id: id(1),
        },
        &mut st,
    )
    .unwrap();
    let mut newer_edit = old.clone();
    newer_edit
        .inspel
        .0
        .insert(id(1), rec(1, "Person igen", 99, "c"));
    for other in [&old, &newer_edit] {
        let (m, report) = merge(&erased, other);
        assert!(m.inspel.get(&id(1)).is_none());
        assert!(
            m.inspel.0[&id(1)].title.is_none(),
            "no personal data survives"
        );
        assert!(report.is_noop());
        let (m2, report2) = merge(other, &erased);
        assert_eq!(m2, m);
        assert_eq!(report2.deleted.len(), 1);
    }
}

#[test]
fn unknown_fields_from_newer_versions_are_kept_and_merged() {
    let mut a = with(&[rec(1, "A", 5, "x")]);
    a.inspel.0.get_mut(&id(1)).unwrap().extra.insert(
        "colour".into(),
        json!({"value": "red", "stamp": [3, 0, "n"]}),
    );
    let mut b = with(&[rec(1, "A", 5, "x")]);
    b.inspel.0.get_mut(&id(1)).unwrap().extra.insert(
        "colour".into(),
        json!({"value": "blue", "stamp": [4, 0, "n"]}),
    );
    b.extra.insert("maps".into(), json!([{"id": "m"}]));
    let (m, _) = merge(&a, &b);
    assert_eq!(m.inspel.0[&id(1)].extra["colour"]["value"], "blue");
    assert_eq!(m.extra["maps"], json!([{"id": "m"}]));
    let text = Snapshot::new(m.clone(), "t", "d").to_compact();
    assert!(text.contains("\"colour\"") && text.contains("\"maps\""));
    assert_eq!(decode(&text).unwrap().snapshot.workspace, m);
}

#[test]
fn merging_two_different_workspaces_is_reported() {
    let a = with(&[rec(1, "A", 5, "x")]);
    let mut b = Doc::new(id(8), "Annan", Stamp(1, 0, "b".into()));
    b.inspel.0.insert(id(2), rec(2, "B", 5, "b"));
    let (m, report) = merge(&a, &b);
    assert!(report.other_workspace);
    assert_eq!(m.id, id(8).min(id(9)));
    assert_eq!(m.inspel.live().count(), 2);
}

// ------------------------------------------------------------------ comments merge as a set

fn comments() -> impl Strategy<Value = Option<Reg<Vec<vagval_core::model::Comment>>>> {
    use vagval_core::model::Comment;
    let one = (
        prop::sample::select(vec!["Berg", "Åre"]),
        prop::sample::select(vec!["ja", "nej"]),
        0u64..3,
    )
        .prop_map(|(who, what, at)| Comment {
            who: who.into(),
            what: what.into(),
            at,
        });
    prop::option::of(
        (prop::collection::vec(one, 0..4), stamp()).prop_map(|(value, stamp)| Reg { value, stamp }),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn comment_sets_merge_by_the_laws(a in comments(), b in comments(), c in comments()) {
        use vagval_core::crdt::merge_set;
        use vagval_core::model::{COMMENTS_MAX, Comment};
        let m = |x: &Option<Reg<Vec<Comment>>>, y: &Option<Reg<Vec<Comment>>>| merge_set::<Comment, COMMENTS_MAX>("comments", x, y, &mut Vec::new());
        prop_assert_eq!(m(&a, &b), m(&b, &a));
        prop_assert_eq!(m(&m(&a, &b), &c), m(&a, &m(&b, &c)));
        prop_assert_eq!(&m(&a, &a), &a);
        let ab = m(&a, &b);
        prop_assert_eq!(&m(&ab, &b), &ab);
        // Nothing either side had is lost.
        for side in [&a, &b] {
            if let (Some(s), Some(out)) = (side, &ab) {
                prop_assert!(s.value.iter().all(|x| out.value.contains(x)));
            }
        }
    }
}

#[test]
fn comments_added_on_two_devices_at_once_are_both_kept() {
    let base = vagval_core::demo::demo_doc();
    let point = base.agenda.0.keys().next().unwrap().clone();
    let add = |actor: &str, who: &str| {
        let mut d = base.clone();
        let mut clock = Hlc::new(actor);
        clock.observe(d.max_stamp().unwrap(), 2_000_000_000_000);
        let mut list = d.agenda.0[&point].comments().cloned().unwrap_or_default();
        list.push(vagval_core::model::Comment {
            who: who.into(),
            what: "Instämmer".into(),
            at: 2_000_000_000_000,
        });
        let cmd = Command::edit(
            Kind::Agenda,
            &point,
            "comments",
            serde_json::to_value(&list).unwrap(),
        );
        apply(
            &mut d,
            &cmd,
            &mut Stamper {
                clock: &mut clock,
                now_ms: 2_000_000_000_000,
            },
        )
        .unwrap();
        d
    };
    let (a, b) = (add("dev.a", "Krokoms kommun"), add("dev.b", "Åre kommun"));
    let (merged, report) = merge(&a, &b);
    let who: Vec<String> = merged.agenda.0[&point]
        .comments()
        .unwrap()
        .iter()
        .map(|c| c.who.clone())
        .collect();
    assert!(
        who.contains(&"Krokoms kommun".to_owned()) && who.contains(&"Åre kommun".to_owned()),
        "{who:?}"
    );
    assert!(
        report.overwritten.is_empty() && report.kept_local.is_empty(),
        "nothing reported lost"
    );
    assert_eq!(merge(&b, &a).0, merged);
}
