//! The shell's strings: header, navigation, banners and the shell pages (overview, Dela,
//! settings, workspaces, not found). Each module's strings are in its own `texts.rs`.
use crate::app::pages::settings::device_storage::{DEVICE_EN, DEVICE_SV, DeviceTexts};
use crate::i18n::ModuleTexts;

crate::card! {
    pub static OVERVIEW_SV, OVERVIEW_EN;
    title: "Översikt" / "Overview",
    summary: "Allt arbete i en arbetsyta som finns på den här enheten. Ingen server, inget konto – dela arbetet som JSON-filer med kollegor." / "All work in one workspace kept on this device. No server, no account – share the work with colleagues as JSON files.",
}

crate::card! {
    pub static SHARE_SV, SHARE_EN;
    title: "Dela & importera" / "Share & import",
    summary: "Exportera arbetsytan som en JSON-fil och slå ihop filer från kollegor och surfplattor utan att någons arbete går förlorat." / "Export the workspace as a JSON file and merge files from colleagues and tablets without losing anybody's work.",
}

crate::card! {
    pub static SETTINGS_SV, SETTINGS_EN;
    title: "Inställningar" / "Settings",
    summary: "Arbetsytans uppgifter, språk och visning." / "Workspace details, language and display.",
}

crate::texts! {
    /// The Dela page.
    pub struct ShareTexts(SHARE_PAGE_SV, SHARE_PAGE_EN) {
        export_heading: "Exportera" / "Export",
        export_intro:
            "Spara hela arbetsytan som en JSON-fil. Filen kan skickas till kollegor, sparas på en delad enhet eller föras över till en annan surfplatta."
            / "Save the whole workspace as a JSON file. The file can be sent to colleagues, kept on a shared drive or moved to another tablet.",
        export_button: "Exportera arbetsytan" / "Export the workspace",
        share_button: "Dela …" / "Share …",
        last_export: "Senast exporterad" / "Last exported",
        never_exported:
            "Aldrig exporterad från den här enheten."
            / "Never exported from this device.",
        days_ago: "dagar sedan" / "days ago",
        today: "i dag" / "today",
        reminder:
            "Det var länge sedan arbetsytan exporterades. Exportera en kopia så att arbetet inte bara finns på den här enheten."
            / "It is a while since the workspace was exported. Export a copy so that the work is not only on this device.",
        import_heading: "Importera" / "Import",
        import_intro:
            "Välj en eller flera filer från kollegor eller surfplattor. Du ser vad som ändras innan något sparas; sammanslagning gör att ingens arbete försvinner."
            / "Choose one or more files from colleagues or tablets. You see what changes before anything is saved; merging means nobody's work is lost.",
        choose_files: "Välj filer …" / "Choose files …",
        drop_here: "… eller dra och släpp JSON-filer här" / "… or drag and drop JSON files here",
        reading: "Läser" / "Reading",
        checking: "Kontrollerar och jämför …" / "Checking and comparing …",
        preview_heading: "Förhandsvisning" / "Preview",
        added: "nya poster" / "new records",
        changed: "ändrade poster" / "changed records",
        deleted: "raderade poster" / "erased records",
        overwritten: "värden skrivs över" / "values will be overwritten",
        overwritten_one: "värde skrivs över" / "value will be overwritten",
        kept_local:
            "värden i filen är äldre än dina och används inte"
            / "values in the file are older than yours and not used",
        kept_local_one:
            "värde i filen är äldre än ditt och används inte"
            / "value in the file is older than yours and not used",
        no_changes:
            "Filerna innehåller inget som inte redan finns här."
            / "The files hold nothing that is not already here.",
        other_workspace:
            "Obs! Filen kommer från en annan arbetsyta. Vid sammanslagning läggs dess poster till i den här."
            / "Note: the file is from another workspace. Merging adds its records to this one.",
        newer_file:
            "Filen är gjord med en nyare version. Fält som den här versionen inte känner till behålls oförändrade."
            / "The file was made with a newer version. Fields this version does not know are kept unchanged.",
        older_file:
            "Filen är gjord med en äldre version och har uppgraderats."
            / "The file was made with an older version and has been upgraded.",
        merge_button: "Slå ihop" / "Merge",
        replace_button: "Ersätt …" / "Replace …",
        cancel: "Avbryt" / "Cancel",
        replace_confirm:
            "Ersätta hela arbetsytan med filens innehåll? En export av nuvarande arbetsyta laddas först ner som säkerhetskopia."
            / "Replace the whole workspace with the file's content? An export of the current workspace is downloaded first as a backup.",
        replace_yes: "Ja, exportera och ersätt" / "Yes, export and replace",
        report_heading: "Sammanslagning klar" / "Merge complete",
        merged_files: "Sammanslagna filer" / "Merged files",
        restore: "Återställ mitt värde" / "Restore my value",
        use_theirs: "Använd filens värde" / "Use the file's value",
        restored: "Återställt" / "Restored",
        field: "Fält" / "Field",
        yours: "Ditt värde" / "Your value",
        theirs: "Filens värde" / "The file's value",
        file_too_large:
            "Filen är större än 10 MB och lästes inte. Inget har ändrats."
            / "The file is larger than 10 MB and was not read. Nothing was changed.",
        file_not_text:
            "Filen är inte text (UTF-8). Inget har ändrats."
            / "The file is not text (UTF-8). Nothing was changed.",
    }
}

crate::texts! {
    /// Workspaces on the device and the first-start choice.
    pub struct WorkspaceTexts(WORKSPACES_SV, WORKSPACES_EN) {
        heading: "Arbetsytor på den här enheten" / "Workspaces on this device",
        lead:
            "Varje arbetsyta är ett eget arbete med egna inspel, omröstningar och agenda. Bara den öppna visas; de andra ligger kvar här på enheten."
            / "Each workspace is a separate piece of work with its own inputs, rounds and agenda. Only the open one is shown; the others stay here on the device.",
        open_now: "Öppen nu" / "Open now",
        rename_hint:
            "Namnet ändrar du i fältet Namn ovan."
            / "Change the name in the Name field above.",
        delete: "Ta bort …" / "Delete …",
        delete_confirm:
            "Ta bort arbetsytan från den här enheten? Allt i den försvinner härifrån. Exportera den först om den inte finns någon annanstans."
            / "Delete the workspace from this device? Everything in it goes from here. Export it first if it exists nowhere else.",
        export_first: "Exportera först" / "Export first",
        delete_yes: "Ja, ta bort för gott" / "Yes, delete for good",
        others: "Andra arbetsytor" / "Other workspaces",
        none: "Inga andra arbetsytor på enheten." / "No other workspaces on the device.",
        open: "Öppna" / "Open",
        new_heading: "Ny arbetsyta" / "New workspace",
        new_name: "Namn på den nya arbetsytan" / "Name of the new workspace",
        create: "Skapa och öppna" / "Create and open",
        open_demo: "Öppna demo (påverkansagenda 2020)" / "Open the demo (2020 influence agenda)",
        name_missing: "Skriv ett namn." / "Enter a name.",
        not_stored:
            "Det gick inte att spara på enheten. Inget har ändrats; exportera arbetsytan och försök igen."
            / "Could not store on the device. Nothing was changed; export the workspace and try again.",
        untitled: "Ny arbetsyta" / "New workspace",
        first_heading: "Välkommen till Vägval" / "Welcome to Vägval",
        first_lead:
            "Börja med en egen, tom arbetsyta – eller titta först på demon, påverkansagendan för Jämtlands län 2020 med inspel och röster. Du kan byta och skapa fler under Inställningar."
            / "Start with your own, empty workspace – or look at the demo first, the 2020 influence agenda for Jämtland county with inputs and ballots. You can switch and create more under Settings.",
        or_demo: "eller" / "or",
    }
}

crate::texts! {
    /// The shell's strings (header, navigation, banners, shell pages).
    pub struct Texts(SV, EN) [
        overview: ModuleTexts = OVERVIEW_SV / OVERVIEW_EN,
        share: ModuleTexts = SHARE_SV / SHARE_EN,
        settings: ModuleTexts = SETTINGS_SV / SETTINGS_EN,
        sh: ShareTexts = SHARE_PAGE_SV / SHARE_PAGE_EN,
        ws: WorkspaceTexts = WORKSPACES_SV / WORKSPACES_EN,
        // Issue 12, storage on this device: its strings are in `pages/settings/device_storage.rs`.
        dev: DeviceTexts = DEVICE_SV / DEVICE_EN,
    ] {
        app_name: "Vägval" / "Vägval",
        app_tagline:
            "Hållbar regional utveckling – offline"
            / "Sustainable regional development – offline",
        skip_to_content: "Hoppa till innehållet" / "Skip to content",
        nav_label: "Moduler" / "Modules",
        workspace_label: "Arbetsyta" / "Workspace",
        save_saved: "Sparat" / "Saved",
        save_saving: "Sparar …" / "Saving …",
        save_failed: "Inte sparat" / "Not saved",
        save_read_only: "Skrivskyddad" / "Read-only",
        save_memory_only: "Sparas inte" / "Not stored",
        undo: "Ångra" / "Undo",
        redo: "Gör om" / "Redo",
        update_ready: "Ny version finns" / "A new version is available",
        update_reload: "Ladda om" / "Reload",
        storage_unavailable:
            "Webbläsaren tillåter inte lagring här (privat läge?). Ändringar finns bara kvar tills fliken stängs – exportera innan du slutar."
            / "This browser does not allow storage here (private mode?). Changes last only until the tab is closed – export before you finish.",
        language: "Språk" / "Language",
        not_found_title: "Sidan finns inte" / "Page not found",
        module_loading: "Laddar modulen …" / "Loading the module …",
        link_remove: "Ta bort" / "Remove",
        download_failed: "Webbläsaren lät inte filen sparas. Försök igen, eller välj en annan webbläsare." / "The browser did not let the file be saved. Try again, or use another browser.",
        link_to: "Koppla till" / "Link to",
        module_load_failed: "Modulen kunde inte laddas. Den hämtas första gången den öppnas; kontrollera anslutningen och försök igen. Ditt arbete är sparat." / "The module could not be loaded. It is fetched the first time it is opened; check the connection and try again. Your work is saved.",
        module_load_retry: "Försök igen" / "Try again",
        not_found_body:
            "Adressen leder inte till någon del av Vägval."
            / "The address does not lead to any part of Vägval.",
        back_to_overview: "Till översikten" / "To the overview",
        open_module: "Öppna" / "Open",
        overview_modules: "Moduler" / "Modules",
        overview_attention: "Att ta hand om" / "Needs attention",
        overview_attention_none: "Inget väntar just nu." / "Nothing is waiting right now.",
        settings_workspace: "Arbetsyta" / "Workspace",
        settings_name: "Namn" / "Name",
        settings_organisation: "Organisation" / "Organisation",
        settings_description: "Beskrivning" / "Description",
        settings_save: "Spara" / "Save",
        settings_display: "Visning" / "Display",
        settings_large_text: "Stor text (projektor)" / "Large text (projector)",
        settings_large_text_hint:
            "Större text och tydligare kontraster när skärmen visas för en grupp."
            / "Larger text and stronger contrast when the screen is shown to a group.",
        privacy_heading: "Dina uppgifter" / "Your data",
        privacy_note:
            "Allt du skriver sparas bara i den här webbläsaren på den här enheten. Inget skickas någonstans förrän du själv exporterar en fil."
            / "Everything you write is kept only in this browser on this device. Nothing is sent anywhere until you export a file yourself.",
        storage_heading: "Lagring på den här enheten" / "Storage on this device",
        storage_used: "Använt" / "Used",
        storage_persisted:
            "Webbläsaren har lovat att inte rensa lagringen automatiskt."
            / "The browser has promised not to clear this storage automatically.",
        storage_not_persisted:
            "Webbläsaren kan rensa lagringen om enheten får ont om utrymme – exportera regelbundet."
            / "The browser may clear this storage if the device runs low on space – export regularly.",
        storage_unknown:
            "Webbläsaren uppger inte hur mycket som används."
            / "The browser does not say how much is used.",
        banner_export_now: "Exportera nu" / "Export now",
        banner_retry: "Försök igen" / "Try again",
        banner_reload: "Ladda om" / "Reload",
        banner_restored:
            "Det sparade arbetet var skadat. Den senaste fungerande kopian har öppnats; den skadade finns kvar orörd i webbläsaren."
            / "The saved work was damaged. The last working copy has been opened; the damaged one is kept untouched in the browser.",
        banner_export_reminder:
            "Arbetsytan har inte exporterats på länge."
            / "The workspace has not been exported for a long time.",
        dismiss: "Stäng" / "Close",
        recovery_title: "Det sparade arbetet kunde inte läsas" / "The saved work could not be read",
        recovery_body:
            "Inget har raderats. Ladda ner rådata och skicka filen till någon som kan hjälpa till, eller fortsätt utan att spara – då skrivs ingenting över."
            / "Nothing has been deleted. Download the raw data and send the file to someone who can help, or continue without saving – then nothing is overwritten.",
        recovery_download: "Ladda ner rådata" / "Download raw data",
        recovery_continue: "Fortsätt utan att spara" / "Continue without saving",
        inspel_title: "Rubrik" / "Title",
    }
}
