//! One migration step (see [`super`]); never edited after release.
use serde_json::{Value, json};

/// Version 3 adds the `rounds` and `ballots` collections (voting rounds). Older files have
/// none, so only the version number changes; `min_reader_version` stays 2.
pub fn v2_to_v3(mut v: Value) -> Result<Value, String> {
    let root = v.as_object_mut().ok_or("the file is not a JSON object")?;
    root.insert("schema_version".into(), json!(3));
    // A v2 checksum covers a v2 document; the migrated one is checked by validation instead.
    root.remove("checksum");
    Ok(v)
}
