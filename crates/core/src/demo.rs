//! The demo workspace, built from the Swedish seed documents in `shared/seeds`
//! (Region Jämtland Härjedalen's påverkansagenda and "Vägar till hållbar utveckling").
//! Personal contact details from the seeds are deliberately left out.
use crate::model::Workspace;

/// Fixed id so that demo files from different devices merge into one workspace.
pub const DEMO_ID: &str = "5f0c6d2e-8a41-4c1b-9d3e-2a7b6c9e1f40";

/// The demo workspace shown on first start.
#[must_use]
pub fn demo_workspace() -> Workspace {
    let mut ws = Workspace::new(DEMO_ID, "Påverkansagenda Jämtland Härjedalen");
    ws.organisation = "Region Jämtland Härjedalen – regionala utvecklingsnämnden (RUN)".to_owned();
    ws.description = "Länsgemensam påverkansagenda: inspel från länets kommuner sammanställs, \
        prioriteras i workshop, begränsas till det som går att genomföra, skrivs in i agendan, \
        går på samråd och fastställs politiskt. Arbetet ingår i utvecklingsarbetet \
        \u{201d}Vägar till hållbar utveckling\u{201d} med fyra insatsområden."
        .to_owned();
    ws
}
