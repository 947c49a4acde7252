//! Turns the files into the validated model, collecting every error with its line.

use super::def::{AmountDef, AuthorityFile, PaymentDef};
use super::service_check;
use super::text::{Lang, LocalText, reading_authority};
use super::{CatalogueError, SourceFile, line_col, model::*};
use crate::calendar::{HolidayRules, WorkingCalendar};
use crate::money::{Currency, Money};
use crate::national_id::Country;
use serde_spanned::Spanned;
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

/// Where errors of one file are written.
pub(super) struct Report<'a> {
    file: &'a SourceFile,
    errors: &'a mut Vec<CatalogueError>,
    count: usize,
    /// Languages at least one text of the file is not written in.
    untranslated: BTreeSet<Lang>,
}

impl<'a> Report<'a> {
    fn new(file: &'a SourceFile, errors: &'a mut Vec<CatalogueError>) -> Self {
        Report {
            file,
            errors,
            count: 0,
            untranslated: BTreeSet::new(),
        }
    }

    pub(super) fn at(&mut self, span: Range<usize>, message: impl Into<String>) {
        let (line, column) = line_col(&self.file.text, span.start);
        self.count += 1;
        self.errors.push(CatalogueError {
            file: self.file.name.clone(),
            line,
            column,
            message: message.into(),
        });
    }

    pub(super) fn has_errors(&self) -> bool {
        self.count > 0
    }

    /// Checks that a text has every required language, noting the ones it lacks.
    pub(super) fn text(&mut self, span: Range<usize>, what: &str, text: &LocalText) {
        self.untranslated
            .extend(Lang::ALL.into_iter().filter(|l| !text.has(*l)));
        let missing = text.missing_required();
        if !missing.is_empty() {
            let langs: Vec<&str> = missing.iter().map(|l| l.code()).collect();
            self.at(
                span,
                format!("{what} needs a text in {}", langs.join(" and ")),
            );
        }
    }

    /// Checks a whole-number setting lies in `range`.
    pub(super) fn number<T: TryFrom<i64>>(
        &mut self,
        span: Range<usize>,
        what: &str,
        value: i64,
        range: std::ops::RangeInclusive<i64>,
    ) -> Option<T> {
        if !range.contains(&value) {
            self.at(
                span,
                format!(
                    "{what} is {value}; it must be between {} and {}",
                    range.start(),
                    range.end()
                ),
            );
            return None;
        }
        T::try_from(value).ok()
    }

    pub(super) fn amount(
        &mut self,
        span: Range<usize>,
        amount: &AmountDef,
        currency: Currency,
    ) -> Option<i64> {
        let parsed = match amount {
            AmountDef::Whole(n) if *n >= 0 => n
                .checked_mul(currency.minor_per_major())
                .map(|minor| Money::new(minor, currency))
                .ok_or_else(|| format!("{n} is too large to be a fee")),
            AmountDef::Whole(n) => Err(format!("a fee cannot be negative ({n})")),
            AmountDef::Decimal(text) => Money::parse_major(text, currency),
        };
        match parsed {
            Ok(money) => Some(money.minor),
            Err(message) => {
                self.at(span, message);
                None
            }
        }
    }
}

fn toml_error(file: &SourceFile, error: &toml::de::Error) -> CatalogueError {
    let (line, column) = error
        .span()
        .map_or((0, 0), |span| line_col(&file.text, span.start));
    CatalogueError {
        file: file.name.clone(),
        line,
        column,
        message: error.message().trim().to_string(),
    }
}

pub(super) fn calendar(
    file: &SourceFile,
    errors: &mut Vec<CatalogueError>,
) -> Option<WorkingCalendar> {
    let rules: HolidayRules = match toml::from_str(&file.text) {
        Ok(rules) => rules,
        Err(e) => {
            errors.push(toml_error(file, &e));
            return None;
        }
    };
    match WorkingCalendar::new(rules) {
        Ok(calendar) => Some(calendar),
        Err(messages) => {
            errors.extend(messages.into_iter().map(|message| CatalogueError {
                file: file.name.clone(),
                line: 1,
                column: 1,
                message,
            }));
            None
        }
    }
}

fn is_identifier(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
        && s.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric())
}

pub(super) fn identifier(report: &mut Report<'_>, span: Range<usize>, what: &str, id: &str) {
    if !is_identifier(id) {
        report.at(
            span,
            format!(
                "{what} \"{id}\" must be 1 to 64 lower-case letters, digits, '-' or '.', starting with a letter or digit"
            ),
        );
    }
}

pub(super) fn authority(
    file: &SourceFile,
    calendars: &HashMap<String, WorkingCalendar>,
    errors: &mut Vec<CatalogueError>,
) -> Option<Authority> {
    let language = own_language(&file.text);
    let parsed: AuthorityFile = match reading_authority(language, || toml::from_str(&file.text)) {
        Ok(parsed) => parsed,
        Err(e) => {
            errors.push(toml_error(file, &e));
            return None;
        }
    };
    let mut report = Report::new(file, errors);
    let def = parsed.authority.get_ref();
    identifier(&mut report, def.id.span(), "authority id", def.id.get_ref());

    let country = def.country.get_ref().parse::<Country>().map_err(|_| {
        report.at(
            def.country.span(),
            format!(
                "unknown country \"{}\": use RO, MD or LT",
                def.country.get_ref()
            ),
        )
    });
    if let Some(Err(message)) = def.language.as_ref().map(|l| l.get_ref().parse::<Lang>()) {
        report.at(def.language.as_ref().map_or(0..0, Spanned::span), message);
    }
    let calendar = calendars
        .get(&def.calendar.get_ref().to_ascii_lowercase())
        .cloned();
    if calendar.is_none() {
        let mut known: Vec<&str> = calendars.keys().map(String::as_str).collect();
        known.sort_unstable();
        report.at(
            def.calendar.span(),
            format!(
                "no holiday calendar called \"{}\"; the catalogue has: {}",
                def.calendar.get_ref(),
                known.join(", ")
            ),
        );
    }
    let time_zone = jiff::tz::TimeZone::get(def.time_zone.get_ref()).map_err(|_| {
        report.at(
            def.time_zone.span(),
            format!(
                "unknown time zone \"{}\": use an IANA name such as Europe/Bucharest",
                def.time_zone.get_ref()
            ),
        )
    });
    let currency = currency(&mut report, &def.currency);
    let prefix = def.reference_prefix.get_ref();
    if prefix.is_empty()
        || prefix.len() > 16
        || !prefix
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
    {
        report.at(
            def.reference_prefix.span(),
            "reference_prefix must be 1 to 16 capital letters, digits or '-', like \"MD-IGM\"",
        );
    }
    let draft_expiry_days = match &def.draft_expiry_days {
        Some(v) => report
            .number::<u32>(v.span(), "draft_expiry_days", *v.get_ref(), 1..=365)
            .unwrap_or(30),
        None => 30,
    };
    let max_upload_bytes = match &def.max_upload_bytes {
        Some(v) => report
            .number::<u64>(
                v.span(),
                "max_upload_bytes",
                *v.get_ref(),
                1024..=104_857_600,
            )
            .unwrap_or(0),
        None => 5 * 1024 * 1024,
    };
    report.text(def.name.span(), "the authority's name", def.name.get_ref());
    report.text(
        def.summary.span(),
        "the authority's summary",
        def.summary.get_ref(),
    );
    if let Some(contact) = &def.contact {
        report.text(contact.span(), "contact", contact.get_ref());
    }
    let payment = payment(&mut report, &def.payment);
    let booking = super::booking::policy(&mut report, def.booking.as_ref());
    let zone = time_zone
        .as_ref()
        .ok()
        .map(|z| (z.clone(), def.time_zone.get_ref().clone()));
    let rejection_reasons =
        super::registry::reasons(&mut report, &def.rejection_reasons, "rejection reason");
    let registry = super::registry::policy(&mut report, def.registry.as_ref());
    let offices = super::office::offices(
        &mut report,
        &parsed.offices,
        def.id.get_ref(),
        country.as_ref().ok().copied(),
        zone.as_ref(),
    );

    let mut services = Vec::new();
    let mut seen = HashMap::new();
    for service in &parsed.services {
        let id = service.get_ref().id.get_ref();
        if seen.insert(id.clone(), ()).is_some() {
            report.at(
                service.get_ref().id.span(),
                format!("service \"{id}\" is defined twice"),
            );
        }
        let currency = currency.unwrap_or(Currency::Ron);
        if let Some(s) = service_check::service(&mut report, service, def.id.get_ref(), currency) {
            if let (Some(def), Some(appointment)) = (&service.get_ref().appointment, &s.appointment)
            {
                super::booking::fits_offices(&mut report, def, appointment, id, &offices);
            }
            if let (Some(wanted), Some(span)) = (
                &s.document_type,
                service.get_ref().document_type.as_ref().map(Spanned::span),
            ) && registry.document_type(wanted).is_none()
            {
                report.at(
                    span,
                    format!("service {id}: document type \"{wanted}\" is not in the authority's registry"),
                );
            }
            services.push(s);
        }
    }
    if parsed.services.is_empty() {
        report.at(
            parsed.authority.span(),
            "the authority offers no service: add a [[service]]",
        );
    }

    if report.has_errors() {
        return None;
    }
    Some(Authority {
        id: def.id.get_ref().clone(),
        country: country.ok()?,
        calendar: calendar?,
        time_zone: time_zone.ok()?,
        time_zone_name: def.time_zone.get_ref().clone(),
        currency: currency?,
        reference_prefix: prefix.clone(),
        language,
        untranslated: report.untranslated,
        max_upload_bytes,
        draft_expiry_days,
        name: def.name.get_ref().clone(),
        summary: def.summary.get_ref().clone(),
        contact: def.contact.as_ref().map(|c| c.get_ref().clone()),
        payment: payment?,
        booking,
        offices,
        rejection_reasons,
        registry,
        services,
    })
}

/// The language an authority file writes in: its `language`, else its
/// country's (Romanian for RO and MD, Lithuanian for LT). A file too broken
/// to say is read as Romanian; its errors are reported by the full read.
fn own_language(text: &str) -> Lang {
    #[derive(serde::Deserialize)]
    struct Head {
        authority: HeadAuthority,
    }
    #[derive(serde::Deserialize)]
    struct HeadAuthority {
        country: Option<String>,
        language: Option<String>,
    }
    let Ok(head) = toml::from_str::<Head>(text) else {
        return Lang::Ro;
    };
    let authority = head.authority;
    if let Some(lang) = authority.language.and_then(|l| l.parse().ok()) {
        return lang;
    }
    match authority.country.and_then(|c| c.parse::<Country>().ok()) {
        Some(Country::Lt) => Lang::Lt,
        _ => Lang::Ro,
    }
}

fn currency(report: &mut Report<'_>, code: &Spanned<String>) -> Option<Currency> {
    let found = Currency::ALL
        .into_iter()
        .find(|c| c.code() == code.get_ref());
    if found.is_none() {
        report.at(
            code.span(),
            format!(
                "unknown currency \"{}\": use RON, MDL or EUR",
                code.get_ref()
            ),
        );
    }
    found
}

fn payment(report: &mut Report<'_>, def: &Spanned<PaymentDef>) -> Option<PaymentInstructions> {
    let p = def.get_ref();
    let scheme = PaymentScheme::parse(p.scheme.get_ref());
    if scheme.is_none() {
        report.at(
            p.scheme.span(),
            format!(
                "unknown payment scheme \"{}\": use one of {}",
                p.scheme.get_ref(),
                PaymentScheme::NAMES.join(", ")
            ),
        );
    }
    if scheme == Some(PaymentScheme::TreasuryReceipt) && p.account.is_none() {
        report.at(
            def.span(),
            "a treasury-receipt payment needs the treasury `account`",
        );
    }
    report.text(p.methods.span(), "payment methods", p.methods.get_ref());
    report.text(
        p.instructions.span(),
        "payment instructions",
        p.instructions.get_ref(),
    );
    Some(PaymentInstructions {
        scheme: scheme?,
        account: p.account.clone(),
        beneficiary: p.beneficiary.clone(),
        methods: p.methods.get_ref().clone(),
        instructions: p.instructions.get_ref().clone(),
    })
}
