//! `ghiseu documents`: the document store, where applicants' scans are kept.

use crate::audit::DatabaseArgs;
use clap::{Args, Subcommand};
use ghiseu_app::cases::sweep::{SWEEP_GRACE, sweep};
use ghiseu_files::{DocumentStore, S3Config, StoreConfig};
use ghiseu_storage::Database;
use std::path::Path;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum DocumentsCommand {
    /// Remove stored files that no current scan refers to (replaced scans, scans of deleted
    /// cases, uploads never recorded) and partial files of uploads cut short, once they are an
    /// hour old; print what is left as JSON. Safe while servers run, and in several processes.
    Sweep(SweepArgs),
}

#[derive(Args)]
pub struct SweepArgs {
    #[command(flatten)]
    database: DatabaseArgs,
    #[command(flatten)]
    store: StoreArgs,
}

/// Where the scans are kept, chosen as `ghiseu serve` chooses it.
#[derive(Args)]
pub struct StoreArgs {
    /// Where applicants' scans are kept: `local` (a `documents` directory in the data
    /// directory) or `s3` (GHISEU_S3_BUCKET, GHISEU_S3_REGION, GHISEU_S3_ENDPOINT for another
    /// S3-compatible service; credentials from the usual AWS_* variables).
    #[arg(
        long,
        env = "GHISEU_DOCUMENT_STORE",
        value_enum,
        default_value = "local"
    )]
    pub document_store: DocumentBackend,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DocumentBackend {
    Local,
    S3,
}

/// The document store `backend` names; a local one lives under `data_dir`.
pub fn open_store(backend: DocumentBackend, data_dir: &Path) -> Result<DocumentStore, String> {
    let config = match backend {
        DocumentBackend::Local => StoreConfig::local_under(data_dir),
        DocumentBackend::S3 => {
            let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
            let bucket = env("GHISEU_S3_BUCKET")
                .ok_or("--document-store s3 needs GHISEU_S3_BUCKET, the bucket's name")?;
            StoreConfig::S3(S3Config {
                bucket,
                region: env("GHISEU_S3_REGION"),
                endpoint: env("GHISEU_S3_ENDPOINT"),
                allow_http: env("GHISEU_S3_ALLOW_HTTP").is_some_and(|v| v == "true"),
            })
        }
    };
    DocumentStore::open(&config).map_err(|e| format!("cannot open the document store: {e}"))
}

pub fn run(command: &DocumentsCommand) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match command {
        DocumentsCommand::Sweep(args) => runtime.block_on(run_sweep(args)),
    }
}

async fn run_sweep(args: &SweepArgs) -> ExitCode {
    let store = match open_store(args.store.document_store, args.database.data_dir()) {
        Ok(store) => store,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let db = match Database::connect(&args.database.url()).await {
        Ok(db) => db,
        Err(e) => {
            eprintln!("error: cannot open the database: {e}");
            return ExitCode::FAILURE;
        }
    };
    let swept = sweep(&db, &store, SWEEP_GRACE).await;
    db.close().await;
    match swept.map(|report| serde_json::to_string(&report)) {
        Ok(Ok(json)) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Ok(Err(e)) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("error: the sweep stopped: {e}");
            ExitCode::FAILURE
        }
    }
}
