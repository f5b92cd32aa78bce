//! Goal sets and goals: the 17 Agenda 2030 goals, the three sustainability dimensions, and
//! custom goals such as the regional development strategy's priorities. A matrix is scored
//! over the goals of one set (or a chosen subset).
use serde::{Deserialize, Serialize};

use crate::Doc;
use crate::kernel::check::{self, NAME_MAX, TEXT_MAX};
use crate::kernel::lang::Lang;
use crate::kernel::record::{Guard, Record};

/// Most goals in one set (the 169 Agenda 2030 targets).
pub const GOALS_MAX: usize = 169;
/// Longest goal code ("8.2", "RUS 3").
pub const CODE_MAX: usize = 16;

/// Where a goal set comes from.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum GoalSource {
    /// Goals written or imported by the user (e.g. the RUS priorities).
    #[default]
    Custom,
    /// The 17 Agenda 2030 goals.
    Agenda2030,
    /// The three sustainability dimensions.
    Dimensions,
}

impl GoalSource {
    /// The source's name.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Custom, Lang::Sv) => "Egna mål",
            (Self::Agenda2030, Lang::Sv) => "Agenda 2030",
            (Self::Dimensions, Lang::Sv) => "Hållbarhetsdimensioner",
            (Self::Custom, Lang::En) => "Custom goals",
            (Self::Agenda2030, Lang::En) => "Agenda 2030",
            (Self::Dimensions, Lang::En) => "Sustainability dimensions",
        }
    }
}

record_kind! {
    /// A named set of goals that matrices are scored over.
    GoalSet = "goal_set" noun("måluppsättning", "måluppsättningar", en, "goal set", "goal sets") {
        /// The set's name.
        name: String = check::required_text::<NAME_MAX>; required label names("namn", "name") handle(NAME),
        /// Agenda 2030, the dimensions, or custom.
        source: GoalSource = check::any; names("källa", "source") handle(SOURCE),
        /// What the set is for.
        description: String = check::text::<TEXT_MAX>; names("beskrivning", "description") handle(DESCRIPTION),
        /// In the trash.
        removed: bool = check::any; trash names("papperskorgen", "trash") handle(REMOVED),
    }
}

impl Guard<Doc> for GoalSet {}

record_kind! {
    /// One goal of a set.
    Goal = "goal" noun("mål", "mål", ett, "goal", "goals") {
        /// The set it belongs to.
        set: crate::kernel::id::Id = check::any; required refs(goal_set) names("måluppsättning", "goal set") handle(SET),
        /// Its code ("1", "8.2", "RUS 3"), shown before the name.
        code: String = check::text::<CODE_MAX>; names("kod", "code") handle(CODE),
        /// Its short name.
        name: String = check::required_text::<NAME_MAX>; required label names("namn", "name") handle(NAME),
        /// What progress on it means.
        description: String = check::text::<TEXT_MAX>; names("beskrivning", "description") handle(DESCRIPTION),
        /// Concerns Sami conditions or reindeer husbandry (a standard node, DOMAIN §8.5).
        sami: bool = check::any; names("samiskt perspektiv", "Sami perspective") handle(SAMI),
        /// Position in the set (ascending; ties by code, then id).
        order: u32 = check::any; names("ordning", "order") handle(ORDER),
        /// In the trash.
        removed: bool = check::any; trash names("papperskorgen", "trash") handle(REMOVED),
    }
}

impl Guard<Doc> for Goal {
    fn check_doc(doc: &Doc, problems: &mut Vec<crate::kernel::check::Problem>, limit: usize) {
        // At most GOALS_MAX live goals in one set.
        let mut per_set = std::collections::BTreeMap::<&crate::kernel::id::Id, usize>::new();
        for g in doc.goals.live().filter(|g| g.removed() != Some(&true)) {
            if let Some(set) = g.set() {
                *per_set.entry(set).or_default() += 1;
            }
        }
        for (set, n) in per_set {
            if n > GOALS_MAX && problems.len() < limit {
                problems.push(crate::kernel::check::Problem {
                    path: format!("workspace.goal_sets[id={set}]"),
                    kind: crate::kernel::check::ProblemKind::TooMany { max: GOALS_MAX },
                });
            }
        }
    }
}

impl Goal {
    /// "8 Anständiga arbetsvillkor och ekonomisk tillväxt": code and name.
    #[must_use]
    pub fn display(&self) -> String {
        match (self.code().map(String::as_str), self.name()) {
            (Some(c), Some(n)) if !c.is_empty() => format!("{c} {n}"),
            (_, Some(n)) => n.clone(),
            _ => String::new(),
        }
    }
}

/// The live goal sets (not in the trash), by name then id: (id, name).
#[must_use]
pub fn live_sets(doc: &Doc) -> Vec<(crate::kernel::id::Id, String)> {
    let mut v: Vec<_> = doc
        .goal_sets
        .live()
        .filter(|s| s.removed() != Some(&true))
        .map(|s| (s.id().clone(), s.name().cloned().unwrap_or_default()))
        .collect();
    v.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    v
}

/// The live goals of `set` (not in the trash), by order, then code, then id.
#[must_use]
pub fn goals_of<'a>(doc: &'a Doc, set: &crate::kernel::id::Id) -> Vec<&'a Goal> {
    let mut v: Vec<&Goal> = doc
        .goals
        .live()
        .filter(|g| g.set() == Some(set) && g.removed() != Some(&true))
        .collect();
    v.sort_by(|a, b| (a.order(), a.code(), a.id()).cmp(&(b.order(), b.code(), b.id())));
    v
}

/// What a link to `goal` shows (from an inspel, later from effect chains and funding cases):
/// its code and name, or `None` when the goal was erased or is in the trash ("borttaget").
#[must_use]
pub fn link_label(doc: &Doc, goal: &crate::kernel::id::Id) -> Option<String> {
    doc.goals
        .get(goal)
        .filter(|g| g.removed() != Some(&true))
        .map(Goal::display)
}

/// The inspel (not in the trash) that name `goal` among the goals they serve, by title in
/// Swedish order.
#[must_use]
pub fn inspel_serving<'a>(
    doc: &'a Doc,
    goal: &crate::kernel::id::Id,
) -> Vec<&'a crate::prioritisation::inspel::Inspel> {
    inspel_by_goal(doc).remove(goal).unwrap_or_default()
}

/// For every goal some inspel names: those inspel (not in the trash), by title in Swedish
/// order. One pass over the inspel, for a list of many goals.
#[must_use]
pub fn inspel_by_goal(
    doc: &Doc,
) -> std::collections::BTreeMap<&crate::kernel::id::Id, Vec<&crate::prioritisation::inspel::Inspel>>
{
    use crate::prioritisation::query::swedish_order;
    let mut live: Vec<_> = doc
        .inspel
        .live()
        .filter(|r| r.removed() != Some(&true) && r.goal_links().is_some_and(|g| !g.is_empty()))
        .collect();
    live.sort_by_cached_key(|r| {
        (
            swedish_order(r.title().map_or("", String::as_str)),
            r.id().clone(),
        )
    });
    let mut by_goal = std::collections::BTreeMap::<_, Vec<_>>::new();
    for r in live {
        for g in r.goal_links().into_iter().flatten() {
            let list = by_goal.entry(g).or_default();
            // A goal named twice in one inspel's list (a hand-edited file) counts once.
            if list
                .last()
                .is_none_or(|l: &&crate::prioritisation::inspel::Inspel| l.id() != r.id())
            {
                list.push(r);
            }
        }
    }
    by_goal
}

/// The 17 Agenda 2030 goals with their official Swedish short names (as used by the
/// Swedish government and Globala målen) and the UN's English short names.
pub const AGENDA_2030: [(&str, &str); 17] = [
    ("Ingen fattigdom", "No poverty"),
    ("Ingen hunger", "Zero hunger"),
    ("Hälsa och välbefinnande", "Good health and well-being"),
    ("God utbildning för alla", "Quality education"),
    ("Jämställdhet", "Gender equality"),
    (
        "Rent vatten och sanitet för alla",
        "Clean water and sanitation",
    ),
    ("Hållbar energi för alla", "Affordable and clean energy"),
    (
        "Anständiga arbetsvillkor och ekonomisk tillväxt",
        "Decent work and economic growth",
    ),
    (
        "Hållbar industri, innovationer och infrastruktur",
        "Industry, innovation and infrastructure",
    ),
    ("Minskad ojämlikhet", "Reduced inequalities"),
    (
        "Hållbara städer och samhällen",
        "Sustainable cities and communities",
    ),
    (
        "Hållbar konsumtion och produktion",
        "Responsible consumption and production",
    ),
    ("Bekämpa klimatförändringarna", "Climate action"),
    ("Hav och marina resurser", "Life below water"),
    ("Ekosystem och biologisk mångfald", "Life on land"),
    (
        "Fredliga och inkluderande samhällen",
        "Peace, justice and strong institutions",
    ),
    (
        "Genomförande och globalt partnerskap",
        "Partnerships for the goals",
    ),
];

/// The three sustainability dimensions.
pub const DIMENSIONS: [(&str, &str); 3] = [
    ("Ekonomisk hållbarhet", "Economic sustainability"),
    ("Social hållbarhet", "Social sustainability"),
    ("Ekologisk hållbarhet", "Ecological sustainability"),
];

/// The goals of a standard set, as `(code, name)` in `lang` (empty for custom sets).
#[must_use]
pub fn standard_goals(source: GoalSource, lang: Lang) -> Vec<(String, String)> {
    let pick = |(sv, en): &(&str, &str)| match lang {
        Lang::Sv => (*sv).to_owned(),
        Lang::En => (*en).to_owned(),
    };
    match source {
        GoalSource::Custom => Vec::new(),
        GoalSource::Agenda2030 => AGENDA_2030
            .iter()
            .enumerate()
            .map(|(i, g)| ((i + 1).to_string(), pick(g)))
            .collect(),
        GoalSource::Dimensions => DIMENSIONS
            .iter()
            .enumerate()
            .map(|(i, g)| (["E", "S", "M"][i].to_owned(), pick(g)))
            .collect(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::conflicts::demo::{REGIONAL_GOALS, demo_id};
    use crate::kernel::clock::Hlc;
    use crate::kernel::command::{Stamper, apply};
    use crate::kernel::id::Id;
    use crate::kernel::lang::Localized as _;
    use crate::prioritisation::inspel::{GOAL_LINKS_MAX, link_goal};
    use crate::{Command, Kind};

    fn run(d: &mut Doc, cmd: &Command) -> Result<(), crate::DomainError> {
        let mut clock = Hlc::new("t");
        let mut st = Stamper {
            clock: &mut clock,
            now_ms: 1_800_000_000_000,
        };
        apply(d, cmd, &mut st).map(|_| ())
    }

    fn title(d: &Doc, id: &Id) -> String {
        d.inspel.get(id).and_then(|r| r.title().cloned()).unwrap()
    }

    #[test]
    fn inspel_serve_goals_and_a_removed_goal_shows_as_removed() {
        let mut d = crate::demo::demo_doc();
        // RUS 4 Transportinfrastruktur (demo goal 0x13): the demo links four inspel to it
        // (Mittbanan, Vägnätet, Inlandsbanan, Flygtrafik), listed in Swedish title order.
        let rus4 = demo_id(0x13);
        let serving: Vec<String> = inspel_serving(&d, &rus4)
            .iter()
            .map(|r| title(&d, r.id()))
            .collect();
        assert_eq!(
            serving,
            [
                "Dubbelspår och högre hastighet på Mittbanan",
                "Flygtrafik Östersund–Stockholm med allmän trafikplikt",
                "Godstrafik och persontrafik på Inlandsbanan",
                "Underhåll av det finmaskiga vägnätet",
            ]
        );
        // Link one more inspel (Bredband, which serves RUS 5 and RUS 8) to RUS 4.
        let bredband = d
            .inspel
            .live()
            .find(|r| r.title().is_some_and(|t| t.starts_with("Bredband")))
            .unwrap()
            .clone();
        let cmd = link_goal(&bredband, &rus4, true).unwrap();
        run(&mut d, &cmd).unwrap();
        let links = d.inspel.get(bredband.id()).unwrap().goal_links().unwrap();
        assert_eq!(links, &[demo_id(0x14), demo_id(0x17), rus4.clone()]);
        assert_eq!(inspel_serving(&d, &rus4).len(), 5);
        // The one-pass map says the same for every goal: RUS 8 Attraktiv region is served by
        // Bredband, Skattebas and Kommersiell service (the demo's links), RUS 4 by the five.
        let by_goal = inspel_by_goal(&d);
        assert_eq!(by_goal[&rus4].len(), 5);
        assert_eq!(by_goal[&demo_id(0x17)].len(), 3);
        // A goal named twice in one inspel's list (a hand-edited file) counts that inspel once.
        let mut twice = d.clone();
        twice.inspel.0.get_mut(bredband.id()).unwrap().goal_links = Some(crate::kernel::reg::Reg {
            value: vec![rus4.clone(), rus4.clone()],
            stamp: crate::Stamp(1, 0, "t".into()),
        });
        assert_eq!(inspel_serving(&twice, &rus4).len(), 5);
        // Linking again changes nothing; unlinking takes just that one away.
        let now = d.inspel.get(bredband.id()).unwrap().clone();
        assert!(link_goal(&now, &rus4, true).is_none());
        run(&mut d, &link_goal(&now, &demo_id(0x14), false).unwrap()).unwrap();
        let links = d.inspel.get(bredband.id()).unwrap().goal_links().unwrap();
        assert_eq!(links, &[demo_id(0x17), rus4.clone()]);
        // The goal in the trash: the link stays (undoable) but shows as removed, and the
        // goal serves nobody in the lists.
        assert_eq!(
            link_label(&d, &rus4).as_deref(),
            Some(REGIONAL_GOALS[3].1)
                .map(|n| format!("RUS 4 {n}"))
                .as_deref()
        );
        let trash = Command::Edit {
            kind: Kind::Goal,
            id: rus4.clone(),
            field: "removed".into(),
            value: serde_json::json!(true),
        };
        run(&mut d, &trash).unwrap();
        assert_eq!(link_label(&d, &rus4), None);
        // Erased for good: still no crash, the file still checks, the link shows as removed.
        run(
            &mut d,
            &Command::Erase {
                kind: Kind::Goal,
                id: rus4.clone(),
            },
        )
        .unwrap();
        assert_eq!(link_label(&d, &rus4), None);
        assert!(d.validate(10).is_empty(), "{:?}", d.validate(10));
    }

    #[test]
    fn an_inspel_serves_at_most_twenty_goals_and_links_only_to_goals() {
        let mut d = crate::demo::demo_doc();
        let first = d.inspel.live().next().unwrap().id().clone();
        // The 17 Agenda 2030 goals (0x40…) and the 9 regional ones: 26 > 20.
        let many: Vec<Id> = (0..17)
            .map(|k| demo_id(0x40 + k))
            .chain((0..9).map(|k| demo_id(0x10 + k)))
            .collect();
        let edit = |ids: &[Id]| Command::Edit {
            kind: Kind::Inspel,
            id: first.clone(),
            field: "goal_links".into(),
            value: serde_json::json!(ids),
        };
        assert_eq!(run(&mut d, &edit(&many[..GOAL_LINKS_MAX])), Ok(()));
        let e = run(&mut d, &edit(&many[..=GOAL_LINKS_MAX])).unwrap_err();
        assert!(
            matches!(
                e,
                crate::DomainError::Rule {
                    kind: "inspel",
                    field: "goal_links",
                    problem: crate::kernel::check::ProblemKind::TooMany { max: 20 }
                }
            ),
            "{e:?}"
        );
        assert_eq!(e.message(crate::Lang::Sv), "Fältet får ha högst 20 poster.");
        // A link to something that is not a goal (the matrix) is a dangling reference.
        let mut bad = d.clone();
        bad.inspel.0.get_mut(&first).unwrap().goal_links = Some(crate::kernel::reg::Reg {
            value: vec![demo_id(crate::conflicts::demo::DEMO_MATRIX)],
            stamp: crate::Stamp(1, 0, "t".into()),
        });
        let problems = bad.validate(10);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].path, "workspace.inspel[0].goal_links.value");
        assert!(matches!(
            problems[0].kind,
            crate::kernel::check::ProblemKind::Dangling { .. }
        ));
    }
}
