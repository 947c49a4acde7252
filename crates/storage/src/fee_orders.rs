//! Fee orders: one pre-filled payment order for the fees of several cases
//! of one authority, made by a person who may act for each case. Each line
//! names a case and its own payment order; paying the fee order pays those
//! orders once, and a line whose order was paid or waived meanwhile keeps
//! its share flagged to be given back. Events and transactions are kept in
//! their own tables (see [`crate::payments::Ledger::Combined`]).

use crate::payments::{DUE, PAID, REFUNDED};
use crate::{Connection, Database, StorageError};
use sqlx::Row;
use sqlx::any::AnyRow;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeeOrder {
    pub id: String,
    /// Who made it; only they see it.
    pub person_id: String,
    pub authority_id: String,
    /// The compact payment reference.
    pub reference: String,
    pub scheme: String,
    /// The sum of its lines.
    pub amount_minor: i64,
    pub currency: String,
    /// `due`, `paid` or `refunded`.
    pub status: String,
    pub created_at: i64,
    pub paid_at: Option<i64>,
    pub provider: Option<String>,
    pub provider_transaction_id: Option<String>,
}

impl FeeOrder {
    /// Nothing paid it, or its payment was given back.
    pub fn payable(&self) -> bool {
        self.status == DUE || self.status == REFUNDED
    }
}

/// One case's fee in a fee order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeeOrderLine {
    pub fee_order_id: String,
    pub position: i64,
    pub case_id: String,
    /// The case's own payment order, which paying the line pays.
    pub payment_order_id: String,
    pub amount_minor: i64,
    /// `None` until paid; [`LINE_PAID`] or [`LINE_SURPLUS`].
    pub outcome: Option<String>,
}

/// The fee order's payment paid this case's fee.
pub const LINE_PAID: &str = "paid";
/// The case's fee was paid or waived otherwise: this share is to be given back.
pub const LINE_SURPLUS: &str = "surplus";

const COLUMNS: &str = "id, person_id, authority_id, reference, scheme, amount_minor, currency, \
     status, created_at, paid_at, provider, provider_transaction_id";

const LINE_COLUMNS: &str =
    "fee_order_id, position, case_id, payment_order_id, amount_minor, outcome";

fn order(row: &AnyRow) -> Result<FeeOrder, sqlx::Error> {
    Ok(FeeOrder {
        id: row.try_get("id")?,
        person_id: row.try_get("person_id")?,
        authority_id: row.try_get("authority_id")?,
        reference: row.try_get("reference")?,
        scheme: row.try_get("scheme")?,
        amount_minor: row.try_get("amount_minor")?,
        currency: row.try_get("currency")?,
        status: row.try_get("status")?,
        created_at: row.try_get("created_at")?,
        paid_at: row.try_get("paid_at")?,
        provider: row.try_get("provider")?,
        provider_transaction_id: row.try_get("provider_transaction_id")?,
    })
}

fn line(row: &AnyRow) -> Result<FeeOrderLine, sqlx::Error> {
    Ok(FeeOrderLine {
        fee_order_id: row.try_get("fee_order_id")?,
        position: row.try_get("position")?,
        case_id: row.try_get("case_id")?,
        payment_order_id: row.try_get("payment_order_id")?,
        amount_minor: row.try_get("amount_minor")?,
        outcome: row.try_get("outcome")?,
    })
}

/// A new fee order, due, with its lines; in the caller's transaction.
pub async fn create(
    conn: &mut Connection,
    order: &FeeOrder,
    lines: &[FeeOrderLine],
) -> Result<(), StorageError> {
    sqlx::query(
        "INSERT INTO fee_orders (id, person_id, authority_id, reference, scheme, amount_minor, \
         currency, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 'due', $8)",
    )
    .bind(&order.id)
    .bind(&order.person_id)
    .bind(&order.authority_id)
    .bind(&order.reference)
    .bind(&order.scheme)
    .bind(order.amount_minor)
    .bind(&order.currency)
    .bind(order.created_at)
    .execute(&mut *conn)
    .await?;
    for l in lines {
        let sql = format!(
            "INSERT INTO fee_order_lines ({LINE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, NULL)"
        );
        sqlx::query(&sql)
            .bind(&order.id)
            .bind(l.position)
            .bind(&l.case_id)
            .bind(&l.payment_order_id)
            .bind(l.amount_minor)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

pub async fn get(db: &Database, id: &str) -> Result<Option<FeeOrder>, StorageError> {
    let mut conn = db.pool().acquire().await?;
    get_in(&mut conn, id).await
}

/// The fee order as seen inside the caller's transaction.
pub async fn get_in(conn: &mut Connection, id: &str) -> Result<Option<FeeOrder>, StorageError> {
    let sql = format!("SELECT {COLUMNS} FROM fee_orders WHERE id = $1");
    let row = sqlx::query(&sql)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.as_ref().map(order).transpose()?)
}

/// The fee orders a person made, newest first.
pub async fn for_person(db: &Database, person_id: &str) -> Result<Vec<FeeOrder>, StorageError> {
    let sql =
        format!("SELECT {COLUMNS} FROM fee_orders WHERE person_id = $1 ORDER BY created_at DESC");
    let rows = sqlx::query(&sql)
        .bind(person_id)
        .fetch_all(db.pool())
        .await?;
    Ok(rows.iter().map(order).collect::<Result<_, _>>()?)
}

pub async fn lines(db: &Database, fee_order_id: &str) -> Result<Vec<FeeOrderLine>, StorageError> {
    let mut conn = db.pool().acquire().await?;
    lines_in(&mut conn, fee_order_id).await
}

/// The order's lines in their order, inside the caller's transaction.
pub async fn lines_in(
    conn: &mut Connection,
    fee_order_id: &str,
) -> Result<Vec<FeeOrderLine>, StorageError> {
    let sql = format!(
        "SELECT {LINE_COLUMNS} FROM fee_order_lines WHERE fee_order_id = $1 ORDER BY position"
    );
    let rows = sqlx::query(&sql)
        .bind(fee_order_id)
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows.iter().map(line).collect::<Result<_, _>>()?)
}

/// Marks a payable fee order paid by a provider's transaction; false when
/// it was paid meanwhile.
pub async fn mark_paid(
    conn: &mut Connection,
    id: &str,
    provider: &str,
    transaction_id: &str,
    now: i64,
) -> Result<bool, StorageError> {
    let done = sqlx::query(
        "UPDATE fee_orders SET status = 'paid', paid_at = $2, provider = $3, \
         provider_transaction_id = $4 WHERE id = $1 AND status IN ('due', 'refunded')",
    )
    .bind(id)
    .bind(now)
    .bind(provider)
    .bind(transaction_id)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Marks a fee order paid through this transaction refunded, and clears
/// what its payment did to its lines.
pub async fn mark_refunded(
    conn: &mut Connection,
    id: &str,
    provider: &str,
    transaction_id: &str,
) -> Result<bool, StorageError> {
    let done = sqlx::query(
        "UPDATE fee_orders SET status = 'refunded' WHERE id = $1 AND status = 'paid' \
         AND provider = $2 AND provider_transaction_id = $3",
    )
    .bind(id)
    .bind(provider)
    .bind(transaction_id)
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE fee_order_lines SET outcome = NULL WHERE fee_order_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Notes what the order's payment did to one line.
pub async fn set_outcome(
    conn: &mut Connection,
    fee_order_id: &str,
    case_id: &str,
    outcome: &str,
) -> Result<(), StorageError> {
    sqlx::query("UPDATE fee_order_lines SET outcome = $3 WHERE fee_order_id = $1 AND case_id = $2")
        .bind(fee_order_id)
        .bind(case_id)
        .bind(outcome)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// How many fee orders there are (for checks and tests).
pub async fn count(db: &Database) -> Result<i64, StorageError> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM fee_orders")
        .fetch_one(db.pool())
        .await?;
    Ok(row.try_get("n")?)
}

/// Whether the status is paid (for the pages' wording).
pub fn is_paid(order: &FeeOrder) -> bool {
    order.status == PAID
}

/// The lines of `case_id` a fee order's payment settled (paid, or flagged
/// to be given back), with their orders, oldest first.
pub async fn settled_for_case(
    db: &Database,
    case_id: &str,
) -> Result<Vec<(FeeOrder, FeeOrderLine)>, StorageError> {
    let sql = format!(
        "SELECT {LINE_COLUMNS} FROM fee_order_lines WHERE case_id = $1 AND outcome IS NOT NULL"
    );
    let rows = sqlx::query(&sql).bind(case_id).fetch_all(db.pool()).await?;
    let mut found = Vec::new();
    for row in &rows {
        let line = line(row)?;
        if let Some(order) = get(db, &line.fee_order_id).await? {
            found.push((order, line));
        }
    }
    found.sort_by_key(|(order, _)| order.paid_at);
    Ok(found)
}
