//! Every string a person reads goes through here: Fluent messages per
//! language, with plural forms, numbers, amounts and dates by ICU4X's CLDR data.

mod fluent;
mod formats;
mod tr;
pub use tr::Tr;

use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use formats::Formats;
use ghiseu_domain::catalogue::Lang;
use std::collections::HashMap;

/// The languages the portal's pages are complete in.
pub const UI_LANGUAGES: [Lang; 5] = Lang::ALL;

/// The files of one language's messages, one per part of the portal.
macro_rules! language_files {
    ($code:literal) => {
        &[
            include_str!(concat!("../locales/", $code, "/main.ftl")),
            include_str!(concat!("../locales/", $code, "/profile.ftl")),
            include_str!(concat!("../locales/", $code, "/representation.ftl")),
            include_str!(concat!("../locales/", $code, "/cases.ftl")),
            include_str!(concat!("../locales/", $code, "/card.ftl")),
            include_str!(concat!("../locales/", $code, "/messages.ftl")),
            include_str!(concat!("../locales/", $code, "/payments.ftl")),
            include_str!(concat!("../locales/", $code, "/appointments.ftl")),
            include_str!(concat!("../locales/", $code, "/problems.ftl")),
            include_str!(concat!("../locales/", $code, "/registry.ftl")),
            include_str!(concat!("../locales/", $code, "/registry-check.ftl")),
            include_str!(concat!("../locales/", $code, "/registry-reminders.ftl")),
            include_str!(concat!("../locales/", $code, "/issuance.ftl")),
            include_str!(concat!("../locales/", $code, "/organisations.ftl")),
            include_str!(concat!("../locales/", $code, "/invitations.ftl")),
            include_str!(concat!("../locales/", $code, "/offices.ftl")),
            include_str!(concat!("../locales/", $code, "/demo.ftl")),
            include_str!(concat!("../locales/", $code, "/fee-orders.ftl")),
            include_str!(concat!("../locales/", $code, "/countries.ftl")),
        ]
    };
}

/// Every language's messages.
const SOURCES: [(Lang, &[&str]); 5] = [
    (Lang::Ro, language_files!("ro")),
    (Lang::En, language_files!("en")),
    (Lang::Ru, language_files!("ru")),
    (Lang::Uk, language_files!("uk")),
    (Lang::Lt, language_files!("lt")),
];

/// A named value for a message: text or a number (numbers choose plural
/// forms and are shown in the language's CLDR number format).
pub type Arg = FluentValue<'static>;

pub struct I18n {
    languages: HashMap<Lang, Language>,
    sources: Vec<(Lang, &'static [&'static str])>,
    /// Whether every text is marked `⟦…⟧` (the pseudo-locale of tests that
    /// find text which did not come through here).
    marked: bool,
}

/// One language's messages and formatters.
struct Language {
    bundle: fluent::Bundle,
    formats: Formats,
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("I18n")
            .field("languages", &self.languages.keys())
            .finish()
    }
}

#[derive(Debug, thiserror::Error)]
#[error("the {lang} messages do not parse: {detail}")]
pub struct I18nError {
    lang: Lang,
    detail: String,
}

impl I18n {
    pub fn new() -> Result<I18n, I18nError> {
        I18n::from_sources(&SOURCES)
    }

    /// Messages from `sources` instead of the portal's files, formatted as
    /// the portal's are (for tests of the formatting itself).
    pub fn from_sources(sources: &[(Lang, &'static [&'static str])]) -> Result<I18n, I18nError> {
        let mut languages = HashMap::new();
        for &(lang, files) in sources {
            let error = |detail: String| I18nError { lang, detail };
            let locale = formats::locale(lang);
            let language = Language {
                bundle: fluent::bundle(&locale, files).map_err(error)?,
                formats: Formats::new(&locale).map_err(error)?,
            };
            languages.insert(lang, language);
        }
        Ok(I18n {
            languages,
            sources: sources.to_vec(),
            marked: false,
        })
    }

    /// The same messages, each text marked `⟦…⟧` where it is shown, so a
    /// test can tell every text that came through here from any that did
    /// not. Never for real readers.
    pub fn marked(self) -> I18n {
        I18n {
            marked: true,
            ..self
        }
    }

    /// `text` as shown: marked in the pseudo-locale, else as it is.
    pub(crate) fn shown(&self, text: String) -> String {
        if self.marked {
            format!("⟦{text}⟧")
        } else {
            text
        }
    }

    fn bundle(&self, lang: Lang) -> Option<&fluent::Bundle> {
        self.languages.get(&lang).map(|l| &l.bundle)
    }

    /// The formatters of `lang`, else of English.
    fn formats(&self, lang: Lang) -> Option<&Formats> {
        self.languages
            .get(&lang)
            .or_else(|| self.languages.get(&Lang::En))
            .map(|l| &l.formats)
    }

    /// The message `key` in `lang`, else in English, else the key itself.
    pub fn text(&self, lang: Lang, key: &str) -> String {
        self.format(lang, key, None)
    }

    pub fn text_with(&self, lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
        self.format(lang, key, Some(&fluent_args(args)))
    }

    fn format(&self, lang: Lang, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        for candidate in [lang, Lang::En] {
            let Some(bundle) = self.bundle(candidate) else {
                continue;
            };
            let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors);
            if !errors.is_empty() {
                tracing::warn!(key, lang = %candidate, ?errors, "message formatted with errors");
            }
            return self.shown(text.into_owned());
        }
        tracing::warn!(key, lang = %lang, "missing message");
        key.to_string()
    }

    /// Whether `lang` itself (not its English fallback) has the message `key`.
    pub fn has(&self, lang: Lang, key: &str) -> bool {
        self.bundle(lang)
            .and_then(|b| b.get_message(key))
            .is_some_and(|m| m.value().is_some())
    }

    /// The message `key` in `lang` alone, for completeness checks: an error
    /// when `lang` lacks it or it cannot be formatted with `args` (an
    /// argument it names is missing, say), where `text_with` would fall back.
    pub fn strict(&self, lang: Lang, key: &str, args: &[(&str, Arg)]) -> Result<String, String> {
        let bundle = self
            .bundle(lang)
            .ok_or_else(|| format!("no {lang} messages"))?;
        let pattern = bundle
            .get_message(key)
            .and_then(|m| m.value())
            .ok_or_else(|| format!("{key} is missing in {lang}"))?;
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent_args(args)), &mut errors);
        if errors.is_empty() {
            Ok(text.into_owned())
        } else {
            Err(format!("{key} in {lang}: {errors:?}"))
        }
    }

    /// Message ids defined for `lang` (for completeness checks).
    pub fn keys(&self, lang: Lang) -> Vec<String> {
        let mut keys = Vec::new();
        let files = self.sources.iter().filter(|(l, _)| *l == lang);
        for source in files.flat_map(|(_, files)| files.iter()) {
            match FluentResource::try_new(source.to_string()) {
                Ok(resource) | Err((resource, _)) => {
                    keys.extend(resource.entries().filter_map(|entry| match entry {
                        fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                        _ => None,
                    }))
                }
            }
        }
        keys
    }
}

fn fluent_args<'a>(args: &[(&'a str, Arg)]) -> FluentArgs<'a> {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    fluent_args
}

/// A text argument.
pub fn text_arg(value: impl Into<String>) -> Arg {
    FluentValue::from(value.into())
}

/// A number argument (selects plural forms).
pub fn number_arg(value: i64) -> Arg {
    FluentValue::from(value)
}

/// A number with a fraction, shown with the digits it has (1234567.5).
pub fn decimal_arg(value: f64) -> Arg {
    FluentValue::from(value)
}

/// The message files of `lang`, as written (for completeness checks).
pub fn sources(lang: Lang) -> &'static [&'static str] {
    SOURCES
        .iter()
        .find(|(l, _)| *l == lang)
        .map_or(&[], |(_, s)| *s)
}
