//! `ghiseu-bench certificates`: the work of issuing a certificate that does
//! not touch the database, on every core at once: seal the QR payload, draw
//! its modules, render the PDF/A and sign it (PAdES). Then QR texts opened
//! (verified) per second on one core. Reports throughput, latency
//! percentiles and the size of a signed certificate.

use std::time::{Duration, Instant};

use anyhow::Context;
use ghiseu_pdf::{Certificate, Entries, Labelled, Outcome, QrMatrix, Signer};
use ghiseu_seal::{KeySet, SealKey, SealPayload};

#[derive(clap::Args)]
pub struct CertificatesArgs {
    /// How long each thread issues certificates.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=300))]
    seconds: u64,
    /// Threads issuing at once (default: one per core).
    #[arg(long)]
    threads: Option<usize>,
}

fn labelled(label: &str, value: &str) -> Labelled {
    Labelled {
        label: label.into(),
        value: value.into(),
    }
}

/// One certificate, issued as `electronic issue` does it (without the database).
fn issue(key: &SealKey, signer: &Signer, index: u64) -> anyhow::Result<Vec<u8>> {
    let number = format!("RO-CAZIER-D-2026-{index:06}");
    let payload = SealPayload {
        number: number.clone(),
        document_type: "criminal-record-certificate".into(),
        holder_name: "Ioana-Mădălina Ștefănescu".into(),
        birth_date: Some("1985-04-27".parse()?),
        issued_on: "2026-12-05".parse()?,
        expires_on: "2027-06-05".parse()?,
    };
    let text = ghiseu_seal::seal(&payload, key)?;
    let (width, dark) = ghiseu_seal::qr_modules(&text)?;
    let certificate = Certificate {
        language: "ro".into(),
        title: "Certificat de cazier judiciar".into(),
        authority: "Ministerul Afacerilor Interne — Cazierul judiciar".into(),
        registration_number: labelled("Număr de înregistrare", &number),
        holder_name: labelled("Titular", &payload.holder_name),
        personal_id: labelled("Cod numeric personal", "2**********37"),
        birth: labelled("Data nașterii", "1985-04-27"),
        purpose: labelled("Solicitat pentru", "Angajare"),
        issued_on: labelled("Eliberat la", "2026-12-05"),
        valid_until: labelled("Valabil până la", "2027-06-05"),
        result: Outcome {
            heading: "Mențiuni".into(),
            entries: Entries::None("Titularul nu este înscris în cazierul judiciar.".into()),
        },
        verification:
            "Oricine poate verifica acest certificat la https://ghiseu.example/ro/documents/check."
                .into(),
        qr: QrMatrix { width, dark },
    };
    let rendered = ghiseu_pdf::render(&certificate)?;
    let time = jiff::Timestamp::now().to_zoned(jiff::tz::TimeZone::get("Europe/Bucharest")?);
    Ok(ghiseu_pdf::sign(&rendered, signer, time)?)
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[rank.min(sorted.len() - 1)].as_secs_f64() * 1000.0
}

pub fn run(args: CertificatesArgs) -> anyhow::Result<()> {
    let key = SealKey::demo("Ghiseu bench authority", jiff::Timestamp::now())?;
    let signer = Signer {
        key: key.signing_key().clone(),
        certificate_der: key.certificate_der().to_vec(),
    };
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, usize::from));
    let until = Instant::now() + Duration::from_secs(args.seconds);
    let started = Instant::now();
    let mut latencies: Vec<Duration> = Vec::new();
    let mut size = 0;
    std::thread::scope(|scope| -> anyhow::Result<()> {
        let workers: Vec<_> = (0..threads)
            .map(|thread| {
                let (key, signer) = (&key, &signer);
                scope.spawn(move || -> anyhow::Result<(Vec<Duration>, usize)> {
                    let mut mine = Vec::new();
                    let mut size = 0;
                    let mut index = thread as u64 * 1_000_000;
                    while Instant::now() < until {
                        let began = Instant::now();
                        size = issue(key, signer, index)?.len();
                        mine.push(began.elapsed());
                        index += 1;
                    }
                    Ok((mine, size))
                })
            })
            .collect();
        for worker in workers {
            let (mine, last) = worker
                .join()
                .map_err(|_| anyhow::anyhow!("a worker stopped"))??;
            latencies.extend(mine);
            size = last;
        }
        Ok(())
    })?;
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort();
    let issued = latencies.len();

    let text = ghiseu_seal::seal(
        &SealPayload {
            number: "RO-CAZIER-D-2026-000001".into(),
            document_type: "criminal-record-certificate".into(),
            holder_name: "Ioana-Mădălina Ștefănescu".into(),
            birth_date: Some("1985-04-27".parse()?),
            issued_on: "2026-12-05".parse()?,
            expires_on: "2027-06-05".parse()?,
        },
        &key,
    )?;
    let keys = KeySet::new(key);
    let opened_until = Instant::now() + Duration::from_secs(args.seconds.min(5));
    let opening = Instant::now();
    let mut opened = 0u64;
    while Instant::now() < opened_until {
        ghiseu_seal::open(&text, &keys).context("the bench's own seal did not open")?;
        opened += 1;
    }
    let opens_per_second = opened as f64 / opening.elapsed().as_secs_f64();

    println!(
        "ghiseu-bench certificates: {threads} threads, {} s\n",
        args.seconds
    );
    println!("| measure | value |\n|---|---:|");
    println!("| certificates issued (seal, QR, PDF/A, PAdES) | {issued} |");
    println!(
        "| certificates per second | {:.0} |",
        issued as f64 / elapsed
    );
    println!(
        "| latency p50 / p99 / max ms | {:.1} / {:.1} / {:.1} |",
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.99),
        percentile(&latencies, 1.0)
    );
    println!("| signed certificate size | {size} bytes |");
    println!("| QR text length | {} characters |", text.len());
    println!("| QR texts verified per second (one core) | {opens_per_second:.0} |");
    Ok(())
}
