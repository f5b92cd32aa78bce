use leptos::prelude::*;
use vagval_core::model::Agenda;

use crate::i18n::use_i18n;
use crate::modules::prioritisation::texts::ModuleI18n;
use crate::state::use_app;

/// From each point back to its inspel, their municipalities and organisations.
#[component]
pub(super) fn Trace(points: Memo<Vec<Agenda>>) -> impl IntoView {
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
            <h2 id="trace-heading">{i18n.trv(|t| t.trace)}</h2>
            <table class="data">
                <caption class="visually-hidden">{i18n.trv(|t| t.trace)}</caption>
                <thead><tr>
                    <th scope="col">{i18n.trv(|t| t.point)}</th>
                    <th scope="col">{i18n.trv(|t| t.adopted_on)}</th>
                    <th scope="col">{i18n.trv(|t| t.inspel_title)}</th>
                    <th scope="col">{i18n.trv(|t| t.inspel_municipality)}</th>
                    <th scope="col">{i18n.trv(|t| t.organisation)}</th>
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
