//! The module's strings, Swedish and English side by side.
use vagval_core::Lang;

use crate::i18n::ModuleTexts;

/// The module's catalogue for `lang`.
#[must_use]
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

/// The module's card (overview, navigation, page heading) for `lang`.
#[must_use]
pub fn card(lang: Lang) -> &'static ModuleTexts {
    texts(lang).card
}

crate::card! {
    pub static CARD_SV, CARD_EN;
    title: "Insatsområden" / "Action areas",
    summary: "De fyra insatsområdena med effektkedjor från resurser till samhällspåverkan, indikatorer, aktivitetsplan och samverkansprojekt." / "The four action areas with effect chains from resources to impact, indicators, an activity plan and collaboration projects.",
    planned: ["Rita effektkedjan med touch och tangentbord, fäll ihop nivåer, skriv ut på A3", "Registrera utfall och se diagram över tid", "Aktivitetsplan på en tidslinje, import och export för Excel", "Lärlogg, samrådslogg för samiska frågor och kollegialt utbyte"] / ["Draw the effect chain by touch and keyboard, collapse levels, print on A3", "Record actual values and see a chart over time", "Activity plan on a timeline, import and export for Excel", "Learning log, Sami consultation log and peer exchange"],
}

crate::texts! {
    /// The strings of the action areas.
    pub struct Texts(SV, EN) [
        card: ModuleTexts = CARD_SV / CARD_EN,
    ] {
        lead: "Läget i insatsområdena: vad effektkedjornas kontroll hittar, hur indikatorerna går mot sina mål och om projektens finansiering håller. Samma beräkning som kommandot vagval areas. Redigering kommer." / "Where the action areas stand: what the effect chains' check finds, how the indicators move towards their targets and whether the projects' financing holds. The same computation as the command vagval areas. Editing is coming.",
        areas: "Insatsområden" / "Action areas",
        no_areas: "Inga insatsområden ännu." / "No action areas yet.",
        chains: "Effektkedjor" / "Effect chains",
        no_problems: "Kontrollen hittar inga problem." / "The check finds no problems.",
        nodes: "noder" / "nodes",
        arrows: "pilar" / "arrows",
        indicators: "Indikatorer" / "Indicators",
        indicator: "Indikator" / "Indicator",
        latest: "Senaste utfall" / "Latest value",
        progress: "Måluppfyllelse" / "Progress",
        off_track: "Ur kurs" / "Off track",
        off_track_rule: "Ur kurs: indikatorn rör sig bort från målet, eller ligger mer än en tiondel efter den raka linjen från utgångsvärdet till målvärdet vid utfallets år." / "Off track: the indicator moves away from its target, or lies more than a tenth behind the straight line from the baseline to the target by the value's year.",
        yes: "ja" / "yes",
        projects: "Samverkansprojekt" / "Collaboration projects",
        project: "Projekt" / "Project",
        cost: "Kostnad" / "Cost",
        financing: "Finansiering" / "Financing",
        checks: "Kontroll" / "Check",
        holds: "Finansieringen håller." / "The financing holds.",
        formulas: "Formler" / "Formulas",
    }
}
