//! The workspace's own record: name, organisation, description, and the settings stored with
//! the workspace's stakeholder map (its thresholds, OPEN-16).
//!
//! It lives here, outside the kernel and outside any module: the kernel declares no record
//! (it only knows that a document has one record of its own, whose id is the document's),
//! and every module shares the workspace, so no module owns it.
use crate::kernel::check::{self, NAME_MAX, TEXT_MAX};
use crate::kernel::record::Guard;

record_kind! {
    /// The workspace's own details; exactly one, with the workspace's id.
    Meta = "meta" noun("uppgift om arbetsytan", "uppgifter om arbetsytan", en, "workspace detail", "workspace details") {
        /// Name shown in the header.
        name: String = check::required_text::<NAME_MAX>; required label names("namn", "name") handle(NAME),
        /// Owning organisation.
        organisation: String = check::text::<NAME_MAX>; names("organisation", "organisation") handle(ORGANISATION),
        /// What the workspace is for.
        description: String = check::text::<TEXT_MAX>; names("beskrivning", "description") handle(DESCRIPTION),
        /// The stakeholder map's grid threshold: power or interest at least this is "high" (1–5, default 3).
        grid_high: u8 = crate::stakeholders::actor::check_score; names("gräns för högt i rutnätet", "grid threshold") handle(GRID_HIGH),
        /// The stakeholder map's salience threshold: an attribute at least this is present (1–5, default 4).
        salience_present: u8 = crate::stakeholders::actor::check_score; names("gräns för närvarande attribut", "salience threshold") handle(SALIENCE_PRESENT),
    }
}

impl Guard<crate::Doc> for Meta {}
