//! Handing the document over at the counter: who received it (the holder, a
//! legal representative, or a representative empowered by a power of
//! attorney), their signature as their typed name, and the issued-document
//! record with its expiry from the catalogue's validity rule.

use super::super::Staff;
use super::decide::again;
use super::staff_case_href;
use crate::AppState;
use crate::error::ApiError;
use crate::pages::{PageError, finish, html};
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
pub use ghiseu_app::office::handover::RECEIVERS;
use ghiseu_app::office::handover::{Handover, Refusal};
use ghiseu_domain::quote::HolderFact;
use ghiseu_storage::cases;
use serde::Deserialize;

#[derive(Deserialize, Default)]
pub(crate) struct HandoverForm {
    #[serde(default)]
    receiver_kind: String,
    #[serde(default)]
    receiver_name: String,
    #[serde(default)]
    receiver_document: String,
    #[serde(default)]
    attorney_number: String,
    #[serde(default)]
    attorney_date: String,
    #[serde(default)]
    signature: String,
    #[serde(default)]
    stay_until: String,
    #[serde(default)]
    passport_expires: String,
    #[serde(default)]
    id_document_expires: String,
    #[serde(default)]
    version: i64,
    #[serde(default)]
    csrf: String,
}

/// What a refusal says on the case's page, and with which status.
fn said(refusal: Refusal) -> (StatusCode, &'static str) {
    let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;
    match refusal {
        Refusal::NotNow => (StatusCode::CONFLICT, "office-case-not-now"),
        Refusal::Kind => (unprocessable, "office-handover-error-kind"),
        Refusal::Name => (unprocessable, "office-handover-error-name"),
        Refusal::Document => (unprocessable, "office-handover-error-document"),
        Refusal::Attorney => (unprocessable, "office-handover-error-attorney"),
        Refusal::Signature => (unprocessable, "office-handover-error-signature"),
        Refusal::Fact(HolderFact::StayUntil) => (unprocessable, "office-handover-error-stay_until"),
        Refusal::Fact(HolderFact::PassportExpires) => {
            (unprocessable, "office-handover-error-passport_expires")
        }
        Refusal::Fact(HolderFact::IdDocumentExpires) => {
            (unprocessable, "office-handover-error-id_document_expires")
        }
        Refusal::Stale | Refusal::NoAuthority => (StatusCode::CONFLICT, "case-refused-stale"),
    }
}

pub(crate) async fn hand_over(
    State(state): State<AppState>,
    Path((lang, id)): Path<(String, String)>,
    staff: Staff,
    Form(form): Form<HandoverForm>,
) -> Response {
    let lang = match crate::pages::page_lang(&lang) {
        Ok(l) => l,
        Err(e) => return finish(&state, Err(e)),
    };
    if !staff.current.csrf_ok(&form.csrf) {
        let page = crate::accounts::expired(&state, lang, &format!("office/cases/{id}"));
        return (StatusCode::FORBIDDEN, html(&page)).into_response();
    }
    // The document waits at the pickup office: its staff hand it over.
    let case = match cases::get(&state.db, &id).await {
        Ok(c) => c.filter(|c| {
            c.pickup_office_id
                .as_deref()
                .or(c.office_id.as_deref())
                .is_some_and(|o| staff.serves(&state.catalogue, o))
        }),
        Err(e) => return ApiError::from(e).into_response(),
    };
    let case = match case {
        Some(case) => match super::has_part(&state, &staff, &case).await {
            Ok(false) => Some(case),
            Ok(true) => None,
            Err(e) => return e.into_response(),
        },
        None => None,
    };
    let Some(case) = case else {
        return finish(&state, Err(PageError::NotFound(lang)));
    };
    let handover = Handover {
        receiver_kind: &form.receiver_kind,
        receiver_name: &form.receiver_name,
        receiver_document: &form.receiver_document,
        attorney_number: &form.attorney_number,
        attorney_date: &form.attorney_date,
        signature: &form.signature,
        version: form.version,
        stay_until: &form.stay_until,
        passport_expires: &form.passport_expires,
        id_document_expires: &form.id_document_expires,
    };
    match ghiseu_app::office::handover::hand_over(&state, &staff, &case, &handover).await {
        Ok(Ok(())) => {
            Redirect::to(&crate::done::Done::HandedOver.after(&staff_case_href(lang, &id)))
                .into_response()
        }
        Ok(Err(Refusal::NoAuthority)) => finish(&state, Err(PageError::NotFound(lang))),
        Ok(Err(refusal)) => {
            let (status, key) = said(refusal);
            again(&state, lang, &staff, &id, status, key).await
        }
        Err(e) => ApiError::from(e).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use ghiseu_app::office::handover::{masked, same_name};

    #[test]
    fn receiver_documents_are_kept_masked_and_signatures_compare_names() {
        assert_eq!(masked("CI AX123456"), "•• •••••456");
        assert!(same_name("  Elena   POP ", "elena pop"));
        assert!(!same_name("Elena Pop", "Ion Pop"));
    }
}
