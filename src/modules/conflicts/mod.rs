//! Målkonflikter: cross-impact matrices between goals. Being built: its page says what it will hold.
use leptos::prelude::*;

use super::planned::Planned;
use super::{Module, Page};

pub mod texts;

/// The module's entry in [`super::MODULES`].
pub const MODULE: Module = Module {
    pages: &[Page {
        path: "/malkonflikter",
        view: page,
    }],
    card: texts::card,
    provide: super::nothing,
};

fn page() -> AnyView {
    view! { <Planned card=texts::card/> }.into_any()
}
