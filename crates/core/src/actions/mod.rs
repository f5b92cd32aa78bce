//! Insatsområden (DOMAIN §6): the formulas the action areas rest on, ahead of their records —
//! the effect chain's validation (`chain`), an indicator's progress (`progress`) and a
//! project's co-financing checks (`funding`).
pub mod chain;
pub mod date;
pub mod funding;
pub mod plan;
pub mod progress;
