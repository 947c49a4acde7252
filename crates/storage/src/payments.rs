//! Payment orders (one per case, issued when its fee falls due) and the
//! events payment providers report about them. An event is recorded once per
//! (provider, transaction, sequence); whether it changes anything is decided
//! by `ghiseu_payments::next_state` against the last one recorded.

use crate::{Connection, Database, StorageError};
use ghiseu_payments::{Decision, EventMark, PaymentStatus, next_state};
use sqlx::Row;
use sqlx::any::AnyRow;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentOrder {
    pub id: String,
    pub case_id: String,
    /// The compact payment reference.
    pub reference: String,
    pub scheme: String,
    pub amount_minor: i64,
    pub currency: String,
    /// `due`, `paid` or `refunded`.
    pub status: String,
    pub created_at: i64,
    pub paid_at: Option<i64>,
    /// `provider` or `operator`.
    pub paid_by: Option<String>,
    pub provider: Option<String>,
    pub provider_transaction_id: Option<String>,
}

pub const DUE: &str = "due";
pub const PAID: &str = "paid";
pub const REFUNDED: &str = "refunded";

const COLUMNS: &str = "id, case_id, reference, scheme, amount_minor, currency, status, created_at, \
     paid_at, paid_by, provider, provider_transaction_id";

fn order(row: &AnyRow) -> Result<PaymentOrder, sqlx::Error> {
    Ok(PaymentOrder {
        id: row.try_get("id")?,
        case_id: row.try_get("case_id")?,
        reference: row.try_get("reference")?,
        scheme: row.try_get("scheme")?,
        amount_minor: row.try_get("amount_minor")?,
        currency: row.try_get("currency")?,
        status: row.try_get("status")?,
        created_at: row.try_get("created_at")?,
        paid_at: row.try_get("paid_at")?,
        paid_by: row.try_get("paid_by")?,
        provider: row.try_get("provider")?,
        provider_transaction_id: row.try_get("provider_transaction_id")?,
    })
}

/// The next sequence number for references of `scheme`.
pub async fn next_sequence(conn: &mut Connection, scheme: &str) -> Result<i64, StorageError> {
    let row = sqlx::query(
        "INSERT INTO payment_counters (scheme, last_sequence) VALUES ($1, 1) \
         ON CONFLICT (scheme) DO UPDATE SET last_sequence = payment_counters.last_sequence + 1 \
         RETURNING last_sequence",
    )
    .bind(scheme)
    .fetch_one(&mut *conn)
    .await?;
    Ok(row.try_get("last_sequence")?)
}

/// A new order, due; in the caller's transaction.
pub async fn create(conn: &mut Connection, order: &PaymentOrder) -> Result<(), StorageError> {
    sqlx::query(
        "INSERT INTO payment_orders (id, case_id, reference, scheme, amount_minor, currency, \
         status, created_at) VALUES ($1, $2, $3, $4, $5, $6, 'due', $7)",
    )
    .bind(&order.id)
    .bind(&order.case_id)
    .bind(&order.reference)
    .bind(&order.scheme)
    .bind(order.amount_minor)
    .bind(&order.currency)
    .bind(order.created_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn for_case(db: &Database, case_id: &str) -> Result<Option<PaymentOrder>, StorageError> {
    let mut conn = db.pool().acquire().await?;
    for_case_in(&mut conn, case_id).await
}

pub async fn for_case_in(
    conn: &mut Connection,
    case_id: &str,
) -> Result<Option<PaymentOrder>, StorageError> {
    let sql = format!("SELECT {COLUMNS} FROM payment_orders WHERE case_id = $1");
    let row = sqlx::query(&sql)
        .bind(case_id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.as_ref().map(order).transpose()?)
}

pub async fn by_reference(
    db: &Database,
    reference: &str,
) -> Result<Option<PaymentOrder>, StorageError> {
    let sql = format!("SELECT {COLUMNS} FROM payment_orders WHERE reference = $1");
    let row = sqlx::query(&sql)
        .bind(reference)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.as_ref().map(order).transpose()?)
}

/// The order as seen inside the caller's transaction.
pub async fn get_in(conn: &mut Connection, id: &str) -> Result<Option<PaymentOrder>, StorageError> {
    let sql = format!("SELECT {COLUMNS} FROM payment_orders WHERE id = $1");
    let row = sqlx::query(&sql)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.as_ref().map(order).transpose()?)
}

/// One event a provider reported, as verified.
pub struct NewEvent<'a> {
    pub provider: &'a str,
    pub transaction_id: &'a str,
    pub sequence: i64,
    pub status: PaymentStatus,
    pub order_id: &'a str,
    pub received_at: i64,
}

/// Records `event` unless it was recorded before, and says what to do with
/// it; in the caller's transaction, with the change it leads to. An event
/// older than the last one of its transaction is kept but not applied; the
/// same event again is a duplicate, even when it first came late.
pub async fn record_event(
    conn: &mut Connection,
    event: &NewEvent<'_>,
) -> Result<Decision, StorageError> {
    let last = sqlx::query(
        "SELECT sequence, status FROM payment_events WHERE provider = $1 AND transaction_id = $2 \
         ORDER BY sequence DESC LIMIT 1",
    )
    .bind(event.provider)
    .bind(event.transaction_id)
    .fetch_optional(&mut *conn)
    .await?;
    let current = match last {
        Some(row) => {
            let sequence: i64 = row.try_get("sequence")?;
            let status: String = row.try_get("status")?;
            match (u64::try_from(sequence), PaymentStatus::from_code(&status)) {
                (Ok(sequence), Some(status)) => Some(EventMark { sequence, status }),
                _ => {
                    let what = format!("payment event {sequence} has status {status}");
                    return Err(sqlx::Error::Decode(what.into()).into());
                }
            }
        }
        None => None,
    };
    let incoming = EventMark {
        sequence: u64::try_from(event.sequence).unwrap_or_default(),
        status: event.status,
    };
    let decision = next_state(current, incoming);
    if decision == Decision::IgnoreDuplicate {
        return Ok(decision);
    }
    let inserted = sqlx::query(
        "INSERT INTO payment_events (provider, transaction_id, sequence, status, order_id, \
         received_at) VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (provider, transaction_id, sequence) DO NOTHING",
    )
    .bind(event.provider)
    .bind(event.transaction_id)
    .bind(event.sequence)
    .bind(event.status.code())
    .bind(event.order_id)
    .bind(event.received_at)
    .execute(&mut *conn)
    .await?;
    Ok(if inserted.rows_affected() == 0 {
        Decision::IgnoreDuplicate
    } else {
        decision
    })
}

/// Who confirmed a payment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaidBy<'a> {
    Provider {
        name: &'a str,
        transaction_id: &'a str,
    },
    Operator,
}

/// Marks a due order paid; false when it was not due any more.
pub async fn mark_paid(
    conn: &mut Connection,
    order_id: &str,
    by: PaidBy<'_>,
    now: i64,
) -> Result<bool, StorageError> {
    let (paid_by, provider, transaction) = match by {
        PaidBy::Provider {
            name,
            transaction_id,
        } => ("provider", Some(name), Some(transaction_id)),
        PaidBy::Operator => ("operator", None, None),
    };
    let done = sqlx::query(
        "UPDATE payment_orders SET status = 'paid', paid_at = $2, paid_by = $3, provider = $4, \
         provider_transaction_id = $5 WHERE id = $1 AND status = 'due'",
    )
    .bind(order_id)
    .bind(now)
    .bind(paid_by)
    .bind(provider)
    .bind(transaction)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Marks an order paid through this provider transaction refunded.
pub async fn mark_refunded(
    conn: &mut Connection,
    order_id: &str,
    provider: &str,
    transaction_id: &str,
) -> Result<bool, StorageError> {
    let done = sqlx::query(
        "UPDATE payment_orders SET status = 'refunded' WHERE id = $1 AND status = 'paid' \
         AND provider = $2 AND provider_transaction_id = $3",
    )
    .bind(order_id)
    .bind(provider)
    .bind(transaction_id)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// How many events were recorded for an order (for checks and tests).
pub async fn event_count(db: &Database, order_id: &str) -> Result<i64, StorageError> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM payment_events WHERE order_id = $1")
        .bind(order_id)
        .fetch_one(db.pool())
        .await?;
    Ok(row.try_get("n")?)
}
