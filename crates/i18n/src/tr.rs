//! Formatting for pages: money, dates and rule descriptions, in the reader's language.

use crate::{I18n, number_arg, text_arg};
use ghiseu_domain::catalogue::{
    Biometrics, HolderDocument, Lang, ProcessingTerm, Service, Term, ValidityRule,
};
use ghiseu_domain::money::{Currency, Money};
use jiff::civil::{Date, Time};

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

    /// An amount in minor units, e.g. "1.234,50 RON" in Romanian.
    pub fn money(&self, minor: i64, currency: Currency) -> String {
        self.i18n.shown(match self.i18n.formats(self.lang) {
            Some(formats) => formats.money(minor, currency),
            None => Money { minor, currency }.display_major(),
        })
    }

    /// The long date, e.g. "5 December 2026" or "5 decembrie 2026".
    pub fn date(&self, date: Date) -> String {
        self.i18n.shown(
            self.i18n
                .formats(self.lang)
                .map_or_else(|| date.to_string(), |f| f.date(date)),
        )
    }

    /// Hours and minutes on the language's clock, e.g. "09:30".
    pub fn time(&self, time: Time) -> String {
        self.i18n.shown(
            self.i18n
                .formats(self.lang)
                .map_or_else(|| time.strftime("%H:%M").to_string(), |f| f.time(time)),
        )
    }

    /// The day of the week, e.g. "Saturday" or "sâmbătă".
    pub fn weekday(&self, date: Date) -> String {
        self.i18n.shown(
            self.i18n
                .formats(self.lang)
                .map_or_else(|| date.strftime("%A").to_string(), |f| f.weekday(date)),
        )
    }

    /// A closure's reason as stored: one of the usual reasons (`preset:…`)
    /// in the reader's language, or the words the administrator typed.
    pub fn closure_reason(&self, stored: &str) -> String {
        match stored.strip_prefix("preset:") {
            Some(code) => self.m(&format!("office-closures-reason-{code}")),
            None => stored.to_string(),
        }
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
