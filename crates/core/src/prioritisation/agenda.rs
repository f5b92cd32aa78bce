//! Points of the påverkansagenda, from the prioritised inspel to their adoption, with their
//! consultation comments.
use serde::{Deserialize, Serialize};

use std::collections::BTreeSet;

use crate::kernel::check::{self, NAME_MAX, TEXT_MAX};
use crate::kernel::id::Id;
use crate::kernel::record::Guard;
use crate::kernel::reg::to_json;
use crate::prioritisation::inspel::{Inspel, ORIGINALS_MAX, Status};
use crate::prioritisation::round::{Round, RoundResult};
use crate::{Command, Doc, Kind};

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
    Agenda = "agenda" noun("agendapunkt", "agendapunkter", en, "agenda point", "agenda points") {
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

/// "För in de valda i agendan": one batch creating an agenda point (worded as the inspel's
/// title) for each of the round's final items not yet in the agenda, and setting each such
/// inspel's stage to "I agendan". Ids of the new points come from `new_id`. Returns the batch
/// and how many points it creates.
#[must_use]
pub fn to_agenda(
    doc: &Doc,
    round: &Round,
    result: &RoundResult,
    mut new_id: impl FnMut() -> Id,
) -> (Command, usize) {
    let already: BTreeSet<&Id> = doc
        .agenda
        .live()
        .flat_map(|a| a.inspel().into_iter().flatten())
        .collect();
    let mut commands = Vec::new();
    let mut points = 0;
    for id in result.final_items(round) {
        if already.contains(id) {
            continue;
        }
        let fields = [
            (
                Agenda::TEXT.name().to_owned(),
                to_json(&doc.inspel_title(id)),
            ),
            (Agenda::INSPEL.name().to_owned(), to_json(&vec![id.clone()])),
        ]
        .into();
        commands.push(Command::Create {
            kind: Kind::Agenda,
            id: new_id(),
            fields,
        });
        commands.push(Inspel::STATUS.edit(id, &Status::InAgenda));
        points += 1;
    }
    (Command::Batch { commands }, points)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Hlc;
    use crate::command::{Stamper, apply};

    #[test]
    fn the_chosen_go_into_the_agenda_once() {
        let mut doc = crate::demo::demo_doc();
        let round_id = Id::parse(crate::demo::DEMO_ROUND).unwrap();
        let round = doc.rounds.get(&round_id).unwrap().clone();
        let result = crate::certificate::result_of(&doc, &round_id).unwrap();
        let finals: Vec<Id> = result.final_items(&round).into_iter().cloned().collect();
        let mut n = 200u8;
        let mut next = || {
            n += 1;
            Id::from_random_bytes([n; 16])
        };
        let before = doc.agenda.live().count();
        let fresh = finals
            .iter()
            .filter(|id| {
                !doc.agenda
                    .live()
                    .any(|a| a.inspel().is_some_and(|v| v.contains(id)))
            })
            .count();
        let (cmd, points) = to_agenda(&doc, &round, &result, &mut next);
        assert_eq!(points, fresh);
        let mut clock = Hlc::new("dev.a");
        let mut st = Stamper {
            clock: &mut clock,
            now_ms: 10,
        };
        apply(&mut doc, &cmd, &mut st).unwrap();
        assert_eq!(doc.agenda.live().count(), before + points);
        for id in &finals {
            assert!(
                doc.agenda
                    .live()
                    .any(|a| a.inspel().is_some_and(|v| v.contains(id)))
            );
        }
        for a in doc
            .agenda
            .live()
            .filter(|a| a.inspel().is_some_and(|v| finals.contains(&v[0])))
        {
            let i = &a.inspel().unwrap()[0];
            if !finals.contains(i) {
                continue;
            }
            assert!(a.text().is_some_and(|t| !t.is_empty()));
        }
        // Again: nothing new.
        let (cmd, points) = to_agenda(&doc, &round, &result, &mut next);
        assert_eq!(points, 0);
        assert_eq!(
            cmd,
            Command::Batch {
                commands: Vec::new()
            }
        );
    }
}
