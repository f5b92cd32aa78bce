//! The reveal: before it, each rater's progress only; after it, the matrix of values
//! (consensus, else median) with flags, the discussion queue in order of disagreement with
//! every rater's score, and the consensus form. Individual scores stay as provenance.
use leptos::prelude::*;
use vagval_core::Localized;
use vagval_core::conflicts::matrix::{Agreed, MatrixStatus, SCORE_MAX, SCORE_MIN, scale_label};
use vagval_core::conflicts::stats::{CellView, Source};
use vagval_core::conflicts::workflow;

use super::Ctx;
use super::score::signed;
use crate::i18n::use_i18n;
use crate::modules::conflicts::texts::ConflictsI18n;
use crate::state::use_app;
use crate::ui::view::list;

/// A mean with one decimal: real minus sign, decimal comma in Swedish.
fn decimal(v: f64, lang: vagval_core::Lang) -> String {
    let t = format!("{:.1}", v.abs());
    let t = if lang == vagval_core::Lang::Sv {
        t.replace('.', ",")
    } else {
        t
    };
    if v < -0.05 { format!("−{t}") } else { t }
}

/// Above this many goals the value matrix is not drawn (the queue, the analysis and the CSV
/// carry it).
const HEAT_MAX: usize = 40;

#[component]
pub(super) fn RevealPanel(ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let pairs_ctx = ctx.clone();
    let Ctx {
        id, labels, status, ..
    } = ctx;
    let reveal = {
        let id = id.clone();
        Memo::new(move |_| {
            app.doc
                .with(|d| vagval_core::conflicts::stats::Reveal::of(d, &id))
        })
    };
    let error = RwSignal::new(None::<String>);
    let run = move |cmd: vagval_core::Command| match app.dispatch(&cmd) {
        Ok(()) => error.set(None),
        Err(e) => error.set(Some(e.message(i18n.lang()))),
    };
    let toggle = {
        let id = id.clone();
        move |_| {
            let next = if status.get_untracked() == MatrixStatus::Revealed {
                MatrixStatus::Scoring
            } else {
                MatrixStatus::Revealed
            };
            run(workflow::set_status(&id, next));
        }
    };
    let label = move |i: usize| labels.with(|l| l.get(i).cloned().unwrap_or_default());
    let raters = move || {
        reveal.with(|r| {
            r.as_ref()
                .map(|r| (r.raters.clone(), r.wanted))
                .unwrap_or_default()
        })
    };
    let revealed = move || status.get() == MatrixStatus::Revealed;
    let queue = Memo::new(move |_| {
        reveal.with(|r| {
            r.as_ref()
                .map(|r| r.queue().into_iter().cloned().collect::<Vec<CellView>>())
                .unwrap_or_default()
        })
    });
    let agreed = Memo::new(move |_| {
        reveal.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.cells
                        .iter()
                        .filter(|c| c.agreed.is_some())
                        .cloned()
                        .collect::<Vec<CellView>>()
                })
                .unwrap_or_default()
        })
    });
    let rater_name = move |k: usize| {
        reveal.with_untracked(|r| {
            r.as_ref()
                .and_then(|r| r.raters.get(k))
                .map(|r| r.name.clone())
                .unwrap_or_default()
        })
    };
    let heat = move || {
        reveal.with(|r| {
            let r = r.as_ref()?;
            let n = r.goals.len();
            (n <= HEAT_MAX).then(|| {
                let mut grid = vec![vec![None::<&CellView>; n]; n];
                for c in &r.cells {
                    grid[c.at.0][c.at.1] = Some(c);
                }
                let head = (0..n).map(|j| view! { <th scope="col" class="col-head"><span>{label(j)}</span></th> }).collect_view();
                let body = (0..n).map(|i| {
                    let cells = (0..n).map(|j| match grid[i][j] {
                        _ if i == j => view! { <td class="diag"></td> }.into_any(),
                        None => view! { <td class="unwanted">"·"</td> }.into_any(),
                        Some(c) => {
                            let v = c.value;
                            let class = v.map_or_else(|| "heat empty".to_owned(), |v| format!("heat v{}", v + 3));
                            let mark = if c.agreed.is_some() { " ✓" } else if c.flagged { " ⚑" } else { "" };
                            let text = format!("{}{mark}", v.map(signed).unwrap_or_default());
                            view! { <td class=class data-testid="heat-cell" data-flagged=c.flagged.to_string()>{text}</td> }.into_any()
                        }
                    }).collect_view();
                    view! { <tr><th scope="row" class="row-head">{label(i)}</th>{cells}</tr> }
                }).collect_view();
                view! {
                    <table class="heat-table" data-testid="heat">
                        <caption>{i18n.c().heat}</caption>
                        <thead><tr><td></td>{head}</tr></thead>
                        <tbody>{body}</tbody>
                    </table>
                }
            })
        })
    };
    let consensus_form = {
        let id = id.clone();
        move |c: CellView| {
            let score = RwSignal::new(c.stats.as_ref().map_or(0, |s| s.median));
            let note = RwSignal::new(String::new());
            let pair = c.pair.clone();
            let id = id.clone();
            let save = move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                let a = Agreed {
                    score: score.get_untracked(),
                    note: note.get_untracked().trim().to_owned(),
                    by: String::new(),
                };
                run(workflow::set_consensus(&id, &pair, Some(a)));
            };
            let sid = format!("agree-{}-{}", c.at.0, c.at.1);
            let nid = format!("note-{}-{}", c.at.0, c.at.1);
            view! {
                <form class="row consensus-form" on:submit=save data-testid="consensus-form">
                    <div class="field">
                        <label for=sid.clone()>{i18n.c().agreed}</label>
                        <select id=sid on:change=move |ev| score.set(event_target_value(&ev).parse().unwrap_or(0)) data-testid="consensus-value">
                            {(SCORE_MIN..=SCORE_MAX).rev().map(|v| view! {
                                <option value=v.to_string() selected=move || score.get_untracked() == v>{format!("{} {}", signed(v), scale_label(v, i18n.lang()))}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for=nid.clone()>{i18n.c().note}</label>
                        <input id=nid type="text" maxlength="2000" on:input=move |ev| note.set(event_target_value(&ev))/>
                    </div>
                    <button type="submit" data-testid="save-consensus">{i18n.c().set_consensus}</button>
                </form>
            }
        }
    };
    let consensus_form = std::sync::Arc::new(consensus_form);
    let remove = {
        let id = id.clone();
        move |c: &CellView| {
            let id = id.clone();
            let pair = c.pair.clone();
            move |_| run(workflow::set_consensus(&id, &pair, None))
        }
    };
    let remove = std::sync::Arc::new(remove);
    let agreed_list = {
        let remove = remove.clone();
        move |()| {
            let remove = remove.clone();
            list(
                move || agreed.get(),
                move |c| {
                    let v = c.agreed.map(signed).unwrap_or_default();
                    let src = if c.source == Source::Consensus {
                        "✓"
                    } else {
                        ""
                    };
                    view! {
                                    <li data-testid="agreed-item">{format!("{} → {}: {v} {src} ", label(c.at.0), label(c.at.1))}
                                        <button type="button" class="secondary small" on:click=remove(&c)>{i18n.c().remove_consensus}</button>
                                    </li>
                                }.into_any()
                },
            )
        }
    };
    let queue_list = {
        let consensus_form = consensus_form.clone();
        move |()| {
            let form = consensus_form.clone();
            list(
                move || queue.get(),
                move |c| {
                    let s = c.stats.clone();
                    let scores = c
                        .scores
                        .iter()
                        .map(|(k, x)| format!("{} {}", rater_name(*k), signed(x.score)))
                        .collect::<Vec<_>>()
                        .join(", ");
                    let rationales = c
                        .scores
                        .iter()
                        .filter(|(_, x)| !x.rationale.is_empty())
                        .map(|(k, x)| format!("{}: {}", rater_name(*k), x.rationale))
                        .collect::<Vec<_>>();
                    let c2 = c.clone();
                    view! {
                                        <li class="queue-item" data-testid="queue-item">
                                            <p><strong>{format!("{} → {}", label(c.at.0), label(c.at.1))}</strong></p>
                                            <p>{format!("{}: {scores}", i18n.c().scores_word)}</p>
                                            {s.map(|s| view! { <p class="hint">{format!("{} {} · {} {} · {} {}{}", i18n.c().median, signed(s.median), i18n.c().mean, decimal(s.mean(), i18n.lang()), i18n.c().range, s.range, if s.sign_conflict { format!(" · {}", i18n.c().sign_conflict) } else { String::new() })}</p> })}
                                            {(!rationales.is_empty()).then(|| view! { <ul class="rationales">{rationales.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul> })}
                                            {form(c2)}
                                        </li>
                                    }.into_any()
                },
            )
        }
    };
    let queue_list = Callback::new(move |()| queue_list(()).into_any());
    let agreed_list = Callback::new(move |()| agreed_list(()).into_any());
    view! {
        <section aria-labelledby="reveal-heading" data-testid="reveal">
            <div class="row spread">
                <h2 id="reveal-heading">{i18n.trc(|t| t.tab_reveal)}</h2>
                <button type="button" class="no-print" data-testid="reveal-toggle" on:click=toggle>
                    {move || if revealed() { i18n.c().unreveal } else { i18n.c().reveal }}
                </button>
            </div>
            <p class="field-error" role="alert">{move || error.get()}</p>
            <section class="card" aria-labelledby="raters-heading">
                <h3 id="raters-heading">{i18n.trc(|t| t.per_rater)}</h3>
                <ul class="plain-list" data-testid="rater-progress">
                    {move || { let (rs, wanted) = raters(); rs.into_iter().map(|r| view! { <li>{format!("{}: {} {} {wanted} {}", r.name, r.judged, i18n.c().of_word, i18n.c().progress)}</li> }).collect_view() }}
                </ul>
            </section>
            <Show when=revealed fallback=move || view! { <p class="notice">{i18n.trc(|t| t.not_revealed)}</p> }>
                <p class="hint">{i18n.trc(|t| t.heat_help)}</p>
                <div class="grid-scroller" tabindex="0" role="region" aria-label=move || i18n.c().heat>{heat}</div>
                <section class="card" aria-labelledby="queue-heading" data-testid="queue">
                    <h3 id="queue-heading">{i18n.trc(|t| t.queue)}</h3>
                    <p class="hint">{i18n.trc(|t| t.queue_help)}</p>
                    <Show when=move || queue.with(|q| !q.is_empty()) fallback=move || view! { <p>{i18n.trc(|t| t.queue_empty)}</p> }>
                        <ol class="queue-list">
                            {move || queue_list.run(())}
                        </ol>
                    </Show>
                </section>
                <section class="card" aria-labelledby="agreed-heading" data-testid="agreed">
                    <h3 id="agreed-heading">{i18n.trc(|t| t.agreed)}</h3>
                    <ul class="plain-list">
                        {move || agreed_list.run(())}
                    </ul>
                </section>
            </Show>
            <super::pairs::PairsPanel ctx=pairs_ctx reveal=reveal />
        </section>
    }
}
