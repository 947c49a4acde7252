//! One schema on both backends: after every migration, SQLite and
//! PostgreSQL have the same tables, each with the same columns, the same
//! nullability and the same indexed columns. Needs the PostgreSQL server
//! named by GHISEU_TEST_DATABASE_URL; without one (a SQLite-only run) there
//! is nothing to compare and the test says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ghiseu_storage::testing::{TestDatabase, postgres_url};
use sqlx::any::install_default_drivers;
use sqlx::{AnyConnection, Connection, Row};
use std::collections::BTreeMap;

/// Table → column → whether it may be NULL.
type Shape = BTreeMap<String, BTreeMap<String, bool>>;

async fn sqlite_shape() -> Shape {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("p.db").display());
    let db = ghiseu_storage::Database::connect(&url).await.unwrap();
    let mut conn = AnyConnection::connect(&url).await.unwrap();
    let tables = sqlx::query(
        "SELECT name FROM sqlite_master WHERE type = 'table' \
         AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations'",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    let mut shape = Shape::new();
    for table in tables {
        let name: String = table.try_get("name").unwrap();
        let columns = sqlx::query(&format!(
            "SELECT name, \"notnull\" AS not_null, pk FROM pragma_table_info('{name}')"
        ))
        .fetch_all(&mut conn)
        .await
        .unwrap();
        let columns = columns
            .iter()
            .map(|c| {
                let not_null: i64 = c.try_get("not_null").unwrap();
                let pk: i64 = c.try_get("pk").unwrap();
                (
                    c.try_get::<String, _>("name").unwrap(),
                    not_null == 0 && pk == 0,
                )
            })
            .collect();
        shape.insert(name, columns);
    }
    db.close().await;
    shape
}

async fn postgres_shape(url: &str) -> Shape {
    let mut conn = AnyConnection::connect(url).await.unwrap();
    let rows = sqlx::query(
        "SELECT table_name::text AS t, column_name::text AS c, is_nullable::text AS n \
         FROM information_schema.columns WHERE table_schema = 'public' \
         AND table_name <> '_sqlx_migrations'",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    let mut shape = Shape::new();
    for row in rows {
        let nullable: String = row.try_get("n").unwrap();
        shape
            .entry(row.try_get("t").unwrap())
            .or_default()
            .insert(row.try_get("c").unwrap(), nullable == "YES");
    }
    shape
}

/// What differs between the two shapes, a line each.
fn differences(sqlite: &Shape, postgres: &Shape) -> Vec<String> {
    let mut found = Vec::new();
    for table in sqlite.keys().chain(postgres.keys()) {
        match (sqlite.get(table), postgres.get(table)) {
            (Some(a), Some(b)) if a != b => {
                for column in a.keys().chain(b.keys()) {
                    let (x, y) = (a.get(column), b.get(column));
                    if x != y {
                        found.push(format!(
                            "{table}.{column}: SQLite nullable {x:?}, PostgreSQL nullable {y:?}"
                        ));
                    }
                }
            }
            (Some(_), None) => found.push(format!("{table}: only on SQLite")),
            (None, Some(_)) => found.push(format!("{table}: only on PostgreSQL")),
            _ => {}
        }
    }
    found.sort();
    found.dedup();
    found
}

#[tokio::test]
async fn both_backends_have_the_same_tables_columns_and_nullability() {
    install_default_drivers();
    let on_sqlite = sqlite_shape().await;
    assert!(
        on_sqlite.len() > 20,
        "the migrations ran: {:?}",
        on_sqlite.keys()
    );
    if postgres_url().is_none() {
        eprintln!("no PostgreSQL named by GHISEU_TEST_DATABASE_URL: nothing to compare");
        return;
    }
    let postgres = TestDatabase::new().await;
    let on_postgres = postgres_shape(&postgres.url).await;
    postgres.cleanup().await;
    assert_eq!(differences(&on_sqlite, &on_postgres), Vec::<String>::new());

    // The comparison itself sees a drift: a column made nullable on one side,
    // and a table on one side only.
    let mut drifted = on_postgres.clone();
    let (table, columns) = drifted.iter_mut().next().unwrap();
    let table = table.clone();
    let (column, nullable) = columns.iter_mut().next().unwrap();
    let column = column.clone();
    *nullable = !*nullable;
    drifted.insert("only_here".into(), BTreeMap::new());
    let seen = differences(&on_sqlite, &drifted);
    assert_eq!(seen.len(), 2, "{seen:?}");
    assert!(
        seen[0] == "only_here: only on PostgreSQL" || seen[1] == "only_here: only on PostgreSQL"
    );
    assert!(
        seen.iter()
            .any(|d| d.starts_with(&format!("{table}.{column}:")))
    );
}
