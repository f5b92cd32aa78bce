//! One migration step (see [`super`]); never edited after release.
use serde_json::{Value, json};

/// Version 5 adds a round's `capacity_log` (the capacity decided apart from the locked rules,
/// also after the vote), an override's `for_root` (the result it was made for) and a ranking
/// method's `at_most` ("upp till k"). All are optional and absent in older files, so only the
/// version number changes; files written from now on need a reader of version 5 ([`super::MIN_READER`]).
pub fn v4_to_v5(mut v: Value) -> Result<Value, String> {
    let root = v.as_object_mut().ok_or("the file is not a JSON object")?;
    root.insert("schema_version".into(), json!(5));
    root.remove("checksum");
    Ok(v)
}
