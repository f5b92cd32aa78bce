use leptos::prelude::*;
use vagval_core::certificate::result_of;
use vagval_core::round::{Origin, Round, ballots_of};

use super::double_vote::DoubleVoteCard;
use super::open_or_closed::OpenOrClosed;
use crate::app::router::Route;
use crate::i18n::use_i18n;
use crate::modules::prioritisation::ballot::BallotFlow;
use crate::modules::prioritisation::texts::ModuleI18n;
use crate::state::use_app;

#[component]
pub(super) fn Collect(round: Memo<Option<Round>>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let result = Memo::new(move |_| {
        round.with(|r| {
            r.as_ref()
                .and_then(|r| app.doc.with(|d| result_of(d, &r.id).ok()))
        })
    });
    let total = Memo::new(move |_| {
        round.with(|r| {
            r.as_ref()
                .map_or(0, |r| app.doc.with(|d| ballots_of(d, &r.id).len()))
        })
    });
    let paper = RwSignal::new(false);
    let summary = move || {
        let t = i18n.v();
        result.with(|r| {
            r.as_ref().map(|r| {
                format!(
                    "{} {}: {} {}, {} {}, {} {}.",
                    total.get(),
                    t.ballots(total.get()),
                    r.counted.len(),
                    t.counted,
                    r.double_votes.len(),
                    t.double_word,
                    r.invalid.len(),
                    t.invalid_word
                )
            })
        })
    };
    let doubles = Memo::new(move |_| {
        result.with(|r| {
            r.as_ref()
                .map(|r| r.double_votes.clone())
                .unwrap_or_default()
        })
    });
    view! {
        <section class="card" aria-labelledby="collect-heading">
            <h2 id="collect-heading">{i18n.trv(|t| t.tab_collect)}</h2>
            <p data-testid="collect-summary">{summary}</p>
            <p>{i18n.trv(|t| t.collect_help)}" "<a href=Route::Share.path()>{i18n.tr(|t| t.share.title)}</a></p>
        </section>
        <OpenOrClosed round=round/>
        <Show when=move || doubles.with(|d| !d.is_empty())>
            <section class="card warning" aria-labelledby="double-heading" data-testid="double-votes">
                <h2 id="double-heading">{i18n.trv(|t| t.double_heading)}</h2>
                <p>{i18n.trv(|t| t.double_help)}</p>
                <For each=move || doubles.get() key=|d| d.ballots.clone() let:dv>
                    <DoubleVoteCard round=round participant=dv.participant ballots=dv.ballots/>
                </For>
            </section>
        </Show>
        <section class="card" aria-labelledby="paper-heading">
            <h2 id="paper-heading">{i18n.trv(|t| t.paper_heading)}</h2>
            <Show when=move || paper.get()
                fallback=move || view! {
                    <button type="button" class="secondary" on:click=move |_| paper.set(true) data-testid="paper-open">{i18n.trv(|t| t.paper_open)}</button>
                }>
                <BallotFlow round=round origin=Origin::Paper/>
            </Show>
        </section>
    }
}
