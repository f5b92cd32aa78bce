//! Ballots: one participant's answer in one round, written once, never edited, with an id
//! derived from its content (the same ballot imported twice is one record); what a ballot
//! may supersede; the new-ballot command; a participant's heads; the tablet's ballot file.
use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::kernel::check::{self, Problem, ProblemKind};
use crate::kernel::command::DomainError;
use crate::kernel::id::Id;
use crate::kernel::record::Guard;
use crate::prioritisation::inspel::Municipality;
use crate::prioritisation::round::{Round, RoundStatus};
use crate::prioritisation::vote::{Answer, validate};
use crate::{Command, Doc};

/// The content of a ballot that its id is derived from. Fields in alphabetical order, so that
/// the compact JSON is already canonical (keys sorted at every level: the answer's maps are
/// `BTreeMap`s, its enums one-key objects) and needs no detour through `serde_json::Value`.
#[derive(Serialize)]
pub(crate) struct BallotContent<'a> {
    pub(crate) answer: &'a Answer,
    pub(crate) cast_at: u64,
    pub(crate) device: &'a str,
    pub(crate) origin: Origin,
    pub(crate) participant: &'a str,
    pub(crate) round: &'a Id,
    pub(crate) rules_hash: &'a str,
    pub(crate) supersedes: &'a [Id],
}

/// Where a ballot came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// Cast by the participant on a tablet.
    #[default]
    Tablet,
    /// A paper ballot entered by the facilitator.
    Paper,
    /// The facilitator's resolution of a double vote.
    Resolution,
}

record_kind! {
    /// One participant's answer in one round. Written once, never edited.
    Ballot = "ballot" immutable noun("röst", "röster", en, "ballot", "ballots") {
        /// The round.
        round: Id = check::any; required refs(round) handle(ROUND),
        /// The participant's code or name (a pseudonym is enough).
        participant: String = check::required_text::<120>; required label handle(PARTICIPANT),
        /// The participant's municipality, for the breakdown.
        municipality: Option<Municipality> = check::any; names("kommun", "municipality") handle(MUNICIPALITY),
        /// The answer.
        answer: Answer = check::any; required handle(ANSWER),
        /// Hash of the round's rules when the ballot was cast.
        rules_hash: String = check::text::<64>; required handle(RULES_HASH),
        /// Tablet, paper or resolution.
        origin: Origin = check::any; required handle(ORIGIN),
        /// Ballots this one replaces (a changed vote on the same device, or a resolution).
        supersedes: Vec<Id> = check::list::<Id, 100>; refs(ballot) handle(SUPERSEDES),
        /// When it was cast (ms since 1970; information only — never used to order ballots).
        cast_at: u64 = check::any; handle(CAST_AT),
    }
}

/// Ballots are immutable (declared so: never edited, a repeated one is nothing new); a
/// closed round takes no more. Validation adds the ballots' rules ([`check_ballots`]).
impl Guard<Doc> for Ballot {
    fn guard(doc: &Doc, cmd: &Command) -> Result<(), DomainError> {
        match cmd {
            Command::Create { fields, .. } if closed_round(doc, fields) => {
                Err(DomainError::RoundClosed)
            }
            _ => Ok(()),
        }
    }

    fn check_doc(doc: &Doc, problems: &mut Vec<Problem>, limit: usize) {
        check_ballots(doc, problems, limit);
    }
}

/// Whether a new ballot's `round` is a closed round.
fn closed_round(doc: &Doc, fields: &BTreeMap<String, serde_json::Value>) -> bool {
    let round = fields
        .get(Ballot::ROUND.name())
        .and_then(serde_json::Value::as_str)
        .and_then(|s| Id::parse(s).ok());
    round
        .and_then(|id| doc.rounds.get(&id))
        .is_some_and(|r| r.status() == Some(&RoundStatus::Closed))
}

/// The id of a ballot with this content: the first 16 bytes of its canonical hash, as a
/// UUID. Identical ballots (the same file imported twice) get the same id.
#[must_use]
#[allow(clippy::too_many_arguments)]
pub fn ballot_id(
    round: &Id,
    participant: &str,
    answer: &Answer,
    rules_hash: &str,
    origin: Origin,
    supersedes: &[Id],
    cast_at: u64,
    device: &str,
) -> Id {
    let content = BallotContent {
        answer,
        cast_at,
        device,
        origin,
        participant,
        round,
        rules_hash,
        supersedes,
    };
    let digest = Sha256::digest(serde_json::to_vec(&content).unwrap_or_default());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    Id::from_random_bytes(bytes)
}

/// The device that cast a ballot: the actor of the stamp on its `round` register up to the
/// actor's last `.` (the app's actors are `"{device}.{suffix}"`; an actor without a `.` is the
/// device itself). Every register of a ballot is written once, by the casting device.
#[must_use]
pub fn ballot_device(b: &Ballot) -> Option<&str> {
    let actor = b.round.as_ref()?.stamp.2.as_str();
    Some(actor.rsplit_once('.').map_or(actor, |(device, _)| device))
}

/// The id a ballot's stored content gives ([`ballot_id`] of its fields and [`ballot_device`]);
/// `None` when a field the id needs is missing.
#[must_use]
pub fn content_id(b: &Ballot) -> Option<Id> {
    Some(ballot_id(
        b.round()?,
        b.participant()?,
        b.answer()?,
        b.rules_hash()?,
        b.origin().copied().unwrap_or_default(),
        b.supersedes().map_or(&[][..], Vec::as_slice),
        b.cast_at().copied().unwrap_or(0),
        ballot_device(b)?,
    ))
}

/// Whether `by` may supersede `old`: only a ballot of the same participant in the same round
/// (a changed vote, or a resolution of that participant's double vote), never itself.
#[must_use]
pub fn may_supersede(by: &Ballot, old: &Ballot) -> bool {
    by.id != old.id && by.round() == old.round() && by.participant() == old.participant()
}

/// The ballots' rules that validation adds to the per-field checks, pushing problems (at most
/// `limit` in all): a ballot supersedes only ballots of its participant in its round
/// ([`may_supersede`]); a ballot's id is the id of its content ([`content_id`]).
pub fn check_ballots(doc: &Doc, problems: &mut Vec<Problem>, limit: usize) {
    for (i, b) in doc.ballots.0.values().enumerate() {
        if problems.len() >= limit {
            return;
        }
        if b.deleted.is_some() {
            continue;
        }
        if let Some(expected) = content_id(b).filter(|c| *c != b.id) {
            problems.push(Problem {
                path: format!("workspace.ballots[{i}].id"),
                kind: ProblemKind::BallotIdMismatch {
                    expected: expected.to_string(),
                },
            });
        }
        for old in b.supersedes().into_iter().flatten() {
            let bad = old == &b.id || doc.ballots.get(old).is_some_and(|o| !may_supersede(b, o));
            if bad {
                problems.push(Problem {
                    path: format!("workspace.ballots[{i}].supersedes.value"),
                    kind: ProblemKind::BadSupersede {
                        id: old.to_string(),
                    },
                });
                break;
            }
        }
    }
}

/// A new ballot: its content-addressed id and the fields of its `Create` command.
#[derive(Debug, Clone)]
pub struct NewBallot<'a> {
    /// The round (its current rules are hashed into the ballot).
    pub round: &'a Round,
    /// Participant code or name.
    pub participant: &'a str,
    /// Their municipality, if given.
    pub municipality: Option<Municipality>,
    /// The answer.
    pub answer: Answer,
    /// Tablet, paper or resolution.
    pub origin: Origin,
    /// Ballots it replaces.
    pub supersedes: Vec<Id>,
    /// Wall time (information only).
    pub cast_at: u64,
    /// The casting device (part of the id, so two tablets never mint the same ballot).
    pub device: &'a str,
}

impl NewBallot<'_> {
    /// Checks the answer against the round's rules and returns the `Create` command.
    ///
    /// # Errors
    /// The rule the answer breaks.
    pub fn command(&self) -> Result<crate::Command, crate::vote::BallotError> {
        validate(
            &self.round.method_or_default(),
            &self.round.item_set(),
            &self.answer,
        )?;
        let hash = self.round.rules_hash();
        let participant = self.participant.trim();
        let id = ballot_id(
            &self.round.id,
            participant,
            &self.answer,
            &hash,
            self.origin,
            &self.supersedes,
            self.cast_at,
            self.device,
        );
        use crate::crdt::to_json as to;
        let mut fields: BTreeMap<String, serde_json::Value> = BTreeMap::new();
        fields.insert("round".into(), to(&self.round.id));
        fields.insert("participant".into(), to(&participant));
        if let Some(m) = self.municipality {
            fields.insert("municipality".into(), to(&Some(m)));
        }
        fields.insert("answer".into(), to(&self.answer));
        fields.insert("rules_hash".into(), to(&hash));
        fields.insert("origin".into(), to(&self.origin));
        fields.insert("supersedes".into(), to(&self.supersedes));
        fields.insert("cast_at".into(), to(&self.cast_at));
        Ok(crate::Command::Create {
            kind: crate::Kind::Ballot,
            id,
            fields,
        })
    }
}

/// The live ballots of a round.
#[must_use]
pub fn ballots_of<'a>(doc: &'a crate::Doc, round: &Id) -> Vec<&'a Ballot> {
    doc.ballots
        .live()
        .filter(|b| b.round() == Some(round))
        .collect()
}

/// A participant's current (not superseded) ballots in a round.
#[must_use]
pub fn heads_of<'a>(ballots: &[&'a Ballot], participant: &str) -> Vec<&'a Ballot> {
    let superseded: BTreeSet<&Id> = ballots
        .iter()
        .flat_map(|b| b.supersedes().into_iter().flatten())
        .collect();
    ballots
        .iter()
        .filter(|b| {
            !superseded.contains(&b.id) && b.participant().is_some_and(|p| p == participant)
        })
        .copied()
        .collect()
}

/// The small file a tablet hands in: the workspace's meta, the round, its inspel and the
/// round's ballots, and what those refer to (an inspel's originals, the goals it serves and
/// their sets) — so the file reads back; nothing else.
#[must_use]
pub fn ballot_file(doc: &crate::Doc, round: &Id) -> crate::Doc {
    let mut out = doc.empty_subset();
    if let Some(r) = doc.rounds.0.get(round) {
        for id in r
            .item_set()
            .iter()
            .chain(r.costs().into_iter().flat_map(BTreeMap::keys))
        {
            if let Some(i) = doc.inspel.0.get(id) {
                out.inspel.0.insert(id.clone(), i.clone());
            }
        }
        out.rounds.0.insert(round.clone(), r.clone());
    }
    for b in doc.ballots.0.values().filter(|b| b.round() == Some(round)) {
        out.ballots.0.insert(b.id.clone(), b.clone());
    }
    out.close_references(doc);
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::ballot_file;

    #[test]
    fn a_ballot_file_carries_what_its_inspel_refer_to_and_reads_back() {
        // The demo's inspel serve RUS goals, so each round's tablet file carries those goals
        // and their set (a goal refers to its set); without them the file would be refused
        // as having dangling references. Nothing else of the goal-conflict module comes with.
        let doc = crate::demo::demo_doc();
        assert!(!doc.rounds.0.is_empty());
        for round in doc.rounds.0.keys() {
            let file = ballot_file(&doc, round);
            assert!(file.validate(10).is_empty(), "{:?}", file.validate(10));
            let linked: std::collections::BTreeSet<_> = file
                .inspel
                .0
                .values()
                .flat_map(|i| i.goal_links().cloned().unwrap_or_default())
                .collect();
            assert!(!linked.is_empty());
            assert_eq!(
                file.goals
                    .0
                    .keys()
                    .cloned()
                    .collect::<std::collections::BTreeSet<_>>(),
                linked
            );
            assert_eq!(file.goal_sets.0.len(), 1);
            assert!(
                file.matrices.0.is_empty() && file.scorings.0.is_empty() && file.cases.0.is_empty()
            );
            let text =
                crate::snapshot::Snapshot::compact_of(&file, "2026-12-02T00:00:00.000Z", "t");
            assert!(crate::snapshot::decode(&text).is_ok());
            let (merged, report) = crate::merge(&doc, &file);
            assert!(report.is_noop());
            assert_eq!(merged, doc);
        }
    }
}
