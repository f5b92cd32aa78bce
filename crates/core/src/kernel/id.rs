//! Stable record identifiers (UUID text) and device/actor names.
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A record id: a UUID in its canonical lower-case hyphenated text form.
///
/// Ids are minted by the caller (the app uses `crypto.randomUUID()`, the CLI the `uuid`
/// crate), so the core stays free of randomness and of the clock.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id(String);

/// Why a text is not a valid id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a UUID: {0:?}")]
pub struct BadId(pub String);

impl Id {
    /// Parses any UUID text form and keeps the canonical lower-case hyphenated one.
    ///
    /// # Errors
    /// [`BadId`] when `text` is not a UUID.
    pub fn parse(text: &str) -> Result<Self, BadId> {
        let short: String = text.chars().take(64).collect();
        uuid::Uuid::try_parse(text)
            .map(|u| Self(u.hyphenated().to_string()))
            .map_err(|_| BadId(short))
    }

    /// An id from 16 random bytes (sets the version-4 and variant bits).
    #[must_use]
    pub fn from_random_bytes(bytes: [u8; 16]) -> Self {
        Self(
            uuid::Builder::from_random_bytes(bytes)
                .into_uuid()
                .hyphenated()
                .to_string(),
        )
    }

    /// The canonical text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The nil UUID: only the default for a never-set reference field, never a record's id.
impl Default for Id {
    fn default() -> Self {
        Self(uuid::Uuid::nil().hyphenated().to_string())
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(d)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Id {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Id".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "uuid",
            "description": "Record id: a UUID, written lower-case with hyphens."
        })
    }
}

/// Longest actor name accepted.
pub const MAX_ACTOR_CHARS: usize = 64;

/// Whether `actor` is a valid actor name: 1–64 of `A–Z a–z 0–9 . _ -`.
#[must_use]
pub fn valid_actor(actor: &str) -> bool {
    !actor.is_empty()
        && actor.len() <= MAX_ACTOR_CHARS
        && actor
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_canonical_and_validated() {
        let id = Id::parse("5F0C6D2E-8A41-4C1B-9D3E-2A7B6C9E1F40").unwrap();
        assert_eq!(id.as_str(), "5f0c6d2e-8a41-4c1b-9d3e-2a7b6c9e1f40");
        assert!(Id::parse("not-a-uuid").is_err());
        assert!(Id::parse("").is_err());
        let r = Id::from_random_bytes([7; 16]);
        assert_eq!(Id::parse(r.as_str()).unwrap(), r);
        assert_eq!(&r.as_str()[14..15], "4");
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(serde_json::from_str::<Id>(&json).unwrap(), id);
        assert!(serde_json::from_str::<Id>("\"x\"").is_err());
    }

    #[test]
    fn actor_names() {
        assert!(valid_actor("dev-0123456789abcdef.a1b2"));
        assert!(!valid_actor(""));
        assert!(!valid_actor("has space"));
        assert!(!valid_actor(&"a".repeat(65)));
    }
}
