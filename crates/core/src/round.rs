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

/// A facilitator's override of the capacity selection, with the written reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Override {
    /// The items selected instead, in order.
    pub items: Vec<Id>,
    /// Why (required).
    pub reason: String,
    /// When (ms since 1970; information only).
    pub at: u64,
}

/// The fields of a round that its first ballot locks.
pub const RULE_FIELDS: [&str; 5] = ["method", "items", "seed", "capacity", "costs"];

record_kind! {
    /// A voting round over a set of inspel with one method.
    Round = "round" {
        /// Name, e.g. "Workshop 9 november – prickar".
        title: String = check::required_text::<NAME_MAX>; required,
        /// The inspel voted on.
        items: Vec<Id> = check::list::<Id, 5_000>; required,
        /// Method and parameters.
        method: Method = check::any; required,
        /// Published seed for the tie-break hash order.
        seed: String = check::text::<200>,
        /// The capacity rule, locked with the rest.
        capacity: Option<Capacity> = check::any,
        /// Cost (effort) per inspel for the capacity rule.
        costs: BTreeMap<Id, u32> = check::any,
        /// Draft, open or closed.
        status: RoundStatus = check::any,
        /// The facilitator's overrides of the capacity selection, oldest first; the last
        /// one applies. Not part of the rules.
        overrides: Vec<Override> = check::list::<Override, 1_000>,
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
        round: Id = check::any; required,
        /// The participant's code or name (a pseudonym is enough).
        participant: String = check::required_text::<120>; required,
        /// The participant's municipality, for the breakdown.
        municipality: Option<Municipality> = check::any,
        /// The answer.
        answer: Answer = check::any; required,
        /// Hash of the round's rules when the ballot was cast.
        rules_hash: String = check::text::<64>; required,
        /// Tablet, paper or resolution.
        origin: Origin = check::any; required,
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

    /// The method ballots are cast, checked and counted by (the default for a round without
    /// one, as in [`round_result`]).
    #[must_use]
    pub fn method_or_default(&self) -> Method {
        self.method().cloned().unwrap_or_default()
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

// Hashed for a round without a method. Kept as it is: changing it would change the rules hash
// that such rounds' ballots already carry. Casting and counting use `method_or_default`.
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
    let method = round.method_or_default();
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

impl RoundResult {
    /// The final list: the last override if the facilitator made one, else the capacity
    /// selection, else every ranked item.
    #[must_use]
    pub fn final_items<'a>(&'a self, round: &'a Round) -> Vec<&'a Id> {
        if let Some(o) = round.overrides().and_then(|v| v.last()) {
            return o.items.iter().collect();
        }
        match &self.selection {
            Some(s) => s.items.iter().collect(),
            None => self.tally.rows.iter().map(|r| &r.item).collect(),
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
        validate(&self.round.method_or_default(), &self.round.item_set(), &self.answer)?;
        let hash = self.round.rules_hash();
        let participant = self.participant.trim();
        let id = ballot_id(
            &self.round.id, participant, &self.answer, &hash, self.origin, &self.supersedes, self.cast_at, self.device,
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
        Ok(crate::Command::Create { kind: crate::Kind::Ballot, id, fields })
    }
}

/// The live ballots of a round.
#[must_use]
pub fn ballots_of<'a>(doc: &'a crate::Doc, round: &Id) -> Vec<&'a Ballot> {
    doc.ballots.live().filter(|b| b.round() == Some(round)).collect()
}

/// A participant's current (not superseded) ballots in a round.
#[must_use]
pub fn heads_of<'a>(ballots: &[&'a Ballot], participant: &str) -> Vec<&'a Ballot> {
    let superseded: BTreeSet<&Id> = ballots.iter().flat_map(|b| b.supersedes().into_iter().flatten()).collect();
    ballots
        .iter()
        .filter(|b| !superseded.contains(&b.id) && b.participant().is_some_and(|p| p == participant))
        .copied()
        .collect()
}

/// Fewest counted ballots one group of the per-municipality breakdown may show: a smaller group
/// would let anyone who knows who voted there read off how they voted.
pub const BREAKDOWN_MIN: usize = 3;

/// A group of the per-municipality breakdown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Group {
    /// One municipality with at least [`BREAKDOWN_MIN`] voters.
    One(Municipality),
    /// Municipalities with fewer voters each, shown together (at least [`BREAKDOWN_MIN`] in all).
    Others(Vec<Municipality>),
}

/// The tally per participant municipality, with no group small enough to reveal a vote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Breakdown {
    /// The groups shown, in [`Municipality::ALL`] order, the merged one last.
    pub groups: Vec<(Group, Tally)>,
    /// Counted ballots not shown: their municipalities together had fewer than
    /// [`BREAKDOWN_MIN`] voters.
    pub hidden: usize,
}

/// The tally per participant municipality over the counted ballots (ballots without a
/// municipality are left out). Municipalities with fewer than [`BREAKDOWN_MIN`] voters are
/// merged into one group; if that group too has fewer, it is not shown and counted in `hidden`.
#[must_use]
pub fn breakdown(round: &Round, ballots: &[&Ballot], counted: &[Id]) -> Breakdown {
    let counted: BTreeSet<&Id> = counted.iter().collect();
    let method = round.method_or_default();
    let items = round.item_set();
    let seed = round.seed().map_or("", String::as_str);
    let mut groups = Vec::new();
    let (mut small, mut small_answers): (Vec<Municipality>, Vec<&Answer>) = (Vec::new(), Vec::new());
    for m in Municipality::ALL {
        let answers: Vec<&Answer> = ballots
            .iter()
            .filter(|b| counted.contains(&b.id) && b.municipality().copied().flatten() == Some(m))
            .filter_map(|b| b.answer())
            .collect();
        if answers.len() >= BREAKDOWN_MIN {
            groups.push((Group::One(m), tally(&method, &items, &answers, seed)));
        } else if !answers.is_empty() {
            small.push(m);
            small_answers.extend(answers);
        }
    }
    let mut hidden = 0;
    if small_answers.len() >= BREAKDOWN_MIN {
        groups.push((Group::Others(small), tally(&method, &items, &small_answers, seed)));
    } else {
        hidden = small_answers.len();
    }
    Breakdown { groups, hidden }
}

/// The small file a tablet hands in: the workspace's meta, the round, its inspel and the
/// round's ballots — everything the ballots refer to, nothing else.
#[must_use]
pub fn ballot_file(doc: &crate::Doc, round: &Id) -> crate::Doc {
    let mut out = crate::Doc {
        id: doc.id.clone(),
        meta: doc.meta.clone(),
        inspel: crate::crdt::Collection::default(),
        rounds: crate::crdt::Collection::default(),
        ballots: crate::crdt::Collection::default(),
        agenda: crate::crdt::Collection::default(),
        extra: BTreeMap::new(),
    };
    if let Some(r) = doc.rounds.0.get(round) {
        for id in r.item_set().iter().chain(r.costs().into_iter().flat_map(BTreeMap::keys)) {
            if let Some(i) = doc.inspel.0.get(id) {
                out.inspel.0.insert(id.clone(), i.clone());
                for o in i.originals().into_iter().flatten() {
                    if let Some(orig) = doc.inspel.0.get(o) {
                        out.inspel.0.insert(o.clone(), orig.clone());
                    }
                }
            }
        }
        out.rounds.0.insert(round.clone(), r.clone());
    }
    for b in doc.ballots.0.values().filter(|b| b.round() == Some(round)) {
        out.ballots.0.insert(b.id.clone(), b.clone());
        for s in b.supersedes().into_iter().flatten() {
            if let Some(old) = doc.ballots.0.get(s) {
                out.ballots.0.insert(s.clone(), old.clone());
            }
        }
    }
    out
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

    fn stamper(clock: &mut crate::Hlc) -> crate::Stamper<'_> {
        crate::Stamper { clock, now_ms: 1_700_000_000_000 }
    }

    #[test]
    fn a_cast_ballot_locks_the_rules_and_is_never_edited() {
        use crate::{Command, Kind, command::apply};
        let mut doc = crate::demo::demo_doc();
        let round_id = Id::parse(crate::demo::DEMO_ROUND).unwrap();
        let mut clock = crate::Hlc::new("t");
        let mut st = stamper(&mut clock);
        // The demo round has ballots: method, items, seed, capacity and costs are locked.
        for field in RULE_FIELDS {
            let e = apply(&mut doc, &Command::edit(Kind::Round, &round_id, field, serde_json::json!(null)), &mut st);
            assert!(matches!(e, Err(crate::DomainError::Locked { .. })), "{field}");
        }
        // The title and the overrides are not rules.
        apply(&mut doc, &Command::edit(Kind::Round, &round_id, "title", "Ny rubrik"), &mut st).unwrap();
        // A ballot is never edited.
        let b = doc.ballots.0.keys().next().unwrap().clone();
        let e = apply(&mut doc, &Command::edit(Kind::Ballot, &b, "participant", "X"), &mut st);
        assert!(matches!(e, Err(crate::DomainError::Locked { kind: "ballot", .. })));
        // A round without ballots can change.
        let mut fresh = round();
        fresh.id = id(99);
        doc.rounds.0.insert(fresh.id.clone(), fresh.clone());
        doc.inspel.0.extend([1u8, 2, 3].map(|n| (id(n), crate::model::Inspel::empty(id(n)))));
        apply(&mut doc, &Command::edit(Kind::Round, &fresh.id, "seed", "nytt"), &mut st).unwrap();
    }

    #[test]
    fn new_ballots_are_checked_content_addressed_and_idempotent() {
        use crate::command::apply;
        let mut doc = crate::demo::demo_doc();
        let r = round();
        doc.inspel.0.extend([1u8, 2, 3].map(|n| {
            let mut i = crate::model::Inspel::empty(id(n));
            i.title = reg(format!("Inspel {n}"));
            (id(n), i)
        }));
        doc.rounds.0.insert(r.id.clone(), r.clone());
        let mut clock = crate::Hlc::new("t");
        let mut st = stamper(&mut clock);
        let nb = NewBallot {
            round: &r,
            participant: " P1 ",
            municipality: Some(Municipality::Are),
            answer: Answer::Allocation([(id(1), 1)].into()),
            origin: Origin::Paper,
            supersedes: vec![],
            cast_at: 5,
            device: "tablet-1",
        };
        let cmd = nb.command().unwrap();
        apply(&mut doc, &cmd, &mut st).unwrap();
        let before = doc.clone();
        // The same ballot again changes nothing.
        apply(&mut doc, &cmd, &mut st).unwrap();
        assert_eq!(doc, before);
        let ballots = ballots_of(&doc, &r.id);
        assert_eq!(ballots.len(), 1);
        assert_eq!(ballots[0].participant().unwrap(), "P1", "trimmed");
        assert_eq!(ballots[0].origin(), Some(&Origin::Paper));
        assert_eq!(heads_of(&ballots, "P1").len(), 1);
        // An item outside the round is refused before anything is written.
        let bad = NewBallot { answer: Answer::Allocation([(id(7), 1)].into()), ..nb.clone() };
        assert!(bad.command().is_err());
        // The breakdown groups counted ballots by municipality.
        let res = round_result(&r, &ballots);
        // One voter from Åre: too few to show on their own, so not shown at all.
        let by = breakdown(&r, &ballots, &res.counted);
        assert!(by.groups.is_empty());
        assert_eq!(by.hidden, 1);
        // The tablet's file holds the round, its inspel and its ballots, and validates.
        let file = ballot_file(&doc, &r.id);
        assert_eq!(file.ballots.0.len(), 1);
        assert_eq!(file.inspel.0.len(), 3);
        assert_eq!(file.rounds.0.len(), 1);
        assert!(file.agenda.0.is_empty());
        assert!(file.validate(10).is_empty(), "{:?}", file.validate(10));
        // Merging it into the full workspace changes nothing.
        let (merged, report) = crate::merge(&doc, &file);
        assert!(report.is_noop());
        assert_eq!(merged, doc);
    }

    #[test]
    fn the_breakdown_never_shows_a_group_of_fewer_than_three() {
        // Åre 3 voters, Berg 1, Krokom 1, Ragunda 1, one without a municipality:
        // Åre is shown alone (3); Berg + Krokom + Ragunda together (3); the last is left out.
        let r = round();
        let who = |name: &str, m: Option<Municipality>, yes: u8| {
            let mut b = ballot(&r, name, &[yes], vec![], "d");
            b.municipality = reg(m);
            b
        };
        let list = [
            who("A1", Some(Municipality::Are), 1),
            who("A2", Some(Municipality::Are), 1),
            who("A3", Some(Municipality::Are), 2),
            who("B", Some(Municipality::Berg), 3),
            who("K", Some(Municipality::Krokom), 3),
            who("R", Some(Municipality::Ragunda), 2),
            who("X", None, 1),
        ];
        let refs: Vec<&Ballot> = list.iter().collect();
        let res = round_result(&r, &refs);
        let by = breakdown(&r, &refs, &res.counted);
        assert_eq!(by.groups.len(), 2);
        assert_eq!(by.groups[0].0, Group::One(Municipality::Are));
        assert_eq!(by.groups[0].1.ballots, 3);
        assert_eq!(by.groups[1].0, Group::Others(vec![Municipality::Berg, Municipality::Krokom, Municipality::Ragunda]));
        assert_eq!(by.groups[1].1.ballots, 3);
        assert_eq!(by.hidden, 0);
        // Without Ragunda, Berg + Krokom are two: hidden, and said so.
        let refs: Vec<&Ballot> = list.iter().filter(|b| b.participant().is_some_and(|p| p != "R")).collect();
        let res = round_result(&r, &refs);
        let by = breakdown(&r, &refs, &res.counted);
        assert_eq!(by.groups.len(), 1);
        assert_eq!(by.hidden, 2);
    }

    #[test]
    fn the_last_override_replaces_the_selection() {
        let mut r = round();
        let a = ballot(&r, "P1", &[1, 2], vec![], "d");
        let res = round_result(&r, &[&a]);
        assert_eq!(res.final_items(&r).len(), 3, "no rule: every ranked item");
        r.overrides = reg(vec![
            Override { items: vec![id(3)], reason: "först".into(), at: 1 },
            Override { items: vec![id(2), id(1)], reason: "Kommunerna enades om två".into(), at: 2 },
        ]);
        assert_eq!(res.final_items(&r), vec![&id(2), &id(1)]);
    }

    #[test]
    fn casting_and_counting_use_the_same_method_for_a_round_without_one() {
        let mut r = round();
        r.method = None;
        // Two dots on one item: valid under the default (dots, cap 3), not under approval.
        let answer = Answer::Allocation([(id(1), 2)].into());
        let nb = NewBallot {
            round: &r, participant: "P", municipality: None, answer, origin: Origin::Tablet,
            supersedes: vec![], cast_at: 0, device: "d",
        };
        let crate::Command::Create { id: bid, fields, .. } = nb.command().unwrap() else { panic!() };
        let mut b = Ballot::empty(bid);
        for (f, v) in fields {
            crate::crdt::Record::set(&mut b, &f, v, Stamp(1, 0, "t".into())).unwrap();
        }
        let res = round_result(&r, &[&b]);
        assert_eq!(res.counted.len(), 1, "a ballot accepted when cast is counted");
    }
}
