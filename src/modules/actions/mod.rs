//! Insatsområden: the action areas with their effect chains ([`chain`]), indicators with
//! values over time ([`indicator`]), the activity plan on a timeline with CSV for Excel
//! ([`plan`]), the collaboration projects' budgets and co-financing checks ([`project`]), and
//! the overview of all of it ([`areas`]). Every workflow is a core function
//! (`vagval_core::actions`); these views only call it.
use leptos::prelude::*;

use super::{Draw, Module, Page, Render};
use crate::app::router::id_after as param;
use crate::i18n::use_i18n;
use texts::ActionsI18n;

mod areas;
mod chain;
mod fields;
mod indicator;
mod logs;
mod plan;
mod project;
pub mod texts;

/// The module's first page.
pub const AREAS: &str = "/insatsomraden";
/// An area's or a project's effect chain: followed by its id.
pub const CHAIN: &str = "/insatsomraden/kedja/";
/// The activity plan.
pub const PLAN: &str = "/insatsomraden/plan";
/// One indicator: followed by its id.
pub const INDICATOR: &str = "/insatsomraden/indikator/";
/// One project: followed by its id.
pub const PROJECT: &str = "/insatsomraden/projekt/";
/// The learning log, the Sami consultation log and the peer exchange.
pub const LOGS: &str = "/insatsomraden/loggar";

/// The module's entry in [`super::MODULES`].
pub const MODULE: Module = Module {
    pages: &[
        Page { path: AREAS },
        Page { path: CHAIN },
        Page { path: PLAN },
        Page { path: INDICATOR },
        Page { path: PROJECT },
        Page { path: LOGS },
    ],
    draw: Draw::Chunk(|| Box::pin(pages())),
    card: texts::card,
    provide: super::nothing,
};

// The module's split point (`crate::split_point`).
crate::split_point!(actions: fn pages() -> Render = render);

/// Draws page `i` of [`MODULE`]`.pages`.
fn render(i: usize) -> AnyView {
    match i {
        0 => view! { <areas::AreasPage/> }.into_any(),
        1 => view! { <chain::ChainPage/> }.into_any(),
        2 => view! { <plan::PlanPage/> }.into_any(),
        3 => view! { <indicator::IndicatorPage/> }.into_any(),
        4 => view! { <project::ProjectPage/> }.into_any(),
        _ => view! { <logs::LogsPage/> }.into_any(),
    }
}

/// The module's tabs, `current` marked.
#[component]
fn Tabs(current: usize) -> impl IntoView {
    let i18n = use_i18n();
    let tabs: [(&str, fields::Pick); 3] = [
        (AREAS, |t| t.tab_overview),
        (PLAN, |t| t.tab_plan),
        (LOGS, |t| t.tab_logs),
    ];
    view! {
        <nav class="tabs no-print" aria-label=move || i18n.s().views>
            {tabs.into_iter().enumerate().map(|(i, (href, label))| view! {
                <a href=href class="tab" aria-current=(i == current).then_some("page")>{move || label(i18n.s())}</a>
            }).collect_view()}
        </nav>
    }
}
