//! End-to-end checks of the `vagval` binary.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn vagval(args: &[&str], files: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vagval"))
        .args(["--lang", "sv"])
        .args(args)
        .args(files)
        .output()
        .unwrap()
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
    let json: serde_json::Value =
        serde_json::from_slice(&vagval(&["info", "--json"], &[&demo]).stdout).unwrap();
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
    assert!(
        lines[0].contains("bad.json") && lines[0].contains("inte en Vägval-arbetsyta"),
        "{lines:?}"
    );
    assert!(
        lines[1].contains("broken.json") && lines[1].contains("rad 1"),
        "{lines:?}"
    );
    let missing = d.join("missing.json");
    assert_eq!(vagval(&["validate"], &[&missing]).status.code(), Some(2));
    std::fs::remove_dir_all(&d).ok();
}

fn edited(src: &Path, dst: &Path, from: &str, to: &str, stamp: u64, device: &str) {
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(src).unwrap()).unwrap();
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
    edited(
        &base,
        &a,
        "Bredband till hela landsbygden",
        "Bredband överallt",
        1_700_000_000_000,
        "tab-a",
    );
    edited(
        &base,
        &b,
        "Bredband till hela landsbygden",
        "Snabbt bredband",
        1_700_000_000_001,
        "tab-b",
    );
    let ab = d.join("ab.json");
    let ba = d.join("ba.json");
    let out = vagval(&["merge", "-o"], &[&ab, &a, &b]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("överskrivna värden 1"),
        "{}",
        text(&out.stdout)
    );
    // In people's words (issue 11): the field by name, the values as texts, not JSON.
    assert!(
        text(&out.stdout).contains("rubrik: ”Bredband överallt” → ”Snabbt bredband”"),
        "{}",
        text(&out.stdout)
    );
    let out = vagval(&["merge", "--json", "-o"], &[&ba, &b, &a]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        report[0]["report"]["kept_local"].as_array().unwrap().len(),
        1
    );
    let ws = |p: &Path| {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
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
    let published = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/snapshot.schema.json"
    ))
    .unwrap();
    assert_eq!(text(&out.stdout), published);
}

#[test]
fn every_subcommand_has_help() {
    for sub in [
        "validate", "merge", "info", "results", "verify", "schema", "demo",
    ] {
        let out = vagval(&[sub, "--help"], &[]);
        assert!(
            out.status.success() && text(&out.stdout).contains("Usage"),
            "{sub}"
        );
    }
}

#[test]
fn every_corpus_file_gets_one_line_and_no_panic() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../core/tests/corpus/invalid");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 200);
    let refs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let out = vagval(&["validate"], &refs);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        !text(&out.stderr).contains("panicked"),
        "{}",
        text(&out.stderr)
    );
    let lines = text(&out.stdout);
    assert_eq!(lines.lines().count(), files.len());
    for (line, file) in lines.lines().zip(&files) {
        let name = file.file_name().unwrap().to_string_lossy();
        assert!(
            line.contains(name.as_ref()) && line.ends_with("Inget har ändrats."),
            "{line}"
        );
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
    let core = vagval_core::certificate::certificate(
        &vagval_core::demo::demo_doc(),
        &vagval_core::Id::parse(round).unwrap(),
    )
    .unwrap();
    assert_eq!(cert.results, core.results);
    assert_eq!(cert.snapshot_root, core.snapshot_root);
    let table = text(&vagval(&["results", "--round", round], &[&demo]).stdout);
    assert!(
        table
            .lines()
            .next()
            .unwrap()
            .contains("Dubbelspår och högre hastighet på Mittbanan"),
        "{table}"
    );
    let csv = vagval(&["results", "--round", round, "--csv"], &[&demo]).stdout;
    assert!(csv.starts_with("\u{feff}Placering;".as_bytes()));
    let cert_file = d.join("intyg.json");
    std::fs::write(&cert_file, &cert_text).unwrap();
    let ok = vagval(&["verify"], &[&cert_file, &demo]);
    assert!(ok.status.success() && text(&ok.stdout).contains("Bekräftat"));
    // Drop one ballot from the snapshot: verification fails and says where.
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&demo).unwrap()).unwrap();
    v.as_object_mut().unwrap().remove("checksum");
    v["workspace"]["ballots"].as_array_mut().unwrap().pop();
    let changed = d.join("changed.json");
    std::fs::write(&changed, v.to_string()).unwrap();
    let bad = vagval(&["verify"], &[&cert_file, &changed]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        text(&bad.stderr).contains("snapshot_root"),
        "{}",
        text(&bad.stderr)
    );
    std::fs::remove_dir_all(&d).ok();
}

/// `vagval … | head -1`: a reader that goes away ends the command quietly — no panic, no
/// error message, exit 0 (or `validate`'s verdict so far).
#[test]
fn a_closed_stdout_ends_quietly() {
    let d = dir("pipe");
    let demo = d.join("demo.json");
    vagval(&["demo", "-o"], &[&demo]);
    let round = vagval_core::demo::DEMO_ROUND;
    let cert = d.join("intyg.json");
    std::fs::write(
        &cert,
        vagval(&["results", "--round", round, "--json"], &[&demo]).stdout,
    )
    .unwrap();
    let bad = d.join("bad.json");
    std::fs::write(&bad, "[]").unwrap();
    let merged = d.join("merged.json");
    let (demo_s, cert_s, bad_s, merged_s) = (
        demo.to_str().unwrap(),
        cert.to_str().unwrap(),
        bad.to_str().unwrap(),
        merged.to_str().unwrap(),
    );
    let cases: Vec<(Vec<&str>, i32)> = vec![
        (vec!["schema"], 0),
        (vec!["info", demo_s], 0),
        (vec!["info", "--json", demo_s], 0),
        (vec!["validate", bad_s, demo_s, bad_s], 1),
        (vec!["results", "--round", round, demo_s], 0),
        (vec!["results", "--round", round, "--json", demo_s], 0),
        (vec!["results", "--round", round, "--csv", demo_s], 0),
        (vec!["verify", cert_s, demo_s], 0),
        (vec!["merge", "-o", merged_s, demo_s, demo_s], 0),
        (vec!["merge", "--json", "-o", merged_s, demo_s, demo_s], 0),
    ];
    for (args, code) in cases {
        // Standard output is a pipe nobody reads: the first write fails with EPIPE.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = Command::new(env!("CARGO_BIN_EXE_vagval"))
            .args(["--lang", "sv"])
            .args(&args)
            .stdout(writer)
            .output()
            .unwrap();
        let stderr = text(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(stderr, "", "{args:?}");
        assert_eq!(out.status.code(), Some(code), "{args:?}");
    }
    assert!(
        vagval(&["validate"], &[&merged]).status.success(),
        "the merge was written before its report"
    );
    std::fs::remove_dir_all(&d).ok();
}

/// The same with a reader that takes one line and goes: `validate` of the corpus three times
/// over writes far more than a pipe holds, so it is still writing when the reader leaves.
#[test]
fn a_reader_that_leaves_after_one_line_ends_the_run_quietly() {
    use std::io::BufRead as _;
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../core/tests/corpus/invalid");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let files: Vec<PathBuf> = files.iter().chain(&files).chain(&files).cloned().collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_vagval"))
        .args(["--lang", "sv", "validate"])
        .args(&files)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.ends_with("Inget har ändrats.\n"), "{first}");
    let out = child.wait_with_output().unwrap();
    let stderr = text(&out.stderr);
    assert!(
        !stderr.contains("panicked") && stderr.is_empty(),
        "{stderr}"
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "the verdict so far: an invalid file"
    );
}

/// A demo file with one more record: `{"id": id, …}` appended to `collection`.
fn with_record(src: &Path, dst: &Path, collection: &str, record: serde_json::Value) {
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(src).unwrap()).unwrap();
    v.as_object_mut().unwrap().remove("checksum");
    v["workspace"][collection]
        .as_array_mut()
        .unwrap()
        .push(record);
    std::fs::write(dst, v.to_string()).unwrap();
}

#[test]
fn merge_writes_what_validate_accepts_and_refuses_an_id_in_two_kinds() {
    let d = dir("merge-check");
    let base = d.join("base.json");
    vagval(&["demo", "-o"], &[&base]);
    let id = "00000000-0000-4000-8004-000000000001";
    let stamp = serde_json::json!([1_700_000_000_000u64, 0, "tab-a"]);
    // A: an inspel with `id`; B: a title edited on another tablet, and an agenda point with the
    // same `id`. Each is valid alone; A + B would hold `id` as an inspel and as an agenda point.
    let a = d.join("a.json");
    with_record(
        &base,
        &a,
        "inspel",
        serde_json::json!({"id": id, "title": {"value": "Bredband", "stamp": stamp}}),
    );
    let b_edit = d.join("b-edit.json");
    edited(
        &base,
        &b_edit,
        "Bredband till hela landsbygden",
        "Snabbt bredband",
        1_700_000_000_001,
        "tab-b",
    );
    let b = d.join("b.json");
    with_record(
        &b_edit,
        &b,
        "agenda",
        serde_json::json!({"id": id, "text": {"value": "Bredband i hela länet", "stamp": stamp}}),
    );
    for f in [&a, &b_edit, &b] {
        assert!(
            vagval(&["validate"], &[f]).status.success(),
            "{}",
            f.display()
        );
    }
    let ok = d.join("ok.json");
    let out = vagval(&["merge", "-o"], &[&ok, &a, &b_edit]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(vagval(&["validate"], &[&ok]).status.success());
    let refused = d.join("refused.json");
    let out = vagval(&["merge", "-o"], &[&refused, &a, &b]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!refused.exists(), "nothing written");
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("refused.json skrivs inte")
            && stderr.contains(&format!("id {id} förekommer mer än en gång")),
        "{stderr}"
    );
    let en = Command::new(env!("CARGO_BIN_EXE_vagval"))
        .args(["--lang", "en", "merge", "-o"])
        .args([&refused, &a, &b])
        .output()
        .unwrap();
    assert!(
        text(&en.stderr).contains("not written")
            && text(&en.stderr).contains("occurs more than once"),
        "{}",
        text(&en.stderr)
    );
    std::fs::remove_dir_all(&d).ok();
}

/// The demo with 6 500 synthetic inspel is about 6.1 MB indented (some 930 bytes an inspel,
/// 660 compact). Two such files with different ids merge to 13 000 inspel: about 12.2 MB
/// indented, over the 10 MiB limit, and 8.6 MB compact, under it — written compact. A third
/// makes 19 500: about 12.9 MB even compact — refused.
#[test]
fn a_merge_too_large_indented_is_written_compact_and_too_large_compact_is_refused() {
    let d = dir("merge-size");
    let base = d.join("base.json");
    assert!(
        vagval(&["demo", "--inspel", "6500", "-o"], &[&base])
            .status
            .success()
    );
    let text_of = std::fs::read_to_string(&base).unwrap();
    let copy = |group: &str| {
        let mut v: serde_json::Value = serde_json::from_str(&text_of.replace(
            "00000000-0000-4000-8000-",
            &format!("00000000-0000-4000-{group}-"),
        ))
        .unwrap();
        v.as_object_mut().unwrap().remove("checksum");
        let p = d.join(format!("{group}.json"));
        std::fs::write(&p, v.to_string()).unwrap();
        p
    };
    let (b, c) = (copy("8001"), copy("8002"));
    let two = d.join("two.json");
    let out = vagval(&["merge", "-o"], &[&two, &base, &b]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("skrev kompakt JSON"),
        "{}",
        text(&out.stderr)
    );
    let size = std::fs::metadata(&two).unwrap().len();
    assert!(
        size <= vagval_core::snapshot::MAX_FILE_BYTES as u64,
        "{size}"
    );
    assert!(vagval(&["validate"], &[&two]).status.success());
    let three = d.join("three.json");
    let out = vagval(&["merge", "-o"], &[&three, &base, &b, &c]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!three.exists());
    assert!(
        text(&out.stderr).contains("större än gränsen 10,0 MB"),
        "{}",
        text(&out.stderr)
    );
    std::fs::remove_dir_all(&d).ok();
}

/// `results` prints every figure of the certificate (whole numbers whole, ties marked, ballots
/// not counted with their reason) and `verify` names the ballot that differs.
#[test]
fn results_show_every_figure_and_verify_names_a_changed_ballot() {
    let d = dir("figures");
    let demo = d.join("demo.json");
    vagval(&["demo", "-o"], &[&demo]);
    let round = vagval_core::demo::DEMO_ROUND;
    let table = text(&vagval(&["results", "--round", round], &[&demo]).stdout);
    // Dots are whole: "14", never "14,00"; the selection is starred and explained.
    let first = table.lines().next().unwrap();
    assert!(
        first.contains(" 14 ") && !first.contains("14,00"),
        "{table}"
    );
    assert!(
        table.contains("räknade röster: 12; ej räknade: 0;") && table.contains("* vald"),
        "{table}"
    );
    let json = text(&vagval(&["results", "--round", round, "--json"], &[&demo]).stdout);
    for field in [
        "\"counted\"",
        "\"excluded\"",
        "\"contested_below\"",
        "\"supporters\"",
    ] {
        assert!(json.contains(field), "{field} missing");
    }
    let cert_file = d.join("intyg.json");
    std::fs::write(&cert_file, &json).unwrap();
    // Remove one counted ballot: verify names it.
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&demo).unwrap()).unwrap();
    v.as_object_mut().unwrap().remove("checksum");
    let gone = v["workspace"]["ballots"]
        .as_array_mut()
        .unwrap()
        .pop()
        .unwrap();
    let changed = d.join("changed.json");
    std::fs::write(&changed, v.to_string()).unwrap();
    let bad = vagval(&["verify"], &[&cert_file, &changed]);
    assert_eq!(bad.status.code(), Some(1));
    let id = gone["id"].as_str().unwrap();
    assert!(
        text(&bad.stderr).contains(&format!("röst {id} räknades men saknas nu")),
        "{}",
        text(&bad.stderr)
    );
    // Change a counted ballot's answer in the file: refused on import, named at the ballot.
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&demo).unwrap()).unwrap();
    v.as_object_mut().unwrap().remove("checksum");
    let b = &mut v["workspace"]["ballots"][0]["participant"]["value"];
    *b = serde_json::json!("Någon annan");
    std::fs::write(&changed, v.to_string()).unwrap();
    let bad = vagval(&["verify"], &[&cert_file, &changed]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        text(&bad.stderr).contains("workspace.ballots[0].id"),
        "{}",
        text(&bad.stderr)
    );
    std::fs::remove_dir_all(&d).ok();
}

#[test]
fn matrix_prints_the_analysis_the_app_shows_for_the_demo() {
    let d = dir("matrix");
    let demo = d.join("demo.json");
    assert!(vagval(&["demo", "-o"], &[&demo]).status.success());
    let out = vagval(&["matrix", "--json"], &[&demo]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // The app's analysis views draw `conflicts::report::report` of the stored document: the
    // CLI prints the same report, byte for byte.
    let id = vagval_core::conflicts::demo::demo_id(vagval_core::conflicts::demo::DEMO_MATRIX);
    let core = vagval_core::conflicts::report::report(&vagval_core::demo::demo_doc(), &id).unwrap();
    assert_eq!(
        text(&out.stdout),
        serde_json::to_string_pretty(&core).unwrap() + "\n"
    );
    let by_id = vagval(&["matrix", "--matrix", id.as_str()], &[&demo]);
    assert!(
        text(&by_id.stdout)
            .contains("RUS 1 Grön industriell omställning → RUS 4 Transportinfrastruktur → RUS 7")
    );
    let csv = vagval(&["matrix", "--csv"], &[&demo]);
    assert!(text(&csv.stdout).starts_with("\u{feff}Mål;Utåt;Inåt"));
    let none = vagval(
        &["matrix", "--matrix", "00000000-0000-4000-8000-000000000000"],
        &[&demo],
    );
    assert_eq!(none.status.code(), Some(1));
    std::fs::remove_dir_all(&d).ok();
}

#[test]
fn stakeholders_prints_the_table_the_app_shows_for_the_demo() {
    let d = dir("stakeholders");
    let demo = d.join("demo.json");
    assert!(vagval(&["demo", "-o"], &[&demo]).status.success());
    let out = vagval(&["stakeholders", "--json"], &[&demo]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // The same report the core gives for the demo, byte for byte.
    let core = vagval_core::stakeholders::report::report(&vagval_core::demo::demo_doc());
    assert_eq!(
        text(&out.stdout),
        serde_json::to_string_pretty(&core).unwrap() + "\n"
    );
    let csv = vagval(&["stakeholders", "--csv"], &[&demo]);
    assert_eq!(text(&csv.stdout), core.csv(vagval_core::Lang::Sv));
    let plain = vagval(&["stakeholders"], &[&demo]);
    assert!(
        text(&plain.stdout)
            .contains("Handölsdalens sameby (Samisk aktör): Håll informerad · Beroende")
    );
    std::fs::remove_dir_all(&d).ok();
}

#[test]
fn areas_prints_the_report_the_app_shows_for_the_demo() {
    let d = dir("areas");
    let demo = d.join("demo.json");
    assert!(vagval(&["demo", "-o"], &[&demo]).status.success());
    let out = vagval(&["areas", "--json", "--lang", "sv"], &[&demo]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // The same report the core gives for the demo, byte for byte.
    let lang = vagval_core::Lang::Sv;
    let core = vagval_core::actions::report::report(&vagval_core::demo::demo_doc(), lang);
    assert_eq!(
        text(&out.stdout),
        serde_json::to_string_pretty(&core).unwrap() + "\n"
    );
    let csv = vagval(&["areas", "--csv", "--lang", "sv"], &[&demo]);
    assert_eq!(text(&csv.stdout), core.csv(lang));
    let plain = vagval(&["areas", "--lang", "en"], &[&demo]);
    let plain = text(&plain.stdout);
    assert!(plain.contains("The region's share: The share is 60.0 %, above the cap of 50.0 %."));
    assert!(plain.contains("— off track"), "{plain}");
    std::fs::remove_dir_all(&d).ok();
}

#[test]
fn assess_recomputes_the_demo_assessments_as_the_app_does() {
    let d = dir("assess");
    let demo = d.join("demo.json");
    assert!(vagval(&["demo", "-o"], &[&demo]).status.success());
    let out = vagval(&["assess", "--json", "--lang", "sv"], &[&demo]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // The same cases, memos and portfolio the core gives for the demo, byte for byte.
    let lang = vagval_core::Lang::Sv;
    let doc = vagval_core::demo::demo_doc();
    let core = vagval_core::proofing::report::assess(&doc, None, lang);
    assert_eq!(
        text(&out.stdout),
        serde_json::to_string_pretty(&core).unwrap() + "\n"
    );
    let csv = vagval(&["assess", "--csv", "--lang", "sv"], &[&demo]);
    assert_eq!(
        text(&csv.stdout),
        vagval_core::proofing::report::cases_csv(&core.cases, lang)
    );
    // One case: the lift fails on DNSH although it scores 30 of 30.
    let lift = vagval_core::proofing::demo::demo_id(0x11).to_string();
    let one = vagval(&["assess", "--case", &lift, "--lang", "sv"], &[&demo]);
    let one = text(&one.stdout);
    assert!(
        one.contains("Underkänd: Ingen betydande skada (DNSH)"),
        "{one}"
    );
    assert!(one.contains("30 av 30 (100,0 %)"));
    assert!(!one.contains("Bybutiken"));
    let missing = vagval(
        &[
            "assess",
            "--case",
            "4e6b8f32-7d1c-4e9a-b2f4-0c5d3e71ffff",
            "--lang",
            "en",
        ],
        &[&demo],
    );
    assert_eq!(missing.status.code(), Some(1));
    assert!(text(&missing.stderr).contains("is not in the file"));
    // No id at all is a usage error, the flag named.
    let typo = vagval(&["assess", "--case", "4e6b", "--lang", "en"], &[&demo]);
    assert_eq!(typo.status.code(), Some(2));
    assert!(text(&typo.stderr).contains("--case"));
    std::fs::remove_dir_all(&d).ok();
}
