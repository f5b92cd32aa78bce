//! What docs/snapshot-format.md promises, the reader holds: one test per class of file that
//! the format refuses (or accepts), each built by hand from the v4 golden fixture.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use serde_json::{Value, json};
use vagval_core::crdt::{ProblemKind, Record, Reg};
use vagval_core::model::Inspel;
use vagval_core::snapshot::{ImportError, decode};
use vagval_core::{Doc, Id, Stamp, merge};

fn fixture(version: u32) -> String {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/v{version}.json"));
    std::fs::read_to_string(&path).unwrap()
}

/// The newest fixture as JSON, without its checksum (so edits need no new one).
fn base() -> Value {
    let mut v: Value = serde_json::from_str(&fixture(vagval_core::migrate::CURRENT)).unwrap();
    v.as_object_mut().unwrap().remove("checksum");
    v
}

fn problems(text: &str) -> Vec<(String, ProblemKind)> {
    match decode(text) {
        Err(ImportError::Invalid { problems }) => {
            problems.into_iter().map(|p| (p.path, p.kind)).collect()
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[test]
fn the_base_file_is_valid() {
    decode(&base().to_string()).unwrap();
}

#[test]
fn required_fields_are_required_absent_or_null() {
    // The first inspel of the fixture without its title, then with `"title": null`: both name
    // workspace.inspel[0].title as missing.
    for title in [None, Some(Value::Null)] {
        let mut v = base();
        let r = v["workspace"]["inspel"][0].as_object_mut().unwrap();
        r.remove("title");
        if let Some(t) = &title {
            r.insert("title".into(), t.clone());
        }
        assert_eq!(
            problems(&v.to_string()),
            vec![("workspace.inspel[0].title".to_owned(), ProblemKind::Missing)]
        );
    }
    // Every kind: the workspace's name, a round's title, items and method, a ballot's round,
    // participant, answer, rules hash and origin, an agenda point's text.
    let cases = [
        ("meta", None, "name"),
        ("rounds", Some(0), "title"),
        ("rounds", Some(0), "items"),
        ("rounds", Some(0), "method"),
        ("ballots", Some(0), "round"),
        ("ballots", Some(0), "participant"),
        ("ballots", Some(0), "answer"),
        ("ballots", Some(0), "rules_hash"),
        ("ballots", Some(0), "origin"),
        ("agenda", Some(0), "text"),
    ];
    for (kind, index, field) in cases {
        let mut v = base();
        let Some(record) = (match index {
            None => v["workspace"].get_mut(kind),
            Some(i) => v["workspace"].get_mut(kind).and_then(|c| c.get_mut(i)),
        }) else {
            panic!("the fixture has no {kind}");
        };
        assert!(
            record.as_object_mut().unwrap().remove(field).is_some(),
            "{kind}.{field} in the fixture"
        );
        let found = problems(&v.to_string());
        let path = match index {
            None => format!("workspace.{kind}.{field}"),
            Some(i) => format!("workspace.{kind}[{i}].{field}"),
        };
        assert!(
            found.contains(&(path.clone(), ProblemKind::Missing)),
            "{path}: {found:?}"
        );
    }
}

#[test]
fn a_record_in_another_kinds_collection_is_refused() {
    // The fixture's round, placed in the inspel collection: it has a title (as an inspel must),
    // but its items, method, seed … are round fields: refused at the first of them.
    let mut v = base();
    let round = v["workspace"]["rounds"][0].clone();
    v["workspace"]["rounds"] = json!([]);
    v["workspace"]["ballots"] = json!([]);
    v["workspace"]["inspel"]
        .as_array_mut()
        .unwrap()
        .insert(0, round);
    // Its status ("closed") is no inspel status: refused where it stands.
    let e = decode(&v.to_string());
    assert!(
        matches!(&e, Err(ImportError::Decode { path, .. }) if path.starts_with("workspace.inspel[0].status")),
        "{e:?}"
    );
    // Without a status, the round's own fields name it.
    v["workspace"]["inspel"][0]
        .as_object_mut()
        .unwrap()
        .remove("status");
    let found = problems(&v.to_string());
    assert!(
        found
            .iter()
            .any(|(p, k)| p.starts_with("workspace.inspel[0].")
                && *k == ProblemKind::OtherKind { kind: "round" }),
        "{found:?}"
    );
    // An inspel in the agenda collection lacks the agenda point's text.
    let mut v = base();
    let inspel = v["workspace"]["inspel"][0].clone();
    v["workspace"]["agenda"]
        .as_array_mut()
        .unwrap()
        .push(inspel);
    let found = problems(&v.to_string());
    assert!(
        found
            .iter()
            .any(|(p, k)| p.ends_with(".text") && *k == ProblemKind::Missing),
        "{found:?}"
    );
    // Unknown fields that are no kind's field are still kept (a newer version's).
    let mut v = base();
    v["workspace"]["inspel"][0]["future_field"] = json!({"value": 1, "stamp": [1, 0, "x"]});
    let d = decode(&v.to_string()).unwrap();
    assert_eq!(
        d.snapshot
            .workspace
            .inspel
            .0
            .values()
            .filter(|r| r.extra.contains_key("future_field"))
            .count(),
        1
    );
}

#[test]
fn an_erased_record_holds_only_its_id_and_stamp() {
    // A tombstone with a person's name: refused on import, the field named.
    let mut v = base();
    let r = &mut v["workspace"]["inspel"][0];
    r["deleted"] = json!([1_700_000_000_000u64, 0, "dev.a"]);
    assert_eq!(
        problems(&v.to_string()),
        vec![(
            "workspace.inspel[0].title".to_owned(),
            ProblemKind::ErasedWithData
        )]
    );
    // Also an unknown field on a tombstone.
    let mut v = base();
    let r = v["workspace"]["inspel"][0].as_object_mut().unwrap();
    let id = r["id"].clone();
    r.clear();
    r.insert("id".into(), id);
    r.insert("deleted".into(), json!([1, 0, "dev.a"]));
    r.insert("kontakt".into(), json!("Anna Andersson, 070-123 45 67"));
    assert_eq!(
        problems(&v.to_string()),
        vec![(
            "workspace.inspel[0].kontakt".to_owned(),
            ProblemKind::ErasedWithData
        )]
    );
}

#[test]
fn merge_drops_everything_an_erased_record_carries_whatever_the_input() {
    // GDPR: a person erased on one device is erased everywhere. Whatever a document holds next
    // to a tombstone (built in memory, as no file with it is read), the merge keeps the id and
    // the tombstone only — on either side, and when only one side has the record.
    let id = Id::from_random_bytes([7; 16]);
    let st = |w: u64| Stamp(w, 0, "dev.a".into());
    let mut erased = Inspel::empty(id.clone());
    erased.deleted = Some(st(5));
    erased.person = Some(Reg {
        value: "Anna Andersson".into(),
        stamp: st(9),
    });
    erased
        .extra
        .insert("kontakt".into(), json!("070-123 45 67"));
    let mut live = Inspel::empty(id.clone());
    live.title = Some(Reg {
        value: "Bredband".into(),
        stamp: st(1),
    });
    live.person = Some(Reg {
        value: "Anna Andersson".into(),
        stamp: st(1),
    });
    let ws = Id::from_random_bytes([1; 16]);
    let with = |r: Option<&Inspel>| {
        let mut d = Doc::new(ws.clone(), "Arbetsyta", st(0));
        if let Some(r) = r {
            d.inspel.0.insert(r.id.clone(), r.clone());
        }
        d
    };
    let cases = [
        (with(Some(&erased)), with(None)),
        (with(None), with(Some(&erased))),
        (with(Some(&erased)), with(Some(&erased))),
        (with(Some(&live)), with(Some(&erased))),
        (with(Some(&erased)), with(Some(&live))),
    ];
    for (a, b) in cases {
        let (m, _) = merge(&a, &b);
        let r = &m.inspel.0[&id];
        let mut only = Inspel::empty(id.clone());
        only.deleted = Some(st(5));
        assert_eq!(r, &only, "nothing but the id and the tombstone");
        let text = serde_json::to_string(&m).unwrap();
        assert!(
            !text.contains("Andersson") && !text.contains("123 45"),
            "{text}"
        );
    }
}

#[test]
fn a_member_given_twice_is_refused_everywhere() {
    let text = base().to_string();
    // `meta` twice in the workspace object (the second a copy of the first).
    let ws_at = text.find("\"workspace\":{").unwrap() + "\"workspace\":{".len();
    let meta = serde_json::to_string(&base()["workspace"]["meta"]).unwrap();
    let twice = format!("{}\"meta\":{meta},{}", &text[..ws_at], &text[ws_at..]);
    assert!(
        matches!(decode(&twice), Err(ImportError::Decode { .. })),
        "{:?}",
        decode(&twice)
    );
    // A collection twice.
    let twice = format!("{}\"agenda\":[],{}", &text[..ws_at], &text[ws_at..]);
    assert!(matches!(decode(&twice), Err(ImportError::Decode { .. })));
    // An unknown collection twice.
    let twice = format!(
        "{}\"later\":[],\"later\":[1],{}",
        &text[..ws_at],
        &text[ws_at..]
    );
    assert!(matches!(decode(&twice), Err(ImportError::Decode { .. })));
    // A key twice inside a record's unknown field.
    let mut v = base();
    v["workspace"]["inspel"][0]["future"] = json!({"a": 1});
    let t = v.to_string().replace("{\"a\":1}", "{\"a\":1,\"a\":2}");
    assert!(
        matches!(decode(&t), Err(ImportError::Decode { .. })),
        "{:?}",
        decode(&t)
    );
    // An envelope field twice.
    let t = text.replacen("{", "{\"device\":\"x\",", 1);
    assert!(decode(&t).is_err());
    // An inspel twice in a ballot's answer, in a file of this very schema (the one-pass read):
    // the first ballot's allocation `{"…0001": 2, …}` gets `"…0001": 3` again in front.
    let v = base();
    let b = &v["workspace"]["ballots"][0]["answer"]["value"]["allocation"];
    let (key, _) = b.as_object().unwrap().iter().next().unwrap();
    let needle = format!("\"allocation\":{{\"{key}\":");
    assert!(text.contains(&needle));
    let t = text.replacen(
        &needle,
        &format!("\"allocation\":{{\"{key}\":3,\"{key}\":"),
        1,
    );
    assert!(
        matches!(decode(&t), Err(ImportError::Decode { .. })),
        "{:?}",
        decode(&t)
    );
}

#[test]
fn one_byte_order_mark_is_stripped_once() {
    let text = base().to_string();
    decode(&format!("\u{feff}{text}")).unwrap();
    assert!(decode(&format!("\u{feff}\u{feff}{text}")).is_err());
}

#[test]
fn the_checksum_is_checked_in_files_of_every_version() {
    // The v2, v3 and v4 fixtures carry checksums, which hold; one changed letter in the
    // workspace name breaks each of them (the name "Påverkansagenda" becomes "Påverkansagendx").
    for v in 2..=vagval_core::migrate::CURRENT {
        let text = fixture(v);
        decode(&text).unwrap();
        let changed = text.replacen("Påverkansagenda", "Påverkansagendx", 1);
        assert!(
            matches!(decode(&changed), Err(ImportError::Checksum { .. })),
            "v{v}: {:?}",
            decode(&changed)
        );
        // Re-indenting does not change the checksum (it is over the compact text).
        let compact: Value = serde_json::from_str(&text).unwrap();
        let _ = compact;
        let squeezed = text.replace("\n  ", "\n");
        decode(&squeezed).unwrap();
    }
}

#[test]
fn a_file_cannot_need_a_newer_reader_than_its_own_schema() {
    // schema N with min_reader_version N + 1: the file claims that a reader of schema N
    // cannot read schema N — refused as a bad version, not as "too new".
    let mut v = base();
    v["min_reader_version"] = json!(vagval_core::migrate::CURRENT + 1);
    assert_eq!(
        decode(&v.to_string()),
        Err(ImportError::BadVersion {
            field: "min_reader_version"
        })
    );
    // 3 ≤ N is fine.
    v["min_reader_version"] = json!(3);
    decode(&v.to_string()).unwrap();
}

#[test]
fn nesting_of_127_levels_is_read_and_128_or_129_refused() {
    // The envelope object is level 1, `workspace` 2, the inspel array 3, a record 4; an unknown
    // field holding d nested arrays reaches level 4 + d. d = 123 → 127 levels: read;
    // d = 124 → 128 and d = 125 → 129: refused as JSON nested too deeply.
    for (d, ok) in [(123usize, true), (124, false), (125, false)] {
        let mut v = base();
        v["workspace"]["inspel"][0]["future"] = json!("X");
        let nested = "[".repeat(d) + &"]".repeat(d);
        let t = v.to_string().replace("\"X\"", &nested);
        let r = decode(&t);
        assert_eq!(r.is_ok(), ok, "{} levels: {r:?}", 4 + d);
        if !ok {
            assert!(matches!(r, Err(ImportError::Json { .. })), "{r:?}");
        }
    }
}

#[test]
fn problems_name_the_position_in_the_file() {
    // The fixture's inspel, listed in reverse id order; the first one in the file (the last by
    // id) loses its title → the problem names inspel[0], where the user finds it.
    let mut v = base();
    let list = v["workspace"]["inspel"].as_array_mut().unwrap();
    list.reverse();
    let n = list.len();
    assert!(n >= 2);
    list[0].as_object_mut().unwrap().remove("title");
    assert_eq!(
        problems(&v.to_string()),
        vec![("workspace.inspel[0].title".to_owned(), ProblemKind::Missing)]
    );
}

#[test]
fn whole_number_floats_are_refused_where_an_integer_is_asked() {
    // The schema says so in its description (JSON Schema's `integer` alone would admit 1.0).
    let mut v = base();
    v["workspace"]["inspel"][0]["title"]["stamp"][1] = json!(0.0);
    assert!(matches!(
        decode(&v.to_string()),
        Err(ImportError::Decode { .. })
    ));
    let schema = vagval_core::json_schema();
    assert!(schema.contains("1.0"), "the schema describes the rule");
}
