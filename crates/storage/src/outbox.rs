//! The outbox: messages to deliver by e-mail or SMS, queued in the same
//! transaction as the change that causes them and emptied by the delivery
//! worker. Recipients are personal data: nothing here logs them.

use crate::{Backend, Database, StorageError};
use jiff::Timestamp;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    Email,
    Sms,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Sms => "sms",
        }
    }

    fn parse(text: &str) -> Result<Channel, sqlx::Error> {
        match text {
            "email" => Ok(Channel::Email),
            "sms" => Ok(Channel::Sms),
            other => Err(unknown("channel", other)),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Pending,
    /// Claimed by a worker until `claimed_until`.
    Sending,
    Sent,
    /// Given up: a permanent failure, or too many attempts.
    Failed,
    /// Taken back before it was sent, because what it was about changed: a
    /// reminder of an appointment that was cancelled or moved. Never sent.
    Withdrawn,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Sending => "sending",
            Status::Sent => "sent",
            Status::Failed => "failed",
            Status::Withdrawn => "withdrawn",
        }
    }

    fn parse(text: &str) -> Result<Status, sqlx::Error> {
        match text {
            "pending" => Ok(Status::Pending),
            "sending" => Ok(Status::Sending),
            "sent" => Ok(Status::Sent),
            "failed" => Ok(Status::Failed),
            "withdrawn" => Ok(Status::Withdrawn),
            other => Err(unknown("status", other)),
        }
    }
}

fn unknown(what: &str, value: &str) -> sqlx::Error {
    sqlx::Error::Decode(format!("unknown outbox {what} {value:?}").into())
}

/// A message to queue. `subject` is empty for SMS.
#[derive(Clone, PartialEq, Eq)]
pub struct NewMessage {
    pub kind: String,
    pub channel: Channel,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub person_id: Option<String>,
}

impl std::fmt::Debug for NewMessage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewMessage")
            .field("kind", &self.kind)
            .field("channel", &self.channel)
            .field("person_id", &self.person_id)
            .finish_non_exhaustive()
    }
}

/// A file sent with an e-mail. Only text is stored (an `.ics` calendar file
/// is text); `content_type` is a whole MIME type with its parameters, such as
/// `text/calendar; charset=utf-8; method=PUBLISH`.
#[derive(Clone, PartialEq, Eq)]
pub struct Attachment {
    pub name: String,
    pub content_type: String,
    pub body: String,
}

impl std::fmt::Debug for Attachment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The body may say who is expected where and when: only its size shows.
        f.debug_struct("Attachment")
            .field("name", &self.name)
            .field("content_type", &self.content_type)
            .field("body_len", &self.body.len())
            .finish()
    }
}

/// A message as stored, with its delivery state.
#[derive(Clone, PartialEq, Eq)]
pub struct OutboxMessage {
    pub id: String,
    pub kind: String,
    pub channel: Channel,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub person_id: Option<String>,
    /// What the message is about, such as an appointment, when it is to be
    /// withdrawn if that changes; see [`schedule`] and [`withdraw`].
    pub topic: Option<String>,
    /// E-mail only.
    pub attachment: Option<Attachment>,
    pub status: Status,
    /// Deliveries started so far, counting the one in flight.
    pub attempts: i64,
    pub next_attempt_at: Timestamp,
    pub claimed_until: Option<Timestamp>,
    pub last_error: Option<String>,
    pub created_at: Timestamp,
    pub sent_at: Option<Timestamp>,
}

impl std::fmt::Debug for OutboxMessage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OutboxMessage")
            .field("id", &self.id)
            .field("kind", &self.kind)
            .field("channel", &self.channel)
            .field("topic", &self.topic)
            .field("attachment", &self.attachment)
            .field("status", &self.status)
            .field("attempts", &self.attempts)
            .field("next_attempt_at", &self.next_attempt_at)
            .finish_non_exhaustive()
    }
}

const COLUMNS: &str = "id, kind, channel, recipient, subject, body, person_id, topic, \
     attachment_name, attachment_type, attachment_body, status, attempts, \
     next_attempt_at, claimed_until, last_error, created_at, sent_at";

fn timestamp(micros: i64) -> Result<Timestamp, sqlx::Error> {
    Timestamp::from_microsecond(micros).map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

fn optional_timestamp(micros: Option<i64>) -> Result<Option<Timestamp>, sqlx::Error> {
    micros.map(timestamp).transpose()
}

fn message(row: &AnyRow) -> Result<OutboxMessage, sqlx::Error> {
    Ok(OutboxMessage {
        id: row.try_get("id")?,
        kind: row.try_get("kind")?,
        channel: Channel::parse(row.try_get("channel")?)?,
        recipient: row.try_get("recipient")?,
        subject: row.try_get("subject")?,
        body: row.try_get("body")?,
        person_id: row.try_get("person_id")?,
        topic: row.try_get("topic")?,
        attachment: attachment(row)?,
        status: Status::parse(row.try_get("status")?)?,
        attempts: row.try_get("attempts")?,
        next_attempt_at: timestamp(row.try_get("next_attempt_at")?)?,
        claimed_until: optional_timestamp(row.try_get("claimed_until")?)?,
        last_error: row.try_get("last_error")?,
        created_at: timestamp(row.try_get("created_at")?)?,
        sent_at: optional_timestamp(row.try_get("sent_at")?)?,
    })
}

fn attachment(row: &AnyRow) -> Result<Option<Attachment>, sqlx::Error> {
    let name: Option<String> = row.try_get("attachment_name")?;
    let content_type: Option<String> = row.try_get("attachment_type")?;
    let body: Option<String> = row.try_get("attachment_body")?;
    Ok(match (name, content_type, body) {
        (Some(name), Some(content_type), Some(body)) => Some(Attachment {
            name,
            content_type,
            body,
        }),
        _ => None,
    })
}

/// Queues a message on `conn`, which is normally the caller's open
/// transaction: the message is then queued if and only if that transaction
/// commits. Returns the message's id.
pub async fn enqueue(
    conn: &mut AnyConnection,
    message: &NewMessage,
    now: Timestamp,
) -> Result<String, StorageError> {
    enqueue_with(conn, message, &Extras::default(), now).await
}

/// What a queued message may carry besides its text, written with it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extras {
    /// A file; only an e-mail carries one.
    pub attachment: Option<Attachment>,
    /// Held back until then and filed under the topic, as [`schedule`] does.
    pub scheduled: Option<(String, Timestamp)>,
}

/// Queues a message as [`enqueue`] does, with its file and its time in the
/// same statement. Fails with [`StorageError::FileOnSms`] for a file on a
/// text message.
pub async fn enqueue_with(
    conn: &mut AnyConnection,
    message: &NewMessage,
    extras: &Extras,
    now: Timestamp,
) -> Result<String, StorageError> {
    if extras.attachment.is_some() && message.channel != Channel::Email {
        return Err(StorageError::FileOnSms);
    }
    let id = new_message_id(now);
    let attachment = extras.attachment.as_ref();
    let (topic, deliver_at) = match &extras.scheduled {
        Some((topic, at)) => (Some(topic.as_str()), *at),
        None => (None, now),
    };
    sqlx::query(
        "INSERT INTO outbox_messages (id, kind, channel, recipient, subject, body, person_id, \
         topic, attachment_name, attachment_type, attachment_body, \
         status, attempts, next_attempt_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'pending', 0, $12, $13)",
    )
    .bind(&id)
    .bind(&message.kind)
    .bind(message.channel.as_str())
    .bind(&message.recipient)
    .bind(&message.subject)
    .bind(&message.body)
    .bind(&message.person_id)
    .bind(topic)
    .bind(attachment.map(|a| a.name.as_str()))
    .bind(attachment.map(|a| a.content_type.as_str()))
    .bind(attachment.map(|a| a.body.as_str()))
    .bind(deliver_at.as_microsecond())
    .bind(now.as_microsecond())
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// Adds `attachment` to a queued e-mail, normally in the transaction that
/// queued it. Fails with [`StorageError::NoPendingMessage`] when `id` is not
/// a pending e-mail: an SMS never carries a file, and a message on its way or
/// settled is not changed.
pub async fn attach(
    conn: &mut AnyConnection,
    id: &str,
    attachment: &Attachment,
) -> Result<(), StorageError> {
    let done = sqlx::query(
        "UPDATE outbox_messages \
         SET attachment_name = $2, attachment_type = $3, attachment_body = $4 \
         WHERE id = $1 AND channel = $5 AND status = 'pending'",
    )
    .bind(id)
    .bind(&attachment.name)
    .bind(&attachment.content_type)
    .bind(&attachment.body)
    .bind(Channel::Email.as_str())
    .execute(&mut *conn)
    .await?;
    one_changed(done.rows_affected())
}

/// Holds a queued message back until `deliver_at` and files it under
/// `topic`, so that [`withdraw`] can take it back should the topic change
/// before then. Fails with [`StorageError::NoPendingMessage`] when `id` is
/// not pending.
pub async fn schedule(
    conn: &mut AnyConnection,
    id: &str,
    topic: &str,
    deliver_at: Timestamp,
) -> Result<(), StorageError> {
    let done = sqlx::query(
        "UPDATE outbox_messages SET topic = $2, next_attempt_at = $3 \
         WHERE id = $1 AND status = 'pending'",
    )
    .bind(id)
    .bind(topic)
    .bind(deliver_at.as_microsecond())
    .execute(&mut *conn)
    .await?;
    one_changed(done.rows_affected())
}

/// Withdraws the messages filed under `topic` that have not gone out: those
/// pending, and those whose worker's lease ran out by `now` (the worker is
/// gone, and the next claim would send them again). A message in flight under
/// a live lease is beyond recall and is left to its worker. Sent, failed and
/// already withdrawn messages stay as they are. Returns how many were
/// withdrawn.
pub async fn withdraw(
    conn: &mut AnyConnection,
    topic: &str,
    now: Timestamp,
) -> Result<u64, StorageError> {
    let done = sqlx::query(
        "UPDATE outbox_messages SET status = $2, claimed_until = NULL \
         WHERE topic = $1 \
           AND (status = 'pending' OR (status = 'sending' AND claimed_until <= $3))",
    )
    .bind(topic)
    .bind(Status::Withdrawn.as_str())
    .bind(now.as_microsecond())
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected())
}

fn one_changed(rows: u64) -> Result<(), StorageError> {
    if rows == 1 {
        Ok(())
    } else {
        Err(StorageError::NoPendingMessage)
    }
}

/// Takes up to `limit` messages that are due — pending and past their next
/// attempt time, or in flight with an expired lease — for one worker: marks
/// them sending until `now + worker_lease`, counts the attempt, and returns
/// them. Concurrent claims never return the same message while its lease runs.
pub async fn claim(
    db: &Database,
    worker_lease: Duration,
    limit: i64,
    now: Timestamp,
) -> Result<Vec<OutboxMessage>, StorageError> {
    let now_micros = now.as_microsecond();
    // PostgreSQL runs writers in parallel, so competing claims skip each
    // other's rows; SQLite has one writer, which makes the statement atomic.
    let lock = match db.backend() {
        Backend::Postgres => " FOR UPDATE SKIP LOCKED",
        Backend::Sqlite => "",
    };
    let statement = format!(
        "UPDATE outbox_messages \
         SET status = 'sending', claimed_until = $1, attempts = attempts + 1 \
         WHERE id IN (SELECT id FROM outbox_messages \
             WHERE (status = 'pending' AND next_attempt_at <= $2) \
                OR (status = 'sending' AND claimed_until <= $2) \
             ORDER BY next_attempt_at, id LIMIT $3{lock}) \
         RETURNING {COLUMNS}"
    );
    let rows = sqlx::query(&statement)
        .bind(lease_end(now, worker_lease))
        .bind(now_micros)
        .bind(limit)
        .fetch_all(db.pool())
        .await?;
    let mut messages = rows.iter().map(message).collect::<Result<Vec<_>, _>>()?;
    messages.sort_by(|a, b| (a.next_attempt_at, &a.id).cmp(&(b.next_attempt_at, &b.id)));
    Ok(messages)
}

/// When a lease taken at `now` runs out, as stored in `claimed_until`.
fn lease_end(now: Timestamp, worker_lease: Duration) -> i64 {
    let lease_micros = i64::try_from(worker_lease.as_micros()).unwrap_or(i64::MAX);
    now.as_microsecond().saturating_add(lease_micros)
}

/// Gives back messages a worker claimed at `now` (with `worker_lease`) and
/// did not try to deliver: pending again at once, their claim's attempt not
/// counted. A message whose lease ran out and that another worker claimed
/// since is left to that worker. Returns how many were given back.
pub async fn release(
    db: &Database,
    ids: &[String],
    worker_lease: Duration,
    now: Timestamp,
) -> Result<u64, StorageError> {
    let mut tx = db.begin_write().await?;
    let mut released = 0;
    for id in ids {
        let done = sqlx::query(
            "UPDATE outbox_messages SET status = 'pending', claimed_until = NULL, \
             attempts = attempts - 1 \
             WHERE id = $1 AND status = 'sending' AND claimed_until = $2",
        )
        .bind(id)
        .bind(lease_end(now, worker_lease))
        .execute(&mut *tx)
        .await?;
        released += done.rows_affected();
    }
    tx.commit().await?;
    Ok(released)
}

/// Records a delivery. Returns false when the message was not in flight
/// (already settled, or unknown), in which case nothing changes. The stored
/// body keeps no live secret from then on: the link it carried is delivered.
pub async fn mark_sent(db: &Database, id: &str, now: Timestamp) -> Result<bool, StorageError> {
    settle(db, id, Status::Sent, now, None, now).await
}

/// Records a failed delivery: the message waits until `next_attempt_at`, or,
/// when that is `None`, is given up as failed (and its body loses any
/// secret). Returns false when the message was not in flight, in which case
/// nothing changes.
pub async fn mark_failed_attempt(
    db: &Database,
    id: &str,
    error: &str,
    next_attempt_at: Option<Timestamp>,
    now: Timestamp,
) -> Result<bool, StorageError> {
    let (status, next) = match next_attempt_at {
        Some(at) => (Status::Pending, at),
        None => (Status::Failed, now),
    };
    settle(db, id, status, next, Some(error), now).await
}

async fn settle(
    db: &Database,
    id: &str,
    status: Status,
    next_attempt_at: Timestamp,
    error: Option<&str>,
    now: Timestamp,
) -> Result<bool, StorageError> {
    let mut tx = db.begin_write().await?;
    let row = sqlx::query("SELECT body FROM outbox_messages WHERE id = $1 AND status = 'sending'")
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(row) = row else {
        return Ok(false);
    };
    let body: String = row.try_get("body")?;
    let body = if status == Status::Pending {
        body
    } else {
        without_secrets(&body)
    };
    let update = if status == Status::Sent {
        sqlx::query(
            "UPDATE outbox_messages SET status = $2, sent_at = $3, last_error = NULL, \
             claimed_until = NULL, body = $4 WHERE id = $1 AND status = 'sending'",
        )
        .bind(id)
        .bind(status.as_str())
        .bind(now.as_microsecond())
        .bind(&body)
    } else {
        sqlx::query(
            "UPDATE outbox_messages SET status = $2, next_attempt_at = $3, last_error = $4, \
             claimed_until = NULL, body = $5 WHERE id = $1 AND status = 'sending'",
        )
        .bind(id)
        .bind(status.as_str())
        .bind(next_attempt_at.as_microsecond())
        .bind(error.unwrap_or_default().to_string())
        .bind(&body)
    };
    update.execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(true)
}

/// A message body with the secret of every single-use link (`token=…`)
/// replaced, for keeping once the message is delivered or given up.
pub fn without_secrets(body: &str) -> String {
    const MARK: &str = "token=";
    let mut kept = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(at) = rest.find(MARK) {
        let (before, after) = rest.split_at(at + MARK.len());
        kept.push_str(before);
        let secret_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(after.len());
        if secret_len > 0 {
            kept.push_str("[used]");
        }
        rest = &after[secret_len..];
    }
    kept.push_str(rest);
    kept
}

/// Everything queued for a person, newest first.
pub async fn for_person(
    db: &Database,
    person_id: &str,
) -> Result<Vec<OutboxMessage>, StorageError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM outbox_messages WHERE person_id = $1 \
         ORDER BY created_at DESC, id DESC"
    ))
    .bind(person_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.iter().map(message).collect::<Result<_, _>>()?)
}

pub async fn get(db: &Database, id: &str) -> Result<Option<OutboxMessage>, StorageError> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM outbox_messages WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.as_ref().map(message).transpose()?)
}

/// A UUID version 7 for `now`: ids sort by creation time.
fn new_message_id(now: Timestamp) -> String {
    let seconds = u64::try_from(now.as_second()).unwrap_or(0);
    let nanos = u32::try_from(now.subsec_nanosecond()).unwrap_or(0);
    uuid::Uuid::new_v7(uuid::Timestamp::from_unix(uuid::NoContext, seconds, nanos)).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_ids_are_uuid_v7_ordered_by_time() {
        let earlier = new_message_id(Timestamp::from_second(1_800_000_000).unwrap_or_default());
        let later = new_message_id(Timestamp::from_second(1_800_000_001).unwrap_or_default());
        assert_eq!(earlier.len(), 36);
        assert_eq!(&earlier[14..15], "7");
        assert!(matches!(&earlier[19..20], "8" | "9" | "a" | "b"));
        assert!(earlier < later);
        let now = Timestamp::from_second(1_800_000_000).unwrap_or_default();
        assert_ne!(new_message_id(now), new_message_id(now));
    }
}
