use leptos::prelude::*;
use std::collections::BTreeSet;
use vagval_core::{Command, Id, Kind};

use super::{OVERSCAN, ROW, Rows, VIRTUAL_FROM};
use crate::i18n::use_i18n;
use crate::modules::prioritisation::labels::status_label;
use crate::modules::prioritisation::texts::{ModuleI18n, Texts};
use crate::state::use_app;
use crate::ui::view::text;

/// A row in view: position in the list, inspel, title, the meta line and the marking epoch.
pub(super) type Shown = (usize, Id, String, String, u32);

/// The rows in view: all of them up to [`VIRTUAL_FROM`], else a window around the scroll
/// position with spacers above and below (one scroll container, fixed row height).
#[component]
pub(super) fn List(
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
            let lost = crate::ui::view::focus_lost(document().active_element().as_ref());
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
                    {row(r, visible, total, selected, marked, app, i18n.v())}
                </For>
            </ul>
        </div>
    }
}

/// One row. A plain function with the page's context passed in (no context lookups); a new
/// title rebuilds the row, the meta line follows `visible`.
pub(super) fn row(
    (pos, id, title, _, _): Shown,
    visible: Memo<Vec<Shown>>,
    total: impl Fn() -> String + Send + Sync + 'static,
    selected: RwSignal<Option<Id>>,
    marked: RwSignal<BTreeSet<Id>>,
    app: crate::state::AppState,
    t: &'static Texts,
) -> impl IntoView {
    let edit_label = format!("{} {title}", t.edit);
    let remove_label = format!("{} {title}", t.inspel_remove);
    let mark_label = format!("{} {title}", t.mark);
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
            }>{t.edit}</button>
            <button type="button" class="secondary small" aria-label=remove_label
                on:click=move |_| { let _ = app.dispatch(&Command::edit(Kind::Inspel, &id, "removed", true)); }>
                {t.inspel_remove}
            </button>
        </li>
    }
}
