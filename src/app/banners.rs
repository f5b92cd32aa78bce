use leptos::prelude::*;
use vagval_core::Localized;

use crate::app::pages::share::{export_now, export_overdue};
use crate::app::pwa;
use crate::i18n::use_i18n;
use crate::state::{Boot, SaveState, use_app};
use crate::storage::StorageError;

#[component]
pub(super) fn Banners() -> impl IntoView {
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
        <super::pages::settings::device_storage::HomeScreenBanner/>
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
