//! Reading bookings back: one booking, a person's, a window's day, the free
//! seats of cells, and the checks the benchmark runs afterwards.

use super::HOLDING_STATES;
use crate::{Connection, Database, StorageError};
use sqlx::Row;
use sqlx::any::AnyRow;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HolderKind {
    /// The account's own person.
    Person,
    /// A child in the person's household.
    Ward,
}

impl HolderKind {
    pub fn code(self) -> &'static str {
        match self {
            HolderKind::Person => "person",
            HolderKind::Ward => "ward",
        }
    }

    pub fn parse(code: &str) -> Option<HolderKind> {
        match code {
            "person" => Some(HolderKind::Person),
            "ward" => Some(HolderKind::Ward),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookingHolder {
    pub kind: HolderKind,
    pub id: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Booking {
    pub id: String,
    pub reference: String,
    pub authority_id: String,
    pub office_id: String,
    pub window_kind: String,
    pub service_id: String,
    pub booked_by: String,
    pub case_id: Option<String>,
    pub starts_at: i64,
    pub ends_at: i64,
    pub seats: i64,
    pub state: String,
    pub hold_expires_at: Option<i64>,
    pub reschedules: i64,
    pub ticket_number: Option<i64>,
    pub counter_number: Option<i64>,
    pub called_at: Option<i64>,
    pub assigned_by: Option<String>,
    pub biometrics_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

pub(super) const COLUMNS: &str = "id, reference, authority_id, office_id, window_kind, \
     service_id, booked_by, case_id, starts_at, ends_at, seats, state, hold_expires_at, \
     reschedules, ticket_number, counter_number, called_at, assigned_by, biometrics_at, \
     created_at, updated_at";

pub(super) fn booking_row(row: &AnyRow) -> Result<Booking, sqlx::Error> {
    Ok(Booking {
        id: row.try_get("id")?,
        reference: row.try_get("reference")?,
        authority_id: row.try_get("authority_id")?,
        office_id: row.try_get("office_id")?,
        window_kind: row.try_get("window_kind")?,
        service_id: row.try_get("service_id")?,
        booked_by: row.try_get("booked_by")?,
        case_id: row.try_get("case_id")?,
        starts_at: row.try_get("starts_at")?,
        ends_at: row.try_get("ends_at")?,
        seats: row.try_get("seats")?,
        state: row.try_get("state")?,
        hold_expires_at: row.try_get("hold_expires_at")?,
        reschedules: row.try_get("reschedules")?,
        ticket_number: row.try_get("ticket_number")?,
        counter_number: row.try_get("counter_number")?,
        called_at: row.try_get("called_at")?,
        assigned_by: row.try_get("assigned_by")?,
        biometrics_at: row.try_get("biometrics_at")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

pub async fn booking(conn: &mut Connection, id: &str) -> Result<Option<Booking>, StorageError> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM bookings WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.as_ref().map(booking_row).transpose()?)
}

pub async fn booking_by_reference(
    db: &Database,
    reference: &str,
) -> Result<Option<Booking>, StorageError> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM bookings WHERE reference = $1"
    ))
    .bind(reference)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.as_ref().map(booking_row).transpose()?)
}

/// The names of each booking's holders (people, then children), for the
/// staff's lists; a holder with no name yet is left out.
pub async fn holder_names(
    db: &Database,
    booking_ids: &[&str],
) -> Result<HashMap<String, Vec<String>>, StorageError> {
    let mut names: HashMap<String, Vec<String>> = HashMap::new();
    if booking_ids.is_empty() {
        return Ok(names);
    }
    let places: Vec<String> = (1..=booking_ids.len()).map(|n| format!("${n}")).collect();
    let sql = format!(
        "SELECT h.booking_id, COALESCE(p.given_name || ' ' || p.family_name, \
         w.given_name || ' ' || w.family_name) AS name FROM booking_holders h \
         LEFT JOIN persons p ON h.holder_kind = 'person' AND p.id = h.holder_id \
         LEFT JOIN wards w ON h.holder_kind = 'ward' AND w.id = h.holder_id \
         WHERE h.booking_id IN ({}) ORDER BY h.booking_id, h.holder_kind, name",
        places.join(", ")
    );
    let mut query = sqlx::query(&sql);
    for id in booking_ids {
        query = query.bind(*id);
    }
    for row in query.fetch_all(db.pool()).await? {
        let booking: String = row.try_get("booking_id")?;
        let name: Option<String> = row.try_get("name")?;
        let entry = names.entry(booking).or_default();
        if let Some(name) = name.filter(|n| !n.trim().is_empty()) {
            entry.push(name);
        }
    }
    Ok(names)
}

pub async fn holders_of(
    conn: &mut Connection,
    booking_id: &str,
) -> Result<Vec<BookingHolder>, StorageError> {
    let rows = sqlx::query(
        "SELECT holder_kind, holder_id FROM booking_holders WHERE booking_id = $1 \
         ORDER BY holder_kind, holder_id",
    )
    .bind(booking_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut holders = Vec::with_capacity(rows.len());
    for row in rows {
        let kind: String = row.try_get("holder_kind")?;
        holders.push(BookingHolder {
            kind: HolderKind::parse(&kind)
                .ok_or_else(|| sqlx::Error::Decode(format!("holder kind {kind}").into()))?,
            id: row.try_get("holder_id")?,
        });
    }
    Ok(holders)
}

/// The bookings a person made, or is a holder of, that still hold a place,
/// soonest first.
pub async fn active_for_person(
    db: &Database,
    person_id: &str,
) -> Result<Vec<Booking>, StorageError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM bookings WHERE state IN {HOLDING_STATES} AND (booked_by = $1 \
         OR id IN (SELECT booking_id FROM booking_holders WHERE holder_kind = 'person' \
         AND holder_id = $1)) ORDER BY starts_at"
    ))
    .bind(person_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.iter().map(booking_row).collect::<Result<_, _>>()?)
}

/// The booking of a case that still holds a place, if any (the soonest).
pub async fn active_for_case(
    db: &Database,
    case_id: &str,
) -> Result<Option<Booking>, StorageError> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM bookings WHERE case_id = $1 AND state IN {HOLDING_STATES} \
         ORDER BY starts_at LIMIT 1"
    ))
    .bind(case_id)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.as_ref().map(booking_row).transpose()?)
}

/// Every booking of a window between two instants, in time order then
/// ticket order, for the counter's day view.
pub async fn day_of_window(
    db: &Database,
    office_id: &str,
    window_kind: &str,
    from: i64,
    until: i64,
) -> Result<Vec<Booking>, StorageError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM bookings WHERE office_id = $1 AND window_kind = $2 \
         AND starts_at >= $3 AND starts_at < $4 AND state NOT IN ('lapsed', 'held') \
         ORDER BY starts_at, ticket_number, created_at"
    ))
    .bind(office_id)
    .bind(window_kind)
    .bind(from)
    .bind(until)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.iter().map(booking_row).collect::<Result<_, _>>()?)
}

/// Seats taken in each cell of a window between two instants (cells nobody
/// took have no entry), counting a
/// hold whose time ran out as free even before anyone swept it away.
pub async fn taken_seats(
    db: &Database,
    office_id: &str,
    window_kind: &str,
    from: i64,
    until: i64,
    now: i64,
) -> Result<HashMap<i64, i64>, StorageError> {
    let rows = sqlx::query(
        "SELECT c.starts_at AS starts_at, c.taken AS taken, COALESCE((SELECT CAST(SUM(b.seats) AS BIGINT) \
         FROM booking_cells bc JOIN bookings b ON b.id = bc.booking_id \
         WHERE bc.office_id = c.office_id AND bc.window_kind = c.window_kind \
         AND bc.starts_at = c.starts_at AND b.state = 'held' AND b.hold_expires_at <= $5), 0) \
         AS lapsed FROM appointment_cells c WHERE c.office_id = $1 AND c.window_kind = $2 \
         AND c.starts_at >= $3 AND c.starts_at < $4",
    )
    .bind(office_id)
    .bind(window_kind)
    .bind(from)
    .bind(until)
    .bind(now)
    .fetch_all(db.pool())
    .await?;
    let mut taken = HashMap::with_capacity(rows.len());
    for row in rows {
        let start: i64 = row.try_get("starts_at")?;
        let seats: i64 = row.try_get("taken")?;
        let lapsed: i64 = row.try_get("lapsed")?;
        taken.insert(start, (seats - lapsed).max(0));
    }
    Ok(taken)
}

/// Cells holding more people than their capacity, or whose count differs
/// from the bookings in them: each as (office, window, start, capacity,
/// counted seats, people in bookings). Empty when all is well.
pub async fn overbooked_cells(
    db: &Database,
) -> Result<Vec<(String, String, i64, i64, i64, i64)>, StorageError> {
    let rows = sqlx::query(&format!(
        "SELECT c.office_id AS office_id, c.window_kind AS window_kind, \
         c.starts_at AS starts_at, c.capacity AS capacity, c.taken AS taken, \
         COALESCE((SELECT CAST(SUM(b.seats) AS BIGINT) FROM booking_cells bc JOIN bookings b \
         ON b.id = bc.booking_id WHERE bc.office_id = c.office_id \
         AND bc.window_kind = c.window_kind AND bc.starts_at = c.starts_at \
         AND b.state IN {HOLDING_STATES}), 0) AS people FROM appointment_cells c"
    ))
    .fetch_all(db.pool())
    .await?;
    let mut wrong = Vec::new();
    for row in rows {
        let capacity: i64 = row.try_get("capacity")?;
        let taken: i64 = row.try_get("taken")?;
        let people: i64 = row.try_get("people")?;
        if people > capacity || taken > capacity || taken != people {
            wrong.push((
                row.try_get("office_id")?,
                row.try_get("window_kind")?,
                row.try_get("starts_at")?,
                capacity,
                taken,
                people,
            ));
        }
    }
    Ok(wrong)
}
