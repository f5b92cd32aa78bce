//! An indicator's progress towards its target (DOMAIN §6.3): `(actual − baseline) /
//! (target − baseline)` as an exact fraction. A falling target needs no special case (both
//! differences are negative); above 1 is over-achievement, below 0 moving away; a target
//! equal to the baseline has no progress and is refused with a message, never NaN.
use crate::kernel::lang::{Lang, Localized};
use crate::ratio::Ratio;

/// Formula id of progress.
pub const PROGRESS: &str = "progress_linear_baseline_target_v1";

/// Why there is no progress figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgressError {
    /// The target equals the baseline: nothing to progress towards.
    TargetIsBaseline,
}

impl Localized for ProgressError {
    fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Sv => "Målvärdet är lika med utgångsvärdet, så framsteg går inte att räkna. Ändra målvärdet eller utgångsvärdet.",
            Lang::En => "The target equals the baseline, so progress cannot be computed. Change the target or the baseline.",
        }
        .to_owned()
    }
}

/// The progress of `actual` from `baseline` towards `target`.
///
/// # Errors
/// [`ProgressError::TargetIsBaseline`] when `target == baseline`.
pub fn progress(baseline: Ratio, target: Ratio, actual: Ratio) -> Result<Ratio, ProgressError> {
    let span = target.minus(baseline);
    if span == Ratio::ZERO {
        return Err(ProgressError::TargetIsBaseline);
    }
    Ok(actual.minus(baseline).over(span))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(n: i64) -> Ratio {
        Ratio::int(n)
    }

    #[test]
    fn rising_falling_over_achieved_moving_away_and_undefined() {
        // Rising: baseline 20, target 60, actual 30 → (30 − 20)/(60 − 20) = 10/40 = 1/4.
        assert_eq!(progress(r(20), r(60), r(30)), Ok(Ratio::new(1, 4)));
        // Falling (emissions): baseline 100, target 40, actual 70 → (70 − 100)/(40 − 100)
        // = −30/−60 = 1/2.
        assert_eq!(progress(r(100), r(40), r(70)), Ok(Ratio::new(1, 2)));
        // Over-achieved: baseline 100, target 40, actual 25 → −75/−60 = 5/4 (not clamped).
        assert_eq!(progress(r(100), r(40), r(25)), Ok(Ratio::new(5, 4)));
        // Moving away: baseline 20, target 60, actual 10 → −10/40 = −1/4.
        assert_eq!(progress(r(20), r(60), r(10)), Ok(Ratio::new(-1, 4)));
        // Fractions stay exact: baseline 12.5, target 15, actual 13.75 → 1.25/2.5 = 1/2.
        assert_eq!(
            progress(Ratio::new(25, 2), r(15), Ratio::new(55, 4)),
            Ok(Ratio::new(1, 2))
        );
        // Target = baseline: a typed error with a message in both languages.
        let e = progress(r(5), r(5), r(7)).unwrap_err();
        assert_eq!(e, ProgressError::TargetIsBaseline);
        assert!(e.message(Lang::Sv).contains("utgångsvärdet"));
        assert!(e.message(Lang::En).contains("baseline"));
    }
}
