//! An indicator's value: a decimal number kept as its text ("12.5", "-3", "1234.75"), so that
//! what a user typed is what is stored and progress is computed exactly (as a fraction), never
//! through floating point. Read from Swedish forms and Excel ("12,5", "1 234,75", "−3").
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::kernel::lang::Lang;
use crate::ratio::Ratio;

/// Most digits of a value (before and after the point together).
pub const DIGITS_MAX: usize = 15;
/// Most digits after the point.
pub const PLACES_MAX: usize = 4;

/// A decimal number: an optional `-`, digits, optionally `.` and 1–[`PLACES_MAX`] digits; at
/// most [`DIGITS_MAX`] digits in all; no leading zeros but one before the point; no `-0`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Decimal(String);

impl Default for Decimal {
    fn default() -> Self {
        Self("0".to_owned())
    }
}

impl Decimal {
    /// The canonical text, if `s` is one (as files hold it).
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        let body = s.strip_prefix('-').unwrap_or(s);
        let (int, frac) = match body.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (body, None),
        };
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|c| c.is_ascii_digit());
        if !digits(int) || (int.len() > 1 && int.starts_with('0')) {
            return None;
        }
        if let Some(f) = frac
            && (!digits(f) || f.len() > PLACES_MAX || f.ends_with('0'))
        {
            return None;
        }
        if int.len() + frac.map_or(0, str::len) > DIGITS_MAX {
            return None;
        }
        let zero = int == "0" && frac.is_none();
        if zero && s.starts_with('-') {
            return None;
        }
        Some(Self(s.to_owned()))
    }

    /// What a user typed or a Swedish spreadsheet holds: a comma or a point as the decimal
    /// mark, spaces (also no-break and thin) as thousands separators, a minus sign or a hyphen;
    /// trailing zeros after the mark dropped.
    #[must_use]
    pub fn read(text: &str) -> Option<Self> {
        let mut s: String = text
            .trim()
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
            .map(|c| match c {
                ',' => '.',
                '\u{2212}' => '-',
                c => c,
            })
            .collect();
        if s.contains('.') {
            while s.ends_with('0') {
                s.pop();
            }
            if s.ends_with('.') {
                s.pop();
            }
        }
        if s == "-0" {
            s = "0".to_owned();
        }
        Self::parse(&s)
    }

    /// The canonical text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The exact value.
    #[must_use]
    pub fn ratio(&self) -> Ratio {
        let (int, frac) = self.0.split_once('.').unwrap_or((&self.0, ""));
        let negative = int.starts_with('-');
        let digits: String = int
            .trim_start_matches('-')
            .chars()
            .chain(frac.chars())
            .collect();
        // At most 15 digits: fits i64 (and i128) without overflow.
        let magnitude: i128 = digits.parse().unwrap_or(0);
        let scale = 10_i128.pow(u32::try_from(frac.len()).unwrap_or(0));
        Ratio::new(if negative { -magnitude } else { magnitude }, scale)
    }

    /// Written the Swedish way ("1 234,75", "−3") or the English way ("1,234.75", "-3").
    #[must_use]
    pub fn show(&self, lang: Lang) -> String {
        let (int, frac) = self.0.split_once('.').unwrap_or((&self.0, ""));
        let negative = int.starts_with('-');
        let int = int.trim_start_matches('-');
        let (group, mark, minus) = match lang {
            Lang::Sv => ('\u{a0}', ',', '\u{2212}'),
            Lang::En => (',', '.', '-'),
        };
        let mut out = String::new();
        if negative {
            out.push(minus);
        }
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i).is_multiple_of(3) {
                out.push(group);
            }
            out.push(c);
        }
        if !frac.is_empty() {
            out.push(mark);
            out.push_str(frac);
        }
        out
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(d)?;
        Self::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{s}` is not a decimal number such as \"12.5\" (at most {DIGITS_MAX} digits, \
                 {PLACES_MAX} after the point)"
            ))
        })
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Decimal {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Decimal".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^-?(0|[1-9][0-9]*)(\\.[0-9]{0,3}[1-9])?$",
            "maxLength": 17,
            "description": "A decimal number as text: at most 15 digits, 4 after the point; no -0."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_text_only_and_exact_values() {
        for ok in ["0", "12", "-3", "12.5", "0.0001", "123456789012345"] {
            assert!(Decimal::parse(ok).is_some(), "{ok}");
        }
        for bad in [
            "", "-", "01", "-0", "1.", ".5", "1.50", "1,5", "1.23456", "1e3", "+1",
        ] {
            assert!(Decimal::parse(bad).is_none(), "{bad}");
        }
        assert!(Decimal::parse("1234567890123456").is_none(), "16 digits");
        // 12.5 = 125/10 = 25/2; −0.75 = −75/100 = −3/4.
        assert_eq!(
            Decimal::parse("12.5").map(|d| d.ratio()),
            Some(Ratio::new(25, 2))
        );
        assert_eq!(
            Decimal::parse("-0.75").map(|d| d.ratio()),
            Some(Ratio::new(-3, 4))
        );
    }

    #[test]
    fn swedish_input_and_output() {
        let d = |s| Decimal::read(s).map(|d| d.as_str().to_owned());
        assert_eq!(d("12,5"), Some("12.5".into()));
        assert_eq!(d(" 1 234,750 "), Some("1234.75".into()));
        assert_eq!(d("1\u{a0}000"), Some("1000".into()));
        assert_eq!(d("\u{2212}3,0"), Some("-3".into()));
        assert_eq!(d("-0,0"), Some("0".into()));
        assert_eq!(d("tolv"), None);
        let v = Decimal::read("-1234,75").unwrap_or_default();
        assert_eq!(v.show(Lang::Sv), "\u{2212}1\u{a0}234,75");
        assert_eq!(v.show(Lang::En), "-1,234.75");
        assert_eq!(Decimal::default().show(Lang::Sv), "0");
    }

    #[test]
    fn files_refuse_other_texts() {
        assert!(serde_json::from_str::<Decimal>("\"12.5\"").is_ok());
        let e = serde_json::from_str::<Decimal>("\"12,5\"").unwrap_err();
        assert!(e.to_string().contains("12,5"));
        assert!(serde_json::from_str::<Decimal>("12.5").is_err());
    }
}
