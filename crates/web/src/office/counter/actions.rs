//! What an operator does at the counter: check a person in, call the next
//! ticket to a counter, end a visit, record biometrics.

use super::Staff;
use super::{
    BookingForm, CallForm, Desk, biometrics_needed, counter_href, day_bounds, local_date, render,
    today_at, window_of,
};
use crate::AppState;
use crate::error::ApiError;
use crate::pages::{PageError, finish, html};
use axum::extract::{Form, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use ghiseu_app::office::counter::{CallPlace, VisitAct, act_on_visit, call_next};
use ghiseu_domain::catalogue::Lang;
use ghiseu_storage::appointments;

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

/// The message when the booking was not in a state that allows `act`.
fn refusal(act: VisitAct) -> &'static str {
    match act {
        VisitAct::CheckIn => "counter-refused-check-in",
        VisitAct::NoShow => "counter-refused-no-show",
        VisitAct::Served => "counter-refused-served",
        VisitAct::Biometrics => "counter-refused-biometrics",
    }
}

async fn act_on(
    state: AppState,
    lang: &str,
    staff: Staff,
    headers: &HeaderMap,
    id: &str,
    csrf: &str,
    act: VisitAct,
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
    let desk = Desk::at(office, window, headers);
    let refuse = |key: &'static str| {
        let state = state.clone();
        let staff = &staff;
        async move {
            render(
                &state,
                lang,
                staff,
                desk,
                date,
                StatusCode::CONFLICT,
                Some(key),
            )
            .await
        }
    };
    if act == VisitAct::CheckIn && date != today {
        return refuse("counter-refused-not-today").await;
    }
    if act == VisitAct::Biometrics && !biometrics_needed(&state, &booking) {
        return refuse("counter-refused-no-biometrics").await;
    }
    let done = act_on_visit(&state, &staff, &booking, act, today).await;
    match done {
        Ok(true) => Redirect::to(&counter_href(lang, &office.id, window.kind.as_str(), date))
            .into_response(),
        Ok(false) => refuse(refusal(act)).await,
        Err(e) => ApiError::from(e).into_response(),
    }
}

/// `POST …/bookings/{id}/{action}`: check-in, no-show, served or biometrics.
pub(crate) async fn on_booking(
    State(state): State<AppState>,
    Path((lang, id, action)): Path<(String, String, String)>,
    staff: Staff,
    headers: HeaderMap,
    Form(form): Form<BookingForm>,
) -> Response {
    let Some(act) = VisitAct::parse(&action) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    act_on(state, &lang, staff, &headers, &id, &form.csrf, act).await
}

pub(crate) async fn call(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    staff: Staff,
    headers: HeaderMap,
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
    let asked = form
        .counter
        .trim()
        .parse::<u16>()
        .ok()
        .filter(|c| (1..=window.counters).contains(c));
    let mut desk = Desk::at(office, window, &headers);
    desk.counter = asked.or(desk.counter);
    let refuse = |status: StatusCode, key: &'static str| {
        let state = state.clone();
        let staff = &staff;
        async move { render(&state, lang, staff, desk, today, status, Some(key)).await }
    };
    let Some(counter) = asked else {
        return refuse(StatusCode::UNPROCESSABLE_ENTITY, "counter-bad-counter").await;
    };
    let (from, until) = match day_bounds(office, today) {
        Ok(b) => b,
        Err(e) => return e.into_response(),
    };
    let place = CallPlace {
        office_id: &office.id,
        window_kind: window.kind.as_str(),
        counter,
        from,
        until,
    };
    let outcome = call_next(&state, &staff, &place).await;
    let mut response = match outcome {
        Ok(Some(_)) => Redirect::to(&counter_href(lang, &office.id, window.kind.as_str(), today))
            .into_response(),
        Ok(None) => refuse(StatusCode::CONFLICT, "counter-nobody-waiting").await,
        Err(e) => return ApiError::from(e).into_response(),
    };
    desk.remember(counter, state.sessions.secure_cookies, &mut response);
    response
}
