use leptos::prelude::*;
use vagval_core::Localized;
use vagval_core::round::{Round, RoundStatus};

use crate::i18n::use_i18n;
use crate::modules::prioritisation::texts::ModuleI18n;
use crate::state::use_app;

/// Whether the round takes ballots, and the facilitator's command to close it (or open it
/// again). Ballots cast after closing are not counted ("omgången stängd").
#[component]
pub(super) fn OpenOrClosed(round: Memo<Option<Round>>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let closed = Memo::new(move |_| {
        round.with(|r| r.as_ref().and_then(Round::status) == Some(&RoundStatus::Closed))
    });
    let toggle = move |_| {
        let Some(id) = round.with_untracked(|r| r.as_ref().map(|r| r.id.clone())) else {
            return;
        };
        let next = if closed.get_untracked() {
            RoundStatus::Open
        } else {
            RoundStatus::Closed
        };
        let cmd = vagval_core::Command::edit(
            vagval_core::Kind::Round,
            &id,
            "status",
            vagval_core::crdt::to_json(&next),
        );
        match app.dispatch(&cmd) {
            Ok(()) => error.set(None),
            Err(e) => error.set(Some(e.message(i18n.lang()))),
        }
    };
    view! {
        <section class="card" aria-labelledby="status-heading" data-testid="round-status">
            <h2 id="status-heading">{i18n.trv(|t| t.round_status_heading)}</h2>
            <p>{move || if closed.get() { i18n.v().round_is_closed } else { i18n.v().round_is_open }}</p>
            <button type="button" class="secondary" data-testid="round-close" on:click=toggle>
                {move || if closed.get() { i18n.v().reopen_round } else { i18n.v().close_round }}
            </button>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </section>
    }
}
