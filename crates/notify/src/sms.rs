//! SMS: the [`SmsGateway`] interface, a provider reached over HTTP, and a
//! demo gateway that keeps what it was given.

use crate::mask::mask_phone;
use crate::{ConfigError, Delivery, DeliveryError, Secret};
use reqwest::StatusCode;
use serde::Serialize;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

/// Sends one text message to a phone number.
pub trait SmsGateway: Send + Sync {
    fn send<'a>(&'a self, to: &'a str, text: &'a str) -> Delivery<'a>;
}

/// A provider that takes `POST {url}` with the JSON `{"to": …, "text": …}`
/// and a bearer token, and answers 2xx when it accepted the message.
#[derive(Clone)]
pub struct HttpSmsGateway {
    client: reqwest::Client,
    url: String,
    token: Secret,
}

#[derive(Serialize)]
struct SmsRequest<'a> {
    to: &'a str,
    text: &'a str,
}

impl HttpSmsGateway {
    pub fn new(
        url: impl Into<String>,
        token: Secret,
        timeout: Duration,
    ) -> Result<Self, ConfigError> {
        let client = reqwest::Client::builder().timeout(timeout).build()?;
        Ok(HttpSmsGateway {
            client,
            url: url.into(),
            token,
        })
    }

    async fn deliver(&self, to: &str, text: &str) -> Result<(), DeliveryError> {
        let response = self
            .client
            .post(&self.url)
            .bearer_auth(self.token.expose())
            .json(&SmsRequest { to, text })
            .send()
            .await
            .map_err(|e| {
                DeliveryError::transient(format!("SMS gateway unreachable: {}", e.without_url()))
            })?;
        let status = response.status();
        if status.is_success() {
            tracing::debug!(to = %mask_phone(to), "SMS accepted by the gateway");
            return Ok(());
        }
        let reason = format!("SMS gateway answered {status}");
        if retry_may_help(status) {
            Err(DeliveryError::transient(reason))
        } else {
            Err(DeliveryError::permanent(reason))
        }
    }
}

/// The gateway's own trouble, a timeout and a rate limit pass, and so does a
/// refused token once the configuration is fixed; any other refusal would be
/// repeated for the same request.
fn retry_may_help(status: StatusCode) -> bool {
    status.is_server_error()
        || status == StatusCode::REQUEST_TIMEOUT
        || status == StatusCode::TOO_MANY_REQUESTS
        || status == StatusCode::UNAUTHORIZED
}

impl SmsGateway for HttpSmsGateway {
    fn send<'a>(&'a self, to: &'a str, text: &'a str) -> Delivery<'a> {
        Box::pin(self.deliver(to, text))
    }
}

/// A text message the [`DemoSmsGateway`] was given.
#[derive(Clone, PartialEq, Eq)]
pub struct SentSms {
    pub to: String,
    pub text: String,
}

impl std::fmt::Debug for SentSms {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SentSms")
            .field("to", &mask_phone(&self.to))
            .finish_non_exhaustive()
    }
}

/// For the demo and tests: logs each message with the number masked and
/// keeps it in memory instead of sending it.
#[derive(Debug, Clone, Default)]
pub struct DemoSmsGateway {
    sent: Arc<Mutex<Vec<SentSms>>>,
}

impl DemoSmsGateway {
    pub fn new() -> DemoSmsGateway {
        DemoSmsGateway::default()
    }

    /// What was "sent" so far, oldest first.
    pub fn sent(&self) -> Vec<SentSms> {
        self.sent
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

impl SmsGateway for DemoSmsGateway {
    fn send<'a>(&'a self, to: &'a str, text: &'a str) -> Delivery<'a> {
        tracing::info!(to = %mask_phone(to), "demo SMS, not sent");
        self.sent
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(SentSms {
                to: to.to_owned(),
                text: text.to_owned(),
            });
        Box::pin(std::future::ready(Ok(())))
    }
}
