//! `ghiseu registry`: the document registry's jobs from the command line —
//! the reminder scan, for cron.

use crate::CatalogueSource;
use crate::commands::load_catalogue;
use clap::{Args, Subcommand};
use ghiseu_app::{App, Clock, Settings};
use ghiseu_i18n::I18n;
use ghiseu_storage::{Database, default_sqlite_url};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum RegistryCommand {
    /// Queue the reminders due today: documents and chip certificates about to expire, documents
    /// not collected. Safe to run again and alongside `ghiseu serve`: each reminder goes out once.
    Remind(RemindArgs),
}

/// Where the database is, as `ghiseu serve` takes it.
#[derive(Args)]
pub struct DatabaseArgs {
    /// sqlite://PATH or postgres://USER@HOST/DB; a SQLite file in the data directory when not given.
    #[arg(long, env = "GHISEU_DATABASE_URL", hide_env_values = true)]
    pub database_url: Option<String>,
    /// Where the embedded database lives.
    #[arg(long, env = "GHISEU_DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,
}

#[derive(Args)]
pub struct RemindArgs {
    /// The day to remind for; today in each authority's time zone when not given.
    #[arg(long, value_name = "YYYY-MM-DD")]
    today: Option<jiff::civil::Date>,
    /// The portal's address as people reach it (for links in the messages).
    #[arg(long, env = "GHISEU_PUBLIC_URL", default_value = "http://127.0.0.1:8080")]
    public_url: String,
    #[command(flatten)]
    database: DatabaseArgs,
    #[command(flatten)]
    source: CatalogueSource,
}

pub(crate) fn fail(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::FAILURE
}

pub fn run(command: &RegistryCommand) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => return fail(&format!("cannot start the runtime: {e}")),
    };
    match command {
        RegistryCommand::Remind(args) => runtime.block_on(remind(args)),
    }
}

/// Opens the database the arguments name.
pub(crate) async fn open(args: &DatabaseArgs) -> Result<Database, ExitCode> {
    let url = args
        .database_url
        .clone()
        .unwrap_or_else(|| default_sqlite_url(&args.data_dir));
    Database::connect(&url)
        .await
        .map_err(|e| fail(&format!("cannot open the database: {e}")))
}

async fn remind(args: &RemindArgs) -> ExitCode {
    let catalogue = match load_catalogue(args.source.catalogue.as_deref()) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let db = match open(&args.database).await {
        Ok(db) => db,
        Err(code) => return code,
    };
    let i18n = match I18n::new() {
        Ok(i) => i,
        Err(e) => return fail(&e.to_string()),
    };
    let settings = Settings {
        public_url: args.public_url.clone(),
        ..Settings::default()
    };
    let state = App::with_settings(catalogue, db.clone(), i18n, Clock::System, settings);
    let done = ghiseu_app::registry::remind::remind(&state, args.today).await;
    db.close().await;
    match done {
        Ok(done) => {
            println!(
                "{} reminder(s) queued ({} message(s))",
                done.reminders, done.messages
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(&format!("the reminders were not queued: {e}")),
    }
}
