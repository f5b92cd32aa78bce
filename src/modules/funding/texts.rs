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
    title: "Hållbarhetssäkring" / "Sustainability-proofing",
    summary: "Bedömning av ansökningar om företagsstöd och projektmedel mot tydliga kriterier." / "Assessment of applications for business support and project funds against explicit criteria.",
    planned: ["Grindkriterier först, t.ex. principen att inte orsaka betydande skada", "Därefter öppen, viktad poängsättning kopplad till de regionala målen", "Flaggor från målkonfliktsmatrisen och för samiskt samråd"] / ["Hard gates first, e.g. the do-no-significant-harm principle", "Then transparent, weighted scoring tied to the regional goals", "Flags from the goal-conflict matrix and for Sami consultation"],
}
