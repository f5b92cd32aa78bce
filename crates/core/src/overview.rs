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
    /// An inspel whose answers in a closed round are polarised (a scale method, two or more
    /// answers, consensus below the contested rule's 0.5).
    Contested {
        /// The round.
        round: Id,
        /// The inspel.
        inspel: Id,
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
    /// An application has two or more assessors' assessments but no joint one agreed.
    Unagreed {
        /// The application.
        id: Id,
        /// How many individual assessments.
        assessments: usize,
    },
    /// An application's decisive assessment (the joint one, else the only one) is not closed:
    /// its flags may still wait for a position.
    Unclosed {
        /// The assessment.
        id: Id,
    },
    /// No export for [`EXPORT_DAYS`] days or more (or never).
    Export {
        /// Days since the last export; `None`: never exported.
        days: Option<i64>,
    },
}

/// A record's label (its title or name), for the kinds the overview and the logs name.
pub(crate) fn label(doc: &Doc, kind: Kind, id: &Id) -> Option<String> {
    use crate::kernel::record::RecordInfo;
    match kind {
        Kind::Round => doc.rounds.get(id).map(RecordInfo::label),
        Kind::Matrix => doc.matrices.get(id).map(RecordInfo::label),
        Kind::Area => doc.areas.get(id).map(RecordInfo::label),
        Kind::Activity => doc.activities.get(id).map(RecordInfo::label),
        Kind::Indicator => doc.indicators.get(id).map(RecordInfo::label),
        Kind::Project => doc.projects.get(id).map(RecordInfo::label),
        Kind::Inspel => doc.inspel.get(id).map(RecordInfo::label),
        Kind::Case => doc.cases.get(id).map(RecordInfo::label),
        Kind::Application => doc.applications.get(id).map(RecordInfo::label),
        _ => None,
    }
}

/// A record's label in quotes, or "" when it is not there.
fn named(doc: &Doc, kind: Kind, id: &Id, lang: Lang) -> String {
    let label = label(doc, kind, id).unwrap_or_default();
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
            Self::Contested { round, inspel } => {
                let (i, r) = (
                    named(doc, Kind::Inspel, inspel, lang),
                    named(doc, Kind::Round, round, lang),
                );
                if sv {
                    format!("Inspelet {i} är omstritt i omröstningen {r}: svaren går isär.")
                } else {
                    format!("The inspel {i} is contested in the round {r}: the answers diverge.")
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
            Self::Unagreed { id, assessments } => {
                let n = named(doc, Kind::Application, id, lang);
                if sv {
                    format!(
                        "Ansökan {n} har {assessments} bedömningar men ingen gemensam: jämför dem och enas."
                    )
                } else {
                    format!(
                        "The application {n} has {assessments} assessments but no joint one: compare them and agree."
                    )
                }
            }
            Self::Unclosed { id } => {
                let x = doc.assessments.get(id);
                let who = x.and_then(|x| x.assessor().cloned()).unwrap_or_default();
                let app = x
                    .and_then(|x| x.application())
                    .map(|a| named(doc, Kind::Application, a, lang))
                    .unwrap_or_default();
                if sv {
                    format!(
                        "Bedömningen av {app} ({who}) är inte avslutad: ta ställning till flaggorna och avsluta den."
                    )
                } else {
                    format!(
                        "The assessment of {app} ({who}) is not closed: take a position on its flags and close it."
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

/// What needs attention in `doc` on `today`, given the day of the last export (`None`: never).
#[must_use]
pub fn attention(doc: &Doc, today: Date, last_export: Option<Date>) -> Vec<Item> {
    let mut out = Vec::new();
    for r in doc.rounds.live().filter(|r| r.removed() != Some(&true)) {
        if r.status() == Some(&RoundStatus::Open) {
            out.push(Item::OpenRound { id: r.id.clone() });
        }
    }
    for r in doc.rounds.live().filter(|r| r.removed() != Some(&true)) {
        if r.status() != Some(&RoundStatus::Closed) {
            continue;
        }
        let ballots: Vec<&crate::prioritisation::ballot::Ballot> = doc
            .ballots
            .live()
            .filter(|b| b.round() == Some(&r.id))
            .collect();
        let result = crate::prioritisation::round::round_result(r, &ballots);
        out.extend(
            result
                .tally
                .rows
                .iter()
                .filter(|row| row.contested())
                .map(|row| Item::Contested {
                    round: r.id.clone(),
                    inspel: row.item.clone(),
                }),
        );
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
    out.extend(
        crate::actions::logs::unsettled(doc)
            .into_iter()
            .map(|(kind, id, _)| Item::Consultation {
                kind,
                id: id.clone(),
            }),
    );
    // Per application what waits: assessors to agree, or a decisive assessment to close (its
    // flags are not computed here: the matrix analysis would weigh on the start page).
    let assessed = crate::proofing::report::by_application(doc);
    for a in doc
        .applications
        .live()
        .filter(|a| a.removed() != Some(&true))
    {
        let all = assessed.get(&a.id).map_or(&[][..], Vec::as_slice);
        let individual = all.iter().filter(|x| x.joint() != Some(&true)).count();
        let decisive = crate::proofing::report::decisive_of(all);
        if decisive.is_none() && individual >= 2 {
            out.push(Item::Unagreed {
                id: a.id.clone(),
                assessments: individual,
            });
        }
        if let Some(x) = decisive.filter(|x| x.closed() != Some(&true)) {
            out.push(Item::Unclosed { id: x.id.clone() });
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
    fn an_inspel_whose_scores_diverge_in_a_closed_round_is_contested() {
        use crate::clock::Stamp;
        use crate::crdt::{Record, Reg};
        use crate::prioritisation::ballot::{Ballot, Origin, ballot_id};
        use crate::prioritisation::round::Round;
        use crate::prioritisation::vote::{Answer, Method};
        let reg = |v| {
            Some(Reg {
                value: v,
                stamp: Stamp(1, 0, "t".into()),
            })
        };
        let mut d = crate::demo::demo_doc();
        let (a, b) = (
            Id::from_random_bytes([1; 16]),
            Id::from_random_bytes([2; 16]),
        );
        let mut r = Round::empty(Id::from_random_bytes([50; 16]));
        r.title = Some(Reg {
            value: "Poäng".to_owned(),
            stamp: Stamp(1, 0, "t".into()),
        });
        r.items = Some(Reg {
            value: vec![a.clone(), b.clone()],
            stamp: Stamp(1, 0, "t".into()),
        });
        r.method = Some(Reg {
            value: Method::Score { lo: 1, hi: 5 },
            stamp: Stamp(1, 0, "t".into()),
        });
        r.status = Some(Reg {
            value: RoundStatus::Closed,
            stamp: Stamp(9, 0, "t".into()),
        });
        // Four participants: two give A 1, two give A 5 (polarised: consensus 0 < 0.5); all
        // give B 4 (consensus 1). Only A is contested.
        for (k, score) in [1u8, 1, 5, 5].into_iter().enumerate() {
            let answer = Answer::Scores([(a.clone(), score), (b.clone(), 4)].into());
            let who = format!("P{k}");
            let hash = r.rules_hash();
            let mut ballot = Ballot::empty(ballot_id(
                &r.id,
                &who,
                &answer,
                &hash,
                Origin::Tablet,
                &[],
                0,
                "d",
            ));
            ballot.round = Some(Reg {
                value: r.id.clone(),
                stamp: Stamp(1, 0, "d.0001".into()),
            });
            ballot.participant = reg(who);
            ballot.answer = Some(Reg {
                value: answer,
                stamp: Stamp(1, 0, "t".into()),
            });
            ballot.rules_hash = Some(Reg {
                value: hash,
                stamp: Stamp(1, 0, "t".into()),
            });
            d.ballots.0.insert(ballot.id.clone(), ballot);
        }
        let rid = r.id.clone();
        d.rounds.0.insert(rid.clone(), r);
        let items = attention(&d, Date::new(2022, 6, 1).unwrap_or_default(), None);
        assert!(items.contains(&Item::Contested {
            round: rid.clone(),
            inspel: a
        }));
        assert!(!items.contains(&Item::Contested {
            round: rid,
            inspel: b
        }));
    }

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
        // The village shop's two assessors have not agreed yet (so neither is decisive); the
        // Miljö- och klimatråd's two are agreed in a joint assessment, closed. The charging
        // point's only assessment is not closed; the lift's is.
        let p = crate::proofing::demo::demo_id;
        assert!(items.contains(&Item::Unagreed {
            id: p(0x12),
            assessments: 2
        }));
        assert!(
            !items
                .iter()
                .any(|i| matches!(i, Item::Unagreed { id, .. } if *id == p(0x13)))
        );
        assert!(items.contains(&Item::Unclosed { id: p(0x200) }));
        for other in [p(0x201), p(0x202), p(0x203), p(0x204)] {
            assert!(!items.contains(&Item::Unclosed { id: other }));
        }
        // The Miljö- och klimatråd's Sami consultation is in the log, with its outcome; the
        // charging point has none.
        assert!(crate::actions::logs::consulted(&d, &p(0x13)));
        assert!(!crate::actions::logs::consulted(&d, &p(0x10)));
        assert!(!items.contains(&Item::Consultation {
            kind: Kind::Application,
            id: p(0x13)
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
