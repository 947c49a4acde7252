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
    #[error("a file was given to a text message; only an e-mail carries one")]
    FileOnSms,
}

/// What a storage failure means for the request that met it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// The database cannot be reached or is not accepting work right now
    /// (restarting, shutting down, out of connections): a retry later may work.
    Unavailable,
    /// The database has no room left to write.
    Full,
    /// Anything else: a mistake of ours or a broken database.
    Broken,
}

impl StorageError {
    /// How the failure should be told: waiting helps with the first two,
    /// not with the third.
    pub fn fault(&self) -> Fault {
        match self {
            StorageError::Database(e) => sql_fault(e),
            StorageError::DataDir { source, .. } if is_full(source) => Fault::Full,
            _ => Fault::Broken,
        }
    }
}

fn sql_fault(error: &sqlx::Error) -> Fault {
    match error {
        sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed
        | sqlx::Error::Tls(_)
        | sqlx::Error::Protocol(_) => Fault::Unavailable,
        sqlx::Error::Io(e) if is_full(e) => Fault::Full,
        sqlx::Error::Io(_) => Fault::Unavailable,
        sqlx::Error::Database(e) => e.code().map_or(Fault::Broken, |code| code_fault(&code)),
        _ => Fault::Broken,
    }
}

/// PostgreSQL's SQLSTATE or SQLite's (extended) result code.
fn code_fault(code: &str) -> Fault {
    match code {
        // PostgreSQL: out of disk; shutting down, crashed, starting up, too
        // many connections, and the connection exceptions (class 08).
        "53100" => Fault::Full,
        // A standby, or a primary a failover manager keeps read-only for a
        // moment, refuses writes (25006) until the new primary takes them.
        "57P01" | "57P02" | "57P03" | "53300" | "25006" => Fault::Unavailable,
        c if c.starts_with("08") && c.len() == 5 => Fault::Unavailable,
        c => match c.parse::<i32>().map(|n| n & 0xff) {
            // SQLite: SQLITE_FULL; SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR,
            // SQLITE_CANTOPEN.
            Ok(13) => Fault::Full,
            Ok(5 | 6 | 10 | 14) => Fault::Unavailable,
            _ => Fault::Broken,
        },
    }
}

fn is_full(error: &std::io::Error) -> bool {
    error.kind() == std::io::ErrorKind::StorageFull
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_told_apart() {
        assert_eq!(code_fault("53100"), Fault::Full);
        assert_eq!(code_fault("57P01"), Fault::Unavailable);
        assert_eq!(code_fault("08006"), Fault::Unavailable);
        assert_eq!(code_fault("25006"), Fault::Unavailable);
        assert_eq!(code_fault("23505"), Fault::Broken);
        assert_eq!(code_fault("13"), Fault::Full);
        // SQLITE_IOERR_WRITE is SQLITE_IOERR (10) with 3 in its upper byte.
        assert_eq!(code_fault("778"), Fault::Unavailable);
        assert_eq!(code_fault("2067"), Fault::Broken);
        assert_eq!(code_fault("5"), Fault::Unavailable);
    }

    #[test]
    fn a_pool_that_waited_in_vain_is_unavailable() {
        let error = StorageError::Database(sqlx::Error::PoolTimedOut);
        assert_eq!(error.fault(), Fault::Unavailable);
        let error = StorageError::Database(sqlx::Error::RowNotFound);
        assert_eq!(error.fault(), Fault::Broken);
    }
}
