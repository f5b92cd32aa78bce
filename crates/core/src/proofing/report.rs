//! What the proofing shows and `vagval assess` prints, from the same functions: each
//! application's decisive assessment (the joint one, else the only one), its standing in a
//! comparison table across cases, the assessment memo (the reasoning, gate by gate, in Swedish
//! or English), and the portfolio of decided funds — the share of the granted kronor whose
//! decisive assessment passes (promotes the transition), by kind of support, goal,
//! municipality and inland or not.
use serde::Serialize;

use super::flags::{Flag, Reveals};
use super::records::{Application, Assessment, Decision, Support};
use super::rules::{Gate, Objective, Score, Standing as Gates, Verdict, Why};
use super::workflow::{Standing, standing, standing_in};
use crate::Doc;
use crate::actions::funding::kronor;
use std::collections::BTreeMap;

use crate::kernel::csv_out::{CsvOut, cell};
use crate::kernel::id::Id;
use crate::kernel::lang::Lang;
use crate::ratio::Ratio;

/// Formula id of the portfolio's share.
pub const PORTFOLIO: &str = "granted_kronor_passing_share_v1";

/// The live assessments by the application they assess, in one pass over the assessments (a
/// page of every application reads them from here, not one scan per application).
#[must_use]
pub fn by_application(doc: &Doc) -> BTreeMap<&Id, Vec<&Assessment>> {
    let mut m: BTreeMap<&Id, Vec<&Assessment>> = BTreeMap::new();
    for a in doc
        .assessments
        .live()
        .filter(|a| a.removed() != Some(&true))
    {
        if let Some(app) = a.application() {
            m.entry(app).or_default().push(a);
        }
    }
    m
}

/// Of one application's assessments `all`, the one that decides: the joint one (closed before
/// open, then by id), else the only assessment.
#[must_use]
pub fn decisive_of<'a>(all: &[&'a Assessment]) -> Option<&'a Assessment> {
    let joint = all
        .iter()
        .filter(|a| a.joint() == Some(&true))
        .max_by_key(|a| (a.closed() == Some(&true), &a.id));
    match (joint, all) {
        (Some(j), _) => Some(j),
        (None, [only]) => Some(only),
        _ => None,
    }
}

/// The assessment that decides `application` ([`decisive_of`] its assessments).
#[must_use]
pub fn decisive<'a>(doc: &'a Doc, application: &Id) -> Option<&'a Assessment> {
    let all: Vec<&Assessment> = doc
        .assessments
        .live()
        .filter(|a| a.removed() != Some(&true) && a.application() == Some(application))
        .collect();
    decisive_of(&all)
}

fn live_applications(doc: &Doc) -> Vec<&Application> {
    let mut v: Vec<&Application> = doc
        .applications
        .live()
        .filter(|a| a.removed() != Some(&true))
        .collect();
    crate::kernel::order::sort_by(&mut v, |a, b| (a.title(), &a.id).cmp(&(b.title(), &b.id)));
    v
}

/// One application in the comparison across cases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseRow {
    /// The application.
    pub id: Id,
    /// Its title.
    pub title: String,
    /// Its kind of support.
    pub support: Support,
    /// The amount applied for, kronor.
    pub amount: i64,
    /// How many assessments it has.
    pub assessments: usize,
    /// The decisive assessment, if there is one.
    pub assessment: Option<Id>,
    /// Its result.
    pub result: Option<Verdict>,
    /// Its score.
    pub score: Option<Score>,
    /// Flags, and those without a comment.
    pub flags: usize,
    /// Flags without a comment.
    pub open: usize,
    /// The decision.
    pub decision: Decision,
}

/// Every application (not in the trash), by title.
#[must_use]
pub fn cases(doc: &Doc) -> Vec<CaseRow> {
    let assessed = by_application(doc);
    let mut reveals = Reveals::default();
    live_applications(doc)
        .into_iter()
        .map(|app| {
            let of = assessed.get(&app.id).map_or(&[][..], Vec::as_slice);
            let all = of.len();
            let d = decisive_of(of);
            let s = d.and_then(|a| standing_in(doc, &mut reveals, &a.id));
            CaseRow {
                id: app.id.clone(),
                title: app.title().cloned().unwrap_or_default(),
                support: app.support().copied().unwrap_or_default(),
                amount: app.amount().copied().unwrap_or(0),
                assessments: all,
                assessment: d.map(|a| a.id.clone()),
                result: s.as_ref().map(|s| s.evaluation.result),
                score: s.as_ref().map(|s| s.evaluation.score.clone()),
                flags: s.as_ref().map_or(0, |s| s.flags.len()),
                open: s.as_ref().map_or(0, |s| s.open.len()),
                decision: app.decision().copied().unwrap_or_default(),
            }
        })
        .collect()
}

/// A score in words: "25 av 30 (83,3 %)", "2 av 2 prioriteringspunkter (krävs 2)".
#[must_use]
pub fn score_text(score: &Score, lang: Lang) -> String {
    let sv = lang == Lang::Sv;
    match score {
        Score::Weighted { sum, of, share, .. } => format!(
            "{sum} {} {of} ({} %)",
            if sv { "av" } else { "of" },
            share.times(Ratio::int(100)).decimal(1, sv)
        ),
        Score::Count { met, at_least, .. } => {
            if sv {
                format!("{met} prioriteringspunkter (krävs {at_least})")
            } else {
                format!("{met} priority points ({at_least} required)")
            }
        }
    }
}

/// The comparison across cases as CSV for Swedish Excel.
#[must_use]
pub fn cases_csv(rows: &[CaseRow], lang: Lang) -> String {
    let mut out = CsvOut::new();
    let head = match lang {
        Lang::Sv => [
            "Ansökan",
            "Stödform",
            "Sökt belopp (kr)",
            "Bedömningar",
            "Resultat",
            "Poäng",
            "Flaggor",
            "Utan kommentar",
            "Beslut",
        ],
        Lang::En => [
            "Application",
            "Kind of support",
            "Amount applied for (SEK)",
            "Assessments",
            "Result",
            "Score",
            "Flags",
            "Without a comment",
            "Decision",
        ],
    };
    out.line(&head.map(str::to_owned));
    for r in rows {
        out.line(&[
            cell(&r.title),
            r.support.label(lang).to_owned(),
            r.amount.to_string(),
            r.assessments.to_string(),
            r.result.map(|v| cell(&v.label(lang))).unwrap_or_default(),
            r.score
                .as_ref()
                .map(|s| cell(&score_text(s, lang)))
                .unwrap_or_default(),
            r.flags.to_string(),
            r.open.to_string(),
            r.decision.label(lang).to_owned(),
        ]);
    }
    out.finish()
}

fn goal_name(doc: &Doc, id: &Id) -> String {
    doc.goals
        .get(id)
        .map(crate::conflicts::goal::Goal::display)
        .unwrap_or_default()
}

/// A flag in words, goals named.
#[must_use]
pub fn flag_text(doc: &Doc, flag: &Flag, lang: Lang) -> String {
    let g = |id: &Id| goal_name(doc, id);
    let sv = lang == Lang::Sv;
    match flag {
        Flag::Conflict { from, to, score } => {
            let s = crate::conflicts::case::signed(i64::from(*score));
            if sv {
                format!("Målkonflikt: att främja {} motverkar {} ({s}).", g(from), g(to))
            } else {
                format!("Goal conflict: advancing {} works against {} ({s}).", g(from), g(to))
            }
        }
        Flag::Path {
            from,
            via,
            to,
            impact,
        } => {
            let s = crate::conflicts::case::signed(*impact);
            if sv {
                format!(
                    "Indirekt målkonflikt: {} → {} → {} ({s}).",
                    g(from),
                    g(via),
                    g(to)
                )
            } else {
                format!(
                    "Indirect goal conflict: {} → {} → {} ({s}).",
                    g(from),
                    g(via),
                    g(to)
                )
            }
        }
        Flag::Sami => if sv {
            "Kan vara av särskild betydelse för samerna: samråd behövs före beslut (lag 2022:66)."
        } else {
            "May be of particular importance to the Sami: a consultation is needed before the decision (Act 2022:66)."
        }
        .to_owned(),
        Flag::KnowledgeGap => if sv {
            "Kunskapslucka."
        } else {
            "Knowledge gap."
        }
        .to_owned(),
    }
}

fn why_text(a: &Assessment, why: &Why, lang: Lang) -> String {
    let sv = lang == Lang::Sv;
    let criteria = a.criteria().cloned().unwrap_or_default();
    let named = |gate: Gate, index: usize| {
        let list = if gate == Gate::Formal {
            &criteria.formal
        } else {
            &criteria.regional
        };
        list.get(index).cloned().unwrap_or_default()
    };
    match why {
        Why::NotMet { gate, index } => {
            format!(
                "{}: {}",
                named(*gate, *index),
                if sv { "uppfylls inte" } else { "not met" }
            )
        }
        Why::Unanswered { gate, index } => {
            format!(
                "{}: {}",
                named(*gate, *index),
                if sv { "inte besvarat" } else { "not answered" }
            )
        }
        Why::Harm { objective } => format!(
            "{}: {}",
            objective.label(lang),
            if sv {
                "betydande skada"
            } else {
                "significant harm"
            }
        ),
        Why::NotAssessed { objective } => format!(
            "{}: {}",
            objective.label(lang),
            if sv { "inte bedömt" } else { "not assessed" }
        ),
        Why::NoJustification { objective } => format!(
            "{}: {}",
            objective.label(lang),
            if sv {
                "motivering saknas"
            } else {
                "justification missing"
            }
        ),
        Why::TooFewPartly { reached, needed } => {
            if sv {
                format!("{reached} av de horisontella kriterierna når minst delvis; {needed} krävs")
            } else {
                format!(
                    "{reached} of the horizontal criteria reach at least partly; {needed} required"
                )
            }
        }
    }
}

/// The assessment memo: a title and sections of lines, printable in Swedish or English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Memo {
    /// "Hållbarhetssäkring: <application>".
    pub title: String,
    /// (heading, lines).
    pub sections: Vec<(String, Vec<String>)>,
}

impl Memo {
    /// The memo as plain text.
    #[must_use]
    pub fn text(&self) -> String {
        let mut s = format!("{}\n", self.title);
        for (h, lines) in &self.sections {
            s.push_str(&format!("\n{h}\n"));
            for l in lines {
                s.push_str(&format!("- {l}\n"));
            }
        }
        s
    }
}

/// The memo of assessment `id` (`None` when it or its application is missing).
#[must_use]
pub fn memo(doc: &Doc, id: &Id, lang: Lang) -> Option<Memo> {
    let a = doc.assessments.get(id)?;
    let app = doc.applications.get(a.application()?)?;
    let Standing {
        evaluation: e,
        flags,
        open,
    } = standing(doc, id)?;
    let sv = lang == Lang::Sv;
    let t = |s: &'static str, e: &'static str| if sv { s } else { e }.to_owned();
    let mut sections = Vec::new();
    let template = a
        .template()
        .and_then(|t| doc.templates.get(t))
        .and_then(|t| t.name().cloned())
        .unwrap_or_default();
    sections.push((
        t("Ansökan", "Application"),
        vec![
            format!(
                "{}: {}",
                t("Sökande", "Applicant"),
                app.applicant().cloned().unwrap_or_default()
            ),
            format!(
                "{}: {}",
                t("Stödform", "Kind of support"),
                app.support().copied().unwrap_or_default().label(lang)
            ),
            format!(
                "{}: {}",
                t("Sökt belopp", "Amount applied for"),
                kronor(app.amount().copied().unwrap_or(0), lang)
            ),
            format!(
                "{}: {}{}",
                t("Kommun", "Municipality"),
                app.municipality().cloned().unwrap_or_default(),
                if app.inland() == Some(&true) {
                    t(" (inlandskommun)", " (inland)")
                } else {
                    String::new()
                }
            ),
            format!(
                "{}: {} {} {}",
                t("Bedömd av", "Assessed by"),
                a.assessor().cloned().unwrap_or_default(),
                t("med kriteriemallen", "with the criteria template"),
                format!("{template} v{}", a.version().copied().unwrap_or(1))
            ),
        ],
    ));
    sections.push((
        t("Resultat", "Result"),
        vec![e.result.label(lang), score_text(&e.score, lang)],
    ));
    for g in &e.gates {
        let standing = match (g.standing, sv) {
            (Gates::Pass, true) => "godkänd",
            (Gates::Pass, false) => "passed",
            (Gates::Fail, true) => "underkänd",
            (Gates::Fail, false) => "failed",
            (Gates::Incomplete, true) => "ofullständig",
            (Gates::Incomplete, false) => "incomplete",
        };
        let answers = a.answers().cloned().unwrap_or_default();
        let justified = |o: &Objective| {
            Objective::ALL
                .iter()
                .position(|x| x == o)
                .and_then(|k| answers.dnsh.get(k))
                .is_some_and(|(_, why)| !why.trim().is_empty())
        };
        // A harm with its evidence is said once, in the answers below.
        let mut lines: Vec<String> = g
            .why
            .iter()
            .filter(|w| !matches!(w, Why::Harm { objective } if justified(objective)))
            .map(|w| why_text(a, w, lang))
            .collect();
        if g.gate == Gate::Horizontal {
            lines.extend(e.horizontal.iter().map(|h| {
                format!(
                    "{}: {} ({} {} 3)",
                    h.criterion.label(lang),
                    h.level.label(lang),
                    h.met,
                    t("av", "of")
                )
            }));
            if e.one_of_three_decides {
                lines.push(t(
                    "Varning: att ett villkor av tre räknas enligt mallens regel avgör kriteriet (källan anger inte fallet).",
                    "Warning: counting one condition of three by the template's rule decides the criterion (the source leaves the case open).",
                ));
            }
        }
        if g.gate == Gate::Dnsh {
            for (k, o) in Objective::ALL.into_iter().enumerate() {
                if let Some((ans, why)) = answers.dnsh.get(k)
                    && !why.trim().is_empty()
                {
                    lines.push(format!("{}: {} – {why}", o.label(lang), ans.label(lang)));
                }
            }
        }
        sections.push((format!("{} – {standing}", g.gate.label(lang)), lines));
    }
    let comments = a.comment_map();
    let flag_lines: Vec<String> = flags
        .iter()
        .map(|f| {
            let c = comments
                .get(&f.key())
                .filter(|c| !c.trim().is_empty())
                .map_or_else(|| t("(ingen kommentar)", "(no comment)"), Clone::clone);
            format!(
                "{} {}: {c}",
                flag_text(doc, f, lang),
                t("Ställningstagande", "Position")
            )
        })
        .collect();
    if !flag_lines.is_empty() {
        sections.push((
            format!(
                "{} ({} {})",
                t("Flaggor", "Flags"),
                open.len(),
                t("utan kommentar", "without a comment")
            ),
            flag_lines,
        ));
    }
    let mut rest = Vec::new();
    if let Some(stop) = a.stop().copied().flatten() {
        rest.push(format!(
            "{}: {} – {}",
            t("Hållplats", "Checkpoint"),
            stop.label(lang),
            a.stop_reason().cloned().unwrap_or_default()
        ));
    }
    if let Some(s) = a.summary().filter(|s| !s.trim().is_empty()) {
        rest.push(s.clone());
    }
    if a.joint() == Some(&true) {
        let names: Vec<String> = a
            .sources()
            .into_iter()
            .flatten()
            .filter_map(|s| doc.assessments.get(s))
            .filter_map(|s| s.assessor().cloned())
            .collect();
        if !names.is_empty() {
            rest.push(format!(
                "{}: {}",
                t("Gemensam bedömning av", "Joint assessment of"),
                names.join(", ")
            ));
        }
    }
    if !rest.is_empty() {
        sections.push((t("Samlad bedömning", "Overall assessment"), rest));
    }
    Some(Memo {
        title: format!(
            "{}: {}",
            t("Hållbarhetssäkring", "Sustainability-proofing"),
            app.title().cloned().unwrap_or_default()
        ),
        sections,
    })
}

/// One group of the portfolio: granted kronor, of them those whose decisive assessment
/// passes, and that share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Share {
    /// The group's name.
    pub group: String,
    /// Granted kronor.
    pub granted: i64,
    /// Of them, promoting the transition (the decisive assessment passes).
    pub promoting: i64,
    /// `promoting / granted` (0 when nothing was granted).
    pub share: Ratio,
}

/// The portfolio of decided funds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Portfolio {
    /// Every granted application together.
    pub total: Share,
    /// By kind of support.
    pub by_support: Vec<Share>,
    /// By targeted goal (an application targeting two goals counts for each).
    pub by_goal: Vec<Share>,
    /// By municipality.
    pub by_municipality: Vec<Share>,
    /// Inland municipalities, others.
    pub by_inland: Vec<Share>,
    /// The rule.
    pub formula: &'static str,
}

fn share(group: String, granted: i64, promoting: i64) -> Share {
    Share {
        group,
        granted,
        promoting,
        share: if granted == 0 {
            Ratio::int(0)
        } else {
            Ratio::new(i128::from(promoting), i128::from(granted))
        },
    }
}

/// The portfolio: granted applications (not in the trash), their granted kronor, and the
/// share whose decisive assessment passes.
///
/// Worked example (the demo): granted are Miljö- och klimatråd, 1 185 000 kr, whose joint
/// assessment passes — 1 185 000 of 1 185 000 = 100 %; the lift was refused and the others are
/// not decided, so they do not count.
#[must_use]
pub fn portfolio(doc: &Doc, lang: Lang) -> Portfolio {
    use std::collections::BTreeMap;
    let sv = lang == Lang::Sv;
    let mut total = (0i64, 0i64);
    let mut support: BTreeMap<Support, (i64, i64)> = BTreeMap::new();
    let mut goal: BTreeMap<String, (i64, i64)> = BTreeMap::new();
    let mut municipality: BTreeMap<String, (i64, i64)> = BTreeMap::new();
    let mut inland: BTreeMap<bool, (i64, i64)> = BTreeMap::new();
    let assessed = by_application(doc);
    let mut reveals = Reveals::default();
    for app in live_applications(doc) {
        if app.decision() != Some(&Decision::Granted) {
            continue;
        }
        let granted = app.granted().copied().unwrap_or(0);
        let passes = decisive_of(assessed.get(&app.id).map_or(&[][..], Vec::as_slice))
            .and_then(|a| standing_in(doc, &mut reveals, &a.id))
            .is_some_and(|s| s.evaluation.result == Verdict::Passes);
        let promoting = if passes { granted } else { 0 };
        let add = |e: &mut (i64, i64)| {
            e.0 = e.0.saturating_add(granted);
            e.1 = e.1.saturating_add(promoting);
        };
        add(&mut total);
        add(support
            .entry(app.support().copied().unwrap_or_default())
            .or_default());
        for g in app.goals().into_iter().flatten() {
            add(goal.entry(goal_name(doc, g)).or_default());
        }
        add(municipality
            .entry(app.municipality().cloned().unwrap_or_default())
            .or_default());
        add(inland.entry(app.inland() == Some(&true)).or_default());
    }
    let rows = |m: BTreeMap<String, (i64, i64)>| {
        m.into_iter()
            .map(|(k, (g, p))| share(k, g, p))
            .collect::<Vec<_>>()
    };
    Portfolio {
        total: share(
            if sv { "Alla beviljade" } else { "All granted" }.to_owned(),
            total.0,
            total.1,
        ),
        by_support: support
            .into_iter()
            .map(|(k, (g, p))| share(k.label(lang).to_owned(), g, p))
            .collect(),
        by_goal: rows(goal),
        by_municipality: rows(municipality),
        by_inland: inland
            .into_iter()
            .rev()
            .map(|(k, (g, p))| {
                let name = match (k, sv) {
                    (true, true) => "Inlandskommuner",
                    (true, false) => "Inland municipalities",
                    (false, true) => "Övriga kommuner",
                    (false, false) => "Other municipalities",
                };
                share(name.to_owned(), g, p)
            })
            .collect(),
        formula: PORTFOLIO,
    }
}

impl Portfolio {
    /// Every group as CSV for Swedish Excel: grouping, group, granted, promoting, share (%).
    #[must_use]
    pub fn csv(&self, lang: Lang) -> String {
        let sv = lang == Lang::Sv;
        let mut out = CsvOut::new();
        out.line(
            &if sv {
                [
                    "Indelning",
                    "Grupp",
                    "Beviljat (kr)",
                    "Omställningsfrämjande (kr)",
                    "Andel (%)",
                ]
            } else {
                [
                    "Grouping",
                    "Group",
                    "Granted (SEK)",
                    "Promoting the transition (SEK)",
                    "Share (%)",
                ]
            }
            .map(str::to_owned),
        );
        let groups: [(&str, &str, &[Share]); 5] = [
            ("Totalt", "Total", std::slice::from_ref(&self.total)),
            ("Stödform", "Kind of support", &self.by_support),
            ("Mål", "Goal", &self.by_goal),
            ("Kommun", "Municipality", &self.by_municipality),
            ("Inland", "Inland", &self.by_inland),
        ];
        for (s, e, rows) in groups {
            for r in rows {
                out.line(&[
                    if sv { s } else { e }.to_owned(),
                    cell(&r.group),
                    r.granted.to_string(),
                    r.promoting.to_string(),
                    r.share.times(Ratio::int(100)).decimal(1, sv),
                ]);
            }
        }
        out.finish()
    }
}

/// What `vagval assess` prints as JSON: the cases, and each decisive assessment's memo.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Assess {
    /// The comparison across cases.
    pub cases: Vec<CaseRow>,
    /// The memos of the decisive assessments, by application.
    pub memos: Vec<Memo>,
    /// The portfolio.
    pub portfolio: Portfolio,
}

/// The cases, memos and portfolio of `doc`, or only `case`'s row and memo.
#[must_use]
pub fn assess(doc: &Doc, case: Option<&Id>, lang: Lang) -> Assess {
    let cases: Vec<CaseRow> = cases(doc)
        .into_iter()
        .filter(|r| case.is_none_or(|c| *c == r.id))
        .collect();
    let memos = cases
        .iter()
        .filter_map(|r| r.assessment.as_ref().and_then(|a| memo(doc, a, lang)))
        .collect();
    Assess {
        cases,
        memos,
        portfolio: portfolio(doc, lang),
    }
}

impl Assess {
    /// Plain text: each case's memo (or that it has no decisive assessment), then the
    /// portfolio.
    #[must_use]
    pub fn text(&self, lang: Lang) -> String {
        let sv = lang == Lang::Sv;
        let mut s = String::new();
        for r in &self.cases {
            if r.assessment.is_none() {
                s.push_str(&format!(
                    "{}: {}\n\n",
                    r.title,
                    if sv {
                        "ingen avgörande bedömning (ingen gemensam, eller ingen alls)"
                    } else {
                        "no decisive assessment (no joint one, or none at all)"
                    }
                ));
            }
        }
        for m in &self.memos {
            s.push_str(&m.text());
            s.push('\n');
        }
        let p = &self.portfolio;
        s.push_str(&format!(
            "{}: {} {} {} ({} %)\n",
            if sv { "Portfölj" } else { "Portfolio" },
            kronor(p.total.promoting, lang),
            if sv { "av" } else { "of" },
            kronor(p.total.granted, lang),
            p.total.share.times(Ratio::int(100)).decimal(1, sv)
        ));
        s
    }
}

#[cfg(test)]
mod tests {
    use super::super::demo::demo_id;
    use super::*;

    #[test]
    fn the_demo_cases_side_by_side() {
        let d = crate::demo::demo_doc();
        let rows = cases(&d);
        let by = |t: &str| rows.iter().find(|r| r.title.starts_with(t)).unwrap();
        // The lift: 30 of 30 and yet it fails on DNSH.
        let lift = by("Ny stollift");
        assert_eq!(lift.result, Some(Verdict::FailsGate { gate: Gate::Dnsh }));
        assert_eq!(
            score_text(lift.score.as_ref().unwrap(), Lang::Sv),
            "30 av 30 (100,0 %)"
        );
        // The shop: two individual assessments, no joint one — nothing decides yet.
        let shop = by("Bybutiken");
        assert_eq!((shop.assessments, shop.assessment.clone()), (2, None));
        // Charging: 3·4 + 2·5 + 1·3 = 25 of 30 = 83,3 %; its conflict flags are open.
        let charging = by("Laddinfrastruktur");
        assert_eq!(
            score_text(charging.score.as_ref().unwrap(), Lang::Sv),
            "25 av 30 (83,3 %)"
        );
        assert!(charging.open > 0 && charging.open == charging.flags);
        let csv = cases_csv(&rows, Lang::Sv);
        assert!(csv.contains("Underkänd: Ingen betydande skada (DNSH)"));
    }

    #[test]
    fn the_memo_gives_the_reasoning_gate_by_gate() {
        let d = crate::demo::demo_doc();
        let m = memo(&d, &demo_id(0x201), Lang::Sv).unwrap();
        let text = m.text();
        assert!(text.starts_with("Hållbarhetssäkring: Ny stollift och utbyggda nedfarter"));
        assert!(text.contains("Underkänd: Ingen betydande skada (DNSH)"));
        assert!(text.contains(
            "Biologisk mångfald och ekosystem: Betydande skada – Nedfarterna kräver avverkning"
        ));
        assert_eq!(
            text.matches("Biologisk mångfald och ekosystem").count(),
            1,
            "said once"
        );
        assert!(text.contains("Hållplats: Avsluta"));
        let en = memo(&d, &demo_id(0x201), Lang::En).unwrap().text();
        assert!(en.contains("Biodiversity and ecosystems: Significant harm"));
        // The Sami flag of Miljö- och klimatråd with its comment.
        let m = memo(&d, &demo_id(0x204), Lang::Sv).unwrap().text();
        assert!(m.contains("samråd behövs före beslut"), "{m}");
        assert!(m.contains("Samråd med Sametinget före beslut"));
    }

    #[test]
    fn the_portfolio_worked_by_hand() {
        let mut d = crate::demo::demo_doc();
        // Only Miljö- och klimatråd is granted: 1 185 000 of 1 185 000 kr, 100 %.
        let p = portfolio(&d, Lang::Sv);
        assert_eq!((p.total.granted, p.total.promoting), (1_185_000, 1_185_000));
        assert_eq!(p.total.share, Ratio::int(1));
        // The lift granted 2 500 000 anyway: it fails DNSH, so 1 185 000 of 3 685 000
        // = 237/737 ≈ 32,2 % promotes the transition.
        let lift = d.applications.0.get_mut(&demo_id(0x11)).unwrap();
        lift.decision = crate::demo::module_reg(Decision::Granted);
        lift.granted = crate::demo::module_reg(2_500_000);
        let p = portfolio(&d, Lang::Sv);
        assert_eq!((p.total.granted, p.total.promoting), (3_685_000, 1_185_000));
        assert_eq!(p.total.share, Ratio::new(237, 737));
        assert!(
            p.csv(Lang::Sv)
                .contains("Totalt;Alla beviljade;3685000;1185000;32,2")
        );
        // Both are in inland municipalities? Östersund is not: inland 0 of 2 500 000.
        let inland = p
            .by_inland
            .iter()
            .find(|s| s.group == "Inlandskommuner")
            .unwrap();
        assert_eq!((inland.granted, inland.promoting), (2_500_000, 0));
        // One case only, with --case.
        let one = assess(&d, Some(&demo_id(0x11)), Lang::Sv);
        assert_eq!(one.cases.len(), 1);
        assert_eq!(one.memos.len(), 1);
    }
}
