//! The module's form pieces, one of each for every form: a labelled input bound to one string
//! of a form's signal, a check box, a choice of records, the areas as choices, and a list of
//! findings (or the sentence saying there are none).
use leptos::prelude::*;
use vagval_core::actions::chain::Level;
use vagval_core::actions::funding::FunderType;
use vagval_core::actions::plan::Status;
use vagval_core::actions::records::{
    Counterpart, Direction, EntryKind, Format, Measure, Outcome, ResultChain,
};
use vagval_core::{Id, Lang};

use super::texts::{ActionsI18n, Texts};
use crate::i18n::use_i18n;
use crate::state::use_app;

/// One function per choice list, choice `i`'s name in `lang` (a `SelectField`'s `name`).
macro_rules! choice_names {
    ($($name:ident: $list:expr;)*) => {$(
        pub(super) fn $name(i: usize, lang: Lang) -> &'static str {
            $list.get(i).map_or("", |x| x.label(lang))
        }
    )*};
}

/// The directions in the order the indicator form offers them.
pub(super) const DIRECTIONS: [Direction; 2] = [Direction::Higher, Direction::Lower];

choice_names! {
    level_name: Level::ALL;
    result_chain_name: ResultChain::ALL;
    status_name: Status::ALL;
    measure_name: Measure::ALL;
    direction_name: DIRECTIONS;
    entry_name: EntryKind::ALL;
    counterpart_name: Counterpart::ALL;
    outcome_name: Outcome::ALL;
    format_name: Format::ALL;
    type_name: FunderType::ALL;
}

/// A string of the module's catalogue.
pub(super) type Pick = fn(&'static Texts) -> &'static str;

/// A labelled input for one string of `form` (see [`crate::ui::text_field`] for `kind`).
pub(super) fn text<F: Send + Sync + 'static>(
    form: RwSignal<F>,
    id: &'static str,
    label: Pick,
    kind: &'static str,
    get: fn(&F) -> String,
    put: fn(&mut F, String),
) -> impl IntoView {
    crate::ui::text_field(form, id, use_i18n().trs(label), kind, get, put)
}

/// [`text`] for a signal that is one string.
pub(super) fn plain(
    sig: RwSignal<String>,
    id: &'static str,
    label: Pick,
    kind: &'static str,
) -> impl IntoView {
    text(sig, id, label, kind, String::clone, |s, v| *s = v)
}

/// A labelled check box for one flag of `form`.
pub(super) fn check<F: Send + Sync + 'static>(
    form: RwSignal<F>,
    id: &'static str,
    label: Pick,
    get: fn(&F) -> bool,
    put: fn(&mut F, bool),
) -> impl IntoView {
    crate::ui::check_field(form, id, use_i18n().trs(label), get, put)
}

/// A labelled `<select>` over records (id, name), `empty` for none.
pub(super) fn records(
    id: &'static str,
    label: Pick,
    empty: Pick,
    choices: Signal<Vec<(Id, String)>>,
    value: Signal<Option<Id>>,
    on: Callback<Option<Id>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for=id>{i18n.trs(label)}</label>
            <select id=id on:change=move |ev| on.run(Id::parse(&event_target_value(&ev)).ok())>
                // `prop:selected`, not the attribute: after a choice the browser no longer
                // follows the attribute, and a reset form would show the last one.
                <option value="" prop:selected=move || value.with(Option::is_none)>{i18n.trs(empty)}</option>
                {move || choices.get().into_iter().map(|(k, name)| {
                    let is = value.get().as_ref() == Some(&k);
                    view! { <option value=k.to_string() prop:selected=is>{name}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// The areas (not in the trash) by number, each named "1. Kunskapsbaserad …".
pub(super) fn areas() -> Memo<Vec<(Id, String)>> {
    let app = use_app();
    Memo::new(move |_| {
        app.doc.with(|d| {
            let mut v: Vec<(u8, Id, String)> = d
                .areas
                .live()
                .filter(|a| a.removed() != Some(&true))
                .map(|a| {
                    let title = a.title().cloned().unwrap_or_default();
                    let n = a.number().copied().unwrap_or(0);
                    (
                        n,
                        a.id.clone(),
                        if n > 0 {
                            format!("{n}. {title}")
                        } else {
                            title
                        },
                    )
                })
                .collect();
            vagval_core::order::sort_by(&mut v, |a, b| a.cmp(b));
            v.into_iter().map(|(_, i, n)| (i, n)).collect()
        })
    })
}

/// What a check found, as a list of warnings, or `ok` when it found nothing; `ids` are the
/// list's and the sentence's test ids.
pub(super) fn findings(
    list: &[String],
    ok: &'static str,
    ids: (&'static str, &'static str),
) -> AnyView {
    if list.is_empty() {
        return view! { <p class="ok" data-testid=ids.1>{ok}</p> }.into_any();
    }
    view! {
        <ul class="warnings" data-testid=ids.0>
            {list.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}
        </ul>
    }
    .into_any()
}
