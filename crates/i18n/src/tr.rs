//! Formatting for pages: money, dates and rule descriptions, in the reader's language.

use crate::{I18n, number_arg, text_arg};
use ghiseu_domain::catalogue::{
    Biometrics, HolderDocument, Lang, ProcessingTerm, Service, Term, ValidityRule,
};
use ghiseu_domain::money::Currency;
use jiff::civil::Date;

/// The translator a template calls, as `t.m(KEY)`.
#[derive(Clone, Copy)]
pub struct Tr<'a> {
    pub i18n: &'a I18n,
    pub lang: Lang,
}

impl Tr<'_> {
    pub fn m(&self, key: &str) -> String {
        self.i18n.text(self.lang, key)
    }

    pub fn with(&self, key: &str, args: &[(&str, crate::Arg)]) -> String {
        self.i18n.text_with(self.lang, key, args)
    }

    pub fn money(&self, minor: i64, currency: Currency) -> String {
        let (group, decimal) = match self.lang {
            Lang::En => (',', '.'),
            _ => ('.', ','),
        };
        let per = currency.minor_per_major().unsigned_abs();
        let abs = minor.unsigned_abs();
        let whole = (abs / per).to_string();
        let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i).is_multiple_of(3) {
                grouped.push(group);
            }
            grouped.push(c);
        }
        let sign = if minor < 0 { "−" } else { "" };
        format!(
            "{sign}{grouped}{decimal}{:02} {}",
            abs % per,
            currency.code()
        )
    }

    pub fn date(&self, date: Date) -> String {
        let month = self.m(&format!("month-{}", date.month()));
        format!("{} {month} {}", date.day(), date.year())
    }

    pub fn term(&self, term: Term) -> String {
        let months = term.total_months();
        if months % 12 == 0 {
            self.with("term-years", &[("n", number_arg(i64::from(months / 12)))])
        } else {
            self.with("term-months", &[("n", number_arg(i64::from(months)))])
        }
    }

    pub fn processing(&self, term: ProcessingTerm) -> String {
        match term {
            ProcessingTerm::None => self.m("processing-none"),
            ProcessingTerm::SameDay => self.m("processing-same-day"),
            ProcessingTerm::WorkingDays(n) => self.with(
                "processing-working-days",
                &[("n", number_arg(i64::from(n)))],
            ),
            ProcessingTerm::CalendarDays(n) => self.with(
                "processing-calendar-days",
                &[("n", number_arg(i64::from(n)))],
            ),
        }
    }

    pub fn validity(&self, rule: &ValidityRule) -> Vec<String> {
        match rule {
            ValidityRule::None => vec![self.m("validity-none")],
            ValidityRule::Lifetime => vec![self.m("validity-lifetime")],
            ValidityRule::Fixed(term) => {
                vec![self.with("validity-fixed", &[("term", text_arg(self.term(*term)))])]
            }
            ValidityRule::ByAgeBand(bands) => {
                let mut lines = vec![self.m("validity-by-age-intro")];
                let mut from = 0;
                for band in bands {
                    let term = text_arg(self.term(band.term));
                    lines.push(match band.under_age {
                        Some(under) => {
                            let line = self.with(
                                "validity-band",
                                &[
                                    ("term", term),
                                    ("from", number_arg(from.into())),
                                    ("to", number_arg(i64::from(under) - 1)),
                                ],
                            );
                            from = under;
                            line
                        }
                        None => self.with(
                            "validity-band-last",
                            &[("term", term), ("from", number_arg(from.into()))],
                        ),
                    });
                }
                lines
            }
            ValidityRule::UntilBirthday {
                birthdays,
                lifetime_from_age,
            } => {
                let ages: Vec<String> = birthdays.iter().map(ToString::to_string).collect();
                let mut lines = vec![self.with(
                    "validity-until-birthday",
                    &[("ages", text_arg(ages.join(", ")))],
                )];
                if let Some(age) = lifetime_from_age {
                    lines.push(self.with(
                        "validity-lifetime-from",
                        &[("age", number_arg(i64::from(*age)))],
                    ));
                }
                lines
            }
            ValidityRule::GrantedStay { capped_by } => {
                let mut lines = vec![self.m("validity-granted-stay")];
                lines.extend(capped_by.iter().map(|d| match d {
                    HolderDocument::Passport => self.m("validity-capped-passport"),
                    HolderDocument::IdDocument => self.m("validity-capped-id"),
                }));
                lines
            }
            ValidityRule::SameAsDocument(HolderDocument::IdDocument) => {
                vec![self.m("validity-same-as-id")]
            }
            ValidityRule::SameAsDocument(HolderDocument::Passport) => {
                vec![self.m("validity-same-as-passport")]
            }
        }
    }

    pub fn biometrics(&self, b: Biometrics) -> Vec<String> {
        let mut lines = vec![match (b.facial_image, b.fingerprints) {
            (false, false) => self.m("biometrics-none"),
            (true, false) => self.m("biometrics-face"),
            (false, true) => self.m("biometrics-fingerprints"),
            (true, true) => self.m("biometrics-face-fingerprints"),
        }];
        if let (true, Some(age)) = (b.fingerprints, b.fingerprints_from_age) {
            lines.push(self.with(
                "biometrics-fingerprints-from",
                &[("age", number_arg(i64::from(age)))],
            ));
        }
        lines
    }

    /// How an urgency is named to a person: by its processing time.
    pub fn urgency(&self, service: &Service, id: &str) -> String {
        let Some(urgency) = service.urgency(id) else {
            return id.to_string();
        };
        let time = self.processing(urgency.processing);
        if urgency.id == "standard" {
            format!("{} ({time})", self.m("urgency-standard"))
        } else {
            time
        }
    }
}
