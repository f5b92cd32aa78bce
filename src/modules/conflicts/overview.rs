//! The module's start page: goal sets with their goals, matrices with their progress, cases;
//! and the forms that create them.
use leptos::prelude::*;
use vagval_core::conflicts::goal::{Goal, GoalSource};
use vagval_core::conflicts::stats::Reveal;
use vagval_core::conflicts::workflow;
use vagval_core::crdt::Record;
use vagval_core::{Command, Id, Kind, Lang};

use super::texts::ConflictsI18n;
use super::{CASE, MATRIX};
use crate::app::pages::page_title;
use crate::i18n::use_i18n;
use crate::state::{new_id, use_app};
use crate::ui::SelectField;
use crate::ui::view::list;

const SOURCES: [GoalSource; 3] = [
    GoalSource::Agenda2030,
    GoalSource::Dimensions,
    GoalSource::Custom,
];

fn source_name(i: usize, lang: Lang) -> &'static str {
    SOURCES.get(i).map_or("", |s| s.label(lang))
}

use vagval_core::conflicts::goal::live_sets as sets;

/// The goals of `set` in order (owned, for memos).
pub(super) fn goals_of(doc: &vagval_core::Doc, set: &Id) -> Vec<Goal> {
    vagval_core::conflicts::goal::goals_of(doc, set)
        .into_iter()
        .cloned()
        .collect()
}

/// For each goal some inspel serves: those inspel named (the first three, then how many
/// more).
fn served_by(doc: &vagval_core::Doc, lang: Lang) -> std::collections::BTreeMap<Id, String> {
    vagval_core::conflicts::goal::inspel_by_goal(doc)
        .into_iter()
        .map(|(goal, all)| {
            let mut names: Vec<String> = all
                .iter()
                .take(3)
                .map(|r| r.title().cloned().unwrap_or_default())
                .collect();
            if all.len() > 3 {
                names.push(
                    super::texts::texts(lang)
                        .and_more
                        .replace("{n}", &(all.len() - 3).to_string()),
                );
            }
            (goal.clone(), names.join(", "))
        })
        .collect()
}

#[component]
pub(super) fn OverviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    page_title(move || super::texts::card(i18n.lang()).title);
    let all_sets = Memo::new(move |_| app.doc.with(sets));
    // Which inspel serve each goal: one pass over the inspel for every set's list.
    let served = Memo::new(move |_| app.doc.with(|d| served_by(d, i18n.lang())));
    // A chosen set is kept by id (a set added meanwhile, here or by a merge, moves the others
    // in the list); none chosen, or one no longer there: the first in the list.
    let chosen = move |id: Option<Id>| {
        all_sets.with_untracked(|s| {
            id.filter(|id| s.iter().any(|x| &x.0 == id))
                .or_else(|| s.first().map(|x| x.0.clone()))
        })
    };
    let error = RwSignal::new(None::<String>);
    let run = move |cmd: &vagval_core::Command| app.run(cmd, error, i18n.lang());

    // New goal set.
    let set_name = RwSignal::new(String::new());
    let set_source = RwSignal::new(Some(0_usize));
    let new_set = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let source = set_source
            .get_untracked()
            .and_then(|i| SOURCES.get(i).copied())
            .unwrap_or_default();
        let name = set_name.get_untracked();
        let name = if name.trim().is_empty() {
            source.label(i18n.lang()).to_owned()
        } else {
            name.trim().to_owned()
        };
        let (cmd, _) = workflow::new_goal_set(&new_id(), &name, source, i18n.lang(), new_id);
        if run(&cmd) {
            set_name.set(String::new());
        }
    };

    // New goal.
    let goal_set = RwSignal::new(None::<Id>);
    let goal_code = RwSignal::new(String::new());
    let goal_name = RwSignal::new(String::new());
    let goal_sami = RwSignal::new(false);
    let add_goal = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(set) = chosen(goal_set.get_untracked()) else {
            return;
        };
        let order = app
            .doc
            .with_untracked(|d| u32::try_from(goals_of(d, &set).len()).unwrap_or(u32::MAX));
        let id = new_id();
        let mut commands = vec![workflow::new_goal(
            &id,
            &set,
            goal_code.get_untracked().trim(),
            goal_name.get_untracked().trim(),
            order,
        )];
        if goal_sami.get_untracked() {
            commands.push(Goal::SAMI.edit(&id, &true));
        }
        if run(&Command::Batch { commands }) {
            goal_code.set(String::new());
            goal_name.set(String::new());
            goal_sami.set(false);
        }
    };

    // New matrix.
    let matrix_name = RwSignal::new(String::new());
    let matrix_set = RwSignal::new(None::<Id>);
    let new_matrix = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(set) = chosen(matrix_set.get_untracked()) else {
            return;
        };
        let goals: Vec<Id> = app
            .doc
            .with_untracked(|d| goals_of(d, &set).iter().map(|g| g.id().clone()).collect());
        let id = new_id();
        if run(&workflow::new_matrix(
            &id,
            matrix_name.get_untracked().trim(),
            &set,
            &goals,
        )) {
            matrix_name.set(String::new());
            crate::app::router::navigate(crate::app::router::use_route(), &format!("{MATRIX}{id}"));
        }
    };

    // New case.
    let case_title = RwSignal::new(String::new());
    let case_diary = RwSignal::new(String::new());
    let new_case = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = new_id();
        let matrix = app.doc.with_untracked(|d| {
            d.matrices
                .live()
                .find(|m| m.removed() != Some(&true))
                .map(|m| m.id().clone())
        });
        let mut fields = std::collections::BTreeMap::new();
        fields.insert(
            "title".to_owned(),
            serde_json::json!(case_title.get_untracked().trim()),
        );
        fields.insert(
            "diary".to_owned(),
            serde_json::json!(case_diary.get_untracked().trim()),
        );
        if let Some(m) = matrix {
            fields.insert("matrix".to_owned(), serde_json::json!(m));
        }
        if run(&Command::Create {
            kind: Kind::Case,
            id: id.clone(),
            fields,
        }) {
            case_title.set(String::new());
            case_diary.set(String::new());
            crate::app::router::navigate(crate::app::router::use_route(), &format!("{CASE}{id}"));
        }
    };

    let set_names = move || all_sets.get();
    let matrices = Memo::new(move |_| {
        app.doc.with(|d| {
            let mut v: Vec<(Id, String, usize, usize, usize)> = d
                .matrices
                .live()
                .filter(|m| m.removed() != Some(&true))
                .filter_map(|m| {
                    let r = Reveal::of(d, m.id())?;
                    Some((
                        m.id().clone(),
                        m.name().cloned().unwrap_or_default(),
                        r.judged,
                        r.wanted,
                        r.raters.len(),
                    ))
                })
                .collect();
            v.sort_by(|a, b| a.1.cmp(&b.1));
            v
        })
    });
    let cases = Memo::new(move |_| {
        app.doc.with(|d| {
            let mut v: Vec<(Id, String, String)> = d
                .cases
                .live()
                .filter(|c| c.removed() != Some(&true))
                .map(|c| {
                    (
                        c.id().clone(),
                        c.title().cloned().unwrap_or_default(),
                        c.diary().cloned().unwrap_or_default(),
                    )
                })
                .collect();
            v.sort_by(|a, b| a.1.cmp(&b.1));
            v
        })
    });
    view! {
        <article class="page conflicts">
            <h1>{move || super::texts::card(i18n.lang()).title}</h1>
            <p class="lead">{move || super::texts::card(i18n.lang()).summary}</p>
            <p class="field-error" role="alert">{move || error.get()}</p>

            <section class="card" aria-labelledby="matrices-heading" data-testid="matrices">
                <h2 id="matrices-heading">{i18n.trc(|t| t.matrices)}</h2>
                <ul class="plain-list">
                    {list(move || matrices.get(), move |(id, name, judged, wanted, raters)| view! {
                        <li>
                            <a href=format!("{MATRIX}{id}") data-testid="matrix-link">{name}</a>
                            <span class="hint">{format!(" · {judged} {} {wanted} · {raters} {}", i18n.c().judged_of, i18n.c().raters_word)}</span>
                        </li>
                    }.into_any())}
                </ul>
                <form on:submit=new_matrix class="inline-form" data-testid="new-matrix">
                    <h3>{i18n.trc(|t| t.new_matrix)}</h3>
                    <div class="field">
                        <label for="matrix-name">{i18n.trc(|t| t.matrix_name)}</label>
                        <input id="matrix-name" type="text" required prop:value=move || matrix_name.get() on:input=move |ev| matrix_name.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for="matrix-set">{i18n.trc(|t| t.goal_set)}</label>
                        <select id="matrix-set" on:change=move |ev| matrix_set.set(vagval_core::Id::parse(&event_target_value(&ev)).ok())>
                            {list(set_names, move |(id, name)| { let sel = matrix_set.get_untracked().as_ref() == Some(&id); view! { <option value=id.to_string() selected=sel>{name}</option> }.into_any() })}
                        </select>
                    </div>
                    <p class="hint">{i18n.trc(|t| t.matrix_goals_hint)}</p>
                    <button type="submit" data-testid="create-matrix">{i18n.trc(|t| t.create)}</button>
                </form>
            </section>

            <section class="card" aria-labelledby="cases-heading" data-testid="cases">
                <h2 id="cases-heading">{i18n.trc(|t| t.cases)}</h2>
                <p>{i18n.trc(|t| t.cases_lead)}</p>
                <ul class="plain-list">
                    {list(move || cases.get(), move |(id, title, diary)| view! {
                        <li><a href=format!("{CASE}{id}") data-testid="case-link">{title}</a><span class="hint">{if diary.is_empty() { String::new() } else { format!(" · {diary}") }}</span></li>
                    }.into_any())}
                </ul>
                <form on:submit=new_case class="inline-form" data-testid="new-case">
                    <h3>{i18n.trc(|t| t.new_case)}</h3>
                    <div class="field">
                        <label for="case-title">{i18n.trc(|t| t.case_title)}</label>
                        <input id="case-title" type="text" required prop:value=move || case_title.get() on:input=move |ev| case_title.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for="case-diary">{i18n.trc(|t| t.diary)}</label>
                        <input id="case-diary" type="text" prop:value=move || case_diary.get() on:input=move |ev| case_diary.set(event_target_value(&ev))/>
                    </div>
                    <button type="submit" data-testid="create-case">{i18n.trc(|t| t.create)}</button>
                </form>
            </section>

            <section class="card" aria-labelledby="sets-heading" data-testid="goal-sets">
                <h2 id="sets-heading">{i18n.trc(|t| t.sets)}</h2>
                <p>{i18n.trc(|t| t.sets_lead)}</p>
                {list(set_names, move |(id, name)| {
                    let goals = Memo::new(move |_| app.doc.with(|d| goals_of(d, &id)));
                    view! {
                        <details class="goal-set">
                            <summary>{move || format!("{name} ({} {})", goals.with(Vec::len), i18n.c().goals_word)}</summary>
                            <ol class="goal-list">
                                {move || goals.get().into_iter().map(|g| {
                                    let served = served.with(|s| s.get(g.id()).cloned());
                                    view! {
                                        <li>{g.display()}{g.sami().copied().unwrap_or(false).then_some(" ◆")}
                                            {served.map(|s| view! { <span class="hint" data-testid="served-by">{format!(" · {}: {s}", i18n.c().served_by)}</span> })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ol>
                        </details>
                    }.into_any()
                })}
                <form on:submit=new_set class="inline-form" data-testid="new-set">
                    <h3>{i18n.trc(|t| t.new_set)}</h3>
                    <SelectField id="set-source" label=i18n.trc(|t| t.set_source) count=SOURCES.len() name=source_name
                        selected=Signal::derive(move || set_source.get()) on_change=Callback::new(move |i| set_source.set(i))/>
                    <div class="field">
                        <label for="set-name">{i18n.trc(|t| t.set_name)}</label>
                        <input id="set-name" type="text" prop:value=move || set_name.get() on:input=move |ev| set_name.set(event_target_value(&ev))/>
                    </div>
                    <button type="submit" data-testid="create-set">{i18n.trc(|t| t.create)}</button>
                </form>
                <form on:submit=add_goal class="inline-form" data-testid="new-goal">
                    <h3>{i18n.trc(|t| t.add_goal)}</h3>
                    <div class="field">
                        <label for="goal-set">{i18n.trc(|t| t.goal_set)}</label>
                        <select id="goal-set" on:change=move |ev| goal_set.set(vagval_core::Id::parse(&event_target_value(&ev)).ok())>
                            {list(set_names, move |(id, name)| { let sel = goal_set.get_untracked().as_ref() == Some(&id); view! { <option value=id.to_string() selected=sel>{name}</option> }.into_any() })}
                        </select>
                    </div>
                    <div class="field">
                        <label for="goal-code">{i18n.trc(|t| t.goal_code)}</label>
                        <input id="goal-code" type="text" maxlength="16" prop:value=move || goal_code.get() on:input=move |ev| goal_code.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for="goal-name">{i18n.trc(|t| t.goal_name)}</label>
                        <input id="goal-name" type="text" required prop:value=move || goal_name.get() on:input=move |ev| goal_name.set(event_target_value(&ev))/>
                    </div>
                    <label class="choice"><input type="checkbox" prop:checked=move || goal_sami.get() on:change=move |ev| goal_sami.set(event_target_checked(&ev))/><span>{i18n.trc(|t| t.goal_sami)}</span></label>
                    <button type="submit" data-testid="add-goal">{i18n.trc(|t| t.add_goal)}</button>
                </form>
                <super::goal_import::GoalImport set=Signal::derive(move || { all_sets.track(); chosen(goal_set.get()) })/>
            </section>
        </article>
    }
}
