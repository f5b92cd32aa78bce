//! One assessment's memo (`proofing::report::memo`): the application, the result, each gate
//! with its reasons, the flags with the positions taken, the checkpoint and the overall
//! assessment — printable, in the language chosen.
use leptos::prelude::*;
use vagval_core::proofing::report::memo;

use super::texts::{self, FundingI18n};
use super::{ASSESSMENT, CASES, MEMO};
use crate::i18n::use_i18n;
use crate::state::use_app;

#[component]
pub(super) fn MemoPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    crate::app::pages::page_title(move || i18n.f().memo_link);
    let id = super::param(MEMO);
    let back = id.clone();
    let m = Memo::new(move |_| {
        let lang = i18n.lang();
        id.as_ref()
            .and_then(|id| app.doc.with(|d| memo(d, id, lang)))
    });
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <article class="page proofing memo">
            <p class="no-print"><a href=CASES>{move || i18n.f().back}</a>{back.map(|i| view! { " · "<a href=format!("{ASSESSMENT}{i}")>{move || i18n.f().assessment}</a> })}</p>
            {move || match m.get() {
                None => view! { <h1>{texts::card(i18n.lang()).title}</h1><p>{i18n.f().no_memo}</p> }.into_any(),
                Some(m) => view! {
                    <h1 data-testid="memo-title">{m.title}</h1>
                    {m.sections.into_iter().map(|(h, lines)| view! {
                        <section class="memo-section">
                            <h2>{h}</h2>
                            <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                        </section>
                    }).collect_view()}
                    <p class="no-print"><button type="button" data-testid="print" on:click=print>{i18n.f().print}</button></p>
                }.into_any(),
            }}
        </article>
    }
}
