//! What a payment provider's webhook costs when it pays one fee order for several cases,
//! against the same number of cases each paid by the webhook of its own order, in the same run:
//! in process (no HTTP), through the application layer's `deliver`, on SQLite and, given a URL,
//! PostgreSQL. People paying one way and the other take turns, so both meet the same noise.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context as _, anyhow, bail};
use ghiseu_app::payments::{events, fee_orders};
use ghiseu_app::{App, Clock, Keyed, OnlinePayment, Settings};
use ghiseu_domain::catalogue::{Catalogue, Lang};
use ghiseu_payments::{DemoPayment, DemoPaymentProvider, PaymentStatus, Secret};
use ghiseu_storage::Database;
use ghiseu_storage::cases::{self, CaseRecord, Filing, Move};

use crate::submissions::PostgresDatabase;
use crate::timing_stats::quantile;

const SERVICE: &str = "md.igm.ir";
const OFFICE: &str = "igm-chisinau";
const FEE_MINOR: i64 = 45_000;

#[derive(clap::Args)]
pub struct FeeOrdersArgs {
    /// People paying, half through one fee order each and half case by case.
    #[arg(long, default_value_t = 200, value_parser = clap::value_parser!(u64).range(2..=5000))]
    people: u64,
    /// Cases each person pays.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u64).range(1..=20))]
    cases: u64,
    /// A PostgreSQL server to measure as well: the bench makes a fresh database there (from
    /// this address of an existing one) and drops it afterwards.
    #[arg(long)]
    postgres: Option<String>,
    /// Where to write the Markdown report as well as printing it.
    #[arg(long)]
    output: Option<PathBuf>,
}

/// One backend's figures: the time to settle one person's cases, each way.
struct Figures {
    backend: &'static str,
    combined: Vec<Duration>,
    single: Vec<Duration>,
}

pub async fn run(args: FeeOrdersArgs) -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let sqlite = format!("sqlite://{}/bench.db?mode=rwc", dir.path().display());
    let mut all = vec![measure("SQLite", &sqlite, &args).await?];
    if let Some(admin_url) = &args.postgres {
        let fresh = PostgresDatabase::create(admin_url)?;
        all.push(measure("PostgreSQL", &fresh.url, &args).await?);
    }
    let markdown = report(&args, &all);
    println!("{markdown}");
    if let Some(output) = &args.output {
        if let Some(parent) = output.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(output, &markdown)
            .with_context(|| format!("cannot write {}", output.display()))?;
    }
    Ok(())
}

fn provider() -> anyhow::Result<Arc<DemoPaymentProvider>> {
    let secret = Secret::new(b"the fee order benchmark's provider secret, 32+ bytes")
        .map_err(|e| anyhow!("{e}"))?;
    Ok(Arc::new(DemoPaymentProvider::new(
        secret,
        "http://127.0.0.1:8080",
    )))
}

async fn measure(
    backend: &'static str,
    url: &str,
    args: &FeeOrdersArgs,
) -> anyhow::Result<Figures> {
    let catalogue = Catalogue::load(&ghiseu_storage::catalogue_files::bundled())
        .map_err(|errors| anyhow!("the bundled catalogue has {} error(s)", errors.len()))?;
    let db = Database::connect(url).await?;
    let demo = provider()?;
    let settings = Settings {
        online_payment: OnlinePayment::Demo(demo.clone()),
        ..Settings::default()
    };
    let i18n = ghiseu_i18n::I18n::new().map_err(|e| anyhow!("{e:?}"))?;
    let app = App::with_settings(catalogue, db, i18n, Clock::System, settings);
    let run = uuid::Uuid::now_v7().simple().to_string();
    let mut figures = Figures {
        backend,
        combined: Vec::new(),
        single: Vec::new(),
    };
    for person in 0..args.people {
        let id = format!("bench-{run}-{person}");
        let refs = seed(&app, &id, person, args.cases).await?;
        if person % 2 == 0 {
            figures
                .combined
                .push(pay_combined(&app, &demo, &id, &refs).await?);
        } else {
            figures.single.push(pay_each(&app, &demo, &refs).await?);
        }
    }
    Ok(figures)
}

/// A person with `count` cases waiting for their fee, each with its own order: the references.
async fn seed(app: &App, person: &str, index: u64, count: u64) -> anyhow::Result<Vec<String>> {
    let now = app.clock.now().as_microsecond();
    let mut conn = app.db.connection().await?;
    let inserted = ghiseu_storage::accounts::insert_person(
        &mut conn,
        &ghiseu_storage::accounts::NewPerson {
            id: person,
            email: &format!("{person}@bench.example"),
            password_hash: "-",
            role: "citizen",
            preferred_lang: "en",
            now,
        },
    )
    .await?;
    if !inserted {
        bail!("person {person} exists already");
    }
    drop(conn);
    let (authority, _) = app
        .catalogue
        .service(SERVICE)
        .ok_or_else(|| anyhow!("no service {SERVICE}"))?;
    let mut references = Vec::new();
    for n in 0..count {
        let id = uuid::Uuid::now_v7().to_string();
        let sequence = u32::try_from(index * 20 + n + 1)?;
        let reference =
            ghiseu_domain::case::CaseReference::new(&authority.reference_prefix, 2026, sequence)
                .to_string();
        let record = CaseRecord {
            id: id.clone(),
            reference: None,
            authority_id: authority.id.clone(),
            service_id: SERVICE.into(),
            applicant_id: person.into(),
            holder_person_id: Some(person.into()),
            holder_ward_id: None,
            holder_given_name: "Ana".into(),
            holder_family_name: "Bench".into(),
            holder_birth_date: Some("1985-04-27".into()),
            holder_region: None,
            holder_citizenship: None,
            category_id: None,
            answers: "{}".into(),
            office_id: Some(OFFICE.into()),
            state: "draft".into(),
            assignee_id: None,
            filed_on: None,
            deadline: None,
            fee_minor: None,
            currency: authority.currency.code().into(),
            pickup_office_id: None,
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let mut tx = app.db.begin_write().await?;
        cases::insert_draft(&mut tx, &record).await?;
        let filing = Filing {
            reference: &reference,
            office_id: OFFICE,
            filed_on: "2026-12-05",
            deadline: None,
            fee_minor: FEE_MINOR,
            category_id: None,
        };
        cases::record_filing(&mut tx, &id, &filing).await?;
        for (version, from, to, action) in [
            (1, "draft", "submitted", "submit"),
            (2, "submitted", "fee-due", "request-fee"),
        ] {
            let step = Move {
                case_id: &id,
                version,
                from,
                to,
                action,
                actor_id: None,
                actor_role: "system",
                reason: None,
                now,
            };
            if cases::apply_move(&mut tx, &step).await?.is_err() {
                bail!("case {id} did not move to {to}");
            }
        }
        tx.commit().await?;
        ghiseu_app::payments::issue_order(app, &id).await?;
        references.push(reference);
    }
    Ok(references)
}

/// Delivers the demonstration provider's signed success for `order` with `reference` and
/// `amount`; the time the application layer took.
async fn deliver(
    app: &App,
    demo: &DemoPaymentProvider,
    order: &str,
    reference: &str,
    amount: i64,
) -> anyhow::Result<Duration> {
    let payment = DemoPayment {
        order_id: order.into(),
        reference: reference.into(),
        amount: ghiseu_domain::money::Money::new(amount, ghiseu_domain::money::Currency::Mdl),
        description: "bench".into(),
        return_url: "http://127.0.0.1:8080/".into(),
    };
    let now = jiff::Timestamp::now();
    let (signature, body) =
        demo.sign_webhook(&demo.event(&payment, PaymentStatus::Succeeded, now), now);
    let started = Instant::now();
    let recorded = events::deliver(app, Some(&signature), &body).await?;
    let took = started.elapsed();
    if recorded != events::Recorded::Settled(ghiseu_payments::Effect::Pay) {
        bail!("the payment of {order} was {recorded:?}, not applied");
    }
    Ok(took)
}

async fn pay_combined(
    app: &App,
    demo: &DemoPaymentProvider,
    person: &str,
    references: &[String],
) -> anyhow::Result<Duration> {
    let order = fee_orders::create(app, person, references, Lang::En, Keyed::No)
        .await?
        .map_err(|refused| anyhow!("no fee order: {refused:?}"))?;
    deliver(app, demo, &order.id, &order.reference, order.amount_minor).await
}

async fn pay_each(
    app: &App,
    demo: &DemoPaymentProvider,
    references: &[String],
) -> anyhow::Result<Duration> {
    let mut total = Duration::ZERO;
    for reference in references {
        let case = cases::by_reference(&app.db, reference)
            .await?
            .ok_or_else(|| anyhow!("no case {reference}"))?;
        let order = ghiseu_storage::payments::for_case(&app.db, &case.id)
            .await?
            .ok_or_else(|| anyhow!("no order for {reference}"))?;
        total += deliver(app, demo, &order.id, &order.reference, order.amount_minor).await?;
    }
    Ok(total)
}

fn millis(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The `q` quantile (0–1) of `times`, in milliseconds.
fn percentile(times: &[Duration], q: f64) -> f64 {
    let mut sorted: Vec<f64> = times.iter().copied().map(millis).collect();
    sorted.sort_by(f64::total_cmp);
    quantile(&sorted, q)
}

fn report(args: &FeeOrdersArgs, all: &[Figures]) -> String {
    let mut out = format!(
        "### Paying several fees at once\n\n`ghiseu-bench fee-orders --people {} --cases {}`: each person \
         has {} cases of `{SERVICE}` waiting for their fee; every other person pays them through one \
         fee order (one webhook), the others case by case (one webhook each, the baseline). Time to \
         settle one person's cases, in process through `payments::events::deliver`.\n\n\
         | backend | way | people | p50 ms | p99 ms | cases/s | ratio to case by case (p50) |\n\
         |---|---|---:|---:|---:|---:|---:|\n",
        args.people, args.cases, args.cases
    );
    for f in all {
        let cases_per_s = |times: &[Duration]| {
            let total: Duration = times.iter().sum();
            (times.len() as f64 * args.cases as f64) / total.as_secs_f64().max(f64::EPSILON)
        };
        let (c50, s50) = (percentile(&f.combined, 0.5), percentile(&f.single, 0.5));
        let ratio = c50 / s50.max(f64::EPSILON);
        out.push_str(&format!(
            "| {} | one fee order | {} | {:.1} | {:.1} | {:.0} | {ratio:.2} |\n",
            f.backend,
            f.combined.len(),
            c50,
            percentile(&f.combined, 0.99),
            cases_per_s(&f.combined),
        ));
        out.push_str(&format!(
            "| {} | case by case | {} | {:.1} | {:.1} | {:.0} | 1.00 |\n",
            f.backend,
            f.single.len(),
            s50,
            percentile(&f.single, 0.99),
            cases_per_s(&f.single),
        ));
    }
    out
}
