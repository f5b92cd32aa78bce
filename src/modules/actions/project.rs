//! One collaboration project: its period, cost, the call's caps (the region's share, the EU
//! share), 1:1 matching, staffing; its budget line by line (funder, type, year, whole kronor);
//! the shares per funder type and what the co-financing checks find, with the rule named;
//! and a link to its own effect chain. Saving and each budget line are core commands
//! (`workflow::save_project`, `workflow::budget_line`, `workflow::set_line`).
use leptos::prelude::*;
use vagval_core::actions::funding::{FunderType, kronor};
use vagval_core::actions::records::Project;
use vagval_core::actions::report::project_line;
use vagval_core::actions::workflow::{self, AreaLink, ProjectForm};
use vagval_core::{Id, Localized};

use super::fields::{check, findings, plain, text, type_name};
use super::texts::ActionsI18n;
use super::{CHAIN, param};
use crate::i18n::use_i18n;
use crate::state::{new_id, use_app};
use crate::ui::SelectField;
use crate::ui::link_list;

fn form_of(p: &Project) -> ProjectForm {
    let date = |d: Option<&Option<vagval_core::actions::date::Date>>| {
        d.copied()
            .flatten()
            .map(|d| d.to_string())
            .unwrap_or_default()
    };
    let cap = |c: Option<&Option<u8>>| {
        c.copied()
            .flatten()
            .map(|c| c.to_string())
            .unwrap_or_default()
    };
    ProjectForm {
        title: p.title().cloned().unwrap_or_default(),
        start: date(p.start()),
        end: date(p.end()),
        cost: p.cost().map(|c| c.to_string()).unwrap_or_default(),
        region_cap: cap(p.region_cap()),
        eu_cap: cap(p.eu_cap()),
        one_to_one: p.one_to_one() == Some(&true),
        sami: p.sami() == Some(&true),
        staffing: p.staffing().cloned().unwrap_or_default(),
        area: p.area().cloned(),
    }
}

#[component]
pub(super) fn ProjectPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    crate::app::pages::page_title(move || i18n.s().project);
    let Some(id) = param(super::PROJECT) else {
        return view! { <article class="page action-areas"><p>{move || i18n.s().no_project}</p></article> }.into_any();
    };
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    let areas = super::fields::areas();
    let form = RwSignal::new(
        app.doc
            .with_untracked(|d| d.projects.get(&id).map(form_of).unwrap_or_default()),
    );
    let line = {
        let id = id.clone();
        Memo::new(move |_| {
            let lang = i18n.lang();
            app.doc.with(|d| {
                d.projects
                    .get(&id)
                    .filter(|p| p.removed() != Some(&true))
                    .map(|p| project_line(p, lang))
            })
        })
    };
    let lines = {
        let id = id.clone();
        Memo::new(move |_| {
            app.doc.with(|d| {
                let mut v: Vec<(Id, vagval_core::actions::funding::Line)> = d
                    .projects
                    .get(&id)
                    .and_then(|p| p.lines())
                    .map(|m| {
                        m.0.iter()
                            .filter_map(|(k, r)| Some((k.clone(), r.value.clone()?)))
                            .collect()
                    })
                    .unwrap_or_default();
                vagval_core::order::sort_by(&mut v, |a, b| {
                    (a.1.year, a.1.funder_type, &a.1.funder).cmp(&(
                        b.1.year,
                        b.1.funder_type,
                        &b.1.funder,
                    ))
                });
                v
            })
        })
    };
    let save = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            match workflow::save_project(&id, &form.get_untracked()) {
                Ok(cmd) => {
                    if app.run(&cmd, error, i18n.lang()) {
                        status.set(Some(i18n.s().saved_project.to_owned()));
                    }
                }
                Err(e) => error.set(Some(e.message(i18n.lang()))),
            }
        }
    };
    let (funder, ftype, year, amount) = (
        RwSignal::new(String::new()),
        RwSignal::new(0usize),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let add_line = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let t = FunderType::ALL
                .get(ftype.get_untracked())
                .copied()
                .unwrap_or_default();
            match workflow::budget_line(
                &id,
                &new_id(),
                &funder.get_untracked(),
                t,
                &year.get_untracked(),
                &amount.get_untracked(),
            ) {
                Ok(cmd) => {
                    if app.run(&cmd, error, i18n.lang()) {
                        status.set(Some(i18n.s().line_added.to_owned()));
                        amount.set(String::new());
                    }
                }
                Err(e) => error.set(Some(e.message(i18n.lang()))),
            }
        }
    };
    let remove_line = {
        let id = id.clone();
        move |line: Id| {
            app.run(&workflow::set_line(&id, &line, None), error, i18n.lang());
        }
    };

    let checks = move || {
        let s = i18n.s();
        line.get().map(|l| {
            let found = findings(&l.findings, s.holds, ("financing-warnings", "financing-ok"));
            let shares = l.shares.iter().map(|(t, sum, share)| view! {
                <tr><th scope="row">{t.clone()}</th><td class="num">{sum.clone()}</td><td class="num">{format!("{share} %")}</td></tr>
            }).collect_view();
            view! {
                <p>{format!("{}: {}", s.cost, l.cost)}</p>
                {found}
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="shares-caption">
                    <table class="data-table" data-testid="shares-table">
                        <caption id="shares-caption">{s.shares}</caption>
                        <thead><tr><th scope="col">{s.funder_type}</th><th scope="col">{s.amount}</th><th scope="col">{s.share}</th></tr></thead>
                        <tbody>{shares}</tbody>
                    </table>
                </div>
            }
        })
    };
    let budget = move || {
        let s = i18n.s();
        let lang = i18n.lang();
        let rows = lines
            .get()
            .into_iter()
            .map(|(k, l)| {
                let remove = remove_line.clone();
                view! {
                    <tr data-testid="budget-row">
                        <td>{l.year}</td>
                        <th scope="row">{l.funder.clone()}</th>
                        <td>{l.funder_type.label(lang)}</td>
                        <td class="num">{kronor(l.amount, lang)}</td>
                        <td class="no-print"><button type="button" class="secondary small" on:click=move |_| remove(k.clone())>{s.remove}</button></td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="budget-caption">
                <table class="data-table" data-testid="budget-table">
                    <caption id="budget-caption">{s.budget}</caption>
                    <thead><tr><th scope="col">{s.year}</th><th scope="col">{s.funder}</th><th scope="col">{s.funder_type}</th><th scope="col">{s.amount}</th><th scope="col" class="no-print"><span class="visually-hidden">{s.remove}</span></th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    };
    let chain_href = format!("{CHAIN}{id}");
    let project = id.clone();
    let actors = {
        let id = id.clone();
        Memo::new(move |_| app.doc.with(|d| workflow::project_actors(d, &id)))
    };
    view! {
        <article class="page action-areas project-page">
            <p class="no-print"><a href=super::AREAS>{move || i18n.s().back}</a></p>
            <h1>{move || format!("{}: {}", i18n.s().project, line.get().map(|l| l.title).unwrap_or_default())}</h1>
            {move || line.get().is_none().then(|| view! { <p class="warning">{i18n.s().no_project}</p> })}
            <p><a href=chain_href data-testid="project-chain">{move || i18n.s().open_chain}</a></p>
            <p class="field-error" role="alert">{move || error.get()}</p>
            <p role="status" data-testid="status">{move || status.get()}</p>
            <section aria-labelledby="checks-heading">
                <h2 id="checks-heading">{move || i18n.s().financing}</h2>
                {checks}
            </section>
            <section aria-labelledby="budget-heading">
                <h2 id="budget-heading">{move || i18n.s().budget}</h2>
                {budget}
                <form class="row no-print" on:submit=add_line data-testid="line-form">
                    {plain(funder, "line-funder", |t| t.funder, "text")}
                    <SelectField id="line-type" label=i18n.trs(|t| t.funder_type) count=FunderType::ALL.len() name=type_name
                        selected=Signal::derive(move || Some(ftype.get())) on_change=Callback::new(move |i: Option<usize>| ftype.set(i.unwrap_or(0)))/>
                    {plain(year, "line-year", |t| t.year, "numeric")}
                    {plain(amount, "line-amount", |t| t.amount_kr, "numeric")}
                    <button type="submit" data-testid="add-line">{move || i18n.s().add_line}</button>
                </form>
            </section>
            <section class="card no-print" aria-labelledby="project-form-heading">
                <h2 id="project-form-heading">{move || i18n.s().project_details}</h2>
                <form class="row" on:submit=save data-testid="project-form">
                    {text(form, "proj-title", |t| t.name, "text", |f| f.title.clone(), |f, v| f.title = v)}
                    {text(form, "proj-start", |t| t.start, "date", |f| f.start.clone(), |f, v| f.start = v)}
                    {text(form, "proj-end", |t| t.end, "date", |f| f.end.clone(), |f, v| f.end = v)}
                    {text(form, "proj-cost", |t| t.cost_kr, "text", |f| f.cost.clone(), |f, v| f.cost = v)}
                    {text(form, "proj-region-cap", |t| t.region_cap, "text", |f| f.region_cap.clone(), |f, v| f.region_cap = v)}
                    {text(form, "proj-eu-cap", |t| t.eu_cap, "text", |f| f.eu_cap.clone(), |f, v| f.eu_cap = v)}
                    {check(form, "proj-one", |t| t.one_to_one, |f| f.one_to_one, |f, v| f.one_to_one = v)}
                    {check(form, "proj-sami", |t| t.sami_matter, |f| f.sami, |f, v| f.sami = v)}
                    {super::fields::records("proj-area", |t| t.area, |t| t.no_area, areas.into(), Signal::derive(move || form.with(|f| f.area.clone())), Callback::new(move |a| form.update(|f| f.area = a)))}
                    {text(form, "proj-staffing", |t| t.staffing, "text", |f| f.staffing.clone(), |f, v| f.staffing = v)}
                    <button type="submit" data-testid="save-project">{move || i18n.s().save}</button>
                </form>
            </section>
            <section class="card no-print" data-testid="project-actors">
                {link_list(
                    "project-actor".to_owned(),
                    Signal::derive(move || AreaLink::Actors.label(i18n.lang())),
                    actors,
                    Callback::new(move |(actor, on): (Id, bool)| {
                        let cmd = app.doc.with_untracked(|d| workflow::link_project_actor(d, &project, &actor, on));
                        app.run(&cmd, error, i18n.lang());
                    }),
                )}
            </section>
        </article>
    }
    .into_any()
}
