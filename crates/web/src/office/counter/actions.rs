//! What an operator does at the counter: check a person in, call the next
//! ticket to a counter, end a visit, record biometrics.

use super::Staff;
use super::{
    BookingForm, CallForm, biometrics_needed, counter_href, day_bounds, local_date, render,
    today_at, window_of,
};
use crate::AppState;
use crate::error::ApiError;
use crate::pages::{PageError, finish, html};
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use ghiseu_domain::catalogue::Lang;
use ghiseu_storage::appointments::{self, Booking, CallOutcome};
use ghiseu_storage::audit;

/// Checks the language and the form's token; the page to answer with when
/// either is wrong.
fn prelude(state: &AppState, lang: &str, staff: &Staff, csrf: &str) -> Result<Lang, Box<Response>> {
    let lang = crate::pages::page_lang(lang).map_err(|e| Box::new(finish(state, Err(e))))?;
    if !staff.current.csrf_ok(csrf) {
        let page = crate::accounts::expired(state, lang, "office/counter");
        return Err(Box::new(
            (StatusCode::FORBIDDEN, html(&page)).into_response(),
        ));
    }
    Ok(lang)
}

/// What an operator does to one booking.
#[derive(Clone, Copy)]
enum Act {
    CheckIn,
    NoShow,
    Served,
    Biometrics,
}

impl Act {
    fn parse(action: &str) -> Option<Act> {
        match action {
            "check-in" => Some(Act::CheckIn),
            "no-show" => Some(Act::NoShow),
            "served" => Some(Act::Served),
            "biometrics" => Some(Act::Biometrics),
            _ => None,
        }
    }

    fn audit_action(self) -> &'static str {
        match self {
            Act::CheckIn => "appointment.checked-in",
            Act::NoShow => "appointment.no-show",
            Act::Served => "appointment.served",
            Act::Biometrics => "appointment.biometrics",
        }
    }

    fn refusal(self) -> &'static str {
        match self {
            Act::CheckIn => "counter-refused-check-in",
            Act::NoShow => "counter-refused-no-show",
            Act::Served => "counter-refused-served",
            Act::Biometrics => "counter-refused-biometrics",
        }
    }
}

async fn act_on(
    state: AppState,
    lang: &str,
    staff: Staff,
    id: &str,
    csrf: &str,
    act: Act,
) -> Response {
    let lang = match prelude(&state, lang, &staff, csrf) {
        Ok(l) => l,
        Err(r) => return *r,
    };
    let found = async {
        let mut conn = state.db.connection().await?;
        appointments::booking(&mut conn, id).await
    }
    .await;
    let booking = match found {
        Ok(Some(b)) if staff.serves(&state.catalogue, &b.office_id) => b,
        Ok(_) => return finish(&state, Err(PageError::NotFound(lang))),
        Err(e) => return ApiError::from(e).into_response(),
    };
    let Some((office, window)) =
        window_of(&state, &staff, &booking.office_id, &booking.window_kind)
    else {
        return finish(&state, Err(PageError::NotFound(lang)));
    };
    let today = today_at(&state, office);
    let date = local_date(office, booking.starts_at).unwrap_or(today);
    let refuse = |key: &'static str| {
        let state = state.clone();
        let staff = &staff;
        async move {
            render(
                &state,
                lang,
                staff,
                office,
                window,
                date,
                StatusCode::CONFLICT,
                Some(key),
            )
            .await
        }
    };
    if matches!(act, Act::CheckIn) && date != today {
        return refuse("counter-refused-not-today").await;
    }
    if matches!(act, Act::Biometrics) && !biometrics_needed(&state, &booking) {
        return refuse("counter-refused-no-biometrics").await;
    }
    let done: Result<bool, ApiError> = async {
        let now = state.clock.now();
        let operator = &staff.current.person.id;
        let mut tx = state.db.begin_write().await?;
        let done = match act {
            Act::CheckIn => appointments::check_in(
                &mut tx,
                &booking.id,
                &today.to_string(),
                operator,
                now.as_second(),
            )
            .await?
            .is_some(),
            Act::NoShow => appointments::finish_visit(
                &mut tx,
                &booking.id,
                "no-show",
                operator,
                now.as_second(),
            )
            .await?
            .is_some(),
            Act::Served => appointments::finish_visit(
                &mut tx,
                &booking.id,
                "served",
                operator,
                now.as_second(),
            )
            .await?
            .is_some(),
            Act::Biometrics => {
                appointments::record_biometrics(&mut tx, &booking.id, operator, now.as_second())
                    .await?
                    && note_biometrics(&mut tx, &staff, &booking, now).await?
            }
        };
        if !done {
            tx.rollback().await?;
            return Ok(false);
        }
        let mut event = staff.audit_event(&state, act.audit_action(), Some(&booking.booked_by));
        event.detail = serde_json::json!({ "booking": booking.id, "reference": booking.reference });
        audit::append(&mut tx, &event).await?;
        tx.commit().await?;
        Ok(true)
    }
    .await;
    match done {
        Ok(true) => Redirect::to(&counter_href(lang, &office.id, window.kind.as_str(), date))
            .into_response(),
        Ok(false) => refuse(act.refusal()).await,
        Err(e) => e.into_response(),
    }
}

/// Writes the capture into the history of the booking's case, if it has
/// one the capture fits; the citizen's timeline then names the office.
async fn note_biometrics(
    conn: &mut ghiseu_storage::Connection,
    staff: &Staff,
    booking: &appointments::Booking,
    now: jiff::Timestamp,
) -> Result<bool, ApiError> {
    let Some(case_id) = &booking.case_id else {
        return Ok(true);
    };
    let Some(case) = ghiseu_storage::cases::get_in(conn, case_id).await? else {
        return Ok(true);
    };
    let note = ghiseu_domain::case::CaseNote::BiometricsCaptured;
    if ghiseu_domain::case::CaseState::parse(&case.state).is_some_and(|s| note.fits(s)) {
        ghiseu_storage::cases::note(
            conn,
            &case.id,
            &case.state,
            note.code(),
            Some(&staff.current.person.id),
            staff.role.code(),
            Some(&booking.office_id),
            now.as_microsecond(),
        )
        .await?;
    }
    Ok(true)
}

/// `POST …/bookings/{id}/{action}`: check-in, no-show, served or biometrics.
pub(crate) async fn on_booking(
    State(state): State<AppState>,
    Path((lang, id, action)): Path<(String, String, String)>,
    staff: Staff,
    Form(form): Form<BookingForm>,
) -> Response {
    let Some(act) = Act::parse(&action) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    act_on(state, &lang, staff, &id, &form.csrf, act).await
}

pub(crate) async fn call(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    staff: Staff,
    Form(form): Form<CallForm>,
) -> Response {
    let lang = match prelude(&state, &lang, &staff, &form.csrf) {
        Ok(l) => l,
        Err(r) => return *r,
    };
    let Some((office, window)) = window_of(&state, &staff, &form.office, &form.window) else {
        return finish(&state, Err(PageError::NotFound(lang)));
    };
    let today = today_at(&state, office);
    let refuse = |status: StatusCode, key: &'static str| {
        let state = state.clone();
        let staff = &staff;
        async move {
            render(
                &state,
                lang,
                staff,
                office,
                window,
                today,
                status,
                Some(key),
            )
            .await
        }
    };
    let counter = match form.counter.trim().parse::<u16>() {
        Ok(c) if (1..=window.counters).contains(&c) => c,
        _ => return refuse(StatusCode::UNPROCESSABLE_ENTITY, "counter-bad-counter").await,
    };
    let (from, until) = match day_bounds(office, today) {
        Ok(b) => b,
        Err(e) => return e.into_response(),
    };
    let outcome: Result<Option<Booking>, ApiError> = async {
        let now = state.clock.now();
        let mut tx = state.db.begin_write().await?;
        let outcome = appointments::call_next(
            &mut tx,
            &office.id,
            window.kind.as_str(),
            from,
            until,
            i64::from(counter),
            &staff.current.person.id,
            now.as_second(),
        )
        .await?;
        let CallOutcome::Called(called) = outcome else {
            tx.rollback().await?;
            return Ok(None);
        };
        let mut event = staff.audit_event(&state, "appointment.called", Some(&called.booked_by));
        event.detail = serde_json::json!({
            "booking": called.id,
            "reference": called.reference,
            "counter": counter,
        });
        audit::append(&mut tx, &event).await?;
        tx.commit().await?;
        Ok(Some(*called))
    }
    .await;
    match outcome {
        Ok(Some(_)) => Redirect::to(&counter_href(lang, &office.id, window.kind.as_str(), today))
            .into_response(),
        Ok(None) => refuse(StatusCode::CONFLICT, "counter-nobody-waiting").await,
        Err(e) => e.into_response(),
    }
}
