//! The demo workspace, built from the Swedish seed documents in `shared/seeds`: Region
//! Jämtland Härjedalen's länsgemensamma påverkansagenda (seed 004: inspel on
//! infrastructure, tax base, broadband and the like from the county's eight municipalities)
//! within "Vägar till hållbar utveckling" (seed 001). Named people's contact details from
//! the seeds are deliberately left out.
//!
//! Ids and stamps are fixed, so demo files from different devices merge into one workspace
//! without conflicts.
use crate::clock::Stamp;
use crate::crdt::{Record, Reg};
use crate::doc::Doc;
use crate::id::Id;
use crate::model::{Agenda, Dimension, Inspel, Municipality, Status};
use crate::round::{Ballot, Origin, Round, RoundStatus, ballot_id};
use crate::select::Capacity;
use crate::vote::{Answer, Method};

/// The demo workspace's id.
pub const DEMO_ID: &str = "5f0c6d2e-8a41-4c1b-9d3e-2a7b6c9e1f40";

/// The demo's finished voting round (the workshop of 9 November 2020).
pub const DEMO_ROUND: &str = "5f0c6d2e-8a41-4c1b-9d3e-2a7b6c9e2020";

/// A demo ballot: participant code, municipality, and (inspel number, dots).
type DemoBallot = (&'static str, Municipality, &'static [(u16, u32)]);

/// The demo ballots: five dots each, at most three on one inspel.
const BALLOTS: &[DemoBallot] = &[
    ("Berg 1", Municipality::Berg, &[(3, 3), (2, 1), (4, 1)]),
    ("Bräcke 1", Municipality::Bracke, &[(7, 2), (1, 2), (4, 1)]),
    ("Härjedalen 1", Municipality::Harjedalen, &[(4, 3), (2, 2)]),
    ("Krokom 1", Municipality::Krokom, &[(5, 2), (1, 2), (2, 1)]),
    (
        "Ragunda 1",
        Municipality::Ragunda,
        &[(12, 2), (6, 2), (3, 1)],
    ),
    (
        "Strömsund 1",
        Municipality::Stromsund,
        &[(2, 3), (11, 1), (6, 1)],
    ),
    ("Åre 1", Municipality::Are, &[(8, 2), (1, 2), (5, 1)]),
    ("Östersund 1", Municipality::Ostersund, &[(1, 3), (9, 2)]),
    (
        "Östersund 2",
        Municipality::Ostersund,
        &[(1, 2), (10, 2), (2, 1)],
    ),
    (
        "Regionen 1",
        Municipality::Region,
        &[(10, 2), (2, 2), (1, 1)],
    ),
    (
        "Regionen 2",
        Municipality::Region,
        &[(1, 2), (4, 2), (3, 1)],
    ),
    (
        "Strömsund 2",
        Municipality::Stromsund,
        &[(2, 2), (6, 2), (11, 1)],
    ),
];

/// All demo values carry this stamp: 2020-11-09 (the prioritisation workshop), actor `demo`.
#[must_use]
pub fn demo_stamp() -> Stamp {
    Stamp(1_604_880_000_000, 0, "demo".to_owned())
}

pub(crate) fn demo_id(n: u16) -> Id {
    let text = format!("5f0c6d2e-8a41-4c1b-9d3e-2a7b6c9e{n:04x}");
    Id::parse(&text).unwrap_or_else(|_| Id::from_random_bytes([0x5f; 16]))
}

/// (title, municipality, organisation, theme, dimensions, description)
type Seed = (
    &'static str,
    Municipality,
    &'static str,
    &'static str,
    &'static [Dimension],
    &'static str,
);

const INSPEL: &[Seed] = &[
    (
        "Dubbelspår och högre hastighet på Mittbanan",
        Municipality::Ostersund,
        "Östersunds kommun",
        "Infrastruktur",
        &[Dimension::Economic, Dimension::Ecological],
        "Kapaciteten på Mittbanan Sundsvall–Östersund–Storlien behöver byggas ut för att fler ska kunna pendla och för att gods ska kunna flyttas från väg till järnväg.",
    ),
    (
        "Bredband till hela landsbygden",
        Municipality::Stromsund,
        "Strömsunds kommun",
        "Digital infrastruktur",
        &[Dimension::Social, Dimension::Economic],
        "Statligt stöd till bredbandsutbyggnad behöver nå glesbygden där marknaden inte bygger, så att företag och hushåll får likvärdiga villkor.",
    ),
    (
        "Förändrad skattebas och kommunal utjämning för glesbygd",
        Municipality::Berg,
        "Bergs kommun",
        "Skattebas och finansiering",
        &[Dimension::Economic, Dimension::Social],
        "Utjämningssystemet behöver bättre spegla kostnaderna för service i glest befolkade kommuner med stor andel fritidsboende.",
    ),
    (
        "Underhåll av det finmaskiga vägnätet",
        Municipality::Harjedalen,
        "Härjedalens kommun",
        "Infrastruktur",
        &[Dimension::Economic, Dimension::Social],
        "Enskilda vägar och det lågtrafikerade statliga vägnätet är livsnerven för skogsnäring, turism och boende; underhållet behöver långsiktig finansiering.",
    ),
    (
        "Mobiltäckning längs stråken och i fjällen",
        Municipality::Krokom,
        "Krokoms kommun",
        "Digital infrastruktur",
        &[Dimension::Social],
        "Täckningskrav i frekvensauktioner behöver omfatta de vägar, leder och besöksmål där människor faktiskt rör sig.",
    ),
    (
        "Kommersiell service på landsbygden",
        Municipality::Ragunda,
        "Ragunda kommun",
        "Service",
        &[Dimension::Social, Dimension::Economic],
        "Stödet till dagligvarubutiker och drivmedel på landsbygden behöver förstärkas och bli mer förutsägbart.",
    ),
    (
        "Godstrafik och persontrafik på Inlandsbanan",
        Municipality::Bracke,
        "Bräcke kommun",
        "Infrastruktur",
        &[Dimension::Ecological, Dimension::Economic],
        "Inlandsbanan behöver upprustning så att skogsråvara och turister kan resa på räls genom länet.",
    ),
    (
        "Hållbar besöksnäring och säsongsanpassade regler",
        Municipality::Are,
        "Åre kommun",
        "Näringsliv",
        &[
            Dimension::Economic,
            Dimension::Ecological,
            Dimension::Social,
        ],
        "Regelverk för boende, arbetskraft och infrastruktur behöver ta hänsyn till besöksnäringens stora säsongsvariationer.",
    ),
    (
        "Flygtrafik Östersund–Stockholm med allmän trafikplikt",
        Municipality::Ostersund,
        "Östersunds kommun",
        "Infrastruktur",
        &[Dimension::Economic],
        "Tillgängligheten till huvudstaden är avgörande för näringsliv och offentlig verksamhet; trafikplikt kan behövas när marknaden sviktar.",
    ),
    (
        "Högre utbildning och kompetensförsörjning på distans",
        Municipality::Region,
        "Region Jämtland Härjedalen",
        "Kompetensförsörjning",
        &[Dimension::Social, Dimension::Economic],
        "Lärosätenas uppdrag och finansiering behöver göra det möjligt att studera på distans och lokalt i hela länet.",
    ),
    (
        "Fler statliga arbetstillfällen i länet",
        Municipality::Stromsund,
        "Strömsunds kommun",
        "Skattebas och finansiering",
        &[Dimension::Economic, Dimension::Social],
        "Omlokalisering av statliga jobb stärker skattebasen och ger fler möjlighet att bo kvar.",
    ),
    (
        "Vattenkraftens värden ska stanna i bygden",
        Municipality::Ragunda,
        "Ragunda kommun",
        "Energi",
        &[Dimension::Economic, Dimension::Ecological],
        "En del av värdet av vattenkraften som produceras i länet bör återföras till de kommuner som bär dess påverkan.",
    ),
];

fn reg<T>(value: T) -> Option<Reg<T>> {
    Some(Reg {
        value,
        stamp: demo_stamp(),
    })
}

/// The demo workspace shown on first start.
#[must_use]
pub fn demo_doc() -> Doc {
    let id = demo_id(0x1f40);
    let mut doc = Doc::new(id, "Påverkansagenda Jämtland Härjedalen 2020", demo_stamp());
    doc.meta.organisation =
        reg("Region Jämtland Härjedalen – regionala utvecklingsnämnden (RUN)".to_owned());
    doc.meta.description = reg(
        "Länsgemensam påverkansagenda: inspel från länets kommuner sammanställs, prioriteras i \
         workshop, begränsas till det som går att genomföra, skrivs in i agendan, går på samråd och \
         fastställs politiskt. Arbetet ingår i utvecklingsarbetet \u{201d}Vägar till hållbar \
         utveckling\u{201d} med fyra insatsområden."
            .to_owned(),
    );
    for (i, (title, municipality, organisation, theme, dims, description)) in
        INSPEL.iter().enumerate()
    {
        let n = u16::try_from(i + 1).unwrap_or(u16::MAX);
        let mut r = Inspel::empty(demo_id(n));
        r.title = reg((*title).to_owned());
        r.description = reg((*description).to_owned());
        r.organisation = reg((*organisation).to_owned());
        r.municipality = reg(*municipality);
        r.theme = reg((*theme).to_owned());
        r.dimensions = reg(dims.to_vec());
        r.status = reg(Status::Compiled);
        doc.inspel.0.insert(r.id.clone(), r);
    }
    add_round(&mut doc);
    add_agenda(&mut doc);
    doc
}

/// The first agenda points written from the workshop's top three, before the consultation
/// (seed 004: samråd 2020-12-19 – 2021-01-29, adopted by the region in the first quarter of 2021).
fn add_agenda(doc: &mut Doc) {
    const POINTS: [(u16, u16, &str); 3] = [
        (
            0x0a01,
            1,
            "Utbyggd kapacitet på Mittbanan för pendling och gods",
        ),
        (0x0a02, 2, "Bredband och mobiltäckning i hela länet"),
        (
            0x0a03,
            4,
            "Långsiktig finansiering av det finmaskiga vägnätet",
        ),
    ];
    for (id, inspel, text) in POINTS {
        let mut a = Agenda::empty(demo_id(id));
        a.text = reg(text.to_owned());
        a.owner = reg("Region Jämtland Härjedalen".to_owned());
        a.inspel = reg(vec![demo_id(inspel)]);
        doc.agenda.0.insert(a.id.clone(), a);
        if let Some(i) = doc.inspel.0.get_mut(&demo_id(inspel)) {
            i.status = reg(Status::InAgenda);
        }
    }
}

/// The workshop round of seed 004: dot voting, capped to the six best points.
fn add_round(doc: &mut Doc) {
    let Ok(round_id) = Id::parse(DEMO_ROUND) else {
        return;
    };
    let mut round = Round::empty(round_id.clone());
    round.title = reg("Workshop 9 november 2020 – prickröstning".to_owned());
    round.items = reg(doc.inspel.0.keys().cloned().collect());
    round.method = reg(Method::Dots {
        budget: 5,
        cap: 3,
        all_required: true,
    });
    round.seed = reg("2020-11-09 RUN:s presidium, tärning 4".to_owned());
    round.capacity = reg(Some(Capacity::TopN { n: 6 }));
    round.status = reg(RoundStatus::Closed);
    let hash = round.rules_hash();
    for (participant, municipality, dots) in BALLOTS {
        let answer = Answer::Allocation(dots.iter().map(|(n, d)| (demo_id(*n), *d)).collect());
        let b = tablet_ballot(
            &round_id,
            &hash,
            participant,
            *municipality,
            answer,
            DEMO_DEVICE,
        );
        doc.ballots.0.insert(b.id.clone(), b);
    }
    doc.rounds.0.insert(round_id, round);
}

/// The device the demo ballots are cast on: the actor of [`demo_stamp`], so that each ballot's
/// id is recomputable from its content and stamp (`round::content_id`).
const DEMO_DEVICE: &str = "demo";

/// A ballot cast on a tablet at the demo workshop's time.
fn tablet_ballot(
    round: &Id,
    hash: &str,
    participant: &str,
    municipality: Municipality,
    answer: Answer,
    device: &str,
) -> Ballot {
    let id = ballot_id(
        round,
        participant,
        &answer,
        hash,
        Origin::Tablet,
        &[],
        1_604_916_000_000,
        device,
    );
    let mut b = Ballot::empty(id);
    b.round = reg(round.clone());
    b.participant = reg(participant.to_owned());
    b.municipality = reg(Some(municipality));
    b.answer = reg(answer);
    b.rules_hash = reg(hash.to_owned());
    b.origin = reg(Origin::Tablet);
    b.supersedes = reg(Vec::new());
    b.cast_at = reg(1_604_916_000_000);
    b
}

/// Municipalities in the order the synthetic data cycles through them.
const CYCLE: [Municipality; 9] = [
    Municipality::Berg,
    Municipality::Bracke,
    Municipality::Harjedalen,
    Municipality::Krokom,
    Municipality::Ragunda,
    Municipality::Stromsund,
    Municipality::Are,
    Municipality::Ostersund,
    Municipality::Region,
];

/// Adds an open dot-voting round `…-9000-<n>` titled `title` over `items` with one tablet
/// ballot (5 dots, at most 3 per inspel) for each participant number in `voters`.
fn dot_round(doc: &mut Doc, n: u32, title: &str, items: &[Id], voters: std::ops::Range<usize>) {
    let Ok(round_id) = Id::parse(&format!("00000000-0000-4000-9000-{n:012x}")) else {
        return;
    };
    let mut round = Round::empty(round_id.clone());
    round.title = reg(title.to_owned());
    round.items = reg(items.to_vec());
    round.method = reg(Method::Dots {
        budget: 5,
        cap: 3,
        all_required: false,
    });
    round.seed = reg(title.to_lowercase());
    round.status = reg(RoundStatus::Open);
    let hash = round.rules_hash();
    for v in voters {
        let answer = Answer::Allocation(
            (0..5)
                .map(|k| (items[(v * 7 + k * 13) % items.len()].clone(), 1))
                .collect(),
        );
        let who = format!("Deltagare {v}");
        let b = tablet_ballot(
            &round_id,
            &hash,
            &who,
            CYCLE[v % CYCLE.len()],
            answer,
            DEMO_DEVICE,
        );
        doc.ballots.0.insert(b.id.clone(), b);
    }
    doc.rounds.0.insert(round_id, round);
}

/// A county's workspace at the size the store must carry with room to spare (issue 12):
/// 300 inspel, 60 ballots in 3 rounds (the demo round's 12, then 24 and 24 in two dot rounds
/// over the synthetic inspel) and the demo agenda. It grows as the other modules land
/// (`vagval demo --county`).
#[must_use]
pub fn county_doc() -> Doc {
    let mut doc = scaled_doc(300 - INSPEL.len(), 0);
    let items: Vec<Id> = doc
        .inspel
        .0
        .keys()
        .filter(|id| id.as_str().starts_with("00000000-0000-4000-8000-"))
        .cloned()
        .collect();
    let (first, second) = items.split_at(items.len() / 2);
    dot_round(&mut doc, 2, "Länsprioritering vår", first, 0..24);
    dot_round(&mut doc, 3, "Länsprioritering höst", second, 24..48);
    doc
}

/// The demo scaled up for load tests and benchmarks: `extra` synthetic inspel (ids
/// `…-4000-8000-<n>`) and, when `voters > 0`, a dot-voting round "Skalprov" over the first
/// 200 inspel with `voters` ballots (deterministic content).
#[must_use]
pub fn scaled_doc(extra: usize, voters: usize) -> Doc {
    const THEMES: [&str; 4] = [
        "Infrastruktur",
        "Bredband",
        "Skattebas",
        "Kompetensförsörjning",
    ];
    let mut doc = demo_doc();
    let mut ids = Vec::new();
    for i in 0..extra {
        let Ok(id) = Id::parse(&format!("00000000-0000-4000-8000-{i:012x}")) else {
            continue;
        };
        let mut r = Inspel::empty(id.clone());
        let m = CYCLE[i % CYCLE.len()];
        r.title = reg(format!(
            "Inspel {i}: {} i {}",
            THEMES[i % 4],
            m.label(crate::Lang::Sv)
        ));
        r.description = reg("Länets kommuner efterfrågar långsiktiga satsningar så att hela Jämtland Härjedalen kan växa hållbart.".to_owned());
        r.organisation = reg(format!("{} kommun", m.label(crate::Lang::Sv)));
        r.municipality = reg(m);
        r.theme = reg(THEMES[i % 4].to_owned());
        r.dimensions = reg(vec![Dimension::Social, Dimension::Economic]);
        r.status = reg(Status::Received);
        doc.inspel.0.insert(id.clone(), r);
        ids.push(id);
    }
    if voters > 0 && !ids.is_empty() {
        let items: Vec<Id> = ids.iter().take(200).cloned().collect();
        dot_round(&mut doc, 1, "Skalprov", &items, 0..voters);
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_is_valid_complete_and_stable() {
        let d = demo_doc();
        assert_eq!(d.id.as_str(), DEMO_ID);
        assert!(d.validate(10).is_empty(), "{:?}", d.validate(10));
        assert_eq!(d.inspel.live().count(), INSPEL.len());
        assert!(d.meta.organisation().is_some() && d.meta.description().is_some());
        let municipalities: std::collections::BTreeSet<_> = d
            .inspel
            .live()
            .filter_map(|i| i.municipality().copied())
            .collect();
        assert_eq!(
            municipalities.len(),
            9,
            "all eight municipalities and the region"
        );
        assert_eq!(demo_doc(), d);
    }

    #[test]
    fn the_county_workspace_is_valid_and_as_large_as_promised() {
        let d = county_doc();
        assert!(d.validate(10).is_empty(), "{:?}", d.validate(10));
        assert_eq!(d.inspel.live().count(), 300);
        assert_eq!(d.rounds.0.len(), 3);
        assert_eq!(d.ballots.0.len(), 60);
        for r in d.rounds.0.keys() {
            let res = crate::certificate::result_of(&d, r).unwrap();
            assert!(res.invalid.is_empty() && res.double_votes.is_empty());
        }
    }

    #[test]
    fn the_scaled_demo_is_valid() {
        let d = scaled_doc(300, 60);
        assert!(d.validate(10).is_empty(), "{:?}", d.validate(10));
        assert_eq!(d.inspel.live().count(), 312);
        let res = crate::certificate::result_of(
            &d,
            &Id::parse("00000000-0000-4000-9000-000000000001").unwrap(),
        )
        .unwrap();
        assert_eq!(res.counted.len(), 60);
        assert!(res.invalid.is_empty());
    }

    #[test]
    fn the_demo_round_has_valid_ballots_and_a_clear_winner() {
        let d = demo_doc();
        let res = crate::certificate::result_of(&d, &Id::parse(DEMO_ROUND).unwrap()).unwrap();
        assert_eq!(res.counted.len(), BALLOTS.len());
        assert!(res.invalid.is_empty() && res.double_votes.is_empty());
        // Dots per inspel, summed by hand from BALLOTS: #1 Mittbanan 2+2+2+3+2+1+2 = 14,
        // #2 Bredband 1+2+1+3+1+2+2 = 12, #4 Vägnätet 1+1+3+2 = 7.
        let top: Vec<u16> = res
            .tally
            .rows
            .iter()
            .take(3)
            .map(|r| (1..=12).find(|n| demo_id(*n) == r.item).unwrap_or(0))
            .collect();
        assert_eq!(top, vec![1, 2, 4]);
        assert_eq!(res.tally.rows[0].score, crate::ratio::Ratio::int(14));
        assert_eq!(res.selection.unwrap().items.len(), 6);
    }
}
