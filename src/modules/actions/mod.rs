//! Insatsområden: the action areas, their effect chains, indicators and projects. Being built:
//! the page shows the report behind `vagval areas` (each chain's validation, each indicator's
//! progress with the off-track rule, each project's co-financing checks), read-only; every
//! workflow is a core function (`vagval_core::actions`).
use leptos::prelude::*;
use vagval_core::actions::report::report;

use super::{Draw, Module, Page, Render, SplitLoaderError};
use crate::i18n::use_i18n;
use crate::state::use_app;

pub mod texts;

/// The module's page.
pub const AREAS: &str = "/insatsomraden";

/// The module's entry in [`super::MODULES`].
pub const MODULE: Module = Module {
    pages: &[Page { path: AREAS }],
    draw: Draw::Chunk(|| Box::pin(pages())),
    card: texts::card,
    provide: super::nothing,
};

/// The module's split point (see the prioritisation module's).
#[cfg(feature = "split")]
#[allow(unsafe_code)]
#[leptos::wasm_split::wasm_split(actions, wasm_split_path = ::leptos::wasm_split, fallible)]
fn pages() -> Result<Render, SplitLoaderError> {
    Ok(render)
}

/// Without the `split` feature the pages are in the one wasm module.
#[cfg(not(feature = "split"))]
#[allow(clippy::unused_async)]
async fn pages() -> Result<Render, SplitLoaderError> {
    Ok(render)
}

fn render(_: usize) -> AnyView {
    view! { <AreasPage/> }.into_any()
}

/// The areas, the chains' problems, the indicators and the projects.
#[component]
fn AreasPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let t = move || texts::texts(i18n.lang());
    crate::app::pages::page_title(move || texts::card(i18n.lang()).title);
    let rep = Memo::new(move |_| {
        let lang = i18n.lang();
        app.doc.with(|d| report(d, lang))
    });
    let areas = Memo::new(move |_| {
        let lang = i18n.lang();
        app.doc.with(|d| {
            let mut v: Vec<(u8, String, &'static str, String)> = d
                .areas
                .live()
                .filter(|a| a.removed() != Some(&true))
                .map(|a| {
                    (
                        a.number().copied().unwrap_or(0),
                        a.title().cloned().unwrap_or_default(),
                        a.status().copied().unwrap_or_default().label(lang),
                        a.aim().cloned().unwrap_or_default(),
                    )
                })
                .collect();
            v.sort();
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
                {list.into_iter().map(|(n, title, status, aim)| view! {
                    <li data-testid="area">
                        <h3>{if n > 0 { format!("{n}. {title}") } else { title }}</h3>
                        <p class="meta">{status}</p>
                        <p>{aim}</p>
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
                    let problems = if c.problems.is_empty() {
                        view! { <p class="ok">{s.no_problems}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="warnings" data-testid="chain-problems">
                                {c.problems.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}
                            </ul>
                        }
                        .into_any()
                    };
                    view! {
                        <section class="card chain" data-testid="chain">
                            <h3>{c.title.clone()}</h3>
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
                            <th scope="row">{i.title.clone()}</th>
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
                    let checks = if p.findings.is_empty() {
                        view! { <span>{s.holds}</span> }.into_any()
                    } else {
                        view! {
                            <ul class="warnings" data-testid="financing-warnings">
                                {p.findings.iter().map(|f| view! { <li>{f.clone()}</li> }).collect_view()}
                            </ul>
                        }
                        .into_any()
                    };
                    view! {
                        <tr data-testid="project-row">
                            <th scope="row">{p.title.clone()}</th>
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
    view! {
        <article class="page actions">
            <h1>{move || texts::card(i18n.lang()).title}</h1>
            <p class="lead">{move || t().lead}</p>
            <h2>{move || t().areas}</h2>
            {area_list}
            <h2>{move || t().chains}</h2>
            {chains}
            <h2 id="indicators-heading">{move || t().indicators}</h2>
            <p class="hint">{move || t().off_track_rule}</p>
            {indicators}
            <h2 id="projects-heading">{move || t().projects}</h2>
            {projects}
            <h2>{move || t().formulas}</h2>
            <ul class="formulas">
                {move || rep.with(|r| r.formulas.iter().map(|f| view! { <li><code>{*f}</code></li> }).collect_view())}
            </ul>
        </article>
    }
}
