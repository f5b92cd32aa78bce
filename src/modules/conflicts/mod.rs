//! Målkonflikter: goal sets and goals ([`overview`]), cross-impact matrices scored silently on
//! each tablet, revealed, discussed and agreed, and analysed ([`matrix`]), and the case check
//! that drafts the memo paragraph ([`case`]). Every workflow is a core function
//! (`vagval_core::conflicts`); these views only call it.
use leptos::prelude::*;

use super::{Draw, Module, Page, Render};
use crate::app::router::id_after as param;

mod case;
mod goal_import;
mod matrix;
mod overview;
pub mod texts;

/// Goal sets, matrices and cases.
pub const OVERVIEW: &str = "/malkonflikter";
/// One matrix: followed by its id.
pub const MATRIX: &str = "/malkonflikter/matris/";
/// One case: followed by its id.
pub const CASE: &str = "/malkonflikter/arende/";

/// The module's entry in [`super::MODULES`].
pub const MODULE: Module = Module {
    pages: &[
        Page { path: OVERVIEW },
        Page { path: MATRIX },
        Page { path: CASE },
    ],
    draw: Draw::Chunk(|| Box::pin(pages())),
    card: texts::card,
    provide: super::nothing,
};

// The module's split point (`crate::split_point`).
crate::split_point!(conflicts: fn pages() -> Render = render);

/// Draws page `i` of [`MODULE`]`.pages`.
fn render(i: usize) -> AnyView {
    match i {
        0 => view! { <overview::OverviewPage/> }.into_any(),
        1 => view! { <matrix::MatrixPage/> }.into_any(),
        _ => view! { <case::CasePage/> }.into_any(),
    }
}
