//! The shell's pages: the overview, Dela (export and import), the settings (with the
//! workspaces on the device), the first-start choice and "not found". Pages read state and
//! dispatch commands; no domain rules live here.
use leptos::prelude::*;

mod not_found;
mod overview;
pub mod settings;
pub mod share;
pub mod workspaces;

pub use not_found::NotFound;
pub use overview::Overview;
pub use settings::Settings;
pub use share::SharePage;
pub use workspaces::FirstStart;

/// Sets `document.title` to "<page> – Vägval" while the page is shown.
pub fn page_title(title: impl Fn() -> &'static str + Send + Sync + 'static) {
    Effect::new(move |_| {
        document().set_title(&format!("{} – Vägval", title()));
    });
}
