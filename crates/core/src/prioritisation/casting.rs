//! What the tablet's ballot decides before a ballot is cast: which earlier ballots a new one
//! supersedes, and how far a tap may move an allocation (the budget and the per-item cap).
use crate::Doc;
use crate::kernel::id::Id;
use crate::prioritisation::round::{Origin, ballots_of, heads_of};
use crate::prioritisation::vote::Method;

/// The ballots a new ballot of `participant` in `round` supersedes: on a tablet, that
/// participant's current ballots cast on this `device` (a changed vote replaces this device's
/// earlier ballot); a ballot from another device stays, so a double vote is flagged rather
/// than hidden. Paper ballots and resolutions supersede nothing here (a resolution names its
/// ballots itself).
#[must_use]
pub fn supersedes_on_device(
    doc: &Doc,
    round: &Id,
    participant: &str,
    origin: Origin,
    device: &str,
) -> Vec<Id> {
    if origin != Origin::Tablet {
        return Vec::new();
    }
    heads_of(&ballots_of(doc, round), participant.trim())
        .into_iter()
        .filter(|b| {
            b.round
                .as_ref()
                .is_some_and(|reg| reg.stamp.2.starts_with(device))
        })
        .map(|b| b.id.clone())
        .collect()
}

/// The limits of an allocation ballot (dots, approval, points): the budget over all items,
/// the most on one item, and the step of one tap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Allocation {
    /// Most in all.
    pub budget: u32,
    /// Most on one item.
    pub cap: u32,
    /// What one tap adds or takes.
    pub step: u32,
}

impl Allocation {
    /// The limits of `method` (approval: one per item, no budget).
    #[must_use]
    pub fn of(method: &Method) -> Self {
        match method {
            Method::Dots { budget, cap, .. } => Self {
                budget: *budget,
                cap: *cap,
                step: 1,
            },
            Method::Points {
                total,
                max_per_item,
            } => Self {
                budget: *total,
                cap: max_per_item.unwrap_or(*total),
                step: 5,
            },
            _ => Self {
                budget: u32::MAX,
                cap: 1,
                step: 1,
            },
        }
    }

    /// An item's value after a change by `delta` from `now`, with `used` given in all (this
    /// item's `now` included): never below 0, above the cap, or beyond what the budget leaves.
    #[must_use]
    pub fn change(&self, now: u32, used: u32, delta: i64) -> u32 {
        let now = i64::from(now);
        let room = i64::from(self.budget) - i64::from(used) + now;
        let next = (now + delta).clamp(0, i64::from(self.cap).min(room).max(0));
        u32::try_from(next).unwrap_or(0)
    }

    /// Whether the budget is used up.
    #[must_use]
    pub fn full(&self, used: u32) -> bool {
        used >= self.budget
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Hlc;
    use crate::command::{Stamper, apply};
    use crate::round::NewBallot;
    use crate::vote::Answer;

    #[test]
    fn the_budget_and_the_cap_bound_every_tap() {
        let dots = Allocation::of(&Method::Dots {
            budget: 5,
            cap: 3,
            all_required: false,
        });
        assert_eq!(dots.change(0, 0, 1), 1);
        assert_eq!(dots.change(3, 3, 1), 3, "the cap");
        assert_eq!(dots.change(1, 5, 1), 1, "the budget");
        assert_eq!(dots.change(1, 4, 5), 2, "what the budget leaves");
        assert_eq!(dots.change(0, 0, -1), 0, "never below 0");
        assert!(dots.full(5) && !dots.full(4));
        let points = Allocation::of(&Method::Points {
            total: 100,
            max_per_item: None,
        });
        assert_eq!((points.cap, points.step), (100, 5));
        assert_eq!(points.change(95, 100, 5), 95);
        let approval = Allocation::of(&Method::Approval);
        assert_eq!(approval.change(0, 40, 1), 1);
        assert_eq!(approval.change(1, 40, 1), 1);
        // A budget already overspent (a file from elsewhere) never makes a value negative.
        assert_eq!(dots.change(0, 9, 1), 0);
    }

    #[test]
    fn a_changed_vote_supersedes_only_this_devices_ballot() {
        let mut doc = crate::demo::demo_doc();
        let items: Vec<Id> = doc.inspel.live().take(2).map(|i| i.id.clone()).collect();
        let draft = crate::prioritisation::round_draft::RoundDraft {
            title: "Ja/nej".into(),
            items: items.clone(),
            method: Method::Approval,
            seed: String::new(),
            capacity: None,
            costs: std::collections::BTreeMap::new(),
            now_ms: 1,
        };
        let round_id = Id::from_random_bytes([77; 16]);
        let (cmd, _) = draft.command(None, false, round_id.clone()).unwrap();
        let mut clock = Hlc::new("desk.x1");
        let mut st = Stamper {
            clock: &mut clock,
            now_ms: 5,
        };
        apply(&mut doc, &cmd, &mut st).unwrap();
        let round = doc.rounds.get(&round_id).unwrap().clone();
        let cast = |doc: &mut Doc, device: &str, supersedes: Vec<Id>| {
            let answer = Answer::Allocation([(items[0].clone(), 1)].into());
            let cmd = NewBallot {
                round: &round,
                participant: "P-77",
                municipality: None,
                answer,
                origin: Origin::Tablet,
                supersedes,
                cast_at: 1,
                device,
            }
            .command()
            .unwrap();
            let mut clock = Hlc::new(format!("{device}.x1"));
            let mut st = Stamper {
                clock: &mut clock,
                now_ms: 10,
            };
            apply(doc, &cmd, &mut st).unwrap();
        };
        assert!(supersedes_on_device(&doc, &round.id, "P-77", Origin::Tablet, "tab1").is_empty());
        cast(&mut doc, "tab1", Vec::new());
        let first = supersedes_on_device(&doc, &round.id, " P-77 ", Origin::Tablet, "tab1");
        assert_eq!(first.len(), 1);
        assert!(supersedes_on_device(&doc, &round.id, "P-77", Origin::Paper, "tab1").is_empty());
        // Another tablet's ballot of the same participant stays (a double vote).
        assert!(supersedes_on_device(&doc, &round.id, "P-77", Origin::Tablet, "tab2").is_empty());
        cast(&mut doc, "tab1", first.clone());
        let now = supersedes_on_device(&doc, &round.id, "P-77", Origin::Tablet, "tab1");
        assert_eq!(now.len(), 1);
        assert_ne!(now, first, "the new ballot is the head now");
    }
}
