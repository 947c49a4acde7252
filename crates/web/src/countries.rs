//! Countries to choose from, named in the reader's language and in its
//! alphabetical order, never typed as codes.

use ghiseu_domain::geo::countries::{COUNTRIES, STATELESS};
use ghiseu_i18n::Tr;

/// One country of a list: its ISO code (the value sent) and its name.
pub(crate) struct CountryOption {
    pub code: &'static str,
    pub name: String,
}

/// The country (or "stateless") of an ISO code, in the reader's language.
pub(crate) fn name(t: Tr<'_>, code: &str) -> String {
    t.m(&format!("land-{}", code.to_ascii_lowercase()))
}

/// Every country; for a citizenship also "stateless", first.
pub(crate) fn options(t: Tr<'_>, citizenship: bool) -> Vec<CountryOption> {
    let name = |code: &'static str| CountryOption {
        code,
        name: name(t, code),
    };
    let mut countries: Vec<CountryOption> = COUNTRIES.iter().map(|c| name(c)).collect();
    countries.sort_by_cached_key(|c| c.name.to_lowercase());
    if citizenship {
        countries.insert(0, name(STATELESS));
    }
    countries
}
