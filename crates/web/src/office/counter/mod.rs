//! At the counter: one window's day of bookings, arrivals and their tickets,
//! calling the next person to a counter, the end of each visit, and the
//! public board in the waiting hall. Every page works without JavaScript.

use super::Staff;
use crate::AppState;
use crate::error::ApiError;
use crate::pages::{Frame, PageError, PageLang, finish, html};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use ghiseu_domain::appointment::ticket_label;
use ghiseu_domain::catalogue::{Lang, Office, Window, WindowKind};
use ghiseu_i18n::Tr;
use ghiseu_storage::appointments::{self, Booking};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Deserialize;

mod actions;
mod desk;

use desk::Desk;

pub(crate) use actions::{call, on_booking};

/// How many called tickets the waiting hall's board shows.
const BOARD_SIZE: i64 = 10;

#[derive(Deserialize, Default)]
pub(crate) struct DayQuery {
    #[serde(default)]
    office: String,
    #[serde(default)]
    window: String,
    #[serde(default)]
    date: String,
}

#[derive(Deserialize, Default)]
pub(crate) struct BookingForm {
    #[serde(default)]
    csrf: String,
}

#[derive(Deserialize, Default)]
pub(crate) struct CallForm {
    #[serde(default)]
    office: String,
    #[serde(default)]
    window: String,
    #[serde(default)]
    counter: String,
    #[serde(default)]
    csrf: String,
}

pub(crate) struct DayRow {
    pub id: String,
    pub time: String,
    pub reference: String,
    /// Who comes (their names) and for which service.
    pub who: String,
    pub service: String,
    pub people: i64,
    pub state: String,
    pub ticket: String,
    pub counter: String,
    pub confirmed: bool,
    pub called: bool,
    pub biometrics_due: bool,
    pub biometrics_done: bool,
}

#[derive(Template)]
#[template(path = "office/counter.html")]
struct CounterPage<'a> {
    frame: Frame<'a>,
    office_id: String,
    office_name: String,
    window: String,
    window_name: String,
    date: String,
    date_label: String,
    today: bool,
    rows: Vec<DayRow>,
    called: Vec<(String, String)>,
    /// Each counter of the window, and whether it is the one chosen last.
    counters: Vec<(u16, bool)>,
    windows: Vec<(String, String, bool)>,
    offices: Vec<(String, String, bool)>,
    csrf: String,
    problem: Option<String>,
}

#[derive(Template)]
#[template(path = "office/display.html")]
struct DisplayPage<'a> {
    frame: Frame<'a>,
    office_name: String,
    tickets: Vec<(String, String)>,
}

/// A window of an office this member of staff serves.
fn window_of<'a>(
    state: &'a AppState,
    staff: &Staff,
    office_id: &str,
    window: &str,
) -> Option<(&'a Office, &'a Window)> {
    let office = state.catalogue.office(office_id)?;
    if !staff.serves(&state.catalogue, &office.id) {
        return None;
    }
    let window = office.window(WindowKind::parse(window)?)?;
    Some((office, window))
}

fn today_at(state: &AppState, office: &Office) -> Date {
    state.clock.now().to_zoned(office.time_zone.clone()).date()
}

/// The first and the last instant (exclusive) of a local day, in unix seconds.
fn day_bounds(office: &Office, date: Date) -> Result<(i64, i64), ApiError> {
    let bound = |d: Date| {
        d.to_zoned(office.time_zone.clone())
            .map(|z| z.timestamp().as_second())
            .map_err(|e| ApiError::Internal(format!("day {d}: {e}")))
    };
    let next = date
        .tomorrow()
        .map_err(|e| ApiError::Internal(format!("day after {date}: {e}")))?;
    Ok((bound(date)?, bound(next)?))
}

fn local_date(office: &Office, at: i64) -> Option<Date> {
    Timestamp::from_second(at)
        .ok()
        .map(|t| t.to_zoned(office.time_zone.clone()).date())
}

fn label(kind: &str, number: Option<i64>) -> String {
    match (WindowKind::parse(kind), number) {
        (Some(kind), Some(n)) => ticket_label(kind, u32::try_from(n).unwrap_or(u32::MAX)),
        _ => String::new(),
    }
}

fn biometrics_needed(state: &AppState, booking: &Booking) -> bool {
    state
        .catalogue
        .service(&booking.service_id)
        .is_some_and(|(_, s)| s.biometrics.facial_image || s.biometrics.fingerprints)
}

fn counter_href(lang: Lang, office: &str, window: &str, date: Date) -> String {
    format!(
        "/{}/office/counter?office={office}&window={window}&date={date}",
        lang.code()
    )
}

async fn render(
    state: &AppState,
    lang: Lang,
    staff: &Staff,
    desk: Desk<'_>,
    date: Date,
    status: StatusCode,
    problem: Option<&str>,
) -> Response {
    let Desk { office, window, .. } = desk;
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let (from, until) = match day_bounds(office, date) {
        Ok(b) => b,
        Err(e) => return e.into_response(),
    };
    let kind = window.kind.as_str();
    let found = match appointments::day_of_window(&state.db, &office.id, kind, from, until).await {
        Ok(f) => f,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let ids: Vec<&str> = found.iter().map(|b| b.id.as_str()).collect();
    let mut names = match appointments::holder_names(&state.db, &ids).await {
        Ok(n) => n,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let mut rows = Vec::with_capacity(found.len());
    let mut called = Vec::new();
    for b in found {
        let ticket = label(&b.window_kind, b.ticket_number);
        let counter = b.counter_number.map(|c| c.to_string()).unwrap_or_default();
        if b.state == "called" {
            called.push((ticket.clone(), counter.clone()));
        }
        let time = Timestamp::from_second(b.starts_at)
            .map(|s| t.time(s.to_zoned(office.time_zone.clone()).time()))
            .unwrap_or_default();
        let needed = biometrics_needed(state, &b);
        rows.push(DayRow {
            time,
            reference: b.reference.clone(),
            who: names.remove(&b.id).unwrap_or_default().join(", "),
            service: crate::appointments::pages::service_name(state, lang, &b.service_id),
            people: b.seats,
            state: t.m(&format!("counter-state-{}", b.state)),
            ticket,
            counter,
            confirmed: b.state == "confirmed",
            called: b.state == "called",
            biometrics_due: needed
                && b.biometrics_at.is_none()
                && (b.state == "called" || b.state == "served"),
            biometrics_done: b.biometrics_at.is_some(),
            id: b.id,
        });
    }
    let windows = office
        .windows
        .iter()
        .map(|w| {
            (
                w.kind.as_str().to_string(),
                t.m(&format!("counter-window-{}", w.kind.as_str())),
                w.kind == window.kind,
            )
        })
        .collect();
    let offices = staff
        .offices(&state.catalogue)
        .into_iter()
        .filter(|o| !o.windows.is_empty())
        .map(|o| {
            (
                o.id.clone(),
                o.name.get(lang).to_string(),
                o.id == office.id,
            )
        })
        .collect();
    let path = format!(
        "office/counter?office={}&window={kind}&date={date}",
        office.id
    );
    let page = CounterPage {
        frame: Frame::new(state, lang, t.m("counter-title"), &path),
        office_id: office.id.clone(),
        office_name: office.name.get(lang).to_string(),
        window: kind.to_string(),
        window_name: t.m(&format!("counter-window-{kind}")),
        date: date.to_string(),
        date_label: t.date(date),
        today: date == today_at(state, office),
        rows,
        called,
        counters: (1..=window.counters)
            .map(|n| (n, desk.counter == Some(n)))
            .collect(),
        windows,
        offices,
        csrf: staff.current.session.csrf_token.clone(),
        problem: problem.map(|k| t.m(k)),
    };
    (status, html(&page)).into_response()
}

pub(crate) async fn day(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    staff: Staff,
    headers: HeaderMap,
    Query(query): Query<DayQuery>,
) -> Response {
    // With no office or window named, the first of this person's offices and
    // its first window.
    let office_id = if query.office.is_empty() {
        staff
            .offices(&state.catalogue)
            .into_iter()
            .find(|o| !o.windows.is_empty())
            .map(|o| o.id.clone())
            .unwrap_or_default()
    } else {
        query.office.clone()
    };
    let window = if query.window.is_empty() {
        state
            .catalogue
            .office(&office_id)
            .and_then(|o| o.windows.first())
            .map(|w| w.kind.as_str().to_string())
            .unwrap_or_default()
    } else {
        query.window.clone()
    };
    let Some((office, window)) = window_of(&state, &staff, &office_id, &window) else {
        return finish(&state, Err(PageError::NotFound(lang)));
    };
    let date = query
        .date
        .parse::<Date>()
        .unwrap_or_else(|_| today_at(&state, office));
    let desk = Desk::at(office, window, &headers);
    render(&state, lang, &staff, desk, date, StatusCode::OK, None).await
}

/// The board in the waiting hall: today's latest called tickets, newest
/// first. Public, and it reloads itself every few seconds.
pub(crate) async fn display(
    State(state): State<AppState>,
    Path((lang, office_id)): Path<(String, String)>,
) -> Response {
    let lang = match crate::pages::page_lang(&lang) {
        Ok(l) => l,
        Err(e) => return finish(&state, Err(e)),
    };
    let Some(office) = state.catalogue.office(&office_id) else {
        return finish(&state, Err(PageError::NotFound(lang)));
    };
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let (since, _) = match day_bounds(office, today_at(&state, office)) {
        Ok(b) => b,
        Err(e) => return e.into_response(),
    };
    let called = match appointments::tickets_called(&state.db, &office.id, since, BOARD_SIZE).await
    {
        Ok(c) => c,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let tickets = called
        .into_iter()
        .map(|(kind, number, counter, _)| (label(&kind, Some(number)), counter.to_string()))
        .collect();
    html(&DisplayPage {
        frame: Frame::new(
            &state,
            lang,
            t.m("display-title"),
            &format!("offices/{}/display", office.id),
        ),
        office_name: office.name.get(lang).to_string(),
        tickets,
    })
}
