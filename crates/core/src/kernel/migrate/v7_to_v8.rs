//! One migration step (see [`super`]); never edited after release.
use serde_json::{Value, json};

/// Version 8 adds the stakeholder map's collections (`actors`, `relations`, `contacts`) and the
/// action areas' (`areas`, `chain_nodes`, `chain_edges`, `indicators`, `activities`,
/// `learning`, `consultations`, `projects`, `meetings`), and the field `sami` on inspel and
/// cases. All are absent in older files, so only the version number changes; a reader of
/// version 5 to 7 keeps the unknown collections and fields untouched, so
/// [`super::MIN_READER`] stays 5.
pub fn v7_to_v8(mut v: Value) -> Result<Value, String> {
    let root = v.as_object_mut().ok_or("the file is not a JSON object")?;
    root.insert("schema_version".into(), json!(8));
    root.remove("checksum");
    Ok(v)
}
