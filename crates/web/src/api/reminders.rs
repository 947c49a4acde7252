//! The person's expiry reminders on the API: how many days before an expiry
//! to be told, and whether to hear about chip certificates and uncollected
//! documents. The rules are the application's
//! (`ghiseu_app::registry::reminder_choice`).

use super::ApiJson;
use super::cases::ApiPerson;
use crate::AppState;
use crate::error::ApiError;
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
    pub thresholds: Option<Vec<i64>>,
    #[serde(default = "yes")]
    pub certificates: bool,
    #[serde(default = "yes")]
    pub not_collected: bool,
}

fn yes() -> bool {
    true
}

/// The person's reminders.
#[utoipa::path(get, path = "/api/v1/reminders", tag = "documents",
    responses((status = 200, body = Reminders), (status = 401, body = crate::error::Problem)))]
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
    responses((status = 200, body = Reminders), (status = 401, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem)))]
pub(crate) async fn put_reminders(
    State(state): State<AppState>,
    ApiPerson(current): ApiPerson,
    ApiJson(body): ApiJson<ReminderChoiceBody>,
) -> Result<Json<Reminders>, ApiError> {
    let change = ReminderChange {
        thresholds: body.thresholds,
        certificates: body.certificates,
        not_collected: body.not_collected,
    };
    let settings = reminder_choice::change(&state, &current, &change).await?;
    Ok(Json(settings.into()))
}
