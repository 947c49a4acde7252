//! National identification numbers of the countries Ghiseu serves: the
//! Romanian CNP, the Moldovan IDNP and the Lithuanian personal code.
//!
//! A [`NationalId`] is personal data: its `Debug` shows only the masked form,
//! and the full number is reachable only through [`NationalId::expose`].

mod lt;
mod md;
mod ro;

use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Country {
    #[serde(rename = "RO")]
    Ro,
    #[serde(rename = "MD")]
    Md,
    #[serde(rename = "LT")]
    Lt,
}

impl Country {
    pub const ALL: [Country; 3] = [Country::Ro, Country::Md, Country::Lt];

    pub fn code(self) -> &'static str {
        match self {
            Country::Ro => "RO",
            Country::Md => "MD",
            Country::Lt => "LT",
        }
    }

    fn document_name(self) -> &'static str {
        match self {
            Country::Ro => "Romanian CNP",
            Country::Md => "Moldovan IDNP",
            Country::Lt => "Lithuanian personal code",
        }
    }

    fn digit_count(self) -> usize {
        match self {
            Country::Ro => ro::LENGTH,
            Country::Md => md::LENGTH,
            Country::Lt => lt::LENGTH,
        }
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a country Ghiseu knows: use RO, MD or LT.")]
pub struct UnknownCountry(pub String);

impl FromStr for Country {
    type Err = UnknownCountry;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        Country::ALL
            .into_iter()
            .find(|country| country.code().eq_ignore_ascii_case(input))
            .ok_or_else(|| UnknownCountry(input.to_owned()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sex {
    Female,
    Male,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NationalIdError {
    #[error("No number was entered: please type the identification number.")]
    Empty,
    #[error("A {doc} has {expected} digits; this one has {got}.", doc = .country.document_name())]
    Length {
        country: Country,
        expected: usize,
        got: usize,
    },
    #[error(
        "Character {position}, {found:?}, is not a digit: please type the number with the digits 0 to 9 only, without spaces or other signs."
    )]
    NotDigit { position: usize, found: char },
    #[error(
        "Digits 2 to 7 hold the birth date (YYMMDD), and they do not form a real date: please check the number for a typing mistake."
    )]
    BirthDate,
    #[error(
        "A {doc} cannot start with {digit}: the first digit gives the sex and century of birth. Please check the number for a typing mistake.",
        doc = .country.document_name()
    )]
    Century { country: Country, digit: u8 },
    #[error(
        "Digits 8 and 9 of a Romanian CNP are a county code, and {code:02} is not one: please check the number for a typing mistake."
    )]
    County { code: u8 },
    #[error("The check digit does not match: please check the number for a typing mistake.")]
    Checksum { expected: u8 },
}

impl NationalIdError {
    pub fn code(&self) -> &'static str {
        match self {
            NationalIdError::Empty => "empty",
            NationalIdError::Length { .. } => "length",
            NationalIdError::NotDigit { .. } => "not-digit",
            NationalIdError::BirthDate => "birth-date",
            NationalIdError::Century { .. } => "century",
            NationalIdError::County { .. } => "county",
            NationalIdError::Checksum { .. } => "checksum",
        }
    }
}

/// What a valid number tells about its holder.
struct Decoded {
    birth_date: Option<Date>,
    sex: Option<Sex>,
}

#[derive(Clone, PartialEq, Eq, Hash)]
pub struct NationalId {
    country: Country,
    digits: String,
    birth_date: Option<Date>,
    sex: Option<Sex>,
}

impl NationalId {
    /// Checks `input` as a number of `country`. Surrounding whitespace is
    /// ignored; anything else that is not a digit is refused.
    pub fn parse(country: Country, input: &str) -> Result<NationalId, NationalIdError> {
        let text = input.trim();
        let digits = digit_values(country, text)?;
        let decoded = match country {
            Country::Ro => ro::decode(&digits)?,
            Country::Md => md::decode(&digits)?,
            Country::Lt => lt::decode(&digits)?,
        };
        Ok(NationalId {
            country,
            digits: text.to_owned(),
            birth_date: decoded.birth_date,
            sex: decoded.sex,
        })
    }

    pub fn country(&self) -> Country {
        self.country
    }

    pub fn birth_date(&self) -> Option<Date> {
        self.birth_date
    }

    pub fn sex(&self) -> Option<Sex> {
        self.sex
    }

    /// The first digit and the last three, every other digit replaced by `*`.
    pub fn masked(&self) -> String {
        let shown_tail = self.digits.len().saturating_sub(3);
        self.digits
            .chars()
            .enumerate()
            .map(|(index, digit)| {
                if index == 0 || index >= shown_tail {
                    digit
                } else {
                    '*'
                }
            })
            .collect()
    }

    /// The registry's key for the holder of a document: a digest of the
    /// country and the number, so the public check compares without the
    /// number being kept beside the document.
    pub fn digest(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut hash = Sha256::new();
        hash.update(b"ghiseu.holder.v1|");
        hash.update(self.country.code().as_bytes());
        hash.update(b"|");
        hash.update(self.digits.as_bytes());
        hex::encode(hash.finalize())
    }

    /// The full number. Meant for storage only: never log or display it.
    pub fn expose(&self) -> &str {
        &self.digits
    }
}

impl fmt::Debug for NationalId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("NationalId")
            .field(&self.country)
            .field(&self.masked())
            .finish()
    }
}

fn digit_values(country: Country, text: &str) -> Result<Vec<u8>, NationalIdError> {
    if text.is_empty() {
        return Err(NationalIdError::Empty);
    }
    let mut digits = Vec::with_capacity(text.len());
    for (index, character) in text.chars().enumerate() {
        if !character.is_ascii_digit() {
            return Err(NationalIdError::NotDigit {
                position: index + 1,
                found: character,
            });
        }
        digits.push(character as u8 - b'0');
    }
    let expected = country.digit_count();
    if digits.len() != expected {
        return Err(NationalIdError::Length {
            country,
            expected,
            got: digits.len(),
        });
    }
    Ok(digits)
}

/// The length check has already passed, so a mismatch here cannot happen;
/// it still answers with the length error rather than panicking.
fn fixed_digits<const N: usize>(
    country: Country,
    digits: &[u8],
) -> Result<&[u8; N], NationalIdError> {
    digits.try_into().map_err(|_| NationalIdError::Length {
        country,
        expected: N,
        got: digits.len(),
    })
}

fn two_digits(tens: u8, units: u8) -> u8 {
    tens * 10 + units
}

/// `Some` only when year, month and day form a real Gregorian date.
fn real_date(year: i16, month: u8, day: u8) -> Option<Date> {
    let month = i8::try_from(month).ok()?;
    let day = i8::try_from(day).ok()?;
    Date::new(year, month, day).ok()
}

fn weighted_sum(digits: &[u8], weights: &[u32]) -> u32 {
    digits
        .iter()
        .zip(weights)
        .map(|(digit, weight)| u32::from(*digit) * weight)
        .sum()
}

#[cfg(test)]
fn as_text(digits: &[u8]) -> String {
    digits
        .iter()
        .map(|digit| char::from(b'0' + digit))
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn country_reads_codes_in_any_case_and_prints_upper_case() {
        assert_eq!("ro".parse::<Country>(), Ok(Country::Ro));
        assert_eq!("Md".parse::<Country>(), Ok(Country::Md));
        assert_eq!("LT".parse::<Country>(), Ok(Country::Lt));
        let error = "de".parse::<Country>().unwrap_err();
        assert!(error.to_string().contains("RO, MD or LT"));
        assert_eq!(Country::Md.to_string(), "MD");
    }

    #[test]
    fn country_and_sex_serialise_as_documented() {
        let country = toml::Value::try_from(Country::Lt).unwrap();
        assert_eq!(country.as_str(), Some("LT"));
        let sex = toml::Value::try_from(Sex::Female).unwrap();
        assert_eq!(sex.as_str(), Some("female"));
        let parsed: Country = toml::Value::String("RO".into()).try_into().unwrap();
        assert_eq!(parsed, Country::Ro);
    }

    #[test]
    fn surrounding_whitespace_is_ignored_but_inner_spaces_are_not() {
        let id = NationalId::parse(Country::Ro, "  1960523123457\n").unwrap();
        assert_eq!(id.expose(), "1960523123457");
        assert_eq!(
            NationalId::parse(Country::Ro, "196052 3123457"),
            Err(NationalIdError::NotDigit {
                position: 7,
                found: ' '
            })
        );
    }

    #[test]
    fn empty_and_blank_input_is_refused() {
        for input in ["", "   ", "\t\n"] {
            let error = NationalId::parse(Country::Lt, input).unwrap_err();
            assert_eq!(error, NationalIdError::Empty);
            assert_eq!(error.code(), "empty");
        }
    }

    #[test]
    fn wrong_length_names_the_document_and_both_counts() {
        let error = NationalId::parse(Country::Ro, "196052312345").unwrap_err();
        assert_eq!(error.code(), "length");
        assert_eq!(
            error.to_string(),
            "A Romanian CNP has 13 digits; this one has 12."
        );
        let error = NationalId::parse(Country::Lt, "333092400645").unwrap_err();
        assert_eq!(
            error.to_string(),
            "A Lithuanian personal code has 11 digits; this one has 12."
        );
        let error = NationalId::parse(Country::Md, "2").unwrap_err();
        assert_eq!(
            error.to_string(),
            "A Moldovan IDNP has 13 digits; this one has 1."
        );
    }

    #[test]
    fn non_digits_are_reported_by_position_including_unicode_digits() {
        let error = NationalId::parse(Country::Md, "20000012345a9").unwrap_err();
        assert_eq!(
            error,
            NationalIdError::NotDigit {
                position: 12,
                found: 'a'
            }
        );
        assert_eq!(error.code(), "not-digit");
        assert!(
            error
                .to_string()
                .starts_with("Character 12, 'a', is not a digit")
        );
        let error = NationalId::parse(Country::Lt, "٣3309240064").unwrap_err();
        assert_eq!(
            error,
            NationalIdError::NotDigit {
                position: 1,
                found: '٣'
            }
        );
    }

    #[test]
    fn every_error_has_its_stable_code_and_a_full_sentence() {
        let cases = [
            (Country::Ro, " ", "empty"),
            (Country::Ro, "196052312345", "length"),
            (Country::Md, "20000012345-9", "not-digit"),
            (Country::Ro, "1961301123450", "birth-date"),
            (Country::Lt, "73309240064", "century"),
            (Country::Ro, "1960523533457", "county"),
            (Country::Ro, "1960523123458", "checksum"),
        ];
        for (country, input, code) in cases {
            let error = NationalId::parse(country, input).unwrap_err();
            assert_eq!(error.code(), code, "{input}");
            let message = error.to_string();
            assert!(message.starts_with(char::is_uppercase) && message.ends_with('.'));
        }
    }

    #[test]
    fn masking_keeps_first_digit_and_last_three() {
        let cnp = NationalId::parse(Country::Ro, "1960523123457").unwrap();
        assert_eq!(cnp.masked(), "1*********457");
        let code = NationalId::parse(Country::Lt, "33309240064").unwrap();
        assert_eq!(code.masked(), "3*******064");
        let idnp = NationalId::parse(Country::Md, "2000001234569").unwrap();
        assert_eq!(idnp.masked(), "2*********569");
    }

    #[test]
    fn debug_output_never_shows_the_full_number() {
        let cnp = NationalId::parse(Country::Ro, "1960523123457").unwrap();
        let printed = format!("{cnp:?} {cnp:#?}");
        assert!(!printed.contains("1960523123457"));
        assert!(!printed.contains("960523"));
        assert!(printed.contains("1*********457"));
    }

    proptest! {
        #[test]
        fn parse_never_panics(input in prop_oneof![any::<String>(), "[0-9 ]{0,20}"]) {
            for country in Country::ALL {
                let _ = NationalId::parse(country, &input);
            }
        }
    }
}
