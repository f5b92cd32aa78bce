use leptos::prelude::*;

use super::REMIND_AFTER_DAYS;
use crate::i18n::use_i18n;
use crate::state::use_app;

/// "Senast exporterad: …" with a reminder after [`REMIND_AFTER_DAYS`].
#[component]
pub fn LastExport() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let line = move || {
        let t = &i18n.t().sh;
        match app.last_export_ms.get() {
            None => (t.never_exported.to_owned(), false),
            Some(ms) => {
                #[allow(clippy::cast_possible_truncation)]
                let days = ((js_sys::Date::now() - ms) / 86_400_000.0).floor() as i64;
                let locale = if i18n.lang() == vagval_core::Lang::Sv {
                    "sv-SE"
                } else {
                    "en-GB"
                };
                let when = js_sys::Date::new(&ms.into())
                    .to_locale_string(locale, &wasm_bindgen::JsValue::UNDEFINED);
                let ago = if days < 1 {
                    t.today.to_owned()
                } else {
                    format!("{days} {}", t.days_ago)
                };
                (
                    format!("{}: {} ({ago}).", t.last_export, String::from(when)),
                    days >= REMIND_AFTER_DAYS,
                )
            }
        }
    };
    view! {
        <p data-testid="last-export">{move || line().0}</p>
        <Show when=move || line().1>
            <p class="reminder" role="status">{i18n.tr(|t| t.sh.reminder)}</p>
        </Show>
    }
}
