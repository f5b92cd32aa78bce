//! Exact rational numbers for results, so that ties stay ties on every device
//! (DOMAIN.md §2: "never rank on f64 equality").
use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Serialize};

/// A fraction `num / den` in lowest terms with `den > 0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "[i64; 2]", try_from = "[i64; 2]")]
pub struct Ratio {
    num: i64,
    den: i64,
}

const fn gcd(mut a: i128, mut b: i128) -> i128 {
    if a < 0 {
        a = -a;
    }
    if b < 0 {
        b = -b;
    }
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a
}

impl Ratio {
    /// Zero.
    pub const ZERO: Self = Self { num: 0, den: 1 };

    /// `num / den`, reduced; `den == 0` gives zero (an empty mean is reported as 0).
    #[must_use]
    pub fn new(num: i128, den: i128) -> Self {
        if den == 0 {
            return Self::ZERO;
        }
        let g = gcd(num, den).max(1);
        let (mut n, mut d) = (num / g, den / g);
        if d < 0 {
            n = -n;
            d = -d;
        }
        Self {
            num: i64::try_from(n).unwrap_or(if n < 0 { i64::MIN } else { i64::MAX }),
            den: i64::try_from(d).unwrap_or(i64::MAX),
        }
    }

    /// A whole number.
    #[must_use]
    pub const fn int(n: i64) -> Self {
        Self { num: n, den: 1 }
    }

    /// Numerator.
    #[must_use]
    pub const fn num(self) -> i64 {
        self.num
    }

    /// Denominator (> 0).
    #[must_use]
    pub const fn den(self) -> i64 {
        self.den
    }

    /// Sum.
    #[must_use]
    pub fn plus(self, o: Self) -> Self {
        Self::new(
            i128::from(self.num) * i128::from(o.den) + i128::from(o.num) * i128::from(self.den),
            i128::from(self.den) * i128::from(o.den),
        )
    }

    /// Difference.
    #[must_use]
    pub fn minus(self, o: Self) -> Self {
        self.plus(Self { num: -o.num, den: o.den })
    }

    /// Product.
    #[must_use]
    pub fn times(self, o: Self) -> Self {
        Self::new(i128::from(self.num) * i128::from(o.num), i128::from(self.den) * i128::from(o.den))
    }

    /// Quotient (by zero gives zero).
    #[must_use]
    pub fn over(self, o: Self) -> Self {
        Self::new(i128::from(self.num) * i128::from(o.den), i128::from(self.den) * i128::from(o.num))
    }

    /// For display and the few float formulas (logarithms); never for ranking.
    #[must_use]
    #[allow(clippy::cast_precision_loss)]
    pub fn to_f64(self) -> f64 {
        self.num as f64 / self.den as f64
    }

    /// Swedish or English decimal text with `places` decimals, rounded half away from zero.
    #[must_use]
    pub fn decimal(self, places: u32, comma: bool) -> String {
        let scale = 10i128.pow(places);
        let scaled = i128::from(self.num) * scale;
        let den = i128::from(self.den);
        let rounded = (scaled.abs() * 2 + den) / (2 * den) * scaled.signum();
        let sign = if rounded < 0 { "-" } else { "" };
        let abs = rounded.abs();
        let (int, frac) = (abs / scale, abs % scale);
        if places == 0 {
            return format!("{sign}{int}");
        }
        let sep = if comma { ',' } else { '.' };
        format!("{sign}{int}{sep}{frac:0width$}", width = places as usize)
    }
}

impl From<Ratio> for [i64; 2] {
    fn from(r: Ratio) -> Self {
        [r.num, r.den]
    }
}

impl TryFrom<[i64; 2]> for Ratio {
    type Error = &'static str;
    fn try_from([n, d]: [i64; 2]) -> Result<Self, Self::Error> {
        if d == 0 { Err("zero denominator") } else { Ok(Self::new(i128::from(n), i128::from(d))) }
    }
}

impl Ord for Ratio {
    fn cmp(&self, o: &Self) -> Ordering {
        (i128::from(self.num) * i128::from(o.den)).cmp(&(i128::from(o.num) * i128::from(self.den)))
    }
}

impl PartialOrd for Ratio {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.den == 1 { write!(f, "{}", self.num) } else { write!(f, "{}/{}", self.num, self.den) }
    }
}

#[cfg(test)]
mod tests {
    use super::Ratio;

    #[test]
    fn arithmetic_is_exact_and_reduced() {
        let third = Ratio::new(1, 3);
        assert_eq!(third.plus(third).plus(third), Ratio::int(1));
        assert_eq!(Ratio::new(2, -4), Ratio::new(-1, 2));
        assert_eq!(Ratio::new(6, 4).to_string(), "3/2");
        assert!(Ratio::new(1, 3) < Ratio::new(34, 100));
        assert_eq!(Ratio::new(5, 0), Ratio::ZERO);
        assert_eq!(Ratio::new(2, 3).decimal(2, true), "0,67");
        assert_eq!(Ratio::new(-5, 2).decimal(0, false), "-3");
        assert_eq!(Ratio::new(1, 8).decimal(2, false), "0.13");
        assert_eq!(serde_json::to_string(&Ratio::new(3, 6)).unwrap(), "[1,2]");
    }
}
