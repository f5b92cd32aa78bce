//! Matrices, the participants' scorings and the consensus: the records of cross-impact
//! scoring on the seven-point scale (DOMAIN §4.2). One person's scores for a whole matrix are
//! one [`Scoring`] record with a map field (every cell a register of its own, merged per
//! cell), so 900 cells are one record, not 900.
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Command;
use crate::Doc;
use crate::kernel::check::{self, NAME_MAX, Problem, ProblemKind, TEXT_MAX};
use crate::kernel::command::DomainError;
use crate::kernel::id::Id;
use crate::kernel::lang::Lang;
use crate::kernel::record::{Guard, Record};

use super::goal::GOALS_MAX;

/// Lowest score on the scale.
pub const SCORE_MIN: i8 = -3;
/// Highest score on the scale.
pub const SCORE_MAX: i8 = 3;
/// Longest rationale of one cell, in characters.
pub const RATIONALE_MAX: usize = 2_000;

/// An ordered pair of goals: "how does progress on `row` influence progress on `col`?".
/// In files it is the text `"<row id>><col id>"`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pair {
    /// The influencing goal.
    pub row: Id,
    /// The influenced goal.
    pub col: Id,
}

impl Pair {
    /// The pair `row → col`.
    #[must_use]
    pub fn new(row: &Id, col: &Id) -> Self {
        Self {
            row: row.clone(),
            col: col.clone(),
        }
    }
}

impl fmt::Display for Pair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}>{}", self.row, self.col)
    }
}

impl FromStr for Pair {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let (r, c) = s
            .split_once('>')
            .ok_or_else(|| format!("expected \"<row id>><column id>\", got {s:?}"))?;
        let row = Id::parse(r).map_err(|e| e.to_string())?;
        let col = Id::parse(c).map_err(|e| e.to_string())?;
        if row == col {
            return Err(format!("a goal does not influence itself: {s:?}"));
        }
        Ok(Self { row, col })
    }
}

impl Serialize for Pair {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Pair {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Pair {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Pair".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({"type": "string", "pattern": "^[0-9a-f-]{36}>[0-9a-f-]{36}$"})
    }
}

/// How sure a rater is of a score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Osäker.
    Low,
    /// Ganska säker.
    Medium,
    /// Säker.
    High,
}

impl Confidence {
    /// Every level, lowest first.
    pub const ALL: [Self; 3] = [Self::Low, Self::Medium, Self::High];

    /// The level's name.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Low, Lang::Sv) => "Osäker",
            (Self::Medium, Lang::Sv) => "Ganska säker",
            (Self::High, Lang::Sv) => "Säker",
            (Self::Low, Lang::En) => "Unsure",
            (Self::Medium, Lang::En) => "Fairly sure",
            (Self::High, Lang::En) => "Sure",
        }
    }
}

/// One rater's answer for one cell.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Cell {
    /// −3 … +3 (DOMAIN §4.2).
    pub score: i8,
    /// Why (optional).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rationale: String,
    /// How sure (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
}

/// The agreed value of a cell after discussion, kept apart from the individual scores.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Agreed {
    /// −3 … +3.
    pub score: i8,
    /// What the group said (optional).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Who recorded it (the facilitator's name or code).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
}

fn score_problem(score: i8) -> Option<ProblemKind> {
    (!(SCORE_MIN..=SCORE_MAX).contains(&score)).then_some(ProblemKind::OutOfRange {
        min: i64::from(SCORE_MIN),
        max: i64::from(SCORE_MAX),
    })
}

/// A cell's score on the scale and its rationale within [`RATIONALE_MAX`]; `null` (cleared)
/// is fine.
#[allow(clippy::ref_option)]
pub fn check_cell(c: &Option<Cell>) -> Option<ProblemKind> {
    let c = c.as_ref()?;
    score_problem(c.score).or_else(|| check::text::<RATIONALE_MAX>(&c.rationale))
}

/// An agreed value on the scale; `null` (withdrawn) is fine.
#[allow(clippy::ref_option)]
pub fn check_agreed(c: &Option<Agreed>) -> Option<ProblemKind> {
    let c = c.as_ref()?;
    score_problem(c.score)
        .or_else(|| check::text::<RATIONALE_MAX>(&c.note))
        .or_else(|| check::text::<NAME_MAX>(&c.by))
}

/// A suggestion on the scale; `null` is fine.
#[allow(clippy::ref_option)]
pub fn check_prior(c: &Option<i8>) -> Option<ProblemKind> {
    c.and_then(score_problem)
}

/// The discussion threshold: 1 … 6.
pub fn check_threshold(t: &u8) -> Option<ProblemKind> {
    (!(1..=6).contains(t)).then_some(ProblemKind::OutOfRange { min: 1, max: 6 })
}

/// Where a matrix is in the workshop.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MatrixStatus {
    /// Participants score silently; nobody sees the others' scores.
    #[default]
    Scoring,
    /// The facilitator has revealed the scores; flagged cells are discussed.
    Revealed,
}

impl MatrixStatus {
    /// The stage's name.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Scoring, Lang::Sv) => "Tyst bedömning",
            (Self::Revealed, Lang::Sv) => "Visad",
            (Self::Scoring, Lang::En) => "Silent scoring",
            (Self::Revealed, Lang::En) => "Revealed",
        }
    }
}

record_kind! {
    /// A cross-impact matrix over goals of one set.
    Matrix = "matrix" noun("matris", "matriser", en, "matrix", "matrices") {
        /// The matrix's name.
        name: String = check::required_text::<NAME_MAX>; required label names("namn", "name") handle(NAME),
        /// The goal set.
        set: Id = check::any; required refs(goal_set) names("måluppsättning", "goal set") handle(SET),
        /// The goals it is scored over, in the order shown (a subset of the set's goals).
        goals: Vec<Id> = check::list::<Id, GOALS_MAX>; refs(goal) names("mål", "goals") handle(GOALS),
        /// Sparse scoring: the pairs to score (`true`); when none is selected, every pair.
        selected: map<Pair, bool> = check::any; names("valda par", "selected pairs") handle(SELECTED),
        /// Suggestions (from an earlier matrix), shown until a rater confirms or changes them.
        prior: map<Pair, Option<i8>> = check_prior; names("förslag", "suggestions") handle(PRIOR),
        /// The agreed values, by pair.
        consensus: map<Pair, Option<Agreed>> = check_agreed; names("samsyn", "consensus") handle(CONSENSUS),
        /// Silent scoring or revealed.
        status: MatrixStatus = check::any; names("läge", "stage") handle(STATUS),
        /// A cell goes to discussion when its range is at least this (default 2), or when
        /// the raters disagree on the sign.
        threshold: u8 = check_threshold; names("diskussionsgräns", "discussion threshold") handle(THRESHOLD),
        /// Second order scaled by 1/3 (`(A/3)·A`, so two +3 links chain to +3).
        scale_second_order: bool = check::any; names("skala andra ordningen", "scale second order") handle(SCALE_SECOND_ORDER),
        /// What the matrix is for.
        description: String = check::text::<TEXT_MAX>; names("beskrivning", "description") handle(DESCRIPTION),
        /// In the trash.
        removed: bool = check::any; trash names("papperskorgen", "trash") handle(REMOVED),
    }
}

impl Matrix {
    /// The discussion threshold (2 when never set).
    #[must_use]
    pub fn range_threshold(&self) -> u8 {
        self.threshold().copied().unwrap_or(2)
    }

    /// Whether sparse scoring is on (some pair is selected).
    #[must_use]
    pub fn is_sparse(&self) -> bool {
        self.selected()
            .is_some_and(|m| m.0.values().any(|r| r.value))
    }

    /// Whether the pair is to be scored (every pair when none is selected).
    #[must_use]
    pub fn wants(&self, pair: &Pair) -> bool {
        !self.is_sparse()
            || self
                .selected()
                .and_then(|m| m.0.get(pair))
                .is_some_and(|r| r.value)
    }

    /// The agreed value of a pair, if any.
    #[must_use]
    pub fn agreed(&self, pair: &Pair) -> Option<&Agreed> {
        self.consensus()
            .and_then(|m| m.0.get(pair))
            .and_then(|r| r.value.as_ref())
    }

    /// The suggestion for a pair, if any.
    #[must_use]
    pub fn suggestion(&self, pair: &Pair) -> Option<i8> {
        self.prior()
            .and_then(|m| m.0.get(pair))
            .and_then(|r| r.value)
    }
}

/// A matrix's goals must be goals of its set, each once; map keys name only its goals.
impl Guard<Doc> for Matrix {
    fn check_doc(doc: &Doc, problems: &mut Vec<Problem>, limit: usize) {
        for m in doc.matrices.live() {
            let Some(set) = m.set() else { continue };
            let goals = m.goals().map_or(&[][..], Vec::as_slice);
            let mut seen = std::collections::BTreeSet::new();
            for (k, g) in goals.iter().enumerate() {
                let wrong_set = doc.goals.get(g).is_some_and(|goal| goal.set() != Some(set));
                if (wrong_set || !seen.insert(g)) && problems.len() < limit {
                    problems.push(Problem {
                        path: format!("workspace.matrices[id={}].goals.value[{k}]", m.id()),
                        kind: ProblemKind::Dangling { id: g.to_string() },
                    });
                }
            }
            let keys = [
                m.selected().map(|x| x.0.keys().collect::<Vec<_>>()),
                m.prior().map(|x| x.0.keys().collect::<Vec<_>>()),
                m.consensus().map(|x| x.0.keys().collect::<Vec<_>>()),
            ];
            for (field, keys) in ["selected", "prior", "consensus"].iter().zip(keys) {
                for p in keys.into_iter().flatten() {
                    if let Some(kind) = pair_problem(&seen, p)
                        && problems.len() < limit
                    {
                        problems.push(Problem {
                            path: format!("workspace.matrices[id={}].{field}[\"{p}\"]", m.id()),
                            kind,
                        });
                    }
                }
            }
        }
    }
}

fn pair_problem(goals: &std::collections::BTreeSet<&Id>, p: &Pair) -> Option<ProblemKind> {
    [&p.row, &p.col]
        .into_iter()
        .find(|g| !goals.contains(g))
        .map(|g| ProblemKind::Dangling { id: g.to_string() })
}

record_kind! {
    /// One rater's scores for one matrix: a register per cell.
    Scoring = "scoring" noun("bedömning", "bedömningar", en, "scoring", "scorings") {
        /// The matrix.
        matrix: Id = check::any; required refs(matrix) names("matris", "matrix") handle(MATRIX),
        /// The rater's code or name (a pseudonym is enough).
        rater: String = check::required_text::<120>; required label names("deltagare", "rater") handle(RATER),
        /// The scores by pair; `null` = cleared (not judged).
        cells: map<Pair, Option<Cell>> = check_cell; names("bedömningar", "scores") handle(CELLS),
        /// In the trash.
        removed: bool = check::any; trash names("papperskorgen", "trash") handle(REMOVED),
    }
}

impl Scoring {
    /// The rater's score of a pair, if judged.
    #[must_use]
    pub fn cell(&self, pair: &Pair) -> Option<&Cell> {
        self.cells()
            .and_then(|m| m.0.get(pair))
            .and_then(|r| r.value.as_ref())
    }

    /// Pairs judged (score set, not cleared).
    pub fn judged(&self) -> impl Iterator<Item = (&Pair, &Cell)> {
        self.cells()
            .into_iter()
            .flat_map(|m| m.0.iter())
            .filter_map(|(p, r)| r.value.as_ref().map(|c| (p, c)))
    }
}

/// The id of a rater's scoring of a matrix: derived from the matrix and the rater's name
/// (trimmed, lower-cased), so the same person scoring on two tablets is one record whose
/// cells merge one by one.
#[must_use]
pub fn scoring_id(matrix: &Id, rater: &str) -> Id {
    use sha2::{Digest, Sha256};
    let key = format!("scoring|{matrix}|{}", rater.trim().to_lowercase());
    let hash = Sha256::digest(key.as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&hash[..16]);
    Id::from_random_bytes(bytes)
}

/// A revealed matrix takes no new scores (the reveal would otherwise steer them); cells
/// must belong to the matrix.
impl Guard<Doc> for Scoring {
    fn guard(doc: &Doc, cmd: &Command) -> Result<(), DomainError> {
        let matrix = match cmd {
            Command::Create { fields, .. } => fields
                .get(Self::MATRIX.name())
                .and_then(serde_json::Value::as_str)
                .and_then(|s| Id::parse(s).ok()),
            Command::Edit { id, field, .. } if field == Self::CELLS.name() => {
                doc.scorings.get(id).and_then(|s| s.matrix().cloned())
            }
            _ => None,
        };
        let revealed = matrix
            .and_then(|m| doc.matrices.get(&m))
            .is_some_and(|m| m.status() == Some(&MatrixStatus::Revealed));
        if revealed {
            return Err(DomainError::Refused {
                kind: Self::KIND,
                sv: "Matrisen är visad och tar inte emot fler bedömningar. Facilitatorn kan gå tillbaka till tyst bedömning.",
                en: "The matrix has been revealed and takes no more scores. The facilitator can go back to silent scoring.",
            });
        }
        Ok(())
    }

    fn check_doc(doc: &Doc, problems: &mut Vec<Problem>, limit: usize) {
        for s in doc.scorings.live() {
            let Some(m) = s.matrix().and_then(|m| doc.matrices.get(m)) else {
                continue;
            };
            let goals: std::collections::BTreeSet<&Id> = m.goals().into_iter().flatten().collect();
            for p in s.cells().into_iter().flat_map(|c| c.0.keys()) {
                if let Some(kind) = pair_problem(&goals, p)
                    && problems.len() < limit
                {
                    problems.push(Problem {
                        path: format!("workspace.scorings[id={}].cells[\"{p}\"]", s.id()),
                        kind,
                    });
                }
            }
        }
    }
}

/// The label of a score on Nilsson's seven-point scale (DOMAIN §4.2), e.g. −2 "motverkande".
#[must_use]
pub const fn scale_label(score: i8, lang: Lang) -> &'static str {
    match (score, lang) {
        (3, Lang::Sv) => "odelbar",
        (2, Lang::Sv) => "förstärkande",
        (1, Lang::Sv) => "möjliggörande",
        (0, Lang::Sv) => "förenlig",
        (-1, Lang::Sv) => "begränsande",
        (-2, Lang::Sv) => "motverkande",
        (-3, Lang::Sv) => "omöjliggörande",
        (3, Lang::En) => "indivisible",
        (2, Lang::En) => "reinforcing",
        (1, Lang::En) => "enabling",
        (0, Lang::En) => "consistent",
        (-1, Lang::En) => "constraining",
        (-2, Lang::En) => "counteracting",
        (-3, Lang::En) => "cancelling",
        _ => "",
    }
}
