use leptos::prelude::*;

use super::{Flow, Incoming, export_now};
use crate::i18n::use_i18n;
use crate::state::use_app;

#[component]
pub(super) fn ConfirmReplace(flow: RwSignal<Flow>, file: Incoming) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let name = file.name.clone();
    let decoded = file.decoded;
    let yes = move |_| {
        export_now(app);
        app.replace(decoded.snapshot.workspace.clone());
        flow.set(Flow::Done {
            files: vec![name.clone()],
            errors: Vec::new(),
            report: Vec::new(),
            kept: Vec::new(),
            lines: Vec::new(),
        });
    };
    view! {
        <div class="confirm" role="alertdialog" aria-labelledby="replace-q" data-testid="replace-confirm">
            <p id="replace-q">{i18n.tr(|t| t.sh.replace_confirm)}</p>
            <div class="actions">
                <button type="button" class="danger" data-testid="replace-yes" on:click=yes>{i18n.tr(|t| t.sh.replace_yes)}</button>
                <button type="button" class="secondary" on:click=move |_| flow.set(Flow::Idle)>{i18n.tr(|t| t.sh.cancel)}</button>
            </div>
        </div>
    }
}
