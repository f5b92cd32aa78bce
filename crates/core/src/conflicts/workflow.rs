//! The module's workflows as commands: a standard goal set, a new matrix, a rater's score of
//! a cell (creating their scoring on the first one), suggestions from an earlier matrix, the
//! reveal, and a consensus value. Views only call these.
use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::kernel::command::DomainError;
use crate::kernel::id::Id;
use crate::kernel::lang::Lang;
use crate::kernel::record::Record;
use crate::{Command, Doc, Kind};

use super::goal::{Goal, GoalSet, GoalSource, standard_goals};
use super::matrix::{Agreed, Cell, Matrix, MatrixStatus, Pair, Scoring, scoring_id};
use super::stats::Reveal;

fn create(kind: Kind, id: &Id, fields: impl IntoIterator<Item = (&'static str, Value)>) -> Command {
    Command::Create {
        kind,
        id: id.clone(),
        fields: fields
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect::<BTreeMap<_, _>>(),
    }
}

/// A new goal set `set` named `name` with the standard goals of `source` (none for custom
/// sets); each goal's id from `new_id`. Returns the batch and the goals' ids in order.
pub fn new_goal_set(
    set: &Id,
    name: &str,
    source: GoalSource,
    lang: Lang,
    mut new_id: impl FnMut() -> Id,
) -> (Command, Vec<Id>) {
    let mut commands = vec![create(
        Kind::GoalSet,
        set,
        [
            (GoalSet::NAME.name(), json!(name)),
            (GoalSet::SOURCE.name(), crate::kernel::reg::to_json(&source)),
        ],
    )];
    let mut ids = Vec::new();
    for (k, (code, goal)) in standard_goals(source, lang).into_iter().enumerate() {
        let id = new_id();
        commands.push(new_goal(
            &id,
            set,
            &code,
            &goal,
            u32::try_from(k).unwrap_or(u32::MAX),
        ));
        ids.push(id);
    }
    (Command::Batch { commands }, ids)
}

/// A new goal in `set`.
#[must_use]
pub fn new_goal(id: &Id, set: &Id, code: &str, name: &str, order: u32) -> Command {
    create(
        Kind::Goal,
        id,
        [
            (Goal::SET.name(), json!(set)),
            (Goal::CODE.name(), json!(code)),
            (Goal::NAME.name(), json!(name)),
            (Goal::ORDER.name(), json!(order)),
        ],
    )
}

/// A new matrix over `goals` (of `set`).
#[must_use]
pub fn new_matrix(id: &Id, name: &str, set: &Id, goals: &[Id]) -> Command {
    create(
        Kind::Matrix,
        id,
        [
            (Matrix::NAME.name(), json!(name)),
            (Matrix::SET.name(), json!(set)),
            (Matrix::GOALS.name(), json!(goals)),
        ],
    )
}

/// `rater`'s answer for `pair` of `matrix` (`None` clears it): an edit of their scoring, or
/// its creation with this first cell. The scoring's id is [`scoring_id`], so the same rater
/// on two tablets writes one record.
///
/// # Errors
/// [`DomainError::NotFound`] when the matrix does not exist; [`DomainError::Rule`] for an
/// empty rater name.
pub fn score(
    doc: &Doc,
    matrix: &Id,
    rater: &str,
    pair: &Pair,
    cell: Option<Cell>,
) -> Result<Command, DomainError> {
    if doc.matrices.get(matrix).is_none() {
        return Err(DomainError::NotFound {
            kind: Matrix::KIND,
            id: matrix.clone(),
        });
    }
    let id = scoring_id(matrix, rater);
    let cells = Scoring::CELLS.set(&id, &[(pair.clone(), cell)]);
    if doc.scorings.0.contains_key(&id) {
        return Ok(cells);
    }
    let value = match &cells {
        Command::Edit { value, .. } => value.clone(),
        _ => Value::Null,
    };
    Ok(create(
        Kind::Scoring,
        &id,
        [
            (Scoring::MATRIX.name(), json!(matrix)),
            (Scoring::RATER.name(), json!(rater.trim())),
            (Scoring::CELLS.name(), value),
        ],
    ))
}

/// The reveal (or back to silent scoring).
#[must_use]
pub fn set_status(matrix: &Id, status: MatrixStatus) -> Command {
    Matrix::STATUS.edit(matrix, &status)
}

/// The agreed value of `pair` (`None` withdraws it; the median applies again).
#[must_use]
pub fn set_consensus(matrix: &Id, pair: &Pair, agreed: Option<Agreed>) -> Command {
    Matrix::CONSENSUS.set(matrix, &[(pair.clone(), agreed)])
}

/// Sparse scoring: `matrix` is scored on `pairs` only from now on (none: every pair again).
/// Pairs selected before and not in `pairs` are unselected, so the selection is exactly
/// `pairs`. `None` when the matrix does not exist or nothing would change.
#[must_use]
pub fn select_pairs(doc: &Doc, matrix: &Id, pairs: &[Pair]) -> Option<Command> {
    let m = doc.matrices.get(matrix)?;
    let want: std::collections::BTreeSet<&Pair> = pairs.iter().filter(|p| p.row != p.col).collect();
    let now: std::collections::BTreeSet<&Pair> = m
        .selected()
        .map(|s| {
            s.0.iter()
                .filter(|(_, r)| r.value)
                .map(|(k, _)| k)
                .collect()
        })
        .unwrap_or_default();
    let mut entries: Vec<(Pair, bool)> = want
        .difference(&now)
        .map(|p| ((*p).clone(), true))
        .collect();
    entries.extend(now.difference(&want).map(|p| ((*p).clone(), false)));
    (!entries.is_empty()).then(|| Matrix::SELECTED.set(matrix, &entries))
}

/// The pairs of `matrix` waiting for discussion (range at least the threshold or opposite
/// signs, no consensus yet): to be scored again on their own after the talk.
#[must_use]
pub fn flagged_pairs(doc: &Doc, matrix: &Id) -> Vec<Pair> {
    Reveal::of(doc, matrix)
        .map(|r| r.flagged_pairs())
        .unwrap_or_default()
}

/// Every pair of `matrix` whose row or column goal is one of `goals` (both directions).
#[must_use]
pub fn pairs_touching(doc: &Doc, matrix: &Id, goals: &[Id]) -> Vec<Pair> {
    let Some(r) = Reveal::of(doc, matrix) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for row in &r.goals {
        for col in &r.goals {
            if row != col && (goals.contains(row) || goals.contains(col)) {
                out.push(Pair::new(row, col));
            }
        }
    }
    out
}

/// Suggestions for `target` from the analysed values of `earlier` (consensus, else median),
/// for the pairs whose goals both matrices share (by goal id, or else by goal code and name
/// when the matrices are over different sets). `None` when there is nothing to suggest.
#[must_use]
pub fn suggestions_from(doc: &Doc, target: &Id, earlier: &Id) -> Option<Command> {
    let t = Reveal::of(doc, target)?;
    let e = Reveal::of(doc, earlier)?;
    let key = |g: &Id| {
        doc.goals.get(g).map(|g| {
            (
                g.code().cloned().unwrap_or_default(),
                g.name().cloned().unwrap_or_default(),
            )
        })
    };
    // Each goal of the earlier matrix, by id and by (code, name).
    let by_id: BTreeMap<&Id, usize> = e.goals.iter().enumerate().map(|(k, g)| (g, k)).collect();
    let by_key: BTreeMap<_, usize> = e
        .goals
        .iter()
        .enumerate()
        .filter_map(|(k, g)| key(g).map(|x| (x, k)))
        .collect();
    let find = |g: &Id| {
        by_id
            .get(g)
            .copied()
            .or_else(|| key(g).and_then(|x| by_key.get(&x).copied()))
    };
    let values = e.values();
    let mut entries = Vec::new();
    for c in &t.cells {
        let (Some(i), Some(j)) = (find(&c.pair.row), find(&c.pair.col)) else {
            continue;
        };
        if let Some(v) = values.get(i).and_then(|r| r.get(j)).copied().flatten() {
            entries.push((c.pair.clone(), Some(v)));
        }
    }
    (!entries.is_empty()).then(|| Matrix::PRIOR.set(target, &entries))
}

/// Every suggestion of `matrix` that `rater` has not judged, confirmed as their score.
///
/// # Errors
/// As [`score`].
pub fn confirm_suggestions(
    doc: &Doc,
    matrix: &Id,
    rater: &str,
) -> Result<Option<Command>, DomainError> {
    let Some(m) = doc.matrices.get(matrix) else {
        return Err(DomainError::NotFound {
            kind: Matrix::KIND,
            id: matrix.clone(),
        });
    };
    let own = doc.scorings.get(&scoring_id(matrix, rater));
    let entries: Vec<(Pair, Option<Cell>)> = m
        .prior()
        .into_iter()
        .flat_map(|p| p.0.iter())
        .filter_map(|(pair, r)| r.value.map(|v| (pair, v)))
        .filter(|(pair, _)| m.wants(pair) && own.and_then(|s| s.cell(pair)).is_none())
        .map(|(pair, v)| {
            (
                pair.clone(),
                Some(Cell {
                    score: v,
                    ..Cell::default()
                }),
            )
        })
        .collect();
    if entries.is_empty() {
        return Ok(None);
    }
    let id = scoring_id(matrix, rater);
    if own.is_some() || doc.scorings.0.contains_key(&id) {
        return Ok(Some(Scoring::CELLS.set(&id, &entries)));
    }
    let Command::Edit { value, .. } = Scoring::CELLS.set::<Kind>(&id, &entries) else {
        return Ok(None);
    };
    Ok(Some(create(
        Kind::Scoring,
        &id,
        [
            (Scoring::MATRIX.name(), json!(matrix)),
            (Scoring::RATER.name(), json!(rater.trim())),
            (Scoring::CELLS.name(), value),
        ],
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conflicts::demo::{DEMO_MATRIX, demo_id};
    use crate::kernel::clock::Hlc;
    use crate::kernel::command::{Stamper, apply};

    fn run(d: &mut Doc, cmd: &Command) {
        let mut clock = Hlc::new("t");
        let mut st = Stamper {
            clock: &mut clock,
            now_ms: 1_800_000_000_000,
        };
        apply(d, cmd, &mut st).unwrap();
    }

    #[test]
    fn sparse_scoring_selects_exactly_the_pairs_given_and_none_means_every_pair() {
        let mut d = crate::demo::demo_doc();
        let m = demo_id(DEMO_MATRIX);
        let goals = Reveal::of(&d, &m).unwrap().goals;
        assert_eq!(Reveal::of(&d, &m).unwrap().wanted, 72);
        // The pairs touching the first goal: its row and its column, 2 × (9 − 1) = 16.
        let first = pairs_touching(&d, &m, &goals[..1]);
        assert_eq!(first.len(), 16);
        let cmd = select_pairs(&d, &m, &first).unwrap();
        run(&mut d, &cmd);
        let r = Reveal::of(&d, &m).unwrap();
        assert_eq!(r.wanted, 16);
        let other = Pair::new(&goals[1], &goals[2]);
        assert!(!d.matrices.get(&m).unwrap().wants(&other));
        assert!(d.matrices.get(&m).unwrap().wants(&first[0]));
        // The same selection again changes nothing.
        assert!(select_pairs(&d, &m, &first).is_none());
        // Another selection replaces it: the second goal's 16 pairs, not 16 + 16 − 2.
        let second = pairs_touching(&d, &m, &goals[1..2]);
        let cmd = select_pairs(&d, &m, &second).unwrap();
        run(&mut d, &cmd);
        assert_eq!(Reveal::of(&d, &m).unwrap().wanted, 16);
        // None: every pair again.
        let cmd = select_pairs(&d, &m, &[]).unwrap();
        run(&mut d, &cmd);
        assert_eq!(Reveal::of(&d, &m).unwrap().wanted, 72);
        assert!(d.validate(10).is_empty());
    }

    #[test]
    fn the_flagged_pairs_are_scored_again_on_their_own() {
        let mut d = crate::demo::demo_doc();
        let m = demo_id(DEMO_MATRIX);
        let flagged = flagged_pairs(&d, &m);
        // The demo's queue (see `demo::tests`): flagged, no consensus yet.
        let r = Reveal::of(&d, &m).unwrap();
        let expected: Vec<Pair> = r
            .cells
            .iter()
            .filter(|c| c.flagged)
            .map(|c| c.pair.clone())
            .collect();
        assert!(!flagged.is_empty());
        assert_eq!(flagged, expected);
        let cmd = select_pairs(&d, &m, &flagged).unwrap();
        run(&mut d, &cmd);
        assert_eq!(Reveal::of(&d, &m).unwrap().wanted, flagged.len());
        // Diagonal "pairs" are never selected.
        let g = &r.goals[0];
        assert!(select_pairs(&d, &m, &[flagged.clone(), vec![Pair::new(g, g)]].concat()).is_none());
    }
}
