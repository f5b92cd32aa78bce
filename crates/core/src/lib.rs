//! Vägval's domain core: pure Rust, no browser dependencies, tested natively.
//!
//! - [`model`]: the record kinds (workspace meta, inspel) — structs of last-writer-wins
//!   registers declared with [`record_kind!`].
//! - [`crdt`] and [`clock`]: registers, hybrid logical clock stamps, tombstones.
//! - [`doc`]: the workspace document and [`doc::merge`] with its [`doc::MergeReport`].
//! - [`command`]: every user change is a [`command::Command`]; [`command::History`] gives
//!   undo/redo.
//! - [`snapshot`]: the versioned envelope and the import pipeline; [`migrate`]: the
//!   numbered migration steps.
//! - [`demo`]: the demo workspace built from the Swedish seed documents.
//! - [`lang`]: the two UI languages; every error at a boundary has a message in both
//!   ([`lang::Localized`]).
//!
//! The published format is `docs/snapshot-format.md` with `docs/snapshot.schema.json`.
#![forbid(unsafe_code)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

#[macro_use]
pub mod crdt;
pub mod certificate;
pub mod clock;
pub mod command;
pub mod csv_import;
pub mod dedupe;
pub mod demo;
pub mod describe;
pub mod doc;
pub mod id;
pub mod jsonpath;
pub mod lang;
pub mod migrate;
pub mod model;
pub mod query;
pub mod ratio;
pub mod round;
pub mod select;
pub mod snapshot;
pub mod vote;

pub use clock::{Hlc, Stamp};
pub use command::{Command, DomainError, History, Kind, Stamper};
pub use doc::{Doc, MergeReport, merge};
pub use id::Id;
pub use lang::{Lang, Localized};
pub use snapshot::{Decoded, ImportError, Snapshot};

/// The app version written into every snapshot.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// What the reader holds beyond what JSON Schema can say (docs/snapshot-format.md has them all).
#[cfg(feature = "schema")]
const SCHEMA_COMMENT: &str = "Beyond this schema the reader holds: an integer is written without a \
fraction or exponent (1, not 1.0 — JSON Schema's integer would admit 1.0; the reader refuses it); \
nesting of at most 127 arrays and objects, the envelope counting as the first; no object key given \
twice; required fields present and not null; an erased record holds only id and deleted; \
semantic rules and limits as in docs/snapshot-format.md.";

/// The JSON Schema of a snapshot file, pretty-printed.
#[cfg(feature = "schema")]
#[must_use]
pub fn json_schema() -> String {
    let mut schema = schemars::schema_for!(Snapshot);
    schema.insert(
        "$comment".into(),
        serde_json::Value::String(SCHEMA_COMMENT.into()),
    );
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}
