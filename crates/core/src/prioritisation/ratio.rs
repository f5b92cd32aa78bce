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
        self.plus(Self {
            num: -o.num,
            den: o.den,
        })
    }

    /// Product.
    #[must_use]
    pub fn times(self, o: Self) -> Self {
        Self::new(
            i128::from(self.num) * i128::from(o.num),
            i128::from(self.den) * i128::from(o.den),
        )
    }

    /// Quotient (by zero gives zero).
    #[must_use]
    pub fn over(self, o: Self) -> Self {
        Self::new(
            i128::from(self.num) * i128::from(o.den),
            i128::from(self.den) * i128::from(o.num),
        )
    }

    /// For display and the few float formulas (logarithms); never for ranking.
    #[must_use]
    #[allow(clippy::cast_precision_loss)]
    pub fn to_f64(self) -> f64 {
        self.num as f64 / self.den as f64
    }

    /// As [`Ratio::decimal`], but a whole number is written as an integer ("4", not "4,00").
    #[must_use]
    pub fn display(self, places: u32, comma: bool) -> String {
        if self.den == 1 {
            self.num.to_string()
        } else {
            self.decimal(places, comma)
        }
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

/// A fixed-point decimal with six places (millionths), for the few values that are not
/// rational — a standard deviation, a Tastle–Wierman consensus. Computed with integer
/// arithmetic only ([`Fixed::sqrt`], [`log2_fixed`]), so every device gets the same digits;
/// written in files as a decimal string with six places, e.g. `"0.353649"`. Display and
/// flagging only: never used to rank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct Fixed(i64);

/// Millionths per unit of [`Fixed`].
const MICRO: i128 = 1_000_000;

impl Fixed {
    /// Zero.
    pub const ZERO: Self = Self(0);
    /// One.
    pub const ONE: Self = Self(1_000_000);

    /// From millionths.
    #[must_use]
    pub const fn from_micros(micros: i64) -> Self {
        Self(micros)
    }

    /// Millionths.
    #[must_use]
    pub const fn micros(self) -> i64 {
        self.0
    }

    /// For display.
    #[must_use]
    #[allow(clippy::cast_precision_loss)]
    pub fn to_f64(self) -> f64 {
        self.0 as f64 / 1e6
    }

    /// `places` (≤ 6) decimals, rounded half away from zero; a whole value is written without
    /// decimals ("2", not "2,00").
    #[must_use]
    pub fn decimal(self, places: u32, comma: bool) -> String {
        Ratio::new(i128::from(self.0), MICRO).display(places, comma)
    }

    /// The square root of a non-negative ratio, rounded to the nearest millionth (a negative
    /// ratio gives zero). Exact integer arithmetic: `isqrt(x · 10¹²)` with a rounding step.
    #[must_use]
    pub fn sqrt(x: Ratio) -> Self {
        if x.num <= 0 {
            return Self::ZERO;
        }
        // y = x · 10¹², s = ⌊√⌊y⌋⌋ = ⌊√y⌋; round up when (s + ½)² ≤ y, i.e. (2s + 1)² · den ≤ 4 · num · 10¹².
        let (num, den) = (i128::from(x.num) * MICRO * MICRO, i128::from(x.den));
        let s = isqrt(num / den);
        let up = (2 * s + 1)
            .checked_mul(2 * s + 1)
            .and_then(|q| q.checked_mul(den))
            .is_some_and(|q| q <= 4 * num);
        let s = if up { s + 1 } else { s };
        Self(i64::try_from(s).unwrap_or(i64::MAX))
    }

    /// A value of [`log2_fixed`]'s fixed point (`LOG_BITS` fraction bits) rounded to millionths.
    #[must_use]
    pub fn from_log_fixed(v: i128) -> Self {
        let scaled = v * MICRO;
        let half = 1i128 << (LOG_BITS - 1);
        let r = if scaled >= 0 {
            (scaled + half) >> LOG_BITS
        } else {
            -((-scaled + half) >> LOG_BITS)
        };
        Self(i64::try_from(r).unwrap_or(if r < 0 { i64::MIN } else { i64::MAX }))
    }
}

impl From<Fixed> for String {
    fn from(f: Fixed) -> Self {
        let sign = if f.0 < 0 { "-" } else { "" };
        let a = i128::from(f.0).abs();
        format!("{sign}{}.{:06}", a / MICRO, a % MICRO)
    }
}

impl TryFrom<String> for Fixed {
    type Error = &'static str;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        const BAD: &str = "a decimal with six places, such as \"0.500000\"";
        let (neg, body) = s
            .strip_prefix('-')
            .map_or((false, s.as_str()), |b| (true, b));
        let (int, frac) = body.split_once('.').ok_or(BAD)?;
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        if !digits(int) || !digits(frac) || frac.len() != 6 || int.len() > 12 {
            return Err(BAD);
        }
        let v = int.parse::<i64>().map_err(|_| BAD)? * 1_000_000
            + frac.parse::<i64>().map_err(|_| BAD)?;
        Ok(Self(if neg { -v } else { v }))
    }
}

/// ⌊√n⌋ for n ≥ 0 (Newton's method on integers).
fn isqrt(n: i128) -> i128 {
    if n < 2 {
        return n.max(0);
    }
    let mut x = n;
    let mut y = i128::midpoint(x, 1);
    while y < x {
        x = y;
        y = (x + n / x) / 2;
    }
    x
}

/// Fraction bits of [`log2_fixed`]'s result.
pub const LOG_BITS: u32 = 48;

/// `log2(num / den)` for `0 < num ≤ den` as a fixed-point number with [`LOG_BITS`] fraction
/// bits (≤ 0), by the shift-and-square method on integers: the same bits on every device
/// (floating-point `log2` may differ in the last place between platforms). Error below 2⁻⁴⁰.
/// `None` outside the domain.
#[must_use]
pub fn log2_fixed(num: i128, den: i128) -> Option<i128> {
    const F: u32 = 60;
    if num <= 0 || den <= 0 || num > den {
        return None;
    }
    // x = num/den in (0, 1]; scale by 2^k into [1, 2): log2 x = −k + log2(x · 2^k).
    let mut k: i128 = 0;
    let mut n = num;
    while n < den {
        n *= 2;
        k += 1;
    }
    let one: u128 = 1 << F;
    let Ok(mut x) = u128::try_from(n.checked_mul(1 << F)? / den) else {
        return None;
    };
    let mut frac: i128 = 0;
    for bit in (0..LOG_BITS).rev() {
        x = (x * x) >> F;
        if x >= 2 * one {
            x >>= 1;
            frac |= 1 << bit;
        }
    }
    Some(-(k << LOG_BITS) + frac)
}

impl From<Ratio> for [i64; 2] {
    fn from(r: Ratio) -> Self {
        [r.num, r.den]
    }
}

impl TryFrom<[i64; 2]> for Ratio {
    type Error = &'static str;
    fn try_from([n, d]: [i64; 2]) -> Result<Self, Self::Error> {
        if d == 0 {
            Err("zero denominator")
        } else {
            Ok(Self::new(i128::from(n), i128::from(d)))
        }
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
        if self.den == 1 {
            write!(f, "{}", self.num)
        } else {
            write!(f, "{}/{}", self.num, self.den)
        }
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

    #[test]
    fn fixed_point_square_roots_and_logarithms_use_integers_only() {
        use super::{Fixed, LOG_BITS, log2_fixed};
        // √2 = 1.41421356… → 1.414214 (rounded to the nearest millionth); √(1/4) = 0.5 exactly.
        assert_eq!(Fixed::sqrt(Ratio::int(2)), Fixed::from_micros(1_414_214));
        assert_eq!(Fixed::sqrt(Ratio::new(1, 4)), Fixed::from_micros(500_000));
        assert_eq!(Fixed::sqrt(Ratio::ZERO), Fixed::ZERO);
        // log2(1/2) = −1 and log2(1) = 0 exactly; log2(7/8) = log2 7 − 3 = −0.192645.
        assert_eq!(log2_fixed(1, 2), Some(-(1 << LOG_BITS)));
        assert_eq!(log2_fixed(5, 5), Some(0));
        assert_eq!(
            Fixed::from_log_fixed(log2_fixed(7, 8).unwrap()),
            Fixed::from_micros(-192_645)
        );
        assert_eq!((log2_fixed(0, 1), log2_fixed(3, 2)), (None, None));
        // Written as a six-place decimal string; read back only in that form.
        assert_eq!(
            serde_json::to_string(&Fixed::from_micros(-192_645)).unwrap(),
            "\"-0.192645\""
        );
        assert_eq!(
            serde_json::from_str::<Fixed>("\"0.500000\"").unwrap(),
            Fixed::from_micros(500_000)
        );
        assert!(
            serde_json::from_str::<Fixed>("\"0.5\"").is_err()
                && serde_json::from_str::<Fixed>("0.5").is_err()
        );
        // Whole values are shown as integers.
        assert_eq!(Fixed::from_micros(2_000_000).decimal(2, true), "2");
        assert_eq!(Fixed::from_micros(807_355).decimal(2, true), "0,81");
        assert_eq!(Ratio::new(29, 2).display(2, true), "14,50");
        assert_eq!(Ratio::int(4).display(2, true), "4");
    }
}
