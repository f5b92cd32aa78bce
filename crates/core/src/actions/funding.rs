//! A collaboration project's co-financing (DOMAIN §7.3): budget lines `(funder, funder type,
//! year, amount)` in whole kronor; each funder type's share is an exact fraction of the
//! financed total; the financing must equal the budgeted cost; each cap is checked as
//! `share ≤ cap` (regional project funds ≤ 1/2, an EU call's cap such as 2/5) and each
//! co-financing ratio such as 1:1 as `Σ matched ≥ ratio · Σ matching`.
use serde::{Deserialize, Serialize};

use crate::kernel::lang::{Lang, Localized};
use crate::ratio::Ratio;

/// Formula id of the co-financing checks.
pub const COFINANCING: &str = "cofinancing_share_cap_ratio_v1";

/// Who pays a budget line.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FunderType {
    /// Region (own funds).
    Region,
    /// Länsstyrelsen.
    CountyBoard,
    /// Kommuner.
    Municipality,
    /// 1:1-medel (the state's regional development funds, matched one to one).
    OneToOne,
    /// EU funds.
    Eu,
    /// Anyone else.
    #[default]
    Other,
}

impl FunderType {
    /// Every type, in the order tables show them.
    pub const ALL: [Self; 6] = [
        Self::Region,
        Self::CountyBoard,
        Self::Municipality,
        Self::OneToOne,
        Self::Eu,
        Self::Other,
    ];

    /// The type's name.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Region, Lang::Sv) => "Region",
            (Self::Region, Lang::En) => "Region",
            (Self::CountyBoard, Lang::Sv) => "Länsstyrelsen",
            (Self::CountyBoard, Lang::En) => "County administrative board",
            (Self::Municipality, Lang::Sv) => "Kommuner",
            (Self::Municipality, Lang::En) => "Municipalities",
            (Self::OneToOne, Lang::Sv) => "1:1-medel",
            (Self::OneToOne, Lang::En) => "1:1 funds",
            (Self::Eu, Lang::Sv) => "EU",
            (Self::Eu, Lang::En) => "EU",
            (Self::Other, Lang::Sv) => "Övriga",
            (Self::Other, Lang::En) => "Other",
        }
    }
}

/// One budget line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Line {
    /// The funder's name ("Region Jämtland Härjedalen").
    pub funder: String,
    /// Its type.
    pub funder_type: FunderType,
    /// The budget year.
    pub year: u16,
    /// Whole kronor, ≥ 0.
    pub amount: i64,
}

/// A rule the financing must keep.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "rule")]
pub enum Rule {
    /// The types' joint share of the financing is at most `cap` (regional funds ≤ 1/2).
    ShareAtMost {
        /// The types counted.
        types: Vec<FunderType>,
        /// The cap, a fraction.
        cap: Ratio,
    },
    /// `Σ matched ≥ ratio · Σ matching` (1:1-medel need as much from others: matched =
    /// region, county board, municipalities; matching = 1:1 funds; ratio 1).
    Matched {
        /// The types whose money must match.
        matched: Vec<FunderType>,
        /// The types that need matching.
        matching: Vec<FunderType>,
        /// How much matched money per krona of matching money.
        ratio: Ratio,
    },
}

impl Rule {
    /// 1:1 funds matched krona for krona by other public money: `Σ (region, Länsstyrelsen,
    /// municipalities) ≥ 1 · Σ 1:1 funds`.
    #[must_use]
    pub fn one_to_one() -> Self {
        Self::Matched {
            matched: vec![
                FunderType::Region,
                FunderType::CountyBoard,
                FunderType::Municipality,
            ],
            matching: vec![FunderType::OneToOne],
            ratio: Ratio::int(1),
        }
    }
}

/// What the checks found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "finding")]
pub enum Finding {
    /// Nothing is financed yet.
    Empty,
    /// A line's amount is below zero (line index).
    Negative {
        /// Index into the lines.
        line: usize,
    },
    /// The financing does not equal the budgeted cost.
    Unbalanced {
        /// The budgeted cost.
        cost: i64,
        /// Σ of the lines.
        financed: i64,
    },
    /// A cap is broken.
    CapBroken {
        /// Index into the rules.
        rule: usize,
        /// The types' share.
        share: Ratio,
        /// The cap.
        cap: Ratio,
    },
    /// Too little matched money.
    NotMatched {
        /// Index into the rules.
        rule: usize,
        /// Σ matched.
        matched: i64,
        /// What is needed: `ratio · Σ matching`.
        needed: Ratio,
    },
}

impl Localized for Finding {
    fn message(&self, lang: Lang) -> String {
        let sv = lang == Lang::Sv;
        let pct = |r: &Ratio| r.times(Ratio::int(100)).decimal(1, sv);
        match (self, lang) {
            (Self::Empty, Lang::Sv) => "Ingen finansiering är budgeterad än.".to_owned(),
            (Self::Empty, Lang::En) => "No financing is budgeted yet.".to_owned(),
            (Self::Negative { line }, Lang::Sv) => {
                format!("Budgetrad {} har ett negativt belopp.", line + 1)
            }
            (Self::Negative { line }, Lang::En) => {
                format!("Budget line {} has a negative amount.", line + 1)
            }
            (Self::Unbalanced { cost, financed }, Lang::Sv) => format!(
                "Finansieringen ({}) är inte lika med kostnaden ({}); skillnad {}.",
                kronor(*financed, lang),
                kronor(*cost, lang),
                kronor(financed - cost, lang)
            ),
            (Self::Unbalanced { cost, financed }, Lang::En) => format!(
                "The financing ({}) does not equal the cost ({}); difference {}.",
                kronor(*financed, lang),
                kronor(*cost, lang),
                kronor(financed - cost, lang)
            ),
            (Self::CapBroken { share, cap, .. }, Lang::Sv) => {
                format!("Andelen är {} %, över taket {} %.", pct(share), pct(cap))
            }
            (Self::CapBroken { share, cap, .. }, Lang::En) => format!(
                "The share is {} %, above the cap of {} %.",
                pct(share),
                pct(cap)
            ),
            (
                Self::NotMatched {
                    matched, needed, ..
                },
                Lang::Sv,
            ) => format!(
                "Motfinansieringen är {}, men minst {} behövs.",
                kronor(*matched, lang),
                kronor_ratio(*needed, lang)
            ),
            (
                Self::NotMatched {
                    matched, needed, ..
                },
                Lang::En,
            ) => format!(
                "The matching funds are {}, but at least {} are needed.",
                kronor(*matched, lang),
                kronor_ratio(*needed, lang)
            ),
        }
    }
}

/// Each funder type's sum and share of the financing, in [`FunderType::ALL`] order (types
/// without money left out). Shares are exact and sum to 1.
#[must_use]
pub fn shares(lines: &[Line]) -> Vec<(FunderType, i64, Ratio)> {
    let total = sum_of(lines, &FunderType::ALL);
    FunderType::ALL
        .into_iter()
        .filter_map(|t| {
            let sum = sum_of(lines, &[t]);
            (sum != 0 && total != 0).then(|| (t, sum, Ratio::new(sum.into(), total.into())))
        })
        .collect()
}

fn sum_of(lines: &[Line], types: &[FunderType]) -> i64 {
    lines
        .iter()
        .filter(|l| types.contains(&l.funder_type))
        .map(|l| l.amount)
        .fold(0, i64::saturating_add)
}

/// Every problem with `lines` against the budgeted `cost` and `rules`, in that order.
#[must_use]
pub fn check(cost: i64, lines: &[Line], rules: &[Rule]) -> Vec<Finding> {
    let mut out: Vec<Finding> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.amount < 0)
        .map(|(line, _)| Finding::Negative { line })
        .collect();
    let financed = sum_of(lines, &FunderType::ALL);
    if financed <= 0 {
        out.push(Finding::Empty);
        return out;
    }
    if financed != cost {
        out.push(Finding::Unbalanced { cost, financed });
    }
    for (rule, r) in rules.iter().enumerate() {
        match r {
            Rule::ShareAtMost { types, cap } => {
                let share = Ratio::new(sum_of(lines, types).into(), financed.into());
                if share > *cap {
                    out.push(Finding::CapBroken {
                        rule,
                        share,
                        cap: *cap,
                    });
                }
            }
            Rule::Matched {
                matched,
                matching,
                ratio,
            } => {
                let have = sum_of(lines, matched);
                let needed = ratio.times(Ratio::int(sum_of(lines, matching)));
                if Ratio::int(have) < needed {
                    out.push(Finding::NotMatched {
                        rule,
                        matched: have,
                        needed,
                    });
                }
            }
        }
    }
    out
}

/// Whole kronor the Swedish way: groups of three with a no-break space, "kr" after
/// (`1 185 000 kr`); English uses commas (`SEK 1,185,000`).
#[must_use]
pub fn kronor(amount: i64, lang: Lang) -> String {
    let digits = amount.unsigned_abs().to_string();
    let sep = if lang == Lang::Sv { '\u{a0}' } else { ',' };
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(sep);
        }
        grouped.push(c);
    }
    let sign = if amount < 0 { "−" } else { "" };
    match lang {
        Lang::Sv => format!("{sign}{grouped}\u{a0}kr"),
        Lang::En => format!("{sign}SEK\u{a0}{grouped}"),
    }
}

/// A fraction of kronor, rounded up to whole kronor (what is needed is never shown too low).
fn kronor_ratio(r: Ratio, lang: Lang) -> String {
    let (n, d) = (i128::from(r.num()), i128::from(r.den()));
    let up = n.div_euclid(d) + i128::from(n.rem_euclid(d) != 0);
    kronor(i64::try_from(up).unwrap_or(i64::MAX), lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(t: FunderType, amount: i64) -> Line {
        Line {
            funder: format!("{t:?}"),
            funder_type: t,
            year: 2021,
            amount,
        }
    }

    /// Seed 000: Miljö- och klimatråd Jämtlands län 2021–2023, 1 185 000 kr from the region;
    /// with 1 185 000 kr from Länsstyrelsen and 2 370 000 kr 1:1-medel the cost is 4 740 000.
    fn seed() -> Vec<Line> {
        vec![
            line(FunderType::Region, 1_185_000),
            line(FunderType::CountyBoard, 1_185_000),
            line(FunderType::OneToOne, 2_370_000),
        ]
    }

    fn rules() -> Vec<Rule> {
        vec![
            Rule::ShareAtMost {
                types: vec![FunderType::Region],
                cap: Ratio::new(1, 2),
            },
            Rule::one_to_one(),
        ]
    }

    #[test]
    fn shares_are_exact_and_the_seed_project_passes() {
        // Total 1 185 000 + 1 185 000 + 2 370 000 = 4 740 000; region 1 185 000/4 740 000
        // = 1/4, county board 1/4, 1:1 2 370 000/4 740 000 = 1/2.
        let s = seed();
        assert_eq!(
            shares(&s),
            vec![
                (FunderType::Region, 1_185_000, Ratio::new(1, 4)),
                (FunderType::CountyBoard, 1_185_000, Ratio::new(1, 4)),
                (FunderType::OneToOne, 2_370_000, Ratio::new(1, 2)),
            ]
        );
        // Region 1/4 ≤ 1/2; matched 2 370 000 ≥ 1 · 2 370 000.
        assert_eq!(check(4_740_000, &s, &rules()), vec![]);
    }

    #[test]
    fn a_broken_cap_an_unmatched_fund_and_an_unbalanced_budget() {
        // Region 3 000 000, 1:1 1 000 000, EU 1 000 000 → total 5 000 000, cost 5 200 000.
        // Region share 3/5 > 1/2. Matched 3 000 000 ≥ 1 000 000: fine. EU cap 2/5 per the
        // call: EU share 1/5, fine.
        let s = vec![
            line(FunderType::Region, 3_000_000),
            line(FunderType::OneToOne, 1_000_000),
            line(FunderType::Eu, 1_000_000),
        ];
        let mut r = rules();
        r.push(Rule::ShareAtMost {
            types: vec![FunderType::Eu],
            cap: Ratio::new(2, 5),
        });
        assert_eq!(
            check(5_200_000, &s, &r),
            vec![
                Finding::Unbalanced {
                    cost: 5_200_000,
                    financed: 5_000_000
                },
                Finding::CapBroken {
                    rule: 0,
                    share: Ratio::new(3, 5),
                    cap: Ratio::new(1, 2)
                },
            ]
        );
        // 1:1 funds 600 000, county board 400 000, other 200 000: matched 400 000 < 600 000.
        // Other does not match. Total 1 200 000.
        let s = vec![
            line(FunderType::OneToOne, 600_000),
            line(FunderType::CountyBoard, 400_000),
            line(FunderType::Other, 200_000),
        ];
        let f = check(1_200_000, &s, &rules());
        assert_eq!(
            f,
            vec![Finding::NotMatched {
                rule: 1,
                matched: 400_000,
                needed: Ratio::int(600_000)
            }]
        );
        assert_eq!(
            f[0].message(Lang::Sv),
            "Motfinansieringen är 400\u{a0}000\u{a0}kr, men minst 600\u{a0}000\u{a0}kr behövs."
        );
        // A cap exactly met is kept: region 1/2 of 2 000 000.
        let s = vec![
            line(FunderType::Region, 1_000_000),
            line(FunderType::Municipality, 1_000_000),
        ];
        assert_eq!(check(2_000_000, &s, &rules()[..1]), vec![]);
    }

    #[test]
    fn empty_negative_and_messages() {
        assert_eq!(check(0, &[], &rules()), vec![Finding::Empty]);
        let s = vec![line(FunderType::Region, -5)];
        assert_eq!(
            check(0, &s, &[]),
            vec![Finding::Negative { line: 0 }, Finding::Empty]
        );
        // 3/5 → "60,0 %" in Swedish.
        let f = Finding::CapBroken {
            rule: 0,
            share: Ratio::new(3, 5),
            cap: Ratio::new(1, 2),
        };
        assert_eq!(f.message(Lang::Sv), "Andelen är 60,0 %, över taket 50,0 %.");
        assert_eq!(
            f.message(Lang::En),
            "The share is 60.0 %, above the cap of 50.0 %."
        );
    }

    #[test]
    fn kronor_the_swedish_way() {
        assert_eq!(kronor(1_185_000, Lang::Sv), "1\u{a0}185\u{a0}000\u{a0}kr");
        assert_eq!(kronor(999, Lang::Sv), "999\u{a0}kr");
        assert_eq!(kronor(-12_500, Lang::Sv), "−12\u{a0}500\u{a0}kr");
        assert_eq!(kronor(1_185_000, Lang::En), "SEK\u{a0}1,185,000");
        // 1/3 kr needed rounds up to 1 kr.
        assert_eq!(kronor_ratio(Ratio::new(1, 3), Lang::Sv), "1\u{a0}kr");
    }
}
