//! One component per route. Pages read state and dispatch commands; no domain
//! rules live here.
pub mod agenda;
mod ballot;
pub mod device_storage;
mod inspel;
pub mod kiosk;
mod module;
mod not_found;
mod overview;
mod results;
mod round;
mod rounds;
mod settings;
pub mod share;
pub mod workspaces;

pub use agenda::AgendaPage;
pub use inspel::InspelPage;
pub use module::ModulePage;
pub use not_found::NotFound;
pub use overview::Overview;
pub use round::RoundPage;
pub use rounds::RoundsPage;
pub use settings::Settings;
pub use share::SharePage;

use leptos::prelude::*;

/// Sets `document.title` to "<page> – Vägval" while the page is shown.
pub fn page_title(title: impl Fn() -> &'static str + Send + Sync + 'static) {
    Effect::new(move |_| {
        document().set_title(&format!("{} – Vägval", title()));
    });
}
