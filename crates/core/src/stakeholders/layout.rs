//! The first arrangement of the network view: a force layout (Fruchterman & Reingold 1991)
//! for the actors without a saved position, the saved ones held where they are. Deterministic
//! — the start is a circle in [`live_actors`](super::map::live_actors) order and the
//! arithmetic runs in a fixed order — so two tablets lay out the same map alike, and the
//! result is saved as positions (integers) once the user moves anything.
//!
//! Bounds: each step costs `O(n² + m)`; the number of steps falls with `n²` so that a layout
//! costs at most about [`WORK`] pair visits (300 actors: 22 steps; 1 000: 20); measured: 317 actors in 20 ms native, release.
use super::actor::{POS_MAX, Pos};
use super::metrics::Link;

/// The layout's area: positions fall within ±`SIZE/2` on both axes.
pub const SIZE: i32 = 1_000;
/// Pair visits one layout may cost (steps × n²).
pub const WORK: usize = 2_000_000;
/// Fewest and most steps.
const STEPS: (usize, usize) = (20, 300);

/// The positions of `n` actors: `saved[i]` where present (pinned), the force layout elsewhere.
#[must_use]
#[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)]
pub fn layout(n: usize, links: &[Link], saved: &[Option<Pos>]) -> Vec<Pos> {
    if n == 0 {
        return Vec::new();
    }
    // Everything saved: nothing to lay out.
    if let Some(all) = (0..n)
        .map(|i| saved.get(i).copied().flatten())
        .collect::<Option<Vec<Pos>>>()
    {
        return all;
    }
    let half = f64::from(SIZE) / 2.0;
    let area = f64::from(SIZE) * f64::from(SIZE);
    let k = (area / n as f64).sqrt(); // the ideal distance
    let pinned: Vec<bool> = (0..n)
        .map(|i| saved.get(i).copied().flatten().is_some())
        .collect();
    let mut p: Vec<(f64, f64)> = (0..n)
        .map(|i| match saved.get(i).copied().flatten() {
            Some(s) => (f64::from(s.x), f64::from(s.y)),
            None => {
                let a = std::f64::consts::TAU * i as f64 / n as f64;
                (0.8 * half * a.cos(), 0.8 * half * a.sin())
            }
        })
        .collect();
    let links: Vec<&Link> = links
        .iter()
        .filter(|l| l.from < n && l.to < n && l.from != l.to)
        .collect();
    let steps = (WORK / (n * n).max(1)).clamp(STEPS.0, STEPS.1);
    let mut t = half / 5.0; // the temperature: the longest move of a step
    let cool = t / (steps as f64 + 1.0);
    let mut d = vec![(0.0_f64, 0.0_f64); n];
    for _ in 0..steps {
        d.fill((0.0, 0.0));
        for i in 0..n {
            for j in (i + 1)..n {
                let (dx, dy) = (p[i].0 - p[j].0, p[i].1 - p[j].1);
                let dist2 = (dx * dx + dy * dy).max(0.01);
                let f = k * k / dist2; // repulsion k²/d, along the unit vector: k²/d²·(dx, dy)
                d[i].0 += dx * f;
                d[i].1 += dy * f;
                d[j].0 -= dx * f;
                d[j].1 -= dy * f;
            }
        }
        for l in &links {
            let (a, b) = (l.from, l.to);
            let (dx, dy) = (p[a].0 - p[b].0, p[a].1 - p[b].1);
            let dist = (dx * dx + dy * dy).sqrt().max(0.1);
            let f = dist / k * f64::from(l.weight.clamp(1, 3)); // attraction d²/k, heavier for weight
            d[a].0 -= dx * f;
            d[a].1 -= dy * f;
            d[b].0 += dx * f;
            d[b].1 += dy * f;
        }
        for i in 0..n {
            if pinned[i] {
                continue;
            }
            let len = (d[i].0 * d[i].0 + d[i].1 * d[i].1).sqrt();
            if len > 0.0 {
                let s = len.min(t) / len;
                p[i].0 = (p[i].0 + d[i].0 * s).clamp(-half, half);
                p[i].1 = (p[i].1 + d[i].1 * s).clamp(-half, half);
            }
        }
        t -= cool;
    }
    let m = f64::from(POS_MAX);
    p.into_iter()
        .map(|(x, y)| Pos {
            x: x.round().clamp(-m, m) as i32,
            y: y.round().clamp(-m, m) as i32,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(from: usize, to: usize) -> Link {
        Link {
            from,
            to,
            weight: 1,
            mutual: true,
        }
    }

    fn dist(a: Pos, b: Pos) -> f64 {
        f64::from(a.x - b.x).hypot(f64::from(a.y - b.y))
    }

    #[test]
    fn two_groups_fall_apart_and_the_result_is_the_same_every_time() {
        // Two triangles {0,1,2} and {3,4,5} with no link between them: every pair inside a
        // triangle ends closer than every pair across.
        let links = [
            link(0, 1),
            link(1, 2),
            link(0, 2),
            link(3, 4),
            link(4, 5),
            link(3, 5),
        ];
        let p = layout(6, &links, &[]);
        let inside = [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5)]
            .map(|(a, b)| dist(p[a], p[b]))
            .into_iter()
            .fold(0.0, f64::max);
        let across = (0..3)
            .flat_map(|a| (3..6).map(move |b| (a, b)))
            .map(|(a, b)| dist(p[a], p[b]))
            .fold(f64::INFINITY, f64::min);
        assert!(inside < across, "{inside} vs {across}: {p:?}");
        assert_eq!(p, layout(6, &links, &[]));
        let half = SIZE / 2;
        assert!(p.iter().all(|q| q.x.abs() <= half && q.y.abs() <= half));
    }

    #[test]
    fn saved_positions_stay_put() {
        let saved = [Some(Pos { x: 300, y: -200 }), None, None];
        let p = layout(3, &[link(0, 1), link(1, 2)], &saved);
        assert_eq!(p[0], Pos { x: 300, y: -200 });
        assert_ne!(p[1], p[2]);
    }

    #[test]
    fn the_work_is_bounded_at_the_limit() {
        // 1 000 actors in a ring: 20 steps × 10⁶ pairs; positions stay in the area.
        let links: Vec<Link> = (0..1_000).map(|i| link(i, (i + 1) % 1_000)).collect();
        let p = layout(1_000, &links, &[]);
        assert_eq!(p.len(), 1_000);
        assert!(
            p.iter()
                .all(|q| q.x.abs() <= SIZE / 2 && q.y.abs() <= SIZE / 2)
        );
        assert!(layout(0, &[], &[]).is_empty());
        assert_eq!(layout(1, &[], &[]).len(), 1);
    }
}
