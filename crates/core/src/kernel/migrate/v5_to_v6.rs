//! One migration step (see [`super`]); never edited after release.
use serde_json::{Value, json};

/// Version 6 adds the goal-conflict module's collections: `goal_sets`, `goals`, `matrices`,
/// `scorings` and `cases`. They are absent (empty) in older files, so only the version number
/// changes; a reader of version 5 keeps the new collections untouched, so
/// [`super::MIN_READER`] stays 5.
pub fn v5_to_v6(mut v: Value) -> Result<Value, String> {
    let root = v.as_object_mut().ok_or("the file is not a JSON object")?;
    root.insert("schema_version".into(), json!(6));
    root.remove("checksum");
    Ok(v)
}
