//! Calendar dates for the activity plan (genomförandeplan): a civil date, its day number, and
//! the start–end text Swedish plans write ("2020-04-07 och 2020-04-24", "2020-04-27",
//! "Första kvartalet 2021", "mars 2021", "2021") read as a closed period of days.
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::kernel::lang::{Lang, Localized};

/// A date in the proleptic Gregorian calendar, years 1900–2200 (the plan's limit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    y: u16,
    m: u8,
    d: u8,
}

/// The first and last year a date may have.
pub const YEARS: (u16, u16) = (1900, 2200);

const fn leap(y: u16) -> bool {
    (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400)
}

/// Days in month `m` of year `y`.
#[must_use]
pub const fn month_days(y: u16, m: u8) -> u8 {
    match m {
        2 if leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// `y-m-d`, if it exists and lies within [`YEARS`].
    #[must_use]
    pub const fn new(y: u16, m: u8, d: u8) -> Option<Self> {
        if y < YEARS.0 || y > YEARS.1 || m < 1 || m > 12 || d < 1 || d > month_days(y, m) {
            return None;
        }
        Some(Self { y, m, d })
    }

    /// `YYYY-MM-DD`, exactly.
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let n = |r: std::ops::Range<usize>| -> Option<u16> {
            let t = s.get(r)?;
            t.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| t.parse().ok())?
        };
        Self::new(
            n(0..4)?,
            u8::try_from(n(5..7)?).ok()?,
            u8::try_from(n(8..10)?).ok()?,
        )
    }

    /// The year.
    #[must_use]
    pub const fn year(self) -> u16 {
        self.y
    }

    /// The month, 1–12.
    #[must_use]
    pub const fn month(self) -> u8 {
        self.m
    }

    /// Days since 1970-01-01 (negative before), by the civil-from-days algorithm worked
    /// backwards: years counted from March so the leap day falls last.
    #[must_use]
    pub fn day(self) -> i64 {
        let (m, d) = (i64::from(self.m), i64::from(self.d));
        let y = i64::from(self.y) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `day` days after 1970-01-01, if within [`YEARS`].
    #[must_use]
    pub fn from_day(day: i64) -> Option<Self> {
        let z = day + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Self::new(
            u16::try_from(y).ok()?,
            u8::try_from(m).ok()?,
            u8::try_from(d).ok()?,
        )
    }
}

/// 1970-01-01, day 0 (a register's default; a required date is always set).
impl Default for Date {
    fn default() -> Self {
        Self {
            y: 1970,
            m: 1,
            d: 1,
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// `YYYY-MM-DD` within [`YEARS`], anything else refused with the text named.
impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(d)?;
        Self::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{s}` is not a date YYYY-MM-DD between {} and {}",
                YEARS.0, YEARS.1
            ))
        })
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^(19|2[0-2])[0-9]{2}-[0-9]{2}-[0-9]{2}$",
            "description": "A calendar date YYYY-MM-DD, years 1900–2200."
        })
    }
}

/// Why a period text was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeriodError {
    /// Nothing in it is a date, month, quarter or year.
    Unreadable(String),
    /// It ends before it starts.
    EndsBeforeStart(Date, Date),
}

impl Localized for PeriodError {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::Unreadable(t), Lang::Sv) => format!(
                "”{t}” går inte att läsa som datum. Skriv till exempel 2020-04-07, 2020-04-07 och 2020-04-24, mars 2021 eller första kvartalet 2021."
            ),
            (Self::Unreadable(t), Lang::En) => format!(
                "“{t}” cannot be read as a date. Write for example 2020-04-07, 2020-04-07 och 2020-04-24, mars 2021 or första kvartalet 2021."
            ),
            (Self::EndsBeforeStart(a, b), Lang::Sv) => {
                format!("Slutdatum {b} ligger före startdatum {a}.")
            }
            (Self::EndsBeforeStart(a, b), Lang::En) => {
                format!("The end date {b} is before the start date {a}.")
            }
        }
    }
}

const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

const QUARTERS: [&str; 4] = ["första", "andra", "tredje", "fjärde"];

/// One side of a period: a day, a month, a quarter or a year, as its first and last day.
fn span(words: &[&str]) -> Option<(Date, Date)> {
    let year = |w: &str| -> Option<u16> {
        (w.len() == 4 && w.bytes().all(|c| c.is_ascii_digit()))
            .then(|| w.parse().ok())
            .flatten()
    };
    let months =
        |y: u16, a: u8, b: u8| Some((Date::new(y, a, 1)?, Date::new(y, b, month_days(y, b))?));
    match words {
        [d] => Date::parse(d)
            .map(|d| (d, d))
            .or_else(|| year(d).and_then(|y| months(y, 1, 12))),
        [m, y] => {
            let y = year(y)?;
            if let Some(i) = MONTHS.iter().position(|x| x == m) {
                let m = u8::try_from(i + 1).ok()?;
                return months(y, m, m);
            }
            // "q1 2021", "k1 2021"
            let q = m.strip_prefix('q').or_else(|| m.strip_prefix('k'))?;
            let q: u8 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
            months(y, q * 3 - 2, q * 3)
        }
        // "första kvartalet 2021", "kvartal 1 2021"
        [a, b, y] => {
            let y = year(y)?;
            let q = if b.starts_with("kvartal") {
                QUARTERS.iter().position(|x| x == a)? + 1
            } else if *a == "kvartal" {
                b.parse().ok().filter(|q| (1..=4).contains(q))?
            } else {
                return None;
            };
            let q = u8::try_from(q).ok()?;
            months(y, q * 3 - 2, q * 3)
        }
        _ => None,
    }
}

/// The period a plan's date text names, first and last day included.
///
/// # Errors
/// [`PeriodError::Unreadable`] when the text is not one or two of the forms above (two joined
/// by "och", "till", "–", "—" or " - "); [`PeriodError::EndsBeforeStart`].
pub fn period(text: &str) -> Result<(Date, Date), PeriodError> {
    let folded = text.trim().to_lowercase().replace(['–', '—'], " och ");
    let folded = folded.replace(" - ", " och ").replace(" till ", " och ");
    let words: Vec<&str> = folded.split_whitespace().collect();
    let unreadable = || PeriodError::Unreadable(text.trim().to_owned());
    let (a, b) = match words.iter().position(|w| *w == "och") {
        Some(i) => {
            let (a, b) = (
                span(&words[..i]).ok_or_else(unreadable)?,
                span(&words[i + 1..]).ok_or_else(unreadable)?,
            );
            (a.0, b.1)
        }
        None => span(&words).ok_or_else(unreadable)?,
    };
    if b < a {
        return Err(PeriodError::EndsBeforeStart(a, b));
    }
    Ok((a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: u16, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn day_numbers_round_trip() {
        // 1970-01-01 is day 0; 2000-03-01 is 30·365 + 7 leap days (72, 76, …, 96) + 31 + 29
        // = 10 950 + 7 + 60 = 11 017.
        assert_eq!(d(1970, 1, 1).day(), 0);
        assert_eq!(d(2000, 3, 1).day(), 11_017);
        assert_eq!(d(1969, 12, 31).day(), -1);
        for day in [-25_567, -1, 0, 11_016, 18_262, 20_000, 84_000] {
            assert_eq!(Date::from_day(day).map(Date::day), Some(day));
        }
        assert_eq!(Date::from_day(d(2024, 2, 29).day()), Some(d(2024, 2, 29)));
        assert_eq!(Date::new(2023, 2, 29), None);
        assert_eq!(Date::new(1899, 12, 31), None);
        assert_eq!(Date::parse("2020-04-07"), Some(d(2020, 4, 7)));
        assert_eq!(Date::parse("2020-4-07"), None);
        assert_eq!(Date::parse("2020-13-01"), None);
        assert_eq!(Date::parse("+020-01-01"), None);
        assert_eq!(d(2020, 4, 7).to_string(), "2020-04-07");
    }

    #[test]
    fn the_seed_plan_forms() {
        assert_eq!(
            period("2020-04-07 och 2020-04-24"),
            Ok((d(2020, 4, 7), d(2020, 4, 24)))
        );
        assert_eq!(period("2020-04-27"), Ok((d(2020, 4, 27), d(2020, 4, 27))));
        // The first quarter: January 1 to March 31.
        assert_eq!(
            period("Första kvartalet 2021"),
            Ok((d(2021, 1, 1), d(2021, 3, 31)))
        );
        assert_eq!(period("Q4 2021"), Ok((d(2021, 10, 1), d(2021, 12, 31))));
        assert_eq!(
            period("kvartal 2 2024"),
            Ok((d(2024, 4, 1), d(2024, 6, 30)))
        );
        // February 2024 is a leap month.
        assert_eq!(period("februari 2024"), Ok((d(2024, 2, 1), d(2024, 2, 29))));
        assert_eq!(
            period("2020-12-19 – 2021-01-29"),
            Ok((d(2020, 12, 19), d(2021, 1, 29)))
        );
        assert_eq!(
            period("mars 2021 till maj 2021"),
            Ok((d(2021, 3, 1), d(2021, 5, 31)))
        );
        assert_eq!(period("2022"), Ok((d(2022, 1, 1), d(2022, 12, 31))));
        assert_eq!(
            period("2021-01-29 och 2020-12-19"),
            Err(PeriodError::EndsBeforeStart(
                d(2021, 1, 29),
                d(2020, 12, 19)
            ))
        );
        let e = period("snart").unwrap_err();
        assert_eq!(e, PeriodError::Unreadable("snart".into()));
        assert!(e.message(Lang::Sv).starts_with("”snart” går inte att läsa"));
        assert!(period("").is_err());
        assert!(period("och").is_err());
    }
}
