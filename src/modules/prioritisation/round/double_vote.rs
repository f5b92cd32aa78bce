use leptos::prelude::*;
use vagval_core::round::{NewBallot, Origin, Round};
use vagval_core::{Id, Localized};

use super::answer_summary;
use crate::i18n::use_i18n;
use crate::modules::prioritisation::texts::ModuleI18n;
use crate::state::{now_ms, use_app};

#[component]
pub(super) fn DoubleVoteCard(
    round: Memo<Option<Round>>,
    participant: String,
    ballots: Vec<Id>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let rows: Vec<(Id, String)> = app.doc.with_untracked(|d| {
        ballots
            .iter()
            .filter_map(|id| d.ballots.get(id))
            .map(|b| {
                (
                    b.id.clone(),
                    b.answer().map(|a| answer_summary(d, a)).unwrap_or_default(),
                )
            })
            .collect()
    });
    let who = participant.clone();
    view! {
        <div class="double" data-participant=participant.clone()>
            <h3>{participant.clone()}</h3>
            <ul>
                {rows.into_iter().enumerate().map(|(n, (id, text))| {
                    let (all, who) = (ballots.clone(), who.clone());
                    let keep = move |_| {
                        let Some(r) = round.get_untracked() else { return };
                        let Some(chosen) = app.doc.with_untracked(|d| d.ballots.get(&id).cloned()) else { return };
                        let device = app.device();
                        let nb = NewBallot {
                            round: &r,
                            participant: &who,
                            municipality: chosen.municipality().copied().flatten(),
                            answer: chosen.answer().cloned().unwrap_or_default(),
                            origin: Origin::Resolution,
                            supersedes: all.clone(),
                            cast_at: now_ms(),
                            device: &device,
                        };
                        let lang = i18n.lang();
                        let res = nb.command().map_err(|e| e.message(lang)).and_then(|c| app.dispatch(&c).map_err(|e| e.message(lang)));
                        error.set(res.err());
                    };
                    view! {
                        <li>
                            <span>{format!("{} {}: ", i18n.v().ballot_word, n + 1)}{text}</span>
                            <button type="button" class="secondary small" on:click=keep>{i18n.trv(|t| t.keep_this)}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="field-error" role="alert">{move || error.get()}</p>
        </div>
    }
}
