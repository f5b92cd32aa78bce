//! Impact/effort: the mean impact ranks, lower mean effort breaks ties.
use std::collections::BTreeMap;

use super::{Answer, Row};
use crate::kernel::id::Id;
use crate::prioritisation::ratio::Ratio;

/// Scores the rows by mean impact, then mean effort (lower is better).
pub(super) fn count(rows: &mut BTreeMap<&Id, Row>, answers: &[&Answer]) {
    let mut sums: BTreeMap<&Id, (u32, u32, u32)> = BTreeMap::new();
    for a in answers {
        if let Answer::ImpactEffort(m) = a {
            for (id, [i, e]) in m {
                let s = sums.entry(id).or_default();
                *s = (s.0 + u32::from(*i), s.1 + u32::from(*e), s.2 + 1);
            }
        }
    }
    for (id, r) in rows.iter_mut() {
        if let Some((i, e, c)) = sums.get(id) {
            let (mi, me) = (
                Ratio::new((*i).into(), (*c).into()),
                Ratio::new((*e).into(), (*c).into()),
            );
            r.score = mi;
            // Lower effort is better, so the secondary key is its negation.
            r.secondary = Ratio::ZERO.minus(me);
            r.supporters = *c as usize;
            r.impact_effort = Some((mi, me));
        }
    }
}
