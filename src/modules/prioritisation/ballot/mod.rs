//! The ballot on a tablet: the participant gives a code, votes by touch (tap to add dots,
//! drag to rank) or by buttons and keyboard, sees what is left, and submits; "hand over"
//! clears the screen for the next person. The same form enters paper ballots.
use leptos::prelude::*;
use vagval_core::model::Municipality;
use vagval_core::prioritisation::casting::supersedes_on_device;
use vagval_core::round::{NewBallot, Origin, Round};
use vagval_core::vote::{Answer, Method};
use vagval_core::{Id, Localized};

use crate::i18n::{I18n, use_i18n};
use crate::modules::prioritisation::texts::ModuleI18n;
use crate::state::{AppState, now_ms, use_app};

mod about;
mod alloc;
mod alloc_row;
mod choices;
mod draft;
mod impact;
mod moscow;
mod rank;
mod ranked_row;
mod remaining;
mod scale;
use alloc::AllocBallot;
use draft::Draft;
use impact::ImpactBallot;
use moscow::MoscowBallot;
use rank::{RankBallot, refocus};
use remaining::Remaining;
use scale::ScaleBallot;

/// One item on the ballot: id, title, municipality.
pub type Item = (Id, String, &'static str);

/// A ballot half-way through, kept in storage so that a reload (or a browser killed mid-vote)
/// comes back to it. Removed on submit and on hand-over.
#[derive(serde::Serialize, serde::Deserialize)]
struct Kept {
    round: Id,
    participant: String,
    municipality: Option<Municipality>,
    answer: Answer,
}

/// The round's items with titles, in the round's order.
pub fn round_items(app: AppState, i18n: I18n, round: Memo<Option<Round>>) -> Memo<Vec<Item>> {
    Memo::new(move |_| {
        let lang = i18n.lang();
        round.with(|r| {
            let Some(r) = r else { return Vec::new() };
            app.doc.with(|d| {
                r.items()
                    .into_iter()
                    .flatten()
                    .map(|id| {
                        let i = d.inspel.0.get(id);
                        let title = i.and_then(|i| i.title().cloned()).unwrap_or_default();
                        let m = i
                            .and_then(|i| i.municipality())
                            .map_or("", |m| m.label(lang));
                        (id.clone(), title, m)
                    })
                    .collect()
            })
        })
    })
}

/// The whole ballot flow for one round. `origin` is `Tablet` or `Paper`.
#[component]
pub fn BallotFlow(round: Memo<Option<Round>>, origin: Origin) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let participant = RwSignal::new(String::new());
    let municipality = RwSignal::new(None::<Municipality>);
    let step = RwSignal::new(0u8); // 0: who, 1: voting, 2: thanks
    let draft = Draft::new();
    // A submitted ballot is being written to the journal.
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let items = round_items(app, i18n, round);
    let method = Memo::new(move |_| {
        round.with(|r| r.as_ref().map(Round::method_or_default).unwrap_or_default())
    });
    let prefix = if origin == Origin::Paper {
        "paper"
    } else {
        "tablet"
    };
    let kept_key = crate::storage::StorageKey::BallotDraft(prefix);
    // A ballot half-way through when the page was left: back to it.
    if let Some(k) = crate::storage::read(kept_key)
        .ok()
        .flatten()
        .and_then(|t| serde_json::from_str::<Kept>(&t).ok())
        && round.with_untracked(|r| r.as_ref().is_some_and(|r| r.id == k.round))
    {
        participant.set(k.participant);
        municipality.set(k.municipality);
        draft.restore(&k.answer);
        step.set(1);
    }
    // Keeps the ballot in storage while it is being filled in.
    Effect::new(move |_| {
        draft.track();
        if step.get() != 1 {
            return;
        }
        let Some(r) = round.get_untracked() else {
            return;
        };
        let kept = Kept {
            round: r.id.clone(),
            participant: participant.get_untracked(),
            municipality: municipality.get_untracked(),
            answer: draft.answer(&method.get_untracked()),
        };
        if let Ok(text) = serde_json::to_string(&kept) {
            let _ = crate::storage::write(kept_key, &text);
        }
    });

    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if participant.get_untracked().trim().is_empty() {
            error.set(Some(i18n.v().participant_missing.to_owned()));
            return;
        }
        error.set(None);
        draft.clear();
        step.set(1);
        refocus(format!("{prefix}-vote-heading"));
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let Some(r) = round.get_untracked() else {
            return;
        };
        let device = app.device();
        let who = participant.get_untracked().trim().to_owned();
        let supersedes: Vec<Id> = app
            .doc
            .with_untracked(|d| supersedes_on_device(d, &r.id, &who, origin, &device));
        let nb = NewBallot {
            round: &r,
            participant: &who,
            municipality: municipality.get_untracked(),
            answer: draft.answer(&method.get_untracked()),
            origin,
            supersedes,
            cast_at: now_ms(),
            device: &device,
        };
        let lang = i18n.lang();
        let result = nb
            .command()
            .map_err(|e| e.message(lang))
            .and_then(|cmd| app.dispatch(&cmd).map_err(|e| e.message(lang)));
        match result {
            // "Sparat" must be true: the ballot is written to storage before the thanks shows
            // (a browser killed right after it keeps the vote).
            Ok(()) => {
                // The round's ballot file goes into the journal (IndexedDB, on disk when the
                // transaction completes); the thanks waits for it. The autosave the command
                // scheduled stores the workspace as usual; only without a journal is it written
                // now, before the thanks.
                let key = format!("round:{}", r.id);
                let file = app.doc.with_untracked(|d| {
                    vagval_core::Snapshot::compact_of(
                        &vagval_core::round::ballot_file(d, &r.id),
                        &crate::state::iso_now(),
                        &device,
                    )
                });
                busy.set(true);
                leptos::task::spawn_local(async move {
                    let journalled = crate::journal::put(&key, &file).await.is_ok();
                    busy.set(false);
                    let stored = journalled || {
                        app.save_now();
                        app.save.get_untracked() == crate::state::SaveState::Saved
                    };
                    if stored {
                        crate::storage::remove(kept_key);
                        error.set(None);
                        step.set(2);
                        refocus(format!("{prefix}-hand-over"));
                    } else {
                        error.set(Some(i18n.v().ballot_not_saved.to_owned()));
                    }
                });
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let hand_over = move |_| {
        crate::storage::remove(kept_key);
        participant.set(String::new());
        municipality.set(None);
        draft.clear();
        error.set(None);
        step.set(0);
        refocus(format!("{prefix}-participant"));
    };
    let who_id = format!("{prefix}-participant");
    let mun_id = format!("{prefix}-municipality");
    view! {
        <div class="ballot" data-testid=format!("{prefix}-ballot")>
            <Show when=move || step.get() == 0>
                <form class="card who" on:submit=start>
                    <h2>{move || if origin == Origin::Paper { i18n.v().paper_heading } else { i18n.v().who_heading }}</h2>
                    <div class="row">
                        <div class="field grow">
                            <label for=who_id.clone()>{i18n.trv(|t| t.participant)}</label>
                            <input id=who_id.clone() type="text" autocomplete="off" required aria-describedby=format!("{prefix}-who-hint")
                                prop:value=move || participant.get() on:input=move |ev| participant.set(event_target_value(&ev))/>
                            <p id=format!("{prefix}-who-hint") class="hint">{i18n.trv(|t| t.participant_hint)}</p>
                        </div>
                        <div class="field">
                            <label for=mun_id.clone()>{i18n.trv(|t| t.your_municipality)}</label>
                            <select id=mun_id.clone() on:change=move |ev| {
                                let v = event_target_value(&ev);
                                municipality.set(Municipality::ALL.into_iter().find(|m| m.label(vagval_core::Lang::Sv) == v));
                            }>
                                <option value="" selected=move || municipality.get().is_none()>{i18n.trv(|t| t.not_given)}</option>
                                {Municipality::ALL.into_iter().map(|m| view! {
                                    <option value=m.label(vagval_core::Lang::Sv) selected=move || municipality.get() == Some(m)>{move || m.label(i18n.lang())}</option>
                                }).collect_view()}
                            </select>
                        </div>
                    </div>
                    <button type="submit" data-testid=format!("{prefix}-start")>{i18n.trv(|t| t.start_voting)}</button>
                </form>
            </Show>
            // Kept mounted between participants: handing over clears it instead of tearing
            // down and rebuilding one row per inspel.
            // Parked with `content-visibility: hidden` rather than `hidden`: the browser keeps the
            // 200 rows' layout instead of tearing it down on submit and building it on hand-over.
            <div class:parked=move || step.get() != 1>
                <form class="card vote" on:submit=submit>
                    <h2 id=format!("{prefix}-vote-heading") tabindex="-1">{move || format!("{} {}", i18n.v().voting_as, participant.get().trim())}</h2>
                    <p class="hint">{move || crate::modules::prioritisation::labels::method_help(crate::modules::prioritisation::labels::method_kind(&method.get()), i18n.lang())}</p>
                    <Remaining method=method draft=draft item_count=Signal::derive(move || items.with(Vec::len))/>
                    {move || match method.get() {
                        Method::Ranking { top_k, .. } => {
                            let need = top_k.map_or(usize::MAX, |k| k as usize);
                            view! { <RankBallot items=items ranking=draft.ranking need=need/> }.into_any()
                        }
                        Method::Score { lo, hi } => view! { <ScaleBallot items=items values=draft.scores lo=lo hi=hi/> }.into_any(),
                        Method::Moscow => view! { <MoscowBallot items=items values=draft.moscow/> }.into_any(),
                        Method::ImpactEffort => view! { <ImpactBallot items=items values=draft.impact/> }.into_any(),
                        m => view! { <AllocBallot items=items draft=draft method=m/> }.into_any(),
                    }}
                    <p class="field-error" role="alert">{move || error.get()}</p>
                    <div class="row">
                        <button type="submit" data-testid=format!("{prefix}-submit")>{i18n.trv(|t| t.submit)}</button>
                        <button type="button" class="secondary" on:click=hand_over>{i18n.trv(|t| t.cancel)}</button>
                    </div>
                </form>
            </div>
            <Show when=move || step.get() == 2>
                <div class="card thanks" role="status">
                    <h2>{i18n.trv(|t| t.thanks)}</h2>
                    <p>{i18n.trv(|t| t.thanks_body)}</p>
                    <button type="button" id=format!("{prefix}-hand-over") on:click=hand_over data-testid=format!("{prefix}-hand-over")>{i18n.trv(|t| t.hand_over)}</button>
                </div>
            </Show>
        </div>
    }
}
