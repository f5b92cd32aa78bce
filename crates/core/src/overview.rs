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

/// Days without an export after which the overview (and the app's banner) reminds of one.
pub const EXPORT_DAYS: i64 = 5;

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

/// A record's label (its title or name) in quotes, or "" when it is not there.
fn named(doc: &Doc, kind: Kind, id: &Id, lang: Lang) -> String {
    use crate::kernel::record::RecordInfo;
    let label = match kind {
        Kind::Round => doc.rounds.get(id).map(RecordInfo::label),
        Kind::Matrix => doc.matrices.get(id).map(RecordInfo::label),
        Kind::Activity => doc.activities.get(id).map(RecordInfo::label),
        Kind::Indicator => doc.indicators.get(id).map(RecordInfo::label),
        Kind::Project => doc.projects.get(id).map(RecordInfo::label),
        Kind::Inspel => doc.inspel.get(id).map(RecordInfo::label),
        Kind::Case => doc.cases.get(id).map(RecordInfo::label),
        _ => None,
    }
    .unwrap_or_default();
    match lang {
        Lang::Sv => format!("”{label}”"),
        Lang::En => format!("“{label}”"),
    }
}

impl Item {
    /// The item in words, the record named.
    #[must_use]
    pub fn message(&self, doc: &Doc, lang: Lang) -> String {
        let sv = lang == Lang::Sv;
        match self {
            Self::OpenRound { id } => {
                let n = named(doc, Kind::Round, id, lang);
                if sv {
                    format!("Omröstningen {n} är öppen.")
                } else {
                    format!("The round {n} is open.")
                }
            }
            Self::Consensus { id, cells } => {
                let n = named(doc, Kind::Matrix, id, lang);
                match (sv, *cells) {
                    (true, 1) => format!("1 cell i matrisen {n} väntar på samsyn."),
                    (true, c) => format!("{c} celler i matrisen {n} väntar på samsyn."),
                    (false, 1) => format!("1 cell of the matrix {n} waits for consensus."),
                    (false, c) => format!("{c} cells of the matrix {n} wait for consensus."),
                }
            }
            Self::Overdue { id } => {
                let n = named(doc, Kind::Activity, id, lang);
                if sv {
                    format!("Aktiviteten {n} är försenad.")
                } else {
                    format!("The activity {n} is overdue.")
                }
            }
            Self::OffTrack { id } => {
                let n = named(doc, Kind::Indicator, id, lang);
                if sv {
                    format!("Indikatorn {n} är ur kurs.")
                } else {
                    format!("The indicator {n} is off track.")
                }
            }
            Self::Financing { id, .. } => {
                let n = named(doc, Kind::Project, id, lang);
                if sv {
                    format!("Finansieringen av projektet {n} håller inte.")
                } else {
                    format!("The financing of the project {n} does not hold.")
                }
            }
            Self::Consultation { kind, id } => {
                let n = named(doc, *kind, id, lang);
                if sv {
                    format!(
                        "{n} kan vara av särskild betydelse för samerna men har inget dokumenterat samråd."
                    )
                } else {
                    format!(
                        "{n} may be of particular importance to the Sami but has no documented consultation."
                    )
                }
            }
            Self::Export { days: Some(d) } => {
                if sv {
                    format!("Arbetsytan exporterades senast för {d} dagar sedan.")
                } else {
                    format!("The workspace was last exported {d} days ago.")
                }
            }
            Self::Export { days: None } => {
                if sv {
                    "Arbetsytan har aldrig exporterats från den här enheten.".to_owned()
                } else {
                    "The workspace has never been exported from this device.".to_owned()
                }
            }
        }
    }
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
        let items = attention(&d, today, Date::new(2022, 5, 28));
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
        // Exported 4 days ago: no reminder; 5 days ago, or never: a reminder.
        assert!(!items.iter().any(|i| matches!(i, Item::Export { .. })));
        let later = attention(&d, today, Date::new(2022, 5, 27));
        assert!(later.contains(&Item::Export { days: Some(5) }));
        assert!(attention(&d, today, None).contains(&Item::Export { days: None }));
        assert_eq!(
            Item::Financing {
                id: demo_id(0x701),
                findings: 1
            }
            .message(&d, Lang::Sv),
            "Finansieringen av projektet ”Vägar till hållbar utveckling 2020–2022” håller inte."
        );
        assert_eq!(
            Item::Export { days: Some(5) }.message(&d, Lang::En),
            "The workspace was last exported 5 days ago."
        );
    }
}
