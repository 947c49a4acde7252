//! The validated catalogue: what the rest of Ghiseu reads. Every value here
//! has passed the checks in `build`, so rules can rely on it.

use super::text::LocalText;
use crate::calendar::WorkingCalendar;
use crate::money::Currency;
use crate::national_id::Country;
use jiff::tz::TimeZone;

#[derive(Debug, Clone)]
pub struct Authority {
    pub id: String,
    pub country: Country,
    pub calendar: WorkingCalendar,
    pub time_zone: TimeZone,
    pub time_zone_name: String,
    pub currency: Currency,
    pub reference_prefix: String,
    /// The language the authority writes in: a text missing the reader's
    /// language is shown in this one.
    pub language: super::Lang,
    /// Languages at least one of the authority's texts is not written in.
    pub untranslated: std::collections::BTreeSet<super::Lang>,
    pub max_upload_bytes: u64,
    /// Days after its last change that an unsent draft expires.
    pub draft_expiry_days: u32,
    pub name: LocalText,
    pub summary: LocalText,
    pub contact: Option<LocalText>,
    pub payment: PaymentInstructions,
    pub booking: super::BookingPolicy,
    pub offices: Vec<super::Office>,
    pub rejection_reasons: Vec<Reason>,
    pub registry: super::RegistryPolicy,
    pub services: Vec<Service>,
}

/// A reason from a fixed list, shown to the person it concerns.
#[derive(Debug, Clone)]
pub struct Reason {
    pub id: String,
    pub name: LocalText,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaymentScheme {
    /// Romanian treasury account; the receipt names the holder and their CNP.
    TreasuryReceipt,
    /// Moldovan government e-payment service reference.
    Mpay,
    /// A euro transfer with a pre-filled payment order.
    EurTransfer,
    /// The portal takes no payment: a fee is paid as the authority's
    /// instructions say, and the proof brought to the counter.
    None,
}

impl PaymentScheme {
    pub const NAMES: [&'static str; 4] = ["treasury-receipt", "mpay", "eur-transfer", "none"];

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "treasury-receipt" => Some(Self::TreasuryReceipt),
            "mpay" => Some(Self::Mpay),
            "eur-transfer" => Some(Self::EurTransfer),
            "none" => Some(Self::None),
            _ => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct PaymentInstructions {
    pub scheme: PaymentScheme,
    pub account: Option<String>,
    pub beneficiary: Option<LocalText>,
    pub methods: LocalText,
    pub instructions: LocalText,
}

#[derive(Debug, Clone)]
pub struct Service {
    pub id: String,
    pub authority_id: String,
    pub code: Option<String>,
    pub name: LocalText,
    pub summary: LocalText,
    pub eligibility: LocalText,
    pub notes: Vec<LocalText>,
    pub biometrics: Biometrics,
    pub validity: ValidityRule,
    pub categories: Vec<Category>,
    pub urgencies: Vec<Urgency>,
    pub reductions: Vec<Reduction>,
    pub questions: Vec<Question>,
    pub renewal_notice_days: Option<u32>,
    /// The registry's document type this service issues.
    pub document_type: Option<String>,
    /// The identity assurance levels with which a person may apply; every
    /// level when the catalogue sets none.
    pub assurance: Vec<crate::account::AssuranceLevel>,
    /// An operator reviews each application before the fee is due.
    pub review: bool,
    pub routing: Routing,
    pub delivery: Delivery,
    /// An organisation's recorded representative may apply for it.
    pub for_organisations: bool,
    /// For a service that approves invitations for foreigners: its rules.
    pub invitation: Option<super::InvitationRules>,
    /// Whose documents the service issues; anyone's when `None`.
    pub applicants: Option<super::Applicants>,
    /// The visit at a counter the service needs, if any.
    pub appointment: Option<super::ServiceAppointment>,
}

/// How a service's document reaches its holder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Delivery {
    /// Produced, then handed over at a counter against a signature.
    #[default]
    Counter,
    /// Generated, signed and issued on the screen once the fee is paid (at
    /// once for a free service): no production, pickup or handover.
    Electronic,
}

/// Which office handles a service's cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Routing {
    /// The office covering the holder's domicile.
    Domicile,
    /// The office the applicant names (e.g. the fining officer's office).
    ChosenOffice,
}

impl Service {
    /// Whether a person whose identity is assured at `level` may apply.
    pub fn accepts(&self, level: crate::account::AssuranceLevel) -> bool {
        self.assurance.contains(&level)
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Biometrics {
    pub facial_image: bool,
    pub fingerprints: bool,
    pub fingerprints_from_age: Option<i16>,
}

/// A span of years and months, added to an issue date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    pub years: i16,
    pub months: i32,
}

impl Term {
    pub fn total_months(self) -> i32 {
        i32::from(self.years) * 12 + self.months
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermBand {
    /// Holders younger than this (in completed years) fall in the band;
    /// `None` for the last band, which takes every older holder.
    pub under_age: Option<i16>,
    pub term: Term,
}

/// Another document of the holder whose expiry a rule needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HolderDocument {
    /// The holder's passport or travel document (`--passport-expires`).
    Passport,
    /// The holder's national identity document (`--id-document-expires`).
    IdDocument,
}

impl HolderDocument {
    pub const NAMES: [&'static str; 2] = ["passport", "id-document"];

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "passport" => Some(Self::Passport),
            "id-document" => Some(Self::IdDocument),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValidityRule {
    None,
    Lifetime,
    Fixed(Term),
    /// Chosen by the holder's age on the filing date.
    ByAgeBand(Vec<TermBand>),
    /// Until the first of these birthdays after issue; lifetime from the given age.
    UntilBirthday {
        birthdays: Vec<i16>,
        lifetime_from_age: Option<i16>,
    },
    /// The granted right of stay, capped by the expiry of the named documents.
    GrantedStay {
        capped_by: Vec<HolderDocument>,
    },
    /// Equal to the validity of another document of the holder.
    SameAsDocument(HolderDocument),
}

impl ValidityRule {
    /// Whether the rule needs the holder's birth date.
    pub fn needs_birth_date(&self) -> bool {
        matches!(self, Self::ByAgeBand(_) | Self::UntilBirthday { .. })
    }
}

#[derive(Debug, Clone)]
pub struct Category {
    pub id: String,
    pub name: LocalText,
    pub from_age: Option<i16>,
    pub under_age: Option<i16>,
    pub domicile_abroad: bool,
    pub notes: Vec<LocalText>,
    pub documents: Vec<RequiredDocument>,
}

impl Category {
    pub fn covers_age(&self, age: i16) -> bool {
        self.from_age.is_none_or(|from| age >= from) && self.under_age.is_none_or(|u| age < u)
    }
}

#[derive(Debug, Clone)]
pub struct RequiredDocument {
    pub id: String,
    pub name: LocalText,
    /// When the document is needed only in some cases ("if you have one").
    pub when: Option<LocalText>,
    pub original: bool,
    pub copy: bool,
    /// The receipt for the service's fee (see [`RequiredDocument::paid_here`]).
    pub fee_receipt: bool,
}

impl RequiredDocument {
    /// Whether the fee this document proves is paid through the portal, after
    /// the application is accepted: the portal then makes the payment order,
    /// and an online payment, or a payment recorded against that order,
    /// stands for the receipt. It is not asked for before.
    pub fn paid_here(&self, payment: PaymentScheme) -> bool {
        self.fee_receipt && payment != PaymentScheme::None
    }

    /// Whether every application must carry this document when it is sent.
    pub fn needed_with_application(&self, payment: PaymentScheme) -> bool {
        self.when.is_none() && !self.paid_here(payment)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProcessingTerm {
    None,
    SameDay,
    WorkingDays(u32),
    CalendarDays(u32),
}

#[derive(Debug, Clone)]
pub struct Urgency {
    pub id: String,
    pub default: bool,
    pub processing: ProcessingTerm,
    pub fees: Vec<FeeLine>,
}

#[derive(Debug, Clone)]
pub struct FeeLine {
    pub code: String,
    pub label: LocalText,
    /// Amounts by age band on the filing date, youngest band first; a single
    /// band with `under_age: None` when the amount does not depend on age.
    pub amounts: Vec<AgeAmount>,
}

impl FeeLine {
    pub fn depends_on_age(&self) -> bool {
        self.amounts.len() > 1
    }

    /// The amount for a holder of `age`, or the only amount when age does not matter.
    pub fn amount_for(&self, age: Option<i16>) -> Option<i64> {
        match age {
            Some(age) => self
                .amounts
                .iter()
                .find(|a| a.under_age.is_none_or(|u| age < u))
                .map(|a| a.minor),
            None if !self.depends_on_age() => self.amounts.first().map(|a| a.minor),
            None => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgeAmount {
    pub under_age: Option<i16>,
    pub minor: i64,
}

#[derive(Debug, Clone)]
pub struct Reduction {
    pub id: String,
    pub name: LocalText,
    /// Who is eligible, in words an operator checks against evidence.
    pub conditions: LocalText,
    pub applies: Vec<ReductionApply>,
}

#[derive(Debug, Clone)]
pub struct ReductionApply {
    pub urgency: String,
    pub line: String,
    /// The reduced amount that replaces the line's amount.
    pub minor: i64,
}

#[derive(Debug, Clone)]
pub struct Question {
    pub id: String,
    pub label: LocalText,
    pub required: bool,
    pub options: Vec<QuestionOption>,
}

#[derive(Debug, Clone)]
pub struct QuestionOption {
    pub id: String,
    pub label: LocalText,
}

impl Service {
    pub fn needs_birth_date(&self) -> bool {
        self.validity.needs_birth_date()
            || self
                .urgencies
                .iter()
                .any(|u| u.fees.iter().any(FeeLine::depends_on_age))
    }

    /// The reasons an officer may refuse an application for: an
    /// invitation's own, else the authority's.
    pub fn rejection_reasons<'a>(&'a self, authority: &'a Authority) -> &'a [Reason] {
        match &self.invitation {
            Some(rules) => &rules.refusals,
            None => &authority.rejection_reasons,
        }
    }

    pub fn default_urgency(&self) -> Option<&Urgency> {
        self.urgencies.iter().find(|u| u.default)
    }

    /// Whether the term of the urgency called `id` (the default one when
    /// none is named) counts working days.
    pub fn counts_working_days(&self, urgency: Option<&str>) -> bool {
        let chosen = match urgency {
            Some(id) => self.urgency(id),
            None => self.default_urgency(),
        };
        chosen.is_some_and(|u| matches!(u.processing, ProcessingTerm::WorkingDays(_)))
    }

    /// The urgency called `id`; "standard" names the default one.
    pub fn urgency(&self, id: &str) -> Option<&Urgency> {
        self.urgencies
            .iter()
            .find(|u| u.id == id)
            .or_else(|| (id == "standard").then(|| self.default_urgency()).flatten())
    }

    pub fn reduction(&self, id: &str) -> Option<&Reduction> {
        self.reductions.iter().find(|r| r.id == id)
    }

    /// The applicant category for a holder of `age` on the filing date.
    pub fn category_for(&self, age: i16, domicile_abroad: bool) -> Option<&Category> {
        self.categories
            .iter()
            .find(|c| c.domicile_abroad == domicile_abroad && c.covers_age(age))
    }
}
