//! The kernel imports no module: no file under `src/kernel/` names a module's folder, the
//! assembled document or a path outside the kernel. A module may use the kernel; the kernel
//! knows none of them, so the import circle (command ↔ records ↔ document ↔ rounds) cannot
//! come back.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_kernel_file_names_a_module() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    // Every folder and file beside the kernel is a module (or the assembled document).
    let mut modules: Vec<String> = std::fs::read_dir(&src)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter_map(|p| {
            let name = p.file_stem()?.to_str()?.to_owned();
            (name != "kernel" && name != "lib").then_some(name)
        })
        .collect();
    // The old top-level paths that now lead into the modules, and the crate-root types that
    // belong to the assembled document.
    modules.extend(
        [
            "crdt",
            "doc",
            "command",
            "model",
            "round",
            "vote",
            "select",
            "certificate",
            "query",
            "csv_import",
            "dedupe",
            "demo",
            "ratio",
            "Doc",
            "Kind",
            "Command",
            "History",
            "Snapshot",
        ]
        .map(String::from),
    );
    assert!(modules.contains(&"prioritisation".to_owned()));
    let mut files = Vec::new();
    rust_files(&src.join("kernel"), &mut files);
    assert!(files.len() > 10, "the kernel's files are found");
    let mut offences = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            for m in &modules {
                for prefix in ["crate::", "vagval_core::"] {
                    let needle = format!("{prefix}{m}");
                    let hit = line.match_indices(&needle).any(|(i, _)| {
                        // A whole name: `crate::doc` but not `crate::document!`'s neighbours.
                        let next = line[i + needle.len()..].chars().next();
                        !next.is_some_and(|c| c.is_alphanumeric() || c == '_')
                    });
                    if hit && !line.contains(&format!("{prefix}{m}!")) {
                        offences.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                    }
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "the kernel names a module:\n{}",
        offences.join("\n")
    );
}
