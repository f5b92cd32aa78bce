use leptos::prelude::*;

use crate::app::pages::page_title;
use crate::i18n::use_i18n;

/// Shown for any address that is not a module.
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    page_title(move || i18n.t().not_found_title);
    view! {
        <article class="page">
            <h1>{i18n.tr(|t| t.not_found_title)}</h1>
            <p>{i18n.tr(|t| t.not_found_body)}</p>
            <p><a href="/">{i18n.tr(|t| t.back_to_overview)}</a></p>
        </article>
    }
}
