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
    title: "Intressenter" / "Stakeholders",
    summary: "Intressentkarta över aktörerna i länet: företag, universitet, kommuner, regionen, länsstyrelsen, intresseorganisationer och samiska aktörer." / "A stakeholder map of the county's actors: companies, the university, municipalities, the region, the county administrative board, interest organisations and Sami actors.",
    planned: ["Aktörer med typ, inflytande och intresse", "Relationer mellan aktörer", "Vyer: rutnät, klasser och nätverk med dra-och-släpp och tangentbord"] / ["Actors with type, power and interest", "Relations between actors", "Views: grid, classes and a network with drag and keyboard"],
}
