use leptos::prelude::*;
use vagval_core::model::Inspel;
use vagval_core::query::{Query, run};
use vagval_core::{Id, Localized};

use super::Rows;
use crate::i18n::use_i18n;
use crate::modules::prioritisation::texts::ModuleI18n;
use crate::state::{new_id, use_app};
use crate::ui::view::{text, when};

/// In the editor: merge this inspel with duplicates (provenance kept, votes not moved), or
/// split a merged one again.
#[component]
pub(super) fn MergePanel(id: Id, selected: RwSignal<Option<Id>>, all: Memo<Rows>) -> impl IntoView {
    use vagval_core::dedupe::{ballots_naming, merge_inspel, split_inspel};
    let i18n = use_i18n();
    let app = use_app();
    let search = RwSignal::new(String::new());
    let others = RwSignal::new(Vec::<Id>::new());
    let error = RwSignal::new(None::<String>);
    let originals = {
        let id = id.clone();
        Memo::new(move |_| {
            app.doc.with(|d| {
                let lang = i18n.lang();
                d.inspel
                    .get(&id)
                    .and_then(Inspel::originals)
                    .map(|o| {
                        o.iter()
                            .filter_map(|x| d.inspel.get(x))
                            .map(|r| {
                                format!(
                                    "{} ({})",
                                    r.title().cloned().unwrap_or_default(),
                                    r.municipality().map_or("", |m| m.label(lang))
                                )
                            })
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
        })
    };
    let matches = {
        let id = id.clone();
        Memo::new(move |_| {
            let text = search.get();
            if text.trim().len() < 2 {
                return Vec::new();
            }
            // The page's prepared rows, not a second preparation per keystroke.
            let q = Query {
                text,
                ..Query::default()
            };
            all.with(|rows| {
                app.doc.with(|d| {
                    run(rows, &q)
                        .into_iter()
                        .map(|i| &rows[i])
                        .filter(|r| r.id != id)
                        .take(8)
                        .map(|r| (r.id.clone(), r.title.clone(), ballots_naming(d, &r.id)))
                        .collect::<Vec<_>>()
                })
            })
        })
    };
    let own_votes = {
        let id = id.clone();
        Memo::new(move |_| app.doc.with(|d| ballots_naming(d, &id)))
    };
    let merge = {
        let id = id.clone();
        move |_| {
            let mut ids = vec![id.clone()];
            ids.extend(others.get_untracked());
            let new = new_id();
            let Some(cmd) = app
                .doc
                .with_untracked(|d| merge_inspel(d, &ids, new.clone()))
            else {
                return;
            };
            match app.dispatch(&cmd) {
                Ok(()) => {
                    others.set(Vec::new());
                    selected.set(Some(new));
                }
                Err(e) => error.set(Some(e.message(i18n.lang()))),
            }
        }
    };
    let split = {
        let id = id.clone();
        move |_| {
            let Some(cmd) = app.doc.with_untracked(|d| split_inspel(d, &id)) else {
                return;
            };
            match app.dispatch(&cmd) {
                Ok(()) => selected.set(None),
                Err(e) => error.set(Some(e.message(i18n.lang()))),
            }
        }
    };
    view! {
        <div class="merge" data-testid="merge-panel">
            {when(move || originals.with(|o| !o.is_empty()), move || view! {
                <p data-testid="originals">{i18n.trv(|t| t.merged_from)}": "{text(move || originals.get().join(" · "))}</p>
                <button type="button" class="secondary" on:click=split.clone() data-testid="split">{i18n.trv(|t| t.split)}</button>
            }.into_any())}
            <div class="field">
                <label for="merge-search">{i18n.trv(|t| t.merge_with)}</label>
                <input id="merge-search" type="search" autocomplete="off" on:input=move |ev| search.set(event_target_value(&ev))/>
            </div>
            <ul class="check-list">
                {crate::ui::view::list(move || matches.get(), move |(oid, title, votes)| {
                    let (a, b) = (oid.clone(), oid);
                    let label = if votes > 0 { format!("{title} ({votes} {})", i18n.v().ballots(votes)) } else { title };
                    view! {
                        <li><label class="choice">
                            <input type="checkbox" prop:checked=move || others.with(|o| o.contains(&a))
                                on:change=move |ev| { let on = event_target_checked(&ev); others.update(|o| { o.retain(|x| *x != b); if on { o.push(b.clone()); } }); }/>
                            <span>{label}</span>
                        </label></li>
                    }.into_any()
                })}
            </ul>
            {when(move || others.with(|o| !o.is_empty()), move || view! {
                <p class="hint">{text(move || {
                    let t = i18n.v();
                    format!("{} ({} {} {})", t.votes_stay, own_votes.get(), t.ballots(own_votes.get()), t.on_this)
                })}</p>
                <button type="button" on:click=merge.clone() data-testid="merge-confirm">{i18n.trv(|t| t.merge_confirm)}</button>
            }.into_any())}
            <p class="field-error" role="alert">{text(move || error.get().unwrap_or_default())}</p>
        </div>
    }
}
