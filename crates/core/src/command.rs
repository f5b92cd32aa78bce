//! Every user change is a [`Command`] applied by [`apply`]; [`History`] keeps
//! the inverse of each applied command so that undo and redo are exact.
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::lang::{Lang, Localized};
use crate::model::{MAX_NAME_CHARS, MAX_TEXT_CHARS, Workspace};

/// A change to the workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Command {
    /// Give the workspace a new name.
    RenameWorkspace {
        /// The new name (trimmed; must not be empty).
        name: String,
    },
    /// Set the owning organisation.
    SetOrganisation {
        /// The organisation's name.
        organisation: String,
    },
    /// Set the description.
    SetDescription {
        /// Free text.
        description: String,
    },
}

/// A command that breaks a rule of the model.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DomainError {
    /// A required text was empty.
    #[error("{field} must not be empty")]
    Empty {
        /// Which field.
        field: &'static str,
    },
    /// A text was longer than allowed.
    #[error("{field} is longer than {max} characters")]
    TooLong {
        /// Which field.
        field: &'static str,
        /// The limit.
        max: usize,
    },
}

impl Localized for DomainError {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::Empty { field }, Lang::Sv) => format!("{} får inte vara tomt.", sv_field(field)),
            (Self::Empty { field }, Lang::En) => format!("The {field} must not be empty."),
            (Self::TooLong { field, max }, Lang::Sv) => {
                format!("{} får vara högst {max} tecken.", sv_field(field))
            }
            (Self::TooLong { field, max }, Lang::En) => {
                format!("The {field} may be at most {max} characters.")
            }
        }
    }
}

fn sv_field(field: &str) -> &'static str {
    match field {
        "name" => "Namnet",
        "organisation" => "Organisationen",
        _ => "Texten",
    }
}

fn checked(field: &'static str, text: &str, max: usize, required: bool) -> Result<String, DomainError> {
    let text = text.trim();
    if required && text.is_empty() {
        return Err(DomainError::Empty { field });
    }
    if text.chars().count() > max {
        return Err(DomainError::TooLong { field, max });
    }
    Ok(text.to_owned())
}

/// Applies `cmd` to `ws` and returns the command that undoes it.
///
/// # Errors
/// [`DomainError`] when the command breaks a rule; `ws` is then unchanged.
pub fn apply(ws: &mut Workspace, cmd: &Command) -> Result<Command, DomainError> {
    Ok(match cmd {
        Command::RenameWorkspace { name } => {
            let name = checked("name", name, MAX_NAME_CHARS, true)?;
            Command::RenameWorkspace { name: std::mem::replace(&mut ws.name, name) }
        }
        Command::SetOrganisation { organisation } => {
            let organisation = checked("organisation", organisation, MAX_NAME_CHARS, false)?;
            Command::SetOrganisation {
                organisation: std::mem::replace(&mut ws.organisation, organisation),
            }
        }
        Command::SetDescription { description } => {
            let description = checked("description", description, MAX_TEXT_CHARS, false)?;
            Command::SetDescription {
                description: std::mem::replace(&mut ws.description, description),
            }
        }
    })
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
    pub fn apply(&mut self, ws: &mut Workspace, cmd: &Command) -> Result<(), DomainError> {
        let inverse = apply(ws, cmd)?;
        self.undo.push(inverse);
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
        Ok(())
    }

    /// Undoes the last command; returns `false` when there was nothing to undo.
    pub fn undo(&mut self, ws: &mut Workspace) -> bool {
        Self::step(&mut self.undo, &mut self.redo, ws)
    }

    /// Redoes the last undone command; returns `false` when there was nothing to redo.
    pub fn redo(&mut self, ws: &mut Workspace) -> bool {
        Self::step(&mut self.redo, &mut self.undo, ws)
    }

    fn step(from: &mut Vec<Command>, to: &mut Vec<Command>, ws: &mut Workspace) -> bool {
        let Some(cmd) = from.pop() else { return false };
        // Inverses of valid commands are valid; a failure means the document changed
        // underneath (e.g. a merge), and the step is dropped rather than half-applied.
        match apply(ws, &cmd) {
            Ok(inverse) => {
                to.push(inverse);
                true
            }
            Err(_) => false,
        }
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

    fn ws() -> Workspace {
        Workspace::new("00000000-0000-4000-8000-000000000000", "Första")
    }

    #[test]
    fn rename_trims_and_undo_redo_restore_exactly() {
        let mut w = ws();
        let mut h = History::default();
        h.apply(&mut w, &Command::RenameWorkspace { name: "  Andra  ".into() }).unwrap();
        assert_eq!(w.name, "Andra");
        assert!(h.undo(&mut w));
        assert_eq!(w.name, "Första");
        assert!(h.redo(&mut w));
        assert_eq!(w.name, "Andra");
        assert!(!h.redo(&mut w));
    }

    #[test]
    fn invalid_commands_leave_the_workspace_unchanged() {
        let mut w = ws();
        let before = w.clone();
        let mut h = History::default();
        let err = h.apply(&mut w, &Command::RenameWorkspace { name: "   ".into() }).unwrap_err();
        assert_eq!(err, DomainError::Empty { field: "name" });
        assert_eq!(err.message(Lang::Sv), "Namnet får inte vara tomt.");
        let long = "å".repeat(MAX_NAME_CHARS + 1);
        assert!(h.apply(&mut w, &Command::RenameWorkspace { name: long }).is_err());
        assert_eq!(w, before);
        assert!(!h.can_undo());
    }

    #[test]
    fn a_new_command_clears_redo() {
        let mut w = ws();
        let mut h = History::default();
        h.apply(&mut w, &Command::SetDescription { description: "a".into() }).unwrap();
        h.undo(&mut w);
        assert!(h.can_redo());
        h.apply(&mut w, &Command::SetOrganisation { organisation: "Region".into() }).unwrap();
        assert!(!h.can_redo());
    }
}
