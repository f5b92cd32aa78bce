//! The prioritisation module (påverkansagenda): inspel and their list, CSV import, merging
//! duplicates, voting rounds and ballots, the voting methods, the capacity selection, the
//! result certificate, the agenda, and the demo workspace.
pub mod agenda;
pub mod certificate;
pub mod csv_import;
pub mod dedupe;
pub mod demo;
pub mod inspel;
pub mod query;
pub mod ratio;
pub mod round;
pub mod select;
pub mod vote;
