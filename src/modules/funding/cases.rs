//! The applications side by side (the comparison across cases behind `vagval assess --csv`)
//! and the portfolio of granted funds: for each grouping a bar chart of the share promoting
//! the transition and the same figures as a table.
use leptos::prelude::*;
use vagval_core::Lang;
use vagval_core::actions::funding::kronor;
use vagval_core::proofing::records::Support;
use vagval_core::proofing::report::{Share, cases, cases_csv, portfolio, score_text};
use vagval_core::proofing::workflow::new_application;
use vagval_core::ratio::Ratio;

use super::texts::{self, FundingI18n};
use super::{APPLICATION, MEMO};
use crate::file_io::offer;
use crate::i18n::use_i18n;
use crate::state::use_app;
use crate::ui::SelectField;

/// What the CSV exports are.
const CSV: &str = "text/csv;charset=utf-8";

/// A share as a percentage with one decimal, the Swedish way in Swedish.
fn percent(r: Ratio, lang: Lang) -> String {
    format!(
        "{} %",
        r.times(Ratio::int(100)).decimal(1, lang == Lang::Sv)
    )
}

/// One grouping of the portfolio: a bar per group (the share promoting the transition) and
/// the table of the same figures.
fn grouping(id: &'static str, title: &'static str, rows: Vec<Share>, lang: Lang) -> impl IntoView {
    let s = texts::texts(lang);
    let bars = rows
        .iter()
        .map(|r| {
            let width = format!("{}%", r.share.times(Ratio::int(100)).decimal(1, false));
            view! {
                <li>
                    <span class="bar-label">{r.group.clone()}</span>
                    <span class="bar-track" aria-hidden="true"><span class="bar-fill" style:width=width></span></span>
                    <span class="bar-value">{percent(r.share, lang)}</span>
                </li>
            }
        })
        .collect_view();
    let body = rows
        .into_iter()
        .map(|r| {
            view! {
                <tr>
                    <th scope="row">{r.group}</th>
                    <td class="num">{kronor(r.granted, lang)}</td>
                    <td class="num">{kronor(r.promoting, lang)}</td>
                    <td class="num">{percent(r.share, lang)}</td>
                </tr>
            }
        })
        .collect_view();
    let caption = format!("{id}-caption");
    view! {
        <section class="card portfolio-group" data-testid=id>
            <h3 id=caption.clone()>{title}</h3>
            <ul class="share-bars" aria-hidden="true">{bars}</ul>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby=caption>
                <table class="data-table">
                    <thead><tr>
                        <th scope="col">{s.group}</th>
                        <th scope="col">{s.granted}</th>
                        <th scope="col">{s.promoting}</th>
                        <th scope="col">{s.share}</th>
                    </tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </section>
    }
}

fn support_name(i: usize, lang: Lang) -> &'static str {
    Support::ALL.get(i).map_or("", |d| d.label(lang))
}

/// A new application: its title, applicant, kind of support and amount; then its page.
#[component]
fn NewApplication() -> impl IntoView {
    use vagval_core::Localized;
    let i18n = use_i18n();
    let app = use_app();
    let router = crate::app::router::use_route();
    let (title, applicant, amount) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let support = RwSignal::new(Support::default());
    let error = RwSignal::new(None::<String>);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = i18n.lang();
        let id = crate::state::new_id();
        match new_application(
            &id,
            &title.get_untracked(),
            &applicant.get_untracked(),
            support.get_untracked(),
            &amount.get_untracked(),
        ) {
            Ok(cmd) => {
                if app.run(&cmd, error, lang) {
                    crate::app::router::navigate(router, &format!("{APPLICATION}{id}"));
                }
            }
            Err(e) => error.set(Some(e.message(lang))),
        }
    };
    let field = move |id: &'static str,
                      label: fn(&'static texts::Texts) -> &'static str,
                      value: RwSignal<String>| {
        view! {
            <div class="field">
                <label for=id>{move || label(i18n.f())}</label>
                <input id=id type="text" maxlength="300" prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
            </div>
        }
    };
    view! {
        <section class="card no-print" aria-labelledby="new-application-heading">
            <h2 id="new-application-heading">{move || i18n.f().new_application}</h2>
            <form class="row" on:submit=create data-testid="new-application">
                {field("new-title", |t| t.application, title)}
                {field("new-applicant", |t| t.applicant, applicant)}
                <SelectField id="new-support" label=Signal::derive(move || i18n.f().support) count=Support::ALL.len() name=support_name
                    selected=Signal::derive(move || Support::ALL.iter().position(|s| *s == support.get()))
                    on_change=Callback::new(move |i: Option<usize>| support.set(i.and_then(|i| Support::ALL.get(i).copied()).unwrap_or_default()))/>
                {field("new-amount", |t| t.amount, amount)}
                <button type="submit" data-testid="create-application">{move || i18n.f().create}</button>
            </form>
            <p class="field-error" role="alert">{move || error.get()}</p>
        </section>
    }
}

#[component]
pub(super) fn CasesPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    crate::app::pages::page_title(move || texts::card(i18n.lang()).title);
    let error = RwSignal::new(None::<String>);
    let rows = Memo::new(move |_| app.doc.with(cases));
    let table = move || {
        let lang = i18n.lang();
        let s = i18n.f();
        let list = rows.get();
        if list.is_empty() {
            return view! { <p>{s.no_cases}</p> }.into_any();
        }
        let body = list
            .into_iter()
            .map(|r| {
                let result = r.result.map_or_else(|| s.no_decisive.to_owned(), |v| v.label(lang));
                let score = r.score.as_ref().map(|x| score_text(x, lang)).unwrap_or_default();
                let title = view! {
                    <a href=format!("{APPLICATION}{}", r.id) data-testid="application-link">{r.title.clone()}</a>
                    {r.assessment.as_ref().map(|a| view! { <br/><a class="small" href=format!("{MEMO}{a}") data-testid="memo-link">{s.memo_link}</a> })}
                };
                let fails = matches!(r.result, Some(vagval_core::proofing::rules::Verdict::FailsGate { .. } | vagval_core::proofing::rules::Verdict::FailsScore));
                view! {
                    <tr data-testid="case-row" class:fails=fails>
                        <th scope="row">{title}</th>
                        <td>{r.support.label(lang)}</td>
                        <td class="num">{kronor(r.amount, lang)}</td>
                        <td class="num">{r.assessments}</td>
                        <td>{result}</td>
                        <td>{score}</td>
                        <td class="num">{r.open}</td>
                        <td>{r.decision.label(lang)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="cases-heading">
                <table class="data-table" data-testid="cases">
                    <thead><tr>
                        <th scope="col">{s.application}</th>
                        <th scope="col">{s.support}</th>
                        <th scope="col">{s.amount}</th>
                        <th scope="col">{s.assessments}</th>
                        <th scope="col">{s.result}</th>
                        <th scope="col">{s.score}</th>
                        <th scope="col">{s.flags}</th>
                        <th scope="col">{s.decision}</th>
                    </tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let groups = move || {
        let lang = i18n.lang();
        let s = i18n.f();
        let p = app.doc.with(|d| portfolio(d, lang));
        if p.total.granted == 0 {
            return view! { <p>{s.nothing_granted}</p> }.into_any();
        }
        view! {
            <p class="lead" data-testid="portfolio-total">{format!(
                "{}: {} {} {} ({})",
                p.total.group,
                kronor(p.total.promoting, lang),
                if lang == Lang::Sv { "av" } else { "of" },
                kronor(p.total.granted, lang),
                percent(p.total.share, lang)
            )}</p>
            {grouping("by-support", s.by_support, p.by_support, lang)}
            {grouping("by-goal", s.by_goal, p.by_goal, lang)}
            {grouping("by-municipality", s.by_municipality, p.by_municipality, lang)}
            {grouping("by-inland", s.by_inland, p.by_inland, lang)}
        }
        .into_any()
    };
    let name = move || app.doc.with_untracked(|d| crate::file_io::slug(d.name()));
    let export_cases = move |_| {
        let lang = i18n.lang();
        let csv = rows.with_untracked(|r| cases_csv(r, lang));
        offer(
            &format!("{}-ansokningar.csv", name()),
            &csv,
            CSV,
            error,
            lang,
        );
    };
    let export_portfolio = move |_| {
        let lang = i18n.lang();
        let csv = app.doc.with_untracked(|d| portfolio(d, lang).csv(lang));
        offer(&format!("{}-portfolj.csv", name()), &csv, CSV, error, lang);
    };
    view! {
        <article class="page proofing">
            <h1>{move || texts::card(i18n.lang()).title}</h1>
            <p class="lead">{move || i18n.f().lead}</p>
            <p class="no-print"><a href=super::TEMPLATES data-testid="templates-link">{move || i18n.f().to_templates}</a></p>
            <p class="field-error" role="alert">{move || error.get()}</p>
            <h2 id="cases-heading">{move || i18n.f().cases}</h2>
            {table}
            <p class="no-print"><button type="button" class="secondary" data-testid="cases-csv" on:click=export_cases>{move || i18n.f().export_csv}</button></p>
            <NewApplication/>
            <h2>{move || i18n.f().portfolio}</h2>
            <p class="hint">{move || i18n.f().portfolio_help}</p>
            {groups}
            <p class="no-print"><button type="button" class="secondary" data-testid="portfolio-csv" on:click=export_portfolio>{move || i18n.f().portfolio_csv}</button></p>
        </article>
    }
}
