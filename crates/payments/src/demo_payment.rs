//! A stand-in for a payment provider, for demonstrations and tests. The
//! portal serves its page; nothing leaves the machine and nothing is charged.
//! The page's address is signed, so the amount or the return address cannot
//! be altered on the way; the page reports the outcome by posting a signed
//! webhook, as a real provider would.

use crate::card_identity::{AnswerError, BoxFuture, query_encode, single};
use crate::payment::{BeginError, PaymentEvent, PaymentProvider, PaymentRequest, PaymentStatus};
use crate::signature::Secret;
use crate::webhook::{self, WebhookError};
use ghiseu_domain::money::{Currency, Money};
use jiff::Timestamp;

/// Where the portal serves the demonstration provider's page.
pub const PAY_PAGE_PATH: &str = "/demo/payment-provider/pay";
const PAGE_PURPOSE: &str = "ghiseu-demo-payment-page/1";
const TRANSACTION_PURPOSE: &str = "ghiseu-demo-payment-transaction/1";

/// One payment as the demonstration page shows it, read from its address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoPayment {
    pub order_id: String,
    pub reference: String,
    pub amount: Money,
    pub description: String,
    pub return_url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DemoPageError {
    #[error(transparent)]
    Query(#[from] AnswerError),
    #[error("the payment page's address was altered")]
    BadToken,
    #[error("the payment page's amount is not a positive amount in a known currency")]
    BadAmount,
}

#[derive(Debug)]
pub struct DemoPaymentProvider {
    secret: Secret,
    public_url: String,
}

impl DemoPaymentProvider {
    /// `public_url` is the portal's address: the page is served there, and
    /// sends people back only into it. `secret` signs both the page's
    /// address and the webhooks.
    pub fn new(secret: Secret, public_url: &str) -> DemoPaymentProvider {
        DemoPaymentProvider {
            secret,
            public_url: public_url.trim_end_matches('/').to_string(),
        }
    }

    /// Whether the page may send a person back to `url`: only into the
    /// portal, and only by an address fit for a `Location` header.
    pub fn accepts_return(&self, url: &str) -> bool {
        url.strip_prefix(&self.public_url)
            .is_some_and(|rest| rest.starts_with('/') && !rest.starts_with("//"))
            && url.bytes().all(|b| b.is_ascii_graphic())
    }

    fn page_fields<'a>(
        order_id: &'a str,
        reference: &'a str,
        minor: &'a str,
        currency: &'a str,
        description: &'a str,
        return_url: &'a str,
    ) -> [(&'static str, &'a str); 6] {
        [
            ("order", order_id),
            ("reference", reference),
            ("amount", minor),
            ("currency", currency),
            ("description", description),
            ("return", return_url),
        ]
    }

    /// Reads and checks the page's query, as decoded by the web framework.
    pub fn read_page(&self, query: &[(String, String)]) -> Result<DemoPayment, DemoPageError> {
        let fields = Self::page_fields(
            single(query, "order")?,
            single(query, "reference")?,
            single(query, "amount")?,
            single(query, "currency")?,
            single(query, "description")?,
            single(query, "return")?,
        );
        if !self
            .secret
            .verify(PAGE_PURPOSE, &fields, single(query, "token")?)
        {
            return Err(DemoPageError::BadToken);
        }
        let [order, reference, amount, currency, description, return_url] = fields.map(|f| f.1);
        let currency = Currency::ALL
            .into_iter()
            .find(|c| c.code() == currency)
            .ok_or(DemoPageError::BadAmount)?;
        let minor = amount
            .parse::<i64>()
            .ok()
            .filter(|m| *m > 0)
            .ok_or(DemoPageError::BadAmount)?;
        Ok(DemoPayment {
            order_id: order.to_string(),
            reference: reference.to_string(),
            amount: Money::new(minor, currency),
            description: description.to_string(),
            return_url: return_url.to_string(),
        })
    }

    /// The demonstration provider's id for its transaction paying `order_id`:
    /// the same every time, so paying twice reads as a resend.
    pub fn transaction_id(&self, order_id: &str) -> String {
        let signature = self
            .secret
            .sign(TRANSACTION_PURPOSE, &[("order", order_id)]);
        format!("demo-{}", signature.get(..20).unwrap_or_default())
    }

    /// The event the page reports when the person chose `status`. Its
    /// sequence follows the order a payment goes through: failed attempts,
    /// then success, then a refund.
    pub fn event(
        &self,
        payment: &DemoPayment,
        status: PaymentStatus,
        now: Timestamp,
    ) -> PaymentEvent {
        PaymentEvent {
            provider_transaction_id: self.transaction_id(&payment.order_id),
            order_id: payment.order_id.clone(),
            reference: payment.reference.clone(),
            amount: payment.amount,
            status,
            occurred_at: now,
            sequence: match status {
                PaymentStatus::Failed => 1,
                PaymentStatus::Succeeded => 2,
                PaymentStatus::Refunded => 3,
            },
        }
    }

    /// The signature header's value and the body to post for `event`.
    pub fn sign_webhook(&self, event: &PaymentEvent, now: Timestamp) -> (String, Vec<u8>) {
        let body = webhook::encode(event);
        (webhook::sign(&self.secret, &body, now), body)
    }
}

impl PaymentProvider for DemoPaymentProvider {
    fn name(&self) -> &'static str {
        "demo"
    }

    fn begin<'a>(
        &'a self,
        request: &'a PaymentRequest<'a>,
    ) -> BoxFuture<'a, Result<String, BeginError>> {
        let url = if request.amount.minor <= 0 {
            Err(BeginError::Refused("the amount is not positive"))
        } else if request.order_id.is_empty() {
            Err(BeginError::Refused("the order has no id"))
        } else if !self.accepts_return(request.return_url) {
            Err(BeginError::Refused(
                "the return address is not in the portal",
            ))
        } else {
            let minor = request.amount.minor.to_string();
            let fields = Self::page_fields(
                request.order_id,
                request.reference,
                &minor,
                request.amount.currency.code(),
                request.description,
                request.return_url,
            );
            let token = self.secret.sign(PAGE_PURPOSE, &fields);
            let mut url = format!("{}{PAY_PAGE_PATH}", self.public_url);
            let mut separator = '?';
            for (name, value) in fields.iter().chain([("token", token.as_str())].iter()) {
                url.push(separator);
                url.push_str(&format!("{name}={}", query_encode(value)));
                separator = '&';
            }
            Ok(url)
        };
        Box::pin(async move { url })
    }

    fn verify_webhook(
        &self,
        signature: Option<&str>,
        body: &[u8],
        now: Timestamp,
    ) -> Result<PaymentEvent, WebhookError> {
        webhook::verify(
            &self.secret,
            signature,
            body,
            now,
            webhook::DEFAULT_TOLERANCE,
        )?;
        webhook::decode(body)
    }
}

#[cfg(test)]
mod tests;
