//! Inspel & prioritering: the påverkansagenda cycle. Inspel are listed and edited
//! ([`inspel`]), prioritised in voting rounds ([`rounds`], [`round`]) on tablets ([`ballot`],
//! participant mode in [`kiosk`]), counted ([`results`]) and written into the agenda
//! ([`agenda`]).
use leptos::prelude::*;
use vagval_core::Id;

use super::{Module, Page};
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
        Page {
            path: INSPEL,
            view: || view! { <inspel::InspelPage/> }.into_any(),
        },
        Page {
            path: ROUNDS,
            view: || view! { <rounds::RoundsPage/> }.into_any(),
        },
        Page {
            path: ROUND,
            view: || view! { <round::RoundPage/> }.into_any(),
        },
        Page {
            path: AGENDA,
            view: || view! { <agenda::AgendaPage/> }.into_any(),
        },
    ],
    card: texts::card,
    provide,
};

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
