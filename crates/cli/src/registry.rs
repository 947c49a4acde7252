//! `ghiseu registry`: the document registry's jobs from the command line —
//! the reminder scan, for cron, and importing an authority's earlier register.

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
    /// Import documents from the authority's earlier register (CSV; see docs/registry-import.md).
    /// Every row is checked first: any refused row means nothing is written.
    Import(ImportArgs),
}

#[derive(Args)]
pub struct ImportArgs {
    /// The authority whose register the file is, e.g. lt.migration.
    #[arg(long)]
    authority: String,
    /// The CSV file, with a header row.
    file: PathBuf,
    #[command(flatten)]
    database: DatabaseArgs,
    #[command(flatten)]
    source: CatalogueSource,
}

/// Exit status when the file is refused; nothing is written then.
const REFUSED: u8 = 2;

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
    #[arg(
        long,
        env = "GHISEU_PUBLIC_URL",
        default_value = "http://127.0.0.1:8080"
    )]
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
        RegistryCommand::Import(args) => runtime.block_on(import(args)),
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

async fn import(args: &ImportArgs) -> ExitCode {
    let catalogue = match load_catalogue(args.source.catalogue.as_deref()) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let file = match std::fs::File::open(&args.file) {
        Ok(f) => std::io::BufReader::new(f),
        Err(e) => return fail(&format!("cannot read {}: {e}", args.file.display())),
    };
    let db = match open(&args.database).await {
        Ok(db) => db,
        Err(code) => return code,
    };
    let i18n = match I18n::new() {
        Ok(i) => i,
        Err(e) => return fail(&e.to_string()),
    };
    let state = App::new(catalogue, db.clone(), i18n, Clock::System);
    let started = std::time::Instant::now();
    let done = ghiseu_app::registry::import::import(&state, &args.authority, file).await;
    db.close().await;
    let report = match done {
        Ok(report) => report,
        Err(e) => return fail(&format!("nothing was imported: {e}")),
    };
    if !report.problems.is_empty() {
        for p in &report.problems {
            let column = p
                .column
                .as_deref()
                .map(|c| format!(", column {c}"))
                .unwrap_or_default();
            eprintln!(
                "{}: line {}{column}: {}. {}",
                args.file.display(),
                p.line,
                p.what,
                p.fix
            );
        }
        eprintln!(
            "error: {} problem(s) in {} row(s); nothing was imported",
            report.problems.len(),
            report.rows
        );
        return ExitCode::from(REFUSED);
    }
    println!(
        "{} row(s): {} imported, {} already registered ({:.1} s)",
        report.rows,
        report.imported,
        report.already_registered,
        started.elapsed().as_secs_f64()
    );
    ExitCode::SUCCESS
}
