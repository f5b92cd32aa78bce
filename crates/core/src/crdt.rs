//! The building blocks of the mergeable document: last-writer-wins registers, records of
//! registers with permanent tombstones, and id-keyed collections.
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

use crate::clock::Stamp;
use crate::id::Id;

/// A last-writer-wins register: `{"value": …, "stamp": [wall, counter, actor]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Reg<T> {
    /// The current value.
    pub value: T,
    /// When and by whom it was written.
    pub stamp: Stamp,
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

/// The result of merging one record.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RecordMerge {
    /// Fields whose values differed.
    pub conflicts: Vec<FieldConflict>,
}

/// A problem found by semantic validation, with a JSON path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Where, e.g. `workspace.inspel[3].title.value`.
    pub path: String,
    /// What is wrong.
    pub kind: ProblemKind,
}

/// What semantic validation can find.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ProblemKind {
    /// A text is longer than allowed.
    TooLong {
        /// Limit in characters.
        max: usize,
    },
    /// A required text is empty.
    Empty,
    /// A number outside its range.
    OutOfRange {
        /// Smallest allowed.
        min: i64,
        /// Largest allowed.
        max: i64,
    },
    /// A reference to a record that does not exist.
    Dangling {
        /// The missing id.
        id: String,
    },
    /// A stamp with an invalid actor or an impossible time.
    BadStamp,
    /// Two records share an id, or a record has the id of another kind.
    DuplicateId {
        /// The id.
        id: String,
    },
    /// Too many records of one kind.
    TooMany {
        /// Limit.
        max: usize,
    },
    /// A required field is absent or `null`.
    Missing,
    /// An erased record (a tombstone) holds a field besides its id and stamp.
    ErasedWithData,
    /// An unknown field named like a field of another kind: a record in the wrong collection.
    OtherKind {
        /// The kind that has a field of this name.
        kind: &'static str,
    },
    /// A ballot supersedes a ballot it may not: one of another participant or another round
    /// (a ballot replaces only its own participant's ballots in its round).
    BadSupersede {
        /// The ballot it may not supersede.
        id: String,
    },
    /// A ballot's id is not the hash of its content (the content was changed after casting).
    BallotIdMismatch {
        /// The id its content gives.
        expected: String,
    },
}

/// A record kind of the document: a struct of optional registers plus a tombstone.
pub trait Record: Clone + PartialEq + Serialize + DeserializeOwned {
    /// The kind's name in files and commands, e.g. `"inspel"`.
    const KIND: &'static str;
    /// The record's id.
    fn id(&self) -> &Id;
    /// A new live record with no fields set.
    fn empty(id: Id) -> Self;
    /// The tombstone stamp, if erased.
    fn deleted(&self) -> Option<&Stamp>;
    /// Merges `incoming` into a copy of `self`; tombstones win and clear every field.
    fn merge(&self, incoming: &Self) -> (Self, RecordMerge);
    /// Erases the record: keeps only id and tombstone (no personal data survives).
    fn erase(&mut self, at: Stamp);
    /// For an erased record, drops every field but the id and the tombstone (whatever a
    /// file held); a live record is left as it is.
    fn scrub(&mut self);
    /// The first required field a live record lacks, if any.
    fn missing(&self) -> Option<&'static str>;
    /// The unknown fields kept from a newer version.
    fn extra(&self) -> &BTreeMap<String, Value>;
    /// A field's value as JSON, `None` when never set.
    fn get(&self, field: &str) -> Option<Value>;
    /// A field's default value, or `None` for an unknown field.
    fn default_of(field: &str) -> Option<Value>;
    /// Sets a field from JSON after checking type and rules.
    ///
    /// # Errors
    /// A [`crate::command::DomainError`] for an unknown field, a wrong type or a broken rule.
    fn set(
        &mut self,
        field: &str,
        value: Value,
        at: Stamp,
    ) -> Result<(), crate::command::DomainError>;
    /// A copy of `field`'s register as it is (value and stamp, or never set), for putting it
    /// back with [`Record::put_back`]; `None` for an unknown field.
    fn keep(&self, field: &str) -> Option<Box<dyn std::any::Any>>;
    /// Puts back a register kept by [`Record::keep`] for the same field.
    fn put_back(&mut self, field: &str, kept: Box<dyn std::any::Any>);
    /// Checks every field's rules; pushes problems under `path`.
    fn validate(&self, path: &str, problems: &mut Vec<Problem>);
    /// Every stamp in the record (for clock observation and validation).
    fn stamps(&self) -> Vec<&Stamp>;
}

/// What the domain adds to a record kind: a label for reports and its references.
pub trait RecordInfo: Record {
    /// A short human label (title or name) for merge reports and previews.
    fn label(&self) -> String;
    /// Ids this record refers to: `(field, referenced kind, id)`.
    fn references(&self) -> Vec<(&'static str, &'static str, &Id)> {
        Vec::new()
    }
}

/// Declares a record kind: the struct of `Option<Reg<T>>` fields, its manual (fast,
/// unknown-field-keeping) deserialiser, merge, erase, typed getters and field access by
/// name. Each field names a check `fn(&T) -> Option<ProblemKind>` and, after `=>`, optionally
/// a merge other than [`merge_reg`] (such as [`merge_set`]).
#[macro_export]
macro_rules! record_kind {
    (@merge) => { $crate::crdt::merge_reg };
    (@merge $merge:expr) => { $merge };
    // Only the word `required` may follow a field's check after `;`.
    (@required required) => { true };
    (
        $(#[$meta:meta])*
        $name:ident = $kind:literal {
            $( $(#[$fmeta:meta])* $field:ident : $ty:ty = $check:expr $(=> $merge:expr)? $(; $req:ident)? ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, serde::Serialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        pub struct $name {
            /// Stable id (UUID).
            pub id: $crate::id::Id,
            /// Set when the record was erased: a permanent tombstone; all fields are gone.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub deleted: Option<$crate::clock::Stamp>,
            $(
                $(#[$fmeta])*
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $field: Option<$crate::crdt::Reg<$ty>>,
            )*
            /// Fields written by a newer version, kept and merged untouched.
            #[serde(flatten)]
            #[cfg_attr(feature = "schema", schemars(skip))]
            pub extra: std::collections::BTreeMap<String, serde_json::Value>,
        }

        impl $name {
            $(
                $(#[$fmeta])*
                #[must_use]
                pub fn $field(&self) -> Option<&$ty> {
                    self.$field.as_ref().map(|r| &r.value)
                }
            )*

            /// The field names of this kind, in declaration order.
            pub const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];

            /// The fields every live record of this kind must have (set, and not `null`).
            pub const REQUIRED: &'static [&'static str] = &[$($( { let _ = $crate::record_kind!(@required $req); stringify!($field) } ,)?)*];
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl<'de> serde::de::Visitor<'de> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(f, "a {} record", $kind)
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<$name, A::Error> {
                        let mut id = None;
                        let mut deleted = None;
                        $( let mut $field: Option<$crate::crdt::Reg<$ty>> = None; )*
                        let mut extra = std::collections::BTreeMap::new();
                        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                            match key.as_ref() {
                                "id" => {
                                    if id.is_some() { return Err(serde::de::Error::duplicate_field("id")); }
                                    id = Some(map.next_value()?);
                                }
                                "deleted" => {
                                    if deleted.is_some() { return Err(serde::de::Error::duplicate_field("deleted")); }
                                    deleted = map.next_value()?;
                                }
                                $( stringify!($field) => {
                                    if $field.is_some() {
                                        return Err(serde::de::Error::duplicate_field(stringify!($field)));
                                    }
                                    $field = map.next_value()?;
                                } )*
                                other => {
                                    let other = other.to_owned();
                                    if extra.len() >= $crate::crdt::MAX_EXTRA_FIELDS {
                                        return Err(serde::de::Error::custom("too many unknown fields"));
                                    }
                                    if extra.contains_key(&other) {
                                        return Err(serde::de::Error::custom(format!("duplicate field `{other}`")));
                                    }
                                    let v = map.next_value::<$crate::crdt::Unique>()?.0;
                                    extra.insert(other, v);
                                }
                            }
                        }
                        let id = id.ok_or_else(|| serde::de::Error::missing_field("id"))?;
                        Ok($name { id, deleted, $($field,)* extra })
                    }
                }
                d.deserialize_map(V)
            }
        }

        impl $crate::crdt::Record for $name {
            const KIND: &'static str = $kind;

            fn id(&self) -> &$crate::id::Id {
                &self.id
            }

            fn empty(id: $crate::id::Id) -> Self {
                Self { id, deleted: None, $($field: None,)* extra: std::collections::BTreeMap::new() }
            }

            fn deleted(&self) -> Option<&$crate::clock::Stamp> {
                self.deleted.as_ref()
            }

            fn merge(&self, incoming: &Self) -> (Self, $crate::crdt::RecordMerge) {
                let mut report = $crate::crdt::RecordMerge::default();
                let deleted = match (&self.deleted, &incoming.deleted) {
                    (Some(a), Some(b)) => Some(std::cmp::max(a, b).clone()),
                    (Some(s), None) | (None, Some(s)) => Some(s.clone()),
                    (None, None) => None,
                };
                if let Some(at) = deleted {
                    let mut out = Self::empty(self.id.clone());
                    out.deleted = Some(at);
                    return (out, report);
                }
                let out = Self {
                    id: self.id.clone(),
                    deleted: None,
                    $( $field: $crate::record_kind!(@merge $($merge)?)(
                        stringify!($field), &self.$field, &incoming.$field, &mut report.conflicts), )*
                    extra: $crate::crdt::merge_extra(&self.extra, &incoming.extra),
                };
                (out, report)
            }

            fn extra(&self) -> &std::collections::BTreeMap<String, serde_json::Value> {
                &self.extra
            }

            fn missing(&self) -> Option<&'static str> {
                $( $( if $crate::record_kind!(@required $req) && self.$field.is_none() {
                    return Some(stringify!($field));
                } )? )*
                None
            }

            fn scrub(&mut self) {
                if let Some(at) = self.deleted.take() {
                    *self = Self::empty(self.id.clone());
                    self.deleted = Some(at);
                }
            }

            fn erase(&mut self, at: $crate::clock::Stamp) {
                let keep = match self.deleted.take() {
                    Some(old) if old > at => old,
                    _ => at,
                };
                *self = Self::empty(self.id.clone());
                self.deleted = Some(keep);
            }

            fn get(&self, field: &str) -> Option<serde_json::Value> {
                match field {
                    $( stringify!($field) => self.$field.as_ref()
                        .map(|r| $crate::crdt::to_json(&r.value)), )*
                    _ => None,
                }
            }

            fn default_of(field: &str) -> Option<serde_json::Value> {
                match field {
                    $( stringify!($field) => Some($crate::crdt::to_json(&<$ty>::default())), )*
                    _ => None,
                }
            }

            fn set(
                &mut self,
                field: &str,
                value: serde_json::Value,
                at: $crate::clock::Stamp,
            ) -> Result<(), $crate::command::DomainError> {
                match field {
                    $( stringify!($field) => {
                        let v: $ty = $crate::crdt::from_json(&value).map_err(|e| {
                            $crate::command::DomainError::BadValue {
                                kind: $kind, field: stringify!($field), detail: e.to_string(),
                            }
                        })?;
                        let check: fn(&$ty) -> Option<$crate::crdt::ProblemKind> = $check;
                        if let Some(problem) = check(&v) {
                            return Err($crate::command::DomainError::Rule {
                                kind: $kind, field: stringify!($field), problem,
                            });
                        }
                        self.$field = Some($crate::crdt::Reg { value: v, stamp: at });
                        Ok(())
                    } )*
                    _ => Err($crate::command::DomainError::UnknownField {
                        kind: $kind, field: field.to_owned(),
                    }),
                }
            }

            fn keep(&self, field: &str) -> Option<Box<dyn std::any::Any>> {
                match field {
                    $( stringify!($field) => Some(Box::new(self.$field.clone())), )*
                    _ => None,
                }
            }

            fn put_back(&mut self, field: &str, kept: Box<dyn std::any::Any>) {
                match field {
                    $( stringify!($field) => {
                        if let Ok(reg) = kept.downcast::<Option<$crate::crdt::Reg<$ty>>>() {
                            self.$field = *reg;
                        }
                    } )*
                    _ => {}
                }
            }

            fn validate(&self, path: &str, problems: &mut Vec<$crate::crdt::Problem>) {
                if self.deleted.is_some() {
                    // A tombstone holds its id and stamp only: an erased person stays erased.
                    let mut data: Option<&str> = None;
                    $( if data.is_none() && self.$field.is_some() { data = Some(stringify!($field)); } )*
                    if let Some(field) = data.or_else(|| self.extra.keys().next().map(String::as_str)) {
                        problems.push($crate::crdt::Problem {
                            path: format!("{path}.{field}"), kind: $crate::crdt::ProblemKind::ErasedWithData,
                        });
                    }
                } else {
                    $( $( if $crate::record_kind!(@required $req) && self.$field.is_none() {
                        problems.push($crate::crdt::Problem {
                            path: format!("{path}.{}", stringify!($field)), kind: $crate::crdt::ProblemKind::Missing,
                        });
                    } )? )*
                }
                for stamp in self.stamps() {
                    if !$crate::crdt::valid_stamp(stamp) {
                        problems.push($crate::crdt::Problem {
                            path: path.to_owned(), kind: $crate::crdt::ProblemKind::BadStamp,
                        });
                        break;
                    }
                }
                $(
                    if let Some(r) = &self.$field {
                        let check: fn(&$ty) -> Option<$crate::crdt::ProblemKind> = $check;
                        if let Some(kind) = check(&r.value) {
                            problems.push($crate::crdt::Problem {
                                path: format!("{path}.{}.value", stringify!($field)), kind,
                            });
                        }
                    }
                )*
            }

            fn stamps(&self) -> Vec<&$crate::clock::Stamp> {
                let mut out: Vec<&$crate::clock::Stamp> = self.deleted.iter().collect();
                $( if let Some(r) = &self.$field { out.push(&r.stamp); } )*
                out
            }

        }
    };
}

/// Most unknown fields kept on one record.
pub const MAX_EXTRA_FIELDS: usize = 64;

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

/// Latest wall time accepted in a stamp (year 3000), to catch garbage.
pub const MAX_WALL_MS: u64 = 32_503_680_000_000;

/// Whether a stamp is plausible: valid actor and a wall time before year 3000.
#[must_use]
pub fn valid_stamp(s: &Stamp) -> bool {
    s.0 <= MAX_WALL_MS && crate::id::valid_actor(&s.2)
}

/// Records of one kind keyed by id; a JSON array in files, sorted by id.
#[derive(Debug, Clone, PartialEq)]
pub struct Collection<R>(pub BTreeMap<Id, R>);

impl<R: PartialEq> Collection<R> {
    /// Ids whose record is in one of the two collections only, or differs between them, in id
    /// order (one pass over both).
    #[must_use]
    pub fn differing<'a>(&'a self, other: &'a Self) -> Vec<&'a Id> {
        use std::cmp::Ordering;
        let mut out = Vec::new();
        let (mut a, mut b) = (self.0.iter().peekable(), other.0.iter().peekable());
        loop {
            match (a.peek(), b.peek()) {
                (Some((ka, ra)), Some((kb, rb))) => match ka.cmp(kb) {
                    Ordering::Less => {
                        out.push(*ka);
                        a.next();
                    }
                    Ordering::Greater => {
                        out.push(*kb);
                        b.next();
                    }
                    Ordering::Equal => {
                        if ra != rb {
                            out.push(*ka);
                        }
                        a.next();
                        b.next();
                    }
                },
                (Some((k, _)), None) => {
                    out.push(*k);
                    a.next();
                }
                (None, Some((k, _))) => {
                    out.push(*k);
                    b.next();
                }
                (None, None) => return out,
            }
        }
    }
}

impl<R> Default for Collection<R> {
    fn default() -> Self {
        Self(BTreeMap::new())
    }
}

impl<R: Record> Collection<R> {
    /// Live (not erased) records.
    pub fn live(&self) -> impl Iterator<Item = &R> {
        self.0.values().filter(|r| r.deleted().is_none())
    }

    /// A live record by id.
    #[must_use]
    pub fn get(&self, id: &Id) -> Option<&R> {
        self.0.get(id).filter(|r| r.deleted().is_none())
    }
}

impl<R: Serialize> Serialize for Collection<R> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.values())
    }
}

/// Most records of one kind in a file.
pub const MAX_RECORDS: usize = 50_000;

impl<'de, R: Record> Deserialize<'de> for Collection<R> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<R>(std::marker::PhantomData<R>);
        impl<'de, R: Record> Visitor<'de> for V<R> {
            type Value = Collection<R>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "an array of {} records", R::KIND)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut map = BTreeMap::new();
                while let Some(r) = seq.next_element::<R>()? {
                    if map.len() >= MAX_RECORDS {
                        return Err(de::Error::custom(format!(
                            "more than {MAX_RECORDS} records"
                        )));
                    }
                    let id = r.id().clone();
                    if map.insert(id.clone(), r).is_some() {
                        return Err(de::Error::custom(format!("duplicate id {id}")));
                    }
                }
                Ok(Collection(map))
            }
            fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
                Err(de::Error::invalid_type(de::Unexpected::Map, &self))
            }
        }
        d.deserialize_seq(V(std::marker::PhantomData))
    }
}

#[cfg(feature = "schema")]
impl<R: schemars::JsonSchema> schemars::JsonSchema for Collection<R> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("Collection_of_{}", R::schema_name()).into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let item = generator.subschema_for::<R>();
        schemars::json_schema!({
            "type": "array",
            "items": item,
            "description": "Records sorted by id; ids are unique within the file."
        })
    }
}

// ----------------------------------------------------------------------------- checks

/// Checks usable in [`record_kind!`] field declarations. They take `&T` for the field's
/// type `T` (hence `&String`, `&Vec`), to fit `fn(&T) -> Option<ProblemKind>`.
#[allow(clippy::ptr_arg)]
pub mod check {
    use super::ProblemKind;

    /// Any value of the type is fine (enums, booleans: the type is the rule).
    pub fn any<T>(_: &T) -> Option<ProblemKind> {
        None
    }

    /// A text of at most `MAX` characters.
    pub fn text<const MAX: usize>(s: &String) -> Option<ProblemKind> {
        (s.chars().count() > MAX).then_some(ProblemKind::TooLong { max: MAX })
    }

    /// A non-empty (after trimming) text of at most `MAX` characters.
    pub fn required_text<const MAX: usize>(s: &String) -> Option<ProblemKind> {
        if s.trim().is_empty() {
            Some(ProblemKind::Empty)
        } else {
            text::<MAX>(s)
        }
    }

    /// A list of at most `MAX` items.
    pub fn list<T, const MAX: usize>(v: &Vec<T>) -> Option<ProblemKind> {
        (v.len() > MAX).then_some(ProblemKind::TooMany { max: MAX })
    }
}
