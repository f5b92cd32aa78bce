//! Dots, approval and points: each ballot allocates a number to items; an item's score is
//! the sum, dots break ties by supporters, points by the median (absent counting as 0).
use std::collections::BTreeMap;

use super::{Answer, Method, Row, ratio, stats_of_counts};
use crate::kernel::id::Id;
use crate::prioritisation::ratio::Ratio;

/// Scores the rows of an allocation method (`method` is dots, approval or points).
pub(super) fn count(rows: &mut BTreeMap<&Id, Row>, answers: &[&Answer], method: &Method) {
    // The points each item was given, as counts (value → ballots), absent ones as 0:
    // linear in the ballots' entries, not items × ballots.
    let mut given: BTreeMap<&Id, BTreeMap<u32, usize>> = BTreeMap::new();
    let mut allocations = 0usize;
    for a in answers {
        if let Answer::Allocation(m) = a {
            allocations += 1;
            for (id, v) in m {
                if let Some(r) = rows.get_mut(id) {
                    r.score = r.score.plus(ratio(*v));
                    if *v > 0 {
                        r.supporters += 1;
                    }
                    if matches!(method, Method::Points { .. }) {
                        *given.entry(id).or_default().entry(*v).or_insert(0) += 1;
                    }
                }
            }
        }
    }
    for (id, r) in rows.iter_mut() {
        r.secondary = match method {
            // Dots: more supporters wins a tie in dots.
            Method::Dots { .. } => ratio(i64::try_from(r.supporters).unwrap_or(i64::MAX)),
            Method::Points { total, .. } => {
                let mut counts = given.remove(id).unwrap_or_default();
                let present: usize = counts.values().sum();
                *counts.entry(0).or_insert(0) += allocations.saturating_sub(present);
                counts.retain(|_, c| *c > 0);
                let stats = stats_of_counts(&counts, 0, *total);
                let med = stats.median;
                r.stats = Some(stats);
                med
            }
            _ => Ratio::ZERO,
        };
    }
}
