use leptos::prelude::*;

use super::{open_demo, open_new};
use crate::i18n::use_i18n;
use crate::state::use_app;
use crate::ui::ErrorField;

/// The choice on a device where nothing is stored yet.
#[component]
pub fn FirstStart() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match open_new(app, &name.get_untracked()) {
            Ok(()) => error.set(None),
            Err("empty") => error.set(Some(i18n.t().ws.name_missing)),
            Err(_) => error.set(Some(i18n.t().ws.not_stored)),
        }
    };
    let demo = move |_| {
        if open_demo(app).is_err() {
            error.set(Some(i18n.t().ws.not_stored));
        }
    };
    view! {
        <section class="card first-start" aria-labelledby="first-start-heading" data-testid="first-start">
            <h1 id="first-start-heading">{i18n.tr(|t| t.ws.first_heading)}</h1>
            <p>{i18n.tr(|t| t.ws.first_lead)}</p>
            <form class="row" on:submit=create>
                <ErrorField id="first-name" error_id="first-error" label=i18n.tr(|t| t.ws.new_name)
                    class="field grow" value=name error=error/>
                <button type="submit" data-testid="first-new">{i18n.tr(|t| t.ws.create)}</button>
            </form>
            <p>{i18n.tr(|t| t.ws.or_demo)}</p>
            <button type="button" class="secondary" data-testid="first-demo" on:click=demo>{i18n.tr(|t| t.ws.open_demo)}</button>
        </section>
    }
}
