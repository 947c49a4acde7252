//! Languages and texts written in several of them.

use serde::{Deserialize, Deserializer, Serialize};
use std::cell::Cell;
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// A language of the portal. Every catalogue text has English and its
/// authority's own language; a text missing another language is shown in
/// the authority's language (see [`LocalText::get`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Ro,
    En,
    Ru,
    Lt,
    Uk,
}

impl Lang {
    pub const ALL: [Lang; 5] = [Lang::Ro, Lang::En, Lang::Ru, Lang::Lt, Lang::Uk];
    /// Languages every text of the catalogue must have, besides its
    /// authority's own language.
    pub const REQUIRED: [Lang; 1] = [Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ro => "ro",
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Lt => "lt",
            Lang::Uk => "uk",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| format!("unknown language \"{s}\": use one of ro, en, ru, lt, uk"))
    }
}

/// A text in several languages, e.g. `{ ro = "Pașaport", en = "Passport" }`,
/// knowing the language of the authority that wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(transparent)]
pub struct LocalText {
    texts: BTreeMap<Lang, String>,
    #[serde(skip)]
    own: Option<Lang>,
}

thread_local! {
    // serde gives a field no context, so the language of the authority file
    // being read reaches each of its texts here (see `reading_authority`).
    static OWN_LANGUAGE: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Runs `read` with every [`LocalText`] it deserialises owned by `language`.
pub(super) fn reading_authority<T>(language: Lang, read: impl FnOnce() -> T) -> T {
    let before = OWN_LANGUAGE.with(|own| own.replace(Some(language)));
    let read = read();
    OWN_LANGUAGE.with(|own| own.set(before));
    read
}

impl<'de> Deserialize<'de> for LocalText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(LocalText {
            texts: BTreeMap::deserialize(deserializer)?,
            own: OWN_LANGUAGE.with(Cell::get),
        })
    }
}

/// A text as shown: its words and the language they are in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown<'a> {
    pub text: &'a str,
    pub lang: Lang,
}

impl LocalText {
    pub fn new(pairs: impl IntoIterator<Item = (Lang, String)>) -> Self {
        LocalText {
            texts: pairs.into_iter().collect(),
            own: None,
        }
    }

    /// The text in `lang`, else in its authority's language, else English,
    /// else any language it has.
    pub fn get(&self, lang: Lang) -> &str {
        self.shown(lang).map_or("", |shown| shown.text)
    }

    /// Like [`LocalText::get`], telling which language the words are in.
    pub fn shown(&self, lang: Lang) -> Option<Shown<'_>> {
        [Some(lang), self.own, Some(Lang::En)]
            .into_iter()
            .flatten()
            .find_map(|l| self.written(l).map(|text| Shown { text, lang: l }))
            .or_else(|| {
                self.texts
                    .iter()
                    .find(|(_, t)| !t.trim().is_empty())
                    .map(|(l, text)| Shown { text, lang: *l })
            })
    }

    fn written(&self, lang: Lang) -> Option<&str> {
        self.texts
            .get(&lang)
            .map(String::as_str)
            .filter(|t| !t.trim().is_empty())
    }

    /// Whether the text is written in `lang`.
    pub fn has(&self, lang: Lang) -> bool {
        self.written(lang).is_some()
    }

    pub fn languages(&self) -> impl Iterator<Item = Lang> + '_ {
        self.texts.keys().copied()
    }

    /// Languages among [`Lang::REQUIRED`] and the authority's own that are
    /// missing or blank.
    pub fn missing_required(&self) -> Vec<Lang> {
        let mut required: Vec<Lang> = self.own.into_iter().collect();
        required.extend(Lang::REQUIRED.into_iter().filter(|l| Some(*l) != self.own));
        required.into_iter().filter(|l| !self.has(*l)).collect()
    }
}
