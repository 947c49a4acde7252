//! One-off office closures, entered by an administrator of the authority:
//! an office (or one of its windows) closed on a day or a run of days for a
//! reason. Slots on those days vanish at once; bookings already made on
//! them are listed to be moved by hand (a closure never cancels anything).

use super::Staff;
use crate::AppState;
use crate::accounts::FormError;
use crate::done::Confirmed;
use crate::error::ApiError;
use crate::pages::{Frame, PageLang, html};
use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use ghiseu_app::office::closures::ClosureRequest;
use ghiseu_domain::account::Role;
use ghiseu_domain::catalogue::{Lang, Office, WindowKind};
use ghiseu_i18n::Tr;
use ghiseu_storage::appointments;
use jiff::civil::Date;
use serde::Deserialize;

/// The most days one entry closes.
const MAX_DAYS: i32 = 62;
const MAX_REASON_CHARS: usize = 200;
/// Reasons offered ready-made, each kept in both languages.
const PRESETS: [&str; 4] = ["training", "maintenance", "it-outage", "staff-shortage"];

pub(crate) struct ClosureLine {
    pub id: String,
    pub day: String,
    pub office: String,
    pub window: String,
    pub reason: String,
}

pub(crate) struct MoveLine {
    pub reference: String,
    /// The holders' names.
    pub who: String,
    pub when: String,
    pub office: String,
    pub service: String,
    pub state: String,
}

#[derive(Template)]
#[template(path = "office/closures.html")]
struct ClosuresPage<'a> {
    frame: Frame<'a>,
    errors: Vec<FormError>,
    csrf: String,
    offices: Vec<(String, String)>,
    windows: Vec<(String, String)>,
    presets: Vec<(String, String)>,
    closures: Vec<ClosureLine>,
    to_move: Vec<MoveLine>,
    form: ClosureForm,
}

impl ClosuresPage<'_> {
    fn error(&self, field: &str) -> Option<String> {
        crate::accounts::error_for(&self.errors, field)
    }
}

#[derive(Deserialize, Default, Clone)]
pub(crate) struct ClosureForm {
    #[serde(default)]
    office: String,
    #[serde(default)]
    window: String,
    #[serde(default)]
    first: String,
    #[serde(default)]
    last: String,
    #[serde(default)]
    preset: String,
    #[serde(default)]
    reason: String,
    /// `on` when the administrator ticked that the people booked are told.
    #[serde(default)]
    confirm: String,
    #[serde(default)]
    csrf: String,
}

fn tr(state: &AppState, lang: Lang) -> Tr<'_> {
    Tr {
        i18n: &state.i18n,
        lang,
    }
}

fn today(state: &AppState, office: &Office) -> Date {
    state.clock.now().to_zoned(office.time_zone.clone()).date()
}

/// The refusal for anyone but an administrator (of the authority, or of
/// the whole installation).
fn forbidden(state: &AppState, lang: Lang) -> Response {
    let t = tr(state, lang);
    let page = crate::accounts::MessagePage {
        frame: Frame::new(
            state,
            lang,
            t.m("office-forbidden-title"),
            "office/closures",
        ),
        body: vec![t.m("office-closures-forbidden")],
        link: None,
    };
    (StatusCode::FORBIDDEN, html(&page)).into_response()
}

async fn page<'a>(
    state: &'a AppState,
    lang: Lang,
    admin: &Staff,
    form: ClosureForm,
    errors: Vec<FormError>,
) -> Result<ClosuresPage<'a>, ApiError> {
    let t = tr(state, lang);
    let offices = admin.offices(&state.catalogue);
    let window_name = |w: Option<&str>| match w {
        Some(w) => t.m(&format!("counter-window-{w}")),
        None => t.m("office-closures-whole-office"),
    };
    let mut closures = Vec::new();
    let mut to_move = Vec::new();
    for office in &offices {
        let from = today(state, office).to_string();
        for c in appointments::upcoming_closures(&state.db, &office.id, &from).await? {
            let Ok(day) = c.day.parse::<Date>() else {
                continue;
            };
            let window = c.window_kind.as_deref();
            let found =
                ghiseu_app::office::closures::booked_at(state, office, window, &[day]).await?;
            let ids: Vec<&str> = found.iter().map(|b| b.id.as_str()).collect();
            let mut names = appointments::holder_names(&state.db, &ids).await?;
            for b in found {
                to_move.push(MoveLine {
                    who: names.remove(&b.id).unwrap_or_default().join(", "),
                    when: crate::appointments::pages::when(t, state, &b.office_id, b.starts_at),
                    office: office.name.get(lang).to_string(),
                    service: crate::appointments::pages::service_name(state, lang, &b.service_id),
                    state: t.m(&format!("appt-state-{}", b.state)),
                    reference: b.reference,
                });
            }
            closures.push(ClosureLine {
                day: t.date(day),
                office: office.name.get(lang).to_string(),
                window: window_name(c.window_kind.as_deref()),
                reason: t.closure_reason(&c.reason),
                id: c.id,
            });
        }
    }
    Ok(ClosuresPage {
        frame: Frame::new(state, lang, t.m("office-closures-title"), "office/closures"),
        errors,
        csrf: admin.current.session.csrf_token.clone(),
        offices: offices
            .iter()
            .map(|o| (o.id.clone(), o.name.get(lang).to_string()))
            .collect(),
        windows: WindowKind::ALL
            .iter()
            .map(|w| (w.as_str().to_string(), window_name(Some(w.as_str()))))
            .collect(),
        presets: PRESETS
            .iter()
            .map(|p| (p.to_string(), t.m(&format!("office-closures-reason-{p}"))))
            .collect(),
        closures,
        to_move,
        form: ClosureForm {
            csrf: String::new(),
            reason: form.reason.chars().take(MAX_REASON_CHARS).collect(),
            ..form
        },
    })
}

fn show_page(result: Result<ClosuresPage<'_>, ApiError>, status: StatusCode) -> Response {
    match result {
        Ok(p) => (status, html(&p)).into_response(),
        Err(e) => e.into_response(),
    }
}

pub(crate) async fn list(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    admin: Staff,
    Confirmed(done): Confirmed,
) -> Response {
    if admin.role != Role::Administrator {
        return forbidden(&state, lang);
    }
    let result = page(&state, lang, &admin, ClosureForm::default(), Vec::new())
        .await
        .map(|mut p| {
            p.frame = p.frame.confirming(done);
            p
        });
    show_page(result, StatusCode::OK)
}

/// Checks the form: the closure it asks for, or what is wrong with it.
fn check<'a>(
    state: &'a AppState,
    t: Tr<'_>,
    admin: &Staff,
    form: &ClosureForm,
) -> Result<ClosureRequest<'a>, Vec<FormError>> {
    let mut errors = Vec::new();
    let office = admin
        .offices(&state.catalogue)
        .into_iter()
        .find(|o| o.id == form.office);
    if office.is_none() {
        errors.push(FormError::new(t, "office", "office-closures-error-office"));
    }
    let window = match form.window.as_str() {
        "" => None,
        w => match WindowKind::parse(w) {
            Some(kind) if office.is_none_or(|o| o.window(kind).is_some()) => Some(kind),
            _ => {
                errors.push(FormError::new(t, "window", "office-closures-error-window"));
                None
            }
        },
    };
    let first = form.first.trim().parse::<Date>().ok();
    let last = if form.last.trim().is_empty() {
        first
    } else {
        form.last.trim().parse::<Date>().ok()
    };
    match (first, office) {
        (None, _) => errors.push(FormError::new(t, "first", "office-closures-error-date")),
        (Some(first), Some(office)) if first < today(state, office) => {
            errors.push(FormError::new(t, "first", "office-closures-error-past"));
        }
        _ => {}
    }
    let mut days = Vec::new();
    match (first, last) {
        (Some(_), None) => errors.push(FormError::new(t, "last", "office-closures-error-date")),
        (Some(first), Some(last)) if last < first => {
            errors.push(FormError::new(t, "last", "office-closures-error-order"));
        }
        (Some(first), Some(last)) => {
            let mut day = first;
            while day <= last && days.len() <= MAX_DAYS as usize {
                days.push(day);
                match day.tomorrow() {
                    Ok(next) => day = next,
                    Err(_) => break,
                }
            }
            if days.len() > MAX_DAYS as usize {
                errors.push(FormError::new(t, "last", "office-closures-error-long"));
            }
        }
        _ => {}
    }
    let free = form.reason.trim();
    let reason = if !free.is_empty() {
        if free.chars().count() > MAX_REASON_CHARS {
            errors.push(FormError::new(
                t,
                "reason",
                "office-closures-error-reason-long",
            ));
        }
        free.to_string()
    } else if PRESETS.contains(&form.preset.as_str()) {
        // Kept as the usual reason it is, so each reader reads it in their language.
        format!("preset:{}", form.preset)
    } else {
        errors.push(FormError::new(t, "reason", "office-closures-error-reason"));
        String::new()
    };
    match office {
        Some(office) if errors.is_empty() => Ok(ClosureRequest {
            office,
            window,
            days,
            reason,
        }),
        _ => Err(errors),
    }
}

fn expired(state: &AppState, lang: Lang) -> Response {
    (
        StatusCode::FORBIDDEN,
        html(&crate::accounts::expired(state, lang, "office/closures")),
    )
        .into_response()
}

pub(crate) async fn add(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    admin: Staff,
    Form(form): Form<ClosureForm>,
) -> Response {
    if admin.role != Role::Administrator {
        return forbidden(&state, lang);
    }
    if !admin.current.csrf_ok(&form.csrf) {
        return expired(&state, lang);
    }
    let asked = match check(&state, tr(&state, lang), &admin, &form) {
        Ok(asked) => asked,
        Err(errors) => {
            let result = page(&state, lang, &admin, form, errors).await;
            return show_page(result, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    if form.confirm != "on" {
        let t = tr(&state, lang);
        let affected = match ghiseu_app::office::closures::bookings_affected(&state, &asked).await {
            Ok(n) => i64::try_from(n).unwrap_or(i64::MAX),
            Err(e) => return ApiError::from(e).into_response(),
        };
        let message = if affected == 0 {
            t.m("office-closures-error-confirm-none")
        } else {
            t.with(
                "office-closures-error-confirm",
                &[("count", crate::i18n::number_arg(affected))],
            )
        };
        let error = FormError {
            field: "confirm",
            text: message,
        };
        let result = page(&state, lang, &admin, form, vec![error]).await;
        return show_page(result, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let saved = ghiseu_app::office::closures::add_closures(&state, &admin, &asked).await;
    match saved {
        Ok(()) => {
            let to = crate::done::Done::ClosureRecorded
                .after(&format!("/{}/office/closures", lang.code()));
            Redirect::to(&to).into_response()
        }
        Err(e) => ApiError::from(e).into_response(),
    }
}

#[derive(Deserialize, Default)]
pub(crate) struct RemoveForm {
    #[serde(default)]
    csrf: String,
}

pub(crate) async fn remove(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    Path((_, id)): Path<(String, String)>,
    admin: Staff,
    Form(form): Form<RemoveForm>,
) -> Response {
    if admin.role != Role::Administrator {
        return forbidden(&state, lang);
    }
    if !admin.current.csrf_ok(&form.csrf) {
        return expired(&state, lang);
    }
    let removed = ghiseu_app::office::closures::remove_closure(&state, &admin, &id).await;
    match removed {
        Ok(true) => {
            let to = crate::done::Done::ClosureLifted
                .after(&format!("/{}/office/closures", lang.code()));
            Redirect::to(&to).into_response()
        }
        Ok(false) => crate::pages::finish(&state, Err(crate::pages::PageError::NotFound(lang))),
        Err(e) => ApiError::from(e).into_response(),
    }
}
