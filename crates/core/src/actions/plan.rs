//! The activity plan's rules and its timeline (DOMAIN §6, seed 004): an activity is overdue
//! when its last day has passed and it is neither done nor cancelled; the timeline runs from
//! the first day of the earliest month to the last day of the latest, today included, with at
//! most eight ticks: a month, a quarter, half a year, or 1, 2, 5 … 100 years apart, the shortest
//! step that keeps the labels from running into each other.
use serde::{Deserialize, Serialize};

use super::date::{Date, month_days};
use crate::kernel::lang::Lang;

/// Where an activity stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "PlanStatus"))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Not started.
    #[default]
    Planned,
    /// Under way.
    Ongoing,
    /// Finished.
    Done,
    /// Dropped.
    Cancelled,
}

impl Status {
    /// Every status.
    pub const ALL: [Self; 4] = [Self::Planned, Self::Ongoing, Self::Done, Self::Cancelled];

    /// Its name.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Planned, Lang::Sv) => "Planerad",
            (Self::Planned, Lang::En) => "Planned",
            (Self::Ongoing, Lang::Sv) => "Pågår",
            (Self::Ongoing, Lang::En) => "Ongoing",
            (Self::Done, Lang::Sv) => "Klar",
            (Self::Done, Lang::En) => "Done",
            (Self::Cancelled, Lang::Sv) => "Inställd",
            (Self::Cancelled, Lang::En) => "Cancelled",
        }
    }
}

/// Overdue: `end` is before `today` and the activity is neither done nor cancelled.
#[must_use]
pub fn overdue(end: Date, status: Status, today: Date) -> bool {
    end < today && !matches!(status, Status::Done | Status::Cancelled)
}

/// A tick on the timeline's axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Tick {
    /// Its first day.
    pub date: Date,
    /// Months per tick: one of [`STEPS`].
    pub step: u16,
}

impl Tick {
    /// "apr 2020" / "Apr 2020", "K2 2020" / "Q2 2020", "2020".
    #[must_use]
    pub fn label(self, lang: Lang) -> String {
        let (y, m) = (self.date.year(), self.date.month());
        match (self.step, lang) {
            (1 | 6, _) => format!(
                "{} {y}",
                SHORT[usize::from(lang == Lang::En)][usize::from(m - 1)]
            ),
            (3, Lang::Sv) => format!("K{} {y}", (m - 1) / 3 + 1),
            (3, Lang::En) => format!("Q{} {y}", (m - 1) / 3 + 1),
            _ => y.to_string(),
        }
    }
}

/// The most ticks an axis draws.
pub const MAX_TICKS: u32 = 8;

/// The steps between ticks, in months: a month, a quarter, half a year, then 1, 2, 5, 10, 20,
/// 50 and 100 years.
pub const STEPS: [u16; 10] = [1, 3, 6, 12, 24, 60, 120, 240, 600, 1200];

/// The timeline's span and ticks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Axis {
    /// The first day drawn.
    pub first: Date,
    /// The last day drawn.
    pub last: Date,
    /// The ticks, in order.
    pub ticks: Vec<Tick>,
}

const SHORT: [[&str; 12]; 2] = [
    [
        "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
    ],
    [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ],
];

impl Axis {
    /// The axis over `spans` and `today`; `None` when a date is out of range (cannot happen
    /// for dates that exist).
    #[must_use]
    pub fn new(spans: &[(Date, Date)], today: Date) -> Option<Self> {
        let lo = spans.iter().map(|s| s.0).chain([today]).min()?;
        let hi = spans.iter().map(|s| s.1).chain([today]).max()?;
        let first = Date::new(lo.year(), lo.month(), 1)?;
        let last = Date::new(hi.year(), hi.month(), month_days(hi.year(), hi.month()))?;
        // Months since year 0, of the first month drawn and of the last.
        let index = |d: Date| u32::from(d.year()) * 12 + u32::from(d.month()) - 1;
        // Aligned to a step: quarters start in Jan/Apr/Jul/Oct, half years in Jan/Jul, years in
        // January of a year divisible by the step's years (2020, 2025 for five).
        let align = |step: u16| -> u32 {
            let (at, step) = (index(first), u32::from(step));
            if step < 12 {
                at / 12 * 12 + at % 12 / step * step
            } else {
                at / step * step
            }
        };
        // The shortest step that draws at most MAX_TICKS ticks (a label needs about 3.5 rem; the
        // timeline's column is 16 rem wide on a tablet).
        let fits = |step: u16| (index(last) - align(step)) / u32::from(step) < MAX_TICKS;
        let step = STEPS
            .into_iter()
            .find(|s| fits(*s))
            .unwrap_or(STEPS[STEPS.len() - 1]);
        // The first day of the month `at` months after year 0.
        let month = |at: u32| {
            Date::new(
                u16::try_from(at / 12).ok()?,
                u8::try_from(at % 12 + 1).ok()?,
                1,
            )
        };
        let mut at = align(step);
        let first = month(at)?;
        let mut ticks = Vec::new();
        // Until past the axis (or past the last year a date may have).
        while let Some(date) = month(at).filter(|d| *d <= last) {
            ticks.push(Tick { date, step });
            at += u32::from(step);
        }
        Some(Self { first, last, ticks })
    }

    /// Days the axis covers (first and last included).
    #[must_use]
    pub fn days(&self) -> i64 {
        self.last.day() - self.first.day() + 1
    }

    /// Where `date` starts, as a fraction 0…1 of the axis.
    #[must_use]
    #[allow(clippy::cast_precision_loss)]
    pub fn at(&self, date: Date) -> f64 {
        (date.day() - self.first.day()) as f64 / self.days() as f64
    }

    /// Where `(start, end)` lies: the left edge and the width, each a fraction of the axis
    /// (the end day included, so a one-day activity has a width of one day).
    #[must_use]
    #[allow(clippy::cast_precision_loss)]
    pub fn bar(&self, start: Date, end: Date) -> (f64, f64) {
        let w = (end.day() - start.day() + 1) as f64 / self.days() as f64;
        (self.at(start), w)
    }
}

/// One activity of the timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// The activity.
    pub id: crate::kernel::id::Id,
    /// What is done.
    pub title: String,
    /// Who does it.
    pub owner: String,
    /// Where it stands.
    pub status: Status,
    /// Its dates.
    pub start: Option<Date>,
    /// Its last day.
    pub end: Option<Date>,
    /// Past its end and open.
    pub overdue: bool,
    /// Its bar (left, width as fractions of the axis), if both dates are set.
    pub bar: Option<(f64, f64)>,
    /// Its area's number and name, if any.
    pub area: Option<String>,
}

/// The plan drawn as a timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    /// The axis (over the dated activities and today).
    pub axis: Axis,
    /// Each tick's left edge, a fraction of the axis.
    pub ticks: Vec<(f64, String)>,
    /// Where today is, a fraction of the axis.
    pub today: f64,
    /// The activities (not in the trash) of `area` or all, dated ones by start date and
    /// title, then the undated ones by title.
    pub rows: Vec<Row>,
}

/// The plan of `doc` on `today`, of `area` only if given, ticks in `lang`.
#[must_use]
pub fn timeline(
    doc: &crate::Doc,
    today: Date,
    area: Option<&crate::kernel::id::Id>,
    lang: Lang,
) -> Timeline {
    let mut rows: Vec<Row> = doc
        .activities
        .live()
        .filter(|a| a.removed() != Some(&true))
        .filter(|a| area.is_none_or(|x| a.area() == Some(x)))
        .map(|a| {
            let (start, end) = (a.start().copied().flatten(), a.end().copied().flatten());
            let status = a.status().copied().unwrap_or_default();
            Row {
                id: a.id.clone(),
                title: a.title().cloned().unwrap_or_default(),
                owner: a.owner().cloned().unwrap_or_default(),
                status,
                start,
                end,
                overdue: end.is_some_and(|e| overdue(e, status, today)),
                bar: None,
                area: a.area().and_then(|x| doc.areas.get(x)).map(|x| {
                    let t = x.title().cloned().unwrap_or_default();
                    x.number().map_or(t.clone(), |n| format!("{n}. {t}"))
                }),
            }
        })
        .collect();
    crate::kernel::order::sort_by(&mut rows, |a, b| {
        (a.start.is_none(), a.start, &a.title, &a.id).cmp(&(
            b.start.is_none(),
            b.start,
            &b.title,
            &b.id,
        ))
    });
    let spans: Vec<(Date, Date)> = rows
        .iter()
        .filter_map(|r| Some((r.start?, r.end?)))
        .collect();
    let axis = Axis::new(&spans, today).unwrap_or(Axis {
        first: today,
        last: today,
        ticks: Vec::new(),
    });
    for r in &mut rows {
        if let (Some(a), Some(b)) = (r.start, r.end) {
            r.bar = Some(axis.bar(a, b));
        }
    }
    Timeline {
        ticks: axis
            .ticks
            .iter()
            .map(|t| (axis.at(t.date), t.label(lang)))
            .collect(),
        today: axis.at(today),
        axis,
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: u16, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn overdue_when_past_and_open() {
        let today = d(2020, 11, 10);
        // Ended 2020-11-09, still planned: overdue. Ends today: not yet.
        assert!(overdue(d(2020, 11, 9), Status::Planned, today));
        assert!(overdue(d(2020, 11, 9), Status::Ongoing, today));
        assert!(!overdue(d(2020, 11, 10), Status::Ongoing, today));
        assert!(!overdue(d(2020, 11, 9), Status::Done, today));
        assert!(!overdue(d(2020, 11, 9), Status::Cancelled, today));
    }

    #[test]
    fn the_seed_plan_on_an_axis() {
        // Seed 004 runs 2020-04-07 … 2021-03-31 (first quarter 2021); today 2020-11-10.
        // The axis: 2020-04-01 … 2021-03-31, 12 months: a tick a month would be 12 > 8, a
        // quarter 12 / 3 = 4 ticks (K2, K3, K4 2020, K1 2021; April starts a quarter, so the
        // axis starts where it did); 365 days
        // (April 30 + May 31 + Jun 30 + Jul 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 31
        // + Jan 31 + Feb 28 + Mar 31 = 365).
        let spans = [
            (d(2020, 4, 7), d(2020, 4, 24)),
            (d(2021, 1, 1), d(2021, 3, 31)),
        ];
        let a = Axis::new(&spans, d(2020, 11, 10)).unwrap();
        assert_eq!((a.first, a.last), (d(2020, 4, 1), d(2021, 3, 31)));
        assert_eq!(a.days(), 365);
        assert_eq!(a.ticks.len(), 4);
        assert_eq!(a.ticks[0].label(Lang::Sv), "K2 2020");
        assert_eq!(a.ticks[3].label(Lang::Sv), "K1 2021");
        assert_eq!(a.ticks[1].label(Lang::En), "Q3 2020");
        // April 7 starts 6 days in: 6/365; 18 days long (7th to 24th): 18/365.
        let (x, w) = a.bar(d(2020, 4, 7), d(2020, 4, 24));
        assert!((x - 6.0 / 365.0).abs() < 1e-12 && (w - 18.0 / 365.0).abs() < 1e-12);
        // Five months (2020-04 … 2020-08, today in May): 5 ≤ 8, a tick a month.
        let a = Axis::new(&[(d(2020, 4, 7), d(2020, 8, 3))], d(2020, 5, 2)).unwrap();
        assert_eq!(a.ticks.len(), 5);
        assert_eq!(a.ticks[0].label(Lang::Sv), "apr 2020");
        assert_eq!(a.ticks[1].label(Lang::En), "May 2020");
    }

    #[test]
    fn long_plans_tick_by_quarter_and_year() {
        // 2020-02 … 2024-12 = 59 months: quarters would be 20, half years 10 (> 8), years
        // 59 / 12 → 5 ticks (2020 … 2024), the axis from 2020-01-01.
        let a = Axis::new(&[(d(2020, 2, 3), d(2024, 12, 1))], d(2022, 1, 1)).unwrap();
        assert_eq!(a.first, d(2020, 1, 1));
        assert_eq!(a.ticks.len(), 5);
        assert_eq!(a.ticks[0].label(Lang::Sv), "2020");
        assert_eq!(a.ticks[4].label(Lang::Sv), "2024");
        // 2020-05 … 2022-02 = 22 months: 22 / 3 → 8 quarters, from K2 2020 (May is in it):
        // K2 K3 K4 2020, K1 … K4 2021, K1 2022.
        let a = Axis::new(&[(d(2020, 5, 3), d(2022, 2, 1))], d(2021, 1, 1)).unwrap();
        assert_eq!(a.first, d(2020, 4, 1));
        assert_eq!(a.ticks.len(), 8);
        assert_eq!(a.ticks[7].label(Lang::Sv), "K1 2022");
        // 2020-03 … 2023-08 = 42 months: quarters 15 (K1 2020 … K3 2023), half years from
        // January 2020 (March is in the first half) to July 2023: 8, jan and jul labels.
        let a = Axis::new(&[(d(2020, 3, 3), d(2023, 8, 1))], d(2021, 1, 1)).unwrap();
        assert_eq!(a.first, d(2020, 1, 1));
        assert_eq!(a.ticks.len(), 8);
        assert_eq!(a.ticks[1].label(Lang::Sv), "jul 2020");
        // Today after the plan stretches the axis to today's month.
        let a = Axis::new(&[(d(2020, 2, 3), d(2020, 3, 1))], d(2020, 5, 20)).unwrap();
        assert_eq!(a.last, d(2020, 5, 31));
        // 1923 … 2200: 20-year steps from 1920 would be (2200 − 1920) / 20 + 1 = 15 ticks,
        // 50-year steps from 1900 (1923 rounded down to 50): 1900, 1950 … 2200 = 7.
        let a = Axis::new(&[(d(1923, 1, 1), d(2200, 12, 31))], d(2026, 12, 3)).unwrap();
        assert_eq!(a.first, d(1900, 1, 1));
        assert_eq!(a.ticks.len(), 7);
        assert_eq!(a.ticks[0].label(Lang::En), "1900");
        assert_eq!(a.ticks[6].label(Lang::En), "2200");
        // Aligning can add a tick: 2020-03 … 2022-02 is 24 months, but quarters from K1 2020
        // would be K1 2020 … K1 2022 = 9; half years from January 2020: 5.
        let a = Axis::new(&[(d(2020, 3, 3), d(2022, 2, 1))], d(2021, 1, 1)).unwrap();
        assert_eq!((a.ticks.len(), a.ticks[0].step), (5, 6));
        // No activities: today's month.
        let a = Axis::new(&[], d(2026, 12, 3)).unwrap();
        assert_eq!(
            (a.first, a.last, a.ticks.len()),
            (d(2026, 12, 1), d(2026, 12, 31), 1)
        );
    }

    #[test]
    fn the_demo_plan_as_a_timeline() {
        let doc = crate::demo::demo_doc();
        let today = d(2020, 11, 10);
        let t = timeline(&doc, today, None, Lang::Sv);
        assert!(t.rows.len() >= 12);
        // Dated rows first, by start date.
        let starts: Vec<Date> = t.rows.iter().filter_map(|r| r.start).collect();
        assert!(starts.windows(2).all(|w| w[0] <= w[1]));
        // Every bar lies on the axis; today is on it too.
        for r in &t.rows {
            if let Some((x, w)) = r.bar {
                assert!(x >= 0.0 && x + w <= 1.0 + 1e-9, "{}", r.title);
            }
            // Overdue exactly when it ended before 2020-11-10 and is open.
            let late = r.end.is_some_and(|e| e < today)
                && !matches!(r.status, Status::Done | Status::Cancelled);
            assert_eq!(r.overdue, late);
        }
        assert!((0.0..=1.0).contains(&t.today));
        assert_eq!(t.ticks.len(), t.axis.ticks.len());
    }
}
