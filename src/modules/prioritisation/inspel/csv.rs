use leptos::prelude::*;
use vagval_core::Localized;

use crate::i18n::use_i18n;
use crate::modules::prioritisation::labels::dimension_label;
use crate::modules::prioritisation::texts::ModuleI18n;
use crate::state::{new_id, use_app};
use crate::ui::view::{dynamic, text, when};

/// Importing inspel from a spreadsheet (CSV): column mapping, per-row errors, confirm.
#[component]
pub(super) fn CsvImport() -> impl IntoView {
    use vagval_core::csv_import::{Encoding, Field, MAX_BYTES, Prepared, dimensions, read};
    let i18n = use_i18n();
    let app = use_app();
    let prepared = RwSignal::new(None::<Prepared>);
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<usize>);
    let checked =
        Memo::new(move |_| prepared.with(|p| p.as_ref().map(Prepared::check).unwrap_or_default()));
    let all_valid =
        Memo::new(move |_| checked.with(|c| c.iter().filter(|r| r.result.is_ok()).count()));
    // Rows that are already inspel here (the same file imported again), skipped unless asked.
    let repeats = Memo::new(move |_| {
        checked.track();
        prepared.with(|p| {
            p.as_ref()
                .map(|p| app.doc.with_untracked(|d| p.already_there(d)))
                .unwrap_or_default()
        })
    });
    let skip = RwSignal::new(true);
    let valid = Memo::new(move |_| {
        all_valid.get()
            - if skip.get() {
                repeats.with(Vec::len)
            } else {
                0
            }
    });
    let pick = move |ev: leptos::ev::Event| {
        done.set(None);
        crate::file_io::pick_bytes(&ev, MAX_BYTES, move |file_name, got| {
            name.set(file_name);
            match got {
                Ok(bytes) => match read(&bytes) {
                    Ok(p) => {
                        error.set(None);
                        prepared.set(Some(p));
                    }
                    Err(e) => {
                        prepared.set(None);
                        error.set(Some(e.message(i18n.lang())));
                    }
                },
                Err(_) => {
                    prepared.set(None);
                    error.set(Some(i18n.v().csv_unreadable.to_owned()));
                }
            }
        });
    };
    let confirm = move |_| {
        let skipped = if skip.get_untracked() {
            repeats.get_untracked()
        } else {
            Vec::new()
        };
        let Some(cmd) = prepared.with_untracked(|p| {
            p.as_ref()
                .and_then(|p| p.commands_without(&skipped, new_id))
        }) else {
            return;
        };
        let n = valid.get_untracked();
        match app.dispatch(&cmd) {
            Ok(()) => {
                prepared.set(None);
                done.set(Some(n));
            }
            Err(e) => error.set(Some(e.message(i18n.lang()))),
        }
    };
    let field_label = move |f: Option<Field>| {
        let t = i18n.v();
        match f {
            None => t.csv_ignore,
            Some(Field::Title) => i18n.v().inspel_title,
            Some(Field::Description) => t.description,
            Some(Field::Organisation) => t.organisation,
            Some(Field::Person) => t.person,
            Some(Field::Municipality) => i18n.v().inspel_municipality,
            Some(Field::Theme) => t.theme,
            Some(Field::Dimensions) => t.dimensions,
            Some(Field::Status) => t.status,
        }
    };
    let preview = move || {
        let Some(p) = prepared.get() else {
            return ().into_any();
        };
        let t = i18n.v();
        let lang = i18n.lang();
        let cols = p.headers.len();
        let note = (p.encoding == Encoding::Windows1252)
            .then(|| view! { <p class="notice" role="note">{t.csv_cp1252}</p> });
        let selects = (0..cols).map(|c| {
            let header = p.headers.get(c).cloned().unwrap_or_default();
            let current = p.mapping.get(c).copied().flatten();
            let sid = format!("csv-col-{c}");
            view! {
                <th scope="col">
                    <label for=sid.clone()>{header}</label>
                    <select id=sid on:change=move |ev| {
                        let f = event_target_value(&ev).parse::<usize>().ok().and_then(|i| Field::ALL.get(i).copied());
                        prepared.update(|p| if let Some(p) = p
                            && let Some(slot) = p.mapping.get_mut(c) { *slot = f; });
                    }>
                        <option value="" selected=current.is_none()>{field_label(None)}</option>
                        {Field::ALL.iter().enumerate().map(|(i, f)| view! {
                            <option value=i.to_string() selected=current == Some(*f)>{field_label(Some(*f))}</option>
                        }).collect_view()}
                    </select>
                </th>
            }
        }).collect_view();
        // Under a dimensions column, what the cell is read as ("ekonomisk;social" → Social, Ekonomisk).
        let understood = |c: usize, cell: &str| {
            (p.mapping.get(c).copied().flatten() == Some(Field::Dimensions)).then(|| {
            let known: Vec<&str> = dimensions(cell).known.into_iter().map(|d| dimension_label(d, lang)).collect();
            (!known.is_empty()).then(|| view! { <br/><small class="hint" data-testid="csv-dimensions">{format!("{} {}", t.csv_understood, known.join(", "))}</small> })
        })
        };
        let sample = p
            .rows
            .iter()
            .take(5)
            .map(|(line, cells)| {
                view! {
                    <tr><th scope="row">{*line}</th>{(0..cols).map(|c| {
                        let cell = cells.get(c).cloned().unwrap_or_default();
                        let read_as = understood(c, &cell);
                        view! { <td>{cell}{read_as}</td> }
                    }).collect_view()}</tr>
                }
            })
            .collect_view();
        let problems: Vec<String> = checked.with_untracked(|c| {
            c.iter()
                .filter_map(|r| {
                    r.result.as_ref().err().map(|ps| {
                        format!(
                            "{} {}: {}",
                            t.csv_row,
                            r.line,
                            ps.iter()
                                .map(|p| p.message(lang))
                                .collect::<Vec<_>>()
                                .join(" ")
                        )
                    })
                })
                .take(200)
                .collect()
        });
        let errors = (!problems.is_empty()).then(|| view! {
            <h4>{t.csv_errors}</h4>
            <ul class="import-errors" data-testid="csv-errors">{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
        });
        view! {
            <div class="preview" data-testid="csv-preview">
                {note}
                <p>{format!("{}: {} {}, {} {}", name.get_untracked(), valid.get(), t.csv_valid, checked.with(Vec::len) - valid.get(), t.csv_invalid)}</p>
                {(cols > 3).then(|| view! { <p class="hint" data-testid="csv-scroll-hint">{t.csv_scroll_hint}</p> })}
                <div class="table-scroll" tabindex="0" role="region" aria-label=t.csv_mapping>
                    <table class="data">
                        <caption>{t.csv_mapping}</caption>
                        <thead><tr><th scope="col">{t.csv_row}</th>{selects}</tr></thead>
                        <tbody>{sample}</tbody>
                    </table>
                </div>
                {errors}
                {when(move || repeats.with(|r| !r.is_empty()), move || view! {
                    <div class="notice" role="note" data-testid="csv-repeats">
                        <p>{move || format!("{} {}", repeats.with(Vec::len), i18n.v().csv_repeats)}</p>
                        <label class="choice">
                            <input type="checkbox" prop:checked=move || skip.get() on:change=move |ev| skip.set(event_target_checked(&ev))/>
                            {i18n.trv(|t| t.csv_skip_repeats)}
                        </label>
                    </div>
                }.into_any())}
                <div class="row">
                    <button type="button" data-testid="csv-confirm" on:click=confirm prop:disabled=move || valid.get() == 0>
                        {move || format!("{} {} {}", i18n.v().csv_import_n, valid.get(), i18n.v().inspel_count)}
                    </button>
                    <button type="button" class="secondary" on:click=move |_| prepared.set(None)>{i18n.v().cancel}</button>
                </div>
            </div>
        }.into_any()
    };
    view! {
        <section class="card" aria-labelledby="csv-heading">
            <h2 id="csv-heading">{i18n.trv(|t| t.csv_heading)}</h2>
            <p class="hint">{i18n.trv(|t| t.csv_help)}</p>
            <label class="button secondary" for="csv-file">{i18n.trv(|t| t.csv_pick)}</label>
            <input id="csv-file" class="visually-hidden" type="file" accept=".csv,text/csv,text/plain" data-testid="csv-input" on:change=pick/>
            <p class="field-error" role="alert">{text(move || error.get().unwrap_or_default())}</p>
            {when(move || done.with(Option::is_some), move || view! {
                <p role="status" data-testid="csv-done">{text(move || format!("{} {} {}", done.get().unwrap_or(0), i18n.v().inspel_count, i18n.v().csv_done))}</p>
            }.into_any())}
            {dynamic(preview)}
        </section>
    }
}
