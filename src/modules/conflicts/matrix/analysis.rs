//! The analysis views: the goals' roles (every measure, positive and negative parts apart,
//! the signed-net pitfall explained), the strongest negative two-step paths in words, the
//! trade-offs only the second order shows, the ±1 sensitivity and the formulas used. Tables
//! are the data behind every figure.
use leptos::prelude::*;
use vagval_core::conflicts::analysis::explain;
use vagval_core::conflicts::report::{fraction_text, report};

use super::Ctx;
use super::network::NetworkView;
use super::score::signed;
use crate::i18n::use_i18n;
use crate::modules::conflicts::texts::ConflictsI18n;
use crate::state::use_app;

/// A number as shown: a real minus sign (U+2212), not a hyphen.
fn n(v: impl ToString) -> String {
    v.to_string().replace('-', "−")
}

#[component]
pub(super) fn AnalysisPanel(ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let id = ctx.id;
    let rep = Memo::new(move |_| app.doc.with(|d| report(d, &id)));
    move || {
        let Some(r) = rep.get() else {
            return ().into_any();
        };
        let lang = i18n.lang();
        let c = i18n.c();
        let a = &r.analysis;
        let src = r.reveal.sources();
        let get = |k: &str| src.get(k).copied().unwrap_or(0);
        let coverage = format!(
            "{} {} {} · {} {} · {} {} · {} {}",
            r.reveal.judged,
            c.of_word,
            r.reveal.wanted,
            get("consensus"),
            c.from_consensus,
            get("median"),
            c.from_median,
            get("unjudged"),
            c.unjudged
        );
        let rows = a
            .rankings
            .combined
            .order
            .iter()
            .enumerate()
            .filter_map(|(place, &i)| {
                let f = a.first_order.get(i)?;
                let v = a.vester.nodes.get(i)?;
                Some(view! {
                    <tr data-testid="measure-row">
                        <td>{place + 1}</td>
                        <th scope="row">{r.labels[i].clone()}</th>
                        <td>{n(format!("{} ({} / {})", f.out_sum, f.out_pos, f.out_neg))}</td>
                        <td>{n(format!("{} ({} / {})", f.in_sum, f.in_pos, f.in_neg))}</td>
                        <td>{n(f.net_pos)}</td>
                        <td>{n(f.net_neg)}</td>
                        <td>{v.active_sum}</td>
                        <td>{v.passive_sum}</td>
                        <td>{n(fraction_text(v.quotient, lang))}</td>
                        <td>{v.product}</td>
                        <td>{v.class.name(lang)}</td>
                        <td>{n(fraction_text(a.second_order.combined_value(i), lang))}</td>
                    </tr>
                })
            })
            .collect_view();
        let paths = a.second_order.negative_paths.iter().take(10).map(|p| view! {
            <li data-testid="negative-path">{format!("{} → {} → {}: {}", r.labels[p.from], r.labels[p.via], r.labels[p.to], signed(i8::try_from(p.product).unwrap_or(i8::MIN)))}
                <span class="hint">{format!(" ({} · {})", signed(i8::try_from(p.first_link).unwrap_or(0)), signed(i8::try_from(p.second_link).unwrap_or(0)))}</span></li>
        }).collect_view();
        let hidden = a.second_order.hidden_tradeoffs.iter().take(10).map(|h| view! {
            <tr data-testid="hidden-row">
                <th scope="row">{format!("{} → {}", r.labels[h.source], r.labels[h.target])}</th>
                <td>{h.first_order.map_or_else(|| "–".to_owned(), signed)}</td>
                <td>{n(fraction_text(a.second_order.value(h.source, h.target), lang))}</td>
                <td>{r.labels[h.strongest_via].clone()}</td>
            </tr>
        }).collect_view();
        let s = &a.sensitivity;
        let per = s.per_ranking.iter().map(|p| view! {
            <tr><th scope="row">{p.key.measure().name(lang)}</th><td>{p.order_changes}</td><td>{p.top_changes}</td></tr>
        }).collect_view();
        let formulas = a
            .formulas
            .all()
            .into_iter()
            .map(|id| view! { <li><code>{id}</code>": "{explain(id, lang).unwrap_or("")}</li> })
            .collect_view();
        view! {
            <section aria-labelledby="analysis-heading" data-testid="analysis">
                <h2 id="analysis-heading">{c.tab_analysis}</h2>
                <p class="lead">{c.analysis_lead}</p>
                <p data-testid="coverage">{coverage}</p>
                <section class="card">
                    <div class="table-scroll" tabindex="0" role="region" aria-label=c.measures>
                        <table class="data-table" data-testid="measures">
                            <caption>{c.measures}</caption>
                            <thead><tr>
                                <th scope="col">{c.col_rank}</th><th scope="col">{c.col_goal}</th>
                                <th scope="col">{format!("{} (+ / −)", c.col_out)}</th><th scope="col">{format!("{} (+ / −)", c.col_in)}</th>
                                <th scope="col">{c.col_net_pos}</th><th scope="col">{c.col_net_neg}</th>
                                <th scope="col">{c.col_as}</th><th scope="col">{c.col_ps}</th><th scope="col">{c.col_q}</th><th scope="col">{c.col_p}</th>
                                <th scope="col">{c.col_role}</th><th scope="col">{c.col_combined}</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    <p class="hint">{c.measures_help}</p>
                    <p class="notice">{c.net_pitfall}</p>
                </section>
                <section class="card" aria-labelledby="paths-heading">
                    <h3 id="paths-heading">{c.paths}</h3>
                    <p class="hint">{c.paths_help}</p>
                    <ol data-testid="negative-paths">{paths}</ol>
                </section>
                <NetworkView rep=rep />
                <section class="card">
                    <table class="data-table" data-testid="hidden">
                        <caption>{c.hidden}</caption>
                        <thead><tr><th scope="col">{c.col_pair}</th><th scope="col">{c.first_order}</th><th scope="col">{c.second_order}</th><th scope="col">{c.via}</th></tr></thead>
                        <tbody>{hidden}</tbody>
                    </table>
                    <p class="hint">{c.hidden_help}</p>
                </section>
                <section class="card">
                    <table class="data-table" data-testid="sensitivity">
                        <caption>{c.sensitivity}</caption>
                        <thead><tr><th scope="col">{c.col_ranking}</th><th scope="col">{format!("{} {}", s.perturbations, c.changes_order)}</th><th scope="col">{c.changes_top}</th></tr></thead>
                        <tbody>{per}</tbody>
                    </table>
                    <p class="hint">{c.sensitivity_help}</p>
                </section>
                <section class="card">
                    <h3>{c.formulas}</h3>
                    <ul class="formulas">{formulas}</ul>
                </section>
            </section>
        }
        .into_any()
    }
}
