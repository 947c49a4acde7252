//! Operators confirm or refuse a guardian's request from the evidence shown.

use super::Staff;
use crate::AppState;
use crate::accounts::FormError;
use crate::accounts::household::office_choices;
use crate::error::ApiError;
use crate::pages::PageLang;
use crate::pages::{Frame, PageError, finish, html};
use askama::Template;
use axum::extract::{Form, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use ghiseu_domain::account::household::{EVIDENCE, RELATIONSHIPS};
use ghiseu_domain::catalogue::Lang;
use ghiseu_i18n::Tr;
use ghiseu_storage::households;
use serde::Deserialize;

pub(crate) struct Request {
    pub ward_id: String,
    pub guardian_id: String,
    pub child: String,
    pub birth_date: String,
    pub guardian: String,
    pub relationship: String,
    pub evidence: String,
    pub office: String,
}

#[derive(Template)]
#[template(path = "office/guardianships.html")]
pub(super) struct PendingPage<'a> {
    pub frame: Frame<'a>,
    pub requests: Vec<Request>,
    pub csrf: String,
    pub errors: Vec<FormError>,
    pub record: RecordView,
}

impl PendingPage<'_> {
    fn error(&self, field: &str) -> Option<String> {
        crate::accounts::error_for(&self.errors, field)
    }
}

/// The form to record a relationship directly, as last filled in.
#[derive(Default)]
pub(super) struct RecordView {
    pub guardian_email: String,
    pub given_name: String,
    pub family_name: String,
    pub birth_date: String,
    pub relationship: String,
    pub evidence: String,
    pub office: String,
    pub relationships: Vec<(String, String)>,
    pub evidences: Vec<(String, String)>,
    pub offices: Vec<(String, Vec<(String, String)>)>,
    pub recorded: bool,
}

/// The queue of requests at this person's offices, and the form to record one.
pub(super) async fn render<'a>(
    state: &'a AppState,
    lang: Lang,
    staff: &Staff,
    mut record: RecordView,
    errors: Vec<FormError>,
) -> Result<PendingPage<'a>, ApiError> {
    let offices = staff.office_ids(&state.catalogue);
    let pending = households::pending(&state.db, &offices, 50).await?;
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
            office: w
                .office_id
                .as_deref()
                .and_then(|id| state.catalogue.office(id))
                .map(|o| o.name.get(lang).to_string())
                .unwrap_or_default(),
            ward_id: w.ward_id,
            guardian_id: w.guardian_id,
        })
        .collect();
    let options = |list: &[&str], prefix: &str| {
        list.iter()
            .map(|v| (v.to_string(), t.m(&format!("{prefix}-{v}"))))
            .collect()
    };
    record.relationships = options(&RELATIONSHIPS, "household-relationship");
    record.evidences = options(&EVIDENCE, "household-evidence");
    record.offices = office_choices(t, state, &staff.offices(&state.catalogue));
    Ok(PendingPage {
        frame: Frame::new(
            state,
            lang,
            t.m("office-guardianships-title"),
            "office/guardianships",
        ),
        requests,
        csrf: staff.current.session.csrf_token.clone(),
        errors,
        record,
    })
}

#[derive(Deserialize)]
pub(crate) struct ListQuery {
    #[serde(default)]
    recorded: Option<String>,
}

pub(crate) async fn list(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    staff: Staff,
    Query(query): Query<ListQuery>,
) -> Response {
    let view = RecordView {
        recorded: query.recorded.is_some(),
        ..RecordView::default()
    };
    match render(&state, lang, &staff, view, Vec::new()).await {
        Ok(page) => html(&page),
        Err(e) => e.into_response(),
    }
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
    if !staff.current.csrf_ok(&form.csrf) {
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
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let status = match form.decision.as_str() {
        "confirm" => "confirmed",
        "refuse" => "refused",
        _ => {
            return message(
                &state,
                t,
                StatusCode::UNPROCESSABLE_ENTITY,
                "office-decision-choose",
            );
        }
    };
    let request = match households::one(&state.db, &form.ward_id, &form.guardian_id).await {
        Ok(r) => r,
        Err(e) => return ApiError::from(e).into_response(),
    };
    // A request at an office this person does not serve does not exist for them.
    let Some(request) = request.filter(|r| {
        r.office_id
            .as_deref()
            .is_some_and(|o| staff.serves(&state.catalogue, o))
    }) else {
        return finish(&state, Err(PageError::NotFound(lang)));
    };
    if ghiseu_domain::account::grant::guardianship(staff.grantor(), &request.guardian_id).is_err() {
        return message(
            &state,
            t,
            StatusCode::FORBIDDEN,
            "household-error-grant-self",
        );
    }
    if request.status != "pending" {
        return message(&state, t, StatusCode::CONFLICT, "office-decision-already");
    }
    let decided = ghiseu_app::office::grants::decide_guardianship(
        &state,
        &staff,
        &form.ward_id,
        &form.guardian_id,
        status,
    )
    .await;
    match decided {
        Ok(true) => Redirect::to(&format!("/{}/office/guardianships", lang.code())).into_response(),
        Ok(false) => message(&state, t, StatusCode::CONFLICT, "office-decision-already"),
        Err(e) => ApiError::from(e).into_response(),
    }
}

pub(super) fn message(state: &AppState, t: Tr<'_>, status: StatusCode, key: &str) -> Response {
    let page = crate::accounts::MessagePage {
        frame: Frame::new(
            state,
            t.lang,
            t.m("office-guardianships-title"),
            "office/guardianships",
        ),
        body: vec![t.m(key)],
        link: Some((
            format!("/{}/office/guardianships", t.lang.code()),
            t.m("office-guardianships-back"),
        )),
    };
    (status, html(&page)).into_response()
}
