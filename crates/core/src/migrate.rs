//! Migrations: numbered, pure steps on raw JSON, each turning schema version N into N+1.
//!
//! A step is never edited after release; a fix is a new step. Every step has a golden
//! fixture (`tests/fixtures/v{N}.json`), checked by `tests/snapshot.rs`.
use serde_json::{Map, Value, json};

/// The schema version this build writes.
pub const CURRENT: u32 = 5;

/// The `min_reader_version` this build writes. Versions 3 and 4 only added collections and
/// fields that an older reader keeps untouched; version 5 changes meanings an older reader
/// would get wrong (a ranking method's `at_most` is part of the rules hash, so an older reader
/// would count no ballot of such a round; the capacity decided after the vote and an override's
/// staleness would be ignored), so files are for readers of version 5 on.
pub const MIN_READER: u32 = 5;

/// One step: the JSON of version `N` (the index + 1) to version `N + 1`.
pub type Step = fn(Value) -> Result<Value, String>;

/// `MIGRATIONS[i]` turns version `i + 1` into `i + 2`.
pub const MIGRATIONS: &[Step] = &[v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5];

/// Runs every step from `from` up to [`CURRENT`].
///
/// # Errors
/// The failing step's description and the version it started from.
pub fn migrate(mut value: Value, from: u32) -> Result<Value, (u32, String)> {
    let start = usize::try_from(from.max(1) - 1).unwrap_or(usize::MAX);
    for (i, step) in MIGRATIONS.iter().enumerate().skip(start) {
        let version = u32::try_from(i + 1).unwrap_or(u32::MAX);
        value = step(value).map_err(|e| (version, e))?;
    }
    Ok(value)
}

/// Version 1 (Vägval 0.1, before merging): a flat workspace
/// `{id, name, organisation, description}`. Version 2 stores records of stamped registers;
/// v1 values get the stamp `[0, 0, "v1"]`, so any real edit wins over them and two
/// devices migrating the same file produce the same document.
fn v1_to_v2(mut v: Value) -> Result<Value, String> {
    let root = v.as_object_mut().ok_or("the file is not a JSON object")?;
    let Some(Value::Object(mut ws)) = root.remove("workspace") else {
        return Err("\"workspace\" is missing or not an object".into());
    };
    let id = match ws.remove("id") {
        Some(Value::String(id)) => id,
        _ => return Err("\"workspace.id\" is missing or not a text".into()),
    };
    let stamp = json!([0, 0, "v1"]);
    let mut meta = Map::new();
    meta.insert("id".into(), Value::String(id.clone()));
    for field in ["name", "organisation", "description"] {
        match ws.remove(field) {
            Some(Value::String(text)) => {
                meta.insert(field.into(), json!({"value": text, "stamp": stamp}));
            }
            None | Some(Value::Null) => {}
            Some(_) => return Err(format!("\"workspace.{field}\" is not a text")),
        }
    }
    let mut doc = Map::new();
    doc.insert("id".into(), Value::String(id));
    doc.insert("meta".into(), Value::Object(meta));
    doc.insert("inspel".into(), json!([]));
    // Unknown v1 fields stay beside the collections, as the v2 reader keeps them.
    for (k, val) in ws {
        doc.entry(k).or_insert(val);
    }
    root.insert("workspace".into(), Value::Object(doc));
    root.insert("schema_version".into(), json!(2));
    root.insert("min_reader_version".into(), json!(2));
    root.remove("checksum");
    Ok(v)
}

/// Version 3 adds the `rounds` and `ballots` collections (voting rounds). Older files have
/// none, so only the version number changes; `min_reader_version` stays 2.
fn v2_to_v3(mut v: Value) -> Result<Value, String> {
    let root = v.as_object_mut().ok_or("the file is not a JSON object")?;
    root.insert("schema_version".into(), json!(3));
    // A v2 checksum covers a v2 document; the migrated one is checked by validation instead.
    root.remove("checksum");
    Ok(v)
}

/// Version 4 adds the `agenda` collection and a round's `overrides` (the facilitator's
/// logged changes to the capacity selection). Older files have neither, so only the version
/// number changes; `min_reader_version` stays 2.
fn v3_to_v4(mut v: Value) -> Result<Value, String> {
    let root = v.as_object_mut().ok_or("the file is not a JSON object")?;
    root.insert("schema_version".into(), json!(4));
    root.remove("checksum");
    Ok(v)
}

/// Version 5 adds a round's `capacity_log` (the capacity decided apart from the locked rules,
/// also after the vote), an override's `for_root` (the result it was made for) and a ranking
/// method's `at_most` ("upp till k"). All are optional and absent in older files, so only the
/// version number changes; files written from now on need a reader of version 5 ([`MIN_READER`]).
fn v4_to_v5(mut v: Value) -> Result<Value, String> {
    let root = v.as_object_mut().ok_or("the file is not a JSON object")?;
    root.insert("schema_version".into(), json!(5));
    root.remove("checksum");
    Ok(v)
}
