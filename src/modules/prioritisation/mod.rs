//! Inspel & prioritering: the påverkansagenda cycle. Inspel are listed and edited
//! ([`inspel`]), prioritised in voting rounds ([`rounds`], [`round`]) on tablets ([`ballot`],
//! participant mode in [`kiosk`]), counted ([`results`]) and written into the agenda
//! ([`agenda`]).
use leptos::prelude::*;
use vagval_core::Id;

use super::{Draw, Module, Page, Render};
use crate::app::router::current_path;

pub mod agenda;
mod ballot;
mod inspel;
pub mod kiosk;
pub mod labels;
mod results;
mod round;
mod rounds;
pub mod texts;

/// The inspel list.
pub const INSPEL: &str = "/inspel";
/// The voting rounds.
pub const ROUNDS: &str = "/inspel/omrostningar";
/// One round (vote, collect, results, rules): followed by the round's id.
pub const ROUND: &str = "/inspel/omrostning/";
/// The påverkansagenda.
pub const AGENDA: &str = "/inspel/agenda";

/// The module's entry in [`super::MODULES`].
pub const MODULE: Module = Module {
    pages: &[
        Page { path: INSPEL },
        Page { path: ROUNDS },
        Page { path: ROUND },
        Page { path: AGENDA },
    ],
    draw: Draw::Chunk(|| Box::pin(pages())),
    card: texts::card,
    provide,
};

// The module's split point (`crate::split_point`).
crate::split_point!(prioritisation: fn pages() -> Render = render);

/// Not a page of [`MODULE`]`.pages` but drawn by [`render`] as one: participant mode's whole
/// screen, so the ballot stays in the module's chunk.
const KIOSK: usize = usize::MAX;

/// Participant mode's screen (the round and code from [`kiosk::use_kiosk`]).
pub fn kiosk_view() -> AnyView {
    let module = super::MODULES
        .iter()
        .position(|m| m.pages.first().is_some_and(|p| p.path == INSPEL));
    module.map_or_else(|| ().into_any(), |m| super::view(m, KIOSK))
}

/// Draws page `i` of [`MODULE`]`.pages` (or [`KIOSK`]).
fn render(i: usize) -> AnyView {
    match i {
        KIOSK => {
            let mode = kiosk::use_kiosk();
            (move || mode.0.get().map(|k| view! { <kiosk::KioskView k/> })).into_any()
        }
        0 => view! { <inspel::InspelPage/> }.into_any(),
        1 => view! { <rounds::RoundsPage/> }.into_any(),
        2 => view! { <round::RoundPage/> }.into_any(),
        _ => view! { <agenda::AgendaPage/> }.into_any(),
    }
}

/// Provided at the root so that the results and the agenda page share it.
fn provide() {
    let _ = agenda::moved_to_agenda();
}

/// The round id in the current path (`/inspel/omrostning/<id>`).
#[must_use]
pub fn round_param() -> Option<Id> {
    current_path()
        .strip_prefix(ROUND)
        .and_then(|id| Id::parse(id.trim_end_matches('/')).ok())
}

/// The path of a round's page.
#[must_use]
pub fn round_path(id: &Id) -> String {
    format!("{ROUND}{id}")
}
