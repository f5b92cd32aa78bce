use leptos::prelude::*;

use super::{export_shelved, open_demo, open_new};
use crate::app::pages::share::export_now;
use crate::i18n::use_i18n;
use crate::state::use_app;
use crate::storage;

/// The workspaces on this device, in Inställningar.
#[component]
pub fn Workspaces() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    // The list is re-read after every change made here.
    let version = RwSignal::new(0u32);
    let others = Memo::new(move |_| {
        version.track();
        let open = app.doc.with(|d| d.id.clone());
        storage::shelf()
            .into_iter()
            .filter(|s| s.id != open)
            .collect::<Vec<_>>()
    });
    let new_name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let confirm = RwSignal::new(None::<Option<vagval_core::Id>>); // Some(None): the open one
    let bump = move || version.update(|v| *v += 1);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match open_new(app, &new_name.get_untracked()) {
            Ok(()) => {
                new_name.set(String::new());
                error.set(None);
                bump();
            }
            Err("empty") => error.set(Some(i18n.t().ws.name_missing)),
            Err(_) => error.set(Some(i18n.t().ws.not_stored)),
        }
    };
    let demo = move |_| {
        if open_demo(app).is_err() {
            error.set(Some(i18n.t().ws.not_stored));
        }
        bump();
    };
    view! {
        <section class="card" aria-labelledby="ws-heading" data-testid="workspaces">
            <h2 id="ws-heading">{i18n.tr(|t| t.ws.heading)}</h2>
            <p>{i18n.tr(|t| t.ws.lead)}</p>
            <h3>{i18n.tr(|t| t.ws.open_now)}</h3>
            <p data-testid="ws-open"><strong>{move || app.doc.with(|d| d.name().to_owned())}</strong></p>
            <p class="hint">{i18n.tr(|t| t.ws.rename_hint)}</p>
            <button type="button" class="danger" data-testid="ws-delete-open" on:click=move |_| confirm.set(Some(None))>
                {i18n.tr(|t| t.ws.delete)}
            </button>
            <h3>{i18n.tr(|t| t.ws.others)}</h3>
            <Show when=move || others.with(|o| !o.is_empty()) fallback=move || view! { <p>{i18n.tr(|t| t.ws.none)}</p> }>
                <ul class="link-list" data-testid="ws-list">
                    <For each=move || others.get() key=|s| s.id.clone() let:s>
                        <li class="row">
                            <span class="grow">{s.name.clone()}</span>
                            <button type="button" class="secondary" data-testid="ws-open-other" on:click={
                                let id = s.id.clone();
                                move |_| {
                                    let opened = storage::shelved(&id).is_some_and(|doc| app.switch_to(doc).is_ok());
                                    error.set((!opened).then(|| i18n.t().ws.not_stored));
                                    bump();
                                }
                            }>{i18n.tr(|t| t.ws.open)}</button>
                            <button type="button" class="danger" data-testid="ws-delete-other" on:click={
                                let id = s.id.clone();
                                move |_| confirm.set(Some(Some(id.clone())))
                            }>{i18n.tr(|t| t.ws.delete)}</button>
                        </li>
                    </For>
                </ul>
            </Show>
            {move || confirm.get().map(|which| {
                let yes = {
                    let which = which.clone();
                    move |_| {
                        match &which {
                            None => app.delete_open(i18n.t().ws.untitled),
                            Some(id) => {
                                let _ = app.delete_shelved(id);
                            }
                        }
                        confirm.set(None);
                        bump();
                    }
                };
                view! {
                    <div class="confirm" role="alertdialog" aria-labelledby="ws-delete-q" data-testid="ws-delete-confirm">
                        <p id="ws-delete-q">{i18n.tr(|t| t.ws.delete_confirm)}</p>
                        <div class="actions">
                            <button type="button" class="secondary" data-testid="ws-export-first" on:click={
                                let which = which.clone();
                                move |_| match &which {
                                    None => export_now(app),
                                    Some(id) => export_shelved(app, id),
                                }
                            }>{i18n.tr(|t| t.ws.export_first)}</button>
                            <button type="button" class="danger" data-testid="ws-delete-yes" on:click=yes>{i18n.tr(|t| t.ws.delete_yes)}</button>
                            <button type="button" class="secondary" on:click=move |_| confirm.set(None)>{i18n.tr(|t| t.sh.cancel)}</button>
                        </div>
                    </div>
                }
            })}
            <h3>{i18n.tr(|t| t.ws.new_heading)}</h3>
            <form class="row" on:submit=create>
                <div class="field grow">
                    <label for="ws-new-name">{i18n.tr(|t| t.ws.new_name)}</label>
                    <input id="ws-new-name" type="text" autocomplete="off"
                        prop:value=move || new_name.get() on:input=move |ev| new_name.set(event_target_value(&ev))/>
                </div>
                <button type="submit" data-testid="ws-new">{i18n.tr(|t| t.ws.create)}</button>
            </form>
            <button type="button" class="secondary" data-testid="ws-demo" on:click=demo>{i18n.tr(|t| t.ws.open_demo)}</button>
            <p class="field-error" role="alert">{move || error.get()}</p>
        </section>
    }
}
