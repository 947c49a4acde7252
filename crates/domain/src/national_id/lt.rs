//! Lithuanian personal code (asmens kodas): `G YYMMDD NNN K`.
//!
//! The rules (standard LST 1185-91; the Lithuanian Wikipedia's article
//! <https://lt.wikipedia.org/wiki/Asmens_kodas>) and what validators in use
//! do with their exceptions (python-stdnum's port,
//! <https://app.unpkg.com/stdnum@1.11.3/files/src/lt/asmens.ts>, and
//! <https://components.espressif.com/components/ello-lithuania/ltcodes>):
//! - G is 1–6: sex and century (odd male, even female; 19th, 20th, 21st);
//! - the check digit K comes from weights 1..9,1 modulo 11, then 3..9,1,2,3
//!   when the first gives 10, and is 0 when both give 10;
//! - a person who does not know their birth month or day was given zeros in
//!   their place: such a code is valid with an unknown birth date;
//! - codes starting with 9 were given where the usual rules could not be
//!   followed: their other digits say nothing about birth date or sex, so
//!   only their length and check digit are checked.

use super::{
    Country, Decoded, NationalIdError, Sex, fixed_digits, real_date, two_digits, weighted_sum,
};
use jiff::civil::Date;

pub(super) const LENGTH: usize = 11;

const FIRST_WEIGHTS: [u32; 10] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1];
const SECOND_WEIGHTS: [u32; 10] = [3, 4, 5, 6, 7, 8, 9, 1, 2, 3];

pub(super) fn decode(digits: &[u8]) -> Result<Decoded, NationalIdError> {
    let digits: &[u8; LENGTH] = fixed_digits(Country::Lt, digits)?;
    let [g, y1, y2, m1, m2, d1, d2, n1, n2, n3, check] = *digits;
    let expected = check_digit(&[g, y1, y2, m1, m2, d1, d2, n1, n2, n3]);
    if g == 9 {
        if check != expected {
            return Err(NationalIdError::Checksum { expected });
        }
        return Ok(Decoded {
            birth_date: None,
            sex: None,
        });
    }
    let (sex, century) = match g {
        1 => (Sex::Male, 1800),
        2 => (Sex::Female, 1800),
        3 => (Sex::Male, 1900),
        4 => (Sex::Female, 1900),
        5 => (Sex::Male, 2000),
        6 => (Sex::Female, 2000),
        digit => {
            return Err(NationalIdError::Century {
                country: Country::Lt,
                digit,
            });
        }
    };
    let birth_date = birth_date(
        century + i16::from(two_digits(y1, y2)),
        two_digits(m1, m2),
        two_digits(d1, d2),
    )?;
    if check != expected {
        return Err(NationalIdError::Checksum { expected });
    }
    Ok(Decoded {
        birth_date,
        sex: Some(sex),
    })
}

/// The birth date, or None where the month or the day is 00 (unknown to
/// the person when the code was given); anything else must be a real date.
fn birth_date(year: i16, month: u8, day: u8) -> Result<Option<Date>, NationalIdError> {
    if month == 0 || day == 0 {
        return if month <= 12 && day <= 31 {
            Ok(None)
        } else {
            Err(NationalIdError::BirthDate)
        };
    }
    real_date(year, month, day)
        .map(Some)
        .ok_or(NationalIdError::BirthDate)
}

pub(crate) fn check_digit(first_ten: &[u8; 10]) -> u8 {
    [FIRST_WEIGHTS, SECOND_WEIGHTS]
        .iter()
        .map(|weights| weighted_sum(first_ten, weights) % 11)
        .find(|remainder| *remainder != 10)
        .map_or(0, |remainder| remainder as u8)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::super::{NationalId, as_text};
    use super::*;
    use jiff::civil::{Date, date};
    use proptest::prelude::*;

    fn parse(text: &str) -> Result<NationalId, NationalIdError> {
        NationalId::parse(Country::Lt, text)
    }

    fn with_check_digit(first_ten: &str) -> String {
        let digits: Vec<u8> = first_ten.bytes().map(|b| b - b'0').collect();
        let check = check_digit(&digits.try_into().unwrap());
        format!("{first_ten}{check}")
    }

    #[test]
    fn a_code_starting_with_nine_is_checked_by_its_check_digit_only() {
        // Its "date" digits need not be a date at all.
        let id = parse(&with_check_digit("9991399999")).unwrap();
        assert_eq!((id.birth_date(), id.sex()), (None, None));
        let text = with_check_digit("9123456789");
        assert!(parse(&text).is_ok());
        let mut wrong = text.into_bytes();
        wrong[10] = b'0' + (wrong[10] - b'0' + 1) % 10;
        let wrong = String::from_utf8(wrong).unwrap();
        assert_eq!(parse(&wrong).unwrap_err().code(), "checksum");
    }

    #[test]
    fn an_unknown_birth_month_or_day_is_written_as_zeros() {
        for first_ten in ["3330000006", "3330900006", "4330000006"] {
            let id = parse(&with_check_digit(first_ten)).unwrap();
            assert_eq!(id.birth_date(), None, "{first_ten}");
            assert!(id.sex().is_some());
        }
        for first_ten in ["3331300006", "3330032006", "3330230006"] {
            let error = parse(&with_check_digit(first_ten)).unwrap_err();
            assert_eq!(error, NationalIdError::BirthDate, "{first_ten}");
        }
    }

    #[test]
    fn known_valid_code_gives_birth_date_and_sex() {
        let id = parse("33309240064").unwrap();
        assert_eq!(id.country(), Country::Lt);
        assert_eq!(id.birth_date(), Some(date(1933, 9, 24)));
        assert_eq!(id.sex(), Some(Sex::Male));
    }

    #[test]
    fn wrong_check_digit_is_refused() {
        let error = parse("33309240065").unwrap_err();
        assert_eq!(error, NationalIdError::Checksum { expected: 4 });
        assert_eq!(error.code(), "checksum");
    }

    #[test]
    fn check_digit_uses_second_weights_then_zero() {
        // 3330924006: the first weights leave 10, the second leave 4.
        assert_eq!(
            weighted_sum(&[3, 3, 3, 0, 9, 2, 4, 0, 0, 6], &FIRST_WEIGHTS) % 11,
            10
        );
        assert_eq!(check_digit(&[3, 3, 3, 0, 9, 2, 4, 0, 0, 6]), 4);
        // 3900101059: both sets of weights leave 10, so the check digit is 0.
        let both_ten = [3, 9, 0, 0, 1, 0, 1, 0, 5, 9];
        assert_eq!(weighted_sum(&both_ten, &FIRST_WEIGHTS) % 11, 10);
        assert_eq!(weighted_sum(&both_ten, &SECOND_WEIGHTS) % 11, 10);
        assert_eq!(check_digit(&both_ten), 0);
        assert_eq!(
            parse("39001010590").unwrap().birth_date(),
            Some(date(1990, 1, 1))
        );
        assert_eq!(parse("39001010591").unwrap_err().code(), "checksum");
    }

    #[test]
    fn first_digit_gives_sex_and_century() {
        let cases = [
            ("1", Sex::Male, 1833),
            ("2", Sex::Female, 1833),
            ("3", Sex::Male, 1933),
            ("4", Sex::Female, 1933),
            ("5", Sex::Male, 2033),
            ("6", Sex::Female, 2033),
        ];
        for (g, sex, year) in cases {
            let id = parse(&with_check_digit(&format!("{g}330924006"))).unwrap();
            assert_eq!(id.sex(), Some(sex));
            assert_eq!(id.birth_date(), Some(date(year, 9, 24)));
        }
        for g in ["0", "7", "8"] {
            let error = parse(&with_check_digit(&format!("{g}330924006"))).unwrap_err();
            assert_eq!(error.code(), "century", "G = {g}");
            assert!(
                error
                    .to_string()
                    .starts_with("A Lithuanian personal code cannot start with")
            );
        }
    }

    #[test]
    fn leap_days_follow_the_century() {
        assert_eq!(
            parse(&with_check_digit("5000229001")).unwrap().birth_date(),
            Some(date(2000, 2, 29))
        );
        assert_eq!(
            parse(&with_check_digit("6040229001")).unwrap().birth_date(),
            Some(date(2004, 2, 29))
        );
        for not_leap in ["3000229001", "5010229001", "1000229001"] {
            assert_eq!(
                parse(&with_check_digit(not_leap)).unwrap_err(),
                NationalIdError::BirthDate,
                "{not_leap}"
            );
        }
        // (00 for the month or the day is the unknown-date exception.)
        for impossible in ["3901301001", "3901332001", "3900431001", "3900230001"] {
            assert_eq!(
                parse(&with_check_digit(impossible)).unwrap_err().code(),
                "birth-date"
            );
        }
    }

    fn first_ten(birth_date: Date, g: u8, serial: u16) -> [u8; 10] {
        let year = (birth_date.year() % 100) as u8;
        let month = birth_date.month() as u8;
        let day = birth_date.day() as u8;
        [
            g,
            year / 10,
            year % 10,
            month / 10,
            month % 10,
            day / 10,
            day % 10,
            (serial / 100) as u8,
            (serial / 10 % 10) as u8,
            (serial % 10) as u8,
        ]
    }

    fn birth() -> impl Strategy<Value = (Date, u8, Sex)> {
        (1800i16..=2099, 1i8..=12, 1i8..=31, any::<bool>()).prop_filter_map(
            "a real date",
            |(year, month, day, male)| {
                let birth_date = Date::new(year, month, day).ok()?;
                let g = match year / 100 {
                    18 => 1,
                    19 => 3,
                    _ => 5,
                } + u8::from(!male);
                Some((birth_date, g, if male { Sex::Male } else { Sex::Female }))
            },
        )
    }

    proptest! {
        #[test]
        fn any_nine_code_with_its_check_digit_is_valid_and_tells_nothing(
            rest in proptest::collection::vec(0u8..10, 9),
        ) {
            let first: [u8; 10] = [&[9u8][..], rest.as_slice()].concat().try_into().unwrap();
            let text = as_text(&[first.as_slice(), &[check_digit(&first)]].concat());
            let id = parse(&text).unwrap();
            prop_assert_eq!((id.birth_date(), id.sex()), (None, None));
        }

        #[test]
        fn built_code_parses_back_to_its_facts(
            (birth_date, g, sex) in birth(),
            serial in 0u16..1000,
        ) {
            let first = first_ten(birth_date, g, serial);
            let text = as_text(&[first.as_slice(), &[check_digit(&first)]].concat());
            let id = parse(&text).unwrap();
            prop_assert_eq!(id.birth_date(), Some(birth_date));
            prop_assert_eq!(id.sex(), Some(sex));
            prop_assert_eq!(id.masked().len(), text.len());
            prop_assert!(id.masked().bytes().filter(u8::is_ascii_digit).count() <= 4);
        }

        #[test]
        fn changing_one_digit_fails_or_stays_consistent(
            (birth_date, g, _sex) in birth(),
            serial in 0u16..1000,
            position in 0usize..LENGTH,
            shift in 1u8..10,
        ) {
            let first = first_ten(birth_date, g, serial);
            let mut digits = [first.as_slice(), &[check_digit(&first)]].concat();
            digits[position] = (digits[position] + shift) % 10;
            let text = as_text(&digits);
            match parse(&text) {
                Err(error) => {
                    if position == LENGTH - 1 {
                        prop_assert_eq!(error.code(), "checksum");
                    }
                }
                Ok(id) => {
                    prop_assert!(position != LENGTH - 1, "a changed check digit passed");
                    if let Some(decoded) = id.birth_date() {
                        prop_assert_eq!(
                            format!("{:02}{:02}{:02}", decoded.year() % 100, decoded.month(), decoded.day()),
                            &text[1..7]
                        );
                    } else {
                        let exception = text.starts_with('9')
                            || &text[3..5] == "00"
                            || &text[5..7] == "00";
                        prop_assert!(exception, "{} has no birth date", text);
                    }
                }
            }
        }
    }
}
