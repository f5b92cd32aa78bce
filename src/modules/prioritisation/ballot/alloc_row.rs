use leptos::prelude::*;
use vagval_core::prioritisation::casting::Allocation;

use super::Item;
use super::about::About;
use super::draft::Draft;
use crate::i18n::use_i18n;
use crate::modules::prioritisation::texts::ModuleI18n;

#[component]
pub(super) fn AllocRow(
    item: Item,
    draft: Draft,
    full: Memo<bool>,
    limits: Allocation,
    approval: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let (id, title, municipality) = item;
    // This row's own signal (kept across hand-overs; clearing sets it to 0).
    let value = draft
        .alloc
        .try_update_value(|a| {
            a.entry(id.clone())
                .or_insert_with(|| ArcRwSignal::new(0))
                .clone()
        })
        .unwrap_or_else(|| ArcRwSignal::new(0));
    let value = RwSignal::from(value);
    let used = draft.used;
    let change = move |delta: i64| {
        let now = value.get_untracked();
        let next = limits.change(now, used.get_untracked(), delta);
        if next != now {
            value.set(next);
            used.update(|u| *u = (*u + next).saturating_sub(now));
        }
    };
    let (cap, step) = (limits.cap, limits.step);
    let check_id = format!("approve-{id}");
    let add_label = format!("{} {title}", i18n.v().add_to);
    let remove_label = format!("{} {title}", i18n.v().remove_from);
    let (add, tap) = (change, change);
    view! {
        <li class="ballot-item" class:chosen=move || { value.get() > 0 }>
            {if approval {
                view! {
                    <label class="choice big">
                        <input id=check_id type="checkbox" prop:checked=move || { value.get() > 0 }
                            on:change=move |ev| { let on = event_target_checked(&ev); change(if on { 1 } else { -1 }) }/>
                        <span>{title}<span class="hint">" · "{municipality}</span></span>
                    </label>
                }.into_any()
            } else {
                view! {
                    // A large touch target for the same action as "+" (which keyboard and
                    // screen-reader users reach); not a second control for them.
                    <div class="item-tap" on:click=move |_| tap(i64::from(step))>
                        <span>{title}<span class="hint">" · "{municipality}</span></span>
                    </div>
                    <div class="stepper">
                        <button type="button" class="secondary" aria-label=remove_label on:click=move |_| change(-i64::from(step))
                            prop:disabled=move || value.get() == 0>"−"</button>
                        <output class="count" aria-live="off">{move || value.get()}</output>
                        <button type="button" class="secondary" aria-label=add_label on:click=move |_| add(i64::from(step))
                            prop:disabled=move || { value.get() >= cap || full.get() }>"+"</button>
                    </div>
                }.into_any()
            }}
            <About id=id/>
        </li>
    }
}
