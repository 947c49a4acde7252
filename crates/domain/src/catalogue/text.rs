//! Languages and texts written in several of them.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// A language of the portal. Romanian and English are complete; the others
/// are accepted in catalogue data and fall back to English where missing.
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
    /// Languages every text of the catalogue must have.
    pub const REQUIRED: [Lang; 2] = [Lang::Ro, Lang::En];

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

/// A text in several languages, e.g. `{ ro = "Pașaport", en = "Passport" }`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LocalText(BTreeMap<Lang, String>);

impl LocalText {
    pub fn new(pairs: impl IntoIterator<Item = (Lang, String)>) -> Self {
        LocalText(pairs.into_iter().collect())
    }

    /// The text in `lang`, else English, else any language it has.
    pub fn get(&self, lang: Lang) -> &str {
        self.0
            .get(&lang)
            .or_else(|| self.0.get(&Lang::En))
            .or_else(|| self.0.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }

    pub fn languages(&self) -> impl Iterator<Item = Lang> + '_ {
        self.0.keys().copied()
    }

    /// Languages among [`Lang::REQUIRED`] that are missing or blank.
    pub fn missing_required(&self) -> Vec<Lang> {
        Lang::REQUIRED
            .into_iter()
            .filter(|l| self.0.get(l).is_none_or(|t| t.trim().is_empty()))
            .collect()
    }
}
