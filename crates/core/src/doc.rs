//! The workspace document and its merge.
use std::collections::{BTreeMap, BTreeSet};

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use crate::clock::Stamp;
use crate::crdt::{
    Collection, FieldConflict, Problem, ProblemKind, Record, RecordInfo, merge_extra,
};
use crate::id::Id;
use crate::model::{Agenda, Inspel, Meta};
use crate::round::{Ballot, Round};

/// A whole workspace: the records of every module.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Doc {
    /// The workspace's id (UUID); also the id of its [`Meta`] record.
    pub id: Id,
    /// Name, organisation, description.
    pub meta: Meta,
    /// Inspel (inputs) for the påverkansagenda.
    pub inspel: Collection<Inspel>,
    /// Voting rounds.
    #[serde(default, skip_serializing_if = "collection_is_empty")]
    pub rounds: Collection<Round>,
    /// Ballots of every round (immutable, content-addressed).
    #[serde(default, skip_serializing_if = "collection_is_empty")]
    pub ballots: Collection<Ballot>,
    /// Points of the påverkansagenda.
    #[serde(default, skip_serializing_if = "collection_is_empty")]
    pub agenda: Collection<Agenda>,
    /// Collections written by a newer version, kept and merged untouched.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: BTreeMap<String, Value>,
}

fn collection_is_empty<R>(c: &Collection<R>) -> bool {
    c.0.is_empty()
}

impl<'de> Deserialize<'de> for Doc {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Doc;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a Vägval workspace object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Doc, A::Error> {
                let (mut id, mut meta, mut inspel, mut rounds, mut ballots, mut agenda) =
                    (None, None, None, None, None, None);
                let mut extra = BTreeMap::new();
                // A member given twice is refused, as in the envelope and in records: the
                // last one silently winning would hide data.
                fn once<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
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
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    match key.as_ref() {
                        "id" => once(&mut map, &mut id, "id")?,
                        "meta" => once(&mut map, &mut meta, "meta")?,
                        "inspel" => once(&mut map, &mut inspel, "inspel")?,
                        "rounds" => once(&mut map, &mut rounds, "rounds")?,
                        "ballots" => once(&mut map, &mut ballots, "ballots")?,
                        "agenda" => once(&mut map, &mut agenda, "agenda")?,
                        other => {
                            let other = other.to_owned();
                            if extra.len() >= crate::crdt::MAX_EXTRA_FIELDS {
                                return Err(de::Error::custom("too many unknown collections"));
                            }
                            if extra.contains_key(&other) {
                                return Err(de::Error::custom(format!(
                                    "duplicate field `{other}`"
                                )));
                            }
                            let v = map.next_value::<crate::crdt::Unique>()?.0;
                            extra.insert(other, v);
                        }
                    }
                }
                Ok(Doc {
                    id: id.ok_or_else(|| de::Error::missing_field("id"))?,
                    meta: meta.ok_or_else(|| de::Error::missing_field("meta"))?,
                    inspel: inspel.unwrap_or_default(),
                    rounds: rounds.unwrap_or_default(),
                    ballots: ballots.unwrap_or_default(),
                    agenda: agenda.unwrap_or_default(),
                    extra,
                })
            }
        }
        d.deserialize_map(V)
    }
}

/// Every record kind with its fields, for telling a record of one kind in another's collection.
const KINDS: [(&str, &[&str]); 5] = [
    (Inspel::KIND, Inspel::FIELDS),
    (Round::KIND, Round::FIELDS),
    (Ballot::KIND, Ballot::FIELDS),
    (Agenda::KIND, Agenda::FIELDS),
    (Meta::KIND, Meta::FIELDS),
];

/// An unknown field named like a field of another kind means a record of that kind was put in
/// this collection (unknown fields from a newer version are kept, but never under another kind's
/// field names).
fn other_kinds_fields<R: Record>(r: &R, path: &str, problems: &mut Vec<Problem>) {
    for key in r.extra().keys() {
        if let Some((kind, _)) = KINDS
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

fn record_ref<R: RecordInfo>(r: &R) -> RecordRef {
    RecordRef {
        kind: R::KIND,
        id: r.id().clone(),
        label: r.label(),
    }
}

fn merge_one<R: RecordInfo>(local: &R, incoming: &R, report: &mut MergeReport) -> R {
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

fn merge_collection<R: RecordInfo>(
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

/// Merges `incoming` into `local`: the join of both, plus a report from `local`'s side.
///
/// Commutative, associative and idempotent in the document it returns; independent of
/// any clock. Two different workspaces keep the smaller id and combine their records.
#[must_use]
pub fn merge(local: &Doc, incoming: &Doc) -> (Doc, MergeReport) {
    let mut report = MergeReport {
        other_workspace: local.id != incoming.id,
        ..MergeReport::default()
    };
    let id = std::cmp::min(&local.id, &incoming.id).clone();
    let mut meta = merge_one(&local.meta, &incoming.meta, &mut report);
    meta.id = id.clone();
    let doc = Doc {
        id,
        meta,
        inspel: merge_collection(&local.inspel, &incoming.inspel, &mut report),
        rounds: merge_collection(&local.rounds, &incoming.rounds, &mut report),
        ballots: merge_collection(&local.ballots, &incoming.ballots, &mut report),
        agenda: merge_collection(&local.agenda, &incoming.agenda, &mut report),
        extra: merge_extra(&local.extra, &incoming.extra),
    };
    (doc, report)
}

impl Doc {
    /// The records that differ between `self` and `other` (in one only, or not equal), with
    /// their kinds — what a whole-document replacement (a merge, a restore) changed, for views
    /// that follow changes record by record. `None` for two different workspaces.
    #[must_use]
    pub fn changed_records(&self, other: &Doc) -> Option<Vec<(crate::command::Kind, Id)>> {
        use crate::command::Kind;
        if self.id != other.id {
            return None;
        }
        let mut out = Vec::new();
        if self.meta != other.meta {
            out.push((Kind::Meta, self.id.clone()));
        }
        let mut add =
            |kind: Kind, ids: Vec<&Id>| out.extend(ids.into_iter().map(|id| (kind, id.clone())));
        add(Kind::Inspel, self.inspel.differing(&other.inspel));
        add(Kind::Round, self.rounds.differing(&other.rounds));
        add(Kind::Ballot, self.ballots.differing(&other.ballots));
        add(Kind::Agenda, self.agenda.differing(&other.agenda));
        Some(out)
    }

    /// An empty workspace with its name set at `at`.
    #[must_use]
    pub fn new(id: Id, name: &str, at: Stamp) -> Self {
        let mut meta = Meta::empty(id.clone());
        meta.name = Some(crate::crdt::Reg {
            value: name.to_owned(),
            stamp: at,
        });
        Self {
            id,
            meta,
            inspel: Collection::default(),
            rounds: Collection::default(),
            ballots: Collection::default(),
            agenda: Collection::default(),
            extra: BTreeMap::new(),
        }
    }

    /// The workspace name ("" if never set).
    #[must_use]
    pub fn name(&self) -> &str {
        self.meta.name().map_or("", String::as_str)
    }

    /// An inspel's title ("" if unknown or never set).
    #[must_use]
    pub fn inspel_title(&self, id: &Id) -> String {
        self.inspel
            .0
            .get(id)
            .and_then(|i| i.title().cloned())
            .unwrap_or_default()
    }

    /// The largest stamp anywhere in the document (to advance the local clock).
    #[must_use]
    pub fn max_stamp(&self) -> Option<&Stamp> {
        let meta = self.meta.stamps().into_iter();
        let inspel = self.inspel.0.values().flat_map(Record::stamps);
        let rounds = self.rounds.0.values().flat_map(Record::stamps);
        let ballots = self.ballots.0.values().flat_map(Record::stamps);
        let agenda = self.agenda.0.values().flat_map(Record::stamps);
        meta.chain(inspel)
            .chain(rounds)
            .chain(ballots)
            .chain(agenda)
            .max()
    }

    /// Number of records per kind, live and erased.
    #[must_use]
    pub fn counts(&self) -> BTreeMap<&'static str, (usize, usize)> {
        let mut out = BTreeMap::new();
        fn count<R: Record>(c: &Collection<R>) -> (usize, usize) {
            let erased = c.0.values().filter(|r| r.deleted().is_some()).count();
            (c.0.len() - erased, erased)
        }
        out.insert(Inspel::KIND, count(&self.inspel));
        out.insert(Round::KIND, count(&self.rounds));
        out.insert(Ballot::KIND, count(&self.ballots));
        out.insert(Agenda::KIND, count(&self.agenda));
        out
    }

    fn resolves(&self, kind: &str, id: &Id) -> bool {
        match kind {
            "inspel" => self.inspel.0.contains_key(id),
            "round" => self.rounds.0.contains_key(id),
            "ballot" => self.ballots.0.contains_key(id),
            "agenda" => self.agenda.0.contains_key(id),
            _ => false,
        }
    }

    fn validate_collection<'a, R: RecordInfo>(
        &'a self,
        name: &str,
        c: &'a Collection<R>,
        repeated: &BTreeSet<&'a Id>,
        seen: &mut BTreeSet<&'a Id>,
        problems: &mut Vec<Problem>,
        limit: usize,
    ) {
        use std::fmt::Write as _;
        let mut path = String::new();
        for (i, r) in c.0.values().enumerate() {
            if problems.len() >= limit {
                return;
            }
            path.clear();
            let _ = write!(path, "workspace.{name}[{i}]");
            // Every occurrence of a repeated id after its first is a problem.
            if repeated.contains(r.id()) && !seen.insert(r.id()) {
                problems.push(Problem {
                    path: format!("{path}.id"),
                    kind: ProblemKind::DuplicateId {
                        id: r.id().to_string(),
                    },
                });
            }
            r.validate(&path, problems);
            other_kinds_fields(r, &path, problems);
            for (field, kind, target) in r.references() {
                if !self.resolves(kind, target) {
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

    /// The id of the `index`-th record (in id order) of the collection called `name`.
    #[must_use]
    pub fn record_id(&self, name: &str, index: usize) -> Option<&Id> {
        match name {
            "inspel" => self.inspel.0.keys().nth(index),
            "rounds" => self.rounds.0.keys().nth(index),
            "ballots" => self.ballots.0.keys().nth(index),
            "agenda" => self.agenda.0.keys().nth(index),
            _ => None,
        }
    }

    /// Semantic validation: rules per field, stamps, ids unique across kinds,
    /// references resolve. Returns every problem found (at most `limit`).
    #[must_use]
    pub fn validate(&self, limit: usize) -> Vec<Problem> {
        let mut problems = Vec::new();
        if self.meta.id != self.id {
            problems.push(Problem {
                path: "workspace.meta.id".into(),
                kind: ProblemKind::Dangling {
                    id: self.meta.id.to_string(),
                },
            });
        }
        self.meta.validate("workspace.meta", &mut problems);
        other_kinds_fields(&self.meta, "workspace.meta", &mut problems);
        // Ids are unique across kinds (and within one, as map keys). Each kind is in id order,
        // so the ids two kinds share are found walking both at once; usually there are none
        // and no id is looked up below.
        let keys = |k: usize| -> Box<dyn Iterator<Item = &Id> + '_> {
            match k {
                0 => Box::new(std::iter::once(&self.id)),
                1 => Box::new(self.inspel.0.keys()),
                2 => Box::new(self.rounds.0.keys()),
                3 => Box::new(self.ballots.0.keys()),
                _ => Box::new(self.agenda.0.keys()),
            }
        };
        let mut repeated: BTreeSet<&Id> = BTreeSet::new();
        for i in 0..5 {
            for j in i + 1..5 {
                let (mut a, mut b) = (keys(i), keys(j));
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
        let mut seen: BTreeSet<&Id> = BTreeSet::new();
        seen.insert(&self.id);
        self.validate_collection(
            "inspel",
            &self.inspel,
            &repeated,
            &mut seen,
            &mut problems,
            limit,
        );
        self.validate_collection(
            "rounds",
            &self.rounds,
            &repeated,
            &mut seen,
            &mut problems,
            limit,
        );
        self.validate_collection(
            "ballots",
            &self.ballots,
            &repeated,
            &mut seen,
            &mut problems,
            limit,
        );
        self.validate_collection(
            "agenda",
            &self.agenda,
            &repeated,
            &mut seen,
            &mut problems,
            limit,
        );
        crate::round::check_doc(self, &mut problems, limit);
        problems.truncate(limit);
        problems
    }
}
