//! The module's first page: the areas (each a link to its effect chain), the chains' checks,
//! the indicators' progress with the off-track rule, the projects' co-financing checks (the
//! report behind `vagval areas`) and the formulas.
use leptos::prelude::*;
use vagval_core::actions::report::report;

use super::texts::{self, ActionsI18n};
use super::{CHAIN, INDICATOR, PROJECT};
use crate::i18n::use_i18n;
use crate::state::use_app;

/// The areas, the chains' problems, the indicators and the projects.
#[component]
pub(super) fn AreasPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let t = move || i18n.s();
    crate::app::pages::page_title(move || texts::card(i18n.lang()).title);
    let rep = Memo::new(move |_| {
        let lang = i18n.lang();
        app.doc.with(|d| report(d, lang))
    });
    let areas = Memo::new(move |_| {
        let lang = i18n.lang();
        app.doc.with(|d| {
            let mut v: Vec<(u8, String, &'static str, String, vagval_core::Id)> = d
                .areas
                .live()
                .filter(|a| a.removed() != Some(&true))
                .map(|a| {
                    (
                        a.number().copied().unwrap_or(0),
                        a.title().cloned().unwrap_or_default(),
                        a.status().copied().unwrap_or_default().label(lang),
                        a.aim().cloned().unwrap_or_default(),
                        a.id.clone(),
                    )
                })
                .collect();
            vagval_core::order::sort_by(&mut v, |a, b| a.cmp(b));
            v
        })
    });
    let area_list = move || {
        let list = areas.get();
        if list.is_empty() {
            return view! { <p>{t().no_areas}</p> }.into_any();
        }
        view! {
            <ul class="area-list" data-testid="areas">
                {list.into_iter().map(|(n, title, status, aim, id)| view! {
                    <li data-testid="area">
                        <h3>{if n > 0 { format!("{n}. {title}") } else { title }}</h3>
                        <p class="meta">{status}</p>
                        <p>{aim}</p>
                        <p><a href=format!("{CHAIN}{id}") data-testid="chain-link">{t().open_chain}</a></p>
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let chains = move || {
        let s = t();
        rep.with(|r| {
            r.chains
                .iter()
                .map(|c| {
                    let problems = super::fields::findings(&c.problems, s.no_problems, ("chain-problems", "chain-ok"));
                    view! {
                        <section class="card chain" data-testid="chain">
                            <h3><a href=format!("{CHAIN}{}", c.owner)>{c.title.clone()}</a></h3>
                            <p class="meta">{format!("{} {}, {} {}", c.nodes, s.nodes, c.edges, s.arrows)}</p>
                            {problems}
                        </section>
                    }
                })
                .collect_view()
        })
    };
    let indicators = move || {
        let s = t();
        rep.with(|r| {
            let rows = r
                .indicators
                .iter()
                .map(|i| {
                    let latest = i.latest.as_ref().map_or(String::new(), |(y, v)| format!("{v} {} ({y})", i.unit));
                    let progress = match (&i.progress, &i.note) {
                        (Some(p), _) => format!("{p} %"),
                        (None, Some(n)) => n.clone(),
                        (None, None) => "–".to_owned(),
                    };
                    view! {
                        <tr data-testid="indicator-row" class:off-track=i.off_track>
                            <th scope="row"><a href=format!("{INDICATOR}{}", i.id) data-testid="indicator-link">{i.title.clone()}</a></th>
                            <td class="num">{latest}</td>
                            <td class="num">{progress}</td>
                            <td>{i.off_track.then_some(s.yes)}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="indicators-heading">
                    <table class="data-table" data-testid="indicators-table">
                        <thead><tr>
                            <th scope="col">{s.indicator}</th>
                            <th scope="col">{s.latest}</th>
                            <th scope="col">{s.progress}</th>
                            <th scope="col">{s.off_track}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
        })
    };
    let projects = move || {
        let s = t();
        rep.with(|r| {
            let rows = r
                .projects
                .iter()
                .map(|p| {
                    let shares = p
                        .shares
                        .iter()
                        .map(|(k, sum, share)| format!("{k} {sum} ({share} %)"))
                        .collect::<Vec<_>>()
                        .join("; ");
                    let checks = super::fields::findings(&p.findings, s.holds, ("financing-warnings", "financing-ok"));
                    view! {
                        <tr data-testid="project-row">
                            <th scope="row"><a href=format!("{PROJECT}{}", p.id) data-testid="project-link">{p.title.clone()}</a></th>
                            <td class="num">{p.cost.clone()}</td>
                            <td>{shares}</td>
                            <td>{checks}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="projects-heading">
                    <table class="data-table" data-testid="projects-table">
                        <thead><tr>
                            <th scope="col">{s.project}</th>
                            <th scope="col">{s.cost}</th>
                            <th scope="col">{s.financing}</th>
                            <th scope="col">{s.checks}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
        })
    };
    // The indicators as `vagval areas --csv` prints them (the same core function).
    let error = RwSignal::new(None::<String>);
    let export_indicators = move |_| {
        let lang = i18n.lang();
        let name = app.doc.with_untracked(|d| crate::file_io::slug(d.name()));
        let csv = rep.with_untracked(|r| r.csv(lang));
        crate::file_io::offer(
            &format!("{name}-indikatorer.csv"),
            &csv,
            "text/csv;charset=utf-8",
            error,
            lang,
        );
    };
    view! {
        <article class="page action-areas">
            <h1>{move || texts::card(i18n.lang()).title}</h1>
            <super::Tabs current=0/>
            <p class="lead">{move || t().lead}</p>
            <h2>{move || t().areas}</h2>
            {area_list}
            <h2>{move || t().chains}</h2>
            {chains}
            <h2 id="indicators-heading">{move || t().indicators}</h2>
            <p class="hint">{move || t().off_track_rule}</p>
            {indicators}
            <p class="no-print"><button type="button" class="secondary" data-testid="indicators-csv" on:click=export_indicators>{move || t().export_csv}</button></p>
            <p class="field-error" role="alert">{move || error.get()}</p>
            <h2 id="projects-heading">{move || t().projects}</h2>
            {projects}
            <NewProject/>
            <h2>{move || t().formulas}</h2>
            <ul class="formulas">
                {move || rep.with(|r| r.formulas.iter().map(|f| view! { <li><code>{*f}</code></li> }).collect_view())}
            </ul>
        </article>
    }
}

/// Starts a collaboration project: its name and area; then its page.
#[component]
fn NewProject() -> impl IntoView {
    use vagval_core::Localized;
    let i18n = use_i18n();
    let app = use_app();
    let router = crate::app::router::use_route();
    let title = RwSignal::new(String::new());
    let area = RwSignal::new(None::<vagval_core::Id>);
    let error = RwSignal::new(None::<String>);
    let areas = super::fields::areas();
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = crate::state::new_id();
        match vagval_core::actions::workflow::new_project(
            &id,
            &title.get_untracked(),
            area.get_untracked().as_ref(),
        ) {
            Ok(cmd) => {
                if app.run(&cmd, error, i18n.lang()) {
                    crate::app::router::navigate(router, &format!("{PROJECT}{id}"));
                }
            }
            Err(e) => error.set(Some(e.message(i18n.lang()))),
        }
    };
    view! {
        <form class="row card no-print" on:submit=create data-testid="new-project">
            <h3 class="grow">{move || i18n.s().new_project}</h3>
            {super::fields::plain(title, "new-project-title", |t| t.name, "text")}
            {super::fields::records("new-project-area", |t| t.area, |t| t.no_area, areas.into(), area.into(), Callback::new(move |a| area.set(a)))}
            <button type="submit">{move || i18n.s().create}</button>
            <p class="field-error" role="alert">{move || error.get()}</p>
        </form>
    }
}
