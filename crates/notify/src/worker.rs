//! The delivery worker: claims due messages from the outbox, hands each to
//! the mailer or the SMS gateway, and records the outcome.

use crate::mask::{mask_email, mask_phone};
use crate::{DeliveryError, Email, Mailer, SmsGateway, WorkerError};
use ghiseu_storage::Database;
use ghiseu_storage::outbox::{self, Channel, OutboxMessage};
use jiff::{SignedDuration, Timestamp};
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

/// What one pass over the outbox did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DeliveryReport {
    pub sent: u64,
    /// Failed for now, to be tried again later.
    pub retried: u64,
    /// Given up.
    pub failed: u64,
}

impl DeliveryReport {
    pub fn handled(&self) -> u64 {
        self.sent + self.retried + self.failed
    }
}

pub struct DeliveryWorker {
    pub db: Database,
    pub mailer: Arc<dyn Mailer>,
    pub sms: Arc<dyn SmsGateway>,
    /// How long a claimed message stays this worker's; after that another
    /// worker may claim it. A delivery is begun only in the first half of
    /// the lease (the messages left are given back), so the lease must be at
    /// least twice the longest one delivery may take (the SMTP and SMS
    /// timeouts), and no message is ever sent by two workers.
    pub lease: Duration,
    pub batch: i64,
    /// Deliveries tried before a message that keeps failing is given up.
    pub max_attempts: i64,
    /// The pause between passes when the outbox was emptied.
    pub poll_interval: Duration,
    /// Added to the system clock to tell which messages are due: zero, except
    /// where the whole server runs on a moved clock (tests and demonstrations).
    pub clock_offset: SignedDuration,
}

impl DeliveryWorker {
    pub fn new(db: Database, mailer: Arc<dyn Mailer>, sms: Arc<dyn SmsGateway>) -> DeliveryWorker {
        DeliveryWorker {
            db,
            mailer,
            sms,
            lease: Duration::from_secs(300),
            batch: 20,
            max_attempts: 8,
            poll_interval: Duration::from_secs(5),
            clock_offset: SignedDuration::ZERO,
        }
    }

    /// Claims one batch of due messages and delivers them, one after another,
    /// while at least half of the lease is left; gives back the rest.
    pub async fn run_once(&self, now: Timestamp) -> Result<DeliveryReport, WorkerError> {
        let mut report = DeliveryReport::default();
        let claimed_at = std::time::Instant::now();
        let mut claimed = outbox::claim(&self.db, self.lease, self.batch, now)
            .await?
            .into_iter();
        while let Some(message) = claimed.next() {
            if claimed_at.elapsed() > self.lease / 2 {
                // A delivery begun now might end after the lease, when
                // another worker may have claimed and sent the message too.
                let left: Vec<String> = std::iter::once(message)
                    .chain(claimed)
                    .map(|m| m.id)
                    .collect();
                let given_back = outbox::release(&self.db, &left, self.lease, now).await?;
                tracing::info!(
                    given_back,
                    "half the lease went on this batch; the rest is given back"
                );
                break;
            }
            let outcome = self.deliver(&message).await;
            let recorded = match outcome {
                Ok(()) => {
                    report.sent += 1;
                    tracing::info!(id = %message.id, kind = %message.kind, to = %masked(&message), "delivered");
                    outbox::mark_sent(&self.db, &message.id, now).await?
                }
                Err(error) => {
                    let retry_at = if error.is_permanent() || message.attempts >= self.max_attempts
                    {
                        report.failed += 1;
                        None
                    } else {
                        report.retried += 1;
                        Some(now + retry_delay(message.attempts))
                    };
                    tracing::warn!(
                        id = %message.id, kind = %message.kind, to = %masked(&message),
                        attempt = message.attempts, %error, will_retry = retry_at.is_some(),
                        "delivery failed"
                    );
                    outbox::mark_failed_attempt(
                        &self.db,
                        &message.id,
                        &error.to_string(),
                        retry_at,
                        now,
                    )
                    .await?
                }
            };
            if !recorded {
                tracing::warn!(id = %message.id, "the outcome came after the lease had passed to another worker");
            }
        }
        Ok(report)
    }

    async fn deliver(&self, message: &OutboxMessage) -> Result<(), DeliveryError> {
        match message.channel {
            Channel::Email => {
                let email = Email {
                    to: &message.recipient,
                    subject: &message.subject,
                    body: &message.body,
                    attachment: message.attachment.as_ref(),
                    id: Some(&message.id),
                };
                self.mailer.send(email).await
            }
            Channel::Sms => self.sms.send(&message.recipient, &message.body).await,
        }
    }

    /// Delivers until `shutdown` completes. A batch in progress is finished
    /// first; a full batch is followed at once by the next.
    pub async fn run(self, shutdown: impl Future<Output = ()>) {
        tokio::pin!(shutdown);
        loop {
            let now = Timestamp::now();
            let now = now.checked_add(self.clock_offset).unwrap_or(now);
            let pause = match self.run_once(now).await {
                Ok(report) if i64::try_from(report.handled()).unwrap_or(i64::MAX) >= self.batch => {
                    Duration::ZERO
                }
                Ok(_) => self.poll_interval,
                Err(error) => {
                    tracing::error!(%error, "the outbox could not be read or updated");
                    self.poll_interval
                }
            };
            tokio::select! {
                () = &mut shutdown => return,
                () = tokio::time::sleep(pause) => {}
            }
        }
    }
}

/// The wait after the `attempt`-th failed try (counting from 1): one minute,
/// doubling each time, at most an hour.
pub fn retry_delay(attempt: i64) -> SignedDuration {
    let doublings = u32::try_from(attempt.saturating_sub(1).clamp(0, 6)).unwrap_or(6);
    SignedDuration::from_mins(1 << doublings).min(SignedDuration::from_hours(1))
}

fn masked(message: &OutboxMessage) -> String {
    match message.channel {
        Channel::Email => mask_email(&message.recipient),
        Channel::Sms => mask_phone(&message.recipient),
    }
}

#[cfg(test)]
mod tests {
    use super::retry_delay;
    use jiff::SignedDuration;

    #[test]
    fn retries_wait_one_minute_doubling_up_to_an_hour() {
        let minutes: Vec<i64> = (1..=9).map(|n| retry_delay(n).as_mins()).collect();
        assert_eq!(minutes, [1, 2, 4, 8, 16, 32, 60, 60, 60]);
        assert_eq!(retry_delay(0), SignedDuration::from_mins(1));
    }
}
