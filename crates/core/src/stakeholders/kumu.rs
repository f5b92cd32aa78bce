//! Kumu-compatible JSON (Kumu's blueprint import): `elements` with `label`, `type`,
//! `description`, `tags` and the scores as extra fields; `connections` with `from` and `to`
//! (element labels), `direction` (`directed`, `mutual`, `undirected`), `type`, `weight`
//! (Kumu's `strength` is read too) and `description`. No personal data is written: contact
//! persons stay out. An import adds the actors whose name the workspace lacks (names compared
//! trimmed and case-insensitively) and the connections between known names, as one batch;
//! anything outside the limits is refused with the element or connection named.
use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::Doc;
use crate::Kind;
use crate::kernel::check::{NAME_MAX, TEXT_MAX};
use crate::kernel::command::Command;
use crate::kernel::id::Id;
use crate::kernel::lang::{Lang, Localized};
use crate::kernel::record::Record;

use super::actor::{
    ACTORS_MAX, ActorType, NOTE_MAX, RELATIONS_MAX, RelationType, TAG_MAX, TAGS_MAX,
};
use super::map::live_actors;

/// The Kumu JSON of the live actors and relations (relations between live actors only).
#[must_use]
pub fn export(doc: &Doc) -> Value {
    let actors = live_actors(doc);
    let elements: Vec<Value> = actors
        .iter()
        .map(|a| {
            json!({
                "label": a.name().cloned().unwrap_or_default(),
                "type": a.actor_type().copied().unwrap_or_default().label(Lang::Sv),
                "description": a.description().cloned().unwrap_or_default(),
                "tags": a.tags().cloned().unwrap_or_default(),
                "power": a.power().copied().unwrap_or(1),
                "interest": a.interest().copied().unwrap_or(1),
                "legitimacy": a.legitimacy().copied().unwrap_or(1),
                "urgency": a.urgency().copied().unwrap_or(1),
                "attitude": a.attitude().copied().unwrap_or(0),
            })
        })
        .collect();
    let relations = super::map::live_relations(doc);
    let connections: Vec<Value> = relations
        .into_iter()
        .map(|(from, to, r)| {
            json!({
                "from": from,
                "to": to,
                "direction": if r.mutual() == Some(&true) { "mutual" } else { "directed" },
                "type": r.relation_type().copied().unwrap_or_default().label(Lang::Sv),
                "weight": r.weight().copied().unwrap_or(1),
                "description": r.note().cloned().unwrap_or_default(),
            })
        })
        .collect();
    json!({ "elements": elements, "connections": connections })
}

/// Why a Kumu file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KumuError {
    /// Not JSON, or not an object with an `elements` list.
    NotKumu,
    /// More elements or connections than the map holds.
    TooMany {
        /// `elements` or `connections`.
        what: &'static str,
        /// The limit.
        max: usize,
    },
    /// One element or connection has a field that is missing or out of range.
    Field {
        /// `elements` or `connections`.
        what: &'static str,
        /// Its position (1-based).
        index: usize,
        /// The field.
        field: &'static str,
    },
}

impl Localized for KumuError {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::NotKumu, Lang::Sv) => "Filen är inte Kumu-JSON: ett objekt med listan \"elements\" (och gärna \"connections\") väntades. Inget har ändrats.".into(),
            (Self::NotKumu, Lang::En) => "The file is not Kumu JSON: an object with an \"elements\" list (and \"connections\") was expected. Nothing was changed.".into(),
            (Self::TooMany { what, max }, Lang::Sv) => format!("För många {what}: högst {max}. Inget har ändrats."),
            (Self::TooMany { what, max }, Lang::En) => format!("Too many {what}: at most {max}. Nothing was changed."),
            (Self::Field { what, index, field }, Lang::Sv) => format!("{what} nr {index}: fältet \"{field}\" saknas eller är ogiltigt. Inget har ändrats."),
            (Self::Field { what, index, field }, Lang::En) => format!("{what} no. {index}: the field \"{field}\" is missing or invalid. Nothing was changed."),
        }
    }
}

fn key(name: &str) -> String {
    name.trim().to_lowercase()
}

fn actor_type(text: &str) -> ActorType {
    ActorType::from_text(text, key)
}

fn relation_type(text: &str) -> RelationType {
    RelationType::from_text(text, key)
}

/// A text field: absent is `""`; present it must be a string within `max` characters.
fn text(v: &Value, field: &str, max: usize) -> Option<String> {
    match v.get(field) {
        None | Some(Value::Null) => Some(String::new()),
        Some(Value::String(s)) if s.chars().count() <= max => Some(s.clone()),
        _ => None,
    }
}

/// An integer field within `lo..=hi`; absent is `default`.
fn int(v: &Value, fields: &[&str], lo: i64, hi: i64, default: i64) -> Option<i64> {
    match fields.iter().find_map(|f| v.get(*f)) {
        None | Some(Value::Null) => Some(default),
        Some(x) => x.as_i64().filter(|n| (lo..=hi).contains(n)),
    }
}

/// The commands that add what `file` (Kumu JSON) holds and `doc` lacks, as one batch, and
/// how many actors and relations they add.
///
/// # Errors
/// [`KumuError`] naming the first element or connection that breaks a rule; nothing is added.
pub fn import(
    doc: &Doc,
    file: &str,
    mut new_id: impl FnMut() -> Id,
) -> Result<(Command<Kind>, usize, usize), KumuError> {
    let v: Value = serde_json::from_str(file).map_err(|_| KumuError::NotKumu)?;
    let elements = v
        .get("elements")
        .and_then(Value::as_array)
        .ok_or(KumuError::NotKumu)?;
    let empty = Vec::new();
    let connections = match v.get("connections") {
        None | Some(Value::Null) => &empty,
        Some(c) => c.as_array().ok_or(KumuError::NotKumu)?,
    };
    if elements.len() > ACTORS_MAX {
        return Err(KumuError::TooMany {
            what: "elements",
            max: ACTORS_MAX,
        });
    }
    if connections.len() > RELATIONS_MAX {
        return Err(KumuError::TooMany {
            what: "connections",
            max: RELATIONS_MAX,
        });
    }
    let mut known: BTreeMap<String, Id> = live_actors(doc)
        .into_iter()
        .map(|a| (key(a.name().map_or("", String::as_str)), a.id().clone()))
        .collect();
    let live = known.len();
    let mut commands = Vec::new();
    let mut added = 0;
    for (i, e) in elements.iter().enumerate() {
        let bad = |field| KumuError::Field {
            what: "elements",
            index: i + 1,
            field,
        };
        let label = text(e, "label", NAME_MAX).ok_or(bad("label"))?;
        if label.trim().is_empty() {
            return Err(bad("label"));
        }
        if known.contains_key(&key(&label)) {
            continue;
        }
        let kind = text(e, "type", NAME_MAX).ok_or(bad("type"))?;
        let description = text(e, "description", TEXT_MAX).ok_or(bad("description"))?;
        let tags: Vec<String> = match e.get("tags") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(t)) if t.len() <= TAGS_MAX => t
                .iter()
                .map(|x| {
                    x.as_str()
                        .map(str::trim)
                        .filter(|s| !s.is_empty() && s.chars().count() <= TAG_MAX)
                        .map(str::to_owned)
                })
                .collect::<Option<_>>()
                .ok_or(bad("tags"))?,
            _ => return Err(bad("tags")),
        };
        let mut fields: BTreeMap<String, Value> = BTreeMap::new();
        fields.insert("name".into(), json!(label.trim()));
        fields.insert("actor_type".into(), json!(actor_type(&kind)));
        if !description.is_empty() {
            fields.insert("description".into(), json!(description));
        }
        if !tags.is_empty() {
            fields.insert("tags".into(), json!(tags));
        }
        for f in ["power", "interest", "legitimacy", "urgency"] {
            let n = int(e, &[f], 1, 5, 1).ok_or(bad(f))?;
            fields.insert(f.into(), json!(n));
        }
        let att = int(e, &["attitude"], -2, 2, 0).ok_or(bad("attitude"))?;
        fields.insert("attitude".into(), json!(att));
        let id = new_id();
        known.insert(key(&label), id.clone());
        commands.push(Command::Create {
            kind: Kind::Actor,
            id,
            fields,
        });
        added += 1;
    }
    if live + added > ACTORS_MAX {
        return Err(KumuError::TooMany {
            what: "elements",
            max: ACTORS_MAX,
        });
    }
    let mut relations = 0;
    for (i, c) in connections.iter().enumerate() {
        let bad = |field| KumuError::Field {
            what: "connections",
            index: i + 1,
            field,
        };
        let from = text(c, "from", NAME_MAX).ok_or(bad("from"))?;
        let to = text(c, "to", NAME_MAX).ok_or(bad("to"))?;
        let from = known.get(&key(&from)).ok_or(bad("from"))?.clone();
        let to = known.get(&key(&to)).ok_or(bad("to"))?.clone();
        if from == to {
            return Err(bad("to"));
        }
        let mutual = match text(c, "direction", 20).ok_or(bad("direction"))?.as_str() {
            "" | "directed" => false,
            "mutual" | "undirected" => true,
            _ => return Err(bad("direction")),
        };
        let kind = text(c, "type", NAME_MAX).ok_or(bad("type"))?;
        let weight = int(c, &["weight", "strength"], 1, 3, 1).ok_or(bad("weight"))?;
        let note = text(c, "description", NOTE_MAX).ok_or(bad("description"))?;
        let mut fields: BTreeMap<String, Value> = BTreeMap::new();
        fields.insert("from".into(), json!(from));
        fields.insert("to".into(), json!(to));
        fields.insert("mutual".into(), json!(mutual));
        fields.insert("relation_type".into(), json!(relation_type(&kind)));
        fields.insert("weight".into(), json!(weight));
        if !note.is_empty() {
            fields.insert("note".into(), json!(note));
        }
        commands.push(Command::Create {
            kind: Kind::Relation,
            id: new_id(),
            fields,
        });
        relations += 1;
    }
    Ok((Command::Batch { commands }, added, relations))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::clock::Hlc;
    use crate::kernel::command::{Stamper, apply};
    use crate::stakeholders::report::report;

    fn ids() -> impl FnMut() -> Id {
        let mut n = 0u8;
        move || {
            n += 1;
            Id::from_random_bytes([n; 16])
        }
    }

    fn meta_only() -> Doc {
        let d = crate::demo::demo_doc();
        Doc::from_meta(d.meta.id.clone(), d.meta.clone())
    }

    #[test]
    fn the_demo_goes_out_and_comes_back_the_same() {
        let demo = crate::demo::demo_doc();
        let out = export(&demo);
        assert_eq!(out["elements"].as_array().unwrap().len(), 17);
        assert_eq!(out["connections"].as_array().unwrap().len(), 21);
        let text = out.to_string();
        assert!(!text.contains("Exempelsson"), "no personal data");
        let mut doc = meta_only();
        let (cmd, actors, relations) = import(&doc, &text, ids()).unwrap();
        assert_eq!((actors, relations), (17, 21));
        let mut clock = Hlc::new("dev.a");
        let mut st = Stamper {
            clock: &mut clock,
            now_ms: 1_800_000_000_000,
        };
        apply(&mut doc, &cmd, &mut st).unwrap();
        // The same table: names, types, scores, classes and metrics (ids differ).
        let strip = |d: &Doc| {
            report(d)
                .actors
                .into_iter()
                .map(|mut l| {
                    l.row.id = Id::from_random_bytes([0; 16]);
                    l
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(strip(&doc), strip(&demo));
        // Importing again adds nothing but the connections (actors are matched by name).
        let (_, actors, _) = import(&doc, &text, ids()).unwrap();
        assert_eq!(actors, 0);
    }

    #[test]
    fn a_kumu_file_with_kumus_own_words() {
        // Kumu's "undirected" and "strength", an unknown type, no scores.
        let file = r#"{"elements":[{"label":"Sameby"},{"label":"Kommun","type":"kommun"}],
            "connections":[{"from":"sameby","to":"Kommun","direction":"undirected","strength":2,"type":"Konflikt"}]}"#;
        let (Command::Batch { commands }, 2, 1) = import(&meta_only(), file, ids()).unwrap() else {
            panic!("two actors, one relation");
        };
        let Command::Create { fields, .. } = &commands[1] else {
            panic!()
        };
        assert_eq!(fields["actor_type"], json!("municipality"));
        let Command::Create { fields, .. } = &commands[2] else {
            panic!()
        };
        assert_eq!(
            (
                &fields["mutual"],
                &fields["weight"],
                &fields["relation_type"]
            ),
            (&json!(true), &json!(2), &json!("conflict"))
        );
    }

    #[test]
    fn what_is_refused_is_named() {
        let doc = meta_only();
        assert_eq!(import(&doc, "[1]", ids()).unwrap_err(), KumuError::NotKumu);
        let e = import(
            &doc,
            r#"{"elements":[{"label":"A"},{"label":"B","power":9}]}"#,
            ids(),
        )
        .unwrap_err();
        assert_eq!(
            e,
            KumuError::Field {
                what: "elements",
                index: 2,
                field: "power"
            }
        );
        assert!(e.message(Lang::Sv).contains("\"power\""));
        let e = import(
            &doc,
            r#"{"elements":[{"label":"A"}],"connections":[{"from":"A","to":"Okänd"}]}"#,
            ids(),
        )
        .unwrap_err();
        assert_eq!(
            e,
            KumuError::Field {
                what: "connections",
                index: 1,
                field: "to"
            }
        );
        let many = format!(
            r#"{{"elements":[{}]}}"#,
            vec![r#"{"label":"x"}"#; ACTORS_MAX + 1].join(",")
        );
        assert!(matches!(
            import(&doc, &many, ids()),
            Err(KumuError::TooMany { .. })
        ));
    }
}
