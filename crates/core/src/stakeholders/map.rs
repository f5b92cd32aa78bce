//! The stakeholder map as the views and the CLI read it: the live actors in a stable order
//! with their grid quadrant, salience class, disagreement and network metrics (one function,
//! [`rows`], for the app and `vagval stakeholders`); the graph a filter leaves; and the
//! personal-data workflows — erase a person for good, everything stored about one person
//! (GDPR art. 15), and the peer-exchange copy without personal data.
use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::Doc;
use crate::Kind;
use crate::kernel::command::Command;
use crate::kernel::id::Id;
use crate::kernel::record::Record;

use super::actor::{Actor, Contact, RelationType};
use super::classes::{Disagreement, Quadrant, Salience, Thresholds, disagree, quadrant, salience};
use super::metrics::{Link, Metrics, metrics};

/// Which relations the graph keeps (OPEN-17: metrics on the filtered graph, named in the UI).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only relations of these types (empty: all).
    pub relation_types: BTreeSet<RelationType>,
}

/// The live actors (not in the trash), by name then id.
#[must_use]
pub fn live_actors(doc: &Doc) -> Vec<&Actor> {
    let mut v: Vec<&Actor> = doc
        .actors
        .live()
        .filter(|a| a.removed() != Some(&true))
        .collect();
    v.sort_by(|a, b| (a.name(), a.id()).cmp(&(b.name(), b.id())));
    v
}

/// The graph of the live actors (index = position in [`live_actors`]) and the live relations
/// the filter keeps between two live actors.
#[must_use]
pub fn graph(doc: &Doc, filter: &Filter) -> (Vec<Id>, Vec<Link>) {
    let ids: Vec<Id> = live_actors(doc).iter().map(|a| a.id().clone()).collect();
    let at: BTreeMap<&Id, usize> = ids.iter().enumerate().map(|(i, id)| (id, i)).collect();
    let links = doc
        .relations
        .live()
        .filter(|r| r.removed() != Some(&true))
        .filter(|r| {
            filter.relation_types.is_empty()
                || filter
                    .relation_types
                    .contains(&r.relation_type().copied().unwrap_or_default())
        })
        .filter_map(|r| {
            Some(Link {
                from: *at.get(r.from()?)?,
                to: *at.get(r.to()?)?,
                weight: r.weight().copied().unwrap_or(1),
                mutual: r.mutual() == Some(&true),
            })
        })
        .collect();
    (ids, links)
}

/// One actor as the tables show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    /// The actor.
    pub id: Id,
    /// Its name.
    pub name: String,
    /// Its grid quadrant.
    pub quadrant: Quadrant,
    /// Its salience class.
    pub salience: Salience,
    /// Where the two disagree.
    pub disagreement: Option<Disagreement>,
    /// Its metrics on the filtered graph.
    pub metrics: Metrics,
}

/// Every live actor's row, in [`live_actors`] order. An unset score counts as the scale's
/// lowest (1).
#[must_use]
pub fn rows(doc: &Doc, t: Thresholds, filter: &Filter) -> Vec<Row> {
    let (ids, links) = graph(doc, filter);
    let m = metrics(ids.len(), &links);
    live_actors(doc)
        .into_iter()
        .zip(m)
        .map(|(a, metrics)| {
            let score = |v: Option<&u8>| v.copied().unwrap_or(1);
            let (p, i, l, u) = (
                score(a.power()),
                score(a.interest()),
                score(a.legitimacy()),
                score(a.urgency()),
            );
            let q = quadrant(p, i, t);
            let s = salience(p, l, u, t);
            Row {
                id: a.id().clone(),
                name: a.name().cloned().unwrap_or_default(),
                quadrant: q,
                salience: s,
                disagreement: disagree(q, s),
                metrics,
            }
        })
        .collect()
}

/// The live contact persons of `actor`, by name then id.
#[must_use]
pub fn contacts_of<'a>(doc: &'a Doc, actor: &Id) -> Vec<&'a Contact> {
    let mut v: Vec<&Contact> = doc
        .contacts
        .live()
        .filter(|c| c.actor() == Some(actor))
        .collect();
    v.sort_by(|a, b| (a.name(), a.id()).cmp(&(b.name(), b.id())));
    v
}

/// "Ta bort person": erases the contact for good (a tombstone without any field; not
/// undoable, and no older file brings it back).
#[must_use]
pub fn erase_person(contact: &Id) -> Command<Kind> {
    Command::Erase {
        kind: Kind::Contact,
        id: contact.clone(),
    }
}

/// Everything stored about one person (GDPR art. 15): the contact record's fields and the
/// actor it represents, as JSON; `None` if the person is unknown or erased.
#[must_use]
pub fn person_export(doc: &Doc, contact: &Id) -> Option<serde_json::Value> {
    let c = doc.contacts.live().find(|c| c.id() == contact)?;
    let actor = c
        .actor()
        .and_then(|a| doc.actors.0.get(a))
        .and_then(|a| a.name().cloned());
    Some(serde_json::json!({
        "id": c.id().to_string(),
        "name": c.name(),
        "role": c.role(),
        "email": c.email(),
        "phone": c.phone(),
        "actor": actor,
    }))
}

/// The copy for a peer exchange: the whole workspace without personal data — no live contact
/// person (the tombstones of erased ones stay, so the receiver's copies are erased too).
#[must_use]
pub fn peer_copy(doc: &Doc) -> Doc {
    let mut out = doc.clone();
    out.contacts.0.retain(|_, c| c.deleted().is_some());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::clock::Hlc;
    use crate::kernel::command::{Stamper, apply};
    use crate::stakeholders::demo::{ACTORS, demo_id};

    #[test]
    fn the_demo_rows_match_the_app_and_cli_rule() {
        let doc = crate::demo::demo_doc();
        let rows = rows(&doc, Thresholds::default(), &Filter::default());
        assert_eq!(rows.len(), ACTORS.len());
        let by = |name: &str| rows.iter().find(|r| r.name == name).unwrap();
        // Region: 5/5/5/4 → key player, definitive; 12 of the 21 relations touch it.
        let region = by("Region Jämtland Härjedalen");
        assert_eq!(
            (region.quadrant, region.salience),
            (Quadrant::KeyPlayer, Salience::Definitive)
        );
        assert_eq!(region.metrics.degree, 12);
        // The sameby: keep informed but dependent.
        let sameby = by("Handölsdalens sameby");
        assert_eq!(sameby.disagreement, Some(Disagreement::GridTooLow));
        // Only conflict relations: the sameby – Jämtkraft pair is the whole graph.
        let only = Filter {
            relation_types: [RelationType::Conflict].into(),
        };
        let rows = super::rows(&doc, Thresholds::default(), &only);
        let with: Vec<&str> = rows
            .iter()
            .filter(|r| r.metrics.degree > 0)
            .map(|r| r.name.as_str())
            .collect();
        assert_eq!(with, vec!["Handölsdalens sameby", "Jämtkraft"]);
    }

    #[test]
    fn an_erased_person_stays_erased_when_an_older_file_arrives() {
        let older = crate::demo::demo_doc();
        let person = demo_id(0x200);
        assert!(person_export(&older, &person).is_some());
        let mut doc = older.clone();
        let mut clock = Hlc::new("dev.a");
        let mut st = Stamper {
            clock: &mut clock,
            now_ms: 1_800_000_000_000,
        };
        apply(&mut doc, &erase_person(&person), &mut st).unwrap();
        let tomb = &doc.contacts.0[&person];
        assert!(tomb.deleted.is_some() && tomb.name.is_none() && tomb.email.is_none());
        // The older file (with the person) merged in, either way round: still erased, and
        // nothing of the person in the written file.
        for merged in [
            crate::kernel::doc::merge(&doc, &older).0,
            crate::kernel::doc::merge(&older, &doc).0,
        ] {
            assert!(merged.contacts.0[&person].deleted.is_some());
            assert!(person_export(&merged, &person).is_none());
            let text = serde_json::to_string(&merged).unwrap();
            assert!(!text.contains("Exempelsson") && !text.contains("063-000"));
        }
    }

    #[test]
    fn the_peer_copy_holds_no_personal_data() {
        let doc = crate::demo::demo_doc();
        let copy = peer_copy(&doc);
        let text = serde_json::to_string(&copy).unwrap();
        assert!(!text.contains("Exempelsson") && !text.contains("example.se"));
        assert_eq!(copy.actors.0.len(), doc.actors.0.len());
        assert_eq!(copy.validate(20), Vec::new());
    }
}
