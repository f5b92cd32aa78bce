//! The module's strings.
use vagval_core::Lang;

use crate::i18n::ModuleTexts;

/// The module's card (overview, navigation, page heading) for `lang`.
#[must_use]
pub fn card(lang: Lang) -> &'static ModuleTexts {
    match lang {
        Lang::Sv => &CARD_SV,
        Lang::En => &CARD_EN,
    }
}

crate::card! {
    pub static CARD_SV, CARD_EN;
    title: "Målkonflikter" / "Goal conflicts",
    summary: "Korsvis påverkansmatris mellan mål på den sjugradiga skalan −3 till +3, först individuellt och sedan i konsensus." / "A cross-impact matrix of goals on the seven-point scale from −3 to +3, first individually and then in consensus.",
    planned: ["Mål från den regionala strategin, Agenda 2030 eller hållbarhetsdimensionerna", "Matris med tangentbord och pekskärm, och tabell för skärmläsare", "Analys av påverkan, målkonflikter och andra ordningens effekter", "Snabbkontroll av ett ärende med förslag till text för tjänsteskrivelsen"] / ["Goals from the regional strategy, the 2030 Agenda or the sustainability dimensions", "Matrix for keyboard and touch, with a table for screen readers", "Analysis of influence, trade-offs and second-order effects", "Quick check of a case with draft text for the case memo"],
}
