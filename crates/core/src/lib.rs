//! Vägval's domain core: pure Rust, no browser dependencies.
//!
//! - [`model`]: the workspace document (plain serde data).
//! - [`command`]: every user change is a [`command::Command`] applied here;
//!   [`command::History`] gives undo/redo.
//! - [`snapshot`]: the versioned JSON envelope shared by exported files and the
//!   stored copy.
//! - [`demo`]: the demo workspace built from the Swedish seed documents.
//! - [`lang`]: the two UI languages; every error at a boundary has a message in
//!   both ([`lang::Localized`]).
//!
//! The app (`src/`) and the CLI (`crates/cli`) are thin shells over this crate.
#![forbid(unsafe_code)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod command;
pub mod demo;
pub mod lang;
pub mod model;
pub mod snapshot;

pub use command::{Command, DomainError, History};
pub use lang::{Lang, Localized};
pub use model::Workspace;
pub use snapshot::{Snapshot, SnapshotError};

/// The app version written into every snapshot.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
