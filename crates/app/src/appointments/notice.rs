//! What a booking tells its person: the confirmation with its calendar file
//! at once, a reminder the day before, both queued in the booking's own
//! transaction; moving or cancelling withdraws the reminder.

use crate::error::AppError;
use crate::notices::{self, Notice};
use crate::state::App;
use ghiseu_domain::account::NotificationChannel;
use ghiseu_domain::appointment::ics::{CalendarEvent, calendar_file};
use ghiseu_domain::catalogue::{Lang, Office, Service};
use ghiseu_storage::appointments::Booking;
use ghiseu_storage::notifications::{self, Prepared, Recipient};
use ghiseu_storage::outbox::{self, Attachment};
use ghiseu_storage::{Connection, accounts};
use jiff::{SignedDuration, Timestamp};

fn reminder_topic(booking: &Booking) -> String {
    format!("booking:{}:reminder", booking.id)
}

fn service_and_office<'a>(
    state: &'a App,
    booking: &Booking,
) -> Result<(&'a Service, &'a Office), AppError> {
    let (_, service) = state
        .catalogue
        .service(&booking.service_id)
        .ok_or_else(|| AppError::Internal(format!("no service {}", booking.service_id)))?;
    let office = state
        .catalogue
        .office(&booking.office_id)
        .ok_or_else(|| AppError::Internal(format!("no office {}", booking.office_id)))?;
    Ok((service, office))
}

/// The booking's calendar file, in `lang`.
pub fn calendar(
    state: &App,
    booking: &Booking,
    lang: Lang,
    now: Timestamp,
) -> Result<String, AppError> {
    calendar_event(state, booking, lang, now, false)
}

fn calendar_event(
    state: &App,
    booking: &Booking,
    lang: Lang,
    now: Timestamp,
    cancelled: bool,
) -> Result<String, AppError> {
    let (service, office) = service_and_office(state, booking)?;
    let instant = |seconds: i64| {
        Timestamp::from_second(seconds).map_err(|e| AppError::Internal(e.to_string()))
    };
    let host = state
        .public_url
        .split("://")
        .nth(1)
        .unwrap_or("ghiseu")
        .split('/')
        .next()
        .unwrap_or("ghiseu");
    Ok(calendar_file(&CalendarEvent {
        uid: format!("{}@{host}", booking.reference),
        stamp: now,
        // A cancellation must outrank the last file sent, which had the
        // number of moves as its sequence.
        sequence: u32::try_from(booking.reschedules).unwrap_or(0) + u32::from(cancelled),
        start: instant(booking.starts_at)?,
        end: instant(booking.ends_at)?,
        summary: format!("{} — {}", service.name.get(lang), booking.reference),
        location: format!("{}, {}", office.name.get(lang), office.address.get(lang)),
        description: format!("{} {}", booking.reference, state.public_url),
        cancelled,
    }))
}

/// A booking's confirmation (with the calendar file for its e-mail) and its
/// reminder for the day before, written and addressed but not queued yet.
pub struct Confirmation {
    messages: Vec<Prepared>,
    calendar: String,
    reminder: Option<(Vec<Prepared>, Timestamp)>,
    topic: String,
    now: Timestamp,
}

/// Writes the confirmation for `booking` before its transaction begins, so
/// the database's writer is not kept waiting while the texts are composed.
pub async fn prepare_confirmation(
    state: &App,
    booking: &Booking,
    now: Timestamp,
) -> Result<Confirmation, AppError> {
    let mut conn = state.db.connection().await?;
    let to = notifications::recipient(&mut conn, &booking.booked_by).await?;
    drop(conn);
    confirmation(state, &to, booking, now)
}

fn confirmation(
    state: &App,
    to: &Recipient,
    booking: &Booking,
    now: Timestamp,
) -> Result<Confirmation, AppError> {
    let (service, office) = service_and_office(state, booking)?;
    let start =
        Timestamp::from_second(booking.starts_at).map_err(|e| AppError::Internal(e.to_string()))?;
    let at = start.to_zoned(office.time_zone.clone()).datetime();
    let notice = Notice::AppointmentConfirmed {
        reference: &booking.reference,
        service: &service.name,
        office: &office.name,
        address: &office.address,
        at,
    };
    let remind_at = start - SignedDuration::from_hours(24);
    let reminder = (remind_at > now).then(|| {
        let reminder = Notice::AppointmentReminder {
            service: &service.name,
            office: &office.name,
            at,
        };
        (notices::prepare(state, to, &reminder), remind_at)
    });
    Ok(Confirmation {
        messages: notices::prepare(state, to, &notice),
        calendar: calendar_event(state, booking, to.lang, now, false)?,
        reminder,
        topic: reminder_topic(booking),
        now,
    })
}

/// Queues a prepared confirmation in the booking's transaction, each
/// message with its file and time in one statement.
pub async fn queue_confirmation(
    conn: &mut Connection,
    mut confirmation: Confirmation,
) -> Result<(), AppError> {
    let now = confirmation.now;
    let attachment = Attachment {
        name: "appointment.ics".into(),
        content_type: "text/calendar; charset=utf-8; method=PUBLISH".into(),
        body: std::mem::take(&mut confirmation.calendar),
    };
    for message in &mut confirmation.messages {
        message.attach_to_email(&attachment);
    }
    notifications::queue(conn, &confirmation.messages, now).await?;
    if let Some((mut reminders, remind_at)) = confirmation.reminder {
        for message in &mut reminders {
            message.schedule(&confirmation.topic, remind_at);
        }
        notifications::queue(conn, &reminders, now).await?;
    }
    Ok(())
}

/// Queues the confirmation (with the calendar file on the e-mail) and the
/// reminder for the day before, when that is still ahead, composing them
/// inside the caller's transaction (for a booking that changed in it).
pub async fn confirmed(
    conn: &mut Connection,
    state: &App,
    booking: &Booking,
    now: Timestamp,
) -> Result<(), AppError> {
    let to = notifications::recipient(conn, &booking.booked_by).await?;
    queue_confirmation(conn, confirmation(state, &to, booking, now)?).await
}

/// Queues the notice with the booking's calendar file on its e-mail.
async fn tell_with_calendar(
    conn: &mut Connection,
    state: &App,
    booking: &Booking,
    notice: &Notice<'_>,
    now: Timestamp,
    cancelled: bool,
) -> Result<(), AppError> {
    let queued = notices::tell(conn, state, &booking.booked_by, notice, now).await?;
    // Read through the transaction: a second connection from the pool while
    // this one is held could wait for a connection that never comes back.
    let lang = accounts::preferred_lang_in(conn, &booking.booked_by)
        .await?
        .and_then(|code| code.parse().ok())
        .unwrap_or(Lang::Ro);
    let method = if cancelled { "CANCEL" } else { "PUBLISH" };
    for message in queued {
        if message.channel == NotificationChannel::Email {
            let attachment = Attachment {
                name: "appointment.ics".into(),
                content_type: format!("text/calendar; charset=utf-8; method={method}"),
                body: calendar_event(state, booking, lang, now, cancelled)?,
            };
            outbox::attach(conn, &message.id, &attachment).await?;
        }
    }
    Ok(())
}

/// Tells the person the booking is cancelled, with the calendar file that
/// takes it off their calendar.
pub async fn cancelled(
    conn: &mut Connection,
    state: &App,
    booking: &Booking,
    now: Timestamp,
) -> Result<(), AppError> {
    let (service, office) = service_and_office(state, booking)?;
    let start =
        Timestamp::from_second(booking.starts_at).map_err(|e| AppError::Internal(e.to_string()))?;
    let notice = Notice::AppointmentCancelled {
        reference: &booking.reference,
        service: &service.name,
        office: &office.name,
        at: start.to_zoned(office.time_zone.clone()).datetime(),
    };
    tell_with_calendar(conn, state, booking, &notice, now, true).await
}

/// Tells the person the office is closed on the day of their booking, and
/// where to choose another time; the booking stands until they move it.
pub async fn office_closed(
    conn: &mut Connection,
    state: &App,
    booking: &Booking,
    reason: &str,
    now: Timestamp,
) -> Result<(), AppError> {
    let (service, office) = service_and_office(state, booking)?;
    let start =
        Timestamp::from_second(booking.starts_at).map_err(|e| AppError::Internal(e.to_string()))?;
    let notice = Notice::AppointmentOfficeClosed {
        reference: &booking.reference,
        service: &service.name,
        office: &office.name,
        at: start.to_zoned(office.time_zone.clone()).datetime(),
        reason,
        appointment: &booking.id,
    };
    notices::tell(conn, state, &booking.booked_by, &notice, now).await?;
    Ok(())
}

/// Withdraws the reminder of a booking that was cancelled or moved.
pub async fn withdraw_reminder(
    conn: &mut Connection,
    booking: &Booking,
    now: Timestamp,
) -> Result<(), AppError> {
    outbox::withdraw(conn, &reminder_topic(booking), now).await?;
    Ok(())
}
