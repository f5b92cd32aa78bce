//! A small router over the History API: the shell's pages and every module's pages (from
//! [`MODULES`]), links are plain `<a href>` elements whose clicks are intercepted,
//! back/forward follow `popstate`.
//!
//! Written by hand instead of using leptos_router: the app has a dozen flat routes and no
//! parameters but one round id, and leptos_router cost about 70 KB of the wasm bundle (see
//! ARCHITECTURE.md).
use leptos::ev;
use leptos::prelude::*;
use vagval_core::Lang;
use wasm_bindgen::JsCast;

use crate::i18n::texts;
use crate::modules::MODULES;

/// The pages of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// `/`
    Overview,
    /// A module's page: indexes into [`MODULES`] and that module's pages.
    Module {
        /// The module.
        module: usize,
        /// The page within the module.
        page: usize,
    },
    /// `/dela`
    Share,
    /// `/installningar`
    Settings,
    /// Anything else.
    NotFound,
}

impl Route {
    /// The navigation's routes, in order: the overview, each module's first page, Dela and
    /// the settings.
    pub const ALL: [Self; MODULES.len() + 3] = {
        let mut all = [Self::Overview; MODULES.len() + 3];
        let mut m = 0;
        while m < MODULES.len() {
            all[m + 1] = Self::Module { module: m, page: 0 };
            m += 1;
        }
        all[MODULES.len() + 1] = Self::Share;
        all[MODULES.len() + 2] = Self::Settings;
        all
    };

    /// `/inspel`, the prioritisation module's first page (named for `tests/web.rs`).
    #[allow(non_upper_case_globals)]
    pub const Inspel: Self = Self::Module { module: 0, page: 0 };

    /// The route's path (a page followed by an id: the part before the id).
    #[must_use]
    pub const fn path(self) -> &'static str {
        match self {
            Self::Overview => "/",
            Self::Module { module, page } => MODULES[module].pages[page].path,
            Self::Share => "/dela",
            Self::Settings => "/installningar",
            Self::NotFound => "/404",
        }
    }

    /// The route for a path (a trailing slash is ignored).
    #[must_use]
    pub fn from_path(path: &str) -> Self {
        let trimmed = path.trim_end_matches('/');
        let path = if trimmed.is_empty() { "/" } else { trimmed };
        for (module, m) in MODULES.iter().enumerate() {
            if let Some(page) = m.pages.iter().position(|p| p.matches(path)) {
                return Self::Module { module, page };
            }
        }
        [Self::Overview, Self::Share, Self::Settings]
            .into_iter()
            .find(|r| r.path() == path)
            .unwrap_or(Self::NotFound)
    }

    /// The navigation entry a route belongs to (a module's first page for all its pages).
    #[must_use]
    pub const fn module(self) -> Self {
        match self {
            Self::Module { module, .. } => Self::Module { module, page: 0 },
            other => other,
        }
    }

    /// The navigation label of a route.
    #[must_use]
    pub fn label(self, lang: Lang) -> &'static str {
        let t = texts(lang);
        match self {
            Self::Overview => t.overview.title,
            Self::Module { module, .. } => (MODULES[module].card)(lang).title,
            Self::Share => t.share.title,
            Self::Settings => t.settings.title,
            Self::NotFound => t.not_found_title,
        }
    }

    /// Renders the route's page.
    #[must_use]
    pub fn view(self) -> AnyView {
        use super::pages::{NotFound, Overview, Settings, SharePage};
        match self {
            Self::Overview => view! { <Overview/> }.into_any(),
            Self::Module { module, page } => crate::modules::view(module, page),
            Self::Share => view! { <SharePage/> }.into_any(),
            Self::Settings => view! { <Settings/> }.into_any(),
            Self::NotFound => view! { <NotFound/> }.into_any(),
        }
    }
}

/// The current route, in context.
#[derive(Clone, Copy)]
pub struct Router(pub RwSignal<Route>);

/// The path of the current address.
#[must_use]
pub fn current_path() -> String {
    window()
        .location()
        .pathname()
        .unwrap_or_else(|_| "/".into())
}

/// The record id after `prefix` in the current path (a page like `/insatsomraden/projekt/<id>`).
pub fn id_after(prefix: &str) -> Option<vagval_core::Id> {
    current_path()
        .strip_prefix(prefix)
        .and_then(|id| vagval_core::Id::parse(id.trim_end_matches('/')).ok())
}

/// Provides the router: reads the URL, follows back/forward and intercepts link clicks.
pub fn provide_router() -> Router {
    let route = RwSignal::new(Route::from_path(&current_path()));
    let router = Router(route);
    provide_context(router);
    let _ = window_event_listener(ev::popstate, move |_| {
        route.set(Route::from_path(&current_path()))
    });
    let _ = window_event_listener(ev::click, move |e| intercept(router, &e));
    router
}

/// Turns a click on a same-origin `<a href="/…">` into a client-side navigation.
fn intercept(router: Router, e: &web_sys::MouseEvent) {
    if e.default_prevented()
        || e.button() != 0
        || e.ctrl_key()
        || e.meta_key()
        || e.shift_key()
        || e.alt_key()
    {
        return;
    }
    let anchor = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    let Some(a) = anchor else { return };
    let href = a.get_attribute("href").unwrap_or_default();
    // Only app paths; hash links (the skip link), downloads and new windows stay native.
    if !href.starts_with('/')
        || href.starts_with("//")
        || a.has_attribute("download")
        || !a.target().is_empty()
    {
        return;
    }
    e.prevent_default();
    navigate(router, &href);
}

/// Goes to `path`, adding a history entry, and moves focus to the new page's content.
pub fn navigate(router: Router, path: &str) {
    if current_path() != path
        && let Ok(history) = window().history()
    {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path));
    }
    router.0.set(Route::from_path(path));
    window().scroll_to_with_x_and_y(0.0, 0.0);
    // Screen readers and keyboard users start at the new page, not in the navigation.
    if let Some(main) = document()
        .get_element_by_id("main")
        .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
    }
}

/// The current route from context.
#[must_use]
pub fn use_route() -> Router {
    expect_context::<Router>()
}
