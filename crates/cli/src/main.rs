//! `vagval`: the command-line tool for staff who collect many snapshot files.
//!
//! Exit codes: 0 success, 1 a file was invalid, 2 usage or I/O error.
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use vagval_core::{Lang, Localized, Snapshot, demo::demo_workspace};

#[derive(Parser)]
#[command(name = "vagval", version, about = "Vägval snapshot files: validate, inspect, create")]
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
    /// Show versions and contents of a file.
    Info {
        /// Snapshot file.
        file: PathBuf,
    },
    /// Write the demo workspace.
    Demo {
        /// Output file.
        #[arg(short, long)]
        output: PathBuf,
    },
}

fn lang(cli: &Cli) -> Lang {
    cli.lang
        .clone()
        .or_else(|| std::env::var("LANG").ok())
        .and_then(|t| Lang::from_tag(&t))
        .unwrap_or_default()
}

fn read(path: &Path, lang: Lang) -> Result<Snapshot, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Snapshot::decode(&text).map_err(|e| format!("{}: {}", path.display(), e.message(lang)))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = lang(&cli);
    match &cli.command {
        Cmd::Validate { files } => {
            let mut ok = true;
            for f in files {
                if let Err(msg) = read(f, lang) {
                    eprintln!("{msg}");
                    ok = false;
                }
            }
            if ok { ExitCode::SUCCESS } else { ExitCode::from(1) }
        }
        Cmd::Info { file } => match read(file, lang) {
            Ok(s) => {
                println!("format:             {}", s.format);
                println!("schema_version:     {}", s.schema_version);
                println!("min_reader_version: {}", s.min_reader_version);
                println!("app_version:        {}", s.app_version);
                println!("exported_at:        {}", s.exported_at);
                println!("workspace:          {}", s.workspace.name);
                ExitCode::SUCCESS
            }
            Err(msg) => {
                eprintln!("{msg}");
                ExitCode::from(1)
            }
        },
        Cmd::Demo { output } => {
            let snap = Snapshot::new(demo_workspace(), "1970-01-01T00:00:00Z", "cli");
            let written = snap
                .encode()
                .map_err(|e| e.message(lang))
                .and_then(|json| std::fs::write(output, json).map_err(|e| e.to_string()));
            match written {
                Ok(()) => ExitCode::SUCCESS,
                Err(msg) => {
                    eprintln!("{}: {msg}", output.display());
                    ExitCode::from(2)
                }
            }
        }
    }
}
