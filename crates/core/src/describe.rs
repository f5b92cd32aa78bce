//! What a merge does, said in people's words: "2 nya röster", "1 inspel ändrat (status:
//! Sammanställt → I agendan)" — never record kinds, field names or raw JSON values. Used by
//! the app's import preview and report and by the CLI's merge report.
use serde_json::Value;

use crate::doc::{MergeReport, Overwrite};
use crate::kernel::record::Noun;
use crate::lang::Lang;
use crate::model::{Dimension, Municipality, Status};

/// A kind's noun as its record declares it ("post" for a kind unknown here).
fn noun(kind: &str) -> Noun {
    crate::Kind::parse(kind).map_or(Noun::RECORD, crate::Kind::noun)
}

/// "1 nytt inspel", "2 nya röster", "1 inspel ändrat": the count, the noun and the participle
/// or adjective agreeing with it. `sv` gives the adjective's three forms (en-word, ett-word,
/// plural), `en` the English word.
fn counted(n: usize, kind: &str, lang: Lang, sv: [&str; 3], en: &str, before: bool) -> String {
    let w = noun(kind);
    match lang {
        Lang::Sv => {
            let (one, many, ett) = w.sv;
            let (noun, adj) = if n == 1 {
                (one, if ett { sv[1] } else { sv[0] })
            } else {
                (many, sv[2])
            };
            if before {
                format!("{n} {adj} {noun}")
            } else {
                format!("{n} {noun} {adj}")
            }
        }
        Lang::En => {
            let noun = if n == 1 { w.en.0 } else { w.en.1 };
            if before {
                format!("{n} {en} {noun}")
            } else {
                format!("{n} {noun} {en}")
            }
        }
    }
}

/// A field's name as the app shows it (lower case, for "status: A → B"): the `names` its
/// record kind declares (the first kind declaring the field), else the field's name.
#[must_use]
pub fn field_label(field: &str, lang: Lang) -> String {
    let names = crate::Kind::ALL
        .iter()
        .flat_map(|k| k.fields())
        .filter(|f| f.name == field)
        .find_map(|f| f.names);
    match names {
        Some((sv, en)) => (if lang == Lang::Sv { sv } else { en }).to_owned(),
        None => field.replace('_', " "),
    }
}

/// A value as the app shows it: stages, municipalities and dimensions by name, yes/no, texts
/// as they are (long ones cut), lists by their length.
#[must_use]
pub fn value_label(field: &str, value: &Value, lang: Lang) -> String {
    let sv = lang == Lang::Sv;
    match (field, value) {
        (_, Value::Null) => "–".to_owned(),
        // A value that is no stage is shown as any other value.
        ("status", v) => crate::crdt::from_json::<Status>(v)
            .map_or_else(|_| value_label("", v, lang), |s| s.label(lang).to_owned()),
        ("municipality", v) => crate::crdt::from_json::<Municipality>(v)
            .map_or_else(|_| v.to_string(), |m| m.label(lang).to_owned()),
        ("dimensions", Value::Array(list)) => {
            let names: Vec<&str> = list
                .iter()
                .filter_map(|d| crate::crdt::from_json::<Dimension>(d).ok())
                .map(|d| d.label(lang))
                .collect();
            if names.is_empty() {
                "–".to_owned()
            } else {
                names.join(", ")
            }
        }
        ("removed", Value::Bool(b)) => match (b, sv) {
            (true, true) => "i papperskorgen".into(),
            (false, true) => "inte i papperskorgen".into(),
            (true, false) => "in the trash".into(),
            (false, false) => "not in the trash".into(),
        },
        (_, Value::Bool(b)) => (if *b {
            if sv { "ja" } else { "yes" }
        } else if sv {
            "nej"
        } else {
            "no"
        })
        .to_owned(),
        (_, Value::String(s)) => {
            if s.chars().count() > 60 {
                format!("”{}…”", s.chars().take(59).collect::<String>())
            } else {
                format!("”{s}”")
            }
        }
        (_, Value::Array(list)) => match (list.len(), sv) {
            (1, true) => "1 post".into(),
            (n, true) => format!("{n} poster"),
            (1, false) => "1 entry".into(),
            (n, false) => format!("{n} entries"),
        },
        (_, v) => v.to_string(),
    }
}

/// "status: Sammanställt → I agendan".
#[must_use]
pub fn change_label(o: &Overwrite, lang: Lang) -> String {
    let f = &o.conflict.field;
    format!(
        "{}: {} → {}",
        field_label(f, lang),
        value_label(f, &o.conflict.local, lang),
        value_label(f, &o.conflict.incoming, lang)
    )
}

/// Kinds in the order they are reported.
const ORDER: [&str; 5] = ["ballot", "inspel", "round", "agenda", "meta"];

/// The merge in a few lines, each in people's words. Empty when the merge changes nothing.
#[must_use]
pub fn merge_summary(report: &MergeReport, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    for kind in ORDER {
        let n = report.added.iter().filter(|r| r.kind == kind).count();
        if n > 0 {
            out.push(counted(n, kind, lang, ["ny", "nytt", "nya"], "new", true));
        }
    }
    for kind in ORDER {
        let n = report.changed.iter().filter(|r| r.kind == kind).count();
        if n > 0 {
            let mut line = counted(
                n,
                kind,
                lang,
                ["ändrad", "ändrat", "ändrade"],
                "changed",
                false,
            );
            let changes: Vec<String> = report
                .overwritten
                .iter()
                .filter(|o| o.record.kind == kind)
                .take(3)
                .map(|o| change_label(o, lang))
                .collect();
            if !changes.is_empty() {
                let more = report
                    .overwritten
                    .iter()
                    .filter(|o| o.record.kind == kind)
                    .count()
                    - changes.len();
                let tail = match (more, lang) {
                    (0, _) => String::new(),
                    (m, Lang::Sv) => format!("; {m} till"),
                    (m, Lang::En) => format!("; {m} more"),
                };
                line = format!("{line} ({}{tail})", changes.join("; "));
            }
            out.push(line);
        }
    }
    for kind in ORDER {
        let n = report.deleted.iter().filter(|r| r.kind == kind).count();
        if n > 0 {
            out.push(counted(
                n,
                kind,
                lang,
                ["raderad", "raderat", "raderade"],
                "erased",
                false,
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crdt::FieldConflict;
    use crate::doc::RecordRef;
    use crate::id::Id;
    use serde_json::json;

    fn rec(kind: &'static str, n: u8) -> RecordRef {
        RecordRef {
            kind,
            id: Id::from_random_bytes([n; 16]),
            label: format!("{kind} {n}"),
        }
    }

    #[test]
    fn the_issues_example_in_swedish_and_english() {
        // Two tablets' ballots and one inspel whose stage the file moved on:
        // "2 nya röster", "1 inspel ändrat (status: Sammanställt → I agendan)".
        let report = MergeReport {
            added: vec![rec("ballot", 1), rec("ballot", 2)],
            changed: vec![rec("inspel", 3)],
            overwritten: vec![Overwrite {
                record: rec("inspel", 3),
                conflict: FieldConflict {
                    field: "status".into(),
                    local: json!("compiled"),
                    incoming: json!("in_agenda"),
                    incoming_won: true,
                },
            }],
            ..MergeReport::default()
        };
        assert_eq!(
            merge_summary(&report, Lang::Sv),
            vec![
                "2 nya röster",
                "1 inspel ändrat (status: Sammanställt → I agendan)"
            ]
        );
        assert_eq!(
            merge_summary(&report, Lang::En),
            vec![
                "2 new ballots",
                "1 input changed (status: Compiled → In the agenda)"
            ]
        );
    }

    #[test]
    fn swedish_agrees_in_number_and_gender() {
        // ett-word singular "nytt inspel", en-word singular "ny omröstning", plural "nya";
        // erased: "1 röst raderad", "2 inspel raderade".
        let report = MergeReport {
            added: vec![
                rec("inspel", 1),
                rec("round", 2),
                rec("agenda", 3),
                rec("agenda", 4),
            ],
            deleted: vec![rec("ballot", 5), rec("inspel", 6), rec("inspel", 7)],
            ..MergeReport::default()
        };
        assert_eq!(
            merge_summary(&report, Lang::Sv),
            vec![
                "1 nytt inspel",
                "1 ny omröstning",
                "2 nya agendapunkter",
                "1 röst raderad",
                "2 inspel raderade"
            ]
        );
        assert!(merge_summary(&MergeReport::default(), Lang::Sv).is_empty());
    }

    #[test]
    fn values_are_shown_by_name_not_as_json() {
        assert_eq!(
            value_label("municipality", &json!("ostersund"), Lang::Sv),
            "Östersund"
        );
        assert_eq!(
            value_label("dimensions", &json!(["social", "economic"]), Lang::Sv),
            "Social, Ekonomisk"
        );
        assert_eq!(
            value_label("removed", &json!(true), Lang::Sv),
            "i papperskorgen"
        );
        assert_eq!(
            value_label("title", &json!("Bredband"), Lang::Sv),
            "”Bredband”"
        );
        assert_eq!(value_label("title", &Value::Null, Lang::Sv), "–");
        assert_eq!(field_label("person", Lang::Sv), "kontaktperson");
    }
}
