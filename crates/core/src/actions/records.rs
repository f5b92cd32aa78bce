//! The records of the action areas (insatsområden, DOMAIN §6, seeds 000/001/003/004): the
//! areas, their effect chains (nodes and edges, of an area or of a project), indicators with a
//! value per year, the activity plan, the learning log, the Sami consultation log (lag
//! 2022:66, DOMAIN §7.4), collaboration projects with their budget lines, and the peer
//! exchange's meetings. Limits are per workspace and enforced on create and on import.
use serde::{Deserialize, Serialize};

use super::chain::Level;
use super::date::Date;
use super::decimal::Decimal;
use super::funding::Line;
use super::plan::Status;
use crate::Doc;
use crate::kernel::check::{self, NAME_MAX, ProblemKind, TEXT_MAX, limited};
use crate::kernel::id::Id;
use crate::kernel::lang::Lang;

/// Most action areas.
pub const AREAS_MAX: usize = 50;
/// Most chain nodes in the workspace (all chains together).
pub const NODES_MAX: usize = 2_000;
/// Most chain edges in the workspace.
pub const EDGES_MAX: usize = 5_000;
/// Most indicators.
pub const INDICATORS_MAX: usize = 1_000;
/// Most years with a value on one indicator.
pub const VALUES_MAX: usize = 100;
/// Most activities.
pub const ACTIVITIES_MAX: usize = 2_000;
/// Most learning-log entries.
pub const ENTRIES_MAX: usize = 5_000;
/// Most consultations.
pub const CONSULTATIONS_MAX: usize = 2_000;
/// Most projects.
pub const PROJECTS_MAX: usize = 500;
/// Most budget lines of one project.
pub const LINES_MAX: usize = 200;
/// Largest amount of one budget line or cost, in kronor (10 000 000 000 kr).
pub const AMOUNT_MAX: i64 = 10_000_000_000;
/// Most peer-exchange meetings.
pub const MEETINGS_MAX: usize = 500;
/// Most links from one record to records of one kind.
pub const LINKS_MAX: usize = 500;

/// Ids of at most [`LINKS_MAX`] records.
pub type Links = Vec<Id>;

/// Tillväxtverket's three result chains a node can be tagged with (DOMAIN §6.1, R5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ResultChain {
    /// Direkta insatser för företag.
    Companies,
    /// Stödstrukturer.
    SupportStructures,
    /// Miljöer och infrastruktur.
    Environments,
}

impl ResultChain {
    /// Every chain.
    pub const ALL: [Self; 3] = [Self::Companies, Self::SupportStructures, Self::Environments];

    /// Its name.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Companies, Lang::Sv) => "Direkta insatser för företag",
            (Self::Companies, Lang::En) => "Direct interventions for companies",
            (Self::SupportStructures, Lang::Sv) => "Stödstrukturer",
            (Self::SupportStructures, Lang::En) => "Support structures",
            (Self::Environments, Lang::Sv) => "Miljöer och infrastruktur",
            (Self::Environments, Lang::En) => "Environments and infrastructure",
        }
    }
}

/// What an indicator measures (IATI); progress only for a unit or a percentage.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// A number of a unit (tonnes, companies, kr).
    #[default]
    Unit,
    /// A percentage.
    Percentage,
    /// Yes/no or a named class.
    Nominal,
    /// A rank or a grade.
    Ordinal,
    /// Described in words.
    Qualitative,
}

impl Measure {
    /// Every measure type.
    pub const ALL: [Self; 5] = [
        Self::Unit,
        Self::Percentage,
        Self::Nominal,
        Self::Ordinal,
        Self::Qualitative,
    ];

    /// Whether progress towards a target is computed.
    #[must_use]
    pub const fn numeric(self) -> bool {
        matches!(self, Self::Unit | Self::Percentage)
    }

    /// Its name.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Unit, Lang::Sv) => "Antal/enhet",
            (Self::Unit, Lang::En) => "Unit",
            (Self::Percentage, Lang::Sv) => "Procent",
            (Self::Percentage, Lang::En) => "Percentage",
            (Self::Nominal, Lang::Sv) => "Kategori",
            (Self::Nominal, Lang::En) => "Nominal",
            (Self::Ordinal, Lang::Sv) => "Rangordning",
            (Self::Ordinal, Lang::En) => "Ordinal",
            (Self::Qualitative, Lang::Sv) => "Kvalitativ",
            (Self::Qualitative, Lang::En) => "Qualitative",
        }
    }
}

/// Which way is better.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Higher is better.
    #[default]
    Higher,
    /// Lower is better (emissions).
    Lower,
}

impl Direction {
    /// Its name.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Higher, Lang::Sv) => "Högre är bättre",
            (Self::Higher, Lang::En) => "Higher is better",
            (Self::Lower, Lang::Sv) => "Lägre är bättre",
            (Self::Lower, Lang::En) => "Lower is better",
        }
    }
}

/// One year's actual value of an indicator, with where it comes from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Measurement {
    /// The value.
    pub value: Decimal,
    /// The source ("Kolada N00401", "egen enkät").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

/// What a learning-log entry records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// Iakttagelse.
    #[default]
    Observation,
    /// Beslut.
    Decision,
    /// Uppföljning.
    FollowUp,
}

impl EntryKind {
    /// Every kind.
    pub const ALL: [Self; 3] = [Self::Observation, Self::Decision, Self::FollowUp];

    /// Its name.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Observation, Lang::Sv) => "Iakttagelse",
            (Self::Observation, Lang::En) => "Observation",
            (Self::Decision, Lang::Sv) => "Beslut",
            (Self::Decision, Lang::En) => "Decision",
            (Self::FollowUp, Lang::Sv) => "Uppföljning",
            (Self::FollowUp, Lang::En) => "Follow-up",
        }
    }
}

/// Who a Sami consultation is held with (lag 2022:66).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Counterpart {
    /// Sametinget (primarily).
    #[default]
    Sametinget,
    /// A sameby.
    Sameby,
    /// A Sami organisation.
    Organisation,
}

impl Counterpart {
    /// Every counterpart type.
    pub const ALL: [Self; 3] = [Self::Sametinget, Self::Sameby, Self::Organisation];

    /// Its name.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Sametinget, Lang::Sv) => "Sametinget",
            (Self::Sametinget, Lang::En) => "The Sami Parliament",
            (Self::Sameby, Lang::Sv) => "Sameby",
            (Self::Sameby, Lang::En) => "Sami village (sameby)",
            (Self::Organisation, Lang::Sv) => "Samisk organisation",
            (Self::Organisation, Lang::En) => "Sami organisation",
        }
    }
}

/// How a consultation ended (lag 2022:66: until agreement or consent, or a declaration that
/// none can be reached).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Enighet.
    Agreement,
    /// Samtycke.
    Consent,
    /// Förklarat att enighet inte kan nås.
    DeclaredNoAgreement,
}

impl Outcome {
    /// Every outcome.
    pub const ALL: [Self; 3] = [Self::Agreement, Self::Consent, Self::DeclaredNoAgreement];

    /// Its name.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Agreement, Lang::Sv) => "Enighet",
            (Self::Agreement, Lang::En) => "Agreement",
            (Self::Consent, Lang::Sv) => "Samtycke",
            (Self::Consent, Lang::En) => "Consent",
            (Self::DeclaredNoAgreement, Lang::Sv) => "Förklarat att enighet inte kan nås",
            (Self::DeclaredNoAgreement, Lang::En) => "Declared that no agreement can be reached",
        }
    }
}

/// How a peer-exchange meeting was held.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Fysiskt möte.
    #[default]
    InPerson,
    /// Digitalt möte.
    Online,
    /// Studiebesök.
    StudyVisit,
}

impl Format {
    /// Every format.
    pub const ALL: [Self; 3] = [Self::InPerson, Self::Online, Self::StudyVisit];

    /// Its name.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::InPerson, Lang::Sv) => "Fysiskt möte",
            (Self::InPerson, Lang::En) => "In person",
            (Self::Online, Lang::Sv) => "Digitalt möte",
            (Self::Online, Lang::En) => "Online",
            (Self::StudyVisit, Lang::Sv) => "Studiebesök",
            (Self::StudyVisit, Lang::En) => "Study visit",
        }
    }
}

/// At most [`LINKS_MAX`] ids.
#[allow(clippy::ptr_arg)]
pub fn check_links(v: &Links) -> Option<ProblemKind> {
    check::list::<Id, LINKS_MAX>(v)
}

/// A year within the dates' range.
pub fn check_year(y: &u16) -> Option<ProblemKind> {
    let (min, max) = super::date::YEARS;
    check::range(i64::from(*y), i64::from(min), i64::from(max))
}

/// A node's place within its level, 0–999 (the diagram's row).
pub fn check_row(r: &u16) -> Option<ProblemKind> {
    check::range(i64::from(*r), 0, 999)
}

/// An amount of 0–[`AMOUNT_MAX`] kronor.
pub fn check_amount(a: &i64) -> Option<ProblemKind> {
    check::range(*a, 0, AMOUNT_MAX)
}

/// A cap in percent, 0–100.
pub fn check_percent(p: &Option<u8>) -> Option<ProblemKind> {
    check::range(i64::from(p.unwrap_or(0)), 0, 100)
}

/// A budget line's funder named, its year in range, its amount within bounds (`null`: the
/// line was removed).
pub fn check_line(line: &Option<Line>) -> Option<ProblemKind> {
    let l = line.as_ref()?;
    check::required_text::<NAME_MAX>(&l.funder)
        .or_else(|| check_year(&l.year))
        .or_else(|| check_amount(&l.amount))
}

/// A measurement's source of at most [`NAME_MAX`] characters (`null`: the value was
/// removed).
pub fn check_measurement(m: &Option<Measurement>) -> Option<ProblemKind> {
    check::text::<NAME_MAX>(&m.as_ref()?.source)
}

record_kind! {
    /// An action area (insatsområde) of the sustainability work.
    Area = "area" noun("insatsområde", "insatsområden", ett, "action area", "action areas") {
        /// Its number in the strategy (1–4 in seed 001).
        number: u8 = check::any; names("nummer", "number") handle(NUMBER),
        /// The area's name.
        title: String = check::required_text::<NAME_MAX>; required label names("namn", "name") handle(TITLE),
        /// The societal challenge it answers (samhällsutmaning).
        challenge: String = check::text::<TEXT_MAX>; names("samhällsutmaning", "societal challenge") handle(CHALLENGE),
        /// What it aims at.
        aim: String = check::text::<TEXT_MAX>; names("syfte", "aim") handle(AIM),
        /// What it is.
        description: String = check::text::<TEXT_MAX>; names("beskrivning", "description") handle(DESCRIPTION),
        /// Who is responsible.
        responsible: String = check::text::<NAME_MAX>; names("ansvarig", "responsible") handle(RESPONSIBLE),
        /// Where it stands.
        status: Status = check::any; names("status", "status") handle(STATUS),
        /// Goals it works for.
        goals: Links = check_links; refs(goal) names("mål", "goals") handle(GOALS),
        /// Inspel it takes up.
        inspel: Links = check_links; refs(inspel) names("inspel", "inspel") handle(INSPEL),
        /// Points of the påverkansagenda it carries.
        agenda: Links = check_links; refs(agenda) names("agendapunkter", "agenda points") handle(AGENDA),
        /// Actors it works with.
        actors: Links = check_links; refs(actor) names("aktörer", "actors") handle(ACTORS),
        /// In the trash.
        removed: bool = check::any; trash names("papperskorgen", "trash") handle(REMOVED),
    }
}

record_kind! {
    /// A node of an effect chain: of an area's chain or of a project's.
    ChainNode = "chain_node" noun("nod", "noder", en, "node", "nodes") {
        /// The area whose chain it belongs to.
        area: Id = check::any; refs(area) names("insatsområde", "action area") handle(AREA),
        /// The project whose chain it belongs to (instead of an area).
        project: Id = check::any; refs(project) names("projekt", "project") handle(PROJECT),
        /// Its level (the diagram's column).
        level: Level = check::any; required names("nivå", "level") handle(LEVEL),
        /// Its place within the level (the diagram's row, from the top).
        row: u16 = check_row; names("rad", "row") handle(ROW),
        /// What it says.
        title: String = check::required_text::<NAME_MAX>; required label names("text", "text") handle(TITLE),
        /// Which of the three result chains it belongs to.
        chain: Option<ResultChain> = check::any; names("resultatkedja", "result chain") handle(CHAIN),
        /// Of particular importance to the Sami (DOMAIN §6.1, 8).
        sami: bool = check::any; names("av särskild betydelse för samerna", "of particular importance to the Sami") handle(SAMI),
        /// In the trash.
        removed: bool = check::any; trash names("papperskorgen", "trash") handle(REMOVED),
    }
}

record_kind! {
    /// An edge of an effect chain: `from` leads to `to`.
    ChainEdge = "chain_edge" noun("pil", "pilar", en, "arrow", "arrows") {
        /// The node it leads from.
        from: Id = check::any; required refs(chain_node) names("från", "from") handle(FROM),
        /// The node it leads to.
        to: Id = check::any; required refs(chain_node) names("till", "to") handle(TO),
        /// In the trash.
        removed: bool = check::any; trash names("papperskorgen", "trash") handle(REMOVED),
    }
}

record_kind! {
    /// An indicator of a chain node, with its baseline, target and a value per year.
    Indicator = "indicator" noun("indikator", "indikatorer", en, "indicator", "indicators") {
        /// The node it measures (an outcome or the impact, R3).
        node: Id = check::any; refs(chain_node) names("nod", "node") handle(NODE),
        /// Its name.
        title: String = check::required_text::<NAME_MAX>; required label names("namn", "name") handle(TITLE),
        /// Its unit ("ton CO₂e", "%", "företag").
        unit: String = check::text::<NAME_MAX>; names("enhet", "unit") handle(UNIT),
        /// What it measures.
        measure: Measure = check::any; names("typ av mått", "measure") handle(MEASURE),
        /// Which way is better.
        direction: Direction = check::any; names("riktning", "direction") handle(DIRECTION),
        /// The year of the baseline.
        baseline_year: u16 = check_year; names("basår", "baseline year") handle(BASELINE_YEAR),
        /// The baseline (utgångsvärde).
        baseline: Decimal = check::any; names("utgångsvärde", "baseline") handle(BASELINE),
        /// The year of the target.
        target_year: u16 = check_year; names("målår", "target year") handle(TARGET_YEAR),
        /// The target (målvärde).
        target: Decimal = check::any; names("målvärde", "target") handle(TARGET),
        /// The actual value per year, keyed by the year ("2021"; `null`: removed).
        values: map<String, Option<Measurement>> = check_measurement; names("utfall", "actual values") handle(VALUES),
        /// In the trash.
        removed: bool = check::any; trash names("papperskorgen", "trash") handle(REMOVED),
    }
}

record_kind! {
    /// An activity of the plan (genomförandeplan, seed 004).
    Activity = "activity" noun("aktivitet", "aktiviteter", en, "activity", "activities") {
        /// What is done.
        title: String = check::required_text::<NAME_MAX>; required label names("aktivitet", "activity") handle(TITLE),
        /// The area it belongs to.
        area: Id = check::any; refs(area) names("insatsområde", "action area") handle(AREA),
        /// The chain node it carries out.
        node: Id = check::any; refs(chain_node) names("nod", "node") handle(NODE),
        /// Who does it.
        owner: String = check::text::<NAME_MAX>; names("ansvarig", "owner") handle(OWNER),
        /// Where it stands.
        status: Status = check::any; names("status", "status") handle(STATUS),
        /// Its first day.
        start: Option<Date> = check::any; names("startdatum", "start date") handle(START),
        /// Its last day.
        end: Option<Date> = check::any; names("slutdatum", "end date") handle(END),
        /// What it is.
        description: String = check::text::<TEXT_MAX>; names("beskrivning", "description") handle(DESCRIPTION),
        /// Of particular importance to the Sami: needs a consultation (lag 2022:66).
        sami: bool = check::any; names("av särskild betydelse för samerna", "of particular importance to the Sami") handle(SAMI),
        /// In the trash.
        removed: bool = check::any; trash names("papperskorgen", "trash") handle(REMOVED),
    }
}

record_kind! {
    /// An entry of the learning log: what was seen, decided or followed up.
    Learning = "learning" noun("lärlogg", "lärloggar", en, "learning entry", "learning entries") {
        /// When.
        date: Date = check::any; required names("datum", "date") handle(DATE),
        /// What it records.
        entry: EntryKind = check::any; names("typ", "type") handle(ENTRY),
        /// What was learnt.
        text: String = check::required_text::<TEXT_MAX>; required label names("text", "text") handle(TEXT),
        /// Areas it concerns.
        areas: Links = check_links; refs(area) names("insatsområden", "action areas") handle(AREAS),
        /// Activities it concerns.
        activities: Links = check_links; refs(activity) names("aktiviteter", "activities") handle(ACTIVITIES),
        /// Indicators it concerns.
        indicators: Links = check_links; refs(indicator) names("indikatorer", "indicators") handle(INDICATORS),
        /// In the trash.
        removed: bool = check::any; trash names("papperskorgen", "trash") handle(REMOVED),
    }
}

record_kind! {
    /// A Sami consultation (lag 2022:66): its date, counterpart, matter and outcome; the
    /// matters it is about are inspel, cases, activities or projects.
    Consultation = "consultation" noun("samråd", "samråd", ett, "consultation", "consultations") {
        /// When it was held.
        date: Date = check::any; required names("datum", "date") handle(DATE),
        /// With whom (Sametinget, a sameby, an organisation).
        counterpart: Counterpart = check::any; names("motpart", "counterpart") handle(COUNTERPART),
        /// The counterpart's name ("Sametinget", "Njaarke sameby").
        name: String = check::required_text::<NAME_MAX>; required label names("motpartens namn", "counterpart's name") handle(NAME),
        /// The matter, in words.
        matter: String = check::text::<TEXT_MAX>; names("ärende", "matter") handle(MATTER),
        /// The records it is about (inspel, cases, activities, projects).
        about: Links = check_links; names("gäller", "about") handle(ABOUT),
        /// Participants, pseudonymous ("handläggare A").
        participants: String = check::text::<NAME_MAX>; names("deltagare", "participants") handle(PARTICIPANTS),
        /// What came up (the duty to document).
        notes: String = check::text::<TEXT_MAX>; names("vad som kom fram", "what came up") handle(NOTES),
        /// How it ended (`null`: not yet).
        outcome: Option<Outcome> = check::any; names("utfall", "outcome") handle(OUTCOME),
        /// An exception under §4 with its reason, instead of a consultation.
        exception: String = check::text::<TEXT_MAX>; names("undantag enligt 4 §", "exception (§4)") handle(EXCEPTION),
        /// Where it is documented (diary number, minutes).
        reference: String = check::text::<NAME_MAX>; names("dokumentation", "documentation") handle(REFERENCE),
        /// In the trash.
        removed: bool = check::any; trash names("papperskorgen", "trash") handle(REMOVED),
    }
}

record_kind! {
    /// A collaboration project (samverkansprojekt, seed 000) with its budget lines.
    Project = "project" noun("projekt", "projekt", ett, "project", "projects") {
        /// Its name.
        title: String = check::required_text::<NAME_MAX>; required label names("namn", "name") handle(TITLE),
        /// The area it belongs to.
        area: Id = check::any; refs(area) names("insatsområde", "action area") handle(AREA),
        /// Its first day.
        start: Option<Date> = check::any; names("startdatum", "start date") handle(START),
        /// Its last day.
        end: Option<Date> = check::any; names("slutdatum", "end date") handle(END),
        /// What it is.
        description: String = check::text::<TEXT_MAX>; names("beskrivning", "description") handle(DESCRIPTION),
        /// Its budgeted cost in kronor (what the financing must sum to).
        cost: i64 = check_amount; names("kostnad", "cost") handle(COST),
        /// The financing, line by line (`null`: removed).
        lines: map<Id, Option<Line>> = check_line; names("finansiering", "financing") handle(LINES),
        /// The call's cap on the region's share, in percent (`null`: none).
        region_cap: Option<u8> = check_percent; names("tak för regionens andel", "cap on the region's share") handle(REGION_CAP),
        /// The call's cap on the EU share, in percent (`null`: none).
        eu_cap: Option<u8> = check_percent; names("tak för EU-andel", "cap on the EU share") handle(EU_CAP),
        /// 1:1 funds must be matched krona for krona by other public money.
        one_to_one: bool = check::any; names("1:1-medel motfinansieras", "1:1 funds matched") handle(ONE_TO_ONE),
        /// Staffing (bemanning), in words.
        staffing: String = check::text::<TEXT_MAX>; names("bemanning", "staffing") handle(STAFFING),
        /// Actors taking part.
        actors: Links = check_links; refs(actor) names("aktörer", "actors") handle(ACTORS),
        /// Of particular importance to the Sami: needs a consultation (lag 2022:66).
        sami: bool = check::any; names("av särskild betydelse för samerna", "of particular importance to the Sami") handle(SAMI),
        /// In the trash.
        removed: bool = check::any; trash names("papperskorgen", "trash") handle(REMOVED),
    }
}

record_kind! {
    /// A meeting of the peer exchange (kollegialt utbyte, seed 003) with another region.
    Meeting = "meeting" noun("möte", "möten", ett, "meeting", "meetings") {
        /// When.
        date: Date = check::any; required names("datum", "date") handle(DATE),
        /// What it was about.
        title: String = check::required_text::<NAME_MAX>; required label names("rubrik", "title") handle(TITLE),
        /// The other region.
        region: String = check::text::<NAME_MAX>; names("region", "region") handle(REGION),
        /// How it was held.
        format: Format = check::any; names("form", "format") handle(FORMAT),
        /// Who took part (roles, not names, in an export).
        participants: String = check::text::<TEXT_MAX>; names("deltagare", "participants") handle(PARTICIPANTS),
        /// The politicians' representative.
        politician: String = check::text::<NAME_MAX>; names("politisk representant", "politicians' representative") handle(POLITICIAN),
        /// Notes.
        notes: String = check::text::<TEXT_MAX>; names("anteckningar", "notes") handle(NOTES),
        /// In the trash.
        removed: bool = check::any; trash names("papperskorgen", "trash") handle(REMOVED),
    }
}

limited!(
    crate::Doc, crate::Kind;
    Area,
    areas,
    AREAS_MAX,
    "workspace.areas",
    "Arbetsytan har redan 50 insatsområden, det högsta som går.",
    "The workspace already has 50 action areas, the most it can hold."
);
limited!(
    crate::Doc, crate::Kind;
    ChainNode,
    chain_nodes,
    NODES_MAX,
    "workspace.chain_nodes",
    "Effektkedjorna har redan 2 000 noder, det högsta som går.",
    "The effect chains already have 2,000 nodes, the most they can hold."
);
limited!(
    crate::Doc, crate::Kind;
    ChainEdge,
    chain_edges,
    EDGES_MAX,
    "workspace.chain_edges",
    "Effektkedjorna har redan 5 000 pilar, det högsta som går.",
    "The effect chains already have 5,000 arrows, the most they can hold."
);
limited!(
    crate::Doc, crate::Kind;
    Indicator,
    indicators,
    INDICATORS_MAX,
    "workspace.indicators",
    "Arbetsytan har redan 1 000 indikatorer, det högsta som går.",
    "The workspace already has 1,000 indicators, the most it can hold."
);
limited!(
    crate::Doc, crate::Kind;
    Activity,
    activities,
    ACTIVITIES_MAX,
    "workspace.activities",
    "Planen har redan 2 000 aktiviteter, det högsta som går.",
    "The plan already has 2,000 activities, the most it can hold."
);
limited!(
    crate::Doc, crate::Kind;
    Learning,
    learning,
    ENTRIES_MAX,
    "workspace.learning",
    "Lärloggen har redan 5 000 anteckningar, det högsta som går.",
    "The learning log already has 5,000 entries, the most it can hold."
);
limited!(
    crate::Doc, crate::Kind;
    Consultation,
    consultations,
    CONSULTATIONS_MAX,
    "workspace.consultations",
    "Samrådsloggen har redan 2 000 samråd, det högsta som går.",
    "The consultation log already has 2,000 consultations, the most it can hold."
);
limited!(
    crate::Doc, crate::Kind;
    Project,
    projects,
    PROJECTS_MAX,
    "workspace.projects",
    "Arbetsytan har redan 500 projekt, det högsta som går.",
    "The workspace already has 500 projects, the most it can hold."
);
limited!(
    crate::Doc, crate::Kind;
    Meeting,
    meetings,
    MEETINGS_MAX,
    "workspace.meetings",
    "Arbetsytan har redan 500 möten, det högsta som går.",
    "The workspace already has 500 meetings, the most it can hold."
);

/// Pushes a problem at `path` if fewer than `limit` are there.
fn push(problems: &mut Vec<check::Problem>, limit: usize, path: String, kind: ProblemKind) {
    if problems.len() < limit {
        problems.push(check::Problem { path, kind });
    }
}

impl Area {
    fn rules(_: &Doc, _: &mut Vec<check::Problem>, _: usize) {}
}

impl ChainNode {
    /// A node belongs to an area's chain or a project's, not both.
    fn rules(doc: &Doc, problems: &mut Vec<check::Problem>, limit: usize) {
        for (i, n) in doc.chain_nodes.live().enumerate() {
            if n.area().is_some() && n.project().is_some() {
                let path = format!("workspace.chain_nodes[{i}].project");
                push(problems, limit, path, ProblemKind::SameAs { other: "area" });
            }
        }
    }
}

impl ChainEdge {
    /// An edge joins two different nodes.
    fn rules(doc: &Doc, problems: &mut Vec<check::Problem>, limit: usize) {
        for (i, e) in doc.chain_edges.live().enumerate() {
            if e.from().is_some() && e.from() == e.to() {
                let path = format!("workspace.chain_edges[{i}].to");
                push(problems, limit, path, ProblemKind::SameAs { other: "from" });
            }
        }
    }
}

impl Indicator {
    /// At most [`VALUES_MAX`] years with a value.
    fn rules(doc: &Doc, problems: &mut Vec<check::Problem>, limit: usize) {
        for (i, r) in doc.indicators.live().enumerate() {
            if r.values().is_some_and(|v| v.0.len() > VALUES_MAX) {
                let path = format!("workspace.indicators[{i}].values");
                push(
                    problems,
                    limit,
                    path,
                    ProblemKind::TooMany { max: VALUES_MAX },
                );
            }
            if let Some(year) = r
                .values()
                .and_then(|v| v.0.keys().find(|y| year_of(y).is_none()))
            {
                let (min, max) = super::date::YEARS;
                let path = format!("workspace.indicators[{i}].values.{year}");
                push(
                    problems,
                    limit,
                    path,
                    ProblemKind::OutOfRange {
                        min: min.into(),
                        max: max.into(),
                    },
                );
            }
        }
    }
}

impl Activity {
    fn rules(_: &Doc, _: &mut Vec<check::Problem>, _: usize) {}
}

impl Learning {
    fn rules(_: &Doc, _: &mut Vec<check::Problem>, _: usize) {}
}

impl Consultation {
    /// What a consultation is about resolves to an inspel, a case, an activity or a project.
    fn rules(doc: &Doc, problems: &mut Vec<check::Problem>, limit: usize) {
        for (i, c) in doc.consultations.live().enumerate() {
            for id in c.about().into_iter().flatten() {
                if !matter_exists(doc, id) {
                    let path = format!("workspace.consultations[{i}].about.value");
                    push(
                        problems,
                        limit,
                        path,
                        ProblemKind::Dangling { id: id.to_string() },
                    );
                }
            }
        }
    }
}

impl Project {
    /// At most [`LINES_MAX`] budget lines.
    fn rules(doc: &Doc, problems: &mut Vec<check::Problem>, limit: usize) {
        for (i, p) in doc.projects.live().enumerate() {
            if p.lines().is_some_and(|l| l.0.len() > LINES_MAX) {
                let path = format!("workspace.projects[{i}].lines");
                push(
                    problems,
                    limit,
                    path,
                    ProblemKind::TooMany { max: LINES_MAX },
                );
            }
        }
    }

    /// The budget lines that are there (not removed), in line-id order.
    #[must_use]
    pub fn budget(&self) -> Vec<Line> {
        self.lines()
            .map(|m| m.0.values().filter_map(|r| r.value.clone()).collect())
            .unwrap_or_default()
    }
}

impl Meeting {
    fn rules(_: &Doc, _: &mut Vec<check::Problem>, _: usize) {}
}

/// The year a value's key names: four digits within the dates' range.
#[must_use]
pub fn year_of(key: &str) -> Option<u16> {
    let y: u16 =
        (key.len() == 4 && key.bytes().all(|c| c.is_ascii_digit())).then(|| key.parse().ok())??;
    check_year(&y).is_none().then_some(y)
}

impl Indicator {
    /// The values by year, in year order (keys that are no year left out).
    #[must_use]
    pub fn series(&self) -> Vec<(u16, Measurement)> {
        let mut out: Vec<(u16, Measurement)> = self
            .values()
            .map(|m| {
                m.0.iter()
                    .filter_map(|(k, r)| Some((year_of(k)?, r.value.clone()?)))
                    .collect()
            })
            .unwrap_or_default();
        crate::kernel::order::sort_by_key(&mut out, |(y, _)| *y);
        out
    }
}

/// Whether `id` is a matter a consultation can be about: an inspel, a case, an activity or a
/// project (live or erased: an erased matter's consultation stays documented).
#[must_use]
pub fn matter_exists(doc: &Doc, id: &Id) -> bool {
    doc.inspel.0.contains_key(id)
        || doc.cases.0.contains_key(id)
        || doc.activities.0.contains_key(id)
        || doc.projects.0.contains_key(id)
        || doc.applications.0.contains_key(id)
}
