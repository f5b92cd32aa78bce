//! A case (ärende): its title, diary number, description and matrix, the goals it advances
//! or hinders, the check's first- and second-order conflicts, and the memo paragraph —
//! drafted by the core, edited here, stored with the case, copyable and printable.
use leptos::prelude::*;
use vagval_core::conflicts::case::{Case, Effect, check_case, draft_memo};
use vagval_core::crdt::Record;
use vagval_core::{Id, Lang, Localized};

use super::CASE;
use super::texts::ConflictsI18n;
use crate::app::pages::page_title;
use crate::i18n::use_i18n;
use crate::state::use_app;

#[component]
pub(super) fn CasePage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let id = super::param(CASE).unwrap_or_default();
    page_title(move || super::texts::card(i18n.lang()).title);
    let case = {
        let id = id.clone();
        Memo::new(move |_| app.doc.with(|d| d.cases.get(&id).cloned()))
    };
    let error = RwSignal::new(None::<String>);
    let run = move |cmd: vagval_core::Command| match app.dispatch(&cmd) {
        Ok(()) => error.set(None),
        Err(e) => error.set(Some(e.message(i18n.lang()))),
    };
    let edit_text = {
        let id = id.clone();
        move |field: vagval_core::crdt::Field<Case, String>| {
            let id = id.clone();
            move |ev: leptos::ev::Event| run(field.edit(&id, &event_target_value(&ev)))
        }
    };
    let matrices = Memo::new(move |_| {
        app.doc.with(|d| {
            d.matrices
                .live()
                .filter(|m| m.removed() != Some(&true))
                .map(|m| (m.id().clone(), m.name().cloned().unwrap_or_default()))
                .collect::<Vec<(Id, String)>>()
        })
    });
    let goals = Memo::new(move |_| {
        case.with(|c| {
            let m = c.as_ref().and_then(|c| c.matrix().cloned());
            app.doc.with(|d| {
                m.and_then(|m| d.matrices.get(&m).and_then(|m| m.goals().cloned()))
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|g| d.goals.get(&g).map(|x| (g.clone(), x.display())))
                    .collect::<Vec<(Id, String)>>()
            })
        })
    });
    let check = {
        let id = id.clone();
        Memo::new(move |_| app.doc.with(|d| check_case(d, &id)))
    };
    let name_of = move |g: &Id| {
        app.doc.with_untracked(|d| {
            d.goals
                .get(g)
                .map(vagval_core::conflicts::goal::Goal::display)
                .unwrap_or_default()
        })
    };
    let draft = {
        let id = id.clone();
        move |lang: Lang| {
            app.doc.with_untracked(|d| {
                check_case(d, &id)
                    .map(|c| draft_memo(d, &id, &c, lang))
                    .unwrap_or_default()
            })
        }
    };
    let memo_field = move |lang: Lang| match lang {
        Lang::Sv => Case::MEMO_SV,
        Lang::En => Case::MEMO_EN,
    };
    let memo_text = {
        let draft = draft.clone();
        Memo::new(move |_| {
            let lang = i18n.lang();
            let stored = case.with(|c| {
                c.as_ref().and_then(|c| {
                    match lang {
                        Lang::Sv => c.memo_sv(),
                        Lang::En => c.memo_en(),
                    }
                    .cloned()
                })
            });
            stored.filter(|s| !s.trim().is_empty()).unwrap_or_else(|| {
                check.track();
                draft(lang)
            })
        })
    };
    let redraft = {
        let id = id.clone();
        let draft = draft.clone();
        Callback::new(move |_: leptos::ev::MouseEvent| {
            let lang = i18n.lang();
            run(memo_field(lang).edit(&id, &draft(lang)));
        })
    };
    let save_memo = {
        let id = id.clone();
        Callback::new(move |ev: leptos::ev::Event| {
            run(memo_field(i18n.lang()).edit(&id, &event_target_value(&ev)))
        })
    };
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let text = memo_text.get_untracked();
        let clip = window().navigator().clipboard();
        let _ = clip.write_text(&text);
        copied.set(true);
    };
    let set_matrix = {
        let id = id.clone();
        move |ev: leptos::ev::Event| {
            let k: Option<usize> = event_target_value(&ev).parse().ok();
            if let Some(m) = k.and_then(|k| matrices.get_untracked().get(k).map(|m| m.0.clone())) {
                run(Case::MATRIX.edit(&id, &m));
            }
        }
    };
    let set_effect = {
        let id = id.clone();
        move |g: Id| {
            let id = id.clone();
            move |ev: leptos::ev::Event| {
                let e = match event_target_value(&ev).as_str() {
                    "advances" => Some(Effect::Advances),
                    "hinders" => Some(Effect::Hinders),
                    _ => None,
                };
                run(Case::EFFECTS.set(&id, &[(g.clone(), e)]));
            }
        }
    };
    let print = move |_| {
        let _ = window().print();
    };
    let (e_title, e_diary, e_desc) = (
        edit_text(Case::TITLE),
        edit_text(Case::DIARY),
        edit_text(Case::DESCRIPTION),
    );
    view! {
        <article class="page conflicts case-page">
            <p class="no-print"><a href=super::OVERVIEW>{i18n.trc(|t| t.back)}</a></p>
            <Show when=move || case.with(Option::is_some) fallback=move || view! { <p role="alert">{i18n.trc(|t| t.not_found)}</p> }>
                <div class="row spread">
                    <h1 data-testid="case-heading">{move || case.with(|c| c.as_ref().and_then(|c| c.title().cloned()).unwrap_or_default())}</h1>
                    <button type="button" class="secondary no-print" data-testid="print" on:click=print>{i18n.trc(|t| t.print)}</button>
                </div>
                <p class="lead no-print">{i18n.trc(|t| t.case_lead)}</p>
                <p class="field-error" role="alert">{move || error.get()}</p>
                <section class="card no-print">
                    <div class="field">
                        <label for="case-title-edit">{i18n.trc(|t| t.case_title)}</label>
                        <input id="case-title-edit" type="text" prop:value=move || case.with(|c| c.as_ref().and_then(|c| c.title().cloned()).unwrap_or_default()) on:change=e_title.clone()/>
                    </div>
                    <div class="field">
                        <label for="case-diary-edit">{i18n.trc(|t| t.diary)}</label>
                        <input id="case-diary-edit" type="text" prop:value=move || case.with(|c| c.as_ref().and_then(|c| c.diary().cloned()).unwrap_or_default()) on:change=e_diary.clone()/>
                    </div>
                    <div class="field">
                        <label for="case-desc-edit">{i18n.trc(|t| t.description)}</label>
                        <textarea id="case-desc-edit" rows="3" prop:value=move || case.with(|c| c.as_ref().and_then(|c| c.description().cloned()).unwrap_or_default()) on:change=e_desc.clone()></textarea>
                    </div>
                    <div class="field">
                        <label for="case-matrix">{i18n.trc(|t| t.matrix_word)}</label>
                        <select id="case-matrix" on:change=set_matrix.clone()>
                            <option value="">{i18n.trc(|t| t.no_matrix)}</option>
                            {move || {
                                let cur = case.with(|c| c.as_ref().and_then(|c| c.matrix().cloned()));
                                matrices.get().into_iter().enumerate().map(|(k, (m, name))| view! { <option value=k.to_string() selected=cur.as_ref() == Some(&m)>{name}</option> }).collect_view()
                            }}
                        </select>
                    </div>
                </section>
                <section class="card no-print" aria-labelledby="effects-heading" data-testid="effects">
                    <h2 id="effects-heading">{i18n.trc(|t| t.effects)}</h2>
                    {
                        let set_effect = set_effect.clone();
                        move || {
                            let named = case.with(|c| c.as_ref().map(|c| c.named().map(|(g, e)| (g.clone(), e)).collect::<std::collections::BTreeMap<_, _>>()).unwrap_or_default());
                            goals.get().into_iter().enumerate().map(|(k, (g, label))| {
                                let cur = named.get(&g).copied();
                                let sel = format!("effect-{k}");
                                view! {
                                    <div class="field effect-row">
                                        <label for=sel.clone()>{label}</label>
                                        <select id=sel data-testid="effect" on:change=set_effect(g.clone())>
                                            <option value="" selected=cur.is_none()>{i18n.c().effect_none}</option>
                                            <option value="advances" selected=cur == Some(Effect::Advances)>{i18n.c().effect_adv}</option>
                                            <option value="hinders" selected=cur == Some(Effect::Hinders)>{i18n.c().effect_hin}</option>
                                        </select>
                                    </div>
                                }
                            }).collect_view()
                        }
                    }
                </section>
                <section class="card" aria-labelledby="check-heading" data-testid="case-check">
                    {move || check.get().map(|c| {
                        let t = i18n.c();
                        let lang = i18n.lang();
                        view! {
                            <h2 id="check-heading">{t.direct}</h2>
                            <ul data-testid="direct">{c.direct.iter().map(|d| view! { <li>{format!("{} {} → {}: {} ({}){}", d.effect.label(lang), name_of(&d.from), name_of(&d.to), vagval_core::conflicts::case::signed(d.impact), vagval_core::conflicts::matrix::scale_label(d.score, lang), if d.inside { format!(" – {}", t.inside_case) } else { String::new() })}</li> }).collect_view()}</ul>
                            <h2>{t.indirect}</h2>
                            <ul data-testid="indirect">{c.indirect.iter().map(|p| view! { <li>{format!("{} → {} → {}: {}", name_of(&p.from), name_of(&p.via), name_of(&p.to), vagval_core::conflicts::case::signed(p.impact))}</li> }).collect_view()}</ul>
                            <h2>{t.synergies}</h2>
                            <ul data-testid="synergies">{c.synergies.iter().take(5).map(|d| view! { <li>{format!("{} → {}: +{}", name_of(&d.from), name_of(&d.to), d.impact)}</li> }).collect_view()}</ul>
                        }
                    })}
                </section>
                <section class="card" aria-labelledby="memo-heading" data-testid="memo">
                    <h2 id="memo-heading">{i18n.trc(|t| t.memo)}</h2>
                    <p class="hint no-print">{i18n.trc(|t| t.memo_help)}</p>
                    <label for="memo-text" class="visually-hidden">{i18n.trc(|t| t.memo)}</label>
                    <textarea id="memo-text" rows="8" data-testid="memo-text" prop:value=memo_text on:change=move |ev| save_memo.run(ev)></textarea>
                    <p class="print-only memo-print">{memo_text}</p>
                    <div class="row no-print">
                        <button type="button" class="secondary" data-testid="redraft" on:click=move |ev| redraft.run(ev)>{i18n.trc(|t| t.redraft)}</button>
                        <button type="button" data-testid="copy-memo" on:click=copy>{i18n.trc(|t| t.copy)}</button>
                        <span role="status">{move || copied.get().then(|| i18n.c().copied)}</span>
                    </div>
                </section>
            </Show>
        </article>
    }
}
