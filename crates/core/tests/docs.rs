//! The published format is current: every example in docs/snapshot-format.md, and every
//! complete file in docs/examples/, is read by the same code that reads users' files.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use vagval_core::crdt::Record;
use vagval_core::model::{Agenda, Inspel, Meta};
use vagval_core::round::{Ballot, Round};
use vagval_core::select::Capacity;
use vagval_core::snapshot::{Snapshot, decode};
use vagval_core::vote::{Answer, Method};

fn docs() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs")
}

fn record<R: Record>(text: &str) -> Result<(), String> {
    let r: R = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let mut problems = Vec::new();
    r.validate("example", &mut problems);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{problems:?}"))
    }
}

fn value<T: serde::de::DeserializeOwned>(text: &str) -> Result<(), String> {
    serde_json::from_str::<T>(text)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

#[test]
fn every_example_in_the_format_description_is_accepted() {
    let text = std::fs::read_to_string(docs().join("snapshot-format.md")).unwrap();
    let mut seen = 0;
    let mut rest = text.as_str();
    while let Some(start) = rest.find("```json") {
        let after = &rest[start + 7..];
        let (info, body) = after.split_once('\n').unwrap();
        let end = body.find("```").unwrap();
        let example = &body[..end];
        rest = &body[end + 3..];
        let what = info.trim();
        let outcome = match what {
            "file" => decode(example).map(|_| ()).map_err(|e| e.to_string()),
            "meta" => record::<Meta>(example),
            "inspel" => record::<Inspel>(example),
            "round" => record::<Round>(example),
            "ballot" => record::<Ballot>(example),
            "agenda" => record::<Agenda>(example),
            "goal_set" => record::<vagval_core::conflicts::goal::GoalSet>(example),
            "goal" => record::<vagval_core::conflicts::goal::Goal>(example),
            "matrix" => record::<vagval_core::conflicts::matrix::Matrix>(example),
            "scoring" => record::<vagval_core::conflicts::matrix::Scoring>(example),
            "case" => record::<vagval_core::conflicts::case::Case>(example),
            "actor" => record::<vagval_core::stakeholders::actor::Actor>(example),
            "relation" => record::<vagval_core::stakeholders::actor::Relation>(example),
            "contact" => record::<vagval_core::stakeholders::actor::Contact>(example),
            "area" => record::<vagval_core::actions::records::Area>(example),
            "chain_node" => record::<vagval_core::actions::records::ChainNode>(example),
            "chain_edge" => record::<vagval_core::actions::records::ChainEdge>(example),
            "indicator" => record::<vagval_core::actions::records::Indicator>(example),
            "activity" => record::<vagval_core::actions::records::Activity>(example),
            "learning" => record::<vagval_core::actions::records::Learning>(example),
            "consultation" => record::<vagval_core::actions::records::Consultation>(example),
            "project" => record::<vagval_core::actions::records::Project>(example),
            "meeting" => record::<vagval_core::actions::records::Meeting>(example),
            "application" => record::<vagval_core::proofing::records::Application>(example),
            "template" => record::<vagval_core::proofing::records::Template>(example),
            "assessment" => record::<vagval_core::proofing::records::Assessment>(example),
            "method" => value::<Method>(example),
            "answer" => value::<Answer>(example),
            "capacity" => value::<Capacity>(example),
            other => Err(format!(
                "a json example must say what it is (file, a record kind, method, answer, capacity), not {other:?}"
            )),
        };
        assert!(outcome.is_ok(), "example `{what}`:\n{example}\n{outcome:?}");
        seen += 1;
    }
    assert!(seen >= 10, "{seen} examples");
}

#[test]
fn every_example_file_is_accepted_and_the_generated_one_is_current() {
    let dir = docs().join("examples");
    // The workshop example is the demo workspace as Vägval writes it (regenerate with
    // UPDATE_EXAMPLES=1 after a change to the demo or the format).
    let workshop = Snapshot::new(
        vagval_core::demo::demo_doc(),
        "2026-11-22T10:00:00.000Z",
        "dev-3f9a1c0b77e2d415",
    )
    .to_pretty();
    let path = dir.join("workshop.json");
    if std::env::var_os("UPDATE_EXAMPLES").is_some() {
        std::fs::write(&path, &workshop).unwrap();
    }
    assert!(
        std::fs::read_to_string(&path).unwrap_or_default() == workshop,
        "docs/examples/workshop.json is stale: run `UPDATE_EXAMPLES=1 cargo test -p vagval-core --test docs`"
    );
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path).unwrap();
            decode(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            n += 1;
        }
    }
    assert!(n >= 2);
}
