use leptos::prelude::*;
use vagval_core::Id;

use super::rank::refocus;
use crate::i18n::use_i18n;
use crate::modules::prioritisation::texts::ModuleI18n;

#[component]
pub(super) fn RankedRow(
    id: Id,
    title: String,
    ranking: RwSignal<Vec<Id>>,
    dragging: RwSignal<Option<Id>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pos = {
        let id = id.clone();
        Memo::new(move |_| ranking.with(|r| r.iter().position(|x| *x == id).unwrap_or(0)))
    };
    let len = Memo::new(move |_| ranking.with(Vec::len));
    let (up_id, down_id) = (format!("up-{id}"), format!("down-{id}"));
    let step = {
        let (up_id, down_id) = (up_id.clone(), down_id.clone());
        move |delta: isize| {
            let p = pos.get_untracked();
            let Some(q) = p.checked_add_signed(delta) else {
                return;
            };
            ranking.update(|r| {
                if q < r.len() {
                    r.swap(p, q)
                }
            });
            // Keep focus on the arrow just used, or on the other one at the ends.
            let at_edge = (delta < 0 && q == 0) || (delta > 0 && q + 1 >= len.get_untracked());
            let keep = if (delta < 0) != at_edge {
                up_id.clone()
            } else {
                down_id.clone()
            };
            refocus(keep);
        }
    };
    let (up, down) = (step.clone(), step);
    let (a, b) = (id.clone(), id.clone());
    let t = i18n.v();
    view! {
        <li data-rank=move || pos.get().to_string() class:dragging=move || dragging.with(|x| x.as_ref() == Some(&a))>
            <span class="handle" aria-hidden="true" on:pointerdown=move |ev: leptos::ev::PointerEvent| {
                ev.prevent_default();
                // The list, not the handle, holds the pointer: the row (and its handle) moves in
                // the DOM as it is dragged, and a moved element would lose the touch.
                let list = ev.target()
                    .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                    .and_then(|el| el.closest("ol.ranked").ok().flatten());
                if let Some(list) = list {
                    let _ = list.set_pointer_capture(ev.pointer_id());
                }
                dragging.set(Some(b.clone()));
            }>"⠿"</span>
            <span class="pos">{move || pos.get() + 1}"."</span>
            <span class="title">{title.clone()}</span>
            <button type="button" id=up_id class="secondary small" aria-label=format!("{} {title}", t.move_up)
                on:click=move |_| up(-1) prop:disabled=move || pos.get() == 0>"↑"</button>
            <button type="button" id=down_id class="secondary small" aria-label=format!("{} {title}", t.move_down)
                on:click=move |_| down(1) prop:disabled=move || { pos.get() + 1 >= len.get() }>"↓"</button>
        </li>
    }
}
