//! The result certificate (DOMAIN.md §2): everything needed to recompute a round's result
//! from a snapshot and get the same bytes — and CSV of the results for Swedish Excel.
use serde::{Deserialize, Serialize};

use crate::crdt::Record;
use crate::doc::Doc;
use crate::id::Id;
use crate::lang::{Lang, Localized};
use crate::ratio::Ratio;
use crate::round::{Ballot, Override, RoundResult, round_result};
use crate::select::Capacity;
use crate::vote::Method;

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
    /// Whether the seeded hash had to decide.
    pub tied: bool,
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
    /// SHA-256 over the counted ballot ids, sorted, joined by "\n".
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
    /// The ranking.
    pub results: Vec<CertRow>,
    /// Items selected by the capacity rule.
    pub selection: Option<Vec<Id>>,
    /// The facilitator's override of the selection (items and written reason), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overridden: Option<Override>,
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
    let r = doc.rounds.get(round).ok_or_else(|| CertError::NoRound(round.to_string()))?;
    let ballots: Vec<&Ballot> = doc.ballots.live().filter(|b| b.round() == Some(round)).collect();
    Ok(round_result(r, &ballots))
}

/// Makes the certificate of `round` in `doc`.
///
/// # Errors
/// [`CertError::NoRound`] when the round does not exist.
pub fn certificate(doc: &Doc, round: &Id) -> Result<Certificate, CertError> {
    let res = result_of(doc, round)?;
    let r = doc.rounds.get(round).ok_or_else(|| CertError::NoRound(round.to_string()))?;
    Ok(Certificate {
        format: CERT_FORMAT.to_owned(),
        workspace: doc.id.clone(),
        round: r.id().clone(),
        snapshot_root: res.ballots_root.clone(),
        rules_hash: res.rules_hash.clone(),
        method: r.method_or_default(),
        seed: r.seed().cloned().unwrap_or_default(),
        capacity: r.capacity().copied().flatten(),
        app_version: crate::APP_VERSION.to_owned(),
        ballots_counted: res.counted.len(),
        double_votes: res.double_votes.iter().map(|d| d.participant.clone()).collect(),
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
            })
            .collect(),
        selection: res.selection.map(|s| s.items),
        overridden: r.overrides().and_then(|v| v.last()).cloned(),
    })
}

/// Recomputes `cert` from `doc`; returns the names of the fields that differ (empty = confirmed).
/// The app version is information only and never compared.
#[must_use]
pub fn verify(cert: &Certificate, doc: &Doc) -> Vec<&'static str> {
    let Ok(again) = certificate(doc, &cert.round) else { return vec!["round"] };
    let mut diff = Vec::new();
    let checks: [(&'static str, bool); 11] = [
        ("format", cert.format == again.format),
        ("workspace", cert.workspace == again.workspace),
        ("snapshot_root", cert.snapshot_root == again.snapshot_root),
        ("rules_hash", cert.rules_hash == again.rules_hash),
        ("method", cert.method == again.method),
        ("seed", cert.seed == again.seed),
        ("capacity", cert.capacity == again.capacity),
        ("ballots_counted", cert.ballots_counted == again.ballots_counted),
        ("results", cert.results == again.results),
        ("selection", cert.selection == again.selection),
        ("overridden", cert.overridden == again.overridden),
    ];
    for (name, same) in checks {
        if !same {
            diff.push(name);
        }
    }
    diff
}

/// One CSV cell for Swedish Excel: quoted when needed, and a leading `= + - @` made
/// harmless (no formula injection from data).
fn cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) { format!("'{text}") } else { text.to_owned() };
    if text.contains([';', '"', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text }
}

/// The certificate's results as CSV that opens correctly in Swedish Excel: UTF-8 with BOM,
/// `;` between fields, CRLF line ends, decimal comma.
#[must_use]
pub fn results_csv(cert: &Certificate, lang: Lang) -> String {
    let head: [&str; 6] = match lang {
        Lang::Sv => ["Placering", "Inspel", "Poäng", "Andra nyckel", "Oavgjort", "Vald"],
        Lang::En => ["Rank", "Input", "Score", "Secondary key", "Tied", "Selected"],
    };
    let (yes, no) = match lang {
        Lang::Sv => ("ja", "nej"),
        Lang::En => ("yes", "no"),
    };
    let comma = lang == Lang::Sv;
    let mut out = String::from("\u{feff}");
    out.push_str(&head.join(";"));
    out.push_str("\r\n");
    for r in &cert.results {
        let selected = match &cert.overridden {
            Some(o) => o.items.contains(&r.item),
            None => cert.selection.as_ref().is_some_and(|s| s.contains(&r.item)),
        };
        let fields = [
            r.rank.to_string(),
            cell(&r.title),
            r.score.decimal(2, comma),
            r.secondary.decimal(2, comma),
            (if r.tied { yes } else { no }).to_owned(),
            (if selected { yes } else { no }).to_owned(),
        ];
        out.push_str(&fields.join(";"));
        out.push_str("\r\n");
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
        assert!(diff.contains(&"snapshot_root") && diff.contains(&"ballots_counted"), "{diff:?}");
    }

    #[test]
    fn csv_is_for_swedish_excel_and_defuses_formulas() {
        let doc = demo_doc();
        let mut cert = certificate(&doc, &Id::parse(DEMO_ROUND).unwrap()).unwrap();
        cert.results[0].title = "=HYPERLINK(\"x\";\"y\")".into();
        let csv = results_csv(&cert, Lang::Sv);
        assert!(csv.starts_with("\u{feff}Placering;Inspel;Poäng"));
        assert!(csv.contains("\r\n1;\"'=HYPERLINK(\"\"x\"\";\"\"y\"\")\";"));
        assert!(csv.lines().nth(1).unwrap().contains(','), "decimal comma");
    }
}
