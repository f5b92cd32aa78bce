//! The network map as a standalone SVG file (the export; the PNG is this drawn on a canvas):
//! each live actor at its place on the network view ([`arrangement`]) as a circle coloured by
//! type with its name, each live relation as a line — an arrow head when directed, dashed for
//! conflict, thicker when heavier. Every text is XML-escaped.
use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::Doc;
use crate::kernel::id::Id;
use crate::kernel::lang::Lang;
use crate::kernel::record::Record;

use super::actor::{ActorType, RelationType};
use super::layout::SIZE;
use super::map::{arrangement, live_actors, live_relations};

/// A node's radius in map units.
pub const NODE: i32 = 14;
/// The margin around the map, room for the names.
const MARGIN: i32 = 80;

/// The fill of an actor type (the same palette as the app's legend).
#[must_use]
pub const fn colour(t: ActorType) -> &'static str {
    match t {
        ActorType::Company => "#1f5fa8",
        ActorType::University => "#6a3d9a",
        ActorType::Municipality => "#2d7d46",
        ActorType::Region => "#0b6e69",
        ActorType::Agency => "#8c4b00",
        ActorType::CountyBoard => "#a6192e",
        ActorType::InterestGroup => "#b3541e",
        ActorType::Sami => "#005a9c",
        ActorType::CivilSociety => "#7a5c00",
        ActorType::Other => "#555555",
    }
}

/// `text` with `& < > " '` escaped for XML.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The map of `doc` as an SVG document titled `title`, names and legend in `lang`.
#[must_use]
pub fn svg(doc: &Doc, title: &str, lang: Lang) -> String {
    let actors = live_actors(doc);
    let at = arrangement(doc);
    let half = SIZE / 2;
    let place: BTreeMap<&Id, (i32, i32)> = actors
        .iter()
        .zip(&at)
        .map(|(a, p)| (a.id(), (p.x, p.y)))
        .collect();
    let (min_x, max_x, min_y, max_y) = at
        .iter()
        .fold((-half, half, -half, half), |(a, b, c, d), p| {
            (a.min(p.x), b.max(p.x), c.min(p.y), d.max(p.y))
        });
    let (x0, y0) = (min_x - MARGIN, min_y - MARGIN);
    let (w, h) = (max_x - min_x + 2 * MARGIN, max_y - min_y + 2 * MARGIN);
    let mut s = String::new();
    let _ = write!(
        s,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{x0} {y0} {w} {h}\" width=\"{w}\" height=\"{h}\" font-family=\"sans-serif\">\n<title>{}</title>\n",
        escape(title)
    );
    let _ = write!(
        s,
        "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#444\"/></marker></defs>\n<rect x=\"{x0}\" y=\"{y0}\" width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>\n"
    );
    for (_, _, r) in live_relations(doc) {
        let (Some(a), Some(b)) = (
            r.from().and_then(|f| place.get(f)),
            r.to().and_then(|t| place.get(t)),
        ) else {
            continue;
        };
        let Some((x1, y1, x2, y2)) = edge(*a, *b) else {
            continue;
        };
        let t = r.relation_type().copied().unwrap_or_default();
        let dash = if t == RelationType::Conflict {
            " stroke-dasharray=\"8 5\""
        } else {
            ""
        };
        let arrow = if r.mutual() == Some(&true) {
            ""
        } else {
            " marker-end=\"url(#arrow)\""
        };
        let width = 1 + 2 * i32::from(r.weight().copied().unwrap_or(1).clamp(1, 3));
        let _ = writeln!(
            s,
            "<line x1=\"{x1:.0}\" y1=\"{y1:.0}\" x2=\"{x2:.0}\" y2=\"{y2:.0}\" stroke=\"#444\" stroke-width=\"{width}\"{dash}{arrow}><title>{}</title></line>",
            escape(t.label(lang))
        );
    }
    for (a, p) in actors.iter().zip(&at) {
        let name = escape(a.name().map_or("", String::as_str));
        let t = a.actor_type().copied().unwrap_or_default();
        let _ = writeln!(
            s,
            "<g><title>{name} ({})</title><circle cx=\"{}\" cy=\"{}\" r=\"{NODE}\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"2\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"16\" fill=\"#111\">{name}</text></g>",
            escape(t.label(lang)),
            p.x,
            p.y,
            colour(t),
            p.x,
            p.y + NODE + 18,
        );
    }
    s.push_str("</svg>\n");
    s
}

/// The line from the rim of the circle at `a` to the rim at `b`; `None` if they overlap.
#[allow(clippy::cast_precision_loss)]
#[must_use]
pub fn edge(a: (i32, i32), b: (i32, i32)) -> Option<(f64, f64, f64, f64)> {
    let (x1, y1) = (f64::from(a.0), f64::from(a.1));
    let (x2, y2) = (f64::from(b.0), f64::from(b.1));
    let (dx, dy) = (x2 - x1, y2 - y1);
    let len = dx.hypot(dy);
    let r = f64::from(NODE);
    if len <= 2.0 * r {
        return None;
    }
    let (ux, uy) = (dx / len, dy / len);
    Some((
        x1 + ux * r,
        y1 + uy * r,
        x2 - ux * (r + 2.0),
        y2 - uy * (r + 2.0),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_map_has_every_actor_and_relation_escaped() {
        let doc = crate::demo::demo_doc();
        let s = svg(&doc, "Karta <demo> & test", Lang::Sv);
        assert!(s.starts_with("<?xml"));
        assert!(s.contains("<title>Karta &lt;demo&gt; &amp; test</title>"));
        // 17 actors, 21 relations (between live actors).
        assert_eq!(s.matches("<circle").count(), 17);
        assert_eq!(s.matches("<line").count(), 21);
        assert!(s.contains(">Handölsdalens sameby</text>"));
        // The one conflict relation is dashed.
        assert_eq!(s.matches("stroke-dasharray").count(), 1);
    }

    #[test]
    fn an_edge_runs_rim_to_rim() {
        // (0,0) → (100,0), radius 14: from x = 14 to x = 100 − 16 = 84.
        assert_eq!(edge((0, 0), (100, 0)), Some((14.0, 0.0, 84.0, 0.0)));
        // Overlapping circles (distance 20 ≤ 28): no line.
        assert_eq!(edge((0, 0), (20, 0)), None);
    }
}
