//! Omröstningar: the list of voting rounds and the rules form (method, parameters, items,
//! seed, capacity rule). A round's rules lock with its first ballot; changing them then
//! means a new round, which the same form creates.
use leptos::prelude::*;
use vagval_core::Id;
use vagval_core::round::ballots_of;

use crate::app::pages::page_title;
use crate::i18n::{I18n, use_i18n};
use crate::modules::prioritisation::labels::method_label;
use crate::modules::prioritisation::round_path;
use crate::modules::prioritisation::texts::ModuleI18n;
use crate::state::use_app;

mod capacity_picker;
mod item_choice;
mod num_field;
mod rules_form;
mod sub_nav;
pub use capacity_picker::CapacityPicker;
pub use rules_form::RulesForm;
pub use sub_nav::SubNav;

/// The live, not removed inspel: id, title, municipality label.
pub fn inspel_choices(
    app: crate::state::AppState,
    i18n: I18n,
) -> Memo<Vec<(Id, String, &'static str)>> {
    Memo::new(move |_| {
        let lang = i18n.lang();
        app.doc.with(|d| {
            d.inspel
                .live()
                .filter(|r| r.removed() != Some(&true))
                .map(|r| {
                    let m = r.municipality().map_or("", |m| m.label(lang));
                    (r.id.clone(), r.title().cloned().unwrap_or_default(), m)
                })
                .collect()
        })
    })
}

#[component]
pub fn RoundsPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    page_title(move || i18n.v().rounds);
    let rounds = Memo::new(move |_| {
        let lang = i18n.lang();
        app.doc.with(|d| {
            d.rounds
                .live()
                .filter(|r| r.removed() != Some(&true))
                .map(|r| {
                    let n = ballots_of(d, &r.id).len();
                    let method = method_label(&r.method_or_default(), lang);
                    (
                        r.id.clone(),
                        r.title().cloned().unwrap_or_default(),
                        method,
                        n,
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <article class="page">
            <SubNav/>
            <h1>{i18n.trv(|t| t.rounds)}</h1>
            <p class="lead">{i18n.trv(|t| t.rounds_lead)}</p>
            <section class="card" aria-labelledby="rounds-heading">
                <h2 id="rounds-heading">{i18n.trv(|t| t.rounds_existing)}</h2>
                <Show when=move || rounds.with(|r| !r.is_empty())
                    fallback=move || view! { <p>{i18n.trv(|t| t.rounds_none)}</p> }>
                    <ul class="link-list" data-testid="round-list">
                        <For each=move || rounds.get() key=|r| r.clone() let:r>
                            <li>
                                <a href=round_path(&r.0)>{r.1}</a>
                                <span class="hint">{r.2}" · "{r.3}" "{move || i18n.v().ballots(r.3)}</span>
                            </li>
                        </For>
                    </ul>
                </Show>
            </section>
            <RulesForm round=None/>
        </article>
    }
}
