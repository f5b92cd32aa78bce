//! The result certificate (DOMAIN.md §2): everything needed to recompute a round's result
//! from a snapshot and get the same bytes — and CSV of the results for Swedish Excel.
use serde::{Deserialize, Serialize};

use crate::crdt::Record;
use crate::doc::Doc;
use crate::id::Id;
use crate::kernel::csv_out::cell;
use crate::lang::{Lang, Localized};
use crate::ratio::{Fixed, Ratio};
use crate::round::{
    Ballot, CapacityDecision, Excluded, Exclusion, Override, RoundResult, content_id, round_result,
};
use crate::select::Capacity;
use crate::vote::{CONTESTED_BELOW, Condorcet, Method, ScaleStats};

/// The certificate's `format` value.
pub const CERT_FORMAT: &str = "vagval/result-certificate";

/// One result line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertRow {
    /// 1-based position after the tie-break chain.
    pub rank: usize,
    /// The inspel.
    pub item: Id,
    /// Its title when the certificate was made.
    pub title: String,
    /// Primary score, exact (`[numerator, denominator]`).
    pub score: Ratio,
    /// Secondary key, exact.
    pub secondary: Ratio,
    /// Whether the seeded hash had to decide (same score and secondary key as a neighbour).
    pub tied: bool,
    /// Participants who gave the item anything.
    #[serde(default)]
    pub supporters: usize,
    /// Spread and agreement (points, score, MoSCoW): n, mean, median, IQR (Tukey), SD and
    /// Tastle–Wierman consensus (millionths), distribution.
    #[serde(default)]
    pub stats: Option<ScaleStats>,
    /// Whether the item is contested: two or more answers and consensus below
    /// [`Certificate::contested_below`].
    #[serde(default)]
    pub contested: bool,
    /// Impact/effort: mean impact and mean effort, exact.
    #[serde(default)]
    pub impact_effort: Option<(Ratio, Ratio)>,
}

/// A round's result with its inputs' fingerprints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Certificate {
    /// Always [`CERT_FORMAT`].
    pub format: String,
    /// The workspace.
    pub workspace: Id,
    /// The round.
    pub round: Id,
    /// SHA-256 over every counted ballot's full content ([`crate::round::ballots_root`]):
    /// canonical JSON per ballot (id, round, participant, municipality, answer, rules hash,
    /// origin, supersedes, cast time, device), in id order, joined by "\n".
    pub snapshot_root: String,
    /// SHA-256 of the round's locked rules.
    pub rules_hash: String,
    /// Method and parameters.
    pub method: Method,
    /// Tie-break seed.
    pub seed: String,
    /// Capacity rule, if any.
    pub capacity: Option<Capacity>,
    /// App version that computed it.
    pub app_version: String,
    /// Ballots counted.
    pub ballots_counted: usize,
    /// Participants left out for voting on two devices.
    pub double_votes: Vec<String>,
    /// The counted ballots' ids, sorted (so that `verify` can name a ballot that differs).
    #[serde(default)]
    pub counted: Vec<Id>,
    /// Every ballot of the round not counted, with its reason, in id order.
    #[serde(default)]
    pub excluded: Vec<Excluded>,
    /// The contested rule: consensus below this (with two or more answers).
    #[serde(default = "contested_rule")]
    pub contested_below: Fixed,
    /// Ranking methods: Kendall's W (tie-corrected), exact; `None` with fewer than two ballots.
    #[serde(default)]
    pub kendall_w: Option<Ratio>,
    /// Ranking methods: the Condorcet winner, or why there is none (cycle, tie, no ballots).
    #[serde(default)]
    pub condorcet: Option<Condorcet>,
    /// The ranking.
    pub results: Vec<CertRow>,
    /// Items selected by the capacity rule.
    pub selection: Option<Vec<Id>>,
    /// The facilitator's override of the selection (items and written reason), if one was made
    /// for this result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overridden: Option<Override>,
    /// The capacity decision in force (who, when, before or after the results were shown), when
    /// the rule was decided apart from the ballots' rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity_decision: Option<CapacityDecision>,
    /// Whether the last override was made for another result (ballots counted or left out
    /// since): it is then not applied, and the selection follows the rule.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub override_stale: bool,
}

fn contested_rule() -> Fixed {
    CONTESTED_BELOW
}

/// Why a certificate could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CertError {
    /// No live round with that id.
    #[error("no round {0}")]
    NoRound(String),
}

impl Localized for CertError {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::NoRound(id), Lang::Sv) => format!("Arbetsytan har ingen omgång {id}."),
            (Self::NoRound(id), Lang::En) => format!("The workspace has no round {id}."),
        }
    }
}

/// The result of a round in `doc`, with the ballots of that round.
///
/// # Errors
/// [`CertError::NoRound`] when the round does not exist.
pub fn result_of(doc: &Doc, round: &Id) -> Result<RoundResult, CertError> {
    let r = doc
        .rounds
        .get(round)
        .ok_or_else(|| CertError::NoRound(round.to_string()))?;
    let ballots: Vec<&Ballot> = doc
        .ballots
        .live()
        .filter(|b| b.round() == Some(round))
        .collect();
    Ok(round_result(r, &ballots))
}

/// Makes the certificate of `round` in `doc`.
///
/// # Errors
/// [`CertError::NoRound`] when the round does not exist.
pub fn certificate(doc: &Doc, round: &Id) -> Result<Certificate, CertError> {
    let res = result_of(doc, round)?;
    let r = doc
        .rounds
        .get(round)
        .ok_or_else(|| CertError::NoRound(round.to_string()))?;
    Ok(Certificate {
        format: CERT_FORMAT.to_owned(),
        workspace: doc.id.clone(),
        round: r.id().clone(),
        snapshot_root: res.ballots_root.clone(),
        rules_hash: res.rules_hash.clone(),
        method: r.method_or_default(),
        seed: r.seed().cloned().unwrap_or_default(),
        capacity: r.capacity_rule(),
        app_version: crate::APP_VERSION.to_owned(),
        ballots_counted: res.counted.len(),
        double_votes: res
            .double_votes
            .iter()
            .map(|d| d.participant.clone())
            .collect(),
        counted: res.counted.clone(),
        excluded: res.excluded.clone(),
        contested_below: CONTESTED_BELOW,
        kendall_w: res.tally.kendall_w,
        condorcet: res.tally.condorcet.clone(),
        results: res
            .tally
            .rows
            .iter()
            .map(|row| CertRow {
                rank: row.rank,
                item: row.item.clone(),
                title: doc.inspel_title(&row.item),
                score: row.score,
                secondary: row.secondary,
                tied: row.tied,
                supporters: row.supporters,
                stats: row.stats.clone(),
                contested: row.contested(),
                impact_effort: row.impact_effort,
            })
            .collect(),
        selection: res.selection.as_ref().map(|s| s.items.clone()),
        overridden: res.current_override(r).cloned(),
        capacity_decision: r.capacity_decision().cloned(),
        override_stale: res.override_stale(r) == Some(true),
    })
}

/// One way a certificate does not hold for a snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Difference {
    /// The snapshot has no such round.
    NoRound,
    /// A field of the certificate differs from the recomputed one.
    Field {
        /// The field's name.
        field: &'static str,
    },
    /// A ballot the certificate counted is not counted now: gone from the snapshot, or left
    /// out for `reason`.
    NotCounted {
        /// The ballot.
        ballot: Id,
        /// Why it is left out now (`None`: it is not in the snapshot).
        reason: Option<Exclusion>,
    },
    /// A ballot is counted now that the certificate did not count.
    Added {
        /// The ballot.
        ballot: Id,
    },
    /// A counted ballot whose content no longer gives its id: it was changed after casting.
    Changed {
        /// The ballot.
        ballot: Id,
    },
}

impl Localized for Difference {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::NoRound, Lang::Sv) => "omgången finns inte i ögonblicksbilden".into(),
            (Self::NoRound, Lang::En) => "the round is not in the snapshot".into(),
            (Self::Field { field }, Lang::Sv) => format!("{field} skiljer sig"),
            (Self::Field { field }, Lang::En) => format!("{field} differs"),
            (
                Self::NotCounted {
                    ballot,
                    reason: None,
                },
                Lang::Sv,
            ) => format!("röst {ballot} räknades men saknas nu"),
            (
                Self::NotCounted {
                    ballot,
                    reason: None,
                },
                Lang::En,
            ) => format!("ballot {ballot} was counted but is missing now"),
            (
                Self::NotCounted {
                    ballot,
                    reason: Some(r),
                },
                Lang::Sv,
            ) => {
                format!(
                    "röst {ballot} räknades men räknas inte nu: {}",
                    r.message(lang)
                )
            }
            (
                Self::NotCounted {
                    ballot,
                    reason: Some(r),
                },
                Lang::En,
            ) => {
                format!(
                    "ballot {ballot} was counted but is not counted now: {}",
                    r.message(lang)
                )
            }
            (Self::Added { ballot }, Lang::Sv) => {
                format!("röst {ballot} räknas nu men räknades inte i intyget")
            }
            (Self::Added { ballot }, Lang::En) => {
                format!("ballot {ballot} is counted now but was not in the certificate")
            }
            (Self::Changed { ballot }, Lang::Sv) => {
                format!("röst {ballot} har ändrats: innehållet stämmer inte med dess id")
            }
            (Self::Changed { ballot }, Lang::En) => {
                format!("ballot {ballot} was changed: its content does not match its id")
            }
        }
    }
}

/// Recomputes `cert` from `doc` and lists every difference (empty = confirmed): the fields
/// that differ, then each ballot counted in one and not the other, and each counted ballot
/// whose content no longer gives its id. The app version is information only and never compared.
#[must_use]
pub fn differences(cert: &Certificate, doc: &Doc) -> Vec<Difference> {
    let Ok(again) = certificate(doc, &cert.round) else {
        return vec![Difference::NoRound];
    };
    let mut diff = Vec::new();
    let checks: [(&'static str, bool); 19] = [
        ("format", cert.format == again.format),
        ("workspace", cert.workspace == again.workspace),
        ("snapshot_root", cert.snapshot_root == again.snapshot_root),
        ("rules_hash", cert.rules_hash == again.rules_hash),
        ("method", cert.method == again.method),
        ("seed", cert.seed == again.seed),
        ("capacity", cert.capacity == again.capacity),
        (
            "ballots_counted",
            cert.ballots_counted == again.ballots_counted,
        ),
        ("double_votes", cert.double_votes == again.double_votes),
        ("counted", cert.counted == again.counted),
        ("excluded", cert.excluded == again.excluded),
        (
            "contested_below",
            cert.contested_below == again.contested_below,
        ),
        ("kendall_w", cert.kendall_w == again.kendall_w),
        ("condorcet", cert.condorcet == again.condorcet),
        ("results", cert.results == again.results),
        ("selection", cert.selection == again.selection),
        ("overridden", cert.overridden == again.overridden),
        (
            "capacity_decision",
            cert.capacity_decision == again.capacity_decision,
        ),
        (
            "override_stale",
            cert.override_stale == again.override_stale,
        ),
    ];
    for (field, same) in checks {
        if !same {
            diff.push(Difference::Field { field });
        }
    }
    let before: std::collections::BTreeSet<&Id> = cert.counted.iter().collect();
    let now: std::collections::BTreeSet<&Id> = again.counted.iter().collect();
    for id in before.difference(&now) {
        let reason = again
            .excluded
            .iter()
            .find(|e| e.ballot == **id)
            .map(|e| e.reason.clone());
        diff.push(Difference::NotCounted {
            ballot: (*id).clone(),
            reason,
        });
    }
    for id in now.difference(&before) {
        diff.push(Difference::Added {
            ballot: (*id).clone(),
        });
    }
    for id in &again.counted {
        if doc
            .ballots
            .get(id)
            .is_some_and(|b| content_id(b).as_ref() != Some(id))
        {
            diff.push(Difference::Changed { ballot: id.clone() });
        }
    }
    diff
}

/// Recomputes `cert` from `doc`; returns the names of the fields that differ (empty = confirmed),
/// with `"ballots"` when a counted ballot was changed ([`differences`] names the ballots).
#[must_use]
pub fn verify(cert: &Certificate, doc: &Doc) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = Vec::new();
    for d in differences(cert, doc) {
        let name = match d {
            Difference::NoRound => "round",
            Difference::Field { field } => field,
            Difference::NotCounted { .. }
            | Difference::Added { .. }
            | Difference::Changed { .. } => "ballots",
        };
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// The Condorcet line's value: the winner's title, or why there is none.
fn condorcet_text(cert: &Certificate, c: &Condorcet, lang: Lang) -> String {
    match c {
        Condorcet::Winner { item } => cert
            .results
            .iter()
            .find(|r| r.item == *item)
            .map_or_else(|| item.to_string(), |r| r.title.clone()),
        other => other.message(lang),
    }
}

/// Whether the certificate marks `item` as chosen (the override if there is one, else the selection).
fn selected(cert: &Certificate, item: &Id) -> bool {
    match &cert.overridden {
        Some(o) => o.items.contains(item),
        None => cert.selection.as_ref().is_some_and(|s| s.contains(item)),
    }
}

/// The contested rule in words.
fn contested_rule_text(cert: &Certificate, lang: Lang) -> String {
    let limit = cert.contested_below.decimal(2, lang == Lang::Sv);
    match lang {
        Lang::Sv => {
            format!("omstridd = minst två svar och konsensus (Tastle–Wierman) under {limit}")
        }
        Lang::En => {
            format!("contested = two or more answers and consensus (Tastle–Wierman) below {limit}")
        }
    }
}

/// The certificate's results as CSV that opens correctly in Swedish Excel: UTF-8 with BOM,
/// `;` between fields, CRLF line ends, decimal comma; whole numbers without decimals. One row
/// per inspel; after an empty line, the round's figures (ballots counted and not counted,
/// Kendall's W and the Condorcet winner for rankings, the contested rule), then every ballot
/// not counted with its reason.
#[must_use]
pub fn results_csv(cert: &Certificate, lang: Lang) -> String {
    let head: [&str; 14] = match lang {
        Lang::Sv => [
            "Placering",
            "Inspel",
            "Poäng",
            "Andra nyckel",
            "Oavgjort",
            "Vald",
            "Stöd",
            "Antal svar",
            "Medel",
            "Median",
            "IQR",
            "SD",
            "Konsensus",
            "Omstridd",
        ],
        Lang::En => [
            "Rank",
            "Input",
            "Score",
            "Secondary key",
            "Tied",
            "Selected",
            "Supporters",
            "Answers",
            "Mean",
            "Median",
            "IQR",
            "SD",
            "Consensus",
            "Contested",
        ],
    };
    let (yes, no) = match lang {
        Lang::Sv => ("ja", "nej"),
        Lang::En => ("yes", "no"),
    };
    let yn = |b: bool| (if b { yes } else { no }).to_owned();
    let comma = lang == Lang::Sv;
    let mut out = String::from("\u{feff}");
    let mut line = |fields: &[String]| {
        out.push_str(&fields.join(";"));
        out.push_str("\r\n");
    };
    line(&head.map(str::to_owned));
    for r in &cert.results {
        let st = r.stats.as_ref();
        let stat = |f: &dyn Fn(&ScaleStats) -> String| st.map_or(String::new(), f);
        line(&[
            r.rank.to_string(),
            cell(&r.title),
            r.score.display(2, comma),
            r.secondary.display(2, comma),
            yn(r.tied),
            yn(selected(cert, &r.item)),
            r.supporters.to_string(),
            stat(&|s| s.n.to_string()),
            stat(&|s| s.mean.display(2, comma)),
            stat(&|s| s.median.display(2, comma)),
            stat(&|s| s.iqr.display(2, comma)),
            stat(&|s| s.sd.decimal(2, comma)),
            stat(&|s| s.consensus.map_or(String::new(), |c| c.decimal(2, comma))),
            if st.is_some() {
                yn(r.contested)
            } else {
                String::new()
            },
        ]);
    }
    let sv = lang == Lang::Sv;
    line(&[]);
    let pair = |k: &str, v: String| [k.to_owned(), v];
    line(&pair(
        if sv {
            "Räknade röster"
        } else {
            "Ballots counted"
        },
        cert.ballots_counted.to_string(),
    ));
    line(&pair(
        if sv {
            "Ej räknade röster"
        } else {
            "Ballots not counted"
        },
        cert.excluded.len().to_string(),
    ));
    if let Some(w) = cert.kendall_w {
        line(&pair(
            if sv { "Kendalls W" } else { "Kendall's W" },
            w.display(2, comma),
        ));
    }
    if let Some(c) = &cert.condorcet {
        line(&pair(
            if sv {
                "Condorcetvinnare"
            } else {
                "Condorcet winner"
            },
            cell(&condorcet_text(cert, c, lang)),
        ));
    }
    if cert.results.iter().any(|r| r.stats.is_some()) {
        line(&pair(
            if sv { "Regel" } else { "Rule" },
            cell(&contested_rule_text(cert, lang)),
        ));
    }
    if !cert.excluded.is_empty() {
        line(&[]);
        line(
            &(if sv {
                ["Ej räknad röst", "Deltagare", "Skäl"]
            } else {
                ["Ballot not counted", "Participant", "Reason"]
            })
            .map(str::to_owned),
        );
        for e in &cert.excluded {
            line(&[
                e.ballot.to_string(),
                cell(&e.participant),
                cell(&e.reason.message(lang)),
            ]);
        }
    }
    out
}

/// The certificate as plain text (the CLI's `results`): one line per inspel — rank, `=` beside
/// a rank the seeded hash decided (same score and secondary key as a neighbour), `*` beside a
/// selected inspel, score, secondary key, title, and the spread where the method has one —
/// then the round's figures and every ballot not counted with its reason.
#[must_use]
pub fn results_text(cert: &Certificate, lang: Lang) -> String {
    use std::fmt::Write as _;
    let sv = lang == Lang::Sv;
    let comma = sv;
    let mut out = String::new();
    for r in &cert.results {
        let tie = if r.tied { "=" } else { " " };
        let chosen = if selected(cert, &r.item) { "*" } else { " " };
        let _ = write!(
            out,
            "{:>4}{tie}{chosen} {:>8} {:>8}  {}",
            r.rank,
            r.score.display(2, comma),
            r.secondary.display(2, comma),
            r.title
        );
        if let Some(s) = &r.stats {
            let cns = s
                .consensus
                .map_or_else(|| "–".to_owned(), |c| c.decimal(2, comma));
            let _ = if sv {
                write!(
                    out,
                    "  [n {}, median {}, IQR {}, SD {}, konsensus {cns}",
                    s.n,
                    s.median.display(2, comma),
                    s.iqr.display(2, comma),
                    s.sd.decimal(2, comma)
                )
            } else {
                write!(
                    out,
                    "  [n {}, median {}, IQR {}, SD {}, consensus {cns}",
                    s.n,
                    s.median.display(2, comma),
                    s.iqr.display(2, comma),
                    s.sd.decimal(2, comma)
                )
            };
            out.push_str(match (r.contested, sv) {
                (true, true) => ", omstridd]",
                (true, false) => ", contested]",
                (false, _) => "]",
            });
        }
        if r.tied {
            out.push_str(if sv { "  (lika)" } else { "  (tie)" });
        }
        out.push('\n');
    }
    let (counted, not_counted, rules, root) = if sv {
        ("räknade röster", "ej räknade", "regler", "rot")
    } else {
        ("ballots counted", "not counted", "rules", "root")
    };
    let short = |h: &str| h.chars().take(12).collect::<String>();
    let _ = writeln!(
        out,
        "{counted}: {}; {not_counted}: {}; {rules} {}; {root} {}",
        cert.ballots_counted,
        cert.excluded.len(),
        short(&cert.rules_hash),
        short(&cert.snapshot_root)
    );
    if let Some(w) = cert.kendall_w {
        let _ = writeln!(
            out,
            "{}: {}",
            if sv { "Kendalls W" } else { "Kendall's W" },
            w.display(2, comma)
        );
    }
    if let Some(c) = &cert.condorcet {
        let _ = writeln!(
            out,
            "{}: {}",
            if sv {
                "Condorcetvinnare"
            } else {
                "Condorcet winner"
            },
            condorcet_text(cert, c, lang)
        );
    }
    if cert.results.iter().any(|r| r.tied) {
        out.push_str(if sv {
            "= lika poäng och andra nyckel som grannen: ordningen avgjord av fröets hashordning\n"
        } else {
            "= same score and secondary key as a neighbour: the order is decided by the seeded hash\n"
        });
    }
    if cert.selection.is_some() || cert.overridden.is_some() {
        out.push_str(if sv { "* vald\n" } else { "* selected\n" });
    }
    if cert.results.iter().any(|r| r.stats.is_some()) {
        let _ = writeln!(out, "{}", contested_rule_text(cert, lang));
    }
    for e in &cert.excluded {
        let _ = writeln!(
            out,
            "{} {} «{}»: {}",
            if sv { "ej räknad" } else { "not counted" },
            e.ballot,
            e.participant,
            e.reason.message(lang)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{DEMO_ROUND, demo_doc};

    #[test]
    fn the_demo_round_certifies_and_verifies() {
        let doc = demo_doc();
        let round = Id::parse(DEMO_ROUND).unwrap();
        let cert = certificate(&doc, &round).unwrap();
        assert!(cert.ballots_counted >= 10);
        assert!(verify(&cert, &doc).is_empty());
        // Any change to the counted ballots shows in the snapshot root and the results.
        let mut tampered = doc.clone();
        let first = tampered.ballots.0.keys().next().cloned().unwrap();
        tampered.ballots.0.remove(&first);
        let diff = verify(&cert, &tampered);
        assert!(
            diff.contains(&"snapshot_root") && diff.contains(&"ballots_counted"),
            "{diff:?}"
        );
    }

    #[test]
    fn csv_is_for_swedish_excel_and_defuses_formulas() {
        let doc = demo_doc();
        let mut cert = certificate(&doc, &Id::parse(DEMO_ROUND).unwrap()).unwrap();
        cert.results[0].title = "=HYPERLINK(\"x\";\"y\")".into();
        // Whole numbers are written without decimals ("14", not "14,00"), and the demo's dots are
        // whole; a fraction shows the decimal comma.
        cert.results[0].score = Ratio::new(29, 2);
        let csv = results_csv(&cert, Lang::Sv);
        assert!(csv.starts_with("\u{feff}Placering;Inspel;Poäng"));
        assert!(csv.contains("\r\n1;\"'=HYPERLINK(\"\"x\"\";\"\"y\"\")\";"));
        assert!(csv.lines().nth(1).unwrap().contains(','), "decimal comma");
    }

    use crate::round::{NewBallot, Origin, Round};
    use crate::vote::{Answer, RankScoring};

    /// Casts a ballot into `doc` as the app's `NewBallot` does, stamped by `device`'s actor
    /// (written straight into the collection, as a merged tablet file would, so that closed
    /// rounds take it too).
    fn cast(doc: &mut Doc, round: &Id, who: &str, answer: Answer, device: &str) -> Id {
        let r = doc.rounds.0.get(round).unwrap().clone();
        let nb = NewBallot {
            round: &r,
            participant: who,
            municipality: None,
            answer,
            origin: Origin::Tablet,
            supersedes: vec![],
            cast_at: 9,
            device,
        };
        let crate::Command::Create { id, fields, .. } = nb.command().unwrap() else {
            unreachable!()
        };
        let mut b = Ballot::empty(id.clone());
        for (f, v) in fields {
            b.set(
                &f,
                v,
                crate::Stamp(1_700_000_000_000, 0, format!("{device}.c0de")),
            )
            .unwrap();
        }
        doc.ballots.0.insert(id.clone(), b);
        id
    }

    /// The demo doc with a new round over its first three inspel.
    fn with_round(method: Method) -> (Doc, Id, Vec<Id>) {
        let mut doc = demo_doc();
        let items: Vec<Id> = doc.inspel.0.keys().take(3).cloned().collect();
        let rid = Id::from_random_bytes([77; 16]);
        let mut r = Round::empty(rid.clone());
        let stamp = crate::demo::demo_stamp();
        r.title = Some(crate::crdt::Reg {
            value: "Prov".into(),
            stamp: stamp.clone(),
        });
        r.items = Some(crate::crdt::Reg {
            value: items.clone(),
            stamp: stamp.clone(),
        });
        r.method = Some(crate::crdt::Reg {
            value: method,
            stamp: stamp.clone(),
        });
        r.seed = Some(crate::crdt::Reg {
            value: "frö".into(),
            stamp,
        });
        doc.rounds.0.insert(rid.clone(), r);
        (doc, rid, items)
    }

    #[test]
    fn verify_names_each_change_to_the_counted_ballots() {
        let doc = demo_doc();
        let round = Id::parse(DEMO_ROUND).unwrap();
        let cert = certificate(&doc, &round).unwrap();
        assert_eq!(cert.counted.len(), 12);
        assert!(differences(&cert, &doc).is_empty());
        let ids: Vec<Id> = cert.counted.clone();
        // 1. Swap two participants' answers: ids, count and totals stay; both ballots are named.
        let mut swapped = doc.clone();
        let a0 = swapped.ballots.0[&ids[0]].answer.clone();
        let a1 = swapped.ballots.0[&ids[1]].answer.clone();
        swapped.ballots.0.get_mut(&ids[0]).unwrap().answer = a1;
        swapped.ballots.0.get_mut(&ids[1]).unwrap().answer = a0;
        let d = differences(&cert, &swapped);
        assert!(
            d.contains(&Difference::Changed {
                ballot: ids[0].clone()
            }) && d.contains(&Difference::Changed {
                ballot: ids[1].clone()
            }),
            "{d:?}"
        );
        assert!(d.contains(&Difference::Field {
            field: "snapshot_root"
        }));
        assert!(!d.contains(&Difference::Field {
            field: "ballots_counted"
        }));
        // 2. Edit one ballot's participant.
        let mut edited = doc.clone();
        edited
            .ballots
            .0
            .get_mut(&ids[2])
            .unwrap()
            .participant
            .as_mut()
            .unwrap()
            .value = "Någon annan".into();
        let d = differences(&cert, &edited);
        assert!(
            d.contains(&Difference::Changed {
                ballot: ids[2].clone()
            }),
            "{d:?}"
        );
        // 3. Add one valid ballot.
        let mut added = doc.clone();
        // The demo round is closed: a ballot cast now would not count. Opened again, it does.
        for r in added.rounds.0.values_mut() {
            r.status = Some(crate::crdt::Reg {
                value: crate::round::RoundStatus::Open,
                stamp: crate::Stamp(1_800_000_000_000, 0, "f".into()),
            });
        }
        let first = added.inspel.0.keys().next().unwrap().clone();
        let second = added.inspel.0.keys().nth(1).unwrap().clone();
        let new = cast(
            &mut added,
            &round,
            "Ny",
            Answer::Allocation([(first, 3), (second, 2)].into()),
            "dev-n",
        );
        let d = differences(&cert, &added);
        assert!(
            d.contains(&Difference::Added { ballot: new })
                && d.contains(&Difference::Field {
                    field: "ballots_counted"
                }),
            "{d:?}"
        );
        // 4. Remove one.
        let mut removed = doc.clone();
        removed.ballots.0.remove(&ids[3]);
        let d = differences(&cert, &removed);
        assert!(
            d.contains(&Difference::NotCounted {
                ballot: ids[3].clone(),
                reason: None
            }),
            "{d:?}"
        );
        assert!(verify(&cert, &removed).contains(&"ballots"));
        for lang in Lang::ALL {
            assert!(d.iter().all(|x| x.message(lang).len() > 10));
        }
    }

    #[test]
    fn the_certificate_carries_every_number_and_recomputes_to_the_same_bytes() {
        // Score 1–5 over A B C. Ballots: P1 A5 B1 C3, P2 A5 B5 C3, P3 A5 (B, C skipped).
        // A: 5, 5, 5 → mean 5, SD 0, consensus 1. B: 1, 5 → mean 3, median 3, IQR 4, SD 2,
        // consensus 1 + ½·log2(½) + ½·log2(½) = 0 → contested. C: 3, 3 → mean 3, median 3,
        // consensus 1: B and C share mean 3 and median 3 → tied, the seed orders them.
        // P4's ballot scores 6: breaks the rules, listed with the reason.
        let (mut doc, rid, items) = with_round(Method::Score { lo: 1, hi: 5 });
        let (a, b, c) = (&items[0], &items[1], &items[2]);
        let sc =
            |v: &[(&Id, u8)]| Answer::Scores(v.iter().map(|(k, x)| ((*k).clone(), *x)).collect());
        cast(&mut doc, &rid, "P1", sc(&[(a, 5), (b, 1), (c, 3)]), "dev-1");
        cast(&mut doc, &rid, "P2", sc(&[(a, 5), (b, 5), (c, 3)]), "dev-2");
        cast(&mut doc, &rid, "P3", sc(&[(a, 5)]), "dev-3");
        // A ballot breaking the rules cannot be cast through NewBallot; write one as a file would.
        let mut bad = doc.ballots.0.values().next().unwrap().clone();
        let bad_answer = sc(&[(a, 6)]);
        bad.answer.as_mut().unwrap().value = bad_answer.clone();
        bad.participant.as_mut().unwrap().value = "P4".into();
        let dev = crate::round::ballot_device(&bad).unwrap().to_owned();
        bad.id = crate::round::ballot_id(
            &rid,
            "P4",
            &bad_answer,
            bad.rules_hash().unwrap(),
            Origin::Tablet,
            &[],
            9,
            &dev,
        );
        doc.ballots.0.insert(bad.id.clone(), bad.clone());
        let cert = certificate(&doc, &rid).unwrap();
        let bytes = crate::crdt::to_json(&cert).to_string();
        assert_eq!(
            crate::crdt::to_json(&certificate(&doc, &rid).unwrap()).to_string(),
            bytes,
            "same bytes"
        );
        let back: Certificate = serde_json::from_str(&bytes).unwrap();
        assert_eq!(back, cert);
        let row = |id: &Id| cert.results.iter().find(|r| r.item == *id).unwrap();
        let sa = row(a).stats.clone().unwrap();
        assert_eq!(
            (sa.n, sa.sd, sa.consensus),
            (3, Fixed::ZERO, Some(Fixed::ONE))
        );
        let sb = row(b).stats.clone().unwrap();
        assert_eq!(
            (sb.median, sb.iqr, sb.sd, sb.consensus),
            (
                Ratio::int(3),
                Ratio::int(4),
                Fixed::from_micros(2_000_000),
                Some(Fixed::ZERO)
            )
        );
        assert!(row(b).contested && !row(c).contested && row(b).tied && row(c).tied);
        assert_eq!(cert.excluded.len(), 1);
        assert_eq!(
            cert.excluded[0].reason,
            Exclusion::BreaksRules {
                error: crate::vote::BallotError::OutOfScale {
                    value: 6,
                    lo: 1,
                    hi: 5
                }
            }
        );
        assert!(
            bytes.contains(r#""sd":"2.000000""#)
                && bytes.contains(r#""contested_below":"0.500000""#),
            "{bytes}"
        );
        // Text: ties marked, whole numbers whole, the spread, the rule and the excluded ballot.
        let text = results_text(&cert, Lang::Sv);
        let lines: Vec<&str> = text.lines().collect();
        assert!(
            lines[0].starts_with("   1  ") && lines[0].contains("       5 "),
            "{text}"
        );
        assert!(
            lines[1].starts_with("   2= ")
                && lines[2].starts_with("   3= ")
                && lines[1].ends_with("(lika)"),
            "{text}"
        );
        assert!(
            text.contains("median 3, IQR 4, SD 2, konsensus 0, omstridd]"),
            "{text}"
        );
        assert!(
            text.contains("ej räknade: 1")
                && text.contains("bryter mot reglerna: Betyget ska vara 1–5."),
            "{text}"
        );
        assert!(
            text.contains("omstridd = minst två svar och konsensus (Tastle–Wierman) under 0,50"),
            "{text}"
        );
        let csv = results_csv(&cert, Lang::En);
        assert!(
            csv.contains("Median;IQR;SD;Consensus;Contested\r\n"),
            "{csv}"
        );
        assert!(csv.contains(";yes;no;2;2;3;3;4;2;0;yes\r\n"), "{csv}");
        assert!(
            csv.contains("\r\nBallots not counted;1\r\n")
                && csv.contains("breaks the rules: The score must be 1–5."),
            "{csv}"
        );
    }

    #[test]
    fn ranking_certificates_carry_kendalls_w_and_the_condorcet_outcome() {
        // The cycle [A B C], [B C A], [C A B]: no Condorcet winner ("ingen: cykel"); rank sums
        // all 1 + 2 + 3 = 6 = the mean → S = 0 → W = 0.
        let (mut doc, rid, items) = with_round(Method::Ranking {
            top_k: None,
            scoring: RankScoring::Schulze,
            at_most: false,
        });
        let (a, b, c) = (&items[0], &items[1], &items[2]);
        let rk = |v: [&Id; 3]| Answer::Ranking(v.iter().map(|x| (*x).clone()).collect());
        cast(&mut doc, &rid, "P1", rk([a, b, c]), "dev-1");
        cast(&mut doc, &rid, "P2", rk([b, c, a]), "dev-2");
        cast(&mut doc, &rid, "P3", rk([c, a, b]), "dev-3");
        let cert = certificate(&doc, &rid).unwrap();
        assert_eq!(
            (cert.condorcet.clone(), cert.kendall_w),
            (Some(Condorcet::Cycle), Some(Ratio::ZERO))
        );
        let text = results_text(&cert, Lang::Sv);
        assert!(
            text.contains("Condorcetvinnare: ingen: cykel") && text.contains("Kendalls W: 0\n"),
            "{text}"
        );
        assert!(results_csv(&cert, Lang::En).contains("Condorcet winner;none: cycle"));
    }
}
