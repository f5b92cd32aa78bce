//! The goal-conflict module (målkonflikter).
pub mod analysis;
