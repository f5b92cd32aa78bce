//! One actor: its fields (every change one undoable command), where it stands, its contact
//! person (personal data: "Ta bort person" erases it for good, an art. 15 export), and its
//! relations with a form for a new one.
use leptos::prelude::*;
use vagval_core::crdt::Record;
use vagval_core::stakeholders::actor::{Actor, ActorType, RelationType};
use vagval_core::stakeholders::map;
use vagval_core::{Command, Id};

use super::texts::StakeholdersI18n;
use super::{ACTOR, ACTORS, param};
use crate::app::router::{navigate, use_route};
use crate::file_io::offer;
use crate::i18n::use_i18n;
use crate::state::{new_id, use_app};
use crate::ui::SelectField;
use crate::ui::view::list;

fn type_name(i: usize, lang: vagval_core::Lang) -> &'static str {
    ActorType::ALL.get(i).map_or("", |t| t.label(lang))
}

fn relation_name(i: usize, lang: vagval_core::Lang) -> &'static str {
    RelationType::ALL.get(i).map_or("", |t| t.label(lang))
}

const ATTITUDES: [&str; 5] = ["−2", "−1", "0", "+1", "+2"];

/// One relation of the actor as its table shows it.
#[derive(Clone, PartialEq)]
struct Link {
    id: Id,
    other: String,
    direction: u8,
    kind: RelationType,
    weight: u8,
    note: String,
}

#[component]
pub(super) fn ActorPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let Some(id) = param(ACTOR) else {
        return view! { <p>{i18n.s().not_found}</p> }.into_any();
    };
    let actor = {
        let id = id.clone();
        Memo::new(move |_| {
            app.doc.with(|d| {
                d.actors
                    .get(&id)
                    .filter(|a| a.removed() != Some(&true))
                    .cloned()
            })
        })
    };
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    let run = move |cmd: &vagval_core::Command| app.run(cmd, error, i18n.lang());
    let row = {
        let id = id.clone();
        Memo::new(move |_| {
            app.doc
                .with(|d| d.actors.get(&id).map(|a| map::row(a, map::thresholds(d))))
        })
    };
    let edit = {
        let id = id.clone();
        move |cmd: fn(&Id, &str) -> Command| {
            let id = id.clone();
            move |ev: leptos::ev::Event| {
                run(&cmd(&id, &event_target_value(&ev)));
            }
        }
    };
    let text_field = move |fid: &'static str,
                           label: super::Pick,
                           value: fn(&Actor) -> String,
                           cmd: fn(&Id, &str) -> Command,
                           area: bool| {
        let value = move || actor.with(|a| a.as_ref().map(value).unwrap_or_default());
        let on = edit.clone()(cmd);
        view! {
            <div class="field">
                <label for=fid>{i18n.trs(label)}</label>
                {if area {
                    view! { <textarea id=fid rows="3" prop:value=value on:change=on></textarea> }.into_any()
                } else {
                    view! { <input id=fid type="text" prop:value=value on:change=on/> }.into_any()
                }}
            </div>
        }
    };
    let score_id = id.clone();
    let score = move |fid: &'static str,
                      label: super::Pick,
                      get: fn(&Actor) -> Option<&u8>,
                      field: vagval_core::crdt::Field<Actor, u8>| {
        let id = score_id.clone();
        let on = Callback::new(move |i: Option<usize>| {
            if let Some(v) = i.and_then(|i| u8::try_from(i + 1).ok()) {
                run(&field.edit(&id, &v));
            }
        });
        let selected = Signal::derive(move || {
            actor.with(|a| {
                a.as_ref()
                    .and_then(get)
                    .map(|v| usize::from(v.saturating_sub(1)))
            })
        });
        view! { <SelectField id=fid label=i18n.trs(label) count=5 name=|i, _| ["1", "2", "3", "4", "5"].get(i).copied().unwrap_or("") selected=selected on_change=on/> }
    };
    let on_type = {
        let id = id.clone();
        Callback::new(move |i: Option<usize>| {
            if let Some(t) = i.and_then(|i| ActorType::ALL.get(i)) {
                run(&Actor::TYPE.edit(&id, t));
            }
        })
    };
    let on_attitude = {
        let id = id.clone();
        Callback::new(move |i: Option<usize>| {
            if let Some(v) = i.and_then(|i| i8::try_from(i).ok()) {
                run(&Actor::ATTITUDE.edit(&id, &(v - 2)));
            }
        })
    };
    let to_trash = {
        let id = id.clone();
        move |_| {
            if run(&Actor::REMOVED.edit(&id, &true)) {
                navigate(use_route(), ACTORS);
            }
        }
    };

    // Contact persons.
    let contacts = {
        let id = id.clone();
        Memo::new(move |_| {
            app.doc.with(|d| {
                map::contacts_of(d, &id)
                    .into_iter()
                    .map(|c| {
                        let t = |v: Option<&String>| v.cloned().unwrap_or_default();
                        (
                            c.id().clone(),
                            t(c.name()),
                            t(c.role()),
                            t(c.email()),
                            t(c.phone()),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let c_fields: [RwSignal<String>; 4] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let add_contact = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let [n, r, e, p] = c_fields.map(|s| s.get_untracked());
            if run(&map::new_contact(&new_id(), &id, n.trim(), [&r, &e, &p])) {
                for s in c_fields {
                    s.set(String::new());
                }
            }
        }
    };
    let confirming = RwSignal::new(None::<Id>);
    let contact_view = move |(cid, name, role, email, phone): (
        Id,
        String,
        String,
        String,
        String,
    )| {
        let s = i18n.s();
        let detail = [role, email, phone]
            .into_iter()
            .filter(|x| !x.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        let c2 = cid.clone();
        let c3 = cid.clone();
        let c4 = cid.clone();
        let export = move |_| {
            if let Some(v) = app.doc.with_untracked(|d| map::person_export(d, &c2)) {
                let text = serde_json::to_string_pretty(&v).unwrap_or_default();
                offer(
                    "registerutdrag.json",
                    &text,
                    "application/json",
                    error,
                    i18n.lang(),
                );
            }
        };
        let erase = move |_| {
            if run(&map::erase_person(&c3)) {
                confirming.set(None);
                status.set(Some(i18n.s().erased.to_owned()));
            }
        };
        view! {
            <li data-testid="contact">
                <strong>{name}</strong>{(!detail.is_empty()).then(|| format!(" · {detail}"))}
                <div class="actions">
                    <button type="button" class="secondary" title=s.person_export_help data-testid="person-export" on:click=export>{s.person_export}</button>
                    <button type="button" class="danger" data-testid="erase-person" on:click=move |_| confirming.set(Some(c4.clone()))>{s.erase_person}</button>
                </div>
                <Show when=move || confirming.get().as_ref() == Some(&cid)>
                    <p role="alert">{s.erase_confirm}</p>
                    <button type="button" class="danger" data-testid="erase-confirm" on:click=erase.clone()>{s.erase_person}</button>
                </Show>
            </li>
        }
        .into_any()
    };

    // Relations.
    let links = {
        let id = id.clone();
        Memo::new(move |_| {
            app.doc.with(|d| {
                map::live_relations(d)
                    .into_iter()
                    .filter_map(|(from, to, r)| {
                        let out = r.from() == Some(&id);
                        (out || r.to() == Some(&id)).then(|| Link {
                            id: r.id().clone(),
                            other: if out { to } else { from }.to_owned(),
                            direction: if r.mutual() == Some(&true) {
                                2
                            } else {
                                u8::from(out)
                            },
                            kind: r.relation_type().copied().unwrap_or_default(),
                            weight: r.weight().copied().unwrap_or(1),
                            note: r.note().cloned().unwrap_or_default(),
                        })
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let others = {
        let id = id.clone();
        Memo::new(move |_| {
            app.doc.with(|d| {
                map::live_actors(d)
                    .into_iter()
                    .filter(|a| a.id() != &id)
                    .map(|a| (a.id().clone(), a.name().cloned().unwrap_or_default()))
                    .collect::<Vec<_>>()
            })
        })
    };
    let to = RwSignal::new(None::<Id>);
    let r_type = RwSignal::new(Some(0_usize));
    let r_weight = RwSignal::new(Some(0_usize));
    let r_mutual = RwSignal::new(false);
    let r_note = RwSignal::new(String::new());
    let connect = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Some(target) = to
                .get_untracked()
                .or_else(|| others.with_untracked(|o| o.first().map(|x| x.0.clone())))
            else {
                return;
            };
            let t = r_type
                .get_untracked()
                .and_then(|i| RelationType::ALL.get(i).copied())
                .unwrap_or_default();
            let w = r_weight
                .get_untracked()
                .and_then(|i| u8::try_from(i + 1).ok())
                .unwrap_or(1);
            if run(&map::connect(
                &new_id(),
                &id,
                &target,
                t,
                w,
                r_mutual.get_untracked(),
            )) {
                status.set(Some(i18n.s().connected.to_owned()));
            }
        }
    };
    let link_row = move |l: Link| {
        let s = i18n.s();
        let lang = i18n.lang();
        let dir = match l.direction {
            2 => s.both_word,
            1 => s.out_word,
            _ => s.in_word,
        };
        let rid = l.id.clone();
        view! {
            <tr data-testid="relation-row">
                <td>{l.other}</td><td>{dir}</td><td>{l.kind.label(lang)}</td><td>{l.weight.to_string()}</td><td>{l.note}</td>
                <td><button type="button" class="secondary" on:click=move |_| { run(&vagval_core::stakeholders::actor::Relation::REMOVED.edit(&rid, &true)); }>{s.remove}</button></td>
            </tr>
        }
        .into_any()
    };

    let links_id = id.clone();
    let title = move || {
        actor.with(|a| {
            a.as_ref()
                .and_then(|a| a.name().cloned())
                .unwrap_or_default()
        })
    };
    crate::app::pages::page_title(move || super::texts::card(i18n.lang()).title);
    view! {
        <article class="page stakeholders">
            <p><a href=ACTORS>{i18n.trs(|t| t.back)}</a></p>
            <Show when=move || actor.with(Option::is_some) fallback=move || view! { <p>{i18n.s().not_found}</p> }>
                <h1>{title}</h1>
                <p class="field-error" role="alert">{move || error.get()}</p>
                <p role="status" data-testid="status">{move || status.get()}</p>
                <section class="card" aria-labelledby="stands-heading" data-testid="stands">
                    <h2 id="stands-heading">{i18n.trs(|t| t.where_stands)}</h2>
                    {move || row.get().map(|r| {
                        let s = i18n.s();
                        let lang = i18n.lang();
                        view! {
                            <dl class="facts">
                                <dt>{s.quadrant}</dt><dd data-testid="quadrant">{r.quadrant.strategy(lang)}</dd>
                                <dt>{s.salience}</dt><dd data-testid="salience">{r.salience.label(lang)}</dd>
                                {r.disagreement.map(|x| view! { <dt>{s.disagreement}</dt><dd>{x.label(lang)}</dd> })}
                            </dl>
                        }
                    })}
                </section>
                <section class="card" aria-labelledby="fields-heading">
                    <h2 id="fields-heading">{i18n.trs(|t| t.details)}</h2>
                    {text_field("a-name", |t| t.name, |a| a.name().cloned().unwrap_or_default(), |id, v| Actor::NAME.edit(id, &v.trim().to_owned()), false)}
                    <SelectField id="a-type" label=i18n.trs(|t| t.actor_type) count=ActorType::ALL.len() name=type_name
                        selected=Signal::derive(move || actor.with(|a| a.as_ref().and_then(|a| a.actor_type()).and_then(|t| ActorType::ALL.iter().position(|x| x == t)))) on_change=on_type/>
                    {text_field("a-desc", |t| t.description, |a| a.description().cloned().unwrap_or_default(), |id, v| Actor::DESCRIPTION.edit(id, &v.to_owned()), true)}
                    {text_field("a-tags", |t| t.tags, |a| a.tags().map(|t| t.join(", ")).unwrap_or_default(), |id, v| {
                        let tags: Vec<String> = v.split(',').map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned).collect();
                        Actor::TAGS.edit(id, &tags)
                    }, false)}
                    <p class="hint">{i18n.trs(|t| t.scale_help)}</p>
                    <div class="row">
                        {score("a-power", |t| t.power, Actor::power, Actor::POWER)}
                        {score("a-interest", |t| t.interest, Actor::interest, Actor::INTEREST)}
                        {score("a-legitimacy", |t| t.legitimacy, Actor::legitimacy, Actor::LEGITIMACY)}
                        {score("a-urgency", |t| t.urgency, Actor::urgency, Actor::URGENCY)}
                        <SelectField id="a-attitude" label=i18n.trs(|t| t.attitude) count=5 name=|i, _| ATTITUDES.get(i).copied().unwrap_or("")
                            selected=Signal::derive(move || actor.with(|a| a.as_ref().and_then(|a| a.attitude()).and_then(|v| usize::try_from(v + 2).ok()))) on_change=on_attitude/>
                    </div>
                    <button type="button" class="secondary" data-testid="actor-trash" on:click=to_trash.clone()>{i18n.trs(|t| t.to_trash)}</button>
                </section>
                <section class="card" aria-labelledby="contacts-heading" data-testid="contacts">
                    <h2 id="contacts-heading">{i18n.trs(|t| t.contacts)}</h2>
                    <p class="hint">{i18n.trs(|t| t.contacts_help)}</p>
                    <ul class="plain-list">{list(move || contacts.get(), contact_view)}</ul>
                    <form on:submit=add_contact.clone() class="inline-form" data-testid="new-contact">
                        <h3>{i18n.trs(|t| t.add_contact)}</h3>
                        {[("c-name", (|t| t.name) as super::Pick, "text"), ("c-role", |t| t.role, "text"), ("c-email", |t| t.email, "email"), ("c-phone", |t| t.phone, "tel")]
                            .into_iter().zip(c_fields).enumerate().map(|(i, ((fid, label, kind), sig))| view! {
                                <div class="field">
                                    <label for=fid>{i18n.trs(label)}</label>
                                    <input id=fid type=kind required=i == 0 maxlength="120" prop:value=move || sig.get() on:input=move |ev| sig.set(event_target_value(&ev))/>
                                </div>
                            }).collect_view()}
                        <button type="submit" data-testid="add-contact">{i18n.trs(|t| t.add)}</button>
                    </form>
                </section>
                <super::links::ActorLinks id=links_id.clone() actor=actor run=Callback::new(move |c: Command| run(&c))/>
                <section class="card" aria-labelledby="relations-heading" data-testid="relations">
                    <h2 id="relations-heading">{i18n.trs(|t| t.relations)}</h2>
                    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="relations-heading">
                        <table class="data-table">
                            <thead><tr>
                                <th scope="col">{i18n.trs(|t| t.other_actor)}</th><th scope="col">{i18n.trs(|t| t.direction)}</th>
                                <th scope="col">{i18n.trs(|t| t.actor_type)}</th><th scope="col">{i18n.trs(|t| t.weight)}</th>
                                <th scope="col">{i18n.trs(|t| t.note)}</th><th scope="col"><span class="visually-hidden">{i18n.trs(|t| t.remove)}</span></th>
                            </tr></thead>
                            <tbody>{list(move || links.get(), link_row)}</tbody>
                        </table>
                    </div>
                    <form on:submit=connect.clone() class="inline-form" data-testid="new-relation">
                        <h3>{i18n.trs(|t| t.new_relation)}</h3>
                        <div class="field">
                            <label for="r-to">{i18n.trs(|t| t.to_actor)}</label>
                            <select id="r-to" data-testid="relation-to" on:change=move |ev| to.set(Id::parse(&event_target_value(&ev)).ok())>
                                {list(move || others.get(), move |(oid, name)| view! { <option value=oid.to_string()>{name}</option> }.into_any())}
                            </select>
                        </div>
                        <SelectField id="r-type" label=i18n.trs(|t| t.actor_type) count=RelationType::ALL.len() name=relation_name
                            selected=Signal::derive(move || r_type.get()) on_change=Callback::new(move |i| r_type.set(i))/>
                        <SelectField id="r-weight" label=i18n.trs(|t| t.weight) count=3 name=|i, _| ["1", "2", "3"].get(i).copied().unwrap_or("")
                            selected=Signal::derive(move || r_weight.get()) on_change=Callback::new(move |i| r_weight.set(i))/>
                        <div class="field">
                            <label for="r-note">{i18n.trs(|t| t.note)}</label>
                            <input id="r-note" type="text" maxlength="2000" prop:value=move || r_note.get() on:input=move |ev| r_note.set(event_target_value(&ev))/>
                        </div>
                        <label class="check"><input type="checkbox" prop:checked=move || r_mutual.get() on:change=move |ev| r_mutual.set(event_target_checked(&ev))/>{i18n.trs(|t| t.mutual)}</label>
                        <button type="submit" data-testid="connect">{i18n.trs(|t| t.connect)}</button>
                    </form>
                </section>
            </Show>
        </article>
    }
    .into_any()
}
