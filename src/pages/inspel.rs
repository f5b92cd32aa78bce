//! Inspel: the list (search, filter, sort; virtualised above 200 rows so 5 000 stay fast),
//! adding, editing every field and removing. Voting rounds and the agenda are sub-pages.
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::sync::Arc;
use vagval_core::crdt::to_json;
use vagval_core::model::{Dimension, Inspel, Municipality, Status};

use vagval_core::query::{
    Patch, Query, Row, Sort, hits_hold, marked_hits, patch_rows, rows as query_rows, run,
    set_status,
};
use vagval_core::{Command, Id, Kind, Localized};

use super::page_title;
use crate::i18n::{dimension_label, status_label, use_i18n};
use crate::state::{Mark, new_id, use_app};
use crate::view::{dynamic, text, when};

/// Row height in px (CSS `.vlist li` has the same); rows above/below the window are spacers.
const ROW: usize = 64;
/// Lists up to this length are rendered whole (find-in-page and screen readers see all);
/// longer ones only around the scroll position (measured: a row costs ≈ 1 ms at 1× CPU).
const VIRTUAL_FROM: usize = 60;
/// Rows rendered beyond the visible window on each side.
const OVERSCAN: usize = 6;

const STATUSES: [Status; 7] = [
    Status::Received,
    Status::Compiled,
    Status::Prioritised,
    Status::InAgenda,
    Status::InConsultation,
    Status::Adopted,
    Status::NotIncluded,
];
const DIMENSIONS: [Dimension; 3] = [
    Dimension::Ecological,
    Dimension::Social,
    Dimension::Economic,
];

/// The list's prepared rows, shared with the page's readers without copying.
type Rows = Arc<Vec<Row>>;

/// What the page leaves for its next visit: the prepared rows, how far they follow the
/// journal, and the last query with its hits (indices into the rows).
struct Kept {
    mark: Mark,
    rows: Rows,
    query: Query,
    hits: Vec<usize>,
}

thread_local! {
    /// From the last visit to the page.
    static KEPT: RefCell<Option<Kept>> = const { RefCell::new(None) };
}

#[component]
pub fn InspelPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    page_title(move || i18n.t().inspel.title);
    // Commands, merges and restores update the prepared rows of the inspel they changed (the
    // app's journal); only another workspace prepares all again. `patched` counts the updates
    // and keeps what the last one changed, so `hits` can keep its order when only a stage
    // changed. The rows outlive the page ([`KEPT`]): coming back patches them instead of
    // folding every inspel's texts again, and keeps the hits of the same query when the patch
    // leaves them as they were.
    let (seen, kept, kept_hits) = match KEPT.with(RefCell::take) {
        Some(k) => (Some(k.mark), Some(k.rows), Some((k.query, k.hits))),
        None => (None, None, None),
    };
    let seen = StoredValue::new(seen);
    let kept = StoredValue::new(kept);
    let kept_hits = StoredValue::new(kept_hits);
    let patched = StoredValue::new((0u64, Patch::Shape));
    let all = Memo::new_owning(move |prev: Option<Rows>| {
        app.doc.with(|d| {
            let touched = seen
                .get_value()
                .and_then(|m| app.touched_since(m, Kind::Inspel));
            seen.set_value(Some(app.mark()));
            let first = prev.is_none();
            let (rows, patch) = match (
                prev.or_else(|| kept.try_update_value(Option::take).flatten()),
                touched,
            ) {
                (Some(mut rows), Some(ids)) => {
                    let patch = patch_rows(d, Arc::make_mut(&mut rows), &ids);
                    (rows, patch)
                }
                _ => (Arc::new(query_rows(d)), Patch::Shape),
            };
            // The first value always counts as a change (`hits` then runs the query anyway).
            let changed = first || patch != Patch::Nothing;
            if changed {
                patched.update_value(|(n, p)| {
                    *n += 1;
                    *p = patch;
                });
            }
            (rows, changed)
        })
    });
    let query = RwSignal::new(Query::default());
    // Runs the query again unless the only change since the last run was in place and does not
    // move any row in or out or up or down. Tells its readers on every full run, so they may
    // rely on it to move whenever rows came or went.
    let ran = StoredValue::new((u64::MAX, Query::default()));
    let hits = Memo::new_owning(move |prev: Option<Vec<usize>>| {
        all.with(|rows| {
            query.with(|q| {
                let (n, holds) = patched.with_value(|(n, p)| {
                    (*n, matches!(p, Patch::InPlace(c) if hits_hold(rows, q, c)))
                });
                let same = ran.with_value(|(m, last)| m.wrapping_add(1) == n && last == q);
                ran.set_value((n, q.clone()));
                let first = prev.is_none();
                let keep = match prev {
                    Some(prev) => (same && holds).then_some(prev),
                    // The last visit's hits, for the same query over the same rows (the kept
                    // vector, patched since) when the patch leaves them as they were.
                    None => kept_hits
                        .try_update_value(Option::take)
                        .flatten()
                        .filter(|(last, _)| last == q)
                        .filter(|_| holds || patched.with_value(|(_, p)| *p == Patch::Nothing))
                        .map(|(_, hits)| hits),
                };
                match keep {
                    Some(hits) => (hits, first),
                    None => (run(rows, q), true),
                }
            })
        })
    });
    on_cleanup(move || {
        if let (Some(mark), Some(rows), Some(query), Some(hits)) = (
            seen.try_get_value().flatten(),
            all.try_get_untracked(),
            query.try_get_untracked(),
            hits.try_get_untracked(),
        ) {
            KEPT.with(|k| {
                *k.borrow_mut() = Some(Kept {
                    mark,
                    rows,
                    query,
                    hits,
                })
            });
        }
    });
    let selected = RwSignal::new(None::<Id>);
    let marked = RwSignal::new(BTreeSet::<Id>::new());
    // Moves when marks change for many rows at once; rows in view are then rebuilt (a row's
    // mark box is not reactive: a tap toggles it in the page and in `marked`).
    let epoch = RwSignal::new(0u32);
    view! {
        <article class="page">
            <super::rounds::SubNav/>
            <h1>{i18n.tr(|t| t.inspel.title)}</h1>
            <p class="lead">{i18n.tr(|t| t.inspel.summary)}</p>
            <NewInspel/>
            <CsvImport/>
            <section class="card" aria-labelledby="inspel-list-heading">
                <h2 id="inspel-list-heading">
                    {text(move || {
                        let (n, total) = (hits.with(Vec::len), all.with(|r| r.len()));
                        let t = i18n.t();
                        if n == total { format!("{total} {}", t.inspel_count) } else { format!("{n} {} {total} {}", t.v.of, t.inspel_count) }
                    })}
                </h2>
                <Filters query=query/>
                // Rebuilt for each inspel chosen (not only when the editor opens or closes).
                {dynamic(move || match selected.get() {
                    Some(_) => untrack(|| view! { <Editor selected=selected all=all/> }.into_any()),
                    None => ().into_any(),
                })}
                {dynamic(move || {
                    if all.with(|r| r.is_empty()) {
                        view! { <p>{i18n.tr(|t| t.inspel_none)}</p> }.into_any()
                    } else if hits.with(Vec::is_empty) {
                        view! { <p role="status">{i18n.tr(|t| t.v.no_match)}</p> }.into_any()
                    } else {
                        ().into_any()
                    }
                })}
                <Bulk all=all hits=hits marked=marked epoch=epoch/>
                <List all=all hits=hits selected=selected marked=marked epoch=epoch/>
            </section>
        </article>
    }
}

#[component]
fn Filters(query: RwSignal<Query>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || i18n.lang();
    let pick = |v: String| v.parse::<usize>().ok();
    view! {
        <div class="row filters" role="search">
            <div class="field grow">
                <label for="inspel-search">{i18n.tr(|t| t.v.search)}</label>
                <input id="inspel-search" type="search" autocomplete="off" data-testid="inspel-search"
                    on:input=move |ev| { let v = event_target_value(&ev); query.update(|q| q.text = v) }/>
            </div>
            <div class="field">
                <label for="filter-municipality">{i18n.tr(|t| t.inspel_municipality)}</label>
                <select id="filter-municipality" on:change=move |ev| query.update(|q| q.municipality = pick(event_target_value(&ev)).and_then(|i| Municipality::ALL.get(i).copied()))>
                    <option value="">{i18n.tr(|t| t.v.all)}</option>
                    {Municipality::ALL.iter().enumerate().map(|(i, m)| view! { <option value=i.to_string()>{move || m.label(lang())}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-status">{i18n.tr(|t| t.v.status)}</label>
                <select id="filter-status" on:change=move |ev| query.update(|q| q.status = pick(event_target_value(&ev)).and_then(|i| STATUSES.get(i).copied()))>
                    <option value="">{i18n.tr(|t| t.v.all)}</option>
                    {STATUSES.iter().enumerate().map(|(i, s)| view! { <option value=i.to_string()>{move || status_label(*s, lang())}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-dimension">{i18n.tr(|t| t.v.dimension)}</label>
                <select id="filter-dimension" on:change=move |ev| query.update(|q| q.dimension = pick(event_target_value(&ev)).and_then(|i| DIMENSIONS.get(i).copied()))>
                    <option value="">{i18n.tr(|t| t.v.all)}</option>
                    {DIMENSIONS.iter().enumerate().map(|(i, d)| view! { <option value=i.to_string()>{move || dimension_label(*d, lang())}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="inspel-sort">{i18n.tr(|t| t.v.sort)}</label>
                <select id="inspel-sort" on:change=move |ev| {
                    let s = match event_target_value(&ev).as_str() {
                        "municipality" => Sort::Municipality,
                        "status" => Sort::Status,
                        "theme" => Sort::Theme,
                        _ => Sort::Title,
                    };
                    query.update(|q| q.sort = s);
                }>
                    <option value="title">{i18n.tr(|t| t.inspel_title)}</option>
                    <option value="municipality">{i18n.tr(|t| t.inspel_municipality)}</option>
                    <option value="status">{i18n.tr(|t| t.v.status)}</option>
                    <option value="theme">{i18n.tr(|t| t.v.theme)}</option>
                </select>
            </div>
        </div>
    }
}

/// A row in view: position in the list, inspel, title, the meta line and the marking epoch.
type Shown = (usize, Id, String, String, u32);

/// The rows in view: all of them up to [`VIRTUAL_FROM`], else a window around the scroll
/// position with spacers above and below (one scroll container, fixed row height).
#[component]
fn List(
    all: Memo<Rows>,
    hits: Memo<Vec<usize>>,
    selected: RwSignal<Option<Id>>,
    marked: RwSignal<BTreeSet<Id>>,
    epoch: RwSignal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let scroll = RwSignal::new(0usize);
    let height = RwSignal::new(800usize);
    let window = Memo::new(move |_| {
        let n = hits.with(Vec::len);
        if n <= VIRTUAL_FROM {
            return (0, n);
        }
        let first = (scroll.get() / ROW).saturating_sub(OVERSCAN);
        let last = ((scroll.get() + height.get()) / ROW + OVERSCAN + 1).min(n);
        (first.min(last), last)
    });
    let visible = Memo::new(move |_| {
        let (a, b) = window.get();
        let lang = i18n.lang();
        let e = epoch.get();
        hits.with(|h| {
            all.with(|rows| {
                h[a..b]
                    .iter()
                    .enumerate()
                    .map(|(k, &i)| {
                        let r = &rows[i];
                        let meta = [
                            r.municipality.map_or("", |m| m.label(lang)),
                            status_label(r.status, lang),
                            r.theme.as_str(),
                        ]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(" · ");
                        (a + k, r.id.clone(), r.title.clone(), meta, e)
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let on_scroll = move |ev: leptos::ev::Event| {
        if let Some(el) = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
        {
            scroll.set(usize::try_from(el.scroll_top()).unwrap_or(0));
            height.set(usize::try_from(el.client_height()).unwrap_or(800).max(ROW));
        }
    };
    let pad = move |top: bool| {
        let (a, b) = window.get();
        let n = hits.with(Vec::len);
        let px = if top { a * ROW } else { (n - b) * ROW };
        format!("{px}px")
    };
    let total = move || hits.with(Vec::len).to_string();
    // When the window moves, the keyed list moves row nodes in the DOM, and a moved element
    // loses focus (Tab into a row above the view scrolls it, the window follows, focus drops
    // to the page). The control that had focus gets it back once the rows are in place.
    let focused = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let on_focusin = move |ev: leptos::ev::FocusEvent| {
        focused.set_value(
            ev.target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(t).ok()),
        );
    };
    let on_focusout = move |ev: leptos::ev::FocusEvent| {
        // Focus moved on by the user (it has somewhere to go), not lost with a moved node.
        if ev.related_target().is_some() {
            focused.set_value(None);
        }
    };
    Effect::new(move |_| {
        visible.track();
        focused.with_value(|el| {
            let Some(el) = el else { return };
            let lost = crate::view::focus_lost(document().active_element().as_ref());
            if lost && el.is_connected() {
                let _ = el.focus();
            }
        });
    });
    view! {
        // Focusable, so the keyboard can scroll it (arrows, Page Down) and Tab on into the rows
        // that scrolling brings into the window.
        <div class="vlist" on:scroll=on_scroll data-testid="inspel-scroller" tabindex="0" role="region" aria-labelledby="inspel-list-heading">
            <ul class="inspel-list" data-testid="inspel-list" on:focusin=on_focusin on:focusout=on_focusout style:padding-top=move || pad(true) style:padding-bottom=move || pad(false)>
                // Keyed by position, inspel and title: a new stage or municipality (the meta
                // line) updates the row's text instead of rebuilding the row.
                <For each=move || visible.get() key=|r| (r.0, r.1.clone(), r.2.clone(), r.4) let:r>
                    {row(r, visible, total, selected, marked, app, i18n.t())}
                </For>
            </ul>
        </div>
    }
}

/// One row. A plain function with the page's context passed in (no context lookups); a new
/// title rebuilds the row, the meta line follows `visible`.
fn row(
    (pos, id, title, _, _): Shown,
    visible: Memo<Vec<Shown>>,
    total: impl Fn() -> String + Send + Sync + 'static,
    selected: RwSignal<Option<Id>>,
    marked: RwSignal<BTreeSet<Id>>,
    app: crate::state::AppState,
    t: &'static crate::i18n::Texts,
) -> impl IntoView {
    let edit_label = format!("{} {title}", t.v.edit);
    let remove_label = format!("{} {title}", t.inspel_remove);
    let mark_label = format!("{} {title}", t.v.mark);
    let mark = {
        let id = id.clone();
        move |ev: leptos::ev::Event| {
            let on = event_target_checked(&ev);
            marked.update(|m| {
                if on {
                    m.insert(id.clone());
                } else {
                    m.remove(&id);
                }
            });
        }
    };
    let is_marked = marked.with_untracked(|m| m.contains(&id));
    view! {
        <li aria-setsize=total aria-posinset=(pos + 1).to_string()>
            <label class="mark"><input type="checkbox" aria-label=mark_label prop:checked=is_marked on:change=mark/></label>
            <div class="text">
                <span class="title">{title}</span>
                <span class="meta">{text(move || visible.with(|v| v.iter().find(|r| r.0 == pos).map(|r| r.3.clone()).unwrap_or_default()))}</span>
            </div>
            <button type="button" class="secondary small" aria-label=edit_label on:click={
                let id = id.clone();
                move |_| selected.set(Some(id.clone()))
            }>{t.v.edit}</button>
            <button type="button" class="secondary small" aria-label=remove_label
                on:click=move |_| { let _ = app.dispatch(&Command::edit(Kind::Inspel, &id, "removed", true)); }>
                {t.inspel_remove}
            </button>
        </li>
    }
}

/// Marking rows ("markera") and moving the marked ones that are shown to one stage, as one
/// undoable command.
#[component]
fn Bulk(
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
    let lang = move || i18n.lang();
    view! {
        <div class="row bulk" data-testid="inspel-bulk">
            <label class="choice">
                <input type="checkbox" data-testid="mark-all" prop:checked=every on:change=toggle_all/>
                {i18n.tr(|t| t.v.mark_all)}
            </label>
            <span role="status" data-testid="marked-count">
                {text(move || match chosen.with(Vec::len) { 0 => String::new(), n => format!("{n} {}", i18n.t().v.marked) })}
            </span>
            {when(move || !chosen.with(Vec::is_empty), move || view! {
                <div class="field">
                    <label for="bulk-status">{i18n.tr(|t| t.v.new_status)}</label>
                    <select id="bulk-status" on:change=move |ev| {
                        if let Some(s) = event_target_value(&ev).parse::<usize>().ok().and_then(|i| STATUSES.get(i)) { status.set(*s) }
                    }>
                        {STATUSES.iter().enumerate().map(|(i, s)| view! {
                            <option value=i.to_string() selected=move || status.get() == *s>{move || status_label(*s, lang())}</option>
                        }).collect_view()}
                    </select>
                </div>
                <button type="button" data-testid="bulk-apply" on:click=apply>{i18n.tr(|t| t.v.set_status)}</button>
                <button type="button" class="secondary" on:click=move |_| mark_many(&BTreeSet::clear)>{i18n.tr(|t| t.v.unmark)}</button>
            }.into_any())}
            <p class="field-error" role="alert">{text(move || error.get().unwrap_or_default())}</p>
        </div>
    }
}

/// Every field of one inspel; each change is a command (undoable) when the field is left.
#[component]
fn Editor(selected: RwSignal<Option<Id>>, all: Memo<Rows>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let id = selected.get_untracked().unwrap_or_default();
    let record = {
        let id = id.clone();
        Memo::new(move |_| app.doc.with(|d| d.inspel.get(&id).cloned()))
    };
    let error = RwSignal::new(None::<String>);
    let edit = {
        let id = id.clone();
        move |field: &'static str, value: serde_json::Value| {
            let r = app.dispatch(&Command::Edit {
                kind: Kind::Inspel,
                id: id.clone(),
                field: field.into(),
                value,
            });
            error.set(r.err().map(|e| e.message(i18n.lang())));
        }
    };
    let field = {
        let edit = edit.clone();
        move |name: &'static str,
              label: fn(&'static crate::i18n::Texts) -> &'static str,
              get: fn(&Inspel) -> Option<&String>,
              multiline: bool| {
            let edit = edit.clone();
            let fid = format!("edit-{name}");
            let value =
                move || record.with(|r| r.as_ref().and_then(get).cloned().unwrap_or_default());
            let commit = move |ev: leptos::ev::Event| {
                edit(name, serde_json::Value::String(event_target_value(&ev)))
            };
            let input = if multiline {
                view! { <textarea id=fid.clone() rows="4" prop:value=value on:change=commit></textarea> }.into_any()
            } else {
                view! { <input id=fid.clone() type="text" prop:value=value on:change=commit/> }
                    .into_any()
            };
            view! { <div class="field"><label for=fid>{i18n.tr(label)}</label>{input}</div> }
        }
    };
    let lang = move || i18n.lang();
    let (e1, e2, e3) = (edit.clone(), edit.clone(), edit);
    let dims = move || {
        record.with(|r| {
            r.as_ref()
                .and_then(Inspel::dimensions)
                .cloned()
                .unwrap_or_default()
        })
    };
    view! {
        <section class="card editor" aria-labelledby="editor-heading" data-testid="inspel-editor">
            <div class="row spread">
                <h3 id="editor-heading">{text(move || record.with(|r| r.as_ref().and_then(Inspel::title).cloned().unwrap_or_default()))}</h3>
                <button type="button" class="secondary small" on:click=move |_| selected.set(None)>{i18n.tr(|t| t.v.close)}</button>
            </div>
            {field("title", |t| t.inspel_title, Inspel::title, false)}
            {field("description", |t| t.v.description, Inspel::description, true)}
            <div class="row">
                {field("organisation", |t| t.v.organisation, Inspel::organisation, false)}
                {field("person", |t| t.v.person, Inspel::person, false)}
                {field("theme", |t| t.v.theme, Inspel::theme, false)}
            </div>
            <div class="row">
                <div class="field">
                    <label for="edit-municipality">{i18n.tr(|t| t.inspel_municipality)}</label>
                    <select id="edit-municipality" on:change=move |ev| {
                        if let Some(m) = event_target_value(&ev).parse::<usize>().ok().and_then(|i| Municipality::ALL.get(i)) { e1("municipality", to_json(m)) }
                    }>
                        {Municipality::ALL.iter().enumerate().map(|(i, m)| view! {
                            <option value=i.to_string() selected=move || record.with(|r| r.as_ref().and_then(Inspel::municipality) == Some(m))>{move || m.label(lang())}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="edit-status">{i18n.tr(|t| t.v.status)}</label>
                    <select id="edit-status" on:change=move |ev| {
                        if let Some(s) = event_target_value(&ev).parse::<usize>().ok().and_then(|i| STATUSES.get(i)) { e2("status", to_json(s)) }
                    }>
                        {STATUSES.iter().enumerate().map(|(i, s)| view! {
                            <option value=i.to_string() selected=move || record.with(|r| r.as_ref().and_then(Inspel::status).copied().unwrap_or_default() == *s)>{move || status_label(*s, lang())}</option>
                        }).collect_view()}
                    </select>
                </div>
                <fieldset>
                    <legend>{i18n.tr(|t| t.v.dimensions)}</legend>
                    {DIMENSIONS.into_iter().map(|d| {
                        let e3 = e3.clone();
                        view! {
                            <label class="choice">
                                <input type="checkbox" prop:checked=move || dims().contains(&d) on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let mut v: Vec<Dimension> = dims().into_iter().filter(|x| *x != d).collect();
                                    if on { v.push(d); v.sort(); }
                                    e3("dimensions", to_json(&v));
                                }/>
                                {move || dimension_label(d, lang())}
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
            </div>
            <p class="field-error" role="alert">{text(move || error.get().unwrap_or_default())}</p>
            <div class="row spread">
                <p class="hint">{i18n.tr(|t| t.v.editor_saved_hint)}</p>
                <button type="button" data-testid="editor-done" on:click=move |_| selected.set(None)>{i18n.tr(|t| t.v.editor_done)}</button>
            </div>
            <MergePanel id=id selected=selected all=all/>
        </section>
    }
}

#[component]
fn NewInspel() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let title = RwSignal::new(String::new());
    let municipality = RwSignal::new(Municipality::Ostersund);
    let error = RwSignal::new(None::<vagval_core::DomainError>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let fields = [
            (
                "title".to_owned(),
                serde_json::Value::String(title.get_untracked().trim().to_owned()),
            ),
            (
                "municipality".to_owned(),
                to_json(&municipality.get_untracked()),
            ),
        ]
        .into();
        match app.dispatch(&Command::Create {
            kind: Kind::Inspel,
            id: new_id(),
            fields,
        }) {
            Ok(()) => {
                title.set(String::new());
                error.set(None);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <form class="card new-inspel" on:submit=add aria-labelledby="new-inspel-heading">
            <h2 id="new-inspel-heading">{i18n.tr(|t| t.inspel_new)}</h2>
            <div class="row">
                <div class="field grow">
                    <label for="new-inspel-title">{i18n.tr(|t| t.inspel_title)}</label>
                    <input id="new-inspel-title" type="text" autocomplete="off" prop:value=title
                        on:input=move |ev| title.set(event_target_value(&ev))
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby="new-inspel-error"/>
                </div>
                <div class="field">
                    <label for="new-inspel-municipality">{i18n.tr(|t| t.inspel_municipality)}</label>
                    <select id="new-inspel-municipality"
                        on:change=move |ev| {
                            if let Some(m) = event_target_value(&ev).parse::<usize>().ok().and_then(|i| Municipality::ALL.get(i)) {
                                municipality.set(*m);
                            }
                        }>
                        {Municipality::ALL.iter().enumerate().map(|(i, m)| view! {
                            <option value=i.to_string() selected=move || municipality.get() == *m>{move || m.label(i18n.lang())}</option>
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit" data-testid="add-inspel">{i18n.tr(|t| t.inspel_add)}</button>
            </div>
            <p id="new-inspel-error" class="field-error" role="alert">
                {text(move || error.get().map(|e| e.message(i18n.lang())).unwrap_or_default())}
            </p>
        </form>
    }
}

/// Importing inspel from a spreadsheet (CSV): column mapping, per-row errors, confirm.
#[component]
fn CsvImport() -> impl IntoView {
    use vagval_core::csv_import::{Encoding, Field, MAX_BYTES, Prepared, dimensions, read};
    let i18n = use_i18n();
    let app = use_app();
    let prepared = RwSignal::new(None::<Prepared>);
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<usize>);
    let checked =
        Memo::new(move |_| prepared.with(|p| p.as_ref().map(Prepared::check).unwrap_or_default()));
    let all_valid =
        Memo::new(move |_| checked.with(|c| c.iter().filter(|r| r.result.is_ok()).count()));
    // Rows that are already inspel here (the same file imported again), skipped unless asked.
    let repeats = Memo::new(move |_| {
        checked.track();
        prepared.with(|p| {
            p.as_ref()
                .map(|p| app.doc.with_untracked(|d| p.already_there(d)))
                .unwrap_or_default()
        })
    });
    let skip = RwSignal::new(true);
    let valid = Memo::new(move |_| {
        all_valid.get()
            - if skip.get() {
                repeats.with(Vec::len)
            } else {
                0
            }
    });
    let pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = crate::file_io::files_of(input.files()).into_iter().next() else {
            return;
        };
        input.set_value("");
        name.set(file.name());
        done.set(None);
        leptos::task::spawn_local(async move {
            let lang = i18n.lang();
            match crate::file_io::read_bytes(&file, MAX_BYTES).await {
                Ok(bytes) => match read(&bytes) {
                    Ok(p) => {
                        error.set(None);
                        prepared.set(Some(p));
                    }
                    Err(e) => {
                        prepared.set(None);
                        error.set(Some(e.message(lang)));
                    }
                },
                Err(_) => {
                    prepared.set(None);
                    error.set(Some(i18n.t().v.csv_unreadable.to_owned()));
                }
            }
        });
    };
    let confirm = move |_| {
        let skipped = if skip.get_untracked() {
            repeats.get_untracked()
        } else {
            Vec::new()
        };
        let Some(cmd) = prepared.with_untracked(|p| {
            p.as_ref()
                .and_then(|p| p.commands_without(&skipped, new_id))
        }) else {
            return;
        };
        let n = valid.get_untracked();
        match app.dispatch(&cmd) {
            Ok(()) => {
                prepared.set(None);
                done.set(Some(n));
            }
            Err(e) => error.set(Some(e.message(i18n.lang()))),
        }
    };
    let field_label = move |f: Option<Field>| {
        let t = &i18n.t().v;
        match f {
            None => t.csv_ignore,
            Some(Field::Title) => i18n.t().inspel_title,
            Some(Field::Description) => t.description,
            Some(Field::Organisation) => t.organisation,
            Some(Field::Person) => t.person,
            Some(Field::Municipality) => i18n.t().inspel_municipality,
            Some(Field::Theme) => t.theme,
            Some(Field::Dimensions) => t.dimensions,
            Some(Field::Status) => t.status,
        }
    };
    let preview = move || {
        let Some(p) = prepared.get() else {
            return ().into_any();
        };
        let t = i18n.t();
        let lang = i18n.lang();
        let cols = p.headers.len();
        let note = (p.encoding == Encoding::Windows1252)
            .then(|| view! { <p class="notice" role="note">{t.v.csv_cp1252}</p> });
        let selects = (0..cols).map(|c| {
            let header = p.headers.get(c).cloned().unwrap_or_default();
            let current = p.mapping.get(c).copied().flatten();
            let sid = format!("csv-col-{c}");
            view! {
                <th scope="col">
                    <label for=sid.clone()>{header}</label>
                    <select id=sid on:change=move |ev| {
                        let f = event_target_value(&ev).parse::<usize>().ok().and_then(|i| Field::ALL.get(i).copied());
                        prepared.update(|p| if let Some(p) = p
                            && let Some(slot) = p.mapping.get_mut(c) { *slot = f; });
                    }>
                        <option value="" selected=current.is_none()>{field_label(None)}</option>
                        {Field::ALL.iter().enumerate().map(|(i, f)| view! {
                            <option value=i.to_string() selected=current == Some(*f)>{field_label(Some(*f))}</option>
                        }).collect_view()}
                    </select>
                </th>
            }
        }).collect_view();
        // Under a dimensions column, what the cell is read as ("ekonomisk;social" → Social, Ekonomisk).
        let understood = |c: usize, cell: &str| {
            (p.mapping.get(c).copied().flatten() == Some(Field::Dimensions)).then(|| {
            let known: Vec<&str> = dimensions(cell).known.into_iter().map(|d| dimension_label(d, lang)).collect();
            (!known.is_empty()).then(|| view! { <br/><small class="hint" data-testid="csv-dimensions">{format!("{} {}", t.v.csv_understood, known.join(", "))}</small> })
        })
        };
        let sample = p
            .rows
            .iter()
            .take(5)
            .map(|(line, cells)| {
                view! {
                    <tr><th scope="row">{*line}</th>{(0..cols).map(|c| {
                        let cell = cells.get(c).cloned().unwrap_or_default();
                        let read_as = understood(c, &cell);
                        view! { <td>{cell}{read_as}</td> }
                    }).collect_view()}</tr>
                }
            })
            .collect_view();
        let problems: Vec<String> = checked.with_untracked(|c| {
            c.iter()
                .filter_map(|r| {
                    r.result.as_ref().err().map(|ps| {
                        format!(
                            "{} {}: {}",
                            t.v.csv_row,
                            r.line,
                            ps.iter()
                                .map(|p| p.message(lang))
                                .collect::<Vec<_>>()
                                .join(" ")
                        )
                    })
                })
                .take(200)
                .collect()
        });
        let errors = (!problems.is_empty()).then(|| view! {
            <h4>{t.v.csv_errors}</h4>
            <ul class="import-errors" data-testid="csv-errors">{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
        });
        view! {
            <div class="preview" data-testid="csv-preview">
                {note}
                <p>{format!("{}: {} {}, {} {}", name.get_untracked(), valid.get(), t.v.csv_valid, checked.with(Vec::len) - valid.get(), t.v.csv_invalid)}</p>
                {(cols > 3).then(|| view! { <p class="hint" data-testid="csv-scroll-hint">{t.v.csv_scroll_hint}</p> })}
                <div class="table-scroll" tabindex="0" role="region" aria-label=t.v.csv_mapping>
                    <table class="data">
                        <caption>{t.v.csv_mapping}</caption>
                        <thead><tr><th scope="col">{t.v.csv_row}</th>{selects}</tr></thead>
                        <tbody>{sample}</tbody>
                    </table>
                </div>
                {errors}
                {when(move || repeats.with(|r| !r.is_empty()), move || view! {
                    <div class="notice" role="note" data-testid="csv-repeats">
                        <p>{move || format!("{} {}", repeats.with(Vec::len), i18n.t().v.csv_repeats)}</p>
                        <label class="choice">
                            <input type="checkbox" prop:checked=move || skip.get() on:change=move |ev| skip.set(event_target_checked(&ev))/>
                            {i18n.tr(|t| t.v.csv_skip_repeats)}
                        </label>
                    </div>
                }.into_any())}
                <div class="row">
                    <button type="button" data-testid="csv-confirm" on:click=confirm prop:disabled=move || valid.get() == 0>
                        {move || format!("{} {} {}", i18n.t().v.csv_import_n, valid.get(), i18n.t().inspel_count)}
                    </button>
                    <button type="button" class="secondary" on:click=move |_| prepared.set(None)>{i18n.t().v.cancel}</button>
                </div>
            </div>
        }.into_any()
    };
    view! {
        <section class="card" aria-labelledby="csv-heading">
            <h2 id="csv-heading">{i18n.tr(|t| t.v.csv_heading)}</h2>
            <p class="hint">{i18n.tr(|t| t.v.csv_help)}</p>
            <label class="button secondary" for="csv-file">{i18n.tr(|t| t.v.csv_pick)}</label>
            <input id="csv-file" class="visually-hidden" type="file" accept=".csv,text/csv,text/plain" data-testid="csv-input" on:change=pick/>
            <p class="field-error" role="alert">{text(move || error.get().unwrap_or_default())}</p>
            {when(move || done.with(Option::is_some), move || view! {
                <p role="status" data-testid="csv-done">{text(move || format!("{} {} {}", done.get().unwrap_or(0), i18n.t().inspel_count, i18n.t().v.csv_done))}</p>
            }.into_any())}
            {dynamic(preview)}
        </section>
    }
}

/// In the editor: merge this inspel with duplicates (provenance kept, votes not moved), or
/// split a merged one again.
#[component]
fn MergePanel(id: Id, selected: RwSignal<Option<Id>>, all: Memo<Rows>) -> impl IntoView {
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
                <p data-testid="originals">{i18n.tr(|t| t.v.merged_from)}": "{text(move || originals.get().join(" · "))}</p>
                <button type="button" class="secondary" on:click=split.clone() data-testid="split">{i18n.tr(|t| t.v.split)}</button>
            }.into_any())}
            <div class="field">
                <label for="merge-search">{i18n.tr(|t| t.v.merge_with)}</label>
                <input id="merge-search" type="search" autocomplete="off" on:input=move |ev| search.set(event_target_value(&ev))/>
            </div>
            <ul class="check-list">
                {crate::view::list(move || matches.get(), move |(oid, title, votes)| {
                    let (a, b) = (oid.clone(), oid);
                    let label = if votes > 0 { format!("{title} ({votes} {})", i18n.t().v.ballots(votes)) } else { title };
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
                    let t = &i18n.t().v;
                    format!("{} ({} {} {})", t.votes_stay, own_votes.get(), t.ballots(own_votes.get()), t.on_this)
                })}</p>
                <button type="button" on:click=merge.clone() data-testid="merge-confirm">{i18n.tr(|t| t.v.merge_confirm)}</button>
            }.into_any())}
            <p class="field-error" role="alert">{text(move || error.get().unwrap_or_default())}</p>
        </div>
    }
}
