//! The three logs of the action areas as forms and lists: the learning log (dated
//! observations, decisions and follow-ups linked to areas, activities and indicators,
//! filtered by area and period), the Sami consultation log (lag 2022:66: date, counterpart,
//! matter, outcome, documentation, the matters it is about; and the matters marked "kan vara
//! av särskild betydelse för samerna" that no consultation settles yet), and the peer
//! exchange's meetings. Each form is one create command, refused in words when a required
//! field is missing.
use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Value, json};

use super::date::Date;
use super::records::{Consultation, Counterpart, EntryKind, Format, Learning, Meeting, Outcome};
use super::workflow::EditError;
use crate::Doc;
use crate::Kind;
use crate::kernel::command::Command;
use crate::kernel::id::Id;
use crate::kernel::lang::Lang;

fn date_of(text: &str) -> Result<Date, EditError> {
    let t = text.trim();
    Date::parse(t).ok_or_else(|| EditError::NotADate(t.to_owned()))
}

fn put(fields: &mut BTreeMap<String, Value>, name: &str, text: &str) {
    fields.insert(name.to_owned(), json!(text.trim()));
}

/// A log form saved as record `id` of `kind`: a new record with the fields that hold
/// something, or — when the record is there (`existing`) — one edit per field, an emptied
/// one emptied (one command, one undo).
fn saved(kind: Kind, id: &Id, existing: bool, fields: BTreeMap<String, Value>) -> Command<Kind> {
    let empty = |v: &Value| match v {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    };
    if !existing {
        return Command::Create {
            kind,
            id: id.clone(),
            fields: fields.into_iter().filter(|(_, v)| !empty(v)).collect(),
        };
    }
    Command::Batch {
        commands: fields
            .into_iter()
            .map(|(field, value)| Command::Edit {
                kind,
                id: id.clone(),
                field,
                value,
            })
            .collect(),
    }
}

/// A record's links after a form with one choice for them was saved: unchanged when that
/// choice is the first of them, otherwise the choice first and the others after it (a form
/// shows only the first; the rest, e.g. from a file, stay).
fn relinked(before: Option<&Vec<Id>>, choice: Option<&Id>) -> Vec<Id> {
    let before = before.map_or(&[][..], Vec::as_slice);
    if before.first() == choice {
        return before.to_vec();
    }
    choice
        .into_iter()
        .chain(before.iter().skip(1).filter(|i| Some(*i) != choice))
        .cloned()
        .collect()
}

/// A learning-log entry as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LearningForm {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Observation, decision or follow-up.
    pub entry: EntryKind,
    /// What was learnt.
    pub text: String,
    /// The area it concerns, if any.
    pub area: Option<Id>,
    /// The activity, if any.
    pub activity: Option<Id>,
    /// The indicator, if any.
    pub indicator: Option<Id>,
}

/// The command adding entry `id`.
///
/// # Errors
/// [`EditError`] for a date that is none or no text.
pub fn add_learning(id: &Id, f: &LearningForm) -> Result<Command<Kind>, EditError> {
    learning_command(id, f, None)
}

/// The command saving `f` as entry `id`: a new entry, or the changes to the one there (one
/// command, one undo).
///
/// # Errors
/// [`EditError`] for a date that is none or no text.
pub fn save_learning(doc: &Doc, id: &Id, f: &LearningForm) -> Result<Command<Kind>, EditError> {
    let old = doc.learning.get(id).filter(|e| e.removed() != Some(&true));
    learning_command(id, f, old)
}

fn learning_command(
    id: &Id,
    f: &LearningForm,
    old: Option<&Learning>,
) -> Result<Command<Kind>, EditError> {
    let date = date_of(&f.date)?;
    if f.text.trim().is_empty() {
        return Err(EditError::NoTitle);
    }
    let mut fields = BTreeMap::new();
    fields.insert(Learning::DATE.name().to_owned(), json!(date));
    fields.insert(Learning::ENTRY.name().to_owned(), json!(f.entry));
    put(&mut fields, Learning::TEXT.name(), &f.text);
    for (name, before, choice) in [
        (
            Learning::AREAS.name(),
            old.and_then(Learning::areas),
            &f.area,
        ),
        (
            Learning::ACTIVITIES.name(),
            old.and_then(Learning::activities),
            &f.activity,
        ),
        (
            Learning::INDICATORS.name(),
            old.and_then(Learning::indicators),
            &f.indicator,
        ),
    ] {
        fields.insert(name.to_owned(), json!(relinked(before, choice.as_ref())));
    }
    Ok(saved(Kind::Learning, id, old.is_some(), fields))
}

/// The form showing entry `e` (its first link of each kind).
#[must_use]
pub fn learning_form(e: &Learning) -> LearningForm {
    let first = |v: Option<&Vec<Id>>| v.and_then(|v| v.first()).cloned();
    LearningForm {
        date: e.date().map(ToString::to_string).unwrap_or_default(),
        entry: e.entry().copied().unwrap_or_default(),
        text: e.text().cloned().unwrap_or_default(),
        area: first(e.areas()),
        activity: first(e.activities()),
        indicator: first(e.indicators()),
    }
}

/// One entry of the learning log as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LearningRow {
    /// The entry.
    pub id: Id,
    /// When.
    pub date: Date,
    /// Its kind, in words.
    pub entry: &'static str,
    /// What was learnt.
    pub text: String,
    /// What it is linked to, named ("1. Kunskapsbaserad …", an activity's or an indicator's
    /// title).
    pub links: Vec<String>,
}

/// The entries (not in the trash) of `area` (all if `None`) dated `from` … `to` (either
/// open), newest first.
#[must_use]
pub fn learning(
    doc: &Doc,
    area: Option<&Id>,
    from: Option<Date>,
    to: Option<Date>,
    lang: Lang,
) -> Vec<LearningRow> {
    let title = |kind: Kind, id: &Id| crate::overview::label(doc, kind, id);
    let mut out: Vec<LearningRow> = doc
        .learning
        .live()
        .filter(|e| e.removed() != Some(&true))
        .filter(|e| area.is_none_or(|a| e.areas().is_some_and(|v| v.contains(a))))
        .filter_map(|e| {
            let date = *e.date()?;
            if from.is_some_and(|f| date < f) || to.is_some_and(|t| date > t) {
                return None;
            }
            let mut links = Vec::new();
            for (kind, ids) in [
                (Kind::Area, e.areas()),
                (Kind::Activity, e.activities()),
                (Kind::Indicator, e.indicators()),
            ] {
                links.extend(ids.into_iter().flatten().filter_map(|i| title(kind, i)));
            }
            Some(LearningRow {
                id: e.id.clone(),
                date,
                entry: e.entry().copied().unwrap_or_default().label(lang),
                text: e.text().cloned().unwrap_or_default(),
                links,
            })
        })
        .collect();
    crate::kernel::order::sort_by(&mut out, |a, b| (b.date, &a.id).cmp(&(a.date, &b.id)));
    out
}

/// A consultation as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConsultationForm {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Sametinget, a sameby or an organisation.
    pub counterpart: Counterpart,
    /// The counterpart's name.
    pub name: String,
    /// The matter.
    pub matter: String,
    /// The matter's record (inspel, case, activity, project), if any.
    pub about: Option<Id>,
    /// How it ended (`None`: not yet).
    pub outcome: Option<Outcome>,
    /// Where it is documented.
    pub reference: String,
}

/// The command adding consultation `id`.
///
/// # Errors
/// [`EditError`] for a date that is none or no counterpart's name.
pub fn add_consultation(id: &Id, f: &ConsultationForm) -> Result<Command<Kind>, EditError> {
    consultation_command(id, f, None)
}

/// The command saving `f` as consultation `id`: a new one, or the changes to the one there
/// (one command, one undo; the fields the form does not show stay as they are).
///
/// # Errors
/// [`EditError`] for a date that is none or no counterpart's name.
pub fn save_consultation(
    doc: &Doc,
    id: &Id,
    f: &ConsultationForm,
) -> Result<Command<Kind>, EditError> {
    let old = doc
        .consultations
        .get(id)
        .filter(|c| c.removed() != Some(&true));
    consultation_command(id, f, old)
}

fn consultation_command(
    id: &Id,
    f: &ConsultationForm,
    old: Option<&Consultation>,
) -> Result<Command<Kind>, EditError> {
    let date = date_of(&f.date)?;
    if f.name.trim().is_empty() {
        return Err(EditError::NoTitle);
    }
    let mut fields = BTreeMap::new();
    fields.insert(Consultation::DATE.name().to_owned(), json!(date));
    fields.insert(
        Consultation::COUNTERPART.name().to_owned(),
        json!(f.counterpart),
    );
    put(&mut fields, Consultation::NAME.name(), &f.name);
    put(&mut fields, Consultation::MATTER.name(), &f.matter);
    put(&mut fields, Consultation::REFERENCE.name(), &f.reference);
    fields.insert(Consultation::OUTCOME.name().to_owned(), json!(f.outcome));
    fields.insert(
        Consultation::ABOUT.name().to_owned(),
        json!(relinked(
            old.and_then(Consultation::about),
            f.about.as_ref()
        )),
    );
    Ok(saved(Kind::Consultation, id, old.is_some(), fields))
}

/// The form showing consultation `c` (the first record it is about).
#[must_use]
pub fn consultation_form(c: &Consultation) -> ConsultationForm {
    ConsultationForm {
        date: c.date().map(ToString::to_string).unwrap_or_default(),
        counterpart: c.counterpart().copied().unwrap_or_default(),
        name: c.name().cloned().unwrap_or_default(),
        matter: c.matter().cloned().unwrap_or_default(),
        about: c.about().and_then(|v| v.first()).cloned(),
        outcome: c.outcome().copied().flatten(),
        reference: c.reference().cloned().unwrap_or_default(),
    }
}

/// The matters marked "kan vara av särskild betydelse för samerna" (inspel, cases, activities,
/// projects, funding applications; not in the trash), kind by kind: kind, id, title.
fn flagged(doc: &Doc) -> Vec<(Kind, &Id, &str)> {
    fn title(t: Option<&String>) -> &str {
        t.map_or("", String::as_str)
    }
    let mut out: Vec<(Kind, &Id, &str)> = Vec::new();
    let keep =
        |sami: Option<&bool>, removed: Option<&bool>| sami == Some(&true) && removed != Some(&true);
    out.extend(
        doc.inspel
            .live()
            .filter(|r| keep(r.sami(), r.removed()))
            .map(|r| (Kind::Inspel, &r.id, title(r.title()))),
    );
    out.extend(
        doc.cases
            .live()
            .filter(|r| keep(r.sami(), r.removed()))
            .map(|r| (Kind::Case, &r.id, title(r.title()))),
    );
    out.extend(
        doc.activities
            .live()
            .filter(|r| keep(r.sami(), r.removed()))
            .map(|r| (Kind::Activity, &r.id, title(r.title()))),
    );
    out.extend(
        doc.projects
            .live()
            .filter(|r| keep(r.sami(), r.removed()))
            .map(|r| (Kind::Project, &r.id, title(r.title()))),
    );
    out.extend(
        doc.applications
            .live()
            .filter(|r| keep(r.sami(), r.removed()))
            .map(|r| (Kind::Application, &r.id, title(r.title()))),
    );
    out
}

/// Whether a consultation in the log settles `matter` (it has an outcome or records an
/// exception, § 4).
#[must_use]
pub fn consulted(doc: &Doc, matter: &Id) -> bool {
    settled(doc).contains(matter)
}

/// The matters a consultation settles: it has an outcome or records an exception (§ 4), and
/// is not in the trash.
fn settled(doc: &Doc) -> BTreeSet<&Id> {
    doc.consultations
        .live()
        .filter(|c| {
            c.removed() != Some(&true)
                && (c.outcome().is_some_and(Option::is_some)
                    || c.exception().is_some_and(|e| !e.trim().is_empty()))
        })
        .filter_map(|c| c.about())
        .flatten()
        .collect()
}

/// The flagged matters no consultation settles yet, kind by kind (the overview's items and the
/// consultation log's warning): kind, id, title.
pub(crate) fn unsettled(doc: &Doc) -> Vec<(Kind, &Id, &str)> {
    let settled = settled(doc);
    let mut out = flagged(doc);
    out.retain(|(_, id, _)| !settled.contains(id));
    out
}

/// The matters marked as of particular importance to the Sami that lack a settled
/// consultation: kind, id, title.
#[must_use]
pub fn unconsulted(doc: &Doc) -> Vec<(Kind, Id, String)> {
    unsettled(doc)
        .into_iter()
        .map(|(k, id, t)| (k, id.clone(), t.to_owned()))
        .collect()
}

/// The matters a consultation can be about: kind, id, title (inspel, cases, activities,
/// projects marked as of particular importance to the Sami, by title).
#[must_use]
pub fn sami_matters(doc: &Doc) -> Vec<(Kind, Id, String)> {
    let mut out: Vec<(Kind, Id, String)> = flagged(doc)
        .into_iter()
        .map(|(k, id, t)| (k, id.clone(), t.to_owned()))
        .collect();
    crate::kernel::order::sort_by(&mut out, |a, b| (&a.2, &a.1).cmp(&(&b.2, &b.1)));
    out
}

/// A peer-exchange meeting as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MeetingForm {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// What it was about.
    pub title: String,
    /// The other region.
    pub region: String,
    /// How it was held.
    pub format: Format,
    /// Who took part.
    pub participants: String,
    /// The politicians' representative.
    pub politician: String,
    /// Notes.
    pub notes: String,
}

/// The command adding meeting `id`.
///
/// # Errors
/// [`EditError`] for a date that is none or no title.
pub fn add_meeting(id: &Id, f: &MeetingForm) -> Result<Command<Kind>, EditError> {
    meeting_command(id, f, false)
}

/// The command saving `f` as meeting `id`: a new one, or the changes to the one there (one
/// command, one undo).
///
/// # Errors
/// [`EditError`] for a date that is none or no title.
pub fn save_meeting(doc: &Doc, id: &Id, f: &MeetingForm) -> Result<Command<Kind>, EditError> {
    let existing = doc
        .meetings
        .get(id)
        .is_some_and(|m| m.removed() != Some(&true));
    meeting_command(id, f, existing)
}

fn meeting_command(id: &Id, f: &MeetingForm, existing: bool) -> Result<Command<Kind>, EditError> {
    let date = date_of(&f.date)?;
    if f.title.trim().is_empty() {
        return Err(EditError::NoTitle);
    }
    let mut fields = BTreeMap::new();
    fields.insert(Meeting::DATE.name().to_owned(), json!(date));
    fields.insert(Meeting::FORMAT.name().to_owned(), json!(f.format));
    for (name, text) in [
        (Meeting::TITLE.name(), &f.title),
        (Meeting::REGION.name(), &f.region),
        (Meeting::PARTICIPANTS.name(), &f.participants),
        (Meeting::POLITICIAN.name(), &f.politician),
        (Meeting::NOTES.name(), &f.notes),
    ] {
        put(&mut fields, name, text);
    }
    Ok(saved(Kind::Meeting, id, existing, fields))
}

/// The form showing meeting `m`.
#[must_use]
pub fn meeting_form(m: &Meeting) -> MeetingForm {
    let text = |t: Option<&String>| t.cloned().unwrap_or_default();
    MeetingForm {
        date: m.date().map(ToString::to_string).unwrap_or_default(),
        title: text(m.title()),
        region: text(m.region()),
        format: m.format().copied().unwrap_or_default(),
        participants: text(m.participants()),
        politician: text(m.politician()),
        notes: text(m.notes()),
    }
}

/// The command putting log entry `id` (a learning entry, a consultation or a meeting) in the
/// trash; any other kind is left as it is (an empty batch).
#[must_use]
pub fn remove(kind: Kind, id: &Id) -> Command<Kind> {
    match kind {
        Kind::Learning => Learning::REMOVED.edit(id, &true),
        Kind::Consultation => Consultation::REMOVED.edit(id, &true),
        Kind::Meeting => Meeting::REMOVED.edit(id, &true),
        _ => Command::Batch {
            commands: Vec::new(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::run;

    fn id(n: u8) -> Id {
        Id::from_random_bytes([n; 16])
    }

    #[test]
    fn learning_entries_filtered_by_area_and_period() {
        let mut d = crate::demo::demo_doc();
        let area = super::super::demo::demo_id(0x12);
        let f = LearningForm {
            date: "2023-05-02".into(),
            entry: EntryKind::Decision,
            text: "Matrisen används i varje beslutsärende".into(),
            area: Some(area.clone()),
            ..LearningForm::default()
        };
        run(&mut d, &add_learning(&id(1), &f).unwrap());
        let all = learning(&d, Some(&area), None, None, Lang::Sv);
        assert_eq!(all.first().map(|r| r.entry), Some("Beslut"));
        assert!(all[0].links[0].starts_with("Systematiskt arbete med målkonflikter"));
        // The period 2023-01-01 … 2023-05-01 ends the day before: not in it.
        let before = learning(
            &d,
            Some(&area),
            Date::new(2023, 1, 1),
            Date::new(2023, 5, 1),
            Lang::Sv,
        );
        assert!(!before.iter().any(|r| r.id == id(1)));
        assert!(matches!(
            add_learning(
                &id(2),
                &LearningForm {
                    date: "2 maj".into(),
                    ..f.clone()
                }
            ),
            Err(EditError::NotADate(_))
        ));
        assert_eq!(
            add_learning(
                &id(2),
                &LearningForm {
                    text: " ".into(),
                    ..f
                }
            ),
            Err(EditError::NoTitle)
        );
    }

    #[test]
    fn a_consultation_with_an_outcome_settles_its_matter() {
        let mut d = crate::demo::demo_doc();
        let project = super::super::demo::demo_id(0x701);
        assert!(unconsulted(&d).iter().any(|(_, i, _)| *i == project));
        assert!(sami_matters(&d).iter().any(|(_, i, _)| *i == project));
        // Held, but no outcome yet: still flagged.
        let mut f = ConsultationForm {
            date: "2021-02-10".into(),
            counterpart: Counterpart::Sameby,
            name: "Njaarke sameby".into(),
            matter: "Projektets insatser i renskötselområdet".into(),
            about: Some(project.clone()),
            ..ConsultationForm::default()
        };
        run(&mut d, &add_consultation(&id(3), &f).unwrap());
        assert!(unconsulted(&d).iter().any(|(_, i, _)| *i == project));
        f.outcome = Some(Outcome::Agreement);
        run(&mut d, &add_consultation(&id(4), &f).unwrap());
        assert!(!unconsulted(&d).iter().any(|(_, i, _)| *i == project));
    }

    #[test]
    fn a_meeting_from_the_form() {
        let f = MeetingForm {
            date: "2021-03-15".into(),
            title: "Politikermöte om omställning".into(),
            region: "Region Västerbotten".into(),
            politician: "Politikerrepresentant (RUN)".into(),
            ..MeetingForm::default()
        };
        let Ok(Command::Create { fields, .. }) = add_meeting(&id(5), &f) else {
            panic!("not created");
        };
        assert_eq!(fields["region"], json!("Region Västerbotten"));
        assert!(!fields.contains_key("notes"));
        assert_eq!(
            add_meeting(
                &id(5),
                &MeetingForm {
                    title: String::new(),
                    ..f
                }
            ),
            Err(EditError::NoTitle)
        );
    }

    #[test]
    fn log_entries_changed_in_place_keep_what_the_form_does_not_show() {
        let mut d = crate::demo::demo_doc();
        let (a1, a2) = (
            super::super::demo::demo_id(0x11),
            super::super::demo::demo_id(0x12),
        );
        let f = LearningForm {
            date: "2023-05-02".into(),
            text: "Första lärdomen".into(),
            area: Some(a1.clone()),
            ..LearningForm::default()
        };
        let next = save_learning(&d, &id(1), &f).unwrap();
        run(&mut d, &next);
        // A second area, as a file could bring: the form shows only the first.
        run(
            &mut d,
            &Learning::AREAS.edit(&id(1), &vec![a1.clone(), a2.clone()]),
        );
        let mut form = learning_form(&d.learning.0[&id(1)]);
        assert_eq!(form, f);
        form.text = "Ändrad lärdom".into();
        form.entry = EntryKind::FollowUp;
        let Ok(cmd @ Command::Batch { .. }) = save_learning(&d, &id(1), &form) else {
            panic!("an existing entry is changed in one step");
        };
        run(&mut d, &cmd);
        let e = &d.learning.0[&id(1)];
        assert_eq!(e.text().map(String::as_str), Some("Ändrad lärdom"));
        assert_eq!(e.entry(), Some(&EntryKind::FollowUp));
        assert_eq!(
            e.areas(),
            Some(&vec![a1.clone(), a2.clone()]),
            "the second area stays"
        );
        // The first area changed to the second: [a2], the second not repeated.
        form.area = Some(a2.clone());
        let next = save_learning(&d, &id(1), &form).unwrap();
        run(&mut d, &next);
        assert_eq!(d.learning.0[&id(1)].areas(), Some(&vec![a2.clone()]));
        // No area: none.
        form.area = None;
        let next = save_learning(&d, &id(1), &form).unwrap();
        run(&mut d, &next);
        assert_eq!(d.learning.0[&id(1)].areas(), Some(&Vec::new()));

        // A consultation's reference emptied is emptied; its §4 exception (not in the form) stays.
        let c = ConsultationForm {
            date: "2021-02-10".into(),
            name: "Sametinget".into(),
            reference: "Dnr 2021/12".into(),
            ..ConsultationForm::default()
        };
        let next = save_consultation(&d, &id(3), &c).unwrap();
        run(&mut d, &next);
        run(
            &mut d,
            &Consultation::EXCEPTION.edit(&id(3), &"Brådskande".to_owned()),
        );
        let mut form = consultation_form(&d.consultations.0[&id(3)]);
        assert_eq!(form, c);
        form.reference = " ".into();
        form.outcome = Some(Outcome::Consent);
        let next = save_consultation(&d, &id(3), &form).unwrap();
        run(&mut d, &next);
        let k = &d.consultations.0[&id(3)];
        assert_eq!(k.reference().map(String::as_str), Some(""));
        assert_eq!(k.outcome(), Some(&Some(Outcome::Consent)));
        assert_eq!(k.exception().map(String::as_str), Some("Brådskande"));

        // A meeting's notes written afterwards.
        let m = MeetingForm {
            date: "2021-03-15".into(),
            title: "Politikermöte".into(),
            ..MeetingForm::default()
        };
        let next = save_meeting(&d, &id(5), &m).unwrap();
        run(&mut d, &next);
        let mut form = meeting_form(&d.meetings.0[&id(5)]);
        assert_eq!(form, m);
        form.notes = "Vi delar matrisen".into();
        let next = save_meeting(&d, &id(5), &form).unwrap();
        run(&mut d, &next);
        assert_eq!(
            d.meetings.0[&id(5)].notes().map(String::as_str),
            Some("Vi delar matrisen")
        );
        // One in the trash is not changed but made anew (a new id is the caller's).
        run(&mut d, &remove(Kind::Meeting, &id(5)));
        assert!(matches!(
            save_meeting(&d, &id(5), &form),
            Ok(Command::Create { .. })
        ));
    }
}
