use leptos::prelude::*;
use vagval_core::Id;

use super::Item;
use super::about::About;
use super::ranked_row::RankedRow;
use crate::i18n::use_i18n;
use crate::modules::prioritisation::texts::ModuleI18n;

/// Ranking: tap "Rangordna" on an item to append it, drag the handle (touch or mouse) or
/// use the arrow buttons to move it, tap again to take it out. The list of items never
/// changes shape, and a moved row gets its focus back, so keyboard users keep their place.
#[component]
pub(super) fn RankBallot(
    items: Memo<Vec<Item>>,
    ranking: RwSignal<Vec<Id>>,
    need: usize,
) -> impl IntoView {
    let i18n = use_i18n();
    let dragging = RwSignal::new(None::<Id>);
    let title_of = move |id: &Id| {
        items.with(|v| {
            v.iter()
                .find(|i| &i.0 == id)
                .map(|i| i.1.clone())
                .unwrap_or_default()
        })
    };
    let full = Memo::new(move |_| ranking.with(Vec::len) >= need.min(items.with(Vec::len)));
    // Drag: the pointer's position picks the row it is over; the dragged item moves there.
    let over = move |ev: leptos::ev::PointerEvent| {
        let Some(id) = dragging.get_untracked() else {
            return;
        };
        ev.prevent_default();
        let target = document()
            .element_from_point(ev.client_x() as f32, ev.client_y() as f32)
            .and_then(|el| el.closest("li[data-rank]").ok().flatten())
            .and_then(|li| li.get_attribute("data-rank"))
            .and_then(|r| r.parse::<usize>().ok());
        if let Some(to) = target {
            ranking.update(|r| {
                if let Some(from) = r.iter().position(|x| *x == id)
                    && from != to
                    && to < r.len()
                {
                    let x = r.remove(from);
                    r.insert(to, x);
                }
            });
        }
    };
    view! {
        <h3 id="ranked-heading">{i18n.trv(|t| t.your_ranking)}</h3>
        <ol class="ranked" data-testid="ranked" aria-labelledby="ranked-heading" on:pointermove=over
            on:pointerup=move |_| dragging.set(None) on:pointercancel=move |_| dragging.set(None)>
            <For each=move || ranking.get() key=|id| id.clone() let:id>
                <RankedRow id=id.clone() title=title_of(&id) ranking=ranking dragging=dragging/>
            </For>
        </ol>
        <h3>{i18n.trv(|t| t.items)}</h3>
        <ul class="pool" data-testid="pool">
            <For each=move || items.get() key=|i| i.0.clone() let:item>
                {
                    let (id, title, municipality) = item;
                    let (a, b, c) = (id.clone(), id.clone(), id.clone());
                    let position = Memo::new(move |_| ranking.with(|r| r.iter().position(|x| *x == a)));
                    let label = Signal::derive(move || {
                        let t = i18n.v();
                        match position.get() {
                            Some(p) => format!("{} {} – {}", t.ranked_as, p + 1, t.unrank_short),
                            None => t.rank_short.to_owned(),
                        }
                    });
                    let toggle = move |_| ranking.update(|r| {
                        if let Some(p) = r.iter().position(|x| *x == b) { r.remove(p); } else if !full.get_untracked() { r.push(b.clone()); }
                    });
                    view! {
                        <li class:chosen=move || position.with(Option::is_some)>
                            <span class="title" id=format!("pool-{c}")>{title}<span class="hint">" · "{municipality}</span></span>
                            <button type="button" class="secondary small" aria-describedby=format!("pool-{id}")
                                aria-pressed=Signal::derive(move || position.with(Option::is_some).to_string())
                                prop:disabled=Signal::derive(move || full.get() && position.with(Option::is_none))
                                on:click=toggle>{label}</button>
                            <About id=id.clone()/>
                        </li>
                    }
                }
            </For>
        </ul>
    }
}

/// Moves keyboard focus to the element with `id` once the DOM has caught up — unless focus has
/// moved on meanwhile (it is neither where it was, nor lost with a moved or hidden node): a
/// quick keyboard user's next control keeps it.
pub(super) fn refocus(id: String) {
    let before = document().active_element();
    request_animation_frame(move || {
        let now = document().active_element();
        let lost = crate::ui::view::focus_lost(now.as_ref());
        if !lost && now != before {
            return;
        }
        if let Some(el) = document().get_element_by_id(&id)
            && let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el)
        {
            let _ = el.focus();
        }
    });
}
