//! The appointments API: free slots, holding and confirming a place, moving
//! and cancelling it, its calendar file.

use super::book::{self, HoldRequest, WhenFull, place};
use super::changes;
use super::person::BookingPerson;
use super::slots;
use crate::accounts::client::ClientAddress;
use crate::api::cases::{ApiPerson, Attempt, IdempotencyKey, json, once};
use crate::api::{ApiJson, JsonIntent, negotiate, problems};
use crate::error::{ApiError, Problem};
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use ghiseu_storage::appointments::{self, Booking};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Debug, Deserialize, IntoParams)]
pub struct SlotQuery {
    /// A service id from `/api/v1/services`.
    #[param(example = "ro.passport.electronic")]
    pub service: String,
    /// An office of the service's authority.
    #[param(example = "ab-alba-iulia")]
    pub office: String,
    /// The day, `YYYY-MM-DD`, in the office's time zone.
    #[param(format = Date, example = "2026-12-07")]
    pub date: String,
    /// How many days from `date` on to list, 1 to 14 (default 1).
    #[param(minimum = 1, maximum = 14)]
    pub days: Option<u8>,
    /// List only slots that still take someone (default false: full slots
    /// are listed with `free` 0).
    pub only_free: Option<bool>,
}

const MOST_DAYS: u8 = 14;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SlotBody {
    /// RFC 3339, UTC.
    pub start: String,
    pub end: String,
    /// The office's local date, `YYYY-MM-DD`.
    pub local_date: String,
    /// The office's local time, `HH:MM`.
    pub local_time: String,
    /// How many more people the slot takes.
    pub free: i64,
}

impl SlotBody {
    fn at(start: &jiff::Zoned, end: jiff::Timestamp, free: i64) -> SlotBody {
        SlotBody {
            start: start.timestamp().to_string(),
            end: end.to_string(),
            local_date: start.date().to_string(),
            local_time: start.strftime("%H:%M").to_string(),
            free,
        }
    }

    /// A slot offered in place of a full one.
    pub fn offered(slot: &ghiseu_app::Nearby) -> SlotBody {
        SlotBody::at(&slot.start, slot.end, slot.free)
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SlotList {
    pub office: String,
    pub window: String,
    pub date: String,
    pub time_zone: String,
    pub slots: Vec<SlotBody>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct HoldBody {
    /// A service id from `/api/v1/services`.
    #[schema(example = "ro.passport.electronic")]
    pub service: String,
    /// An office of the service's authority.
    #[schema(example = "ab-alba-iulia")]
    pub office: String,
    /// The slot's start, RFC 3339, as listed by the slot search.
    #[schema(format = DateTime, example = "2026-12-07T07:00:00Z")]
    pub start: String,
    /// `self` and/or ids of children in the person's household: as many as
    /// the service lets one appointment take, each once.
    #[schema(example = json!(["self"]))]
    pub holders: Vec<String>,
    /// The application the appointment is for, where the service asks for one.
    pub case: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct RescheduleBody {
    /// The new slot's start, RFC 3339.
    #[schema(format = DateTime, example = "2026-12-08T07:30:00Z")]
    pub start: String,
}

/// The body of a call that changes something without a body of its own:
/// any JSON (`{}` is enough), sent with `Content-Type: application/json`.
/// It describes the body for OpenAPI; the handler reads none.
pub struct NoBody;

impl utoipa::PartialSchema for NoBody {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::SchemaType::AnyValue)
            .description(Some(
                "Any JSON, `{}` is enough: only `Content-Type: application/json` matters.",
            ))
            .into()
    }
}

impl ToSchema for NoBody {}

#[derive(Debug, Serialize, ToSchema)]
pub struct BookingBody {
    pub id: String,
    pub reference: String,
    /// held, confirmed, checked-in, called, served, no-show, cancelled, lapsed
    pub state: String,
    pub service: String,
    pub office: String,
    pub window: String,
    pub start: String,
    pub end: String,
    /// The office's local date and time, `YYYY-MM-DDTHH:MM`.
    pub local_start: String,
    pub people: i64,
    /// While held: when the hold lapses unless confirmed.
    pub hold_expires_at: Option<String>,
    pub reschedules: i64,
    pub ticket: Option<String>,
    /// The calendar file, once confirmed.
    pub calendar: Option<String>,
}

fn rfc3339(seconds: i64) -> String {
    Timestamp::from_second(seconds)
        .map(|t| t.to_string())
        .unwrap_or_default()
}

pub(crate) fn body(state: &AppState, booking: &Booking) -> BookingBody {
    let zone = state
        .catalogue
        .office(&booking.office_id)
        .map(|o| o.time_zone.clone())
        .unwrap_or(jiff::tz::TimeZone::UTC);
    let local_start = Timestamp::from_second(booking.starts_at)
        .map(|t| t.to_zoned(zone).strftime("%Y-%m-%dT%H:%M").to_string())
        .unwrap_or_default();
    let ticket = booking.ticket_number.and_then(|n| {
        let kind = ghiseu_domain::catalogue::WindowKind::parse(&booking.window_kind)?;
        Some(ghiseu_domain::appointment::ticket_label(
            kind,
            u32::try_from(n).ok()?,
        ))
    });
    let confirmed = !matches!(booking.state.as_str(), "held" | "cancelled" | "lapsed");
    BookingBody {
        id: booking.id.clone(),
        reference: booking.reference.clone(),
        state: booking.state.clone(),
        service: booking.service_id.clone(),
        office: booking.office_id.clone(),
        window: booking.window_kind.clone(),
        start: rfc3339(booking.starts_at),
        end: rfc3339(booking.ends_at),
        local_start,
        people: booking.seats,
        hold_expires_at: booking.hold_expires_at.map(rfc3339),
        reschedules: booking.reschedules,
        ticket,
        calendar: confirmed.then(|| format!("/api/v1/appointments/{}/calendar.ics", booking.id)),
    }
}

/// The session a search carries, to find its place in a waiting room.
fn session_token(jar: &CookieJar) -> Option<&str> {
    jar.get(crate::accounts::session::SESSION_COOKIE)
        .map(|c| c.value())
}

fn parse_start(start: &str) -> Result<Timestamp, ApiError> {
    start.parse().map_err(|_| ApiError::Fields(vec![ghiseu_domain::quote::FieldError {
        field: "start",
        code: "invalid-time",
        value: start.chars().take(64).collect(),
        message: "Give the slot's start as an RFC 3339 time, e.g. 2026-12-02T16:30:00Z, as the slot search lists it.".into(),
    }]))
}

/// Free slots of one office, on one day or several.
#[utoipa::path(get, path = "/api/v1/appointments/slots", tag = "appointments", params(SlotQuery),
    responses(
        (status = 200, body = SlotList),
        (status = 400, response = problems::BadRequest),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "No such service (`unknown-service`)"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "The service takes no appointments, the office is not one of its authority's, `date` is not a date or `days` is out of 1–14"),
        (status = 429, response = problems::TooManyRequests)
    ))]
pub(crate) async fn search(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    jar: CookieJar,
    Query(query): Query<SlotQuery>,
) -> Response {
    let now = state.clock.now();
    let run = async {
        state.gate.search(&state, &address, now).await?;
        let place = place(&state, &query.service, &query.office)?;
        state
            .gate
            .admit_search(&state, place.authority, session_token(&jar), now)
            .await?;
        let date: Date = query.date.parse().map_err(|_| {
            ApiError::Fields(vec![ghiseu_domain::quote::FieldError {
                field: "date",
                code: "invalid-date",
                value: query.date.chars().take(64).collect(),
                message: "Give the day as YYYY-MM-DD.".into(),
            }])
        })?;
        let days = query.days.unwrap_or(1);
        if !(1..=MOST_DAYS).contains(&days) {
            return Err(ApiError::Fields(vec![ghiseu_domain::quote::FieldError {
                field: "days",
                code: "invalid-days",
                value: days.to_string(),
                message: format!("Ask for 1 to {MOST_DAYS} days at a time."),
            }]));
        }
        let only_free = query.only_free.unwrap_or(false);
        let zone = place.office.time_zone.clone();
        let mut listed = Vec::new();
        let mut day = date;
        for _ in 0..days {
            for s in slots::free_on(&state, &place, day, now).await? {
                if only_free && s.free <= 0 {
                    continue;
                }
                listed.push(SlotBody::at(&s.start.to_zoned(zone.clone()), s.end, s.free));
            }
            let Ok(next) = day.tomorrow() else { break };
            day = next;
        }
        Ok::<_, ApiError>(SlotList {
            office: place.office.id.clone(),
            window: place.window.kind.as_str().to_string(),
            date: date.to_string(),
            time_zone: place.office.time_zone_name.clone(),
            slots: listed,
        })
    };
    match run.await {
        Ok(list) => json(StatusCode::OK, &list),
        Err(e) => e.into_response(),
    }
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct FirstQuery {
    /// A service id from `/api/v1/services`.
    #[param(example = "ro.passport.electronic")]
    pub service: String,
    /// One office; without it, every office of the service's authority,
    /// the soonest first.
    #[param(example = "ab-alba-iulia")]
    pub office: Option<String>,
    /// How many people the slot must take (1 when absent; read as 1 to 8).
    pub people: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FirstSlot {
    pub office: String,
    pub start: String,
    /// The office's local date and time, `YYYY-MM-DDTHH:MM`.
    pub local_start: String,
    pub free: i64,
}

/// The first free slot at one office, or at each office of the authority.
#[utoipa::path(get, path = "/api/v1/appointments/first", tag = "appointments", params(FirstQuery),
    responses(
        (status = 200, body = Vec<FirstSlot>),
        (status = 400, response = problems::BadRequest),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "No such service (`unknown-service`)"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "The service takes no appointments, or the office is not one of its authority's"),
        (status = 429, response = problems::TooManyRequests)
    ))]
pub(crate) async fn first(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    jar: CookieJar,
    Query(query): Query<FirstQuery>,
) -> Response {
    let now = state.clock.now();
    let run = async {
        state.gate.search(&state, &address, now).await?;
        if let Some((authority, _)) = state.catalogue.service(&query.service) {
            state
                .gate
                .admit_search(&state, authority, session_token(&jar), now)
                .await?;
        }
        let people = query.people.unwrap_or(1).clamp(1, 8);
        let offices: Vec<String> = match &query.office {
            Some(office) => vec![office.clone()],
            None => {
                let (authority, _) =
                    state
                        .catalogue
                        .service(&query.service)
                        .ok_or_else(|| ApiError::NotFound {
                            detail: format!("There is no service \"{}\".", query.service),
                        })?;
                authority.offices.iter().map(|o| o.id.clone()).collect()
            }
        };
        let mut found = Vec::new();
        for office in offices {
            let place = match place(&state, &query.service, &office) {
                Ok(place) => place,
                Err(_) if query.office.is_none() => continue,
                Err(e) => return Err(ApiError::from(e)),
            };
            if let Some(slot) = slots::first_free(&state, &place, people, now).await? {
                found.push(FirstSlot {
                    office: office.clone(),
                    start: slot.start.to_string(),
                    local_start: slot
                        .start
                        .to_zoned(place.office.time_zone.clone())
                        .strftime("%Y-%m-%dT%H:%M")
                        .to_string(),
                    free: slot.free,
                });
            }
        }
        found.sort_by(|a, b| a.start.cmp(&b.start));
        Ok::<_, ApiError>(found)
    };
    match run.await {
        Ok(found) => json(StatusCode::OK, &found),
        Err(e) => e.into_response(),
    }
}

/// Holds a slot for a few minutes; confirm it to keep it.
#[utoipa::path(post, path = "/api/v1/appointments", tag = "appointments", request_body = HoldBody,
    params(IdempotencyKey),
    security(("session" = [])),
    responses(
        (status = 201, body = BookingBody),
        (status = 400, response = problems::BadRequest),
        (status = 401, response = problems::SignInRequired),
        (status = 403, body = Problem, content_type = "application/problem+json", description = "Too many appointments missed lately (`no-show-limit`)"),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "No such service, or no such application of the person's (`unknown-service`, `no-such-application`)"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "The slot is full (`slot-full`, whose `nearby` lists the same day's closest slots with room), the person already has an appointment for this, or the first request with this Idempotency-Key is still being answered"),
        (status = 413, response = problems::TooLarge),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "The request cannot be booked as it stands: not a slot's start, in the past, beyond the horizon, a closed office, holders not in the household or too many, an application needed or not ready, `start` not an RFC 3339 time, or the Idempotency-Key used for another request"),
        (status = 429, response = problems::TooManyRequests)
    ))]
pub(crate) async fn hold(
    State(state): State<AppState>,
    BookingPerson(current): BookingPerson,
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    ApiJson(request): ApiJson<HoldBody>,
) -> Response {
    let fingerprint = format!(
        "hold\n{}\n{}\n{}\n{}\n{}",
        request.service,
        request.office,
        request.start,
        request.holders.join(","),
        request.case.as_deref().unwrap_or("")
    );
    let (state, current, request) = (&state, &current, &request);
    let work = |attempt: Attempt| async move {
        let run = async {
            let start = parse_start(&request.start)?;
            let wanted = HoldRequest {
                service: request.service.clone(),
                office: request.office.clone(),
                start,
                holders: request.holders.clone(),
                case: request.case.clone(),
            };
            if attempt.again()
                && let Some(held) = book::already_held(state, current, &wanted).await?
            {
                return Ok(held);
            }
            book::hold(state, current, &address, &wanted, WhenFull::OfferNearby)
                .await
                .map_err(ApiError::from)
        };
        match run.await {
            Ok(booking) => json(StatusCode::CREATED, &body(state, &booking)),
            Err(e) => e.into_response(),
        }
    };
    once(state, &current.person.id, &headers, &fingerprint, work).await
}

/// The person's appointments that still hold a place.
#[utoipa::path(get, path = "/api/v1/appointments", tag = "appointments",
    security(("session" = [])),
    responses((status = 200, body = Vec<BookingBody>), (status = 401, response = problems::SignInRequired)))]
pub(crate) async fn list(
    State(state): State<AppState>,
    BookingPerson(current): BookingPerson,
) -> Response {
    match appointments::active_for_person(&state.db, &current.person.id).await {
        Ok(found) => json(
            StatusCode::OK,
            &found.iter().map(|b| body(&state, b)).collect::<Vec<_>>(),
        ),
        Err(e) => ApiError::from(e).into_response(),
    }
}

/// One of the person's appointments.
#[utoipa::path(get, path = "/api/v1/appointments/{id}", tag = "appointments",
    params(("id" = String, Path, description = "The appointment's id")),
    security(("session" = [])),
    responses(
        (status = 200, body = BookingBody),
        (status = 401, response = problems::SignInRequired),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "No appointment with this id is the person's (`no-such-appointment`)")
    ))]
pub(crate) async fn get_one(
    State(state): State<AppState>,
    BookingPerson(current): BookingPerson,
    Path(id): Path<String>,
) -> Response {
    match changes::own(&state, &current, &id).await {
        Ok(booking) => json(StatusCode::OK, &body(&state, &booking)),
        Err(e) => ApiError::from(e).into_response(),
    }
}

/// Confirms a held slot: the e-mail with the calendar file goes out.
#[utoipa::path(post, path = "/api/v1/appointments/{id}/confirm", tag = "appointments",
    request_body(content = NoBody, description = "Any JSON; `{}` is enough"),
    params(("id" = String, Path, description = "The appointment's id"), IdempotencyKey),
    security(("session" = [])),
    responses(
        (status = 200, body = BookingBody),
        (status = 400, response = problems::BadRequest),
        (status = 401, response = problems::SignInRequired),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "No appointment with this id is the person's (`no-such-appointment`)"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "The hold lapsed or the appointment is not held (`hold-expired`, `not-held`), or the first request with this Idempotency-Key is still being answered"),
        (status = 415, response = problems::NotJson),
        (status = 422, response = problems::Unprocessable)
    ))]
pub(crate) async fn confirm(
    State(state): State<AppState>,
    BookingPerson(current): BookingPerson,
    Path(id): Path<String>,
    _: JsonIntent,
    headers: HeaderMap,
) -> Response {
    let work = async {
        match changes::confirm(&state, &current, &id).await {
            Ok(booking) => json(StatusCode::OK, &body(&state, &booking)),
            Err(e) => ApiError::from(e).into_response(),
        }
    };
    once(
        &state,
        &current.person.id,
        &headers,
        &format!("confirm\n{id}"),
        |_| work,
    )
    .await
}

/// Cancels an appointment; its place is free again at once.
#[utoipa::path(post, path = "/api/v1/appointments/{id}/cancel", tag = "appointments",
    request_body(content = NoBody, description = "Any JSON; `{}` is enough"),
    params(("id" = String, Path, description = "The appointment's id")),
    security(("session" = [])),
    responses(
        (status = 200, body = BookingBody),
        (status = 401, response = problems::SignInRequired),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "No appointment with this id is the person's (`no-such-appointment`)"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "The appointment no longer holds a place (`not-active`)"),
        (status = 415, response = problems::NotJson),
        (status = 422, response = problems::Unprocessable),
        (status = 429, response = problems::TooManyRequests)
    ))]
pub(crate) async fn cancel(
    State(state): State<AppState>,
    BookingPerson(current): BookingPerson,
    ClientAddress(address): ClientAddress,
    Path(id): Path<String>,
    _: JsonIntent,
) -> Response {
    match changes::cancel(&state, &current, &address, &id).await {
        Ok(booking) => json(StatusCode::OK, &body(&state, &booking)),
        Err(e) => ApiError::from(e).into_response(),
    }
}

/// Moves a confirmed appointment to another slot of the same office.
#[utoipa::path(post, path = "/api/v1/appointments/{id}/reschedule", tag = "appointments", request_body = RescheduleBody,
    params(("id" = String, Path, description = "The appointment's id")),
    security(("session" = [])),
    responses(
        (status = 200, body = BookingBody),
        (status = 400, response = problems::BadRequest),
        (status = 401, response = problems::SignInRequired),
        (status = 403, body = Problem, content_type = "application/problem+json", description = "Too many appointments missed lately (`no-show-limit`)"),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "No appointment with this id is the person's (`no-such-appointment`)"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "The new slot is full, the appointment cannot be moved, or it was moved as often as allowed"),
        (status = 413, response = problems::TooLarge),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "`start` is not a slot's start one may book, or not an RFC 3339 time"),
        (status = 429, response = problems::TooManyRequests)
    ))]
pub(crate) async fn reschedule(
    State(state): State<AppState>,
    BookingPerson(current): BookingPerson,
    ClientAddress(address): ClientAddress,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<RescheduleBody>,
) -> Response {
    let run = async {
        let start = parse_start(&request.start)?;
        changes::reschedule(&state, &current, &address, &id, start)
            .await
            .map_err(ApiError::from)
    };
    match run.await {
        Ok(booking) => json(StatusCode::OK, &body(&state, &booking)),
        Err(e) => e.into_response(),
    }
}

/// The appointment as an iCalendar file.
#[utoipa::path(get, path = "/api/v1/appointments/{id}/calendar.ics", tag = "appointments",
    params(("id" = String, Path, description = "The appointment's id")),
    security(("session" = [])),
    responses(
        (status = 200, content_type = "text/calendar", body = String, description = "The iCalendar file, as an attachment"),
        (status = 401, response = problems::SignInRequired),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "No appointment with this id is the person's (`no-such-appointment`)")
    ))]
pub(crate) async fn calendar(
    State(state): State<AppState>,
    BookingPerson(current): BookingPerson,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let run = async {
        let booking = changes::own(&state, &current, &id).await?;
        super::notice::calendar(&state, &booking, negotiate(&headers), state.clock.now())
            .map(|file| (booking.reference, file))
    };
    match run.await {
        Ok((reference, file)) => (
            StatusCode::OK,
            [
                (
                    header::CONTENT_TYPE,
                    "text/calendar; charset=utf-8".to_string(),
                ),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{reference}.ics\""),
                ),
            ],
            file,
        )
            .into_response(),
        Err(e) => ApiError::from(e).into_response(),
    }
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct AssignBody {
    /// The slot's start, RFC 3339, as listed by the slot search for the
    /// case's service and office.
    #[schema(format = DateTime, example = "2026-12-07T07:00:00Z")]
    pub start: String,
}

/// Gives the applicant of an accepted case an appointment (staff of the
/// case's office, for services whose office schedules its applicants). The
/// booking is confirmed at once and belongs to the person who filed the case.
#[utoipa::path(post, path = "/api/v1/office/cases/{id}/appointment", tag = "appointments", request_body = AssignBody,
    params(("id" = String, Path, description = "The case id")),
    security(("session" = [])),
    responses(
        (status = 201, body = BookingBody),
        (status = 400, response = problems::BadRequest),
        (status = 401, response = problems::SignInRequired),
        (status = 403, body = Problem, content_type = "application/problem+json", description = "The person is not staff (`staff-only`) or not of the case's office (`not-case-staff`)"),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "No such case among the person's offices' cases"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "The slot is full, or the case already has an appointment"),
        (status = 413, response = problems::TooLarge),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "The case's service is not scheduled by its office, the case is not ready, or `start` is not a slot's start one may book (or not an RFC 3339 time)")
    ))]
pub(crate) async fn assign_for_case(
    State(state): State<AppState>,
    ApiPerson(current): ApiPerson,
    ClientAddress(address): ClientAddress,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<AssignBody>,
) -> Response {
    let run = async {
        let staff = crate::office::Staff::for_api(&state, current, address)
            .await
            .map_err(ApiError::from)?;
        let case = crate::office::cases::staff_case(&state, &staff, &id)
            .await?
            .ok_or_else(|| ApiError::NotFound {
                detail: "There is no such case among your offices' cases.".into(),
            })?;
        let start = parse_start(&request.start)?;
        super::assign::assign(&state, &staff, &case, start)
            .await
            .map_err(ApiError::from)
    };
    match run.await {
        Ok(booking) => json(StatusCode::CREATED, &body(&state, &booking)),
        Err(e) => e.into_response(),
    }
}
