//! Names of methods, scorings, capacity rules, MoSCoW classes, stages and dimensions.
use vagval_core::Lang;
use vagval_core::model::{Dimension, Status};
use vagval_core::select::Capacity;
use vagval_core::vote::{Method, Moscow, RankScoring};

/// The method kinds offered when setting up a round, in menu order.
pub const METHOD_KINDS: [&str; 7] = [
    "dots",
    "approval",
    "points",
    "ranking",
    "score",
    "moscow",
    "impact_effort",
];

/// The kind of a method, as in [`METHOD_KINDS`].
pub use vagval_core::prioritisation::round_draft::method_kind;

/// A method kind's name.
#[must_use]
pub fn method_kind_label(kind: &str, lang: Lang) -> &'static str {
    match (kind, lang) {
        ("dots", Lang::Sv) => "Prickröstning",
        ("dots", Lang::En) => "Dot voting",
        ("approval", Lang::Sv) => "Godkännanderöstning (ja/nej)",
        ("approval", Lang::En) => "Approval (yes/no)",
        ("points", Lang::Sv) => "Poängfördelning (100 poäng)",
        ("points", Lang::En) => "Point allocation (100 points)",
        ("ranking", Lang::Sv) => "Rangordning",
        ("ranking", Lang::En) => "Ranking",
        ("score", Lang::Sv) => "Betyg 1–5",
        ("score", Lang::En) => "Score 1–5",
        ("moscow", Lang::Sv) => "MoSCoW (måste, bör, kan, inte nu)",
        ("moscow", Lang::En) => "MoSCoW (must, should, could, won't)",
        (_, Lang::Sv) => "Nytta och insats",
        (_, Lang::En) => "Impact and effort",
    }
}

/// How a participant answers, per method kind.
#[must_use]
pub fn method_help(kind: &str, lang: Lang) -> &'static str {
    match (kind, lang) {
        ("dots", Lang::Sv) => {
            "Tryck på ett inspel eller på + för att lägga en prick, − för att ta bort en."
        }
        ("dots", Lang::En) => "Tap an input or + to add a dot, − to take one away.",
        ("approval", Lang::Sv) => "Kryssa i alla inspel du tycker ska drivas.",
        ("approval", Lang::En) => "Tick every input you think should be pursued.",
        ("points", Lang::Sv) => "Fördela alla poäng med + och − (5 poäng per tryck).",
        ("points", Lang::En) => "Allocate all points with + and − (5 points per tap).",
        ("ranking", Lang::Sv) => {
            "Tryck Rangordna i den ordning du föredrar. Dra i handtaget ⠿ eller använd pilknapparna för att flytta."
        }
        ("ranking", Lang::En) => {
            "Tap Rank in the order you prefer. Drag the handle ⠿ or use the arrow buttons to move."
        }
        ("score", Lang::Sv) => {
            "Ge varje inspel ett betyg från 1 (lite viktigt) till 5 (mycket viktigt), eller hoppa över."
        }
        ("score", Lang::En) => {
            "Give each input a score from 1 (not very important) to 5 (very important), or skip it."
        }
        ("moscow", Lang::Sv) => {
            "Ange för varje inspel om det måste, bör eller kan drivas, eller inte nu."
        }
        ("moscow", Lang::En) => {
            "For each input, say whether it must, should or could be pursued, or not now."
        }
        (_, Lang::Sv) => "Ange nytta och insats 1–5 för varje inspel du vill bedöma.",
        (_, Lang::En) => "Give impact and effort 1–5 for each input you want to assess.",
    }
}

/// A scoring variant's name.
#[must_use]
pub fn scoring_label(s: RankScoring, lang: Lang) -> &'static str {
    match (s, lang) {
        (RankScoring::Borda, _) => "Borda",
        (RankScoring::ModifiedBorda, Lang::Sv) => "Modifierad Borda",
        (RankScoring::ModifiedBorda, Lang::En) => "Modified Borda",
        (RankScoring::FixedK, _) => "Fixed-k",
        (RankScoring::Schulze, _) => "Schulze (Condorcet)",
        (RankScoring::Copeland, _) => "Copeland (Condorcet)",
    }
}

/// A method with its parameters, e.g. "Prickröstning (5 prickar, högst 3 per inspel)".
#[must_use]
pub fn method_label(m: &Method, lang: Lang) -> String {
    let name = method_kind_label(method_kind(m), lang);
    let sv = lang == Lang::Sv;
    match m {
        Method::Dots { budget, cap, .. } if sv => {
            format!("{name} ({budget} prickar, högst {cap} per inspel)")
        }
        Method::Dots { budget, cap, .. } => {
            format!("{name} ({budget} dots, at most {cap} per input)")
        }
        Method::Points { total, .. } => format!(
            "{} ({total})",
            if sv {
                "Poängfördelning"
            } else {
                "Point allocation"
            }
        ),
        Method::Ranking {
            top_k,
            scoring,
            at_most,
        } => {
            let k = match (top_k, at_most, sv) {
                (Some(k), true, true) => format!(", upp till {k}"),
                (Some(k), true, false) => format!(", up to {k}"),
                (Some(k), false, true) => format!(", topp {k}"),
                (Some(k), false, false) => format!(", top {k}"),
                (None, ..) => String::new(),
            };
            format!("{name} – {}{k}", scoring_label(*scoring, lang))
        }
        _ => name.to_owned(),
    }
}

/// A capacity rule kind's name ("none", "top_n", "greedy", "optimal").
#[must_use]
pub fn capacity_label(kind: &str, lang: Lang) -> &'static str {
    match (kind, lang) {
        ("top_n", Lang::Sv) => "De N bästa",
        ("top_n", Lang::En) => "The best N",
        ("greedy", Lang::Sv) => "Efter insats, i rangordning (girigt)",
        ("greedy", Lang::En) => "By effort, in ranked order (greedy)",
        ("optimal", Lang::Sv) => "Efter insats, bästa möjliga (optimalt)",
        ("optimal", Lang::En) => "By effort, best possible (optimal)",
        (_, Lang::Sv) => "Inget tak",
        (_, Lang::En) => "No cap",
    }
}

/// A capacity rule in words.
#[must_use]
pub fn capacity_text(c: Capacity, lang: Lang) -> String {
    match (c, lang) {
        (Capacity::TopN { n }, Lang::Sv) => format!("de {n} bästa"),
        (Capacity::TopN { n }, Lang::En) => format!("the best {n}"),
        (Capacity::Greedy { capacity }, _) => {
            format!("{} ≤ {capacity}", capacity_label("greedy", lang))
        }
        (Capacity::Optimal { capacity }, _) => {
            format!("{} ≤ {capacity}", capacity_label("optimal", lang))
        }
    }
}

/// A MoSCoW class's name.
#[must_use]
pub fn moscow_label(m: Moscow, lang: Lang) -> &'static str {
    match (m, lang) {
        (Moscow::Must, Lang::Sv) => "Måste",
        (Moscow::Should, Lang::Sv) => "Bör",
        (Moscow::Could, Lang::Sv) => "Kan",
        (Moscow::Wont, Lang::Sv) => "Inte nu",
        (Moscow::Must, Lang::En) => "Must",
        (Moscow::Should, Lang::En) => "Should",
        (Moscow::Could, Lang::En) => "Could",
        (Moscow::Wont, Lang::En) => "Won't",
    }
}

/// A stage's name.
#[must_use]
pub fn status_label(s: Status, lang: Lang) -> &'static str {
    s.label(lang)
}

/// A sustainability dimension's name.
#[must_use]
pub fn dimension_label(d: Dimension, lang: Lang) -> &'static str {
    d.label(lang)
}
