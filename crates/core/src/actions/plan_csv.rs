//! The activity plan to and from a spreadsheet saved as CSV (Swedish Excel: `;` or tab, UTF-8
//! with or without BOM, or Windows-1252), read by the kernel's CSV reader. Columns are found by
//! their header, in Swedish or English: the activity (Aktivitet/Aktiviteter), its dates — one
//! column as seed 004 writes them ("Start- och slutdatum": "2020-04-07 och 2020-04-24",
//! "2020-04-27", "Första kvartalet 2021"), or Startdatum and Slutdatum as Vägval writes them —
//! Beskrivning, Ansvarig, Status. A row with a problem is listed with its Excel row number and
//! column and left out; the rest become one undoable batch. What [`export`] writes reads back.
use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::date::{Date, PeriodError, period};
use super::plan::{Status, overdue};
use super::records::{ACTIVITIES_MAX, Activity};
use crate::Doc;
use crate::Kind;
use crate::kernel::check::{NAME_MAX, TEXT_MAX};
use crate::kernel::command::Command;
use crate::kernel::csv_in::{ReadError, plain, table};
use crate::kernel::csv_out::{CsvOut, cell};
use crate::kernel::id::Id;
use crate::kernel::lang::{Lang, Localized};

/// The columns: what fills them and the plain headers that name them.
const TITLE: &[&str] = &["aktivitet", "aktiviteter", "activity", "activities"];
const PERIOD: &[&str] = &[
    "start- och slutdatum",
    "start och slutdatum",
    "period",
    "datum",
    "tid",
    "dates",
];
const START: &[&str] = &["startdatum", "start", "start date", "fran", "from"];
const END: &[&str] = &["slutdatum", "slut", "end date", "end", "till", "to"];
const DESCRIPTION: &[&str] = &["beskrivning", "description"];
const OWNER: &[&str] = &["ansvarig", "ansvar", "owner", "responsible"];
const STATUS: &[&str] = &["status", "lage"];

/// What is wrong with a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The activity is empty.
    Empty,
    /// A text longer than allowed.
    TooLong {
        /// The limit.
        max: usize,
    },
    /// The dates cannot be read, or end before they start.
    Period(PeriodError),
    /// A status the plan does not know.
    Status(String),
    /// The plan is full.
    Full,
}

/// A row left out.
pub type RowProblem = crate::kernel::csv_in::RowProblem<Problem>;

impl Localized for RowProblem {
    fn message(&self, lang: Lang) -> String {
        let (row, col) = (self.row, &self.column);
        match (&self.problem, lang) {
            (Problem::Empty, Lang::Sv) => format!("Rad {row}, {col}: aktiviteten saknas."),
            (Problem::Empty, Lang::En) => format!("Row {row}, {col}: the activity is missing."),
            (Problem::TooLong { max }, Lang::Sv) => {
                format!("Rad {row}, {col}: högst {max} tecken.")
            }
            (Problem::TooLong { max }, Lang::En) => {
                format!("Row {row}, {col}: at most {max} characters.")
            }
            (Problem::Period(e), Lang::Sv) => format!("Rad {row}, {col}: {}", e.message(lang)),
            (Problem::Period(e), Lang::En) => format!("Row {row}, {col}: {}", e.message(lang)),
            (Problem::Status(s), Lang::Sv) => format!(
                "Rad {row}, {col}: ”{s}” är ingen status (Planerad, Pågår, Klar, Inställd)."
            ),
            (Problem::Status(s), Lang::En) => {
                format!("Row {row}, {col}: “{s}” is no status (Planned, Ongoing, Done, Cancelled).")
            }
            (Problem::Full, Lang::Sv) => {
                format!("Rad {row}: planen har redan {ACTIVITIES_MAX} aktiviteter.")
            }
            (Problem::Full, Lang::En) => {
                format!("Row {row}: the plan already has {ACTIVITIES_MAX} activities.")
            }
        }
    }
}

/// What an import would do.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// One batch creating the activities (empty when there are none).
    pub command: Command<Kind>,
    /// Activities added.
    pub added: usize,
    /// Rows left out.
    pub problems: Vec<RowProblem>,
}

fn status(text: &str) -> Result<Option<Status>, String> {
    let t = plain(text);
    if t.is_empty() {
        return Ok(None);
    }
    Status::ALL
        .into_iter()
        .find(|s| {
            plain(s.label(Lang::Sv)) == t
                || plain(s.label(Lang::En)) == t
                || serde_json::to_value(s)
                    .ok()
                    .and_then(|v| v.as_str().map(plain))
                    == Some(t.clone())
        })
        .map(Some)
        .ok_or_else(|| text.trim().to_owned())
}

/// The dates of a row: the one period column, or start and end (each a date or a period: its
/// first day and its last day), either left empty.
fn dates(one: &str, start: &str, end: &str) -> Result<(Option<Date>, Option<Date>), PeriodError> {
    if !one.is_empty() {
        let (a, b) = period(one)?;
        return Ok((Some(a), Some(b)));
    }
    let a = if start.is_empty() {
        None
    } else {
        Some(period(start)?.0)
    };
    let b = if end.is_empty() {
        None
    } else {
        Some(period(end)?.1)
    };
    if let (Some(a), Some(b)) = (a, b)
        && b < a
    {
        return Err(PeriodError::EndsBeforeStart(a, b));
    }
    Ok((a, b))
}

/// Reads `bytes` and prepares the activities, in `area` if given.
///
/// # Errors
/// [`ReadError`] when the file cannot be read or has no activity column; nothing is prepared.
pub fn import(
    doc: &Doc,
    bytes: &[u8],
    area: Option<&Id>,
    mut new_id: impl FnMut() -> Id,
) -> Result<Outcome, ReadError> {
    let t = table(bytes).map_err(ReadError::Csv)?;
    let col = |names: &[&str]| {
        t.headers
            .iter()
            .position(|h| names.contains(&plain(h).as_str()))
    };
    let Some(title_col) = col(TITLE) else {
        return Err(ReadError::NoColumn {
            sv: "Aktivitet eller Aktiviteter",
            en: "Activity or Activities",
        });
    };
    let (period_col, start_col, end_col) = (col(PERIOD), col(START), col(END));
    let (description_col, owner_col, status_col) = (col(DESCRIPTION), col(OWNER), col(STATUS));
    let live = doc
        .activities
        .live()
        .filter(|a| a.removed() != Some(&true))
        .count();
    let mut room = ACTIVITIES_MAX.saturating_sub(live);
    let mut problems = Vec::new();
    let mut commands = Vec::new();
    for (row, cells) in &t.rows {
        let cell = |c: Option<usize>| c.and_then(|c| cells.get(c)).map_or("", |s| s.trim());
        let problem = |c: Option<usize>, problem| t.problem(*row, c, problem);
        let title = cell(Some(title_col));
        if title.is_empty() {
            problems.push(problem(Some(title_col), Problem::Empty));
            continue;
        }
        let too_long = [
            (Some(title_col), NAME_MAX),
            (owner_col, NAME_MAX),
            (description_col, TEXT_MAX),
        ]
        .into_iter()
        .find(|(c, max)| cell(*c).chars().count() > *max);
        if let Some((c, max)) = too_long {
            problems.push(problem(c, Problem::TooLong { max }));
            continue;
        }
        let (start, end) = match dates(cell(period_col), cell(start_col), cell(end_col)) {
            Ok(d) => d,
            Err(e) => {
                problems.push(problem(period_col.or(start_col), Problem::Period(e)));
                continue;
            }
        };
        let status = match status(cell(status_col)) {
            Ok(s) => s,
            Err(s) => {
                problems.push(problem(status_col, Problem::Status(s)));
                continue;
            }
        };
        if room == 0 {
            problems.push(problem(None, Problem::Full));
            continue;
        }
        room -= 1;
        let mut fields: BTreeMap<String, Value> = BTreeMap::new();
        fields.insert(Activity::TITLE.name().into(), json!(title));
        for (field, text) in [
            (Activity::OWNER.name(), cell(owner_col)),
            (Activity::DESCRIPTION.name(), cell(description_col)),
        ] {
            if !text.is_empty() {
                fields.insert(field.into(), json!(text));
            }
        }
        if let Some(s) = start {
            fields.insert(Activity::START.name().into(), json!(s));
        }
        if let Some(e) = end {
            fields.insert(Activity::END.name().into(), json!(e));
        }
        if let Some(s) = status {
            fields.insert(Activity::STATUS.name().into(), json!(s));
        }
        if let Some(a) = area {
            fields.insert(Activity::AREA.name().into(), json!(a));
        }
        commands.push(Command::Create {
            kind: Kind::Activity,
            id: new_id(),
            fields,
        });
    }
    Ok(Outcome {
        added: commands.len(),
        command: Command::Batch { commands },
        problems,
    })
}

/// The plan's activities (not in the trash), by start date then title, as CSV for Swedish
/// Excel: activity, start date, end date, owner, status, overdue on `today`, description.
#[must_use]
pub fn export(doc: &Doc, today: Date, lang: Lang) -> String {
    let mut rows: Vec<&Activity> = doc
        .activities
        .live()
        .filter(|a| a.removed() != Some(&true))
        .collect();
    crate::kernel::order::sort_by(&mut rows, |a, b| {
        let start = |r: &Activity| r.start().copied().flatten();
        start(a)
            .cmp(&start(b))
            .then_with(|| a.title().cmp(&b.title()))
            .then_with(|| a.id.cmp(&b.id))
    });
    let head = match lang {
        Lang::Sv => [
            "Aktivitet",
            "Startdatum",
            "Slutdatum",
            "Ansvarig",
            "Status",
            "Försenad",
            "Beskrivning",
        ],
        Lang::En => [
            "Activity",
            "Start date",
            "End date",
            "Owner",
            "Status",
            "Overdue",
            "Description",
        ],
    };
    let yes = match lang {
        Lang::Sv => "ja",
        Lang::En => "yes",
    };
    let mut out = CsvOut::new();
    out.line(&head.map(str::to_owned));
    for a in rows {
        let date = |d: Option<&Option<Date>>| {
            d.copied()
                .flatten()
                .map_or(String::new(), |d| d.to_string())
        };
        let status = a.status().copied().unwrap_or_default();
        let late = a
            .end()
            .copied()
            .flatten()
            .is_some_and(|end| overdue(end, status, today));
        out.line(&[
            cell(a.title().map_or("", String::as_str)),
            date(a.start()),
            date(a.end()),
            cell(a.owner().map_or("", String::as_str)),
            status.label(lang).to_owned(),
            if late { yes.to_owned() } else { String::new() },
            cell(a.description().map_or("", String::as_str)),
        ]);
    }
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::clock::{Hlc, Stamp};
    use crate::kernel::command::{Stamper, apply};

    fn ids() -> impl FnMut() -> Id {
        let mut n = 0u8;
        move || {
            n += 1;
            Id::from_random_bytes([n; 16])
        }
    }

    fn seed_004() -> String {
        let mut text = "Aktiviteter\tStart- och slutdatum\tBeskrivning\n".to_owned();
        for (title, when, description) in super::super::demo::SEED_004 {
            text.push_str(&format!("{title}\t{when}\t{description}\n"));
        }
        text
    }

    fn empty() -> Doc {
        Doc::new(
            Id::from_random_bytes([0; 16]),
            "Plan",
            Stamp(1, 0, "t".into()),
        )
    }

    #[test]
    fn the_seed_004_table_imports_with_its_dates() {
        let mut doc = empty();
        let out = import(&doc, seed_004().as_bytes(), None, ids()).unwrap();
        assert_eq!((out.added, out.problems.len()), (12, 0));
        let mut clock = Hlc::new("dev.a");
        let mut st = Stamper {
            clock: &mut clock,
            now_ms: 5,
        };
        apply(&mut doc, &out.command, &mut st).unwrap();
        let find = |t: &str| {
            doc.activities
                .live()
                .find(|a| a.title().is_some_and(|x| x == t))
                .unwrap()
        };
        // "2020-04-07 och 2020-04-24" is a span; "2020-04-27" one day; "Första kvartalet
        // 2021" 2021-01-01 … 2021-03-31.
        let a = find("Formulera förslag till struktur av länsgemensam påverkansagenda");
        assert_eq!(
            (a.start(), a.end()),
            (Some(&Date::new(2020, 4, 7)), Some(&Date::new(2020, 4, 24)))
        );
        let b = find("Genomförandeplan skickas till Regionens Samverkansråd (RSR)");
        assert_eq!(
            (b.start(), b.end()),
            (Some(&Date::new(2020, 4, 27)), Some(&Date::new(2020, 4, 27)))
        );
        let c = find("Fastställande av läns gemensam påverkansagenda");
        assert_eq!(
            (c.start(), c.end()),
            (Some(&Date::new(2021, 1, 1)), Some(&Date::new(2021, 3, 31)))
        );
        // What export writes reads back: the same titles and dates.
        let today = Date::new(2021, 1, 1).unwrap_or_default();
        let csv = export(&doc, today, Lang::Sv);
        assert!(csv.starts_with(
            "\u{feff}Aktivitet;Startdatum;Slutdatum;Ansvarig;Status;Försenad;Beskrivning"
        ));
        // Planned and ended before 2021-01-01: overdue, marked "ja".
        assert!(csv.contains("Formulera förslag till struktur av länsgemensam påverkansagenda;2020-04-07;2020-04-24;;Planerad;ja;"));
        let again = import(&empty(), csv.as_bytes(), None, ids()).unwrap();
        assert_eq!((again.added, again.problems.len()), (12, 0));
        let Command::Batch { commands } = again.command else {
            panic!()
        };
        let first = commands
            .iter()
            .find_map(|c| match c {
                Command::Create { fields, .. }
                    if fields["title"]
                        == json!(
                            "Formulera förslag till struktur av länsgemensam påverkansagenda"
                        ) =>
                {
                    Some(fields.clone())
                }
                _ => None,
            })
            .unwrap();
        assert_eq!(
            (first["start"].clone(), first["end"].clone()),
            (json!("2020-04-07"), json!("2020-04-24"))
        );
        assert_eq!(first["status"], json!("planned"));
    }

    #[test]
    fn bad_rows_are_named_and_left_out() {
        let text = "Aktivitet;Startdatum;Slutdatum;Status\n\
                    ;2021-01-01;;\n\
                    Ok;2021-01-01;2021-02-01;Pågår\n\
                    Bakvänd;2021-03-01;2021-02-01;\n\
                    Oläslig;snart;;\n\
                    Fel status;;;Kanske\n";
        let out = import(&empty(), text.as_bytes(), None, ids()).unwrap();
        assert_eq!(out.added, 1);
        let msgs: Vec<String> = out.problems.iter().map(|p| p.message(Lang::Sv)).collect();
        assert_eq!(msgs[0], "Rad 2, Aktivitet: aktiviteten saknas.");
        assert_eq!(
            msgs[1],
            "Rad 4, Startdatum: Slutdatum 2021-02-01 ligger före startdatum 2021-03-01."
        );
        assert!(
            msgs[2].starts_with("Rad 5, Startdatum: ”snart” går inte att läsa som datum."),
            "{}",
            msgs[2]
        );
        assert_eq!(
            msgs[3],
            "Rad 6, Status: ”Kanske” är ingen status (Planerad, Pågår, Klar, Inställd)."
        );
        assert_eq!(
            import(&empty(), b"Namn\nx\n", None, ids())
                .unwrap_err()
                .message(Lang::En),
            "No column is called Activity or Activities. Nothing has changed."
        );
    }
}
