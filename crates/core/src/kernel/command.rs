//! Every user change is a [`Command`] applied by [`apply`], which stamps each written
//! field with the local hybrid logical clock and returns the command that undoes it.
//! [`History`](crate::kernel::history::History) keeps those inverses for undo and redo.
//!
//! The kernel knows no collection: [`apply`] runs a batch and hands every other command to
//! the document ([`Document::apply_one`], written by [`document!`](crate::document!)), which
//! calls the helpers here ([`in_collection`], [`in_singleton`], [`immutable_rules`]) for the
//! record kind addressed, after that kind's [`Guard`](crate::kernel::record::Guard).
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use thiserror::Error;

use crate::kernel::check::ProblemKind;
use crate::kernel::clock::{Hlc, Stamp};
use crate::kernel::collection::Collection;
use crate::kernel::doc::Document;
use crate::kernel::id::Id;
use crate::kernel::lang::{Lang, Localized};
use crate::kernel::record::Record;

/// A change to the workspace; `K` is the document's kind enum (the crate's `Command` is
/// `Command<Kind>`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Command<K> {
    /// A new record with these fields.
    Create {
        /// Kind of record.
        kind: K,
        /// Its new id.
        id: Id,
        /// Initial field values.
        fields: BTreeMap<String, Value>,
    },
    /// Set one field.
    Edit {
        /// Kind of record.
        kind: K,
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
        kind: K,
        /// Which record.
        id: Id,
    },
    /// Several commands as one undo step.
    Batch {
        /// Applied in order.
        commands: Vec<Command<K>>,
    },
}

impl<K: Copy> Command<K> {
    /// Shorthand for [`Command::Edit`].
    #[must_use]
    pub fn edit(kind: K, id: &Id, field: &str, value: impl Into<Value>) -> Self {
        Self::Edit {
            kind,
            id: id.clone(),
            field: field.to_owned(),
            value: value.into(),
        }
    }

    /// Calls `f` with the kind and id of every record this command addresses (those of a
    /// batch's commands, in order; a record may come more than once).
    pub fn for_each_record(&self, f: &mut impl FnMut(K, &Id)) {
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
    /// A module's rule refused the command; the module words why (Swedish and English).
    #[error("{kind}: {en}")]
    Refused {
        /// Kind.
        kind: &'static str,
        /// Why, in Swedish.
        sv: &'static str,
        /// Why, in English.
        en: &'static str,
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
            (Self::Refused { sv, .. }, Lang::Sv) => (*sv).to_owned(),
            (Self::Refused { en, .. }, Lang::En) => (*en).to_owned(),
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

/// What a command needs of a record, as a trait object: the edits run once for every kind
/// rather than once per kind (the commands were 2.4 KB of wasm per kind).
trait Edit {
    fn kind(&self) -> &'static str;
    fn erased(&self) -> bool;
    fn before(&self, field: &str, value: &Value) -> Option<Value>;
    fn set(&mut self, field: &str, value: Value, at: Stamp) -> Result<(), DomainError>;
    fn erase(&mut self, at: Stamp);
    fn missing(&self) -> Option<&'static str>;
}

impl<R: Record> Edit for R {
    fn kind(&self) -> &'static str {
        R::KIND
    }
    fn erased(&self) -> bool {
        self.deleted().is_some()
    }
    fn before(&self, field: &str, value: &Value) -> Option<Value> {
        Record::before(self, field, value)
    }
    fn set(&mut self, field: &str, value: Value, at: Stamp) -> Result<(), DomainError> {
        Record::set(self, field, value, at)
    }
    fn erase(&mut self, at: Stamp) {
        Record::erase(self, at);
    }
    fn missing(&self) -> Option<&'static str> {
        Record::missing(self)
    }
}

fn live<'a>(
    r: Option<&'a mut dyn Edit>,
    kind: &'static str,
    id: &Id,
) -> Result<&'a mut dyn Edit, DomainError> {
    match r {
        None => Err(DomainError::NotFound {
            kind,
            id: id.clone(),
        }),
        Some(r) if r.erased() => Err(DomainError::Erased {
            kind,
            id: id.clone(),
        }),
        Some(r) => Ok(r),
    }
}

/// Sets `field` on `r` and returns the value that undoes it (the old value, or the field's
/// default if never set).
fn edit_record(
    r: &mut dyn Edit,
    field: &str,
    value: Value,
    st: &mut Stamper<'_>,
) -> Result<Value, DomainError> {
    let old = r.before(field, &value);
    // `set` checks everything before it writes: a failing edit leaves the record as it was.
    r.set(field, value, st.clock.tick(st.now_ms))?;
    Ok(old.unwrap_or(Value::Null))
}

/// Sets a new record's fields, then checks that none it requires is missing.
fn fill(
    r: &mut dyn Edit,
    fields: &BTreeMap<String, Value>,
    st: &mut Stamper<'_>,
) -> Result<(), DomainError> {
    for (field, value) in fields {
        r.set(field, value.clone(), st.clock.tick(st.now_ms))?;
    }
    if let Some(field) = r.missing() {
        return Err(DomainError::Rule {
            kind: r.kind(),
            field,
            problem: ProblemKind::Missing,
        });
    }
    Ok(())
}

fn create<R: Record, K: Copy>(
    c: &mut Collection<R>,
    kind: K,
    id: &Id,
    fields: &BTreeMap<String, Value>,
    st: &mut Stamper<'_>,
) -> Result<Option<Command<K>>, DomainError> {
    if c.0.contains_key(id) {
        return Err(DomainError::Exists {
            kind: R::KIND,
            id: id.clone(),
        });
    }
    let mut r = R::empty(id.clone());
    fill(&mut r, fields, st)?;
    c.0.insert(id.clone(), r);
    // Undoing a creation moves the record to the trash; erasing stays a deliberate act.
    // An immutable record (a ballot) is never undone: on a shared tablet "Ångra" must not
    // take back the previous participant's vote (nor anything before it: the history ends
    // here). The facilitator withdraws a ballot by erasing it. A kind without trash cannot
    // be undone either.
    if R::IMMUTABLE {
        return Ok(None);
    }
    Ok(R::trash().map(|trash| Command::edit(kind, id, trash, true)))
}

/// An edit or an erasure of the record `r` (`None`: not there), for every kind.
fn change<K: Copy>(
    r: Option<&mut dyn Edit>,
    name: &'static str,
    kind: K,
    cmd: &Command<K>,
    st: &mut Stamper<'_>,
) -> Result<Option<Command<K>>, DomainError> {
    match cmd {
        Command::Edit {
            id, field, value, ..
        } => {
            let r = live(r, name, id)?;
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
            live(r, name, id)?.erase(at);
            Ok(None)
        }
        Command::Create { .. } | Command::Batch { .. } => Ok(None),
    }
}

/// What an immutable kind ([`Record::IMMUTABLE`]) does with `cmd` before anything else:
/// an edit is refused ([`DomainError::Locked`]); creating an id that exists is nothing new
/// (content-addressed: the same record again) and nothing to undo. `None`: go on.
///
/// # Errors
/// [`DomainError::Locked`] for an edit.
#[allow(clippy::type_complexity)]
pub fn immutable_rules<R: Record, K: Copy>(
    c: &Collection<R>,
    cmd: &Command<K>,
) -> Result<Option<Option<Command<K>>>, DomainError> {
    if !R::IMMUTABLE {
        return Ok(None);
    }
    match cmd {
        Command::Edit { field, .. } => Err(DomainError::Locked {
            kind: R::KIND,
            field: field.clone(),
        }),
        Command::Create { id, .. } if c.0.contains_key(id) => Ok(Some(Some(Command::Batch {
            commands: Vec::new(),
        }))),
        _ => Ok(None),
    }
}

/// Applies `cmd` (not a batch) to the collection of its kind.
///
/// # Errors
/// [`DomainError`] when the command breaks a rule; the collection is then unchanged.
pub fn in_collection<R: Record, K: Copy>(
    c: &mut Collection<R>,
    kind: K,
    cmd: &Command<K>,
    st: &mut Stamper<'_>,
) -> Result<Option<Command<K>>, DomainError> {
    match cmd {
        Command::Create { id, fields, .. } => create(c, kind, id, fields, st),
        Command::Edit { id, .. } | Command::Erase { id, .. } => {
            let r = c.0.get_mut(id).map(|r| r as &mut dyn Edit);
            change(r, R::KIND, kind, cmd, st)
        }
        Command::Batch { .. } => Ok(None),
    }
}

/// Applies `cmd` (not a batch) to the document's one record of its kind (the workspace's
/// meta, whose id is the document's): it can be edited, never created or erased.
///
/// # Errors
/// [`DomainError`] when the command breaks a rule; the record is then unchanged.
pub fn in_singleton<R: Record, K: Copy>(
    r: &mut R,
    doc_id: &Id,
    kind: K,
    cmd: &Command<K>,
    st: &mut Stamper<'_>,
) -> Result<Option<Command<K>>, DomainError> {
    match cmd {
        Command::Create { id, .. } => Err(DomainError::Exists {
            kind: R::KIND,
            id: id.clone(),
        }),
        Command::Edit {
            id, field, value, ..
        } => {
            if id != doc_id {
                return Err(DomainError::NotFound {
                    kind: R::KIND,
                    id: id.clone(),
                });
            }
            let old = edit_record(r, field, value.clone(), st)?;
            Ok(Some(Command::Edit {
                kind,
                id: id.clone(),
                field: field.clone(),
                value: old,
            }))
        }
        Command::Erase { id, .. } => Err(DomainError::NotFound {
            kind: R::KIND,
            id: id.clone(),
        }),
        Command::Batch { .. } => Ok(None),
    }
}

/// Applies `cmd` to `doc`; returns the command that undoes it (`None`: not undoable).
///
/// # Errors
/// [`DomainError`] when the command breaks a rule; `doc` is then unchanged.
pub fn apply<D: Document>(
    doc: &mut D,
    cmd: &Command<D::Kind>,
    st: &mut Stamper<'_>,
) -> Result<Option<Command<D::Kind>>, DomainError> {
    apply_logged(doc, cmd, st, &mut Vec::new())
}

/// [`apply`], keeping in `log` what a batch's commands change so that a failing command puts
/// back everything the batch did before it.
fn apply_logged<'a, D: Document>(
    doc: &mut D,
    cmd: &'a Command<D::Kind>,
    st: &mut Stamper<'_>,
    log: &mut Vec<Kept<'a, D::Kind>>,
) -> Result<Option<Command<D::Kind>>, DomainError> {
    let Command::Batch { commands } = cmd else {
        // One command changes nothing when it fails.
        return doc.apply_one(cmd, st);
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
                    doc.put_back(k.kind, k.id, k.field, k.saved);
                }
                return Err(e);
            }
        }
    }
    inverses.reverse();
    Ok(Some(Command::Batch { commands: inverses }))
}

/// What one command of a batch is about to change, as it was: a field's register (an edit)
/// or the whole record (`Option<R>`: create, erase).
struct Kept<'a, K> {
    kind: K,
    id: &'a Id,
    field: Option<&'a str>,
    saved: Box<dyn std::any::Any>,
}

/// Keeps what `cmd` (not a batch: those keep their own) is about to change.
fn keep<'a, D: Document>(doc: &D, cmd: &'a Command<D::Kind>, log: &mut Vec<Kept<'a, D::Kind>>) {
    let (kind, id, field) = match cmd {
        Command::Batch { .. } => return,
        Command::Edit {
            kind, id, field, ..
        } => (*kind, id, Some(field.as_str())),
        Command::Create { kind, id, .. } | Command::Erase { kind, id } => (*kind, id, None),
    };
    if let Some(saved) = doc.keep(kind, id, field) {
        log.push(Kept {
            kind,
            id,
            field,
            saved,
        });
    }
}

/// What [`Document::keep`] keeps of one record: `field`'s register, or (no field) the whole
/// record as it is (`Option<R>`; `None`: no such record). `None` when there is nothing to
/// keep: the edit then fails without changing anything.
#[must_use]
pub fn keep_record<R: Record + 'static>(
    r: Option<&R>,
    field: Option<&str>,
) -> Option<Box<dyn std::any::Any>> {
    match field {
        Some(f) => r?.keep(f),
        None => Some(Box::new(r.cloned())),
    }
}

/// Puts back in `c` what [`keep_record`] kept.
pub fn put_back_record<R: Record + 'static>(
    c: &mut Collection<R>,
    id: &Id,
    field: Option<&str>,
    saved: Box<dyn std::any::Any>,
) {
    match field {
        Some(f) => {
            if let Some(r) = c.0.get_mut(id) {
                r.put_back(f, saved);
            }
        }
        None => {
            if let Ok(r) = saved.downcast::<Option<R>>() {
                match *r {
                    Some(r) => c.0.insert(id.clone(), r),
                    None => c.0.remove(id),
                };
            }
        }
    }
}

/// Puts back in the document's one record of its kind what [`keep_record`] kept.
pub fn put_back_singleton<R: Record + 'static>(
    r: &mut R,
    field: Option<&str>,
    saved: Box<dyn std::any::Any>,
) {
    match field {
        Some(f) => r.put_back(f, saved),
        None => {
            if let Ok(m) = saved.downcast::<Option<R>>()
                && let Some(m) = *m
            {
                *r = m;
            }
        }
    }
}
