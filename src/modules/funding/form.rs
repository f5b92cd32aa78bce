//! The module's form fields (the shared ones of [`crate::ui`]) with labels from its catalogue.
use leptos::prelude::*;

use super::texts::{FundingI18n, Texts};
use crate::i18n::use_i18n;

/// A label's text in the module's catalogue.
pub(super) type Label = fn(&'static Texts) -> &'static str;

/// `label` as a signal following the language.
fn tr(label: Label) -> Signal<&'static str> {
    let i18n = use_i18n();
    Signal::derive(move || label(i18n.f()))
}

/// A labelled input bound to one string of `form` (`kind` as [`crate::ui::text_field`]'s).
pub(super) fn input<T: Send + Sync + 'static>(
    form: RwSignal<T>,
    id: &'static str,
    label: Label,
    kind: &'static str,
    get: fn(&T) -> String,
    put: fn(&mut T, String),
) -> impl IntoView {
    crate::ui::text_field(form, id, tr(label), kind, get, put)
}

/// A labelled text area bound to one string of `form`, with a hint under the label.
pub(super) fn area<T: Send + Sync + 'static>(
    form: RwSignal<T>,
    id: &'static str,
    label: Label,
    hint: Option<Label>,
    get: fn(&T) -> String,
    put: fn(&mut T, String),
) -> impl IntoView {
    crate::ui::text_area(form, id, tr(label), hint.map(tr), get, put)
}

/// A labelled check box bound to one flag of `form`.
pub(super) fn check<T: Send + Sync + 'static>(
    form: RwSignal<T>,
    id: &'static str,
    label: Label,
    get: fn(&T) -> bool,
    put: fn(&mut T, bool),
) -> impl IntoView {
    crate::ui::check_field(form, id, tr(label), get, put)
}
