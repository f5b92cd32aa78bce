//! Importing goals into a goal set from a spreadsheet saved as CSV (Swedish Excel: `;`
//! between fields, UTF-8 with or without BOM, or Windows-1252 from older Excel versions), as
//! inspel are imported ([`crate::csv_import`]).
//!
//! [`read`] decodes and parses the file ([`crate::kernel::csv_in`]) and guesses which column
//! is the code, the name, the description and the Sami flag from the header; the user may
//! change the mapping ([`Prepared::map`]). [`Prepared::check`] checks every row against the
//! target set: a name is required, the texts within the goal's limits, no goal twice (the
//! same code or the same name, in the file or already in the set) and at most
//! [`GOALS_MAX`] goals in the set. [`Prepared::commands`] turns the valid rows into one
//! undoable batch; nothing is written until the user confirms.
use std::collections::BTreeMap;

use serde_json::json;

use crate::kernel::check::{NAME_MAX, TEXT_MAX};
use crate::kernel::csv_in::{Table, plain, table};
use crate::kernel::id::Id;
use crate::kernel::lang::{Lang, Localized};
use crate::{Command, Doc};

use super::goal::{CODE_MAX, GOALS_MAX, Goal};
use super::workflow::new_goal;

pub use crate::kernel::csv_in::{CsvError, Encoding};

/// A goal field a column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// The code ("RUS 3", "8.2").
    Code,
    /// The name (required).
    Name,
    /// The description.
    Description,
    /// Whether the goal concerns Sami conditions (ja/nej, x, 1/0, yes/no, true/false).
    Sami,
}

impl Field {
    /// Every field, in the order the mapping menu lists them.
    pub const ALL: [Self; 4] = [Self::Code, Self::Name, Self::Description, Self::Sami];

    /// The field's name in the goal record.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Code => "code",
            Self::Name => "name",
            Self::Description => "description",
            Self::Sami => "sami",
        }
    }

    /// The field as the mapping menu and the messages name it.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Code, Lang::Sv) => "kod",
            (Self::Name, Lang::Sv) => "namn",
            (Self::Description, Lang::Sv) => "beskrivning",
            (Self::Sami, Lang::Sv) => "samiskt perspektiv",
            (Self::Code, Lang::En) => "code",
            (Self::Name, Lang::En) => "name",
            (Self::Description, Lang::En) => "description",
            (Self::Sami, Lang::En) => "Sami perspective",
        }
    }

    /// The longest text the field takes, in characters (`None`: a flag).
    #[must_use]
    pub const fn max(self) -> Option<usize> {
        match self {
            Self::Code => Some(CODE_MAX),
            Self::Name => Some(NAME_MAX),
            Self::Description => Some(TEXT_MAX),
            Self::Sami => None,
        }
    }

    /// Header words that map to this field (compared after [`plain`], so "MÅL" and "mal"
    /// are "mål").
    const fn synonyms(self) -> &'static [&'static str] {
        match self {
            Self::Code => &["kod", "nr", "nummer", "code", "id"],
            Self::Name => &["namn", "mål", "name", "goal", "rubrik"],
            Self::Description => &["beskrivning", "description", "text"],
            Self::Sami => &[
                "samiskt",
                "sami",
                "samisk",
                "samiskt perspektiv",
                "sami perspective",
            ],
        }
    }
}

/// The goal a row repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clash {
    /// A goal already in the target set.
    InSet,
    /// An earlier row of the file that will be imported (its Excel row number).
    Row(usize),
}

/// Why a row cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    /// No name.
    NoName,
    /// A text longer than the field takes.
    TooLong {
        /// Which field.
        field: Field,
        /// Its limit in characters.
        max: usize,
    },
    /// A Sami cell that is neither yes nor no.
    BadSami(String),
    /// The same code as another goal (compared in lower case, without accents, spaces
    /// collapsed).
    CodeExists {
        /// The code as written in the row.
        code: String,
        /// Where the goal with that code is.
        clash: Clash,
    },
    /// The same name as another goal (compared in lower case, without accents, spaces
    /// collapsed).
    NameExists {
        /// The name as written in the row.
        name: String,
        /// Where the goal with that name is.
        clash: Clash,
    },
    /// The set would have more than `max` goals with this row.
    TooMany {
        /// The limit ([`GOALS_MAX`]).
        max: usize,
    },
}

impl Localized for RowProblem {
    fn message(&self, lang: Lang) -> String {
        let place = |clash: &Clash| match (clash, lang) {
            (Clash::InSet, Lang::Sv) => "i måluppsättningen".to_owned(),
            (Clash::InSet, Lang::En) => "in the goal set".to_owned(),
            (Clash::Row(r), Lang::Sv) => format!("på rad {r}"),
            (Clash::Row(r), Lang::En) => format!("on row {r}"),
        };
        match (self, lang) {
            (Self::NoName, Lang::Sv) => "Målets namn saknas.".into(),
            (Self::NoName, Lang::En) => "The goal's name is missing.".into(),
            (Self::TooLong { field, max }, Lang::Sv) => format!(
                "Fältet {} är för långt (högst {max} tecken).",
                field.label(lang)
            ),
            (Self::TooLong { field, max }, Lang::En) => format!(
                "The field {} is too long (at most {max} characters).",
                field.label(lang)
            ),
            (Self::BadSami(v), Lang::Sv) => format!(
                "Okänt värde \u{201d}{v}\u{201d} för samiskt perspektiv (ja, nej, x, 1 eller 0)."
            ),
            (Self::BadSami(v), Lang::En) => format!(
                "Unknown value \u{201c}{v}\u{201d} for the Sami perspective (yes, no, x, 1 or 0)."
            ),
            (Self::CodeExists { code, clash }, Lang::Sv) => {
                format!(
                    "Ett mål med koden \u{201d}{code}\u{201d} finns redan {}.",
                    place(clash)
                )
            }
            (Self::CodeExists { code, clash }, Lang::En) => format!(
                "A goal with the code \u{201c}{code}\u{201d} already exists {}.",
                place(clash)
            ),
            (Self::NameExists { name, clash }, Lang::Sv) => format!(
                "Ett mål med namnet \u{201d}{name}\u{201d} finns redan {}.",
                place(clash)
            ),
            (Self::NameExists { name, clash }, Lang::En) => format!(
                "A goal named \u{201c}{name}\u{201d} already exists {}.",
                place(clash)
            ),
            (Self::TooMany { max }, Lang::Sv) => format!(
                "Måluppsättningen får ha högst {max} mål; raden får inte plats. Dela upp målen på flera uppsättningar."
            ),
            (Self::TooMany { max }, Lang::En) => format!(
                "A goal set may hold at most {max} goals; this row does not fit. Split the goals over several sets."
            ),
        }
    }
}

/// A file read, waiting for the user's mapping and confirmation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    /// How the bytes were decoded.
    pub encoding: Encoding,
    /// The delimiter found (`;`, `,` or tab).
    pub delimiter: u8,
    /// The header row.
    pub headers: Vec<String>,
    /// For each column, the field it fills (`None`: ignored). The user may change it
    /// ([`Prepared::map`]); when two columns fill one field, the first non-empty cell counts.
    pub mapping: Vec<Option<Field>>,
    /// The data rows (Excel row number, cells).
    pub rows: Vec<(usize, Vec<String>)>,
}

/// A valid row: the goal it creates.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GoalRow {
    /// Code (may be empty).
    pub code: String,
    /// Name (never empty).
    pub name: String,
    /// Description (may be empty).
    pub description: String,
    /// The Sami flag, when the row gives one.
    pub sami: Option<bool>,
}

/// One row's outcome under the current mapping and the target set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// The row number as Excel shows it (1 = the header; a line break inside a cell does not
    /// start a new row).
    pub line: usize,
    /// The goal to create, or what is wrong.
    pub result: Result<GoalRow, Vec<RowProblem>>,
}

/// Reads a CSV file's bytes and guesses the columns from the header. A column whose header
/// names no field is ignored; when no header names the goal's name, the first such column
/// is taken as the name.
///
/// # Errors
/// [`CsvError`] when there is nothing to import or the file is too large.
pub fn read(bytes: &[u8]) -> Result<Prepared, CsvError> {
    let Table {
        encoding,
        delimiter,
        headers,
        rows,
    } = table(bytes)?;
    let mut mapping: Vec<Option<Field>> = Vec::new();
    for h in &headers {
        let key = plain(h);
        let guess = Field::ALL
            .into_iter()
            .find(|f| f.synonyms().iter().any(|s| plain(s) == key) && !mapping.contains(&Some(*f)));
        mapping.push(guess);
    }
    if !mapping.contains(&Some(Field::Name))
        && let Some(free) = mapping.iter_mut().find(|m| m.is_none())
    {
        *free = Some(Field::Name);
    }
    Ok(Prepared {
        encoding,
        delimiter,
        headers,
        mapping,
        rows,
    })
}

/// A Sami cell: ja/x/1/yes/true, nej/0/no/false in any case; `None` for anything else.
fn flag(cell: &str) -> Option<bool> {
    match plain(cell).as_str() {
        "ja" | "x" | "1" | "yes" | "true" => Some(true),
        "nej" | "0" | "no" | "false" => Some(false),
        _ => None,
    }
}

/// The live goals of `set` (not in the trash).
fn goals_of<'a>(doc: &'a Doc, set: &'a Id) -> impl Iterator<Item = &'a Goal> + 'a {
    doc.goals
        .live()
        .filter(move |g| g.set() == Some(set) && g.removed() != Some(&true))
}

impl Prepared {
    /// Lets `column` fill `field` (`None`: ignore the column). Another column that filled
    /// the same field is set to ignored, so each field comes from one column. A column
    /// beyond the header is ignored.
    pub fn map(&mut self, column: usize, field: Option<Field>) {
        if column >= self.mapping.len() {
            return;
        }
        if field.is_some() {
            for m in &mut self.mapping {
                if *m == field {
                    *m = None;
                }
            }
        }
        self.mapping[column] = field;
    }

    /// The trimmed text of the first non-empty cell of `cells` in a column mapped to `field`.
    fn cell<'a>(&self, cells: &'a [String], field: Field) -> Option<&'a str> {
        self.mapping
            .iter()
            .enumerate()
            .filter(|(_, m)| **m == Some(field))
            .filter_map(|(col, _)| cells.get(col).map(|c| c.trim()))
            .find(|c| !c.is_empty())
    }

    /// Every row checked under the current mapping against the goals of `set` in `doc`: in
    /// file order, a row that repeats an earlier valid row or a goal of the set is refused,
    /// and valid rows are accepted while the set has room for them (at most [`GOALS_MAX`]
    /// goals, those already in the set included).
    #[must_use]
    pub fn check(&self, doc: &Doc, set: &Id) -> Vec<Checked> {
        // Codes and names taken: by the set's goals, then by the rows accepted.
        let mut codes: BTreeMap<String, Clash> = BTreeMap::new();
        let mut names: BTreeMap<String, Clash> = BTreeMap::new();
        let mut count = 0usize;
        for g in goals_of(doc, set) {
            count += 1;
            if let Some(c) = g.code().map(|c| plain(c)).filter(|c| !c.is_empty()) {
                codes.insert(c, Clash::InSet);
            }
            if let Some(n) = g.name().map(|n| plain(n)).filter(|n| !n.is_empty()) {
                names.insert(n, Clash::InSet);
            }
        }
        let mut out = Vec::with_capacity(self.rows.len());
        for (line, cells) in &self.rows {
            let mut problems = Vec::new();
            let mut text = |field: Field| {
                let cell = self.cell(cells, field).unwrap_or_default();
                match field.max() {
                    Some(max) if cell.chars().count() > max => {
                        problems.push(RowProblem::TooLong { field, max });
                        None
                    }
                    _ => Some(cell.to_owned()),
                }
            };
            let code = text(Field::Code);
            let name = text(Field::Name);
            let description = text(Field::Description);
            if name.as_deref() == Some("") {
                problems.push(RowProblem::NoName);
            }
            let sami = match self.cell(cells, Field::Sami) {
                None => None,
                Some(c) => {
                    let f = flag(c);
                    if f.is_none() {
                        problems.push(RowProblem::BadSami(c.to_owned()));
                    }
                    f
                }
            };
            let code_key = code.as_deref().map(plain).filter(|c| !c.is_empty());
            let name_key = name.as_deref().map(plain).filter(|n| !n.is_empty());
            if let (Some(key), Some(code)) = (&code_key, &code)
                && let Some(clash) = codes.get(key)
            {
                problems.push(RowProblem::CodeExists {
                    code: code.clone(),
                    clash: *clash,
                });
            }
            if let (Some(key), Some(name)) = (&name_key, &name)
                && let Some(clash) = names.get(key)
            {
                problems.push(RowProblem::NameExists {
                    name: name.clone(),
                    clash: *clash,
                });
            }
            if problems.is_empty() && count >= GOALS_MAX {
                problems.push(RowProblem::TooMany { max: GOALS_MAX });
            }
            let result = match (problems.is_empty(), code, name, description) {
                (true, Some(code), Some(name), Some(description)) => {
                    count += 1;
                    if let Some(key) = code_key {
                        codes.insert(key, Clash::Row(*line));
                    }
                    if let Some(key) = name_key {
                        names.insert(key, Clash::Row(*line));
                    }
                    Ok(GoalRow {
                        code,
                        name,
                        description,
                        sami,
                    })
                }
                _ => Err(problems),
            };
            out.push(Checked {
                line: *line,
                result,
            });
        }
        out
    }

    /// One batch creating a goal of `set` for every valid row of [`Prepared::check`] (ids
    /// from `new_id`), ordered after the set's goals in file order; and how many goals it
    /// creates (0: an empty batch, nothing to import).
    #[must_use]
    pub fn commands(
        &self,
        doc: &Doc,
        set: &Id,
        mut new_id: impl FnMut() -> Id,
    ) -> (Command, usize) {
        let mut order = goals_of(doc, set)
            .filter_map(|g| g.order().copied())
            .max()
            .map_or(0, |o| o.saturating_add(1));
        let mut commands = Vec::new();
        for row in self
            .check(doc, set)
            .into_iter()
            .filter_map(|c| c.result.ok())
        {
            let id = new_id();
            let mut cmd = new_goal(&id, set, &row.code, &row.name, order);
            if let Command::Create { fields, .. } = &mut cmd {
                if !row.description.is_empty() {
                    fields.insert(Goal::DESCRIPTION.name().to_owned(), json!(row.description));
                }
                if let Some(sami) = row.sami {
                    fields.insert(Goal::SAMI.name().to_owned(), json!(sami));
                }
            }
            commands.push(cmd);
            order = order.saturating_add(1);
        }
        let n = commands.len();
        (Command::Batch { commands }, n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conflicts::demo::demo_id;
    use crate::kernel::command::{Stamper, apply};
    use crate::{Hlc, Stamp};

    fn ids(start: u8) -> impl FnMut() -> Id {
        let mut n = start;
        move || {
            n = n.wrapping_add(1);
            Id::from_random_bytes([n; 16])
        }
    }

    fn apply_all(doc: &mut Doc, cmd: &Command) {
        let mut clock = Hlc::new("a");
        let mut st = Stamper {
            clock: &mut clock,
            now_ms: 1_700_000_000_500,
        };
        apply(doc, cmd, &mut st).unwrap();
    }

    fn empty_doc() -> Doc {
        Doc::new(Id::from_random_bytes([1; 16]), "A", Stamp(1, 0, "a".into()))
    }

    /// Swedish Excel's "CSV (semikolonavgränsad)" from an older version: Windows-1252
    /// (å = E5, ä = E4, ö = F6, Å = C5, – = 96), `;`, CRLF; a quoted description with a
    /// doubled quote and a line break; an empty name; a repeated name (other case, extra
    /// space); a code and a name the demo set already has; an unknown Sami value.
    const EXCEL_1252: &[u8] = b"Kod;M\xe5l;Beskrivning;Samiskt\r\n\
RUS 10;H\xe5llbar bes\xf6ksn\xe4ring;\"Turism \"\"\xe5ret runt\"\"\nger jobb i hela l\xe4net\";nej\r\n\
RUS 11;Fj\xe4llens ekosystem \x96 \xc5re och Berg;;Ja\r\n\
RUS 12;;Ingen rubrik h\xe4r;x\r\n\
RUS 13;FJ\xc4LLENS  ekosystem \x96 \xc5re och Berg;;\r\n\
rus 2;Syssels\xe4ttning i inlandet;;\r\n\
RUS 14;Kompetensf\xf6rs\xf6rjning;;\r\n\
RUS 15;Samisk kultur;;kanske\r\n\
RUS 16;Rensk\xf6tselns flyttleder;;1\r\n";

    #[test]
    fn swedish_excel_in_windows_1252_against_the_demo_set() {
        let p = read(EXCEL_1252).unwrap();
        assert_eq!(p.encoding, Encoding::Windows1252);
        assert_eq!(p.delimiter, b';');
        assert_eq!(p.headers, vec!["Kod", "Mål", "Beskrivning", "Samiskt"]);
        assert_eq!(
            p.mapping,
            vec![
                Some(Field::Code),
                Some(Field::Name),
                Some(Field::Description),
                Some(Field::Sami)
            ]
        );
        let mut doc = crate::demo::demo_doc();
        let set = demo_id(1);
        assert_eq!(goals_of(&doc, &set).count(), 9);
        let checked = p.check(&doc, &set);
        let lines: Vec<usize> = checked.iter().map(|c| c.line).collect();
        assert_eq!(
            lines,
            vec![2, 3, 4, 5, 6, 7, 8, 9],
            "a line break in a cell is one row"
        );
        assert_eq!(
            checked[0].result,
            Ok(GoalRow {
                code: "RUS 10".into(),
                name: "Hållbar besöksnäring".into(),
                description: "Turism \"året runt\"\nger jobb i hela länet".into(),
                sami: Some(false),
            })
        );
        let fjall = "Fjällens ekosystem – Åre och Berg";
        assert_eq!(checked[1].result.as_ref().unwrap().name, fjall);
        assert_eq!(checked[1].result.as_ref().unwrap().sami, Some(true));
        assert_eq!(checked[2].result, Err(vec![RowProblem::NoName]));
        assert_eq!(
            checked[3].result,
            Err(vec![RowProblem::NameExists {
                name: "FJÄLLENS  ekosystem – Åre och Berg".into(),
                clash: Clash::Row(3)
            }]),
            "the same name in other case and spacing, within the file"
        );
        assert_eq!(
            checked[4].result,
            Err(vec![RowProblem::CodeExists {
                code: "rus 2".into(),
                clash: Clash::InSet
            }])
        );
        assert_eq!(
            checked[5].result,
            Err(vec![RowProblem::NameExists {
                name: "Kompetensförsörjning".into(),
                clash: Clash::InSet
            }])
        );
        assert_eq!(
            checked[6].result,
            Err(vec![RowProblem::BadSami("kanske".into())])
        );
        assert_eq!(checked[7].result.as_ref().unwrap().sami, Some(true));
        assert!(
            RowProblem::NameExists {
                name: fjall.into(),
                clash: Clash::InSet
            }
            .message(Lang::Sv)
            .contains("finns redan")
        );

        // The batch: three goals after the set's nine, applied and valid.
        let (cmd, n) = p.commands(&doc, &set, ids(100));
        assert_eq!(n, 3);
        apply_all(&mut doc, &cmd);
        assert!(doc.validate(10).is_empty(), "{:?}", doc.validate(10));
        let mut added: Vec<&Goal> = goals_of(&doc, &set)
            .filter(|g| g.order().is_some_and(|o| *o >= 9))
            .collect();
        added.sort_by_key(|g| g.order().copied());
        let shown: Vec<(u32, String, Option<bool>)> = added
            .iter()
            .map(|g| (*g.order().unwrap(), g.display(), g.sami().copied()))
            .collect();
        assert_eq!(
            shown,
            vec![
                (9, "RUS 10 Hållbar besöksnäring".into(), Some(false)),
                (10, format!("RUS 11 {fjall}"), Some(true)),
                (11, "RUS 16 Renskötselns flyttleder".into(), Some(true)),
            ]
        );
        assert_eq!(
            added[0].description().unwrap(),
            "Turism \"året runt\"\nger jobb i hela länet"
        );
        assert_eq!(added[1].description(), None, "no empty description written");

        // The same file again: every row that was valid now finds its goal in the set.
        let again = p.check(&doc, &set);
        assert!(again.iter().all(|c| c.result.is_err()));
        assert_eq!(
            again[0].result,
            Err(vec![
                RowProblem::CodeExists {
                    code: "RUS 10".into(),
                    clash: Clash::InSet
                },
                RowProblem::NameExists {
                    name: "Hållbar besöksnäring".into(),
                    clash: Clash::InSet
                }
            ])
        );
        let (cmd, n) = p.commands(&doc, &set, ids(200));
        assert_eq!((cmd, n), (Command::Batch { commands: vec![] }, 0));
    }

    #[test]
    fn utf8_with_bom_and_commas() {
        let text = "\u{feff}Nr,Name,Description,Sami\r\n\
                    6,Clean water,\"Water, for all\",no\r\n\
                    7,Clean energy,,YES\r\n\
                    8,Decent work,,\r\n";
        let p = read(text.as_bytes()).unwrap();
        assert_eq!(p.encoding, Encoding::Utf8);
        assert_eq!(p.delimiter, b',');
        assert_eq!(p.headers[0], "Nr", "the BOM is gone");
        assert_eq!(
            p.mapping,
            vec![
                Some(Field::Code),
                Some(Field::Name),
                Some(Field::Description),
                Some(Field::Sami)
            ]
        );
        let doc = empty_doc();
        let set = Id::from_random_bytes([2; 16]);
        let rows: Vec<GoalRow> = p
            .check(&doc, &set)
            .into_iter()
            .map(|c| c.result.unwrap())
            .collect();
        assert_eq!(rows[0].description, "Water, for all");
        assert_eq!(rows[0].sami, Some(false));
        assert_eq!(rows[1].sami, Some(true));
        assert_eq!(rows[2].sami, None);
        let (Command::Batch { commands }, 3) = p.commands(&doc, &set, ids(0)) else {
            panic!()
        };
        let Command::Create { fields, .. } = &commands[0] else {
            panic!()
        };
        assert_eq!(fields["order"], json!(0), "an empty set starts at 0");
        assert_eq!(fields["set"], json!(set));
        assert_eq!(fields["description"], json!("Water, for all"));
    }

    #[test]
    fn headers_are_guessed_and_the_mapping_can_change() {
        // Upper case, no accent: still "Mål"; "Nummer" is the code.
        let p = read("NUMMER;MAL;Kommentar\n1;Ett;x\n".as_bytes()).unwrap();
        assert_eq!(p.mapping, vec![Some(Field::Code), Some(Field::Name), None]);
        // No header names a goal: the first column no header claimed is the name.
        let mut p = read("Id;Vad;Varför\r\nA;Ett;Därför\r\n".as_bytes()).unwrap();
        assert_eq!(p.mapping, vec![Some(Field::Code), Some(Field::Name), None]);
        let doc = empty_doc();
        let set = Id::from_random_bytes([2; 16]);
        // The user says the third column is the description, then that the first is the
        // name: the second column is freed.
        p.map(2, Some(Field::Description));
        p.map(0, Some(Field::Name));
        assert_eq!(
            p.mapping,
            vec![Some(Field::Name), None, Some(Field::Description)]
        );
        p.map(9, Some(Field::Code));
        assert_eq!(p.mapping.len(), 3, "a column beyond the header is ignored");
        let row = p.check(&doc, &set).remove(0).result.unwrap();
        assert_eq!((row.code.as_str(), row.name.as_str()), ("", "A"));
        assert_eq!(row.description, "Därför");
        // Ignoring the name column leaves every row without a name.
        p.map(0, None);
        assert_eq!(p.check(&doc, &set)[0].result, Err(vec![RowProblem::NoName]));
        assert_eq!(read(b"Kod;Namn\r\n"), Err(CsvError::Empty));
        assert_eq!(read(b""), Err(CsvError::Empty));
    }

    #[test]
    fn lengths_are_checked_per_field() {
        let long_code = "K".repeat(CODE_MAX + 1);
        let long_name = "n".repeat(NAME_MAX + 1);
        let text = format!(
            "Kod;Namn\r\n{long_code};Bra namn\r\nRUS 1;{long_name}\r\n{};{}\r\n",
            "K".repeat(CODE_MAX),
            "n".repeat(NAME_MAX)
        );
        let p = read(text.as_bytes()).unwrap();
        let checked = p.check(&empty_doc(), &Id::from_random_bytes([2; 16]));
        assert_eq!(
            checked[0].result,
            Err(vec![RowProblem::TooLong {
                field: Field::Code,
                max: CODE_MAX
            }])
        );
        assert_eq!(
            checked[1].result,
            Err(vec![RowProblem::TooLong {
                field: Field::Name,
                max: NAME_MAX
            }]),
            "too long, not missing"
        );
        assert!(checked[2].result.is_ok(), "exactly at the limits");
    }

    fn numbered(n: usize) -> Vec<u8> {
        let mut text = String::from("Kod;Namn\r\n");
        for k in 1..=n {
            text.push_str(&format!("{k};Mål nummer {k}\r\n"));
        }
        text.into_bytes()
    }

    #[test]
    fn at_most_169_goals_in_a_set() {
        let p = read(&numbered(170)).unwrap();
        let doc = empty_doc();
        let set = Id::from_random_bytes([2; 16]);
        let checked = p.check(&doc, &set);
        assert_eq!(checked.iter().filter(|c| c.result.is_ok()).count(), 169);
        let refused: Vec<&Checked> = checked.iter().filter(|c| c.result.is_err()).collect();
        assert_eq!(refused.len(), 1);
        assert_eq!(refused[0].line, 171, "the 170th goal, on Excel's row 171");
        assert_eq!(
            refused[0].result,
            Err(vec![RowProblem::TooMany { max: GOALS_MAX }])
        );
        assert!(
            RowProblem::TooMany { max: GOALS_MAX }
                .message(Lang::Sv)
                .contains("169")
        );
        let (_, n) = p.commands(&doc, &set, ids(0));
        assert_eq!(n, 169);
    }

    #[test]
    fn the_limit_counts_the_goals_already_in_the_set() {
        // The demo set has 9 goals: 160 of 170 rows fit; the batch keeps the document valid.
        let mut doc = crate::demo::demo_doc();
        let set = demo_id(1);
        let p = read(&numbered(170)).unwrap();
        let checked = p.check(&doc, &set);
        assert_eq!(checked.iter().filter(|c| c.result.is_ok()).count(), 160);
        assert!(
            checked[160..]
                .iter()
                .all(|c| c.result == Err(vec![RowProblem::TooMany { max: GOALS_MAX }]))
        );
        let (cmd, n) = p.commands(&doc, &set, ids(0));
        assert_eq!(n, 160);
        apply_all(&mut doc, &cmd);
        assert_eq!(goals_of(&doc, &set).count(), GOALS_MAX);
        assert!(doc.validate(10).is_empty(), "{:?}", doc.validate(10));
        // Full: one more row is refused.
        let one = read("Kod;Namn\r\nX;Ett till\r\n".as_bytes()).unwrap();
        assert_eq!(
            one.check(&doc, &set)[0].result,
            Err(vec![RowProblem::TooMany { max: GOALS_MAX }])
        );
    }

    #[test]
    fn every_problem_reads_in_both_languages() {
        let problems = [
            RowProblem::NoName,
            RowProblem::TooLong {
                field: Field::Description,
                max: TEXT_MAX,
            },
            RowProblem::BadSami("kanske".into()),
            RowProblem::CodeExists {
                code: "RUS 1".into(),
                clash: Clash::InSet,
            },
            RowProblem::NameExists {
                name: "Sysselsättning".into(),
                clash: Clash::Row(4),
            },
            RowProblem::TooMany { max: GOALS_MAX },
        ];
        for p in &problems {
            let (sv, en) = (p.message(Lang::Sv), p.message(Lang::En));
            assert!(!sv.is_empty() && !en.is_empty() && sv != en, "{p:?}");
        }
        assert_eq!(
            problems[4].message(Lang::Sv),
            "Ett mål med namnet \u{201d}Sysselsättning\u{201d} finns redan på rad 4."
        );
        assert!(
            problems[3]
                .message(Lang::En)
                .contains("already exists in the goal set")
        );
        for f in Field::ALL {
            assert_ne!(f.label(Lang::Sv), "");
            assert_ne!(f.label(Lang::En), "");
        }
    }
}
