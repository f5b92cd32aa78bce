use leptos::prelude::*;
use vagval_core::crdt::to_json;
use vagval_core::round::Round;
use vagval_core::{Command, Kind, Localized};

use crate::i18n::use_i18n;
use crate::modules::prioritisation::texts::ModuleI18n;
use crate::state::{now_ms, use_app};

/// The facilitator's capacity decision, taken apart from the ballots' rules and logged (who,
/// when, before or after the results were shown).
#[component]
pub(super) fn CapacityDecisionForm(round: Memo<Option<Round>>) -> impl IntoView {
    use crate::modules::prioritisation::rounds::CapacityPicker;
    use vagval_core::prioritisation::round_draft::{capacity_of, capacity_parts};
    use vagval_core::round::CapacityDecision;
    let i18n = use_i18n();
    let app = use_app();
    let (k0, v0) =
        capacity_parts(round.with_untracked(|r| r.as_ref().and_then(Round::capacity_rule)));
    let (kind, value) = (RwSignal::new(k0), RwSignal::new(v0));
    let who = RwSignal::new(String::new());
    let after = RwSignal::new(true);
    let error = RwSignal::new(None::<String>);
    let decided =
        Memo::new(move |_| round.with(|r| r.as_ref().and_then(Round::capacity_decision).cloned()));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(r) = round.get_untracked() else {
            return;
        };
        let name = who.get_untracked().trim().to_owned();
        if name.is_empty() {
            error.set(Some(i18n.v().cap_who_missing.to_owned()));
            return;
        }
        let mut log = r.capacity_log().cloned().unwrap_or_default();
        log.push(CapacityDecision {
            rule: capacity_of(kind.get_untracked(), value.get_untracked()),
            who: name,
            at: now_ms(),
            after_results: after.get_untracked(),
        });
        match app.dispatch(&Command::edit(
            Kind::Round,
            &r.id,
            "capacity_log",
            to_json(&log),
        )) {
            Ok(()) => error.set(None),
            Err(e) => error.set(Some(e.message(i18n.lang()))),
        }
    };
    view! {
        <form class="card inset" on:submit=save data-testid="capacity-decision">
            <h3>{i18n.trv(|t| t.cap_heading)}</h3>
            <p class="hint">{i18n.trv(|t| t.cap_help)}</p>
            {move || decided.get().filter(|d| !d.who.is_empty()).map(|d| {
                let t = i18n.v();
                view! { <p data-testid="capacity-decided">{format!("{} {} {}, {}.", t.cap_decided_by, d.who, crate::state::date_of(d.at), if d.after_results { t.cap_after } else { t.cap_before })}</p> }
            })}
            <div class="row">
                <CapacityPicker id="decision-capacity" kind=kind value=value/>
                <div class="field">
                    <label for="decision-who">{i18n.trv(|t| t.cap_who)}</label>
                    <input id="decision-who" type="text" autocomplete="off" aria-describedby="decision-error"
                        prop:value=move || who.get() on:input=move |ev| who.set(event_target_value(&ev))/>
                </div>
            </div>
            <label class="choice">
                <input type="checkbox" prop:checked=move || after.get() on:change=move |ev| after.set(event_target_checked(&ev))/>
                {i18n.trv(|t| t.cap_after_results)}
            </label>
            <p id="decision-error" class="field-error" role="alert">{move || error.get()}</p>
            <button type="submit" class="secondary" data-testid="capacity-save">{i18n.trv(|t| t.cap_save)}</button>
        </form>
    }
}
