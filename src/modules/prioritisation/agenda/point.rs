use leptos::prelude::*;
use vagval_core::crdt::to_json;
use vagval_core::model::{Agenda, Comment, Status};
use vagval_core::{Command, Kind, Localized};

use crate::i18n::use_i18n;
use crate::modules::prioritisation::texts::ModuleI18n;
use crate::state::{now_ms, use_app};

#[component]
pub(super) fn AgendaPoint(point: Agenda) -> impl IntoView {
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
                error.set(Some(i18n.v().comment_missing.to_owned()));
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
                error.set(Some(i18n.v().date_missing.to_owned()));
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
                {point.owner().filter(|o| !o.is_empty()).map(|o| format!("{}: {o} · ", i18n.v().owner))}
                {i18n.trv(|t| t.from_inspel)}": "{inspel_text}
            </p>
            <p class="status">
                {if adopted {
                    format!("{} {} {}", i18n.v().adopted, point.adopted_on().cloned().unwrap_or_default(), point.decision().cloned().unwrap_or_default())
                } else {
                    i18n.v().not_adopted.to_owned()
                }}
            </p>
            <h3>{i18n.trv(|t| t.comments)}" ("{comments.len()}")"</h3>
            <ul class="comments">
                {comments.iter().map(|c| view! { <li><strong>{c.who.clone()}</strong>": "{c.what.clone()}</li> }).collect_view()}
            </ul>
            <form class="row no-print" on:submit=add_comment>
                <div class="field">
                    <label for=cw.clone()>{i18n.trv(|t| t.comment_who)}</label>
                    <input id=cw type="text" prop:value=move || who.get() on:input=move |ev| who.set(event_target_value(&ev))/>
                </div>
                <div class="field grow">
                    <label for=ct.clone()>{i18n.trv(|t| t.comment_what)}</label>
                    <input id=ct type="text" prop:value=move || what.get() on:input=move |ev| what.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="secondary">{i18n.trv(|t| t.add_comment)}</button>
            </form>
            <form class="row no-print" on:submit=adopt>
                <div class="field">
                    <label for=ad.clone()>{i18n.trv(|t| t.adopted_on)}</label>
                    // A text field with the format in the UI's language: a native date field
                    // follows the browser's locale, not the app's.
                    <input id=ad type="text" inputmode="numeric" autocomplete="off" maxlength="10"
                        placeholder=move || i18n.v().date_format aria-describedby=ad_hint.clone()
                        prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev))/>
                    <p id=ad_hint class="hint">{i18n.trv(|t| t.date_hint)}</p>
                </div>
                <div class="field grow">
                    <label for=dr.clone()>{i18n.trv(|t| t.decision)}</label>
                    <input id=dr type="text" prop:value=move || decision.get() on:input=move |ev| decision.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="secondary">{i18n.trv(|t| t.adopt)}</button>
            </form>
            <p class="field-error" role="alert">{move || error.get()}</p>
            <button type="button" class="secondary small no-print" on:click=remove>{i18n.trv(|t| t.inspel_remove)}</button>
        </li>
    }
}
