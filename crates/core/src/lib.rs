//! Vägval's domain core: pure Rust, no browser dependencies, tested natively.
//!
//! - [`kernel`]: what every module uses, importing no module — ids, clock, registers,
//!   [`record_kind!`], collections, the document trait and [`document!`], merge, validation,
//!   commands and undo, languages, JSON paths, migrations.
//! - [`document`]: the one declaration of the workspace's collections ([`Doc`], [`Kind`]).
//! - [`workspace`]: the workspace's own record ([`workspace::Meta`]).
//! - [`prioritisation`]: the påverkansagenda module — inspel, query, CSV import, dedupe,
//!   rounds and ballots, voting methods, selection, certificate, agenda, demo.
//! - [`conflicts`]: the goal-conflict module — goal sets, matrices, scoring, reveal,
//!   consensus, analysis, case check.
//! - [`stakeholders`]: the stakeholder map — grid and salience classes, network metrics,
//!   layout, Kumu and Excel exchange, personal data.
//! - [`actions`]: the action areas (being built) — records, effect-chain validation, indicator
//!   progress, co-financing, the activity plan and its CSV, the report behind `vagval areas`.
//! - [`overview`]: what needs attention across the workspace (the start page).
//! - [`snapshot`]: the versioned envelope and the import pipeline.
//! - [`describe`]: a merge in people's words.
//!
//! The old paths (`crdt`, `doc`, `command`, `model`, `round`, `vote`, …) stay as re-exports
//! below: they are the crate's stable paths.
//!
//! The published format is `docs/snapshot-format.md` with `docs/snapshot.schema.json`.
#![forbid(unsafe_code)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

// Lets the macros name this crate's paths in string attributes (`vagval_core::…`), here and in
// crates that declare their own records and documents.
extern crate self as vagval_core;

#[macro_use]
pub mod kernel;

pub mod actions;
pub mod conflicts;
pub mod demo;
pub mod describe;
pub mod document;
pub mod overview;
pub mod peer;
pub mod prioritisation;
pub mod proofing;
pub mod snapshot;
pub mod stakeholders;
pub mod workspace;

// ---------------------------------------------------------------- the crate's stable paths
//
// The app and the CLI use these paths; they stay when code moves between the kernel and the
// modules.
pub use kernel::{clock, id, jsonpath, lang, migrate, order};
pub use prioritisation::{certificate, csv_import, dedupe, query, ratio, round, select, vote};

/// Registers, records, collections and checks under their first name (now
/// [`kernel::reg`], [`kernel::record`], [`kernel::collection`], [`kernel::check`]).
pub mod crdt {
    pub use crate::kernel::check;
    pub use crate::kernel::check::{MAX_WALL_MS, Problem, ProblemKind, valid_stamp};
    pub use crate::kernel::collection::*;
    pub use crate::kernel::record::*;
    pub use crate::kernel::reg::*;
}

/// The workspace document and its merge (now [`document`] and [`kernel::doc`]).
pub mod doc {
    pub use crate::document::Doc;
    pub use crate::kernel::doc::{MergeReport, Overwrite, RecordRef, merge};
}

/// Commands and undo for this crate's document (now [`kernel::command`],
/// [`kernel::history`]; the kinds come from [`document`]).
pub mod command {
    pub use crate::document::Kind;
    pub use crate::kernel::command::{DomainError, Stamper, apply};
    pub use crate::kernel::history::HISTORY_LIMIT;
    /// A change to the workspace.
    pub type Command = crate::kernel::command::Command<Kind>;
    /// Undo and redo stacks of inverse commands.
    pub type History = crate::kernel::history::History<Kind>;
}

/// The record kinds by their first home (now [`workspace`], [`prioritisation::inspel`],
/// [`prioritisation::agenda`]).
pub mod model {
    pub use crate::kernel::check::{NAME_MAX, TEXT_MAX};
    pub use crate::prioritisation::agenda::{Agenda, COMMENTS_MAX, Comment};
    pub use crate::prioritisation::inspel::{
        Dimension, GOAL_LINKS_MAX, Inspel, Municipality, ORIGINALS_MAX, Status, link_goal,
    };
    pub use crate::workspace::Meta;
}

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
