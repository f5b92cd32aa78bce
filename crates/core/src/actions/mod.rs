//! Insatsområden (DOMAIN §6): the records (`records`: areas, effect chains, indicators, the
//! activity plan, the learning and Sami consultation logs, projects, peer meetings) and the
//! formulas they rest on — the effect chain's validation (`chain`), an indicator's progress
//! (`progress`) on exact decimals (`decimal`), a project's co-financing checks (`funding`), the
//! plan's dates (`date`) and timeline (`plan`).
pub mod chain;
pub mod chart;
pub mod date;
pub mod decimal;
pub mod demo;
pub mod diagram;
pub mod funding;
pub mod logs;
pub mod plan;
pub mod plan_csv;
pub mod progress;
pub mod records;
pub mod report;
pub mod workflow;
