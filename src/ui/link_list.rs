//! A list of linked records, each with a button taking the link away, and a choice of the
//! records it could link to besides (an action area's goals and actors, a project's actors, an
//! application's goals and actors): one view type for every such list in the app.
use leptos::prelude::*;
use vagval_core::Id;
use vagval_core::actions::workflow::Named;

use crate::i18n::use_i18n;

/// A list of linked records, each with a button taking the link away, and a choice of the
/// records it could link to besides: `links` is (linked, free), `set(other, on)` changes one.
pub fn link_list(
    select: String,
    name: Signal<&'static str>,
    links: Memo<(Named, Named)>,
    set: Callback<(Id, bool)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let select_for = select.clone();
    view! {
        <div class="area-links" data-testid="area-links">
            <h3>{name}</h3>
            <ul class="plain-list">
                {move || links.with(|(on, _)| on.iter().map(|(other, title)| {
                    let other = other.clone();
                    let label = format!("{} {title}", i18n.t().link_remove);
                    view! { <li>{title.clone()}" "<button type="button" class="secondary small" aria-label=label on:click=move |_| set.run((other.clone(), false))>"×"</button></li> }
                }).collect_view())}
            </ul>
            <label for=select_for>{move || format!("{} ({})", i18n.t().link_to, name.get().to_lowercase())}</label>
            <select id=select on:change=move |ev| {
                let picked = event_target_value(&ev);
                // Back to "—": the chosen record leaves this list for the one above.
                event_target::<web_sys::HtmlSelectElement>(&ev).set_value("");
                if let Ok(other) = Id::parse(&picked) {
                    set.run((other, true));
                }
            }>
                <option value="">"—"</option>
                {move || links.with(|(_, free)| free.iter().map(|(other, title)| view! { <option value=other.to_string()>{title.clone()}</option> }).collect_view())}
            </select>
        </div>
    }
}
