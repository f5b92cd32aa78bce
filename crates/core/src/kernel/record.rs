//! Records: the [`Record`] trait and [`record_kind!`](crate::record_kind!), which declares a
//! record kind once — its fields, checks, merge, references, label, trash or immutability,
//! required fields and per-field labels.
use std::collections::BTreeMap;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::kernel::check::Problem;
use crate::kernel::clock::Stamp;
use crate::kernel::command::DomainError;
use crate::kernel::id::Id;
use crate::kernel::reg::FieldConflict;

/// The result of merging one record.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RecordMerge {
    /// Fields whose values differed.
    pub conflicts: Vec<FieldConflict>,
}

/// What a record kind's declaration says about one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldInfo {
    /// The field's name in files and commands.
    pub name: &'static str,
    /// Every live record must have it (set, and not `null`).
    pub required: bool,
    /// The kind whose ids it holds (`refs(inspel)`), checked on import.
    pub refs: Option<&'static str>,
    /// The record's label for reports (`label`).
    pub label: bool,
    /// The trash register (`trash`): undoing a creation sets it.
    pub trash: bool,
    /// The field's name as the app shows it, Swedish and English (`names("rubrik", "title")`).
    pub names: Option<(&'static str, &'static str)>,
}

/// A kind's noun in reports ("2 nya röster"): Swedish singular, plural and whether it is an
/// ett-word; English singular and plural. Declared `noun("röst", "röster", en, "ballot",
/// "ballots")` after the kind's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Noun {
    /// Swedish singular, plural, ett-word.
    pub sv: (&'static str, &'static str, bool),
    /// English singular and plural.
    pub en: (&'static str, &'static str),
}

impl Noun {
    /// The noun of a kind that declares none: "post", "record".
    pub const RECORD: Self = Self {
        sv: ("post", "poster", false),
        en: ("record", "records"),
    };
}

/// A record kind of the document: a struct of optional registers plus a tombstone.
pub trait Record: Clone + PartialEq + Serialize + DeserializeOwned {
    /// The kind's name in files and commands, e.g. `"inspel"`.
    const KIND: &'static str;
    /// Written once, never edited (`immutable`, like ballots): edits are refused, a creation
    /// is not undoable, and creating it again with the same (content-addressed) id is nothing.
    const IMMUTABLE: bool;
    /// The kind's noun in reports.
    const NOUN: Noun;
    /// What the declaration says about each field, in declaration order.
    const FIELD_INFO: &'static [FieldInfo];
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
    /// The value that undoes setting `field` to `value` (for a register its value before, or
    /// its default; for a map field the keys `value` sets, as they were).
    fn before(&self, field: &str, value: &Value) -> Option<Value>;
    /// Sets a field from JSON after checking type and rules.
    ///
    /// # Errors
    /// A [`DomainError`] for an unknown field, a wrong type or a broken rule.
    fn set(&mut self, field: &str, value: Value, at: Stamp) -> Result<(), DomainError>;
    /// A copy of `field`'s register as it is (value and stamp, or never set), for putting it
    /// back with [`Record::put_back`]; `None` for an unknown field.
    fn keep(&self, field: &str) -> Option<Box<dyn std::any::Any>>;
    /// Puts back a register kept by [`Record::keep`] for the same field.
    fn put_back(&mut self, field: &str, kept: Box<dyn std::any::Any>);
    /// Checks every field's rules; pushes problems under `path`.
    fn validate(&self, path: &str, problems: &mut Vec<Problem>);
    /// Every stamp in the record (for clock observation and validation).
    fn stamps(&self) -> Vec<&Stamp>;

    /// The trash field (declared `trash`), if the kind has one.
    #[must_use]
    fn trash() -> Option<&'static str> {
        Self::FIELD_INFO.iter().find(|f| f.trash).map(|f| f.name)
    }
}

/// What the declaration adds for reports and validation: a label and the references.
pub trait RecordInfo: Record {
    /// A short human label (the field declared `label`) for merge reports and previews.
    fn label(&self) -> String;
    /// Ids this record refers to (fields declared `refs(kind)`): `(field, kind, id)`.
    fn references(&self) -> Vec<(&'static str, &'static str, &Id)>;
}

/// A field value that holds ids of other records (a field declared `refs(kind)`).
pub trait Refs {
    /// Pushes every id the value holds.
    fn refs<'a>(&'a self, out: &mut Vec<&'a Id>);
}

impl Refs for Id {
    fn refs<'a>(&'a self, out: &mut Vec<&'a Id>) {
        out.push(self);
    }
}

impl Refs for Vec<Id> {
    fn refs<'a>(&'a self, out: &mut Vec<&'a Id>) {
        out.extend(self.iter());
    }
}

impl Refs for Option<Id> {
    fn refs<'a>(&'a self, out: &mut Vec<&'a Id>) {
        out.extend(self.iter());
    }
}

/// A map keyed by ids refers to its keys (e.g. a round's costs per inspel).
impl<V> Refs for BTreeMap<Id, V> {
    fn refs<'a>(&'a self, out: &mut Vec<&'a Id>) {
        out.extend(self.keys());
    }
}

/// A map field keyed by ids refers to its keys.
impl<V> Refs for crate::kernel::reg::RegMap<Id, V> {
    fn refs<'a>(&'a self, out: &mut Vec<&'a Id>) {
        out.extend(self.0.keys());
    }
}

/// Rules of a record kind that need the whole document `D`: a `guard` run before each of its
/// commands is applied (the round lock, a closed round refusing ballots), and `check_doc`,
/// run by validation after every record's own checks. Both default to nothing; implemented
/// next to the record, in its module.
pub trait Guard<D: crate::kernel::doc::Document>: Record {
    /// Refuses a command (addressed to this kind) that breaks a rule of the document.
    ///
    /// # Errors
    /// The rule broken; the document is then left unchanged.
    fn guard(doc: &D, cmd: &crate::kernel::command::Command<D::Kind>) -> Result<(), DomainError> {
        let _ = (doc, cmd);
        Ok(())
    }

    /// Pushes problems (at most `limit` in all) of rules across records of this kind.
    fn check_doc(doc: &D, problems: &mut Vec<Problem>, limit: usize) {
        let _ = (doc, problems, limit);
    }
}

/// A typed handle of one field of record kind `R` holding `T` (declared `handle(NAME)`:
/// `Inspel::TITLE`), so that callers write commands without naming the field in a string.
/// The string-based [`Command::edit`](crate::kernel::command::Command::edit) keeps working.
pub struct Field<R, T> {
    name: &'static str,
    kind: std::marker::PhantomData<fn() -> (R, T)>,
}

impl<R, T> Clone for Field<R, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R, T> Copy for Field<R, T> {}

impl<R, T> std::fmt::Debug for Field<R, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

impl<R, T> Field<R, T> {
    /// The handle of the field called `name` (written by the declaration).
    #[must_use]
    pub const fn new(name: &'static str) -> Self {
        Self {
            name,
            kind: std::marker::PhantomData,
        }
    }

    /// The field's name in files and commands.
    #[must_use]
    pub const fn name(self) -> &'static str {
        self.name
    }
}

impl<R: Record, T: Serialize> Field<R, T> {
    /// The command setting this field of record `id` to `value`; the document's kind of `R`
    /// is found from the type ([`KindOf`], written by [`document!`](crate::document!)).
    #[must_use]
    pub fn edit<K: KindOf<R>>(self, id: &Id, value: &T) -> crate::kernel::command::Command<K> {
        crate::kernel::command::Command::edit(
            K::KIND_OF,
            id,
            self.name,
            crate::kernel::reg::to_json(value),
        )
    }
}

impl<R: Record, K: std::fmt::Display, V: Serialize> Field<R, crate::kernel::reg::RegMap<K, V>> {
    /// The command setting the given keys of this map field of record `id` (the other keys
    /// stay as they are).
    #[must_use]
    pub fn set<D: KindOf<R>>(
        self,
        id: &Id,
        entries: &[(K, V)],
    ) -> crate::kernel::command::Command<D> {
        let map: serde_json::Map<String, serde_json::Value> = entries
            .iter()
            .map(|(k, v)| (k.to_string(), crate::kernel::reg::to_json(v)))
            .collect();
        crate::kernel::command::Command::edit(
            D::KIND_OF,
            id,
            self.name,
            serde_json::Value::Object(map),
        )
    }
}

/// The kind enum's variant for record type `R` (written by [`document!`](crate::document!)).
pub trait KindOf<R>: Copy {
    /// The variant.
    const KIND_OF: Self;
}

/// Reads one field's register (or map) of a record, refusing a field given twice. Not
/// inlined: one copy per register type, not one per field of every kind (the document's
/// reader was 79 KB of wasm with it inlined).
///
/// # Errors
/// The deserialiser's error, or a duplicate field.
#[inline(never)]
pub fn read_slot<'de, A: serde::de::MapAccess<'de>, S: serde::Deserialize<'de>>(
    map: &mut A,
    slot: &mut Option<S>,
    name: &'static str,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(serde::de::Error::duplicate_field(name));
    }
    *slot = map.next_value()?;
    Ok(())
}

/// What every record holds besides its declared fields, while it is read: id, tombstone and
/// the unknown fields kept from a newer version. One reader for every kind.
#[derive(Default)]
pub struct Common {
    id: Option<Id>,
    deleted: Option<Stamp>,
    extra: BTreeMap<String, Value>,
}

impl Common {
    /// Reads the member `key` that is none of the kind's declared fields.
    ///
    /// # Errors
    /// A member given twice, too many unknown fields, or the deserialiser's error.
    #[inline(never)]
    pub fn read<'de, A: serde::de::MapAccess<'de>>(
        &mut self,
        map: &mut A,
        key: &str,
    ) -> Result<(), A::Error> {
        use serde::de::Error;
        match key {
            "id" => {
                if self.id.is_some() {
                    return Err(A::Error::duplicate_field("id"));
                }
                self.id = Some(map.next_value()?);
            }
            "deleted" => read_slot(map, &mut self.deleted, "deleted")?,
            other => {
                if self.extra.len() >= MAX_EXTRA_FIELDS {
                    return Err(A::Error::custom("too many unknown fields"));
                }
                if self.extra.contains_key(other) {
                    return Err(A::Error::custom(format!("duplicate field `{other}`")));
                }
                let v = map.next_value::<crate::kernel::reg::Unique>()?.0;
                self.extra.insert(other.to_owned(), v);
            }
        }
        Ok(())
    }

    /// The id (required), the tombstone and the unknown fields.
    ///
    /// # Errors
    /// No id.
    #[allow(clippy::type_complexity)]
    pub fn finish<E: serde::de::Error>(
        self,
    ) -> Result<(Id, Option<Stamp>, BTreeMap<String, Value>), E> {
        let id = self.id.ok_or_else(|| E::missing_field("id"))?;
        Ok((id, self.deleted, self.extra))
    }
}

/// Writes one set field of a record (`name: value`). Not inlined: one copy per register type.
///
/// # Errors
/// The serialiser's error.
#[inline(never)]
pub fn write_slot<M: serde::ser::SerializeMap, S: Serialize>(
    map: &mut M,
    name: &'static str,
    slot: &Option<S>,
) -> Result<(), M::Error> {
    match slot {
        Some(v) => map.serialize_entry(name, v),
        None => Ok(()),
    }
}

/// A register's copy (a record's `Clone`). Not inlined: one copy per register type.
#[inline(never)]
#[must_use]
pub fn clone_slot<S: Clone>(slot: &S) -> S {
    slot.clone()
}

/// Whether two registers are equal (a record's `PartialEq`). Not inlined.
#[inline(never)]
#[must_use]
pub fn eq_slot<S: PartialEq>(a: &S, b: &S) -> bool {
    a == b
}

/// A copy of a register for [`Record::keep`]. Not inlined: one copy per register type.
#[inline(never)]
pub fn keep_slot<S: Clone + 'static>(slot: &S) -> Box<dyn std::any::Any> {
    Box::new(slot.clone())
}

/// Puts back a register kept by [`keep_slot`] (nothing if `kept` holds another type).
#[inline(never)]
pub fn put_slot<S: 'static>(slot: &mut S, kept: Box<dyn std::any::Any>) {
    if let Ok(reg) = kept.downcast::<S>() {
        *slot = *reg;
    }
}

/// Most unknown fields kept on one record.
pub const MAX_EXTRA_FIELDS: usize = 64;

/// Declares a record kind: the struct of optional register fields, its manual (fast,
/// unknown-field-keeping) deserialiser, merge, erase, typed getters and field access by name.
///
/// ```text
/// record_kind! {
///     /// docs
///     Name = "kind" [immutable] {
///         /// docs
///         field: Type = check [=> merge] [; flag flag(…) …],
///         cells: map<Key, Value> = check [; flags],
///     }
/// }
/// ```
///
/// Each field names a check `fn(&T) -> Option<ProblemKind>` and, after `=>`, optionally a
/// merge other than the register's own (such as [`merge_set`](crate::kernel::reg::merge_set)).
/// A `map<K, V>` field is a map of registers merged per key (see
/// [`RegMap`](crate::kernel::reg::RegMap)); its check applies to each value. Flags:
/// `required`, `refs(kind)` (holds ids of that kind), `label` (the record's label),
/// `trash` (the undoable removal register), `names("sv", "en")` (the field's name as shown).
/// After the kind's name: `immutable` (see [`Record::IMMUTABLE`]) and `noun(…)` (see
/// [`Noun`]).
#[macro_export]
macro_rules! record_kind {
    // ---- flags
    (@required) => { false };
    (@required required $($r:tt)*) => { true };
    (@required $f:ident ($($a:tt)*) $($r:tt)*) => { $crate::record_kind!(@required $($r)*) };
    (@required $f:ident $($r:tt)*) => { $crate::record_kind!(@required $($r)*) };
    (@trash) => { false };
    (@trash trash $($r:tt)*) => { true };
    (@trash $f:ident ($($a:tt)*) $($r:tt)*) => { $crate::record_kind!(@trash $($r)*) };
    (@trash $f:ident $($r:tt)*) => { $crate::record_kind!(@trash $($r)*) };
    (@label) => { false };
    (@label label $($r:tt)*) => { true };
    (@label $f:ident ($($a:tt)*) $($r:tt)*) => { $crate::record_kind!(@label $($r)*) };
    (@label $f:ident $($r:tt)*) => { $crate::record_kind!(@label $($r)*) };
    (@refs) => { None };
    (@refs refs($k:ident) $($r:tt)*) => { Some(stringify!($k)) };
    (@refs $f:ident ($($a:tt)*) $($r:tt)*) => { $crate::record_kind!(@refs $($r)*) };
    (@refs $f:ident $($r:tt)*) => { $crate::record_kind!(@refs $($r)*) };
    (@names) => { None };
    (@names names($sv:literal, $en:literal) $($r:tt)*) => { Some(($sv, $en)) };
    (@names $f:ident ($($a:tt)*) $($r:tt)*) => { $crate::record_kind!(@names $($r)*) };
    (@names $f:ident $($r:tt)*) => { $crate::record_kind!(@names $($r)*) };
    (@handle $name:ident $field:ident [$slot:ty]) => {};
    (@handle $name:ident $field:ident [$slot:ty] handle($h:ident) $($r:tt)*) => {
        #[doc = concat!("The typed handle of `", stringify!($field), "`.")]
        pub const $h: $crate::kernel::record::Field<$name, <$slot as $crate::kernel::reg::Slot>::Value> =
            $crate::kernel::record::Field::new(stringify!($field));
    };
    (@handle $name:ident $field:ident [$slot:ty] $f:ident ($($a:tt)*) $($r:tt)*) => {
        $crate::record_kind!(@handle $name $field [$slot] $($r)*);
    };
    (@handle $name:ident $field:ident [$slot:ty] $f:ident $($r:tt)*) => {
        $crate::record_kind!(@handle $name $field [$slot] $($r)*);
    };
    (@immutable) => { false };
    (@immutable immutable $($r:tt)*) => { true };
    (@immutable $f:ident ($($a:tt)*) $($r:tt)*) => { $crate::record_kind!(@immutable $($r)*) };
    (@immutable $f:ident $($r:tt)*) => { $crate::record_kind!(@immutable $($r)*) };
    (@noun) => { $crate::kernel::record::Noun::RECORD };
    (@noun noun($one:literal, $many:literal, $ett:ident, $en:literal, $ens:literal) $($r:tt)*) => {
        $crate::kernel::record::Noun {
            sv: ($one, $many, $crate::record_kind!(@ett $ett)),
            en: ($en, $ens),
        }
    };
    (@noun $f:ident ($($a:tt)*) $($r:tt)*) => { $crate::record_kind!(@noun $($r)*) };
    (@noun $f:ident $($r:tt)*) => { $crate::record_kind!(@noun $($r)*) };
    (@ett ett) => { true };
    (@ett en) => { false };
    (@merge $slot:ty;) => { <$slot as $crate::kernel::reg::Slot>::merge };
    (@merge $slot:ty; $merge:expr) => { $merge };

    // ---- fields, normalised to `{ [docs] name [slot type] [check] [merge] [flags] }`
    (@fields $hdr:tt [$($acc:tt)*]) => { $crate::record_kind!(@emit $hdr $($acc)*); };
    (@fields $hdr:tt [$($acc:tt)*]
        $(#[$m:meta])* $f:ident : map<$k:ty, $v:ty> = $check:expr $(=> $merge:expr)?
        $(; $($flag:ident $(($($arg:tt)*))?)+)? $(, $($rest:tt)*)?
    ) => {
        $crate::record_kind!(@fields $hdr [$($acc)* { [$(#[$m])*] $f
            [Option<$crate::kernel::reg::RegMap<$k, $v>>] [$check] [$($merge)?]
            [$($($flag $(($($arg)*))?)+)?] }] $($($rest)*)?);
    };
    (@fields $hdr:tt [$($acc:tt)*]
        $(#[$m:meta])* $f:ident : $ty:ty = $check:expr $(=> $merge:expr)?
        $(; $($flag:ident $(($($arg:tt)*))?)+)? $(, $($rest:tt)*)?
    ) => {
        $crate::record_kind!(@fields $hdr [$($acc)* { [$(#[$m])*] $f
            [Option<$crate::kernel::reg::Reg<$ty>>] [$check] [$($merge)?]
            [$($($flag $(($($arg)*))?)+)?] }] $($($rest)*)?);
    };

    (
        $(#[$meta:meta])*
        $name:ident = $kind:literal $($hflag:ident $(($($harg:tt)*))?)* { $($fields:tt)* }
    ) => {
        $crate::record_kind!(@fields [[$(#[$meta])*] $name $kind [$($hflag $(($($harg)*))?)*]] [] $($fields)*);
    };

    (@emit [[$(#[$meta:meta])*] $name:ident $kind:literal [$($mode:tt)*]]
        $( { [$(#[$fmeta:meta])*] $field:ident [$slot:ty] [$check:expr] [$($merge:expr)?] [$($flags:tt)*] } )*
    ) => {
        $(#[$meta])*
        #[derive(Debug)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        pub struct $name {
            /// Stable id (UUID).
            pub id: $crate::kernel::id::Id,
            /// Set when the record was erased: a permanent tombstone; all fields are gone.
            #[cfg_attr(feature = "schema", serde(default, skip_serializing_if = "Option::is_none"))]
            pub deleted: Option<$crate::kernel::clock::Stamp>,
            $(
                $(#[$fmeta])*
                #[cfg_attr(feature = "schema", serde(default, skip_serializing_if = "Option::is_none"))]
                pub $field: $slot,
            )*
            /// Fields written by a newer version, kept and merged untouched.
            #[cfg_attr(feature = "schema", serde(flatten))]
            #[cfg_attr(feature = "schema", schemars(skip))]
            pub extra: std::collections::BTreeMap<String, serde_json::Value>,
        }

        impl $name {
            $(
                $(#[$fmeta])*
                #[must_use]
                pub fn $field(&self) -> Option<&<$slot as $crate::kernel::reg::Slot>::Value> {
                    $crate::kernel::reg::Slot::value(&self.$field)
                }
            )*

            /// The field names of this kind, in declaration order.
            pub const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];

            $( $crate::record_kind!(@handle $name $field [$slot] $($flags)*); )*
        }

        // Clone and PartialEq by hand: one call per field of a helper that is not inlined
        // (one copy per register type), where `derive` inlines every field of every kind.
        impl Clone for $name {
            fn clone(&self) -> Self {
                Self {
                    id: self.id.clone(),
                    deleted: self.deleted.clone(),
                    $( $field: $crate::kernel::record::clone_slot(&self.$field), )*
                    extra: self.extra.clone(),
                }
            }
        }

        impl PartialEq for $name {
            fn eq(&self, other: &Self) -> bool {
                self.id == other.id
                    && self.deleted == other.deleted
                    $( && $crate::kernel::record::eq_slot(&self.$field, &other.$field) )*
                    && self.extra == other.extra
            }
        }

        // Written by hand (as `derive` would, fields in declaration order, unset ones left
        // out, then the unknown ones) so that each field is one call of `write_slot`.
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap;
                let mut map = s.serialize_map(None)?;
                map.serialize_entry("id", &self.id)?;
                $crate::kernel::record::write_slot(&mut map, "deleted", &self.deleted)?;
                $( $crate::kernel::record::write_slot(&mut map, stringify!($field), &self.$field)?; )*
                for (k, v) in &self.extra {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
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
                        let mut common = $crate::kernel::record::Common::default();
                        $( let mut $field: $slot = None; )*
                        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                            match key.as_ref() {
                                $( stringify!($field) => {
                                    $crate::kernel::record::read_slot(&mut map, &mut $field, stringify!($field))?;
                                } )*
                                other => common.read(&mut map, other)?,
                            }
                        }
                        let (id, deleted, extra) = common.finish()?;
                        Ok($name { id, deleted, $($field,)* extra })
                    }
                }
                d.deserialize_map(V)
            }
        }

        impl $crate::kernel::record::RecordInfo for $name {
            #[allow(unreachable_code)]
            fn label(&self) -> String {
                $( $crate::record_kind!(@return_label self.$field(), $($flags)*); )*
                String::new()
            }

            fn references(&self) -> Vec<(&'static str, &'static str, &$crate::kernel::id::Id)> {
                #[allow(unused_mut)]
                let mut out = Vec::new();
                $( $crate::record_kind!(@push_refs out, $field, self.$field(), $($flags)*); )*
                out
            }
        }

        impl $crate::kernel::record::Record for $name {
            const KIND: &'static str = $kind;
            const IMMUTABLE: bool = $crate::record_kind!(@immutable $($mode)*);
            const NOUN: $crate::kernel::record::Noun = $crate::record_kind!(@noun $($mode)*);
            const FIELD_INFO: &'static [$crate::kernel::record::FieldInfo] = &[$(
                $crate::kernel::record::FieldInfo {
                    name: stringify!($field),
                    required: $crate::record_kind!(@required $($flags)*),
                    refs: $crate::record_kind!(@refs $($flags)*),
                    label: $crate::record_kind!(@label $($flags)*),
                    trash: $crate::record_kind!(@trash $($flags)*),
                    names: $crate::record_kind!(@names $($flags)*),
                },
            )*];

            fn id(&self) -> &$crate::kernel::id::Id {
                &self.id
            }

            fn empty(id: $crate::kernel::id::Id) -> Self {
                Self { id, deleted: None, $($field: None,)* extra: std::collections::BTreeMap::new() }
            }

            fn deleted(&self) -> Option<&$crate::kernel::clock::Stamp> {
                self.deleted.as_ref()
            }

            fn merge(&self, incoming: &Self) -> (Self, $crate::kernel::record::RecordMerge) {
                let mut report = $crate::kernel::record::RecordMerge::default();
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
                    $( $field: $crate::record_kind!(@merge $slot; $($merge)?)(
                        stringify!($field), &self.$field, &incoming.$field, &mut report.conflicts), )*
                    extra: $crate::kernel::reg::merge_extra(&self.extra, &incoming.extra),
                };
                (out, report)
            }

            fn extra(&self) -> &std::collections::BTreeMap<String, serde_json::Value> {
                &self.extra
            }

            fn missing(&self) -> Option<&'static str> {
                $( if $crate::record_kind!(@required $($flags)*) && self.$field.is_none() {
                    return Some(stringify!($field));
                } )*
                None
            }

            fn scrub(&mut self) {
                if let Some(at) = self.deleted.take() {
                    *self = Self::empty(self.id.clone());
                    self.deleted = Some(at);
                }
            }

            fn erase(&mut self, at: $crate::kernel::clock::Stamp) {
                let keep = match self.deleted.take() {
                    Some(old) if old > at => old,
                    _ => at,
                };
                *self = Self::empty(self.id.clone());
                self.deleted = Some(keep);
            }

            fn get(&self, field: &str) -> Option<serde_json::Value> {
                match field {
                    $( stringify!($field) => $crate::kernel::reg::Slot::json(&self.$field), )*
                    _ => None,
                }
            }

            fn default_of(field: &str) -> Option<serde_json::Value> {
                match field {
                    $( stringify!($field) => Some(<$slot as $crate::kernel::reg::Slot>::default_json()), )*
                    _ => None,
                }
            }

            fn before(&self, field: &str, value: &serde_json::Value) -> Option<serde_json::Value> {
                match field {
                    $( stringify!($field) => Some($crate::kernel::reg::Slot::before(&self.$field, value)), )*
                    _ => None,
                }
            }

            fn set(
                &mut self,
                field: &str,
                value: serde_json::Value,
                at: $crate::kernel::clock::Stamp,
            ) -> Result<(), $crate::kernel::command::DomainError> {
                match field {
                    $( stringify!($field) => {
                        let check: fn(&<$slot as $crate::kernel::reg::Slot>::Item)
                            -> Option<$crate::kernel::check::ProblemKind> = $check;
                        $crate::kernel::reg::Slot::set(&mut self.$field, $kind, stringify!($field), &value, at, check)
                    } )*
                    _ => Err($crate::kernel::command::DomainError::UnknownField {
                        kind: $kind, field: field.to_owned(),
                    }),
                }
            }

            fn keep(&self, field: &str) -> Option<Box<dyn std::any::Any>> {
                match field {
                    $( stringify!($field) => Some($crate::kernel::record::keep_slot(&self.$field)), )*
                    _ => None,
                }
            }

            fn put_back(&mut self, field: &str, kept: Box<dyn std::any::Any>) {
                match field {
                    $( stringify!($field) => $crate::kernel::record::put_slot(&mut self.$field, kept), )*
                    _ => {}
                }
            }

            fn validate(&self, path: &str, problems: &mut Vec<$crate::kernel::check::Problem>) {
                if self.deleted.is_some() {
                    // A tombstone holds its id and stamp only: an erased person stays erased.
                    let mut data: Option<&str> = None;
                    $( if data.is_none() && self.$field.is_some() { data = Some(stringify!($field)); } )*
                    if let Some(field) = data.or_else(|| self.extra.keys().next().map(String::as_str)) {
                        problems.push($crate::kernel::check::Problem {
                            path: format!("{path}.{field}"), kind: $crate::kernel::check::ProblemKind::ErasedWithData,
                        });
                    }
                } else {
                    $( if $crate::record_kind!(@required $($flags)*) && self.$field.is_none() {
                        problems.push($crate::kernel::check::Problem {
                            path: format!("{path}.{}", stringify!($field)), kind: $crate::kernel::check::ProblemKind::Missing,
                        });
                    } )*
                }
                for stamp in $crate::kernel::record::Record::stamps(self) {
                    if !$crate::kernel::check::valid_stamp(stamp) {
                        problems.push($crate::kernel::check::Problem {
                            path: path.to_owned(), kind: $crate::kernel::check::ProblemKind::BadStamp,
                        });
                        break;
                    }
                }
                $(
                    let check: fn(&<$slot as $crate::kernel::reg::Slot>::Item)
                        -> Option<$crate::kernel::check::ProblemKind> = $check;
                    $crate::kernel::reg::Slot::check(&self.$field, path, stringify!($field), check, problems);
                )*
            }

            fn stamps(&self) -> Vec<&$crate::kernel::clock::Stamp> {
                let mut out: Vec<&$crate::kernel::clock::Stamp> = self.deleted.iter().collect();
                $( $crate::kernel::reg::Slot::stamps(&self.$field, &mut out); )*
                out
            }
        }
    };

    (@return_label $val:expr, ) => {};
    (@return_label $val:expr, label $($r:tt)*) => {
        return $val.map(ToString::to_string).unwrap_or_default();
    };
    (@return_label $val:expr, $f:ident ($($a:tt)*) $($r:tt)*) => {
        $crate::record_kind!(@return_label $val, $($r)*)
    };
    (@return_label $val:expr, $f:ident $($r:tt)*) => {
        $crate::record_kind!(@return_label $val, $($r)*)
    };
    (@push_refs $out:ident, $field:ident, $val:expr, ) => {};
    (@push_refs $out:ident, $field:ident, $val:expr, refs($k:ident) $($r:tt)*) => {
        if let Some(v) = $val {
            let mut ids = Vec::new();
            $crate::kernel::record::Refs::refs(v, &mut ids);
            $out.extend(ids.into_iter().map(|id| (stringify!($field), stringify!($k), id)));
        }
    };
    (@push_refs $out:ident, $field:ident, $val:expr, $f:ident ($($a:tt)*) $($r:tt)*) => {
        $crate::record_kind!(@push_refs $out, $field, $val, $($r)*)
    };
    (@push_refs $out:ident, $field:ident, $val:expr, $f:ident $($r:tt)*) => {
        $crate::record_kind!(@push_refs $out, $field, $val, $($r)*)
    };
}
