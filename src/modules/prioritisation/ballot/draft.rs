use leptos::prelude::*;
use std::collections::BTreeMap;
use vagval_core::Id;
use vagval_core::vote::{Answer, Method, Moscow};

/// What the participant has answered so far (one store per kind of answer).
#[derive(Clone, Copy)]
pub(super) struct Draft {
    /// Dots, approvals or points: one signal per item, so a tap touches one row.
    /// (Reference-counted signals: they outlive any one row's view.)
    pub(super) alloc: StoredValue<BTreeMap<Id, ArcRwSignal<u32>>>,
    /// Their sum.
    pub(super) used: RwSignal<u32>,
    pub(super) ranking: RwSignal<Vec<Id>>,
    pub(super) scores: RwSignal<BTreeMap<Id, u8>>,
    pub(super) moscow: RwSignal<BTreeMap<Id, Moscow>>,
    pub(super) impact: RwSignal<BTreeMap<Id, [u8; 2]>>,
}

impl Draft {
    pub(super) fn new() -> Self {
        Self {
            alloc: StoredValue::new(BTreeMap::new()),
            used: RwSignal::new(0),
            ranking: RwSignal::new(Vec::new()),
            scores: RwSignal::new(BTreeMap::new()),
            moscow: RwSignal::new(BTreeMap::new()),
            impact: RwSignal::new(BTreeMap::new()),
        }
    }

    pub(super) fn clear(self) {
        self.alloc.with_value(|a| a.values().for_each(|v| v.set(0)));
        self.used.set(0);
        self.ranking.set(Vec::new());
        self.scores.set(BTreeMap::new());
        self.moscow.set(BTreeMap::new());
        self.impact.set(BTreeMap::new());
    }

    /// Puts a kept answer back (a ballot half-way through, after a reload).
    pub(super) fn restore(self, answer: &Answer) {
        match answer {
            Answer::Allocation(a) => {
                let mut used = 0u32;
                for (id, n) in a {
                    let v = self.alloc.try_update_value(|m| {
                        m.entry(id.clone())
                            .or_insert_with(|| ArcRwSignal::new(0))
                            .clone()
                    });
                    if let Some(v) = v {
                        v.set(*n);
                        used = used.saturating_add(*n);
                    }
                }
                self.used.set(used);
            }
            Answer::Ranking(r) => self.ranking.set(r.clone()),
            Answer::Scores(m) => self.scores.set(m.clone()),
            Answer::Moscow(m) => self.moscow.set(m.clone()),
            Answer::ImpactEffort(m) => self.impact.set(m.clone()),
        }
    }

    /// Subscribes the running effect to every change of the answer.
    pub(super) fn track(self) {
        self.used.track();
        self.ranking.track();
        self.scores.track();
        self.moscow.track();
        self.impact.track();
    }

    pub(super) fn answer(self, method: &Method) -> Answer {
        match method {
            Method::Dots { .. } | Method::Approval | Method::Points { .. } => {
                Answer::Allocation(self.alloc.with_value(|a| {
                    a.iter()
                        .map(|(id, v)| (id.clone(), v.get_untracked()))
                        .filter(|(_, n)| *n > 0)
                        .collect()
                }))
            }
            Method::Ranking { .. } => Answer::Ranking(self.ranking.get_untracked()),
            Method::Score { .. } => Answer::Scores(self.scores.get_untracked()),
            Method::Moscow => Answer::Moscow(self.moscow.get_untracked()),
            Method::ImpactEffort => Answer::ImpactEffort(
                self.impact
                    .get_untracked()
                    .into_iter()
                    .filter(|(_, p)| p[0] > 0 && p[1] > 0)
                    .collect(),
            ),
        }
    }
}
