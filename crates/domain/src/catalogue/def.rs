//! The catalogue file as an administrator writes it (TOML), before validation.
//! Positions are kept so that every error can name its line.

use super::text::LocalText;
use serde::Deserialize;
use serde_spanned::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthorityFile {
    pub authority: Spanned<AuthorityDef>,
    #[serde(default, rename = "office")]
    pub offices: Vec<Spanned<OfficeDef>>,
    #[serde(default, rename = "service")]
    pub services: Vec<Spanned<ServiceDef>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficeDef {
    pub id: Spanned<String>,
    pub name: Spanned<LocalText>,
    pub address: Spanned<LocalText>,
    pub time_zone: Option<Spanned<String>>,
    pub covers: Spanned<Vec<String>>,
    /// The office's telephone number, as people dial it from abroad.
    pub phone: Option<Spanned<String>>,
    /// The office's e-mail address for the public.
    pub email: Option<Spanned<String>>,
    /// The counters where people are received by appointment.
    #[serde(default, rename = "window")]
    pub windows: Vec<Spanned<WindowDef>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WindowDef {
    pub kind: Spanned<String>,
    pub counters: Spanned<i64>,
    pub slot_minutes: Spanned<i64>,
    pub hours: Spanned<HoursDef>,
}

/// Opening intervals by weekday, each written "HH:MM-HH:MM".
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HoursDef {
    #[serde(default)]
    pub mon: Vec<Spanned<String>>,
    #[serde(default)]
    pub tue: Vec<Spanned<String>>,
    #[serde(default)]
    pub wed: Vec<Spanned<String>>,
    #[serde(default)]
    pub thu: Vec<Spanned<String>>,
    #[serde(default)]
    pub fri: Vec<Spanned<String>>,
    #[serde(default)]
    pub sat: Vec<Spanned<String>>,
    #[serde(default)]
    pub sun: Vec<Spanned<String>>,
}

/// `[authority.booking]`: every setting falls back to its default when absent.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BookingDef {
    pub horizon_days: Option<Spanned<i64>>,
    pub release_days_ahead: Option<Spanned<i64>>,
    pub release_at: Option<Spanned<String>>,
    pub hold_minutes: Option<Spanned<i64>>,
    pub max_reschedules: Option<Spanned<i64>>,
    pub no_show_limit: Option<Spanned<i64>>,
    pub no_show_window_days: Option<Spanned<i64>>,
    pub waiting_room_threshold_per_second: Option<Spanned<i64>>,
    pub waiting_room_admit_per_second: Option<Spanned<i64>>,
    pub waiting_room_draw_seconds: Option<Spanned<i64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppointmentDef {
    pub window: Spanned<String>,
    pub minutes: Spanned<i64>,
    pub mode: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthorityDef {
    pub id: Spanned<String>,
    pub country: Spanned<String>,
    /// The language its texts are written in first (the country's when absent).
    pub language: Option<Spanned<String>>,
    pub calendar: Spanned<String>,
    pub time_zone: Spanned<String>,
    pub currency: Spanned<String>,
    pub reference_prefix: Spanned<String>,
    pub max_upload_bytes: Option<Spanned<i64>>,
    /// Days after its last change that an unsent draft expires (30 when absent).
    pub draft_expiry_days: Option<Spanned<i64>>,
    pub name: Spanned<LocalText>,
    pub summary: Spanned<LocalText>,
    pub contact: Option<Spanned<LocalText>>,
    pub payment: Spanned<PaymentDef>,
    /// Reasons an operator may give for rejecting an application.
    #[serde(default, rename = "rejection_reason")]
    pub rejection_reasons: Vec<Spanned<ReasonDef>>,
    pub booking: Option<Spanned<BookingDef>>,
    /// The registry: document types, invalidation reasons, reminder defaults.
    pub registry: Option<Spanned<RegistryDef>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegistryDef {
    #[serde(default, rename = "document_type")]
    pub document_types: Vec<Spanned<DocumentTypeDef>>,
    #[serde(default, rename = "invalidation_reason")]
    pub invalidation_reasons: Vec<Spanned<ReasonDef>>,
    #[serde(default)]
    pub reminder_days: Vec<i64>,
    pub collection_days: Option<i64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentTypeDef {
    pub id: Spanned<String>,
    pub name: Spanned<LocalText>,
    #[serde(default)]
    pub chip_certificates: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReasonDef {
    pub id: Spanned<String>,
    pub name: Spanned<LocalText>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PaymentDef {
    pub scheme: Spanned<String>,
    pub account: Option<String>,
    pub beneficiary: Option<LocalText>,
    pub methods: Spanned<LocalText>,
    pub instructions: Spanned<LocalText>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceDef {
    pub id: Spanned<String>,
    pub code: Option<String>,
    pub name: Spanned<LocalText>,
    pub summary: Spanned<LocalText>,
    pub eligibility: Spanned<LocalText>,
    #[serde(default)]
    pub notes: Vec<Spanned<LocalText>>,
    #[serde(default)]
    pub biometrics: BiometricsDef,
    pub validity: Spanned<ValidityDef>,
    #[serde(default, rename = "category")]
    pub categories: Vec<Spanned<CategoryDef>>,
    #[serde(rename = "urgency")]
    pub urgencies: Vec<Spanned<UrgencyDef>>,
    #[serde(default, rename = "reduction")]
    pub reductions: Vec<Spanned<ReductionDef>>,
    #[serde(default, rename = "question")]
    pub questions: Vec<Spanned<QuestionDef>>,
    pub renewal_notice_days: Option<Spanned<i64>>,
    /// The registry's document type this service issues.
    pub document_type: Option<Spanned<String>>,
    /// The identity assurance levels that may apply; any verified account when absent.
    pub assurance: Option<Spanned<Vec<String>>>,
    /// `domicile` (the default): the office covering the holder's domicile
    /// handles the case; `chosen-office`: the applicant names the office.
    pub routing: Option<Spanned<String>>,
    /// Whether an operator reviews each application (the default); when
    /// false, the fee is due as soon as the application is submitted.
    pub review: Option<bool>,
    /// Whether and how the person is received at a counter by appointment.
    pub appointment: Option<Spanned<AppointmentDef>>,
    /// `counter` (the default): the document is produced and handed over at
    /// a counter; `electronic`: it is issued on the screen once paid.
    pub delivery: Option<Spanned<String>>,
    /// Whether a representative an operator recorded for an organisation
    /// may apply for the organisation (false by default).
    pub organisations: Option<bool>,
    /// For a service that approves invitations for foreigners: its rules.
    pub invitation: Option<Spanned<super::invitation::InvitationDef>>,
    /// Whose documents the service issues, by citizenship; anyone's when absent.
    pub applicants: Option<Spanned<super::applicants::ApplicantsDef>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BiometricsDef {
    #[serde(default)]
    pub facial_image: bool,
    #[serde(default)]
    pub fingerprints: bool,
    pub fingerprints_from_age: Option<i64>,
}

#[derive(Debug, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum ValidityDef {
    /// No validity: a certificate or a request with no document.
    None,
    Lifetime,
    Fixed {
        years: Option<i64>,
        months: Option<i64>,
    },
    /// A fixed duration chosen by the holder's age on the filing date.
    ByAgeBand {
        bands: Vec<DurationBandDef>,
    },
    /// Until the birthday that closes the holder's age band at issue.
    UntilBirthday {
        birthdays: Vec<i64>,
        lifetime_from_age: Option<i64>,
    },
    /// The granted right of stay, never beyond the named documents' expiry.
    GrantedStay {
        #[serde(default)]
        capped_by: Vec<String>,
    },
    /// Exactly as long as another document of the holder.
    SameAsDocument {
        document: String,
    },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DurationBandDef {
    pub under_age: Option<i64>,
    pub years: Option<i64>,
    pub months: Option<i64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryDef {
    pub id: String,
    pub name: LocalText,
    pub from_age: Option<i64>,
    pub under_age: Option<i64>,
    #[serde(default)]
    pub domicile_abroad: bool,
    #[serde(default)]
    pub notes: Vec<LocalText>,
    #[serde(default, rename = "document")]
    pub documents: Vec<DocumentDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentDef {
    pub id: String,
    pub name: LocalText,
    pub when: Option<LocalText>,
    #[serde(default)]
    pub original: bool,
    #[serde(default)]
    pub copy: bool,
    /// The receipt for the service's fee: where the portal takes the fee,
    /// its payment order or an online payment stands for it.
    #[serde(default)]
    pub fee_receipt: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UrgencyDef {
    pub id: String,
    #[serde(default)]
    pub default: bool,
    pub processing: ProcessingDef,
    #[serde(rename = "fee")]
    pub fees: Vec<Spanned<FeeLineDef>>,
}

#[derive(Debug, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum ProcessingDef {
    /// Nothing to wait for: answered on the spot or not a request at all.
    None,
    SameDay,
    WorkingDays {
        days: i64,
    },
    CalendarDays {
        days: i64,
    },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeeLineDef {
    pub code: String,
    pub label: LocalText,
    pub amount: Option<Spanned<AmountDef>>,
    pub by_age: Option<Spanned<Vec<AgeAmountDef>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgeAmountDef {
    pub under_age: Option<i64>,
    pub amount: AmountDef,
}

/// `258` (whole units) or `"258.50"`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum AmountDef {
    Whole(i64),
    Decimal(String),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReductionDef {
    pub id: String,
    pub name: LocalText,
    pub conditions: LocalText,
    #[serde(rename = "applies")]
    pub applies: Vec<ReductionApplyDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReductionApplyDef {
    pub urgency: String,
    pub line: String,
    pub amount: AmountDef,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionDef {
    pub id: String,
    pub label: LocalText,
    #[serde(default = "required_by_default")]
    pub required: bool,
    #[serde(rename = "option")]
    pub options: Vec<QuestionOptionDef>,
}

fn required_by_default() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionOptionDef {
    pub id: String,
    pub label: LocalText,
}
