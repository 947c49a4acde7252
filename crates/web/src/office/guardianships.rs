//! Operators confirm or refuse a guardian's request from the evidence shown.

use super::Staff;
use crate::AppState;
use crate::accounts::audit_event;
use crate::error::ApiError;
use crate::pages::PageLang;
use crate::pages::view::Tr;
use crate::pages::{Frame, html};
use askama::Template;
use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use ghiseu_storage::households;
use ghiseu_storage::{StorageError, audit};
use serde::Deserialize;

pub(crate) struct Request {
    pub ward_id: String,
    pub guardian_id: String,
    pub child: String,
    pub birth_date: String,
    pub guardian: String,
    pub relationship: String,
    pub evidence: String,
}

#[derive(Template)]
#[template(path = "office/guardianships.html")]
struct PendingPage<'a> {
    frame: Frame<'a>,
    requests: Vec<Request>,
    csrf: String,
}

pub(crate) async fn list(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    staff: Staff,
) -> Response {
    let pending = match households::pending(&state.db, 50).await {
        Ok(p) => p,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let requests = pending
        .into_iter()
        .map(|w| Request {
            child: format!("{} {}", w.given_name, w.family_name),
            birth_date: w.birth_date.parse().map(|d| t.date(d)).unwrap_or_default(),
            guardian: w.guardian_email,
            relationship: t.m(&format!("household-relationship-{}", w.relationship)),
            evidence: t.m(&format!("household-evidence-{}", w.evidence)),
            ward_id: w.ward_id,
            guardian_id: w.guardian_id,
        })
        .collect();
    html(&PendingPage {
        frame: Frame::new(
            &state,
            lang,
            t.m("office-guardianships-title"),
            "office/guardianships",
        ),
        requests,
        csrf: staff.0.session.csrf_token.clone(),
    })
}

#[derive(Deserialize)]
pub(crate) struct Decision {
    #[serde(default)]
    ward_id: String,
    #[serde(default)]
    guardian_id: String,
    #[serde(default)]
    decision: String,
    #[serde(default)]
    csrf: String,
}

pub(crate) async fn decide(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    staff: Staff,
    Form(form): Form<Decision>,
) -> Response {
    if !staff.0.csrf_ok(&form.csrf) {
        return (
            StatusCode::FORBIDDEN,
            html(&crate::accounts::expired(
                &state,
                lang,
                "office/guardianships",
            )),
        )
            .into_response();
    }
    let status = match form.decision.as_str() {
        "confirm" => "confirmed",
        "refuse" => "refused",
        _ => {
            return (
                StatusCode::UNPROCESSABLE_ENTITY,
                "Choose confirm or refuse.",
            )
                .into_response();
        }
    };
    let decided: Result<bool, ApiError> = async {
        let mut tx = state.db.pool().begin().await.map_err(StorageError::from)?;
        let now = state.clock.now().as_microsecond();
        if !households::decide(
            &mut tx,
            &form.ward_id,
            &form.guardian_id,
            status,
            &staff.0.person.id,
            now,
        )
        .await?
        {
            return Ok(false);
        }
        let mut event = audit_event(
            &state,
            &format!("household.{status}"),
            Some(&staff.0.person.id),
            None,
        );
        event.actor_role = Some(staff.0.person.role.clone());
        event.subject = Some(form.guardian_id.clone());
        event.on_behalf_of = Some(form.ward_id.clone());
        audit::append(&mut tx, &event).await?;
        tx.commit().await.map_err(StorageError::from)?;
        Ok(true)
    }
    .await;
    match decided {
        Ok(true) => Redirect::to(&format!("/{}/office/guardianships", lang.code())).into_response(),
        Ok(false) => (
            StatusCode::CONFLICT,
            "This request was already decided; reload the list.",
        )
            .into_response(),
        Err(e) => e.into_response(),
    }
}
