//! The versioned JSON envelope used for exported files and for the stored copy.
//!
//! ```json
//! {"format":"vagval/workspace","schema_version":1,"min_reader_version":1,
//!  "app_version":"0.1.0","exported_at":"2026-11-22T10:00:00Z","device":"…",
//!  "workspace":{…}}
//! ```
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::lang::{Lang, Localized};
use crate::model::Workspace;

/// The `format` identifier every Vägval workspace file carries.
pub const FORMAT: &str = "vagval/workspace";
/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 1;
/// Largest file accepted, checked before reading.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

/// A workspace in its envelope.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Always [`FORMAT`].
    pub format: String,
    /// Schema version of `workspace`.
    pub schema_version: u32,
    /// Oldest reader schema that can read this file safely.
    pub min_reader_version: u32,
    /// Version of the app that wrote the file.
    pub app_version: String,
    /// When it was written (RFC 3339, UTC).
    pub exported_at: String,
    /// Random id of the device that wrote it (no fingerprinting data).
    pub device: String,
    /// The document.
    pub workspace: Workspace,
}

/// Why a file or stored copy could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SnapshotError {
    /// The input is larger than [`MAX_FILE_BYTES`].
    #[error("file is {size} bytes; the limit is {max}")]
    TooLarge {
        /// Size found.
        size: usize,
        /// The limit.
        max: usize,
    },
    /// Not valid JSON, or JSON of the wrong shape.
    #[error("invalid JSON at line {line}, column {column}: {detail}")]
    Json {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// serde_json's description.
        detail: String,
    },
    /// The `format` field is missing or names another kind of file.
    #[error("not a Vägval workspace file (format {found:?})")]
    WrongFormat {
        /// What the file says, if anything.
        found: Option<String>,
    },
    /// Written by a newer Vägval that this version cannot read.
    #[error("written by a newer version (schema {found}); this app reads up to {supported}")]
    TooNew {
        /// The file's schema version.
        found: u32,
        /// The newest this build reads.
        supported: u32,
    },
}

impl Localized for SnapshotError {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::TooLarge { size, max }, Lang::Sv) => format!(
                "Filen är {} MB – större än gränsen {} MB. Inget har ändrats.",
                size / 1_000_000,
                max / 1_000_000
            ),
            (Self::TooLarge { size, max }, Lang::En) => format!(
                "The file is {} MB, larger than the {} MB limit. Nothing was changed.",
                size / 1_000_000,
                max / 1_000_000
            ),
            (Self::Json { line, column, .. }, Lang::Sv) => format!(
                "Filen är inte giltig JSON (rad {line}, kolumn {column}). Inget har ändrats."
            ),
            (Self::Json { line, column, .. }, Lang::En) => format!(
                "The file is not valid JSON (line {line}, column {column}). Nothing was changed."
            ),
            (Self::WrongFormat { .. }, Lang::Sv) => {
                "Filen är inte en Vägval-arbetsyta. Inget har ändrats.".to_owned()
            }
            (Self::WrongFormat { .. }, Lang::En) => {
                "The file is not a Vägval workspace. Nothing was changed.".to_owned()
            }
            (Self::TooNew { found, supported }, Lang::Sv) => format!(
                "Filen är gjord med en nyare version av Vägval (schema {found}, den här läser \
                 upp till {supported}). Uppdatera appen och försök igen."
            ),
            (Self::TooNew { found, supported }, Lang::En) => format!(
                "The file was made with a newer version of Vägval (schema {found}; this one \
                 reads up to {supported}). Update the app and try again."
            ),
        }
    }
}

impl From<serde_json::Error> for SnapshotError {
    fn from(e: serde_json::Error) -> Self {
        Self::Json { line: e.line(), column: e.column(), detail: e.to_string() }
    }
}

impl Snapshot {
    /// Wraps `workspace` in a current envelope.
    #[must_use]
    pub fn new(workspace: Workspace, exported_at: impl Into<String>, device: impl Into<String>) -> Self {
        Self {
            format: FORMAT.to_owned(),
            schema_version: SCHEMA_VERSION,
            min_reader_version: 1,
            app_version: crate::APP_VERSION.to_owned(),
            exported_at: exported_at.into(),
            device: device.into(),
            workspace,
        }
    }

    /// Pretty JSON, as written to files and storage.
    ///
    /// # Errors
    /// Only if serialisation fails, which plain data cannot.
    pub fn encode(&self) -> Result<String, SnapshotError> {
        Ok(serde_json::to_string_pretty(self)?)
    }

    /// Reads a snapshot, checking size, JSON, format and version in that order.
    ///
    /// # Errors
    /// The first [`SnapshotError`] found; nothing is partly read.
    pub fn decode(text: &str) -> Result<Self, SnapshotError> {
        if text.len() > MAX_FILE_BYTES {
            return Err(SnapshotError::TooLarge { size: text.len(), max: MAX_FILE_BYTES });
        }
        let raw: serde_json::Value = serde_json::from_str(text)?;
        let format = raw.get("format").and_then(serde_json::Value::as_str);
        if format != Some(FORMAT) {
            return Err(SnapshotError::WrongFormat { found: format.map(str::to_owned) });
        }
        let version = raw
            .get("min_reader_version")
            .and_then(serde_json::Value::as_u64)
            .and_then(|v| u32::try_from(v).ok())
            .unwrap_or(u32::MAX);
        if version > SCHEMA_VERSION {
            let found = raw
                .get("schema_version")
                .and_then(serde_json::Value::as_u64)
                .map_or(u32::MAX, |v| u32::try_from(v).unwrap_or(u32::MAX));
            return Err(SnapshotError::TooNew { found, supported: SCHEMA_VERSION });
        }
        Ok(serde_json::from_value(raw)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_workspace;

    fn snap() -> Snapshot {
        Snapshot::new(demo_workspace(), "2026-11-22T10:00:00Z", "dev-1")
    }

    #[test]
    fn encode_decode_round_trips() {
        let s = snap();
        assert_eq!(Snapshot::decode(&s.encode().unwrap()).unwrap(), s);
    }

    #[test]
    fn unknown_fields_in_the_workspace_survive() {
        let mut v: serde_json::Value = serde_json::from_str(&snap().encode().unwrap()).unwrap();
        v["workspace"]["future_field"] = serde_json::json!({"a": [1, 2]});
        let back = Snapshot::decode(&v.to_string()).unwrap();
        let again: serde_json::Value = serde_json::from_str(&back.encode().unwrap()).unwrap();
        assert_eq!(again["workspace"]["future_field"], serde_json::json!({"a": [1, 2]}));
    }

    #[test]
    fn refuses_other_formats_newer_versions_and_broken_json() {
        assert!(matches!(Snapshot::decode("{\"a\":1"), Err(SnapshotError::Json { line: 1, .. })));
        assert_eq!(
            Snapshot::decode("{\"format\":\"excalidraw\"}"),
            Err(SnapshotError::WrongFormat { found: Some("excalidraw".into()) })
        );
        let mut v: serde_json::Value = serde_json::from_str(&snap().encode().unwrap()).unwrap();
        v["schema_version"] = 7.into();
        v["min_reader_version"] = 5.into();
        let err = Snapshot::decode(&v.to_string()).unwrap_err();
        assert_eq!(err, SnapshotError::TooNew { found: 7, supported: SCHEMA_VERSION });
        assert!(err.message(Lang::Sv).contains("Uppdatera appen"));
        let big = " ".repeat(MAX_FILE_BYTES + 1);
        assert!(matches!(Snapshot::decode(&big), Err(SnapshotError::TooLarge { .. })));
    }
}
