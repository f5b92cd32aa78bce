//! The malformed/hostile corpus (`tests/corpus`, made by `generate.py`): every invalid file
//! is refused with a typed error and a message in both languages, never a panic; every
//! hostile-but-valid file imports with its payloads kept as plain text.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use vagval_core::snapshot::{ImportError, decode, prepare_import};
use vagval_core::{Lang, Localized, demo::demo_doc};

fn files(folder: &str) -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(folder);
    let mut out: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

/// What the app and the CLI do with a file's bytes.
fn import(bytes: &[u8]) -> Result<vagval_core::Decoded, ImportError> {
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotText)?;
    decode(text)
}

#[test]
fn at_least_200_invalid_files_each_get_a_typed_error() {
    let corpus = files("invalid");
    assert!(corpus.len() >= 200, "corpus has {} files", corpus.len());
    let mut accepted = Vec::new();
    for (name, bytes) in &corpus {
        match std::panic::catch_unwind(|| import(bytes)) {
            Err(_) => panic!("{name}: panicked"),
            Ok(Ok(_)) => accepted.push(name.clone()),
            Ok(Err(e)) => {
                for lang in Lang::ALL {
                    let msg = e.message(lang);
                    assert!(msg.len() > 20 && msg.len() < 2_000, "{name}: {msg}");
                }
                let kind = name.split('-').next().unwrap();
                let expected = match kind {
                    "truncated" => matches!(e, ImportError::Json { .. }),
                    "notjson" => matches!(
                        e,
                        ImportError::Json { .. }
                            | ImportError::NotText
                            | ImportError::WrongFormat { .. }
                    ),
                    "nan" => matches!(
                        e,
                        ImportError::Json { .. }
                            | ImportError::Decode { .. }
                            | ImportError::BadVersion { .. }
                    ),
                    "deep" => matches!(
                        e,
                        ImportError::Json { .. } | ImportError::WrongFormat { .. }
                    ),
                    "format" => matches!(e, ImportError::WrongFormat { .. }),
                    "future" => matches!(e, ImportError::TooNew { .. }),
                    "checksum" => matches!(e, ImportError::Checksum { .. }),
                    "dup" | "dangling" | "empty" => {
                        matches!(e, ImportError::Invalid { .. } | ImportError::Decode { .. })
                    }
                    "size" => matches!(
                        e,
                        ImportError::TooLarge { .. } | ImportError::Invalid { .. }
                    ),
                    _ => true,
                };
                if std::env::var_os("CORPUS_VERBOSE").is_some() {
                    println!("{name}: {}", e.message(Lang::En));
                }
                assert!(expected, "{name}: unexpected error kind {e:?}");
            }
        }
    }
    assert!(accepted.is_empty(), "accepted invalid files: {accepted:?}");
}

#[test]
fn hostile_text_imports_as_plain_text() {
    let corpus = files("hostile");
    assert!(corpus.len() >= 10);
    for (name, bytes) in &corpus {
        let text = std::str::from_utf8(bytes).unwrap();
        let d = decode(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let ws = &d.snapshot.workspace;
        if name.starts_with("xss") {
            let raw: serde_json::Value =
                serde_json::from_str(text.trim_start_matches('\u{feff}')).unwrap();
            assert_eq!(
                ws.name(),
                raw["workspace"]["meta"]["name"]["value"].as_str().unwrap(),
                "{name}"
            );
            let title = raw["workspace"]["inspel"][0]["title"]["value"]
                .as_str()
                .unwrap();
            assert_eq!(
                ws.inspel.live().next().unwrap().title().unwrap(),
                title,
                "{name}"
            );
            let first = ws.inspel.live().next().unwrap();
            assert!(
                first.extra.contains_key("<img src=x onerror=alert(1)>"),
                "{name}: odd field name kept"
            );
        }
        let prepared = prepare_import(&demo_doc(), text).unwrap();
        assert!(!prepared.report.other_workspace, "{name}");
    }
}
