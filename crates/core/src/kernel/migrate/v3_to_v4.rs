//! One migration step (see [`super`]); never edited after release.
use serde_json::{Value, json};

/// Version 4 adds the `agenda` collection and a round's `overrides` (the facilitator's
/// logged changes to the capacity selection). Older files have neither, so only the version
/// number changes; `min_reader_version` stays 2.
pub fn v3_to_v4(mut v: Value) -> Result<Value, String> {
    let root = v.as_object_mut().ok_or("the file is not a JSON object")?;
    root.insert("schema_version".into(), json!(4));
    root.remove("checksum");
    Ok(v)
}
