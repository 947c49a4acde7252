//! An operator records a person as the representative of an organisation
//! (by its CUI, with what proves the mandate): that person may then apply
//! for the organisation's documents where the catalogue allows it.

use super::Staff;
use crate::AppState;
use crate::accounts::FormError;
use crate::pages::{Frame, PageLang, html};
use askama::Template;
use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use ghiseu_app::organisations::{self, RepresentativeForm};
use ghiseu_domain::catalogue::Lang;
use ghiseu_i18n::{Tr, text_arg};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "office/organisations.html")]
struct OrganisationsPage<'a> {
    frame: Frame<'a>,
    errors: Vec<FormError>,
    notice: Option<String>,
    fields: Vec<Field>,
    evidence: String,
    evidence_error: Option<String>,
    csrf: String,
    /// Whether the staff member's offices handle a service for organisations.
    handled_here: bool,
}

/// One text field of the form, with what was typed and its error.
struct Field {
    name: &'static str,
    kind: &'static str,
    label: String,
    hint: String,
    value: String,
    error: Option<String>,
}

#[derive(Deserialize, Default)]
pub(crate) struct Sent {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    registration_code: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    evidence: String,
}

/// The error to show next to `field`, if any.
fn error_of(errors: &[FormError], field: &str) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.text.clone())
}

fn page<'a>(
    state: &'a AppState,
    lang: Lang,
    staff: &Staff,
    form: Sent,
    errors: Vec<FormError>,
    notice: Option<String>,
) -> OrganisationsPage<'a> {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let field = |name: &'static str, key: &str, kind: &'static str, value: &str| Field {
        name,
        kind,
        label: t.m(&format!("office-organisations-{key}")),
        hint: t.m(&format!("office-organisations-{key}-hint")),
        value: value.chars().take(500).collect(),
        error: error_of(&errors, name),
    };
    let fields = vec![
        field("registration_code", "code", "text", &form.registration_code),
        field("name", "name", "text", &form.name),
        field("email", "email", "email", &form.email),
    ];
    OrganisationsPage {
        frame: Frame::new(
            state,
            lang,
            t.m("office-organisations-title"),
            "office/organisations",
        ),
        fields,
        evidence: form.evidence.chars().take(500).collect(),
        evidence_error: error_of(&errors, "evidence"),
        errors,
        notice,
        handled_here: organisations::handled_here(state, staff),
        csrf: staff.current.session.csrf_token.clone(),
    }
}

pub(crate) async fn form(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    staff: Staff,
) -> Response {
    html(&page(
        &state,
        lang,
        &staff,
        Sent::default(),
        Vec::new(),
        None,
    ))
}

pub(crate) async fn record(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    staff: Staff,
    Form(sent): Form<Sent>,
) -> Response {
    if !organisations::handled_here(&state, &staff) {
        let page = page(&state, lang, &staff, Sent::default(), Vec::new(), None);
        return (StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response();
    }
    if !staff.current.csrf_ok(&sent.csrf) {
        return (
            StatusCode::FORBIDDEN,
            html(&crate::accounts::expired(
                &state,
                lang,
                "office/organisations",
            )),
        )
            .into_response();
    }
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let asked = RepresentativeForm {
        registration_code: sent.registration_code.clone(),
        name: sent.name.clone(),
        email: sent.email.clone(),
        evidence: sent.evidence.clone(),
    };
    match organisations::record_representative(&state, &staff, &asked).await {
        Ok(Ok(organisation)) => {
            let notice = t.with(
                "office-organisations-recorded",
                &[
                    ("email", text_arg(sent.email.trim())),
                    ("name", text_arg(organisation.name)),
                    ("code", text_arg(organisation.registration_code)),
                ],
            );
            html(&page(
                &state,
                lang,
                &staff,
                Sent::default(),
                Vec::new(),
                Some(notice),
            ))
        }
        Ok(Err(fields)) => {
            let errors = fields
                .iter()
                .map(|e| FormError {
                    field: e.field,
                    text: t.m(&format!(
                        "office-organisations-error-{}-{}",
                        e.field, e.code
                    )),
                })
                .collect();
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                html(&page(&state, lang, &staff, sent, errors, None)),
            )
                .into_response()
        }
        Err(e) => crate::error::ApiError::from(e).into_response(),
    }
}
