//! What the reveal shows: per cell the distribution of the raters' scores (DOMAIN §4.4) —
//! median (the lower one for an even number, OPEN-15), mean, range and sign conflict —, the
//! discussion queue in order of disagreement, each rater's progress, and the values the
//! analysis runs on: the consensus where one is stored, the median elsewhere, and which.
use std::collections::BTreeMap;

use serde::Serialize;

use crate::Doc;
use crate::kernel::id::Id;
use crate::kernel::record::Record;

use super::matrix::{Cell, Matrix, Pair, Scoring};

/// The distribution of one cell's scores.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CellStats {
    /// How many raters scored it.
    pub n: usize,
    /// The lower median (OPEN-15: for an even number of scores, the lower of the two middle
    /// ones — a value someone gave, and never a half).
    pub median: i8,
    /// The sum of the scores; the mean is `sum / n` (kept exact).
    pub sum: i64,
    /// The lowest score.
    pub min: i8,
    /// The highest score.
    pub max: i8,
    /// `max − min`.
    pub range: u8,
    /// Someone scored above 0 and someone below (0 is neither sign).
    pub sign_conflict: bool,
}

impl CellStats {
    /// The distribution of `scores`; `None` when nobody scored.
    #[must_use]
    pub fn of(scores: &[i8]) -> Option<Self> {
        let mut s = scores.to_vec();
        s.sort_unstable();
        let (&min, &max) = (s.first()?, s.last()?);
        let median = s[(s.len() - 1) / 2];
        let range = u8::try_from(i16::from(max) - i16::from(min)).unwrap_or(u8::MAX);
        Some(Self {
            n: s.len(),
            median,
            sum: s.iter().map(|&v| i64::from(v)).sum(),
            min,
            max,
            range,
            sign_conflict: min < 0 && max > 0,
        })
    }

    /// The mean, for display only (the exact value is `sum / n`).
    #[must_use]
    #[allow(clippy::cast_precision_loss)]
    pub fn mean(&self) -> f64 {
        self.sum as f64 / self.n.max(1) as f64
    }

    /// To discussion: range at least `threshold`, or a sign conflict.
    #[must_use]
    pub fn flagged(&self, threshold: u8) -> bool {
        self.range >= threshold || self.sign_conflict
    }

    /// Mean absolute deviation from the median, times `n` (an exact tie-break of the queue).
    fn spread(&self, scores: &[i8]) -> i64 {
        scores
            .iter()
            .map(|&v| (i64::from(v) - i64::from(self.median)).abs())
            .sum()
    }
}

/// Where the value the analysis uses comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The agreed value.
    Consensus,
    /// The raters' (lower) median.
    Median,
    /// Nobody scored it (counted as 0, OPEN-11; coverage is shown).
    Unjudged,
}

/// One rater of a matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rater {
    /// Their scoring record.
    pub scoring: Id,
    /// Their code or name.
    pub name: String,
    /// Wanted pairs they judged.
    pub judged: usize,
}

/// One cell as the reveal shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CellView {
    /// The pair.
    pub pair: Pair,
    /// Row and column index in the matrix's goals.
    pub at: (usize, usize),
    /// Each rater's cell, by index into [`Reveal::raters`].
    pub scores: Vec<(usize, Cell)>,
    /// Their distribution (`None`: unjudged).
    pub stats: Option<CellStats>,
    /// The stored consensus, if any.
    pub agreed: Option<i8>,
    /// The value the analysis uses and where it comes from.
    pub value: Option<i8>,
    /// Where `value` comes from.
    pub source: Source,
    /// To discussion (and no consensus stored yet).
    pub flagged: bool,
}

/// A matrix with every rater's scores: what the reveal, the queue and the analysis read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reveal {
    /// The matrix's goals (live ones, in the matrix's order).
    pub goals: Vec<Id>,
    /// The raters (live scorings), by name.
    pub raters: Vec<Rater>,
    /// Every wanted off-diagonal cell, row by row.
    pub cells: Vec<CellView>,
    /// Wanted pairs (`n(n−1)`, or the selected ones).
    pub wanted: usize,
    /// Wanted pairs judged by at least one rater.
    pub judged: usize,
    /// Cells with a stored consensus.
    pub agreed: usize,
    /// The discussion threshold used.
    pub threshold: u8,
}

impl Reveal {
    /// Reads matrix `id` of `doc` (`None` when it does not exist).
    #[must_use]
    pub fn of(doc: &Doc, id: &Id) -> Option<Self> {
        let m = doc.matrices.get(id)?;
        Some(Self::build(doc, m))
    }

    fn build(doc: &Doc, m: &Matrix) -> Self {
        let goals: Vec<Id> = m
            .goals()
            .into_iter()
            .flatten()
            .filter(|g| doc.goals.get(g).is_some_and(|g| g.removed() != Some(&true)))
            .cloned()
            .collect();
        let mut scorings: Vec<&Scoring> = doc
            .scorings
            .live()
            .filter(|s| s.matrix() == Some(m.id()) && s.removed() != Some(&true))
            .collect();
        scorings.sort_by(|a, b| a.rater().cmp(&b.rater()).then_with(|| a.id().cmp(b.id())));
        let mut raters: Vec<Rater> = scorings
            .iter()
            .map(|s| Rater {
                scoring: s.id().clone(),
                name: s.rater().cloned().unwrap_or_default(),
                judged: 0,
            })
            .collect();
        let threshold = m.range_threshold();
        let mut cells = Vec::new();
        let (mut wanted, mut judged, mut agreed_n) = (0, 0, 0);
        for (i, row) in goals.iter().enumerate() {
            for (j, col) in goals.iter().enumerate() {
                if i == j {
                    continue;
                }
                let pair = Pair::new(row, col);
                if !m.wants(&pair) {
                    continue;
                }
                wanted += 1;
                let scores: Vec<(usize, Cell)> = scorings
                    .iter()
                    .enumerate()
                    .filter_map(|(k, s)| s.cell(&pair).map(|c| (k, c.clone())))
                    .collect();
                for (k, _) in &scores {
                    raters[*k].judged += 1;
                }
                let values: Vec<i8> = scores.iter().map(|(_, c)| c.score).collect();
                let stats = CellStats::of(&values);
                judged += usize::from(stats.is_some());
                let agreed = m.agreed(&pair).map(|a| a.score);
                agreed_n += usize::from(agreed.is_some());
                let (value, source) = match (agreed, &stats) {
                    (Some(a), _) => (Some(a), Source::Consensus),
                    (None, Some(s)) => (Some(s.median), Source::Median),
                    (None, None) => (None, Source::Unjudged),
                };
                let flagged =
                    agreed.is_none() && stats.as_ref().is_some_and(|s| s.flagged(threshold));
                cells.push(CellView {
                    pair,
                    at: (i, j),
                    scores,
                    stats,
                    agreed,
                    value,
                    source,
                    flagged,
                });
            }
        }
        Self {
            goals,
            raters,
            cells,
            wanted,
            judged,
            agreed: agreed_n,
            threshold,
        }
    }

    /// The pairs waiting for discussion (flagged, no consensus yet), in row and column order.
    #[must_use]
    pub fn flagged_pairs(&self) -> Vec<Pair> {
        self.cells
            .iter()
            .filter(|c| c.flagged)
            .map(|c| c.pair.clone())
            .collect()
    }

    /// The flagged cells (no consensus yet), most disagreement first: sign conflicts, then
    /// the larger range, then the larger spread around the median, then more raters, then
    /// row and column order.
    #[must_use]
    pub fn queue(&self) -> Vec<&CellView> {
        let mut q: Vec<(&CellView, i64)> = self
            .cells
            .iter()
            .filter(|c| c.flagged)
            .filter_map(|c| {
                let s = c.stats.as_ref()?;
                let v: Vec<i8> = c.scores.iter().map(|(_, x)| x.score).collect();
                Some((c, s.spread(&v)))
            })
            .collect();
        q.sort_by(|(a, sa), (b, sb)| {
            let (x, y) = (a.stats.as_ref(), b.stats.as_ref());
            let key = |s: Option<&CellStats>| s.map(|s| (s.sign_conflict, s.range, s.n));
            let (kx, ky) = (key(x), key(y));
            ky.map(|k| (k.0, k.1))
                .cmp(&kx.map(|k| (k.0, k.1)))
                .then(sb.cmp(sa))
                .then(ky.map(|k| k.2).cmp(&kx.map(|k| k.2)))
                .then(a.at.cmp(&b.at))
        });
        q.into_iter().map(|(c, _)| c).collect()
    }

    /// The values the analysis runs on, row by row (`n × n`, diagonal and unjudged `None`).
    #[must_use]
    pub fn values(&self) -> Vec<Vec<Option<i8>>> {
        let n = self.goals.len();
        let mut rows = vec![vec![None; n]; n];
        for c in &self.cells {
            rows[c.at.0][c.at.1] = c.value;
        }
        rows
    }

    /// How many analysed cells come from a consensus, a median, or nowhere.
    #[must_use]
    pub fn sources(&self) -> BTreeMap<&'static str, usize> {
        let mut out = BTreeMap::from([("consensus", 0), ("median", 0), ("unjudged", 0)]);
        for c in &self.cells {
            let k = match c.source {
                Source::Consensus => "consensus",
                Source::Median => "median",
                Source::Unjudged => "unjudged",
            };
            *out.entry(k).or_default() += 1;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distribution_of_a_cell_worked_by_hand() {
        // Scores −1, 2, 2, 3 (four raters): sorted −1 2 2 3; lower median = the 2nd = 2;
        // sum 6 (mean 1.5); min −1, max 3, range 4; −1 < 0 < 2: a sign conflict; flagged.
        let s = CellStats::of(&[2, -1, 3, 2]).unwrap();
        assert_eq!(
            (s.n, s.median, s.sum, s.min, s.max, s.range),
            (4, 2, 6, -1, 3, 4)
        );
        assert!(s.sign_conflict && s.flagged(2));
        assert!((s.mean() - 1.5).abs() < 1e-12);
        // Even count, lower median: 0, 1 → 0 (not 0.5).
        assert_eq!(CellStats::of(&[1, 0]).unwrap().median, 0);
        // 0 and +1: no sign conflict (0 is neither sign), range 1 < 2: not flagged.
        let s = CellStats::of(&[0, 1]).unwrap();
        assert!(!s.sign_conflict && !s.flagged(2));
        // 0 and −2: range 2 ≥ 2: flagged without a sign conflict.
        assert!(CellStats::of(&[0, -2]).unwrap().flagged(2));
        assert_eq!(CellStats::of(&[]), None);
    }
}
