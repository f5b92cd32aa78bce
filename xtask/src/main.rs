//! `cargo xtask <task>`: the project's own set-up and automation, std only.
//!
//! - `setup`  installs what the build needs, skipping what is present at the right version
//! - `build`  release build of the app into `dist/`
//! - `serve`  set-up + release build + static server on <http://127.0.0.1:8080>
//! - `test`   set-up + every test layer (native, wasm in headless Chromium, bundle size, e2e)
//! - `bench`  set-up + release build + browser benchmarks (prints a table, writes JSON)
//!
//! Nothing here downloads a prebuilt binary: tools come from the crate registry, npm
//! and Debian's packages only, and Trunk runs offline so it can never try to fetch one.
#![forbid(unsafe_code)]
use std::env;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

/// The code splitter (crate wasm_split_cli_support, binary wasm-split-cli), matching the
/// wasm_split_helpers that leptos 0.8 uses for `#[lazy]`.
const WASM_SPLIT_VERSION: &str = "0.2.4";
const TRUNK_VERSION: &str = "0.21.14";
const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

type Result<T = (), E = String> = std::result::Result<T, E>;

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let task = args.first().map_or("help", String::as_str);
    let rest = args.get(1..).unwrap_or_default();
    let outcome = match task {
        "setup" => Ctx::new().and_then(|c| c.setup()),
        "build" => Ctx::new().and_then(|c| c.setup().and_then(|()| c.build_release())),
        "serve" => Ctx::new().and_then(|c| c.serve(rest)),
        "test" => Ctx::new().and_then(|c| c.test()),
        "bench" => Ctx::new().and_then(|c| c.bench(rest)),
        _ => {
            eprintln!(
                "usage: cargo xtask <setup|build|serve [--port N]|test|bench [--quick]>\n\
                 \n  setup  install the toolchain pieces (idempotent)\
                 \n  build  release build into dist/\
                 \n  serve  build and serve on http://127.0.0.1:8080\
                 \n  test   run every test layer (what CI runs)\
                 \n  bench  browser benchmarks at 1x and 4x CPU throttling"
            );
            return if task == "help" || task == "--help" {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            };
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("\nxtask {task}: {msg}");
            ExitCode::FAILURE
        }
    }
}

struct Ctx {
    root: PathBuf,
    cargo: String,
    cargo_bin: PathBuf,
    path: String,
}

impl Ctx {
    fn new() -> Result<Self> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .ok_or("xtask must live one level below the workspace root")?
            .to_path_buf();
        let cargo_home = env::var_os("CARGO_HOME").map_or_else(
            || PathBuf::from(env::var_os("HOME").unwrap_or_default()).join(".cargo"),
            PathBuf::from,
        );
        let cargo_bin = cargo_home.join("bin");
        // Installed tools first, then npm's wasm-opt (never Debian's binaryen 108).
        let node_bin = root.join("node_modules").join(".bin");
        let old = env::var("PATH").unwrap_or_default();
        let path = format!("{}:{}:{old}", cargo_bin.display(), node_bin.display());
        let cargo = env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        Ok(Self {
            root,
            cargo,
            cargo_bin,
            path,
        })
    }

    fn cmd(&self, program: impl AsRef<OsStr>) -> Command {
        let mut c = Command::new(program);
        c.current_dir(&self.root)
            .env("PATH", &self.path)
            .env("TRUNK_SKIP_VERSION_CHECK", "true")
            .env("CHROMEDRIVER", CHROMEDRIVER)
            .env("CHROME_BIN", CHROMIUM)
            .stdin(Stdio::null());
        // trunk 0.21 rejects NO_COLOR=1 ("possible values: true, false").
        if env::var_os("NO_COLOR").is_some() {
            c.env("NO_COLOR", "true");
        }
        c
    }

    fn run(&self, what: &str, c: &mut Command) -> Result {
        eprintln!("\n==> {what}");
        let status = c
            .status()
            .map_err(|e| format!("{what}: could not start: {e}"))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("{what} failed ({status})"))
        }
    }

    /// Output of `program args…`, or `None` if it is missing or fails.
    fn probe(&self, program: &str, args: &[&str]) -> Option<String> {
        let out = self
            .cmd(program)
            .args(args)
            .stderr(Stdio::null())
            .output()
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
    }

    // ---------------------------------------------------------------- set-up

    fn setup(&self) -> Result {
        self.setup_debian()?;
        self.setup_wasm_target()?;
        self.setup_cargo_tool("trunk", TRUNK_VERSION, &["--locked", "--debug"], "trunk")?;
        let bindgen = self.locked_version("wasm-bindgen")?;
        self.setup_cargo_tool("wasm-bindgen-cli", &bindgen, &[], "wasm-bindgen")?;
        self.setup_wasm_split()?;
        self.setup_npm()?;
        let wasm_opt = self.probe("wasm-opt", &["--version"]).unwrap_or_default();
        if !wasm_opt.contains("version_132") {
            return Err(format!(
                "wasm-opt on PATH is {wasm_opt:?}, expected binaryen 132 from npm \
                 (node_modules/.bin/wasm-opt). Run `npm ci` in {}.",
                self.root.display()
            ));
        }
        eprintln!("==> set-up complete: trunk {TRUNK_VERSION}, wasm-bindgen {bindgen}, {wasm_opt}");
        Ok(())
    }

    fn setup_debian(&self) -> Result {
        let missing: Vec<&str> = [(CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")]
            .iter()
            .filter(|(bin, _)| !Path::new(bin).exists())
            .map(|(_, pkg)| *pkg)
            .collect();
        if missing.is_empty() {
            return Ok(());
        }
        let list = missing.join(" ");
        let is_root = self.probe("id", &["-u"]).as_deref() == Some("0");
        if !is_root {
            return Err(format!(
                "missing Debian package(s): {list}. Install them as root and run again:\n    \
                 sudo apt-get update && sudo apt-get install -y {list}"
            ));
        }
        self.run("apt-get update", self.cmd("apt-get").args(["update", "-q"]))?;
        self.run(
            &format!("apt-get install {list}"),
            self.cmd("apt-get")
                .env("DEBIAN_FRONTEND", "noninteractive")
                .args(["install", "-y", "-q", "--no-install-recommends"])
                .args(&missing),
        )
    }

    fn setup_wasm_target(&self) -> Result {
        let installed = self
            .probe("rustup", &["target", "list", "--installed"])
            .unwrap_or_default();
        if installed
            .lines()
            .any(|l| l.trim() == "wasm32-unknown-unknown")
        {
            return Ok(());
        }
        self.run(
            "rustup target add wasm32-unknown-unknown",
            self.cmd("rustup")
                .args(["target", "add", "wasm32-unknown-unknown"]),
        )
        .map_err(|e| {
            format!(
                "{e}\n    the wasm target is needed: run `rustup target add wasm32-unknown-unknown`"
            )
        })
    }

    /// Installs `krate` at exactly `version` unless `bin --version` already reports it.
    fn setup_cargo_tool(&self, krate: &str, version: &str, flags: &[&str], bin: &str) -> Result {
        let exe = self.cargo_bin.join(bin);
        let found = self
            .probe(&exe.to_string_lossy(), &["--version"])
            .unwrap_or_default();
        if found.split_whitespace().nth(1) == Some(version) {
            return Ok(());
        }
        let mut c = self.cmd(&self.cargo);
        c.args(["install", krate, "--version", version])
            .args(flags)
            // Small, quick debug build of the tool; never a crate needing a newer rustc.
            .env("CARGO_PROFILE_DEV_DEBUG", "0")
            .env("CARGO_PROFILE_RELEASE_DEBUG", "0")
            .env("CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS", "fallback");
        self.run(
            &format!("cargo install {krate} {version} (a few minutes, once)"),
            &mut c,
        )
        .map_err(|e| {
            format!(
                "{e}\n    try it by hand: cargo install {krate} --version {version} {}",
                flags.join(" ")
            )
        })
    }

    /// The splitter the release build runs (scripts/split.mjs). It has no `--version`, so
    /// `cargo install --list` says whether this version is there.
    fn setup_wasm_split(&self) -> Result {
        let listed = self
            .probe(&self.cargo, &["install", "--list"])
            .unwrap_or_default();
        let want = format!("wasm_split_cli_support v{WASM_SPLIT_VERSION}:");
        if listed.lines().any(|l| l.trim() == want)
            && self.cargo_bin.join("wasm-split-cli").is_file()
        {
            return Ok(());
        }
        let mut c = self.cmd(&self.cargo);
        c.args([
            "install",
            "wasm_split_cli_support",
            "--version",
            WASM_SPLIT_VERSION,
            "--locked",
            "--features",
            "build-binary",
        ])
        .env("CARGO_PROFILE_RELEASE_DEBUG", "0")
        .env("CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS", "fallback");
        self.run(
            &format!(
                "cargo install wasm_split_cli_support {WASM_SPLIT_VERSION} (a few minutes, once)"
            ),
            &mut c,
        )
    }

    /// The version of `package` recorded in Cargo.lock.
    fn locked_version(&self, package: &str) -> Result<String> {
        let lock = std::fs::read_to_string(self.root.join("Cargo.lock"))
            .map_err(|e| format!("Cargo.lock: {e} (it is committed; restore it with git)"))?;
        let needle = format!("name = \"{package}\"");
        let mut lines = lock.lines();
        while let Some(line) = lines.next() {
            if line.trim() == needle
                && let Some(v) = lines
                    .next()
                    .and_then(|l| l.trim().strip_prefix("version = "))
            {
                return Ok(v.trim_matches('"').to_owned());
            }
        }
        Err(format!("{package} is not in Cargo.lock"))
    }

    fn setup_npm(&self) -> Result {
        if self.probe("npm", &["--version"]).is_none() {
            return Err("npm is missing. Install Node.js 20 with npm:\n    sudo apt-get install -y nodejs npm".into());
        }
        let lock = self.root.join("package-lock.json");
        let stamp = self.root.join("node_modules").join(".package-lock.json");
        let fresh = match (
            lock.metadata().and_then(|m| m.modified()),
            stamp.metadata().and_then(|m| m.modified()),
        ) {
            (Ok(l), Ok(s)) => s >= l,
            _ => false,
        };
        if fresh {
            return Ok(());
        }
        self.run(
            "npm ci",
            self.cmd("npm")
                .args(["ci", "--no-audit", "--no-fund", "--ignore-scripts"]),
        )
    }

    // ---------------------------------------------------------------- build

    fn build_release(&self) -> Result {
        // Fetch crates first so Trunk (and the cargo it runs) can work fully offline:
        // Trunk then never tries to download wasm-bindgen or wasm-opt.
        self.run(
            "cargo fetch",
            self.cmd(&self.cargo).args(["fetch", "--locked"]),
        )?;
        self.run(
            "trunk build --release",
            self.cmd(self.cargo_bin.join("trunk")).args([
                "build",
                "--release",
                "--locked",
                "--offline",
            ]),
        )
    }

    fn serve(&self, args: &[String]) -> Result {
        let port = flag_value(args, "--port").unwrap_or("8080");
        self.setup()?;
        self.build_release()?;
        eprintln!("\n==> serving dist/ (Ctrl-C stops)");
        self.run(
            "static server",
            self.cmd("node")
                .args(["tests/support/serve.mjs", "dist", port]),
        )
    }

    // ---------------------------------------------------------------- test

    fn test(&self) -> Result {
        self.setup()?;
        self.run(
            "formatting (cargo fmt --check)",
            self.cmd(&self.cargo).args(["fmt", "--all", "--check"]),
        )?;
        self.run(
            "lints (clippy, native: core, cli, app, xtask)",
            self.cmd(&self.cargo).args([
                "clippy",
                "--locked",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ]),
        )?;
        self.run(
            "lints (clippy, the app for wasm32)",
            self.cmd(&self.cargo).args([
                "clippy",
                "--locked",
                "--target",
                "wasm32-unknown-unknown",
                "-p",
                "vagval",
                "--all-targets",
                "--all-features",
                "--",
                "-D",
                "warnings",
            ]),
        )?;
        self.run(
            "native tests (crates/core, crates/cli)",
            self.cmd(&self.cargo)
                .args(["test", "--locked", "--workspace", "--exclude", "vagval"]),
        )?;
        self.run(
            "wasm-bindgen tests in headless Chromium",
            self.cmd(&self.cargo).args([
                "test",
                "--locked",
                "--target",
                "wasm32-unknown-unknown",
                "-p",
                "vagval",
                "--test",
                "web",
            ]),
        )?;
        self.build_release()?;
        self.run(
            "bundle size (brotli)",
            self.cmd("node").args(["tests/support/size.mjs", "dist"]),
        )?;
        self.run(
            "end-to-end tests (Playwright, Chromium)",
            self.cmd("node")
                .args(["--test", "--test-concurrency=1", "tests/e2e/"]),
        )
    }

    fn bench(&self, args: &[String]) -> Result {
        self.setup()?;
        self.build_release()?;
        let mut c = self.cmd("node");
        c.arg("tests/bench/run.mjs").args(args);
        self.run("benchmarks", &mut c)
    }
}

fn flag_value<'a>(args: &'a [String], flag: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == flag)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}
