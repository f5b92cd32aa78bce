//! One application: what it is, its decision, its assessments (each assessor's and the joint
//! one), a new assessment begun with a template, and — once two or more assessors' files have
//! been merged — where they differ and the joint assessment agreed from them. The workflows are
//! core functions (`proofing::workflow`).
use leptos::prelude::*;
use vagval_core::actions::funding::kronor;
use vagval_core::actions::workflow::amount_field;
use vagval_core::proofing::records::{Application, Decision, Support};
use vagval_core::proofing::workflow::{
    AppLink, ApplicationForm, agree, application_choices, application_form, application_links,
    begin, compare, evaluation, individual, link_application, save_application,
};
use vagval_core::{Id, Localized};

use super::form::{area, check, input};
use super::texts::{self, FundingI18n};
use super::{APPLICATION, ASSESSMENT, CASES, param};
use crate::i18n::use_i18n;
use crate::state::{new_id, use_app};
use crate::ui::{SelectField, link_list};
use vagval_core::actions::workflow::Named;

/// One pair compared: who, the differences in words, results differ, template versions
/// differ, flags only one commented.
type Pair = (String, Vec<String>, bool, bool, Vec<String>);

fn support_name(i: usize, lang: vagval_core::Lang) -> &'static str {
    Support::ALL.get(i).map_or("", |d| d.label(lang))
}

/// A choice of one record (a matrix, a project) bound to one id of the form; "—" is none.
fn pick(
    form: RwSignal<ApplicationForm>,
    id: &'static str,
    label: super::form::Label,
    options: Memo<Named>,
    get: fn(&ApplicationForm) -> Option<Id>,
    put: fn(&mut ApplicationForm, Option<Id>),
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for=id>{move || label(i18n.f())}</label>
            <select id=id on:change=move |ev| { let v = Id::parse(&event_target_value(&ev)).ok(); form.update(|f| put(f, v)); }>
                <option value="" prop:selected=move || form.with(get).is_none()>"—"</option>
                {move || options.get().into_iter().map(|(o, name)| {
                    let value = o.to_string();
                    view! { <option value=value prop:selected=move || form.with(get).as_ref() == Some(&o)>{name}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

fn decision_name(i: usize, lang: vagval_core::Lang) -> &'static str {
    Decision::ALL.get(i).map_or("", |d| d.label(lang))
}

#[component]
pub(super) fn ApplicationPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let router = crate::app::router::use_route();
    crate::app::pages::page_title(move || i18n.f().application);
    let Some(id) = param(APPLICATION) else {
        return view! { <article class="page proofing"><p>{move || i18n.f().no_application}</p></article> }.into_any();
    };
    let id = StoredValue::new(id);
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    let record = Memo::new(move |_| {
        app.doc
            .with(|d| id.with_value(|i| d.applications.get(i).cloned()))
    });
    let facts = move || {
        let lang = i18n.lang();
        let s = i18n.f();
        record.get().map(|a| {
            let goals: Vec<String> = app.doc.with(|d| {
                a.goals()
                    .into_iter()
                    .flatten()
                    .filter_map(|g| d.goals.get(g))
                    .map(vagval_core::conflicts::goal::Goal::display)
                    .collect()
            });
            let (actors, project) = app.doc.with(|d| {
                use vagval_core::kernel::record::RecordInfo;
                let actors: Vec<String> = a
                    .actors()
                    .into_iter()
                    .flatten()
                    .filter_map(|x| d.actors.get(x))
                    .map(RecordInfo::label)
                    .collect();
                let project = a
                    .project()
                    .and_then(|p| d.projects.get(p))
                    .map(RecordInfo::label)
                    .unwrap_or_default();
                (actors.join("; "), project)
            });
            let yes_no = |b: bool| if b { s.yes } else { s.no };
            view! {
                <dl class="facts" data-testid="application-facts">
                    <dt>{s.applicant}</dt><dd>{a.applicant().cloned().unwrap_or_default()}</dd>
                    <dt>{s.support}</dt><dd>{a.support().copied().unwrap_or_default().label(lang)}</dd>
                    <dt>{s.amount}</dt><dd>{kronor(a.amount().copied().unwrap_or(0), lang)}</dd>
                    <dt>{s.municipality}</dt><dd>{a.municipality().cloned().unwrap_or_default()}</dd>
                    <dt>{s.inland}</dt><dd>{yes_no(a.inland() == Some(&true))}</dd>
                    <dt>{s.goals}</dt><dd>{goals.join("; ")}</dd>
                    <dt>{s.actors}</dt><dd>{actors}</dd>
                    <dt>{s.project}</dt><dd>{project}</dd>
                    <dt>{s.sami_matter}</dt><dd>{yes_no(a.sami() == Some(&true))}</dd>
                    <dt>{s.description}</dt><dd>{a.description().cloned().unwrap_or_default()}</dd>
                </dl>
            }
        })
    };
    // The application's own fields.
    let form = RwSignal::new(
        record
            .get_untracked()
            .as_ref()
            .map(application_form)
            .unwrap_or_default(),
    );
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = i18n.lang();
        match id.with_value(|i| save_application(i, &form.get_untracked())) {
            Ok(cmd) => {
                if app.run(&cmd, error, lang) {
                    status.set(Some(i18n.f().application_saved.to_owned()));
                }
            }
            Err(e) => error.set(Some(e.message(lang))),
        }
    };
    // The goals it targets and the actors behind it: linked, and those it could link to.
    let links = move |which: AppLink| {
        Memo::new(move |_| {
            app.doc
                .with(|d| id.with_value(|i| application_links(d, i, which)))
        })
    };
    let set = move |which: AppLink| {
        Callback::new(move |(other, on): (Id, bool)| {
            let cmd = app
                .doc
                .with_untracked(|d| id.with_value(|i| link_application(d, i, which, &other, on)));
            app.run(&cmd, error, i18n.lang());
        })
    };
    let (goal_links, actor_links) = (links(AppLink::Goals), links(AppLink::Actors));
    let choices = Memo::new(move |_| app.doc.with(application_choices));
    // The decision.
    let decision = RwSignal::new(
        record
            .get_untracked()
            .and_then(|a| a.decision().copied())
            .unwrap_or_default(),
    );
    let granted = RwSignal::new(
        record
            .get_untracked()
            .and_then(|a| a.granted().copied())
            .filter(|g| *g > 0)
            .map(|g| g.to_string())
            .unwrap_or_default(),
    );
    let save_decision = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = i18n.lang();
        match amount_field(&granted.get_untracked()) {
            Ok(amount) => {
                let cmd = id.with_value(|i| vagval_core::Command::Batch {
                    commands: vec![
                        Application::DECISION.edit(i, &decision.get_untracked()),
                        Application::GRANTED.edit(i, &amount.unwrap_or(0)),
                    ],
                });
                if app.run(&cmd, error, lang) {
                    status.set(Some(i18n.f().decision_saved.to_owned()));
                }
            }
            Err(e) => error.set(Some(e.message(lang))),
        }
    };
    // Its assessments.
    let assessments = Memo::new(move |_| {
        let lang = i18n.lang();
        app.doc.with(|d| {
            let mut v: Vec<(Id, String, bool, bool, String)> = d
                .assessments
                .live()
                .filter(|a| {
                    a.removed() != Some(&true) && id.with_value(|i| a.application() == Some(i))
                })
                .map(|a| {
                    let result = evaluation(a).result.label(lang);
                    (
                        a.id.clone(),
                        a.assessor().cloned().unwrap_or_default(),
                        a.joint() == Some(&true),
                        a.closed() == Some(&true),
                        result,
                    )
                })
                .collect();
            vagval_core::order::sort_by(&mut v, |a, b| (a.2, &a.1, &a.0).cmp(&(b.2, &b.1, &b.0)));
            v
        })
    });
    let list = move || {
        let s = i18n.f();
        let v = assessments.get();
        if v.is_empty() {
            return view! { <p>{s.none_yet}</p> }.into_any();
        }
        view! {
            <ul class="plain-list" data-testid="assessments">
                {v.into_iter().map(|(aid, who, joint, closed, result)| {
                    let tags = [joint.then_some(s.joint), Some(if closed { s.closed } else { s.open_assessment })]
                        .into_iter().flatten().collect::<Vec<_>>().join(", ");
                    view! { <li data-testid="assessment-item"><a href=format!("{ASSESSMENT}{aid}")>{who}</a>{format!(" ({tags}) – {result}")}</li> }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    // A new assessment.
    let templates = Memo::new(move |_| {
        app.doc.with(|d| {
            let mut v: Vec<(Id, String)> = d
                .templates
                .live()
                .filter(|t| t.removed() != Some(&true))
                .map(|t| {
                    (
                        t.id.clone(),
                        format!(
                            "{} (v{})",
                            t.name().cloned().unwrap_or_default(),
                            t.version().copied().unwrap_or(1)
                        ),
                    )
                })
                .collect();
            vagval_core::order::sort_by(&mut v, |a, b| (&a.1, &a.0).cmp(&(&b.1, &b.0)));
            v
        })
    });
    let assessor = RwSignal::new(String::new());
    let template = RwSignal::new(None::<Id>);
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = i18n.lang();
        let Some(t) = template
            .get_untracked()
            .or_else(|| templates.with_untracked(|v| v.first().map(|x| x.0.clone())))
        else {
            return;
        };
        let new = new_id();
        let cmd = app.doc.with_untracked(|d| {
            id.with_value(|i| begin(d, &new, i, &t, &assessor.get_untracked()))
        });
        match cmd {
            Ok(cmd) => {
                if app.run(&cmd, error, lang) {
                    crate::app::router::navigate(router, &format!("{ASSESSMENT}{new}"));
                }
            }
            Err(e) => error.set(Some(e.message(lang))),
        }
    };
    // The comparison of the individual assessments.
    let comparison = Memo::new(move |_| {
        let lang = i18n.lang();
        app.doc.with(|d| {
            let ids: Vec<Id> =
                id.with_value(|i| individual(d, i).iter().map(|a| a.id.clone()).collect());
            if ids.len() < 2 {
                return None;
            }
            let first = d.assessments.get(&ids[0])?;
            let criteria = first.criteria().cloned().unwrap_or_default();
            let name = |x: &Id| {
                d.assessments
                    .get(x)
                    .and_then(|a| a.assessor().cloned())
                    .unwrap_or_default()
            };
            let pairs: Vec<Pair> = ids[1..]
                .iter()
                .filter_map(|other| {
                    let c = compare(d, &ids[0], other).ok()?;
                    Some((
                        format!("{} – {}", name(&ids[0]), name(other)),
                        c.answers.iter().map(|x| x.label(&criteria, lang)).collect(),
                        c.result,
                        c.versions,
                        c.comments,
                    ))
                })
                .collect();
            Some((ids, pairs))
        })
    });
    let joint = move |_| {
        let lang = i18n.lang();
        let Some((ids, _)) = comparison.get_untracked() else {
            return;
        };
        let new = new_id();
        let cmd = app.doc.with_untracked(|d| {
            let answers = d
                .assessments
                .get(&ids[0])
                .and_then(|a| a.answers().cloned())
                .unwrap_or_default();
            agree(d, &new, &ids, &answers, texts::texts(lang).joint_name)
        });
        match cmd {
            Ok(cmd) => {
                if app.run(&cmd, error, lang) {
                    crate::app::router::navigate(router, &format!("{ASSESSMENT}{new}"));
                }
            }
            Err(e) => error.set(Some(e.message(lang))),
        }
    };
    let compare_view = move || {
        let s = i18n.f();
        comparison.get().map(|(_, pairs)| {
            view! {
                <section class="card" aria-labelledby="compare-heading" data-testid="comparison">
                    <h2 id="compare-heading">{s.compare_heading}</h2>
                    {pairs.into_iter().map(|(who, diffs, result, versions, comments)| view! {
                        <h3>{who}</h3>
                        {if diffs.is_empty() { Some(view! { <p class="ok">{s.same}</p> }) } else { None }}
                        <ul class="warnings" data-testid="differences">{diffs.into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ul>
                        {result.then(|| view! { <p class="warning">{s.result_differs}</p> })}
                        {versions.then(|| view! { <p class="warning">{s.versions_differ}</p> })}
                        {(!comments.is_empty()).then(|| view! { <p>{format!("{}: {}", s.comments_differ, comments.len())}</p> })}
                    }).collect_view()}
                    <p class="hint">{s.agree_help}</p>
                    <button type="button" data-testid="agree" on:click=joint>{s.agree}</button>
                </section>
            }
        })
    };
    view! {
        <article class="page proofing">
            <p class="no-print"><a href=CASES>{move || i18n.f().back}</a></p>
            <h1>{move || format!("{}: {}", i18n.f().application, record.get().and_then(|a| a.title().cloned()).unwrap_or_default())}</h1>
            {move || record.get().is_none().then(|| view! { <p class="warning">{i18n.f().no_application}</p> })}
            <p class="field-error" role="alert">{move || error.get()}</p>
            <p role="status" data-testid="status">{move || status.get()}</p>
            {facts}
            <details class="card no-print">
                <summary>{move || i18n.f().change_application}</summary>
                <form class="form-grid" on:submit=save data-testid="application-form">
                    {input(form, "app-title", |t| t.application, "text", |f| f.title.clone(), |f, v| f.title = v)}
                    {input(form, "app-applicant", |t| t.applicant, "text", |f| f.applicant.clone(), |f, v| f.applicant = v)}
                    <SelectField id="app-support" label=Signal::derive(move || i18n.f().support) count=Support::ALL.len() name=support_name
                        selected=Signal::derive(move || form.with(|f| Support::ALL.iter().position(|s| *s == f.support)))
                        on_change=Callback::new(move |i: Option<usize>| form.update(|f| f.support = i.and_then(|i| Support::ALL.get(i).copied()).unwrap_or_default()))/>
                    {input(form, "app-amount", |t| t.amount, "numeric", |f| f.amount.clone(), |f, v| f.amount = v)}
                    {input(form, "app-cofinancing", |t| t.cofinancing, "numeric", |f| f.cofinancing.clone(), |f, v| f.cofinancing = v)}
                    {input(form, "app-start", |t| t.start, "date", |f| f.start.clone(), |f, v| f.start = v)}
                    {input(form, "app-end", |t| t.end, "date", |f| f.end.clone(), |f, v| f.end = v)}
                    {input(form, "app-municipality", |t| t.municipality, "text", |f| f.municipality.clone(), |f, v| f.municipality = v)}
                    {check(form, "app-inland", |t| t.inland, |f| f.inland, |f, v| f.inland = v)}
                    {check(form, "app-sami", |t| t.sami_matter, |f| f.sami, |f, v| f.sami = v)}
                    {area(form, "app-description", |t| t.description, None, |f| f.description.clone(), |f, v| f.description = v)}
                    {pick(form, "app-matrix", |t| t.matrix, Memo::new(move |_| choices.get().0), |f| f.matrix.clone(), |f, v| f.matrix = v)}
                    {pick(form, "app-project", |t| t.project, Memo::new(move |_| choices.get().1), |f| f.project.clone(), |f, v| f.project = v)}
                    <button type="submit" data-testid="save-application">{move || i18n.f().save}</button>
                </form>
                <div class="links-grid">
                    <div data-testid="application-goals">
                        {link_list("add-goal".into(), Signal::derive(move || i18n.f().goals), goal_links, set(AppLink::Goals))}
                    </div>
                    <div data-testid="application-actors">
                        {link_list("add-actor".into(), Signal::derive(move || i18n.f().actors), actor_links, set(AppLink::Actors))}
                    </div>
                </div>
            </details>
            <form class="row card no-print" on:submit=save_decision data-testid="decision-form">
                <SelectField id="decision" label=Signal::derive(move || i18n.f().decision) count=Decision::ALL.len() name=decision_name
                    selected=Signal::derive(move || Decision::ALL.iter().position(|d| *d == decision.get()))
                    on_change=Callback::new(move |i: Option<usize>| decision.set(i.and_then(|i| Decision::ALL.get(i).copied()).unwrap_or_default()))/>
                <div class="field">
                    <label for="granted">{move || i18n.f().granted_kr}</label>
                    <input id="granted" type="text" inputmode="numeric" prop:value=move || granted.get() on:input=move |ev| granted.set(event_target_value(&ev))/>
                </div>
                <button type="submit" data-testid="save-decision">{move || i18n.f().save_decision}</button>
            </form>
            <h2>{move || i18n.f().its_assessments}</h2>
            {list}
            {compare_view}
            <section class="card no-print" aria-labelledby="begin-heading">
                <h2 id="begin-heading">{move || i18n.f().begin_heading}</h2>
                <p class="hint">{move || i18n.f().begin_help}</p>
                <form class="row" on:submit=start data-testid="begin-form">
                    <div class="field">
                        <label for="assessor">{move || i18n.f().assessor}</label>
                        <input id="assessor" type="text" maxlength="300" prop:value=move || assessor.get() on:input=move |ev| assessor.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for="template">{move || i18n.f().template}</label>
                        <select id="template" on:change=move |ev| template.set(Id::parse(&event_target_value(&ev)).ok())>
                            {move || templates.get().into_iter().map(|(t, name)| {
                                let on = template.get().as_ref() == Some(&t);
                                view! { <option value=t.to_string() prop:selected=on>{name}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <button type="submit" data-testid="begin">{move || i18n.f().begin}</button>
                </form>
            </section>
        </article>
    }
    .into_any()
}
