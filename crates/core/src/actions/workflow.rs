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
use super::decimal::Decimal;
use super::funding::Line;
use super::records::{ChainEdge, ChainNode, Indicator, Measurement, Project};
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
}
