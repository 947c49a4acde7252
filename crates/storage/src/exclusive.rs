//! Work that one process at a time does on a database, whichever of the
//! processes sharing it starts first: bringing the schema up to date, and
//! seeding the demonstration data.
//!
//! On PostgreSQL the turn is a session-level advisory lock held on a
//! connection of its own, outside the pool, and closed when the work is done
//! (or when the guard is dropped, so a failure never leaves it taken). The
//! lock is asked for with `pg_try_advisory_lock` again and again rather than
//! waited for with `pg_advisory_lock`: a session waiting inside a statement
//! keeps a snapshot open, and `CREATE INDEX CONCURRENTLY` in the migration
//! that holds the lock waits for every such snapshot to end — a deadlock,
//! which PostgreSQL breaks by failing one of the starting processes (or the
//! index build, leaving an invalid index behind). An SQLite file is served
//! by one process, so there the turn is taken within the process.

use crate::{Backend, Database, StorageError};
use sqlx::{AnyConnection, Connection};
use std::time::Duration;
use tokio::sync::OwnedMutexGuard;

/// The work a turn is taken for; each has its own lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Turn {
    /// Running the migrations.
    Migrations,
    /// Creating the demonstration data (`ghiseu serve --demo`).
    DemoData,
}

impl Turn {
    /// The advisory lock's key: "ghiseu" in ASCII, then the work's number.
    fn key(self) -> i64 {
        let base = 0x6768_6973_6575_0000_i64;
        match self {
            Turn::Migrations => base + 1,
            Turn::DemoData => base + 2,
        }
    }
}

/// How long a process waits between two asks for a turn another one holds.
const ASK_AGAIN_AFTER: Duration = Duration::from_millis(100);

/// A turn taken: the work may go on until it is released or dropped.
pub struct Exclusive {
    connection: Option<AnyConnection>,
    _turn: Option<OwnedMutexGuard<()>>,
}

impl Exclusive {
    /// Ends the turn; the next process waiting takes it.
    pub async fn release(mut self) {
        if let Some(connection) = self.connection.take() {
            let _ = connection.close().await;
        }
    }
}

impl Database {
    /// Waits for this database's turn for `work`, among every process that
    /// shares it, and takes it.
    pub async fn exclusively(&self, work: Turn) -> Result<Exclusive, StorageError> {
        match self.backend() {
            Backend::Postgres => Ok(Exclusive {
                connection: Some(take_turn(self.url(), work).await?),
                _turn: None,
            }),
            Backend::Sqlite => Ok(Exclusive {
                connection: None,
                _turn: Some(self.exclusive_turn().clone().lock_owned().await),
            }),
        }
    }
}

/// A connection of its own to the PostgreSQL database at `url`, holding the
/// advisory lock of `work`; the lock goes when the connection closes.
pub(crate) async fn take_turn(url: &str, work: Turn) -> Result<AnyConnection, StorageError> {
    let mut connection = AnyConnection::connect(url).await?;
    loop {
        let taken: bool = sqlx::query_scalar("SELECT pg_try_advisory_lock($1)")
            .bind(work.key())
            .fetch_one(&mut connection)
            .await?;
        if taken {
            return Ok(connection);
        }
        tokio::time::sleep(ASK_AGAIN_AFTER).await;
    }
}
