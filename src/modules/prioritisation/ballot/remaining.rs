use leptos::prelude::*;
use vagval_core::vote::Method;

use super::draft::Draft;
use crate::i18n::use_i18n;
use crate::modules::prioritisation::texts::ModuleI18n;

/// What is left of the budget, or how many to rank; announced politely.
#[component]
pub(super) fn Remaining(
    method: Memo<Method>,
    draft: Draft,
    item_count: Signal<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || {
        let t = i18n.v();
        let used = draft.used.get();
        match method.get() {
            Method::Dots { budget, .. } => Some(format!(
                "{} {} {} {}",
                t.left,
                budget.saturating_sub(used),
                t.of,
                budget
            )),
            Method::Points { total, .. } => Some(format!(
                "{} {} {} {}",
                t.left,
                total.saturating_sub(used),
                t.of,
                total
            )),
            Method::Ranking { top_k, .. } => {
                let need = top_k.map_or(item_count.get(), |k| (k as usize).min(item_count.get()));
                let have = draft.ranking.with(Vec::len);
                Some(format!("{} {have} {} {need}", t.ranked, t.of))
            }
            _ => None,
        }
    };
    view! { <p class="remaining" aria-live="polite" data-testid="remaining">{text}</p> }
}
