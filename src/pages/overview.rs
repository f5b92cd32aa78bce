use leptos::prelude::*;

use super::page_title;
use crate::i18n::{ModuleTexts, Texts, use_i18n};
use crate::state::use_app;

/// Start page: the workspace and a card per module.
/// A module's route and where its texts are in the catalogue.
type ModuleText = fn(&'static Texts) -> &'static ModuleTexts;

#[component]
pub fn Overview() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    page_title(move || i18n.t().overview.title);
    let modules: [(&str, ModuleText); 6] = [
        ("/inspel", |t| &t.inspel),
        ("/malkonflikter", |t| &t.conflicts),
        ("/intressenter", |t| &t.stakeholders),
        ("/insatsomraden", |t| &t.actions),
        ("/hallbarhetssakring", |t| &t.funding),
        ("/dela", |t| &t.share),
    ];
    view! {
        <article class="page">
            <h1>{move || app.doc.with(|d| d.name().to_owned())}</h1>
            <p class="organisation">{move || app.doc.with(|d| d.meta.organisation().cloned().unwrap_or_default())}</p>
            <p class="lead">{move || app.doc.with(|d| d.meta.description().cloned().unwrap_or_default())}</p>
            <p>{i18n.tr(|t| t.overview.summary)}</p>
            <h2>{i18n.tr(|t| t.overview_modules)}</h2>
            <ul class="module-cards">
                {modules.into_iter().map(|(href, pick)| view! {
                    <li class="card">
                        <h3><a href=href>{move || pick(i18n.t()).title}</a></h3>
                        <p>{move || pick(i18n.t()).summary}</p>
                    </li>
                }).collect_view()}
            </ul>
        </article>
    }
}
