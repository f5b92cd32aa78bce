//! The workspace document: the one list of its collections. A new collection is one line
//! here, plus its record's file (declared with [`record_kind!`](crate::record_kind) and given
//! a [`Guard`](crate::kernel::record::Guard)); [`document!`](crate::document) writes the rest.
use crate::actions::records::{
    Activity, Area, ChainEdge, ChainNode, Consultation, Indicator, Learning, Meeting, Project,
};
use crate::conflicts::case::Case;
use crate::conflicts::goal::{Goal, GoalSet};
use crate::conflicts::matrix::{Matrix, Scoring};
use crate::kernel::clock::Stamp;
use crate::kernel::id::Id;
use crate::kernel::record::Record;
use crate::kernel::reg::Reg;
use crate::prioritisation::agenda::Agenda;
use crate::prioritisation::inspel::Inspel;
use crate::prioritisation::round::{Ballot, Round};
use crate::proofing::records::{Application, Assessment, Template};
use crate::stakeholders::actor::{Actor, Contact, Relation};
use crate::workspace::Meta;

document! {
    /// A whole workspace: the records of every module.
    Doc, Kind {
        /// Name, organisation, description.
        meta: Meta;
        /// Inspel (inputs) for the påverkansagenda.
        inspel: Inspel always,
        /// Voting rounds.
        rounds: Round,
        /// Ballots of every round (immutable, content-addressed).
        ballots: Ballot,
        /// Points of the påverkansagenda.
        agenda: Agenda,
        /// Goal sets (Agenda 2030, the dimensions, custom).
        goal_sets: GoalSet,
        /// Goals of every set.
        goals: Goal,
        /// Cross-impact matrices.
        matrices: Matrix,
        /// Each rater's scores of a matrix.
        scorings: Scoring,
        /// Cases checked against a matrix (ärenden).
        cases: Case,
        /// Actors of the stakeholder map.
        actors: Actor,
        /// Relations between actors.
        relations: Relation,
        /// Contact persons of actors (personal data).
        contacts: Contact,
        /// Action areas (insatsområden).
        areas: Area,
        /// Nodes of the effect chains (of areas and projects).
        chain_nodes: ChainNode,
        /// Edges of the effect chains.
        chain_edges: ChainEdge,
        /// Indicators of chain nodes, with their values.
        indicators: Indicator,
        /// Activities of the plan (genomförandeplan).
        activities: Activity,
        /// The learning log.
        learning: Learning,
        /// The Sami consultation log (lag 2022:66).
        consultations: Consultation,
        /// Collaboration projects with their financing.
        projects: Project,
        /// Meetings of the peer exchange.
        meetings: Meeting,
        /// Funding applications to be sustainability-proofed.
        applications: Application,
        /// Criteria templates, every version.
        templates: Template,
        /// Assessments of applications (each assessor's, and the joint ones).
        assessments: Assessment,
    }
}

impl Doc {
    /// An empty workspace with its name set at `at`.
    #[must_use]
    pub fn new(id: Id, name: &str, at: Stamp) -> Self {
        let mut meta = Meta::empty(id.clone());
        meta.name = Some(Reg {
            value: name.to_owned(),
            stamp: at,
        });
        Self::from_meta(id, meta)
    }

    /// The workspace name ("" if never set).
    #[must_use]
    pub fn name(&self) -> &str {
        self.meta.name().map_or("", String::as_str)
    }

    /// An inspel's title ("" if unknown or never set).
    #[must_use]
    pub fn inspel_title(&self, id: &Id) -> String {
        self.inspel
            .0
            .get(id)
            .and_then(|i| i.title().cloned())
            .unwrap_or_default()
    }
}

// The command tests run on this crate's document (the kernel has none of its own).
#[cfg(test)]
mod command_tests {
    use std::collections::BTreeMap;

    use crate::Doc;
    use crate::clock::{Hlc, Stamp};
    use crate::command::{Command, DomainError, History, Kind, Stamper, apply};
    use crate::crdt::ProblemKind;
    use crate::id::Id;
    use crate::lang::{Lang, Localized};
    use serde_json::json;

    fn id(n: u8) -> Id {
        Id::from_random_bytes([n; 16])
    }

    fn doc() -> Doc {
        Doc::new(id(0), "Första", Stamp(1, 0, "t".into()))
    }

    #[test]
    fn edits_are_stamped_and_undo_redo_restore_values() {
        let mut d = doc();
        let mut clock = Hlc::new("dev.a");
        let mut st = Stamper {
            clock: &mut clock,
            now_ms: 1000,
        };
        let mut h = History::default();
        h.apply(
            &mut d,
            &Command::edit(Kind::Meta, &id(0), "name", "Andra"),
            &mut st,
        )
        .unwrap();
        assert_eq!(d.name(), "Andra");
        assert_eq!(
            d.meta.name.as_ref().unwrap().stamp,
            Stamp(1000, 0, "dev.a".into())
        );
        assert!(h.undo(&mut d, &mut st));
        assert_eq!(d.name(), "Första");
        assert!(h.redo(&mut d, &mut st));
        assert_eq!(d.name(), "Andra");
        assert!(!h.redo(&mut d, &mut st));
    }

    #[test]
    fn rules_are_enforced_and_leave_the_document_unchanged() {
        let mut d = doc();
        let before = d.clone();
        let mut clock = Hlc::new("dev.a");
        let mut st = Stamper {
            clock: &mut clock,
            now_ms: 5,
        };
        let e = apply(
            &mut d,
            &Command::edit(Kind::Meta, &id(0), "name", " "),
            &mut st,
        )
        .unwrap_err();
        assert_eq!(e.message(Lang::Sv), "Namnet får inte vara tomt.");
        assert_eq!(e.message(Lang::En), "The name must not be empty.");
        let e = apply(
            &mut d,
            &Command::edit(Kind::Meta, &id(0), "colour", "red"),
            &mut st,
        )
        .unwrap_err();
        assert!(matches!(e, DomainError::UnknownField { .. }));
        let e = apply(
            &mut d,
            &Command::edit(Kind::Meta, &id(0), "name", 5),
            &mut st,
        )
        .unwrap_err();
        assert!(matches!(e, DomainError::BadValue { .. }));
        let bad_batch = Command::Batch {
            commands: vec![
                Command::Create {
                    kind: Kind::Inspel,
                    id: id(1),
                    fields: [("title".into(), json!("A"))].into(),
                },
                Command::edit(Kind::Inspel, &id(1), "title", ""),
            ],
        };
        assert!(apply(&mut d, &bad_batch, &mut st).is_err());
        assert_eq!(d, before);
        // Existing records edited, renamed and erased, then a failing command: all put back.
        let fields = [("title".into(), json!("B"))].into();
        apply(
            &mut d,
            &Command::Create {
                kind: Kind::Inspel,
                id: id(2),
                fields,
            },
            &mut st,
        )
        .unwrap();
        let before = d.clone();
        let bad_batch = Command::Batch {
            commands: vec![
                Command::edit(Kind::Meta, &id(0), "name", "Ny"),
                Command::edit(Kind::Inspel, &id(2), "title", "C"),
                Command::edit(Kind::Inspel, &id(2), "title", "D"),
                Command::Batch {
                    commands: vec![Command::edit(Kind::Inspel, &id(2), "theme", "T")],
                },
                Command::Erase {
                    kind: Kind::Inspel,
                    id: id(2),
                },
                Command::Create {
                    kind: Kind::Inspel,
                    id: id(3),
                    fields: [("title".into(), json!("W"))].into(),
                },
                Command::edit(Kind::Inspel, &id(3), "title", "X"),
                // A nested batch fails after one of its own edits.
                Command::Batch {
                    commands: vec![
                        Command::edit(Kind::Inspel, &id(3), "theme", "T3"),
                        Command::edit(Kind::Inspel, &id(9), "title", "finns inte"),
                    ],
                },
            ],
        };
        assert!(matches!(
            apply(&mut d, &bad_batch, &mut st),
            Err(DomainError::NotFound { .. })
        ));
        assert_eq!(d, before);
    }

    #[test]
    fn create_undo_moves_to_trash_and_erase_is_final() {
        let mut d = doc();
        let mut clock = Hlc::new("dev.a");
        let mut st = Stamper {
            clock: &mut clock,
            now_ms: 5,
        };
        let mut h = History::default();
        let fields = [
            ("title".into(), json!("Bredband")),
            ("municipality".into(), json!("krokom")),
        ]
        .into();
        h.apply(
            &mut d,
            &Command::Create {
                kind: Kind::Inspel,
                id: id(1),
                fields,
            },
            &mut st,
        )
        .unwrap();
        assert!(h.undo(&mut d, &mut st));
        assert_eq!(d.inspel.get(&id(1)).unwrap().removed(), Some(&true));
        assert!(h.redo(&mut d, &mut st));
        assert_eq!(d.inspel.get(&id(1)).unwrap().removed(), Some(&false));
        h.apply(
            &mut d,
            &Command::Erase {
                kind: Kind::Inspel,
                id: id(1),
            },
            &mut st,
        )
        .unwrap();
        assert!(!h.can_undo());
        let r = &d.inspel.0[&id(1)];
        assert!(r.deleted.is_some() && r.title.is_none() && r.municipality.is_none());
        let again = Command::Create {
            kind: Kind::Inspel,
            id: id(1),
            fields: BTreeMap::new(),
        };
        assert!(matches!(
            apply(&mut d, &again, &mut st),
            Err(DomainError::Exists { .. })
        ));
        let edit = Command::edit(Kind::Inspel, &id(1), "title", "x");
        assert!(matches!(
            apply(&mut d, &edit, &mut st),
            Err(DomainError::Erased { .. })
        ));
    }

    #[test]
    fn typed_field_handles_make_the_same_commands_as_field_names() {
        use crate::model::{Inspel, Meta, Status};
        let by_handle: Command = Inspel::STATUS.edit(&id(1), &Status::Adopted);
        assert_eq!(
            by_handle,
            Command::edit(Kind::Inspel, &id(1), "status", json!("adopted"))
        );
        let by_handle: Command = Meta::NAME.edit(&id(0), &"Ny".to_owned());
        assert_eq!(by_handle, Command::edit(Kind::Meta, &id(0), "name", "Ny"));
        assert_eq!(crate::round::RULE_FIELDS[0], "method");
    }

    #[test]
    fn swedish_messages_agree_with_the_noun() {
        // Rubriken and Texten are en-words → "tom"; Namnet and Fältet are ett-words → "tomt".
        let rule = |field| {
            DomainError::Rule {
                kind: "inspel",
                field,
                problem: ProblemKind::Empty,
            }
            .message(Lang::Sv)
        };
        assert_eq!(rule("title"), "Rubriken får inte vara tom.");
        assert_eq!(rule("text"), "Texten får inte vara tom.");
        assert_eq!(rule("name"), "Namnet får inte vara tomt.");
        assert_eq!(rule("seed"), "Fältet får inte vara tomt.");
    }

    #[test]
    fn a_submitted_ballot_is_never_undone() {
        // On a shared tablet "Ångra" after a vote must not take it back, nor reach what came
        // before it (the previous participant's steps): the history ends at a ballot.
        let mut d = doc();
        let mut clock = Hlc::new("dev.a");
        let mut st = Stamper {
            clock: &mut clock,
            now_ms: 5,
        };
        let mut h = History::default();
        h.apply(
            &mut d,
            &Command::edit(Kind::Meta, &id(0), "name", "Andra"),
            &mut st,
        )
        .unwrap();
        assert!(h.can_undo());
        let fields = [
            ("round".into(), json!(id(9))),
            ("participant".into(), json!("P")),
            ("answer".into(), json!({"allocation": {}})),
            ("rules_hash".into(), json!("")),
            ("origin".into(), json!("tablet")),
        ]
        .into();
        h.apply(
            &mut d,
            &Command::Create {
                kind: Kind::Ballot,
                id: id(5),
                fields,
            },
            &mut st,
        )
        .unwrap();
        assert!(!h.can_undo() && !h.can_redo());
        assert!(!h.undo(&mut d, &mut st));
        assert!(d.ballots.get(&id(5)).is_some(), "the ballot stays");
        assert_eq!(d.name(), "Andra", "the step before it stays too");
    }
}
