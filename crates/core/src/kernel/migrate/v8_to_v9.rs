//! One migration step (see [`super`]); never edited after release.
use serde_json::{Value, json};

/// Version 9 adds the sustainability-proofing's collections (`applications`, `templates`,
/// `assessments`). They are absent in older files, so only the version number changes; a
/// reader of version 5 to 8 keeps the unknown collections untouched, so [`super::MIN_READER`]
/// stays 5.
pub fn v8_to_v9(mut v: Value) -> Result<Value, String> {
    let root = v.as_object_mut().ok_or("the file is not a JSON object")?;
    root.insert("schema_version".into(), json!(9));
    root.remove("checksum");
    Ok(v)
}
