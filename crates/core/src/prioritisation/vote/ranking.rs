//! Rankings: Borda and its variants (fixed k, modified), and the pairwise methods (Schulze,
//! Copeland) with the Condorcet winner and Kendall's W.
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::{Answer, RankScoring, Row, ratio};
use crate::kernel::id::Id;
use crate::prioritisation::ratio::Ratio;

/// Scores the rows of a ranking; returns the Condorcet outcome and Kendall's W.
pub(super) fn count(
    rows: &mut BTreeMap<&Id, Row>,
    items: &BTreeSet<Id>,
    answers: &[&Answer],
    top_k: Option<u32>,
    scoring: RankScoring,
) -> (Option<Condorcet>, Option<Ratio>) {
    let n = items.len();
    let k = top_k.map_or(n, |k| (k as usize).min(n));
    let rankings: Vec<&Vec<Id>> = answers
        .iter()
        .filter_map(|a| {
            if let Answer::Ranking(r) = a {
                Some(r)
            } else {
                None
            }
        })
        .collect();
    for r in &rankings {
        let m = r.len();
        for (pos, id) in r.iter().enumerate() {
            if let Some(row) = rows.get_mut(id) {
                row.supporters += 1;
                let points = match scoring {
                    RankScoring::Borda | RankScoring::Schulze | RankScoring::Copeland => {
                        n - 1 - pos
                    }
                    RankScoring::FixedK => k - pos,
                    RankScoring::ModifiedBorda => m - pos,
                };
                if matches!(
                    scoring,
                    RankScoring::Borda | RankScoring::FixedK | RankScoring::ModifiedBorda
                ) {
                    row.score = row.score.plus(ratio(i64::try_from(points).unwrap_or(0)));
                } else {
                    // Pairwise methods keep Borda points as the secondary key.
                    row.secondary = row
                        .secondary
                        .plus(ratio(i64::try_from(points).unwrap_or(0)));
                }
            }
        }
    }
    let pairwise = Pairwise::new(items, &rankings);
    let condorcet = Some(pairwise.condorcet(rankings.len()));
    match scoring {
        RankScoring::Schulze => {
            for (id, wins) in pairwise.schulze_wins() {
                if let Some(r) = rows.get_mut(id) {
                    r.score = ratio(i64::try_from(wins).unwrap_or(0));
                }
            }
        }
        RankScoring::Copeland => {
            for (id, net) in pairwise.copeland() {
                if let Some(r) = rows.get_mut(id) {
                    r.score = ratio(net);
                }
            }
        }
        _ => {
            for r in rows.values_mut() {
                r.secondary = ratio(i64::try_from(r.supporters).unwrap_or(0));
            }
        }
    }
    (condorcet, kendall(items, &rankings))
}

/// Whether a ranking round has a Condorcet winner, and if not, why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Condorcet {
    /// This item beats every other item pairwise (`d[a,b] > d[b,a]` for all b).
    Winner {
        /// The winner.
        item: Id,
    },
    /// No winner: every item is beaten by some other, so the majorities run in a cycle.
    Cycle,
    /// No winner, but some item is beaten by none: it ties at least one pairwise contest.
    Tie,
    /// No ballots (or no items): nothing to compare.
    NoBallots,
}

impl crate::lang::Localized for Condorcet {
    fn message(&self, lang: crate::lang::Lang) -> String {
        use crate::lang::Lang::{En, Sv};
        match (self, lang) {
            (Self::Winner { item }, _) => item.to_string(),
            (Self::Cycle, Sv) => "ingen: cykel".into(),
            (Self::Cycle, En) => "none: cycle".into(),
            (Self::Tie, Sv) => "ingen: oavgjort parvis möte".into(),
            (Self::Tie, En) => "none: a pairwise tie".into(),
            (Self::NoBallots, Sv) => "ingen: inga röster".into(),
            (Self::NoBallots, En) => "none: no ballots".into(),
        }
    }
}

/// Pairwise preference counts: `d[(a, b)]` = ballots ranking a above b; an unranked item is
/// below every ranked one; two unranked items give no preference.
pub(super) struct Pairwise<'a> {
    pub(super) items: Vec<&'a Id>,
    pub(super) d: Vec<Vec<u64>>,
}

impl<'a> Pairwise<'a> {
    /// `d[a][b] = ranked(a) − above[b][a]`: a ballot prefers a to b when it ranks a and does not
    /// rank b above a (b unranked, or ranked below). So only pairs of *ranked* items are
    /// visited: m(m − 1)/2 steps for a ballot ranking m items, plus n² once.
    pub(super) fn new(items: &'a BTreeSet<Id>, rankings: &[&Vec<Id>]) -> Self {
        let items: Vec<&Id> = items.iter().collect();
        let index: BTreeMap<&Id, usize> =
            items.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        let n = items.len();
        let mut above = vec![vec![0u64; n]; n];
        let mut ranked = vec![0u64; n];
        // mark[i] = 1 + the number of the last ballot that ranked i (skips a repeated item).
        let mut mark = vec![0usize; n];
        let mut order: Vec<usize> = Vec::new();
        for (v, r) in rankings.iter().enumerate() {
            order.clear();
            for id in r.iter() {
                if let Some(&i) = index.get(id)
                    && mark[i] != v + 1
                {
                    mark[i] = v + 1;
                    order.push(i);
                }
            }
            for (p, &a) in order.iter().enumerate() {
                ranked[a] += 1;
                for &b in &order[p + 1..] {
                    above[a][b] += 1;
                }
            }
        }
        let mut d = vec![vec![0u64; n]; n];
        for a in 0..n {
            for b in 0..n {
                if a != b {
                    d[a][b] = ranked[a] - above[b][a];
                }
            }
        }
        Self { items, d }
    }

    /// The Condorcet winner, or why there is none.
    pub(super) fn condorcet(&self, ballots: usize) -> Condorcet {
        let n = self.items.len();
        let beats = |a: usize, b: usize| self.d[a][b] > self.d[b][a];
        if n == 0 || ballots == 0 {
            return Condorcet::NoBallots;
        }
        if let Some(a) = (0..n).find(|&a| (0..n).all(|b| a == b || beats(a, b))) {
            return Condorcet::Winner {
                item: self.items[a].clone(),
            };
        }
        // Every item beaten by another: following "is beaten by" from any item must return to
        // an item already seen, a cycle. Otherwise an unbeaten item ties somebody.
        if (0..n).all(|a| (0..n).any(|b| beats(b, a))) {
            Condorcet::Cycle
        } else {
            Condorcet::Tie
        }
    }

    pub(super) fn copeland(&self) -> Vec<(&'a Id, i64)> {
        let n = self.items.len();
        (0..n)
            .map(|a| {
                let net: i64 = (0..n)
                    .filter(|&b| b != a)
                    .map(|b| match self.d[a][b].cmp(&self.d[b][a]) {
                        Ordering::Greater => 1,
                        Ordering::Less => -1,
                        Ordering::Equal => 0,
                    })
                    .sum();
                (self.items[a], net)
            })
            .collect()
    }

    /// Schulze strongest paths; returns each item's number of beatpath wins.
    #[allow(clippy::needless_range_loop)] // the textbook index form of the algorithm
    pub(super) fn schulze_wins(&self) -> Vec<(&'a Id, usize)> {
        let n = self.items.len();
        let mut p = vec![vec![0u64; n]; n];
        for a in 0..n {
            for b in 0..n {
                if a != b && self.d[a][b] > self.d[b][a] {
                    p[a][b] = self.d[a][b];
                }
            }
        }
        for i in 0..n {
            for j in 0..n {
                if i == j {
                    continue;
                }
                for k in 0..n {
                    if k != i && k != j {
                        p[j][k] = p[j][k].max(p[j][i].min(p[i][k]));
                    }
                }
            }
        }
        (0..n)
            .map(|a| {
                (
                    self.items[a],
                    (0..n).filter(|&b| b != a && p[a][b] > p[b][a]).count(),
                )
            })
            .collect()
    }
}

/// Kendall's W with the tie-corrected denominator; a ballot's unranked items share the
/// average of the remaining ranks. `None` with fewer than two ballots or items.
#[must_use]
pub fn kendall(items: &BTreeSet<Id>, rankings: &[&Vec<Id>]) -> Option<Ratio> {
    let n = items.len();
    let m = rankings.len();
    if n < 2 || m < 2 {
        return None;
    }
    // Ranks are kept doubled (2·rank) so that averages of two ranks stay integers.
    let mut sums: BTreeMap<&Id, i128> = items.iter().map(|id| (id, 0)).collect();
    let mut ties: i128 = 0;
    // What every unranked item of a ballot gets is added to all items at once (`base`) and
    // taken back from the ranked ones: O(m) per ballot ranking m items.
    let mut base: i128 = 0;
    let mut seen: BTreeSet<&Id> = BTreeSet::new();
    for r in rankings {
        seen.clear();
        let ranked: Vec<&Id> = r
            .iter()
            .filter(|id| items.contains(*id) && seen.insert(*id))
            .collect();
        let rest = n - ranked.len();
        // Ranks len+1 ..= n, averaged: (len + 1 + n) / 2, doubled: len + 1 + n.
        let doubled = if rest > 0 {
            i128::try_from(ranked.len() + 1 + n).unwrap_or(0)
        } else {
            0
        };
        base += doubled;
        for (pos, id) in ranked.iter().enumerate() {
            if let Some(s) = sums.get_mut(*id) {
                *s += 2 * (i128::try_from(pos).unwrap_or(0) + 1) - doubled;
            }
        }
        if rest > 0 {
            let t = i128::try_from(rest).unwrap_or(0);
            ties += t * t * t - t;
        }
    }
    for s in sums.values_mut() {
        *s += base;
    }
    let (n, m) = (
        i128::try_from(n).unwrap_or(0),
        i128::try_from(m).unwrap_or(0),
    );
    // Doubled mean rank sum: m(n+1); S uses doubled deviations, so divide by 4.
    let mean2 = m * (n + 1);
    let s4: i128 = sums.values().map(|s| (s - mean2) * (s - mean2)).sum();
    let denominator = m * m * (n * n * n - n) - m * ties;
    (denominator > 0).then(|| Ratio::new(12 * s4, 4 * denominator))
}
