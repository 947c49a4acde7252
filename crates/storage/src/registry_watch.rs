//! Announcements of changed documents, for processes that keep what the
//! public check reads in memory. On PostgreSQL a trigger announces the number
//! of every issued document written, when its transaction commits; an SQLite
//! file has no announcements (and no process that could miss one).

use crate::{Backend, Database, StorageError};
use sqlx::postgres::PgListener;

/// The channel the trigger `issued_documents_changed` announces on.
const CHANNEL: &str = "ghiseu_registry";

/// What the watch saw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// The document with this number was written (or removed).
    Document(String),
    /// The connection was lost and made again: announcements in between are
    /// lost, so anything remembered from before may be stale.
    Gap,
}

/// A connection listening for changed documents.
pub struct RegistryWatch {
    listener: PgListener,
}

impl std::fmt::Debug for RegistryWatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RegistryWatch").finish_non_exhaustive()
    }
}

impl RegistryWatch {
    /// Starts listening; `None` on SQLite, where nothing is announced. Every
    /// change committed after this returns is seen by [`RegistryWatch::next`].
    pub async fn start(db: &Database) -> Result<Option<RegistryWatch>, StorageError> {
        if db.backend() != Backend::Postgres {
            return Ok(None);
        }
        let mut listener = PgListener::connect(db.url()).await?;
        listener.listen(CHANNEL).await?;
        Ok(Some(RegistryWatch { listener }))
    }

    /// Waits for the next change. After a [`Change::Gap`] the watch goes on
    /// listening on a new connection; an error means it could not make one.
    pub async fn next(&mut self) -> Result<Change, StorageError> {
        Ok(match self.listener.try_recv().await? {
            Some(notification) => Change::Document(notification.payload().to_string()),
            None => Change::Gap,
        })
    }
}
