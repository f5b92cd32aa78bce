//! The page of a module that is being built: what it is for and what it will hold.
use leptos::prelude::*;
use vagval_core::Lang;

use crate::app::pages::page_title;
use crate::i18n::{ModuleTexts, use_i18n};

/// A module's page while the module is being built.
#[component]
pub fn Planned(
    /// The module's card.
    card: fn(Lang) -> &'static ModuleTexts,
) -> impl IntoView {
    let i18n = use_i18n();
    let m = move || card(i18n.lang());
    page_title(move || m().title);
    view! {
        <article class="page">
            <h1>{move || m().title}</h1>
            <p class="lead">{move || m().summary}</p>
            <section class="card" aria-labelledby="planned-heading">
                <h2 id="planned-heading">{i18n.tr(|t| t.planned_heading)}</h2>
                <ul class="planned">
                    {move || m().planned.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}
                </ul>
                <p class="note">{i18n.tr(|t| t.coming_note)}</p>
            </section>
        </article>
    }
}
