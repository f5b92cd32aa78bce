use leptos::prelude::*;
use vagval_core::Lang;

use crate::i18n::use_i18n;

/// Storage used vs. quota, and whether the browser keeps it persistently.
#[component]
pub(super) fn StorageInfo() -> impl IntoView {
    let i18n = use_i18n();
    let usage = RwSignal::new(None::<(f64, f64)>);
    let persisted = RwSignal::new(None::<bool>);
    leptos::task::spawn_local(async move {
        usage.set(crate::storage::estimate().await);
        persisted.set(crate::storage::is_persisted().await);
    });
    // Integer tenths: keeps float formatting out of the bundle.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let mb = move |b: f64| {
        let tenths = (b / 100_000.0).round() as u64;
        let sv = i18n.lang() == Lang::Sv;
        // Thousands grouped: "10 739,2 MB" (a no-break space in Swedish), "10,739.2 MB".
        let whole = (tenths / 10).to_string();
        let mut grouped = String::new();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i).is_multiple_of(3) {
                grouped.push(if sv { '\u{a0}' } else { ',' });
            }
            grouped.push(c);
        }
        format!("{grouped}{}{} MB", if sv { ',' } else { '.' }, tenths % 10)
    };
    view! {
        <section class="card" aria-labelledby="storage-heading">
            <h2 id="storage-heading">{i18n.tr(|t| t.storage_heading)}</h2>
            <p data-testid="storage-usage">
                {move || match usage.get() {
                    Some((used, quota)) => format!("{}: {} / {}", i18n.t().storage_used, mb(used), mb(quota)),
                    None => i18n.t().storage_unknown.to_owned(),
                }}
            </p>
            <p data-testid="storage-persisted">
                {move || if persisted.get() == Some(true) { i18n.t().storage_persisted } else { i18n.t().storage_not_persisted }}
            </p>
        </section>
    }
}
