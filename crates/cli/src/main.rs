//! `ghiseu`: the one binary. Serves the portal and answers catalogue
//! questions from the command line.
#![forbid(unsafe_code)]

mod audit;
mod commands;
mod delivery;
mod documents;
mod issuance;
mod person;
mod registry;
mod serve;

use clap::{Args, Parser, Subcommand};

// glibc's allocator took about a sixth of a public check's time under load
// (measured with perf on `ghiseu-bench check`, BENCHMARKS.md); mimalloc's
// thread-local free lists make the many small allocations of a request cheap.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "ghiseu", version, about = "Ghiseu: public document e-services")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web portal and API.
    Serve(Box<serve::ServeArgs>),
    /// Price a service for one holder and print the quote as JSON.
    Quote(commands::QuoteArgs),
    /// Check a national identification number and print what it carries as JSON.
    CheckId(commands::CheckIdArgs),
    /// Check the audit log's hash chain.
    Audit {
        #[command(subcommand)]
        command: audit::AuditCommand,
    },
    /// List, show or check the service catalogue.
    Catalogue {
        #[command(subcommand)]
        command: commands::CatalogueCommand,
    },
    /// Look after the document store, where applicants' scans are kept.
    Documents {
        #[command(subcommand)]
        command: documents::DocumentsCommand,
    },
    /// Create accounts from the command line (the first administrator, seeded accounts).
    Person {
        #[command(subcommand)]
        command: person::PersonCommand,
    },
    /// The document registry's jobs: reminders.
    Registry {
        #[command(subcommand)]
        command: registry::RegistryCommand,
    },
}

/// Where the catalogue comes from: a directory, or the one bundled in the binary.
#[derive(Args, Clone)]
pub struct CatalogueSource {
    /// Catalogue directory (authority files, and calendars/ beneath); the bundled catalogue when not given.
    #[arg(long, env = "GHISEU_CATALOGUE", value_name = "DIR")]
    pub catalogue: Option<PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Serve(args) => serve::run(*args),
        Command::Quote(args) => commands::quote(&args),
        Command::CheckId(args) => commands::check_id(&args),
        Command::Catalogue { command } => commands::catalogue(&command),
        Command::Audit { command } => audit::run(&command),
        Command::Person { command } => person::run(&command),
        Command::Documents { command } => documents::run(&command),
        Command::Registry { command } => registry::run(&command),
    }
}
