//! The stakeholder report that the app's tables and `vagval stakeholders` print from the same
//! code: every live actor with its type, scores, grid quadrant, salience class, disagreement
//! and metrics, and the thresholds and formula ids used.
use serde::Serialize;

use crate::Doc;
use crate::kernel::csv_out::{CsvOut, cell};
use crate::kernel::lang::Lang;

use super::actor::ActorType;
use super::classes::{DISAGREE, GRID, SALIENCE, Thresholds};
use super::map::{Filter, Row, live_actors, measure, row};
use super::metrics::{BETWEENNESS, CLOSENESS, DEGREE, Metrics, REACH2};

/// One actor in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Line {
    /// Classes and metrics.
    #[serde(flatten)]
    pub row: Row,
    /// Its type.
    pub actor_type: ActorType,
    /// Power, interest, legitimacy, urgency (unset: 1).
    pub scores: [u8; 4],
    /// Attitude −2…+2 (unset: 0).
    pub attitude: i8,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The thresholds used.
    pub thresholds: Thresholds,
    /// The formula ids: grid, salience, disagreement, degree, closeness, betweenness, reach.
    pub formulas: [&'static str; 7],
    /// Every live actor, by name.
    pub actors: Vec<Line>,
    /// Live relations counted in the metrics.
    pub relations: usize,
}

/// The report of `doc` with the map's stored thresholds and metrics on the full graph.
#[must_use]
pub fn report(doc: &Doc) -> Report {
    filtered(doc, Some(&Filter::default()))
}

/// The report with the metrics on the relations `filter` keeps (the metrics view's filter), or
/// without metrics (`None`: the tables that show only scores and classes; their cells are empty).
#[must_use]
pub fn filtered(doc: &Doc, filter: Option<&Filter>) -> Report {
    let t = super::map::thresholds(doc);
    let live = live_actors(doc);
    let (m, relations) = measure(doc, &live, filter);
    let mut m = m.into_iter();
    let actors = live
        .into_iter()
        .map(|a| {
            let row = Row {
                metrics: m.next(),
                ..row(a, t)
            };
            let s = |v: Option<&u8>| v.copied().unwrap_or(1);
            Line {
                row,
                actor_type: a.actor_type().copied().unwrap_or_default(),
                scores: [
                    s(a.power()),
                    s(a.interest()),
                    s(a.legitimacy()),
                    s(a.urgency()),
                ],
                attitude: a.attitude().copied().unwrap_or(0),
            }
        })
        .collect();
    Report {
        thresholds: t,
        formulas: [
            GRID,
            SALIENCE,
            DISAGREE,
            DEGREE,
            CLOSENESS,
            BETWEENNESS,
            REACH2,
        ],
        actors,
        relations,
    }
}

impl Report {
    /// The table's column heads.
    #[must_use]
    pub const fn head(lang: Lang) -> [&'static str; 17] {
        match lang {
            Lang::Sv => [
                "Aktör",
                "Typ",
                "Makt",
                "Intresse",
                "Legitimitet",
                "Brådska",
                "Inställning",
                "Kvadrant",
                "Angelägenhetsklass",
                "Avvikelse",
                "Grad",
                "In",
                "Ut",
                "Viktad grad",
                "Närhet",
                "Mellanhet",
                "Räckvidd 2 steg",
            ],
            Lang::En => [
                "Actor",
                "Type",
                "Power",
                "Interest",
                "Legitimacy",
                "Urgency",
                "Attitude",
                "Quadrant",
                "Salience class",
                "Disagreement",
                "Degree",
                "In",
                "Out",
                "Weighted degree",
                "Closeness",
                "Betweenness",
                "Two-step reach",
            ],
        }
    }

    /// One row's cells as the table and the CSV show them (three decimals, a decimal comma
    /// in Swedish).
    #[must_use]
    pub fn cells(line: &Line, lang: Lang) -> [String; 17] {
        let comma = lang == Lang::Sv;
        let metric =
            |f: &dyn Fn(&Metrics) -> String| line.row.metrics.as_ref().map_or(String::new(), f);
        [
            line.row.name.clone(),
            line.actor_type.label(lang).to_owned(),
            line.scores[0].to_string(),
            line.scores[1].to_string(),
            line.scores[2].to_string(),
            line.scores[3].to_string(),
            line.attitude.to_string(),
            line.row.quadrant.label(lang).to_owned(),
            line.row.salience.label(lang).to_owned(),
            line.row
                .disagreement
                .map_or(String::new(), |d| d.label(lang).to_owned()),
            metric(&|m| m.degree.to_string()),
            metric(&|m| m.in_degree.to_string()),
            metric(&|m| m.out_degree.to_string()),
            metric(&|m| m.weighted_degree.to_string()),
            metric(&|m| m.closeness.decimal(3, comma)),
            metric(&|m| m.betweenness.decimal(3, comma)),
            metric(&|m| m.reach2.decimal(3, comma)),
        ]
    }

    /// CSV for Swedish Excel.
    #[must_use]
    pub fn csv(&self, lang: Lang) -> String {
        let mut out = CsvOut::new();
        out.line(&Self::head(lang).map(str::to_owned));
        for line in &self.actors {
            out.line(&Self::cells(line, lang).map(|c| cell(&c)));
        }
        out.finish()
    }

    /// Plain text: one line per actor, then the formulas.
    #[must_use]
    pub fn text(&self, lang: Lang) -> String {
        let mut s = String::new();
        let head = Self::head(lang);
        for line in &self.actors {
            let c = Self::cells(line, lang);
            s.push_str(&format!(
                "{} ({}): {} · {}{}; {} {}, {} {}, {} {}, {} {}\n",
                c[0],
                c[1],
                c[7],
                c[8],
                if c[9].is_empty() {
                    String::new()
                } else {
                    format!(" — {}", c[9])
                },
                head[10],
                c[10],
                head[14],
                c[14],
                head[15],
                c[15],
                head[16],
                c[16],
            ));
        }
        s.push_str(&format!(
            "{}: {}\n",
            match lang {
                Lang::Sv => "Formler",
                Lang::En => "Formulas",
            },
            self.formulas.join(", ")
        ));
        s
    }
}

/// The live relations between live actors as CSV for Swedish Excel: from, to, direction,
/// type, weight, note — by from, to, then id.
#[must_use]
pub fn relations_csv(doc: &Doc, lang: Lang) -> String {
    let v = super::map::live_relations(doc);
    let mut out = CsvOut::new();
    let head = match lang {
        Lang::Sv => ["Från", "Till", "Riktning", "Typ", "Vikt", "Anteckning"],
        Lang::En => ["From", "To", "Direction", "Type", "Weight", "Note"],
    };
    out.line(&head.map(str::to_owned));
    for (from, to, r) in v {
        let mutual = r.mutual() == Some(&true);
        out.line(&[
            cell(from),
            cell(to),
            match (mutual, lang) {
                (true, Lang::Sv) => "ömsesidig",
                (false, Lang::Sv) => "riktad",
                (true, Lang::En) => "mutual",
                (false, Lang::En) => "directed",
            }
            .to_owned(),
            r.relation_type()
                .copied()
                .unwrap_or_default()
                .label(lang)
                .to_owned(),
            r.weight().copied().unwrap_or(1).to_string(),
            cell(r.note().map_or("", String::as_str)),
        ]);
    }
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_report_in_csv() {
        let r = report(&crate::demo::demo_doc());
        assert_eq!(r.actors.len(), 17);
        assert_eq!(r.relations, 21);
        let csv = r.csv(Lang::Sv);
        assert!(csv.starts_with("\u{feff}Aktör;Typ;Makt"));
        // The sameby's line: scores 2/5/5/4, attitude −1 (quoted against formula injection),
        // keep informed, dependent, the disagreement; two relations (Länsstyrelsen, Jämtkraft):
        // out 2 (one directed, one mutual), in 1 (the mutual one), weighted 1 + 2 = 3.
        let line = csv
            .lines()
            .find(|l| l.starts_with("Handölsdalens sameby"))
            .unwrap();
        assert!(line.starts_with(
            "Handölsdalens sameby;Samisk aktör;2;5;5;4;'-1;Håll informerad;Beroende;Lågt i rutnätet"
        ));
        assert!(line.contains(";2;1;2;3;"), "{line}");
        assert!(
            r.text(Lang::En)
                .contains("Formulas: mendelow_ge_threshold_v1")
        );
    }

    #[test]
    fn the_demo_relations_in_csv() {
        let csv = relations_csv(&crate::demo::demo_doc(), Lang::Sv);
        // A head and 21 relations; the sameby's conflict with Jämtkraft as the demo has it.
        assert_eq!(csv.lines().count(), 22);
        assert!(csv.starts_with("\u{feff}Från;Till;Riktning;Typ;Vikt;Anteckning\r\n"));
        assert!(csv.contains(
            "Handölsdalens sameby;Jämtkraft;ömsesidig;Konflikt;2;Markanvändning vid vindkraftsetablering.\r\n"
        ));
    }
}
