//! Merging duplicate inspel, with provenance, and splitting them again.
//!
//! The merged inspel is a new record whose `originals` lists what it came from; the
//! originals stay (moved to the trash, so lists hide them) and keep their ballots — votes
//! are never moved. Splitting trashes the merged inspel and brings the originals back.
use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::command::{Command, Kind};
use crate::crdt::to_json;
use crate::doc::Doc;
use crate::id::Id;
use crate::model::{Dimension, Inspel};
use crate::vote::Answer;

/// How many live ballots name `item` in their answer.
#[must_use]
pub fn ballots_naming(doc: &Doc, item: &Id) -> usize {
    doc.ballots
        .live()
        .filter(|b| match b.answer() {
            Some(Answer::Allocation(m)) => m.get(item).is_some_and(|n| *n > 0),
            Some(Answer::Ranking(r)) => r.contains(item),
            Some(Answer::Scores(m)) => m.contains_key(item),
            Some(Answer::Moscow(m)) => m.contains_key(item),
            Some(Answer::ImpactEffort(m)) => m.contains_key(item),
            None => false,
        })
        .count()
}

/// The batch that merges `ids` (two or more live inspel) into a new inspel `new_id`: the
/// first one's title, theme, status and municipality; every description (in order) and
/// organisation; the union of the dimensions; `originals` = `ids`. `None` if fewer than two
/// of `ids` are live.
#[must_use]
pub fn merge_inspel(doc: &Doc, ids: &[Id], new_id: Id) -> Option<Command> {
    let records: Vec<&Inspel> = ids
        .iter()
        .filter_map(|id| doc.inspel.get(id))
        .filter(|r| r.deleted.is_none())
        .collect();
    let [first, ..] = records.as_slice() else {
        return None;
    };
    if records.len() < 2 {
        return None;
    }
    let mut fields: BTreeMap<String, Value> = BTreeMap::new();
    let text = |get: fn(&Inspel) -> Option<&String>, sep: &str| {
        let mut seen = BTreeSet::new();
        records
            .iter()
            .filter_map(|r| get(r))
            .filter(|t| !t.is_empty() && seen.insert(t.as_str()))
            .cloned()
            .collect::<Vec<_>>()
            .join(sep)
    };
    fields.insert(
        "title".into(),
        to_json(&first.title().cloned().unwrap_or_default()),
    );
    fields.insert(
        "description".into(),
        to_json(&text(Inspel::description, "\n\n")),
    );
    fields.insert(
        "organisation".into(),
        to_json(&text(Inspel::organisation, ", ")),
    );
    if let Some(theme) = first.theme() {
        fields.insert("theme".into(), to_json(theme));
    }
    if let Some(m) = first.municipality() {
        fields.insert("municipality".into(), to_json(m));
    }
    if let Some(s) = first.status() {
        fields.insert("status".into(), to_json(s));
    }
    let dims: BTreeSet<Dimension> = records
        .iter()
        .flat_map(|r| r.dimensions().into_iter().flatten().copied())
        .collect();
    fields.insert(
        "dimensions".into(),
        to_json(&dims.into_iter().collect::<Vec<_>>()),
    );
    let originals: Vec<Id> = records.iter().map(|r| r.id.clone()).collect();
    fields.insert("originals".into(), to_json(&originals));
    let mut commands = vec![Command::Create {
        kind: Kind::Inspel,
        id: new_id,
        fields,
    }];
    commands.extend(
        originals
            .iter()
            .map(|id| Command::edit(Kind::Inspel, id, "removed", true)),
    );
    Some(Command::Batch { commands })
}

/// The batch that splits a merged inspel: it goes to the trash, its originals come back.
/// `None` if `merged` has no originals.
#[must_use]
pub fn split_inspel(doc: &Doc, merged: &Id) -> Option<Command> {
    let r = doc.inspel.get(merged)?;
    let originals = r.originals().filter(|o| !o.is_empty())?;
    let mut commands = vec![Command::edit(Kind::Inspel, merged, "removed", true)];
    commands.extend(
        originals
            .iter()
            .filter(|id| doc.inspel.get(id).is_some_and(|o| o.deleted.is_none()))
            .map(|id| Command::edit(Kind::Inspel, id, "removed", false)),
    );
    Some(Command::Batch { commands })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::command::History;
    use crate::demo::demo_doc;
    use crate::model::Municipality;

    #[test]
    fn merge_keeps_provenance_and_votes_and_split_undoes_it() {
        let mut doc = demo_doc();
        let mut clock = crate::Hlc::new("t");
        let mut st = crate::Stamper {
            clock: &mut clock,
            now_ms: 1_700_000_000_000,
        };
        let ids: Vec<Id> = doc
            .inspel
            .live()
            .filter(|r| {
                r.title()
                    .is_some_and(|t| t.contains("Bredband") || t.contains("Mobiltäckning"))
            })
            .map(|r| r.id.clone())
            .collect();
        assert_eq!(ids.len(), 2);
        let votes_before: Vec<usize> = ids.iter().map(|id| ballots_naming(&doc, id)).collect();
        assert!(
            votes_before.iter().all(|n| *n > 0),
            "the demo round voted on both"
        );
        let merged = Id::from_random_bytes([9; 16]);
        let cmd = merge_inspel(&doc, &ids, merged.clone()).unwrap();
        let mut history = History::default();
        history.apply(&mut doc, &cmd, &mut st).unwrap();
        let m = doc.inspel.get(&merged).unwrap();
        assert_eq!(m.originals().unwrap(), &ids);
        assert!(
            m.description().unwrap().contains("bredbandsutbyggnad")
                && m.description().unwrap().contains("Täckningskrav")
        );
        assert_eq!(
            m.organisation().unwrap(),
            "Strömsunds kommun, Krokoms kommun"
        );
        let municipalities: BTreeSet<Municipality> = m
            .originals()
            .unwrap()
            .iter()
            .filter_map(|o| doc.inspel.get(o)?.municipality().copied())
            .collect();
        assert_eq!(
            municipalities.len(),
            2,
            "the merged inspel names both municipalities through its originals"
        );
        assert!(
            ids.iter()
                .all(|id| doc.inspel.get(id).unwrap().removed() == Some(&true))
        );
        // Votes stay where they were cast.
        assert_eq!(
            ids.iter()
                .map(|id| ballots_naming(&doc, id))
                .collect::<Vec<_>>(),
            votes_before
        );
        assert_eq!(ballots_naming(&doc, &merged), 0);
        assert!(doc.validate(10).is_empty());
        // Splitting brings the originals back and trashes the merged one.
        let split = split_inspel(&doc, &merged).unwrap();
        history.apply(&mut doc, &split, &mut st).unwrap();
        assert!(
            ids.iter()
                .all(|id| doc.inspel.get(id).unwrap().removed() == Some(&false))
        );
        assert_eq!(doc.inspel.get(&merged).unwrap().removed(), Some(&true));
        // Fewer than two live inspel cannot be merged.
        assert!(merge_inspel(&doc, &ids[..1], Id::from_random_bytes([8; 16])).is_none());
        assert!(split_inspel(&doc, &ids[0]).is_none());
    }
}
