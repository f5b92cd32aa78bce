use leptos::prelude::*;
use vagval_core::doc::Overwrite;
use vagval_core::{Command, Kind, Localized};

use super::show;
use crate::i18n::use_i18n;
use crate::state::use_app;

#[component]
pub(super) fn OverwriteRow(o: Overwrite, overwritten: bool) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let done = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let (kind, id, field) = (
        Kind::parse(o.record.kind),
        o.record.id.clone(),
        o.conflict.field.clone(),
    );
    // Restoring my value after it was overwritten, or taking theirs after mine was kept.
    let value = if overwritten {
        o.conflict.local.clone()
    } else {
        o.conflict.incoming.clone()
    };
    let apply = move |_| {
        let Some(kind) = kind else { return };
        let cmd = Command::Edit {
            kind,
            id: id.clone(),
            field: field.clone(),
            value: value.clone(),
        };
        match app.dispatch(&cmd) {
            Ok(()) => done.set(true),
            Err(e) => error.set(Some(e.message(i18n.lang()))),
        }
    };
    view! {
        <tr>
            <td>{o.record.label.clone()}</td>
            <td>{let f = o.conflict.field.clone(); move || vagval_core::describe::field_label(&f, i18n.lang())}</td>
            <td>{show(&o.conflict.field, &o.conflict.local, i18n)}</td>
            <td>{show(&o.conflict.field, &o.conflict.incoming, i18n)}</td>
            <td>
                {move || if done.get() {
                    view! { <span>{i18n.tr(|t| t.sh.restored)}</span> }.into_any()
                } else {
                    let label = move || if overwritten { i18n.t().sh.restore } else { i18n.t().sh.use_theirs };
                    view! { <button type="button" class="secondary" on:click=apply.clone()>{label}</button> }.into_any()
                }}
                {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            </td>
        </tr>
    }
}
