//! One indicator: its plan (unit, measure, direction, baseline and target with their years),
//! its values per year with their sources, its progress and whether it is off track (the
//! rule named), and a chart over time with the same figures as a table beside it. Saving
//! the plan, recording a value and removing one are core commands
//! (`workflow::save_indicator`, `workflow::record_value`).
use leptos::prelude::*;
use vagval_core::Localized;
use vagval_core::actions::chart::chart;
use vagval_core::actions::records::{Indicator, Measure};
use vagval_core::actions::report::indicator_line;
use vagval_core::actions::workflow::{self, IndicatorForm};

use super::fields::{DIRECTIONS, direction_name, measure_name, plain, text};
use super::texts::ActionsI18n;
use super::{CHAIN, param};
use crate::i18n::use_i18n;
use crate::state::use_app;
use crate::ui::SelectField;

/// The chart's drawing: width, height and the margin around the plot.
const W: f64 = 640.0;
const H: f64 = 300.0;
const M: f64 = 48.0;

fn form_of(i: &Indicator) -> IndicatorForm {
    let year = |y: Option<&u16>| y.map(ToString::to_string).unwrap_or_default();
    IndicatorForm {
        title: i.title().cloned().unwrap_or_default(),
        unit: i.unit().cloned().unwrap_or_default(),
        measure: i.measure().copied().unwrap_or_default(),
        direction: i.direction().copied().unwrap_or_default(),
        baseline_year: year(i.baseline_year()),
        baseline: i
            .baseline()
            .map(|d| d.show(vagval_core::Lang::Sv))
            .unwrap_or_default(),
        target_year: year(i.target_year()),
        target: i
            .target()
            .map(|d| d.show(vagval_core::Lang::Sv))
            .unwrap_or_default(),
    }
}

/// The years labelled on the chart's axis: every year up to 12 years, else every fifth, the
/// first and the last always.
fn ticks(a: u16, b: u16) -> Vec<u16> {
    let step = if b - a <= 12 { 1 } else { 5 };
    let mut v: Vec<u16> = (a..=b).filter(|y| (y - a).is_multiple_of(step)).collect();
    if v.last() != Some(&b) {
        v.push(b);
    }
    v
}

#[component]
pub(super) fn IndicatorPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    crate::app::pages::page_title(move || i18n.s().indicator);
    let Some(id) = param(super::INDICATOR) else {
        return view! { <article class="page action-areas"><p>{move || i18n.s().no_indicator}</p></article> }.into_any();
    };
    let exists = {
        let id = id.clone();
        Memo::new(move |_| {
            app.doc.with(|d| {
                d.indicators
                    .get(&id)
                    .is_some_and(|i| i.removed() != Some(&true))
            })
        })
    };
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    let form = RwSignal::new(
        app.doc
            .with_untracked(|d| d.indicators.get(&id).map(form_of).unwrap_or_default()),
    );
    let line = {
        let id = id.clone();
        Memo::new(move |_| {
            let lang = i18n.lang();
            app.doc
                .with(|d| d.indicators.get(&id).map(|i| indicator_line(i, lang)))
        })
    };
    let drawn = {
        let id = id.clone();
        Memo::new(move |_| {
            let lang = i18n.lang();
            app.doc
                .with(|d| d.indicators.get(&id).and_then(|i| chart(i, lang)))
        })
    };
    // The node it measures, and whose chain that is.
    let node = {
        let id = id.clone();
        Memo::new(move |_| {
            app.doc.with(|d| {
                let n = d.chain_nodes.get(d.indicators.get(&id)?.node()?)?;
                let owner = n.area().or(n.project())?.clone();
                Some((n.title().cloned().unwrap_or_default(), owner))
            })
        })
    };

    let save = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            match workflow::save_indicator(&id, &form.get_untracked()) {
                Ok(cmd) => {
                    if app.run(&cmd, error, i18n.lang()) {
                        status.set(Some(i18n.s().saved_indicator.to_owned()));
                    }
                }
                Err(e) => error.set(Some(e.message(i18n.lang()))),
            }
        }
    };
    let (year, value, source) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let record = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let y = match workflow::year_field(&year.get_untracked()) {
                Ok(Some(y)) => y,
                Ok(None) => {
                    error.set(Some(
                        workflow::EditError::NotAYear(String::new()).message(i18n.lang()),
                    ));
                    return;
                }
                Err(e) => {
                    error.set(Some(e.message(i18n.lang())));
                    return;
                }
            };
            match workflow::record_value(&id, y, &value.get_untracked(), &source.get_untracked()) {
                Ok(cmd) => {
                    if app.run(&cmd, error, i18n.lang()) {
                        status.set(Some(format!("{} {y}", i18n.s().value_recorded)));
                        value.set(String::new());
                    }
                }
                Err(e) => error.set(Some(e.message(i18n.lang()))),
            }
        }
    };
    let remove_value = {
        let id = id.clone();
        Callback::new(move |y: u16| {
            if let Ok(cmd) = workflow::record_value(&id, y, "", "") {
                app.run(&cmd, error, i18n.lang());
            }
        })
    };

    let standing = move || {
        let s = i18n.s();
        line.get().map(|l| {
            let progress = match (&l.progress, &l.note) {
                (Some(p), _) => format!("{p} %"),
                (None, Some(n)) => n.clone(),
                (None, None) => s.no_progress.to_owned(),
            };
            view! {
                <dl class="facts" data-testid="standing">
                    <dt>{s.latest}</dt><dd data-testid="latest">{l.latest.as_ref().map_or("–".to_owned(), |(y, v)| format!("{v} {} ({y})", l.unit))}</dd>
                    <dt>{s.progress}</dt><dd data-testid="progress">{progress}</dd>
                    <dt>{s.off_track}</dt><dd data-testid="off-track">{if l.off_track { s.yes } else { s.no }}</dd>
                </dl>
                {l.off_track.then(|| view! { <p class="warning" role="note">{s.off_track_rule}</p> })}
            }
        })
    };

    let graph = move || {
        let s = i18n.s();
        drawn.get().map(|c| {
            let px = |year: u16| M + c.x(year) * (W - 2.0 * M);
            let py = |v: f64| H - M - c.y(v) * (H - 2.0 * M);
            let values: String = c.points.iter().enumerate().map(|(k, (y, v))| format!("{}{:.1} {:.1}", if k == 0 { "M" } else { "L" }, px(*y), py(*v))).collect();
            let path = c.path.map(|((by, b), (ty, t))| format!("M{:.1} {:.1}L{:.1} {:.1}", px(by), py(b), px(ty), py(t)));
            let dots = c.points.iter().map(|(y, v)| view! { <circle cx=format!("{:.1}", px(*y)) cy=format!("{:.1}", py(*v)) r="6" class="value"></circle> }).collect_view();
            let ends = c.path.map(|((by, b), (ty, t))| view! {
                <rect x=format!("{:.1}", px(by) - 5.0) y=format!("{:.1}", py(b) - 5.0) width="10" height="10" class="baseline"></rect>
                <path d=format!("M{:.1} {:.1}l7 7l-7 7l-7 -7z", px(ty), py(t) - 7.0) class="target"></path>
            });
            let (a, b) = c.years;
            let (lo, hi) = c.range;
            let label = format!("{}: {} {a}–{b}", s.chart_label, line.get().map(|l| l.title).unwrap_or_default());
            let rows = c.table.iter().map(|r| {
                let y = r.year;
                view! {
                    <tr data-testid="value-row">
                        <th scope="row">{r.year}</th>
                        <td class="num">{r.value.clone()}</td>
                        <td>{r.source.clone()}</td>
                        <td class="num">{r.path.clone()}</td>
                        <td class="no-print">{r.value.is_some().then(|| view! { <button type="button" class="secondary small" on:click=move |_| remove_value.run(y)>{s.remove}</button> })}</td>
                    </tr>
                }
            }).collect_view();
            view! {
                <figure class="chart indicator-chart">
                    <svg viewBox=format!("0 0 {W} {H}") role="img" aria-label=label data-testid="indicator-chart">
                        <line x1=M.to_string() y1=(H - M).to_string() x2=(W - M).to_string() y2=(H - M).to_string() class="axis"></line>
                        <line x1=M.to_string() y1=M.to_string() x2=M.to_string() y2=(H - M).to_string() class="axis"></line>
                        {ticks(a, b).into_iter().map(|y| view! { <text x=format!("{:.1}", px(y)) y=(H - M + 24.0).to_string() text-anchor="middle">{y}</text> }).collect_view()}
                        <text x=(M - 6.0).to_string() y=(H - M).to_string() text-anchor="end">{format!("{lo:.0}")}</text>
                        <text x=(M - 6.0).to_string() y=(M + 4.0).to_string() text-anchor="end">{format!("{hi:.0}")}</text>
                        {path.map(|d| view! { <path d=d class="planned"></path> })}
                        {ends}
                        <path d=values class="actual"></path>
                        {dots}
                    </svg>
                    <figcaption class="hint">{s.chart_legend}</figcaption>
                </figure>
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="values-caption">
                    <table class="data-table" data-testid="values-table">
                        <caption id="values-caption">{s.values_table}</caption>
                        <thead><tr><th scope="col">{s.year}</th><th scope="col">{s.value}</th><th scope="col">{s.source}</th><th scope="col">{s.planned_path}</th><th scope="col" class="no-print"><span class="visually-hidden">{s.remove}</span></th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
        })
    };

    view! {
        <article class="page action-areas indicator-page">
            <p class="no-print"><a href=super::AREAS>{move || i18n.s().back}</a></p>
            <h1>{move || format!("{}: {}", i18n.s().indicator, line.get().map(|l| l.title).unwrap_or_default())}</h1>
            {move || (!exists.get()).then(|| view! { <p class="warning">{i18n.s().no_indicator}</p> })}
            {move || node.get().map(|(t, owner)| view! { <p>{i18n.s().measures}" "<a href=format!("{CHAIN}{owner}")>{t}</a></p> })}
            <p class="field-error" role="alert">{move || error.get()}</p>
            <p role="status" data-testid="status">{move || status.get()}</p>
            {standing}
            {graph}
            <section class="card no-print" aria-labelledby="record-heading">
                <h2 id="record-heading">{move || i18n.s().record_value}</h2>
                <form class="row" on:submit=record data-testid="value-form">
                    {plain(year, "value-year", |t| t.year, "numeric")}
                    {plain(value, "value-value", |t| t.value, "decimal")}
                    {plain(source, "value-source", |t| t.source, "text")}
                    <button type="submit" data-testid="record-value">{move || i18n.s().record}</button>
                </form>
            </section>
            <section class="card no-print" aria-labelledby="plan-heading">
                <h2 id="plan-heading">{move || i18n.s().indicator_plan}</h2>
                <form class="row" on:submit=save data-testid="indicator-form">
                    {text(form, "ind-title", |t| t.name, "text", |f| f.title.clone(), |f, v| f.title = v)}
                    {text(form, "ind-unit", |t| t.unit, "text", |f| f.unit.clone(), |f, v| f.unit = v)}
                    <SelectField id="ind-measure" label=i18n.trs(|t| t.measure) count=Measure::ALL.len() name=measure_name
                        selected=Signal::derive(move || form.with(|f| Measure::ALL.iter().position(|m| *m == f.measure)))
                        on_change=Callback::new(move |i: Option<usize>| form.update(|f| f.measure = i.and_then(|i| Measure::ALL.get(i).copied()).unwrap_or_default()))/>
                    <SelectField id="ind-direction" label=i18n.trs(|t| t.direction) count=2 name=direction_name
                        selected=Signal::derive(move || form.with(|f| DIRECTIONS.iter().position(|d| *d == f.direction)))
                        on_change=Callback::new(move |i: Option<usize>| form.update(|f| f.direction = i.and_then(|i| DIRECTIONS.get(i).copied()).unwrap_or_default()))/>
                    {text(form, "ind-by", |t| t.baseline_year, "numeric", |f| f.baseline_year.clone(), |f, v| f.baseline_year = v)}
                    {text(form, "ind-b", |t| t.baseline, "decimal", |f| f.baseline.clone(), |f, v| f.baseline = v)}
                    {text(form, "ind-ty", |t| t.target_year, "numeric", |f| f.target_year.clone(), |f, v| f.target_year = v)}
                    {text(form, "ind-t", |t| t.target, "decimal", |f| f.target.clone(), |f, v| f.target = v)}
                    <button type="submit" data-testid="save-indicator">{move || i18n.s().save}</button>
                </form>
            </section>
        </article>
    }
    .into_any()
}
