//! Paying a fee online: the provider's page is opened for a payable order of
//! a case waiting for its fee.

use super::order_currency;
use crate::cases::moves::state_of;
use crate::error::AppError;
use crate::state::App;
use ghiseu_domain::case::CaseState;
use ghiseu_domain::money::Money;
use ghiseu_payments::PaymentRequest;
use ghiseu_storage::cases::CaseRecord;
use ghiseu_storage::payments::PaymentOrder;

/// Why no online payment was started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// This portal, or this order's way of paying, takes no online payments.
    Unavailable,
    /// The order is not payable, or the case is not waiting for its fee.
    NotDue,
    /// The provider did not start the payment (logged).
    ProviderFailed,
}

/// Starts paying `order` of `case` online; the provider's page to send the
/// person to. `description` is what the payer's statement shows and
/// `return_url` where the provider sends them back.
pub async fn begin(
    state: &App,
    case: &CaseRecord,
    order: &PaymentOrder,
    description: &str,
    return_url: &str,
) -> Result<Result<String, Refusal>, AppError> {
    let Some(provider) = state.online_payment.provider() else {
        return Ok(Err(Refusal::Unavailable));
    };
    if super::paid_at_counter(order) {
        return Ok(Err(Refusal::Unavailable));
    }
    if !order.payable() || state_of(case)? != CaseState::FeeDue {
        return Ok(Err(Refusal::NotDue));
    }
    let Some(currency) = order_currency(order) else {
        return Err(AppError::Internal(format!(
            "order {} has currency {}",
            order.id, order.currency
        )));
    };
    let request = PaymentRequest {
        order_id: &order.id,
        reference: &order.reference,
        amount: Money::new(order.amount_minor, currency),
        description,
        return_url,
    };
    match provider.begin(&request).await {
        Ok(url) => Ok(Ok(url)),
        Err(e) => {
            tracing::error!(error = %e, order = %order.id, "the payment provider did not start a payment");
            Ok(Err(Refusal::ProviderFailed))
        }
    }
}
