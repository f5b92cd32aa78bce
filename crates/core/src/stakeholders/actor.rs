//! The records of the stakeholder map: actors (preferably organisations), their relations,
//! and the contact person of an actor kept in a record of its own, because a person is
//! personal data: "Ta bort person" erases that record for good (a tombstone with no field
//! left, which no older file can bring back) and a peer-exchange export leaves the kind out.
use serde::{Deserialize, Serialize};

use crate::Doc;
use crate::Kind;
use crate::kernel::check::{self, NAME_MAX, ProblemKind, TEXT_MAX};
use crate::kernel::command::DomainError;
use crate::kernel::lang::Lang;
type Command = crate::kernel::command::Command<Kind>;
use crate::kernel::id::Id;
use crate::kernel::record::{Guard, Record};

use super::classes::{SCORE_MAX, SCORE_MIN};
use super::metrics::NODES_MAX;

/// Most actors on the map (not in the trash): the metrics' bound ([`NODES_MAX`]).
pub const ACTORS_MAX: usize = NODES_MAX;
/// Most relations (not in the trash).
pub const RELATIONS_MAX: usize = 5_000;
/// Most tags of one actor.
pub const TAGS_MAX: usize = 20;
/// Longest tag.
pub const TAG_MAX: usize = 60;
/// Longest e-mail address or phone number.
pub const CONTACT_MAX: usize = 120;
/// Largest coordinate of a saved position (map units, either sign).
pub const POS_MAX: i32 = 100_000;
/// Longest relation note.
pub const NOTE_MAX: usize = 2_000;

/// What kind of actor.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActorType {
    /// Företag.
    Company,
    /// Universitet eller högskola.
    University,
    /// Kommun (or a kommunförbund).
    Municipality,
    /// Region.
    Region,
    /// Statlig myndighet.
    Agency,
    /// Länsstyrelse.
    CountyBoard,
    /// Intresseorganisation.
    InterestGroup,
    /// Samisk aktör (Sametinget, sameby, organisation).
    Sami,
    /// Civilsamhälle.
    CivilSociety,
    /// Annan.
    #[default]
    Other,
}

impl ActorType {
    /// Every type, in the order the forms list them.
    pub const ALL: [Self; 10] = [
        Self::Company,
        Self::University,
        Self::Municipality,
        Self::Region,
        Self::Agency,
        Self::CountyBoard,
        Self::InterestGroup,
        Self::Sami,
        Self::CivilSociety,
        Self::Other,
    ];

    /// The type's name.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Company, Lang::Sv) => "Företag",
            (Self::University, Lang::Sv) => "Universitet/högskola",
            (Self::Municipality, Lang::Sv) => "Kommun",
            (Self::Region, Lang::Sv) => "Region",
            (Self::Agency, Lang::Sv) => "Statlig myndighet",
            (Self::CountyBoard, Lang::Sv) => "Länsstyrelse",
            (Self::InterestGroup, Lang::Sv) => "Intresseorganisation",
            (Self::Sami, Lang::Sv) => "Samisk aktör",
            (Self::CivilSociety, Lang::Sv) => "Civilsamhälle",
            (Self::Other, Lang::Sv) => "Annan",
            (Self::Company, Lang::En) => "Company",
            (Self::University, Lang::En) => "University",
            (Self::Municipality, Lang::En) => "Municipality",
            (Self::Region, Lang::En) => "Region",
            (Self::Agency, Lang::En) => "Government agency",
            (Self::CountyBoard, Lang::En) => "County administrative board",
            (Self::InterestGroup, Lang::En) => "Interest organisation",
            (Self::Sami, Lang::En) => "Sami actor",
            (Self::CivilSociety, Lang::En) => "Civil society",
            (Self::Other, Lang::En) => "Other",
        }
    }
}

/// What a relation is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RelationType {
    /// Samverkan.
    #[default]
    Collaboration,
    /// Finansiering.
    Funding,
    /// Information.
    Information,
    /// Beslut (one decides over the other).
    Decision,
    /// Konflikt.
    Conflict,
}

impl RelationType {
    /// Every type.
    pub const ALL: [Self; 5] = [
        Self::Collaboration,
        Self::Funding,
        Self::Information,
        Self::Decision,
        Self::Conflict,
    ];

    /// The type's name.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Collaboration, Lang::Sv) => "Samverkan",
            (Self::Funding, Lang::Sv) => "Finansiering",
            (Self::Information, Lang::Sv) => "Information",
            (Self::Decision, Lang::Sv) => "Beslut",
            (Self::Conflict, Lang::Sv) => "Konflikt",
            (Self::Collaboration, Lang::En) => "Collaboration",
            (Self::Funding, Lang::En) => "Funding",
            (Self::Information, Lang::En) => "Information",
            (Self::Decision, Lang::En) => "Decision",
            (Self::Conflict, Lang::En) => "Conflict",
        }
    }
}

/// A saved place on the network view (map units; the view scales them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Pos {
    /// Right is +x.
    pub x: i32,
    /// Down is +y.
    pub y: i32,
}

/// The one of `all` that `text` names — its Swedish or English label or its file name — when
/// both are passed through `fold` (each import compares in its own way).
fn named<T: Copy + Serialize>(
    all: &[T],
    label: fn(T, Lang) -> &'static str,
    text: &str,
    fold: impl Fn(&str) -> String,
) -> Option<T> {
    let k = fold(text);
    all.iter().copied().find(|t| {
        fold(label(*t, Lang::Sv)) == k
            || fold(label(*t, Lang::En)) == k
            || serde_json::to_value(t)
                .ok()
                .and_then(|v| v.as_str().map(&fold))
                .as_ref()
                == Some(&k)
    })
}

impl ActorType {
    /// The type `text` names (its Swedish or English label or its file name, compared through `fold`); [`ActorType::Other`] if none.
    pub fn from_text(text: &str, fold: impl Fn(&str) -> String) -> Self {
        named(&Self::ALL, Self::label, text, fold).unwrap_or(Self::Other)
    }
}

impl RelationType {
    /// The type `text` names (its Swedish or English label or its file name, compared through `fold`); collaboration if none.
    pub fn from_text(text: &str, fold: impl Fn(&str) -> String) -> Self {
        named(&Self::ALL, Self::label, text, fold).unwrap_or_default()
    }
}

/// Power, interest, legitimacy, urgency: 1 … 5.
pub fn check_score(v: &u8) -> Option<ProblemKind> {
    check::range(i64::from(*v), i64::from(SCORE_MIN), i64::from(SCORE_MAX))
}

/// Attitude: −2 (opposes) … +2 (supports).
pub fn check_attitude(v: &i8) -> Option<ProblemKind> {
    check::range(i64::from(*v), -2, 2)
}

/// Relation weight: 1 … 3.
pub fn check_weight(v: &u8) -> Option<ProblemKind> {
    check::range(i64::from(*v), 1, 3)
}

/// A saved position within ±[`POS_MAX`]; `null` (laid out afresh) is fine.
#[allow(clippy::ref_option)]
pub fn check_pos(p: &Option<Pos>) -> Option<ProblemKind> {
    let p = p.as_ref()?;
    let m = i64::from(POS_MAX);
    check::range(i64::from(p.x), -m, m).or_else(|| check::range(i64::from(p.y), -m, m))
}

/// At most [`TAGS_MAX`] tags of 1–[`TAG_MAX`] characters.
#[allow(clippy::ptr_arg)]
pub fn check_tags(v: &Vec<String>) -> Option<ProblemKind> {
    check::list::<String, TAGS_MAX>(v)
        .or_else(|| v.iter().find_map(check::required_text::<TAG_MAX>))
}

record_kind! {
    /// An actor of the stakeholder map: preferably an organisation.
    Actor = "actor" noun("aktör", "aktörer", en, "actor", "actors") {
        /// The actor's name.
        name: String = check::required_text::<NAME_MAX>; required label names("namn", "name") handle(NAME),
        /// What kind of actor.
        actor_type: ActorType = check::any; names("typ", "type") handle(TYPE),
        /// What the actor does, what it wants.
        description: String = check::text::<TEXT_MAX>; names("beskrivning", "description") handle(DESCRIPTION),
        /// Free tags for filtering.
        tags: Vec<String> = check_tags; names("taggar", "tags") handle(TAGS),
        /// Power (makt) 1–5.
        power: u8 = check_score; names("makt", "power") handle(POWER),
        /// Interest (intresse) 1–5.
        interest: u8 = check_score; names("intresse", "interest") handle(INTEREST),
        /// Legitimacy (legitimitet) 1–5.
        legitimacy: u8 = check_score; names("legitimitet", "legitimacy") handle(LEGITIMACY),
        /// Urgency (brådska) 1–5.
        urgency: u8 = check_score; names("brådska", "urgency") handle(URGENCY),
        /// Attitude (inställning) −2 … +2.
        attitude: i8 = check_attitude; names("inställning", "attitude") handle(ATTITUDE),
        /// The saved place on the network view (`null`: laid out afresh).
        pos: Option<Pos> = check_pos; names("position", "position") handle(POS),
        /// Goals the actor works for.
        goals: Vec<crate::kernel::id::Id> = check::list::<crate::kernel::id::Id, 169>; refs(goal) names("mål", "goals") handle(GOALS),
        /// Inspel the actor stands behind.
        inspel: Vec<crate::kernel::id::Id> = check::list::<crate::kernel::id::Id, 500>; refs(inspel) names("inspel", "inspel") handle(INSPEL),
        /// In the trash.
        removed: bool = check::any; trash names("papperskorgen", "trash") handle(REMOVED),
    }
}

record_kind! {
    /// A relation between two actors.
    Relation = "relation" noun("relation", "relationer", en, "relation", "relations") {
        /// The actor it goes from.
        from: crate::kernel::id::Id = check::any; required refs(actor) names("från", "from") handle(FROM),
        /// The actor it goes to.
        to: crate::kernel::id::Id = check::any; required refs(actor) names("till", "to") handle(TO),
        /// Both ways rather than from → to.
        mutual: bool = check::any; names("ömsesidig", "mutual") handle(MUTUAL),
        /// What the relation is.
        relation_type: RelationType = check::any; names("typ", "type") handle(TYPE),
        /// Weight 1–3.
        weight: u8 = check_weight; names("vikt", "weight") handle(WEIGHT),
        /// A note.
        note: String = check::text::<NOTE_MAX>; label names("anteckning", "note") handle(NOTE),
        /// In the trash.
        removed: bool = check::any; trash names("papperskorgen", "trash") handle(REMOVED),
    }
}

record_kind! {
    /// The contact person of an actor: personal data, erased for good by "Ta bort person".
    Contact = "contact" noun("kontaktperson", "kontaktpersoner", en, "contact person", "contact persons") {
        /// The actor the person represents.
        actor: crate::kernel::id::Id = check::any; required refs(actor) names("aktör", "actor") handle(ACTOR),
        /// The person's name.
        name: String = check::required_text::<NAME_MAX>; required label names("namn", "name") handle(NAME),
        /// Role or title.
        role: String = check::text::<NAME_MAX>; names("roll", "role") handle(ROLE),
        /// E-mail address.
        email: String = check::text::<CONTACT_MAX>; names("e-post", "e-mail") handle(EMAIL),
        /// Phone number.
        phone: String = check::text::<CONTACT_MAX>; names("telefon", "phone") handle(PHONE),
    }
}

impl Guard<Doc> for Actor {
    fn guard(doc: &Doc, cmd: &Command) -> Result<(), DomainError> {
        let live = doc
            .actors
            .live()
            .filter(|a| a.removed() != Some(&true))
            .count();
        check::full::<Self, Kind>(
            cmd,
            live,
            ACTORS_MAX,
            "Kartan har redan 1 000 aktörer, det högsta som går.",
            "The map already has 1,000 actors, the most it can hold.",
        )
    }

    fn check_doc(doc: &Doc, problems: &mut Vec<check::Problem>, limit: usize) {
        let n = doc
            .actors
            .live()
            .filter(|a| a.removed() != Some(&true))
            .count();
        check::too_many("workspace.actors", n, ACTORS_MAX, problems, limit);
    }
}

impl Guard<Doc> for Relation {
    /// At most [`RELATIONS_MAX`]; a relation joins two different actors.
    fn guard(doc: &Doc, cmd: &Command) -> Result<(), DomainError> {
        let live = doc
            .relations
            .live()
            .filter(|r| r.removed() != Some(&true))
            .count();
        check::full::<Self, Kind>(
            cmd,
            live,
            RELATIONS_MAX,
            "Kartan har redan 5 000 relationer, det högsta som går.",
            "The map already has 5,000 relations, the most it can hold.",
        )?;
        let id_of = |v: Option<&serde_json::Value>| {
            v.and_then(serde_json::Value::as_str)
                .and_then(|s| Id::parse(s).ok())
        };
        let (from, to) = match cmd {
            Command::Create { fields, .. } => (
                id_of(fields.get(Self::FROM.name())),
                id_of(fields.get(Self::TO.name())),
            ),
            Command::Edit {
                id, field, value, ..
            } => {
                let r = doc.relations.get(id);
                let mine = |f: &str, own: Option<&Id>| {
                    if field == f {
                        id_of(Some(value))
                    } else {
                        own.cloned()
                    }
                };
                (
                    mine(Self::FROM.name(), r.and_then(|r| r.from())),
                    mine(Self::TO.name(), r.and_then(|r| r.to())),
                )
            }
            _ => (None, None),
        };
        if from.is_some() && from == to {
            return Err(DomainError::Refused {
                kind: Self::KIND,
                sv: "En relation går mellan två olika aktörer.",
                en: "A relation joins two different actors.",
            });
        }
        Ok(())
    }

    fn check_doc(doc: &Doc, problems: &mut Vec<check::Problem>, limit: usize) {
        let n = doc
            .relations
            .live()
            .filter(|r| r.removed() != Some(&true))
            .count();
        check::too_many("workspace.relations", n, RELATIONS_MAX, problems, limit);
        // A relation joins two different actors.
        for (i, r) in doc.relations.live().enumerate() {
            if r.from().is_some() && r.from() == r.to() && problems.len() < limit {
                problems.push(check::Problem {
                    path: format!("workspace.relations[{i}].to"),
                    kind: ProblemKind::SameAs { other: "from" },
                });
            }
        }
    }
}

impl Guard<Doc> for Contact {}
