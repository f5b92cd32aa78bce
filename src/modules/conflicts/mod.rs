//! Målkonflikter: goal sets and goals ([`overview`]), cross-impact matrices scored silently on
//! each tablet, revealed, discussed and agreed, and analysed ([`matrix`]), and the case check
//! that drafts the memo paragraph ([`case`]). Every workflow is a core function
//! (`vagval_core::conflicts`); these views only call it.
use leptos::prelude::*;
use vagval_core::Id;

use super::{Draw, Module, Page, Render, SplitLoaderError};
use crate::app::router::current_path;

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

/// The module's split point (see the prioritisation module's).
#[cfg(feature = "split")]
#[allow(unsafe_code)]
#[leptos::wasm_split::wasm_split(conflicts, wasm_split_path = ::leptos::wasm_split, fallible)]
fn pages() -> Result<Render, SplitLoaderError> {
    Ok(render)
}

/// Without the `split` feature the pages are in the one wasm module.
#[cfg(not(feature = "split"))]
#[allow(clippy::unused_async)]
async fn pages() -> Result<Render, SplitLoaderError> {
    Ok(render)
}

/// Draws page `i` of [`MODULE`]`.pages`.
fn render(i: usize) -> AnyView {
    match i {
        0 => view! { <overview::OverviewPage/> }.into_any(),
        1 => view! { <matrix::MatrixPage/> }.into_any(),
        _ => view! { <case::CasePage/> }.into_any(),
    }
}

/// The record id after `prefix` in the current path.
fn param(prefix: &str) -> Option<Id> {
    current_path()
        .strip_prefix(prefix)
        .and_then(|id| Id::parse(id.trim_end_matches('/')).ok())
}
