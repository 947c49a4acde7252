//! Romanian personal numeric code (CNP): `S YY MM DD JJ NNN C`.

use super::{
    Country, Decoded, NationalIdError, Sex, fixed_digits, real_date, two_digits, weighted_sum,
};

pub(super) const LENGTH: usize = 13;

const CHECK_KEY: [u32; 12] = [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9];

pub(super) fn decode(digits: &[u8]) -> Result<Decoded, NationalIdError> {
    let digits: &[u8; LENGTH] = fixed_digits(Country::Ro, digits)?;
    let [s, y1, y2, m1, m2, d1, d2, j1, j2, n1, n2, n3, check] = *digits;
    let (sex, century) = sex_and_century(s)?;
    let year_of_century = i16::from(two_digits(y1, y2));
    let month = two_digits(m1, m2);
    let day = two_digits(d1, d2);
    let birth_date = match century {
        Some(century) => real_date(century + year_of_century, month, day),
        // Residents and foreigners (7, 8, 9) carry no century: the digits
        // must make a real date in the 1900s or the 2000s, but which one is
        // unknown, so no birth date is reported for them.
        None => real_date(1900 + year_of_century, month, day)
            .or_else(|| real_date(2000 + year_of_century, month, day)),
    }
    .ok_or(NationalIdError::BirthDate)?;
    let county = two_digits(j1, j2);
    if !is_county_code(county) {
        return Err(NationalIdError::County { code: county });
    }
    let expected = check_digit(&[s, y1, y2, m1, m2, d1, d2, j1, j2, n1, n2, n3]);
    if check != expected {
        return Err(NationalIdError::Checksum { expected });
    }
    Ok(Decoded {
        birth_date: century.map(|_| birth_date),
        sex,
    })
}

fn sex_and_century(s: u8) -> Result<(Option<Sex>, Option<i16>), NationalIdError> {
    match s {
        1 => Ok((Some(Sex::Male), Some(1900))),
        2 => Ok((Some(Sex::Female), Some(1900))),
        3 => Ok((Some(Sex::Male), Some(1800))),
        4 => Ok((Some(Sex::Female), Some(1800))),
        5 => Ok((Some(Sex::Male), Some(2000))),
        6 => Ok((Some(Sex::Female), Some(2000))),
        7 => Ok((Some(Sex::Male), None)),
        8 => Ok((Some(Sex::Female), None)),
        9 => Ok((None, None)),
        digit => Err(NationalIdError::Century {
            country: Country::Ro,
            digit,
        }),
    }
}

/// The JJ codes a CNP may carry, as the population register (DGEP) answered
/// a question about them, published in the CNP specification's FAQ
/// (<https://github.com/vimishor/cnp-spec/wiki/FAQ>, read at its mirror
/// <https://gitblind.noratr.app/vimishor/cnp-spec/wiki/FAQ>; also
/// <https://disks.eu.org/vimishor/cnp-spec/blob/master/spec.md>; county numbers
/// follow the statistics institute's SIRUTA list, where Călărași is 51 and
/// Giurgiu 52, <https://gist.github.com/akizor/db7018f555762909cee50dfa34f16659>):
/// - issued today: 01–40 the counties, 41–46 Bucharest's sectors, 47, 51
///   (Călărași) and 52 (Giurgiu);
/// - 70: every CNP the integrated civil-status system (SIIEASC) generates,
///   wherever the person was born — a single code, not one for persons
///   without a county (the Interior Ministry's note, reported at
///   <https://www.meowdini.news/post/ministry-of-internal-affairs-clarifies-new-romanian-personal-identification-number-cnp-structure>);
/// - 80–83: registrations at Romania's missions and consulates abroad;
/// - 50, 54, 56, 60, 64, 78, 84, 87, 88, 90, 98 and 99: found on CNPs in the
///   register, meaning not stated; accepted so that their holders are not
///   turned away;
/// - 48, 49, 53 and 55 were never generated (so the "former sector 8" code
///   48 is refused), nor was anything not listed here.
///
/// The same FAQ says a 13-digit number starting with 9 is a tax number
/// (NIF) rather than a CNP; it is still accepted (see `sex_and_century`)
/// because refusing it would turn away a holder whose document carries it,
/// while accepting it only costs a "no match".
fn is_county_code(code: u8) -> bool {
    matches!(
        code,
        1..=47 | 50..=52 | 54 | 56 | 60 | 64 | 70 | 78 | 80..=84 | 87 | 88 | 90 | 98 | 99
    )
}

pub(crate) fn check_digit(first_twelve: &[u8; 12]) -> u8 {
    match weighted_sum(first_twelve, &CHECK_KEY) % 11 {
        10 => 1,
        remainder => remainder as u8,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::super::{NationalId, as_text};
    use super::*;
    use jiff::civil::{Date, date};
    use proptest::prelude::*;

    fn parse(text: &str) -> Result<NationalId, NationalIdError> {
        NationalId::parse(Country::Ro, text)
    }

    /// A CNP with a correct check digit from the first twelve digits in `text`.
    fn with_check_digit(first_twelve: &str) -> String {
        let digits: Vec<u8> = first_twelve.bytes().map(|b| b - b'0').collect();
        let check = check_digit(&digits.clone().try_into().unwrap());
        format!("{first_twelve}{check}")
    }

    #[test]
    fn known_valid_cnp_gives_birth_date_and_sex() {
        let id = parse("1960523123457").unwrap();
        assert_eq!(id.country(), Country::Ro);
        assert_eq!(id.birth_date(), Some(date(1996, 5, 23)));
        assert_eq!(id.sex(), Some(Sex::Male));
    }

    #[test]
    fn wrong_check_digit_is_refused() {
        let error = parse("1960523123458").unwrap_err();
        assert_eq!(error, NationalIdError::Checksum { expected: 7 });
        assert_eq!(
            error.to_string(),
            "The check digit does not match: please check the number for a typing mistake."
        );
    }

    #[test]
    fn remainder_ten_gives_check_digit_one() {
        let remainder_ten = (0..1000u16)
            .map(|serial| first_twelve(date(1996, 5, 23), 1, 12, serial))
            .find(|digits| weighted_sum(digits, &CHECK_KEY) % 11 == 10)
            .unwrap();
        assert_eq!(check_digit(&remainder_ten), 1);
        let text = as_text(&[remainder_ten.as_slice(), &[1]].concat());
        assert!(parse(&text).is_ok());
    }

    #[test]
    fn first_digit_gives_sex_and_century() {
        let cases = [
            ("1", Some(Sex::Male), Some(date(1996, 5, 23))),
            ("2", Some(Sex::Female), Some(date(1996, 5, 23))),
            ("3", Some(Sex::Male), Some(date(1896, 5, 23))),
            ("4", Some(Sex::Female), Some(date(1896, 5, 23))),
            ("5", Some(Sex::Male), Some(date(2096, 5, 23))),
            ("6", Some(Sex::Female), Some(date(2096, 5, 23))),
            ("7", Some(Sex::Male), None),
            ("8", Some(Sex::Female), None),
            ("9", None, None),
        ];
        for (s, sex, birth_date) in cases {
            let id = parse(&with_check_digit(&format!("{s}96052312345"))).unwrap();
            assert_eq!((id.sex(), id.birth_date()), (sex, birth_date), "S = {s}");
        }
    }

    #[test]
    fn first_digit_zero_is_refused() {
        let error = parse(&with_check_digit("096052312345")).unwrap_err();
        assert_eq!(
            error,
            NationalIdError::Century {
                country: Country::Ro,
                digit: 0
            }
        );
        assert_eq!(error.code(), "century");
        assert!(
            error
                .to_string()
                .starts_with("A Romanian CNP cannot start with 0")
        );
    }

    #[test]
    fn leap_days_follow_the_century() {
        let born_2000 = parse(&with_check_digit("500022912345")).unwrap();
        assert_eq!(born_2000.birth_date(), Some(date(2000, 2, 29)));
        let born_2004 = parse(&with_check_digit("604022912345")).unwrap();
        assert_eq!(born_2004.birth_date(), Some(date(2004, 2, 29)));
        for not_leap in ["100022912345", "501022912345", "300022912345"] {
            let error = parse(&with_check_digit(not_leap)).unwrap_err();
            assert_eq!(error, NationalIdError::BirthDate, "{not_leap}");
            assert_eq!(error.code(), "birth-date");
        }
    }

    #[test]
    fn residents_dates_are_checked_but_not_reported() {
        // 29 February 00 is real in 2000, so the number is valid.
        let id = parse(&with_check_digit("700022912345")).unwrap();
        assert_eq!(id.birth_date(), None);
        assert_eq!(id.sex(), Some(Sex::Male));
        let error = parse(&with_check_digit("701022912345")).unwrap_err();
        assert_eq!(
            error,
            NationalIdError::BirthDate,
            "29 February 01 exists in no century"
        );
    }

    #[test]
    fn impossible_dates_are_refused() {
        for first_twelve in [
            "196130112345",
            "196000112345",
            "196043112345",
            "196050012345",
        ] {
            let error = parse(&with_check_digit(first_twelve)).unwrap_err();
            assert_eq!(error, NationalIdError::BirthDate, "{first_twelve}");
        }
    }

    #[test]
    fn county_codes_at_the_boundaries() {
        for county in [
            "01", "40", "41", "46", "47", "50", "51", "52", "54", "56", "60", "64", "70", "78",
            "80", "83", "84", "87", "88", "90", "98", "99",
        ] {
            let text = with_check_digit(&format!("1960523{county}345"));
            assert!(parse(&text).is_ok(), "county {county}");
        }
        for county in [
            "00", "48", "49", "53", "55", "57", "59", "61", "69", "71", "77", "79", "85", "86",
            "89", "91", "97",
        ] {
            let text = with_check_digit(&format!("1960523{county}345"));
            let error = parse(&text).unwrap_err();
            assert_eq!(error.code(), "county", "county {county}");
            assert_eq!(
                error,
                NationalIdError::County {
                    code: county.parse().unwrap()
                }
            );
        }
        let message = NationalIdError::County { code: 0 }.to_string();
        assert!(message.contains(" 00 is not one"), "{message}");
    }

    /// A birth date, the first digit S that encodes it, and the sex S gives.
    fn birth() -> impl Strategy<Value = (Date, u8, Option<Sex>)> {
        (1800i16..=2099, 1i8..=12, 1i8..=31, any::<bool>(), 0u8..3).prop_filter_map(
            "a real date",
            |(year, month, day, male, status)| {
                let birth_date = Date::new(year, month, day).ok()?;
                let sex = Some(if male { Sex::Male } else { Sex::Female });
                let female = u8::from(!male);
                Some(match (year / 100, status) {
                    (18, _) => (birth_date, 3 + female, sex),
                    (20, _) => (birth_date, 5 + female, sex),
                    (_, 0) => (birth_date, 1 + female, sex),
                    (_, 1) => (birth_date, 7 + female, sex),
                    _ => (birth_date, 9, None),
                })
            },
        )
    }

    fn first_twelve(birth_date: Date, s: u8, county: u8, serial: u16) -> [u8; 12] {
        let year = (birth_date.year() % 100) as u8;
        let month = birth_date.month() as u8;
        let day = birth_date.day() as u8;
        [
            s,
            year / 10,
            year % 10,
            month / 10,
            month % 10,
            day / 10,
            day % 10,
            county / 10,
            county % 10,
            (serial / 100) as u8,
            (serial / 10 % 10) as u8,
            (serial % 10) as u8,
        ]
    }

    fn county() -> impl Strategy<Value = u8> {
        prop_oneof![1u8..=47, 50u8..=52, Just(70u8), 80u8..=84, Just(99u8)]
    }

    proptest! {
        #[test]
        fn a_county_code_is_accepted_exactly_when_it_is_listed(
            county in 0u8..100,
            serial in 0u16..1000,
        ) {
            let first = first_twelve(jiff::civil::date(1996, 5, 23), 1, county, serial);
            let text = as_text(&[first.as_slice(), &[check_digit(&first)]].concat());
            let listed = matches!(
                county,
                1..=47 | 50..=52 | 54 | 56 | 60 | 64 | 70 | 78 | 80..=84 | 87 | 88 | 90 | 98 | 99
            );
            prop_assert_eq!(parse(&text).is_ok(), listed);
        }

        #[test]
        fn built_cnp_parses_back_to_its_facts(
            (birth_date, s, sex) in birth(),
            county in county(),
            serial in 0u16..1000,
        ) {
            let first = first_twelve(birth_date, s, county, serial);
            let text = as_text(&[first.as_slice(), &[check_digit(&first)]].concat());
            let id = parse(&text).unwrap();
            let reported = if s >= 7 { None } else { Some(birth_date) };
            prop_assert_eq!(id.birth_date(), reported);
            prop_assert_eq!(id.sex(), sex);
            prop_assert_eq!(id.expose(), text.as_str());
            prop_assert_eq!(id.masked().len(), text.len());
            prop_assert!(id.masked().bytes().filter(u8::is_ascii_digit).count() <= 4);
        }

        #[test]
        fn changing_one_digit_fails_or_stays_consistent(
            (birth_date, s, _sex) in birth(),
            county in county(),
            serial in 0u16..1000,
            position in 0usize..LENGTH,
            shift in 1u8..10,
        ) {
            let first = first_twelve(birth_date, s, county, serial);
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
                    }
                }
            }
        }
    }
}
