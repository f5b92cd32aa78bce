use leptos::prelude::*;

#[component]
pub(super) fn Errors(errors: Vec<String>) -> impl IntoView {
    (!errors.is_empty()).then(|| {
        view! {
            <div class="import-errors" role="alert" data-testid="import-errors">
                <ul>{errors.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
            </div>
        }
    })
}
