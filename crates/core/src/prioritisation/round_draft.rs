//! The rules form's workflow: a round's method built from the form's fields, and the draft
//! turned into its command (an edit of an unlocked round, or a new open round). The view only
//! holds the fields; the rules are here, tested natively.
use std::collections::BTreeMap;

use serde_json::Value;

use crate::kernel::id::Id;
use crate::kernel::lang::{Lang, Localized};
use crate::kernel::reg::to_json;
use crate::prioritisation::round::{CapacityDecision, Round, RoundStatus};
use crate::prioritisation::select::Capacity;
use crate::prioritisation::vote::{Method, RankScoring};
use crate::{Command, Kind};

/// The method fields of the rules form, as it holds them (0 meaning "not set").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MethodForm {
    /// `approval`, `points`, `ranking`, `score`, `moscow`, `impact_effort`; anything else is
    /// dots.
    pub kind: String,
    /// Dots: dots per participant.
    pub budget: u32,
    /// Dots: most dots on one inspel.
    pub cap: u32,
    /// Dots: every dot must be used.
    pub all_required: bool,
    /// Points: points per participant.
    pub total: u32,
    /// Points: most points on one inspel (0: no limit).
    pub max_per_item: u32,
    /// Ranking: rank the top k (0: all).
    pub top_k: u32,
    /// Ranking: how rankings are scored.
    pub scoring: RankScoring,
    /// Ranking: "up to k" (only with a k).
    pub at_most: bool,
}

impl MethodForm {
    /// The form's fields for `method` (a new round: the default dots).
    #[must_use]
    pub fn of(method: &Method) -> Self {
        let mut f = Self {
            kind: method_kind(method).to_owned(),
            budget: 5,
            cap: 3,
            all_required: false,
            total: 100,
            max_per_item: 0,
            top_k: 0,
            scoring: RankScoring::Borda,
            at_most: false,
        };
        match method {
            Method::Dots {
                budget,
                cap,
                all_required,
            } => (f.budget, f.cap, f.all_required) = (*budget, *cap, *all_required),
            Method::Points {
                total,
                max_per_item,
            } => (f.total, f.max_per_item) = (*total, max_per_item.unwrap_or(0)),
            Method::Ranking {
                top_k,
                scoring,
                at_most,
            } => (f.top_k, f.scoring, f.at_most) = (top_k.unwrap_or(0), *scoring, *at_most),
            _ => {}
        }
        f
    }

    /// The method the fields describe (budgets and caps at least 1; "up to k" only with a k).
    #[must_use]
    pub fn method(&self) -> Method {
        match self.kind.as_str() {
            "approval" => Method::Approval,
            "points" => Method::Points {
                total: self.total.max(1),
                max_per_item: Some(self.max_per_item).filter(|m| *m > 0),
            },
            "ranking" => {
                let k = Some(self.top_k).filter(|k| *k > 0);
                Method::Ranking {
                    top_k: k,
                    scoring: self.scoring,
                    at_most: k.is_some() && self.at_most,
                }
            }
            "score" => Method::Score { lo: 1, hi: 5 },
            "moscow" => Method::Moscow,
            "impact_effort" => Method::ImpactEffort,
            _ => Method::Dots {
                budget: self.budget.max(1),
                cap: self.cap.max(1),
                all_required: self.all_required,
            },
        }
    }
}

/// The form's name of a method's kind.
#[must_use]
pub fn method_kind(method: &Method) -> &'static str {
    match method {
        Method::Dots { .. } => "dots",
        Method::Approval => "approval",
        Method::Points { .. } => "points",
        Method::Ranking { .. } => "ranking",
        Method::Score { .. } => "score",
        Method::Moscow => "moscow",
        Method::ImpactEffort => "impact_effort",
    }
}

/// A capacity rule from the form's kind (`top_n`, `greedy`, `optimal`; else none) and number.
#[must_use]
pub fn capacity_of(kind: &str, value: u32) -> Option<Capacity> {
    match kind {
        "top_n" => Some(Capacity::TopN { n: value.max(1) }),
        "greedy" => Some(Capacity::Greedy { capacity: value }),
        "optimal" => Some(Capacity::Optimal { capacity: value }),
        _ => None,
    }
}

/// The form's kind and number of a capacity rule (none: `("none", 6)`).
#[must_use]
pub fn capacity_parts(c: Option<Capacity>) -> (&'static str, u32) {
    match c {
        Some(Capacity::TopN { n }) => ("top_n", n),
        Some(Capacity::Greedy { capacity }) => ("greedy", capacity),
        Some(Capacity::Optimal { capacity }) => ("optimal", capacity),
        None => ("none", 6),
    }
}

/// What the rules form submits.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundDraft {
    /// The round's name.
    pub title: String,
    /// The inspel chosen, in the form's order.
    pub items: Vec<Id>,
    /// The method.
    pub method: Method,
    /// The tie-break text.
    pub seed: String,
    /// The capacity rule chosen (a logged decision, not a locked rule).
    pub capacity: Option<Capacity>,
    /// Cost per inspel (0 or an inspel not chosen: left out).
    pub costs: BTreeMap<Id, u32>,
    /// Wall time now (ms), for the capacity decision's log entry.
    pub now_ms: u64,
}

/// Why a draft makes no command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftError {
    /// Fewer than two inspel chosen.
    TooFewItems,
}

impl Localized for DraftError {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::TooFewItems, Lang::Sv) => "Välj minst två inspel.".into(),
            (Self::TooFewItems, Lang::En) => "Choose at least two inputs.".into(),
        }
    }
}

impl RoundDraft {
    /// The command for this draft: a batch of edits of `existing` when it may still change
    /// (not locked by a ballot, not copied), else a new open round with `new_id`. The capacity
    /// is appended to the round's capacity log when it differs from the last decision (or,
    /// with no log, when there is one): it can be decided again after the vote. Returns the
    /// new round's id with a creation.
    ///
    /// # Errors
    /// [`DraftError::TooFewItems`] with fewer than two inspel.
    pub fn command(
        &self,
        existing: Option<&Round>,
        locked_or_copy: bool,
        new_id: Id,
    ) -> Result<(Command, Option<Id>), DraftError> {
        if self.items.len() < 2 {
            return Err(DraftError::TooFewItems);
        }
        let mut log = existing
            .and_then(Round::capacity_log)
            .cloned()
            .unwrap_or_default();
        if log
            .last()
            .map_or(self.capacity.is_some(), |d| d.rule != self.capacity)
        {
            log.push(CapacityDecision {
                rule: self.capacity,
                who: String::new(),
                at: self.now_ms,
                after_results: false,
            });
        }
        let costs: BTreeMap<&Id, u32> = self
            .costs
            .iter()
            .filter(|(id, c)| **c > 0 && self.items.contains(id))
            .map(|(id, c)| (id, *c))
            .collect();
        let mut fields: BTreeMap<String, Value> = BTreeMap::new();
        fields.insert(Round::TITLE.name().into(), to_json(&self.title.trim()));
        fields.insert(Round::ITEMS.name().into(), to_json(&self.items));
        fields.insert(Round::METHOD.name().into(), to_json(&self.method));
        fields.insert(Round::SEED.name().into(), to_json(&self.seed.trim()));
        fields.insert(Round::CAPACITY.name().into(), to_json(&None::<Capacity>));
        fields.insert(Round::CAPACITY_LOG.name().into(), to_json(&log));
        fields.insert(Round::COSTS.name().into(), to_json(&costs));
        Ok(match existing {
            Some(r) if !locked_or_copy => {
                let commands = fields
                    .into_iter()
                    .map(|(field, value)| Command::Edit {
                        kind: Kind::Round,
                        id: r.id.clone(),
                        field,
                        value,
                    })
                    .collect();
                (Command::Batch { commands }, None)
            }
            _ => {
                fields.insert(Round::STATUS.name().into(), to_json(&RoundStatus::Open));
                let cmd = Command::Create {
                    kind: Kind::Round,
                    id: new_id.clone(),
                    fields,
                };
                (cmd, Some(new_id))
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Hlc;
    use crate::command::{Stamper, apply};

    fn id(n: u8) -> Id {
        Id::from_random_bytes([n; 16])
    }

    #[test]
    fn the_form_round_trips_every_method_and_clamps_its_numbers() {
        for m in [
            Method::Approval,
            Method::Points {
                total: 100,
                max_per_item: Some(40),
            },
            Method::Ranking {
                top_k: Some(3),
                scoring: RankScoring::Schulze,
                at_most: true,
            },
            Method::Score { lo: 1, hi: 5 },
            Method::Moscow,
            Method::ImpactEffort,
            Method::Dots {
                budget: 7,
                cap: 2,
                all_required: true,
            },
        ] {
            assert_eq!(MethodForm::of(&m).method(), m);
        }
        let mut f = MethodForm::of(&Method::default());
        f.budget = 0;
        f.cap = 0;
        assert_eq!(
            f.method(),
            Method::Dots {
                budget: 1,
                cap: 1,
                all_required: false
            }
        );
        f.kind = "ranking".into();
        f.at_most = true;
        assert!(matches!(
            f.method(),
            Method::Ranking {
                top_k: None,
                at_most: false,
                ..
            }
        ));
        for c in [
            None,
            Some(Capacity::TopN { n: 4 }),
            Some(Capacity::Greedy { capacity: 9 }),
            Some(Capacity::Optimal { capacity: 3 }),
        ] {
            let (k, v) = capacity_parts(c);
            assert_eq!(capacity_of(k, v), c);
        }
    }

    #[test]
    fn a_draft_creates_an_open_round_then_edits_it_until_locked() {
        let mut doc = crate::demo::demo_doc();
        let items: Vec<Id> = doc.inspel.live().take(3).map(|i| i.id.clone()).collect();
        let mut draft = RoundDraft {
            title: " Prickar ".into(),
            items: items[..1].to_vec(),
            method: Method::default(),
            seed: "2026-12-02".into(),
            capacity: Some(Capacity::TopN { n: 2 }),
            costs: [(items[0].clone(), 3), (items[1].clone(), 0), (id(99), 5)].into(),
            now_ms: 7,
        };
        let e = draft.command(None, false, id(50)).unwrap_err();
        assert_eq!(e.message(Lang::Sv), "Välj minst två inspel.");
        draft.items = items.clone();
        let (cmd, new) = draft.command(None, false, id(50)).unwrap();
        assert_eq!(new, Some(id(50)));
        let mut clock = Hlc::new("dev.a");
        let mut st = Stamper {
            clock: &mut clock,
            now_ms: 10,
        };
        apply(&mut doc, &cmd, &mut st).unwrap();
        let r = doc.rounds.get(&id(50)).unwrap().clone();
        assert_eq!(r.title().map(String::as_str), Some("Prickar"));
        assert_eq!(r.status(), Some(&RoundStatus::Open));
        assert_eq!(
            r.costs().unwrap().len(),
            1,
            "zero costs and others' left out"
        );
        assert_eq!(r.capacity_rule(), Some(Capacity::TopN { n: 2 }));
        assert_eq!(r.capacity_log().unwrap().len(), 1);
        // The same capacity again logs nothing new; an edit of the unlocked round is a batch.
        draft.title = "Prickar 2".into();
        let (cmd, new) = draft.command(Some(&r), false, id(51)).unwrap();
        assert!(new.is_none() && matches!(cmd, Command::Batch { .. }));
        apply(&mut doc, &cmd, &mut st).unwrap();
        let r = doc.rounds.get(&id(50)).unwrap().clone();
        assert_eq!(r.title().map(String::as_str), Some("Prickar 2"));
        assert_eq!(r.capacity_log().unwrap().len(), 1);
        // Locked (or copied): a new round, carrying the log and the new decision.
        draft.capacity = None;
        let (cmd, new) = draft.command(Some(&r), true, id(52)).unwrap();
        assert_eq!(new, Some(id(52)));
        apply(&mut doc, &cmd, &mut st).unwrap();
        let copy = doc.rounds.get(&id(52)).unwrap();
        assert_eq!(copy.capacity_log().unwrap().len(), 2);
        assert_eq!(copy.capacity_rule(), None);
    }
}
