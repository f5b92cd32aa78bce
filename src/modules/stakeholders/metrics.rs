//! The metrics table: degree, in and out degree, weighted degree, closeness, betweenness and
//! two-step reach of every actor, on the relation types chosen, each formula named.
use leptos::prelude::*;
use vagval_core::stakeholders::actor::RelationType;
use vagval_core::stakeholders::map::Filter;
use vagval_core::stakeholders::report::filtered;

use super::Head;
use super::texts::StakeholdersI18n;
use crate::i18n::use_i18n;
use crate::state::use_app;

/// The relation-type checkboxes: an empty set keeps every type.
#[component]
pub(super) fn TypeFilter(types: RwSignal<Filter>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="filters" data-testid="relation-filter">
            <legend>{i18n.trs(|t| t.relation_types)}</legend>
            {RelationType::ALL.into_iter().map(|t| view! {
                <label class="check">
                    <input type="checkbox" prop:checked=move || types.with(|f| f.relation_types.is_empty() || f.relation_types.contains(&t))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            types.update(|f| {
                                if f.relation_types.is_empty() {
                                    f.relation_types = RelationType::ALL.into_iter().collect();
                                }
                                if on { f.relation_types.insert(t); } else { f.relation_types.remove(&t); }
                                if f.relation_types.len() == RelationType::ALL.len() { f.relation_types.clear(); }
                            });
                        }/>
                    {move || t.label(i18n.lang())}
                </label>
            }).collect_view()}
        </fieldset>
    }
}

#[component]
pub(super) fn MetricsPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let types = RwSignal::new(Filter::default());
    let rep = Memo::new(move |_| types.with(|f| app.doc.with(|d| filtered(d, Some(f)))));
    let table = move || {
        let s = i18n.s();
        let lang = i18n.lang();
        rep.with(|r| {
            let table = super::report_table(
                r,
                lang,
                s,
                &super::Table {
                    id: "metrics-caption",
                    caption: Some(|t| t.metrics_caption),
                    testid: ("metrics-table", "metrics-row"),
                    cols: &[10, 11, 12, 13, 14, 15, 16],
                    num: true,
                },
            );
            view! {
                {table}
                <h2>{s.formulas}</h2>
                <ul class="formulas">
                    <li>{s.f_degree}<code>{format!(" {}", r.formulas[3])}</code></li>
                    <li>{s.f_closeness}<code>{format!(" {}", r.formulas[4])}</code></li>
                    <li>{s.f_betweenness}<code>{format!(" {}", r.formulas[5])}</code></li>
                    <li>{s.f_reach2}<code>{format!(" {}", r.formulas[6])}</code></li>
                </ul>
            }
        })
    };
    view! {
        <article class="page stakeholders">
            <Head current=4 lead=|t| t.metrics_lead/>
            <TypeFilter types=types/>
            <p class="hint" role="status">{move || types.with(|f| !f.relation_types.is_empty()).then(|| i18n.s().metrics_filtered)}</p>
            {table}
        </article>
    }
}
