//! The demo workspaces: every module's demo in one document. `demo_doc` is what a first
//! start offers; `county_doc` is the county workspace of issue 12 (`vagval demo --county`).
pub use crate::prioritisation::demo::*;

use crate::Doc;

/// The demo workspace shown on first start: the prioritisation demo, the goal-conflict
/// demo and the stakeholder map.
#[must_use]
pub fn demo_doc() -> Doc {
    let mut doc = crate::prioritisation::demo::demo_doc();
    crate::conflicts::demo::add(&mut doc);
    crate::stakeholders::demo::add(&mut doc);
    doc
}

/// The county workspace: 300 inspel, 60 ballots in 3 rounds (prioritisation), the demo
/// matrix and a 30-goal matrix scored by 20 people (goal conflicts).
#[must_use]
pub fn county_doc() -> Doc {
    let mut doc = crate::prioritisation::demo::county_doc();
    crate::conflicts::demo::add(&mut doc);
    crate::conflicts::demo::add_county(&mut doc);
    crate::stakeholders::demo::add(&mut doc);
    doc
}
