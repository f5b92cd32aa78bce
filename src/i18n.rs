//! Translation machinery: the language in context and the catalogue macros.
//!
//! Every catalogue is a struct with one `&'static str` field per string and one `static` per
//! language, written with [`texts!`](crate::texts) so that Swedish and English stand side by
//! side. A missing translation is a compile error (the macro wants `"sv" / "en"` for every
//! field), nothing is parsed at start-up and the bundle holds only the strings themselves.
//! The shell's catalogue is [`crate::app::texts`]; each module has its own `texts.rs`.
use leptos::prelude::*;
use vagval_core::Lang;

pub use crate::app::texts::{EN, SV, Texts};

/// What a module (or shell page) says about itself: its card on the overview and its navigation
/// label.
pub struct ModuleTexts {
    /// Navigation label and page heading.
    pub title: &'static str,
    /// One paragraph on what the module is for.
    pub summary: &'static str,
}

/// Declares a catalogue: the struct and its Swedish and English statics, each string given as
/// `name: "svenska" / "English",`. Optional parts, in brackets before the strings, embed other
/// catalogues by reference: `name: Type = SV_STATIC / EN_STATIC,`.
#[macro_export]
macro_rules! texts {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident($sv:ident, $en:ident)
        $([ $($part:ident: $pty:ty = $psv:ident / $pen:ident),* $(,)? ])?
        { $($field:ident: $s:literal / $e:literal),* $(,)? }
    ) => {
        $(#[$meta])*
        #[allow(missing_docs)]
        $vis struct $name {
            $($(pub $part: &'static $pty,)*)?
            $(pub $field: &'static str,)*
        }

        /// Svenska.
        $vis static $sv: $name = $name {
            $($($part: &$psv,)*)?
            $($field: $s,)*
        };

        /// English.
        $vis static $en: $name = $name {
            $($($part: &$pen,)*)?
            $($field: $e,)*
        };
    };
}

/// Declares a [`ModuleTexts`] in Swedish and English, side by side.
#[macro_export]
macro_rules! card {
    (
        $vis:vis static $sv:ident, $en:ident;
        title: $ts:literal / $te:literal,
        summary: $ss:literal / $se:literal $(,)?
    ) => {
        /// Svenska.
        $vis static $sv: $crate::i18n::ModuleTexts = $crate::i18n::ModuleTexts {
            title: $ts,
            summary: $ss,
        };

        /// English.
        $vis static $en: $crate::i18n::ModuleTexts = $crate::i18n::ModuleTexts {
            title: $te,
            summary: $se,
        };
    };
}

/// The shell's catalogue for `lang`.
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
    /// The shell's catalogue (tracks the language signal).
    #[must_use]
    pub fn t(self) -> &'static Texts {
        texts(self.0.get())
    }

    /// One text as a signal. Every translated text node shares this one type, so the
    /// views do not each monomorphise their own closure (a large share of the bundle).
    #[must_use]
    pub fn tr(self, pick: fn(&'static Texts) -> &'static str) -> Signal<&'static str> {
        Signal::derive(move || pick(self.t()))
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
