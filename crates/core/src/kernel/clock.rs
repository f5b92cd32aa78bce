//! Hybrid logical clock stamps that order every field edit.
//!
//! A stamp is `(wall_ms, counter, actor)`, compared in that order. The actor is a random
//! device id plus a per-load suffix, so two tabs or devices never mint equal stamps. The
//! clock only ever moves forward; the merge never reads it.
use serde::{Deserialize, Serialize};

/// How far into the future an observed stamp may pull the local clock.
pub const MAX_FUTURE_MS: u64 = 24 * 60 * 60 * 1000;

/// An edit's position in the total order: `[wall_ms, counter, "actor"]` in JSON.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Stamp(
    /// Milliseconds since 1970 on the editing device (as corrected by the clock).
    pub u64,
    /// Tie-breaker for edits within one millisecond.
    pub u32,
    /// Who made the edit: device id and per-load suffix.
    pub String,
);

impl Stamp {
    /// The stamp given to values migrated from files that had no stamps.
    #[must_use]
    pub fn origin(actor: &str) -> Self {
        Self(0, 0, actor.to_owned())
    }

    /// Wall time in ms.
    #[must_use]
    pub const fn wall(&self) -> u64 {
        self.0
    }

    /// The actor.
    #[must_use]
    pub fn actor(&self) -> &str {
        &self.2
    }
}

/// A hybrid logical clock for one actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hlc {
    wall: u64,
    counter: u32,
    actor: String,
}

impl Hlc {
    /// A clock for `actor` that has seen nothing yet.
    #[must_use]
    pub fn new(actor: impl Into<String>) -> Self {
        Self {
            wall: 0,
            counter: 0,
            actor: actor.into(),
        }
    }

    /// The actor this clock stamps for.
    #[must_use]
    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// A fresh stamp greater than every stamp this clock has issued or observed.
    pub fn tick(&mut self, now_ms: u64) -> Stamp {
        if now_ms > self.wall {
            self.wall = now_ms;
            self.counter = 0;
        } else if let Some(next) = self.counter.checked_add(1) {
            self.counter = next;
        } else {
            // 4 billion edits in one millisecond: borrow the next millisecond.
            self.wall += 1;
            self.counter = 0;
        }
        Stamp(self.wall, self.counter, self.actor.clone())
    }

    /// Moves the clock past `seen` so later local edits win over it. A stamp more than
    /// [`MAX_FUTURE_MS`] ahead of `now_ms` only advances the clock to that limit; returns
    /// `true` for such a "device clock in the future" stamp.
    pub fn observe(&mut self, seen: &Stamp, now_ms: u64) -> bool {
        let limit = now_ms.saturating_add(MAX_FUTURE_MS);
        let future = seen.0 > limit;
        let (wall, counter) = if future { (limit, 0) } else { (seen.0, seen.1) };
        if wall > self.wall || (wall == self.wall && counter > self.counter) {
            self.wall = wall;
            self.counter = counter;
        }
        future
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_increase_even_when_the_wall_clock_goes_back() {
        let mut c = Hlc::new("a");
        let s1 = c.tick(1000);
        let s2 = c.tick(1000);
        let s3 = c.tick(900);
        assert!(s1 < s2 && s2 < s3);
        assert_eq!(s3, Stamp(1000, 2, "a".into()));
        assert_eq!(c.tick(2000), Stamp(2000, 0, "a".into()));
    }

    #[test]
    fn observing_moves_past_other_stamps_but_clamps_the_future() {
        let mut c = Hlc::new("a");
        assert!(!c.observe(&Stamp(5000, 3, "b".into()), 1000));
        assert!(c.tick(1000) > Stamp(5000, 3, "b".into()));
        let far = Stamp(10 * MAX_FUTURE_MS, 0, "b".into());
        assert!(c.observe(&far, 1000));
        let next = c.tick(1000);
        assert_eq!(next.0, 1000 + MAX_FUTURE_MS);
        assert!(next < far);
    }

    #[test]
    fn stamps_serialise_as_arrays() {
        let s = Stamp(1_732_270_000_000, 2, "dev-1.a".into());
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            r#"[1732270000000,2,"dev-1.a"]"#
        );
    }
}
