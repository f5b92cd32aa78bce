use leptos::prelude::*;
use std::collections::BTreeSet;
use vagval_core::prioritisation::round_draft::{
    DraftError, MethodForm, RoundDraft, capacity_of, capacity_parts,
};
use vagval_core::round::{Round, ballots_of};
use vagval_core::vote::RankScoring;
use vagval_core::{Id, Localized};

use super::capacity_picker::CapacityPicker;
use super::inspel_choices;
use super::item_choice::ItemChoice;
use super::num_field::NumField;
use crate::app::router::{navigate, use_route};
use crate::i18n::use_i18n;
use crate::modules::prioritisation::labels::METHOD_KINDS;
use crate::modules::prioritisation::round_path;
use crate::modules::prioritisation::texts::ModuleI18n;
use crate::state::{iso_now, new_id, use_app};

pub(super) const SCORINGS: [(RankScoring, &str); 5] = [
    (RankScoring::Borda, "borda"),
    (RankScoring::ModifiedBorda, "modified_borda"),
    (RankScoring::FixedK, "fixed_k"),
    (RankScoring::Schulze, "schulze"),
    (RankScoring::Copeland, "copeland"),
];

/// Creates a round, or edits one whose rules are not locked yet. A locked round's form
/// offers "new round with changed rules" instead.
#[component]
pub fn RulesForm(round: Option<Round>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let router = use_route();
    let choices = inspel_choices(app, i18n);
    let existing = round.as_ref().map(|r| r.id.clone());
    let locked = {
        let existing = existing.clone();
        Memo::new(move |_| {
            existing
                .as_ref()
                .is_some_and(|id| app.doc.with(|d| !ballots_of(d, id).is_empty()))
        })
    };
    let copy = RwSignal::new(false);
    let disabled = move || locked.get() && !copy.get();
    let r = round.as_ref();
    let form = MethodForm::of(&r.and_then(Round::method).cloned().unwrap_or_default());
    let title = RwSignal::new(r.and_then(Round::title).cloned().unwrap_or_default());
    let kind = RwSignal::new(
        METHOD_KINDS
            .into_iter()
            .find(|k| *k == form.kind)
            .unwrap_or(METHOD_KINDS[0]),
    );
    let (budget, cap, all_required) = (
        RwSignal::new(form.budget),
        RwSignal::new(form.cap),
        RwSignal::new(form.all_required),
    );
    let (total, max_per_item) = (RwSignal::new(form.total), RwSignal::new(form.max_per_item));
    let (top_k, scoring) = (RwSignal::new(form.top_k), RwSignal::new(form.scoring));
    let at_most = RwSignal::new(form.at_most);
    let seed = RwSignal::new(
        r.and_then(Round::seed)
            .cloned()
            .unwrap_or_else(|| iso_now()[..10].to_owned()),
    );
    let (ck0, cv0) = capacity_parts(r.and_then(Round::capacity_rule));
    let (cap_kind, cap_value) = (RwSignal::new(ck0), RwSignal::new(cv0));
    let chosen = RwSignal::new(r.map(Round::item_set));
    let costs = RwSignal::new(r.and_then(Round::costs).cloned().unwrap_or_default());
    let error = RwSignal::new(None::<String>);
    let is_chosen = move |id: &Id| chosen.with(|c| c.as_ref().is_none_or(|c| c.contains(id)));

    // The form's fields as the core's method form (the rules live there).
    let method_form = move || MethodForm {
        kind: kind.get_untracked().to_owned(),
        budget: budget.get_untracked(),
        cap: cap.get_untracked(),
        all_required: all_required.get_untracked(),
        total: total.get_untracked(),
        max_per_item: max_per_item.get_untracked(),
        top_k: top_k.get_untracked(),
        scoring: scoring.get_untracked(),
        at_most: at_most.get_untracked(),
    };
    let submit = {
        let round = round.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let items: Vec<Id> = choices.with_untracked(|c| {
                c.iter()
                    .map(|(id, ..)| id.clone())
                    .filter(|id| is_chosen(id))
                    .collect()
            });
            let lang = i18n.lang();
            let draft = RoundDraft {
                title: title.get_untracked(),
                items,
                method: method_form().method(),
                seed: seed.get_untracked(),
                capacity: capacity_of(cap_kind.get_untracked(), cap_value.get_untracked()),
                costs: costs.get_untracked(),
                now_ms: crate::state::now_ms(),
            };
            let built = draft.command(
                round.as_ref(),
                locked.get_untracked() || copy.get_untracked(),
                new_id(),
            );
            let (cmd, target) = match built {
                Ok(built) => built,
                Err(DraftError::TooFewItems) => {
                    error.set(Some(i18n.v().too_few_items.to_owned()));
                    return;
                }
            };
            match app.dispatch(&cmd) {
                Ok(()) => {
                    error.set(None);
                    if let Some(id) = target {
                        navigate(router, &round_path(&id));
                    }
                }
                Err(e) => error.set(Some(e.message(lang))),
            }
        }
    };
    let heading = existing.is_some();
    view! {
        <form class="card rules" on:submit=submit aria-labelledby="rules-heading" data-testid="rules-form">
            <h2 id="rules-heading">{move || if heading { i18n.v().rules } else { i18n.v().new_round }}</h2>
            <Show when=move || locked.get()>
                <p class="notice" role="note">{i18n.trv(|t| t.rules_locked)}</p>
                <Show when=move || !copy.get()>
                    <button type="button" class="secondary" on:click=move |_| copy.set(true)>{i18n.trv(|t| t.new_round_from)}</button>
                </Show>
            </Show>
            <fieldset prop:disabled=disabled>
                <div class="field">
                    <label for="round-title">{i18n.trv(|t| t.round_title)}</label>
                    <input id="round-title" type="text" required autocomplete="off" prop:value=move || title.get()
                        on:input=move |ev| title.set(event_target_value(&ev))/>
                </div>
                <div class="row">
                    <div class="field">
                        <label for="round-method">{i18n.trv(|t| t.method)}</label>
                        <select id="round-method" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if let Some(k) = METHOD_KINDS.iter().find(|k| **k == v) { kind.set(k) }
                        }>
                            {METHOD_KINDS.into_iter().map(|k| view! {
                                <option value=k selected=move || kind.get() == k>{move || crate::modules::prioritisation::labels::method_kind_label(k, i18n.lang())}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <Show when=move || kind.get() == "dots">
                        <NumField id="round-budget" label=|t| t.budget value=budget min=1/>
                        <NumField id="round-cap" label=|t| t.cap value=cap min=1/>
                        <label class="choice">
                            <input type="checkbox" prop:checked=move || all_required.get()
                                on:change=move |ev| all_required.set(event_target_checked(&ev))/>
                            {i18n.trv(|t| t.all_required)}
                        </label>
                    </Show>
                    <Show when=move || kind.get() == "points">
                        <NumField id="round-total" label=|t| t.total value=total min=1/>
                        <NumField id="round-max" label=|t| t.max_per_item value=max_per_item/>
                    </Show>
                    <Show when=move || kind.get() == "ranking">
                        <NumField id="round-topk" label=|t| t.top_k value=top_k/>
                        <label class="choice">
                            <input id="round-at-most" type="checkbox" prop:checked=move || at_most.get() on:change=move |ev| at_most.set(event_target_checked(&ev))/>
                            {i18n.trv(|t| t.up_to_k)}
                        </label>
                        <div class="field">
                            <label for="round-scoring">{i18n.trv(|t| t.scoring)}</label>
                            <select id="round-scoring" on:change=move |ev| {
                                let v = event_target_value(&ev);
                                if let Some((s, _)) = SCORINGS.iter().find(|(_, k)| *k == v) { scoring.set(*s) }
                            }>
                                {SCORINGS.into_iter().map(|(s, k)| view! {
                                    <option value=k selected=move || scoring.get() == s>{move || crate::modules::prioritisation::labels::scoring_label(s, i18n.lang())}</option>
                                }).collect_view()}
                            </select>
                        </div>
                    </Show>
                </div>
                <p class="hint">{move || crate::modules::prioritisation::labels::method_help(kind.get(), i18n.lang())}</p>
                <div class="row">
                    <div class="field grow">
                        <label for="round-seed">{i18n.trv(|t| t.seed)}</label>
                        <input id="round-seed" type="text" autocomplete="off" aria-describedby="round-seed-hint"
                            prop:value=move || seed.get() on:input=move |ev| seed.set(event_target_value(&ev))/>
                        <p id="round-seed-hint" class="hint">{i18n.trv(|t| t.seed_hint)}</p>
                    </div>
                    <CapacityPicker id="round-capacity" kind=cap_kind value=cap_value/>
                </div>
                <fieldset class="items">
                    <legend>{i18n.trv(|t| t.items)}" ("{move || choices.with(|c| c.iter().filter(|(id, ..)| is_chosen(id)).count())}")"</legend>
                    <div class="row">
                        <button type="button" class="secondary small" on:click=move |_| chosen.set(None)>{i18n.trv(|t| t.all)}</button>
                        <button type="button" class="secondary small" on:click=move |_| chosen.set(Some(BTreeSet::new()))>{i18n.trv(|t| t.none)}</button>
                    </div>
                    <ul class="check-list">
                        <For each=move || choices.get() key=|c| c.0.clone() let:c>
                            <ItemChoice id=c.0 title=c.1 municipality=c.2 chosen=chosen costs=costs
                                show_cost=Signal::derive(move || matches!(cap_kind.get(), "greedy" | "optimal"))
                                all=choices/>
                        </For>
                    </ul>
                </fieldset>
            </fieldset>
            <p class="field-error" role="alert">{move || error.get()}</p>
            <Show when=move || !disabled()>
                <button type="submit" data-testid="save-round">
                    {move || if heading && !locked.get() && !copy.get() { i18n.v().save_rules } else { i18n.v().create_round }}
                </button>
            </Show>
        </form>
    }
}
