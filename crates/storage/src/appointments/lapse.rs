//! Holds whose time ran out. They count as free in every search already; a
//! lapse makes the rows say so and gives their seats back. A hold lapses
//! the ones in its way when it finds a cell full or a holder taken, so its
//! own way in asks nothing more when nothing is in the way; the server's
//! sweeper tidies up the rest.

use super::HolderKind;
use super::bookings::{end, event};
use crate::{Connection, StorageError};
use ghiseu_domain::appointment::{BookingAction, BookingActor};
use sqlx::Row;
use sqlx::any::AnyRow;

/// Lets at most `limit` holds whose time ran out lapse, oldest first.
pub async fn lapse_expired(
    conn: &mut Connection,
    now: i64,
    limit: i64,
) -> Result<u64, StorageError> {
    let rows = sqlx::query(
        "SELECT id FROM bookings WHERE state = 'held' AND hold_expires_at <= $1 \
         ORDER BY hold_expires_at LIMIT $2",
    )
    .bind(now)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    lapse(conn, rows, now).await
}

/// Lets the holds whose time ran out on one cell lapse.
pub(super) async fn lapse_on_cell(
    conn: &mut Connection,
    office_id: &str,
    window_kind: &str,
    start: i64,
    now: i64,
) -> Result<u64, StorageError> {
    let rows = sqlx::query(
        "SELECT b.id FROM booking_cells c JOIN bookings b ON b.id = c.booking_id \
         WHERE c.office_id = $1 AND c.window_kind = $2 AND c.starts_at = $3 \
         AND b.state = 'held' AND b.hold_expires_at <= $4",
    )
    .bind(office_id)
    .bind(window_kind)
    .bind(start)
    .bind(now)
    .fetch_all(&mut *conn)
    .await?;
    lapse(conn, rows, now).await
}

/// Lets the hold whose time ran out that keeps a holder from another place
/// for the service lapse.
pub(super) async fn lapse_of_holder(
    conn: &mut Connection,
    service_id: &str,
    kind: HolderKind,
    holder_id: &str,
    now: i64,
) -> Result<u64, StorageError> {
    let rows = sqlx::query(
        "SELECT b.id FROM booking_holders h JOIN bookings b ON b.id = h.booking_id \
         WHERE h.service_id = $1 AND h.holder_kind = $2 AND h.holder_id = $3 \
         AND h.active = 1 AND b.state = 'held' AND b.hold_expires_at <= $4",
    )
    .bind(service_id)
    .bind(kind.code())
    .bind(holder_id)
    .bind(now)
    .fetch_all(&mut *conn)
    .await?;
    lapse(conn, rows, now).await
}

/// Lapses the holds named by `rows`; one another transaction ended first is
/// left as that one left it.
async fn lapse(conn: &mut Connection, rows: Vec<AnyRow>, now: i64) -> Result<u64, StorageError> {
    let mut lapsed = 0;
    for row in rows {
        let id: String = row.try_get("id")?;
        if end(conn, &id, BookingAction::Lapse, BookingActor::System, now)
            .await?
            .is_some()
        {
            event(conn, &id, "lapsed", None, None, now).await?;
            lapsed += 1;
        }
    }
    Ok(lapsed)
}
