//! Every user change is a [`Command`] applied by [`apply`], which stamps each written
//! field with the local hybrid logical clock and returns the command that undoes it.
//! [`History`] keeps those inverses for undo and redo.
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use thiserror::Error;

use crate::clock::Hlc;
use crate::crdt::{Collection, ProblemKind, Record};
use crate::doc::Doc;
use crate::id::Id;
use crate::lang::{Lang, Localized};
use crate::model::{Agenda, Inspel, Meta};
use crate::round::{Ballot, RULE_FIELDS, Round};

/// The record kinds a command can address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// The workspace's own record (id = workspace id).
    Meta,
    /// An inspel.
    Inspel,
    /// A voting round.
    Round,
    /// A ballot (created and erased, never edited).
    Ballot,
    /// An agenda point.
    Agenda,
}

impl Kind {
    /// The kind's name in files.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Meta => Meta::KIND,
            Self::Inspel => Inspel::KIND,
            Self::Round => Round::KIND,
            Self::Ballot => Ballot::KIND,
            Self::Agenda => Agenda::KIND,
        }
    }

    /// The kind with this name in files.
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        [
            Self::Meta,
            Self::Inspel,
            Self::Round,
            Self::Ballot,
            Self::Agenda,
        ]
        .into_iter()
        .find(|k| k.as_str() == name)
    }
}

/// A change to the workspace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Command {
    /// A new record with these fields.
    Create {
        /// Kind of record.
        kind: Kind,
        /// Its new id.
        id: Id,
        /// Initial field values.
        fields: BTreeMap<String, Value>,
    },
    /// Set one field.
    Edit {
        /// Kind of record.
        kind: Kind,
        /// Which record.
        id: Id,
        /// Field name.
        field: String,
        /// New value (JSON of the field's type).
        value: Value,
    },
    /// Erase a record for good: a tombstone that no older file can undo. Not undoable.
    Erase {
        /// Kind of record.
        kind: Kind,
        /// Which record.
        id: Id,
    },
    /// Several commands as one undo step.
    Batch {
        /// Applied in order.
        commands: Vec<Command>,
    },
}

impl Command {
    /// Shorthand for [`Command::Edit`].
    #[must_use]
    pub fn edit(kind: Kind, id: &Id, field: &str, value: impl Into<Value>) -> Self {
        Self::Edit {
            kind,
            id: id.clone(),
            field: field.to_owned(),
            value: value.into(),
        }
    }

    /// Calls `f` with the kind and id of every record this command addresses (those of a
    /// batch's commands, in order; a record may come more than once).
    pub fn for_each_record(&self, f: &mut impl FnMut(Kind, &Id)) {
        match self {
            Self::Create { kind, id, .. }
            | Self::Edit { kind, id, .. }
            | Self::Erase { kind, id } => f(*kind, id),
            Self::Batch { commands } => {
                for c in commands {
                    c.for_each_record(f);
                }
            }
        }
    }
}

/// A command that breaks a rule of the model; the document is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DomainError {
    /// No such field on this kind.
    #[error("{kind} has no field {field:?}")]
    UnknownField {
        /// Kind.
        kind: &'static str,
        /// Field asked for.
        field: String,
    },
    /// The value has the wrong type.
    #[error("{kind}.{field}: {detail}")]
    BadValue {
        /// Kind.
        kind: &'static str,
        /// Field.
        field: &'static str,
        /// serde's description.
        detail: String,
    },
    /// The value breaks the field's rule.
    #[error("{kind}.{field}: {problem:?}")]
    Rule {
        /// Kind.
        kind: &'static str,
        /// Field.
        field: &'static str,
        /// Which rule.
        problem: ProblemKind,
    },
    /// No record with this id.
    #[error("{kind} {id} not found")]
    NotFound {
        /// Kind.
        kind: &'static str,
        /// Id.
        id: Id,
    },
    /// A record with this id exists (or existed and was erased).
    #[error("{kind} {id} already exists")]
    Exists {
        /// Kind.
        kind: &'static str,
        /// Id.
        id: Id,
    },
    /// The record was erased.
    #[error("{kind} {id} was erased")]
    Erased {
        /// Kind.
        kind: &'static str,
        /// Id.
        id: Id,
    },
    /// The round is closed: it takes no more ballots.
    #[error("the round is closed")]
    RoundClosed,
    /// The field is locked: a round's rules once it has ballots, or any field of a ballot.
    #[error("{kind}.{field} is locked")]
    Locked {
        /// Kind.
        kind: &'static str,
        /// Field.
        field: String,
    },
}

fn sv_field(field: &str) -> &'static str {
    match field {
        "name" => "Namnet",
        "title" => "Rubriken",
        "text" => "Texten",
        "participant" => "Deltagarkoden",
        "organisation" => "Organisationen",
        "person" => "Kontaktpersonen",
        "theme" => "Temat",
        "description" => "Beskrivningen",
        _ => "Fältet",
    }
}

fn en_field(field: &str) -> &'static str {
    match field {
        "name" => "The name",
        "title" => "The title",
        "text" => "The text",
        "participant" => "The participant code",
        "organisation" => "The organisation",
        "person" => "The contact person",
        "theme" => "The theme",
        "description" => "The description",
        _ => "The field",
    }
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

impl Localized for DomainError {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::Rule { field, problem, .. }, Lang::Sv) => {
                // The adjective agrees with the noun: "Rubriken får inte vara tom", "Namnet får
                // inte vara tomt" (an en-word's definite form ends in -n, an ett-word's in -t).
                let noun = sv_field(field);
                let text = match problem {
                    ProblemKind::Empty if noun.ends_with('n') => "får inte vara tom".to_owned(),
                    _ => problem.message(lang),
                };
                format!("{noun} {text}.")
            }
            (Self::Rule { field, problem, .. }, Lang::En) => {
                format!("{} {}.", en_field(field), problem.message(lang))
            }
            (Self::UnknownField { kind, field }, Lang::Sv) => format!("{kind} har inget fält {field:?}."),
            (Self::UnknownField { kind, field }, Lang::En) => format!("{kind} has no field {field:?}."),
            (Self::BadValue { field, .. }, Lang::Sv) => format!("{} har fel sorts värde.", sv_field(field)),
            (Self::BadValue { field, .. }, Lang::En) => format!("{} has the wrong kind of value.", en_field(field)),
            (Self::NotFound { .. }, Lang::Sv) => "Posten finns inte (längre).".into(),
            (Self::NotFound { .. }, Lang::En) => "The record does not exist (any more).".into(),
            (Self::Exists { .. }, Lang::Sv) => "Det finns redan en post med samma id.".into(),
            (Self::Exists { .. }, Lang::En) => "A record with this id already exists.".into(),
            (Self::Erased { .. }, Lang::Sv) => "Posten har raderats permanent.".into(),
            (Self::Erased { .. }, Lang::En) => "The record has been erased for good.".into(),
            (Self::RoundClosed, Lang::Sv) => "Omröstningen är stängd och tar inte emot fler röster.".into(),
            (Self::RoundClosed, Lang::En) => "The round is closed and takes no more ballots.".into(),
            (Self::Locked { kind: "ballot", .. }, Lang::Sv) => "En avlämnad röst kan inte ändras. Rösta igen för att ersätta den.".into(),
            (Self::Locked { kind: "ballot", .. }, Lang::En) => "A cast ballot cannot be changed. Vote again to replace it.".into(),
            (Self::Locked { .. }, Lang::Sv) => "Reglerna är låsta eftersom omröstningen har röster. Skapa en ny omröstning för att ändra dem.".into(),
            (Self::Locked { .. }, Lang::En) => "The rules are locked because the round has ballots. Create a new round to change them.".into(),
        }
    }
}

/// A clock reading and the local clock, for stamping edits.
pub struct Stamper<'a> {
    /// The local hybrid logical clock.
    pub clock: &'a mut Hlc,
    /// Wall time now, ms since 1970.
    pub now_ms: u64,
}

fn live<'a, R: Record>(
    r: Option<&'a mut R>,
    kind: Kind,
    id: &Id,
) -> Result<&'a mut R, DomainError> {
    match r {
        None => Err(DomainError::NotFound {
            kind: kind.as_str(),
            id: id.clone(),
        }),
        Some(r) if r.deleted().is_some() => Err(DomainError::Erased {
            kind: kind.as_str(),
            id: id.clone(),
        }),
        Some(r) => Ok(r),
    }
}

/// Sets `field` on `r` and returns the old value (or the field's default if never set).
fn edit_record<R: Record>(
    r: &mut R,
    field: &str,
    value: Value,
    st: &mut Stamper<'_>,
) -> Result<Value, DomainError> {
    let old = r.get(field).or_else(|| R::default_of(field));
    // `set` checks everything before it writes: a failing edit leaves the record as it was.
    r.set(field, value, st.clock.tick(st.now_ms))?;
    Ok(old.unwrap_or(Value::Null))
}

fn create<R: Record>(
    c: &mut Collection<R>,
    kind: Kind,
    id: &Id,
    fields: &BTreeMap<String, Value>,
    st: &mut Stamper<'_>,
) -> Result<Option<Command>, DomainError> {
    if c.0.contains_key(id) {
        return Err(DomainError::Exists {
            kind: kind.as_str(),
            id: id.clone(),
        });
    }
    let mut r = R::empty(id.clone());
    for (field, value) in fields {
        r.set(field, value.clone(), st.clock.tick(st.now_ms))?;
    }
    if let Some(field) = r.missing() {
        return Err(DomainError::Rule {
            kind: kind.as_str(),
            field,
            problem: crate::crdt::ProblemKind::Missing,
        });
    }
    c.0.insert(id.clone(), r);
    // Undoing a creation moves the record to the trash; erasing stays a deliberate act.
    // A ballot is never undone: on a shared tablet "Ångra" must not take back the previous
    // participant's vote (nor anything before it: the history ends here). The facilitator
    // withdraws a ballot by erasing it.
    if kind == Kind::Ballot {
        return Ok(None);
    }
    Ok(Some(Command::edit(kind, id, "removed", true)))
}

fn in_collection<R: Record>(
    c: &mut Collection<R>,
    kind: Kind,
    cmd: &Command,
    st: &mut Stamper<'_>,
) -> Result<Option<Command>, DomainError> {
    match cmd {
        Command::Create { id, fields, .. } => create(c, kind, id, fields, st),
        Command::Edit {
            id, field, value, ..
        } => {
            let r = live(c.0.get_mut(id), kind, id)?;
            let old = edit_record(r, field, value.clone(), st)?;
            Ok(Some(Command::Edit {
                kind,
                id: id.clone(),
                field: field.clone(),
                value: old,
            }))
        }
        Command::Erase { id, .. } => {
            let at = st.clock.tick(st.now_ms);
            live(c.0.get_mut(id), kind, id)?.erase(at);
            Ok(None)
        }
        Command::Batch { .. } => Ok(None),
    }
}

/// Applies `cmd` to `doc`; returns the command that undoes it (`None`: not undoable).
///
/// # Errors
/// [`DomainError`] when the command breaks a rule; `doc` is then unchanged.
pub fn apply(
    doc: &mut Doc,
    cmd: &Command,
    st: &mut Stamper<'_>,
) -> Result<Option<Command>, DomainError> {
    apply_logged(doc, cmd, st, &mut Vec::new())
}

/// [`apply`], keeping in `log` what a batch's commands change so that a failing command puts
/// back everything the batch did before it.
fn apply_logged<'a>(
    doc: &mut Doc,
    cmd: &'a Command,
    st: &mut Stamper<'_>,
    log: &mut Vec<Kept<'a>>,
) -> Result<Option<Command>, DomainError> {
    let Command::Batch { commands } = cmd else {
        // One command changes nothing when it fails.
        return apply_one(doc, cmd, st);
    };
    // All or nothing. Only what each command is about to change is kept — one field's
    // register for an edit (cloning whole records, or the document, cost more than the edits
    // themselves on a large workspace) — and put back in reverse order on failure.
    let mark = log.len();
    let mut inverses = Vec::new();
    for c in commands {
        keep(doc, c, log);
        match apply_logged(doc, c, st, log) {
            Ok(inverse) => inverses.extend(inverse),
            Err(e) => {
                for k in log.drain(mark..).rev() {
                    put_back(doc, k);
                }
                return Err(e);
            }
        }
    }
    inverses.reverse();
    Ok(Some(Command::Batch { commands: inverses }))
}

/// A command other than a batch.
fn apply_one(
    doc: &mut Doc,
    cmd: &Command,
    st: &mut Stamper<'_>,
) -> Result<Option<Command>, DomainError> {
    match cmd {
        Command::Batch { .. } => apply(doc, cmd, st),
        Command::Create {
            kind: Kind::Meta,
            id,
            ..
        } => Err(DomainError::Exists {
            kind: Meta::KIND,
            id: id.clone(),
        }),
        Command::Edit {
            kind: Kind::Meta,
            id,
            field,
            value,
        } => {
            if *id != doc.id {
                return Err(DomainError::NotFound {
                    kind: Meta::KIND,
                    id: id.clone(),
                });
            }
            let old = edit_record(&mut doc.meta, field, value.clone(), st)?;
            Ok(Some(Command::Edit {
                kind: Kind::Meta,
                id: id.clone(),
                field: field.clone(),
                value: old,
            }))
        }
        Command::Erase {
            kind: Kind::Meta,
            id,
        } => Err(DomainError::NotFound {
            kind: Meta::KIND,
            id: id.clone(),
        }),
        Command::Create {
            kind: Kind::Inspel, ..
        }
        | Command::Edit {
            kind: Kind::Inspel, ..
        }
        | Command::Erase {
            kind: Kind::Inspel, ..
        } => in_collection(&mut doc.inspel, Kind::Inspel, cmd, st),
        Command::Edit {
            kind: Kind::Round,
            id,
            field,
            ..
        } if RULE_FIELDS.contains(&field.as_str()) && has_ballots(doc, id) => {
            Err(DomainError::Locked {
                kind: Round::KIND,
                field: field.clone(),
            })
        }
        Command::Create {
            kind: Kind::Round, ..
        }
        | Command::Edit {
            kind: Kind::Round, ..
        }
        | Command::Erase {
            kind: Kind::Round, ..
        } => in_collection(&mut doc.rounds, Kind::Round, cmd, st),
        Command::Edit {
            kind: Kind::Ballot,
            field,
            ..
        } => Err(DomainError::Locked {
            kind: Ballot::KIND,
            field: field.clone(),
        }),
        Command::Create {
            kind: Kind::Ballot,
            id,
            ..
        } if doc.ballots.0.contains_key(id) => {
            // Content-addressed: the same ballot again is nothing new (and nothing to undo).
            Ok(Some(Command::Batch {
                commands: Vec::new(),
            }))
        }
        Command::Create {
            kind: Kind::Ballot,
            fields,
            ..
        } if closed_round(doc, fields) => Err(DomainError::RoundClosed),
        Command::Create {
            kind: Kind::Ballot, ..
        }
        | Command::Erase {
            kind: Kind::Ballot, ..
        } => in_collection(&mut doc.ballots, Kind::Ballot, cmd, st),
        Command::Create {
            kind: Kind::Agenda, ..
        }
        | Command::Edit {
            kind: Kind::Agenda, ..
        }
        | Command::Erase {
            kind: Kind::Agenda, ..
        } => in_collection(&mut doc.agenda, Kind::Agenda, cmd, st),
    }
}

/// Whether a new ballot's `round` is a closed round.
fn closed_round(doc: &Doc, fields: &BTreeMap<String, Value>) -> bool {
    let round = fields
        .get("round")
        .and_then(Value::as_str)
        .and_then(|s| Id::parse(s).ok());
    round
        .and_then(|id| doc.rounds.get(&id))
        .is_some_and(|r| r.status() == Some(&crate::round::RoundStatus::Closed))
}

/// What one command of a batch is about to change, as it was: a field's register (an edit)
/// or the whole record (`Option<R>`: create, erase).
struct Kept<'a> {
    kind: Kind,
    id: &'a Id,
    field: Option<&'a str>,
    saved: Box<dyn std::any::Any>,
}

/// Keeps what `cmd` (not a batch: those keep their own) is about to change.
fn keep<'a>(doc: &Doc, cmd: &'a Command, log: &mut Vec<Kept<'a>>) {
    fn saved<R: Record + 'static>(
        r: Option<&R>,
        field: Option<&str>,
    ) -> Option<Box<dyn std::any::Any>> {
        match field {
            // No such record or field: the edit fails without changing anything.
            Some(f) => r?.keep(f),
            None => Some(Box::new(r.cloned())),
        }
    }
    let (kind, id, field) = match cmd {
        Command::Batch { .. } => return,
        Command::Edit {
            kind, id, field, ..
        } => (*kind, id, Some(field.as_str())),
        Command::Create { kind, id, .. } | Command::Erase { kind, id } => (*kind, id, None),
    };
    let s = match kind {
        Kind::Meta => saved(Some(&doc.meta), field),
        Kind::Inspel => saved(doc.inspel.0.get(id), field),
        Kind::Round => saved(doc.rounds.0.get(id), field),
        Kind::Ballot => saved(doc.ballots.0.get(id), field),
        Kind::Agenda => saved(doc.agenda.0.get(id), field),
    };
    if let Some(saved) = s {
        log.push(Kept {
            kind,
            id,
            field,
            saved,
        });
    }
}

/// Puts back what [`keep`] kept.
fn put_back(doc: &mut Doc, k: Kept<'_>) {
    fn one<R: Record + 'static>(c: &mut Collection<R>, k: Kept<'_>) {
        match k.field {
            Some(f) => {
                if let Some(r) = c.0.get_mut(k.id) {
                    r.put_back(f, k.saved);
                }
            }
            None => {
                if let Ok(r) = k.saved.downcast::<Option<R>>() {
                    match *r {
                        Some(r) => c.0.insert(k.id.clone(), r),
                        None => c.0.remove(k.id),
                    };
                }
            }
        }
    }
    match k.kind {
        Kind::Meta => match k.field {
            Some(f) => doc.meta.put_back(f, k.saved),
            None => {
                if let Ok(m) = k.saved.downcast::<Option<Meta>>()
                    && let Some(m) = *m
                {
                    doc.meta = m;
                }
            }
        },
        Kind::Inspel => one(&mut doc.inspel, k),
        Kind::Round => one(&mut doc.rounds, k),
        Kind::Ballot => one(&mut doc.ballots, k),
        Kind::Agenda => one(&mut doc.agenda, k),
    }
}

fn has_ballots(doc: &Doc, round: &Id) -> bool {
    doc.ballots.live().any(|b| b.round() == Some(round))
}

/// Undo and redo stacks of inverse commands.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Command>,
    redo: Vec<Command>,
}

/// How many steps of undo are kept.
pub const HISTORY_LIMIT: usize = 200;

impl History {
    /// Applies `cmd`, recording its inverse; clears the redo stack.
    ///
    /// # Errors
    /// As [`apply`].
    pub fn apply(
        &mut self,
        doc: &mut Doc,
        cmd: &Command,
        st: &mut Stamper<'_>,
    ) -> Result<(), DomainError> {
        match apply(doc, cmd, st)? {
            Some(inverse) => {
                self.undo.push(inverse);
                if self.undo.len() > HISTORY_LIMIT {
                    self.undo.remove(0);
                }
            }
            // An erase cannot be undone, and earlier steps may no longer apply.
            None => self.undo.clear(),
        }
        self.redo.clear();
        Ok(())
    }

    /// Undoes the last command; returns `false` when there was nothing to undo.
    pub fn undo(&mut self, doc: &mut Doc, st: &mut Stamper<'_>) -> bool {
        Self::step(&mut self.undo, &mut self.redo, doc, st, &mut |_, _| {})
    }

    /// Redoes the last undone command; returns `false` when there was nothing to redo.
    pub fn redo(&mut self, doc: &mut Doc, st: &mut Stamper<'_>) -> bool {
        Self::step(&mut self.redo, &mut self.undo, doc, st, &mut |_, _| {})
    }

    /// [`History::undo`] (`undo`) or [`History::redo`], calling `touched` with the records
    /// the applied step addressed (see [`Command::for_each_record`]).
    pub fn step_touching(
        &mut self,
        undo: bool,
        doc: &mut Doc,
        st: &mut Stamper<'_>,
        touched: &mut impl FnMut(Kind, &Id),
    ) -> bool {
        if undo {
            Self::step(&mut self.undo, &mut self.redo, doc, st, touched)
        } else {
            Self::step(&mut self.redo, &mut self.undo, doc, st, touched)
        }
    }

    fn step(
        from: &mut Vec<Command>,
        to: &mut Vec<Command>,
        doc: &mut Doc,
        st: &mut Stamper<'_>,
        touched: &mut impl FnMut(Kind, &Id),
    ) -> bool {
        // A step that no longer applies (its record was erased by a merge) is dropped.
        while let Some(cmd) = from.pop() {
            if let Ok(inverse) = apply(doc, &cmd, st) {
                cmd.for_each_record(touched);
                // `None`: applied but cannot be stepped back (undoing a ballot erases it).
                to.extend(inverse);
                return true;
            }
        }
        false
    }

    /// Whether there is something to undo.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is something to redo.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Stamp;
    use serde_json::json;

    fn id(n: u8) -> Id {
        Id::from_random_bytes([n; 16])
    }

    fn doc() -> Doc {
        Doc::new(id(0), "Första", Stamp(1, 0, "t".into()))
    }

    #[test]
    fn edits_are_stamped_and_undo_redo_restore_values() {
        let mut d = doc();
        let mut clock = Hlc::new("dev.a");
        let mut st = Stamper {
            clock: &mut clock,
            now_ms: 1000,
        };
        let mut h = History::default();
        h.apply(
            &mut d,
            &Command::edit(Kind::Meta, &id(0), "name", "Andra"),
            &mut st,
        )
        .unwrap();
        assert_eq!(d.name(), "Andra");
        assert_eq!(
            d.meta.name.as_ref().unwrap().stamp,
            Stamp(1000, 0, "dev.a".into())
        );
        assert!(h.undo(&mut d, &mut st));
        assert_eq!(d.name(), "Första");
        assert!(h.redo(&mut d, &mut st));
        assert_eq!(d.name(), "Andra");
        assert!(!h.redo(&mut d, &mut st));
    }

    #[test]
    fn rules_are_enforced_and_leave_the_document_unchanged() {
        let mut d = doc();
        let before = d.clone();
        let mut clock = Hlc::new("dev.a");
        let mut st = Stamper {
            clock: &mut clock,
            now_ms: 5,
        };
        let e = apply(
            &mut d,
            &Command::edit(Kind::Meta, &id(0), "name", " "),
            &mut st,
        )
        .unwrap_err();
        assert_eq!(e.message(Lang::Sv), "Namnet får inte vara tomt.");
        assert_eq!(e.message(Lang::En), "The name must not be empty.");
        let e = apply(
            &mut d,
            &Command::edit(Kind::Meta, &id(0), "colour", "red"),
            &mut st,
        )
        .unwrap_err();
        assert!(matches!(e, DomainError::UnknownField { .. }));
        let e = apply(
            &mut d,
            &Command::edit(Kind::Meta, &id(0), "name", 5),
            &mut st,
        )
        .unwrap_err();
        assert!(matches!(e, DomainError::BadValue { .. }));
        let bad_batch = Command::Batch {
            commands: vec![
                Command::Create {
                    kind: Kind::Inspel,
                    id: id(1),
                    fields: [("title".into(), json!("A"))].into(),
                },
                Command::edit(Kind::Inspel, &id(1), "title", ""),
            ],
        };
        assert!(apply(&mut d, &bad_batch, &mut st).is_err());
        assert_eq!(d, before);
        // Existing records edited, renamed and erased, then a failing command: all put back.
        let fields = [("title".into(), json!("B"))].into();
        apply(
            &mut d,
            &Command::Create {
                kind: Kind::Inspel,
                id: id(2),
                fields,
            },
            &mut st,
        )
        .unwrap();
        let before = d.clone();
        let bad_batch = Command::Batch {
            commands: vec![
                Command::edit(Kind::Meta, &id(0), "name", "Ny"),
                Command::edit(Kind::Inspel, &id(2), "title", "C"),
                Command::edit(Kind::Inspel, &id(2), "title", "D"),
                Command::Batch {
                    commands: vec![Command::edit(Kind::Inspel, &id(2), "theme", "T")],
                },
                Command::Erase {
                    kind: Kind::Inspel,
                    id: id(2),
                },
                Command::Create {
                    kind: Kind::Inspel,
                    id: id(3),
                    fields: [("title".into(), json!("W"))].into(),
                },
                Command::edit(Kind::Inspel, &id(3), "title", "X"),
                // A nested batch fails after one of its own edits.
                Command::Batch {
                    commands: vec![
                        Command::edit(Kind::Inspel, &id(3), "theme", "T3"),
                        Command::edit(Kind::Inspel, &id(9), "title", "finns inte"),
                    ],
                },
            ],
        };
        assert!(matches!(
            apply(&mut d, &bad_batch, &mut st),
            Err(DomainError::NotFound { .. })
        ));
        assert_eq!(d, before);
    }

    #[test]
    fn create_undo_moves_to_trash_and_erase_is_final() {
        let mut d = doc();
        let mut clock = Hlc::new("dev.a");
        let mut st = Stamper {
            clock: &mut clock,
            now_ms: 5,
        };
        let mut h = History::default();
        let fields = [
            ("title".into(), json!("Bredband")),
            ("municipality".into(), json!("krokom")),
        ]
        .into();
        h.apply(
            &mut d,
            &Command::Create {
                kind: Kind::Inspel,
                id: id(1),
                fields,
            },
            &mut st,
        )
        .unwrap();
        assert!(h.undo(&mut d, &mut st));
        assert_eq!(d.inspel.get(&id(1)).unwrap().removed(), Some(&true));
        assert!(h.redo(&mut d, &mut st));
        assert_eq!(d.inspel.get(&id(1)).unwrap().removed(), Some(&false));
        h.apply(
            &mut d,
            &Command::Erase {
                kind: Kind::Inspel,
                id: id(1),
            },
            &mut st,
        )
        .unwrap();
        assert!(!h.can_undo());
        let r = &d.inspel.0[&id(1)];
        assert!(r.deleted.is_some() && r.title.is_none() && r.municipality.is_none());
        let again = Command::Create {
            kind: Kind::Inspel,
            id: id(1),
            fields: BTreeMap::new(),
        };
        assert!(matches!(
            apply(&mut d, &again, &mut st),
            Err(DomainError::Exists { .. })
        ));
        let edit = Command::edit(Kind::Inspel, &id(1), "title", "x");
        assert!(matches!(
            apply(&mut d, &edit, &mut st),
            Err(DomainError::Erased { .. })
        ));
    }

    #[test]
    fn swedish_messages_agree_with_the_noun() {
        // Rubriken and Texten are en-words → "tom"; Namnet and Fältet are ett-words → "tomt".
        let rule = |field| {
            DomainError::Rule {
                kind: "inspel",
                field,
                problem: ProblemKind::Empty,
            }
            .message(Lang::Sv)
        };
        assert_eq!(rule("title"), "Rubriken får inte vara tom.");
        assert_eq!(rule("text"), "Texten får inte vara tom.");
        assert_eq!(rule("name"), "Namnet får inte vara tomt.");
        assert_eq!(rule("seed"), "Fältet får inte vara tomt.");
    }

    #[test]
    fn a_submitted_ballot_is_never_undone() {
        // On a shared tablet "Ångra" after a vote must not take it back, nor reach what came
        // before it (the previous participant's steps): the history ends at a ballot.
        let mut d = doc();
        let mut clock = Hlc::new("dev.a");
        let mut st = Stamper {
            clock: &mut clock,
            now_ms: 5,
        };
        let mut h = History::default();
        h.apply(
            &mut d,
            &Command::edit(Kind::Meta, &id(0), "name", "Andra"),
            &mut st,
        )
        .unwrap();
        assert!(h.can_undo());
        let fields = [
            ("round".into(), json!(id(9))),
            ("participant".into(), json!("P")),
            ("answer".into(), json!({"allocation": {}})),
            ("rules_hash".into(), json!("")),
            ("origin".into(), json!("tablet")),
        ]
        .into();
        h.apply(
            &mut d,
            &Command::Create {
                kind: Kind::Ballot,
                id: id(5),
                fields,
            },
            &mut st,
        )
        .unwrap();
        assert!(!h.can_undo() && !h.can_redo());
        assert!(!h.undo(&mut d, &mut st));
        assert!(d.ballots.get(&id(5)).is_some(), "the ballot stays");
        assert_eq!(d.name(), "Andra", "the step before it stays too");
    }
}
