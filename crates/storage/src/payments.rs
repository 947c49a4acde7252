//! Payment orders (one per case, issued when its fee falls due), the events
//! payment providers report about them, and the money each provider
//! transaction brought. An event is recorded once per (provider,
//! transaction, sequence); whether it changes anything is decided by
//! `ghiseu_payments::next_state` against the last one recorded, and what it
//! does by `ghiseu_payments::settlement` from [`standing`].

use crate::{Connection, Database, StorageError};
use ghiseu_payments::{
    Decision, EventMark, OrderStanding, PaymentStatus, TransactionStanding, next_state,
};
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
    /// When an operator waived the fee; a waived order is never paid.
    pub waived_at: Option<i64>,
}

pub const DUE: &str = "due";
pub const PAID: &str = "paid";
pub const REFUNDED: &str = "refunded";
/// What a waived order shows as its status; it is kept as `due`.
pub const WAIVED: &str = "waived";

impl PaymentOrder {
    /// Nothing paid it, or its payment was given back: it may be paid now.
    pub fn payable(&self) -> bool {
        (self.status == DUE || self.status == REFUNDED) && self.waived_at.is_none()
    }

    /// The status as people read it: `waived`, or the stored one.
    pub fn shown_status(&self) -> &str {
        if self.waived_at.is_some() {
            WAIVED
        } else {
            &self.status
        }
    }
}

const COLUMNS: &str = "id, case_id, reference, scheme, amount_minor, currency, status, created_at, \
     paid_at, paid_by, provider, provider_transaction_id, waived_at";

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
        waived_at: row.try_get("waived_at")?,
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

/// Marks a due (or refunded) order paid; false when it was paid or waived
/// meanwhile.
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
         provider_transaction_id = $5 WHERE id = $1 AND status IN ('due', 'refunded') \
         AND waived_at IS NULL",
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

/// Marks a payable order waived; false when it was paid or waived meanwhile.
pub async fn mark_waived(
    conn: &mut Connection,
    order_id: &str,
    now: i64,
) -> Result<bool, StorageError> {
    let done = sqlx::query(
        "UPDATE payment_orders SET waived_at = $2 WHERE id = $1 \
         AND status IN ('due', 'refunded') AND waived_at IS NULL",
    )
    .bind(order_id)
    .bind(now)
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
    let sql = format!(
        "INSERT INTO payment_transactions ({TRANSACTION_COLUMNS}) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (provider, transaction_id) DO NOTHING"
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
    let done = sqlx::query(
        "UPDATE payment_transactions SET refunded_at = $3 \
         WHERE provider = $1 AND transaction_id = $2 AND refunded_at IS NULL",
    )
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
    let sql = format!(
        "SELECT {TRANSACTION_COLUMNS} FROM payment_transactions WHERE order_id = $1 \
         ORDER BY received_at, transaction_id"
    );
    let rows = sqlx::query(&sql)
        .bind(order_id)
        .fetch_all(db.pool())
        .await?;
    Ok(rows.iter().map(transaction).collect::<Result<_, _>>()?)
}

/// Where `order` and the provider's transaction stand, inside the caller's
/// transaction: what [`ghiseu_payments::settlement::effect`] decides from.
/// An order paid online before transactions were kept is known by the
/// transaction it names.
pub async fn standing(
    conn: &mut Connection,
    order: &PaymentOrder,
    provider: &str,
    transaction_id: &str,
) -> Result<(OrderStanding, TransactionStanding), StorageError> {
    let sql = format!(
        "SELECT {TRANSACTION_COLUMNS} FROM payment_transactions \
         WHERE provider = $1 AND transaction_id = $2"
    );
    let row = sqlx::query(&sql)
        .bind(provider)
        .bind(transaction_id)
        .fetch_optional(&mut *conn)
        .await?;
    let kept = row.as_ref().map(transaction).transpose()?;
    let paid_by_it = order.status == PAID
        && order.provider.as_deref() == Some(provider)
        && order.provider_transaction_id.as_deref() == Some(transaction_id);
    let transaction = match kept {
        Some(t) if t.refunded_at.is_some() => TransactionStanding::Refunded,
        Some(t) if t.role == SURPLUS => TransactionStanding::Surplus,
        Some(_) => TransactionStanding::PaidTheOrder,
        None if paid_by_it => TransactionStanding::PaidTheOrder,
        None => TransactionStanding::Unknown,
    };
    let order = if order.payable() {
        OrderStanding::Payable
    } else {
        OrderStanding::Paid
    };
    Ok((order, transaction))
}

/// How many events were recorded for an order (for checks and tests).
pub async fn event_count(db: &Database, order_id: &str) -> Result<i64, StorageError> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM payment_events WHERE order_id = $1")
        .bind(order_id)
        .fetch_one(db.pool())
        .await?;
    Ok(row.try_get("n")?)
}
