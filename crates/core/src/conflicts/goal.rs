//! Goal sets and goals: the 17 Agenda 2030 goals, the three sustainability dimensions, and
//! custom goals such as the regional development strategy's priorities. A matrix is scored
//! over the goals of one set (or a chosen subset).
use serde::{Deserialize, Serialize};

use crate::Doc;
use crate::kernel::check::{self, NAME_MAX, TEXT_MAX};
use crate::kernel::lang::Lang;
use crate::kernel::record::Guard;

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
