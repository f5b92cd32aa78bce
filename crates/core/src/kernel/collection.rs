//! Records of one kind keyed by id.
use std::collections::BTreeMap;

use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::kernel::id::Id;
use crate::kernel::record::Record;

/// Records of one kind keyed by id; a JSON array in files, sorted by id.
#[derive(Debug, Clone, PartialEq)]
pub struct Collection<R>(pub BTreeMap<Id, R>);

impl<R: PartialEq> Collection<R> {
    /// Ids whose record is in one of the two collections only, or differs between them, in id
    /// order (one pass over both).
    #[must_use]
    pub fn differing<'a>(&'a self, other: &'a Self) -> Vec<&'a Id> {
        use std::cmp::Ordering;
        let mut out = Vec::new();
        let (mut a, mut b) = (self.0.iter().peekable(), other.0.iter().peekable());
        loop {
            match (a.peek(), b.peek()) {
                (Some((ka, ra)), Some((kb, rb))) => match ka.cmp(kb) {
                    Ordering::Less => {
                        out.push(*ka);
                        a.next();
                    }
                    Ordering::Greater => {
                        out.push(*kb);
                        b.next();
                    }
                    Ordering::Equal => {
                        if ra != rb {
                            out.push(*ka);
                        }
                        a.next();
                        b.next();
                    }
                },
                (Some((k, _)), None) => {
                    out.push(*k);
                    a.next();
                }
                (None, Some((k, _))) => {
                    out.push(*k);
                    b.next();
                }
                (None, None) => return out,
            }
        }
    }
}

impl<R> Collection<R> {
    /// Whether it holds no record (live or erased).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<R> Default for Collection<R> {
    fn default() -> Self {
        Self(BTreeMap::new())
    }
}

impl<R: Record> Collection<R> {
    /// Live (not erased) records.
    pub fn live(&self) -> impl Iterator<Item = &R> {
        self.0.values().filter(|r| r.deleted().is_none())
    }

    /// A live record by id.
    #[must_use]
    pub fn get(&self, id: &Id) -> Option<&R> {
        self.0.get(id).filter(|r| r.deleted().is_none())
    }
}

impl<R: Serialize> Serialize for Collection<R> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.values())
    }
}

/// Most records of one kind in a file.
pub const MAX_RECORDS: usize = 50_000;

impl<'de, R: Record> Deserialize<'de> for Collection<R> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<R>(std::marker::PhantomData<R>);
        impl<'de, R: Record> Visitor<'de> for V<R> {
            type Value = Collection<R>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "an array of {} records", R::KIND)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut map = BTreeMap::new();
                while let Some(r) = seq.next_element::<R>()? {
                    if map.len() >= MAX_RECORDS {
                        return Err(de::Error::custom(format!(
                            "more than {MAX_RECORDS} records"
                        )));
                    }
                    let id = r.id().clone();
                    if map.insert(id.clone(), r).is_some() {
                        return Err(de::Error::custom(format!("duplicate id {id}")));
                    }
                }
                Ok(Collection(map))
            }
            fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
                Err(de::Error::invalid_type(de::Unexpected::Map, &self))
            }
        }
        d.deserialize_seq(V(std::marker::PhantomData))
    }
}

#[cfg(feature = "schema")]
impl<R: schemars::JsonSchema> schemars::JsonSchema for Collection<R> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("Collection_of_{}", R::schema_name()).into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let item = generator.subschema_for::<R>();
        schemars::json_schema!({
            "type": "array",
            "items": item,
            "description": "Records sorted by id; ids are unique within the file."
        })
    }
}
