//! Where an actor stands (DOMAIN §5.2): the Mendelow power/interest grid and the Mitchell,
//! Agle & Wood salience classes, with the thresholds stored with the map (OPEN-16) and the
//! rule for when the two views disagree.
use serde::{Deserialize, Serialize};

use crate::kernel::lang::Lang;

/// Lowest score on the 1–5 scales.
pub const SCORE_MIN: u8 = 1;
/// Highest score on the 1–5 scales.
pub const SCORE_MAX: u8 = 5;

/// Formula id of the grid: "high" = score ≥ `grid_high` (the boundary is high).
pub const GRID: &str = "mendelow_ge_threshold_v1";
/// Formula id of salience: an attribute is present iff its score ≥ `salience_present`.
pub const SALIENCE: &str = "mitchell_ge_threshold_v1";
/// Formula id of the disagreement rule (see [`disagree`]).
pub const DISAGREE: &str = "grid_salience_disagree_v1";

/// The thresholds of one map (OPEN-16: design choices, editable, stored and shown in the legend).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Thresholds {
    /// Power or interest at least this is "high" in the grid (default 3).
    pub grid_high: u8,
    /// Power, legitimacy or urgency at least this is "present" for salience (default 4).
    pub salience_present: u8,
}

impl Default for Thresholds {
    fn default() -> Self {
        Self {
            grid_high: 3,
            salience_present: 4,
        }
    }
}

impl Thresholds {
    /// Both thresholds on the 1–5 scale (what a file may hold).
    #[must_use]
    pub const fn valid(self) -> bool {
        self.grid_high >= SCORE_MIN
            && self.grid_high <= SCORE_MAX
            && self.salience_present >= SCORE_MIN
            && self.salience_present <= SCORE_MAX
    }
}

/// A quadrant of the power/interest grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Quadrant {
    /// High power, high interest: manage closely.
    KeyPlayer,
    /// High power, low interest.
    KeepSatisfied,
    /// Low power, high interest.
    KeepInformed,
    /// Low power, low interest.
    Monitor,
}

impl Quadrant {
    /// All four, in the order the grid lists them.
    pub const ALL: [Self; 4] = [
        Self::KeyPlayer,
        Self::KeepSatisfied,
        Self::KeepInformed,
        Self::Monitor,
    ];

    /// The quadrant's name.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::KeyPlayer, Lang::Sv) => "Nyckelaktör",
            (Self::KeepSatisfied, Lang::Sv) => "Håll nöjd",
            (Self::KeepInformed, Lang::Sv) => "Håll informerad",
            (Self::Monitor, Lang::Sv) => "Bevaka",
            (Self::KeyPlayer, Lang::En) => "Key player",
            (Self::KeepSatisfied, Lang::En) => "Keep satisfied",
            (Self::KeepInformed, Lang::En) => "Keep informed",
            (Self::Monitor, Lang::En) => "Monitor",
        }
    }

    /// The default strategy text for the quadrant (a map may store its own).
    #[must_use]
    pub const fn strategy(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::KeyPlayer, Lang::Sv) => {
                "Nyckelaktör: samverka nära – involvera i beslut och planering, stäm av ofta."
            }
            (Self::KeepSatisfied, Lang::Sv) => {
                "Håll nöjd: informera om det som berör dem, fråga innan det blir avgörande."
            }
            (Self::KeepInformed, Lang::Sv) => {
                "Håll informerad: berätta löpande, ta vara på deras kunskap och engagemang."
            }
            (Self::Monitor, Lang::Sv) => "Bevaka: följ läget med liten insats, se om det ändras.",
            (Self::KeyPlayer, Lang::En) => {
                "Key player: manage closely — involve in decisions and planning, check in often."
            }
            (Self::KeepSatisfied, Lang::En) => {
                "Keep satisfied: inform about what concerns them, consult before it is decisive."
            }
            (Self::KeepInformed, Lang::En) => {
                "Keep informed: report regularly, draw on their knowledge and engagement."
            }
            (Self::Monitor, Lang::En) => "Monitor: follow with little effort, watch for change.",
        }
    }

    /// High power?
    #[must_use]
    pub const fn high_power(self) -> bool {
        matches!(self, Self::KeyPlayer | Self::KeepSatisfied)
    }
}

/// The grid quadrant of an actor with these scores (formula [`GRID`]).
#[must_use]
pub const fn quadrant(power: u8, interest: u8, t: Thresholds) -> Quadrant {
    match (power >= t.grid_high, interest >= t.grid_high) {
        (true, true) => Quadrant::KeyPlayer,
        (true, false) => Quadrant::KeepSatisfied,
        (false, true) => Quadrant::KeepInformed,
        (false, false) => Quadrant::Monitor,
    }
}

/// A salience class (Mitchell, Agle & Wood 1997).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Salience {
    /// Power, legitimacy and urgency.
    Definitive,
    /// Power and legitimacy.
    Dominant,
    /// Power and urgency.
    Dangerous,
    /// Legitimacy and urgency.
    Dependent,
    /// Power only.
    Dormant,
    /// Legitimacy only.
    Discretionary,
    /// Urgency only.
    Demanding,
    /// None of the three.
    NonStakeholder,
}

/// The group of a salience class: salience rises with the number of attributes present.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// All three attributes.
    Definitive,
    /// Two attributes.
    Expectant,
    /// One attribute.
    Latent,
    /// None.
    None,
}

impl Salience {
    /// All eight, most salient first.
    pub const ALL: [Self; 8] = [
        Self::Definitive,
        Self::Dominant,
        Self::Dangerous,
        Self::Dependent,
        Self::Dormant,
        Self::Discretionary,
        Self::Demanding,
        Self::NonStakeholder,
    ];

    /// The class's name.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Definitive, Lang::Sv) => "Definitiv",
            (Self::Dominant, Lang::Sv) => "Dominant",
            (Self::Dangerous, Lang::Sv) => "Farlig",
            (Self::Dependent, Lang::Sv) => "Beroende",
            (Self::Dormant, Lang::Sv) => "Vilande",
            (Self::Discretionary, Lang::Sv) => "Diskretionär",
            (Self::Demanding, Lang::Sv) => "Krävande",
            (Self::NonStakeholder, Lang::Sv) => "Ingen intressent",
            (Self::Definitive, Lang::En) => "Definitive",
            (Self::Dominant, Lang::En) => "Dominant",
            (Self::Dangerous, Lang::En) => "Dangerous",
            (Self::Dependent, Lang::En) => "Dependent",
            (Self::Dormant, Lang::En) => "Dormant",
            (Self::Discretionary, Lang::En) => "Discretionary",
            (Self::Demanding, Lang::En) => "Demanding",
            (Self::NonStakeholder, Lang::En) => "Non-stakeholder",
        }
    }

    /// The class's group.
    #[must_use]
    pub const fn group(self) -> Group {
        match self {
            Self::Definitive => Group::Definitive,
            Self::Dominant | Self::Dangerous | Self::Dependent => Group::Expectant,
            Self::Dormant | Self::Discretionary | Self::Demanding => Group::Latent,
            Self::NonStakeholder => Group::None,
        }
    }

    /// How many of power, legitimacy and urgency are present (0–3).
    #[must_use]
    pub const fn attributes(self) -> u8 {
        match self.group() {
            Group::Definitive => 3,
            Group::Expectant => 2,
            Group::Latent => 1,
            Group::None => 0,
        }
    }
}

impl Group {
    /// The group's name.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Definitive, Lang::Sv) => "definitiv",
            (Self::Expectant, Lang::Sv) => "förväntande",
            (Self::Latent, Lang::Sv) => "latent",
            (Self::None, Lang::Sv) => "ingen",
            (Self::Definitive, Lang::En) => "definitive",
            (Self::Expectant, Lang::En) => "expectant",
            (Self::Latent, Lang::En) => "latent",
            (Self::None, Lang::En) => "none",
        }
    }
}

/// The salience class of an actor with these scores (formula [`SALIENCE`]).
#[must_use]
pub const fn salience(power: u8, legitimacy: u8, urgency: u8, t: Thresholds) -> Salience {
    let at = t.salience_present;
    match (power >= at, legitimacy >= at, urgency >= at) {
        (true, true, true) => Salience::Definitive,
        (true, true, false) => Salience::Dominant,
        (true, false, true) => Salience::Dangerous,
        (false, true, true) => Salience::Dependent,
        (true, false, false) => Salience::Dormant,
        (false, true, false) => Salience::Discretionary,
        (false, false, true) => Salience::Demanding,
        (false, false, false) => Salience::NonStakeholder,
    }
}

/// How the grid and salience disagree about one actor (formula [`DISAGREE`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Disagreement {
    /// The grid puts the actor low on power (keep informed or monitor), yet two or three
    /// salience attributes are present: legitimacy and urgency carry what the grid ignores —
    /// a sameby with statutory standing under SFS 2022:66 is the standard case.
    GridTooLow,
    /// The grid makes the actor a key player, yet at most one salience attribute is present.
    GridTooHigh,
}

impl Disagreement {
    /// The disagreement in words.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::GridTooLow, Lang::Sv) => {
                "Lågt i rutnätet men hög angelägenhet: legitimitet eller brådska väger upp låg makt."
            }
            (Self::GridTooHigh, Lang::Sv) => {
                "Nyckelaktör i rutnätet men låg angelägenhet: högst ett av makt, legitimitet och brådska."
            }
            (Self::GridTooLow, Lang::En) => {
                "Low on the grid but highly salient: legitimacy or urgency outweigh low power."
            }
            (Self::GridTooHigh, Lang::En) => {
                "Key player on the grid but of low salience: at most one of power, legitimacy and urgency."
            }
        }
    }
}

/// Where the two views disagree: low power on the grid with ≥ 2 salience attributes, or a key
/// player with ≤ 1 (formula [`DISAGREE`]).
#[must_use]
pub const fn disagree(q: Quadrant, s: Salience) -> Option<Disagreement> {
    match (q, s.attributes()) {
        (Quadrant::KeepInformed | Quadrant::Monitor, 2..) => Some(Disagreement::GridTooLow),
        (Quadrant::KeyPlayer, ..=1) => Some(Disagreement::GridTooHigh),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: Thresholds = Thresholds {
        grid_high: 3,
        salience_present: 4,
    };

    #[test]
    fn the_grid_boundary_is_high() {
        // Default threshold 3: power 3 / interest 3 is a key player, 2/3 keep informed,
        // 3/2 keep satisfied, 2/2 monitor; 5/1 keep satisfied.
        assert_eq!(quadrant(3, 3, T), Quadrant::KeyPlayer);
        assert_eq!(quadrant(2, 3, T), Quadrant::KeepInformed);
        assert_eq!(quadrant(3, 2, T), Quadrant::KeepSatisfied);
        assert_eq!(quadrant(2, 2, T), Quadrant::Monitor);
        assert_eq!(quadrant(5, 1, T), Quadrant::KeepSatisfied);
        // A stored threshold of 4 moves 3/3 to monitor.
        let t4 = Thresholds { grid_high: 4, ..T };
        assert_eq!(quadrant(3, 3, t4), Quadrant::Monitor);
        assert_eq!(quadrant(4, 4, t4), Quadrant::KeyPlayer);
    }

    #[test]
    fn every_row_of_the_salience_table() {
        // DOMAIN §5.2's table with "present" = ≥ 4: 4 and 5 count, 3 does not.
        let cases = [
            ((4, 1, 1), Salience::Dormant, Group::Latent),
            ((1, 5, 3), Salience::Discretionary, Group::Latent),
            ((3, 3, 4), Salience::Demanding, Group::Latent),
            ((5, 4, 2), Salience::Dominant, Group::Expectant),
            ((4, 3, 5), Salience::Dangerous, Group::Expectant),
            ((2, 4, 4), Salience::Dependent, Group::Expectant),
            ((4, 4, 4), Salience::Definitive, Group::Definitive),
            ((3, 3, 3), Salience::NonStakeholder, Group::None),
        ];
        for ((p, l, u), class, group) in cases {
            let s = salience(p, l, u, T);
            assert_eq!((s, s.group()), (class, group), "{p}/{l}/{u}");
        }
        // Threshold 3 makes 3/3/3 definitive.
        let t3 = Thresholds {
            salience_present: 3,
            ..T
        };
        assert_eq!(salience(3, 3, 3, t3), Salience::Definitive);
    }

    #[test]
    fn a_sameby_lands_low_on_the_grid_but_is_dependent() {
        // Power 2, interest 5, legitimacy 5, urgency 4: grid 2 < 3 → keep informed; salience
        // L and U present, P not → dependent (expectant, 2 attributes) → the grid is too low.
        let q = quadrant(2, 5, T);
        let s = salience(2, 5, 4, T);
        assert_eq!((q, s), (Quadrant::KeepInformed, Salience::Dependent));
        assert_eq!(disagree(q, s), Some(Disagreement::GridTooLow));
        // A company with power 4 and interest 3 but legitimacy and urgency 2: key player, yet
        // only dormant (1 attribute) → the grid is too high.
        let q = quadrant(4, 3, T);
        let s = salience(4, 2, 2, T);
        assert_eq!((q, s), (Quadrant::KeyPlayer, Salience::Dormant));
        assert_eq!(disagree(q, s), Some(Disagreement::GridTooHigh));
        // Agreement: key player and definitive; monitor and non-stakeholder; keep satisfied is
        // never flagged.
        assert_eq!(disagree(Quadrant::KeyPlayer, Salience::Definitive), None);
        assert_eq!(disagree(Quadrant::Monitor, Salience::NonStakeholder), None);
        assert_eq!(
            disagree(Quadrant::KeepSatisfied, Salience::NonStakeholder),
            None
        );
        assert_eq!(disagree(Quadrant::Monitor, Salience::Demanding), None);
    }

    #[test]
    fn thresholds_outside_the_scale_are_invalid() {
        assert!(T.valid());
        assert!(!Thresholds { grid_high: 0, ..T }.valid());
        assert!(
            !Thresholds {
                salience_present: 6,
                ..T
            }
            .valid()
        );
    }
}
