use leptos::prelude::*;
use vagval_core::prioritisation::casting::Allocation;
use vagval_core::vote::Method;

use super::Item;
use super::alloc_row::AllocRow;
use super::draft::Draft;

/// Dots, approval and points.
#[component]
pub(super) fn AllocBallot(items: Memo<Vec<Item>>, draft: Draft, method: Method) -> impl IntoView {
    let limits = Allocation::of(&method);
    let approval = matches!(method, Method::Approval);
    // One sum for all rows (not one per row): a tap re-runs one memo, then only the rows
    // whose value or "budget used up" state changed touch the DOM.
    let used = draft.used;
    let full = Memo::new(move |_| limits.full(used.get()));
    view! {
        <ul class="ballot-items">
            <For each=move || items.get() key=|i| i.0.clone() let:item>
                <AllocRow item=item draft=draft full=full limits=limits approval=approval/>
            </For>
        </ul>
    }
}
