//! `ghiseu person add`: an account created by whoever runs the install, e-mail address already
//! verified — the first administrator of a fresh install, or accounts seeded for a benchmark.

use clap::{Args, Subcommand};
use ghiseu_app::accounts::{IfRegistered, add_verified_person, generated_password};
use ghiseu_domain::account::{EmailAddress, Role, check_password};
use ghiseu_storage::{Database, default_sqlite_url};
use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum PersonCommand {
    /// Create a verified account; without --password-stdin a password is generated and
    /// printed once.
    Add(AddArgs),
}

#[derive(Args)]
pub struct AddArgs {
    /// The person's e-mail address, which is also their sign-in name.
    #[arg(long)]
    email: String,
    /// What the person may do.
    #[arg(long, value_parser = ["citizen", "operator", "supervisor", "administrator"])]
    role: String,
    /// Read the password from standard input (one line) instead of generating one.
    #[arg(long)]
    password_stdin: bool,
    /// sqlite://PATH or postgres://USER@HOST/DB; a SQLite file in the data directory when not given.
    #[arg(long, env = "GHISEU_DATABASE_URL", hide_env_values = true)]
    database_url: Option<String>,
    /// Where the embedded database lives.
    #[arg(long, env = "GHISEU_DATA_DIR", default_value = "data")]
    data_dir: PathBuf,
}

/// Exit status when the request itself is refused; nothing is written then.
const REFUSED: u8 = 2;

fn refuse(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(REFUSED)
}

fn fail(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::FAILURE
}

pub fn run(command: &PersonCommand) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => return fail(&format!("cannot start the runtime: {e}")),
    };
    match command {
        PersonCommand::Add(args) => runtime.block_on(add(args)),
    }
}

/// The password from standard input, without the line ending that `echo` or a terminal adds.
fn password_from_stdin() -> std::io::Result<String> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let line = text.strip_suffix('\n').unwrap_or(&text);
    Ok(line.strip_suffix('\r').unwrap_or(line).to_string())
}

/// The registration rule: strong enough, and not guessable from the address.
fn password_problem(email: &str, password: &str) -> Option<String> {
    let local = email.split('@').next().unwrap_or("");
    let mut about: Vec<&str> = vec![email, local];
    about.extend(local.split(['.', '_', '-', '+']).filter(|p| p.len() > 2));
    check_password(password, &about)
        .err()
        .map(|p| p.to_string())
}

async fn add(args: &AddArgs) -> ExitCode {
    let email = match EmailAddress::parse(&args.email) {
        Ok(email) => email,
        Err(e) => return refuse(&format!("--email {:?}: {e}", args.email)),
    };
    let Some(role) = Role::parse(&args.role) else {
        return refuse(&format!("--role {:?} is not a role", args.role));
    };
    let (password, generated) = if args.password_stdin {
        match password_from_stdin() {
            Ok(password) => (password, false),
            Err(e) => return fail(&format!("cannot read the password from stdin: {e}")),
        }
    } else {
        match generated_password() {
            Ok(password) => (password, true),
            Err(e) => return fail(&format!("cannot generate a password: {e}")),
        }
    };
    if let Some(problem) = password_problem(&args.email, &password) {
        return refuse(&format!("the password is refused: {problem}"));
    }
    let url = args
        .database_url
        .clone()
        .unwrap_or_else(|| default_sqlite_url(&args.data_dir));
    let db = match Database::connect(&url).await {
        Ok(db) => db,
        Err(e) => return fail(&format!("cannot open the database: {e}")),
    };
    let added = add_verified_person(
        &db,
        &email,
        role,
        password.clone(),
        jiff::Timestamp::now(),
        IfRegistered::Refuse,
    )
    .await;
    db.close().await;
    match added {
        Ok(Some(_)) => {
            println!(
                "Created {} {} (e-mail address verified).",
                role.code(),
                email
            );
            if generated {
                println!("Password (shown only this once): {password}");
            }
            ExitCode::SUCCESS
        }
        Ok(None) => refuse(&format!(
            "{email} is already registered; nothing was changed"
        )),
        Err(e) => fail(&format!("cannot create the account: {e}")),
    }
}
