//! Goals from a spreadsheet: pick a CSV file (Swedish Excel), see each row's problem, import
//! the valid rows into the chosen set as one undoable batch (`conflicts::goal_csv`).
use leptos::prelude::*;
use vagval_core::conflicts::goal_csv::{Checked, Prepared, read};
use vagval_core::csv_import::MAX_BYTES;
use vagval_core::{Id, Localized};

use super::texts::ConflictsI18n;
use crate::i18n::use_i18n;
use crate::state::{new_id, use_app};

#[component]
pub(super) fn GoalImport(
    /// The set the goals go into.
    set: Signal<Option<Id>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let prepared = RwSignal::new(None::<Prepared>);
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<usize>);
    let checked = Memo::new(move |_| {
        let Some(set) = set.get() else {
            return Vec::new();
        };
        prepared.with(|p| {
            p.as_ref()
                .map(|p| app.doc.with(|d| p.check(d, &set)))
                .unwrap_or_default()
        })
    });
    let pick = move |ev: leptos::ev::Event| {
        done.set(None);
        crate::file_io::pick_bytes(&ev, MAX_BYTES, move |_, got| match got {
            Ok(bytes) => match read(&bytes) {
                Ok(p) => {
                    error.set(None);
                    prepared.set(Some(p));
                }
                Err(e) => {
                    prepared.set(None);
                    error.set(Some(e.message(i18n.lang())));
                }
            },
            Err(_) => {
                prepared.set(None);
                error.set(Some(i18n.c().csv_unreadable.to_owned()));
            }
        });
    };
    let confirm = move |_| {
        let Some(set) = set.get_untracked() else {
            return;
        };
        let Some((cmd, n)) = prepared.with_untracked(|p| {
            p.as_ref()
                .map(|p| app.doc.with_untracked(|d| p.commands(d, &set, new_id)))
        }) else {
            return;
        };
        match app.dispatch(&cmd) {
            Ok(()) => {
                prepared.set(None);
                done.set(Some(n));
            }
            Err(e) => error.set(Some(e.message(i18n.lang()))),
        }
    };
    let row = move |c: Checked| {
        let lang = i18n.lang();
        match c.result {
            Ok(g) => view! { <li>{format!("{} {}: {} {}", i18n.c().row_word, c.line, g.code, g.name)}</li> }.into_any(),
            Err(p) => view! { <li class="field-error">{format!("{} {}: {}", i18n.c().row_word, c.line, p.iter().map(|x| x.message(lang)).collect::<Vec<_>>().join(" "))}</li> }.into_any(),
        }
    };
    let valid = move || checked.with(|c| c.iter().filter(|c| c.result.is_ok()).count());
    view! {
        <div class="inline-form" data-testid="goal-import">
            <h3>{i18n.trc(|t| t.import_goals)}</h3>
            <p class="hint">{i18n.trc(|t| t.import_goals_help)}</p>
            <label class="button" for="goal-csv">{i18n.trc(|t| t.choose_csv)}</label>
            <input id="goal-csv" class="visually-hidden" type="file" accept=".csv,text/csv" on:change=pick data-testid="goal-csv"/>
            <p class="field-error" role="alert">{move || error.get()}</p>
            <p role="status">{move || done.get().map(|n| format!("{n} {}", i18n.c().goals_imported))}</p>
            <Show when=move || prepared.with(Option::is_some)>
                <ol class="plain-list" data-testid="goal-import-rows">{move || checked.get().into_iter().map(row).collect_view()}</ol>
                <button type="button" data-testid="goal-import-confirm" on:click=confirm disabled=move || valid() == 0>
                    {move || format!("{} ({})", i18n.c().import_rows, valid())}
                </button>
            </Show>
        </div>
    }
}
