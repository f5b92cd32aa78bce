//! A small router over the History API: one [`Route`] per module, links are plain
//! `<a href>` elements whose clicks are intercepted, back/forward follow `popstate`.
//!
//! Written by hand instead of using leptos_router: the app has eight flat routes and no
//! parameters, and leptos_router cost about 70 KB of the wasm bundle (see ARCHITECTURE.md).
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The pages of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// `/`
    Overview,
    /// `/inspel`
    Inspel,
    /// `/malkonflikter`
    Conflicts,
    /// `/intressenter`
    Stakeholders,
    /// `/insatsomraden`
    Actions,
    /// `/hallbarhetssakring`
    Funding,
    /// `/dela`
    Share,
    /// `/installningar`
    Settings,
    /// Anything else.
    NotFound,
}

impl Route {
    /// Every module route, in navigation order.
    pub const ALL: [Self; 8] = [
        Self::Overview, Self::Inspel, Self::Conflicts, Self::Stakeholders,
        Self::Actions, Self::Funding, Self::Share, Self::Settings,
    ];

    /// The route's path.
    #[must_use]
    pub const fn path(self) -> &'static str {
        match self {
            Self::Overview => "/",
            Self::Inspel => "/inspel",
            Self::Conflicts => "/malkonflikter",
            Self::Stakeholders => "/intressenter",
            Self::Actions => "/insatsomraden",
            Self::Funding => "/hallbarhetssakring",
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
        Self::ALL.into_iter().find(|r| r.path() == path).unwrap_or(Self::NotFound)
    }
}

/// The current route, in context.
#[derive(Clone, Copy)]
pub struct Router(pub RwSignal<Route>);

fn current_path() -> String {
    window().location().pathname().unwrap_or_else(|_| "/".into())
}

/// Provides the router: reads the URL, follows back/forward and intercepts link clicks.
pub fn provide_router() -> Router {
    let route = RwSignal::new(Route::from_path(&current_path()));
    let router = Router(route);
    provide_context(router);
    let _ = window_event_listener(ev::popstate, move |_| route.set(Route::from_path(&current_path())));
    let _ = window_event_listener(ev::click, move |e| intercept(router, &e));
    router
}

/// Turns a click on a same-origin `<a href="/…">` into a client-side navigation.
fn intercept(router: Router, e: &web_sys::MouseEvent) {
    if e.default_prevented() || e.button() != 0 || e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() {
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
    if !href.starts_with('/') || href.starts_with("//") || a.has_attribute("download") || !a.target().is_empty() {
        return;
    }
    e.prevent_default();
    navigate(router, &href);
}

/// Goes to `path`, adding a history entry, and moves focus to the new page's content.
pub fn navigate(router: Router, path: &str) {
    if current_path() != path {
        if let Ok(history) = window().history() {
            let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path));
        }
    }
    router.0.set(Route::from_path(path));
    window().scroll_to_with_x_and_y(0.0, 0.0);
    // Screen readers and keyboard users start at the new page, not in the navigation.
    if let Some(main) = document().get_element_by_id("main").and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = main.focus();
    }
}

/// The current route from context.
#[must_use]
pub fn use_route() -> Router {
    expect_context::<Router>()
}
