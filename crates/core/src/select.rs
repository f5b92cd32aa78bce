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
pub fn select(rows: &[Row], cost: &BTreeMap<Id, u32>, rule: Capacity, capacity_hint: Option<u32>) -> Selection {
    let c = |id: &Id| cost.get(id).copied().unwrap_or(0);
    let items: Vec<Id> = match rule {
        Capacity::TopN { n } => rows.iter().take(n as usize).map(|r| r.item.clone()).collect(),
        Capacity::Greedy { capacity } => {
            let mut left = capacity;
            rows.iter()
                .filter(|r| {
                    let fits = c(&r.item) <= left;
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
    let total = items.iter().map(c).sum();
    let limit = match rule {
        Capacity::TopN { .. } => capacity_hint,
        Capacity::Greedy { capacity } | Capacity::Optimal { capacity } => Some(capacity),
    };
    Selection { over_capacity: limit.is_some_and(|l| total > l), cost: total, items }
}

/// A candidate set during the knapsack: total score, item count, chosen rank positions.
#[derive(Clone)]
struct Best {
    score: Ratio,
    chosen: Vec<usize>,
}

impl Best {
    /// Higher score; then fewer items; then earlier ranks (lexicographically).
    fn better_than(&self, o: &Self) -> bool {
        self.score
            .cmp(&o.score)
            .then_with(|| o.chosen.len().cmp(&self.chosen.len()))
            .then_with(|| o.chosen.cmp(&self.chosen))
            .is_gt()
    }
}

fn optimal(rows: &[Row], cost: &dyn Fn(&Id) -> u32, capacity: u32) -> Vec<Id> {
    let cap = capacity as usize;
    let empty = Best { score: Ratio::ZERO, chosen: Vec::new() };
    // best[w] = best set using the items seen so far with total cost ≤ w.
    let mut best = vec![empty; cap + 1];
    for (pos, row) in rows.iter().enumerate() {
        let w_item = cost(&row.item) as usize;
        if w_item > cap {
            continue;
        }
        for w in (w_item..=cap).rev() {
            let mut candidate = best[w - w_item].clone();
            candidate.score = candidate.score.plus(row.score);
            candidate.chosen.push(pos);
            if candidate.better_than(&best[w]) {
                best[w] = candidate;
            }
        }
    }
    best[cap].chosen.iter().map(|&p| rows[p].item.clone()).collect()
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
        Method::Ranking { top_k, .. } => [RankScoring::Borda, RankScoring::Schulze, RankScoring::Copeland, RankScoring::FixedK]
            .into_iter()
            .map(|scoring| Method::Ranking { top_k: *top_k, scoring })
            .collect(),
        // Dots or points read as approvals: "how many gave it anything".
        Method::Dots { .. } | Method::Points { .. } => vec![method.clone(), Method::Approval],
        other => vec![other.clone()],
    }
}

/// Runs every comparable method and reports whether the top `n` changes.
#[must_use]
pub fn compare(method: &Method, items: &BTreeSet<Id>, answers: &[&Answer], seed: &str, n: usize) -> Vec<Compared> {
    let own: BTreeSet<Id> = tally(method, items, answers, seed).rows.iter().take(n).map(|r| r.item.clone()).collect();
    let as_approvals: Vec<Answer> = answers
        .iter()
        .map(|a| match a {
            Answer::Allocation(m) => Answer::Allocation(m.iter().filter(|(_, v)| **v > 0).map(|(k, _)| (k.clone(), 1)).collect()),
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
            Compared { method: m, top, differs }
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
        let cost: BTreeMap<Id, u32> = rows.iter().zip([6, 5, 5, 1]).map(|(r, c)| (r.item.clone(), c)).collect();
        let ids: Vec<Id> = rows.iter().map(|r| r.item.clone()).collect();
        let top = select(&rows, &cost, Capacity::TopN { n: 2 }, Some(10));
        assert_eq!((top.items.clone(), top.cost, top.over_capacity), (vec![ids[0].clone(), ids[1].clone()], 11, true));
        let greedy = select(&rows, &cost, Capacity::Greedy { capacity: 10 }, None);
        assert_eq!(greedy.items, vec![ids[0].clone(), ids[3].clone()]);
        let opt = select(&rows, &cost, Capacity::Optimal { capacity: 10 }, None);
        assert_eq!((opt.items, opt.cost), (vec![ids[1].clone(), ids[2].clone()], 10));
    }

    #[test]
    fn optimal_ties_prefer_fewer_items_then_earlier_ranks() {
        // A 4 (cost 4), B 2 (cost 2), C 2 (cost 2); capacity 4. {A} = 4 and {B, C} = 4 tie on
        // score; {A} has fewer items. The bound is inclusive: cost 4 ≤ 4.
        let rows = vec![row(1, 4), row(2, 2), row(3, 2)];
        let cost: BTreeMap<Id, u32> = rows.iter().zip([4, 2, 2]).map(|(r, c)| (r.item.clone(), c)).collect();
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
        let v = [r([a, b, c]), r([a, b, c]), r([a, b, c]), r([b, c, a]), r([b, c, a])];
        let refs: Vec<&Answer> = v.iter().collect();
        let items: BTreeSet<Id> = ids.iter().cloned().collect();
        let m = Method::Ranking { top_k: None, scoring: RankScoring::Borda };
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
}
