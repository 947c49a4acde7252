//! Every country a person can choose, and the stateless choice, is named in
//! every language of the pages, and no language names a country not in the list.

use ghiseu_domain::geo::countries::{COUNTRIES, STATELESS};
use ghiseu_i18n::{I18n, UI_LANGUAGES};

/// The message naming the country (or citizenship) `code`.
fn key(code: &str) -> String {
    format!("land-{}", code.to_ascii_lowercase())
}

#[test]
fn every_country_and_statelessness_is_named_in_every_language()
-> Result<(), Box<dyn std::error::Error>> {
    let i18n = I18n::new()?;
    let mut failures = Vec::new();
    for lang in UI_LANGUAGES {
        for code in COUNTRIES.iter().copied().chain([STATELESS]) {
            match i18n.strict(lang, &key(code), &[]) {
                Ok(name) if !name.trim().is_empty() => {}
                Ok(_) => failures.push(format!("{lang}: {} is empty", key(code))),
                Err(e) => failures.push(format!("{lang}: {e}")),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    Ok(())
}

#[test]
fn no_language_names_a_code_not_in_the_list() -> Result<(), Box<dyn std::error::Error>> {
    let i18n = I18n::new()?;
    let known: Vec<String> = COUNTRIES
        .iter()
        .copied()
        .chain([STATELESS])
        .map(key)
        .collect();
    let mut failures = Vec::new();
    for lang in UI_LANGUAGES {
        for id in i18n.keys(lang) {
            if id.starts_with("land-") && !known.contains(&id) {
                failures.push(format!("{lang}: {id} names no code of the list"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    Ok(())
}
