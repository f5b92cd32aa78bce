//! One migration step (see [`super`]); never edited after release.
use serde_json::{Value, json};

/// Version 7 adds `inspel.goal_links` (the goals an inspel serves). It is absent in older
/// files, so only the version number changes; a reader of version 5 or 6 keeps the unknown
/// field untouched (no other kind has a field of that name), so [`super::MIN_READER`] stays 5.
pub fn v6_to_v7(mut v: Value) -> Result<Value, String> {
    let root = v.as_object_mut().ok_or("the file is not a JSON object")?;
    root.insert("schema_version".into(), json!(7));
    root.remove("checksum");
    Ok(v)
}
