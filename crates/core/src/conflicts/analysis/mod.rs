//! Analysis of a goal-conflict matrix (DOMAIN.md §4.3): first-order strengths and their signed
//! split, Vester's active and passive sums, second-order (two-step) influence, MICMAC, the
//! rankings, and rank sensitivity to a ±1 change of any one cell.
//!
//! Pure functions of a [`Grid`] and [`Options`], independent of the document and its records:
//! the caller builds the grid from the stored (consensus or median) scores, in goal-id order,
//! and maps the node indices of the result back to goal ids. All arithmetic is in exact
//! integers and fractions; the only floats are MICMAC's display shares. Every result carries
//! the formula id it was computed with ([`Formulas`]); [`names::explain`] gives the UI's text.
//!
//! Bounded: a grid has at most [`grid::MAX_GOALS`] goals and the analysis of the largest,
//! second order and sensitivity included, takes well under 100 ms natively in release.
pub mod grid;
pub mod measures;
pub mod names;
pub mod ranking;
pub mod sensitivity;

use serde::{Deserialize, Serialize};

pub use grid::{Grid, GridError, MAX_GOALS};
pub use measures::{
    FirstOrder, Fraction, HiddenTradeoff, Micmac, PairOrders, Path, SecondOrder, Vester,
    VesterClass, VesterNode,
};
pub use names::{Measure, explain};
pub use ranking::{RankKey, Ranking, Rankings};
pub use sensitivity::{RankRange, Sensitivity};

/// Largest [`Options::path_limit`].
pub const MAX_PATH_LIMIT: usize = 1_000;

/// The analysis's choices (DOMAIN.md OPEN-13, OPEN-14), stored with the result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Options {
    /// Scale the second order by 1/3 (`(A/3)·A`, so two +3 links chain to +3). Default off:
    /// the plain `A²` off the diagonal.
    pub scale_second_order: bool,
    /// The MICMAC power `k`, `1..=`[`measures::MICMAC_MAX_K`] (default 4, as networkx).
    pub micmac_k: u32,
    /// Most entries in the negative-path and hidden-trade-off lists, at most
    /// [`MAX_PATH_LIMIT`] (default 20); the totals are always counted.
    pub path_limit: usize,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            scale_second_order: false,
            micmac_k: 4,
            path_limit: 20,
        }
    }
}

impl Options {
    /// The options as used: `micmac_k` clamped to `1..=8`, `path_limit` to [`MAX_PATH_LIMIT`].
    #[must_use]
    pub fn clamped(self) -> Self {
        Self {
            scale_second_order: self.scale_second_order,
            micmac_k: self.micmac_k.clamp(1, measures::MICMAC_MAX_K),
            path_limit: self.path_limit.min(MAX_PATH_LIMIT),
        }
    }
}

/// `k` of `n(n − 1)` cells judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// Judged off-diagonal cells.
    pub judged: usize,
    /// All off-diagonal cells, `n(n − 1)`.
    pub cells: usize,
}

/// The formula ids of one analysis, to store with it (DOMAIN.md §2, "analyses store a formula
/// id").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Formulas {
    /// How unjudged cells enter the sums ([`grid::UNJUDGED_AS_ZERO`]).
    pub unjudged: &'static str,
    /// [`measures::FIRST_ORDER`].
    pub first_order: &'static str,
    /// [`measures::SIGNED_SPLIT`].
    pub signed_split: &'static str,
    /// [`measures::NET_SPLIT`].
    pub net: &'static str,
    /// [`measures::VESTER`].
    pub vester: &'static str,
    /// [`measures::VESTER_CLASS`].
    pub vester_class: &'static str,
    /// [`measures::SECOND_ORDER`] or [`measures::SECOND_ORDER_SCALED`].
    pub second_order: &'static str,
    /// [`measures::COMBINED`] or [`measures::COMBINED_SCALED`].
    pub combined: &'static str,
    /// [`measures::NEGATIVE_PATHS`].
    pub negative_paths: &'static str,
    /// [`measures::HIDDEN_TRADEOFFS`].
    pub hidden_tradeoffs: &'static str,
    /// One of [`measures::MICMAC`].
    pub micmac: &'static str,
    /// [`ranking::RANKING`].
    pub ranking: &'static str,
    /// [`sensitivity::SENSITIVITY`].
    pub sensitivity: &'static str,
}

impl Formulas {
    /// Every id, in the order the fields are declared (what the UI lists and explains).
    #[must_use]
    pub const fn all(&self) -> [&'static str; 13] {
        [
            self.unjudged,
            self.first_order,
            self.signed_split,
            self.net,
            self.vester,
            self.vester_class,
            self.second_order,
            self.combined,
            self.negative_paths,
            self.hidden_tradeoffs,
            self.micmac,
            self.ranking,
            self.sensitivity,
        ]
    }
}

/// Everything the analysis computes for one grid. Per-node vectors are indexed like the grid.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    /// The number of goals.
    pub n: usize,
    /// How much of the matrix is judged (shown with every result, OPEN-11).
    pub coverage: Coverage,
    /// The options used ([`Options::clamped`]).
    pub options: Options,
    /// The formula ids.
    pub formulas: Formulas,
    /// Out/in strengths, their signed split, counts and nets, per node.
    pub first_order: Vec<FirstOrder>,
    /// Vester sums, quotient, product and class, per node.
    pub vester: Vester,
    /// `A²` off the diagonal, combined influence, per-target lists, negative paths, hidden
    /// trade-offs.
    pub second_order: SecondOrder,
    /// MICMAC influence and dependence.
    pub micmac: Micmac,
    /// Every ranking.
    pub rankings: Rankings,
    /// Rank stability under a ±1 change of any one cell.
    pub sensitivity: Sensitivity,
}

/// Analyses `grid` with `options` (clamped, see [`Options::clamped`]).
#[must_use]
pub fn analyse(grid: &Grid, options: &Options) -> Analysis {
    let options = options.clamped();
    let (judged, cells) = grid.coverage();
    let first = measures::first_order(grid);
    let vester = measures::vester(grid);
    let second =
        measures::second_order(grid, &first, options.scale_second_order, options.path_limit);
    let micmac = measures::micmac(grid, options.micmac_k);
    let rankings = ranking::rankings(&first, &vester, &second, &micmac);
    let sensitivity = sensitivity::sensitivity(grid, &first, &vester, &second, &rankings);
    Analysis {
        n: grid.n(),
        coverage: Coverage { judged, cells },
        options,
        formulas: Formulas {
            unjudged: grid::UNJUDGED_AS_ZERO,
            first_order: measures::FIRST_ORDER,
            signed_split: measures::SIGNED_SPLIT,
            net: measures::NET_SPLIT,
            vester: vester.formula,
            vester_class: vester.class_formula,
            second_order: second.formula,
            combined: second.combined_formula,
            negative_paths: measures::NEGATIVE_PATHS,
            hidden_tradeoffs: measures::HIDDEN_TRADEOFFS,
            micmac: micmac.formula,
            ranking: rankings.formula,
            sensitivity: sensitivity.formula,
        },
        first_order: first,
        vester,
        second_order: second,
        micmac,
        rankings,
        sensitivity,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    fn lcg(state: &mut u64) -> u64 {
        *state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        *state >> 33
    }

    /// 169 goals, about a third of the cells unjudged, the rest spread over −3..=3.
    fn big_grid() -> Grid {
        let mut st = 42_u64;
        let n = MAX_GOALS;
        let rows: Vec<Vec<Option<i8>>> = (0..n)
            .map(|i| {
                (0..n)
                    .map(|j| {
                        let r = lcg(&mut st);
                        (i != j && !r.is_multiple_of(3))
                            .then(|| i8::try_from((r / 3) % 7).unwrap() - 3)
                    })
                    .collect()
            })
            .collect();
        Grid::from_rows(&rows).unwrap()
    }

    #[test]
    fn the_largest_grid_keeps_every_invariant() {
        let g = big_grid();
        let started = std::time::Instant::now();
        let a = analyse(&g, &Options::default());
        // Printed, not asserted (a debug build on a busy machine is no measure).
        eprintln!("analyse 169 × 169: {:?}", started.elapsed());
        let n = MAX_GOALS;
        assert_eq!(a.n, n);
        assert_eq!(a.coverage.cells, n * (n - 1));
        let total: i64 = (0..n)
            .flat_map(|i| (0..n).map(move |j| (i, j)))
            .map(|(i, j)| g.value(i, j))
            .sum();
        let f = &a.first_order;
        assert_eq!(f.iter().map(|x| x.out_sum).sum::<i64>(), total);
        assert_eq!(f.iter().map(|x| x.in_sum).sum::<i64>(), total);
        assert_eq!(f.iter().map(|x| x.net).sum::<i64>(), 0);
        let judged: usize = f.iter().map(|x| x.out_judged).sum();
        assert_eq!(judged, a.coverage.judged);
        assert_eq!(f.iter().map(|x| x.in_judged).sum::<usize>(), judged);
        let pos: usize = f.iter().map(|x| x.out_pos_count).sum();
        assert_eq!(f.iter().map(|x| x.in_pos_count).sum::<usize>(), pos);
        for x in f {
            assert_eq!(x.out_sum, x.out_pos + x.out_neg);
            assert!(x.out_pos_count + x.out_neg_count <= x.out_judged);
        }
        // Vester: Σ AS = Σ PS = Σ |a|; P = AS·PS.
        let v = &a.vester;
        assert_eq!(
            v.nodes.iter().map(|x| x.active_sum).sum::<i64>(),
            v.abs_total
        );
        assert_eq!(
            v.nodes.iter().map(|x| x.passive_sum).sum::<i64>(),
            v.abs_total
        );
        assert!(
            v.nodes
                .iter()
                .all(|x| x.product == x.active_sum * x.passive_sum)
        );
        // Second order: Σ indirect out = Σ indirect in; diagonal 0; paths sorted.
        let s = &a.second_order;
        assert_eq!(
            s.indirect_out.iter().sum::<i64>(),
            s.indirect_in.iter().sum::<i64>()
        );
        assert!((0..n).all(|i| s.sum(i, i) == 0));
        assert_eq!(s.negative_paths.len(), 20);
        assert!(
            s.negative_paths
                .windows(2)
                .all(|w| w[0].product <= w[1].product)
        );
        assert!(s.negative_paths.iter().all(|p| p.product == -9));
        assert!(
            s.hidden_tradeoffs.len() <= 20 && s.hidden_tradeoff_count >= s.hidden_tradeoffs.len()
        );
        for h in &s.hidden_tradeoffs {
            assert!(h.first_order.unwrap_or(0) >= 0 && h.second_order < 0);
            assert_eq!(h.second_order, s.sum(h.source, h.target));
        }
        // MICMAC: Σ influence = Σ dependence = total.
        let m = &a.micmac;
        assert_eq!(m.influence.iter().sum::<u128>(), m.total);
        assert_eq!(m.dependence.iter().sum::<u128>(), m.total);
        // Every ranking is a permutation (Q: of the nodes with PS > 0).
        for key in RankKey::ALL {
            let mut o = a.rankings.get(key).order.clone();
            o.sort_unstable();
            o.dedup();
            let expected = if key == RankKey::Quotient {
                v.nodes.iter().filter(|x| x.passive_sum > 0).count()
            } else {
                n
            };
            assert_eq!(o.len(), expected, "{key:?}");
        }
        // Sensitivity: two tries per cell except at ±3.
        let ends = (0..n)
            .flat_map(|i| (0..n).map(move |j| (i, j)))
            .filter(|&(i, j)| i != j && g.value(i, j).abs() == 3)
            .count();
        assert_eq!(a.sensitivity.perturbations, 2 * n * (n - 1) - ends);
        assert!(a.sensitivity.cells.len() <= sensitivity::CELLS_LIMIT);
        assert_eq!(a.sensitivity.rank_ranges.len(), n);
        for (x, r) in a.sensitivity.rank_ranges.iter().enumerate() {
            let rank = a.rankings.out_sum.rank_of(x).unwrap();
            assert!(r.out_sum.best <= rank && rank <= r.out_sum.worst);
        }
        // It serialises.
        assert!(serde_json::to_string(&a).is_ok_and(|j| j.contains("\"micmac_abs_k4_v1\"")));
    }

    #[test]
    fn options_are_clamped_and_stored() {
        let g = Grid::new(3).unwrap();
        let a = analyse(
            &g,
            &Options {
                scale_second_order: true,
                micmac_k: 50,
                path_limit: 1_000_000,
            },
        );
        assert_eq!(a.options.micmac_k, 8);
        assert_eq!(a.options.path_limit, MAX_PATH_LIMIT);
        assert_eq!(a.formulas.second_order, "A2_offdiag_scaled_1_3");
        assert_eq!(a.formulas.micmac, "micmac_abs_k8_v1");
        let d = analyse(&g, &Options::default());
        assert_eq!(d.formulas.second_order, "A2_offdiag");
        assert_eq!(d.formulas.micmac, "micmac_abs_k4_v1");
        assert_eq!(
            d.coverage,
            Coverage {
                judged: 0,
                cells: 6
            }
        );
        // Every stored id has an explanation in both languages.
        for id in d.formulas.all() {
            assert!(
                explain(id, Lang::Sv).is_some() && explain(id, Lang::En).is_some(),
                "{id}"
            );
        }
    }

    #[test]
    fn a_small_analysis_end_to_end() {
        // A → B +3, B → C −3, A → C unjudged:
        //        A   B   C
        //   A    ·  +3   –
        //   B    –   ·  −3
        //   C    –   –   ·
        // out = (3, −3, 0), in = (0, 3, −3); AS = (3, 3, 0), PS = (0, 3, 3).
        // (A²)_AC = −9 ⇒ combined = (3 − 9, −3, 0) = (−6, −3, 0).
        let g = Grid::from_rows(&[
            vec![None, Some(3), None],
            vec![None, None, Some(-3)],
            vec![None, None, None],
        ])
        .unwrap();
        let a = analyse(&g, &Options::default());
        assert_eq!(
            a.coverage,
            Coverage {
                judged: 2,
                cells: 6
            }
        );
        assert_eq!(a.rankings.out_sum.order, [0, 2, 1]);
        assert_eq!(a.rankings.in_sum.order, [1, 0, 2]);
        // AS ties A and B at 3: index order.
        assert_eq!(a.rankings.active_sum.order, [0, 1, 2]);
        assert_eq!(a.rankings.passive_sum.order, [1, 2, 0]);
        assert_eq!(a.rankings.combined.order, [2, 1, 0]);
        // Q: A has PS 0 (left out); B 3/3 = 1, C 0/3 = 0.
        assert_eq!(a.rankings.quotient.order, [1, 2]);
        assert_eq!(a.second_order.hidden_tradeoffs.len(), 1);
        assert_eq!(a.second_order.hidden_tradeoffs[0].first_order, None);
        // MICMAC k = 4 on |A|: the only paths are A→B→C, of length 2, so M^4 = 0.
        assert_eq!(a.micmac.total, 0);
    }
}
