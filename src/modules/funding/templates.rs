//! The criteria templates: each with its version, where its rules come from and its rules in
//! words; copied (a template of its own, version 1) or changed in a form (a changed criteria is
//! the next version; `proofing::template`). An assessment keeps the copy of the criteria it
//! was begun with, so a change here never changes a stored assessment.
use leptos::prelude::*;
use vagval_core::proofing::rules::{Criteria, Gate, Level, Scoring};
use vagval_core::proofing::template::{TemplateForm, save_template, template_form};
use vagval_core::proofing::workflow::copy_template;
use vagval_core::{Id, Lang, Localized};

use super::form::{area, input};
use super::texts::{FundingI18n, Texts};
use crate::i18n::use_i18n;
use crate::state::{new_id, use_app};
use crate::ui::SelectField;

/// One template as the page shows it.
#[derive(Clone, PartialEq)]
struct Row {
    id: Id,
    name: String,
    version: u32,
    source: String,
    criteria: Criteria,
}

/// A template's rules in words: its gates and its score, the weights visible.
fn rules(c: &Criteria, s: &Texts, lang: Lang) -> Vec<String> {
    let score = match &c.scoring {
        Scoring::Weighted {
            criteria,
            max,
            pass_at,
        } => format!(
            "{}: {} (0–{max}){}",
            s.weighted_short,
            criteria
                .iter()
                .map(|k| format!("{} × {}", k.name, k.weight))
                .collect::<Vec<_>>()
                .join(", "),
            pass_at
                .map(|p| format!(", {} {p} %", s.passes_at))
                .unwrap_or_default()
        ),
        Scoring::Count { points, at_least } => format!(
            "{}: {at_least} {} {}: {}",
            s.count_short,
            s.of,
            points.len(),
            points.join("; ")
        ),
    };
    vec![
        format!("{}: {}", Gate::Formal.label(lang), c.formal.join("; ")),
        format!(
            "{}: {} {}",
            Gate::Horizontal.label(lang),
            c.min_partly,
            s.of_three_partly
        ),
        format!("{}: {}", s.one_of_three, c.one_of_three.label(lang)),
        format!("{}: {}", Gate::Regional.label(lang), c.regional.join("; ")),
        score,
    ]
}

const MIN_PARTLY: [&str; 4] = ["0", "1", "2", "3"];
const ONE_OF_THREE: [Level; 2] = [Level::Not, Level::Partly];

/// The form changing template `id`; `done` when it is saved or left.
#[component]
fn TemplateEditor(id: Id, status: RwSignal<Option<String>>, done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let Some(start) = app
        .doc
        .with_untracked(|d| d.templates.get(&id).map(template_form))
    else {
        return ().into_any();
    };
    let form = RwSignal::new(start);
    let error = RwSignal::new(None::<String>);
    // Memos: the rows and the way of scoring re-draw only when they change, not per key.
    let rows = Memo::new(move |_| form.with(|f| f.criteria.len()));
    let count = Memo::new(move |_| form.with(|f| f.count));
    let sum = Memo::new(move |_| {
        form.with(|f| {
            f.criteria
                .iter()
                .filter_map(|(_, w)| w.trim().parse::<u32>().ok())
                .sum::<u32>()
        })
    });
    let id = StoredValue::new(id);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = i18n.lang();
        let result = app
            .doc
            .with_untracked(|d| id.with_value(|i| save_template(d, i, &form.get_untracked())));
        match result {
            Ok(Some(cmd)) => {
                if app.run(&cmd, error, lang) {
                    status.set(Some(i18n.f().template_changed.to_owned()));
                    done.run(());
                }
            }
            Ok(None) => status.set(Some(i18n.f().nothing_changed.to_owned())),
            Err(e) => error.set(Some(e.message(lang))),
        }
    };
    let row = move |i: usize| {
        let s = i18n.f();
        let get = move |f: &TemplateForm, weight: bool| {
            f.criteria
                .get(i)
                .map(|(n, w)| if weight { w.clone() } else { n.clone() })
                .unwrap_or_default()
        };
        let put = move |v: String, weight: bool| {
            form.update(|f| {
                if let Some((n, w)) = f.criteria.get_mut(i) {
                    *(if weight { w } else { n }) = v;
                }
            });
        };
        view! {
            <tr data-testid="criterion-row">
                <td><input type="text" maxlength="300" aria-label=format!("{} {}", s.criterion, i + 1)
                    prop:value=move || form.with(|f| get(f, false)) on:input=move |ev| put(event_target_value(&ev), false)/></td>
                <td><input type="number" inputmode="numeric" min="0" max="100" aria-label=format!("{} {}", s.weight_label, i + 1)
                    prop:value=move || form.with(|f| get(f, true)) on:input=move |ev| put(event_target_value(&ev), true)/></td>
                <td><button type="button" class="secondary small" aria-label=format!("{} {} {}", s.remove, s.criterion.to_lowercase(), i + 1)
                    on:click=move |_| form.update(|f| if i < f.criteria.len() { f.criteria.remove(i); })>"×"</button></td>
            </tr>
        }
    };
    let weighted = move || {
        let s = i18n.f();
        view! {
            <table class="data">
                <thead><tr><th scope="col">{s.criterion}</th><th scope="col">{s.weight_label}</th><th scope="col"><span class="visually-hidden">{s.remove}</span></th></tr></thead>
                <tbody>{move || (0..rows.get()).map(row).collect_view()}</tbody>
                <tfoot><tr><th scope="row">{s.weights_sum}</th><td data-testid="weights-sum">{move || sum.get()}</td><td></td></tr></tfoot>
            </table>
            <button type="button" class="secondary" data-testid="add-criterion"
                on:click=move |_| form.update(|f| f.criteria.push((String::new(), String::new())))>{s.add_criterion}</button>
            <div class="row">
                {input(form, "tpl-max", |t| t.max_score, "number", |f| f.max.clone(), |f, v| f.max = v)}
                {input(form, "tpl-pass-at", |t| t.pass_at, "numeric", |f| f.pass_at.clone(), |f, v| f.pass_at = v)}
            </div>
        }
    };
    let counted = move || {
        view! {
            {area(form, "tpl-points", |t| t.points, Some(|t| t.one_per_line), |f| f.points.clone(), |f, v| f.points = v)}
            {input(form, "tpl-at-least", |t| t.at_least, "number", |f| f.at_least.clone(), |f, v| f.at_least = v)}
        }
    };
    let radio = move |value: bool, label: fn(&'static Texts) -> &'static str| {
        let rid = if value {
            "scoring-count"
        } else {
            "scoring-weighted"
        };
        view! {
            <div class="field check">
                <input type="radio" name="scoring" id=rid prop:checked=move || count.get() == value
                    on:change=move |_| form.update(|f| f.count = value)/>
                <label for=rid>{move || label(i18n.f())}</label>
            </div>
        }
    };
    view! {
        <form class="card template-form" novalidate on:submit=save data-testid="template-form">
            <h3>{move || i18n.f().change_template}</h3>
            {input(form, "tpl-name", |t| t.name, "text", |f| f.name.clone(), |f, v| f.name = v)}
            {area(form, "tpl-source", |t| t.source, None, |f| f.source.clone(), |f, v| f.source = v)}
            {area(form, "tpl-formal", |t| t.formal, Some(|t| t.one_per_line), |f| f.formal.clone(), |f, v| f.formal = v)}
            <div class="row">
                <SelectField id="min-partly" label=Signal::derive(move || i18n.f().min_partly) count=MIN_PARTLY.len()
                    name=|i, _| MIN_PARTLY.get(i).copied().unwrap_or("")
                    selected=Signal::derive(move || form.with(|f| Some(usize::from(f.min_partly))))
                    on_change=Callback::new(move |i: Option<usize>| form.update(|f| f.min_partly = i.and_then(|i| u8::try_from(i).ok()).unwrap_or(2)))/>
                <SelectField id="one-of-three" label=Signal::derive(move || i18n.f().one_of_three) count=ONE_OF_THREE.len()
                    name=|i, lang| ONE_OF_THREE.get(i).map_or("", |l| l.label(lang))
                    selected=Signal::derive(move || form.with(|f| ONE_OF_THREE.iter().position(|l| *l == f.one_of_three)))
                    on_change=Callback::new(move |i: Option<usize>| form.update(|f| f.one_of_three = i.and_then(|i| ONE_OF_THREE.get(i).copied()).unwrap_or(Level::Not)))/>
            </div>
            {area(form, "tpl-regional", |t| t.regional, Some(|t| t.one_per_line), |f| f.regional.clone(), |f, v| f.regional = v)}
            <fieldset>
                <legend>{move || i18n.f().scoring}</legend>
                {radio(false, |t| t.weighted)}
                {radio(true, |t| t.count_rule)}
            </fieldset>
            {move || if count.get() { counted().into_any() } else { weighted().into_any() }}
            <p class="field-error" role="alert" data-testid="template-error">{move || error.get()}</p>
            <div class="actions">
                <button type="submit" data-testid="save-template">{move || i18n.f().save_version}</button>
                <button type="button" class="secondary" on:click=move |_| done.run(())>{move || i18n.f().cancel}</button>
            </div>
        </form>
    }
    .into_any()
}

#[component]
pub(super) fn TemplatesPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    crate::app::pages::page_title(move || i18n.f().templates);
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    let editing = RwSignal::new(None::<Id>);
    let list = Memo::new(move |_| {
        app.doc.with(|d| {
            let mut v: Vec<Row> = d
                .templates
                .live()
                .filter(|t| t.removed() != Some(&true))
                .map(|t| Row {
                    id: t.id.clone(),
                    name: t.name().cloned().unwrap_or_default(),
                    version: t.version().copied().unwrap_or(1),
                    source: t.source().cloned().unwrap_or_default(),
                    criteria: t.criteria().cloned().unwrap_or_default(),
                })
                .collect();
            vagval_core::order::sort_by(&mut v, |a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
            v
        })
    });
    let copy = move |from: Id| {
        let lang = i18n.lang();
        match app
            .doc
            .with_untracked(|d| copy_template(d, &from, &new_id(), lang))
        {
            Ok(cmd) => {
                if app.run(&cmd, error, lang) {
                    status.set(Some(i18n.f().template_copied.to_owned()));
                }
            }
            Err(e) => error.set(Some(e.message(lang))),
        }
    };
    // Closed (saved or left): the focus goes back to the template's "Ändra mallen".
    let done = Callback::new(move |()| {
        if let Some(t) = editing.get_untracked() {
            crate::ui::view::focus_next_frame(format!("edit-{t}"));
        }
        editing.set(None);
    });
    let cards = move || {
        let lang = i18n.lang();
        let s = i18n.f();
        list.get()
            .into_iter()
            .map(|r| {
                let (copy_id, edit_id) = (r.id.clone(), r.id.clone());
                let open = editing.with(|e| e.as_ref() == Some(&r.id));
                view! {
                    <section class="card" data-testid="template">
                        <h2>{format!("{} – {} {}", r.name, s.version, r.version)}</h2>
                        <p class="hint">{r.source.clone()}</p>
                        <ul>{rules(&r.criteria, s, lang).into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                        <div class="actions no-print">
                            <button type="button" class="secondary" data-testid="edit-template" id=format!("edit-{}", r.id) aria-expanded=open.to_string()
                                on:click=move |_| {
                                    editing.set((!open).then(|| edit_id.clone()));
                                    if !open {
                                        crate::ui::view::focus_next_frame("tpl-name".to_owned());
                                    }
                                }>{s.change_template}</button>
                            <button type="button" class="secondary" data-testid="copy-template" on:click=move |_| copy(copy_id.clone())>{s.copy_template}</button>
                        </div>
                        {open.then(|| view! { <TemplateEditor id=r.id.clone() status done/> })}
                    </section>
                }
            })
            .collect_view()
    };
    view! {
        <article class="page proofing">
            <p class="no-print"><a href=super::CASES>{move || i18n.f().back}</a></p>
            <h1>{move || i18n.f().templates}</h1>
            <p class="lead">{move || i18n.f().templates_help}</p>
            <p class="field-error" role="alert">{move || error.get()}</p>
            <p role="status" data-testid="status">{move || status.get()}</p>
            {cards}
        </article>
    }
}
