//! What semantic validation finds ([`Problem`]) and the field checks usable in
//! [`record_kind!`](crate::record_kind!) declarations.
use serde::Serialize;

use crate::kernel::clock::Stamp;
use crate::kernel::lang::{Lang, Localized};

/// Longest name (workspace, organisation, person) in characters.
pub const NAME_MAX: usize = 300;
/// Longest free text in characters.
pub const TEXT_MAX: usize = 100_000;
/// A problem found by semantic validation, with a JSON path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Where, e.g. `workspace.inspel[3].title.value`.
    pub path: String,
    /// What is wrong.
    pub kind: ProblemKind,
}

/// What semantic validation can find.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ProblemKind {
    /// A text is longer than allowed.
    TooLong {
        /// Limit in characters.
        max: usize,
    },
    /// A required text is empty.
    Empty,
    /// A number outside its range.
    OutOfRange {
        /// Smallest allowed.
        min: i64,
        /// Largest allowed.
        max: i64,
    },
    /// A reference to a record that does not exist.
    Dangling {
        /// The missing id.
        id: String,
    },
    /// A stamp with an invalid actor or an impossible time.
    BadStamp,
    /// Two records share an id, or a record has the id of another kind.
    DuplicateId {
        /// The id.
        id: String,
    },
    /// Too many records of one kind.
    TooMany {
        /// Limit.
        max: usize,
    },
    /// A required field is absent or `null`.
    Missing,
    /// An erased record (a tombstone) holds a field besides its id and stamp.
    ErasedWithData,
    /// An unknown field named like a field of another kind: a record in the wrong collection.
    OtherKind {
        /// The kind that has a field of this name.
        kind: &'static str,
    },
    /// A ballot supersedes a ballot it may not: one of another participant or another round
    /// (a ballot replaces only its own participant's ballots in its round).
    BadSupersede {
        /// The ballot it may not supersede.
        id: String,
    },
    /// A ballot's id is not the hash of its content (the content was changed after casting).
    BallotIdMismatch {
        /// The id its content gives.
        expected: String,
    },
    /// A field names the same record as another field of the record (a relation from an
    /// actor to itself).
    SameAs {
        /// The other field.
        other: &'static str,
    },
}

/// Latest wall time accepted in a stamp (year 3000), to catch garbage.
pub const MAX_WALL_MS: u64 = 32_503_680_000_000;

/// Whether a stamp is plausible: valid actor and a wall time before year 3000.
#[must_use]
pub fn valid_stamp(s: &Stamp) -> bool {
    s.0 <= MAX_WALL_MS && crate::kernel::id::valid_actor(&s.2)
}

// Checks usable in `record_kind!` field declarations. They take `&T` for the field's
// type `T` (hence `&String`, `&Vec`), to fit `fn(&T) -> Option<ProblemKind>`.

/// Any value of the type is fine (enums, booleans: the type is the rule).
pub fn any<T>(_: &T) -> Option<ProblemKind> {
    None
}

/// A text of at most `MAX` characters.
#[allow(clippy::ptr_arg)]
pub fn text<const MAX: usize>(s: &String) -> Option<ProblemKind> {
    (s.chars().count() > MAX).then_some(ProblemKind::TooLong { max: MAX })
}

/// A non-empty (after trimming) text of at most `MAX` characters.
#[allow(clippy::ptr_arg)]
pub fn required_text<const MAX: usize>(s: &String) -> Option<ProblemKind> {
    if s.trim().is_empty() {
        Some(ProblemKind::Empty)
    } else {
        text::<MAX>(s)
    }
}

/// A list of at most `MAX` items.
#[allow(clippy::ptr_arg)]
pub fn list<T, const MAX: usize>(v: &Vec<T>) -> Option<ProblemKind> {
    (v.len() > MAX).then_some(ProblemKind::TooMany { max: MAX })
}

impl Localized for ProblemKind {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::TooLong { max }, Lang::Sv) => format!("får vara högst {max} tecken"),
            (Self::TooLong { max }, Lang::En) => format!("may be at most {max} characters"),
            (Self::Empty, Lang::Sv) => "får inte vara tomt".into(),
            (Self::Empty, Lang::En) => "must not be empty".into(),
            (Self::OutOfRange { min, max }, Lang::Sv) => {
                format!("måste ligga mellan {min} och {max}")
            }
            (Self::OutOfRange { min, max }, Lang::En) => format!("must be between {min} and {max}"),
            (Self::Dangling { id }, Lang::Sv) => format!("hänvisar till {id}, som inte finns"),
            (Self::Dangling { id }, Lang::En) => format!("refers to {id}, which does not exist"),
            (Self::BadStamp, Lang::Sv) => "har en ogiltig tidsstämpel".into(),
            (Self::BadStamp, Lang::En) => "has an invalid time stamp".into(),
            (Self::DuplicateId { id }, Lang::Sv) => format!("id {id} förekommer mer än en gång"),
            (Self::DuplicateId { id }, Lang::En) => format!("id {id} occurs more than once"),
            (Self::TooMany { max }, Lang::Sv) => format!("får ha högst {max} poster"),
            (Self::TooMany { max }, Lang::En) => format!("may have at most {max} entries"),
            (Self::Missing, Lang::Sv) => "saknas men måste finnas".into(),
            (Self::Missing, Lang::En) => "is missing but required".into(),
            (Self::ErasedWithData, Lang::Sv) => {
                "finns i en raderad post, som bara får ha id och tidsstämpel".into()
            }
            (Self::ErasedWithData, Lang::En) => {
                "is in an erased record, which may hold only its id and stamp".into()
            }
            (Self::OtherKind { kind }, Lang::Sv) => {
                format!("är ett fält för {kind}: posten ligger i fel samling")
            }
            (Self::OtherKind { kind }, Lang::En) => {
                format!("is a field of {kind}: the record is in the wrong collection")
            }
            (Self::BadSupersede { id }, Lang::Sv) => {
                format!(
                    "ersätter röst {id}, som inte är samma deltagares röst i samma omgång: en röst får bara ersätta deltagarens egna"
                )
            }
            (Self::BadSupersede { id }, Lang::En) => {
                format!(
                    "replaces ballot {id}, which is not the same participant's in the same round: a ballot may replace only its participant's own"
                )
            }
            (Self::SameAs { other }, Lang::Sv) => format!("får inte vara samma som {other}"),
            (Self::SameAs { other }, Lang::En) => format!("must not be the same as {other}"),
            (Self::BallotIdMismatch { expected }, Lang::Sv) => {
                format!(
                    "stämmer inte med röstens innehåll (innehållet ger id {expected}): rösten har ändrats efter att den lämnades"
                )
            }
            (Self::BallotIdMismatch { expected }, Lang::En) => {
                format!(
                    "does not match the ballot's content (the content gives id {expected}): the ballot was changed after it was cast"
                )
            }
        }
    }
}

/// A number within `min..=max`.
#[must_use]
pub fn range(v: i64, min: i64, max: i64) -> Option<ProblemKind> {
    (!(min..=max).contains(&v)).then_some(ProblemKind::OutOfRange { min, max })
}

/// Pushes [`ProblemKind::TooMany`] at `path` when `n` records exceed `max` (and fewer than
/// `limit` problems are there).
pub fn too_many(path: &str, n: usize, max: usize, problems: &mut Vec<Problem>, limit: usize) {
    if n > max && problems.len() < limit {
        problems.push(Problem {
            path: path.to_owned(),
            kind: ProblemKind::TooMany { max },
        });
    }
}

/// A create of kind `R` refused when `live` records are already at `max`, with the message
/// in Swedish and English.
///
/// # Errors
/// [`DomainError::Refused`](crate::kernel::command::DomainError::Refused) then.
pub fn full<R: crate::kernel::record::Record, K>(
    cmd: &crate::kernel::command::Command<K>,
    live: usize,
    max: usize,
    sv: &'static str,
    en: &'static str,
) -> Result<(), crate::kernel::command::DomainError> {
    if matches!(cmd, crate::kernel::command::Command::Create { .. }) && live >= max {
        return Err(crate::kernel::command::DomainError::Refused {
            kind: R::KIND,
            sv,
            en,
        });
    }
    Ok(())
}

/// How many of `all` are not in the trash (`removed` is not `true`).
pub fn kept<'a, R: 'a>(
    all: impl Iterator<Item = &'a R>,
    removed: impl Fn(&R) -> Option<&bool>,
) -> usize {
    all.filter(|r| removed(r) != Some(&true)).count()
}

/// The guard and the count check of a record kind limited to `max` records not in the trash:
/// `limited!(Doc, Kind; Type, collection, MAX, "workspace.collection", "sv", "en")` (the
/// document and its kind enum are named by the caller: the kernel knows neither). A create beyond
/// `max` is refused with the message; reading counts too, and then runs the kind's own
/// cross-record rules, `Type::rules(doc, problems, limit)`.
macro_rules! limited {
    ($doc:ty, $kind:ty; $ty:ident, $col:ident, $max:expr, $path:literal, $sv:literal, $en:literal) => {
        impl $crate::kernel::record::Guard<$doc> for $ty {
            fn guard(
                doc: &$doc,
                cmd: &$crate::kernel::command::Command<$kind>,
            ) -> Result<(), $crate::kernel::command::DomainError> {
                let live = $crate::kernel::check::kept(doc.$col.live(), $ty::removed);
                $crate::kernel::check::full::<Self, $kind>(cmd, live, $max, $sv, $en)
            }

            fn check_doc(
                doc: &$doc,
                problems: &mut Vec<$crate::kernel::check::Problem>,
                limit: usize,
            ) {
                let n = $crate::kernel::check::kept(doc.$col.live(), $ty::removed);
                $crate::kernel::check::too_many($path, n, $max, problems, limit);
                $ty::rules(doc, problems, limit);
            }
        }
    };
}
pub(crate) use limited;
