use leptos::prelude::*;
use vagval_core::round::{Origin, Round};

use super::{Kiosk, hash, use_kiosk};
use crate::app::router::{navigate, use_route};
use crate::i18n::use_i18n;
use crate::modules::prioritisation::ballot::BallotFlow;
use crate::modules::prioritisation::round_path;
use crate::modules::prioritisation::texts::ModuleI18n;
use crate::state::use_app;
use crate::storage::{self, StorageKey};
use crate::ui::ErrorField;

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
            error.set(Some(i18n.v().kiosk_wrong_code));
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
            <p class="workspace-name">{i18n.trv(|t| t.kiosk_badge)}</p>
        </header>
        <main id="main" tabindex="-1" class="kiosk" data-testid="kiosk">
            <article class="page">
                <h1>{move || round.with(|r| r.as_ref().and_then(Round::title).cloned().unwrap_or_default())}</h1>
                <Show when=move || round.with(Option::is_some)
                    fallback=move || view! { <p class="card">{i18n.trv(|t| t.no_round)}</p> }>
                    <BallotFlow round=round origin=Origin::Tablet/>
                </Show>
                <section class="kiosk-exit" aria-label=move || i18n.v().kiosk_leave>
                    <Show when=move || leaving.get()
                        fallback=move || view! {
                            <button type="button" class="secondary" data-testid="kiosk-leave" on:click=move |_| leaving.set(true)>
                                {i18n.trv(|t| t.kiosk_leave)}
                            </button>
                        }>
                        <form class="row" on:submit=leave.clone()>
                            <ErrorField id="kiosk-exit-code" error_id="kiosk-exit-error"
                                label=i18n.trv(|t| t.kiosk_exit_code) kind="password" numeric=true value=code error=error/>
                            <button type="submit" data-testid="kiosk-exit">{i18n.trv(|t| t.kiosk_exit)}</button>
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
