//! Silent scoring: a rater names themself, then scores the cells of a window of the matrix
//! (at most [`W`] × [`W`] cells in the page at once, so a 169-goal matrix stays fast) by
//! keyboard or touch. Each score is one command ([`workflow::score`]); suggestions from an
//! earlier matrix show until confirmed.
use leptos::prelude::*;
use vagval_core::conflicts::matrix::{
    Cell, Confidence, MatrixStatus, Pair, SCORE_MAX, SCORE_MIN, scale_label, scoring_id,
};
use vagval_core::conflicts::workflow;
use vagval_core::{Id, Localized};

use super::{Ctx, W};
use crate::i18n::use_i18n;
use crate::modules::conflicts::texts::ConflictsI18n;
use crate::state::use_app;

/// The signed score as shown: "+2", "0", "−3" (a real minus sign).
pub(super) fn signed(v: i8) -> String {
    match v {
        v if v > 0 => format!("+{v}"),
        v if v < 0 => format!("−{}", -i16::from(v)),
        _ => "0".to_owned(),
    }
}

#[component]
pub(super) fn Score(ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let Ctx {
        id,
        goals,
        labels,
        status,
    } = ctx;
    let name = RwSignal::new(String::new());
    let me = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked();
        if !n.trim().is_empty() {
            me.set(Some(n.trim().to_owned()));
        }
    };
    // Each cell reads its own register (one lookup), so an edit costs what it changes, not
    // the matrix's size.
    let sid = {
        let id = id.clone();
        Memo::new(move |_| me.get().map(|r| scoring_id(&id, &r)))
    };
    let pair_at = move |(i, j): (usize, usize)| -> Option<Pair> {
        goals.with_untracked(|g| Some(Pair::new(g.get(i)?, g.get(j)?)))
    };
    let cell_of = move |d: &vagval_core::Doc, pair: &Pair| -> Option<Cell> {
        let sid = sid.get_untracked()?;
        d.scorings.get(&sid).and_then(|s| s.cell(pair)).cloned()
    };
    let own_at = move |at: (usize, usize)| -> Option<Cell> {
        let pair = pair_at(at)?;
        app.doc.with_untracked(|d| cell_of(d, &pair))
    };
    // Sparse scoring: the selected pairs (`None`: every pair).
    let sparse = {
        let id = id.clone();
        Memo::new(move |_| {
            app.doc.with(|d| {
                d.matrices.get(&id).filter(|m| m.is_sparse()).map(|m| {
                    m.selected()
                        .map(|s| {
                            s.0.iter()
                                .filter(|(_, r)| r.value)
                                .map(|(p, _)| p.clone())
                                .collect::<std::collections::BTreeSet<Pair>>()
                        })
                        .unwrap_or_default()
                })
            })
        })
    };
    let wants =
        move |pair: &Pair| sparse.with_untracked(|s| s.as_ref().is_none_or(|s| s.contains(pair)));
    let has_suggestions = {
        let id = id.clone();
        Memo::new(move |_| {
            app.doc.with(|d| {
                d.matrices
                    .get(&id)
                    .and_then(|m| m.prior())
                    .is_some_and(|p| p.0.values().any(|r| r.value.is_some()))
            })
        })
    };
    let suggestion_of = {
        let id = id.clone();
        move |d: &vagval_core::Doc, pair: &Pair| {
            d.matrices.get(&id).and_then(|m| m.suggestion(pair))
        }
    };
    let n = Memo::new(move |_| labels.with(Vec::len));
    let active = RwSignal::new((0_usize, 1_usize));
    let window = RwSignal::new((0_usize, 0_usize));
    let picker = RwSignal::new(false);
    let minus = RwSignal::new(false);

    let put = {
        let id = id.clone();
        move |at: (usize, usize), cell: Option<Cell>| {
            let (Some(rater), Some(pair)) = (me.get_untracked(), pair_at(at)) else {
                return;
            };
            let cmd = app
                .doc
                .with_untracked(|d| workflow::score(d, &id, &rater, &pair, cell));
            match cmd.and_then(|c| app.dispatch(&c)) {
                Ok(()) => error.set(None),
                Err(e) => error.set(Some(e.message(i18n.lang()))),
            }
        }
    };
    let set_score = {
        let put = put.clone();
        move |at: (usize, usize), score: i8| {
            let keep = own_at(at).unwrap_or_default();
            put(
                at,
                Some(Cell {
                    score: score.clamp(SCORE_MIN, SCORE_MAX),
                    ..keep
                }),
            );
        }
    };
    let focus = move |(i, j): (usize, usize)| {
        request_animation_frame(move || {
            if let Some(el) = document().get_element_by_id(&format!("cell-{i}-{j}")) {
                use wasm_bindgen::JsCast;
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    };
    let move_to = move |(i, j): (usize, usize)| {
        active.set((i, j));
        let (r0, c0) = window.get_untracked();
        let r0 = if i < r0 {
            i
        } else if i >= r0 + W {
            i + 1 - W
        } else {
            r0
        };
        let c0 = if j < c0 {
            j
        } else if j >= c0 + W {
            j + 1 - W
        } else {
            c0
        };
        window.set((r0, c0));
        focus((i, j));
    };
    let keydown = {
        let set_score = set_score.clone();
        let put = put.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            let (i, j) = active.get_untracked();
            let last = n.get_untracked().saturating_sub(1);
            let step = |d: (isize, isize)| -> (usize, usize) {
                let mut p = (i, j);
                loop {
                    let ni = p.0.checked_add_signed(d.0).filter(|v| *v <= last);
                    let nj = p.1.checked_add_signed(d.1).filter(|v| *v <= last);
                    let (Some(ni), Some(nj)) = (ni, nj) else {
                        return (i, j);
                    };
                    p = (ni, nj);
                    if ni != nj {
                        return p;
                    }
                }
            };
            let key = ev.key();
            let was_minus = minus.get_untracked();
            minus.set(false);
            match key.as_str() {
                "ArrowUp" => move_to(step((-1, 0))),
                "ArrowDown" => move_to(step((1, 0))),
                "ArrowLeft" => move_to(step((0, -1))),
                "ArrowRight" => move_to(step((0, 1))),
                "0" | "1" | "2" | "3" => {
                    let d = key.parse::<i8>().unwrap_or(0);
                    set_score((i, j), if was_minus { -d } else { d });
                }
                "-" | "Subtract" => {
                    let v = own_at((i, j)).map(|c| c.score);
                    set_score((i, j), v.map_or(-1, |v| v - 1));
                    minus.set(true);
                }
                "+" | "Add" => {
                    let v = own_at((i, j)).map(|c| c.score);
                    set_score((i, j), v.map_or(1, |v| v + 1));
                }
                "Delete" | "Backspace" => put((i, j), None),
                "Enter" => picker.set(true),
                "Escape" => picker.set(false),
                _ => return,
            }
            ev.prevent_default();
        }
    };
    let progress = move || {
        let total = sparse.with(|s| {
            s.as_ref().map_or_else(
                || {
                    let n = goals.with(Vec::len);
                    n * n.saturating_sub(1)
                },
                std::collections::BTreeSet::len,
            )
        });
        let live: std::collections::BTreeSet<Id> = goals.with(|g| g.iter().cloned().collect());
        let done = sid.get().map_or(0, |sid| {
            app.doc.with(|d| {
                d.scorings.get(&sid).map_or(0, |s| {
                    s.judged()
                        .filter(|(p, _)| live.contains(&p.row) && live.contains(&p.col) && wants(p))
                        .count()
                })
            })
        });
        format!("{done} {} {total} {}", i18n.c().of_word, i18n.c().progress)
    };
    let accept = {
        let id = id.clone();
        Callback::new(move |_: leptos::ev::MouseEvent| {
            let Some(rater) = me.get_untracked() else {
                return;
            };
            let cmd = app
                .doc
                .with_untracked(|d| workflow::confirm_suggestions(d, &id, &rater));
            match cmd {
                Ok(Some(c)) => {
                    if let Err(e) = app.dispatch(&c) {
                        error.set(Some(e.message(i18n.lang())));
                    }
                }
                Ok(None) => {}
                Err(e) => error.set(Some(e.message(i18n.lang()))),
            }
        })
    };
    let rows = move || {
        let (r0, _) = window.get();
        (r0..(r0 + W).min(n.get())).collect::<Vec<_>>()
    };
    let cols = move || {
        let (_, c0) = window.get();
        (c0..(c0 + W).min(n.get())).collect::<Vec<_>>()
    };
    let label = move |i: usize| labels.with(|l| l.get(i).cloned().unwrap_or_default());
    let cell_view = {
        let set_score = set_score.clone();
        move |i: usize, j: usize| {
            if i == j {
                return view! { <td class="diag" aria-hidden="true"></td> }.into_any();
            }
            let Some(pair) = pair_at((i, j)).filter(|p| wants(p)) else {
                return view! { <td class="unwanted">"·"</td> }.into_any();
            };
            let suggestion_of = suggestion_of.clone();
            // One memo per cell: every edit re-reads each shown cell's register (a lookup), but
            // only the cell whose value changed updates its text, class and label.
            let state = Memo::new(move |_| {
                app.doc
                    .with(|d| (cell_of(d, &pair).map(|c| c.score), suggestion_of(d, &pair)))
            });
            let value = move || state.get().0;
            let hint = move || state.get().1;
            let text = move || {
                value()
                    .map(signed)
                    .or_else(|| hint().map(|h| format!("({})", signed(h))))
                    .unwrap_or_default()
            };
            let class = move || match (value(), hint()) {
                (Some(v), _) => format!("cell-btn v{}", v + 3),
                (None, Some(_)) => "cell-btn suggested".to_owned(),
                _ => "cell-btn empty".to_owned(),
            };
            let aria = move || {
                let c = i18n.c();
                let v = value().map_or_else(
                    || {
                        hint()
                            .map_or_else(String::new, |h| format!("{} {}", c.suggestion, signed(h)))
                    },
                    |v| format!("{} {}", signed(v), scale_label(v, i18n.lang())),
                );
                format!(
                    "{} {} {} {}: {v}",
                    c.from_goal,
                    label(i),
                    c.to_goal.to_lowercase(),
                    label(j)
                )
            };
            let _ = &set_score;
            view! {
                <td>
                    <button type="button" id=format!("cell-{i}-{j}") class=class aria-label=aria
                        tabindex=move || if active.get() == (i, j) { "0" } else { "-1" }
                        data-testid="score-cell"
                        on:click=move |_| { active.set((i, j)); picker.set(true); }
                        on:focus=move |_| active.set((i, j))>{text}</button>
                </td>
            }
            .into_any()
        }
    };
    let cell_view = std::sync::Arc::new(cell_view);
    let grid = move || {
        let cols_now = cols();
        let cv = cell_view.clone();
        view! {
            <table class="score-grid" role="grid" aria-labelledby="score-question" on:keydown=keydown.clone() data-testid="score-grid">
                <thead>
                    <tr>
                        <td></td>
                        {cols_now.iter().map(|&j| view! { <th scope="col" class="col-head"><span>{label(j)}</span></th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {rows().into_iter().map(|i| {
                        let cv = cv.clone();
                        let cs = cols_now.clone();
                        view! {
                            <tr>
                                <th scope="row" class="row-head">{label(i)}</th>
                                {cs.into_iter().map(|j| cv(i, j)).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        }
    };
    let paging = super::paging(n.into(), window, move |(nr, nc)| {
        active.set((nr, if nr == nc { nc + 1 } else { nc }));
    });
    let picker_view = {
        let set_score = set_score.clone();
        let put = put.clone();
        move || {
            picker.get().then(|| {
                let at = active.get_untracked();
                let cur = own_at(at);
                let set_score = set_score.clone();
                let put = put.clone();
                let put2 = put.clone();
                let put3 = put.clone();
                let c = i18n.c();
                let title = format!("{} {} → {}", c.from_goal, label(at.0), label(at.1));
                let title2 = title.clone();
                view! {
                    <section class="card picker" role="dialog" aria-label=title data-testid="score-picker">
                        <h3>{title2}</h3>
                        <div class="scale-buttons">
                            {(SCORE_MIN..=SCORE_MAX).rev().map(|v| {
                                let set_score = set_score.clone();
                                view! {
                                    <button type="button" class=move || format!("scale-btn v{}{}", v + 3, if { app.doc.track(); own_at(at).map(|c| c.score) } == Some(v) { " chosen" } else { "" })
                                        data-testid="scale-btn" data-value=v.to_string()
                                        on:click=move |_| set_score(at, v)>
                                        <strong>{signed(v)}</strong><span>{move || scale_label(v, i18n.lang())}</span>
                                    </button>
                                }
                            }).collect_view()}
                        </div>
                        <div class="field">
                            <label for="cell-rationale">{c.rationale}</label>
                            <textarea id="cell-rationale" rows="2" prop:value=cur.as_ref().map(|c| c.rationale.clone()).unwrap_or_default()
                                on:change=move |ev| {
                                    let text = event_target_value(&ev);
                                    let keep = own_at(at);
                                    if let Some(k) = keep { put2(at, Some(Cell { rationale: text, ..k })); }
                                }></textarea>
                        </div>
                        <div class="field">
                            <label for="cell-confidence">{c.confidence}</label>
                            <select id="cell-confidence" on:change=move |ev| {
                                let v = event_target_value(&ev).parse::<usize>().ok().and_then(|i| Confidence::ALL.get(i).copied());
                                let keep = own_at(at);
                                if let Some(k) = keep { put3(at, Some(Cell { confidence: v, ..k })); }
                            }>
                                <option value="">{c.not_set}</option>
                                {Confidence::ALL.iter().enumerate().map(|(k, x)| view! {
                                    <option value=k.to_string() selected=cur.as_ref().and_then(|c| c.confidence) == Some(*x)>{x.label(i18n.lang())}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="row">
                            <button type="button" class="secondary" data-testid="clear-cell" on:click=move |_| put(at, None)>{c.clear}</button>
                            <button type="button" data-testid="close-picker" on:click=move |_| { picker.set(false); focus(at); }>{c.close}</button>
                        </div>
                    </section>
                }
            })
        }
    };
    let revealed = move || status.get() == MatrixStatus::Revealed;
    // Suggestions from an earlier matrix (the facilitator, before the raters start).
    let others = {
        let id = id.clone();
        Memo::new(move |_| {
            app.doc.with(|d| {
                d.matrices
                    .live()
                    .filter(|m| {
                        vagval_core::crdt::Record::id(*m) != &id && m.removed() != Some(&true)
                    })
                    .map(|m| {
                        (
                            vagval_core::crdt::Record::id(m).clone(),
                            m.name().cloned().unwrap_or_default(),
                        )
                    })
                    .collect::<Vec<(Id, String)>>()
            })
        })
    };
    let earlier = RwSignal::new(None::<usize>);
    let fetch = {
        let id = id.clone();
        Callback::new(move |_: leptos::ev::MouseEvent| {
            let Some(from) = earlier
                .get_untracked()
                .or(Some(0))
                .and_then(|k| others.get_untracked().get(k).map(|m| m.0.clone()))
            else {
                return;
            };
            match app
                .doc
                .with_untracked(|d| workflow::suggestions_from(d, &id, &from))
            {
                Some(cmd) => match app.dispatch(&cmd) {
                    Ok(()) => error.set(None),
                    Err(e) => error.set(Some(e.message(i18n.lang()))),
                },
                None => error.set(Some(i18n.c().suggest_none.to_owned())),
            }
        })
    };
    view! {
        <section aria-labelledby="score-heading" data-testid="score">
            <h2 id="score-heading" class="visually-hidden">{i18n.trc(|t| t.tab_score)}</h2>
            {move || match me.get() {
                None => view! {
                    <form class="card" on:submit=start data-testid="rater-form">
                        <div class="field">
                            <label for="rater-name">{i18n.trc(|t| t.rater)}</label>
                            <input id="rater-name" type="text" maxlength="120" autocomplete="off" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                            <p class="hint">{i18n.trc(|t| t.rater_hint)}</p>
                        </div>
                        <button type="submit" data-testid="start-scoring" disabled=revealed>{i18n.trc(|t| t.start_scoring)}</button>
                    </form>
                    <Show when=move || others.with(|o| !o.is_empty())>
                        <section class="card" aria-labelledby="suggest-heading" data-testid="suggest">
                            <h3 id="suggest-heading">{i18n.trc(|t| t.suggest_from)}</h3>
                            <p class="hint">{i18n.trc(|t| t.suggest_help)}</p>
                            <div class="row">
                                <div class="field">
                                    <label for="suggest-from">{i18n.trc(|t| t.matrix_word)}</label>
                                    <select id="suggest-from" on:change=move |ev| earlier.set(event_target_value(&ev).parse().ok())>
                                        {move || others.get().into_iter().enumerate().map(|(k, (_, n))| view! { <option value=k.to_string()>{n}</option> }).collect_view()}
                                    </select>
                                </div>
                                <button type="button" class="secondary" data-testid="suggest-apply" on:click=move |ev| fetch.run(ev)>{i18n.trc(|t| t.suggest_apply)}</button>
                            </div>
                            <p class="field-error" role="alert">{move || error.get()}</p>
                        </section>
                    </Show>
                }.into_any(),
                Some(rater) => view! {
                    <div class="row spread">
                        <p><strong>{rater}</strong>" · "<span data-testid="score-progress">{progress}</span></p>
                        <div class="row">
                            <Show when=move || has_suggestions.get()>
                                <button type="button" class="secondary" data-testid="accept-suggestions" on:click=move |ev| accept.run(ev)>{i18n.trc(|t| t.accept_suggestions)}</button>
                            </Show>
                            <button type="button" data-testid="hand-over" on:click=move |_| { me.set(None); name.set(String::new()); picker.set(false); }>{i18n.trc(|t| t.hand_over)}</button>
                        </div>
                    </div>
                    <p id="score-question" class="lead">{i18n.trc(|t| t.question)}</p>
                    <p class="hint">{i18n.trc(|t| t.keys_help)}</p>
                    <p class="field-error" role="alert">{move || error.get()}</p>
                    {paging.clone()}
                    <div class="grid-scroller" tabindex="-1">{grid.clone()}</div>
                    {picker_view.clone()}
                }.into_any(),
            }}
        </section>
    }
}
