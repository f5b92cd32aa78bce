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
use std::future::Future;
use std::pin::Pin;
use std::sync::LazyLock;

use leptos::prelude::*;
use vagval_core::Lang;

use crate::i18n::ModuleTexts;

pub mod actions;
pub mod conflicts;
pub mod funding;
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
    /// How its pages are drawn.
    pub draw: Draw,
    /// Its card: title (navigation label and heading), summary, what it will hold.
    pub card: fn(Lang) -> &'static ModuleTexts,
    /// Context it provides at the root, before any page is shown.
    pub provide: fn(),
}

/// One page of a module.
pub struct Page {
    /// Its path. A path ending in `/` is followed by a record id (`/inspel/omrostning/<id>`).
    pub path: &'static str,
}

/// Draws page `i` of a module's [`Module::pages`].
pub type Render = fn(usize) -> AnyView;

/// The future that loads a module's chunk and hands back its [`Render`].
pub type Loading = Pin<Box<dyn Future<Output = Result<Render, SplitLoaderError>>>>;

/// How a module's pages are drawn.
#[derive(Clone, Copy)]
pub enum Draw {
    /// By code in the module's own chunk, fetched on first use (scripts/split.mjs cuts it
    /// at the module's `wasm_split` point; the service worker precaches it). The page is
    /// drawn synchronously once the chunk is there, so it lives in the shell's reactive
    /// tree like any other.
    Chunk(fn() -> Loading),
}

/// Declares a chunk's split point `fn $f() -> Result<$t, SplitLoaderError>` giving `$v`. With
/// the `split` feature (the release build's, set in index.html) it is the `wasm_split` entry of
/// chunk `$chunk`: scripts/split.mjs cuts everything only it reaches into that chunk, fetched
/// the first time it is called; `unsafe_code` is allowed on it alone, for the import and export
/// the attribute generates. Without the feature (a test build has no loader) it is an async fn
/// in the one wasm module. One copy for every module's pages and the overview's list.
#[macro_export]
macro_rules! split_point {
    ($chunk:ident: fn $f:ident() -> $t:ty = $v:expr) => {
        #[cfg(feature = "split")]
        #[allow(unsafe_code)]
        #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $f() -> Result<$t, $crate::modules::SplitLoaderError> {
            Ok($v)
        }

        #[cfg(not(feature = "split"))]
        #[allow(clippy::unused_async)]
        async fn $f() -> Result<$t, $crate::modules::SplitLoaderError> {
            Ok($v)
        }
    };
}

/// The error a chunk that could not be fetched gives.
pub use leptos::wasm_split::SplitLoaderError;

/// What a module's chunk has given so far, per module: `None` until it is loaded.
static LOADED: LazyLock<ArcRwSignal<Vec<Option<Render>>>> =
    LazyLock::new(|| ArcRwSignal::new(vec![None; MODULES.len()]));

/// Draws page `page` of module `module`, fetching the module's chunk first if need be.
pub fn view(module: usize, page: usize) -> AnyView {
    let Some(m) = MODULES.get(module) else {
        return ().into_any();
    };
    let Draw::Chunk(load) = m.draw;
    let loaded = LOADED.clone();
    let failed = RwSignal::new(false);
    let fetch = move || {
        failed.set(false);
        let loaded = loaded.clone();
        leptos::task::spawn_local(async move {
            match load().await {
                Ok(render) => loaded.update(|l| {
                    if let Some(slot) = l.get_mut(module) {
                        *slot = Some(render);
                    }
                }),
                Err(_) => failed.try_set(true).map_or((), |_| ()),
            }
        });
    };
    let have = LOADED.clone();
    if have.with_untracked(|l| l.get(module).copied().flatten().is_none()) {
        fetch();
    }
    let i18n = crate::i18n::use_i18n();
    let retry = fetch.clone();
    (move || match have.with(|l| l.get(module).copied().flatten()) {
        Some(render) => render(page),
        None if failed.get() => {
            let retry = retry.clone();
            view! {
                <div class="card error-card" role="alert" data-testid="module-load-failed">
                    <p>{i18n.tr(|t| t.module_load_failed)}</p>
                    <button type="button" class="btn" on:click=move |_| retry()>
                        {i18n.tr(|t| t.module_load_retry)}
                    </button>
                </div>
            }
            .into_any()
        }
        None => view! {
            <p class="boot-status" role="status" data-testid="module-loading">
                <span class="spinner" aria-hidden="true"></span>
                {i18n.tr(|t| t.module_loading)}
            </p>
        }
        .into_any(),
    })
    .into_any()
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
