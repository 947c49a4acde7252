use thiserror::Error;

/// A storage failure. Its text is for logs only: callers show people an
/// opaque message, never the database's words.
#[derive(Debug, Error)]
pub enum StorageError {
    #[error("the database URL is not usable: {0}")]
    BadUrl(String),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("cannot prepare the data directory {path}: {source}")]
    DataDir {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot read the catalogue: {0}")]
    Catalogue(String),
    #[error("the person to notify does not exist")]
    NoSuchPerson,
    #[error("the outbox holds no pending message of that id and channel")]
    NoPendingMessage,
}
