//! Days an office (or one of its windows) is closed, entered and removed by
//! an administrator; the slot cache forgets the office's closures at once.

use super::Staff;
use crate::error::AppError;
use crate::state::App;
use ghiseu_domain::catalogue::{Office, WindowKind};
use ghiseu_storage::{appointments, audit};
use jiff::civil::Date;

/// A closure as an administrator asked for it, checked.
pub struct ClosureRequest<'a> {
    pub office: &'a Office,
    /// One window, or the whole office.
    pub window: Option<WindowKind>,
    pub days: Vec<Date>,
    pub reason: String,
}

/// Closes the office (or window) on each day asked; a day already closed
/// the same way is not entered twice.
pub async fn add_closures(
    state: &App,
    admin: &Staff,
    asked: &ClosureRequest<'_>,
) -> Result<(), AppError> {
    let written = write_closures(state, admin, asked).await;
    state.slot_cache.forget_closures(&asked.office.id);
    written
}

async fn write_closures(
    state: &App,
    admin: &Staff,
    asked: &ClosureRequest<'_>,
) -> Result<(), AppError> {
    let now = state.clock.now();
    let window = asked.window.map(WindowKind::as_str);
    let (Some(first), Some(last)) = (asked.days.first(), asked.days.last()) else {
        return Ok(());
    };
    let already: Vec<String> = appointments::closures_between(
        &state.db,
        &asked.office.id,
        &first.to_string(),
        &last.to_string(),
    )
    .await?
    .into_iter()
    .filter(|(_, w, _)| w.as_deref() == window)
    .map(|(day, _, _)| day)
    .collect();
    let new_days: Vec<Date> = asked
        .days
        .iter()
        .copied()
        .filter(|day| !already.contains(&day.to_string()))
        .collect();
    let booked = booked_on(state, asked, &new_days).await?;
    let mut tx = state.db.begin_write().await?;
    for day in &asked.days {
        if already.contains(&day.to_string()) {
            continue;
        }
        let id = uuid::Uuid::now_v7().to_string();
        appointments::add_closure(
            &mut tx,
            &id,
            &asked.office.id,
            window,
            &day.to_string(),
            &asked.reason,
            &admin.current.person.id,
            now.as_second(),
        )
        .await?;
    }
    for booking in &booked {
        crate::appointments::notice::office_closed(&mut tx, state, booking, &asked.reason, now)
            .await?;
    }
    let mut event = admin.audit_event(state, "closure.added", None);
    event.detail = serde_json::json!({
        "office": asked.office.id,
        "window": window,
        "days": asked.days.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "reason": asked.reason,
    });
    audit::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(())
}

/// The bookings that still hold a place on `days` at the office (or window).
async fn booked_on(
    state: &App,
    asked: &ClosureRequest<'_>,
    days: &[Date],
) -> Result<Vec<appointments::Booking>, AppError> {
    booked_at(
        state,
        asked.office,
        asked.window.map(WindowKind::as_str),
        days,
    )
    .await
}

/// The bookings that still hold a place on `days` at `office` (or at its
/// `window`), in each day's time order.
pub async fn booked_at(
    state: &App,
    office: &Office,
    window: Option<&str>,
    days: &[Date],
) -> Result<Vec<appointments::Booking>, AppError> {
    let zone = office.time_zone.clone();
    let mut booked = Vec::new();
    for day in days {
        let (Ok(start), Ok(end)) = (
            day.to_zoned(zone.clone()),
            day.tomorrow().and_then(|d| d.to_zoned(zone.clone())),
        ) else {
            continue;
        };
        booked.extend(
            appointments::holding_between(
                &state.db,
                &office.id,
                window,
                start.timestamp().as_second(),
                end.timestamp().as_second(),
            )
            .await?,
        );
    }
    Ok(booked)
}

/// How many bookings that hold a place the closure asked for would meet.
pub async fn bookings_affected(state: &App, asked: &ClosureRequest<'_>) -> Result<usize, AppError> {
    Ok(booked_on(state, asked, &asked.days).await?.len())
}

/// Removes closure `id` of an office the administrator serves; false when
/// there is no such closure for them.
pub async fn remove_closure(state: &App, admin: &Staff, id: &str) -> Result<bool, AppError> {
    let Some(found) = appointments::closure(&state.db, id).await? else {
        return Ok(false);
    };
    if !admin.serves(&state.catalogue, &found.office_id) {
        return Ok(false);
    }
    let mut tx = state.db.begin_write().await?;
    let done = appointments::remove_closure(&mut tx, &found.id).await?;
    let mut event = admin.audit_event(state, "closure.removed", None);
    event.detail = serde_json::json!({
        "office": found.office_id,
        "window": found.window_kind,
        "day": found.day,
    });
    audit::append(&mut tx, &event).await?;
    tx.commit().await?;
    state.slot_cache.forget_closures(&found.office_id);
    Ok(done)
}
