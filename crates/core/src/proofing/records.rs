//! The records of the sustainability-proofing (hållbarhetssäkring, DOMAIN §7, seed 001's
//! insatsområde 3): funding applications, versioned criteria templates and assessments — one
//! per assessor, each holding a copy of the criteria it used, and the joint one agreed after
//! comparing them. Limits are per workspace and enforced on create and on import.
use serde::{Deserialize, Serialize};

use super::rules::{Answers, Criteria, Level, Objective, SCALE_MAX, Scoring, WEIGHT_MAX};
use crate::Doc;
use crate::Kind;
use crate::actions::date::Date;
use crate::actions::records::{Links, check_amount, check_links};
use crate::kernel::check::{self, NAME_MAX, ProblemKind, TEXT_MAX, limited};
use crate::kernel::command::DomainError;
use crate::kernel::id::Id;
use crate::kernel::lang::Lang;
use crate::kernel::record::{Guard, Record};
use crate::kernel::reg::RegMap;
type Command = crate::kernel::command::Command<Kind>;

/// Most applications.
pub const APPLICATIONS_MAX: usize = 2_000;
/// Most criteria templates (every version counts).
pub const TEMPLATES_MAX: usize = 200;
/// Most assessments.
pub const ASSESSMENTS_MAX: usize = 10_000;
/// Most flags one assessment comments.
pub const COMMENTS_MAX: usize = 200;

/// What kind of funding is applied for.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Support {
    /// Företagsstöd.
    #[default]
    Business,
    /// Projektmedel.
    Project,
    /// Kommersiell service (village shops, fuel in sparsely populated areas).
    CommercialService,
}

impl Support {
    /// Every kind, in the order forms and tables show them.
    pub const ALL: [Self; 3] = [Self::Business, Self::Project, Self::CommercialService];

    /// Its name.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Business, Lang::Sv) => "Företagsstöd",
            (Self::Business, Lang::En) => "Business support",
            (Self::Project, Lang::Sv) => "Projektmedel",
            (Self::Project, Lang::En) => "Project funds",
            (Self::CommercialService, Lang::Sv) => "Kommersiell service",
            (Self::CommercialService, Lang::En) => "Commercial service",
        }
    }
}

/// The decision on an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Not decided yet.
    #[default]
    Open,
    /// Granted (beviljad).
    Granted,
    /// Refused (avslagen).
    Refused,
}

impl Decision {
    /// Every decision, in order.
    pub const ALL: [Self; 3] = [Self::Open, Self::Granted, Self::Refused];

    /// Its name.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Open, Lang::Sv) => "Ej beslutad",
            (Self::Open, Lang::En) => "Not decided",
            (Self::Granted, Lang::Sv) => "Beviljad",
            (Self::Granted, Lang::En) => "Granted",
            (Self::Refused, Lang::Sv) => "Avslagen",
            (Self::Refused, Lang::En) => "Refused",
        }
    }
}

/// The checkpoint of Region Kronoberg's method (hållplats): go on, rethink, or end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Stop {
    /// Fortsätta.
    Continue,
    /// Tänka om.
    Rethink,
    /// Avsluta.
    End,
}

impl Stop {
    /// The three, in order.
    pub const ALL: [Self; 3] = [Self::Continue, Self::Rethink, Self::End];

    /// Its name.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Continue, Lang::Sv) => "Fortsätta",
            (Self::Continue, Lang::En) => "Continue",
            (Self::Rethink, Lang::Sv) => "Tänka om",
            (Self::Rethink, Lang::En) => "Rethink",
            (Self::End, Lang::Sv) => "Avsluta",
            (Self::End, Lang::En) => "End",
        }
    }
}

record_kind! {
    /// A funding application (ansökan) to be sustainability-proofed.
    Application = "application" noun("ansökan", "ansökningar", en, "application", "applications") {
        /// What it is for.
        title: String = check::required_text::<NAME_MAX>; required label names("rubrik", "title") handle(TITLE),
        /// Who applies (a company, a municipality, an association).
        applicant: String = check::text::<NAME_MAX>; names("sökande", "applicant") handle(APPLICANT),
        /// Business support, project funds or commercial service.
        support: Support = check::any; names("stödform", "kind of support") handle(SUPPORT),
        /// The amount applied for, in whole kronor.
        amount: i64 = check_amount; names("sökt belopp", "amount applied for") handle(AMOUNT),
        /// The co-financing, in whole kronor.
        cofinancing: i64 = check_amount; names("medfinansiering", "co-financing") handle(COFINANCING),
        /// Its first day.
        start: Option<Date> = check::any; names("startdatum", "start date") handle(START),
        /// Its last day.
        end: Option<Date> = check::any; names("slutdatum", "end date") handle(END),
        /// The municipality it is in.
        municipality: String = check::text::<NAME_MAX>; names("kommun", "municipality") handle(MUNICIPALITY),
        /// The municipality is an inland one (inlandskommun).
        inland: bool = check::any; names("inlandskommun", "inland municipality") handle(INLAND),
        /// What it is.
        description: String = check::text::<TEXT_MAX>; names("beskrivning", "description") handle(DESCRIPTION),
        /// The regional goals it targets (from the goal sets).
        goals: Links = check_links; refs(goal) names("mål", "goals") handle(GOALS),
        /// The goal-conflict matrix its goals are checked against.
        matrix: Id = check::any; refs(matrix) names("matris", "matrix") handle(MATRIX),
        /// Actors behind it.
        actors: Links = check_links; refs(actor) names("aktörer", "actors") handle(ACTORS),
        /// The collaboration project it belongs to.
        project: Id = check::any; refs(project) names("projekt", "project") handle(PROJECT),
        /// May be of particular importance to the Sami: a consultation before the decision
        /// (lag 2022:66).
        sami: bool = check::any; names("av särskild betydelse för samerna", "of particular importance to the Sami") handle(SAMI),
        /// The decision.
        decision: Decision = check::any; names("beslut", "decision") handle(DECISION),
        /// The amount granted, in whole kronor.
        granted: i64 = check_amount; names("beviljat belopp", "amount granted") handle(GRANTED),
        /// In the trash.
        removed: bool = check::any; trash names("papperskorgen", "trash") handle(REMOVED),
    }
}

record_kind! {
    /// One version of a criteria template. A copy or a change is a new version (`version`
    /// counts up, `previous` names the one it came from); assessments keep a copy of the
    /// criteria they used.
    Template = "template" noun("kriteriemall", "kriteriemallar", en, "criteria template", "criteria templates") {
        /// Its name ("Projektmedel 2025").
        name: String = check::required_text::<NAME_MAX>; required label names("namn", "name") handle(NAME),
        /// Its version, from 1.
        version: u32 = check_version; names("version", "version") handle(VERSION),
        /// The version it was made from.
        previous: Id = check::any; refs(template) names("föregående version", "previous version") handle(PREVIOUS),
        /// Where its rules come from (Tillväxtverket, Region Kronoberg, a call's text).
        source: String = check::text::<TEXT_MAX>; names("källa", "source") handle(SOURCE),
        /// The gates and the score.
        criteria: Criteria = check_criteria; names("kriterier", "criteria") handle(CRITERIA),
        /// In the trash.
        removed: bool = check::any; trash names("papperskorgen", "trash") handle(REMOVED),
    }
}

record_kind! {
    /// One assessment of an application: an assessor's own, or the joint one agreed after
    /// comparing them (`joint`, with the individual ones in `sources`, kept as provenance).
    Assessment = "assessment" noun("bedömning", "bedömningar", en, "assessment", "assessments") {
        /// The application assessed.
        application: Id = check::any; required refs(application) names("ansökan", "application") handle(APPLICATION),
        /// Who assessed (a role or pseudonym: "Handläggare A").
        assessor: String = check::required_text::<NAME_MAX>; required label names("bedömare", "assessor") handle(ASSESSOR),
        /// The template it used.
        template: Id = check::any; refs(template) names("kriteriemall", "criteria template") handle(TEMPLATE),
        /// That template's version.
        version: u32 = check_version; names("mallens version", "template version") handle(VERSION),
        /// The criteria as they were when the assessment began (a later change of the template
        /// leaves them).
        criteria: Criteria = check_criteria; names("kriterier", "criteria") handle(CRITERIA),
        /// The answers.
        answers: Answers = check_answers; names("svar", "answers") handle(ANSWERS),
        /// Part 1: contribution to the regional development strategy, in words.
        contribution: String = check::text::<TEXT_MAX>; names("bidrag till RUS", "contribution to the strategy") handle(CONTRIBUTION),
        /// The checkpoint: continue, rethink or end (`null`: not taken).
        stop: Option<Stop> = check::any; names("hållplats", "checkpoint") handle(STOP),
        /// Why.
        stop_reason: String = check::text::<TEXT_MAX>; names("skäl vid hållplatsen", "reason at the checkpoint") handle(STOP_REASON),
        /// A knowledge gap (kunskapsluckor), in words; empty: none.
        gap: String = check::text::<TEXT_MAX>; names("kunskapsluckor", "knowledge gaps") handle(GAP),
        /// Comments acknowledging the flags, by flag key (`null`: taken back).
        comments: map<String, Option<String>> = check_comment; names("kommentarer till flaggor", "comments on flags") handle(COMMENTS),
        /// The samlad bedömning, in words.
        summary: String = check::text::<TEXT_MAX>; names("samlad bedömning", "overall assessment") handle(SUMMARY),
        /// The joint assessment, agreed after comparing the individual ones.
        joint: bool = check::any; names("gemensam", "joint") handle(JOINT),
        /// The individual assessments the joint one was agreed from.
        sources: Links = check_links; refs(assessment) names("underlag", "based on") handle(SOURCES),
        /// Closed: every flag commented; no longer changed.
        closed: bool = check::any; names("avslutad", "closed") handle(CLOSED),
        /// In the trash.
        removed: bool = check::any; trash names("papperskorgen", "trash") handle(REMOVED),
    }
}

/// A version from 1 to 1 000 000.
pub fn check_version(v: &u32) -> Option<ProblemKind> {
    check::range(i64::from(*v), 1, 1_000_000)
}

fn names_ok(list: &[String]) -> Option<ProblemKind> {
    if list.len() > super::rules::LIST_MAX {
        return Some(ProblemKind::TooMany {
            max: super::rules::LIST_MAX,
        });
    }
    list.iter().find_map(check::required_text::<NAME_MAX>)
}

/// Criteria within their limits: at most [`LIST_MAX`](super::rules::LIST_MAX) requirements,
/// gates, criteria or points, each named in at most [`NAME_MAX`] characters; `min_partly`
/// 0–3; one of three counted as *inte* or *delvis*; weights 0–100; a scale of 1–10; a pass mark
/// of 0–100 %; a count rule asking at most as many points as there are.
pub fn check_criteria(c: &Criteria) -> Option<ProblemKind> {
    names_ok(&c.formal)
        .or_else(|| names_ok(&c.regional))
        .or_else(|| check::range(i64::from(c.min_partly), 0, 3))
        .or_else(|| {
            (c.one_of_three == Level::Actively)
                .then_some(ProblemKind::OutOfRange { min: 0, max: 1 })
        })
        .or_else(|| match &c.scoring {
            Scoring::Weighted {
                criteria,
                max,
                pass_at,
            } => {
                let named: Vec<String> = criteria.iter().map(|k| k.name.clone()).collect();
                names_ok(&named)
                    .or_else(|| {
                        criteria.iter().find_map(|k| {
                            check::range(i64::from(k.weight), 0, i64::from(WEIGHT_MAX))
                        })
                    })
                    .or_else(|| check::range(i64::from(*max), 1, i64::from(SCALE_MAX)))
                    .or_else(|| check::range(i64::from(pass_at.unwrap_or(0)), 0, 100))
            }
            Scoring::Count { points, at_least } => names_ok(points).or_else(|| {
                let n = i64::try_from(points.len()).unwrap_or(i64::MAX);
                check::range(i64::from(*at_least), 0, n)
            }),
        })
}

/// Answers within their limits: at most [`LIST_MAX`](super::rules::LIST_MAX) per list, six
/// DNSH answers with justifications of at most [`TEXT_MAX`] characters, three horizontal
/// criteria, scores of at most 10.
pub fn check_answers(a: &Answers) -> Option<ProblemKind> {
    let max = super::rules::LIST_MAX;
    let too_many = |n: usize, max: usize| (n > max).then_some(ProblemKind::TooMany { max });
    too_many(a.formal.len(), max)
        .or_else(|| too_many(a.regional.len(), max))
        .or_else(|| too_many(a.scores.len(), max))
        .or_else(|| too_many(a.points.len(), max))
        .or_else(|| too_many(a.dnsh.len(), Objective::ALL.len()))
        .or_else(|| too_many(a.horizontal.len(), 3))
        .or_else(|| a.dnsh.iter().find_map(|(_, t)| check::text::<TEXT_MAX>(t)))
        .or_else(|| {
            a.scores
                .iter()
                .flatten()
                .find_map(|s| check::range(i64::from(*s), 0, i64::from(SCALE_MAX)))
        })
}

/// A flag's comment of at most [`TEXT_MAX`] characters (`null`: taken back).
pub fn check_comment(c: &Option<String>) -> Option<ProblemKind> {
    check::text::<TEXT_MAX>(c.as_ref()?)
}

limited!(
    crate::Doc, crate::Kind;
    Application,
    applications,
    APPLICATIONS_MAX,
    "workspace.applications",
    "Arbetsytan har redan 2 000 ansökningar, det högsta som går.",
    "The workspace already has 2,000 applications, the most it can hold."
);
limited!(
    crate::Doc, crate::Kind;
    Template,
    templates,
    TEMPLATES_MAX,
    "workspace.templates",
    "Arbetsytan har redan 200 kriteriemallar, det högsta som går.",
    "The workspace already has 200 criteria templates, the most it can hold."
);
impl Guard<Doc> for Assessment {
    /// At most [`ASSESSMENTS_MAX`]; a closed assessment is no longer changed (only put in
    /// the trash, or opened again).
    fn guard(doc: &Doc, cmd: &Command) -> Result<(), DomainError> {
        let live = check::kept(doc.assessments.live(), Assessment::removed);
        check::full::<Self, Kind>(
            cmd,
            live,
            ASSESSMENTS_MAX,
            "Arbetsytan har redan 10 000 bedömningar, det högsta som går.",
            "The workspace already has 10,000 assessments, the most it can hold.",
        )?;
        if let Command::Edit { id, field, .. } = cmd
            && field != Assessment::REMOVED.name()
            && field != Assessment::CLOSED.name()
            && doc.assessments.get(id).and_then(Assessment::closed) == Some(&true)
        {
            return Err(DomainError::Refused {
                kind: Self::KIND,
                sv: "Bedömningen är avslutad och ändras inte längre. Öppna den igen för att ändra.",
                en: "The assessment is closed and no longer changes. Open it again to change it.",
            });
        }
        Ok(())
    }

    fn check_doc(doc: &Doc, problems: &mut Vec<check::Problem>, limit: usize) {
        let n = check::kept(doc.assessments.live(), Assessment::removed);
        check::too_many("workspace.assessments", n, ASSESSMENTS_MAX, problems, limit);
        Assessment::rules(doc, problems, limit);
    }
}

impl Application {
    fn rules(_: &Doc, _: &mut Vec<check::Problem>, _: usize) {}
}

impl Template {
    fn rules(_: &Doc, _: &mut Vec<check::Problem>, _: usize) {}
}

impl Assessment {
    /// At most [`COMMENTS_MAX`] flag comments.
    fn rules(doc: &Doc, problems: &mut Vec<check::Problem>, limit: usize) {
        for (i, a) in doc.assessments.live().enumerate() {
            if a.comments().is_some_and(|c| c.0.len() > COMMENTS_MAX) && problems.len() < limit {
                problems.push(check::Problem {
                    path: format!("workspace.assessments[{i}].comments"),
                    kind: ProblemKind::TooMany { max: COMMENTS_MAX },
                });
            }
        }
    }

    /// The flag comments that are there, by key.
    #[must_use]
    pub fn comment_map(&self) -> std::collections::BTreeMap<String, String> {
        self.comments()
            .map(|m: &RegMap<String, Option<String>>| {
                m.0.iter()
                    .filter_map(|(k, r)| r.value.clone().map(|v| (k.clone(), v)))
                    .collect()
            })
            .unwrap_or_default()
    }
}
