use leptos::prelude::*;
use std::collections::BTreeSet;
use vagval_core::Id;
use vagval_core::round::{Round, RoundResult, ballots_of};
use vagval_core::select::compare;
use vagval_core::vote::Answer;

use crate::i18n::use_i18n;
use crate::modules::prioritisation::texts::ModuleI18n;
use crate::state::use_app;
use crate::ui::{Cell, SmallTable};

/// The applicable methods on the same ballots: does the top-N change?
#[component]
pub(super) fn Comparison(
    round: Memo<Option<Round>>,
    result: Memo<Option<RoundResult>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let rows = Memo::new(move |_| {
        let lang = i18n.lang();
        let Some(r) = round.get() else {
            return Vec::new();
        };
        result.with(|res| {
            app.doc.with(|d| {
                let Some(res) = res else { return Vec::new() };
                let ballots = ballots_of(d, &r.id);
                let counted: BTreeSet<&Id> = res.counted.iter().collect();
                let answers: Vec<&Answer> = ballots
                    .iter()
                    .filter(|b| counted.contains(&b.id))
                    .filter_map(|b| b.answer())
                    .collect();
                let n = r.capacity().copied().flatten().map_or(3, |c| match c {
                    vagval_core::select::Capacity::TopN { n } => n as usize,
                    _ => res.selection.as_ref().map_or(3, |s| s.items.len()),
                });
                compare(
                    &r.method_or_default(),
                    &r.item_set(),
                    &answers,
                    r.seed().map_or("", String::as_str),
                    n,
                )
                .into_iter()
                .map(|c| {
                    (
                        crate::modules::prioritisation::labels::method_label(&c.method, lang),
                        c.top
                            .iter()
                            .map(|id| d.inspel_title(id))
                            .collect::<Vec<_>>()
                            .join(" · "),
                        c.differs,
                    )
                })
                .collect::<Vec<_>>()
            })
        })
    });
    let rows = Memo::new(move |_| {
        rows.get()
            .into_iter()
            .map(|(m, top, differs)| {
                let t = i18n.v();
                let tag = if differs {
                    Cell::Tag {
                        class: "tag warn",
                        text: t.differs,
                    }
                } else {
                    Cell::Tag {
                        class: "tag ok",
                        text: t.same,
                    }
                };
                (m, top, tag)
            })
            .collect()
    });
    view! {
        <SmallTable id="comparison" heading=i18n.trv(|t| t.comparison) help=i18n.trv(|t| t.comparison_help)
            empty=i18n.trv(|t| t.comparison_none)
            columns=[i18n.trv(|t| t.method), i18n.trv(|t| t.top_list), i18n.trv(|t| t.col_notes)] rows=rows/>
    }
}
