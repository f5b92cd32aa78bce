//! The module's strings, Swedish and English side by side.
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
pub trait StakeholdersI18n {
    /// The module's catalogue (tracks the language signal).
    fn s(self) -> &'static Texts;
    /// One of the module's texts as a signal.
    fn trs(self, pick: fn(&'static Texts) -> &'static str) -> Signal<&'static str>;
}

impl StakeholdersI18n for I18n {
    fn s(self) -> &'static Texts {
        texts(self.lang())
    }

    fn trs(self, pick: fn(&'static Texts) -> &'static str) -> Signal<&'static str> {
        Signal::derive(move || pick(self.s()))
    }
}

crate::card! {
    pub static CARD_SV, CARD_EN;
    title: "Intressenter" / "Stakeholders",
    summary: "Intressentkarta över aktörerna i länet: vem har makt och intresse, vilka är angelägna, hur hänger de ihop? Rutnät, klasser, nätverk och mått – sparat på enheten, utan konto." / "A stakeholder map of the county's actors: who has power and interest, who is salient, how are they connected? Grid, classes, network and metrics — kept on the device, no account.",
}

crate::texts! {
    /// The strings of the stakeholder map.
    pub struct Texts(SV, EN) [
        card: ModuleTexts = CARD_SV / CARD_EN,
    ] {
        views: "Vyer" / "Views",
        tab_actors: "Aktörer" / "Actors",
        tab_network: "Nätverk" / "Network",
        tab_grid: "Makt och intresse" / "Power and interest",
        tab_classes: "Angelägenhet" / "Salience",
        tab_metrics: "Mått" / "Metrics",
        actors_lead: "Aktörerna på kartan: helst organisationer. Tryck på ett namn för att ändra aktören, dess kontaktperson och relationer." / "The actors on the map: preferably organisations. Tap a name to edit the actor, its contact person and relations.",
        none_yet: "Inga aktörer ännu. Lägg till den första nedan eller importera en fil." / "No actors yet. Add the first below or import a file.",
        new_actor: "Ny aktör" / "New actor",
        name: "Namn" / "Name",
        actor_type: "Typ" / "Type",
        add: "Lägg till" / "Add",
        added: "har lagts till." / "has been added.",
        thresholds: "Gränser för kartan" / "The map's thresholds",
        thresholds_help: "Gränserna sparas med kartan och gäller alla vyer och exporter. Hög i rutnätet = minst gränsen; ett attribut finns = minst gränsen." / "The thresholds are stored with the map and apply to every view and export. High in the grid = at least the threshold; an attribute is present = at least the threshold.",
        grid_high: "Högt i rutnätet från" / "High in the grid from",
        salience_present: "Attribut finns från" / "Attribute present from",
        save: "Spara" / "Save",
        saved: "Sparat." / "Saved.",
        import_heading: "Importera" / "Import",
        import_csv: "Aktörer från Excel (CSV)" / "Actors from Excel (CSV)",
        import_csv_help: "En rad per aktör med rubrikerna Namn, Typ, Beskrivning, Taggar, Makt, Intresse, Legitimitet, Brådska, Inställning (svenska eller engelska). Aktörer som redan finns hoppas över." / "One row per actor with the headings Name, Type, Description, Tags, Power, Interest, Legitimacy, Urgency, Attitude (Swedish or English). Actors already there are skipped.",
        import_kumu: "Kumu-fil (JSON)" / "Kumu file (JSON)",
        import_kumu_help: "Elements blir aktörer och connections relationer. Aktörer med ett namn som redan finns hoppas över." / "Elements become actors and connections relations. Actors whose name is already there are skipped.",
        choose_file: "Välj fil" / "Choose file",
        imported_actors: "aktörer och" / "actors and",
        imported_relations: "relationer importerades." / "relations were imported.",
        known_skipped: "fanns redan och hoppades över:" / "were already there and were skipped:",
        row_word: "Rad" / "Row",
        column_word: "kolumn" / "column",
        unreadable: "Filen gick inte att läsa." / "The file could not be read.",
        export_heading: "Exportera" / "Export",
        export_actors: "Aktörer (CSV)" / "Actors (CSV)",
        export_relations: "Relationer (CSV)" / "Relations (CSV)",
        export_kumu: "Kumu (JSON)" / "Kumu (JSON)",
        export_svg: "Kartan (SVG)" / "The map (SVG)",
        export_png: "Kartan (PNG)" / "The map (PNG)",
        export_peer: "Arbetsytan utan personuppgifter" / "The workspace without personal data",
        export_peer_help: "För utbyte med andra: allt utom kontaktpersonerna. Borttagna personer följer med som borttagna, så att mottagarens kopior också tas bort." / "For exchange with others: everything but the contact persons. Erased persons travel as erased, so the receiver's copies are erased too.",
        back: "Till aktörerna" / "Back to the actors",
        not_found: "Aktören finns inte (längre)." / "The actor does not exist (any more).",
        description: "Beskrivning" / "Description",
        tags: "Taggar (kommatecken mellan)" / "Tags (separated by commas)",
        power: "Makt" / "Power",
        interest: "Intresse" / "Interest",
        legitimacy: "Legitimitet" / "Legitimacy",
        urgency: "Brådska" / "Urgency",
        attitude: "Inställning" / "Attitude",
        scale_help: "1 = lite, 5 = mycket. Inställning: −2 motarbetar, 0 neutral, +2 stöder." / "1 = little, 5 = a lot. Attitude: −2 opposes, 0 neutral, +2 supports.",
        details: "Uppgifter" / "Details",
        where_stands: "Var aktören står" / "Where the actor stands",
        quadrant: "Rutnätet" / "The grid",
        salience: "Angelägenhetsklass" / "Salience class",
        disagreement: "Avvikelse" / "Disagreement",
        to_trash: "Flytta till papperskorgen" / "Move to the trash",
        contacts: "Kontaktperson" / "Contact person",
        contacts_help: "Personuppgifter: spara bara det ni behöver. ”Ta bort person” raderar uppgifterna för gott; en äldre fil kan inte ta tillbaka dem." / "Personal data: keep only what you need. \"Remove person\" erases the details for good; an older file cannot bring them back.",
        role: "Roll" / "Role",
        email: "E-post" / "E-mail",
        phone: "Telefon" / "Phone",
        add_contact: "Lägg till kontaktperson" / "Add contact person",
        erase_person: "Ta bort person" / "Remove person",
        erase_confirm: "Ta bort personen för gott? Det går inte att ångra." / "Erase the person for good? This cannot be undone.",
        erased: "Personen är borttagen för gott." / "The person has been erased for good.",
        person_export: "Allt om personen (JSON)" / "Everything about the person (JSON)",
        person_export_help: "Registerutdrag enligt dataskyddsförordningen, artikel 15." / "Subject access export under the GDPR, article 15.",
        relations: "Relationer" / "Relations",
        links: "Kopplingar" / "Links",
        links_help: "Mål som aktören arbetar för och inspel som den står bakom." / "Goals the actor works for and inspel it stands behind.",
        goals: "Mål" / "Goals",
        inspel: "Inspel" / "Inspel",
        link_goal: "Koppla ett mål" / "Link a goal",
        link_inspel: "Koppla ett inspel" / "Link an input",
        choose: "Välj …" / "Choose …",
        none_linked: "Inga kopplade." / "None linked.",
        other_actor: "Aktör" / "Actor",
        direction: "Riktning" / "Direction",
        out_word: "till" / "to",
        in_word: "från" / "from",
        both_word: "ömsesidig" / "mutual",
        weight: "Vikt" / "Weight",
        note: "Anteckning" / "Note",
        remove: "Ta bort" / "Remove",
        new_relation: "Ny relation" / "New relation",
        to_actor: "Till aktör" / "To actor",
        mutual: "Ömsesidig (åt båda hållen)" / "Mutual (both ways)",
        connect: "Koppla" / "Connect",
        connected: "Relationen är skapad." / "The relation has been created.",
        network_help: "Dra en aktör med fingret, pennan eller musen; nyp eller använd mushjulet för att zooma och dra i bakgrunden för att panorera. Tangentbord: Tab går mellan aktörerna, pilarna flyttar den markerade (Skift = längre), Enter väljer den och visar grannarna, K kopplar den valda till den markerade. Positionerna sparas." / "Drag an actor with a finger, pen or mouse; pinch or use the mouse wheel to zoom and drag the background to pan. Keyboard: Tab moves between the actors, the arrows move the focused one (Shift = further), Enter selects it and shows its neighbours, C connects the selected to the focused one. The positions are saved.",
        network_label: "Nätverkskarta över aktörerna och deras relationer" / "Network map of the actors and their relations",
        zoom_in: "Zooma in" / "Zoom in",
        zoom_out: "Zooma ut" / "Zoom out",
        zoom_reset: "Hela kartan" / "Whole map",
        projector: "Projektorvy" / "Projector view",
        filter_type: "Visa typ" / "Show type",
        filter_tag: "Visa tagg" / "Show tag",
        all: "Alla" / "All",
        relation_types: "Relationstyper" / "Relation types",
        selected: "Vald" / "Selected",
        neighbours: "Grannar" / "Neighbours",
        select_hint: "Välj en aktör (tryck eller Enter) för att se dess grannar." / "Select an actor (tap or Enter) to see its neighbours.",
        open_actor: "Öppna aktören" / "Open the actor",
        moved: "flyttad." / "moved.",
        legend: "Teckenförklaring" / "Legend",
        legend_lines: "Pil = riktad relation, linje utan pil = ömsesidig, streckad = konflikt, tjockare = tyngre." / "Arrow = directed relation, line without arrow = mutual, dashed = conflict, thicker = heavier.",
        relations_table: "Relationerna i kartan" / "The map's relations",
        from: "Från" / "From",
        to: "Till" / "To",
        grid_lead: "Mendelows rutnät: makt uppåt, intresse åt höger. Tryck på en aktör för att öppna den." / "Mendelow's grid: power upwards, interest to the right. Tap an actor to open it.",
        grid_caption: "Aktörerna efter makt (rader) och intresse (kolumner)" / "The actors by power (rows) and interest (columns)",
        strategies: "Strategi per ruta" / "Strategy per quadrant",
        grid_table: "Aktörerna i rutnätet" / "The actors in the grid",
        classes_lead: "Mitchell, Agle och Woods angelägenhetsklasser: vilka av attributen makt, legitimitet och brådska aktören har (minst gränsen)." / "Mitchell, Agle and Wood's salience classes: which of the attributes power, legitimacy and urgency the actor has (at least the threshold).",
        disagreements: "Där rutnätet och klasserna är oense" / "Where the grid and the classes disagree",
        disagreements_help: "Lågt i rutnätet: aktören har låg makt i rutnätet men är angelägen (legitimitet och brådska) – lätt att förbise, till exempel samiska aktörer. Högt i rutnätet: hög makt och högt intresse men inga attribut närvarande." / "Low in the grid: the actor has low power in the grid but is salient (legitimacy and urgency) — easy to overlook, for example Sami actors. High in the grid: high power and interest but no attribute present.",
        no_disagreements: "Inga avvikelser." / "No disagreements.",
        classes_table: "Aktörerna och deras klass" / "The actors and their class",
        metrics_lead: "Nätverksmått för varje aktör, räknade på relationerna som visas. Alla mått räknas om när kartan ändras." / "Network metrics for every actor, computed on the relations shown. Every metric is recomputed when the map changes.",
        metrics_caption: "Nätverksmått per aktör" / "Network metrics per actor",
        metrics_filtered: "Måtten gäller bara de valda relationstyperna." / "The metrics apply to the chosen relation types only.",
        formulas: "Formler" / "Formulas",
        f_degree: "Grad = antal relationer; in och ut räknar riktade relationer (en ömsesidig räknas åt båda hållen); viktad grad = summan av vikterna." / "Degree = number of relations; in and out count directed relations (a mutual one counts both ways); weighted degree = the sum of the weights.",
        f_closeness: "Närhet (Wasserman–Faust) = (nåbara − 1)/(n − 1) · (nåbara − 1)/summan av avstånden, oriktat." / "Closeness (Wasserman–Faust) = (reachable − 1)/(n − 1) · (reachable − 1)/sum of distances, undirected.",
        f_betweenness: "Mellanhet (Brandes) = andelen kortaste vägar mellan andra par som går genom aktören, normerad med (n − 1)(n − 2)/2." / "Betweenness (Brandes) = the share of shortest paths between other pairs through the actor, normalised by (n − 1)(n − 2)/2.",
        f_reach2: "Räckvidd 2 steg = andelen av de andra aktörerna som nås i högst två steg." / "Two-step reach = the share of the other actors reached in at most two steps.",
    }
}
