//! `ghiseu serve`: the portal and API on one address.

use crate::CatalogueSource;
use crate::commands::load_catalogue;
use clap::Args;
use ghiseu_app::accounts::SessionSettings;
use ghiseu_app::accounts::demo::DemoPasswords;
use ghiseu_app::cases::sweep::{SWEEP_EVERY, SWEEP_GRACE, sweep_documents};
use ghiseu_app::{CardIdentity, Clock, OnlinePayment};
use ghiseu_i18n::I18n;
use ghiseu_payments::{DemoCardProvider, DemoPaymentProvider, Secret};
use ghiseu_storage::{Database, catalogue_files, default_sqlite_url, revisions};
use ghiseu_web::{AppState, Settings, router};
use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

#[derive(Args)]
pub struct ServeArgs {
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, env = "GHISEU_LISTEN", default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// sqlite://PATH or postgres://USER@HOST/DB; a SQLite file in the data directory when not given.
    #[arg(long, env = "GHISEU_DATABASE_URL", hide_env_values = true)]
    database_url: Option<String>,
    /// Where the embedded database lives.
    #[arg(long, env = "GHISEU_DATA_DIR", default_value = "data")]
    data_dir: PathBuf,
    /// The portal's address as people reach it (for links in e-mails); `http://LISTEN` when not given.
    /// An https address also marks cookies Secure.
    #[arg(long, env = "GHISEU_PUBLIC_URL")]
    public_url: Option<String>,
    /// A reverse proxy in front sets X-Forwarded-For: the client is the right-most hop not added by
    /// one of --trusted-proxies.
    #[arg(long, env = "GHISEU_BEHIND_PROXY")]
    behind_proxy: bool,
    /// The proxies (addresses or CIDR ranges, comma-separated) whose X-Forwarded-For hops are
    /// believed with --behind-proxy.
    #[arg(
        long,
        env = "GHISEU_TRUSTED_PROXIES",
        value_delimiter = ',',
        default_value = "127.0.0.0/8,::1/128",
        value_parser = proxy_range
    )]
    trusted_proxies: Vec<ipnet::IpNet>,
    /// The bearer token /metrics asks for; without it /metrics answers only requests made on this
    /// machine directly (not through the proxy).
    #[arg(long, env = "GHISEU_METRICS_TOKEN", hide_env_values = true)]
    metrics_token: Option<String>,
    /// Start with demonstration data and print where to look (implies `--card-provider demo`
    /// and `--payment-provider demo`).
    #[arg(long)]
    demo: bool,
    /// With `--demo` on several servers sharing one database: a secret they share (at least 32
    /// bytes) from which the demonstration accounts' passwords follow, so that every server
    /// prints the same and none changes them under another. Read from the environment only
    /// (GHISEU_DEMO_SECRET), so it never shows in a process list; without it, new passwords at
    /// every start.
    #[arg(skip = std::env::var("GHISEU_DEMO_SECRET").ok())]
    demo_secret: Option<String>,
    /// This server's name among several behind one load balancer (letters, digits, `.`, `_`,
    /// `-`), sent back in a `Ghiseu-Node` header on every response; no such header without it.
    #[arg(long, env = "GHISEU_NODE_NAME", value_parser = node_name)]
    node_name: Option<String>,
    /// Who confirms identities through a bank card check: the demonstration bank, served here,
    /// or no one. Its key comes from GHISEU_CARD_PROVIDER_SECRET (at least 32 bytes); without it,
    /// a random key for this run.
    #[arg(long, env = "GHISEU_CARD_PROVIDER", value_enum, default_value = "none")]
    card_provider: Provider,
    /// Who takes fee payments online: the demonstration provider, served here, or no one (the
    /// printable payment order still works). Its key comes from GHISEU_PAYMENT_PROVIDER_SECRET
    /// (at least 32 bytes); without it, a random key for this run.
    #[arg(
        long,
        env = "GHISEU_PAYMENT_PROVIDER",
        value_enum,
        default_value = "none"
    )]
    payment_provider: Provider,
    #[command(flatten)]
    store: crate::documents::StoreArgs,
    /// For tests and demonstrations only: the server's clock reads this instant at start-up
    /// (e.g. 2026-12-02T08:00:00Z) and runs on from there in real time, for bookings, check-ins,
    /// deadlines and messages alike.
    #[arg(long, env = "GHISEU_CLOCK_START", value_name = "INSTANT")]
    clock_start: Option<jiff::Timestamp>,
    /// Public document checks (POST /api/v1/documents/check and its page) one client address may
    /// make in 15 minutes; 0 switches this limit off (e.g. behind a gateway that limits on its own,
    /// or for a load test).
    #[arg(long, env = "GHISEU_CHECKS_PER_ADDRESS", default_value_t = 30)]
    checks_per_address: i64,
    /// "No match" answers one document number may get in 15 minutes before further unsuccessful
    /// checks of it are refused; 0 switches this limit off.
    #[arg(long, env = "GHISEU_CHECK_MISSES_PER_NUMBER", default_value_t = 5)]
    check_misses_per_number: i64,
    #[command(flatten)]
    source: CatalogueSource,
    #[command(flatten)]
    delivery: crate::delivery::DeliveryArgs,
    #[command(flatten)]
    issuance: crate::issuance::IssuanceArgs,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Provider {
    Demo,
    #[value(name = "none")]
    Off,
}

fn card_identity(args: &ServeArgs, public_url: &str) -> Result<CardIdentity, String> {
    if !args.demo && args.card_provider == Provider::Off {
        return Ok(CardIdentity::Unavailable);
    }
    let secret = match std::env::var("GHISEU_CARD_PROVIDER_SECRET") {
        Ok(key) => {
            Secret::new(key.as_bytes()).map_err(|e| format!("GHISEU_CARD_PROVIDER_SECRET: {e}"))?
        }
        Err(_) => Secret::random().map_err(|e| e.to_string())?,
    };
    let demo = DemoCardProvider::new(secret, public_url);
    Ok(CardIdentity::Demo(std::sync::Arc::new(demo)))
}

fn online_payment(args: &ServeArgs, public_url: &str) -> Result<OnlinePayment, String> {
    if !args.demo && args.payment_provider == Provider::Off {
        return Ok(OnlinePayment::Unavailable);
    }
    let secret = match std::env::var("GHISEU_PAYMENT_PROVIDER_SECRET") {
        Ok(key) => Secret::new(key.as_bytes())
            .map_err(|e| format!("GHISEU_PAYMENT_PROVIDER_SECRET: {e}"))?,
        Err(_) => Secret::random().map_err(|e| e.to_string())?,
    };
    let demo = DemoPaymentProvider::new(secret, public_url);
    Ok(OnlinePayment::Demo(std::sync::Arc::new(demo)))
}

pub fn run(args: ServeArgs) -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_env("GHISEU_LOG").unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();
    // File I/O (scans) runs on the blocking pool; a few threads keep it fast
    // while each thread's allocator cache stays one of a few, not hundreds.
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .max_blocking_threads(16)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(serve(args))
}

async fn serve(args: ServeArgs) -> ExitCode {
    let clock = args.clock_start.map_or(Clock::System, Clock::starting_at);
    if let Some(start) = args.clock_start {
        tracing::warn!(%start, "the clock is moved (--clock-start): for tests and demonstrations only");
    }
    let catalogue = match load_catalogue(args.source.catalogue.as_deref()) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let passwords = match demo_passwords(args.demo_secret.as_deref()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let sources = match &args.source.catalogue {
        Some(dir) => catalogue_files::read_dir(dir),
        None => Ok(catalogue_files::bundled()),
    };
    let url = args
        .database_url
        .clone()
        .unwrap_or_else(|| default_sqlite_url(&args.data_dir));
    let db = match Database::connect(&url).await {
        Ok(db) => db,
        Err(e) => {
            eprintln!("error: cannot open the database: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Ok(sources) = &sources {
        let services = i64::try_from(catalogue.services().count()).unwrap_or(i64::MAX);
        if let Err(e) =
            revisions::record(&db, &revisions::fingerprint(sources), services, clock.now()).await
        {
            eprintln!("error: cannot record the catalogue revision: {e}");
            return ExitCode::FAILURE;
        }
    }
    let i18n = match I18n::new() {
        // Only the browser tests' crawler asks for marked texts.
        Ok(i) if std::env::var("GHISEU_PSEUDO_LOCALE").is_ok_and(|v| v == "1") => i.marked(),
        Ok(i) => i,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let services = catalogue.services().count();
    let listener = match tokio::net::TcpListener::bind(args.listen).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: cannot listen on {}: {e}", args.listen);
            return ExitCode::FAILURE;
        }
    };
    let address = listener.local_addr().unwrap_or(args.listen);
    let public_url = args
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{address}"));
    let card_identity = match card_identity(&args, &public_url) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let online_payment = match online_payment(&args, &public_url) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let documents = match crate::documents::open_store(args.store.document_store, &args.data_dir) {
        Ok(store) => store,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let issuance = match args.issuance.load(args.demo, &args.data_dir, clock.now()) {
        Ok(issuance) => issuance,
        Err(e) => {
            eprintln!("error: electronic issue: {e}");
            return ExitCode::FAILURE;
        }
    };
    let (mut worker, demo_senders) = match crate::delivery::worker(&args.delivery, db.clone()) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    // The demo mailbox page exists only in the demonstration, and only for
    // e-mail that no SMTP relay took.
    let demo_mailbox: Option<std::sync::Arc<dyn ghiseu_app::demo_mailbox::DemoMailbox>> =
        if args.demo && args.delivery.smtp_host.is_none() {
            demo_senders.map(|d| d as std::sync::Arc<dyn ghiseu_app::demo_mailbox::DemoMailbox>)
        } else {
            None
        };
    let mailbox_shown = demo_mailbox.is_some();
    let settings = Settings {
        demo_mailbox,
        documents: Some(documents),
        sealer: issuance.sealer,
        register: issuance.register,
        sessions: SessionSettings {
            secure_cookies: public_url.starts_with("https://"),
            trusted_proxies: if args.behind_proxy {
                args.trusted_proxies.clone()
            } else {
                Vec::new()
            },
            ..SessionSettings::default()
        },
        public_url,
        card_identity,
        online_payment,
        metrics_token: args.metrics_token.clone().filter(|t| !t.is_empty()),
        checks: ghiseu_app::registry::check::CheckLimits {
            per_address: args.checks_per_address.max(0),
            misses_per_number: args.check_misses_per_number.max(0),
            ..Default::default()
        },
        node_name: args.node_name.clone(),
        ..Settings::default()
    };
    let state = AppState::with_settings(catalogue, db.clone(), i18n, clock, settings);
    let app = router(state.clone());
    println!("Ghiseu is listening on http://{address}");
    let demo_people = if args.demo {
        match ghiseu_app::accounts::demo::seed(&state, clock.now(), &passwords).await {
            Ok(people) => people,
            Err(e) => {
                eprintln!("error: cannot create the demonstration accounts: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        Vec::new()
    };
    if args.demo {
        println!("  Services:       http://{address}/en/  (Română: http://{address}/ro/)");
        println!(
            "  Fee calculator: http://{address}/en/services/ro.passport.electronic/calculator"
        );
        println!(
            "  API:            http://{address}/api/v1/services  (description: /api/openapi.json)"
        );
        println!(
            "  Catalogue: {services} services; database: {}",
            if url.starts_with("sqlite") {
                "embedded SQLite"
            } else {
                "PostgreSQL"
            }
        );
        println!("  Card check:     http://{address}/en/account/card-check  (demonstration bank)");
        if mailbox_shown {
            println!(
                "  Mailbox:        http://{address}/en/demo/mailbox  (the messages sent, as no SMTP relay is set)"
            );
        }
        for person in &demo_people {
            println!(
                "  Demo {:<14} {}  password: {}",
                person.role, person.email, person.password
            );
        }
    }
    worker.clock_offset = clock.offset();
    let (stop_worker, worker_stopped) = tokio::sync::oneshot::channel::<()>();
    let delivery = tokio::spawn(worker.run(async move {
        let _ = worker_stopped.await;
    }));
    let sweeper = tokio::spawn(expire_drafts_every(
        state.clone(),
        std::time::Duration::from_secs(600),
    ));
    let reminders = tokio::spawn(remind_every(state.clone(), REMIND_EVERY));
    let app_handle = state.app.clone();
    let check_cache = {
        let app = app_handle.clone();
        tokio::spawn(async move { app.check_cache.follow(&app.db).await })
    };
    let store_sweeper = tokio::spawn(sweep_documents_every(state, SWEEP_EVERY));
    let _ = std::io::stdout().flush();
    tracing::info!(%address, services, "serving");
    let served = axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await;
    sweeper.abort();
    store_sweeper.abort();
    reminders.abort();
    check_cache.abort();
    if !ghiseu_app::registry::check::audit::written(&app_handle, CHECK_AUDIT_WAIT).await {
        tracing::error!(
            entries = app_handle.check_audit.queued(),
            "the public checks' audit entries could not all be written before stopping"
        );
    }
    let _ = stop_worker.send(());
    if let Err(e) = delivery.await {
        tracing::error!(error = %e, "the delivery worker stopped abnormally");
    }
    db.close().await;
    match served {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: the server stopped: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Expires stale drafts and tidies appointments now and then at every `period`.
async fn expire_drafts_every(state: AppState, period: std::time::Duration) {
    let mut ticks = tokio::time::interval(period);
    loop {
        ticks.tick().await;
        match ghiseu_app::cases::expiry::expire_drafts(&state).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(expired = n, "stale drafts expired"),
            Err(e) => tracing::warn!(error = %e, "stale drafts were not expired this time"),
        }
        match ghiseu_app::appointments::tidy(&state).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(lapsed = n, "unconfirmed holds lapsed"),
            Err(e) => tracing::warn!(error = %e, "appointments were not tidied this time"),
        }
        match ghiseu_app::issuance::issue_left_behind(&state).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(issued = n, "paid cases left behind were issued"),
            Err(e) => tracing::warn!(error = %e, "paid cases were not issued this time"),
        }
    }
}

/// How often the reminder scan runs: a reminder is due from its day on, so
/// an hourly scan sends each on the morning it falls due.
const REMIND_EVERY: std::time::Duration = std::time::Duration::from_secs(3600);
/// How long a stopping server waits for the public checks' audit entries to be written.
const CHECK_AUDIT_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// Queues the reminders due, at every `period`. Any number of processes may
/// run it at once: each reminder is recorded and queued in one transaction,
/// only by the scan whose record went in.
async fn remind_every(state: AppState, period: std::time::Duration) {
    let mut ticks = tokio::time::interval(period);
    loop {
        ticks.tick().await;
        match ghiseu_app::registry::remind::remind(&state, None).await {
            Ok(done) if done.reminders > 0 => tracing::info!(
                reminders = done.reminders,
                messages = done.messages,
                "reminders queued"
            ),
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "the reminders were not queued this time"),
        }
    }
}

/// Clears out the document store and counts what it holds, at every `period`.
async fn sweep_documents_every(state: AppState, period: std::time::Duration) {
    let mut ticks = tokio::time::interval(period);
    loop {
        ticks.tick().await;
        match sweep_documents(&state, SWEEP_GRACE).await {
            Ok(report) if report.removed + report.partial_removed > 0 => tracing::info!(
                removed = report.removed,
                partial = report.partial_removed,
                objects = report.objects,
                bytes = report.bytes,
                "the document store was swept"
            ),
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "the document store was not swept this time"),
        }
    }
}

async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}

/// Where the demonstration passwords come from: `GHISEU_DEMO_SECRET`, or chance.
fn demo_passwords(secret: Option<&str>) -> Result<DemoPasswords, String> {
    match secret.filter(|s| !s.is_empty()) {
        Some(secret) => Secret::new(secret.as_bytes())
            .map(DemoPasswords::Derived)
            .map_err(|e| format!("GHISEU_DEMO_SECRET: {e}")),
        None => Ok(DemoPasswords::Fresh),
    }
}

/// A server's name for the `Ghiseu-Node` header.
fn node_name(text: &str) -> Result<String, String> {
    if ghiseu_web::is_node_name(text) {
        Ok(text.to_string())
    } else {
        Err(format!(
            "{text:?}: a node's name is 1 to 64 letters, digits, '.', '_' or '-'"
        ))
    }
}

/// A proxy's address or range: `10.0.0.0/8`, or one address such as `10.0.0.7`.
fn proxy_range(text: &str) -> Result<ipnet::IpNet, String> {
    text.parse::<ipnet::IpNet>()
        .or_else(|_| text.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
        .map_err(|_| format!("{text:?} is not an address or a CIDR range such as 10.0.0.0/8"))
}
