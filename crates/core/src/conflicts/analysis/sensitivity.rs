//! Rank stability: which rankings change if any one cell moves by ±1 (DOMAIN.md §4.1 step 4).
//!
//! Every off-diagonal cell `(i, j)` is tried at `a_ij − 1` and `a_ij + 1` where that stays in
//! −3..=+3 (an unjudged cell counts as 0, so it is tried at −1 and +1). For each perturbation
//! and each ranking in [`KEYS`] the question is whether the ranking's order changes, and whether
//! its top [`TOP`] (as a set) changes. Nothing is re-sorted:
//!
//! * **out, in, AS, PS** change one node's key: out_i by δ, in_j by δ, AS_i and PS_j by
//!   `|a_ij + δ| − |a_ij|` (−1, 0 or +1; from 0 it is always +1). The node's new place among
//!   the others (whose order is unchanged) is found by binary search, `O(log n)`; the order
//!   changed iff the place moved, the top set iff it crossed the top boundary. The places reached
//!   also give each node's best and worst rank under any single change ([`RankRange`]).
//! * **combined** (`D·out_h + Σ_{k≠h} (A²)_hk`, `D` the divisor) changes for many nodes. With
//!   `(A²)_hk = Σ_m a_hm·a_mk`, changing `a_ij` by `d` touches the terms `m = j` of row `i`
//!   (`d·a_jk` for every `k ≠ i`) and the terms `m = i, k = j` of every row `h` (`a_hi·d`,
//!   except `h = j`, whose `(A²)_jj` is excluded). So
//!   `Δ_i = d·(D + out_j − a_ji)`, `Δ_j = 0`, `Δ_h = d·a_hi` for the other `h` — an `O(n)`
//!   delta, non-zero only for `i` and the judged non-zero cells of column `i`. The nodes that
//!   keep their key keep their order, so only the neighbours of a moved node are compared (same
//!   tie-break); when the order broke, the top changed iff a moved node outside it, or the
//!   first unmoved node after it, now goes before the top's worst. `O(moved nodes)`, at most
//!   `n`.
//!
//! At 169 goals that is 2 · 28 392 perturbations, each `O(n)` at most: a few million steps.
//!
//! **MICMAC is left out**: `|A|^k` is not local — one cell changes every node's row and column
//! sums through all paths of length `k`, so the exact answer needs an `O(k n²)` recomputation
//! per perturbation (≈ 6.5 billion steps at 169 goals, k = 4). The Vester quotient ranking is
//! left out too (its key is a ratio of two changing sums); AS and PS are covered.
use serde::Serialize;

use super::grid::{Grid, SCORE_MAX, SCORE_MIN};
use super::measures::{FirstOrder, SecondOrder, Vester};
use super::ranking::{RankKey, Rankings};

/// Every cell ±1, unjudged as 0; order and top-3 changes per ranking; MICMAC excluded.
pub const SENSITIVITY: &str = "single_cell_pm1_v1";
/// The size of the top whose membership is watched.
pub const TOP: usize = 3;
/// Most perturbations listed in [`Sensitivity::cells`].
pub const CELLS_LIMIT: usize = 50;
/// The rankings checked, in this order everywhere in the result.
pub const KEYS: [RankKey; 5] = [
    RankKey::OutSum,
    RankKey::InSum,
    RankKey::ActiveSum,
    RankKey::PassiveSum,
    RankKey::Combined,
];

/// How often one ranking changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RankingSensitivity {
    /// The ranking.
    pub key: RankKey,
    /// Perturbations that change its order.
    pub order_changes: usize,
    /// Perturbations that change its top [`TOP`] as a set (each also changes the order).
    pub top_changes: usize,
}

/// One perturbation that changes at least one ranking's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SensitiveCell {
    /// Row.
    pub i: usize,
    /// Column.
    pub j: usize,
    /// −1 or +1.
    pub delta: i8,
    /// The rankings whose order changes, in [`KEYS`] order.
    pub order_changed: Vec<RankKey>,
    /// The rankings whose top [`TOP`] changes, in [`KEYS`] order.
    pub top_changed: Vec<RankKey>,
}

/// A node's best and worst 1-based rank over the current matrix and every single ±1 change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RankRange {
    /// The best (smallest) rank reached.
    pub best: usize,
    /// The worst (largest) rank reached.
    pub worst: usize,
}

/// A node's rank ranges in the first-order rankings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct NodeRankRanges {
    /// In the out ranking.
    pub out_sum: RankRange,
    /// In the in ranking.
    pub in_sum: RankRange,
    /// In the active-sum ranking.
    pub active_sum: RankRange,
    /// In the passive-sum ranking.
    pub passive_sum: RankRange,
}

/// The rank stability of one analysis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sensitivity {
    /// [`SENSITIVITY`].
    pub formula: &'static str,
    /// [`TOP`].
    pub top: usize,
    /// Perturbations tried (two per cell, one for a cell at −3 or +3).
    pub perturbations: usize,
    /// Perturbations that change at least one ranking's order.
    pub changing: usize,
    /// Per ranking, in [`KEYS`] order.
    pub per_ranking: Vec<RankingSensitivity>,
    /// The perturbations that change the most rankings' orders, then the most tops, then by
    /// `(i, j, delta)`; at most [`CELLS_LIMIT`].
    pub cells: Vec<SensitiveCell>,
    /// Per node, indexed like the grid.
    pub rank_ranges: Vec<NodeRankRanges>,
}

/// A listed perturbation: `(i, j, δ, order-changed keys, top-changed keys)` as key bits.
type Listed = (usize, usize, i8, u8, u8);

/// A ranking in which a perturbation changes one node's key.
struct Single<'a> {
    keys: &'a [i64],
    order: &'a [usize],
    pos: Vec<usize>,
    /// Difference arrays over positions: a range of nodes pushed one place down (up).
    down: Vec<i64>,
    up: Vec<i64>,
    /// 0-based places reached by the node that moved.
    best: Vec<usize>,
    worst: Vec<usize>,
}

impl<'a> Single<'a> {
    fn new(keys: &'a [i64], order: &'a [usize]) -> Self {
        let len = order.len();
        let mut pos = vec![0; len];
        for (p, &x) in order.iter().enumerate() {
            pos[x] = p;
        }
        Self {
            keys,
            order,
            best: pos.clone(),
            worst: pos.clone(),
            pos,
            down: vec![0; len + 1],
            up: vec![0; len + 1],
        }
    }

    /// Node `x`'s key changes by `d`: (order changed, top changed).
    fn shift(&mut self, x: usize, d: i64) -> (bool, bool) {
        let len = self.order.len();
        if d == 0 || len < 2 {
            return (false, false);
        }
        let (keys, order) = (self.keys, self.order);
        let kx = keys[x] + d;
        let p = self.pos[x];
        // The others keep their order; `better` is true on a prefix of it.
        let better = |y: usize| keys[y] > kx || (keys[y] == kx && y < x);
        let (mut lo, mut hi) = (0, len - 1);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if better(order[if mid < p { mid } else { mid + 1 }]) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let q = lo;
        if q == p {
            return (false, false);
        }
        self.best[x] = self.best[x].min(q);
        self.worst[x] = self.worst[x].max(q);
        if q < p {
            // Places q..p move one down.
            self.down[q] += 1;
            self.down[p] -= 1;
        } else {
            // Places p+1..=q move one up.
            self.up[p + 1] += 1;
            self.up[q + 1] -= 1;
        }
        let m = TOP.min(len);
        (true, (p < m) != (q < m))
    }

    /// 1-based rank ranges per node.
    fn ranges(&self) -> Vec<RankRange> {
        let (mut best, mut worst) = (self.best.clone(), self.worst.clone());
        let (mut down, mut up) = (0, 0);
        for (p, &x) in self.order.iter().enumerate() {
            down += self.down[p];
            up += self.up[p];
            if down > 0 {
                worst[x] = worst[x].max(p + 1);
            }
            if up > 0 {
                best[x] = best[x].min(p.saturating_sub(1));
            }
        }
        best.iter()
            .zip(&worst)
            .map(|(&b, &w)| RankRange {
                best: b + 1,
                worst: w + 1,
            })
            .collect()
    }
}

/// Whether `(a, ka)` goes before `(b, kb)`: higher key, then lower index.
const fn before(a: usize, ka: i64, b: usize, kb: i64) -> bool {
    ka > kb || (ka == kb && a < b)
}

/// A ranking in which a perturbation changes many keys at once: the combined one. For the
/// cell in hand, `step[h]` is non-zero only for the nodes in `changed` (listed in `list`), and a
/// perturbation by `d` moves node `h`'s key by `d · step[h]`.
struct Multi<'a> {
    keys: &'a [i64],
    order: &'a [usize],
    pos: Vec<usize>,
    in_top: Vec<bool>,
    step: Vec<i64>,
    changed: Vec<bool>,
    list: Vec<usize>,
    /// Node `i`, the one node whose step may exceed 3.
    special: usize,
}

impl<'a> Multi<'a> {
    fn new(keys: &'a [i64], order: &'a [usize]) -> Self {
        let len = order.len();
        let mut pos = vec![0; len];
        let mut in_top = vec![false; len];
        for (p, &x) in order.iter().enumerate() {
            pos[x] = p;
            in_top[x] = p < TOP;
        }
        Self {
            keys,
            order,
            pos,
            in_top,
            step: vec![0; len],
            changed: vec![false; len],
            list: Vec::with_capacity(len),
            special: 0,
        }
    }

    /// Starts the cells of row `i`: node `i` and the non-zero cells `(h, a_hi)` of column `i`
    /// are the nodes that may move. Node `i`'s step is set per cell ([`Multi::set_step`]).
    fn begin_row(&mut self, i: usize, column: &[(usize, i64)]) {
        for &h in &self.list {
            self.step[h] = 0;
            self.changed[h] = false;
        }
        self.list.clear();
        self.special = i;
        self.changed[i] = true;
        self.list.push(i);
        for &(h, v) in column {
            self.step[h] = v;
            self.changed[h] = true;
            self.list.push(h);
        }
    }

    /// Sets node `h`'s step, returning the old one.
    fn set_step(&mut self, h: usize, step: i64) -> i64 {
        std::mem::replace(&mut self.step[h], step)
    }

    /// (order changed, top changed) when the keys move by `d · step`. `O(changed nodes)`:
    /// the nodes that keep their key keep their order among themselves, so only the pairs next
    /// to a moved node can break, and the best unmoved node outside the top is the first one
    /// after it.
    fn check(&self, d: i64) -> (bool, bool) {
        let key = |h: usize| self.keys[h] + d * self.step[h];
        let order = self.order;
        let len = order.len();
        let broken = self.list.iter().any(|&x| {
            let (p, kx) = (self.pos[x], key(x));
            let above = p > 0 && {
                let y = order[p - 1];
                !before(y, key(y), x, kx)
            };
            let below = p + 1 < len && {
                let y = order[p + 1];
                !before(x, kx, y, key(y))
            };
            above || below
        });
        if !broken {
            return (false, false);
        }
        let m = TOP.min(len);
        if m == len {
            return (true, false); // everyone is in the top
        }
        // The top set changes iff some other node now goes before the top's worst.
        let (mut w, mut kw) = (order[0], key(order[0]));
        for &x in &order[1..m] {
            let kx = key(x);
            if before(w, kw, x, kx) {
                (w, kw) = (x, kx);
            }
        }
        let beats = |y: usize| before(y, key(y), w, kw);
        if !self.in_top[self.special] && beats(self.special) {
            return (true, true);
        }
        // No other key moves by more than 3: scan down from the top while a key is within 3 of
        // the worst — unless there are more such ties than moved nodes.
        let budget = self.list.len();
        for (t, &y) in order[m..].iter().enumerate() {
            if self.keys[y] + i64::from(SCORE_MAX) < kw {
                return (true, false);
            }
            if t >= budget {
                break;
            }
            if beats(y) {
                return (true, true);
            }
        }
        // Many ties: every moved node outside the top, and the best unmoved one.
        let moved_in = self.list.iter().any(|&y| !self.in_top[y] && beats(y));
        let unmoved_in = order[m..]
            .iter()
            .find(|&&y| !self.changed[y])
            .is_some_and(|&y| beats(y));
        (true, moved_in || unmoved_in)
    }
}

/// The rank stability of `grid`'s rankings; the measures are those of the same grid
/// (`second` with the scaling chosen, whose divisor enters the combined key). Measures of
/// another size than the grid give an empty result (no perturbations).
#[must_use]
pub fn sensitivity(
    grid: &Grid,
    first: &[FirstOrder],
    vester: &Vester,
    second: &SecondOrder,
    rankings: &Rankings,
) -> Sensitivity {
    let n = grid.n();
    let sizes = [
        first.len(),
        vester.nodes.len(),
        second.combined.len(),
        rankings.out_sum.order.len(),
        rankings.in_sum.order.len(),
        rankings.active_sum.order.len(),
        rankings.passive_sum.order.len(),
        rankings.combined.order.len(),
    ];
    if sizes.iter().any(|&len| len != n) {
        return Sensitivity {
            formula: SENSITIVITY,
            top: TOP,
            perturbations: 0,
            changing: 0,
            per_ranking: KEYS
                .iter()
                .map(|&key| RankingSensitivity {
                    key,
                    order_changes: 0,
                    top_changes: 0,
                })
                .collect(),
            cells: Vec::new(),
            rank_ranges: Vec::new(),
        };
    }
    let a = grid.values();
    // The non-zero cells of each column, (h, a_hi): the combined key of node h moves by d · a_hi.
    let mut columns: Vec<Vec<(usize, i64)>> = vec![Vec::new(); n];
    for (cell, &v) in a.iter().enumerate() {
        if v != 0 {
            columns[cell % n].push((cell / n, v));
        }
    }
    let out: Vec<i64> = first.iter().map(|f| f.out_sum).collect();
    let inn: Vec<i64> = first.iter().map(|f| f.in_sum).collect();
    let active: Vec<i64> = vester.nodes.iter().map(|v| v.active_sum).collect();
    let passive: Vec<i64> = vester.nodes.iter().map(|v| v.passive_sum).collect();
    let mut singles = [
        Single::new(&out, &rankings.out_sum.order),
        Single::new(&inn, &rankings.in_sum.order),
        Single::new(&active, &rankings.active_sum.order),
        Single::new(&passive, &rankings.passive_sum.order),
    ];
    let mut combined = Multi::new(&second.combined, &rankings.combined.order);
    let divisor = second.divisor;

    let mut perturbations = 0;
    let mut changing = 0;
    let mut order_counts = [0_usize; KEYS.len()];
    let mut top_counts = [0_usize; KEYS.len()];
    // Listed perturbations by (rankings changed, tops changed), each bucket in (i, j, δ)
    // order and capped, so the list needs no sort.
    let width = KEYS.len() + 1;
    let mut buckets: Vec<Vec<Listed>> = vec![Vec::new(); width * width];
    for i in 0..n {
        combined.begin_row(i, &columns[i]);
        for j in (0..n).filter(|&j| j != i) {
            let v = a[i * n + j];
            // Δ_h = d · step_h: D + out_j − a_ji for i, 0 for j, a_hi for the others.
            combined.set_step(i, divisor + out[j] - a[j * n + i]);
            let saved = combined.set_step(j, 0);
            for delta in [-1_i8, 1] {
                let d = i64::from(delta);
                let nv = v + d;
                if nv < i64::from(SCORE_MIN) || nv > i64::from(SCORE_MAX) {
                    continue;
                }
                perturbations += 1;
                let d_abs = nv.abs() - v.abs();
                let results = [
                    singles[0].shift(i, d),
                    singles[1].shift(j, d),
                    singles[2].shift(i, d_abs),
                    singles[3].shift(j, d_abs),
                    combined.check(d),
                ];
                let (mut order_mask, mut top_mask) = (0_u8, 0_u8);
                for (r, (key, (order_changed, top_changed))) in KEYS.iter().zip(results).enumerate()
                {
                    if order_changed {
                        order_counts[r] += 1;
                        order_mask |= key.bit();
                    }
                    if top_changed {
                        top_counts[r] += 1;
                        top_mask |= key.bit();
                    }
                }
                if order_mask != 0 {
                    changing += 1;
                    let rank = (KEYS.len() - order_mask.count_ones() as usize) * width
                        + (KEYS.len() - top_mask.count_ones() as usize);
                    let bucket = &mut buckets[rank];
                    if bucket.len() < CELLS_LIMIT {
                        bucket.push((i, j, delta, order_mask, top_mask));
                    }
                }
            }
            combined.set_step(j, saved);
        }
    }

    let keys_of = |mask: u8| -> Vec<RankKey> {
        KEYS.iter()
            .copied()
            .filter(|k| mask & k.bit() != 0)
            .collect()
    };
    let cells = buckets
        .into_iter()
        .flatten()
        .take(CELLS_LIMIT)
        .map(|(i, j, delta, order_mask, top_mask)| SensitiveCell {
            i,
            j,
            delta,
            order_changed: keys_of(order_mask),
            top_changed: keys_of(top_mask),
        })
        .collect();
    let [o, inr, asr, psr] = singles.map(|s| s.ranges());
    let rank_ranges = (0..n)
        .map(|x| NodeRankRanges {
            out_sum: o[x],
            in_sum: inr[x],
            active_sum: asr[x],
            passive_sum: psr[x],
        })
        .collect();
    Sensitivity {
        formula: SENSITIVITY,
        top: TOP,
        perturbations,
        changing,
        per_ranking: KEYS
            .iter()
            .enumerate()
            .map(|(r, &key)| RankingSensitivity {
                key,
                order_changes: order_counts[r],
                top_changes: top_counts[r],
            })
            .collect(),
        cells,
        rank_ranges,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conflicts::analysis::measures::{first_order, micmac, second_order, vester};
    use crate::conflicts::analysis::ranking::rankings;

    fn run(grid: &Grid, scale: bool) -> Sensitivity {
        let f = first_order(grid);
        let v = vester(grid);
        let s = second_order(grid, &f, scale, 0);
        let r = rankings(&f, &v, &s, &micmac(grid, 1));
        sensitivity(grid, &f, &v, &s, &r)
    }

    fn grid(rows: &[&[i8]]) -> Grid {
        let rows: Vec<Vec<Option<i8>>> = rows
            .iter()
            .map(|r| r.iter().map(|&v| (v != 9).then_some(v)).collect())
            .collect();
        Grid::from_rows(&rows).unwrap()
    }

    #[test]
    fn one_cell_flips_the_out_ranking_and_another_does_not() {
        //        A  B  C   out
        //   A    ·  1  0    1
        //   B    1  ·  1    2
        //   C    0  0  ·    0
        // Out ranking: B (2), A (1), C (0).
        // (A,C) +1: out_A = 2 = out_B, and the tie goes to the lower index A → A, B, C: flips.
        // (C,A) +1: out_C = 1 = out_A, the tie goes to A → B, A, C: unchanged.
        // All 12 perturbations (6 cells, each value 0 or 1, so both ±1 allowed) for out:
        //   (A,B)±1 and (A,C)±1: −1 gives out_A 0 = out_C, A keeps its place; +1 flips → 2.
        //   (B,A)±1 and (B,C)±1: −1 gives out_B 1 = out_A, A goes first: flips; +1 not → 2.
        //   (C,A)±1, (C,B)±1: out_C −1 or 1, never above A → 0.
        // So 4 order changes; with 3 goals the top 3 is everyone and never changes.
        let g = grid(&[&[9, 1, 0], &[1, 9, 1], &[0, 0, 9]]);
        let s = run(&g, false);
        assert_eq!(s.perturbations, 12);
        let out = &s.per_ranking[0];
        assert_eq!(out.key, RankKey::OutSum);
        assert_eq!((out.order_changes, out.top_changes), (4, 0));
        let flips = |i, j, delta| {
            s.cells.iter().any(|c| {
                (c.i, c.j, c.delta) == (i, j, delta) && c.order_changed.contains(&RankKey::OutSum)
            })
        };
        assert!(flips(0, 2, 1));
        assert!(!flips(2, 0, 1));
        // Ranges in the out ranking: A rank 2, reaches 1, never 3 (C can only tie it and loses
        // the tie); B rank 1, pushed to 2; C always 3.
        let r: Vec<_> = s.rank_ranges.iter().map(|x| x.out_sum).collect();
        assert_eq!(
            r,
            [
                RankRange { best: 1, worst: 2 },
                RankRange { best: 1, worst: 2 },
                RankRange { best: 3, worst: 3 }
            ]
        );
    }

    #[test]
    fn a_change_at_zero_always_grows_the_absolute_value() {
        // A 2-goal matrix: a_AB = 0, a_BA unjudged. AS = (0, 0), PS = (0, 0); order A, B.
        // (A,B) −1 and +1 both make |a_AB| = 1: AS_A = 1 keeps A first (no change), PS_B = 1
        // puts B first (a change, twice). (B,A) ±1: AS_B = 1 puts B first (twice); PS_A = 1
        // keeps A first.
        let g = grid(&[&[9, 0], &[9, 9]]);
        let s = run(&g, false);
        assert_eq!(s.perturbations, 4);
        assert_eq!(s.per_ranking[2].order_changes, 2); // active
        assert_eq!(s.per_ranking[3].order_changes, 2); // passive
        // Out: (B,A) +1 puts B first; (A,B) −1 puts B first. In: (A,B) +1 → in_B 1 first;
        // (B,A) −1 → in_A −1, B first.
        assert_eq!(s.per_ranking[0].order_changes, 2);
        assert_eq!(s.per_ranking[1].order_changes, 2);
    }

    #[test]
    fn measures_of_another_grid_give_an_empty_result() {
        let g = grid(&[&[9, 1, 0], &[1, 9, 1], &[0, 0, 9]]);
        let small = Grid::new(2).unwrap();
        let f = first_order(&small);
        let v = vester(&small);
        let s = second_order(&small, &f, false, 0);
        let r = rankings(&f, &v, &s, &micmac(&small, 1));
        let x = sensitivity(&g, &f, &v, &s, &r);
        assert_eq!(
            (x.perturbations, x.cells.len(), x.rank_ranges.len()),
            (0, 0, 0)
        );
        assert_eq!(x.per_ranking.len(), KEYS.len());
    }

    #[test]
    fn cells_at_the_ends_of_the_scale_move_one_way_only() {
        let g = grid(&[&[9, 3], &[-3, 9]]);
        assert_eq!(run(&g, false).perturbations, 2);
        assert_eq!(run(&Grid::new(1).unwrap(), false).perturbations, 0);
        assert_eq!(run(&Grid::new(0).unwrap(), false).rank_ranges, []);
    }

    // ------------------------------------------------------------- brute-force cross-check

    fn lcg(state: &mut u64) -> u64 {
        *state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        *state >> 33
    }

    /// A pseudo-random grid: `n` goals, some cells unjudged, values from a narrow or the full
    /// range so that ties (and so order changes) are common.
    pub(crate) fn random_grid(n: usize, seed: u64) -> Grid {
        let mut st = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15).wrapping_add(1);
        let spread = 1 + lcg(&mut st) % 3; // values in −spread..=spread
        let unjudged = lcg(&mut st) % 4; // in quarters
        let rows: Vec<Vec<Option<i8>>> = (0..n)
            .map(|i| {
                (0..n)
                    .map(|j| {
                        let r = lcg(&mut st);
                        if i == j || r % 4 < unjudged {
                            None
                        } else {
                            let v = (r / 4) % (2 * spread + 1);
                            i8::try_from(v)
                                .ok()
                                .map(|v| v - i8::try_from(spread).unwrap_or(0))
                        }
                    })
                    .collect()
            })
            .collect();
        Grid::from_rows(&rows).unwrap()
    }

    /// The same result by recomputing every ranking from scratch for every perturbation.
    fn brute(grid: &Grid, scale: bool) -> Sensitivity {
        let n = grid.n();
        let rank_all = |g: &Grid| {
            let f = first_order(g);
            let v = vester(g);
            let s = second_order(g, &f, scale, 0);
            rankings(&f, &v, &s, &micmac(g, 1))
        };
        let base = rank_all(grid);
        let top = |o: &[usize]| {
            let mut t: Vec<usize> = o.iter().take(TOP).copied().collect();
            t.sort_unstable();
            t
        };
        let mut perturbations = 0;
        let mut order_counts = [0; 5];
        let mut top_counts = [0; 5];
        let mut all = Vec::new();
        // best / worst 0-based place per ranking (first four) per node.
        let mut places: Vec<Vec<(usize, usize)>> = (0..4)
            .map(|r| {
                (0..n)
                    .map(|x| {
                        let p = base
                            .get(KEYS[r])
                            .order
                            .iter()
                            .position(|&y| y == x)
                            .unwrap();
                        (p, p)
                    })
                    .collect()
            })
            .collect();
        for i in 0..n {
            for j in (0..n).filter(|&j| j != i) {
                for delta in [-1_i8, 1] {
                    let nv = grid.get(i, j).unwrap_or(0) + delta;
                    if !(SCORE_MIN..=SCORE_MAX).contains(&nv) {
                        continue;
                    }
                    perturbations += 1;
                    let mut g = grid.clone();
                    g.set(i, j, Some(nv)).unwrap();
                    let now = rank_all(&g);
                    let mut order_changed = Vec::new();
                    let mut top_changed = Vec::new();
                    for (r, key) in KEYS.iter().enumerate() {
                        let (was, is) = (&base.get(*key).order, &now.get(*key).order);
                        if was != is {
                            order_counts[r] += 1;
                            order_changed.push(*key);
                        }
                        if top(was) != top(is) {
                            top_counts[r] += 1;
                            top_changed.push(*key);
                        }
                        if r < 4 {
                            for (p, &x) in is.iter().enumerate() {
                                let e = &mut places[r][x];
                                *e = (e.0.min(p), e.1.max(p));
                            }
                        }
                    }
                    if !order_changed.is_empty() {
                        all.push(SensitiveCell {
                            i,
                            j,
                            delta,
                            order_changed,
                            top_changed,
                        });
                    }
                }
            }
        }
        let changing = all.len();
        all.sort_by_key(|c| {
            (
                std::cmp::Reverse(c.order_changed.len()),
                std::cmp::Reverse(c.top_changed.len()),
                c.i,
                c.j,
                c.delta,
            )
        });
        all.truncate(CELLS_LIMIT);
        let range = |r: usize, x: usize| RankRange {
            best: places[r][x].0 + 1,
            worst: places[r][x].1 + 1,
        };
        Sensitivity {
            formula: SENSITIVITY,
            top: TOP,
            perturbations,
            changing,
            per_ranking: KEYS
                .iter()
                .enumerate()
                .map(|(r, &key)| RankingSensitivity {
                    key,
                    order_changes: order_counts[r],
                    top_changes: top_counts[r],
                })
                .collect(),
            cells: all,
            rank_ranges: (0..n)
                .map(|x| NodeRankRanges {
                    out_sum: range(0, x),
                    in_sum: range(1, x),
                    active_sum: range(2, x),
                    passive_sum: range(3, x),
                })
                .collect(),
        }
    }

    #[test]
    fn the_fast_check_agrees_with_recomputing_from_scratch() {
        let (mut changed, mut tops, mut combined) = (0, 0, 0);
        for seed in 0..300_u64 {
            let n = 2 + usize::try_from(seed % 6).unwrap(); // 2..=7 goals
            let g = random_grid(n, seed);
            for scale in [false, true] {
                let fast = run(&g, scale);
                assert_eq!(fast, brute(&g, scale), "seed {seed}, scale {scale}");
                changed += fast.changing;
                tops += fast
                    .per_ranking
                    .iter()
                    .map(|r| r.top_changes)
                    .sum::<usize>();
                combined += fast.per_ranking[4].order_changes;
            }
        }
        // The grids do exercise changes (ties are common at small spreads), of the tops and
        // of the combined ranking too.
        assert!(changed > 1_000, "{changed}");
        assert!(tops > 100, "{tops}");
        assert!(combined > 100, "{combined}");
    }
}
