//! The catalogue pages: every authority's services, and one page per service.

use super::{Frame, PageError, finish, html, page_lang};
use crate::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use ghiseu_domain::account::AssuranceLevel;
use ghiseu_domain::catalogue::{Audience, Authority, Lang, Service};
use ghiseu_i18n::Tr;

pub(crate) struct ServiceLink {
    pub name: String,
    pub summary: String,
    pub href: String,
}

pub(crate) struct AuthorityBlock {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub href: String,
    pub services: Vec<ServiceLink>,
}

fn authority_block(t: Tr<'_>, lang: Lang, authority: &Authority) -> AuthorityBlock {
    authority_block_of(t, lang, authority, |_| true)
}

/// The authority with those of its services `shown` keeps.
fn authority_block_of(
    t: Tr<'_>,
    lang: Lang,
    authority: &Authority,
    shown: impl Fn(&Service) -> bool,
) -> AuthorityBlock {
    AuthorityBlock {
        id: authority.id.clone(),
        name: authority.name.get(lang).to_string(),
        summary: authority.summary.get(lang).to_string(),
        href: format!("/{}/authorities/{}", lang.code(), authority.id),
        services: authority
            .services
            .iter()
            .filter(|s| shown(s))
            .map(|s| ServiceLink {
                name: s.name.get(t.lang).to_string(),
                summary: s.summary.get(t.lang).to_string(),
                href: format!("/{}/services/{}", lang.code(), s.id),
            })
            .collect(),
    }
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage<'a> {
    frame: Frame<'a>,
    authorities: Vec<AuthorityBlock>,
    /// The filters' choices: (value, label, chosen).
    authority_choices: Vec<(String, String, bool)>,
    audience_choices: Vec<(String, String, bool)>,
    filtered: bool,
}

/// The service list's filters, as the home page's form sends them.
#[derive(serde::Deserialize, Default)]
pub(crate) struct ListFilter {
    #[serde(default)]
    authority: String,
    #[serde(default, rename = "for")]
    audience: String,
}

pub(crate) async fn home(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    axum::extract::Query(filter): axum::extract::Query<ListFilter>,
) -> Response {
    let result = page_lang(&lang).map(|lang| {
        let t = Tr {
            i18n: &state.i18n,
            lang,
        };
        let audience = Audience::parse(&filter.audience);
        let authorities = state
            .catalogue
            .authorities()
            .iter()
            .filter(|a| filter.authority.is_empty() || a.id == filter.authority)
            .map(|a| {
                let mut block = authority_block(t, lang, a);
                if let Some(audience) = audience {
                    let kept: Vec<bool> = a
                        .services
                        .iter()
                        .map(|s| s.audience() == audience)
                        .collect();
                    let mut keep = kept.into_iter();
                    block.services.retain(|_| keep.next().unwrap_or(false));
                }
                block
            })
            .filter(|b| !b.services.is_empty())
            .collect();
        let page = HomePage {
            frame: Frame::new(&state, lang, t.m("home-title"), "").texts_of(
                state
                    .catalogue
                    .authorities()
                    .iter()
                    .filter(|a| filter.authority.is_empty() || a.id == filter.authority),
            ),
            authorities,
            authority_choices: state
                .catalogue
                .authorities()
                .iter()
                .map(|a| {
                    (
                        a.id.clone(),
                        a.name.get(lang).to_string(),
                        a.id == filter.authority,
                    )
                })
                .collect(),
            audience_choices: Audience::ALL
                .into_iter()
                .map(|a| {
                    let code = a.code();
                    (
                        code.to_string(),
                        t.m(&format!("home-for-{code}")),
                        Some(a) == audience,
                    )
                })
                .collect(),
            filtered: !filter.authority.is_empty() || audience.is_some(),
        };
        html(&page)
    });
    finish(&state, result)
}

#[derive(Template)]
#[template(path = "authority.html")]
struct AuthorityPage<'a> {
    frame: Frame<'a>,
    authority: AuthorityBlock,
    contact: Option<String>,
    payment_methods: String,
    payment_instructions: String,
    home_href: String,
}

pub(crate) async fn authority(
    State(state): State<AppState>,
    Path((lang, id)): Path<(String, String)>,
) -> Response {
    let result = page_lang(&lang).and_then(|lang| {
        let authority = state
            .catalogue
            .authority(&id)
            .ok_or(PageError::NotFound(lang))?;
        let t = Tr {
            i18n: &state.i18n,
            lang,
        };
        let page = AuthorityPage {
            frame: Frame::new(
                &state,
                lang,
                authority.name.get(lang).to_string(),
                &format!("authorities/{id}"),
            )
            .texts_of([authority]),
            authority: authority_block(t, lang, authority),
            contact: authority.contact.as_ref().map(|c| c.get(lang).to_string()),
            payment_methods: authority.payment.methods.get(lang).to_string(),
            payment_instructions: authority.payment.instructions.get(lang).to_string(),
            home_href: format!("/{}/", lang.code()),
        };
        Ok(html(&page))
    });
    finish(&state, result)
}

pub(crate) struct DocumentRow {
    pub name: String,
    pub when: Option<String>,
    pub form: Option<String>,
}

/// When a document is needed, in the reader's words: its condition, or for a
/// fee receipt the portal stands in for, that paying here is enough.
pub(crate) fn document_when(
    t: Tr<'_>,
    authority: &Authority,
    d: &ghiseu_domain::catalogue::RequiredDocument,
) -> Option<String> {
    if d.paid_here(authority.payment.scheme) {
        return Some(t.m("document-fee-paid-here"));
    }
    d.when.as_ref().map(|w| w.get(t.lang).to_string())
}

fn document_row(
    t: Tr<'_>,
    authority: &Authority,
    d: &ghiseu_domain::catalogue::RequiredDocument,
) -> DocumentRow {
    DocumentRow {
        name: d.name.get(t.lang).to_string(),
        when: document_when(t, authority, d),
        form: match (d.original, d.copy) {
            (true, true) => Some(t.m("document-original-and-copy")),
            (true, false) => Some(t.m("document-original")),
            (false, true) => Some(t.m("document-copy")),
            (false, false) => None,
        },
    }
}

/// An invitation service's rules as its page states them.
pub(crate) struct InvitationBlock {
    pub limits: String,
    /// Each kind of inviter, with the copies it attaches besides the others.
    pub inviters: Vec<CategoryBlock>,
    pub purposes: Vec<String>,
}

fn invitation_block(
    t: Tr<'_>,
    authority: &Authority,
    service: &ghiseu_domain::catalogue::Service,
) -> Option<InvitationBlock> {
    let rules = service.invitation.as_ref()?;
    let lang = t.lang;
    Some(InvitationBlock {
        limits: t.with(
            "service-invitation-limits",
            &[
                ("days", crate::i18n::number_arg(rules.max_stay_days.into())),
                (
                    "margin",
                    crate::i18n::number_arg(rules.passport_valid_after_stay_days.into()),
                ),
            ],
        ),
        inviters: rules
            .inviters
            .iter()
            .map(|i| CategoryBlock {
                name: i.name.get(lang).to_string(),
                notes: Vec::new(),
                documents: i
                    .documents
                    .iter()
                    .map(|d| document_row(t, authority, d))
                    .collect(),
            })
            .collect(),
        purposes: rules
            .purposes
            .iter()
            .map(|p| p.name.get(lang).to_string())
            .collect(),
    })
}

pub(crate) struct CategoryBlock {
    pub name: String,
    pub notes: Vec<String>,
    pub documents: Vec<DocumentRow>,
}

pub(crate) struct UrgencyRow {
    pub name: String,
    pub fees: Vec<(String, String)>,
    pub total: String,
}

pub(crate) struct ReductionBlock {
    pub name: String,
    pub conditions: String,
    pub applies: Vec<String>,
}

pub(crate) struct QuestionBlock {
    pub label: String,
    pub options: Vec<String>,
}

#[derive(Template)]
#[template(path = "service.html")]
struct ServicePage<'a> {
    frame: Frame<'a>,
    home_href: String,
    authority_name: String,
    authority_href: String,
    summary: String,
    eligibility: String,
    notes: Vec<String>,
    categories: Vec<CategoryBlock>,
    /// For a service approving invitations: who may invite, why, how long.
    invitation: Option<InvitationBlock>,
    /// The authority's offices: (name, address, page).
    offices: Vec<(String, String, String)>,
    questions: Vec<QuestionBlock>,
    urgencies: Vec<UrgencyRow>,
    reductions: Vec<ReductionBlock>,
    validity: Vec<String>,
    biometrics: Vec<String>,
    /// How the applicant's identity must be assured; empty when a verified
    /// e-mail address is enough.
    assurance: Vec<String>,
    payment_methods: String,
    payment_instructions: String,
    calculator_href: String,
    apply_href: String,
    book_href: Option<String>,
}

/// Where a service's reader starts an application, and books a visit when
/// the service takes bookings (signing in on the way, if needed).
pub(crate) fn start_links(lang: Lang, service: &Service) -> (String, Option<String>) {
    let apply = format!("/{}/applications/new?service={}", lang.code(), service.id);
    let book = service
        .appointment
        .as_ref()
        .map(|_| format!("/{}/appointments/new?service={}", lang.code(), service.id));
    (apply, book)
}

fn fee_amount(
    t: Tr<'_>,
    authority: &Authority,
    line: &ghiseu_domain::catalogue::FeeLine,
) -> String {
    if !line.depends_on_age() {
        return line
            .amounts
            .first()
            .map_or_else(String::new, |a| t.money(a.minor, authority.currency));
    }
    let mut from: i64 = 0;
    let mut parts = Vec::new();
    for band in &line.amounts {
        let amount = crate::i18n::text_arg(t.money(band.minor, authority.currency));
        parts.push(match band.under_age {
            Some(under) => {
                let p = t.with(
                    "fee-under-age",
                    &[
                        ("amount", amount),
                        ("age", crate::i18n::number_arg(under.into())),
                    ],
                );
                from = under.into();
                p
            }
            None => t.with(
                "fee-from-age",
                &[("amount", amount), ("age", crate::i18n::number_arg(from))],
            ),
        });
    }
    parts.join("; ")
}

fn service_page<'a>(
    state: &'a AppState,
    lang: Lang,
    authority: &Authority,
    service: &Service,
) -> ServicePage<'a> {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let (apply_href, book_href) = start_links(lang, service);
    let categories = service
        .categories
        .iter()
        .map(|c| CategoryBlock {
            name: c.name.get(lang).to_string(),
            notes: c.notes.iter().map(|n| n.get(lang).to_string()).collect(),
            documents: c
                .documents
                .iter()
                .map(|d| document_row(t, authority, d))
                .collect(),
        })
        .collect();
    let mut urgencies: Vec<&ghiseu_domain::catalogue::Urgency> =
        service.urgencies.iter().filter(|u| u.default).collect();
    urgencies.extend(service.urgencies.iter().filter(|u| !u.default));
    let urgencies = urgencies
        .into_iter()
        .map(|u| {
            let fees: Vec<(String, String)> = u
                .fees
                .iter()
                .map(|f| (f.label.get(lang).to_string(), fee_amount(t, authority, f)))
                .collect();
            let total = if u.fees.iter().any(|f| f.depends_on_age()) {
                String::new()
            } else {
                t.money(
                    u.fees.iter().filter_map(|f| f.amount_for(None)).sum(),
                    authority.currency,
                )
            };
            UrgencyRow {
                name: t.urgency(service, &u.id),
                fees,
                total,
            }
        })
        .collect();
    let reductions = service
        .reductions
        .iter()
        .map(|r| ReductionBlock {
            name: r.name.get(lang).to_string(),
            conditions: r.conditions.get(lang).to_string(),
            applies: r
                .applies
                .iter()
                .map(|a| {
                    t.with(
                        "reduction-applies",
                        &[
                            (
                                "urgency",
                                crate::i18n::text_arg(t.urgency(service, &a.urgency)),
                            ),
                            (
                                "amount",
                                crate::i18n::text_arg(t.money(a.minor, authority.currency)),
                            ),
                        ],
                    )
                })
                .collect(),
        })
        .collect();
    let mut notes: Vec<String> = service
        .notes
        .iter()
        .map(|n| n.get(lang).to_string())
        .collect();
    if let Some(days) = service.renewal_notice_days {
        notes.push(t.with(
            "renewal-notice",
            &[("days", crate::i18n::number_arg(days.into()))],
        ));
    }
    ServicePage {
        frame: Frame::new(
            state,
            lang,
            service.name.get(lang).to_string(),
            &format!("services/{}", service.id),
        )
        .texts_of([authority]),
        home_href: format!("/{}/", lang.code()),
        authority_name: authority.name.get(lang).to_string(),
        authority_href: format!("/{}/authorities/{}", lang.code(), authority.id),
        summary: service.summary.get(lang).to_string(),
        eligibility: service.eligibility.get(lang).to_string(),
        notes,
        categories,
        invitation: invitation_block(t, authority, service),
        offices: authority
            .offices
            .iter()
            .map(|o| {
                (
                    o.name.get(lang).to_string(),
                    o.address.get(lang).to_string(),
                    format!("/{}/offices/{}", lang.code(), o.id),
                )
            })
            .collect(),
        questions: service
            .questions
            .iter()
            .map(|q| QuestionBlock {
                label: q.label.get(lang).to_string(),
                options: q
                    .options
                    .iter()
                    .map(|o| o.label.get(lang).to_string())
                    .collect(),
            })
            .collect(),
        urgencies,
        reductions,
        validity: t.validity(&service.validity),
        biometrics: t.biometrics(service.biometrics),
        assurance: if service.accepts(AssuranceLevel::Email) {
            Vec::new()
        } else {
            service
                .assurance
                .iter()
                .map(|l| t.m(&format!("service-assurance-{}", l.code())))
                .collect()
        },
        payment_methods: authority.payment.methods.get(lang).to_string(),
        payment_instructions: authority.payment.instructions.get(lang).to_string(),
        calculator_href: format!("/{}/services/{}/calculator", lang.code(), service.id),
        apply_href,
        book_href,
    }
}

pub(crate) async fn service(
    State(state): State<AppState>,
    Path((lang, id)): Path<(String, String)>,
) -> Response {
    let result = page_lang(&lang).and_then(|lang| {
        let (authority, service) = state
            .catalogue
            .service(&id)
            .ok_or(PageError::NotFound(lang))?;
        Ok(html(&service_page(&state, lang, authority, service)))
    });
    finish(&state, result)
}
