//! The one-shot commands: quote, check-id, catalogue.

use crate::CatalogueSource;
use clap::{Args, Subcommand};
use ghiseu_app::published::{QuoteResponse, ServiceDetail};
use ghiseu_domain::catalogue::{Catalogue, Lang, Sources};
use ghiseu_domain::national_id::{Country, NationalId};
use ghiseu_domain::quote::{QuoteInput, quote as price};
use ghiseu_storage::catalogue_files;
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args)]
pub struct QuoteArgs {
    /// Service id, e.g. ro.passport.electronic (see `ghiseu catalogue list`).
    #[arg(long)]
    service: String,
    /// The holder's birth date, YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD")]
    birth_date: Option<String>,
    /// Filing date; today in the authority's time zone when not given.
    #[arg(long, value_name = "YYYY-MM-DD")]
    filed_on: Option<String>,
    /// standard, 20wd, 10wd, 5wd, 1wd or same-day, as the service offers.
    #[arg(long)]
    urgency: Option<String>,
    /// A fee reduction the holder claims (repeatable).
    #[arg(long = "reduction", value_name = "NAME")]
    reductions: Vec<String>,
    /// Issue date to count the validity from; the processing deadline when not given.
    #[arg(long, value_name = "YYYY-MM-DD")]
    issued_on: Option<String>,
    /// Expiry of the holder's passport or travel document.
    #[arg(long, value_name = "YYYY-MM-DD")]
    passport_expires: Option<String>,
    /// Last day of the granted right of stay.
    #[arg(long, value_name = "YYYY-MM-DD")]
    stay_until: Option<String>,
    /// Expiry of the holder's national identity document.
    #[arg(long, value_name = "YYYY-MM-DD")]
    id_document_expires: Option<String>,
    /// Language of the fee labels: en or ro.
    #[arg(long, default_value = "en")]
    lang: String,
    #[command(flatten)]
    source: CatalogueSource,
}

#[derive(Args)]
pub struct CheckIdArgs {
    /// RO (CNP), MD (IDNP) or LT (asmens kodas).
    #[arg(long)]
    country: String,
    number: String,
}

#[derive(Subcommand)]
pub enum CatalogueCommand {
    /// One line per service: id, authority, name.
    List(ListArgs),
    /// One service in full, as JSON (the same as GET /api/v1/services/{id}).
    Show(ShowArgs),
    /// Validate a catalogue directory; every error names its file and line.
    Check { dir: PathBuf },
}

#[derive(Args)]
pub struct ListArgs {
    #[command(flatten)]
    source: CatalogueSource,
}

#[derive(Args)]
pub struct ShowArgs {
    id: String,
    #[command(flatten)]
    source: CatalogueSource,
}

fn fail(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::FAILURE
}

/// Reads and validates the catalogue, or prints every error.
pub fn load_catalogue(dir: Option<&Path>) -> Result<Catalogue, ExitCode> {
    let sources: Sources = match dir {
        Some(dir) => catalogue_files::read_dir(dir).map_err(|e| fail(&e.to_string()))?,
        None => catalogue_files::bundled(),
    };
    Catalogue::load(&sources).map_err(|errors| {
        for e in &errors {
            eprintln!("{e}");
        }
        fail(&format!("the catalogue has {} error(s)", errors.len()))
    })
}

fn print_json(value: &impl serde::Serialize) -> ExitCode {
    match serde_json::to_string_pretty(value) {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e.to_string()),
    }
}

pub fn quote(args: &QuoteArgs) -> ExitCode {
    let catalogue = match load_catalogue(args.source.catalogue.as_deref()) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let lang: Lang = match args.lang.parse() {
        Ok(l) => l,
        Err(e) => return fail(&e),
    };
    let input = QuoteInput {
        service: args.service.clone(),
        birth_date: args.birth_date.clone(),
        filed_on: args.filed_on.clone(),
        urgency: args.urgency.clone(),
        reductions: args.reductions.clone(),
        issued_on: args.issued_on.clone(),
        passport_expires: args.passport_expires.clone(),
        stay_until: args.stay_until.clone(),
        id_document_expires: args.id_document_expires.clone(),
    };
    let request = match input.parse() {
        Ok(r) => r,
        Err(errors) => {
            for e in &errors {
                eprintln!("error: --{}: {}", e.field.replace('_', "-"), e.message);
            }
            return ExitCode::FAILURE;
        }
    };
    let clock = ghiseu_app::Clock::System;
    match price(&catalogue, &request, |a| clock.today(a)) {
        Ok(q) => match catalogue.service(&q.service) {
            Some((authority, _)) => print_json(&QuoteResponse::new(&q, authority, lang)),
            None => fail("the service disappeared from the catalogue"),
        },
        Err(e) => fail(&e.to_string()),
    }
}

pub fn check_id(args: &CheckIdArgs) -> ExitCode {
    let country: Country = match args.country.parse() {
        Ok(c) => c,
        Err(e) => return fail(&e.to_string()),
    };
    match NationalId::parse(country, &args.number) {
        Ok(id) => print_json(&json!({
            "valid": true,
            "country": country.code(),
            "birth_date": id.birth_date().map(|d| d.to_string()),
            "sex": id.sex(),
            "masked": id.masked(),
        })),
        Err(e) => {
            println!(
                "{}",
                json!({ "valid": false, "country": country.code(), "reason": e.to_string(), "code": e.code() })
            );
            ExitCode::FAILURE
        }
    }
}

pub fn catalogue(command: &CatalogueCommand) -> ExitCode {
    match command {
        CatalogueCommand::List(args) => match load_catalogue(args.source.catalogue.as_deref()) {
            Ok(catalogue) => {
                for (authority, service) in catalogue.services() {
                    println!(
                        "{:<32} {:<20} {}",
                        service.id,
                        authority.id,
                        service.name.get(Lang::En)
                    );
                }
                ExitCode::SUCCESS
            }
            Err(code) => code,
        },
        CatalogueCommand::Show(args) => match load_catalogue(args.source.catalogue.as_deref()) {
            Ok(catalogue) => match catalogue.service(&args.id) {
                Some((authority, service)) => print_json(&ServiceDetail::new(authority, service)),
                None => fail(&format!(
                    "there is no service \"{}\"; `ghiseu catalogue list` shows them all",
                    args.id
                )),
            },
            Err(code) => code,
        },
        CatalogueCommand::Check { dir } => match load_catalogue(Some(dir)) {
            Ok(catalogue) => {
                println!(
                    "{}: catalogue OK: {} authorities, {} services",
                    dir.display(),
                    catalogue.authorities().len(),
                    catalogue.services().count()
                );
                ExitCode::SUCCESS
            }
            Err(code) => code,
        },
    }
}
