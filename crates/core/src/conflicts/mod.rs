//! The goal-conflict module (målkonflikter, DOMAIN §4): goal sets and goals, cross-impact
//! matrices on Nilsson's seven-point scale, silent scoring by many raters (one record per
//! rater and matrix, a register per cell), the reveal with each cell's distribution and the
//! discussion queue, the consensus, the analysis (`analysis`: every measure with its formula
//! id, second order, MICMAC, ±1 sensitivity), and the case check that drafts the memo
//! paragraph. Workflows are commands built here (`workflow`); views only call them. Goals
//! are imported from CSV with `goal_csv`; `network` lays out the signed network view, `heat` the
//! overview of a matrix too large to draw cell by cell.
pub mod analysis;
pub mod case;
pub mod demo;
pub mod goal;
pub mod goal_csv;
pub mod heat;
pub mod matrix;
pub mod network;
pub mod report;
pub mod stats;
pub mod workflow;
