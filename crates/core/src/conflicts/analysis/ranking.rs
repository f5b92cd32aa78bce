//! Rankings of the nodes by one measure each.
//!
//! A ranking is an order of node indices by a key, **descending, ties broken by the lower
//! index** (formula id [`RANKING`]): the index is the goal's position in the grid, so callers
//! that want ties in goal-id order build the grid in goal-id order. Keys are exact integers or
//! fractions, never floats. There is deliberately no ranking on the signed net (see
//! [`super::measures::FirstOrder`]).
use serde::Serialize;

use super::measures::{FirstOrder, Micmac, SecondOrder, Vester};
use super::names::Measure;

/// Descending by key, ties by the lower index.
pub const RANKING: &str = "rank_desc_then_index_v1";

/// What a ranking orders by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RankKey {
    /// `out_i`.
    OutSum,
    /// `in_i`.
    InSum,
    /// Vester `AS_i`.
    ActiveSum,
    /// Vester `PS_i`.
    PassiveSum,
    /// `out_i + Σ_{k≠i} (A²)_ik` (scaled or not).
    Combined,
    /// MICMAC influence (row sums of `|A|^k`).
    MicmacInfluence,
    /// MICMAC dependence (column sums of `|A|^k`).
    MicmacDependence,
    /// Vester `Q = AS / PS`; nodes with `PS = 0` left out (OPEN-12).
    Quotient,
}

impl RankKey {
    /// Every key.
    pub const ALL: [Self; 8] = [
        Self::OutSum,
        Self::InSum,
        Self::ActiveSum,
        Self::PassiveSum,
        Self::Combined,
        Self::MicmacInfluence,
        Self::MicmacDependence,
        Self::Quotient,
    ];

    /// The measure ranked by (for its name).
    #[must_use]
    pub const fn measure(self) -> Measure {
        match self {
            Self::OutSum => Measure::OutSum,
            Self::InSum => Measure::InSum,
            Self::ActiveSum => Measure::ActiveSum,
            Self::PassiveSum => Measure::PassiveSum,
            Self::Combined => Measure::Combined,
            Self::MicmacInfluence => Measure::MicmacInfluence,
            Self::MicmacDependence => Measure::MicmacDependence,
            Self::Quotient => Measure::Quotient,
        }
    }

    /// A bit for sets of keys.
    pub(crate) const fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// One ranking: node indices, first = highest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ranking {
    /// What it orders by.
    pub key: RankKey,
    /// Node indices, highest key first, ties by the lower index.
    pub order: Vec<usize>,
}

impl Ranking {
    /// Node `i`'s 1-based rank, `None` when it is not in the ranking.
    #[must_use]
    pub fn rank_of(&self, i: usize) -> Option<usize> {
        self.order.iter().position(|&x| x == i).map(|p| p + 1)
    }
}

/// The order of `0..keys.len()` by `keys` descending, ties by the lower index.
#[must_use]
pub fn rank_desc<K: Ord>(keys: &[K]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| keys[b].cmp(&keys[a]).then(a.cmp(&b)));
    order
}

/// [`rank_desc`] over the defined keys only: `None` entries are left out.
#[must_use]
pub fn rank_desc_defined<K: Ord>(keys: &[Option<K>]) -> Vec<usize> {
    rank_desc(keys)
        .into_iter()
        .filter(|&i| keys[i].is_some())
        .collect()
}

/// Every ranking of one analysis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rankings {
    /// [`RANKING`].
    pub formula: &'static str,
    /// By `out_i`.
    pub out_sum: Ranking,
    /// By `in_i`.
    pub in_sum: Ranking,
    /// By Vester `AS_i`.
    pub active_sum: Ranking,
    /// By Vester `PS_i`.
    pub passive_sum: Ranking,
    /// By the combined first and second order.
    pub combined: Ranking,
    /// By MICMAC influence.
    pub micmac_influence: Ranking,
    /// By MICMAC dependence.
    pub micmac_dependence: Ranking,
    /// By Vester `Q`, exactly; only the nodes with `PS > 0`.
    pub quotient: Ranking,
}

impl Rankings {
    /// The ranking by `key`.
    #[must_use]
    pub const fn get(&self, key: RankKey) -> &Ranking {
        match key {
            RankKey::OutSum => &self.out_sum,
            RankKey::InSum => &self.in_sum,
            RankKey::ActiveSum => &self.active_sum,
            RankKey::PassiveSum => &self.passive_sum,
            RankKey::Combined => &self.combined,
            RankKey::MicmacInfluence => &self.micmac_influence,
            RankKey::MicmacDependence => &self.micmac_dependence,
            RankKey::Quotient => &self.quotient,
        }
    }
}

/// Every ranking from the measures of one grid.
#[must_use]
pub fn rankings(
    first: &[FirstOrder],
    vester: &Vester,
    second: &SecondOrder,
    micmac: &Micmac,
) -> Rankings {
    let by = |key, order| Ranking { key, order };
    let out: Vec<i64> = first.iter().map(|f| f.out_sum).collect();
    let inn: Vec<i64> = first.iter().map(|f| f.in_sum).collect();
    let active: Vec<i64> = vester.nodes.iter().map(|v| v.active_sum).collect();
    let passive: Vec<i64> = vester.nodes.iter().map(|v| v.passive_sum).collect();
    let quotient: Vec<_> = vester.nodes.iter().map(|v| v.quotient).collect();
    Rankings {
        formula: RANKING,
        out_sum: by(RankKey::OutSum, rank_desc(&out)),
        in_sum: by(RankKey::InSum, rank_desc(&inn)),
        active_sum: by(RankKey::ActiveSum, rank_desc(&active)),
        passive_sum: by(RankKey::PassiveSum, rank_desc(&passive)),
        // Every combined value has the same divisor, so the integers order the fractions.
        combined: by(RankKey::Combined, rank_desc(&second.combined)),
        micmac_influence: by(RankKey::MicmacInfluence, rank_desc(&micmac.influence)),
        micmac_dependence: by(RankKey::MicmacDependence, rank_desc(&micmac.dependence)),
        quotient: by(RankKey::Quotient, rank_desc_defined(&quotient)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conflicts::analysis::measures::Fraction;

    #[test]
    fn descending_with_ties_by_index() {
        // Keys 2, 5, 2, 7, 5 → 7 (3), 5 (1), 5 (4), 2 (0), 2 (2).
        assert_eq!(rank_desc(&[2, 5, 2, 7, 5]), [3, 1, 4, 0, 2]);
        assert!(rank_desc::<i64>(&[]).is_empty());
        // Undefined keys are left out; fractions compare exactly (2/3 > 3/5 > 1/2 = 2/4).
        let q = [
            Fraction::new(1, 2),
            None,
            Fraction::new(2, 3),
            Fraction::new(2, 4),
            Fraction::new(3, 5),
        ];
        assert_eq!(rank_desc_defined(&q), [2, 4, 0, 3]);
        let r = Ranking {
            key: RankKey::Quotient,
            order: rank_desc_defined(&q),
        };
        assert_eq!(r.rank_of(4), Some(2));
        assert_eq!(r.rank_of(1), None);
    }

    #[test]
    fn key_bits_are_distinct() {
        let mut seen = 0_u8;
        for k in RankKey::ALL {
            assert_eq!(seen & k.bit(), 0);
            seen |= k.bit();
        }
    }
}
