//! Invitations through the JSON API: the inviter writes what a request
//! states (refused field by field, as on the page) and lists their requests
//! and the invitations approved.

use super::cases::ApiPerson;
use super::{ApiJson, Whole, problems};
use crate::AppState;
use crate::cases::invitation::problem_text;
use crate::error::{ApiError, Problem};
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use ghiseu_app::invitations::{self, SaveRefusal, Shown};
use ghiseu_domain::catalogue::Lang;
use ghiseu_domain::invitation::{Invitation, InvitationForm};
use ghiseu_domain::quote::FieldError;
use ghiseu_i18n::Tr;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// What a request states, as the inviter types it; dates are `YYYY-MM-DD`.
#[derive(Debug, Deserialize, ToSchema)]
pub struct InvitationBody {
    /// The case's `version` as last read; a stale one is refused.
    #[schema(value_type = i64)]
    pub version: Whole,
    /// An inviter id of the service's rules (`citizen`, `resident-foreigner`, `legal-entity`).
    pub inviter: String,
    pub given_name: String,
    pub family_name: String,
    pub birth_date: String,
    /// ISO 3166-1 alpha-2, e.g. `UA`.
    pub citizenship: String,
    pub passport_number: String,
    pub passport_expires_on: String,
    /// A purpose id of the service's rules.
    pub purpose: String,
    pub stay_from: String,
    pub stay_until: String,
    pub stay_address: String,
}

/// What a request states, as stored.
#[derive(Debug, Serialize, ToSchema)]
pub struct InvitationView {
    pub inviter: String,
    pub given_name: String,
    pub family_name: String,
    pub birth_date: String,
    pub citizenship: String,
    pub passport_number: String,
    pub passport_expires_on: String,
    pub purpose: String,
    pub stay_from: String,
    pub stay_until: String,
    pub stay_address: String,
}

impl From<&Invitation> for InvitationView {
    fn from(i: &Invitation) -> Self {
        InvitationView {
            inviter: i.inviter.clone(),
            given_name: i.given_name.clone(),
            family_name: i.family_name.clone(),
            birth_date: i.birth_date.to_string(),
            citizenship: i.citizenship.clone(),
            passport_number: i.passport_number.to_string(),
            passport_expires_on: i.passport_expires_on.to_string(),
            purpose: i.purpose.clone(),
            stay_from: i.stay_from.to_string(),
            stay_until: i.stay_until.to_string(),
            stay_address: i.stay_address.clone(),
        }
    }
}

impl InvitationBody {
    fn form(self) -> InvitationForm {
        InvitationForm {
            inviter: self.inviter,
            given_name: self.given_name,
            family_name: self.family_name,
            birth_date: self.birth_date,
            citizenship: self.citizenship,
            passport_number: self.passport_number,
            passport_expires_on: self.passport_expires_on,
            purpose: self.purpose,
            stay_from: self.stay_from,
            stay_until: self.stay_until,
            stay_address: self.stay_address,
        }
    }
}

fn not_found() -> ApiError {
    ApiError::NotFound {
        detail: "You have no request to approve an invitation with this id.".into(),
    }
}

/// Writes what the invitation request states, while it can still be changed.
#[utoipa::path(put, path = "/api/v1/cases/{id}/invitation", tag = "invitations", request_body = InvitationBody,
    params(("id" = String, Path, description = "The id of the case requesting the invitation")),
    security(("session" = [])),
    responses(
        (status = 200, body = InvitationView),
        (status = 400, response = problems::BadRequest),
        (status = 401, response = problems::SignInRequired),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "The person has no request to approve an invitation with this id"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "The request was sent and can no longer be changed, or `version` is stale (`conflict`)"),
        (status = 413, response = problems::TooLarge),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "Fields the service's rules refuse (`invalid-fields`, `errors` names each)")
    ))]
pub(crate) async fn save(
    State(state): State<AppState>,
    ApiPerson(current): ApiPerson,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<InvitationBody>,
) -> Response {
    let version = body.version.0;
    let form = body.form();
    let refusal = match invitations::save(&state, &current, &id, version, &form).await {
        Ok(Ok(saved)) => return Json(InvitationView::from(&saved)).into_response(),
        Ok(Err(refusal)) => refusal,
        Err(e) => return ApiError::from(e).into_response(),
    };
    match refusal {
        SaveRefusal::NotFound => not_found(),
        SaveRefusal::Closed => ApiError::Conflict {
            detail: "The request was sent, so what it states can no longer be changed.".into(),
        },
        SaveRefusal::Stale => ApiError::Conflict {
            detail:
                "The request changed since you read it: read it again and send the new version."
                    .into(),
        },
        SaveRefusal::Problems(problems) => {
            let t = Tr {
                i18n: &state.i18n,
                lang: Lang::En,
            };
            let Some(rules) = ghiseu_app::cases::access::citizen_case(&state, &current, &id)
                .await
                .ok()
                .flatten()
                .and_then(|(case, _)| invitations::rules_of(&state, &case).map(|(_, r)| r.clone()))
            else {
                return not_found().into_response();
            };
            ApiError::Fields(
                problems
                    .iter()
                    .map(|p| FieldError {
                        field: p.field,
                        code: p.code,
                        value: String::new(),
                        message: problem_text(t, &rules, p),
                    })
                    .collect(),
            )
        }
    }
    .into_response()
}

#[derive(Debug, Deserialize, IntoParams)]
pub(crate) struct ListQuery {
    /// `filed` (every request, the default), `pending`, `approved` or `closed`.
    #[serde(default)]
    #[param(inline, value_type = Option<InvitationsShown>)]
    show: Option<String>,
}

/// Which requests to list.
#[derive(ToSchema)]
#[schema(rename_all = "lowercase")]
#[allow(
    dead_code,
    reason = "describes `show` for OpenAPI; `Shown::parse` reads it"
)]
pub(crate) enum InvitationsShown {
    Filed,
    Pending,
    Approved,
    Closed,
}

/// One request, and the invitation approved for it.
#[derive(Debug, Serialize, ToSchema)]
pub struct FiledView {
    pub case: String,
    pub reference: Option<String>,
    pub state: String,
    pub invitation: InvitationView,
    /// The approved invitation's number, once approved.
    pub number: Option<String>,
    /// Its registry standing (`valid`, `invalidated`, …), once approved.
    pub standing: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FiledList {
    pub invitations: Vec<FiledView>,
}

/// The signed-in person's requests to approve an invitation, newest first.
#[utoipa::path(get, path = "/api/v1/invitations", tag = "invitations", params(ListQuery),
    security(("session" = [])),
    responses(
        (status = 200, body = FiledList),
        (status = 400, body = Problem, content_type = "application/problem+json", description = "`show` is none of its values"),
        (status = 401, response = problems::SignInRequired)
    ))]
pub(crate) async fn list(
    State(state): State<AppState>,
    ApiPerson(current): ApiPerson,
    Query(query): Query<ListQuery>,
) -> Response {
    let shown = match query.show.as_deref() {
        None => Shown::default(),
        Some(code) => match Shown::parse(code) {
            Some(shown) => shown,
            None => {
                return ApiError::BadRequest {
                    detail: format!("`show` is {code:?}: use filed, pending, approved or closed."),
                }
                .into_response();
            }
        },
    };
    match invitations::mine(&state, &current, shown).await {
        Ok(filed) => Json(FiledList {
            invitations: filed
                .iter()
                .map(|f| FiledView {
                    case: f.case_id.clone(),
                    reference: f.reference.clone(),
                    state: f.state.clone(),
                    invitation: InvitationView::from(&f.invitation),
                    number: f.approved.as_ref().map(|(n, _)| n.clone()),
                    standing: f.approved.as_ref().map(|(_, s)| s.code().to_string()),
                })
                .collect(),
        })
        .into_response(),
        Err(e) => ApiError::from(e).into_response(),
    }
}
