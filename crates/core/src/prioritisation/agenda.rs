//! Points of the påverkansagenda, from the prioritised inspel to their adoption, with their
//! consultation comments.
use serde::{Deserialize, Serialize};

use crate::kernel::check::{self, NAME_MAX, TEXT_MAX};
use crate::kernel::id::Id;
use crate::kernel::record::Guard;
use crate::prioritisation::inspel::ORIGINALS_MAX;

/// Most consultation comments on one agenda point.
pub const COMMENTS_MAX: usize = 1_000;

/// A consultation comment on an agenda item (samrådssynpunkt).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Comment {
    /// Who commented (organisation or person).
    pub who: String,
    /// What they said.
    pub what: String,
    /// When it was recorded (ms since 1970; information only).
    pub at: u64,
}

/// Oldest first, then by who and what: the order of a merged list of comments.
impl Ord for Comment {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.at, &self.who, &self.what).cmp(&(other.at, &other.who, &other.what))
    }
}

impl PartialOrd for Comment {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

record_kind! {
    /// A point of the påverkansagenda, from the prioritised inspel to its adoption.
    Agenda = "agenda" {
        /// The point as worded in the agenda.
        text: String = check::required_text::<TEXT_MAX>; required label names("text", "text") handle(TEXT),
        /// Who is responsible (organisation or role).
        owner: String = check::text::<NAME_MAX>; names("ansvarig", "owner") handle(OWNER),
        /// The inspel it carries forward.
        inspel: Vec<Id> = check::list::<Id, ORIGINALS_MAX>; refs(inspel) names("inspel", "inputs") handle(INSPEL),
        /// Consultation comments, oldest first. Merged as a set: comments added on two
        /// devices at the same time are both kept.
        comments: Vec<Comment> = check::list::<Comment, COMMENTS_MAX> => crate::kernel::reg::merge_set::<Comment, COMMENTS_MAX>;
            names("samrådssynpunkter", "consultation comments") handle(COMMENTS),
        /// Adoption date (YYYY-MM-DD), empty until adopted.
        adopted_on: String = check::text::<10>; names("fastställd", "adopted on") handle(ADOPTED_ON),
        /// The decision reference (e.g. "RS 2020-12-08 § 142").
        decision: String = check::text::<NAME_MAX>; names("beslut", "decision") handle(DECISION),
        /// In the trash.
        removed: bool = check::any; trash names("papperskorgen", "trash") handle(REMOVED),
    }
}

impl Guard<crate::Doc> for Agenda {}
