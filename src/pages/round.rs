//! One voting round: vote (tablet), collect (facilitator: ballot files, double votes, paper
//! ballots), results, and the rules.
use leptos::prelude::*;
use vagval_core::certificate::result_of;
use vagval_core::round::{NewBallot, Origin, Round, RoundStatus, ballot_file, ballots_of};
use vagval_core::vote::Answer;
use vagval_core::{Doc, Id, Localized, Snapshot};

use super::ballot::BallotFlow;
use super::page_title;
use super::results::Results;
use super::rounds::{RulesForm, SubNav};
use crate::file_io;
use crate::i18n::use_i18n;
use crate::router::{Route, round_param};
use crate::state::{iso_now, now_ms, use_app};

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
    page_title(move || i18n.t().v.round);
    let tab = RwSignal::new(Tab::Vote);
    let tab_button = move |t: Tab,
                           label: fn(&'static crate::i18n::Texts) -> &'static str,
                           testid: &'static str| {
        view! {
            <button type="button" class="tab" aria-pressed=move || if tab.get() == t { "true" } else { "false" }
                data-testid=testid on:click=move |_| tab.set(t)>{i18n.tr(label)}</button>
        }
    };
    view! {
        <article class="page">
            <SubNav/>
            <Show when=move || round.with(Option::is_some)
                fallback=move || view! {
                    <h1>{i18n.tr(|t| t.v.no_round)}</h1>
                    <p><a href=Route::Rounds.path()>{i18n.tr(|t| t.v.rounds)}</a></p>
                }>
                <h1>{move || round.with(|r| r.as_ref().and_then(Round::title).cloned().unwrap_or_default())}</h1>
                <p class="lead">{move || round.with(|r| r.as_ref().map(|r| describe(r, i18n.lang())).unwrap_or_default())}</p>
                <div class="tabs" role="group" aria-label=move || i18n.t().v.round>
                    {tab_button(Tab::Vote, |t| t.v.tab_vote, "tab-vote")}
                    {tab_button(Tab::Collect, |t| t.v.tab_collect, "tab-collect")}
                    {tab_button(Tab::Results, |t| t.v.tab_results, "tab-results")}
                    {tab_button(Tab::Rules, |t| t.v.tab_rules, "tab-rules")}
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
    let method = crate::i18n::method_label(&r.method_or_default(), lang);
    let n = r.items().map_or(0, Vec::len);
    let t = crate::i18n::texts(lang);
    format!(
        "{method} · {n} {} · {}: {}",
        t.v.items_word,
        t.v.seed_short,
        r.seed().map_or("", String::as_str)
    )
}

#[component]
fn VoteTab(round: Memo<Option<Round>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section aria-labelledby="vote-heading">
            <h2 id="vote-heading" class="visually-hidden">{i18n.tr(|t| t.v.tab_vote)}</h2>
            <Show when=move || round.with(|r| r.as_ref().and_then(Round::status) != Some(&RoundStatus::Closed))
                fallback=move || view! { <p class="card" data-testid="vote-closed">{i18n.tr(|t| t.v.vote_closed)}</p> }>
                <BallotFlow round=round origin=Origin::Tablet/>
                <super::kiosk::StartKiosk round=round/>
            </Show>
            <ExportBallots round=round/>
        </section>
    }
}

/// The tablet's small file: the round, its inspel and its ballots.
#[component]
fn ExportBallots(round: Memo<Option<Round>>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let count = Memo::new(move |_| {
        round.with(|r| {
            r.as_ref()
                .map_or(0, |r| app.doc.with(|d| ballots_of(d, &r.id).len()))
        })
    });
    let export = move |_| {
        let Some(r) = round.get_untracked() else {
            return;
        };
        app.flush();
        let doc: Doc = app.doc.with_untracked(|d| ballot_file(d, &r.id));
        let text = Snapshot::new(doc, iso_now(), app.device()).to_pretty();
        let device: String = app.device().chars().take(8).collect();
        let name = format!(
            "{}-{}-{device}-{}.json",
            i18n.t().v.ballot_file_prefix,
            file_io::slug(r.title().map_or("", String::as_str)),
            &iso_now()[..16].replace(':', "")
        );
        let _ = file_io::download(&name, &text, "application/json");
    };
    view! {
        <section class="card" aria-labelledby="export-ballots-heading">
            <h2 id="export-ballots-heading">{i18n.tr(|t| t.v.export_ballots)}</h2>
            <p>{i18n.tr(|t| t.v.export_ballots_help)}" ("{move || count.get()}" "{move || i18n.t().v.ballots(count.get())}")"</p>
            <button type="button" on:click=export data-testid="export-ballots">{i18n.tr(|t| t.v.export_ballots_button)}</button>
        </section>
    }
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

#[component]
fn Collect(round: Memo<Option<Round>>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let result = Memo::new(move |_| {
        round.with(|r| {
            r.as_ref()
                .and_then(|r| app.doc.with(|d| result_of(d, &r.id).ok()))
        })
    });
    let total = Memo::new(move |_| {
        round.with(|r| {
            r.as_ref()
                .map_or(0, |r| app.doc.with(|d| ballots_of(d, &r.id).len()))
        })
    });
    let paper = RwSignal::new(false);
    let summary = move || {
        let t = &i18n.t().v;
        result.with(|r| {
            r.as_ref().map(|r| {
                format!(
                    "{} {}: {} {}, {} {}, {} {}.",
                    total.get(),
                    t.ballots(total.get()),
                    r.counted.len(),
                    t.counted,
                    r.double_votes.len(),
                    t.double_word,
                    r.invalid.len(),
                    t.invalid_word
                )
            })
        })
    };
    let doubles = Memo::new(move |_| {
        result.with(|r| {
            r.as_ref()
                .map(|r| r.double_votes.clone())
                .unwrap_or_default()
        })
    });
    view! {
        <section class="card" aria-labelledby="collect-heading">
            <h2 id="collect-heading">{i18n.tr(|t| t.v.tab_collect)}</h2>
            <p data-testid="collect-summary">{summary}</p>
            <p>{i18n.tr(|t| t.v.collect_help)}" "<a href=Route::Share.path()>{i18n.tr(|t| t.share.title)}</a></p>
        </section>
        <OpenOrClosed round=round/>
        <Show when=move || doubles.with(|d| !d.is_empty())>
            <section class="card warning" aria-labelledby="double-heading" data-testid="double-votes">
                <h2 id="double-heading">{i18n.tr(|t| t.v.double_heading)}</h2>
                <p>{i18n.tr(|t| t.v.double_help)}</p>
                <For each=move || doubles.get() key=|d| d.ballots.clone() let:dv>
                    <DoubleVoteCard round=round participant=dv.participant ballots=dv.ballots/>
                </For>
            </section>
        </Show>
        <section class="card" aria-labelledby="paper-heading">
            <h2 id="paper-heading">{i18n.tr(|t| t.v.paper_heading)}</h2>
            <Show when=move || paper.get()
                fallback=move || view! {
                    <button type="button" class="secondary" on:click=move |_| paper.set(true) data-testid="paper-open">{i18n.tr(|t| t.v.paper_open)}</button>
                }>
                <BallotFlow round=round origin=Origin::Paper/>
            </Show>
        </section>
    }
}

/// Whether the round takes ballots, and the facilitator's command to close it (or open it
/// again). Ballots cast after closing are not counted ("omgången stängd").
#[component]
fn OpenOrClosed(round: Memo<Option<Round>>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let closed = Memo::new(move |_| {
        round.with(|r| r.as_ref().and_then(Round::status) == Some(&RoundStatus::Closed))
    });
    let toggle = move |_| {
        let Some(id) = round.with_untracked(|r| r.as_ref().map(|r| r.id.clone())) else {
            return;
        };
        let next = if closed.get_untracked() {
            RoundStatus::Open
        } else {
            RoundStatus::Closed
        };
        let cmd = vagval_core::Command::edit(
            vagval_core::Kind::Round,
            &id,
            "status",
            vagval_core::crdt::to_json(&next),
        );
        match app.dispatch(&cmd) {
            Ok(()) => error.set(None),
            Err(e) => error.set(Some(e.message(i18n.lang()))),
        }
    };
    view! {
        <section class="card" aria-labelledby="status-heading" data-testid="round-status">
            <h2 id="status-heading">{i18n.tr(|t| t.v.round_status_heading)}</h2>
            <p>{move || if closed.get() { i18n.t().v.round_is_closed } else { i18n.t().v.round_is_open }}</p>
            <button type="button" class="secondary" data-testid="round-close" on:click=toggle>
                {move || if closed.get() { i18n.t().v.reopen_round } else { i18n.t().v.close_round }}
            </button>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </section>
    }
}

#[component]
fn DoubleVoteCard(
    round: Memo<Option<Round>>,
    participant: String,
    ballots: Vec<Id>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let rows: Vec<(Id, String)> = app.doc.with_untracked(|d| {
        ballots
            .iter()
            .filter_map(|id| d.ballots.get(id))
            .map(|b| {
                (
                    b.id.clone(),
                    b.answer().map(|a| answer_summary(d, a)).unwrap_or_default(),
                )
            })
            .collect()
    });
    let who = participant.clone();
    view! {
        <div class="double" data-participant=participant.clone()>
            <h3>{participant.clone()}</h3>
            <ul>
                {rows.into_iter().enumerate().map(|(n, (id, text))| {
                    let (all, who) = (ballots.clone(), who.clone());
                    let keep = move |_| {
                        let Some(r) = round.get_untracked() else { return };
                        let Some(chosen) = app.doc.with_untracked(|d| d.ballots.get(&id).cloned()) else { return };
                        let device = app.device();
                        let nb = NewBallot {
                            round: &r,
                            participant: &who,
                            municipality: chosen.municipality().copied().flatten(),
                            answer: chosen.answer().cloned().unwrap_or_default(),
                            origin: Origin::Resolution,
                            supersedes: all.clone(),
                            cast_at: now_ms(),
                            device: &device,
                        };
                        let lang = i18n.lang();
                        let res = nb.command().map_err(|e| e.message(lang)).and_then(|c| app.dispatch(&c).map_err(|e| e.message(lang)));
                        error.set(res.err());
                    };
                    view! {
                        <li>
                            <span>{format!("{} {}: ", i18n.t().v.ballot_word, n + 1)}{text}</span>
                            <button type="button" class="secondary small" on:click=keep>{i18n.tr(|t| t.v.keep_this)}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="field-error" role="alert">{move || error.get()}</p>
        </div>
    }
}
