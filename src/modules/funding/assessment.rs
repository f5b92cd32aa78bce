//! One assessment, answered on its assessor's tablet: the formal requirements, the six DNSH
//! objectives with their justifications, the horizontal criteria's conditions, the regional
//! requirements, the score; the flags to take a position on; the checkpoint, knowledge gaps and
//! the overall assessment. Every answer is one command (autosaved, one undo); the result beside
//! it is the core's evaluation of the assessment's own copy of the criteria. Closing needs every
//! flag commented; a closed assessment no longer changes.
use leptos::prelude::*;
use vagval_core::actions::logs::consulted;
use vagval_core::proofing::flags::Flag;
use vagval_core::proofing::records::{Assessment, Stop};
use vagval_core::proofing::report::{flag_text, score_text};
use vagval_core::proofing::rules::{
    Answers, Dnsh, Horizontal, Objective, Scoring, Standing as Gate,
};
use vagval_core::proofing::workflow::{answer, close, comment, standing};
use vagval_core::{Id, Localized};

use super::texts::FundingI18n;
use super::{APPLICATION, ASSESSMENT, MEMO, param};
use crate::i18n::use_i18n;
use crate::state::use_app;

/// A yes / no / not answered choice as a `<select>` (values "1", "0", "").
fn tri(
    id: String,
    label: String,
    value: Option<bool>,
    disabled: bool,
    on: impl Fn(Option<bool>) + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let s = i18n.f();
    let label_for = id.clone();
    view! {
        <div class="field">
            <label for=label_for>{label}</label>
            <select id=id disabled=disabled on:change=move |ev| on(match event_target_value(&ev).as_str() { "1" => Some(true), "0" => Some(false), _ => None })>
                <option value="" prop:selected=value.is_none()>{s.unanswered}</option>
                <option value="1" prop:selected=value == Some(true)>{s.met}</option>
                <option value="0" prop:selected=value == Some(false)>{s.not_met}</option>
            </select>
        </div>
    }
}

#[component]
pub(super) fn AssessmentPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    crate::app::pages::page_title(move || i18n.f().assessment);
    let Some(id) = param(ASSESSMENT) else {
        return view! { <article class="page proofing"><p>{move || i18n.f().no_assessment}</p></article> }.into_any();
    };
    let id = StoredValue::new(id);
    let error = RwSignal::new(None::<String>);
    let record = Memo::new(move |_| {
        app.doc
            .with(|d| id.with_value(|i| d.assessments.get(i).cloned()))
    });
    let state = Memo::new(move |_| app.doc.with(|d| id.with_value(|i| standing(d, i))));
    let closed =
        Memo::new(move |_| record.with(|r| r.as_ref().and_then(Assessment::closed) == Some(&true)));
    // Changes the answers by `f` (one command).
    let change = move |f: Box<dyn FnOnce(&mut Answers)>| {
        let Some(mut a) = record.with_untracked(|r| r.as_ref().and_then(|r| r.answers().cloned()))
        else {
            return;
        };
        f(&mut a);
        let lang = i18n.lang();
        match app
            .doc
            .with_untracked(|d| id.with_value(|i| answer(d, i, &a)))
        {
            Ok(cmd) => {
                app.run(&cmd, error, lang);
            }
            Err(e) => error.set(Some(e.message(lang))),
        }
    };
    let set_field = move |cmd: vagval_core::Command| {
        app.run(&cmd, error, i18n.lang());
    };
    let header = move || {
        let s = i18n.f();
        record.get().map(|r| {
            let (title, app_id) = app.doc.with(|d| {
                let a = r.application().cloned();
                (a.as_ref().and_then(|a| d.applications.get(a)).and_then(|a| a.title().cloned()).unwrap_or_default(), a)
            });
            let template = app.doc.with(|d| r.template().and_then(|t| d.templates.get(t)).and_then(|t| t.name().cloned()).unwrap_or_default());
            view! {
                <p class="no-print">{app_id.map(|a| view! { <a href=format!("{APPLICATION}{a}")>{s.open_application}</a> })}" · "<a href=format!("{MEMO}{}", r.id) data-testid="memo-link">{s.memo_link}</a></p>
                <h1>{format!("{}: {title}", s.assessment)}</h1>
                <p class="meta">{format!("{} {} {} {template}, {} {}", s.by, r.assessor().cloned().unwrap_or_default(), s.with_template, s.version, r.version().copied().unwrap_or(1))}</p>
            }
        })
    };
    let result = move || {
        let lang = i18n.lang();
        let s = i18n.f();
        state.get().map(|st| {
            let e = st.evaluation;
            view! {
                <section class="card result" aria-live="polite" data-testid="result">
                    <h2>{s.result}</h2>
                    <p class="verdict" data-testid="verdict">{e.result.label(lang)}</p>
                    <p>{format!("{}: {}", s.score, score_text(&e.score, lang))}</p>
                    <ul class="plain-list">
                        {e.gates.iter().map(|g| {
                            let mark = match g.standing { Gate::Pass => "✓", Gate::Fail => "✗", Gate::Incomplete => "…" };
                            view! { <li>{format!("{mark} {}", g.gate.label(lang))}</li> }
                        }).collect_view()}
                    </ul>
                    {e.one_of_three_decides.then(|| view! { <p class="warning" data-testid="one-of-three">{s.one_of_three_warning}</p> })}
                </section>
            }
        })
    };
    let form = move || {
        let lang = i18n.lang();
        let s = i18n.f();
        let r = record.get()?;
        let criteria = r.criteria().cloned().unwrap_or_default();
        let a = r.answers().cloned().unwrap_or_default();
        let off = closed.get();
        let formal = criteria
            .formal
            .iter()
            .enumerate()
            .map(|(k, name)| {
                tri(
                    format!("formal-{k}"),
                    name.clone(),
                    a.formal.get(k).copied().flatten(),
                    off,
                    move |v| {
                        change(Box::new(move |x: &mut Answers| {
                            if x.formal.len() <= k {
                                x.formal.resize(k + 1, None);
                            }
                            x.formal[k] = v;
                        }));
                    },
                )
            })
            .collect_view();
        let regional = criteria
            .regional
            .iter()
            .enumerate()
            .map(|(k, name)| {
                tri(
                    format!("regional-{k}"),
                    name.clone(),
                    a.regional.get(k).copied().flatten(),
                    off,
                    move |v| {
                        change(Box::new(move |x: &mut Answers| {
                            if x.regional.len() <= k {
                                x.regional.resize(k + 1, None);
                            }
                            x.regional[k] = v;
                        }));
                    },
                )
            })
            .collect_view();
        let dnsh = Objective::ALL.into_iter().enumerate().map(|(k, o)| {
            let (ans, why) = a.dnsh.get(k).cloned().unwrap_or((Dnsh::NotAssessed, String::new()));
            let fit = move |x: &mut Answers| {
                if x.dnsh.len() <= k { x.dnsh.resize(k + 1, (Dnsh::NotAssessed, String::new())); }
            };
            view! {
                <fieldset class="dnsh" data-testid="dnsh">
                    <legend>{o.label(lang)}</legend>
                    <div class="row">
                        <div class="field">
                            <label for=format!("dnsh-{k}")>{s.dnsh_answer}</label>
                            <select id=format!("dnsh-{k}") disabled=off on:change=move |ev| {
                                let v = event_target_value(&ev).parse::<usize>().ok().and_then(|i| Dnsh::ALL.get(i).copied()).unwrap_or_default();
                                change(Box::new(move |x: &mut Answers| { fit(x); x.dnsh[k].0 = v; }));
                            }>
                                {Dnsh::ALL.into_iter().enumerate().map(|(i, d)| view! { <option value=i.to_string() prop:selected=d == ans>{d.label(lang)}</option> }).collect_view()}
                            </select>
                        </div>
                        <div class="field grow">
                            <label for=format!("dnsh-why-{k}")>{s.justification}</label>
                            <textarea id=format!("dnsh-why-{k}") rows="2" maxlength="100000" disabled=off prop:value=why on:change=move |ev| {
                                let v = event_target_value(&ev);
                                change(Box::new(move |x: &mut Answers| { fit(x); x.dnsh[k].1 = v; }));
                            }></textarea>
                        </div>
                    </div>
                </fieldset>
            }
        }).collect_view();
        let conditions = Horizontal::conditions(lang);
        let horizontal = Horizontal::ALL.into_iter().enumerate().map(|(k, h)| {
            let met = a.horizontal.get(k).copied().unwrap_or([false; 3]);
            let level = state.with(|st| st.as_ref().and_then(|st| st.evaluation.horizontal.get(k).map(|l| l.level.label(lang)))).unwrap_or_default();
            view! {
                <fieldset class="horizontal" data-testid="horizontal">
                    <legend>{format!("{} – {}: {level}", h.label(lang), s.level)}</legend>
                    {(0..3).map(|c| {
                        let box_id = format!("hz-{k}-{c}");
                        view! {
                            <div class="field check">
                                <input id=box_id.clone() type="checkbox" disabled=off prop:checked=met[c] on:change=move |ev| {
                                    let v = event_target_checked(&ev);
                                    change(Box::new(move |x: &mut Answers| {
                                        if x.horizontal.len() <= k { x.horizontal.resize(k + 1, [false; 3]); }
                                        x.horizontal[k][c] = v;
                                    }));
                                }/>
                                <label for=box_id>{conditions[c]}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
            }
        }).collect_view();
        let score = match &criteria.scoring {
            Scoring::Weighted { criteria: list, max, .. } => {
                let max = *max;
                list.iter().enumerate().map(|(k, c)| {
                    let now = a.scores.get(k).copied().flatten();
                    let sel = format!("score-{k}");
                    view! {
                        <div class="field">
                            <label for=sel.clone()>{format!("{} ({} {})", c.name, s.weight, c.weight)}</label>
                            <select id=sel disabled=off on:change=move |ev| {
                                let v = event_target_value(&ev).parse::<u8>().ok();
                                change(Box::new(move |x: &mut Answers| {
                                    if x.scores.len() <= k { x.scores.resize(k + 1, None); }
                                    x.scores[k] = v;
                                }));
                            }>
                                <option value="" prop:selected=now.is_none()>{s.not_scored}</option>
                                {(0..=max).map(|v| view! { <option value=v.to_string() prop:selected=now == Some(v)>{v.to_string()}</option> }).collect_view()}
                            </select>
                        </div>
                    }
                }).collect_view().into_any()
            }
            Scoring::Count { points, .. } => points.iter().enumerate().map(|(k, p)| {
                let on = a.points.get(k).copied().unwrap_or(false);
                let box_id = format!("point-{k}");
                view! {
                    <div class="field check">
                        <input id=box_id.clone() type="checkbox" disabled=off prop:checked=on on:change=move |ev| {
                            let v = event_target_checked(&ev);
                            change(Box::new(move |x: &mut Answers| {
                                if x.points.len() <= k { x.points.resize(k + 1, false); }
                                x.points[k] = v;
                            }));
                        }/>
                        <label for=box_id>{p.clone()}</label>
                    </div>
                }
            }).collect_view().into_any(),
        };
        let score_heading = if matches!(criteria.scoring, Scoring::Count { .. }) {
            s.points
        } else {
            s.scores
        };
        Some(view! {
            <section aria-labelledby="formal-heading"><h2 id="formal-heading">{s.formal}</h2><div class="row">{formal}</div></section>
            <section aria-labelledby="dnsh-heading"><h2 id="dnsh-heading">{s.dnsh}</h2><p class="hint">{s.dnsh_help}</p>{dnsh}</section>
            <section aria-labelledby="horizontal-heading"><h2 id="horizontal-heading">{s.horizontal}</h2>{horizontal}</section>
            <section aria-labelledby="regional-heading"><h2 id="regional-heading">{s.regional}</h2><div class="row">{regional}</div></section>
            <section aria-labelledby="score-heading"><h2 id="score-heading">{score_heading}</h2><div class="row">{score}</div></section>
        })
    };
    let flags = move || {
        let lang = i18n.lang();
        let s = i18n.f();
        let st = state.get()?;
        let comments = record.with(|r| r.as_ref().map(Assessment::comment_map).unwrap_or_default());
        let off = closed.get();
        let list = st.flags.iter().enumerate().map(|(k, f)| {
            let key = f.key();
            let text = app.doc.with(|d| flag_text(d, f, lang));
            let now = comments.get(&key).cloned().unwrap_or_default();
            let open = st.open.contains(&key);
            let area = format!("flag-{k}");
            view! {
                <li class:open=open data-testid="flag">
                    <p>{text}</p>
                    {matches!(f, Flag::Sami).then(|| {
                        let done = app.doc.with(|d| record.with(|r| r.as_ref().and_then(|r| r.application()).is_some_and(|a| consulted(d, a))));
                        view! {
                            <p data-testid="sami-consultation">
                                {if done { s.consulted } else { s.not_consulted }}" "
                                <a href=crate::modules::actions::LOGS>{s.to_log}</a>
                            </p>
                        }
                    })}
                    <div class="field">
                        <label for=area.clone()>{s.position}</label>
                        <textarea id=area rows="2" maxlength="100000" disabled=off prop:value=now on:change=move |ev| {
                            let v = event_target_value(&ev);
                            let lang = i18n.lang();
                            match app.doc.with_untracked(|d| id.with_value(|i| comment(d, i, &key, &v))) {
                                Ok(cmd) => { app.run(&cmd, error, lang); }
                                Err(e) => error.set(Some(e.message(lang))),
                            }
                        }></textarea>
                    </div>
                </li>
            }
        }).collect_view();
        Some(view! {
            <section aria-labelledby="flags-heading" data-testid="flags">
                <h2 id="flags-heading">{format!("{} ({} {})", s.flags_heading, st.open.len(), s.flags.to_lowercase())}</h2>
                {st.flags.is_empty().then(|| view! { <p>{s.no_flags}</p> })}
                <ul class="plain-list flags">{list}</ul>
            </section>
        })
    };
    let words = move || {
        let lang = i18n.lang();
        let s = i18n.f();
        let r = record.get()?;
        let off = closed.get();
        let stop = r.stop().copied().flatten();
        let text = |field: &'static str,
                    label: &'static str,
                    value: String,
                    handle: fn(&Id, &String) -> vagval_core::Command| {
            view! {
                <div class="field grow">
                    <label for=field>{label}</label>
                    <textarea id=field rows="3" maxlength="100000" disabled=off prop:value=value on:change=move |ev| {
                        let v = event_target_value(&ev);
                        set_field(id.with_value(|i| handle(i, &v)));
                    }></textarea>
                </div>
            }
        };
        Some(view! {
            <section aria-labelledby="words-heading">
                <h2 id="words-heading">{s.summary}</h2>
                <div class="field">
                    <label for="stop">{s.stop}</label>
                    <select id="stop" disabled=off on:change=move |ev| {
                        let v = event_target_value(&ev).parse::<usize>().ok().and_then(|i| Stop::ALL.get(i).copied());
                        set_field(id.with_value(|i| Assessment::STOP.edit(i, &v)));
                    }>
                        <option value="" prop:selected=stop.is_none()>{s.stop_none}</option>
                        {Stop::ALL.into_iter().enumerate().map(|(i, x)| view! { <option value=i.to_string() prop:selected=stop == Some(x)>{x.label(lang)}</option> }).collect_view()}
                    </select>
                </div>
                {text("stop-reason", s.stop_reason, r.stop_reason().cloned().unwrap_or_default(), |i, v| Assessment::STOP_REASON.edit(i, v))}
                {text("gap", s.gap, r.gap().cloned().unwrap_or_default(), |i, v| Assessment::GAP.edit(i, v))}
                {text("summary", s.summary, r.summary().cloned().unwrap_or_default(), |i, v| Assessment::SUMMARY.edit(i, v))}
            </section>
        })
    };
    let finish = move |_| {
        let lang = i18n.lang();
        if closed.get_untracked() {
            set_field(id.with_value(|i| Assessment::CLOSED.edit(i, &false)));
            return;
        }
        match app.doc.with_untracked(|d| id.with_value(|i| close(d, i))) {
            Ok(cmd) => set_field(cmd),
            Err(e) => error.set(Some(e.message(lang))),
        }
    };
    view! {
        <article class="page proofing assessment-page">
            {header}
            {move || record.get().is_none().then(|| view! { <p class="warning">{i18n.f().no_assessment}</p> })}
            {move || closed.get().then(|| view! { <p class="ok" data-testid="closed">{i18n.f().is_closed}</p> })}
            <p class="field-error" role="alert" data-testid="error">{move || error.get()}</p>
            <div class="assessment-layout">
                {result}
                <div class="assessment-form">
                    {form}
                    {flags}
                    {words}
                    <p class="no-print"><button type="button" data-testid="close" on:click=finish>{move || if closed.get() { i18n.f().reopen } else { i18n.f().close }}</button></p>
                </div>
            </div>
        </article>
    }
    .into_any()
}
