//! The goal-conflict module's strings, Swedish and English side by side.
use leptos::prelude::*;
use vagval_core::Lang;

use crate::i18n::{I18n, ModuleTexts};

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

/// The module's catalogue through the language context.
pub trait ConflictsI18n {
    /// The module's catalogue (tracks the language signal).
    fn c(self) -> &'static Texts;
    /// One of the module's texts as a signal.
    fn trc(self, pick: fn(&'static Texts) -> &'static str) -> Signal<&'static str>;
}

impl ConflictsI18n for I18n {
    fn c(self) -> &'static Texts {
        texts(self.lang())
    }

    fn trc(self, pick: fn(&'static Texts) -> &'static str) -> Signal<&'static str> {
        Signal::derive(move || pick(self.c()))
    }
}

crate::card! {
    pub static CARD_SV, CARD_EN;
    title: "Målkonflikter" / "Goal conflicts",
    summary: "Korsvis påverkansmatris mellan mål på den sjugradiga skalan −3 till +3: tyst bedömning på var sin surfplatta, diskussion av det ni är oense om, analys och snabbkontroll av ärenden." / "A cross-impact matrix of goals on the seven-point scale from −3 to +3: silent scoring on each tablet, discussion of what you disagree on, analysis and a quick check of cases.",
}

crate::texts! {
    /// The strings of goal sets, matrices, scoring, reveal, analysis and cases.
    pub struct Texts(SV, EN) [
        card: ModuleTexts = CARD_SV / CARD_EN,
    ] {
        sets: "Måluppsättningar" / "Goal sets",
        sets_lead: "Målen som matriserna bedöms över: Agenda 2030, hållbarhetsdimensionerna eller egna mål, till exempel den regionala utvecklingsstrategins prioriteringar." / "The goals matrices are scored over: the 2030 Agenda, the sustainability dimensions or your own goals, such as the regional development strategy's priorities.",
        new_set: "Ny måluppsättning" / "New goal set",
        set_name: "Namn" / "Name",
        set_source: "Utgå från" / "Start from",
        create: "Skapa" / "Create",
        goals_word: "mål" / "goals",
        served_by: "Inspel som bidrar" / "Inputs serving it",
        and_more: "och {n} till" / "and {n} more",
        add_goal: "Lägg till mål" / "Add goal",
        goal_set: "Måluppsättning" / "Goal set",
        goal_code: "Kod" / "Code",
        goal_name: "Målets namn" / "Goal name",
        goal_sami: "Berör samiska villkor eller rennäringen" / "Concerns Sami conditions or reindeer husbandry",
        matrices: "Matriser" / "Matrices",
        new_matrix: "Ny matris" / "New matrix",
        matrix_name: "Matrisens namn" / "Matrix name",
        matrix_goals_hint: "Matrisen omfattar alla mål i uppsättningen." / "The matrix covers every goal of the set.",
        open: "Öppna" / "Open",
        judged_of: "bedömda av" / "judged of",
        raters_word: "deltagare" / "raters",
        cases: "Ärenden" / "Cases",
        cases_lead: "Kontrollera ett politiskt ärende mot en matris: vilka målkonflikter berör det, direkt och i andra ledet? Du får ett förslag till text för tjänsteskrivelsen." / "Check a political case against a matrix: which goal conflicts does it touch, directly and at one remove? You get draft text for the case memo.",
        new_case: "Nytt ärende" / "New case",
        case_title: "Ärendets rubrik" / "Case title",
        diary: "Diarienummer" / "Diary number",
        matrix_word: "Matris" / "Matrix",
        none_yet: "Inga ännu." / "None yet.",
        tab_score: "Bedöm" / "Score",
        tab_reveal: "Visa och diskutera" / "Reveal and discuss",
        tab_analysis: "Analys" / "Analysis",
        status_scoring: "Tyst bedömning pågår: ingen ser de andras bedömningar." / "Silent scoring: nobody sees the others' scores.",
        status_revealed: "Bedömningarna är visade." / "The scores are revealed.",
        rater: "Din kod eller ditt namn" / "Your code or name",
        rater_hint: "En kod räcker (till exempel A3). Samma kod på två surfplattor blir en och samma bedömning." / "A code is enough (for example A3). The same code on two tablets is one and the same scoring.",
        start_scoring: "Börja bedöma" / "Start scoring",
        hand_over: "Klar – lämna över" / "Done – hand over",
        question: "Hur påverkar framsteg för radens mål framsteg för kolumnens mål?" / "How does progress on the row goal influence progress on the column goal?",
        keys_help: "Tangentbord: pilarna flyttar mellan cellerna, 0–3 sätter ett värde, − och + stegar nedåt och uppåt (− följt av en siffra ger ett negativt värde), Delete rensar, Enter öppnar motivering och säkerhet. Tryck på en cell för att välja med fingret." / "Keyboard: arrows move between cells, 0–3 set a value, − and + step down and up (− followed by a digit gives a negative value), Delete clears, Enter opens rationale and confidence. Tap a cell to choose by touch.",
        progress: "bedömda" / "judged",
        of_word: "av" / "of",
        suggestion: "förslag" / "suggestion",
        accept_suggestions: "Ta förslagen som mina bedömningar" / "Take the suggestions as my scores",
        rows_word: "Rader" / "Rows",
        cols_word: "Kolumner" / "Columns",
        prev: "Föregående" / "Previous",
        next: "Nästa" / "Next",
        from_goal: "Från" / "From",
        to_goal: "Till" / "To",
        clear: "Rensa" / "Clear",
        close: "Stäng" / "Close",
        rationale: "Motivering (valfri)" / "Rationale (optional)",
        confidence: "Säkerhet" / "Confidence",
        not_set: "Ej angiven" / "Not set",
        save: "Spara" / "Save",
        reveal: "Visa bedömningarna" / "Reveal the scores",
        unreveal: "Tillbaka till tyst bedömning" / "Back to silent scoring",
        not_revealed: "Bedömningarna visas när processledaren väljer ”Visa bedömningarna”. Fram till dess ser du bara hur långt var och en har kommit." / "The scores show when the facilitator chooses \"Reveal the scores\". Until then you only see how far each rater has come.",
        per_rater: "Deltagarnas framsteg" / "Raters' progress",
        heat: "Matrisen (samsyn där den finns, annars median)" / "The matrix (consensus where it exists, otherwise median)",
        heat_help: "⚑ = till diskussion (spridning minst gränsen eller olika tecken), ✓ = samsyn satt. Tabellen är också matrisens data." / "⚑ = to discuss (range at least the threshold, or opposite signs), ✓ = consensus set. The table is also the matrix's data.",
        overview: "Hela matrisen i översikt" / "The whole matrix at a glance",
        overview_label: "Översikt över hela matrisen: varje ruta är en cell i färgen för sitt värde, svarta prickar är celler att diskutera, ramen är delen i tabellen nedan" / "Overview of the whole matrix: each square is a cell in the colour of its value, black dots are cells to discuss, the frame is the part in the table below",
        overview_help: "Tryck på en del av översikten för att visa den i tabellen nedan, eller använd knapparna Föregående och Nästa. Tabellen är matrisens data." / "Tap a part of the overview to show it in the table below, or use the Previous and Next buttons. The table is the matrix's data.",
        not_judged: "ej bedömd" / "not judged",
        queue: "Att diskutera" / "To discuss",
        queue_help: "Cellerna där ni är mest oense först: olika tecken, sedan störst spridning." / "The cells you disagree on most first: opposite signs, then the largest range.",
        queue_empty: "Inget att diskutera." / "Nothing to discuss.",
        scores_word: "Bedömningar" / "Scores",
        median: "Median" / "Median",
        mean: "Medel" / "Mean",
        range: "Spridning" / "Range",
        sign_conflict: "olika tecken" / "opposite signs",
        agreed: "Samsyn" / "Consensus",
        set_consensus: "Spara samsyn" / "Save consensus",
        remove_consensus: "Ta bort samsyn" / "Remove consensus",
        note: "Vad gruppen sa (valfritt)" / "What the group said (optional)",
        by: "Antecknat av" / "Recorded by",
        analysis_lead: "Analysen använder samsynsvärdet där det finns och annars deltagarnas median; obedömda celler räknas som 0." / "The analysis uses the consensus value where it exists and otherwise the raters' median; unjudged cells count as 0.",
        from_consensus: "från samsyn" / "from consensus",
        from_median: "från median" / "from median",
        unjudged: "obedömda" / "unjudged",
        measures: "Målens roller" / "The goals' roles",
        measures_help: "Rangordnade efter första och andra ordningen sammantaget. Utåt = hur målet påverkar de andra; inåt = hur det påverkas. Plus- och minusdelarna visas var för sig." / "Ranked by first and second order combined. Out = how the goal influences the others; in = how it is influenced. The positive and negative parts are shown separately.",
        net_pitfall: "Varför inte bara netto? Ett mål som bara tar emot målkonflikter har negativ inåtstyrka och därför positivt netto – det ser ut som en drivkraft fast det är en förlorare. Därför visas netto för plus- och minusdelarna var för sig." / "Why not just net? A goal that only receives trade-offs has negative in-strength and so a positive net — it looks like a driver although it loses. So net is shown for the positive and negative parts separately.",
        col_rank: "Plats" / "Rank",
        col_goal: "Mål" / "Goal",
        col_pair: "Målpar (rad → kolumn)" / "Goal pair (row → column)",
        col_ranking: "Rangordning" / "Ranking",
        col_out: "Utåt" / "Out",
        col_in: "Inåt" / "In",
        col_net_pos: "Netto +" / "Net +",
        col_net_neg: "Netto −" / "Net −",
        col_as: "Aktivsumma AS" / "Active sum AS",
        col_ps: "Passivsumma PS" / "Passive sum PS",
        col_q: "Kvot Q = AS/PS" / "Quotient Q = AS/PS",
        col_p: "Produkt P = AS·PS" / "Product P = AS·PS",
        col_role: "Roll" / "Role",
        col_combined: "Första + andra" / "First + second",
        paths: "Starkaste negativa tvåstegsvägar" / "Strongest negative two-step paths",
        paths_help: "A → B → C: framsteg för A påverkar B, som påverkar C. Minus gånger minus blir plus: mindre framsteg för B betyder mindre motverkan av C." / "A → B → C: progress on A influences B, which influences C. Minus times minus is plus: less progress on B means less counteraction on C.",
        hidden: "Målkonflikter som bara syns i andra ordningen" / "Trade-offs visible only in the second order",
        hidden_help: "Paren där den direkta bedömningen är noll eller positiv men vägen via ett annat mål är negativ." / "The pairs where the direct score is zero or positive but the path through another goal is negative.",
        first_order: "Första ordningen" / "First order",
        second_order: "Andra ordningen" / "Second order",
        via: "starkast via" / "strongest via",
        pairs: "Par att bedöma" / "Pairs to score",
        pairs_help: "Bedöm inte alltid hela matrisen: välj de par som flaggades för diskussion (för en ny tyst bedömning efter samtalet) eller paren för några mål. Deltagarna ser då bara de valda paren." / "Do not always score the whole matrix: choose the pairs flagged for discussion (for a new silent round after the talk) or the pairs of a few goals. The raters then see only the chosen pairs.",
        pairs_all_prefix: "Alla" / "All",
        pairs_all: "par bedöms." / "pairs are scored.",
        pairs_selected: "par är valda för bedömning." / "pairs are chosen for scoring.",
        pairs_flagged: "Bara de flaggade paren" / "Only the flagged pairs",
        pairs_every: "Alla par igen" / "Every pair again",
        pairs_goals: "Bara paren med de här målen (rad eller kolumn)" / "Only the pairs of these goals (row or column)",
        pairs_touching: "Välj deras par" / "Choose their pairs",
        pairs_pick_first: "Kryssa för minst ett mål först." / "Tick at least one goal first.",
        pairs_saved: "Urvalet är sparat." / "The choice is saved.",
        pairs_unchanged: "Urvalet är redan detsamma." / "The choice is already the same.",
        network: "Nätverk med tecken" / "Signed network",
        network_help: "En pil från radmålet till kolumnmålet för varje påverkan minst så stark som valt: heldragen grön = synergi, streckad röd = målkonflikt, tjockare = starkare. Siffran i cirkeln är målets nummer i listan bredvid; tabellen under är bildens data." / "An arrow from the row goal to the column goal for each influence at least as strong as chosen: solid green = synergy, dashed red = trade-off, thicker = stronger. The number in the circle is the goal's number in the list beside it; the table below is the picture's data.",
        network_strength: "Visa påverkan" / "Show influences",
        network_legend: "Målens nummer" / "The goals' numbers",
        network_table: "Pilarna i nätverket" / "The network's arrows",
        network_left_out: "svagare pilar visas inte (bilden skulle bli oläslig); tabellerna ovan har alla celler." / "weaker arrows are not drawn (the picture would be unreadable); the tables above hold every cell.",
        value_word: "Värde" / "Value",
        kind_word: "Slag" / "Kind",
        synergy: "synergi" / "synergy",
        trade_off: "målkonflikt" / "trade-off",
        sensitivity: "Känslighet" / "Sensitivity",
        sensitivity_help: "Ändras rangordningarna om en enda cell flyttas ett steg (±1)?" / "Do the rankings change if any one cell moves by one step (±1)?",
        changes_order: "ändringar ändrar ordningen" / "changes alter the order",
        changes_top: "ändrar topp 3" / "alter the top 3",
        formulas: "Formler" / "Formulas",
        csv_scores: "Ladda ner bedömningar (CSV)" / "Download scores (CSV)",
        csv_results: "Ladda ner resultat (CSV)" / "Download results (CSV)",
        print: "Skriv ut (A3 liggande)" / "Print (A3 landscape)",
        back: "Till målkonflikter" / "Back to goal conflicts",
        case_lead: "Ange vilka mål ärendet främjar eller försvårar. Kontrollen visar målkonflikterna i matrisen och föreslår ett stycke till tjänsteskrivelsen." / "Say which goals the case advances or hinders. The check shows the goal conflicts in the matrix and drafts a paragraph for the case memo.",
        description: "Beskrivning" / "Description",
        effects: "Påverkade mål" / "Goals affected",
        effect_none: "Påverkas inte" / "Not affected",
        effect_adv: "Främjar" / "Advances",
        effect_hin: "Försvårar" / "Hinders",
        direct: "Direkta målkonflikter" / "Direct goal conflicts",
        indirect: "Målkonflikter i andra ledet" / "Goal conflicts at one remove",
        synergies: "Synergier" / "Synergies",
        memo: "Text till tjänsteskrivelsen" / "Text for the case memo",
        memo_help: "Förslaget bygger på kontrollen. Redigera fritt; texten sparas med ärendet." / "The draft is built from the check. Edit freely; the text is saved with the case.",
        redraft: "Skapa nytt förslag" / "Draft again",
        copy: "Kopiera" / "Copy",
        copied: "Kopierat." / "Copied.",
        inside_case: "båda målen ingår i ärendet" / "both goals are in the case",
        no_matrix: "Välj en matris för ärendet." / "Choose a matrix for the case.",
        not_found: "Finns inte (den kan ha raderats)." / "Not found (it may have been deleted).",
        import_goals: "Importera mål från kalkylark (CSV)" / "Import goals from a spreadsheet (CSV)",
        import_goals_help: "Kolumner som Kod, Mål, Beskrivning och Samiskt (ja/nej) känns igen. Målen läggs i den måluppsättning som är vald ovan; rader med fel och mål som redan finns hoppas över." / "Columns such as Code, Goal, Description and Sami (yes/no) are recognised. The goals go into the goal set chosen above; rows with errors and goals already there are skipped.",
        choose_csv: "Välj CSV-fil" / "Choose CSV file",
        csv_unreadable: "Filen kunde inte läsas." / "The file could not be read.",
        row_word: "Rad" / "Row",
        import_rows: "Importera giltiga rader" / "Import valid rows",
        goals_imported: "mål importerade." / "goals imported.",
        suggest_from: "Förslag från en tidigare matris" / "Suggestions from an earlier matrix",
        suggest_help: "Den tidigare matrisens värden (samsyn, annars median) visas som förslag i de celler där båda matriserna har samma mål, tills deltagaren bekräftar dem." / "The earlier matrix's values (consensus, otherwise median) show as suggestions in the cells where both matrices have the same goals, until the rater confirms them.",
        suggest_apply: "Hämta förslag" / "Fetch suggestions",
        suggest_none: "Inga gemensamma mål att föreslå." / "No shared goals to suggest.",
    }
}
