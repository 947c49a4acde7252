//! Ghiseu's storage: the database (embedded SQLite by default, PostgreSQL in
//! production) behind one query code path, its migrations, and the reading
//! of catalogue files.
#![forbid(unsafe_code)]

pub mod accounts;
pub mod appointments;
pub mod audit;
pub mod card_checks;
pub mod case_documents;
pub mod cases;
pub mod catalogue_files;
mod counters;
mod database;
mod error;
mod exclusive;
pub mod fee_orders;
pub mod households;
pub mod idempotency;
pub mod identity;
pub mod invitations;
pub mod issued_documents;
pub mod issued_files;
pub mod notifications;
pub mod organisations;
pub mod outbox;
pub mod payments;
pub mod profiles;
pub mod registry;
pub mod registry_import;
pub mod registry_watch;
pub mod reminders;
pub mod representations;
pub mod revisions;
pub mod second_factor;
pub mod sessions;
pub mod sign_in;
pub mod staff;
mod write;

pub use database::{Backend, Database, default_sqlite_url};
pub use error::{Fault, StorageError};
pub use exclusive::{Exclusive, Turn};
/// A database connection, or an open transaction (`&mut *tx`), for repository calls.
pub use sqlx::AnyConnection as Connection;
pub use write::{Savepoint, WriteTurn, WriteTx};

#[cfg(feature = "test-support")]
pub mod testing;
