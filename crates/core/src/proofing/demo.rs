//! The module's demo in the spirit of the seeds (insatsområde 3 of seed 001): a criteria
//! template (formal requirements, DNSH, the horizontal criteria with the regional programmes'
//! rule, one regional gate, a weighted score with a pass mark) and one with Västerbotten's count
//! rule instead of the score, and four applications —
//! charging infrastructure in a mountain municipality (it targets transport infrastructure,
//! which the demo matrix says works against reindeer husbandry: a conflict flag), a tourism
//! company's investment (a high score, but significant harm to biodiversity fails it), a
//! village shop's commercial service (two assessors who differ, not yet agreed), and the
//! Miljö- och klimatråd project of seed 000 (of particular importance to the Sami: a
//! consultation before the decision; granted). Amounts other than the project's 1 185 000 kr
//! are examples.
use super::records::{Application, Assessment, Decision, Stop, Support, Template};
use super::rules::{Answers, Criteria, Criterion, Dnsh, Level, Objective, Scoring};
use crate::Doc;
use crate::actions::date::Date;
use crate::demo::module_reg as reg;
use crate::kernel::id::Id;
use crate::kernel::record::Record;

/// The module's demo ids: `4e6b…` plus a number (applications from 0x10, templates 0x100,
/// assessments 0x200, the consultation 0x300).
#[must_use]
pub fn demo_id(n: u16) -> Id {
    Id::parse(&format!("4e6b8f32-7d1c-4e9a-b2f4-0c5d3e71{n:04x}"))
        .unwrap_or_else(|_| Id::from_random_bytes([0x4e; 16]))
}

/// The demo template's criteria.
#[must_use]
pub fn criteria() -> Criteria {
    Criteria {
        formal: vec![
            "Sökt belopp står i proportion till aktiviteter och mål".to_owned(),
            "Insatsen når hållbarhetstrappans grundnivå".to_owned(),
        ],
        min_partly: 2,
        one_of_three: Level::Not,
        regional: vec!["Insatsen är jämställdhetsintegrerad".to_owned()],
        scoring: Scoring::Weighted {
            criteria: vec![
                Criterion {
                    name: "Bidrar till RUS-prioriteringarna".to_owned(),
                    weight: 3,
                },
                Criterion {
                    name: "Främjar omställningen".to_owned(),
                    weight: 2,
                },
                Criterion {
                    name: "Genomförbarhet".to_owned(),
                    weight: 1,
                },
            ],
            max: 5,
            pass_at: Some(60),
        },
    }
}

/// The count-rule template's criteria: the formal requirements and gates of [`criteria`], then
/// at least 2 of the priority points (DOMAIN §7; the four that are known).
#[must_use]
pub fn count_criteria() -> Criteria {
    Criteria {
        scoring: Scoring::Count {
            points: vec![
                "Investering i en inlandskommun".to_owned(),
                "Lägre miljöpåverkan".to_owned(),
                "Bättre jämställdhet".to_owned(),
                "Företaget drivs av kvinnor".to_owned(),
            ],
            at_least: 2,
        },
        ..criteria()
    }
}

/// Every DNSH objective screened out with the same reason, but `harm` (objective, evidence).
fn dnsh(harm: Option<(Objective, &str)>) -> Vec<(Dnsh, String)> {
    Objective::ALL
        .into_iter()
        .map(|o| match harm {
            Some((h, why)) if h == o => (Dnsh::Harm, why.to_owned()),
            _ => (
                Dnsh::ScreenedOut,
                "Ingen eller obetydlig förutsebar påverkan (a)".to_owned(),
            ),
        })
        .collect()
}

/// Answers meeting every gate, two horizontal criteria aktivt and one delvis, with `scores`.
fn answers(scores: [u8; 3]) -> Answers {
    Answers {
        formal: vec![Some(true), Some(true)],
        dnsh: dnsh(None),
        horizontal: vec![[true; 3], [true; 3], [true, true, false]],
        regional: vec![Some(true)],
        scores: scores.into_iter().map(Some).collect(),
        points: Vec::new(),
    }
}

type AppRow = (
    u16,
    &'static str,
    &'static str,
    Support,
    i64,
    i64,
    &'static str,
    bool,
    &'static [u16],
    bool,
    Decision,
    &'static str,
);

/// id, title, applicant, support, amount, co-financing, municipality, inland, goals (the
/// conflict demo's ids), Sami, decision, description.
const APPLICATIONS: [AppRow; 4] = [
    (
        0x10,
        "Laddinfrastruktur för elfordon i fjällkommunen",
        "Bergs kommun",
        Support::Project,
        1_200_000,
        1_200_000,
        "Berg",
        true,
        &[0x13],
        false,
        Decision::Open,
        "Snabbladdare vid fyra knutpunkter längs E45 och väg 315 så att besökare och boende kan \
         välja elbil även i fjällen (exempel).",
    ),
    (
        0x11,
        "Ny stollift och utbyggda nedfarter",
        "Fjällanläggningen AB",
        Support::Business,
        2_500_000,
        7_500_000,
        "Åre",
        true,
        &[0x10],
        false,
        Decision::Refused,
        "Turistföretagets investering i en ny stollift och två nedfarter genom orörd fjällbjörkskog \
         (exempel).",
    ),
    (
        0x12,
        "Bybutiken i Hammerdal – varuförsörjning och ombud",
        "Hammerdals Handel ek. för.",
        Support::CommercialService,
        350_000,
        150_000,
        "Strömsund",
        true,
        &[0x10],
        false,
        Decision::Open,
        "Stöd till kyldiskar med lägre energianvändning och ett paketombud så att butiken kan \
         fortsätta vara ortens servicepunkt (exempel).",
    ),
    (
        0x13,
        "Miljö- och klimatråd Jämtlands län 2021–2023",
        "Länsstyrelsen Jämtlands län",
        Support::Project,
        1_185_000,
        3_555_000,
        "Östersund",
        false,
        &[0x10],
        true,
        Decision::Granted,
        "Samverkansprojekt för ett länsgemensamt miljö- och klimatråd med handlingsplan för \
         klimatomställning (seed 000).",
    ),
];

/// Adds the two templates, the four applications and their assessments.
pub fn add(doc: &mut Doc) {
    let goal = crate::conflicts::demo::demo_id;
    let matrix = goal(crate::conflicts::demo::DEMO_MATRIX);
    let template = demo_id(0x100);
    let mut t = Template::empty(template.clone());
    t.name = reg("Projektmedel och företagsstöd – hållbarhetssäkring".to_owned());
    t.version = reg(1);
    t.source = reg(
        "Region Kronobergs metod (med hållplatsen), Tillväxtverkets horisontella kriterier och \
         EU:s princip om att inte orsaka betydande skada (2021/C 58/01)."
            .to_owned(),
    );
    t.criteria = reg(criteria());
    doc.templates.0.insert(template.clone(), t);
    let counted = demo_id(0x101);
    let mut t = Template::empty(counted.clone());
    t.name = reg("Västerbottens prioritering av företagsstöd – räkneregel".to_owned());
    t.version = reg(1);
    t.source = reg(
        "Länsstyrelsen Västerbotten, Prioriteringar av företagsstöd: minst 2 av 12 \
         prioriteringspunkter. Bara fyra av punkterna är kända här; hela listan saknas i \
         underlaget (OPEN-24)."
            .to_owned(),
    );
    t.criteria = reg(count_criteria());
    doc.templates.0.insert(counted, t);

    for (
        id,
        title,
        applicant,
        support,
        amount,
        cofin,
        municipality,
        inland,
        goals,
        sami,
        decision,
        text,
    ) in APPLICATIONS
    {
        let mut a = Application::empty(demo_id(id));
        a.title = reg(title.to_owned());
        a.applicant = reg(applicant.to_owned());
        a.support = reg(support);
        a.amount = reg(amount);
        a.cofinancing = reg(cofin);
        a.start = reg(Date::new(2025, 1, 1));
        a.end = reg(Date::new(2026, 12, 31));
        a.municipality = reg(municipality.to_owned());
        a.inland = reg(inland);
        a.description = reg(text.to_owned());
        a.goals = reg(goals.iter().map(|g| goal(*g)).collect());
        a.matrix = reg(matrix.clone());
        a.sami = reg(sami);
        a.decision = reg(decision);
        if decision == Decision::Granted {
            a.granted = reg(amount);
        }
        doc.applications.0.insert(a.id.clone(), a);
    }
    // The Miljö- och klimatråd application belongs to the collaboration project.
    if let Some(a) = doc.applications.0.get_mut(&demo_id(0x13)) {
        a.project = reg(crate::actions::demo::demo_id(0x700));
    }

    let assess = |doc: &mut Doc, id: u16, app: u16, who: &str, answers: Answers| {
        let mut s = Assessment::empty(demo_id(id));
        s.application = reg(demo_id(app));
        s.assessor = reg(who.to_owned());
        s.template = reg(template.clone());
        s.version = reg(1);
        s.criteria = reg(criteria());
        s.answers = reg(answers);
        doc.assessments.0.insert(s.id.clone(), s);
    };
    // Charging: passes the gates and the score (3·4 + 2·5 + 1·3 = 25 of 30); its conflict flag
    // is not commented yet, so it cannot be closed.
    assess(doc, 0x200, 0x10, "Handläggare A", answers([4, 5, 3]));
    // The lift: the highest scores (30 of 30), but significant harm to biodiversity.
    let mut lift = answers([5, 5, 5]);
    lift.dnsh = dnsh(Some((
        Objective::Biodiversity,
        "Nedfarterna kräver avverkning av 14 ha orörd fjällbjörkskog.",
    )));
    assess(doc, 0x201, 0x11, "Gemensam bedömning", lift);
    if let Some(s) = doc.assessments.0.get_mut(&demo_id(0x201)) {
        s.joint = reg(true);
        s.stop = reg(Some(Stop::End));
        s.stop_reason = reg(
            "Skadan på den biologiska mångfalden kan inte avhjälpas inom projektet.".to_owned(),
        );
    }
    // The shop: two assessors on separate tablets; B scores lower and sees one condition of
    // equal opportunities unmet.
    assess(doc, 0x202, 0x12, "Handläggare A", answers([4, 4, 4]));
    let mut b = answers([3, 4, 4]);
    b.horizontal[2] = [true, false, false];
    assess(doc, 0x203, 0x12, "Handläggare B", b);
    // Miljö- och klimatråd: agreed, the Sami flag commented (a consultation before the
    // decision), closed.
    assess(doc, 0x204, 0x13, "Gemensam bedömning", answers([5, 4, 4]));
    if let Some(s) = doc.assessments.0.get_mut(&demo_id(0x204)) {
        s.joint = reg(true);
        s.stop = reg(Some(Stop::Continue));
    }
    close(
        doc,
        0x201,
        false,
        "Noterad; ansökan faller ändå på skadan för den biologiska mångfalden.",
    );
    close(
        doc,
        0x204,
        true,
        "Samråd med Sametinget före beslut, se samrådsloggen; vägs mot nyttan för klimatomställningen.",
    );
    // That consultation, in the log (about the application, concluded).
    use crate::actions::records::{Consultation, Counterpart, Outcome};
    let mut c = Consultation::empty(demo_id(0x300));
    c.date = reg(Date::new(2020, 3, 2).unwrap_or_default());
    c.counterpart = reg(Counterpart::Sametinget);
    c.name = reg("Sametinget".to_owned());
    c.matter = reg("Miljö- och klimatrådets handlingsplan och renskötselns intressen".to_owned());
    c.about = reg(vec![demo_id(0x13)]);
    c.participants = reg("Handläggare A (regionen), företrädare för Sametinget".to_owned());
    c.outcome = reg(Some(Outcome::Agreement));
    c.reference = reg("Minnesanteckningar (exempel)".to_owned());
    doc.consultations.0.insert(c.id.clone(), c);
}

/// Comments the flags of assessment `id` — those of targeting RUS 1 in the demo matrix: the
/// direct conflict with 0x18, and the paths through 0x13, 0x15, 0x11 and 0x18 — and `sami` if
/// asked, with `comment`, and closes it. The keys are written out (the flags are not computed
/// here, so the first start does not load the matrix analysis); a test checks that none stays
/// open.
fn close(doc: &mut Doc, id: u16, sami: bool, comment: &str) {
    let g = |n: u16| crate::conflicts::demo::demo_id(n).to_string();
    let mut keys = vec![format!("conflict:{}:{}", g(0x10), g(0x18))];
    for (via, to) in [(0x13, 0x16), (0x15, 0x13), (0x11, 0x15), (0x18, 0x17)] {
        keys.push(format!("path:{}:{}:{}", g(0x10), g(via), g(to)));
    }
    if sami {
        keys.push("sami".to_owned());
    }
    let mut comments = crate::kernel::reg::RegMap::default();
    for key in keys {
        comments.0.insert(
            key,
            crate::kernel::reg::Reg {
                value: Some(comment.to_owned()),
                stamp: crate::demo::module_stamp(),
            },
        );
    }
    if let Some(s) = doc.assessments.0.get_mut(&demo_id(id)) {
        s.comments = Some(comments);
        s.closed = reg(true);
    }
}
