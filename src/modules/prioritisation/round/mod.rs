//! One voting round: vote (tablet), collect (facilitator: ballot files, double votes, paper
//! ballots), results, and the rules.
use leptos::prelude::*;
use vagval_core::Doc;
use vagval_core::round::Round;
use vagval_core::vote::Answer;

use super::results::Results;
use super::rounds::{RulesForm, SubNav};
use crate::app::pages::page_title;
use crate::i18n::use_i18n;
use crate::modules::prioritisation::round_param;
use crate::modules::prioritisation::texts::{ModuleI18n, Texts};
use crate::state::use_app;

mod collect;
mod double_vote;
mod export_ballots;
mod open_or_closed;
mod vote_tab;
use collect::Collect;
use vote_tab::VoteTab;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Vote,
    Collect,
    Results,
    Rules,
}

#[component]
pub fn RoundPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let id = round_param().unwrap_or_default();
    let round = {
        let id = id.clone();
        Memo::new(move |_| {
            app.doc
                .with(|d| d.rounds.get(&id).filter(|r| r.deleted.is_none()).cloned())
        })
    };
    page_title(move || i18n.v().round);
    let tab = RwSignal::new(Tab::Vote);
    let tab_button = move |t: Tab,
                           label: fn(&'static Texts) -> &'static str,
                           testid: &'static str| {
        view! {
            <button type="button" class="tab" aria-pressed=move || if tab.get() == t { "true" } else { "false" }
                data-testid=testid on:click=move |_| tab.set(t)>{i18n.trv(label)}</button>
        }
    };
    view! {
        <article class="page">
            <SubNav/>
            <Show when=move || round.with(Option::is_some)
                fallback=move || view! {
                    <h1>{i18n.trv(|t| t.no_round)}</h1>
                    <p><a href=super::ROUNDS>{i18n.trv(|t| t.rounds)}</a></p>
                }>
                <h1>{move || round.with(|r| r.as_ref().and_then(Round::title).cloned().unwrap_or_default())}</h1>
                <p class="lead">{move || round.with(|r| r.as_ref().map(|r| describe(r, i18n.lang())).unwrap_or_default())}</p>
                <div class="tabs" role="group" aria-label=move || i18n.v().round>
                    {tab_button(Tab::Vote, |t| t.tab_vote, "tab-vote")}
                    {tab_button(Tab::Collect, |t| t.tab_collect, "tab-collect")}
                    {tab_button(Tab::Results, |t| t.tab_results, "tab-results")}
                    {tab_button(Tab::Rules, |t| t.tab_rules, "tab-rules")}
                </div>
                {move || match tab.get() {
                    Tab::Vote => view! { <VoteTab round=round/> }.into_any(),
                    Tab::Collect => view! { <Collect round=round/> }.into_any(),
                    Tab::Results => view! { <Results round=round/> }.into_any(),
                    Tab::Rules => view! { <RulesForm round=round.get_untracked()/> }.into_any(),
                }}
            </Show>
        </article>
    }
}

/// "Prickröstning (5 prickar, högst 3 per inspel) · 12 inspel · frö: …"
fn describe(r: &Round, lang: vagval_core::Lang) -> String {
    let method = crate::modules::prioritisation::labels::method_label(&r.method_or_default(), lang);
    let n = r.items().map_or(0, Vec::len);
    let t = crate::modules::prioritisation::texts::texts(lang);
    format!(
        "{method} · {n} {} · {}: {}",
        t.items_word,
        t.seed_short,
        r.seed().map_or("", String::as_str)
    )
}

/// Short text of an answer, for the facilitator comparing two ballots.
pub fn answer_summary(doc: &Doc, answer: &Answer) -> String {
    let mut parts: Vec<String> = match answer {
        Answer::Allocation(a) => a
            .iter()
            .filter(|(_, n)| **n > 0)
            .map(|(id, n)| format!("{} ×{n}", doc.inspel_title(id)))
            .collect(),
        Answer::Ranking(r) => r
            .iter()
            .enumerate()
            .map(|(i, id)| format!("{}. {}", i + 1, doc.inspel_title(id)))
            .collect(),
        Answer::Scores(s) => s
            .iter()
            .map(|(id, v)| format!("{}: {v}", doc.inspel_title(id)))
            .collect(),
        Answer::Moscow(m) => m
            .iter()
            .map(|(id, v)| format!("{}: {}", doc.inspel_title(id), v.points()))
            .collect(),
        Answer::ImpactEffort(m) => m
            .iter()
            .map(|(id, p)| format!("{}: {}/{}", doc.inspel_title(id), p[0], p[1]))
            .collect(),
    };
    if parts.len() > 6 {
        parts.truncate(6);
        parts.push("…".into());
    }
    parts.join(", ")
}
