//! The inspel record and its value types (municipality, dimension, stage). Every field is a
//! last-writer-wins register (see [`crate::kernel::reg`]); the typed getters return `None`
//! for a field never set.
use serde::{Deserialize, Serialize};

use crate::kernel::check::{self, NAME_MAX, TEXT_MAX};
use crate::kernel::id::Id;
use crate::kernel::lang::Lang;
use crate::kernel::record::Guard;

/// Most originals one merged inspel can list.
pub const ORIGINALS_MAX: usize = 500;

/// Most goals one inspel can name (goals of the goal-conflict module, any set).
pub const GOAL_LINKS_MAX: usize = 20;

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
    Inspel = "inspel" noun("inspel", "inspel", ett, "input", "inputs") {
        /// Short title.
        title: String = check::required_text::<NAME_MAX>; required label names("rubrik", "title") handle(TITLE),
        /// The proposal in full.
        description: String = check::text::<TEXT_MAX>; names("beskrivning", "description") handle(DESCRIPTION),
        /// Submitting organisation.
        organisation: String = check::text::<NAME_MAX>; names("organisation", "organisation") handle(ORGANISATION),
        /// Contact person (optional; personal data).
        person: String = check::text::<NAME_MAX>; names("kontaktperson", "contact person") handle(PERSON),
        /// Municipality.
        municipality: Municipality = check::any; names("kommun", "municipality") handle(MUNICIPALITY),
        /// Theme, e.g. "Infrastruktur".
        theme: String = check::text::<NAME_MAX>; names("tema", "theme") handle(THEME),
        /// Sustainability dimensions touched.
        dimensions: Vec<Dimension> = check::list::<Dimension, 3>; names("hållbarhetsdimensioner", "sustainability dimensions") handle(DIMENSIONS),
        /// Stage in the cycle.
        status: Status = check::any; names("status", "status") handle(STATUS),
        /// For a merged inspel: the inspel it was merged from.
        originals: Vec<Id> = check::list::<Id, ORIGINALS_MAX>; refs(inspel) names("sammanslagna inspel", "merged inputs") handle(ORIGINALS),
        /// The goals the inspel serves (from any goal set; a link to a goal erased later shows
        /// as removed).
        goal_links: Vec<Id> = check::list::<Id, GOAL_LINKS_MAX>; refs(goal) names("mål", "goals") handle(GOAL_LINKS),
        /// May be of particular importance to the Sami: needs a consultation before the
        /// decision (lag 2022:66).
        sami: bool = check::any; names("av särskild betydelse för samerna", "of particular importance to the Sami") handle(SAMI),
        /// Moved to the trash (undoable; erasing is permanent).
        removed: bool = check::any; trash names("papperskorgen", "trash") handle(REMOVED),
    }
}

impl Guard<crate::Doc> for Inspel {}

/// The command that adds `goal` to the goals `inspel` serves (`on`) or takes it away; `None`
/// when nothing would change. Adding keeps the earlier links first; more than
/// [`GOAL_LINKS_MAX`] is refused when the command is applied (`DomainError::Rule` on
/// `goal_links`).
#[must_use]
pub fn link_goal(inspel: &Inspel, goal: &Id, on: bool) -> Option<crate::Command> {
    let now = inspel.goal_links().cloned().unwrap_or_default();
    if now.contains(goal) == on {
        return None;
    }
    let next: Vec<Id> = if on {
        now.into_iter()
            .chain(std::iter::once(goal.clone()))
            .collect()
    } else {
        now.into_iter().filter(|g| g != goal).collect()
    };
    Some(crate::Command::Edit {
        kind: crate::Kind::Inspel,
        id: inspel.id.clone(),
        field: "goal_links".into(),
        value: crate::kernel::reg::to_json(&next),
    })
}
