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
    title: "Insatsområden" / "Action areas",
    summary: "De fyra insatsområdena med effektkedjor från resurser till effekter, indikatorer och aktivitetsplan." / "The four action areas with effect chains from resources to impact, indicators and an activity plan.",
    planned: ["Effektkedja: resurser → aktiviteter → prestationer → resultat → effekter", "Indikatorer med utgångsläge, mål och utfall", "Aktivitetsplan med datum och ansvariga, lärlogg", "Samrådslogg för samiska frågor", "Samverkansprojekt med budget och medfinansiering"] / ["Effect chain: resources → activities → outputs → outcomes → impact", "Indicators with baseline, target and actual", "Activity plan with dates and owners, learning log", "Sami consultation log", "Collaboration projects with budget and co-financing"],
}
