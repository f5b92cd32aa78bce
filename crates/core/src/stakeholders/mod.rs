//! The stakeholder module (intressentkarta, DOMAIN §5): where each actor stands on the
//! power/interest grid and in the salience classes, where the two disagree (`classes`), and
//! the network metrics of the map with their formula ids (`metrics`). The records are in
//! `actor`: actors, relations, and contact persons (personal data, erased for good); `map`
//! reads them for the views and the CLI and holds the personal-data workflows; `report` is the
//! table the app and `vagval stakeholders` print; `kumu` writes and reads Kumu-compatible JSON;
//! `layout` gives the network view its first arrangement; `actor_csv` imports actors from Excel;
//! `svg` draws the map as a standalone SVG file.
pub mod actor;
pub mod actor_csv;
pub mod classes;
pub mod demo;
pub mod kumu;
pub mod layout;
pub mod map;
pub mod metrics;
pub mod report;
pub mod svg;
