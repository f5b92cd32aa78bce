//! Network metrics of the stakeholder map (DOMAIN §5.2, Kumu's definitions with networkx's
//! normalisation, OPEN-17 decided as below and named in the UI by the formula ids).
//!
//! The graph is the actors `0..n` and the relations between them. Degrees count relations
//! (two relations between the same pair are two connections); the path measures — closeness,
//! betweenness, two-step reach — run on the undirected view, where two actors are neighbours
//! if any relation joins them. A mutual relation is both incoming and outgoing for both ends.
//! The caller decides full or filtered graph by the relations it passes.
//!
//! Bounds: at most [`NODES_MAX`] actors. Breadth-first search from every actor costs
//! `O(n · (n + m))`. Shortest-path counts σ are kept as `f64`: a graph on `n` nodes has at
//! most `e^(n/e)` shortest paths between two nodes (layers of `e` nodes maximise the product),
//! about 10¹⁶⁰ for 1 000 actors, well inside `f64` (10³⁰⁸). IEEE-754 arithmetic in a fixed
//! order gives the same bits on every device; betweenness is then rounded to millionths
//! ([`Fixed`]) before anyone compares it.
use std::collections::VecDeque;

use serde::Serialize;

use crate::ratio::{Fixed, Ratio};

/// Most actors the metrics are computed for (the map's limit).
pub const NODES_MAX: usize = 1_000;

/// `degree(v)` = relations touching v; `in`/`out` = relations into/out of v, a mutual one
/// counting both ways; `weighted` = Σ of their weights (1–3).
pub const DEGREE: &str = "degree_relations_v1";
/// Wasserman–Faust closeness on the undirected view (networkx `wf_improved`):
/// `C(v) = (r / (n−1)) · (r / Σ_u d(v,u))` over the `r` actors v reaches; `(n−1)/Σd` on a
/// connected graph, 0 for an isolated actor.
pub const CLOSENESS: &str = "closeness_wf_undirected_v1";
/// Betweenness on the undirected view: `B(v) = Σ_{s<t, s≠v≠t} σ_st(v)/σ_st`, normalised by
/// `2/((n−1)(n−2))` (Brandes 2001; networkx `normalized=True`).
pub const BETWEENNESS: &str = "betweenness_brandes_undirected_norm_v1";
/// Two-step reach: actors within distance 2 on the undirected view, ÷ `(n−1)`.
pub const REACH2: &str = "reach_2_step_undirected_v1";

/// One relation as the metrics see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    /// Source actor.
    pub from: usize,
    /// Target actor.
    pub to: usize,
    /// Weight 1–3.
    pub weight: u8,
    /// Mutual (both directions) rather than directed.
    pub mutual: bool,
}

/// The metrics of one actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Metrics {
    /// Relations touching the actor.
    pub degree: u32,
    /// Relations into it (mutual counted).
    pub in_degree: u32,
    /// Relations out of it (mutual counted).
    pub out_degree: u32,
    /// Σ of the weights of the relations touching it.
    pub weighted_degree: u32,
    /// Formula [`CLOSENESS`], exact.
    pub closeness: Ratio,
    /// Formula [`BETWEENNESS`], normalised, in millionths.
    pub betweenness: Fixed,
    /// The unnormalised pair sum `Σ σ_st(v)/σ_st`, in millionths.
    pub betweenness_pairs: Fixed,
    /// Formula [`REACH2`], exact.
    pub reach2: Ratio,
}

fn fixed(x: f64) -> Fixed {
    #[allow(clippy::cast_possible_truncation)]
    let micros = (x * 1e6).round() as i64;
    Fixed::from_micros(micros)
}

/// The metrics of every actor `0..n` (index order). Links naming an actor ≥ `n` or joining an
/// actor to itself are skipped (the record checks refuse them before this); `n` is clamped
/// to [`NODES_MAX`].
#[must_use]
pub fn metrics(n: usize, links: &[Link]) -> Vec<Metrics> {
    let n = n.min(NODES_MAX);
    let mut out = vec![
        Metrics {
            degree: 0,
            in_degree: 0,
            out_degree: 0,
            weighted_degree: 0,
            closeness: Ratio::ZERO,
            betweenness: Fixed::ZERO,
            betweenness_pairs: Fixed::ZERO,
            reach2: Ratio::ZERO,
        };
        n
    ];
    let mut adj: Vec<Vec<usize>> = vec![Vec::new(); n];
    for l in links {
        if l.from >= n || l.to >= n || l.from == l.to {
            continue;
        }
        let w = u32::from(l.weight);
        for (end, is_from) in [(l.from, true), (l.to, false)] {
            let m = &mut out[end];
            m.degree += 1;
            m.weighted_degree += w;
            if is_from || l.mutual {
                m.out_degree += 1;
            }
            if !is_from || l.mutual {
                m.in_degree += 1;
            }
        }
        adj[l.from].push(l.to);
        adj[l.to].push(l.from);
    }
    for a in &mut adj {
        a.sort_unstable();
        a.dedup();
    }

    // Brandes: one breadth-first search per source, dependencies accumulated backwards.
    let mut between = vec![0.0_f64; n];
    let mut dist = vec![usize::MAX; n];
    let mut sigma = vec![0.0_f64; n];
    let mut delta = vec![0.0_f64; n];
    let mut order = Vec::with_capacity(n);
    let mut queue = VecDeque::with_capacity(n);
    let others = i128::try_from(n.saturating_sub(1)).unwrap_or(i128::MAX);
    for s in 0..n {
        dist.fill(usize::MAX);
        sigma.fill(0.0);
        delta.fill(0.0);
        order.clear();
        dist[s] = 0;
        sigma[s] = 1.0;
        queue.push_back(s);
        while let Some(v) = queue.pop_front() {
            order.push(v);
            for &w in &adj[v] {
                if dist[w] == usize::MAX {
                    dist[w] = dist[v] + 1;
                    queue.push_back(w);
                }
                if dist[w] == dist[v] + 1 {
                    sigma[w] += sigma[v];
                }
            }
        }
        for &w in order.iter().rev() {
            for &v in &adj[w] {
                if dist[v] != usize::MAX && dist[v] + 1 == dist[w] {
                    delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
                }
            }
            if w != s {
                between[w] += delta[w];
            }
        }
        // Closeness and reach from the same search.
        let reached = order.len() - 1;
        let sum: usize = order.iter().map(|&v| dist[v]).sum();
        let within2 = order
            .iter()
            .filter(|&&v| dist[v] == 1 || dist[v] == 2)
            .count();
        let r = i128::try_from(reached).unwrap_or(0);
        let total = i128::try_from(sum).unwrap_or(i128::MAX);
        out[s].closeness = if reached == 0 {
            Ratio::ZERO
        } else {
            Ratio::new(r * r, others * total)
        };
        out[s].reach2 = Ratio::new(i128::try_from(within2).unwrap_or(0), others);
    }
    // Each unordered pair was counted from both ends.
    #[allow(clippy::cast_precision_loss)]
    let norm = if n > 2 {
        ((n - 1) * (n - 2)) as f64
    } else {
        0.0
    };
    for (m, b) in out.iter_mut().zip(between) {
        let pairs = b / 2.0;
        m.betweenness_pairs = fixed(pairs);
        m.betweenness = if norm > 0.0 {
            fixed(b / norm)
        } else {
            Fixed::ZERO
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn undirected(edges: &[(usize, usize)]) -> Vec<Link> {
        edges
            .iter()
            .map(|&(from, to)| Link {
                from,
                to,
                weight: 1,
                mutual: true,
            })
            .collect()
    }

    fn r(n: i128, d: i128) -> Ratio {
        Ratio::new(n, d)
    }

    fn micros(v: &[Metrics]) -> Vec<i64> {
        v.iter().map(|m| m.betweenness.micros()).collect()
    }

    #[test]
    fn a_star() {
        // Centre 0, leaves 1–4 (n = 5).
        // Degree: centre 4, leaves 1.
        // Closeness: centre Σd = 4 → 4/4 = 1; a leaf: 1 to the centre + 2 to each of three
        // leaves = 7 → 4/7.
        // Betweenness: the C(4,2) = 6 leaf pairs all pass the centre → 6 pairs, normalised
        // 6 · 2/(4·3) = 1; leaves 0.
        // Reach: the centre reaches all 4 in one step, a leaf all 4 within two → 1.
        let m = metrics(5, &undirected(&[(0, 1), (0, 2), (0, 3), (0, 4)]));
        assert_eq!(m[0].degree, 4);
        assert_eq!(m[1].degree, 1);
        assert_eq!(m[0].closeness, r(1, 1));
        assert_eq!(m[3].closeness, r(4, 7));
        assert_eq!(micros(&m), vec![1_000_000, 0, 0, 0, 0]);
        assert_eq!(m[0].betweenness_pairs.micros(), 6_000_000);
        assert!(m.iter().all(|x| x.reach2 == r(1, 1)));
    }

    #[test]
    fn a_path() {
        // 0 – 1 – 2 – 3 – 4.
        // Betweenness pairs: node 1 lies on (0,2) (0,3) (0,4) = 3; node 2 on (0,3) (0,4)
        // (1,3) (1,4) = 4; node 3 = 3 by symmetry; the ends 0. Normalised by 2/(4·3) = 1/6:
        // 0.5, 0.666667, 0.5.
        // Closeness: node 0 Σd = 1+2+3+4 = 10 → 4/10 = 2/5; node 1 Σd = 1+1+2+3 = 7 → 4/7;
        // node 2 Σd = 2+1+1+2 = 6 → 4/6 = 2/3.
        // Reach: node 0 reaches {1, 2} → 2/4; node 1 {0, 2, 3} → 3/4; node 2 all → 1.
        let m = metrics(5, &undirected(&[(0, 1), (1, 2), (2, 3), (3, 4)]));
        assert_eq!(micros(&m), vec![0, 500_000, 666_667, 500_000, 0]);
        assert_eq!(m[2].betweenness_pairs.micros(), 4_000_000);
        let c: Vec<Ratio> = m.iter().map(|x| x.closeness).collect();
        assert_eq!(c, vec![r(2, 5), r(4, 7), r(2, 3), r(4, 7), r(2, 5)]);
        let re: Vec<Ratio> = m.iter().map(|x| x.reach2).collect();
        assert_eq!(re, vec![r(1, 2), r(3, 4), r(1, 1), r(3, 4), r(1, 2)]);
    }

    #[test]
    fn a_bridge_between_two_triangles() {
        // Triangles {0,1,2} and {3,4,5}, bridge 2 – 3 (n = 6).
        // Node 2 lies on every shortest path from {0,1} to {3,4,5}: 2·3 = 6 pairs; node 3 on
        // every one from {0,1,2} to {4,5}: 6 pairs; the others on none (0–1 are adjacent).
        // Normalised by 2/(5·4) = 1/10: 0.6 for the bridge ends, 0 elsewhere.
        // Closeness of 2: d = 1,1 (0,1), 1 (3), 2,2 (4,5) → Σ 7 → 5/7; of 0: 1,1 (1,2), 2 (3),
        // 3,3 (4,5) → Σ 10 → 5/10 = 1/2.
        // Reach of 0: {1, 2, 3} → 3/5; of 2: all five → 1.
        let m = metrics(
            6,
            &undirected(&[(0, 1), (0, 2), (1, 2), (2, 3), (3, 4), (3, 5), (4, 5)]),
        );
        assert_eq!(micros(&m), vec![0, 0, 600_000, 600_000, 0, 0]);
        assert_eq!(m[2].closeness, r(5, 7));
        assert_eq!(m[0].closeness, r(1, 2));
        assert_eq!(m[0].reach2, r(3, 5));
        assert_eq!(m[2].reach2, r(1, 1));
        assert_eq!(m[2].degree, 3);
    }

    #[test]
    fn two_shortest_paths_share_the_credit() {
        // A square 0 – 1 – 2 – 3 – 0: the pair (0,2) has two shortest paths, via 1 and via 3,
        // so each gets ½; likewise (1,3) gives ½ to 0 and 2. Every node: ½ pair; normalised
        // by 2/(3·2) = 1/3 → 1/6 = 0.166667.
        let m = metrics(4, &undirected(&[(0, 1), (1, 2), (2, 3), (3, 0)]));
        assert_eq!(micros(&m), vec![166_667; 4]);
        assert!(m.iter().all(|x| x.betweenness_pairs.micros() == 500_000));
    }

    #[test]
    fn directions_weights_and_parallel_relations() {
        // 0 → 1 (weight 3), 1 ↔ 2 (mutual, weight 2), and a second relation 0 → 1 (weight 1).
        // Node 0: degree 2, out 2, in 0, weighted 3+1 = 4.
        // Node 1: degree 3, in 2 (from 0) + 1 (mutual) = 3, out 1 (mutual), weighted 3+2+1 = 6.
        // Node 2: degree 1, in 1, out 1, weighted 2.
        // The path measures see 0 – 1 – 2: node 1 is on (0,2) → normalised 1 · 2/(2·1) = 1.
        let links = [
            Link {
                from: 0,
                to: 1,
                weight: 3,
                mutual: false,
            },
            Link {
                from: 1,
                to: 2,
                weight: 2,
                mutual: true,
            },
            Link {
                from: 0,
                to: 1,
                weight: 1,
                mutual: false,
            },
        ];
        let m = metrics(3, &links);
        let d: Vec<(u32, u32, u32, u32)> = m
            .iter()
            .map(|x| (x.degree, x.in_degree, x.out_degree, x.weighted_degree))
            .collect();
        assert_eq!(d, vec![(2, 0, 2, 4), (3, 3, 1, 6), (1, 1, 1, 2)]);
        assert_eq!(micros(&m), vec![0, 1_000_000, 0]);
    }

    #[test]
    fn disconnected_and_degenerate_graphs() {
        // Edge 0 – 1 and an isolated 2 (n = 3): node 0 reaches r = 1 at Σd = 1 →
        // (1/2)·(1/1) = 1/2; the isolated node 0. Reach: 1/2, 1/2, 0.
        let m = metrics(3, &undirected(&[(0, 1)]));
        assert_eq!(m[0].closeness, r(1, 2));
        assert_eq!(m[2].closeness, Ratio::ZERO);
        assert_eq!(m[2].reach2, Ratio::ZERO);
        // Self-loops and unknown actors are skipped; one or no actor gives zeros.
        let m = metrics(2, &undirected(&[(0, 0), (0, 5)]));
        assert!(m.iter().all(|x| x.degree == 0));
        assert!(metrics(0, &[]).is_empty());
        assert_eq!(metrics(1, &[])[0].closeness, Ratio::ZERO);
    }

    #[test]
    fn the_worst_path_count_at_the_limit_stays_finite() {
        // 1 000 actors in 333 layers of 3, every actor joined to the whole next layer: 3³³²
        // ≈ 10¹⁵⁸ shortest paths from the first layer to the last, the most a graph of this
        // size can hold (see the module's bound). Nothing overflows: the middle layer carries
        // the most and every value is a finite number between 0 and 1.
        let mut edges = Vec::new();
        for layer in 0..332 {
            for a in 0..3 {
                for b in 0..3 {
                    edges.push((layer * 3 + a, (layer + 1) * 3 + b));
                }
            }
        }
        let m = metrics(NODES_MAX, &undirected(&edges));
        assert_eq!(m.len(), NODES_MAX);
        assert!(
            m.iter()
                .all(|x| (0..=1_000_000).contains(&x.betweenness.micros()))
        );
        assert!(m[500].betweenness > m[10].betweenness);
    }
}
