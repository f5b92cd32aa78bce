//! The prioritisation module's strings: inspel, voting rounds, ballots, results and the agenda.
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
pub trait ModuleI18n {
    /// The module's catalogue (tracks the language signal).
    fn v(self) -> &'static Texts;
    /// One of the module's texts as a signal (one shared type, like [`I18n::tr`]).
    fn trv(self, pick: fn(&'static Texts) -> &'static str) -> Signal<&'static str>;
}

impl ModuleI18n for I18n {
    fn v(self) -> &'static Texts {
        texts(self.lang())
    }

    fn trv(self, pick: fn(&'static Texts) -> &'static str) -> Signal<&'static str> {
        Signal::derive(move || pick(self.v()))
    }
}

impl Texts {
    /// "röst" for one, "röster" otherwise.
    #[must_use]
    pub fn ballots(&self, n: usize) -> &'static str {
        if n == 1 {
            self.ballot_one
        } else {
            self.ballots_word
        }
    }
}

crate::texts! {
    /// The strings of inspel, voting rounds, results and the agenda.
    pub struct Texts(SV, EN) [
        card: ModuleTexts = CARD_SV / CARD_EN,
    ] {
        csv_heading: "Importera från kalkylark (CSV)" / "Import from a spreadsheet (CSV)",
        csv_help:
            "Spara kalkylarket som CSV (semikolonavgränsad, UTF-8 eller äldre Excel-format). Du väljer vilken kolumn som är vad och ser felen per rad innan något importeras."
            / "Save the spreadsheet as CSV (semicolon-separated, UTF-8 or older Excel format). You choose which column is what and see the errors per row before anything is imported.",
        csv_pick: "Välj CSV-fil" / "Choose CSV file",
        csv_unreadable:
            "Filen kunde inte läsas. Inget har ändrats."
            / "The file could not be read. Nothing has changed.",
        csv_ignore: "Ignorera" / "Ignore",
        csv_cp1252:
            "Filen lästes som Windows-1252 (äldre Excel). Kontrollera att å, ä och ö ser rätt ut nedan."
            / "The file was read as Windows-1252 (older Excel). Check that å, ä and ö look right below.",
        csv_row: "Rad" / "Row",
        csv_errors: "Rader som inte importeras" / "Rows that will not be imported",
        csv_valid: "rader kan importeras" / "rows can be imported",
        csv_invalid: "har fel" / "have errors",
        csv_mapping: "Kolumner och de första raderna" / "Columns and the first rows",
        csv_import_n: "Importera" / "Import",
        csv_done: "importerade. Ångra med Ångra-knappen." / "imported. Undo with the Undo button.",
        csv_understood: "läses som" / "read as",
        merged_from: "Sammanslaget från" / "Merged from",
        split: "Dela upp igen" / "Split again",
        merge_with: "Slå ihop med dubbletter: sök inspel" / "Merge with duplicates: search inputs",
        votes_stay:
            "Rösterna ligger kvar på originalen och flyttas inte; det sammanslagna inspelet kan väljas i nya omröstningar"
            / "Votes stay on the originals and are not moved; the merged input can be chosen in new rounds",
        on_this: "på det här" / "on this one",
        merge_confirm: "Slå ihop" / "Merge",
        no_match: "Inga inspel matchar sökningen." / "No inputs match the search.",
        mark: "Markera" / "Select",
        mark_all: "Markera alla som visas" / "Select all shown",
        marked: "markerade" / "selected",
        unmark: "Avmarkera alla" / "Clear selection",
        set_status: "Sätt status" / "Set status",
        new_status: "Ny status för de markerade" / "New status for the selected",
        search: "Sök" / "Search",
        status: "Status" / "Status",
        dimension: "Hållbarhetsdimension" / "Sustainability dimension",
        sort: "Sortera efter" / "Sort by",
        theme: "Tema" / "Theme",
        edit: "Ändra" / "Edit",
        close: "Stäng" / "Close",
        description: "Beskrivning" / "Description",
        person: "Kontaktperson (frivilligt)" / "Contact person (optional)",
        dimensions: "Hållbarhetsdimensioner" / "Sustainability dimensions",
        goal_links: "Mål som inspelet bidrar till" / "Goals this input serves",
        goal_links_hint:
            "Mål från Målkonflikter, högst 20. Kopplingen visas också vid målet."
            / "Goals from Goal conflicts, at most 20. The link also shows at the goal.",
        goal_links_none:
            "Inga mål än: lägg till en måluppsättning under Målkonflikter."
            / "No goals yet: add a goal set under Goal conflicts.",
        goal_removed: "borttaget mål" / "removed goal",
        chosen_word: "valda" / "chosen",
        list: "Inspel" / "Inputs",
        rounds: "Omröstningar" / "Voting rounds",
        agenda: "Agenda" / "Agenda",
        rounds_lead:
            "En omröstning låter deltagarna prioritera inspelen med en metod. Reglerna låses när den första rösten finns."
            / "A round lets participants prioritise the inputs with one method. The rules lock when the first ballot exists.",
        rounds_existing: "Omröstningar i arbetsytan" / "Rounds in this workspace",
        rounds_none: "Inga omröstningar ännu." / "No rounds yet.",
        ballots_word: "röster" / "ballots",
        ballot_one: "röst" / "ballot",
        csv_repeats:
            "rader finns redan som inspel här (samma rubrik, kommun, organisation, tema och beskrivning) – troligen är filen redan importerad."
            / "rows are already inputs here (same title, municipality, organisation, theme and description) – the file was probably imported before.",
        csv_scroll_hint:
            "Välj för varje kolumn vad den innehåller. Tabellen har fler kolumner än som syns – svep eller skrolla i sidled."
            / "Choose for each column what it holds. The table has more columns than fit – swipe or scroll sideways.",
        editor_done: "Klar" / "Done",
        read_more: "Läs mer" / "Read more",
        printed_on: "Utskriven" / "Printed",
        date_format: "ÅÅÅÅ-MM-DD" / "YYYY-MM-DD",
        date_hint: "Till exempel 2020-12-08." / "For example 2020-12-08.",
        to_agenda_done:
            "punkter är införda i agendan, i rangordning."
            / "points are in the agenda, in ranked order.",
        stale_heading:
            "Avsteget gäller ett tidigare resultat"
            / "The override belongs to an earlier result",
        stale_body:
            "Röster har kommit till eller fallit bort sedan avsteget gjordes, så urvalet följer nu regeln igen. Bekräfta avsteget för det nya resultatet eller gör ett nytt."
            / "Ballots have been added or left out since the override was made, so the selection follows the rule again. Confirm the override for the new result or make a new one.",
        stale_confirm:
            "Bekräfta avsteget för det nya resultatet"
            / "Confirm the override for the new result",
        stale_confirmed_prefix: "Bekräftat efter nya röster:" / "Confirmed after new ballots:",
        cap_heading: "Kapacitet: hur många punkter som ryms" / "Capacity: how many points fit",
        cap_help:
            "Beslutet kan fattas under workshopen, även efter att resultatet visats. Det ändrar inte vad rösterna betyder och loggas med vem som beslutade och när; det står i resultatintyget."
            / "This can be decided during the workshop, also after the results were shown. It does not change what the ballots mean and is logged with who decided and when; it is in the result certificate.",
        cap_value: "Antal eller kapacitet" / "Number or capacity",
        cap_who: "Beslutat av" / "Decided by",
        cap_after_results:
            "Resultatet har visats för deltagarna"
            / "The results have been shown to the participants",
        cap_save: "Spara beslutet" / "Save the decision",
        cap_decided_by: "Beslutat av" / "Decided by",
        cap_after: "efter att resultatet visats" / "after the results were shown",
        cap_before: "innan resultatet visades" / "before the results were shown",
        cap_who_missing: "Skriv vem som fattade beslutet." / "Enter who made the decision.",
        not_counted_heading: "Röster som inte räknas" / "Ballots not counted",
        not_counted_none: "Alla röster räknas." / "Every ballot is counted.",
        col_participant: "Deltagare" / "Participant",
        col_reason: "Skäl" / "Reason",
        up_to_k:
            "Deltagarna får rangordna färre (upp till k)"
            / "Participants may rank fewer (up to k)",
        editor_saved_hint:
            "Ändringar sparas när du lämnar fältet och kan ångras."
            / "Changes are saved when you leave the field and can be undone.",
        csv_skip_repeats: "Hoppa över dem" / "Skip them",
        ballot_word: "Röst" / "Ballot",
        items_word: "inspel" / "inputs",
        round: "Omröstning" / "Voting round",
        no_round: "Omröstningen finns inte" / "The round does not exist",
        new_round: "Ny omröstning" / "New round",
        rules: "Regler" / "Rules",
        rules_locked:
            "Reglerna är låsta eftersom omröstningen har röster. Vill du ändra dem skapar du en ny omröstning med samma inspel."
            / "The rules are locked because the round has ballots. To change them, create a new round with the same inputs.",
        new_round_from: "Ny omröstning med ändrade regler" / "New round with changed rules",
        round_title: "Namn på omröstningen" / "Name of the round",
        method: "Metod" / "Method",
        budget: "Prickar per deltagare" / "Dots per participant",
        cap: "Högst per inspel" / "At most per input",
        all_required: "Alla prickar måste användas" / "All dots must be used",
        total: "Poäng att fördela" / "Points to allocate",
        max_per_item: "Högst per inspel (0 = ingen gräns)" / "At most per input (0 = no limit)",
        top_k: "Antal att rangordna (0 = alla)" / "How many to rank (0 = all)",
        scoring: "Poängsättning" / "Scoring",
        seed: "Lottningstext vid lika poäng" / "Tie-break text",
        seed_hint:
            "Till exempel datum och ett tärningskast inför alla. Texten publiceras med resultatet; står två inspel på lika poäng avgörs ordningen av en lottning som vem som helst kan räkna fram från texten."
            / "For example the date and a die rolled in front of everyone. Published with the result; when two inputs tie, a draw that anyone can recompute from this text decides their order.",
        seed_short: "lottningstext" / "tie-break text",
        capacity: "Kapacitetstak" / "Capacity cap",
        capacity_value: "Antal eller kapacitet" / "Number or capacity",
        items: "Inspel i omröstningen" / "Inputs in the round",
        all: "Alla" / "All",
        none: "Inga" / "None",
        cost: "Insats (kostnad)" / "Effort (cost)",
        too_few_items: "Välj minst två inspel." / "Choose at least two inputs.",
        save_rules: "Spara reglerna" / "Save the rules",
        create_round: "Skapa omröstningen" / "Create the round",
        tab_vote: "Rösta" / "Vote",
        tab_collect: "Insamling" / "Collect",
        tab_results: "Resultat" / "Results",
        tab_rules: "Regler" / "Rules",
        who_heading: "Vem röstar?" / "Who is voting?",
        paper_heading: "Pappersröst" / "Paper ballot",
        participant: "Deltagarkod eller namn" / "Participant code or name",
        participant_hint:
            "Samma kod på alla surfplattor. En pseudonym räcker."
            / "The same code on every tablet. A pseudonym is enough.",
        participant_missing: "Skriv din deltagarkod först." / "Enter your participant code first.",
        your_municipality: "Din kommun (frivilligt)" / "Your municipality (optional)",
        not_given: "Inte angivet" / "Not given",
        start_voting: "Börja rösta" / "Start voting",
        voting_as: "Röstar som" / "Voting as",
        submit: "Lämna rösten" / "Submit ballot",
        cancel: "Avbryt" / "Cancel",
        thanks: "Tack! Rösten är sparad." / "Thank you! Your ballot is saved.",
        ballot_not_saved:
            "Rösten är mottagen men kunde inte sparas på surfplattan. Lämna inte över den – be samtalsledaren exportera arbetsytan nu."
            / "The ballot was received but could not be saved on the tablet. Do not hand it over – ask the facilitator to export the workspace now.",
        kiosk_heading: "Röstläge för surfplattan" / "Participant mode for the tablet",
        kiosk_help:
            "I röstläge visar surfplattan bara den här omröstningens röstsedel och överlämningen: ingen meny, ingen ångra-knapp, inga regler eller resultat. Välj en kod som bara du känner till; den behövs för att lämna röstläget."
            / "In participant mode the tablet shows only this round's ballot and the hand-over: no menu, no undo button, no rules or results. Choose a code only you know; it is needed to leave participant mode.",
        kiosk_code:
            "Kod för att lämna röstläget (minst 4 tecken)"
            / "Code to leave participant mode (at least 4 characters)",
        kiosk_code_short:
            "Koden måste ha minst 4 tecken."
            / "The code must have at least 4 characters.",
        kiosk_not_stored:
            "Röstläget kunde inte sparas på enheten. Kontrollera lagringen och försök igen."
            / "Participant mode could not be stored on the device. Check the storage and try again.",
        kiosk_start: "Starta röstläge" / "Start participant mode",
        kiosk_badge: "Röstläge" / "Participant mode",
        kiosk_leave: "Samtalsledare: lämna röstläget" / "Facilitator: leave participant mode",
        kiosk_exit_code: "Samtalsledarens kod" / "Facilitator's code",
        kiosk_exit: "Lämna röstläget" / "Leave participant mode",
        kiosk_wrong_code: "Fel kod. Röstläget är kvar." / "Wrong code. Participant mode stays on.",
        round_status_heading: "Öppen eller stängd" / "Open or closed",
        vote_closed:
            "Omröstningen är stängd och tar inte emot fler röster."
            / "The round is closed and takes no more ballots.",
        round_is_open: "Omröstningen tar emot röster." / "The round takes ballots.",
        round_is_closed:
            "Omröstningen är stängd. Röster som lämnas efter stängningen – på den här enheten eller från en surfplatta – räknas inte och visas med skälet ”omgången stängd”."
            / "The round is closed. Ballots cast after closing – on this device or from a tablet – are not counted and are listed with the reason “round closed”.",
        close_round: "Stäng omröstningen" / "Close the round",
        reopen_round: "Öppna omröstningen igen" / "Open the round again",
        thanks_body:
            "Lämna över surfplattan. Skärmen töms för nästa deltagare."
            / "Hand the tablet over. The screen is cleared for the next participant.",
        hand_over: "Lämna över till nästa deltagare" / "Hand over to the next participant",
        left: "Kvar:" / "Left:",
        of: "av" / "of",
        ranked: "Rangordnade:" / "Ranked:",
        add_to: "Lägg en till på" / "Add one to",
        remove_from: "Ta bort en från" / "Remove one from",
        your_ranking: "Din rangordning" / "Your ranking",
        move_up: "Flytta upp" / "Move up",
        move_down: "Flytta ned" / "Move down",
        unrank_short: "Ta bort" / "Remove",
        rank_short: "Rangordna" / "Rank",
        ranked_as: "Plats" / "Rank",
        impact: "nytta" / "impact",
        effort: "insats" / "effort",
        skip: "Hoppa över" / "Skip",
        export_ballots: "Lämna in rösterna" / "Hand in the ballots",
        export_ballots_help:
            "Spara rösterna från den här surfplattan som en liten fil och ge den till processledaren"
            / "Save the ballots from this tablet as a small file and give it to the facilitator",
        export_ballots_button: "Spara röstfil" / "Save ballot file",
        ballot_file_prefix: "rostfil" / "ballots",
        counted: "räknas" / "counted",
        double_word: "dubbelröstare" / "double voters",
        invalid_word: "ogiltiga" / "invalid",
        collect_help:
            "Importera röstfilerna från surfplattorna på sidan"
            / "Import the tablets' ballot files on the page",
        double_heading: "Röstat på flera surfplattor" / "Voted on several tablets",
        double_help:
            "De här deltagarna har olika röster på olika surfplattor. Ingen av dem räknas förrän du väljer vilken som gäller."
            / "These participants have different ballots on different tablets. None of them counts until you choose which one stands.",
        keep_this: "Låt den här gälla" / "Let this one stand",
        paper_open: "Registrera en pappersröst" / "Enter a paper ballot",
        counted_ballots: "röster räknas" / "ballots counted",
        tie_chain:
            "Vid lika: poäng → metodens andra nyckel → lottning från lottningstexten"
            / "Ties: score → the method's second key → random order from the seed",
        condorcet: "Condorcetvinnare" / "Condorcet winner",
        no_condorcet:
            "Ingen Condorcetvinnare (lika eller cykel)"
            / "No Condorcet winner (tie or cycle)",
        cert_prefix: "resultatintyg" / "result-certificate",
        results_prefix: "resultat" / "results",
        projector: "Projektorvy" / "Projector view",
        ranking_caption: "Rangordning med poäng" / "Ranking with scores",
        col_rank: "Plats" / "Rank",
        col_item: "Inspel" / "Input",
        col_score: "Poäng" / "Score",
        col_spread: "Median / IQR / konsensus" / "Median / IQR / consensus",
        col_supporters: "Stöd" / "Support",
        col_notes: "Notering" / "Note",
        col_ballots: "Röster" / "Ballots",
        selected: "Vald" / "Selected",
        tied: "Lika – avgjort genom lottning" / "Tied – decided by the seed",
        contested: "Omstridd" / "Contested",
        spread_help:
            "Konsensus enligt Tastle–Wierman: 1 = alla eniga, 0 = jämnt delat mellan ytterligheterna. Under 0,5 markeras inspelet som omstritt."
            / "Tastle–Wierman consensus: 1 = full agreement, 0 = an even split between the extremes. Below 0.5 the input is flagged as contested.",
        download_cert: "Ladda ned resultatintyg" / "Download result certificate",
        download_csv: "Exportera CSV" / "Export CSV",
        to_agenda: "För in de valda i agendan" / "Put the selected into the agenda",
        chart_caption:
            "Poäng per inspel (de 20 första). Samma värden finns i tabellen."
            / "Score per input (the first 20). The table holds the same values.",
        selection: "Urval efter kapacitet" / "Selection by capacity",
        rule: "Regel" / "Rule",
        no_capacity:
            "Inget tak – alla inspel i rangordning"
            / "No cap – every input in ranked order",
        override_legend:
            "Avvikelse från urvalet: välj vilka inspel som går vidare"
            / "Override the selection: choose which inputs go forward",
        override_reason: "Skäl till avvikelsen (krävs)" / "Reason for the override (required)",
        reason_missing:
            "Skriv ett skäl till avvikelsen (minst tio tecken)."
            / "Write a reason for the override (at least ten characters).",
        save_override: "Spara avvikelsen" / "Save the override",
        override_log: "Logg över avvikelser" / "Override log",
        comparison: "Metodjämförelse" / "Method comparison",
        comparison_help:
            "Samma röster räknade med andra tillämpliga metoder. Ändras topplistan är resultatet känsligt för metodvalet."
            / "The same ballots counted with the other applicable methods. If the top list changes, the result depends on the method.",
        comparison_none:
            "Det finns ingen annan metod att jämföra med för den här metoden."
            / "There is no other method to compare with for this method.",
        top_list: "Topplista" / "Top list",
        differs: "Ändras" / "Changes",
        same: "Samma" / "Same",
        breakdown: "Per kommun" / "By municipality",
        breakdown_none: "Inga röster med angiven kommun." / "No ballots with a municipality given.",
        breakdown_privacy:
            "Ingen grupp med färre än 3 röstande visas, så att ingens röst kan utläsas: kommuner med färre röstande redovisas tillsammans."
            / "No group of fewer than 3 voters is shown, so that nobody's vote can be read off: municipalities with fewer voters are shown together.",
        breakdown_others: "Övriga kommuner" / "Other municipalities",
        breakdown_hidden:
            "röster från kommuner med färre än 3 röstande tillsammans visas inte, så att ingens röst kan utläsas."
            / "ballots from municipalities with fewer than 3 voters in all are not shown, so that nobody's vote can be read off.",
        top_three: "Tre i topp" / "Top three",
        agenda_lead:
            "Agendapunkterna kommer från de prioriterade inspelen. Samrådssynpunkter och fastställande registreras här."
            / "Agenda points come from the prioritised inputs. Consultation comments and adoption are recorded here.",
        agenda_none: "Inga agendapunkter ännu." / "No agenda points yet.",
        print: "Skriv ut" / "Print",
        owner: "Ansvarig" / "Responsible",
        from_inspel: "Från inspel" / "From inputs",
        adopted: "Fastställd" / "Adopted",
        not_adopted: "Inte fastställd ännu" / "Not adopted yet",
        comments: "Samrådssynpunkter" / "Consultation comments",
        comment_who: "Vem" / "Who",
        comment_what: "Synpunkt" / "Comment",
        add_comment: "Lägg till synpunkt" / "Add comment",
        comment_missing: "Skriv både vem och synpunkten." / "Enter both who and the comment.",
        adopted_on: "Fastställd datum" / "Date adopted",
        decision: "Beslut (diarienummer, paragraf)" / "Decision (reference, paragraph)",
        adopt: "Fastställ" / "Adopt",
        date_missing: "Ange datum för fastställandet." / "Enter the date of adoption.",
        trace: "Spårbarhet" / "Traceability",
        point: "Agendapunkt" / "Agenda point",
        organisation: "Organisation" / "Organisation",
        new_point: "Ny agendapunkt" / "New agenda point",
        add_point: "Lägg till agendapunkt" / "Add agenda point",
        inspel_new: "Nytt inspel" / "New input",
        inspel_title: "Rubrik" / "Title",
        inspel_municipality: "Kommun" / "Municipality",
        inspel_add: "Lägg till" / "Add",
        inspel_remove: "Ta bort" / "Remove",
        inspel_count: "inspel" / "inputs",
        inspel_none: "Inga inspel ännu." / "No inputs yet.",
    }
}

crate::card! {
    pub static CARD_SV, CARD_EN;
    title: "Inspel & prioritering" / "Inputs & prioritisation",
    summary: "Påverkansagendans cykel: inspel från kommunerna sammanställs, prioriteras i workshop på surfplattor utan nät, begränsas till det som går att genomföra och skrivs in i agendan." / "The influence agenda cycle: inputs from the municipalities are compiled, prioritised in a workshop on tablets without a network, capped to what can be carried out and written into the agenda.",
}
