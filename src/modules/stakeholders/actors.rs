//! The actors page: every actor with its scores and classes, a form for a new one, the map's
//! thresholds, imports (Excel CSV, Kumu JSON) and exports (CSV, Kumu, SVG, PNG, the
//! workspace without personal data).
use leptos::prelude::*;
use vagval_core::Localized;
use vagval_core::stakeholders::actor::ActorType;
use vagval_core::stakeholders::classes::Thresholds;
use vagval_core::stakeholders::report::{filtered, report};
use vagval_core::stakeholders::{actor_csv, kumu, map};

use super::Head;
use super::texts::StakeholdersI18n;
use crate::file_io::offer;
use crate::i18n::use_i18n;
use crate::state::{new_id, use_app};
use crate::ui::SelectField;

/// The most a Kumu file may weigh (a full map is far smaller).
const KUMU_MAX_BYTES: usize = 5_000_000;

fn type_name(i: usize, lang: vagval_core::Lang) -> &'static str {
    ActorType::ALL.get(i).map_or("", |t| t.label(lang))
}

fn score_name(i: usize, _: vagval_core::Lang) -> &'static str {
    ["1", "2", "3", "4", "5"].get(i).copied().unwrap_or("")
}

#[component]
pub(super) fn ActorsPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let rep = Memo::new(move |_| app.doc.with(|d| filtered(d, None)));
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    let run = move |cmd: &vagval_core::Command| app.run(cmd, error, i18n.lang());

    let name = RwSignal::new(String::new());
    let kind = RwSignal::new(Some(0_usize));
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_owned();
        let t = kind
            .get_untracked()
            .and_then(|i| ActorType::ALL.get(i).copied())
            .unwrap_or_default();
        if run(&map::new_actor(&new_id(), &n, t)) {
            status.set(Some(format!("{n} {}", i18n.s().added)));
            name.set(String::new());
        }
    };

    let stored = Memo::new(move |_| app.doc.with(map::thresholds));
    let grid_high = RwSignal::new(None::<usize>);
    let present = RwSignal::new(None::<usize>);
    let pick = |s: RwSignal<Option<usize>>, stored: u8| {
        s.get().unwrap_or(usize::from(stored.saturating_sub(1)))
    };
    let save_thresholds = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let now = stored.get_untracked();
        let to = |s: RwSignal<Option<usize>>, old: u8| {
            s.get_untracked()
                .and_then(|i| u8::try_from(i + 1).ok())
                .unwrap_or(old)
        };
        let t = Thresholds {
            grid_high: to(grid_high, now.grid_high),
            salience_present: to(present, now.salience_present),
        };
        if app.doc.with_untracked(|d| run(&map::set_thresholds(d, t))) {
            status.set(Some(i18n.s().saved.to_owned()));
        }
    };

    let table = move || {
        let lang = i18n.lang();
        rep.with(|r| {
            super::report_table(
                r,
                lang,
                i18n.s(),
                &super::Table {
                    id: "actors-heading",
                    caption: None,
                    testid: ("actors-table", "actor-row"),
                    cols: &[1, 2, 3, 4, 5, 6, 7, 8],
                    num: false,
                },
            )
        })
    };

    let doc_name = move || app.doc.with_untracked(|d| crate::file_io::slug(d.name()));
    let export_actors = move |_| {
        let text = app.doc.with_untracked(|d| report(d).csv(i18n.lang()));
        offer(
            &format!("{}-aktorer.csv", doc_name()),
            &text,
            "text/csv",
            error,
            i18n.lang(),
        );
    };
    let export_relations = move |_| {
        let text = app
            .doc
            .with_untracked(|d| vagval_core::stakeholders::report::relations_csv(d, i18n.lang()));
        offer(
            &format!("{}-relationer.csv", doc_name()),
            &text,
            "text/csv",
            error,
            i18n.lang(),
        );
    };
    let export_kumu = move |_| {
        let text = app
            .doc
            .with_untracked(|d| serde_json::to_string_pretty(&kumu::export(d)).unwrap_or_default());
        offer(
            &format!("{}-kumu.json", doc_name()),
            &text,
            "application/json",
            error,
            i18n.lang(),
        );
    };
    let export_peer = move |_| {
        let text = app.peer_copy();
        offer(
            &format!("{}-utan-personuppgifter.json", doc_name()),
            &text,
            "application/json",
            error,
            i18n.lang(),
        );
    };

    let import_csv = move |ev: leptos::ev::Event| {
        crate::file_io::pick_bytes(&ev, vagval_core::csv_import::MAX_BYTES, move |_, read| {
            let lang = i18n.lang();
            let Ok(bytes) = read else {
                error.set(Some(i18n.s().unreadable.to_owned()));
                return;
            };
            let outcome = app
                .doc
                .with_untracked(|d| actor_csv::import(d, &bytes, new_id));
            match outcome {
                Ok(o) => {
                    let mut lines = Vec::new();
                    if o.added == 0 || run(&o.command) {
                        lines.push(format!(
                            "{} {} 0 {}",
                            o.added,
                            i18n.s().imported_actors,
                            i18n.s().imported_relations
                        ));
                    }
                    if !o.known.is_empty() {
                        let names: Vec<String> = o.known.iter().map(|(_, n)| n.clone()).collect();
                        lines.push(format!(
                            "{} {} {}",
                            o.known.len(),
                            i18n.s().known_skipped,
                            names.join(", ")
                        ));
                    }
                    for p in &o.problems {
                        lines.push(format!(
                            "{} {}, {} {}: {}",
                            i18n.s().row_word,
                            p.row,
                            i18n.s().column_word,
                            p.column,
                            p.message(lang)
                        ));
                    }
                    status.set(Some(lines.join(" ")));
                }
                Err(e) => error.set(Some(e.message(lang))),
            }
        });
    };
    let import_kumu = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files = crate::file_io::files_of(input.files());
        input.set_value("");
        leptos::task::spawn_local(async move {
            let lang = i18n.lang();
            for f in crate::file_io::read_files(files, KUMU_MAX_BYTES).await {
                let Ok(text) = f.text else {
                    error.set(Some(i18n.s().unreadable.to_owned()));
                    continue;
                };
                match app.doc.with_untracked(|d| kumu::import(d, &text, new_id)) {
                    Ok((cmd, actors, relations)) => {
                        if run(&cmd) {
                            status.set(Some(format!(
                                "{actors} {} {relations} {}",
                                i18n.s().imported_actors,
                                i18n.s().imported_relations
                            )));
                        }
                    }
                    Err(e) => error.set(Some(e.message(lang))),
                }
            }
        });
    };

    view! {
        <article class="page stakeholders">
            <Head current=0 lead=|t| t.actors_lead/>
            <p class="field-error" role="alert">{move || error.get()}</p>
            <p role="status" data-testid="status">{move || status.get()}</p>
            <section class="card" aria-labelledby="actors-heading">
                <h2 id="actors-heading">{i18n.trs(|t| t.tab_actors)}</h2>
                {move || if rep.with(|r| r.actors.is_empty()) {
                    view! { <p>{i18n.s().none_yet}</p> }.into_any()
                } else {
                    table().into_any()
                }}
                <form on:submit=add class="inline-form" data-testid="new-actor">
                    <h3>{i18n.trs(|t| t.new_actor)}</h3>
                    <div class="field">
                        <label for="actor-name">{i18n.trs(|t| t.name)}</label>
                        <input id="actor-name" type="text" required maxlength="300" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                    </div>
                    <SelectField id="actor-type" label=i18n.trs(|t| t.actor_type) count=ActorType::ALL.len() name=type_name
                        selected=Signal::derive(move || kind.get()) on_change=Callback::new(move |i| kind.set(i))/>
                    <button type="submit" data-testid="add-actor">{i18n.trs(|t| t.add)}</button>
                </form>
            </section>

            <section class="card" aria-labelledby="thresholds-heading">
                <h2 id="thresholds-heading">{i18n.trs(|t| t.thresholds)}</h2>
                <p class="hint">{i18n.trs(|t| t.thresholds_help)}</p>
                <form on:submit=save_thresholds class="inline-form" data-testid="thresholds">
                    <SelectField id="grid-high" label=i18n.trs(|t| t.grid_high) count=5 name=score_name
                        selected=Signal::derive(move || Some(pick(grid_high, stored.get().grid_high))) on_change=Callback::new(move |i| grid_high.set(i))/>
                    <SelectField id="salience-present" label=i18n.trs(|t| t.salience_present) count=5 name=score_name
                        selected=Signal::derive(move || Some(pick(present, stored.get().salience_present))) on_change=Callback::new(move |i| present.set(i))/>
                    <button type="submit">{i18n.trs(|t| t.save)}</button>
                </form>
            </section>

            <section class="card" aria-labelledby="import-heading">
                <h2 id="import-heading">{i18n.trs(|t| t.import_heading)}</h2>
                <h3>{i18n.trs(|t| t.import_csv)}</h3>
                <p class="hint">{i18n.trs(|t| t.import_csv_help)}</p>
                <label class="button" for="actor-csv">{i18n.trs(|t| t.choose_file)}</label>
                <input id="actor-csv" class="visually-hidden" type="file" accept=".csv,text/csv,text/plain" on:change=import_csv data-testid="actor-csv"/>
                <h3>{i18n.trs(|t| t.import_kumu)}</h3>
                <p class="hint">{i18n.trs(|t| t.import_kumu_help)}</p>
                <label class="button" for="kumu-file">{i18n.trs(|t| t.choose_file)}</label>
                <input id="kumu-file" class="visually-hidden" type="file" accept=".json,application/json" on:change=import_kumu data-testid="kumu-file"/>
            </section>

            <section class="card" aria-labelledby="export-heading">
                <h2 id="export-heading">{i18n.trs(|t| t.export_heading)}</h2>
                <div class="actions">
                    <button type="button" class="secondary" data-testid="export-actors" on:click=export_actors>{i18n.trs(|t| t.export_actors)}</button>
                    <button type="button" class="secondary" data-testid="export-relations" on:click=export_relations>{i18n.trs(|t| t.export_relations)}</button>
                    <button type="button" class="secondary" data-testid="export-kumu" on:click=export_kumu>{i18n.trs(|t| t.export_kumu)}</button>
                </div>
                <h3>{i18n.trs(|t| t.export_peer)}</h3>
                <p class="hint">{i18n.trs(|t| t.export_peer_help)}</p>
                <button type="button" class="secondary" data-testid="export-peer" on:click=export_peer>{i18n.trs(|t| t.export_peer)}</button>
            </section>
        </article>
    }
}
