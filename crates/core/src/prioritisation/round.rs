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

use crate::kernel::check::{self, NAME_MAX, Problem, ProblemKind};
use crate::kernel::command::DomainError;
use crate::kernel::id::Id;
use crate::kernel::record::{Guard, Record};
use crate::prioritisation::inspel::Municipality;
use crate::prioritisation::select::{Capacity, Selection, check_capacity, check_costs, select};
use crate::prioritisation::vote::{
    Answer, BallotError, MAX_ITEMS, MAX_RANKING_ITEMS, Method, Tally, check_method, tally, validate,
};
use crate::{Command, Doc};

// Ballots live in `ballot.rs`; their paths stay `round::…` too.
pub use crate::prioritisation::ballot::*;

impl Default for Method {
    fn default() -> Self {
        Self::Dots {
            budget: 5,
            cap: 3,
            all_required: false,
        }
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
    /// The result it was made for: the root over the ballots counted then
    /// ([`RoundResult::ballots_root`]). When the counted ballots change, the override is
    /// stale: the selection falls back to the rule until the facilitator confirms or redoes it.
    /// Absent in overrides made before this was recorded (they are taken as current).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub for_root: Option<String>,
}

/// The facilitator's decision on the capacity rule, taken apart from the ballots' rules: the
/// number of points can be settled at the workshop, after discussion (seed 004), and it does
/// not change what a ballot means. Logged: who decided, when, and whether the results had been
/// shown. The last decision applies; part of the certificate, not of the rules hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CapacityDecision {
    /// The rule decided (`None`: no cap).
    pub rule: Option<Capacity>,
    /// Who decided (facilitator's name or role).
    pub who: String,
    /// When (ms since 1970; information only).
    pub at: u64,
    /// Whether the results had been shown when it was decided.
    pub after_results: bool,
}

/// Most capacity decisions logged on one round.
pub const CAPACITY_LOG_MAX: usize = 1_000;

/// The field check of a round's capacity log: at most [`CAPACITY_LOG_MAX`] decisions, each
/// rule within the capacity limits ([`check_capacity`]), each `who` at most [`NAME_MAX`].
#[allow(clippy::ptr_arg)]
pub fn check_capacity_log(log: &Vec<CapacityDecision>) -> Option<crate::crdt::ProblemKind> {
    if log.len() > CAPACITY_LOG_MAX {
        return Some(crate::crdt::ProblemKind::TooMany {
            max: CAPACITY_LOG_MAX,
        });
    }
    log.iter().find_map(|d| {
        check_capacity(&d.rule).or_else(|| {
            (d.who.chars().count() > NAME_MAX)
                .then_some(crate::crdt::ProblemKind::TooLong { max: NAME_MAX })
        })
    })
}

/// The fields of a round that its first ballot locks.
pub const RULE_FIELDS: [&str; 5] = [
    Round::METHOD.name(),
    Round::ITEMS.name(),
    Round::SEED.name(),
    Round::CAPACITY.name(),
    Round::COSTS.name(),
];

record_kind! {
    /// A voting round over a set of inspel with one method.
    Round = "round" noun("omröstning", "omröstningar", en, "round", "rounds") {
        /// Name, e.g. "Workshop 9 november – prickar".
        title: String = check::required_text::<NAME_MAX>; required label names("rubrik", "title") handle(TITLE),
        /// The inspel voted on.
        items: Vec<Id> = check::list::<Id, MAX_ITEMS>; required refs(inspel)
            names("inspel i omröstningen", "inputs in the round") handle(ITEMS),
        /// Method and parameters (limits: [`check_method`]).
        method: Method = check_method; required names("metod", "method") handle(METHOD),
        /// Published seed for the tie-break hash order.
        seed: String = check::text::<200>; names("lottningstext", "tie-break text") handle(SEED),
        /// The capacity rule, locked with the rest.
        capacity: Option<Capacity> = check_capacity; names("kapacitetsregel", "capacity rule") handle(CAPACITY),
        /// Cost (effort) per inspel for the capacity rule (limits: [`check_costs`]).
        costs: BTreeMap<Id, u32> = check_costs; refs(inspel) names("kostnader", "costs") handle(COSTS),
        /// Draft, open or closed.
        status: RoundStatus = check::any; names("status", "status") handle(STATUS),
        /// The facilitator's overrides of the capacity selection, oldest first; the last
        /// one applies. Not part of the rules.
        overrides: Vec<Override> = check::list::<Override, 1_000>;
            names("avsteg från urvalet", "overrides of the selection") handle(OVERRIDES),
        /// The facilitator's capacity decisions, oldest first; the last one applies in place
        /// of `capacity`. Not part of the rules: it can be decided after the vote.
        capacity_log: Vec<CapacityDecision> = check_capacity_log; handle(CAPACITY_LOG),
        /// In the trash.
        removed: bool = check::any; trash names("papperskorgen", "trash") handle(REMOVED),
    }
}

/// A round's rules ([`RULE_FIELDS`]) are locked once it has a ballot: a changed rule means a
/// new round. Validation adds the round's limits ([`round_limits`]).
impl Guard<Doc> for Round {
    fn guard(doc: &Doc, cmd: &Command) -> Result<(), DomainError> {
        match cmd {
            Command::Edit { id, field, .. }
                if RULE_FIELDS.contains(&field.as_str()) && has_ballots(doc, id) =>
            {
                Err(DomainError::Locked {
                    kind: <Round as Record>::KIND,
                    field: field.clone(),
                })
            }
            _ => Ok(()),
        }
    }

    fn check_doc(doc: &Doc, problems: &mut Vec<Problem>, limit: usize) {
        check_rounds(doc, problems, limit);
    }
}

fn has_ballots(doc: &Doc, round: &Id) -> bool {
    doc.ballots.live().any(|b| b.round() == Some(round))
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
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
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

    /// The capacity rule in force: the last logged decision, else the rule locked with the
    /// ballots (rounds made before decisions were logged).
    #[must_use]
    pub fn capacity_rule(&self) -> Option<Capacity> {
        match self.capacity_log().and_then(|log| log.last()) {
            Some(d) => d.rule,
            None => self.capacity().copied().flatten(),
        }
    }

    /// The decision in force, if the rule came from one.
    #[must_use]
    pub fn capacity_decision(&self) -> Option<&CapacityDecision> {
        self.capacity_log().and_then(|log| log.last())
    }

    /// The items as a set.
    #[must_use]
    pub fn item_set(&self) -> BTreeSet<Id> {
        self.items()
            .map(|v| v.iter().cloned().collect())
            .unwrap_or_default()
    }
}

// Hashed for a round without a method. Kept as it is: changing it would change the rules hash
// that such rounds' ballots already carry. Casting and counting use `method_or_default`.
static DEFAULT_METHOD: Method = Method::Approval;

/// A ballot's full content as sealed by the certificate's root: every field, with the id and
/// the casting device. Fields in alphabetical order: the compact JSON is canonical (as for
/// [`BallotContent`]).
#[derive(Serialize)]
struct Sealed<'a> {
    answer: Option<&'a Answer>,
    cast_at: Option<&'a u64>,
    device: Option<&'a str>,
    id: &'a Id,
    municipality: Option<Municipality>,
    origin: Option<&'a Origin>,
    participant: Option<&'a String>,
    round: Option<&'a Id>,
    rules_hash: Option<&'a String>,
    supersedes: Option<&'a Vec<Id>>,
}

/// The root over counted ballots: SHA-256 (hex) of their canonical JSON contents ([`Sealed`]:
/// id, round, participant, municipality, answer, rules hash, origin, supersedes, cast time and
/// device), one per line in id order, joined by "\n". Any change to any counted ballot changes it.
#[must_use]
pub fn ballots_root(counted: &[&Ballot]) -> String {
    let mut sorted: Vec<&&Ballot> = counted.iter().collect();
    sorted.sort_by(|a, b| a.id.cmp(&b.id));
    let mut hasher = Sha256::new();
    for (i, b) in sorted.into_iter().enumerate() {
        let sealed = Sealed {
            id: &b.id,
            round: b.round(),
            participant: b.participant(),
            municipality: b.municipality().copied().flatten(),
            answer: b.answer(),
            rules_hash: b.rules_hash(),
            origin: b.origin(),
            supersedes: b.supersedes(),
            cast_at: b.cast_at(),
            device: ballot_device(b),
        };
        if i > 0 {
            hasher.update(b"\n");
        }
        hasher.update(serde_json::to_vec(&sealed).unwrap_or_default());
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Why a ballot of the round is not counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Exclusion {
    /// Replaced by a later ballot of the same participant (a changed vote, a resolution).
    Superseded {
        /// The ballots that replace it.
        by: Vec<Id>,
    },
    /// One of a participant's several current ballots: a double vote, left out until the
    /// facilitator resolves it.
    DoubleVote,
    /// Cast under other rules (its rules hash is not the round's).
    OtherRules,
    /// Breaks the round's rules.
    BreaksRules {
        /// The rule broken.
        error: BallotError,
    },
    /// Lacks its answer, participant or rules hash.
    Incomplete,
    /// Cast after the round was closed.
    RoundClosed,
    /// The round's own rules are over a limit (e.g. a ranking over more than
    /// [`MAX_RANKING_ITEMS`] inspel): nothing is counted until they are fixed.
    RoundOverLimit,
}

impl crate::lang::Localized for Exclusion {
    fn message(&self, lang: crate::lang::Lang) -> String {
        use crate::lang::Lang::{En, Sv};
        match (self, lang) {
            (Self::Superseded { by }, Sv) => format!("ersatt av en senare röst från samma deltagare ({})", ids_text(by)),
            (Self::Superseded { by }, En) => format!("replaced by a later ballot of the same participant ({})", ids_text(by)),
            (Self::DoubleVote, Sv) => "dubbelröst: deltagaren har flera gällande röster (lös i fliken Samla in)".into(),
            (Self::DoubleVote, En) => "double vote: the participant has several current ballots (resolve it under Collect)".into(),
            (Self::OtherRules, Sv) => "lämnad under andra regler (regelhashen skiljer sig)".into(),
            (Self::OtherRules, En) => "cast under other rules (the rules hash differs)".into(),
            (Self::BreaksRules { error }, Sv) => format!("bryter mot reglerna: {}", error.message(Sv)),
            (Self::BreaksRules { error }, En) => format!("breaks the rules: {}", error.message(En)),
            (Self::Incomplete, Sv) => "ofullständig: svar, deltagare eller regelhash saknas".into(),
            (Self::Incomplete, En) => "incomplete: the answer, participant or rules hash is missing".into(),
            (Self::RoundClosed, Sv) => "lämnad efter att omgången stängdes".into(),
            (Self::RoundClosed, En) => "cast after the round was closed".into(),
            (Self::RoundOverLimit, Sv) => "omgångens regler går över en gräns; inga röster räknas".into(),
            (Self::RoundOverLimit, En) => "the round's rules exceed a limit; no ballot is counted".into(),
        }
    }
}

fn ids_text(ids: &[Id]) -> String {
    ids.iter().map(Id::as_str).collect::<Vec<_>>().join(", ")
}

/// A ballot of the round that is not counted, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Excluded {
    /// The ballot.
    pub ballot: Id,
    /// Its participant.
    pub participant: String,
    /// Why it is not counted.
    #[serde(flatten)]
    pub reason: Exclusion,
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
    /// Every ballot of the round not counted, with its reason, in id order: counted and
    /// excluded together are all the round's ballots.
    pub excluded: Vec<Excluded>,
    /// The capacity selection, if the round has a rule.
    pub selection: Option<Selection>,
    /// The rules hash.
    pub rules_hash: String,
    /// [`ballots_root`] of the counted ballots: binds every counted ballot's full content.
    pub ballots_root: String,
}

/// The first limit a round's rules break, as (field, problem): the per-field checks plus the
/// number of items of a ranking round ([`MAX_RANKING_ITEMS`]).
#[must_use]
pub fn round_limits(round: &Round) -> Option<(&'static str, ProblemKind)> {
    let method = round.method_or_default();
    if let Some(k) = check_method(&method) {
        return Some(("method", k));
    }
    let items = round.items().map_or(0, Vec::len);
    if items > MAX_ITEMS {
        return Some(("items", ProblemKind::TooMany { max: MAX_ITEMS }));
    }
    if matches!(method, Method::Ranking { .. }) && items > MAX_RANKING_ITEMS {
        return Some((
            "items",
            ProblemKind::TooMany {
                max: MAX_RANKING_ITEMS,
            },
        ));
    }
    if let Some(k) = round.capacity().and_then(check_capacity) {
        return Some(("capacity", k));
    }
    round.costs().and_then(check_costs).map(|k| ("costs", k))
}

/// Computes a round's result from its ballots (`ballots`: every live ballot of the round).
/// A `supersedes` entry that breaks [`may_supersede`] is ignored (validation refuses such files).
#[must_use]
pub fn round_result(round: &Round, ballots: &[&Ballot]) -> RoundResult {
    let rules_hash = round.rules_hash();
    let items = round.item_set();
    let method = round.method_or_default();
    let over_limit = round_limits(round).is_some();
    // One record per id (a file imported twice holds the same ballots).
    let ballots: BTreeMap<&Id, &Ballot> = ballots.iter().map(|b| (&b.id, *b)).collect();
    let mut superseded: BTreeMap<&Id, Vec<Id>> = BTreeMap::new();
    for b in ballots.values() {
        for old in b.supersedes().into_iter().flatten() {
            if ballots.get(old).is_some_and(|o| may_supersede(b, o)) {
                superseded.entry(old).or_default().push(b.id.clone());
            }
        }
    }
    let who = |b: &Ballot| b.participant().cloned().unwrap_or_default();
    // A closed round counts only ballots cast before it was closed (by the stamps' total
    // order; a tablet that had not heard of the closing casts after it).
    let closed_at = round
        .status
        .as_ref()
        .filter(|s| s.value == RoundStatus::Closed)
        .map(|s| &s.stamp);
    let mut heads: BTreeMap<&str, Vec<&Ballot>> = BTreeMap::new();
    let mut invalid = Vec::new();
    let mut excluded = Vec::new();
    for b in ballots.values() {
        if let Some(by) = superseded.get(&b.id) {
            excluded.push(Excluded {
                ballot: b.id.clone(),
                participant: who(b),
                reason: Exclusion::Superseded { by: by.clone() },
            });
            continue;
        }
        let cast_after_closing =
            closed_at.is_some_and(|at| b.round.as_ref().is_some_and(|r| r.stamp > *at));
        let reason = match (b.participant(), b.rules_hash(), b.answer()) {
            _ if over_limit => Some(Exclusion::RoundOverLimit),
            _ if cast_after_closing => Some(Exclusion::RoundClosed),
            (Some(_), Some(h), Some(a)) if *h == rules_hash => validate(&method, &items, a)
                .err()
                .map(|error| Exclusion::BreaksRules { error }),
            (_, Some(h), _) if *h != rules_hash => Some(Exclusion::OtherRules),
            _ => Some(Exclusion::Incomplete),
        };
        match reason {
            None => heads
                .entry(b.participant().map_or("", String::as_str))
                .or_default()
                .push(*b),
            Some(reason) => {
                invalid.push(b.id.clone());
                excluded.push(Excluded {
                    ballot: b.id.clone(),
                    participant: who(b),
                    reason,
                });
            }
        }
    }
    let mut counted: Vec<&Ballot> = Vec::new();
    let mut double_votes = Vec::new();
    for (participant, list) in heads {
        if let [one] = list.as_slice() {
            counted.push(one);
        } else {
            for b in &list {
                excluded.push(Excluded {
                    ballot: b.id.clone(),
                    participant: participant.to_owned(),
                    reason: Exclusion::DoubleVote,
                });
            }
            double_votes.push(DoubleVote {
                participant: participant.to_owned(),
                ballots: list.iter().map(|b| b.id.clone()).collect(),
            });
        }
    }
    excluded.sort_by(|a, b| a.ballot.cmp(&b.ballot));
    let answers: Vec<&Answer> = counted.iter().filter_map(|b| b.answer()).collect();
    let tally = tally(
        &method,
        &items,
        &answers,
        round.seed().map_or("", String::as_str),
    );
    let selection = round.capacity_rule().map(|rule| {
        let costs = round.costs().cloned().unwrap_or_default();
        select(&tally.rows, &costs, rule, None)
    });
    let mut ids: Vec<Id> = counted.iter().map(|b| b.id.clone()).collect();
    ids.sort();
    let ballots_root = ballots_root(&counted);
    RoundResult {
        tally,
        counted: ids,
        double_votes,
        invalid,
        excluded,
        selection,
        rules_hash,
        ballots_root,
    }
}

/// The round's rule that validation adds to the per-field checks, pushing problems (at most
/// `limit` in all): a round's limits ([`round_limits`]: a ranking round has at most
/// [`MAX_RANKING_ITEMS`] items).
pub fn check_rounds(doc: &Doc, problems: &mut Vec<Problem>, limit: usize) {
    for (i, r) in doc.rounds.0.values().enumerate() {
        if problems.len() >= limit {
            return;
        }
        if r.deleted.is_some() {
            continue;
        }
        // The per-field checks report their own fields; the cross-field limit here.
        if matches!(r.method(), Some(Method::Ranking { .. }))
            && r.items().is_some_and(|v| v.len() > MAX_RANKING_ITEMS)
        {
            problems.push(Problem {
                path: format!("workspace.rounds[{i}].items.value"),
                kind: ProblemKind::TooMany {
                    max: MAX_RANKING_ITEMS,
                },
            });
        }
    }
}

impl RoundResult {
    /// The ballots not counted that a participant's vote does not count through: everything
    /// but a changed vote's earlier ballot (the later one stands for it).
    pub fn not_counted(&self) -> impl Iterator<Item = &Excluded> {
        self.excluded
            .iter()
            .filter(|e| !matches!(e.reason, Exclusion::Superseded { .. }))
    }

    /// The last override, if it was made for this result (`Some(false)`), or for another one —
    /// ballots were counted or left out since (`Some(true)`: stale); `None` without one.
    #[must_use]
    pub fn override_stale(&self, round: &Round) -> Option<bool> {
        let o = round.overrides().and_then(|v| v.last())?;
        Some(
            o.for_root
                .as_ref()
                .is_some_and(|root| *root != self.ballots_root),
        )
    }

    /// The override in force: the last one, unless it is stale.
    #[must_use]
    pub fn current_override<'a>(&self, round: &'a Round) -> Option<&'a Override> {
        (self.override_stale(round) == Some(false))
            .then(|| round.overrides().and_then(|v| v.last()))
            .flatten()
    }

    /// The final list: the last override if the facilitator made one for this result, else the
    /// capacity selection, else every ranked item.
    #[must_use]
    pub fn final_items<'a>(&'a self, round: &'a Round) -> Vec<&'a Id> {
        if let Some(o) = self.current_override(round) {
            return o.items.iter().collect();
        }
        match &self.selection {
            Some(s) => s.items.iter().collect(),
            None => self.tally.rows.iter().map(|r| &r.item).collect(),
        }
    }
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
    let (mut small, mut small_answers): (Vec<Municipality>, Vec<&Answer>) =
        (Vec::new(), Vec::new());
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
        groups.push((
            Group::Others(small),
            tally(&method, &items, &small_answers, seed),
        ));
    } else {
        hidden = small_answers.len();
    }
    Breakdown { groups, hidden }
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
        Some(Reg {
            value,
            stamp: Stamp(1, 0, "t".into()),
        })
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
        let bid = ballot_id(
            &r.id,
            who,
            &answer,
            &hash,
            Origin::Tablet,
            &supersedes,
            0,
            device,
        );
        let mut b = Ballot::empty(bid);
        // Stamped by the casting device's actor "{device}.{suffix}", as the app does.
        b.round = Some(Reg {
            value: r.id.clone(),
            stamp: Stamp(1, 0, format!("{device}.0001")),
        });
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
        assert_eq!(
            ballot(&r, "P1", &[1], vec![], "d").id,
            ballot(&r, "P1", &[1], vec![], "d").id
        );
        assert_ne!(
            ballot(&r, "P1", &[1], vec![], "d").id,
            ballot(&r, "P1", &[2], vec![], "d").id
        );
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
        let fix = ballot(
            &r,
            "P2",
            &[3],
            vec![p2a.id.clone(), p2b.id.clone()],
            "facilitator",
        );
        let res = round_result(&r, &[&p1a, &p1b, &p2a, &p2b, &p3, &fix]);
        assert!(res.double_votes.is_empty());
        assert_eq!(res.counted.len(), 2);
        // Importing a ballot twice changes nothing: same id, same record.
        let res2 = round_result(&r, &[&p1a, &p1b, &p1b, &p2a, &p2b, &p3, &fix]);
        assert_eq!(res2.ballots_root, res.ballots_root);
    }

    fn stamper(clock: &mut crate::Hlc) -> crate::Stamper<'_> {
        crate::Stamper {
            clock,
            now_ms: 1_700_000_000_000,
        }
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
            let e = apply(
                &mut doc,
                &Command::edit(Kind::Round, &round_id, field, serde_json::json!(null)),
                &mut st,
            );
            assert!(
                matches!(e, Err(crate::DomainError::Locked { .. })),
                "{field}"
            );
        }
        // The title and the overrides are not rules.
        apply(
            &mut doc,
            &Command::edit(Kind::Round, &round_id, "title", "Ny rubrik"),
            &mut st,
        )
        .unwrap();
        // A ballot is never edited.
        let b = doc.ballots.0.keys().next().unwrap().clone();
        let e = apply(
            &mut doc,
            &Command::edit(Kind::Ballot, &b, "participant", "X"),
            &mut st,
        );
        assert!(matches!(
            e,
            Err(crate::DomainError::Locked { kind: "ballot", .. })
        ));
        // A round without ballots can change.
        let mut fresh = round();
        fresh.id = id(99);
        doc.rounds.0.insert(fresh.id.clone(), fresh.clone());
        doc.inspel
            .0
            .extend([1u8, 2, 3].map(|n| (id(n), crate::model::Inspel::empty(id(n)))));
        apply(
            &mut doc,
            &Command::edit(Kind::Round, &fresh.id, "seed", "nytt"),
            &mut st,
        )
        .unwrap();
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
        // The clock of the casting device: its actor is "{device}.{suffix}" (as in the app).
        let mut clock = crate::Hlc::new("tablet-1.a1b2");
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
        let bad = NewBallot {
            answer: Answer::Allocation([(id(7), 1)].into()),
            ..nb.clone()
        };
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
        assert_eq!(
            by.groups[1].0,
            Group::Others(vec![
                Municipality::Berg,
                Municipality::Krokom,
                Municipality::Ragunda
            ])
        );
        assert_eq!(by.groups[1].1.ballots, 3);
        assert_eq!(by.hidden, 0);
        // Without Ragunda, Berg + Krokom are two: hidden, and said so.
        let refs: Vec<&Ballot> = list
            .iter()
            .filter(|b| b.participant().is_some_and(|p| p != "R"))
            .collect();
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
            Override {
                items: vec![id(3)],
                reason: "först".into(),
                at: 1,
                for_root: None,
            },
            Override {
                items: vec![id(2), id(1)],
                reason: "Kommunerna enades om två".into(),
                at: 2,
                for_root: None,
            },
        ]);
        assert_eq!(res.final_items(&r), vec![&id(2), &id(1)]);
    }

    #[test]
    fn an_override_goes_stale_when_the_counted_ballots_change() {
        // Top 1 of three items; P1 votes 1 and 2, P2 votes 2: item 2 is first (2 approvals).
        // The facilitator picks item 1 instead, for this result. A late ballot (P3: 3) changes
        // the counted ballots: the override is stale, the selection falls back to the rule (2).
        let mut r = round();
        r.capacity_log = reg(vec![CapacityDecision {
            rule: Some(Capacity::TopN { n: 1 }),
            who: "Anna".into(),
            at: 1,
            after_results: false,
        }]);
        let (p1, p2) = (
            ballot(&r, "P1", &[1, 2], vec![], "d"),
            ballot(&r, "P2", &[2], vec![], "d"),
        );
        let res = round_result(&r, &[&p1, &p2]);
        assert_eq!(res.final_items(&r), vec![&id(2)]);
        r.overrides = reg(vec![Override {
            items: vec![id(1)],
            reason: "Kommunerna enades".into(),
            at: 2,
            for_root: Some(res.ballots_root.clone()),
        }]);
        assert_eq!(res.override_stale(&r), Some(false));
        assert_eq!(res.final_items(&r), vec![&id(1)]);
        let p3 = ballot(&r, "P3", &[3], vec![], "d");
        let late = round_result(&r, &[&p1, &p2, &p3]);
        assert_eq!(late.override_stale(&r), Some(true));
        assert_eq!(late.final_items(&r), vec![&id(2)], "back to the rule");
        assert!(late.current_override(&r).is_none());
    }

    #[test]
    fn the_capacity_can_be_decided_after_the_vote_without_touching_the_rules() {
        // The cap is logged apart from the rules: deciding it changes neither the rules hash nor
        // whether a ballot counts, only the selection. Two approvals for 2, one for 1 and 3:
        // top 1 → [2]; decided later as top 2 → [2, then the seeded order of 1 and 3].
        let mut r = round();
        let hash = r.rules_hash();
        let (p1, p2) = (
            ballot(&r, "P1", &[1, 2], vec![], "d"),
            ballot(&r, "P2", &[2, 3], vec![], "d"),
        );
        r.capacity_log = reg(vec![CapacityDecision {
            rule: Some(Capacity::TopN { n: 1 }),
            who: "Anna".into(),
            at: 1,
            after_results: false,
        }]);
        assert_eq!(r.rules_hash(), hash);
        assert_eq!(round_result(&r, &[&p1, &p2]).final_items(&r), vec![&id(2)]);
        r.capacity_log = reg(vec![
            CapacityDecision {
                rule: Some(Capacity::TopN { n: 1 }),
                who: "Anna".into(),
                at: 1,
                after_results: false,
            },
            CapacityDecision {
                rule: Some(Capacity::TopN { n: 2 }),
                who: "Anna".into(),
                at: 2,
                after_results: true,
            },
        ]);
        assert_eq!(r.rules_hash(), hash, "the decision is not a rule");
        let res = round_result(&r, &[&p1, &p2]);
        assert_eq!(res.counted.len(), 2);
        assert_eq!(res.final_items(&r).len(), 2);
        assert_eq!(res.final_items(&r)[0], &id(2));
        assert!(r.capacity_decision().is_some_and(|d| d.after_results));
        // Limits: a rule out of range in the log is a problem like the locked one.
        assert!(
            check_capacity_log(&vec![CapacityDecision {
                rule: Some(Capacity::TopN { n: 0 }),
                who: String::new(),
                at: 0,
                after_results: false
            }])
            .is_some()
        );
    }

    #[test]
    fn ballots_cast_after_the_round_was_closed_are_listed_not_counted() {
        // Closed at stamp 10: a ballot stamped 5 counts, one stamped 15 is "cast after the round
        // was closed"; opened again, both count.
        let mut r = round();
        let mut early = ballot(&r, "P1", &[1], vec![], "d");
        let mut late = ballot(&r, "P2", &[2], vec![], "d");
        if let Some(reg) = early.round.as_mut() {
            reg.stamp = Stamp(5, 0, "d.x".into());
        }
        if let Some(reg) = late.round.as_mut() {
            reg.stamp = Stamp(15, 0, "d.x".into());
        }
        r.status = Some(Reg {
            value: RoundStatus::Closed,
            stamp: Stamp(10, 0, "f".into()),
        });
        let res = round_result(&r, &[&early, &late]);
        assert_eq!(res.counted, vec![early.id.clone()]);
        assert_eq!(
            res.excluded
                .iter()
                .find(|e| e.ballot == late.id)
                .map(|e| e.reason.clone()),
            Some(Exclusion::RoundClosed)
        );
        r.status = Some(Reg {
            value: RoundStatus::Open,
            stamp: Stamp(20, 0, "f".into()),
        });
        assert_eq!(round_result(&r, &[&early, &late]).counted.len(), 2);
    }

    #[test]
    fn casting_and_counting_use_the_same_method_for_a_round_without_one() {
        let mut r = round();
        r.method = None;
        // Two dots on one item: valid under the default (dots, cap 3), not under approval.
        let answer = Answer::Allocation([(id(1), 2)].into());
        let nb = NewBallot {
            round: &r,
            participant: "P",
            municipality: None,
            answer,
            origin: Origin::Tablet,
            supersedes: vec![],
            cast_at: 0,
            device: "d",
        };
        let crate::Command::Create {
            id: bid, fields, ..
        } = nb.command().unwrap()
        else {
            panic!()
        };
        let mut b = Ballot::empty(bid);
        for (f, v) in fields {
            crate::crdt::Record::set(&mut b, &f, v, Stamp(1, 0, "t".into())).unwrap();
        }
        let res = round_result(&r, &[&b]);
        assert_eq!(
            res.counted.len(),
            1,
            "a ballot accepted when cast is counted"
        );
    }

    #[test]
    fn every_ballot_not_counted_is_listed_with_its_reason() {
        // P1 changes their vote (a superseded by b); P2 votes twice (double vote); P3 under other
        // rules; P4 breaks the rules (2 on one item, approval allows 1); P5 counts.
        let r = round();
        let p1a = ballot(&r, "P1", &[1], vec![], "tab-1");
        let p1b = ballot(&r, "P1", &[2], vec![p1a.id.clone()], "tab-1");
        let p2a = ballot(&r, "P2", &[1], vec![], "tab-1");
        let p2b = ballot(&r, "P2", &[3], vec![], "tab-2");
        let mut other = round();
        other.seed = reg("x".into());
        let p3 = ballot(&other, "P3", &[1], vec![], "tab-3");
        let mut p4 = ballot(&r, "P4", &[1], vec![], "tab-4");
        p4.answer = reg(Answer::Allocation([(id(1), 2)].into()));
        let p5 = ballot(&r, "P5", &[3], vec![], "tab-5");
        let all = [&p1a, &p1b, &p2a, &p2b, &p3, &p4, &p5];
        let res = round_result(&r, &all);
        assert_eq!(
            res.counted.len() + res.excluded.len(),
            all.len(),
            "every ballot is counted or listed"
        );
        let reason = |b: &Ballot| {
            res.excluded
                .iter()
                .find(|e| e.ballot == b.id)
                .map(|e| e.reason.clone())
        };
        assert_eq!(
            reason(&p1a),
            Some(Exclusion::Superseded {
                by: vec![p1b.id.clone()]
            })
        );
        assert_eq!(reason(&p2a), Some(Exclusion::DoubleVote));
        assert_eq!(reason(&p2b), Some(Exclusion::DoubleVote));
        assert_eq!(reason(&p3), Some(Exclusion::OtherRules));
        assert_eq!(
            reason(&p4),
            Some(Exclusion::BreaksRules {
                error: BallotError::OverCap { value: 2, max: 1 }
            })
        );
        assert_eq!((reason(&p1b), reason(&p5)), (None, None));
        assert!(
            res.excluded.windows(2).all(|w| w[0].ballot < w[1].ballot),
            "in id order"
        );
        // Messages in both languages.
        use crate::lang::{Lang, Localized};
        assert_eq!(
            Exclusion::OtherRules.message(Lang::Sv),
            "lämnad under andra regler (regelhashen skiljer sig)"
        );
        assert!(
            Exclusion::BreaksRules {
                error: BallotError::OverCap { value: 2, max: 1 }
            }
            .message(Lang::En)
            .starts_with("breaks the rules: 2 on one input")
        );
        // A round over a limit counts nothing and says why.
        let mut big = round();
        big.method = reg(Method::Ranking {
            top_k: None,
            scoring: crate::vote::RankScoring::Schulze,
            at_most: false,
        });
        big.items = reg((0..=200u8).map(id).collect());
        let res = round_result(&big, &[&ballot(&big, "P", &[], vec![], "d")]);
        assert!(res.counted.is_empty() && res.excluded[0].reason == Exclusion::RoundOverLimit);
    }

    /// A doc with the demo round and one more ballot `b` of it.
    fn demo_with(b: Ballot) -> (crate::Doc, usize) {
        let mut doc = crate::demo::demo_doc();
        // The demo round is closed; opened again, it counts ballots cast now.
        for r in doc.rounds.0.values_mut() {
            r.status = Some(Reg {
                value: RoundStatus::Open,
                stamp: Stamp(1_800_000_000_000, 0, "f".into()),
            });
        }
        let bid = b.id.clone();
        doc.ballots.0.insert(bid.clone(), b);
        let index = doc.ballots.0.keys().position(|k| *k == bid).unwrap();
        (doc, index)
    }

    /// All five demo dots: three on the `x`-th inspel, two on the `y`-th.
    fn five_dots(doc: &crate::Doc, x: usize, y: usize) -> Answer {
        let key = |n: usize| doc.inspel.0.keys().nth(n).unwrap().clone();
        Answer::Allocation([(key(x), 3), (key(y), 2)].into())
    }

    fn demo_ballot(
        participant: &str,
        answer: Answer,
        origin: Origin,
        supersedes: Vec<Id>,
        device: &str,
    ) -> Ballot {
        let doc = crate::demo::demo_doc();
        let r = doc.rounds.0.values().next().unwrap().clone();
        let nb = NewBallot {
            round: &r,
            participant,
            municipality: None,
            answer,
            origin,
            supersedes,
            cast_at: 7,
            device,
        };
        let crate::Command::Create {
            id: bid, fields, ..
        } = nb.command().unwrap()
        else {
            panic!()
        };
        let mut b = Ballot::empty(bid);
        for (f, v) in fields {
            crate::crdt::Record::set(
                &mut b,
                &f,
                v,
                Stamp(1_700_000_000_000, 0, format!("{device}.beef")),
            )
            .unwrap();
        }
        b
    }

    #[test]
    fn one_ballot_cannot_cancel_the_others() {
        // "Mallory" supersedes every demo ballot: refused on import, named at the ballot; and the
        // count ignores those supersedes (12 demo ballots + Mallory's = 13 counted).
        let doc = crate::demo::demo_doc();
        let everyone: Vec<Id> = doc.ballots.0.keys().cloned().collect();
        let dots = five_dots(&doc, 0, 1);
        let mallory = demo_ballot(
            "Mallory",
            dots.clone(),
            Origin::Tablet,
            everyone.clone(),
            "dev-m",
        );
        let (doc, i) = demo_with(mallory);
        let problems = doc.validate(20);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(
            problems[0].path,
            format!("workspace.ballots[{i}].supersedes.value")
        );
        assert!(matches!(problems[0].kind, ProblemKind::BadSupersede { .. }));
        let round = Id::parse(crate::demo::DEMO_ROUND).unwrap();
        let res = crate::certificate::result_of(&doc, &round).unwrap();
        assert_eq!(res.counted.len(), 13);
        // A resolution may supersede the ballots of its own participant's double vote.
        let first = doc
            .ballots
            .0
            .values()
            .find(|b| b.participant().is_some_and(|p| p == "Berg 1"))
            .unwrap()
            .id
            .clone();
        let twin = demo_ballot("Berg 1", dots.clone(), Origin::Tablet, vec![], "dev-2");
        let fix = demo_ballot(
            "Berg 1",
            dots,
            Origin::Resolution,
            vec![first, twin.id.clone()],
            "dev-f",
        );
        let (mut doc, _) = demo_with(twin);
        doc.ballots.0.insert(fix.id.clone(), fix.clone());
        assert!(doc.validate(10).is_empty(), "{:?}", doc.validate(10));
        assert_eq!(
            crate::certificate::result_of(&doc, &round)
                .unwrap()
                .counted
                .len(),
            12
        );
    }

    #[test]
    fn a_ballot_id_is_recomputed_from_its_content_and_a_changed_ballot_is_refused() {
        // The demo's and the fixture's ballots were cast with device = the stamp's actor prefix.
        let doc = crate::demo::demo_doc();
        assert!(
            doc.ballots
                .0
                .values()
                .all(|b| content_id(b).as_ref() == Some(&b.id))
        );
        let b = demo_ballot(
            "Gäst",
            five_dots(&doc, 0, 1),
            Origin::Paper,
            vec![],
            "dev-3f9a1c0b77e2d415",
        );
        assert_eq!(ballot_device(&b), Some("dev-3f9a1c0b77e2d415"));
        assert_eq!(content_id(&b).as_ref(), Some(&b.id));
        // Changing the answer afterwards (keeping id and stamps) is found and named.
        let mut changed = b.clone();
        changed.answer.as_mut().unwrap().value = five_dots(&doc, 1, 0);
        let (doc, i) = demo_with(changed);
        let problems = doc.validate(10);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].path, format!("workspace.ballots[{i}].id"));
        assert!(matches!(
            problems[0].kind,
            ProblemKind::BallotIdMismatch { .. }
        ));
    }

    #[test]
    fn the_hashed_contents_are_written_canonically_without_a_detour() {
        // Compact JSON of the alphabetically ordered structs = canonical JSON (sorted keys), so
        // ids and roots are what the definition says, for every answer kind.
        let r = round();
        let answers = [
            Answer::Allocation([(id(2), 1), (id(1), 1)].into()),
            Answer::Ranking(vec![id(3), id(1)]),
            Answer::Scores([(id(1), 4)].into()),
            Answer::Moscow([(id(1), crate::vote::Moscow::Must)].into()),
            Answer::ImpactEffort([(id(1), [4, 2])].into()),
        ];
        for a in &answers {
            let c = BallotContent {
                answer: a,
                cast_at: 3,
                device: "d",
                origin: Origin::Paper,
                participant: "P",
                round: &r.id,
                rules_hash: "h",
                supersedes: &[id(9)],
            };
            assert_eq!(
                serde_json::to_vec(&c).unwrap(),
                crate::crdt::to_json(&c).to_string().into_bytes()
            );
        }
        for b in crate::demo::demo_doc().ballots.0.values() {
            let s = Sealed {
                answer: b.answer(),
                cast_at: b.cast_at(),
                device: ballot_device(b),
                id: &b.id,
                municipality: b.municipality().copied().flatten(),
                origin: b.origin(),
                participant: b.participant(),
                round: b.round(),
                rules_hash: b.rules_hash(),
                supersedes: b.supersedes(),
            };
            assert_eq!(
                serde_json::to_vec(&s).unwrap(),
                crate::crdt::to_json(&s).to_string().into_bytes()
            );
        }
    }
}
