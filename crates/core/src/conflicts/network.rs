//! The signed network of a matrix (issue 13, "a signed network view"): the goals on a circle
//! and an arrow for every interaction at least `min_abs` strong — synergies and trade-offs
//! apart, the strongest first. Positions are on the unit circle (the view scales them), goal 0
//! at the top and the rest clockwise, so the same matrix always looks the same.
use serde::Serialize;

/// Most arrows drawn: a 169-goal matrix has 28 392 cells; beyond this the picture is a blur
/// and the view says how many were left out (the tables hold them all).
pub const MAX_EDGES: usize = 400;

/// A goal's place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    /// The goal's position in the matrix.
    pub index: usize,
    /// On the unit circle, right is +x.
    pub x: f64,
    /// On the unit circle, down is +y (as on screen).
    pub y: f64,
}

/// One interaction: progress on `from` influences progress on `to` by `value` (−3…+3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Edge {
    /// Row goal.
    pub from: usize,
    /// Column goal.
    pub to: usize,
    /// The analysed score (never 0).
    pub value: i8,
}

/// The network of one matrix's analysed values.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Network {
    /// Every goal, in matrix order.
    pub nodes: Vec<Node>,
    /// The arrows drawn: |value| ≥ `min_abs`, strongest first, then by row and column; at most
    /// [`MAX_EDGES`].
    pub edges: Vec<Edge>,
    /// Arrows strong enough but beyond [`MAX_EDGES`].
    pub left_out: usize,
    /// The strength an arrow needs (1…3).
    pub min_abs: i8,
}

/// The network of `values` (rows of the analysed matrix, `None` = unjudged), with arrows of
/// strength at least `min_abs` (clamped to 1…3).
#[must_use]
pub fn network(values: &[Vec<Option<i8>>], min_abs: i8) -> Network {
    let min_abs = min_abs.clamp(1, 3);
    let n = values.len();
    #[allow(clippy::cast_precision_loss)]
    let nodes = (0..n)
        .map(|index| {
            let turn = if n == 0 { 0.0 } else { index as f64 / n as f64 };
            let angle = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * turn;
            Node {
                index,
                x: angle.cos(),
                y: angle.sin(),
            }
        })
        .collect();
    let mut edges: Vec<Edge> = values
        .iter()
        .enumerate()
        .flat_map(|(from, row)| {
            row.iter().enumerate().filter_map(move |(to, v)| match *v {
                Some(value) if from != to && value.abs() >= min_abs => {
                    Some(Edge { from, to, value })
                }
                _ => None,
            })
        })
        .collect();
    edges.sort_by(|a, b| {
        b.value
            .abs()
            .cmp(&a.value.abs())
            .then(a.from.cmp(&b.from))
            .then(a.to.cmp(&b.to))
    });
    let left_out = edges.len().saturating_sub(MAX_EDGES);
    edges.truncate(MAX_EDGES);
    Network {
        nodes,
        edges,
        left_out,
        min_abs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_goals_worked_by_hand() {
        // Rows: goal 0 → 1 is +2, 0 → 2 is −3; 1 → 0 is +1, 1 → 2 is 0; 2 → 0 unjudged,
        // 2 → 1 is −2. With strength ≥ 2: −3 (0 → 2) first, then the two of strength 2 by row:
        // +2 (0 → 1), −2 (2 → 1). The +1 and the 0 are not drawn.
        let values = vec![
            vec![None, Some(2), Some(-3)],
            vec![Some(1), None, Some(0)],
            vec![None, Some(-2), None],
        ];
        let net = network(&values, 2);
        let e: Vec<(usize, usize, i8)> =
            net.edges.iter().map(|e| (e.from, e.to, e.value)).collect();
        assert_eq!(e, vec![(0, 2, -3), (0, 1, 2), (2, 1, -2)]);
        assert_eq!(net.left_out, 0);
        // Goal 0 at the top (0, −1); goal 1 a third of a turn clockwise, at −90° + 120° = 30°:
        // (cos 30°, sin 30°) = (0.866, 0.5); goal 2 at 150°: (−0.866, 0.5).
        let p: Vec<(f64, f64)> = net.nodes.iter().map(|n| (n.x, n.y)).collect();
        let near = |a: f64, b: f64| (a - b).abs() < 1e-9;
        assert!(near(p[0].0, 0.0) && near(p[0].1, -1.0));
        assert!(near(p[1].0, 3f64.sqrt() / 2.0) && near(p[1].1, 0.5));
        assert!(near(p[2].0, -(3f64.sqrt()) / 2.0) && near(p[2].1, 0.5));
        // Strength 1 draws the +1 too (last: strength 1); 0 never; the strength is clamped.
        assert_eq!(network(&values, 1).edges.len(), 4);
        assert_eq!(network(&values, 0).min_abs, 1);
        assert_eq!(
            network(&values, 9).edges,
            vec![Edge {
                from: 0,
                to: 2,
                value: -3
            }]
        );
    }

    #[test]
    fn a_full_169_goal_matrix_is_capped_and_says_how_many_were_left_out() {
        let n = 169;
        let values: Vec<Vec<Option<i8>>> = (0..n)
            .map(|i| (0..n).map(|j| (i != j).then_some(3)).collect())
            .collect();
        let net = network(&values, 3);
        assert_eq!(net.edges.len(), MAX_EDGES);
        assert_eq!(net.left_out, n * (n - 1) - MAX_EDGES);
        assert!(network(&[], 2).nodes.is_empty());
    }
}
