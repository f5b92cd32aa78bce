use leptos::prelude::*;

use super::{Shown, clip};
use crate::i18n::use_i18n;
use crate::modules::prioritisation::texts::ModuleI18n;
use crate::ui::view::{list, text};

#[component]
pub(super) fn Chart(rows: Memo<Vec<Shown>>) -> impl IntoView {
    let i18n = use_i18n();
    let bars = Memo::new(move |_| {
        rows.with(|r| {
            let max = r
                .iter()
                .map(|x| x.score_f)
                .fold(0.0_f64, f64::max)
                .max(1e-9);
            r.iter()
                .take(20)
                .enumerate()
                .map(|(i, x)| {
                    (
                        i,
                        x.title.clone(),
                        x.score.clone(),
                        (x.score_f.max(0.0) / max * 260.0).round() as u32,
                        x.selected,
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let height = move || (bars.with(Vec::len) * 28 + 8).to_string();
    view! {
        <figure class="chart">
            <svg role="img" aria-labelledby="chart-caption" width="100%" height=text(height) viewBox=text(move || format!("0 0 640 {}", height()))>
                {list(move || bars.get(), |b| view! {
                    <g transform=format!("translate(0,{})", b.0 * 28 + 4)>
                        <title>{b.1.clone()}</title>
                        <text x="0" y="17" class="label">{clip(&b.1, 40)}</text>
                        <rect x="300" y="2" height="20" width=b.3.to_string() class=if b.4 { "selected" } else { "" }/>
                        <text x=(b.3 + 306).to_string() y="17" class="value">{b.2}</text>
                    </g>
                }.into_any())}
            </svg>
            <figcaption id="chart-caption">{i18n.trv(|t| t.chart_caption)}</figcaption>
        </figure>
    }
}
