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

use super::actor::{Actor, ActorType, Contact, Pos, Relation, RelationType};
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
    let actors = live_actors(doc);
    let links = links(doc, &actors, filter);
    (actors.iter().map(|a| a.id().clone()).collect(), links)
}

/// The live relations `filter` keeps between `actors`, as links between their indices.
fn links(doc: &Doc, actors: &[&Actor], filter: &Filter) -> Vec<Link> {
    let at: BTreeMap<&Id, usize> = actors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id(), i))
        .collect();
    doc.relations
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
        .collect()
}

/// The metrics of `actors` (in their order) on the relations `filter` keeps, and how many
/// relations that is; none and 0 without a filter.
#[must_use]
pub fn measure(doc: &Doc, actors: &[&Actor], filter: Option<&Filter>) -> (Vec<Metrics>, usize) {
    let Some(f) = filter else {
        return (Vec::new(), 0);
    };
    let links = links(doc, actors, f);
    (metrics(actors.len(), &links), links.len())
}

/// The live relations between two live actors with their names (from, to), by from, to, id:
/// what the relation table, its CSV and the Kumu export list.
#[must_use]
pub fn live_relations(doc: &Doc) -> Vec<(&str, &str, &Relation)> {
    let names: BTreeMap<&Id, &str> = live_actors(doc)
        .into_iter()
        .map(|a| (a.id(), a.name().map_or("", String::as_str)))
        .collect();
    let mut v: Vec<_> = doc
        .relations
        .live()
        .filter(|r| r.removed() != Some(&true))
        .filter_map(|r| Some((*names.get(r.from()?)?, *names.get(r.to()?)?, r)))
        .collect();
    v.sort_by(|a, b| (a.0, a.1, a.2.id()).cmp(&(b.0, b.1, b.2.id())));
    v
}

/// The map's thresholds as stored with the workspace (the defaults where never set).
#[must_use]
pub fn thresholds(doc: &Doc) -> Thresholds {
    let d = Thresholds::default();
    Thresholds {
        grid_high: doc.meta.grid_high().copied().unwrap_or(d.grid_high),
        salience_present: doc
            .meta
            .salience_present()
            .copied()
            .unwrap_or(d.salience_present),
    }
}

/// Stores `t` as the map's thresholds (one undoable step).
#[must_use]
pub fn set_thresholds(doc: &Doc, t: Thresholds) -> Command<Kind> {
    use crate::workspace::Meta;
    Command::Batch {
        commands: vec![
            Meta::GRID_HIGH.edit(doc.meta.id(), &t.grid_high),
            Meta::SALIENCE_PRESENT.edit(doc.meta.id(), &t.salience_present),
        ],
    }
}

/// Where each live actor stands on the network view ([`live_actors`] order): its saved
/// position, or the force layout of the whole graph around the saved ones.
#[must_use]
pub fn arrangement(doc: &Doc) -> Vec<Pos> {
    let (_, links) = graph(doc, &Filter::default());
    let saved: Vec<Option<Pos>> = live_actors(doc)
        .iter()
        .map(|a| a.pos().copied().flatten())
        .collect();
    super::layout::layout(saved.len(), &links, &saved)
}

/// Moves actor `moved` (index in [`live_actors`]) to `to`. The first move also saves where
/// every other actor stands now (`now`, from [`arrangement`]), so that the layout of the
/// unsaved ones does not shift under the user: one undoable step.
#[must_use]
pub fn place(doc: &Doc, now: &[Pos], moved: usize, to: Pos) -> Command<Kind> {
    let commands = live_actors(doc)
        .iter()
        .zip(now)
        .enumerate()
        .filter_map(|(i, (a, p))| {
            if i == moved {
                Some(Actor::POS.edit(a.id(), &Some(to)))
            } else if a.pos().copied().flatten().is_none() {
                Some(Actor::POS.edit(a.id(), &Some(*p)))
            } else {
                None
            }
        })
        .collect();
    Command::Batch { commands }
}

/// A new actor with mid-scale scores (3) and a neutral attitude.
#[must_use]
pub fn new_actor(id: &Id, name: &str, actor_type: ActorType) -> Command<Kind> {
    let mut fields = BTreeMap::new();
    let mut put = |k: &str, v: serde_json::Value| fields.insert(k.to_owned(), v);
    put(Actor::NAME.name(), serde_json::json!(name));
    put(Actor::TYPE.name(), crate::kernel::reg::to_json(&actor_type));
    for f in [
        Actor::POWER,
        Actor::INTEREST,
        Actor::LEGITIMACY,
        Actor::URGENCY,
    ] {
        put(f.name(), serde_json::json!(3));
    }
    put(Actor::ATTITUDE.name(), serde_json::json!(0));
    Command::Create {
        kind: Kind::Actor,
        id: id.clone(),
        fields,
    }
}

/// A new relation `from` → `to` (both ways if `mutual`).
#[must_use]
pub fn connect(
    id: &Id,
    from: &Id,
    to: &Id,
    relation_type: RelationType,
    weight: u8,
    mutual: bool,
) -> Command<Kind> {
    let mut fields = BTreeMap::new();
    let mut put = |k: &str, v: serde_json::Value| fields.insert(k.to_owned(), v);
    put(Relation::FROM.name(), serde_json::json!(from));
    put(Relation::TO.name(), serde_json::json!(to));
    put(
        Relation::TYPE.name(),
        crate::kernel::reg::to_json(&relation_type),
    );
    put(Relation::WEIGHT.name(), serde_json::json!(weight));
    put(Relation::MUTUAL.name(), serde_json::json!(mutual));
    Command::Create {
        kind: Kind::Relation,
        id: id.clone(),
        fields,
    }
}

/// A new contact person of `actor`: the empty texts among `role`, `email`, `phone` are left
/// unset (keep only what you need).
#[must_use]
pub fn new_contact(id: &Id, actor: &Id, name: &str, rest: [&str; 3]) -> Command<Kind> {
    let mut fields = BTreeMap::new();
    fields.insert(Contact::ACTOR.name().to_owned(), serde_json::json!(actor));
    fields.insert(Contact::NAME.name().to_owned(), serde_json::json!(name));
    for (f, v) in [Contact::ROLE, Contact::EMAIL, Contact::PHONE]
        .into_iter()
        .zip(rest)
    {
        if !v.trim().is_empty() {
            fields.insert(f.name().to_owned(), serde_json::json!(v.trim()));
        }
    }
    Command::Create {
        kind: Kind::Contact,
        id: id.clone(),
        fields,
    }
}

/// Records to choose from, each as (id, label).
pub type Choices = Vec<(Id, String)>;

/// What an actor can be linked to, each as (id, label): the live goals of every live set
/// ("set: code name", sets by name, goals in order) and the live inspel by title.
#[must_use]
pub fn link_choices(doc: &Doc) -> (Choices, Choices) {
    use crate::conflicts::goal::{goals_of, live_sets};
    let goals = live_sets(doc)
        .into_iter()
        .flat_map(|(set, name)| {
            goals_of(doc, &set)
                .into_iter()
                .map(move |g| (g.id().clone(), format!("{name}: {}", g.display())))
                .collect::<Vec<_>>()
        })
        .collect();
    let mut inspel: Vec<(Id, String)> = doc
        .inspel
        .live()
        .filter(|i| i.removed() != Some(&true))
        .map(|i| (i.id().clone(), i.title().cloned().unwrap_or_default()))
        .collect();
    inspel.sort_by(|a, b| (&a.1, &a.0).cmp(&(&b.1, &b.0)));
    (goals, inspel)
}

/// `list` with `item` added (`on`) or taken out, each id once, in the order given.
#[must_use]
pub fn toggled(list: &[Id], item: &Id, on: bool) -> Vec<Id> {
    let mut v: Vec<Id> = list.iter().filter(|x| *x != item).cloned().collect();
    if on {
        v.push(item.clone());
    }
    v
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
    /// Its metrics on the filtered graph (none where a view shows only the classes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metrics: Option<Metrics>,
}

/// Every live actor's row, in [`live_actors`] order, with metrics on the relations `filter`
/// keeps, or without them (`None`: the grid and the class views need no Brandes pass). An
/// unset score counts as the scale's lowest (1).
#[must_use]
pub fn rows(doc: &Doc, t: Thresholds, filter: Option<&Filter>) -> Vec<Row> {
    let actors = live_actors(doc);
    let mut m = measure(doc, &actors, filter).0.into_iter();
    actors
        .into_iter()
        .map(|a| Row {
            metrics: m.next(),
            ..row(a, t)
        })
        .collect()
}

/// One actor's row without metrics (its quadrant, class and disagreement).
#[must_use]
pub fn row(a: &Actor, t: Thresholds) -> Row {
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
        metrics: None,
    }
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
        let rows = rows(&doc, Thresholds::default(), Some(&Filter::default()));
        assert_eq!(rows.len(), ACTORS.len());
        let by = |name: &str| rows.iter().find(|r| r.name == name).unwrap();
        // Region: 5/5/5/4 → key player, definitive; 12 of the 21 relations touch it.
        let region = by("Region Jämtland Härjedalen");
        assert_eq!(
            (region.quadrant, region.salience),
            (Quadrant::KeyPlayer, Salience::Definitive)
        );
        assert_eq!(
            region
                .metrics
                .as_ref()
                .map(|m| m.degree)
                .unwrap_or_default(),
            12
        );
        // The sameby: keep informed but dependent.
        let sameby = by("Handölsdalens sameby");
        assert_eq!(sameby.disagreement, Some(Disagreement::GridTooLow));
        // Only conflict relations: the sameby – Jämtkraft pair is the whole graph.
        let only = Filter {
            relation_types: [RelationType::Conflict].into(),
        };
        let rows = super::rows(&doc, Thresholds::default(), Some(&only));
        let with: Vec<&str> = rows
            .iter()
            .filter(|r| r.metrics.as_ref().is_some_and(|m| m.degree > 0))
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

    #[test]
    fn thresholds_are_stored_with_the_map() {
        let mut doc = crate::demo::demo_doc();
        assert_eq!(thresholds(&doc), Thresholds::default());
        let mut clock = Hlc::new("dev.a");
        let mut st = Stamper {
            clock: &mut clock,
            now_ms: 1_800_000_000_000,
        };
        let t = Thresholds {
            grid_high: 4,
            salience_present: 3,
        };
        let cmd = set_thresholds(&doc, t);
        apply(&mut doc, &cmd, &mut st).unwrap();
        assert_eq!(thresholds(&doc), t);
        // The sameby (power 2, legitimacy 5, urgency 4) with "present" at 3: still
        // dependent (power 2 < 3); Energikontoret (power 3) now counts power as present.
        let r = crate::stakeholders::report::report(&doc);
        assert_eq!(r.thresholds, t);
    }

    #[test]
    fn the_first_move_saves_the_whole_arrangement() {
        let mut doc = crate::demo::demo_doc();
        let now = arrangement(&doc);
        assert_eq!(now.len(), ACTORS.len());
        let mut clock = Hlc::new("dev.a");
        let mut st = Stamper {
            clock: &mut clock,
            now_ms: 1_800_000_000_000,
        };
        let to = Pos { x: 123, y: -45 };
        let cmd = place(&doc, &now, 2, to);
        let Command::Batch { commands } = &cmd else {
            panic!("a batch")
        };
        // Nothing saved in the demo: every actor gets its place, in one step.
        assert_eq!(commands.len(), ACTORS.len());
        apply(&mut doc, &cmd, &mut st).unwrap();
        let after = arrangement(&doc);
        assert_eq!(after[2], to);
        for i in (0..now.len()).filter(|i| *i != 2) {
            assert_eq!(after[i], now[i], "actor {i} stays where it was");
        }
        // A second move is one edit.
        let Command::Batch { commands } = place(&doc, &after, 3, to) else {
            panic!("a batch")
        };
        assert_eq!(commands.len(), 1);
    }

    #[test]
    fn an_actor_links_to_goals_and_inspel() {
        let doc = crate::demo::demo_doc();
        let (goals, inspel) = link_choices(&doc);
        // The demo's goal sets and its 22 inspel (prioritisation demo).
        assert!(goals.iter().any(|(_, l)| l.contains("RUS")), "{goals:?}");
        assert!(!inspel.is_empty());
        let (a, b) = (goals[0].0.clone(), goals[1].0.clone());
        let v = toggled(&[], &a, true);
        let v = toggled(&v, &b, true);
        assert_eq!(toggled(&v, &a, true), vec![b.clone(), a.clone()]);
        assert_eq!(toggled(&v, &a, false), vec![b]);
    }

    #[test]
    fn new_actors_and_relations_are_valid_records() {
        let mut doc = crate::demo::demo_doc();
        let mut clock = Hlc::new("dev.a");
        let mut st = Stamper {
            clock: &mut clock,
            now_ms: 1_800_000_000_000,
        };
        let a = Id::from_random_bytes([1; 16]);
        apply(
            &mut doc,
            &new_actor(&a, "Ny aktör", ActorType::Company),
            &mut st,
        )
        .unwrap();
        let region = demo_id(0x10);
        let r = Id::from_random_bytes([2; 16]);
        apply(
            &mut doc,
            &connect(&r, &a, &region, RelationType::Funding, 2, false),
            &mut st,
        )
        .unwrap();
        let rows = rows(&doc, thresholds(&doc), Some(&Filter::default()));
        let new = rows.iter().find(|x| x.id == a).unwrap();
        // Scores 3/3/3/3 with grid high ≥ 3: key player; 3 < 4 present: non-stakeholder.
        assert_eq!(new.quadrant, Quadrant::KeyPlayer);
        assert_eq!(new.salience, Salience::NonStakeholder);
        assert_eq!(
            new.metrics.as_ref().map(|m| (m.out_degree, m.in_degree)),
            Some((1, 0))
        );
        // A contact person with only a name and a phone: role and e-mail stay unset.
        let c = Id::from_random_bytes([4; 16]);
        apply(
            &mut doc,
            &new_contact(&c, &a, "Anna", ["", " ", "070-000 00 00"]),
            &mut st,
        )
        .unwrap();
        let person = &contacts_of(&doc, &a)[0];
        assert_eq!(
            (person.role(), person.phone().map(String::as_str)),
            (None, Some("070-000 00 00"))
        );
        // A relation to itself is refused.
        let e = apply(
            &mut doc,
            &connect(
                &Id::from_random_bytes([3; 16]),
                &a,
                &a,
                RelationType::Collaboration,
                1,
                true,
            ),
            &mut st,
        );
        assert!(e.is_err());
    }
}
