#![allow(clippy::unwrap_used)]
//! End-to-end checks of the `vagval` binary.
use std::process::Command;

fn vagval() -> Command {
    Command::new(env!("CARGO_BIN_EXE_vagval"))
}

#[test]
fn demo_then_validate_and_info() {
    let dir = std::env::temp_dir().join(format!("vagval-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("demo.json");
    assert!(vagval().args(["demo", "-o"]).arg(&file).status().unwrap().success());
    assert!(vagval().arg("validate").arg(&file).status().unwrap().success());
    let out = vagval().arg("info").arg(&file).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Påverkansagenda"));

    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{\"format\":\"other\"}").unwrap();
    let out = vagval().args(["--lang", "sv", "validate"]).arg(&file).arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.json") && err.contains("inte en Vägval-arbetsyta"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}
