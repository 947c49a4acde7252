//! Plural forms, numbers, dates, times and amounts against CLDR (the data
//! ICU4X compiles in). Every expected value is written out by hand from
//! CLDR's plural rules, number symbols and Gregorian patterns; none is
//! computed with ICU4X.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey,
};
use ghiseu_domain::catalogue::Lang;
use ghiseu_domain::money::Currency;
use ghiseu_i18n::{Arg, I18n, Tr, decimal_arg, number_arg, text_arg};
use jiff::civil::{date, time};

/// `n` as a message argument: a whole number, or one with its fraction.
fn arg(n: &str) -> Arg {
    match n.parse::<i64>() {
        Ok(whole) => number_arg(whole),
        Err(_) => decimal_arg(n.parse().unwrap()),
    }
}

/// A message that names the plural category its number falls in, one that
/// shows the number, and one that selects on text.
const PROBE: &[&str] = &["
category = { $n ->
    [zero] zero
    [one] one
    [two] two
    [few] few
    [many] many
   *[other] other
}
number = { $n }
kind = { $kind ->
    [passport] a passport
   *[other] another document
}
"];

fn probe() -> I18n {
    let sources: Vec<(Lang, &'static [&'static str])> =
        Lang::ALL.into_iter().map(|lang| (lang, PROBE)).collect();
    I18n::from_sources(&sources).unwrap()
}

/// The columns of the tables below, in this order.
const LANGUAGES: [Lang; 5] = [Lang::Ro, Lang::En, Lang::Ru, Lang::Uk, Lang::Lt];

// The plural rules of CLDR 49's plurals.xml (the data of icu_plurals 2.4).
// Operands: n the absolute value, i its integer digits, v the number of
// visible fraction digits, f those digits as an integer (1234567.5:
// i = 1234567, v = 1, f = 5).
// ro: one: i = 1 and v = 0; few: v != 0 or n = 0 or n != 1 and
//     n % 100 = 1..19; other: the rest.
// en: one: i = 1 and v = 0; other: the rest.
// ru and uk: one: v = 0 and i % 10 = 1 and i % 100 != 11; few: v = 0 and
//     i % 10 = 2..4 and i % 100 != 12..14; many: v = 0 and i % 10 = 0 or
//     v = 0 and i % 10 = 5..9 or v = 0 and i % 100 = 11..14; other: the rest.
// lt: one: n % 10 = 1 and n % 100 != 11..19; few: n % 10 = 2..9 and
//     n % 100 != 11..19; many: f != 0; other: the rest (n % 10 of 1234567.5
//     is 7.5, in no integer range).
const CATEGORIES: [(&str, [&str; 5]); 15] = [
    ("0", ["few", "other", "many", "many", "other"]),
    ("1", ["one", "one", "one", "one", "one"]),
    ("2", ["few", "other", "few", "few", "few"]),
    ("5", ["few", "other", "many", "many", "few"]),
    ("11", ["few", "other", "many", "many", "other"]),
    ("19", ["few", "other", "many", "many", "other"]),
    ("20", ["other", "other", "many", "many", "other"]),
    ("21", ["other", "other", "one", "one", "one"]),
    ("22", ["other", "other", "few", "few", "few"]),
    ("101", ["few", "other", "one", "one", "one"]),
    ("102", ["few", "other", "few", "few", "few"]),
    ("111", ["few", "other", "many", "many", "other"]),
    ("119", ["few", "other", "many", "many", "other"]),
    ("122", ["other", "other", "few", "few", "few"]),
    ("1234567.5", ["few", "other", "other", "other", "many"]),
];

#[test]
fn plural_categories_follow_cldr() {
    let i18n = probe();
    for (n, expected) in CATEGORIES {
        for (lang, want) in LANGUAGES.into_iter().zip(expected) {
            let got = i18n.strict(lang, "category", &[("n", arg(n))]).unwrap();
            assert_eq!(got, want, "{lang}: the category of {n}");
        }
    }
}

// CLDR's symbols: en group "," and decimal "."; ro "." and ","; ru, uk and
// lt a no-break space and ",". All five group from four digits on
// (minimumGroupingDigits 1).
const NUMBERS: [(&str, [&str; 5]); 17] = [
    ("0", ["0", "0", "0", "0", "0"]),
    ("1", ["1", "1", "1", "1", "1"]),
    ("2", ["2", "2", "2", "2", "2"]),
    ("5", ["5", "5", "5", "5", "5"]),
    ("11", ["11", "11", "11", "11", "11"]),
    ("19", ["19", "19", "19", "19", "19"]),
    ("20", ["20", "20", "20", "20", "20"]),
    ("21", ["21", "21", "21", "21", "21"]),
    ("22", ["22", "22", "22", "22", "22"]),
    ("101", ["101", "101", "101", "101", "101"]),
    ("102", ["102", "102", "102", "102", "102"]),
    ("111", ["111", "111", "111", "111", "111"]),
    ("119", ["119", "119", "119", "119", "119"]),
    ("122", ["122", "122", "122", "122", "122"]),
    (
        "1234",
        ["1.234", "1,234", "1\u{a0}234", "1\u{a0}234", "1\u{a0}234"],
    ),
    (
        "-1234",
        [
            "-1.234",
            "-1,234",
            "-1\u{a0}234",
            "-1\u{a0}234",
            "\u{2212}1\u{a0}234",
        ],
    ),
    (
        "1234567.5",
        [
            "1.234.567,5",
            "1,234,567.5",
            "1\u{a0}234\u{a0}567,5",
            "1\u{a0}234\u{a0}567,5",
            "1\u{a0}234\u{a0}567,5",
        ],
    ),
];

#[test]
fn numbers_in_messages_follow_cldr() {
    let i18n = probe();
    for (n, expected) in NUMBERS {
        for (lang, want) in LANGUAGES.into_iter().zip(expected) {
            let got = i18n.strict(lang, "number", &[("n", arg(n))]).unwrap();
            assert_eq!(got, want, "{lang}: {n}");
        }
    }
}

#[test]
fn text_selectors_still_match_their_text() {
    let i18n = probe();
    for lang in Lang::ALL {
        let passport = i18n.strict(lang, "kind", &[("kind", text_arg("passport"))]);
        assert_eq!(passport.unwrap(), "a passport", "{lang}");
        let other = i18n.strict(lang, "kind", &[("kind", text_arg("visa"))]);
        assert_eq!(other.unwrap(), "another document", "{lang}");
    }
    let i18n = I18n::new().unwrap();
    let args = |loss: &str| [("loss", text_arg(loss)), ("number", text_arg("AB123"))];
    let stolen = i18n.text_with(
        Lang::En,
        "notice-document-reported-subject",
        &args("stolen"),
    );
    assert_eq!(
        stolen,
        "Document AB123 is reported stolen and no longer valid"
    );
    let lost = i18n.text_with(Lang::En, "notice-document-reported-subject", &args("lost"));
    assert_eq!(lost, "Document AB123 is reported lost and no longer valid");
}

#[test]
fn a_missing_number_is_still_an_error() {
    let i18n = probe();
    assert!(i18n.strict(Lang::Ro, "category", &[]).is_err());
    assert_eq!(i18n.text(Lang::Ro, "category"), "other");
}

#[test]
fn calendar_days_in_romanian_and_english() {
    let i18n = I18n::new().unwrap();
    let days = |lang, n: &str| {
        i18n.strict(lang, "processing-calendar-days", &[("n", arg(n))])
            .unwrap()
    };
    let romanian = [
        ("0", "0 zile calendaristice"),
        ("1", "o zi calendaristică"),
        ("2", "2 zile calendaristice"),
        ("5", "5 zile calendaristice"),
        ("11", "11 zile calendaristice"),
        ("19", "19 zile calendaristice"),
        ("20", "20 de zile calendaristice"),
        ("21", "21 de zile calendaristice"),
        ("22", "22 de zile calendaristice"),
        ("101", "101 zile calendaristice"),
        ("102", "102 zile calendaristice"),
        ("111", "111 zile calendaristice"),
        ("119", "119 zile calendaristice"),
        ("122", "122 de zile calendaristice"),
        ("1000", "1.000 de zile calendaristice"),
        ("1234567.5", "1.234.567,5 zile calendaristice"),
    ];
    for (n, want) in romanian {
        assert_eq!(days(Lang::Ro, n), want);
    }
    let english = [
        ("0", "0 calendar days"),
        ("1", "1 calendar day"),
        ("2", "2 calendar days"),
        ("21", "21 calendar days"),
        ("111", "111 calendar days"),
        ("1000", "1,000 calendar days"),
        ("1234567.5", "1,234,567.5 calendar days"),
    ];
    for (n, want) in english {
        assert_eq!(days(Lang::En, n), want);
    }
}

/// The same message in the other three languages, on the numbers the
/// portal was walked with: the noun agrees as CLDR's categories say.
#[test]
fn calendar_days_in_russian_ukrainian_and_lithuanian() {
    let i18n = I18n::new().unwrap();
    let days = |lang, n: &str| {
        i18n.strict(lang, "processing-calendar-days", &[("n", arg(n))])
            .unwrap()
    };
    let table: [(&str, [&str; 3]); 15] = [
        (
            "0",
            [
                "0 календарных дней",
                "0 календарних днів",
                "0 kalendorinių dienų",
            ],
        ),
        (
            "1",
            [
                "1 календарный день",
                "1 календарний день",
                "1 kalendorinė diena",
            ],
        ),
        (
            "2",
            [
                "2 календарных дня",
                "2 календарні дні",
                "2 kalendorinės dienos",
            ],
        ),
        (
            "5",
            [
                "5 календарных дней",
                "5 календарних днів",
                "5 kalendorinės dienos",
            ],
        ),
        (
            "11",
            [
                "11 календарных дней",
                "11 календарних днів",
                "11 kalendorinių dienų",
            ],
        ),
        (
            "19",
            [
                "19 календарных дней",
                "19 календарних днів",
                "19 kalendorinių dienų",
            ],
        ),
        (
            "20",
            [
                "20 календарных дней",
                "20 календарних днів",
                "20 kalendorinių dienų",
            ],
        ),
        (
            "21",
            [
                "21 календарный день",
                "21 календарний день",
                "21 kalendorinė diena",
            ],
        ),
        (
            "22",
            [
                "22 календарных дня",
                "22 календарні дні",
                "22 kalendorinės dienos",
            ],
        ),
        (
            "101",
            [
                "101 календарный день",
                "101 календарний день",
                "101 kalendorinė diena",
            ],
        ),
        (
            "102",
            [
                "102 календарных дня",
                "102 календарні дні",
                "102 kalendorinės dienos",
            ],
        ),
        (
            "111",
            [
                "111 календарных дней",
                "111 календарних днів",
                "111 kalendorinių dienų",
            ],
        ),
        (
            "119",
            [
                "119 календарных дней",
                "119 календарних днів",
                "119 kalendorinių dienų",
            ],
        ),
        (
            "122",
            [
                "122 календарных дня",
                "122 календарні дні",
                "122 kalendorinės dienos",
            ],
        ),
        (
            "1234567.5",
            [
                "1\u{a0}234\u{a0}567,5 календарного дня",
                "1\u{a0}234\u{a0}567,5 календарного дня",
                "1\u{a0}234\u{a0}567,5 kalendorinės dienos",
            ],
        ),
    ];
    for (n, [ru, uk, lt]) in table {
        for (lang, want) in [(Lang::Ru, ru), (Lang::Uk, uk), (Lang::Lt, lt)] {
            assert_eq!(days(lang, n), want, "{lang} {n}");
        }
    }
}

/// Variant keys are matched as text once plural categories come from ICU4X,
/// so a numeric key such as `[0]` would never be chosen.
#[test]
fn no_message_has_a_numeric_variant_key() {
    let sample = fluent_syntax::parser::parse("a = { $n ->\n [0] none\n *[other] some\n}\n");
    let sample = sample.unwrap();
    let Entry::Message(message) = &sample.body[0] else {
        panic!("{sample:?}");
    };
    assert!(
        message.value.iter().any(numeric_key),
        "the check sees a [0]"
    );

    let mut found = Vec::new();
    for lang in Lang::ALL {
        for source in ghiseu_i18n::sources(lang) {
            let resource = fluent_syntax::parser::parse(*source).unwrap();
            for entry in resource.body {
                let (id, patterns) = match &entry {
                    Entry::Message(m) => (
                        m.id.name,
                        m.value
                            .iter()
                            .chain(m.attributes.iter().map(|a| &a.value))
                            .collect(),
                    ),
                    Entry::Term(t) => (
                        t.id.name,
                        [&t.value]
                            .into_iter()
                            .chain(t.attributes.iter().map(|a| &a.value))
                            .collect::<Vec<_>>(),
                    ),
                    _ => continue,
                };
                if patterns.into_iter().any(numeric_key) {
                    found.push(format!("{lang}: {id}"));
                }
            }
        }
    }
    assert!(found.is_empty(), "numeric variant keys: {found:?}");
}

fn numeric_key(pattern: &Pattern<&str>) -> bool {
    pattern.elements.iter().any(|element| match element {
        PatternElement::Placeable { expression } => numeric_key_in(expression),
        PatternElement::TextElement { .. } => false,
    })
}

fn numeric_key_in(expression: &Expression<&str>) -> bool {
    match expression {
        Expression::Select { variants, .. } => variants
            .iter()
            .any(|v| matches!(v.key, VariantKey::NumberLiteral { .. }) || numeric_key(&v.value)),
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            numeric_key_in(expression)
        }
        Expression::Inline(_) => false,
    }
}

// CLDR's long date patterns: ro "d MMMM y", en-GB "d MMMM y",
// ru "d MMMM y 'г'.", uk "d MMMM y 'р'.", lt "y 'm'. MMMM d 'd'.", with the
// months' format (genitive) names; ru and uk put a narrow no-break space
// (U+202F) between the year and its abbreviation.
/// A date as year, month and day.
type Ymd = (i16, i8, i8);

const DATES: [(Ymd, [&str; 5]); 4] = [
    (
        (2026, 12, 5),
        [
            "5 decembrie 2026",
            "5 December 2026",
            "5 декабря 2026\u{202f}г.",
            "5 грудня 2026\u{202f}р.",
            "2026 m. gruodžio 5 d.",
        ],
    ),
    (
        (2026, 1, 1),
        [
            "1 ianuarie 2026",
            "1 January 2026",
            "1 января 2026\u{202f}г.",
            "1 січня 2026\u{202f}р.",
            "2026 m. sausio 1 d.",
        ],
    ),
    (
        (2027, 5, 9),
        [
            "9 mai 2027",
            "9 May 2027",
            "9 мая 2027\u{202f}г.",
            "9 травня 2027\u{202f}р.",
            "2027 m. gegužės 9 d.",
        ],
    ),
    (
        (2024, 2, 29),
        [
            "29 februarie 2024",
            "29 February 2024",
            "29 февраля 2024\u{202f}г.",
            "29 лютого 2024\u{202f}р.",
            "2024 m. vasario 29 d.",
        ],
    ),
];

#[test]
fn long_dates_follow_cldr() {
    let i18n = I18n::new().unwrap();
    for ((y, m, d), expected) in DATES {
        for (lang, want) in LANGUAGES.into_iter().zip(expected) {
            assert_eq!(Tr { i18n: &i18n, lang }.date(date(y, m, d)), want, "{lang}");
        }
    }
}

/// CLDR's wide format names of 5 December 2026 (a Saturday) and 7 December.
const WEEKDAYS: [(Ymd, [&str; 5]); 2] = [
    (
        (2026, 12, 5),
        ["sâmbătă", "Saturday", "суббота", "субота", "šeštadienis"],
    ),
    (
        (2026, 12, 7),
        ["luni", "Monday", "понедельник", "понеділок", "pirmadienis"],
    ),
];

#[test]
fn weekdays_follow_cldr() {
    let i18n = I18n::new().unwrap();
    for ((y, m, d), expected) in WEEKDAYS {
        for (lang, want) in LANGUAGES.into_iter().zip(expected) {
            assert_eq!(
                Tr { i18n: &i18n, lang }.weekday(date(y, m, d)),
                want,
                "{lang}"
            );
        }
    }
}

#[test]
fn times_are_on_the_24_hour_clock() {
    let i18n = I18n::new().unwrap();
    // The short time of all five languages (British English included) is "HH:mm".
    for lang in LANGUAGES {
        let tr = Tr { i18n: &i18n, lang };
        assert_eq!(tr.time(time(9, 30, 0, 0)), "09:30", "{lang}");
        assert_eq!(tr.time(time(17, 5, 59, 0)), "17:05", "{lang}");
        assert_eq!(tr.time(time(0, 0, 0, 0)), "00:00", "{lang}");
    }
}

// The number symbols above, always two fraction digits, then the ISO code.
// The minus sign is U+002D in ro, en, ru and uk, U+2212 in lt.
const AMOUNTS: [((i64, Currency), [&str; 5]); 5] = [
    (
        (123_450, Currency::Ron),
        [
            "1.234,50 RON",
            "1,234.50 RON",
            "1\u{a0}234,50 RON",
            "1\u{a0}234,50 RON",
            "1\u{a0}234,50 RON",
        ],
    ),
    (
        (23_400, Currency::Ron),
        [
            "234,00 RON",
            "234.00 RON",
            "234,00 RON",
            "234,00 RON",
            "234,00 RON",
        ],
    ),
    (
        (0, Currency::Ron),
        ["0,00 RON", "0.00 RON", "0,00 RON", "0,00 RON", "0,00 RON"],
    ),
    (
        (-5, Currency::Eur),
        [
            "-0,05 EUR",
            "-0.05 EUR",
            "-0,05 EUR",
            "-0,05 EUR",
            "\u{2212}0,05 EUR",
        ],
    ),
    (
        (123_456_789, Currency::Mdl),
        [
            "1.234.567,89 MDL",
            "1,234,567.89 MDL",
            "1\u{a0}234\u{a0}567,89 MDL",
            "1\u{a0}234\u{a0}567,89 MDL",
            "1\u{a0}234\u{a0}567,89 MDL",
        ],
    ),
];

#[test]
fn amounts_have_two_decimals_and_the_currency_code() {
    let i18n = I18n::new().unwrap();
    for ((minor, currency), expected) in AMOUNTS {
        for (lang, want) in LANGUAGES.into_iter().zip(expected) {
            assert_eq!(
                Tr { i18n: &i18n, lang }.money(minor, currency),
                want,
                "{lang}"
            );
        }
    }
}

/// In the pseudo-locale every message and every formatted value is marked,
/// and a missing message is not, so a test can find both.
#[test]
fn the_pseudo_locale_marks_what_comes_through_here() {
    let i18n = I18n::new().unwrap().marked();
    let t = Tr {
        i18n: &i18n,
        lang: Lang::Uk,
    };
    assert_eq!(t.m("lang-name-uk"), "⟦Українська⟧");
    assert_eq!(t.date(date(2026, 12, 5)), "⟦5 грудня 2026\u{202f}р.⟧");
    assert_eq!(t.time(time(9, 30, 0, 0)), "⟦09:30⟧");
    assert_eq!(t.m("no-such-message"), "no-such-message");
    let plain = I18n::new().unwrap();
    assert_eq!(plain.text(Lang::Uk, "lang-name-uk"), "Українська");
}

/// The waiting room's and the request limit's waits agree with their
/// numbers: "one second", never "1 seconds".
#[test]
fn waits_agree_with_their_numbers_in_english_and_romanian() {
    let i18n = I18n::new().unwrap();
    let say = |lang, key: &str, place: i64, seconds: i64| {
        let args = [
            ("place", number_arg(place)),
            ("seconds", number_arg(seconds)),
        ];
        i18n.strict(lang, key, &args).unwrap()
    };
    let room = say(Lang::En, "problem-waiting-room", 1, 1);
    assert!(room.contains("One person is ahead of you;"), "{room}");
    assert!(room.contains("try again in one second."), "{room}");
    let room = say(Lang::En, "appt-problem-waiting-room", 3, 2);
    assert!(room.contains("3 people are ahead of you;"), "{room}");
    assert!(room.contains("try again in 2 seconds."), "{room}");
    let limit = say(Lang::En, "appt-problem-too-many-requests", 0, 1);
    assert_eq!(limit, "Too many requests. Try again in one second.");
    let romanian = [
        (1, "este o persoană;", "o secundă."),
        (2, "sunt 2 persoane;", "2 secunde."),
        (20, "sunt 20 de persoane;", "20 de secunde."),
    ];
    for (n, ahead, wait) in romanian {
        for key in ["problem-waiting-room", "appt-problem-waiting-room"] {
            let room = say(Lang::Ro, key, n, n);
            assert!(room.contains(ahead), "{key} {n}: {room}");
            assert!(
                room.ends_with(&format!("{wait} Locul vă este păstrat.")),
                "{key} {n}: {room}"
            );
        }
        let limit = say(Lang::Ro, "appt-problem-too-many-requests", 0, n);
        assert_eq!(
            limit,
            format!("Prea multe cereri. Încercați din nou peste {wait}")
        );
    }
}
