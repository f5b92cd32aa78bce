//! Golden fixtures (one per schema version, kept forever), the migration rules, version
//! handling, checksums and the published JSON Schema.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use serde_json::{Value, json};
use vagval_core::migrate::{CURRENT, MIGRATIONS, migrate};
use vagval_core::snapshot::{ImportError, Snapshot, decode};
use vagval_core::{Lang, Localized, Stamp};

fn fixture(version: u32) -> String {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/v{version}.json"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_schema_version_has_a_fixture_and_every_step_a_number() {
    assert_eq!(
        MIGRATIONS.len() as u32,
        CURRENT - 1,
        "one step per version below CURRENT"
    );
    for v in 1..=CURRENT {
        let text = fixture(v);
        let raw: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            raw["schema_version"],
            json!(v),
            "fixture v{v} has its own version"
        );
        let decoded = decode(&text).unwrap_or_else(|e| panic!("fixture v{v}: {e}"));
        assert_eq!(decoded.file_version, v);
        assert_eq!(decoded.snapshot.schema_version, CURRENT);
    }
}

#[test]
fn each_migration_step_turns_its_fixture_into_the_next_version() {
    for (i, step) in MIGRATIONS.iter().enumerate() {
        let from = i as u32 + 1;
        let raw: Value = serde_json::from_str(&fixture(from)).unwrap();
        let input = raw.clone();
        let out = step(raw).unwrap();
        assert_eq!(out["schema_version"], json!(from + 1));
        // Steps are pure: running one twice on the same input gives the same output.
        assert_eq!(step(input).unwrap(), out);
    }
}

#[test]
fn the_v1_golden_file_loads_forever() {
    let d = decode(&fixture(1)).unwrap();
    assert!(d.migrated());
    let ws = &d.snapshot.workspace;
    assert_eq!(ws.id.as_str(), "5f0c6d2e-8a41-4c1b-9d3e-2a7b6c9e1f40");
    assert_eq!(ws.name(), "Påverkansagenda Jämtland Härjedalen");
    assert_eq!(
        ws.meta.organisation().unwrap(),
        "Region Jämtland Härjedalen – regionala utvecklingsnämnden (RUN)"
    );
    assert!(
        ws.meta
            .description()
            .unwrap()
            .starts_with("Länsgemensam påverkansagenda")
    );
    assert_eq!(
        ws.meta.name.as_ref().unwrap().stamp,
        Stamp(0, 0, "v1".into())
    );
    assert_eq!(ws.inspel.0.len(), 0);
    assert_eq!(d.snapshot.device, "dev-3f9a1c0b77e2d415");
}

#[test]
fn the_v2_golden_file_loads_forever() {
    let d = decode(&fixture(2)).unwrap();
    assert!(d.migrated());
    let ws = &d.snapshot.workspace;
    assert_eq!(ws.name(), "Påverkansagenda Jämtland Härjedalen 2020");
    assert_eq!(ws.inspel.live().count(), 12);
    let first = ws.inspel.live().next().unwrap();
    assert_eq!(
        first.title().unwrap(),
        "Dubbelspår och högre hastighet på Mittbanan"
    );
}

#[test]
fn unknown_v1_fields_survive_migration() {
    let mut raw: Value = serde_json::from_str(&fixture(1)).unwrap();
    raw["workspace"]["colour"] = json!("green");
    let d = decode(&raw.to_string()).unwrap();
    assert_eq!(d.snapshot.workspace.extra["colour"], json!("green"));
}

#[test]
fn a_broken_old_file_is_a_migration_error() {
    let mut raw: Value = serde_json::from_str(&fixture(1)).unwrap();
    raw["workspace"]["name"] = json!(5);
    let e = decode(&raw.to_string()).unwrap_err();
    assert!(matches!(e, ImportError::Migration { from: 1, .. }), "{e:?}");
    assert!(migrate(json!([]), 1).is_err());
}

#[test]
fn newer_files_are_refused_or_read_compatibly() {
    let mut raw: Value = serde_json::from_str(&fixture(CURRENT)).unwrap();
    raw["schema_version"] = json!(CURRENT + 5);
    raw["min_reader_version"] = json!(CURRENT + 1);
    raw.as_object_mut().unwrap().remove("checksum");
    let e = decode(&raw.to_string()).unwrap_err();
    assert_eq!(
        e,
        ImportError::TooNew {
            found: CURRENT + 1,
            supported: CURRENT
        }
    );
    assert!(e.message(Lang::Sv).contains("nyare version"));
    assert!(e.message(Lang::En).contains("newer version"));

    // An additive newer version (min_reader_version allows us) is read, extras kept.
    raw["min_reader_version"] = json!(CURRENT);
    raw["workspace"]["maps"] = json!([{"id": "m1"}]);
    raw["workspace"]["inspel"][0]["priority"] = json!({"value": 3, "stamp": [1, 0, "x"]});
    let d = decode(&raw.to_string()).unwrap();
    assert!(d.newer());
    assert_eq!(d.snapshot.workspace.extra["maps"], json!([{"id": "m1"}]));
    let again: Value = serde_json::from_str(&d.snapshot.to_compact()).unwrap();
    assert_eq!(
        again["workspace"]["inspel"][0]["priority"]["value"],
        json!(3)
    );
}

#[test]
fn a_changed_file_fails_its_checksum_but_may_omit_it() {
    let text =
        fixture(CURRENT).replace("Bredband till hela landsbygden", "Bredband till hela länet");
    assert!(matches!(decode(&text), Err(ImportError::Checksum { .. })));
    let mut raw: Value = serde_json::from_str(&text).unwrap();
    raw.as_object_mut().unwrap().remove("checksum");
    assert!(decode(&raw.to_string()).is_ok());
}

#[test]
fn errors_name_the_json_path() {
    let mut raw: Value = serde_json::from_str(&fixture(CURRENT)).unwrap();
    raw.as_object_mut().unwrap().remove("checksum");
    raw["workspace"]["inspel"][3]["municipality"]["value"] = json!("stockholm");
    match decode(&raw.to_string()).unwrap_err() {
        ImportError::Decode { path, .. } => {
            assert_eq!(path, "workspace.inspel[3].municipality.value")
        }
        e => panic!("{e:?}"),
    }
    raw["workspace"]["inspel"][3]["municipality"]["value"] = json!("krokom");
    raw["workspace"]["inspel"][2]["title"]["value"] = json!("x".repeat(301));
    let e = decode(&raw.to_string()).unwrap_err();
    assert!(
        matches!(&e, ImportError::Invalid { problems } if problems[0].path == "workspace.inspel[2].title.value")
    );
    assert!(
        e.message(Lang::Sv)
            .contains("workspace.inspel[2].title.value får vara högst 300 tecken"),
        "{}",
        e.message(Lang::Sv)
    );
}

#[test]
fn snapshots_written_now_read_back_identically() {
    let snap = Snapshot::new(
        vagval_core::demo::demo_doc(),
        "2026-11-22T10:00:00.000Z",
        "dev-x",
    );
    assert_eq!(decode(&snap.to_pretty()).unwrap().snapshot, snap);
    assert_eq!(decode(&snap.to_compact()).unwrap().snapshot, snap);
}

#[test]
fn the_autosave_text_is_the_snapshot_text() {
    let demo = vagval_core::demo::demo_doc();
    let empty = vagval_core::Doc::new(
        vagval_core::Id::default(),
        "Tom \"arbetsyta\" ÅÄÖ",
        Stamp(1, 0, "dev.a".into()),
    );
    for doc in [demo, empty] {
        let text = Snapshot::compact_of(&doc, "2026-11-22T12:00:00Z", "dev-1");
        assert_eq!(
            text,
            Snapshot::new(doc.clone(), "2026-11-22T12:00:00Z", "dev-1").to_compact()
        );
        // And it reads back, checksum and all.
        assert_eq!(decode(&text).unwrap().snapshot.workspace, doc);
    }
}

#[test]
fn the_published_json_schema_is_up_to_date() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/snapshot.schema.json");
    let current = vagval_core::json_schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &current).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == current,
        "docs/snapshot.schema.json is stale: run `UPDATE_SCHEMA=1 cargo test -p vagval-core --test snapshot`"
    );
}

/// A file of the current schema is read in one pass; everything else the one pass does not
/// take goes the step-by-step way, with the same outcome as before.
#[test]
fn the_one_pass_read_agrees_with_the_step_by_step_read() {
    let text = fixture(CURRENT);
    let snapshot: Snapshot = serde_json::from_str(&text).unwrap();
    let d = decode(&text).unwrap();
    assert_eq!((d.snapshot, d.file_version), (snapshot, CURRENT));
    let mut raw: Value = serde_json::from_str(&text).unwrap();
    raw.as_object_mut().unwrap().remove("checksum");
    // An unknown top-level field is ignored when shallow …
    raw["note"] = json!({"from": "another tool"});
    assert!(decode(&raw.to_string()).is_ok());
    // … and refused when nested deeper than 128 levels, though nothing of it would be kept.
    let deep = format!("{}1{}", "[".repeat(200), "]".repeat(200));
    let text = raw.to_string().replacen(
        r#""note":{"from":"another tool"}"#,
        &format!(r#""note":{deep}"#),
        1,
    );
    assert!(text.contains(&deep));
    assert!(
        matches!(decode(&text), Err(ImportError::Json { .. })),
        "{:?}",
        decode(&text)
    );
    // The envelope as an array (serde would read a struct from it) is not a workspace file.
    let fields = [
        "format",
        "schema_version",
        "min_reader_version",
        "app_version",
        "exported_at",
        "device",
    ];
    let array = Value::Array(
        fields
            .iter()
            .map(|f| raw[*f].clone())
            .chain([Value::Null, raw["workspace"].clone()])
            .collect(),
    );
    assert!(matches!(
        decode(&array.to_string()),
        Err(ImportError::WrongFormat { .. })
    ));
}

/// Ids are unique across kinds and against the workspace's own id; every later occurrence is
/// named (the first occurrence, in the order workspace, inspel, rounds, ballots, agenda, is not).
#[test]
fn repeated_ids_are_named_at_each_later_occurrence() {
    let mut raw: Value = serde_json::from_str(&fixture(CURRENT)).unwrap();
    raw.as_object_mut().unwrap().remove("checksum");
    let workspace_id = raw["workspace"]["id"].clone();
    let inspel_id = raw["workspace"]["inspel"][1]["id"].clone();
    raw["workspace"]["inspel"][0]["id"] = workspace_id.clone();
    raw["workspace"]["rounds"][0]["id"] = inspel_id.clone();
    let Err(ImportError::Invalid { problems }) = decode(&raw.to_string()) else {
        panic!("not refused")
    };
    let repeated: Vec<(String, String)> = problems
        .iter()
        .filter_map(|p| match &p.kind {
            vagval_core::crdt::ProblemKind::DuplicateId { id } => {
                Some((p.path.clone(), id.clone()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(repeated.len(), 2, "{problems:?}");
    assert!(repeated[0].0.starts_with("workspace.inspel[") && repeated[0].0.ends_with("].id"));
    assert_eq!(repeated[0].1, workspace_id.as_str().unwrap());
    assert_eq!(
        repeated[1],
        (
            "workspace.rounds[0].id".to_owned(),
            inspel_id.as_str().unwrap().to_owned()
        )
    );
}

/// Records may come in any order (read into id order); a repeated id is refused at the record
/// that repeats it, in order or not.
#[test]
fn records_in_any_order_are_read_and_a_repeated_id_is_named() {
    let mut raw: Value = serde_json::from_str(&fixture(CURRENT)).unwrap();
    raw.as_object_mut().unwrap().remove("checksum");
    let in_order = decode(&raw.to_string()).unwrap().snapshot;
    raw["workspace"]["inspel"].as_array_mut().unwrap().reverse();
    assert_eq!(decode(&raw.to_string()).unwrap().snapshot, in_order);
    for reversed in [true, false] {
        let mut raw: Value = serde_json::from_str(&fixture(CURRENT)).unwrap();
        raw.as_object_mut().unwrap().remove("checksum");
        let list = raw["workspace"]["inspel"].as_array_mut().unwrap();
        if reversed {
            list.reverse();
        }
        list[3]["id"] = list[2]["id"].clone();
        match decode(&raw.to_string()).unwrap_err() {
            ImportError::Decode { path, detail } => {
                assert!(path.starts_with("workspace.inspel[3]"), "{path}");
                assert!(detail.contains("duplicate id"), "{detail}");
            }
            e => panic!("{e:?}"),
        }
    }
}
