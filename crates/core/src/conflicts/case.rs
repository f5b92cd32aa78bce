//! The case check (ärende): a political case names the goals it affects and in which
//! direction; the check lists the first- and second-order goal conflicts it touches in a
//! matrix and drafts the paragraph for the case memo (tjänsteskrivelse), in Swedish and
//! English, which the user edits and stores with the case.
use serde::{Deserialize, Serialize};

use crate::Doc;
use crate::kernel::check::{self, NAME_MAX, TEXT_MAX};
use crate::kernel::id::Id;
use crate::kernel::lang::Lang;
use crate::kernel::record::Guard;

use super::matrix::scale_label;
use super::stats::Reveal;

/// Longest diary number.
pub const DIARY_MAX: usize = 60;
/// Most conflicts of each order listed by the check.
pub const LISTED_MAX: usize = 20;

/// How a case affects a goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// The case furthers progress on the goal.
    Advances,
    /// The case hinders progress on the goal.
    Hinders,
}

impl Effect {
    /// +1 or −1.
    #[must_use]
    pub const fn sign(self) -> i64 {
        match self {
            Self::Advances => 1,
            Self::Hinders => -1,
        }
    }

    /// The direction's name.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Advances, Lang::Sv) => "främjar",
            (Self::Hinders, Lang::Sv) => "försvårar",
            (Self::Advances, Lang::En) => "advances",
            (Self::Hinders, Lang::En) => "hinders",
        }
    }
}

record_kind! {
    /// A political case checked against a goal-conflict matrix.
    Case = "case" noun("ärende", "ärenden", ett, "case", "cases") {
        /// The case's title.
        title: String = check::required_text::<NAME_MAX>; required label names("rubrik", "title") handle(TITLE),
        /// The diary number (diarienummer).
        diary: String = check::text::<DIARY_MAX>; names("diarienummer", "diary number") handle(DIARY),
        /// What the case is about.
        description: String = check::text::<TEXT_MAX>; names("beskrivning", "description") handle(DESCRIPTION),
        /// The matrix it is checked against.
        matrix: Id = check::any; refs(matrix) names("matris", "matrix") handle(MATRIX),
        /// The goals it affects and how (`null`: no longer named).
        effects: map<Id, Option<Effect>> = check::any; refs(goal) names("påverkade mål", "goals affected") handle(EFFECTS),
        /// The memo paragraph in Swedish, as edited by the user.
        memo_sv: String = check::text::<TEXT_MAX>; names("text till tjänsteskrivelsen", "memo text (Swedish)") handle(MEMO_SV),
        /// The memo paragraph in English, as edited by the user.
        memo_en: String = check::text::<TEXT_MAX>; names("text till tjänsteskrivelsen (engelska)", "memo text (English)") handle(MEMO_EN),
        /// May be of particular importance to the Sami: needs a consultation before the
        /// decision (lag 2022:66).
        sami: bool = check::any; names("av särskild betydelse för samerna", "of particular importance to the Sami") handle(SAMI),
        /// In the trash.
        removed: bool = check::any; trash names("papperskorgen", "trash") handle(REMOVED),
    }
}

impl Guard<Doc> for Case {}

impl Case {
    /// The goals named, with their effect, in id order.
    pub fn named(&self) -> impl Iterator<Item = (&Id, Effect)> {
        self.effects()
            .into_iter()
            .flat_map(|m| m.0.iter())
            .filter_map(|(g, r)| r.value.map(|e| (g, e)))
    }
}

/// A first-order conflict: the case's effect on `from` works against `to`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Direct {
    /// The goal the case affects.
    pub from: Id,
    /// How.
    pub effect: Effect,
    /// The goal that loses.
    pub to: Id,
    /// `a(from, to)`.
    pub score: i8,
    /// `sign(effect) · a(from, to)` (negative: a conflict).
    pub impact: i64,
    /// `to` is itself a goal the case names (a conflict inside the case).
    pub inside: bool,
}

/// A second-order conflict hidden in the first-order view: `from → via → to` with the
/// case's effect, where the direct link does not conflict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Indirect {
    /// The goal the case affects.
    pub from: Id,
    /// How.
    pub effect: Effect,
    /// The goal in between.
    pub via: Id,
    /// The goal that loses.
    pub to: Id,
    /// `sign(effect) · a(from, via) · a(via, to)`.
    pub impact: i64,
}

/// What the check finds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseCheck {
    /// First-order conflicts, most negative first (at most [`LISTED_MAX`]).
    pub direct: Vec<Direct>,
    /// Second-order conflicts not visible in the first order, most negative first (at most
    /// [`LISTED_MAX`]).
    pub indirect: Vec<Indirect>,
    /// Synergies: first-order positive impacts, strongest first (at most [`LISTED_MAX`]).
    pub synergies: Vec<Direct>,
    /// Analysed cells from a consensus / from a median / unjudged.
    pub sources: (usize, usize, usize),
}

/// Checks `case` against its matrix (`None` when the case or its matrix is missing).
///
/// For a named goal `g` with sign `d` (+1 advances, −1 hinders) and every other goal `k` of
/// the matrix: the first-order impact is `d·a(g,k)`, a conflict when negative. The
/// second-order impact through `j` is `d·a(g,j)·a(j,k)`; it is listed when negative and the
/// first-order impact on `k` is not (what the first-order view hides). Unjudged cells count
/// as 0 (OPEN-11). Bounded: `n ≤ 169` goals, `O(named · n²)`.
#[must_use]
pub fn check_case(doc: &Doc, case: &Id) -> Option<CaseCheck> {
    let c = doc.cases.get(case)?;
    let named: Vec<(&Id, Effect)> = c.named().collect();
    check_effects(doc, c.matrix()?, &named)
}

/// Checks effects on goals (`named`: goal, effect) against `matrix`, as [`check_case`] does
/// for a case (`None` when the matrix is missing). Also used by the sustainability-proofing's
/// conflict flags (a funding case advances the goals it targets).
#[must_use]
pub fn check_effects(doc: &Doc, matrix: &Id, named: &[(&Id, Effect)]) -> Option<CaseCheck> {
    Reveal::of(doc, matrix).map(|reveal| check_revealed(&reveal, named))
}

/// [`check_effects`] against a matrix already read (a page checking many applications against
/// one matrix reads it once).
#[must_use]
pub fn check_revealed(reveal: &Reveal, named: &[(&Id, Effect)]) -> CaseCheck {
    let values = reveal.values();
    let at = |i: usize, j: usize| -> i64 {
        values
            .get(i)
            .and_then(|r| r.get(j))
            .copied()
            .flatten()
            .map_or(0, i64::from)
    };
    let index: std::collections::BTreeMap<&Id, usize> = reveal
        .goals
        .iter()
        .enumerate()
        .map(|(k, g)| (g, k))
        .collect();
    let named: Vec<(usize, Effect)> = named
        .iter()
        .filter_map(|(g, e)| index.get(*g).map(|&i| (i, *e)))
        .collect();
    let is_named = |k: usize| named.iter().any(|(i, _)| *i == k);
    let n = reveal.goals.len();
    let (mut direct, mut synergies, mut indirect) = (Vec::new(), Vec::new(), Vec::new());
    for &(g, e) in &named {
        for k in (0..n).filter(|&k| k != g) {
            let first = e.sign() * at(g, k);
            let d = Direct {
                from: reveal.goals[g].clone(),
                effect: e,
                to: reveal.goals[k].clone(),
                score: i8::try_from(at(g, k)).unwrap_or(0),
                impact: first,
                inside: is_named(k),
            };
            if first < 0 {
                direct.push(d);
            } else if first > 0 {
                synergies.push(d);
            }
            if first >= 0 {
                // The strongest negative path g → j → k.
                let worst = (0..n)
                    .filter(|&j| j != g && j != k)
                    .map(|j| (e.sign() * at(g, j) * at(j, k), j))
                    .filter(|(v, _)| *v < 0)
                    .min();
                if let Some((impact, j)) = worst {
                    indirect.push(Indirect {
                        from: reveal.goals[g].clone(),
                        effect: e,
                        via: reveal.goals[j].clone(),
                        to: reveal.goals[k].clone(),
                        impact,
                    });
                }
            }
        }
    }
    direct.sort_by(|a, b| {
        a.impact
            .cmp(&b.impact)
            .then_with(|| (&a.from, &a.to).cmp(&(&b.from, &b.to)))
    });
    synergies.sort_by(|a, b| {
        b.impact
            .cmp(&a.impact)
            .then_with(|| (&a.from, &a.to).cmp(&(&b.from, &b.to)))
    });
    indirect.sort_by(|a, b| {
        a.impact
            .cmp(&b.impact)
            .then_with(|| (&a.from, &a.via, &a.to).cmp(&(&b.from, &b.via, &b.to)))
    });
    direct.truncate(LISTED_MAX);
    synergies.truncate(LISTED_MAX);
    indirect.truncate(LISTED_MAX);
    let s = reveal.sources();
    let get = |k: &str| s.get(k).copied().unwrap_or(0);
    CaseCheck {
        direct,
        indirect,
        synergies,
        sources: (get("consensus"), get("median"), get("unjudged")),
    }
}

/// A number as text with its sign: "+2", "0", "−1" (a real minus sign, U+2212).
#[must_use]
pub fn signed(v: i64) -> String {
    match v {
        v if v > 0 => format!("+{v}"),
        v if v < 0 => format!("−{}", v.unsigned_abs()),
        _ => "0".to_owned(),
    }
}

fn list(items: &[String], lang: Lang) -> String {
    let and = match lang {
        Lang::Sv => "och",
        Lang::En => "and",
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

/// The draft paragraph for the case memo, from the check. Goals are named by
/// [`Goal::display`](super::goal::Goal::display).
#[must_use]
pub fn draft_memo(doc: &Doc, case: &Id, check: &CaseCheck, lang: Lang) -> String {
    let Some(c) = doc.cases.get(case) else {
        return String::new();
    };
    let goal = |g: &Id| {
        doc.goals
            .get(g)
            .map(super::goal::Goal::display)
            .unwrap_or_default()
    };
    let matrix = c
        .matrix()
        .and_then(|m| doc.matrices.get(m))
        .and_then(|m| m.name().cloned())
        .unwrap_or_default();
    let by = |e: Effect| -> Vec<String> {
        c.named()
            .filter(|(_, x)| *x == e)
            .map(|(g, _)| goal(g))
            .collect()
    };
    let (adv, hin) = (by(Effect::Advances), by(Effect::Hinders));
    let title = c.title().cloned().unwrap_or_default();
    let diary = c
        .diary()
        .filter(|d| !d.is_empty())
        .map(|d| format!(" ({d})"))
        .unwrap_or_default();
    let mut out = String::new();
    match lang {
        Lang::Sv => {
            out.push_str(&format!("Ärendet {title}{diary} bedöms"));
            match (adv.is_empty(), hin.is_empty()) {
                (false, false) => out.push_str(&format!(
                    " främja {} och försvåra {}.",
                    list(&adv, lang),
                    list(&hin, lang)
                )),
                (false, true) => out.push_str(&format!(" främja {}.", list(&adv, lang))),
                (true, false) => out.push_str(&format!(" försvåra {}.", list(&hin, lang))),
                (true, true) => out.push_str(" inte påverka något av målen i analysen."),
            }
            out.push_str(&format!(" Enligt målkonfliktsanalysen ”{matrix}”"));
            out.push_str(" (samsynsvärden där sådana finns, annars deltagarnas median)");
            if check.direct.is_empty() {
                out.push_str(" berör ärendet inga direkta målkonflikter.");
            } else {
                let items: Vec<String> = check
                    .direct
                    .iter()
                    .take(5)
                    .map(|d| {
                        format!(
                            "att ärendet {} {}, vilket påverkar {} ({}, {})",
                            d.effect.label(lang),
                            goal(&d.from),
                            goal(&d.to),
                            scale_label(d.score, lang),
                            signed(i64::from(d.score))
                        )
                    })
                    .collect();
                out.push_str(&format!(
                    " finns följande direkta målkonflikter: {}.",
                    list(&items, lang)
                ));
            }
            if !check.indirect.is_empty() {
                let items: Vec<String> = check
                    .indirect
                    .iter()
                    .take(3)
                    .map(|p| {
                        format!(
                            "{} → {} → {} ({})",
                            goal(&p.from),
                            goal(&p.via),
                            goal(&p.to),
                            signed(p.impact)
                        )
                    })
                    .collect();
                out.push_str(&format!(" Indirekt, via ett mellanliggande mål, finns också målkonflikter som inte syns i den direkta bedömningen: {}.", list(&items, lang)));
            }
            if !check.direct.is_empty() || !check.indirect.is_empty() {
                out.push_str(" Konflikterna bör vägas in i beslutet och hanteras med åtgärder som mildrar de negativa effekterna.");
            }
        }
        Lang::En => {
            out.push_str(&format!("The case {title}{diary} is assessed to"));
            match (adv.is_empty(), hin.is_empty()) {
                (false, false) => out.push_str(&format!(
                    " advance {} and hinder {}.",
                    list(&adv, lang),
                    list(&hin, lang)
                )),
                (false, true) => out.push_str(&format!(" advance {}.", list(&adv, lang))),
                (true, false) => out.push_str(&format!(" hinder {}.", list(&hin, lang))),
                (true, true) => out.push_str(" affect none of the goals in the analysis."),
            }
            out.push_str(&format!(
                " According to the goal-conflict analysis “{matrix}”"
            ));
            out.push_str(
                " (consensus values where they exist, otherwise the participants' median)",
            );
            if check.direct.is_empty() {
                out.push_str(" the case touches no direct goal conflicts.");
            } else {
                let items: Vec<String> = check
                    .direct
                    .iter()
                    .take(5)
                    .map(|d| {
                        format!(
                            "that the case {} {}, which affects {} ({}, {})",
                            d.effect.label(lang),
                            goal(&d.from),
                            goal(&d.to),
                            scale_label(d.score, lang),
                            signed(i64::from(d.score))
                        )
                    })
                    .collect();
                out.push_str(&format!(
                    " it touches these direct goal conflicts: {}.",
                    list(&items, lang)
                ));
            }
            if !check.indirect.is_empty() {
                let items: Vec<String> = check
                    .indirect
                    .iter()
                    .take(3)
                    .map(|p| {
                        format!(
                            "{} → {} → {} ({})",
                            goal(&p.from),
                            goal(&p.via),
                            goal(&p.to),
                            signed(p.impact)
                        )
                    })
                    .collect();
                out.push_str(&format!(" Indirectly, through a goal in between, there are also conflicts the direct assessment does not show: {}.", list(&items, lang)));
            }
            if !check.direct.is_empty() || !check.indirect.is_empty() {
                out.push_str(" The conflicts should be weighed in the decision and handled with measures that mitigate the negative effects.");
            }
        }
    }
    out
}
