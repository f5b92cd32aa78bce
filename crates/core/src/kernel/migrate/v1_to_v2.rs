//! One migration step (see [`super`]); never edited after release.
use serde_json::{Map, Value, json};

/// Version 1 (Vägval 0.1, before merging): a flat workspace
/// `{id, name, organisation, description}`. Version 2 stores records of stamped registers;
/// v1 values get the stamp `[0, 0, "v1"]`, so any real edit wins over them and two
/// devices migrating the same file produce the same document.
pub fn v1_to_v2(mut v: Value) -> Result<Value, String> {
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
