//! Inspel: the list (search, filter, sort; virtualised above 200 rows so 5 000 stay fast),
//! adding, editing every field and removing. Voting rounds and the agenda are sub-pages.
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::sync::Arc;
use vagval_core::model::{Dimension, Status};
use vagval_core::query::{Patch, Query, Row, hits_hold, patch_rows, rows as query_rows, run};
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
    page_title(move || i18n.v().card.title);
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
