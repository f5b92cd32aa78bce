use leptos::prelude::*;
use vagval_core::round::{Origin, Round, RoundStatus};

use super::export_ballots::ExportBallots;
use crate::i18n::use_i18n;
use crate::modules::prioritisation::ballot::BallotFlow;
use crate::modules::prioritisation::texts::ModuleI18n;

#[component]
pub(super) fn VoteTab(round: Memo<Option<Round>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section aria-labelledby="vote-heading">
            <h2 id="vote-heading" class="visually-hidden">{i18n.trv(|t| t.tab_vote)}</h2>
            <Show when=move || round.with(|r| r.as_ref().and_then(Round::status) != Some(&RoundStatus::Closed))
                fallback=move || view! { <p class="card" data-testid="vote-closed">{i18n.trv(|t| t.vote_closed)}</p> }>
                <BallotFlow round=round origin=Origin::Tablet/>
                <crate::modules::prioritisation::kiosk::StartKiosk round=round/>
            </Show>
            <ExportBallots round=round/>
        </section>
    }
}
