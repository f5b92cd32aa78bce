//! The demo workspaces: every module's demo in one document. `demo_doc` is what a first
//! start offers; `county_doc` is the county workspace of issue 12 (`vagval demo --county`).
pub use crate::prioritisation::demo::*;

use crate::Doc;
use crate::kernel::clock::Stamp;
use crate::kernel::reg::Reg;

/// The stamp of the later modules' demo values (goal conflicts, stakeholder map).
pub(crate) fn module_stamp() -> Stamp {
    Stamp(1_700_000_000_000, 0, "demo".to_owned())
}

/// A demo register holding `value`, stamped [`module_stamp`].
pub(crate) fn module_reg<T>(value: T) -> Option<Reg<T>> {
    Some(Reg {
        value,
        stamp: module_stamp(),
    })
}

/// The demo workspace shown on first start: the prioritisation demo, the goal-conflict
/// demo, the stakeholder map, the action areas and the sustainability-proofing.
#[must_use]
pub fn demo_doc() -> Doc {
    let mut doc = crate::prioritisation::demo::demo_doc();
    crate::conflicts::demo::add(&mut doc);
    crate::stakeholders::demo::add(&mut doc);
    crate::actions::demo::add(&mut doc);
    crate::proofing::demo::add(&mut doc);
    thresholds(&mut doc);
    doc
}

/// The stakeholder map's thresholds, stored (the defaults, so that the demo shows them set).
fn thresholds(doc: &mut Doc) {
    let t = crate::stakeholders::classes::Thresholds::default();
    doc.meta.grid_high = module_reg(t.grid_high);
    doc.meta.salience_present = module_reg(t.salience_present);
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

/// For tests: applies `c` to `doc` with a fresh clock (device "dev.a", 5 ms after 1970);
/// panics if it is refused.
#[cfg(test)]
pub(crate) fn run(doc: &mut Doc, c: &crate::kernel::command::Command<crate::Kind>) {
    let mut clock = crate::kernel::clock::Hlc::new("dev.a");
    let mut st = crate::kernel::command::Stamper {
        clock: &mut clock,
        now_ms: 5,
    };
    crate::kernel::command::apply(doc, c, &mut st).unwrap();
}
