//! Payment providers behind small interfaces: confirming who a person is
//! through their bank card's 3-D Secure check, paying fees, and the payment
//! references people copy into a bank's form.
#![forbid(unsafe_code)]

pub mod card_identity;
pub mod demo;
pub mod demo_payment;
pub mod payment;
pub mod payment_reference;
pub mod sealed;
pub mod settlement;
pub mod signature;
pub mod webhook;

pub use card_identity::{
    Answer, AnswerError, CardIdentityProvider, CheckRequest, Outcome, VerifiedIdentity,
};
pub use demo::DemoCardProvider;
pub use demo_payment::{DemoPageError, DemoPayment, DemoPaymentProvider};
pub use payment::{
    BeginError, Decision, EventMark, PaymentEvent, PaymentProvider, PaymentRequest, PaymentStatus,
    next_state,
};
pub use payment_reference::{PaymentReference, ReferenceError, ReferenceScheme};
pub use settlement::{Effect, OrderStanding, TransactionStanding};
pub use signature::{Secret, SecretError};
pub use webhook::{SIGNATURE_HEADER, WebhookError};
