use leptos::prelude::*;
use std::collections::BTreeSet;
use vagval_core::crdt::to_json;
use vagval_core::round::{Override, Round, RoundResult};
use vagval_core::{Command, Id, Kind, Localized};

use super::Shown;
use super::capacity::CapacityDecisionForm;
use crate::i18n::use_i18n;
use crate::modules::prioritisation::texts::ModuleI18n;
use crate::state::{now_ms, use_app};
use crate::ui::view::{list, text, when};

/// The capacity rule's selection and the facilitator's overrides (reason required, logged).
#[component]
pub(super) fn Selection(
    round: Memo<Option<Round>>,
    rows: Memo<Vec<Shown>>,
    result: Memo<Option<RoundResult>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let root = move || result.with_untracked(|r| r.as_ref().map(|r| r.ballots_root.clone()));
    let stale = Memo::new(move |_| {
        round.with(|r| {
            r.as_ref().is_some_and(|r| {
                result.with(|res| res.as_ref().and_then(|res| res.override_stale(r)) == Some(true))
            })
        })
    });
    let confirm_stale = move |_| {
        let Some(r) = round.get_untracked() else {
            return;
        };
        let mut list = r.overrides().cloned().unwrap_or_default();
        let Some(last) = list.last().cloned() else {
            return;
        };
        list.push(Override {
            items: last.items,
            reason: format!("{} {}", i18n.v().stale_confirmed_prefix, last.reason),
            at: now_ms(),
            for_root: root(),
        });
        let _ = app.dispatch(&Command::edit(
            Kind::Round,
            &r.id,
            "overrides",
            to_json(&list),
        ));
    };
    let pick = RwSignal::new(None::<BTreeSet<Id>>);
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let overrides = Memo::new(move |_| {
        round.with(|r| {
            r.as_ref()
                .and_then(Round::overrides)
                .cloned()
                .unwrap_or_default()
        })
    });
    let rule = move || {
        let lang = i18n.lang();
        round.with(|r| match r.as_ref().and_then(Round::capacity_rule) {
            Some(c) => crate::modules::prioritisation::labels::capacity_text(c, lang),
            None => i18n.v().no_capacity.to_owned(),
        })
    };
    let is_picked = move |id: &Id| {
        pick.with(|p| {
            p.as_ref().map_or_else(
                || rows.with(|r| r.iter().any(|x| &x.item == id && x.selected)),
                |p| p.contains(id),
            )
        })
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(r) = round.get_untracked() else {
            return;
        };
        let text = reason.get_untracked().trim().to_owned();
        if text.chars().count() < 10 {
            error.set(Some(i18n.v().reason_missing.to_owned()));
            return;
        }
        let items: Vec<Id> = rows.with_untracked(|rs| {
            rs.iter()
                .map(|x| x.item.clone())
                .filter(|id| is_picked(id))
                .collect()
        });
        let mut list = r.overrides().cloned().unwrap_or_default();
        list.push(Override {
            items,
            reason: text,
            at: now_ms(),
            for_root: root(),
        });
        match app.dispatch(&Command::edit(
            Kind::Round,
            &r.id,
            "overrides",
            to_json(&list),
        )) {
            Ok(()) => {
                error.set(None);
                reason.set(String::new());
                pick.set(None);
            }
            Err(e) => error.set(Some(e.message(i18n.lang()))),
        }
    };
    view! {
        <section class="card" aria-labelledby="selection-heading" data-testid="selection">
            <h2 id="selection-heading">{i18n.trv(|t| t.selection)}</h2>
            <p>{i18n.trv(|t| t.rule)}": "{text(rule)}</p>
            {when(move || stale.get(), move || view! {
                <div class="notice warning" role="alert" data-testid="override-stale">
                    <h3>{i18n.trv(|t| t.stale_heading)}</h3>
                    <p>{i18n.trv(|t| t.stale_body)}</p>
                    <button type="button" class="secondary" data-testid="override-confirm" on:click=confirm_stale>{i18n.trv(|t| t.stale_confirm)}</button>
                </div>
            }.into_any())}
            <CapacityDecisionForm round=round/>
            <form on:submit=save class="override">
                <fieldset>
                    <legend>{i18n.trv(|t| t.override_legend)}</legend>
                    <ul class="check-list">
                        {list(move || rows.get(), move |r| {
                                let (a, b) = (r.item.clone(), r.item.clone());
                                let toggle = move |ev| {
                                    let on = event_target_checked(&ev);
                                    let current: BTreeSet<Id> = rows.with_untracked(|rs| rs.iter().filter(|x| is_picked(&x.item)).map(|x| x.item.clone()).collect());
                                    let mut next = current;
                                    if on { next.insert(b.clone()); } else { next.remove(&b); }
                                    pick.set(Some(next));
                                };
                                view! {
                                    <li><label class="choice">
                                        <input type="checkbox" prop:checked=Signal::derive(move || is_picked(&a)) on:change=toggle/>
                                        <span>{r.rank}". "{r.title.clone()}</span>
                                    </label></li>
                                }.into_any()
                        })}
                    </ul>
                </fieldset>
                <div class="field">
                    <label for="override-reason">{i18n.trv(|t| t.override_reason)}</label>
                    <textarea id="override-reason" rows="3" prop:value=reason
                        on:input=move |ev| reason.set(event_target_value(&ev))
                        aria-describedby="override-error"></textarea>
                </div>
                <p id="override-error" class="field-error" role="alert">{text(move || error.get().unwrap_or_default())}</p>
                <button type="submit" data-testid="save-override">{i18n.trv(|t| t.save_override)}</button>
            </form>
            {when(move || overrides.with(|o| !o.is_empty()), move || view! {
                <h3>{i18n.trv(|t| t.override_log)}</h3>
                <ol class="log" data-testid="override-log">
                    {list(move || overrides.get(), move |o| view! {
                        <li>
                            {crate::state::date_of(o.at)}": "{o.reason.clone()}" ("{o.items.len()}" "{i18n.trv(|t| t.items_word)}")"
                        </li>
                    }.into_any())}
                </ol>
            }.into_any())}
        </section>
    }
}
