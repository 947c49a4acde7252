//! Giving the applicant an appointment from the case page, for services
//! whose office schedules its applicants: choose a day, then a free slot of
//! the case's office window. The rules are `appointments::assign`'s.

use super::super::Staff;
use super::decide::prelude;
use super::show::render;
use super::staff_case_href;
use crate::AppState;
use crate::appointments::assign::{assign, assigned_by_office};
use crate::appointments::book::place;
use crate::appointments::slots;
use crate::error::ApiError;
use crate::pages::html;
use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use ghiseu_domain::account::Role;
use ghiseu_domain::case::CaseNote;
use ghiseu_i18n::Tr;
use ghiseu_storage::appointments;
use ghiseu_storage::cases::CaseRecord;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Deserialize;

/// The appointment part of the staff case page.
pub(crate) struct AssignView {
    /// When and which booking the case has, once it has one.
    pub booked: Option<(String, String)>,
    /// The day whose free slots are listed, `YYYY-MM-DD`.
    pub day: String,
    /// Free slots as (start, label).
    pub slots: Vec<(String, String)>,
    /// Whether this person may give the appointment now.
    pub can_assign: bool,
    /// Whether the case is at the stage where it is given one.
    pub ready: bool,
}

/// None for a case whose service is not scheduled by the office.
pub(crate) async fn view(
    state: &AppState,
    t: Tr<'_>,
    staff: &Staff,
    case: &CaseRecord,
    day: Option<Date>,
) -> Result<Option<AssignView>, ApiError> {
    if !assigned_by_office(state, case) {
        return Ok(None);
    }
    if let Some(b) = appointments::active_for_case(&state.db, &case.id).await? {
        let when = crate::appointments::pages::when(t, state, &b.office_id, b.starts_at);
        return Ok(Some(AssignView {
            booked: Some((when, b.reference)),
            day: String::new(),
            slots: Vec::new(),
            can_assign: false,
            ready: true,
        }));
    }
    let ready = CaseNote::AppointmentAssigned.fits(ghiseu_app::cases::moves::state_of(case)?);
    let may = matches!(staff.role, Role::Operator | Role::Supervisor);
    let place = match case
        .office_id
        .as_deref()
        .map(|o| place(state, &case.service_id, o))
    {
        Some(Ok(place)) if ready && may => place,
        _ => {
            return Ok(Some(AssignView {
                booked: None,
                day: String::new(),
                slots: Vec::new(),
                can_assign: false,
                ready,
            }));
        }
    };
    let now = state.clock.now();
    let zone = place.office.time_zone.clone();
    let day = match day {
        Some(day) => day,
        None => match slots::first_free(state, &place, 1, now).await? {
            Some(slot) => slot.start.to_zoned(zone.clone()).date(),
            None => now.to_zoned(zone.clone()).date(),
        },
    };
    let free = slots::free_on(state, &place, day, now).await?;
    let slots = free
        .into_iter()
        .filter(|s| s.free > 0)
        .map(|s| {
            let label = t.with(
                "appt-slot-label",
                &[
                    (
                        "time",
                        crate::i18n::text_arg(t.time(s.start.to_zoned(zone.clone()).time())),
                    ),
                    ("free", crate::i18n::number_arg(s.free)),
                ],
            );
            (s.start.to_string(), label)
        })
        .collect();
    Ok(Some(AssignView {
        booked: None,
        day: day.to_string(),
        slots,
        can_assign: true,
        ready,
    }))
}

#[derive(Deserialize, Default)]
pub(crate) struct AssignForm {
    #[serde(default)]
    start: String,
    #[serde(default)]
    day: String,
    #[serde(default)]
    csrf: String,
}

/// `POST /{lang}/office/cases/{id}/appointment`: `start`, `day`, `csrf`.
pub(crate) async fn give(
    State(state): State<AppState>,
    Path((lang, id)): Path<(String, String)>,
    staff: Staff,
    Form(form): Form<AssignForm>,
) -> Response {
    let (lang, case) = match prelude(&state, &lang, &staff, &id, &form.csrf).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let result = match form.start.parse::<Timestamp>() {
        Ok(start) => assign(&state, &staff, &case, start)
            .await
            .map_err(ApiError::from),
        Err(_) => Err(ApiError::BadRequest {
            detail: "Choose a slot.".into(),
        }),
    };
    let error = match result {
        Ok(_) => {
            let to = crate::done::Done::AppointmentGiven.after(&staff_case_href(lang, &case.id));
            return Redirect::to(&to).into_response();
        }
        Err(e) => e,
    };
    let Some((status, text)) = crate::appointments::pages::refusal(t, &error) else {
        return error.into_response();
    };
    let day = form.day.parse::<Date>().ok();
    let rendered = async {
        let mut page = render(&state, lang, &staff, &case, Some(text)).await?;
        page.appointment = view(&state, t, &staff, &case, day).await?;
        Ok::<_, ApiError>(page)
    };
    match rendered.await {
        Ok(page) => (status, html(&page)).into_response(),
        Err(e) => e.into_response(),
    }
}
