//! Hållbarhetssäkring (DOMAIN §7): sustainability-proofing of business support, project funds
//! and commercial service — the records (`records`: applications, versioned criteria
//! templates, assessments), the rule engine (`rules`: gates first, then a score; the comparison
//! of two assessors' answers) the flags an assessment must take a position on (`flags`) and a template edited as a form
//! (`template`).
pub mod demo;
pub mod flags;
pub mod records;
pub mod report;
pub mod rules;
pub mod template;
pub mod workflow;
