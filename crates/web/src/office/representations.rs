//! An operator records a power of attorney shown at the counter: the
//! representative may then act for the principal on the named case.

use super::Staff;
use crate::AppState;
use crate::accounts::household::{office_choices, today_at};
use crate::accounts::{FormError, error_for};
use crate::error::ApiError;
use crate::pages::{Frame, PageLang, html};
use askama::Template;
use axum::extract::{Form, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use ghiseu_domain::account::EmailAddress;
use ghiseu_domain::account::grant::{self, GrantRefusal, Grantee, NamedCase};
use ghiseu_domain::account::representation::{AttorneyInput, PowerOfAttorney};
use ghiseu_domain::catalogue::Lang;
use ghiseu_i18n::Tr;
use ghiseu_storage::accounts::{self, PersonRecord};
use serde::Deserialize;

#[derive(Deserialize, Default, Clone)]
pub(crate) struct AttorneyForm {
    #[serde(default)]
    principal_email: String,
    #[serde(default)]
    representative_email: String,
    #[serde(default)]
    number: String,
    #[serde(default)]
    issued_on: String,
    #[serde(default)]
    expires_on: String,
    #[serde(default)]
    scope: String,
    #[serde(default)]
    case_reference: String,
    #[serde(default)]
    office: String,
    #[serde(default)]
    csrf: String,
}

impl AttorneyForm {
    /// The form as shown again: every value cut to a sane length.
    fn trimmed(&self) -> AttorneyForm {
        let cut = |s: &str, n: usize| s.chars().take(n).collect::<String>();
        AttorneyForm {
            principal_email: cut(&self.principal_email, 254),
            representative_email: cut(&self.representative_email, 254),
            number: cut(&self.number, 40),
            issued_on: cut(&self.issued_on, 20),
            expires_on: cut(&self.expires_on, 20),
            scope: cut(&self.scope, 300),
            case_reference: cut(&self.case_reference, 40),
            office: cut(&self.office, 64),
            csrf: String::new(),
        }
    }
}

/// One text or date input of the form.
pub(crate) struct Input {
    pub name: &'static str,
    pub label: String,
    pub value: String,
    pub kind: &'static str,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "office/representations.html")]
struct AttorneyPage<'a> {
    frame: Frame<'a>,
    inputs: Vec<Input>,
    errors: Vec<FormError>,
    csrf: String,
    recorded: bool,
    offices: Vec<(String, Vec<(String, String)>)>,
    form: AttorneyForm,
}

impl AttorneyPage<'_> {
    fn error(&self, field: &str) -> Option<String> {
        error_for(&self.errors, field)
    }
}

fn page<'a>(
    state: &'a AppState,
    lang: Lang,
    staff: &Staff,
    form: &AttorneyForm,
    errors: Vec<FormError>,
    recorded: bool,
) -> AttorneyPage<'a> {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let shown = form.trimmed();
    let inputs = [
        ("principal_email", &shown.principal_email, "email"),
        ("representative_email", &shown.representative_email, "email"),
        ("number", &shown.number, "text"),
        ("issued_on", &shown.issued_on, "date"),
        ("expires_on", &shown.expires_on, "date"),
        ("case_reference", &shown.case_reference, "text"),
    ]
    .into_iter()
    .map(|(name, value, kind)| Input {
        name,
        label: t.m(&format!("attorney-field-{name}")),
        value: value.clone(),
        kind,
        error: error_for(&errors, name),
    })
    .collect();
    AttorneyPage {
        inputs,
        frame: Frame::new(
            state,
            lang,
            t.m("attorney-office-title"),
            "office/representations",
        ),
        errors,
        csrf: staff.current.session.csrf_token.clone(),
        recorded,
        offices: office_choices(t, state, &staff.offices(&state.catalogue)),
        form: shown,
    }
}

#[derive(Deserialize)]
pub(crate) struct RecordedQuery {
    #[serde(default)]
    recorded: Option<String>,
}

pub(crate) async fn form(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    staff: Staff,
    Query(query): Query<RecordedQuery>,
) -> Response {
    let form = AttorneyForm::default();
    html(&page(
        &state,
        lang,
        &staff,
        &form,
        Vec::new(),
        query.recorded.is_some(),
    ))
}

async fn account(state: &AppState, email: &str) -> Result<Option<PersonRecord>, ApiError> {
    match EmailAddress::parse(email) {
        Ok(email) => Ok(accounts::person_by_email(&state.db, email.as_str()).await?),
        Err(_) => Ok(None),
    }
}

/// The grant rule applied to this power of attorney: the field to blame and
/// why, when it may not be recorded.
async fn grant_refusal(
    state: &AppState,
    staff: &Staff,
    principal: &PersonRecord,
    representative: &PersonRecord,
    reference: &str,
) -> Result<Option<(&'static str, GrantRefusal)>, ApiError> {
    let case = ghiseu_storage::cases::by_reference(&state.db, reference).await?;
    let representative_posting =
        ghiseu_storage::staff::posting(&state.db, &representative.id).await?;
    let grantor = staff.grantor();
    let grantee = Grantee {
        person_id: &representative.id,
        role: representative.role,
        authority_id: representative_posting.authority_id.as_deref(),
    };
    let named = case.as_ref().map(|c| NamedCase {
        authority_id: &c.authority_id,
        holder_person_id: c.holder_person_id.as_deref(),
        office_served: c
            .office_id
            .as_deref()
            .is_some_and(|o| staff.serves(&state.catalogue, o)),
    });
    Ok(
        grant::power_of_attorney(grantor, &principal.id, grantee, named)
            .err()
            .map(|refusal| {
                let field = match refusal {
                    GrantRefusal::SelfGrant | GrantRefusal::StaffRepresentative => {
                        "representative_email"
                    }
                    GrantRefusal::NotTheHolder => "principal_email",
                    GrantRefusal::CaseOutOfReach | GrantRefusal::NotStaff => "case_reference",
                };
                (field, refusal)
            }),
    )
}

pub(crate) async fn record(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    staff: Staff,
    Form(form): Form<AttorneyForm>,
) -> Response {
    if !staff.current.csrf_ok(&form.csrf) {
        return (
            StatusCode::FORBIDDEN,
            html(&crate::accounts::expired(
                &state,
                lang,
                "office/representations",
            )),
        )
            .into_response();
    }
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let mut errors = Vec::new();
    let office = staff
        .offices(&state.catalogue)
        .into_iter()
        .find(|o| o.id == form.office);
    if office.is_none() {
        errors.push(FormError::new(t, "office", "household-error-office"));
    }
    let (principal, representative) = match (
        account(&state, &form.principal_email).await,
        account(&state, &form.representative_email).await,
    ) {
        (Ok(p), Ok(r)) => (p, r),
        (Err(e), _) | (_, Err(e)) => return e.into_response(),
    };
    if principal.is_none() {
        errors.push(FormError::new(t, "principal_email", "office-not-found"));
    }
    match (&principal, &representative) {
        (_, None) => errors.push(FormError::new(
            t,
            "representative_email",
            "office-not-found",
        )),
        (Some(p), Some(r)) if p.id == r.id => errors.push(FormError::new(
            t,
            "representative_email",
            "attorney-error-same-person",
        )),
        _ => {}
    }
    let today = today_at(&state, office.map(|o| o.id.as_str()));
    let input = AttorneyInput {
        number: &form.number,
        issued_on: &form.issued_on,
        expires_on: &form.expires_on,
        scope: &form.scope,
        case_reference: &form.case_reference,
    };
    let attorney = PowerOfAttorney::parse(&input, today).map_err(|problems| {
        for p in problems {
            errors.push(FormError::new(
                t,
                p.field,
                &format!("attorney-error-{}", p.code),
            ));
        }
    });
    let mut status = StatusCode::UNPROCESSABLE_ENTITY;
    if let (Some(p), Some(r), Ok(a), true) =
        (&principal, &representative, &attorney, errors.is_empty())
    {
        match grant_refusal(&state, &staff, p, r, &a.case_reference).await {
            Ok(None) => {}
            Ok(Some((field, refusal))) => {
                status = match refusal {
                    GrantRefusal::CaseOutOfReach => StatusCode::NOT_FOUND,
                    GrantRefusal::NotTheHolder => StatusCode::UNPROCESSABLE_ENTITY,
                    _ => StatusCode::FORBIDDEN,
                };
                errors.push(FormError::new(
                    t,
                    field,
                    &format!("attorney-error-{}", refusal.code()),
                ));
            }
            Err(e) => return e.into_response(),
        }
    }
    let (Some(principal), Some(representative), Some(office), Ok(attorney), true) = (
        principal,
        representative,
        office,
        attorney,
        errors.is_empty(),
    ) else {
        let page = page(&state, lang, &staff, &form, errors, false);
        return (status, html(&page)).into_response();
    };
    let saved = ghiseu_app::office::grants::record_representation(
        &state,
        &staff,
        &principal.id,
        &representative.id,
        &attorney,
        &office.id,
    )
    .await
    .map(|_| ());
    match saved {
        Ok(()) => Redirect::to(&format!(
            "/{}/office/representations?recorded=1",
            lang.code()
        ))
        .into_response(),
        Err(e) => ApiError::from(e).into_response(),
    }
}
