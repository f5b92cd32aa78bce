//! Last-writer-wins registers, maps of registers, and how they merge; the building blocks of
//! records ([`crate::kernel::record`]) and collections ([`crate::kernel::collection`]).
//!
//! Merging is a join: for every field the register with the larger `(stamp, value bytes)`
//! wins, a tombstone beats everything, and unknown fields (from newer versions) are kept
//! and merged by the same total order. So `merge` is commutative, associative and
//! idempotent, and it never reads a clock.
use std::cmp::Ordering;
use std::collections::BTreeMap;

use serde::de::{self, DeserializeOwned, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::kernel::check::{Problem, ProblemKind};
use crate::kernel::clock::Stamp;
use crate::kernel::command::DomainError;

/// A last-writer-wins register: `{"value": …, "stamp": [wall, counter, actor]}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Reg<T> {
    /// The current value.
    pub value: T,
    /// When and by whom it was written.
    pub stamp: Stamp,
}

/// A register's member.
enum RegKey {
    Value,
    Stamp,
    Other,
}

impl<'de> Deserialize<'de> for RegKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let key = std::borrow::Cow::<'de, str>::deserialize(d)?;
        Ok(match key.as_ref() {
            "value" => Self::Value,
            "stamp" => Self::Stamp,
            _ => Self::Other,
        })
    }
}

/// The next member's name of a register (shared by every value type).
#[inline(never)]
fn reg_key<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<RegKey>, A::Error> {
    map.next_key::<RegKey>()
}

/// A register's stamp, refused if given twice; another member is skipped (shared by every value
/// type).
#[inline(never)]
fn reg_other<'de, A: MapAccess<'de>>(
    map: &mut A,
    key: &RegKey,
    stamp: &mut Option<Stamp>,
) -> Result<(), A::Error> {
    if matches!(key, RegKey::Stamp) {
        if stamp.is_some() {
            return Err(de::Error::duplicate_field("stamp"));
        }
        *stamp = Some(map.next_value()?);
    } else {
        map.next_value::<de::IgnoredAny>()?;
    }
    Ok(())
}

/// Read by hand rather than derived: the same object form (`value` may be left out only where
/// it may be `null`; other members are ignored, a member given twice refused), without the
/// array form a derive also accepts, and with the stamp and the member names read by code
/// shared by every value type (a register type cost 1.9 KB of wasm derived).
impl<'de, T: Deserialize<'de>> Deserialize<'de> for Reg<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Reg<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a register {\"value\": …, \"stamp\": [wall, counter, actor]}")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Reg<T>, A::Error> {
                let mut value: Option<T> = None;
                let mut stamp = None;
                while let Some(key) = reg_key(&mut map)? {
                    if matches!(key, RegKey::Value) {
                        if value.is_some() {
                            return Err(de::Error::duplicate_field("value"));
                        }
                        value = Some(map.next_value()?);
                    } else {
                        reg_other(&mut map, &key, &mut stamp)?;
                    }
                }
                let value = match value {
                    Some(v) => v,
                    // As a derive does: a value that may be `null` may be left out.
                    None => T::deserialize(de::value::UnitDeserializer::<A::Error>::new())
                        .map_err(|_| de::Error::missing_field("value"))?,
                };
                let stamp = stamp.ok_or_else(|| de::Error::missing_field("stamp"))?;
                Ok(Reg { value, stamp })
            }
        }
        d.deserialize_map(V(std::marker::PhantomData))
    }
}

/// The canonical bytes of a value: its compact JSON as Vägval writes it. Used to break
/// ties between equal stamps.
///
/// Typed values go through the one compact serialiser and the one text deserialiser
/// (`to_vec`, `from_str`) only — never `to_value`/`from_value` — so that each type's serde
/// code exists once in the wasm bundle.
pub(crate) fn canonical<T: Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_default()
}

/// A typed value as JSON, through text (see [`canonical`]).
pub fn to_json<T: Serialize>(value: &T) -> Value {
    serde_json::to_vec(value)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or(Value::Null)
}

/// JSON as a typed value, through text (see [`canonical`]).
///
/// # Errors
/// serde's error when `value` does not have the type's shape.
pub fn from_json<T: DeserializeOwned>(value: &Value) -> Result<T, serde_json::Error> {
    serde_json::from_str(&value.to_string())
}

/// The total order on registers: stamp first, then the value's canonical bytes.
pub fn reg_order<T: Serialize>(a: &Reg<T>, b: &Reg<T>) -> Ordering {
    a.stamp
        .cmp(&b.stamp)
        .then_with(|| canonical(&a.value).cmp(&canonical(&b.value)))
}

/// One field whose value differed between the two sides of a merge.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldConflict {
    /// Field name.
    pub field: String,
    /// The local value.
    pub local: Value,
    /// The incoming value.
    pub incoming: Value,
    /// Whether the incoming value won (the local one was overwritten).
    pub incoming_won: bool,
}

/// Merges two optional registers, noting a conflict when both are set and differ.
#[inline(never)]
pub fn merge_reg<T: Clone + PartialEq + Serialize>(
    field: &str,
    local: &Option<Reg<T>>,
    incoming: &Option<Reg<T>>,
    conflicts: &mut Vec<FieldConflict>,
) -> Option<Reg<T>> {
    match (local, incoming) {
        (None, None) => None,
        (Some(r), None) | (None, Some(r)) => Some(r.clone()),
        (Some(a), Some(b)) => {
            let incoming_won = reg_order(b, a) == Ordering::Greater;
            if a.value != b.value {
                conflicts.push(FieldConflict {
                    field: field.to_owned(),
                    local: to_json(&a.value),
                    incoming: to_json(&b.value),
                    incoming_won,
                });
            }
            Some(if incoming_won { b.clone() } else { a.clone() })
        }
    }
}

/// Merges a list register as a set: the items of both sides are kept (sorted, without
/// repeats) under the newer of the two stamps, and nothing is reported as lost. For
/// lists that are only added to, like an agenda point's consultation comments: two devices
/// adding a comment at the same time both keep theirs, where [`merge_reg`] would keep one
/// list. The price: an item taken out on one side comes back from the other. Commutative,
/// associative and idempotent like [`merge_reg`] (tests); falls back to it when the union
/// would hold more than `MAX` items.
#[inline(never)]
pub fn merge_set<T: Clone + Ord + Serialize, const MAX: usize>(
    field: &str,
    local: &Option<Reg<Vec<T>>>,
    incoming: &Option<Reg<Vec<T>>>,
    conflicts: &mut Vec<FieldConflict>,
) -> Option<Reg<Vec<T>>> {
    if let (Some(a), Some(b)) = (local, incoming)
        && a.value != b.value
    {
        let mut all: Vec<T> = a.value.iter().chain(&b.value).cloned().collect();
        all.sort();
        all.dedup();
        if all.len() <= MAX {
            return Some(Reg {
                value: all,
                stamp: std::cmp::max(&a.stamp, &b.stamp).clone(),
            });
        }
    }
    merge_reg(field, local, incoming, conflicts)
}

/// Merges maps of unknown fields. Per key the larger value wins under a total order:
/// first the stamp of values shaped like registers (others count as older), then the
/// value's canonical bytes. Deterministic and order-free, like typed registers.
pub fn merge_extra(
    local: &BTreeMap<String, Value>,
    incoming: &BTreeMap<String, Value>,
) -> BTreeMap<String, Value> {
    fn key(v: &Value) -> (Option<Stamp>, Vec<u8>) {
        let stamp = v.get("stamp").and_then(|s| from_json::<Stamp>(s).ok());
        (stamp, canonical(v))
    }
    let mut out = local.clone();
    for (k, b) in incoming {
        match out.get(k) {
            None => {
                out.insert(k.clone(), b.clone());
            }
            Some(a) if a == b => {}
            Some(a) => {
                if key(b) > key(a) {
                    out.insert(k.clone(), b.clone());
                }
            }
        }
    }
    out
}

/// A map read with every key once: a key given twice is refused (serde's own `BTreeMap` keeps
/// the last one silently). For maps inside typed values, such as a ballot's answer.
///
/// # Errors
/// The deserialiser's error, or one naming the repeated key.
pub fn unique_map<'de, D, K, V>(d: D) -> Result<BTreeMap<K, V>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Ord + std::fmt::Display,
    V: Deserialize<'de>,
{
    struct Keys<K, V>(std::marker::PhantomData<(K, V)>);
    impl<'de, K: Deserialize<'de> + Ord + std::fmt::Display, V: Deserialize<'de>> Visitor<'de>
        for Keys<K, V>
    {
        type Value = BTreeMap<K, V>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some((k, v)) = map.next_entry::<K, V>()? {
                if out.contains_key(&k) {
                    return Err(de::Error::custom(format!("duplicate field `{k}`")));
                }
                out.insert(k, v);
            }
            Ok(out)
        }
    }
    d.deserialize_map(Keys(std::marker::PhantomData))
}

/// A JSON value read with every object's keys unique: a key given twice is refused (serde_json's
/// own `Value` keeps the last one silently). Used for the unknown fields a record keeps.
pub struct Unique(pub Value);

impl<'de> Deserialize<'de> for Unique {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Unique;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_bool<E>(self, v: bool) -> Result<Unique, E> {
                Ok(Unique(Value::Bool(v)))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Unique, E> {
                Ok(Unique(Value::from(v)))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Unique, E> {
                Ok(Unique(Value::from(v)))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Unique, E> {
                Ok(Unique(Value::from(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Unique, E> {
                Ok(Unique(Value::String(v.to_owned())))
            }
            fn visit_string<E>(self, v: String) -> Result<Unique, E> {
                Ok(Unique(Value::String(v)))
            }
            fn visit_unit<E>(self) -> Result<Unique, E> {
                Ok(Unique(Value::Null))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Unique, A::Error> {
                let mut out = Vec::new();
                while let Some(Unique(v)) = seq.next_element()? {
                    out.push(v);
                }
                Ok(Unique(Value::Array(out)))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Unique, A::Error> {
                let mut out = serde_json::Map::new();
                while let Some(key) = map.next_key::<String>()? {
                    if out.contains_key(&key) {
                        return Err(de::Error::custom(format!("duplicate field `{key}`")));
                    }
                    let Unique(v) = map.next_value()?;
                    out.insert(key, v);
                }
                Ok(Unique(Value::Object(out)))
            }
        }
        d.deserialize_any(V)
    }
}

/// How a field is stored in a record: a register (`Option<Reg<T>>`) or a map of registers
/// (`Option<RegMap<K, V>>`). [`record_kind!`](crate::record_kind!) reaches every field through
/// this trait, so both kinds of field merge, validate, stamp and take commands alike.
pub trait Slot: Clone + PartialEq + 'static {
    /// What the typed getter returns a reference to.
    type Value;
    /// What the field's check looks at: the register's value, or each value of a map.
    type Item;
    /// The value, `None` when never set.
    fn value(&self) -> Option<&Self::Value>;
    /// The field's merge (registers: [`merge_reg`]; maps: [`merge_reg`] per key).
    fn merge(
        field: &str,
        local: &Self,
        incoming: &Self,
        conflicts: &mut Vec<FieldConflict>,
    ) -> Self;
    /// The value as JSON, `None` when never set.
    fn json(&self) -> Option<Value>;
    /// The JSON of the field's default value.
    fn default_json() -> Value;
    /// The value that undoes setting `value` (see [`crate::kernel::record::Record::before`]).
    fn before(&self, value: &Value) -> Value;
    /// Sets the field from a command's JSON at `at`, after checking type and rule.
    ///
    /// # Errors
    /// [`DomainError::BadValue`] or [`DomainError::Rule`]; the field is then unchanged.
    fn set(
        &mut self,
        kind: &'static str,
        field: &'static str,
        value: &Value,
        at: Stamp,
        check: fn(&Self::Item) -> Option<ProblemKind>,
    ) -> Result<(), DomainError>;
    /// Pushes the problems `check` finds, under `path.field`.
    fn check(
        &self,
        path: &str,
        field: &str,
        check: fn(&Self::Item) -> Option<ProblemKind>,
        problems: &mut Vec<Problem>,
    );
    /// Pushes every stamp.
    fn stamps<'a>(&'a self, out: &mut Vec<&'a Stamp>);
}

impl<T> Slot for Option<Reg<T>>
where
    T: Clone + PartialEq + Default + Serialize + DeserializeOwned + 'static,
{
    type Value = T;
    type Item = T;

    fn value(&self) -> Option<&T> {
        self.as_ref().map(|r| &r.value)
    }

    #[inline(never)]
    fn merge(field: &str, local: &Self, incoming: &Self, c: &mut Vec<FieldConflict>) -> Self {
        merge_reg(field, local, incoming, c)
    }

    #[inline(never)]
    fn json(&self) -> Option<Value> {
        self.as_ref().map(|r| to_json(&r.value))
    }

    #[inline(never)]
    fn default_json() -> Value {
        to_json(&T::default())
    }

    #[inline(never)]
    fn before(&self, _: &Value) -> Value {
        self.json().unwrap_or_else(Self::default_json)
    }

    #[inline(never)]
    fn set(
        &mut self,
        kind: &'static str,
        field: &'static str,
        value: &Value,
        at: Stamp,
        check: fn(&T) -> Option<ProblemKind>,
    ) -> Result<(), DomainError> {
        let v: T = from_json(value).map_err(|e| DomainError::BadValue {
            kind,
            field,
            detail: e.to_string(),
        })?;
        if let Some(problem) = check(&v) {
            return Err(DomainError::Rule {
                kind,
                field,
                problem,
            });
        }
        *self = Some(Reg {
            value: v,
            stamp: at,
        });
        Ok(())
    }

    #[inline(never)]
    fn check(
        &self,
        path: &str,
        field: &str,
        check: fn(&T) -> Option<ProblemKind>,
        problems: &mut Vec<Problem>,
    ) {
        if let Some(kind) = self.as_ref().and_then(|r| check(&r.value)) {
            problems.push(Problem {
                path: format!("{path}.{field}.value"),
                kind,
            });
        }
    }

    #[inline(never)]
    fn stamps<'a>(&'a self, out: &mut Vec<&'a Stamp>) {
        out.extend(self.as_ref().map(|r| &r.stamp));
    }
}

/// A map field: one last-writer-wins register per key, merged key by key, so that two devices
/// writing different keys (two cells of a person's scores for a whole matrix) both keep theirs
/// and one record can hold hundreds of cells.
///
/// In files a map field is an object of registers keyed by the key's text:
/// `"scores": {"<key>": {"value": 3, "stamp": [wall, counter, actor]}, …}` (each key once).
/// A command's `Edit` of a map field takes an object of plain values, `{"<key>": 3, …}`, and
/// sets only the keys it names (each checked by the field's check); its inverse puts those
/// keys back as they were (a key never set goes back to the value's default). Keys are never
/// removed — a register, once written, stays (as every register does).
#[derive(Debug, Clone, PartialEq)]
pub struct RegMap<K, V>(pub BTreeMap<K, Reg<V>>);

impl<K, V> Default for RegMap<K, V> {
    fn default() -> Self {
        Self(BTreeMap::new())
    }
}

impl<K: Serialize, V: Serialize> Serialize for RegMap<K, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter())
    }
}

impl<'de, K, V> Deserialize<'de> for RegMap<K, V>
where
    K: Deserialize<'de> + Ord + std::fmt::Display,
    V: Deserialize<'de>,
{
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        unique_map(d).map(Self)
    }
}

#[cfg(feature = "schema")]
impl<K, V: schemars::JsonSchema> schemars::JsonSchema for RegMap<K, V> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("RegMap_of_{}", V::schema_name()).into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        generator.subschema_for::<BTreeMap<String, Reg<V>>>()
    }
}

impl<K, V> Slot for Option<RegMap<K, V>>
where
    K: Clone + Ord + std::fmt::Display + Serialize + DeserializeOwned + 'static,
    V: Clone + PartialEq + Default + Serialize + DeserializeOwned + 'static,
{
    type Value = RegMap<K, V>;
    type Item = V;

    fn value(&self) -> Option<&RegMap<K, V>> {
        self.as_ref()
    }

    #[inline(never)]
    fn merge(field: &str, local: &Self, incoming: &Self, c: &mut Vec<FieldConflict>) -> Self {
        match (local, incoming) {
            (None, None) => None,
            (Some(m), None) | (None, Some(m)) => Some(m.clone()),
            (Some(a), Some(b)) => {
                let mut out = a.0.clone();
                for (k, rb) in &b.0 {
                    let ra = out.get(k).cloned();
                    let name = format!("{field}.{k}");
                    if let Some(r) = merge_reg(&name, &ra, &Some(rb.clone()), c) {
                        out.insert(k.clone(), r);
                    }
                }
                Some(RegMap(out))
            }
        }
    }

    #[inline(never)]
    fn json(&self) -> Option<Value> {
        self.as_ref().map(|m| {
            Value::Object(
                m.0.iter()
                    .map(|(k, r)| (k.to_string(), to_json(&r.value)))
                    .collect(),
            )
        })
    }

    #[inline(never)]
    fn default_json() -> Value {
        Value::Object(serde_json::Map::new())
    }

    #[inline(never)]
    fn before(&self, value: &Value) -> Value {
        let Some(keys) = value.as_object() else {
            return Self::default_json();
        };
        let old = |k: &str| -> Value {
            from_json::<K>(&Value::String(k.to_owned()))
                .ok()
                .and_then(|k| self.as_ref().and_then(|m| m.0.get(&k)))
                .map_or_else(|| to_json(&V::default()), |r| to_json(&r.value))
        };
        Value::Object(keys.keys().map(|k| (k.clone(), old(k))).collect())
    }

    #[inline(never)]
    fn set(
        &mut self,
        kind: &'static str,
        field: &'static str,
        value: &Value,
        at: Stamp,
        check: fn(&V) -> Option<ProblemKind>,
    ) -> Result<(), DomainError> {
        let bad = |detail: String| DomainError::BadValue {
            kind,
            field,
            detail,
        };
        let Some(entries) = value.as_object() else {
            return Err(bad("expected an object of values by key".into()));
        };
        let mut parsed = Vec::with_capacity(entries.len());
        for (k, v) in entries {
            let key: K = from_json(&Value::String(k.clone())).map_err(|e| bad(e.to_string()))?;
            let v: V = from_json(v).map_err(|e| bad(e.to_string()))?;
            if let Some(problem) = check(&v) {
                return Err(DomainError::Rule {
                    kind,
                    field,
                    problem,
                });
            }
            parsed.push((key, v));
        }
        let map = self.get_or_insert_with(RegMap::default);
        for (key, value) in parsed {
            map.0.insert(
                key,
                Reg {
                    value,
                    stamp: at.clone(),
                },
            );
        }
        Ok(())
    }

    #[inline(never)]
    fn check(
        &self,
        path: &str,
        field: &str,
        check: fn(&V) -> Option<ProblemKind>,
        problems: &mut Vec<Problem>,
    ) {
        for (k, r) in self.iter().flat_map(|m| m.0.iter()) {
            if let Some(kind) = check(&r.value) {
                problems.push(Problem {
                    path: format!("{path}.{field}.{k}.value"),
                    kind,
                });
            }
        }
    }

    #[inline(never)]
    fn stamps<'a>(&'a self, out: &mut Vec<&'a Stamp>) {
        out.extend(self.iter().flat_map(|m| m.0.values().map(|r| &r.stamp)));
    }
}
