use leptos::prelude::*;
use vagval_core::Lang;

use crate::app::pages::page_title;
use crate::app::router::Route;
use crate::i18n::{ModuleTexts, texts, use_i18n};
use crate::modules::MODULES;
use crate::state::use_app;

/// A card's link and its texts.
type Card = (&'static str, fn(Lang) -> &'static ModuleTexts);

/// The Dela page's card.
fn share_card(lang: Lang) -> &'static ModuleTexts {
    texts(lang).share
}

/// Start page: the workspace and a card per module (and one for Dela).

#[component]
pub fn Overview() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    page_title(move || i18n.t().overview.title);
    let cards = MODULES
        .iter()
        .map(|m| -> Card { (m.pages[0].path, m.card) })
        .chain([(
            Route::Share.path(),
            share_card as fn(Lang) -> &'static ModuleTexts,
        )]);
    view! {
        <article class="page">
            <h1>{move || app.doc.with(|d| d.name().to_owned())}</h1>
            <p class="organisation">{move || app.doc.with(|d| d.meta.organisation().cloned().unwrap_or_default())}</p>
            <p class="lead">{move || app.doc.with(|d| d.meta.description().cloned().unwrap_or_default())}</p>
            <p>{i18n.tr(|t| t.overview.summary)}</p>
            <h2>{i18n.tr(|t| t.overview_modules)}</h2>
            <ul class="module-cards">
                {cards.map(|(href, card)| view! {
                    <li class="card">
                        <h3><a href=href>{move || card(i18n.lang()).title}</a></h3>
                        <p>{move || card(i18n.lang()).summary}</p>
                    </li>
                }).collect_view()}
            </ul>
        </article>
    }
}
