//! Insatsområden: effect chains, indicators and the activity plan. Being built: its page says what it will hold.
use leptos::prelude::*;

use super::planned::Planned;
use super::{Draw, Module, Page};

pub mod texts;

/// The module's entry in [`super::MODULES`].
pub const MODULE: Module = Module {
    pages: &[Page {
        path: "/insatsomraden",
    }],
    draw: Draw::Here(page),
    card: texts::card,
    provide: super::nothing,
};

fn page(_: usize) -> AnyView {
    view! { <Planned card=texts::card/> }.into_any()
}
