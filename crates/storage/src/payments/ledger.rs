//! What providers reported about an order and the money each of their
//! transactions brought, for single orders and for combined fee orders
//! alike: each kind keeps its own tables, named by [`Ledger`].

use crate::{Connection, Database, StorageError};
use ghiseu_payments::{Decision, EventMark, PaymentStatus, TransactionStanding, next_state};
use sqlx::Row;
use sqlx::any::AnyRow;

/// Which kind of order an event or a transaction is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ledger {
    /// A case's own payment order (`payment_orders`).
    Single,
    /// A fee order covering several cases (`fee_orders`).
    Combined,
}

impl Ledger {
    fn events(self) -> &'static str {
        match self {
            Ledger::Single => "payment_events",
            Ledger::Combined => "fee_order_events",
        }
    }

    fn transactions(self) -> &'static str {
        match self {
            Ledger::Single => "payment_transactions",
            Ledger::Combined => "fee_order_transactions",
        }
    }
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
    record_event_in(conn, Ledger::Single, event).await
}

/// [`record_event`] for either kind of order.
pub async fn record_event_in(
    conn: &mut Connection,
    ledger: Ledger,
    event: &NewEvent<'_>,
) -> Result<Decision, StorageError> {
    let sql = format!(
        "SELECT sequence, status FROM {} WHERE provider = $1 AND transaction_id = $2 \
         ORDER BY sequence DESC LIMIT 1",
        ledger.events()
    );
    let last = sqlx::query(&sql)
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
    let sql = format!(
        "INSERT INTO {} (provider, transaction_id, sequence, status, order_id, \
         received_at) VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (provider, transaction_id, sequence) DO NOTHING",
        ledger.events()
    );
    let inserted = sqlx::query(&sql)
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

/// A provider transaction that brought money for an order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentTransaction {
    pub provider: String,
    pub transaction_id: String,
    pub order_id: String,
    /// [`PAID_THE_ORDER`] or [`SURPLUS`].
    pub role: String,
    pub amount_minor: i64,
    pub currency: String,
    pub received_at: i64,
    pub refunded_at: Option<i64>,
}

/// The transaction paid the order.
pub const PAID_THE_ORDER: &str = "paid";
/// The transaction paid an order already paid: its money is to be given back.
pub const SURPLUS: &str = "surplus";

impl PaymentTransaction {
    /// Flagged for refund and not refunded yet.
    pub fn to_refund(&self) -> bool {
        self.role == SURPLUS && self.refunded_at.is_none()
    }
}

const TRANSACTION_COLUMNS: &str = "provider, transaction_id, order_id, role, amount_minor, \
     currency, received_at, refunded_at";

fn transaction(row: &AnyRow) -> Result<PaymentTransaction, sqlx::Error> {
    Ok(PaymentTransaction {
        provider: row.try_get("provider")?,
        transaction_id: row.try_get("transaction_id")?,
        order_id: row.try_get("order_id")?,
        role: row.try_get("role")?,
        amount_minor: row.try_get("amount_minor")?,
        currency: row.try_get("currency")?,
        received_at: row.try_get("received_at")?,
        refunded_at: row.try_get("refunded_at")?,
    })
}

/// Keeps the money a transaction brought; a transaction already kept stays
/// as it is.
pub async fn record_transaction(
    conn: &mut Connection,
    t: &PaymentTransaction,
) -> Result<(), StorageError> {
    record_transaction_in(conn, Ledger::Single, t).await
}

/// [`record_transaction`] for either kind of order.
pub async fn record_transaction_in(
    conn: &mut Connection,
    ledger: Ledger,
    t: &PaymentTransaction,
) -> Result<(), StorageError> {
    let sql = format!(
        "INSERT INTO {} ({TRANSACTION_COLUMNS}) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (provider, transaction_id) DO NOTHING",
        ledger.transactions()
    );
    sqlx::query(&sql)
        .bind(&t.provider)
        .bind(&t.transaction_id)
        .bind(&t.order_id)
        .bind(&t.role)
        .bind(t.amount_minor)
        .bind(&t.currency)
        .bind(t.received_at)
        .bind(t.refunded_at)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Notes that the provider gave a transaction's money back; false when it
/// was not kept or was refunded before.
pub async fn mark_transaction_refunded(
    conn: &mut Connection,
    provider: &str,
    transaction_id: &str,
    now: i64,
) -> Result<bool, StorageError> {
    mark_transaction_refunded_in(conn, Ledger::Single, provider, transaction_id, now).await
}

/// [`mark_transaction_refunded`] for either kind of order.
pub async fn mark_transaction_refunded_in(
    conn: &mut Connection,
    ledger: Ledger,
    provider: &str,
    transaction_id: &str,
    now: i64,
) -> Result<bool, StorageError> {
    let sql = format!(
        "UPDATE {} SET refunded_at = $3 \
         WHERE provider = $1 AND transaction_id = $2 AND refunded_at IS NULL",
        ledger.transactions()
    );
    let done = sqlx::query(&sql)
        .bind(provider)
        .bind(transaction_id)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// The transactions that brought money for an order, oldest first.
pub async fn transactions(
    db: &Database,
    order_id: &str,
) -> Result<Vec<PaymentTransaction>, StorageError> {
    transactions_in(db, Ledger::Single, order_id).await
}

/// [`transactions`] for either kind of order.
pub async fn transactions_in(
    db: &Database,
    ledger: Ledger,
    order_id: &str,
) -> Result<Vec<PaymentTransaction>, StorageError> {
    let sql = format!(
        "SELECT {TRANSACTION_COLUMNS} FROM {} WHERE order_id = $1 \
         ORDER BY received_at, transaction_id",
        ledger.transactions()
    );
    let rows = sqlx::query(&sql)
        .bind(order_id)
        .fetch_all(db.pool())
        .await?;
    Ok(rows.iter().map(transaction).collect::<Result<_, _>>()?)
}

/// What the portal knows of a provider's transaction, inside the caller's
/// transaction; `paid_by_it` when the order names it as what paid it (an
/// order paid before transactions were kept).
pub async fn transaction_standing(
    conn: &mut Connection,
    ledger: Ledger,
    provider: &str,
    transaction_id: &str,
    paid_by_it: bool,
) -> Result<TransactionStanding, StorageError> {
    let sql = format!(
        "SELECT {TRANSACTION_COLUMNS} FROM {} WHERE provider = $1 AND transaction_id = $2",
        ledger.transactions()
    );
    let row = sqlx::query(&sql)
        .bind(provider)
        .bind(transaction_id)
        .fetch_optional(&mut *conn)
        .await?;
    let kept = row.as_ref().map(transaction).transpose()?;
    Ok(match kept {
        Some(t) if t.refunded_at.is_some() => TransactionStanding::Refunded,
        Some(t) if t.role == SURPLUS => TransactionStanding::Surplus,
        Some(_) => TransactionStanding::PaidTheOrder,
        None if paid_by_it => TransactionStanding::PaidTheOrder,
        None => TransactionStanding::Unknown,
    })
}

/// How many events were recorded for an order (for checks and tests).
pub async fn event_count(db: &Database, order_id: &str) -> Result<i64, StorageError> {
    event_count_in(db, Ledger::Single, order_id).await
}

/// [`event_count`] for either kind of order.
pub async fn event_count_in(
    db: &Database,
    ledger: Ledger,
    order_id: &str,
) -> Result<i64, StorageError> {
    let sql = format!(
        "SELECT COUNT(*) AS n FROM {} WHERE order_id = $1",
        ledger.events()
    );
    let row = sqlx::query(&sql)
        .bind(order_id)
        .fetch_one(db.pool())
        .await?;
    Ok(row.try_get("n")?)
}
