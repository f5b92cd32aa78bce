//! The record kinds of a workspace. Every field is a last-writer-wins register
//! (see [`crate::crdt`]); the typed getters return `None` for a field never set.
use serde::{Deserialize, Serialize};

use crate::crdt::{RecordInfo, check};
use crate::id::Id;
use crate::lang::Lang;

/// Longest name (workspace, organisation, person) in characters.
pub const NAME_MAX: usize = 300;
/// Longest free text in characters.
pub const TEXT_MAX: usize = 100_000;
/// Most originals one merged inspel can list.
pub const ORIGINALS_MAX: usize = 500;

record_kind! {
    /// The workspace's own details; exactly one, with the workspace's id.
    Meta = "meta" {
        /// Name shown in the header.
        name: String = check::required_text::<NAME_MAX>; required,
        /// Owning organisation.
        organisation: String = check::text::<NAME_MAX>,
        /// What the workspace is for.
        description: String = check::text::<TEXT_MAX>,
    }
}

impl RecordInfo for Meta {
    fn label(&self) -> String {
        self.name().cloned().unwrap_or_default()
    }
}

/// A municipality of Jämtlands län, the region, or someone else.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Municipality {
    Berg,
    Bracke,
    Harjedalen,
    Krokom,
    Ragunda,
    Stromsund,
    Are,
    Ostersund,
    /// Region Jämtland Härjedalen itself.
    Region,
    /// Any other submitter.
    #[default]
    Other,
}

impl Municipality {
    /// All, in the order the UI lists them.
    pub const ALL: [Self; 10] = [
        Self::Berg,
        Self::Bracke,
        Self::Harjedalen,
        Self::Krokom,
        Self::Ragunda,
        Self::Stromsund,
        Self::Are,
        Self::Ostersund,
        Self::Region,
        Self::Other,
    ];

    /// Display name.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Berg, _) => "Berg",
            (Self::Bracke, _) => "Bräcke",
            (Self::Harjedalen, _) => "Härjedalen",
            (Self::Krokom, _) => "Krokom",
            (Self::Ragunda, _) => "Ragunda",
            (Self::Stromsund, _) => "Strömsund",
            (Self::Are, _) => "Åre",
            (Self::Ostersund, _) => "Östersund",
            (Self::Region, Lang::Sv) => "Regionen",
            (Self::Region, Lang::En) => "The region",
            (Self::Other, Lang::Sv) => "Annan",
            (Self::Other, Lang::En) => "Other",
        }
    }
}

/// A sustainability dimension.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// Ekologisk hållbarhet.
    #[default]
    Ecological,
    /// Social hållbarhet.
    Social,
    /// Ekonomisk hållbarhet.
    Economic,
}

/// Where an inspel is in the påverkansagenda cycle.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Inkommet.
    #[default]
    Received,
    /// Sammanställt.
    Compiled,
    /// Prioriterat.
    Prioritised,
    /// I agendan.
    InAgenda,
    /// På samråd.
    InConsultation,
    /// Fastställt.
    Adopted,
    /// Ej med.
    NotIncluded,
}

impl Status {
    /// The stage's name.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Received, Lang::Sv) => "Inkommet",
            (Self::Compiled, Lang::Sv) => "Sammanställt",
            (Self::Prioritised, Lang::Sv) => "Prioriterat",
            (Self::InAgenda, Lang::Sv) => "I agendan",
            (Self::InConsultation, Lang::Sv) => "På samråd",
            (Self::Adopted, Lang::Sv) => "Fastställt",
            (Self::NotIncluded, Lang::Sv) => "Ej med",
            (Self::Received, Lang::En) => "Received",
            (Self::Compiled, Lang::En) => "Compiled",
            (Self::Prioritised, Lang::En) => "Prioritised",
            (Self::InAgenda, Lang::En) => "In the agenda",
            (Self::InConsultation, Lang::En) => "In consultation",
            (Self::Adopted, Lang::En) => "Adopted",
            (Self::NotIncluded, Lang::En) => "Not included",
        }
    }
}

impl Dimension {
    /// The dimension's name.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Ecological, Lang::Sv) => "Ekologisk",
            (Self::Social, Lang::Sv) => "Social",
            (Self::Economic, Lang::Sv) => "Ekonomisk",
            (Self::Ecological, Lang::En) => "Ecological",
            (Self::Social, Lang::En) => "Social",
            (Self::Economic, Lang::En) => "Economic",
        }
    }
}

record_kind! {
    /// An inspel: an issue or proposal sent in for the joint agenda.
    Inspel = "inspel" {
        /// Short title.
        title: String = check::required_text::<NAME_MAX>; required,
        /// The proposal in full.
        description: String = check::text::<TEXT_MAX>,
        /// Submitting organisation.
        organisation: String = check::text::<NAME_MAX>,
        /// Contact person (optional; personal data).
        person: String = check::text::<NAME_MAX>,
        /// Municipality.
        municipality: Municipality = check::any,
        /// Theme, e.g. "Infrastruktur".
        theme: String = check::text::<NAME_MAX>,
        /// Sustainability dimensions touched.
        dimensions: Vec<Dimension> = check::list::<Dimension, 3>,
        /// Stage in the cycle.
        status: Status = check::any,
        /// For a merged inspel: the inspel it was merged from.
        originals: Vec<Id> = check::list::<Id, ORIGINALS_MAX>,
        /// Moved to the trash (undoable; erasing is permanent).
        removed: bool = check::any,
    }
}

impl RecordInfo for Inspel {
    fn label(&self) -> String {
        self.title().cloned().unwrap_or_default()
    }

    fn references(&self) -> Vec<(&'static str, &'static str, &Id)> {
        self.originals()
            .map(|ids| ids.iter().map(|id| ("originals", "inspel", id)).collect())
            .unwrap_or_default()
    }
}

/// Most consultation comments on one agenda point.
pub const COMMENTS_MAX: usize = 1_000;

/// A consultation comment on an agenda item (samrådssynpunkt).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Comment {
    /// Who commented (organisation or person).
    pub who: String,
    /// What they said.
    pub what: String,
    /// When it was recorded (ms since 1970; information only).
    pub at: u64,
}

/// Oldest first, then by who and what: the order of a merged list of comments.
impl Ord for Comment {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.at, &self.who, &self.what).cmp(&(other.at, &other.who, &other.what))
    }
}

impl PartialOrd for Comment {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

record_kind! {
    /// A point of the påverkansagenda, from the prioritised inspel to its adoption.
    Agenda = "agenda" {
        /// The point as worded in the agenda.
        text: String = check::required_text::<TEXT_MAX>; required,
        /// Who is responsible (organisation or role).
        owner: String = check::text::<NAME_MAX>,
        /// The inspel it carries forward.
        inspel: Vec<Id> = check::list::<Id, ORIGINALS_MAX>,
        /// Consultation comments, oldest first. Merged as a set: comments added on two
        /// devices at the same time are both kept.
        comments: Vec<Comment> = check::list::<Comment, COMMENTS_MAX> => crate::crdt::merge_set::<Comment, COMMENTS_MAX>,
        /// Adoption date (YYYY-MM-DD), empty until adopted.
        adopted_on: String = check::text::<10>,
        /// The decision reference (e.g. "RS 2020-12-08 § 142").
        decision: String = check::text::<NAME_MAX>,
        /// In the trash.
        removed: bool = check::any,
    }
}

impl RecordInfo for Agenda {
    fn label(&self) -> String {
        self.text().cloned().unwrap_or_default()
    }

    fn references(&self) -> Vec<(&'static str, &'static str, &Id)> {
        self.inspel()
            .map(|ids| ids.iter().map(|id| ("inspel", "inspel", id)).collect())
            .unwrap_or_default()
    }
}
