//! The app shell: contexts, router, header, navigation, banners and the shell's pages.
//! Module pages come from [`crate::modules::MODULES`].
use leptos::ev;
use leptos::prelude::*;

use crate::i18n::I18n;
use crate::modules::MODULES;
use crate::state::{AppState, Boot};
use crate::storage::{self, Prefs};
use router::provide_router;

mod banners;
mod header;
mod nav;
pub mod pages;
pub mod pwa;
mod recovery;
pub mod router;
mod save_indicator;
pub mod texts;

use banners::Banners;
use header::Header;
use nav::Nav;
use recovery::Recovery;

/// Display preferences in context (language lives in [`I18n`]).
#[derive(Clone, Copy)]
pub struct Display {
    /// Large text for projectors.
    pub large_text: RwSignal<bool>,
}

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    let prefs = storage::load_prefs();
    let lang = RwSignal::new(prefs.lang);
    let large_text = RwSignal::new(prefs.large_text);
    provide_context(I18n(lang));
    provide_context(Display { large_text });
    let app = AppState::provide();
    let i18n = I18n(lang);
    let router = provide_router();
    let kiosk = crate::modules::prioritisation::kiosk::provide();
    for module in MODULES {
        (module.provide)();
    }
    // Ballots the browser was killed too soon to keep in localStorage are in the journal.
    leptos::task::spawn_local(async move {
        for text in crate::journal::all().await {
            app.merge_journal(&text);
        }
    });

    // Reach outside: remember preferences, and mirror them on <html>.
    Effect::new(move |_| {
        let prefs = Prefs {
            lang: lang.get(),
            large_text: large_text.get(),
        };
        // Preferences are best effort; the save indicator is about the workspace.
        let _ = storage::save_prefs(&prefs);
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", prefs.lang.tag());
            let _ = html
                .class_list()
                .toggle_with_force("large-text", prefs.large_text);
        }
    });

    // Never lose the last edits when the tab is hidden or closed.
    let _ = window_event_listener(ev::pagehide, move |_| app.flush());
    let _ = window_event_listener(
        ev::Custom::<web_sys::Event>::new("visibilitychange"),
        move |_| {
            app.flush();
        },
    );
    // No undo in participant mode: a participant never takes back anyone's vote.
    let _ = window_event_listener(ev::keydown, move |e| {
        if kiosk.0.with_untracked(Option::is_none) {
            undo_shortcut(app, &e);
        }
    });
    // Another tab saved: merge its copy into ours.
    let _ = window_event_listener(ev::storage, move |e: web_sys::StorageEvent| {
        if e.key().as_deref() == Some(&*crate::storage::StorageKey::Workspace.as_str())
            && let Some(text) = e.new_value()
        {
            app.merge_from_other_tab(&text);
        }
    });
    // Issue 12: another tab committed to IndexedDB (BroadcastChannel): the same merge.
    storage::on_other_tab(move |text| app.merge_from_other_tab(&text));

    let page = move || router.0.get().view();
    let whole = move || match kiosk.0.get() {
        // Participant mode: one round's ballot, nothing else reachable.
        // Drawn from the module's chunk like its pages (the ballot lives there).
        Some(_) => crate::modules::prioritisation::kiosk_view(),
        None => view! {
            <Header/>
            <Banners/>
            <div class="layout">
                <Nav/>
                <main id="main" tabindex="-1">
                    <Show when=move || matches!(app.boot.get(), Boot::Recovery { .. })>
                        <Recovery/>
                    </Show>
                    <Show when=move || app.first_start.get() fallback=page>
                        <pages::FirstStart/>
                    </Show>
                </main>
            </div>
        }
        .into_any(),
    };
    view! {
        <a class="skip-link" href="#main">{i18n.tr(|t| t.skip_to_content)}</a>
        {whole}
    }
}

fn undo_shortcut(app: AppState, e: &web_sys::KeyboardEvent) {
    if !(e.ctrl_key() || e.meta_key()) {
        return;
    }
    // Text fields keep the browser's own undo.
    let in_field = e
        .target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
    if in_field {
        return;
    }
    let key = e.key();
    match (key.to_ascii_lowercase().as_str(), e.shift_key()) {
        ("z", false) => app.undo(),
        ("z", true) | ("y", false) => app.redo(),
        _ => return,
    }
    e.prevent_default();
}
