//! A captioned three-column table with a heading (the small result tables).
use leptos::prelude::*;

use crate::ui::view::{either, list};

/// The third cell of a [`SmallTable`] row.
#[derive(Clone, PartialEq, Eq)]
pub enum Cell {
    /// Plain text.
    Text(String),
    /// A tag: `<span class=class>text</span>` (e.g. "Ändras").
    Tag {
        /// Its class (`"tag ok"`, `"tag warn"`).
        class: &'static str,
        /// Its text.
        text: &'static str,
    },
}

/// A captioned three-column table (row header, text, any cell) with a heading, an optional
/// help text and a text for "nothing to show".
#[component]
pub fn SmallTable(
    /// The section's `data-testid`; the heading's id is `<id>-heading`.
    id: &'static str,
    /// The heading (also the table's caption).
    heading: Signal<&'static str>,
    /// A paragraph under the heading.
    #[prop(optional)]
    help: Option<Signal<&'static str>>,
    /// Shown instead of the table when there are no rows.
    empty: Signal<&'static str>,
    /// The column headers.
    columns: [Signal<&'static str>; 3],
    /// The rows.
    rows: Memo<Vec<(String, String, Cell)>>,
) -> impl IntoView {
    let (hid, labelled) = (format!("{id}-heading"), format!("{id}-heading"));
    view! {
        <section class="card" aria-labelledby=labelled data-testid=id>
            <h2 id=hid>{heading}</h2>
            {help.map(|h| view! { <p>{h}</p> })}
            {either(move || rows.with(|r| !r.is_empty()), move || view! {
                <table class="data">
                    <caption class="visually-hidden">{heading}</caption>
                    <thead><tr>{columns.map(|c| view! { <th scope="col">{c}</th> }).into_iter().collect_view()}</tr></thead>
                    <tbody>
                        {list(move || rows.get(), |r| {
                            let third = match r.2 {
                                Cell::Text(t) => t.into_any(),
                                Cell::Tag { class, text } => view! { <span class=class>{text}</span> }.into_any(),
                            };
                            view! { <tr><th scope="row">{r.0}</th><td>{r.1}</td><td>{third}</td></tr> }.into_any()
                        })}
                    </tbody>
                </table>
            }.into_any(), move || view! { <p>{empty}</p> }.into_any())}
        </section>
    }
}
