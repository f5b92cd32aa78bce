//! Importing inspel from a spreadsheet saved as CSV (Swedish Excel: `;` between fields,
//! UTF-8 with or without BOM, or Windows-1252 from older Excel versions).
//!
//! [`read`] detects the encoding and the delimiter, parses with `csv-core` (quoted fields,
//! doubled quotes, line breaks inside quotes), guesses which column is which from the header
//! and checks every row; [`Prepared::commands`] turns the valid rows into one undoable batch.
//! Nothing is written until the user confirms.
use std::collections::BTreeMap;

use serde_json::Value;

use crate::command::{Command, Kind};
use crate::crdt::to_json;
use crate::id::Id;
use crate::kernel::csv_in::{Table, plain, table};
use crate::lang::{Lang, Localized};
use crate::model::{Dimension, Municipality, NAME_MAX, Status, TEXT_MAX};
use crate::query::fold;

pub use crate::kernel::csv_in::{CsvError, Encoding, MAX_BYTES, MAX_ROWS};

/// An inspel field a column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// Title (required).
    Title,
    /// Description.
    Description,
    /// Organisation.
    Organisation,
    /// Contact person.
    Person,
    /// Municipality (by name).
    Municipality,
    /// Theme.
    Theme,
    /// Dimensions, e.g. "ekologisk, social".
    Dimensions,
    /// Stage, e.g. "inkommet".
    Status,
}

impl Field {
    /// Every field, in the order the mapping menu lists them.
    pub const ALL: [Self; 8] = [
        Self::Title,
        Self::Description,
        Self::Organisation,
        Self::Person,
        Self::Municipality,
        Self::Theme,
        Self::Dimensions,
        Self::Status,
    ];

    /// The field's name in the record.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Title => "title",
            Self::Description => "description",
            Self::Organisation => "organisation",
            Self::Person => "person",
            Self::Municipality => "municipality",
            Self::Theme => "theme",
            Self::Dimensions => "dimensions",
            Self::Status => "status",
        }
    }

    /// Header words that map to this field (folded).
    const fn synonyms(self) -> &'static [&'static str] {
        match self {
            Self::Title => &[
                "rubrik",
                "titel",
                "title",
                "inspel",
                "namn",
                "rubrik på inspelet",
            ],
            Self::Description => &[
                "beskrivning",
                "description",
                "text",
                "motivering",
                "innehåll",
            ],
            Self::Organisation => &[
                "organisation",
                "organization",
                "avsändare",
                "inlämnat av",
                "aktör",
            ],
            Self::Person => &["kontaktperson", "kontakt", "person", "contact"],
            Self::Municipality => &["kommun", "municipality", "geografi"],
            Self::Theme => &["tema", "theme", "område", "sakområde"],
            Self::Dimensions => &[
                "dimension",
                "dimensioner",
                "hållbarhetsdimension",
                "hållbarhetsdimensioner",
                "dimensions",
            ],
            Self::Status => &["status", "läge", "stage"],
        }
    }
}

/// Why a row cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    /// No title.
    NoTitle,
    /// A text longer than allowed.
    TooLong(Field),
    /// A municipality name not recognised.
    UnknownMunicipality(String),
    /// A dimension not recognised.
    UnknownDimension(String),
    /// A stage not recognised.
    UnknownStatus(String),
}

impl Localized for RowProblem {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::NoTitle, Lang::Sv) => "Rubrik saknas.".into(),
            (Self::NoTitle, Lang::En) => "The title is missing.".into(),
            (Self::TooLong(f), Lang::Sv) => format!("Fältet {} är för långt.", f.name()),
            (Self::TooLong(f), Lang::En) => format!("The field {} is too long.", f.name()),
            (Self::UnknownMunicipality(m), Lang::Sv) => {
                format!("Okänd kommun \u{201d}{m}\u{201d} (länets kommuner, Regionen eller Annan).")
            }
            (Self::UnknownMunicipality(m), Lang::En) => format!(
                "Unknown municipality \u{201c}{m}\u{201d} (the county's municipalities, the region or other)."
            ),
            (Self::UnknownDimension(d), Lang::Sv) => {
                format!("Okänd dimension \u{201d}{d}\u{201d} (ekologisk, social, ekonomisk).")
            }
            (Self::UnknownDimension(d), Lang::En) => {
                format!("Unknown dimension \u{201c}{d}\u{201d} (ecological, social, economic).")
            }
            (Self::UnknownStatus(s), Lang::Sv) => format!("Okänd status \u{201d}{s}\u{201d}."),
            (Self::UnknownStatus(s), Lang::En) => format!("Unknown status \u{201c}{s}\u{201d}."),
        }
    }
}

/// A file read and checked, waiting for the user's confirmation.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    /// How the bytes were decoded.
    pub encoding: Encoding,
    /// The delimiter found (`;`, `,` or tab).
    pub delimiter: u8,
    /// The header row.
    pub headers: Vec<String>,
    /// For each column, the field it fills (`None`: ignored). The user may change it.
    pub mapping: Vec<Option<Field>>,
    /// The data rows (Excel row number, cells).
    pub rows: Vec<(usize, Vec<String>)>,
}

/// One row's outcome under the current mapping.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// The row number as Excel shows it (1 = the header; a line break inside a cell does not
    /// start a new row).
    pub line: usize,
    /// The fields to create, or what is wrong.
    pub result: Result<BTreeMap<String, Value>, Vec<RowProblem>>,
}

/// Reads a CSV file's bytes.
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
        let key = fold(h);
        let guess = Field::ALL
            .into_iter()
            .find(|f| f.synonyms().contains(&key.as_str()) && !mapping.contains(&Some(*f)));
        mapping.push(guess);
    }
    // No header matched a title: the first column is the title.
    if !mapping.contains(&Some(Field::Title))
        && let Some(first) = mapping.first_mut()
    {
        *first = Some(Field::Title);
    }
    Ok(Prepared {
        encoding,
        delimiter,
        headers,
        mapping,
        rows,
    })
}

fn municipality(text: &str) -> Option<Municipality> {
    let key = fold(text.trim());
    // "Östersunds kommun" → "östersund" (genitive s before "kommun"), "Åre kommun" → "åre".
    let base = key.strip_suffix(" kommun").unwrap_or(&key);
    let genitive = key.strip_suffix("s kommun").unwrap_or(base);
    Municipality::ALL.into_iter().find(|m| {
        let (sv, en) = (fold(m.label(Lang::Sv)), fold(m.label(Lang::En)));
        [base, genitive].iter().any(|k| *k == sv || *k == en)
            || (*m == Municipality::Region
                && (base == "region" || base.starts_with("region jämtland")))
    })
}

fn dimension(text: &str) -> Option<Dimension> {
    let key = plain(text);
    // "Social hållbarhet", as the dimensions are also called.
    let key = key
        .strip_suffix(" hallbarhet")
        .or_else(|| key.strip_suffix(" sustainability"))
        .unwrap_or(&key);
    match key {
        "ekologisk" | "ecological" | "miljo" => Some(Dimension::Ecological),
        "social" => Some(Dimension::Social),
        "ekonomisk" | "economic" => Some(Dimension::Economic),
        _ => None,
    }
}

/// What a dimensions cell says, as the import preview shows it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Dimensions {
    /// The dimensions understood, each once, in the model's order.
    pub known: Vec<Dimension>,
    /// The parts not understood, as written.
    pub unknown: Vec<String>,
}

/// Reads a dimensions cell as spreadsheets hold it: a list separated by `;`, `,`, `/`, `+`, a
/// line break or the word "och" (or "and") — `ekonomisk;social` is how Excel writes a list in
/// one cell of a comma-separated file — in any case, with or without accents ("Miljo" is
/// "Miljö"). The words: ekologisk, ecological or miljö; social; ekonomisk or economic; each may
/// be followed by "hållbarhet" ("sustainability").
#[must_use]
pub fn dimensions(cell: &str) -> Dimensions {
    let mut out = Dimensions::default();
    for part in cell.split([';', ',', '/', '+', '\n', '\r']) {
        // Between the words "och"/"and": the part's words, as written.
        let mut words: Vec<&str> = Vec::new();
        let mut groups = Vec::new();
        for word in part.split_whitespace().chain(std::iter::once("och")) {
            if matches!(plain(word).as_str(), "och" | "and") {
                if !words.is_empty() {
                    groups.push(words.join(" "));
                }
                words.clear();
            } else {
                words.push(word);
            }
        }
        for group in groups {
            match dimension(&group) {
                Some(d) if !out.known.contains(&d) => out.known.push(d),
                Some(_) => {}
                None => out.unknown.push(group),
            }
        }
    }
    out.known.sort();
    out
}

fn status(text: &str) -> Option<Status> {
    match fold(text.trim()).as_str() {
        "inkommet" | "received" => Some(Status::Received),
        "sammanställt" | "compiled" => Some(Status::Compiled),
        "prioriterat" | "prioritised" => Some(Status::Prioritised),
        "i agendan" | "in the agenda" => Some(Status::InAgenda),
        "på samråd" | "in consultation" => Some(Status::InConsultation),
        "fastställt" | "adopted" => Some(Status::Adopted),
        "ej med" | "not included" => Some(Status::NotIncluded),
        _ => None,
    }
}

impl Prepared {
    /// Every row checked under the current mapping.
    #[must_use]
    pub fn check(&self) -> Vec<Checked> {
        self.rows
            .iter()
            .map(|(line, cells)| {
                let mut fields = BTreeMap::new();
                let mut problems = Vec::new();
                for (col, field) in self.mapping.iter().enumerate() {
                    let (Some(field), Some(cell)) = (field, cells.get(col)) else {
                        continue;
                    };
                    let cell = cell.trim();
                    if cell.is_empty() {
                        continue;
                    }
                    let max = if *field == Field::Description {
                        TEXT_MAX
                    } else {
                        NAME_MAX
                    };
                    if cell.chars().count() > max {
                        problems.push(RowProblem::TooLong(*field));
                        continue;
                    }
                    let value = match field {
                        Field::Municipality => match municipality(cell) {
                            Some(m) => to_json(&m),
                            None => {
                                problems.push(RowProblem::UnknownMunicipality(cell.to_owned()));
                                continue;
                            }
                        },
                        Field::Dimensions => {
                            let dims = dimensions(cell);
                            problems
                                .extend(dims.unknown.into_iter().map(RowProblem::UnknownDimension));
                            to_json(&dims.known)
                        }
                        Field::Status => match status(cell) {
                            Some(s) => to_json(&s),
                            None => {
                                problems.push(RowProblem::UnknownStatus(cell.to_owned()));
                                continue;
                            }
                        },
                        _ => Value::String(cell.to_owned()),
                    };
                    fields.insert(field.name().to_owned(), value);
                }
                if !fields.contains_key("title")
                    && !problems
                        .iter()
                        .any(|p| matches!(p, RowProblem::TooLong(Field::Title)))
                {
                    problems.push(RowProblem::NoTitle);
                }
                let result = if problems.is_empty() {
                    Ok(fields)
                } else {
                    Err(problems)
                };
                Checked {
                    line: *line,
                    result,
                }
            })
            .collect()
    }

    /// One batch creating an inspel per valid row (ids from `new_id`); `None` if no row is valid.
    #[must_use]
    pub fn commands(&self, new_id: impl FnMut() -> Id) -> Option<Command> {
        self.commands_without(&[], new_id)
    }

    /// The valid rows (positions in [`Prepared::check`]) that would create an inspel that is
    /// already there: the same title, municipality, organisation, theme and description as a
    /// live inspel in `doc`, or as an earlier row of the file (the same file imported twice).
    #[must_use]
    pub fn already_there(&self, doc: &crate::Doc) -> Vec<usize> {
        const KEY: [&str; 5] = [
            "title",
            "municipality",
            "organisation",
            "theme",
            "description",
        ];
        // Each field as compact JSON, "" when absent or empty.
        let key_of = |get: &dyn Fn(&str) -> Option<Value>| {
            KEY.map(|f| {
                get(f)
                    .filter(|v| !matches!(v, Value::String(s) if s.is_empty()))
                    .map_or_else(String::new, |v| v.to_string())
            })
        };
        let mut seen: std::collections::BTreeSet<[String; 5]> = doc
            .inspel
            .live()
            .filter(|i| i.removed() != Some(&true))
            .map(|i| key_of(&|f| crate::crdt::Record::get(i, f)))
            .collect();
        let mut out = Vec::new();
        for (at, c) in self.check().iter().enumerate() {
            if let Ok(fields) = &c.result
                && !seen.insert(key_of(&|f| fields.get(f).cloned()))
            {
                out.push(at);
            }
        }
        out
    }

    /// [`Prepared::commands`] leaving out the rows at `skip` (positions in [`Prepared::check`]).
    #[must_use]
    pub fn commands_without(
        &self,
        skip: &[usize],
        mut new_id: impl FnMut() -> Id,
    ) -> Option<Command> {
        let commands: Vec<Command> = self
            .check()
            .into_iter()
            .enumerate()
            .filter(|(at, _)| !skip.contains(at))
            .filter_map(|(_, c)| c.result.ok())
            .map(|fields| Command::Create {
                kind: Kind::Inspel,
                id: new_id(),
                fields,
            })
            .collect();
        (!commands.is_empty()).then_some(Command::Batch { commands })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_file_again_is_found_row_by_row() {
        // Two rows; the first is imported, then the same file comes again: row 0 is there
        // already (same title and municipality, nothing else set), row 1 is new. A third row
        // repeating row 1 within the file is found too.
        let text = "Rubrik;Kommun\r\nBredband i fjällen;Åre\r\nNy väg;Berg\r\nNy väg;Berg\r\n";
        let p = read(text.as_bytes()).unwrap();
        let mut doc = crate::Doc::new(
            Id::from_random_bytes([1; 16]),
            "A",
            crate::Stamp(1, 0, "a".into()),
        );
        assert_eq!(
            p.already_there(&doc),
            vec![2],
            "only the repeat within the file"
        );
        let mut clock = crate::Hlc::new("a");
        let mut st = crate::Stamper {
            clock: &mut clock,
            now_ms: 5,
        };
        let mut n = 10u8;
        let first = Prepared {
            rows: p.rows[..1].to_vec(),
            ..p.clone()
        };
        let cmd = first
            .commands(|| {
                n += 1;
                Id::from_random_bytes([n; 16])
            })
            .unwrap();
        crate::command::apply(&mut doc, &cmd, &mut st).unwrap();
        assert_eq!(p.already_there(&doc), vec![0, 2]);
        // Skipping them creates only the new row.
        let Some(Command::Batch { commands }) = p.commands_without(&[0, 2], || {
            n += 1;
            Id::from_random_bytes([n; 16])
        }) else {
            panic!()
        };
        assert_eq!(commands.len(), 1);
        // A different municipality is another inspel.
        let other = read("Rubrik;Kommun\r\nBredband i fjällen;Berg\r\n".as_bytes()).unwrap();
        assert!(other.already_there(&doc).is_empty());
    }

    #[test]
    fn swedish_excel_with_bom_semicolons_quotes_and_errors() {
        // A BOM, `;`, a quoted field holding `;`, a doubled quote and a line break; one row
        // without a title and one with an unknown municipality.
        let text = "\u{feff}Rubrik;Kommun;Tema;Beskrivning;Dimensioner\r\n\
                    Bredband i fjällen;Åre;Digital infrastruktur;\"Täckning; även \"\"vita fläckar\"\"\nsom rad två\";Social, ekonomisk\r\n\
                    ;Berg;Service;;\r\n\
                    Ny väg;Gotland;Infrastruktur;;\r\n\
                    Mittbanan;Östersunds kommun;Infrastruktur;;ekologisk\r\n\
                    Fjällvägen;Strömsund kommun;Infrastruktur;;\r\n";
        let p = read(text.as_bytes()).unwrap();
        assert_eq!(p.encoding, Encoding::Utf8);
        assert_eq!(p.delimiter, b';');
        assert_eq!(
            p.mapping,
            vec![
                Some(Field::Title),
                Some(Field::Municipality),
                Some(Field::Theme),
                Some(Field::Description),
                Some(Field::Dimensions)
            ]
        );
        let checked = p.check();
        assert_eq!(checked.len(), 5);
        assert_eq!(
            checked[4].result.as_ref().unwrap()["municipality"],
            to_json(&Municipality::Stromsund)
        );
        let first = checked[0].result.as_ref().unwrap();
        assert_eq!(
            first["description"],
            Value::String("Täckning; även \"vita fläckar\"\nsom rad två".into())
        );
        assert_eq!(first["municipality"], to_json(&Municipality::Are));
        assert_eq!(
            first["dimensions"],
            to_json(&vec![Dimension::Social, Dimension::Economic])
        );
        assert_eq!(
            checked[1].line, 3,
            "Excel's row number: a line break inside a cell is still one row"
        );
        assert_eq!(checked[1].result, Err(vec![RowProblem::NoTitle]));
        assert_eq!(
            checked[2].result,
            Err(vec![RowProblem::UnknownMunicipality("Gotland".into())])
        );
        assert_eq!(
            checked[3].result.as_ref().unwrap()["municipality"],
            to_json(&Municipality::Ostersund)
        );
        let mut n = 0u8;
        let Some(Command::Batch { commands }) = p.commands(|| {
            n += 1;
            Id::from_random_bytes([n; 16])
        }) else {
            panic!()
        };
        assert_eq!(commands.len(), 3, "only the valid rows");
    }

    #[test]
    fn windows_1252_is_detected_and_decoded() {
        // "Rubrik;Kommun\r\nVäg till Åre;Åre\r\n" as Windows-1252 (ä = 0xE4, Å = 0xC5), with an en dash (0x96).
        let bytes = b"Rubrik;Kommun\r\nV\xe4g till \xc5re \x96 etapp 2;\xc5re\r\n";
        let p = read(bytes).unwrap();
        assert_eq!(p.encoding, Encoding::Windows1252);
        let row = p.check().remove(0).result.unwrap();
        assert_eq!(row["title"], Value::String("Väg till Åre – etapp 2".into()));
        assert_eq!(row["municipality"], to_json(&Municipality::Are));
    }

    #[test]
    fn commas_unknown_headers_and_empty_files() {
        let p = read(b"Namn,Kolumn X\nEtt,x\nTv\xc3\xa5,y\n").unwrap();
        assert_eq!(p.delimiter, b',');
        assert_eq!(p.mapping, vec![Some(Field::Title), None]);
        assert_eq!(p.check().iter().filter(|c| c.result.is_ok()).count(), 2);
        // Unknown headers: the first column is taken as the title.
        let p = read(b"A;B\nx;y\n").unwrap();
        assert_eq!(p.mapping, vec![Some(Field::Title), None]);
        assert_eq!(read(b"Rubrik;Kommun\r\n"), Err(CsvError::Empty));
        assert_eq!(read(b""), Err(CsvError::Empty));
        assert_eq!(read(&vec![b'a'; MAX_BYTES + 1]), Err(CsvError::TooLarge));
    }

    #[test]
    fn dimension_lists_as_excel_writes_them() {
        // A comma-separated file (Excel with `,` as list separator): a list in one cell is
        // quoted when it holds a comma, and written with `;` by people who know that.
        let text = "Rubrik,Dimensioner\r\n\
                    Bredband,ekonomisk;social\r\n\
                    Mittbanan,\"Ekologisk, EKONOMISK\"\r\n\
                    Fjällvägen,ekonomisk och social\r\n\
                    Skolor,Miljö/Social\r\n\
                    Vård,MILJO + social hållbarhet\r\n\
                    Turism,Ekologisk OCH ekologisk\r\n\
                    Kultur,\"kultur; social\"\r\n";
        let p = read(text.as_bytes()).unwrap();
        assert_eq!(p.delimiter, b',');
        assert_eq!(p.mapping, vec![Some(Field::Title), Some(Field::Dimensions)]);
        let dims: Vec<_> = p
            .check()
            .into_iter()
            .map(|c| c.result.map(|f| f["dimensions"].clone()))
            .collect();
        use Dimension::{Ecological as Eco, Economic as Ec, Social as So};
        assert_eq!(dims[0], Ok(to_json(&vec![So, Ec])), "ekonomisk;social");
        assert_eq!(
            dims[1],
            Ok(to_json(&vec![Eco, Ec])),
            "upper case, a quoted comma"
        );
        assert_eq!(dims[2], Ok(to_json(&vec![So, Ec])), "och");
        assert_eq!(
            dims[3],
            Ok(to_json(&vec![Eco, So])),
            "miljö is ecological; a slash"
        );
        assert_eq!(
            dims[4],
            Ok(to_json(&vec![Eco, So])),
            "no accent, a plus, \"hållbarhet\""
        );
        assert_eq!(dims[5], Ok(to_json(&vec![Eco])), "once each");
        assert_eq!(
            dims[6],
            Err(vec![RowProblem::UnknownDimension("kultur".into())])
        );
    }

    #[test]
    fn a_dimensions_cell_says_what_was_understood() {
        let d = |cell: &str| dimensions(cell);
        use Dimension::{Ecological as Eco, Economic as Ec, Social as So};
        assert_eq!(
            d("ekonomisk  och social\nEkologisk"),
            Dimensions {
                known: vec![Eco, So, Ec],
                unknown: vec![]
            }
        );
        assert_eq!(
            d("ÉKONOMISK"),
            Dimensions {
                known: vec![Ec],
                unknown: vec![]
            },
            "accents do not matter"
        );
        assert_eq!(
            d("ecological and Social"),
            Dimensions {
                known: vec![Eco, So],
                unknown: vec![]
            }
        );
        assert_eq!(
            d("Ekonomisk hållbarhet; kultur och  fritid"),
            Dimensions {
                known: vec![Ec],
                unknown: vec!["kultur".into(), "fritid".into()]
            }
        );
        assert_eq!(
            d("ekologisk & social"),
            Dimensions {
                known: vec![],
                unknown: vec!["ekologisk & social".into()]
            },
            "& is not a separator"
        );
        assert_eq!(d(" ; och , "), Dimensions::default());
        assert_eq!(
            d("hållbarhet"),
            Dimensions {
                known: vec![],
                unknown: vec!["hållbarhet".into()]
            }
        );
    }
}
