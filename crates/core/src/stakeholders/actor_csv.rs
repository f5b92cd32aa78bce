//! Importing actors from a spreadsheet saved as CSV (Swedish Excel: `;`, UTF-8 with or without
//! BOM, or Windows-1252), read by the kernel's CSV reader. Columns are found by their header,
//! in Swedish or English — the headers [`super::report::Report::csv`] writes, so Vägval's own
//! actor CSV reads back: namn/aktör/organisation, typ, beskrivning, taggar (comma-separated),
//! makt, intresse, legitimitet, brådska (1–5), inställning (−2…+2). A row whose name the map
//! already has (trimmed, case-insensitive) is skipped; a row with a problem is listed with its
//! Excel row number and column and left out; the rest become one undoable batch.
use std::collections::BTreeSet;

use serde_json::{Value, json};

use crate::Doc;
use crate::Kind;
use crate::kernel::check::{NAME_MAX, TEXT_MAX};
use crate::kernel::command::Command;
use crate::kernel::csv_in::{ReadError, plain, table};
use crate::kernel::id::Id;
use crate::kernel::lang::{Lang, Localized};

use super::actor::{ACTORS_MAX, ActorType, TAG_MAX, TAGS_MAX};
use super::map::live_actors;

/// The columns, by field: the field's name in the record and the plain headers that fill it.
const COLUMNS: [(&str, &[&str]); 9] = [
    ("name", &["namn", "aktor", "organisation", "name", "actor"]),
    ("actor_type", &["typ", "type", "aktorstyp", "actor type"]),
    ("description", &["beskrivning", "description"]),
    ("tags", &["taggar", "tags", "tagg"]),
    ("power", &["makt", "power", "inflytande"]),
    ("interest", &["intresse", "interest"]),
    ("legitimacy", &["legitimitet", "legitimacy"]),
    ("urgency", &["bradska", "urgency", "angelagenhet"]),
    ("attitude", &["installning", "attitude", "hallning"]),
];

/// A row left out.
pub type RowProblem = crate::kernel::csv_in::RowProblem<Problem>;

/// What is wrong with a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// The name is empty.
    Empty,
    /// A text longer than allowed.
    TooLong {
        /// The limit.
        max: usize,
    },
    /// Not a whole number in range.
    Range {
        /// Lowest.
        min: i64,
        /// Highest.
        max: i64,
    },
    /// The map is full.
    Full,
}

impl Localized for RowProblem {
    fn message(&self, lang: Lang) -> String {
        let (row, col) = (self.row, &self.column);
        match (self.problem, lang) {
            (Problem::Empty, Lang::Sv) => format!("Rad {row}, {col}: namnet saknas."),
            (Problem::Empty, Lang::En) => format!("Row {row}, {col}: the name is missing."),
            (Problem::TooLong { max }, Lang::Sv) => {
                format!("Rad {row}, {col}: högst {max} tecken.")
            }
            (Problem::TooLong { max }, Lang::En) => {
                format!("Row {row}, {col}: at most {max} characters.")
            }
            (Problem::Range { min, max }, Lang::Sv) => {
                format!("Rad {row}, {col}: ett heltal {min}–{max} väntades.")
            }
            (Problem::Range { min, max }, Lang::En) => {
                format!("Row {row}, {col}: a whole number {min}–{max} was expected.")
            }
            (Problem::Full, Lang::Sv) => {
                format!("Rad {row}: kartan har redan {ACTORS_MAX} aktörer.")
            }
            (Problem::Full, Lang::En) => {
                format!("Row {row}: the map already has {ACTORS_MAX} actors.")
            }
        }
    }
}

/// What an import would do.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// One batch creating the new actors (empty when there are none).
    pub command: Command<Kind>,
    /// Actors added.
    pub added: usize,
    /// Rows skipped because the map has the name: (row, name).
    pub known: Vec<(usize, String)>,
    /// Rows left out.
    pub problems: Vec<RowProblem>,
}

fn number(cell: &str, min: i64, max: i64) -> Result<Option<i64>, Problem> {
    // Vägval's own CSV writes a negative number as '-1 (safe from formula injection).
    let t = cell.trim().trim_start_matches('\'').replace('−', "-");
    if t.is_empty() {
        return Ok(None);
    }
    t.strip_prefix('+')
        .unwrap_or(&t)
        .parse::<i64>()
        .ok()
        .filter(|n| (min..=max).contains(n))
        .map(Some)
        .ok_or(Problem::Range { min, max })
}

fn actor_type(cell: &str) -> ActorType {
    ActorType::from_text(cell.trim(), plain)
}

/// Reads `bytes` and prepares the actors `doc` lacks.
///
/// # Errors
/// [`ReadError`] when the file cannot be read or has no name column; nothing is prepared.
pub fn import(
    doc: &Doc,
    bytes: &[u8],
    mut new_id: impl FnMut() -> Id,
) -> Result<Outcome, ReadError> {
    let t = table(bytes).map_err(ReadError::Csv)?;
    let col: Vec<Option<usize>> = COLUMNS
        .iter()
        .map(|(_, names)| {
            t.headers
                .iter()
                .position(|h| names.contains(&plain(h).as_str()))
        })
        .collect();
    let Some(name_col) = col[0] else {
        return Err(ReadError::NoColumn {
            sv: "Namn, Aktör eller Organisation",
            en: "Name, Actor or Organisation",
        });
    };
    let mut names: BTreeSet<String> = live_actors(doc)
        .iter()
        .filter_map(|a| a.name().map(|n| n.trim().to_lowercase()))
        .collect();
    let mut room = ACTORS_MAX.saturating_sub(names.len());
    let mut out = Outcome {
        command: Command::Batch {
            commands: Vec::new(),
        },
        added: 0,
        known: Vec::new(),
        problems: Vec::new(),
    };
    let mut commands = Vec::new();
    'rows: for (row, cells) in &t.rows {
        let cell = |c: Option<usize>| c.and_then(|c| cells.get(c)).map_or("", |s| s.trim());
        let problem = |c: Option<usize>, problem| t.problem(*row, c, problem);
        let name = cell(Some(name_col));
        if name.is_empty() {
            out.problems.push(problem(Some(name_col), Problem::Empty));
            continue;
        }
        if name.chars().count() > NAME_MAX {
            out.problems
                .push(problem(Some(name_col), Problem::TooLong { max: NAME_MAX }));
            continue;
        }
        if names.contains(&name.to_lowercase()) {
            out.known.push((*row, name.to_owned()));
            continue;
        }
        let mut fields: std::collections::BTreeMap<String, Value> =
            std::collections::BTreeMap::new();
        fields.insert("name".into(), json!(name));
        fields.insert("actor_type".into(), json!(actor_type(cell(col[1]))));
        let description = cell(col[2]);
        if description.chars().count() > TEXT_MAX {
            out.problems
                .push(problem(col[2], Problem::TooLong { max: TEXT_MAX }));
            continue;
        }
        if !description.is_empty() {
            fields.insert("description".into(), json!(description));
        }
        let tags: Vec<&str> = cell(col[3])
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        if tags.len() > TAGS_MAX || tags.iter().any(|t| t.chars().count() > TAG_MAX) {
            out.problems
                .push(problem(col[3], Problem::TooLong { max: TAG_MAX }));
            continue;
        }
        if !tags.is_empty() {
            fields.insert("tags".into(), json!(tags));
        }
        for (k, (field, _)) in COLUMNS.iter().enumerate().skip(4) {
            let (min, max) = if *field == "attitude" {
                (-2, 2)
            } else {
                (1, 5)
            };
            match number(cell(col[k]), min, max) {
                Ok(Some(n)) => {
                    fields.insert((*field).into(), json!(n));
                }
                Ok(None) => {}
                Err(p) => {
                    out.problems.push(problem(col[k], p));
                    continue 'rows;
                }
            }
        }
        if room == 0 {
            out.problems.push(problem(None, Problem::Full));
            continue;
        }
        room -= 1;
        names.insert(name.to_lowercase());
        commands.push(Command::Create {
            kind: Kind::Actor,
            id: new_id(),
            fields,
        });
        out.added += 1;
    }
    out.command = Command::Batch { commands };
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::clock::Hlc;
    use crate::kernel::command::{Stamper, apply};
    use crate::stakeholders::report::report;

    fn ids() -> impl FnMut() -> Id {
        let mut n = 0u8;
        move || {
            n += 1;
            Id::from_random_bytes([n; 16])
        }
    }

    fn meta_only() -> Doc {
        let d = crate::demo::demo_doc();
        Doc::from_meta(d.meta.id.clone(), d.meta.clone())
    }

    #[test]
    fn a_swedish_excel_file() {
        // Windows-1252 bytes for "Brådska" and "Samisk aktör" (å = 0xE5, ö = 0xF6); row 3
        // has power 7 (out of range), row 4 no name, row 5 repeats row 2's name.
        let mut bytes =
            b"Namn;Typ;Makt;Intresse;Legitimitet;Br\xe5dska;Inst\xe4llning;Taggar\r\n".to_vec();
        bytes.extend_from_slice(
            b"Njaarke sameby;Samisk akt\xf6r;2;5;5;4;-1;renn\xe4ring, samiska villkor\r\n",
        );
        bytes.extend_from_slice(b"Bolaget AB;F\xf6retag;7;3;3;3;0;\r\n");
        bytes.extend_from_slice(b";Kommun;3;3;3;3;0;\r\n");
        bytes.extend_from_slice(b"NJAARKE SAMEBY;Samisk akt\xf6r;2;5;5;4;-1;\r\n");
        let out = import(&meta_only(), &bytes, ids()).unwrap();
        assert_eq!(out.added, 1);
        assert_eq!(out.known, vec![(5, "NJAARKE SAMEBY".to_owned())]);
        let p: Vec<(usize, &str, Problem)> = out
            .problems
            .iter()
            .map(|p| (p.row, p.column.as_str(), p.problem))
            .collect();
        assert_eq!(
            p,
            vec![
                (3, "Makt", Problem::Range { min: 1, max: 5 }),
                (4, "Namn", Problem::Empty)
            ]
        );
        assert_eq!(
            out.problems[0].message(Lang::Sv),
            "Rad 3, Makt: ett heltal 1–5 väntades."
        );
        let Command::Batch { commands } = &out.command else {
            panic!()
        };
        let Command::Create { fields, .. } = &commands[0] else {
            panic!()
        };
        assert_eq!(fields["actor_type"], json!("sami"));
        assert_eq!(fields["tags"], json!(["rennäring", "samiska villkor"]));
        assert_eq!(
            (&fields["urgency"], &fields["attitude"]),
            (&json!(4), &json!(-1))
        );
    }

    #[test]
    fn vaegvals_own_actor_csv_reads_back() {
        // The report's CSV of the demo (with '-1 for negative attitudes) into an empty map
        // gives the same names, types and scores.
        let demo = crate::demo::demo_doc();
        let csv = report(&demo).csv(Lang::Sv);
        let mut doc = meta_only();
        let out = import(&doc, csv.as_bytes(), ids()).unwrap();
        assert_eq!((out.added, out.problems.len()), (17, 0));
        let mut clock = Hlc::new("dev.a");
        let mut st = Stamper {
            clock: &mut clock,
            now_ms: 1_800_000_000_000,
        };
        apply(&mut doc, &out.command, &mut st).unwrap();
        let key = |d: &Doc| {
            report(d)
                .actors
                .into_iter()
                .map(|l| (l.row.name, l.actor_type, l.scores, l.attitude))
                .collect::<Vec<_>>()
        };
        assert_eq!(key(&doc), key(&demo));
    }

    #[test]
    fn no_name_column() {
        assert_eq!(
            import(&meta_only(), b"Typ;Makt\r\nKommun;3\r\n", ids()),
            Err(ReadError::NoColumn {
                sv: "Namn, Aktör eller Organisation",
                en: "Name, Actor or Organisation"
            })
        );
    }
}
