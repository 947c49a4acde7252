//! Paying a fee through a provider: the person is sent to the provider's
//! page, and the provider reports what happened to our webhook endpoint in
//! a signed message (see [`crate::webhook`]).

use crate::card_identity::BoxFuture;
use crate::webhook::WebhookError;
use ghiseu_domain::money::Money;
use jiff::Timestamp;
use serde::Deserialize;

/// One payment to start.
#[derive(Debug, Clone, Copy)]
pub struct PaymentRequest<'a> {
    /// The portal's id for this payment; every event about it carries it back.
    pub order_id: &'a str,
    /// The payment reference (see [`crate::payment_reference`]).
    pub reference: &'a str,
    pub amount: Money,
    /// What is paid for, as the provider's page shows it.
    pub description: &'a str,
    /// Where the provider sends the person back. Coming back proves
    /// nothing: only a verified webhook event says a payment succeeded.
    pub return_url: &'a str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PaymentStatus {
    Succeeded,
    Failed,
    Refunded,
}

impl PaymentStatus {
    pub const ALL: [PaymentStatus; 3] = [
        PaymentStatus::Succeeded,
        PaymentStatus::Failed,
        PaymentStatus::Refunded,
    ];

    /// A stable name, for storage and the webhook body.
    pub fn code(self) -> &'static str {
        match self {
            PaymentStatus::Succeeded => "succeeded",
            PaymentStatus::Failed => "failed",
            PaymentStatus::Refunded => "refunded",
        }
    }

    pub fn from_code(code: &str) -> Option<PaymentStatus> {
        PaymentStatus::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// What a provider reports about one of its transactions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentEvent {
    pub provider_transaction_id: String,
    pub order_id: String,
    pub reference: String,
    pub amount: Money,
    pub status: PaymentStatus,
    pub occurred_at: Timestamp,
    /// The provider's order of its events about this transaction: a later
    /// event has a greater number.
    pub sequence: u64,
}

impl PaymentEvent {
    pub fn mark(&self) -> EventMark {
        EventMark {
            sequence: self.sequence,
            status: self.status,
        }
    }
}

/// A provider could not start a payment.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BeginError {
    #[error("the payment cannot be started: {0}")]
    Refused(&'static str),
    #[error("the payment provider cannot be reached: {0}")]
    Unavailable(String),
}

impl BeginError {
    pub fn code(&self) -> &'static str {
        match self {
            BeginError::Refused(_) => "payment-refused",
            BeginError::Unavailable(_) => "provider-unavailable",
        }
    }
}

/// A fee payment provider.
///
/// The provider only reads and signs. Storage must, for each verified
/// event, look up the last event it applied for the same
/// `provider_transaction_id` and ask [`next_state`] what to do: providers
/// resend webhooks (so the same event comes more than once) and do not
/// promise to deliver them in order. The two writes — the event's mark and
/// the payment's new status — belong in one transaction, with a unique key
/// on (provider, provider_transaction_id, sequence). What a new event does
/// to the order's money is [`crate::settlement::effect`]'s to say.
pub trait PaymentProvider: Send + Sync + std::fmt::Debug {
    /// A short name, kept with each payment ("demo").
    fn name(&self) -> &'static str;

    /// The address to send the person to, to pay `request`.
    fn begin<'a>(
        &'a self,
        request: &'a PaymentRequest<'a>,
    ) -> BoxFuture<'a, Result<String, BeginError>>;

    /// Checks a webhook's signature (the `Ghiseu-Signature` header's value;
    /// `None` when the header is absent) over its raw body, and reads the
    /// event. `now` is the time the request arrived.
    fn verify_webhook(
        &self,
        signature: Option<&str>,
        body: &[u8],
        now: Timestamp,
    ) -> Result<PaymentEvent, WebhookError>;
}

/// How far a transaction has got: what storage keeps of the last event it
/// applied to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventMark {
    pub sequence: u64,
    pub status: PaymentStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Newer than anything applied: record it and take its status (which
    /// may be the status the payment already has).
    Apply,
    /// The event already applied, delivered again.
    IgnoreDuplicate,
    /// Older than the last event applied, arriving late.
    IgnoreStale,
}

/// What to do with `incoming`, given the last event applied to the same
/// provider transaction (`None` when it is the first). The provider's
/// sequence decides, not arrival order; a second event with the same
/// sequence is taken for a resend, whatever its status says.
pub fn next_state(current: Option<EventMark>, incoming: EventMark) -> Decision {
    match current {
        None => Decision::Apply,
        Some(current) if incoming.sequence > current.sequence => Decision::Apply,
        Some(current) if incoming.sequence == current.sequence => Decision::IgnoreDuplicate,
        Some(_) => Decision::IgnoreStale,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PaymentStatus::*;

    fn mark(sequence: u64, status: PaymentStatus) -> EventMark {
        EventMark { sequence, status }
    }

    #[test]
    fn the_first_event_applies() {
        assert_eq!(next_state(None, mark(1, Succeeded)), Decision::Apply);
        assert_eq!(next_state(None, mark(7, Refunded)), Decision::Apply);
    }

    #[test]
    fn a_replayed_event_is_a_duplicate() {
        let applied = mark(2, Succeeded);
        assert_eq!(
            next_state(Some(applied), applied),
            Decision::IgnoreDuplicate
        );
        assert_eq!(
            next_state(Some(applied), mark(2, Failed)),
            Decision::IgnoreDuplicate
        );
    }

    #[test]
    fn an_older_event_arriving_late_is_stale() {
        assert_eq!(
            next_state(Some(mark(2, Succeeded)), mark(1, Failed)),
            Decision::IgnoreStale
        );
        assert_eq!(
            next_state(Some(mark(3, Refunded)), mark(2, Succeeded)),
            Decision::IgnoreStale
        );
    }

    #[test]
    fn newer_events_apply_refund_after_success_included() {
        assert_eq!(
            next_state(Some(mark(2, Succeeded)), mark(3, Refunded)),
            Decision::Apply
        );
        assert_eq!(
            next_state(Some(mark(1, Failed)), mark(2, Succeeded)),
            Decision::Apply
        );
    }

    #[test]
    fn status_codes_read_back() {
        for status in PaymentStatus::ALL {
            assert_eq!(PaymentStatus::from_code(status.code()), Some(status));
        }
        assert_eq!(PaymentStatus::from_code("paid"), None);
    }
}
