//! What an import of an authority's earlier register reads and writes: the
//! numbers already registered, the people and children a personal id names,
//! and the new records, many to a statement, in the caller's transaction.

use crate::issued_documents::{COLUMNS, IssuedDocument};
use crate::registry::{Registered, registered};
use crate::{Connection, StorageError};
use ghiseu_domain::registry::Standing;
use sqlx::Row;
use std::collections::HashMap;

/// Values bound in one statement at most (both backends accept this many).
const CHUNK: usize = 500;

fn placeholders(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The documents already registered under any of `numbers`, by number.
pub async fn registered_numbers(
    conn: &mut Connection,
    numbers: &[&str],
) -> Result<HashMap<String, Registered>, StorageError> {
    let mut found = HashMap::new();
    for chunk in numbers.chunks(CHUNK) {
        let sql = format!(
            "SELECT {COLUMNS}, standing, standing_since FROM issued_documents \
             WHERE number IN ({})",
            placeholders(1, chunk.len())
        );
        let mut query = sqlx::query(&sql);
        for number in chunk {
            query = query.bind(*number);
        }
        for row in query.fetch_all(&mut *conn).await? {
            let r = registered(&row)?;
            found.insert(r.document.number.clone(), r);
        }
    }
    Ok(found)
}

/// Who holds a personal id of `country`: people with an account and
/// children, by the id's digits.
#[derive(Debug, Default)]
pub struct Holders {
    pub persons: HashMap<String, String>,
    pub wards: HashMap<String, String>,
}

/// The people and children whose personal id (of `country`) is one of `ids`.
pub async fn holders(
    conn: &mut Connection,
    country: &str,
    ids: &[&str],
) -> Result<Holders, StorageError> {
    let mut holders = Holders::default();
    for (table, into) in [
        ("persons", &mut holders.persons),
        ("wards", &mut holders.wards),
    ] {
        for chunk in ids.chunks(CHUNK) {
            let sql = format!(
                "SELECT id, national_id FROM {table} WHERE national_id_country = $1 \
                 AND national_id IN ({})",
                placeholders(2, chunk.len())
            );
            let mut query = sqlx::query(&sql).bind(country);
            for id in chunk {
                query = query.bind(*id);
            }
            for row in query.fetch_all(&mut *conn).await? {
                into.insert(row.try_get("national_id")?, row.try_get("id")?);
            }
        }
    }
    Ok(holders)
}

/// A record to write, with its standing and since when.
pub struct NewRecord {
    pub document: IssuedDocument,
    pub standing: Standing,
    pub standing_since: Option<String>,
}

/// Writes the records (imported: no case, no handover), many to a statement.
pub async fn insert_many(conn: &mut Connection, records: &[NewRecord]) -> Result<(), StorageError> {
    const PER_ROW: usize = 17;
    // 17 values a row: 1,000 rows stay under both backends' limits.
    for chunk in records.chunks(1000) {
        let rows = (0..chunk.len())
            .map(|i| format!("({})", placeholders(i * PER_ROW + 1, PER_ROW)))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "INSERT INTO issued_documents (id, number, document_type, authority_id, \
             holder_person_id, holder_ward_id, holder_name, holder_id_digest, issued_on, \
             expires_on, eid_expires_on, signature_expires_on, office_id, source, standing, \
             standing_since, validity_facts) VALUES {rows}"
        );
        let mut query = sqlx::query(&sql);
        for r in chunk {
            let d = &r.document;
            query = query
                .bind(d.id.as_str())
                .bind(d.number.as_str())
                .bind(d.document_type.as_deref())
                .bind(d.authority_id.as_str())
                .bind(d.holder_person_id.as_deref())
                .bind(d.holder_ward_id.as_deref())
                .bind(d.holder_name.as_str())
                .bind(d.holder_id_digest.as_deref())
                .bind(d.issued_on.as_str())
                .bind(d.expires_on.as_deref())
                .bind(d.eid_expires_on.as_deref())
                .bind(d.signature_expires_on.as_deref())
                .bind(d.office_id.as_str())
                .bind(d.source.code())
                .bind(r.standing.code())
                .bind(r.standing_since.as_deref())
                .bind(d.validity_facts.as_deref());
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}
