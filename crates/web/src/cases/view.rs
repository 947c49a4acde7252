//! One application as its people see it: what it is, where it stands, what
//! to do next, the answers (editable while a draft or returned) and the
//! timeline of everything that happened.

use super::access::citizen_case;
use super::case_href;
use super::problems::CaseProblem;
use crate::AppState;
use crate::accounts::CurrentPerson;
use crate::done::Confirmed;
use crate::error::ApiError;
use crate::pages::{Frame, PageError, PageLang, finish, html};
use askama::Template;
use axum::extract::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use ghiseu_app::cases::draft::{self, SaveRefusal};
use ghiseu_domain::case::application::{Answers, checklist};
use ghiseu_domain::case::{Actor, CaseNote, CaseState, allowed_actions};
use ghiseu_domain::catalogue::{Authority, Lang, Service};
use ghiseu_i18n::Tr;
use ghiseu_storage::cases::{self, CaseRecord};
use ghiseu_storage::payments::PaymentOrder;
use jiff::civil::Date;
use std::collections::BTreeMap;

pub(crate) struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub(crate) struct QuestionView {
    pub id: String,
    pub label: String,
    pub required: bool,
    pub options: Vec<Choice>,
}

/// One required document and the scan that currently stands for it.
pub(crate) struct DocumentView {
    pub requirement: String,
    pub name: String,
    pub when: Option<String>,
    pub scan: Option<ScanView>,
    /// What is wrong with this document, said next to its file field.
    pub error: Option<String>,
}

pub(crate) struct ScanView {
    pub href: String,
    pub file_name: String,
    pub size: String,
    pub status: String,
    pub reason: Option<String>,
    pub rejected: bool,
}

pub(crate) struct TimelineLine {
    pub when: String,
    pub what: String,
    pub reason: Option<String>,
}

#[derive(Template)]
#[template(path = "cases/case.html")]
pub(super) struct CasePage<'a> {
    frame: Frame<'a>,
    id: String,
    reference: Option<String>,
    service_name: String,
    holder: String,
    state_name: String,
    next_step: String,
    office: Option<String>,
    deadline: Option<String>,
    fee: Option<String>,
    category: Option<String>,
    documents: Vec<DocumentView>,
    upload_limit: String,
    payment: Option<String>,
    /// What to do when the fee is paid outside the portal.
    pay_at_counter: Option<String>,
    appointment: Option<super::appointment::AppointmentView>,
    /// The new-appointment page for this case, while it may take one.
    book_href: Option<String>,
    /// The offices to choose from, for a service routed to a chosen office.
    offices: Vec<Choice>,
    /// `Some(checked)` when the service has categories for holders living abroad.
    domicile_abroad: Option<bool>,
    editable: bool,
    can_submit: bool,
    can_withdraw: bool,
    urgencies: Vec<Choice>,
    reductions: Vec<Choice>,
    questions: Vec<QuestionView>,
    timeline: Vec<TimelineLine>,
    version: i64,
    csrf: String,
    problems: Vec<super::problems::CaseProblem>,
    /// The document issued electronically: its number, file and QR text.
    issued: Option<IssuedView>,
    /// What the request states about its holder, filled in from the
    /// confirmed identity: (label, value).
    prefilled: Vec<(String, String)>,
    /// For a request to approve an invitation: what it states.
    invitation: Option<super::invitation::Summary>,
    /// While the application is returned: what the office asked for.
    returned: Option<String>,
}

/// The pre-filled details as lines of the case page.
fn prefilled_lines(
    t: Tr<'_>,
    prefilled: Option<ghiseu_app::issuance::Prefilled>,
) -> Vec<(String, String)> {
    use ghiseu_app::issuance::Prefilled;
    let line = |key: &str, value: String| (t.m(key), value);
    match prefilled {
        None => Vec::new(),
        Some(Prefilled::Person {
            name,
            personal_id,
            birth_date,
            civil,
        }) => [
            Some(line("certificate-holder", name)),
            Some(line("certificate-personal-id", personal_id)),
            birth_date
                .and_then(|b| b.parse().ok())
                .map(|b| line("certificate-birth", t.date(b))),
            civil
                .birth_place
                .map(|p| line("case-prefilled-birth-place", p)),
            civil.father.map(|f| line("case-prefilled-father", f)),
            civil.mother.map(|m| line("case-prefilled-mother", m)),
        ]
        .into_iter()
        .flatten()
        .collect(),
        Some(Prefilled::Organisation {
            name,
            registration_code,
            representative,
        }) => vec![
            line("certificate-holder", name),
            line("certificate-registration-code", registration_code),
            line("certificate-representative", representative),
        ],
    }
}

struct IssuedView {
    number: String,
    href: String,
    seal: String,
}

fn answers_of(case: &CaseRecord) -> Answers {
    serde_json::from_str(&case.answers).unwrap_or_default()
}

pub(super) async fn render<'a>(
    state: &'a AppState,
    lang: Lang,
    current: &CurrentPerson,
    case: &CaseRecord,
    mut problems: Vec<super::problems::CaseProblem>,
) -> Result<CasePage<'a>, ApiError> {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let found = state.catalogue.service(&case.service_id);
    let service_name = found.map_or_else(
        || case.service_id.clone(),
        |(_, s)| s.name.get(lang).to_string(),
    );
    let current_state = ghiseu_app::cases::moves::state_of(case)?;
    let allowed = allowed_actions(current_state, Actor::Applicant);
    let answers = answers_of(case);
    let (urgencies, reductions, questions, documents, category) = match found {
        Some((authority, service)) => form_parts(state, t, authority, service, case, &answers),
        None => Default::default(),
    };
    let (timeline, returned) = timeline(state, t, case, found).await?;
    let returned = returned.filter(|_| current_state == ghiseu_domain::case::CaseState::Returned);
    let order = ghiseu_storage::payments::for_case(&state.db, &case.id).await?;
    let (appointment, book_href) = super::appointment::parts(state, t, case).await?;
    let fee = case
        .fee_minor
        .zip(found)
        .map(|(minor, (a, _))| t.money(minor, a.currency));
    let documents = super::invitation::with_inviter_copies(state, lang, case, documents).await?;
    let mut documents = document_views(state, t, lang, case, documents).await?;
    let names: Vec<(&str, &str)> = documents
        .iter()
        .map(|d| (d.requirement.as_str(), d.name.as_str()))
        .collect();
    super::problems::name_documents(t, &mut problems, &names);
    for document in &mut documents {
        document.error = problems
            .iter()
            .find(|p| p.requirement.as_deref() == Some(&document.requirement))
            .map(|p| p.text.clone());
    }
    let invitation = super::invitation::summary(state, t, case).await?;
    let limit_mib = found.map_or(5, |(a, _)| a.max_upload_bytes.div_ceil(1024 * 1024));
    let upload_limit = t.with(
        "case-upload-hint",
        &[(
            "mib",
            crate::i18n::Arg::from(i64::try_from(limit_mib).unwrap_or(5)),
        )],
    );
    Ok(CasePage {
        frame: Frame::new(
            state,
            lang,
            service_name.clone(),
            &format!("applications/{}", case.id),
        )
        .texts_of(found.map(|(authority, _)| authority)),
        id: case.id.clone(),
        reference: case.reference.clone(),
        service_name,
        holder: format!("{} {}", case.holder_given_name, case.holder_family_name),
        state_name: t.m(&format!("case-state-{}", case.state)),
        next_step: t.m(&format!("case-next-{}", case.state)),
        office: case
            .office_id
            .as_deref()
            .and_then(|o| state.catalogue.office(o))
            .map(|o| format!("{}, {}", o.name.get(lang), o.address.get(lang))),
        deadline: case
            .deadline
            .as_deref()
            .and_then(|d| d.parse::<Date>().ok())
            .map(|d| t.date(d)),
        fee,
        category,
        documents,
        upload_limit,
        domicile_abroad: found
            .filter(|(_, s)| s.categories.iter().any(|c| c.domicile_abroad))
            .map(|_| answers.domicile_abroad),
        offices: office_choices(lang, found, &answers),
        payment: order
            .as_ref()
            .map(|_| crate::payments::payment_href(lang, &case.id)),
        pay_at_counter: order
            .as_ref()
            .and_then(|o| pay_at_counter(state, t, case, o)),
        appointment,
        book_href,
        editable: current_state.is_editable() && state.documents.is_some(),
        can_submit: allowed
            .iter()
            .any(|a| matches!(a.code(), "submit" | "resubmit")),
        can_withdraw: allowed.iter().any(|a| a.code() == "withdraw"),
        urgencies,
        reductions,
        questions,
        timeline,
        version: case.version,
        csrf: current.session.csrf_token.clone(),
        problems,
        issued: ghiseu_app::issuance::file_of_case(state, &case.id)
            .await?
            .map(|(number, file)| IssuedView {
                number,
                href: format!("/api/v1/cases/{}/document", case.id),
                seal: file.seal,
            }),
        prefilled: prefilled_lines(t, ghiseu_app::issuance::prefilled(state, case).await?),
        invitation,
        returned,
    })
}

type Found<'c> = Option<(&'c Authority, &'c Service)>;

/// For a fee still due that the portal takes no payment for: pay as the
/// authority says and bring the proof to the counter.
fn pay_at_counter(
    state: &AppState,
    t: Tr<'_>,
    case: &CaseRecord,
    order: &PaymentOrder,
) -> Option<String> {
    let counter = ghiseu_app::payments::paid_at_counter(order);
    if !counter || !order.payable() || case.state != CaseState::FeeDue.code() {
        return None;
    }
    let instructions = state
        .catalogue
        .authority(&case.authority_id)
        .map_or_else(String::new, |a| {
            a.payment.instructions.get(t.lang).to_string()
        });
    Some(t.with(
        "payment-at-counter",
        &[
            ("reference", crate::i18n::text_arg(order.reference.clone())),
            ("instructions", crate::i18n::text_arg(instructions)),
        ],
    ))
}

/// The case's history as the person reads it, in the authority's time.
/// An instant as people read it where the case is handled: the day and
/// the time in `zone`.
pub(crate) fn local_moment(t: Tr<'_>, micros: i64, zone: &jiff::tz::TimeZone) -> String {
    jiff::Timestamp::from_microsecond(micros)
        .map(|at| {
            let local = at.to_zoned(zone.clone());
            format!("{} {}", t.date(local.date()), t.time(local.time()))
        })
        .unwrap_or_default()
}

/// The case's timeline, and the reason it was last returned for.
async fn timeline(
    state: &AppState,
    t: Tr<'_>,
    case: &CaseRecord,
    found: Found<'_>,
) -> Result<(Vec<TimelineLine>, Option<String>), ApiError> {
    let events = cases::events(&state.db, &case.id).await?;
    let returned = events
        .iter()
        .rev()
        .find(|e| e.action == "return")
        .and_then(|e| e.reason.clone());
    let lines = events
        .into_iter()
        .map(|e| TimelineLine {
            when: local_moment(
                t,
                e.at,
                &found.map_or(jiff::tz::TimeZone::UTC, |(a, _)| a.time_zone.clone()),
            ),
            what: event_text(state, t, &e.action, e.reason.as_deref()),
            reason: e
                .reason
                .filter(|_| e.action != CaseNote::BiometricsCaptured.code()),
        })
        .collect();
    Ok((lines, returned))
}

/// The checklist's documents, each with its current scan if any.
async fn document_views(
    state: &AppState,
    t: Tr<'_>,
    lang: Lang,
    case: &CaseRecord,
    documents: Vec<(String, String, Option<String>)>,
) -> Result<Vec<DocumentView>, ApiError> {
    let scans = ghiseu_storage::case_documents::current(&state.db, &case.id).await?;
    Ok(documents
        .into_iter()
        .map(|(requirement, name, when)| {
            let scan = scans
                .iter()
                .find(|s| s.requirement_id == requirement)
                .map(|s| ScanView {
                    href: format!("{}/documents/{}", case_href(lang, &case.id), s.id),
                    file_name: s.file_name.clone(),
                    size: t.with(
                        "case-scan-size",
                        &[("kib", crate::i18n::Arg::from((s.size_bytes + 1023) / 1024))],
                    ),
                    status: t.m(&format!("case-scan-{}", s.review)),
                    reason: s.review_reason.clone(),
                    rejected: s.review == "rejected",
                });
            DocumentView {
                requirement,
                name,
                when,
                scan,
                error: None,
            }
        })
        .collect())
}

/// The offices to choose from, for a service filed at a chosen office.
fn office_choices(lang: Lang, found: Found<'_>, answers: &Answers) -> Vec<Choice> {
    match found {
        Some((authority, service))
            if service.routing == ghiseu_domain::catalogue::Routing::ChosenOffice =>
        {
            authority
                .offices
                .iter()
                .map(|o| Choice {
                    value: o.id.clone(),
                    label: o.name.get(lang).to_string(),
                    selected: answers.office.as_ref() == Some(&o.id),
                })
                .collect()
        }
        _ => Vec::new(),
    }
}

/// A history line as the person reads it; a capture of biometrics names
/// the office where it happened (its id is the line's reason).
pub(crate) fn event_text(
    state: &AppState,
    t: Tr<'_>,
    action: &str,
    reason: Option<&str>,
) -> String {
    if action == CaseNote::BiometricsCaptured.code() {
        let office = reason.map_or_else(String::new, |id| {
            state
                .catalogue
                .office(id)
                .map_or_else(|| id.to_string(), |o| o.name.get(t.lang).to_string())
        });
        return t.with(
            "case-event-biometrics-captured",
            &[("office", crate::i18n::text_arg(office))],
        );
    }
    t.m(&format!("case-event-{action}"))
}

type FormParts = (
    Vec<Choice>,
    Vec<Choice>,
    Vec<QuestionView>,
    Vec<(String, String, Option<String>)>,
    Option<String>,
);

fn form_parts(
    state: &AppState,
    t: Tr<'_>,
    authority: &Authority,
    service: &Service,
    case: &CaseRecord,
    answers: &Answers,
) -> FormParts {
    let lang = t.lang;
    let chosen_urgency = answers
        .urgency
        .clone()
        .or_else(|| service.default_urgency().map(|u| u.id.clone()));
    let urgencies = service
        .urgencies
        .iter()
        .map(|u| Choice {
            value: u.id.clone(),
            label: t.urgency(service, &u.id),
            selected: Some(&u.id) == chosen_urgency.as_ref(),
        })
        .collect();
    let reductions = service
        .reductions
        .iter()
        .map(|r| Choice {
            value: r.id.clone(),
            label: r.name.get(lang).to_string(),
            selected: answers.reduction.as_ref() == Some(&r.id),
        })
        .collect();
    let questions = service
        .questions
        .iter()
        .map(|q| QuestionView {
            id: q.id.clone(),
            label: q.label.get(lang).to_string(),
            required: q.required,
            options: q
                .options
                .iter()
                .map(|o| Choice {
                    value: o.id.clone(),
                    label: o.label.get(lang).to_string(),
                    selected: answers.questions.get(&q.id) == Some(&o.id),
                })
                .collect(),
        })
        .collect();
    let category = super::case_category(state, authority, service, case, answers);
    let documents = checklist(category)
        .iter()
        .map(|d| {
            (
                d.id.clone(),
                d.name.get(lang).to_string(),
                crate::pages::catalogue::document_when(t, authority, d),
            )
        })
        .collect();
    (
        urgencies,
        reductions,
        questions,
        documents,
        category.map(|c| c.name.get(lang).to_string()),
    )
}

pub(crate) async fn show(
    State(state): State<AppState>,
    Path((lang, id)): Path<(String, String)>,
    current: CurrentPerson,
    Confirmed(done): Confirmed,
) -> Response {
    let lang = match crate::pages::page_lang(&lang) {
        Ok(l) => l,
        Err(e) => return finish(&state, Err(e)),
    };
    let case = match citizen_case(&state, &current, &id).await {
        Ok(Some((case, _))) => case,
        Ok(None) => return finish(&state, Err(PageError::NotFound(lang))),
        Err(e) => return ApiError::from(e).into_response(),
    };
    match render(&state, lang, &current, &case, Vec::new()).await {
        Ok(mut p) => {
            p.frame = p.frame.confirming(done);
            html(&p)
        }
        Err(e) => e.into_response(),
    }
}

/// The answers form: `urgency`, `reduction`, `q:<question id>`, `version`, `csrf`.
pub(crate) async fn save(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    Path((_, id)): Path<(String, String)>,
    current: CurrentPerson,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.chars().take(100).collect::<String>())
            .unwrap_or_default()
    };
    if !current.csrf_ok(&field("csrf")) {
        let page = crate::accounts::expired(&state, lang, &format!("applications/{id}"));
        return (StatusCode::FORBIDDEN, html(&page)).into_response();
    }
    let case = match citizen_case(&state, &current, &id).await {
        Ok(Some((case, _))) => case,
        Ok(None) => return finish(&state, Err(PageError::NotFound(lang))),
        Err(e) => return ApiError::from(e).into_response(),
    };
    let questions: BTreeMap<String, String> = fields
        .iter()
        .filter_map(|(k, v)| {
            let q = k.strip_prefix("q:")?;
            (!v.is_empty()).then(|| (q.chars().take(64).collect(), v.chars().take(64).collect()))
        })
        .take(32)
        .collect();
    let answers = Answers {
        urgency: Some(field("urgency")).filter(|u| !u.is_empty()),
        reduction: Some(field("reduction")).filter(|r| !r.is_empty()),
        questions,
        domicile_abroad: field("domicile_abroad") == "yes",
        office: Some(field("office")).filter(|o| !o.is_empty()),
    };
    let version: i64 = field("version").parse().unwrap_or(0);
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let (status, problems) = match draft::save_answers(&state, &case, &answers, version).await {
        Ok(Ok(())) => {
            let to = crate::done::Done::CaseSaved.after(&case_href(lang, &case.id));
            return Redirect::to(&to).into_response();
        }
        Ok(Err(SaveRefusal::ServiceGone)) => return finish(&state, Err(PageError::NotFound(lang))),
        Ok(Err(SaveRefusal::Problems(gaps))) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            CaseProblem::of_gaps(t, &gaps),
        ),
        Ok(Err(SaveRefusal::Stale)) => (
            StatusCode::CONFLICT,
            vec![CaseProblem::plain(t.m("case-refused-stale"))],
        ),
        Err(e) => return ApiError::from(e).into_response(),
    };
    match render(&state, lang, &current, &case, problems).await {
        Ok(p) => (status, html(&p)).into_response(),
        Err(e) => e.into_response(),
    }
}
