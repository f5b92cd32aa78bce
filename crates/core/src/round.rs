//! Voting rounds (omgångar) and ballots, and how a round's result is computed.
//!
//! A round's rules — method, items, seed, capacity rule and costs — are hashed; every ballot
//! carries that hash, and the rules cannot change once a ballot exists (a change means a new
//! round). Ballots are immutable records whose id is derived from their content, so the
//! same ballot imported twice is one record, and ballots from different tablets never touch
//! the same register. A participant's *head* is a ballot no other ballot of theirs
//! supersedes; exactly one head counts, two or more are a conflict for the facilitator.
use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::crdt::{RecordInfo, check};
use crate::id::Id;
use crate::model::{Municipality, NAME_MAX};
use crate::select::{Capacity, Selection, select};
use crate::vote::{Answer, Method, Tally, tally, validate};

impl Default for Method {
    fn default() -> Self {
        Self::Dots { budget: 5, cap: 3, all_required: false }
    }
}

impl Default for Answer {
    fn default() -> Self {
        Self::Allocation(BTreeMap::new())
    }
}

/// Whether a round takes ballots.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RoundStatus {
    /// Being set up; rules can change until the first ballot.
    #[default]
    Draft,
    /// Taking ballots.
    Open,
    /// Closed; results may be shown.
    Closed,
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
    /// A voting round over a set of inspel with one method.
    Round = "round" {
        /// Name, e.g. "Workshop 9 november – prickar".
        title: String = check::required_text::<NAME_MAX>,
        /// The inspel voted on.
        items: Vec<Id> = check::list::<Id, 5_000>,
        /// Method and parameters.
        method: Method = check::any,
        /// Published seed for the tie-break hash order.
        seed: String = check::text::<200>,
        /// The capacity rule, locked with the rest.
        capacity: Option<Capacity> = check::any,
        /// Cost (effort) per inspel for the capacity rule.
        costs: BTreeMap<Id, u32> = check::any,
        /// Draft, open or closed.
        status: RoundStatus = check::any,
        /// In the trash.
        removed: bool = check::any,
    }
}

impl RecordInfo for Round {
    fn label(&self) -> String {
        self.title().cloned().unwrap_or_default()
    }

    fn references(&self) -> Vec<(&'static str, &'static str, &Id)> {
        let items = self.items().into_iter().flatten().map(|id| ("items", "inspel", id));
        let costs = self.costs().into_iter().flat_map(BTreeMap::keys).map(|id| ("costs", "inspel", id));
        items.chain(costs).collect()
    }
}

record_kind! {
    /// One participant's answer in one round. Written once, never edited.
    Ballot = "ballot" {
        /// The round.
        round: Id = check::any,
        /// The participant's code or name (a pseudonym is enough).
        participant: String = check::required_text::<120>,
        /// The participant's municipality, for the breakdown.
        municipality: Option<Municipality> = check::any,
        /// The answer.
        answer: Answer = check::any,
        /// Hash of the round's rules when the ballot was cast.
        rules_hash: String = check::text::<64>,
        /// Tablet, paper or resolution.
        origin: Origin = check::any,
        /// Ballots this one replaces (a changed vote on the same device, or a resolution).
        supersedes: Vec<Id> = check::list::<Id, 100>,
        /// When it was cast (ms since 1970; information only — never used to order ballots).
        cast_at: u64 = check::any,
    }
}

impl RecordInfo for Ballot {
    fn label(&self) -> String {
        self.participant().cloned().unwrap_or_default()
    }

    fn references(&self) -> Vec<(&'static str, &'static str, &Id)> {
        let round = self.round().map(|id| ("round", "round", id));
        let sup = self.supersedes().into_iter().flatten().map(|id| ("supersedes", "ballot", id));
        round.into_iter().chain(sup).collect()
    }
}

/// The rules that are locked by a round's first ballot.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rules<'a> {
    /// Method and parameters.
    pub method: &'a Method,
    /// Items, sorted.
    pub items: Vec<&'a Id>,
    /// Seed.
    pub seed: &'a str,
    /// Capacity rule.
    pub capacity: Option<&'a Capacity>,
    /// Costs.
    pub costs: Option<&'a BTreeMap<Id, u32>>,
}

/// SHA-256 (hex) of canonical JSON: object keys sorted, no spaces (RFC 8785 for the
/// integers and strings used here).
#[must_use]
pub fn canonical_hash<T: Serialize>(value: &T) -> String {
    // serde_json's Value keeps object keys sorted, so its compact text is canonical.
    let text = crate::crdt::to_json(value).to_string();
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

impl Round {
    /// The locked rules.
    #[must_use]
    pub fn rules(&self) -> Rules<'_> {
        let mut items: Vec<&Id> = self.items().map(|v| v.iter().collect()).unwrap_or_default();
        items.sort();
        Rules {
            method: self.method().unwrap_or(&DEFAULT_METHOD),
            items,
            seed: self.seed().map_or("", String::as_str),
            capacity: self.capacity().and_then(Option::as_ref),
            costs: self.costs(),
        }
    }

    /// The hash every ballot of this round carries.
    #[must_use]
    pub fn rules_hash(&self) -> String {
        canonical_hash(&self.rules())
    }

    /// The items as a set.
    #[must_use]
    pub fn item_set(&self) -> BTreeSet<Id> {
        self.items().map(|v| v.iter().cloned().collect()).unwrap_or_default()
    }
}

static DEFAULT_METHOD: Method = Method::Approval;

/// The content of a ballot that its id is derived from.
#[derive(Serialize)]
struct BallotContent<'a> {
    round: &'a Id,
    participant: &'a str,
    answer: &'a Answer,
    rules_hash: &'a str,
    origin: Origin,
    supersedes: &'a [Id],
    cast_at: u64,
    device: &'a str,
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
    let content = BallotContent { round, participant, answer, rules_hash, origin, supersedes, cast_at, device };
    let text = crate::crdt::to_json(&content).to_string();
    let digest = Sha256::digest(text.as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    Id::from_random_bytes(bytes)
}

/// A participant with more than one head ballot: excluded until the facilitator resolves it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DoubleVote {
    /// The participant.
    pub participant: String,
    /// Their competing ballots.
    pub ballots: Vec<Id>,
}

/// A round's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoundResult {
    /// The tally of the counted ballots.
    pub tally: Tally,
    /// Counted ballots (one head per participant), by id.
    pub counted: Vec<Id>,
    /// Participants with several heads (not counted).
    pub double_votes: Vec<DoubleVote>,
    /// Ballots cast under other rules or breaking them (not counted).
    pub invalid: Vec<Id>,
    /// The capacity selection, if the round has a rule.
    pub selection: Option<Selection>,
    /// The rules hash.
    pub rules_hash: String,
    /// SHA-256 over the counted ballot ids, sorted, joined by "\n": the snapshot root.
    pub ballots_root: String,
}

/// Computes a round's result from its ballots (`ballots`: every live ballot of the round).
#[must_use]
pub fn round_result(round: &Round, ballots: &[&Ballot]) -> RoundResult {
    let rules_hash = round.rules_hash();
    let items = round.item_set();
    let method = round.method().cloned().unwrap_or_default();
    // One record per id (a file imported twice holds the same ballots).
    let ballots: BTreeMap<&Id, &Ballot> = ballots.iter().map(|b| (&b.id, *b)).collect();
    let superseded: BTreeSet<&Id> = ballots.values().flat_map(|b| b.supersedes().into_iter().flatten()).collect();
    let mut heads: BTreeMap<&str, Vec<&Ballot>> = BTreeMap::new();
    let mut invalid = Vec::new();
    for b in ballots.values().filter(|b| !superseded.contains(&b.id)) {
        let ok = b.rules_hash().is_some_and(|h| *h == rules_hash)
            && b.answer().is_some_and(|a| validate(&method, &items, a).is_ok());
        if ok {
            heads.entry(b.participant().map_or("", String::as_str)).or_default().push(*b);
        } else {
            invalid.push(b.id.clone());
        }
    }
    let mut counted: Vec<&Ballot> = Vec::new();
    let mut double_votes = Vec::new();
    for (participant, list) in heads {
        if let [one] = list.as_slice() {
            counted.push(one);
        } else {
            double_votes.push(DoubleVote {
                participant: participant.to_owned(),
                ballots: list.iter().map(|b| b.id.clone()).collect(),
            });
        }
    }
    let answers: Vec<&Answer> = counted.iter().filter_map(|b| b.answer()).collect();
    let tally = tally(&method, &items, &answers, round.seed().map_or("", String::as_str));
    let selection = round.capacity().and_then(Option::as_ref).map(|rule| {
        let costs = round.costs().cloned().unwrap_or_default();
        select(&tally.rows, &costs, *rule, None)
    });
    let mut ids: Vec<Id> = counted.iter().map(|b| b.id.clone()).collect();
    ids.sort();
    let joined = ids.iter().map(Id::as_str).collect::<Vec<_>>().join("\n");
    let ballots_root = Sha256::digest(joined.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    RoundResult { tally, counted: ids, double_votes, invalid, selection, rules_hash, ballots_root }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Stamp;
    use crate::crdt::{Record, Reg};

    fn id(n: u8) -> Id {
        Id::from_random_bytes([n; 16])
    }

    fn reg<T>(value: T) -> Option<Reg<T>> {
        Some(Reg { value, stamp: Stamp(1, 0, "t".into()) })
    }

    fn round() -> Round {
        let mut r = Round::empty(id(50));
        r.title = reg("Workshop".into());
        r.items = reg(vec![id(1), id(2), id(3)]);
        r.method = reg(Method::Approval);
        r.seed = reg("2020-11-09".into());
        r
    }

    fn ballot(r: &Round, who: &str, yes: &[u8], supersedes: Vec<Id>, device: &str) -> Ballot {
        let answer = Answer::Allocation(yes.iter().map(|n| (id(*n), 1)).collect());
        let hash = r.rules_hash();
        let bid = ballot_id(&r.id, who, &answer, &hash, Origin::Tablet, &supersedes, 0, device);
        let mut b = Ballot::empty(bid);
        b.round = reg(r.id.clone());
        b.participant = reg(who.into());
        b.answer = reg(answer);
        b.rules_hash = reg(hash);
        b.supersedes = reg(supersedes);
        b
    }

    #[test]
    fn the_rules_hash_ignores_item_order_but_not_rules() {
        let a = round();
        let mut b = round();
        b.items = reg(vec![id(3), id(1), id(2)]);
        assert_eq!(a.rules_hash(), b.rules_hash());
        b.seed = reg("annat".into());
        assert_ne!(a.rules_hash(), b.rules_hash());
        assert_eq!(a.rules_hash().len(), 64);
    }

    #[test]
    fn identical_ballots_share_an_id() {
        let r = round();
        assert_eq!(ballot(&r, "P1", &[1], vec![], "d").id, ballot(&r, "P1", &[1], vec![], "d").id);
        assert_ne!(ballot(&r, "P1", &[1], vec![], "d").id, ballot(&r, "P1", &[2], vec![], "d").id);
    }

    #[test]
    fn heads_count_once_and_double_votes_are_flagged() {
        let r = round();
        // P1 changes their vote on one tablet: the second supersedes the first → counts once.
        let p1a = ballot(&r, "P1", &[1], vec![], "tab-1");
        let p1b = ballot(&r, "P1", &[2], vec![p1a.id.clone()], "tab-1");
        // P2 votes on two tablets with different answers → two heads → double vote.
        let p2a = ballot(&r, "P2", &[1], vec![], "tab-1");
        let p2b = ballot(&r, "P2", &[3], vec![], "tab-2");
        // P3 votes under other rules → invalid, not counted.
        let mut other = round();
        other.seed = reg("x".into());
        let p3 = ballot(&other, "P3", &[1], vec![], "tab-3");
        let all = [&p1a, &p1b, &p2a, &p2b, &p3];
        let res = round_result(&r, &all);
        assert_eq!(res.counted, vec![p1b.id.clone()]);
        assert_eq!(res.double_votes.len(), 1);
        assert_eq!(res.double_votes[0].participant, "P2");
        assert_eq!(res.invalid, vec![p3.id.clone()]);
        assert_eq!(res.tally.rows[0].item, id(2));
        // The facilitator resolves P2 by a ballot superseding both heads.
        let fix = ballot(&r, "P2", &[3], vec![p2a.id.clone(), p2b.id.clone()], "facilitator");
        let res = round_result(&r, &[&p1a, &p1b, &p2a, &p2b, &p3, &fix]);
        assert!(res.double_votes.is_empty());
        assert_eq!(res.counted.len(), 2);
        // Importing a ballot twice changes nothing: same id, same record.
        let res2 = round_result(&r, &[&p1a, &p1b, &p1b, &p2a, &p2b, &p3, &fix]);
        assert_eq!(res2.ballots_root, res.ballots_root);
    }
}
