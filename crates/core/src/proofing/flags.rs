//! Flags, not scores (DOMAIN §7.2): what an assessment must take a position on before it can
//! be closed — a targeted goal with a negative first-order interaction in the goal-conflict
//! matrix (`a(t, j) ≤ −1`, the consensus value, else the median) or a negative second-order
//! path hidden behind a harmless direct cell (named with the goal in between); a matter that
//! may be of particular importance to the Sami (a consultation before the decision, lag
//! 2022:66); a knowledge gap. Each flag has a stable key; an assessment acknowledges it with a
//! comment.
use std::collections::BTreeMap;

use serde::Serialize;

use crate::Doc;
use crate::conflicts::case::{Effect, check_revealed};
use crate::conflicts::stats::Reveal;
use crate::kernel::id::Id;

/// A flag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "flag")]
pub enum Flag {
    /// Advancing `from` works against `to`: `a(from, to) = score ≤ −1`.
    Conflict {
        /// The targeted goal.
        from: Id,
        /// The goal that loses.
        to: Id,
        /// The matrix value.
        score: i8,
    },
    /// Advancing `from` works against `to` through `via`: `a(from, via)·a(via, to) < 0`
    /// while the direct cell does not conflict.
    Path {
        /// The targeted goal.
        from: Id,
        /// The goal in between.
        via: Id,
        /// The goal that loses.
        to: Id,
        /// `a(from, via)·a(via, to)`.
        impact: i64,
    },
    /// May be of particular importance to the Sami: a consultation is needed before the
    /// decision.
    Sami,
    /// A knowledge gap the assessor recorded.
    KnowledgeGap,
}

impl Flag {
    /// Its stable key (what an acknowledgement is stored under).
    #[must_use]
    pub fn key(&self) -> String {
        match self {
            Self::Conflict { from, to, .. } => format!("conflict:{from}:{to}"),
            Self::Path { from, via, to, .. } => format!("path:{from}:{via}:{to}"),
            Self::Sami => "sami".to_owned(),
            Self::KnowledgeGap => "gap".to_owned(),
        }
    }
}

/// The flags of a case that targets `goals`, checked against `matrix` (none when there is
/// none), `sami` if it may be of particular importance to the Sami, and `gap` the knowledge
/// gap recorded (empty: none). Conflicts most negative first, then paths, then Sami, then the
/// gap.
#[must_use]
pub fn flags(doc: &Doc, matrix: Option<&Id>, goals: &[Id], sami: bool, gap: &str) -> Vec<Flag> {
    flags_in(doc, &mut Reveals::default(), matrix, goals, sami, gap)
}

/// The matrices read for their flags, each once: a page of every application checks them
/// against the same matrix, and reading it (every rater's every cell) is the costly part.
#[derive(Default)]
pub struct Reveals(BTreeMap<Id, Option<Reveal>>);

impl Reveals {
    /// Matrix `id` of `doc`, read the first time it is asked for.
    pub fn get(&mut self, doc: &Doc, id: &Id) -> Option<&Reveal> {
        self.0
            .entry(id.clone())
            .or_insert_with(|| Reveal::of(doc, id))
            .as_ref()
    }
}

/// [`flags`] with the matrices read once (`reveals`).
pub fn flags_in(
    doc: &Doc,
    reveals: &mut Reveals,
    matrix: Option<&Id>,
    goals: &[Id],
    sami: bool,
    gap: &str,
) -> Vec<Flag> {
    let mut out = Vec::new();
    let named: Vec<(&Id, Effect)> = goals.iter().map(|g| (g, Effect::Advances)).collect();
    let check = matrix
        .and_then(|m| reveals.get(doc, m))
        .map(|r| check_revealed(r, &named));
    if let Some(check) = check {
        out.extend(check.direct.into_iter().map(|d| Flag::Conflict {
            from: d.from,
            to: d.to,
            score: d.score,
        }));
        out.extend(check.indirect.into_iter().map(|p| Flag::Path {
            from: p.from,
            via: p.via,
            to: p.to,
            impact: p.impact,
        }));
    }
    if sami {
        out.push(Flag::Sami);
    }
    if !gap.trim().is_empty() {
        out.push(Flag::KnowledgeGap);
    }
    out
}

/// The flags not yet acknowledged with a comment (by key in `comments`).
#[must_use]
pub fn open<'a>(flags: &'a [Flag], comments: &BTreeMap<String, String>) -> Vec<&'a Flag> {
    flags
        .iter()
        .filter(|f| comments.get(&f.key()).is_none_or(|c| c.trim().is_empty()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conflicts::demo::{DEMO_MATRIX, demo_id};

    #[test]
    fn a_targeted_goal_with_a_negative_cell_is_flagged_and_needs_a_comment() {
        let d = crate::demo::demo_doc();
        let matrix = demo_id(DEMO_MATRIX);
        // Find, over the demo's revealed values, a targeted goal t and a goal j with
        // a(t, j) ≤ −1: that pair must be flagged with its value.
        let reveal = crate::conflicts::stats::Reveal::of(&d, &matrix).unwrap();
        let goals = reveal.goals.clone();
        let values = reveal.values();
        let (t, j, v) = (0..goals.len())
            .flat_map(|i| (0..goals.len()).map(move |k| (i, k)))
            .filter(|(i, k)| i != k)
            .find_map(|(i, k)| values[i][k].filter(|v| *v <= -1).map(|v| (i, k, v)))
            .expect("the demo matrix has a conflict");
        let f = flags(&d, Some(&matrix), &[goals[t].clone()], true, "");
        let conflict = Flag::Conflict {
            from: goals[t].clone(),
            to: goals[j].clone(),
            score: v,
        };
        assert!(f.contains(&conflict), "{f:?}");
        assert_eq!(f.last(), Some(&Flag::Sami));
        // Every flag open until commented; a blank comment does not count.
        let mut comments = BTreeMap::new();
        assert_eq!(open(&f, &comments).len(), f.len());
        comments.insert(conflict.key(), "  ".to_owned());
        assert_eq!(open(&f, &comments).len(), f.len());
        comments.insert(conflict.key(), "Vägs mot nyttan för inlandet".to_owned());
        assert_eq!(open(&f, &comments).len(), f.len() - 1);
        // No matrix, no Sami, no gap: nothing to take a position on.
        assert!(flags(&d, None, &goals, false, " ").is_empty());
        assert_eq!(
            flags(&d, None, &goals, false, "Okänd effekt på rennäringen"),
            vec![Flag::KnowledgeGap]
        );
    }
}
