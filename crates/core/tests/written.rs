//! What Vägval writes, Vägval reads: [`Snapshot::checked_text`] on merged documents. A property
//! test over random pairs of files (edits from two devices, erased records, two workspaces,
//! now and then one id used by two kinds), and one hand-worked case per rule a merge can break.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use vagval_core::crdt::{MAX_RECORDS, ProblemKind, Record, Reg};
use vagval_core::demo::demo_doc;
use vagval_core::model::{Agenda, Inspel};
use vagval_core::snapshot::{ImportError, MAX_FILE_BYTES, Snapshot, decode};
use vagval_core::{Doc, Id, Stamp, merge};

const AT: &str = "2026-11-22T10:00:00.000Z";

/// `00000000-0000-4000-<group>-<n>`: ids in ranges of their own per test use.
fn nid(group: u16, n: u64) -> Id {
    Id::parse(&format!("00000000-0000-4000-{group:04x}-{n:012x}")).unwrap()
}

fn stamp(wall: u64, actor: &str) -> Stamp {
    Stamp(1_700_000_000_000 + wall, 0, actor.into())
}

fn titled(id: Id, title: &str, at: Stamp) -> Inspel {
    let mut r = Inspel::empty(id);
    r.title = Some(Reg {
        value: title.into(),
        stamp: at,
    });
    r
}

fn point(id: Id, text: &str, at: Stamp) -> Agenda {
    let mut a = Agenda::empty(id);
    a.text = Some(Reg {
        value: text.into(),
        stamp: at,
    });
    a
}

/// A file as the CLI gets it: written by Vägval, read back.
fn as_file(doc: Doc) -> Doc {
    let written = Snapshot::new(doc, AT, "dev-test").checked_text().unwrap();
    decode(&written.text).unwrap().snapshot.workspace
}

// ------------------------------------------------------------------ random pairs of files

#[derive(Debug, Clone)]
enum Op {
    /// Retitle demo inspel `k` at wall time `w`.
    Title(u16, u8, u64),
    /// Reword agenda point `k` (of the demo's three).
    Reword(usize, u8, u64),
    /// Erase the `k`-th record of collection `c` (inspel, rounds, ballots, agenda).
    Erase(u8, usize, u64),
    /// Create inspel `n` (the same `n` on both devices: the same record, edited twice).
    NewInspel(u64, u8, u64),
    /// Create an agenda point `n` carrying demo inspel `k`.
    NewPoint(u64, u16, u64),
    /// Create, in the "shared" range, an inspel (device A) or an agenda point (device B) `n`:
    /// the same id in two kinds once both files are merged.
    Shared(u64, u64),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (1u16..13, 0u8..4, 0u64..50).prop_map(|(k, v, w)| Op::Title(k, v, w)),
        2 => (0usize..3, 0u8..4, 0u64..50).prop_map(|(k, v, w)| Op::Reword(k, v, w)),
        3 => (0u8..4, 0usize..20, 0u64..50).prop_map(|(c, k, w)| Op::Erase(c, k, w)),
        3 => (0u64..6, 0u8..4, 0u64..50).prop_map(|(n, v, w)| Op::NewInspel(n, v, w)),
        2 => (0u64..6, 1u16..13, 0u64..50).prop_map(|(n, k, w)| Op::NewPoint(n, k, w)),
        1 => (0u64..4, 0u64..50).prop_map(|(n, w)| Op::Shared(n, w)),
    ]
}

const WORDS: [&str; 4] = ["Bredband", "Mittbanan", "Vägar <i>", "Ny \"rubrik\""];

/// Device `actor`'s file: the demo (or the demo as another workspace) after `ops`.
fn device(actor: &str, other_workspace: bool, ops: &[Op]) -> Doc {
    let mut d = demo_doc();
    if other_workspace {
        d.id = nid(0xa000, 1);
        d.meta.id = d.id.clone();
    }
    let demo = |k: u16| Id::parse(&format!("5f0c6d2e-8a41-4c1b-9d3e-2a7b6c9e{k:04x}")).unwrap();
    for op in ops {
        match *op {
            Op::Title(k, v, w) => {
                if let Some(r) = d.inspel.0.get_mut(&demo(k)).filter(|r| r.deleted.is_none()) {
                    r.title = Some(Reg {
                        value: WORDS[usize::from(v)].into(),
                        stamp: stamp(w, actor),
                    });
                }
            }
            Op::Reword(k, v, w) => {
                if let Some(a) = d
                    .agenda
                    .0
                    .values_mut()
                    .filter(|a| a.deleted.is_none())
                    .nth(k)
                {
                    a.text = Some(Reg {
                        value: WORDS[usize::from(v)].into(),
                        stamp: stamp(w, actor),
                    });
                }
            }
            Op::Erase(c, k, w) => {
                let at = stamp(w, actor);
                fn erase<R: Record>(c: &mut BTreeMap<Id, R>, k: usize, at: Stamp) {
                    if let Some(r) = c.values_mut().nth(k) {
                        r.erase(at);
                    }
                }
                match c {
                    0 => erase(&mut d.inspel.0, k, at),
                    1 => erase(&mut d.rounds.0, k, at),
                    2 => erase(&mut d.ballots.0, k, at),
                    _ => erase(&mut d.agenda.0, k, at),
                }
            }
            Op::NewInspel(n, v, w) => {
                let r = titled(nid(0x8000, n), WORDS[usize::from(v)], stamp(w, actor));
                d.inspel.0.entry(r.id.clone()).or_insert(r);
            }
            Op::NewPoint(n, k, w) => {
                let mut a = point(nid(0x8002, n), "Punkt", stamp(w, actor));
                a.inspel = Some(Reg {
                    value: vec![demo(k)],
                    stamp: stamp(w, actor),
                });
                d.agenda.0.entry(a.id.clone()).or_insert(a);
            }
            Op::Shared(n, w) => {
                let id = nid(0x8004, n);
                if actor == "tab-a" {
                    d.inspel
                        .0
                        .entry(id.clone())
                        .or_insert_with(|| titled(id, "Delad", stamp(w, actor)));
                } else {
                    d.agenda
                        .0
                        .entry(id.clone())
                        .or_insert_with(|| point(id, "Delad", stamp(w, actor)));
                }
            }
        }
    }
    d
}

/// Ids found in more than one kind (the workspace's own id counts as the meta record's).
fn ids_in_two_kinds(d: &Doc) -> BTreeSet<Id> {
    let mut kinds: BTreeMap<Id, usize> = BTreeMap::new();
    let all = std::iter::once(d.id.clone())
        .chain(d.inspel.0.keys().cloned())
        .chain(d.rounds.0.keys().cloned())
        .chain(d.ballots.0.keys().cloned())
        .chain(d.agenda.0.keys().cloned());
    for id in all {
        *kinds.entry(id).or_default() += 1;
    }
    kinds
        .into_iter()
        .filter(|(_, n)| *n > 1)
        .map(|(id, _)| id)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Whatever `vagval merge` would write reads back (`vagval validate` accepts it) as the
    /// merged document; and it refuses exactly when the merge put one id in two kinds.
    #[test]
    fn what_a_merge_writes_reads_back(
        a_ops in prop::collection::vec(op(), 0..12),
        b_ops in prop::collection::vec(op(), 0..12),
        b_other_workspace in any::<bool>(),
    ) {
        let a = device("tab-a", false, &a_ops);
        let b = device("tab-b", b_other_workspace, &b_ops);
        // Each device's own file is valid.
        prop_assert!(a.validate(5).is_empty(), "{:?}", a.validate(5));
        prop_assert!(b.validate(5).is_empty(), "{:?}", b.validate(5));
        let (a, b) = (as_file(a), as_file(b));
        for (x, y) in [(&a, &b), (&b, &a)] {
            let (merged, _) = merge(x, y);
            let twice = ids_in_two_kinds(&merged);
            let snap = Snapshot::new(merged, AT, "cli");
            match snap.checked_text() {
                Ok(written) => {
                    prop_assert!(twice.is_empty(), "{twice:?}");
                    prop_assert!(!written.compact);
                    let back = decode(&written.text);
                    prop_assert!(back.is_ok(), "{back:?}");
                    prop_assert_eq!(&back.unwrap().snapshot, &snap);
                }
                Err(ImportError::Invalid { problems }) => {
                    prop_assert!(!twice.is_empty());
                    prop_assert!(problems.iter().all(|p| matches!(&p.kind, ProblemKind::DuplicateId { id } if twice.iter().any(|t| t.to_string() == *id))), "{problems:?}");
                }
                Err(e) => prop_assert!(false, "{e:?}"),
            }
        }
    }
}

// ------------------------------------------------------------------ one case per rule

/// Same id in two kinds. File A (workspace W) has inspel 8004-…01 "Bredband"; file B (also W)
/// has agenda point 8004-…01 "Bredband i hela länet" — made by another tool, or by hand. Each
/// file alone is valid (one record per id); the merge holds the id as an inspel and as an
/// agenda point, which `Doc::validate` refuses at the second occurrence in file order:
/// inspel is written before agenda, so at `workspace.agenda[0].id`.
#[test]
fn an_id_in_two_kinds_after_the_merge_is_refused() {
    let w = nid(0xa000, 9);
    let id = nid(0x8004, 1);
    let mut a = Doc::new(w.clone(), "W", stamp(0, "tab-a"));
    a.inspel.0.insert(
        id.clone(),
        titled(id.clone(), "Bredband", stamp(1, "tab-a")),
    );
    let mut b = Doc::new(w, "W", stamp(0, "tab-b"));
    b.agenda.0.insert(
        id.clone(),
        point(id.clone(), "Bredband i hela länet", stamp(2, "tab-b")),
    );
    let (a, b) = (as_file(a), as_file(b));
    let err = Snapshot::new(merge(&a, &b).0, AT, "cli")
        .checked_text()
        .unwrap_err();
    let ImportError::Invalid { problems } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].path, "workspace.agenda[0].id");
    assert_eq!(
        problems[0].kind,
        ProblemKind::DuplicateId { id: id.to_string() }
    );
    use vagval_core::Localized;
    let sv = err.message(vagval_core::Lang::Sv);
    assert!(
        sv.contains(&format!("id {id} förekommer mer än en gång")),
        "{sv}"
    );
    assert!(
        err.message(vagval_core::Lang::En)
            .contains("occurs more than once")
    );
}

/// Too many records. MAX_RECORDS is 50 000 per kind. A holds inspel 0 … 29 999, B inspel
/// 30 000 … 59 999 (same workspace): 30 000 ≤ 50 000 each, but the merge holds
/// 30 000 + 30 000 = 60 000 > 50 000 → refused, at `workspace.inspel`, before any text is built.
/// With 25 000 + 25 000 = 50 000 exactly, the merge is written and reads back.
#[test]
fn more_records_than_the_limit_after_the_merge_are_refused() {
    let half = |from: u64, n: u64, actor: &str| {
        let mut d = Doc::new(nid(0xa000, 7), "W", stamp(0, actor));
        for i in from..from + n {
            let r = titled(nid(0x8000, i), "x", stamp(1, actor));
            d.inspel.0.insert(r.id.clone(), r);
        }
        d
    };
    let (a, b) = (half(0, 30_000, "tab-a"), half(30_000, 30_000, "tab-b"));
    assert!(a.validate(1).is_empty() && Snapshot::new(a.clone(), AT, "x").checked_text().is_ok());
    let merged = merge(&a, &b).0;
    assert_eq!(merged.inspel.0.len(), 60_000);
    let err = Snapshot::new(merged, AT, "cli").checked_text().unwrap_err();
    let ImportError::Invalid { problems } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "workspace.inspel");
    assert_eq!(problems[0].kind, ProblemKind::TooMany { max: MAX_RECORDS });
    use vagval_core::Localized;
    assert!(
        err.message(vagval_core::Lang::Sv)
            .contains("workspace.inspel får ha högst 50000 poster"),
        "{}",
        err.message(vagval_core::Lang::Sv)
    );
    // At the limit exactly: written, and read back whole.
    let (a, b) = (half(0, 25_000, "tab-a"), half(25_000, 25_000, "tab-b"));
    let snap = Snapshot::new(merge(&a, &b).0, AT, "cli");
    let written = snap.checked_text().unwrap();
    assert_eq!(
        decode(&written.text)
            .unwrap()
            .snapshot
            .workspace
            .inspel
            .0
            .len(),
        MAX_RECORDS
    );
}

/// One inspel with a description of `chars` ASCII characters.
fn described(id: Id, chars: usize, actor: &str) -> Inspel {
    let mut r = titled(id, "x", stamp(1, actor));
    r.description = Some(Reg {
        value: "d".repeat(chars),
        stamp: stamp(1, actor),
    });
    r
}

/// Too large, even compact. The limit is 10 MiB = 10 485 760 bytes. A holds 60 inspel with a
/// description of 100 000 characters (the longest allowed), B 60 others: each about
/// 60 × 100 000 = 6 000 000 bytes plus some 120 bytes of JSON a record, under the limit; the
/// merge is 120 × 100 000 = 12 000 000 bytes of descriptions alone, over it in any layout.
#[test]
fn a_merge_larger_than_the_limit_is_refused() {
    let side = |from: u64, actor: &str| {
        let mut d = Doc::new(nid(0xa000, 5), "W", stamp(0, actor));
        for i in from..from + 60 {
            let r = described(nid(0x8000, i), 100_000, actor);
            d.inspel.0.insert(r.id.clone(), r);
        }
        d
    };
    let (a, b) = (side(0, "tab-a"), side(60, "tab-b"));
    let one = Snapshot::new(a.clone(), AT, "x").checked_text().unwrap();
    assert!(
        !one.compact && one.text.len() < 6_100_000,
        "{}",
        one.text.len()
    );
    let err = Snapshot::new(merge(&a, &b).0, AT, "cli")
        .checked_text()
        .unwrap_err();
    let ImportError::TooLarge { size, max } = err else {
        panic!("{err:?}")
    };
    assert_eq!(max, MAX_FILE_BYTES);
    assert!(size > 12_000_000 && size < 12_100_000, "{size}");
    use vagval_core::Localized;
    assert!(
        err.message(vagval_core::Lang::Sv)
            .contains("större än gränsen 10,0 MB")
    );
}

/// Indented too large, compact fits: written compact. A record of inspel with a one-letter
/// title and a 150-character description is, compact,
/// `{"id":"<36>","title":{"value":"x","stamp":[<13>,0,"tab-a"]},"description":{"value":"<150>","stamp":[<13>,0,"tab-a"]}},`
/// = 6 + 36 + 2 + 40 + 26 + 14 + 150 + 32 ≈ 306 bytes; indented (two spaces a level, the record
/// at depth 2, its fields at 3, their members at 4) it gains 2 + 3 × 4 newlines and indents
/// plus ": " spaces, about 60 bytes. 2 × 15 000 records: compact ≈ 30 000 × 306 = 9.2 MB under
/// the limit, indented ≈ 30 000 × 366 = 11.0 MB over it (the test measures both exactly).
#[test]
fn a_merge_too_large_indented_is_written_compact() {
    let side = |from: u64, actor: &str| {
        let mut d = Doc::new(nid(0xa000, 3), "W", stamp(0, actor));
        for i in from..from + 15_000 {
            let r = described(nid(0x8000, i), 150, actor);
            d.inspel.0.insert(r.id.clone(), r);
        }
        d
    };
    let (a, b) = (side(0, "tab-a"), side(15_000, "tab-b"));
    let snap = Snapshot::new(merge(&a, &b).0, AT, "cli");
    let (compact, pretty) = (snap.to_compact().len(), snap.to_pretty().len());
    assert!(
        compact < MAX_FILE_BYTES && pretty > MAX_FILE_BYTES,
        "compact {compact}, indented {pretty}"
    );
    let written = snap.checked_text().unwrap();
    assert!(written.compact);
    assert_eq!(written.text, snap.to_compact());
    assert_eq!(decode(&written.text).unwrap().snapshot, snap);
}
