use leptos::prelude::*;
use vagval_core::round::Round;

use super::{CODE_MIN, Kiosk, hash, use_kiosk};
use crate::i18n::use_i18n;
use crate::modules::prioritisation::texts::ModuleI18n;
use crate::state::use_app;
use crate::storage::{self, StorageKey};
use crate::ui::ErrorField;

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
            error.set(Some(i18n.v().kiosk_code_short));
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
            error.set(Some(i18n.v().kiosk_not_stored));
            return;
        }
        error.set(None);
        code.set(String::new());
        kiosk.0.set(Some(k));
    };
    view! {
        <section class="card" aria-labelledby="kiosk-heading" data-testid="kiosk-start">
            <h2 id="kiosk-heading">{i18n.trv(|t| t.kiosk_heading)}</h2>
            <p>{i18n.trv(|t| t.kiosk_help)}</p>
            <form class="row" on:submit=start>
                <ErrorField id="kiosk-code" error_id="kiosk-code-error" label=i18n.trv(|t| t.kiosk_code)
                    kind="password" numeric=true min_length=CODE_MIN value=code error=error/>
                <button type="submit" data-testid="kiosk-go">{i18n.trv(|t| t.kiosk_start)}</button>
            </form>
        </section>
    }
}
