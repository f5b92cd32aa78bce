//! The modules, in one list: the router's routes, the navigation's entries and the overview's
//! cards are all read from [`MODULES`].
//!
//! Adding a module page touches exactly:
//! - `src/modules/<name>/mod.rs`: its `MODULE` (pages with their paths and views, card,
//!   what it provides at the root) and its components, one per file beside it;
//! - `src/modules/<name>/texts.rs`: its strings, Swedish and English side by side, and its card;
//! - this file: `mod <name>;` and one line in [`MODULES`].
//!
//! Nothing in `src/app/` changes: routes, navigation and cards follow the list.
use leptos::prelude::*;
use vagval_core::Lang;

use crate::i18n::ModuleTexts;

pub mod actions;
pub mod conflicts;
pub mod funding;
mod planned;
pub mod prioritisation;
pub mod stakeholders;

/// Every module, in navigation order.
pub const MODULES: &[Module] = &[
    prioritisation::MODULE,
    conflicts::MODULE,
    stakeholders::MODULE,
    actions::MODULE,
    funding::MODULE,
];

/// A module as the shell sees it.
pub struct Module {
    /// Its pages; the first is where its navigation entry and overview card lead, and the
    /// navigation marks the module current on any of them.
    pub pages: &'static [Page],
    /// Its card: title (navigation label and heading), summary, what it will hold.
    pub card: fn(Lang) -> &'static ModuleTexts,
    /// Context it provides at the root, before any page is shown.
    pub provide: fn(),
}

/// One page of a module.
pub struct Page {
    /// Its path. A path ending in `/` is followed by a record id (`/inspel/omrostning/<id>`).
    pub path: &'static str,
    /// Renders the page.
    pub view: fn() -> AnyView,
}

impl Page {
    /// Whether `path` (without a trailing slash) is this page.
    #[must_use]
    pub fn matches(&self, path: &str) -> bool {
        if self.path.ends_with('/') {
            path.strip_prefix(self.path)
                .is_some_and(|id| vagval_core::Id::parse(id).is_ok())
        } else {
            self.path == path
        }
    }
}

/// Nothing to provide.
const fn nothing() {}
