use leptos::prelude::*;

use crate::app::router::use_route;
use crate::i18n::use_i18n;
use crate::modules::prioritisation::texts::{ModuleI18n, Texts};
use crate::modules::prioritisation::{AGENDA, INSPEL, ROUND, ROUNDS};

/// Links between the parts of the Inspel module.
#[component]
pub fn SubNav() -> impl IntoView {
    let i18n = use_i18n();
    let router = use_route();
    let link = move |path: &'static str, label: fn(&'static Texts) -> &'static str| {
        let current = move || {
            let r = router.0.get().path();
            (r == path || (path == ROUNDS && r == ROUND)).then_some("page")
        };
        view! { <li><a href=path aria-current=current>{i18n.trv(label)}</a></li> }
    };
    view! {
        <nav class="sub-nav" aria-label=move || i18n.v().card.title>
            <ul>
                {link(INSPEL, |t| t.list)}
                {link(ROUNDS, |t| t.rounds)}
                {link(AGENDA, |t| t.agenda)}
            </ul>
        </nav>
    }
}
