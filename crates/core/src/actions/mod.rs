//! Insatsområden (DOMAIN §6): the formulas the action areas rest on, ahead of their records —
//! the effect chain's validation (`chain`) and an indicator's progress (`progress`).
pub mod chain;
pub mod progress;
