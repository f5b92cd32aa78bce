//! The action areas' workflows, as commands the views send: building an effect chain (add a
//! node at the foot of its level, connect two nodes, move a node, put a node in the trash with
//! its arrows), recording an indicator's value for a year from what a user typed, and a budget
//! line. Each returns one command (a batch where several records change), so one "Ångra"
//! undoes it; the chain rules are warnings shown with the diagram (OPEN-18), so a backward
//! arrow can be drawn and is then flagged, but an arrow to itself, one given twice or one
//! between two chains is refused.
use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::chain::Level;
use super::date::Date;
use super::decimal::Decimal;
use super::funding::{FunderType, Line};
use super::plan::Status;
use super::records::{
    Activity, ChainEdge, ChainNode, Direction, Indicator, Measure, Measurement, Project,
};
use crate::Doc;
use crate::Kind;
use crate::kernel::command::Command;
use crate::kernel::id::Id;
use crate::kernel::lang::{Lang, Localized};

/// Whose chain a node belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner<'a> {
    /// An action area's.
    Area(&'a Id),
    /// A project's.
    Project(&'a Id),
}

/// Why a chain edit or a value was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// The node is not there (or in the trash).
    NoNode,
    /// An arrow from a node to itself.
    SameNode,
    /// The two nodes already have this arrow.
    Twice,
    /// The nodes belong to different chains.
    OtherChain,
    /// What was typed is no number.
    NotANumber(String),
    /// What was typed is no date (YYYY-MM-DD).
    NotADate(String),
    /// What was typed is no year (1900–2200).
    NotAYear(String),
    /// What was typed is no whole amount of kronor (≥ 0).
    NotAnAmount(String),
    /// What was typed is no percentage (0–100).
    NotAPercent(String),
    /// The end comes before the start.
    EndsBeforeStart,
    /// A name or title is needed.
    NoTitle,
}

impl Localized for EditError {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::NoNode, Lang::Sv) => "Noden finns inte längre.".into(),
            (Self::NoNode, Lang::En) => "The node is no longer there.".into(),
            (Self::SameNode, Lang::Sv) => "En pil går mellan två olika noder.".into(),
            (Self::SameNode, Lang::En) => "An arrow joins two different nodes.".into(),
            (Self::Twice, Lang::Sv) => "Pilen finns redan.".into(),
            (Self::Twice, Lang::En) => "The arrow is already there.".into(),
            (Self::OtherChain, Lang::Sv) => "Noderna hör till olika effektkedjor.".into(),
            (Self::OtherChain, Lang::En) => "The nodes belong to different effect chains.".into(),
            (Self::NotANumber(t), Lang::Sv) => format!(
                "”{t}” är inget tal. Skriv till exempel 12,5 eller 1 250 (högst fyra decimaler)."
            ),
            (Self::NotANumber(t), Lang::En) => format!(
                "“{t}” is not a number. Write for example 12.5 or 1250 (at most four decimals)."
            ),
            (Self::NotADate(t), Lang::Sv) => {
                format!("”{t}” är inget datum. Skriv det som 2021-03-31.")
            }
            (Self::NotADate(t), Lang::En) => {
                format!("“{t}” is not a date. Write it as 2021-03-31.")
            }
            (Self::NotAYear(t), Lang::Sv) => {
                format!("”{t}” är inget år. Skriv ett år mellan 1900 och 2200.")
            }
            (Self::NotAYear(t), Lang::En) => {
                format!("“{t}” is not a year. Write a year between 1900 and 2200.")
            }
            (Self::NotAnAmount(t), Lang::Sv) => {
                format!("”{t}” är inget belopp. Skriv hela kronor, till exempel 1 185 000.")
            }
            (Self::NotAnAmount(t), Lang::En) => {
                format!("“{t}” is not an amount. Write whole kronor, for example 1185000.")
            }
            (Self::NotAPercent(t), Lang::Sv) => {
                format!("”{t}” är ingen procentsats. Skriv ett heltal 0–100, till exempel 50.")
            }
            (Self::NotAPercent(t), Lang::En) => {
                format!("“{t}” is not a percentage. Write a whole number 0–100, for example 50.")
            }
            (Self::EndsBeforeStart, Lang::Sv) => "Slutdatumet ligger före startdatumet.".into(),
            (Self::EndsBeforeStart, Lang::En) => "The end date is before the start date.".into(),
            (Self::NoTitle, Lang::Sv) => "Skriv ett namn.".into(),
            (Self::NoTitle, Lang::En) => "Write a name.".into(),
        }
    }
}

fn node<'a>(doc: &'a Doc, id: &Id) -> Result<&'a ChainNode, EditError> {
    doc.chain_nodes
        .get(id)
        .filter(|n| n.removed() != Some(&true))
        .ok_or(EditError::NoNode)
}

fn owner_of(n: &ChainNode) -> (Option<&Id>, Option<&Id>) {
    (n.area(), n.project())
}

/// The command adding node `id` with `title` at the foot of `level` in `owner`'s chain.
#[must_use]
pub fn add_node(doc: &Doc, id: &Id, owner: Owner<'_>, level: Level, title: &str) -> Command<Kind> {
    let (field, owner_id) = match owner {
        Owner::Area(a) => (ChainNode::AREA.name(), a),
        Owner::Project(p) => (ChainNode::PROJECT.name(), p),
    };
    let row = doc
        .chain_nodes
        .live()
        .filter(|n| n.removed() != Some(&true) && n.level() == Some(&level))
        .filter(|n| n.area() == Some(owner_id) || n.project() == Some(owner_id))
        .filter_map(|n| n.row().copied())
        .max()
        .map_or(0, |r| r.saturating_add(1).min(999));
    let fields: BTreeMap<String, Value> = [
        (field.to_owned(), json!(owner_id)),
        (ChainNode::LEVEL.name().to_owned(), json!(level)),
        (ChainNode::ROW.name().to_owned(), json!(row)),
        (ChainNode::TITLE.name().to_owned(), json!(title)),
    ]
    .into();
    Command::Create {
        kind: Kind::ChainNode,
        id: id.clone(),
        fields,
    }
}

/// The command drawing arrow `id` from `from` to `to`.
///
/// # Errors
/// [`EditError`] for a node not there, an arrow to itself, one given twice, or nodes of two
/// chains.
pub fn connect(doc: &Doc, id: &Id, from: &Id, to: &Id) -> Result<Command<Kind>, EditError> {
    let (a, b) = (node(doc, from)?, node(doc, to)?);
    if from == to {
        return Err(EditError::SameNode);
    }
    if owner_of(a) != owner_of(b) {
        return Err(EditError::OtherChain);
    }
    let twice = doc
        .chain_edges
        .live()
        .any(|e| e.removed() != Some(&true) && e.from() == Some(from) && e.to() == Some(to));
    if twice {
        return Err(EditError::Twice);
    }
    let fields: BTreeMap<String, Value> = [
        (ChainEdge::FROM.name().to_owned(), json!(from)),
        (ChainEdge::TO.name().to_owned(), json!(to)),
    ]
    .into();
    Ok(Command::Create {
        kind: Kind::ChainEdge,
        id: id.clone(),
        fields,
    })
}

/// The command moving node `id` to `level` and `row` (the diagram's column and row).
#[must_use]
pub fn move_node(id: &Id, level: Level, row: u16) -> Command<Kind> {
    Command::Batch {
        commands: vec![
            ChainNode::LEVEL.edit(id, &level),
            ChainNode::ROW.edit(id, &row.min(999)),
        ],
    }
}

/// The command putting node `id` and every arrow to or from it in the trash.
///
/// # Errors
/// [`EditError::NoNode`] when it is not there.
pub fn remove_node(doc: &Doc, id: &Id) -> Result<Command<Kind>, EditError> {
    node(doc, id)?;
    let mut commands = vec![ChainNode::REMOVED.edit(id, &true)];
    commands.extend(
        doc.chain_edges
            .live()
            .filter(|e| e.removed() != Some(&true))
            .filter(|e| e.from() == Some(id) || e.to() == Some(id))
            .map(|e| ChainEdge::REMOVED.edit(&e.id, &true)),
    );
    Ok(Command::Batch { commands })
}

/// The command recording `text` (typed the Swedish or English way) as `indicator`'s value for
/// `year`, from `source`; an empty `text` removes the year's value.
///
/// # Errors
/// [`EditError::NotANumber`] when `text` is no decimal number.
pub fn record_value(
    indicator: &Id,
    year: u16,
    text: &str,
    source: &str,
) -> Result<Command<Kind>, EditError> {
    let value = if text.trim().is_empty() {
        None
    } else {
        let value =
            Decimal::read(text).ok_or_else(|| EditError::NotANumber(text.trim().to_owned()))?;
        Some(Measurement {
            value,
            source: source.trim().to_owned(),
        })
    };
    Ok(Indicator::VALUES.set(indicator, &[(year.to_string(), value)]))
}

/// The command setting budget line `line` of `project` (`None`: removing it).
#[must_use]
pub fn set_line(project: &Id, line: &Id, value: Option<Line>) -> Command<Kind> {
    Project::LINES.set(project, &[(line.clone(), value)])
}

/// A date typed in a form (`YYYY-MM-DD`, what a date field gives); empty is none.
///
/// # Errors
/// [`EditError::NotADate`] for text that is no date.
pub fn date_field(text: &str) -> Result<Option<Date>, EditError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    Date::parse(t)
        .map(Some)
        .ok_or_else(|| EditError::NotADate(t.to_owned()))
}

/// A year typed in a form; empty is none.
///
/// # Errors
/// [`EditError::NotAYear`] outside [`super::date::YEARS`] (1900–2200) or for no number.
pub fn year_field(text: &str) -> Result<Option<u16>, EditError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<u16>()
        .ok()
        .filter(|y| (super::date::YEARS.0..=super::date::YEARS.1).contains(y))
        .map(Some)
        .ok_or_else(|| EditError::NotAYear(t.to_owned()))
}

/// Whole kronor typed the Swedish way ("1 185 000", "1185000 kr"); empty is none.
///
/// # Errors
/// [`EditError::NotAnAmount`] for anything else, a negative amount or one above the limit.
pub fn amount_field(text: &str) -> Result<Option<i64>, EditError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let digits: String = t
        .trim_end_matches("kr")
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
        .collect();
    digits
        .parse::<i64>()
        .ok()
        .filter(|a| (0..=super::records::AMOUNT_MAX).contains(a))
        .map(Some)
        .ok_or_else(|| EditError::NotAnAmount(t.to_owned()))
}

/// What the activity form holds, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActivityForm {
    /// What is done.
    pub title: String,
    /// First day, `YYYY-MM-DD` or empty.
    pub start: String,
    /// Last day, `YYYY-MM-DD` or empty.
    pub end: String,
    /// Who does it.
    pub owner: String,
    /// Where it stands.
    pub status: Status,
    /// The area, if any.
    pub area: Option<Id>,
    /// The chain node it carries out, if any.
    pub node: Option<Id>,
    /// Of particular importance to the Sami.
    pub sami: bool,
}

/// The command adding activity `id` from `form`.
///
/// # Errors
/// [`EditError`] for no title, a date that is none, or an end before the start.
pub fn add_activity(id: &Id, form: &ActivityForm) -> Result<Command<Kind>, EditError> {
    let (title, start, end) = checked(form)?;
    let mut fields: BTreeMap<String, Value> = BTreeMap::new();
    fields.insert(Activity::TITLE.name().into(), json!(title));
    fields.insert(Activity::STATUS.name().into(), json!(form.status));
    if let Some(s) = start {
        fields.insert(Activity::START.name().into(), json!(s));
    }
    if let Some(e) = end {
        fields.insert(Activity::END.name().into(), json!(e));
    }
    if !form.owner.trim().is_empty() {
        fields.insert(Activity::OWNER.name().into(), json!(form.owner.trim()));
    }
    if let Some(a) = &form.area {
        fields.insert(Activity::AREA.name().into(), json!(a));
    }
    if let Some(n) = &form.node {
        fields.insert(Activity::NODE.name().into(), json!(n));
    }
    if form.sami {
        fields.insert(Activity::SAMI.name().into(), json!(true));
    }
    Ok(Command::Create {
        kind: Kind::Activity,
        id: id.clone(),
        fields,
    })
}

/// The form's title and dates, checked: a title, dates that are dates, the end not before the
/// start.
fn checked(form: &ActivityForm) -> Result<(&str, Option<Date>, Option<Date>), EditError> {
    let title = form.title.trim();
    if title.is_empty() {
        return Err(EditError::NoTitle);
    }
    let (start, end) = (date_field(&form.start)?, date_field(&form.end)?);
    if let (Some(a), Some(b)) = (start, end)
        && b < a
    {
        return Err(EditError::EndsBeforeStart);
    }
    Ok((title, start, end))
}

/// The form holding activity `a` as it is.
#[must_use]
pub fn activity_form(a: &Activity) -> ActivityForm {
    let date = |d: Option<&Option<Date>>| {
        d.copied()
            .flatten()
            .map(|d| d.to_string())
            .unwrap_or_default()
    };
    ActivityForm {
        title: a.title().cloned().unwrap_or_default(),
        start: date(a.start()),
        end: date(a.end()),
        owner: a.owner().cloned().unwrap_or_default(),
        status: a.status().copied().unwrap_or_default(),
        area: a.area().cloned(),
        node: a.node().cloned(),
        sami: a.sami() == Some(&true),
    }
}

/// The command saving `form` as activity `id`: a new activity, or the changes to the one there
/// (one command, one undo).
///
/// # Errors
/// As [`add_activity`].
pub fn save_activity(doc: &Doc, id: &Id, form: &ActivityForm) -> Result<Command<Kind>, EditError> {
    if doc
        .activities
        .get(id)
        .is_none_or(|a| a.removed() == Some(&true))
    {
        return add_activity(id, form);
    }
    let (title, start, end) = checked(form)?;
    let mut commands = vec![
        Activity::TITLE.edit(id, &title.to_owned()),
        Activity::STATUS.edit(id, &form.status),
        Activity::START.edit(id, &start),
        Activity::END.edit(id, &end),
        Activity::OWNER.edit(id, &form.owner.trim().to_owned()),
        Activity::SAMI.edit(id, &form.sami),
    ];
    if let Some(a) = &form.area {
        commands.push(Activity::AREA.edit(id, a));
    }
    if let Some(n) = &form.node {
        commands.push(Activity::NODE.edit(id, n));
    }
    Ok(Command::Batch { commands })
}

/// What the indicator form holds, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndicatorForm {
    /// Its name.
    pub title: String,
    /// Its unit.
    pub unit: String,
    /// What it measures.
    pub measure: Measure,
    /// Which way is better.
    pub direction: Direction,
    /// Baseline year and value, as typed.
    pub baseline_year: String,
    /// The baseline.
    pub baseline: String,
    /// Target year and value, as typed.
    pub target_year: String,
    /// The target.
    pub target: String,
}

/// The command saving `form` into indicator `id` (one command, one undo).
///
/// # Errors
/// [`EditError`] for no title, a year that is none, a value that is no number, or a target
/// year before the baseline year.
pub fn save_indicator(id: &Id, form: &IndicatorForm) -> Result<Command<Kind>, EditError> {
    let title = form.title.trim();
    if title.is_empty() {
        return Err(EditError::NoTitle);
    }
    let number = |t: &str| -> Result<Option<Decimal>, EditError> {
        let t = t.trim();
        if t.is_empty() {
            return Ok(None);
        }
        Decimal::read(t)
            .map(Some)
            .ok_or_else(|| EditError::NotANumber(t.to_owned()))
    };
    let (by, ty) = (
        year_field(&form.baseline_year)?,
        year_field(&form.target_year)?,
    );
    if let (Some(a), Some(b)) = (by, ty)
        && b < a
    {
        return Err(EditError::EndsBeforeStart);
    }
    let (base, target) = (number(&form.baseline)?, number(&form.target)?);
    let mut commands = vec![
        Indicator::TITLE.edit(id, &title.to_owned()),
        Indicator::UNIT.edit(id, &form.unit.trim().to_owned()),
        Indicator::MEASURE.edit(id, &form.measure),
        Indicator::DIRECTION.edit(id, &form.direction),
    ];
    if let Some(y) = by {
        commands.push(Indicator::BASELINE_YEAR.edit(id, &y));
    }
    if let Some(y) = ty {
        commands.push(Indicator::TARGET_YEAR.edit(id, &y));
    }
    if let Some(v) = base {
        commands.push(Indicator::BASELINE.edit(id, &v));
    }
    if let Some(v) = target {
        commands.push(Indicator::TARGET.edit(id, &v));
    }
    Ok(Command::Batch { commands })
}

/// The command setting budget line `line` of `project` from what a user typed.
///
/// # Errors
/// [`EditError`] for no funder name, a year or an amount that is none.
pub fn budget_line(
    project: &Id,
    line: &Id,
    funder: &str,
    funder_type: FunderType,
    year: &str,
    amount: &str,
) -> Result<Command<Kind>, EditError> {
    let funder = funder.trim();
    if funder.is_empty() {
        return Err(EditError::NoTitle);
    }
    let year = year_field(year)?.ok_or_else(|| EditError::NotAYear(String::new()))?;
    let amount = amount_field(amount)?.ok_or_else(|| EditError::NotAnAmount(String::new()))?;
    Ok(set_line(
        project,
        line,
        Some(Line {
            funder: funder.to_owned(),
            funder_type,
            year,
            amount,
        }),
    ))
}

/// What the project form holds, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProjectForm {
    /// Its name.
    pub title: String,
    /// First and last day, `YYYY-MM-DD` or empty.
    pub start: String,
    /// Last day.
    pub end: String,
    /// The budgeted cost in kronor, as typed.
    pub cost: String,
    /// The cap on the region's share in percent, as typed (empty: none).
    pub region_cap: String,
    /// The cap on the EU share in percent (empty: none).
    pub eu_cap: String,
    /// 1:1 funds must be matched.
    pub one_to_one: bool,
    /// Of particular importance to the Sami.
    pub sami: bool,
    /// Staffing, in words.
    pub staffing: String,
    /// The area it belongs to, if any.
    pub area: Option<Id>,
}

/// A percentage typed in a form ("50", "50 %"); empty is none.
///
/// # Errors
/// [`EditError::NotAPercent`]: no whole number 0–100.
pub fn percent_field(text: &str) -> Result<Option<u8>, EditError> {
    let t = text.trim().trim_end_matches('%').trim();
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<u8>()
        .ok()
        .filter(|p| *p <= 100)
        .map(Some)
        .ok_or_else(|| EditError::NotAPercent(text.trim().to_owned()))
}

/// The command saving `form` into project `id` (one command, one undo).
///
/// # Errors
/// [`EditError`] for no title, a date, an amount or a percentage that is none, or an end
/// before the start.
pub fn save_project(id: &Id, form: &ProjectForm) -> Result<Command<Kind>, EditError> {
    let title = form.title.trim();
    if title.is_empty() {
        return Err(EditError::NoTitle);
    }
    let (start, end) = (date_field(&form.start)?, date_field(&form.end)?);
    if let (Some(a), Some(b)) = (start, end)
        && b < a
    {
        return Err(EditError::EndsBeforeStart);
    }
    let cost = amount_field(&form.cost)?.unwrap_or(0);
    let (region, eu) = (
        percent_field(&form.region_cap)?,
        percent_field(&form.eu_cap)?,
    );
    let mut commands = vec![
        Project::TITLE.edit(id, &title.to_owned()),
        Project::START.edit(id, &start),
        Project::END.edit(id, &end),
        Project::COST.edit(id, &cost),
        Project::REGION_CAP.edit(id, &region),
        Project::EU_CAP.edit(id, &eu),
        Project::ONE_TO_ONE.edit(id, &form.one_to_one),
        Project::SAMI.edit(id, &form.sami),
        Project::STAFFING.edit(id, &form.staffing.trim().to_owned()),
    ];
    if let Some(a) = &form.area {
        commands.push(Project::AREA.edit(id, a));
    }
    Ok(Command::Batch { commands })
}

/// The command creating project `id` named `title` in `area` (if any).
///
/// # Errors
/// [`EditError::NoTitle`] for an empty name.
pub fn new_project(id: &Id, title: &str, area: Option<&Id>) -> Result<Command<Kind>, EditError> {
    let title = title.trim();
    if title.is_empty() {
        return Err(EditError::NoTitle);
    }
    let mut fields: BTreeMap<String, Value> = BTreeMap::new();
    fields.insert(Project::TITLE.name().into(), json!(title));
    if let Some(a) = area {
        fields.insert(Project::AREA.name().into(), json!(a));
    }
    Ok(Command::Create {
        kind: Kind::Project,
        id: id.clone(),
        fields,
    })
}

/// What the area form holds, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AreaForm {
    /// Its name.
    pub title: String,
    /// The societal challenge it answers.
    pub challenge: String,
    /// What it aims at.
    pub aim: String,
    /// What it is.
    pub description: String,
    /// Who is responsible.
    pub responsible: String,
    /// Where it stands.
    pub status: Status,
}

/// The command saving `form` into area `id` (one command, one undo).
///
/// # Errors
/// [`EditError::NoTitle`] for an empty name.
pub fn save_area(id: &Id, form: &AreaForm) -> Result<Command<Kind>, EditError> {
    let title = form.title.trim();
    if title.is_empty() {
        return Err(EditError::NoTitle);
    }
    let text = |t: &str| t.trim().to_owned();
    Ok(Command::Batch {
        commands: vec![
            super::records::Area::TITLE.edit(id, &title.to_owned()),
            super::records::Area::CHALLENGE.edit(id, &text(&form.challenge)),
            super::records::Area::AIM.edit(id, &text(&form.aim)),
            super::records::Area::DESCRIPTION.edit(id, &text(&form.description)),
            super::records::Area::RESPONSIBLE.edit(id, &text(&form.responsible)),
            super::records::Area::STATUS.edit(id, &form.status),
        ],
    })
}

/// One of an area's lists of links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AreaLink {
    /// Goals it works for.
    Goals,
    /// Inspel it takes up.
    Inspel,
    /// Points of the påverkansagenda it carries.
    Agenda,
    /// Actors it works with.
    Actors,
}

impl AreaLink {
    /// Every list, in the order the page shows them.
    pub const ALL: [Self; 4] = [Self::Goals, Self::Inspel, Self::Agenda, Self::Actors];

    /// The kind of record it links to.
    #[must_use]
    pub const fn kind(self) -> Kind {
        match self {
            Self::Goals => Kind::Goal,
            Self::Inspel => Kind::Inspel,
            Self::Agenda => Kind::Agenda,
            Self::Actors => Kind::Actor,
        }
    }

    /// Its name.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Goals, Lang::Sv) => "Mål",
            (Self::Goals, Lang::En) => "Goals",
            (Self::Inspel, Lang::Sv) => "Inspel",
            (Self::Inspel, Lang::En) => "Inspel",
            (Self::Agenda, Lang::Sv) => "Agendapunkter",
            (Self::Agenda, Lang::En) => "Agenda points",
            (Self::Actors, Lang::Sv) => "Aktörer",
            (Self::Actors, Lang::En) => "Actors",
        }
    }

    fn of(self, a: &super::records::Area) -> Vec<Id> {
        match self {
            Self::Goals => a.goals(),
            Self::Inspel => a.inspel(),
            Self::Agenda => a.agenda(),
            Self::Actors => a.actors(),
        }
        .cloned()
        .unwrap_or_default()
    }
}

/// The records of `which` kind (not in the trash) by label: id, label.
/// The live records of `which` kind by id and label, sorted by label.
pub(crate) fn candidates(doc: &Doc, which: AreaLink) -> Vec<(Id, String)> {
    use crate::kernel::record::RecordInfo;
    // The same lines for each collection (their record types differ).
    macro_rules! labelled {
        ($records:expr) => {
            $records
                .live()
                .filter(|r| r.removed() != Some(&true))
                .map(|r| (r.id.clone(), r.label()))
                .collect()
        };
    }
    let mut v: Vec<(Id, String)> = match which {
        AreaLink::Goals => labelled!(doc.goals),
        AreaLink::Inspel => labelled!(doc.inspel),
        AreaLink::Agenda => labelled!(doc.agenda),
        AreaLink::Actors => labelled!(doc.actors),
    };
    crate::kernel::order::sort_by(&mut v, |a, b| (&a.1, &a.0).cmp(&(&b.1, &b.0)));
    v
}

/// Records by id and label.
pub type Named = Vec<(Id, String)>;

/// `area`'s links of `which` kind (id, label), and the records it could link to besides.
#[must_use]
pub fn area_links(doc: &Doc, area: &Id, which: AreaLink) -> (Named, Named) {
    let linked = doc.areas.get(area).map(|a| which.of(a)).unwrap_or_default();
    candidates(doc, which)
        .into_iter()
        .partition(|(id, _)| linked.contains(id))
}

/// The command linking `area` to `id` (`on`) or taking the link away.
#[must_use]
pub fn link_area(doc: &Doc, area: &Id, which: AreaLink, id: &Id, on: bool) -> Command<Kind> {
    use super::records::Area;
    let mut v = doc.areas.get(area).map(|a| which.of(a)).unwrap_or_default();
    v.retain(|x| x != id);
    if on {
        v.push(id.clone());
    }
    match which {
        AreaLink::Goals => Area::GOALS.edit(area, &v),
        AreaLink::Inspel => Area::INSPEL.edit(area, &v),
        AreaLink::Agenda => Area::AGENDA.edit(area, &v),
        AreaLink::Actors => Area::ACTORS.edit(area, &v),
    }
}

/// `project`'s linked actors (id, label), and the actors it could link to besides.
#[must_use]
pub fn project_actors(doc: &Doc, project: &Id) -> (Named, Named) {
    let linked = doc
        .projects
        .get(project)
        .and_then(|p| p.actors().cloned())
        .unwrap_or_default();
    candidates(doc, AreaLink::Actors)
        .into_iter()
        .partition(|(id, _)| linked.contains(id))
}

/// The command linking `project` to the actor `actor` (`on`) or taking the link away.
#[must_use]
pub fn link_project_actor(doc: &Doc, project: &Id, actor: &Id, on: bool) -> Command<Kind> {
    use super::records::Project;
    let mut v = doc
        .projects
        .get(project)
        .and_then(|p| p.actors().cloned())
        .unwrap_or_default();
    v.retain(|x| x != actor);
    if on {
        v.push(actor.clone());
    }
    Project::ACTORS.edit(project, &v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actions::report::chain_problems;
    use crate::kernel::clock::{Hlc, Stamp};
    use crate::kernel::command::Stamper;
    use crate::kernel::history::History;

    fn id(n: u8) -> Id {
        Id::from_random_bytes([n; 16])
    }

    fn step(
        h: &mut History<Kind>,
        doc: &mut Doc,
        st: &mut Stamper<'_>,
        make: impl FnOnce(&Doc) -> Command<Kind>,
    ) {
        let c = make(doc);
        h.apply(doc, &c, st).unwrap();
    }

    #[test]
    fn a_chain_built_step_by_step_shows_its_problems_come_and_go() {
        let mut doc = Doc::new(id(0), "Kedja", Stamp(1, 0, "t".into()));
        let mut clock = Hlc::new("dev.a");
        let mut st = Stamper {
            clock: &mut clock,
            now_ms: 5,
        };
        let mut h = History::default();
        let (area, project) = (id(1), id(2));
        for (kind, id, title) in [
            (Kind::Area, &area, "Område"),
            (Kind::Project, &project, "Projekt"),
        ] {
            let create = Command::Create {
                kind,
                id: id.clone(),
                fields: [("title".into(), json!(title))].into(),
            };
            h.apply(&mut doc, &create, &mut st).unwrap();
        }
        let owner = Owner::Area(&area);
        let (h, st) = (&mut h, &mut st);
        step(h, &mut doc, st, |d| {
            add_node(d, &id(10), owner, Level::Activity, "Göra")
        });
        step(h, &mut doc, st, |d| {
            add_node(d, &id(11), owner, Level::Activity, "Göra mer")
        });
        step(h, &mut doc, st, |d| {
            add_node(d, &id(12), owner, Level::Impact, "Påverkan")
        });
        // Rows follow each other within a level: 0, 1; the impact starts its own column at 0.
        let row = |doc: &Doc, n: u8| doc.chain_nodes.get(&id(n)).and_then(|x| x.row().copied());
        assert_eq!(
            (row(&doc, 10), row(&doc, 11), row(&doc, 12)),
            (Some(0), Some(1), Some(0))
        );
        let problems = |doc: &Doc| chain_problems(doc, &area).2.len();
        // Three orphans, two activities reaching no impact, an impact without indicator.
        assert_eq!(problems(&doc), 6);
        step(h, &mut doc, st, |d| {
            connect(d, &id(20), &id(10), &id(12)).unwrap()
        });
        // Now: node 11 orphan and reaching nothing, the impact without indicator.
        assert_eq!(problems(&doc), 3);
        assert_eq!(
            connect(&doc, &id(21), &id(10), &id(12)),
            Err(EditError::Twice)
        );
        assert_eq!(
            connect(&doc, &id(21), &id(10), &id(10)),
            Err(EditError::SameNode)
        );
        // A backward arrow is drawn and flagged (R1).
        step(h, &mut doc, st, |d| {
            connect(d, &id(22), &id(12), &id(11)).unwrap()
        });
        let backward = |doc: &Doc| {
            chain_problems(doc, &area)
                .2
                .iter()
                .any(|p| matches!(p, crate::actions::chain::Problem::Backward { .. }))
        };
        assert!(backward(&doc));
        assert!(h.undo(&mut doc, st));
        assert!(!backward(&doc));
        assert_eq!(problems(&doc), 3);
        // The trash takes the node with its arrow; one undo brings both back.
        step(h, &mut doc, st, |d| remove_node(d, &id(12)).unwrap());
        assert_eq!(chain_problems(&doc, &area).1.len(), 0);
        assert!(h.undo(&mut doc, st));
        assert_eq!(chain_problems(&doc, &area).1.len(), 1);
        // Moving: level and row in one step.
        step(h, &mut doc, st, |_| move_node(&id(11), Level::Output, 3));
        let n = doc.chain_nodes.get(&id(11)).unwrap();
        assert_eq!((n.level(), n.row()), (Some(&Level::Output), Some(&3)));
        // Another chain's node cannot be joined.
        step(h, &mut doc, st, |d| {
            add_node(d, &id(13), Owner::Project(&project), Level::Output, "Annat")
        });
        assert_eq!(
            connect(&doc, &id(23), &id(10), &id(13)),
            Err(EditError::OtherChain)
        );
    }

    #[test]
    fn values_typed_the_swedish_way_are_recorded_exactly() {
        let mut doc = Doc::new(id(0), "Ind", Stamp(1, 0, "t".into()));
        let mut clock = Hlc::new("dev.a");
        let mut st = Stamper {
            clock: &mut clock,
            now_ms: 5,
        };
        let ind = id(3);
        let create = Command::Create {
            kind: Kind::Indicator,
            id: ind.clone(),
            fields: [("title".into(), json!("Utsläpp"))].into(),
        };
        crate::kernel::command::apply(&mut doc, &create, &mut st).unwrap();
        let cmd = record_value(&ind, 2021, "1 234,50", "Kolada").unwrap();
        crate::kernel::command::apply(&mut doc, &cmd, &mut st).unwrap();
        let series = doc.indicators.get(&ind).unwrap().series();
        assert_eq!(series[0].0, 2021);
        assert_eq!(series[0].1.value.as_str(), "1234.5");
        assert_eq!(series[0].1.source, "Kolada");
        let e = record_value(&ind, 2022, "mycket", "").unwrap_err();
        assert_eq!(
            e.message(Lang::Sv),
            "”mycket” är inget tal. Skriv till exempel 12,5 eller 1 250 (högst fyra decimaler)."
        );
        // An empty text removes the year's value.
        crate::kernel::command::apply(
            &mut doc,
            &record_value(&ind, 2021, " ", "").unwrap(),
            &mut st,
        )
        .unwrap();
        assert!(doc.indicators.get(&ind).unwrap().series().is_empty());
        // A budget line set, then removed.
        let project = id(4);
        let create = Command::Create {
            kind: Kind::Project,
            id: project.clone(),
            fields: [("title".into(), json!("P"))].into(),
        };
        crate::kernel::command::apply(&mut doc, &create, &mut st).unwrap();
        let line = Line {
            funder: "Region".into(),
            funder_type: crate::actions::funding::FunderType::Region,
            year: 2021,
            amount: 395_000,
        };
        let set = set_line(&project, &id(5), Some(line.clone()));
        crate::kernel::command::apply(&mut doc, &set, &mut st).unwrap();
        assert_eq!(doc.projects.get(&project).unwrap().budget(), vec![line]);
        let gone = set_line(&project, &id(5), None);
        crate::kernel::command::apply(&mut doc, &gone, &mut st).unwrap();
        assert!(doc.projects.get(&project).unwrap().budget().is_empty());
    }

    #[test]
    fn form_fields_read_the_swedish_way() {
        // "1 185 000 kr" (with a no-break space as Excel writes it) is 1185000 kronor.
        assert_eq!(amount_field("1\u{a0}185 000 kr"), Ok(Some(1_185_000)));
        assert_eq!(amount_field(""), Ok(None));
        assert!(matches!(amount_field("-5"), Err(EditError::NotAnAmount(_))));
        assert!(matches!(
            amount_field("12,5"),
            Err(EditError::NotAnAmount(_))
        ));
        assert_eq!(year_field(" 2023 "), Ok(Some(2023)));
        assert!(matches!(year_field("1899"), Err(EditError::NotAYear(_))));
    }

    #[test]
    fn an_activity_from_the_form() {
        let mut form = ActivityForm {
            title: "  Workshop i Strömsund ".into(),
            start: "2021-03-01".into(),
            end: "2021-02-28".into(),
            ..ActivityForm::default()
        };
        // Ends the day before it starts: refused.
        assert_eq!(add_activity(&id(1), &form), Err(EditError::EndsBeforeStart));
        form.end = "2021-03-31".into();
        let Ok(Command::Create { fields, .. }) = add_activity(&id(1), &form) else {
            panic!("not created");
        };
        assert_eq!(fields["title"], json!("Workshop i Strömsund"));
        assert_eq!(fields["end"], json!("2021-03-31"));
        assert!(!fields.contains_key("owner"));
        form.start = "31/3".into();
        assert!(matches!(
            add_activity(&id(1), &form),
            Err(EditError::NotADate(_))
        ));
        form.title = " ".into();
        assert_eq!(add_activity(&id(1), &form), Err(EditError::NoTitle));
    }

    #[test]
    fn an_indicator_saved_from_the_form_is_one_command() {
        let form = IndicatorForm {
            title: "Utsläpp".into(),
            unit: "kt CO₂e".into(),
            direction: Direction::Lower,
            baseline_year: "2019".into(),
            baseline: "1 250,5".into(),
            target_year: "2030".into(),
            target: "600".into(),
            ..IndicatorForm::default()
        };
        let Ok(Command::Batch { commands }) = save_indicator(&id(3), &form) else {
            panic!("not a batch");
        };
        // Title, unit, measure, direction, two years, two values.
        assert_eq!(commands.len(), 8);
        let bad = IndicatorForm {
            target: "sex hundra".into(),
            ..form.clone()
        };
        assert!(matches!(
            save_indicator(&id(3), &bad),
            Err(EditError::NotANumber(_))
        ));
        let early = IndicatorForm {
            target_year: "2018".into(),
            ..form
        };
        assert_eq!(
            save_indicator(&id(3), &early),
            Err(EditError::EndsBeforeStart)
        );
    }

    #[test]
    fn a_budget_line_from_the_form() {
        assert!(
            budget_line(
                &id(1),
                &id(2),
                "Region",
                FunderType::Region,
                "2021",
                "395 000"
            )
            .is_ok()
        );
        assert_eq!(
            budget_line(&id(1), &id(2), " ", FunderType::Region, "2021", "1"),
            Err(EditError::NoTitle)
        );
        assert!(matches!(
            budget_line(&id(1), &id(2), "EU", FunderType::Eu, "2021", ""),
            Err(EditError::NotAnAmount(_))
        ));
    }

    #[test]
    fn a_project_saved_from_the_form() {
        let form = ProjectForm {
            title: "Miljö- och klimatråd".into(),
            start: "2021-01-01".into(),
            end: "2023-12-31".into(),
            cost: "2 370 000".into(),
            region_cap: "50 %".into(),
            ..ProjectForm::default()
        };
        let Ok(Command::Batch { commands }) = save_project(&id(4), &form) else {
            panic!("not a batch");
        };
        assert_eq!(commands.len(), 9);
        assert_eq!(percent_field("50 %"), Ok(Some(50)));
        assert_eq!(percent_field(""), Ok(None));
        let over = ProjectForm {
            eu_cap: "120".into(),
            ..form
        };
        assert!(matches!(
            save_project(&id(4), &over),
            Err(EditError::NotAPercent(_))
        ));
    }

    #[test]
    fn a_new_project_and_an_area_saved() {
        let Ok(Command::Create { kind, fields, .. }) = new_project(&id(6), " Nytt ", Some(&id(7)))
        else {
            panic!("not created");
        };
        assert_eq!((kind, &fields["title"]), (Kind::Project, &json!("Nytt")));
        assert_eq!(new_project(&id(6), "", None), Err(EditError::NoTitle));
        let form = AreaForm {
            title: "Systematiskt arbete med målkonflikter".into(),
            status: Status::Ongoing,
            ..AreaForm::default()
        };
        let Ok(Command::Batch { commands }) = save_area(&id(7), &form) else {
            panic!("not a batch");
        };
        assert_eq!(commands.len(), 6);
        assert_eq!(
            save_area(&id(7), &AreaForm::default()),
            Err(EditError::NoTitle)
        );
    }

    #[test]
    fn an_area_linked_to_a_goal_and_back() {
        let mut d = crate::demo::demo_doc();
        let area = super::super::demo::demo_id(0x12);
        let (linked, free) = area_links(&d, &area, AreaLink::Goals);
        assert!(linked.is_empty());
        let goal = free[0].0.clone();
        let mut clock = crate::kernel::clock::Hlc::new("dev.a");
        let mut st = crate::kernel::command::Stamper {
            clock: &mut clock,
            now_ms: 5,
        };
        let on = link_area(&d, &area, AreaLink::Goals, &goal, true);
        crate::kernel::command::apply(&mut d, &on, &mut st).unwrap();
        let (linked, free2) = area_links(&d, &area, AreaLink::Goals);
        assert_eq!(linked[0].0, goal);
        assert_eq!(free2.len(), free.len() - 1);
        let off = link_area(&d, &area, AreaLink::Goals, &goal, false);
        crate::kernel::command::apply(&mut d, &off, &mut st).unwrap();
        assert!(area_links(&d, &area, AreaLink::Goals).0.is_empty());
    }

    #[test]
    fn a_project_linked_to_an_actor_and_back() {
        let mut d = crate::demo::demo_doc();
        let project = d.projects.live().next().map(|p| p.id.clone()).unwrap();
        let (linked, free) = project_actors(&d, &project);
        let actor = free[0].0.clone();
        let mut clock = crate::kernel::clock::Hlc::new("dev.a");
        let mut st = crate::kernel::command::Stamper {
            clock: &mut clock,
            now_ms: 5,
        };
        let on = link_project_actor(&d, &project, &actor, true);
        crate::kernel::command::apply(&mut d, &on, &mut st).unwrap();
        let (after, free2) = project_actors(&d, &project);
        assert_eq!(after.len(), linked.len() + 1);
        assert!(after.iter().any(|(i, _)| *i == actor));
        assert_eq!(free2.len(), free.len() - 1);
        // Linking it twice keeps one link.
        let again = link_project_actor(&d, &project, &actor, true);
        crate::kernel::command::apply(&mut d, &again, &mut st).unwrap();
        assert_eq!(project_actors(&d, &project).0.len(), linked.len() + 1);
        let off = link_project_actor(&d, &project, &actor, false);
        crate::kernel::command::apply(&mut d, &off, &mut st).unwrap();
        assert_eq!(project_actors(&d, &project).0, linked);
    }

    #[test]
    fn an_activity_changed_through_its_form() {
        let mut d = crate::demo::demo_doc();
        let a = d.activities.live().next().map(|a| a.id.clone()).unwrap();
        let mut form = activity_form(&d.activities.0[&a]);
        form.end = "2030-06-30".into();
        form.owner = " Projektledare ".into();
        let Ok(cmd @ Command::Batch { .. }) = save_activity(&d, &a, &form) else {
            panic!("not a batch of changes");
        };
        let mut clock = crate::kernel::clock::Hlc::new("dev.a");
        let mut st = crate::kernel::command::Stamper {
            clock: &mut clock,
            now_ms: 5,
        };
        crate::kernel::command::apply(&mut d, &cmd, &mut st).unwrap();
        let after = &d.activities.0[&a];
        assert_eq!(after.end().copied().flatten(), Date::new(2030, 6, 30));
        assert_eq!(after.owner().map(String::as_str), Some("Projektledare"));
        // An id that is not there: a new activity.
        assert!(matches!(
            save_activity(&d, &id(9), &form),
            Ok(Command::Create { .. })
        ));
        form.start = "2031-01-01".into();
        assert_eq!(
            save_activity(&d, &a, &form),
            Err(EditError::EndsBeforeStart)
        );
    }
}
