//! The signed network view: the goals on a circle, an arrow from row goal to column goal for
//! each interaction at least as strong as chosen — synergies solid green, trade-offs dashed red
//! (not colour alone), thicker when stronger. The table under it is its data.
use leptos::prelude::*;
use vagval_core::conflicts::network::{Edge, network};
use vagval_core::conflicts::report::Report;

use super::score::signed;
use crate::i18n::use_i18n;
use crate::modules::conflicts::texts::ConflictsI18n;
use crate::ui::SelectField;

/// Drawing size (the SVG scales to its box).
const SIZE: f64 = 1000.0;
/// The circle's radius and a goal's.
const RING: f64 = 400.0;
const NODE: f64 = 22.0;

fn at(v: f64) -> f64 {
    SIZE / 2.0 + RING * v
}

/// An arrow's line from the edge of one goal's circle to the other's, moved a little to its
/// right so that A → B and B → A lie side by side.
fn line(e: &Edge, nodes: &[(f64, f64)]) -> Option<(f64, f64, f64, f64)> {
    let (x1, y1) = *nodes.get(e.from)?;
    let (x2, y2) = *nodes.get(e.to)?;
    let (dx, dy) = (x2 - x1, y2 - y1);
    let len = dx.hypot(dy);
    if len < 2.0 * NODE + 1.0 {
        return None;
    }
    let (ux, uy) = (dx / len, dy / len);
    let (ox, oy) = (-uy * 6.0, ux * 6.0);
    let start = NODE + 2.0;
    let end = NODE + 8.0;
    Some((
        x1 + ux * start + ox,
        y1 + uy * start + oy,
        x2 - ux * end + ox,
        y2 - uy * end + oy,
    ))
}

fn strength(i: usize, lang: vagval_core::Lang) -> &'static str {
    match (i, lang) {
        (0, vagval_core::Lang::Sv) => "±1 och starkare",
        (0, vagval_core::Lang::En) => "±1 and stronger",
        (1, vagval_core::Lang::Sv) => "±2 och starkare",
        (1, vagval_core::Lang::En) => "±2 and stronger",
        (_, vagval_core::Lang::Sv) => "bara ±3",
        (_, vagval_core::Lang::En) => "±3 only",
    }
}

#[component]
pub(super) fn NetworkView(rep: Memo<Option<Report>>) -> impl IntoView {
    let i18n = use_i18n();
    // Strength 2 by default: the interactions a group would discuss.
    let choice = RwSignal::new(1usize);
    let net = Memo::new(move |_| {
        #[allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)]
        let min = choice.get() as i8 + 1;
        rep.with(|r| r.as_ref().map(|r| network(&r.reveal.values(), min)))
    });
    let drawing = move || {
        let c = i18n.c();
        let lang = i18n.lang();
        let Some(net) = net.get() else {
            return ().into_any();
        };
        let labels = rep.with(|r| r.as_ref().map(|r| r.labels.clone()).unwrap_or_default());
        let nodes: Vec<(f64, f64)> = net.nodes.iter().map(|n| (at(n.x), at(n.y))).collect();
        let lines = net
            .edges
            .iter()
            .filter_map(|e| {
                let (x1, y1, x2, y2) = line(e, &nodes)?;
                let (class, marker) = if e.value > 0 {
                    ("edge pos", "url(#arrow-pos)")
                } else {
                    ("edge neg", "url(#arrow-neg)")
                };
                let width = format!("{}", 2 * i32::from(e.value.unsigned_abs()));
                Some(view! {
                    <line x1=format!("{x1:.1}") y1=format!("{y1:.1}") x2=format!("{x2:.1}") y2=format!("{y2:.1}")
                        class=class stroke-width=width marker-end=marker></line>
                })
            })
            .collect_view();
        let circles = nodes
            .iter()
            .enumerate()
            .map(|(i, (x, y))| {
                view! {
                    <g class="node">
                        <circle cx=format!("{x:.1}") cy=format!("{y:.1}") r=NODE.to_string()></circle>
                        <text x=format!("{x:.1}") y=format!("{:.1}", y + 7.0) text-anchor="middle">{(i + 1).to_string()}</text>
                    </g>
                }
            })
            .collect_view();
        let legend = labels
            .iter()
            .map(|l| view! { <li>{l.clone()}</li> })
            .collect_view();
        let name = |i: usize| labels.get(i).cloned().unwrap_or_default();
        let rows = net
            .edges
            .iter()
            .map(|e| {
                view! {
                    <tr data-testid="network-edge">
                        <td>{format!("{} {}", e.from + 1, name(e.from))}</td>
                        <td>{format!("{} {}", e.to + 1, name(e.to))}</td>
                        <td>{signed(e.value)}</td>
                        <td>{if e.value > 0 { c.synergy } else { c.trade_off }}</td>
                    </tr>
                }
            })
            .collect_view();
        let left_out = (net.left_out > 0).then(|| {
            view! { <p class="notice">{format!("{} {}", net.left_out, c.network_left_out)}</p> }
        });
        let _ = lang;
        view! {
            <div class="network-wrap">
                <svg class="network" data-testid="network" viewBox=format!("0 0 {SIZE} {SIZE}")
                    role="img" aria-labelledby="network-heading" aria-describedby="network-help">
                    <defs>
                        <marker id="arrow-pos" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="4" markerHeight="4" orient="auto">
                            <path d="M0,0 L10,5 L0,10 z" class="arrow pos"></path>
                        </marker>
                        <marker id="arrow-neg" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="4" markerHeight="4" orient="auto">
                            <path d="M0,0 L10,5 L0,10 z" class="arrow neg"></path>
                        </marker>
                    </defs>
                    {lines}
                    {circles}
                </svg>
                <ol class="network-legend" aria-label=c.network_legend>{legend}</ol>
            </div>
            {left_out}
            <div class="table-scroll" tabindex="0" role="region" aria-label=c.network_table>
                <table class="data-table" data-testid="network-table">
                    <caption>{c.network_table}</caption>
                    <thead><tr>
                        <th scope="col">{c.from_goal}</th><th scope="col">{c.to_goal}</th>
                        <th scope="col">{c.value_word}</th><th scope="col">{c.kind_word}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let on_strength = Callback::new(move |i: Option<usize>| choice.set(i.unwrap_or(1)));
    let label = Signal::derive(move || i18n.c().network_strength);
    let selected = Signal::derive(move || Some(choice.get()));
    view! {
        <section class="card" aria-labelledby="network-heading">
            <h3 id="network-heading">{move || i18n.c().network}</h3>
            <p class="hint" id="network-help">{move || i18n.c().network_help}</p>
            <SelectField id="network-strength" label=label count=3 name=strength
                selected=selected on_change=on_strength />
            {drawing}
        </section>
    }
}
