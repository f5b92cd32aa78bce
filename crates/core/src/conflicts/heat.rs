//! The heat map's overview for a matrix too large to draw cell by cell (issue 13: "canvas or
//! a virtualised grid above about 30×30"): the whole matrix as one SVG path per value class,
//! so a 169-goal matrix (28 392 cells) is nine elements, not 28 392; the cells themselves are
//! read in a windowed table beside it. Each cell is [`UNIT`] × [`UNIT`] user units, row `i`
//! at `y = i·UNIT`, column `j` at `x = j·UNIT`; neighbours in a row with the same class are
//! one rectangle.
use std::fmt::Write as _;

/// A cell's side in the overview's user units.
pub const UNIT: usize = 10;

/// Value classes: `−3 … +3` as 0 … 6 (the CSS classes `v0 … v6`), then unjudged.
pub const CLASSES: usize = 8;

/// The class of an analysed value (`None`: unjudged).
#[must_use]
pub fn class(value: Option<i8>) -> usize {
    value.map_or(CLASSES - 1, |v| usize::from(v.clamp(-3, 3).abs_diff(-3)))
}

/// The overview of one matrix.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Overview {
    /// Path data per class ([`class`]), empty where no cell has it.
    pub paths: Vec<String>,
    /// Path data of the markers of cells to discuss (a small square in the cell's middle).
    pub flagged: String,
}

/// Draws `cells` — `((row, column), analysed value, flagged)` row by row, columns rising, as
/// [`Reveal::cells`](super::stats::Reveal::cells) holds them. Cells not listed (the diagonal,
/// pairs not wanted) are left to the background.
#[must_use]
pub fn overview(cells: impl IntoIterator<Item = ((usize, usize), Option<i8>, bool)>) -> Overview {
    let mut paths = vec![String::new(); CLASSES];
    let mut flagged = String::new();
    // The run being drawn: row, first column, length, class.
    let mut run: Option<(usize, usize, usize, usize)> = None;
    let close = |paths: &mut Vec<String>, (i, j, len, k): (usize, usize, usize, usize)| {
        if let Some(p) = paths.get_mut(k) {
            let w = len * UNIT;
            let _ = write!(p, "M{} {}h{w}v{UNIT}h-{w}z", j * UNIT, i * UNIT);
        }
    };
    for ((i, j), value, flag) in cells {
        let k = class(value);
        run = match run {
            Some((ri, rj, len, rk)) if ri == i && rj + len == j && rk == k => {
                Some((ri, rj, len + 1, rk))
            }
            Some(r) => {
                close(&mut paths, r);
                Some((i, j, 1, k))
            }
            None => Some((i, j, 1, k)),
        };
        if flag {
            let _ = write!(flagged, "M{} {}h4v4h-4z", j * UNIT + 3, i * UNIT + 3);
        }
    }
    if let Some(r) = run {
        close(&mut paths, r);
    }
    Overview { paths, flagged }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three goals, worked by hand (UNIT = 10):
    ///
    /// ```text
    ///        0     1     2
    ///   0    ·    +2    +2        one run of two +2 cells: M10 0h20v10h-20z
    ///   1   −3    ·    (none)     −3 at x 0, y 10; the unjudged cell at x 20, y 10
    ///   2   +2⚑  +1    ·          +2 at x 0, y 20 (flagged: marker at 3, 23); +1 at x 10, y 20
    /// ```
    /// Class of +2 is 5, of −3 is 0, of +1 is 4, unjudged is 7.
    #[test]
    fn runs_per_class_and_flag_markers() {
        let o = overview([
            ((0, 1), Some(2), false),
            ((0, 2), Some(2), false),
            ((1, 0), Some(-3), false),
            ((1, 2), None, false),
            ((2, 0), Some(2), true),
            ((2, 1), Some(1), false),
        ]);
        assert_eq!(o.paths[5], "M10 0h20v10h-20zM0 20h10v10h-10z");
        assert_eq!(o.paths[0], "M0 10h10v10h-10z");
        assert_eq!(o.paths[7], "M20 10h10v10h-10z");
        assert_eq!(o.paths[4], "M10 20h10v10h-10z");
        assert_eq!(o.flagged, "M3 23h4v4h-4z");
        for k in [1, 2, 3, 6] {
            assert!(o.paths[k].is_empty(), "class {k}");
        }
    }

    /// A run does not continue over a gap in the row (a pair not wanted) nor into the next row.
    #[test]
    fn runs_break_at_gaps_and_rows() {
        let o = overview([
            ((0, 1), Some(0), false),
            ((0, 3), Some(0), false),
            ((0, 4), Some(0), false),
            ((1, 0), Some(0), false),
        ]);
        assert_eq!(
            o.paths[3],
            "M10 0h10v10h-10zM30 0h20v10h-20zM0 10h10v10h-10z"
        );
    }

    /// The classes: −3 … +3 to 0 … 6, unjudged 7, out-of-scale values clamped.
    #[test]
    fn classes() {
        assert_eq!(class(Some(-3)), 0);
        assert_eq!(class(Some(0)), 3);
        assert_eq!(class(Some(3)), 6);
        assert_eq!(class(None), 7);
        assert_eq!(class(Some(9)), 6);
        assert_eq!(class(Some(-9)), 0);
    }

    /// A full 169-goal matrix of one value is one run per row: 169 rectangles, not 28 392.
    #[test]
    fn a_full_large_matrix_is_one_run_per_row() {
        let n = 169;
        let cells = (0..n).flat_map(|i| {
            (0..n)
                .filter(move |&j| j != i)
                .map(move |j| ((i, j), Some(1), false))
        });
        let o = overview(cells);
        // Row 0 is one run (columns 1…168); every other row is two runs (before and after the
        // diagonal) except the last (columns 0…167): 1 + 167·2 + 1 = 336.
        assert_eq!(o.paths[4].matches('M').count(), 336);
    }
}
