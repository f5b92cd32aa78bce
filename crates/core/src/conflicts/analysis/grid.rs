//! The scored matrix of goal interactions (DOMAIN.md §4.1–4.3): `a[i][j]` is "how does progress
//! on goal `i` influence progress on goal `j`", on the Nilsson scale −3..=+3, or unjudged.
use serde::{Deserialize, Serialize};

use crate::lang::{Lang, Localized};

/// Most goals (targets) in one matrix. 169 is the number of SDG targets; the analysis is
/// quadratic in cells and cubic in the two-step paths (169³ ≈ 4.8 million), so it stays well
/// under 100 ms natively at this size (see `analysis::tests`).
pub const MAX_GOALS: usize = 169;
/// Lowest score: −3, cancelling (omöjliggörande).
pub const SCORE_MIN: i8 = -3;
/// Highest score: +3, indivisible (odelbar).
pub const SCORE_MAX: i8 = 3;

/// Why a matrix is refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum GridError {
    /// More goals than [`MAX_GOALS`].
    #[error("{n} goals, at most {max}")]
    TooMany {
        /// Goals given.
        n: usize,
        /// Most allowed.
        max: usize,
    },
    /// A row whose length is not the number of rows.
    #[error("row {row} has {len} cells, {n} expected")]
    NotSquare {
        /// The row (0-based).
        row: usize,
        /// Its length.
        len: usize,
        /// The number of rows.
        n: usize,
    },
    /// A score outside −3..=+3.
    #[error("cell ({i}, {j}) is {value}, outside -3..=3")]
    OutOfRange {
        /// Row.
        i: usize,
        /// Column.
        j: usize,
        /// The score given.
        value: i8,
    },
    /// A non-zero score on the diagonal (a goal's influence on itself is undefined).
    #[error("cell ({i}, {i}) is on the diagonal")]
    Diagonal {
        /// The goal.
        i: usize,
    },
    /// A cell outside the matrix.
    #[error("cell ({i}, {j}) is outside a {n} × {n} matrix")]
    OutOfBounds {
        /// Row.
        i: usize,
        /// Column.
        j: usize,
        /// The matrix size.
        n: usize,
    },
}

impl Localized for GridError {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::TooMany { n, max }, Lang::Sv) => {
                format!("{n} mål i matrisen, högst {max} är tillåtet.")
            }
            (Self::TooMany { n, max }, Lang::En) => {
                format!("{n} goals in the matrix; at most {max} are allowed.")
            }
            (Self::NotSquare { row, len, n }, Lang::Sv) => {
                format!("Rad {} har {len} celler, {n} väntades.", row + 1)
            }
            (Self::NotSquare { row, len, n }, Lang::En) => {
                format!("Row {} has {len} cells; {n} were expected.", row + 1)
            }
            (Self::OutOfRange { value, .. }, Lang::Sv) => {
                format!("Värdet {value} ligger utanför skalan −3 till +3.")
            }
            (Self::OutOfRange { value, .. }, Lang::En) => {
                format!("The score {value} is outside the scale −3 to +3.")
            }
            (Self::Diagonal { .. }, Lang::Sv) => {
                "Ett mål kan inte bedömas mot sig självt (diagonalen).".into()
            }
            (Self::Diagonal { .. }, Lang::En) => {
                "A goal cannot be scored against itself (the diagonal).".into()
            }
            (Self::OutOfBounds { i, j, n }, Lang::Sv) => {
                format!(
                    "Cellen ({}, {}) ligger utanför matrisen med {n} mål.",
                    i + 1,
                    j + 1
                )
            }
            (Self::OutOfBounds { i, j, n }, Lang::En) => {
                format!(
                    "The cell ({}, {}) is outside the matrix of {n} goals.",
                    i + 1,
                    j + 1
                )
            }
        }
    }
}

/// An `n × n` matrix of scores, row-major. `None` = not judged (OPEN-11: unjudged is not 0; the
/// analysis counts it as 0 and reports the coverage). The diagonal is always `None`.
///
/// Goals are numbered `0..n`; callers map an index to a goal id and back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Grid {
    n: usize,
    cells: Vec<Option<i8>>,
}

fn check_score(i: usize, j: usize, value: Option<i8>) -> Result<Option<i8>, GridError> {
    match value {
        Some(v) if !(SCORE_MIN..=SCORE_MAX).contains(&v) => {
            Err(GridError::OutOfRange { i, j, value: v })
        }
        // The diagonal is undefined; "stored as 0" (DOMAIN.md §4.3) is accepted and kept as None.
        Some(0) | None if i == j => Ok(None),
        Some(_) if i == j => Err(GridError::Diagonal { i }),
        v => Ok(v),
    }
}

impl Grid {
    /// An `n × n` matrix with nothing judged.
    ///
    /// # Errors
    /// [`GridError::TooMany`] when `n >` [`MAX_GOALS`].
    pub fn new(n: usize) -> Result<Self, GridError> {
        if n > MAX_GOALS {
            return Err(GridError::TooMany { n, max: MAX_GOALS });
        }
        Ok(Self {
            n,
            cells: vec![None; n * n],
        })
    }

    /// A matrix from its rows. A diagonal cell may be `None` or `Some(0)` (kept as `None`).
    ///
    /// # Errors
    /// The first problem, checked row by row: too many rows, a row of the wrong length, a score
    /// outside −3..=+3, a non-zero diagonal cell.
    pub fn from_rows(rows: &[Vec<Option<i8>>]) -> Result<Self, GridError> {
        let n = rows.len();
        let mut grid = Self::new(n)?;
        for (i, row) in rows.iter().enumerate() {
            if row.len() != n {
                return Err(GridError::NotSquare {
                    row: i,
                    len: row.len(),
                    n,
                });
            }
            for (j, v) in row.iter().enumerate() {
                grid.cells[i * n + j] = check_score(i, j, *v)?;
            }
        }
        Ok(grid)
    }

    /// The number of goals.
    #[must_use]
    pub const fn n(&self) -> usize {
        self.n
    }

    /// The score of cell `(i, j)`; `None` when unjudged, on the diagonal or outside the matrix.
    #[must_use]
    pub fn get(&self, i: usize, j: usize) -> Option<i8> {
        if i < self.n && j < self.n {
            self.cells[i * self.n + j]
        } else {
            None
        }
    }

    /// Sets cell `(i, j)` (`None` = unjudged).
    ///
    /// # Errors
    /// A cell outside the matrix, a score outside −3..=+3, or a non-zero diagonal score; the
    /// matrix is then unchanged.
    pub fn set(&mut self, i: usize, j: usize, value: Option<i8>) -> Result<(), GridError> {
        if i >= self.n || j >= self.n {
            return Err(GridError::OutOfBounds { i, j, n: self.n });
        }
        self.cells[i * self.n + j] = check_score(i, j, value)?;
        Ok(())
    }

    /// The value the analysis uses for cell `(i, j)`: the score, or 0 when unjudged (OPEN-11,
    /// formula id [`UNJUDGED_AS_ZERO`]), on the diagonal or outside the matrix.
    #[must_use]
    pub fn value(&self, i: usize, j: usize) -> i64 {
        self.get(i, j).map_or(0, i64::from)
    }

    /// `(judged, n(n − 1))`: how many off-diagonal cells hold a score, of all of them. Shown
    /// with every result ("k of n(n−1) judged", DOMAIN.md §4.1).
    #[must_use]
    pub fn coverage(&self) -> (usize, usize) {
        let judged = self.cells.iter().filter(|c| c.is_some()).count();
        (judged, self.n * self.n.saturating_sub(1))
    }

    /// Every value ([`Grid::value`]) row-major, `n²` entries, diagonal 0.
    pub(crate) fn values(&self) -> Vec<i64> {
        self.cells.iter().map(|c| c.map_or(0, i64::from)).collect()
    }
}

/// Formula id of the rule "an unjudged cell counts as 0 in every sum, with the coverage shown"
/// (OPEN-11).
pub const UNJUDGED_AS_ZERO: &str = "null_as_0_v1";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_rows_checks_shape_range_and_diagonal() {
        let ok = Grid::from_rows(&[
            vec![None, Some(3), None],
            vec![Some(-3), Some(0), Some(1)],
            vec![None, None, None],
        ]);
        // Some(0) on the diagonal is accepted and stored as None.
        let g = ok.unwrap();
        assert_eq!(g.n(), 3);
        assert_eq!(g.get(1, 1), None);
        assert_eq!(g.get(0, 1), Some(3));
        assert_eq!(g.value(1, 0), -3);
        assert_eq!(g.value(0, 2), 0);
        assert_eq!(g.value(9, 9), 0);
        // judged: (0,1), (1,0), (1,2) = 3 of 3·2 = 6.
        assert_eq!(g.coverage(), (3, 6));

        assert_eq!(
            Grid::from_rows(&[vec![None, Some(1)], vec![None]]),
            Err(GridError::NotSquare {
                row: 1,
                len: 1,
                n: 2
            })
        );
        assert_eq!(
            Grid::from_rows(&[vec![None, Some(4)], vec![None, None]]),
            Err(GridError::OutOfRange {
                i: 0,
                j: 1,
                value: 4
            })
        );
        assert_eq!(
            Grid::from_rows(&[vec![None, Some(-4)], vec![None, None]]),
            Err(GridError::OutOfRange {
                i: 0,
                j: 1,
                value: -4
            })
        );
        assert_eq!(
            Grid::from_rows(&[vec![None, None], vec![None, Some(2)]]),
            Err(GridError::Diagonal { i: 1 })
        );
        assert_eq!(Grid::from_rows(&[]).map(|g| g.coverage()), Ok((0, 0)));
    }

    #[test]
    fn the_size_limit_is_enforced() {
        assert!(Grid::new(MAX_GOALS).is_ok());
        assert_eq!(
            Grid::new(MAX_GOALS + 1),
            Err(GridError::TooMany {
                n: MAX_GOALS + 1,
                max: MAX_GOALS
            })
        );
        let rows = vec![vec![None; MAX_GOALS + 1]; MAX_GOALS + 1];
        assert!(matches!(
            Grid::from_rows(&rows),
            Err(GridError::TooMany { .. })
        ));
    }

    #[test]
    fn set_checks_and_leaves_the_grid_unchanged_on_error() {
        let mut g = Grid::new(3).unwrap();
        g.set(0, 2, Some(-2)).unwrap();
        assert_eq!(g.get(0, 2), Some(-2));
        assert_eq!(
            g.set(0, 2, Some(7)),
            Err(GridError::OutOfRange {
                i: 0,
                j: 2,
                value: 7
            })
        );
        assert_eq!(g.get(0, 2), Some(-2));
        assert_eq!(g.set(2, 2, Some(1)), Err(GridError::Diagonal { i: 2 }));
        assert_eq!(g.set(2, 2, Some(0)), Ok(()));
        assert_eq!(
            g.set(3, 0, Some(1)),
            Err(GridError::OutOfBounds { i: 3, j: 0, n: 3 })
        );
        g.set(0, 2, None).unwrap();
        assert_eq!(g.coverage(), (0, 6));
    }

    #[test]
    fn errors_have_both_languages() {
        let e = GridError::TooMany { n: 200, max: 169 };
        assert!(e.message(Lang::Sv).contains("högst 169"));
        assert!(e.message(Lang::En).contains("at most 169"));
    }
}
