//! Scales (score, MoSCoW): the mean ranks, the median breaks ties; spread and agreement
//! (Tukey IQR, standard deviation, Tastle–Wierman consensus) for every scale method.
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Answer, DISTRIBUTION_MAX, Row, ratio};
use crate::kernel::id::Id;
use crate::prioritisation::ratio::{Fixed, LOG_BITS, Ratio, log2_fixed};

/// Spread and agreement for one item on a scale. Every number is exact or computed with
/// integers only, so it is the same on every device (and in the certificate).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScaleStats {
    /// Answers counted (skips excluded).
    pub n: usize,
    /// Mean, exact.
    pub mean: Ratio,
    /// Median (mean of the two middle values for even n).
    pub median: Ratio,
    /// Interquartile range by Tukey's hinges (medians of the lower and upper halves,
    /// the middle value excluded for odd n).
    pub iqr: Ratio,
    /// Population standard deviation (÷ n), rounded to millionths ([`Fixed::sqrt`] of the
    /// exact variance).
    pub sd: Fixed,
    /// Tastle–Wierman consensus, 1 = full agreement, 0 = even split between the extremes,
    /// rounded to millionths (integer logarithms, [`log2_fixed`]); display and flagging only;
    /// `None` without answers.
    pub consensus: Option<Fixed>,
    /// Count per scale value, lowest first (empty for scales wider than [`DISTRIBUTION_MAX`]).
    pub distribution: Vec<usize>,
}

/// Below this Tastle–Wierman consensus an item is flagged "contested" (omstridd): halfway
/// between full agreement (1) and an even split between the extremes (0). DOMAIN.md OPEN-6.
/// The rule: two or more answers and consensus < 0.5.
pub const CONTESTED_BELOW: Fixed = Fixed::from_micros(500_000);

/// The `k`-th smallest (0-based) of the values counted in `counts` (value → how many).
fn kth(counts: &BTreeMap<u32, usize>, k: usize) -> u32 {
    let mut seen = 0;
    for (v, c) in counts {
        seen += c;
        if k < seen {
            return *v;
        }
    }
    0
}

/// The median of the sorted values at positions `from..to` of `counts`.
fn median_between(counts: &BTreeMap<u32, usize>, from: usize, to: usize) -> Ratio {
    let len = to.saturating_sub(from);
    match len {
        0 => Ratio::ZERO,
        l if l % 2 == 1 => ratio(kth(counts, from + l / 2)),
        l => ratio(kth(counts, from + l / 2 - 1))
            .plus(ratio(kth(counts, from + l / 2)))
            .over(ratio(2)),
    }
}

/// Median, Tukey IQR, SD, Tastle–Wierman and distribution of `values` on `lo..=hi`.
#[must_use]
pub fn scale_stats(values: &[u32], lo: u32, hi: u32) -> ScaleStats {
    let mut counts = BTreeMap::new();
    for v in values {
        *counts.entry(*v).or_insert(0) += 1;
    }
    stats_of_counts(&counts, lo, hi)
}

/// [`scale_stats`] of values given as counts (value → how many): linear in the distinct values.
///
/// Tastle–Wierman: `Cns = 1 + Σ_x p_x · log2(1 − |x − μ| / (hi − lo))` with `p_x = c_x / n`
/// and `μ = S / n`; the argument is the exact ratio `(n·w − |x·n − S|) / (n·w)`, `w = hi − lo`.
#[must_use]
pub fn stats_of_counts(counts: &BTreeMap<u32, usize>, lo: u32, hi: u32) -> ScaleStats {
    let n: usize = counts.values().sum();
    let n_i = i128::try_from(n).unwrap_or(i128::MAX);
    let (sum, squares) = counts.iter().fold((0i128, 0i128), |(s, q), (v, c)| {
        let (v, c) = (i128::from(*v), i128::try_from(*c).unwrap_or(0));
        (s + v * c, q + v * v * c)
    });
    let (lower, upper) = (n / 2, if n % 2 == 1 { n / 2 + 1 } else { n / 2 });
    let iqr = if n < 2 {
        Ratio::ZERO
    } else {
        median_between(counts, upper, n).minus(median_between(counts, 0, lower))
    };
    // Population variance (n·Σx² − (Σx)²) / n².
    let variance = Ratio::new(n_i * squares - sum * sum, n_i * n_i);
    let width = i128::from(hi.saturating_sub(lo).max(1));
    let distribution = if hi.saturating_sub(lo) <= DISTRIBUTION_MAX {
        let mut d = vec![0usize; hi.saturating_sub(lo) as usize + 1];
        for (v, c) in counts {
            if let Some(slot) = d.get_mut(v.saturating_sub(lo) as usize) {
                *slot += c;
            }
        }
        d
    } else {
        Vec::new()
    };
    let consensus = (n > 0)
        .then(|| {
            let nw = n_i * width;
            let mut total: i128 = 0;
            for (v, c) in counts {
                let arg = nw - (i128::from(*v) * n_i - sum).abs();
                total += i128::try_from(*c).unwrap_or(0) * log2_fixed(arg, nw)?;
            }
            // 1 + total / n, in LOG_BITS fixed point, to millionths.
            Some(Fixed::from_log_fixed(((n_i << LOG_BITS) + total) / n_i))
        })
        .flatten();
    ScaleStats {
        n,
        mean: Ratio::new(sum, n_i),
        median: median_between(counts, 0, n),
        iqr,
        sd: Fixed::sqrt(variance),
        consensus,
        distribution,
    }
}

/// Scores the rows of a scale method from each ballot's values on `lo..=hi`.
pub(super) fn count<'a>(
    rows: &mut BTreeMap<&Id, Row>,
    answers: &'a [&Answer],
    lo: u8,
    hi: u8,
    values: impl Fn(&'a Answer) -> Option<Vec<(&'a Id, u8)>>,
) {
    let mut given: BTreeMap<&Id, BTreeMap<u32, usize>> = BTreeMap::new();
    for a in answers {
        for (id, v) in values(a).unwrap_or_default() {
            *given
                .entry(id)
                .or_default()
                .entry(u32::from(v))
                .or_insert(0) += 1;
        }
    }
    let none = BTreeMap::new();
    for (id, r) in rows.iter_mut() {
        let counts = given.get(*id).unwrap_or(&none);
        let stats = stats_of_counts(counts, lo.into(), hi.into());
        r.supporters = stats.n;
        r.score = stats.mean;
        r.secondary = stats.median;
        r.stats = Some(stats);
    }
}
