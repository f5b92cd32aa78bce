//! A matrix's report: the reveal, the analysis of its values (consensus, else median) with
//! the matrix's options, the goals' labels, and the CSV of scores and of results for
//! Swedish Excel. The app and `vagval matrix` print from this one function.
use serde::Serialize;

use crate::Doc;
use crate::kernel::csv_out::{CsvOut, cell};
use crate::kernel::id::Id;
use crate::kernel::lang::Lang;

use super::analysis::{Analysis, Fraction, Grid, Options, analyse};
use super::matrix::Confidence;
use super::stats::Reveal;

/// Everything the analysis views and the CLI show of one matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The matrix.
    pub matrix: Id,
    /// Its name.
    pub name: String,
    /// Each goal's label ("RUS 1 Grön industriell omställning"), in matrix order.
    pub labels: Vec<String>,
    /// The reveal (raters, cells, distributions, progress).
    pub reveal: Reveal,
    /// The analysis of the values.
    pub analysis: Analysis,
}

/// The report of matrix `id` (`None` when it does not exist).
#[must_use]
pub fn report(doc: &Doc, id: &Id) -> Option<Report> {
    let m = doc.matrices.get(id)?;
    let reveal = Reveal::of(doc, id)?;
    let grid = Grid::from_rows(&reveal.values()).ok()?;
    let options = Options {
        scale_second_order: m.scale_second_order().copied().unwrap_or(false),
        ..Options::default()
    };
    let labels = reveal
        .goals
        .iter()
        .map(|g| {
            doc.goals
                .get(g)
                .map(super::goal::Goal::display)
                .unwrap_or_default()
        })
        .collect();
    Some(Report {
        matrix: id.clone(),
        name: m.name().cloned().unwrap_or_default(),
        labels,
        analysis: analyse(&grid, &options),
        reveal,
    })
}

/// A fraction as text: a whole number without decimals, else two decimals (decimal comma in
/// Swedish).
#[must_use]
pub fn fraction_text(f: Option<Fraction>, lang: Lang) -> String {
    let Some(f) = f else {
        return "–".to_owned();
    };
    if f.denominator == 1 {
        return f.numerator.to_string();
    }
    let text = format!("{:.2}", f.to_f64());
    match lang {
        Lang::Sv => text.replace('.', ","),
        Lang::En => text,
    }
}

impl Report {
    /// Every rater's scores, one row per rater and cell: rater; row goal; column goal; score;
    /// confidence; rationale.
    #[must_use]
    pub fn scores_csv(&self, lang: Lang) -> String {
        let head = match lang {
            Lang::Sv => [
                "Deltagare",
                "Från mål",
                "Till mål",
                "Bedömning",
                "Säkerhet",
                "Motivering",
            ],
            Lang::En => [
                "Rater",
                "From goal",
                "To goal",
                "Score",
                "Confidence",
                "Rationale",
            ],
        };
        let mut out = CsvOut::new();
        out.line(&head.map(str::to_owned));
        for c in &self.reveal.cells {
            for (k, s) in &c.scores {
                let rater = self.reveal.raters.get(*k).map_or("", |r| r.name.as_str());
                out.line(&[
                    cell(rater),
                    cell(&self.labels[c.at.0]),
                    cell(&self.labels[c.at.1]),
                    s.score.to_string(),
                    cell(s.confidence.map_or("", |x: Confidence| x.label(lang))),
                    cell(&s.rationale),
                ]);
            }
        }
        out.finish()
    }

    /// The results, one row per goal: the first-order measures and their signed split,
    /// Vester's sums, quotient, product and class, second order combined and MICMAC.
    #[must_use]
    pub fn results_csv(&self, lang: Lang) -> String {
        let head = match lang {
            Lang::Sv => [
                "Mål",
                "Utåt",
                "Inåt",
                "Utåt +",
                "Utåt −",
                "Inåt +",
                "Inåt −",
                "Netto",
                "Netto +",
                "Netto −",
                "Aktivsumma (AS)",
                "Passivsumma (PS)",
                "Kvot Q = AS/PS",
                "Produkt P = AS·PS",
                "Roll",
                "Första + andra ordningen",
                "MICMAC påverkan",
                "MICMAC beroende",
            ],
            Lang::En => [
                "Goal",
                "Out",
                "In",
                "Out +",
                "Out −",
                "In +",
                "In −",
                "Net",
                "Net +",
                "Net −",
                "Active sum (AS)",
                "Passive sum (PS)",
                "Quotient Q = AS/PS",
                "Product P = AS·PS",
                "Role",
                "First + second order",
                "MICMAC influence",
                "MICMAC dependence",
            ],
        };
        let a = &self.analysis;
        let mut out = CsvOut::new();
        out.line(&head.map(str::to_owned));
        for (i, label) in self.labels.iter().enumerate() {
            let (Some(f), Some(v)) = (a.first_order.get(i), a.vester.nodes.get(i)) else {
                continue;
            };
            out.line(&[
                cell(label),
                f.out_sum.to_string(),
                f.in_sum.to_string(),
                f.out_pos.to_string(),
                f.out_neg.to_string(),
                f.in_pos.to_string(),
                f.in_neg.to_string(),
                f.net.to_string(),
                f.net_pos.to_string(),
                f.net_neg.to_string(),
                v.active_sum.to_string(),
                v.passive_sum.to_string(),
                fraction_text(v.quotient, lang),
                v.product.to_string(),
                cell(v.class.name(lang)),
                fraction_text(a.second_order.combined_value(i), lang),
                a.micmac
                    .influence
                    .get(i)
                    .map_or(String::new(), ToString::to_string),
                a.micmac
                    .dependence
                    .get(i)
                    .map_or(String::new(), ToString::to_string),
            ]);
        }
        out.finish()
    }
}

impl Report {
    /// The report as text (the CLI's default output): coverage and where the values come
    /// from, the goals by first and second order combined with every measure, the strongest
    /// negative two-step paths in words, the trade-offs the first-order view hides, and the
    /// ±1 sensitivity.
    #[must_use]
    pub fn text(&self, lang: Lang) -> String {
        use std::fmt::Write;
        let sv = lang == Lang::Sv;
        let a = &self.analysis;
        let r = &self.reveal;
        let src = r.sources();
        let n = |k: &str| src.get(k).copied().unwrap_or(0);
        let mut t = String::new();
        let _ = writeln!(t, "{}", self.name);
        let _ = writeln!(
            t,
            "{}",
            if sv {
                format!(
                    "{} mål, {} deltagare; {} av {} celler bedömda, {} med samsyn, {} med median, {} obedömda (räknas som 0).",
                    r.goals.len(),
                    r.raters.len(),
                    r.judged,
                    r.wanted,
                    n("consensus"),
                    n("median"),
                    n("unjudged")
                )
            } else {
                format!(
                    "{} goals, {} raters; {} of {} cells judged, {} by consensus, {} by median, {} unjudged (counted as 0).",
                    r.goals.len(),
                    r.raters.len(),
                    r.judged,
                    r.wanted,
                    n("consensus"),
                    n("median"),
                    n("unjudged")
                )
            }
        );
        let _ = writeln!(t);
        let head = if sv {
            "Plats\tMål\tUtåt\tInåt\tUtåt+\tUtåt−\tInåt+\tInåt−\tAS\tPS\tQ=AS/PS\tP=AS·PS\tRoll\tFörsta+andra"
        } else {
            "Rank\tGoal\tOut\tIn\tOut+\tOut−\tIn+\tIn−\tAS\tPS\tQ=AS/PS\tP=AS·PS\tRole\tFirst+second"
        };
        let _ = writeln!(t, "{head}");
        for (place, &i) in a.rankings.combined.order.iter().enumerate() {
            let (Some(f), Some(v)) = (a.first_order.get(i), a.vester.nodes.get(i)) else {
                continue;
            };
            let _ = writeln!(
                t,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                place + 1,
                self.labels[i],
                f.out_sum,
                f.in_sum,
                f.out_pos,
                f.out_neg,
                f.in_pos,
                f.in_neg,
                v.active_sum,
                v.passive_sum,
                fraction_text(v.quotient, lang),
                v.product,
                v.class.name(lang),
                fraction_text(a.second_order.combined_value(i), lang),
            );
        }
        let _ = writeln!(t);
        let _ = writeln!(
            t,
            "{}",
            if sv {
                "Starkaste negativa tvåstegsvägar:"
            } else {
                "Strongest negative two-step paths:"
            }
        );
        for p in a.second_order.negative_paths.iter().take(10) {
            let _ = writeln!(
                t,
                "  {} → {} → {}: {}",
                self.labels[p.from], self.labels[p.via], self.labels[p.to], p.product
            );
        }
        let _ = writeln!(
            t,
            "{}",
            if sv {
                "Målkonflikter som bara syns i andra ordningen:"
            } else {
                "Trade-offs visible only in the second order:"
            }
        );
        for h in a.second_order.hidden_tradeoffs.iter().take(10) {
            let first = h
                .first_order
                .map_or_else(|| "–".to_owned(), |v| v.to_string());
            let _ = writeln!(
                t,
                "  {} → {}: {} {first}, {} {} ({} {})",
                self.labels[h.source],
                self.labels[h.target],
                if sv {
                    "första ordningen"
                } else {
                    "first order"
                },
                if sv {
                    "andra ordningen"
                } else {
                    "second order"
                },
                fraction_text(a.second_order.value(h.source, h.target), lang),
                if sv { "starkast via" } else { "strongest via" },
                self.labels[h.strongest_via],
            );
        }
        let s = &a.sensitivity;
        let _ = writeln!(
            t,
            "{}",
            if sv {
                format!(
                    "Känslighet: {} av {} ändringar med ±1 i en cell ändrar någon rangordning.",
                    s.changing, s.perturbations
                )
            } else {
                format!(
                    "Sensitivity: {} of {} changes by ±1 in one cell change some ranking.",
                    s.changing, s.perturbations
                )
            }
        );
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conflicts::demo::{DEMO_MATRIX, demo_id};

    #[test]
    fn the_demo_report_names_the_hidden_trade_off() {
        let d = crate::demo::demo_doc();
        let r = report(&d, &demo_id(DEMO_MATRIX)).unwrap();
        assert_eq!(r.labels.len(), 9);
        // RUS 1 → RUS 7 is agreed 0 (consensus); RUS 1 → RUS 4 → RUS 7 = 2 · (−2) = −4 (the
        // medians of 4→7: −2, −2, −2, −2 → −2; of 1→4: 2, 2, 2, 2 → 2).
        let hidden = &r.analysis.second_order.hidden_tradeoffs;
        assert!(
            hidden.iter().any(|h| h.source == 0 && h.target == 6),
            "{hidden:?}"
        );
        let text = r.text(Lang::Sv);
        assert!(
            text.contains(
                "RUS 1 Grön industriell omställning → RUS 4 Transportinfrastruktur → RUS 7"
            ),
            "{text}"
        );
        let csv = r.results_csv(Lang::Sv);
        assert!(csv.starts_with("\u{feff}Mål;Utåt;Inåt"));
        assert_eq!(csv.lines().count(), 10);
        assert!(r.scores_csv(Lang::En).lines().count() > 250);
    }
}
