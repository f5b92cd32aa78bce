//! The effect chain as the diagram draws it: one column per level, left to right, each node
//! in a slot of its column; a collapsed level is a narrow column with its nodes folded into
//! it (the arrows end at the fold), so that a big chain fits a projector. Where a node is
//! dropped gives its new level and row. Pure geometry, shared by the app's diagram, its
//! print view and the benchmarks.
use super::chain::{Level, Problem};
use super::report::{chain_problems, problem_text};
use crate::Doc;
use crate::kernel::id::Id;
use crate::kernel::lang::Lang;

/// A column's width.
pub const COL_W: f64 = 220.0;
/// A collapsed column's width.
pub const FOLDED_W: f64 = 64.0;
/// A node's box: width and height.
pub const NODE_W: f64 = 188.0;
/// A node's box height.
pub const NODE_H: f64 = 68.0;
/// The distance between two slots of a column.
pub const ROW_H: f64 = 88.0;
/// The column heads' height, above the first slot.
pub const HEAD_H: f64 = 56.0;

/// The levels' columns: where each starts and how wide it is, with `folded` levels narrow.
#[must_use]
pub fn columns(folded: &[bool; 7]) -> [(f64, f64); 7] {
    let mut out = [(0.0, 0.0); 7];
    let mut x = 0.0;
    for (i, f) in folded.iter().enumerate() {
        let w = if *f { FOLDED_W } else { COL_W };
        out[i] = (x, w);
        x += w;
    }
    out
}

/// The drawing's width for `folded`.
#[must_use]
pub fn width(folded: &[bool; 7]) -> f64 {
    let c = columns(folded);
    c[6].0 + c[6].1
}

/// The level's column (its index in [`Level::ALL`]).
#[must_use]
pub fn column(level: Level) -> usize {
    Level::ALL.iter().position(|l| *l == level).unwrap_or(1)
}

/// Each node's slot in its column, from `(column, row)` per node: in a column the nodes go
/// by row (ties by their order in the list), and a node's slot is its row unless the one
/// above took it, then the next free one. So rows a user set are kept where they can be and
/// two nodes never overlap.
#[must_use]
pub fn slots(nodes: &[(usize, u16)]) -> Vec<u16> {
    let mut order: Vec<usize> = (0..nodes.len()).collect();
    crate::kernel::order::sort_by_key(&mut order, |&i| (nodes[i].0, nodes[i].1, i));
    let mut out = vec![0; nodes.len()];
    let mut last: Option<(usize, u16)> = None;
    for i in order {
        let (c, row) = nodes[i];
        let slot = match last {
            Some((lc, ls)) if lc == c && ls >= row => ls.saturating_add(1),
            _ => row,
        };
        out[i] = slot;
        last = Some((c, slot));
    }
    out
}

/// A node's box: left, top (the node drawn unfolded).
#[must_use]
pub fn place(cols: &[(f64, f64); 7], column: usize, slot: u16) -> (f64, f64) {
    let (x, w) = cols[column.min(6)];
    (
        x + (w - NODE_W).max(0.0) / 2.0,
        HEAD_H + f64::from(slot) * ROW_H,
    )
}

/// Where an arrow leaves a node at `at` (its box's right middle), or the fold's middle.
#[must_use]
pub fn out_point(
    cols: &[(f64, f64); 7],
    column: usize,
    at: (f64, f64),
    folded: bool,
) -> (f64, f64) {
    if folded {
        let (x, w) = cols[column.min(6)];
        (x + w / 2.0, at.1 + NODE_H / 2.0)
    } else {
        (at.0 + NODE_W, at.1 + NODE_H / 2.0)
    }
}

/// Where an arrow enters a node at `at` (its box's left middle), or the fold's middle.
#[must_use]
pub fn in_point(cols: &[(f64, f64); 7], column: usize, at: (f64, f64), folded: bool) -> (f64, f64) {
    if folded {
        let (x, w) = cols[column.min(6)];
        (x + w / 2.0, at.1 + NODE_H / 2.0)
    } else {
        (at.0, at.1 + NODE_H / 2.0)
    }
}

/// The arrow from `a` to `b` as an SVG path: a curve leaving right and entering left (a
/// backward arrow loops below its nodes so it is seen).
#[must_use]
pub fn arrow(a: (f64, f64), b: (f64, f64)) -> String {
    if b.0 > a.0 {
        let dx = ((b.0 - a.0) / 2.0).max(24.0);
        format!(
            "M{:.0} {:.0}C{:.0} {:.0} {:.0} {:.0} {:.0} {:.0}",
            a.0,
            a.1,
            a.0 + dx,
            a.1,
            b.0 - dx,
            b.1,
            b.0,
            b.1
        )
    } else {
        let low = a.1.max(b.1) + NODE_H;
        format!(
            "M{:.0} {:.0}C{:.0} {:.0} {:.0} {:.0} {:.0} {:.0}",
            a.0,
            a.1,
            a.0 + 60.0,
            low,
            b.0 - 60.0,
            low,
            b.0,
            b.1
        )
    }
}

/// The level and row of a node whose box's top left is dropped at (`x`, `y`): the column
/// under the box's middle, the nearest slot.
#[must_use]
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
pub fn drop_at(cols: &[(f64, f64); 7], x: f64, y: f64) -> (Level, u16) {
    let mid = x + NODE_W / 2.0;
    let i = cols.iter().position(|(cx, w)| mid < cx + w).unwrap_or(6);
    let row = ((y - HEAD_H) / ROW_H).round().clamp(0.0, 999.0) as u16;
    (Level::ALL[i], row)
}

/// The moves that take node `i` of `c` one column (`dc` = ±1) or one slot (`dr` = ±1) on,
/// as (node, level, row): a step onto a taken slot swaps the two nodes, so a keyboard user
/// can reorder a column. Empty when the step leaves the drawing.
#[must_use]
pub fn step(c: &Chain, i: usize, dc: i8, dr: i8) -> Vec<(Id, Level, u16)> {
    let (Some(&col), Some(&slot), Some(id)) = (c.columns.get(i), c.slots.get(i), c.ids.get(i))
    else {
        return Vec::new();
    };
    let Some(to_col) = col.checked_add_signed(isize::from(dc)).filter(|c| *c < 7) else {
        return Vec::new();
    };
    let Some(to_slot) = slot.checked_add_signed(i16::from(dr)).filter(|s| *s <= 999) else {
        return Vec::new();
    };
    let mut out = vec![(id.clone(), Level::ALL[to_col], to_slot)];
    if dr != 0
        && let Some(j) =
            (0..c.ids.len()).find(|&j| j != i && c.columns[j] == to_col && c.slots[j] == to_slot)
    {
        out.push((c.ids[j].clone(), Level::ALL[col], slot));
    }
    out
}

/// The nodes a problem is about (indices into the chain's nodes).
#[must_use]
pub fn problem_nodes(p: &Problem) -> Vec<usize> {
    match p {
        Problem::Backward { from, to } => vec![*from, *to],
        Problem::Cycle(v) => v.clone(),
        Problem::NoIndicator(i) | Problem::NoImpact(i) | Problem::Orphan(i) => vec![*i],
    }
}

/// One chain, ready to draw.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Chain {
    /// The nodes' ids, titles, columns and slots, in one order.
    pub ids: Vec<Id>,
    /// Titles.
    pub titles: Vec<String>,
    /// Columns (indices into [`Level::ALL`]).
    pub columns: Vec<usize>,
    /// Slots in the column.
    pub slots: Vec<u16>,
    /// Indicators per node.
    pub indicators: Vec<usize>,
    /// The arrows: from, to (node indices) and the edge's id.
    pub edges: Vec<(usize, usize, Id)>,
    /// Per node: whether a problem names it.
    pub flagged: Vec<bool>,
    /// The problems in words.
    pub problems: Vec<String>,
}

/// `owner`'s chain, ready to draw, the problems in `lang`.
#[must_use]
pub fn chain(doc: &Doc, owner: &Id, lang: Lang) -> Chain {
    let (nodes, _, problems) = chain_problems(doc, owner);
    let columns: Vec<usize> = nodes
        .iter()
        .map(|n| column(n.level().copied().unwrap_or_default()))
        .collect();
    let cells: Vec<(usize, u16)> = nodes
        .iter()
        .zip(&columns)
        .map(|(n, c)| (*c, n.row().copied().unwrap_or(0)))
        .collect();
    let index = |id: Option<&Id>| id.and_then(|id| nodes.iter().position(|n| &n.id == id));
    let edges = doc
        .chain_edges
        .live()
        .filter(|e| e.removed() != Some(&true))
        .filter_map(|e| Some((index(e.from())?, index(e.to())?, e.id.clone())))
        .collect();
    let mut flagged = vec![false; nodes.len()];
    for p in &problems {
        for i in problem_nodes(p) {
            if let Some(f) = flagged.get_mut(i) {
                *f = true;
            }
        }
    }
    let indicators = nodes
        .iter()
        .map(|n| {
            doc.indicators
                .live()
                .filter(|i| i.removed() != Some(&true) && i.node() == Some(&n.id))
                .count()
        })
        .collect();
    Chain {
        ids: nodes.iter().map(|n| n.id.clone()).collect(),
        titles: nodes
            .iter()
            .map(|n| n.title().cloned().unwrap_or_default())
            .collect(),
        slots: slots(&cells),
        columns,
        indicators,
        edges,
        flagged,
        problems: problems
            .iter()
            .map(|p| problem_text(p, &nodes, lang))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_keep_rows_and_never_overlap() {
        // Column 1 holds rows 0, 0, 3 and (last in the list) 1: by row they go 0, 0, 1, 3, so
        // slots 0, 1 (pushed below the first), 2 (slot 1 taken), 3 (kept). Column 2: row 2 →
        // slot 2.
        let s = slots(&[(1, 0), (1, 0), (1, 3), (2, 2), (1, 1)]);
        assert_eq!(s, vec![0, 1, 3, 2, 2]);
    }

    #[test]
    fn columns_and_drop() {
        // Nothing folded: column i starts at 220·i; the drawing is 7·220 = 1540 wide.
        let open = [false; 7];
        let c = columns(&open);
        assert_eq!(c[3], (660.0, 220.0));
        assert!((width(&open) - 1540.0).abs() < 1e-9);
        // Outputs folded (column 2): 64 wide, so column 3 starts at 220 + 220 + 64 = 504.
        let mut f = [false; 7];
        f[2] = true;
        let c2 = columns(&f);
        assert_eq!(c2[3].0, 504.0);
        // A box of column 1, slot 2: left 220 + (220 − 188)/2 = 236, top 56 + 2·88 = 232.
        assert_eq!(place(&c, 1, 2), (236.0, 232.0));
        // Dropped with its top left at (650, 150): middle x 650 + 94 = 744 → column 3
        // (660…880); row (150 − 56)/88 = 1.07 → 1.
        assert_eq!(drop_at(&c, 650.0, 150.0), (Level::OutcomeShort, 1));
        // Above the first slot → row 0; far right → impact.
        assert_eq!(drop_at(&c, 5000.0, -40.0), (Level::Impact, 0));
    }

    #[test]
    fn steps_move_and_swap() {
        let id = super::super::demo::demo_id;
        // Two activities at slots 0 and 1, an output at slot 0.
        let c = Chain {
            ids: vec![id(1), id(2), id(3)],
            columns: vec![1, 1, 2],
            slots: vec![0, 1, 0],
            ..Chain::default()
        };
        // The second up: onto slot 0, taken by the first, which goes down to slot 1.
        assert_eq!(
            step(&c, 1, 0, -1),
            vec![(id(2), Level::Activity, 0), (id(1), Level::Activity, 1)]
        );
        // The first right: to outputs, slot 0 (a column step does not swap; the slots
        // then push it below the output already there).
        assert_eq!(step(&c, 0, 1, 0), vec![(id(1), Level::Output, 0)]);
        // The first up, or the output six columns on: out of the drawing.
        assert!(step(&c, 0, 0, -1).is_empty());
        assert!(step(&c, 2, 5, 0).is_empty());
    }

    #[test]
    fn arrow_paths() {
        // Forward from (100, 50) to (300, 90): handles 100 out → (200, 50) and (200, 90).
        assert_eq!(
            arrow((100.0, 50.0), (300.0, 90.0)),
            "M100 50C200 50 200 90 300 90"
        );
        // Backward from (300, 90) to (100, 50): loops below at max(90, 50) + 68 = 158.
        assert_eq!(
            arrow((300.0, 90.0), (100.0, 50.0)),
            "M300 90C360 158 40 158 100 50"
        );
    }

    #[test]
    fn the_demo_chain_is_drawn_with_its_problems() {
        let doc = crate::demo::demo_doc();
        let area = doc
            .areas
            .live()
            .find(|a| a.number() == Some(&1))
            .map(|a| a.id.clone())
            .unwrap();
        let c = chain(&doc, &area, Lang::Sv);
        assert!(!c.ids.is_empty());
        assert_eq!(c.ids.len(), c.slots.len());
        assert!(!c.problems.is_empty());
        assert!(c.flagged.iter().any(|f| *f));
        // Two nodes of one column never share a slot.
        for i in 0..c.ids.len() {
            for j in i + 1..c.ids.len() {
                assert!(c.columns[i] != c.columns[j] || c.slots[i] != c.slots[j]);
            }
        }
    }
}
