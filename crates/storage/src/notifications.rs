//! Telling a person something: one outbox message for each channel the
//! message may take and the person wants, in the person's language, queued
//! in the caller's transaction.

use crate::outbox::{self, Attachment, Channel, Extras, NewMessage};
use crate::{StorageError, profiles};
use ghiseu_domain::account::{MessageKind, NotificationChannel, NotificationPreferences};
use ghiseu_domain::catalogue::Lang;
use jiff::Timestamp;
use sqlx::{AnyConnection, Row};

/// What one message says on one channel. `subject` is empty for SMS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub subject: String,
    pub body: String,
}

/// A message queued by [`notify_person`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Queued {
    pub id: String,
    pub channel: NotificationChannel,
}

/// Queues `kind` for the person on `conn`, normally the caller's open
/// transaction, so that a rollback queues nothing. The person's
/// preferences choose the channels (security notices by e-mail go out
/// whatever they chose); SMS goes to the phone in their profile and is
/// skipped when there is none. `compose` writes the text in the person's
/// preferred language for each channel used.
pub async fn notify_person(
    conn: &mut AnyConnection,
    person_id: &str,
    kind: MessageKind,
    compose: impl Fn(Lang, NotificationChannel) -> Text,
    now: Timestamp,
) -> Result<Vec<Queued>, StorageError> {
    let to = recipient(conn, person_id).await?;
    queue(conn, &prepare(&to, kind, compose), now).await
}

/// Who a person is to the outbox: addresses, language and preferences.
#[derive(Debug, Clone)]
pub struct Recipient {
    pub person_id: String,
    email: String,
    phone: Option<String>,
    pub lang: Lang,
    preferences: NotificationPreferences,
}

/// Reads the person as the outbox addresses them, with their choices of
/// channel, in one query.
pub async fn recipient(
    conn: &mut AnyConnection,
    person_id: &str,
) -> Result<Recipient, StorageError> {
    let rows = sqlx::query(
        "SELECT p.email, p.preferred_lang, f.phone, n.kind, n.channel, n.enabled \
         FROM persons p LEFT JOIN profiles f ON f.person_id = p.id \
         LEFT JOIN notification_preferences n ON n.person_id = p.id WHERE p.id = $1",
    )
    .bind(person_id)
    .fetch_all(&mut *conn)
    .await?;
    let row = rows.first().ok_or(StorageError::NoSuchPerson)?;
    let preferred: String = row.try_get("preferred_lang")?;
    let mut preferences = NotificationPreferences::default();
    for choice in &rows {
        profiles::apply_choice(&mut preferences, choice)?;
    }
    Ok(Recipient {
        person_id: person_id.to_string(),
        email: row.try_get("email")?,
        phone: row.try_get("phone")?,
        lang: preferred.parse().unwrap_or(Lang::Ro),
        preferences,
    })
}

/// A message written and addressed, not queued yet.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub channel: NotificationChannel,
    message: NewMessage,
    extras: Extras,
}

impl Prepared {
    /// Sends `attachment` with the message if it is an e-mail; a text
    /// message goes without it.
    pub fn attach_to_email(&mut self, attachment: &Attachment) {
        if self.channel == NotificationChannel::Email {
            self.extras.attachment = Some(attachment.clone());
        }
    }

    /// Holds the message back until `deliver_at`, filed under `topic` (see
    /// [`outbox::schedule`]).
    pub fn schedule(&mut self, topic: &str, deliver_at: Timestamp) {
        self.extras.scheduled = Some((topic.to_string(), deliver_at));
    }
}

/// Writes `kind` for each channel the recipient takes it on. Nothing is
/// read or written: this can be done before a transaction begins.
pub fn prepare(
    to: &Recipient,
    kind: MessageKind,
    compose: impl Fn(Lang, NotificationChannel) -> Text,
) -> Vec<Prepared> {
    let mut prepared = Vec::new();
    for channel in kind.channels_for(&to.preferences) {
        let (outbox_channel, recipient) = match channel {
            NotificationChannel::Email => (Channel::Email, to.email.clone()),
            NotificationChannel::Sms => match to.phone.as_deref().map(str::trim) {
                Some(number) if !number.is_empty() => (Channel::Sms, number.to_string()),
                _ => continue,
            },
        };
        let text = compose(to.lang, channel);
        prepared.push(Prepared {
            channel,
            message: NewMessage {
                kind: kind.code().to_string(),
                channel: outbox_channel,
                recipient,
                subject: text.subject,
                body: text.body,
                person_id: Some(to.person_id.clone()),
            },
            extras: Extras::default(),
        });
    }
    prepared
}

/// Queues prepared messages on `conn`, normally the caller's transaction.
pub async fn queue(
    conn: &mut AnyConnection,
    prepared: &[Prepared],
    now: Timestamp,
) -> Result<Vec<Queued>, StorageError> {
    let mut queued = Vec::with_capacity(prepared.len());
    for one in prepared {
        let id = outbox::enqueue_with(conn, &one.message, &one.extras, now).await?;
        queued.push(Queued {
            id,
            channel: one.channel,
        });
    }
    Ok(queued)
}
