//! Telling a person something: one outbox message for each channel the
//! message may take and the person wants, in the person's language, queued
//! in the caller's transaction.

use crate::outbox::{self, Channel, NewMessage};
use crate::{StorageError, profiles};
use ghiseu_domain::account::{MessageKind, NotificationChannel};
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
    let row = sqlx::query(
        "SELECT p.email, p.preferred_lang, f.phone \
         FROM persons p LEFT JOIN profiles f ON f.person_id = p.id WHERE p.id = $1",
    )
    .bind(person_id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(StorageError::NoSuchPerson)?;
    let email: String = row.try_get("email")?;
    let phone: Option<String> = row.try_get("phone")?;
    let preferred: String = row.try_get("preferred_lang")?;
    let lang = preferred.parse().unwrap_or(Lang::Ro);
    let preferences = profiles::preferences(conn, person_id).await?;
    let mut queued = Vec::new();
    for channel in kind.channels_for(&preferences) {
        let (outbox_channel, recipient) = match channel {
            NotificationChannel::Email => (Channel::Email, email.clone()),
            NotificationChannel::Sms => match phone.as_deref().map(str::trim) {
                Some(number) if !number.is_empty() => (Channel::Sms, number.to_string()),
                _ => continue,
            },
        };
        let text = compose(lang, channel);
        let message = NewMessage {
            kind: kind.code().to_string(),
            channel: outbox_channel,
            recipient,
            subject: text.subject,
            body: text.body,
            person_id: Some(person_id.to_string()),
        };
        let id = outbox::enqueue(conn, &message, now).await?;
        queued.push(Queued { id, channel });
    }
    Ok(queued)
}
