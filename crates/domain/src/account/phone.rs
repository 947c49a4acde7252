//! Phone numbers as people type them, kept in E.164 form (`+40712345678`).
//!
//! A number is accepted in international form: `+`, then 8 to 15 digits, the
//! first not 0. Spaces, dashes, dots and parentheses are removed first. A
//! number written the national way is accepted only when the caller names
//! the country it is meant for, and only for mobile numbers of the countries
//! Ghiseu serves:
//!
//! | country | national form | becomes |
//! |---|---|---|
//! | Romania | `07xx xxx xxx` (10 digits) | `+407xx xxx xxx` |
//! | Moldova | `06x xxx xxx`, `07x xxx xxx` (9 digits) | `+3736x…`, `+3737x…` |
//! | Lithuania | `86xx xxxxx` (9 digits) | `+3706xx xxxxx` |

use super::profile::CountryCode;
use std::fmt;

/// A country whose national mobile numbers can be converted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialCountry {
    Romania,
    Moldova,
    Lithuania,
}

impl DialCountry {
    /// The country for an ISO 3166-1 alpha-2 code, if its numbers are known.
    pub fn from_iso(code: &str) -> Option<DialCountry> {
        match code {
            "RO" => Some(DialCountry::Romania),
            "MD" => Some(DialCountry::Moldova),
            "LT" => Some(DialCountry::Lithuania),
            _ => None,
        }
    }

    /// The international form of a national number, if it has this
    /// country's mobile shape.
    fn international(self, digits: &str) -> Option<String> {
        let b = digits.as_bytes();
        let (fits, prefix) = match self {
            DialCountry::Romania => (b.len() == 10 && b.starts_with(b"07"), "+40"),
            DialCountry::Moldova => (
                b.len() == 9 && b[0] == b'0' && matches!(b[1], b'6' | b'7'),
                "+373",
            ),
            DialCountry::Lithuania => (b.len() == 9 && b.starts_with(b"86"), "+370"),
        };
        // The national trunk digit (0, or 8 in Lithuania) is not dialled
        // from abroad.
        fits.then(|| format!("{prefix}{}", &digits[1..]))
    }
}

/// Why a phone number was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("Enter a phone number.")]
    Empty,
    #[error("A phone number has only digits, after an optional + at the start.")]
    Characters,
    #[error("An international number has 8 to 15 digits after the +, the first not 0.")]
    Length,
    #[error("Write the number with its country code, for example +40 712 345 678.")]
    NeedsCountryCode,
}

impl PhoneError {
    pub fn code(self) -> &'static str {
        match self {
            PhoneError::Empty => "phone-empty",
            PhoneError::Characters => "phone-characters",
            PhoneError::Length => "phone-length",
            PhoneError::NeedsCountryCode => "phone-needs-country-code",
        }
    }
}

/// A phone number in E.164 form.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PhoneNumber(String);

/// More than any real number with separators; longer input is refused unread.
const MAX_TYPED_CHARS: usize = 40;

impl PhoneNumber {
    /// Reads a number as typed; `national_for` is the country a number
    /// written without its country code belongs to, if there is one.
    pub fn parse(
        input: &str,
        national_for: Option<DialCountry>,
    ) -> Result<PhoneNumber, PhoneError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(PhoneError::Empty);
        }
        if text.chars().count() > MAX_TYPED_CHARS {
            return Err(PhoneError::Length);
        }
        let (plus, rest) = match text.strip_prefix('+') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let mut digits = String::with_capacity(rest.len());
        for c in rest.chars() {
            match c {
                '0'..='9' => digits.push(c),
                ' ' | '-' | '.' | '(' | ')' => {}
                _ => return Err(PhoneError::Characters),
            }
        }
        if plus {
            let fits = (8..=15).contains(&digits.len()) && !digits.starts_with('0');
            return if fits {
                Ok(PhoneNumber(format!("+{digits}")))
            } else {
                Err(PhoneError::Length)
            };
        }
        national_for
            .and_then(|country| country.international(&digits))
            .map(PhoneNumber)
            .ok_or(PhoneError::NeedsCountryCode)
    }

    /// The number in E.164 form.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `+407******78`: enough to recognise, not enough to call.
    pub fn masked(&self) -> String {
        let count = self.0.chars().count();
        self.0
            .chars()
            .enumerate()
            .map(|(i, c)| if i < 4 || i + 2 >= count { c } else { '*' })
            .collect()
    }
}

impl fmt::Debug for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PhoneNumber({})", self.masked())
    }
}

impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The country whose national phone numbers are understood: the country of
/// domicile, when it is one whose numbers are known.
pub fn dial_country(domicile: Option<&CountryCode>) -> Option<DialCountry> {
    domicile.and_then(|c| DialCountry::from_iso(c.as_str()))
}

/// Reads an optional phone number (empty means none).
pub fn parse_optional_phone(
    input: &str,
    domicile: Option<&CountryCode>,
) -> Result<Option<PhoneNumber>, PhoneError> {
    if input.trim().is_empty() {
        return Ok(None);
    }
    PhoneNumber::parse(input, dial_country(domicile)).map(Some)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn international_numbers_lose_their_separators() {
        for (typed, stored) in [
            ("+40 712 345 678", "+40712345678"),
            ("+373 (69) 123-456", "+37369123456"),
            ("+370.612.34567", "+37061234567"),
            ("  +4930123456  ", "+4930123456"),
        ] {
            assert_eq!(PhoneNumber::parse(typed, None).unwrap().as_str(), stored);
        }
    }

    #[test]
    fn national_mobile_numbers_need_their_country() {
        let cases = [
            ("0712 345 678", DialCountry::Romania, "+40712345678"),
            ("069 123 456", DialCountry::Moldova, "+37369123456"),
            ("078-123-456", DialCountry::Moldova, "+37378123456"),
            ("8612 34567", DialCountry::Lithuania, "+37061234567"),
        ];
        for (typed, country, stored) in cases {
            assert_eq!(
                PhoneNumber::parse(typed, Some(country)).unwrap().as_str(),
                stored
            );
            assert_eq!(
                PhoneNumber::parse(typed, None).unwrap_err(),
                PhoneError::NeedsCountryCode
            );
        }
        assert_eq!(
            PhoneNumber::parse("0712 345 678", Some(DialCountry::Lithuania)).unwrap_err(),
            PhoneError::NeedsCountryCode,
            "a Romanian number is not read as Lithuanian"
        );
        assert_eq!(
            PhoneNumber::parse("0212345678", Some(DialCountry::Romania)).unwrap_err(),
            PhoneError::NeedsCountryCode,
            "only mobile numbers are converted"
        );
    }

    #[test]
    fn malformed_numbers_are_refused_with_the_reason() {
        let cases = [
            ("", PhoneError::Empty),
            ("   ", PhoneError::Empty),
            ("+40 712 abc", PhoneError::Characters),
            ("+40/712345678", PhoneError::Characters),
            ("++40712345678", PhoneError::Characters),
            ("+4071234", PhoneError::Length),
            ("+4071234567890123", PhoneError::Length),
            ("+0712345678", PhoneError::Length),
            ("0040712345678", PhoneError::NeedsCountryCode),
        ];
        for (typed, expected) in cases {
            assert_eq!(
                PhoneNumber::parse(typed, Some(DialCountry::Romania)).unwrap_err(),
                expected,
                "{typed}"
            );
        }
    }

    #[test]
    fn logs_see_only_a_masked_number() {
        let phone = PhoneNumber::parse("+40712345678", None).unwrap();
        assert_eq!(phone.masked(), "+407******78");
        assert!(!format!("{phone:?}").contains("345"));
    }

    #[test]
    fn the_domicile_decides_how_national_phone_numbers_are_read() {
        let ro = CountryCode::parse("RO").unwrap();
        let fr = CountryCode::parse("FR").unwrap();
        assert_eq!(
            parse_optional_phone("0712 345 678", Some(&ro))
                .unwrap()
                .unwrap()
                .as_str(),
            "+40712345678"
        );
        assert!(parse_optional_phone("0712 345 678", Some(&fr)).is_err());
        assert_eq!(parse_optional_phone(" ", None).unwrap(), None);
    }

    proptest! {
        #[test]
        fn parse_never_panics(s in "\\PC{0,60}", country in 0usize..4) {
            let national = [None, Some(DialCountry::Romania), Some(DialCountry::Moldova), Some(DialCountry::Lithuania)][country];
            let _ = PhoneNumber::parse(&s, national);
        }

        #[test]
        fn valid_numbers_round_trip(digits in "[1-9][0-9]{7,14}") {
            let e164 = format!("+{digits}");
            let parsed = PhoneNumber::parse(&e164, None).unwrap();
            prop_assert_eq!(parsed.as_str(), e164.as_str());
            let again = PhoneNumber::parse(&parsed.to_string(), Some(DialCountry::Romania)).unwrap();
            prop_assert_eq!(again, parsed);
        }
    }
}
