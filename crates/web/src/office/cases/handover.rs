//! Handing the document over at the counter: who received it (the holder, a
//! legal representative, or a representative empowered by a power of
//! attorney), their signature as their typed name, and the issued-document
//! record with its expiry from the catalogue's validity rule.

use super::super::Staff;
use super::decide::{again, answer};
use crate::AppState;
use crate::error::ApiError;
use crate::pages::{PageError, finish, html};
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use ghiseu_app::office::handover::{document_number, expiry, masked};
use ghiseu_domain::case::{Actor, CaseAction, CaseState, transition};
use ghiseu_domain::quote::parse_date;
use ghiseu_storage::audit;
use ghiseu_storage::cases::{self, CaseRecord, Move};
use ghiseu_storage::issued_documents::{self, IssuedDocument};
use serde::Deserialize;

pub const RECEIVERS: [&str; 3] = ["holder", "legal-representative", "empowered-representative"];

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
    version: i64,
    #[serde(default)]
    csrf: String,
}

fn same_name(a: &str, b: &str) -> bool {
    let fold = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    fold(a) == fold(b)
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
    let problem =
        |key: &'static str, status: StatusCode| again(&state, lang, &staff, &id, status, key);
    let current = CaseState::parse(&case.state).unwrap_or(CaseState::Draft);
    let Ok(to) = transition(current, CaseAction::HandOver, Actor::Operator) else {
        return problem("office-case-not-now", StatusCode::CONFLICT).await;
    };
    let name = form.receiver_name.trim();
    if !RECEIVERS.contains(&form.receiver_kind.as_str()) {
        return problem(
            "office-handover-error-kind",
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    if name.is_empty() || name.chars().count() > 200 {
        return problem(
            "office-handover-error-name",
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let document = form.receiver_document.trim();
    if document.chars().count() < 4 || document.chars().count() > 60 {
        return problem(
            "office-handover-error-document",
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let Some(authority) = state.catalogue.authority(&case.authority_id) else {
        return finish(&state, Err(PageError::NotFound(lang)));
    };
    let today = state.clock.today(authority);
    let attorney = if form.receiver_kind == "empowered-representative" {
        let number = form.attorney_number.trim();
        let date = parse_date("attorney_date", &form.attorney_date)
            .ok()
            .filter(|d| *d <= today);
        match (number.is_empty() || number.chars().count() > 40, date) {
            (false, Some(date)) => Some((number.to_string(), date.to_string())),
            _ => {
                return problem(
                    "office-handover-error-attorney",
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            }
        }
    } else {
        None
    };
    if !same_name(&form.signature, name) {
        return problem(
            "office-handover-error-signature",
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let result = record(
        &state,
        &staff,
        &case,
        &form,
        (name, document),
        attorney,
        (current, to),
        today,
    )
    .await;
    answer(&state, lang, &staff, &id, result, "case-refused-stale").await
}

#[allow(clippy::too_many_arguments)]
async fn record(
    state: &AppState,
    staff: &Staff,
    case: &CaseRecord,
    form: &HandoverForm,
    (name, document): (&str, &str),
    attorney: Option<(String, String)>,
    (from, to): (CaseState, CaseState),
    today: jiff::civil::Date,
) -> Result<bool, ApiError> {
    let Some(authority) = state.catalogue.authority(&case.authority_id) else {
        return Ok(false);
    };
    let expires_on = expiry(state, case, today);
    let now = state.clock.now().as_microsecond();
    let mut tx = state.db.begin_write().await?;
    let moved = cases::apply_move(
        &mut tx,
        &Move {
            case_id: &case.id,
            version: form.version,
            from: from.code(),
            to: to.code(),
            action: CaseAction::HandOver.code(),
            actor_id: Some(&staff.current.person.id),
            actor_role: staff.role.code(),
            reason: None,
            now,
        },
    )
    .await?;
    if moved.is_err() {
        return Ok(false);
    }
    let sequence = issued_documents::next_sequence(&mut tx, &authority.id, today.year()).await?;
    let (attorney_number, attorney_date) = attorney.unzip();
    let issued = IssuedDocument {
        id: uuid::Uuid::now_v7().to_string(),
        number: document_number(authority, today, sequence),
        case_id: case.id.clone(),
        service_id: case.service_id.clone(),
        authority_id: authority.id.clone(),
        holder_person_id: case.holder_person_id.clone(),
        holder_ward_id: case.holder_ward_id.clone(),
        holder_name: format!("{} {}", case.holder_given_name, case.holder_family_name),
        issued_on: today.to_string(),
        expires_on,
        office_id: case
            .pickup_office_id
            .clone()
            .or_else(|| case.office_id.clone())
            .unwrap_or_default(),
        received_by_kind: form.receiver_kind.clone(),
        received_by_name: name.to_string(),
        receiver_document: masked(document),
        attorney_number,
        attorney_date,
        signature_name: form.signature.trim().to_string(),
        handed_over_by: staff.current.person.id.clone(),
        handed_over_at: now,
    };
    issued_documents::insert(&mut tx, &issued).await?;
    let mut event = staff.audit_event(
        state,
        "document.handed-over",
        case.holder_person_id.as_deref(),
    );
    event.on_behalf_of = case.holder_ward_id.clone();
    event.detail = serde_json::json!({ "case": case.id, "document": issued.number, "received_by": form.receiver_kind });
    audit::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn receiver_documents_are_kept_masked_and_signatures_compare_names() {
        assert_eq!(masked("CI AX123456"), "•• •••••456");
        assert!(same_name("  Elena   POP ", "elena pop"));
        assert!(!same_name("Elena Pop", "Ion Pop"));
    }
}
