//! The document: the [`Document`] trait the kernel's commands, history and merge work on, the
//! merge report, validation across collections, and [`document!`](crate::document!), which
//! declares a document once — its one record (the workspace's meta) and its collections —
//! and writes everything that lists them: the struct and its deserialiser, the kind enum,
//! merge, counts, the largest stamp, changed records, references, the id check across all
//! collections, the command dispatch and an empty subset.
use std::collections::BTreeSet;

use serde::de::{self, MapAccess};
use serde::{Deserialize, Serialize};

use crate::kernel::check::{Problem, ProblemKind};
use crate::kernel::collection::Collection;
use crate::kernel::command::{Command, DomainError, Stamper};
use crate::kernel::id::Id;
use crate::kernel::record::{Record, RecordInfo};
use crate::kernel::reg::FieldConflict;

/// A document of records, as [`document!`](crate::document!) writes it.
pub trait Document: Clone + PartialEq + Sized {
    /// The record kinds a command can address.
    type Kind: Copy + Eq + std::fmt::Debug + 'static;
    /// Applies one command that is not a batch ([`crate::kernel::command::apply`] runs
    /// batches): the kind's immutability and [`Guard`](crate::kernel::record::Guard), then
    /// the change.
    ///
    /// # Errors
    /// [`DomainError`] when the command breaks a rule; the document is then unchanged.
    fn apply_one(
        &mut self,
        cmd: &Command<Self::Kind>,
        st: &mut Stamper<'_>,
    ) -> Result<Option<Command<Self::Kind>>, DomainError>;
    /// What a command is about to change (see [`crate::kernel::command::keep_record`]).
    fn keep(
        &self,
        kind: Self::Kind,
        id: &Id,
        field: Option<&str>,
    ) -> Option<Box<dyn std::any::Any>>;
    /// Puts back what [`Document::keep`] kept.
    fn put_back(
        &mut self,
        kind: Self::Kind,
        id: &Id,
        field: Option<&str>,
        saved: Box<dyn std::any::Any>,
    );
    /// The join of `self` and `incoming`, with a report from `self`'s side (see [`merge`]).
    fn merge_with(&self, incoming: &Self) -> (Self, MergeReport);
}

/// Merges `incoming` into `local`: the join of both, plus a report from `local`'s side.
///
/// Commutative, associative and idempotent in the document it returns; independent of
/// any clock. Two different workspaces keep the smaller id and combine their records.
#[must_use]
pub fn merge<D: Document>(local: &D, incoming: &D) -> (D, MergeReport) {
    local.merge_with(incoming)
}

/// A record named in a merge report.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct RecordRef {
    /// Record kind, e.g. `inspel`.
    pub kind: &'static str,
    /// Record id.
    pub id: Id,
    /// Title or name at the time of the merge.
    pub label: String,
}

/// A field whose value differed between the two sides of a merge.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overwrite {
    /// The record.
    pub record: RecordRef,
    /// The field and both values.
    #[serde(flatten)]
    pub conflict: FieldConflict,
}

/// What a merge did, seen from the local side.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct MergeReport {
    /// Records that only the incoming side had.
    pub added: Vec<RecordRef>,
    /// Local records whose fields changed.
    pub changed: Vec<RecordRef>,
    /// Local records erased by the incoming side.
    pub deleted: Vec<RecordRef>,
    /// Local values replaced by a different incoming value (offer "restore").
    pub overwritten: Vec<Overwrite>,
    /// Incoming values that lost to a different local value.
    pub kept_local: Vec<Overwrite>,
    /// The two sides were different workspaces (their records were combined).
    pub other_workspace: bool,
}

impl MergeReport {
    /// Whether the merge changed nothing locally.
    #[must_use]
    pub fn is_noop(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.deleted.is_empty()
    }
}

pub fn record_ref<R: RecordInfo>(r: &R) -> RecordRef {
    RecordRef {
        kind: R::KIND,
        id: r.id().clone(),
        label: r.label(),
    }
}

pub fn merge_one<R: RecordInfo>(local: &R, incoming: &R, report: &mut MergeReport) -> R {
    let (merged, m) = local.merge(incoming);
    if merged != *local {
        let who = record_ref(local);
        if local.deleted().is_none() && merged.deleted().is_some() {
            report.deleted.push(who);
        } else {
            report.changed.push(who);
        }
    }
    for conflict in m.conflicts {
        let entry = Overwrite {
            record: record_ref(local),
            conflict,
        };
        if entry.conflict.incoming_won {
            report.overwritten.push(entry);
        } else {
            report.kept_local.push(entry);
        }
    }
    merged
}

pub fn merge_collection<R: RecordInfo>(
    local: &Collection<R>,
    incoming: &Collection<R>,
    report: &mut MergeReport,
) -> Collection<R> {
    use std::collections::btree_map::Entry;
    // The local records as they are, then each incoming one looked up once.
    let mut out = local.0.clone();
    for (id, b) in &incoming.0 {
        match out.entry(id.clone()) {
            Entry::Vacant(slot) => {
                if b.deleted().is_none() {
                    report.added.push(record_ref(b));
                }
                slot.insert(b.clone());
            }
            Entry::Occupied(mut slot) => {
                if slot.get() != b {
                    let merged = merge_one(slot.get(), b, report);
                    slot.insert(merged);
                }
            }
        }
    }
    // An erased record keeps its id and tombstone only, whatever either side held with it.
    for r in out.values_mut() {
        r.scrub();
    }
    Collection(out)
}

/// Every record kind with its fields, for telling a record of one kind in another's
/// collection: `(kind, fields)`.
pub type KindFields = [(&'static str, &'static [&'static str])];

/// An unknown field named like a field of another kind means a record of that kind was put in
/// this collection (unknown fields from a newer version are kept, but never under another kind's
/// field names).
pub fn other_kinds_fields<R: Record>(
    r: &R,
    path: &str,
    kinds: &KindFields,
    problems: &mut Vec<Problem>,
) {
    for key in r.extra().keys() {
        if let Some((kind, _)) = kinds
            .iter()
            .find(|(k, fields)| *k != R::KIND && fields.contains(&key.as_str()))
        {
            problems.push(Problem {
                path: format!("{path}.{key}"),
                kind: ProblemKind::OtherKind { kind },
            });
            return;
        }
    }
}

/// The ids of one collection, in id order.
pub type Keys<'a> = Box<dyn Iterator<Item = &'a Id> + 'a>;

/// The ids found in more than one of the lists (each in id order): ids are unique across
/// kinds. Each pair of lists is walked at once, so usually no id is looked up.
#[must_use]
pub fn repeated_ids<'a>(lists: &[&dyn Fn() -> Keys<'a>]) -> BTreeSet<&'a Id> {
    let mut repeated: BTreeSet<&Id> = BTreeSet::new();
    for i in 0..lists.len() {
        for j in i + 1..lists.len() {
            let (mut a, mut b) = (lists[i](), lists[j]());
            let (mut x, mut y) = (a.next(), b.next());
            while let (Some(p), Some(q)) = (x, y) {
                match p.cmp(q) {
                    std::cmp::Ordering::Less => x = a.next(),
                    std::cmp::Ordering::Greater => y = b.next(),
                    std::cmp::Ordering::Equal => {
                        repeated.insert(p);
                        (x, y) = (a.next(), b.next());
                    }
                }
            }
        }
    }
    repeated
}

/// Where validation stands while it walks the collections.
pub struct Walk<'a, 'k> {
    /// Ids in more than one collection ([`repeated_ids`]).
    pub repeated: BTreeSet<&'a Id>,
    /// Repeated ids met so far.
    pub seen: BTreeSet<&'a Id>,
    /// Every kind with its fields ([`other_kinds_fields`]).
    pub kinds: &'k KindFields,
    /// Whether a record of `kind` with this id exists.
    pub resolves: &'k dyn Fn(&str, &Id) -> bool,
    /// Most problems reported.
    pub limit: usize,
}

/// Validates one collection called `name`: every record's own checks, repeated ids, other
/// kinds' fields, references that do not resolve.
pub fn validate_collection<'a, R: RecordInfo>(
    name: &str,
    c: &'a Collection<R>,
    walk: &mut Walk<'a, '_>,
    problems: &mut Vec<Problem>,
) {
    use std::fmt::Write as _;
    let mut path = String::new();
    for (i, r) in c.0.values().enumerate() {
        if problems.len() >= walk.limit {
            return;
        }
        path.clear();
        let _ = write!(path, "workspace.{name}[{i}]");
        // Every occurrence of a repeated id after its first is a problem.
        if walk.repeated.contains(r.id()) && !walk.seen.insert(r.id()) {
            problems.push(Problem {
                path: format!("{path}.id"),
                kind: ProblemKind::DuplicateId {
                    id: r.id().to_string(),
                },
            });
        }
        r.validate(&path, problems);
        other_kinds_fields(r, &path, walk.kinds, problems);
        for (field, kind, target) in r.references() {
            if !(walk.resolves)(kind, target) {
                problems.push(Problem {
                    path: format!("{path}.{field}.value"),
                    kind: ProblemKind::Dangling {
                        id: target.to_string(),
                    },
                });
            }
        }
    }
}

/// Live and erased records of a collection.
#[must_use]
pub fn count<R: Record>(c: &Collection<R>) -> (usize, usize) {
    let erased = c.0.values().filter(|r| r.deleted().is_some()).count();
    (c.0.len() - erased, erased)
}

/// Reads a document member, refusing one given twice (as in the envelope and in records:
/// the last one silently winning would hide data).
///
/// # Errors
/// The deserialiser's error, or a duplicate field.
pub fn once_field<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
    name: &'static str,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(de::Error::duplicate_field(name));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

/// Declares a document once: its name and kind enum, its one record (the workspace's meta,
/// whose id is the document's) and its collections, each `name: RecordType` (`always`: written
/// even when empty; others are left out of a file when empty). Writes the struct, its
/// deserialiser (a member given twice refused, unknown collections kept), the kind enum
/// (named after the record types; in files the record's `KIND`), [`Document`] (merge and the
/// command dispatch with each kind's [`Guard`](crate::kernel::record::Guard)), validation
/// (one id check across every collection, references, each kind's `check_doc`), counts, the
/// largest stamp, changed records and [`empty_subset`](#method.empty_subset).
///
/// ```text
/// document! {
///     /// docs
///     Doc, Kind {
///         /// docs
///         meta: Meta;
///         /// docs
///         inspel: Inspel always,
///         rounds: Round,
///     }
/// }
/// ```
///
/// A new collection is one line here and its record's file.
#[macro_export]
macro_rules! document {
    (
        $(#[$dm:meta])*
        $doc:ident, $kind:ident {
            $(#[$mm:meta])*
            $meta:ident : $mty:ident;
            $( $(#[$cm:meta])* $f:ident : $ty:ident $($always:ident)? ),* $(,)?
        }
    ) => {
        $crate::document!(@struct [$(#[$dm])*] $doc [$(#[$mm])*] $meta $mty []
            $( { [$(#[$cm])*] $f $ty $($always)? } )*);
        $crate::document!(@rest $doc $kind $meta $mty $( $f $ty [$($always)?] )*);
    };

    (@struct [$(#[$dm:meta])*] $doc:ident [$(#[$mm:meta])*] $meta:ident $mty:ident [$($done:tt)*]) => {
        $(#[$dm])*
        #[derive(Debug, Clone, PartialEq, serde::Serialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        pub struct $doc {
            #[doc = concat!("The workspace's id (UUID); also the id of its [`", stringify!($mty), "`] record.")]
            pub id: $crate::kernel::id::Id,
            $(#[$mm])*
            pub $meta: $mty,
            $($done)*
            /// Collections written by a newer version, kept and merged untouched.
            #[serde(flatten)]
            #[cfg_attr(feature = "schema", schemars(skip))]
            pub extra: std::collections::BTreeMap<String, serde_json::Value>,
        }
    };
    (@struct $dm:tt $doc:ident $mm:tt $meta:ident $mty:ident [$($done:tt)*]
        { [$(#[$cm:meta])*] $f:ident $ty:ident always } $($rest:tt)*) => {
        $crate::document!(@struct $dm $doc $mm $meta $mty [$($done)*
            $(#[$cm])*
            pub $f: $crate::kernel::collection::Collection<$ty>,
        ] $($rest)*);
    };
    (@struct $dm:tt $doc:ident $mm:tt $meta:ident $mty:ident [$($done:tt)*]
        { [$(#[$cm:meta])*] $f:ident $ty:ident } $($rest:tt)*) => {
        $crate::document!(@struct $dm $doc $mm $meta $mty [$($done)*
            $(#[$cm])*
            #[serde(default, skip_serializing_if = "vagval_core::kernel::collection::Collection::is_empty")]
            pub $f: $crate::kernel::collection::Collection<$ty>,
        ] $($rest)*);
    };

    (@rest $doc:ident $kind:ident $meta:ident $mty:ident $( $f:ident $ty:ident [$($always:ident)?] )*) => {
        /// The autosave's kept pieces, one slot per collection (see
        /// [`pieces`](crate::kernel::pieces)).
        #[derive(Debug)]
        pub struct Pieces<P> {
            $( $f: $crate::kernel::pieces::Slot<P>, )*
        }

        impl<P> Default for Pieces<P> {
            fn default() -> Self {
                Self { $( $f: $crate::kernel::pieces::Slot::default(), )* }
            }
        }

        impl $doc {
            /// Brings `cache` up to date with this document, record by record from `cursor` on,
            /// writing only records that changed since their piece was made. `false` if `stop`
            /// asked to stop first (`cursor` then says where to go on).
            pub fn refresh_pieces<P>(
                &self,
                cache: &mut Pieces<P>,
                cursor: &mut $crate::kernel::pieces::Cursor,
                make: &mut $crate::kernel::pieces::Make<'_, P>,
                stop: &mut $crate::kernel::pieces::Stop<'_>,
            ) -> bool {
                let mut index = 0usize;
                $(
                    if cursor.collection == index {
                        match cache.$f.refresh(&self.$f, cursor.after.as_ref(), make, stop) {
                            Some(id) => {
                                cursor.after = Some(id);
                                return false;
                            }
                            None => {
                                cursor.collection += 1;
                                cursor.after = None;
                            }
                        }
                    }
                    index += 1;
                )*
                let _ = index;
                true
            }

            /// The document's compact JSON as parts, from pieces refreshed against this very
            /// document ([`Self::refresh_pieces`] complete, no change since); `None` if one is
            /// missing. Joined, the parts are `serde_json::to_string(self)`.
            #[must_use]
            pub fn pieces<P>(&self, cache: &Pieces<P>) -> Option<Vec<$crate::kernel::pieces::Part<P>>> {
                use $crate::kernel::pieces::{Part, push_json};
                let mut parts = Vec::new();
                let mut text = String::from("{\"id\":");
                push_json(&mut text, &self.id);
                text.push_str(concat!(",\"", stringify!($meta), "\":"));
                push_json(&mut text, &self.$meta);
                parts.push(Part::Text(text));
                $(
                    let always = !<[&str]>::is_empty(&[$(stringify!($always))?]);
                    if always || !self.$f.is_empty() {
                        cache.$f.push_parts(stringify!($f), &self.$f, &mut parts)?;
                    }
                )*
                let mut text = String::new();
                for (key, value) in &self.extra {
                    text.push(',');
                    push_json(&mut text, key);
                    text.push(':');
                    push_json(&mut text, value);
                }
                text.push('}');
                parts.push(Part::Text(text));
                Some(parts)
            }
        }

        impl<'de> serde::Deserialize<'de> for $doc {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl<'de> serde::de::Visitor<'de> for V {
                    type Value = $doc;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str("a Vägval workspace object")
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<$doc, A::Error> {
                        use $crate::kernel::doc::once_field as once;
                        let mut id = None;
                        let mut $meta = None;
                        $( let mut $f = None; )*
                        let mut extra = std::collections::BTreeMap::new();
                        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                            match key.as_ref() {
                                "id" => once(&mut map, &mut id, "id")?,
                                stringify!($meta) => once(&mut map, &mut $meta, stringify!($meta))?,
                                $( stringify!($f) => once(&mut map, &mut $f, stringify!($f))?, )*
                                other => {
                                    let other = other.to_owned();
                                    if extra.len() >= $crate::kernel::record::MAX_EXTRA_FIELDS {
                                        return Err(serde::de::Error::custom("too many unknown collections"));
                                    }
                                    if extra.contains_key(&other) {
                                        return Err(serde::de::Error::custom(format!(
                                            "duplicate field `{other}`"
                                        )));
                                    }
                                    let v = map.next_value::<$crate::kernel::reg::Unique>()?.0;
                                    extra.insert(other, v);
                                }
                            }
                        }
                        Ok($doc {
                            id: id.ok_or_else(|| serde::de::Error::missing_field("id"))?,
                            $meta: $meta.ok_or_else(|| serde::de::Error::missing_field(stringify!($meta)))?,
                            $( $f: $f.unwrap_or_default(), )*
                            extra,
                        })
                    }
                }
                d.deserialize_map(V)
            }
        }

        /// The record kinds a command can address.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $kind {
            #[doc = concat!("The document's own record (`", stringify!($meta), "`; id = the document's id).")]
            $mty,
            $(
                #[doc = concat!("A record of `", stringify!($f), "`.")]
                $ty,
            )*
        }

        impl $kind {
            /// Every kind, the document's own record first, then the collections in order.
            pub const ALL: &'static [$kind] = &[$kind::$mty, $($kind::$ty),*];

            /// The kind's name in files.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self {
                    $kind::$mty => <$mty as $crate::kernel::record::Record>::KIND,
                    $( $kind::$ty => <$ty as $crate::kernel::record::Record>::KIND, )*
                }
            }

            /// The kind with this name in files.
            #[must_use]
            pub fn parse(name: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|k| k.as_str() == name)
            }

            /// The kind's noun in reports.
            #[must_use]
            pub const fn noun(self) -> $crate::kernel::record::Noun {
                match self {
                    $kind::$mty => <$mty as $crate::kernel::record::Record>::NOUN,
                    $( $kind::$ty => <$ty as $crate::kernel::record::Record>::NOUN, )*
                }
            }

            /// What the kind's declaration says about each of its fields.
            #[must_use]
            pub const fn fields(self) -> &'static [$crate::kernel::record::FieldInfo] {
                match self {
                    $kind::$mty => <$mty as $crate::kernel::record::Record>::FIELD_INFO,
                    $( $kind::$ty => <$ty as $crate::kernel::record::Record>::FIELD_INFO, )*
                }
            }
        }

        impl $crate::kernel::record::KindOf<$mty> for $kind {
            const KIND_OF: Self = $kind::$mty;
        }
        $( impl $crate::kernel::record::KindOf<$ty> for $kind {
            const KIND_OF: Self = $kind::$ty;
        } )*

        impl serde::Serialize for $kind {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $kind {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let name = String::deserialize(d)?;
                Self::parse(&name).ok_or_else(|| {
                    serde::de::Error::custom(format!("unknown record kind `{name}`"))
                })
            }
        }

        impl $crate::kernel::doc::Document for $doc {
            type Kind = $kind;

            fn apply_one(
                &mut self,
                cmd: &$crate::kernel::command::Command<$kind>,
                st: &mut $crate::kernel::command::Stamper<'_>,
            ) -> Result<Option<$crate::kernel::command::Command<$kind>>, $crate::kernel::command::DomainError> {
                use $crate::kernel::command::{Command, in_collection, in_singleton, immutable_rules};
                use $crate::kernel::record::Guard;
                let kind = match cmd {
                    Command::Batch { .. } => return $crate::kernel::command::apply(self, cmd, st),
                    Command::Create { kind, .. } | Command::Edit { kind, .. } | Command::Erase { kind, .. } => *kind,
                };
                match kind {
                    $kind::$mty => {
                        <$mty as Guard<Self>>::guard(self, cmd)?;
                        let id = self.id.clone();
                        in_singleton(&mut self.$meta, &id, kind, cmd, st)
                    }
                    $( $kind::$ty => {
                        if let Some(done) = immutable_rules(&self.$f, cmd)? {
                            return Ok(done);
                        }
                        <$ty as Guard<Self>>::guard(self, cmd)?;
                        in_collection(&mut self.$f, kind, cmd, st)
                    } )*
                }
            }

            fn keep(
                &self,
                kind: $kind,
                id: &$crate::kernel::id::Id,
                field: Option<&str>,
            ) -> Option<Box<dyn std::any::Any>> {
                use $crate::kernel::command::keep_record;
                match kind {
                    $kind::$mty => keep_record(Some(&self.$meta), field),
                    $( $kind::$ty => keep_record(self.$f.0.get(id), field), )*
                }
            }

            fn put_back(
                &mut self,
                kind: $kind,
                id: &$crate::kernel::id::Id,
                field: Option<&str>,
                saved: Box<dyn std::any::Any>,
            ) {
                use $crate::kernel::command::{put_back_record, put_back_singleton};
                let _ = id;
                match kind {
                    $kind::$mty => put_back_singleton(&mut self.$meta, field, saved),
                    $( $kind::$ty => put_back_record(&mut self.$f, id, field, saved), )*
                }
            }

            fn merge_with(&self, incoming: &Self) -> (Self, $crate::kernel::doc::MergeReport) {
                use $crate::kernel::doc::{merge_collection, merge_one, MergeReport};
                let mut report = MergeReport {
                    other_workspace: self.id != incoming.id,
                    ..MergeReport::default()
                };
                let id = std::cmp::min(&self.id, &incoming.id).clone();
                let mut $meta = merge_one(&self.$meta, &incoming.$meta, &mut report);
                $meta.id = id.clone();
                let doc = Self {
                    id,
                    $meta,
                    $( $f: merge_collection(&self.$f, &incoming.$f, &mut report), )*
                    extra: $crate::kernel::reg::merge_extra(&self.extra, &incoming.extra),
                };
                (doc, report)
            }
        }

        impl $doc {
            /// Every record kind with its fields, the collections first (for telling a
            /// record of one kind in another's collection).
            pub const KINDS: &'static $crate::kernel::doc::KindFields = &[
                $( (<$ty as $crate::kernel::record::Record>::KIND, <$ty>::FIELDS), )*
                (<$mty as $crate::kernel::record::Record>::KIND, <$mty>::FIELDS),
            ];

            /// The same document's frame with no records but its own: its id and its meta,
            /// every collection empty (for a subset such as a tablet's ballot file).
            #[must_use]
            pub fn empty_subset(&self) -> Self {
                Self::from_meta(self.id.clone(), self.$meta.clone())
            }

            /// A document of its own record only, every collection empty.
            #[must_use]
            pub fn from_meta(id: $crate::kernel::id::Id, $meta: $mty) -> Self {
                Self {
                    id,
                    $meta,
                    $( $f: $crate::kernel::collection::Collection::default(), )*
                    extra: std::collections::BTreeMap::new(),
                }
            }

            /// The records that differ between `self` and `other` (in one only, or not equal), with
            /// their kinds — what a whole-document replacement (a merge, a restore) changed, for views
            /// that follow changes record by record. `None` for two different workspaces.
            #[must_use]
            pub fn changed_records(&self, other: &Self) -> Option<Vec<($kind, $crate::kernel::id::Id)>> {
                if self.id != other.id {
                    return None;
                }
                let mut out = Vec::new();
                if self.$meta != other.$meta {
                    out.push(($kind::$mty, self.id.clone()));
                }
                $( out.extend(self.$f.differing(&other.$f).into_iter().map(|id| ($kind::$ty, id.clone()))); )*
                Some(out)
            }

            /// The largest stamp anywhere in the document (to advance the local clock).
            #[must_use]
            pub fn max_stamp(&self) -> Option<&$crate::kernel::clock::Stamp> {
                use $crate::kernel::record::Record;
                let best = self.$meta.stamps().into_iter().max();
                $( let best = best.max(self.$f.0.values().flat_map(Record::stamps).max()); )*
                best
            }

            /// Number of records per kind, live and erased.
            #[must_use]
            pub fn counts(&self) -> std::collections::BTreeMap<&'static str, (usize, usize)> {
                #[allow(unused_mut)]
                let mut out = std::collections::BTreeMap::new();
                $( out.insert(<$ty as $crate::kernel::record::Record>::KIND, $crate::kernel::doc::count(&self.$f)); )*
                out
            }

            /// Whether a record of `kind` (its name in files) with this id exists (live or erased).
            #[must_use]
            pub fn resolves(&self, kind: &str, id: &$crate::kernel::id::Id) -> bool {
                $( if kind == <$ty as $crate::kernel::record::Record>::KIND {
                    return self.$f.0.contains_key(id);
                } )*
                false
            }

            /// Copies from `from` every record that a record of `self` refers to and `self`
            /// lacks, and what those refer to in turn, so a subset (a tablet's ballot file)
            /// reads back: its references resolve. A reference `from` cannot resolve either
            /// stays as it is.
            pub fn close_references(&mut self, from: &Self) {
                use $crate::kernel::record::{Record, RecordInfo};
                loop {
                    let mut missing: Vec<(&'static str, $crate::kernel::id::Id)> = Vec::new();
                    $( for r in self.$f.0.values() {
                        for (_, kind, target) in r.references() {
                            if !self.resolves(kind, target) && from.resolves(kind, target) {
                                missing.push((kind, target.clone()));
                            }
                        }
                    } )*
                    if missing.is_empty() {
                        return;
                    }
                    for (kind, id) in missing {
                        $( if kind == <$ty as Record>::KIND {
                            if let Some(r) = from.$f.0.get(&id) {
                                self.$f.0.insert(id.clone(), r.clone());
                            }
                        } )*
                    }
                }
            }

            /// The id of the `index`-th record (in id order) of the collection called `name`.
            #[must_use]
            pub fn record_id(&self, name: &str, index: usize) -> Option<&$crate::kernel::id::Id> {
                match name {
                    $( stringify!($f) => self.$f.0.keys().nth(index), )*
                    _ => None,
                }
            }

            /// Semantic validation: rules per field, stamps, ids unique across kinds,
            /// references resolve, each kind's rules across records. Returns every problem
            /// found (at most `limit`).
            #[must_use]
            pub fn validate<'v>(&'v self, limit: usize) -> Vec<$crate::kernel::check::Problem> {
                use $crate::kernel::check::{Problem, ProblemKind};
                use $crate::kernel::doc::{Keys, Walk, other_kinds_fields, repeated_ids, validate_collection};
                use $crate::kernel::record::{Guard, Record};
                let mut problems = Vec::new();
                let meta_path = concat!("workspace.", stringify!($meta));
                if self.$meta.id != self.id {
                    problems.push(Problem {
                        path: format!("{meta_path}.id"),
                        kind: ProblemKind::Dangling {
                            id: self.$meta.id.to_string(),
                        },
                    });
                }
                self.$meta.validate(meta_path, &mut problems);
                other_kinds_fields(&self.$meta, meta_path, Self::KINDS, &mut problems);
                // Ids are unique across kinds (and within one, as map keys).
                let this = self;
                let lists: &[&dyn Fn() -> Keys<'v>] = &[
                    &move || -> Keys<'v> { Box::new(std::iter::once(&this.id)) },
                    $( &move || -> Keys<'v> { Box::new(this.$f.0.keys()) }, )*
                ];
                let resolves = |kind: &str, id: &$crate::kernel::id::Id| self.resolves(kind, id);
                let mut walk = Walk {
                    repeated: repeated_ids(lists),
                    seen: std::collections::BTreeSet::new(),
                    kinds: Self::KINDS,
                    resolves: &resolves,
                    limit,
                };
                walk.seen.insert(&self.id);
                $( validate_collection(stringify!($f), &self.$f, &mut walk, &mut problems); )*
                <$mty as Guard<Self>>::check_doc(self, &mut problems, limit);
                $( <$ty as Guard<Self>>::check_doc(self, &mut problems, limit); )*
                problems.truncate(limit);
                problems
            }
        }
    };
}
