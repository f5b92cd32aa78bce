//! An indicator over time, as its chart and its data table show it: the years from the
//! baseline (or the first value) to the target (or the last value), the values, and the
//! straight path from the baseline to the target that the off-track rule measures against.
use super::records::Indicator;
use crate::kernel::lang::Lang;
use crate::ratio::Ratio;

/// One year of the chart's table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Year {
    /// The year.
    pub year: u16,
    /// Its value as written (in `lang`'s way), if recorded.
    pub value: Option<String>,
    /// Where the value comes from.
    pub source: String,
    /// The straight path's value for the year (one decimal), between the baseline and the
    /// target years.
    pub path: Option<String>,
}

/// The chart of one indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// First and last year drawn.
    pub years: (u16, u16),
    /// Lowest and highest value drawn.
    pub range: (f64, f64),
    /// The recorded values: year, value.
    pub points: Vec<(u16, f64)>,
    /// The straight path: baseline (year, value) to target (year, value).
    pub path: Option<((u16, f64), (u16, f64))>,
    /// The table: every year drawn that has a value or lies on the path.
    pub table: Vec<Year>,
}

impl Chart {
    /// Where `year` lies, 0 (first) … 1 (last).
    #[must_use]
    pub fn x(&self, year: u16) -> f64 {
        let (a, b) = self.years;
        if b <= a {
            return 0.5;
        }
        f64::from(year.saturating_sub(a)) / f64::from(b - a)
    }

    /// Where `v` lies, 0 (lowest) … 1 (highest).
    #[must_use]
    pub fn y(&self, v: f64) -> f64 {
        let (lo, hi) = self.range;
        if hi - lo <= f64::EPSILON {
            return 0.5;
        }
        (v - lo) / (hi - lo)
    }
}

/// The path's value in `year`: `baseline + (target − baseline) · (year − by) / (ty − by)`.
fn on_path(base: Ratio, target: Ratio, by: u16, ty: u16, year: u16) -> Option<Ratio> {
    if ty <= by || year < by || year > ty {
        return None;
    }
    let share = Ratio::new(i128::from(year - by), i128::from(ty - by));
    Some(base.plus(target.minus(base).times(share)))
}

/// `i`'s chart; `None` when it has neither values nor a baseline and a target.
#[must_use]
pub fn chart(i: &Indicator, lang: Lang) -> Option<Chart> {
    let series = i.series();
    let base = i.baseline().zip(i.baseline_year().copied());
    let target = i.target().zip(i.target_year().copied());
    let path = base
        .zip(target)
        .filter(|((_, by), (_, ty))| ty > by)
        .map(|((b, by), (t, ty))| ((by, b.ratio()), (ty, t.ratio())));
    let mut years: Vec<u16> = series.iter().map(|(y, _)| *y).collect();
    if let Some(((by, _), (ty, _))) = path {
        years.extend([by, ty]);
    }
    let (&first, &last) = (years.iter().min()?, years.iter().max()?);
    let mut values: Vec<f64> = series
        .iter()
        .map(|(_, m)| m.value.ratio().to_f64())
        .collect();
    if let Some(((_, b), (_, t))) = path {
        values.extend([b.to_f64(), t.to_f64()]);
    }
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    // A tenth of the span above and below (or 1 when everything is one value); a scale of
    // values that are all ≥ 0 stops at 0.
    let pad = if hi > lo { (hi - lo) / 10.0 } else { 1.0 };
    let low = if lo >= 0.0 {
        (lo - pad).max(0.0)
    } else {
        lo - pad
    };
    let sv = lang == Lang::Sv;
    let mut table = Vec::new();
    for year in first..=last {
        let value = series.iter().find(|(y, _)| *y == year).map(|(_, m)| m);
        let on = path.and_then(|((by, b), (ty, t))| on_path(b, t, by, ty, year));
        if value.is_none() && on.is_none() {
            continue;
        }
        table.push(Year {
            year,
            value: value.map(|m| m.value.show(lang)),
            source: value.map(|m| m.source.clone()).unwrap_or_default(),
            path: on.map(|r| r.decimal(1, sv)),
        });
    }
    Some(Chart {
        years: (first, last),
        range: (low, hi + pad),
        points: series
            .iter()
            .map(|(y, m)| (*y, m.value.ratio().to_f64()))
            .collect(),
        path: path.map(|((by, b), (ty, t))| ((by, b.to_f64()), (ty, t.to_f64()))),
        table,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_path_between_baseline_and_target() {
        // Baseline 1 000 (2019), target 600 (2030): in 2024 the path is at
        // 1000 + (600 − 1000)·5/11 = 1000 − 181.818… = 818.2 (one decimal).
        let v = on_path(Ratio::int(1000), Ratio::int(600), 2019, 2030, 2024).unwrap();
        assert_eq!(v.decimal(1, true), "818,2");
        assert!(on_path(Ratio::int(1), Ratio::int(2), 2019, 2030, 2031).is_none());
        assert!(on_path(Ratio::int(1), Ratio::int(2), 2030, 2030, 2030).is_none());
    }

    #[test]
    fn the_demo_indicators_chart() {
        let doc = crate::demo::demo_doc();
        let mut drawn = 0;
        for i in doc.indicators.live() {
            let Some(c) = chart(i, Lang::Sv) else {
                continue;
            };
            drawn += 1;
            assert!(c.years.0 <= c.years.1);
            assert!(c.range.0 < c.range.1);
            for (y, v) in &c.points {
                let (x, h) = (c.x(*y), c.y(*v));
                assert!((0.0..=1.0).contains(&x) && (0.0..=1.0).contains(&h));
                // Every recorded year is in the table.
                assert!(c.table.iter().any(|r| r.year == *y && r.value.is_some()));
            }
        }
        assert!(drawn > 0);
    }
}
