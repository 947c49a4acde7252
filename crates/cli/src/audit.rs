//! `ghiseu audit`: checks of the audit log.

use clap::{Args, Subcommand};
use ghiseu_storage::audit::{self, AuditVerifyError};
use ghiseu_storage::{Database, default_sqlite_url};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum AuditCommand {
    /// Verify the hash chain of the audit log; prints one JSON object and
    /// exits 1 if the log was tampered with.
    Verify(DatabaseArgs),
}

/// The database, chosen as `ghiseu serve` chooses it.
#[derive(Args)]
pub struct DatabaseArgs {
    /// sqlite://PATH or postgres://USER@HOST/DB; a SQLite file in the data directory when not given.
    #[arg(long, env = "GHISEU_DATABASE_URL", hide_env_values = true)]
    database_url: Option<String>,
    /// Where the embedded database lives.
    #[arg(long, env = "GHISEU_DATA_DIR", default_value = "data")]
    data_dir: PathBuf,
}

impl DatabaseArgs {
    /// The database's URL: the one given, or the SQLite file in the data directory.
    pub fn url(&self) -> String {
        self.database_url
            .clone()
            .unwrap_or_else(|| default_sqlite_url(&self.data_dir))
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }
}

/// Exit status when the log could not be checked at all.
const CANNOT_CHECK: u8 = 2;

pub fn run(command: &AuditCommand) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::from(CANNOT_CHECK);
        }
    };
    match command {
        AuditCommand::Verify(args) => runtime.block_on(verify(args)),
    }
}

async fn verify(args: &DatabaseArgs) -> ExitCode {
    let url = args
        .database_url
        .clone()
        .unwrap_or_else(|| default_sqlite_url(&args.data_dir));
    let db = match Database::connect(&url).await {
        Ok(db) => db,
        Err(e) => {
            eprintln!("error: cannot open the database: {e}");
            return ExitCode::from(CANNOT_CHECK);
        }
    };
    let verified = audit::verify(&db).await;
    db.close().await;
    match verified {
        Ok(report) => {
            println!(
                "{}",
                json!({"ok": true, "entries": report.entries, "last_hash": report.last_hash})
            );
            ExitCode::SUCCESS
        }
        Err(AuditVerifyError::Broken { sequence, reason }) => {
            println!(
                "{}",
                json!({"ok": false, "sequence": sequence, "reason": reason.to_string()})
            );
            ExitCode::FAILURE
        }
        Err(AuditVerifyError::Storage(e)) => {
            eprintln!("error: cannot read the audit log: {e}");
            ExitCode::from(CANNOT_CHECK)
        }
    }
}
