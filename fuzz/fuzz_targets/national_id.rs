//! National identification numbers (`NationalId::parse`): the Romanian CNP,
//! the Moldovan IDNP and the Lithuanian personal code, as people type them.
//!
//! Input: byte 0 picks the country; the rest is the typed text.
#![no_main]

use ghiseu_domain::national_id::{Country, NationalId, NationalIdError};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let [pick, typed @ ..] = data else {
        return;
    };
    let country = Country::ALL[usize::from(*pick) % Country::ALL.len()];
    assert_eq!(country.code().parse::<Country>(), Ok(country));
    assert_eq!(
        country.code().to_lowercase().parse::<Country>(),
        Ok(country)
    );
    let Ok(typed) = std::str::from_utf8(typed) else {
        return;
    };
    let _ = typed.parse::<Country>();
    match NationalId::parse(country, typed) {
        Ok(id) => {
            let number = id.expose();
            assert_eq!(number, typed.trim());
            assert!(number.bytes().all(|b| b.is_ascii_digit()));
            assert_eq!(id.country(), country);
            // The stored number reads back as the same id.
            let again = NationalId::parse(country, number).expect("a valid number parses again");
            assert_eq!(again, id);
            assert_eq!(again.digest(), id.digest());
            let masked = id.masked();
            assert_eq!(masked.len(), number.len());
            assert_eq!(masked.chars().next(), number.chars().next());
            assert!(masked.ends_with(&number[number.len() - 3..]));
            assert!(
                !format!("{id:?}").contains(number),
                "Debug shows the number"
            );
            if let Some(birth) = id.birth_date() {
                assert!(birth.year() >= 1800 && birth.year() <= 2099, "{birth}");
            }
        }
        Err(error) => {
            if typed.trim().is_empty() {
                assert_eq!(error, NationalIdError::Empty);
            }
            assert!(!error.code().is_empty());
            assert!(!error.to_string().is_empty());
        }
    }
});
