use leptos::prelude::*;
use vagval_core::Id;

use crate::i18n::use_i18n;
use crate::modules::prioritisation::texts::ModuleI18n;
use crate::state::use_app;

/// The inspel's description, for a participant who wants to read what they vote on (folded;
/// nothing when there is none).
#[component]
pub(super) fn About(id: Id) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let text = app
        .doc
        .with_untracked(|d| d.inspel.get(&id).and_then(|i| i.description().cloned()))
        .filter(|t| !t.trim().is_empty());
    text.map(|t| view! { <details class="about"><summary>{i18n.trv(|t| t.read_more)}</summary><p>{t}</p></details> })
}
