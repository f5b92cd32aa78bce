//! The power/interest grid (Mendelow) with its four quadrants and their strategies, and the
//! salience classes (Mitchell, Agle & Wood) with where the two disagree. Both are tables
//! (the grid's rows are power 5 … 1, its columns interest 1 … 5), followed by a plain table
//! per actor for screen readers.
use leptos::prelude::*;
use vagval_core::stakeholders::classes::{Quadrant, Salience, Thresholds, quadrant};
use vagval_core::stakeholders::report::{Line, filtered};

use super::texts::StakeholdersI18n;
use super::{ACTOR, Head};
use crate::i18n::use_i18n;
use crate::state::use_app;

/// An actor as a link to its page.
fn chip(line: &Line) -> impl IntoView + use<> {
    view! { <a class="chip" href=format!("{ACTOR}{}", line.row.id) data-testid="grid-actor">{line.row.name.clone()}</a> }
}

/// The quadrant's style class.
const fn class(q: Quadrant) -> &'static str {
    match q {
        Quadrant::KeyPlayer => "q key",
        Quadrant::KeepSatisfied => "q satisfied",
        Quadrant::KeepInformed => "q informed",
        Quadrant::Monitor => "q monitor",
    }
}

#[component]
pub(super) fn GridPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let rep = Memo::new(move |_| app.doc.with(|d| filtered(d, None)));
    let grid = move || {
        let s = i18n.s();
        let lang = i18n.lang();
        rep.with(|r| {
            let t: Thresholds = r.thresholds;
            let rows = (1..=5u8)
                .rev()
                .map(|p| {
                    let cells = (1..=5u8)
                        .map(|i| {
                            let q = quadrant(p, i, t);
                            let here = r
                                .actors
                                .iter()
                                .filter(|l| l.scores[0] == p && l.scores[1] == i)
                                .map(chip)
                                .collect_view();
                            view! { <td class=class(q) data-cell=format!("{p}-{i}")>{here}</td> }
                        })
                        .collect_view();
                    view! { <tr><th scope="row">{format!("{} {p}", s.power)}</th>{cells}</tr> }
                })
                .collect_view();
            let quadrants = Quadrant::ALL
                .into_iter()
                .map(|q| {
                    let n = r.actors.iter().filter(|l| l.row.quadrant == q).count();
                    view! {
                        <li class=class(q) data-testid="quadrant">
                            <strong>{format!("{} ({n})", q.label(lang))}</strong>
                            <span>{q.strategy(lang).split_once(": ").map_or(q.strategy(lang), |x| x.1)}</span>
                        </li>
                    }
                })
                .collect_view();
            let plain = super::report_table(
                r,
                lang,
                s,
                &super::Table {
                    id: "grid-table-caption",
                    caption: Some(|t| t.grid_table),
                    testid: ("grid-table", "grid-row"),
                    cols: &[2, 3, 7],
                    num: false,
                },
            );
            view! {
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="grid-caption">
                    <table class="power-grid" data-testid="power-grid">
                        <caption id="grid-caption">{s.grid_caption}</caption>
                        <thead><tr><td></td>{(1..=5).map(|i| view! { <th scope="col">{format!("{} {i}", s.interest)}</th> }).collect_view()}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <h2>{s.strategies}</h2>
                <p class="hint">{format!("{} {} · {} {}", s.grid_high, t.grid_high, s.salience_present, t.salience_present)}</p>
                <ul class="quadrants">{quadrants}</ul>
                {plain}
            }
        })
    };
    view! {
        <article class="page stakeholders">
            <Head current=2 lead=|t| t.grid_lead/>
            {grid}
        </article>
    }
}

#[component]
pub(super) fn ClassesPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let rep = Memo::new(move |_| app.doc.with(|d| filtered(d, None)));
    let body = move || {
        let s = i18n.s();
        let lang = i18n.lang();
        rep.with(|r| {
            let groups = Salience::ALL
                .into_iter()
                .map(|c| {
                    let here = r
                        .actors
                        .iter()
                        .filter(|l| l.row.salience == c)
                        .map(|l| view! { <li>{chip(l)}</li> })
                        .collect_view();
                    view! {
                        <section class="salience-group" data-testid="salience-class" data-class=format!("{c:?}")>
                            <h3>{c.label(lang)}{(!c.label(lang).to_lowercase().starts_with(c.group().label(lang))).then(|| view! { <span class="hint">{format!(" · {}", c.group().label(lang))}</span> })}</h3>
                            <ul class="plain-list">{here}</ul>
                        </section>
                    }
                })
                .collect_view();
            let odd: Vec<&Line> = r.actors.iter().filter(|l| l.row.disagreement.is_some()).collect();
            let odd_view = if odd.is_empty() {
                view! { <p>{s.no_disagreements}</p> }.into_any()
            } else {
                odd.iter()
                    .map(|l| {
                        let d = l.row.disagreement.map_or("", |d| d.label(lang));
                        view! { <li data-testid="disagreement">{chip(l)}{format!(": {d}")}</li> }
                    })
                    .collect_view()
                    .into_any()
            };
            let plain = super::report_table(
                r,
                lang,
                s,
                &super::Table {
                    id: "classes-caption",
                    caption: Some(|t| t.classes_table),
                    testid: ("classes-table", "class-row"),
                    cols: &[2, 4, 5, 8, 9],
                    num: false,
                },
            );
            view! {
                <p class="hint">{format!("{} {}", s.salience_present, r.thresholds.salience_present)}</p>
                <div class="salience-groups">{groups}</div>
                <section class="card" aria-labelledby="odd-heading">
                    <h2 id="odd-heading">{s.disagreements}</h2>
                    <p class="hint">{s.disagreements_help}</p>
                    <ul class="plain-list">{odd_view}</ul>
                </section>
                {plain}
            }
        })
    };
    view! {
        <article class="page stakeholders">
            <Head current=3 lead=|t| t.classes_lead/>
            {body}
        </article>
    }
}
