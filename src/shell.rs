//! The app shell: contexts, router, header, navigation and banners.
use leptos::ev;
use leptos::prelude::*;
use vagval_core::{Lang, Localized};

use crate::i18n::{I18n, Texts, use_i18n};
use crate::pages::share::{export_now, export_overdue};
use crate::pages::{
    AgendaPage, InspelPage, ModulePage, NotFound, Overview, RoundPage, RoundsPage, Settings,
    SharePage,
};
use crate::pwa;
use crate::router::{Route, provide_router, use_route};
use crate::state::{AppState, Boot, SaveState, use_app};
use crate::storage::StorageError;
use crate::storage::{self, Prefs};

/// Display preferences in context (language lives in [`I18n`]).
#[derive(Clone, Copy)]
pub struct Display {
    /// Large text for projectors.
    pub large_text: RwSignal<bool>,
}

/// The navigation label of a module route.
#[must_use]
pub fn nav_label(route: Route, t: &'static Texts) -> &'static str {
    match route {
        Route::Overview => t.overview.title,
        Route::Inspel | Route::Rounds | Route::Round | Route::Agenda => t.inspel.title,
        Route::Conflicts => t.conflicts.title,
        Route::Stakeholders => t.stakeholders.title,
        Route::Actions => t.actions.title,
        Route::Funding => t.funding.title,
        Route::Share => t.share.title,
        Route::Settings => t.settings.title,
        Route::NotFound => t.not_found_title,
    }
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
    let kiosk = crate::pages::kiosk::provide();
    // Provided here, at the root, so that the results and the agenda page share it.
    let _ = crate::pages::agenda::moved_to_agenda();
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

    let page = move || match router.0.get() {
        Route::Overview => view! { <Overview/> }.into_any(),
        Route::Inspel => view! { <InspelPage/> }.into_any(),
        Route::Rounds => view! { <RoundsPage/> }.into_any(),
        Route::Round => view! { <RoundPage/> }.into_any(),
        Route::Agenda => view! { <AgendaPage/> }.into_any(),
        Route::Conflicts => view! { <ModulePage pick=|t| &t.conflicts/> }.into_any(),
        Route::Stakeholders => view! { <ModulePage pick=|t| &t.stakeholders/> }.into_any(),
        Route::Actions => view! { <ModulePage pick=|t| &t.actions/> }.into_any(),
        Route::Funding => view! { <ModulePage pick=|t| &t.funding/> }.into_any(),
        Route::Share => view! { <SharePage/> }.into_any(),
        Route::Settings => view! { <Settings/> }.into_any(),
        Route::NotFound => view! { <NotFound/> }.into_any(),
    };
    let whole = move || match kiosk.0.get() {
        // Participant mode: one round's ballot, nothing else reachable.
        Some(k) => view! { <crate::pages::kiosk::KioskView k/> }.into_any(),
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
                        <crate::pages::workspaces::FirstStart/>
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

#[component]
fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let other = move || match i18n.lang() {
        Lang::Sv => Lang::En,
        Lang::En => Lang::Sv,
    };
    view! {
        <header class="app-header">
            <a class="brand" href="/">
                <img src="/icon.svg" alt="" width="32" height="32"/>
                <span>{i18n.tr(|t| t.app_name)}</span>
            </a>
            // Before the first-start choice nothing is open and nothing is being saved.
            <Show when=move || !app.first_start.get()>
                <p class="workspace-name" data-testid="workspace-name">
                    <span class="visually-hidden">{i18n.tr(|t| t.workspace_label)}": "</span>
                    {move || app.doc.with(|d| d.name().to_owned())}
                </p>
                <SaveIndicator/>
            </Show>
            <div class="header-actions">
                <button type="button" class="ghost" on:click=move |_| app.undo()
                    disabled=move || !app.can_undo.get()>{i18n.tr(|t| t.undo)}</button>
                <button type="button" class="ghost" on:click=move |_| app.redo()
                    disabled=move || !app.can_redo.get()>{i18n.tr(|t| t.redo)}</button>
                <button type="button" class="ghost lang-switch" data-testid="lang-switch"
                    lang=move || other().tag()
                    on:click=move |_| i18n.0.set(other())>{move || other().native_name()}</button>
            </div>
        </header>
    }
}

#[component]
fn SaveIndicator() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let state = move || {
        let t = i18n.t();
        match app.save.get() {
            SaveState::Saved => ("saved", t.save_saved),
            SaveState::Pending => ("pending", t.save_saving),
            SaveState::Failed(_) => ("failed", t.save_failed),
            SaveState::ReadOnly(_) => ("read-only", t.save_read_only),
            SaveState::MemoryOnly => ("memory", t.save_memory_only),
        }
    };
    view! {
        <p class="save-state" role="status" data-testid="save-state" data-state=move || state().0>
            <span class="dot" aria-hidden="true"></span>
            {move || state().1}
        </p>
    }
}

#[component]
fn Banners() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let update_ready = pwa::update_ready();
    let restored_dismissed = RwSignal::new(false);
    let reminder_dismissed = RwSignal::new(false);
    let problem = move || {
        let lang = i18n.lang();
        match app.save.get() {
            SaveState::Failed(e) => Some((
                e.message(lang),
                matches!(e, StorageError::QuotaExceeded),
                false,
            )),
            SaveState::ReadOnly(e) => Some((e.message(lang), false, e == StorageError::Newer)),
            SaveState::MemoryOnly => Some((i18n.t().storage_unavailable.to_owned(), false, false)),
            SaveState::Saved | SaveState::Pending => None,
        }
    };
    let remind = move || !reminder_dismissed.get() && export_overdue(app.last_export_ms.get());
    view! {
        <Show when=move || update_ready.get()>
            <div class="banner info" role="status" data-testid="update-banner">
                <span>{i18n.tr(|t| t.update_ready)}" — "</span>
                <button type="button" on:click=move |_| {
                    app.flush();
                    pwa::apply_update();
                }>{i18n.tr(|t| t.update_reload)}</button>
            </div>
        </Show>
        {move || problem().map(|(msg, full, newer)| view! {
            <div class="banner error" role="alert" data-testid="storage-banner">
                <span>{msg}</span>
                {full.then(|| view! {
                    <button type="button" data-testid="banner-export" on:click=move |_| export_now(app)>
                        {i18n.tr(|t| t.banner_export_now)}
                    </button>
                    <button type="button" class="secondary" on:click=move |_| app.save_now()>
                        {i18n.tr(|t| t.banner_retry)}
                    </button>
                })}
                {newer.then(|| view! {
                    <button type="button" on:click=move |_| { let _ = window().location().reload(); }>
                        {i18n.tr(|t| t.banner_reload)}
                    </button>
                })}
            </div>
        })}
        <crate::pages::device_storage::HomeScreenBanner/>
        <Show when=move || app.boot.get() == Boot::RestoredFromBackup && !restored_dismissed.get()>
            <div class="banner warning" role="alert" data-testid="restored-banner">
                <span>{i18n.tr(|t| t.banner_restored)}</span>
                <button type="button" class="secondary" on:click=move |_| restored_dismissed.set(true)>
                    {i18n.tr(|t| t.dismiss)}
                </button>
            </div>
        </Show>
        <Show when=remind>
            <div class="banner info" role="status" data-testid="export-reminder">
                <span>{i18n.tr(|t| t.banner_export_reminder)}</span>
                <button type="button" on:click=move |_| export_now(app)>{i18n.tr(|t| t.banner_export_now)}</button>
                <button type="button" class="secondary" on:click=move |_| reminder_dismissed.set(true)>
                    {i18n.tr(|t| t.dismiss)}
                </button>
            </div>
        </Show>
    }
}

/// Shown when nothing stored could be read: offers the raw data; never resets.
#[component]
fn Recovery() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let raw = move || match app.boot.get_untracked() {
        Boot::Recovery { raw, .. } => raw,
        _ => String::new(),
    };
    let error = move || match app.boot.get() {
        Boot::Recovery { error, .. } => error.message(i18n.lang()),
        _ => String::new(),
    };
    let download = move |_| {
        let name = format!("vagval-radata-{}.json", &crate::state::iso_now()[..10]);
        let _ = crate::file_io::download(&name, &raw(), "application/octet-stream");
    };
    view! {
        <section class="card recovery" role="alert" data-testid="recovery">
            <h1>{i18n.tr(|t| t.recovery_title)}</h1>
            <p>{error}</p>
            <p>{i18n.tr(|t| t.recovery_body)}</p>
            <div class="actions">
                <button type="button" on:click=download>{i18n.tr(|t| t.recovery_download)}</button>
                <button type="button" class="secondary" on:click=move |_| app.boot.set(Boot::Ready)>
                    {i18n.tr(|t| t.recovery_continue)}
                </button>
            </div>
        </section>
    }
}

#[component]
fn Nav() -> impl IntoView {
    let i18n = use_i18n();
    let router = use_route();
    view! {
        <nav class="module-nav" aria-label=move || i18n.t().nav_label>
            <ul>
                {Route::ALL.into_iter().map(|route| {
                    let current = move || (router.0.get().module() == route).then_some("page");
                    view! {
                        <li><a href=route.path() aria-current=current>{move || nav_label(route, i18n.t())}</a></li>
                    }
                }).collect_view()}
            </ul>
        </nav>
    }
}
