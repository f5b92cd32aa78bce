//! Capacity-limited selection (DOMAIN.md §3.3) and the method comparison.
//!
//! Rules, as decided for the open questions (OPEN-10): the greedy rule *skips* an item that
//! does not fit and goes on; the capacity bound is inclusive (total cost ≤ capacity); among
//! optimal sets with the same total score the one with the fewest items wins, then the one
//! whose items come earliest in the ranked order.
use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::id::Id;
use crate::ratio::Ratio;
use crate::vote::{Answer, Method, RankScoring, Row, tally};

/// How the list is capped. Part of a round's locked rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Capacity {
    /// The `n` best (a warning if their cost exceeds `capacity`).
    TopN {
        /// How many.
        n: u32,
    },
    /// By rank, take each item that still fits; skip misfits and continue.
    Greedy {
        /// Total cost allowed.
        capacity: u32,
    },
    /// The set with the highest total score within the capacity (0/1 knapsack).
    Optimal {
        /// Total cost allowed.
        capacity: u32,
    },
}

/// Largest capacity of the greedy and optimal rules. The optimal rule's table has one bit per
/// item and unit of capacity (at most [`crate::vote::MAX_ITEMS`] × 10 001 bits ≈ 6 MB), and its
/// work is items × min(capacity, total cost).
pub const MAX_CAPACITY: u32 = 10_000;
/// Largest cost of one inspel.
pub const MAX_COST: u32 = 10_000;

/// The limits on a capacity rule, as a field check for a round's `capacity`:
/// `1 ≤ n ≤` [`crate::vote::MAX_ITEMS`] for top-N, `capacity ≤` [`MAX_CAPACITY`] otherwise.
#[must_use]
#[allow(clippy::ref_option)] // the field check's signature: fn(&T) for T = Option<Capacity>
pub fn check_capacity(c: &Option<Capacity>) -> Option<crate::crdt::ProblemKind> {
    let range = |v: u32, min: u32, max: u32| {
        (v < min || v > max).then_some(crate::crdt::ProblemKind::OutOfRange {
            min: min.into(),
            max: max.into(),
        })
    };
    match c {
        None => None,
        Some(Capacity::TopN { n }) => range(
            *n,
            1,
            u32::try_from(crate::vote::MAX_ITEMS).unwrap_or(u32::MAX),
        ),
        Some(Capacity::Greedy { capacity } | Capacity::Optimal { capacity }) => {
            range(*capacity, 0, MAX_CAPACITY)
        }
    }
}

/// The limits on costs, as a field check for a round's `costs`: at most
/// [`crate::vote::MAX_ITEMS`] entries, each at most [`MAX_COST`].
#[must_use]
pub fn check_costs(c: &BTreeMap<Id, u32>) -> Option<crate::crdt::ProblemKind> {
    if c.len() > crate::vote::MAX_ITEMS {
        return Some(crate::crdt::ProblemKind::TooMany {
            max: crate::vote::MAX_ITEMS,
        });
    }
    c.values()
        .any(|v| *v > MAX_COST)
        .then_some(crate::crdt::ProblemKind::OutOfRange {
            min: 0,
            max: MAX_COST.into(),
        })
}

/// The chosen items, in rank order, and their total cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Selection {
    /// Selected items in rank order.
    pub items: Vec<Id>,
    /// Sum of their costs.
    pub cost: u32,
    /// Top-N only: whether the cost is over the given capacity.
    pub over_capacity: bool,
}

/// Applies `rule` to ranked `rows`; `cost` gives each item's cost (missing = 0).
#[must_use]
pub fn select(
    rows: &[Row],
    cost: &BTreeMap<Id, u32>,
    rule: Capacity,
    capacity_hint: Option<u32>,
) -> Selection {
    let c = |id: &Id| cost.get(id).copied().unwrap_or(0);
    let items: Vec<Id> = match rule {
        Capacity::TopN { n } => rows
            .iter()
            .take(n as usize)
            .map(|r| r.item.clone())
            .collect(),
        Capacity::Greedy { capacity } => {
            let mut left = capacity;
            rows.iter()
                .filter(|r| {
                    let fits = c(&r.item) <= left;
                    // (`left − cost` below cannot underflow: `fits` checks it.)
                    if fits {
                        left -= c(&r.item);
                    }
                    fits
                })
                .map(|r| r.item.clone())
                .collect()
        }
        Capacity::Optimal { capacity } => optimal(rows, &c, capacity),
    };
    let total = items.iter().map(c).fold(0u32, u32::saturating_add);
    let limit = match rule {
        Capacity::TopN { .. } => capacity_hint,
        Capacity::Greedy { capacity } | Capacity::Optimal { capacity } => Some(capacity),
    };
    Selection {
        over_capacity: limit.is_some_and(|l| total > l),
        cost: total,
        items,
    }
}

/// A knapsack value: total score, then fewer items is better.
trait Value: Copy {
    fn add(self, score: Self) -> Self;
    /// Whether (self, n) is at least as good as (other, m): higher score, then fewer items.
    fn at_least(self, n: u32, other: Self, m: u32) -> bool;
}

impl Value for i128 {
    fn add(self, score: Self) -> Self {
        self.saturating_add(score)
    }
    fn at_least(self, n: u32, other: Self, m: u32) -> bool {
        self > other || (self == other && n <= m)
    }
}

impl Value for Ratio {
    fn add(self, score: Self) -> Self {
        self.plus(score)
    }
    fn at_least(self, n: u32, other: Self, m: u32) -> bool {
        self > other || (self == other && n <= m)
    }
}

/// The scores as integers over one common denominator, when that fits (exact, fast).
fn common_scale(rows: &[Row]) -> Option<Vec<i128>> {
    const FIT: i128 = 1 << 100;
    let mut l: i128 = 1;
    for r in rows {
        let d = i128::from(r.score.den());
        let (mut a, mut b) = (l, d);
        while b != 0 {
            (a, b) = (b, a % b);
        }
        l = l.checked_mul(d / a.max(1))?;
        if l > FIT {
            return None;
        }
    }
    let n = i128::try_from(rows.len()).ok()?.max(1);
    rows.iter()
        .map(|r| {
            let v = i128::from(r.score.num()).checked_mul(l / i128::from(r.score.den()))?;
            // n such values must add up without overflow.
            (v.checked_mul(n)?.abs() < FIT).then_some(v)
        })
        .collect()
}

/// 0/1 knapsack over the suffixes of the ranked list: `best[w]` = the best set of the items
/// from `i` on with cost ≤ w, and one bit per (item, w): whether taking item `i` is at least as
/// good as leaving it. Reading the bits from the first item picks an optimal set with the
/// fewest items and, among those, the earliest ranks (taking an item when taking is as good).
/// Work and bits: items × (W + 1), W = min(capacity, total cost).
fn knapsack<V: Value>(scores: &[V], costs: &[usize], width: usize, zero: V) -> Vec<usize> {
    let n = scores.len();
    let mut best: Vec<(V, u32)> = vec![(zero, 0); width + 1];
    let mut take = vec![0u64; (n * (width + 1)).div_ceil(64)];
    for i in (0..n).rev() {
        let c = costs[i];
        if c > width {
            continue;
        }
        for w in (c..=width).rev() {
            let (s, k) = best[w - c];
            let cand = (s.add(scores[i]), k + 1);
            let cur = best[w];
            if cand.0.at_least(cand.1, cur.0, cur.1) {
                best[w] = cand;
                let bit = i * (width + 1) + w;
                take[bit / 64] |= 1 << (bit % 64);
            }
        }
    }
    let mut w = width;
    let mut chosen = Vec::new();
    for (i, &c) in costs.iter().enumerate() {
        let bit = i * (width + 1) + w;
        if c <= w && take[bit / 64] & (1 << (bit % 64)) != 0 {
            chosen.push(i);
            w -= c;
        }
    }
    chosen
}

fn optimal(rows: &[Row], cost: &dyn Fn(&Id) -> u32, capacity: u32) -> Vec<Id> {
    let costs: Vec<usize> = rows.iter().map(|r| cost(&r.item) as usize).collect();
    let total: usize = costs.iter().filter(|c| **c <= capacity as usize).sum();
    let width = (capacity as usize).min(total);
    let chosen = match common_scale(rows) {
        Some(scores) => knapsack(&scores, &costs, width, 0i128),
        None => {
            let scores: Vec<Ratio> = rows.iter().map(|r| r.score).collect();
            knapsack(&scores, &costs, width, Ratio::ZERO)
        }
    };
    chosen.into_iter().map(|p| rows[p].item.clone()).collect()
}

/// One method's top of the list in a comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Compared {
    /// The method.
    pub method: Method,
    /// Its top `n` items in order.
    pub top: Vec<Id>,
    /// Whether the set of top items differs from the round's own method.
    pub differs: bool,
}

/// The methods that can be run on the same answers as `method`.
#[must_use]
pub fn comparable(method: &Method) -> Vec<Method> {
    match method {
        Method::Ranking { top_k, at_most, .. } => [
            RankScoring::Borda,
            RankScoring::Schulze,
            RankScoring::Copeland,
            RankScoring::FixedK,
        ]
        .into_iter()
        .map(|scoring| Method::Ranking {
            top_k: *top_k,
            scoring,
            at_most: *at_most,
        })
        .collect(),
        // Dots or points read as approvals: "how many gave it anything".
        Method::Dots { .. } | Method::Points { .. } => vec![method.clone(), Method::Approval],
        other => vec![other.clone()],
    }
}

/// Runs every comparable method and reports whether the top `n` changes.
#[must_use]
pub fn compare(
    method: &Method,
    items: &BTreeSet<Id>,
    answers: &[&Answer],
    seed: &str,
    n: usize,
) -> Vec<Compared> {
    let own: BTreeSet<Id> = tally(method, items, answers, seed)
        .rows
        .iter()
        .take(n)
        .map(|r| r.item.clone())
        .collect();
    let as_approvals: Vec<Answer> = answers
        .iter()
        .map(|a| match a {
            Answer::Allocation(m) => Answer::Allocation(
                m.iter()
                    .filter(|(_, v)| **v > 0)
                    .map(|(k, _)| (k.clone(), 1))
                    .collect(),
            ),
            other => (*other).clone(),
        })
        .collect();
    comparable(method)
        .into_iter()
        .map(|m| {
            let t = if m == Method::Approval && *method != Method::Approval {
                let refs: Vec<&Answer> = as_approvals.iter().collect();
                tally(&m, items, &refs, seed)
            } else {
                tally(&m, items, answers, seed)
            };
            let top: Vec<Id> = t.rows.iter().take(n).map(|r| r.item.clone()).collect();
            let differs = top.iter().cloned().collect::<BTreeSet<_>>() != own;
            Compared {
                method: m,
                top,
                differs,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vote::Row;

    fn row(n: u8, score: i64) -> Row {
        Row {
            item: Id::from_random_bytes([n; 16]),
            score: Ratio::int(score),
            secondary: Ratio::ZERO,
            rank: usize::from(n),
            tied: false,
            supporters: 0,
            stats: None,
            impact_effort: None,
        }
    }

    #[test]
    fn the_three_capacity_rules_by_hand() {
        // Ranked: A 10 (cost 6), B 9 (cost 5), C 8 (cost 5), D 1 (cost 1); capacity 10.
        // Top-2: A, B (cost 11 > 10 → warning).
        // Greedy: A (6, 4 left), B misfit (5 > 4) skipped, C misfit, D fits → A, D (score 11).
        // Optimal: B + C = 17 (cost 10) beats A + D = 11 and A alone → B, C.
        let rows = vec![row(1, 10), row(2, 9), row(3, 8), row(4, 1)];
        let cost: BTreeMap<Id, u32> = rows
            .iter()
            .zip([6, 5, 5, 1])
            .map(|(r, c)| (r.item.clone(), c))
            .collect();
        let ids: Vec<Id> = rows.iter().map(|r| r.item.clone()).collect();
        let top = select(&rows, &cost, Capacity::TopN { n: 2 }, Some(10));
        assert_eq!(
            (top.items.clone(), top.cost, top.over_capacity),
            (vec![ids[0].clone(), ids[1].clone()], 11, true)
        );
        let greedy = select(&rows, &cost, Capacity::Greedy { capacity: 10 }, None);
        assert_eq!(greedy.items, vec![ids[0].clone(), ids[3].clone()]);
        let opt = select(&rows, &cost, Capacity::Optimal { capacity: 10 }, None);
        assert_eq!(
            (opt.items, opt.cost),
            (vec![ids[1].clone(), ids[2].clone()], 10)
        );
    }

    #[test]
    fn optimal_ties_prefer_fewer_items_then_earlier_ranks() {
        // A 4 (cost 4), B 2 (cost 2), C 2 (cost 2); capacity 4. {A} = 4 and {B, C} = 4 tie on
        // score; {A} has fewer items. The bound is inclusive: cost 4 ≤ 4.
        let rows = vec![row(1, 4), row(2, 2), row(3, 2)];
        let cost: BTreeMap<Id, u32> = rows
            .iter()
            .zip([4, 2, 2])
            .map(|(r, c)| (r.item.clone(), c))
            .collect();
        let opt = select(&rows, &cost, Capacity::Optimal { capacity: 4 }, None);
        assert_eq!(opt.items, vec![rows[0].item.clone()]);
        // B 2 (cost 2) and C 2 (cost 2), capacity 2: equal sets of one → the earlier rank, B.
        let opt = select(&rows[1..], &cost, Capacity::Optimal { capacity: 2 }, None);
        assert_eq!(opt.items, vec![rows[1].item.clone()]);
    }

    #[test]
    fn comparison_shows_when_the_top_changes() {
        // 3 × [A B C], 2 × [B C A]: Borda's top-1 is B, Schulze's and Copeland's is A.
        let ids: Vec<Id> = (1..=3).map(|i| Id::from_random_bytes([i; 16])).collect();
        let (a, b, c) = (&ids[0], &ids[1], &ids[2]);
        let r = |v: [&Id; 3]| Answer::Ranking(v.iter().map(|x| (*x).clone()).collect());
        let v = [
            r([a, b, c]),
            r([a, b, c]),
            r([a, b, c]),
            r([b, c, a]),
            r([b, c, a]),
        ];
        let refs: Vec<&Answer> = v.iter().collect();
        let items: BTreeSet<Id> = ids.iter().cloned().collect();
        let m = Method::Ranking {
            top_k: None,
            scoring: RankScoring::Borda,
            at_most: false,
        };
        let out = compare(&m, &items, &refs, "s", 1);
        let by: Vec<(RankScoring, Id, bool)> = out
            .iter()
            .map(|c| match &c.method {
                Method::Ranking { scoring, .. } => (*scoring, c.top[0].clone(), c.differs),
                _ => unreachable!(),
            })
            .collect();
        assert_eq!(by[0], (RankScoring::Borda, b.clone(), false));
        assert_eq!(by[1], (RankScoring::Schulze, a.clone(), true));
        assert_eq!(by[2], (RankScoring::Copeland, a.clone(), true));
    }

    /// The rule by definition: every subset within the capacity; the highest total score, then
    /// the fewest items, then the earliest ranks (the rank positions compared as lists).
    fn brute_force(scores: &[Ratio], costs: &[u32], capacity: u32) -> Vec<usize> {
        let n = scores.len();
        let mut best: Option<(Ratio, Vec<usize>)> = None;
        for mask in 0u32..(1 << n) {
            let set: Vec<usize> = (0..n).filter(|i| mask & (1 << i) != 0).collect();
            if set.iter().map(|&i| costs[i]).sum::<u32>() > capacity {
                continue;
            }
            let score = set.iter().fold(Ratio::ZERO, |s, &i| s.plus(scores[i]));
            let better = best.as_ref().is_none_or(|(bs, bv)| {
                score
                    .cmp(bs)
                    .then_with(|| bv.len().cmp(&set.len()))
                    .then_with(|| bv.cmp(&set))
                    .is_gt()
            });
            if better {
                best = Some((score, set));
            }
        }
        best.map(|b| b.1).unwrap_or_default()
    }

    #[test]
    fn the_bounded_knapsack_agrees_with_the_definition() {
        // 300 small cases from a fixed linear congruential sequence, with ties on purpose (scores
        // 0..4, some halves so the exact path with a common denominator is used, and a case per
        // 10 with thirds and sevenths), costs 0..5, capacity 0..12.
        let mut x: u64 = 12_345;
        let mut next = |m: u64| {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (x >> 33) % m
        };
        for case in 0..300 {
            let n = 1 + next(9) as usize;
            let den = if case % 10 == 0 {
                [1, 3, 7][next(3) as usize]
            } else {
                1 + next(2) as i128
            };
            let rows: Vec<Row> = (0..n)
                .map(|k| {
                    let mut r = row(u8::try_from(k + 1).unwrap(), 0);
                    r.score = Ratio::new(i128::from(next(5)), den);
                    r
                })
                .collect();
            let costs: Vec<u32> = (0..n).map(|_| u32::try_from(next(6)).unwrap()).collect();
            let capacity = u32::try_from(next(13)).unwrap();
            let cost: BTreeMap<Id, u32> = rows
                .iter()
                .zip(&costs)
                .map(|(r, c)| (r.item.clone(), *c))
                .collect();
            let got = select(&rows, &cost, Capacity::Optimal { capacity }, None).items;
            let scores: Vec<Ratio> = rows.iter().map(|r| r.score).collect();
            let want: Vec<Id> = brute_force(&scores, &costs, capacity)
                .into_iter()
                .map(|i| rows[i].item.clone())
                .collect();
            assert_eq!(
                got, want,
                "case {case}: scores {scores:?} costs {costs:?} capacity {capacity}"
            );
        }
    }

    #[test]
    fn capacity_and_cost_limits_are_checked() {
        use crate::crdt::ProblemKind::{OutOfRange, TooMany};
        assert_eq!(
            check_capacity(&Some(Capacity::Optimal { capacity: 10_000 })),
            None
        );
        assert_eq!(
            check_capacity(&Some(Capacity::Optimal { capacity: 10_001 })),
            Some(OutOfRange {
                min: 0,
                max: 10_000
            })
        );
        assert!(check_capacity(&Some(Capacity::Greedy { capacity: u32::MAX })).is_some());
        assert!(check_capacity(&Some(Capacity::TopN { n: 0 })).is_some());
        assert_eq!(check_capacity(&None), None);
        let one = |c: u32| {
            [(Id::from_random_bytes([1; 16]), c)]
                .into_iter()
                .collect::<BTreeMap<_, _>>()
        };
        assert_eq!(check_costs(&one(10_000)), None);
        assert_eq!(
            check_costs(&one(10_001)),
            Some(OutOfRange {
                min: 0,
                max: 10_000
            })
        );
        let many: BTreeMap<Id, u32> = (0..5_001u32)
            .map(|i| {
                let mut b = [0u8; 16];
                b[..4].copy_from_slice(&i.to_be_bytes());
                (Id::from_random_bytes(b), 1)
            })
            .collect();
        assert_eq!(check_costs(&many), Some(TooMany { max: 5_000 }));
    }
}
