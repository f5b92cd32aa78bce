//! Påverkansagendan: points written from the prioritised inspel, consultation comments,
//! adoption, a traceability table back to the inspel and municipalities, and a print view.
use leptos::prelude::*;
use vagval_core::model::Agenda;

use super::rounds::SubNav;
use crate::app::pages::page_title;
use crate::i18n::use_i18n;
use crate::modules::prioritisation::texts::ModuleI18n;
use crate::state::use_app;

mod new_point;
mod point;
mod trace;
use new_point::NewPoint;
use point::AgendaPoint;
use trace::Trace;

#[component]
pub fn AgendaPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    page_title(move || i18n.v().agenda);
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
                <h1>{i18n.trv(|t| t.agenda)}</h1>
                <button type="button" class="secondary no-print" on:click=print data-testid="print">{i18n.trv(|t| t.print)}</button>
            </div>
            <p class="lead">{i18n.trv(|t| t.agenda_lead)}</p>
            {arrived.map(|n| view! { <p class="notice no-print" role="status" data-testid="to-agenda-done">{move || format!("{n} {}", i18n.v().to_agenda_done)}</p> })}
            <p class="print-only">{move || format!("{} {today}", i18n.v().printed_on)}</p>
            <Show when=move || points.with(|p| !p.is_empty()) fallback=move || view! { <p>{i18n.trv(|t| t.agenda_none)}</p> }>
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
