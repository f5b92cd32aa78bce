//! The start page's "what needs attention" across the workspace (issue 15, Översikt): open
//! voting rounds, matrix cells waiting for consensus, overdue activities, indicators off track,
//! projects whose financing breaks a rule, matters of particular importance to the Sami without
//! a documented consultation, and the days since the last export. Each item names the record
//! where it is fixed; the shell turns that into a link.
use serde::Serialize;

use crate::Doc;
use crate::Kind;
use crate::actions::date::Date;
use crate::actions::plan::overdue;
use crate::actions::report::{indicator_line, project_line};
use crate::conflicts::matrix::MatrixStatus;
use crate::kernel::id::Id;
use crate::kernel::lang::Lang;
use crate::prioritisation::round::RoundStatus;

/// Days without an export after which the overview reminds of one.
pub const EXPORT_DAYS: i64 = 14;

/// What needs attention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "item")]
pub enum Item {
    /// A voting round is open.
    OpenRound {
        /// The round.
        id: Id,
    },
    /// Cells of a revealed matrix wait for the group's consensus.
    Consensus {
        /// The matrix.
        id: Id,
        /// How many cells.
        cells: usize,
    },
    /// An activity's last day has passed and it is neither done nor cancelled.
    Overdue {
        /// The activity.
        id: Id,
    },
    /// An indicator is off track.
    OffTrack {
        /// The indicator.
        id: Id,
    },
    /// A project's financing breaks a cap, a matching rule or the balance.
    Financing {
        /// The project.
        id: Id,
        /// How many findings.
        findings: usize,
    },
    /// A matter of particular importance to the Sami has no consultation with an outcome (or a
    /// recorded exception).
    Consultation {
        /// The kind of the matter.
        kind: Kind,
        /// The matter.
        id: Id,
    },
    /// No export for [`EXPORT_DAYS`] days or more (or never).
    Export {
        /// Days since the last export; `None`: never exported.
        days: Option<i64>,
    },
}

/// Whether a consultation settles a matter: it has an outcome or records an exception.
fn settled(doc: &Doc, id: &Id) -> bool {
    doc.consultations.live().any(|c| {
        c.removed() != Some(&true)
            && c.about().is_some_and(|a| a.contains(id))
            && (c.outcome().is_some_and(Option::is_some)
                || c.exception().is_some_and(|e| !e.trim().is_empty()))
    })
}

/// What needs attention in `doc` on `today`, given the day of the last export (`None`: never).
#[must_use]
pub fn attention(doc: &Doc, today: Date, last_export: Option<Date>) -> Vec<Item> {
    let mut out = Vec::new();
    for r in doc.rounds.live().filter(|r| r.removed() != Some(&true)) {
        if r.status() == Some(&RoundStatus::Open) {
            out.push(Item::OpenRound { id: r.id.clone() });
        }
    }
    for m in doc.matrices.live().filter(|m| m.removed() != Some(&true)) {
        if m.status() == Some(&MatrixStatus::Revealed) {
            let cells = crate::conflicts::workflow::flagged_pairs(doc, &m.id).len();
            if cells > 0 {
                out.push(Item::Consensus {
                    id: m.id.clone(),
                    cells,
                });
            }
        }
    }
    for a in doc.activities.live().filter(|a| a.removed() != Some(&true)) {
        let status = a.status().copied().unwrap_or_default();
        if a.end()
            .copied()
            .flatten()
            .is_some_and(|end| overdue(end, status, today))
        {
            out.push(Item::Overdue { id: a.id.clone() });
        }
    }
    for i in doc.indicators.live().filter(|i| i.removed() != Some(&true)) {
        if indicator_line(i, Lang::Sv).off_track {
            out.push(Item::OffTrack { id: i.id.clone() });
        }
    }
    for p in doc.projects.live().filter(|p| p.removed() != Some(&true)) {
        let findings = project_line(p, Lang::Sv).findings.len();
        if findings > 0 {
            out.push(Item::Financing {
                id: p.id.clone(),
                findings,
            });
        }
    }
    let mut matters: Vec<(Kind, &Id)> = Vec::new();
    let flagged =
        |sami: Option<&bool>, removed: Option<&bool>| sami == Some(&true) && removed != Some(&true);
    matters.extend(
        doc.inspel
            .live()
            .filter(|r| flagged(r.sami(), r.removed()))
            .map(|r| (Kind::Inspel, &r.id)),
    );
    matters.extend(
        doc.cases
            .live()
            .filter(|r| flagged(r.sami(), r.removed()))
            .map(|r| (Kind::Case, &r.id)),
    );
    matters.extend(
        doc.activities
            .live()
            .filter(|r| flagged(r.sami(), r.removed()))
            .map(|r| (Kind::Activity, &r.id)),
    );
    matters.extend(
        doc.projects
            .live()
            .filter(|r| flagged(r.sami(), r.removed()))
            .map(|r| (Kind::Project, &r.id)),
    );
    for (kind, id) in matters {
        if !settled(doc, id) {
            out.push(Item::Consultation {
                kind,
                id: id.clone(),
            });
        }
    }
    let days = last_export.map(|d| today.day() - d.day());
    if days.is_none_or(|d| d >= EXPORT_DAYS) {
        out.push(Item::Export { days });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actions::demo::demo_id;

    #[test]
    fn the_demo_needs_attention_where_worked_by_hand() {
        let d = crate::demo::demo_doc();
        let today = Date::new(2022, 6, 1).unwrap_or_default();
        let items = attention(&d, today, Date::new(2022, 5, 25));
        // Area 1's ongoing activities ended 2022-03-31 and 2022-09-30: on 2022-06-01 the first
        // is overdue, the second not; the seed-004 activities are done.
        assert!(items.contains(&Item::Overdue { id: demo_id(0x421) }));
        assert!(!items.contains(&Item::Overdue { id: demo_id(0x422) }));
        assert!(
            !items
                .iter()
                .any(|i| matches!(i, Item::Overdue { id } if *id == demo_id(0x400)))
        );
        // Off track: the share (75 % at its target year) and emissions (3.75 % of the way by
        // 2021, where the path expects 18 %); the decisions (110 %) are on track.
        assert!(items.contains(&Item::OffTrack { id: demo_id(0x300) }));
        assert!(items.contains(&Item::OffTrack { id: demo_id(0x301) }));
        assert!(!items.contains(&Item::OffTrack { id: demo_id(0x302) }));
        // The development work's region share of 60 % breaks the cap of 50 %.
        assert!(items.contains(&Item::Financing {
            id: demo_id(0x701),
            findings: 1
        }));
        // Its Sami flag has no consultation; the Sami activity's has one with an outcome.
        assert!(items.contains(&Item::Consultation {
            kind: Kind::Project,
            id: demo_id(0x701)
        }));
        assert!(!items.contains(&Item::Consultation {
            kind: Kind::Activity,
            id: demo_id(0x421)
        }));
        // Exported 7 days ago: no reminder; 14 days ago, or never: a reminder.
        assert!(!items.iter().any(|i| matches!(i, Item::Export { .. })));
        let later = attention(&d, today, Date::new(2022, 5, 18));
        assert!(later.contains(&Item::Export { days: Some(14) }));
        assert!(attention(&d, today, None).contains(&Item::Export { days: None }));
    }
}
