//! The matrix measures of DOMAIN.md §4.3, each a pure function of the [`Grid`], in exact
//! integers (§2: never rank on floats). Every result names the formula it used by a formula
//! id (the constants below), which the analysis stores and the UI explains
//! ([`super::names::explain`]).
//!
//! Unjudged cells count as 0 (OPEN-11, [`super::grid::UNJUDGED_AS_ZERO`]); the coverage is
//! reported beside every result, and the first-order measures also count the judged cells per
//! row and column.
use std::cmp::Ordering;

use serde::Serialize;

use super::grid::Grid;
use crate::lang::Lang;

// ----------------------------------------------------------------------------- formula ids

/// `out_i = Σ_j a_ij`, `in_j = Σ_i a_ij`.
pub const FIRST_ORDER: &str = "out_in_sum_v1";
/// `out⁺_i = Σ_j max(a_ij, 0)`, `out⁻_i = Σ_j min(a_ij, 0)`, `in⁺`, `in⁻` likewise, and the
/// counts of positive and negative cells per row and column.
pub const SIGNED_SPLIT: &str = "signed_split_v1";
/// `net = out − in`, `net⁺ = out⁺ − in⁺`, `net⁻ = out⁻ − in⁻`.
pub const NET_SPLIT: &str = "net_split_v1";
/// Vester: `AS_i = Σ_j |a_ij|`, `PS_j = Σ_i |a_ij|`, `Q = AS / PS` (exact, undefined when
/// PS = 0, OPEN-12), `P = AS · PS`.
pub const VESTER: &str = "vester_q_as_over_ps_v1";
/// Vester classes: "high" = value ≥ the mean over nodes (exactly: `x · n ≥ Σ x`) and > 0.
pub const VESTER_CLASS: &str = "vester_class_ge_mean_v1";
/// `(A²)_ik = Σ_j a_ij · a_jk` for `i ≠ k`; the diagonal (feedback loops) excluded (OPEN-13).
pub const SECOND_ORDER: &str = "A2_offdiag";
/// `((A/3)·A)_ik = (A²)_ik / 3` for `i ≠ k`, so two +3 links chain to +3 (OPEN-13).
pub const SECOND_ORDER_SCALED: &str = "A2_offdiag_scaled_1_3";
/// `combined_i = out_i + Σ_{k≠i} (A²)_ik`.
pub const COMBINED: &str = "combined_out_plus_A2_offdiag_v1";
/// `combined_i = out_i + Σ_{k≠i} (A²)_ik / 3`, kept exact as `(3·out_i + Σ_{k≠i} (A²)_ik) / 3`.
pub const COMBINED_SCALED: &str = "combined_out_plus_A2_offdiag_scaled_1_3_v1";
/// The strongest negative two-step paths `i → j → k` (`i, j, k` distinct) by `a_ij · a_jk`,
/// most negative first, then by `i`, `j`, `k`.
pub const NEGATIVE_PATHS: &str = "two_step_negative_paths_v1";
/// Pairs `i ≠ k` whose first order `a_ik` is ≥ 0 or unjudged while `(A²)_ik < 0`.
pub const HIDDEN_TRADEOFFS: &str = "hidden_tradeoffs_v1";
/// Largest MICMAC power `k`.
pub const MICMAC_MAX_K: u32 = 8;
/// MICMAC on `M = |A|` (OPEN-14): influence = row sums of `M^k`, dependence = column sums;
/// entry `k − 1` is the id for power `k`.
pub const MICMAC: [&str; MICMAC_MAX_K as usize] = [
    "micmac_abs_k1_v1",
    "micmac_abs_k2_v1",
    "micmac_abs_k3_v1",
    "micmac_abs_k4_v1",
    "micmac_abs_k5_v1",
    "micmac_abs_k6_v1",
    "micmac_abs_k7_v1",
    "micmac_abs_k8_v1",
];

fn n_i64(n: usize) -> i64 {
    // n ≤ MAX_GOALS = 169.
    i64::try_from(n).unwrap_or(i64::MAX)
}

// ----------------------------------------------------------------------------- first order

/// The first-order measures of one node (goal). `out_*` are over its row (its influence on the
/// others), `in_*` over its column (the others' influence on it).
///
/// **The signed-net pitfall** (DOMAIN.md §4.3): a node that only *receives* trade-offs has a
/// negative `in_sum` and so a *positive* `net`, and looks like a "systemic multiplier" though it
/// influences nothing. Read `net_pos` and `net_neg` instead (there `net_neg > 0` says "receives
/// more harm than it causes"); the analysis never ranks on `net`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FirstOrder {
    /// `out_i = Σ_j a_ij`.
    pub out_sum: i64,
    /// `in_i = Σ_h a_hi`.
    pub in_sum: i64,
    /// `out⁺_i = Σ_j max(a_ij, 0)`.
    pub out_pos: i64,
    /// `out⁻_i = Σ_j min(a_ij, 0)` (≤ 0).
    pub out_neg: i64,
    /// `in⁺_i = Σ_h max(a_hi, 0)`.
    pub in_pos: i64,
    /// `in⁻_i = Σ_h min(a_hi, 0)` (≤ 0).
    pub in_neg: i64,
    /// Positive cells in the row.
    pub out_pos_count: usize,
    /// Negative cells in the row.
    pub out_neg_count: usize,
    /// Positive cells in the column.
    pub in_pos_count: usize,
    /// Negative cells in the column.
    pub in_neg_count: usize,
    /// Judged cells in the row (of `n − 1`).
    pub out_judged: usize,
    /// Judged cells in the column (of `n − 1`).
    pub in_judged: usize,
    /// `net = out − in`. Misleading alone: see the type's documentation.
    pub net: i64,
    /// `net⁺ = out⁺ − in⁺`.
    pub net_pos: i64,
    /// `net⁻ = out⁻ − in⁻`.
    pub net_neg: i64,
}

/// The first-order measures of every node, indexed like the grid.
#[must_use]
pub fn first_order(grid: &Grid) -> Vec<FirstOrder> {
    let n = grid.n();
    let mut nodes = vec![FirstOrder::default(); n];
    for i in 0..n {
        for j in 0..n {
            let Some(score) = grid.get(i, j) else {
                continue;
            };
            let v = i64::from(score);
            nodes[i].out_judged += 1;
            nodes[j].in_judged += 1;
            match v.cmp(&0) {
                Ordering::Greater => {
                    nodes[i].out_pos += v;
                    nodes[i].out_pos_count += 1;
                    nodes[j].in_pos += v;
                    nodes[j].in_pos_count += 1;
                }
                Ordering::Less => {
                    nodes[i].out_neg += v;
                    nodes[i].out_neg_count += 1;
                    nodes[j].in_neg += v;
                    nodes[j].in_neg_count += 1;
                }
                Ordering::Equal => {}
            }
        }
    }
    for f in &mut nodes {
        f.out_sum = f.out_pos + f.out_neg;
        f.in_sum = f.in_pos + f.in_neg;
        f.net = f.out_sum - f.in_sum;
        f.net_pos = f.out_pos - f.in_pos;
        f.net_neg = f.out_neg - f.in_neg;
    }
    nodes
}

// ----------------------------------------------------------------------------- Vester

/// An exact fraction `numerator / denominator` in lowest terms, `denominator > 0`. Ordered by
/// value (cross-multiplied in `i128`, no rounding).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Fraction {
    /// Numerator.
    pub numerator: i64,
    /// Denominator, > 0.
    pub denominator: i64,
}

const fn gcd(mut a: i64, mut b: i64) -> i64 {
    a = a.abs();
    b = b.abs();
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a
}

impl Fraction {
    /// `numerator / denominator` reduced; `None` when the denominator is 0 (or the value does
    /// not fit, which the analysis's values never reach).
    #[must_use]
    pub fn new(numerator: i64, denominator: i64) -> Option<Self> {
        if denominator == 0 {
            return None;
        }
        let g = gcd(numerator, denominator).max(1);
        let (mut num, mut den) = (numerator / g, denominator / g);
        if den < 0 {
            num = num.checked_neg()?;
            den = den.checked_neg()?;
        }
        Some(Self {
            numerator: num,
            denominator: den,
        })
    }

    /// The value as a float, for display only (never compare these).
    #[must_use]
    pub fn to_f64(self) -> f64 {
        self.numerator as f64 / self.denominator as f64
    }
}

impl Ord for Fraction {
    fn cmp(&self, other: &Self) -> Ordering {
        (i128::from(self.numerator) * i128::from(other.denominator))
            .cmp(&(i128::from(other.numerator) * i128::from(self.denominator)))
    }
}

impl PartialOrd for Fraction {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A node's Vester role, from whether its active and passive sums are "high" (≥ the mean over
/// nodes, and > 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VesterClass {
    /// Both high: kritisk (critical).
    Critical,
    /// Only the active sum high: aktiv (active).
    Active,
    /// Only the passive sum high: reaktiv (reactive).
    Reactive,
    /// Neither high: buffrande (buffering).
    Buffering,
}

impl VesterClass {
    /// Every class, in the order above.
    pub const ALL: [Self; 4] = [
        Self::Critical,
        Self::Active,
        Self::Reactive,
        Self::Buffering,
    ];

    /// The class's name: (Swedish, English).
    #[must_use]
    pub const fn names(self) -> (&'static str, &'static str) {
        match self {
            Self::Critical => ("Kritisk", "Critical"),
            Self::Active => ("Aktiv", "Active"),
            Self::Reactive => ("Reaktiv", "Reactive"),
            Self::Buffering => ("Buffrande", "Buffering"),
        }
    }

    /// The class's name in `lang`.
    #[must_use]
    pub const fn name(self, lang: Lang) -> &'static str {
        let (sv, en) = self.names();
        match lang {
            Lang::Sv => sv,
            Lang::En => en,
        }
    }

    const fn of(active_high: bool, passive_high: bool) -> Self {
        match (active_high, passive_high) {
            (true, true) => Self::Critical,
            (true, false) => Self::Active,
            (false, true) => Self::Reactive,
            (false, false) => Self::Buffering,
        }
    }
}

/// One node's Vester measures. The quotient and the product have their own fields: the
/// open-source Vester app stores `AS·PS` under the name `qValue` (DOMAIN.md §4.3); here Q is
/// always the quotient and P the product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VesterNode {
    /// `AS_i = Σ_j |a_ij|` (aktivsumma).
    pub active_sum: i64,
    /// `PS_i = Σ_h |a_hi|` (passivsumma).
    pub passive_sum: i64,
    /// `Q = AS / PS`, exact; `None` when `PS = 0` (OPEN-12: shown "–", left out of the Q
    /// ranking).
    pub quotient: Option<Fraction>,
    /// `P = AS · PS`.
    pub product: i64,
    /// The node's class.
    pub class: VesterClass,
}

/// The Vester measures of every node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Vester {
    /// [`VESTER`].
    pub formula: &'static str,
    /// [`VESTER_CLASS`].
    pub class_formula: &'static str,
    /// Per node, indexed like the grid.
    pub nodes: Vec<VesterNode>,
    /// `Σ |a_ij|` over all cells (= Σ AS = Σ PS); a class's "high" is `AS_i · n ≥` this.
    pub abs_total: i64,
}

/// The Vester measures. "High" means `value · n ≥ Σ values` (≥ the mean, compared exactly) and
/// `value > 0`: the second condition only matters when every value is 0, where a node that
/// influences nothing would otherwise be "high" and the empty matrix all Critical.
#[must_use]
pub fn vester(grid: &Grid) -> Vester {
    let n = grid.n();
    let mut active = vec![0_i64; n];
    let mut passive = vec![0_i64; n];
    for (cell, v) in grid.values().into_iter().enumerate() {
        let v = v.abs();
        active[cell / n] += v;
        passive[cell % n] += v;
    }
    let abs_total: i64 = active.iter().sum();
    let count = n_i64(n);
    let high = |x: i64| x > 0 && x * count >= abs_total;
    let nodes = active
        .iter()
        .zip(&passive)
        .map(|(&a, &p)| VesterNode {
            active_sum: a,
            passive_sum: p,
            quotient: Fraction::new(a, p),
            product: a * p,
            class: VesterClass::of(high(a), high(p)),
        })
        .collect();
    Vester {
        formula: VESTER,
        class_formula: VESTER_CLASS,
        nodes,
        abs_total,
    }
}

// ----------------------------------------------------------------------------- second order

/// One pair's first and second order, for the per-target lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PairOrders {
    /// The influencing goal `i`.
    pub source: usize,
    /// The influenced goal `k`.
    pub target: usize,
    /// The score `a_ik`, `None` when unjudged.
    pub first_order: Option<i8>,
    /// `(A²)_ik` as an integer sum; the value is this over [`SecondOrder::divisor`].
    pub second_order: i64,
}

/// A two-step path `from → via → to`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Path {
    /// `i`.
    pub from: usize,
    /// `j`.
    pub via: usize,
    /// `k`.
    pub to: usize,
    /// `a_ij`.
    pub first_link: i64,
    /// `a_jk`.
    pub second_link: i64,
    /// `a_ij · a_jk`, unscaled (with the 1/3 scaling its share of `(A/3)·A` is a third of
    /// this).
    pub product: i64,
}

/// A pair whose first-order score hides a second-order trade-off: `a_ik ≥ 0` or unjudged, but
/// `(A²)_ik < 0`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HiddenTradeoff {
    /// `i`.
    pub source: usize,
    /// `k`.
    pub target: usize,
    /// `a_ik`, `None` when unjudged.
    pub first_order: Option<i8>,
    /// `(A²)_ik` as an integer sum (< 0); the value is this over [`SecondOrder::divisor`].
    pub second_order: i64,
    /// The `j` of the most negative path `i → j → k` (the lowest such `j` on a tie).
    pub strongest_via: usize,
    /// That path's `a_ij · a_jk`.
    pub strongest_product: i64,
}

/// Second-order (two-step) influence, `(A²)_ik = Σ_j a_ij · a_jk` over the paths `i → j → k`,
/// the diagonal `(A²)_ii` excluded (OPEN-13). Every value is an exact integer sum; with the 1/3
/// scaling (`(A/3)·A`) the value is the sum over `divisor = 3`.
///
/// A negative × negative path is *positive*: less progress on `j` means less counteraction on
/// `k` (DOMAIN.md §4.3). Such paths are never in [`SecondOrder::negative_paths`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SecondOrder {
    /// [`SECOND_ORDER`] or [`SECOND_ORDER_SCALED`].
    pub formula: &'static str,
    /// [`COMBINED`] or [`COMBINED_SCALED`].
    pub combined_formula: &'static str,
    /// 1, or 3 with the scaling: every sum here is divided by it.
    pub divisor: i64,
    /// The number of goals.
    pub n: usize,
    /// `(A²)_ik` row-major, `n²` entries, 0 on the diagonal (excluded).
    pub sums: Vec<i64>,
    /// `Σ_{k≠i} (A²)_ik` per node (indirect influence on the others).
    pub indirect_out: Vec<i64>,
    /// `Σ_{i≠k} (A²)_ik` per node (indirect influence received).
    pub indirect_in: Vec<i64>,
    /// `divisor · out_i + Σ_{k≠i} (A²)_ik` per node: the combined value times the divisor.
    pub combined: Vec<i64>,
    /// Per target `k`: every source `i ≠ k` whose first or second order on `k` is not 0 (the
    /// rest are 0 both ways), most negative second order first, then by source.
    pub per_target: Vec<Vec<PairOrders>>,
    /// The strongest negative paths (see [`NEGATIVE_PATHS`]), at most the path limit.
    pub negative_paths: Vec<Path>,
    /// How many negative two-step paths there are in all.
    pub negative_path_count: usize,
    /// Hidden trade-offs, most negative second order first, then by source and target; at most
    /// the path limit.
    pub hidden_tradeoffs: Vec<HiddenTradeoff>,
    /// How many hidden trade-offs there are in all.
    pub hidden_tradeoff_count: usize,
}

impl SecondOrder {
    /// `(A²)_ik` as an integer sum (over [`SecondOrder::divisor`]); 0 on the diagonal and
    /// outside the matrix.
    #[must_use]
    pub fn sum(&self, i: usize, k: usize) -> i64 {
        if i < self.n && k < self.n {
            self.sums[i * self.n + k]
        } else {
            0
        }
    }

    /// `(A²)_ik` as an exact fraction (the sum over the divisor).
    #[must_use]
    pub fn value(&self, i: usize, k: usize) -> Option<Fraction> {
        Fraction::new(self.sum(i, k), self.divisor)
    }

    /// Node `i`'s combined value as an exact fraction.
    #[must_use]
    pub fn combined_value(&self, i: usize) -> Option<Fraction> {
        Fraction::new(*self.combined.get(i)?, self.divisor)
    }
}

/// The second-order measures; `first` is [`first_order`] of the same grid, `scale` applies the
/// 1/3 scaling, `limit` caps the path and hidden-trade-off lists.
///
/// Cost: `n` per non-zero cell for `A²` (at most `n³` ≈ 4.8 million multiply-adds at 169 goals,
/// in a loop the compiler vectorises); the paths are counted in `O(n²)` and collected only until
/// the strongest possible ones fill the list.
#[must_use]
pub fn second_order(grid: &Grid, first: &[FirstOrder], scale: bool, limit: usize) -> SecondOrder {
    let n = grid.n();
    let a = grid.values();
    // (A²) row by row: row_i += a_ij · row_j (the term k = j adds a_ij · a_jj = 0).
    let mut sums = vec![0_i64; n * n];
    for (i, row_i) in sums.chunks_exact_mut(n.max(1)).enumerate().take(n) {
        for (j, row_j) in a.chunks_exact(n.max(1)).enumerate() {
            let aij = a[i * n + j];
            if aij != 0 {
                for (s, &ajk) in row_i.iter_mut().zip(row_j) {
                    *s += aij * ajk;
                }
            }
        }
        row_i[i] = 0; // the diagonal (A²)_ii, feedback loops, is excluded (OPEN-13)
    }

    // Negative paths i → j → k (i, j, k distinct): for a_ij > 0 every k ≠ i with a_jk < 0,
    // for a_ij < 0 every k ≠ i with a_jk > 0 — counted from the rows' sign counts.
    let mut pos = vec![0_usize; n];
    let mut neg = vec![0_usize; n];
    for (cell, &v) in a.iter().enumerate() {
        match v.cmp(&0) {
            Ordering::Greater => pos[cell / n] += 1,
            Ordering::Less => neg[cell / n] += 1,
            Ordering::Equal => {}
        }
    }
    let mut negative_path_count = 0;
    for i in 0..n {
        for j in 0..n {
            let (aij, aji) = (a[i * n + j], a[j * n + i]);
            negative_path_count += match aij.cmp(&0) {
                Ordering::Greater => neg[j] - usize::from(aji < 0),
                Ordering::Less => pos[j] - usize::from(aji > 0),
                Ordering::Equal => 0,
            };
        }
    }
    // The strongest `limit` of them, by size −product (at most 9). Each bucket is filled in
    // (i, j, k) order up to `limit`, so concatenating the buckets from 9 down gives the sorted
    // list without sorting millions of paths. Once a bucket is full no path of that size or
    // weaker can make the list (`floor`); once the strongest possible size is full, or every
    // negative path is collected, stop.
    let max_abs = a.iter().map(|v| v.abs()).max().unwrap_or(0);
    let mut buckets: [Vec<Path>; 10] = Default::default();
    let mut floor = if limit == 0 { max_abs * max_abs } else { 0 };
    let mut collected = 0;
    'paths: for i in 0..n {
        for j in 0..n {
            let aij = a[i * n + j];
            if floor >= max_abs * max_abs || collected == negative_path_count {
                break 'paths;
            }
            if aij.abs() * max_abs <= floor {
                continue; // also a_ij = 0
            }
            for k in (0..n).filter(|&k| k != i) {
                let ajk = a[j * n + k];
                let size = -(aij * ajk);
                if size <= floor {
                    continue; // also every product ≥ 0
                }
                let bucket = &mut buckets[size.unsigned_abs() as usize];
                bucket.push(Path {
                    from: i,
                    via: j,
                    to: k,
                    first_link: aij,
                    second_link: ajk,
                    product: -size,
                });
                collected += 1;
                if bucket.len() >= limit {
                    floor = floor.max(size);
                }
            }
        }
    }
    let negative_paths: Vec<Path> = buckets.into_iter().rev().flatten().take(limit).collect();

    let divisor = if scale { 3 } else { 1 };
    let mut indirect_out = vec![0_i64; n];
    let mut indirect_in = vec![0_i64; n];
    for i in 0..n {
        for k in 0..n {
            indirect_out[i] += sums[i * n + k];
            indirect_in[k] += sums[i * n + k];
        }
    }
    let combined = (0..n)
        .map(|i| divisor * first.get(i).map_or(0, |f| f.out_sum) + indirect_out[i])
        .collect();

    let mut per_target = Vec::with_capacity(n);
    let mut hidden = Vec::new();
    for k in 0..n {
        let mut list = Vec::new();
        for i in (0..n).filter(|&i| i != k) {
            let first_order = grid.get(i, k);
            let second = sums[i * n + k];
            if first_order.unwrap_or(0) != 0 || second != 0 {
                list.push(PairOrders {
                    source: i,
                    target: k,
                    first_order,
                    second_order: second,
                });
            }
            if first_order.unwrap_or(0) >= 0 && second < 0 {
                hidden.push((second, i, k, first_order));
            }
        }
        list.sort_by_key(|p| (p.second_order, p.source));
        per_target.push(list);
    }
    let hidden_tradeoff_count = hidden.len();
    hidden.sort_unstable_by_key(|&(second, i, k, _)| (second, i, k));
    let hidden_tradeoffs = hidden
        .into_iter()
        .take(limit)
        .map(|(second, i, k, first_order)| {
            let (strongest_product, strongest_via) = (0..n)
                .filter(|&j| j != i && j != k)
                .map(|j| (a[i * n + j] * a[j * n + k], j))
                .min()
                .unwrap_or((0, 0));
            HiddenTradeoff {
                source: i,
                target: k,
                first_order,
                second_order: second,
                strongest_via,
                strongest_product,
            }
        })
        .collect();

    SecondOrder {
        formula: if scale {
            SECOND_ORDER_SCALED
        } else {
            SECOND_ORDER
        },
        combined_formula: if scale { COMBINED_SCALED } else { COMBINED },
        divisor,
        n,
        sums,
        indirect_out,
        indirect_in,
        combined,
        per_target,
        negative_paths,
        negative_path_count,
        hidden_tradeoffs,
        hidden_tradeoff_count,
    }
}

// ----------------------------------------------------------------------------- MICMAC

/// MICMAC on `M = |A|` (OPEN-14): influence = row sums of `M^k`, dependence = column sums.
///
/// Exact in `u128`: a row sum of `M` is at most 3 · 168 = 504, so a row sum of `M^k` is at most
/// `504^k` and the total at most `169 · 504^8 < 2^80` — far inside `u128` (the sums saturate
/// rather than wrap, which these bounds never reach). The shares are for display only; rank by
/// the integers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Micmac {
    /// `MICMAC[k − 1]`.
    pub formula: &'static str,
    /// The power.
    pub k: u32,
    /// Row sums of `M^k`, per node.
    pub influence: Vec<u128>,
    /// Column sums of `M^k`, per node.
    pub dependence: Vec<u128>,
    /// The sum of all entries of `M^k` (= Σ influence = Σ dependence).
    pub total: u128,
    /// `influence / total` (0 when the total is 0), for display.
    pub influence_share: Vec<f64>,
    /// `dependence / total` (0 when the total is 0), for display.
    pub dependence_share: Vec<f64>,
}

/// MICMAC of the grid at power `k`, clamped to `1..=`[`MICMAC_MAX_K`]. Computed as `k`
/// matrix–vector products (`M^k · 1` and `1ᵀ · M^k`), `O(k n²)`, never forming `M^k`.
#[must_use]
pub fn micmac(grid: &Grid, k: u32) -> Micmac {
    let k = k.clamp(1, MICMAC_MAX_K);
    let n = grid.n();
    let m: Vec<u128> = grid
        .values()
        .into_iter()
        .map(|v| u128::from(v.unsigned_abs()))
        .collect();
    let mut influence = vec![1_u128; n];
    let mut dependence = vec![1_u128; n];
    for _ in 0..k {
        influence = (0..n)
            .map(|i| {
                (0..n).fold(0_u128, |s, j| {
                    s.saturating_add(m[i * n + j].saturating_mul(influence[j]))
                })
            })
            .collect();
        dependence = (0..n)
            .map(|j| {
                (0..n).fold(0_u128, |s, i| {
                    s.saturating_add(dependence[i].saturating_mul(m[i * n + j]))
                })
            })
            .collect();
    }
    let total = influence.iter().fold(0_u128, |s, x| s.saturating_add(*x));
    let share = |x: &u128| {
        if total == 0 {
            0.0
        } else {
            *x as f64 / total as f64
        }
    };
    Micmac {
        formula: MICMAC[(k - 1) as usize],
        k,
        influence_share: influence.iter().map(share).collect(),
        dependence_share: dependence.iter().map(share).collect(),
        influence,
        dependence,
        total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(rows: &[&[i8]]) -> Grid {
        // 9 on the diagonal stands for "none" to keep the matrices readable.
        let rows: Vec<Vec<Option<i8>>> = rows
            .iter()
            .map(|r| r.iter().map(|&v| (v != 9).then_some(v)).collect())
            .collect();
        Grid::from_rows(&rows).unwrap()
    }

    /// The 3 × 3 matrix (rows = from, columns = to; `·` = diagonal):
    ///
    /// ```text
    ///        A   B   C
    ///   A    ·  +2  −3
    ///   B   +1   ·  −1
    ///   C    0  +3   ·
    /// ```
    fn abc() -> Grid {
        grid(&[&[9, 2, -3], &[1, 9, -1], &[0, 3, 9]])
    }

    #[test]
    fn out_in_and_the_signed_split_by_hand() {
        let f = first_order(&abc());
        // Rows: out_A = 2 − 3 = −1, out_B = 1 − 1 = 0, out_C = 0 + 3 = 3.
        // Columns: in_A = 1 + 0 = 1, in_B = 2 + 3 = 5, in_C = −3 − 1 = −4.
        assert_eq!(f.iter().map(|x| x.out_sum).collect::<Vec<_>>(), [-1, 0, 3]);
        assert_eq!(f.iter().map(|x| x.in_sum).collect::<Vec<_>>(), [1, 5, -4]);
        // A: out⁺ = 2, out⁻ = −3, one positive and one negative cell in the row;
        //    in⁺ = 1 (from B), in⁻ = 0; column A: +1 (B), 0 (C) → one positive, one zero.
        let a = &f[0];
        assert_eq!((a.out_pos, a.out_neg, a.in_pos, a.in_neg), (2, -3, 1, 0));
        assert_eq!(
            (
                a.out_pos_count,
                a.out_neg_count,
                a.in_pos_count,
                a.in_neg_count
            ),
            (1, 1, 1, 0)
        );
        assert_eq!((a.out_judged, a.in_judged), (2, 2));
        // C: row 0, +3 → out⁺ 3, out⁻ 0; column −3, −1 → in⁺ 0, in⁻ −4, two negative cells.
        let c = &f[2];
        assert_eq!((c.out_pos, c.out_neg, c.in_pos, c.in_neg), (3, 0, 0, -4));
        assert_eq!((c.in_pos_count, c.in_neg_count), (0, 2));
        // net = out − in: A −1 − 1 = −2, B 0 − 5 = −5, C 3 − (−4) = 7.
        assert_eq!(f.iter().map(|x| x.net).collect::<Vec<_>>(), [-2, -5, 7]);
        // net⁺ = out⁺ − in⁺: A 2 − 1 = 1, B 1 − 5 = −4, C 3 − 0 = 3.
        // net⁻ = out⁻ − in⁻: A −3 − 0 = −3, B −1 − 0 = −1, C 0 − (−4) = 4.
        assert_eq!(f.iter().map(|x| x.net_pos).collect::<Vec<_>>(), [1, -4, 3]);
        assert_eq!(f.iter().map(|x| x.net_neg).collect::<Vec<_>>(), [-3, -1, 4]);
        // Σ out = Σ in = Σ of all cells = 2 − 3 + 1 − 1 + 0 + 3 = 2.
        assert_eq!(f.iter().map(|x| x.out_sum).sum::<i64>(), 2);
        assert_eq!(f.iter().map(|x| x.in_sum).sum::<i64>(), 2);
    }

    #[test]
    fn a_node_that_only_receives_trade_offs_has_a_positive_net() {
        // C influences nothing (row all 0) and is harmed by A and B:
        //        A   B   C
        //   A    ·  +1  −2
        //   B   +1   ·  −3
        //   C    0   0   ·
        let f = first_order(&grid(&[&[9, 1, -2], &[1, 9, -3], &[0, 0, 9]]));
        let c = &f[2];
        // out_C = 0, in_C = −2 − 3 = −5 ⇒ net_C = 0 − (−5) = +5: the largest net of all
        // (net_A = −1 − 1 = −2, net_B = −2 − 1 = −3), so on signed net C looks like the
        // "systemic multiplier" though it influences nothing.
        assert_eq!((c.out_sum, c.in_sum, c.net), (0, -5, 5));
        assert_eq!(f.iter().map(|x| x.net).collect::<Vec<_>>(), [-2, -3, 5]);
        // The split tells the truth: net⁺ = 0 − 0 = 0 (it spreads no synergies) and
        // net⁻ = 0 − (−5) = +5 > 0 (it receives more harm than it causes).
        assert_eq!((c.net_pos, c.net_neg), (0, 5));
        assert_eq!((c.out_pos_count, c.out_neg_count), (0, 0));
        assert_eq!(c.in_neg_count, 2);
    }

    #[test]
    fn vester_sums_quotient_product_and_classes_by_hand() {
        // |abc|:
        //        A  B  C   AS
        //   A    ·  2  3    5
        //   B    1  ·  1    2
        //   C    0  3  ·    3
        //   PS   1  5  4   Σ = 10, mean = 10/3 (n = 3)
        let v = vester(&abc());
        assert_eq!(v.abs_total, 10);
        let as_ps: Vec<_> = v
            .nodes
            .iter()
            .map(|x| (x.active_sum, x.passive_sum))
            .collect();
        assert_eq!(as_ps, [(5, 1), (2, 5), (3, 4)]);
        // Q = AS/PS: A 5/1, B 2/5, C 3/4. P = AS·PS: A 5, B 10, C 12.
        let q: Vec<_> = v.nodes.iter().map(|x| x.quotient).collect();
        assert_eq!(
            q,
            [
                Fraction::new(5, 1),
                Fraction::new(2, 5),
                Fraction::new(3, 4)
            ]
        );
        assert_eq!(q[1].map(|f| (f.numerator, f.denominator)), Some((2, 5)));
        assert_eq!(
            v.nodes.iter().map(|x| x.product).collect::<Vec<_>>(),
            [5, 10, 12]
        );
        // High = x·3 ≥ 10: AS A 15 ✓, B 6 ✗, C 9 ✗; PS A 3 ✗, B 15 ✓, C 12 ✓.
        // A active only → Active; B passive only → Reactive; C passive only → Reactive.
        assert_eq!(
            v.nodes.iter().map(|x| x.class).collect::<Vec<_>>(),
            [
                VesterClass::Active,
                VesterClass::Reactive,
                VesterClass::Reactive
            ]
        );
    }

    #[test]
    fn vester_all_four_classes_and_the_mean_compared_exactly() {
        // |A|:
        //        A  B  C  D   AS
        //   A    ·  3  3  0    6
        //   B    3  ·  0  0    3
        //   C    0  0  ·  1    1
        //   D    2  0  0  ·    2
        //   PS   5  3  3  1   Σ = 12, mean = 3 exactly (n = 4): high = x·4 ≥ 12, x ≥ 3.
        // A: AS 6 ✓, PS 5 ✓ → Critical. B: AS 3 ✓ (= mean counts as high), PS 3 ✓ → Critical.
        // C: AS 1 ✗, PS 3 ✓ → Reactive. D: AS 2 ✗, PS 1 ✗ → Buffering.
        let v = vester(&grid(&[
            &[9, 3, -3, 0],
            &[3, 9, 0, 0],
            &[0, 0, 9, -1],
            &[2, 0, 0, 9],
        ]));
        assert_eq!(
            v.nodes.iter().map(|x| x.class).collect::<Vec<_>>(),
            [
                VesterClass::Critical,
                VesterClass::Critical,
                VesterClass::Reactive,
                VesterClass::Buffering
            ]
        );
        // An Active one: make A influence more and receive less.
        //        A  B  C   AS
        //   A    ·  3  3    6
        //   B    0  ·  1    1
        //   C    1  1  ·    2     Σ = 9, high = x·3 ≥ 9, x ≥ 3.
        //   PS   1  4  4
        // A: AS 6 ✓, PS 1 ✗ → Active.
        let v = vester(&grid(&[&[9, 3, 3], &[0, 9, 1], &[1, 1, 9]]));
        assert_eq!(v.nodes[0].class, VesterClass::Active);
    }

    #[test]
    fn vester_quotient_is_undefined_when_nothing_acts_on_a_node() {
        // Nobody influences A (column A all 0): PS_A = 0 ⇒ Q_A = None ("–").
        //        A  B  C
        //   A    ·  2  1     AS_A = 3, PS_A = 0, P_A = 0
        //   B    0  ·  1
        //   C    0  0  ·
        let v = vester(&grid(&[&[9, 2, 1], &[0, 9, 1], &[0, 0, 9]]));
        assert_eq!(v.nodes[0].active_sum, 3);
        assert_eq!(v.nodes[0].passive_sum, 0);
        assert_eq!(v.nodes[0].quotient, None);
        assert_eq!(v.nodes[0].product, 0);
        // C: AS 0, PS 2 → Q = 0/2 = 0, defined.
        assert_eq!(v.nodes[2].quotient, Fraction::new(0, 1));
        // The empty matrix: every value 0, nothing "high", all Buffering, no Q.
        let v = vester(&Grid::new(3).unwrap());
        assert!(v.nodes.iter().all(|x| x.class == VesterClass::Buffering));
        assert!(v.nodes.iter().all(|x| x.quotient.is_none()));
    }

    #[test]
    fn fractions_are_reduced_and_ordered_exactly() {
        let f = Fraction::new(6, -4).unwrap();
        assert_eq!((f.numerator, f.denominator), (-3, 2));
        assert_eq!(Fraction::new(1, 0), None);
        assert!(Fraction::new(2, 3) < Fraction::new(3, 4));
        assert_eq!(
            Fraction::new(2, 4)
                .unwrap()
                .cmp(&Fraction::new(1, 2).unwrap()),
            Ordering::Equal
        );
        assert!((Fraction::new(1, 4).unwrap().to_f64() - 0.25).abs() < 1e-12);
    }

    #[test]
    fn a_trade_off_hidden_in_the_first_order_view() {
        // A → B +3, B → C −3, A → C 0 (judged "no interaction"):
        //        A   B   C
        //   A    ·  +3   0
        //   B    0   ·  −3
        //   C    0   0   ·
        // (A²)_AC = a_AB·a_BC = 3·(−3) = −9; every other off-diagonal (A²) entry is 0
        // ((A²)_AB = a_AC·a_CB = 0, (A²)_BA = a_BC·a_CA = 0, …).
        let g = grid(&[&[9, 3, 0], &[0, 9, -3], &[0, 0, 9]]);
        let s = second_order(&g, &first_order(&g), false, 20);
        assert_eq!(s.formula, SECOND_ORDER);
        assert_eq!(s.sum(0, 2), -9);
        assert_eq!(s.sums.iter().filter(|&&x| x != 0).count(), 1);
        // "A → B → C: −9".
        assert_eq!(
            s.negative_paths,
            [Path {
                from: 0,
                via: 1,
                to: 2,
                first_link: 3,
                second_link: -3,
                product: -9
            }]
        );
        assert_eq!(s.negative_path_count, 1);
        // The first order says 0, the second −9: hidden.
        assert_eq!(
            s.hidden_tradeoffs,
            [HiddenTradeoff {
                source: 0,
                target: 2,
                first_order: Some(0),
                second_order: -9,
                strongest_via: 1,
                strongest_product: -9
            }]
        );
        assert_eq!(s.hidden_tradeoff_count, 1);
        // Per target C: sources A (first 0, second −9) and B (first −3, second 0).
        assert_eq!(
            s.per_target[2],
            [
                PairOrders {
                    source: 0,
                    target: 2,
                    first_order: Some(0),
                    second_order: -9
                },
                PairOrders {
                    source: 1,
                    target: 2,
                    first_order: Some(-3),
                    second_order: 0
                }
            ]
        );
        // Combined: out = (3, −3, 0), Σ_{k≠i}(A²)_ik = (−9, 0, 0) ⇒ (−6, −3, 0).
        assert_eq!(s.combined, [-6, -3, 0]);
        assert_eq!(s.indirect_in, [0, 0, -9]);
        // Unjudged A → C hides it the same way.
        let mut g2 = g.clone();
        g2.set(0, 2, None).unwrap();
        let s2 = second_order(&g2, &first_order(&g2), false, 20);
        assert_eq!(s2.hidden_tradeoffs[0].first_order, None);
    }

    #[test]
    fn a_negative_times_negative_path_is_positive() {
        // A → B −2, B → C −3: (A²)_AC = (−2)·(−3) = +6. Less progress on B (A hinders it)
        // means less counteraction on C, so the indirect effect of A on C is positive.
        //        A   B   C
        //   A    ·  −2   0
        //   B    0   ·  −3
        //   C    0   0   ·
        let g = grid(&[&[9, -2, 0], &[0, 9, -3], &[0, 0, 9]]);
        let s = second_order(&g, &first_order(&g), false, 20);
        assert_eq!(s.sum(0, 2), 6);
        assert!(s.negative_paths.is_empty());
        assert_eq!(s.negative_path_count, 0);
        assert!(s.hidden_tradeoffs.is_empty());
    }

    #[test]
    fn second_order_excludes_the_diagonal_and_scales_exactly() {
        // The abc matrix:
        //        A   B   C
        //   A    ·  +2  −3
        //   B   +1   ·  −1
        //   C    0  +3   ·
        // (A²)_ik = Σ_{j ∉ {i,k}} a_ij·a_jk (for 3 goals one middle j each):
        //   AB = a_AC·a_CB = −3·3 = −9      AC = a_AB·a_BC = 2·(−1) = −2
        //   BA = a_BC·a_CA = −1·0 = 0        BC = a_BA·a_AC = 1·(−3) = −3
        //   CA = a_CB·a_BA = 3·1 = 3         CB = a_CA·a_AB = 0·2 = 0
        // Diagonal (excluded): AA = a_AB·a_BA + a_AC·a_CA = 2 + 0 = 2, not counted.
        let g = abc();
        let f = first_order(&g);
        let s = second_order(&g, &f, false, 20);
        assert_eq!(s.sums, [0, -9, -2, 0, 0, -3, 3, 0, 0]);
        // Σ_{k≠i}: A −11, B −3, C 3. Combined = out + that: A −1 − 11 = −12, B 0 − 3 = −3,
        // C 3 + 3 = 6.
        assert_eq!(s.indirect_out, [-11, -3, 3]);
        assert_eq!(s.combined, [-12, -3, 6]);
        // Negative paths, most negative first: A→C→B −9, B→A→C −3, A→B→C −2.
        let paths: Vec<_> = s
            .negative_paths
            .iter()
            .map(|p| (p.from, p.via, p.to, p.product))
            .collect();
        assert_eq!(paths, [(0, 2, 1, -9), (1, 0, 2, -3), (0, 1, 2, -2)]);
        // A limit of 2 keeps the two strongest; the count stays 3.
        let s2 = second_order(&g, &f, false, 2);
        assert_eq!(s2.negative_paths.len(), 2);
        assert_eq!(s2.negative_path_count, 3);
        // Hidden: first order ≥ 0 and second < 0: AB (+2, −9) only (AC, BC are −3, −1).
        assert_eq!(s.hidden_tradeoff_count, 1);
        assert_eq!(
            (s.hidden_tradeoffs[0].source, s.hidden_tradeoffs[0].target),
            (0, 1)
        );
        // Scaled (A/3)·A: same sums, divisor 3; combined = 3·out + Σ: A −3 − 11 = −14,
        // B 0 − 3 = −3, C 9 + 3 = 12, i.e. −14/3, −1, 4.
        let t = second_order(&g, &f, true, 20);
        assert_eq!((t.formula, t.divisor), (SECOND_ORDER_SCALED, 3));
        assert_eq!(t.combined_formula, COMBINED_SCALED);
        assert_eq!(t.sums, s.sums);
        assert_eq!(t.combined, [-14, -3, 12]);
        assert_eq!(t.combined_value(0), Fraction::new(-14, 3));
        assert_eq!(t.combined_value(1), Fraction::new(-1, 1));
        assert_eq!(t.value(0, 1), Fraction::new(-3, 1));
    }

    fn random_grid(n: usize, seed: u64) -> Grid {
        let mut st = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15).wrapping_add(7);
        let mut next = || {
            st = st
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            st >> 33
        };
        let spread = 1 + next() % 3;
        let rows: Vec<Vec<Option<i8>>> = (0..n)
            .map(|i| {
                (0..n)
                    .map(|j| {
                        let r = next();
                        (i != j && r % 4 != 0).then(|| {
                            i8::try_from((r / 4) % (2 * spread + 1)).unwrap()
                                - i8::try_from(spread).unwrap()
                        })
                    })
                    .collect()
            })
            .collect();
        Grid::from_rows(&rows).unwrap()
    }

    #[test]
    fn second_order_agrees_with_the_definitions_on_random_grids() {
        for seed in 0..200_u64 {
            let n = 2 + usize::try_from(seed % 7).unwrap(); // 2..=8 goals
            let g = random_grid(n, seed);
            let f = first_order(&g);
            // Every path i → j → k with i, j, k distinct, straight from the definition.
            let mut all = Vec::new();
            let mut a2 = vec![0_i64; n * n];
            for i in 0..n {
                for j in (0..n).filter(|&j| j != i) {
                    for k in (0..n).filter(|&k| k != i && k != j) {
                        let p = g.value(i, j) * g.value(j, k);
                        a2[i * n + k] += p;
                        if p < 0 {
                            all.push((p, i, j, k));
                        }
                    }
                }
            }
            all.sort_unstable();
            let mut hidden: Vec<_> = (0..n)
                .flat_map(|i| (0..n).map(move |k| (i, k)))
                .filter(|&(i, k)| i != k && g.value(i, k) >= 0 && a2[i * n + k] < 0)
                .map(|(i, k)| (a2[i * n + k], i, k))
                .collect();
            hidden.sort_unstable();
            for limit in [0, 1, 3, 20] {
                let s = second_order(&g, &f, seed % 2 == 0, limit);
                assert_eq!(s.sums, a2, "seed {seed}");
                assert_eq!(s.negative_path_count, all.len(), "seed {seed}");
                let got: Vec<_> = s
                    .negative_paths
                    .iter()
                    .map(|p| (p.product, p.from, p.via, p.to))
                    .collect();
                let want: Vec<_> = all.iter().copied().take(limit).collect();
                assert_eq!(got, want, "seed {seed}, limit {limit}");
                assert_eq!(s.hidden_tradeoff_count, hidden.len());
                let got: Vec<_> = s
                    .hidden_tradeoffs
                    .iter()
                    .map(|h| (h.second_order, h.source, h.target))
                    .collect();
                let want: Vec<_> = hidden.iter().copied().take(limit).collect();
                assert_eq!(got, want, "seed {seed}, limit {limit}");
                for h in &s.hidden_tradeoffs {
                    let best = (0..n)
                        .filter(|&j| j != h.source && j != h.target)
                        .map(|j| g.value(h.source, j) * g.value(j, h.target))
                        .min();
                    assert_eq!(Some(h.strongest_product), best);
                }
            }
        }
    }

    #[test]
    fn micmac_k2_by_hand() {
        // M = |abc|:
        //        A  B  C
        //   A    0  2  3
        //   B    1  0  1
        //   C    0  3  0
        // M² = M·M:
        //   row A: (0·0+2·1+3·0, 0·2+2·0+3·3, 0·3+2·1+3·0) = (2, 9, 2)   sum 13
        //   row B: (1·0+0·1+1·0, 1·2+0·0+1·3, 1·3+0·1+1·0) = (0, 5, 3)   sum 8
        //   row C: (0·0+3·1+0·0, 0·2+3·0+0·3, 0·3+3·1+0·0) = (3, 0, 3)   sum 6
        // Column sums: A 5, B 14, C 8. Total 27.
        let m = micmac(&abc(), 2);
        assert_eq!(m.formula, "micmac_abs_k2_v1");
        assert_eq!(m.influence, [13, 8, 6]);
        assert_eq!(m.dependence, [5, 14, 8]);
        assert_eq!(m.total, 27);
        assert!((m.influence_share[0] - 13.0 / 27.0).abs() < 1e-12);
        // k = 1 is AS and PS.
        let m1 = micmac(&abc(), 1);
        assert_eq!(m1.influence, [5, 2, 3]);
        assert_eq!(m1.dependence, [1, 5, 4]);
        // k is clamped to 1..=8; the default 4 has its id.
        assert_eq!(micmac(&abc(), 0).k, 1);
        assert_eq!(micmac(&abc(), 99).k, MICMAC_MAX_K);
        assert_eq!(micmac(&abc(), 4).formula, "micmac_abs_k4_v1");
        // The empty matrix: all 0, shares 0 (no NaN).
        let e = micmac(&Grid::new(2).unwrap(), 4);
        assert_eq!(e.total, 0);
        assert_eq!(e.influence_share, [0.0, 0.0]);
    }

    #[test]
    fn micmac_does_not_overflow_at_the_limits() {
        // Every cell ±3 at 169 goals, k = 8: row sums 504^8 each, exact.
        let n = super::super::grid::MAX_GOALS;
        let rows: Vec<Vec<Option<i8>>> = (0..n)
            .map(|i| (0..n).map(|j| (i != j).then_some(-3)).collect())
            .collect();
        let m = micmac(&Grid::from_rows(&rows).unwrap(), 8);
        let row = 504_u128.pow(8);
        assert!(m.influence.iter().all(|&x| x == row));
        assert!(m.dependence.iter().all(|&x| x == row));
        assert_eq!(m.total, row * 169);
    }
}
