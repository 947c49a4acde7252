//! An operator checks a person's identity document at the counter: the
//! account rises to "in-person" assurance and its national id is bound.

use super::Staff;
use crate::AppState;
use crate::error::ApiError;
use crate::pages::PageLang;
use crate::pages::{Frame, html};
use askama::Template;
use axum::extract::{Form, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use ghiseu_domain::account::EmailAddress;
use ghiseu_domain::account::grant::{self, GrantRefusal, Grantee};
use ghiseu_domain::catalogue::Lang;
use ghiseu_domain::national_id::{Country, NationalId};
use ghiseu_i18n::Tr;
use ghiseu_storage::accounts::{self, PersonRecord};
use ghiseu_storage::audit;
use ghiseu_storage::identity::{self, CheckRefusal, InPersonCheck};
use serde::Deserialize;

const DOCUMENT_TYPES: [&str; 3] = ["identity-card", "passport", "residence-permit"];

pub(crate) struct Found {
    pub id: String,
    pub email: String,
    pub assurance: String,
}

#[derive(Template)]
#[template(path = "office/identity.html")]
struct IdentityPage<'a> {
    frame: Frame<'a>,
    errors: Vec<crate::accounts::FormError>,
    notice: Option<String>,
    query: String,
    searched: bool,
    found: Option<Found>,
    document_types: Vec<(String, String)>,
    csrf: String,
}

#[derive(Deserialize, Default)]
pub(crate) struct Search {
    #[serde(default)]
    email: String,
}

async fn page<'a>(
    state: &'a AppState,
    lang: Lang,
    staff: &Staff,
    query: &str,
    errors: Vec<crate::accounts::FormError>,
    notice: Option<String>,
) -> Result<IdentityPage<'a>, ApiError> {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let found = match EmailAddress::parse(query) {
        Ok(email) => accounts::person_by_email(&state.db, email.as_str()).await?,
        Err(_) => None,
    };
    if let Some(person) = &found {
        let event = staff.audit_event(state, "person.viewed", Some(&person.id));
        audit::record(&state.db, &event).await?;
    }
    Ok(IdentityPage {
        frame: Frame::new(state, lang, t.m("office-identity-title"), "office/identity"),
        errors,
        notice,
        query: query.chars().take(254).collect(),
        searched: !query.trim().is_empty(),
        found: found.map(|p: PersonRecord| Found {
            assurance: t.m(&format!("assurance-{}", p.assurance)),
            id: p.id,
            email: p.email,
        }),
        document_types: DOCUMENT_TYPES
            .iter()
            .map(|d| (d.to_string(), t.m(&format!("document-type-{d}"))))
            .collect(),
        csrf: staff.current.session.csrf_token.clone(),
    })
}

pub(crate) async fn form(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    staff: Staff,
    Query(search): Query<Search>,
) -> Response {
    match page(&state, lang, &staff, &search.email, Vec::new(), None).await {
        Ok(p) => html(&p),
        Err(e) => e.into_response(),
    }
}

#[derive(Deserialize)]
pub(crate) struct CheckForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    person_id: String,
    #[serde(default)]
    document_type: String,
    #[serde(default)]
    document_number: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    national_id: String,
    #[serde(default)]
    csrf: String,
}

pub(crate) async fn record(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    staff: Staff,
    Form(form): Form<CheckForm>,
) -> Response {
    if !staff.current.csrf_ok(&form.csrf) {
        return (
            StatusCode::FORBIDDEN,
            html(&crate::accounts::expired(&state, lang, "office/identity")),
        )
            .into_response();
    }
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let mut errors = Vec::new();
    if !DOCUMENT_TYPES.contains(&form.document_type.as_str()) {
        errors.push(crate::accounts::FormError::new(
            t,
            "document_type",
            "office-error-document-type",
        ));
    }
    let number = form.document_number.trim().to_uppercase();
    if !(4..=20).contains(&number.len()) || !number.chars().all(|c| c.is_ascii_alphanumeric()) {
        errors.push(crate::accounts::FormError::new(
            t,
            "document_number",
            "office-error-document-number",
        ));
    }
    let national_id = match form.country.parse::<Country>() {
        Ok(country) => match NationalId::parse(country, &form.national_id) {
            Ok(id) => Some(id),
            Err(e) => {
                errors.push(crate::accounts::FormError {
                    field: "national_id",
                    text: format!("{} {}", t.m("office-error-national-id"), e),
                });
                None
            }
        },
        Err(_) => {
            errors.push(crate::accounts::FormError::new(
                t,
                "country",
                "office-error-country",
            ));
            None
        }
    };
    let mut refused = false;
    if errors.is_empty() {
        match grant_refusal(&state, &staff, &form.person_id).await {
            Ok(None) => {}
            Ok(Some(key)) => {
                refused = key != "office-error-unknown-person";
                errors.push(crate::accounts::FormError::new(t, "email", key));
            }
            Err(e) => return e.into_response(),
        }
    }
    let outcome = match national_id {
        Some(id) if errors.is_empty() => bind(&state, &staff, &form, &number, &id).await,
        _ => Ok(Err(None)),
    };
    let (status, notice) = match outcome {
        Ok(Ok(())) => (StatusCode::OK, Some(t.m("office-identity-done"))),
        Ok(Err(refusal)) => {
            if let Some(refusal) = refusal {
                let key = match refusal {
                    CheckRefusal::NationalIdTaken => "office-error-national-id-taken",
                    CheckRefusal::DifferentNationalId => "office-error-national-id-different",
                    CheckRefusal::UnknownPerson => "office-error-unknown-person",
                };
                errors.push(crate::accounts::FormError::new(t, "national_id", key));
            }
            let status = if refused {
                StatusCode::FORBIDDEN
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            (status, None)
        }
        Err(e) => return e.into_response(),
    };
    match page(&state, lang, &staff, &form.email, errors, notice).await {
        Ok(p) => (status, html(&p)).into_response(),
        Err(e) => e.into_response(),
    }
}

/// Why this member of staff may not check this person, as a message key.
async fn grant_refusal(
    state: &AppState,
    staff: &Staff,
    person_id: &str,
) -> Result<Option<&'static str>, ApiError> {
    let Some(person) = accounts::person_by_id(&state.db, person_id).await? else {
        return Ok(Some("office-error-unknown-person"));
    };
    let posting = ghiseu_storage::staff::posting(&state.db, &person.id).await?;
    let grantee = Grantee {
        person_id: &person.id,
        role: person.role,
        authority_id: posting.authority_id.as_deref(),
    };
    Ok(match grant::identity_check(staff.grantor(), grantee) {
        Ok(()) => None,
        Err(GrantRefusal::SelfGrant) => Some("office-error-grant-self"),
        Err(_) => Some("office-error-grant-staff-representative"),
    })
}

async fn bind(
    state: &AppState,
    staff: &Staff,
    form: &CheckForm,
    number: &str,
    national_id: &NationalId,
) -> Result<Result<(), Option<CheckRefusal>>, ApiError> {
    let now = state.clock.now();
    let check_id = uuid::Uuid::now_v7().to_string();
    let masked = super::mask_document(number, '*');
    let check = InPersonCheck {
        id: &check_id,
        person_id: &form.person_id,
        operator_id: &staff.current.person.id,
        document_type: &form.document_type,
        document_number_masked: &masked,
        national_id_country: national_id.country().code(),
        national_id: national_id.expose(),
        now: now.as_microsecond(),
    };
    let mut tx = state.db.begin_write().await?;
    if let Err(refusal) = identity::record_in_person(&mut tx, &check).await? {
        return Ok(Err(Some(refusal)));
    }
    let mut event = staff.audit_event(state, "identity.checked-in-person", Some(&form.person_id));
    event.detail = serde_json::json!({ "document_type": form.document_type, "document_number": masked, "national_id": national_id.masked() });
    audit::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(Ok(()))
}
