//! One booking: what, when, where and who; confirming, moving and
//! cancelling it.

use super::new::{Choice, day_slots};
use super::*;
use crate::AppState;
use crate::accounts::CurrentPerson;
use crate::accounts::client::ClientAddress;
use crate::appointments::book::place;
use crate::appointments::changes;
use crate::done::Confirmed;
use crate::error::ApiError;
use crate::pages::{Frame, PageError, PageLang, finish, html};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use ghiseu_domain::catalogue::Lang;
use ghiseu_storage::appointments::{self, Booking, HolderKind};
use ghiseu_storage::households;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "appointments/booking.html")]
pub(super) struct BookingPage<'a> {
    frame: Frame<'a>,
    errors: Vec<String>,
    id: String,
    when: String,
    office_name: String,
    office_address: String,
    service: String,
    people: Vec<String>,
    reference: String,
    state: String,
    held: bool,
    hold_until: String,
    confirmed: bool,
    move_date: String,
    move_slots: Vec<Choice>,
    csrf: String,
    /// The office's page: hours, map, contacts.
    office_href: String,
    /// The application the visit serves, if any.
    case_href: Option<String>,
    /// The service's page, for what to bring when no application is linked.
    service_href: String,
    /// Once checked in: the ticket, and the counter once called to it.
    ticket: Option<String>,
    counter: Option<String>,
}

#[derive(Deserialize)]
pub(crate) struct MoveQuery {
    #[serde(default)]
    date: String,
}

pub(super) async fn booking_page<'a>(
    state: &'a AppState,
    lang: Lang,
    current: &CurrentPerson,
    booking: &Booking,
    move_date: &str,
    mut errors: Vec<String>,
) -> Result<BookingPage<'a>, ApiError> {
    let t = tr(state, lang);
    let mut conn = state.db.connection().await?;
    let holders = appointments::holders_of(&mut conn, &booking.id).await?;
    drop(conn);
    let mut people = Vec::with_capacity(holders.len());
    for holder in holders {
        people.push(match holder.kind {
            HolderKind::Person if holder.id == current.person.id => t.m("appt-holder-self"),
            _ => households::one(&state.db, &holder.id, &current.person.id)
                .await?
                .map_or_else(
                    || t.m("appt-holder-other"),
                    |w| format!("{} {}", w.given_name, w.family_name),
                ),
        });
    }
    let confirmed = booking.state == "confirmed";
    let mut day = String::new();
    let mut move_slots = Vec::new();
    if confirmed && let Ok(place) = place(state, &booking.service_id, &booking.office_id) {
        let chosen = if move_date.is_empty() {
            None
        } else if let Ok(d) = move_date.parse::<Date>() {
            Some(d)
        } else {
            errors.push(t.m("appt-error-date"));
            None
        };
        let date = chosen
            .or_else(|| local(state, &booking.office_id, booking.starts_at).map(|z| z.date()));
        if let Some(date) = date {
            day = date.to_string();
            move_slots = day_slots(state, t, &place, date, "", &mut errors).await?;
        }
    }
    let office = state.catalogue.office(&booking.office_id);
    Ok(BookingPage {
        frame: Frame::new(
            state,
            lang,
            t.m("appt-booking-title"),
            &format!("appointments/{}", booking.id),
        ),
        errors,
        id: booking.id.clone(),
        when: when(t, state, &booking.office_id, booking.starts_at),
        office_name: office_name(state, lang, &booking.office_id),
        office_address: office.map_or_else(String::new, |o| o.address.get(lang).to_string()),
        service: service_name(state, lang, &booking.service_id),
        people,
        reference: booking.reference.clone(),
        state: t.m(&format!("appt-state-{}", booking.state)),
        held: booking.state == "held",
        hold_until: booking
            .hold_expires_at
            .and_then(|s| local(state, &booking.office_id, s))
            .map_or_else(String::new, |z| t.time(z.time())),
        confirmed,
        move_date: day,
        move_slots,
        csrf: current.session.csrf_token.clone(),
        office_href: format!("/{}/offices/{}", lang.code(), booking.office_id),
        case_href: booking
            .case_id
            .as_deref()
            .map(|case| crate::cases::case_href(lang, case)),
        service_href: format!("/{}/services/{}", lang.code(), booking.service_id),
        ticket: booking
            .ticket_number
            .zip(ghiseu_domain::catalogue::WindowKind::parse(
                &booking.window_kind,
            ))
            .map(|(n, kind)| {
                ghiseu_domain::appointment::ticket_label(kind, u32::try_from(n).unwrap_or(u32::MAX))
            })
            .filter(|_| matches!(booking.state.as_str(), "checked-in" | "called")),
        counter: booking
            .counter_number
            .filter(|_| booking.state == "called")
            .map(|n| {
                t.with(
                    "appt-go-to-counter",
                    &[("counter", crate::i18n::number_arg(n))],
                )
            }),
    })
}

/// The booking page, with `errors` at its top; someone else's booking, or
/// none, is the not-found page.
pub(super) async fn render(
    state: &AppState,
    lang: Lang,
    current: &CurrentPerson,
    id: &str,
    move_date: &str,
    status: StatusCode,
    errors: Vec<String>,
) -> Response {
    let booking = match own(state, lang, current, id).await {
        Ok(booking) => booking,
        Err(response) => return *response,
    };
    match booking_page(state, lang, current, &booking, move_date, errors).await {
        Ok(page) => (status, html(&page)).into_response(),
        Err(e) => e.into_response(),
    }
}

pub(super) async fn show(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    current: CurrentPerson,
    Path((_, id)): Path<(String, String)>,
    Query(query): Query<MoveQuery>,
    Confirmed(done): Confirmed,
) -> Response {
    let booking = match own(&state, lang, &current, &id).await {
        Ok(booking) => booking,
        Err(response) => return *response,
    };
    match booking_page(&state, lang, &current, &booking, &query.date, Vec::new()).await {
        Ok(mut page) => {
            page.frame = page.frame.confirming(done);
            html(&page)
        }
        Err(e) => e.into_response(),
    }
}

/// After an action: back to `to`, or the booking page with the refusal.
pub(super) async fn answer(
    state: &AppState,
    lang: Lang,
    current: &CurrentPerson,
    id: &str,
    move_date: &str,
    result: Result<Booking, ApiError>,
    to: String,
) -> Response {
    match result {
        Ok(_) => Redirect::to(&to).into_response(),
        Err(e) if e.is_not_found() => finish(state, Err(PageError::NotFound(lang))),
        Err(e) => match refusal(tr(state, lang), &e) {
            Some((status, text)) => {
                render(state, lang, current, id, move_date, status, vec![text]).await
            }
            None => e.into_response(),
        },
    }
}

#[derive(Deserialize)]
pub(crate) struct ActionForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    start: String,
    #[serde(default)]
    date: String,
    /// `on` when the person ticked that cancelling gives the slot away.
    #[serde(default)]
    confirm: String,
}

pub(super) async fn confirm(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    current: CurrentPerson,
    Path((_, id)): Path<(String, String)>,
    Form(form): Form<ActionForm>,
) -> Response {
    if !current.csrf_ok(&form.csrf) {
        return expired_form(&state, lang);
    }
    let result = changes::confirm(&state, &current, &id)
        .await
        .map_err(ApiError::from);
    let to = crate::done::Done::Booked.after(&href(lang, &id));
    answer(&state, lang, &current, &id, "", result, to).await
}

pub(super) async fn cancel(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    current: CurrentPerson,
    ClientAddress(address): ClientAddress,
    Path((_, id)): Path<(String, String)>,
    Form(form): Form<ActionForm>,
) -> Response {
    if !current.csrf_ok(&form.csrf) {
        return expired_form(&state, lang);
    }
    if form.confirm != "on" {
        let text = tr(&state, lang).m("appt-cancel-confirm-needed");
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return render(&state, lang, &current, &id, "", status, vec![text]).await;
    }
    let result = changes::cancel(&state, &current, &address, &id)
        .await
        .map_err(ApiError::from);
    let to = match &result {
        Ok(cancelled) => format!(
            "/{}/appointments?cancelled={}",
            lang.code(),
            cancelled.reference
        ),
        Err(_) => format!("/{}/appointments", lang.code()),
    };
    answer(&state, lang, &current, &id, "", result, to).await
}

pub(super) async fn reschedule(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    current: CurrentPerson,
    ClientAddress(address): ClientAddress,
    Path((_, id)): Path<(String, String)>,
    Form(form): Form<ActionForm>,
) -> Response {
    if !current.csrf_ok(&form.csrf) {
        return expired_form(&state, lang);
    }
    let result = match form.start.parse::<Timestamp>() {
        Ok(start) => changes::reschedule(&state, &current, &address, &id, start)
            .await
            .map_err(ApiError::from),
        Err(_) => Err(ApiError::BadRequest {
            detail: "Choose a slot.".into(),
        }),
    };
    answer(
        &state,
        lang,
        &current,
        &id,
        &form.date,
        result,
        crate::done::Done::Moved.after(&href(lang, &id)),
    )
    .await
}

/// The person's own booking, or the page saying it is not theirs or not there.
async fn own(
    state: &AppState,
    lang: Lang,
    current: &CurrentPerson,
    id: &str,
) -> Result<Booking, Box<Response>> {
    match changes::own(state, current, id)
        .await
        .map_err(ApiError::from)
    {
        Ok(booking) => Ok(booking),
        Err(e) if e.is_not_found() => Err(Box::new(finish(state, Err(PageError::NotFound(lang))))),
        Err(e) => Err(Box::new(e.into_response())),
    }
}
