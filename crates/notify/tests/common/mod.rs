//! Shared by the delivery tests: messages to queue and a mailer that
//! records what it delivers and fails when told to.
#![allow(dead_code)]

use ghiseu_notify::{Delivery, DeliveryError, Email, Mailer};
use ghiseu_storage::Database;
use ghiseu_storage::outbox::{self, Channel, NewMessage};
use jiff::Timestamp;
use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::Duration;

pub fn t0() -> Timestamp {
    "2026-11-24T08:00:00Z".parse().unwrap()
}

pub fn email(to: &str, person_id: Option<&str>) -> NewMessage {
    NewMessage {
        kind: "email-verification".into(),
        channel: Channel::Email,
        recipient: to.into(),
        subject: "Confirmați adresa de e-mail".into(),
        body: "Bună ziua,\n\nConfirmați adresa: https://ghiseu.example/verify/abc\n".into(),
        person_id: person_id.map(str::to_owned),
    }
}

pub fn sms(to: &str) -> NewMessage {
    NewMessage {
        kind: "appointment-reminder".into(),
        channel: Channel::Sms,
        recipient: to.into(),
        subject: String::new(),
        body: "Programarea dvs. este mâine la 09:30.".into(),
        person_id: None,
    }
}

/// Queues `message` in a transaction of its own and commits it.
pub async fn enqueue_committed(db: &Database, message: &NewMessage, now: Timestamp) -> String {
    let mut tx = db.pool().begin().await.unwrap();
    let id = outbox::enqueue(&mut tx, message, now).await.unwrap();
    tx.commit().await.unwrap();
    id
}

/// Records each delivery; fails with the queued errors first, one per call.
#[derive(Default)]
pub struct RecordingMailer {
    failures: Mutex<VecDeque<DeliveryError>>,
    delivered: Mutex<Vec<(String, String, String)>>,
    /// Time each delivery takes, so that concurrent workers interleave.
    pause: Duration,
}

impl RecordingMailer {
    pub fn failing_with(failures: impl IntoIterator<Item = DeliveryError>) -> RecordingMailer {
        RecordingMailer {
            failures: Mutex::new(failures.into_iter().collect()),
            ..RecordingMailer::default()
        }
    }

    /// Takes `pause` over each delivery.
    pub fn slow(pause: Duration) -> RecordingMailer {
        RecordingMailer {
            pause,
            ..RecordingMailer::default()
        }
    }

    /// (to, subject, body) of every delivery, oldest first.
    pub fn delivered(&self) -> Vec<(String, String, String)> {
        self.delivered.lock().unwrap().clone()
    }
}

impl Mailer for RecordingMailer {
    fn send<'a>(&'a self, email: Email<'a>) -> Delivery<'a> {
        Box::pin(async move {
            if !self.pause.is_zero() {
                tokio::time::sleep(self.pause).await;
            }
            if let Some(failure) = self.failures.lock().unwrap().pop_front() {
                return Err(failure);
            }
            self.delivered.lock().unwrap().push((
                email.to.into(),
                email.subject.into(),
                email.body.into(),
            ));
            Ok(())
        })
    }
}
