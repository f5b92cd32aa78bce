//! The document kernel: what every module uses, importing no module.
//!
//! - [`id`], [`clock`]: ids, the hybrid logical clock and its stamps.
//! - [`reg`]: last-writer-wins registers and maps of registers, and their merges.
//! - [`record`]: the [`record::Record`] trait and [`record_kind!`](crate::record_kind!), which
//!   declares a record kind once; [`record::Guard`], the hook for a kind's document rules.
//! - [`collection`]: records of one kind keyed by id.
//! - [`check`]: validation problems and field checks.
//! - [`doc`]: the [`doc::Document`] trait, merge with its report, validation across
//!   collections, and [`document!`](crate::document!), which declares the document once.
//! - [`command`], [`history`]: commands, applying them, undo and redo.
//! - [`lang`]: the two languages and [`lang::Localized`]; [`jsonpath`]: JSON paths in
//!   messages; [`migrate`]: the numbered migration steps, one file each.
//! - [`csv_in`], [`csv_out`]: reading CSV as spreadsheets save it (encoding, delimiter,
//!   records, limits) and writing it for Swedish Excel.
//! - [`pieces`]: the autosave's writer, which rewrites only the records that changed.
//!
//! A test (`tests/kernel_imports.rs`) fails if a file here names a module.
pub mod check;
pub mod clock;
pub mod collection;
pub mod command;
pub mod csv_in;
pub mod csv_out;
#[macro_use]
pub mod doc;
pub mod history;
pub mod id;
pub mod jsonpath;
pub mod lang;
pub mod migrate;
pub mod order;
pub mod pieces;
#[macro_use]
pub mod record;
pub mod reg;
