//! Moldovan state identification number (IDNP): twelve digits and a check
//! digit. It tells nothing about its holder's birth date or sex.

use super::{Country, Decoded, NationalIdError, fixed_digits, weighted_sum};

pub(super) const LENGTH: usize = 13;

const WEIGHTS: [u32; 12] = [7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1];

pub(super) fn decode(digits: &[u8]) -> Result<Decoded, NationalIdError> {
    let digits: &[u8; LENGTH] = fixed_digits(Country::Md, digits)?;
    let [first_twelve @ .., check] = *digits;
    let expected = check_digit(&first_twelve);
    if check != expected {
        return Err(NationalIdError::Checksum { expected });
    }
    Ok(Decoded {
        birth_date: None,
        sex: None,
    })
}

pub(crate) fn check_digit(first_twelve: &[u8; 12]) -> u8 {
    (weighted_sum(first_twelve, &WEIGHTS) % 10) as u8
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::super::{NationalId, as_text};
    use super::*;
    use proptest::prelude::*;

    fn parse(text: &str) -> Result<NationalId, NationalIdError> {
        NationalId::parse(Country::Md, text)
    }

    #[test]
    fn known_valid_idnp_carries_no_birth_date_nor_sex() {
        let id = parse("2000001234569").unwrap();
        assert_eq!(id.country(), Country::Md);
        assert_eq!(id.birth_date(), None);
        assert_eq!(id.sex(), None);
        assert_eq!(id.expose(), "2000001234569");
    }

    #[test]
    fn wrong_check_digit_is_refused() {
        let error = parse("2000001234560").unwrap_err();
        assert_eq!(error, NationalIdError::Checksum { expected: 9 });
        assert_eq!(error.code(), "checksum");
    }

    #[test]
    fn wrong_length_is_refused() {
        let error = parse("200000123456").unwrap_err();
        assert_eq!(
            error,
            NationalIdError::Length {
                country: Country::Md,
                expected: 13,
                got: 12
            }
        );
    }

    proptest! {
        #[test]
        fn any_twelve_digits_with_their_check_digit_parse(digits in prop::array::uniform12(0u8..10)) {
            let text = as_text(&[digits.as_slice(), &[check_digit(&digits)]].concat());
            let id = parse(&text).unwrap();
            prop_assert_eq!(id.expose(), text.as_str());
            prop_assert_eq!(id.birth_date(), None);
            let masked = id.masked();
            prop_assert_eq!(masked.len(), text.len());
            prop_assert!(masked.bytes().filter(u8::is_ascii_digit).count() <= 4);
            let printed = format!("{id:?}");
            prop_assert!(!printed.contains(&text));
        }

        /// Every weight is prime to 10, so one changed digit always shows.
        #[test]
        fn changing_any_one_digit_is_always_caught(
            digits in prop::array::uniform12(0u8..10),
            position in 0usize..LENGTH,
            shift in 1u8..10,
        ) {
            let mut number = [digits.as_slice(), &[check_digit(&digits)]].concat();
            number[position] = (number[position] + shift) % 10;
            let error = parse(&as_text(&number)).unwrap_err();
            prop_assert_eq!(error.code(), "checksum");
        }
    }
}
