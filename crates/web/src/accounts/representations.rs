//! A person's powers of attorney: who may act for them, and for whom they may
//! act, on which case and until when. The principal can withdraw one.

use super::household::today_at;
use crate::AppState;
use crate::accounts::CurrentPerson;
use crate::error::ApiError;
use crate::pages::{Frame, PageError, PageLang, finish, html};
use askama::Template;
use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use ghiseu_i18n::Tr;
use ghiseu_storage::representations::{self, RepresentationRecord};
use jiff::civil::Date;
use serde::Deserialize;

pub(crate) struct AttorneyRow {
    pub id: String,
    pub other: String,
    pub case_reference: String,
    pub number: String,
    pub scope: String,
    pub period: String,
    pub status: String,
    pub in_force: bool,
}

#[derive(Template)]
#[template(path = "account/representations.html")]
struct RepresentationsPage<'a> {
    frame: Frame<'a>,
    given: Vec<AttorneyRow>,
    held: Vec<AttorneyRow>,
    csrf: String,
}

fn row(state: &AppState, t: Tr<'_>, r: &RepresentationRecord, other: &str) -> AttorneyRow {
    let today = today_at(state, Some(&r.office_id));
    let issued = r.issued_on.parse::<Date>().ok();
    let expires = r.expires_on.parse::<Date>().ok();
    let in_force =
        !r.revoked && issued.is_some_and(|i| i <= today) && expires.is_some_and(|e| today <= e);
    let status = if r.revoked {
        "attorney-status-revoked"
    } else if in_force {
        "attorney-status-in-force"
    } else {
        "attorney-status-ended"
    };
    AttorneyRow {
        id: r.id.clone(),
        other: other.to_string(),
        case_reference: r.case_reference.clone(),
        number: r.attorney_number.clone(),
        scope: r.scope.clone(),
        period: match (issued, expires) {
            (Some(i), Some(e)) => format!("{} – {}", t.date(i), t.date(e)),
            _ => String::new(),
        },
        status: t.m(status),
        in_force,
    }
}

pub(crate) async fn list(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    current: CurrentPerson,
) -> Response {
    let all = match representations::involving(&state.db, &current.person.id).await {
        Ok(all) => all,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let me = &current.person.id;
    let given = all
        .iter()
        .filter(|r| &r.principal_id == me)
        .map(|r| row(&state, t, r, &r.representative_email))
        .collect();
    let held = all
        .iter()
        .filter(|r| &r.representative_id == me)
        .map(|r| row(&state, t, r, &r.principal_email))
        .collect();
    html(&RepresentationsPage {
        frame: Frame::new(
            &state,
            lang,
            t.m("attorney-title"),
            "account/representations",
        ),
        given,
        held,
        csrf: current.session.csrf_token.clone(),
    })
}

#[derive(Deserialize)]
pub(crate) struct RevokeForm {
    #[serde(default)]
    id: String,
    #[serde(default)]
    csrf: String,
}

pub(crate) async fn revoke(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    current: CurrentPerson,
    Form(form): Form<RevokeForm>,
) -> Response {
    if !current.csrf_ok(&form.csrf) {
        return (
            StatusCode::FORBIDDEN,
            html(&super::expired(&state, lang, "account/representations")),
        )
            .into_response();
    }
    let done = ghiseu_app::accounts::representations::revoke(&state, &current, &form.id).await;
    match done {
        Ok(true) => {
            Redirect::to(&format!("/{}/account/representations", lang.code())).into_response()
        }
        // Not theirs, unknown, or already withdrawn: nothing to show.
        Ok(false) => finish(&state, Err(PageError::NotFound(lang))),
        Err(e) => ApiError::from(e).into_response(),
    }
}
