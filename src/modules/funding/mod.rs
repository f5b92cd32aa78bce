//! Hållbarhetssäkring: each application's decisive assessment recomputed with the criteria it
//! was made with — the comparison across cases with its CSV and the portfolio of granted funds
//! with a chart and a table per grouping ([`cases`]); an application with its decision, its
//! assessments, a new one begun and the assessors compared and agreed ([`application`]); an
//! assessment answered ([`assessment`]); the printable assessment memo ([`memo`]). Every computation is a core function (`vagval_core::proofing`); these views only
//! call it.
use leptos::prelude::*;

use super::{Draw, Module, Page, Render};
use crate::app::router::id_after as param;

mod application;
mod assessment;
mod cases;
mod form;
mod memo;
mod templates;
pub mod texts;

/// The module's first page.
pub const CASES: &str = "/hallbarhetssakring";
/// One application: followed by its id.
pub const APPLICATION: &str = "/hallbarhetssakring/ansokan/";
/// One assessment, answered: followed by its id.
pub const ASSESSMENT: &str = "/hallbarhetssakring/bedomning/";
/// One assessment's memo: followed by its id.
pub const MEMO: &str = "/hallbarhetssakring/promemoria/";
/// The criteria templates.
pub const TEMPLATES: &str = "/hallbarhetssakring/mallar";

/// The module's entry in [`super::MODULES`].
pub const MODULE: Module = Module {
    pages: &[
        Page { path: CASES },
        Page { path: APPLICATION },
        Page { path: ASSESSMENT },
        Page { path: MEMO },
        Page { path: TEMPLATES },
    ],
    draw: Draw::Chunk(|| Box::pin(pages())),
    card: texts::card,
    provide: super::nothing,
};

// The module's split point (`crate::split_point`).
crate::split_point!(funding: fn pages() -> Render = render);

/// Draws page `i` of [`MODULE`]`.pages`.
fn render(i: usize) -> AnyView {
    match i {
        0 => view! { <cases::CasesPage/> }.into_any(),
        1 => view! { <application::ApplicationPage/> }.into_any(),
        2 => view! { <assessment::AssessmentPage/> }.into_any(),
        3 => view! { <memo::MemoPage/> }.into_any(),
        _ => view! { <templates::TemplatesPage/> }.into_any(),
    }
}
