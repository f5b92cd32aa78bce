//! An actor's links to goals and inspel: the linked ones with a button each to unlink, and a
//! menu of the others to link one (each change one command on the actor's list).
use leptos::prelude::*;
use vagval_core::stakeholders::actor::Actor;
use vagval_core::stakeholders::map::{link_choices, toggled};
use vagval_core::{Command, Id};

use super::Pick;
use super::texts::StakeholdersI18n;
use crate::i18n::use_i18n;
use crate::state::use_app;
use crate::ui::view::list;

/// Which list of the actor.
#[derive(Clone, Copy)]
enum Which {
    Goals,
    Inspel,
}

#[component]
pub(super) fn ActorLinks(
    id: Id,
    actor: Memo<Option<Actor>>,
    run: Callback<Command, bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let choices = Memo::new(move |_| app.doc.with(link_choices));
    let part = move |which: Which, heading: Pick, add: Pick, fid: &'static str| {
        let id = id.clone();
        let linked = move || {
            actor.with(|a| {
                a.as_ref()
                    .and_then(|a| match which {
                        Which::Goals => a.goals(),
                        Which::Inspel => a.inspel(),
                    })
                    .cloned()
                    .unwrap_or_default()
            })
        };
        let all = move || {
            choices.with(|c| match which {
                Which::Goals => c.0.clone(),
                Which::Inspel => c.1.clone(),
            })
        };
        let set = {
            let id = id.clone();
            move |item: &Id, on: bool| {
                let v = toggled(&linked(), item, on);
                let cmd = match which {
                    Which::Goals => Actor::GOALS.edit(&id, &v),
                    Which::Inspel => Actor::INSPEL.edit(&id, &v),
                };
                run.run(cmd);
            }
        };
        let set2 = set.clone();
        let shown = move || {
            let l = linked();
            all()
                .into_iter()
                .filter(|(i, _)| l.contains(i))
                .collect::<Vec<_>>()
        };
        let rest = move || {
            let l = linked();
            all()
                .into_iter()
                .filter(|(i, _)| !l.contains(i))
                .collect::<Vec<_>>()
        };
        view! {
            <h3>{i18n.trs(heading)}</h3>
            <ul class="plain-list" data-testid="linked">
                {list(shown, move |(item, label)| {
                    let set = set.clone();
                    view! {
                        <li>{label.clone()}" "
                            <button type="button" class="secondary" aria-label=format!("{} {label}", i18n.s().remove) on:click=move |_| set(&item, false)>{i18n.s().remove}</button>
                        </li>
                    }.into_any()
                })}
            </ul>
            <div class="field">
                <label for=fid>{i18n.trs(add)}</label>
                <select id=fid prop:value="" on:change=move |ev| {
                    let el: web_sys::HtmlSelectElement = event_target(&ev);
                    if let Ok(item) = Id::parse(&el.value()) {
                        set2(&item, true);
                    }
                    el.set_value("");
                }>
                    <option value="">{i18n.trs(|t| t.choose)}</option>
                    {list(rest, move |(item, label)| view! { <option value=item.to_string()>{label}</option> }.into_any())}
                </select>
            </div>
        }
    };
    view! {
        <section class="card" aria-labelledby="links-heading" data-testid="links">
            <h2 id="links-heading">{i18n.trs(|t| t.links)}</h2>
            <p class="hint">{i18n.trs(|t| t.links_help)}</p>
            {part(Which::Goals, |t| t.goals, |t| t.link_goal, "link-goal")}
            {part(Which::Inspel, |t| t.inspel, |t| t.link_inspel, "link-inspel")}
        </section>
    }
}
