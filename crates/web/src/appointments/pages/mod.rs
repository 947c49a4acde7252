//! The citizen's booking pages: their appointments, booking a slot for
//! themselves and the children in their household, confirming, moving and
//! cancelling it. Every rule is `book`'s; these pages only ask and show.

use crate::AppState;
use crate::accounts::CurrentPerson;
use crate::error::ApiError;
use crate::pages::{Frame, PageLang, html};
use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use ghiseu_domain::catalogue::Lang;
use ghiseu_i18n::Tr;
use ghiseu_storage::appointments::{self};
use jiff::Timestamp;

mod booking;
mod new;

use booking::{cancel, confirm, reschedule, show};
use new::{hold, new};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/{lang}/appointments", get(list).post(hold))
        .route("/{lang}/appointments/new", get(new))
        .route("/{lang}/appointments/{id}", get(show))
        .route("/{lang}/appointments/{id}/confirm", post(confirm))
        .route("/{lang}/appointments/{id}/cancel", post(cancel))
        .route("/{lang}/appointments/{id}/reschedule", post(reschedule))
}

/// A refusal as the person reads it, with the page's status; None for
/// failures on our side, which are answered as they are. The words are
/// `crate::refusals`'. A plain `NotFound` (from the case use cases, not yet
/// refusals) reads as a refusal of kind not-found does.
pub(crate) fn refusal(t: Tr<'_>, error: &ApiError) -> Option<(StatusCode, String)> {
    match error {
        ApiError::Refused(refused) => Some(crate::refusals::on_page(t, refused)),
        ApiError::NotFound { .. } => {
            Some((StatusCode::UNPROCESSABLE_ENTITY, t.m("appt-error-unknown")))
        }
        ApiError::Fields(_) | ApiError::BadRequest { .. } => Some((
            StatusCode::UNPROCESSABLE_ENTITY,
            t.m("appt-error-choose-slot"),
        )),
        _ => None,
    }
}

fn tr(state: &AppState, lang: Lang) -> Tr<'_> {
    Tr {
        i18n: &state.i18n,
        lang,
    }
}

pub(crate) fn href(lang: Lang, id: &str) -> String {
    format!("/{}/appointments/{id}", lang.code())
}

fn local(state: &AppState, office_id: &str, seconds: i64) -> Option<jiff::Zoned> {
    let zone = state.catalogue.office(office_id)?.time_zone.clone();
    Some(Timestamp::from_second(seconds).ok()?.to_zoned(zone))
}

pub(crate) fn when(t: Tr<'_>, state: &AppState, office_id: &str, seconds: i64) -> String {
    local(state, office_id, seconds).map_or_else(String::new, |z| {
        format!("{}, {}", t.date(z.date()), t.time(z.time()))
    })
}

fn expired_form(state: &AppState, lang: Lang) -> Response {
    (
        StatusCode::FORBIDDEN,
        html(&crate::accounts::expired(state, lang, "appointments")),
    )
        .into_response()
}

// ---------------------------------------------------------------- the list

pub(crate) struct Row {
    pub href: String,
    pub when: String,
    pub office: String,
    pub service: String,
    pub reference: String,
    pub state: String,
    pub people: i64,
}

#[derive(Template)]
#[template(path = "appointments/list.html")]
struct ListPage<'a> {
    frame: Frame<'a>,
    rows: Vec<Row>,
    /// What just changed, and what happens next.
    notice: Option<String>,
}

/// What the list says after a change: the appointment just cancelled.
#[derive(serde::Deserialize, Default)]
struct ListQuery {
    #[serde(default)]
    cancelled: String,
}

async fn list(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    current: CurrentPerson,
    axum::extract::Query(query): axum::extract::Query<ListQuery>,
) -> Response {
    let found = match appointments::active_for_person(&state.db, &current.person.id).await {
        Ok(found) => found,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let t = tr(&state, lang);
    let rows = found
        .iter()
        .map(|b| Row {
            href: href(lang, &b.id),
            when: when(t, &state, &b.office_id, b.starts_at),
            office: office_name(&state, lang, &b.office_id),
            service: service_name(&state, lang, &b.service_id),
            reference: b.reference.clone(),
            state: t.m(&format!("appt-state-{}", b.state)),
            people: b.seats,
        })
        .collect();
    let plain = !query.cancelled.is_empty()
        && query.cancelled.len() <= 24
        && query
            .cancelled
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
    html(&ListPage {
        frame: Frame::new(&state, lang, t.m("appt-list-title"), "appointments"),
        rows,
        notice: plain.then(|| {
            t.with(
                "appt-cancelled-notice",
                &[("reference", crate::i18n::text_arg(query.cancelled.as_str()))],
            )
        }),
    })
}

fn office_name(state: &AppState, lang: Lang, id: &str) -> String {
    state
        .catalogue
        .office(id)
        .map_or_else(|| id.to_string(), |o| o.name.get(lang).to_string())
}

/// The service's name in `lang`, else its id (a service gone from the catalogue).
pub(crate) fn service_name(state: &AppState, lang: Lang, id: &str) -> String {
    state
        .catalogue
        .service(id)
        .map_or_else(|| id.to_string(), |(_, s)| s.name.get(lang).to_string())
}
