//! The autosave's writer (`kernel::pieces`): the county workspace written from kept pieces is
//! the compact snapshot byte for byte, and an edit rewrites only its own record.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use vagval_core::command::{Command, Kind, Stamper, apply};
use vagval_core::conflicts::matrix::{Cell, Pair};
use vagval_core::conflicts::workflow;
use vagval_core::demo::{county_doc, demo_doc};
use vagval_core::document::Pieces;
use vagval_core::kernel::pieces::{Cursor, Part};
use vagval_core::{Doc, Hlc, Snapshot};

/// Refreshes `cache` against `doc` in one go; returns how many pieces were (re)written.
fn refresh(doc: &Doc, cache: &mut Pieces<u32>) -> usize {
    let mut made = 0;
    let mut cursor = Cursor::default();
    let done = doc.refresh_pieces(
        cache,
        &mut cursor,
        &mut |json| {
            made += 1;
            crc32(json)
        },
        &mut || false,
    );
    assert!(done);
    made
}

fn crc32(json: &str) -> u32 {
    u32::try_from(json.len()).unwrap()
}

fn joined(doc: &Doc, cache: &Pieces<u32>) -> String {
    let parts = doc.pieces(cache).unwrap();
    // Each record's piece was made from its own JSON.
    for p in &parts {
        if let Part::Record(out) = p {
            assert_eq!(out.piece, crc32(&out.json));
        }
    }
    parts.iter().map(Part::json).collect()
}

#[test]
fn the_county_workspace_from_pieces_is_the_compact_snapshot() {
    let doc = county_doc();
    let mut cache = Pieces::default();
    let records: usize = doc.counts().values().map(|(n, e)| n + e).sum();
    assert_eq!(refresh(&doc, &mut cache), records);
    let body = joined(&doc, &cache);
    assert_eq!(body, serde_json::to_string(&doc).unwrap());
    let parts = doc.pieces(&cache).unwrap();
    let head = Snapshot::compact_head(parts.iter().map(Part::json), "2026-12-02T10:00:00Z", "d");
    assert_eq!(
        format!("{head}{body}}}"),
        Snapshot::compact_of(&doc, "2026-12-02T10:00:00Z", "d")
    );
    // Nothing changed: nothing is written again.
    assert_eq!(refresh(&doc, &mut cache), 0);
}

#[test]
fn an_edit_rewrites_its_record_only_and_slices_resume_where_they_stopped() {
    let mut doc = county_doc();
    let mut cache = Pieces::default();
    refresh(&doc, &mut cache);
    // One cell of one rater's scoring changes: one piece (that rater's) is written again.
    let scoring = doc.scorings.live().next().unwrap().clone();
    let (row, col) = doc.goals.0.keys().take(2).fold((None, None), |(r, c), id| {
        if r.is_none() {
            (Some(id.clone()), c)
        } else {
            (r, Some(id.clone()))
        }
    });
    let pair = Pair::new(&row.unwrap(), &col.unwrap());
    let cmd = workflow::score(
        &doc,
        &scoring.matrix().unwrap().clone(),
        scoring.rater().unwrap(),
        &pair,
        Some(Cell {
            score: 3,
            rationale: "Ny motivering".into(),
            confidence: None,
        }),
    )
    .unwrap();
    let mut clock = Hlc::new("t");
    let before = doc.clone();
    apply(
        &mut doc,
        &cmd,
        &mut Stamper {
            clock: &mut clock,
            now_ms: 1_800_000_000_000,
        },
    )
    .unwrap();
    assert_ne!(doc, before);
    assert_eq!(refresh(&doc, &mut cache), 1);
    assert_eq!(joined(&doc, &cache), serde_json::to_string(&doc).unwrap());

    // A record erased and one added, refreshed two records at a time from a fresh cache.
    let first = doc.inspel.0.keys().next().unwrap().clone();
    let erase = Command::Erase {
        kind: Kind::Inspel,
        id: first,
    };
    apply(
        &mut doc,
        &erase,
        &mut Stamper {
            clock: &mut clock,
            now_ms: 1_800_000_000_001,
        },
    )
    .unwrap();
    let mut cache = Pieces::default();
    let mut cursor = Cursor::default();
    let (mut made, mut slices) = (0usize, 0usize);
    let mut since = 0;
    while !doc.refresh_pieces(
        &mut cache,
        &mut cursor,
        &mut |_| {
            made += 1;
            0
        },
        &mut || {
            since += 1;
            since % 2 == 0
        },
    ) {
        slices += 1;
    }
    let records: usize = doc.counts().values().map(|(n, e)| n + e).sum();
    assert_eq!(made, records);
    assert_eq!(slices, records / 2);
    assert_eq!(
        joined_any(&doc, &cache),
        serde_json::to_string(&doc).unwrap()
    );
}

fn joined_any<P>(doc: &Doc, cache: &Pieces<P>) -> String {
    doc.pieces(cache).unwrap().iter().map(Part::json).collect()
}

#[test]
fn unknown_collections_and_empty_ones_are_written_as_serde_writes_them() {
    // The demo workspace plus a collection written by a newer version (kept untouched).
    let mut doc = demo_doc();
    doc.extra
        .insert("zz_future".into(), serde_json::json!([{"id": "x", "n": 1}]));
    doc.extra
        .insert("aa_future".into(), serde_json::json!({"k": "å"}));
    let mut cache = Pieces::default();
    refresh(&doc, &mut cache);
    assert_eq!(joined(&doc, &cache), serde_json::to_string(&doc).unwrap());
    // An empty workspace: only the collections that are always written.
    let empty = Doc::from_meta(doc.id.clone(), doc.meta.clone());
    let mut cache = Pieces::default();
    assert_eq!(refresh(&empty, &mut cache), 0);
    assert_eq!(
        joined(&empty, &cache),
        serde_json::to_string(&empty).unwrap()
    );
}
