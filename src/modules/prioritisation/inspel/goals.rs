//! The goals an inspel serves: one group per goal set (closed until opened, a set may hold
//! 169 goals), a checkbox per goal; each tick is one undoable command from the core
//! (`link_goal`). Links to goals removed since show as such and can be taken away.
use leptos::prelude::*;
use vagval_core::conflicts::goal::{goals_of, link_label, live_sets};
use vagval_core::model::{GOAL_LINKS_MAX, Inspel, link_goal};
use vagval_core::{Id, Localized};

use crate::i18n::use_i18n;
use crate::modules::prioritisation::texts::ModuleI18n;
use crate::state::use_app;
use crate::ui::view::text;

/// One goal set: its name and its goals as (id, code and name).
type Group = (String, Vec<(Id, String)>);

#[component]
pub(super) fn GoalLinks(record: Memo<Option<Inspel>>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let groups = Memo::new(move |_| {
        app.doc.with(|d| {
            live_sets(d)
                .into_iter()
                .map(|(set, name)| {
                    let goals = goals_of(d, &set)
                        .into_iter()
                        .map(|g| (g.id.clone(), g.display()))
                        .collect();
                    (name, goals)
                })
                .filter(|(_, g): &Group| !g.is_empty())
                .collect::<Vec<Group>>()
        })
    });
    let linked = Memo::new(move |_| {
        record.with(|r| {
            r.as_ref()
                .and_then(Inspel::goal_links)
                .cloned()
                .unwrap_or_default()
        })
    });
    let toggle = move |goal: &Id, on: bool| {
        let cmd = record.with_untracked(|r| r.as_ref().and_then(|r| link_goal(r, goal, on)));
        if let Some(cmd) = cmd {
            error.set(app.dispatch(&cmd).err().map(|e| e.message(i18n.lang())));
        }
    };
    // The chosen goals by name, removed ones named as such (they can be unticked here).
    let chosen = move || {
        let names = app.doc.with(|d| {
            linked.with(|l| {
                l.iter()
                    .map(|g| (g.clone(), link_label(d, g)))
                    .collect::<Vec<_>>()
            })
        });
        names
            .into_iter()
            .map(|(g, name)| {
                let label = name.clone().unwrap_or_else(|| i18n.v().goal_removed.to_owned());
                view! {
                    <li data-testid="goal-link">
                        <label class="choice">
                            <input type="checkbox" checked=true on:change=move |_| toggle(&g, false)/>
                            <span class:muted=name.is_none()>{label}</span>
                        </label>
                    </li>
                }
            })
            .collect_view()
    };
    let full = move || linked.with(Vec::len) >= GOAL_LINKS_MAX;
    let group_view = move |(name, goals): Group| {
        let ids: Vec<Id> = goals.iter().map(|(g, _)| g.clone()).collect();
        let count = move || linked.with(|l| ids.iter().filter(|g| l.contains(g)).count());
        view! {
            <details class="goal-set">
                <summary>{move || format!("{name} ({} {})", count(), i18n.v().chosen_word)}</summary>
                <ul class="plain-list">
                    {goals.into_iter().map(|(g, label)| {
                        let g2 = g.clone();
                        let on = Memo::new(move |_| linked.with(|l| l.contains(&g)));
                        view! {
                            <li>
                                <label class="choice">
                                    <input type="checkbox" prop:checked=on prop:disabled=move || !on.get() && full()
                                        on:change=move |ev| toggle(&g2, event_target_checked(&ev))/>
                                    <span>{label}</span>
                                </label>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </details>
        }
    };
    view! {
        <fieldset class="choices" data-testid="goal-links">
            <legend>{i18n.trv(|t| t.goal_links)}</legend>
            <p class="hint">{i18n.trv(|t| t.goal_links_hint)}</p>
            <ul class="plain-list">{chosen}</ul>
            {move || {
                let gs = groups.get();
                if gs.is_empty() {
                    view! { <p class="hint">{i18n.trv(|t| t.goal_links_none)}</p> }.into_any()
                } else {
                    gs.into_iter().map(group_view).collect_view().into_any()
                }
            }}
            <p class="field-error" role="alert">{text(move || error.get().unwrap_or_default())}</p>
        </fieldset>
    }
}
