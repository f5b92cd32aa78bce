//! The prioritisation module (påverkansagenda): inspel and their list, CSV import, merging
//! duplicates, voting rounds and ballots, the voting methods, the capacity selection, the
//! result certificate, the agenda, and the demo workspace. The workflows the views run are
//! core builders here, tested natively: a round draft → its command (`round_draft`), a
//! result → the agenda batch (`agenda::to_agenda`), a ballot's supersede rule and budget
//! (`casting`); the inspel list's cache
//! (`list_cache`) is checked against full recomputation.
pub mod agenda;
pub mod ballot;
pub mod casting;
pub mod certificate;
pub mod csv_import;
pub mod dedupe;
pub mod demo;
pub mod inspel;
pub mod list_cache;
pub mod query;
pub mod ratio;
pub mod round;
pub mod round_draft;
pub mod select;
pub mod vote;
