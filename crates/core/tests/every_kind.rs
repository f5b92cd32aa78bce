//! Merge laws, JSON round trips and convergence for records of **every** kind the document
//! declares, generated from the declarations: each field (`Record::FIELD_INFO`) takes a value
//! seen in the demo workspace or its default, under a generated stamp; records may be erased
//! or carry unknown fields. A kind added to `document!` fails `every_kind_is_generated` until
//! it has a strategy here (one line).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use serde_json::{Value, json};
use vagval_core::actions::records::{
    Activity, Area, ChainEdge, ChainNode, Consultation, Indicator, Learning, Meeting, Project,
};
use vagval_core::conflicts::case::Case;
use vagval_core::conflicts::goal::{Goal, GoalSet};
use vagval_core::conflicts::matrix::{Matrix, Scoring};
use vagval_core::crdt::Record;
use vagval_core::demo::demo_doc;
use vagval_core::document::Pieces;
use vagval_core::kernel::pieces::{Cursor, Part};
use vagval_core::model::{Agenda, Inspel, Meta};
use vagval_core::proofing::records::{Application, Assessment, Template};
use vagval_core::round::{Ballot, Round};
use vagval_core::stakeholders::actor::{Actor, Contact, Relation};
use vagval_core::{Doc, Id, Kind, Stamp, merge};

const CASES: u32 = 1_000;

fn id(n: u8) -> Id {
    Id::from_random_bytes([n; 16])
}

fn stamp() -> impl Strategy<Value = Stamp> {
    (0u64..4, 0u32..3, prop::sample::select(vec!["a", "b", "c"]))
        .prop_map(|(w, c, a)| Stamp(w, c, a.into()))
}

/// Per field of `R`: its default (if valid) and values the demo workspace holds (a few).
fn pool<'a, R: Record + 'a>(
    records: impl Iterator<Item = &'a R>,
) -> Vec<(&'static str, Vec<Value>)> {
    let records: Vec<&R> = records.collect();
    R::FIELD_INFO
        .iter()
        .map(|f| {
            let mut values: BTreeSet<String> = BTreeSet::new();
            // The default, where the field's check takes it (an empty title it does not).
            let default = R::default_of(f.name).unwrap();
            let at = Stamp(1, 0, "a".into());
            if R::empty(id(0)).set(f.name, default.clone(), at).is_ok() {
                values.insert(default.to_string());
            }
            for r in &records {
                if values.len() >= 4 {
                    break;
                }
                if let Some(v) = r.get(f.name) {
                    values.insert(v.to_string());
                }
            }
            let values = values
                .iter()
                .map(|v| serde_json::from_str(v).unwrap())
                .collect();
            (f.name, values)
        })
        .collect()
}

/// A record of kind `R` with one of three ids: each field unset or a pooled value; erased or
/// not; maybe an unknown field.
fn record<R: Record + std::fmt::Debug + 'static>(
    pool: Vec<(&'static str, Vec<Value>)>,
    base: u8,
) -> BoxedStrategy<R> {
    let fields = pool
        .iter()
        .map(|(_, values)| prop::option::of((0..values.len(), stamp())))
        .collect::<Vec<_>>();
    (
        1u8..4,
        fields,
        prop::option::of(stamp()),
        prop::option::of((0u8..2, stamp())),
    )
        .prop_map(move |(n, set, deleted, extra)| {
            let mut r = R::empty(id(base + n));
            for ((name, values), choice) in pool.iter().zip(set) {
                if let Some((i, at)) = choice {
                    r.set(name, values[i].clone(), at).unwrap();
                }
            }
            let mut json: BTreeMap<String, Value> =
                serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
            if let Some((v, at)) = extra {
                json.insert("future".into(), json!({"value": v, "stamp": at}));
            }
            let mut r: R = serde_json::from_str(&serde_json::to_string(&json).unwrap()).unwrap();
            if let Some(at) = deleted {
                r.erase(at);
            }
            r
        })
        .boxed()
}

fn meta() -> BoxedStrategy<Meta> {
    let d = demo_doc();
    record::<Meta>(pool(std::iter::once(&d.meta)), 0)
        .prop_map(|mut m| {
            // The workspace's own record is never erased and has the document's id.
            m.deleted = None;
            m.id = id(0);
            m
        })
        .boxed()
}

fn inspel() -> BoxedStrategy<Inspel> {
    record(pool(demo_doc().inspel.0.values()), 10)
}

fn round() -> BoxedStrategy<Round> {
    record(pool(demo_doc().rounds.0.values()), 20)
}

fn ballot() -> BoxedStrategy<Ballot> {
    record(pool(demo_doc().ballots.0.values()), 30)
}

fn agenda() -> BoxedStrategy<Agenda> {
    record(pool(demo_doc().agenda.0.values()), 40)
}

fn goal_set() -> BoxedStrategy<GoalSet> {
    record(pool(demo_doc().goal_sets.0.values()), 50)
}

fn goal() -> BoxedStrategy<Goal> {
    record(pool(demo_doc().goals.0.values()), 60)
}

fn matrix() -> BoxedStrategy<Matrix> {
    record(pool(demo_doc().matrices.0.values()), 70)
}

fn scoring() -> BoxedStrategy<Scoring> {
    record(pool(demo_doc().scorings.0.values()), 80)
}

fn case() -> BoxedStrategy<Case> {
    record(pool(demo_doc().cases.0.values()), 90)
}

fn actor() -> BoxedStrategy<Actor> {
    record(pool(demo_doc().actors.0.values()), 100)
}

fn relation() -> BoxedStrategy<Relation> {
    record(pool(demo_doc().relations.0.values()), 110)
}

fn contact() -> BoxedStrategy<Contact> {
    record(pool(demo_doc().contacts.0.values()), 120)
}

fn area() -> BoxedStrategy<Area> {
    record(pool(demo_doc().areas.0.values()), 130)
}

fn chain_node() -> BoxedStrategy<ChainNode> {
    record(pool(demo_doc().chain_nodes.0.values()), 140)
}

fn chain_edge() -> BoxedStrategy<ChainEdge> {
    record(pool(demo_doc().chain_edges.0.values()), 150)
}

fn indicator() -> BoxedStrategy<Indicator> {
    record(pool(demo_doc().indicators.0.values()), 160)
}

fn activity() -> BoxedStrategy<Activity> {
    record(pool(demo_doc().activities.0.values()), 170)
}

fn learning() -> BoxedStrategy<Learning> {
    record(pool(demo_doc().learning.0.values()), 180)
}

fn consultation() -> BoxedStrategy<Consultation> {
    record(pool(demo_doc().consultations.0.values()), 190)
}

fn project() -> BoxedStrategy<Project> {
    record(pool(demo_doc().projects.0.values()), 200)
}

fn meeting() -> BoxedStrategy<Meeting> {
    record(pool(demo_doc().meetings.0.values()), 210)
}

fn application() -> BoxedStrategy<Application> {
    record(pool(demo_doc().applications.0.values()), 220)
}

fn template() -> BoxedStrategy<Template> {
    record(pool(demo_doc().templates.0.values()), 230)
}

fn assessment() -> BoxedStrategy<Assessment> {
    record(pool(demo_doc().assessments.0.values()), 240)
}

#[test]
fn every_kind_is_generated() {
    // The kinds with a strategy above; a new kind in `document!` must be added.
    let covered = [
        Kind::Meta,
        Kind::Inspel,
        Kind::Round,
        Kind::Ballot,
        Kind::Agenda,
        Kind::GoalSet,
        Kind::Goal,
        Kind::Matrix,
        Kind::Scoring,
        Kind::Case,
        Kind::Actor,
        Kind::Relation,
        Kind::Contact,
        Kind::Area,
        Kind::ChainNode,
        Kind::ChainEdge,
        Kind::Indicator,
        Kind::Activity,
        Kind::Learning,
        Kind::Consultation,
        Kind::Project,
        Kind::Meeting,
        Kind::Application,
        Kind::Template,
        Kind::Assessment,
    ];
    assert_eq!(Kind::ALL, covered.as_slice());
    // Every field of every kind takes at least one value besides never being set.
    let d = demo_doc();
    let pools = [
        pool(std::iter::once(&d.meta)),
        pool(d.inspel.0.values()),
        pool(d.rounds.0.values()),
        pool(d.ballots.0.values()),
        pool(d.agenda.0.values()),
        pool(d.goal_sets.0.values()),
        pool(d.goals.0.values()),
        pool(d.matrices.0.values()),
        pool(d.scorings.0.values()),
        pool(d.cases.0.values()),
        pool(d.actors.0.values()),
        pool(d.relations.0.values()),
        pool(d.contacts.0.values()),
        pool(d.areas.0.values()),
        pool(d.chain_nodes.0.values()),
        pool(d.chain_edges.0.values()),
        pool(d.indicators.0.values()),
        pool(d.activities.0.values()),
        pool(d.learning.0.values()),
        pool(d.consultations.0.values()),
        pool(d.projects.0.values()),
        pool(d.meetings.0.values()),
        pool(d.applications.0.values()),
        pool(d.templates.0.values()),
        pool(d.assessments.0.values()),
    ];
    for (kind, pool) in Kind::ALL.iter().zip(&pools) {
        assert_eq!(pool.len(), kind.fields().len());
        for (field, values) in pool {
            assert!(!values.is_empty(), "{kind:?}.{field} has no value");
        }
    }
}

fn doc() -> impl Strategy<Value = Doc> {
    (
        meta(),
        prop::collection::vec(inspel(), 0..3),
        prop::collection::vec(round(), 0..3),
        prop::collection::vec(ballot(), 0..3),
        prop::collection::vec(agenda(), 0..3),
        (
            prop::collection::vec(goal_set(), 0..2),
            prop::collection::vec(goal(), 0..3),
            prop::collection::vec(matrix(), 0..2),
            prop::collection::vec(scoring(), 0..3),
            prop::collection::vec(case(), 0..2),
        ),
        (
            prop::collection::vec(actor(), 0..3),
            prop::collection::vec(relation(), 0..3),
            prop::collection::vec(contact(), 0..2),
        ),
        (
            prop::collection::vec(area(), 0..2),
            prop::collection::vec(chain_node(), 0..3),
            prop::collection::vec(chain_edge(), 0..3),
            prop::collection::vec(indicator(), 0..2),
            prop::collection::vec(activity(), 0..2),
        ),
        (
            prop::collection::vec(learning(), 0..2),
            prop::collection::vec(consultation(), 0..2),
            prop::collection::vec(project(), 0..2),
            prop::collection::vec(meeting(), 0..2),
        ),
        (
            prop::collection::vec(application(), 0..2),
            prop::collection::vec(template(), 0..2),
            prop::collection::vec(assessment(), 0..2),
        ),
    )
        .prop_map(
            |(
                meta,
                inspel,
                rounds,
                ballots,
                agenda,
                (goal_sets, goals, matrices, scorings, cases),
                (actors, relations, contacts),
                (areas, chain_nodes, chain_edges, indicators, activities),
                (learning, consultations, projects, meetings),
                (applications, templates, assessments),
            )| {
                // Each kind has ids of its own (see the strategies), so kinds never share one.
                let mut d = Doc::from_meta(id(0), meta);
                d.inspel
                    .0
                    .extend(inspel.into_iter().map(|r| (r.id.clone(), r)));
                d.rounds
                    .0
                    .extend(rounds.into_iter().map(|r| (r.id.clone(), r)));
                d.ballots
                    .0
                    .extend(ballots.into_iter().map(|r| (r.id.clone(), r)));
                d.agenda
                    .0
                    .extend(agenda.into_iter().map(|r| (r.id.clone(), r)));
                d.goal_sets
                    .0
                    .extend(goal_sets.into_iter().map(|r| (r.id.clone(), r)));
                d.goals
                    .0
                    .extend(goals.into_iter().map(|r| (r.id.clone(), r)));
                d.matrices
                    .0
                    .extend(matrices.into_iter().map(|r| (r.id.clone(), r)));
                d.scorings
                    .0
                    .extend(scorings.into_iter().map(|r| (r.id.clone(), r)));
                d.cases
                    .0
                    .extend(cases.into_iter().map(|r| (r.id.clone(), r)));
                d.actors
                    .0
                    .extend(actors.into_iter().map(|r| (r.id.clone(), r)));
                d.relations
                    .0
                    .extend(relations.into_iter().map(|r| (r.id.clone(), r)));
                d.contacts
                    .0
                    .extend(contacts.into_iter().map(|r| (r.id.clone(), r)));
                d.areas
                    .0
                    .extend(areas.into_iter().map(|r| (r.id.clone(), r)));
                d.chain_nodes
                    .0
                    .extend(chain_nodes.into_iter().map(|r| (r.id.clone(), r)));
                d.chain_edges
                    .0
                    .extend(chain_edges.into_iter().map(|r| (r.id.clone(), r)));
                d.indicators
                    .0
                    .extend(indicators.into_iter().map(|r| (r.id.clone(), r)));
                d.activities
                    .0
                    .extend(activities.into_iter().map(|r| (r.id.clone(), r)));
                d.learning
                    .0
                    .extend(learning.into_iter().map(|r| (r.id.clone(), r)));
                d.consultations
                    .0
                    .extend(consultations.into_iter().map(|r| (r.id.clone(), r)));
                d.projects
                    .0
                    .extend(projects.into_iter().map(|r| (r.id.clone(), r)));
                d.meetings
                    .0
                    .extend(meetings.into_iter().map(|r| (r.id.clone(), r)));
                d.applications
                    .0
                    .extend(applications.into_iter().map(|r| (r.id.clone(), r)));
                d.templates
                    .0
                    .extend(templates.into_iter().map(|r| (r.id.clone(), r)));
                d.assessments
                    .0
                    .extend(assessments.into_iter().map(|r| (r.id.clone(), r)));
                d
            },
        )
}

/// The record laws for one kind: merge commutative, associative, idempotent; JSON round trip.
macro_rules! record_laws {
    ($name:ident, $strategy:expr) => {
        proptest! {
            #![proptest_config(ProptestConfig::with_cases(CASES))]
            #[test]
            fn $name(a in $strategy, b in $strategy, c in $strategy) {
                // Records of one id merge; the laws hold for the merged records.
                let mut b = b;
                let mut c = c;
                b.id = a.id.clone();
                c.id = a.id.clone();
                let (ab, _) = a.merge(&b);
                prop_assert_eq!(&ab, &b.merge(&a).0);
                prop_assert_eq!(ab.merge(&c).0, a.merge(&b.merge(&c).0).0);
                prop_assert_eq!(&a.merge(&a).0, &a);
                let text = serde_json::to_string(&a).unwrap();
                let back = serde_json::from_str(&text).unwrap();
                prop_assert_eq!(&a, &back);
            }
        }
    };
}

record_laws!(meta_records_merge_by_the_laws, meta());
record_laws!(inspel_records_merge_by_the_laws, inspel());
record_laws!(round_records_merge_by_the_laws, round());
record_laws!(ballot_records_merge_by_the_laws, ballot());
record_laws!(agenda_records_merge_by_the_laws, agenda());
record_laws!(goal_set_records_merge_by_the_laws, goal_set());
record_laws!(goal_records_merge_by_the_laws, goal());
record_laws!(matrix_records_merge_by_the_laws, matrix());
record_laws!(scoring_records_merge_by_the_laws, scoring());
record_laws!(case_records_merge_by_the_laws, case());
record_laws!(actor_records_merge_by_the_laws, actor());
record_laws!(relation_records_merge_by_the_laws, relation());
record_laws!(contact_records_merge_by_the_laws, contact());
record_laws!(area_records_merge_by_the_laws, area());
record_laws!(chain_node_records_merge_by_the_laws, chain_node());
record_laws!(chain_edge_records_merge_by_the_laws, chain_edge());
record_laws!(indicator_records_merge_by_the_laws, indicator());
record_laws!(activity_records_merge_by_the_laws, activity());
record_laws!(learning_records_merge_by_the_laws, learning());
record_laws!(consultation_records_merge_by_the_laws, consultation());
record_laws!(project_records_merge_by_the_laws, project());
record_laws!(application_records_merge_by_the_laws, application());
record_laws!(template_records_merge_by_the_laws, template());
record_laws!(assessment_records_merge_by_the_laws, assessment());
record_laws!(meeting_records_merge_by_the_laws, meeting());

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn documents_of_every_kind_merge_by_the_laws_and_converge(
        a in doc(), b in doc(), c in doc(),
    ) {
        let (ab, _) = merge(&a, &b);
        prop_assert_eq!(&ab, &merge(&b, &a).0);
        let abc = merge(&ab, &c).0;
        prop_assert_eq!(&abc, &merge(&a, &merge(&b, &c).0).0);
        prop_assert_eq!(&merge(&a, &a).0, &a);
        // Three devices receiving each other's documents in any order end equal.
        let cba = merge(&merge(&c, &b).0, &a).0;
        let bca = merge(&merge(&b, &c).0, &a).0;
        prop_assert_eq!(&abc, &cba);
        prop_assert_eq!(&abc, &bca);
        // The JSON of the document reads back as the same document.
        let text = serde_json::to_string(&abc).unwrap();
        let back: Doc = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(&back, &abc);
    }
}

/// Joins a document's pieces (the autosave's text).
fn joined(doc: &Doc, cache: &Pieces<()>) -> String {
    doc.pieces(cache).unwrap().iter().map(Part::json).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn pieces_kept_from_one_document_write_another_exactly(
        a in doc(), b in doc(), every in 1usize..4,
    ) {
        // The autosave's writer, refreshed against `a`, then against `b` in slices of `every`
        // records (records changed, added and gone), writes what serde_json writes.
        let mut cache = Pieces::default();
        let mut cursor = Cursor::default();
        prop_assert!(a.refresh_pieces(&mut cache, &mut cursor, &mut |_| (), &mut || false));
        prop_assert_eq!(joined(&a, &cache), serde_json::to_string(&a).unwrap());
        let mut cursor = Cursor::default();
        let mut n = 0;
        let mut slices = 0;
        while !b.refresh_pieces(&mut cache, &mut cursor, &mut |_| (), &mut || {
            n += 1;
            n % every == 0
        }) {
            slices += 1;
            prop_assert!(slices < 100);
        }
        prop_assert_eq!(joined(&b, &cache), serde_json::to_string(&b).unwrap());
    }
}
