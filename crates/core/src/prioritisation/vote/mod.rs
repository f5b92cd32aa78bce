//! Voting methods, ballot rules and tallies (DOMAIN.md §3.2), in exact arithmetic.
//!
//! Everything here is a pure function of the method, the items, the ballots and the seed:
//! the same inputs give the same bytes on every device. Ranking uses the tie-break chain
//! primary score → the method's secondary key → seeded hash order → item id, where the
//! seeded hash order sorts by the hex of `SHA-256(UTF-8(seed + "|" + item_id))`.
use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::crdt::ProblemKind;
use crate::id::Id;
use crate::ratio::Ratio;

mod allocation;
mod impact;
mod ranking;
mod scale;

pub use ranking::{Condorcet, kendall};
pub use scale::{CONTESTED_BELOW, ScaleStats, scale_stats, stats_of_counts};

// ------------------------------------------------------------------------------- limits
//
// Every parameter a file can set is bounded, so that every method finishes in bounded time and
// memory on any valid file (measured in `tests::largest_valid_rounds_finish_quickly`). Validation
// refuses a round over a limit ([`check_method`], `round::check_doc`).

/// Most inspel in one round (any method). Every method's time is linear in the items times the
/// ballots' entries, except the pairwise ones (see [`MAX_RANKING_ITEMS`]).
pub const MAX_ITEMS: usize = 5_000;
/// Most inspel in a ranking round. The pairwise count (Condorcet, Schulze, Copeland) keeps an
/// n × n matrix and Schulze's strongest paths take n³ steps; the count itself costs m²/2 per
/// ballot ranking m items. At 200 items: 40 000 cells, 8 million Schulze steps.
pub const MAX_RANKING_ITEMS: usize = 200;
/// Largest dot budget and per-item cap (dot voting).
pub const MAX_DOTS: u32 = 1_000;
/// Largest points total and per-item maximum (100-point method).
pub const MAX_POINTS: u32 = 10_000;
/// Highest value on a score scale: `lo < hi ≤ MAX_SCORE`.
pub const MAX_SCORE: u8 = 100;
/// Scales at most this wide (`hi − lo`) report a count per value; wider ones (points) leave
/// the distribution empty.
pub const DISTRIBUTION_MAX: u32 = 100;

fn out_of_range(v: u64, min: u64, max: u64) -> Option<ProblemKind> {
    (v < min || v > max).then(|| ProblemKind::OutOfRange {
        min: i64::try_from(min).unwrap_or(i64::MAX),
        max: i64::try_from(max).unwrap_or(i64::MAX),
    })
}

/// The limits on a method's parameters, as a field check for a round's `method`: dots
/// `1 ≤ budget, cap ≤` [`MAX_DOTS`]; points `1 ≤ total, max_per_item ≤` [`MAX_POINTS`]; ranking
/// `1 ≤ top_k ≤` [`MAX_RANKING_ITEMS`]; score `lo < hi ≤` [`MAX_SCORE`]. (The number of items a
/// ranking round may have, [`MAX_RANKING_ITEMS`], is checked with the round's items.)
#[must_use]
pub fn check_method(m: &Method) -> Option<ProblemKind> {
    let max_rank = MAX_RANKING_ITEMS as u64;
    match m {
        Method::Dots { budget, cap, .. } => out_of_range((*budget).into(), 1, MAX_DOTS.into())
            .or_else(|| out_of_range((*cap).into(), 1, MAX_DOTS.into())),
        Method::Points {
            total,
            max_per_item,
        } => out_of_range((*total).into(), 1, MAX_POINTS.into())
            .or_else(|| max_per_item.and_then(|x| out_of_range(x.into(), 1, MAX_POINTS.into()))),
        Method::Ranking { top_k, .. } => top_k.and_then(|k| out_of_range(k.into(), 1, max_rank)),
        Method::Score { lo, hi } => {
            // lo < hi ≤ MAX_SCORE: hi in lo + 1 ..= MAX_SCORE.
            out_of_range((*hi).into(), u64::from(*lo) + 1, MAX_SCORE.into())
        }
        Method::Approval | Method::Moscow | Method::ImpactEffort => None,
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// How ranked ballots are scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RankScoring {
    /// Position k (0-based) of n items earns n − 1 − k; unranked items earn 0.
    Borda,
    /// Fixed-k (Loomio, Slido): rank r (1-based) earns k − r + 1; unranked 0.
    FixedK,
    /// Modified Borda: a ballot ranking m items gives m, m − 1, …, 1.
    ModifiedBorda,
    /// Schulze (beatpath): rank by number of pairwise beatpath wins.
    Schulze,
    /// Copeland: pairwise wins minus losses.
    Copeland,
}

/// A voting method and its parameters. Part of a round's locked rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Dot voting: at most `budget` dots, at most `cap` on one item.
    Dots {
        /// Dots per participant.
        budget: u32,
        /// Most dots on one item.
        cap: u32,
        /// Whether every dot must be used.
        all_required: bool,
    },
    /// Approval: yes or nothing per item.
    Approval,
    /// 100-point allocation (or another total), all points used.
    Points {
        /// Points per participant (usually 100).
        total: u32,
        /// Most points on one item, if limited.
        max_per_item: Option<u32>,
    },
    /// Ranking, full or the top `top_k`.
    Ranking {
        /// How many items each ballot ranks; `None` = all.
        top_k: Option<u32>,
        /// How the rankings are scored.
        scoring: RankScoring,
        /// "Up to k": a ballot may rank fewer items (at least one). Absent = false, so rounds
        /// written before the flag existed keep their rules hash.
        #[serde(default, skip_serializing_if = "is_false")]
        at_most: bool,
    },
    /// A score per item on the scale `lo..=hi` (e.g. 1–5); items may be skipped.
    Score {
        /// Lowest score.
        lo: u8,
        /// Highest score.
        hi: u8,
    },
    /// MoSCoW: Must / Should / Could / Won't this time.
    Moscow,
    /// Impact and effort, each 1–5.
    ImpactEffort,
}

/// MoSCoW classes, worth 3 / 2 / 1 / 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Moscow {
    /// Won't (inte nu).
    Wont,
    /// Could (kan).
    Could,
    /// Should (bör).
    Should,
    /// Must (måste).
    Must,
}

impl Moscow {
    /// Points: Must 3, Should 2, Could 1, Won't 0.
    #[must_use]
    pub const fn points(self) -> u8 {
        match self {
            Self::Wont => 0,
            Self::Could => 1,
            Self::Should => 2,
            Self::Must => 3,
        }
    }
}

/// What one participant answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// Dots, approvals (0/1) or points per item; absent = 0.
    Allocation(#[serde(deserialize_with = "crate::crdt::unique_map")] BTreeMap<Id, u32>),
    /// Items from most to least preferred; absent = unranked.
    Ranking(Vec<Id>),
    /// A score per item; absent = skipped.
    Scores(#[serde(deserialize_with = "crate::crdt::unique_map")] BTreeMap<Id, u8>),
    /// A MoSCoW class per item; absent = skipped.
    Moscow(#[serde(deserialize_with = "crate::crdt::unique_map")] BTreeMap<Id, Moscow>),
    /// `[impact, effort]` per item; absent = skipped.
    ImpactEffort(#[serde(deserialize_with = "crate::crdt::unique_map")] BTreeMap<Id, [u8; 2]>),
}

/// Why a ballot does not follow the round's rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BallotError {
    /// The answer is of another kind than the method asks for.
    #[error("answer does not fit the method")]
    WrongKind,
    /// An item that is not in the round.
    #[error("item {0} is not in the round")]
    UnknownItem(Id),
    /// More dots or points than allowed in total.
    #[error("{used} used, at most {max}")]
    OverBudget {
        /// Used.
        used: u64,
        /// Allowed.
        max: u32,
    },
    /// Fewer than required in total.
    #[error("{used} used, exactly {required} required")]
    UnderBudget {
        /// Used.
        used: u64,
        /// Required.
        required: u32,
    },
    /// Too much on one item.
    #[error("{value} on one item, at most {max}")]
    OverCap {
        /// Given.
        value: u32,
        /// Allowed.
        max: u32,
    },
    /// An item ranked twice.
    #[error("item {0} ranked twice")]
    Duplicate(Id),
    /// The ranking has the wrong length.
    #[error("{given} ranked, {required} required")]
    RankLength {
        /// Given.
        given: usize,
        /// Required.
        required: usize,
    },
    /// An "up to k" ranking that ranks nothing or more than k.
    #[error("{given} ranked, 1–{max} allowed")]
    RankRange {
        /// Given.
        given: usize,
        /// Most allowed.
        max: usize,
    },
    /// A score outside the scale.
    #[error("score {value} outside {lo}–{hi}")]
    OutOfScale {
        /// Given.
        value: u8,
        /// Lowest allowed.
        lo: u8,
        /// Highest allowed.
        hi: u8,
    },
}

impl crate::lang::Localized for BallotError {
    fn message(&self, lang: crate::lang::Lang) -> String {
        use crate::lang::Lang::{En, Sv};
        match (self, lang) {
            (Self::WrongKind, Sv) => "Rösten passar inte omröstningens metod.".into(),
            (Self::WrongKind, En) => "The ballot does not fit the round's method.".into(),
            (Self::UnknownItem(_), Sv) => {
                "Rösten gäller ett inspel som inte ingår i omröstningen.".into()
            }
            (Self::UnknownItem(_), En) => {
                "The ballot names an input that is not in the round.".into()
            }
            (Self::OverBudget { used, max }, Sv) => {
                format!("Du har fördelat {used}, högst {max} är tillåtet.")
            }
            (Self::OverBudget { used, max }, En) => {
                format!("You have given {used}; at most {max} are allowed.")
            }
            (Self::UnderBudget { used, required }, Sv) => format!(
                "Du har fördelat {used} av {required}. Fördela alla innan du lämnar rösten."
            ),
            (Self::UnderBudget { used, required }, En) => {
                format!("You have given {used} of {required}. Use them all before you submit.")
            }
            (Self::OverCap { value, max }, Sv) => {
                format!("{value} på ett inspel, högst {max} är tillåtet.")
            }
            (Self::OverCap { value, max }, En) => {
                format!("{value} on one input; at most {max} are allowed.")
            }
            (Self::Duplicate(_), Sv) => "Ett inspel är rangordnat två gånger.".into(),
            (Self::Duplicate(_), En) => "An input is ranked twice.".into(),
            (Self::RankLength { given, required }, Sv) => {
                format!("Du har rangordnat {given}, rangordna {required}.")
            }
            (Self::RankLength { given, required }, En) => {
                format!("You have ranked {given}; rank {required}.")
            }
            (Self::RankRange { given, max }, Sv) => {
                format!("Du har rangordnat {given}, rangordna 1–{max}.")
            }
            (Self::RankRange { given, max }, En) => {
                format!("You have ranked {given}; rank 1–{max}.")
            }
            (Self::OutOfScale { lo, hi, .. }, Sv) => format!("Betyget ska vara {lo}–{hi}."),
            (Self::OutOfScale { lo, hi, .. }, En) => format!("The score must be {lo}–{hi}."),
        }
    }
}

/// Checks a ballot against the method and the round's items.
///
/// # Errors
/// The first rule broken.
pub fn validate(method: &Method, items: &BTreeSet<Id>, answer: &Answer) -> Result<(), BallotError> {
    let known = |id: &Id| {
        if items.contains(id) {
            Ok(())
        } else {
            Err(BallotError::UnknownItem(id.clone()))
        }
    };
    match (method, answer) {
        (
            Method::Dots {
                budget,
                cap,
                all_required,
            },
            Answer::Allocation(a),
        ) => allocation(a, &known, Some(*cap), *budget, *all_required),
        (Method::Approval, Answer::Allocation(a)) => {
            let n = u32::try_from(items.len()).unwrap_or(u32::MAX);
            allocation(a, &known, Some(1), n, false)
        }
        (
            Method::Points {
                total,
                max_per_item,
            },
            Answer::Allocation(a),
        ) => allocation(a, &known, *max_per_item, *total, true),
        (Method::Ranking { top_k, at_most, .. }, Answer::Ranking(r)) => {
            let mut seen = BTreeSet::new();
            for id in r {
                known(id)?;
                if !seen.insert(id) {
                    return Err(BallotError::Duplicate(id.clone()));
                }
            }
            let required = top_k.map_or(items.len(), |k| (k as usize).min(items.len()));
            if *at_most {
                if r.is_empty() || r.len() > required {
                    return Err(BallotError::RankRange {
                        given: r.len(),
                        max: required,
                    });
                }
                return Ok(());
            }
            if r.len() != required {
                return Err(BallotError::RankLength {
                    given: r.len(),
                    required,
                });
            }
            Ok(())
        }
        (Method::Score { lo, hi }, Answer::Scores(s)) => {
            for (id, v) in s {
                known(id)?;
                if v < lo || v > hi {
                    return Err(BallotError::OutOfScale {
                        value: *v,
                        lo: *lo,
                        hi: *hi,
                    });
                }
            }
            Ok(())
        }
        (Method::Moscow, Answer::Moscow(m)) => m.keys().try_for_each(known),
        (Method::ImpactEffort, Answer::ImpactEffort(m)) => {
            for (id, pair) in m {
                known(id)?;
                for v in pair {
                    if !(1..=5).contains(v) {
                        return Err(BallotError::OutOfScale {
                            value: *v,
                            lo: 1,
                            hi: 5,
                        });
                    }
                }
            }
            Ok(())
        }
        _ => Err(BallotError::WrongKind),
    }
}

fn allocation(
    a: &BTreeMap<Id, u32>,
    known: &dyn Fn(&Id) -> Result<(), BallotError>,
    cap: Option<u32>,
    budget: u32,
    exact: bool,
) -> Result<(), BallotError> {
    let mut used: u64 = 0;
    for (id, v) in a {
        known(id)?;
        if let Some(max) = cap.filter(|max| v > max) {
            return Err(BallotError::OverCap { value: *v, max });
        }
        used += u64::from(*v);
    }
    if used > u64::from(budget) {
        return Err(BallotError::OverBudget { used, max: budget });
    }
    if exact && used != u64::from(budget) {
        return Err(BallotError::UnderBudget {
            used,
            required: budget,
        });
    }
    Ok(())
}

/// The position of `item` in the seeded hash order: hex of SHA-256(seed + "|" + item id).
#[must_use]
pub fn seeded_hash(seed: &str, item: &Id) -> String {
    let digest = Sha256::digest(format!("{seed}|{item}").as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// One item's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// The item.
    pub item: Id,
    /// Primary score (sum, mean or wins, by method).
    pub score: Ratio,
    /// The method's secondary key (higher is better).
    pub secondary: Ratio,
    /// Position, 1-based, after the whole tie-break chain.
    pub rank: usize,
    /// Whether it shares score and secondary key with a neighbour (so the seeded hash decided).
    pub tied: bool,
    /// Participants who gave the item anything (dots, approval, points, a rank, a score).
    pub supporters: usize,
    /// Spread and agreement for scale methods (score, MoSCoW, points).
    pub stats: Option<ScaleStats>,
    /// Mean impact and effort (impact/effort only).
    pub impact_effort: Option<(Ratio, Ratio)>,
}

impl Row {
    /// Whether the answers on this item are polarised (scale methods, two or more answers).
    #[must_use]
    pub fn contested(&self) -> bool {
        self.stats
            .as_ref()
            .is_some_and(|s| s.n >= 2 && s.consensus.is_some_and(|c| c < CONTESTED_BELOW))
    }
}

/// The result of a round.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tally {
    /// Ballots counted.
    pub ballots: usize,
    /// Rows in rank order.
    pub rows: Vec<Row>,
    /// The Condorcet winner, if the method is a ranking and one exists (`None`: see
    /// [`Tally::condorcet`] for why).
    pub condorcet_winner: Option<Id>,
    /// Ranking methods: the Condorcet winner or why there is none; `None` for other methods.
    pub condorcet: Option<Condorcet>,
    /// Kendall's W with tie correction (rankings only; unranked items tie at the bottom).
    pub kendall_w: Option<Ratio>,
}

pub(super) fn ratio(n: impl Into<i128>) -> Ratio {
    Ratio::new(n.into(), 1)
}

/// Counts `answers` (already validated) for `items` by `method`, ordered by the tie-break
/// chain with `seed`.
#[must_use]
pub fn tally(method: &Method, items: &BTreeSet<Id>, answers: &[&Answer], seed: &str) -> Tally {
    let mut rows: BTreeMap<&Id, Row> = items
        .iter()
        .map(|id| {
            let row = Row {
                item: id.clone(),
                score: Ratio::ZERO,
                secondary: Ratio::ZERO,
                rank: 0,
                tied: false,
                supporters: 0,
                stats: None,
                impact_effort: None,
            };
            (id, row)
        })
        .collect();
    let mut condorcet = None;
    let mut kendall_w = None;
    match method {
        Method::Dots { .. } | Method::Approval | Method::Points { .. } => {
            allocation::count(&mut rows, answers, method);
        }
        Method::Ranking { top_k, scoring, .. } => {
            (condorcet, kendall_w) = ranking::count(&mut rows, items, answers, *top_k, *scoring);
        }
        Method::Score { lo, hi } => scale::count(&mut rows, answers, *lo, *hi, |a| match a {
            Answer::Scores(m) => Some(m.iter().map(|(k, v)| (k, *v)).collect()),
            _ => None,
        }),
        Method::Moscow => scale::count(&mut rows, answers, 0, 3, |a| match a {
            Answer::Moscow(m) => Some(m.iter().map(|(k, v)| (k, v.points())).collect()),
            _ => None,
        }),
        Method::ImpactEffort => impact::count(&mut rows, answers),
    }
    let mut ordered: Vec<Row> = rows.into_values().collect();
    let hash: BTreeMap<Id, String> = ordered
        .iter()
        .map(|r| (r.item.clone(), seeded_hash(seed, &r.item)))
        .collect();
    ordered.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then_with(|| b.secondary.cmp(&a.secondary))
            .then_with(|| hash[&a.item].cmp(&hash[&b.item]))
            .then_with(|| a.item.cmp(&b.item))
    });
    let len = ordered.len();
    for i in 0..len {
        ordered[i].rank = i + 1;
        let same = |j: usize| {
            ordered[j].score == ordered[i].score && ordered[j].secondary == ordered[i].secondary
        };
        ordered[i].tied = (i > 0 && same(i - 1)) || (i + 1 < len && same(i + 1));
    }
    let condorcet_winner = match &condorcet {
        Some(Condorcet::Winner { item }) => Some(item.clone()),
        _ => None,
    };
    Tally {
        ballots: answers.len(),
        rows: ordered,
        condorcet_winner,
        condorcet,
        kendall_w,
    }
}

#[cfg(test)]
mod tests {
    //! Every example is small enough to check by hand; the working is in the comments.
    use super::ranking::Pairwise;
    use super::*;
    use crate::ratio::Fixed;

    fn ids(n: u8) -> Vec<Id> {
        (1..=n).map(|i| Id::from_random_bytes([i; 16])).collect()
    }

    fn set(v: &[Id]) -> BTreeSet<Id> {
        v.iter().cloned().collect()
    }

    fn alloc(pairs: &[(&Id, u32)]) -> Answer {
        Answer::Allocation(pairs.iter().map(|(id, v)| ((*id).clone(), *v)).collect())
    }

    fn order(t: &Tally) -> Vec<Id> {
        t.rows.iter().map(|r| r.item.clone()).collect()
    }

    #[test]
    fn dot_rules() {
        let i = ids(3);
        let m = Method::Dots {
            budget: 5,
            cap: 3,
            all_required: false,
        };
        assert!(validate(&m, &set(&i), &alloc(&[(&i[0], 3), (&i[1], 2)])).is_ok());
        assert_eq!(
            validate(&m, &set(&i), &alloc(&[(&i[0], 4)])),
            Err(BallotError::OverCap { value: 4, max: 3 })
        );
        assert_eq!(
            validate(&m, &set(&i), &alloc(&[(&i[0], 3), (&i[1], 3)])),
            Err(BallotError::OverBudget { used: 6, max: 5 })
        );
        let strict = Method::Dots {
            budget: 5,
            cap: 3,
            all_required: true,
        };
        assert_eq!(
            validate(&strict, &set(&i), &alloc(&[(&i[0], 3)])),
            Err(BallotError::UnderBudget {
                used: 3,
                required: 5
            })
        );
        let stranger = Id::from_random_bytes([99; 16]);
        assert_eq!(
            validate(&m, &set(&i), &alloc(&[(&stranger, 1)])),
            Err(BallotError::UnknownItem(stranger))
        );
        assert_eq!(
            validate(&m, &set(&i), &Answer::Ranking(vec![])),
            Err(BallotError::WrongKind)
        );
    }

    #[test]
    fn dots_sum_and_supporters_break_ties() {
        // A: 3 + 0 = 3 dots from 1 supporter; B: 1 + 2 = 3 dots from 2 supporters; C: 2.
        // Equal dots, so B (2 supporters) ranks above A (1 supporter).
        let i = ids(3);
        let (a, b, c) = (&i[0], &i[1], &i[2]);
        let b1 = alloc(&[(a, 3), (b, 1), (c, 1)]);
        let b2 = alloc(&[(b, 2), (c, 1)]);
        let t = tally(
            &Method::Dots {
                budget: 5,
                cap: 3,
                all_required: false,
            },
            &set(&i),
            &[&b1, &b2],
            "seed",
        );
        assert_eq!(order(&t), vec![b.clone(), a.clone(), c.clone()]);
        assert_eq!(t.rows[0].score, Ratio::int(3));
        assert_eq!(t.rows[0].supporters, 2);
        assert!(!t.rows[0].tied && !t.rows[1].tied);
    }

    #[test]
    fn full_ties_fall_to_the_seeded_hash_then_stay_fixed() {
        // One ballot, one dot each on A and B: identical score and supporters.
        let i = ids(2);
        let b1 = alloc(&[(&i[0], 1), (&i[1], 1)]);
        let m = Method::Dots {
            budget: 2,
            cap: 1,
            all_required: false,
        };
        for seed in ["2020-11-09 tärning 4", "annat frö"] {
            let t = tally(&m, &set(&i), &[&b1], seed);
            assert!(t.rows.iter().all(|r| r.tied));
            let expect = if seeded_hash(seed, &i[0]) < seeded_hash(seed, &i[1]) {
                &i[0]
            } else {
                &i[1]
            };
            assert_eq!(&t.rows[0].item, expect);
            assert_eq!(
                tally(&m, &set(&i), &[&b1], seed),
                t,
                "same inputs, same result"
            );
        }
        // The hash itself is SHA-256 of "seed|id" in hex.
        assert_eq!(seeded_hash("s", &i[0]).len(), 64);
    }

    #[test]
    fn approval_counts_yes_votes() {
        // A approved by 2 of 3, B by 3, C by none.
        let i = ids(3);
        let (a, b) = (&i[0], &i[1]);
        let v = [
            alloc(&[(a, 1), (b, 1)]),
            alloc(&[(a, 1), (b, 1)]),
            alloc(&[(b, 1)]),
        ];
        let refs: Vec<&Answer> = v.iter().collect();
        assert_eq!(
            validate(&Method::Approval, &set(&i), &alloc(&[(a, 2)])),
            Err(BallotError::OverCap { value: 2, max: 1 })
        );
        let t = tally(&Method::Approval, &set(&i), &refs, "s");
        assert_eq!(t.rows[0].item, *b);
        assert_eq!(
            (t.rows[0].score, t.rows[1].score, t.rows[2].score),
            (Ratio::int(3), Ratio::int(2), Ratio::ZERO)
        );
    }

    #[test]
    fn points_must_add_up_and_rank_by_sum_with_median_second() {
        let i = ids(2);
        let (a, b) = (&i[0], &i[1]);
        let m = Method::Points {
            total: 100,
            max_per_item: None,
        };
        assert_eq!(
            validate(&m, &set(&i), &alloc(&[(a, 60)])),
            Err(BallotError::UnderBudget {
                used: 60,
                required: 100
            })
        );
        // Sums: A 60 + 40 + 50 = 150, B 40 + 60 + 50 = 150 (tie); medians A 50, B 50;
        // a fourth ballot A 100 / B 0: A 250, B 150.
        let v = [
            alloc(&[(a, 60), (b, 40)]),
            alloc(&[(a, 40), (b, 60)]),
            alloc(&[(a, 50), (b, 50)]),
            alloc(&[(a, 100)]),
        ];
        let refs: Vec<&Answer> = v.iter().collect();
        let t = tally(&m, &set(&i), &refs, "s");
        assert_eq!(t.rows[0].item, *a);
        assert_eq!(t.rows[0].score, Ratio::int(250));
        // A's answers 40, 50, 60, 100 → median (50 + 60) / 2 = 55; B's 0, 40, 50, 60 → 45.
        assert_eq!(t.rows[0].secondary, Ratio::int(55));
        assert_eq!(t.rows[1].secondary, Ratio::int(45));
    }

    fn ranking(v: &[&Id]) -> Answer {
        Answer::Ranking(v.iter().map(|id| (*id).clone()).collect())
    }

    #[test]
    fn borda_variants_on_truncated_ballots() {
        // Items A B C D (n = 4), top-2 ballots: [A, B], [B, C], [A, C].
        let i = ids(4);
        let (a, b, c, d) = (&i[0], &i[1], &i[2], &i[3]);
        let v = [ranking(&[a, b]), ranking(&[b, c]), ranking(&[a, c])];
        let refs: Vec<&Answer> = v.iter().collect();
        let items = set(&i);
        let top2 = |scoring| Method::Ranking {
            top_k: Some(2),
            scoring,
            at_most: false,
        };
        assert_eq!(
            validate(&top2(RankScoring::Borda), &items, &ranking(&[a])),
            Err(BallotError::RankLength {
                given: 1,
                required: 2
            })
        );
        assert_eq!(
            validate(&top2(RankScoring::Borda), &items, &ranking(&[a, a])),
            Err(BallotError::Duplicate(a.clone()))
        );
        // Borda, unranked 0: 1st = 3, 2nd = 2. A 3+3 = 6, B 2+3 = 5, C 2+2 = 4, D 0.
        let t = tally(&top2(RankScoring::Borda), &items, &refs, "s");
        let scores: Vec<Ratio> = t.rows.iter().map(|r| r.score).collect();
        assert_eq!(order(&t), vec![a.clone(), b.clone(), c.clone(), d.clone()]);
        assert_eq!(
            scores,
            vec![Ratio::int(6), Ratio::int(5), Ratio::int(4), Ratio::ZERO]
        );
        // Fixed-k (k = 2): 1st = 2, 2nd = 1. A 4, B 3, C 2, D 0.
        let t = tally(&top2(RankScoring::FixedK), &items, &refs, "s");
        assert_eq!(
            t.rows.iter().map(|r| r.score).collect::<Vec<_>>(),
            vec![Ratio::int(4), Ratio::int(3), Ratio::int(2), Ratio::ZERO]
        );
    }

    #[test]
    fn modified_borda_scores_by_ballot_length() {
        // Full rankings not required (top_k = n but a shorter ballot is invalid), so use
        // top_k = 3 of 3 items: [A, B, C] gives 3, 2, 1; [C, A, B] gives 3, 2, 1.
        // A 3 + 2 = 5, C 1 + 3 = 4, B 2 + 1 = 3.
        let i = ids(3);
        let (a, b, c) = (&i[0], &i[1], &i[2]);
        let v = [ranking(&[a, b, c]), ranking(&[c, a, b])];
        let refs: Vec<&Answer> = v.iter().collect();
        let t = tally(
            &Method::Ranking {
                top_k: None,
                scoring: RankScoring::ModifiedBorda,
                at_most: false,
            },
            &set(&i),
            &refs,
            "s",
        );
        assert_eq!(order(&t), vec![a.clone(), c.clone(), b.clone()]);
        assert_eq!(t.rows[0].score, Ratio::int(5));
    }

    #[test]
    fn a_condorcet_cycle_has_no_winner_and_schulze_still_ranks() {
        // Classic cycle: 1 × [A B C], 1 × [B C A], 1 × [C A B].
        // d[A,B] = 2, d[B,A] = 1; d[B,C] = 2, d[C,B] = 1; d[C,A] = 2, d[A,C] = 1.
        // No Condorcet winner. Schulze: p[A,B] = 2, p[B,C] = 2, p[C,A] = 2, and via paths
        // every other strength is min(2, 2) = 2, so no beatpath wins: all three tie at 0
        // wins and Borda points (A 2+0+1 = 3, B 1+2+0 = 3, C 0+1+2 = 3) tie too → the seed decides.
        let i = ids(3);
        let (a, b, c) = (&i[0], &i[1], &i[2]);
        let v = [
            ranking(&[a, b, c]),
            ranking(&[b, c, a]),
            ranking(&[c, a, b]),
        ];
        let refs: Vec<&Answer> = v.iter().collect();
        let t = tally(
            &Method::Ranking {
                top_k: None,
                scoring: RankScoring::Schulze,
                at_most: false,
            },
            &set(&i),
            &refs,
            "frö",
        );
        assert_eq!(t.condorcet_winner, None);
        assert!(
            t.rows
                .iter()
                .all(|r| r.score == Ratio::ZERO && r.secondary == Ratio::int(3) && r.tied)
        );
        let mut by_hash = i.clone();
        by_hash.sort_by_key(|id| seeded_hash("frö", id));
        assert_eq!(order(&t), by_hash);
    }

    #[test]
    fn schulze_and_borda_can_disagree() {
        // 3 × [A B C], 2 × [B C A]. Pairwise A>B 3:2, A>C 3:2, B>C 5:0 → A is the
        // Condorcet winner and Schulze ranks A, B, C (A 2 wins, B 1, C 0).
        // Borda: A 3·2 + 2·0 = 6, B 3·1 + 2·2 = 7, C 0 + 2·1 = 2 → B, A, C.
        let i = ids(3);
        let (a, b, c) = (&i[0], &i[1], &i[2]);
        let v = [
            ranking(&[a, b, c]),
            ranking(&[a, b, c]),
            ranking(&[a, b, c]),
            ranking(&[b, c, a]),
            ranking(&[b, c, a]),
        ];
        let refs: Vec<&Answer> = v.iter().collect();
        let schulze = tally(
            &Method::Ranking {
                top_k: None,
                scoring: RankScoring::Schulze,
                at_most: false,
            },
            &set(&i),
            &refs,
            "s",
        );
        assert_eq!(schulze.condorcet_winner.as_ref(), Some(a));
        assert_eq!(order(&schulze), vec![a.clone(), b.clone(), c.clone()]);
        assert_eq!(schulze.rows[0].score, Ratio::int(2));
        let borda = tally(
            &Method::Ranking {
                top_k: None,
                scoring: RankScoring::Borda,
                at_most: false,
            },
            &set(&i),
            &refs,
            "s",
        );
        assert_eq!(order(&borda), vec![b.clone(), a.clone(), c.clone()]);
        assert_eq!(borda.rows[0].score, Ratio::int(7));
        let copeland = tally(
            &Method::Ranking {
                top_k: None,
                scoring: RankScoring::Copeland,
                at_most: false,
            },
            &set(&i),
            &refs,
            "s",
        );
        assert_eq!(
            copeland.rows.iter().map(|r| r.score).collect::<Vec<_>>(),
            vec![Ratio::int(2), Ratio::ZERO, Ratio::int(-2)]
        );
    }

    #[test]
    fn kendalls_w_is_one_for_identical_rankings_and_zero_for_opposite_pairs() {
        let i = ids(3);
        let (a, b, c) = (&i[0], &i[1], &i[2]);
        let same = [ranking(&[a, b, c]), ranking(&[a, b, c])];
        let refs: Vec<&Vec<Id>> = same
            .iter()
            .filter_map(|x| {
                if let Answer::Ranking(r) = x {
                    Some(r)
                } else {
                    None
                }
            })
            .collect();
        assert_eq!(kendall(&set(&i), &refs), Some(Ratio::int(1)));
        // [A B C] and [C B A]: rank sums all 4 = mean → S = 0 → W = 0.
        let opposite = [ranking(&[a, b, c]), ranking(&[c, b, a])];
        let refs: Vec<&Vec<Id>> = opposite
            .iter()
            .filter_map(|x| {
                if let Answer::Ranking(r) = x {
                    Some(r)
                } else {
                    None
                }
            })
            .collect();
        assert_eq!(kendall(&set(&i), &refs), Some(Ratio::ZERO));
        // Truncated: [A] and [A] over 3 items: ranks A 1, B and C tie at 2.5 on both ballots.
        // R = (2, 5, 5), mean 4, S = 4 + 1 + 1 = 6; T per ballot = 2³ − 2 = 6, Σ = 12.
        // W = 12·6 / (4·(27 − 3) − 2·12) = 72 / 72 = 1.
        let trunc = [ranking(&[a]), ranking(&[a])];
        let refs: Vec<&Vec<Id>> = trunc
            .iter()
            .filter_map(|x| {
                if let Answer::Ranking(r) = x {
                    Some(r)
                } else {
                    None
                }
            })
            .collect();
        assert_eq!(kendall(&set(&i), &refs), Some(Ratio::int(1)));
    }

    fn scores(pairs: &[(&Id, u8)]) -> Answer {
        Answer::Scores(pairs.iter().map(|(id, v)| ((*id).clone(), *v)).collect())
    }

    #[test]
    fn score_voting_mean_median_iqr_and_consensus() {
        // A: 5, 5, 5, 5 → mean 5, IQR 0, consensus 1.
        // B: 1, 1, 5, 5 → mean 3 (polarised), median 3, Tukey IQR = median(5,5) − median(1,1) = 4,
        //    consensus = 1 + ½·log2(1 − 2/4) + ½·log2(1 − 2/4) = 1 − 1 = 0.
        // C: skipped by everyone → n 0, mean 0.
        let i = ids(3);
        let (a, b, c) = (&i[0], &i[1], &i[2]);
        let m = Method::Score { lo: 1, hi: 5 };
        assert_eq!(
            validate(&m, &set(&i), &scores(&[(a, 6)])),
            Err(BallotError::OutOfScale {
                value: 6,
                lo: 1,
                hi: 5
            })
        );
        let v = [
            scores(&[(a, 5), (b, 1)]),
            scores(&[(a, 5), (b, 1)]),
            scores(&[(a, 5), (b, 5)]),
            scores(&[(a, 5), (b, 5)]),
        ];
        let refs: Vec<&Answer> = v.iter().collect();
        let t = tally(&m, &set(&i), &refs, "s");
        assert_eq!(order(&t), vec![a.clone(), b.clone(), c.clone()]);
        let sa = t.rows[0].stats.as_ref().unwrap();
        assert_eq!((t.rows[0].score, sa.iqr), (Ratio::int(5), Ratio::ZERO));
        assert!((sa.consensus.unwrap().to_f64() - 1.0).abs() < 1e-12);
        assert_eq!(sa.consensus, Some(Fixed::ONE), "exact, in millionths");
        let sb = t.rows[1].stats.as_ref().unwrap();
        assert_eq!(
            (t.rows[1].score, sb.median, sb.iqr),
            (Ratio::int(3), Ratio::int(3), Ratio::int(4))
        );
        assert!(sb.consensus.unwrap().to_f64().abs() < 1e-12);
        assert_eq!(sb.consensus, Some(Fixed::ZERO));
        assert!((sb.sd.to_f64() - 2.0).abs() < 1e-12);
        assert_eq!(sb.sd, Fixed::from_micros(2_000_000));
        assert_eq!(sb.distribution, vec![2, 0, 0, 0, 2]);
        assert_eq!(t.rows[2].stats.as_ref().unwrap().n, 0);
    }

    #[test]
    fn moscow_scores_three_two_one_zero() {
        // A: Must, Should → (3 + 2) / 2 = 5/2; B: Could, Won't → 1/2.
        let i = ids(2);
        let (a, b) = (&i[0], &i[1]);
        let mk = |x: Moscow, y: Moscow| Answer::Moscow([(a.clone(), x), (b.clone(), y)].into());
        let v = [
            mk(Moscow::Must, Moscow::Could),
            mk(Moscow::Should, Moscow::Wont),
        ];
        let refs: Vec<&Answer> = v.iter().collect();
        let t = tally(&Method::Moscow, &set(&i), &refs, "s");
        assert_eq!(t.rows[0].item, *a);
        assert_eq!(
            (t.rows[0].score, t.rows[1].score),
            (Ratio::new(5, 2), Ratio::new(1, 2))
        );
    }

    #[test]
    fn impact_effort_ranks_by_impact_then_lower_effort() {
        // A: impact 4, effort 2 (quick win); B: impact 4, effort 5 → same impact, A less effort.
        let i = ids(2);
        let (a, b) = (&i[0], &i[1]);
        let v = [Answer::ImpactEffort(
            [(a.clone(), [4, 2]), (b.clone(), [4, 5])].into(),
        )];
        let refs: Vec<&Answer> = v.iter().collect();
        assert_eq!(
            validate(
                &Method::ImpactEffort,
                &set(&i),
                &Answer::ImpactEffort([(a.clone(), [0, 2])].into())
            ),
            Err(BallotError::OutOfScale {
                value: 0,
                lo: 1,
                hi: 5
            })
        );
        let t = tally(&Method::ImpactEffort, &set(&i), &refs, "s");
        assert_eq!(order(&t), vec![a.clone(), b.clone()]);
        assert_eq!(
            t.rows[0].impact_effort,
            Some((Ratio::int(4), Ratio::int(2)))
        );
    }

    #[test]
    fn up_to_k_rankings_accept_short_ballots_and_each_variant_scores_them() {
        // Items A B C D E (n = 5), top-3 "up to k" (at_most). Five ballots, the last ranks one item:
        //   b1 [A B C], b2 [B A D], b3 [C A B], b4 [A C E], b5 [D].
        // Borda, unranked 0 (position k earns n − 1 − k = 4, 3, 2):
        //   b1 A4 B3 C2 | b2 B4 A3 D2 | b3 C4 A3 B2 | b4 A4 C3 E2 | b5 D4
        //   A 4+3+3+4 = 14, B 3+4+2 = 9, C 2+4+3 = 9, D 2+4 = 6, E 2.
        // Modified Borda (a ballot ranking m items gives m, m−1, …, 1):
        //   b1 A3 B2 C1 | b2 B3 A2 D1 | b3 C3 A2 B1 | b4 A3 C2 E1 | b5 (m = 1) D1
        //   A 3+2+2+3 = 10, B 2+3+1 = 6, C 1+3+2 = 6, D 1+1 = 2, E 1.
        // Fixed-k, k = 3 (rank r earns k − r + 1 = 3, 2, 1):
        //   b1 A3 B2 C1 | b2 B3 A2 D1 | b3 C3 A2 B1 | b4 A3 C2 E1 | b5 D3
        //   A 10, B 6, C 6, D 1+3 = 4, E 1.
        // So the one-item ballot is worth 4 (Borda), 1 (modified Borda) or 3 (fixed-k) to D.
        // B and C tie in every variant (same score, 3 supporters each): the seed decides.
        let i = ids(5);
        let (a, b, c, d, e) = (&i[0], &i[1], &i[2], &i[3], &i[4]);
        let items = set(&i);
        let v = [
            ranking(&[a, b, c]),
            ranking(&[b, a, d]),
            ranking(&[c, a, b]),
            ranking(&[a, c, e]),
            ranking(&[d]),
        ];
        let refs: Vec<&Answer> = v.iter().collect();
        let up_to = |scoring| Method::Ranking {
            top_k: Some(3),
            scoring,
            at_most: true,
        };
        let exactly = Method::Ranking {
            top_k: Some(3),
            scoring: RankScoring::Borda,
            at_most: false,
        };
        assert!(
            v.iter()
                .all(|x| validate(&up_to(RankScoring::Borda), &items, x).is_ok())
        );
        assert_eq!(
            validate(&exactly, &items, &v[4]),
            Err(BallotError::RankLength {
                given: 1,
                required: 3
            })
        );
        assert_eq!(
            validate(&up_to(RankScoring::Borda), &items, &ranking(&[])),
            Err(BallotError::RankRange { given: 0, max: 3 })
        );
        assert_eq!(
            validate(&up_to(RankScoring::Borda), &items, &ranking(&[a, b, c, d])),
            Err(BallotError::RankRange { given: 4, max: 3 })
        );
        let score_of = |t: &Tally, id: &Id| t.rows.iter().find(|r| r.item == *id).map(|r| r.score);
        for (scoring, expect) in [
            (RankScoring::Borda, [14, 9, 9, 6, 2]),
            (RankScoring::ModifiedBorda, [10, 6, 6, 2, 1]),
            (RankScoring::FixedK, [10, 6, 6, 4, 1]),
        ] {
            let t = tally(&up_to(scoring), &items, &refs, "s");
            for (id, want) in i.iter().zip(expect) {
                assert_eq!(score_of(&t, id), Some(Ratio::int(want)), "{scoring:?}");
            }
            assert_eq!(t.rows[0].item, *a);
            assert!(
                t.rows[1].tied && t.rows[2].tied && !t.rows[0].tied,
                "{scoring:?}: B and C tie"
            );
        }
    }

    #[test]
    fn the_at_most_flag_leaves_the_rules_hash_of_older_rounds_alone() {
        // A ranking method without the flag is written exactly as before the flag existed, so the
        // rules hash its ballots carry does not change; a file without it reads as false.
        let m = Method::Ranking {
            top_k: Some(3),
            scoring: RankScoring::Borda,
            at_most: false,
        };
        assert_eq!(
            crate::crdt::to_json(&m).to_string(),
            r#"{"ranking":{"scoring":"borda","top_k":3}}"#
        );
        let old: Method =
            serde_json::from_str(r#"{"ranking":{"top_k":3,"scoring":"borda"}}"#).unwrap();
        assert_eq!(old, m);
        let up = Method::Ranking {
            top_k: Some(3),
            scoring: RankScoring::Borda,
            at_most: true,
        };
        assert_eq!(
            crate::crdt::to_json(&up).to_string(),
            r#"{"ranking":{"at_most":true,"scoring":"borda","top_k":3}}"#
        );
    }

    #[test]
    fn the_pairwise_count_visits_only_ranked_pairs_and_matches_the_definition() {
        // Items A B C D; ballots [A B] and [C] (unranked below every ranked item, two unranked
        // give no preference). By the definition:
        //   [A B]: A>B, A>C, A>D, B>C, B>D.   [C]: C>A, C>B, C>D.
        //   d[A,B]=1 d[A,C]=1 d[A,D]=1 d[B,A]=0 d[B,C]=1 d[B,D]=1 d[C,A]=1 d[C,B]=1 d[C,D]=1, d[D,·]=0.
        // The fast form d[a,b] = ranked(a) − above[b,a]: ranked A 1, B 1, C 1, D 0; above[A,B] = 1;
        // e.g. d[B,A] = 1 − above[A,B] = 0, d[C,A] = 1 − 0 = 1.
        let i = ids(4);
        let items = set(&i);
        let (r1, r2) = (vec![i[0].clone(), i[1].clone()], vec![i[2].clone()]);
        let p = Pairwise::new(&items, &[&r1, &r2]);
        let at = |x: usize| p.items.iter().position(|id| **id == i[x]).unwrap();
        let d = |x: usize, y: usize| p.d[at(x)][at(y)];
        let want = [[0, 1, 1, 1], [0, 0, 1, 1], [1, 1, 0, 1], [0, 0, 0, 0]];
        for (x, row) in want.iter().enumerate() {
            for (y, w) in row.iter().enumerate() {
                assert_eq!(d(x, y), *w, "d[{x},{y}]");
            }
        }
        // A beats B (1:0) and D; A–C is 1:1, B–C 1:1: A is beaten by none but ties C → a tie, not
        // a cycle.
        assert_eq!(p.condorcet(2), Condorcet::Tie);
    }

    #[test]
    fn condorcet_says_winner_cycle_tie_or_no_ballots() {
        let i = ids(3);
        let (a, b, c) = (&i[0], &i[1], &i[2]);
        let m = Method::Ranking {
            top_k: None,
            scoring: RankScoring::Schulze,
            at_most: false,
        };
        // Cycle: [A B C], [B C A], [C A B]: A>B, B>C, C>A each 2:1 — every item beaten.
        let v = [
            ranking(&[a, b, c]),
            ranking(&[b, c, a]),
            ranking(&[c, a, b]),
        ];
        let t = tally(&m, &set(&i), &v.iter().collect::<Vec<_>>(), "s");
        assert_eq!(t.condorcet, Some(Condorcet::Cycle));
        // Tie: [A B C], [B A C]: A–B 1:1, both beat C 2:0 — A and B unbeaten, neither wins.
        let v = [ranking(&[a, b, c]), ranking(&[b, a, c])];
        let t = tally(&m, &set(&i), &v.iter().collect::<Vec<_>>(), "s");
        assert_eq!(
            (t.condorcet, t.condorcet_winner),
            (Some(Condorcet::Tie), None)
        );
        // Winner: [A B C] twice, [B C A]: A beats B 2:1 and C 2:1.
        let v = [
            ranking(&[a, b, c]),
            ranking(&[a, b, c]),
            ranking(&[b, c, a]),
        ];
        let t = tally(&m, &set(&i), &v.iter().collect::<Vec<_>>(), "s");
        assert_eq!(t.condorcet, Some(Condorcet::Winner { item: a.clone() }));
        assert_eq!(t.condorcet_winner.as_ref(), Some(a));
        // No ballots; and no Condorcet question at all for other methods.
        assert_eq!(
            tally(&m, &set(&i), &[], "s").condorcet,
            Some(Condorcet::NoBallots)
        );
        assert_eq!(tally(&Method::Approval, &set(&i), &[], "s").condorcet, None);
        use crate::lang::{Lang, Localized};
        assert_eq!(Condorcet::Cycle.message(Lang::Sv), "ingen: cykel");
        assert_eq!(Condorcet::Cycle.message(Lang::En), "none: cycle");
    }

    #[test]
    fn points_statistics_count_an_absent_item_as_zero_in_integers() {
        // 10 points; ballots (A 10), (A 6, B 4), (B 10). A's answers 10, 6 and 0 (absent) → 0, 6, 10:
        //   n 3, mean 16/3, median 6; Tukey hinges: lower half [0] → 0, upper [10] → 10, IQR 10.
        //   Variance (n·Σx² − (Σx)²)/n² = (3·136 − 256)/9 = 152/9; SD = √16.888… = 4.109609.
        //   Tastle–Wierman on 0..10 (w = 10, μ = 16/3), argument (n·w − |x·n − S|)/(n·w):
        //     x 0: (30 − 16)/30 = 14/30, log2 = −1.099536;  x 6: (30 − 2)/30 = 28/30, log2 = −0.099536;
        //     x 10: (30 − 14)/30 = 16/30, log2 = −0.906891.
        //   Cns = 1 + (−1.099536 − 0.099536 − 0.906891)/3 = 1 − 0.701987 = 0.298013 → contested.
        let i = ids(2);
        let (a, b) = (&i[0], &i[1]);
        let m = Method::Points {
            total: 10,
            max_per_item: None,
        };
        let v = [
            alloc(&[(a, 10)]),
            alloc(&[(a, 6), (b, 4)]),
            alloc(&[(b, 10)]),
        ];
        let t = tally(&m, &set(&i), &v.iter().collect::<Vec<_>>(), "s");
        let row = t.rows.iter().find(|r| r.item == *a).unwrap();
        let st = row.stats.as_ref().unwrap();
        assert_eq!(
            (st.n, st.mean, st.median, st.iqr),
            (3, Ratio::new(16, 3), Ratio::int(6), Ratio::int(10))
        );
        assert_eq!(st.sd, Fixed::from_micros(4_109_609));
        assert_eq!(st.consensus, Some(Fixed::from_micros(298_013)));
        assert!(st.distribution.is_empty() || st.distribution.len() == 11);
        assert!(row.contested());
    }

    #[test]
    fn tastle_wierman_of_a_near_agreement_by_hand() {
        // 4, 4, 5, 5 on 1..5: μ = 9/2, w = 4, |x − μ|/w = 1/8 for every answer →
        // Cns = 1 + log2(7/8) = 1 + (log2 7 − 3) = 1 − 0.192645 = 0.807355.
        // Median 9/2; Tukey IQR = median(5, 5) − median(4, 4) = 1; variance 1/4 → SD 0.5.
        let st = scale_stats(&[4, 4, 5, 5], 1, 5);
        assert_eq!(st.consensus, Some(Fixed::from_micros(807_355)));
        assert_eq!(
            (st.median, st.iqr, st.sd),
            (Ratio::new(9, 2), Ratio::int(1), Fixed::from_micros(500_000))
        );
        assert_eq!(st.distribution, vec![0, 0, 0, 2, 2]);
        // One answer: full agreement; no answers: no consensus.
        assert_eq!(scale_stats(&[3], 1, 5).consensus, Some(Fixed::ONE));
        assert_eq!(scale_stats(&[], 1, 5).consensus, None);
    }

    #[test]
    fn method_limits_are_checked() {
        use crate::crdt::ProblemKind::OutOfRange;
        assert_eq!(
            check_method(&Method::Dots {
                budget: 5,
                cap: 3,
                all_required: false
            }),
            None
        );
        assert_eq!(
            check_method(&Method::Dots {
                budget: 0,
                cap: 3,
                all_required: false
            }),
            Some(OutOfRange { min: 1, max: 1_000 })
        );
        assert!(
            check_method(&Method::Dots {
                budget: 5,
                cap: 1_001,
                all_required: false
            })
            .is_some()
        );
        assert!(
            check_method(&Method::Points {
                total: 10_001,
                max_per_item: None
            })
            .is_some()
        );
        assert!(
            check_method(&Method::Points {
                total: 100,
                max_per_item: Some(0)
            })
            .is_some()
        );
        let rank = |k| Method::Ranking {
            top_k: k,
            scoring: RankScoring::Borda,
            at_most: false,
        };
        assert_eq!(check_method(&rank(None)), None);
        assert_eq!(check_method(&rank(Some(200))), None);
        assert!(check_method(&rank(Some(201))).is_some() && check_method(&rank(Some(0))).is_some());
        assert_eq!(check_method(&Method::Score { lo: 1, hi: 5 }), None);
        assert!(
            check_method(&Method::Score { lo: 5, hi: 5 }).is_some(),
            "lo < hi"
        );
        assert!(
            check_method(&Method::Score { lo: 0, hi: 101 }).is_some(),
            "hi ≤ 100"
        );
    }
}
