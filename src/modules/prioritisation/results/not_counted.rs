use leptos::prelude::*;
use vagval_core::Localized;
use vagval_core::round::RoundResult;

use crate::i18n::use_i18n;
use crate::modules::prioritisation::texts::ModuleI18n;
use crate::ui::view::{either, list};

/// Every ballot not counted, with its reason (a changed vote's earlier ballot is not listed:
/// the participant's vote counts through the later one).
#[component]
pub(super) fn NotCounted(result: Memo<Option<RoundResult>>) -> impl IntoView {
    let i18n = use_i18n();
    let rows = Memo::new(move |_| {
        let lang = i18n.lang();
        result.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.not_counted()
                        .map(|e| (e.participant.clone(), e.reason.message(lang)))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <section class="card" aria-labelledby="not-counted-heading" data-testid="not-counted">
            <h2 id="not-counted-heading">{i18n.trv(|t| t.not_counted_heading)}</h2>
            {either(move || rows.with(|r| !r.is_empty()), move || view! {
                <table class="data">
                    <caption class="visually-hidden">{i18n.trv(|t| t.not_counted_heading)}</caption>
                    <thead><tr><th scope="col">{i18n.trv(|t| t.col_participant)}</th><th scope="col">{i18n.trv(|t| t.col_reason)}</th></tr></thead>
                    <tbody>{list(move || rows.get(), |(who, why)| view! { <tr><th scope="row">{who}</th><td>{why}</td></tr> }.into_any())}</tbody>
                </table>
            }.into_any(), move || view! { <p>{i18n.trv(|t| t.not_counted_none)}</p> }.into_any())}
        </section>
    }
}
