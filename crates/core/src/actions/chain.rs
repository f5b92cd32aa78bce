//! The effect chain's validation (DOMAIN §6.2): levels resources → activities → outputs →
//! short/medium/long-term outcomes → impact; R1 every edge goes forward (skipping levels is
//! allowed), R2 no cycle (the cycle named), R3 every outcome and impact has an indicator,
//! R4 every activity reaches an impact, and nodes with no edge at all (orphans). Problems
//! warn; they do not block (OPEN-18).
use serde::{Deserialize, Serialize};

/// A node's level, in chain order.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Resurser.
    Input,
    /// Aktiviteter.
    #[default]
    Activity,
    /// Prestationer.
    Output,
    /// Kortsiktiga effekter.
    OutcomeShort,
    /// Medellångsiktiga effekter.
    OutcomeMid,
    /// Långsiktiga effekter.
    OutcomeLong,
    /// Samhällspåverkan.
    Impact,
}

impl Level {
    /// Every level, in chain order (the diagram's columns, left to right).
    pub const ALL: [Self; 7] = [
        Self::Input,
        Self::Activity,
        Self::Output,
        Self::OutcomeShort,
        Self::OutcomeMid,
        Self::OutcomeLong,
        Self::Impact,
    ];

    /// The level's name, as the diagram's column heads say it.
    #[must_use]
    pub const fn label(self, lang: crate::kernel::lang::Lang) -> &'static str {
        use crate::kernel::lang::Lang::{En, Sv};
        match (self, lang) {
            (Self::Input, Sv) => "Resurser",
            (Self::Input, En) => "Resources",
            (Self::Activity, Sv) => "Aktiviteter",
            (Self::Activity, En) => "Activities",
            (Self::Output, Sv) => "Prestationer",
            (Self::Output, En) => "Outputs",
            (Self::OutcomeShort, Sv) => "Kortsiktiga effekter",
            (Self::OutcomeShort, En) => "Short-term outcomes",
            (Self::OutcomeMid, Sv) => "Medellångsiktiga effekter",
            (Self::OutcomeMid, En) => "Medium-term outcomes",
            (Self::OutcomeLong, Sv) => "Långsiktiga effekter",
            (Self::OutcomeLong, En) => "Long-term outcomes",
            (Self::Impact, Sv) => "Samhällspåverkan",
            (Self::Impact, En) => "Impact",
        }
    }

    /// An outcome or the impact: needs an indicator (R3).
    #[must_use]
    pub const fn measured(self) -> bool {
        matches!(
            self,
            Self::OutcomeShort | Self::OutcomeMid | Self::OutcomeLong | Self::Impact
        )
    }
}

/// One node as the validation sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Node {
    /// Its level.
    pub level: Level,
    /// How many indicators measure it.
    pub indicators: usize,
}

/// A problem of the chain; nodes by index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// R1: edge `from → to` does not go forward.
    Backward { from: usize, to: usize },
    /// R2: the nodes of a cycle, in order (the first repeats the last's successor).
    Cycle(Vec<usize>),
    /// R3: an outcome or impact without an indicator.
    NoIndicator(usize),
    /// R4: an activity from which no impact is reached.
    NoImpact(usize),
    /// A node with no edge at all.
    Orphan(usize),
}

/// Every problem of the chain of `nodes` with `edges` (from, to); edges naming no node are
/// ignored. Cost `O(n + m)` per activity for R4, so `O(n·(n + m))` at most.
#[must_use]
pub fn validate(nodes: &[Node], edges: &[(usize, usize)]) -> Vec<Problem> {
    let n = nodes.len();
    let edges: Vec<(usize, usize)> = edges
        .iter()
        .copied()
        .filter(|&(a, b)| a < n && b < n)
        .collect();
    let mut out = Vec::new();
    let mut next = vec![Vec::new(); n];
    let mut touched = vec![false; n];
    for &(a, b) in &edges {
        if nodes[b].level <= nodes[a].level {
            out.push(Problem::Backward { from: a, to: b });
        }
        next[a].push(b);
        touched[a] = true;
        touched[b] = true;
    }
    if let Some(c) = cycle(&next) {
        out.push(Problem::Cycle(c));
    }
    for (i, node) in nodes.iter().enumerate() {
        if node.level.measured() && node.indicators == 0 {
            out.push(Problem::NoIndicator(i));
        }
    }
    for (i, node) in nodes.iter().enumerate() {
        if node.level == Level::Activity && !reaches_impact(nodes, &next, i) {
            out.push(Problem::NoImpact(i));
        }
    }
    out.extend((0..n).filter(|&i| !touched[i]).map(Problem::Orphan));
    out
}

fn reaches_impact(nodes: &[Node], next: &[Vec<usize>], from: usize) -> bool {
    let mut seen = vec![false; nodes.len()];
    let mut stack = vec![from];
    while let Some(v) = stack.pop() {
        if nodes[v].level == Level::Impact {
            return true;
        }
        for &w in &next[v] {
            if !seen[w] {
                seen[w] = true;
                stack.push(w);
            }
        }
    }
    false
}

/// The first cycle found by an iterative depth-first search, as its nodes in order.
fn cycle(next: &[Vec<usize>]) -> Option<Vec<usize>> {
    // 0 = unvisited, 1 = on the path, 2 = done.
    let mut state = vec![0u8; next.len()];
    for start in 0..next.len() {
        if state[start] != 0 {
            continue;
        }
        let mut path = vec![(start, 0usize)];
        state[start] = 1;
        while let Some(&mut (v, ref mut k)) = path.last_mut() {
            if let Some(&w) = next[v].get(*k) {
                *k += 1;
                match state[w] {
                    0 => {
                        state[w] = 1;
                        path.push((w, 0));
                    }
                    1 => {
                        let at = path.iter().position(|p| p.0 == w).unwrap_or(0);
                        return Some(path[at..].iter().map(|p| p.0).collect());
                    }
                    _ => {}
                }
            } else {
                state[v] = 2;
                path.pop();
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn node(level: Level, indicators: usize) -> Node {
        Node { level, indicators }
    }

    #[test]
    fn a_sound_chain_has_no_problem_and_levels_may_be_skipped() {
        // 0 input → 1 activity → 2 output → 3 short outcome (1 indicator) → 4 impact (1);
        // and 1 → 4 directly (skipping is allowed).
        let nodes = [
            node(Level::Input, 0),
            node(Level::Activity, 0),
            node(Level::Output, 0),
            node(Level::OutcomeShort, 1),
            node(Level::Impact, 1),
        ];
        assert_eq!(
            validate(&nodes, &[(0, 1), (1, 2), (2, 3), (3, 4), (1, 4)]),
            vec![]
        );
    }

    #[test]
    fn each_rule_is_found_worked_by_hand() {
        // 0 activity → 1 output → 2 mid outcome (no indicator) → 1 output: 2 → 1 goes back
        // (R1) and 1 → 2 → 1 is a cycle (R2); the outcome lacks an indicator (R3); the
        // activity reaches no impact (R4); 3 impact (1 indicator) has no edge (orphan).
        let nodes = [
            node(Level::Activity, 0),
            node(Level::Output, 0),
            node(Level::OutcomeMid, 0),
            node(Level::Impact, 1),
        ];
        let p = validate(&nodes, &[(0, 1), (1, 2), (2, 1)]);
        assert_eq!(
            p,
            vec![
                Problem::Backward { from: 2, to: 1 },
                Problem::Cycle(vec![1, 2]),
                Problem::NoIndicator(2),
                Problem::NoImpact(0),
                Problem::Orphan(3),
            ]
        );
        // An edge within one level is not forward either; a missing node is ignored.
        let same = [node(Level::Output, 0), node(Level::Output, 0)];
        assert_eq!(
            validate(&same, &[(0, 1), (0, 9)]),
            vec![Problem::Backward { from: 0, to: 1 }]
        );
    }
}
