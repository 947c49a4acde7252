//! Amounts, dates and times in a language's CLDR formats, by ICU4X.

use ghiseu_domain::catalogue::Lang;
use ghiseu_domain::money::Currency;
use icu_calendar::{Date, Gregorian};
use icu_datetime::fieldsets::{E, T, YMD};
use icu_datetime::input::Time;
use icu_datetime::{FixedCalendarDateTimeFormatter, NoCalendarFormatter};
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_decimal::options::DecimalFormatterOptions;
use icu_locale_core::{Locale, locale};

/// The CLDR locale a language is formatted in. English is British English:
/// day before month ("5 December 2026") and the 24-hour clock suit a
/// European audience.
pub(crate) fn locale(lang: Lang) -> Locale {
    match lang {
        Lang::Ro => locale!("ro"),
        Lang::En => locale!("en-GB"),
        Lang::Ru => locale!("ru"),
        Lang::Lt => locale!("lt"),
        Lang::Uk => locale!("uk"),
    }
}

/// One language's formatters. Only the Gregorian calendar's data is linked.
pub(crate) struct Formats {
    decimal: DecimalFormatter,
    date: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    weekday: FixedCalendarDateTimeFormatter<Gregorian, E>,
    time: NoCalendarFormatter<T>,
}

impl Formats {
    pub(crate) fn new(locale: &Locale) -> Result<Formats, String> {
        let error = |e: &dyn std::fmt::Display| format!("{locale}: {e}");
        Ok(Formats {
            decimal: DecimalFormatter::try_new(locale.into(), DecimalFormatterOptions::default())
                .map_err(|e| error(&e))?,
            date: FixedCalendarDateTimeFormatter::try_new(locale.into(), YMD::long())
                .map_err(|e| error(&e))?,
            weekday: FixedCalendarDateTimeFormatter::try_new(locale.into(), E::long())
                .map_err(|e| error(&e))?,
            time: NoCalendarFormatter::try_new(locale.into(), T::hm()).map_err(|e| error(&e))?,
        })
    }

    /// `minor` units as major units with every minor digit, then the ISO code.
    pub(crate) fn money(&self, minor: i64, currency: Currency) -> String {
        let digits = currency
            .minor_per_major()
            .checked_ilog10()
            .and_then(|d| i16::try_from(d).ok())
            .unwrap_or(0);
        let mut amount = Decimal::from(minor);
        amount.multiply_pow10(-digits);
        amount.absolute.pad_end(-digits);
        format!("{} {}", self.decimal.format(&amount), currency.code())
    }

    /// The long date, e.g. "5 December 2026"; ISO 8601 for a date ICU rejects.
    pub(crate) fn date(&self, date: jiff::civil::Date) -> String {
        gregorian(date).map_or_else(|| date.to_string(), |d| self.date.format(&d).to_string())
    }

    pub(crate) fn weekday(&self, date: jiff::civil::Date) -> String {
        gregorian(date).map_or_else(
            || date.strftime("%A").to_string(),
            |d| self.weekday.format(&d).to_string(),
        )
    }

    /// Hours and minutes, e.g. "09:30".
    pub(crate) fn time(&self, time: jiff::civil::Time) -> String {
        let icu = u8::try_from(time.hour())
            .ok()
            .zip(u8::try_from(time.minute()).ok())
            .and_then(|(hour, minute)| Time::try_new(hour, minute, 0, 0).ok());
        icu.map_or_else(
            || time.strftime("%H:%M").to_string(),
            |t| self.time.format(&t).to_string(),
        )
    }
}

fn gregorian(date: jiff::civil::Date) -> Option<Date<Gregorian>> {
    let month = u8::try_from(date.month()).ok()?;
    let day = u8::try_from(date.day()).ok()?;
    Date::try_new_gregorian(i32::from(date.year()), month, day).ok()
}
