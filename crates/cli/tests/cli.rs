//! End-to-end checks of the `vagval` binary.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn vagval(args: &[&str], files: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vagval")).args(["--lang", "sv"]).args(args).args(files).output().unwrap()
}

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("vagval-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn text(o: &[u8]) -> String {
    String::from_utf8_lossy(o).into_owned()
}

#[test]
fn demo_validate_and_info() {
    let d = dir("info");
    let demo = d.join("demo.json");
    assert!(vagval(&["demo", "-o"], &[&demo]).status.success());
    assert!(vagval(&["validate"], &[&demo]).status.success());
    let out = vagval(&["info"], &[&demo]);
    assert!(text(&out.stdout).contains("Påverkansagenda Jämtland Härjedalen 2020"));
    assert!(text(&out.stdout).contains("records inspel      12 live, 0 erased"));
    let json: serde_json::Value = serde_json::from_slice(&vagval(&["info", "--json"], &[&demo]).stdout).unwrap();
    assert_eq!(json["records"]["inspel"]["live"], 12);
    assert_eq!(json["schema_version"], vagval_core::migrate::CURRENT);
    assert_eq!(json["records"]["agenda"]["live"], 3);
    std::fs::remove_dir_all(&d).ok();
}

#[test]
fn validate_prints_one_line_per_bad_file_and_exits_1() {
    let d = dir("validate");
    let good = d.join("good.json");
    vagval(&["demo", "-o"], &[&good]);
    let bad = d.join("bad.json");
    std::fs::write(&bad, "{\"format\":\"other\"}").unwrap();
    let broken = d.join("broken.json");
    std::fs::write(&broken, "{\"format\":").unwrap();
    let out = vagval(&["validate"], &[&good, &bad, &broken]);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<String> = text(&out.stdout).lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].contains("bad.json") && lines[0].contains("inte en Vägval-arbetsyta"), "{lines:?}");
    assert!(lines[1].contains("broken.json") && lines[1].contains("rad 1"), "{lines:?}");
    let missing = d.join("missing.json");
    assert_eq!(vagval(&["validate"], &[&missing]).status.code(), Some(2));
    std::fs::remove_dir_all(&d).ok();
}

fn edited(src: &Path, dst: &Path, from: &str, to: &str, stamp: u64, device: &str) {
    let mut v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(src).unwrap()).unwrap();
    v.as_object_mut().unwrap().remove("checksum");
    for r in v["workspace"]["inspel"].as_array_mut().unwrap() {
        if r["title"]["value"] == from {
            r["title"] = serde_json::json!({"value": to, "stamp": [stamp, 0, device]});
        }
    }
    std::fs::write(dst, v.to_string()).unwrap();
}

#[test]
fn merge_reports_and_gives_the_same_result_in_any_order() {
    let d = dir("merge");
    let base = d.join("base.json");
    vagval(&["demo", "-o"], &[&base]);
    let a = d.join("a.json");
    let b = d.join("b.json");
    edited(&base, &a, "Bredband till hela landsbygden", "Bredband överallt", 1_700_000_000_000, "tab-a");
    edited(&base, &b, "Bredband till hela landsbygden", "Snabbt bredband", 1_700_000_000_001, "tab-b");
    let ab = d.join("ab.json");
    let ba = d.join("ba.json");
    let out = vagval(&["merge", "-o"], &[&ab, &a, &b]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("överskrivna värden 1"), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("\"Bredband överallt\" → \"Snabbt bredband\""));
    let out = vagval(&["merge", "--json", "-o"], &[&ba, &b, &a]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report[0]["report"]["kept_local"].as_array().unwrap().len(), 1);
    let ws = |p: &Path| {
        let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
        v["workspace"].clone()
    };
    assert_eq!(ws(&ab), ws(&ba));
    let bad = d.join("bad.json");
    std::fs::write(&bad, "[]").unwrap();
    let out = vagval(&["merge", "-o"], &[&d.join("x.json"), &a, &bad]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!d.join("x.json").exists());
    std::fs::remove_dir_all(&d).ok();
}

#[test]
fn schema_prints_the_published_schema() {
    let out = vagval(&["schema"], &[]);
    let published = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/snapshot.schema.json")).unwrap();
    assert_eq!(text(&out.stdout), published);
}

#[test]
fn every_subcommand_has_help() {
    for sub in ["validate", "merge", "info", "results", "verify", "schema", "demo"] {
        let out = vagval(&[sub, "--help"], &[]);
        assert!(out.status.success() && text(&out.stdout).contains("Usage"), "{sub}");
    }
}

#[test]
fn every_corpus_file_gets_one_line_and_no_panic() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../core/tests/corpus/invalid");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(files.len() >= 200);
    let refs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let out = vagval(&["validate"], &refs);
    assert_eq!(out.status.code(), Some(1));
    assert!(!text(&out.stderr).contains("panicked"), "{}", text(&out.stderr));
    let lines = text(&out.stdout);
    assert_eq!(lines.lines().count(), files.len());
    for (line, file) in lines.lines().zip(&files) {
        let name = file.file_name().unwrap().to_string_lossy();
        assert!(line.contains(name.as_ref()) && line.ends_with("Inget har ändrats."), "{line}");
    }
}

#[test]
fn results_recompute_the_demo_round_and_verify_confirms_or_finds_differences() {
    let d = dir("results");
    let demo = d.join("demo.json");
    vagval(&["demo", "-o"], &[&demo]);
    let round = vagval_core::demo::DEMO_ROUND;
    let out = vagval(&["results", "--round", round, "--json"], &[&demo]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let cert_text = text(&out.stdout);
    let cert: vagval_core::certificate::Certificate = serde_json::from_str(&cert_text).unwrap();
    // The CLI's result is the core's result for the same snapshot (the app uses the same call).
    let core = vagval_core::certificate::certificate(&vagval_core::demo::demo_doc(), &vagval_core::Id::parse(round).unwrap()).unwrap();
    assert_eq!(cert.results, core.results);
    assert_eq!(cert.snapshot_root, core.snapshot_root);
    let table = text(&vagval(&["results", "--round", round], &[&demo]).stdout);
    assert!(table.lines().next().unwrap().contains("Dubbelspår och högre hastighet på Mittbanan"), "{table}");
    let csv = vagval(&["results", "--round", round, "--csv"], &[&demo]).stdout;
    assert!(csv.starts_with("\u{feff}Placering;".as_bytes()));
    let cert_file = d.join("intyg.json");
    std::fs::write(&cert_file, &cert_text).unwrap();
    let ok = vagval(&["verify"], &[&cert_file, &demo]);
    assert!(ok.status.success() && text(&ok.stdout).contains("Bekräftat"));
    // Drop one ballot from the snapshot: verification fails and says where.
    let mut v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&demo).unwrap()).unwrap();
    v.as_object_mut().unwrap().remove("checksum");
    v["workspace"]["ballots"].as_array_mut().unwrap().pop();
    let changed = d.join("changed.json");
    std::fs::write(&changed, v.to_string()).unwrap();
    let bad = vagval(&["verify"], &[&cert_file, &changed]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(text(&bad.stderr).contains("snapshot_root"), "{}", text(&bad.stderr));
    std::fs::remove_dir_all(&d).ok();
}
