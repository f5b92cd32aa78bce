//! Migrations: numbered, pure steps on raw JSON, each turning schema version N into N+1.
//!
//! A step is never edited after release; a fix is a new step. Every step has a golden
//! fixture (`tests/fixtures/v{N}.json`), checked by `tests/snapshot.rs`. One file per step.
use serde_json::Value;

mod v1_to_v2;
mod v2_to_v3;
mod v3_to_v4;
mod v4_to_v5;
mod v5_to_v6;
mod v6_to_v7;
mod v7_to_v8;
mod v8_to_v9;

pub use v1_to_v2::v1_to_v2;
pub use v2_to_v3::v2_to_v3;
pub use v3_to_v4::v3_to_v4;
pub use v4_to_v5::v4_to_v5;
pub use v5_to_v6::v5_to_v6;
pub use v6_to_v7::v6_to_v7;
pub use v7_to_v8::v7_to_v8;
pub use v8_to_v9::v8_to_v9;

/// The schema version this build writes.
pub const CURRENT: u32 = 9;

/// The `min_reader_version` this build writes. Versions 3 and 4 only added collections and
/// fields that an older reader keeps untouched; version 5 changes meanings an older reader
/// would get wrong (a ranking method's `at_most` is part of the rules hash, so an older reader
/// would count no ballot of such a round; the capacity decided after the vote and an override's
/// staleness would be ignored), so files are for readers of version 5 on. Version 6 only adds collections (the goal-conflict
/// module), which a reader of version 5 keeps untouched; version 7 only adds
/// `inspel.goal_links`, kept untouched the same way; version 8 only adds the stakeholder and
/// action-area collections and `sami` on inspel and cases; version 9 only adds the
/// sustainability-proofing's collections.
pub const MIN_READER: u32 = 5;

/// One step: the JSON of version `N` (the index + 1) to version `N + 1`.
pub type Step = fn(Value) -> Result<Value, String>;

/// `MIGRATIONS[i]` turns version `i + 1` into `i + 2`.
pub const MIGRATIONS: &[Step] = &[
    v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5, v5_to_v6, v6_to_v7, v7_to_v8, v8_to_v9,
];

/// Runs every step from `from` up to [`CURRENT`].
///
/// # Errors
/// The failing step's description and the version it started from.
pub fn migrate(mut value: Value, from: u32) -> Result<Value, (u32, String)> {
    let start = usize::try_from(from.max(1) - 1).unwrap_or(usize::MAX);
    for (i, step) in MIGRATIONS.iter().enumerate().skip(start) {
        let version = u32::try_from(i + 1).unwrap_or(u32::MAX);
        value = step(value).map_err(|e| (version, e))?;
    }
    Ok(value)
}
