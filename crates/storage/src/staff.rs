//! Staff: the authority a member of staff works for and the offices they serve.

use crate::{Connection, Database, StorageError};
use sqlx::Row;

/// Where a member of staff works.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Posting {
    /// `None` for an administrator of the whole installation.
    pub authority_id: Option<String>,
    pub office_ids: Vec<String>,
}

pub async fn posting(db: &Database, person_id: &str) -> Result<Posting, StorageError> {
    let row = sqlx::query("SELECT authority_id FROM persons WHERE id = $1")
        .bind(person_id)
        .fetch_optional(db.pool())
        .await?;
    let authority_id = match row {
        Some(row) => row.try_get("authority_id")?,
        None => None,
    };
    let rows =
        sqlx::query("SELECT office_id FROM staff_offices WHERE person_id = $1 ORDER BY office_id")
            .bind(person_id)
            .fetch_all(db.pool())
            .await?;
    let office_ids = rows
        .iter()
        .map(|r| r.try_get("office_id"))
        .collect::<Result<_, _>>()?;
    Ok(Posting {
        authority_id,
        office_ids,
    })
}

/// Gives a person a role and a posting, replacing the previous ones, and ends
/// their sessions so that the new rights apply from their next sign-in.
pub async fn assign(
    conn: &mut Connection,
    person_id: &str,
    role: &str,
    posting: &Posting,
    now: i64,
) -> Result<(), StorageError> {
    sqlx::query(
        "UPDATE persons SET role = $2, authority_id = $3, updated_at = $4, version = version + 1 \
         WHERE id = $1",
    )
    .bind(person_id)
    .bind(role)
    .bind(posting.authority_id.as_deref())
    .bind(now)
    .execute(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM staff_offices WHERE person_id = $1")
        .bind(person_id)
        .execute(&mut *conn)
        .await?;
    for office in &posting.office_ids {
        sqlx::query("INSERT INTO staff_offices (person_id, office_id) VALUES ($1, $2)")
            .bind(person_id)
            .bind(office)
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query("DELETE FROM sessions WHERE person_id = $1")
        .bind(person_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// A member of staff as listed for an administrator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffMember {
    pub person_id: String,
    pub email: String,
    pub role: String,
    pub authority_id: Option<String>,
    pub office_ids: Vec<String>,
}

/// Everyone who is not a citizen, of one authority or (`None`) of all.
pub async fn members(
    db: &Database,
    authority_id: Option<&str>,
) -> Result<Vec<StaffMember>, StorageError> {
    let rows = sqlx::query(
        "SELECT p.id, p.email, p.role, p.authority_id, o.office_id FROM persons p \
         LEFT JOIN staff_offices o ON o.person_id = p.id \
         WHERE p.role <> 'citizen' AND (CAST($1 AS TEXT) IS NULL OR p.authority_id = $1) \
         ORDER BY p.email, o.office_id",
    )
    .bind(authority_id)
    .fetch_all(db.pool())
    .await?;
    let mut out: Vec<StaffMember> = Vec::new();
    for row in &rows {
        let id: String = row.try_get("id")?;
        let office: Option<String> = row.try_get("office_id")?;
        if let Some(last) = out.last_mut().filter(|m| m.person_id == id) {
            last.office_ids.extend(office);
            continue;
        }
        out.push(StaffMember {
            person_id: id,
            email: row.try_get("email")?,
            role: row.try_get("role")?,
            authority_id: row.try_get("authority_id")?,
            office_ids: office.into_iter().collect(),
        });
    }
    Ok(out)
}
