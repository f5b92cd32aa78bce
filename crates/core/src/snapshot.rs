//! The versioned JSON envelope used for exported files and for the stored copy, and the
//! import pipeline: size cap → parse (depth ≤ 128) → format check → migrate → typed decode
//! → checksum → semantic validation → merge into a copy. Every failure is a typed
//! [`ImportError`]; nothing is partly read.
//!
//! ```json
//! {"format":"vagval/workspace","schema_version":2,"min_reader_version":2,
//!  "app_version":"0.1.0","exported_at":"2026-11-22T10:00:00.000Z","device":"dev-…",
//!  "checksum":"crc32:1a2b3c4d","workspace":{"id":"…","meta":{…},"inspel":[…]}}
//! ```
use serde::{Deserialize, Serialize};
use serde_json::Value;
use thiserror::Error;

use crate::crdt::Problem;
use crate::doc::{Doc, MergeReport, merge};
use crate::lang::{Lang, Localized};
use crate::migrate::{CURRENT, migrate};

/// The `format` identifier every Vägval workspace file carries.
pub const FORMAT: &str = "vagval/workspace";
/// Largest file accepted, checked before reading.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;
/// Most validation problems reported for one file.
pub const MAX_PROBLEMS: usize = 20;

/// A workspace in its envelope.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Snapshot {
    /// Always `"vagval/workspace"`.
    pub format: String,
    /// Schema version of `workspace`; see the migration rules in docs/snapshot-format.md.
    pub schema_version: u32,
    /// Oldest reader schema that can read this file without losing meaning.
    pub min_reader_version: u32,
    /// Version of the app that wrote the file.
    pub app_version: String,
    /// When it was written (RFC 3339, UTC).
    pub exported_at: String,
    /// Random id of the device that wrote it (no fingerprinting data).
    pub device: String,
    /// `crc32:` and 8 hex digits over the compact JSON of `workspace` as Vägval writes it.
    /// Optional: other tools may leave it out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checksum: Option<String>,
    /// The document.
    pub workspace: Doc,
}

/// Why a file or stored copy could not be read. The stored data is never touched.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportError {
    /// Larger than [`MAX_FILE_BYTES`].
    #[error("file is {size} bytes; the limit is {max}")]
    TooLarge {
        /// Size found.
        size: usize,
        /// The limit.
        max: usize,
    },
    /// Not UTF-8 text.
    #[error("not UTF-8 text")]
    NotText,
    /// Not valid JSON (or nested deeper than 128 levels).
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
    /// `schema_version` or `min_reader_version` missing or not a whole number.
    #[error("missing or invalid {field}")]
    BadVersion {
        /// Which field.
        field: &'static str,
    },
    /// Written by a newer Vägval that this version cannot read.
    #[error("written by a newer version (schema {found}); this app reads up to {supported}")]
    TooNew {
        /// The file's `min_reader_version`.
        found: u32,
        /// The newest this build reads.
        supported: u32,
    },
    /// A migration step failed.
    #[error("migration from schema {from} failed: {detail}")]
    Migration {
        /// Version the failing step started from.
        from: u32,
        /// What was wrong.
        detail: String,
    },
    /// Valid JSON of the wrong shape.
    #[error("at {path}: {detail}")]
    Decode {
        /// JSON path, e.g. `workspace.inspel[2].title.value`.
        path: String,
        /// What serde found.
        detail: String,
    },
    /// The checksum does not match: the file was changed or damaged after writing.
    #[error("checksum mismatch: file says {expected}, content is {actual}")]
    Checksum {
        /// What the file says.
        expected: String,
        /// What the content hashes to.
        actual: String,
    },
    /// Decoded, but breaks the rules of the model.
    #[error("{} problem(s), first at {}", .problems.len(), .problems.first().map_or("", |p| p.path.as_str()))]
    Invalid {
        /// Up to [`MAX_PROBLEMS`] problems.
        problems: Vec<Problem>,
    },
}

impl Localized for ImportError {
    fn message(&self, lang: Lang) -> String {
        let sv = lang == Lang::Sv;
        let body = match self {
            Self::TooLarge { size, max } => {
                let (s, m) = (mb(*size, lang), mb(*max, lang));
                if sv {
                    format!("Filen är {s} MB, större än gränsen {m} MB.")
                } else {
                    format!("The file is {s} MB, larger than the {m} MB limit.")
                }
            }
            Self::NotText => {
                if sv {
                    "Filen är inte text (UTF-8).".into()
                } else {
                    "The file is not text (UTF-8).".into()
                }
            }
            Self::Json {
                line,
                column,
                detail,
            } => {
                let what = if detail.contains("recursion limit") {
                    if sv {
                        "är för djupt nästlad"
                    } else {
                        "is nested too deeply"
                    }
                } else if sv {
                    "är inte giltig JSON"
                } else {
                    "is not valid JSON"
                };
                if sv {
                    format!("Filen {what} (rad {line}, kolumn {column}).")
                } else {
                    format!("The file {what} (line {line}, column {column}).")
                }
            }
            Self::WrongFormat { .. } => {
                if sv {
                    "Filen är inte en Vägval-arbetsyta.".into()
                } else {
                    "The file is not a Vägval workspace.".into()
                }
            }
            Self::BadVersion { field } => {
                if sv {
                    format!("Filen saknar ett giltigt {field}.")
                } else {
                    format!("The file has no valid {field}.")
                }
            }
            Self::TooNew { found, supported } => {
                if sv {
                    format!(
                        "Filen är gjord med en nyare version av Vägval (schema {found}; den här läser \
                     upp till {supported}). Anslut till internet och ladda om för att uppdatera, importera sedan igen."
                    )
                } else {
                    format!(
                        "The file was made with a newer version of Vägval (schema {found}; this one reads \
                     up to {supported}). Connect to the internet and reload to update, then import again."
                    )
                }
            }
            Self::Migration { from, detail } => {
                if sv {
                    format!("Filen (schema {from}) kunde inte uppgraderas: {detail}.")
                } else {
                    format!("The file (schema {from}) could not be upgraded: {detail}.")
                }
            }
            Self::Decode { path, detail } => {
                let detail = detail.split(" at line ").next().unwrap_or(detail);
                if sv {
                    format!("Fel innehåll vid {path}: {detail}.")
                } else {
                    format!("Wrong content at {path}: {detail}.")
                }
            }
            Self::Checksum { .. } => {
                if sv {
                    "Filens kontrollsumma stämmer inte – den har ändrats eller skadats efter att den sparades.".into()
                } else {
                    "The file's checksum does not match – it was changed or damaged after it was saved.".into()
                }
            }
            Self::Invalid { problems } => {
                let list: Vec<String> = problems
                    .iter()
                    .take(3)
                    .map(|p| format!("{} {}", p.path, p.kind.message(lang)))
                    .collect();
                let more = problems.len().saturating_sub(3);
                let tail = match (more, sv) {
                    (0, _) => String::new(),
                    (n, true) => format!(" (och {n} till)"),
                    (n, false) => format!(" (and {n} more)"),
                };
                if sv {
                    format!("Filen bryter mot reglerna: {}{tail}.", list.join("; "))
                } else {
                    format!("The file breaks the rules: {}{tail}.", list.join("; "))
                }
            }
        };
        let tail = if sv {
            "Inget har ändrats."
        } else {
            "Nothing was changed."
        };
        format!("{body} {tail}")
    }
}

/// Mebibytes with one decimal, integer arithmetic only (no float formatting in the bundle).
fn mb(bytes: usize, lang: Lang) -> String {
    let tenths = (bytes as u128 * 10 + 524_288) / 1_048_576;
    let sep = if lang == Lang::Sv { ',' } else { '.' };
    format!("{}{sep}{}", tenths / 10, tenths % 10)
}

impl From<serde_json::Error> for ImportError {
    fn from(e: serde_json::Error) -> Self {
        Self::Json {
            line: e.line(),
            column: e.column(),
            detail: e.to_string(),
        }
    }
}

/// A snapshot's checksum being taken over its workspace's JSON, part by part.
#[derive(Debug, Clone, Default)]
pub struct Checksum(crc32fast::Hasher);

impl Checksum {
    /// Takes `part` (the next part of the workspace's JSON) into the sum.
    pub fn update(&mut self, part: &str) {
        self.0.update(part.as_bytes());
    }
}

/// The checksum of a document: `crc32:` + 8 hex digits over its compact JSON.
#[must_use]
pub fn checksum(doc: &Doc) -> String {
    let bytes = serde_json::to_vec(doc).unwrap_or_default();
    format!("crc32:{:08x}", crc32fast::hash(&bytes))
}

impl Snapshot {
    /// Wraps `workspace` in a current envelope with its checksum.
    #[must_use]
    pub fn new(workspace: Doc, exported_at: impl Into<String>, device: impl Into<String>) -> Self {
        Self {
            format: FORMAT.to_owned(),
            schema_version: CURRENT,
            min_reader_version: crate::migrate::MIN_READER,
            app_version: crate::APP_VERSION.to_owned(),
            exported_at: exported_at.into(),
            device: device.into(),
            checksum: Some(checksum(&workspace)),
            workspace,
        }
    }

    /// What `Snapshot::new(workspace.clone(), exported_at, device).to_compact()` gives, without
    /// copying the workspace and serialising it once: the checksum is taken over the same bytes
    /// that go into the text (the autosave's path).
    #[must_use]
    pub fn compact_of(workspace: &Doc, exported_at: &str, device: &str) -> String {
        let body = serde_json::to_string(workspace).unwrap_or_default();
        let head = Self::compact_head(std::iter::once(body.as_str()), exported_at, device);
        let mut out = String::with_capacity(head.len() + body.len() + 1);
        out.push_str(&head);
        out.push_str(&body);
        out.push('}');
        out
    }

    /// The envelope of a compact snapshot up to its workspace: the text before the workspace's
    /// JSON, given in `body` as parts (the checksum is taken over them). The snapshot is this,
    /// the parts, and `}` ([`Self::compact_of`]; the autosave joins [`Doc::pieces`]).
    #[must_use]
    pub fn compact_head<'a>(
        body: impl IntoIterator<Item = &'a str>,
        exported_at: &str,
        device: &str,
    ) -> String {
        let mut sum = Checksum::default();
        for part in body {
            sum.update(part);
        }
        Self::compact_head_summed(sum, exported_at, device)
    }

    /// [`Self::compact_head`] with the checksum over the body taken already (the autosave
    /// takes it in slices).
    #[must_use]
    pub fn compact_head_summed(sum: Checksum, exported_at: &str, device: &str) -> String {
        #[derive(Serialize)]
        struct Head<'a> {
            format: &'a str,
            schema_version: u32,
            min_reader_version: u32,
            app_version: &'a str,
            exported_at: &'a str,
            device: &'a str,
            checksum: &'a str,
        }
        let sum = format!("crc32:{:08x}", sum.0.finalize());
        let head = Head {
            format: FORMAT,
            schema_version: CURRENT,
            min_reader_version: crate::migrate::MIN_READER,
            app_version: crate::APP_VERSION,
            exported_at,
            device,
            checksum: &sum,
        };
        let head = serde_json::to_string(&head).unwrap_or_default();
        // `head` is one object: open its closing brace for the workspace, the last field.
        let open = head.strip_suffix('}').unwrap_or(&head);
        format!("{open},\"workspace\":")
    }

    /// Indented JSON, as written to exported files: objects one field a line, arrays
    /// (stamps, lists) on one line, so a file stays readable and compact.
    #[must_use]
    pub fn to_pretty(&self) -> String {
        pretty(&self.to_compact())
    }

    /// Compact JSON, as written to local storage.
    #[must_use]
    pub fn to_compact(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Re-indents compact JSON: objects one member a line (two spaces), arrays on one line.
/// Working on the text keeps a second serialiser out of the wasm bundle.
fn pretty(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() + compact.len() / 4);
    let mut stack: Vec<bool> = Vec::new(); // true = object
    // Only objects indent; arrays stay on their line.
    let depth = |stack: &[bool]| stack.iter().filter(|o| **o).count();
    let mut chars = compact.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                out.push('"');
                while let Some(c) = chars.next() {
                    out.push(c);
                    match c {
                        '\\' => {
                            if let Some(e) = chars.next() {
                                out.push(e);
                            }
                        }
                        '"' => break,
                        _ => {}
                    }
                }
            }
            '{' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push_str("{}");
            }
            '{' => {
                stack.push(true);
                out.push('{');
                newline(&mut out, depth(&stack));
            }
            '}' => {
                stack.pop();
                newline(&mut out, depth(&stack));
                out.push('}');
            }
            '[' => {
                stack.push(false);
                out.push('[');
            }
            ']' => {
                stack.pop();
                out.push(']');
            }
            ',' if stack.last() == Some(&true) => {
                out.push(',');
                newline(&mut out, depth(&stack));
            }
            ',' => out.push_str(", "),
            ':' => out.push_str(": "),
            c => out.push(c),
        }
    }
    out.push('\n');
    out
}

/// A decoded file.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The snapshot, migrated to the current schema.
    pub snapshot: Snapshot,
    /// The schema version the file had.
    pub file_version: u32,
}

impl Decoded {
    /// Whether the file came from an older schema (the stored copy is then backed up).
    #[must_use]
    pub fn migrated(&self) -> bool {
        self.file_version < CURRENT
    }

    /// Whether the file came from a newer schema that this version reads compatibly.
    #[must_use]
    pub fn newer(&self) -> bool {
        self.file_version > CURRENT
    }
}

/// The envelope fields, read in a first pass that also walks the rest of the file
/// without keeping it, so syntax errors and nesting deeper than 128 levels (serde_json's
/// recursion limit, applied to every array and object) are caught before anything else.
#[derive(Default)]
struct Header {
    format: Option<Value>,
    schema_version: Option<Value>,
    min_reader_version: Option<Value>,
    checksum: Option<Value>,
}

/// Walks any JSON value, keeping nothing.
struct Walk;

impl<'de> Deserialize<'de> for Walk {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Walk;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_bool<E>(self, _: bool) -> Result<Walk, E> {
                Ok(Walk)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Walk, E> {
                Ok(Walk)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Walk, E> {
                Ok(Walk)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Walk, E> {
                Ok(Walk)
            }
            fn visit_str<E>(self, _: &str) -> Result<Walk, E> {
                Ok(Walk)
            }
            fn visit_unit<E>(self) -> Result<Walk, E> {
                Ok(Walk)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Walk, A::Error> {
                while seq.next_element::<Walk>()?.is_some() {}
                Ok(Walk)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Walk, A::Error> {
                // A key given twice is refused at any depth (serde_json would keep the last).
                let mut keys = std::collections::BTreeSet::new();
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    if !keys.insert(key.clone()) {
                        return Err(serde::de::Error::custom(format!("duplicate field `{key}`")));
                    }
                    map.next_value::<Walk>()?;
                }
                Ok(Walk)
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for Header {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Header;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Header, A::Error> {
                let mut h = Header::default();
                let mut keys = std::collections::BTreeSet::new();
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    if !keys.insert(key.clone()) {
                        return Err(serde::de::Error::custom(format!("duplicate field `{key}`")));
                    }
                    match key.as_ref() {
                        "format" => h.format = Some(map.next_value()?),
                        "schema_version" => h.schema_version = Some(map.next_value()?),
                        "min_reader_version" => h.min_reader_version = Some(map.next_value()?),
                        "checksum" => h.checksum = Some(map.next_value()?),
                        _ => {
                            map.next_value::<Walk>()?;
                        }
                    }
                }
                Ok(h)
            }
        }
        d.deserialize_map(V)
    }
}

fn version(v: Option<&Value>, field: &'static str) -> Result<u32, ImportError> {
    v.and_then(Value::as_u64)
        // Past u32 is still "a newer version" rather than garbage.
        .map(|n| u32::try_from(n).unwrap_or(u32::MAX))
        .filter(|n| *n >= 1)
        .ok_or(ImportError::BadVersion { field })
}

fn typed(text: &str) -> Result<Snapshot, ImportError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let result = Snapshot::deserialize(&mut de).and_then(|s| de.end().map(|()| s));
    result.map_err(|e| decode_error(text, &e))
}

/// A shape error at its JSON path.
fn decode_error(text: &str, e: &serde_json::Error) -> ImportError {
    let mut path = crate::jsonpath::path_at(text, e.line(), e.column());
    if path.len() > 120 {
        let cut = (0..=117)
            .rev()
            .find(|i| path.is_char_boundary(*i))
            .unwrap_or(0);
        path.truncate(cut);
        path.push('…');
    }
    ImportError::Decode {
        path,
        detail: e.to_string(),
    }
}

/// Reads a file or stored copy: size, JSON, format, version, migration, typed decode,
/// checksum and semantic validation, in that order.
///
/// # Errors
/// The first [`ImportError`] found.
pub fn decode(text: &str) -> Result<Decoded, ImportError> {
    // A byte-order mark, as some Windows editors write, is not part of the JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            size: text.len(),
            max: MAX_FILE_BYTES,
        });
    }
    // Nearly every file is of this very schema and decodes in one pass; any other file, or any
    // failure, takes the full path, which reads the envelope first and names the problem.
    if let Some(snapshot) = current(text) {
        return checked(snapshot, CURRENT, text, true);
    }
    // A first pass reads only the envelope and checks the JSON syntax and depth.
    let header: Header = serde_json::from_str(text).map_err(|e| {
        if e.to_string().starts_with("duplicate field") {
            decode_error(text, &e)
        } else if e.classify() == serde_json::error::Category::Data {
            ImportError::WrongFormat { found: None }
        } else {
            ImportError::from(e)
        }
    })?;
    let format = header.format.as_ref().and_then(Value::as_str);
    if format != Some(FORMAT) {
        return Err(ImportError::WrongFormat {
            found: header
                .format
                .map(|f| f.as_str().map_or_else(|| f.to_string(), str::to_owned)),
        });
    }
    let file_version = version(header.schema_version.as_ref(), "schema_version")?;
    let min_reader = version(header.min_reader_version.as_ref(), "min_reader_version")?;
    if min_reader > file_version {
        // A file cannot need a newer reader than its own schema.
        return Err(ImportError::BadVersion {
            field: "min_reader_version",
        });
    }
    if min_reader > CURRENT {
        return Err(ImportError::TooNew {
            found: min_reader,
            supported: CURRENT,
        });
    }
    // The checksum of a file of any version is over its own `workspace` text, compacted: checked
    // here, before a migration rewrites the document.
    if let Some(Value::String(expected)) = &header.checksum {
        let actual = format!(
            "crc32:{:08x}",
            compact_crc(workspace_text(text).unwrap_or_default())
        );
        if *expected != actual {
            return Err(ImportError::Checksum {
                expected: expected.clone(),
                actual,
            });
        }
    }
    let snapshot = if file_version < CURRENT {
        let raw: Value = serde_json::from_str(text)?;
        let migrated = migrate(raw, file_version)
            .map_err(|(from, detail)| ImportError::Migration { from, detail })?;
        // Back through text, so one decoder (and one copy of its code) serves every file.
        typed(&migrated.to_string())?
    } else {
        typed(text)?
    };
    checked(snapshot, file_version, text, false)
}

/// The envelope of [`Snapshot`] with no room for unknown fields: the one-pass read below takes
/// only files whose every value is kept, where serde_json's recursion limit applies (an
/// ignored field would be skipped at any depth, which the envelope pass refuses).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Strict {
    format: String,
    schema_version: u32,
    min_reader_version: u32,
    app_version: String,
    exported_at: String,
    device: String,
    #[serde(default)]
    checksum: Option<String>,
    workspace: Doc,
}

/// A file of the current schema decoded in one pass, or `None` for anything else (then
/// [`decode`] reads it step by step and names the problem). Only an object: serde_json would
/// also read a struct from an array, which the envelope pass refuses.
fn current(text: &str) -> Option<Snapshot> {
    if !text.trim_start().starts_with('{') {
        return None;
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let s = Strict::deserialize(&mut de).ok()?;
    de.end().ok()?;
    let current = s.format == FORMAT
        && s.schema_version == CURRENT
        && (1..=CURRENT).contains(&s.min_reader_version);
    current.then_some(Snapshot {
        format: s.format,
        schema_version: s.schema_version,
        min_reader_version: s.min_reader_version,
        app_version: s.app_version,
        exported_at: s.exported_at,
        device: s.device,
        checksum: s.checksum,
        workspace: s.workspace,
    })
}

/// The checks after decoding: the checksum, if `sum` (the one-pass read of a file of this schema
/// re-serialises the decoded document, which gives the same bytes as the file's own text for
/// every file Vägval wrote and costs no second scan; the step-by-step read has checked the
/// file's text already), then semantic validation.
fn checked(
    snapshot: Snapshot,
    file_version: u32,
    text: &str,
    sum: bool,
) -> Result<Decoded, ImportError> {
    if let (Some(expected), true) = (&snapshot.checksum, sum) {
        let actual = checksum(&snapshot.workspace);
        if *expected != actual {
            return Err(ImportError::Checksum {
                expected: expected.clone(),
                actual,
            });
        }
    }
    let mut problems = snapshot.workspace.validate(MAX_PROBLEMS);
    if !problems.is_empty() {
        at_file_positions(&snapshot.workspace, text, &mut problems);
        return Err(ImportError::Invalid { problems });
    }
    Ok(Decoded {
        snapshot,
        file_version,
    })
}

/// The text of the top-level `workspace` member's value, if the text is an object that has one.
/// Assumes syntactically valid JSON (the envelope pass has checked it).
fn workspace_text(text: &str) -> Option<&str> {
    let b = text.as_bytes();
    let (mut i, mut depth, mut key_start) = (0usize, 0usize, None);
    let mut last_key: Option<&str> = None;
    while i < b.len() {
        match b[i] {
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                if depth == 1 && key_start.is_none() {
                    key_start = Some(start);
                    last_key = text.get(start..i);
                }
            }
            b'{' | b'[' => {
                depth += 1;
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            b',' if depth == 1 => key_start = None,
            b':' if depth == 1 && last_key == Some("workspace") => {
                let start = i + 1;
                let mut d = 0usize;
                let mut j = start;
                while j < b.len() {
                    match b[j] {
                        b'"' => {
                            j += 1;
                            while j < b.len() && b[j] != b'"' {
                                j += if b[j] == b'\\' { 2 } else { 1 };
                            }
                        }
                        b'{' | b'[' => d += 1,
                        b'}' | b']' if d == 0 => return text.get(start..j),
                        b'}' | b']' => d -= 1,
                        b',' if d == 0 => return text.get(start..j),
                        _ => {}
                    }
                    j += 1;
                }
                return None;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// CRC-32 of JSON text with the white space between tokens left out: the compact text it was
/// indented from (exported files are indented compact text, see [`pretty`]).
fn compact_crc(json: &str) -> u32 {
    let mut h = crc32fast::Hasher::new();
    let b = json.as_bytes();
    let (mut run, mut i, mut in_string) = (0usize, 0usize, false);
    while i < b.len() {
        let c = b[i];
        if in_string {
            match c {
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
        } else if matches!(c, b' ' | b'\n' | b'\r' | b'\t') {
            h.update(&b[run..i]);
            run = i + 1;
        } else if c == b'"' {
            in_string = true;
        }
        i += 1;
    }
    h.update(&b[run.min(b.len())..]);
    h.finalize()
}

/// Problems name a record by its position in the document, whose collections are in id order;
/// the user looks in the file, so each `workspace.<collection>[i]` becomes the position of that
/// record in the file as written.
fn at_file_positions(doc: &Doc, text: &str, problems: &mut [Problem]) {
    let Ok(file) = serde_json::from_str::<Value>(text) else {
        return;
    };
    let Some(ws) = file.get("workspace") else {
        return;
    };
    for p in problems.iter_mut() {
        let Some(rest) = p.path.strip_prefix("workspace.") else {
            continue;
        };
        let Some((name, tail)) = rest.split_once('[') else {
            continue;
        };
        let Some((index, after)) = tail.split_once(']') else {
            continue;
        };
        let Ok(index) = index.parse::<usize>() else {
            continue;
        };
        let Some(id) = doc.record_id(name, index) else {
            continue;
        };
        let Some(list) = ws.get(name).and_then(Value::as_array) else {
            continue;
        };
        let found = list.iter().position(|r| {
            r.get("id")
                .and_then(Value::as_str)
                .is_some_and(|s| crate::id::Id::parse(s).is_ok_and(|x| x == *id))
        });
        if let Some(at) = found {
            p.path = format!("workspace.{name}[{at}]{after}");
        }
    }
}

/// An import ready to be confirmed: the merged copy and what the merge would do.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The decoded file.
    pub incoming: Decoded,
    /// `local` merged with the file (the local document itself is untouched).
    pub merged: Doc,
    /// What the merge adds, changes and overwrites.
    pub report: MergeReport,
}

/// Decodes `text` and merges it into a copy of `local`; nothing is stored yet.
///
/// # Errors
/// As [`decode`].
pub fn prepare_import(local: &Doc, text: &str) -> Result<Prepared, ImportError> {
    let incoming = decode(text)?;
    let (merged, report) = merge(local, &incoming.snapshot.workspace);
    Ok(Prepared {
        incoming,
        merged,
        report,
    })
}

/// An error tied to the file it came from, for messages such as "tablet-3.json: …".
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{file}: {error}")]
pub struct FileError {
    /// File name as the user knows it.
    pub file: String,
    /// What went wrong.
    pub error: ImportError,
}

impl Localized for FileError {
    fn message(&self, lang: Lang) -> String {
        format!("{}: {}", self.file, self.error.message(lang))
    }
}

/// The text Vägval writes for a snapshot, checked to read back (see [`Snapshot::checked_text`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The file's text.
    pub text: String,
    /// Compact JSON: the indented form would have been larger than [`MAX_FILE_BYTES`].
    pub compact: bool,
}

impl Snapshot {
    /// The text to write for this snapshot, so that every file Vägval writes is one it reads:
    /// indented ([`Snapshot::to_pretty`]), or compact when only that fits in [`MAX_FILE_BYTES`],
    /// then read back through [`decode`] — the import's own rules (size, at most
    /// [`crate::crdt::MAX_RECORDS`] records of a kind, ids unique across kinds, every other rule
    /// of [`Doc::validate`] and of the decoder). A merge of two valid files can break them (more
    /// records than the limit, one id used by two kinds, a larger file), so merged documents are
    /// written through this.
    ///
    /// # Errors
    /// The [`ImportError`] the file would meet on import: nothing is to be written then.
    pub fn checked_text(&self) -> Result<Written, ImportError> {
        use crate::crdt::{MAX_RECORDS, ProblemKind};
        let w = &self.workspace;
        // Counted first: named as the rule it breaks, and no 10 MB text to build and read.
        let counts = [
            ("inspel", w.inspel.0.len()),
            ("rounds", w.rounds.0.len()),
            ("ballots", w.ballots.0.len()),
            ("agenda", w.agenda.0.len()),
        ];
        let problems: Vec<Problem> = counts
            .iter()
            .filter(|(_, n)| *n > MAX_RECORDS)
            .map(|(name, _)| Problem {
                path: format!("workspace.{name}"),
                kind: ProblemKind::TooMany { max: MAX_RECORDS },
            })
            .collect();
        if !problems.is_empty() {
            return Err(ImportError::Invalid { problems });
        }
        let compact_text = self.to_compact();
        let indented = pretty(&compact_text);
        let (text, compact) = if indented.len() <= MAX_FILE_BYTES {
            (indented, false)
        } else if compact_text.len() <= MAX_FILE_BYTES {
            (compact_text, true)
        } else {
            return Err(ImportError::TooLarge {
                size: compact_text.len(),
                max: MAX_FILE_BYTES,
            });
        };
        decode(&text)?;
        Ok(Written { text, compact })
    }
}
