//! Payment orders (one per case, issued when its fee falls due), the events
//! payment providers report about them, and the money each provider
//! transaction brought. An event is recorded once per (provider,
//! transaction, sequence); whether it changes anything is decided by
//! `ghiseu_payments::next_state` against the last one recorded, and what it
//! does by `ghiseu_payments::settlement` from [`standing`].

mod ledger;

pub use ledger::*;

use crate::{Connection, Database, StorageError};
use ghiseu_payments::{OrderStanding, TransactionStanding};
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
    let paid_by_it = order.status == PAID
        && order.provider.as_deref() == Some(provider)
        && order.provider_transaction_id.as_deref() == Some(transaction_id);
    let transaction =
        transaction_standing(conn, Ledger::Single, provider, transaction_id, paid_by_it).await?;
    let order = if order.payable() {
        OrderStanding::Payable
    } else {
        OrderStanding::Paid
    };
    Ok((order, transaction))
}
