//! Röstläge (participant mode): the facilitator hands a tablet to participants for one round.
//! Only that round's ballot and the hand-over are reachable — no navigation, no undo, no rules,
//! no results. Leaving needs the code the facilitator set. The mode is device-local (never
//! exported) and survives a reload.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use vagval_core::Id;
use vagval_core::round::{Origin, Round};

use super::ballot::BallotFlow;
use crate::i18n::use_i18n;
use crate::router::{navigate, round_path, use_route};
use crate::state::use_app;
use crate::storage::{self, StorageKey};

/// Shortest code that ends participant mode.
pub const CODE_MIN: usize = 4;

/// A tablet in participant mode: the round, and a hash of the facilitator's code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kiosk {
    /// The round the tablet votes in.
    pub round: Id,
    /// SHA-256 of the code (the code itself is not stored).
    pub code_hash: String,
}

fn hash(code: &str) -> String {
    vagval_core::round::canonical_hash(&format!("vagval-rostlage|{}", code.trim()))
}

/// Participant mode in context: `None` on a facilitator's device.
#[derive(Clone, Copy)]
pub struct KioskMode(pub RwSignal<Option<Kiosk>>);

/// Reads the stored mode and provides it.
pub fn provide() -> KioskMode {
    let stored = storage::read(StorageKey::Kiosk)
        .ok()
        .flatten()
        .and_then(|t| serde_json::from_str::<Kiosk>(&t).ok());
    let mode = KioskMode(RwSignal::new(stored));
    provide_context(mode);
    mode
}

/// The mode from context.
#[must_use]
pub fn use_kiosk() -> KioskMode {
    use_context::<KioskMode>().unwrap_or_else(|| KioskMode(RwSignal::new(None)))
}

/// The facilitator's card on the round's vote tab: set a code and start participant mode.
#[component]
pub fn StartKiosk(round: Memo<Option<Round>>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let kiosk = use_kiosk();
    let code = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(r) = round.get_untracked() else {
            return;
        };
        let c = code.get_untracked();
        if c.trim().chars().count() < CODE_MIN {
            error.set(Some(i18n.t().v.kiosk_code_short));
            return;
        }
        // Everything is stored before the tablet changes hands.
        app.flush();
        let k = Kiosk {
            round: r.id.clone(),
            code_hash: hash(&c),
        };
        if let Ok(text) = serde_json::to_string(&k)
            && storage::write(StorageKey::Kiosk, &text).is_err()
        {
            error.set(Some(i18n.t().v.kiosk_not_stored));
            return;
        }
        error.set(None);
        code.set(String::new());
        kiosk.0.set(Some(k));
    };
    view! {
        <section class="card" aria-labelledby="kiosk-heading" data-testid="kiosk-start">
            <h2 id="kiosk-heading">{i18n.tr(|t| t.v.kiosk_heading)}</h2>
            <p>{i18n.tr(|t| t.v.kiosk_help)}</p>
            <form class="row" on:submit=start>
                <div class="field">
                    <label for="kiosk-code">{i18n.tr(|t| t.v.kiosk_code)}</label>
                    <input id="kiosk-code" type="password" inputmode="numeric" autocomplete="off" minlength=CODE_MIN.to_string()
                        aria-describedby="kiosk-code-error"
                        prop:value=move || code.get() on:input=move |ev| code.set(event_target_value(&ev))/>
                    <p id="kiosk-code-error" class="field-error" role="alert">{move || error.get()}</p>
                </div>
                <button type="submit" data-testid="kiosk-go">{i18n.tr(|t| t.v.kiosk_start)}</button>
            </form>
        </section>
    }
}

/// The whole screen in participant mode.
#[component]
pub fn KioskView(k: Kiosk) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let kiosk = use_kiosk();
    let router = use_route();
    let id = k.round.clone();
    let round = Memo::new(move |_| app.doc.with(|d| d.rounds.get(&id).cloned()));
    let leaving = RwSignal::new(false);
    let code = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let expected = k.code_hash.clone();
    let target = k.round.clone();
    let leave = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if hash(&code.get_untracked()) != expected {
            error.set(Some(i18n.t().v.kiosk_wrong_code));
            code.set(String::new());
            return;
        }
        storage::remove(StorageKey::Kiosk);
        kiosk.0.set(None);
        navigate(router, &round_path(&target));
    };
    view! {
        <header class="app-header kiosk-header">
            <span class="brand"><img src="/icon.svg" alt="" width="32" height="32"/><span>{i18n.tr(|t| t.app_name)}</span></span>
            <p class="workspace-name">{i18n.tr(|t| t.v.kiosk_badge)}</p>
        </header>
        <main id="main" tabindex="-1" class="kiosk" data-testid="kiosk">
            <article class="page">
                <h1>{move || round.with(|r| r.as_ref().and_then(Round::title).cloned().unwrap_or_default())}</h1>
                <Show when=move || round.with(Option::is_some)
                    fallback=move || view! { <p class="card">{i18n.tr(|t| t.v.no_round)}</p> }>
                    <BallotFlow round=round origin=Origin::Tablet/>
                </Show>
                <section class="kiosk-exit" aria-label=move || i18n.t().v.kiosk_leave>
                    <Show when=move || leaving.get()
                        fallback=move || view! {
                            <button type="button" class="secondary" data-testid="kiosk-leave" on:click=move |_| leaving.set(true)>
                                {i18n.tr(|t| t.v.kiosk_leave)}
                            </button>
                        }>
                        <form class="row" on:submit=leave.clone()>
                            <div class="field">
                                <label for="kiosk-exit-code">{i18n.tr(|t| t.v.kiosk_exit_code)}</label>
                                <input id="kiosk-exit-code" type="password" inputmode="numeric" autocomplete="off"
                                    aria-describedby="kiosk-exit-error"
                                    prop:value=move || code.get() on:input=move |ev| code.set(event_target_value(&ev))/>
                                <p id="kiosk-exit-error" class="field-error" role="alert">{move || error.get()}</p>
                            </div>
                            <button type="submit" data-testid="kiosk-exit">{i18n.tr(|t| t.v.kiosk_exit)}</button>
                            <button type="button" class="secondary" on:click=move |_| { leaving.set(false); error.set(None); }>
                                {i18n.tr(|t| t.sh.cancel)}
                            </button>
                        </form>
                    </Show>
                </section>
            </article>
        </main>
    }
}
