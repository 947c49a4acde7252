//! An operator confirms a payment from the proof the applicant brought or
//! uploaded (a receipt, a bank statement): the order is marked paid by an
//! operator, the case moves on, and the audit log keeps who and why. The
//! same page lists the money received online: which payment paid the fee
//! (on its own order or on a fee order covering several cases), which came
//! a second time and must be refunded, and what was refunded.

use super::{order_currency, printed_reference};
use crate::AppState;
use crate::error::ApiError;
use crate::office::Staff;
use crate::office::cases::{staff_case, staff_case_href};
use crate::pages::{Frame, PageError, finish, html, page_lang};
use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use ghiseu_app::payments::by_operator::{self, Refusal};
use ghiseu_domain::case::CaseState;
use ghiseu_domain::catalogue::Lang;
use ghiseu_i18n::Tr;
use ghiseu_storage::StorageError;
use ghiseu_storage::cases::CaseRecord;
use ghiseu_storage::fee_orders::{self, LINE_SURPLUS};
use ghiseu_storage::payments::{self, PaymentOrder, PaymentTransaction};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "payments/office_confirm.html")]
struct ConfirmPage<'a> {
    frame: Frame<'a>,
    id: String,
    reference: String,
    lines: Vec<(String, String)>,
    warnings: Vec<String>,
    received: Vec<Received>,
    can_confirm: bool,
    note: String,
    reason: String,
    error: Option<String>,
    /// The field the error is about: `note` or `reason`.
    error_field: &'static str,
    csrf: String,
    case_href: String,
}

#[derive(Deserialize, Default)]
pub(crate) struct WaiverForm {
    #[serde(default)]
    reason: String,
    #[serde(default)]
    csrf: String,
}

/// What the operator typed, and what was wrong with it.
#[derive(Default)]
struct Filled<'a> {
    note: &'a str,
    reason: &'a str,
    error: Option<(StatusCode, &'a str)>,
    error_field: &'static str,
}

#[derive(Deserialize, Default)]
pub(crate) struct ConfirmForm {
    #[serde(default)]
    note: String,
    #[serde(default)]
    csrf: String,
}

/// One payment received online, as the operator reads it.
struct Received {
    transaction: String,
    at: String,
    amount: String,
    what: String,
    to_refund: bool,
}

/// The order of a case and the money received for it online.
struct Fee {
    order: Option<PaymentOrder>,
    received: Vec<PaymentTransaction>,
}

fn t(state: &AppState, lang: Lang) -> Tr<'_> {
    Tr {
        i18n: &state.i18n,
        lang,
    }
}

fn page(
    state: &AppState,
    lang: Lang,
    staff: &Staff,
    case: &CaseRecord,
    fee: &Fee,
    filled: &Filled<'_>,
) -> Response {
    let t = t(state, lang);
    let order = fee.order.as_ref();
    let mut lines = vec![(
        t.m("case-holder"),
        format!("{} {}", case.holder_given_name, case.holder_family_name),
    )];
    lines.push((
        t.m("case-state"),
        t.m(&format!("case-state-{}", case.state)),
    ));
    if let Some(order) = order {
        lines.push((
            t.m("payment-amount"),
            order_currency(order).map_or_else(
                || format!("{} {}", order.amount_minor, order.currency),
                |c| t.money(order.amount_minor, c),
            ),
        ));
        lines.push((t.m("payment-reference"), printed_reference(order)));
        lines.push((
            t.m("payment-status"),
            t.m(&format!("payment-status-{}", order.shown_status())),
        ));
    }
    let can_confirm =
        order.is_some_and(PaymentOrder::payable) && case.state == CaseState::FeeDue.code();
    let view = ConfirmPage {
        frame: Frame::new(
            state,
            lang,
            t.m("payment-office-title"),
            &format!("office/cases/{}/payment", case.id),
        ),
        id: case.id.clone(),
        reference: case.reference.clone().unwrap_or_default(),
        lines,
        warnings: warnings(t, case, fee),
        received: received(state, t, case, &fee.received),
        can_confirm,
        note: filled.note.to_string(),
        reason: filled.reason.to_string(),
        error: filled.error.map(|(_, key)| t.m(key)),
        error_field: filled.error_field,
        csrf: staff.current.session.csrf_token.clone(),
        case_href: staff_case_href(lang, &case.id),
    };
    let status = filled.error.map_or(StatusCode::OK, |(status, _)| status);
    (status, html(&view)).into_response()
}

/// What the operator must act on: money to give back, and a fee refunded
/// after the case moved on past its payment.
fn warnings(t: Tr<'_>, case: &CaseRecord, fee: &Fee) -> Vec<String> {
    let mut warnings = Vec::new();
    let to_refund = fee.received.iter().filter(|r| r.to_refund()).count();
    if to_refund > 0 {
        let count = i64::try_from(to_refund).unwrap_or(i64::MAX);
        warnings.push(t.with(
            "payment-office-to-refund",
            &[("count", crate::i18n::number_arg(count))],
        ));
    }
    let refunded = fee
        .order
        .as_ref()
        .is_some_and(|o| o.status == payments::REFUNDED);
    if refunded && case.state != CaseState::FeeDue.code() {
        warnings.push(t.m("payment-office-refunded-moved-on"));
    }
    warnings
}

fn received(
    state: &AppState,
    t: Tr<'_>,
    case: &CaseRecord,
    received: &[PaymentTransaction],
) -> Vec<Received> {
    let zone = state
        .catalogue
        .authority(&case.authority_id)
        .map_or(jiff::tz::TimeZone::UTC, |a| a.time_zone.clone());
    let day = |micros: i64| {
        jiff::Timestamp::from_microsecond(micros)
            .map(|at| t.date(at.to_zoned(zone.clone()).date()))
            .unwrap_or_default()
    };
    received
        .iter()
        .map(|r| {
            let what = match r.refunded_at {
                Some(at) => t.with(
                    "payment-office-received-refunded",
                    &[("date", crate::i18n::text_arg(day(at)))],
                ),
                None if r.role == payments::SURPLUS => t.m("payment-office-received-to-refund"),
                None => t.m("payment-office-received-paid"),
            };
            Received {
                transaction: format!("{} {}", r.provider, r.transaction_id),
                at: day(r.received_at),
                amount: super::currency_code(&r.currency).map_or_else(
                    || format!("{} {}", r.amount_minor, r.currency),
                    |c| t.money(r.amount_minor, c),
                ),
                what,
                to_refund: r.to_refund(),
            }
        })
        .collect()
}

async fn found(
    state: &AppState,
    lang: &str,
    staff: &Staff,
    id: &str,
) -> Result<(Lang, CaseRecord, Fee), Response> {
    let lang = page_lang(lang).map_err(|e| finish(state, Err(e)))?;
    let case = match staff_case(state, staff, id).await {
        Ok(Some(case)) => case,
        Ok(None) => return Err(finish(state, Err(PageError::NotFound(lang)))),
        Err(e) => return Err(e.into_response()),
    };
    let fee: Result<Fee, StorageError> = async {
        let order = payments::for_case(&state.db, &case.id).await?;
        let mut received = match &order {
            Some(o) => payments::transactions(&state.db, &o.id).await?,
            None => Vec::new(),
        };
        received.extend(through_fee_orders(state, &case.id).await?);
        Ok(Fee { order, received })
    }
    .await;
    let fee = fee.map_err(|e| ApiError::from(e).into_response())?;
    Ok((lang, case, fee))
}

/// The money fee orders brought for the case: its share of the payment
/// that paid a fee order, as the fee paid or as a share to give back, named
/// by the provider's transaction and the fee order's reference.
async fn through_fee_orders(
    state: &AppState,
    case_id: &str,
) -> Result<Vec<PaymentTransaction>, StorageError> {
    let settled = fee_orders::settled_for_case(&state.db, case_id).await?;
    Ok(settled
        .into_iter()
        .map(|(order, line)| PaymentTransaction {
            provider: order.provider.clone().unwrap_or_default(),
            transaction_id: format!(
                "{} ({})",
                order.provider_transaction_id.as_deref().unwrap_or_default(),
                ghiseu_app::payments::fee_orders::printed_reference(&order)
            ),
            order_id: order.id.clone(),
            role: match line.outcome.as_deref() {
                Some(LINE_SURPLUS) => payments::SURPLUS.to_string(),
                _ => payments::PAID_THE_ORDER.to_string(),
            },
            amount_minor: line.amount_minor,
            currency: order.currency.clone(),
            received_at: order.paid_at.unwrap_or(order.created_at),
            refunded_at: None,
        })
        .collect())
}

pub(crate) async fn form(
    State(state): State<AppState>,
    Path((lang, id)): Path<(String, String)>,
    staff: Staff,
) -> Response {
    match found(&state, &lang, &staff, &id).await {
        Ok((lang, case, fee)) => page(&state, lang, &staff, &case, &fee, &Filled::default()),
        Err(response) => response,
    }
}

/// What the operator does with a due fee: confirm it paid from the proof
/// described in a note, or waive it for a reason.
#[derive(Clone, Copy)]
enum Settlement<'a> {
    Confirm { note: &'a str },
    Waive { reason: &'a str },
}

/// Settles the fee of case `id` as `how` says; back to the case when done,
/// else the page again with the refusal next to the field written.
async fn settle(
    state: &AppState,
    lang: &str,
    staff: &Staff,
    id: &str,
    csrf: &str,
    how: Settlement<'_>,
) -> Response {
    let (lang, case, fee) = match found(state, lang, staff, id).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    if !staff.current.csrf_ok(csrf) {
        let page = crate::accounts::expired(state, lang, &format!("office/cases/{id}/payment"));
        return (StatusCode::FORBIDDEN, html(&page)).into_response();
    }
    let order = fee.order.as_ref();
    let result = match how {
        Settlement::Confirm { note } => {
            by_operator::confirm(state, staff, &case, order, note).await
        }
        Settlement::Waive { reason } => {
            by_operator::waive(state, staff, &case, order, reason).await
        }
    };
    let error = match result {
        Ok(Ok(())) => {
            let to = crate::done::Done::PaymentRecorded.after(&staff_case_href(lang, id));
            return Redirect::to(&to).into_response();
        }
        Ok(Err(refusal)) => refusal_key(refusal),
        Err(e) => return ApiError::from(e).into_response(),
    };
    let (case, fee) = match found(state, lang.code(), staff, id).await {
        Ok((_, case, fee)) => (case, fee),
        Err(response) => return response,
    };
    let filled = match how {
        Settlement::Confirm { note } => Filled {
            note,
            error: Some(error),
            error_field: "note",
            ..Filled::default()
        },
        Settlement::Waive { reason } => Filled {
            reason,
            error: Some(error),
            error_field: "reason",
            ..Filled::default()
        },
    };
    page(state, lang, staff, &case, &fee, &filled)
}

pub(crate) async fn confirm(
    State(state): State<AppState>,
    Path((lang, id)): Path<(String, String)>,
    staff: Staff,
    Form(form): Form<ConfirmForm>,
) -> Response {
    let how = Settlement::Confirm {
        note: form.note.trim(),
    };
    settle(&state, &lang, &staff, &id, &form.csrf, how).await
}

/// The operator waives the fee, with the reason why.
pub(crate) async fn waive(
    State(state): State<AppState>,
    Path((lang, id)): Path<(String, String)>,
    staff: Staff,
    Form(form): Form<WaiverForm>,
) -> Response {
    let how = Settlement::Waive {
        reason: form.reason.trim(),
    };
    settle(&state, &lang, &staff, &id, &form.csrf, how).await
}

fn refusal_key(refusal: Refusal) -> (StatusCode, &'static str) {
    match refusal {
        Refusal::NoteNeeded => (
            StatusCode::UNPROCESSABLE_ENTITY,
            "payment-office-note-needed",
        ),
        Refusal::ReasonNeeded => (
            StatusCode::UNPROCESSABLE_ENTITY,
            "payment-office-waiver-reason-needed",
        ),
        Refusal::NotDue => (StatusCode::CONFLICT, "payment-office-not-due"),
        Refusal::Stale => (StatusCode::CONFLICT, "case-refused-stale"),
    }
}
