//! The activity plan (genomförandeplan): one table that is also the timeline — each activity
//! a row with its dates, owner and status, and a bar on a shared axis with today's line;
//! overdue ones marked in words. Add an activity with the form, change a status in its row,
//! import the plan from Swedish Excel (CSV, the table of seed 004) or export it. The rows,
//! the axis and the import are core functions (`plan::timeline`, `plan_csv`).
use leptos::prelude::*;
use vagval_core::actions::date::Date;
use vagval_core::actions::plan::{Status, timeline};
use vagval_core::actions::plan_csv;
use vagval_core::actions::records::Activity;
use vagval_core::actions::records::Activity as ActivityRecord;
use vagval_core::actions::workflow::{ActivityForm, activity_form, save_activity};
use vagval_core::{Id, Localized};

use super::fields::{check, records, status_name, text};
use super::texts::ActionsI18n;
use crate::i18n::use_i18n;
use crate::state::{new_id, use_app};
use crate::ui::SelectField;

/// Today in UTC.
#[allow(clippy::cast_possible_truncation)]
fn today() -> Date {
    Date::from_day((js_sys::Date::now() / 86_400_000.0).floor() as i64).unwrap_or_default()
}

/// The owner and the area under an activity's title.
fn meta(r: &vagval_core::actions::plan::Row) -> Option<impl IntoView + use<>> {
    let parts: Vec<&str> = [r.owner.as_str(), r.area.as_deref().unwrap_or("")]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    (!parts.is_empty()).then(|| view! { <span class="meta">{parts.join(" · ")}</span> })
}

/// "2020-04-07 – 2020-04-24", one date if both are the same day; a line breaks only between
/// the dates, never inside one.
fn period(r: &vagval_core::actions::plan::Row) -> impl IntoView + use<> {
    let date = |d: String| view! { <span class="date">{d}</span> };
    match (r.start, r.end) {
        (Some(a), Some(b)) if a == b => date(a.to_string()).into_any(),
        (Some(a), Some(b)) => view! { {date(format!("{a} –"))}" "{date(b.to_string())} }.into_any(),
        (Some(a), None) => date(format!("{a} –")).into_any(),
        (None, Some(b)) => date(format!("– {b}")).into_any(),
        (None, None) => ().into_any(),
    }
}

fn pct(f: f64) -> String {
    format!("{:.3}%", f * 100.0)
}

#[component]
pub(super) fn PlanPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    crate::app::pages::page_title(move || i18n.s().plan_title);
    let today = today();
    let area = RwSignal::new(None::<Id>);
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    let areas = super::fields::areas();
    let plan = Memo::new(move |_| {
        let lang = i18n.lang();
        let a = area.get();
        app.doc.with(|d| timeline(d, today, a.as_ref(), lang))
    });

    let form = RwSignal::new(ActivityForm::default());
    // The activity nodes of the chosen area's chain (of every chain if none is chosen).
    let nodes = Memo::new(move |_| {
        let area = form.with(|f| f.area.clone());
        app.doc.with(|d| {
            let mut v: Vec<(Id, String)> = d
                .chain_nodes
                .live()
                .filter(|n| n.removed() != Some(&true))
                .filter(|n| n.level() == Some(&vagval_core::actions::chain::Level::Activity))
                .filter(|n| n.area().is_some() && area.as_ref().is_none_or(|a| n.area() == Some(a)))
                .map(|n| (n.id.clone(), n.title().cloned().unwrap_or_default()))
                .collect();
            vagval_core::order::sort_by(&mut v, |a, b| a.1.cmp(&b.1));
            v
        })
    });
    // The activity being changed (none: the form adds a new one).
    let editing = RwSignal::new(None::<Id>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut f = form.get_untracked();
        if f.area.is_none() {
            f.area = area.get_untracked();
        }
        let id = editing.get_untracked().unwrap_or_else(new_id);
        match app.doc.with_untracked(|d| save_activity(d, &id, &f)) {
            Ok(cmd) => {
                if app.run(&cmd, error, i18n.lang()) {
                    let done = if editing.get_untracked().is_some() {
                        i18n.s().activity_saved
                    } else {
                        i18n.s().activity_added
                    };
                    status.set(Some(format!("{done} {}", f.title.trim())));
                    editing.set(None);
                    form.set(ActivityForm {
                        status: f.status,
                        area: f.area,
                        ..ActivityForm::default()
                    });
                }
            }
            Err(e) => error.set(Some(e.message(i18n.lang()))),
        }
    };
    let edit = move |id: Id| {
        if let Some(f) = app
            .doc
            .with_untracked(|d| d.activities.get(&id).map(activity_form))
        {
            form.set(f);
            editing.set(Some(id));
            crate::ui::view::focus_id("act-title");
        }
    };
    let stop = move |_| {
        editing.set(None);
        form.set(ActivityForm::default());
    };
    let remove = move |_| {
        if let Some(id) = editing.get_untracked()
            && app.run(
                &ActivityRecord::REMOVED.edit(&id, &true),
                error,
                i18n.lang(),
            )
        {
            status.set(Some(i18n.s().activity_removed.to_owned()));
            editing.set(None);
            form.set(ActivityForm::default());
        }
    };
    let import = move |ev: leptos::ev::Event| {
        crate::file_io::pick_bytes(&ev, vagval_core::csv_import::MAX_BYTES, move |_, read| {
            let lang = i18n.lang();
            let Ok(bytes) = read else {
                error.set(Some(i18n.s().unreadable.to_owned()));
                return;
            };
            let a = area.get_untracked();
            let outcome = app
                .doc
                .with_untracked(|d| plan_csv::import(d, &bytes, a.as_ref(), new_id));
            match outcome {
                Ok(o) => {
                    let mut lines = Vec::new();
                    if o.added == 0 || app.run(&o.command, error, lang) {
                        lines.push(format!("{} {}", o.added, i18n.s().activities_imported));
                    }
                    lines.extend(o.problems.iter().map(|p| p.message(lang)));
                    status.set(Some(lines.join(" ")));
                }
                Err(e) => error.set(Some(e.message(lang))),
            }
        });
    };
    let export = move |_| {
        let lang = i18n.lang();
        let text = app.doc.with_untracked(|d| plan_csv::export(d, today, lang));
        let name = app.doc.with_untracked(|d| crate::file_io::slug(d.name()));
        crate::file_io::offer(
            &format!("{name}-aktivitetsplan.csv"),
            &text,
            "text/csv",
            error,
            lang,
        );
    };
    let set_status = move |id: Id, i: Option<usize>| {
        if let Some(s) = i.and_then(|i| Status::ALL.get(i)) {
            app.run(&Activity::STATUS.edit(&id, s), error, i18n.lang());
        }
    };

    let table = move || {
        let s = i18n.s();
        let lang = i18n.lang();
        plan.with(|p| {
            let now = pct(p.today);
            // Today's label stays inside the axis near either end.
            let (near_start, near_end) = (p.today < 0.1, p.today > 0.9);
            // Month and quarter labels are long: a narrow screen shows every other one.
            let dense = p.axis.ticks.first().is_some_and(|t| t.step < 12);
            let ticks = p
                .ticks
                .iter()
                .map(|(x, label)| view! { <span class="tick" style:left=pct(*x)>{label.clone()}</span> })
                .collect_view();
            let rows = p
                .rows
                .iter()
                .map(|r| {
                    let id = r.id.clone();
                    let current = Status::ALL.iter().position(|x| *x == r.status);
                    let bar = match r.bar {
                        Some((x, w)) => view! {
                            <span class="bar" class:overdue=r.overdue class:done=r.status == Status::Done
                                style:left=pct(x) style:width=pct(w.max(0.002))></span>
                        }
                        .into_any(),
                        None => view! { <span class="hint">{s.no_dates}</span> }.into_any(),
                    };
                    let sel_id = format!("status-{}", r.id);
                    view! {
                        <tr role="row" data-testid="plan-row" class:overdue=r.overdue>
                            <th role="rowheader" scope="row">{r.title.clone()}{meta(r)}</th>
                            <td role="cell" class="num period">{period(r)}</td>
                            <td role="cell" class="status">
                                <label class="visually-hidden" for=sel_id.clone()>{format!("{} {}", s.status, r.title)}</label>
                                <select id=sel_id on:change=move |ev| set_status(id.clone(), event_target_value(&ev).parse().ok())>
                                    {(0..Status::ALL.len()).map(|i| view! { <option value=i.to_string() prop:selected=current == Some(i)>{status_name(i, lang)}</option> }).collect_view()}
                                </select>
                                <span class="print-only">{current.map(|i| status_name(i, lang))}</span>
                                <button type="button" class="secondary small no-print" data-testid="edit-activity" aria-label=format!("{} {}", s.change, r.title)
                                    on:click={ let id = r.id.clone(); move |_| edit(id.clone()) }>{s.change}</button>
                                {r.overdue.then(|| view! { <strong class="late" data-testid="overdue">{s.overdue}</strong> })}
                            </td>
                            <td role="cell" class="lane" aria-hidden="true">{bar}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="plan-caption">
                    // The ARIA roles keep the table's semantics: its rows are laid out as grids
                    // (style/main.css, "The activity plan").
                    <table role="table" class="data-table plan-table" data-testid="timeline" style:--today=now.clone()>
                        <caption id="plan-caption">{format!("{} ({} {})", s.plan_caption, p.rows.len(), s.activities_word)}</caption>
                        <thead role="rowgroup"><tr role="row">
                            <th role="columnheader" scope="col">{s.activity}</th>
                            <th role="columnheader" scope="col">{s.period}</th>
                            <th role="columnheader" scope="col">{s.status}</th>
                            <th role="columnheader" scope="col" class="lane axis" class:dense=dense>
                                <span class="visually-hidden">{s.timeline}</span>
                                <span aria-hidden="true">{ticks}<span class="today label" class:start=near_start class:end=near_end style:left=now.clone()>{s.today}</span></span>
                            </th>
                        </tr></thead>
                        <tbody role="rowgroup">{rows}</tbody>
                    </table>
                </div>
            }
        })
    };

    view! {
        <article class="page action-areas plan-page">
            <h1>{move || i18n.s().plan_title}</h1>
            <super::Tabs current=1/>
            <p class="lead">{move || i18n.s().plan_help}</p>
            <p class="field-error" role="alert">{move || error.get()}</p>
            <p role="status" data-testid="status">{move || status.get()}</p>
            <div class="row no-print">
                {records("plan-area", |t| t.filter_area, |t| t.all_areas, areas.into(), area.into(), Callback::new(move |a| area.set(a)))}
            </div>
            {table}
            <section class="card no-print" aria-labelledby="add-activity-heading">
                <h2 id="add-activity-heading">{move || if editing.get().is_some() { i18n.s().change_activity } else { i18n.s().add_activity }}</h2>
                <form class="row" on:submit=add data-testid="activity-form">
                    {text(form, "act-title", |t| t.activity, "text", |f| f.title.clone(), |f, v| f.title = v)}
                    {text(form, "act-start", |t| t.start, "date", |f| f.start.clone(), |f, v| f.start = v)}
                    {text(form, "act-end", |t| t.end, "date", |f| f.end.clone(), |f, v| f.end = v)}
                    {text(form, "act-owner", |t| t.owner, "text", |f| f.owner.clone(), |f, v| f.owner = v)}
                    <SelectField id="act-status" label=i18n.trs(|t| t.status) count=Status::ALL.len() name=status_name
                        selected=Signal::derive(move || form.with(|f| Status::ALL.iter().position(|s| *s == f.status)))
                        on_change=Callback::new(move |i: Option<usize>| form.update(|f| f.status = i.and_then(|i| Status::ALL.get(i).copied()).unwrap_or_default()))/>
                    {records("act-area", |t| t.area, |t| t.no_area, areas.into(), Signal::derive(move || form.with(|f| f.area.clone())), Callback::new(move |a| form.update(|f| f.area = a)))}
                    {records("act-node", |t| t.chain_node, |t| t.no_area, nodes.into(), Signal::derive(move || form.with(|f| f.node.clone())), Callback::new(move |n| form.update(|f| f.node = n)))}
                    {check(form, "act-sami", |t| t.sami_matter, |f| f.sami, |f, v| f.sami = v)}
                    <button type="submit" data-testid="add-activity">{move || if editing.get().is_some() { i18n.s().save } else { i18n.s().add }}</button>
                    {move || editing.get().is_some().then(|| view! {
                        <button type="button" class="secondary" on:click=stop>{i18n.s().cancel}</button>
                        <button type="button" class="danger" data-testid="remove-activity" on:click=remove>{i18n.s().remove}</button>
                    })}
                </form>
            </section>
            <section class="card no-print" aria-labelledby="plan-files-heading">
                <h2 id="plan-files-heading">{move || i18n.s().plan_files}</h2>
                <p class="hint">{move || i18n.s().plan_import_help}</p>
                <div class="row">
                    <label class="button secondary" for="plan-csv">{move || i18n.s().import_csv}</label>
                    <input id="plan-csv" class="visually-hidden" type="file" accept=".csv,.txt,text/csv,text/plain" data-testid="plan-csv" on:change=import/>
                    <button type="button" class="secondary" data-testid="export-plan" on:click=export>{move || i18n.s().export_csv}</button>
                    <button type="button" class="secondary" data-testid="print" on:click=move |_| { let _ = window().print(); }>{move || i18n.s().print}</button>
                </div>
            </section>
        </article>
    }
}
