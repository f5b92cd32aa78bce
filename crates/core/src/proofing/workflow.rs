//! The sustainability-proofing's workflows as commands (each one undo step): a new
//! application, a template copied or changed (a new version; assessments keep their copy), an
//! assessment begun by an assessor on their own tablet, answered, its flags commented, closed
//! once every flag has a comment; two or more assessments compared and agreed into the joint
//! one, the individual ones kept as provenance. And what is read from them: the standing of an
//! assessment (its evaluation and its flags).
use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Value, json};

use super::flags::{Flag, Reveals, flags_in, open};
use super::records::{Application, Assessment, Support, Template};
use super::rules::{Answers, Criteria, Difference, Evaluation, differences, evaluate};
use crate::Doc;
use crate::Kind;
use crate::actions::workflow::{AreaLink, EditError, Named, amount_field, candidates};
use crate::kernel::command::Command;
use crate::kernel::id::Id;
use crate::kernel::lang::{Lang, Localized};

/// Why a proofing step was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProofError {
    /// A field typed wrong (amount, title).
    Field(EditError),
    /// The application is not there (or in the trash).
    NoApplication,
    /// The template is not there (or in the trash).
    NoTemplate,
    /// The assessment is not there (or in the trash).
    NoAssessment,
    /// An assessor's name or role is needed.
    NoAssessor,
    /// Flags without a comment: the assessment cannot be closed.
    OpenFlags(usize),
    /// The assessment is closed: it is no longer changed.
    Closed,
    /// A joint assessment needs at least two assessments of the same application.
    TooFew,
    /// A list of the template form has more lines than a template may hold.
    TooManyLines(usize),
    /// A weighted criterion without a name.
    Unnamed,
    /// A weighted criterion's weight is no whole number 0–100.
    Weight {
        /// The criterion.
        criterion: String,
        /// What was typed.
        text: String,
    },
    /// The highest score is no whole number 1–10.
    Scale(String),
    /// The count rule asks for more points than there are (or no number).
    AtLeast {
        /// What was typed.
        text: String,
        /// How many points there are.
        of: u8,
    },
    /// The criteria are outside their limits.
    Criteria(crate::kernel::check::ProblemKind),
}

impl Localized for ProofError {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::Field(e), _) => e.message(lang),
            (Self::NoApplication, Lang::Sv) => "Ansökan finns inte längre.".into(),
            (Self::NoApplication, Lang::En) => "The application is no longer there.".into(),
            (Self::NoTemplate, Lang::Sv) => "Kriteriemallen finns inte längre.".into(),
            (Self::NoTemplate, Lang::En) => "The criteria template is no longer there.".into(),
            (Self::NoAssessment, Lang::Sv) => "Bedömningen finns inte längre.".into(),
            (Self::NoAssessment, Lang::En) => "The assessment is no longer there.".into(),
            (Self::NoAssessor, Lang::Sv) => {
                "Skriv bedömarens namn eller roll, till exempel Handläggare A.".into()
            }
            (Self::NoAssessor, Lang::En) => {
                "Write the assessor's name or role, for example Officer A.".into()
            }
            (Self::OpenFlags(n), Lang::Sv) => format!(
                "{n} {} saknar kommentar. Ta ställning till varje flagga innan bedömningen avslutas.",
                if *n == 1 { "flagga" } else { "flaggor" }
            ),
            (Self::OpenFlags(n), Lang::En) => format!(
                "{n} {} without a comment. Take a position on every flag before closing the assessment.",
                if *n == 1 { "flag" } else { "flags" }
            ),
            (Self::Closed, Lang::Sv) => "Bedömningen är avslutad och ändras inte längre.".into(),
            (Self::Closed, Lang::En) => "The assessment is closed and no longer changes.".into(),
            (Self::TooFew, Lang::Sv) => {
                "En gemensam bedömning bygger på minst två bedömningar av samma ansökan.".into()
            }
            (Self::TooFew, Lang::En) => {
                "A joint assessment rests on at least two assessments of the same application."
                    .into()
            }
            (Self::TooManyLines(max), Lang::Sv) => {
                format!("En lista i mallen får ha högst {max} rader.")
            }
            (Self::TooManyLines(max), Lang::En) => {
                format!("A list of the template may have at most {max} lines.")
            }
            (Self::Unnamed, Lang::Sv) => "Ett kriterium med vikt saknar namn.".into(),
            (Self::Unnamed, Lang::En) => "A criterion with a weight has no name.".into(),
            (Self::Weight { criterion, text }, Lang::Sv) => format!(
                "Vikten ”{text}” för ”{criterion}” är inget heltal 0–100. Skriv till exempel 30."
            ),
            (Self::Weight { criterion, text }, Lang::En) => format!(
                "The weight “{text}” of “{criterion}” is no whole number 0–100. Write for example 30."
            ),
            (Self::Scale(t), Lang::Sv) => {
                format!("Högsta poäng ”{t}” är inget heltal 1–10. Skriv till exempel 5.")
            }
            (Self::Scale(t), Lang::En) => {
                format!("The highest score “{t}” is no whole number 1–10. Write for example 5.")
            }
            (Self::AtLeast { text, of }, Lang::Sv) => format!(
                "”{text}”: skriv hur många av de {of} prioriteringspunkterna som måste uppfyllas (0–{of})."
            ),
            (Self::AtLeast { text, of }, Lang::En) => format!(
                "“{text}”: write how many of the {of} priority points must be met (0–{of})."
            ),
            (Self::Criteria(p), Lang::Sv) => {
                format!("Mallen kan inte sparas: en rad {}.", p.message(lang))
            }
            (Self::Criteria(p), Lang::En) => {
                format!("The template cannot be saved: a line {}.", p.message(lang))
            }
        }
    }
}

impl From<EditError> for ProofError {
    fn from(e: EditError) -> Self {
        Self::Field(e)
    }
}

/// The command creating application `id`: its title, applicant, kind of support and the
/// amount applied for as typed ("1 200 000 kr").
///
/// # Errors
/// No title, or an amount that is no whole number of kronor.
pub fn new_application(
    id: &Id,
    title: &str,
    applicant: &str,
    support: Support,
    amount: &str,
) -> Result<Command<Kind>, ProofError> {
    let title = title.trim();
    if title.is_empty() {
        return Err(EditError::NoTitle.into());
    }
    let mut fields: BTreeMap<String, Value> = BTreeMap::new();
    fields.insert(Application::TITLE.name().into(), json!(title));
    fields.insert(Application::SUPPORT.name().into(), json!(support));
    if !applicant.trim().is_empty() {
        fields.insert(
            Application::APPLICANT.name().into(),
            json!(applicant.trim()),
        );
    }
    if let Some(a) = amount_field(amount)? {
        fields.insert(Application::AMOUNT.name().into(), json!(a));
    }
    Ok(Command::Create {
        kind: Kind::Application,
        id: id.clone(),
        fields,
    })
}

/// What the application form holds, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ApplicationForm {
    /// What it is for.
    pub title: String,
    /// Who applies.
    pub applicant: String,
    /// The kind of support.
    pub support: Support,
    /// The amount applied for, as typed ("1 200 000").
    pub amount: String,
    /// The co-financing, as typed.
    pub cofinancing: String,
    /// First and last day, `YYYY-MM-DD` or empty.
    pub start: String,
    /// Last day.
    pub end: String,
    /// The municipality.
    pub municipality: String,
    /// An inland municipality.
    pub inland: bool,
    /// What it is.
    pub description: String,
    /// May be of particular importance to the Sami.
    pub sami: bool,
    /// The goal-conflict matrix its goals are checked against.
    pub matrix: Option<Id>,
    /// The collaboration project it belongs to.
    pub project: Option<Id>,
}

/// The form showing application `a`.
#[must_use]
pub fn application_form(a: &Application) -> ApplicationForm {
    let text = |t: Option<&String>| t.cloned().unwrap_or_default();
    let date = |d: Option<&Option<crate::actions::date::Date>>| {
        d.copied()
            .flatten()
            .map(|d| d.to_string())
            .unwrap_or_default()
    };
    let amount = |v: Option<&i64>| v.map(ToString::to_string).unwrap_or_default();
    ApplicationForm {
        title: text(a.title()),
        applicant: text(a.applicant()),
        support: a.support().copied().unwrap_or_default(),
        amount: amount(a.amount()),
        cofinancing: amount(a.cofinancing()),
        start: date(a.start()),
        end: date(a.end()),
        municipality: text(a.municipality()),
        inland: a.inland() == Some(&true),
        description: text(a.description()),
        sami: a.sami() == Some(&true),
        matrix: a.matrix().cloned(),
        project: a.project().cloned(),
    }
}

/// The command saving `form` into application `id` (one command, one undo).
///
/// # Errors
/// No title, an amount that is no whole number of kronor, a date that is none, or an end
/// before the start.
pub fn save_application(id: &Id, form: &ApplicationForm) -> Result<Command<Kind>, ProofError> {
    use crate::actions::workflow::date_field;
    let title = form.title.trim();
    if title.is_empty() {
        return Err(EditError::NoTitle.into());
    }
    let (start, end) = (date_field(&form.start)?, date_field(&form.end)?);
    if let (Some(a), Some(b)) = (start, end)
        && b < a
    {
        return Err(EditError::EndsBeforeStart.into());
    }
    let amount = amount_field(&form.amount)?.unwrap_or(0);
    let cofinancing = amount_field(&form.cofinancing)?.unwrap_or(0);
    let mut commands = vec![
        Application::TITLE.edit(id, &title.to_owned()),
        Application::APPLICANT.edit(id, &form.applicant.trim().to_owned()),
        Application::SUPPORT.edit(id, &form.support),
        Application::AMOUNT.edit(id, &amount),
        Application::COFINANCING.edit(id, &cofinancing),
        Application::START.edit(id, &start),
        Application::END.edit(id, &end),
        Application::MUNICIPALITY.edit(id, &form.municipality.trim().to_owned()),
        Application::INLAND.edit(id, &form.inland),
        Application::DESCRIPTION.edit(id, &form.description.trim().to_owned()),
        Application::SAMI.edit(id, &form.sami),
    ];
    if let Some(m) = &form.matrix {
        commands.push(Application::MATRIX.edit(id, m));
    }
    if let Some(p) = &form.project {
        commands.push(Application::PROJECT.edit(id, p));
    }
    Ok(Command::Batch { commands })
}

/// The links of an application the page changes one by one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppLink {
    /// The regional goals it targets.
    Goals,
    /// The actors behind it.
    Actors,
}

impl AppLink {
    fn of(self, a: &Application) -> Vec<Id> {
        match self {
            Self::Goals => a.goals().cloned(),
            Self::Actors => a.actors().cloned(),
        }
        .unwrap_or_default()
    }
}

/// Application `id`'s links of `which` kind (id, label), and the records it could link to
/// besides.
#[must_use]
pub fn application_links(doc: &Doc, id: &Id, which: AppLink) -> (Named, Named) {
    let linked = doc
        .applications
        .get(id)
        .map(|a| which.of(a))
        .unwrap_or_default();
    let kind = match which {
        AppLink::Goals => AreaLink::Goals,
        AppLink::Actors => AreaLink::Actors,
    };
    candidates(doc, kind)
        .into_iter()
        .partition(|(x, _)| linked.contains(x))
}

/// The command linking application `id` to `other` of `which` kind (`on`) or taking the link
/// away.
#[must_use]
pub fn link_application(doc: &Doc, id: &Id, which: AppLink, other: &Id, on: bool) -> Command<Kind> {
    let mut v = doc
        .applications
        .get(id)
        .map(|a| which.of(a))
        .unwrap_or_default();
    v.retain(|x| x != other);
    if on {
        v.push(other.clone());
    }
    match which {
        AppLink::Goals => Application::GOALS.edit(id, &v),
        AppLink::Actors => Application::ACTORS.edit(id, &v),
    }
}

/// What an application's form can choose: the goal-conflict matrices and the collaboration
/// projects (id, label), each sorted by label.
#[must_use]
pub fn application_choices(doc: &Doc) -> (Named, Named) {
    use crate::kernel::record::RecordInfo;
    macro_rules! labelled {
        ($records:expr) => {{
            let mut v: Named = $records
                .live()
                .filter(|r| r.removed() != Some(&true))
                .map(|r| (r.id.clone(), r.label()))
                .collect();
            crate::kernel::order::sort_by(&mut v, |a, b| (&a.1, &a.0).cmp(&(&b.1, &b.0)));
            v
        }};
    }
    (labelled!(doc.matrices), labelled!(doc.projects))
}

fn live_template<'a>(doc: &'a Doc, id: &Id) -> Result<&'a Template, ProofError> {
    doc.templates
        .get(id)
        .filter(|t| t.removed() != Some(&true))
        .ok_or(ProofError::NoTemplate)
}

fn live_assessment<'a>(doc: &'a Doc, id: &Id) -> Result<&'a Assessment, ProofError> {
    doc.assessments
        .get(id)
        .filter(|a| a.removed() != Some(&true))
        .ok_or(ProofError::NoAssessment)
}

/// The command copying template `from` as `id`: "… (kopia)", version 1, `previous` naming
/// the original.
///
/// # Errors
/// The template is not there.
pub fn copy_template(
    doc: &Doc,
    from: &Id,
    id: &Id,
    lang: Lang,
) -> Result<Command<Kind>, ProofError> {
    let t = live_template(doc, from)?;
    let copy = match lang {
        Lang::Sv => "kopia",
        Lang::En => "copy",
    };
    let mut fields: BTreeMap<String, Value> = BTreeMap::new();
    fields.insert(
        Template::NAME.name().into(),
        json!(format!(
            "{} ({copy})",
            t.name().cloned().unwrap_or_default()
        )),
    );
    fields.insert(Template::VERSION.name().into(), json!(1));
    fields.insert(Template::PREVIOUS.name().into(), json!(from));
    if let Some(s) = t.source() {
        fields.insert(Template::SOURCE.name().into(), json!(s));
    }
    fields.insert(
        Template::CRITERIA.name().into(),
        json!(t.criteria().cloned().unwrap_or_default()),
    );
    Ok(Command::Create {
        kind: Kind::Template,
        id: id.clone(),
        fields,
    })
}

/// The command changing template `id`'s criteria: its version counts up by one. Stored
/// assessments keep the copy they were made with.
///
/// # Errors
/// The template is not there.
pub fn change_template(
    doc: &Doc,
    id: &Id,
    criteria: &Criteria,
) -> Result<Command<Kind>, ProofError> {
    let t = live_template(doc, id)?;
    let next = t.version().copied().unwrap_or(1).saturating_add(1);
    Ok(Command::Batch {
        commands: vec![
            Template::CRITERIA.edit(id, criteria),
            Template::VERSION.edit(id, &next),
        ],
    })
}

/// The command beginning assessment `id` of `application` by `assessor` with `template`: a
/// copy of its criteria and version, answers empty (each DNSH objective not assessed).
///
/// # Errors
/// No assessor, or the application or the template is not there.
pub fn begin(
    doc: &Doc,
    id: &Id,
    application: &Id,
    template: &Id,
    assessor: &str,
) -> Result<Command<Kind>, ProofError> {
    let assessor = assessor.trim();
    if assessor.is_empty() {
        return Err(ProofError::NoAssessor);
    }
    doc.applications
        .get(application)
        .filter(|a| a.removed() != Some(&true))
        .ok_or(ProofError::NoApplication)?;
    let t = live_template(doc, template)?;
    let criteria = t.criteria().cloned().unwrap_or_default();
    let answers = empty_answers(&criteria);
    let mut fields: BTreeMap<String, Value> = BTreeMap::new();
    fields.insert(Assessment::APPLICATION.name().into(), json!(application));
    fields.insert(Assessment::ASSESSOR.name().into(), json!(assessor));
    fields.insert(Assessment::TEMPLATE.name().into(), json!(template));
    fields.insert(
        Assessment::VERSION.name().into(),
        json!(t.version().copied().unwrap_or(1)),
    );
    fields.insert(Assessment::CRITERIA.name().into(), json!(criteria));
    fields.insert(Assessment::ANSWERS.name().into(), json!(answers));
    Ok(Command::Create {
        kind: Kind::Assessment,
        id: id.clone(),
        fields,
    })
}

/// Answers with one unanswered entry per requirement, gate, criterion and point of
/// `criteria`, and each DNSH objective not assessed.
#[must_use]
pub fn empty_answers(criteria: &Criteria) -> Answers {
    use super::rules::{Dnsh, Objective, Scoring};
    let (scores, points) = match &criteria.scoring {
        Scoring::Weighted { criteria, .. } => (vec![None; criteria.len()], Vec::new()),
        Scoring::Count { points, .. } => (Vec::new(), vec![false; points.len()]),
    };
    Answers {
        formal: vec![None; criteria.formal.len()],
        dnsh: Objective::ALL
            .iter()
            .map(|_| (Dnsh::NotAssessed, String::new()))
            .collect(),
        horizontal: vec![[false; 3]; 3],
        regional: vec![None; criteria.regional.len()],
        scores,
        points,
    }
}

/// The command storing `answers` in assessment `id`.
///
/// # Errors
/// The assessment is not there or is closed.
pub fn answer(doc: &Doc, id: &Id, answers: &Answers) -> Result<Command<Kind>, ProofError> {
    let a = live_assessment(doc, id)?;
    if a.closed() == Some(&true) {
        return Err(ProofError::Closed);
    }
    Ok(Assessment::ANSWERS.edit(id, answers))
}

/// The command commenting flag `key` of assessment `id` (an empty comment takes it back).
///
/// # Errors
/// The assessment is not there or is closed.
pub fn comment(doc: &Doc, id: &Id, key: &str, text: &str) -> Result<Command<Kind>, ProofError> {
    let a = live_assessment(doc, id)?;
    if a.closed() == Some(&true) {
        return Err(ProofError::Closed);
    }
    let t = text.trim();
    let value = (!t.is_empty()).then(|| t.to_owned());
    Ok(Assessment::COMMENTS.set(id, &[(key.to_owned(), value)]))
}

/// An assessment's standing: its evaluation against its own copy of the criteria, its flags
/// and those not yet commented.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Standing {
    /// Gates, score, result.
    pub evaluation: Evaluation,
    /// Every flag.
    pub flags: Vec<Flag>,
    /// The keys of the flags without a comment.
    pub open: Vec<String>,
}

/// The standing of assessment `id` (`None` when it or its application is missing).
#[must_use]
pub fn standing(doc: &Doc, id: &Id) -> Option<Standing> {
    standing_in(doc, &mut Reveals::default(), id)
}

/// Assessment `a`'s evaluation with the criteria it was begun with (its result without the
/// flags, which need the matrix).
#[must_use]
pub fn evaluation(a: &Assessment) -> Evaluation {
    let criteria = a.criteria().cloned().unwrap_or_default();
    evaluate(&criteria, &a.answers().cloned().unwrap_or_default())
}

/// [`standing`] with the matrices read once (`reveals`), for a page of many assessments.
pub fn standing_in(doc: &Doc, reveals: &mut Reveals, id: &Id) -> Option<Standing> {
    let a = doc.assessments.get(id)?;
    let app = doc.applications.get(a.application()?)?;
    let evaluation = evaluation(a);
    let flags = flags_in(
        doc,
        reveals,
        app.matrix(),
        app.goals().map_or(&[][..], Vec::as_slice),
        app.sami() == Some(&true),
        a.gap().map_or("", String::as_str),
    );
    let comments = a.comment_map();
    let open = open(&flags, &comments).iter().map(|f| f.key()).collect();
    Some(Standing {
        evaluation,
        flags,
        open,
    })
}

/// The command closing assessment `id`.
///
/// # Errors
/// The assessment is not there, already closed, or has flags without a comment.
pub fn close(doc: &Doc, id: &Id) -> Result<Command<Kind>, ProofError> {
    let a = live_assessment(doc, id)?;
    if a.closed() == Some(&true) {
        return Err(ProofError::Closed);
    }
    let s = standing(doc, id).ok_or(ProofError::NoApplication)?;
    if !s.open.is_empty() {
        return Err(ProofError::OpenFlags(s.open.len()));
    }
    Ok(Assessment::CLOSED.edit(id, &true))
}

/// The individual assessments of `application` (not joint, not in the trash), by assessor.
#[must_use]
pub fn individual<'a>(doc: &'a Doc, application: &Id) -> Vec<&'a Assessment> {
    let mut v: Vec<&Assessment> = doc
        .assessments
        .live()
        .filter(|a| {
            a.removed() != Some(&true)
                && a.joint() != Some(&true)
                && a.application() == Some(application)
        })
        .collect();
    crate::kernel::order::sort_by(&mut v, |a, b| {
        (a.assessor(), &a.id).cmp(&(b.assessor(), &b.id))
    });
    v
}

/// Where two assessments differ: answers item by item (against the first one's criteria),
/// and the flags one commented and the other did not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison {
    /// The answers that differ.
    pub answers: Vec<Difference>,
    /// The results differ (e.g. one fails a gate).
    pub result: bool,
    /// Flag keys commented by exactly one of them.
    pub comments: Vec<String>,
    /// The two used different template versions.
    pub versions: bool,
}

/// Compares assessments `a` and `b`.
///
/// # Errors
/// Either is not there.
pub fn compare(doc: &Doc, a: &Id, b: &Id) -> Result<Comparison, ProofError> {
    let (x, y) = (live_assessment(doc, a)?, live_assessment(doc, b)?);
    let criteria = x.criteria().cloned().unwrap_or_default();
    let (ax, ay) = (
        x.answers().cloned().unwrap_or_default(),
        y.answers().cloned().unwrap_or_default(),
    );
    let (cx, cy) = (x.comment_map(), y.comment_map());
    let mut comments: Vec<String> = cx
        .keys()
        .filter(|k| !cy.contains_key(*k))
        .chain(cy.keys().filter(|k| !cx.contains_key(*k)))
        .cloned()
        .collect();
    comments.sort();
    Ok(Comparison {
        answers: differences(&criteria, &ax, &ay),
        result: evaluation(x).result != evaluation(y).result,
        comments,
        versions: (x.template(), x.version()) != (y.template(), y.version()),
    })
}

/// The command storing the joint assessment `id` of the individual assessments `sources` (at
/// least two, of one application) with the agreed `answers`; it takes the first one's template
/// copy, and the comments every source made (the first source's where they differ).
///
/// # Errors
/// Fewer than two sources, of different applications, or missing.
pub fn agree(
    doc: &Doc,
    id: &Id,
    sources: &[Id],
    answers: &Answers,
    assessor: &str,
) -> Result<Command<Kind>, ProofError> {
    if sources.len() < 2 {
        return Err(ProofError::TooFew);
    }
    let all = sources
        .iter()
        .map(|s| live_assessment(doc, s))
        .collect::<Result<Vec<_>, _>>()?;
    let application = all[0].application().ok_or(ProofError::NoApplication)?;
    if all.iter().any(|a| a.application() != Some(application)) {
        return Err(ProofError::TooFew);
    }
    let assessor = assessor.trim();
    if assessor.is_empty() {
        return Err(ProofError::NoAssessor);
    }
    let mut comments: BTreeMap<String, Option<String>> = BTreeMap::new();
    for a in all.iter().rev() {
        for (k, v) in a.comment_map() {
            comments.insert(k, Some(v));
        }
    }
    let first = all[0];
    let mut fields: BTreeMap<String, Value> = BTreeMap::new();
    fields.insert(Assessment::APPLICATION.name().into(), json!(application));
    fields.insert(Assessment::ASSESSOR.name().into(), json!(assessor));
    if let Some(t) = first.template() {
        fields.insert(Assessment::TEMPLATE.name().into(), json!(t));
    }
    fields.insert(
        Assessment::VERSION.name().into(),
        json!(first.version().copied().unwrap_or(1)),
    );
    fields.insert(
        Assessment::CRITERIA.name().into(),
        json!(first.criteria().cloned().unwrap_or_default()),
    );
    fields.insert(Assessment::ANSWERS.name().into(), json!(answers));
    fields.insert(Assessment::JOINT.name().into(), json!(true));
    fields.insert(Assessment::SOURCES.name().into(), json!(sources));
    let mut commands = vec![Command::Create {
        kind: Kind::Assessment,
        id: id.clone(),
        fields,
    }];
    if !comments.is_empty() {
        let entries: Vec<(String, Option<String>)> = comments.into_iter().collect();
        commands.push(Assessment::COMMENTS.set(id, &entries));
    }
    Ok(Command::Batch { commands })
}

#[cfg(test)]
mod tests {
    use super::super::demo::demo_id;
    use super::super::rules::{Dnsh, Verdict};
    use super::*;
    use crate::demo::run;

    fn id(n: u8) -> Id {
        Id::from_random_bytes([n; 16])
    }

    #[test]
    fn a_changed_template_leaves_a_stored_assessment_as_it_was() {
        let mut d = crate::demo::demo_doc();
        let template = demo_id(0x100);
        let shop = demo_id(0x12);
        let begun = begin(&d, &id(1), &shop, &template, "Handläggare C").unwrap();
        run(&mut d, &begun);
        let before = d.assessments.0[&id(1)].criteria().cloned().unwrap();
        // A stricter template: three criteria must reach delvis. Its version goes 1 → 2.
        let mut stricter = before.clone();
        stricter.min_partly = 3;
        let changed = change_template(&d, &template, &stricter).unwrap();
        run(&mut d, &changed);
        assert_eq!(d.templates.0[&template].version(), Some(&2));
        let a = &d.assessments.0[&id(1)];
        assert_eq!(a.criteria(), Some(&before));
        assert_eq!(a.version(), Some(&1));
        // The copy is version 1 of a template of its own, naming the original.
        let copied = copy_template(&d, &template, &id(2), Lang::Sv).unwrap();
        run(&mut d, &copied);
        let c = &d.templates.0[&id(2)];
        assert_eq!(c.version(), Some(&1));
        assert_eq!(c.previous(), Some(&template));
        assert!(c.name().unwrap().ends_with("(kopia)"));
        assert_eq!(c.criteria(), Some(&stricter));
    }

    #[test]
    fn a_flag_must_be_commented_before_the_assessment_closes() {
        let mut d = crate::demo::demo_doc();
        // The charging application targets RUS 4, which works against RUS 7 (−2).
        let a = demo_id(0x200);
        let s = standing(&d, &a).unwrap();
        assert!(
            s.flags
                .iter()
                .any(|f| matches!(f, Flag::Conflict { score: -2, .. }))
        );
        assert_eq!(close(&d, &a), Err(ProofError::OpenFlags(s.open.len())));
        for key in &s.open {
            let c = comment(
                &d,
                &a,
                key,
                "Etableringarna planeras utanför kalvningsland.",
            )
            .unwrap();
            run(&mut d, &c);
        }
        let c = close(&d, &a).unwrap();
        run(&mut d, &c);
        assert_eq!(standing(&d, &a).unwrap().evaluation.result, Verdict::Passes);
        // Closed: no more answers — refused by the workflow, and by the document itself
        // for any command that would change it (a file or another caller).
        assert_eq!(answer(&d, &a, &Answers::default()), Err(ProofError::Closed));
        let mut clock = crate::kernel::clock::Hlc::new("dev.a");
        let mut st = crate::kernel::command::Stamper {
            clock: &mut clock,
            now_ms: 6,
        };
        let apply = crate::kernel::command::apply;
        let edit = Assessment::GAP.edit(&a, &"Ändrad i efterhand".to_owned());
        assert!(apply(&mut d, &edit, &mut st).is_err());
        assert!(apply(&mut d, &Assessment::CLOSED.edit(&a, &false), &mut st).is_ok());
    }

    #[test]
    fn two_assessors_compared_then_agreed_keep_their_own() {
        let mut d = crate::demo::demo_doc();
        let shop = demo_id(0x12);
        let both: Vec<Id> = individual(&d, &shop).iter().map(|a| a.id.clone()).collect();
        assert_eq!(both, vec![demo_id(0x202), demo_id(0x203)]);
        let cmp = compare(&d, &both[0], &both[1]).unwrap();
        // A scored 4 on the first criterion, B 3; B saw condition 2 and 3 of equal
        // opportunities unmet where A saw condition 3 unmet only: condition 2 differs.
        assert_eq!(
            cmp.answers,
            vec![
                Difference::Horizontal {
                    criterion: super::super::rules::Horizontal::EqualOpportunities,
                    condition: 1
                },
                Difference::Score { index: 0 }
            ]
        );
        assert!(!cmp.versions);
        // Agreed on A's answers with B's score.
        let mut agreed = d.assessments.0[&both[0]].answers().cloned().unwrap();
        agreed.scores[0] = Some(3);
        let joint = agree(&d, &id(9), &both, &agreed, "Gemensam bedömning").unwrap();
        run(&mut d, &joint);
        let j = &d.assessments.0[&id(9)];
        assert_eq!(j.joint(), Some(&true));
        assert_eq!(j.sources(), Some(&both));
        assert_eq!(individual(&d, &shop).len(), 2, "the individual ones stay");
        // 3·3 + 2·4 + 1·4 = 21 of 30 = 70 % ≥ 60 %.
        assert_eq!(
            standing(&d, &id(9)).unwrap().evaluation.result,
            Verdict::Passes
        );
        assert_eq!(
            agree(&d, &id(10), &both[..1], &agreed, "X"),
            Err(ProofError::TooFew)
        );
    }

    #[test]
    fn the_demo_lift_fails_dnsh_despite_the_highest_score() {
        let d = crate::demo::demo_doc();
        let s = standing(&d, &demo_id(0x201)).unwrap();
        assert_eq!(
            s.evaluation.result,
            Verdict::FailsGate {
                gate: super::super::rules::Gate::Dnsh
            }
        );
        assert!(matches!(
            s.evaluation.score,
            super::super::rules::Score::Weighted {
                sum: 30,
                of: 30,
                ..
            }
        ));
        // The closed demo assessments have every flag commented (their keys are written out).
        assert!(s.open.is_empty(), "{:?}", s.flags);
        let klimat = standing(&d, &demo_id(0x204)).unwrap();
        assert!(klimat.open.is_empty(), "{:?}", klimat.flags);
        assert_eq!(klimat.flags.len(), 6, "five of RUS 1 and the Sami flag");
        let ans = d.assessments.0[&demo_id(0x201)].answers().cloned().unwrap();
        assert_eq!(ans.dnsh[5].0, Dnsh::Harm);
    }

    #[test]
    fn an_application_changed_through_its_form_and_its_goals() {
        let mut d = crate::demo::demo_doc();
        let shop = demo_id(0x12);
        let mut f = application_form(&d.applications.0[&shop]);
        assert_eq!(f.amount, "350000");
        f.amount = "400 000 kr".into();
        f.sami = true;
        let c = save_application(&shop, &f).unwrap();
        run(&mut d, &c);
        let a = &d.applications.0[&shop];
        assert_eq!(a.amount(), Some(&400_000));
        assert_eq!(a.sami(), Some(&true));
        // Now of particular importance to the Sami: its assessments get that flag.
        let s = standing(&d, &demo_id(0x202)).unwrap();
        assert!(s.flags.contains(&Flag::Sami));
        f.end = "2024-01-01".into();
        assert_eq!(
            save_application(&shop, &f),
            Err(ProofError::Field(EditError::EndsBeforeStart))
        );
        let goal = crate::conflicts::demo::demo_id(0x13);
        let c = link_application(&d, &shop, AppLink::Goals, &goal, true);
        run(&mut d, &c);
        assert!(d.applications.0[&shop].goals().unwrap().contains(&goal));
        let (on, free) = application_links(&d, &shop, AppLink::Goals);
        assert!(on.iter().any(|(g, _)| *g == goal) && !free.iter().any(|(g, _)| *g == goal));
        let c = link_application(&d, &shop, AppLink::Goals, &goal, false);
        run(&mut d, &c);
        assert!(!d.applications.0[&shop].goals().unwrap().contains(&goal));
        // An actor behind it, from the stakeholder map; the matrix and the project to choose.
        let (_, actors) = application_links(&d, &shop, AppLink::Actors);
        let actor = actors[0].0.clone();
        let c = link_application(&d, &shop, AppLink::Actors, &actor, true);
        run(&mut d, &c);
        assert_eq!(d.applications.0[&shop].actors(), Some(&vec![actor]));
        let (matrices, projects) = application_choices(&d);
        assert!(!matrices.is_empty() && !projects.is_empty());
    }

    #[test]
    fn a_new_application_reads_the_amount_the_swedish_way() {
        let Ok(Command::Create { fields, .. }) = new_application(
            &id(3),
            "Solceller på bygdegården",
            "Bygdegårdsföreningen",
            Support::Project,
            "450 000 kr",
        ) else {
            panic!("not created");
        };
        assert_eq!(fields["amount"], json!(450_000));
        assert_eq!(
            new_application(&id(3), " ", "", Support::Project, ""),
            Err(ProofError::Field(EditError::NoTitle))
        );
        assert!(matches!(
            new_application(&id(3), "X", "", Support::Project, "4,5 miljoner"),
            Err(ProofError::Field(EditError::NotAnAmount(_)))
        ));
    }
}
