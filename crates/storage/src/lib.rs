//! Ghiseu's storage: the database (embedded SQLite by default, PostgreSQL in
//! production) behind one query code path, its migrations, and the reading
//! of catalogue files.
#![forbid(unsafe_code)]

pub mod catalogue_files;
mod database;
mod error;
pub mod revisions;

pub use database::{Backend, Database, default_sqlite_url};
pub use error::StorageError;

#[cfg(feature = "test-support")]
pub mod testing;
