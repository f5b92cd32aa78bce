//! A round's results: ranking with the tie-break chain, spread and consensus, per
//! municipality, the method comparison, the capacity selection with logged overrides, the
//! certificate and CSV, and a projector view. Every number comes from the core's
//! `certificate::certificate` / `result_of`, the same code the CLI runs.
use std::collections::BTreeSet;

use leptos::prelude::*;
use vagval_core::certificate::{certificate, result_of, results_csv};
use vagval_core::crdt::to_json;
use vagval_core::model::Status;
use vagval_core::round::{Group, Override, Round, RoundResult, ballots_of, breakdown};
use vagval_core::select::compare;
use vagval_core::vote::{Answer, Method};
use vagval_core::{Command, Id, Kind, Localized};

use crate::file_io;
use crate::i18n::use_i18n;
use crate::router::{Route, navigate, use_route};
use crate::state::{new_id, now_ms, use_app};
use crate::view::{either, list, text, when};

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
        let t = &i18n.t().v;
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
                i18n.t().v.cert_prefix,
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
                i18n.t().v.results_prefix,
                &crate::state::iso_now()[..10]
            );
            let _ = file_io::download(
                &name,
                &results_csv(&cert, i18n.lang()),
                "text/csv;charset=utf-8",
            );
        }
    };
    let projector = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(html) = document().document_element() {
            let _ = html
                .class_list()
                .toggle_with_force("projector", projector.get());
        }
    });
    on_cleanup(move || {
        if let Some(html) = document().document_element() {
            let _ = html.class_list().remove_1("projector");
        }
    });
    let moved = crate::pages::agenda::moved_to_agenda();
    let to_agenda = move |_| {
        let Some(r) = round.get_untracked() else {
            return;
        };
        let commands: Vec<Command> = result.with_untracked(|res| {
            let Some(res) = res else { return Vec::new() };
            app.doc.with_untracked(|d| {
                let already: BTreeSet<&Id> = d
                    .agenda
                    .live()
                    .flat_map(|a| a.inspel().into_iter().flatten())
                    .collect();
                res.final_items(&r)
                    .into_iter()
                    .filter(|id| !already.contains(id))
                    .flat_map(|id| {
                        let title = d.inspel_title(id);
                        let fields = [
                            ("text".to_owned(), to_json(&title)),
                            ("inspel".to_owned(), to_json(&vec![id.clone()])),
                        ]
                        .into();
                        [
                            Command::Create {
                                kind: Kind::Agenda,
                                id: new_id(),
                                fields,
                            },
                            Command::edit(Kind::Inspel, id, "status", to_json(&Status::InAgenda)),
                        ]
                    })
                    .collect()
            })
        });
        let n = commands.len() / 2;
        if app.dispatch(&Command::Batch { commands }).is_ok() {
            moved.set(Some(n));
            navigate(router, Route::Agenda.path());
        }
    };
    view! {
        <section class="card results" aria-labelledby="results-heading" data-testid="results">
            <div class="row spread">
                <h2 id="results-heading">{i18n.tr(|t| t.v.tab_results)}</h2>
                <button type="button" class="secondary" aria-pressed=text(move || projector.get().to_string())
                    on:click=move |_| projector.update(|p| *p = !*p)>{i18n.tr(|t| t.v.projector)}</button>
            </div>
            <p data-testid="result-facts">{text(facts)}</p>
            <Chart rows=rows/>
            <table class="data" data-testid="results-table">
                <caption>{i18n.tr(|t| t.v.ranking_caption)}</caption>
                <thead><tr>
                    <th scope="col">{i18n.tr(|t| t.v.col_rank)}</th>
                    <th scope="col">{i18n.tr(|t| t.v.col_item)}</th>
                    <th scope="col">{i18n.tr(|t| t.v.col_score)}</th>
                    {when(move || has_stats.get(), move || view! { <th scope="col">{i18n.tr(|t| t.v.col_spread)}</th> }.into_any())}
                    <th scope="col">{i18n.tr(|t| t.v.col_supporters)}</th>
                    <th scope="col">{i18n.tr(|t| t.v.col_notes)}</th>
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
                                    {r.selected.then(|| tag("tag ok", |t| t.v.selected))}
                                    {r.tied.then(|| tag("tag", |t| t.v.tied))}
                                    {r.contested.then(|| tag("tag warn", |t| t.v.contested))}
                                </td>
                            </tr>
                        }.into_any()
                    })}
                </tbody>
            </table>
            {when(move || has_stats.get(), move || view! { <p class="hint">{i18n.tr(|t| t.v.spread_help)}</p> }.into_any())}
            <div class="row">
                <button type="button" class="secondary" on:click=download_cert data-testid="download-cert">{i18n.tr(|t| t.v.download_cert)}</button>
                <button type="button" class="secondary" on:click=download_csv data-testid="download-csv">{i18n.tr(|t| t.v.download_csv)}</button>
                <button type="button" on:click=to_agenda data-testid="to-agenda">{i18n.tr(|t| t.v.to_agenda)}</button>
            </div>
        </section>
        <NotCounted result=result/>
        <Selection round=round rows=rows result=result/>
        <Comparison round=round result=result/>
        <Breakdown round=round result=result/>
    }
}

/// The facilitator's capacity decision, taken apart from the ballots' rules and logged (who,
/// when, before or after the results were shown).
#[component]
fn CapacityDecisionForm(round: Memo<Option<Round>>) -> impl IntoView {
    use super::rounds::{CapacityPicker, capacity_of, capacity_parts};
    use vagval_core::round::CapacityDecision;
    let i18n = use_i18n();
    let app = use_app();
    let (k0, v0) =
        capacity_parts(round.with_untracked(|r| r.as_ref().and_then(Round::capacity_rule)));
    let (kind, value) = (RwSignal::new(k0), RwSignal::new(v0));
    let who = RwSignal::new(String::new());
    let after = RwSignal::new(true);
    let error = RwSignal::new(None::<String>);
    let decided =
        Memo::new(move |_| round.with(|r| r.as_ref().and_then(Round::capacity_decision).cloned()));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(r) = round.get_untracked() else {
            return;
        };
        let name = who.get_untracked().trim().to_owned();
        if name.is_empty() {
            error.set(Some(i18n.t().v.cap_who_missing.to_owned()));
            return;
        }
        let mut log = r.capacity_log().cloned().unwrap_or_default();
        log.push(CapacityDecision {
            rule: capacity_of(kind.get_untracked(), value.get_untracked()),
            who: name,
            at: now_ms(),
            after_results: after.get_untracked(),
        });
        match app.dispatch(&Command::edit(
            Kind::Round,
            &r.id,
            "capacity_log",
            to_json(&log),
        )) {
            Ok(()) => error.set(None),
            Err(e) => error.set(Some(e.message(i18n.lang()))),
        }
    };
    view! {
        <form class="card inset" on:submit=save data-testid="capacity-decision">
            <h3>{i18n.tr(|t| t.v.cap_heading)}</h3>
            <p class="hint">{i18n.tr(|t| t.v.cap_help)}</p>
            {move || decided.get().filter(|d| !d.who.is_empty()).map(|d| {
                let t = &i18n.t().v;
                view! { <p data-testid="capacity-decided">{format!("{} {} {}, {}.", t.cap_decided_by, d.who, crate::state::date_of(d.at), if d.after_results { t.cap_after } else { t.cap_before })}</p> }
            })}
            <div class="row">
                <CapacityPicker id="decision-capacity" kind=kind value=value/>
                <div class="field">
                    <label for="decision-who">{i18n.tr(|t| t.v.cap_who)}</label>
                    <input id="decision-who" type="text" autocomplete="off" aria-describedby="decision-error"
                        prop:value=move || who.get() on:input=move |ev| who.set(event_target_value(&ev))/>
                </div>
            </div>
            <label class="choice">
                <input type="checkbox" prop:checked=move || after.get() on:change=move |ev| after.set(event_target_checked(&ev))/>
                {i18n.tr(|t| t.v.cap_after_results)}
            </label>
            <p id="decision-error" class="field-error" role="alert">{move || error.get()}</p>
            <button type="submit" class="secondary" data-testid="capacity-save">{i18n.tr(|t| t.v.cap_save)}</button>
        </form>
    }
}

/// Every ballot not counted, with its reason (a changed vote's earlier ballot is not listed:
/// the participant's vote counts through the later one).
#[component]
fn NotCounted(result: Memo<Option<RoundResult>>) -> impl IntoView {
    let i18n = use_i18n();
    let rows = Memo::new(move |_| {
        let lang = i18n.lang();
        result.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.not_counted()
                        .map(|e| (e.participant.clone(), e.reason.message(lang)))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <section class="card" aria-labelledby="not-counted-heading" data-testid="not-counted">
            <h2 id="not-counted-heading">{i18n.tr(|t| t.v.not_counted_heading)}</h2>
            {either(move || rows.with(|r| !r.is_empty()), move || view! {
                <table class="data">
                    <caption class="visually-hidden">{i18n.tr(|t| t.v.not_counted_heading)}</caption>
                    <thead><tr><th scope="col">{i18n.tr(|t| t.v.col_participant)}</th><th scope="col">{i18n.tr(|t| t.v.col_reason)}</th></tr></thead>
                    <tbody>{list(move || rows.get(), |(who, why)| view! { <tr><th scope="row">{who}</th><td>{why}</td></tr> }.into_any())}</tbody>
                </table>
            }.into_any(), move || view! { <p>{i18n.tr(|t| t.v.not_counted_none)}</p> }.into_any())}
        </section>
    }
}

/// A small label from the catalogue.
fn tag(class: &'static str, pick: fn(&'static crate::i18n::Texts) -> &'static str) -> AnyView {
    view! { <span class=class>{use_i18n().tr(pick)}</span> }.into_any()
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

#[component]
fn Chart(rows: Memo<Vec<Shown>>) -> impl IntoView {
    let i18n = use_i18n();
    let bars = Memo::new(move |_| {
        rows.with(|r| {
            let max = r
                .iter()
                .map(|x| x.score_f)
                .fold(0.0_f64, f64::max)
                .max(1e-9);
            r.iter()
                .take(20)
                .enumerate()
                .map(|(i, x)| {
                    (
                        i,
                        x.title.clone(),
                        x.score.clone(),
                        (x.score_f.max(0.0) / max * 260.0).round() as u32,
                        x.selected,
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let height = move || (bars.with(Vec::len) * 28 + 8).to_string();
    view! {
        <figure class="chart">
            <svg role="img" aria-labelledby="chart-caption" width="100%" height=text(height) viewBox=text(move || format!("0 0 640 {}", height()))>
                {list(move || bars.get(), |b| view! {
                    <g transform=format!("translate(0,{})", b.0 * 28 + 4)>
                        <title>{b.1.clone()}</title>
                        <text x="0" y="17" class="label">{clip(&b.1, 40)}</text>
                        <rect x="300" y="2" height="20" width=b.3.to_string() class=if b.4 { "selected" } else { "" }/>
                        <text x=(b.3 + 306).to_string() y="17" class="value">{b.2}</text>
                    </g>
                }.into_any())}
            </svg>
            <figcaption id="chart-caption">{i18n.tr(|t| t.v.chart_caption)}</figcaption>
        </figure>
    }
}

/// The capacity rule's selection and the facilitator's overrides (reason required, logged).
#[component]
fn Selection(
    round: Memo<Option<Round>>,
    rows: Memo<Vec<Shown>>,
    result: Memo<Option<RoundResult>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let root = move || result.with_untracked(|r| r.as_ref().map(|r| r.ballots_root.clone()));
    let stale = Memo::new(move |_| {
        round.with(|r| {
            r.as_ref().is_some_and(|r| {
                result.with(|res| res.as_ref().and_then(|res| res.override_stale(r)) == Some(true))
            })
        })
    });
    let confirm_stale = move |_| {
        let Some(r) = round.get_untracked() else {
            return;
        };
        let mut list = r.overrides().cloned().unwrap_or_default();
        let Some(last) = list.last().cloned() else {
            return;
        };
        list.push(Override {
            items: last.items,
            reason: format!("{} {}", i18n.t().v.stale_confirmed_prefix, last.reason),
            at: now_ms(),
            for_root: root(),
        });
        let _ = app.dispatch(&Command::edit(
            Kind::Round,
            &r.id,
            "overrides",
            to_json(&list),
        ));
    };
    let pick = RwSignal::new(None::<BTreeSet<Id>>);
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let overrides = Memo::new(move |_| {
        round.with(|r| {
            r.as_ref()
                .and_then(Round::overrides)
                .cloned()
                .unwrap_or_default()
        })
    });
    let rule = move || {
        let lang = i18n.lang();
        round.with(|r| match r.as_ref().and_then(Round::capacity_rule) {
            Some(c) => crate::i18n::capacity_text(c, lang),
            None => i18n.t().v.no_capacity.to_owned(),
        })
    };
    let is_picked = move |id: &Id| {
        pick.with(|p| {
            p.as_ref().map_or_else(
                || rows.with(|r| r.iter().any(|x| &x.item == id && x.selected)),
                |p| p.contains(id),
            )
        })
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(r) = round.get_untracked() else {
            return;
        };
        let text = reason.get_untracked().trim().to_owned();
        if text.chars().count() < 10 {
            error.set(Some(i18n.t().v.reason_missing.to_owned()));
            return;
        }
        let items: Vec<Id> = rows.with_untracked(|rs| {
            rs.iter()
                .map(|x| x.item.clone())
                .filter(|id| is_picked(id))
                .collect()
        });
        let mut list = r.overrides().cloned().unwrap_or_default();
        list.push(Override {
            items,
            reason: text,
            at: now_ms(),
            for_root: root(),
        });
        match app.dispatch(&Command::edit(
            Kind::Round,
            &r.id,
            "overrides",
            to_json(&list),
        )) {
            Ok(()) => {
                error.set(None);
                reason.set(String::new());
                pick.set(None);
            }
            Err(e) => error.set(Some(e.message(i18n.lang()))),
        }
    };
    view! {
        <section class="card" aria-labelledby="selection-heading" data-testid="selection">
            <h2 id="selection-heading">{i18n.tr(|t| t.v.selection)}</h2>
            <p>{i18n.tr(|t| t.v.rule)}": "{text(rule)}</p>
            {when(move || stale.get(), move || view! {
                <div class="notice warning" role="alert" data-testid="override-stale">
                    <h3>{i18n.tr(|t| t.v.stale_heading)}</h3>
                    <p>{i18n.tr(|t| t.v.stale_body)}</p>
                    <button type="button" class="secondary" data-testid="override-confirm" on:click=confirm_stale>{i18n.tr(|t| t.v.stale_confirm)}</button>
                </div>
            }.into_any())}
            <CapacityDecisionForm round=round/>
            <form on:submit=save class="override">
                <fieldset>
                    <legend>{i18n.tr(|t| t.v.override_legend)}</legend>
                    <ul class="check-list">
                        {list(move || rows.get(), move |r| {
                                let (a, b) = (r.item.clone(), r.item.clone());
                                let toggle = move |ev| {
                                    let on = event_target_checked(&ev);
                                    let current: BTreeSet<Id> = rows.with_untracked(|rs| rs.iter().filter(|x| is_picked(&x.item)).map(|x| x.item.clone()).collect());
                                    let mut next = current;
                                    if on { next.insert(b.clone()); } else { next.remove(&b); }
                                    pick.set(Some(next));
                                };
                                view! {
                                    <li><label class="choice">
                                        <input type="checkbox" prop:checked=Signal::derive(move || is_picked(&a)) on:change=toggle/>
                                        <span>{r.rank}". "{r.title.clone()}</span>
                                    </label></li>
                                }.into_any()
                        })}
                    </ul>
                </fieldset>
                <div class="field">
                    <label for="override-reason">{i18n.tr(|t| t.v.override_reason)}</label>
                    <textarea id="override-reason" rows="3" prop:value=reason
                        on:input=move |ev| reason.set(event_target_value(&ev))
                        aria-describedby="override-error"></textarea>
                </div>
                <p id="override-error" class="field-error" role="alert">{text(move || error.get().unwrap_or_default())}</p>
                <button type="submit" data-testid="save-override">{i18n.tr(|t| t.v.save_override)}</button>
            </form>
            {when(move || overrides.with(|o| !o.is_empty()), move || view! {
                <h3>{i18n.tr(|t| t.v.override_log)}</h3>
                <ol class="log" data-testid="override-log">
                    {list(move || overrides.get(), move |o| view! {
                        <li>
                            {crate::state::date_of(o.at)}": "{o.reason.clone()}" ("{o.items.len()}" "{i18n.tr(|t| t.v.items_word)}")"
                        </li>
                    }.into_any())}
                </ol>
            }.into_any())}
        </section>
    }
}

/// The applicable methods on the same ballots: does the top-N change?
#[component]
fn Comparison(round: Memo<Option<Round>>, result: Memo<Option<RoundResult>>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let rows = Memo::new(move |_| {
        let lang = i18n.lang();
        let Some(r) = round.get() else {
            return Vec::new();
        };
        result.with(|res| {
            app.doc.with(|d| {
                let Some(res) = res else { return Vec::new() };
                let ballots = ballots_of(d, &r.id);
                let counted: BTreeSet<&Id> = res.counted.iter().collect();
                let answers: Vec<&Answer> = ballots
                    .iter()
                    .filter(|b| counted.contains(&b.id))
                    .filter_map(|b| b.answer())
                    .collect();
                let n = r.capacity().copied().flatten().map_or(3, |c| match c {
                    vagval_core::select::Capacity::TopN { n } => n as usize,
                    _ => res.selection.as_ref().map_or(3, |s| s.items.len()),
                });
                compare(
                    &r.method_or_default(),
                    &r.item_set(),
                    &answers,
                    r.seed().map_or("", String::as_str),
                    n,
                )
                .into_iter()
                .map(|c| {
                    (
                        crate::i18n::method_label(&c.method, lang),
                        c.top
                            .iter()
                            .map(|id| d.inspel_title(id))
                            .collect::<Vec<_>>()
                            .join(" · "),
                        c.differs,
                    )
                })
                .collect::<Vec<_>>()
            })
        })
    });
    let rows = Memo::new(move |_| {
        rows.get()
            .into_iter()
            .map(|(m, top, differs)| (m, top, Cell::Flag(differs)))
            .collect()
    });
    view! {
        <SmallTable id="comparison" heading=|t| t.v.comparison help=Some(|t| t.v.comparison_help) empty=|t| t.v.comparison_none
            columns=[|t| t.v.method, |t| t.v.top_list, |t| t.v.col_notes] rows=rows/>
    }
}

type Pick = fn(&'static crate::i18n::Texts) -> &'static str;

/// The third cell of a [`SmallTable`] row.
#[derive(Clone, PartialEq)]
enum Cell {
    Text(String),
    /// "Ändras" (true) or "Samma" (false).
    Flag(bool),
}

/// A captioned three-column table (row header, text, any cell) with a heading, an optional
/// help text and a text for "nothing to show". One component for the small result tables.
#[component]
fn SmallTable(
    id: &'static str,
    heading: Pick,
    help: Option<Pick>,
    empty: Pick,
    columns: [Pick; 3],
    rows: Memo<Vec<(String, String, Cell)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (hid, labelled) = (format!("{id}-heading"), format!("{id}-heading"));
    view! {
        <section class="card" aria-labelledby=labelled data-testid=id>
            <h2 id=hid>{i18n.tr(heading)}</h2>
            {help.map(|h| view! { <p>{i18n.tr(h)}</p> })}
            {either(move || rows.with(|r| !r.is_empty()), move || view! {
                <table class="data">
                    <caption class="visually-hidden">{i18n.tr(heading)}</caption>
                    <thead><tr>{columns.map(|c| view! { <th scope="col">{i18n.tr(c)}</th> }).into_iter().collect_view()}</tr></thead>
                    <tbody>
                        {list(move || rows.get(), |r| {
                            let third = match r.2 {
                                Cell::Text(t) => t.into_any(),
                                Cell::Flag(true) => tag("tag warn", |t| t.v.differs),
                                Cell::Flag(false) => tag("tag ok", |t| t.v.same),
                            };
                            view! { <tr><th scope="row">{r.0}</th><td>{r.1}</td><td>{third}</td></tr> }.into_any()
                        })}
                    </tbody>
                </table>
            }.into_any(), move || view! { <p>{i18n.tr(empty)}</p> }.into_any())}
        </section>
    }
}

/// The top three per participant municipality.
#[component]
fn Breakdown(round: Memo<Option<Round>>, result: Memo<Option<RoundResult>>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let hidden = RwSignal::new(0usize);
    let rows = Memo::new(move |_| {
        let lang = i18n.lang();
        let Some(r) = round.get() else {
            return Vec::new();
        };
        result.with(|res| {
            app.doc.with(|d| {
                let Some(res) = res else { return Vec::new() };
                let by = breakdown(&r, &ballots_of(d, &r.id), &res.counted);
                hidden.set(by.hidden);
                by.groups
                    .into_iter()
                    .map(|(g, t)| {
                        let name = match g {
                            Group::One(m) => m.label(lang).to_owned(),
                            Group::Others(list) => format!(
                                "{} ({})",
                                crate::i18n::texts(lang).v.breakdown_others,
                                list.iter()
                                    .map(|m| m.label(lang))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        };
                        (
                            name,
                            t.ballots,
                            t.rows
                                .iter()
                                .take(3)
                                .map(|row| d.inspel_title(&row.item))
                                .collect::<Vec<_>>()
                                .join(" · "),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let rows = Memo::new(move |_| {
        rows.get()
            .into_iter()
            .map(|(m, n, top)| (m, n.to_string(), Cell::Text(top)))
            .collect()
    });
    view! {
        <SmallTable id="breakdown" heading=|t| t.v.breakdown help=Some(|t| t.v.breakdown_privacy) empty=|t| t.v.breakdown_none
            columns=[|t| t.inspel_municipality, |t| t.v.col_ballots, |t| t.v.top_three] rows=rows/>
        {when(move || hidden.get() > 0, move || view! {
            <p class="hint" data-testid="breakdown-hidden">{move || format!("{} {}", hidden.get(), i18n.t().v.breakdown_hidden)}</p>
        }.into_any())}
    }
}
