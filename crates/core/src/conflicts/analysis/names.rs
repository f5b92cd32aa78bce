//! Names of the measures and explanations of the formula ids, in Swedish and English, for the
//! UI's tables, legends and "how is this computed?" texts.
use serde::Serialize;

use super::grid::UNJUDGED_AS_ZERO;
use super::measures::{
    COMBINED, COMBINED_SCALED, FIRST_ORDER, HIDDEN_TRADEOFFS, NEGATIVE_PATHS, NET_SPLIT,
    SECOND_ORDER, SECOND_ORDER_SCALED, SIGNED_SPLIT, VESTER, VESTER_CLASS,
};
use super::ranking::RANKING;
use super::sensitivity::SENSITIVITY;
use crate::lang::Lang;

/// A measure shown per node (or per pair, for the second order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// `out_i`.
    OutSum,
    /// `in_i`.
    InSum,
    /// `out⁺_i`.
    OutPos,
    /// `out⁻_i`.
    OutNeg,
    /// `in⁺_i`.
    InPos,
    /// `in⁻_i`.
    InNeg,
    /// Positive cells in the row.
    OutPosCount,
    /// Negative cells in the row.
    OutNegCount,
    /// Positive cells in the column.
    InPosCount,
    /// Negative cells in the column.
    InNegCount,
    /// `out − in`.
    Net,
    /// `out⁺ − in⁺`.
    NetPos,
    /// `out⁻ − in⁻`.
    NetNeg,
    /// Vester AS.
    ActiveSum,
    /// Vester PS.
    PassiveSum,
    /// Vester Q = AS / PS.
    Quotient,
    /// Vester P = AS · PS.
    Product,
    /// `(A²)_ik`.
    SecondOrder,
    /// First plus second order.
    Combined,
    /// MICMAC influence.
    MicmacInfluence,
    /// MICMAC dependence.
    MicmacDependence,
}

impl Measure {
    /// Every measure.
    pub const ALL: [Self; 21] = [
        Self::OutSum,
        Self::InSum,
        Self::OutPos,
        Self::OutNeg,
        Self::InPos,
        Self::InNeg,
        Self::OutPosCount,
        Self::OutNegCount,
        Self::InPosCount,
        Self::InNegCount,
        Self::Net,
        Self::NetPos,
        Self::NetNeg,
        Self::ActiveSum,
        Self::PassiveSum,
        Self::Quotient,
        Self::Product,
        Self::SecondOrder,
        Self::Combined,
        Self::MicmacInfluence,
        Self::MicmacDependence,
    ];

    /// The measure's name: (Swedish, English).
    #[must_use]
    pub const fn names(self) -> (&'static str, &'static str) {
        match self {
            Self::OutSum => ("Utåtstyrka", "Out-strength"),
            Self::InSum => ("Inåtstyrka", "In-strength"),
            Self::OutPos => ("Utåt, positivt", "Out, positive"),
            Self::OutNeg => ("Utåt, negativt", "Out, negative"),
            Self::InPos => ("Inåt, positivt", "In, positive"),
            Self::InNeg => ("Inåt, negativt", "In, negative"),
            Self::OutPosCount => ("Antal positiva utåt", "Positive cells out"),
            Self::OutNegCount => ("Antal negativa utåt", "Negative cells out"),
            Self::InPosCount => ("Antal positiva inåt", "Positive cells in"),
            Self::InNegCount => ("Antal negativa inåt", "Negative cells in"),
            Self::Net => ("Netto", "Net"),
            Self::NetPos => ("Netto, positivt", "Net, positive"),
            Self::NetNeg => ("Netto, negativt", "Net, negative"),
            Self::ActiveSum => ("Aktivsumma", "Active sum"),
            Self::PassiveSum => ("Passivsumma", "Passive sum"),
            Self::Quotient => ("Kvot (AS/PS)", "Quotient (AS/PS)"),
            Self::Product => ("Produkt (AS·PS)", "Product (AS·PS)"),
            Self::SecondOrder => ("Andra ordningens påverkan", "Second-order influence"),
            Self::Combined => ("Samlad påverkan", "Combined influence"),
            Self::MicmacInfluence => ("MICMAC-inflytande", "MICMAC influence"),
            Self::MicmacDependence => ("MICMAC-beroende", "MICMAC dependence"),
        }
    }

    /// The measure's name in `lang`.
    #[must_use]
    pub const fn name(self, lang: Lang) -> &'static str {
        pick(self.names(), lang)
    }
}

const fn pick(pair: (&'static str, &'static str), lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => pair.0,
        Lang::En => pair.1,
    }
}

/// A formula id with its explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Formula {
    /// The id stored in the analysis.
    pub id: &'static str,
    /// Swedish explanation.
    pub sv: &'static str,
    /// English explanation.
    pub en: &'static str,
}

/// Every formula id except the MICMAC ones (one per power, explained by [`MICMAC_TEXT`]).
pub const FORMULAS: [Formula; 14] = [
    Formula {
        id: UNJUDGED_AS_ZERO,
        sv: "Obedömda celler räknas som 0 i alla summor; hur många celler som är bedömda visas bredvid.",
        en: "Unjudged cells count as 0 in every sum; how many cells are judged is shown alongside.",
    },
    Formula {
        id: FIRST_ORDER,
        sv: "Utåtstyrka: summan av radens värden (hur målet påverkar de andra). Inåtstyrka: summan av kolumnens värden (hur de andra påverkar målet).",
        en: "Out-strength: the sum of the row's scores (how the goal influences the others). In-strength: the sum of the column's scores (how the others influence the goal).",
    },
    Formula {
        id: SIGNED_SPLIT,
        sv: "Positiva och negativa värden summeras var för sig, utåt (raden) och inåt (kolumnen), och antalet positiva och negativa celler räknas.",
        en: "Positive and negative scores are summed separately, out (the row) and in (the column), and the positive and negative cells are counted.",
    },
    Formula {
        id: NET_SPLIT,
        sv: "Netto = utåt − inåt, även för de positiva och negativa delarna var för sig. Ett mål som bara tar emot målkonflikter får ett positivt netto utan att påverka något; läs därför delarna, och rangordna aldrig efter netto.",
        en: "Net = out − in, also for the positive and the negative parts separately. A goal that only receives trade-offs gets a positive net without influencing anything, so read the parts, and never rank by net.",
    },
    Formula {
        id: VESTER,
        sv: "Vester: aktivsumma AS = summan av radens belopp, passivsumma PS = summan av kolumnens belopp. Kvot Q = AS/PS, exakt (”–” när PS = 0). Produkt P = AS·PS.",
        en: "Vester: active sum AS = the sum of the row's absolute scores, passive sum PS = the sum of the column's. Quotient Q = AS/PS, exact (“–” when PS = 0). Product P = AS·PS.",
    },
    Formula {
        id: VESTER_CLASS,
        sv: "Hög = minst medelvärdet över alla mål (och större än 0). Båda höga: kritisk. Bara AS hög: aktiv. Bara PS hög: reaktiv. Ingen hög: buffrande.",
        en: "High = at least the mean over all goals (and above 0). Both high: critical. Only AS high: active. Only PS high: reactive. Neither high: buffering.",
    },
    Formula {
        id: SECOND_ORDER,
        sv: "Andra ordningen: för varje par i → k summan av a(i,j)·a(j,k) över alla mellanled j; målets påverkan på sig självt räknas inte. Två negativa led ger ett positivt bidrag: mindre framsteg för j betyder mindre motverkan på k.",
        en: "Second order: for each pair i → k the sum of a(i,j)·a(j,k) over every intermediate j; a goal's influence on itself is left out. Two negative links give a positive term: less progress on j means less counteraction on k.",
    },
    Formula {
        id: SECOND_ORDER_SCALED,
        sv: "Andra ordningen skalad med 1/3: summan av a(i,j)·a(j,k)/3, så att två led på +3 ger +3; målets påverkan på sig självt räknas inte. Två negativa led ger ett positivt bidrag.",
        en: "Second order scaled by 1/3: the sum of a(i,j)·a(j,k)/3, so two +3 links chain to +3; a goal's influence on itself is left out. Two negative links give a positive term.",
    },
    Formula {
        id: COMBINED,
        sv: "Samlad påverkan: utåtstyrkan plus summan av målets andra ordningens påverkan på de andra målen.",
        en: "Combined influence: the out-strength plus the sum of the goal's second-order influence on the other goals.",
    },
    Formula {
        id: COMBINED_SCALED,
        sv: "Samlad påverkan: utåtstyrkan plus summan av målets andra ordningens påverkan (skalad med 1/3) på de andra målen, exakt som bråk.",
        en: "Combined influence: the out-strength plus the sum of the goal's second-order influence (scaled by 1/3) on the other goals, exact as a fraction.",
    },
    Formula {
        id: NEGATIVE_PATHS,
        sv: "De starkaste negativa tvåstegskedjorna i → j → k, efter produkten a(i,j)·a(j,k), mest negativ först.",
        en: "The strongest negative two-step chains i → j → k, by the product a(i,j)·a(j,k), most negative first.",
    },
    Formula {
        id: HIDDEN_TRADEOFFS,
        sv: "Dolda målkonflikter: par där den direkta bedömningen är 0, positiv eller saknas, men andra ordningen är negativ.",
        en: "Hidden trade-offs: pairs whose direct score is 0, positive or missing, but whose second order is negative.",
    },
    Formula {
        id: RANKING,
        sv: "Rangordning: högst värde först; lika värden i målens ordning i matrisen.",
        en: "Ranking: highest value first; equal values in the goals' order in the matrix.",
    },
    Formula {
        id: SENSITIVITY,
        sv: "Känslighet: för varje cell prövas +1 och −1 (inom −3 till +3, obedömd som 0), och det räknas om rangordningarna eller deras topp 3 ändras. MICMAC ingår inte.",
        en: "Sensitivity: every cell is tried at +1 and −1 (within −3 to +3, unjudged as 0), counting whether the rankings or their top 3 change. MICMAC is not included.",
    },
];

/// The explanation of every MICMAC id (`micmac_abs_k{k}_v1`): (Swedish, English).
pub const MICMAC_TEXT: (&str, &str) = (
    "MICMAC: beloppen i matrisen upphöjs till k (k står i formelns id); inflytande = radsummorna, beroende = kolumnsummorna. Andelarna visas avrundade, rangordningen bygger på de exakta heltalen.",
    "MICMAC: the matrix of absolute scores raised to the power k (k is in the formula id); influence = the row sums, dependence = the column sums. Shares are shown rounded; the ranking uses the exact integers.",
);

/// The explanation of a formula id in `lang`; `None` for an unknown id.
#[must_use]
pub fn explain(id: &str, lang: Lang) -> Option<&'static str> {
    if super::measures::MICMAC.contains(&id) {
        return Some(pick(MICMAC_TEXT, lang));
    }
    FORMULAS
        .iter()
        .find(|f| f.id == id)
        .map(|f| pick((f.sv, f.en), lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conflicts::analysis::measures::{MICMAC, VesterClass};

    #[test]
    fn every_id_is_explained_and_unique() {
        let mut ids: Vec<&str> = FORMULAS.iter().map(|f| f.id).collect();
        ids.extend(MICMAC);
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n);
        for id in ids {
            for lang in Lang::ALL {
                assert!(explain(id, lang).is_some_and(|t| !t.is_empty()), "{id}");
            }
        }
        assert_eq!(explain("nope", Lang::Sv), None);
        assert!(explain(FIRST_ORDER, Lang::Sv).is_some_and(|t| t.starts_with("Utåtstyrka")));
    }

    #[test]
    fn names_in_both_languages() {
        for m in Measure::ALL {
            let (sv, en) = m.names();
            assert!(!sv.is_empty() && !en.is_empty());
            assert_eq!(m.name(Lang::Sv), sv);
            assert_eq!(m.name(Lang::En), en);
        }
        assert_eq!(VesterClass::Critical.name(Lang::Sv), "Kritisk");
        assert_eq!(VesterClass::Buffering.name(Lang::En), "Buffering");
        let sv: Vec<_> = VesterClass::ALL.iter().map(|c| c.name(Lang::Sv)).collect();
        assert_eq!(sv, ["Kritisk", "Aktiv", "Reaktiv", "Buffrande"]);
    }
}
