//! An operator records a guardian relationship directly, from the birth
//! certificate or guardianship decision in front of them.

use super::Staff;
use super::guardianships::{RecordView, render};
use crate::AppState;
use crate::accounts::FormError;
use crate::accounts::household::{WardForm, check_ward};
use crate::error::ApiError;
use crate::pages::{PageLang, html};
use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use ghiseu_domain::account::EmailAddress;
use ghiseu_i18n::Tr;
use ghiseu_storage::accounts;
use serde::Deserialize;

#[derive(Deserialize, Default)]
pub(crate) struct RecordForm {
    #[serde(default)]
    guardian_email: String,
    #[serde(flatten)]
    ward: WardForm,
}

pub(crate) async fn record(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    staff: Staff,
    Form(form): Form<RecordForm>,
) -> Response {
    if !staff.current.csrf_ok(&form.ward.csrf) {
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
    let view = RecordView {
        guardian_email: form.guardian_email.chars().take(254).collect(),
        given_name: form.ward.given_name.chars().take(100).collect(),
        family_name: form.ward.family_name.chars().take(100).collect(),
        birth_date: form.ward.birth_date.chars().take(20).collect(),
        relationship: form.ward.relationship.chars().take(40).collect(),
        evidence: form.ward.evidence.chars().take(40).collect(),
        office: form.ward.office.chars().take(64).collect(),
        ..RecordView::default()
    };
    let guardian = match EmailAddress::parse(&form.guardian_email) {
        Ok(email) => match accounts::person_by_email(&state.db, email.as_str()).await {
            Ok(found) => found,
            Err(e) => return ApiError::from(e).into_response(),
        },
        Err(_) => None,
    };
    let checked = check_ward(&state, t, &form.ward, &staff.offices(&state.catalogue));
    let self_grant = guardian
        .as_ref()
        .and_then(|g| ghiseu_domain::account::grant::guardianship(staff.grantor(), &g.id).err());
    let (guardian, ward) = match (guardian, checked, self_grant) {
        (Some(guardian), Ok(ward), None) => (guardian, ward),
        (guardian, checked, self_grant) => {
            let mut errors = Vec::new();
            if guardian.is_none() {
                errors.push(FormError::new(t, "guardian_email", "office-not-found"));
            }
            if let Some(refusal) = self_grant {
                errors.push(FormError::new(
                    t,
                    "guardian_email",
                    &format!("household-error-{}", refusal.code()),
                ));
            }
            errors.extend(checked.err().unwrap_or_default());
            // An office that exists but is not theirs: a grant beyond their reach.
            let foreign_office = state.catalogue.office(&form.ward.office).is_some()
                && !staff.serves(&state.catalogue, &form.ward.office);
            let status = if self_grant.is_some() || foreign_office {
                StatusCode::FORBIDDEN
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            return match render(&state, lang, &staff, view, errors).await {
                Ok(page) => (status, html(&page)).into_response(),
                Err(e) => e.into_response(),
            };
        }
    };
    let saved =
        ghiseu_app::office::grants::record_guardianship(&state, &staff, &guardian.id, &ward)
            .await
            .map(|_| ());
    match saved {
        Ok(()) => Redirect::to(&format!("/{}/office/guardianships?recorded=1", lang.code()))
            .into_response(),
        Err(e) => ApiError::from(e).into_response(),
    }
}
