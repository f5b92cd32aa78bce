//! One matrix: silent scoring ([`score`]), the reveal, discussion queue and consensus
//! ([`reveal`]), and the analysis ([`analysis`]); CSV of scores and results, and print.
use leptos::prelude::*;
use vagval_core::Id;
use vagval_core::conflicts::matrix::{Matrix, MatrixStatus};
use vagval_core::conflicts::report::report;

use super::MATRIX;
use super::texts::ConflictsI18n;
use crate::app::pages::page_title;
use crate::file_io;
use crate::i18n::use_i18n;
use crate::state::use_app;

mod analysis;
mod network;
mod pairs;
mod reveal;
mod score;

/// What the matrix's panels share.
#[derive(Clone)]
pub(super) struct Ctx {
    /// The matrix.
    pub id: Id,
    /// Its live goals, in matrix order (what the grid's rows and columns are).
    pub goals: Memo<Vec<Id>>,
    /// Its goals' labels, in matrix order.
    pub labels: Memo<Vec<String>>,
    /// Its stage.
    pub status: Memo<MatrixStatus>,
}

/// The matrix's goals that exist and are not in the trash, in its order.
fn live_goals(d: &vagval_core::Doc, id: &Id) -> Vec<Id> {
    d.matrices
        .get(id)
        .and_then(Matrix::goals)
        .map(|g| {
            g.iter()
                .filter(|g| d.goals.get(g).is_some_and(|g| g.removed() != Some(&true)))
                .cloned()
                .collect()
        })
        .unwrap_or_default()
}

/// Rows and columns in a windowed grid's page at once (the scoring grid, the heat map above
/// its full size).
pub(super) const W: usize = 20;

/// The paging of a windowed grid over `n` goals: the rows and columns shown, a step of a page
/// back and forth on each axis (the keyboard path, also for the overview's clicks); `moved`
/// hears each new window. Nothing when all `n` fit.
pub(super) fn paging(
    n: Signal<usize>,
    window: RwSignal<(usize, usize)>,
    moved: impl Fn((usize, usize)) + Clone + Send + Sync + 'static,
) -> impl Fn() -> Option<AnyView> + Clone + Send + Sync + 'static {
    let i18n = use_i18n();
    move || {
        let total = n.get();
        (total > W).then(|| {
            let (r0, c0) = window.get();
            let c = i18n.c();
            let shift = |dr: isize, dc: isize| {
                let moved = moved.clone();
                move |_| {
                    let (r0, c0) = window.get_untracked();
                    let max = n.get_untracked().saturating_sub(W);
                    let nr = r0.saturating_add_signed(dr * W as isize).min(max);
                    let nc = c0.saturating_add_signed(dc * W as isize).min(max);
                    window.set((nr, nc));
                    moved((nr, nc));
                }
            };
            view! {
                <div class="row paging" data-testid="grid-paging">
                    <span>{format!("{} {}–{} {} {total}", c.rows_word, r0 + 1, (r0 + W).min(total), c.of_word)}</span>
                    <button type="button" class="secondary" on:click=shift(-1, 0)>{c.prev}</button>
                    <button type="button" class="secondary" on:click=shift(1, 0)>{c.next}</button>
                    <span>{format!("{} {}–{} {} {total}", c.cols_word, c0 + 1, (c0 + W).min(total), c.of_word)}</span>
                    <button type="button" class="secondary" on:click=shift(0, -1)>{c.prev}</button>
                    <button type="button" class="secondary" on:click=shift(0, 1)>{c.next}</button>
                </div>
            }
            .into_any()
        })
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Score,
    Reveal,
    Analysis,
}

#[component]
pub(in crate::modules::conflicts) fn MatrixPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let id = super::param(MATRIX).unwrap_or_default();
    let name = {
        let id = id.clone();
        Memo::new(move |_| {
            app.doc
                .with(|d| d.matrices.get(&id).and_then(Matrix::name).cloned())
        })
    };
    page_title(move || super::texts::card(i18n.lang()).title);
    // Only what the grid needs: the whole reveal (every rater's every cell) is computed by
    // the reveal and analysis panels, while they are shown.
    let goals = {
        let id = id.clone();
        Memo::new(move |_| app.doc.with(|d| live_goals(d, &id)))
    };
    let labels = Memo::new(move |_| {
        goals.with(|g| {
            app.doc.with(|d| {
                g.iter()
                    .map(|g| {
                        d.goals
                            .get(g)
                            .map(vagval_core::conflicts::goal::Goal::display)
                            .unwrap_or_default()
                    })
                    .collect::<Vec<String>>()
            })
        })
    });
    let status = {
        let id = id.clone();
        Memo::new(move |_| {
            app.doc.with(|d| {
                d.matrices
                    .get(&id)
                    .and_then(Matrix::status)
                    .copied()
                    .unwrap_or_default()
            })
        })
    };
    let ctx = Ctx {
        id: id.clone(),
        goals,
        labels,
        status,
    };
    let tab = RwSignal::new(Tab::Score);
    let csv = move |results: bool| {
        let id = id.clone();
        move |_| {
            let Some(r) = app.doc.with_untracked(|d| report(d, &id)) else {
                return;
            };
            let lang = i18n.lang();
            let (text, what) = if results {
                (r.results_csv(lang), "resultat")
            } else {
                (r.scores_csv(lang), "bedomningar")
            };
            let _ = file_io::download(
                &format!("matris-{what}-{}.csv", &crate::state::iso_now()[..10]),
                &text,
                "text/csv;charset=utf-8",
            );
        }
    };
    let print = move |_| {
        let _ = window().print();
    };
    let tab_button = move |t: Tab,
                           label: fn(&'static super::texts::Texts) -> &'static str,
                           testid: &'static str| {
        view! {
            <button type="button" role="tab" class="tab" aria-selected=move || (tab.get() == t).to_string()
                data-testid=testid on:click=move |_| tab.set(t)>{i18n.trc(label)}</button>
        }
    };
    let exists = move || name.get().is_some();
    let c1 = ctx.clone();
    let c2 = ctx.clone();
    let c3 = ctx;
    view! {
        <article class="page conflicts matrix-page">
            <p class="no-print"><a href=super::OVERVIEW>{i18n.trc(|t| t.back)}</a></p>
            <Show when=exists fallback=move || view! { <p role="alert">{i18n.trc(|t| t.not_found)}</p> }>
                <div class="row spread">
                    <h1 data-testid="matrix-name">{move || name.get().unwrap_or_default()}</h1>
                    <div class="row no-print">
                        <button type="button" class="secondary" data-testid="csv-scores" on:click=csv(false)>{i18n.trc(|t| t.csv_scores)}</button>
                        <button type="button" class="secondary" data-testid="csv-results" on:click=csv(true)>{i18n.trc(|t| t.csv_results)}</button>
                        <button type="button" class="secondary" data-testid="print" on:click=print>{i18n.trc(|t| t.print)}</button>
                    </div>
                </div>
                <p class="notice" role="status" data-testid="matrix-status">{move || if status.get() == MatrixStatus::Revealed { i18n.c().status_revealed } else { i18n.c().status_scoring }}</p>
                <div role="tablist" class="tabs no-print">
                    {tab_button(Tab::Score, |t| t.tab_score, "tab-score")}
                    {tab_button(Tab::Reveal, |t| t.tab_reveal, "tab-reveal")}
                    {tab_button(Tab::Analysis, |t| t.tab_analysis, "tab-analysis")}
                </div>
                <div role="tabpanel" class="tab-panel" class:print-hidden=move || tab.get() != Tab::Score hidden=move || tab.get() != Tab::Score>
                    <score::Score ctx=c1.clone()/>
                </div>
                <div role="tabpanel" class="tab-panel" hidden=move || tab.get() != Tab::Reveal>
                    {
                        let c = c2.clone();
                        move || (tab.get() == Tab::Reveal).then(|| view! { <reveal::RevealPanel ctx=c.clone()/> })
                    }
                </div>
                <div role="tabpanel" class="tab-panel print-show" hidden=move || tab.get() != Tab::Analysis>
                    {
                        let c = c3.clone();
                        move || (tab.get() == Tab::Analysis).then(|| view! { <analysis::AnalysisPanel ctx=c.clone()/> })
                    }
                </div>
            </Show>
        </article>
    }
}
