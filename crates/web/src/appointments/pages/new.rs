//! Booking a slot: the form (service, office, day, free slots, who comes)
//! and the hold it asks for.

use super::*;
use crate::AppState;
use crate::accounts::CurrentPerson;
use crate::accounts::client::ClientAddress;
use crate::appointments::book::{self, HoldRequest, Place, WhenFull, place};
use crate::appointments::slots;
use crate::error::ApiError;
use crate::i18n::number_arg;
use crate::pages::{Frame, PageLang, html};
use askama::Template;
use axum::extract::{Form, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use ghiseu_app::Refusal;
use ghiseu_app::refusal::BookingRefusal;
use ghiseu_domain::catalogue::{AppointmentMode, Lang};
use ghiseu_i18n::Tr;
use ghiseu_storage::households;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Deserialize;

pub(super) struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "appointments/new.html")]
pub(super) struct NewPage<'a> {
    frame: Frame<'a>,
    errors: Vec<String>,
    services: Vec<Choice>,
    offices: Vec<Choice>,
    service: String,
    office: String,
    date: String,
    slots: Vec<Choice>,
    holders: Vec<Choice>,
    /// The application the booking is for, when made from its page.
    case: String,
    csrf: String,
}

#[derive(Deserialize)]
pub(crate) struct NewQuery {
    #[serde(default)]
    service: String,
    #[serde(default)]
    office: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    case: String,
}

/// What the person asked for, as far as it names something real.
pub(super) struct Asked {
    service: String,
    office: String,
    date: String,
    start: String,
    holders: Vec<String>,
    case: String,
}

/// The free slots of a day as radio choices, with why there are none when
/// the day itself is refused (a holiday, a closure, not released yet).
pub(super) async fn day_slots(
    state: &AppState,
    t: Tr<'_>,
    place: &Place<'_>,
    date: Date,
    chosen: &str,
    errors: &mut Vec<String>,
) -> Result<Vec<Choice>, ApiError> {
    let now = state.clock.now();
    let zone = place.office.time_zone.clone();
    let free = slots::free_on(state, place, date, now).await?;
    if free.is_empty()
        && let Ok(noon) = date.at(12, 0, 0, 0).to_zoned(zone.clone())
        && let Err(refused) = book::slot(state, place, noon.timestamp(), now)
            .await
            .map_err(ApiError::from)
        && let ApiError::Refused(Refusal::Booking(about)) = &refused
        && about.is_about_the_day()
        && let Some((_, text)) = refusal(t, &refused)
    {
        errors.push(text);
    }
    Ok(free
        .into_iter()
        .filter(|s| s.free > 0)
        .map(|s| {
            let value = s.start.to_string();
            Choice {
                label: t.with(
                    "appt-slot-label",
                    &[
                        (
                            "time",
                            crate::i18n::text_arg(t.time(s.start.to_zoned(zone.clone()).time())),
                        ),
                        ("free", number_arg(s.free)),
                    ],
                ),
                selected: value == chosen,
                value,
            }
        })
        .collect())
}

pub(super) async fn new_page<'a>(
    state: &'a AppState,
    lang: Lang,
    current: &CurrentPerson,
    asked: &Asked,
    mut errors: Vec<String>,
) -> Result<NewPage<'a>, ApiError> {
    let t = tr(state, lang);
    let for_case = case_of(state, current, &asked.case).await?;
    let open: Vec<(String, String)> = state
        .catalogue
        .services()
        .filter(|(_, s)| match &for_case {
            Some(case) => s.id == case.service_id,
            None => s
                .appointment
                .as_ref()
                .is_some_and(|a| a.mode == AppointmentMode::Open),
        })
        .map(|(_, s)| (s.id.clone(), s.name.get(lang).to_string()))
        .collect();
    let service = if open.iter().any(|(id, _)| *id == asked.service) {
        asked.service.clone()
    } else {
        open.first().map(|(id, _)| id.clone()).unwrap_or_default()
    };
    let offices: Vec<(String, String)> = state
        .catalogue
        .service(&service)
        .map(|(authority, _)| {
            authority
                .offices
                .iter()
                .filter(|o| place(state, &service, &o.id).is_ok())
                .filter(|o| {
                    for_case
                        .as_ref()
                        .is_none_or(|c| c.office_id.as_ref() == Some(&o.id))
                })
                .map(|o| (o.id.clone(), o.name.get(lang).to_string()))
                .collect()
        })
        .unwrap_or_default();
    let office = if offices.iter().any(|(id, _)| *id == asked.office) {
        asked.office.clone()
    } else {
        offices
            .first()
            .map(|(id, _)| id.clone())
            .unwrap_or_default()
    };
    let mut date = String::new();
    let mut slot_choices = Vec::new();
    if let Ok(place) = place(state, &service, &office)
        && in_line(state, t, &place, current, &mut errors).await?
    {
        let now = state.clock.now();
        let chosen = if asked.date.is_empty() {
            None
        } else if let Ok(d) = asked.date.parse::<Date>() {
            Some(d)
        } else {
            errors.push(t.m("appt-error-date"));
            None
        };
        let day = match chosen {
            Some(day) => day,
            None => match slots::first_free(state, &place, 1, now).await? {
                Some(slot) => slot.start.to_zoned(place.office.time_zone.clone()).date(),
                None => now.to_zoned(place.office.time_zone.clone()).date(),
            },
        };
        date = day.to_string();
        slot_choices = day_slots(state, t, &place, day, &asked.start, &mut errors).await?;
    }
    // From a case, the case's holder comes unless the person chose.
    let case_ward = for_case.as_ref().and_then(|c| c.holder_ward_id.clone());
    let default_self = asked.holders.is_empty() && case_ward.is_none();
    let mut holders = vec![Choice {
        value: "self".into(),
        label: t.m("appt-holder-self"),
        selected: default_self || asked.holders.iter().any(|h| h == "self"),
    }];
    for ward in households::of_guardian(&state.db, &current.person.id).await? {
        if crate::accounts::household::is_active(state, &ward) {
            holders.push(Choice {
                selected: asked.holders.contains(&ward.ward_id)
                    || (asked.holders.is_empty() && case_ward.as_ref() == Some(&ward.ward_id)),
                label: format!("{} {}", ward.given_name, ward.family_name),
                value: ward.ward_id,
            });
        }
    }
    let choices = |list: Vec<(String, String)>, chosen: &str| -> Vec<Choice> {
        list.into_iter()
            .map(|(value, label)| Choice {
                selected: value == chosen,
                value,
                label,
            })
            .collect()
    };
    Ok(NewPage {
        frame: Frame::new(state, lang, t.m("appt-new-title"), "appointments/new"),
        errors,
        services: choices(open, &service),
        offices: choices(offices, &office),
        service,
        office,
        date,
        slots: slot_choices,
        holders,
        case: for_case.map(|c| c.id).unwrap_or_default(),
        csrf: current.session.csrf_token.clone(),
    })
}

/// Whether the person may see the office's slots now: not while a waiting
/// room holds them in line, which the page then says with their place.
async fn in_line(
    state: &AppState,
    t: Tr<'_>,
    place: &Place<'_>,
    current: &CurrentPerson,
    errors: &mut Vec<String>,
) -> Result<bool, ApiError> {
    let now = state.clock.now();
    let asked = state
        .gate
        .search_as(state, place.authority, &current.person.id, now)
        .await
        .map_err(ApiError::from);
    match asked {
        Ok(()) => Ok(true),
        Err(refused @ ApiError::Refused(Refusal::Booking(BookingRefusal::WaitingRoom { .. }))) => {
            if let Some((_, text)) = refusal(t, &refused) {
                errors.push(text);
            }
            Ok(false)
        }
        Err(other) => Err(other),
    }
}

/// The person's application named in the form, if any; one they cannot
/// reach is treated as none, and `book` refuses the hold with a reason.
async fn case_of(
    state: &AppState,
    current: &CurrentPerson,
    id: &str,
) -> Result<Option<ghiseu_storage::cases::CaseRecord>, ApiError> {
    if id.is_empty() || id.len() > 64 {
        return Ok(None);
    }
    Ok(crate::cases::access::citizen_case(state, current, id)
        .await?
        .map(|(case, _)| case))
}

pub(super) async fn new(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    current: CurrentPerson,
    Query(query): Query<NewQuery>,
) -> Response {
    let asked = Asked {
        service: query.service,
        office: query.office,
        date: query.date,
        start: String::new(),
        holders: Vec::new(),
        case: query.case,
    };
    match new_page(&state, lang, &current, &asked, Vec::new()).await {
        Ok(page) => html(&page),
        Err(e) => e.into_response(),
    }
}

pub(super) fn field<'f>(fields: &'f [(String, String)], name: &str) -> &'f str {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

pub(super) async fn hold(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    current: CurrentPerson,
    ClientAddress(address): ClientAddress,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    if !current.csrf_ok(field(&fields, "csrf")) {
        return expired_form(&state, lang);
    }
    let asked = Asked {
        service: field(&fields, "service").to_string(),
        office: field(&fields, "office").to_string(),
        date: field(&fields, "date").to_string(),
        start: field(&fields, "start").to_string(),
        holders: fields
            .iter()
            .filter(|(k, _)| k == "holder")
            .map(|(_, v)| v.clone())
            .collect(),
        case: field(&fields, "case").to_string(),
    };
    let result = match asked.start.parse::<Timestamp>() {
        Ok(start) => book::hold(
            &state,
            &current,
            &address,
            &HoldRequest {
                service: asked.service.clone(),
                office: asked.office.clone(),
                start,
                holders: asked.holders.clone(),
                case: Some(asked.case.clone()).filter(|c| !c.is_empty()),
            },
            WhenFull::Refuse,
        )
        .await
        .map_err(ApiError::from),
        Err(_) => Err(ApiError::BadRequest {
            detail: "Choose a slot.".into(),
        }),
    };
    let t = tr(&state, lang);
    match result {
        Ok(booking) => Redirect::to(&href(lang, &booking.id)).into_response(),
        Err(e) => match refusal(t, &e) {
            Some((status, text)) => {
                match new_page(&state, lang, &current, &asked, vec![text]).await {
                    Ok(page) => (status, html(&page)).into_response(),
                    Err(e) => e.into_response(),
                }
            }
            None => e.into_response(),
        },
    }
}
