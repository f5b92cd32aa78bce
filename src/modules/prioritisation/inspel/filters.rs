use leptos::prelude::*;
use vagval_core::model::Municipality;
use vagval_core::query::{Query, Sort};

use super::{DIMENSIONS, STATUSES};
use crate::i18n::use_i18n;
use crate::modules::prioritisation::labels::{dimension_label, status_label};
use crate::modules::prioritisation::texts::ModuleI18n;
use crate::ui::SelectField;

#[component]
pub(super) fn Filters(query: RwSignal<Query>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="row filters" role="search">
            <div class="field grow">
                <label for="inspel-search">{i18n.trv(|t| t.search)}</label>
                <input id="inspel-search" type="search" autocomplete="off" data-testid="inspel-search"
                    on:input=move |ev| { let v = event_target_value(&ev); query.update(|q| q.text = v) }/>
            </div>
            <SelectField id="filter-municipality" label=i18n.trv(|t| t.inspel_municipality) empty=i18n.trv(|t| t.all)
                count=Municipality::ALL.len() name=|i, lang| Municipality::ALL.get(i).map_or("", |m| m.label(lang))
                on_change={move |i: Option<usize>| query.update(|q| q.municipality = i.and_then(|i| Municipality::ALL.get(i).copied()))}/>
            <SelectField id="filter-status" label=i18n.trv(|t| t.status) empty=i18n.trv(|t| t.all)
                count=STATUSES.len() name=|i, lang| STATUSES.get(i).map_or("", |s| status_label(*s, lang))
                on_change={move |i: Option<usize>| query.update(|q| q.status = i.and_then(|i| STATUSES.get(i).copied()))}/>
            <SelectField id="filter-dimension" label=i18n.trv(|t| t.dimension) empty=i18n.trv(|t| t.all)
                count=DIMENSIONS.len() name=|i, lang| DIMENSIONS.get(i).map_or("", |d| dimension_label(*d, lang))
                on_change={move |i: Option<usize>| query.update(|q| q.dimension = i.and_then(|i| DIMENSIONS.get(i).copied()))}/>
            <div class="field">
                <label for="inspel-sort">{i18n.trv(|t| t.sort)}</label>
                <select id="inspel-sort" on:change=move |ev| {
                    let s = match event_target_value(&ev).as_str() {
                        "municipality" => Sort::Municipality,
                        "status" => Sort::Status,
                        "theme" => Sort::Theme,
                        _ => Sort::Title,
                    };
                    query.update(|q| q.sort = s);
                }>
                    <option value="title">{i18n.trv(|t| t.inspel_title)}</option>
                    <option value="municipality">{i18n.trv(|t| t.inspel_municipality)}</option>
                    <option value="status">{i18n.trv(|t| t.status)}</option>
                    <option value="theme">{i18n.trv(|t| t.theme)}</option>
                </select>
            </div>
        </div>
    }
}
