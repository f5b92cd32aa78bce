//! The action areas' report (`vagval areas`, and what the app's pages show): each effect
//! chain's validation (an area's, a project's), each indicator's progress towards its target
//! with the off-track rule, and each project's co-financing checks — one core computation.
use serde::Serialize;

use super::chain::{self, Level, Problem};
use super::funding::{self, Finding, FunderType, Rule};
use super::progress::{self, PROGRESS};
use super::records::{ChainNode, Indicator, Project};
use crate::Doc;
use crate::kernel::csv_out::{CsvOut, cell};
use crate::kernel::id::Id;
use crate::kernel::lang::{Lang, Localized};
use crate::ratio::Ratio;

/// Formula id of the off-track rule.
pub const OFF_TRACK: &str = "off_track_linear_path_v1";

/// How far behind the straight path from baseline to target an indicator may be before it is
/// off track: a tenth of the way.
pub const SLACK: (i128, i128) = (1, 10);

/// Whether an indicator is off track: it moves away from its target (progress below 0), or its
/// progress is more than [`SLACK`] behind the share of the time from the baseline year to the
/// target year that has passed by the value's year (that share taken as at most 1). `None` when
/// the years do not give a path (the target year not after the baseline year).
#[must_use]
pub fn off_track(progress: Ratio, baseline_year: u16, target_year: u16, year: u16) -> Option<bool> {
    if target_year <= baseline_year {
        return None;
    }
    let elapsed = i128::from(
        year.saturating_sub(baseline_year)
            .min(target_year - baseline_year),
    );
    let expected = Ratio::new(elapsed, i128::from(target_year - baseline_year));
    let floor = expected.minus(Ratio::new(SLACK.0, SLACK.1));
    Some(progress < Ratio::ZERO || progress < floor)
}

/// One chain: its owner and what its validation found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChainLine {
    /// The area or the project.
    pub owner: Id,
    /// Its title.
    pub title: String,
    /// Nodes and edges (not in the trash).
    pub nodes: usize,
    /// Edges between them.
    pub edges: usize,
    /// The problems, in words.
    pub problems: Vec<String>,
}

/// One indicator's standing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorLine {
    /// The indicator.
    pub id: Id,
    /// Its title.
    pub title: String,
    /// Its unit.
    pub unit: String,
    /// The latest year with a value, and that value as written.
    pub latest: Option<(u16, String)>,
    /// Progress towards the target in percent (one decimal), if computed.
    pub progress: Option<String>,
    /// Off track by [`off_track`].
    pub off_track: bool,
    /// Why there is no progress figure, in words.
    pub note: Option<String>,
}

/// One project's financing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProjectLine {
    /// The project.
    pub id: Id,
    /// Its title.
    pub title: String,
    /// Its cost, formatted.
    pub cost: String,
    /// Each funder type's sum and share in percent, formatted.
    pub shares: Vec<(String, String, String)>,
    /// What the checks found, in words.
    pub findings: Vec<String>,
}

/// The report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Chains of areas, then of projects.
    pub chains: Vec<ChainLine>,
    /// Indicators by title.
    pub indicators: Vec<IndicatorLine>,
    /// Projects by title.
    pub projects: Vec<ProjectLine>,
    /// The formulas used.
    pub formulas: Vec<&'static str>,
}

fn kept<T>(removed: Option<&bool>, t: T) -> Option<T> {
    (removed != Some(&true)).then_some(t)
}

/// The chain of `owner`: its nodes (not in the trash), and the edges between them.
#[must_use]
pub fn chain_of<'a>(doc: &'a Doc, owner: &Id) -> (Vec<&'a ChainNode>, Vec<(usize, usize)>) {
    let nodes: Vec<&ChainNode> = doc
        .chain_nodes
        .live()
        .filter_map(|n| kept(n.removed(), n))
        .filter(|n| n.area() == Some(owner) || n.project() == Some(owner))
        .collect();
    let index = |id: Option<&Id>| id.and_then(|id| nodes.iter().position(|n| &n.id == id));
    let edges = doc
        .chain_edges
        .live()
        .filter_map(|e| kept(e.removed(), e))
        .filter_map(|e| Some((index(e.from())?, index(e.to())?)))
        .collect();
    (nodes, edges)
}

/// The problems of `owner`'s chain (indicators counted per node, not in the trash).
#[must_use]
pub fn chain_problems<'a>(
    doc: &'a Doc,
    owner: &Id,
) -> (Vec<&'a ChainNode>, Vec<(usize, usize)>, Vec<Problem>) {
    let (nodes, edges) = chain_of(doc, owner);
    let measured: Vec<chain::Node> = nodes
        .iter()
        .map(|n| chain::Node {
            level: n.level().copied().unwrap_or(Level::Activity),
            indicators: doc
                .indicators
                .live()
                .filter_map(|i| kept(i.removed(), i))
                .filter(|i| i.node() == Some(&n.id))
                .count(),
        })
        .collect();
    let problems = chain::validate(&measured, &edges);
    (nodes, edges, problems)
}

/// A chain problem in words, the nodes named.
#[must_use]
pub fn problem_text(p: &Problem, nodes: &[&ChainNode], lang: Lang) -> String {
    let name = |i: &usize| {
        nodes
            .get(*i)
            .and_then(|n| n.title())
            .map_or_else(String::new, |t| match lang {
                Lang::Sv => format!("”{t}”"),
                Lang::En => format!("“{t}”"),
            })
    };
    match (p, lang) {
        (Problem::Backward { from, to }, Lang::Sv) => {
            format!(
                "Pilen från {} till {} går bakåt i kedjan.",
                name(from),
                name(to)
            )
        }
        (Problem::Backward { from, to }, Lang::En) => {
            format!(
                "The arrow from {} to {} goes backwards in the chain.",
                name(from),
                name(to)
            )
        }
        (Problem::Cycle(path), _) => {
            let names: Vec<String> = path.iter().map(name).collect();
            match lang {
                Lang::Sv => format!("Kedjan går i cirkel: {}.", names.join(" → ")),
                Lang::En => format!("The chain goes in a circle: {}.", names.join(" → ")),
            }
        }
        (Problem::NoIndicator(i), Lang::Sv) => format!("{} saknar indikator.", name(i)),
        (Problem::NoIndicator(i), Lang::En) => format!("{} has no indicator.", name(i)),
        (Problem::NoImpact(i), Lang::Sv) => {
            format!(
                "Aktiviteten {} leder inte till någon samhällspåverkan.",
                name(i)
            )
        }
        (Problem::NoImpact(i), Lang::En) => {
            format!("The activity {} leads to no impact.", name(i))
        }
        (Problem::Orphan(i), Lang::Sv) => format!("{} har inga pilar.", name(i)),
        (Problem::Orphan(i), Lang::En) => format!("{} has no arrows.", name(i)),
    }
}

/// An indicator's standing: its latest value, progress and whether it is off track.
#[must_use]
pub fn indicator_line(i: &Indicator, lang: Lang) -> IndicatorLine {
    let sv = lang == Lang::Sv;
    let series = i.series();
    let latest = series.last();
    let mut line = IndicatorLine {
        id: i.id.clone(),
        title: i.title().cloned().unwrap_or_default(),
        unit: i.unit().cloned().unwrap_or_default(),
        latest: latest.map(|(y, m)| (*y, m.value.show(lang))),
        progress: None,
        off_track: false,
        note: None,
    };
    let numeric = i.measure().is_none_or(|m| m.numeric());
    if !numeric {
        return line;
    }
    let (Some(base), Some(target)) = (i.baseline(), i.target()) else {
        return line;
    };
    let Some((year, m)) = latest else {
        return line;
    };
    match progress::progress(base.ratio(), target.ratio(), m.value.ratio()) {
        Ok(p) => {
            line.progress = Some(p.times(Ratio::int(100)).decimal(1, sv));
            let (by, ty) = (i.baseline_year().copied(), i.target_year().copied());
            if let (Some(by), Some(ty)) = (by, ty) {
                line.off_track = off_track(p, by, ty, *year).unwrap_or(false);
            }
        }
        Err(e) => line.note = Some(e.message(lang)),
    }
    line
}

/// The rules a project's fields set: the caps on the region's and the EU share, and 1:1
/// funds matched krona for krona by the region, Länsstyrelsen and municipalities.
#[must_use]
pub fn rules(p: &Project) -> Vec<(Rule, &'static str, &'static str)> {
    let mut out = Vec::new();
    if let Some(Some(cap)) = p.region_cap() {
        out.push((
            Rule::ShareAtMost {
                types: vec![FunderType::Region],
                cap: Ratio::new(i128::from(*cap), 100),
            },
            "Regionens andel",
            "The region's share",
        ));
    }
    if let Some(Some(cap)) = p.eu_cap() {
        out.push((
            Rule::ShareAtMost {
                types: vec![FunderType::Eu],
                cap: Ratio::new(i128::from(*cap), 100),
            },
            "EU-andelen",
            "The EU share",
        ));
    }
    if p.one_to_one() == Some(&true) {
        out.push((Rule::one_to_one(), "1:1-medlen", "The 1:1 funds"));
    }
    out
}

/// A project's financing: shares and what the checks found, in words.
#[must_use]
pub fn project_line(p: &Project, lang: Lang) -> ProjectLine {
    let lines = p.budget();
    let rules = rules(p);
    let plain: Vec<Rule> = rules.iter().map(|(r, _, _)| r.clone()).collect();
    let cost = p.cost().copied().unwrap_or(0);
    let findings = funding::check(cost, &lines, &plain)
        .into_iter()
        .map(|f| {
            let rule = match &f {
                Finding::CapBroken { rule, .. } | Finding::NotMatched { rule, .. } => rules
                    .get(*rule)
                    .map(|(_, sv, en)| if lang == Lang::Sv { *sv } else { *en }),
                _ => None,
            };
            match rule {
                Some(name) => format!("{name}: {}", f.message(lang)),
                None => f.message(lang),
            }
        })
        .collect();
    let shares = funding::shares(&lines)
        .into_iter()
        .map(|(t, sum, share)| {
            (
                t.label(lang).to_owned(),
                funding::kronor(sum, lang),
                share.times(Ratio::int(100)).decimal(1, lang == Lang::Sv),
            )
        })
        .collect();
    ProjectLine {
        id: p.id.clone(),
        title: p.title().cloned().unwrap_or_default(),
        cost: funding::kronor(cost, lang),
        shares,
        findings,
    }
}

/// The whole report of `doc`.
#[must_use]
pub fn report(doc: &Doc, lang: Lang) -> Report {
    let mut chains = Vec::new();
    let owners = doc
        .areas
        .live()
        .filter_map(|a| kept(a.removed(), (&a.id, a.title())))
        .chain(
            doc.projects
                .live()
                .filter_map(|p| kept(p.removed(), (&p.id, p.title()))),
        );
    for (id, title) in owners {
        let (nodes, edges, problems) = chain_problems(doc, id);
        if nodes.is_empty() {
            continue;
        }
        chains.push(ChainLine {
            owner: id.clone(),
            title: title.cloned().unwrap_or_default(),
            nodes: nodes.len(),
            edges: edges.len(),
            problems: problems
                .iter()
                .map(|p| problem_text(p, &nodes, lang))
                .collect(),
        });
    }
    let mut indicators: Vec<IndicatorLine> = doc
        .indicators
        .live()
        .filter_map(|i| kept(i.removed(), i))
        .map(|i| indicator_line(i, lang))
        .collect();
    crate::kernel::order::sort_by(&mut indicators, |a, b| {
        a.title.cmp(&b.title).then_with(|| a.id.cmp(&b.id))
    });
    let mut projects: Vec<ProjectLine> = doc
        .projects
        .live()
        .filter_map(|p| kept(p.removed(), p))
        .map(|p| project_line(p, lang))
        .collect();
    crate::kernel::order::sort_by(&mut projects, |a, b| {
        a.title.cmp(&b.title).then_with(|| a.id.cmp(&b.id))
    });
    Report {
        chains,
        indicators,
        projects,
        formulas: vec![PROGRESS, OFF_TRACK, funding::COFINANCING],
    }
}

impl Report {
    /// The indicators as CSV for Swedish Excel: title, unit, year, value, progress, off track.
    #[must_use]
    pub fn csv(&self, lang: Lang) -> String {
        let mut out = CsvOut::new();
        let head = match lang {
            Lang::Sv => [
                "Indikator",
                "Enhet",
                "År",
                "Utfall",
                "Måluppfyllelse (%)",
                "Ur kurs",
                "Anmärkning",
            ],
            Lang::En => [
                "Indicator",
                "Unit",
                "Year",
                "Actual",
                "Progress (%)",
                "Off track",
                "Note",
            ],
        };
        out.line(&head.map(str::to_owned));
        let yes = match lang {
            Lang::Sv => "ja",
            Lang::En => "yes",
        };
        for i in &self.indicators {
            out.line(&[
                cell(&i.title),
                cell(&i.unit),
                i.latest
                    .as_ref()
                    .map_or(String::new(), |(y, _)| y.to_string()),
                i.latest.as_ref().map_or(String::new(), |(_, v)| cell(v)),
                i.progress.clone().unwrap_or_default(),
                if i.off_track {
                    yes.to_owned()
                } else {
                    String::new()
                },
                cell(i.note.as_deref().unwrap_or("")),
            ]);
        }
        out.finish()
    }

    /// Plain text: the chains and their problems, the indicators, the projects' checks.
    #[must_use]
    pub fn text(&self, lang: Lang) -> String {
        let sv = lang == Lang::Sv;
        let mut s = String::new();
        for c in &self.chains {
            let count = |n: usize, one: (&str, &str), many: (&str, &str)| {
                let (o, m) = if sv { (one.0, many.0) } else { (one.1, many.1) };
                format!("{n} {}", if n == 1 { o } else { m })
            };
            s.push_str(&format!(
                "{}: {}, {}\n",
                c.title,
                count(c.nodes, ("nod", "node"), ("noder", "nodes")),
                count(c.edges, ("pil", "arrow"), ("pilar", "arrows"))
            ));
            if c.problems.is_empty() {
                s.push_str(if sv {
                    "  Inga problem.\n"
                } else {
                    "  No problems.\n"
                });
            }
            for p in &c.problems {
                s.push_str(&format!("  {p}\n"));
            }
        }
        for i in &self.indicators {
            let value = i.latest.as_ref().map_or_else(
                || {
                    if sv {
                        "inget utfall".to_owned()
                    } else {
                        "no value".to_owned()
                    }
                },
                |(y, v)| format!("{v} {} ({y})", i.unit),
            );
            let progress = match (&i.progress, &i.note) {
                (Some(p), _) => format!("{p} %"),
                (None, Some(n)) => n.clone(),
                (None, None) => "–".to_owned(),
            };
            let flag = if i.off_track {
                if sv { " — ur kurs" } else { " — off track" }
            } else {
                ""
            };
            s.push_str(&format!("{}: {value}; {progress}{flag}\n", i.title));
        }
        for p in &self.projects {
            s.push_str(&format!("{} ({}):", p.title, p.cost));
            for (t, sum, share) in &p.shares {
                s.push_str(&format!(" {t} {sum} ({share} %);"));
            }
            s.push('\n');
            if p.findings.is_empty() {
                s.push_str(if sv {
                    "  Finansieringen håller.\n"
                } else {
                    "  The financing holds.\n"
                });
            }
            for f in &p.findings {
                s.push_str(&format!("  {f}\n"));
            }
        }
        s.push_str(&format!(
            "{}: {}\n",
            if sv { "Formler" } else { "Formulas" },
            self.formulas.join(", ")
        ));
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn off_track_worked_by_hand() {
        // Emissions: baseline 1 000 (2019), target 600 (2030), 985 in 2021. Progress
        // (985 − 1000)/(600 − 1000) = 15/400 = 3/80 = 0.0375; the path expects 2/11 ≈ 0.182 by
        // 2021, less the slack 0.1 = 0.082 > 0.0375: off track.
        let p = Ratio::new(3, 80);
        assert_eq!(off_track(p, 2019, 2030, 2021), Some(true));
        // 75 % at the target year: 1 − 0.1 = 0.9 > 0.75: off track. 110 % (over-achieved): on.
        assert_eq!(off_track(Ratio::new(3, 4), 2020, 2022, 2022), Some(true));
        assert_eq!(off_track(Ratio::new(11, 10), 2020, 2022, 2022), Some(false));
        // Half way in time (2021 of 2020–2022) expects 1/2, floor 2/5: 2/5 is on track, just.
        assert_eq!(off_track(Ratio::new(2, 5), 2020, 2022, 2021), Some(false));
        assert_eq!(off_track(Ratio::new(39, 100), 2020, 2022, 2021), Some(true));
        // Moving away is off track even before the path expects anything (the baseline year).
        assert_eq!(off_track(Ratio::new(-1, 10), 2020, 2022, 2020), Some(true));
        // No path: the target year not after the baseline year.
        assert_eq!(off_track(Ratio::ZERO, 2022, 2022, 2022), None);
    }

    #[test]
    fn the_demo_report_worked_by_hand() {
        let d = crate::demo::demo_doc();
        let r = report(&d, Lang::Sv);
        // Area 1's chain: 9 nodes, 9 arrows (the tenth in the trash). Without the arrow from
        // the long-term outcome to the impact no activity reaches the impact (R4, three
        // activities) and the impact has no arrow left (an orphan).
        let area = &r.chains[0];
        assert_eq!((area.nodes, area.edges), (9, 9));
        assert_eq!(area.problems.len(), 4, "{:?}", area.problems);
        assert!(area.problems.iter().any(|p| {
            p.contains("”Hållbar regional utveckling i Jämtland Härjedalen” har inga pilar")
        }));
        // The share indicator: (62.5 − 10)/(80 − 10) = 52.5/70 = 75 % at the target year:
        // off track (below 90 %).
        let share = r
            .indicators
            .iter()
            .find(|i| i.title.starts_with("Andel"))
            .unwrap();
        assert_eq!(share.progress.as_deref(), Some("75,0"));
        assert!(share.off_track);
        // Decisions reporting conflicts: 44/40 = 110 %, on track.
        let cases = r
            .indicators
            .iter()
            .find(|i| i.title.starts_with("Beslut"))
            .unwrap();
        assert_eq!(
            (cases.progress.as_deref(), cases.off_track),
            (Some("110,0"), false)
        );
        // Miljö- och klimatråd: region 1 185 000 of 4 740 000 = 25 % ≤ 50 %; matched
        // 1 185 000 + 1 185 000 = 2 370 000 ≥ 1 × 2 370 000 of 1:1 funds: no finding.
        let mk = r
            .projects
            .iter()
            .find(|p| p.title.starts_with("Miljö"))
            .unwrap();
        assert!(mk.findings.is_empty(), "{:?}", mk.findings);
        assert_eq!(mk.cost, "4\u{a0}740\u{a0}000\u{a0}kr");
        // Vägar till hållbar utveckling: region 1 800 000 / 3 000 000 = 60 % > 50 %.
        let v = r
            .projects
            .iter()
            .find(|p| p.title.starts_with("Vägar"))
            .unwrap();
        assert_eq!(
            v.findings,
            vec!["Regionens andel: Andelen är 60,0 %, över taket 50,0 %.".to_owned()]
        );
        assert!(
            report(&d, Lang::En)
                .text(Lang::En)
                .contains("The region's share: The share is 60.0 %")
        );
        assert!(r.csv(Lang::Sv).starts_with("\u{feff}Indikator;Enhet;År"));
    }
}
