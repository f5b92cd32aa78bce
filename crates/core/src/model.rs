//! The workspace document: plain serde data, no signals, no browser types.
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Longest workspace name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest free text accepted, in characters.
pub const MAX_TEXT_CHARS: usize = 100_000;

/// One workspace: everything a team works on together, exported and merged as a unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    /// Stable identifier of the workspace (UUID text).
    pub id: String,
    /// Name shown in the header, e.g. "Påverkansagenda Jämtland Härjedalen 2020".
    pub name: String,
    /// The organisation that owns the work.
    #[serde(default)]
    pub organisation: String,
    /// What the workspace is for.
    #[serde(default)]
    pub description: String,
    /// Fields written by a newer version of Vägval, kept untouched on round trips.
    #[serde(flatten)]
    pub unknown: Map<String, Value>,
}

impl Workspace {
    /// A new, empty workspace.
    #[must_use]
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            organisation: String::new(),
            description: String::new(),
            unknown: Map::new(),
        }
    }
}
