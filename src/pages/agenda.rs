//! Påverkansagendan: points written from the prioritised inspel, consultation comments,
//! adoption, a traceability table back to the inspel and municipalities, and a print view.
use std::collections::BTreeSet;

use leptos::prelude::*;
use vagval_core::crdt::to_json;
use vagval_core::model::{Agenda, Comment, Status};
use vagval_core::{Command, Id, Kind, Localized};

use super::page_title;
use super::rounds::{SubNav, inspel_choices};
use crate::i18n::use_i18n;
use crate::state::{new_id, now_ms, use_app};

#[component]
pub fn AgendaPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    page_title(move || i18n.t().v.agenda);
    let points = Memo::new(move |_| {
        // In the order the points were written: "För in de valda i agendan" writes them in rank
        // order, one stamp after the other.
        let mut list = app.doc.with(|d| {
            d.agenda
                .live()
                .filter(|a| a.removed() != Some(&true))
                .cloned()
                .collect::<Vec<Agenda>>()
        });
        list.sort_by(|a, b| {
            a.text
                .as_ref()
                .map(|r| &r.stamp)
                .cmp(&b.text.as_ref().map(|r| &r.stamp))
                .then_with(|| a.id.cmp(&b.id))
        });
        list
    });
    let today = crate::state::iso_now()
        .get(..10)
        .unwrap_or_default()
        .to_owned();
    // Points just brought over from a round's results: said once, on arrival.
    let moved = moved_to_agenda();
    let arrived = moved.get_untracked();
    on_cleanup(move || moved.set(None));
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <article class="page agenda">
            <SubNav/>
            <div class="row spread">
                <h1>{i18n.tr(|t| t.v.agenda)}</h1>
                <button type="button" class="secondary no-print" on:click=print data-testid="print">{i18n.tr(|t| t.v.print)}</button>
            </div>
            <p class="lead">{i18n.tr(|t| t.v.agenda_lead)}</p>
            {arrived.map(|n| view! { <p class="notice no-print" role="status" data-testid="to-agenda-done">{move || format!("{n} {}", i18n.t().v.to_agenda_done)}</p> })}
            <p class="print-only">{move || format!("{} {today}", i18n.t().v.printed_on)}</p>
            <Show when=move || points.with(|p| !p.is_empty()) fallback=move || view! { <p>{i18n.tr(|t| t.v.agenda_none)}</p> }>
                <ol class="agenda-points" data-testid="agenda-points">
                    <For each=move || points.get() key=|a| vagval_core::crdt::to_json(a).to_string() let:a>
                        <AgendaPoint point=a/>
                    </For>
                </ol>
            </Show>
            <Trace points=points/>
            <NewPoint/>
        </article>
    }
}

/// How many points "För in de valda i agendan" just wrote (shown once on the agenda page).
#[derive(Clone, Copy)]
struct MovedToAgenda(RwSignal<Option<usize>>);

/// The shared "just moved" count (provided on first use).
pub fn moved_to_agenda() -> RwSignal<Option<usize>> {
    if let Some(m) = use_context::<MovedToAgenda>() {
        return m.0;
    }
    let m = MovedToAgenda(RwSignal::new(None));
    provide_context(m);
    m.0
}

#[component]
fn AgendaPoint(point: Agenda) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let id = point.id.clone();
    let error = RwSignal::new(None::<String>);
    let who = RwSignal::new(String::new());
    let what = RwSignal::new(String::new());
    let date = RwSignal::new(point.adopted_on().cloned().unwrap_or_default());
    let decision = RwSignal::new(point.decision().cloned().unwrap_or_default());
    let comments = point.comments().cloned().unwrap_or_default();
    let linked = point.inspel().cloned().unwrap_or_default();
    let adopted = point.adopted_on().is_some_and(|d| !d.is_empty());
    let run = move |cmd: Command| {
        let r = app.dispatch(&cmd).map_err(|e| e.message(i18n.lang()));
        error.set(r.err());
    };
    let add_comment = {
        let (id, comments) = (id.clone(), comments.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let (w, t) = (
                who.get_untracked().trim().to_owned(),
                what.get_untracked().trim().to_owned(),
            );
            if w.is_empty() || t.is_empty() {
                error.set(Some(i18n.t().v.comment_missing.to_owned()));
                return;
            }
            let mut list = comments.clone();
            list.push(Comment {
                who: w,
                what: t,
                at: now_ms(),
            });
            run(Command::edit(Kind::Agenda, &id, "comments", to_json(&list)));
            who.set(String::new());
            what.set(String::new());
        }
    };
    let adopt = {
        let (id, linked) = (id.clone(), linked.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let d = date.get_untracked().trim().to_owned();
            // YYYY-MM-DD, a real date (chrono checks the day of the month).
            if chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").is_err() {
                error.set(Some(i18n.t().v.date_missing.to_owned()));
                return;
            }
            let mut commands = vec![
                Command::edit(Kind::Agenda, &id, "adopted_on", d),
                Command::edit(
                    Kind::Agenda,
                    &id,
                    "decision",
                    decision.get_untracked().trim(),
                ),
            ];
            commands.extend(
                linked
                    .iter()
                    .map(|i| Command::edit(Kind::Inspel, i, "status", to_json(&Status::Adopted))),
            );
            run(Command::Batch { commands });
        }
    };
    let remove = {
        let id = id.clone();
        move |_| run(Command::edit(Kind::Agenda, &id, "removed", true))
    };
    let inspel_text = app.doc.with_untracked(|d| {
        linked
            .iter()
            .filter_map(|i| d.inspel.0.get(i))
            .map(|i| {
                format!(
                    "{} ({})",
                    i.title().cloned().unwrap_or_default(),
                    i.municipality().map_or("", |m| m.label(i18n.lang()))
                )
            })
            .collect::<Vec<_>>()
            .join(" · ")
    });
    let sid = id.to_string();
    let (cw, ct, ad, dr) = (
        format!("cw-{sid}"),
        format!("ct-{sid}"),
        format!("ad-{sid}"),
        format!("dr-{sid}"),
    );
    let ad_hint = format!("ad-{sid}-hint");
    view! {
        <li class="card agenda-point">
            <h2>{point.text().cloned().unwrap_or_default()}</h2>
            <p class="hint">
                {point.owner().filter(|o| !o.is_empty()).map(|o| format!("{}: {o} · ", i18n.t().v.owner))}
                {i18n.tr(|t| t.v.from_inspel)}": "{inspel_text}
            </p>
            <p class="status">
                {if adopted {
                    format!("{} {} {}", i18n.t().v.adopted, point.adopted_on().cloned().unwrap_or_default(), point.decision().cloned().unwrap_or_default())
                } else {
                    i18n.t().v.not_adopted.to_owned()
                }}
            </p>
            <h3>{i18n.tr(|t| t.v.comments)}" ("{comments.len()}")"</h3>
            <ul class="comments">
                {comments.iter().map(|c| view! { <li><strong>{c.who.clone()}</strong>": "{c.what.clone()}</li> }).collect_view()}
            </ul>
            <form class="row no-print" on:submit=add_comment>
                <div class="field">
                    <label for=cw.clone()>{i18n.tr(|t| t.v.comment_who)}</label>
                    <input id=cw type="text" prop:value=move || who.get() on:input=move |ev| who.set(event_target_value(&ev))/>
                </div>
                <div class="field grow">
                    <label for=ct.clone()>{i18n.tr(|t| t.v.comment_what)}</label>
                    <input id=ct type="text" prop:value=move || what.get() on:input=move |ev| what.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="secondary">{i18n.tr(|t| t.v.add_comment)}</button>
            </form>
            <form class="row no-print" on:submit=adopt>
                <div class="field">
                    <label for=ad.clone()>{i18n.tr(|t| t.v.adopted_on)}</label>
                    // A text field with the format in the UI's language: a native date field
                    // follows the browser's locale, not the app's.
                    <input id=ad type="text" inputmode="numeric" autocomplete="off" maxlength="10"
                        placeholder=move || i18n.t().v.date_format aria-describedby=ad_hint.clone()
                        prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev))/>
                    <p id=ad_hint class="hint">{i18n.tr(|t| t.v.date_hint)}</p>
                </div>
                <div class="field grow">
                    <label for=dr.clone()>{i18n.tr(|t| t.v.decision)}</label>
                    <input id=dr type="text" prop:value=move || decision.get() on:input=move |ev| decision.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="secondary">{i18n.tr(|t| t.v.adopt)}</button>
            </form>
            <p class="field-error" role="alert">{move || error.get()}</p>
            <button type="button" class="secondary small no-print" on:click=remove>{i18n.tr(|t| t.inspel_remove)}</button>
        </li>
    }
}

/// From each point back to its inspel, their municipalities and organisations.
#[component]
fn Trace(points: Memo<Vec<Agenda>>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let rows = Memo::new(move |_| {
        let lang = i18n.lang();
        points.with(|ps| {
            app.doc.with(|d| {
                ps.iter()
                    .flat_map(|p| {
                        let text = p.text().cloned().unwrap_or_default();
                        let adopted = p.adopted_on().cloned().unwrap_or_default();
                        p.inspel()
                            .cloned()
                            .unwrap_or_default()
                            .into_iter()
                            .filter_map(move |id| {
                                let i = d.inspel.0.get(&id)?;
                                let originals = i.originals().map_or(0, Vec::len);
                                Some((
                                    text.clone(),
                                    adopted.clone(),
                                    i.title().cloned().unwrap_or_default(),
                                    i.municipality().map_or("", |m| m.label(lang)),
                                    i.organisation().cloned().unwrap_or_default(),
                                    originals,
                                ))
                            })
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <section class="card" aria-labelledby="trace-heading" data-testid="trace">
            <h2 id="trace-heading">{i18n.tr(|t| t.v.trace)}</h2>
            <table class="data">
                <caption class="visually-hidden">{i18n.tr(|t| t.v.trace)}</caption>
                <thead><tr>
                    <th scope="col">{i18n.tr(|t| t.v.point)}</th>
                    <th scope="col">{i18n.tr(|t| t.v.adopted_on)}</th>
                    <th scope="col">{i18n.tr(|t| t.inspel_title)}</th>
                    <th scope="col">{i18n.tr(|t| t.inspel_municipality)}</th>
                    <th scope="col">{i18n.tr(|t| t.v.organisation)}</th>
                </tr></thead>
                <tbody>
                    <For each=move || rows.get() key=|r| r.clone() let:r>
                        <tr><th scope="row">{r.0}</th><td>{r.1}</td><td>{r.2}</td><td>{r.3}</td><td>{r.4}</td></tr>
                    </For>
                </tbody>
            </table>
        </section>
    }
}

#[component]
fn NewPoint() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let choices = inspel_choices(app, i18n);
    let text = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let linked = RwSignal::new(BTreeSet::<Id>::new());
    let error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let ids: Vec<Id> = linked.get_untracked().into_iter().collect();
        let fields = [
            ("text".to_owned(), to_json(&text.get_untracked().trim())),
            ("owner".to_owned(), to_json(&owner.get_untracked().trim())),
            ("inspel".to_owned(), to_json(&ids)),
        ]
        .into();
        let mut commands = vec![Command::Create {
            kind: Kind::Agenda,
            id: new_id(),
            fields,
        }];
        commands.extend(
            ids.iter()
                .map(|i| Command::edit(Kind::Inspel, i, "status", to_json(&Status::InAgenda))),
        );
        match app.dispatch(&Command::Batch { commands }) {
            Ok(()) => {
                text.set(String::new());
                owner.set(String::new());
                linked.set(BTreeSet::new());
                error.set(None);
            }
            Err(e) => error.set(Some(e.message(i18n.lang()))),
        }
    };
    view! {
        <form class="card no-print" on:submit=add aria-labelledby="new-point-heading" data-testid="new-point">
            <h2 id="new-point-heading">{i18n.tr(|t| t.v.new_point)}</h2>
            <div class="field">
                <label for="point-text">{i18n.tr(|t| t.v.point)}</label>
                <textarea id="point-text" rows="2" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            </div>
            <div class="field">
                <label for="point-owner">{i18n.tr(|t| t.v.owner)}</label>
                <input id="point-owner" type="text" prop:value=move || owner.get() on:input=move |ev| owner.set(event_target_value(&ev))/>
            </div>
            <fieldset>
                <legend>{i18n.tr(|t| t.v.from_inspel)}</legend>
                <ul class="check-list">
                    <For each=move || choices.get() key=|c| c.0.clone() let:c>
                        {
                            let (a, b) = (c.0.clone(), c.0.clone());
                            view! {
                                <li><label class="choice">
                                    <input type="checkbox" prop:checked=move || linked.with(|l| l.contains(&a))
                                        on:change=move |ev| { let on = event_target_checked(&ev); linked.update(|l| { if on { l.insert(b.clone()); } else { l.remove(&b); } }); }/>
                                    <span>{c.1.clone()}<span class="hint">" · "{c.2}</span></span>
                                </label></li>
                            }
                        }
                    </For>
                </ul>
            </fieldset>
            <p class="field-error" role="alert">{move || error.get()}</p>
            <button type="submit" data-testid="add-point">{i18n.tr(|t| t.v.add_point)}</button>
        </form>
    }
}
