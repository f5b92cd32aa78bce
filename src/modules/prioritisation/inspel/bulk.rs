use leptos::prelude::*;
use std::collections::BTreeSet;
use vagval_core::model::Status;
use vagval_core::query::{marked_hits, set_status};
use vagval_core::{Id, Localized};

use super::{Rows, STATUSES};
use crate::i18n::use_i18n;
use crate::modules::prioritisation::labels::status_label;
use crate::modules::prioritisation::texts::ModuleI18n;
use crate::state::use_app;
use crate::ui::SelectField;
use crate::ui::view::{text, when};

/// Marking rows ("markera") and moving the marked ones that are shown to one stage, as one
/// undoable command.
#[component]
pub(super) fn Bulk(
    all: Memo<Rows>,
    hits: Memo<Vec<usize>>,
    marked: RwSignal<BTreeSet<Id>>,
    epoch: RwSignal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let status = RwSignal::new(Status::Compiled);
    let error = RwSignal::new(None::<String>);
    // The shown rows that are marked (rows hidden by a filter stay marked but are left alone).
    // `all` is read untracked: a row's inspel only changes with the rows' shape, and then
    // `hits` moves too; a new stage alone leaves the marked rows as they were.
    let chosen = Memo::new(move |_| {
        marked.with(|m| hits.with(|h| all.with_untracked(|rows| marked_hits(rows, h, m))))
    });
    let every = move || hits.with(|h| !h.is_empty() && chosen.with(Vec::len) == h.len());
    // Marks of many rows at once: the rows in view are rebuilt to show them.
    let mark_many = move |f: &dyn Fn(&mut BTreeSet<Id>)| {
        marked.update(|m| f(m));
        epoch.update(|e| *e = e.wrapping_add(1));
    };
    let toggle_all = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        hits.with_untracked(|h| {
            all.with_untracked(|rows| {
                mark_many(&|m| {
                    for &i in h {
                        if on {
                            m.insert(rows[i].id.clone());
                        } else {
                            m.remove(&rows[i].id);
                        }
                    }
                });
            });
        });
    };
    let apply = move |_| {
        let to = status.get_untracked();
        let cmd = chosen.with_untracked(|c| {
            all.with_untracked(|rows| set_status(c.iter().map(|&i| &rows[i]), to))
        });
        let r = cmd.map_or(Ok(()), |cmd| app.dispatch(&cmd));
        error.set(r.err().map(|e| e.message(i18n.lang())));
    };
    view! {
        <div class="row bulk" data-testid="inspel-bulk">
            <label class="choice">
                <input type="checkbox" data-testid="mark-all" prop:checked=every on:change=toggle_all/>
                {i18n.trv(|t| t.mark_all)}
            </label>
            <span role="status" data-testid="marked-count">
                {text(move || match chosen.with(Vec::len) { 0 => String::new(), n => format!("{n} {}", i18n.v().marked) })}
            </span>
            {when(move || !chosen.with(Vec::is_empty), move || view! {
                <SelectField id="bulk-status" label=i18n.trv(|t| t.new_status)
                    count=STATUSES.len() name=|i, lang| STATUSES.get(i).map_or("", |s| status_label(*s, lang))
                    selected=Signal::derive(move || { let s = status.get(); STATUSES.iter().position(|x| *x == s) })
                    on_change={move |i: Option<usize>| { if let Some(s) = i.and_then(|i| STATUSES.get(i)) { status.set(*s) } }}/>
                <button type="button" data-testid="bulk-apply" on:click=apply>{i18n.trv(|t| t.set_status)}</button>
                <button type="button" class="secondary" on:click=move |_| mark_many(&BTreeSet::clear)>{i18n.trv(|t| t.unmark)}</button>
            }.into_any())}
            <p class="field-error" role="alert">{text(move || error.get().unwrap_or_default())}</p>
        </div>
    }
}
