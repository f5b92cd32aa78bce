use leptos::prelude::*;
use vagval_core::round::{Round, ballot_file, ballots_of};
use vagval_core::{Doc, Snapshot};

use crate::file_io;
use crate::i18n::use_i18n;
use crate::modules::prioritisation::texts::ModuleI18n;
use crate::state::{iso_now, use_app};

/// The tablet's small file: the round, its inspel and its ballots.
#[component]
pub(super) fn ExportBallots(round: Memo<Option<Round>>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let count = Memo::new(move |_| {
        round.with(|r| {
            r.as_ref()
                .map_or(0, |r| app.doc.with(|d| ballots_of(d, &r.id).len()))
        })
    });
    let export = move |_| {
        let Some(r) = round.get_untracked() else {
            return;
        };
        app.flush();
        let doc: Doc = app.doc.with_untracked(|d| ballot_file(d, &r.id));
        let text = Snapshot::new(doc, iso_now(), app.device()).to_pretty();
        let device: String = app.device().chars().take(8).collect();
        let name = format!(
            "{}-{}-{device}-{}.json",
            i18n.v().ballot_file_prefix,
            file_io::slug(r.title().map_or("", String::as_str)),
            &iso_now()[..16].replace(':', "")
        );
        let _ = file_io::download(&name, &text, "application/json");
    };
    view! {
        <section class="card" aria-labelledby="export-ballots-heading">
            <h2 id="export-ballots-heading">{i18n.trv(|t| t.export_ballots)}</h2>
            <p>{i18n.trv(|t| t.export_ballots_help)}" ("{move || count.get()}" "{move || i18n.v().ballots(count.get())}")"</p>
            <button type="button" on:click=export data-testid="export-ballots">{i18n.trv(|t| t.export_ballots_button)}</button>
        </section>
    }
}
