//! The reveal: before it, each rater's progress only; after it, the matrix of values
//! (consensus, else median) with flags, the discussion queue in order of disagreement with
//! every rater's score, and the consensus form. Individual scores stay as provenance.
use leptos::prelude::*;
use vagval_core::Localized;
use vagval_core::conflicts::heat;
use vagval_core::conflicts::matrix::{Agreed, MatrixStatus, SCORE_MAX, SCORE_MIN, scale_label};
use vagval_core::conflicts::stats::{CellView, Source};
use vagval_core::conflicts::workflow;

use super::score::signed;
use super::{Ctx, W};
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

/// Above this many goals the heat map is an overview of the whole matrix and a table of one
/// [`W`] × [`W`] page at a time.
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
    let n = Memo::new(move |_| reveal.with(|r| r.as_ref().map_or(0, |r| r.goals.len())));
    // The heat map's page when the matrix is above its full size (top-left row and column).
    let window = RwSignal::new((0_usize, 0_usize));
    let heat = move || {
        reveal.with(|r| {
            let r = r.as_ref()?;
            let n = r.goals.len();
            // A page past the end (goals removed since) shows the last page.
            let max = n.saturating_sub(W);
            let (r0, c0) = if n > HEAT_MAX {
                window.get()
            } else {
                (0, 0)
            };
            let (r0, c0) = (r0.min(max), c0.min(max));
            let rows = r0..(r0 + if n > HEAT_MAX { W } else { n }).min(n);
            let cols = c0..(c0 + if n > HEAT_MAX { W } else { n }).min(n);
            let mut grid = vec![vec![None::<&CellView>; cols.len()]; rows.len()];
            for c in r.cells.iter().filter(|c| rows.contains(&c.at.0) && cols.contains(&c.at.1)) {
                grid[c.at.0 - r0][c.at.1 - c0] = Some(c);
            }
            let head = cols.clone().map(|j| view! { <th scope="col" class="col-head"><span>{label(j)}</span></th> }).collect_view();
            let body = rows.map(|i| {
                let cells = cols.clone().map(|j| match grid[i - r0][j - c0] {
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
            Some(view! {
                <table class="heat-table" data-testid="heat">
                    <caption>{i18n.c().heat}</caption>
                    <thead><tr><td></td>{head}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            })
        })
    };
    let paging = {
        let pages = super::paging(n.into(), window, |_| {});
        // 21 to 40 goals: the whole table is drawn, nothing to page.
        move || if n.get() > HEAT_MAX { pages() } else { None }
    };
    // Above the full size, the whole matrix at a glance: one path per value class, the cells
    // to discuss marked, the table's page outlined; a tap on a part shows it in the table.
    let overview = move || {
        reveal.with(|r| {
            let r = r.as_ref()?;
            let n = r.goals.len();
            (n > HEAT_MAX).then(|| {
                let o = heat::overview(r.cells.iter().map(|c| (c.at, c.value, c.flagged)));
                let side = n * heat::UNIT;
                let c = i18n.c();
                let paths = o.paths.into_iter().enumerate().filter(|(_, d)| !d.is_empty()).map(|(k, d)| {
                    let class = if k + 1 == heat::CLASSES { "empty".to_owned() } else { format!("v{k}") };
                    view! { <path class=class d=d/> }
                }).collect_view();
                let blocks = n.div_ceil(W);
                let max = n.saturating_sub(W);
                let block = move |bi: usize, bj: usize| {
                    let at = ((bi * W).min(max), (bj * W).min(max));
                    let title = format!("{} {}–{}, {} {}–{}", c.rows_word, at.0 + 1, (at.0 + W).min(n), c.cols_word.to_lowercase(), at.1 + 1, (at.1 + W).min(n));
                    view! {
                        <rect class="ov-block" x=(bj * W * heat::UNIT).to_string() y=(bi * W * heat::UNIT).to_string()
                            width=(W * heat::UNIT).to_string() height=(W * heat::UNIT).to_string()
                            data-testid="overview-block" on:click=move |_| window.set(at)><title>{title}</title></rect>
                    }
                };
                let legend = (0..heat::CLASSES).map(|k| {
                    let (class, text) = if k + 1 == heat::CLASSES {
                        ("swatch empty".to_owned(), c.not_judged.to_owned())
                    } else {
                        let v = i8::try_from(k).unwrap_or(3) - 3;
                        (format!("swatch v{k}"), signed(v))
                    };
                    view! { <li><span class=class aria-hidden="true"></span>{text}</li> }
                }).collect_view();
                view! {
                    <figure class="heat-figure" data-testid="heat-overview">
                        <figcaption>{c.overview}</figcaption>
                        <svg class="heat-overview" viewBox=format!("0 0 {side} {side}") role="img" aria-label=c.overview_label>
                            <rect class="ov-bg" width=side.to_string() height=side.to_string()/>
                            {paths}
                            <path class="ov-flag" d=o.flagged/>
                            {(0..blocks).flat_map(|bi| (0..blocks).map(move |bj| block(bi, bj))).collect_view()}
                            <rect class="ov-window" x=move || (window.get().1 * heat::UNIT).to_string() y=move || (window.get().0 * heat::UNIT).to_string()
                                width=(W * heat::UNIT).to_string() height=(W * heat::UNIT).to_string()/>
                        </svg>
                        <ul class="swatch-legend">{legend}</ul>
                        <p class="hint">{c.overview_help}</p>
                    </figure>
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
                {overview}
                {paging.clone()}
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
