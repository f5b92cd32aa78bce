//! `vagval`: the command-line tool for staff who collect many snapshot files.
//!
//! Exit codes: 0 success; 1 a file was invalid (or `merge` refused its inputs);
//! 2 usage error or a file that could not be read or written.
#![forbid(unsafe_code)]
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serde::Serialize;
use vagval_core::certificate::{Certificate, certificate, results_csv, results_text};
use vagval_core::crdt::Record;
use vagval_core::snapshot::{Decoded, FileError, MAX_FILE_BYTES, Snapshot, decode};
use vagval_core::{Lang, Localized, MergeReport, demo::demo_doc, merge};

const EXIT_INVALID: u8 = 1;
const EXIT_IO: u8 = 2;

#[derive(Parser)]
#[command(
    name = "vagval",
    version,
    about = "Vägval snapshot files: validate, merge, inspect, create",
    after_help = "Exit codes: 0 success, 1 invalid input file, 2 usage or I/O error."
)]
struct Cli {
    /// Language of messages: sv or en (default: from LANG, else sv).
    #[arg(long, global = true)]
    lang: Option<String>,
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Check files; prints one line per problem. Exit 0 if all are valid, 1 otherwise.
    Validate {
        /// Snapshot files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Merge snapshot files into one; prints the merge report. Writes only a file that Vägval
    /// reads back (size, records per kind, ids unique across kinds): exit 1 otherwise.
    Merge {
        /// Files to merge, in any order (the result is the same).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Where to write the merged snapshot.
        #[arg(short, long)]
        output: PathBuf,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show versions and record counts of a file.
    Info {
        /// Snapshot file.
        file: PathBuf,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Recompute a voting round's result from a snapshot.
    Results {
        /// Snapshot file.
        file: PathBuf,
        /// The round's id.
        #[arg(long)]
        round: String,
        /// Print the result certificate (JSON).
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Print CSV for Swedish Excel (UTF-8 with BOM, `;`, decimal comma).
        #[arg(long)]
        csv: bool,
    },
    /// Analyse a goal-conflict matrix (målkonflikter): the same measures the app shows.
    Matrix {
        /// Snapshot file.
        file: PathBuf,
        /// The matrix's id (default: the file's only matrix, or the first by name).
        #[arg(long)]
        matrix: Option<String>,
        /// Print the whole report as JSON.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Print the results per goal as CSV for Swedish Excel (UTF-8 with BOM, `;`).
        #[arg(long)]
        csv: bool,
    },
    /// The stakeholder map (intressentkarta): actors with grid quadrant, salience class and
    /// network metrics, the same table the app shows.
    Stakeholders {
        /// Snapshot file.
        file: PathBuf,
        /// Print the whole report as JSON.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Print the actors as CSV for Swedish Excel (UTF-8 with BOM, `;`).
        #[arg(long)]
        csv: bool,
    },
    /// The action areas (insatsområden): each effect chain's validation, indicator progress
    /// with the off-track rule and the projects' co-financing checks, as the app shows them.
    Areas {
        /// Snapshot file.
        file: PathBuf,
        /// Print the whole report as JSON.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Print the indicators as CSV for Swedish Excel (UTF-8 with BOM, `;`).
        #[arg(long)]
        csv: bool,
    },
    /// The sustainability-proofing (hållbarhetssäkring): each application's decisive
    /// assessment recomputed — gates, score, flags — as its memo, the comparison across cases
    /// and the portfolio of decided funds, as the app shows them.
    Assess {
        /// Snapshot file.
        file: PathBuf,
        /// Only this application (its id).
        #[arg(long)]
        case: Option<String>,
        /// Print the cases, memos and portfolio as JSON.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Print the comparison across cases as CSV for Swedish Excel (UTF-8 with BOM, `;`).
        #[arg(long)]
        csv: bool,
    },
    /// Check a result certificate against a snapshot. Exit 0 if it holds, 1 if not.
    Verify {
        /// Certificate file (from `results --json` or the app).
        certificate: PathBuf,
        /// Snapshot file.
        file: PathBuf,
    },
    /// Print the JSON Schema of the snapshot format.
    Schema,
    /// Write the demo workspace.
    Demo {
        /// Output file.
        #[arg(short, long)]
        output: PathBuf,
        /// Add this many synthetic inspel (load tests, benchmarks).
        #[arg(long, default_value_t = 0)]
        inspel: usize,
        /// With --inspel: a dot-voting round "Skalprov" over the first 200 with this many ballots.
        #[arg(long, default_value_t = 0)]
        voters: usize,
        /// A county's workspace at the size the store must carry (300 inspel, 60 ballots in
        /// 3 rounds; it grows as modules land). Not with --inspel.
        #[arg(long, conflicts_with_all = ["inspel", "voters"])]
        county: bool,
        /// Add a matrix over this many goals (at most 169) in silent scoring (benchmarks).
        #[arg(long, default_value_t = 0)]
        goals: usize,
        /// With --goals: this many raters who scored every cell.
        #[arg(long, default_value_t = 0)]
        raters: usize,
        /// Add this many synthetic actors to the stakeholder map (at most 1 000; benchmarks).
        #[arg(long, default_value_t = 0)]
        actors: usize,
        /// With --actors: this many relations between them (at most 5 000).
        #[arg(long, default_value_t = 0)]
        relations: usize,
        /// Add an area "Skalningstest" whose effect chain has this many nodes (benchmarks).
        #[arg(long, default_value_t = 0)]
        chain_nodes: usize,
        /// With --chain-nodes: this many forward arrows between them.
        #[arg(long, default_value_t = 0)]
        chain_edges: usize,
        /// Add this many dated activities to that area's plan (benchmarks).
        #[arg(long, default_value_t = 0)]
        activities: usize,
    },
}

enum Failure {
    Invalid(String),
    Io(String),
    /// Standard output was closed by its reader (`vagval … | head -1`): end quietly.
    Closed,
}

/// Writes to standard output. A reader that has gone is no error to report: the command ends
/// quietly with [`Failure::Closed`] (Rust ignores SIGPIPE, so `print!` would panic instead).
fn out(args: std::fmt::Arguments<'_>) -> Result<(), Failure> {
    use std::io::Write as _;
    let mut stdout = std::io::stdout().lock();
    match stdout.write_fmt(args).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(Failure::Closed),
        Err(e) => Err(Failure::Io(format!("stdout: {e}"))),
    }
}

/// `println!` through [`out`]: gives `Result<(), Failure>`.
macro_rules! outln {
    ($($arg:tt)*) => { out(format_args!("{}\n", format_args!($($arg)*))) };
}

/// A message on standard error; a closed standard error is not worth a panic either.
fn err(message: &str) {
    use std::io::Write as _;
    let _ = writeln!(std::io::stderr().lock(), "{message}");
}

fn lang(cli: &Cli) -> Lang {
    cli.lang
        .clone()
        .or_else(|| std::env::var("LANG").ok())
        .and_then(|t| Lang::from_tag(&t))
        .unwrap_or_default()
}

fn read(path: &Path, lang: Lang) -> Result<Decoded, Failure> {
    let name = path.display().to_string();
    let size = std::fs::metadata(path)
        .map_err(|e| Failure::Io(format!("{name}: {e}")))?
        .len();
    if size > MAX_FILE_BYTES as u64 {
        let error = vagval_core::ImportError::TooLarge {
            size: usize::try_from(size).unwrap_or(usize::MAX),
            max: MAX_FILE_BYTES,
        };
        return Err(Failure::Invalid(
            FileError { file: name, error }.message(lang),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| Failure::Io(format!("{name}: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Failure::Invalid(
            FileError {
                file: name.clone(),
                error: vagval_core::ImportError::NotText,
            }
            .message(lang),
        )
    })?;
    decode(&text).map_err(|error| Failure::Invalid(FileError { file: name, error }.message(lang)))
}

fn write(path: &Path, text: &str) -> Result<(), Failure> {
    std::fs::write(path, text).map_err(|e| Failure::Io(format!("{}: {e}", path.display())))
}

/// Writes `snap` as Vägval writes files, after checking that Vägval can read it back
/// ([`Snapshot::checked_text`]); nothing is written otherwise. Compact JSON when only that fits
/// the size limit (said on standard error).
fn write_checked(path: &Path, snap: &Snapshot, lang: Lang, merged: bool) -> Result<(), Failure> {
    let sv = lang == Lang::Sv;
    let name = path.display().to_string();
    let written = snap.checked_text().map_err(|error| {
        let why = match (merged, sv) {
            (true, true) => {
                "skrivs inte: den sammanslagna filen skulle inte gå att läsa in i Vägval."
            }
            (true, false) => "not written: the merged file could not be read into Vägval.",
            (false, true) => "skrivs inte: filen skulle inte gå att läsa in i Vägval.",
            (false, false) => "not written: the file could not be read into Vägval.",
        };
        Failure::Invalid(format!("{name} {why} {}", error.message(lang)))
    })?;
    if written.compact {
        let (size, max) = (mib(written.text.len(), lang), mib(MAX_FILE_BYTES, lang));
        err(&if sv {
            format!(
                "{name}: indragen JSON skulle bli större än gränsen {max} MB; skrev kompakt JSON ({size} MB)."
            )
        } else {
            format!(
                "{name}: indented JSON would exceed the {max} MB limit; wrote compact JSON ({size} MB)."
            )
        });
    }
    write(path, &written.text)
}

/// Mebibytes with one decimal (decimal comma in Swedish).
fn mib(bytes: usize, lang: Lang) -> String {
    let tenths = (bytes as u128 * 10 + 524_288) / 1_048_576;
    let sep = if lang == Lang::Sv { ',' } else { '.' };
    format!("{}{sep}{}", tenths / 10, tenths % 10)
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

#[derive(Serialize)]
struct Info<'a> {
    file: String,
    format: &'a str,
    schema_version: u32,
    file_schema_version: u32,
    min_reader_version: u32,
    app_version: &'a str,
    exported_at: &'a str,
    device: &'a str,
    workspace_id: String,
    workspace_name: &'a str,
    records: std::collections::BTreeMap<&'static str, Counts>,
}

#[derive(Serialize)]
struct Counts {
    live: usize,
    erased: usize,
}

fn info(file: &Path, json: bool, lang: Lang) -> Result<(), Failure> {
    let d = read(file, lang)?;
    let s = &d.snapshot;
    let mut records: std::collections::BTreeMap<&'static str, Counts> = s
        .workspace
        .counts()
        .into_iter()
        .map(|(k, (live, erased))| (k, Counts { live, erased }))
        .collect();
    records.insert(
        vagval_core::model::Meta::KIND,
        Counts { live: 1, erased: 0 },
    );
    let info = Info {
        file: file.display().to_string(),
        format: &s.format,
        schema_version: s.schema_version,
        file_schema_version: d.file_version,
        min_reader_version: s.min_reader_version,
        app_version: &s.app_version,
        exported_at: &s.exported_at,
        device: &s.device,
        workspace_id: s.workspace.id.to_string(),
        workspace_name: s.workspace.name(),
        records,
    };
    if json {
        outln!(
            "{}",
            serde_json::to_string_pretty(&info).unwrap_or_default()
        )?;
        return Ok(());
    }
    outln!("file:               {}", info.file)?;
    outln!("format:             {}", info.format)?;
    outln!(
        "schema_version:     {} (file: {})",
        info.schema_version,
        info.file_schema_version
    )?;
    outln!("min_reader_version: {}", info.min_reader_version)?;
    outln!("app_version:        {}", info.app_version)?;
    outln!("exported_at:        {}", info.exported_at)?;
    outln!("device:             {}", info.device)?;
    outln!(
        "workspace:          {} ({})",
        info.workspace_name,
        info.workspace_id
    )?;
    for (kind, c) in &info.records {
        outln!("records {kind:<11} {} live, {} erased", c.live, c.erased)?;
    }
    Ok(())
}

fn print_report(file: &Path, r: &MergeReport, lang: Lang) -> Result<(), Failure> {
    let sv = lang == Lang::Sv;
    let (added, changed, deleted, over, kept) = if sv {
        (
            "tillagda",
            "ändrade",
            "raderade",
            "överskrivna värden",
            "behållna lokala värden",
        )
    } else {
        (
            "added",
            "changed",
            "erased",
            "overwritten values",
            "local values kept",
        )
    };
    outln!(
        "{}: {added} {}, {changed} {}, {deleted} {}, {over} {}, {kept} {}",
        file.display(),
        r.added.len(),
        r.changed.len(),
        r.deleted.len(),
        r.overwritten.len(),
        r.kept_local.len()
    )?;
    // In people's words, as the app says it ("2 nya röster", "1 inspel ändrat (status: …)").
    for line in vagval_core::describe::merge_summary(r, lang) {
        outln!("  {line}")?;
    }
    for o in &r.overwritten {
        outln!(
            "  «{}» {}",
            o.record.label,
            vagval_core::describe::change_label(o, lang)
        )?;
    }
    if r.other_workspace {
        outln!(
            "  {}",
            if sv {
                "obs: filen kommer från en annan arbetsyta"
            } else {
                "note: the file is from another workspace"
            }
        )?;
    }
    Ok(())
}

fn merge_files(files: &[PathBuf], output: &Path, json: bool, lang: Lang) -> Result<(), Failure> {
    let mut decoded = Vec::new();
    let mut errors = Vec::new();
    for f in files {
        match read(f, lang) {
            Ok(d) => decoded.push((f, d)),
            Err(Failure::Invalid(m) | Failure::Io(m)) => errors.push(m),
            Err(Failure::Closed) => {}
        }
    }
    if !errors.is_empty() {
        return Err(Failure::Invalid(errors.join("\n")));
    }
    let mut iter = decoded.into_iter();
    let Some((_, first)) = iter.next() else {
        return Err(Failure::Io("no input files".into()));
    };
    let mut doc = first.snapshot.workspace;
    let mut reports = Vec::new();
    for (f, d) in iter {
        let (m, report) = merge(&doc, &d.snapshot.workspace);
        doc = m;
        reports.push((f.display().to_string(), report));
    }
    let snap = Snapshot::new(doc, now(), "cli");
    // Only a file Vägval can read back is written: the merge of valid files can break the
    // import's rules (size, records per kind, an id in two kinds).
    write_checked(output, &snap, lang, true)?;
    if json {
        let list: Vec<_> = reports
            .iter()
            .map(|(f, r)| serde_json::json!({"file": f, "report": r}))
            .collect();
        outln!(
            "{}",
            serde_json::to_string_pretty(&list).unwrap_or_default()
        )?;
    } else {
        for (f, r) in &reports {
            print_report(Path::new(f), r, lang)?;
        }
        outln!("→ {}", output.display())?;
    }
    Ok(())
}

/// The record id given with `flag` on the command line; one that is no id is a usage error
/// (exit 2, as the README says).
fn id_arg(flag: &str, text: &str) -> Result<vagval_core::Id, Failure> {
    vagval_core::Id::parse(text).map_err(|e| Failure::Io(format!("{flag}: {e}")))
}

fn certificate_of(file: &Path, round: &str, lang: Lang) -> Result<Certificate, Failure> {
    let d = read(file, lang)?;
    let id = id_arg("ROUND", round)?;
    certificate(&d.snapshot.workspace, &id).map_err(|e| Failure::Invalid(e.message(lang)))
}

fn results(file: &Path, round: &str, json: bool, csv: bool, lang: Lang) -> Result<(), Failure> {
    let cert = certificate_of(file, round, lang)?;
    if json {
        outln!(
            "{}",
            serde_json::to_string_pretty(&cert).unwrap_or_default()
        )?;
    } else if csv {
        out(format_args!("{}", results_csv(&cert, lang)))?;
    } else {
        out(format_args!("{}", results_text(&cert, lang)))?;
    }
    Ok(())
}

fn matrix_report(
    file: &Path,
    matrix: Option<&str>,
    json: bool,
    csv: bool,
    lang: Lang,
) -> Result<(), Failure> {
    let d = read(file, lang)?;
    let doc = &d.snapshot.workspace;
    let id = match matrix {
        Some(m) => id_arg("--matrix", m)?,
        None => {
            let mut all: Vec<_> = doc.matrices.live().collect();
            all.sort_by(|a, b| a.name().cmp(&b.name()));
            all.first()
                .map(|m| vagval_core::crdt::Record::id(*m).clone())
                .ok_or_else(|| {
                    Failure::Invalid(match lang {
                        Lang::Sv => "Filen har ingen matris.".to_owned(),
                        Lang::En => "The file has no matrix.".to_owned(),
                    })
                })?
        }
    };
    let report = vagval_core::conflicts::report::report(doc, &id).ok_or_else(|| {
        Failure::Invalid(match lang {
            Lang::Sv => format!("Matrisen {id} finns inte i filen."),
            Lang::En => format!("The matrix {id} is not in the file."),
        })
    })?;
    print_as(&report, json, csv.then(|| report.results_csv(lang)), || {
        report.text(lang)
    })
}

/// A report as `--json` (serialised), `--csv` (the text given) or plain text.
fn print_as<R: serde::Serialize>(
    report: &R,
    json: bool,
    csv: Option<String>,
    text: impl FnOnce() -> String,
) -> Result<(), Failure> {
    if json {
        outln!(
            "{}",
            serde_json::to_string_pretty(report).unwrap_or_default()
        )?;
    } else if let Some(csv) = csv {
        out(format_args!("{csv}"))?;
    } else {
        out(format_args!("{}", text()))?;
    }
    Ok(())
}

fn stakeholders(file: &Path, json: bool, csv: bool, lang: Lang) -> Result<(), Failure> {
    let d = read(file, lang)?;
    let report = vagval_core::stakeholders::report::report(&d.snapshot.workspace);
    print_as(&report, json, csv.then(|| report.csv(lang)), || {
        report.text(lang)
    })
}

fn areas(file: &Path, json: bool, csv: bool, lang: Lang) -> Result<(), Failure> {
    let d = read(file, lang)?;
    let report = vagval_core::actions::report::report(&d.snapshot.workspace, lang);
    print_as(&report, json, csv.then(|| report.csv(lang)), || {
        report.text(lang)
    })
}

fn assess(
    file: &Path,
    case: Option<&str>,
    json: bool,
    csv: bool,
    lang: Lang,
) -> Result<(), Failure> {
    let d = read(file, lang)?;
    let doc = &d.snapshot.workspace;
    let case = match case {
        Some(c) => {
            let id = id_arg("--case", c)?;
            if !doc.applications.live().any(|a| a.id == id) {
                return Err(Failure::Invalid(match lang {
                    Lang::Sv => format!("Ansökan {id} finns inte i filen."),
                    Lang::En => format!("The application {id} is not in the file."),
                }));
            }
            Some(id)
        }
        None => None,
    };
    let report = vagval_core::proofing::report::assess(doc, case.as_ref(), lang);
    print_as(
        &report,
        json,
        csv.then(|| vagval_core::proofing::report::cases_csv(&report.cases, lang)),
        || report.text(lang),
    )
}

fn verify(cert_file: &Path, file: &Path, lang: Lang) -> Result<(), Failure> {
    let name = cert_file.display().to_string();
    let text =
        std::fs::read_to_string(cert_file).map_err(|e| Failure::Io(format!("{name}: {e}")))?;
    let cert: Certificate =
        serde_json::from_str(&text).map_err(|e| Failure::Invalid(format!("{name}: {e}")))?;
    let d = read(file, lang)?;
    let diff = vagval_core::certificate::differences(&cert, &d.snapshot.workspace);
    if diff.is_empty() {
        outln!(
            "{}",
            if lang == Lang::Sv {
                "Bekräftat: resultatet stämmer."
            } else {
                "Confirmed: the result holds."
            }
        )?;
        Ok(())
    } else {
        // The field names first (one line, as before), then each difference on its own line.
        let fields = vagval_core::certificate::verify(&cert, &d.snapshot.workspace);
        let what = if lang == Lang::Sv {
            "Skiljer sig"
        } else {
            "Differs"
        };
        let lines: Vec<String> = diff
            .iter()
            .map(|x| format!("  {}", x.message(lang)))
            .collect();
        Err(Failure::Invalid(format!(
            "{what}: {}\n{}",
            fields.join(", "),
            lines.join("\n")
        )))
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = lang(&cli);
    let result = match &cli.command {
        Cmd::Validate { files } => {
            let mut failed = None;
            for f in files {
                match read(f, lang) {
                    Ok(_) => {}
                    Err(Failure::Invalid(m)) => {
                        failed.get_or_insert(EXIT_INVALID);
                        // A closed output ends the run with the verdict so far.
                        if matches!(outln!("{m}"), Err(Failure::Closed)) {
                            break;
                        }
                    }
                    Err(Failure::Io(m)) => {
                        failed = Some(EXIT_IO);
                        if matches!(outln!("{m}"), Err(Failure::Closed)) {
                            break;
                        }
                    }
                    Err(Failure::Closed) => break,
                }
            }
            return failed.map_or(ExitCode::SUCCESS, ExitCode::from);
        }
        Cmd::Merge {
            files,
            output,
            json,
        } => merge_files(files, output, *json, lang),
        Cmd::Results {
            file,
            round,
            json,
            csv,
        } => results(file, round, *json, *csv, lang),
        Cmd::Matrix {
            file,
            matrix,
            json,
            csv,
        } => matrix_report(file, matrix.as_deref(), *json, *csv, lang),
        Cmd::Stakeholders { file, json, csv } => stakeholders(file, *json, *csv, lang),
        Cmd::Areas { file, json, csv } => areas(file, *json, *csv, lang),
        Cmd::Assess {
            file,
            case,
            json,
            csv,
        } => assess(file, case.as_deref(), *json, *csv, lang),
        Cmd::Verify { certificate, file } => verify(certificate, file, lang),
        Cmd::Info { file, json } => info(file, *json, lang),
        Cmd::Schema => out(format_args!("{}", vagval_core::json_schema())),
        Cmd::Demo {
            output,
            inspel,
            voters,
            county,
            goals,
            raters,
            actors,
            relations,
            chain_nodes,
            chain_edges,
            activities,
        } => {
            let mut doc = if *county {
                vagval_core::demo::county_doc()
            } else if *inspel == 0 {
                demo_doc()
            } else {
                vagval_core::demo::scaled_doc(*inspel, *voters)
            };
            if *goals > 0 {
                vagval_core::conflicts::demo::add_scaled(&mut doc, *goals, *raters);
            }
            if *actors > 0 {
                vagval_core::stakeholders::demo::add_scaled(&mut doc, *actors, *relations);
            }
            if *chain_nodes > 0 || *activities > 0 {
                vagval_core::actions::demo::add_scaled(
                    &mut doc,
                    *chain_nodes,
                    *chain_edges,
                    *activities,
                );
            }
            write_checked(output, &Snapshot::new(doc, now(), "cli"), lang, false)
        }
    };
    match result {
        Ok(()) | Err(Failure::Closed) => ExitCode::SUCCESS,
        Err(Failure::Invalid(m)) => {
            err(&m);
            ExitCode::from(EXIT_INVALID)
        }
        Err(Failure::Io(m)) => {
            err(&m);
            ExitCode::from(EXIT_IO)
        }
    }
}
