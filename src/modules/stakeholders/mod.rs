//! Intressenter: the stakeholder map. The actors with their contact persons and relations
//! ([`actors`], [`actor`]), the network with drag, zoom and keyboard ([`network`]), the
//! power/interest grid and the salience classes ([`grid`]), and the metrics ([`metrics`]).
//! Every workflow is a core function (`vagval_core::stakeholders`); these views only call it.
use leptos::prelude::*;

use super::{Draw, Module, Page, Render};
use crate::app::router::id_after as param;
use crate::i18n::use_i18n;
use texts::StakeholdersI18n;

mod actor;
mod actors;
mod grid;
mod links;
mod metrics;
mod network;
pub mod texts;

/// The actors.
pub const ACTORS: &str = "/intressenter";
/// One actor: followed by its id.
pub const ACTOR: &str = "/intressenter/aktor/";
/// The network view.
pub const NETWORK: &str = "/intressenter/natverk";
/// The power/interest grid.
pub const GRID: &str = "/intressenter/rutnat";
/// The salience classes.
pub const CLASSES: &str = "/intressenter/klasser";
/// The metrics table.
pub const METRICS: &str = "/intressenter/matt";

/// The module's entry in [`super::MODULES`].
pub const MODULE: Module = Module {
    pages: &[
        Page { path: ACTORS },
        Page { path: ACTOR },
        Page { path: NETWORK },
        Page { path: GRID },
        Page { path: CLASSES },
        Page { path: METRICS },
    ],
    draw: Draw::Chunk(|| Box::pin(pages())),
    card: texts::card,
    provide: super::nothing,
};

// The module's split point (`crate::split_point`).
crate::split_point!(stakeholders: fn pages() -> Render = render);

/// Draws page `i` of [`MODULE`]`.pages`.
fn render(i: usize) -> AnyView {
    match i {
        0 => view! { <actors::ActorsPage/> }.into_any(),
        1 => view! { <actor::ActorPage/> }.into_any(),
        2 => view! { <network::NetworkPage/> }.into_any(),
        3 => view! { <grid::GridPage/> }.into_any(),
        4 => view! { <grid::ClassesPage/> }.into_any(),
        _ => view! { <metrics::MetricsPage/> }.into_any(),
    }
}

/// A string of the module's catalogue.
type Pick = fn(&'static texts::Texts) -> &'static str;

/// The views' tabs, `current` marked (an index into the list of views).
#[component]
fn Tabs(current: usize) -> impl IntoView {
    let i18n = use_i18n();
    let tabs: [(&str, Pick); 5] = [
        (ACTORS, |t| t.tab_actors),
        (NETWORK, |t| t.tab_network),
        (GRID, |t| t.tab_grid),
        (CLASSES, |t| t.tab_classes),
        (METRICS, |t| t.tab_metrics),
    ];
    view! {
        <nav class="tabs" aria-label=move || i18n.s().views>
            {tabs.into_iter().enumerate().map(|(i, (href, label))| view! {
                <a href=href class="tab" aria-current=(i == current).then_some("page")>{move || label(i18n.s())}</a>
            }).collect_view()}
        </nav>
    }
}

/// The page's heading, lead and tabs.
#[component]
fn Head(current: usize, lead: Pick) -> impl IntoView {
    let i18n = use_i18n();
    crate::app::pages::page_title(move || texts::card(i18n.lang()).title);
    view! {
        <h1>{move || texts::card(i18n.lang()).title}</h1>
        <Tabs current=current/>
        <p class="lead">{move || lead(i18n.s())}</p>
    }
}

/// Which of the report's columns a table shows, and how it is named.
struct Table {
    /// The caption's id, or the id of the heading that names the table.
    id: &'static str,
    /// The caption (none: the heading `id` names it).
    caption: Option<Pick>,
    /// The table's and each row's test id.
    testid: (&'static str, &'static str),
    /// The report's columns after the actor's name (indices into `Report::head`).
    cols: &'static [usize],
    /// Numbers right-aligned.
    num: bool,
}

/// The report as a table: the actor's name (a link to its page) and the chosen columns, the
/// same cells the CSV and `vagval stakeholders` print.
fn report_table(
    r: &vagval_core::stakeholders::report::Report,
    lang: vagval_core::Lang,
    texts: &'static texts::Texts,
    t: &Table,
) -> impl IntoView + use<> {
    use vagval_core::stakeholders::report::Report;
    let cols = t.cols;
    let head = Report::head(lang);
    let class = if t.num { "num" } else { "" };
    let rows = r
        .actors
        .iter()
        .map(|line| {
            let cells = Report::cells(line, lang);
            let rest = cols
                .iter()
                .map(|&c| view! { <td class=class>{cells.get(c).cloned().unwrap_or_default()}</td> })
                .collect_view();
            view! {
                <tr data-testid=t.testid.1>
                    <th scope="row"><a href=format!("{ACTOR}{}", line.row.id) data-testid="actor-link">{line.row.name.clone()}</a></th>
                    {rest}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby=t.id>
            <table class="data-table" data-testid=t.testid.0>
                {t.caption.map(|c| view! { <caption id=t.id>{c(texts)}</caption> })}
                <thead><tr>
                    <th scope="col">{head[0]}</th>
                    {cols.iter().map(|&c| view! { <th scope="col">{head.get(c).copied().unwrap_or_default()}</th> }).collect_view()}
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
