//! The module's demo from the seeds (000, 002, 003): the actors of regional collaboration in
//! Jämtland Härjedalen with types and scores, and their relations — the Energikontoret
//! agreement between the region and Kommunförbundet (seed 002), the co-financing of the
//! Miljö- och klimatråd by the region and Länsstyrelsen (seed 000), the attractive-region
//! project's partners, the consultation with Sametinget. A sameby shows where the grid and
//! salience disagree. One contact person, fictitious, so that erasure can be tried.
use crate::Doc;
use crate::kernel::id::Id;
use crate::kernel::record::Record;

use super::actor::{Actor, ActorType, Contact, Relation, RelationType};

use crate::demo::module_reg as reg;

/// The module's demo ids: `7c3b…` plus a number (actors from 0x10, relations from 0x100,
/// the contact 0x200).
#[must_use]
pub fn demo_id(n: u16) -> Id {
    Id::parse(&format!("7c3b0a11-2d4e-4f5a-8b6c-1e2f3a40{n:04x}"))
        .unwrap_or_else(|_| Id::from_random_bytes([0x7c; 16]))
}

/// Name, type, power, interest, legitimacy, urgency, attitude, tags.
type Row = (
    &'static str,
    ActorType,
    u8,
    u8,
    u8,
    u8,
    i8,
    &'static [&'static str],
);

/// The demo's actors.
pub const ACTORS: [Row; 17] = [
    (
        "Region Jämtland Härjedalen",
        ActorType::Region,
        5,
        5,
        5,
        4,
        2,
        &["regional utveckling"],
    ),
    (
        "Länsstyrelsen Jämtlands län",
        ActorType::CountyBoard,
        4,
        4,
        5,
        3,
        1,
        &["miljö och klimat"],
    ),
    (
        "Kommunförbundet Jämtlands län",
        ActorType::Municipality,
        4,
        4,
        5,
        3,
        1,
        &["kommunerna"],
    ),
    (
        "Östersunds kommun",
        ActorType::Municipality,
        4,
        4,
        5,
        3,
        1,
        &["kommunerna"],
    ),
    (
        "Mittuniversitetet",
        ActorType::University,
        3,
        4,
        4,
        2,
        2,
        &["kunskap"],
    ),
    (
        "Energikontoret Jämtland Härjedalen",
        ActorType::Other,
        2,
        5,
        4,
        4,
        2,
        &["energi", "miljö och klimat"],
    ),
    (
        "Länsförsäkringar Jämtland",
        ActorType::Company,
        3,
        3,
        3,
        2,
        1,
        &["attraktiv region"],
    ),
    ("Jämtkraft", ActorType::Company, 4, 4, 3, 3, 1, &["energi"]),
    (
        "IUC Z-Group",
        ActorType::InterestGroup,
        2,
        4,
        3,
        3,
        1,
        &["näringsliv"],
    ),
    (
        "Samling Näringsliv",
        ActorType::InterestGroup,
        3,
        4,
        3,
        3,
        1,
        &["näringsliv", "attraktiv region"],
    ),
    (
        "Företagarna Jämtlands län",
        ActorType::InterestGroup,
        2,
        4,
        4,
        3,
        0,
        &["näringsliv"],
    ),
    (
        "Handelskammaren Mittsverige",
        ActorType::InterestGroup,
        3,
        3,
        4,
        2,
        0,
        &["näringsliv"],
    ),
    (
        "Trafikverket",
        ActorType::Agency,
        5,
        3,
        5,
        2,
        0,
        &["transporter"],
    ),
    ("SJ", ActorType::Company, 3, 2, 3, 2, 0, &["transporter"]),
    (
        "Tillväxtverket",
        ActorType::Agency,
        4,
        3,
        5,
        2,
        1,
        &["finansiering"],
    ),
    (
        "Sametinget",
        ActorType::Sami,
        3,
        5,
        5,
        5,
        0,
        &["samiska villkor"],
    ),
    (
        "Handölsdalens sameby",
        ActorType::Sami,
        2,
        5,
        5,
        4,
        -1,
        &["samiska villkor", "rennäring"],
    ),
];

/// From, to (indices into [`ACTORS`]), type, weight, mutual, note.
const RELATIONS: [(usize, usize, RelationType, u8, bool, &str); 21] = [
    (
        0,
        2,
        RelationType::Collaboration,
        3,
        true,
        "Samverkansavtal om Energikontoret: finansieringen delas mellan länets kommuner och regionen, styrning via ett samverkansråd.",
    ),
    (
        0,
        5,
        RelationType::Funding,
        3,
        false,
        "Huvudman och finansiär.",
    ),
    (
        2,
        5,
        RelationType::Funding,
        2,
        false,
        "Kommunernas andel enligt samverkansavtalet.",
    ),
    (
        0,
        1,
        RelationType::Funding,
        3,
        true,
        "Samfinansiering av Miljö- och klimatråd Jämtlands län 2021–2023.",
    ),
    (
        0,
        4,
        RelationType::Collaboration,
        2,
        true,
        "Kunskapsunderlag och uppföljning.",
    ),
    (0, 3, RelationType::Collaboration, 2, true, ""),
    (
        3,
        2,
        RelationType::Collaboration,
        2,
        true,
        "Medlem i Kommunförbundet.",
    ),
    (
        14,
        0,
        RelationType::Funding,
        2,
        false,
        "Regionalfondsmedel och uppdrag om hållbar regional utveckling.",
    ),
    (
        12,
        0,
        RelationType::Decision,
        2,
        false,
        "Nationell plan för transportinfrastrukturen.",
    ),
    (
        0,
        12,
        RelationType::Information,
        2,
        false,
        "Länsplanens prioriteringar.",
    ),
    (13, 12, RelationType::Information, 1, true, ""),
    (
        7,
        5,
        RelationType::Collaboration,
        2,
        true,
        "Energieffektivisering och förnybart.",
    ),
    (
        6,
        0,
        RelationType::Collaboration,
        1,
        true,
        "Partner i projektet Attraktiv region.",
    ),
    (
        9,
        0,
        RelationType::Collaboration,
        2,
        true,
        "Partner i projektet Attraktiv region.",
    ),
    (10, 9, RelationType::Collaboration, 1, true, ""),
    (11, 9, RelationType::Collaboration, 1, true, ""),
    (
        8,
        4,
        RelationType::Collaboration,
        2,
        true,
        "Industrinära forskning och kompetens.",
    ),
    (
        8,
        0,
        RelationType::Information,
        1,
        false,
        "Företagens behov av kompetensförsörjning.",
    ),
    (
        15,
        0,
        RelationType::Information,
        2,
        true,
        "Konsultation enligt lag (2022:66).",
    ),
    (
        16,
        1,
        RelationType::Information,
        1,
        false,
        "Renskötselns markanvändning.",
    ),
    (
        16,
        7,
        RelationType::Conflict,
        2,
        true,
        "Markanvändning vid vindkraftsetablering.",
    ),
];

/// Adds the module's demo to `doc` (after the goal-conflict demo, whose goals it links).
pub fn add(doc: &mut Doc) {
    for (k, (name, kind, p, i, l, u, att, tags)) in ACTORS.iter().enumerate() {
        let id = demo_id(0x10 + u16::try_from(k).unwrap_or(0));
        let mut a = Actor::empty(id.clone());
        a.name = reg((*name).to_owned());
        a.actor_type = reg(*kind);
        a.power = reg(*p);
        a.interest = reg(*i);
        a.legitimacy = reg(*l);
        a.urgency = reg(*u);
        a.attitude = reg(*att);
        a.tags = reg(tags.iter().map(|t| (*t).to_owned()).collect());
        doc.actors.0.insert(id, a);
    }
    let actor = |k: usize| demo_id(0x10 + u16::try_from(k).unwrap_or(0));
    // Links to the goal-conflict demo's goals: the region to the green transition (RUS 1),
    // the sameby and Sametinget to reindeer-husbandry land use (RUS 7).
    let link = |doc: &mut Doc, k: usize, goal: u16| {
        let goal = crate::conflicts::demo::demo_id(goal);
        if doc.goals.0.contains_key(&goal)
            && let Some(a) = doc.actors.0.get_mut(&actor(k))
        {
            let mut goals = a.goals().cloned().unwrap_or_default();
            goals.push(goal);
            a.goals = reg(goals);
        }
    };
    link(doc, 0, 0x10);
    link(doc, 15, 0x16);
    link(doc, 16, 0x16);
    if let Some(a) = doc.actors.0.get_mut(&actor(5)) {
        a.description = reg("Regionalt energikontor; placering, finansiering och styrning utreddes inför 2024 (seed 002).".to_owned());
    }
    for (k, (from, to, kind, weight, mutual, note)) in RELATIONS.iter().enumerate() {
        let id = demo_id(0x100 + u16::try_from(k).unwrap_or(0));
        let mut r = Relation::empty(id.clone());
        r.from = reg(actor(*from));
        r.to = reg(actor(*to));
        r.relation_type = reg(*kind);
        r.weight = reg(*weight);
        r.mutual = reg(*mutual);
        if !note.is_empty() {
            r.note = reg((*note).to_owned());
        }
        doc.relations.0.insert(id, r);
    }
    let c = demo_id(0x200);
    let mut contact = Contact::empty(c.clone());
    contact.actor = reg(actor(5));
    contact.name = reg("Kim Exempelsson".to_owned());
    contact.role = reg("Energi- och klimatrådgivare".to_owned());
    contact.email = reg("kim.exempelsson@example.se".to_owned());
    contact.phone = reg("063-000 00 00".to_owned());
    doc.contacts.0.insert(c, contact);
}

/// A synthetic map for load tests and benchmarks (`vagval demo --actors N --relations M`):
/// `n` actors (at most [`ACTORS_MAX`](super::actor::ACTORS_MAX)) of every type with scores
/// spread over the scales, and `m` relations (at most
/// [`RELATIONS_MAX`](super::actor::RELATIONS_MAX)) between distinct actors, chosen by a fixed
/// linear congruential sequence so the same numbers give the same map. No saved positions.
pub fn add_scaled(doc: &mut Doc, n: usize, m: usize) {
    use super::actor::{ACTORS_MAX, RELATIONS_MAX};
    let n = n.min(ACTORS_MAX);
    let m = if n < 2 { 0 } else { m.min(RELATIONS_MAX) };
    let id = |k: usize| {
        let mut b = [0x5c_u8; 16];
        b[0] = 0xa0;
        b[12..16].copy_from_slice(&u32::try_from(k).unwrap_or(u32::MAX).to_be_bytes());
        Id::from_random_bytes(b)
    };
    let score = |k: usize, salt: usize| u8::try_from((k * 7 + salt * 3) % 5 + 1).unwrap_or(1);
    for k in 0..n {
        let mut a = Actor::empty(id(k));
        a.name = reg(format!("Aktör {:04}", k + 1));
        a.actor_type = reg(ActorType::ALL[k % ActorType::ALL.len()]);
        a.power = reg(score(k, 0));
        a.interest = reg(score(k, 1));
        a.legitimacy = reg(score(k, 2));
        a.urgency = reg(score(k, 3));
        a.attitude = reg(i8::try_from(k % 5).unwrap_or(0) - 2);
        a.tags = reg(vec![format!("grupp {}", k % 6 + 1)]);
        doc.actors.0.insert(id(k), a);
    }
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |bound: usize| {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        usize::try_from(x >> 33).unwrap_or(0) % bound
    };
    for k in 0..m {
        let from = next(n);
        let to = (from + 1 + next(n - 1)) % n;
        let rid = id(0x0100_0000 + k);
        let mut r = Relation::empty(rid.clone());
        r.from = reg(id(from));
        r.to = reg(id(to));
        r.relation_type = reg(RelationType::ALL[k % RelationType::ALL.len()]);
        r.weight = reg(u8::try_from(k % 3 + 1).unwrap_or(1));
        r.mutual = reg(k % 2 == 0);
        doc.relations.0.insert(rid, r);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scaled_map_is_valid_at_the_benchmark_size_and_at_the_limits() {
        let mut doc = crate::demo::demo_doc();
        add_scaled(&mut doc, 300, 1_000);
        assert_eq!(doc.actors.0.len(), ACTORS.len() + 300);
        assert_eq!(doc.relations.0.len(), RELATIONS.len() + 1_000);
        assert_eq!(doc.validate(20), Vec::new());
        // At the limits (a workspace without the map demo): 1 000 actors, 5 000 relations.
        let mut full = crate::prioritisation::demo::demo_doc();
        add_scaled(&mut full, 5_000, 50_000);
        assert_eq!(
            (full.actors.0.len(), full.relations.0.len()),
            (1_000, 5_000)
        );
        assert_eq!(full.validate(20), Vec::new());
    }
    use crate::stakeholders::classes::{Disagreement, Thresholds, disagree, quadrant, salience};

    #[test]
    fn the_demo_is_valid_and_the_sameby_shows_the_disagreement() {
        let doc = crate::demo::demo_doc();
        assert_eq!(doc.actors.0.len(), ACTORS.len());
        assert_eq!(doc.relations.0.len(), RELATIONS.len());
        assert_eq!(doc.validate(20), Vec::new());
        // Handölsdalens sameby: power 2, interest 5 → keep informed; legitimacy 5, urgency 4
        // → dependent: the grid puts it too low.
        let (_, _, p, i, l, u, _, _) = ACTORS[16];
        let t = Thresholds::default();
        assert_eq!(
            disagree(quadrant(p, i, t), salience(p, l, u, t)),
            Some(Disagreement::GridTooLow)
        );
    }
}
