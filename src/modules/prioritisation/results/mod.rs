//! A round's results: ranking with the tie-break chain, spread and consensus, per
//! municipality, the method comparison, the capacity selection with logged overrides, the
//! certificate and CSV, and a projector view. Every number comes from the core's
//! `certificate::certificate` / `result_of`, the same code the CLI runs.
use leptos::prelude::*;
use std::collections::BTreeSet;
use vagval_core::certificate::{certificate, result_of, results_csv};
use vagval_core::prioritisation::agenda::to_agenda;
use vagval_core::round::Round;
use vagval_core::vote::Method;
use vagval_core::{Command, Id, Localized};

use crate::app::router::{navigate, use_route};
use crate::file_io;
use crate::i18n::use_i18n;
use crate::modules::prioritisation::texts::{ModuleI18n, Texts};
use crate::state::{new_id, use_app};
use crate::ui::view::{list, text, when};

mod breakdown;
mod capacity;
mod chart;
mod comparison;
mod not_counted;
mod selection;
use breakdown::Breakdown;
use chart::Chart;
use comparison::Comparison;
use not_counted::NotCounted;
use selection::Selection;

/// One row as shown: rank, item, title, municipality, score, extra, supporters, tied, contested.
#[derive(Clone, PartialEq)]
struct Shown {
    rank: usize,
    item: Id,
    title: String,
    municipality: &'static str,
    score: String,
    spread: String,
    supporters: usize,
    tied: bool,
    contested: bool,
    selected: bool,
    score_f: f64,
}

#[component]
pub fn Results(round: Memo<Option<Round>>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let router = use_route();
    let rid = move || round.with(|r| r.as_ref().map(|r| r.id.clone()));
    let result = Memo::new(move |_| rid().and_then(|id| app.doc.with(|d| result_of(d, &id).ok())));
    let rows = Memo::new(move |_| {
        let lang = i18n.lang();
        let comma = lang == vagval_core::Lang::Sv;
        let Some(r) = round.get() else {
            return Vec::new();
        };
        result.with(|res| {
            let Some(res) = res else { return Vec::new() };
            let chosen: BTreeSet<&Id> = res.final_items(&r).into_iter().collect();
            app.doc.with(|d| {
                res.tally
                    .rows
                    .iter()
                    .map(|row| {
                        let i = d.inspel.0.get(&row.item);
                        let spread = row.stats.as_ref().map_or(String::new(), |s| {
                            let c = s.consensus.map_or("–".into(), |c| c.decimal(2, comma));
                            format!(
                                "{} / {} / {c}",
                                s.median.display(1, comma),
                                s.iqr.display(1, comma)
                            )
                        });
                        Shown {
                            rank: row.rank,
                            item: row.item.clone(),
                            title: i.and_then(|i| i.title().cloned()).unwrap_or_default(),
                            municipality: i
                                .and_then(|i| i.municipality())
                                .map_or("", |m| m.label(lang)),
                            // Whole numbers stay whole ("4", not "4,00").
                            score: row.score.display(2, comma),
                            spread,
                            supporters: row.supporters,
                            tied: row.tied,
                            contested: row.contested(),
                            selected: chosen.contains(&row.item),
                            score_f: row.score.to_f64(),
                        }
                    })
                    .collect()
            })
        })
    });
    let has_stats = Memo::new(move |_| rows.with(|r| r.iter().any(|x| !x.spread.is_empty())));
    let counted = Memo::new(move |_| result.with(|r| r.as_ref().map_or(0, |r| r.counted.len())));
    let facts = move || {
        let t = i18n.v();
        let lang = i18n.lang();
        let Some(r) = round.get() else {
            return String::new();
        };
        let seed = r.seed().cloned().unwrap_or_default();
        let mut out = format!(
            "{} {}. {} \u{201d}{seed}\u{201d}.",
            counted.get(),
            t.counted_ballots,
            t.tie_chain
        );
        result.with(|res| {
            if let Some(res) = res {
                if let Some(w) = res.tally.kendall_w {
                    out.push_str(&format!(
                        " Kendalls W = {}.",
                        w.decimal(2, lang == vagval_core::Lang::Sv)
                    ));
                }
                if matches!(r.method(), Some(Method::Ranking { .. })) {
                    match &res.tally.condorcet {
                        Some(vagval_core::vote::Condorcet::Winner { item }) => {
                            let title = app.doc.with(|d| d.inspel_title(item));
                            out.push_str(&format!(" {}: {title}.", t.condorcet));
                        }
                        Some(other) => {
                            out.push_str(&format!(" {}: {}.", t.condorcet, other.message(lang)))
                        }
                        None => out.push_str(&format!(" {}.", t.no_condorcet)),
                    }
                }
                let left_out = res.not_counted().count();
                if left_out > 0 {
                    out.push_str(&format!(
                        " {left_out} {}.",
                        t.not_counted_heading.to_lowercase()
                    ));
                }
            }
        });
        out
    };
    let download_cert = move |_| {
        let Some(id) = rid() else { return };
        if let Ok(cert) = app.doc.with_untracked(|d| certificate(d, &id)) {
            let text = vagval_core::crdt::to_json(&cert).to_string();
            let name = format!(
                "{}-{}.json",
                i18n.v().cert_prefix,
                &crate::state::iso_now()[..10]
            );
            let _ = file_io::download(&name, &text, "application/json");
        }
    };
    let download_csv = move |_| {
        let Some(id) = rid() else { return };
        if let Ok(cert) = app.doc.with_untracked(|d| certificate(d, &id)) {
            let name = format!(
                "{}-{}.csv",
                i18n.v().results_prefix,
                &crate::state::iso_now()[..10]
            );
            let _ = file_io::download(
                &name,
                &results_csv(&cert, i18n.lang()),
                "text/csv;charset=utf-8",
            );
        }
    };
    let moved = crate::modules::prioritisation::agenda::moved_to_agenda();
    let into_agenda = move |_| {
        let Some(r) = round.get_untracked() else {
            return;
        };
        let (cmd, n) = result.with_untracked(|res| match res {
            Some(res) => app.doc.with_untracked(|d| to_agenda(d, &r, res, new_id)),
            None => (
                Command::Batch {
                    commands: Vec::new(),
                },
                0,
            ),
        });
        if app.dispatch(&cmd).is_ok() {
            moved.set(Some(n));
            navigate(router, super::AGENDA);
        }
    };
    view! {
        <section class="card results" aria-labelledby="results-heading" data-testid="results">
            <div class="row spread">
                <h2 id="results-heading">{i18n.trv(|t| t.tab_results)}</h2>
                <crate::ui::ProjectorButton label=i18n.trv(|t| t.projector)/>
            </div>
            <p data-testid="result-facts">{text(facts)}</p>
            <Chart rows=rows/>
            <table class="data" data-testid="results-table">
                <caption>{i18n.trv(|t| t.ranking_caption)}</caption>
                <thead><tr>
                    <th scope="col">{i18n.trv(|t| t.col_rank)}</th>
                    <th scope="col">{i18n.trv(|t| t.col_item)}</th>
                    <th scope="col">{i18n.trv(|t| t.col_score)}</th>
                    {when(move || has_stats.get(), move || view! { <th scope="col">{i18n.trv(|t| t.col_spread)}</th> }.into_any())}
                    <th scope="col">{i18n.trv(|t| t.col_supporters)}</th>
                    <th scope="col">{i18n.trv(|t| t.col_notes)}</th>
                </tr></thead>
                <tbody>
                    {list(move || rows.get(), move |r| {
                        let spread = has_stats.get_untracked().then(|| view! { <td class="num">{r.spread.clone()}</td> });
                        view! {
                            <tr class=if r.selected { "selected" } else { "" }>
                                <td>{r.rank}</td>
                                <th scope="row">{r.title.clone()}<span class="hint">" · "{r.municipality}</span></th>
                                <td class="num">{r.score.clone()}</td>
                                {spread}
                                <td class="num">{r.supporters}</td>
                                <td>
                                    {r.selected.then(|| tag("tag ok", |t| t.selected))}
                                    {r.tied.then(|| tag("tag", |t| t.tied))}
                                    {r.contested.then(|| tag("tag warn", |t| t.contested))}
                                </td>
                            </tr>
                        }.into_any()
                    })}
                </tbody>
            </table>
            {when(move || has_stats.get(), move || view! { <p class="hint">{i18n.trv(|t| t.spread_help)}</p> }.into_any())}
            <div class="row">
                <button type="button" class="secondary" on:click=download_cert data-testid="download-cert">{i18n.trv(|t| t.download_cert)}</button>
                <button type="button" class="secondary" on:click=download_csv data-testid="download-csv">{i18n.trv(|t| t.download_csv)}</button>
                <button type="button" on:click=into_agenda data-testid="to-agenda">{i18n.trv(|t| t.to_agenda)}</button>
            </div>
        </section>
        <NotCounted result=result/>
        <Selection round=round rows=rows result=result/>
        <Comparison round=round result=result/>
        <Breakdown round=round result=result/>
    }
}

/// A small label from the catalogue.
fn tag(class: &'static str, pick: fn(&'static Texts) -> &'static str) -> AnyView {
    view! { <span class=class>{use_i18n().trv(pick)}</span> }.into_any()
}

/// Horizontal bars of the scores (the table above is its data table).
/// `text` cut to at most `max` characters at a word boundary, with an ellipsis when cut (the
/// full text is in the bar's tooltip and in the table).
fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let head: String = text.chars().take(max - 1).collect();
    let cut = head
        .rfind(' ')
        .filter(|at| *at > head.len() / 2)
        .unwrap_or(head.len());
    format!("{}…", head[..cut].trim_end_matches([' ', ',', '–', '-']))
}
