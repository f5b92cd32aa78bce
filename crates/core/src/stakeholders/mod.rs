//! The stakeholder module (intressentkarta, DOMAIN §5): where each actor stands on the
//! power/interest grid and in the salience classes, where the two disagree (`classes`), and
//! the network metrics of the map with their formula ids (`metrics`).
pub mod classes;
pub mod metrics;
