use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::state::{SaveState, use_app};

#[component]
pub(super) fn SaveIndicator() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let state = move || {
        let t = i18n.t();
        match app.save.get() {
            SaveState::Saved => ("saved", t.save_saved),
            SaveState::Pending => ("pending", t.save_saving),
            SaveState::Failed(_) => ("failed", t.save_failed),
            SaveState::ReadOnly(_) => ("read-only", t.save_read_only),
            SaveState::MemoryOnly => ("memory", t.save_memory_only),
        }
    };
    view! {
        <p class="save-state" role="status" data-testid="save-state" data-state=move || state().0>
            <span class="dot" aria-hidden="true"></span>
            {move || state().1}
        </p>
    }
}
