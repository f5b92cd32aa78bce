//! The module's demo from the seeds: the four action areas of the region's sustainability work
//! (seed 001) with area 1's effect chain and indicators; the activity plan of the
//! påverkansagenda (seed 004, its start–end texts read by [`period`](super::date::period)) and
//! area 1's activities; the collaboration project Miljö- och klimatråd Jämtlands län 2021–2023
//! (seed 000: 1 185 000 kr from the region, co-financed by Länsstyrelsen and 1:1 funds) and the
//! development work itself, whose example budget breaks the call's cap on the region's share;
//! the peer exchange's three politician meetings (seed 003); a learning log and a Sami
//! consultation. Amounts other than the region's 1 185 000 kr and all indicator values are
//! examples, and say so.
use crate::Doc;
use crate::kernel::id::Id;
use crate::kernel::record::Record;

use super::chain::Level;
use super::date::{Date, period};
use super::decimal::Decimal;
use super::funding::{FunderType, Line};
use super::plan::Status;
use super::records::{
    Activity, Area, ChainEdge, ChainNode, Consultation, Counterpart, Direction, EntryKind, Format,
    Indicator, Learning, Measure, Measurement, Meeting, Outcome, Project, ResultChain,
};
use crate::demo::module_reg as reg;
use crate::kernel::reg::{Reg, RegMap};

/// The module's demo ids: `3d5a…` plus a number (areas from 0x10, nodes 0x100, edges 0x200,
/// indicators 0x300, activities 0x400, learning 0x500, consultations 0x600, projects 0x700,
/// budget lines 0x780, meetings 0x800).
#[must_use]
pub fn demo_id(n: u16) -> Id {
    Id::parse(&format!("3d5a7e21-6c0b-4d8f-a1e3-9b4c2d60{n:04x}"))
        .unwrap_or_else(|_| Id::from_random_bytes([0x3d; 16]))
}

/// Number, name, aim (seed 001).
const AREAS: [(u8, &str, &str); 4] = [
    (
        1,
        "Kunskapsbaserad politikutveckling och resultatinriktat genomförande",
        "Systematisera det resultatinriktade genomförandet, uppföljningen och lärandet av våra \
         insatser för hållbar regional utveckling: kartlägga och beskriva nuläget, tydliggöra \
         samiska förutsättningar och roll i det regionala tillväxtarbetet samt utveckla \
         effektkedja och modell för lärande.",
    ),
    (
        2,
        "Systematiskt arbete med målkonflikter",
        "Höja medvetenheten och kunskapen om ekonomisk, social och miljömässig hållbarhet som \
         helhet. När målkonflikter lyfts i de prioriteringar, insatser och ärenden som ska \
         beslutas politiskt ökar medvetenheten om vilka effekter insatserna ger.",
    ),
    (
        3,
        "Hållbarhetssäkring av företagsstöd, projektmedel och kommersiell service",
        "Hållbarhetssäkra finansieringsinstrumenten så att medlen investeras i \
         omställningsfrämjande satsningar i direkt koppling till regionala strategiska mål för \
         hållbar utveckling.",
    ),
    (
        4,
        "Övergripande omställning",
        "Lära av andra regioner och aktörer som arbetar aktivt för att nå hållbar utveckling i \
         sina verksamheter (kollegialt utbyte).",
    ),
];

/// Area 1's chain: id, level, row, text, result chain, Sami.
type NodeRow = (u16, Level, u16, &'static str, Option<ResultChain>, bool);

const NODES: [NodeRow; 9] = [
    (
        0x100,
        Level::Input,
        0,
        "Medel från Tillväxtverket (Vägar till hållbar utveckling) och regionala projektmedel 1:1",
        None,
        false,
    ),
    (
        0x101,
        Level::Activity,
        0,
        "Kartlägga och beskriva nuläget",
        Some(ResultChain::SupportStructures),
        false,
    ),
    (
        0x102,
        Level::Activity,
        1,
        "Tydliggöra samiska förutsättningar och roll i det regionala tillväxtarbetet",
        Some(ResultChain::SupportStructures),
        true,
    ),
    (
        0x103,
        Level::Activity,
        2,
        "Utveckla effektkedja och modell för lärande",
        Some(ResultChain::SupportStructures),
        false,
    ),
    (
        0x104,
        Level::Output,
        0,
        "Nulägesbeskrivning och samiskt perspektiv dokumenterat",
        None,
        false,
    ),
    (
        0x105,
        Level::Output,
        1,
        "Effektkedja och lärandemodell i bruk",
        None,
        false,
    ),
    (
        0x106,
        Level::OutcomeShort,
        0,
        "Genomförande, uppföljning och lärande är systematiserat",
        None,
        false,
    ),
    (
        0x107,
        Level::OutcomeLong,
        0,
        "Ökad regional kapacitet att arbeta med social, ekologisk och ekonomisk hållbarhet som helhet",
        None,
        false,
    ),
    (
        0x108,
        Level::Impact,
        0,
        "Hållbar regional utveckling i Jämtland Härjedalen",
        None,
        false,
    ),
];

/// Area 1's arrows, by node number.
const EDGES: [(u16, u16); 9] = [
    (0x100, 0x101),
    (0x100, 0x102),
    (0x100, 0x103),
    (0x101, 0x104),
    (0x102, 0x104),
    (0x103, 0x105),
    (0x104, 0x106),
    (0x105, 0x106),
    (0x106, 0x107),
];

/// The påverkansagenda's activity plan (seed 004): activity, start and end as the plan writes
/// them, description.
pub const SEED_004: [(&str, &str, &str); 12] = [
    (
        "Formulera förslag till struktur av länsgemensam påverkansagenda",
        "2020-04-07 och 2020-04-24",
        "Utformning av PM som redogör för hur en länsgemensam påverkansagenda skulle kunna utformas och fungera",
    ),
    (
        "Genomförandeplan skickas till Regionens Samverkansråd (RSR)",
        "2020-04-27",
        "Dokumentet skickas ut med kallelsen till RSR",
    ),
    (
        "Förslaget presenteras för RUN:s presidium",
        "2020-04-30",
        "PM presenteras och stäms av på presidieberedningen",
    ),
    (
        "Förslaget till struktur av agenda behandlas på RSR",
        "2020-05-04",
        "Redogörelse för PM och eventuella frågeställningar. Förslaget skickas ut efter presidieberedningsavstämningen",
    ),
    (
        "Förfrågan om inspel från kommunerna",
        "2020-05-08 och 2020-10-02",
        "Länets primärkommuner ombes inkomma med förslag till frågor aktuella för agendan",
    ),
    (
        "Sammanställning av inspel",
        "2020-10-05 och 2020-10-29",
        "Inspelade förslag sammanställs och underlag skickas ut till primärkommunerna",
    ),
    ("Sammanställning skickas till RSR", "2020-10-30", ""),
    (
        "Workshop för att prioritera inspel",
        "2020-11-09",
        "Inkomna inspel diskuteras och prioriteras. Eventuellt begränsas antalet punkter för att nå bättre genomförandekapacitet",
    ),
    (
        "Formulering av läns gemensam påverkansagenda",
        "2020-11-09 och 2020-12-19",
        "Skrivande av agendan",
    ),
    (
        "Arbetet förankras i Länspartnerskapet",
        "2020-11-27",
        "Länspartnerskapet informeras om arbetet och det kommande samrådet",
    ),
    (
        "Samråd med näringsliv, organisationer aktörer",
        "2020-12-19 och 2021-01-29",
        "Förslaget skickas ut för möjlighet till yttranden innan beslut fattas",
    ),
    (
        "Fastställande av läns gemensam påverkansagenda",
        "Första kvartalet 2021",
        "Region Jämtland Härjedalen fastställer agendan politiskt",
    ),
];

fn date(y: u16, m: u8, d: u8) -> Option<Date> {
    Date::new(y, m, d)
}

fn num(s: &str) -> Decimal {
    Decimal::parse(s).unwrap_or_default()
}

/// Adds the module's demo to `doc`.
pub fn add(doc: &mut Doc) {
    add_areas(doc);
    add_chain(doc);
    add_indicators(doc);
    add_activities(doc);
    add_projects(doc);
    add_logs(doc);
}

/// Adds a synthetic area "Skalningstest" whose chain has `nodes` nodes over the seven levels
/// and `edges` forward arrows, and `activities` activities over four years (benchmarks; the
/// limits of the kinds hold).
pub fn add_scaled(doc: &mut Doc, nodes: usize, edges: usize, activities: usize) {
    use super::records::{ACTIVITIES_MAX, EDGES_MAX, NODES_MAX};
    let id = |tag: u8, k: usize| {
        let mut b = [0x5d_u8; 16];
        b[0] = tag;
        b[12..16].copy_from_slice(&u32::try_from(k).unwrap_or(u32::MAX).to_be_bytes());
        Id::from_random_bytes(b)
    };
    let area = id(0xb0, 0);
    let mut a = Area::empty(area.clone());
    a.number = reg(9);
    a.title = reg("Skalningstest".to_owned());
    doc.areas.0.insert(area.clone(), a);
    let n = nodes.min(NODES_MAX);
    let per = n.div_ceil(7).max(1);
    let level_of = |k: usize| Level::ALL[(k / per).min(6)];
    for k in 0..n {
        let mut node = ChainNode::empty(id(0xb1, k));
        node.area = reg(area.clone());
        node.level = reg(level_of(k));
        node.row = reg(u16::try_from(k % per).unwrap_or(0));
        node.title = reg(format!("Nod {:03} i skalningstestet", k + 1));
        doc.chain_nodes.0.insert(node.id.clone(), node);
    }
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |bound: usize| {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        usize::try_from(x >> 33).unwrap_or(0) % bound.max(1)
    };
    let mut made = std::collections::BTreeSet::new();
    let mut tries = 0;
    while made.len() < edges.min(EDGES_MAX) && n > per && tries < edges * 20 {
        tries += 1;
        let from = next(n - per);
        let to = (from / per + 1) * per + next(per);
        if to >= n || !made.insert((from, to)) {
            continue;
        }
        let mut e = ChainEdge::empty(id(0xb2, made.len()));
        e.from = reg(id(0xb1, from));
        e.to = reg(id(0xb1, to));
        doc.chain_edges.0.insert(e.id.clone(), e);
    }
    for k in 0..activities.min(ACTIVITIES_MAX) {
        let start = Date::from_day(19_723 + i64::try_from(next(1_400)).unwrap_or(0));
        let end =
            start.and_then(|s| Date::from_day(s.day() + 1 + i64::try_from(next(120)).unwrap_or(0)));
        let mut act = Activity::empty(id(0xb3, k));
        act.title = reg(format!("Aktivitet {:03} i skalningstestet", k + 1));
        act.area = reg(area.clone());
        act.start = reg(start);
        act.end = reg(end);
        act.status = reg(Status::ALL[k % 4]);
        act.owner = reg(format!("Ansvarig {}", k % 9 + 1));
        doc.activities.0.insert(act.id.clone(), act);
    }
}

fn add_areas(doc: &mut Doc) {
    let goal = crate::conflicts::demo::demo_id;
    let actor = |k: u16| crate::stakeholders::demo::demo_id(0x10 + k);
    for (k, (number, title, aim)) in AREAS.iter().enumerate() {
        let id = demo_id(0x10 + u16::from(*number));
        let mut a = Area::empty(id.clone());
        a.number = reg(*number);
        a.title = reg((*title).to_owned());
        a.aim = reg((*aim).to_owned());
        a.responsible = reg("Projektledare, Hållbar regional utveckling".to_owned());
        a.status = reg(if k == 3 {
            Status::Done
        } else {
            Status::Ongoing
        });
        doc.areas.0.insert(id, a);
    }
    if let Some(a) = doc.areas.0.get_mut(&demo_id(0x11)) {
        a.challenge = reg(
            "Insatserna ska leda till ökad regional kapacitet att arbeta med social, ekologisk \
             och ekonomisk hållbarhet som en helhet (2020–2022)."
                .to_owned(),
        );
        a.description = reg(
            "Finansieras med medel från Tillväxtverket inom utlysningen ”Vägar till hållbar \
             utveckling” samt regionala projektmedel ur anslag 1:1."
                .to_owned(),
        );
        a.goals = reg(vec![goal(0x10), goal(0x16)]);
        a.actors = reg(vec![actor(0), actor(15)]);
    }
    if let Some(a) = doc.areas.0.get_mut(&demo_id(0x12)) {
        a.inspel = reg(vec![crate::prioritisation::demo::demo_id(1)]);
        a.agenda = reg(vec![crate::prioritisation::demo::demo_id(0x0a01)]);
    }
}

fn add_chain(doc: &mut Doc) {
    for (n, level, row, title, chain, sami) in NODES {
        let mut node = ChainNode::empty(demo_id(n));
        node.area = reg(demo_id(0x11));
        node.level = reg(level);
        node.row = reg(row);
        node.title = reg(title.to_owned());
        node.chain = reg(chain);
        if sami {
            node.sami = reg(true);
        }
        doc.chain_nodes.0.insert(node.id.clone(), node);
    }
    // The project's own short chain (a node may belong to a project instead of an area).
    let mut node = ChainNode::empty(demo_id(0x110));
    node.project = reg(demo_id(0x700));
    node.level = reg(Level::Activity);
    node.title = reg("Sekretariat som driver och samordnar Miljö- och klimatrådet".to_owned());
    node.chain = reg(Some(ResultChain::SupportStructures));
    doc.chain_nodes.0.insert(node.id.clone(), node);
    for (k, (from, to)) in EDGES.iter().enumerate() {
        let mut e = ChainEdge::empty(demo_id(0x200 + u16::try_from(k).unwrap_or(0)));
        e.from = reg(demo_id(*from));
        e.to = reg(demo_id(*to));
        doc.chain_edges.0.insert(e.id.clone(), e);
    }
    // In the trash: the long-term outcome's arrow to the impact, so that the demo shows R4 (no
    // activity reaches the impact) until it is restored from the trash.
    let mut e = ChainEdge::empty(demo_id(0x209));
    e.from = reg(demo_id(0x107));
    e.to = reg(demo_id(0x108));
    e.removed = reg(true);
    doc.chain_edges.0.insert(e.id.clone(), e);
}

/// Node, title, unit, measure, direction, baseline year and value, target year and value,
/// values per year (example figures).
type IndicatorRow = (
    u16,
    &'static str,
    &'static str,
    Measure,
    Direction,
    (u16, &'static str),
    (u16, &'static str),
    &'static [(u16, &'static str)],
);

const INDICATORS: [IndicatorRow; 3] = [
    (
        0x106,
        "Andel insatser med effektkedja och uppföljningsplan",
        "%",
        Measure::Percentage,
        Direction::Higher,
        (2020, "10"),
        (2022, "80"),
        &[(2021, "35"), (2022, "62.5")],
    ),
    (
        0x108,
        "Växthusgasutsläpp i länet",
        "kt CO₂e",
        Measure::Unit,
        Direction::Lower,
        (2019, "1000"),
        (2030, "600"),
        &[(2020, "960"), (2021, "985")],
    ),
    (
        0x107,
        "Beslutsärenden där målkonflikter redovisas",
        "ärenden",
        Measure::Unit,
        Direction::Higher,
        (2020, "0"),
        (2022, "40"),
        &[(2021, "12"), (2022, "44")],
    ),
];

fn add_indicators(doc: &mut Doc) {
    for (k, (node, title, unit, measure, direction, base, target, values)) in
        INDICATORS.iter().enumerate()
    {
        let mut i = Indicator::empty(demo_id(0x300 + u16::try_from(k).unwrap_or(0)));
        i.node = reg(demo_id(*node));
        i.title = reg((*title).to_owned());
        i.unit = reg((*unit).to_owned());
        i.measure = reg(*measure);
        i.direction = reg(*direction);
        i.baseline_year = reg(base.0);
        i.baseline = reg(num(base.1));
        i.target_year = reg(target.0);
        i.target = reg(num(target.1));
        let map = values
            .iter()
            .map(|(year, v)| {
                let m = Measurement {
                    value: num(v),
                    source: "Exempelvärde (demo)".to_owned(),
                };
                (
                    year.to_string(),
                    Reg {
                        value: Some(m),
                        stamp: crate::demo::module_stamp(),
                    },
                )
            })
            .collect();
        i.values = Some(RegMap(map));
        doc.indicators.0.insert(i.id.clone(), i);
    }
}

fn add_activities(doc: &mut Doc) {
    for (k, (title, when, description)) in SEED_004.iter().enumerate() {
        let mut a = Activity::empty(demo_id(0x400 + u16::try_from(k).unwrap_or(0)));
        a.title = reg((*title).to_owned());
        a.owner = reg("Regional utvecklingsdirektör".to_owned());
        a.status = reg(Status::Done);
        if let Ok((start, end)) = period(when) {
            a.start = reg(Some(start));
            a.end = reg(Some(end));
        }
        if !description.is_empty() {
            a.description = reg((*description).to_owned());
        }
        doc.activities.0.insert(a.id.clone(), a);
    }
    // Area 1's activities (seed 001), one per chain activity.
    let area = [
        (
            0x420,
            0x101,
            "Nulägesanalys av hållbarhetsarbetet",
            (2021, 1, 11),
            (2021, 6, 30),
            Status::Done,
            false,
        ),
        (
            0x421,
            0x102,
            "Dialog om samiska förutsättningar i det regionala tillväxtarbetet",
            (2021, 3, 1),
            (2022, 3, 31),
            Status::Ongoing,
            true,
        ),
        (
            0x422,
            0x103,
            "Ta fram effektkedja och lärandemodell",
            (2021, 9, 1),
            (2022, 9, 30),
            Status::Ongoing,
            false,
        ),
    ];
    for (id, node, title, s, e, status, sami) in area {
        let mut a = Activity::empty(demo_id(id));
        a.title = reg(title.to_owned());
        a.area = reg(demo_id(0x11));
        a.node = reg(demo_id(node));
        a.owner = reg("Projektledare, Hållbar regional utveckling".to_owned());
        a.status = reg(status);
        a.start = reg(date(s.0, s.1, s.2));
        a.end = reg(date(e.0, e.1, e.2));
        if sami {
            a.sami = reg(true);
        }
        doc.activities.0.insert(a.id.clone(), a);
    }
}

fn line(funder: &str, funder_type: FunderType, year: u16, amount: i64) -> Line {
    Line {
        funder: funder.to_owned(),
        funder_type,
        year,
        amount,
    }
}

fn add_projects(doc: &mut Doc) {
    let actor = |k: u16| crate::stakeholders::demo::demo_id(0x10 + k);
    // Seed 000: the region's 1 185 000 kr over three years; Länsstyrelsen's share and the 1:1
    // funds (decided in RUN/453/2020) are example figures of the same size.
    let mut p = Project::empty(demo_id(0x700));
    p.title = reg("Miljö- och klimatråd Jämtlands län 2021–2023".to_owned());
    p.start = reg(date(2021, 1, 1));
    p.end = reg(date(2023, 12, 31));
    p.description = reg(
        "Samverkansprojekt mellan Region Jämtland Härjedalen och Länsstyrelsen Jämtlands län: ett \
         forum för samverkan om miljö-, klimat- och energiarbetet i länet (RUN/578/2020). \
         Regionens 1 185 000 kr är beslutade; övriga belopp är exempel."
            .to_owned(),
    );
    let mut lines = Vec::new();
    for (k, year) in (2021..=2023).enumerate() {
        lines.push((
            k,
            line(
                "Region Jämtland Härjedalen",
                FunderType::Region,
                year,
                395_000,
            ),
        ));
        lines.push((
            k + 3,
            line(
                "Länsstyrelsen Jämtlands län",
                FunderType::CountyBoard,
                year,
                395_000,
            ),
        ));
        lines.push((
            k + 6,
            line(
                "1:1-medel (RUN/453/2020)",
                FunderType::OneToOne,
                year,
                790_000,
            ),
        ));
    }
    p.cost = reg(4_740_000);
    p.lines = lines_map(0x780, lines);
    p.region_cap = reg(Some(50));
    p.one_to_one = reg(true);
    p.staffing = reg("Sekretariat: regionens 50 %-tjänst växlas upp till heltid.".to_owned());
    p.actors = reg(vec![actor(0), actor(1)]);
    doc.projects.0.insert(p.id.clone(), p);

    // Seed 001: the development work 2020–2022, an example budget in which the region's share
    // (1 800 000 of 3 000 000 = 60 %) breaks the call's cap of 50 %.
    let mut p = Project::empty(demo_id(0x701));
    p.title = reg("Vägar till hållbar utveckling 2020–2022".to_owned());
    p.area = reg(demo_id(0x11));
    p.start = reg(date(2020, 9, 1));
    p.end = reg(date(2022, 9, 30));
    p.description = reg("Utvecklingsarbetet i fyra insatsområden. Exempelbudget.".to_owned());
    p.cost = reg(3_000_000);
    p.lines = lines_map(
        0x790,
        vec![
            (
                0,
                line("Tillväxtverket", FunderType::Other, 2021, 1_200_000),
            ),
            (
                1,
                line(
                    "Region Jämtland Härjedalen (anslag 1:1)",
                    FunderType::Region,
                    2021,
                    1_800_000,
                ),
            ),
        ],
    );
    p.region_cap = reg(Some(50));
    p.eu_cap = reg(None);
    p.sami = reg(true);
    doc.projects.0.insert(p.id.clone(), p);
}

fn lines_map(base: u16, lines: Vec<(usize, Line)>) -> Option<RegMap<Id, Option<Line>>> {
    let map = lines
        .into_iter()
        .map(|(k, l)| {
            let id = demo_id(base + u16::try_from(k).unwrap_or(0));
            (
                id,
                Reg {
                    value: Some(l),
                    stamp: crate::demo::module_stamp(),
                },
            )
        })
        .collect();
    Some(RegMap(map))
}

fn add_logs(doc: &mut Doc) {
    let entries = [
        (
            0x500,
            (2020, 11, 9),
            EntryKind::Observation,
            "Workshopen visade att kommunerna vill se färre och tydligare punkter; prickröstningen gav en tydlig topp sex.",
        ),
        (
            0x501,
            (2021, 6, 30),
            EntryKind::Decision,
            "Effektkedjan för insatsområde 1 antas som arbetsversion och följs upp halvårsvis.",
        ),
        (
            0x502,
            (2022, 1, 20),
            EntryKind::FollowUp,
            "Utsläppen steg 2021 efter pandemiåret; indikatorn ligger efter sin bana.",
        ),
    ];
    for (id, (y, m, d), entry, text) in entries {
        let mut l = Learning::empty(demo_id(id));
        l.date = reg(date(y, m, d).unwrap_or_default());
        l.entry = reg(entry);
        l.text = reg(text.to_owned());
        l.areas = reg(vec![demo_id(0x11)]);
        if id == 0x501 {
            l.activities = reg(vec![demo_id(0x422)]);
        }
        if id == 0x502 {
            l.indicators = reg(vec![demo_id(0x301)]);
        }
        doc.learning.0.insert(l.id.clone(), l);
    }
    let mut c = Consultation::empty(demo_id(0x600));
    c.date = reg(date(2021, 4, 14).unwrap_or_default());
    c.counterpart = reg(Counterpart::Sametinget);
    c.name = reg("Sametinget".to_owned());
    c.matter = reg("Samiska förutsättningar och roll i det regionala tillväxtarbetet".to_owned());
    c.about = reg(vec![demo_id(0x421)]);
    c.participants = reg("Handläggare A (regionen), företrädare för Sametinget".to_owned());
    c.notes = reg(
        "Rennäringens markanvändning ska synas i nulägesanalysen och i effektkedjan.".to_owned(),
    );
    c.outcome = reg(Some(Outcome::Agreement));
    c.reference = reg("Minnesanteckningar, dnr RUN/2021 (exempel)".to_owned());
    doc.consultations.0.insert(c.id.clone(), c);
    // A remiss answer: an exception under §4, recorded with its reason.
    let mut c = Consultation::empty(demo_id(0x601));
    c.date = reg(date(2021, 2, 1).unwrap_or_default());
    c.counterpart = reg(Counterpart::Sameby);
    c.name = reg("Sameby (exempel)".to_owned());
    c.exception = reg("Remissvar: undantag enligt 4 §.".to_owned());
    doc.consultations.0.insert(c.id.clone(), c);
    let meetings = [
        (
            0x800,
            (2021, 1, 28),
            Format::Online,
            "Uppstart: halvdagsträff digitalt kl. 9–12",
        ),
        (
            0x801,
            (2021, 9, 14),
            Format::InPerson,
            "Politikerträff (heldag)",
        ),
        (
            0x802,
            (2022, 4, 5),
            Format::InPerson,
            "Politikerträff (heldag)",
        ),
    ];
    for (id, (y, m, d), format, title) in meetings {
        let mut mt = Meeting::empty(demo_id(id));
        mt.date = reg(date(y, m, d).unwrap_or_default());
        mt.title = reg(title.to_owned());
        mt.region =
            reg("Regionerna i det kollegiala utbytet (Vägar till hållbar utveckling)".to_owned());
        mt.format = reg(format);
        mt.participants = reg("Projektledare, nyckelfunktioner, politikerrepresentant".to_owned());
        mt.politician = reg("Politikerrepresentant (RUN)".to_owned());
        if id == 0x800 {
            mt.notes = reg("Fokus: styrning, ledning och organisation för hållbarhet i det regionala tillväxtarbetet.".to_owned());
        }
        doc.meetings.0.insert(mt.id.clone(), mt);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scaled_chain_and_plan_are_valid_and_of_the_size_asked() {
        let mut d = crate::demo::demo_doc();
        add_scaled(&mut d, 200, 400, 500);
        assert!(d.validate(10).is_empty(), "{:?}", d.validate(10));
        let area = demo_area(&d);
        let (nodes, edges) = super::super::report::chain_of(&d, &area);
        assert_eq!((nodes.len(), edges.len()), (200, 400));
        let plan = d
            .activities
            .live()
            .filter(|a| a.area() == Some(&area))
            .count();
        assert_eq!(plan, 500);
    }

    fn demo_area(d: &Doc) -> Id {
        d.areas
            .live()
            .find(|a| a.number() == Some(&9))
            .map(|a| a.id.clone())
            .unwrap()
    }

    #[test]
    fn the_seed_004_plan_reads_completely() {
        // Every start–end text of seed 004 is a period; "Första kvartalet 2021" is
        // 2021-01-01 … 2021-03-31.
        for (title, when, _) in SEED_004 {
            assert!(period(when).is_ok(), "{title}: {when}");
        }
        let d = crate::demo::demo_doc();
        let last = d
            .activities
            .get(&demo_id(0x40b))
            .and_then(|a| a.end().copied().flatten());
        assert_eq!(last, Date::new(2021, 3, 31));
        assert_eq!(d.areas.0.len(), 4);
        assert!(d.validate(100).is_empty(), "{:?}", d.validate(100));
    }
}
