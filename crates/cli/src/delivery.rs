//! How `ghiseu serve` delivers messages: SMTP and an SMS gateway when they
//! are configured, otherwise demonstration senders that only log.

use clap::Args;
use ghiseu_notify::{
    DeliveryWorker, DemoMailer, DemoSmsGateway, HttpSmsGateway, Mailer, Secret, Sender, SmsGateway,
    SmtpConfig, SmtpMailer, SmtpSecurity,
};
use ghiseu_storage::Database;
use std::sync::Arc;
use std::time::Duration;

#[derive(Args, Clone)]
pub struct DeliveryArgs {
    /// SMTP relay host; without it e-mail is only logged (demonstration).
    #[arg(long, env = "GHISEU_SMTP_HOST")]
    pub smtp_host: Option<String>,
    #[arg(long, env = "GHISEU_SMTP_PORT", default_value_t = 587)]
    smtp_port: u16,
    /// none, starttls or tls.
    #[arg(long, env = "GHISEU_SMTP_SECURITY", default_value = "starttls")]
    smtp_security: String,
    #[arg(long, env = "GHISEU_SMTP_USERNAME")]
    smtp_username: Option<String>,
    /// Read from the environment only, so it never shows in a process list.
    #[arg(skip = std::env::var("GHISEU_SMTP_PASSWORD").ok())]
    smtp_password: Option<String>,
    #[arg(
        long,
        env = "GHISEU_MAIL_FROM",
        default_value = "noreply@ghiseu.example"
    )]
    mail_from: String,
    /// SMS gateway URL; without it SMS are only logged (demonstration).
    #[arg(long, env = "GHISEU_SMS_URL")]
    sms_url: Option<String>,
    #[arg(skip = std::env::var("GHISEU_SMS_TOKEN").ok())]
    sms_token: Option<String>,
}

/// What the demonstration senders were given, for the demo mailbox page:
/// e-mail when no SMTP relay is configured, text messages when no SMS
/// gateway is.
#[derive(Debug, Default)]
pub struct DemoSenders {
    mailer: Option<DemoMailer>,
    sms: Option<DemoSmsGateway>,
}

impl ghiseu_app::demo_mailbox::DemoMailbox for DemoSenders {
    fn received(&self) -> Vec<ghiseu_app::demo_mailbox::DemoMessage> {
        use ghiseu_app::demo_mailbox::DemoMessage;
        let mails = self
            .mailer
            .iter()
            .flat_map(DemoMailer::sent)
            .map(|m| DemoMessage {
                channel: "email",
                to: m.to,
                subject: m.subject,
                body: m.body,
            });
        let texts = self
            .sms
            .iter()
            .flat_map(DemoSmsGateway::sent)
            .map(|m| DemoMessage {
                channel: "sms",
                to: m.to,
                subject: String::new(),
                body: m.text,
            });
        mails.chain(texts).collect()
    }
}

/// The delivery worker, and the demonstration senders it uses where no
/// real relay or gateway is configured (`None` when both are real).
pub fn worker(
    args: &DeliveryArgs,
    db: Database,
) -> Result<(DeliveryWorker, Option<Arc<DemoSenders>>), String> {
    let mut demo = DemoSenders::default();
    let mailer: Arc<dyn Mailer> = match &args.smtp_host {
        Some(host) => {
            let security = match args.smtp_security.as_str() {
                "none" => SmtpSecurity::None,
                "starttls" => SmtpSecurity::StartTls,
                "tls" => SmtpSecurity::Tls,
                other => {
                    return Err(format!(
                        "--smtp-security {other}: use none, starttls or tls"
                    ));
                }
            };
            let config = SmtpConfig {
                host: host.clone(),
                port: args.smtp_port,
                from: Sender {
                    name: "Ghiseu".into(),
                    address: args.mail_from.clone(),
                },
                username: args.smtp_username.clone(),
                password: args.smtp_password.clone().map(Secret::new),
                security,
                extra_root_certificate: None,
                timeout: Duration::from_secs(30),
            };
            Arc::new(SmtpMailer::new(&config).map_err(|e| format!("SMTP settings: {e}"))?)
        }
        None => {
            tracing::warn!(
                "no SMTP relay configured (GHISEU_SMTP_HOST): e-mail is logged, not sent"
            );
            let mailer = DemoMailer::new();
            demo.mailer = Some(mailer.clone());
            Arc::new(mailer)
        }
    };
    let sms: Arc<dyn SmsGateway> = match &args.sms_url {
        Some(url) => Arc::new(
            HttpSmsGateway::new(
                url.clone(),
                Secret::new(args.sms_token.clone().unwrap_or_default()),
                Duration::from_secs(15),
            )
            .map_err(|e| format!("SMS gateway settings: {e}"))?,
        ),
        None => {
            tracing::warn!("no SMS gateway configured (GHISEU_SMS_URL): SMS are logged, not sent");
            let gateway = DemoSmsGateway::new();
            demo.sms = Some(gateway.clone());
            Arc::new(gateway)
        }
    };
    let demo = (demo.mailer.is_some() || demo.sms.is_some()).then(|| Arc::new(demo));
    Ok((DeliveryWorker::new(db, mailer, sms), demo))
}
