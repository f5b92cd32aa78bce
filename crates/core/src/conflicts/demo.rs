//! The module's demo: a regional goal set from the seeds (the RUS priorities of Jämtland
//! Härjedalen), a matrix scored by four participants who disagree on some cells, a
//! consensus on part of it, a second-order trade-off the first-order view hides (green
//! industrial transition → transport infrastructure → reindeer-husbandry land use), and a
//! case check (the Energikontoret agreement of seed 002). And the county workspace's part
//! (issue 12): a 30-goal matrix scored by 20 people.
use crate::Doc;
use crate::kernel::id::Id;
use crate::kernel::record::Record;
use crate::kernel::reg::{Reg, RegMap};

use super::case::{Case, Effect};
use super::goal::{AGENDA_2030, Goal, GoalSet, GoalSource};
use super::matrix::{Agreed, Cell, Confidence, Matrix, MatrixStatus, Pair, Scoring, scoring_id};

use crate::demo::{module_reg as reg, module_stamp as stamp};

/// The demo's ids: `6a1e…` plus a number.
#[must_use]
pub fn demo_id(n: u16) -> Id {
    Id::parse(&format!("6a1e0c55-3b7d-4e2a-9c41-5d8f2e70{n:04x}"))
        .unwrap_or_else(|_| Id::from_random_bytes([0x6a; 16]))
}

/// The demo matrix's id.
pub const DEMO_MATRIX: u16 = 0x100;
/// The demo case's id.
pub const DEMO_CASE: u16 = 0x200;

/// The regional goals: code, name, Sami perspective.
pub const REGIONAL_GOALS: [(&str, &str, bool); 9] = [
    ("RUS 1", "Grön industriell omställning", false),
    ("RUS 2", "Sysselsättning", false),
    ("RUS 3", "Kompetensförsörjning", false),
    ("RUS 4", "Transportinfrastruktur", false),
    ("RUS 5", "Bredband i hela länet", false),
    ("RUS 6", "Minskad klimatpåverkan", false),
    (
        "RUS 7",
        "Rennäringens markanvändning och samiska villkor",
        true,
    ),
    ("RUS 8", "Attraktiv region för inflyttare", false),
    (
        "RUS 9",
        "Livskraftiga ekosystem och biologisk mångfald",
        false,
    ),
];

/// The group's view (rows influence columns; 0 = consistent), goals as in
/// [`REGIONAL_GOALS`]. Row RUS 1 → RUS 7 is 0 (no direct effect), but RUS 1 → RUS 4 is +2 and
/// RUS 4 → RUS 7 is −2: the second order RUS 1 → RUS 4 → RUS 7 is −4, hidden in the first.
pub const BASE: [[i8; 9]; 9] = [
    // 1   2   3   4   5   6   7   8   9
    [0, 2, 1, 2, 0, 3, 0, 1, -1],   // 1 Grön industriell omställning
    [0, 0, 1, 0, 0, -1, 0, 2, 0],   // 2 Sysselsättning
    [2, 3, 0, 0, 0, 0, 0, 1, 0],    // 3 Kompetensförsörjning
    [2, 1, 1, 0, 0, -1, -2, 2, -2], // 4 Transportinfrastruktur
    [1, 1, 1, 0, 0, 1, 0, 2, 0],    // 5 Bredband
    [1, 0, 0, -1, 0, 0, 1, 0, 2],   // 6 Minskad klimatpåverkan
    [-1, 0, 0, -1, 0, 0, 0, 0, 1],  // 7 Rennäringen
    [0, 2, 2, 1, 1, -1, 0, 0, 0],   // 8 Attraktiv region
    [0, 0, 0, -1, 0, 1, 2, 1, 0],   // 9 Ekosystem
];

/// How each participant departs from [`BASE`]: `(rater, row, col, score or None = left
/// unjudged)`, rows and columns from 0.
const DEPARTURES: &[(usize, usize, usize, Option<i8>)] = &[
    (1, 0, 6, Some(-2)), // B sees wind power and mines on grazing land: range 2 at RUS 1 → RUS 7
    (2, 3, 7, Some(-1)), // C: new roads make the region less attractive: a sign conflict
    (1, 3, 5, Some(-3)),
    (3, 3, 5, Some(1)), // D: electrified rail → less climate impact: a sign conflict
    (2, 1, 5, Some(1)),
    (3, 4, 7, Some(3)),
    (3, 8, 3, None),
    (3, 8, 4, None),
    (0, 6, 0, Some(-2)),
];

/// The participants (pseudonymous codes).
pub const RATERS: [&str; 4] = ["Deltagare A", "Deltagare B", "Deltagare C", "Deltagare D"];

fn goal(doc: &mut Doc, id: &Id, set: &Id, code: &str, name: &str, order: u32, sami: bool) {
    let mut g = Goal::empty(id.clone());
    g.set = reg(set.clone());
    g.code = reg(code.to_owned());
    g.name = reg(name.to_owned());
    g.order = reg(order);
    if sami {
        g.sami = reg(true);
    }
    doc.goals.0.insert(id.clone(), g);
}

/// Adds the module's demo to `doc`.
pub fn add(doc: &mut Doc) {
    let set = demo_id(1);
    let mut s = GoalSet::empty(set.clone());
    s.name = reg("Regional utvecklingsstrategi – prioriteringar".to_owned());
    s.source = reg(GoalSource::Custom);
    s.description = reg("Prioriteringar ur den regionala utvecklingsstrategin (RUS) för Jämtland Härjedalen, för systematiskt arbete med målkonflikter (insatsområde 2).".to_owned());
    doc.goal_sets.0.insert(set.clone(), s);
    let goals: Vec<Id> = (0..REGIONAL_GOALS.len())
        .map(|k| demo_id(0x10 + u16::try_from(k).unwrap_or(0)))
        .collect();
    for (k, (code, name, sami)) in REGIONAL_GOALS.iter().enumerate() {
        goal(
            doc,
            &goals[k],
            &set,
            code,
            name,
            u32::try_from(k).unwrap_or(0),
            *sami,
        );
    }
    let agenda = demo_id(2);
    let mut s = GoalSet::empty(agenda.clone());
    s.name = reg("Agenda 2030".to_owned());
    s.source = reg(GoalSource::Agenda2030);
    doc.goal_sets.0.insert(agenda.clone(), s);
    for (k, (sv, _)) in AGENDA_2030.iter().enumerate() {
        let n = u16::try_from(k).unwrap_or(0);
        goal(
            doc,
            &demo_id(0x40 + n),
            &agenda,
            &(k + 1).to_string(),
            sv,
            u32::from(n),
            false,
        );
    }

    let m = demo_id(DEMO_MATRIX);
    let mut matrix = Matrix::empty(m.clone());
    matrix.name = reg("Målkonflikter i RUS-prioriteringarna".to_owned());
    matrix.set = reg(set.clone());
    matrix.goals = reg(goals.clone());
    matrix.status = reg(MatrixStatus::Revealed);
    matrix.threshold = reg(2);
    matrix.description = reg("Workshop med fyra deltagare: tyst bedömning på var sin surfplatta, sedan diskussion av de flaggade cellerna.".to_owned());
    let pair = |i: usize, j: usize| Pair::new(&goals[i], &goals[j]);
    let agreed = [
        (
            0,
            6,
            0,
            "Gruppen: ingen direkt påverkan om etableringar sker på redan exploaterad mark.",
        ),
        (
            3,
            7,
            1,
            "Gruppen: bättre förbindelser väger tyngre än intrånget.",
        ),
    ];
    matrix.consensus = Some(RegMap(
        agreed
            .iter()
            .map(|&(i, j, score, note)| {
                let a = Agreed {
                    score,
                    note: note.to_owned(),
                    by: "Processledare".to_owned(),
                };
                (
                    pair(i, j),
                    Reg {
                        value: Some(a),
                        stamp: stamp(),
                    },
                )
            })
            .collect(),
    ));
    doc.matrices.0.insert(m.clone(), matrix);

    for (r, rater) in RATERS.iter().enumerate() {
        let id = scoring_id(&m, rater);
        let mut sc = Scoring::empty(id.clone());
        sc.matrix = reg(m.clone());
        sc.rater = reg((*rater).to_owned());
        let mut cells = std::collections::BTreeMap::new();
        for (i, row) in BASE.iter().enumerate() {
            for (j, &base) in row.iter().enumerate().filter(|&(j, _)| j != i) {
                let mut v = Some(base);
                if let Some(&(_, _, _, d)) = DEPARTURES
                    .iter()
                    .find(|&&(x, a, b, _)| x == r && a == i && b == j)
                {
                    v = d;
                }
                let Some(score) = v else { continue };
                let mut cell = Cell {
                    score,
                    ..Cell::default()
                };
                if (r, i, j) == (1, 0, 6) {
                    cell.rationale = "Vindkraft och gruvor tar betesmark i anspråk.".to_owned();
                    cell.confidence = Some(Confidence::High);
                }
                if (r, i, j) == (2, 3, 7) {
                    cell.rationale = "Nya vägar genom byarna gör dem mindre attraktiva.".to_owned();
                    cell.confidence = Some(Confidence::Low);
                }
                cells.insert(
                    pair(i, j),
                    Reg {
                        value: Some(cell),
                        stamp: stamp(),
                    },
                );
            }
        }
        sc.cells = Some(RegMap(cells));
        doc.scorings.0.insert(id, sc);
    }

    let c = demo_id(DEMO_CASE);
    let mut case = Case::empty(c.clone());
    case.title = reg("Samverkansavtal för Energikontoret Jämtland Härjedalen från 2024".to_owned());
    case.diary = reg("RS/2023/0412".to_owned());
    case.description = reg("Energikontoret placeras hos Region Jämtland Härjedalen, finansieringen delas mellan länets kommuner och regionen och styrningen sker via ett samverkansråd (seed 002).".to_owned());
    case.matrix = reg(m);
    case.effects = Some(RegMap(
        [(0, Effect::Advances), (5, Effect::Advances)]
            .into_iter()
            .map(|(k, e)| {
                (
                    goals[k].clone(),
                    Reg {
                        value: Some(e),
                        stamp: stamp(),
                    },
                )
            })
            .collect(),
    ));
    doc.cases.0.insert(c, case);
    link_inspel(doc, &goals);
}

/// Which regional goals (indices into [`REGIONAL_GOALS`]) the prioritisation demo's inspel
/// serve, by title.
const INSPEL_GOALS: &[(&str, &[usize])] = &[
    ("Dubbelspår och högre hastighet på Mittbanan", &[3, 5, 1]),
    ("Bredband till hela landsbygden", &[4, 7]),
    (
        "Förändrad skattebas och kommunal utjämning för glesbygd",
        &[7],
    ),
    ("Underhåll av det finmaskiga vägnätet", &[3]),
    ("Mobiltäckning längs stråken och i fjällen", &[4]),
    ("Kommersiell service på landsbygden", &[7]),
    ("Godstrafik och persontrafik på Inlandsbanan", &[3, 5]),
    ("Hållbar besöksnäring och säsongsanpassade regler", &[1, 8]),
    (
        "Flygtrafik Östersund–Stockholm med allmän trafikplikt",
        &[3],
    ),
    ("Högre utbildning och kompetensförsörjning på distans", &[2]),
    ("Fler statliga arbetstillfällen i länet", &[1]),
    ("Vattenkraftens värden ska stanna i bygden", &[0, 8]),
];

/// Links the demo's inspel to the regional goals they serve (inspel → goals).
fn link_inspel(doc: &mut Doc, goals: &[Id]) {
    for r in doc.inspel.0.values_mut() {
        let title = r.title.as_ref().map(|t| t.value.as_str());
        if let Some((_, ks)) = INSPEL_GOALS.iter().find(|(t, _)| Some(*t) == title) {
            r.goal_links = reg(ks.iter().filter_map(|&k| goals.get(k).cloned()).collect());
        }
    }
}

/// The county workspace's goal-conflict part: a 30-goal matrix (the regional goals, the 17
/// Agenda 2030 goals, and four more) scored in full by 20 people: 30·29·20 = 17 400 cell scores.
pub fn add_county(doc: &mut Doc) {
    let set = demo_id(0x1000);
    let mut s = GoalSet::empty(set.clone());
    s.name = reg("Länets mål – 30 mål".to_owned());
    doc.goal_sets.0.insert(set.clone(), s);
    let mut names: Vec<String> = REGIONAL_GOALS.iter().map(|g| g.1.to_owned()).collect();
    names.extend(AGENDA_2030.iter().map(|g| g.0.to_owned()));
    names.extend(
        [
            "Bostadsförsörjning",
            "Besöksnäring",
            "Kultur och fritid",
            "Vård i hela länet",
        ]
        .map(str::to_owned),
    );
    let goals: Vec<Id> = (0..30u16).map(|k| demo_id(0x1100 + k)).collect();
    for (k, name) in names.iter().enumerate() {
        goal(
            doc,
            &goals[k],
            &set,
            &format!("L{}", k + 1),
            name,
            u32::try_from(k).unwrap_or(0),
            k == 6,
        );
    }
    let m = demo_id(0x1001);
    let mut matrix = Matrix::empty(m.clone());
    matrix.name = reg("Länsmatris 30 × 30".to_owned());
    matrix.set = reg(set);
    matrix.goals = reg(goals.clone());
    doc.matrices.0.insert(m.clone(), matrix);
    score_fully(doc, &m, &goals, "Länsdeltagare", 20, 0x2545_f491_4f6c_dd1d);
}

/// `raters` scorings ("<prefix> 1" …) of matrix `m` with every off-diagonal cell of `goals`
/// scored from a fixed linear congruential sequence starting at `seed`: the same workspace
/// every time.
fn score_fully(doc: &mut Doc, m: &Id, goals: &[Id], prefix: &str, raters: usize, seed: u64) {
    let mut x = seed;
    for r in 0..raters {
        let rater = format!("{prefix} {}", r + 1);
        let id = scoring_id(m, &rater);
        let mut sc = Scoring::empty(id.clone());
        sc.matrix = reg(m.clone());
        sc.rater = reg(rater);
        let mut cells = std::collections::BTreeMap::new();
        for (i, row) in goals.iter().enumerate() {
            for (_, col) in goals.iter().enumerate().filter(|&(j, _)| j != i) {
                x = x
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let score = i8::try_from((x >> 33) % 7).unwrap_or(3) - 3;
                cells.insert(
                    Pair::new(row, col),
                    Reg {
                        value: Some(Cell {
                            score,
                            ..Cell::default()
                        }),
                        stamp: stamp(),
                    },
                );
            }
        }
        sc.cells = Some(RegMap(cells));
        doc.scorings.0.insert(id, sc);
    }
}

/// The scaled matrix's id (`vagval demo --goals N`): a matrix over `n` goals, silent scoring.
pub const SCALED_MATRIX: u16 = 0x2001;

/// Adds a set of `n` goals (at most 169) and a matrix over them in silent scoring, scored in
/// full by `raters` people with a fixed pseudo-random sequence (the benchmarks' workspace).
pub fn add_scaled(doc: &mut Doc, n: usize, raters: usize) {
    let n = n.min(super::goal::GOALS_MAX);
    let set = demo_id(0x2000);
    let mut s = GoalSet::empty(set.clone());
    s.name = reg(format!("Skalprov – {n} mål"));
    doc.goal_sets.0.insert(set.clone(), s);
    let goals: Vec<Id> = (0..n)
        .map(|k| demo_id(0x2100 + u16::try_from(k).unwrap_or(0)))
        .collect();
    for (k, g) in goals.iter().enumerate() {
        let name = AGENDA_2030.get(k % 17).map_or("Mål", |x| x.0);
        goal(
            doc,
            g,
            &set,
            &format!("M{}", k + 1),
            &format!("{name} {}", k / 17 + 1),
            u32::try_from(k).unwrap_or(0),
            false,
        );
    }
    let m = demo_id(SCALED_MATRIX);
    let mut matrix = Matrix::empty(m.clone());
    matrix.name = reg(format!("Skalprov {n} × {n}"));
    matrix.set = reg(set);
    matrix.goals = reg(goals.clone());
    doc.matrices.0.insert(m.clone(), matrix);
    score_fully(
        doc,
        &m,
        &goals,
        "Skaldeltagare",
        raters,
        0x9e37_79b9_7f4a_7c15,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conflicts::case::check_case;
    use crate::conflicts::stats::Reveal;

    #[test]
    fn the_demo_has_disagreements_a_partial_consensus_and_a_hidden_trade_off() {
        let mut d = crate::prioritisation::demo::demo_doc();
        add(&mut d);
        assert!(d.validate(10).is_empty(), "{:?}", d.validate(10));
        let r = Reveal::of(&d, &demo_id(DEMO_MATRIX)).unwrap();
        assert_eq!(r.raters.len(), 4);
        assert_eq!(r.wanted, 72);
        assert_eq!(r.agreed, 2);
        // Flagged without a consensus: 4→6 (−3, +1 against −1: sign conflict), 7→1 (−2 vs −1,
        // range 1: not flagged), 2→6 (+1 vs −1: sign conflict). 1→7 and 4→8 are agreed.
        let q: Vec<(usize, usize)> = r.queue().iter().map(|c| c.at).collect();
        assert!(q.contains(&(3, 5)) && q.contains(&(1, 5)), "{q:?}");
        assert!(!q.contains(&(0, 6)) && !q.contains(&(3, 7)));
        // The case advances RUS 1 and RUS 6; RUS 1 → RUS 7 is agreed 0, but
        // RUS 1 → RUS 4 (+2) → RUS 7 (−2) is −4: listed as an indirect conflict.
        let c = check_case(&d, &demo_id(DEMO_CASE)).unwrap();
        assert!(
            c.indirect
                .iter()
                .any(|p| p.to == demo_id(0x16) && p.via == demo_id(0x13) && p.impact == -4),
            "{c:?}"
        );
    }

    #[test]
    fn the_scaled_matrix_is_valid_at_the_limit() {
        let mut d = crate::prioritisation::demo::demo_doc();
        add_scaled(&mut d, 169, 1);
        assert!(d.validate(10).is_empty(), "{:?}", d.validate(10));
        let r = Reveal::of(&d, &demo_id(SCALED_MATRIX)).unwrap();
        assert_eq!((r.wanted, r.judged), (169 * 168, 169 * 168));
    }

    #[test]
    fn the_county_matrix_holds_17_400_scores() {
        let mut d = crate::prioritisation::demo::demo_doc();
        add_county(&mut d);
        assert!(d.validate(10).is_empty(), "{:?}", d.validate(10));
        let n: usize = d.scorings.live().map(|s| s.judged().count()).sum();
        assert_eq!(n, 17_400);
    }
}
