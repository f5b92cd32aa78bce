//! The module's strings, Swedish and English side by side.
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
pub trait FundingI18n {
    /// The module's catalogue (tracks the language signal).
    fn f(self) -> &'static Texts;
}

impl FundingI18n for I18n {
    fn f(self) -> &'static Texts {
        texts(self.lang())
    }
}

crate::card! {
    pub static CARD_SV, CARD_EN;
    title: "Hållbarhetssäkring" / "Sustainability-proofing",
    summary: "Bedömning av ansökningar om företagsstöd, projektmedel och kommersiell service: grindar först, sedan poäng, flaggor från målkonfliktsmatrisen och för samiskt samråd." / "Assessment of applications for business support, project funds and commercial service: gates first, then a score, flags from the goal-conflict matrix and for Sami consultation.",
}

crate::texts! {
    /// The strings of the sustainability-proofing.
    pub struct Texts(SV, EN) [
        card: ModuleTexts = CARD_SV / CARD_EN,
    ] {
        lead: "Varje ansökans avgörande bedömning (den gemensamma, annars den enda) räknas om med kriterierna den gjordes med: formella krav, DNSH, horisontella kriterier och regionala krav först — ingen poäng kan väga upp en grind som inte klaras — sedan poängen. Samma beräkning som kommandot vagval assess." / "Each application's decisive assessment (the joint one, else the only one) is recomputed with the criteria it was made with: formal requirements, DNSH, horizontal criteria and regional requirements first — no score can make up for a failed gate — then the score. The same computation as the command vagval assess.",
        cases: "Ansökningar" / "Applications",
        no_cases: "Inga ansökningar ännu." / "No applications yet.",
        application: "Ansökan" / "Application",
        support: "Stödform" / "Kind of support",
        amount: "Sökt belopp" / "Amount applied for",
        assessments: "Bedömningar" / "Assessments",
        result: "Resultat" / "Result",
        score: "Poäng" / "Score",
        flags: "Flaggor utan kommentar" / "Flags without a comment",
        decision: "Beslut" / "Decision",
        no_decisive: "Ingen avgörande bedömning ännu" / "No decisive assessment yet",
        memo_link: "Bedömningspromemoria" / "Assessment memo",
        export_csv: "Exportera jämförelsen (CSV för Excel)" / "Export the comparison (CSV for Excel)",
        portfolio: "Portfölj: beviljade medel" / "Portfolio: granted funds",
        portfolio_help: "Andelen av de beviljade kronorna vars avgörande bedömning är godkänd, det vill säga främjar omställningen." / "The share of the granted kronor whose decisive assessment passes, that is, promotes the transition.",
        portfolio_csv: "Exportera portföljen (CSV för Excel)" / "Export the portfolio (CSV for Excel)",
        group: "Grupp" / "Group",
        granted: "Beviljat" / "Granted",
        promoting: "Omställningsfrämjande" / "Promoting the transition",
        share: "Andel" / "Share",
        by_support: "Per stödform" / "By kind of support",
        by_goal: "Per mål" / "By goal",
        by_municipality: "Per kommun" / "By municipality",
        by_inland: "Inland eller inte" / "Inland or not",
        nothing_granted: "Inget är beviljat ännu." / "Nothing has been granted yet.",
        back: "Till ansökningarna" / "To the applications",
        print: "Skriv ut" / "Print",
        no_memo: "Bedömningen finns inte i arbetsytan." / "The assessment is not in the workspace.",
        open_application: "Öppna ansökan" / "Open the application",
        applicant: "Sökande" / "Applicant",
        municipality: "Kommun" / "Municipality",
        inland: "Inlandskommun" / "Inland municipality",
        goals: "Mål som ansökan riktar sig mot" / "Goals the application targets",
        description: "Beskrivning" / "Description",
        sami_matter: "Kan vara av särskild betydelse för samerna" / "May be of particular importance to the Sami",
        yes: "ja" / "yes",
        no: "nej" / "no",
        granted_kr: "Beviljat belopp (kr)" / "Amount granted (SEK)",
        save_decision: "Spara beslutet" / "Save the decision",
        decision_saved: "Beslutet har sparats." / "The decision has been saved.",
        its_assessments: "Bedömningar av ansökan" / "Assessments of the application",
        none_yet: "Ingen bedömning ännu." / "No assessment yet.",
        joint: "gemensam" / "joint",
        closed: "avslutad" / "closed",
        open_assessment: "pågår" / "in progress",
        begin_heading: "Ny bedömning" / "New assessment",
        begin_help: "Varje bedömare gör sin egen bedömning, gärna på sin egen surfplatta. När filerna har slagits ihop på Dela jämförs bedömningarna här och en gemensam bedömning sparas; de enskilda finns kvar." / "Each assessor makes their own assessment, preferably on their own tablet. Once the files have been merged on Share, the assessments are compared here and a joint assessment is stored; the individual ones remain.",
        assessor: "Bedömare (namn eller roll)" / "Assessor (name or role)",
        template: "Kriteriemall" / "Criteria template",
        begin: "Påbörja bedömningen" / "Begin the assessment",
        compare_heading: "Jämförelse mellan bedömarna" / "Comparison of the assessors",
        same: "Bedömningarna är lika." / "The assessments agree.",
        result_differs: "Resultaten skiljer sig." / "The results differ.",
        versions_differ: "Bedömningarna gjordes med olika versioner av mallen." / "The assessments were made with different versions of the template.",
        comments_differ: "Flaggor som bara en bedömare har kommenterat" / "Flags only one assessor has commented",
        agree: "Skapa gemensam bedömning" / "Create the joint assessment",
        agree_help: "Den gemensamma bedömningen börjar med den första bedömarens svar och allas kommentarer; ändra där det ni enats om skiljer sig." / "The joint assessment starts with the first assessor's answers and everyone's comments; change what you agreed on where it differs.",
        joint_name: "Gemensam bedömning" / "Joint assessment",
        // The assessment form.
        assessment: "Bedömning" / "Assessment",
        by: "av" / "by",
        with_template: "med mallen" / "with the template",
        version: "version" / "version",
        formal: "Formella krav" / "Formal requirements",
        regional: "Regionala krav" / "Regional requirements",
        met: "Uppfylls" / "Met",
        not_met: "Uppfylls inte" / "Not met",
        unanswered: "Inte besvarat" / "Not answered",
        dnsh: "Ingen betydande skada (DNSH)" / "Do no significant harm (DNSH)",
        dnsh_help: "Varje mål sållas bort med en skriftlig motivering eller bedöms i sak med underlag. En betydande skada underkänner ansökan oavsett poäng." / "Each objective is screened out with a written justification or assessed with evidence. One significant harm fails the application whatever its score.",
        dnsh_answer: "Svar" / "Answer",
        justification: "Motivering eller underlag" / "Justification or evidence",
        horizontal: "Horisontella kriterier" / "Horizontal criteria",
        level: "Nivå" / "Level",
        scores: "Poäng" / "Score",
        not_scored: "Inte poängsatt" / "Not scored",
        weight: "vikt" / "weight",
        points: "Prioriteringspunkter" / "Priority points",
        flags_heading: "Flaggor att ta ställning till" / "Flags to take a position on",
        no_flags: "Inga flaggor." / "No flags.",
        position: "Ställningstagande" / "Position",
        consulted: "Samrådsloggen har ett avslutat samråd om ansökan." / "The consultation log has a settled consultation about the application.",
        not_consulted: "Samrådsloggen har inget avslutat samråd om ansökan ännu." / "The consultation log has no settled consultation about the application yet.",
        to_log: "Öppna samrådsloggen" / "Open the consultation log",
        gap: "Kunskapsluckor" / "Knowledge gaps",
        stop: "Hållplats: fortsätta, tänka om eller avsluta?" / "Checkpoint: continue, rethink or end?",
        stop_none: "Inte tagen" / "Not taken",
        stop_reason: "Skäl" / "Reason",
        summary: "Samlad bedömning" / "Overall assessment",
        close: "Avsluta bedömningen" / "Close the assessment",
        reopen: "Öppna bedömningen igen" / "Open the assessment again",
        is_closed: "Bedömningen är avslutad och ändras inte." / "The assessment is closed and does not change.",
        one_of_three_warning: "Varning: mallens regel för ett villkor av tre avgör de horisontella kriterierna (källan anger inte fallet)." / "Warning: the template's rule for one condition of three decides the horizontal criteria (the source leaves the case open).",
        no_assessment: "Bedömningen finns inte i arbetsytan." / "The assessment is not in the workspace.",
        no_application: "Ansökan finns inte i arbetsytan." / "The application is not in the workspace.",
        templates: "Kriteriemallar" / "Criteria templates",
        templates_help: "En ändring av en mall blir nästa version; en kopia blir en egen mall med version 1. Bedömningar behåller kriterierna de påbörjades med, så en ändring här ändrar aldrig en sparad bedömning. Ett villkor av tre anges inte av källan (Tillväxtverkets horisontella kriterier): mallen avgör det, och bedömningen varnar när det avgör ärendet." / "A change to a template becomes its next version; a copy becomes a template of its own at version 1. Assessments keep the criteria they were begun with, so a change here never changes a stored assessment. One condition of three is not defined by the source (Tillväxtverket's horizontal criteria): the template decides it, and the assessment warns when it decides the case.",
        min_partly: "Horisontella kriterier som ska nå minst delvis" / "Horizontal criteria that must reach at least partly",
        one_of_three: "Ett villkor av tre räknas som" / "One condition of three counts as",
        copy_template: "Kopiera mallen" / "Copy the template",
        template_copied: "Mallen har kopierats." / "The template has been copied.",
        template_changed: "Mallen har ändrats och fått nästa version; sparade bedömningar är oförändrade." / "The template has been changed to its next version; stored assessments are unchanged.",
        to_templates: "Kriteriemallar" / "Criteria templates",
        change_template: "Ändra mallen" / "Change the template",
        cancel: "Avbryt" / "Cancel",
        name: "Namn" / "Name",
        source: "Källa" / "Source",
        one_per_line: "Ett per rad." / "One per line.",
        scoring: "Poängsättning" / "Scoring",
        weighted: "Viktad poäng: varje kriterium poängsätts och vägs" / "Weighted score: each criterion is scored and weighed",
        count_rule: "Räkneregel: minst ett antal av prioriteringspunkterna" / "Count rule: at least a number of the priority points",
        criterion: "Kriterium" / "Criterion",
        weight_label: "Vikt (0–100)" / "Weight (0–100)",
        weights_sum: "Summa vikter" / "Sum of weights",
        add_criterion: "Lägg till kriterium" / "Add a criterion",
        max_score: "Högsta poäng per kriterium (1–10)" / "Highest score per criterion (1–10)",
        pass_at: "Godkänd vid andel av högsta summan, % (tomt: poängen visas bara)" / "Passes at a share of the highest sum, % (empty: the score is only shown)",
        at_least: "Antal punkter som minst ska uppfyllas" / "How many points must at least be met",
        save_version: "Spara som nästa version" / "Save as the next version",
        nothing_changed: "Inget har ändrats." / "Nothing has changed.",
        of_three_partly: "av 3 minst delvis" / "of 3 at least partly",
        weighted_short: "Viktad poäng" / "Weighted score",
        count_short: "Räkneregel" / "Count rule",
        of: "av" / "of",
        passes_at: "godkänd vid" / "passes at",
        change_application: "Ändra ansökan" / "Change the application",
        application_saved: "Ansökan har sparats." / "The application has been saved.",
        cofinancing: "Medfinansiering (kr)" / "Co-financing (SEK)",
        start: "Startdatum" / "Start date",
        end: "Slutdatum" / "End date",
        save: "Spara" / "Save",
        remove: "Ta bort" / "Remove",
        actors: "Aktörer bakom ansökan" / "Actors behind the application",
        matrix: "Målkonfliktsmatris som målen prövas mot" / "Goal-conflict matrix the goals are checked against",
        project: "Samverkansprojekt" / "Collaboration project",
        new_application: "Ny ansökan" / "New application",
        create: "Lägg till ansökan" / "Add the application",
    }
}
