//! Every UI string, one typed catalogue per language.
//!
//! A struct with one field per string (rather than a key/value file) makes a
//! missing translation a compile error, costs no parsing at start-up and adds
//! nothing to the bundle beyond the strings themselves. See ARCHITECTURE.md.
use leptos::prelude::*;
use vagval_core::Lang;

/// What a module page says about itself.
pub struct ModuleTexts {
    /// Navigation label and page heading.
    pub title: &'static str,
    /// One paragraph on what the module is for.
    pub summary: &'static str,
    /// What the module will hold.
    pub planned: &'static [&'static str],
}

/// All strings of one language.
pub struct Texts {
    pub app_name: &'static str,
    pub app_tagline: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub workspace_label: &'static str,
    pub save_saved: &'static str,
    pub save_saving: &'static str,
    pub save_failed: &'static str,
    pub save_read_only: &'static str,
    pub save_memory_only: &'static str,
    pub undo: &'static str,
    pub redo: &'static str,
    pub update_ready: &'static str,
    pub update_reload: &'static str,
    pub storage_unavailable: &'static str,
    pub language: &'static str,
    pub planned_heading: &'static str,
    pub coming_note: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub back_to_overview: &'static str,
    pub overview: ModuleTexts,
    pub open_module: &'static str,
    pub overview_modules: &'static str,
    pub inspel: ModuleTexts,
    pub conflicts: ModuleTexts,
    pub stakeholders: ModuleTexts,
    pub actions: ModuleTexts,
    pub funding: ModuleTexts,
    pub share: ModuleTexts,
    pub settings: ModuleTexts,
    pub settings_workspace: &'static str,
    pub settings_name: &'static str,
    pub settings_organisation: &'static str,
    pub settings_description: &'static str,
    pub settings_save: &'static str,
    pub settings_display: &'static str,
    pub settings_large_text: &'static str,
    pub settings_large_text_hint: &'static str,
    pub privacy_heading: &'static str,
    pub privacy_note: &'static str,
}

/// Svenska.
pub static SV: Texts = Texts {
    app_name: "Vägval",
    app_tagline: "Hållbar regional utveckling – offline",
    skip_to_content: "Hoppa till innehållet",
    nav_label: "Moduler",
    workspace_label: "Arbetsyta",
    save_saved: "Sparat",
    save_saving: "Sparar …",
    save_failed: "Inte sparat",
    save_read_only: "Skrivskyddad",
    save_memory_only: "Sparas inte",
    undo: "Ångra",
    redo: "Gör om",
    update_ready: "Ny version finns",
    update_reload: "Ladda om",
    storage_unavailable: "Webbläsaren tillåter inte lagring här (privat läge?). Ändringar finns bara kvar tills fliken stängs – exportera innan du slutar.",
    language: "Språk",
    planned_heading: "Det här kommer modulen att innehålla",
    coming_note: "Modulen byggs just nu. Navigering, sparande och språkval fungerar redan.",
    not_found_title: "Sidan finns inte",
    not_found_body: "Adressen leder inte till någon del av Vägval.",
    back_to_overview: "Till översikten",
    overview: ModuleTexts {
        title: "Översikt",
        summary: "Allt arbete i en arbetsyta som finns på den här enheten. Ingen server, inget konto – dela arbetet som JSON-filer med kollegor.",
        planned: &[],
    },
    open_module: "Öppna",
    overview_modules: "Moduler",
    inspel: ModuleTexts {
        title: "Inspel & prioritering",
        summary: "Påverkansagendans cykel: inspel från kommunerna sammanställs, prioriteras i workshop på surfplattor utan nät, begränsas till det som går att genomföra och skrivs in i agendan.",
        planned: &[
            "Inspel med inlämnare, kommun, tema och hållbarhetsdimensioner",
            "Import från kalkylblad (CSV) och sammanslagning av dubbletter",
            "Röstningsomgångar med låsta regler: poäng, prickar, rangordning m.fl.",
            "Resultat med konsensusmått och jämförelse mellan metoder",
            "Kapacitetstak, agenda, samråd och spårbarhet",
        ],
    },
    conflicts: ModuleTexts {
        title: "Målkonflikter",
        summary: "Korsvis påverkansmatris mellan mål på den sjugradiga skalan −3 till +3, först individuellt och sedan i konsensus.",
        planned: &[
            "Mål från den regionala strategin, Agenda 2030 eller hållbarhetsdimensionerna",
            "Matris med tangentbord och pekskärm, och tabell för skärmläsare",
            "Analys av påverkan, målkonflikter och andra ordningens effekter",
            "Snabbkontroll av ett ärende med förslag till text för tjänsteskrivelsen",
        ],
    },
    stakeholders: ModuleTexts {
        title: "Intressenter",
        summary: "Intressentkarta över aktörerna i länet: företag, universitet, kommuner, regionen, länsstyrelsen, intresseorganisationer och samiska aktörer.",
        planned: &[
            "Aktörer med typ, inflytande och intresse",
            "Relationer mellan aktörer",
            "Vyer: rutnät, klasser och nätverk med dra-och-släpp och tangentbord",
        ],
    },
    actions: ModuleTexts {
        title: "Insatsområden",
        summary: "De fyra insatsområdena med effektkedjor från resurser till effekter, indikatorer och aktivitetsplan.",
        planned: &[
            "Effektkedja: resurser → aktiviteter → prestationer → resultat → effekter",
            "Indikatorer med utgångsläge, mål och utfall",
            "Aktivitetsplan med datum och ansvariga, lärlogg",
            "Samrådslogg för samiska frågor",
            "Samverkansprojekt med budget och medfinansiering",
        ],
    },
    funding: ModuleTexts {
        title: "Hållbarhetssäkring",
        summary: "Bedömning av ansökningar om företagsstöd och projektmedel mot tydliga kriterier.",
        planned: &[
            "Grindkriterier först, t.ex. principen att inte orsaka betydande skada",
            "Därefter öppen, viktad poängsättning kopplad till de regionala målen",
            "Flaggor från målkonfliktsmatrisen och för samiskt samråd",
        ],
    },
    share: ModuleTexts {
        title: "Dela & importera",
        summary: "Exportera arbetsytan som en JSON-fil och slå ihop filer från kollegor och surfplattor utan att någons arbete går förlorat.",
        planned: &[
            "Export av hela arbetsytan eller en modul",
            "Import med förhandsvisning, sammanslagning eller ersättning",
            "Sammanslagningsrapport med möjlighet att återställa värden",
        ],
    },
    settings: ModuleTexts {
        title: "Inställningar",
        summary: "Arbetsytans uppgifter, språk och visning.",
        planned: &[],
    },
    settings_workspace: "Arbetsyta",
    settings_name: "Namn",
    settings_organisation: "Organisation",
    settings_description: "Beskrivning",
    settings_save: "Spara",
    settings_display: "Visning",
    settings_large_text: "Stor text (projektor)",
    settings_large_text_hint: "Större text och tydligare kontraster när skärmen visas för en grupp.",
    privacy_heading: "Dina uppgifter",
    privacy_note: "Allt du skriver sparas bara i den här webbläsaren på den här enheten. Inget skickas någonstans förrän du själv exporterar en fil.",
};

/// English.
pub static EN: Texts = Texts {
    app_name: "Vägval",
    app_tagline: "Sustainable regional development – offline",
    skip_to_content: "Skip to content",
    nav_label: "Modules",
    workspace_label: "Workspace",
    save_saved: "Saved",
    save_saving: "Saving …",
    save_failed: "Not saved",
    save_read_only: "Read-only",
    save_memory_only: "Not stored",
    undo: "Undo",
    redo: "Redo",
    update_ready: "A new version is available",
    update_reload: "Reload",
    storage_unavailable: "This browser does not allow storage here (private mode?). Changes last only until the tab is closed – export before you finish.",
    language: "Language",
    planned_heading: "What this module will hold",
    coming_note: "This module is being built. Navigation, saving and language already work.",
    not_found_title: "Page not found",
    not_found_body: "The address does not lead to any part of Vägval.",
    back_to_overview: "To the overview",
    overview: ModuleTexts {
        title: "Overview",
        summary: "All work in one workspace kept on this device. No server, no account – share the work with colleagues as JSON files.",
        planned: &[],
    },
    open_module: "Open",
    overview_modules: "Modules",
    inspel: ModuleTexts {
        title: "Inputs & prioritisation",
        summary: "The influence agenda cycle: inputs from the municipalities are compiled, prioritised in a workshop on tablets without a network, capped to what can be carried out and written into the agenda.",
        planned: &[
            "Inputs with submitter, municipality, theme and sustainability dimensions",
            "Import from spreadsheets (CSV) and merging of duplicates",
            "Voting rounds with locked rules: points, dots, ranking and more",
            "Results with consensus measures and a comparison of methods",
            "Capacity cap, agenda, consultation and traceability",
        ],
    },
    conflicts: ModuleTexts {
        title: "Goal conflicts",
        summary: "A cross-impact matrix of goals on the seven-point scale from −3 to +3, first individually and then in consensus.",
        planned: &[
            "Goals from the regional strategy, the 2030 Agenda or the sustainability dimensions",
            "Matrix for keyboard and touch, with a table for screen readers",
            "Analysis of influence, trade-offs and second-order effects",
            "Quick check of a case with draft text for the case memo",
        ],
    },
    stakeholders: ModuleTexts {
        title: "Stakeholders",
        summary: "A stakeholder map of the county's actors: companies, the university, municipalities, the region, the county administrative board, interest organisations and Sami actors.",
        planned: &[
            "Actors with type, power and interest",
            "Relations between actors",
            "Views: grid, classes and a network with drag and keyboard",
        ],
    },
    actions: ModuleTexts {
        title: "Action areas",
        summary: "The four action areas with effect chains from resources to impact, indicators and an activity plan.",
        planned: &[
            "Effect chain: resources → activities → outputs → outcomes → impact",
            "Indicators with baseline, target and actual",
            "Activity plan with dates and owners, learning log",
            "Sami consultation log",
            "Collaboration projects with budget and co-financing",
        ],
    },
    funding: ModuleTexts {
        title: "Sustainability-proofing",
        summary: "Assessment of applications for business support and project funds against explicit criteria.",
        planned: &[
            "Hard gates first, e.g. the do-no-significant-harm principle",
            "Then transparent, weighted scoring tied to the regional goals",
            "Flags from the goal-conflict matrix and for Sami consultation",
        ],
    },
    share: ModuleTexts {
        title: "Share & import",
        summary: "Export the workspace as a JSON file and merge files from colleagues and tablets without losing anybody's work.",
        planned: &[
            "Export of the whole workspace or one module",
            "Import with a preview, merge or replace",
            "Merge report with the option to restore values",
        ],
    },
    settings: ModuleTexts {
        title: "Settings",
        summary: "Workspace details, language and display.",
        planned: &[],
    },
    settings_workspace: "Workspace",
    settings_name: "Name",
    settings_organisation: "Organisation",
    settings_description: "Description",
    settings_save: "Save",
    settings_display: "Display",
    settings_large_text: "Large text (projector)",
    settings_large_text_hint: "Larger text and stronger contrast when the screen is shown to a group.",
    privacy_heading: "Your data",
    privacy_note: "Everything you write is kept only in this browser on this device. Nothing is sent anywhere until you export a file yourself.",
};

/// The catalogue for `lang`.
#[must_use]
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

/// The current language, provided as context by the app shell.
#[derive(Clone, Copy)]
pub struct I18n(pub RwSignal<Lang>);

impl I18n {
    /// The current catalogue (tracks the language signal).
    #[must_use]
    pub fn t(self) -> &'static Texts {
        texts(self.0.get())
    }

    /// The current language (tracks the signal).
    #[must_use]
    pub fn lang(self) -> Lang {
        self.0.get()
    }
}

/// The language context.
#[must_use]
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}
