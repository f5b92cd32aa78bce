//! The rule engine of a sustainability-proofing (DOMAIN §7.2): gates first, then a score; no
//! score can compensate for a failed gate.
//!
//! 1. **Formal requirements**: every requirement of the template met.
//! 2. **DNSH**: the six objectives of Art. 9, each screened out with a written justification or
//!    assessed as no significant harm with its evidence; one `harm` fails the case,
//!    `not_assessed` or a missing justification leaves it incomplete.
//! 3. **Horizontal criteria**: environment, gender equality, equal opportunities — each judged
//!    against its three conditions: 3 met = *aktivt*, 2 = *delvis*, 0 = *inte*. One of three is
//!    not defined by the source (OPEN-23): the template decides it (by default *inte*) and a
//!    warning is shown when that decision decides the case. The gate passes when at least
//!    `min_partly` criteria reach *delvis* (regional structural-fund programmes: 2).
//! 4. **Regional gates**: each met (e.g. Västerbotten: jämställdhetsintegrerat).
//!
//! Then the **score**: a weighted sum `Σ wᵢ·sᵢ / Σ wᵢ·max` (integer weights, exact fraction),
//! passing at `pass_at` percent if the template sets one; or a **count rule**: prioritised when
//! at least `k` of the `n` priority points are met.
use serde::{Deserialize, Serialize};

use crate::kernel::lang::Lang;
use crate::ratio::Ratio;

/// Formula id of the evaluation.
pub const FORMULA: &str = "gates_formal_dnsh_horizontal_regional_then_score_v1";

/// The most requirements, regional gates, criteria or points a template holds.
pub const LIST_MAX: usize = 30;

/// The highest score a weighted criterion can have.
pub const SCALE_MAX: u8 = 10;

/// The highest weight of a criterion.
pub const WEIGHT_MAX: u8 = 100;

/// The six environmental objectives of Art. 9 of the Taxonomy Regulation, in its order.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Objective {
    /// Climate change mitigation.
    #[default]
    Mitigation,
    /// Climate change adaptation.
    Adaptation,
    /// Water and marine resources.
    Water,
    /// The circular economy.
    Circular,
    /// Pollution prevention and control.
    Pollution,
    /// Biodiversity and ecosystems.
    Biodiversity,
}

impl Objective {
    /// The six, in the regulation's order.
    pub const ALL: [Self; 6] = [
        Self::Mitigation,
        Self::Adaptation,
        Self::Water,
        Self::Circular,
        Self::Pollution,
        Self::Biodiversity,
    ];

    /// Its name.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Mitigation, Lang::Sv) => "Begränsning av klimatförändringar",
            (Self::Mitigation, Lang::En) => "Climate change mitigation",
            (Self::Adaptation, Lang::Sv) => "Klimatanpassning",
            (Self::Adaptation, Lang::En) => "Climate change adaptation",
            (Self::Water, Lang::Sv) => "Vatten och marina resurser",
            (Self::Water, Lang::En) => "Water and marine resources",
            (Self::Circular, Lang::Sv) => "Cirkulär ekonomi",
            (Self::Circular, Lang::En) => "Circular economy",
            (Self::Pollution, Lang::Sv) => "Förebyggande av föroreningar",
            (Self::Pollution, Lang::En) => "Pollution prevention and control",
            (Self::Biodiversity, Lang::Sv) => "Biologisk mångfald och ekosystem",
            (Self::Biodiversity, Lang::En) => "Biodiversity and ecosystems",
        }
    }
}

/// One DNSH answer (guidance 2021/C 58/01).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Dnsh {
    /// Not answered yet.
    #[default]
    NotAssessed,
    /// Screened out: no or insignificant foreseeable impact, a 100 % climate coefficient or a
    /// substantial contribution (needs a justification).
    ScreenedOut,
    /// Assessed: no significant harm (needs its evidence).
    NoSignificantHarm,
    /// Significant harm: the case fails.
    Harm,
}

impl Dnsh {
    /// Every answer, in the order forms offer them.
    pub const ALL: [Self; 4] = [
        Self::NotAssessed,
        Self::ScreenedOut,
        Self::NoSignificantHarm,
        Self::Harm,
    ];

    /// Its name.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::NotAssessed, Lang::Sv) => "Inte bedömt",
            (Self::NotAssessed, Lang::En) => "Not assessed",
            (Self::ScreenedOut, Lang::Sv) => "Bortsållat med motivering",
            (Self::ScreenedOut, Lang::En) => "Screened out with a justification",
            (Self::NoSignificantHarm, Lang::Sv) => "Ingen betydande skada",
            (Self::NoSignificantHarm, Lang::En) => "No significant harm",
            (Self::Harm, Lang::Sv) => "Betydande skada",
            (Self::Harm, Lang::En) => "Significant harm",
        }
    }
}

/// The three horizontal criteria (Tillväxtverket), in their order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Horizontal {
    /// Miljö.
    Environment,
    /// Jämställdhet.
    GenderEquality,
    /// Lika möjligheter och icke-diskriminering.
    EqualOpportunities,
}

impl Horizontal {
    /// The three, in order.
    pub const ALL: [Self; 3] = [
        Self::Environment,
        Self::GenderEquality,
        Self::EqualOpportunities,
    ];

    /// Its name.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Environment, Lang::Sv) => "Miljö",
            (Self::Environment, Lang::En) => "Environment",
            (Self::GenderEquality, Lang::Sv) => "Jämställdhet",
            (Self::GenderEquality, Lang::En) => "Gender equality",
            (Self::EqualOpportunities, Lang::Sv) => "Lika möjligheter och icke-diskriminering",
            (Self::EqualOpportunities, Lang::En) => "Equal opportunities and non-discrimination",
        }
    }

    /// The three conditions each criterion is judged against, in order.
    #[must_use]
    pub const fn conditions(lang: Lang) -> [&'static str; 3] {
        match lang {
            Lang::Sv => [
                "Beskrivningen förklarar hur kriteriet är ett verktyg för syftet",
                "Aktiviteter och kostnader visar hur det ska användas",
                "Uppföljningen visar hur det användes och med vilket resultat",
            ],
            Lang::En => [
                "The description explains how the criterion is a tool for the aim",
                "Activities and costs show how it will be used",
                "The follow-up shows how it was used and with what result",
            ],
        }
    }
}

/// How far a horizontal criterion is integrated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Inte (0 of 3 conditions).
    #[default]
    Not,
    /// Delvis (2 of 3).
    Partly,
    /// Aktivt (3 of 3).
    Actively,
}

impl Level {
    /// Its name.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Not, Lang::Sv) => "inte",
            (Self::Not, Lang::En) => "not",
            (Self::Partly, Lang::Sv) => "delvis",
            (Self::Partly, Lang::En) => "partly",
            (Self::Actively, Lang::Sv) => "aktivt",
            (Self::Actively, Lang::En) => "actively",
        }
    }
}

/// A weighted criterion of the score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Criterion {
    /// Its name ("Bidrar till RUS-målen").
    pub name: String,
    /// Its weight, `0..=100`.
    pub weight: u8,
}

/// How a case is scored once it passes the gates (externally tagged, `{"weighted": {…}}`, as
/// a round's method is: an internally tagged enum would cost the first download serde's
/// buffering code).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Scoring {
    /// A weighted sum: each criterion scored `0..=max`.
    Weighted {
        /// The criteria with their weights.
        criteria: Vec<Criterion>,
        /// The highest score, `1..=10`.
        max: u8,
        /// The share of the highest sum that passes, in percent (`None`: the score is only
        /// shown).
        pass_at: Option<u8>,
    },
    /// At least `at_least` of the priority points met (Länsstyrelsen Västerbotten: 2 of 12).
    Count {
        /// The priority points.
        points: Vec<String>,
        /// How many must be met.
        at_least: u8,
    },
}

/// The criteria of a template: what a case is assessed against. A copy is stored with every
/// assessment that used them, so a later change of the template never changes a stored
/// assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Criteria {
    /// Gate 1: the formal requirements.
    pub formal: Vec<String>,
    /// Gate 3: how many horizontal criteria must reach at least *delvis*, `0..=3`.
    pub min_partly: u8,
    /// Gate 3: what one condition of three counts as (the source leaves it open, OPEN-23).
    pub one_of_three: Level,
    /// Gate 4: the region's own gates.
    pub regional: Vec<String>,
    /// The score after the gates.
    pub scoring: Scoring,
}

impl Default for Criteria {
    /// No requirements or gates, two horizontal criteria at *delvis* (the regional
    /// programmes' rule), one of three counted as *inte*, and a score without criteria.
    fn default() -> Self {
        Self {
            formal: Vec::new(),
            min_partly: 2,
            one_of_three: Level::Not,
            regional: Vec::new(),
            scoring: Scoring::Weighted {
                criteria: Vec::new(),
                max: 5,
                pass_at: None,
            },
        }
    }
}

/// What one assessor answered.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Answers {
    /// Each formal requirement met (`None`: not answered).
    pub formal: Vec<Option<bool>>,
    /// The six DNSH answers in [`Objective::ALL`]'s order, each with its justification or
    /// evidence.
    pub dnsh: Vec<(Dnsh, String)>,
    /// Each horizontal criterion's three conditions met, in [`Horizontal::ALL`]'s order.
    pub horizontal: Vec<[bool; 3]>,
    /// Each regional gate met.
    pub regional: Vec<Option<bool>>,
    /// Each weighted criterion's score (`None`: not scored).
    pub scores: Vec<Option<u8>>,
    /// Each priority point met.
    pub points: Vec<bool>,
}

/// A gate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Gate {
    /// Gate 1.
    Formal,
    /// Gate 2.
    Dnsh,
    /// Gate 3.
    Horizontal,
    /// Gate 4.
    Regional,
}

impl Gate {
    /// The four, in the order they are applied.
    pub const ALL: [Self; 4] = [Self::Formal, Self::Dnsh, Self::Horizontal, Self::Regional];

    /// Its name.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Formal, Lang::Sv) => "Formella krav",
            (Self::Formal, Lang::En) => "Formal requirements",
            (Self::Dnsh, Lang::Sv) => "Ingen betydande skada (DNSH)",
            (Self::Dnsh, Lang::En) => "Do no significant harm (DNSH)",
            (Self::Horizontal, Lang::Sv) => "Horisontella kriterier",
            (Self::Horizontal, Lang::En) => "Horizontal criteria",
            (Self::Regional, Lang::Sv) => "Regionala krav",
            (Self::Regional, Lang::En) => "Regional requirements",
        }
    }
}

/// Where a gate stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// Every answer holds.
    Pass,
    /// An answer fails it.
    Fail,
    /// Nothing fails it, but an answer is missing.
    Incomplete,
}

/// Why a gate stands where it does: one line per answer that fails it or is missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "why")]
pub enum Why {
    /// Formal requirement or regional gate `index` not met.
    NotMet {
        /// Which list.
        gate: Gate,
        /// Its index in the template.
        index: usize,
    },
    /// Formal requirement or regional gate `index` not answered.
    Unanswered {
        /// Which list.
        gate: Gate,
        /// Its index.
        index: usize,
    },
    /// A DNSH objective with significant harm.
    Harm {
        /// The objective.
        objective: Objective,
    },
    /// A DNSH objective not assessed.
    NotAssessed {
        /// The objective.
        objective: Objective,
    },
    /// A DNSH objective screened out or cleared without a written justification.
    NoJustification {
        /// The objective.
        objective: Objective,
    },
    /// Fewer horizontal criteria reach *delvis* than the template asks.
    TooFewPartly {
        /// How many reach it.
        reached: u8,
        /// How many must.
        needed: u8,
    },
}

/// One gate's outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GateOutcome {
    /// Which.
    pub gate: Gate,
    /// Pass, fail or incomplete.
    pub standing: Standing,
    /// What fails it or is missing.
    pub why: Vec<Why>,
}

/// The score after the gates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "rule")]
pub enum Score {
    /// `Σ wᵢ·sᵢ` of `Σ wᵢ·max`, as an exact share; `passes` when a pass mark is set.
    Weighted {
        /// The weighted sum.
        sum: u32,
        /// The highest possible sum.
        of: u32,
        /// `sum / of` (0 when `of` is 0).
        share: Ratio,
        /// Reaches the pass mark (`None`: none set).
        passes: Option<bool>,
        /// Criteria not scored yet (counted as 0).
        unscored: usize,
    },
    /// `met` of the points; `prioritised` when `met ≥ at_least`.
    Count {
        /// Points met.
        met: u8,
        /// How many must be.
        at_least: u8,
        /// `met ≥ at_least`.
        prioritised: bool,
    },
}

/// A horizontal criterion's level, with whether the template's rule for one of three set it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct HorizontalLevel {
    /// The criterion.
    pub criterion: Horizontal,
    /// Conditions met, `0..=3`.
    pub met: u8,
    /// Its level.
    pub level: Level,
    /// One of three: the template's rule (OPEN-23) gave the level.
    pub by_rule: bool,
}

/// The whole evaluation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evaluation {
    /// The four gates, in order.
    pub gates: Vec<GateOutcome>,
    /// Each horizontal criterion's level.
    pub horizontal: Vec<HorizontalLevel>,
    /// The template's rule for one of three decided gate 3: counted the other way, the gate
    /// would stand otherwise (a warning to show).
    pub one_of_three_decides: bool,
    /// The score (computed even when a gate fails; it cannot compensate).
    pub score: Score,
    /// The result.
    pub result: Verdict,
}

/// The result of the evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "verdict")]
pub enum Verdict {
    /// Every gate passes and the score (if it has a pass mark) too.
    Passes,
    /// The first gate that fails.
    FailsGate {
        /// Which.
        gate: Gate,
    },
    /// The gates pass but the score does not reach the pass mark or the count.
    FailsScore,
    /// Nothing fails yet, but answers are missing.
    Incomplete,
}

impl Verdict {
    /// The result in words.
    #[must_use]
    pub fn label(self, lang: Lang) -> String {
        match (self, lang) {
            (Self::Passes, Lang::Sv) => "Godkänd".to_owned(),
            (Self::Passes, Lang::En) => "Passes".to_owned(),
            (Self::FailsGate { gate }, Lang::Sv) => format!("Underkänd: {}", gate.label(lang)),
            (Self::FailsGate { gate }, Lang::En) => format!("Fails: {}", gate.label(lang)),
            (Self::FailsScore, Lang::Sv) => "Underkänd: poängen räcker inte".to_owned(),
            (Self::FailsScore, Lang::En) => "Fails: the score is not enough".to_owned(),
            (Self::Incomplete, Lang::Sv) => "Ofullständig: svar saknas".to_owned(),
            (Self::Incomplete, Lang::En) => "Incomplete: answers are missing".to_owned(),
        }
    }
}

/// A list gate (formal requirements, regional gates): each must be `Some(true)`.
fn list_gate(gate: Gate, count: usize, answers: &[Option<bool>]) -> GateOutcome {
    let mut why = Vec::new();
    for index in 0..count {
        match answers.get(index).copied().flatten() {
            Some(true) => {}
            Some(false) => why.push(Why::NotMet { gate, index }),
            None => why.push(Why::Unanswered { gate, index }),
        }
    }
    outcome(gate, why)
}

fn outcome(gate: Gate, why: Vec<Why>) -> GateOutcome {
    let fails = why.iter().any(|w| {
        matches!(
            w,
            Why::NotMet { .. } | Why::Harm { .. } | Why::TooFewPartly { .. }
        )
    });
    let standing = if fails {
        Standing::Fail
    } else if why.is_empty() {
        Standing::Pass
    } else {
        Standing::Incomplete
    };
    GateOutcome {
        gate,
        standing,
        why,
    }
}

fn dnsh_gate(answers: &[(Dnsh, String)]) -> GateOutcome {
    let mut why = Vec::new();
    for (k, objective) in Objective::ALL.into_iter().enumerate() {
        let (answer, text) = answers
            .get(k)
            .map_or((Dnsh::NotAssessed, ""), |(a, t)| (*a, t.as_str()));
        match answer {
            Dnsh::Harm => why.push(Why::Harm { objective }),
            Dnsh::NotAssessed => why.push(Why::NotAssessed { objective }),
            Dnsh::ScreenedOut | Dnsh::NoSignificantHarm if text.trim().is_empty() => {
                why.push(Why::NoJustification { objective });
            }
            Dnsh::ScreenedOut | Dnsh::NoSignificantHarm => {}
        }
    }
    outcome(Gate::Dnsh, why)
}

/// A criterion's level from the number of conditions met, one of three by `rule`.
#[must_use]
pub const fn level(met: u8, rule: Level) -> Level {
    match met {
        0 => Level::Not,
        1 => rule,
        2 => Level::Partly,
        _ => Level::Actively,
    }
}

fn horizontal_gate(
    t: &Criteria,
    answers: &[[bool; 3]],
) -> (GateOutcome, Vec<HorizontalLevel>, bool) {
    let levels: Vec<HorizontalLevel> = Horizontal::ALL
        .into_iter()
        .enumerate()
        .map(|(k, criterion)| {
            let met = answers.get(k).map_or(0, |c| {
                u8::try_from(c.iter().filter(|x| **x).count()).unwrap_or(3)
            });
            HorizontalLevel {
                criterion,
                met,
                level: level(met, t.one_of_three),
                by_rule: met == 1,
            }
        })
        .collect();
    let reached = |rule: Level| {
        let n = levels
            .iter()
            .filter(|h| level(h.met, rule) >= Level::Partly)
            .count();
        u8::try_from(n).unwrap_or(3)
    };
    let needed = t.min_partly.min(3);
    let now = reached(t.one_of_three);
    // The other reading of one of three: delvis if the template says inte, else inte.
    let other = if t.one_of_three >= Level::Partly {
        Level::Not
    } else {
        Level::Partly
    };
    let decides = (now >= needed) != (reached(other) >= needed);
    let why = if now < needed {
        vec![Why::TooFewPartly {
            reached: now,
            needed,
        }]
    } else {
        Vec::new()
    };
    (outcome(Gate::Horizontal, why), levels, decides)
}

fn score(t: &Criteria, a: &Answers) -> Score {
    match &t.scoring {
        Scoring::Weighted {
            criteria,
            max,
            pass_at,
        } => {
            let max = (*max).clamp(1, SCALE_MAX);
            let (mut sum, mut of, mut unscored) = (0u32, 0u32, 0usize);
            for (k, c) in criteria.iter().enumerate() {
                let w = u32::from(c.weight.min(WEIGHT_MAX));
                match a.scores.get(k).copied().flatten() {
                    Some(s) => sum += w * u32::from(s.min(max)),
                    None => unscored += 1,
                }
                of += w * u32::from(max);
            }
            let share = if of == 0 {
                Ratio::int(0)
            } else {
                Ratio::new(i128::from(sum), i128::from(of))
            };
            // sum/of ≥ p/100 ⇔ 100·sum ≥ p·of (exact).
            let passes = pass_at.map(|p| 100 * u64::from(sum) >= u64::from(p) * u64::from(of));
            Score::Weighted {
                sum,
                of,
                share,
                passes,
                unscored,
            }
        }
        Scoring::Count { points, at_least } => {
            let met = a.points.iter().take(points.len()).filter(|p| **p).count();
            let met = u8::try_from(met).unwrap_or(u8::MAX);
            Score::Count {
                met,
                at_least: *at_least,
                prioritised: met >= *at_least,
            }
        }
    }
}

/// Evaluates `answers` against the criteria `t`: the four gates in order, then the score.
#[must_use]
pub fn evaluate(t: &Criteria, answers: &Answers) -> Evaluation {
    let (horizontal_outcome, horizontal, one_of_three_decides) =
        horizontal_gate(t, &answers.horizontal);
    let gates = vec![
        list_gate(Gate::Formal, t.formal.len(), &answers.formal),
        dnsh_gate(&answers.dnsh),
        horizontal_outcome,
        list_gate(Gate::Regional, t.regional.len(), &answers.regional),
    ];
    let score = score(t, answers);
    let result = if let Some(g) = gates.iter().find(|g| g.standing == Standing::Fail) {
        Verdict::FailsGate { gate: g.gate }
    } else if gates.iter().any(|g| g.standing == Standing::Incomplete)
        || matches!(score, Score::Weighted { unscored, .. } if unscored > 0)
    {
        Verdict::Incomplete
    } else {
        match score {
            Score::Weighted {
                passes: Some(false),
                ..
            }
            | Score::Count {
                prioritised: false, ..
            } => Verdict::FailsScore,
            _ => Verdict::Passes,
        }
    };
    Evaluation {
        gates,
        horizontal,
        one_of_three_decides,
        score,
        result,
    }
}

/// Where two assessors' answers differ (the comparison before the joint assessment).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "item")]
pub enum Difference {
    /// Formal requirement `index`.
    Formal {
        /// Its index.
        index: usize,
    },
    /// DNSH objective.
    Dnsh {
        /// The objective.
        objective: Objective,
    },
    /// Horizontal criterion's condition.
    Horizontal {
        /// The criterion.
        criterion: Horizontal,
        /// The condition, `0..3`.
        condition: usize,
    },
    /// Regional gate `index`.
    Regional {
        /// Its index.
        index: usize,
    },
    /// Weighted criterion `index`'s score.
    Score {
        /// Its index.
        index: usize,
    },
    /// Priority point `index`.
    Point {
        /// Its index.
        index: usize,
    },
}

impl Difference {
    /// What differs, in words, items named from `criteria`.
    #[must_use]
    pub fn label(&self, criteria: &Criteria, lang: Lang) -> String {
        let sv = lang == Lang::Sv;
        let name = |list: &[String], i: usize| list.get(i).cloned().unwrap_or_default();
        match self {
            Self::Formal { index } => format!(
                "{}: {}",
                if sv {
                    "Formellt krav"
                } else {
                    "Formal requirement"
                },
                name(&criteria.formal, *index)
            ),
            Self::Dnsh { objective } => format!("DNSH: {}", objective.label(lang)),
            Self::Horizontal {
                criterion,
                condition,
            } => format!(
                "{}, {} {}: {}",
                criterion.label(lang),
                if sv { "villkor" } else { "condition" },
                condition + 1,
                Horizontal::conditions(lang)
                    .get(*condition)
                    .copied()
                    .unwrap_or_default()
            ),
            Self::Regional { index } => format!(
                "{}: {}",
                if sv {
                    "Regionalt krav"
                } else {
                    "Regional requirement"
                },
                name(&criteria.regional, *index)
            ),
            Self::Score { index } => {
                let n = match &criteria.scoring {
                    Scoring::Weighted { criteria, .. } => criteria
                        .get(*index)
                        .map(|c| c.name.clone())
                        .unwrap_or_default(),
                    Scoring::Count { .. } => String::new(),
                };
                format!("{}: {n}", if sv { "Poäng" } else { "Score" })
            }
            Self::Point { index } => {
                let n = match &criteria.scoring {
                    Scoring::Count { points, .. } => name(points, *index),
                    Scoring::Weighted { .. } => String::new(),
                };
                format!(
                    "{}: {n}",
                    if sv {
                        "Prioriteringspunkt"
                    } else {
                        "Priority point"
                    }
                )
            }
        }
    }
}

/// Where `a` and `b` differ, item by item in the template's order (DNSH by answer, not by
/// the wording of the justification).
#[must_use]
pub fn differences(t: &Criteria, a: &Answers, b: &Answers) -> Vec<Difference> {
    let mut out = Vec::new();
    let at = |v: &[Option<bool>], i: usize| v.get(i).copied().flatten();
    for index in 0..t.formal.len() {
        if at(&a.formal, index) != at(&b.formal, index) {
            out.push(Difference::Formal { index });
        }
    }
    let dnsh = |v: &[(Dnsh, String)], i: usize| v.get(i).map_or(Dnsh::NotAssessed, |x| x.0);
    for (k, objective) in Objective::ALL.into_iter().enumerate() {
        if dnsh(&a.dnsh, k) != dnsh(&b.dnsh, k) {
            out.push(Difference::Dnsh { objective });
        }
    }
    let cond = |v: &[[bool; 3]], k: usize, c: usize| v.get(k).is_some_and(|x| x[c]);
    for (k, criterion) in Horizontal::ALL.into_iter().enumerate() {
        for condition in 0..3 {
            if cond(&a.horizontal, k, condition) != cond(&b.horizontal, k, condition) {
                out.push(Difference::Horizontal {
                    criterion,
                    condition,
                });
            }
        }
    }
    for index in 0..t.regional.len() {
        if at(&a.regional, index) != at(&b.regional, index) {
            out.push(Difference::Regional { index });
        }
    }
    match &t.scoring {
        Scoring::Weighted { criteria, .. } => {
            let s = |v: &[Option<u8>], i: usize| v.get(i).copied().flatten();
            for index in 0..criteria.len() {
                if s(&a.scores, index) != s(&b.scores, index) {
                    out.push(Difference::Score { index });
                }
            }
        }
        Scoring::Count { points, .. } => {
            let p = |v: &[bool], i: usize| v.get(i).copied().unwrap_or(false);
            for index in 0..points.len() {
                if p(&a.points, index) != p(&b.points, index) {
                    out.push(Difference::Point { index });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template(scoring: Scoring) -> Criteria {
        Criteria {
            formal: vec![
                "Beloppet stämmer med aktiviteter och mål".into(),
                "Hållbarhetstrappans grundnivå".into(),
            ],
            min_partly: 2,
            one_of_three: Level::Not,
            regional: vec!["Jämställdhetsintegrerat".into()],
            scoring,
        }
    }

    fn weighted() -> Scoring {
        Scoring::Weighted {
            criteria: vec![
                Criterion {
                    name: "Bidrar till RUS".into(),
                    weight: 3,
                },
                Criterion {
                    name: "Omställningsfrämjande".into(),
                    weight: 2,
                },
            ],
            max: 5,
            pass_at: Some(60),
        }
    }

    /// Every gate met, the DNSH objectives screened out with a reason, two criteria aktivt.
    fn passing() -> Answers {
        Answers {
            formal: vec![Some(true), Some(true)],
            dnsh: Objective::ALL
                .iter()
                .map(|_| (Dnsh::ScreenedOut, "Ingen förutsebar påverkan".to_owned()))
                .collect(),
            horizontal: vec![[true; 3], [true; 3], [false; 3]],
            regional: vec![Some(true)],
            scores: vec![Some(4), Some(3)],
            points: Vec::new(),
        }
    }

    #[test]
    fn weighted_score_worked_by_hand() {
        // Weights 3 and 2, scale 0–5, scores 4 and 3: Σ w·s = 3·4 + 2·3 = 18 of
        // Σ w·max = 3·5 + 2·5 = 25, share 18/25 = 72 % ≥ 60 %: passes.
        let t = template(weighted());
        let e = evaluate(&t, &passing());
        assert_eq!(
            e.score,
            Score::Weighted {
                sum: 18,
                of: 25,
                share: Ratio::new(18, 25),
                passes: Some(true),
                unscored: 0
            }
        );
        assert_eq!(e.result, Verdict::Passes);
        // Scores 2 and 2: 3·2 + 2·2 = 10 of 25 = 40 % < 60 %: fails on the score.
        let mut a = passing();
        a.scores = vec![Some(2), Some(2)];
        assert_eq!(evaluate(&t, &a).result, Verdict::FailsScore);
        // Exactly at the mark: 15 of 25 = 60 % (3·3 + 2·3 = 15) passes (≥).
        a.scores = vec![Some(3), Some(3)];
        assert_eq!(evaluate(&t, &a).result, Verdict::Passes);
        // One not scored: incomplete, the sum counts it as 0 (3·3 = 9).
        a.scores = vec![Some(3), None];
        let e = evaluate(&t, &a);
        assert_eq!(e.result, Verdict::Incomplete);
        assert!(matches!(
            e.score,
            Score::Weighted {
                sum: 9,
                unscored: 1,
                ..
            }
        ));
    }

    #[test]
    fn a_dnsh_harm_fails_the_case_whatever_the_score() {
        // The highest scores, 5 and 5 (25 of 25), but significant harm to water: fails DNSH.
        let t = template(weighted());
        let mut a = passing();
        a.scores = vec![Some(5), Some(5)];
        a.dnsh[2] = (Dnsh::Harm, "Grumling av vattendraget".into());
        let e = evaluate(&t, &a);
        assert_eq!(e.result, Verdict::FailsGate { gate: Gate::Dnsh });
        assert_eq!(
            e.gates[1].why,
            vec![Why::Harm {
                objective: Objective::Water
            }]
        );
        assert!(matches!(
            e.score,
            Score::Weighted {
                sum: 25,
                of: 25,
                ..
            }
        ));
        // A harm beats a missing answer elsewhere: still a fail, not incomplete.
        a.dnsh[0] = (Dnsh::NotAssessed, String::new());
        assert_eq!(
            evaluate(&t, &a).result,
            Verdict::FailsGate { gate: Gate::Dnsh }
        );
    }

    #[test]
    fn a_dnsh_answer_without_a_justification_is_incomplete() {
        let t = template(weighted());
        let mut a = passing();
        a.dnsh[5] = (Dnsh::NoSignificantHarm, "  ".into());
        let e = evaluate(&t, &a);
        assert_eq!(e.gates[1].standing, Standing::Incomplete);
        assert_eq!(
            e.gates[1].why,
            vec![Why::NoJustification {
                objective: Objective::Biodiversity
            }]
        );
        assert_eq!(e.result, Verdict::Incomplete);
        // Four answers only: objectives 5 and 6 (pollution, biodiversity) are not assessed —
        // two lines (the unjustified sixth went with the truncation).
        a.dnsh.truncate(4);
        assert_eq!(
            evaluate(&t, &a).gates[1].why,
            vec![
                Why::NotAssessed {
                    objective: Objective::Pollution
                },
                Why::NotAssessed {
                    objective: Objective::Biodiversity
                }
            ]
        );
    }

    #[test]
    fn horizontal_criteria_and_the_undefined_one_of_three() {
        let t = template(weighted());
        // 3, 2, 0 conditions met: aktivt, delvis, inte; two reach delvis ≥ 2: passes.
        let mut a = passing();
        a.horizontal = vec![[true; 3], [true, true, false], [false; 3]];
        let e = evaluate(&t, &a);
        let levels: Vec<Level> = e.horizontal.iter().map(|h| h.level).collect();
        assert_eq!(levels, vec![Level::Actively, Level::Partly, Level::Not]);
        assert_eq!(e.gates[2].standing, Standing::Pass);
        assert!(!e.one_of_three_decides);
        // 3, 1, 0: the 1 of 3 is inte by the template, only one reaches delvis < 2: fails.
        // Counted as delvis it would pass: the rule decided the case — the warning.
        a.horizontal = vec![[true; 3], [false, true, false], [false; 3]];
        let e = evaluate(&t, &a);
        assert_eq!(
            e.result,
            Verdict::FailsGate {
                gate: Gate::Horizontal
            }
        );
        assert_eq!(
            e.gates[2].why,
            vec![Why::TooFewPartly {
                reached: 1,
                needed: 2
            }]
        );
        assert!(e.horizontal[1].by_rule);
        assert!(e.one_of_three_decides);
        // A template counting one of three as delvis: 2 reach it, passes, and the rule decided.
        let mut lenient = t.clone();
        lenient.one_of_three = Level::Partly;
        let e = evaluate(&lenient, &a);
        assert_eq!(e.gates[2].standing, Standing::Pass);
        assert!(e.one_of_three_decides);
        // 3, 3, 1: passes either way — one of three decides nothing, no warning.
        a.horizontal = vec![[true; 3], [true; 3], [true, false, false]];
        assert!(!evaluate(&t, &a).one_of_three_decides);
    }

    #[test]
    fn formal_and_regional_gates_come_before_the_score() {
        let t = template(weighted());
        let mut a = passing();
        a.formal = vec![Some(true), None];
        let e = evaluate(&t, &a);
        assert_eq!(e.result, Verdict::Incomplete);
        assert_eq!(
            e.gates[0].why,
            vec![Why::Unanswered {
                gate: Gate::Formal,
                index: 1
            }]
        );
        // A failed regional gate and a failed formal one: the first gate is named.
        a.formal = vec![Some(false), Some(true)];
        a.regional = vec![Some(false)];
        assert_eq!(
            evaluate(&t, &a).result,
            Verdict::FailsGate { gate: Gate::Formal }
        );
        a.formal = vec![Some(true), Some(true)];
        assert_eq!(
            evaluate(&t, &a).result,
            Verdict::FailsGate {
                gate: Gate::Regional
            }
        );
    }

    #[test]
    fn the_count_rule_worked_by_hand() {
        // At least 2 of 4 priority points (Västerbotten's rule, 2 of 12, shortened).
        let t = template(Scoring::Count {
            points: vec![
                "Investering i en inlandskommun".into(),
                "Lägre miljöpåverkan".into(),
                "Bättre jämställdhet".into(),
                "Företaget drivs av kvinnor".into(),
            ],
            at_least: 2,
        });
        let mut a = passing();
        // Points 1 and 3 met: 2 ≥ 2, prioritised.
        a.points = vec![true, false, true, false];
        let e = evaluate(&t, &a);
        assert_eq!(
            e.score,
            Score::Count {
                met: 2,
                at_least: 2,
                prioritised: true
            }
        );
        assert_eq!(e.result, Verdict::Passes);
        // Only point 1: 1 < 2, not prioritised. Answers beyond the list do not count.
        a.points = vec![true, false, false, false, true];
        assert_eq!(evaluate(&t, &a).result, Verdict::FailsScore);
    }

    #[test]
    fn two_assessors_differ_item_by_item() {
        let t = template(weighted());
        let a = passing();
        let mut b = passing();
        b.formal[1] = None;
        b.dnsh[0] = (Dnsh::ScreenedOut, "Annan motivering".into()); // same answer: no difference
        b.dnsh[3] = (Dnsh::Harm, "Deponi".into());
        b.horizontal[2][1] = true;
        b.scores[0] = Some(2);
        assert_eq!(
            differences(&t, &a, &b),
            vec![
                Difference::Formal { index: 1 },
                Difference::Dnsh {
                    objective: Objective::Circular
                },
                Difference::Horizontal {
                    criterion: Horizontal::EqualOpportunities,
                    condition: 1
                },
                Difference::Score { index: 0 },
            ]
        );
        assert!(differences(&t, &a, &a).is_empty());
        assert_eq!(
            Difference::Score { index: 0 }.label(&t, Lang::Sv),
            "Poäng: Bidrar till RUS"
        );
        assert_eq!(
            Difference::Horizontal {
                criterion: Horizontal::EqualOpportunities,
                condition: 1
            }
            .label(&t, Lang::En),
            "Equal opportunities and non-discrimination, condition 2: Activities and costs show how it will be used"
        );
    }
}
