use leptos::prelude::*;

use crate::app::router::{Route, use_route};
use crate::i18n::use_i18n;

#[component]
pub(super) fn Nav() -> impl IntoView {
    let i18n = use_i18n();
    let router = use_route();
    view! {
        <nav class="module-nav" aria-label=move || i18n.t().nav_label>
            <ul>
                {Route::ALL.into_iter().map(|route| {
                    let current = move || (router.0.get().module() == route).then_some("page");
                    view! {
                        <li><a href=route.path() aria-current=current>{move || route.label(i18n.lang())}</a></li>
                    }
                }).collect_view()}
            </ul>
        </nav>
    }
}
