//! A small router over the History API: one [`Route`] per module, links are plain
//! `<a href>` elements whose clicks are intercepted, back/forward follow `popstate`.
//!
//! Written by hand instead of using leptos_router: the app has eight flat routes and no
//! parameters but one round id, and leptos_router cost about 70 KB of the wasm bundle (see ARCHITECTURE.md).
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
    /// `/inspel/omrostningar`: voting rounds.
    Rounds,
    /// `/inspel/omrostning/<id>`: one round (vote, collect, results); the id is in the path.
    Round,
    /// `/inspel/agenda`: the påverkansagenda.
    Agenda,
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
        Self::Overview,
        Self::Inspel,
        Self::Conflicts,
        Self::Stakeholders,
        Self::Actions,
        Self::Funding,
        Self::Share,
        Self::Settings,
    ];

    /// The route's path.
    #[must_use]
    pub const fn path(self) -> &'static str {
        match self {
            Self::Overview => "/",
            Self::Inspel => "/inspel",
            Self::Rounds => "/inspel/omrostningar",
            Self::Round => "/inspel/omrostning/",
            Self::Agenda => "/inspel/agenda",
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
        if path
            .strip_prefix(Self::Round.path())
            .is_some_and(|id| vagval_core::Id::parse(id).is_ok())
        {
            return Self::Round;
        }
        [Self::Rounds, Self::Agenda]
            .into_iter()
            .chain(Self::ALL)
            .find(|r| r.path() == path)
            .unwrap_or(Self::NotFound)
    }

    /// The module a route belongs to (for the navigation).
    #[must_use]
    pub const fn module(self) -> Self {
        match self {
            Self::Rounds | Self::Round | Self::Agenda => Self::Inspel,
            other => other,
        }
    }
}

/// The current route, in context.
#[derive(Clone, Copy)]
pub struct Router(pub RwSignal<Route>);

fn current_path() -> String {
    window()
        .location()
        .pathname()
        .unwrap_or_else(|_| "/".into())
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

/// The round id in the current path (`/inspel/omrostning/<id>`).
#[must_use]
pub fn round_param() -> Option<vagval_core::Id> {
    current_path()
        .strip_prefix(Route::Round.path())
        .and_then(|id| vagval_core::Id::parse(id.trim_end_matches('/')).ok())
}

/// The path of a round's page.
#[must_use]
pub fn round_path(id: &vagval_core::Id) -> String {
    format!("{}{id}", Route::Round.path())
}

/// The current route from context.
#[must_use]
pub fn use_route() -> Router {
    expect_context::<Router>()
}
