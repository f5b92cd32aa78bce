//! Storage on this device (issue 12): Inställningar's card — how much is used, whether the
//! browser keeps it (`navigator.storage.persist()`, asked with one tap and its answer shown),
//! when the work was last exported with a one-tap export (it exists only here until then), and
//! the iPad/iPhone guide "Lägg till på hemskärmen": Safari erases a site's data after seven days
//! without use unless the app is on the home screen. [`HomeScreenBanner`] shows that guide once
//! in a Safari tab on iOS/iPadOS (dismissed for good), the card always.
//!
//! Its strings are [`DeviceTexts`] here (a `texts!` block, Swedish and English side by side),
//! embedded in the shell's catalogue as `Texts::dev`.
use leptos::prelude::*;
use vagval_core::Lang;

use crate::app::pages::share::{LastExport, export_now};
use crate::i18n::use_i18n;
use crate::state::use_app;
use crate::storage::{self, StorageKey};

crate::texts! {
    /// The strings of this file.
    pub struct DeviceTexts(DEVICE_SV, DEVICE_EN) {
        persist_ask:
            "Be webbläsaren att behålla datan"
            / "Ask the browser to keep the data",
        persist_yes:
            "Webbläsaren svarade ja: den rensar inte lagringen automatiskt."
            / "The browser said yes: it will not clear this storage automatically.",
        persist_no:
            "Webbläsaren svarade nej: den kan rensa lagringen om enheten får ont om utrymme. Exportera regelbundet."
            / "The browser said no: it may clear this storage if the device runs low on space. Export regularly.",
        persist_unsupported:
            "Webbläsaren kan inte lova att behålla datan. Exportera regelbundet."
            / "This browser cannot promise to keep the data. Export regularly.",
        only_here:
            "Arbetet finns bara på den här enheten tills du exporterar det."
            / "The work exists only on this device until you export it.",
        export_now:
            "Exportera nu"
            / "Export now",
        home_title:
            "Lägg till på hemskärmen"
            / "Add to Home Screen",
        home_why:
            "På iPad och iPhone raderar Safari allt en webbplats har sparat när den inte har använts på sju dagar – utom när appen ligger på hemskärmen."
            / "On iPad and iPhone, Safari erases everything a site has stored when it has not been used for seven days – unless the app is on the home screen.",
        home_how:
            "Tryck på Dela-knappen (fyrkanten med pilen uppåt) i Safari och välj ”Lägg till på hemskärmen”. Öppna sedan Vägval från hemskärmen."
            / "Tap the Share button (the square with the arrow) in Safari and choose “Add to Home Screen”. Then open Vägval from the home screen.",
        home_separate:
            "Appen på hemskärmen har en egen lagring: exportera arbetet här först och importera filen i appen på hemskärmen."
            / "The app on the home screen has its own storage: export the work here first and import the file in the app on the home screen.",
        home_dismiss:
            "Jag förstår"
            / "Got it",
        kept_idb:
            "Arbetet sparas i webbläsarens databas (IndexedDB)."
            / "The work is saved in the browser's database (IndexedDB).",
        kept_local:
            "Arbetet sparas i webbläsarens localStorage (IndexedDB går inte att använda här)."
            / "The work is saved in the browser's localStorage (IndexedDB cannot be used here).",
        kept_memory:
            "Arbetet sparas inte: webbläsaren tillåter ingen lagring här."
            / "The work is not saved: this browser allows no storage here.",
    }
}

/// Safari (or any WebKit browser: every browser on iOS is one) on an iPhone or iPad, in a
/// browser tab rather than started from the home screen. iPadOS reports itself as a Mac, so a
/// "Macintosh" with a touch screen counts as an iPad.
#[must_use]
pub fn ios_browser_tab() -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let nav = w.navigator();
    let ua = nav.user_agent().unwrap_or_default();
    let ios = ["iPhone", "iPad", "iPod"].iter().any(|d| ua.contains(d))
        || (ua.contains("Macintosh") && nav.max_touch_points() > 1);
    if !ios {
        return false;
    }
    // `navigator.standalone` is Apple's own flag; the media query is the standard one.
    let standalone = js_sys::Reflect::get(&nav, &"standalone".into())
        .ok()
        .and_then(|v| v.as_bool())
        == Some(true)
        || w.match_media("(display-mode: standalone)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches());
    !standalone
}

/// The guide's text: why, how, and that the home-screen app keeps its own storage.
#[component]
fn HomeScreenSteps() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p>{i18n.tr(|t| t.dev.home_why)}</p>
        <p>{i18n.tr(|t| t.dev.home_how)}</p>
        <p>{i18n.tr(|t| t.dev.home_separate)}</p>
    }
}

/// Once, in a Safari tab on iPhone/iPad: the home-screen guide, until dismissed (the dismissal
/// is kept in localStorage under [`StorageKey::HomeScreenHint`]).
#[component]
pub fn HomeScreenBanner() -> impl IntoView {
    let i18n = use_i18n();
    let shown = RwSignal::new(
        ios_browser_tab() && !matches!(storage::read(StorageKey::HomeScreenHint), Ok(Some(_))),
    );
    let dismiss = move |_| {
        // Best effort: without storage it shows again on the next start.
        let _ = storage::write(StorageKey::HomeScreenHint, "dismissed");
        shown.set(false);
    };
    view! {
        <Show when=move || shown.get()>
            <section class="banner info home-screen" aria-labelledby="home-banner-title" data-testid="home-screen-banner">
                <div class="grow">
                    <h2 id="home-banner-title" class="banner-title">{i18n.tr(|t| t.dev.home_title)}</h2>
                    <HomeScreenSteps/>
                </div>
                <button type="button" class="secondary" data-testid="home-screen-dismiss" on:click=dismiss>
                    {i18n.tr(|t| t.dev.home_dismiss)}
                </button>
            </section>
        </Show>
    }
}

/// Inställningar's storage card: usage, persistence (asked on a tap, the answer shown), where
/// the work is kept, the last export with a one-tap export, and the home-screen guide.
#[component]
pub fn DeviceStorage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let usage = RwSignal::new(None::<(f64, f64)>);
    let persisted = RwSignal::new(None::<bool>);
    // The browser's answer to `persist()`: `Some(None)` when it gives none.
    let answer = RwSignal::new(None::<Option<bool>>);
    leptos::task::spawn_local(async move {
        usage.set(storage::estimate().await);
        persisted.set(storage::is_persisted().await);
    });
    let ask = move |_| {
        leptos::task::spawn_local(async move {
            let granted = storage::request_persist().await;
            answer.set(Some(granted));
            if granted == Some(true) {
                persisted.set(Some(true));
            }
        });
    };
    let answer_text = move || {
        let t = &i18n.t().dev;
        answer.get().map(|a| match a {
            Some(true) => t.persist_yes,
            Some(false) => t.persist_no,
            None => t.persist_unsupported,
        })
    };
    let kept = move || {
        let t = &i18n.t().dev;
        match storage::backend() {
            storage::Backend::IndexedDb => t.kept_idb,
            storage::Backend::LocalStorage => t.kept_local,
            storage::Backend::None => t.kept_memory,
        }
    };
    // Integer tenths: keeps float formatting out of the bundle.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let mb = move |b: f64| {
        let tenths = (b / 100_000.0).round() as u64;
        let sv = i18n.lang() == Lang::Sv;
        // Thousands grouped: "10 739,2 MB" (a no-break space in Swedish), "10,739.2 MB".
        let whole = (tenths / 10).to_string();
        let mut grouped = String::new();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i).is_multiple_of(3) {
                grouped.push(if sv { '\u{a0}' } else { ',' });
            }
            grouped.push(c);
        }
        format!("{grouped}{}{} MB", if sv { ',' } else { '.' }, tenths % 10)
    };
    view! {
        <section class="card" aria-labelledby="storage-heading" data-testid="device-storage">
            <h2 id="storage-heading">{i18n.tr(|t| t.storage_heading)}</h2>
            <p data-testid="storage-kept">{kept}</p>
            <p data-testid="storage-usage">
                {move || match usage.get() {
                    Some((used, quota)) => format!("{}: {} / {}", i18n.t().storage_used, mb(used), mb(quota)),
                    None => i18n.t().storage_unknown.to_owned(),
                }}
            </p>
            <p data-testid="storage-persisted">
                {move || if persisted.get() == Some(true) { i18n.t().storage_persisted } else { i18n.t().storage_not_persisted }}
            </p>
            <Show when=move || persisted.get() != Some(true)>
                <button type="button" class="secondary" data-testid="persist-ask" on:click=ask>
                    {i18n.tr(|t| t.dev.persist_ask)}
                </button>
            </Show>
            <p role="status" data-testid="persist-answer">{answer_text}</p>
            <p>{i18n.tr(|t| t.dev.only_here)}</p>
            <LastExport/>
            <button type="button" data-testid="device-export" on:click=move |_| export_now(app)>
                {i18n.tr(|t| t.dev.export_now)}
            </button>
            <h3 id="home-screen-heading">{i18n.tr(|t| t.dev.home_title)}</h3>
            <div data-testid="home-screen-guide">
                <HomeScreenSteps/>
            </div>
        </section>
    }
}
