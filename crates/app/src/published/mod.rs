//! What the portal publishes about its services and quotes, the same for the
//! API and the command line. Kept apart from the domain so the wire
//! format is a decision, not an accident of the model.

use ghiseu_domain::catalogue::{
    Authority, Category, Lang, LocalText, ProcessingTerm, RequiredDocument, Service, TermBand,
    ValidityRule,
};
use ghiseu_domain::quote::{Quote, QuoteInput};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

mod invitation;

pub use invitation::{InvitationRulesBody, InviterBody, ReasonBody};

type Texts = std::collections::HashMap<String, String>;

/// A quote request. Dates are `YYYY-MM-DD`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct QuoteRequestBody {
    /// Service id, e.g. `ro.passport.electronic`: not blank, at most 200
    /// characters.
    #[schema(max_length = 200, pattern = "\\S", example = "ro.passport.electronic")]
    pub service: String,
    /// The holder's birth date; needed where fee or validity depends on age.
    #[schema(
        pattern = "^\\s*([0-9]{4}-[0-9]{2}-[0-9]{2}\\s*)?$",
        example = "1990-05-10"
    )]
    pub birth_date: Option<String>,
    /// Filing date; defaults to today in the authority's time zone.
    #[schema(pattern = "^\\s*([0-9]{4}-[0-9]{2}-[0-9]{2}\\s*)?$")]
    pub filed_on: Option<String>,
    /// `standard` (the default), `20wd`, `10wd`, `5wd`, `1wd` or `same-day`,
    /// as the service offers; at most 200 characters.
    #[schema(max_length = 200)]
    pub urgency: Option<String>,
    /// Ids of fee reductions the holder claims, each at most 200 characters.
    #[serde(default)]
    #[schema(schema_with = reductions_schema)]
    pub reductions: Vec<String>,
    /// Issue date for the validity; defaults to the processing deadline.
    #[schema(pattern = "^\\s*([0-9]{4}-[0-9]{2}-[0-9]{2}\\s*)?$")]
    pub issued_on: Option<String>,
    /// The expiry date of the holder's passport or travel document, where
    /// the validity depends on it.
    #[schema(pattern = "^\\s*([0-9]{4}-[0-9]{2}-[0-9]{2}\\s*)?$")]
    pub passport_expires: Option<String>,
    /// The last day of the granted right of stay, where the validity
    /// depends on it.
    #[schema(pattern = "^\\s*([0-9]{4}-[0-9]{2}-[0-9]{2}\\s*)?$")]
    pub stay_until: Option<String>,
    /// The expiry date of the holder's national identity document, where
    /// the validity depends on it.
    #[schema(pattern = "^\\s*([0-9]{4}-[0-9]{2}-[0-9]{2}\\s*)?$")]
    pub id_document_expires: Option<String>,
}

/// `reductions`: ids of at most 200 characters.
fn reductions_schema() -> utoipa::openapi::schema::Array {
    use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Type};
    ArrayBuilder::new()
        .items(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .max_length(Some(200)),
        )
        .description(Some(
            "Ids of fee reductions the holder claims, each at most 200 characters.",
        ))
        .build()
}

impl From<QuoteRequestBody> for QuoteInput {
    fn from(b: QuoteRequestBody) -> Self {
        QuoteInput {
            service: b.service,
            birth_date: b.birth_date,
            filed_on: b.filed_on,
            urgency: b.urgency,
            reductions: b.reductions,
            issued_on: b.issued_on,
            passport_expires: b.passport_expires,
            stay_until: b.stay_until,
            id_document_expires: b.id_document_expires,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
pub struct QuoteLineBody {
    pub code: String,
    pub label: String,
    /// Minor units (bani, cents); negative for a reduction.
    pub amount_minor: i64,
}

/// The answer: the same object `ghiseu quote` prints.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
pub struct QuoteResponse {
    pub service: String,
    pub authority: String,
    /// ISO 4217 code.
    pub currency: String,
    pub urgency: String,
    pub lines: Vec<QuoteLineBody>,
    pub total_minor: i64,
    pub filed_on: String,
    /// `YYYY-MM-DD`, or null where there is nothing to process.
    pub processing_deadline: Option<String>,
    /// The date the validity is counted from.
    pub issued_on: String,
    /// `YYYY-MM-DD`; null for a lifetime document or one that does not expire.
    pub valid_until: Option<String>,
    /// `dated`, `lifetime` or `none`.
    pub validity: String,
}

impl QuoteResponse {
    pub fn new(quote: &Quote, authority: &Authority, lang: Lang) -> Self {
        QuoteResponse {
            service: quote.service.clone(),
            authority: authority.id.clone(),
            currency: quote.currency.code().to_string(),
            urgency: quote.urgency.clone(),
            lines: quote
                .lines
                .iter()
                .map(|l| QuoteLineBody {
                    code: l.code.clone(),
                    label: l.label.get(lang).to_string(),
                    amount_minor: l.amount_minor,
                })
                .collect(),
            total_minor: quote.total_minor,
            filed_on: quote.filed_on.to_string(),
            processing_deadline: quote.processing_deadline.map(|d| d.to_string()),
            issued_on: quote.issued_on.to_string(),
            valid_until: quote.validity.until().map(|d| d.to_string()),
            validity: quote.validity.kind().to_string(),
        }
    }
}

fn texts(t: &LocalText) -> Texts {
    t.languages()
        .map(|l| (l.code().to_string(), t.get(l).to_string()))
        .collect()
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ServiceList {
    pub services: Vec<ServiceSummary>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ServiceSummary {
    pub id: String,
    pub authority: String,
    pub code: Option<String>,
    pub name: Texts,
    pub summary: Texts,
    pub currency: String,
    /// Urgency ids, the default first.
    pub urgencies: Vec<String>,
    /// The API resource and the public page.
    pub href: String,
    pub page: String,
}

impl ServiceSummary {
    pub fn new(authority: &Authority, service: &Service) -> Self {
        ServiceSummary {
            id: service.id.clone(),
            authority: authority.id.clone(),
            code: service.code.clone(),
            name: texts(&service.name),
            summary: texts(&service.summary),
            currency: authority.currency.code().to_string(),
            urgencies: ghiseu_domain::quote::offered_urgencies(service),
            href: format!("/api/v1/services/{}", service.id),
            page: format!("/en/services/{}", service.id),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AuthorityBody {
    pub id: String,
    pub country: String,
    pub name: Texts,
    pub time_zone: String,
    pub currency: String,
    pub payment_methods: Texts,
    pub payment_instructions: Texts,
    pub payment_account: Option<String>,
    pub offices: Vec<OfficeBody>,
}

/// An office and the part of the country it serves.
#[derive(Debug, Serialize, ToSchema)]
pub struct OfficeBody {
    pub id: String,
    pub name: Texts,
    pub address: Texts,
    pub time_zone: String,
    /// ISO 3166-2 divisions whose residents it serves; `["*"]` for the whole country.
    pub covers: Vec<String>,
}

fn office(o: &ghiseu_domain::catalogue::Office) -> OfficeBody {
    OfficeBody {
        id: o.id.clone(),
        name: texts(&o.name),
        address: texts(&o.address),
        time_zone: o.time_zone_name.clone(),
        covers: match &o.coverage {
            ghiseu_domain::catalogue::Coverage::Country => vec!["*".to_string()],
            ghiseu_domain::catalogue::Coverage::Regions(codes) => codes.clone(),
        },
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ServiceDetail {
    pub id: String,
    pub code: Option<String>,
    pub authority: AuthorityBody,
    pub name: Texts,
    pub summary: Texts,
    pub eligibility: Texts,
    pub notes: Vec<Texts>,
    pub biometrics: BiometricsBody,
    pub validity: ValidityBody,
    pub categories: Vec<CategoryBody>,
    pub urgencies: Vec<UrgencyBody>,
    pub reductions: Vec<ReductionBody>,
    pub questions: Vec<QuestionBody>,
    pub renewal_notice_days: Option<u32>,
    /// Identity assurance levels with which a person may apply: `email`,
    /// `in-person`, `card`.
    pub assurance: Vec<String>,
    /// Whether a quote needs the holder's birth date.
    pub needs_birth_date: bool,
    /// For a service approving invitations for foreigners: its rules.
    pub invitation: Option<InvitationRulesBody>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BiometricsBody {
    pub facial_image: bool,
    pub fingerprints: bool,
    pub fingerprints_from_age: Option<i16>,
}

/// The validity rule: `kind` is `none`, `lifetime`, `fixed`, `by-age-band`,
/// `until-birthday`, `granted-stay` or `same-as-document`.
#[derive(Debug, Serialize, ToSchema)]
pub struct ValidityBody {
    pub kind: String,
    pub months: Option<i32>,
    pub bands: Vec<TermBandBody>,
    pub birthdays: Vec<i16>,
    pub lifetime_from_age: Option<i16>,
    /// Documents whose dates the rule needs: `passport`, `id-document`.
    pub documents: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TermBandBody {
    pub under_age: Option<i16>,
    pub months: i32,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CategoryBody {
    pub id: String,
    pub name: Texts,
    pub from_age: Option<i16>,
    pub under_age: Option<i16>,
    pub domicile_abroad: bool,
    pub documents: Vec<DocumentBody>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentBody {
    pub id: String,
    pub name: Texts,
    pub when: Option<Texts>,
    pub original: bool,
    pub copy: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UrgencyBody {
    pub id: String,
    pub default: bool,
    /// `none`, `same-day`, `working-days` or `calendar-days`.
    pub processing: String,
    pub days: Option<u32>,
    pub fees: Vec<FeeLineBody>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FeeLineBody {
    pub code: String,
    pub label: Texts,
    pub amounts: Vec<AgeAmountBody>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AgeAmountBody {
    pub under_age: Option<i16>,
    pub amount_minor: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReductionBody {
    pub id: String,
    pub name: Texts,
    pub conditions: Texts,
    pub applies: Vec<ReductionApplyBody>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReductionApplyBody {
    pub urgency: String,
    pub line: String,
    pub amount_minor: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct QuestionBody {
    pub id: String,
    pub label: Texts,
    pub required: bool,
    pub options: Vec<QuestionOptionBody>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct QuestionOptionBody {
    pub id: String,
    pub label: Texts,
}

fn validity(rule: &ValidityRule) -> ValidityBody {
    let mut body = ValidityBody {
        kind: String::new(),
        months: None,
        bands: Vec::new(),
        birthdays: Vec::new(),
        lifetime_from_age: None,
        documents: Vec::new(),
    };
    let doc = |d: &ghiseu_domain::catalogue::HolderDocument| match d {
        ghiseu_domain::catalogue::HolderDocument::Passport => "passport".to_string(),
        ghiseu_domain::catalogue::HolderDocument::IdDocument => "id-document".to_string(),
    };
    body.kind = match rule {
        ValidityRule::None => "none",
        ValidityRule::Lifetime => "lifetime",
        ValidityRule::Fixed(term) => {
            body.months = Some(term.total_months());
            "fixed"
        }
        ValidityRule::ByAgeBand(bands) => {
            body.bands = bands
                .iter()
                .map(|b: &TermBand| TermBandBody {
                    under_age: b.under_age,
                    months: b.term.total_months(),
                })
                .collect();
            "by-age-band"
        }
        ValidityRule::UntilBirthday {
            birthdays,
            lifetime_from_age,
        } => {
            body.birthdays = birthdays.clone();
            body.lifetime_from_age = *lifetime_from_age;
            "until-birthday"
        }
        ValidityRule::GrantedStay { capped_by } => {
            body.documents = capped_by.iter().map(doc).collect();
            "granted-stay"
        }
        ValidityRule::SameAsDocument(d) => {
            body.documents = vec![doc(d)];
            "same-as-document"
        }
    }
    .to_string();
    body
}

fn category(c: &Category) -> CategoryBody {
    CategoryBody {
        id: c.id.clone(),
        name: texts(&c.name),
        from_age: c.from_age,
        under_age: c.under_age,
        domicile_abroad: c.domicile_abroad,
        documents: c.documents.iter().map(document).collect(),
    }
}

fn document(d: &RequiredDocument) -> DocumentBody {
    DocumentBody {
        id: d.id.clone(),
        name: texts(&d.name),
        when: d.when.as_ref().map(texts),
        original: d.original,
        copy: d.copy,
    }
}

impl ServiceDetail {
    pub fn new(authority: &Authority, service: &Service) -> Self {
        ServiceDetail {
            id: service.id.clone(),
            code: service.code.clone(),
            authority: AuthorityBody {
                id: authority.id.clone(),
                country: authority.country.code().to_string(),
                name: texts(&authority.name),
                time_zone: authority.time_zone_name.clone(),
                currency: authority.currency.code().to_string(),
                payment_methods: texts(&authority.payment.methods),
                payment_instructions: texts(&authority.payment.instructions),
                payment_account: authority.payment.account.clone(),
                offices: authority.offices.iter().map(office).collect(),
            },
            assurance: service
                .assurance
                .iter()
                .map(|l| l.code().to_string())
                .collect(),
            name: texts(&service.name),
            summary: texts(&service.summary),
            eligibility: texts(&service.eligibility),
            notes: service.notes.iter().map(texts).collect(),
            biometrics: BiometricsBody {
                facial_image: service.biometrics.facial_image,
                fingerprints: service.biometrics.fingerprints,
                fingerprints_from_age: service.biometrics.fingerprints_from_age,
            },
            validity: validity(&service.validity),
            categories: service.categories.iter().map(category).collect(),
            urgencies: service
                .urgencies
                .iter()
                .map(|u| {
                    let (processing, days) = match u.processing {
                        ProcessingTerm::None => ("none", None),
                        ProcessingTerm::SameDay => ("same-day", None),
                        ProcessingTerm::WorkingDays(n) => ("working-days", Some(n)),
                        ProcessingTerm::CalendarDays(n) => ("calendar-days", Some(n)),
                    };
                    UrgencyBody {
                        id: u.id.clone(),
                        default: u.default,
                        processing: processing.to_string(),
                        days,
                        fees: u
                            .fees
                            .iter()
                            .map(|f| FeeLineBody {
                                code: f.code.clone(),
                                label: texts(&f.label),
                                amounts: f
                                    .amounts
                                    .iter()
                                    .map(|a| AgeAmountBody {
                                        under_age: a.under_age,
                                        amount_minor: a.minor,
                                    })
                                    .collect(),
                            })
                            .collect(),
                    }
                })
                .collect(),
            reductions: service
                .reductions
                .iter()
                .map(|r| ReductionBody {
                    id: r.id.clone(),
                    name: texts(&r.name),
                    conditions: texts(&r.conditions),
                    applies: r
                        .applies
                        .iter()
                        .map(|a| ReductionApplyBody {
                            urgency: a.urgency.clone(),
                            line: a.line.clone(),
                            amount_minor: a.minor,
                        })
                        .collect(),
                })
                .collect(),
            questions: service
                .questions
                .iter()
                .map(|q| QuestionBody {
                    id: q.id.clone(),
                    label: texts(&q.label),
                    required: q.required,
                    options: q
                        .options
                        .iter()
                        .map(|o| QuestionOptionBody {
                            id: o.id.clone(),
                            label: texts(&o.label),
                        })
                        .collect(),
                })
                .collect(),
            renewal_notice_days: service.renewal_notice_days,
            needs_birth_date: service.needs_birth_date(),
            invitation: service.invitation.as_ref().map(InvitationRulesBody::new),
        }
    }
}
