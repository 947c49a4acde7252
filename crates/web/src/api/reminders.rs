//! The person's expiry reminders on the API: how many days before an expiry
//! to be told, and whether to hear about chip certificates and uncollected
//! documents. The rules are the application's
//! (`ghiseu_app::registry::reminder_choice`).

use super::cases::ApiPerson;
use super::{ApiJson, Whole, problems};
use crate::AppState;
use crate::error::{ApiError, Problem};
use axum::Json;
use axum::extract::State;
use ghiseu_app::registry::reminder_choice::{self, ReminderChange, ReminderSettings};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A person's reminders.
#[derive(Debug, Serialize, ToSchema)]
pub struct Reminders {
    /// Days before an expiry, largest first.
    pub thresholds: Vec<u16>,
    /// Whether the thresholds are the person's own (false: the authority's defaults).
    pub chosen: bool,
    /// The authority's thresholds, used when none are chosen.
    pub defaults: Vec<u16>,
    /// Told when a chip certificate (identification, signature) expires.
    pub certificates: bool,
    /// Told when a ready document has waited too long at the office.
    pub not_collected: bool,
}

impl From<ReminderSettings> for Reminders {
    fn from(s: ReminderSettings) -> Self {
        Reminders {
            thresholds: s.choice.thresholds,
            chosen: s.chosen,
            defaults: s.defaults,
            certificates: s.choice.certificates,
            not_collected: s.choice.not_collected,
        }
    }
}

/// A change of the person's reminders.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReminderChoiceBody {
    /// 1 to 5 numbers of days (1–730) before an expiry; null or absent for the defaults.
    #[serde(default)]
    #[schema(schema_with = thresholds_schema)]
    pub thresholds: Option<Vec<Whole>>,
    /// Told when a chip certificate expires (default true).
    #[serde(default = "yes")]
    pub certificates: bool,
    /// Told when a ready document has waited too long at the office (default true).
    #[serde(default = "yes")]
    pub not_collected: bool,
}

/// `thresholds`: null, or 1 to 5 whole numbers from 1 to 730.
fn thresholds_schema() -> utoipa::openapi::schema::Array {
    use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, SchemaType, Type};
    ArrayBuilder::new()
        .schema_type(SchemaType::from_iter([Type::Array, Type::Null]))
        .items(
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .minimum(Some(1))
                .maximum(Some(730)),
        )
        .min_items(Some(1))
        .max_items(Some(5))
        .description(Some(
            "1 to 5 numbers of days (1–730) before an expiry; null or absent for the defaults.",
        ))
        .build()
}

fn yes() -> bool {
    true
}

/// The person's reminders.
#[utoipa::path(get, path = "/api/v1/reminders", tag = "documents",
    security(("session" = [])),
    responses((status = 200, body = Reminders), (status = 401, response = problems::SignInRequired)))]
pub(crate) async fn get_reminders(
    State(state): State<AppState>,
    ApiPerson(current): ApiPerson,
) -> Result<Json<Reminders>, ApiError> {
    let settings = reminder_choice::settings(&state, &current.person.id).await?;
    Ok(Json(settings.into()))
}

/// Changes the person's reminders; thresholds out of range are refused with
/// the field named.
#[utoipa::path(put, path = "/api/v1/reminders", tag = "documents",
    request_body = ReminderChoiceBody,
    security(("session" = [])),
    responses(
        (status = 200, body = Reminders),
        (status = 400, response = problems::BadRequest),
        (status = 401, response = problems::SignInRequired),
        (status = 413, response = problems::TooLarge),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "`thresholds` is empty, has more than 5 numbers, or one out of 1–730 (`invalid-fields`)")
    ))]
pub(crate) async fn put_reminders(
    State(state): State<AppState>,
    ApiPerson(current): ApiPerson,
    ApiJson(body): ApiJson<ReminderChoiceBody>,
) -> Result<Json<Reminders>, ApiError> {
    let change = ReminderChange {
        thresholds: body
            .thresholds
            .map(|days| days.into_iter().map(|d| d.0).collect()),
        certificates: body.certificates,
        not_collected: body.not_collected,
    };
    let settings = reminder_choice::change(&state, &current, &change).await?;
    Ok(Json(settings.into()))
}
