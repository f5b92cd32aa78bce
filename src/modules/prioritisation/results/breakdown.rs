use leptos::prelude::*;
use vagval_core::round::{Group, Round, RoundResult, ballots_of, breakdown};

use crate::i18n::use_i18n;
use crate::modules::prioritisation::texts::ModuleI18n;
use crate::state::use_app;
use crate::ui::view::when;
use crate::ui::{Cell, SmallTable};

/// The top three per participant municipality.
#[component]
pub(super) fn Breakdown(
    round: Memo<Option<Round>>,
    result: Memo<Option<RoundResult>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let hidden = RwSignal::new(0usize);
    let rows = Memo::new(move |_| {
        let lang = i18n.lang();
        let Some(r) = round.get() else {
            return Vec::new();
        };
        result.with(|res| {
            app.doc.with(|d| {
                let Some(res) = res else { return Vec::new() };
                let by = breakdown(&r, &ballots_of(d, &r.id), &res.counted);
                hidden.set(by.hidden);
                by.groups
                    .into_iter()
                    .map(|(g, t)| {
                        let name = match g {
                            Group::One(m) => m.label(lang).to_owned(),
                            Group::Others(list) => format!(
                                "{} ({})",
                                crate::modules::prioritisation::texts::texts(lang).breakdown_others,
                                list.iter()
                                    .map(|m| m.label(lang))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        };
                        (
                            name,
                            t.ballots,
                            t.rows
                                .iter()
                                .take(3)
                                .map(|row| d.inspel_title(&row.item))
                                .collect::<Vec<_>>()
                                .join(" · "),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let rows = Memo::new(move |_| {
        rows.get()
            .into_iter()
            .map(|(m, n, top)| (m, n.to_string(), Cell::Text(top)))
            .collect()
    });
    view! {
        <SmallTable id="breakdown" heading=i18n.trv(|t| t.breakdown) help=i18n.trv(|t| t.breakdown_privacy)
            empty=i18n.trv(|t| t.breakdown_none)
            columns=[i18n.trv(|t| t.inspel_municipality), i18n.trv(|t| t.col_ballots), i18n.trv(|t| t.top_three)] rows=rows/>
        {when(move || hidden.get() > 0, move || view! {
            <p class="hint" data-testid="breakdown-hidden">{move || format!("{} {}", hidden.get(), i18n.v().breakdown_hidden)}</p>
        }.into_any())}
    }
}
