//! Inspel: the list (search, filter, sort; virtualised above 200 rows so 5 000 stay fast),
//! adding, editing every field and removing. Voting rounds and the agenda are sub-pages.
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::sync::Arc;
use vagval_core::model::{Dimension, Status};
use vagval_core::prioritisation::list_cache::ListCache;
use vagval_core::query::{Query, Row};
use vagval_core::{Id, Kind};

use crate::app::pages::page_title;
use crate::i18n::use_i18n;
use crate::modules::prioritisation::texts::ModuleI18n;
use crate::state::{Mark, use_app};
use crate::ui::view::{dynamic, text};

mod bulk;
mod csv;
mod editor;
mod filters;
mod goals;
mod list;
mod merge;
mod new;
use bulk::Bulk;
use csv::CsvImport;
use editor::Editor;
use filters::Filters;
use list::List;
use new::NewInspel;

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

thread_local! {
    /// From the last visit to the page: the list's cache and how far it follows the journal.
    static KEPT: RefCell<Option<(Mark, ListCache)>> = const { RefCell::new(None) };
}

#[component]
pub fn InspelPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    page_title(move || i18n.v().card.title);
    // Commands, merges and restores update the prepared rows of the inspel they changed (the
    // app's journal); only another workspace prepares all again. The cache ([`ListCache`], in
    // the core) decides when the last query's hits still hold. It outlives the page
    // ([`KEPT`]): coming back patches the rows instead of folding every inspel's texts again,
    // and keeps the hits of the same query when the patch leaves them as they were.
    let (seen, cache) = match KEPT.with(RefCell::take) {
        Some((mark, cache)) => (Some(mark), cache),
        None => (None, ListCache::default()),
    };
    let seen = StoredValue::new(seen);
    let cache = StoredValue::new(cache);
    let all = Memo::new_owning(move |prev: Option<Rows>| {
        // The first value always counts as a change (`hits` then runs anyway).
        let first = prev.is_none();
        // The cache shares these rows: let go of them so that a patch does not copy them.
        drop(prev);
        app.doc.with(|d| {
            let touched = seen
                .get_value()
                .and_then(|m| app.touched_since(m, Kind::Inspel));
            seen.set_value(Some(app.mark()));
            cache
                .try_update_value(|c| {
                    let changed = c.update(d, touched.as_deref());
                    (c.rows(), first || changed)
                })
                .unwrap_or_default()
        })
    });
    let query = RwSignal::new(Query::default());
    // The cache runs the query again unless the only change since the last run was in place
    // and moves no row in or out or up or down. Tells its readers on every full run, so they
    // may rely on it to move whenever rows came or went.
    let hits = Memo::new_owning(move |prev: Option<Vec<usize>>| {
        // Reading the rows brings the cache up to date first.
        all.with(|_| {
            query.with(|q| {
                cache
                    .try_update_value(|c| {
                        let (hits, ran) = c.hits(q);
                        (hits.to_vec(), prev.is_none() || ran)
                    })
                    .unwrap_or_default()
            })
        })
    });
    on_cleanup(move || {
        if let (Some(mark), Some(cache)) = (
            seen.try_get_value().flatten(),
            cache.try_update_value(std::mem::take),
        ) {
            KEPT.with(|k| *k.borrow_mut() = Some((mark, cache)));
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
            <h1>{i18n.trv(|t| t.card.title)}</h1>
            <p class="lead">{i18n.trv(|t| t.card.summary)}</p>
            <NewInspel/>
            <CsvImport/>
            <section class="card" aria-labelledby="inspel-list-heading">
                <h2 id="inspel-list-heading">
                    {text(move || {
                        let (n, total) = (hits.with(Vec::len), all.with(|r| r.len()));
                        let t = i18n.v();
                        if n == total { format!("{total} {}", t.inspel_count) } else { format!("{n} {} {total} {}", t.of, t.inspel_count) }
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
                        view! { <p>{i18n.trv(|t| t.inspel_none)}</p> }.into_any()
                    } else if hits.with(Vec::is_empty) {
                        view! { <p role="status">{i18n.trv(|t| t.no_match)}</p> }.into_any()
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
