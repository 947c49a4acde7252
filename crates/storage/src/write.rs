//! Write transactions that take their turn.
//!
//! SQLite has one writer at a time. A transaction that starts as a reader and
//! then writes can fail at once when another writer got there first, and
//! writers that collide sleep in the busy handler for whole milliseconds. So
//! on SQLite each process lets one write transaction in at a time, and it
//! starts with `BEGIN IMMEDIATE`; PostgreSQL locks rows itself.

use crate::{Backend, Database, StorageError};
use sqlx::{Any, AnyConnection, Transaction};
use std::ops::{Deref, DerefMut};
use std::sync::Arc;
use tokio::sync::{Mutex, OwnedMutexGuard};

/// The in-process turn for SQLite writers, shared by clones of a `Database`.
#[derive(Debug, Clone, Default)]
pub(crate) struct WriterTurn(Arc<Mutex<()>>);

/// An open write transaction; dropped without `commit`, it rolls back.
pub struct WriteTx {
    tx: Transaction<'static, Any>,
    _turn: Option<OwnedMutexGuard<()>>,
}

impl WriteTx {
    pub async fn commit(self) -> Result<(), StorageError> {
        self.tx.commit().await?;
        Ok(())
    }

    pub async fn rollback(self) -> Result<(), StorageError> {
        self.tx.rollback().await?;
        Ok(())
    }
}

impl Deref for WriteTx {
    type Target = AnyConnection;

    fn deref(&self) -> &AnyConnection {
        &self.tx
    }
}

impl DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        &mut self.tx
    }
}

/// This process's turn to write; on PostgreSQL there is no turn to wait for.
pub struct WriteTurn(Option<OwnedMutexGuard<()>>);

impl Database {
    /// Begins a transaction that will write, waiting for this process's turn
    /// on SQLite.
    pub async fn begin_write(&self) -> Result<WriteTx, StorageError> {
        let turn = self.write_turn().await;
        self.begin_write_in(turn).await
    }

    /// Waits for this process's turn to write, so that a caller can look at
    /// what it knows (a cache its own writes keep exact) before starting.
    pub async fn write_turn(&self) -> WriteTurn {
        match self.backend() {
            Backend::Sqlite => WriteTurn(Some(self.writer_turn().0.clone().lock_owned().await)),
            Backend::Postgres => WriteTurn(None),
        }
    }

    /// Begins the write transaction in a turn taken with `write_turn`.
    pub async fn begin_write_in(&self, turn: WriteTurn) -> Result<WriteTx, StorageError> {
        let tx = match self.backend() {
            Backend::Sqlite => self.pool().begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool().begin().await?,
        };
        Ok(WriteTx { tx, _turn: turn.0 })
    }
}

/// A point in an open transaction that its later writes can be undone to,
/// leaving the earlier ones (SQLite and PostgreSQL alike).
#[must_use = "keep or undo the savepoint"]
pub struct Savepoint(&'static str);

impl Savepoint {
    /// Sets the savepoint `name` (a plain SQL identifier) on `conn`.
    pub async fn set(conn: &mut AnyConnection, name: &'static str) -> Result<Self, StorageError> {
        sqlx::query(&format!("SAVEPOINT {name}"))
            .execute(&mut *conn)
            .await?;
        Ok(Savepoint(name))
    }

    /// Keeps what was written since the savepoint.
    pub async fn keep(self, conn: &mut AnyConnection) -> Result<(), StorageError> {
        sqlx::query(&format!("RELEASE SAVEPOINT {}", self.0))
            .execute(&mut *conn)
            .await?;
        Ok(())
    }

    /// Undoes what was written since the savepoint.
    pub async fn undo(self, conn: &mut AnyConnection) -> Result<(), StorageError> {
        sqlx::query(&format!("ROLLBACK TO SAVEPOINT {}", self.0))
            .execute(&mut *conn)
            .await?;
        self.keep(conn).await
    }
}
