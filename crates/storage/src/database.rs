//! One connection pool and one SQL dialect for both backends: queries use
//! `$n` placeholders and portable SQL, which SQLite and PostgreSQL both accept.

use crate::StorageError;
use crate::exclusive::Turn;
use crate::write::WriterTurn;
use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::migrate::Migrator;
use sqlx::{AnyPool, Connection, Executor};
use std::path::Path;
use std::time::Duration;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/postgres");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Debug, Clone)]
pub struct Database {
    pool: AnyPool,
    backend: Backend,
    writer_turn: WriterTurn,
    /// Where it was opened, for connections outside the pool (listening
    /// for announcements on PostgreSQL).
    url: std::sync::Arc<str>,
    /// How many times sessions were ended through this handle or its clones.
    sessions_ended: std::sync::Arc<std::sync::atomic::AtomicU64>,
    /// On SQLite, the turn for work done once at a time ([`Database::exclusively`]).
    exclusive_turn: std::sync::Arc<tokio::sync::Mutex<()>>,
    /// The connection [`Database::ping`] asks over, outside the pool.
    probe: std::sync::Arc<tokio::sync::Mutex<Option<sqlx::AnyConnection>>>,
}

/// How long the readiness question may take: under the balancer's check
/// interval (1 s), so a check never outlives its turn.
const PROBE_TIMEOUT: Duration = Duration::from_millis(900);

impl Database {
    /// Connects and brings the schema up to date.
    pub async fn connect(url: &str) -> Result<Database, StorageError> {
        install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else {
            return Err(StorageError::BadUrl(
                "use sqlite://PATH or postgres://USER@HOST/DB".into(),
            ));
        };
        if backend == Backend::Sqlite {
            ensure_sqlite_dir(url)?;
        }
        // On PostgreSQL more connections than a few per core only add
        // backends fighting for the same cores (the rush benchmark's p99 fell
        // from about 350 ms with 16 to about 250 ms with 8). SQLite writes
        // one at a time anyway, and each connection is a thread of its own:
        // with 4 rather than 8 the rush's p99 fell from 302–330 ms to
        // 285–290 ms.
        let options = AnyPoolOptions::new()
            .max_connections(match backend {
                Backend::Sqlite => 4,
                Backend::Postgres => 8,
            })
            .acquire_timeout(Duration::from_secs(5));
        let options = match backend {
            // A file opened in this process cannot drop its connection, so
            // the check before each use (a round trip through the
            // connection's thread) buys nothing. PostgreSQL keeps it: after
            // the server restarts, a dead connection is found before a
            // request uses it.
            Backend::Sqlite => options.test_before_acquire(false).after_connect(|conn, _| {
                Box::pin(async move {
                    conn.execute(
                        "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; \
                         PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;",
                    )
                    .await?;
                    Ok(())
                })
            }),
            Backend::Postgres => options,
        };
        let pool = options.connect(url).await?;
        match backend {
            Backend::Sqlite => SQLITE_MIGRATIONS.run(&pool).await?,
            // Processes starting together take turns (see `exclusive`); the
            // first brings the schema up to date, the others find it done.
            Backend::Postgres => {
                let mut turn = crate::exclusive::take_turn(url, Turn::Migrations).await?;
                // `run_direct` is `run` on a connection, without the latter's
                // lifetime bounds that keep the future from being `Send`.
                let migrated = POSTGRES_MIGRATIONS.run_direct(&mut turn).await;
                let _ = turn.close().await;
                migrated?;
            }
        }
        Ok(Database {
            pool,
            backend,
            writer_turn: WriterTurn::default(),
            url: url.into(),
            sessions_ended: Default::default(),
            exclusive_turn: Default::default(),
            probe: Default::default(),
        })
    }

    /// Whether write transactions run side by side (PostgreSQL) rather than
    /// one at a time (SQLite), so batching writes gains nothing.
    pub fn writes_in_parallel(&self) -> bool {
        self.backend() == Backend::Postgres
    }

    /// Whether other processes may share this database, and so end a
    /// session this process still remembers (PostgreSQL; an SQLite file is
    /// served by one process).
    pub fn shared_with_other_processes(&self) -> bool {
        self.backend() == Backend::Postgres
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// How many times sessions were ended in this process (through any
    /// clone of this handle): a cache of sessions read before the count last
    /// moved cannot be trusted.
    pub fn sessions_ended(&self) -> u64 {
        self.sessions_ended
            .load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Records, after its transaction committed, that sessions were ended.
    pub fn note_sessions_ended(&self) {
        self.sessions_ended
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    }

    pub(crate) fn url(&self) -> &str {
        &self.url
    }

    pub(crate) fn writer_turn(&self) -> &WriterTurn {
        &self.writer_turn
    }

    pub(crate) fn exclusive_turn(&self) -> &std::sync::Arc<tokio::sync::Mutex<()>> {
        &self.exclusive_turn
    }

    /// The raw pool: storage's own, and tests' to look underneath. The
    /// program writes through [`Database::begin_write`] and reads through
    /// [`Database::connection`].
    #[cfg(feature = "test-support")]
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    #[cfg(not(feature = "test-support"))]
    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// A connection from the pool, for reads that go together.
    pub async fn connection(&self) -> Result<sqlx::pool::PoolConnection<sqlx::Any>, StorageError> {
        Ok(self.pool.acquire().await?)
    }

    /// Whether the database answers, asked over a connection of its own.
    ///
    /// Through the pool, the question queued behind the requests: in a rush
    /// every server's pool was busy for seconds, the balancer's checks timed
    /// out, and it took all three servers out at once, which a busy pool is
    /// not a reason for. A database that is away or too slow to answer
    /// within 0.9 s still fails the check.
    pub async fn ping(&self) -> Result<(), StorageError> {
        if self.pool.is_closed() {
            return Err(sqlx::Error::PoolClosed.into());
        }
        let mut probe = self.probe.lock().await;
        let asked = tokio::time::timeout(PROBE_TIMEOUT, async {
            let connection = match probe.as_mut() {
                Some(open) => open,
                None => probe.insert(sqlx::AnyConnection::connect(&self.url).await?),
            };
            connection.ping().await
        })
        .await;
        match asked {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => {
                *probe = None;
                Err(e.into())
            }
            Err(_) => {
                *probe = None;
                Err(sqlx::Error::PoolTimedOut.into())
            }
        }
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// The default database: a SQLite file under `data_dir`.
pub fn default_sqlite_url(data_dir: &Path) -> String {
    format!("sqlite://{}?mode=rwc", data_dir.join("ghiseu.db").display())
}

fn ensure_sqlite_dir(url: &str) -> Result<(), StorageError> {
    let path = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:");
    let path = path.split('?').next().unwrap_or(path);
    if path.is_empty() || path == ":memory:" {
        return Ok(());
    }
    if let Some(dir) = Path::new(path)
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
    {
        std::fs::create_dir_all(dir).map_err(|source| StorageError::DataDir {
            path: dir.display().to_string(),
            source,
        })?;
    }
    Ok(())
}
