use leptos::prelude::*;
use vagval_core::Lang;
use vagval_core::actions::date::Date;
use vagval_core::overview::{Item, attention};

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

/// Where an item is fixed.
fn href(item: &Item) -> String {
    use crate::modules::{actions, conflicts, funding, prioritisation};
    match item {
        Item::OpenRound { id } | Item::Contested { round: id, .. } => {
            format!("{}{id}", prioritisation::ROUND)
        }
        Item::Consensus { id, .. } => format!("{}{id}", conflicts::MATRIX),
        Item::Consultation {
            kind: vagval_core::Kind::Inspel,
            ..
        } => prioritisation::INSPEL.to_owned(),
        Item::Consultation {
            kind: vagval_core::Kind::Case,
            id,
        } => format!("{}{id}", conflicts::CASE),
        Item::Export { .. } => Route::Share.path().to_owned(),
        Item::Overdue { .. } => actions::PLAN.to_owned(),
        Item::OffTrack { id } => format!("{}{id}", actions::INDICATOR),
        Item::Financing { id, .. } => format!("{}{id}", actions::PROJECT),
        Item::Consultation {
            kind: vagval_core::Kind::Activity,
            ..
        } => actions::PLAN.to_owned(),
        Item::Consultation {
            kind: vagval_core::Kind::Project,
            id,
        } => format!("{}{id}", actions::PROJECT),
        Item::Consultation {
            kind: vagval_core::Kind::Application,
            id,
        }
        | Item::Unagreed { id, .. } => format!("{}{id}", funding::APPLICATION),
        Item::Unclosed { id } => format!("{}{id}", funding::ASSESSMENT),
        _ => actions::AREAS.to_owned(),
    }
}

/// Today, and the day of `ms` (ms since 1970), in UTC.
#[allow(clippy::cast_possible_truncation)]
fn day_of(ms: f64) -> Option<Date> {
    Date::from_day((ms / 86_400_000.0).floor() as i64)
}

/// What the attention list computes: the items as (link, words).
type Compute = fn(&vagval_core::Doc, Date, Option<Date>, Lang) -> Vec<(String, String)>;

fn compute(
    d: &vagval_core::Doc,
    today: Date,
    last: Option<Date>,
    lang: Lang,
) -> Vec<(String, String)> {
    attention(d, today, last)
        .iter()
        .map(|i| (href(i), i.message(d, lang)))
        .collect()
}

// The attention list's own chunk: it runs the report code of several modules (indicator
// progress, financing checks, the matrices' reveal), 15.8 KB the start page need not wait for.
crate::split_point!(overview: fn load_compute() -> Compute = compute);

/// What needs attention, each a link to where it is fixed (shown once its chunk is there).
#[component]
fn Attention() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let today = day_of(js_sys::Date::now()).unwrap_or_default();
    let loaded: RwSignal<Option<Compute>> = RwSignal::new(None);
    leptos::task::spawn_local(async move {
        if let Ok(c) = load_compute().await {
            loaded.try_set(Some(c));
        }
    });
    let items = Memo::new(move |_| {
        let compute = loaded.get()?;
        let lang = i18n.lang();
        let last = app.last_export_ms.get().and_then(day_of);
        Some(app.doc.with(|d| compute(d, today, last, lang)))
    });
    move || {
        let list = items.get()?;
        let body = if list.is_empty() {
            view! { <p data-testid="attention-none">{i18n.tr(|t| t.overview_attention_none)}</p> }
                .into_any()
        } else {
            view! {
                <ul class="attention" aria-labelledby="attention-heading" data-testid="attention">
                    {list.into_iter().map(|(href, text)| view! {
                        <li><a href=href data-testid="attention-item">{text}</a></li>
                    }).collect_view()}
                </ul>
            }
            .into_any()
        };
        Some(view! {
            <h2 id="attention-heading">{i18n.tr(|t| t.overview_attention)}</h2>
            {body}
        })
    }
}

/// Start page: the workspace, what needs attention, and a card per module (and one for Dela).

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
            <Attention/>
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
