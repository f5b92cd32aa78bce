//! Sparse scoring for the facilitator: score only the pairs flagged for discussion (again, after
//! the talk), only the pairs of chosen goals, or every pair. The raters' grids then offer only
//! the selected pairs; the progress counts them.
use leptos::prelude::*;
use vagval_core::Id;
use vagval_core::conflicts::matrix::Matrix;
use vagval_core::conflicts::stats::Reveal;
use vagval_core::conflicts::workflow;

use super::Ctx;
use crate::i18n::use_i18n;
use crate::modules::conflicts::texts::ConflictsI18n;
use crate::state::use_app;

#[component]
pub(super) fn PairsPanel(ctx: Ctx, reveal: Memo<Option<Reveal>>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let Ctx {
        id, goals, labels, ..
    } = ctx;
    // The reveal panel's reveal: the pairs scored and the flagged ones, not built twice.
    let counts = {
        let id = id.clone();
        Memo::new(move |_| {
            let n = goals.with(Vec::len);
            let all = n * n.saturating_sub(1);
            let sparse = app
                .doc
                .with(|d| d.matrices.get(&id).is_some_and(Matrix::is_sparse));
            reveal.with(|r| {
                let (wanted, flagged) = r.as_ref().map_or((0, 0), |r| {
                    (r.wanted, r.cells.iter().filter(|c| c.flagged).count())
                });
                (all, sparse.then_some(wanted), flagged)
            })
        })
    };
    let picked = RwSignal::new(Vec::<Id>::new());
    let note = RwSignal::new(None::<String>);
    let select = {
        let id = id.clone();
        move |pairs: Vec<vagval_core::conflicts::matrix::Pair>| {
            let cmd = app
                .doc
                .with_untracked(|d| workflow::select_pairs(d, &id, &pairs));
            let Some(cmd) = cmd else {
                note.set(Some(i18n.c().pairs_unchanged.to_owned()));
                return;
            };
            match app.dispatch(&cmd) {
                Ok(()) => note.set(Some(i18n.c().pairs_saved.to_owned())),
                Err(e) => note.set(Some(vagval_core::Localized::message(&e, i18n.lang()))),
            }
        }
    };
    let flagged = {
        let select = select.clone();
        Callback::new(move |()| {
            let pairs = reveal.with_untracked(|r| r.as_ref().map(Reveal::flagged_pairs));
            select(pairs.unwrap_or_default());
        })
    };
    let touching = {
        let (id, select) = (id.clone(), select.clone());
        Callback::new(move |()| {
            let chosen = picked.get_untracked();
            if chosen.is_empty() {
                note.set(Some(i18n.c().pairs_pick_first.to_owned()));
                return;
            }
            let pairs = app
                .doc
                .with_untracked(|d| workflow::pairs_touching(d, &id, &chosen));
            select(pairs);
        })
    };
    let every = Callback::new(move |()| select(Vec::new()));
    let status = move || {
        let c = i18n.c();
        let (all, chosen, _) = counts.get();
        match chosen {
            Some(k) => format!("{k} {} {all} {}", c.of_word, c.pairs_selected),
            None => format!("{} {all} {}", c.pairs_all_prefix, c.pairs_all),
        }
    };
    let boxes = move || {
        goals
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, g)| {
                let label = labels.with(|l| l.get(i).cloned().unwrap_or_default());
                let checked = {
                    let g = g.clone();
                    move || picked.with(|p| p.contains(&g))
                };
                let toggle = move |ev: leptos::ev::Event| {
                    let on = event_target_checked(&ev);
                    picked.update(|p| {
                        p.retain(|x| *x != g);
                        if on {
                            p.push(g.clone());
                        }
                    });
                };
                view! {
                    <li><label class="choice">
                        <input type="checkbox" data-testid="pair-goal" prop:checked=checked on:change=toggle />
                        <span>{label}</span>
                    </label></li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="card" aria-labelledby="pairs-heading" data-testid="pairs">
            <h3 id="pairs-heading">{move || i18n.c().pairs}</h3>
            <p class="hint">{move || i18n.c().pairs_help}</p>
            <p data-testid="pairs-status" role="status">{status}</p>
            <div class="actions">
                <button type="button" class="button" data-testid="pairs-flagged"
                    disabled=move || counts.get().2 == 0 on:click=move |_| flagged.run(())>
                    {move || format!("{} ({})", i18n.c().pairs_flagged, counts.get().2)}
                </button>
                <button type="button" class="button secondary" data-testid="pairs-every"
                    disabled=move || counts.get().1.is_none() on:click=move |_| every.run(())>
                    {move || i18n.c().pairs_every}
                </button>
            </div>
            <fieldset class="pair-goals">
                <legend>{move || i18n.c().pairs_goals}</legend>
                <ul class="check-list">{boxes}</ul>
                <button type="button" class="button secondary" data-testid="pairs-touching"
                    on:click=move |_| touching.run(())>{move || i18n.c().pairs_touching}</button>
            </fieldset>
            <p class="hint" aria-live="polite" data-testid="pairs-note">{move || note.get()}</p>
        </section>
    }
}
