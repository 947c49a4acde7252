//! What a new provider event does to the money of an order, once
//! [`next_state`](crate::next_state) said the event is new. The sequence
//! orders the events of one transaction; this decides between the
//! transactions of one order: a second payment of an order already paid is
//! kept and flagged to be given back, a refunded payment cannot pay again,
//! and only a refund of the payment that paid the order makes it due again.

use crate::payment::PaymentStatus;

/// Where the order stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderStanding {
    /// Nothing paid it, or what paid it was refunded.
    Payable,
    /// Paid, through another transaction or confirmed by an operator.
    Paid,
}

/// What the portal already knows of the event's transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransactionStanding {
    /// No money of it was taken.
    Unknown,
    /// It paid the order.
    PaidTheOrder,
    /// It paid an order already paid; the money is to be given back.
    Surplus,
    /// Its money was given back.
    Refunded,
}

/// What to do about the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// The order is paid by this transaction.
    Pay,
    /// This transaction paid the order already: nothing changes.
    AlreadyPaid,
    /// A second payment of an order already paid: keep it and flag it for refund.
    FlagSurplus,
    /// A second payment already flagged for refund: nothing changes.
    StillFlagged,
    /// The payment that paid the order was given back: the fee is due again.
    RefundPayment,
    /// A second payment flagged for refund was given back: the flag is settled.
    RefundSurplus,
    /// A payment already given back cannot pay again: nothing changes.
    IgnoreRefunded,
    /// A refund of money the portal never took, or gave back already.
    IgnoreRefund,
    /// A failed attempt: nothing was paid.
    IgnoreFailure,
}

impl Effect {
    /// A stable name for what really happened, for the provider's answer.
    pub fn outcome(self) -> &'static str {
        match self {
            Effect::Pay => "applied",
            Effect::AlreadyPaid => "already-applied",
            Effect::FlagSurplus | Effect::StillFlagged => "duplicate-flagged-for-refund",
            Effect::RefundPayment => "refunded",
            Effect::RefundSurplus => "duplicate-refunded",
            Effect::IgnoreRefunded => "ignored-refunded",
            Effect::IgnoreRefund => "ignored-refund",
            Effect::IgnoreFailure => "ignored-failed",
        }
    }

    /// Whether the event changed the order or its money.
    pub fn changes_anything(self) -> bool {
        matches!(
            self,
            Effect::Pay | Effect::FlagSurplus | Effect::RefundPayment | Effect::RefundSurplus
        )
    }
}

/// What an event of `status` does, given the order and its transaction.
pub fn effect(
    status: PaymentStatus,
    order: OrderStanding,
    transaction: TransactionStanding,
) -> Effect {
    use TransactionStanding as T;
    match (status, transaction) {
        (PaymentStatus::Failed, _) => Effect::IgnoreFailure,
        (PaymentStatus::Succeeded, T::Refunded) => Effect::IgnoreRefunded,
        (PaymentStatus::Succeeded, T::PaidTheOrder) => Effect::AlreadyPaid,
        (PaymentStatus::Succeeded, T::Surplus) => Effect::StillFlagged,
        (PaymentStatus::Succeeded, T::Unknown) => match order {
            OrderStanding::Payable => Effect::Pay,
            OrderStanding::Paid => Effect::FlagSurplus,
        },
        (PaymentStatus::Refunded, T::PaidTheOrder) => Effect::RefundPayment,
        (PaymentStatus::Refunded, T::Surplus) => Effect::RefundSurplus,
        (PaymentStatus::Refunded, T::Unknown | T::Refunded) => Effect::IgnoreRefund,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use OrderStanding::*;
    use PaymentStatus::*;
    use TransactionStanding as T;

    #[test]
    fn a_new_payment_pays_a_payable_order_and_is_flagged_on_a_paid_one() {
        assert_eq!(effect(Succeeded, Payable, T::Unknown), Effect::Pay);
        assert_eq!(effect(Succeeded, Paid, T::Unknown), Effect::FlagSurplus);
        assert_eq!(
            effect(Succeeded, Paid, T::PaidTheOrder),
            Effect::AlreadyPaid
        );
        assert_eq!(effect(Succeeded, Paid, T::Surplus), Effect::StillFlagged);
    }

    #[test]
    fn a_refunded_payment_never_pays_again() {
        for order in [Payable, Paid] {
            assert_eq!(
                effect(Succeeded, order, T::Refunded),
                Effect::IgnoreRefunded
            );
            assert_eq!(effect(Refunded, order, T::Refunded), Effect::IgnoreRefund);
        }
    }

    #[test]
    fn a_refund_settles_what_its_transaction_did() {
        assert_eq!(
            effect(Refunded, Payable, T::PaidTheOrder),
            Effect::RefundPayment
        );
        assert_eq!(effect(Refunded, Paid, T::Surplus), Effect::RefundSurplus);
        assert_eq!(effect(Refunded, Paid, T::Unknown), Effect::IgnoreRefund);
        assert_eq!(effect(Refunded, Payable, T::Unknown), Effect::IgnoreRefund);
    }

    #[test]
    fn a_failure_changes_nothing_and_only_changes_are_applied() {
        for transaction in [T::Unknown, T::PaidTheOrder, T::Surplus, T::Refunded] {
            for order in [Payable, Paid] {
                assert_eq!(effect(Failed, order, transaction), Effect::IgnoreFailure);
                let e = effect(Succeeded, order, transaction);
                assert_eq!(
                    e.changes_anything(),
                    matches!(e, Effect::Pay | Effect::FlagSurplus)
                );
            }
        }
        assert!(Effect::RefundPayment.changes_anything());
        assert!(!Effect::IgnoreRefunded.changes_anything());
        assert_ne!(Effect::IgnoreRefunded.outcome(), "applied");
        assert_ne!(Effect::FlagSurplus.outcome(), "applied");
    }
}
